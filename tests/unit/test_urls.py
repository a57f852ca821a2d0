"""Relative links between pages work from any depth, from disk and under any sub-path."""

from sitegen.urls import absolute, output_path, relative


def test_urls_output_path_for_pretty_urls() -> None:
    assert output_path("") == "index.html"
    assert output_path("articles/x/") == "articles/x/index.html"
    assert output_path("feed.xml") == "feed.xml"


def test_urls_relative_links_name_index_html() -> None:
    assert relative("articles/x/", "people/y/") == "../../people/y/index.html"
    assert relative("", "articles/x/") == "articles/x/index.html"
    assert relative("articles/x/", "") == "../../index.html"
    assert relative("people/", "people/a/", "q-1") == "a/index.html#q-1"


def test_urls_absolute_joins_base_url() -> None:
    assert absolute("https://e.org/sub", "people/") == "https://e.org/sub/people/"
    assert absolute("https://e.org/sub/", "") == "https://e.org/sub/"
