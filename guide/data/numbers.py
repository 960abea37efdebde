"""Numbers in text: which ones state a clinical figure ("eleven needles", "SPF 30", "2.5 mm").

A figure is a fact: it lives in ``data/facts.yml`` as a number, range or schedule and reaches pages
through the macros. So the page check (``guide.content.rendered``, on what Markdown makes of a page, with
character references decoded) refuses a number that counts a unit, and the data's words refuse any
digit at all. Ordinary writing builds: "24/7" (and "las 24 horas, los 7 días de la semana"), "step 1", "at 9 am", "two doctors", "one of the",
"half of the advice", "the first step", "a few days", "open 9 to 5", "leave half an hour before you leave home".
A count before the noun a fact list names its items by ("the 3 questions") must be that list's
(:func:`list_counts`).

What counts as a figure (:func:`claims`), in English and in Spanish:

* a number of any kind before a unit, at any distance inside the phrase: digits (``11``, ``25mm``,
  ``.5``), any character with a numeric value (``⑫``, ``½``, ``Ⅻ``), a Roman numeral (``XII``), a
  number word (``eleven``, ``once``, ``twice``, ``a dozen``, ``a couple of``, ``half``): "twelve very
  tiny sharp needles", "three fortnights", "ten to twenty minutes", "half an hour";
* a unit before a number ("a day or two", "week 2");
* a counting word: "a dozen", "a couple of", "una docena", "una decena", "un par de", and a unit that is a
  number of units ("every fortnight", "cada quincena", "cada semestre", "a la quincena", "al mes");
* a number after SPF ("SPF 30", "SPF15", "SPF of thirty");
* an ordinal after "every" before a unit ("every 3rd month");
* a decimal or a fraction anywhere ("2.5", "½").

A phrase ends at sentence punctuation, at a word that starts a new phrase (the, of, is, says, que...)
and, in English, at a plural word (the noun the number counts: "two doctors ... needles" counts
doctors). The text is read once, left to right and right to left: linear time, whatever the input.

A page is held to :func:`page_claims`, which reads each sentence for what it is about: in a sentence
about the treatment or its course (``CLINICAL``: healing, numbing, the sun, products, sessions, waiting)
a length of time said in words is a figure too ("avoid the sun for a week", "heals over several weeks");
a time or a share of the reader's own arrangements (``EVERYDAY``: a chat, a call, questions, a choice)
is not ("a free 10-minute chat", "100% your choice").
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from confusable_homoglyphs import confusables

# --- words -----------------------------------------------------------------------

WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "dozens": 12, "half": 0.5, "quarter": 0.25, "once": 1, "twice": 2, "thrice": 3, "couple": 2, "pair": 2,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
WORDS.update({tens + one: WORDS[tens] + WORDS[one] for tens in _TENS for one in _ONES})  # "fortyeight"
WORDS.update({"thirds": 1 / 3, "quarters": 0.25})
"""English number words. They count only before a unit ("one of them", "two doctors" are prose); "one"
only before a unit of time ("wait one day"; "each dot is one session" is prose)."""
WORDS_ES: dict[str, float] = {
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "mil": 1000,
    "docena": 12, "medio": 0.5, "media": 0.5, "par": 2, "quincena": 15, "decena": 10, "decenas": 10, "veintena": 20,
    "centenar": 100, "centenares": 100, "millar": 1000, "docenas": 12,
}
WORDS_ES.update({"veintiuno": 21, "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
                 "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
                 "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "tercio": 1 / 3, "tercios": 1 / 3})
"""Spanish number words ("uno", "un", "una" are left out: "una vez al mes" reads as prose, as "a" does)."""
NUMBER_WORDS = {"en": WORDS, "es": WORDS_ES}
COUNT_WORDS: dict[str, dict[str, int]] = {
    "en": {"no": 0, "none": 0, "zero": 0, "one": 1},
    "es": {"ninguna": 0, "ninguno": 0, "ningún": 0, "cero": 0, "una": 1, "uno": 1, "un": 1},
}
"""Words for none and one, which WORDS and WORDS_ES leave out or read otherwise ("once" is eleven in Spanish)."""


def count_value(word: str, lang: str) -> int | None:
    """The number a word counts, as the strings' ``count_words`` use it ("three" is 3, "una" is 1), or ``None``."""
    low = word.strip().lower()
    zero_one = COUNT_WORDS.get(lang, COUNT_WORDS["en"])
    if low in zero_one:
        return zero_one[low]
    if low in _NOT_COUNTS or (lang == "en" and low in FREQUENCY):
        return None  # "twice", "a dozen", "half": not how a count is said
    value = NUMBER_WORDS.get(lang, WORDS).get(low)
    return int(value) if value is not None and value == int(value) else None


_NOT_COUNTS = frozenset({"couple", "pair", "dozen", "half", "quarter", "hundred", "thousand", "docena", "par", "medio",
                         "media", "quincena", "ciento", "thirds", "quarters", "tercio", "tercios", "decena", "decenas",
                         "veintena", "centenar", "centenares", "millar", "docenas", "dozens"})

UNITS: dict[str, str] = {
    **dict.fromkeys(("needle", "needles", "microneedle", "microneedles", "needlet", "needlets", "pin", "pins", "prong",
                     "prongs", "spike", "spikes"), "needles"),
    **dict.fromkeys(("mm", "millimeter", "millimeters", "millimetre", "millimetres"), "mm"),
    **dict.fromkeys(("cm", "centimeter", "centimeters", "centimetre", "centimetres"), "cm"),
    **dict.fromkeys(("inch", "inches"), "inches"),
    **dict.fromkeys(("second", "seconds", "sec", "secs"), "seconds"),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "minutes"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), "hours"),
    **dict.fromkeys(("day", "days"), "days"),
    **dict.fromkeys(("night", "nights"), "nights"),
    **dict.fromkeys(("week", "weeks", "wk", "wks"), "weeks"),
    **dict.fromkeys(("fortnight", "fortnights"), "fortnights"),
    **dict.fromkeys(("month", "months", "mo", "mos", "semester", "semesters", "trimester", "trimesters"), "months"),
    **dict.fromkeys(("year", "years", "yr", "yrs", "decade", "decades"), "years"),
    **dict.fromkeys(("session", "sessions", "treatment", "treatments", "visit", "visits", "appointment",
                     "appointments", "round", "rounds"), "sessions"),
    **dict.fromkeys(("time", "times"), "times"),
    **dict.fromkeys(("percent", "%"), "percent"),
}
"""Units a number counts, each as data/facts.yml writes a unit ("hours" is not "minutes", "cm" not "mm"): a
message names a fact only when its number and unit are the typed ones."""
UNITS_ES: dict[str, str] = {
    **dict.fromkeys(("aguja", "agujas", "agujita", "agujitas", "microaguja", "microagujas", "punta", "puntas", "púa",
                     "púas"), "needles"),
    **dict.fromkeys(("mm", "milímetro", "milímetros"), "mm"),
    **dict.fromkeys(("cm", "centímetro", "centímetros"), "cm"),
    **dict.fromkeys(("pulgada", "pulgadas"), "inches"),
    **dict.fromkeys(("segundo", "segundos", "seg"), "seconds"),
    **dict.fromkeys(("minuto", "minutos", "min"), "minutes"),
    **dict.fromkeys(("hora", "horas", "h"), "hours"),
    **dict.fromkeys(("día", "días"), "days"),
    **dict.fromkeys(("noche", "noches"), "nights"),
    **dict.fromkeys(("semana", "semanas", "sem"), "weeks"),
    **dict.fromkeys(("quincena", "quincenas"), "fortnights"),
    **dict.fromkeys(("mes", "meses", "bimestre", "bimestres", "trimestre", "trimestres", "cuatrimestre", "cuatrimestres",
                     "semestre", "semestres"), "months"),
    **dict.fromkeys(("año", "años", "lustro", "lustros", "década", "décadas", "decenio", "decenios"), "years"),
    **dict.fromkeys(("sesión", "sesiones", "tratamiento", "tratamientos", "visita", "visitas"), "sessions"),
    **dict.fromkeys(("vez", "veces"), "times"),
    **dict.fromkeys(("%", "porciento"), "percent"),
}
UNIT_WORDS = {"en": UNITS, "es": UNITS_ES}

ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                      "eleventh", "twelfth", "primer", "primero", "primera", "segundo", "segunda", "tercer", "tercero",
                      "tercera", "cuarto", "cuarta", "quinto", "quinta", "sexto", "sexta"})
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th", "º", "ª", "o", "a", "er"})
EVERY = frozenset({"every", "cada"})
SPF = frozenset({"spf", "fps", "factor"})
"""A sun protection factor, however written: "SPF 30", "S.P.F. 30", "sun protection factor 30", "factor 30"."""
_FRACTIONS = {"third": 1 / 3, "fourth": 0.25, "fifth": 0.2, "cuarto": 0.25, "quinto": 0.2}
"""Ordinals that are fractions after "a" and before "of": "a third of an hour", "un cuarto de hora"."""
_ONE = frozenset({"a", "an", "one", "un", "una"})

