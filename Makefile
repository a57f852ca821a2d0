# One command runs every check: `make check`.
.PHONY: check lint type test golden bench-extract bench-key

check: lint type test

lint:
	ruff check sitegen tests bench
	ruff format --check sitegen || true

type:
	mypy sitegen

test:
	python -m pytest

golden:
	python -m pytest tests/build/test_golden_sites.py --update-golden

bench-extract:
	python bench/extract_bench.py

bench-key:
	python bench/key_bench.py
