"""What the preview serves: only files under output/, the right types, GET and HEAD only.

One real build of a small site, served on a free loopback port for the module.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.extract.runner import Extractor
from sitegen.serve.server import LiveServer, start_preview
from tests.helpers import write_tree
from tests.serve.helpers import SITE, request

pytestmark = pytest.mark.model

SECRET = "TOP-SECRET-OUTSIDE-OUTPUT"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory,
           extractor: Extractor) -> Iterator[tuple[LiveServer, Path]]:
    site = write_tree(tmp_path_factory.mktemp("http") / "site",
                      {**SITE, "secret.txt": SECRET, "static/fonts/a.woff2": "x"})
    server = start_preview(load_config(site / "sitegen.toml"), port=0, extractor=extractor)
    output = site / "output"
    os.symlink(site / "secret.txt", output / "leak.txt")
    os.symlink(site, output / "leakdir")
    os.symlink(output / "style.css", output / "inside.css")
    try:
        yield server, site
    finally:
        server.stop()


@pytest.fixture
def port(served: tuple[LiveServer, Path]) -> int:
    return served[0].port


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../", "/%2e%2e/secret.txt", "/%2E%2E/", "/..%2fsecret.txt",
    "/articles/../../secret.txt", "/articles/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
    "/..\\secret.txt", "/leak.txt", "/leakdir/secret.txt", "/leakdir/", "//secret.txt",
    "/%00", "/%252e%252e/secret.txt",
])
def test_serve_refuses_paths_outside_output(port: int, path: str) -> None:
    response = request(port, path)
    assert response.status == 404, path
    assert SECRET not in response.text


def test_serve_follows_symlinks_that_stay_inside_output(port: int) -> None:
    assert request(port, "/inside.css").text == SITE["static/style.css"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_serve_refuses_methods_other_than_get_and_head(port: int, method: str) -> None:
    response = request(port, "/", method=method)
    assert response.status == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_serve_head_sends_headers_without_body(port: int) -> None:
    get, head = request(port, "/articles/budget-vote/"), request(port, "/articles/budget-vote/",
                                                                 method="HEAD")
    assert (head.status, head.body) == (200, b"")
    assert head.headers["content-length"] == get.headers["content-length"] == str(len(get.body))
    assert head.headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "text/html; charset=utf-8"),
    ("/articles/budget-vote/", "text/html; charset=utf-8"),
    ("/articles/budget-vote/index.html", "text/html; charset=utf-8"),
    ("/style.css", "text/css; charset=utf-8"),
    ("/feed.xml", "application/xml; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
    ("/fonts/a.woff2", "font/woff2"),
    ("/__sitegen/livereload.js", "text/javascript; charset=utf-8"),
    ("/__sitegen/status", "application/json; charset=utf-8"),
])
def test_serve_content_types(port: int, path: str, expected: str) -> None:
    response = request(port, path)
    assert (response.status, response.headers["content-type"]) == (200, expected)


def test_serve_folder_without_slash_redirects(port: int) -> None:
    response = request(port, "/articles/budget-vote?x=1")
    assert response.status == 301
    assert response.headers["location"] == "/articles/budget-vote/?x=1"


def test_serve_missing_file_gets_the_site_404_page(port: int) -> None:
    response = request(port, "/no/such/page/")
    assert response.status == 404
    assert "Page not found" in response.text
    assert "/__sitegen/livereload.js" in response.text  # reloads too, like any page


def test_serve_binds_loopback_by_default(served: tuple[LiveServer, Path]) -> None:
    assert served[0].host == "127.0.0.1"
