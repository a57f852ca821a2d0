"""Stage 3, link: site-wide identity, producing the `Site` the pages are made from.

- `site`: `link()` and `Linker`, the stage's entry points.
- `names`: how person names compare (keys, surnames).
- `identity`: which name forms are one person across the site.
- `article`: one article's mentions, quotes and numbers tied to people.
- `people`: the site's person records (counts, roles, co-people).
- `topics`: stories: the articles gathered under a topic, and what they add up to.
- `related`: related articles, and the people quoted alongside a person.
"""
