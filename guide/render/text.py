"""Turn facts into plain text, in English (``lang="en"``, the default) or Spanish (``lang="es"``).

Pure functions, no markup. The words come from the edition's catalogue (``includes/strings/<lang>.yml``
beside this package: "the article", "not stated", "such as", the article's hedges, "and"/"or"); only the
number formats are here, one table per language (``NUMBER_FORMATS``: units and their plurals, a range, "once
a month"). Numbers keep the decimal point in both languages (0.5 mm), as MedlinePlus en español writes them
for US readers (CONTRIBUTING.md, "The Spanish edition").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guide.data import schema
from guide.render import catalogue, macrospecs

NUMBER_FORMATS: dict[str, dict[str, Any]] = {
    "en": {
        "units": {"minutes": ("minute", "minutes"), "months": ("month", "months"), "years": ("year", "years"),
                  "weeks": ("week", "weeks"), "days": ("day", "days"), "needles": ("needle", "needles"),
                  "sessions": ("session", "sessions")},
        "range": "{low} to {high} {unit}", "range_hedged": "{low} to {high} {unit}",
        "once": {"days": "once a day", "weeks": "once a week", "months": "once a month", "years": "once a year"},
        "every": "every {span}",
        "one_each": {"days": "one every day", "weeks": "one every week", "months": "one every month",
                     "years": "one every year"},
        "count_each": {"days": "once a day", "weeks": "once a week", "months": "once a month", "years": "once a year"},
    },
    "es": {
        "units": {"minutes": ("minuto", "minutos"), "months": ("mes", "meses"), "years": ("año", "años"),
                  "weeks": ("semana", "semanas"), "days": ("día", "días"), "needles": ("aguja", "agujas"),
                  "sessions": ("sesión", "sesiones")},
        # a hedged range drops its "de" ("alrededor de 4 a 6 sesiones"), and so does a range after "cada"
        "range": "de {low} a {high} {unit}", "range_hedged": "{low} a {high} {unit}",
        "once": {"days": "una vez al día", "weeks": "una vez a la semana", "months": "una vez al mes",
                 "years": "una vez al año"},
        "every": "cada {span}",
        # after a count of sessions: "de 4 a 6 sesiones, una al mes" (the "una" is a session; "una vez al mes" is a calque)
        "one_each": {"days": "una al día", "weeks": "una a la semana", "months": "una al mes", "years": "una al año"},
        "count_each": {"days": "una al día", "weeks": "una a la semana", "months": "una al mes", "years": "una al año"},
    },
}
"""How each language writes a number with its unit, a range, and an interval of one ("once a month"):
number formats, the one thing the render code keeps per language (with the dates, guide/data/lang.py)."""


def _formats(lang: str) -> dict[str, Any]:
    return NUMBER_FORMATS.get(lang, NUMBER_FORMATS["en"])


@functools.cache
def words(lang: str = "en") -> Mapping[str, Any]:
    """The catalogue of an edition (``includes/strings/<lang>.yml`` of this checkout), which the build checks
    (``guide.data.lang.load_strings``); English for a language the guide has no catalogue for."""
    import yaml

    folder = Path(__file__).resolve().parents[2] / "includes" / "strings"
    path = folder / f"{lang}.yml"
    if not path.is_file():
        path = folder / "en.yml"
    loaded: Mapping[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _say(lang: str, key: str, **values: object) -> str:
    return catalogue.text(str(words(lang)[key]), **values)


def num(value: float) -> str:
    """``11`` for 11.0, ``0.5`` for 0.5."""
    return schema.num(value)


def unit_for(value: float, unit: str, lang: str = "en") -> str:
    """The unit, singular when the value is exactly 1."""
    one, many = _formats(lang)["units"].get(unit, (unit, unit))
    return str(one if value == 1 else many)


def amount(value: float, unit: str, lang: str = "en") -> str:
    """``2.5 mm``, ``1 month``, ``30`` (no unit); Spanish ``11 agujas``."""
    return f"{num(value)} {unit_for(value, unit, lang)}".strip()


def span(low: float, high: float, unit: str = "", lang: str = "en", hedge: bool = False) -> str:
    """``10 to 20 minutes``, or ``1 month`` when both ends are equal.

    Spanish: ``de 10 a 20 minutos``; after a hedge (``hedge=True``) ``10 a 20 minutos``.
    """
    if low == high:
        return amount(low, unit, lang)
    form = _formats(lang)["range_hedged" if hedge else "range"]
    return str(form).format(low=num(low), high=num(high), unit=unit_for(high, unit, lang)).strip()


def conjunction(conj: str, following: str, lang: str = "en") -> str:
    """``and``/``or`` in the language (catalogue ``list_and``, ``list_or``); before an /i/ or /o/ sound, the
    catalogue's ``list_and_i`` and ``list_or_o`` (Spanish "e", "u"; English the same "and", "or")."""
    word = following.lower()
    if conj == "and":
        return str(words(lang)["list_and_i" if re.match(r"h?i(?![aeouáéó])", word) else "list_and"])
    return str(words(lang)["list_or_o" if re.match(r"h?o", word) else "list_or"])


