"""The Nu HTML Checker (the pinned `vnu-jar` npm package, on Debian's Java) finds no error
in any page of the built sample site, the extras site or the golden sites' expected output.

A page that is invalid on purpose goes through the same run, so a checker that checks
nothing fails the test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.a11y.sites import INSTALL_HINT, ROOT, VNU_JAR

if TYPE_CHECKING:
    from tests.a11y.conftest import BuiltSite

JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(JAVA is None, reason="no `java` on PATH: install default-jre-headless"),
    pytest.mark.skipif(not VNU_JAR.is_file(), reason=f"{VNU_JAR} is missing: {INSTALL_HINT}"),
]

#: A page with exactly one error: an <li> outside any list.
CANARY = "<!doctype html><html lang=en><title>canary</title><li>stray item</html>\n"


def test_a11y_html_every_page_is_valid(theme_sites: dict[str, BuiltSite], tmp_path: Path) -> None:
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    folders = [site.output for site in theme_sites.values()]
    folders += sorted(p for p in (ROOT / "tests/sites").glob("*/expected") if p.is_dir())
    pages = sum(len(list(folder.rglob("*.html"))) for folder in folders)
    assert pages >= 80, "the sample site alone has more pages than that"
    assert JAVA is not None
    run = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "gnu",
         str(canary), *map(str, folders)],
        capture_output=True, text=True, timeout=300)
    lines = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    caught = [line for line in lines if "canary.html" in line]
    assert caught and "li" in caught[0], f"vnu missed the canary's error: {lines[:5]}"
    errors = [line for line in lines if "canary.html" not in line]
    assert errors == [], f"{len(errors)} errors in {pages} pages:\n" + "\n".join(errors[:40])
