"""Running the git command line, and saying in one line why a remote failed.

sitegen has no git library: it runs `git` as the user would, so the user's
own credentials (SSH agent, credential helper, `~/.netrc`) apply. Variables
that would point git at another repository or index (set, for instance,
when sitegen runs from a git hook) are removed from its environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from sitegen.deploy.errors import DeployError

#: Variables that choose a repository, index or object store: never inherited.
_LOCATING = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
             "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE",
             "GIT_PREFIX", "GIT_CEILING_DIRECTORIES")

#: Words in git's (or ssh's, or curl's) stderr, most specific cause first.
_CAUSES = (
    ("network down", ("could not resolve host", "could not resolve hostname",
                      "connection refused", "failed to connect", "network is unreachable",
                      "timed out", "no route to host", "connection reset",
                      "temporary failure in name resolution")),
    ("authentication refused", ("authentication failed", "permission denied",
                                "could not read username", "could not read password",
                                "access denied", "returned error: 403", "returned error: 401",
                                "invalid username or password",
                                "host key verification failed")),
    ("no such remote repository", ("does not appear to be a git repository",
                                   "repository not found", "not found",
                                   "returned error: 404", "no such file or directory",
                                   "not a git repository")),
)


class GitFailed(Exception):
    """git exited with an error; `stderr` says why."""

    def __init__(self, args: Sequence[str], stderr: str, stdout: str = "") -> None:
        super().__init__(f"git {' '.join(args)}: {last_line(stderr)}")
        self.stderr = stderr
        self.stdout = stdout


def git(args: Sequence[str], *, git_dir: Path | None = None, cwd: Path | None = None,
        env: Mapping[str, str] | None = None, input: bytes | None = None) -> str:
    """Run git and return its stdout. Raises GitFailed, or DeployError when git is missing."""
    command = ["git", *([f"--git-dir={git_dir}"] if git_dir else []), *args]
    try:
        done = subprocess.run(command, cwd=cwd, env=git_env(env), input=input,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise DeployError("git is not installed (or not on PATH); git targets need it") from None
    stdout = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0:
        raise GitFailed(args, done.stderr.decode("utf-8", "replace"), stdout)
    return stdout


def git_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LOCATING}
    if not sys.stdin.isatty():
        env["GIT_TERMINAL_PROMPT"] = "0"  # no terminal: fail instead of waiting for a password
    env.update(extra or {})
    return env


def remote_error(url: str, failure: GitFailed) -> DeployError:
    """One line saying why talking to the remote at `url` failed."""
    lines = [line.strip() for line in failure.stderr.splitlines() if line.strip()]
    for cause, words in _CAUSES:
        for line in lines:
            if any(w in line.lower() for w in words):
                return DeployError(f"{url}: {cause} ({line})")
    return DeployError(f"{url}: git failed ({last_line(failure.stderr)})")


def last_line(stderr: str) -> str:
    """git's most telling line: the last `fatal:`/`error:` line, else the last line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[-1] if lines else "no message"
