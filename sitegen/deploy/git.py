"""The git target: `output/` committed as the whole tree of a branch on a remote, and pushed.

Everything happens in a private bare repository in the cache folder (one
per remote and branch), never in the user's repository: blobs go in with
`git hash-object`, the tree is built in a temporary index (GIT_INDEX_FILE)
and `write-tree`, the commit made with `commit-tree` on top of the remote
branch's tip, and pushed with a plain `git push`, so the user's working
tree, index, HEAD and branches are never touched and their own credentials
apply. The tree is exactly `output/`, plus `.nojekyll` (GitHub Pages would
otherwise hide files starting with `_`) and, with `cname`, a `CNAME` file.

Refusals (each overridden by --force): a branch whose last commit sitegen
did not make (someone pushed by hand, or GitHub's settings committed a
CNAME: deploying would drop their change from the site), and a push git
rejects as non-fast-forward (the branch moved during the deploy).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from sitegen import __version__
from sitegen.config import SiteConfig
from sitegen.deploy.errors import DeployError
from sitegen.deploy.fresh import SiteFiles
from sitegen.deploy.gitcli import GitFailed, git, remote_error
from sitegen.deploy.plan import Entry, Plan, diff
from sitegen.deploy.report import Progress, Published
from sitegen.deploy.source import source_commit
from sitegen.deploy.targets import GitTarget

log = logging.getLogger(__name__)

TRAILER = "Deployed-by: sitegen"  # marks the commits sitegen made, so others are noticed
REMOTE_REF = "refs/sitegen/remote"  # the remote branch's tip, as last fetched or pushed
FILE_MODE = "100644"
#: What git says when the branch is no longer where the commit's parent says: a push
#: rejected as non-fast-forward, or a remote whose ref moved while it received ours.
MOVED = ("non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref",
         "stale info")


class GitPublisher:
    def __init__(self, target: GitTarget, config: SiteConfig, *, force: bool = False,
                 message: str | None = None) -> None:
        self.target = target
        self.config = config
        self.force = force
        self.message = message
        key = hashlib.sha256(f"{target.remote}\0{target.branch}".encode()).hexdigest()[:12]
        self.repo = config.path(config.cache_dir) / "deploy" / f"git-{key}.git"
        self.where = target.where
        self._tip: str | None = None
        self._extras: dict[str, bytes] = {}  # files the branch has beyond output/
        self._blobs: dict[str, str] = {}  # every path's blob id, as planned

    def plan(self, site: SiteFiles) -> Plan:
        """Fetch the branch and compare its tree with `output/`. Raises DeployError."""
        self._init_repo()
        self._tip = self._fetch()
        if self._tip is not None and not self.force:
            self._check_tip_is_ours(self._tip)
        self._extras = {".nojekyll": b""}
        if self.target.cname:
            if "CNAME" in site.files:
                log.warning("cname = %r replaces the CNAME file in output/", self.target.cname)
            self._extras["CNAME"] = f"{self.target.cname}\n".encode()
        wanted = {p: Entry(blob_id_of_file(f.source), f.size) for p, f in site.files.items()
                  if p not in self._extras}
        wanted |= {p: Entry(blob_id(data), len(data)) for p, data in self._extras.items()}
        self._blobs = {p: e.version for p, e in wanted.items()}
        present = self._tree_entries(self._tip) if self._tip else {}
        return diff(wanted, present)

    def publish(self, site: SiteFiles, plan: Plan, progress: Progress) -> Published:
        """Commit the tree and push it. Raises DeployError; the branch moves in one step
        (a push updates a ref atomically) or not at all."""
        if plan.is_empty:
            return Published(self.where, f"commit {self._tip[:7]}" if self._tip else "")
        blobs = self._write_blobs(site, plan, progress)
        tree = self._write_tree(blobs)
        commit = self._commit(tree)
        log.info("pushing %d new or changed files to %s", len(plan.uploads), self.where)
        self._push(commit)
        return Published(self.where, f"commit {commit[:7]}", plan.bytes_to_send)

    def _init_repo(self) -> None:
        if not (self.repo / "HEAD").is_file():
            self.repo.parent.mkdir(parents=True, exist_ok=True)
            git(["init", "--quiet", "--bare", str(self.repo)])

    def _fetch(self) -> str | None:
        """The remote branch's tip (now also in our repository), or None if it has none."""
        refspec = f"+refs/heads/{self.target.branch}:{REMOTE_REF}"
        try:
            git(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", self.target.remote,
                 refspec], git_dir=self.repo)
        except GitFailed as failure:
            if "couldn't find remote ref" not in failure.stderr.lower():
                raise remote_error(self.target.url, failure) from None
            git(["update-ref", "-d", REMOTE_REF], git_dir=self.repo)
            return None
        return git(["rev-parse", "--verify", f"{REMOTE_REF}^{{commit}}"], git_dir=self.repo).strip()

    def _check_tip_is_ours(self, tip: str) -> None:
        body = git(["log", "-1", "--format=%B", tip], git_dir=self.repo)
        if not any(line.startswith(TRAILER) for line in body.splitlines()):
            subject = body.strip().splitlines()[0] if body.strip() else ""
            raise DeployError(
                f"{self.target.url}: the last commit of {self.target.branch} ({tip[:7]} "
                f"{subject!r}) was not made by sitegen deploy, and deploying would replace its "
                "files with output/; put what it added in the static folder, or pass --force")

    def _tree_entries(self, commit: str) -> dict[str, Entry]:
        listing = git(["ls-tree", "-r", "-l", "-z", commit], git_dir=self.repo)
        entries = {}
        for record in filter(None, listing.split("\0")):
            meta, path = record.split("\t", 1)
            mode, kind, object_id, size = meta.split()
            if kind == "blob":
                version = object_id if mode == FILE_MODE else f"{mode}:{object_id}"
                entries[path] = Entry(version, int(size))
        return entries

    def _write_blobs(self, site: SiteFiles, plan: Plan, progress: Progress) -> dict[str, str]:
        """Store the new and changed files as blobs; returns every path's blob id."""
        with tempfile.TemporaryDirectory(dir=self.repo) as scratch:
            sources: dict[str, Path] = {}
            for change in plan.uploads:
                if change.path in self._extras:
                    sources[change.path] = Path(scratch) / f"extra-{len(sources)}"
                    sources[change.path].write_bytes(self._extras[change.path])
                else:
                    sources[change.path] = site.files[change.path].source
            paths = "".join(f"{p}\n" for p in sources.values())
            if any("\n" in str(p) for p in sources.values()):
                raise DeployError("a file name in output/ contains a line break; git targets "
                                  "cannot take it")
            ids = git(["hash-object", "-w", "--no-filters", "--stdin-paths"],
                      git_dir=self.repo, input=paths.encode()).split()
        for change in plan.uploads:
            progress.advance(change.new_size or 0)
        written = dict(zip(sources, ids, strict=True))
        if any(self._blobs[p] != blob for p, blob in written.items()):
            raise DeployError(f"{site.folder}: a file changed while deploying; deploy again")
        return self._blobs

    def _write_tree(self, blobs: dict[str, str]) -> str:
        """The tree of `blobs`, built in a temporary index (the user's is never used)."""
        entries = "".join(f"{FILE_MODE} {blob}\t{path}\0" for path, blob in sorted(blobs.items()))
        handle, index = tempfile.mkstemp(prefix="index-", dir=self.repo)
        os.close(handle)
        os.unlink(index)  # git wants to create the index itself
        try:
            env = {"GIT_INDEX_FILE": index}
            git(["update-index", "-z", "--add", "--index-info"], git_dir=self.repo, env=env,
                input=entries.encode("utf-8"))
            return git(["write-tree"], git_dir=self.repo, env=env).strip()
        finally:
            Path(index).unlink(missing_ok=True)

    def _commit(self, tree: str) -> str:
        parents = ["-p", self._tip] if self._tip else []
        return git(["commit-tree", tree, *parents, "-F", "-"], git_dir=self.repo,
                   env=identity(self.config.root),
                   input=self._message().encode("utf-8")).strip()

    def _message(self) -> str:
        source = source_commit(self.config)
        short = (source[:12] + ("-dirty" if source.endswith("-dirty") else "")) if source else ""
        subject = self.message or (f"Deploy {self.config.title} from {short}" if source
                                   else f"Deploy {self.config.title}")
        trailers = [f"Source-commit: {source}"] if source else []
        return "\n".join([subject, "", *trailers, f"{TRAILER} {__version__}", ""])

    def _push(self, commit: str) -> None:
        refspec = f"{'+' if self.force else ''}{commit}:refs/heads/{self.target.branch}"
        try:
            git(["push", "--porcelain", "--quiet", self.target.remote, refspec],
                git_dir=self.repo)
        except GitFailed as failure:
            report = failure.stdout + failure.stderr
            if any(w in report for w in MOVED):
                raise DeployError(
                    f"{self.target.url}: {self.target.branch} moved while deploying (someone "
                    "else pushed) and git refused the non-fast-forward push; deploy again, or "
                    "pass --force to overwrite it") from None
            if "[remote rejected]" in report:
                reason = report.split("[remote rejected]", 1)[1].splitlines()[0].strip()
                raise DeployError(f"{self.target.url}: the remote refused the push "
                                  f"{reason}") from None
            raise remote_error(self.target.url, failure) from None
        git(["update-ref", REMOTE_REF, commit], git_dir=self.repo)


def blob_id(data: bytes) -> str:
    """The git (SHA-1) object id of a blob with these bytes, as `git hash-object` gives."""
    h = hashlib.sha1(f"blob {len(data)}\0".encode())
    h.update(data)
    return h.hexdigest()


def blob_id_of_file(path: Path) -> str:
    size = path.stat().st_size
    h = hashlib.sha1(f"blob {size}\0".encode())
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def identity(site_root: Path) -> dict[str, str]:
    """Author and committer: the user's git identity (as seen from the site), else sitegen."""
    env: dict[str, str] = {}
    for role in ("AUTHOR", "COMMITTER"):
        for part, key, fallback in (("NAME", "user.name", "sitegen"),
                                    ("EMAIL", "user.email", "sitegen@localhost")):
            var = f"GIT_{role}_{part}"
            if var not in os.environ:
                env[var] = _config_value(site_root, key) or fallback
    return env


def _config_value(site_root: Path, key: str) -> str:
    try:
        return git(["config", "--get", key], cwd=site_root).strip()
    except GitFailed:
        return ""
