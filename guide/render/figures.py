"""Geometry and wording for the guide's pictures, drawn from the facts.

Pure Python: no MkDocs, no markup. The templates in ``includes/partials/``
(``depth-scale.svg``, ``timeline.svg``) only place what this module computes,
so the same code runs under MkDocs and Zensical, and every number in a picture
follows ``data/facts.yml``.

All coordinates are in SVG user units of a ``WIDTH`` wide ``viewBox``; the
browser scales the whole picture to the column width (see figures.css).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from guide.data import schema
from guide.render import catalogue
from guide.render import text as render

WIDTH = 360
"""Width of every picture's viewBox. Small on purpose: text stays readable at 320 px."""
PAD = 16
"""Left and right margin inside the viewBox."""
FONT = 16
"""Font size of picture text, in user units."""
CHAR = FONT * 0.56
"""Rough width of one character, for wrapping text inside a picture (DejaVu Sans, the widest of the
sans-serif fonts a reader's system may draw it in, averages 0.55 em)."""
CHAR_BOLD = FONT * 0.62
"""The same for bold text (DejaVu Sans Bold averages 0.61 em)."""
LINE = 20
"""Distance between lines of wrapped text."""
MAX_TICKS = 7
"""Most labelled ticks on an axis (labels must not collide at 320 px)."""
MAX_MARKS = 12
"""Most session marks a timeline draws; a longer plan is cut with an ellipsis."""


@dataclass(frozen=True)
class Tick:
    """One labelled tick on an axis."""

    x: float
    label: str


@dataclass(frozen=True)
class Axis:
    """A horizontal scale from 0 to ``top`` drawn between ``x0`` and ``x1``."""

    x0: float
    x1: float
    top: float
    step: float

    def x(self, value: float) -> float:
        """Where ``value`` sits on the axis."""
        return round(self.x0 + (self.x1 - self.x0) * value / self.top, 2)

    @property
    def ticks(self) -> tuple[Tick, ...]:
        count = round(self.top / self.step)
        return tuple(Tick(self.x(i * self.step), render.num(round(i * self.step, 6))) for i in range(count + 1))


def nice_step(top: float, max_ticks: int = MAX_TICKS, whole: bool = False) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that labels 0..``top`` in at most ``max_ticks`` ticks.

    ``whole`` keeps the step at 1 or more (session counts, months, years).
    """
    if top <= 0:
        raise ValueError("an axis needs a top above 0")
    rough = top / (max_ticks - 1)
    power: float = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if whole and step < 1:
            continue
        if math.ceil(top / step - 1e-9) + 1 <= max_ticks:
            return step
    return max(10 * power, 1.0 if whole else 0.0)


def axis(top_value: float, x0: float = PAD, x1: float = WIDTH - PAD, max_ticks: int = MAX_TICKS,
         whole: bool = False) -> Axis:
    """An axis from 0 that reaches at least ``top_value``, ending on a whole step."""
    step = nice_step(top_value, max_ticks, whole)
    top = math.ceil(top_value / step - 1e-9) * step
    return Axis(x0, x1, round(top, 6), step)


def wrap(text: str, width_units: float, char: float = CHAR) -> tuple[str, ...]:
    """Split ``text`` into lines that fit ``width_units`` of picture width (never between "Dr." and a name,
    nor between Spanish "la" and "Dra.", nor inside a bracketed group that fits on a line);
    ``char``: the width of one character (``CHAR_BOLD`` for bold text)."""
    text = re.sub(r"\b(Dra?)\. (?=\w)", "\\1.\u00a0", text)
    text = re.sub(r"\b(la|el) (?=Dra?\.)", "\\1\u00a0", text)
    text = re.sub(r"\([^()]*\)", lambda m: m[0].replace(" ", "\u00a0") if len(m[0]) * char <= width_units else m[0], text)
    lines = textwrap.wrap(text, max(8, int(width_units // char)), break_on_hyphens=False)
    return tuple(line.replace("\u00a0", " ") for line in lines) or ("",)


def slug(key: str) -> str:
    """An id-safe form of a fact key: ``frequency.acne_scarring`` -> ``frequency-acne-scarring``."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


