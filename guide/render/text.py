"""Turn facts into plain text, in English (``lang="en"``, the default) or Spanish (``lang="es"``).

Pure functions, no markup. Numbers keep the decimal point in both languages (0.5 mm), as
MedlinePlus en español writes them for US readers (CONTRIBUTING.md, "The Spanish edition").
"""

from __future__ import annotations

import re

from guide.data import schema
from guide.render import macrospecs

_SINGULAR = {"minutes": "minute", "months": "month", "years": "year", "weeks": "week",
             "days": "day", "needles": "needle", "sessions": "session"}

_UNITS_ES = {"minutes": ("minuto", "minutos"), "months": ("mes", "meses"), "years": ("año", "años"),
             "weeks": ("semana", "semanas"), "days": ("día", "días"), "needles": ("aguja", "agujas"),
             "sessions": ("sesión", "sesiones"), "mm": ("mm", "mm"), "": ("", "")}
_ONCE_ES = {"days": "una vez al día", "weeks": "una vez a la semana", "months": "una vez al mes",
            "years": "una vez al año"}
_ONE_EACH_ES = {"days": "una al día", "weeks": "una a la semana", "months": "una al mes", "years": "una al año"}
"""After a count of sessions: "de 4 a 6 sesiones, una al mes" (the "una" is a session; "una vez al mes" is a calque)."""
QUALIFIERS_ES = {"about": "alrededor de", "typically about": "por lo general alrededor de",
                 "at least": "al menos", "up to": "hasta"}
"""The article's hedges in Spanish; a hedged range drops its "de" ("alrededor de 4 a 6 sesiones")."""


def num(value: float) -> str:
    """``11`` for 11.0, ``0.5`` for 0.5."""
    return schema.num(value)


def unit_for(value: float, unit: str, lang: str = "en") -> str:
    """The unit, singular when the value is exactly 1."""
    if lang == "es":
        one, many = _UNITS_ES.get(unit, (unit, unit))
        return one if value == 1 else many
    return _SINGULAR.get(unit, unit) if value == 1 else unit


def amount(value: float, unit: str, lang: str = "en") -> str:
    """``2.5 mm``, ``1 month``, ``30`` (no unit); Spanish ``11 agujas``."""
    return f"{num(value)} {unit_for(value, unit, lang)}".strip()


def span(low: float, high: float, unit: str = "", lang: str = "en", hedge: bool = False) -> str:
    """``10 to 20 minutes``, or ``1 month`` when both ends are equal.

    Spanish: ``de 10 a 20 minutos``; after a hedge (``hedge=True``) ``10 a 20 minutos``.
    """
    if low == high:
        return amount(low, unit, lang)
    if lang == "es":
        return (f"{'' if hedge else 'de '}{num(low)} a {num(high)} {unit_for(high, unit, lang)}").strip()
    return f"{num(low)} to {num(high)} {unit}".strip()


def conjunction(conj: str, following: str, lang: str = "en") -> str:
    """``and``/``or`` in the language; Spanish "y" is "e" before an /i/ sound, "o" is "u" before an /o/ sound."""
    if lang != "es":
        return conj
    word = following.lower()
    if conj == "and":
        return "e" if re.match(r"h?i(?![aeouáéó])", word) else "y"
    return "u" if re.match(r"h?o", word) else "o"


def join(items: list[str], conj: str = "and", lang: str = "en") -> str:
    """``a``, ``a and b``, ``a, b and c``; Spanish ``a, b y c``."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction(conj, items[-1], lang)} {items[-1]}"


def every(interval: schema.Interval, lang: str = "en", hedge: bool = False) -> str:
    """``once a month``, ``every 3 to 6 months``; Spanish ``una vez al mes``, ``cada 3 a 6 meses``."""
    if interval.min == interval.max == 1:
        if lang == "es":
            return _ONCE_ES[interval.unit]
        return f"once a {unit_for(1, interval.unit)}"
    if lang == "es":
        return f"cada {span(interval.min, interval.max, interval.unit, lang, hedge=True)}"
    return f"every {span(interval.min, interval.max, interval.unit)}"


def one_each(unit: str, lang: str = "en") -> str:
    """One session per ``unit``, after a count of sessions: ``one every month``; Spanish ``una al mes``."""
    return _ONE_EACH_ES[unit] if lang == "es" else f"one every {unit_for(1, unit)}"


def hedged(qualifier: str | None, text: str, lang: str = "en") -> str:
    """``about 4 to 6 sessions``: the article's hedge goes with the value, always."""
    if qualifier and lang == "es":
        return f"{QUALIFIERS_ES[qualifier]} {text}"
    return f"{qualifier} {text}" if qualifier else text


