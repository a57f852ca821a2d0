"""The command line: arguments, logging and exit codes. No build logic lives here."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from sitegen import __version__
from sitegen.config import SiteConfig, load_config
from sitegen.errors import BuildFailed, SitegenError

log = logging.getLogger("sitegen")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("new", help="create a starter site in DIR")
    p.add_argument("dir", type=Path)

    for name, helptext in (("build", "build the site into output/"),
                           ("serve", "build, serve and rebuild on changes")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--config", type=Path, help="config file (default: ./sitegen.toml)")
        p.add_argument("--drafts", action="store_true", help="include draft articles")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--jobs", type=int, default=None, help="extraction processes")
        p.add_argument("--debug", action="store_true", help="show tracebacks")
        if name == "build":
            p.add_argument("--base-url", help="override base_url")
            p.add_argument("--explain-templates", action="store_true",
                           help="log which file each template was loaded from")
        else:
            p.add_argument("--host", default="127.0.0.1")
            p.add_argument("--port", type=int, default=8000)
            p.add_argument("--open", action="store_true", help="open a browser")

    p = sub.add_parser("deploy", help="publish output/ to a git branch, a bucket or a folder")
    p.add_argument("--config", type=Path, help="config file (default: ./sitegen.toml)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--target", metavar="NAME",
                       help="a [deploy.NAME] table (default: the first)")
    where.add_argument("--to", metavar="URL",
                       help="git+https://..., git+ssh://..., git+file:///..., s3://bucket/prefix "
                            "or file:///path")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would be added, changed and removed; change nothing")
    p.add_argument("--build", action=argparse.BooleanOptionalAction, default=True,
                   help="build first (default); --no-build deploys output/ as it is, if fresh")
    p.add_argument("--message", help="git: the commit message")
    p.add_argument("--force", action="store_true",
                   help="replace what sitegen did not make (git commits, a folder)")
    p.add_argument("--delete-unknown", action="store_true",
                   help="s3: also delete objects sitegen did not upload")
    p.add_argument("--rollback", action="store_true",
                   help="folder targets: serve the previous version again")
    p.add_argument("--debug", action="store_true", help="show tracebacks")

    p = sub.add_parser("extract", help="print people, quotes and numbers of articles")
    p.add_argument("files", nargs="+", help=".md or .txt files, or - for stdin")
    p.add_argument("--format", choices=("json", "table"), default="table")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: from sitegen.toml)")
    p.add_argument("--jobs", type=int, default=0)
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


class _CountingHandler(logging.Handler):
    """Counts warnings, for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _setup_logging() -> _CountingHandler:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    counter = _CountingHandler()
    root.addHandler(counter)
    return counter


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    counter = _setup_logging()
    try:
        return _dispatch(args, counter)
    except BuildFailed as exc:
        for n, err in enumerate(exc.errors, 1):
            prefix = f"error {n}/{len(exc.errors)}: " if len(exc.errors) > 1 else "error: "
            log.error("%s%s", prefix, err)
        return 1
    except SitegenError as exc:
        log.error("error: %s", exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:
        if args.debug:
            raise
        log.exception("internal error (please report it); run with --debug for details")
        return 2


def _dispatch(args: argparse.Namespace, counter: _CountingHandler) -> int:
    if args.command == "extract":
        from sitegen.commands.extract import run_extract

        model = args.model or load_config().extract.model
        run_extract(args.files, args.format, model, args.jobs, sys.stdout, sys.stdin)
        return 0
    if args.command == "new":
        from sitegen.commands.new import new_site

        new_site(args.dir)
        log.info("created a new site in %s; next: cd %s && sitegen build", args.dir, args.dir)
        return 0
    if args.command == "build":
        return _build(args, counter)
    if args.command == "deploy":
        return _deploy(args)
    if args.command == "serve":
        from sitegen.serve.server import serve

        return serve(_config(args), host=args.host, port=args.port, open_browser=args.open,
                     strict=args.strict, jobs=args.jobs)
    raise SitegenError(f"unknown command {args.command!r}")


def _config(args: argparse.Namespace) -> SiteConfig:
    config = load_config(args.config)
    changes: dict[str, Any] = {}
    if getattr(args, "drafts", False):
        changes["drafts"] = True
    if getattr(args, "base_url", None):
        changes["base_url"] = args.base_url
    return dataclasses.replace(config, **changes) if changes else config


def _build(args: argparse.Namespace, counter: _CountingHandler) -> int:
    from sitegen.build import build, make_extractor

    config = _config(args)
    bar = ProgressBar(sys.stderr)
    report = build(config, extractor=make_extractor(config, args.jobs), strict=args.strict,
                   explain_templates=args.explain_templates, progress=bar.update)
    bar.finish()
    log.info(
        "built %d articles: %d pages written, %d unchanged, %d removed in %.2fs%s",
        report.articles, report.written, report.unchanged, report.removed, report.seconds,
        f" ({len(report.warnings)} warning(s))" if report.warnings else "",
    )
    return 0


def _deploy(args: argparse.Namespace) -> int:
    from sitegen.deploy import DeployOptions, deploy, rollback, select_target

    config = _config(args)
    target = select_target(config, args.target, args.to)
    if args.rollback:
        report = rollback(config, target, dry_run=args.dry_run)
    else:
        options = DeployOptions(build=args.build, dry_run=args.dry_run, force=args.force,
                                delete_unknown=args.delete_unknown, message=args.message)
        bar = ProgressBar(sys.stderr)
        report = deploy(config, target, options, stream=sys.stderr, build_progress=bar.update)
        bar.finish()
    log.info("%s", report.summary())
    return 0


class ProgressBar:
    """A one-line progress bar on a terminal, shown only when there is enough work."""

    MIN_WORK = 20

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False
        self.enabled = stream.isatty()

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_WORK:
            return
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\rextracting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
