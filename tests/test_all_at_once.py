"""Every problem at once (issue 21): a change with mistakes in the data and in pages of both editions gets every
message in one run of `make build`, sorted by file and line, then a non-zero exit, and nothing is published.

The data file is loaded leniently (guide.data.loader.SetAside): an entry with a problem is set aside with its
message, and the pages are checked against the rest in the same run. A page that shows a set-aside entry gets no
second message for it; every set-aside entry still fails the build.

Every mistake is made on keys and lines read from the files (support.entry), never on today's values.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.build.engine import BuildConfig
from guide.build.library import SPANISH, load_project
from guide.data import schema
from guide.data.loader import load_facts
from guide.errors import GuideErrors
from support import MAKE_PARTS, ROOT, entry, make_build
from tools.project import BUILD_PARTS, copy_project

DATA = "data/facts.yml"
MESSAGE = re.compile(r"^(?:ERROR +- +|  - )([\w./-]+):(\d+): (.*)$", re.M)
"""One message of the pre-flight's report: its file, line and the rest."""


def _showing(folder: str, macro: str, key: str) -> list[str]:
    """The pages of ``folder`` that call ``macro("key")``."""
    return sorted(p.name for p in (ROOT / folder).glob("*.md") if f'{macro}("{key}")' in p.read_text(encoding="utf-8"))


def _prose_line(rows: list[str], leave_out: tuple[str, ...]) -> int:
    """The first line of a page's text (after its front matter and title) that is a sentence and gives none of ``leave_out``."""
    start = rows.index("---", 1) + 1
    return next(i for i, row in enumerate(rows[start:], start + 1)
                if row[:1].isupper() and row.rstrip().endswith(".") and not any(key in row for key in leave_out))


def _five_mistakes(project: Path) -> list[tuple[str, int, str]]:
    """Five mistakes in four files, as an editor makes them: a misspelt unit on a fact and a misspelt expert on a
    quote in the data (each shown on pages of both editions), a number typed into an English page, a link to a page
    that does not exist on another, an unknown fact on a Spanish page. Returns (file, line, what its message says)."""
    facts = load_facts(ROOT / DATA)
    unit_key, unit_fact = next(
        (k, f) for k, f in facts.all_facts().items() if isinstance(f, (schema.NumberFact, schema.RangeFact))
        and f.unit and _showing("docs", "fact", k) and _showing("docs-es", "fact", k))
    quote_key = next(k for k in facts.quotes if _showing("docs", "quote", k) and _showing("docs-es", "quote", k))
    unit = entry(f"facts.{unit_key}.unit")
    text = unit.replaced(f'{unit.indent}unit: "{unit_fact.unit}z"\n')
    quote_expert = entry(f"quotes.{quote_key}.expert", text=text)
    text = quote_expert.replaced(f'{quote_expert.indent}expert: "{facts.quotes[quote_key].expert}x"\n')
    (project / DATA).write_text(text, encoding="utf-8")
    used = (unit_key, quote_key)

    def edit(page: str, add: str, line: int | None = None) -> int:
        path = project / page
        rows = path.read_text(encoding="utf-8").splitlines()
        if line is None:
            rows.append("")
            rows.append(add)
            line = len(rows)
        else:
            rows[line - 1] += " " + add
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return line

    aftercare, aftercare_es = (project / "docs" / "aftercare.md", project / "docs-es" / "aftercare.md")
    unknown = "nope.nothing"
    assert unknown not in facts.all_facts(), f"{unknown} is a fact now: pick a key that is not"
    return sorted([
        (DATA, unit.line, f"a value that is not allowed here (at facts.{unit_key}.unit)"),
        (DATA, quote_expert.line, f"unknown expert (at quotes.{quote_key}.expert)"),
        ("docs/aftercare.md", edit("docs/aftercare.md", "Use 12 needles.",
                                   _prose_line(aftercare.read_text(encoding="utf-8").splitlines(), used)),
         "a number typed into the page: '12'"),
        ("docs/index.md", edit("docs/index.md", "See [x](missing.md).",
                               _prose_line((project / "docs" / "index.md").read_text(encoding="utf-8").splitlines(), used)),
         "a link to a page that does not exist: 'missing.md'"),
        ("docs-es/aftercare.md", edit("docs-es/aftercare.md", f'{{{{ fact("{unknown}") }}}}',
                                      _prose_line(aftercare_es.read_text(encoding="utf-8").splitlines(), used)),
         f"this page uses the fact '{unknown}', which is not in data/facts.yml"),
    ])