# How a phrase goes on between a number and its unit: ranges ("ten to twenty", "4-6"), "a" ("half an hour",
# "once a month"), and in Spanish "de 10 a 20", "al mes", "por semana".
_JOIN = {
    "en": frozenset({"to", "or", "and", "a", "an", "per", "-", "–", "—", "/", "(", ")", ",", "\"", "“", "”", "'", "’"}),
    "es": frozenset({"a", "o", "u", "y", "e", "al", "por", "un", "una", "-", "–", "—", "/", "(", ")", ",", "\"", "“",
                     "”", "«", "»"}),
}
# Between a unit and a number that follows it ("a day or two", "week 2").
_JOIN_AFTER_UNIT = {"en": frozenset({"or", "to", "-", "–", "/", "and"}), "es": frozenset({"o", "u", "a", "-", "–", "/", "y"})}
# Words that start a new phrase: the number before them counts something else.
_BREAK = {
    "en": frozenset("""the this that these those my your his her its our their who whom whose which what when where why
        how is are was were be been being am has have had do does did can could will would should may might must shall
        in on at by for from with without about into onto over under between after before during than then as if not no
        nor so but says said say tells told explains explained adds added notes noted recommends suggests of off out up
        it they we you he she there here because while until since though although each every per""".split()) - {"per"},
    "es": frozenset("""el la los las lo le les de del que en con para sin sobre entre tras desde hasta durante antes
        después como cuando donde si no ni pero porque aunque es son era eran fue fueron ser está están estaba estar ha
        han había hay se su sus mi mis tu tus nuestro nuestra este esta estos estas ese esa esos esas dice dicen dijo
        explica recomienda sugiere añade cada ya""".split()),
}
_STOP_PUNCT = frozenset(".!?;:…")

# --- tokens ----------------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
"""Digits (with decimal or thousands marks), runs of letters, or one other visible character: each match
is at least one character and patterns never overlap, so reading a text is linear in its length."""
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@dataclass(frozen=True)
class Claim:
    """A number that states a figure: where it is in the text, as written, its value, and the unit it counts."""

    start: int
    end: int
    word: str
    value: float | None
    unit: str | None  # the data's unit it compares with ("needles", "mm", "minutes" ...), or None


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # "num", "ord", "unit", "spf", "join", "break", "stop", "word", "every"
    value: float | None = None
    unit: str | None = None


def _roman(text: str) -> float | None:
    if len(text) > 15 or not text.isupper() or not _ROMAN.fullmatch(text):
        return None
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total += -value if value < prev else value
        prev = max(prev, value)
    return float(total) if total else None


def _numeric(text: str) -> float | None:
    """``11``, ``2.5``, ``1,000``, ``½``, ``⑫``, ``²``: the value of a run of digits or of numeric characters."""
    try:
        return float(text.replace(",", "")) if "," in text and re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else \
            float(text.replace(",", "."))
    except ValueError:
        pass
    try:
        return sum(unicodedata.numeric(ch) for ch in text)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """``char`` as it looks: its NFKC form when that is one character (a full-width '１' is '1'), a letter
    confusable with a Latin one made Latin (Cyrillic 'Р' is 'P'), else ``char``."""
    if char.isascii():
        return char
    nfkc = unicodedata.normalize("NFKC", char)
    if len(nfkc) == 1 and nfkc != char:
        return _latin(nfkc)
    if char.isalpha():
        found = confusables.is_confusable(char, preferred_aliases=["latin"])
        for glyph in found[0]["homoglyphs"] if found else ():
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                return str(glyph["c"])
    return char


_SPF_SPELLED = re.compile(r"\b(?:s\.\s?p\.\s?f\.?|sun[\s-]+protection[\s-]+factor|f\.\s?p\.\s?s\.?"
                          r"|factor\s+de\s+protecci[oó]n(?:\s+solar)?)(?!\w)", re.I)


def look(text: str) -> str:
    """``text`` as a reader sees it, character for character (the same length, so places carry over):
    look-alike letters and digits made plain, and a sun protection factor spelt out or with dots
    ("S.P.F.", "sun protection factor") written "SPF"."""
    plain = "".join(_latin(ch) for ch in text)
    return _SPF_SPELLED.sub(lambda m: "SPF".ljust(len(m[0])), plain)


def _pieces(text: str) -> list[tuple[int, str]]:
    """``_TOKEN``'s matches, with a run of letters split around each numeric character in it
    ("⑫needles", "Ⅻ": letters to the regular expression, numbers to a reader)."""
    out: list[tuple[int, str]] = []
    for match in _TOKEN.finditer(text):
        raw, start = match[0], match.start()
        if raw[0].isdecimal() or len(raw) == 1 or not any(unicodedata.numeric(ch, None) is not None for ch in raw):
            out.append((start, raw))
            continue
        run = 0
        for i, ch in enumerate(raw):
            if unicodedata.numeric(ch, None) is not None:
                if i > run:
                    out.append((start + run, raw[run:i]))
                out.append((start + i, ch))
                run = i + 1
        if run < len(raw):
            out.append((start + run, raw[run:]))
    return out


FREQUENCY = frozenset({"once", "twice", "thrice"})
"""Counts of times: "twice in a week" states a figure though "in" starts a phrase."""
_TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "nights", "weeks", "fortnights", "months", "years"})
"""Units of a length of time: "one" counts only before these ("wait one day"; "one session" is prose)."""


def _tokens(text: str, lang: str) -> list[_Tok]:
    """``text``'s tokens (shared: claims, runs and named_figures read one text's tokens, never change them)."""
    return _tokens_cached(text, lang)


@functools.lru_cache(maxsize=64)
def _tokens_cached(text: str, lang: str) -> list[_Tok]:
    out = _read_pieces(text, lang)
    _phrases_of(out)
    _second_as_ordinal(out)
    for tok in out:
        tok.text = text[tok.start:tok.end]  # as written: the message quotes the page
    return out


