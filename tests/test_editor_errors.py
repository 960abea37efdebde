"""Every data or page error an editor can make, and the exact message they get.

Each message names the file and line, the key, what was found, what was
expected and one line on how to fix it. Several are compared in full, so a
change of wording shows up here; the rest check each part.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from guide.build.library import SPANISH, load_project
from guide.errors import GuideErrors
from support import ROOT, TINY_PAGE, Entry, data_error, entry, line_of, number_word, one_page_project, project_facts

PARTS = ("Found: ", "Expected: ", "Fix: ")


def _page_error(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    """The message for a one-page project whose page has ``old`` replaced by ``new``."""
    assert old in TINY_PAGE, f"test text not in the fixture page: {old!r}"
    text = TINY_PAGE.replace(old, new, 1)
    project = one_page_project(tmp_path, text)
    with pytest.raises(Exception) as info:
        load_project(project)
    return str(info.value), text


def _complete(msg: str) -> None:
    assert "Traceback" not in msg and "\n" not in msg.strip()
    for part in PARTS:
        assert part in msg, f"{part!r} missing from: {msg}"


# --- the data file: full messages ------------------------------------------
# Each edit is anchored on keys (support.entry) and worded from today's values, so a correct edit of
# the data leaves every case a mistake of the same kind.

def _count() -> Entry:
    return entry("facts.device.needle_count.value")


def _items(key: str) -> list[str]:
    return list(project_facts().all_facts()[key].items)


def _flow(values: list[str]) -> str:
    """A YAML list on one line, as the data file writes short lists."""
    return json.dumps(values, ensure_ascii=False)


def test_yaml_syntax_error_full_message(tmp_path: Path) -> None:
    count = _count()
    msg, _ = data_error(tmp_path, count, count.text.replace(": ", " ", 1))
    assert msg == (
        f"data/facts.yml:{count.line + 1}: YAML syntax error: could not find expected ':' "
        f"(while scanning a simple key that starts on line {count.line}) "
        f"Found: 'value {count.value}'. Expected: valid YAML: 'key: value' lines, indented with spaces. "
        "Fix: Check the indentation, colons, brackets and quotes on this line and the lines above it."
    )


def test_misspelt_key_full_message(tmp_path: Path) -> None:
    count = _count()
    msg, _ = data_error(tmp_path, count, count.text.replace("value:", "valeu:", 1))
    assert msg == (
        f"data/facts.yml:{count.line}: unknown key 'valeu' (at facts.device.needle_count.valeu) "
        "Found: 'valeu'. Expected: one of label, expert, source, kind, value, unit, qualifier. "
        "Fix: Did you mean 'value'? Rename or remove it."
    )


def test_number_written_with_its_unit_full_message(tmp_path: Path) -> None:
    count = _count()
    msg, _ = data_error(tmp_path, count, f"{count.indent}value: {count.value} needles\n")
    assert msg == (
        f"data/facts.yml:{count.line}: wrong kind of value (at facts.device.needle_count.value) "
        f"Found: '{count.value} needles' (text). Expected: a number, such as 2.5. "
        f"Fix: Write the number alone ({count.value}) and put the unit on the 'unit' line."
    )


def test_duplicate_list_item_full_message(tmp_path: Path) -> None:
    skin, items = entry("facts.candidates.avoid_skin.items"), _items("candidates.avoid_skin")
    again = items[0].upper() if items[0] != items[0].upper() else items[0].lower()  # capitals make no new item
    msg, _ = data_error(tmp_path, skin, f"{skin.indent}items: {_flow([*items, again])}\n")
    assert msg == (
        f"data/facts.yml:{skin.line}: the item '{again}' is listed twice "
        f"(at facts.candidates.avoid_skin.items[{len(items)}]) Found: '{again}' again (first as item 1 of the list). "
        "Expected: each item once (capitals do not make a new item). Fix: Delete one of the two items."
    )


def test_impossible_date_full_message(tmp_path: Path) -> None:
    published = entry("source.published")
    year, _, day = published.value.split("-")
    msg, _ = data_error(tmp_path, published, f"{published.indent}published: {year}-13-{day}\n")
    assert msg == (
        f"data/facts.yml:{published.line}: not a real date (at source.published) Found: '{year}-13-{day}'. "
        "Expected: a real date written YYYY-MM-DD, such as 2026-11-24. "
        "Fix: Check the month (01 to 12) and the day (it must exist in that month)."
    )


# --- the data file: every other kind, part by part -------------------------


def _data_case(case: str) -> tuple[Entry, str, int, str]:
    """(the entry edited, its new text, the line the message names, what the message says)."""
    from guide.data.schema import num

    count, kind = _count(), entry("facts.device.needle_count.kind")
    unit, low, high = (entry(f"facts.device.depth_range.{part}") for part in ("unit", "min", "max"))
    assert kind.value == "number", "this test edits the kind line of device.needle_count, a number fact"
    above = num(float(high.value) + 1)
    sessions, authors = entry("facts.frequency.acne_scarring.sessions"), list(project_facts().source.authors)
    fact = project_facts().all_facts()["frequency.acne_scarring"]
    expert = entry("facts.device.needle_count.expert")
    typo = expert.value[:-2] + expert.value[-1] + expert.value[-2]
    cases = {
        "tab indent": (count, count.text.replace(count.indent, "\t", 1), count.line,
                       f"YAML syntax error: a tab character, where YAML allows only spaces Found: 'value: {count.value}'. "
                       "Expected: valid YAML: 'key: value' lines, indented with spaces. Fix: Indent with spaces, not tab characters;"),
        "duplicate key": (count, count.text * 2, count.line + 1, "the key 'value' is given twice (at facts.device.needle_count.value)"),
        "missing key": (unit, "", entry("facts.device.depth_range").line,
                        "missing key 'unit' (at facts.device.depth_range.unit) Found: no 'unit' line under facts.device.depth_range."),
        "unknown top key": ((quotes := entry("quotes")), quotes.text.replace("quotes:", "quotse:", 1), quotes.line, "Did you mean 'quotes'?"),
        "key of another kind": (kind, f"{kind.indent}kind: range\n", count.line,
                                "'value' belongs to a number or text fact, and this fact is kind: range."),
        "text for a number": (count, f"{count.indent}value: eleven\n", count.line,
                              "Fix: Write the figure as digits (11, not eleven), without quotes."),
        "unknown unit": (unit, f'{unit.indent}unit: "millimeters"\n', unit.line, "Found: 'millimeters' (text). Expected: one of 'mm',"),
        "zero": (count, f"{count.indent}value: 0\n", count.line, "Expected: a number above 0."),
        "min above max": (low, f"{low.indent}min: {above}\n", low.line,
                          f"the minimum ({above}) is larger than the maximum ({num(float(high.value))}) (at facts.device.depth_range) "
                          f"Found: min {above}, max {num(float(high.value))}."),
        "fraction of a session": (sessions, f"{sessions.indent}sessions: {{min: {fact.sessions.min}, max: {fact.sessions.max}.5}}\n",
                                  sessions.line, "Expected: a whole number, such as 4."),
        "empty list": ((skin := entry("facts.candidates.avoid_skin.items")), f"{skin.indent}items: []\n", skin.line, "Found: an empty list."),
        "unknown expert": (expert, f"{expert.indent}expert: {typo}\n", expert.line, f"Did you mean '{expert.value}'?"),
        "date as words": ((published := entry("source.published")), f"{published.indent}published: March 2020\n", published.line,
                          "Expected: a date written YYYY-MM-DD."),
        "http address": ((url := entry("source.url")), url.text.replace("https://", "http://", 1), url.line,
                         "Expected: a web address starting with https://."),
        "unknown kind": (kind, f"{kind.indent}kind: numbr\n", kind.line, "Did you mean 'number'?"),
        "duplicate author": ((who := entry("source.authors")), f"{who.indent}authors: {_flow([*authors, authors[0]])}\n", who.line,
                             f"the author '{authors[0]}' is listed twice (at source.authors[{len(authors)}])"),
    }
    return cases[case]


DATA_CASES = ("tab indent", "duplicate key", "missing key", "unknown top key", "key of another kind", "text for a number",
              "unknown unit", "zero", "min above max", "fraction of a session", "empty list", "unknown expert", "date as words",
              "http address", "unknown kind", "duplicate author")


@pytest.mark.parametrize("case", DATA_CASES)
def test_data_error_names_place_found_expected_and_fix(tmp_path: Path, case: str) -> None:
    old, new, line, says = _data_case(case)
    msg, _ = data_error(tmp_path, old, new)
    assert says in msg, msg
    first = msg.splitlines()[-1].removeprefix("  - ") if msg.startswith(tuple("0123456789")) else msg
    if case == "key of another kind":  # reported with the two missing keys of the range kind
        first = next(m for m in msg.splitlines() if "unknown key 'value'" in m).removeprefix("  - ")
    _complete(first)
    assert first.startswith(f"data/facts.yml:{line}:"), first
    if "YAML syntax error" not in first:  # before the keys are known
        assert " (at " in first, first


def test_schedule_with_neither_part(tmp_path: Path) -> None:
    msg, _ = data_error(tmp_path, entry("facts.frequency.touch_ups.every"), "")
    _complete(msg)
    assert "a schedule needs 'sessions', 'every' or both (at facts.frequency.touch_ups) Found: neither 'sessions' nor 'every'." in msg


def test_several_problems_are_listed_together(tmp_path: Path) -> None:
    kind = entry("facts.device.needle_count.kind")
    msg, _ = data_error(tmp_path, kind, f"{kind.indent}kind: range\n")
    assert msg.startswith("3 problems found:\n  - data/facts.yml:")


# --- the data file: a line indented more or less than the lines around it (issue 21, item 8) -------


def _shifted(key: str, by: int, row: int = 0) -> tuple[Entry, str, int]:
    """The entry ``key`` with its line ``row`` (from 0, in the entry) moved ``by`` spaces; that line's number."""
    old = entry(key)
    rows = old.text.splitlines(keepends=True)
    rows[row] = (" " * by + rows[row]) if by > 0 else rows[row][-by:]
    return old, "".join(rows), old.line + row


