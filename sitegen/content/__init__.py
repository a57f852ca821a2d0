"""Stage 1, content: the site's source files read into records.

- `articles`: finding article files, front matter, Markdown, and `Article` records.
- `htmltext`: an article's plain text and its map back into the HTML.
- `cards`: editorial person cards (`content/people/*.md`).
- `topics`: story cards (`content/topics/*.md`): a story's title and intro.
- `static`: the files under `static/`, copied as they are.
"""