def _read_pieces(text: str, lang: str) -> list[_Tok]:
    """Each piece of ``text`` as a token of its kind, alone or with the one before it ("3rd", ".5")."""
    words, units = NUMBER_WORDS.get(lang, WORDS), UNIT_WORDS.get(lang, UNITS)
    joins, breaks = _JOIN.get(lang, _JOIN["en"]), _BREAK.get(lang, _BREAK["en"])
    out: list[_Tok] = []
    for start, raw in _pieces(look(text)):
        match_end = start + len(raw)
        low = raw.lower()
        tok = _Tok(start, match_end, raw, "word")
        if raw[0].isdecimal():
            tok.kind, tok.value = "num", _numeric(raw)
        elif len(raw) == 1 and unicodedata.numeric(raw, None) is not None:
            tok.kind, tok.value = "num", unicodedata.numeric(raw)
        elif low in units:
            tok.kind, tok.unit = "unit", units[low]
        elif low in words:
            tok.kind, tok.value = "num", words[low]
        elif low in ORDINALS:
            tok.kind = "ord"
        elif low in EVERY:
            tok.kind = "every"
        elif low in SPF:
            tok.kind = "spf"
        elif raw != "I" and _roman(raw) is not None:
            tok.kind, tok.value = "num", _roman(raw)
        elif low in joins:
            tok.kind = "join"
        elif raw in _STOP_PUNCT or low in breaks:
            tok.kind = "stop"
        elif lang == "en" and len(low) > 3 and low.endswith(("s", "s'")) and not low.endswith(("ss", "us", "is", "ous")):
            tok.kind = "stop"  # a plural: the noun this phrase's number counts
        # digits glued to letters: "3rd" (an ordinal), "25mm" (a unit), "SPF15"
        if out and out[-1].end == tok.start:
            prev = out[-1]
            if prev.kind == "num" and prev.text[0].isdecimal() and low in _ORDINAL_SUFFIX:
                prev.kind, tok.kind = "ord", "join"
            elif lang == "es" and low in ("º", "ª", "o", "a", "er") and prev.text == "." and len(out) > 1 and out[-2].kind == "num" \
                    and out[-2].end == prev.start and out[-2].text[0].isdecimal():
                out[-2].kind, prev.kind, tok.kind = "ord", "join", "join"  # "2.º piso", "2.ª planta": Spanish's ordinal
        if tok.kind == "num" and out and out[-1].kind == "stop" and out[-1].text == "." and out[-1].end == tok.start \
                and raw[0].isdecimal() and not (len(out) > 1 and out[-2].end == out[-1].start and out[-2].kind == "num"):
            out[-1].kind = "join"  # ".5": the dot belongs to the number
            tok.start, tok.text, tok.value = out[-1].start, "." + raw, _numeric("0." + raw)
        out.append(tok)
    return out


def _phrases_of(out: list[_Tok]) -> None:
    """"a couple of", "a pair of", "un par de": "of"/"de" goes on with the phrase; so does "of" before a unit
    ("half of an hour", "a third of a day"), and "a third of" is a fraction."""
    for i in range(len(out) - 1):
        low, after = out[i].text.lower(), out[i + 1].text.lower()
        if after not in ("of", "de"):
            continue
        if low in ("couple", "pair", "par", "dozen", "docena"):
            out[i + 1].kind = "join"
        if low in _FRACTIONS and i > 0 and out[i - 1].text.lower() in _ONE:
            out[i].kind, out[i].value = "num", _FRACTIONS[low]
        following = out[i + 2:i + 4]
        if following and following[0].text.lower() in _ONE and len(following) > 1:
            following = following[1:]
        if following and following[0].kind == "unit":
            out[i + 1].kind = "join"


def _second_as_ordinal(out: list[_Tok]) -> None:
    """"a second pair of ears", "un segundo par": "second" before a word is the ordinal, not the unit
    ("wait a second.", "30 second", "a second or two" stay units)."""
    for i in range(1, len(out) - 1):
        if out[i].kind == "unit" and out[i].text.lower() in _SECOND and out[i - 1].kind != "num" \
                and out[i + 1].kind in ("word", "num", "unit", "ord") and out[i + 1].text[:1].isalpha():
            out[i].kind, out[i].unit = "ord", None

_SECOND = frozenset({"second", "segundo"})


def claims(text: str, lang: str = "en") -> list[Claim]:
    """Every figure ``text`` states (see the module's docstring), in order: each by its first number
    ("ten to twenty minutes" is one figure, given as 'ten')."""
    toks = _tokens(text, lang)
    reach, ahead, unit_at = _units_ahead(toks)
    counted: set[int] = set()
    out: list[Claim] = []
    lowered = [t.text.lower() for t in toks]
    clock = round_the_clock(text, lang, toks, lowered)
    after_unit: str | None = None  # left to right: a unit, then only "or"/"to"/"-": "a day or two"
    joins_after = _JOIN_AFTER_UNIT.get(lang, _JOIN_AFTER_UNIT["en"])
    spf_at = -10
    every_at = -10
    for i, tok in enumerate(toks):
        unit: str | None = None
        claim = False
        if i in clock:
            after_unit = None  # "24/7" said in words: no figure, and no unit for what follows
            continue
        if tok.kind == "num":
            if lang == "en" and tok.text.lower() in FREQUENCY:
                near = next((t for t in toks[i + 1:i + 4] if t.kind == "unit" or t.text in _STOP_PUNCT
                             or t.text.lower() in _A_PARTICULAR), None)
                # ("once a night" is how often; "once the night before" is when: the fourteenth new-editor trial)
                if near is not None and near.kind == "unit" and near.unit in _TIME_UNITS:
                    out.append(Claim(tok.start, tok.end, tok.text, tok.value, near.unit))
                    continue
            if reach[i + 1] and (tok.text.lower() != "one" or ahead[i + 1] in _TIME_UNITS):
                if unit_at[i + 1] in counted:
                    continue  # the second number of a range: one figure, reported once
                counted.add(unit_at[i + 1])
                claim, unit = True, ahead[i + 1]
            elif after_unit is not None and not (after_unit == "hours" and _opening_hours(toks, i, lowered)):
                claim, unit = True, after_unit  # ("Hours: 9 to 5" labels opening hours: no figure of hours)
            elif i - spf_at <= 4:
                claim, unit = True, ""
            elif tok.text[0].isdecimal() and ("." in tok.text or ("," in tok.text and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", tok.text))):
                claim = True  # a decimal: "2.5"
            elif len(tok.text) == 1 and not tok.text.isdecimal() and unicodedata.numeric(tok.text, 1) % 1:
                claim = True  # a fraction: "½"
            elif _before_spf(toks, i):
                claim, unit = True, ""  # "30 SPF", "30+ SPF", "a thirty SPF"
        elif tok.kind == "ord" and i - every_at <= 2 and reach[i + 1]:
            claim, unit = True, ahead[i + 1]
        if not claim and _numeral(tok) and not ordinary(toks, i, lang, low=lowered):
            claim = True  # a numeral in no ordinary use: "The tip has 11 of them", "Needles: 11"
        if claim:
            out.append(Claim(tok.start, tok.end, tok.text, tok.value, unit))
        if tok.kind == "spf":
            spf_at = i
        elif tok.kind == "every":
            every_at = i
        if tok.kind == "unit":
            after_unit = tok.unit
        elif not (tok.kind == "join" and tok.text.lower() in joins_after) and tok.kind != "num" and \
                not (tok.text == ":" and i and toks[i - 1].kind == "unit"):  # "Needles: eleven"
            after_unit = None
    return sorted(out + _one_said_plainly(toks, lowered), key=lambda c: c.start)



def _units_ahead(toks: list[_Tok]) -> tuple[list[bool], list[str | None], list[int]]:
    """Read right to left: from each token on, does a unit follow inside the phrase (``reach``), which unit
    (``ahead``), and at which token (``unit_at``: "ten to twenty minutes" is one figure)? One more entry than
    ``toks``, for the end."""
    n = len(toks)
    ahead: list[str | None] = [None] * (n + 1)
    reach: list[bool] = [False] * (n + 1)
    unit_at: list[int] = [-1] * (n + 1)
    for i in range(n - 1, -1, -1):
        kind = toks[i].kind
        if kind == "unit":
            reach[i], ahead[i], unit_at[i] = True, toks[i].unit, i
        elif kind in ("stop", "spf", "every"):
            reach[i] = False
        else:  # num, ord, join, word
            reach[i], ahead[i], unit_at[i] = reach[i + 1], ahead[i + 1], unit_at[i + 1]
    return reach, ahead, unit_at

_A_PARTICULAR = frozenset({"the", "this", "that", "el", "la", "esa", "ese", "esta", "este"})
"""Before a unit, a particular one: "once the night before" says when, not how often ("twice in a week" stays a figure)."""
_SINGLE = frozenset({"single", "sola", "solo", "única", "unica"})
_ONLY = frozenset({"only", "just", "solo", "sólo"})
_APART = (("apart",), ("de", "separación"), ("de", "separacion"), ("de", "diferencia"))


def _one_said_plainly(toks: list[_Tok], lowered: list[str]) -> list[Claim]:
    """A figure of one said without the word "one" alone (the fifth no-hints attack): "a single session", "only one
    treatment", "you only need one session", "una sola sesión" (a number of sessions), and "a month apart", "un mes de separación" (the time
    between them). "one session" alone, "only a session", "una sesión" (Spanish for "a session") and "a month" stay
    words."""
    out = []
    for i, tok in enumerate(toks):
        if tok.kind != "unit" or i < 1:
            continue
        pair = tuple(lowered[max(0, i - 2):i])
        said = len(pair) == 2 and ((pair[0] in _ONE and pair[1] in _SINGLE) or (
            pair[1] in ("one", "un", "una") and any(w in _ONLY for w in lowered[max(0, i - 4):i - 1])))
        if tok.unit == "sessions" and said:
            out.append(Claim(toks[i - 2].start, tok.end, " ".join(t.text for t in toks[i - 2:i + 1]), 1, "sessions"))
        elif tok.unit in _TIME_UNITS and lowered[i - 1] in _ONE and any(
                tuple(lowered[i + 1:i + 1 + len(words)]) == words for words in _APART):
            out.append(Claim(toks[i - 1].start, tok.end, f"{toks[i - 1].text} {tok.text}", 1, tok.unit))
    return out


_CLOCK_HOURS = frozenset({"hours", "horas"})
_CLOCK_DAY = {("a", "day"), ("per", "day"), ("al", "día"), ("al", "dia"), ("del", "día"), ("del", "dia"), ("por", "día"),
              ("por", "dia")}
_CLOCK_DAYS = frozenset({"days", "días", "dias"})
_CLOCK_WEEK = (("a", "week"), ("per", "week"), ("a", "la", "semana"), ("de", "la", "semana"), ("por", "semana"),
               ("cada", "semana"))


def round_the_clock(text: str, lang: str, toks: Sequence[_Tok], low: Sequence[str]) -> set[int]:
    """The tokens of "24/7" said in words, in a sentence about nothing clinical (``CLINICAL``): "Llame a
    la clínica las 24 horas, los 7 días de la semana", "24 horas al día y 7 días a la semana", "24 hours a
    day, 7 days a week". Each part alone stays a figure ("Evite el sol 24 horas", "Espere 7 días"), and so
    does the whole phrase in a sentence about the treatment or its course, where it could hide one ("Evite
    el sol 24 horas, y los 7 días de la semana...")."""
    out: set[int] = set()
    sentences = _sentences(text, lang)
    n = len(toks)

    def at(j: int) -> str:
        return low[j] if 0 <= j < n else ""

    for i, tok in enumerate(toks):
        if tok.kind != "num" or tok.value != 24 or at(i + 1) not in _CLOCK_HOURS:
            continue
        j = i + 2
        if (at(j), at(j + 1)) in _CLOCK_DAY:
            j += 2
        if at(j) == ",":
            j += 1
        if at(j) in ("and", "y"):
            j += 1
        if at(j) == "los":
            j += 1
        if j == i + 2 or j >= n or toks[j].kind != "num" or toks[j].value != 7 or at(j + 1) not in _CLOCK_DAYS:
            continue
        j += 2
        week = next((len(words) for words in _CLOCK_WEEK if tuple(at(j + k) for k in range(len(words))) == words), 0)
        if week and not sentences.clinical[sentences.at(tok.start)]:
            out.update(range(i - 1 if at(i - 1) == "las" else i, j + week))
    return out


def _before_spf(toks: list[_Tok], i: int) -> bool:
    after = [t for t in toks[i + 1:i + 3] if t.text != "+"]
    return bool(after) and after[0].kind == "spf"


def _numeral(tok: _Tok) -> bool:
    """Written in digits or numeric characters (``11``, ``3rd``, ``⑫``), not in words or Roman letters
    ("eleven", "vitamin C")."""
    return tok.kind in ("num", "ord") and bool(tok.text) and unicodedata.numeric(tok.text.lstrip(".")[:1], None) is not None


# --- numerals in ordinary writing ------------------------------------------------------

LABELS = frozenset("""step steps chapter chapters page pages door room floor suite bus line number code exit gate
    platform route part section question questions item items version call dial nº paso pasos capítulo capítulos página páginas puerta
    sala piso planta autobús línea número código parte sección pregunta preguntas llame marque""".split())
"""Words a numeral names or labels, not counts: "step 1", "Chapter 3", "page 2", "door 7", "Call 911"."""
COUNTED = frozenset("""question questions tip tips doctor doctors expert experts reason reasons thing things step steps
    page pages idea ideas place places clinic clinics office offices provider providers friend friends option options
    pregunta preguntas consejo consejos médica médicas médico médicos doctora doctoras experta
    expertas razón razones cosa cosas paso pasos página páginas lugar lugares clínica clínicas consultorio consultorios
    amigo amigos amiga amigas opción opciones""".split())
"""Things a numeral may count in prose ("your 3 main questions", "the top 3 tips", "calling 2 or 3 places": the
eleventh new-editor trial): none of them clinical."""
_CLOCK = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "o’clock"})
_DAYTIME = frozenset({"morning", "afternoon", "evening", "night", "mañana", "tarde", "noche", "madrugada"})
_STREET = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
                     "way", "place", "plaza", "square"})
