"""The pre-flight's content checks, handed to the builds of the same `make build`, so nothing is checked twice.

`make build` runs ``python -m guide.build.preflight``, which checks both editions' content (``library.load_project``
for each), then one MkDocs build per edition, whose macros load the same edition again (``macros.define_env``).
Both loads check the same inputs. So `make build` makes a private folder (``mktemp -d``) and names it in
:data:`ENV` for the pre-flight and both builds. When every check of the pre-flight passed, it writes there, for
each edition, what the edition's load found (:class:`Checked`: the facts, strings, glossary, pictures and
pages as read) with :func:`digest`, a hash of every file the checks read taken before they read them. A build
whose edition finds its record there, with the digest of the files as they are now, takes the record and skips
the checks; any other build checks everything itself, as before: a file saved while `make build` runs,
`make serve`, the CI build, a build run by hand, a build without the variable.

The folder is made afresh by each `make build` and removed at its end, so nothing in the repository can
put a record there; a record is a pickle, read only from that folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guide.content import pages, pictures
    from guide.data import schema

ENV = "GUIDE_CHECKED"
"""The environment variable naming the hand-off folder of one `make build`."""
READ = ("data", "docs", "docs-es", "includes", "overrides", "pictures", "sources", "guide", ".github")
"""The folders the checks read (with the project's top-level files, such as the configurations and macros.py)."""
ENV_READ = ("SITE_URL", "SITE_URL_ES", "REPO_URL", "REPO_NAME")
"""The environment variables the configurations read (``!ENV``), which the checks see through them."""


@dataclass
class Checked:
    """What loading one edition found, every check passed: all its build needs to fill in the macros."""

    digest: str
    lang: str
    docs_shown: str
    english: schema.Facts
    facts: schema.Facts
    strings: dict[str, Any]
    terms: list[tuple[str, str]]
    shows: dict[str, frozenset[str]]
    pictures: dict[str, pictures.Picture]
    site: pages.Site


def digest(root: Path, leave_out: tuple[str, ...] = ()) -> str:
    """A hash of everything the checks of ``root`` read: each top-level file (not a hidden one, such as the
    build's own log) and every file under READ, by path and bytes (a symbolic link by its target), the
    environment variables the configurations read, today's date (the review dates) and the Python running.
    ``leave_out``: folders of READ not to read (the pages, for what is checked before them: ``library``)."""
    hashed = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
            hashed.update(len(data).to_bytes(8, "big") + data)

    def walk(path: Path) -> None:
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            add("link", rel, os.readlink(path))
        elif path.is_dir():
            add("dir", rel)
            for child in sorted(path.iterdir()):
                if child.name != "__pycache__":
                    walk(child)
        elif path.is_file():
            add("file", rel, path.read_bytes())

    for top in sorted(root.iterdir()):
        if (top.name in READ and top.name not in leave_out) or (not top.name.startswith(".") and not top.is_dir()):
            walk(top)
    add(*(f"{name}={os.environ.get(name, '-')}" for name in ENV_READ))
    add(dt.date.today().isoformat(), sys.version)
    return hashed.hexdigest()


def folder() -> Path | None:
    """The hand-off folder of this `make build`, if any."""
    value = os.environ.get(ENV)
    return Path(value) if value and Path(value).is_dir() else None


def save(checked: Checked) -> None:
    """Keep an edition's record for the builds (nothing without a hand-off folder, or without a digest)."""
    where = folder()
    if where is not None and checked.digest:
        (where / f"{checked.lang}.pickle").write_bytes(pickle.dumps(checked))


def take(root: Path, lang: str, docs_shown: str) -> Checked | None:
    """The pre-flight's record of edition ``lang``, if the files it checked are the files there now."""
    where = folder()
    record = where / f"{lang}.pickle" if where is not None else None
    if record is None or not record.is_file():
        return None
    checked = pickle.loads(record.read_bytes())  # noqa: S301 - written by this make build's pre-flight (module docstring)
    if not isinstance(checked, Checked) or (checked.lang, checked.docs_shown) != (lang, docs_shown):
        return None
    return checked if checked.digest == digest(root) else None
