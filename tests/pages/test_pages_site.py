"""The cross-linked pages of a small site with known people: what each page promises.

The byte-for-byte output is pinned by the golden test (tests/sites/people);
these tests state the rules that output must keep whatever the theme looks like.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.build import build, extract_site, link_site, load_site_content
from sitegen.config import load_config
from sitegen.errors import BuildFailed
from sitegen.extract.runner import Extractor
from sitegen.pages.plan import plan_pages
from tests.helpers import make_config, write_tree
from tests.linkcheck import broken_links, reachable

SITE = Path(__file__).parent.parent / "sites" / "people"


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    root = tmp_path_factory.mktemp("people") / "site"
    shutil.copytree(SITE, root, ignore=shutil.ignore_patterns("expected"))
    build(load_config(root / "sitegen.toml"), extractor=extractor, strict=True)
    return root


def _page(site_root: Path, rel: str) -> str:
    return (site_root / "output" / rel).read_text(encoding="utf-8")


def _json_ld(page: str) -> list[dict[str, object]]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [node for block in blocks for node in json.loads(block)["@graph"]]


@pytest.mark.model
def test_pages_site_links_resolve_and_every_page_is_reachable(site_root: Path) -> None:
    output = site_root / "output"
    assert broken_links(output) == []
    pages = {p.relative_to(output).as_posix() for p in output.rglob("*.html")}
    assert pages - reachable(output) == {"404.html"}
    assert {"people/jane-holloway/index.html", "people/tom-baxter/index.html",
            "people/index.html", "quotes/index.html", "numbers/index.html",
            "search/index.html", "articles/index.html"} <= pages


@pytest.mark.model
def test_pages_site_article_links_first_mention_anchors_quotes_marks_numbers(
    site_root: Path,
) -> None:
    page = _page(site_root, "articles/harbour-reopens/index.html")
    body = page.split('<div class="body">')[1].split("</div>")[0]
    assert body.count('href="../../people/jane-holloway/index.html"') == 1
    assert re.search(r'<span id="q-2" class="quote">We will rebuild every pier,</span>', body)
    assert '<data id="n-3" class="number" value="3000000">£3m</data>' in body
    # The words are unchanged: only markup was added.
    assert re.sub(r"<[^>]+>", "", body).count("Ms Holloway said.") == 1
    panel = page.split('<aside class="panel"')[1]
    assert "Mayor" in panel and 'href="index.html#q-2"' in panel and "#n-3" in panel


@pytest.mark.model
def test_pages_site_person_page_gathers_quotes_articles_and_card(site_root: Path) -> None:
    page = _page(site_root, "people/jane-holloway/index.html")
    assert "<h1 id=\"title\">Jane Holloway</h1>" in page
    assert "Mayor of Eastport" in page and "<strong>mayor of Eastport</strong>" in page
    assert 'src="../../img/holloway.png" alt="Jane Holloway"' in page
    assert 'href="../../articles/repair-budget/index.html#q-1"' in page
    assert 'href="../../articles/harbour-reopens/index.html#q-2"' in page
    assert page.count("2 mentions, 1 quote") == 2
    assert 'href="../../people/tom-baxter/index.html"' in page  # appears with
    assert "First seen" in page and "2024-03-01" in page and "2024-03-08" in page


@pytest.mark.model
def test_pages_site_hidden_person_has_no_page_link_or_data(site_root: Path) -> None:
    output = site_root / "output"
    assert not (output / "people/peter-grey").exists()
    for page in output.rglob("*.html"):
        assert "peter-grey" not in page.read_text(encoding="utf-8")
    people = json.loads(_page(site_root, "data/people.json"))["people"]
    assert "Peter Grey" not in {p["name"] for p in people}
    article = _page(site_root, "articles/harbour-reopens/index.html")
    assert "A spokesman, Peter Grey, said" in article


@pytest.mark.model
def test_pages_site_json_ld_types(site_root: Path) -> None:
    article = _json_ld(_page(site_root, "articles/harbour-reopens/index.html"))
    news = next(n for n in article if n["@type"] == "NewsArticle")
    assert news["url"] == "https://example.org/eastport/articles/harbour-reopens/"
    assert {m["name"] for m in news["mentions"]} == {"Jane Holloway", "Ruth Kerr"}  # type: ignore[union-attr,index]
    quotes = [n for n in article if n["@type"] == "Quotation"]
    assert quotes and all(q["isPartOf"] == {"@id": news["@id"]} for q in quotes)
    person = _json_ld(_page(site_root, "people/jane-holloway/index.html"))
    assert person[0]["@type"] == "Person" and person[0]["jobTitle"] == "Mayor of Eastport"
    assert person[0]["image"] == "https://example.org/eastport/img/holloway.png"


@pytest.mark.model
def test_pages_site_open_data_links_are_absolute(site_root: Path) -> None:
    people = json.loads(_page(site_root, "data/people.json"))["people"]
    assert [p["id"] for p in people][0] == "jane-holloway"
    assert people[0]["url"] == "https://example.org/eastport/people/jane-holloway/"
    quotes = json.loads(_page(site_root, "data/quotes.json"))["quotes"]
    assert all(q["url"].startswith("https://example.org/eastport/articles/") for q in quotes)
    numbers = json.loads(_page(site_root, "data/numbers.json"))["numbers"]
    assert {"value": 3000000.0, "unit": "GBP"}.items() <= numbers[0].items()


@pytest.mark.model
def test_pages_site_feed_has_articles_and_sitemap_has_every_page(site_root: Path) -> None:
    feed = _page(site_root, "feed.xml")
    assert feed.count("<entry>") == 2 and "people/" not in feed
    sitemap = _page(site_root, "sitemap.xml")
    output = site_root / "output"
    for page in output.rglob("index.html"):
        url = page.parent.relative_to(output).as_posix()
        url = "" if url == "." else url + "/"
        assert f"<loc>https://example.org/eastport/{url}</loc>" in sitemap


@pytest.mark.model
def test_pages_site_plans_name_their_inputs(site_root: Path, extractor: Extractor) -> None:
    config = load_config(site_root / "sitegen.toml")
    content = load_site_content(config)
    site = link_site(content, extract_site(content, extractor), config).site
    plans = {p.url: p for p in plan_pages(config, site)}
    # the article, its people, and its related article (which shares Jane Holloway) with
    # the people that article's list entry names
    assert plans["articles/harbour-reopens/"].depends_on == {
        "article:harbour-reopens", "person:jane-holloway", "person:ruth-kerr",
        "article:repair-budget", "person:tom-baxter", "nav"}
    assert {"person:jane-holloway", "article:harbour-reopens", "article:repair-budget"} <= (
        plans["people/jane-holloway/"].depends_on)
    assert "people" in plans["people/"].depends_on and "quotes" in plans["quotes/"].depends_on
    assert len(plans) == len({p for p in plans}), "URLs are unique"


def test_pages_site_card_errors_have_path_and_line(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {
        "content/articles/a.md": "---\ntitle: A\n---\nBody.\n",
        "content/people/x.md": "---\nname: X Y\nalias: [X]\n---\n",
    })
    with pytest.raises(BuildFailed) as failed:
        build(make_config(root))
    assert [str(e) for e in failed.value.errors] == [
        "content/people/x.md:3: unknown card key 'alias'; did you mean 'aliases'?"]
    assert not (root / "output").exists()


@pytest.mark.model
@pytest.mark.parametrize(("mode", "links"), [("all", 2), ("none", 0)])
def test_pages_site_people_link_setting(
    mode: str, links: int, site_root: Path, tmp_path: Path, extractor: Extractor
) -> None:
    root = tmp_path / "site"
    shutil.copytree(site_root, root, ignore=shutil.ignore_patterns("output", ".sitegen-cache"))
    toml = (root / "sitegen.toml").read_text(encoding="utf-8")
    (root / "sitegen.toml").write_text(toml.replace('link = "first"', f'link = "{mode}"'),
                                       encoding="utf-8")
    build(load_config(root / "sitegen.toml"), extractor=extractor)
    page = (root / "output/articles/harbour-reopens/index.html").read_text(encoding="utf-8")
    body = page.split('<div class="body">')[1].split("</div>")[0]
    assert body.count('href="../../people/jane-holloway/index.html"') == links
    panel = page.split('<aside class="panel"')[1]
    assert 'href="../../people/jane-holloway/index.html"' in panel


def test_pages_site_empty_site_builds_every_page(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"content/articles/.keep": ""})
    report = build(make_config(root))
    output = root / "output"
    assert report.articles == 0 and report.people == 0
    for url in ("index.html", "articles/index.html", "people/index.html", "quotes/index.html",
                "numbers/index.html", "search/index.html", "data/people.json"):
        assert (output / url).is_file(), url
    assert broken_links(output) == []
    assert "No articles yet" in (output / "index.html").read_text(encoding="utf-8")
