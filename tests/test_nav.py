"""One place per page (issue 21, item 6): a page is its two files and one nav line per edition.

The nav of each edition is written once, in mkdocs.yml (English) and mkdocs.es.yml (Spanish); the
pre-flight holds the two to each other. A page left out of a nav, a page of one edition only, a page
listed at another place in the Spanish nav than in the English one: each is a message on the line of
the nav where the fix goes, with the exact line to add or move. Every test here applies that fix as
written, by line number, and the pre-flight then passes: the message is the whole instruction.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from guide.build import preflight
from guide.build.siteurl import load_config
from guide.errors import GuideError, GuideErrors
from tools.project import copy_project

PARTS = ("docs", "docs-es", *preflight.CONFIGS)
ADD = re.compile(r"add the line '(?P<text>[^']+)' after line (?P<after>\d+) of (?P<file>\S+) \(")
MOVE = re.compile(r"move line (?P<line>\d+) to just after line (?P<after>\d+) ")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", PARTS)


def _errors(project: Path) -> list[GuideError]:
    with pytest.raises((GuideError, GuideErrors)) as info:
        preflight.check_config(project)
    value = info.value
    errors = value.errors if isinstance(value, GuideErrors) else [value] if isinstance(value, GuideError) else []
    for error in errors:
        for part in ("Found: ", "Expected: ", "Fix: "):
            assert part in str(error), str(error)
    return errors


def _only(errors: list[GuideError], what: str) -> GuideError:
    found = [e for e in errors if what in e.what]
    assert len(found) == 1, "\n".join(str(e) for e in errors)
    return found[0]


def _add(project: Path, error: GuideError) -> str:
    """Apply the message's fix as written: insert its line after the line it names, in the file it names."""
    assert error.fix is not None
    m = ADD.search(error.fix)
    assert m, error.fix
    assert m["file"] == error.file and int(m["after"]) == error.line, str(error)
    path = project / m["file"]
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows.insert(int(m["after"]), m["text"] + "\n")
    path.write_text("".join(rows), encoding="utf-8")
    return m["text"]


def _nav(project: Path, name: str) -> list[str]:
    return [next(iter(entry.values())) for entry in load_config(project / name)["nav"]]


def _new_page(project: Path, folder: str, name: str, heading: str) -> None:
    text = (project / folder / "pain.md").read_text(encoding="utf-8")
    text = re.sub(r"^# .*$", f"# {heading}", text, count=1, flags=re.M)
    (project / folder / name).write_text(text, encoding="utf-8")


def test_the_real_navs_pass_and_list_the_same_pages() -> None:
    root = Path(__file__).resolve().parent.parent
    preflight.check_config(root)
    assert _nav(root, "mkdocs.yml") == _nav(root, "mkdocs.es.yml")


def test_a_new_page_in_no_nav_names_the_line_to_add_in_each_edition(project: Path) -> None:
    """A new English page with its Spanish pair, in neither nav: each nav gets its line, titled with the page's heading."""
    _new_page(project, "docs", "side-effects.md", "Side effects")
    _new_page(project, "docs-es", "side-effects.md", "Efectos secundarios")
    errors = _errors(project)
    english = _only(errors, "the page docs/side-effects.md is not in the nav")
    spanish = _only(errors, "the page docs-es/side-effects.md is not in the nav")
    assert len(errors) == 2, "\n".join(map(str, errors))
    last = len(_nav(project, "mkdocs.yml"))
    assert english.file == "mkdocs.yml" and "that is the end of the nav" in str(english.fix)
    assert _add(project, english) == "  - Side effects: side-effects.md"
    assert _nav(project, "mkdocs.yml")[last] == "side-effects.md"
    # Now the English nav gives the place: the Spanish line goes at the same place, after sources.md's pair.
    spanish = _only(_errors(project), "the page docs-es/side-effects.md is not in the nav")
    assert spanish.file == "mkdocs.es.yml" and "at the place mkdocs.yml gives its pair" in str(spanish.expected)
    assert _add(project, spanish) == "  - Efectos secundarios: side-effects.md"
    preflight.check_config(project)
    assert _nav(project, "mkdocs.yml") == _nav(project, "mkdocs.es.yml")


