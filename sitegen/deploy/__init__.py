"""sitegen deploy: publish `output/` to a git branch, an S3-compatible bucket or a directory.

- `run`: `deploy()` and `rollback()`, from build to summary.
- `targets`: a target URL and its options as a typed record.
- `fresh`: `output/` as the last good build wrote it, or an error when it is stale.
- `plan`: what a target gains, changes and loses, with sizes.
- `report`: progress and the summary line.
- `git` (with `gitcli`, `source`): commit `output/` as a branch's tree and push.
- `s3` (with `headers`): upload what changed to a bucket (the only module using boto3).
- `directory`: a versioned folder switched atomically, with rollback.
"""

from sitegen.deploy.errors import DeployError
from sitegen.deploy.run import DeployOptions, deploy, rollback
from sitegen.deploy.targets import Target, parse_target, select_target

__all__ = ["DeployError", "DeployOptions", "Target", "deploy", "parse_target", "rollback",
           "select_target"]
