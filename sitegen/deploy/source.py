"""Which commit of the site's own repository a deploy comes from, for its commit message.

Read-only: `git status` runs with --no-optional-locks, so not even the
index's stat cache is refreshed.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.config import SiteConfig
from sitegen.deploy.gitcli import GitFailed, git


def source_commit(config: SiteConfig) -> str | None:
    """HEAD of the repository holding the site (`<id>-dirty` when the site's files differ
    from it), or None when the site is not in a git repository."""
    root = config.root
    try:
        head = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd=root).strip()
        excluded = [f":(exclude){rel}" for rel in (_inside(config.output_path, root),
                                                   _inside(config.path(config.cache_dir), root))
                    if rel]
        status = git(["--no-optional-locks", "status", "--porcelain", "--", ".", *excluded],
                     cwd=root)
    except GitFailed:
        return None
    return f"{head}-dirty" if status.strip() else head


def _inside(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