def test_a_page_listed_in_one_nav_only_gets_the_line_for_the_other_at_the_same_place(project: Path) -> None:
    _new_page(project, "docs", "side-effects.md", "Side effects")
    _new_page(project, "docs-es", "side-effects.md", "Efectos secundarios")
    nav = project / "mkdocs.yml"
    nav.write_text(nav.read_text(encoding="utf-8").replace("  - Aftercare: aftercare.md\n",
                                                           "  - Aftercare: aftercare.md\n  - Side effects: side-effects.md\n"))
    error = _only(_errors(project), "the page docs-es/side-effects.md is not in the nav")
    aftercare = (project / "mkdocs.es.yml").read_text(encoding="utf-8").splitlines().index(
        "  - Cuidados después del tratamiento: aftercare.md") + 1
    assert (error.file, error.line) == ("mkdocs.es.yml", aftercare), str(error)
    assert f"after line {aftercare} of mkdocs.es.yml ('- Cuidados después del tratamiento: aftercare.md')" in str(error.fix)
    _add(project, error)
    preflight.check_config(project)
    assert _nav(project, "mkdocs.es.yml") == _nav(project, "mkdocs.yml")


@pytest.mark.parametrize("folder, other, lang, nav_file", [("docs", "docs-es", "Spanish", "mkdocs.es.yml"),
                                                            ("docs-es", "docs", "English", "mkdocs.yml")])
def test_a_page_of_one_edition_only_is_named_where_its_pair_goes(project: Path, folder: str, other: str, lang: str,
                                                                  nav_file: str) -> None:
    """Listed in its own nav, with no pair: the message is on the other nav's line, and says to copy the page."""
    _new_page(project, folder, "side-effects.md", "Side effects")
    own = "mkdocs.yml" if folder == "docs" else "mkdocs.es.yml"
    text = (project / own).read_text(encoding="utf-8")
    (project / own).write_text(re.sub(r"^(  - [^\n]*: pain\.md\n)", r"\1  - Side effects: side-effects.md\n", text, flags=re.M),
                               encoding="utf-8")
    error = _only(_errors(project), f"{folder}/side-effects.md has no {lang} pair")
    assert error.file == nav_file
    assert f"copy {folder}/side-effects.md to {other}/side-effects.md and translate it" in str(error.fix)
    assert "lists side-effects.md" in str(error.found)
    shutil.copy(project / folder / "side-effects.md", project / other / "side-effects.md")
    _add(project, error)
    preflight.check_config(project)
    assert _nav(project, "mkdocs.yml") == _nav(project, "mkdocs.es.yml")


def test_a_spanish_page_out_of_the_english_order_names_the_line_to_move(project: Path) -> None:
    nav = project / "mkdocs.es.yml"
    text = nav.read_text(encoding="utf-8")
    pain = "  - ¿Duele?: pain.md\n"
    text = text.replace(pain, "").replace("  - Glosario: glossary.md\n", pain + "  - Glosario: glossary.md\n")
    nav.write_text(text, encoding="utf-8")
    error = _only(_errors(project), "lists pain.md at another place than mkdocs.yml")
    assert error.file == "mkdocs.es.yml" and error.found == "'- ¿Duele?: pain.md'"
    m = MOVE.search(str(error.fix))
    assert m and int(m["line"]) == error.line, str(error)
    rows = text.splitlines(keepends=True)
    assert rows[int(m["after"]) - 1] == "  - Cómo funciona: procedure.md\n"
    moved = rows.pop(int(m["line"]) - 1)
    rows.insert(int(m["after"]), moved)
    nav.write_text("".join(rows), encoding="utf-8")
    preflight.check_config(project)


