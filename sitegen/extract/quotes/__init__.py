"""Quotes in one Doc and who said them.

- `spans`: quotation marks paired into spans (raw text, no model).
- `find`: which spans are quotes, in text order, with their speakers.
- `speakers`: the speaker of a quote from the parse around it.
- `resolve`: pronouns, descriptions and titles resolved to people.
- `sources`: speakers that are no single named person (spokesmen, joint statements).
- `nested`: quotes inside quotes.
"""
