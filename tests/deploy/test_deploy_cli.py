"""`sitegen deploy` as a user runs it: a subprocess in the site's folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.helpers import Site, files_under, sitegen_env

pytestmark = pytest.mark.model

TABLES = ('title = "Deploy test"\n\n[deploy.staging]\nurl = "file:./staging"\n\n'
          '[deploy.production]\nurl = "file:../production"\n')


def _sitegen(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sitegen", "deploy", *args], cwd=site.root,
                          capture_output=True, text=True, env=sitegen_env(), timeout=300,
                          stdin=subprocess.DEVNULL)


def test_cli_deploy_builds_then_publishes_to_the_first_table(site: Site) -> None:
    site.edit("sitegen.toml", TABLES)
    done = _sitegen(site, "--build")
    assert done.returncode == 0, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"deployed to {site.root.resolve() / 'staging'} (version ")
    assert "added, 0 changed, 0 removed" in last
    assert files_under(site.root / "staging") == site.output()
    assert not (site.root.parent / "production").exists()


def test_cli_dry_run_lists_changes_and_changes_nothing(site: Site, tmp_path: Path) -> None:
    site.edit("sitegen.toml", TABLES)
    site.build()
    done = _sitegen(site, "--no-build", "--target", "production", "--dry-run")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert any(line.startswith("  + index.html  ") for line in lines)
    assert any(line.startswith("  + assets/style.css  ") for line in lines)
    assert lines[-1].startswith("dry run: would deploy to") and "nothing was changed" in lines[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_cli_errors_are_one_line_and_exit_1(site: Site) -> None:
    site.edit("content/articles/bridge-repairs.md", "---\ntitle: Edited\n---\nLater.\n")
    done = _sitegen(site, "--no-build", "--to", "file:./live")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: output/ is stale: content/articles/bridge-repairs.md changed since the last "
        "successful build; run `sitegen build`, or deploy without --no-build"]
    done = _sitegen(site, "--no-build")
    assert done.returncode == 1 and "no deploy target" in done.stderr
    done = _sitegen(site, "--rollback", "--to", "s3://bucket")
    assert done.returncode == 1 and "--rollback works on file:// targets" in done.stderr
