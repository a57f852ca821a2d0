"""Golden sites: each tests/sites/<case>/ is built and compared file by file with expected/.

Run `pytest tests/build/test_golden_sites.py --update-golden` to rewrite expected/
after an intended change, then review the diff in git.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import load_config
from sitegen.extract.runner import Extractor

SITES = Path(__file__).parent.parent / "sites"
CASES = sorted(p.name for p in SITES.iterdir() if (p / "sitegen.toml").is_file())


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _diff(name: str, want: bytes, got: bytes) -> str:
    lines = difflib.unified_diff(
        want.decode("utf-8", "replace").splitlines(keepends=True),
        got.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"expected/{name}", tofile=f"built/{name}",
    )
    return "".join(lines)


@pytest.mark.model
@pytest.mark.parametrize("case", CASES)
def test_golden_site_matches_expected(
    case: str, tmp_path: Path, extractor: Extractor, request: pytest.FixtureRequest
) -> None:
    site = tmp_path / case
    shutil.copytree(SITES / case, site, ignore=shutil.ignore_patterns("expected"))
    build(load_config(site / "sitegen.toml"), extractor=extractor)
    built = _files(site / "output")
    expected_dir = SITES / case / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(site / "output", expected_dir)
        pytest.skip("expected output rewritten")
    expected = _files(expected_dir)
    assert sorted(built) == sorted(expected), "the set of output files differs"
    diffs = [_diff(name, expected[name], built[name])
             for name in expected if expected[name] != built[name]]
    assert not diffs, "built output differs from expected:\n" + "\n".join(diffs)
