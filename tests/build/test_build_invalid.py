"""Invalid sites: every bad input gets its exact `path:line: message`, and output/ is untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.helpers import write_tree

GOOD = "---\ntitle: Fine\ndate: 2024-05-01\n---\nThe council met on Monday.\n"

CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "yaml_error": (
        {"content/articles/bad.md": "---\ntitle: Bad\nsummary: [unclosed\nauthor: x\n---\nBody\n"},
        ["error: content/articles/bad.md:3: front matter is not valid YAML: while parsing a "
         "flow sequence: expected ',' or ']', but got ':' (on line 4)"],
    ),
    "yaml_indent": (
        {"content/articles/bad.md": "---\ntitle: Bad\nauthor: x\n  y: 2\n---\nBody\n"},
        ["error: content/articles/bad.md:4: front matter is not valid YAML: "
         "mapping values are not allowed here"],
    ),
    "unclosed_front_matter": (
        {"content/articles/open.md": "---\ntitle: Open\nBody text\n"},
        ["error: content/articles/open.md:1: front matter opened with '---' on line 1 is "
         "never closed; add a line '---' after it"],
    ),
    "missing_title": (
        {"content/articles/untitled.md": "---\ndate: 2024-01-01\n---\nBody\n"},
        ["error: content/articles/untitled.md:1: front matter has no 'title'; add `title: ...`"],
    ),
    "bad_date": (
        {"content/articles/when.md": "---\ntitle: When\ndate: last Friday\n---\nBody\n"},
        ["error: content/articles/when.md:3: date: expected YYYY-MM-DD, got 'last Friday'"],
    ),
    "undecodable": (
        {"content/articles/latin1.txt": b"Headline\n\nCaf\xe9 owners said no.\n"},
        ["error: content/articles/latin1.txt:3: not valid UTF-8 (byte 0xe9); "
         "save the file as UTF-8"],
    ),
    "duplicate_slug": (
        {"content/articles/a.md": "---\ntitle: A\nslug: same\n---\nBody\n",
         "content/articles/b.md": "---\ntitle: B\nslug: Same\n---\nBody\n"},
        ["error: content/articles/b.md: duplicate slug 'same': also used by "
         "content/articles/a.md"],
    ),
    "template_syntax": (
        {"templates/article.html": "{% extends 'default/article.html' %}\n"
                                   "{% block main %}\n{% if %}\n{% endblock %}\n"},
        ["error: templates/article.html:3: template syntax: Expected an expression, "
         "got 'end of statement block'"],
    ),
    "template_undefined": (
        {"templates/article.html": "{% extends 'default/article.html' %}\n"
                                   "{% block main %}\n{{ nope.x }}\n{% endblock %}\n"},
        ["error: templates/article.html:3: while rendering /articles/good/: 'nope' is undefined"],
    ),
    "template_missing": (
        {"templates/article.html": "<p>\n{% include 'gone.html' %}\n"},
        ["error: templates/article.html:2: template 'gone.html' not found "
         "(needed for /articles/good/)"],
    ),
    "topic_card_error": (
        {"content/topics/vote.md": "---\ntitle: The vote\nsumary: typo\n---\nIntro.\n"},
        ["error: content/topics/vote.md:3: unknown topic card key 'sumary'"],
    ),
    "topics_not_a_list": (
        {"content/articles/t.md": "---\ntitle: T\ntopics: {a: b}\n---\nBody\n"},
        ["error: content/articles/t.md:3: topics: expected a list of names, got {'a': 'b'}"],
    ),
    "unknown_config_key": (
        {"sitegen.toml": 'title = "x"\n\n[people]\nlinks = "all"\n'},
        ["error: sitegen.toml:4: people.links: unknown setting; did you mean 'people.link'?"],
    ),
    "config_wrong_type": (
        {"sitegen.toml": 'title = "x"\n[extract]\njobs = "two"\n'},
        ["error: sitegen.toml:3: extract.jobs: expected a whole number >= 0, got 'two'"],
    ),
    "toml_syntax": (
        {"sitegen.toml": 'title = "x\n'},
        ["error: sitegen.toml:1: TOML syntax: Illegal character '\\n' (column 11)"],
    ),
    "output_is_root": (
        {"sitegen.toml": 'output_dir = "."\n'},
        ["error: sitegen.toml: output_dir: refusing to write into the site root"],
    ),
    "model_missing": (
        {"sitegen.toml": '[extract]\nmodel = "no_such_pipeline"\n'},
        ["error: spaCy pipeline 'no_such_pipeline' is not installed; install it with "
         "`pip install the package that provides 'no_such_pipeline'`, or set extract.model "
         "in sitegen.toml to an installed pipeline"],
    ),
    "several_at_once": (
        {"content/articles/x.md": "---\ntitle: [\n---\n",
         "content/articles/y.txt": b"T\n\xff\n"},
        ["error 1/2: content/articles/x.md:3: front matter is not valid YAML: "
         "expected the node content, but found '<stream end>'",
         "error 2/2: content/articles/y.txt:2: not valid UTF-8 (byte 0xff); "
         "save the file as UTF-8"],
    ),
}


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_invalid_site_reports_location(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files, expected = CASES[case]
    write_tree(tmp_path, {"content/articles/good.md": GOOD, "output/keep.html": "<p>old</p>",
                          "output/articles/good/index.html": "old page", **files})
    before = _snapshot(tmp_path / "output")
    monkeypatch.chdir(tmp_path)
    code = main(["build"])
    err_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    assert code == 1
    for want, got in zip(expected, err_lines, strict=True):
        assert got.startswith(want), f"\nwant: {want}\ngot:  {got}"
    assert _snapshot(tmp_path / "output") == before, "a failed build changed output/"


def test_build_empty_file_is_a_warning_and_strict_makes_it_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {"content/articles/good.md": GOOD, "content/articles/empty.md": "\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--strict"]) == 1
    assert "error: content/articles/empty.md: empty file, skipped" in capsys.readouterr().err
    assert not (tmp_path / "output").exists()
    assert main(["build"]) == 0
    assert "content/articles/empty.md: empty file, skipped" in capsys.readouterr().err
    assert (tmp_path / "output/articles/good/index.html").is_file()


def test_build_unknown_front_matter_key_warns_with_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {"content/articles/a.md": "---\ntitle: A\nsumary: typo\n---\nBody\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 0
    assert ("content/articles/a.md:3: unknown front matter key 'sumary' ignored; "
            "did you mean 'summary'?") in capsys.readouterr().err


def test_build_failure_prints_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {"content/articles/bad.md": "---\ntitle: [\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert os.listdir(tmp_path) == ["content"] or "output" not in os.listdir(tmp_path)


@pytest.mark.model
def test_build_story_card_no_article_names_warns_and_strict_makes_it_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(tmp_path, {"content/articles/good.md": GOOD,
                          "content/topics/vote.md": "---\ntitle: The vote\n---\nIntro.\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--strict"]) == 1
    assert ("error: content/topics/vote.md: card describes story 'The vote', which no article "
            "names; add `topics: [vote]`") in capsys.readouterr().err
    assert not (tmp_path / "output").exists()
