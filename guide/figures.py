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

from . import render, schema

WIDTH = 360
"""Width of every picture's viewBox. Small on purpose: text stays readable at 320 px."""
PAD = 16
"""Left and right margin inside the viewBox."""
FONT = 16
"""Font size of picture text, in user units."""
CHAR = FONT * 0.56
"""Rough width of one character, for wrapping text inside a picture."""
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
    power = 10 ** math.floor(math.log10(rough))
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


def wrap(text: str, width_units: float) -> tuple[str, ...]:
    """Split ``text`` into lines that fit ``width_units`` of picture width."""
    return tuple(textwrap.wrap(text, max(8, int(width_units // CHAR)), break_on_hyphens=False)) or ("",)


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
    """The in-office depth range on a millimetre scale, and the at-home rollers with no length."""

    axis: Axis
    unit: str
    bar_x0: float
    bar_x1: float
    min_label: str
    max_label: str
    reach_anchor: str  # "start" or "end": which way the callout text runs from the marker
    reach_x: float
    reach_lines: tuple[str, ...]
    home_lines: tuple[str, ...]
    title: str
    desc: str
    caption_office: str
    caption_home: str
    # rows (y of each part); see depth-scale.svg
    bar_y: float = 30
    bar_h: float = 22
    band_h: float = 24
    axis_y: float = 72
    reach_y: float = 130  # first callout line

    @property
    def home_label_y(self) -> float:
        return self.reach_y + LINE * len(self.reach_lines) + 22

    @property
    def home_band_y(self) -> float:
        return self.home_label_y + 8

    @property
    def home_text_y(self) -> float:
        return self.home_band_y + self.band_h + LINE + 2

    @property
    def height(self) -> float:
        return self.home_text_y + LINE * (len(self.home_lines) - 1) + 10


def depth_scale(depth: schema.RangeFact, reach: schema.TextFact, home: schema.NotStatedFact) -> DepthScale:
    """Place the depth range on a scale from 0, mark the shallowest setting, and leave the home length open."""
    ax = axis(depth.max * 1.1)  # a little scale past the deepest setting
    x_min, x_max = ax.x(depth.min), ax.x(depth.max)
    min_label = render.amount(depth.min, depth.unit)
    callout = f"Shallowest, {min_label}: reaches {reach.value}"
    if x_min <= WIDTH / 2:
        anchor, room = "start", WIDTH - PAD - x_min
    else:
        anchor, room = "end", x_min - PAD
    room = max(room, WIDTH / 2 - PAD)  # near an edge, wrap narrower rather than run off
    x_text = min(max(x_min, PAD), WIDTH - PAD)
    home_text = f"Length {render.NOT_STATED}. {home.note}"
    office = (f"In the office the needles can be set from {render.amount(depth.min, depth.unit)} "
              f"to {render.amount(depth.max, depth.unit)} deep.")
    reach_sentence = f"At the shallowest setting, {min_label}, they reach {reach.value}."
    home_sentence = f"At-home rollers: needle length {render.NOT_STATED}. {home.note}"
    return DepthScale(
        axis=ax,
        unit=depth.unit,
        bar_x0=x_min,
        bar_x1=x_max,
        min_label=min_label,
        max_label=render.amount(depth.max, depth.unit),
        reach_anchor=anchor,
        reach_x=x_text,
        reach_lines=wrap(callout, room),
        home_lines=wrap(home_text, WIDTH - 2 * PAD),
        title="Needle depth: in the office and at home",
        # what is drawn; the figures themselves are in the caption, read right after it
        desc=(f"A scale in {depth.unit}: a bar for the in-office settings, a dashed line at the "
              f"shallowest one, and a hatched band marked \"no length\" for at-home rollers."),
        caption_office=f"{office} {reach_sentence}",
        caption_home=home_sentence,
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
    ongoing: bool  # the plan repeats with no end: draw an arrow after the last mark
    cut: bool  # more sessions than MAX_MARKS: an ellipsis after the last mark
    legend: tuple[tuple[str, str], ...]  # (kind, text): "solid", "optional" or "window"
    title: str
    desc: str
    caption: str
    label_y: float = 48
    mark_y: float = 66
    axis_y: float = 92

    @property
    def height(self) -> float:
        return self.axis_y + (48 if self.axis else 24)


def _unit(value: float, unit: str) -> str:
    return render.unit_for(value, unit)


def _whole(every: schema.Interval) -> bool:
    """Whole-number intervals get whole-number ticks."""
    return float(every.min).is_integer() and float(every.max).is_integer()


def timeline(key: str, fact: schema.ScheduleFact) -> Timeline:
    """Marks for ``fact``: counts from ``sessions``, positions from ``every``.

    * sessions and every: session *i* falls ``i * every`` after the first;
      a range of intervals gives a window ``[i*min, i*max]``; sessions beyond
      ``sessions.min`` are optional (outlined).
    * sessions only: the marks are spaced evenly with no time axis, and the
      picture says the spacing is not stated.
    * every only: a session now, then the window for the next one, repeating
      with no end. A fixed interval shows a few repeats.
    """
    summary = render.schedule(fact)
    caption = f"{fact.label}: {summary}."
    legend: list[tuple[str, str]] = []
    if fact.sessions is not None:
        count = min(fact.sessions.max, MAX_MARKS)
        cut = fact.sessions.max > MAX_MARKS
        sure = min(fact.sessions.min, count)
        if fact.every is not None:
            every = fact.every
            ax = axis(max((count - 1) * every.max, every.max), x0=PAD + 12, x1=WIDTH - PAD - (20 if cut else 12),
                      whole=_whole(every))
            marks = tuple(Mark(ax.x(i * every.min), ax.x(i * every.max), i >= sure, str(i + 1)) for i in range(count))
            axis_label = f"{every.unit} from the first session"
            note = ""
            where = (f"one every {render.span(every.min, every.max, every.unit)}" if every.min != every.max
                     else f"one every {_unit(1, every.unit)}" if every.min == 1
                     else f"one every {render.amount(every.min, every.unit)}")
        else:
            ax = None
            x0, x1 = PAD + 12, WIDTH - PAD - (20 if cut else 12)
            gap = (x1 - x0) / max(count - 1, 1)
            marks = tuple(Mark(round(x0 + i * gap, 2), round(x0 + i * gap, 2), i >= sure, str(i + 1)) for i in range(count))
            axis_label = ""
            note = f"Time between sessions: {render.NOT_STATED}"
            where = f"the time between them is {render.NOT_STATED}"
        legend.append(("solid", "session"))
        if any(m.optional for m in marks):
            legend.append(("optional", "if needed"))
        if any(m.window for m in marks):
            legend.append(("window", "may fall in this span"))
        sessions = render.span(fact.sessions.min, fact.sessions.max, "sessions")
        extra = fact.sessions.max - fact.sessions.min
        desc = (f"A timeline of {sessions}, {where}. "
                + (f"The first {render.num(fact.sessions.min)} are planned; up to {render.num(extra)} more "
                   f"may be needed." if extra else "")
                + (f" Only the first {MAX_MARKS} are drawn." if cut else ""))
        if fact.every is None:
            caption = f"{fact.label}: {summary}. Time between sessions: {render.NOT_STATED}."
        return Timeline(key, marks, ax, axis_label, note, False, cut, tuple(legend),
                        f"{fact.label}: {summary}", desc.strip(), caption)
    every = fact.every
    assert every is not None  # the schema requires sessions, every or both
    repeats = 3 if every.min == every.max else 1
    ax = axis(repeats * every.max + (every.max - every.min) / 2, x0=PAD + 12, x1=WIDTH - PAD - 30, whole=_whole(every))
    marks = [Mark(ax.x(0), ax.x(0), False, "now")]
    for k in range(1, repeats + 1):
        marks.append(Mark(ax.x(k * every.min), ax.x(k * every.max), False, "next" if k == 1 else "then"))
    legend.append(("solid", "session"))
    if every.min != every.max:
        legend.append(("window", "when the next one is due"))
    desc = (f"A timeline in {every.unit}: a session now, then the next one "
            f"{render.every(every)}"
            + (f", between {every.unit} {render.num(every.min)} and {render.num(every.max)}" if every.min != every.max else "")
            + ", repeating with no end.")
    return Timeline(key, tuple(marks), ax, f"{every.unit} from now", "", True, False, tuple(legend),
                    f"{fact.label}: {summary}", desc, caption)


# --- shared by the templates ------------------------------------------------

TEMPLATE_GLOBALS = {"width": WIDTH, "pad": PAD, "font": FONT, "char": round(CHAR, 2), "line_h": LINE}
"""What the picture templates need to know about the grid."""


def sentence(text: str) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    return text[:1].upper() + text[1:]


# --- the printable appointment sheet ----------------------------------------


@dataclass(frozen=True)
class Sheet:
    """The three tick lists of the appointment sheet, worded from the facts."""

    questions: tuple[str, ...]
    tell: tuple[str, ...]
    aftercare: tuple[str, ...]


def sheet(facts: Mapping[str, schema.FactT]) -> Sheet:
    """The sheet's items. ``facts`` is ``Facts.all_facts()``, or the build's recording lookup of it."""

    def text(key: str, part: str | None = None) -> str:
        return render.fact_text(facts[key], part)

    def items(key: str) -> tuple[str, ...]:
        fact = facts[key]
        assert isinstance(fact, schema.ListFact), key
        return tuple(fact.items)

    tell = (*items("candidates.avoid_other"), f"you have {text('candidates.avoid_skin', 'or')}",
            *items("candidates.wait_if"))
    aftercare = (
        f"Sunscreen that is {text('aftercare.sunscreen_type')}, with an SPF of at least "
        f"{text('aftercare.spf_min')}, for {text('aftercare.sunscreen_when')}.",
        f"No {text('aftercare.avoid_ingredients', 'or')}. For how long is "
        f"{text('aftercare.avoid_ingredients_for')}: ask your provider.",
        f"No exfoliating scrubs in {text('aftercare.avoid_scrubs')}.",
        f"Use {text('aftercare.skin_care')}.",
        f"Makeup: {text('aftercare.makeup')}.",
    )
    return Sheet(items("provider.questions"), tell, aftercare)
