"""Reading plain text and the article: its words, where a run of words stands in it, sentences, quotation
marks, the names of the experts in any form, and whose words each word of the article is.

The data layer (guide/data/passages.py: a fact's passage and speaker) and the page checks (guide/content/attribution.py:
who said it on a page) both read text this way; this module imports neither.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from confusable_homoglyphs import confusables

from guide.data import schema

# --- words, and where they stand in the article ---------------------------------


def norm(text: str) -> str:
    """Spaces and curly apostrophes made plain, so line breaks and typography do not matter."""
    return re.sub(r"\s+", " ", text.replace("’", "'"))


@dataclass(frozen=True)
class Index:
    """The article's words (lower case, plain apostrophes), each with where it starts in the text, joined
    by single spaces (``joined``) so a run of words is found with one ``str.find``."""

    words: tuple[str, ...]
    starts: tuple[int, ...]  # of each word in the article's text
    joined: str
    at: dict[int, int]  # offset in ``joined`` -> word number
    where: dict[str, tuple[int, ...]]  # word -> its word numbers


@functools.lru_cache(maxsize=8)
def index(article: str) -> Index:
    words, starts = [], []
    for match in WORD.finditer(article):
        words.append(match[0].lower().replace("’", "'"))
        starts.append(match.start())
    at, pos = {}, 0
    for number, word in enumerate(words):
        at[pos] = number
        pos += len(word) + 1
    where: dict[str, list[int]] = {}
    for number, word in enumerate(words):
        where.setdefault(word, []).append(number)
    return Index(tuple(words), tuple(starts), " ".join(words), at, {w: tuple(n) for w, n in where.items()})


WORD = re.compile(r"[\w'’-]+")


def words_of(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def occurrences(text: str, article: str) -> list[range]:
    """Each place the words of ``text`` stand in the article, one after another (case and typography
    aside), as the range of the article's word numbers; none when they do not. One pass of ``str.find``."""
    want = " ".join(words_of(text))
    if not want:
        return []
    found = index(article)
    count = want.count(" ") + 1
    out = []
    pos = found.joined.find(want)
    while pos >= 0:
        end = pos + len(want)
        if pos in found.at and (end == len(found.joined) or found.joined[end] == " "):
            out.append(range(found.at[pos], found.at[pos] + count))
        pos = found.joined.find(want, pos + 1)
    return out


ABBREVIATIONS = ("Dr", "Dra", "Drs", "Dras", "Mr", "Mrs", "Ms", "Sr", "Sra", "St", "vs", "e.g", "i.e", "etc", "M.D", "No",
                 "approx", "p", "pp", "Ud", "Uds", "núm")
"""Words whose final dot does not end a sentence (in any case: "dra. Jaliman", "DR. JALIMAN")."""
_ABBREVIATIONS_LOWER = frozenset(a.lower() for a in ABBREVIATIONS)
ARTICLE = "article"
ARTICLE_NAME = re.compile(r"\bthe article\b|\bel artículo\b|\bdel artículo\b", re.I)
"""How a sentence names the article: "the article" (English pages), "el artículo" / "del artículo" (Spanish)."""
SENTENCE_END = re.compile(r"(?:\.\.\.|[.!?…])[\"”’'»)\]]*(?=\s|$)")
_SPACES = re.compile(r"\s+")


# --- names -----------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """The Latin letter ``char`` is confusable with (Cyrillic 'а' -> 'a'), or ``char`` itself."""
    if char.isascii():
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"])
    if found:
        for glyph in found[0]["homoglyphs"]:
            if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha():
                return str(glyph["c"])
    return char


@functools.lru_cache(maxsize=8192)
def skeleton(text: str) -> str:
    """``text`` as it looks: NFKC-normalised, confusable letters made Latin, every kind of space one
    space, lower case. "Dr.\u00a0Jаliman" (a no-break space, a Cyrillic а) is "dr. jaliman"."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", "".join(_latin(ch) for ch in text)).lower()


def typed_names(text: str, facts: schema.Facts) -> set[str]:
    """Speakers named in prose: an expert's family or first name in any form ("Dr. Jaliman", "Dr Jaliman",
    "Dr.Jaliman", "Jaliman's", "JALIMAN", "Debra"), and "the article"."""
    look = skeleton(text)
    found = {key for key, pattern in surname_patterns(tuple((k, p.name) for k, p in facts.experts.items())) if pattern.search(look)}
    if ARTICLE_NAME.search(look):
        found.add(ARTICLE)
    return found


@functools.lru_cache(maxsize=16)
def surname_patterns(people: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(key, re.compile(r"(?<![^\W\d_])" + re.escape(skeleton(part)) + r"(?![^\W\d_])"))
            for key, name in people for part in name.split() if len(part) > 2]  # "Jaliman", "Debra"


# --- sentences ---------------------------------------------------------------------


def abbreviation_before(text: str, end: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, end - 40):end])
    if word is None:
        return False
    token = word.group(1).rstrip(".")
    return token.lower() in _ABBREVIATIONS_LOWER or (len(token.replace(".", "")) <= 2 and "." in word.group(1) + "."
                                                      and token.replace(".", "").isalpha() and token[:1].isupper())


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph of plain text (stand-ins for calls included), in order."""
    out: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match[0].startswith(".") and not match[0].startswith("...") and abbreviation_before(text, match.start()):
            continue
        piece = text[start:match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


# --- quotations -----------------------------------------------------------------

QUOTED_WORDS = 4
"""A quotation of this many words or more is someone's words wherever it stands: the article's, word for word."""
_PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’", "'": "'", "„": "“”", "‚": "‘’", "‹": "›", "›": "‹", "＂": "＂",
          "「": "」", "『": "』", "〝": "〞〟", "»": "«"}
