"""``make translated``: record in ``data/facts.es.lock`` that the Spanish wording was checked against the English as
it is now (``guide.data.translock`` holds the lock's format and the build's check of it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.data import lang, translock
from guide.data.loader import load_facts
from guide.data.yamlsrc import KEY, dotted, load_with_lines
from guide.errors import GuideError, GuideErrors, quoted


def record(root: Path) -> list[str]:
    """Write each edition's lock from the data as it is now: a digest of the English of every text that has a
    Spanish wording. Returns what it tells the editor (one line per confirmation added, changed or dropped)."""
    data = "data/facts.yml"
    facts = load_facts(root / data, data)
    english_lines = load_with_lines(root / data, data)[1]
    want = lang.expected_wording(facts)
    said: list[str] = []
    for wording in lang.WORDING_FILE.values():
        raw, _ = load_with_lines(root / wording, wording, key_pattern=KEY)
        have = lang.leaves(raw) if isinstance(raw, dict) else {}
        shown = translock.lock_name(wording)
        old = {name: value for name, (value, _) in translock.read(root / shown, shown)[0].items()}
        new = {dotted(key): translock.digest(value) for key, value in want.items() if key in have}
        for key, value in want.items():
            name = dotted(key)
            if name in new and old.get(name) != new[name]:
                at = english_lines.get(key)
                said.append(f"{shown}: {'recorded' if name not in old else 'changed'} {name}: checked against "
                            f"{data}{':' + str(at) if at else ''} {quoted(translock.shown_english(value), 120)}")
            elif name not in new:
                said.append(f"{shown}: not recorded {name}: {wording} has no Spanish wording for it yet")
        gone = set(old) - {dotted(key) for key in want}
        said += [f"{shown}: dropped {name}: {data} has no such text" for name in sorted(gone)]
        path = root / shown
        if not path.is_file() or path.read_text(encoding="utf-8") != translock.text(new):
            path.write_text(translock.text(new), encoding="utf-8")
    return said


def main(argv: list[str] | None = None) -> int:
    """``make translated``: record that the Spanish wording was checked against the English as it is now."""
    parser = argparse.ArgumentParser(prog="python -m tools.translated", description=main.__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    try:
        said = record(args.root)
    except (GuideError, GuideErrors) as exc:
        print(exc, file=sys.stderr)
        print(f"Nothing recorded: fix the data first (`make build` shows every problem), then run `{translock.COMMAND}` again.",
              file=sys.stderr)
        return 1
    for line in said:
        print(line)
    if not any(": not recorded " not in line for line in said):
        print("Nothing new to record: every Spanish wording is recorded as checked against the English as it is now.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
