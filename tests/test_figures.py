"""The pictures (depth scale, timelines), the glance card and the comparison table.

Unit tests of the geometry in guide/render/figures.py, checks of the macros' markup,
colour contrast of figures.css in both schemes, and a build whose data is
changed (the drawings must follow). The browser checks (320 px, print) are in
test_print.py, the one module that uses the session's browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from pydantic import TypeAdapter

from guide.build.library import load_project
from guide.build.siteurl import site_url
from guide.data import lang as langs
from guide.data import schema
from guide.render import catalogue, figures
from guide.render import text as render
from htmlpage import one, page_file, parse, text_of
from support import ROOT, SCHEDULES, Build, entry, loaded_project, project_facts, run_build
from tools.project import BUILD_PARTS, cite_numbers, copy_project

BASE = {"label": "L", "expert": "article", "source": "passage"}


def _fact(**kw: object) -> schema.FactT:
    return TypeAdapter(schema.Fact).validate_python({**BASE, **kw})


def _schedule(sessions: tuple[int, int] | None = None, every: tuple[float, float, str] | None = None
              ) -> schema.ScheduleFact:
    kw: dict[str, Any] = {"kind": "schedule", "for_whom": "someone"}
    if sessions:
        kw["sessions"] = {"min": sessions[0], "max": sessions[1]}
    if every:
        kw["every"] = {"min": every[0], "max": every[1], "unit": every[2]}
    fact = _fact(**kw)
    assert isinstance(fact, schema.ScheduleFact)
    return fact


def _depth(low: float, high: float) -> figures.DepthScale:
    depth = _fact(kind="range", min=low, max=high, unit="mm")
    assert isinstance(depth, schema.RangeFact)
    return figures.depth_scale(depth,
                               project_facts().all_facts()["device.shallowest_reach"], project_facts().all_facts()["device.home_needles"],
                               project_facts().all_facts()["device.home_needle_length"], "Dr. Nazarian", "Dr. Jaliman")


# --- geometry ---------------------------------------------------------------


@pytest.mark.parametrize("top, step", [(2.75, 0.5), (5, 1), (7.5, 2), (3, 0.5), (12, 2), (100, 20), (9008, 2000)])
def test_nice_step(top: float, step: float) -> None:
    assert figures.nice_step(top) == step
    assert top / step + 1 <= figures.MAX_TICKS + 1


def test_whole_steps_for_counts_and_time() -> None:
    assert figures.nice_step(3, whole=True) == 1
    assert figures.nice_step(0.4, whole=True) == 1
    with pytest.raises(ValueError):
        figures.nice_step(0)


def test_axis_maps_values_onto_the_picture() -> None:
    ax = figures.axis(2.75)
    assert (ax.top, ax.step) == (3, 0.5)
    assert ax.x(0) == figures.PAD and ax.x(ax.top) == figures.WIDTH - figures.PAD
    assert [t.label for t in ax.ticks] == ["0", "0.5", "1", "1.5", "2", "2.5", "3"]
    xs = [t.x for t in ax.ticks]
    assert xs == sorted(xs) and len(xs) <= figures.MAX_TICKS


def test_wrap_keeps_lines_inside_the_picture() -> None:
    text = "reaches the stratum corneum, the outer layer of the skin, and some more words to wrap"
    for room in (120, 200, 328):
        lines = figures.wrap(text, room)
        assert " ".join(lines) == text
        assert all(len(line) * figures.CHAR <= room + figures.CHAR * 8 for line in lines)


def test_ids_are_unique_per_page() -> None:
    ids = figures.Ids()
    assert ids.make("a.md", "fig-x") == "fig-x"
    assert ids.make("a.md", "fig-x") == "fig-x-2"
    assert ids.make("b.md", "fig-x") == "fig-x"
    assert figures.slug("frequency.acne_scarring") == "frequency-acne-scarring"


def test_depth_scale_places_the_range_and_the_shallowest_setting() -> None:
    d = _depth(0.5, 2.5)
    assert d.axis.top == 3 and d.axis.step == 0.5
    assert d.bar_x0 == d.axis.x(0.5) and d.bar_x1 == d.axis.x(2.5)
    assert d.min_label == "0.5 mm" and d.max_label == "2.5 mm"
    reach = project_facts().all_facts()["device.shallowest_reach"]
    assert isinstance(reach, schema.TextFact)
    assert "0.5 mm" in d.reach_lines[0] and reach.value in " ".join(d.reach_lines)
    # the article: the 0.5 mm setting *penetrates* the outer layer, so the skin's surface is at 0
    assert "penetrates" in " ".join(d.reach_lines) and "reaches" not in " ".join(d.reach_lines)
    assert d.surface_x == d.axis.x(0) == d.axis.x0 and "surface" in d.surface_label
    assert all(x.x <= figures.WIDTH - figures.PAD for x in d.axis.ticks)
    deeper = _depth(1, 4)
    assert deeper.bar_x0 > d.bar_x0 and deeper.axis.top >= 4
    assert deeper.bar_x1 == deeper.axis.x(4)


def test_depth_scale_invents_no_home_length() -> None:
    d = _depth(0.5, 2.5)
    home = " ".join(d.home_lines)
    assert render.NOT_STATED in home and render.fact_text(project_facts().all_facts()["device.home_needles"]) in home
    assert "Dr. Jaliman" in home  # the speaker _depth gives
    assert not re.search(r"\d", home), "the home rollers get no number"
    html = loaded_project().macro("depth_scale")()
    band = re.search(r'<rect class="fig__unknown" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', html)
    assert band, html
    start, top, width = float(band.group(1)), float(band.group(2)), float(band.group(3))
    # apart from the scale (issue 23: a band from the scale's 0 read as home needles reaching past
    # 0.5 mm): in a framed panel below the callout, not starting at the scale's 0, and short of the pen
    panel = re.search(r'<rect class="fig__unknown-edge" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', html)
    assert panel, "the home rollers have a panel of their own"
    px, py, pw, ph = (float(v) for v in panel.groups())
    assert px < start and start + width < px + pw and py < top < py + ph, "the band sits inside the panel"
    assert py > d.reach_y + figures.LINE * (len(d.reach_lines) - 1), "the panel is below the scale and its callout"
    assert start != d.axis.x(0) and start - d.axis.x(0) >= 8, "the band does not start at the scale's 0"
    assert start + width < d.bar_x1 and start + width < d.axis.x1
    # ... and it has no end: it fades out (a mask), and no edge line is drawn at its far end
    assert 'mask="url(#' in html and "<linearGradient" in html and 'stop-opacity="0"' in html
    for edge in re.findall(r'<path class="fig__unknown-edge" d="([^"]+)"', html):
        assert not re.search(rf"M{start + width:g} [\d.]+V", edge), "a line closing the band's far end"


def _text_boxes(d: figures.DepthScale, s: Any) -> list[tuple[str, float, float, float, float]]:
    """Each text of the depth scale as (text, left, top, right, bottom), from where the template puts it
    (includes/partials/depth-scale.svg) and the widths wrap() counts with; a glyph reaches 0.8 of the font
    size above its baseline and a quarter below (descenders)."""
    def box(text: str, x: float, y: float, anchor: str, char: float = figures.CHAR) -> tuple[str, float, float, float, float]:
        w = len(text) * char
        left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        return text, left, y - figures.FONT * 0.8, left + w, y + figures.FONT * 0.25
    last = len(d.axis.ticks) - 1
    return ([box(line, figures.PAD, d.bar_label_y + i * figures.LINE, "start", figures.CHAR_BOLD)
             for i, line in enumerate(d.bar_label_lines)]
            + [box(d.surface_label, d.surface_x, d.label_y, "start"), box(catalogue.text(str(s["fig_depth_in"]), unit=d.unit), d.axis.x1, d.label_y, "end")]
            + [box(t.label, t.x, d.tick_label_y, "start" if i == 0 else "end" if i == last else "middle")
               for i, t in enumerate(d.axis.ticks)]
            + [box(line, d.reach_x, d.reach_y + i * figures.LINE, d.reach_anchor) for i, line in enumerate(d.reach_lines)])


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("low, high", [(0.5, 2.5), (0.25, 1), (1, 4), (2.5, 2.6)])
def test_no_label_of_the_depth_scale_sits_on_its_dashed_line(lang: str, low: float, high: float) -> None:
    """Reader review E3/S10: the dashed line at the shallowest setting ran through "skin surface" /
    "superficie de la piel" and touched the bar's label ("(según la Dra. Nazarian)") above it."""
    s = figures.english() if lang == "en" else langs.load_strings(ROOT, "es")
    depth = _fact(kind="range", min=low, max=high, unit="mm")
    assert isinstance(depth, schema.RangeFact)
    facts = project_facts().all_facts()
    d = figures.depth_scale(depth, facts["device.shallowest_reach"], facts["device.home_needles"],
                            facts["device.home_needle_length"], "la Dra. Nazarian" if lang == "es" else "Dr. Nazarian", "", s)
    assert d.marker, "the dashed line is drawn"
    for x, top, bottom in d.marker:
        for text, left, above, right, below in _text_boxes(d, s):
            crosses = left - 2 <= x <= right + 2 and top <= below + 2 and bottom >= above - 2
            assert not crosses, f"the dashed line at x={x} ({top}-{bottom}) runs through {text!r}"