def join(items: list[str], conj: str = "and", lang: str = "en") -> str:
    """``a``, ``a and b``, ``a, b and c``; Spanish ``a, b y c``. Items with a comma or an "and" of their own are
    set apart with semicolons ("it builds collagen and thickens the skin; and skin stays smooth": the sixth
    readers' review read the run of "and"s as one sentence)."""
    if len(items) == 1:
        return items[0]
    own = {str(words(lang)[key]) for key in ("list_and", "list_or")}
    if any("," in item or own & set(item.split()) for item in items):  # items that hold a list of their own
        return f"{'; '.join(items[:-1])}; {conjunction(conj, items[-1], lang)} {items[-1]}"  # "a and b; and c"
    return f"{', '.join(items[:-1])} {conjunction(conj, items[-1], lang)} {items[-1]}"


def every(interval: schema.Interval, lang: str = "en", hedge: bool = False) -> str:
    """``once a month``, ``every 3 to 6 months``; Spanish ``una vez al mes``, ``cada 3 a 6 meses``."""
    if interval.min == interval.max == 1:
        return str(_formats(lang)["once"][interval.unit])
    return str(_formats(lang)["every"]).format(span=span(interval.min, interval.max, interval.unit, lang, hedge=True))


def one_each(unit: str, lang: str = "en") -> str:
    """One session per ``unit``, after a count of sessions: ``one every month``; Spanish ``una al mes``."""
    return str(_formats(lang)["one_each"][unit])


def hedged(qualifier: str | None, text: str, lang: str = "en") -> str:
    """``about 4 to 6 sessions``: the article's hedge goes with the value, always (catalogue ``hedge_about`` ...)."""
    return _say(lang, "hedge_" + qualifier.replace(" ", "_"), value=text) if qualifier else text


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
        if fact.sessions and fact.every.min == fact.every.max == 1:
            parts.append(str(_formats(lang)["count_each"][fact.every.unit]))
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
        return _say(lang, "such_as", items=text)
    return text


ARTICLE = "the article"
"""How the editor's messages (in English) name the article as a speaker; the pages say the catalogue's
``speaker_article``."""


def speaker(fact: schema.FactT, experts: dict[str, schema.Expert], lang: str = "en") -> str:
    """Who the article gives a fact to, as the pages name them: ``the article`` or ``Dr. Nazarian``;
    Spanish ``el artículo`` or ``la Dra. Nazarian`` (catalogue ``speaker_article``, ``speaker_expert``)."""
    if fact.expert == "article":
        return str(words(lang)["speaker_article"])
    return _say(lang, "speaker_expert", surname=experts[fact.expert].surname)


NOT_STATED = "not stated"
"""What a value the article does not give shows in the editor's reports (English); the pages say the
catalogue's ``not_stated``."""


def not_stated(lang: str = "en") -> str:
    return str(words(lang)["not_stated"])


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