INDENTS = {
    # name: (the entry, spaces added (or taken away), its line moved, "more" or "less", spaces expected, like what)
    "a key under-indented inside a fact": ("facts.device.needle_count.unit", -1, 0, "less", 6, "like the lines above"),
    "a key under-indented to the fact's own column": ("facts.device.needle_count.unit", -2, 0, "less", 6, "like the lines above"),
    "a key over-indented inside a fact": ("facts.device.needle_count.unit", 1, 0, "more", 6, "like the lines above"),
    "a fact's first key over-indented": ("facts.device.needle_count.label", 2, 0, "more", 6, "like the lines below"),
    "a fact's last key under-indented": ("facts.device.needle_count.source", -1, 0, "less", 6, "like the lines above"),
    "a list item one space in": ("facts.appointment.steps.items", 1, 2, "more", 8, "like the lines above"),
    "a list item one space out": ("facts.appointment.steps.items", -1, 2, "less", 8, "like the lines above"),
    "a list's first item one space out": ("facts.appointment.steps.items", -1, 1, "less", 8, "like the lines below"),
    "a fact's key one space in": ("facts.device.depth_range", 1, 0, "more", 4, "like line {} ('needle_count:')"),
}


@pytest.mark.parametrize("case", INDENTS)
def test_a_line_indented_more_or_less_than_its_neighbours(tmp_path: Path, case: str) -> None:
    key, by, row, more, spaces, like = INDENTS[case]
    old, new, line = _shifted(key, by, row)
    like = like.format(entry("facts.device.needle_count").line)
    moved = new.splitlines()[row]
    msg, _ = data_error(tmp_path, old, new)
    assert msg == (
        f"data/facts.yml:{line}: YAML syntax error: this line is indented {more} than the lines around it "
        f"Found: {len(moved) - len(moved.lstrip())} space{'s' if len(moved) - len(moved.lstrip()) != 1 else ''} "
        f"before '{moved.strip()}'. Expected: {spaces} spaces, {like}. "
        f"Fix: Indent the line with {spaces} spaces, {like}: the keys of one entry start in the same column, "
        "and so do the '- ' of the items of one list."
    ), msg