def test_deep_setting_callout_runs_leftwards() -> None:
    d = _depth(2.5, 2.6)
    assert d.reach_anchor == "end"
    assert d.reach_x <= figures.WIDTH - figures.PAD


def _kinds(t: figures.Timeline) -> list[str]:
    return ["window" if m.window else "optional" if m.optional else "solid" for m in t.marks]


def test_timeline_counts_and_spaces_sessions() -> None:
    t = figures.timeline("k", _schedule((4, 6), (1, 1, "months")))
    assert _kinds(t) == ["solid"] * 4 + ["optional"] * 2
    assert [m.label for m in t.marks] == ["1", "2", "3", "4", "5", "6"]
    assert t.axis is not None and [m.x0 for m in t.marks] == [t.axis.x(i) for i in range(6)]
    assert t.axis_label == "months from the first session" and not t.ongoing and not t.cut
    t2 = figures.timeline("k", _schedule((3, 8), (2, 2, "weeks")))
    assert _kinds(t2) == ["solid"] * 3 + ["optional"] * 5
    assert t2.axis is not None and t2.axis.top >= 14 and t2.marks[-1].x0 == t2.axis.x(14)


def test_a_range_of_sessions_is_drawn_as_a_range_not_as_extras() -> None:
    """The article says "four to six": sessions 5 and 6 are the top of a range, not "if needed" (issue 11)."""
    for t in (figures.timeline("k", _schedule((4, 6), (1, 1, "months"))), figures.timeline("k", _schedule((4, 6)))):
        words = " ".join([t.desc, t.caption, *(text for _, text in t.legend)])
        assert "if needed" not in words and "may be needed" not in words and "planned" not in words
        assert ("optional", "top of the range") in t.legend
        assert "range" in t.desc and "range" in t.caption
    for key in SCHEDULES:
        assert "if needed" not in loaded_project().macro("timeline")(key)


