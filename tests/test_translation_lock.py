"""The translation lock (guide/data/translock.py, data/facts.es.lock): an English text changed without its Spanish.

The no-hints attack of issues 20/21 changed the meaning of an English text of data/facts.yml (a quote, a list
item, a not-covered topic) and left data/facts.es.yml as it was: both editions built, saying different things.
Each case here makes such an edit in a copy of the project and loads its Spanish edition with the build's own
load (``guide.build.library.load_project``, the one `make build` and `make serve` run): it is refused at the
Spanish wording's line, with the key; once the editor records the check (``make translated``: ``python -m
tools.translated``), it loads. Keys and values are read from the data files, never copied here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from guide.build.library import SPANISH, load_project
from guide.data import lang, schema, translock
from guide.data.loader import load_facts
from guide.data.yamlsrc import dotted
from guide.errors import GuideError, GuideErrors
from support import ROOT, entry
from tools import translated
from tools.project import copy_project

DATA, WORDING, LOCK = "data/facts.yml", lang.WORDING_FILE["es"], lang.LOCK_FILE["es"]
PARTS = ("data", "includes", "sources", "docs", "docs-es", "pictures", "mkdocs.yml", "mkdocs.es.yml")
"""What the Spanish edition's load reads."""
FACTS = load_facts(ROOT / DATA, DATA)


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", PARTS)


def _refused(project: Path) -> list[GuideError]:
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_project(project, SPANISH)
    if isinstance(info.value, GuideErrors):
        return info.value.errors
    assert isinstance(info.value, GuideError)
    return [info.value]


def _edit(project: Path, key: str, value: object, file: str = DATA) -> None:
    """Give the entry ``key`` of the copy's ``file`` the value ``value`` (written as JSON, which YAML reads)."""
    path = project / file
    old = entry(key, file, text=path.read_text(encoding="utf-8"))
    path.write_text(old.replaced(f"{old.indent}{key.rsplit('.', 1)[-1]}: {json.dumps(value, ensure_ascii=False)}\n"),
                    encoding="utf-8")


def _confirm(project: Path) -> list[str]:
    """What `make translated` does, in-process: the command's entry point on the copy."""
    said: list[str] = []
    assert translated.main(["--root", str(project)]) == 0
    said += translated.record(project)  # a second run: nothing left to record
    return said


def _shorter(text: str, first: bool = False) -> str:
    """``text`` less one word (its last, or its first): a hedge or a qualifier dropped, as the attack did."""
    words = text.split()
    assert len(words) > 2, text
    return " ".join(words[1:] if first else words[:-1])


def _quote() -> tuple[str, str]:
    key = next(iter(FACTS.quotes))
    return f"quotes.{key}.text", FACTS.quotes[key].text


def _item() -> tuple[str, list[str], int]:
    """A list fact's items and an item of three words or more."""
    for group, facts in FACTS.facts.items():
        for key, fact in facts.items():
            if isinstance(fact, schema.ListFact):
                for i, item in enumerate(fact.items):
                    if len(item.split()) > 2:
                        return f"facts.{group}.{key}.items", list(fact.items), i
    raise AssertionError("no list fact has an item of three words or more: point this test at another edit")


def _topic() -> tuple[str, str]:
    key = next(k for k, v in FACTS.not_covered.items() if len(v.topic.split()) > 2)
    return f"not_covered.{key}.topic", FACTS.not_covered[key].topic


def _edits() -> list[tuple[str, object]]:
    quote, text = _quote()
    items_key, items, i = _item()
    topic, said = _topic()
    items = [*items[:i], _shorter(items[i], first=True), *items[i + 1:]]
    # the quote less its first word: still the article's words in its quotation marks, to the same end (a quote
    # that stops before the doctor's "but" is refused, and the article's sentence holds other facts' passages)
    return [(quote, _shorter(text, first=True)), (items_key, items), (topic, _shorter(said))]


