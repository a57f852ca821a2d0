"""Targets: a deploy URL (from `--to` or a `[deploy.<name>]` table) as a typed record.

The scheme picks the kind, as Hugo's deploy does: `git+https://`, `git+http://`,
`git+ssh://` and `git+file://` for a branch of a git repository, `s3://` for an
S3-compatible bucket, `file://` for a directory. Relative `file:` and
`git+file:` paths (`file:./published`) are relative to the site root.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from sitegen.config import DeployConfig, SiteConfig
from sitegen.deploy.errors import DeployError
from sitegen.errors import ConfigError, SitegenError, SourceLocation

DEFAULT_BRANCH = "gh-pages"  # GitHub Pages' conventional branch; most git hosts accept any
SCHEMES = ("git+https", "git+http", "git+ssh", "git+file", "s3", "file")
#: Options each kind takes (from the table; s3 also from the URL's query, like Hugo's).
OPTIONS = {"git": ("branch", "cname"), "s3": ("endpoint_url", "region"), "directory": ()}


@dataclass(frozen=True, slots=True)
class GitTarget:
    url: str  # as the user wrote it
    remote: str  # what git is given: a URL, or a local path for git+file
    branch: str
    cname: str = ""  # a CNAME file's content (a custom domain), or none

    @property
    def where(self) -> str:
        return f"branch {self.branch} of {self.remote}"


@dataclass(frozen=True, slots=True)
class S3Target:
    url: str
    bucket: str
    prefix: str  # "" or ending in "/"
    endpoint_url: str = ""
    region: str = ""

    @property
    def where(self) -> str:
        shown = f"s3://{self.bucket}/{self.prefix}"
        return f"{shown} at {self.endpoint_url}" if self.endpoint_url else shown


@dataclass(frozen=True, slots=True)
class DirectoryTarget:
    url: str
    path: Path  # absolute; becomes a symlink to the live version

    @property
    def where(self) -> str:
        return str(self.path)


Target = GitTarget | S3Target | DirectoryTarget


@dataclass(frozen=True, slots=True)
class _Source:
    """Where a URL came from, for messages: a config table, or `--to`."""

    label: str  # "deploy.production" or "--to"
    location: SourceLocation | None = None
    options: Mapping[str, str] = field(default_factory=dict)

    def error(self, key: str, message: str) -> SitegenError:
        if self.location is None:
            return DeployError(f"{self.label}: {message}")
        return ConfigError(f"{self.label}.{key}: {message}", self.location)


def select_target(config: SiteConfig, name: str | None = None, url: str | None = None) -> Target:
    """The target `--to URL` or `--target NAME` names; by default the first table.
    Raises SitegenError (ConfigError, located, for a bad table)."""
    if url is not None:
        return parse_target(url, config.root)
    if not config.deploy:
        raise DeployError("no deploy target: add a [deploy.<name>] table with a url to "
                           f"{config.config_path}, or pass --to URL")
    if name is None:
        return _from_table(config.deploy[0], config)
    for table in config.deploy:
        if table.name == name:
            return _from_table(table, config)
    known = ", ".join(t.name for t in config.deploy)
    raise DeployError(f"--target {name}: no [deploy.{name}] table in {config.config_path} "
                       f"(targets: {known})")


def _from_table(table: DeployConfig, config: SiteConfig) -> Target:
    options = {k: getattr(table, k) for k in ("branch", "cname", "endpoint_url", "region")
               if getattr(table, k)}
    source = _Source(f"deploy.{table.name}", SourceLocation(config.config_path, table.line),
                     options)
    return parse_target(table.url, config.root, source)


def parse_target(url: str, site_root: Path, source: _Source | None = None) -> Target:
    """The target a URL names, with the options of its table. Raises SitegenError."""
    source = source or _Source("--to")
    scheme = url.partition(":")[0].lower() if ":" in url else ""
    if scheme not in SCHEMES:
        hint = f"; for a folder, say file://{Path(url).resolve()}" if "://" not in url else ""
        raise source.error("url", f"{url!r}: expected a URL starting with "
                           f"{', '.join(s + ':' for s in SCHEMES)}{hint}")
    kind = "git" if scheme.startswith("git+") else "s3" if scheme == "s3" else "directory"
    parts = urlsplit(url)
    options = dict(source.options)
    if kind == "s3":
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key in options and options[key] != value:
                raise source.error(key, f"given twice, in the table and in the URL's ?{key}=")
            options[key] = value
    for key in options:
        if key not in OPTIONS[kind]:
            takes = ", ".join(OPTIONS[kind]) or "no options"
            raise source.error(key, f"not an option of a {kind} target (it takes {takes})")
    if kind == "git":
        return _git(url, parts.fragment, options, site_root, source)
    if kind == "s3":
        if not parts.netloc:
            raise source.error("url", f"{url!r}: no bucket; expected s3://bucket/prefix")
        prefix = unquote(parts.path).strip("/")
        return S3Target(url, parts.netloc, f"{prefix}/" if prefix else "",
                        options.get("endpoint_url", ""), options.get("region", ""))
    return DirectoryTarget(url, _local_path(url, parts.netloc, parts.path, site_root, source))


def _git(url: str, fragment: str, options: Mapping[str, str], site_root: Path,
         source: _Source) -> GitTarget:
    if fragment and options.get("branch", fragment) != fragment:
        raise source.error("branch", f"the URL says #{fragment}, the table says "
                           f"{options['branch']!r}")
    branch = options.get("branch") or fragment or DEFAULT_BRANCH
    if branch.startswith(("-", "refs/")) or any(c in branch for c in " ~^:?*[\\") \
            or ".." in branch:
        raise source.error("branch", f"{branch!r} is not a branch name")
    bare = url[len("git+"):].split("#", 1)[0]
    if bare.startswith("file:"):
        parts = urlsplit(bare)
        remote = str(_local_path(url, parts.netloc, parts.path, site_root, source))
    else:
        remote = bare
    return GitTarget(url, remote, branch, options.get("cname", "").strip())


def _local_path(url: str, host: str, path: str, site_root: Path, source: _Source) -> Path:
    if host not in ("", "localhost"):
        raise source.error("url", f"{url!r}: a file URL names no host; write file:///abs/path "
                           "or file:relative/path")
    if not path:
        raise source.error("url", f"{url!r}: no path")
    local = Path(unquote(path))
    return local if local.is_absolute() else (site_root / local).resolve()