@pytest.mark.build
def test_five_mistakes_in_four_files_get_five_messages_in_one_run(tmp_path: Path) -> None:
    """`make build`: every message at once, sorted by file and line, none for the pages that show the two set-aside
    entries, a non-zero exit, and the previous site/ as it was."""
    project = copy_project(tmp_path / "project", (*BUILD_PARTS, *MAKE_PARTS))
    (project / "site").mkdir()
    marker = project / "site" / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    expected = _five_mistakes(project)
    bad = make_build(project)
    assert not bad.ok and "Traceback" not in bad.output, bad.output
    found = [(file, int(line), rest) for file, line, rest in MESSAGE.findall(bad.output)]
    assert [(file, line) for file, line, _ in found] == [(file, line) for file, line, _ in expected], bad.output
    for (_, _, rest), (_, _, says) in zip(found, expected, strict=True):
        assert rest.startswith(says), (rest, says)
    assert f"{len(expected)} problems found:" in bad.output
    assert marker.read_text(encoding="utf-8") == "previous build", "a failed build replaced the previous site"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["marker.txt"]
    assert not (project / ".site-new").exists() and not (project / ".site-new-es").exists()


def _messages(project: Path, conf: BuildConfig | None = None) -> list[tuple[str, int, str]]:
    """Each message of the load of one edition of ``project``: its file, line, and what it says (with its key)."""
    with pytest.raises(GuideErrors) as info:
        load_project(project, conf)
    return [(e.file, e.line or 0, e.what + (f" (at {e.key})" if e.key else "")) for e in info.value.errors]


def test_each_edition_tells_the_data_and_its_own_pages_in_one_load(tmp_path: Path) -> None:
    """The same mistakes, each edition loaded as its build loads it: the data's messages and the edition's own
    pages', in order; no message for the Spanish wording of the set-aside fact, nor for any page that shows it."""
    project = copy_project(tmp_path / "project")
    expected = _five_mistakes(project)
    for conf, folder in ((None, "docs/"), (SPANISH, "docs-es/")):
        mine = [(file, line, says) for file, line, says in expected if file == DATA or file.startswith(folder)]
        got = _messages(project, conf)
        assert [(file, line) for file, line, _ in got] == [(file, line) for file, line, _ in mine], got
        assert all(what.startswith(says) for (_, _, what), (_, _, says) in zip(got, mine, strict=True)), got


def test_a_load_with_a_set_aside_entry_is_never_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept loads (guide.build.library._CHECKED_BASES) hold only loads with no problem: the same broken files
    loaded again are checked again, with the same messages; once fixed, the load is kept."""
    from guide.build import library

    monkeypatch.setattr(library, "_CHECKED_BASES", {})
    project = copy_project(tmp_path / "project")
    real = (project / DATA).read_text(encoding="utf-8")
    label = entry(f"facts.{next(iter(load_facts(ROOT / DATA).all_facts()))}.label")
    (project / DATA).write_text(label.replaced(f'{label.indent}label: ""\n'), encoding="utf-8")
    first = _messages(project)
    assert [(file, line) for file, line, _ in first] == [(DATA, label.line)], first
    assert library._CHECKED_BASES == {}
    assert _messages(project) == first
    assert library._CHECKED_BASES == {}
    (project / DATA).write_text(real, encoding="utf-8")
    load_project(project)
    assert len(library._CHECKED_BASES) == 1


def test_a_page_naming_a_set_aside_doctor_gets_no_message_for_her(tmp_path: Path) -> None:
    """A doctor's entry with a problem: her facts and quotes are set aside with her, and the pages that show them or
    name her ("Dr. ...") are told nothing about her; a misspelt name of the other doctor, on a page that names only
    her, still has its message."""
    facts = load_facts(ROOT / DATA)
    who, other = list(facts.experts)[:2]
    role = entry(f"experts.{who}.role")
    project = copy_project(tmp_path / "project")
    (project / DATA).write_text(role.replaced(f'{role.indent}role: "a <b>role</b>"\n'), encoding="utf-8")
    named, aside = facts.experts[other].surname, facts.experts[who].surname
    page = next(p for p in sorted((project / "docs").glob("*.md"))
                if named in (text := p.read_text(encoding="utf-8")) and aside not in text)
    rows = page.read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(rows, 1) if named in row)
    rows[line - 1] = rows[line - 1].replace(named, named + "x", 1)
    page.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = _messages(project)
    assert [(file, line_) for file, line_, _ in got] == [(DATA, role.line), (f"docs/{page.name}", line)], got
    assert got[1][2].startswith(f"this page names '{named}x', who is not an expert"), got