class Ids:
    """Ids unique within a page, even when one picture is shown twice on it."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], int] = {}

    def make(self, page: str, base: str) -> str:
        """``fig-frequency-body``; on the second use on the same page ``fig-frequency-body-2``."""
        n = self._seen.get((page, base), 0) + 1
        self._seen[(page, base)] = n
        return base if n == 1 else f"{base}-{n}"


# --- needle depth scale ---------------------------------------------------


@dataclass(frozen=True)
class DepthScale:
    """The in-office depth range on a millimetre scale that starts at the skin's surface (0), and
    below it, in a framed panel of its own, the at-home rollers: shorter, with no length.

    The panel keeps the home band apart from the millimetre scale (issue 23: a band that started at
    the scale's 0 read as home needles reaching past its marks); the band is a fixed short swatch
    that fades out, not a length."""

    axis: Axis
    unit: str
    bar_x0: float
    bar_x1: float
    min_label: str
    max_label: str
    reach_anchor: str  # "start" or "end": which way the callout text runs from the marker
    reach_x: float
    reach_lines: tuple[str, ...]
    surface_x: float  # the skin's surface: depth 0
    surface_label: str
    home_lines: tuple[str, ...]
    bar_label_lines: tuple[str, ...]  # names who gives the pen's settings (bold; wrapped to fit)
    home_label_lines: tuple[str, ...]  # says the home band is not drawn to scale (bold; wrapped to fit)
    chip: str  # the label beside the band's faded end: the length is not stated
    title: str
    desc: str
    caption_office: str
    caption_home: str

    @property
    def top(self) -> float:
        """How far a label wrapped onto more lines pushes the scale down."""
        return LINE * (len(self.bar_label_lines) - 1)

    @property
    def bar_label_y(self) -> float:
        return 22

    @property
    def bar_y(self) -> float:
        return 30 + self.top

    bar_h: float = 22
    band_h: float = 24

    @property
    def axis_y(self) -> float:
        return 72 + self.top

    @property
    def label_y(self) -> float:
        """The row between the bar and the axis: "skin surface" at 0, the unit at the far end."""
        return self.axis_y - 6

    @property
    def tick_label_y(self) -> float:
        return self.axis_y + 22

    @property
    def reach_y(self) -> float:
        """The first callout line."""
        return 130 + self.top

    @property
    def marker(self) -> tuple[tuple[float, float, float], ...]:
        """The dashed line at the shallowest setting, as (x, top, bottom) pieces: from under its tick's label
        down to the callout. None above the axis: there it would run through the labels of the row between
        the bar and the axis ("skin surface") and touch the bar's label above (reader review E3); the bar's
        own edge and the tick mark the setting there."""
        return ((self.bar_x0, self.tick_label_y + 8, self.reach_y - FONT),)

    # --- the home panel: a frame from PANEL_X to WIDTH - PANEL_X, its content indented by PAD ---

    @property
    def panel_y(self) -> float:
        return self.reach_y + LINE * (len(self.reach_lines) - 1) + 22

    @property
    def home_x(self) -> float:
        """Where the panel's content starts: inside the frame, visibly off the scale's 0."""
        return PANEL_X + PAD + 8

    @property
    def home_label_y(self) -> float:
        return self.panel_y + 26

    @property
    def home_band_y(self) -> float:
        return self.home_label_y + LINE * (len(self.home_label_lines) - 1) + 10

    @property
    def home_x1(self) -> float:
        """Where the band has faded out: a fixed short swatch, no length."""
        return self.home_x + HOME_BAND

    @property
    def chip_w(self) -> float:
        return round(len(self.chip) * CHAR_BOLD + 24, 2)

    @property
    def chip_below(self) -> bool:
        """The chip does not fit beside the band: it goes on a row of its own under it."""
        return self.home_x1 + 8 + self.chip_w > WIDTH - PANEL_X - PAD / 2

    @property
    def chip_x(self) -> float:
        return self.home_x if self.chip_below else round(self.home_x1 + 8, 2)

    @property
    def chip_y(self) -> float:
        return self.home_band_y + (self.band_h + 8 if self.chip_below else 0)

    @property
    def home_text_y(self) -> float:
        return self.chip_y + self.band_h + LINE + 2

    @property
    def panel_h(self) -> float:
        return self.home_text_y + LINE * (len(self.home_lines) - 1) + 14 - self.panel_y

    @property
    def height(self) -> float:
        return self.panel_y + self.panel_h + 4


PANEL_X = 4
"""Left edge of the home panel's frame (and its right edge's distance from the picture's)."""
HOME_BAND = 92
"""Length of the home band, in picture units: a swatch in a panel of its own, away from the scale,
which fades from its start (no solid stretch that could be read as a depth) and has no end edge.
It is not a length, and the panel says "not to scale"; the article gives no length."""


def depth_scale(depth: schema.RangeFact, reach: schema.TextFact, home: schema.TextFact,
                home_length: schema.NotStatedFact, office_who: str = "", home_who: str = "",
                s: Mapping[str, object] | None = None) -> DepthScale:
    """Place the depth range on a scale from the skin's surface (0), mark the shallowest setting and
    what it penetrates, and draw the home rollers apart from the scale, as shorter with no length.

    ``s``: the template strings of the edition (includes/strings/<lang>.yml); English by default."""
    s = s or english()
    lang = str(s["lang"])
    ax = axis(depth.max * 1.1)  # a little scale past the deepest setting
    x_min, x_max = ax.x(depth.min), ax.x(depth.max)
    min_label = render.amount(depth.min, depth.unit, lang)
    callout = _said(s, "fig_reach", office_who, amount=min_label, reach=reach.value)
    if x_min <= WIDTH / 2:
        anchor, room = "start", WIDTH - PAD - x_min
    else:
        anchor, room = "end", x_min - PAD
    room = max(room, WIDTH / 2 - PAD)  # near an edge, wrap narrower rather than run off
    x_text = min(max(x_min, PAD), WIDTH - PAD)
    home_text = _said(s, "fig_home_text", home_who, home=home.value, length=render.fact_text(home_length, lang=lang))
    inner = WIDTH - 2 * (PANEL_X + PAD + 8)  # the panel's text width
    return DepthScale(
        axis=ax,
        unit=depth.unit,
        bar_x0=x_min,
        bar_x1=x_max,
        min_label=min_label,
        max_label=render.amount(depth.max, depth.unit, lang),
        reach_anchor=anchor,
        reach_x=x_text,
        reach_lines=wrap(callout, room),
        surface_x=ax.x(0),
        surface_label=str(s["fig_surface"]),
        home_lines=wrap(home_text, inner),
        bar_label_lines=wrap(_f(s, "fig_office_label_who", who=office_who) if office_who else str(s["fig_office_label"]),
                             WIDTH - 2 * PAD, CHAR_BOLD),
        home_label_lines=wrap(str(s["fig_home_label"]), inner, CHAR_BOLD),
        chip=_f(s, "fig_chip", not_stated=render.not_stated(lang)),
        title=str(s["fig_depth_title"]),
        # what is drawn; the caption says what it means
        desc=_f(s, "fig_depth_desc", unit=depth.unit),
        caption_office=_said(s, "fig_depth_caption_office", office_who),
        caption_home=_f(s, "fig_depth_caption_home", length=render.fact_text(home_length, lang=lang)),
    )


# --- session timelines ----------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One session (``x0 == x1``) or a window in which the next session falls."""

    x0: float
    x1: float
    optional: bool
    label: str  # drawn above the mark: a session number, "now" or "next"

    @property
    def window(self) -> bool:
        return self.x1 > self.x0

    @property
    def middle(self) -> float:
        return round((self.x0 + self.x1) / 2, 2)


@dataclass(frozen=True)
class Timeline:
    """A schedule fact drawn as marks over time, or without a time axis when the data has no interval."""

    key: str
    marks: tuple[Mark, ...]
    axis: Axis | None
    axis_label: str
    note: str  # drawn under the marks when there is no axis ("spacing not stated")
    ongoing: bool  # the article gives no end point: draw an arrow after the last mark
    cut: bool  # more sessions than MAX_MARKS: an ellipsis after the last mark
    legend: tuple[tuple[str, str], ...]  # (kind, text): "solid", "optional" or "window"
    title: str
    desc: str
    caption: str
    start_label: str = ""  # a plan that follows another (starts_after): "after the monthly plan", at 0
    label_y: float = 48
    mark_y: float = 66
    axis_y: float = 92

    @property
    def height(self) -> float:
        return self.axis_y + (48 if self.axis else 24)


def _unit(value: float, unit: str, lang: str = "en") -> str:
    return render.unit_for(value, unit, lang)


def _whole(every: schema.Interval) -> bool:
    """Whole-number intervals get whole-number ticks."""
    return float(every.min).is_integer() and float(every.max).is_integer()


def _sessions_top(low: float, high: float, s: Mapping[str, object]) -> str:
    """The sessions above ``low``: ``6``; ``5 and 6``; ``5 to 8`` (Spanish ``5 y 6``, ``5 a 8``)."""
    if high - low == 1:
        return render.num(high)
    if high - low == 2:
        return _f(s, "tl_and", low=render.num(low + 1), high=render.num(high))
    return _f(s, "tl_to", low=render.num(low + 1), high=render.num(high))


def timeline(key: str, fact: schema.ScheduleFact, who: str = "", s: Mapping[str, object] | None = None) -> Timeline:
    """Marks for ``fact``: counts from ``sessions``, positions from ``every``.

    * sessions and every: session *i* falls ``i * every`` after the first;
      a range of intervals gives a window ``[i*min, i*max]``; sessions beyond
      ``sessions.min`` are outlined as the top of the article's range (not as "if needed":
      the article gives a range, not a plan plus extras).
    * sessions only: the marks are spaced evenly with no time axis, and the
      picture says the spacing is not stated.
    * every only: a session now, then the window for the next one; the article
      gives no end point. A fixed interval shows a few repeats.

    ``who`` (from the data) names whose plan it is in the title, description and caption; the article's plan
    has sentences of its own in the catalogue ("the article’s plan", Spanish "el plan del artículo").
    """
    s = s or english()
    lang = str(s["lang"])
    whose = ("_article", {}) if who and fact.expert == "article" else ("_who", {"who": who}) if who else ("", {})
    words = _Words(
        s=s, lang=lang,
        plan=_f(s, "tl_plan" + whose[0], **whose[1]),
        title=_said(s, "tl_title", who, label=fact.label, plan=render.schedule(fact, lang)),
        gives=_f(s, "tl_gives" + whose[0], **whose[1]) if who else "")
    if fact.sessions is not None:
        return _sessions_timeline(key, fact, fact.sessions, words)
    assert fact.every is not None  # the schema requires sessions, every or both
    return _every_timeline(key, fact, fact.every, words)


@dataclass(frozen=True)
class _Words:
    """What every kind of timeline says the same way: the strings, whose plan it is, the title."""

    s: Mapping[str, object]
    lang: str
    plan: str
    title: str
    gives: str

    def units(self, unit: str) -> str:  # the plural, for axis labels
        return render.unit_for(2, unit, self.lang)


def _sessions_timeline(key: str, fact: schema.ScheduleFact, sessions: schema.Sessions, w: _Words) -> Timeline:
    """A counted plan: one mark per session, on a time axis when the data gives the interval."""
    s, lang, nost = w.s, w.lang, render.not_stated(w.lang)
    count = min(sessions.max, MAX_MARKS)
    cut = sessions.max > MAX_MARKS
    sure = min(sessions.min, count)
    ax: Axis | None = None
    if fact.every is not None:
        every = fact.every
        ax = axis(max((count - 1) * every.max, every.max), x0=PAD + 12, x1=WIDTH - PAD - (20 if cut else 12),
                  whole=_whole(every))
        marks = tuple(Mark(ax.x(i * every.min), ax.x(i * every.max), i >= sure, str(i + 1)) for i in range(count))
        axis_label, note = _f(s, "tl_from_first", unit=w.units(every.unit)), ""
        each = (render.one_each(every.unit, lang) if every.min == every.max == 1
                else _f(s, "tl_one_every", span=(render.span(every.min, every.max, every.unit, lang, hedge=True)
                                                 if every.min != every.max
                                                 else render.amount(every.min, every.unit, lang))))
        plan = _f(s, "tl_desc", plan=w.plan, sessions=render.fact_text(fact, "sessions", lang), each=each)
        caption = _f(s, "tl_caption_time")
    else:
        x0, x1 = PAD + 12, WIDTH - PAD - (20 if cut else 12)
        gap = (x1 - x0) / max(count - 1, 1)
        marks = tuple(Mark(round(x0 + i * gap, 2), round(x0 + i * gap, 2), i >= sure, str(i + 1)) for i in range(count))
        axis_label, note = "", _f(s, "tl_no_gap_note", not_stated=nost)
        plan = _f(s, "tl_desc_unspaced", plan=w.plan, sessions=render.fact_text(fact, "sessions", lang), not_stated=nost)
        # the caption says how to read the picture; the paragraph above it gives the plan
        caption = _f(s, "tl_caption_even", not_stated=nost)
    legend = [("solid", str(s["tl_session"]))]
    if any(m.optional for m in marks):
        legend.append(("optional", str(s["tl_top"])))
    if any(m.window for m in marks):
        legend.append(("window", str(s["tl_window"])))
    extra = sessions.max - sessions.min
    desc = _sentences(plan, _f(s, "tl_desc_range", top=_sessions_top(sessions.min, sessions.max, s)) if extra else "",
                      _f(s, "tl_desc_cut", count=MAX_MARKS) if cut else "")
    caption = _sentences(w.gives, caption, str(s["tl_caption_range"]) if extra else "")
    return Timeline(key, marks, ax, axis_label, note, False, cut, tuple(legend), w.title, desc, caption)


def _every_timeline(key: str, fact: schema.ScheduleFact, every: schema.Interval, w: _Words) -> Timeline:
    """An interval with no count: a session now (or the end of the plan this one follows), then the next ones."""
    s, lang = w.s, w.lang
    repeats = 3 if every.min == every.max else 1
    ax = axis(repeats * every.max + (every.max - every.min) / 2, x0=PAD + 12, x1=WIDTH - PAD - 30, whole=_whole(every))
    later = tuple(Mark(ax.x(k * every.min), ax.x(k * every.max), False, str(s["tl_next"] if k == 1 else s["tl_then"]))
                  for k in range(1, repeats + 1))
    legend = [("solid", str(s["tl_session"]))]
    if every.min != every.max:
        legend.append(("window", str(s["tl_due"])))
    caption = _sentences(w.gives, str(s["tl_every_caption"]), str(s["tl_every_shaded"]) if every.min != every.max else "")
    unit = w.units(every.unit)
    if fact.starts_after:
        # The plan follows another (the yearly touch-ups follow the monthly plan): no session at 0, which
        # is the end of that plan; the axis counts from there, and the sessions carry no "now"/"next".
        desc = _f(s, "tl_after_desc", plan=w.plan, unit=unit, start=fact.starts_after, every=render.every(every, lang))
        return Timeline(key, tuple(Mark(m.x0, m.x1, False, "") for m in later), ax,
                        _f(s, "tl_after_axis", unit=unit, start=fact.starts_after), "", True, False, tuple(legend),
                        w.title, desc, caption, start_label=_f(s, "tl_after", start=fact.starts_after))
    marks = (Mark(ax.x(0), ax.x(0), False, str(s["tl_now"])),) + later
    desc = _f(s, "tl_every_desc", plan=w.plan, unit=unit, every=render.every(every, lang))
    return Timeline(key, marks, ax, _f(s, "tl_from_now", unit=unit), "", True, False, tuple(legend), w.title, desc, caption)


# --- shared by the templates ------------------------------------------------

TEMPLATE_GLOBALS = {"width": WIDTH, "pad": PAD, "font": FONT, "char": round(CHAR, 2), "line_h": LINE, "panel_x": PANEL_X,
                    **catalogue.TEMPLATE_GLOBALS}
"""What the picture templates need to know about the grid, and what every partial fills a catalogue string with
(``say``, ``fill``: guide/render/catalogue.py)."""


def _f(s: Mapping[str, object], key: str, **values: object) -> str:
    """A string of the edition's catalogue, with its {placeholders} filled in."""
    return catalogue.text(str(s[key]), **values)


def _said(s: Mapping[str, object], key: str, who: str, **values: object) -> str:
    """``key`` filled in; with a speaker, its sentence that names her (``key`` + ``_who``: "..., says Dr. Nazarian")."""
    return _f(s, key + "_who", who=who, **values) if who else _f(s, key, **values)


def _sentences(*texts: str) -> str:
    """Whole sentences one after the other (an empty one left out)."""
    return " ".join(text for text in texts if text)


def english() -> Mapping[str, object]:
    """The English strings (includes/strings/en.yml), for callers that give none (tests, tools)."""
    return render.words("en")


def sentence(text: str) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    return text[:1].upper() + text[1:]
