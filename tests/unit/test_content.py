"""Content parsing: front matter, slugs, plain text, located errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.content.articles import load_articles, parse_article, slugify
from sitegen.errors import ContentError
from tests.helpers import write_tree


def test_content_slugify_folds_unicode_and_strips_paths() -> None:
    assert slugify("Zelenskiy’s visit: Ünïcödé") == "zelenskiys-visit-unicode"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("  ") == ""


def test_content_markdown_article_fields() -> None:
    article = parse_article("a/x.md", b"---\ntitle: Hi\ndate: 2024-01-02\nslug: My Slug\n"
                                      b"author: A\n---\nMr *Blair* left.\n")
    assert (article.slug, article.title, article.published, article.author) == (
        "my-slug", "Hi", dt.date(2024, 1, 2), "A")
    assert article.text == "Mr Blair left."
    assert "<em>Blair</em>" in article.body_html


def test_content_txt_article_first_line_is_title() -> None:
    article = parse_article("a/Story One.txt", "Head line\n\nPara one.\n\nPara “two”.\n".encode())
    assert (article.slug, article.title) == ("story-one", "Head line")
    assert article.text == "Para one.\n\nPara “two”."
    assert article.body_html == "<p>Para one.</p>\n<p>Para “two”.</p>"


def test_content_raw_html_is_text_unless_enabled() -> None:
    data = b"---\ntitle: T\n---\nA <script>alert(1)</script> B\n"
    assert "<script>" not in parse_article("x.md", data).body_html
    assert "&lt;script&gt;" in parse_article("x.md", data).body_html
    assert "<script>" in parse_article("x.md", data, raw_html=True).body_html


def test_content_bom_and_crlf_are_accepted() -> None:
    article = parse_article("x.md", b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody\r\n")
    assert article.title == "T" and article.text == "Body"


@pytest.mark.parametrize(("data", "message"), [
    (b"---\ntitle: T\ndraft: maybe\n---\nB", "x.md:3: draft: expected true or false, got 'maybe'"),
    (b"---\n- a\n- b\n---\nB", "x.md:2: front matter must be a mapping of `key: value` lines"),
    (b"---\ntitle: T\nauthor: [a]\n---\nB", "x.md:3: author: expected text, got ['a']"),
])
def test_content_front_matter_errors_are_located(data: bytes, message: str) -> None:
    with pytest.raises(ContentError) as info:
        parse_article("x.md", data)
    assert str(info.value) == message


def test_content_drafts_skipped_unless_asked(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/articles/d.md": "---\ntitle: D\ndraft: true\n---\nB\n",
                          "content/articles/p.md": "---\ntitle: P\n---\nB\n",
                          "content/articles/.hidden.md": "---\ntitle: H\n---\nB\n"})
    kw = {"raw_html": False, "max_bytes": 10_000}
    found = load_articles(tmp_path / "content/articles", tmp_path, drafts=False, **kw)
    assert [a.slug for a in found.articles] == ["p"]
    found = load_articles(tmp_path / "content/articles", tmp_path, drafts=True, **kw)
    assert [a.slug for a in found.articles] == ["d", "p"]


def test_content_enormous_file_is_an_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/articles/big.txt": "T\n\n" + "word " * 500})
    found = load_articles(tmp_path / "content/articles", tmp_path, drafts=False,
                          raw_html=False, max_bytes=1024)
    assert [str(e) for e in found.errors] == [
        "content/articles/big.txt: file is 2 KB, over the 1 KB limit (max_article_kb in "
        "sitegen.toml)"]
