"""write_site: only changed bytes are written; only files sitegen wrote are pruned."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import ConfigError
from sitegen.model import RenderedPage
from sitegen.write.output import check_output_dir, write_site


def _page(path: str, text: str) -> RenderedPage:
    return RenderedPage(path, path, text.encode())


def test_write_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out, manifest = tmp_path / "out", tmp_path / "m.json"
    first = write_site([_page("a/index.html", "A"), _page("b.css", "B")], out, manifest)
    assert sorted(first.written) == ["a/index.html", "b.css"]
    mtime = (out / "b.css").stat().st_mtime_ns
    second = write_site([_page("a/index.html", "A2"), _page("b.css", "B")], out, manifest)
    assert second.written == ("a/index.html",) and second.unchanged == 1
    assert (out / "b.css").stat().st_mtime_ns == mtime


def test_write_prunes_only_what_it_wrote_before(tmp_path: Path) -> None:
    out, manifest = tmp_path / "out", tmp_path / "m.json"
    write_site([_page("old/index.html", "x"), _page("keep.html", "k")], out, manifest)
    (out / "CNAME").write_text("example.org")
    report = write_site([_page("keep.html", "k")], out, manifest)
    assert report.removed == ("old/index.html",)
    assert not (out / "old").exists() and (out / "CNAME").is_file()


@pytest.mark.parametrize("which", ["root", "content", "inside-content", "home"])
def test_write_refuses_dangerous_output_dirs(tmp_path: Path, which: str) -> None:
    content = tmp_path / "content"
    target = {"root": tmp_path, "content": content, "inside-content": content / "out",
              "home": Path.home()}[which]
    with pytest.raises(ConfigError, match="output_dir"):
        check_output_dir(target, tmp_path, content, "sitegen.toml")
