"""Errors that carry a source location, and how they are formatted.

Every error a user can cause is a SitegenError with a message that says what
is wrong and, where it can, how to fix it. `str()` gives `path:line: message`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in a source file: `str()` is `content/budget.md:14`."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


class SitegenError(Exception):
    """An error in the user's input, reported as `path:line: message`."""

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return self.message if self.location is None else f"{self.location}: {self.message}"


class ConfigError(SitegenError):
    """The site configuration is invalid."""


class ContentError(SitegenError):
    """An article or card cannot be read."""


class TemplateError(SitegenError):
    """A template cannot be loaded or rendered."""


class ModelError(SitegenError):
    """The spaCy pipeline cannot be loaded."""


class BuildFailed(SitegenError):
    """One or more errors stopped the build; `errors` holds them all."""

    def __init__(self, errors: Iterable[SitegenError]) -> None:
        self.errors = tuple(errors)
        super().__init__(f"{len(self.errors)} error(s)")

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
