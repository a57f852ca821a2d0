"""The repository's own sample site builds cleanly and every internal link resolves."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import load_config
from sitegen.extract.runner import Extractor
from tests.linkcheck import broken_links, reachable

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    site = tmp_path_factory.mktemp("sample")
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "sitegen.toml", site / "sitegen.toml")
    report = build(load_config(site / "sitegen.toml"), extractor=extractor, strict=True)
    assert report.articles == len(list((ROOT / "content/articles").glob("*.*")))
    return site / "output"


@pytest.mark.model
def test_sample_site_has_no_broken_links(sample_output: Path) -> None:
    assert broken_links(sample_output) == []


@pytest.mark.model
def test_sample_site_every_page_reachable_from_home(sample_output: Path) -> None:
    pages = {p.relative_to(sample_output).as_posix() for p in sample_output.rglob("*.html")}
    assert pages - reachable(sample_output) <= {"404.html"}


@pytest.mark.model
def test_sample_site_people_pages_are_reachable_and_cross_linked(sample_output: Path) -> None:
    people = sorted(p.parent.name for p in (sample_output / "people").glob("*/index.html"))
    assert len(people) >= 20 and "tony-blair" in people
    assert {f"people/{pid}/index.html" for pid in people} <= reachable(sample_output)
    blair = (sample_output / "people/tony-blair/index.html").read_text(encoding="utf-8")
    assert blair.count('href="../../articles/') >= 5, "Tony Blair appears in several articles"
    assert "#q-" in blair, "his quotes link to their place in the articles"


@pytest.mark.model
def test_sample_site_second_build_writes_nothing_and_never_imports_spacy(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "sitegen.toml", site / "sitegen.toml")
    cold = subprocess.run([sys.executable, "-m", "sitegen", "build", "--jobs", "1"], cwd=site,
                          capture_output=True, text=True)
    assert cold.returncode == 0, cold.stderr
    probe = ("import sys, sitegen.cli as c; code = c.main(['build']); "
             "sys.exit(code or (3 if 'spacy' in sys.modules else 0))")
    warm = subprocess.run([sys.executable, "-c", probe], cwd=site, capture_output=True, text=True)
    assert warm.returncode == 0, f"warm build imported spaCy or failed: {warm.stderr}"
    assert " 0 pages written" in warm.stderr and "0 removed" in warm.stderr


@pytest.mark.model
def test_sample_site_removes_stale_pages_after_success(
    tmp_path: Path, extractor: Extractor
) -> None:
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "sitegen.toml", site / "sitegen.toml")
    config = load_config(site / "sitegen.toml")
    build(config, extractor=extractor)
    page = site / "output/articles/abbas-will-not-tolerate-attacks/index.html"
    assert page.is_file()
    (site / "content/articles/abbas-will-not-tolerate-attacks.txt").unlink()
    (site / "output/hand-made.txt").write_text("not ours", encoding="utf-8")
    report = build(config, extractor=extractor)
    assert not page.exists() and not page.parent.exists()
    assert (site / "output/hand-made.txt").is_file(), "a file sitegen never wrote was deleted"
    assert report.removed >= 1


@pytest.mark.model
def test_sample_site_stories_gather_articles_and_link_both_ways(sample_output: Path) -> None:
    stories = {p.parent.name for p in (sample_output / "topics").glob("*/index.html")}
    assert {"election-2005", "glazer-and-man-utd", "iraq-legal-advice"} <= stories
    iraq = (sample_output / "topics/iraq-legal-advice/index.html").read_text(encoding="utf-8")
    assert "gave Parliament a written answer" in iraq, "the card's intro"
    for slug in ("goldsmith-denies-war-advice-claim", "goldsmith-i-was-not-leant-on"):
        assert f'href="../../articles/{slug}/index.html"' in iraq, "its timeline"
        article = (sample_output / f"articles/{slug}/index.html").read_text(encoding="utf-8")
        assert 'href="../../topics/iraq-legal-advice/index.html"' in article
    assert "Who's who" in iraq and "In their words" in iraq
    blair = (sample_output / "people/tony-blair/index.html").read_text(encoding="utf-8")
    assert 'href="../../topics/election-2005/index.html"' in blair, "person -> story"
    assert "Quoted alongside" in blair
    home = (sample_output / "index.html").read_text(encoding="utf-8")
    assert 'href="topics/index.html"' in home and "The 2005 general election" in home