_STREET_ES = frozenset({"calle", "avenida", "plaza", "paseo"})
_RANGE_OF = frozenset({"of", "de", "to", "a", "-", "–", "and", "y", "or", "o"})
_BEFORE_LABELLED = frozenset({"#", "nº", "n", "°", "al", "number", "número"})


def ordinary(toks: list[_Tok], i: int, lang: str = "en", ranges: bool = True, low: list[str] | None = None) -> bool:
    """Is the numeral at ``toks[i]`` one of prose's ordinary uses, none of them a clinical figure?

    A time of day ("9 am", "9:30", "a las 9", "at 9 in the morning"), "24/7", a label ("step 1",
    "Chapter 3", "page 2", "door 7", "Call 911", "Step 3 of 5"), a year ("in 2020"), an ordinal written
    in digits ("the 2nd step"), a street number ("42 Main Street"), or a count of questions, tips or
    doctors ("your 3 main questions")."""
    tok = toks[i]
    low = [t.text.lower() for t in toks] if low is None else low  # the caller's, once per text: linear time
    whole = tok.text.isdecimal() and tok.value is not None
    value = tok.value if tok.value is not None else -1.0

    if tok.kind == "ord":
        return True  # "the 2nd step" ("every 3rd month" is a figure, found before this)
    if not whole:
        return False
    if _time_of_day(toks, i, low, value) or _opening_hours(toks, i, low) or _labelled(toks, i, low):
        return True
    # the other end of an ordinary range: "Step 3 of 5", "Questions 1 to 3", "de 9 a 10 de la mañana"
    for j in (i - 2, i + 2) if ranges else ():
        if 0 <= j < len(toks) and low[(i + j) // 2] in _RANGE_OF and toks[j].kind == "num" and len(toks[j].text) < 4 \
                and _numeral(toks[j]) and ordinary(toks, j, lang, False, low):
            return True
    # a year
    if len(tok.text) == 4 and 1900 <= value <= 2100:
        return True
    if _street_number(toks, i, low):
        return True
    # a count of questions, tips, doctors: "your 3 main questions"
    for k in range(i + 1, min(i + 4, len(toks))):
        if low[k] in COUNTED:
            return True
        if toks[k].kind != "word":
            break
    return False


def _time_of_day(toks: list[_Tok], i: int, low: list[str], value: float) -> bool:
    """Is the whole number ``toks[i]`` (of ``value``) part of a time of day ("9 am", "9:30", "a las 9", "at 9 in
    the morning") or of "24/7"?"""
    def at(j: int) -> str:
        return low[j] if 0 <= j < len(low) else ""

    def glued(j: int) -> bool:  # toks[j] and toks[j + 1] written together
        return 0 <= j < len(toks) - 1 and toks[j].end == toks[j + 1].start

    if value <= 24 and at(i + 1) == ":" and glued(i) and toks[i + 2:i + 3] and len(toks[i + 2].text) == 2 \
            and toks[i + 2].text.isdecimal():
        return True
    if len(toks[i].text) == 2 and at(i - 1) == ":" and glued(i - 1) and i > 1 and toks[i - 2].text.isdecimal() \
            and (toks[i - 2].value or 99) <= 24:
        return True
    if value <= 12 and (at(i + 1) in _CLOCK or (at(i + 1) in ("a", "p") and at(i + 2) == "." and at(i + 3) == "m")
                        or (at(i + 1) == "o" and at(i + 3) == "clock")):
        return True
    if value <= 12 and at(i + 1) in ("in", "de") and at(i + 2) in ("the", "la") and at(i + 3) in _DAYTIME:
        return True
    if value <= 24 and at(i - 1) in ("las", "la") and at(i - 2) in ("a", "las", "desde", "hasta", "de", "entre", "y"):
        return True
    return (value == 24 and at(i + 1) == "/" and at(i + 2) == "7") or (value == 7 and at(i - 1) == "/" and at(i - 2) == "24")


def _labelled(toks: list[_Tok], i: int, low: list[str]) -> bool:
    """Does a label name the numeral ``toks[i]`` ("step 1", "Chapter 3", "Call 911", "Step 3 of 5"), also across a
    list ("Steps 1, 2 and 3", "los pasos 1, 2 y 3")?"""
    j = i - 1
    while j >= 0 and low[j] in _BEFORE_LABELLED and low[j] not in LABELS and i - j < 3:
        j -= 1
    while j > 1 and low[j] in _LABEL_LIST and toks[j - 1].kind == "num":
        j -= 2
    return 0 <= j < len(low) and low[j] in LABELS


def _street_number(toks: list[_Tok], i: int, low: list[str]) -> bool:
    """Is the numeral ``toks[i]`` a street number: "42 Main Street", "Calle Mayor 42"?"""
    k = i + 1
    while k < len(toks) and k - i <= 3 and toks[k].text[:1].isupper() and low[k] not in _STREET:
        k += 1
    if k > i + 1 and k < len(low) and low[k] in _STREET:
        return True
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].text[:1].isupper() and low[k] not in _STREET_ES:
        k -= 1
    return k < i - 1 and k >= 0 and low[k] in _STREET_ES