def test_a_tab_is_still_named_as_a_tab(tmp_path: Path) -> None:
    unit = entry("facts.device.needle_count.unit")
    msg, _ = data_error(tmp_path, unit, unit.text.replace(unit.indent, "\t", 1))
    assert msg.startswith(f"data/facts.yml:{unit.line}: YAML syntax error: a tab character, where YAML allows only spaces"), msg
    assert "Fix: Indent with spaces, not tab characters;" in msg


@pytest.mark.parametrize("file", ["data/facts.es.yml", "mkdocs.yml"])
def test_the_spanish_wording_and_the_configuration_say_which_line_is_off(file: str) -> None:
    """The Spanish wording and the configuration (read by the pre-flight) go through the same reader
    (guide/data/yamlsrc.py): a line one space in is named there too."""
    from guide.data.yamlsrc import compose
    from guide.errors import GuideError

    text = (ROOT / file).read_text(encoding="utf-8")
    if file == "mkdocs.yml":  # the nav entry of the pain page, one of a list
        row = next(r for r in text.splitlines(keepends=True) if r.rstrip().endswith(": pain.md"))
        line = text[: text.index(row)].count("\n") + 1
    else:  # the Spanish value of a text fact, under its label
        value = entry("facts.recovery.feel_after.value", file)
        row, line = value.text, value.line
    width = len(row) - len(row.lstrip())
    with pytest.raises(GuideError) as caught:
        compose(text.replace(row, " " + row, 1), file)
    assert str(caught.value).startswith(
        f"{file}:{line}: YAML syntax error: this line is indented more than the lines around it "
        f"Found: {width + 1} spaces before '{row.strip()}'. Expected: {width} spaces, like the lines above."), str(caught.value)


# --- pages -----------------------------------------------------------------


def test_unknown_fact_on_a_page_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, 'fact("device.needle_count")', 'fact("device.needle_cont")')
    assert msg == (
        f"docs/index.md:{line_of(text, 'needle_cont')}: this page uses the fact 'device.needle_cont', which is not in data/facts.yml "
        "Found: 'device.needle_cont'. Expected: a fact key from data/facts.yml. "
        "Fix: Did you mean 'device.needle_count'? Check the spelling against data/facts.yml."
    )


def test_missing_description_full_message(tmp_path: Path) -> None:
    msg, _ = _page_error(tmp_path, "description: A one-page fixture that shows a few facts through the guide’s macros.\n", "")
    assert msg == (
        "docs/index.md:1: missing front matter key 'description' (at description) Found: no 'description' line. "
        "Expected: a line 'description: ...' in the front matter (between the '---' lines 1 and 4). "
        "Fix: Add it; see docs/_template.md."
    )


def test_review_date_in_the_wrong_format_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, "last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026")
    assert msg == (
        f"docs/index.md:{line_of(text, '10/01/2026')}: 'last_reviewed' is not a date (at last_reviewed) Found: '10/01/2026'. "
        "Expected: a date written YYYY-MM-DD, such as 2026-11-24. Fix: Write the date as year-month-day with dashes."
    )


