"""The directory target: a web root that switches to a new version in one atomic step.

The target path is a symlink into a hidden folder beside it,
`.<name>.sitegen/`, which holds the live version and the one before:

    /var/www/site -> .site.sitegen/20261201T120000-3f2a1b
    /var/www/.site.sitegen/20261201T120000-3f2a1b/   the live version
    /var/www/.site.sitegen/20261130T090000-77c0de/   the previous one
    /var/www/.site.sitegen/previous -> 20261130T090000-77c0de

A deploy writes the new version beside the others under a temporary name
(unchanged files are hard links to the live version's), renames it into
place, then replaces the symlink with `rename(2)`, which is atomic: a web
server sees the old version or the new one, and a deploy killed half-way
leaves the old one serving (its temporary folder is cleared next time).
`--rollback` points the symlink back at the previous version (run it
again to return). One deploy at a time, by a lock file in the folder.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitegen.config import SiteConfig
from sitegen.deploy.errors import DeployError
from sitegen.deploy.fresh import SiteFiles
from sitegen.deploy.plan import Entry, Plan, diff
from sitegen.deploy.report import Progress, Published
from sitegen.deploy.targets import DirectoryTarget
from sitegen.write.stamp import file_digest

TEMPORARY = ".tmp-"  # prefix of a version being written
PREVIOUS = "previous"  # the symlink naming the version before the live one
LOCK = "lock"


class DirectoryPublisher:
    def __init__(self, target: DirectoryTarget, config: SiteConfig, *,
                 force: bool = False) -> None:
        self.path = target.path.parent.resolve() / target.path.name
        self.store = self.path.parent / f".{self.path.name}.sitegen"
        self.force = force
        self.where = str(self.path)
        _check_not_a_source(self.path, config)

    def plan(self, site: SiteFiles) -> Plan:
        """Compare the live version with `output/`. Raises DeployError."""
        live = self._live()
        present = _files(live) if live is not None else {}
        return diff({p: Entry(f.sha256, f.size) for p, f in site.files.items()}, present)

    def publish(self, site: SiteFiles, plan: Plan, progress: Progress) -> Published:
        """Write the new version beside the live one, then switch. Raises DeployError, OSError."""
        self.store.mkdir(parents=True, exist_ok=True)
        with self._lock():
            self._clear_unfinished()
            live = self._live()
            managed = live is not None and live.parent == self.store
            if plan.is_empty and managed and live is not None:
                return Published(self.where, f"version {live.name}")
            name = f"{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
            sent = self._write_version(site, live, self.store / name, progress)
            if live is not None and not managed:
                live = self._adopt(live)  # a folder sitegen did not make (--force)
            self._switch(name, live.name if live is not None else None)
            self._prune(keep={name, live.name if live is not None else name})
        return Published(self.where, f"version {name}", sent)

    def rollback_plan(self) -> tuple[Plan, str, str]:
        """What going back to the previous version changes: (plan, live, previous).
        Raises DeployError when there is nothing to go back to."""
        live = self._live()
        previous = self.store / PREVIOUS
        if live is None or live.parent != self.store or not previous.is_dir():
            raise DeployError(f"{self.where}: no previous version to roll back to")
        target = previous.resolve()
        if target == live.resolve():
            raise DeployError(f"{self.where}: the previous version is the live one; "
                              "nothing to roll back to")
        plan = diff(_files(target), _files(live))
        return plan, live.name, target.name

    def rollback(self) -> Published:
        """Point the target at the previous version, and remember the live one as previous."""
        with self._lock():
            _, live, previous = self.rollback_plan()
            self._switch(previous, live)
        return Published(self.where, f"version {previous}, was {live}")

    def _live(self) -> Path | None:
        """The folder served now: a version in the store, a folder sitegen did not make
        (only with --force), or None. Raises DeployError for anything else."""
        if self.path.is_symlink():
            target = self.path.resolve()
            if target.parent == self.store.resolve():
                return self.store / target.name if target.is_dir() else None
            if not self.force:
                raise DeployError(f"{self.where} is a symlink sitegen did not make (to {target}); "
                                  "pass --force to replace it")
            return None
        if self.path.is_dir():
            if any(self.path.iterdir()) and not self.force:
                raise DeployError(f"{self.where} is a folder sitegen did not make; deploy to a new "
                                  "path, or pass --force to keep it as the previous version and "
                                  "switch to a symlink")
            return self.path
        if self.path.exists():
            raise DeployError(f"{self.where} exists and is not a folder")
        return None

    def _adopt(self, folder: Path) -> Path | None:
        """Move a folder sitegen did not make into the store, as the previous version (an
        empty one goes). The target is missing from here until the switch, a moment later."""
        if not any(folder.iterdir()):
            folder.rmdir()
            return None
        adopted = self.store / f"{time.strftime('%Y%m%dT%H%M%S')}-adopted"
        folder.rename(adopted)
        return adopted

    def _write_version(self, site: SiteFiles, live: Path | None, final: Path,
                       progress: Progress) -> int:
        temporary = self.store / f"{TEMPORARY}{final.name}"
        present = _files(live) if live is not None and live.is_dir() else {}
        sent = 0
        for rel, file in sorted(site.files.items()):
            target = temporary / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            old = present.get(rel)
            if old is not None and old.version == file.sha256 and live is not None:
                try:
                    os.link(live / rel, target)
                    continue
                except OSError:
                    pass  # a filesystem without hard links: copy
            shutil.copyfile(file.source, target)
            sent += file.size
            progress.advance(file.size)
        temporary.rename(final)
        return sent

    def _switch(self, name: str, previous: str | None) -> None:
        """Remember `previous`, then point the target at version `name`: each step a rename."""
        if previous is not None and (self.store / previous).is_dir():
            _symlink_atomic(self.store / PREVIOUS, previous)
        _symlink_atomic(self.path, f"{self.store.name}/{name}")

    def _clear_unfinished(self) -> None:
        for child in self.store.iterdir():
            if child.name.startswith(TEMPORARY):
                shutil.rmtree(child, ignore_errors=True)

    def _prune(self, keep: set[str]) -> None:
        for child in self.store.iterdir():
            if child.is_dir() and not child.is_symlink() and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    @contextmanager
    def _lock(self) -> Iterator[None]:
        with open(self.store / LOCK, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise DeployError(f"{self.where}: another deploy to it is running") from None
            yield


def _symlink_atomic(link: Path, target: str) -> None:
    new = link.with_name(f".{link.name}.sitegen-new")
    new.unlink(missing_ok=True)
    os.symlink(target, new)
    os.replace(new, link)


def _files(folder: Path) -> dict[str, Entry]:
    return {p.relative_to(folder).as_posix(): Entry(file_digest(p), p.stat().st_size)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _check_not_a_source(path: Path, config: SiteConfig) -> None:
    """Refuse targets whose replacement by a symlink would hide the site's own files."""
    ancestors_only = {config.root.resolve(): "the site folder", Path.home().resolve(): "your home"}
    entirely = {config.content_path: "the content folder", config.output_path: "output/",
                config.path(config.templates_dir): "the templates folder",
                config.path(config.static_dir): "the static folder"}
    for folder, what in [*ancestors_only.items(), *entirely.items()]:
        inside = folder in path.parents and folder in entirely
        if path == folder or path in folder.parents or inside:
            raise DeployError(f"{path}: refusing to deploy over or into {what} ({folder}); "
                              "choose a folder of its own")
