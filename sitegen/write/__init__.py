"""Stage 6, write: rendered pages onto disk, only what changed, atomically.

- `output`: writing `output/` and removing stale files after a good build.
- `stamp`: the record of what the last good build read and wrote, by hash.
"""