"""Every opening quotation mark and the marks that close it (English, Spanish, German, French, Japanese, full-width)."""
_OPEN = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_CLOSE = {mark: re.compile("[" + re.escape(close) + "]" + (r"(?![^\W\d_])" if close in ("'", "’") else ""))
          for mark, close in _PAIRS.items()}
_PRONOUN_SAYS = re.compile(r"\b(?:she|he)\s+(?:says|notes|adds|explains)\b|\b(?:says|notes|adds|explains)\s+(?:she|he)\b", re.I)


def quotations(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes: (start, end) of the words between each opening mark and the first mark that
    closes it, at any length, over line breaks. An apostrophe is no mark ("doctors' words", "it’s"): a
    straight ' opens only after a space or a bracket, and ' or ’ closes only before a non-letter. One
    pass: an opening mark with no closing mark after it means no later mark of its kind has one."""
    out: list[tuple[int, int]] = []
    dead: set[str] = set()
    pos = 0
    while (opening := _OPEN.search(text, pos)) is not None:
        mark, pos = opening[0], opening.end()
        if mark in dead or (mark == "'" and opening.start() and text[opening.start() - 1].isalnum()):
            continue
        closing = _CLOSE[mark].search(text, pos)
        if closing is None:
            dead.add(mark)
            continue
        out.append((pos, closing.start()))
        pos = closing.end()
    return out


# --- whose words -----------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def article_speakers(article: str, people: tuple[tuple[str, str], ...]) -> tuple[frozenset[str], ...]:
    """Whose words each word of the article is (``index``): inside the article's quotation marks, the
    doctor named in the paragraph (the nearest, if two are), or, for a paragraph with "she says" and no name,
    the one named last before it; outside them, the article's, and the doctors its sentence names. The article
    prints every word of it, so "the article" may be named for any."""
    found = index(article)
    said: list[frozenset[str]] = [frozenset({ARTICLE})] * len(found.words)
    patterns = surname_patterns(people)

    def mark(start: int, end: int, who: frozenset[str]) -> None:
        for number in range(bisect.bisect_left(found.starts, start), bisect.bisect_left(found.starts, end)):
            said[number] = who

    last: str | None = None
    offset = 0
    for paragraph in article.split("\n"):
        low = paragraph.lower()
        names = sorted((m.start(), key) for key, pattern in patterns for m in pattern.finditer(low))
        at = 0
        for sentence in sentences(paragraph):
            start = paragraph.find(sentence, at)
            at = start + len(sentence)
            named = {key for pos, key in names if start <= pos < at}
            if named:
                mark(offset + start, offset + at, frozenset({ARTICLE, *named}))
                then = _INFERENCE.search(sentence, max(pos - start for pos, _ in names if start <= pos < at))
                if then:  # "..., says Dr. Jaliman, which means that while they're safe to use, ...": the writer's own
                    mark(offset + start + then.start(), offset + at, frozenset({ARTICLE}))
        for start, end in quotations(paragraph):
            if paragraph[start - 1] != "“":
                continue
            if names:
                speaker: str | None = min(names, key=lambda n: min(abs(n[0] - start), abs(n[0] - end)))[1]
            else:
                speaker = last if _PRONOUN_SAYS.search(paragraph) else None
            mark(offset + start, offset + end, frozenset({ARTICLE, speaker} if speaker else {ARTICLE}))
        if names:
            last = names[-1][1]
        offset += len(paragraph) + 1
    return tuple(said)


_INFERENCE = re.compile(r",\s*(?:which means|which is why|meaning that|so that means)(?![^\W\d_])", re.I)
"""After a doctor's words, what the article's writer draws from them ("..., says Dr. Jaliman, which means that while
they're safe to use, you won't get the same results"): the article's own words, never the doctor's (the thirteenth
no-hints attack, M1: "Dr. Jaliman calls them “safe to use”" built)."""


def whose(words: str, article: str, facts: schema.Facts) -> set[str] | None:
    """Who may be credited with ``words``: everyone the article gives them to, at any place it has them
    (``ARTICLE`` always); ``None`` when the article does not have them word for word."""
    places = occurrences(words, article)
    if not places:
        return None
    said = article_speakers(article, tuple((k, p.name) for k, p in facts.experts.items()))
    out: set[str] = set()
    for place in places:
        out |= frozenset.intersection(*(said[number] for number in place))
    return out
