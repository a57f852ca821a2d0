"""Stage 5, render: page plans through Jinja templates to bytes (the only stage importing jinja2).

- `jinja`: the template environment, template checks and rendering.
- `pool`: rendering in forked worker processes for large sites.
"""
