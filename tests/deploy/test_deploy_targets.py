"""Target URLs and `[deploy.<name>]` tables: parsing, choosing, and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.deploy import DeployError, parse_target, select_target
from sitegen.deploy.targets import DirectoryTarget, GitTarget, S3Target
from sitegen.errors import BuildFailed, SitegenError
from tests.helpers import write_tree

ROOT = Path(__file__).resolve().parents[2]


def _config_errors(tmp_path: Path, toml: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    write_tree(tmp_path, {"sitegen.toml": toml})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildFailed) as info:
        load_config(Path("sitegen.toml"))
    return [str(e) for e in info.value.errors]


@pytest.mark.parametrize(("url", "expected"), [
    ("git+https://github.com/me/site.git",
     GitTarget("git+https://github.com/me/site.git", "https://github.com/me/site.git",
               "gh-pages")),
    ("git+ssh://git@github.com/me/site.git#main",
     GitTarget("git+ssh://git@github.com/me/site.git#main", "ssh://git@github.com/me/site.git",
               "main")),
    ("git+file:///srv/site.git", GitTarget("git+file:///srv/site.git", "/srv/site.git",
                                           "gh-pages")),
    ("git+file:pages.git", GitTarget("git+file:pages.git", "/site/pages.git", "gh-pages")),
    ("s3://bucket", S3Target("s3://bucket", "bucket", "")),
    ("s3://bucket/a/b/?endpoint_url=http://127.0.0.1:9000&region=auto",
     S3Target("s3://bucket/a/b/?endpoint_url=http://127.0.0.1:9000&region=auto", "bucket",
              "a/b/", "http://127.0.0.1:9000", "auto")),
    ("file:///var/www/site", DirectoryTarget("file:///var/www/site", Path("/var/www/site"))),
    ("file:./published", DirectoryTarget("file:./published", Path("/site/published"))),
])
def test_targets_parse_each_scheme(url: str, expected: object) -> None:
    assert parse_target(url, Path("/site")) == expected


@pytest.mark.parametrize(("url", "message"), [
    ("/var/www", "say file:///var/www"),
    ("ftp://host/x", "expected a URL starting with"),
    ("s3://", "no bucket"),
    ("file://host/x", "names no host"),
    ("git+https://h/r.git#bad..name", "not a branch name"),
    ("file:///x?region=eu", ""),  # a query on a file URL is part of nothing: no options
])
def test_targets_bad_urls_say_what_is_wrong(url: str, message: str) -> None:
    if not message:
        assert isinstance(parse_target(url, Path("/site")), DirectoryTarget)
        return
    with pytest.raises(DeployError) as info:
        parse_target(url, Path("/site"))
    assert message in str(info.value) and str(info.value).startswith("--to: ")


def test_targets_the_first_table_is_the_default_and_names_pick_others(tmp_path: Path) -> None:
    write_tree(tmp_path, {"sitegen.toml": (
        '[deploy.staging]\nurl = "file:./staging"\n'
        '[deploy.production]\nurl = "git+ssh://git@example.org/site.git"\nbranch = "pages"\n'
        'cname = "news.example.org"\n')})
    config = load_config(tmp_path / "sitegen.toml")
    assert select_target(config) == DirectoryTarget("file:./staging",
                                                    tmp_path.resolve() / "staging")
    production = select_target(config, "production")
    assert isinstance(production, GitTarget)
    assert (production.branch, production.cname) == ("pages", "news.example.org")
    assert isinstance(select_target(config, "staging", "s3://other"), S3Target)
    with pytest.raises(SitegenError) as info:
        select_target(config, "prod")
    assert "no [deploy.prod] table" in str(info.value) and "staging, production" in str(
        info.value)


def test_targets_none_configured_says_how_to_add_one(tmp_path: Path) -> None:
    with pytest.raises(SitegenError) as info:
        select_target(load_config(None, root=tmp_path))
    assert "add a [deploy.<name>] table" in str(info.value) and "--to URL" in str(info.value)


def test_targets_table_errors_name_file_line_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = _config_errors(tmp_path, (
        'title = "T"\n'
        "[deploy.production]\n"
        'url = "s3://bucket"\n'
        'endpont_url = "http://127.0.0.1:9000"\n'
        "[deploy.staging]\n"
        "branch = 3\n"
        "[deploy.other]\n"
        'url = 5\n'), monkeypatch)
    assert errors == [
        "sitegen.toml:4: deploy.production.endpont_url: unknown setting; "
        "did you mean 'deploy.production.endpoint_url'?",
        "sitegen.toml:6: deploy.staging.branch: expected a string, got 3",
        "sitegen.toml:5: deploy.staging.url: missing (required)",
        "sitegen.toml:8: deploy.other.url: expected a string, got 5",
    ]
    assert _config_errors(tmp_path, "deploy = 3\n", monkeypatch) == [
        "sitegen.toml:1: deploy: expected a table of [deploy.<name>] tables, got 3"]
    assert _config_errors(tmp_path, "[deploy]\nx = 3\n", monkeypatch) == [
        "sitegen.toml:2: deploy.x: expected a table, got 3"]


def test_targets_option_of_another_kind_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"sitegen.toml": (
        'title = "T"\n\n[deploy.site]\nurl = "s3://bucket"\ncname = "news.example.org"\n')})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SitegenError) as info:
        select_target(load_config(Path("sitegen.toml")))
    assert str(info.value) == ("sitegen.toml:3: deploy.site.cname: not an option of a s3 "
                               "target (it takes endpoint_url, region)")


def test_targets_the_sample_site_shows_a_deploy_table_that_works_locally() -> None:
    config = load_config(ROOT / "sitegen.toml")
    target = select_target(config)
    assert isinstance(target, DirectoryTarget)
    assert ROOT.resolve() in target.path.parents
