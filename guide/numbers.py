"""Numbers written into text: digits, and number words that count something ("eleven needles").

Pages (``guide.pagecheck``) and the data file's words (labels, text values, list items, notes,
topics, the glossary and the Spanish wording) are held to the same rule: a number is a fact, and a
fact lives in ``data/facts.yml`` as a number, range or schedule, shown through the macros.
"""

from __future__ import annotations

import re
import unicodedata

WORDS: dict[str, float] = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "dozen": 12, "half": 0.5, "once": 1, "twice": 2,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
"""Number words checked in prose. "one" is left out ("one of", "one article"), as are ordinals ("first")."""

UNITS = ("needle", "needles", "mm", "millimeter", "millimeters", "millimetre", "millimetres", "minute", "minutes",
         "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "session", "sessions",
         "treatment", "treatments", "visit", "visits", "times", "percent")
"""A number word counts as a typed fact when one of these follows it within a few words
("eleven needles", "ten to twenty minutes", "four to six sessions") or "SPF" comes before it;
"two doctors" is just prose."""

WORDS_ES: dict[str, float] = {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
            "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
            "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40,
            "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
            "docena": 12, "medio": 0.5, "media": 0.5}
"""Spanish number words checked on the Spanish pages ("uno"/"una" are left out: "una vez", "una de")."""

UNITS_ES = ("aguja", "agujas", "mm", "milímetro", "milímetros", "minuto", "minutos", "hora", "horas", "día", "días",
            "semana", "semanas", "mes", "meses", "año", "años", "sesión", "sesiones", "tratamiento", "tratamientos",
            "visita", "visitas", "veces", "por ciento")

DIGITS = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])|[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u2079\u2080-\u2089\u2150-\u218b]+")
_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)
_UNIT_AFTER = re.compile(r"(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:" + "|".join(UNITS) + r")\b", re.I)
_SPF_BEFORE = re.compile(r"\bSPF\b(?:\s+\w+){0,3}\s*$", re.I)
NUMBER_WORDS: dict[str, tuple[dict[str, float], re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "en": (WORDS, _WORD, _UNIT_AFTER, _SPF_BEFORE),
    "es": (WORDS_ES, re.compile(r"\b(" + "|".join(WORDS_ES) + r")\b", re.I),
           re.compile(r"(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:" + "|".join(UNITS_ES) + r")\b", re.I),
           re.compile(r"\b(?:SPF|FPS)\b(?:\s+\w+){0,3}\s*$", re.I)),
}
ANY_DIGIT = re.compile(r"[\d\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u2079\u2080-\u2089\u2150-\u218b]+(?:[.,]\d+)*")
"""Any digit at all (``2nd``, ``x11`` too): for short texts in the data, where no digit belongs."""


def to_number(text: str) -> float | None:
    """``11``, ``2.5``, ``1,000``, ``½``: the value of digits found by ``DIGITS``, or ``None``."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    try:
        return sum(unicodedata.numeric(ch) for ch in text)  # ½, ², Ⅺ: still numbers
    except (TypeError, ValueError):
        return None


def typed_number(text: str, lang: str = "en") -> str | None:
    """The first number ``text`` states (any digit, or a number word before a unit or after "SPF"), or ``None``.

    "two doctors" states no number; "two sessions" does.
    """
    _, word_re, unit_after, spf_before = NUMBER_WORDS.get(lang, NUMBER_WORDS["en"])
    found = [*ANY_DIGIT.finditer(text), *(m for m in word_re.finditer(text)
                                          if unit_after.match(text, m.end()) or spf_before.search(text, 0, m.start()))]
    return min(found, key=lambda m: m.start()).group(0) if found else None