def test_the_articles_about_shows_on_the_body_timeline() -> None:
    html = loaded_project().macro("timeline")("frequency.body")
    body = project_facts().all_facts()["frequency.body"]
    assert body.qualifier and render.fact_text(body, "sessions").startswith(body.qualifier)
    assert render.fact_text(body, "sessions") in html


def test_timeline_without_an_interval_has_no_time_axis() -> None:
    t = figures.timeline("k", _schedule((4, 6)))
    assert t.axis is None
    assert _kinds(t) == ["solid"] * 4 + ["optional"] * 2
    assert t.note == "Time between sessions: not stated"
    gaps = {round(b.x0 - a.x0, 1) for a, b in zip(t.marks, t.marks[1:])}
    assert len(gaps) == 1, "even spacing: no time is implied"
    assert "not stated" in t.caption


def test_timeline_without_a_count_shows_a_repeat_window() -> None:
    t = figures.timeline("k", _schedule(every=(3, 6, "months")))
    assert t.ongoing and t.axis is not None
    now, nxt = t.marks
    assert (now.x0, now.x1, now.label) == (t.axis.x(0), t.axis.x(0), "now")
    assert (nxt.x0, nxt.x1, nxt.label) == (t.axis.x(3), t.axis.x(6), "next")
    assert ("window", "when the next one is due") in t.legend


def test_timeline_with_a_fixed_interval_repeats() -> None:
    t = figures.timeline("k", _schedule(every=(1, 1, "years")))
    assert t.axis is not None and t.axis.step == 1
    assert [m.x0 for m in t.marks] == [t.axis.x(i) for i in range(4)]
    assert not any(m.window for m in t.marks) and t.axis_label == "years from now"


