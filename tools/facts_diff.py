"""Which facts a change touches, and which pages show them (`make facts`).

Compares ``data/facts.yml`` in the working tree with the same file on the
``main`` branch (``git show main:data/facts.yml``) and prints a Markdown
table: each added, removed or changed fact, its value before and after in
words (as the pages show it), and the pages that use it. The pull-request
check writes the same table into the run's summary.

Both editions: a changed fact lists the English pages (docs/) and the Spanish
ones (docs-es/) that show it. ``data/facts.es.yml`` (the Spanish wording) is
compared too: a Spanish wording that changed alone is listed, and a fact whose
English words changed while its Spanish wording did not is flagged, so the
translation is checked rather than left behind.

    python -m tools.facts_diff [--base main] [--root .]
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guide.build.library import SPANISH, load_project
from guide.data import lang as langs
from guide.data import schema
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors, visible
from guide.render import text as render

ROOT = Path(__file__).resolve().parent.parent

DATA = "data/facts.yml"
WORDING = "data/facts.es.yml"
FIELDS = ("label", "expert", "source")


@dataclass
class Change:
    key: str
    status: str  # "added", "removed" or "changed"
    label: str
    before: str  # the value in words, "" when added
    after: str  # the value in words, "" when removed
    detail: str = ""  # what else changed: items added or removed, label, expert, source


def diff(old: schema.Facts, new: schema.Facts) -> list[Change]:
    """Every fact that differs between ``old`` and ``new``, in the data file's order."""
    before, after = old.all_facts(), new.all_facts()
    out: list[Change] = []
    for key, fact in after.items():
        if key not in before:
            out.append(Change(key, "added", fact.label, "", render.fact_text(fact)))
        elif fact != before[key]:
            out.append(_changed(key, before[key], fact))
    for key, fact in before.items():
        if key not in after:
            out.append(Change(key, "removed", fact.label, render.fact_text(fact), ""))
    return out


def _changed(key: str, old: schema.FactT, new: schema.FactT) -> Change:
    notes = []
    if old.kind != new.kind:
        notes.append(f"kind {old.kind} → {new.kind}")
    if isinstance(old, schema.ListFact) and isinstance(new, schema.ListFact):
        added = [i for i in new.items if i not in old.items]
        removed = [i for i in old.items if i not in new.items]
        if added:
            notes.append("item added: " + "; ".join(f"“{i}”" for i in added))
        if removed:
            notes.append("item removed: " + "; ".join(f"“{i}”" for i in removed))
        if not added and not removed and old.items != new.items:
            notes.append("items reordered")
    if isinstance(old, schema.NotStatedFact) and isinstance(new, schema.NotStatedFact) and old.note != new.note:
        notes.append(f"note: “{old.note}” → “{new.note}”")
    for name in FIELDS:
        if getattr(old, name) != getattr(new, name):
            notes.append(f"{name} changed" if name == "source" else f"{name}: {getattr(old, name)} → {getattr(new, name)}")
    return Change(key, "changed", new.label, render.fact_text(old), render.fact_text(new), "; ".join(notes))


def other_sections(old: schema.Facts, new: schema.Facts) -> list[str]:
    """The parts of the data file besides facts that changed (source, experts, quotes)."""
    return [name for name in ("source", "experts", "quotes") if getattr(old, name) != getattr(new, name)]


def pages_listing_every_fact(docs: Path) -> list[str]:
    """Pages that show the whole facts table, and so every fact."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                  if not p.name.startswith("_") and re.search(r"facts_table\s*\(", p.read_text(encoding="utf-8")))


def table(changes: list[Change], pages_for: dict[str, list[str]], also: Sequence[str] = (), every: Sequence[str] = ()) -> str:
    """The Markdown report."""
    if not changes and not also:
        return "No fact changed."
    lines = []
    if changes:
        lines += [f"{len(changes)} fact{'s' if len(changes) != 1 else ''} changed.", "",
                  "| Fact | Change | Before (main) | After (this change) | Pages that show it |",
                  "| --- | --- | --- | --- | --- |"]
        for c in changes:
            after = c.after + (f" ({c.detail})" if c.detail else "")
            shown = ", ".join(pages_for.get(c.key, [])) or ("none any more" if c.status == "removed" else "none yet")
            lines.append(f"| `{c.key}` {_cell(c.label)} | {c.status} | {_cell(c.before) or '–'} | {_cell(after) or '–'} | {shown} |")
    else:
        lines.append("No fact changed.")
    if every:
        lines += ["", "Every fact also appears in the facts table on " + ", ".join(every) + "."]
    if also:
        lines += ["", "Also changed in data/facts.yml: " + ", ".join(also) + "."]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """``text`` for a table cell: pipes escaped, control characters shown (as \\n, \\r, U+202E: see ``report``)."""
    return visible(text).replace("|", "\\|")


def base_text(root: Path, base: str, name: str = DATA) -> str | None:
    """``data/facts.yml`` (or ``name``) on branch ``base``, or ``None`` if there is no such branch or file."""
    proc = subprocess.run(["git", "show", f"{base}:{name}"], cwd=root, capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def _wording(text: str | None) -> dict[tuple[object, ...], object]:
    """The Spanish wording file's values by key path (empty when there is none)."""
    import yaml

    try:
        raw = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
        raw = None
    return langs._leaves(raw) if isinstance(raw, dict) else {}


def spanish_section(old: schema.Facts, new: schema.Facts, old_es: str | None, new_es: str | None,
                    pages_es: dict[str, list[str]]) -> list[str]:
    """Lines on the Spanish wording: changed alone, or left unchanged while the English words changed."""
    before, after = _wording(old_es), _wording(new_es)
    want_old, want_new = langs.expected_wording(old), langs.expected_wording(new)
    changed_es = [k for k in want_new if k in after and before.get(k) != after.get(k) and want_old.get(k) == want_new[k]]
    stale = [k for k in want_new if k in want_old and want_old[k] != want_new[k] and before.get(k) == after.get(k)]
    lines: list[str] = []
    if changed_es:
        lines += ["", f"Spanish wording changed ({WORDING}), English unchanged:", "",
                  "| Key | Before (main) | After (this change) | Spanish pages that show it |", "| --- | --- | --- | --- |"]
        for k in changed_es:
            fact = ".".join(str(p) for p in k[1:3]) if k[0] == "facts" else ""
            shown = ", ".join(f"docs-es/{p}" for p in pages_es.get(fact, [])) or "–"
            lines.append(f"| `{'.'.join(map(str, k))}` | {_cell(_words(before.get(k))) or '–'} | {_cell(_words(after.get(k)))} | {shown} |")
    if stale:
        lines += ["", f"English words changed, Spanish wording not ({WORDING}): check that the Spanish still says the same:",
                  ""] + [f"- `{'.'.join(map(str, k))}`: “{_words(want_new[k])}”" for k in stale]
    return lines


def _words(value: object) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))


def report(root: Path, base: str = "main") -> tuple[str, int]:
    """The Markdown text and the exit code for ``make facts``.

    The pull-request check writes the text into the run's summary, and it holds anyone's text (the
    Spanish wording is read as written, and error messages quote pages): every line has its control
    characters shown, never acted on (issue 20), the values in it were made one line each (``_cell``).
    """
    text, code = _report(root, base)
    text = article_section(root, base) + text + as_typed_section(root)
    return "\n".join(visible(row) for row in text.split("\n")), code


SOURCES = "sources"
MAX_ARTICLE_LINES = 40
"""Changed lines of the article the summary shows (a longer change says how many more)."""


def article_section(root: Path, base: str = "main") -> str:
    """Any change to ``sources/`` (the article every fact is checked against) against ``base``, first in the summary:
    the files and their changed lines. An editor could change a fact and the article together; the article is the
    maintainers' (.github/CODEOWNERS), and this puts its change in front of them. ``""`` when it is unchanged."""
    listed = subprocess.run(["git", "ls-tree", "-r", "--name-only", base, "--", f"{SOURCES}/"], cwd=root,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        return ""  # no base to compare with: the table below says so
    old = {name: base_text(root, base, name) or "" for name in listed.stdout.split("\n") if name}
    new = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8", errors="replace")
           for path in sorted((root / SOURCES).rglob("*")) if path.is_file()} if (root / SOURCES).is_dir() else {}
    changed = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    if not changed:
        return ""
    lines = ["**The article changed:** " + ", ".join(f"`{name}`" + ("" if name in new else " (deleted)") for name in changed)
             + ". Every fact is checked against it: only a maintainer may approve this, after checking each changed "
               "line against the published article.", ""]
    for name in changed:
        rows = [row for row in difflib.unified_diff((old.get(name) or "").splitlines(), (new.get(name) or "").splitlines(),
                                                     lineterm="", n=0) if not row.startswith(("---", "+++"))]
        lines += [f"{name}:", "", *(f"    {row}" for row in rows[:MAX_ARTICLE_LINES])]
        if len(rows) > MAX_ARTICLE_LINES:
            lines.append(f"    ... and {len(rows) - MAX_ARTICLE_LINES} more changed lines")
        lines.append("")
    return "\n".join(lines) + "\n"


