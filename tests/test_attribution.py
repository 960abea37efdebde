"""Who said it: the build stops a sentence that credits a fact to the wrong speaker (guide/content/attribution.py).

Fixture projects are made in tmp folders from the real data file, the real
partials and the tiny fixture page, as in test_editor_errors.py. The full
messages are compared, so a change of wording shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build.library import load_project
from guide.content import attribution
from guide.errors import GuideError
from support import ROOT, TINY_PAGE, Entry, data_error, entry, line_of, one_page_project, project_facts

LINE = 'The pen has {{ fact("device.needle_count") }} and reaches {{ fact("device.depth_range") }}.'


def _project(tmp_path: Path, page: str) -> Path:
    assert LINE in TINY_PAGE
    return one_page_project(tmp_path, TINY_PAGE.replace(LINE, page))


def _error(project: Path) -> str:
    with pytest.raises(Exception) as info:
        load_project(project)
    msg = str(info.value)
    assert "Traceback" not in msg and "\n" not in msg.strip()
    return msg


# --- pages -------------------------------------------------------------------


def test_jaliman_credited_with_a_nazarian_fact(tmp_path: Path) -> None:
    project = _project(tmp_path, 'Dr. Jaliman says the pen has {{ fact("device.needle_count") }}.')
    line = line_of(TINY_PAGE, LINE)
    assert _error(project) == (
        f"docs/index.md:{line}: this sentence credits Dr. Jaliman with Dr. Nazarian's words (at device.needle_count) "
        "Found: 'device.needle_count' shown in a sentence that names Dr. Jaliman; data/facts.yml gives it to "
        "Dr. Nazarian (expert: nazarian). Expected: only facts that Dr. Jaliman said, in a sentence that names "
        "Dr. Jaliman. Fix: Give this fact a sentence that names Dr. Nazarian (for example: "
        '{{ expert("nazarian") }} says ...), or show a fact Dr. Jaliman said.'
    )


def test_jaliman_credited_with_the_articles_own_words(tmp_path: Path) -> None:
    # the example: "Microneedling leaves you red and sensitive" is the article's voice
    project = _project(tmp_path, '{{ expert("jaliman") }}, says microneedling leaves you {{ fact("recovery.feel_after") }}.')
    line = line_of(TINY_PAGE, LINE)
    assert _error(project) == (
        f"docs/index.md:{line}: this sentence credits Dr. Jaliman with the article's own words (at recovery.feel_after) "
        "Found: 'recovery.feel_after' shown in a sentence that names Dr. Jaliman; data/facts.yml gives it to "
        "the article (expert: article). Expected: only facts that Dr. Jaliman said, in a sentence that names "
        "Dr. Jaliman. Fix: Give this fact a sentence that names the article (for example: The article says ...), "
        "or show a fact Dr. Jaliman said."
    )


def test_the_article_credited_with_an_experts_words(tmp_path: Path) -> None:
    project = _project(tmp_path, 'The article says it is safe for {{ fact("candidates.skin_types") }}.')
    msg = _error(project)
    assert msg.startswith(f"docs/index.md:{line_of(TINY_PAGE, LINE)}: this sentence credits the article with "
                          "Dr. Nazarian's words (at candidates.skin_types) ")
    assert "data/facts.yml gives it to Dr. Nazarian (expert: nazarian)" in msg


def test_a_list_under_a_sentence_that_ends_with_a_colon_is_checked(tmp_path: Path) -> None:
    page = 'Dr. Nazarian says to avoid these:\n\n{{ fact_list("candidates.avoid_skin") }}\n\nAnd more.'
    msg = _error(_project(tmp_path, page))
    line = line_of(TINY_PAGE, LINE) + 2  # the list's line
    assert msg.startswith(f"docs/index.md:{line}: this sentence credits Dr. Nazarian with Dr. Jaliman's words "
                          "(at candidates.avoid_skin)")


def test_a_second_sentence_on_the_line_is_checked_on_its_own(tmp_path: Path) -> None:
    page = ('Dr. Nazarian says the pen has {{ fact("device.needle_count") }}. '
            'Dr. Jaliman says it reaches {{ fact("device.depth_range") }}.')
    msg = _error(_project(tmp_path, page))
    assert "credits Dr. Jaliman with Dr. Nazarian's words (at device.depth_range)" in msg


def test_correct_attribution_passes(tmp_path: Path) -> None:
    page = ('{{ expert("nazarian") }}, says the pen has {{ fact("device.needle_count") }}. '
            'The article says microneedling leaves you {{ fact("recovery.feel_after") }}. '
            'Dr. Jaliman says to steer clear of it if you have {{ fact("candidates.avoid_skin", "or") }}. '
            'Its length is {{ fact("device.home_needle_length") }}, and the article gives none. '
            'The article walks through a visit, with details from Dr. Nazarian\'s office:\n\n'
            '{{ fact_list("appointment.steps", style="steps") }}\n\nShe says it helps.')
    site = load_project(_project(tmp_path, page)).site
    assert {"device.needle_count", "recovery.feel_after", "appointment.steps"} <= site.pages["index.md"].facts


# --- generated summaries (includes/partials) --------------------------------------


def test_a_summary_template_that_credits_the_wrong_speaker_stops_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path, LINE)
    card = project / "includes" / "partials" / "glance-card.html"
    text = card.read_text(encoding="utf-8")
    bad = '<div><dt>Needles</dt><dd>Dr. Jaliman says {{ v("device.needle_count") }}.</dd></div>\n'
    text = text.replace("</dl>", bad + "</dl>")
    card.write_text(text, encoding="utf-8")
    assert _error(project) == (
        f"includes/partials/glance-card.html:{line_of(text, bad)}: this sentence credits Dr. Jaliman with "
        "Dr. Nazarian's words (at device.needle_count) Found: 'device.needle_count' shown in a sentence that names "
        "Dr. Jaliman; data/facts.yml gives it to Dr. Nazarian (expert: nazarian). Expected: only facts that "
        "Dr. Jaliman said, in a sentence that names Dr. Jaliman. Fix: Give this fact a sentence that names "
        'Dr. Nazarian (for example: {{ expert("nazarian") }} says ...), or show a fact Dr. Jaliman said.'
    )


def test_who_in_a_summary_must_match_the_fact_it_goes_with(tmp_path: Path) -> None:
    project = _project(tmp_path, LINE)
    sheet = project / "includes" / "partials" / "appointment-sheet.md"
    text = sheet.read_text(encoding="utf-8")
    # the words between the calls come from includes/strings/ (issue 15)
    good = '{{ say(s.sheet_skip, who=who("candidates.avoid_other"), cases=v("candidates.avoid_other", "or")) }}'
    assert good in text
    text = text.replace(good, good.replace('who("candidates.avoid_other")', 'who("candidates.avoid_skin")'))
    sheet.write_text(text, encoding="utf-8")
    msg = _error(project)
    assert msg.startswith(f"includes/partials/appointment-sheet.md:{line_of(text, 's.sheet_skip,')}: "
                          "this sentence credits Dr. Jaliman with the article's own words (at candidates.avoid_other)")


def test_the_real_site_passes_and_a_drifted_real_page_fails(tmp_path: Path) -> None:
    attribution.check_templates(ROOT / "includes" / "partials", project_facts(), "includes/partials")
    for page in sorted((ROOT / "docs").glob("*.md")):
        attribution.check(page.read_text(encoding="utf-8"), f"docs/{page.name}", project_facts())
    aftercare = (ROOT / "docs" / "aftercare.md").read_text(encoding="utf-8")
    drifted = aftercare.replace("The article says microneedling leaves you", "Dr. Jaliman says microneedling leaves you")
    assert drifted != aftercare
    with pytest.raises(GuideError, match=r"docs/aftercare.md:\d+: this sentence credits Dr. Jaliman with the article's own words"):
        attribution.check(drifted, "docs/aftercare.md", project_facts())


# --- the sentence splitter --------------------------------------------------------


def _texts(text: str) -> list[str]:
    return [s.text for s in attribution.split(text)]


def test_split_keeps_dr_and_other_titles_inside_a_sentence() -> None:
    assert _texts("Dr. Jaliman says so. Dr. Nazarian, M.D., disagrees. See e.g. the list.") == [
        "Dr. Jaliman says so.", "Dr. Nazarian, M.D., disagrees.", "See e.g. the list."]


def test_split_ignores_dots_inside_jinja_calls() -> None:
    (one,) = attribution.split('Dr. Jaliman says {{ fact("aftercare.spf_min") }} and {{ fact("a.b", "or") }}.')
    assert one.text == "Dr. Jaliman says and ."
    assert [c.shows for c in one.calls] == [["aftercare.spf_min"], ["a.b"]]


def test_split_reads_expert_and_who_calls_as_names() -> None:
    (one,) = attribution.split('{{ expert("nazarian", full=True) }}, says {{ who("x.y") | sentence }} {{ v("p.q") | cell }}')
    assert [c.names for c in one.calls] == [["nazarian"], [], []]
    assert [c.who for c in one.calls] == [[], ["x.y"], []]
    assert [c.shows for c in one.calls] == [[], [], ["p.q"]]


def test_split_ends_at_blocks_cells_and_tags_with_the_right_lines() -> None:
    text = ("# Head\nA line that\nruns on. Next one!\n\n- item {{ fact(\"a.b\") }}\n- other\n"
            "| cell one | cell {{ v(\"c.d\") }} |\n<dd>Dr. Jaliman</dd><dd>{{ v(\"e.f\") }}</dd>\n"
            "{% for x in y %}after{% endfor %}")
    got = [(s.line, s.text, [k for c in s.calls for k in c.shows]) for s in attribution.split(text)]
    assert got == [
        (1, "# Head", []), (2, "A line that runs on.", []), (3, "Next one!", []),
        (5, "- item", ["a.b"]), (6, "- other", []),
        (7, "cell one", []), (7, "cell", ["c.d"]),
        (8, "Dr. Jaliman", []), (8, "", ["e.f"]),
        (9, "after", []),
    ]


def test_split_runs_a_colon_on_into_a_lone_call_only() -> None:
    joined = attribution.split('She says:\n\n{{ fact_list("a.b") }}\n\nNew paragraph.')
    assert [(s.text, [k for c in s.calls for k in c.shows]) for s in joined] == [
        ("She says:", ["a.b"]), ("New paragraph.", [])]
    apart = attribution.split('She says:\n\nA sentence with {{ fact("a.b") }}.')
    assert [s.text for s in apart] == ["She says:", "A sentence with ."]
    # the colon's own call closes it: "The article says: {{ fact }}" does not swallow a picture below
    closed = attribution.split('The article says: {{ fact("a.b") }}\n\n{{ timeline("c.d") }}')
    assert [[k for c in s.calls for k in c.shows] for s in closed] == [["a.b"], ["c.d"]]


def test_split_handles_closing_quotes_and_brackets() -> None:
    assert _texts('He said “stop.” Then (again.) Done') == ["He said “stop.”", "Then (again.)", "Done"]


# --- the data's scope, hedges and silences: editor messages --------------------------

def _data_error(tmp_path: Path, key: str, new: str) -> tuple[str, Entry]:
    """The message for the real data with the entry ``key`` (support.entry) given the line ``new``
    (after its indentation), or deleted (``new`` empty); and that entry."""
    old = entry(key)
    return data_error(tmp_path, old, f"{old.indent}{new}\n" if new else "")[0], old


def test_a_list_without_scope_full_message(tmp_path: Path) -> None:
    msg, _ = _data_error(tmp_path, "facts.candidates.avoid_skin.scope", "")
    assert msg == (
        f"data/facts.yml:{entry('facts.candidates.avoid_skin').line}: missing key 'scope' (at facts.candidates.avoid_skin.scope) "
        "Found: no 'scope' line under facts.candidates.avoid_skin. "
        "Expected: 'scope: complete' or 'scope: examples' on every list fact. "
        "Fix: Write 'scope: complete' if the article gives the whole list, or 'scope: examples' if it says "
        "'such as' or 'like' (the pages then say the list is not complete)."
    )


def test_an_unknown_scope_or_qualifier(tmp_path: Path) -> None:
    msg, _ = _data_error(tmp_path, "facts.candidates.body_areas.scope", "scope: example")
    assert "a value that is not allowed here (at facts.candidates.body_areas.scope)" in msg
    assert "Did you mean 'examples'?" in msg
    msg, _ = _data_error(tmp_path, "facts.appointment.numbing_time.qualifier", 'qualifier: "roughly"')
    assert "(at facts.appointment.numbing_time.qualifier)" in msg and "'about'" in msg


def test_a_not_covered_page_that_is_not_a_file_name(tmp_path: Path) -> None:
    msg, old = _data_error(tmp_path, "not_covered.pink_lasts.pages", 'pages: ["the pain page"]')
    assert msg == (
        f"data/facts.yml:{old.line}: not a page file name (at not_covered.pink_lasts.pages[0]) "
        "Found: 'the pain page' (text). Expected: the file name of a page under docs/, such as pain.md. "
        "Fix: Write the page's file name in quotes, as it is in docs/."
    )


def test_a_misspelt_not_covered_page_stops_the_build(tmp_path: Path) -> None:
    from tools.project import copy_project

    project = copy_project(tmp_path / "p")
    data = project / "data" / "facts.yml"
    pages = entry("not_covered.pink_lasts.pages", text=data.read_text(encoding="utf-8"))
    page = project_facts().not_covered["pink_lasts"].pages[0]
    typo = page[0] + page[2] + page[1] + page[3:]  # pain.md -> pian.md
    data.write_text(pages.replaced(f'{pages.indent}pages: ["{typo}"]\n'), encoding="utf-8")
    assert _error(project) == (
        f"data/facts.yml:{pages.line}: not_covered names a page that does not exist: '{typo}' "
        f"(at not_covered.pink_lasts.pages) Found: '{typo}'. Expected: the file name of a page under docs/. "
        f"Fix: Did you mean '{page}'? Correct the file name."
    )


@pytest.mark.parametrize("sentence", [
    'Dr Jaliman says the pen has {{ fact("device.needle_count") }}.',
    'Dr.Jaliman says the pen has {{ fact("device.needle_count") }}.',
    'Jaliman says the pen has {{ fact("device.needle_count") }}.',
    'The doctor from New York, Jaliman, says the pen has {{ fact("device.needle_count") }}.',
])
def test_any_way_of_naming_a_doctor_is_checked(tmp_path: Path, sentence: str) -> None:
    msg = _error(_project(tmp_path, sentence))
    assert "this sentence credits Dr. Jaliman with Dr. Nazarian's words (at device.needle_count)" in msg, msg


def test_a_quote_under_the_wrong_name_stops_the_build(tmp_path: Path) -> None:
    msg = _error(_project(tmp_path, 'Dr. Jaliman says it best:\n\n{{ quote("tricking") }}'))
    assert "this sentence credits Dr. Jaliman with Dr. Nazarian's quote (at quotes.tricking)" in msg, msg