def test_todays_lock_records_every_spanish_wording() -> None:
    """main stays green: the committed lock has a line, with the digest of today's English, for every wording."""
    load_project(ROOT, SPANISH)
    entries, errors = translock.read(ROOT / LOCK, LOCK)
    assert not errors
    want = lang.expected_wording(FACTS)
    assert {dotted(k): translock.digest(v) for k, v in want.items()}.items() <= {k: d for k, (d, _) in entries.items()}.items()


@pytest.mark.parametrize("case", range(3), ids=["quote", "list item", "not_covered topic"])
def test_an_english_change_is_refused_until_the_spanish_is_checked(tmp_path: Path, case: int) -> None:
    key, value = _edits()[case]
    project = _project(tmp_path)
    _edit(project, key, value)
    errors = _refused(project)
    line = entry(key, WORDING).line
    mine = [e for e in errors if e.key == key]
    assert [e.file for e in mine] == [WORDING] and mine[0].line == line, errors
    msg = str(mine[0])
    assert msg.startswith(f"{WORDING}:{line}: the English of this text changed since its Spanish was last checked (at {key})"), msg
    shown = " | ".join(value) if isinstance(value, list) else str(value)
    assert f"is now '{shown[:160]}" in msg and f"({LOCK}:" in msg, msg
    assert "Fix: " in msg and "`make translated`" in msg, msg
    assert [e for e in errors if e.key != key] == [], errors  # the edit itself is a correct one: nothing else
    said = _confirm(project)
    assert said == [], said
    load_project(project, SPANISH)
    entries, _ = translock.read(project / LOCK, LOCK)
    assert entries[key][0] == translock.digest(value) != translock.digest(lang.expected_wording(FACTS)[tuple(key.split("."))])


def test_a_spanish_change_alone_needs_no_confirmation(tmp_path: Path) -> None:
    """The lock holds the English: a Spanish edit (a label reworded) loads with the lock as it was."""
    project = _project(tmp_path)
    group, key = next((g, k) for g, facts in FACTS.facts.items() for k in facts)
    at = f"facts.{group}.{key}.label"
    spanish = yaml.safe_load((ROOT / WORDING).read_text(encoding="utf-8"))["facts"][group][key]["label"]
    first, rest = spanish.split(" ", 1)
    _edit(project, at, f"{first}, {rest}", WORDING)
    before = (project / LOCK).read_bytes()
    spanish_facts = load_project(project, SPANISH).facts
    assert spanish_facts.all_facts()[f"{group}.{key}"].label == f"{first}, {rest}"
    assert (project / LOCK).read_bytes() == before


def test_a_missing_lock_line_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    key, _ = _topic()
    lock = project / LOCK
    rows = lock.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [row for row in rows if not row.startswith(key + ":")]
    assert len(kept) == len(rows) - 1, f"{LOCK} has no line for {key}"
    lock.write_text("".join(kept), encoding="utf-8")
    errors = _refused(project)
    line = entry(key, WORDING).line
    assert [(e.file, e.line, e.key) for e in errors] == [(WORDING, line, key)], errors
    msg = str(errors[0])
    assert "never recorded as checked against its English" in msg and f"{LOCK} has no line '{key}: ...'" in msg, msg
    assert "`make translated`" in msg, msg
    said = _confirm(project)
    load_project(project, SPANISH)
    assert lock.read_text(encoding="utf-8") == "".join(rows) and said == []


def test_a_missing_or_hand_edited_lock_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    lock = project / LOCK
    text = lock.read_text(encoding="utf-8")
    first = next(row for row in text.splitlines() if row and not row.startswith("#"))
    number = text.splitlines().index(first) + 1
    lock.write_text(text.replace(first, first.rsplit(" ", 1)[0] + " looks-right", 1), encoding="utf-8")
    errors = _refused(project)
    assert [(e.file, e.line) for e in errors] == [(LOCK, number)], errors
    assert "Fix: Restore the file from git" in str(errors[0]), errors
    lock.unlink()
    errors = _refused(project)
    assert [(e.file, e.what) for e in errors] == [(LOCK, "the translation lock is missing")], errors
    translated.main(["--root", str(project)])
    assert lock.read_text(encoding="utf-8") == text
    load_project(project, SPANISH)