PAGE_CASES: dict[str, tuple[str, str, int | str, str]] = {
    "no review date": ("next_review: 2027-12-10\n", "", 1, "missing front matter key 'next_review' (at next_review) Found: no 'next_review' line."),
    "empty review date": ("next_review: 2027-12-10\n", "next_review:\n", "next_review:", "Found: an empty value."),
    "impossible date": ("last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30", "2026-02-30", "not a real date (at last_reviewed) Found: '2026-02-30'."),
    "date and time": ("last_reviewed: 2026-01-10", "last_reviewed: 2026-01-10 10:00", "10:00", "'last_reviewed' is not a date"),
    "review order": ("next_review: 2027-12-10", "next_review: 2025-01-10", "next_review", "'next_review' is not after 'last_reviewed'"),
    "duplicate front matter key": ("next_review: 2027-12-10\n", "next_review: 2027-12-10\nnext_review: 2027-12-11\n", "2027-12-11", "the key 'next_review' is given twice"),
    "misspelt front matter key": ("next_review: 2027-12-10\n", "next_review: 2027-12-10\ndescripton: x\n", "descripton", "Did you mean 'description'?"),
    "front matter syntax": ("next_review: 2027-12-10\n", "next_review: 2027-12-10\ntitle: [oops\n", "---\n\n#", "front matter is not valid YAML"),
    "short description": ("description: A one-page fixture that shows a few facts through the guide’s macros.", "description: Short.", "Short.", "Found: 6 characters."),
    "no front matter": ("---\ndescription", "description", 1, "the page has no front matter"),
    "unknown macro": ("fact_list(", "fact_lst(", "fact_lst", "Did you mean 'fact_list'?"),
    "unquoted key": ('fact("device.needle_count")', "fact(device)", "fact(device)", 'Found: fact(device). Expected: fact("device").'),
    "misspelt expert in prose": ("# Tiny\n", "# Tiny\n\nDr. Nazarain says so.\n", "Nazarain", "Did you mean 'Dr. Nazarian'?"),
    "unknown quote": ('{{ fact_list("candidates.avoid_skin") }}', '{{ quote("trickng") }}', "trickng", "Did you mean 'tricking'?"),
}


@pytest.mark.parametrize("case", PAGE_CASES, ids=list(PAGE_CASES))
def test_page_error_names_place_found_expected_and_fix(tmp_path: Path, case: str) -> None:
    old, new, at, says = PAGE_CASES[case]
    msg, text = _page_error(tmp_path, old, new)
    assert says in msg, msg
    _complete(msg)
    line = at if isinstance(at, int) else line_of(text, at)
    assert msg.startswith(f"docs/index.md:{line}:"), msg


def test_template_syntax_error(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, '{{ fact("device.needle_count") }}', '{{ fact("device.needle_count") }')
    assert msg == (
        f"docs/index.md:{line_of(text, 'needle_count')}: template syntax error: unexpected '}}' "
        "Found: 'The pen has {{ fact(\"device.needle_count\") } and reaches {{ fact(\"device.depth_range\") }}.'. "
        'Expected: macros written like {{ fact("group.name") }}. '
        "Fix: Check the {{ }} and {% %} brackets on this line. To show braces as text, put them between {% raw %} and {% endraw %}."
    )


def test_windows_line_endings_are_fine(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "includes", project / "includes")
    shutil.copytree(ROOT / "sources", project / "sources")
    (project / "docs" / "index.md").write_bytes(TINY_PAGE.replace("\n", "\r\n").encode())
    site = load_project(project).site
    assert "device.needle_count" in site.pages["index.md"].facts


def test_the_page_template_is_a_valid_page(tmp_path: Path) -> None:
    """docs/_template.md, copied to a new page as CONTRIBUTING.md says, passes every check once its heading is the page's own."""
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "includes", project / "includes")
    shutil.copytree(ROOT / "sources", project / "sources")
    template = (ROOT / "docs" / "_template.md").read_text(encoding="utf-8")
    shutil.copy2(ROOT / "docs" / "_template.md", project / "docs" / "_template.md")
    (project / "docs" / "new-page.md").write_text(template, encoding="utf-8")
    (project / "docs" / "aftercare.md").write_text(TINY_PAGE + "\n{{ not_covered() }}\n", encoding="utf-8")  # the template links to it (a page of
    # our own: a copy of the real one fails whenever an editor adds a picture to it, which this copy would not have)
    with pytest.raises(Exception, match=r"docs/new-page.md:\d+: the page still has the template's sample text"):
        load_project(project)  # a copy left as it is would publish the sample text
    (project / "docs" / "new-page.md").write_text(
        template.replace("# The question this page answers", "# A new page"), encoding="utf-8")
    site = load_project(project).site
    assert set(site.pages) == {"new-page.md", "aftercare.md"}, "files starting with _ are not pages"
    assert {"device.needle_count", "device.depth_range", "candidates.good_for"} <= site.pages["new-page.md"].facts


# --- page Jinja, typed numbers, partials: full messages (issue 12) ----------

MACROS = ("about_source, appointment_sheet, citation, comparison_table, depth_scale, en, expert, fact, fact_list, "
          "facts_table, glance_card, glossary, not_covered, page_info, picture, quote, suggestion, timeline")


def test_facts_called_like_a_macro_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, 'fact("device.needle_count")', 'facts("device.needle_count")')
    assert msg == (
        f"docs/index.md:{line_of(text, 'facts(')}: unknown macro or variable 'facts' Found: 'facts'. "
        f"Expected: one of the guide's macros: {MACROS}. Fix: Did you mean 'fact'? See CONTRIBUTING.md for the list of macros."
    )


