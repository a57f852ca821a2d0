"""Annotating article HTML in place: links, quote anchors and numbers over text nodes only."""

from __future__ import annotations

import random
import re

import pytest

from sitegen.content.htmltext import html_to_text, linkable_ranges
from sitegen.model import ArticleLinks, MentionLink, SiteNumber, SiteQuote
from sitegen.pages.annotate import Span, annotate_html, spans_for_article


def link(start: int, end: int, href: str = "../../people/x/") -> Span:
    return Span(start, end, "a", (("class", "person"), ("href", href)))


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return starts[nth], starts[nth] + len(word)


def test_annotate_wraps_spans_in_text_nodes() -> None:
    body = "<p>Tony Blair met Cherie Blair.</p>"
    out = annotate_html(body, [link(0, 10, "../tony/"), link(15, 27, "../cherie/")])
    assert out == ('<p><a class="person" href="../tony/">Tony Blair</a> met '
                   '<a class="person" href="../cherie/">Cherie Blair</a>.</p>')


def test_annotate_skips_headings_links_and_code() -> None:
    body = ("<h2>Blair</h2>\n<p><a href=\"/x\">Blair</a> and <code>Blair</code></p>\n"
            "<pre>Blair</pre>\n<p>Blair</p>")
    text = html_to_text(body).text
    spans = [link(*at(text, "Blair", n)) for n in range(5)]
    out = annotate_html(body, spans)
    assert out.count('class="person"') == 1
    assert out.endswith('<p><a class="person" href="../../people/x/">Blair</a></p>')
    assert linkable_ranges(body) == ((text.index(" and "), text.index(" and ") + 5),
                                     (at(text, "Blair", 4)))


def test_annotate_quote_anchor_may_sit_in_heading_but_not_in_code() -> None:
    body = "<h2>Say yes</h2>\n<pre>yes</pre>"
    text = html_to_text(body).text
    out = annotate_html(body, [Span(*at(text, "yes", 0), "span", (("id", "q-1"),)),
                               Span(*at(text, "yes", 1), "span", (("id", "q-2"),))])
    assert out == '<h2>Say <span id="q-1">yes</span></h2>\n<pre>yes</pre>'


def test_annotate_escapes_text_and_attributes() -> None:
    body = "<p>&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry said &quot;hi&quot;</p>"
    text = html_to_text(body).text
    assert text == '<script>alert(1)</script> Tom & Jerry said "hi"'
    out = annotate_html(body, [link(*at(text, "Tom"), href='x" onclick="evil()&<>')])
    assert out == ('<p>&lt;script&gt;alert(1)&lt;/script&gt; <a class="person" '
                   'href="x&quot; onclick=&quot;evil()&amp;&lt;&gt;">Tom</a> &amp; Jerry said '
                   '"hi"</p>')
    assert "<script>" not in out


def test_annotate_rejects_unsafe_tag_and_attribute_names() -> None:
    with pytest.raises(ValueError):
        Span(0, 1, "a onclick=x")
    with pytest.raises(ValueError):
        Span(0, 1, "a", (('href"', "x"),))


def test_annotate_splits_span_across_elements_and_keeps_id_once() -> None:
    body = "<p>He said <em>never</em> again.</p>"
    text = html_to_text(body).text
    start = text.index("never")
    quote = Span(start, start + 11, "span", (("id", "q-1"), ("class", "quote")))
    out = annotate_html(body, [quote])
    assert out == ('<p>He said <em><span id="q-1" class="quote">never</span></em>'
                   '<span class="quote"> again</span>.</p>')


def test_annotate_nests_links_in_quotes_and_drops_crossing_spans() -> None:
    body = "<p>She said Tony Blair won today.</p>"
    text = html_to_text(body).text
    quote = Span(text.index("Tony"), text.index("."), "span", (("id", "q-1"),))
    crossing = Span(0, text.index("Blair"), "span", (("id", "x"),))
    out = annotate_html(body, [quote, link(*at(text, "Tony Blair")), crossing,
                               link(*at(text, "Blair"))])
    assert out == ('<p>She said <span id="q-1"><a class="person" href="../../people/x/">'
                   'Tony Blair</a> won today</span>.</p>')


