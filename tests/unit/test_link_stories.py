"""Stories, related articles and people quoted alongside, at the link stage (no model)."""

from __future__ import annotations

from dataclasses import replace

from sitegen.config import SiteConfig
from sitegen.link.site import LinkResult, link
from sitegen.model import Article, Extraction, QuoteFound, TopicCard
from tests.unit.linkdata import found, make_article

Item = tuple[Article, Extraction]


def story_article(slug: str, text: str, people: dict[str, bool], day: int | None = None,
                  topics: tuple[str, ...] = (),
                  quotes: tuple[QuoteFound, ...] = ()) -> Item:
    """An article whose people are {name: key}; every name is written in `text`."""
    article = replace(make_article(slug, text, day), topics=topics)
    return article, Extraction(
        people=tuple(replace(found(text, name), key=key) for name, key in people.items()),
        quotes=quotes)


def quote(text: str, whole: str, speaker: str, key: bool = True,
          context: str | None = None) -> QuoteFound:
    at = whole.index(text)
    return QuoteFound(text, at, at + len(text), speaker, None, key, context)


def run(*items: Item, cards: tuple[TopicCard, ...] = ()) -> LinkResult:
    return link([a for a, _ in items], {a.slug: e for a, e in items}, (), SiteConfig(), cards)


A_TEXT = 'Ann Lee said: "We will win." Bob Kay agreed.'
B_TEXT = 'Ann Lee spoke again: "We will win, again." Cy Dee watched.'
C_TEXT = "Bob Kay went fishing. Dan Roe stayed home."


def three() -> tuple[Item, Item, Item]:
    a = story_article("a", A_TEXT, {"Ann Lee": True, "Bob Kay": False}, day=1,
                      topics=("The Vote",), quotes=(quote("We will win.", A_TEXT, "Ann Lee"),))
    b = story_article("b", B_TEXT, {"Ann Lee": True, "Cy Dee": False}, day=3,
                      topics=("the vote",),
                      quotes=(quote("We will win, again.", B_TEXT, "Ann Lee"),))
    c = story_article("c", C_TEXT, {"Bob Kay": True, "Dan Roe": False}, day=2)
    return a, b, c


def test_story_gathers_articles_by_slug_of_the_name_with_a_timeline() -> None:
    site = run(*three()).site
    assert list(site.topics) == ["the-vote"]
    vote = site.topics["the-vote"]
    assert vote.title == "The Vote"  # no card: the name as articles write it (ties: sorted)
    assert vote.article_slugs == ("a", "b"), "timeline: oldest first"
    assert [p.person_id for p in vote.people] == ["ann-lee"], "only key people"
    assert vote.people[0].key_articles == 2 and vote.people[0].quote == ("b", "q-1")
    assert vote.quotes == (("b", "q-1"), ("a", "q-1")), "newest article first"


def test_story_card_gives_title_and_intro_and_an_unused_card_warns() -> None:
    cards = (TopicCard("the-vote", "Who wins the vote", "content/topics/the-vote.md",
                       "<p>Intro.</p>"),
             TopicCard("nothing", "Nothing", "content/topics/nothing.md"))
    result = run(*three(), cards=cards)
    vote = result.site.topics["the-vote"]
    assert (vote.title, vote.intro_html, vote.card_path) == (
        "Who wins the vote", "<p>Intro.</p>", "content/topics/the-vote.md")
    assert [str(w) for w in result.warnings] == [
        "content/topics/nothing.md: card describes story 'Nothing', which no article names; "
        "add `topics: [nothing]` to the front matter of its articles"]


def test_story_shows_one_statement_quoted_twice_once() -> None:
    a_text = 'Ann Lee said: "We will win this vote."'
    b_text = 'Ann Lee repeated: "We will win this vote!"'
    a = story_article("a", a_text, {"Ann Lee": True}, day=1, topics=("v",),
                      quotes=(quote("We will win this vote.", a_text, "Ann Lee"),))
    b = story_article("b", b_text, {"Ann Lee": True}, day=2, topics=("v",),
                      quotes=(quote("We will win this vote!", b_text, "Ann Lee"),))
    assert run(a, b).site.topics["v"].quotes == (("b", "q-1"),)


def test_related_articles_share_key_people_and_stories_first_then_people() -> None:
    a, b, c = three()
    site = run(a, b, c).site
    assert site.related["a"] == ("b", "c"), "b shares key Ann Lee and the story; c only Bob Kay"
    assert site.related["c"] == ("a",)
    lonely = story_article("d", "Eve Fox was alone.", {"Eve Fox": True})
    assert run(a, b, c, lonely).site.related["d"] == ()


def test_related_stories_share_articles_or_key_people() -> None:
    a, b, c = three()
    c = (replace(c[0], topics=("Fishing",)), c[1])
    d = story_article("d", "Ann Lee fished with Bob Kay.", {"Ann Lee": True, "Bob Kay": True},
                      day=4, topics=("Fishing",))
    site = run(a, b, c, d).site
    assert site.topics["the-vote"].related == ("fishing",)
    assert site.topics["fishing"].related == ("the-vote",)
    assert list(site.topics) == ["fishing", "the-vote"], "newest story first"


def test_quoted_alongside_counts_articles_where_both_are_quoted() -> None:
    text = 'Ann Lee said: "Yes." Bob Kay said: "No." Cy Dee said nothing.'
    item = story_article("a", text, {"Ann Lee": True, "Bob Kay": True, "Cy Dee": False},
                         quotes=(quote("Yes.", text, "Ann Lee"), quote("No.", text, "Bob Kay")))
    site = run(item).site
    assert [(c.person_id, c.articles) for c in site.quoted_with["ann-lee"]] == [("bob-kay", 1)]
    assert "cy-dee" not in site.quoted_with, "named, never quoted"


def test_key_flags_reach_the_site() -> None:
    site = run(*three()).site
    people = {p.person_id: p.key for p in site.article_links["a"].people}
    assert people == {"ann-lee": True, "bob-kay": False}
    assert site.article_links["a"].quotes[0].key
