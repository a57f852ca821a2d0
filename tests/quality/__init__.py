"""Extraction quality on the gold articles: scores against thresholds, and invariants."""
