"""People in one Doc: name mentions, which of them are people, their roles and sex.

- `names`: surface forms split into titles and name words (pure text).
- `mentions`: name mentions from entities and the parse.
- `filter`: evidence that a name is no person (teams, places, shows).
- `collect`: mentions grouped into people (`People`).
- `roles`: the role or title the article gives a person.
- `genders`: a person's sex as the text shows it.
"""
