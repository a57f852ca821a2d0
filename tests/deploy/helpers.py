"""A small built site to deploy, and ways to look at what a target holds."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import sitegen
from sitegen.build import build
from sitegen.config import SiteConfig, load_config
from sitegen.extract.runner import Extractor
from tests.helpers import edit, write_tree

SITE: dict[str, str | bytes] = {
    "sitegen.toml": 'title = "Deploy test"\nbase_url = "https://example.org/"\n',
    "content/articles/harbour-plan.md": (
        "---\ntitle: Harbour plan approved\ndate: 2024-05-01\n---\n"
        "Mayor Ruth Adeyemi said the council had approved the plan.\n\n"
        '"It will bring 300 jobs," Adeyemi told reporters.\n'),
    "content/articles/bridge-repairs.md": (
        "---\ntitle: Bridge repairs begin\ndate: 2024-05-02\n---\n"
        "Engineer Paul Moreau said repairs would take 6 weeks.\n"),
    "static/img/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    "static/app.3f9a1c2b7d.js": "console.log('fingerprinted');\n",
}
GIT_ENV = {"GIT_AUTHOR_NAME": "Test User", "GIT_AUTHOR_EMAIL": "user@example.org",
           "GIT_COMMITTER_NAME": "Test User", "GIT_COMMITTER_EMAIL": "user@example.org"}


@dataclass
class Site:
    root: Path
    extractor: Extractor

    @property
    def config(self) -> SiteConfig:
        return load_config(self.root / "sitegen.toml")

    @property
    def output_dir(self) -> Path:
        return self.root / "output"

    def build(self) -> None:
        build(self.config, extractor=self.extractor)

    def edit(self, rel: str, text: str) -> None:
        edit(self.root / rel, text)

    def output(self) -> dict[str, bytes]:
        return files_under(self.output_dir)


def make_site(root: Path, extractor: Extractor, extra: dict[str, str | bytes] | None = None
              ) -> Site:
    site = Site(write_tree(root, {**SITE, **(extra or {})}), extractor)
    site.build()
    return site


def files_under(folder: Path, hidden: bool = False) -> dict[str, bytes]:
    """Every file under `folder` (following a symlinked folder), by relative path."""
    found = {}
    for dirpath, _, names in os.walk(folder, followlinks=True):
        for name in names:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if hidden or not any(p.startswith(".") for p in rel.split("/")):
                found[rel] = path.read_bytes()
    return found


def sitegen_env() -> dict[str, str]:
    """The environment for a `python -m sitegen` child that imports this same sitegen."""
    here = str(Path(sitegen.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{here}{os.pathsep}{path}" if path else here}


def run_git(*args: str, cwd: Path | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout
