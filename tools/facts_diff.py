"""Which facts a change touches, and which pages show them (`make facts`).

Compares ``data/facts.yml`` in the working tree with the same file on the
``main`` branch (``git show main:data/facts.yml``) and prints a Markdown
table: each added, removed or changed fact, its value before and after in
words (as the pages show it), and the pages that use it. The pull-request
check writes the same table into the run's summary.

    python tools/facts_diff.py [--base main] [--root .]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from guide import render, schema  # noqa: E402
from guide.errors import GuideError, GuideErrors  # noqa: E402
from guide.loader import load_facts  # noqa: E402
from guide.offline import load_project, project_define_env  # noqa: E402

DATA = "data/facts.yml"
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
    return text.replace("|", "\\|").replace("\n", " ")


def base_text(root: Path, base: str) -> str | None:
    """``data/facts.yml`` on branch ``base``, or ``None`` if there is no such branch or file."""
    proc = subprocess.run(["git", "show", f"{base}:{DATA}"], cwd=root, capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else None


def report(root: Path, base: str = "main") -> tuple[str, int]:
    """The Markdown text and the exit code for ``make facts``."""
    old_text = base_text(root, base)
    if old_text is None:
        return f"There is no `{base}` branch (or it has no {DATA}) to compare with, so there is no list of changed facts.", 0
    new_text = (root / DATA).read_text(encoding="utf-8")
    if old_text == new_text:
        return f"{DATA} is unchanged from `{base}`: no fact changed.", 0
    try:
        new, site, _ = load_project(project_define_env(root), root)
    except Exception as exc:  # the build would stop with the same message
        return f"The data file or a page has a problem, so the change cannot be listed:\n\n    {exc}", 1
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
    return table(changes, pages_for, other_sections(old, new), every), 0


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
