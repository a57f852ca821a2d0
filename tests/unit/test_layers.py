"""The import contract: the package tree is the pipeline, and imports only point down it.

Read from the source with `ast` (nothing is imported), so a violation is
reported as `path:line: what is imported from where`. The contract:

- Layers, bottom to top: base records (errors, model, urls, config), the
  shared lexicon, then the stages content, extract, link, pages, render,
  write, then build, then serve and deploy, then the command helpers and the
  cli. A module imports only its own layer or lower ones; serve and deploy
  never import each other.
- Inside extract, the three rule families stay apart: people imports neither
  quotes nor numbers, numbers imports neither people nor quotes, and quotes may
  use people (a quote's speaker is a person) but not numbers.
- Heavy dependencies stay in one place: spaCy is imported at run time only by
  `extract/nlp.py` (other extract modules may name its types under
  `TYPE_CHECKING`), jinja2 and markupsafe only by `render/`, watchdog only by
  `serve/watch.py`, markdown and yaml only by `content/`, numpy only by
  `extract/`, boto3 only by `deploy/s3.py`, dask only by executor modules.
- No import cycles between modules at run time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "sitegen"

#: Bottom to top. A module may import from its own layer and any layer below.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"sitegen", "sitegen.__init__", "sitegen.errors", "sitegen.model",
               "sitegen.urls", "sitegen.config"}),
    frozenset({"sitegen.lexicon"}),
    frozenset({"sitegen.content"}),
    frozenset({"sitegen.extract"}),
    frozenset({"sitegen.link"}),
    frozenset({"sitegen.pages"}),
    frozenset({"sitegen.render"}),
    frozenset({"sitegen.write"}),
    frozenset({"sitegen.build"}),
    frozenset({"sitegen.serve", "sitegen.deploy"}),
    frozenset({"sitegen.commands"}),
    frozenset({"sitegen.cli", "sitegen.__main__"}),
)
#: Pairs (importer prefix, imported prefix) that are forbidden even within a layer.
FORBIDDEN = (
    ("sitegen.serve", "sitegen.deploy"),
    ("sitegen.deploy", "sitegen.serve"),
    ("sitegen.extract.people", "sitegen.extract.quotes"),
    ("sitegen.extract.people", "sitegen.extract.numbers"),
    ("sitegen.extract.numbers", "sitegen.extract.people"),
    ("sitegen.extract.numbers", "sitegen.extract.quotes"),
    ("sitegen.extract.quotes", "sitegen.extract.numbers"),
)
#: Third-party top-level package -> module prefixes allowed to import it at run time.
CONFINED = {
    "spacy": ("sitegen.extract.nlp",),
    "thinc": ("sitegen.extract.nlp",),
    "jinja2": ("sitegen.render",),
    "markupsafe": ("sitegen.render",),
    "watchdog": ("sitegen.serve.watch",),
    "markdown": ("sitegen.content",),
    "yaml": ("sitegen.content",),
    "numpy": ("sitegen.extract",),
    "boto3": ("sitegen.deploy.s3",),
    "botocore": ("sitegen.deploy.s3",),
    "dask": ("sitegen.extract.executor", "sitegen.render.executor", "sitegen.executor"),
    "distributed": ("sitegen.extract.executor", "sitegen.render.executor", "sitegen.executor"),
}
#: ... and those that may name its types under `if TYPE_CHECKING:`.
TYPE_ONLY = {"spacy": ("sitegen.extract",)}


@dataclass(frozen=True)
class Import:
    line: int
    target: str  # absolute module name (for `from x import y`: x, and x.y as a candidate)
    type_only: bool


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool = False) -> Iterator[Import]:
    """Every import in `source`, absolute, flagged when it sits under `if TYPE_CHECKING:`."""
    tree = ast.parse(source)
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for sub in ast.walk(child):
                    guarded.add(id(sub))
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(node.lineno, alias.name, id(node) in guarded)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(p for p in [*parts, base] if p)
            for alias in node.names:
                yield Import(node.lineno, f"{base}.{alias.name}", id(node) in guarded)


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for index, members in enumerate(LAYERS):
        for prefix in members:
            if _within(module, prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return None if best is None else best[1]


def own_target(target: str, known: set[str]) -> str:
    """The sitegen module an import names: `from a.b import c` is a.b.c when that is a module."""
    return target if target in known else target.rpartition(".")[0]


def violations(module: str, source: str, known: set[str], is_package: bool = False) -> list[str]:
    """What `module` imports against the contract, as `line: message` strings."""
    problems = []
    for imp in imports_of(source, module, is_package):
        top = imp.target.split(".")[0]
        if top == "sitegen":
            target = own_target(imp.target, known)
            if target in ("sitegen", "sitegen.__init__") and imp.target != target:
                target = imp.target  # `from sitegen import urls` names the module
            mine, theirs = layer_of(module), layer_of(target)
            if mine is None or theirs is None:
                problems.append(f"{imp.line}: {target} is in no layer of the contract")
            elif theirs > mine:
                problems.append(f"{imp.line}: imports {target} from a later stage")
            for importer, imported in FORBIDDEN:
                if _within(module, importer) and _within(target, imported):
                    problems.append(f"{imp.line}: {importer} may not import {imported}")
        elif top in CONFINED:
            allowed = CONFINED[top] + (TYPE_ONLY.get(top, ()) if imp.type_only else ())
            if not any(_within(module, prefix) for prefix in allowed):
                problems.append(f"{imp.line}: imports {top}, which only {', '.join(allowed)} may")
    return problems


def _sources() -> dict[str, tuple[Path, str]]:
    return {module_name(p): (p, p.read_text(encoding="utf-8"))
            for p in sorted(PACKAGE.rglob("*.py"))}


def test_layers_every_import_points_down_the_pipeline() -> None:
    sources = _sources()
    known = set(sources)
    problems = [f"{path.relative_to(PACKAGE.parent)}:{problem}"
                for module, (path, text) in sources.items()
                for problem in violations(module, text, known, path.name == "__init__.py")]
    assert not problems, "import contract broken:\n" + "\n".join(problems)


def test_layers_every_module_has_a_layer() -> None:
    missing = [m for m in _sources() if layer_of(m) is None]
    assert not missing, f"modules outside the contract's layers: {missing}"


def test_layers_no_cycles_at_run_time() -> None:
    sources = _sources()
    known = set(sources)
    graph = {m: {own_target(i.target, known) for i in imports_of(t, m, p.name == "__init__.py")
                 if not i.type_only and own_target(i.target, known) in known}
             for m, (p, t) in sources.items()}
    seen: dict[str, int] = {}  # 1: on the stack, 2: done

    def visit(node: str, stack: list[str]) -> list[str] | None:
        seen[node] = 1
        for nxt in sorted(graph[node] - {node}):
            if nxt.startswith(node + ".") or node == "sitegen":
                continue  # a package's own submodules (import order, not a dependency)
            if seen.get(nxt) == 1:
                return [*stack, node, nxt]
            if nxt not in seen and (cycle := visit(nxt, [*stack, node])):
                return cycle
        seen[node] = 2
        return None

    for module in sorted(graph):
        if module not in seen and (cycle := visit(module, [])):
            pytest.fail("import cycle: " + " -> ".join(cycle))


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("sitegen.extract.runner", "from sitegen.link.site import link\n", "from a later stage"),
    ("sitegen.extract.people.collect", "from sitegen.extract.quotes.find import x\n",
     "may not import sitegen.extract.quotes"),
    ("sitegen.link.site", "import spacy\n", "imports spacy"),
    ("sitegen.extract.people.collect",
     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import jinja2\n", "imports jinja2"),
    ("sitegen.serve.server", "from sitegen.deploy import deploy\n",
     "may not import sitegen.deploy"),
    ("sitegen.pages.plan", "from sitegen import build\n", "from a later stage"),
])
def test_layers_checker_catches(module: str, source: str, expected: str) -> None:
    known = set(_sources())
    problems = violations(module, source, known)
    assert any(expected in p for p in problems), problems


def test_layers_type_only_spacy_is_allowed_in_extract() -> None:
    source = ("from typing import TYPE_CHECKING\n"
              "if TYPE_CHECKING:\n    from spacy.tokens import Doc\n")
    assert violations("sitegen.extract.people.collect", source, set()) == []
    assert violations("sitegen.pages.plan", source, set())  # but not outside extract
