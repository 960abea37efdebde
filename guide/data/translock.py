"""The translation lock: which English each Spanish wording was last confirmed against (as gettext's "fuzzy").

``data/facts.es.lock`` has one line per wording path of ``data/facts.yml`` (``lang.expected_wording``), sorted::

    facts.aftercare.avoid_ingredients.items: 1a2b3c4d

the first eight hex digits of a SHA-256 of the English text (its items, for a list) when an editor last
confirmed that the Spanish wording in ``data/facts.es.yml`` says the same. The build (``lang.load_wording``,
given the lock by ``guide.build.library``) refuses a wording whose English changed since (the digest differs)
or that was never confirmed (no line), with the Spanish wording's file and line, the English as it is now, and
the one command that records the confirmation once the Spanish is checked: ``make translated``
(``python -m guide.data.translock``), which rewrites the lock from the data as it is (idempotent).

The digest is of the English only, so a Spanish edit alone needs no confirmation; a change of meaning made in the
Spanish needs its English checked by the editor (CONTRIBUTING.md, "The Spanish edition"). A line whose path the
data no longer has is harmless (it matches no text) and the command drops it. Whitespace is not part of a text's
digest: re-wrapping an English line changes nothing a reader sees, so it asks for no new confirmation.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from guide.data.yamlsrc import dotted, line_of
from guide.errors import GuideError, quoted

COMMAND = "make translated"
"""What an editor runs to record that the Spanish wording was checked against the English as it is now."""
HEADER = f"""\
# Which English each Spanish wording of data/facts.es.yml was last checked against: one line per
# text of data/facts.yml, its key and a short digest of that English. Written by `{COMMAND}`, not by
# hand. The build stops when an English text changed since its line was written: check the Spanish
# wording, update it if its meaning changed, then run `{COMMAND}` (CONTRIBUTING.md).
"""
LINE = re.compile(r"([a-z0-9_.]+): ([0-9a-f]{8})")

Path_ = tuple[Any, ...]


def lock_name(wording: str) -> str:
    """The lock's name beside a wording file: ``data/facts.es.yml`` -> ``data/facts.es.lock``."""
    return str(PurePosixPath(wording).with_suffix(".lock"))


def digest(english: Any) -> str:
    """Eight hex digits of the English text (a list: its items, in order), whitespace runs read as one space."""
    texts = english if isinstance(english, (list, tuple)) else [english]
    norm = [" ".join(str(text).split()) for text in texts]
    body = json.dumps(norm if isinstance(english, (list, tuple)) else norm[0], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]


def shown_english(english: Any) -> str:
    return " | ".join(english) if isinstance(english, (list, tuple)) else str(english)


def read(path: Path, shown: str) -> tuple[dict[str, tuple[str, int]], list[GuideError]]:
    """The lock's lines, ``{dotted path: (digest, line)}``, and a message for each line that is not one."""
    fix = (f"restore the file from git (git checkout -- {shown}): it is written by `{COMMAND}`, not by hand. "
           "Then check the Spanish of every text the build names and run the command.")
    if not path.is_file():
        return {}, [GuideError(shown, "the translation lock is missing", line=None,
                               expected=f"a file {shown}: which English each Spanish wording was last checked against",
                               fix=fix)]
    entries: dict[str, tuple[str, int]] = {}
    errors: list[GuideError] = []
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = row.strip()
        if not text or text.startswith("#"):
            continue
        found = LINE.fullmatch(text)
        if found is None or found[1] in entries:
            errors.append(GuideError(
                shown, "a line of the translation lock is not one text's key and digest" if found is None
                else f"a key given twice in the translation lock (first on line {entries[found[1]][1]})",
                line=number, found=quoted(text), expected="one line 'dotted.key: 1a2b3c4d' per text, each key once",
                fix=fix))
            continue
        entries[found[1]] = (found[2], number)
    return entries, errors


def problems(want: dict[Path_, Any], have: dict[Path_, Any], lines: dict[Path_, int], lock: Path,
             wording: str, english: str, english_lines: dict[Path_, int]) -> list[GuideError]:
    """A message for each Spanish wording (in ``have``) whose English (``want``) is not the one its lock line
    records: changed since, or never confirmed. ``lines``: the wording file's lines; ``english_lines``: the data
    file's."""
    shown = lock_name(wording)
    entries, errors = read(lock, shown)
    if errors:
        return errors
    for key, value in want.items():
        if key not in have:
            continue  # its own message: the Spanish wording is missing
        name, now = dotted(key), digest(value)
        recorded = entries.get(name)
        if recorded is not None and recorded[0] == now:
            continue
        at = english_lines.get(key)
        where = f"{english}:{at}" if at else english
        fix = (f"read the English at {where}"
               + (f" (git diff {english} shows what changed)" if recorded is not None else "")
               + f", make the Spanish here say the same, then run `{COMMAND}` to record that the Spanish was checked "
               f"against it (it rewrites {shown}; a pull request shows that line changing).")
        if recorded is None:
            what = "a Spanish wording never recorded as checked against its English"
            found = f"the English at {where} is {quoted(shown_english(value), 160)}, and {shown} has no line '{name}: ...'"
        else:
            what = "the English of this text changed since its Spanish was last checked"
            found = (f"the English at {where} is now {quoted(shown_english(value), 160)}, not the English the Spanish was last "
                     f"checked against ({shown}:{recorded[1]})")
        errors.append(GuideError(
            wording, what, line=line_of(lines, key), key=name, found=found,
            expected=f"the Spanish wording says what {english} says now, and {shown} records that it was checked",
            fix=fix))
    return errors


def text(entries: dict[str, str]) -> str:
    """The lock's whole text for ``{dotted path: digest}``: the header, then one line per path, sorted."""
    return HEADER + "".join(f"{name}: {entries[name]}\n" for name in sorted(entries))
