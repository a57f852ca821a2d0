"""Parts of the preview in isolation: debouncing, events, URL resolution, injection, and
LiveServer with a fake rebuild (no spaCy, no build)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from sitegen.errors import BuildFailed, ContentError, SitegenError, SourceLocation
from sitegen.serve.http import inject_script, resolve_pending, resolve_request
from sitegen.serve.hub import PendingOutput, ReloadHub, classify
from sitegen.serve.server import LiveServer, is_loopback
from sitegen.serve.watch import Debouncer, SourceWatcher, is_scratch
from tests.helpers import write_tree
from tests.serve.helpers import EventStream, request, status


def test_debouncer_turns_a_burst_into_one_call() -> None:
    calls: list[frozenset[Path]] = []
    done = threading.Event()

    def record(paths: frozenset[Path]) -> None:
        calls.append(paths)
        done.set()

    debouncer = Debouncer(record, delay=0.1)
    debouncer.start()
    for name in ("a.md", "a.md~", "b.md"):
        debouncer.add([Path(name)])
        time.sleep(0.02)
    assert done.wait(2)
    time.sleep(0.2)
    debouncer.stop()
    assert calls == [frozenset({Path("a.md"), Path("a.md~"), Path("b.md")})]


def test_debouncer_collects_changes_made_during_a_rebuild() -> None:
    calls: list[frozenset[Path]] = []
    second = threading.Event()

    def slow(paths: frozenset[Path]) -> None:
        calls.append(paths)
        if len(calls) == 1:
            debouncer.add([Path("during.md")])
            time.sleep(0.2)
        else:
            second.set()

    debouncer = Debouncer(slow, delay=0.05)
    debouncer.start()
    debouncer.add([Path("first.md")])
    assert second.wait(3)
    debouncer.stop()
    assert calls == [frozenset({Path("first.md")}), frozenset({Path("during.md")})]


def test_watcher_ignores_output_cache_and_editor_files(tmp_path: Path) -> None:
    watcher = SourceWatcher([tmp_path / "content", tmp_path], [tmp_path / "sitegen.toml"],
                            [tmp_path / "output", tmp_path / ".sitegen-cache"],
                            Debouncer(lambda _: None))
    root = tmp_path.resolve()
    assert watcher.is_watched(root / "content/articles/a.md")
    assert watcher.is_watched(root / "sitegen.toml")
    assert not watcher.is_watched(root / "output/index.html")
    assert not watcher.is_watched(root / ".sitegen-cache/extract/ab.json")
    assert not watcher.is_watched(root / "content/articles/.a.md.swp")
    assert is_scratch(Path("4913")) and is_scratch(Path("a.md~")) and not is_scratch(Path("a.md"))


def test_hub_classifies_changes() -> None:
    assert classify([]) == "status"
    assert classify(["assets/style.css", "print.css"]) == "css"
    assert classify(["assets/style.css", "index.html"]) == "reload"


def test_hub_replays_missed_events_and_reloads_clients_too_far_behind() -> None:
    hub = ReloadHub()
    hub.publish(["a.css"])
    hub.publish(["index.html"])
    assert [e["kind"] for e in hub.wait_after(0, 0) or []] == ["css", "reload"]
    assert hub.wait_after(2, 0) == []
    for _ in range(100):
        hub.publish(["x.css"])
    (only,) = hub.wait_after(1, 0) or []
    assert only["kind"] == "reload"
    hub.close()
    assert hub.wait_after(0, 5) is None


def test_hub_error_event_carries_errors_and_a_fix_clears_them() -> None:
    hub = ReloadHub()
    failed = hub.publish(["index.html"], ["content/a.md:2: bad"])
    assert (failed["kind"], failed["errors"]) == ("status", ["content/a.md:2: bad"])
    assert hub.status_json()["errors"] == ["content/a.md:2: bad"]
    fixed = hub.publish([])
    assert (fixed["kind"], fixed["errors"]) == ("status", [])


def test_resolve_request(tmp_path: Path) -> None:
    out = write_tree(tmp_path / "out", {"index.html": "i", "a/index.html": "a", "b.css": "b"})
    (tmp_path / "secret").write_text("s")
    assert resolve_request(out, "/").file == (out / "index.html").resolve()
    assert resolve_request(out, "/a/").file == (out / "a/index.html").resolve()
    assert resolve_request(out, "/a").redirect == "/a/"
    assert resolve_request(out, "/b.css?v=1").file == (out / "b.css").resolve()
    for bad in ("/../secret", "/%2e%2e/secret", "/..%2fsecret", "/a/%2E%2E/../secret", "/c"):
        assert resolve_request(out, bad).file is None, bad


def test_inject_script_goes_before_the_last_body_end() -> None:
    html = b"<body><p>&lt;/body&gt;</p></BODY >\n"
    assert inject_script(html, b"<s>") == b"<body><p>&lt;/body&gt;</p><s></BODY >\n"
    assert inject_script(b"<p>no body", b"<s>") == b"<p>no body<s>"


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


class FakeRebuild:
    """Stands in for the Rebuilder: returns or raises what the test queues."""

    def __init__(self) -> None:
        self.results: list[Sequence[str] | SitegenError] = []
        self.calls: list[frozenset[Path]] = []

    def __call__(self, changed: frozenset[Path]) -> Sequence[str]:
        self.calls.append(changed)
        result = self.results.pop(0)
        if isinstance(result, SitegenError):
            raise result
        return result


def test_live_server_with_fake_rebuild_reports_errors_then_reloads(tmp_path: Path) -> None:
    site = write_tree(tmp_path, {"content/a.md": "x", "output/index.html": "<body>hi</body>"})
    fake = FakeRebuild()
    live = LiveServer(site / "output", fake, watch_folders=[site / "content"], port=0)
    live.start()
    try:
        stream = EventStream(live.port)
        assert stream.next_event()[0] == "hello"
        error = ContentError("bad front matter", SourceLocation("content/a.md", 2))
        fake.results += [BuildFailed([error]), ["index.html"]]
        (site / "content/a.md").write_text("y")
        kind, data = stream.wait_for({"status", "reload"})
        assert (kind, data["errors"]) == ("status", ["content/a.md:2: bad front matter"])
        assert status(live.port)["errors"] == ["content/a.md:2: bad front matter"]
        (site / "content/a.md").write_text("z")
        kind, data = stream.wait_for({"status", "reload"})
        assert (kind, data["errors"]) == ("reload", [])
        assert fake.calls[0] == frozenset({(site / "content/a.md").resolve()})
        stream.close()
    finally:
        live.stop()


def test_live_server_port_in_use_is_one_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        live = LiveServer(tmp_path, FakeRebuild(), watch_folders=[tmp_path], port=port)
        with pytest.raises(SitegenError) as info:
            live.bind()
        assert str(info.value) == (f"port {port} on 127.0.0.1 is already in use; "
                                   "stop the other server or choose another with --port")
        live.stop()


def test_live_server_stops_with_open_event_streams(tmp_path: Path) -> None:
    write_tree(tmp_path, {"out/index.html": "<body></body>"})
    live = LiveServer(tmp_path / "out", FakeRebuild(), watch_folders=[tmp_path], port=0)
    live.start()
    stream = EventStream(live.port)
    assert request(live.port, "/").status == 200
    started = time.monotonic()
    live.stop()
    assert time.monotonic() - started < 3
    with pytest.raises(ConnectionError):
        while True:
            stream.next_event(timeout=3)


def test_resolve_pending_answers_for_files_not_yet_written() -> None:
    pending = PendingOutput()
    pending.replace({"a/index.html": b"A", "gone/index.html": None, "x.css": b"X"})
    found = resolve_pending(pending, "/a/")
    assert found is not None and found[1:] == ("a/index.html", b"A")
    redirect = resolve_pending(pending, "/a")
    assert redirect is not None and redirect[0].redirect == "/a/"
    gone = resolve_pending(pending, "/gone/")
    assert gone is not None and gone[2] is None
    assert resolve_pending(pending, "/other/") is None
    assert resolve_pending(pending, "/%2e%2e/x.css") is None
    pending.clear()
    assert resolve_pending(pending, "/a/") is None


def test_live_server_serves_rebuilt_pages_before_they_are_written(tmp_path: Path) -> None:
    site = write_tree(tmp_path, {"content/a.md": "x", "output/index.html": "<body>old</body>"})
    pending, writing, release = PendingOutput(), threading.Event(), threading.Event()

    def rebuild(changed: frozenset[Path]) -> Sequence[str]:
        pending.replace({"index.html": b"<body>new</body>"})
        return ["index.html"]

    def flush() -> None:
        writing.set()
        release.wait(10)
        (site / "output/index.html").write_text("<body>new</body>")
        pending.clear()

    live = LiveServer(site / "output", rebuild, watch_folders=[site / "content"], port=0,
                      pending=pending, flush=flush)
    live.start()
    try:
        stream = EventStream(live.port)
        (site / "content/a.md").write_text("y")
        assert stream.wait_for({"reload"})[0] == "reload"
        assert writing.wait(10)
        assert "new" in request(live.port, "/").text  # from memory: the disk still says old
        assert (site / "output/index.html").read_text() == "<body>old</body>"
        release.set()
        stream.close()
    finally:
        release.set()
        live.stop()


def test_render_memo_rerenders_only_plans_whose_read_values_changed(tmp_path: Path) -> None:
    from sitegen.config import SiteConfig
    from sitegen.pages.plan import PagePlan
    from sitegen.render.jinja import make_environment
    from sitegen.serve.memo import RenderMemo

    write_tree(tmp_path, {"templates/t.html": "{{ a }}|{{ page.url }}"})
    config = SiteConfig(root=tmp_path.resolve())
    memo = RenderMemo()

    def render(values: dict[str, tuple[int, list[int]]], env_changed: bool = False) -> int:
        plans = [PagePlan(url, "t.html", {"a": a, "unread": unread})
                 for url, (a, unread) in values.items()]
        state, errors = memo.render(plans, make_environment(config), tmp_path)
        assert errors == []
        memo.commit(state)
        return state.rendered

    assert render({"x/": (1, [1]), "y/": (2, [1])}) == 2
    assert render({"x/": (1, [9]), "y/": (3, [1])}) == 1  # x only changed what t.html never reads
    assert render({"x/": (1, [9]), "y/": (3, [1])}) == 0
    memo.templates_changed(["t.html"])
    assert render({"x/": (1, [9]), "y/": (3, [1])}) == 2
    memo.templates_changed(["other.html"])
    assert render({"x/": (1, [9]), "y/": (3, [1])}) == 0