def test_variable_on_a_page_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, "# Tiny\n", "# Tiny\n\n{{ config }}\n")
    assert msg == (
        f"docs/index.md:{line_of(text, '{{ config }}')}: the variable 'config' in the page Found: '{{{{ config }}}}'. "
        "Expected: text, and calls of the guide's macros with quoted values, such as "
        f'{{{{ fact("device.needle_count") }}}} (macros: {MACROS}). '
        "Fix: Pages may only call the guide's macros (CONTRIBUTING.md). "
        "To show braces as text, put them between {% raw %} and {% endraw %}."
    )


def test_jinja_comment_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, "# Tiny\n", "# Tiny\n\nPrices vary {# check #} by city.\n")
    assert msg == (
        f"docs/index.md:{line_of(text, 'Prices')}: a Jinja comment '{{#' in the page Found: 'Prices vary {{# check #}} by city.'. "
        "Expected: text and macro calls only (a comment hides the text after it, up to '#}'). "
        "Fix: Delete the comment, or keep the note out of the page (an HTML comment is published). "
        "For a heading id write '{ #id }' with a space after the brace. "
        "To show braces as text, put them between {% raw %} and {% endraw %}."
    )


def test_bad_part_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, 'fact("device.depth_range")', 'fact("device.depth_range", part="maximum")')
    assert msg == (
        f"docs/index.md:{line_of(text, 'maximum')}: a range fact has no part 'maximum' (at device.depth_range) "
        "Found: part 'maximum'. Expected: one of min, max. Fix: Did you mean 'max'? Use one of the parts listed."
    )


def test_list_style_typo_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, 'fact_list("candidates.avoid_skin")', 'fact_list("candidates.avoid_skin", style="step")')
    assert msg == (
        f"docs/index.md:{line_of(text, 'style=')}: unknown list style 'step' Found: style=\"step\". "
        "Expected: style one of bullets, steps, checks. Fix: Did you mean 'steps'? Use one of the styles listed."
    )


def _lists(whole: bool) -> list[str]:
    """The keys of the data's list facts whose items are (``whole``) or are not whole sentences."""
    return [key for key, item in project_facts().all_facts().items() if item.kind == "list"
            and any(i.rstrip("”\"’' )").endswith((".", "!", "?")) for i in item.items) == whole]


def test_a_list_of_whole_sentences_inside_a_sentence_names_fact_list(tmp_path: Path) -> None:
    """The twelfth new-editor trial: "The visit starts with {{ fact("appointment.steps") }}." built, and ran the steps'
    sentences together inside one sentence. A list of words joins into a sentence as before."""
    key = _lists(whole=True)[0]
    msg, text = _page_error(tmp_path, 'fact("device.depth_range")', f'fact("{key}")')
    assert msg.startswith(f"docs/index.md:{line_of(text, key)}: the list fact '{key}' is a list of whole sentences"), msg
    assert f'fact_list("{key}"' in msg, msg
    words = _lists(whole=False)[0]
    load_project(one_page_project(tmp_path / "words", TINY_PAGE.replace('fact("device.depth_range")', f'fact("{words}")', 1)))


def test_a_typed_number_is_shown_with_the_words_around_it(tmp_path: Path) -> None:
    """The new-editor trial: "Found:" showed a long paragraph's first 100 characters, which may not hold the
    number at all. It shows the words around the number refused, cut at words."""
    lead = "Most people feel a little warmth and some tingling while the numbing cream works on the skin, and "
    typed = "the redness fades after 3 days for many readers"
    tail = ", though everyone heals in their own way and at their own pace, as your provider will explain to you."
    msg, _ = _page_error(tmp_path, "# Tiny\n", f"# Tiny\n\n{lead}{typed}{tail}\n")
    found = msg.split("Found: ", 1)[1].split(". Expected:", 1)[0]
    assert found == "'...the skin, and the redness fades after 3 days for many readers, though...'", msg
    assert "a number typed into the page: '3'" in msg and "Most people" not in msg, msg


def test_typed_number_full_message(tmp_path: Path) -> None:
    from guide.content import pagecheck

    count = project_facts().all_facts()["device.needle_count"].value
    typed = f"The pen has {number_word(count)} needles."
    msg, text = _page_error(tmp_path, "# Tiny\n", f"# Tiny\n\n{typed}\n")
    from guide.data import schema

    fact = project_facts().all_facts()["device.needle_count"]
    (number, unit), = schema.fact_numbers_with_units(fact)
    # the needle count, and any fact that gives the same number with the same unit
    keys = pagecheck.number_hints(project_facts())[(float(number), unit)][:3]
    assert "device.needle_count" in keys
    parts = " (or one of its parts)" if any(k.endswith("@part") for k in keys) else ""
    macros = " or ".join('{{ fact("' + k.removesuffix("@part") + '") }}' for k in keys)
    assert msg == (
        f"docs/index.md:{line_of(text, typed)}: a number typed into the page: '{number_word(count)}' Found: '{typed}'. "
        "Expected: numbers only from data/facts.yml, through the macros. "
        f"Fix: Show the fact with its macro instead: {macros}{parts}, "
        "so the page follows data/facts.yml."
    )


