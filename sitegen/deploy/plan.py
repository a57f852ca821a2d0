"""A deploy plan: which files a target gains, which change and which go, with their sizes.

Every kind of target describes what it holds as `{path: Entry}` (a version id
it can compare: a git blob id, a sha256, and the size), and `diff` compares
that with what it should hold. The plan is what `--dry-run` lists and what a
deploy then carries out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    version: str  # anything equal exactly when the bytes (and headers) are equal
    size: int


@dataclass(frozen=True, slots=True)
class Change:
    path: str
    old_size: int | None  # None: added
    new_size: int | None  # None: removed


@dataclass(frozen=True, slots=True)
class Plan:
    added: tuple[Change, ...] = ()
    changed: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    @property
    def uploads(self) -> tuple[Change, ...]:
        """Added, then changed: what has to be sent."""
        return self.added + self.changed

    @property
    def bytes_to_send(self) -> int:
        return sum(c.new_size or 0 for c in self.uploads)


def diff(wanted: Mapping[str, Entry], present: Mapping[str, Entry],
         removable: Iterable[str] | None = None) -> Plan:
    """What turns `present` into `wanted`. Only paths in `removable` (default: all of
    `present`) may be removed; the rest of `present` is left alone."""
    may_remove = set(present) if removable is None else set(removable)
    added, changed = [], []
    for path in sorted(wanted):
        new, old = wanted[path], present.get(path)
        if old is None:
            added.append(Change(path, None, new.size))
        elif old.version != new.version:
            changed.append(Change(path, old.size, new.size))
    removed = [Change(p, present[p].size, None) for p in sorted(set(present) - set(wanted))
               if p in may_remove]
    unchanged = len(wanted) - len(added) - len(changed)
    return Plan(tuple(added), tuple(changed), tuple(removed), unchanged)


def plan_lines(plan: Plan) -> list[str]:
    """One line per change, as `--dry-run` lists them: `+ path  size`, `~`, `-`."""
    lines = [f"  + {c.path}  {format_size(c.new_size or 0)}" for c in plan.added]
    lines += [f"  ~ {c.path}  {format_size(c.new_size or 0)} (was {format_size(c.old_size or 0)})"
              for c in plan.changed]
    lines += [f"  - {c.path}  {format_size(c.old_size or 0)}" for c in plan.removed]
    return lines


def format_size(size: int) -> str:
    """Bytes for people: 812 B, 4.1 kB, 12.0 MB (powers of 1000, as `ls --si`)."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")
