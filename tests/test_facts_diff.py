"""`make facts`: which facts a change touches, against main, and the pages that show them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.loader import load_facts
from support import ROOT
from tools.project import cite_numbers, copy_project

sys.path.insert(0, str(ROOT / "tools"))
import facts_diff  # noqa: E402

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


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "data" / "facts.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    cite_numbers(project)  # the build checks each number is in its passage


def test_changed_number_and_added_list_item(repo: Path) -> None:
    _edit(repo, "      value: 11\n", "      value: 12\n")
    _edit(repo, 'items: ["eczema", "rosacea", "very sensitive skin"]', 'items: ["eczema", "rosacea", "very sensitive skin", "psoriasis"]')
    text, code = facts_diff.report(repo)
    assert code == 0
    rows = text.splitlines()
    assert rows[0] == "2 facts changed."
    assert "| Fact | Change | Before (main) | After (this change) | Pages that show it |" in rows
    needle = next(r for r in rows if "`device.needle_count`" in r)
    assert "| changed | 11 needles | 12 needles (source changed) |" in needle  # a new number needs its passage
    assert "index.md" in needle and "procedure.md" in needle  # pages from the page scan
    skin = next(r for r in rows if "`candidates.avoid_skin`" in r)
    assert "| eczema, rosacea or very sensitive skin | eczema, rosacea, very sensitive skin or psoriasis (item added: “psoriasis”) |" in skin
    assert "candidates.md" in skin
    assert "Every fact also appears in the facts table on sources.md." in text


NEW_FACT = """    cream_brand:
      label: "Brand of numbing cream"
      kind: not_stated
      note: "The article does not name one."
      expert: article
      source: "applying a topical numbing cream"
"""


def test_added_fact(repo: Path) -> None:
    _edit(repo, "    serum:\n", NEW_FACT + "    serum:\n")
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
    assert facts_diff.report(repo) == ("data/facts.yml is unchanged from `main`: no fact changed.", 0)


def test_no_main_branch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "norepo")
    text, code = facts_diff.report(project)
    assert code == 0 and text.startswith("There is no `main` branch")


def test_broken_data_is_reported_not_listed(repo: Path) -> None:
    _edit(repo, "      value: 11\n", "      valeu: 11\n")
    text, code = facts_diff.report(repo)
    assert code == 1
    assert "unknown key 'valeu' (at facts.device.needle_count.valeu)" in text


def test_only_label_changed_and_other_sections(repo: Path) -> None:
    _edit(repo, 'label: "Needles in the tip of the pen"', 'label: "Needles in the pen tip"')
    _edit(repo, 'publisher: "Yahoo!"', 'publisher: "Yahoo"')
    text, _ = facts_diff.report(repo)
    assert "| 11 needles | 11 needles (label: Needles in the tip of the pen → Needles in the pen tip) |" in text
    assert "Also changed in data/facts.yml: source." in text


def test_command_line_prints_the_table(repo: Path) -> None:
    _edit(repo, "      value: 11\n", "      value: 12\n")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "facts_diff.py"), "--root", str(repo)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("1 fact changed.\n\n| Fact |")


def test_the_summary_shows_control_characters_and_obeys_none(repo: Path) -> None:
    """Issue 20: the pull-request check writes this text into the run's summary. The Spanish wording is
    read as written, so a carriage return or a newline in it must come out shown, on its own line."""
    wording = repo / "data" / "facts.es.yml"
    text = wording.read_text(encoding="utf-8")
    old = 'value: "un profesional con licencia"'
    assert old in text
    wording.write_text(text.replace(old, 'value: "un profesional\\r::warning::x con\\n::notice::y licencia\\u202e"', 1),
                       encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "facts_diff.py"), "--root", str(repo)],
                          capture_output=True, timeout=120)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr
    row = next(r for r in out.split("\n") if "facts.provider.licensed.value" in r)
    assert "un profesional\\r::warning::x con\\n::notice::y licenciaU+202E |" in row, row
    assert not any(c in out for c in "\r\u202e\x85") and not any(r.startswith("::") for r in out.split("\n"))
    assert "The Spanish edition does not build with this change yet" in out  # and the build's message says why
