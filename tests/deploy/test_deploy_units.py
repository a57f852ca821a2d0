"""Small pure parts of deploy: headers, plans, sizes, progress lines, summaries."""

from __future__ import annotations

import io
import logging

import pytest

from sitegen.deploy.headers import cache_control, content_type
from sitegen.deploy.plan import Change, Entry, Plan, diff, format_size, plan_lines
from sitegen.deploy.report import DeployReport, Progress, Published


@pytest.mark.parametrize(("path", "ctype", "cache"), [
    ("index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"),
    ("people/ann/index.html", "text/html; charset=utf-8", "public, max-age=0, must-revalidate"),
    ("feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=0, must-revalidate"),
    ("data/quotes.json", "application/json", "public, max-age=0, must-revalidate"),
    ("robots.txt", "text/plain; charset=utf-8", "public, max-age=0, must-revalidate"),
    ("assets/style.css", "text/css; charset=utf-8", "public, max-age=300"),
    ("search/index.js", "text/javascript; charset=utf-8", "public, max-age=300"),
    ("img/photo.JPG", "image/jpeg", "public, max-age=300"),
    ("assets/app.3f9a1c2b.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"),
    ("fonts/inter-0a1b2c3d4e5f.woff2", "font/woff2", "public, max-age=31536000, immutable"),
    ("assets/app.v2.css", "text/css; charset=utf-8", "public, max-age=300"),
    ("download.unknownext", "application/octet-stream", "public, max-age=300"),
])
def test_headers_by_name(path: str, ctype: str, cache: str) -> None:
    assert (content_type(path), cache_control(path)) == (ctype, cache)


def test_plan_diff_adds_changes_removes_and_leaves_what_it_may_not_remove() -> None:
    present = {"a": Entry("1", 10), "b": Entry("2", 20), "c": Entry("3", 30),
               "theirs": Entry("9", 5)}
    wanted = {"a": Entry("1", 10), "b": Entry("2b", 25), "d": Entry("4", 40)}
    plan = diff(wanted, present, removable=["a", "b", "c"])
    assert plan == Plan(added=(Change("d", None, 40),), changed=(Change("b", 20, 25),),
                        removed=(Change("c", 30, None),), unchanged=1)
    assert plan.bytes_to_send == 65 and not plan.is_empty
    assert plan_lines(plan) == ["  + d  40 B", "  ~ b  25 B (was 20 B)", "  - c  30 B"]
    assert diff(wanted, wanted).is_empty


@pytest.mark.parametrize(("size", "shown"), [(0, "0 B"), (999, "999 B"), (1000, "1.0 kB"),
                                             (4_150, "4.2 kB"), (12_000_000, "12.0 MB"),
                                             (3_000_000_000_000, "3000.0 GB")])
def test_format_size(size: int, shown: str) -> None:
    assert format_size(size) == shown


def test_progress_logs_a_line_per_batch_without_a_terminal(
    caplog: pytest.LogCaptureFixture
) -> None:
    plan = Plan(added=tuple(Change(f"f{i}", None, 1000) for i in range(25)))
    progress = Progress(plan, io.StringIO(), every=10, interval=0)
    with caplog.at_level(logging.INFO, logger="sitegen.deploy.report"):
        for _ in range(25):
            progress.advance(1000)
    assert [r.getMessage() for r in caplog.records] == [
        "sent 10/25 files (10.0 kB of 25.0 kB)", "sent 20/25 files (20.0 kB of 25.0 kB)"]


def test_progress_draws_a_bar_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = Progress(Plan(added=tuple(Change(f"f{i}", None, 10) for i in range(40))), stream)
    for _ in range(40):
        progress.advance(10)
    progress.finish()
    assert stream.getvalue().endswith("\rdeploying [" + "#" * 30 + "] 40/40 files, 400 B\n")


def test_summary_says_what_changed_and_where() -> None:
    plan = Plan(added=(Change("a", None, 1500),), changed=(Change("b", 1, 2),),
                removed=(Change("c", 3, None),))
    done = DeployReport("s3://b", plan, Published("s3://b/", "", 1502, "1 object(s) kept"),
                        False, 1.25)
    assert done.summary() == ("deployed to s3://b/: 1 added, 1 changed, 1 removed, 1.5 kB sent "
                              "in 1.2s; 1 object(s) kept")
    dry = DeployReport("s3://b", plan, Published("s3://b/"), True, 0.1)
    assert dry.summary().startswith("dry run: would deploy to s3://b/: 1 added") and \
        "nothing was changed" in dry.summary()
    same = DeployReport("s3://b", Plan(unchanged=7), Published("s3://b/"), False, 0.1)
    assert same.summary() == "s3://b/ is up to date (7 files): nothing sent"
