"""Tiny sites built with the real macros: one good, and one per kind of bad input.

Each bad one must stop the build (non-zero exit), print a clear message that
names the file, the line and the key, show no traceback, and publish nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.render import text as render
from htmlpage import article_text, parse
from support import BAD_DATA, Build, bad_data, data_error, edit, entry, project_facts, run_build, tiny

_tiny, _edit = tiny, edit


def _failed(build: Build) -> str:
    assert build.returncode != 0, build.output
    assert not build.site.exists(), "a failed build must publish nothing"
    assert "Traceback" not in build.output
    return build.output


@pytest.mark.build
def test_good_tiny_site_builds(tmp_path: Path) -> None:
    build = run_build(_tiny(tmp_path))
    assert build.ok, build.output
    html = (build.site / "index.html").read_text(encoding="utf-8")
    # The glossary (pymdownx.snippets + abbr, as on the real site) marks up terms such as "mm" and "rosacea".
    facts = project_facts().all_facts()
    count, depth = (render.fact_text(facts[key]) for key in ("device.needle_count", "device.depth_range"))
    text = article_text(html)
    assert f"The pen has {count} and reaches {depth}." in text
    items = list(facts["candidates.avoid_skin"].items)
    assert len(parse(html).select("article li")) == len(items) and set(items) <= set(text.splitlines())
    assert '<abbr tabindex="0" title="' in html  # focusable, as overrides/partials/content.html makes every term




@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_message_names_file_line_and_key(tmp_path: Path, case: str) -> None:
    """Every kind of bad data, through the loader the build runs (in-process: no build needed)."""
    old, new, expected = bad_data(case)
    message, _ = data_error(tmp_path, old, new)
    line = old.line
    assert "data/facts.yml:" in message and expected in message, message
    assert "Traceback" not in message
    if case == "yaml syntax":  # found where the list should have closed
        assert f"a flow sequence that starts on line {line}" in message
    else:  # a missing key is reported at its parent's line
        assert f"data/facts.yml:{entry(old.key.rsplit('.', 1)[0]).line if case == 'missing key' else line}:" in message


# The same messages through a real build: one case of each kind of mistake (the YAML parser's,
# the schema's) proves the wiring (exit code, message, no traceback, nothing published).
@pytest.mark.build
@pytest.mark.parametrize("case", ["yaml syntax", "unknown key"])
def test_bad_data_stops_the_build(tmp_path: Path, case: str) -> None:
    old, new, expected = bad_data(case)
    project = _tiny(tmp_path)
    (project / "data" / "facts.yml").write_text(old.replaced(new), encoding="utf-8")
    line = old.line
    out = _failed(run_build(project))
    assert "data/facts.yml:" in out and expected in out
    if case == "yaml syntax":
        assert f"a flow sequence that starts on line {line}" in out
    else:
        assert f"data/facts.yml:{line}:" in out


@pytest.mark.build
def test_page_using_an_unknown_fact(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", 'fact("device.needle_count")', 'fact("device.needle_cont")')
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: this page uses the fact 'device.needle_cont', which is not in data/facts.yml" in out
    assert "Did you mean 'device.needle_count'?" in out


@pytest.mark.build
def test_page_using_an_unknown_macro(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", "fact_list(", "fact_lst(")
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: unknown macro or variable 'fact_lst'" in out
    assert "Did you mean 'fact_list'?" in out


@pytest.mark.build
def test_page_without_description(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    _edit(project / "docs" / "index.md", "description: A one-page fixture that shows a few facts through the guide’s macros.\n", "")
    out = _failed(run_build(project))
    assert "docs/index.md:1: missing front matter key 'description'" in out


@pytest.mark.build
def test_review_date_in_the_wrong_format(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    line = _edit(project / "docs" / "index.md", "last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026")
    out = _failed(run_build(project))
    assert f"docs/index.md:{line}: 'last_reviewed' is not a date" in out
    assert "YYYY-MM-DD" in out


@pytest.mark.build
def test_overdue_review_warns_but_builds(tmp_path: Path) -> None:
    project = _tiny(tmp_path)
    _edit(project / "docs" / "index.md", "next_review: 2027-12-10", "next_review: 2026-02-01")
    build = run_build(project)
    assert build.ok, build.output
    assert "docs/index.md: review overdue since 2026-02-01" in build.output


@pytest.mark.build
def test_a_line_indented_less_than_its_neighbours_reaches_the_editor(tmp_path: Path) -> None:
    """Issue 21, item 8: the build names the line that is off and the indentation of the lines around it."""
    project = _tiny(tmp_path)
    unit = entry("facts.device.needle_count.unit")
    (project / "data" / "facts.yml").write_text(unit.replaced(unit.text[1:]), encoding="utf-8")
    out = _failed(run_build(project))
    width = len(unit.indent)
    assert (f"data/facts.yml:{unit.line}: YAML syntax error: this line is indented less than the lines around it "
            f"Found: {width - 1} spaces before '{unit.text.strip()}'. Expected: {width} spaces, like the lines above. "
            f"Fix: Indent the line with {width} spaces, like the lines above:") in out, out
