"""The wheel: built, installed into a fresh virtualenv, and used outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent


@pytest.mark.slow
def test_wheel_installs_and_builds_a_new_site(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("sitegen-*.whl"))
    # System site packages provide the pinned dependencies (spaCy and the model are
    # large); the wheel itself goes into the venv and shadows any checkout install.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    where = subprocess.run([str(python), "-c", "import sitegen; print(sitegen.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(env_dir) in where, f"sitegen imported from outside the venv: {where}"

    sitegen = env_dir / "bin" / "sitegen"
    work = tmp_path / "elsewhere"
    work.mkdir()
    subprocess.run([str(sitegen), "new", "mysite"], check=True, cwd=work, capture_output=True)
    site = work / "mysite"
    result = subprocess.run([str(sitegen), "build"], cwd=site, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "built 1 articles" in result.stderr
    page = (site / "output/articles/new-library/index.html").read_text(encoding="utf-8")
    assert "Council approves new library" in page
    assert (site / "output/assets/style.css").is_file(), "default theme assets not in the wheel"
    again = subprocess.run([str(sitegen), "new", "mysite"], cwd=work, capture_output=True,
                           text=True)
    assert again.returncode == 1 and "folder is not empty" in again.stderr
