"""sitegen: a static site generator for explainer pages."""

__version__ = "0.1.0"
