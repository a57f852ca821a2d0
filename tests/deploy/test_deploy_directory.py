"""The directory target: versions beside the target, an atomic switch, rollback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.deploy import DeployError, DeployOptions, deploy, parse_target, rollback
from sitegen.extract.runner import Extractor
from tests.deploy.helpers import Site, files_under, make_site, sitegen_env

pytestmark = pytest.mark.model

NO_BUILD = DeployOptions(build=False)
MANY_FILES = 1000  # enough that copying them takes far longer than noticing it has begun


def _target(site: Site, path: Path) -> str:
    return deploy(site.config, parse_target(f"file://{path}", site.root), NO_BUILD).summary()


def _snapshot(folder: Path) -> dict[str, object]:
    """Everything under `folder`, symlinks as their targets, files as bytes."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = (f"-> {os.readlink(path)}" if path.is_symlink() else
                      path.read_bytes() if path.is_file() else "dir")
    return found


def _edit_bridge(site: Site, weeks: int) -> None:
    site.edit("content/articles/bridge-repairs.md",
              "---\ntitle: Bridge repairs begin\ndate: 2024-05-02\n---\n"
              f"Engineer Paul Moreau said repairs would take {weeks} weeks.\n")
    site.build()


def test_directory_deploy_redeploy_and_roll_back(site: Site, tmp_path: Path) -> None:
    live = tmp_path / "www" / "site"
    assert "added" in _target(site, live)
    first = site.output()
    assert files_under(live) == first and live.is_symlink()
    _edit_bridge(site, 12)
    second = site.output()
    assert second != first
    summary = _target(site, live)
    assert "changed" in summary and files_under(live) == second
    target = parse_target(f"file://{live}", site.root)
    assert "rolled back" in rollback(site.config, target).summary()
    assert files_under(live) == first
    rollback(site.config, target)  # rolling back again returns to the newer version
    assert files_under(live) == second
    versions = [p.name for p in (tmp_path / "www" / ".site.sitegen").iterdir() if p.is_dir()
                and not p.is_symlink()]
    assert len(versions) == 2, "the live version and the previous one are kept, no more"


def test_directory_unchanged_files_are_hard_links_to_the_previous_version(
    site: Site, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    _target(site, live)
    old_css = (live / "assets/style.css").resolve()
    _edit_bridge(site, 12)
    _target(site, live)
    assert (live / "assets/style.css").resolve() != old_css
    assert (live / "assets/style.css").stat().st_ino == old_css.stat().st_ino


def test_directory_killed_deploy_leaves_the_previous_version_serving(
    tmp_path: Path, extractor: Extractor
) -> None:
    many = {f"static/bulk/{i:04d}.txt": f"file {i}\n" * 20 for i in range(MANY_FILES)}
    site = make_site(tmp_path / "site", extractor, many)
    live = tmp_path / "site-live"
    _target(site, live)
    before = files_under(live)
    for i in range(MANY_FILES):  # every file changes: the next deploy copies them all
        (site.root / f"static/bulk/{i:04d}.txt").write_text(f"new {i}\n" * 20, encoding="utf-8")
    site.build()
    store = tmp_path / ".site-live.sitegen"
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "deploy", "--no-build", "--to",
                             f"file://{live}"], cwd=site.root, stderr=subprocess.PIPE,
                            env=sitegen_env())
    deadline = time.monotonic() + 60
    while True:
        unfinished = list(store.glob(".tmp-*"))
        if unfinished and sum(1 for _ in unfinished[0].rglob("*.txt")) >= 10:
            proc.send_signal(signal.SIGKILL)
            break
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.001)
    proc.wait()
    assert unfinished[0].exists(), "killed half-way, its unfinished version is still there"
    assert files_under(live) == before, "the previous version is still served, whole"
    _target(site, live)
    assert files_under(live) == site.output()
    assert not list(store.glob(".tmp-*")), "the next deploy clears the unfinished version"


def test_directory_dry_run_changes_nothing(site: Site, tmp_path: Path) -> None:
    www = tmp_path / "www"
    www.mkdir()
    live = www / "site"
    report = deploy(site.config, parse_target(f"file://{live}", site.root),
                    DeployOptions(build=False, dry_run=True))
    assert report.dry_run and len(report.plan.added) == len(site.output())
    assert list(www.iterdir()) == []
    _target(site, live)
    _edit_bridge(site, 12)
    _target(site, live)
    before = _snapshot(www)
    _edit_bridge(site, 14)
    report = deploy(site.config, parse_target(f"file://{live}", site.root),
                    DeployOptions(build=False, dry_run=True))
    assert report.plan.changed and _snapshot(www) == before
    report = rollback(site.config, parse_target(f"file://{live}", site.root), dry_run=True)
    assert report.plan.changed and _snapshot(www) == before


def test_directory_refuses_a_folder_it_did_not_make_unless_forced(
    site: Site, tmp_path: Path
) -> None:
    live = tmp_path / "htdocs"
    (live / "old").mkdir(parents=True)
    (live / "old/index.html").write_text("the old site\n", encoding="utf-8")
    with pytest.raises(DeployError) as info:
        _target(site, live)
    assert "--force" in str(info.value)
    assert files_under(live) == {"old/index.html": b"the old site\n"}
    deploy(site.config, parse_target(f"file://{live}", site.root),
           DeployOptions(build=False, force=True))
    assert files_under(live) == site.output()
    rollback(site.config, parse_target(f"file://{live}", site.root))
    assert files_under(live) == {"old/index.html": b"the old site\n"}, "kept as previous"


def test_directory_refuses_to_replace_the_sites_own_folders(site: Site) -> None:
    for path in (site.root / "output", site.root, site.root / "content/articles"):
        with pytest.raises(DeployError):
            _target(site, path)
    assert site.output(), "output/ is untouched"