_LABEL_LIST = frozenset({",", "and", "or", "y", "o", "&"})
_HOURS_JOIN = frozenset({"to", "-", "–", "—", "until", "till", "and", "a", "hasta", "y"})
_OPENS = frozenset({"from", "open", "opens", "between", "hours", "de", "desde", "entre", "abre", "abren", "abierto",
                    "abierta", "abiertos", "abiertas", "horario", "horas", "atiende", "atienden"})
"""Before the first hour of opening hours: "open 9 to 5", "from 9 to 5", "de 9 a 5", and after a label and its
colon: "Hours: 9-5", "Hours: 9 to 5", "Horario: 9 a 5" (the label is read with the hours: "Recovery hours: 9 to 5"
names the treatment's course)."""


def _opening_hours(toks: Sequence[_Tok], i: int, low: Sequence[str]) -> bool:
    """Is ``toks[i]`` one end of opening hours with no am/pm ("open 9 to 5", "from 9 to 5", "de 9 a 5",
    "Hours: 9-5"), in a sentence that names nothing of the treatment or its course ("Repeat from 4 to 6" is no
    time of day)?"""
    def hour(j: int) -> bool:
        return 0 <= j < len(toks) and toks[j].kind == "num" and toks[j].text.isdecimal() and len(toks[j].text) <= 2 \
            and 1 <= (toks[j].value or 0) <= 24

    def at(j: int) -> str:
        return low[j] if 0 <= j < len(low) else ""

    first = i if at(i + 1) in _HOURS_JOIN and hour(i + 2) else i - 2 if at(i - 1) in _HOURS_JOIN and hour(i - 2) else -1
    label = at(first - 1) == ":" and at(first - 2) in _OPENS  # "Hours: 9 to 5"
    if first < 0 or not hour(first) or not (at(first - 1) in _OPENS or label):
        return False
    clinical = CLINICAL["en"] | CLINICAL["es"]
    for step in (-1, 1):  # the sentence around it, token by token to its end (at most 60: linear time)
        j = first - 2 if label and step < 0 else first  # a label's colon ends no sentence: the label is read too
        while 0 <= j < len(toks) and toks[j].text not in _STOP_PUNCT and abs(j - first) <= 60:
            if low[j] in clinical or (low[j] == "back" and at(j - 1) in _COME):
                return False
            j += step
    return True


def any_numeral(text: str) -> str | None:
    """The first character with a numeric value in ``text`` (``2``, ``½``, ``⑫``, ``Ⅻ``), or ``None``."""
    for ch in text:
        if unicodedata.numeric(ch, None) is not None:
            return ch
    return None


def typed_number(text: str, lang: str = "en") -> str | None:
    """For the data's words, where no figure belongs: the first numeral (any digit at all, ``½``, ``⑫``)
    or number that states a figure ("twelve needles", "once a month"), or ``None``.

    "two doctors" states no number; "two sessions" does.
    """
    found = claims(text, lang)
    numeral = any_numeral(text)
    first = found[0].word if found else None
    if numeral is not None and (first is None or text.index(numeral) < found[0].start):
        run = re.search(r"\d+(?:[.,]\d+)*", text[text.index(numeral):])
        return run[0] if run and run.start() == 0 else numeral
    return first


# --- figures on a page: clinical, or the reader's own --------------------------------------

CLINICAL: dict[str, frozenset[str]] = {
    "en": frozenset("""heal heals healed healing recover recovers recovery redness red pink pinkness swelling swollen
        scab scabs peel peels peeling sore soreness sting stings stinging numb numbing numbed cream creams serum serums
        sunscreen sun sunburn spf makeup retinol acid acids scrub scrubs cleanser product products needle needles
        microneedle microneedles microneedling pen roller dermaroller treatment treatments session sessions procedure
        procedures result results scar scars scarring acne collagen wait waiting avoid skip repeat return""".split()),
    "es": frozenset("""sana sanar sane sanan cicatriza cicatrizar cicatrización recupera recuperación rojez
        enrojecimiento roja rojo rosada rosado hinchazón hinchada costra costras descamación pela dolor adormece
        anestesia anestésica crema cremas sérum protector sol quemadura maquillaje retinol ácido ácidos exfoliante
        exfoliantes limpiador producto productos aguja agujas microagujas bolígrafo rodillo tratamiento tratamientos
        sesión sesiones procedimiento procedimientos resultado resultados cicatriz cicatrices acné colágeno espere
        esperar evite evitar repita repetir vuelva volver regrese""".split()),
}
"""Words of the treatment and its course (healing, numbing, the sun, products, sessions, waiting, coming
back): a sentence with one of them is about a clinical matter, and a length of time in it is a clinical
figure however it is said ("Avoid the sun for a week", "Your skin heals over several weeks")."""
EVERYDAY: dict[str, frozenset[str]] = {
    "en": frozenset("""chat chats call calls phone question questions friend friends choice decision consultation
        drive trip parking bus coffee email form list notes home house arrive arriving arrival travel traffic commute
        journey early read reading page pages guide book booking cancel cancels cancelling canceling cancellation
        reschedule ahead fee fees address write writing""".split()),
    "es": frozenset("""charla charlas consulta consultas llamada llamadas teléfono pregunta preguntas amigo amiga amigos amigas elección
        decisión viaje trayecto estacionamiento autobús café correo formulario lista notas casa llegar llegue llegada
        salir salga tráfico temprano leer lee leen leerá leerán lectura página páginas guía reservar reserve cancelar
        cancele cancelación antelación tarifa dirección escribir escriba anotar anote""".split()),
}
"""The reader's own arrangements: a time or a share in a sentence about these, and about nothing clinical,
is ordinary writing ("a free 10-minute chat", "a minute or two to write down your questions", "100% your
choice", "leave half an hour before you leave home", "salga media hora antes de salir de casa"). A length of
time beside the treatment stays a figure: "numb the skin for half an hour" names 'numb', "wait half an hour
after the session" names 'wait'."""
_GET = frozenset({"get", "gets", "getting", "got"})
"""Before "there": "half an hour to get there" is the reader's journey."""
_OWN_UNITS = _TIME_UNITS | {"percent", "times"}  # "Revise la dirección dos veces" (the twelfth new-editor trial)
"""What a figure of the reader's own arrangements measures: never needles, depth, sessions or a sun factor."""
_COME = frozenset({"come", "comes", "coming", "came"})
VAGUE = {"en": frozenset({"few", "several", "many"}),
         "es": frozenset({"unos", "unas", "pocos", "pocas", "varios", "varias", "algunos", "algunas", "muchos", "muchas"})}
