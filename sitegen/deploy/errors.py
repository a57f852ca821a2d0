"""DeployError: a deploy that cannot go ahead, said in one line."""

from __future__ import annotations

from sitegen.errors import SitegenError


class DeployError(SitegenError):
    """The target is unreachable, refuses, or would lose something; or `output/` is not a
    good build. The message names the target and what to do."""
