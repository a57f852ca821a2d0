"""Stage 2, extract: per article text, the people, quotes and numbers in it.

- `runner`: `Extractor`, which serves results from the cache or runs the pipeline.
- `nlp`: loading a spaCy pipeline (the only module that imports spaCy).
- `cache`: results on disk, keyed by text, extractor version and model.
- `document`: one parsed Doc to one `Extraction`.
- `verbs`: verbs that report speech, shared by the people and quote rules.
- `people/`, `quotes/`, `numbers/`: the rules of each family.
"""
