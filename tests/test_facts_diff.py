"""`make facts`: which facts a change touches, against main, and the pages that show them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.data import schema
from guide.data.loader import load_facts
from guide.render import text as render
from support import ROOT, entry
from tools import facts_diff
from tools.project import cite_numbers, copy_project

pytestmark = pytest.mark.build  # each test runs git or the command in a process

GIT = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the project in a git repository whose main branch holds the real data."""
    project = copy_project(tmp_path / "repo")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "base")
    _git(project, "checkout", "-q", "-b", "change")
    return project


def _edit(project: Path, key: str, new: str) -> None:
    """Give the entry ``key`` of the copy's data file (support.entry) the line ``new`` (after its indentation)."""
    path = project / "data" / "facts.yml"
    old = entry(key, text=path.read_text(encoding="utf-8"))
    path.write_text(old.replaced(f"{old.indent}{new}\n"), encoding="utf-8")
    cite_numbers(project)  # the build checks each number is in its passage


def _fact(project: Path, key: str) -> str:
    """The fact in words, as the report and the pages show it."""
    return render.fact_text(load_facts(project / "data" / "facts.yml").all_facts()[key])


def _more(key: str) -> str:
    """The line ``value: ...`` of a number fact with a number one above today's."""
    return f"value: {float(entry(key).value) + 1:g}"


def test_changed_number_and_added_list_item(repo: Path) -> None:
    count, skin = _fact(repo, "device.needle_count"), _fact(repo, "candidates.avoid_skin")
    avoid = load_facts(repo / "data" / "facts.yml").all_facts()["candidates.avoid_skin"]
    assert isinstance(avoid, schema.ListFact)
    items = list(avoid.items)
    _edit(repo, "facts.device.needle_count.value", _more("facts.device.needle_count.value"))
    _edit(repo, "facts.candidates.avoid_skin.items", "items: " + json.dumps([*items, "psoriasis"], ensure_ascii=False))
    text, code = facts_diff.report(repo)
    assert code == 0
    rows = text.splitlines()
    # the new number's passage was added to the article (cite_numbers): that change comes first
    assert rows[0].startswith("**The article changed:** `sources/article.txt`."), rows[0]
    assert "2 facts changed." in rows
    assert "| Fact | Change | Before (main) | After (this change) | Pages that show it |" in rows
    needle = next(r for r in rows if "`device.needle_count`" in r)
    # a new number needs its passage
    assert f"| changed | {count} | {_fact(repo, 'device.needle_count')} (source changed) |" in needle
    assert "index.md" in needle and "procedure.md" in needle  # pages from the page scan
    row = next(r for r in rows if "`candidates.avoid_skin`" in r)
    assert f"| {skin} | {_fact(repo, 'candidates.avoid_skin')} (item added: “psoriasis”) |" in row
    assert "candidates.md" in row
    assert "Every fact also appears in the facts table on sources.md." in text


NEW_FACT = """    cream_brand:
      label: "Brand of numbing cream"
      kind: not_stated
      note: "The article does not name one."
      expert: article
      source: "applying a topical numbing cream"
"""


def test_added_fact(repo: Path) -> None:
    data = repo / "data" / "facts.yml"
    serum = entry("facts.appointment.serum", text=data.read_text(encoding="utf-8"))
    data.write_text(serum.replaced(NEW_FACT + serum.text), encoding="utf-8")
    text, _ = facts_diff.report(repo)
    assert "| `appointment.cream_brand` Brand of numbing cream | added | – | not stated | none yet |" in text


def test_removed_fact_from_two_files(tmp_path: Path) -> None:
    """The comparison on its own, given two data files."""
    real = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
    old_path, new_path = tmp_path / "old.yml", tmp_path / "new.yml"
    old_path.write_text(real.replace("    serum:\n", NEW_FACT + "    serum:\n", 1), encoding="utf-8")
    new_path.write_text(real, encoding="utf-8")
    changes = facts_diff.diff(load_facts(old_path), load_facts(new_path))
    assert [(c.key, c.status, c.before, c.after) for c in changes] == [("appointment.cream_brand", "removed", "not stated", "")]
    text = facts_diff.table(changes, {})
    assert text.splitlines()[-1] == "| `appointment.cream_brand` Brand of numbing cream | removed | not stated | – | none any more |"


def test_unchanged_file(repo: Path) -> None:
    text, code = facts_diff.report(repo)
    assert code == 0 and text.split("\n\n")[0] == "data/facts.yml is unchanged from `main`: no fact changed.", text
    from guide.build.library import SPANISH, load_project

    typed = [t for conf in (None, SPANISH) for page in load_project(repo, conf).site.pages.values() for t in page.as_typed]
    if typed:  # an editor's explicit "not a clinical number": listed for the reviewer
        assert "Numbers shown as typed (in code or a raw block), not checked as facts" in text, text
    else:
        assert "No number is shown as typed in code or a raw block." in text and "a time of day, 24/7" in text, text