def test_timeline_with_a_range_of_intervals_draws_windows() -> None:
    t = figures.timeline("k", _schedule((2, 3), (2, 3, "weeks")))
    assert t.axis is not None
    assert [(m.x0, m.x1) for m in t.marks] == [(t.axis.x(0), t.axis.x(0)), (t.axis.x(2), t.axis.x(3)),
                                               (t.axis.x(4), t.axis.x(6))]


def test_long_plans_are_cut() -> None:
    t = figures.timeline("k", _schedule((20, 30), (1, 1, "weeks")))
    assert len(t.marks) == figures.MAX_MARKS and t.cut
    assert f"Only the first {figures.MAX_MARKS}" in t.desc


def test_sheet_has_every_item() -> None:
    sheet = loaded_project().macro("appointment_sheet")()
    for q in project_facts().all_facts()["provider.questions"].items:
        assert re.search(rf"^- .*{re.escape(q)}</span> <span class=\"sheet-line\"></span>", sheet, re.M), f"room to answer {q}"
    for key in ("candidates.avoid_other", "candidates.avoid_skin", "candidates.wait_if", "provider.checks",
                "aftercare.avoid_ingredients", "aftercare.acid_examples"):
        for item in project_facts().all_facts()[key].items:
            assert item in sheet, item
    for key in ("aftercare.spf_min", "aftercare.sunscreen_type", "aftercare.avoid_scrubs", "aftercare.makeup",
                "provider.licensed", "provider.preferred"):
        assert render.fact_text(project_facts().all_facts()[key]) in sheet, key
    # the article's own verbs, not softened into "tell your provider"
    every, experts = project_facts().all_facts(), project_facts().experts
    for key, says in (("candidates.avoid_other", "says to skip it if"), ("candidates.avoid_skin", "says to steer clear of it if you have"),
                      ("candidates.wait_if", "says to wait if")):
        who = render.speaker(every[key], experts)
        assert f"{who[:1].upper()}{who[1:]} {says} {render.fact_text(every[key], 'or')}" in sheet, key
    assert "Tell your provider" not in sheet
    # the guide's address is printed (SITE_URL when set, as the build reads it: the deploy tests with its own)
    assert site_url() in sheet


def test_every_fact_the_sheet_shows_is_recorded_for_its_page() -> None:
    """The facts table and `make facts` list the sheet's page for every fact its template reads
    (recorded from the template when the build starts, never listed by hand)."""
    text = (ROOT / "includes" / "partials" / "appointment-sheet.md").read_text(encoding="utf-8")
    read = set(re.findall(r'(?:v|items|who)\("([a-z_]+\.[a-z_]+)"', text))
    site = load_project(ROOT).site
    shown = site.pages["appointment-sheet.md"].facts
    assert read and read <= shown, read - shown


# --- markup -----------------------------------------------------------------


def _calls() -> dict[str, str]:
    out = {"depth_scale": loaded_project().macro("depth_scale")()}
    for key in SCHEDULES:
        out[key] = loaded_project().macro("timeline")(key)
    return out


@pytest.mark.parametrize("name", ["depth_scale", *SCHEDULES])
def test_picture_markup(name: str) -> None:
    html = _calls()[name]
    assert html.startswith("<figure class=\"fig") and html.rstrip().endswith("</figure>")
    assert "<figcaption>" in html and 'role="img"' in html
    assert "\n\n" not in html, "a blank line would end the HTML block in Markdown"
    assert not re.search(r"^ {4}", html, re.M), "4-space indents turn into code blocks"
    assert "xmlns" not in html and "style=" not in html
    tree = parse(html)
    ids = [str(e["id"]) for e in tree.select("[id]")]
    assert len(ids) == len(set(ids))
    labelledby = [name for e in tree.select("[aria-labelledby]") for name in str(e["aria-labelledby"]).split()]
    assert set(labelledby) <= set(ids)
    svg = one(tree, "svg")
    assert not svg.has_attr("width") and not svg.has_attr("height"), "no fixed size: the svg scales (viewBox)"
    title, desc = text_of(one(svg, "title")), text_of(one(svg, "desc"))
    assert title and desc
    # a screen reader reads the picture's name and description, then the caption: say nothing twice
    caption = text_of(one(tree, "figcaption"))
    for sentence in re.split(r"(?<=\.) ", caption):
        assert sentence.strip() not in desc, f"{name}: the description repeats the caption: {sentence!r}"


