"""Markdown tables in an article scroll inside a box of their own.

On a phone a table with many columns is wider than the screen. Wrapped in
`<div class="scroll-box" role="region" tabindex="0" aria-label="Table N">` it scrolls
by itself, by keyboard too (the box takes focus and is named), and the page does not.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _WrapTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        count = 0
        for parent in list(root.iter()):  # a snapshot: the boxes added are not visited
            for index, child in enumerate(list(parent)):
                if child.tag != "table":
                    continue
                count += 1
                box = etree.Element("div", {"class": "scroll-box", "role": "region",
                                            "tabindex": "0", "aria-label": f"Table {count}"})
                parent.remove(child)
                parent.insert(index, box)
                box.append(child)
                box.tail, child.tail = child.tail, None


class ScrollBoxes(Extension):
    """The Markdown extension that wraps every table (after the table extension ran)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        md.treeprocessors.register(_WrapTables(md), "sitegen_scroll_boxes", 15)