def test_numbers_shown_as_typed_are_listed_for_the_reviewer(repo: Path) -> None:
    """Code and raw blocks let a number through the build as the editor's "not a clinical number":
    the pull-request summary lists each one (issue 21)."""
    page = repo / "docs" / "pain.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n\n## ", " Open `24 hours` a day. {% raw %}Takes half an hour.{% endraw %}\n\n## ", 1),
                    encoding="utf-8")  # at the end of a paragraph: a paragraph of one edition only is a message of its own
    line = page.read_text(encoding="utf-8").split("Open `24")[0].count("\n") + 1
    report, _ = facts_diff.report(repo)
    assert "Numbers shown as typed (in code or a raw block), not checked as facts" in report, report
    assert f"| docs/pain.md:{line} |" in report and "Open 24 hours a day." in report, report
    assert "Takes half an hour." in report


def test_no_main_branch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "norepo")
    text, code = facts_diff.report(project)
    assert code == 0 and text.startswith("There is no `main` branch")


def test_broken_data_is_reported_not_listed(repo: Path) -> None:
    _edit(repo, "facts.device.needle_count.value", f"valeu: {entry('facts.device.needle_count.value').value}")
    text, code = facts_diff.report(repo)
    assert code == 1
    assert "unknown key 'valeu' (at facts.device.needle_count.valeu)" in text


def test_only_label_changed_and_other_sections(repo: Path) -> None:
    facts = load_facts(repo / "data" / "facts.yml")
    label, publisher = facts.all_facts()["device.needle_count"].label, facts.source.publisher
    _edit(repo, "facts.device.needle_count.label", 'label: "A new label for the needles"')
    _edit(repo, "source.publisher", "publisher: " + json.dumps(publisher + " News", ensure_ascii=False))
    article = repo / "sources" / "article.txt"  # the publisher is the citation's (passages._source_problems)
    article.write_text(article.read_text(encoding="utf-8").replace(f"{publisher},", f"{publisher} News,", 1), encoding="utf-8")
    text, _ = facts_diff.report(repo)
    count = _fact(repo, "device.needle_count")
    assert f"| {count} | {count} (label: {label} → A new label for the needles) |" in text
    assert "Also changed in data/facts.yml: source." in text


def test_command_line_prints_the_table(repo: Path) -> None:
    _edit(repo, "facts.device.needle_count.value", _more("facts.device.needle_count.value"))
    proc = subprocess.run([sys.executable, "-m", "tools.facts_diff", "--root", str(repo)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # the new number's passage was added to the article (cite_numbers): that change comes first, then the table
    assert proc.stdout.startswith("**The article changed:** `sources/article.txt`."), proc.stdout[:300]
    assert "\n1 fact changed.\n\n| Fact |" in proc.stdout


def test_the_summary_shows_control_characters_and_obeys_none(repo: Path) -> None:
    """Issue 20: the pull-request check writes this text into the run's summary. The Spanish wording is
    read as written, so a carriage return or a newline in it must come out shown, on its own line."""
    wording = repo / "data" / "facts.es.yml"
    text = wording.read_text(encoding="utf-8")
    old = entry("facts.provider.licensed.value", "data/facts.es.yml", text)
    wording.write_text(old.replaced(f'{old.indent}value: "un profesional\\r::warning::x con\\n::notice::y licencia\\u202e"\n'),
                       encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tools.facts_diff", "--root", str(repo)],
                          capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr
    row = next(r for r in out.split("\n") if "facts.provider.licensed.value" in r)
    assert "un profesional\\r::warning::x con\\n::notice::y licenciaU+202E |" in row, row
    assert not any(c in out for c in "\r\u202e\x85") and not any(r.startswith("::") for r in out.split("\n"))
    assert "The Spanish edition does not build with this change yet" in out  # and the build's message says why


def test_a_change_to_the_article_is_shown_first_with_its_lines(repo: Path) -> None:
    """The article is the source of truth: an editor who changes a fact and the article together (no-hints review,
    finding 9) has the article's changed lines at the top of the pull request's summary, for a maintainer."""
    article = repo / "sources" / "article.txt"
    text = article.read_text(encoding="utf-8")
    old = "Microneedling leaves you red and sensitive"
    assert old in text
    article.write_text(text.replace(old, "Microneedling leaves you a little red"), encoding="utf-8")
    report, code = facts_diff.report(repo)
    assert code == 0
    rows = report.splitlines()
    assert rows[0].startswith("**The article changed:** `sources/article.txt`. Every fact is checked against it"), rows[0]
    assert any(r.startswith("    -" + old) for r in rows) and any(r.startswith("    +Microneedling leaves you a little red") for r in rows)
    assert rows.index(next(r for r in rows if r.startswith("    +"))) < rows.index(
        "data/facts.yml is unchanged from `main`: no fact changed.")


def test_an_article_left_alone_is_not_mentioned(repo: Path) -> None:
    assert facts_diff.article_section(repo) == ""
    assert "The article changed" not in facts_diff.report(repo)[0]
