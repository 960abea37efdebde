"""Turn facts into plain-English text. Pure functions, no markup."""

from __future__ import annotations

from . import schema

_SINGULAR = {"minutes": "minute", "months": "month", "years": "year", "weeks": "week",
             "days": "day", "needles": "needle", "sessions": "session"}


def num(value: float) -> str:
    """``11`` for 11.0, ``0.5`` for 0.5."""
    return schema.num(value)


def unit_for(value: float, unit: str) -> str:
    """The unit, singular when the value is exactly 1."""
    return _SINGULAR.get(unit, unit) if value == 1 else unit


def amount(value: float, unit: str) -> str:
    """``2.5 mm``, ``1 month``, ``30`` (no unit)."""
    return f"{num(value)} {unit_for(value, unit)}".strip()


def span(low: float, high: float, unit: str = "") -> str:
    """``10 to 20 minutes``, or ``1 month`` when both ends are equal."""
    if low == high:
        return amount(low, unit)
    return f"{num(low)} to {num(high)} {unit}".strip()


def join(items: list[str], conj: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def every(interval: schema.Interval) -> str:
    """``once a month``, ``every 3 to 6 months``."""
    if interval.min == interval.max == 1:
        return f"once a {unit_for(1, interval.unit)}"
    return f"every {span(interval.min, interval.max, interval.unit)}"


def hedged(qualifier: str | None, text: str) -> str:
    """``about 4 to 6 sessions``: the article's hedge goes with the value, always."""
    return f"{qualifier} {text}" if qualifier else text


def schedule(fact: schema.ScheduleFact) -> str:
    """``4 to 6 sessions, once a month``; ``about 4 to 6 sessions``; ``every 3 to 6 months``.

    The qualifier hedges the count of sessions, or the interval when there is no count.
    """
    parts = []
    if fact.sessions:
        parts.append(hedged(fact.qualifier, span(fact.sessions.min, fact.sessions.max, "sessions")))
    if fact.every:
        parts.append(every(fact.every) if fact.sessions else hedged(fact.qualifier, every(fact.every)))
    return ", ".join(parts)


def _is_sentence(item: str) -> bool:
    """``Your face is cleansed.``, ``Do you use a mask?``: an item that is a whole sentence."""
    return item.rstrip("”’\"'").endswith((".", "?", "!"))


def items(fact: schema.ListFact, conj: str = "and") -> str:
    """A list in a sentence; an ``examples`` list says so: ``such as legs, chest and buttocks``.

    Items that are whole sentences are shown one after the other, not joined with commas
    ("cleansed., A numbing ..." would double the punctuation).
    """
    if all(_is_sentence(item) for item in fact.items):
        return " ".join(fact.items)
    text = join(list(fact.items), conj)
    return f"such as {text}" if fact.scope == "examples" else text


ARTICLE = "the article"


def speaker(fact: schema.FactT, experts: dict[str, schema.Expert]) -> str:
    """Who the article gives a fact to, as the pages name them: ``the article`` or ``Dr. Nazarian``."""
    return ARTICLE if fact.expert == "article" else experts[fact.expert].surname


NOT_STATED = "not stated"


def fact_text(fact: schema.FactT, part: str | None = None) -> str:
    """The value of any fact as inline text.

    ``part`` picks one piece: ``min``/``max`` of a range, ``note`` of a
    not-stated fact, ``sessions``/``every`` of a schedule.
    """
    if part is not None:
        return _part(fact, part)
    if isinstance(fact, schema.NumberFact):
        return hedged(fact.qualifier, amount(fact.value, fact.unit))
    if isinstance(fact, schema.RangeFact):
        return hedged(fact.qualifier, span(fact.min, fact.max, fact.unit))
    if isinstance(fact, schema.TextFact):
        return fact.value
    if isinstance(fact, schema.ListFact):
        return items(fact)
    if isinstance(fact, schema.ScheduleFact):
        return schedule(fact)
    return NOT_STATED


PARTS = {"range": ("min", "max"), "not_stated": ("note",), "schedule": ("sessions", "every"), "list": ("or",)}


def _part(fact: schema.FactT, part: str) -> str:
    if part not in PARTS.get(fact.kind, ()):
        allowed = ", ".join(PARTS.get(fact.kind, ())) or "none"
        raise ValueError(f"a {fact.kind} fact has no part '{part}' (parts: {allowed})")
    if isinstance(fact, schema.RangeFact):
        return amount(getattr(fact, part), fact.unit)
    if isinstance(fact, schema.NotStatedFact):
        return fact.note
    if isinstance(fact, schema.ListFact):
        return items(fact, "or")
    assert isinstance(fact, schema.ScheduleFact)
    if part == "sessions":
        return hedged(fact.qualifier, span(fact.sessions.min, fact.sessions.max, "sessions")) if fact.sessions else NOT_STATED
    if not fact.every:
        return NOT_STATED
    return every(fact.every) if fact.sessions else hedged(fact.qualifier, every(fact.every))


def values(fact: schema.FactT) -> list[str]:
    """Each separate value a fact shows, for tests and change reports."""
    if isinstance(fact, schema.NumberFact):
        return [num(fact.value)]
    if isinstance(fact, schema.RangeFact):
        return [num(fact.min), num(fact.max)]
    if isinstance(fact, schema.TextFact):
        return [fact.value]
    if isinstance(fact, schema.ListFact):
        return list(fact.items)
    if isinstance(fact, schema.ScheduleFact):
        return [_part(fact, part) for part in ("sessions", "every") if getattr(fact, part)]
    return [NOT_STATED]