@pytest.mark.parametrize("heading, line", [
    ("Side effects: what to expect", '  - "Side effects: what to expect": side-effects.md'),
    ("Yes", '  - "Yes": side-effects.md'),
    ("Side effects of {{ fact('x') }}", "  - Side effects: side-effects.md"),
])
def test_the_line_to_add_reads_back_as_its_title(project: Path, heading: str, line: str) -> None:
    """A title YAML would read otherwise is quoted; a heading with markup gives way to the file name."""
    _new_page(project, "docs", "side-effects.md", heading)
    _new_page(project, "docs-es", "side-effects.md", "Efectos")
    error = _only(_errors(project), "the page docs/side-effects.md is not in the nav")
    assert _add(project, error) == line
    _add(project, _only(_errors(project), "the page docs-es/side-effects.md is not in the nav"))
    preflight.check_config(project)


def test_a_misspelt_entry_whose_pair_exists_says_to_copy_it(project: Path) -> None:
    _new_page(project, "docs", "side-effects.md", "Side effects")
    for name, title in (("mkdocs.yml", "Side effects"), ("mkdocs.es.yml", "Efectos")):
        text = (project / name).read_text(encoding="utf-8")
        (project / name).write_text(text.rstrip("\n") + f"\n  - {title}: side-effects.md\n", encoding="utf-8")
    errors = _errors(project)
    missing = _only(errors, "the nav lists a page that does not exist: 'side-effects.md'")
    assert missing.file == "mkdocs.es.yml"
    assert "copy docs/side-effects.md to docs-es/side-effects.md and translate it" in str(missing.fix)


@pytest.mark.parametrize("config", ["zensical.yml", "zensical.es.yml", "preview.yml", "preview.es.yml"])
def test_a_nav_anywhere_else_is_refused(project: Path, config: str) -> None:
    """Every other configuration INHERITs its edition's nav: a copy of it would be a second place to list a page."""
    source = "mkdocs.es.yml" if ".es." in config else "mkdocs.yml"
    nav = (project / source).read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    path = project / config
    start = path.read_text(encoding="utf-8").count("\n") + 1
    path.write_text(path.read_text(encoding="utf-8") + "nav:\n" + nav, encoding="utf-8")
    error = _only(_errors(project), f"a nav in {config}")
    end = start + nav.count("\n")
    assert error.line == start and f"delete the nav (lines {start} to {end} of {config})" in str(error.fix), str(error)
    assert "mkdocs.yml (English) and mkdocs.es.yml (Spanish)" in str(error.expected)


def test_zensical_builds_the_spanish_nav_from_mkdocs_es_yml_alone(project: Path) -> None:
    """A page added to mkdocs.es.yml reaches the configuration Zensical builds from, once (not after the English nav)."""
    _new_page(project, "docs", "side-effects.md", "Side effects")
    _new_page(project, "docs-es", "side-effects.md", "Efectos secundarios")
    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        _add(project, _only(_errors(project), f"the page {'docs' if name == 'mkdocs.yml' else 'docs-es'}/side-effects.md"))
    preflight.check_config(project)
    flat = load_config(preflight.flatten(project, "zensical.es.yml"))
    assert [next(iter(e.values())) for e in flat["nav"]] == _nav(project, "mkdocs.es.yml")
    assert flat["nav"][-1] == {"Efectos secundarios": "side-effects.md"}


def test_contributing_quotes_the_real_message(project: Path) -> None:
    """CONTRIBUTING's "Add a page" shows what a missing Spanish nav line gives, word for word."""
    contributing = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = re.search(r"```\n(mkdocs\.es\.yml:\d+: the page docs-es/side-effects\.md is not in the nav .+?)\n```", contributing)
    assert quoted, "CONTRIBUTING.md shows the message"
    _new_page(project, "docs", "side-effects.md", "Side effects")
    _new_page(project, "docs-es", "side-effects.md", "Efectos secundarios")
    nav = project / "mkdocs.yml"
    nav.write_text(nav.read_text(encoding="utf-8").replace("  - Aftercare: aftercare.md\n",
                                                           "  - Aftercare: aftercare.md\n  - Side effects: side-effects.md\n"))
    assert [str(e) for e in _errors(project)] == [quoted.group(1)]
