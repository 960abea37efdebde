"""Tiny sites built with the real macros: one good, and one per kind of bad input.

Each bad one must stop the build (non-zero exit), print a clear message that
names the file, the line and the key, show no traceback, and publish nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Build, run_build

TINY = Path(__file__).parent / "fixtures" / "tiny"


def _tiny(tmp_path: Path) -> Path:
    project = tmp_path / "tiny"
    shutil.copytree(TINY, project)
    shutil.copy2(ROOT / "macros.py", project)
    for part in ("guide", "includes", "sources"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "data").mkdir()
    shutil.copy2(ROOT / "data" / "facts.yml", project / "data")
    return project


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once; return the line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _failed(build: Build) -> str:
    assert build.returncode != 0, build.output
    assert not build.site.exists(), "a failed build must publish nothing"
    assert "Traceback" not in build.output
    return build.output


def test_good_tiny_site_builds(tmp_path: Path) -> None:
    build = run_build(_tiny(tmp_path))
    assert build.ok, build.output
    html = (build.site / "index.html").read_text(encoding="utf-8")
    assert "The pen has 11 needles and reaches 0.5 to 2.5 mm." in html
    assert "<li>rosacea</li>" in html


BAD_DATA = {
    "yaml syntax": ("      value: 11\n", "      value: [11\n", "YAML syntax error"),
    "missing key": ('      unit: "mm"\n', "", "missing key 'unit' (at facts.device.depth_range.unit)"),
    "unknown key": ("      value: 11\n", "      valeu: 11\n", "unknown key 'valeu' (at facts.device.needle_count.valeu)"),
    "wrong type": ("      value: 11\n", "      value: many\n", "Found: 'many' (text). Expected: a number"),
    "min above max": ("      min: 0.5\n      max: 2.5\n", "      min: 3\n      max: 2.5\n",
                      "the minimum (3) is larger than the maximum (2.5) (at facts.device.depth_range)"),
    "zero count": ("      value: 11\n", "      value: 0\n", "(at facts.device.needle_count.value) Found: 0 (a number). Expected: a number above 0"),
    "empty list": ('      items: ["eczema", "rosacea", "very sensitive skin"]', "      items: []",
                   "(at facts.candidates.avoid_skin.items) Found: an empty list"),
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_stops_the_build(tmp_path: Path, case: str) -> None:
    old, new, expected = BAD_DATA[case]
    project = _tiny(tmp_path)
    line = _edit(project / "data" / "facts.yml", old, new)
    out = _failed(run_build(project))
    assert "data/facts.yml:" in out and expected in out
    if case == "yaml syntax":  # found where the list should have closed
        assert f"a flow sequence that starts on line {line}" in out
    elif case != "missing key":  # a missing key is reported at its parent's line
        assert f"data/facts.yml:{line}:" in out


def test_page_using_an_unknown_fact(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", 'fact("device.needle_count")', 'fact("device.needle_cont")')
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: this page uses the fact 'device.needle_cont', which is not in data/facts.yml" in out
    assert "Did you mean 'device.needle_count'?" in out


def test_page_using_an_unknown_macro(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", "fact_list(", "fact_lst(")
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: unknown macro or variable 'fact_lst'" in out
    assert "Did you mean 'fact_list'?" in out


def test_page_without_description(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    _edit(project / "docs" / "index.md", "description: A one-page fixture that shows a few facts through the guide's macros.\n", "")
    out = _failed(run_build(project))
    assert "docs/index.md:1: missing front matter key 'description'" in out


def test_review_date_in_the_wrong_format(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", "last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026")
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: 'last_reviewed' is not a date" in out
    assert "YYYY-MM-DD" in out


def test_overdue_review_warns_but_builds(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    _edit(project / "docs" / "index.md", "next_review: 2099-01-10", "next_review: 2026-02-01")
    build = run_build(project)
    assert build.ok, build.output
    assert "docs/index.md: review overdue since 2026-02-01" in build.output
