"""`make review`: pages due for review within 30 days, or overdue. Always exits 0."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from guide.build.library import load_project
from support import ROOT
from tools import review
from tools.project import copy_project


def _set_next_review(project: Path, page: str, date: str) -> None:
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"next_review: {date}\n" if line.startswith("next_review:") else line for line in lines]
    path.write_text("".join(lines), encoding="utf-8")


def test_lists_overdue_and_soon_due_pages_only(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    # next_review at most two years after last_reviewed (2026-11-24 on the real pages)
    _set_next_review(project, "pain.md", "2027-01-05")  # overdue on 2027-01-10
    _set_next_review(project, "aftercare.md", "2027-02-01")  # due in 22 days
    _set_next_review(project, "frequency.md", "2027-03-01")  # beyond 30 days
    for page in (project / "docs").glob("*.md"):
        if page.name not in ("pain.md", "aftercare.md") and not page.name.startswith("_"):
            _set_next_review(project, page.name, "2028-01-01")
    site = load_project(project).site
    text = review.table(site, dt.date(2027, 1, 10), 30)
    rows = [r for r in text.splitlines() if r.startswith("| docs/")]
    assert [r.split(" | ")[0] for r in rows] == ["| docs/pain.md", "| docs/aftercare.md"]
    assert rows[0].endswith("| 2027-01-05 | **overdue** by 5 days |")
    assert rows[1].endswith("| 2027-02-01 | due in 22 days |")
    assert text.startswith("2 of ")


def test_nothing_due() -> None:
    site = load_project(ROOT).site
    earliest = min(p.next_review for p in site.pages.values())
    text = review.table(site, earliest - dt.timedelta(days=31), 30)
    assert text.startswith("No page is due for review in the next 30 days")


@pytest.mark.build
def test_command_exits_zero_even_with_overdue_pages(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "tools.review", "--today", "2099-12-31"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "**overdue** by" in proc.stdout and "| docs/index.md |" in proc.stdout