def test_lone_braces_full_message(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, "# Tiny\n", "# Tiny\n\nType {{ to start a macro.\n")
    assert msg == (
        f"docs/index.md:{line_of(text, 'Type {{')}: a '{{{{' with no '}}}}' after it on the same line "
        "Found: 'Type {{ to start a macro.'. Expected: macros written like {{ fact(\"group.name\") }}, each on one line. "
        "Fix: Close the macro call, or, if the braces are meant as text, put them between {% raw %} and {% endraw %}."
    )


def test_last_reviewed_in_the_future(tmp_path: Path) -> None:
    msg, text = _page_error(tmp_path, "last_reviewed: 2026-01-10", "last_reviewed: 2098-01-10")
    _complete(msg)
    assert msg.startswith(f"docs/index.md:{line_of(text, '2098-01-10')}: 'last_reviewed' is in the future (at last_reviewed) "
                          "Found: 2098-01-10. Expected: the date the page was last checked: today (")


def _partial_error(tmp_path: Path, partial: str, old: str, new: str) -> tuple[str, str]:
    project = one_page_project(tmp_path, TINY_PAGE)
    path = project / "includes" / "partials" / partial
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_project(project)
    return str(info.value), text


def test_typo_in_a_partial_full_message(tmp_path: Path) -> None:
    msg, text = _partial_error(tmp_path, "glance-card.html", 'v("device.needle_count")', 'v("device.needle_cont")')
    row = next(r for r in text.splitlines() if "needle_cont" in r).strip()
    assert msg == (
        f"includes/partials/glance-card.html:{line_of(text, 'needle_cont')}: the partial uses the fact 'device.needle_cont', "
        f"which is not in data/facts.yml Found: '{row[:100]}{'...' if len(row) > 100 else ''}'. "
        'Expected: names and fact keys that exist (partials read facts through v("group.name")). '
        "Fix: Did you mean 'device.needle_count'? Correct the name on this line."
    )


@pytest.mark.parametrize("partial, old, new, says", [
    ("timeline.svg", "{{ t.title }}", "{{ t.titel }}", "has no attribute 'titel'"),
    ("list.md", "{% endif %}", "{% endfi %}", "template syntax error: Encountered unknown tag 'endfi'."),
    ("page-info.md", "{{ source.title }}", "{{ source.titel }}", "has no attribute 'titel'"),
])
def test_mistake_in_any_partial_names_file_and_line(tmp_path: Path, partial: str, old: str, new: str, says: str) -> None:
    msg, text = _partial_error(tmp_path, partial, old, new)
    _complete(msg)
    assert msg.startswith(f"includes/partials/{partial}:{line_of(text, new)}:"), msg
    assert says in msg, msg


def test_a_partial_compiled_from_another_copy_still_names_this_copy_s_line(tmp_path: Path) -> None:
    """Compiled partials are kept for the process (guide.build.library._CompiledPartials): an edited copy of a partial
    is compiled anew, and a mistake in it is reported at its own line, not the cached copy's."""
    load_project(one_page_project(tmp_path / "first", TINY_PAGE))  # every partial compiled and kept
    msg, text = _partial_error(tmp_path / "second", "timeline.svg", "{{ t.title }}", "\n\n\n{{ t.titel }}")
    assert msg.startswith(f"includes/partials/timeline.svg:{line_of(text, 't.titel')}:"), msg
    assert "has no attribute 'titel'" in msg, msg