"""Words for an amount with no number: "several weeks" is a figure only in a clinical sentence."""
_NOT_A_LENGTH = frozenset({"of", "de", "per", "por", "every", "cada"})
HIDES_A_NUMBER: dict[str, float] = {
    **dict.fromkeys(("fortnight", "fortnights", "quincena", "quincenas"), 1), **dict.fromkeys(("bimestre", "bimestres"), 2),
    **dict.fromkeys(("trimester", "trimesters", "trimestre", "trimestres"), 3),
    **dict.fromkeys(("cuatrimestre", "cuatrimestres"), 4), **dict.fromkeys(("lustro", "lustros"), 5),
    **dict.fromkeys(("semester", "semesters", "semestre", "semestres"), 6),
    **dict.fromkeys(("decade", "decades", "década", "décadas", "decenio", "decenios"), 10)}
"""Units that are a number of other units, and how many of the unit UNITS gives them: "every fortnight" is
every two weeks (one fortnight), "cada semestre" every 6 months."""
EVERY_SO_OFTEN: dict[str, tuple[float, str]] = {
    **dict.fromkeys(("fortnightly", "quincenal", "quincenales", "quincenalmente"), (1.0, "fortnights")),
    **dict.fromkeys(("biweekly", "bisemanal"), (2.0, "weeks")),
    **dict.fromkeys(("bimonthly", "bimestral", "bimestrales", "bimestralmente"), (2.0, "months")),
    **dict.fromkeys(("quarterly", "trimestral", "trimestrales", "trimestralmente"), (3.0, "months")),
    **dict.fromkeys(("semiannual", "semiannually", "semestral", "semestrales", "semestralmente"), (6.0, "months")),
    **dict.fromkeys(("monthly", "mensual", "mensuales", "mensualmente"), (1.0, "months")),
    **dict.fromkeys(("yearly", "annually", "anual", "anuales", "anualmente"), (1.0, "years"))}
"""Words for how often that hide a number ("quarterly" is every 3 months, "monthly" every month): a figure in a
sentence about the treatment or its course ("Repeat it quarterly", "Come back monthly"), as "every fortnight" is;
"the monthly plan", "el plan mensual" name the plan (:func:`_names_a_plan`)."""
_NOT_AFTER_A = frozenset({"vez", "veces", "una", "un", "por", "cada", "horas", "hora", "días", "dias"})
"""Before "al mes", "a la semana": "una vez al mes" (:func:`_per_unit`) and "24 horas al día" say how often."""


def _after_a(toks: Sequence[_Tok], i: int) -> int:
    """Where "al mes" or "a la quincena" starts, before the unit at ``i`` (a month on, a fortnight on), or -1
    ("una vez al mes" and "24 horas al día" say how often)."""
    def low(j: int) -> str:
        return toks[j].text.lower() if j >= 0 else ""

    k = i - 1 if low(i - 1) == "al" else i - 2 if low(i - 1) == "la" and low(i - 2) == "a" else -1
    if i + 1 < len(toks) and toks[i + 1].text.lower() in ("siguiente", "siguientes"):
        return -1  # "al día siguiente" is "the next day", as in English: no figure
    return -1 if k < 0 or low(k - 1) in _NOT_AFTER_A or (k and toks[k - 1].kind == "num") else k
"""Before "a": "a third of an hour" and "once a month" are counted by claims(); "per a day" is no length."""


_CLAUSE = frozenset({",", "and", "but", "so", "then", "y", "e", "pero", "luego", "entonces"})
"""Where a clause ends inside a sentence: "It takes 10 minutes, so bring your questions" times no question."""


@dataclass(frozen=True)
class _Sentences:
    starts: list[int]
    clinical: list[bool]
    """Per sentence: does it name the treatment or its course?"""
    clauses: list[int]
    everyday: list[bool]
    """Per clause: does it name the reader's own arrangements?"""
    tokens: list[int]  # where each token starts

    def at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def clause(self, offset: int) -> int:
        return bisect.bisect_right(self.clauses, offset) - 1


@functools.lru_cache(maxsize=64)
def _sentences(text: str, lang: str) -> _Sentences:
    """What each sentence of ``text`` is about (the treatment or its course), and each clause (the
    reader's own arrangements)."""
    toks = _tokens(text, lang)
    clinical_words, everyday_words = CLINICAL.get(lang, CLINICAL["en"]), EVERYDAY.get(lang, EVERYDAY["en"])
    out = _Sentences([0], [False], [0], [False], [t.start for t in toks])
    new_sentence = new_clause = False
    for i, tok in enumerate(toks):
        if new_sentence:
            out.starts.append(tok.start)
            out.clinical.append(False)
        if new_sentence or new_clause:
            out.clauses.append(tok.start)
            out.everyday.append(False)
        low = tok.text.lower()
        if low in clinical_words or (low == "back" and i and toks[i - 1].text.lower() in _COME):
            out.clinical[-1] = True
        elif low in everyday_words or (low == "there" and i and toks[i - 1].text.lower() in _GET):
            out.everyday[-1] = True
        new_sentence, new_clause = tok.text in _STOP_PUNCT, low in _CLAUSE
    return out


def own_figure(text: str, claim: Claim, lang: str = "en") -> bool:
    """Is ``claim`` a time or a share of the reader's own arrangements: in a clause that names one of
    them (a chat, a call, questions, a friend, a choice), in a sentence that names nothing of the treatment
    or its course; or right before one ("a 10-minute chat", "100% your choice"), or in Spanish right after one
    ("una charla de 15 minutos")?"""
    if claim.unit is not None and claim.unit not in _OWN_UNITS:
        return False
    sentences = _sentences(text, lang)
    if sentences.everyday[sentences.clause(claim.start)] and not sentences.clinical[sentences.at(claim.start)]:
        return True
    # the figure says what the everyday thing is, whatever else the sentence names: "a 10-minute chat",
    # "100% your choice"
    everyday = EVERYDAY.get(lang, EVERYDAY["en"])
    toks = _tokens(text, lang)
    i = bisect.bisect_left(sentences.tokens, claim.start)
    if i >= 2 and toks[i - 1].text.lower() == "de" and toks[i - 2].text.lower() in everyday:
        return True  # "una charla de 15 minutos": Spanish says the thing first (the ninth new-editor trial)
    for tok in toks[i + 1:i + 4]:
        low = tok.text.lower()
        if low in everyday:
            return True
        if not (tok.kind == "unit" or low in _OWNERS or (low == "-" and toks[i].end == tok.start)):
            return False
    return False


_OWNERS = frozenset({"your", "my", "our", "their", "free", "su", "sus", "tu", "tus", "gratis"})


def page_claims(text: str, lang: str = "en") -> list[Claim]:
    """The figures a page may not type (``guide.content.rendered``): those of :func:`claims` but a time or share of
    the reader's own arrangements (:func:`own_figure`), and, in a sentence about the treatment or its
    course (``CLINICAL``), a length of time said in words: "a week", "an hour or so", "a fortnight",
    "several weeks", "a few hours", "una semana", "varias semanas", how often ("every month", "each week", "one
    session per month", "una vez al mes", "cada mes", "monthly", "mensualmente"), and "every other week" in any
    sentence."""
    counted = claims(text, lang)
    found = [claim for claim in counted if not own_figure(text, claim, lang)]
    toks = _tokens(text, lang)
    sentences = _sentences(text, lang)
    taken = {claim.start for claim in counted}
    vague = VAGUE.get(lang, VAGUE["en"])
    spoken: list[Claim] = []
    clock = round_the_clock(text, lang, toks, [t.text.lower() for t in toks])
    for i, tok in enumerate(toks):
        often = EVERY_SO_OFTEN.get(tok.text.lower())
        if often and tok.start not in taken and sentences.clinical[sentences.at(tok.start)] and not _names_a_plan(toks, i):
            spoken.append(Claim(tok.start, tok.end, tok.text, *often))  # "repeat quarterly", "cada mes, quincenal"
            continue
        if tok.kind != "unit" or tok.unit not in _TIME_UNITS - {"seconds"} or i == 0 or i in clock:
            continue  # ("wait a second" is an idiom; "24 hours a day, 7 days a week" is "24/7")
        start, value, anywhere = _spoken_length(toks, i, lang, vague) if tok.kind == "unit" else (-1, None, False)
        if start < 0 or any(t.start in taken for t in toks[max(0, start - 1):i + 4]):
            continue  # no length of time, or one claims() reports ("a day or two", "half an hour")
        claim = Claim(toks[start].start, tok.end, text[toks[start].start:tok.end], value, tok.unit)
        if sentences.clinical[sentences.at(tok.start)] or (anywhere and not own_figure(text, claim, lang)):
            spoken.append(claim)
    return sorted(found + spoken, key=lambda claim: claim.start)


