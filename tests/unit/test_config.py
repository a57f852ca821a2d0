"""load_config: defaults, validation, and located messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config import SiteConfig, load_config
from sitegen.errors import BuildFailed
from tests.helpers import write_tree


def _errors(tmp_path: Path, toml: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    write_tree(tmp_path, {"sitegen.toml": toml})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildFailed) as info:
        load_config(Path("sitegen.toml"))
    return [str(e) for e in info.value.errors]


def test_config_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(None, root=tmp_path)
    assert config.title == SiteConfig().title and config.root == tmp_path.resolve()


def test_config_values_are_read_and_frozen(tmp_path: Path) -> None:
    write_tree(tmp_path, {"sitegen.toml": 'title = "T"\n[people]\nexclude = ["Man Utd"]\n'})
    config = load_config(tmp_path / "sitegen.toml")
    assert config.title == "T" and config.people.exclude == ("Man Utd",)
    with pytest.raises(AttributeError):
        config.title = "x"  # type: ignore[misc]


def test_config_reports_every_error_with_line_and_dotted_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = _errors(tmp_path, 'titel = "x"\ndrafts = "yes"\n[extract]\nmodle = "m"\n',
                     monkeypatch)
    assert errors == [
        "sitegen.toml:1: titel: unknown setting; did you mean 'title'?",
        "sitegen.toml:2: drafts: expected true or false, got 'yes'",
        "sitegen.toml:4: extract.modle: unknown setting; did you mean 'extract.model'?",
    ]


def test_config_rejects_a_table_where_a_value_belongs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _errors(tmp_path, "people = 3\n", monkeypatch) == [
        "sitegen.toml:1: people: expected a table, got 3"]


def test_config_list_of_strings_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _errors(tmp_path, "[people]\nexclude = [1]\n", monkeypatch) == [
        "sitegen.toml:2: people.exclude: expected a list of strings, got [1]"]


def test_config_unknown_key_without_near_match_has_no_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _errors(tmp_path, "zzz = 1\n", monkeypatch) == ["sitegen.toml:1: zzz: unknown setting"]