def test_a_load_checks_again_every_file_changed_since_the_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a load checked before the pages is kept for the next load of the same files (guide.build.library._CHECKED_BASES:
    the tests and `make serve` load a project again and again with only a page changed); a change to any other
    file (the glossary, a partial, the data) is checked again, and its mistake refused."""
    from guide.build import library

    project = one_page_project(tmp_path, TINY_PAGE)
    load_project(project)

    def checked_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the glossary was checked again")

    with monkeypatch.context() as patch:
        patch.setattr(library, "_glossary", checked_again)
        (project / "docs" / "index.md").write_text(TINY_PAGE + "\nOne more line.\n", encoding="utf-8")
        load_project(project)  # only the page changed
    glossary, timeline = project / "includes" / "abbreviations.md", project / "includes" / "partials" / "timeline.svg"
    count = entry("facts.device.needle_count.value")
    edits = [(glossary, "\n", "\nnot a glossary line\n", "a glossary line in the wrong form"),
             (timeline, "{{ t.title }}", "{{ t.titel }}", "has no attribute 'titel'"),
             (project / "data" / "facts.yml", count.text, f"{count.indent}value: many\n", "Expected: a number")]
    for path, old, new, says in edits:
        kept = path.read_text(encoding="utf-8")
        assert old in kept, (path, old)
        path.write_text(kept.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(GuideErrors, match=re.escape(says)):
            load_project(project)
        path.write_text(kept, encoding="utf-8")
        load_project(project)


def test_facts_a_summary_shows_are_read_from_its_template(tmp_path: Path) -> None:
    """A new row in glance-card.html lists the home page for its fact: no hand-kept list to forget."""
    project = one_page_project(tmp_path, TINY_PAGE.replace("# Tiny\n", "# Tiny\n\n{{ glance_card() }}\n"))
    site = load_project(project).site
    assert "provider.licensed" not in site.pages["index.md"].facts
    card = project / "includes" / "partials" / "glance-card.html"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "</dl>", '<div><dt>Who</dt><dd>{{ v("provider.licensed") }}</dd></div>\n</dl>'), encoding="utf-8")
    site = load_project(project).site
    assert "provider.licensed" in site.pages["index.md"].facts
    assert {"device.needle_count", "aftercare.spf_min"} <= site.pages["index.md"].facts


def test_picture_fact_of_the_wrong_kind_names_file_line_and_key(tmp_path: Path) -> None:
    """A fact a picture draws, valid in itself but of another kind, stops the build (not an AttributeError)."""
    project = one_page_project(tmp_path, TINY_PAGE + "\n{{ depth_scale() }}\n")
    data = project / "data" / "facts.yml"
    kind = entry("facts.device.home_needles.kind")
    assert kind.value == "text", "this test edits the kind line of device.home_needles, a text fact"
    text = kind.replaced(f"{kind.indent}kind: not_stated\n")
    value = entry("facts.device.home_needles.value", text=text)
    text = value.replaced(f'{value.indent}note: "The article gives no figure."\n')
    data.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_project(project)
    msg = str(info.value)
    assert msg.startswith(f"data/facts.yml:{kind.line}: the needle-depth scale (depth_scale) needs 'device.home_needles' to be a text fact"), msg
    assert "(at facts.device.home_needles.kind)" in msg and "Found: kind: not_stated" in msg and "Expected: kind: text" in msg, msg
    _complete(msg)


# --- numbers hidden in the data's words ---------------------------------------------
# A number is a fact of its own (number, range, schedule); in a label, a text value, a list item,
# a note, a topic or a glossary entry it would reach the pages unchecked.

def _words_case(case: str) -> tuple[Entry, str, str, str]:
    """(the entry edited, its new text, the number the message names, the key it names)."""
    value, label = entry("facts.device.home_needles.value"), entry("facts.device.home_needles.label")
    skin, items = entry("facts.candidates.avoid_skin.items"), _items("candidates.avoid_skin")
    note, whom = entry("facts.device.home_needle_length.note"), entry("facts.frequency.acne_scarring.for_whom")
    topic = entry("not_covered.pink_lasts.topic")
    cases = {
        "digit in a text value": (value, value.text.replace(': "', ': "about 2 mm, ', 1), "'2'", "facts.device.home_needles.value"),
        "digit in a label": (label, label.text.replace('"\n', ' (0.25 mm)"\n'), "'0.25'", "facts.device.home_needles.label"),
        "fraction in a label": (label, label.text.replace('"\n', ', under ½ mm"\n'), "'½'", "facts.device.home_needles.label"),
        "ordinal in a list item": (skin, f"{skin.indent}items: {_flow([*items, 'a 2nd breakout'])}\n", "'2'",
                                   f"facts.candidates.avoid_skin.items[{len(items)}]"),
        "number word in a list item": (skin, f"{skin.indent}items: {_flow([*items[:-1], 'sunburn twice in a week'])}\n", "'twice'",
                                       f"facts.candidates.avoid_skin.items[{len(items) - 1}]"),
        "number word in a note": (note, f'{note.indent}note: "The article gives no length; about two millimeters."\n', "'two'",
                                  "facts.device.home_needle_length.note"),
        "number word in a schedule's for whom": (whom, f'{whom.indent}for_whom: "acne scars older than ten years"\n', "'ten'",
                                                 "facts.frequency.acne_scarring.for_whom"),
        "digit in a not-covered topic": (topic, topic.text.replace('"\n', ' (3 days)"\n'), "'3'", "not_covered.pink_lasts.topic"),
    }
    return cases[case]


WORDS_WITH_NUMBERS = ("digit in a text value", "digit in a label", "fraction in a label", "ordinal in a list item",
                      "number word in a list item", "number word in a note", "number word in a schedule's for whom",
                      "digit in a not-covered topic")


@pytest.mark.parametrize("case", WORDS_WITH_NUMBERS)
def test_a_number_in_the_datas_words_stops_the_build(tmp_path: Path, case: str) -> None:
    old, new, number, key = _words_case(case)
    assert new != old.text, case
    msg, _ = data_error(tmp_path, old, new)
    assert msg.startswith(f"data/facts.yml:{old.line}: the text gives a number ({number}) (at {key})"), msg
    assert "Expected: words without numbers" in msg and "Fix: Make the number a fact of its own" in msg, msg
    _complete(msg)


def test_prose_number_words_that_count_nothing_are_fine() -> None:
    from guide.data.numbers import typed_number

    assert typed_number("the two doctors agree") is None
    assert typed_number("once a month") == "once"  # a count with a unit: a schedule's job
    assert typed_number("dos médicas") is None and typed_number("once agujas", "es") == "once"
    assert typed_number("una vez al mes", "es") is None
    assert typed_number("una docena de agujas", "es") == "docena" and typed_number("medio milímetro", "es") == "medio"
    assert typed_number("a dozen needles") == "dozen" and typed_number("half a millimeter") == "half"


def _glossary_project(tmp_path: Path, lang: str, glossary: str) -> tuple[Path, Path]:
    """A one-page project (with the Spanish pages and wording for ``es``), and its glossary file ``glossary``."""
    project = one_page_project(tmp_path, TINY_PAGE)
    if lang == "es":
        shutil.copytree(ROOT / "docs-es", project / "docs-es")
        shutil.copy2(ROOT / "data" / "facts.es.yml", project / "data")
        shutil.copy2(ROOT / "data" / "facts.es.lock", project / "data")
    return project, project / glossary


@pytest.mark.parametrize("lang, glossary, entry, number", [
    ("en", "includes/abbreviations.md", "*[Dermapen]: a pen with twelve needles", "'twelve'"),
    ("en", "includes/abbreviations.md", "*[Dermapen]: a pen with 12 needles", "'12'"),
    ("es", "includes/abbreviations.es.md", "*[Dermapen]: una pluma con doce agujas", "'doce'"),
])
def test_a_number_in_a_glossary_entry_stops_the_build(tmp_path: Path, lang: str, glossary: str, entry: str, number: str) -> None:
    project, path = _glossary_project(tmp_path, lang, glossary)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + entry + "\n", encoding="utf-8")
    with pytest.raises(GuideErrors) as info:
        load_project(project, SPANISH if lang == "es" else None)
    # told with every other problem of the edition (this one-page project's pages have no Spanish pairs)
    msg = next((str(e) for e in info.value.errors if e.file == glossary), str(info.value))
    assert msg.startswith(f"{glossary}:{text.count(chr(10)) + 1}: a number in a glossary entry ({number})"), msg
    _complete(msg)


@pytest.mark.parametrize("lang, glossary, again", [
    ("en", "includes/abbreviations.md", "*[{term}]: another meaning (our definition)."),
    ("en", "includes/abbreviations.md", "*[{upper}]: another meaning (our definition)."),
    ("es", "includes/abbreviations.es.md", "*[{upper}]: otro significado (nuestra definición)."),
])
def test_a_glossary_term_defined_twice_stops_the_build(tmp_path: Path, lang: str, glossary: str, again: str) -> None:
    """The same *[term]: twice (or differing only in case) would give a word two meanings: the build
    names both lines."""
    project, path = _glossary_project(tmp_path, lang, glossary)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    at, term = next((n, m[1]) for n, line in enumerate(lines, 1) if (m := re.match(r"\*\[([^\]]+)\]", line)))
    path.write_text(text + again.format(term=term, upper=term.upper() if term != term.upper() else term.lower()) + "\n",
                    encoding="utf-8")
    with pytest.raises(GuideErrors) as info:
        load_project(project, SPANISH if lang == "es" else None)
    msg = next((str(e) for e in info.value.errors if e.file == glossary), str(info.value))
    assert msg.startswith(f"{glossary}:{len(lines) + 1}: the glossary term "), msg
    assert "is defined twice Found: '*[" in msg and f"'{term}' is defined on line {at}" in msg and f"into line {at}" in msg, msg
    _complete(msg)


def test_deleting_a_warning_lists_joined_by_stops_the_build(tmp_path: Path) -> None:
    """Without the line, a list of alternatives ("eczema, rosacea or very sensitive skin") would quietly
    become "... and ..."."""
    joined = entry("facts.candidates.avoid_skin.joined_by")
    msg, _ = data_error(tmp_path, joined, "")
    assert "missing key 'joined_by' (at facts.candidates.avoid_skin.joined_by)" in msg, msg
    assert msg.startswith("data/facts.yml:"), msg
    _complete(msg)


def test_a_string_that_links_to_a_heading_follows_the_heading(tmp_path: Path) -> None:
    """The thirteenth no-hints attack (L3): a heading renamed, and every page's link to it fixed, left the glance card's
    link (a string of includes/strings/) pointing at an id no page has; the build said nothing. Now it names the string."""
    import yaml

    project = tmp_path / "p"
    for part in ("docs", "docs-es", "data", "includes", "sources", "pictures"):
        if (ROOT / part).exists():
            shutil.copytree(ROOT / part, project / part)
    strings = yaml.safe_load((ROOT / "includes/strings/en.yml").read_text(encoding="utf-8"))
    key, link = next((k, v) for k, v in strings.items() if isinstance(v, str) and re.fullmatch(r"[\w/-]+\.md#[\w-]+", v))
    page, anchor = link.split("#")
    heading = anchor.replace("-", " ")
    source = project / "docs" / page
    text = source.read_text(encoding="utf-8")
    found = re.search(r"^(#+ )" + re.escape(heading) + "$", text, flags=re.M | re.I)
    assert found, f"no heading for #{anchor} in docs/{page}"
    source.write_text(text.replace(found[0], found[1] + "Renamed for this test", 1), encoding="utf-8")
    for other in (project / "docs").rglob("*.md"):  # the editor fixes every page's link, as the page check asks
        other.write_text(other.read_text(encoding="utf-8").replace(f"#{anchor}", "#renamed-for-this-test"), encoding="utf-8")
    with pytest.raises(GuideErrors) as info:
        load_project(project)
    msgs = [str(e) for e in info.value.errors]
    line = line_of((ROOT / "includes/strings/en.yml").read_text(encoding="utf-8"), f"{key}:")
    assert msgs == [msgs[0]] and msgs[0].startswith(
        f"includes/strings/en.yml:{line}: a link to a heading that docs/{page} does not have: '#{anchor}' "
        f"Found: '{link}'"), msgs  # the pages' own link message (pages.link_problem), at the string's line
    assert "renamed-for-this-test" in msgs[0], msgs[0]
