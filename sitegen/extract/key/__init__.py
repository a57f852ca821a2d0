"""Key items: what an explainer shows first, decided once per article at extraction.

GUIDELINES "key": up to 3 people the story is about, 3 quotes that carry it,
3 figures it turns on. Each family is scored on evidence the text gives, not
on word lists: the headline and the lead, the parse (who is the subject of
the main verbs, what a number is governed by), repetition across the article.

- `evidence`: the article-wide facts every family reads (headline words,
  lead, sentences, main clauses, char offsets to tokens).
- `people`, `quotes`, `numbers`: each family's signals and selection.
- `statements`: whether a quote is a whole statement or a fragment.
- `select`: `mark_key`, which runs the three and returns the marked records.
"""