def test_timeline_refuses_a_fact_that_is_not_a_schedule() -> None:
    with pytest.raises(ValueError, match="needs a schedule fact"):
        loaded_project().macro("timeline")("device.depth_range")


def test_glance_card_and_comparison_table_show_the_facts() -> None:
    card = loaded_project().macro("glance_card")()
    assert "\n\n" not in card.strip()
    for key in ("device.needle_count", "device.depth_range", "appointment.numbing_time", "frequency.upkeep"):
        assert render.fact_text(project_facts().all_facts()[key]) in card, key
    table = loaded_project().macro("comparison_table")()
    rows = [line for line in table.splitlines() if line.startswith("|")]
    assert len(rows) >= 4 and all(r.count("|") - r.count("\\|") == 4 for r in rows)
    # the home length is not stated: the table says so in the data's words ("The article gives no length
    # for them."), and gives the home rollers no number
    note = render.fact_text(project_facts().all_facts()["device.home_needle_length"], "note")
    home_depth = next(r for r in rows if r.startswith("| Needle depth")).split("|")[2]
    assert note in home_depth and not re.search(r"\d", home_depth) and "Length not stated" not in table
    assert render.fact_text(project_facts().all_facts()["device.depth_range"]) in table


# --- colour contrast (figures.css, both schemes) -----------------------------

CSS = (ROOT / "overrides" / "stylesheets" / "figures.css").read_text(encoding="utf-8")


