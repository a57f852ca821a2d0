"""Plan reuse: plans kept between rebuilds equal the plans of a fresh `plan_pages`."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.config import PeopleConfig, SiteConfig
from sitegen.link.site import Linker
from sitegen.model import Article, Extraction, PersonCard
from sitegen.pages.plan import plan_pages
from sitegen.serve.memo import PlanMemo
from tests.unit.linkdata import one

Item = tuple[Article, Extraction]
CONFIG = SiteConfig(people=PeopleConfig(link="first"))


class _Counting(PlanMemo):
    """A PlanMemo that counts the plans it hands back."""

    reused = 0

    def reuse(self, url: str, keys: frozenset[str]):  # type: ignore[no-untyped-def]
        plan = super().reuse(url, keys)
        self.reused += plan is not None
        return plan


def _check(linker: Linker, memo: _Counting, items: Sequence[Item],
           cards: Sequence[PersonCard] = ()) -> int:
    """Plan with reuse, compare with planning from scratch, commit; plans reused."""
    site = linker.link([a for a, _ in items], {a.slug: e for a, e in items}, cards,
                       CONFIG).site
    before = memo.reused
    memo.start(site)
    plans = plan_pages(CONFIG, site, reuse=memo.reuse)
    assert plans == plan_pages(CONFIG, site)
    memo.commit(plans)
    return memo.reused - before


def test_plan_reuse_equals_fresh_plans_and_reuses_untouched_pages() -> None:
    items: list[Item] = [
        one("a", "Tony Blair spoke. Blair left.", ("Tony Blair", "Blair"), day=1),
        one("b", "Gordon Brown met Ed Miliband.", ("Gordon Brown",), ("Ed Miliband",), day=2),
        one("c", "Yvette Cooper was late.", ("Yvette Cooper",), day=3),
    ]
    linker, memo = Linker(), _Counting()
    assert _check(linker, memo, items) == 0
    assert _check(linker, memo, items) == 3 + 4  # nothing changed: every page
    # edit c's text: a and b and their people are untouched
    items[2] = one("c", "Yvette Cooper was very late.", ("Yvette Cooper",), day=3)
    assert _check(linker, memo, items) == 5  # a, b, Tony Blair, Gordon Brown, Ed Miliband
    # a person joins a: Tony's page changes (co-people), so does a's
    items[0] = one("a", "Tony Blair and Yvette Cooper spoke.", ("Tony Blair",),
                   ("Yvette Cooper",), day=1)
    _check(linker, memo, items)
    # rename, ambiguous surname, card, removal
    items[1] = one("b2", items[1][0].text, ("Gordon Brown",), ("Ed Miliband",), day=2)
    _check(linker, memo, items)
    items.append(one("d", "Cherie Blair smiled. Blair waved.", ("Cherie Blair",), ("Blair",),
                     day=4))
    _check(linker, memo, items)
    card = PersonCard(slug="tb", name="Tony Blair", source_path="content/people/tb.md",
                      aliases=("Blair",))
    _check(linker, memo, items, [card])
    del items[0]
    _check(linker, memo, items, [card])
