"""Stage 4, pages: which pages exist and what each shows, decided once for the site.

- `plan`: the page plans (`PagePlan`) with their data and inputs.
- `views`: what each kind of page lists, in which order.
- `annotate`: people linked and quotes anchored inside article HTML.
- `jsonld`: schema.org JSON-LD.
- `search`: the search index.
- `opendata`: `data/*.json`.
"""
