"""Command helpers that are not stages: `sitegen new` and `sitegen extract`.

- `new`: a starter site.
- `extract`: printing one file's extraction as JSON or a table.
"""