def _sessions(fact: schema.ScheduleFact, lang: str) -> str:
    assert fact.sessions is not None
    return hedged(fact.qualifier, span(fact.sessions.min, fact.sessions.max, "sessions", lang,
                                       hedge=bool(fact.qualifier)), lang)


def schedule(fact: schema.ScheduleFact, lang: str = "en") -> str:
    """``4 to 6 sessions, once a month``; ``about 4 to 6 sessions``; ``every 3 to 6 months``.

    The qualifier hedges the count of sessions, or the interval when there is no count.
    """
    parts = []
    if fact.sessions:
        parts.append(_sessions(fact, lang))
    if fact.every:
        if fact.sessions and lang == "es" and fact.every.min == fact.every.max == 1:
            parts.append(one_each(fact.every.unit, lang))
        else:
            parts.append(every(fact.every, lang) if fact.sessions
                         else hedged(fact.qualifier, every(fact.every, lang), lang))
    return ", ".join(parts)


def _is_sentence(item: str) -> bool:
    """``Your face is cleansed.``, ``Do you use a mask?``: an item that is a whole sentence."""
    return item.rstrip("”’\"'").endswith((".", "?", "!"))


def items(fact: schema.ListFact, conj: str | None = None, lang: str = "en") -> str:
    """A list in a sentence; an ``examples`` list says so: ``such as legs, chest and buttocks``
    (Spanish ``como piernas, pecho y glúteos``).

    Items that are whole sentences are shown one after the other, not joined with commas
    ("cleansed., A numbing ..." would double the punctuation).
    """
    if all(_is_sentence(item) for item in fact.items):
        return " ".join(fact.items)
    text = join(list(fact.items), conj or fact.joined_by, lang)
    if fact.scope == "examples":
        return f"{'como' if lang == 'es' else 'such as'} {text}"
    return text


ARTICLE = "the article"
ARTICLE_ES = "el artículo"


def speaker(fact: schema.FactT, experts: dict[str, schema.Expert], lang: str = "en") -> str:
    """Who the article gives a fact to, as the pages name them: ``the article`` or ``Dr. Nazarian``;
    Spanish ``el artículo`` or ``la Dra. Nazarian`` (both doctors are women)."""
    if lang == "es":
        return ARTICLE_ES if fact.expert == "article" else f"la {experts[fact.expert].surname}"
    return ARTICLE if fact.expert == "article" else experts[fact.expert].surname


NOT_STATED = "not stated"
NOT_STATED_ES = "no se indica"


def not_stated(lang: str = "en") -> str:
    return NOT_STATED_ES if lang == "es" else NOT_STATED


def fact_text(fact: schema.FactT, part: str | None = None, lang: str = "en") -> str:
    """The value of any fact as inline text.

    ``part`` picks one piece: ``min``/``max`` of a range, ``note`` of a
    not-stated fact, ``sessions``/``every`` of a schedule.
    """
    if part is not None:
        return _part(fact, part, lang)
    if isinstance(fact, schema.NumberFact):
        return hedged(fact.qualifier, amount(fact.value, fact.unit, lang), lang)
    if isinstance(fact, schema.RangeFact):
        return hedged(fact.qualifier, span(fact.min, fact.max, fact.unit, lang, hedge=bool(fact.qualifier)), lang)
    if isinstance(fact, schema.TextFact):
        return fact.value
    if isinstance(fact, schema.ListFact):
        return items(fact, lang=lang)
    if isinstance(fact, schema.ScheduleFact):
        return schedule(fact, lang)
    return not_stated(lang)


PARTS = macrospecs.PARTS


def _part(fact: schema.FactT, part: str, lang: str = "en") -> str:
    if part not in PARTS.get(fact.kind, ()):
        allowed = ", ".join(PARTS.get(fact.kind, ())) or "none"
        raise ValueError(f"a {fact.kind} fact has no part '{part}' (parts: {allowed})")
    if isinstance(fact, schema.RangeFact):
        return amount(getattr(fact, part), fact.unit, lang)
    if isinstance(fact, schema.NotStatedFact):
        return fact.note
    if isinstance(fact, schema.ListFact):
        return items(fact, "or", lang)
    assert isinstance(fact, schema.ScheduleFact)
    if part == "sessions":
        return _sessions(fact, lang) if fact.sessions else not_stated(lang)
    if not fact.every:
        return not_stated(lang)
    return every(fact.every, lang) if fact.sessions else hedged(fact.qualifier, every(fact.every, lang), lang)


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