def _scheme(selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{(.*?)\}", CSS, re.S)
    assert block, selector
    return dict(re.findall(r"--fig-([a-z-]+):\s*(#[0-9a-fA-F]{6})", block.group(1)))


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# (foreground, background): text and every mark that carries meaning
PAIRS = [("ink", "bg"), ("muted", "bg"), ("accent", "bg"), ("hatch", "bg"), ("bg", "accent"),
         ("ink", "card"), ("accent", "card")]


@pytest.mark.parametrize("selector, page_bg", [('[data-md-color-scheme="default"]', "#ffffff"),
                                               ('[data-md-color-scheme="slate"]', "#1e2129")])
def test_colours_have_enough_contrast(selector: str, page_bg: str) -> None:
    colours = _scheme(selector)
    assert colours["bg"].lower() == page_bg, "--fig-bg must be Material's background for the scheme"
    for fg, bg in PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        assert ratio >= 4.5, f"{selector}: --fig-{fg} on --fig-{bg} is {ratio:.2f}:1"


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


# --- the drawings follow the data --------------------------------------------

CALLS = "\n\n".join(["{{ depth_scale() }}", *[f'{{{{ timeline("{k}") }}}}' for k in SCHEDULES],
                     "{{ glance_card() }}", "{{ comparison_table() }}"])
PAGE = "procedure.md"
def _changed() -> dict[str, schema.FactT]:
    """The pictures' facts with new numbers, each derived from today's (so always different from it)."""
    every = project_facts().all_facts()
    depth, acne, body, upkeep, touch = (every[k] for k in ("device.depth_range", *SCHEDULES[1:3], SCHEDULES[0], SCHEDULES[3]))
    assert isinstance(depth, schema.RangeFact) and all(isinstance(f, schema.ScheduleFact) for f in (acne, body, upkeep, touch))

    def shifted(span: Any, low: float, high: float) -> Any:
        return span.model_copy(update={"min": span.min + low, "max": span.max + high})

    return {
        "device.depth_range": depth.model_copy(update={"min": depth.min + 0.5, "max": depth.max + 1.5}),
        SCHEDULES[1]: acne.model_copy(update={"sessions": shifted(acne.sessions, 1, 2), "every": shifted(acne.every, 1, 1)}),
        SCHEDULES[2]: body.model_copy(update={"sessions": shifted(body.sessions, 2, 3)}),
        SCHEDULES[0]: upkeep.model_copy(update={"every": shifted(upkeep.every, 1, 2)}),
        SCHEDULES[3]: touch.model_copy(update={"every": shifted(touch.every, 1, 1)}),
    }


def _lines(key: str, fact: schema.FactT, text: str) -> str:
    """``text`` (data/facts.yml) with the numbers of ``key`` set to ``fact``'s, each line found by its key."""
    def flow(span: Any) -> str:
        return f"{{min: {span.min:g}, max: {span.max:g}" + (f", unit: {span.unit}}}" if hasattr(span, "unit") else "}")

    parts = {"min": f"{fact.min:g}", "max": f"{fact.max:g}"} if isinstance(fact, schema.RangeFact) else {
        part: flow(getattr(fact, part)) for part in ("sessions", "every") if getattr(fact, part, None)}
    for part, value in parts.items():
        old = entry(f"facts.{key}.{part}", text=text)
        text = old.replaced(f"{old.indent}{part}: {value}\n")
    return text


EN_PARTS = tuple(p for p in BUILD_PARTS if p not in ("docs-es", "mkdocs.es.yml", "zensical.es.yml"))


def _project(dest: Path, changed: bool) -> Path:
    project = copy_project(dest, EN_PARTS)  # the pictures are checked on the English edition
    page = project / "docs" / PAGE
    text = page.read_text(encoding="utf-8")
    assert "{{ page_info() }}" in text
    page.write_text(text.replace("{{ page_info() }}", CALLS + "\n\n{{ page_info() }}"), encoding="utf-8")
    if changed:
        data = project / "data" / "facts.yml"
        yml = data.read_text(encoding="utf-8")
        for key, fact in _changed().items():
            yml = _lines(key, fact, yml)
        data.write_text(yml, encoding="utf-8")
        cite_numbers(project)  # the build checks each number is in its passage
    return project


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    out = []
    for changed in (False, True):
        base = tmp_path_factory.mktemp("changed" if changed else "original")
        build = run_build(_project(base / "project", changed), base / "site")
        assert build.ok, build.output
        out.append(build)
    return out[0], out[1]


def _groups(pattern: str, svg: str) -> tuple[str, ...]:
    """The numbers an exact-markup pattern picks out of a picture's SVG (the macro's own output)."""
    match = re.search(pattern, svg)
    assert match, f"{pattern!r} not in the picture"
    return match.groups()


def _figure(html: str, key: str) -> str:
    found = re.findall(rf'<figure class="fig [^"]*" id="fig-{figures.slug(key)}(?:-\d+)?">.*?</figure>', html, re.S)
    assert found, f"no picture for {key}"
    last: str = found[-1]  # the one this test added, after any the page already has
    return last


def _marks(svg: str) -> tuple[int, int]:
    """(solid sessions, optional sessions) drawn on the timeline (legend marks are smaller)."""
    solid = len(re.findall(r'<circle class="fig__session" cx="[\d.]+" cy="[\d.]+" r="10"', svg))
    optional = len(re.findall(r'<circle class="fig__optional" cx="[\d.]+" cy="[\d.]+" r="10"', svg))
    return solid, optional


def _ticks(svg: str, y: str) -> list[str]:
    return re.findall(rf'<text x="[\d.]+" y="{y}" text-anchor="[a-z]+">([\d.]+)</text>', svg)


def _plain(html: str) -> str:
    """Drop the per-page id counter (``fig-x-2`` -> ``fig-x``)."""
    return re.sub(r"(fig-[a-z-]*[a-z])-\d+", r"\1", html)


@pytest.mark.build
def test_built_markup_is_the_macro_output(builds: tuple[Build, Build]) -> None:
    html = page_file(builds[0].site, PAGE).read_text(encoding="utf-8")
    for name, out in _calls().items():
        assert _plain(out) in _plain(html), f"Markdown changed the markup of {name}"
    assert "<p><svg" not in html and "<p></figure>" not in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids on the page"


@pytest.mark.build
def test_drawings_follow_the_data(builds: tuple[Build, Build]) -> None:
    before, after = (page_file(b.site, PAGE).read_text(encoding="utf-8") for b in builds)
    today, changed = project_facts().all_facts(), _changed()

    def marks(key: str, facts: dict[str, schema.FactT]) -> tuple[int, int]:
        """(solid, optional): the sessions the plan gives for sure, and the top of its range."""
        plan = facts[key]
        assert isinstance(plan, schema.ScheduleFact) and plan.sessions
        return int(plan.sessions.min), int(plan.sessions.max - plan.sessions.min)

    def ticks(key: str, facts: dict[str, schema.FactT]) -> list[str]:
        plan = facts[key]
        assert isinstance(plan, schema.ScheduleFact)
        axis = figures.timeline(key, plan).axis
        assert axis is not None
        return [t.label for t in axis.ticks]

    acne, body, upkeep, touch = SCHEDULES[1], SCHEDULES[2], SCHEDULES[0], SCHEDULES[3]
    acne0, acne1 = _figure(before, acne), _figure(after, acne)
    assert _marks(acne0) == marks(acne, today) and _marks(acne1) == marks(acne, changed)
    axis_y = str(figures.Timeline.axis_y + 24)
    assert _ticks(acne0, axis_y) == ticks(acne, today)
    assert _ticks(acne1, axis_y) == ticks(acne, changed) != _ticks(acne0, axis_y)
    assert render.fact_text(changed[acne]) in acne1

    body0, body1 = _figure(before, body), _figure(after, body)
    assert _marks(body0) == marks(body, today) and _marks(body1) == marks(body, changed)
    assert "not stated" in body1 and 'class="fig__axis"' not in body1

    up0, up1 = _figure(before, upkeep), _figure(after, upkeep)
    window = r'<rect class="fig__window" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="20"'
    (x0, w0), (x1, w1) = _groups(window, up0), _groups(window, up1)
    assert (x0, w0) != (x1, w1) and render.fact_text(changed[upkeep]) in up1

    assert render.fact_text(changed[touch]) in _figure(after, touch)

    depth, new = today["device.depth_range"], changed["device.depth_range"]
    assert isinstance(depth, schema.RangeFact) and isinstance(new, schema.RangeFact)
    depth0, depth1 = _figure(before, "device.depth_range"), _figure(after, "device.depth_range")
    bar = r'<rect class="fig__bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"'
    b0, b1 = _groups(bar, depth0), _groups(bar, depth1)
    expected = figures.axis(new.max * 1.1)
    assert float(b1[0]) == expected.x(new.min) and float(b1[1]) == pytest.approx(expected.x(new.max) - expected.x(new.min))
    assert b0 != b1
    for figure, low, high in ((depth0, depth.min, depth.max), (depth1, new.min, new.max)):  # the callout, line by line
        callout = _depth(low, high).reach_lines
        assert " ".join(callout).startswith(f"The {schema.num(low)} mm setting penetrates")
        assert all(f">{escape(line)}<" in figure for line in callout), callout
    assert f"The {schema.num(depth.min)} mm setting" not in depth1, "the callout still gives the old setting"
    assert schema.num(new.max) in _ticks(depth1, f"{_depth(new.min, new.max).axis_y + 22:g}")




# --- the reader's review (issue 11 follow-up) ---------------------------------


def test_the_home_band_is_plainly_not_a_measurement() -> None:
    """The band fades from its start at once (no solid stretch that reads as a depth) and says
    "not to scale"; it still never reaches the pen's range (test_depth_scale_invents_no_home_length)."""
    html = loaded_project().macro("depth_scale")()
    stops = re.findall(r'<stop offset="([\d.]+)"([^>]*)>', html)
    assert stops and float(stops[0][0]) == 0 and "stop-opacity" not in stops[0][1], stops
    assert 'stop-opacity="0"' in stops[-1][1]
    assert "not to scale" in html and "no length<" not in html and "length not stated" in html
    d = _depth(0.5, 2.5)
    assert "not to scale" in " ".join(d.home_label_lines) and "not to scale" in d.caption_home
    assert render.NOT_STATED in d.caption_home


def test_the_depth_scale_names_who_gives_the_pen_settings() -> None:
    d = _depth(0.5, 2.5)
    assert "Dr. Nazarian" in " ".join(d.bar_label_lines)
    assert " ".join(d.reach_lines).endswith("says Dr. Nazarian")
    assert all(not line.endswith("Dr.") for line in d.reach_lines + d.home_lines), "Dr. split from the name"
    html = loaded_project().macro("depth_scale")()
    assert "In-office pen (Dr. Nazarian)" in html and "set by your provider</text>" not in html


@pytest.mark.parametrize("key, who", [("frequency.upkeep", "Dr. Nazarian"), ("frequency.acne_scarring", "Dr. Nazarian"),
                                      ("frequency.touch_ups", "Dr. Nazarian"), ("frequency.body", "the article")])
def test_each_timeline_names_whose_plan_it_is(key: str, who: str) -> None:
    assert render.speaker(project_facts().all_facts()[key], project_facts().experts) == who
    html = loaded_project().macro("timeline")(key)
    tree = parse(html)
    title, desc, caption = (text_of(one(tree, css)) for css in ("svg title", "svg desc", "figcaption"))
    assert title.endswith(f"says {who}"), title
    assert f"{who}’s plan" in desc, desc
    assert caption.startswith(f"This plan is {who}’s."), caption
    for words in (title, desc, caption):
        assert "no end" not in words.replace("no end point", "") and "repeating" not in words


def test_timeline_wording_after_the_review() -> None:
    t = figures.timeline("k", _schedule((4, 6), (1, 1, "months")), "Dr. X")
    assert "sessions 5 and 6 are" in t.desc and "5 to 6" not in t.desc
    assert "sessions 6 are" not in figures.timeline("k", _schedule((4, 5)), "Dr. X").desc
    assert "sessions 5 to 8" in figures.timeline("k", _schedule((4, 8)), "Dr. X").desc
    body = figures.timeline("k", _schedule((4, 6)), "the article")
    assert "sessions. The time between them is not stated." in body.desc, "no comma splice"
    upkeep = figures.timeline("k", _schedule(every=(3, 6, "months")), "Dr. X")
    assert "between months" not in upkeep.desc and "every 3 to 6 months" in upkeep.desc
    assert "No last session is named: the arrow shows that the plan goes on." in upkeep.caption and "has no end" not in upkeep.caption


# --- the readers' review of issue 23 ---------------------------------------------


def test_a_shaded_span_covers_exactly_its_interval() -> None:
    """The upkeep span is drawn from 3 to 6 months, not about 2.7 to 6.3 (it had 10 units of padding each side)."""
    upkeep = project_facts().all_facts()["frequency.upkeep"]
    assert isinstance(upkeep, schema.ScheduleFact) and upkeep.every
    t = figures.timeline("frequency.upkeep", upkeep)
    assert t.axis is not None
    html = loaded_project().macro("timeline")("frequency.upkeep")
    row = f"{t.mark_y - 10:g}"  # the span on the timeline, not the legend's swatch
    x, width = (float(v) for v in _groups(rf'<rect class="fig__window" x="([\d.]+)" y="{row}" width="([\d.]+)"', html))
    assert x == t.axis.x(upkeep.every.min) and x + width == pytest.approx(t.axis.x(upkeep.every.max))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_touch_ups_count_from_the_end_of_the_monthly_plan(lang: str) -> None:
    """The first dot of the touch-ups said "now"; the article's touch-ups come after the monthly plan
    (starts_after in data/facts.yml): no session is drawn at 0, which is labelled as that plan's end."""
    from guide.data import lang as langs

    fact = project_facts().all_facts()["frequency.touch_ups"]
    assert isinstance(fact, schema.ScheduleFact) and fact.starts_after and fact.every
    if lang == "es":
        spanish = langs.load_wording(ROOT / "data" / "facts.es.yml", "data/facts.es.yml", project_facts())
        fact = spanish.all_facts()["frequency.touch_ups"]
        assert isinstance(fact, schema.ScheduleFact) and fact.starts_after and fact.every
    words = langs.load_strings(ROOT, lang)
    t = figures.timeline("frequency.touch_ups", fact, "Dr. Nazarian", words)
    start = catalogue.text(words["tl_after"], start=fact.starts_after)
    assert t.axis is not None and t.start_label == start and t.axis_label.endswith(start)
    every = fact.every
    assert every is not None and every.min == every.max, "this test draws a plan with a fixed interval"
    assert [m.x0 for m in t.marks] == [t.axis.x(every.min * i) for i in (1, 2, 3)], "the touch-ups, an interval apart"
    assert not any(m.label for m in t.marks), "no 'now' or 'next' on a plan that follows another"
    upkeep = figures.timeline("frequency.upkeep", project_facts().all_facts()["frequency.upkeep"])
    assert upkeep.marks[0].label == "now" and not upkeep.start_label, "a plan with no starts_after starts now"


def test_wrapping_keeps_names_and_brackets_whole() -> None:
    bold = figures.WIDTH - 2 * figures.PAD
    assert figures.wrap("Pluma en el consultorio (según la Dra. Nazarian)", bold, figures.CHAR_BOLD) == (
        "Pluma en el consultorio", "(según la Dra. Nazarian)")
    assert figures.wrap("In-office pen (Dr. Nazarian)", bold, figures.CHAR_BOLD) == ("In-office pen (Dr. Nazarian)",)
    long = "a (" + "word " * 60 + "end)"
    assert len(figures.wrap(long, 100)) > 1, "a group longer than a line still wraps"
