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


def wrap(text: str, width_units: float) -> tuple[str, ...]:
    """Split ``text`` into lines that fit ``width_units`` of picture width (never between "Dr." and a name)."""
    text = re.sub(r"\bDr\. (?=\w)", "Dr.\u00a0", text)
    lines = textwrap.wrap(text, max(8, int(width_units // CHAR)), break_on_hyphens=False)
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
    """The in-office depth range on a millimetre scale that starts at the skin's surface (0),
    and the at-home rollers: shorter, with no length."""

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
    home_x1: float  # where the home band has faded out: short of the pen's deepest setting, no edge drawn
    home_lines: tuple[str, ...]
    bar_label: str  # names who gives the pen's settings
    home_label: str  # says the home band is not drawn to scale
    chip: str  # the label at the band's faded end: the length is not stated
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


HOME_FADE = 0.5
"""The home band fades to nothing at this share of the way from the surface to the pen's deepest
setting. It is not a length: the band starts fading at the surface itself (no solid stretch that could
be read as a depth), has no end edge, and is labelled "not to scale"; the article gives no length. It
only keeps the band from reaching as deep as the pen, which the article says home needles do not."""


def depth_scale(depth: schema.RangeFact, reach: schema.TextFact, home: schema.TextFact,
                home_length: schema.NotStatedFact, office_who: str = "", home_who: str = "") -> DepthScale:
    """Place the depth range on a scale from the skin's surface (0), mark the shallowest setting and
    what it penetrates, and draw the home rollers as shorter with no length."""
    ax = axis(depth.max * 1.1)  # a little scale past the deepest setting
    x_min, x_max = ax.x(depth.min), ax.x(depth.max)
    min_label = render.amount(depth.min, depth.unit)
    callout = f"The {min_label} setting penetrates {reach.value}" + (f", says {office_who}" if office_who else "")
    if x_min <= WIDTH / 2:
        anchor, room = "start", WIDTH - PAD - x_min
    else:
        anchor, room = "end", x_min - PAD
    room = max(room, WIDTH / 2 - PAD)  # near an edge, wrap narrower rather than run off
    x_text = min(max(x_min, PAD), WIDTH - PAD)
    says = f", says {home_who}" if home_who else ""
    home_text = f"Needles {home.value}{says}. Length {render.fact_text(home_length)}."
    by = f", as {office_who} gives them" if office_who else ""
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
        surface_x=ax.x(0),
        surface_label="skin surface",
        home_x1=round(ax.x(0) + (x_max - ax.x(0)) * HOME_FADE, 2),
        home_lines=wrap(home_text, WIDTH - 2 * PAD),
        bar_label=f"In-office pen ({office_who})" if office_who else "In-office pen",
        home_label="At-home roller (not to scale)",
        chip=f"length {render.NOT_STATED}",
        title="Needle depth: in the office and at home",
        # what is drawn; the caption says what it means
        desc=(f"A scale in {depth.unit} that starts at the skin's surface: a bar for the in-office settings, "
              f"a dashed line at the shallowest one, and a hatched band for at-home rollers that fades out."),
        caption_office=(f"Depth is measured down from the skin's surface, where the scale starts. The bar "
                        f"shows the range of pen settings{by}."),
        caption_home=(f"The band for home rollers is not to scale. Their needle length is {render.fact_text(home_length)}, "
                      "so the band fades from the surface instead of ending: it shows shorter needles, not a length."),
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


def _sessions_top(low: float, high: float) -> str:
    """The sessions above ``low``: ``6``; ``5 and 6``; ``5 to 8``."""
    if high - low == 1:
        return render.num(high)
    if high - low == 2:
        return f"{render.num(low + 1)} and {render.num(high)}"
    return f"{render.num(low + 1)} to {render.num(high)}"


def timeline(key: str, fact: schema.ScheduleFact, who: str = "") -> Timeline:
    """Marks for ``fact``: counts from ``sessions``, positions from ``every``.

    * sessions and every: session *i* falls ``i * every`` after the first;
      a range of intervals gives a window ``[i*min, i*max]``; sessions beyond
      ``sessions.min`` are outlined as the top of the article's range (not as "if needed":
      the article gives a range, not a plan plus extras).
    * sessions only: the marks are spaced evenly with no time axis, and the
      picture says the spacing is not stated.
    * every only: a session now, then the window for the next one; the article
      gives no end point. A fixed interval shows a few repeats.

    ``who`` (from the data) names whose plan it is in the title, description and caption.
    """
    summary = render.schedule(fact)
    plan = f"{who}'s plan" if who else "the plan"
    title = f"{fact.label}: {summary}" + (f", says {who}" if who else "")
    gives = f"This plan is {who}'s. " if who else ""
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
            where = (f", one every {render.span(every.min, every.max, every.unit)}" if every.min != every.max
                     else f", one every {_unit(1, every.unit)}" if every.min == 1
                     else f", one every {render.amount(every.min, every.unit)}")
        else:
            ax = None
            x0, x1 = PAD + 12, WIDTH - PAD - (20 if cut else 12)
            gap = (x1 - x0) / max(count - 1, 1)
            marks = tuple(Mark(round(x0 + i * gap, 2), round(x0 + i * gap, 2), i >= sure, str(i + 1)) for i in range(count))
            axis_label = ""
            note = f"Time between sessions: {render.NOT_STATED}"
            where = f". The time between them is {render.NOT_STATED}"
        legend.append(("solid", "session"))
        if any(m.optional for m in marks):
            legend.append(("optional", "top of the range"))
        if any(m.window for m in marks):
            legend.append(("window", "may fall in this span"))
        sessions = render.hedged(fact.qualifier, render.span(fact.sessions.min, fact.sessions.max, "sessions"))
        extra = fact.sessions.max - fact.sessions.min
        top = _sessions_top(fact.sessions.min, fact.sessions.max)
        desc = (f"A timeline of {plan}: {sessions}{where}. "
                + (f"The article gives a range, so sessions {top} are outlined as its top end." if extra else "")
                + (f" Only the first {MAX_MARKS} are drawn." if cut else ""))
        # the caption says how to read the picture; the paragraph above it gives the plan
        if fact.every is None:
            caption = (f"{gives}The dots are spaced evenly only to fit the picture: the time between sessions is "
                       f"{render.NOT_STATED}.")
        else:
            caption = f"{gives}Each dot is one session, placed by time from the first."
        if extra:
            caption += " Outlined dots are the top of the range the article gives, not extra sessions."
        return Timeline(key, marks, ax, axis_label, note, False, cut, tuple(legend),
                        title, desc.strip(), caption)
    assert fact.every is not None  # the schema requires sessions, every or both
    every = fact.every
    repeats = 3 if every.min == every.max else 1
    ax = axis(repeats * every.max + (every.max - every.min) / 2, x0=PAD + 12, x1=WIDTH - PAD - 30, whole=_whole(every))
    marks = (Mark(ax.x(0), ax.x(0), False, "now"),) + tuple(
        Mark(ax.x(k * every.min), ax.x(k * every.max), False, "next" if k == 1 else "then") for k in range(1, repeats + 1))
    legend.append(("solid", "session"))
    if every.min != every.max:
        legend.append(("window", "when the next one is due"))
    desc = (f"A timeline of {plan}, in {every.unit}: a session now, then the next one "
            f"{render.every(every)}, with no last session named.")
    caption = (f"{gives}Each dot is a session. The article gives no end point."
               + (" The shaded spans show when the next one is due." if every.min != every.max else ""))
    return Timeline(key, tuple(marks), ax, f"{every.unit} from now", "", True, False, tuple(legend),
                    title, desc, caption)


# --- shared by the templates ------------------------------------------------

TEMPLATE_GLOBALS = {"width": WIDTH, "pad": PAD, "font": FONT, "char": round(CHAR, 2), "line_h": LINE}
"""What the picture templates need to know about the grid."""


def sentence(text: str) -> str:
    """Capitalise the first letter only (Jinja's ``capitalize`` lowercases the rest)."""
    return text[:1].upper() + text[1:]
