"""The preview with the real build: edits reach the browser, errors show and clear.

Each test edits a small site on disk and watches `/__sitegen/events` the way
the injected script does, then checks what the server now serves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.serve.rebuild import Rebuilder
from sitegen.serve.server import LiveServer
from tests.helpers import edit, wait_until
from tests.serve.helpers import EventStream, request, status

pytestmark = pytest.mark.model

BROKEN = "---\ntitle: [unclosed\ndate: 2024-03-01\n---\nThe vote would wait.\n"


def _stream(live: LiveServer) -> EventStream:
    stream = EventStream(live.port, since=live.hub.epoch())
    kind, _ = stream.next_event()
    assert kind == "hello"
    return stream


def _rebuilder(live: LiveServer) -> Rebuilder:
    assert isinstance(live.rebuild, Rebuilder)
    return live.rebuild


def test_serve_edit_article_reloads_with_new_text(live: LiveServer, site: Path) -> None:
    stream = _stream(live)
    article = site / "content/articles/port-strike.md"
    assert "harbour reopens" not in request(live.port, "/articles/port-strike/").text
    edit(article, article.read_text() + "\nThe harbour reopens on Friday, Okafor said.\n")
    kind, data = stream.wait_for({"reload", "status"})
    assert (kind, data["errors"]) == ("reload", [])
    assert "The harbour reopens on Friday" in request(live.port, "/articles/port-strike/").text
    stats = _rebuilder(live).stats
    assert stats is not None and (stats.parsed, stats.extracted) == (1, 1)
    stream.close()


def test_serve_edit_rerenders_only_pages_that_use_the_article(live: LiveServer,
                                                              site: Path) -> None:
    before = _rebuilder(live).page_count
    stream = _stream(live)
    article = site / "content/articles/river-report.txt"
    edit(article, article.read_text() + "Boats may sail again.\n")
    stream.wait_for({"reload"})
    stats = _rebuilder(live).stats
    assert stats is not None
    assert 1 <= stats.rendered < before, stats  # the other articles' pages are reused
    assert "Boats may sail again." in request(live.port, "/articles/river-report/").text
    stream.close()


def test_serve_delete_article_removes_its_page_and_person(live: LiveServer,
                                                          site: Path) -> None:
    page = request(live.port, "/articles/port-strike/")
    assert page.status == 200
    people = re.findall(r'href="\.\./\.\./people/([a-z0-9-]+)/', page.text)
    assert "tom-okafor" in people  # named only in this article
    assert request(live.port, "/people/tom-okafor/").status == 200
    stream = _stream(live)
    (site / "content/articles/port-strike.md").unlink()
    stream.wait_for({"reload"})
    gone = request(live.port, "/articles/port-strike/")
    assert gone.status == 404
    assert "Page not found" in gone.text  # the site's own 404 page
    assert request(live.port, "/people/tom-okafor/").status == 404
    assert "Port strike ends" not in request(live.port, "/").text
    assert "Okafor" not in request(live.port, "/people/").text
    wait_until(lambda: not (site / "output/articles/port-strike").exists(), 10,
               "the page's file to be pruned")
    stream.close()


def test_serve_rename_article_moves_its_page(live: LiveServer, site: Path) -> None:
    stream = _stream(live)
    old = site / "content/articles/port-strike.md"
    old.rename(site / "content/articles/harbour-strike.md")
    stream.wait_for({"reload"})
    assert request(live.port, "/articles/port-strike/").status == 404
    assert "Port strike ends" in request(live.port, "/articles/harbour-strike/").text
    stream.close()


def test_serve_broken_front_matter_shows_error_then_clears(live: LiveServer,
                                                           site: Path) -> None:
    stream = _stream(live)
    article = site / "content/articles/budget-vote.md"
    good = article.read_text()
    edit(article, BROKEN)
    kind, data = stream.wait_for({"status", "reload"})
    assert kind == "status"
    assert len(data["errors"]) == 1
    assert re.match(r"content/articles/budget-vote\.md:\d+: .*YAML", data["errors"][0])
    assert status(live.port)["errors"] == data["errors"]
    # The last good page is still served; a tab opened now gets the errors on connect.
    assert "Budget vote delayed" in request(live.port, "/articles/budget-vote/").text
    late = EventStream(live.port)
    assert late.next_event() == ("hello", live.hub.status_json())
    late.close()

    edit(article, good.replace("wait.", "wait a week."))
    kind, data = stream.wait_for({"status", "reload"})
    assert (kind, data["errors"]) == ("reload", [])
    assert status(live.port)["errors"] == []
    assert "wait a week." in request(live.port, "/articles/budget-vote/").text
    stream.close()


def test_serve_reload_script_is_served_never_written(live: LiveServer, site: Path) -> None:
    served = request(live.port, "/articles/budget-vote/").text
    assert '<script src="/__sitegen/livereload.js"' in served
    assert served.index("/__sitegen/livereload.js") < served.rindex("</body>")
    output = site / "output"
    files = [p for p in output.rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in files)
    assert not [p for p in files if b"__sitegen" in p.read_bytes()]


def test_serve_stylesheet_change_is_swapped_not_reloaded(live: LiveServer, site: Path) -> None:
    stream = _stream(live)
    edit(site / "static/style.css", "body { color: navy; }\n")
    kind, data = stream.wait_for({"css", "reload", "status"})
    assert (kind, data["css"]) == ("css", ["/style.css"])
    assert request(live.port, "/style.css").text == "body { color: navy; }\n"
    stream.close()


def test_serve_template_override_rerenders_pages_using_it(live: LiveServer, site: Path) -> None:
    stream = _stream(live)
    override = (
        '{% extends "default/article.html" %}\n'
        "{% block main %}<p>OVERRIDDEN {{ article.title }}</p>{{ super() }}{% endblock %}\n")
    edit(site / "templates/article.html", override)
    stream.wait_for({"reload"})
    assert "OVERRIDDEN Port strike ends" in request(live.port, "/articles/port-strike/").text
    assert "OVERRIDDEN" not in request(live.port, "/").text
    stats = _rebuilder(live).stats
    assert stats is not None and stats.parsed == 0
    stream.close()


def test_serve_config_change_rebuilds_everything(live: LiveServer, site: Path) -> None:
    stream = _stream(live)
    config = site / "sitegen.toml"
    edit(config, config.read_text().replace("Preview test", "Renamed site"))
    stream.wait_for({"reload"})
    assert "Renamed site" in request(live.port, "/articles/river-report/").text
    edit(config, config.read_text() + "unknown_key = 1\n")
    kind, data = stream.wait_for({"status", "reload"})
    assert kind == "status" and "unknown_key" in data["errors"][0]
    stream.close()