def as_typed_section(root: Path) -> str:
    """Every number shown as typed, in code or between {% raw %} and {% endraw %}: the editor's explicit
    "not a clinical number", which the build lets through and lists here for the reviewer (issue 21)."""
    rows: list[str] = []
    for folder, conf in (("docs", None), ("docs-es", SPANISH)):
        if not (root / folder).is_dir():
            continue
        try:
            site = load_project(root, conf).site
        except Exception:  # noqa: BLE001 - the build reports it; the table above says so
            continue
        for page in site.pages.values():
            rows += [f"| {folder}/{page.path}:{line or '?'} | {_cell(text)} |" for line, text in page.as_typed]
    if not rows:
        return ("\n\nNo number is shown as typed in code or a raw block. (The build refuses any other number in the "
                "pages' prose but a time of day, 24/7, a step, page or chapter number, a year or a street number.)")
    return "\n".join(["", "", "Numbers shown as typed (in code or a raw block), not checked as facts: check each one.", "",
                      "| Where | Text |", "| --- | --- |", *rows])


def _report(root: Path, base: str) -> tuple[str, int]:
    old_text = base_text(root, base)
    if old_text is None:
        return f"There is no `{base}` branch (or it has no {DATA}) to compare with, so there is no list of changed facts.", 0
    new_text = (root / DATA).read_text(encoding="utf-8")
    spanish = (root / WORDING).is_file() and (root / "docs-es").is_dir()
    old_es = base_text(root, base, WORDING) if spanish else None
    new_es = (root / WORDING).read_text(encoding="utf-8") if spanish else None
    if old_text == new_text and old_es == new_es:
        return f"{DATA} is unchanged from `{base}`: no fact changed.", 0
    try:
        project = load_project(root)
        new, site = project.facts, project.site
    except Exception as exc:  # the build would stop with the same message
        return f"The data file or a page has a problem, so the change cannot be listed:\n\n    {exc}", 1
    site_es, es_problem = None, ""
    if spanish:
        try:
            site_es = load_project(root, SPANISH).site
        except Exception as exc:  # typically a new fact with no Spanish wording yet: report it, list the rest
            es_problem = str(exc)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.yml"
        path.write_text(old_text, encoding="utf-8")
        try:
            old = load_facts(path, f"{base}:{DATA}")
        except (GuideError, GuideErrors) as exc:
            return f"{DATA} on `{base}` does not load, so there is nothing to compare with:\n\n    {exc}", 0
    changes = diff(old, new)
    pages_for = {c.key: [p.path for p in site.pages_using(c.key)] for c in changes}
    every = pages_listing_every_fact(root / "docs") if changes else []
    pages_es = {key: [p.path for p in site_es.pages_using(key)] for key in new.all_facts()} if site_es else {}
    if site_es:  # the Spanish pages that show each changed fact, beside the English ones
        for c in changes:
            pages_for[c.key] = pages_for[c.key] + [f"docs-es/{p}" for p in pages_es.get(c.key, [])]
    text = table(changes, pages_for, other_sections(old, new), every) if old_text != new_text else "No fact changed."
    if spanish:
        lines = spanish_section(old, new, old_es, new_es, pages_es)
        if es_problem:
            lines += ["", "The Spanish edition does not build with this change yet (`make build` stops on it):", "",
                      "    " + es_problem.replace("\n", "\n    ")]
        text += "\n".join(["", *lines]) if lines else ""
    return text, 0  # the list is complete; the build itself stops on the Spanish problem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="the branch to compare with (default: main)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    text, code = report(args.root.resolve(), args.base)
    print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
