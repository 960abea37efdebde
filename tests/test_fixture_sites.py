"""Tiny sites built with the real macros: one good, and one per kind of bad input.

Each bad one must stop the build (non-zero exit), print a clear message that
names the file, the line and the key, show no traceback, and publish nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from htmlpage import article_text, parse, text_of
from support import BAD_DATA, ROOT, Build, data_error, edit, run_build, tiny

_tiny, _edit = tiny, edit


def _failed(build: Build) -> str:
    assert build.returncode != 0, build.output
    assert not build.site.exists(), "a failed build must publish nothing"
    assert "Traceback" not in build.output
    return build.output


def test_good_tiny_site_builds(tmp_path: Path) -> None:
    build = run_build(_tiny(tmp_path))
    assert build.ok, build.output
    html = (build.site / "index.html").read_text(encoding="utf-8")
    # The glossary (pymdownx.snippets + abbr, as on the real site) marks up terms such as "mm" and "rosacea".
    assert "The pen has 11 needles and reaches 0.5 to 2.5 mm." in article_text(html)
    assert "rosacea" in [text_of(li) for li in parse(html).select("article li")]
    assert '<abbr title="' in html




@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_message_names_file_line_and_key(tmp_path: Path, case: str) -> None:
    """Every kind of bad data, through the loader the build runs (in-process: no build needed)."""
    old, new, expected = BAD_DATA[case]
    message, _ = data_error(tmp_path, old, new)
    real = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
    line = real[: real.index(old)].count("\n") + 1
    assert "data/facts.yml:" in message and expected in message, message
    assert "Traceback" not in message
    if case == "yaml syntax":  # found where the list should have closed
        assert f"a flow sequence that starts on line {line}" in message
    elif case != "missing key":  # a missing key is reported at its parent's line
        assert f"data/facts.yml:{line}:" in message


# The same messages through a real build: one case of each kind of mistake (the YAML parser's,
# the schema's) proves the wiring (exit code, message, no traceback, nothing published).
@pytest.mark.parametrize("case", ["yaml syntax", "unknown key"])
def test_bad_data_stops_the_build(tmp_path: Path, case: str) -> None:
    old, new, expected = BAD_DATA[case]
    project = _tiny(tmp_path)
    line = _edit(project / "data" / "facts.yml", old, new)
    out = _failed(run_build(project))
    assert "data/facts.yml:" in out and expected in out
    if case == "yaml syntax":
        assert f"a flow sequence that starts on line {line}" in out
    else:
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