def _spoken_length(toks: Sequence[_Tok], i: int, lang: str, vague: frozenset[str]) -> tuple[int, float | None, bool]:
    """The length of time said in words that ends with the unit at ``toks[i]``: where it starts (-1 if none), its
    value, and whether it is a figure in any sentence (not only one about the treatment)."""
    before, unit = toks[i - 1].text.lower(), toks[i].text.lower()
    ordinal = _ordinal_before(toks, i)
    if ordinal >= 0:  # "on the 3rd day", "la 2.ª semana", "the second week": when, counted from the treatment
        return ordinal, toks[ordinal].value, toks[ordinal].text[:1].isdecimal()
    if before in _ONE - {"one"} and not (i > 1 and (toks[i - 2].kind in ("num", "unit")
                                                     or toks[i - 2].text.lower() in _NOT_A_LENGTH)):
        return i - 1, HIDES_A_NUMBER.get(unit, 1.0), unit in HIDES_A_NUMBER  # "a week", "an hour", "una semana"; "a
        # fortnight", "una quincena", "un semestre" hide a number (two weeks, six months): a figure in any sentence
    if before in vague or (i > 1 and toks[i - 2].text.lower() in vague and toks[i - 1].kind == "word"):
        start = i - 1 if before in vague else i - 2  # "several weeks", "a few more days", "unos pocos días"
        while start > 0 and i - start < 4 and toks[start - 1].text.lower() in vague | {"a"}:
            start -= 1
        return (-1 if start > 0 and toks[start - 1].text.lower() == "how" else start), None, False  # "how many weeks?" asks
    if before == "other" and i > 1 and toks[i - 2].kind == "every":
        return i - 2, 2.0, True  # "every other week": every second one, in any sentence
    if toks[i - 1].kind == "every" and unit in HIDES_A_NUMBER:
        return i - 1, HIDES_A_NUMBER[unit], True  # "every fortnight", "cada semestre": in any sentence
    if before in _EACH and toks[i].unit in _SESSION_SPACING:
        return i - 1, HIDES_A_NUMBER.get(unit, 1.0), False  # "every month", "each week", "cada mes"
    if toks[i].unit in _SESSION_SPACING and (start := _per_unit(toks, i)) >= 0:
        return start, HIDES_A_NUMBER.get(unit, 1.0), False  # "one session per month", "una vez al mes"
    if lang == "es" and _after_a(toks, i) >= 0:
        return _after_a(toks, i), HIDES_A_NUMBER.get(unit, 1.0), False  # "vuelva al mes", "a la quincena"
    if unit in HIDES_A_NUMBER and not any(t.kind == "num" for t in toks[max(0, i - 3):i]):
        return i, HIDES_A_NUMBER[unit], True  # "for the next fortnight", "durante la próxima quincena": "two weeks"
    return -1, None, False


def _ordinal_before(toks: Sequence[_Tok], i: int) -> int:
    """Where the ordinal right before the unit at ``toks[i]`` starts ("the 3rd day", "al 2.º día", "the second
    week"), past the marks glued to it ("º", "rd"), or -1. A day or week counted so is a figure of the
    treatment's course in a sentence about it, and in digits in any sentence but the reader's own ("the 2nd
    week of booking"): the twelfth new-editor trial's "Come back on the 3rd day", "Vuelva al 2.º día"."""
    j = i - 1
    while j > 0 and toks[j].kind == "join" and toks[j - 1].end == toks[j].start and i - j < 3:
        j -= 1
    return j if j >= 0 and toks[j].kind == "ord" and toks[j].text.lower() not in _FIRST else -1


_FIRST = frozenset({"first", "primer", "primero", "primera"})
"""Not counted: "the first days", "la primera noche" are right after the treatment, which the advice rules read."""


_EACH = frozenset({"every", "each", "cada"})
_SESSION_SPACING = frozenset({"weeks", "fortnights", "months", "years"})
"""The units sessions are spaced in (the article's: a month apart, a touch-up a year): "every week", "each month" and
"one session per month" are how often, a figure beside the treatment. "every hour", "every day" are left to the
other rules."""
_PER = frozenset({"a", "an", "per", "al", "por"})
_HOW_OFTEN = frozenset({"sessions", "times"})


def _per_unit(toks: Sequence[_Tok], i: int) -> int:
    """Where "one session per month", "a session a week", "una vez al mes", "una sesión a la semana" starts, before the
    unit of time at ``i`` (a number of sessions or times per unit: how often), or -1."""
    def low(j: int) -> str:
        return toks[j].text.lower() if j >= 0 else ""

    j = i - 2 if low(i - 1) == "la" and low(i - 2) in ("a", "por") else i - 1  # "a la semana", "por la mañana"
    k = j - 1
    if low(j) not in _PER or k < 0 or toks[k].kind != "unit" or toks[k].unit not in _HOW_OFTEN:
        return -1
    return k - 1 if k and (toks[k - 1].kind == "num" or low(k - 1) in _ONE) else k


_PLAN_NAMED = {"en": frozenset({"the", "this", "that"}), "es": frozenset({"el", "del", "al", "este", "ese"})}


def _names_a_plan(toks: Sequence[_Tok], i: int) -> bool:
    """Is the word for how often at ``i`` part of the name of a plan the pages point at, "the monthly plan", "el plan
    mensual" (a schedule's ``starts_after`` in data/facts.yml), not a frequency said of the sessions?"""
    def low(j: int) -> str:
        return toks[j].text.lower() if 0 <= j < len(toks) else ""

    return (low(i + 1) == "plan" and low(i - 1) in _PLAN_NAMED["en"]) or (
        low(i - 1) == "plan" and low(i - 2) in _PLAN_NAMED["es"])


_RANGE_JOINS = frozenset({"to", "-", "–", "—", "and", "or", "through", "a", "y", "o"})
"""What joins the ends of a range in the article ("four to six", "0.5 and 2.5", "10-20")."""


@dataclass(frozen=True)
class Run:
    """Numbers written together in a text, as one figure: "four to six" is (4, 6), "11" is (11,)."""

    values: tuple[float, ...]
    start: int
    end: int


def runs(text: str, lang: str = "en") -> list[Run]:
    """Every figure in ``text``: its numbers (digits or number words; "a" is never one) in order."""
    out: list[Run] = []
    toks = _tokens(text, lang)
    current: list[_Tok] = []
    pending_join = False
    for tok in toks:
        if tok.kind == "num" and tok.value is not None and tok.text.lower() not in ("couple", "pair", "dozen", "half",
                                                                                    "quarter", "docena", "par", "medio",
                                                                                    "media"):
            if current and not pending_join:
                out.append(Run(tuple(t.value for t in current if t.value is not None), current[0].start, current[-1].end))
                current = []
            current.append(tok)
            pending_join = False
        elif current and tok.text.lower() in _RANGE_JOINS and not pending_join:
            pending_join = True
        else:
            if current:
                out.append(Run(tuple(t.value for t in current if t.value is not None), current[0].start, current[-1].end))
            current, pending_join = [], False
    if current:
        out.append(Run(tuple(t.value for t in current if t.value is not None), current[0].start, current[-1].end))
    return out


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


Subjects = Mapping[float, Sequence[tuple[str, frozenset[str]]]]
"""For each number a fact gives, the fact's key and the words of what it counts (its label's and unit's)."""