def test_annotate_ignores_out_of_range_spans() -> None:
    body = "<p>Short.</p>"
    assert annotate_html(body, [link(3, 99), link(-1, 2), link(4, 4)]) == body


FRAGMENTS = [
    "<p>Tony Blair said &quot;we will&quot; &amp; left.</p>\n<p>Cherie <em>Blair</em> did not.</p>",
    "<h1>Title &lt;b&gt;</h1>\n<ul>\n<li>One <strong>two <em>three</em></strong></li>\n"
    "<li>£5m &#8212; 40%</li>\n</ul>",
    "<blockquote><p>“Quote” — <a href=\"/x?a=1&amp;b=2\">link</a></p></blockquote>\n"
    "<pre><code>x &lt; y</code></pre>\n<p>After&nbsp;code<br>next line</p>",
    "<table><tr><td>a</td><td>b &amp; c</td></tr></table><p>Zoë Ünal’s café</p>",
]


@pytest.mark.parametrize("body", FRAGMENTS)
def test_annotate_never_changes_the_text(body: str) -> None:
    text = html_to_text(body).text
    rng = random.Random(body)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(1, 6)):
            start = rng.randrange(len(text))
            end = rng.randint(start + 1, len(text))
            tag, attrs = rng.choice([("a", (("class", "zz"), ("href", "../p/&\"<"))),
                                     ("span", (("id", "q-1"),)), ("data", (("value", "5"),))])
            spans.append(Span(start, end, tag, attrs))
        out = annotate_html(body, spans)
        assert html_to_text(out).text == text
        assert "<" not in re.sub(r"<[^>]*>", "", out)  # no raw "<" outside tags
        assert _links_not_nested(out)
        assert _original_tags(out) == _original_tags(body)


def _original_tags(fragment: str) -> tuple[list[str], int]:
    """The tags other than our wrappers, in order, and how many links are closed beyond ours."""
    tags = re.findall(r"<[^>]*>", fragment)
    ours = sum(1 for t in tags if t.startswith('<a class="zz"'))
    kept = [t for t in tags if not re.match(r'</?(span|data)\b|<a class="zz"|</a>', t)]
    return kept, tags.count("</a>") - ours


def _links_not_nested(out: str) -> bool:
    depth = 0
    for m in re.finditer(r"<(/?)a\b", out):
        depth += -1 if m.group(1) else 1
        if depth > 1:
            return False
    return True


def test_annotate_offsets_hold_for_inline_markup_in_first_paragraph() -> None:
    body = "<p>Hello <em>Tony Blair</em> and Blair</p>"
    text = html_to_text(body).text
    assert text == "Hello Tony Blair and Blair"
    out = annotate_html(body, [link(*at(text, "Blair", 1))])
    assert out == '<p>Hello <em>Tony Blair</em> and <a class="person" ' \
                  'href="../../people/x/">Blair</a></p>'


def test_annotate_spans_for_article_builds_quote_number_and_link_spans() -> None:
    text = 'Tony Blair said "we paid £5m".'
    body = f"<p>{text}</p>"
    links = ArticleLinks(
        slug="a", people=(),
        quotes=(SiteQuote("q-1", "a", "we paid £5m", "tony-blair", None, 17, 28),),
        numbers=(SiteNumber("n-1", "a", "£5m", 5e6, "GBP", text, 25, 28),),
        links=(MentionLink(0, 10, "tony-blair"),),
    )
    out = annotate_html(body, spans_for_article(links, lambda pid: f"../../people/{pid}/"))
    assert out == ('<p><a class="person" href="../../people/tony-blair/">Tony Blair</a> said '
                   '"<span id="q-1" class="quote">we paid <data id="n-1" class="number" '
                   'value="5000000">£5m</data></span>".</p>')


def test_annotate_number_carries_its_label_as_an_escaped_title() -> None:
    text = "It cost £5m."
    links = ArticleLinks(slug="a", people=(), quotes=(), links=(), numbers=(
        SiteNumber("n-1", "a", "£5m", 5e6, "GBP", text, 8, 11, label='"new" <pier>'),))
    out = annotate_html(f"<p>{text}</p>", spans_for_article(links, lambda pid: pid))
    assert out == ('<p>It cost <data id="n-1" class="number" value="5000000" '
                   'title="&quot;new&quot; &lt;pier&gt;">£5m</data>.</p>')
