"""html_to_text: the text extraction reads, and its map back to the HTML."""

from __future__ import annotations

from sitegen.content.htmltext import html_to_text


def test_htmltext_blocks_become_paragraphs_and_entities_decode() -> None:
    fragment = '<h2>A &amp; B</h2>\n<p>Mr <em>X</em> said &quot;no&quot;.</p>\n<p>Two</p>'
    result = html_to_text(fragment)
    assert result.text == 'A & B\n\nMr X said "no".\n\nTwo'


def test_htmltext_pieces_cover_the_text_exactly() -> None:
    fragment = "<p>One <a href='#'>two</a></p><ul><li>three</li></ul><script>x()</script>"
    result = html_to_text(fragment)
    assert "".join(p.html for p in result.pieces) == fragment
    for piece in result.pieces:
        if piece.text is not None:
            assert result.text[piece.text_start : piece.text_start + len(piece.text)] == piece.text
    assert "x()" not in result.text


def test_htmltext_soft_line_breaks_read_as_spaces_but_keep_offsets() -> None:
    result = html_to_text("<p>Jane\nMorrison said</p><pre>a\nb</pre>")
    assert result.text == "Jane Morrison said\n\na\nb"


def test_htmltext_records_enclosing_tags() -> None:
    result = html_to_text("<h1>T</h1><p><a href='x'>link</a></p>")
    tags = {p.text: p.open_tags for p in result.pieces if p.text}
    assert tags == {"T": ("h1",), "link": ("p", "a")}
