"""`--no-build` deploys only output/ exactly as the last successful build left it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sitegen.deploy import DeployError, DeployOptions, deploy, parse_target
from sitegen.errors import BuildFailed
from tests.deploy.helpers import Site, files_under

pytestmark = pytest.mark.model

NO_BUILD = DeployOptions(build=False)


def _refused(site: Site, tmp_path: Path) -> str:
    live = tmp_path / "live"
    with pytest.raises(DeployError) as info:
        deploy(site.config, parse_target(f"file://{live}", site.root), NO_BUILD)
    assert not live.exists() and "\n" not in str(info.value)
    return str(info.value)


def test_fresh_build_deploys(site: Site, tmp_path: Path) -> None:
    deploy(site.config, parse_target(f"file://{tmp_path / 'live'}", site.root), NO_BUILD)
    assert files_under(tmp_path / "live") == site.output()


def test_fresh_never_built_is_refused(site: Site, tmp_path: Path) -> None:
    for stamp in (site.root / ".sitegen-cache").glob("build-*.json"):
        stamp.unlink()
    assert "no record of a successful `sitegen build`" in _refused(site, tmp_path)


def test_fresh_source_edited_since_the_build_is_refused(site: Site, tmp_path: Path) -> None:
    site.edit("content/articles/bridge-repairs.md", "---\ntitle: Changed\n---\nNew text.\n")
    message = _refused(site, tmp_path)
    assert "stale: content/articles/bridge-repairs.md changed" in message
    assert "sitegen build" in message


@pytest.mark.parametrize("change", ["new article", "template", "static file removed",
                                    "config"])
def test_fresh_every_kind_of_source_counts(site: Site, tmp_path: Path, change: str) -> None:
    if change == "new article":
        site.edit("content/articles/extra.md", "---\ntitle: Extra\n---\nMore.\n")
    elif change == "template":
        site.edit("templates/base.html", "{% extends 'default/base.html' %}\n")
    elif change == "static file removed":
        (site.root / "static/img/logo.svg").unlink()
    else:
        site.edit("sitegen.toml", 'title = "Renamed"\n')
    assert "stale" in _refused(site, tmp_path)


def test_fresh_a_failed_build_after_a_good_one_is_refused(site: Site, tmp_path: Path) -> None:
    site.edit("content/articles/broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(BuildFailed):
        site.build()
    assert "stale: content/articles/broken.md changed" in _refused(site, tmp_path)
    live = tmp_path / "live"
    with pytest.raises(BuildFailed):  # building first: the failure stops the deploy
        deploy(site.config, parse_target(f"file://{live}", site.root),
               DeployOptions(), extractor=site.extractor)
    assert not live.exists()


def test_fresh_output_edited_by_hand_is_refused(site: Site, tmp_path: Path) -> None:
    (site.output_dir / "index.html").write_text("edited\n", encoding="utf-8")
    assert "not what the last build wrote: index.html" in _refused(site, tmp_path)


def test_fresh_a_file_the_build_did_not_write_is_refused(site: Site, tmp_path: Path) -> None:
    (site.output_dir / "stray.html").write_text("hi\n", encoding="utf-8")
    assert "stray.html was not written by the last build" in _refused(site, tmp_path)


def test_fresh_drafts_build_is_refused_when_the_config_has_no_drafts(
    site: Site, tmp_path: Path
) -> None:
    from sitegen.build import build

    build(dataclasses.replace(site.config, drafts=True), extractor=site.extractor)
    assert "built with drafts" in _refused(site, tmp_path)