def test_the_command_is_idempotent_and_tells_what_it_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    key, value = _edits()[2]
    _edit(project, key, value)
    translated.main(["--root", str(project)])
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{LOCK}: changed {key}: checked against {DATA}:{entry(key, DATA, (project / DATA).read_text(encoding='utf-8')).line}"
                                f" '{value}'"], out
    once = (project / LOCK).read_bytes()
    translated.main(["--root", str(project)])
    assert (project / LOCK).read_bytes() == once
    assert capsys.readouterr().out.startswith("Nothing new to record")
    rows = once.decode("utf-8").splitlines()
    body = [row for row in rows if not row.startswith("#")]
    assert body == sorted(body) and all(re.fullmatch(r"[a-z0-9_.]+: [0-9a-f]{8}", row) for row in body)


def test_the_command_drops_a_line_for_a_text_the_data_no_longer_has(tmp_path: Path) -> None:
    project = _project(tmp_path)
    lock = project / LOCK
    text = lock.read_text(encoding="utf-8")
    lock.write_text(text + "quotes.nobody_said_it.text: 0123abcd\n", encoding="utf-8")
    load_project(project, SPANISH)  # it matches no text: harmless
    assert translated.record(project) == [f"{LOCK}: dropped quotes.nobody_said_it.text: {DATA} has no such text"]
    assert lock.read_text(encoding="utf-8") == text


def test_whitespace_is_not_a_change_of_meaning() -> None:
    assert translock.digest("a  few\ndays") == translock.digest("a few days") != translock.digest("a few weeks")
    assert translock.digest(["a b", "c"]) != translock.digest(["a", "b c"]) != translock.digest("a b | c")


@pytest.mark.build
def test_make_build_stops_and_make_translated_records(tmp_path: Path) -> None:
    """As an editor sees it: the pre-flight of `make build` stops with the message (exit 1); the Makefile's
    `translated` target runs the command, which records the check; the pre-flight then passes."""
    assert re.search(r"^translated:.*\n\t@?\$\(BIN\)/python -m tools\.translated$",
                     (ROOT / "Makefile").read_text(encoding="utf-8"), re.M), "make translated runs tools.translated"
    project = copy_project(tmp_path / "p")
    key, value = _edits()[1]
    _edit(project, key, value)
    pre = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project,
                         capture_output=True, text=True, timeout=600)
    assert pre.returncode == 1, pre.stdout + pre.stderr
    assert f"{WORDING}:{entry(key, WORDING).line}: the English of this text changed" in pre.stderr + pre.stdout
    done = subprocess.run([sys.executable, "-m", "tools.translated"], cwd=project, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and f"changed {key}" in done.stdout, done.stdout + done.stderr
    pre = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project,
                         capture_output=True, text=True, timeout=600)
    assert pre.returncode == 0, pre.stdout + pre.stderr


def test_contributing_quotes_the_real_message(tmp_path: Path) -> None:
    """CONTRIBUTING.md's "Change a fact" recipe shows the message for an English text changed without its Spanish:
    the same edit, made in a copy, gives that message (the lines and the lock's line number aside)."""
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = re.search(r"```\n(data/facts\.es\.yml:\d+: the English of this text changed .+?)\n```", contributing)
    assert quoted, "CONTRIBUTING.md shows the message of an English text changed since its Spanish was checked"
    found = re.search(r"\(at ([\w.]+)\) Found: the English at data/facts\.yml:\d+ is now '([^']+)'", quoted[1])
    assert found, quoted[1]
    project = _project(tmp_path)
    _edit(project, found[1], found[2])
    errors = _refused(project)

    def example(message: str) -> str:
        return re.sub(r"(\.yml|\.lock):\d+", r"\1:N", message)

    assert [example(str(e)) for e in errors] == [example(quoted[1])]
    assert f"`{translock.COMMAND}`" in contributing.split("## Change a fact", 1)[0], "the recipe names the command"