def subject_words(*texts: str) -> frozenset[str]:
    """The words that say what a fact is about ("Needles in the tip of the pen": needle, tip, pen)."""
    return frozenset(_stem(w) for text in texts for w in re.findall(r"[^\W\d_]+", text)
                     if len(w) > 2 and w.lower() not in _GENERIC and w.lower() not in _BREAK["en"]
                     and w.lower() not in _BREAK["es"])


_GENERIC = frozenset("""what how why who which time times work works take takes general areas area body one
    each kind much many more most less your you and the for with una unos unas uno qué cómo cuánto cuánta
    tiempo tarda hacer efecto zona zonas por para microneedling microagujas treatment treatments tratamiento
    tratamientos""".split())


def named_figures(text: str, lang: str, subjects: Subjects) -> list[tuple[Claim, str]]:
    """A number word equal to a fact's number, in a text that names what the fact counts: "The tip has
    eleven of them" (eleven, and 'tip': device.needle_count). Digits are refused by :func:`claims`."""
    toks = _tokens(text, lang)
    words = {_stem(t.text) for t in toks if t.text[:1].isalpha()}
    out: list[tuple[Claim, str]] = []
    clock = round_the_clock(text, lang, toks, [t.text.lower() for t in toks])
    for i, tok in enumerate(toks):
        low = tok.text.lower()
        if tok.kind != "num" or _numeral(tok) or tok.value is None or low in _TOO_COMMON.get(lang, ()) or i in clock:
            continue
        for key, about in subjects.get(float(tok.value), ()):
            if about & words:
                out.append((Claim(tok.start, tok.end, tok.text, tok.value, None), key))
                break
    return out


_TOO_COMMON = {"en": frozenset({"one", "once"}), "es": frozenset({"un", "una", "uno"})}
"""Words for one, in every other sentence: never read as a fact's number."""


# --- a count of a fact's list: "the 3 questions on the sheet" -----------------------------------

ListNouns = Mapping[str, Sequence[tuple[str, int]]]
"""For the noun that names a fact list's items (its stem: "question", "pregunta"), each such list's key and
number of items."""
_DEFINITE = {"en": frozenset({"the", "these", "those", "all", "her", "his", "their", "its", "both"}),
             "es": frozenset({"los", "las", "estos", "estas", "esos", "esas", "todos", "todas", "ambos", "ambas"})}
"""Before a count that points at a known list ("the 3 questions", "las tres preguntas"); "your 3 main
questions" and "three questions to ask" are the reader's own, or any three."""
_NOT_NOUNS = frozenset({"other", "others", "says", "does", "has", "was", "is", "otras", "otros", "las", "los", "unas",
                        "unos", "más", "dos", "tres", "cuántas", "cuántos", "qué"})


def list_noun(label: str) -> str | None:
    """The noun a list's label names its items by ("Questions to ask a provider": question; "Other reasons to
    skip it": reason; "Pasos de una cita": paso), stemmed, or ``None`` when the label starts otherwise."""
    for word in re.findall(r"[^\W\d_]+", label)[:2]:
        low = word.lower()
        if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in _NOT_NOUNS:
            return _stem(low)
    return None


_PART_OF = frozenset({"first", "last", "next", "other", "primeros", "primeras", "últimos", "últimas", "ultimos",
                      "ultimas", "siguientes", "demás", "otros", "otras"})


def list_counts(text: str, lang: str, lists: ListNouns) -> list[tuple[Claim, str, int]]:
    """A count of a fact list's items that is not its number of items, with the list's key and count: "the 3
    questions on the sheet" when the questions list has 4 ("three", "las tres preguntas" alike)."""
    toks = _tokens(text, lang)
    definite = _DEFINITE.get(lang, _DEFINITE["en"])
    out: list[tuple[Claim, str, int]] = []
    for i, tok in enumerate(toks):
        if tok.kind != "num" or i == 0:
            continue
        value = int(tok.value) if tok.text.isdecimal() and tok.value is not None else count_value(tok.text, lang)
        before = toks[i - 1].text.lower()
        if value is None or not (before in definite or (before == "s" and i > 1 and toks[i - 2].text in ("'", "’"))):
            continue
        if i + 1 < len(toks) and toks[i + 1].text.lower() in _PART_OF:
            continue  # "los tres primeros pasos": some of the list, as "the first three steps"
        for noun in toks[i + 1:i + 4]:
            found = lists.get(_stem(noun.text))
            if found:
                if all(count != value for _, count in found):
                    out.append((Claim(tok.start, noun.end, text[tok.start:noun.end], value, None), found[0][0], found[0][1]))
                break
            if not noun.text[:1].isalpha():
                break
    return out


def clinical_word(text: str, offset: int) -> str | None:
    """The first word of the treatment or its course (``CLINICAL``, either language) in the sentence of ``text``
    around ``offset``: what makes a length of time there a clinical figure ("Numb the skin for half an hour":
    'Numb'), or ``None``."""
    start = max((text.rfind(p, 0, offset) for p in _STOP_PUNCT), default=-1) + 1
    ends = [e for e in (text.find(p, offset) for p in _STOP_PUNCT) if e >= 0]
    sentence = text[start:min(ends) if ends else len(text)]
    words = re.findall(r"[^\W\d_]+", sentence)
    clinical = CLINICAL["en"] | CLINICAL["es"]
    for k, word in enumerate(words):
        if word.lower() in clinical or (word.lower() == "back" and k and words[k - 1].lower() in _COME):
            return f"{words[k - 1]} {word}" if word.lower() == "back" else word
    return None


def named_keys(text: str, value: float, subjects: Subjects) -> list[str]:
    """The facts that give ``value`` and whose words of what they count are in ``text`` ("The tip has 11 of
    them": device.needle_count, for 'tip'): what a number with no unit may be suggested as, and nothing else."""
    words = {_stem(w) for w in re.findall(r"[^\W\d_]+", text)}
    return list(dict.fromkeys(key for key, about in subjects.get(float(value), ()) if about & words))


_ADD_OR_REMOVE = ("if the article gives it, add it to data/facts.yml and show it with {{ fact(\"...\") }}; if it does "
                  "not, remove it: the guide adds no figure of its own about the treatment")
_RAW_LAST = ("A number that is none of these and not about the treatment goes between {% raw %} and {% endraw %}, "
             "where it is shown as typed and listed for the reviewer.")


def no_fact_fix(text: str, claim: Claim) -> str:
    """What to do about a typed number that no fact gives, for the kind of number it is: a length of time
    beside the treatment names the word that makes it clinical; a bare numeral lists the forms that build."""
    word = clinical_word(text, claim.start)
    if claim.unit == "sessions":  # "a single visit": how many, never a number of the reader's own (no raw)
        return ("how many sessions or visits is the article's to say: " + _ADD_OR_REMOVE + " (data/facts.yml's "
                "frequency facts give the article's plans).")
    if claim.unit in _TIME_UNITS and word is not None:
        return (f"this sentence names '{word}' (the treatment or its course), so a length of time in it, or a day "
                f"or week counted ('the 3rd day'), is a clinical figure: {_ADD_OR_REMOVE}. If the time is the reader's own (getting there, a call, their "
                "questions), say it in a sentence that names nothing of the treatment, e.g. 'Leave half an hour early "
                "to get there.', which builds as it is. " + _RAW_LAST.replace("none of these and ", ""))
    if claim.unit is None and claim.word[:1].isdecimal() and "." not in claim.word and "," not in claim.word:
        beside = (f" This sentence names '{word}' (the treatment or its course), so no number in it is read as a "
                  "time of day or opening hours." if word is not None else "")
        return (f"{_ADD_OR_REMOVE}. A number with no unit builds as it is only in prose's ordinary uses, written like "
                "these: a time of day ('9 am', '9:30', 'at 7 in the morning', 'open 9 to 5', 'Hours: 9 to 5', 'de 9 a 5', 'a las 9'), "
                "24/7, a label ('step 1', 'page 2', 'Chapter 3', 'door 7', 'call 911'), a year ('2020'), a street "
                f"number ('42 Main Street'), or a count of questions, tips or doctors ('your 3 questions').{beside} "
                + _RAW_LAST)
    return f"{_ADD_OR_REMOVE}. " + _RAW_LAST.replace("none of these and ", "")
