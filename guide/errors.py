"""One error type for everything an editor can get wrong."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def quoted(text: str, limit: int = 100) -> str:
    """``text`` in quotes for a message, cut short after ``limit`` characters."""
    return f"'{text[:limit]}{'...' if len(text) > limit else ''}'"


def quote_line(rows: Sequence[str], line: int | None, past_end: str | None = None) -> str | None:
    """Line ``line`` (counted from 1) of a file's ``rows``, stripped and quoted for a message: the one way every
    check shows the line it found. ``past_end`` for a line after the last (the parser stopped at the end)."""
    if not line or line < 1:
        return None
    if line > len(rows):
        return past_end
    return quoted(rows[line - 1].strip())


@dataclass
class GuideError(Exception):
    """A problem in the data file or a page, worded for an editor.

    ``str()`` gives one paragraph: where (file and line), which key, what was
    found, what was expected, and how to fix it.
    """

    file: str
    what: str
    line: int | None = None
    key: str | None = None
    found: str | None = None
    expected: str | None = None
    fix: str | None = None
    unknown: tuple[str, str] | None = None
    """What a page gives that the data does not have, as (kind, key): ("fact", "device.needle_count"), ("expert",
    ...), ("quote", ...) or ("name", "Nazarian"). Read by the build, which leaves out such a message when the data's
    own load set that entry aside (it has a message of its own); never shown."""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [f"{where}: {self.what}"]
        if self.key:
            parts[0] += f" (at {self.key})"
        if self.found is not None:
            parts.append(f"Found: {self.found}.")
        if self.expected:
            parts.append(f"Expected: {self.expected}.")
        if self.fix:
            fix = self.fix[:1].upper() + self.fix[1:]
            parts.append(f"Fix: {fix}" if fix.endswith((".", "?", "!")) else f"Fix: {fix}.")
        return visible(" ".join(parts))


class GuideErrors(Exception):
    """Several ``GuideError``s found in one pass, reported together."""

    def __init__(self, errors: Iterable[GuideError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.errors) == 1:
            return str(self.errors[0])
        head = f"{len(self.errors)} problems found:"
        return "\n".join([head, *(f"  - {e}" for e in self.errors)])


class Problems:
    """One collector for the checks that tell every problem at once: ``add`` and ``collect`` gather them,
    ``raise_any`` raises them together, sorted by file and line. ``once``: the same message twice is one
    problem (the configuration checks reach a setting by more than one path)."""

    def __init__(self, errors: Iterable[GuideError] = (), once: bool = False) -> None:
        self.errors: list[GuideError] = []
        self.once = once
        self.seen: set[str] = set()
        self.extend(errors)

    def add(self, error: GuideError) -> None:
        if self.once:
            if str(error) in self.seen:
                return
            self.seen.add(str(error))
        self.errors.append(error)

    def extend(self, errors: Iterable[GuideError]) -> None:
        for error in errors:
            self.add(error)

    def collect(self, load: Callable[[], T], fallback: T) -> T:
        """``load()``; if it finds problems, add them and give ``fallback``."""
        try:
            return load()
        except GuideErrors as exc:
            for error in exc.errors:
                self.add(error)
        except GuideError as exc:
            self.add(exc)
        return fallback

    def raise_any(self) -> None:
        if self.errors:
            raise GuideErrors(sorted(self.errors, key=lambda e: (e.file, e.line or 0, str(e))))


UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control characters (C0, DEL, C1), line and paragraph separators, and the bidi controls."""


def visible(text: str) -> str:
    """``text`` for one line of a terminal or CI log: every :data:`UNSEEN` character shown as ``\\n``,
    ``\\r``, ``\\t`` or ``U+XXXX``, so the editor still sees it and nothing acts on it (issue 20): a
    newline cannot start a GitHub workflow command (``::notice::``), a carriage return cannot hide
    the line before it, a bidi control cannot reorder the line."""
    return UNSEEN.sub(lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(m[0], f"U+{ord(m[0]):04X}"), text)


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if any is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "Did you mean ...?" hint, or an empty string."""
    match = nearest(word, choices)
    return f"Did you mean '{match}'?" if match else ""
