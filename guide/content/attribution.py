"""Who said it: a sentence that names a speaker may only show facts that speaker said.

The rule, checked on every page (on what Markdown makes of it, ``guide.content.rendered``) and every
template in ``includes/partials/``, before anything is rendered by an engine:

* A sentence *names* a speaker when it has ``{{ expert("jaliman") }}``, the doctor's name typed in
  any way ("Dr. Jaliman", "Dr Jaliman", "Jaliman", "DRA. JALIMAN", a no-break space, a Cyrillic
  letter that looks Latin: names are compared on their NFKC confusables skeleton), "the article"
  ("el artículo"), or, in a template, ``who("group.name")`` (which prints that fact's speaker).
* A sentence *shows* a fact when it has ``fact("key")``, ``fact_list("key")``, ``timeline("key")``
  or, in a template, ``v("key")`` or ``items("key")``; a ``quote("key")`` shows its doctor's words.
* Every fact a sentence shows must be said by a speaker it names (``expert:`` in data/facts.yml).
  A ``not_stated`` fact is the article's silence: a sentence naming the article may show it too.
* A sentence that names no one speaks for the speaker named before it in its paragraph ("She
  says ...", "It takes ..."); the first one of a paragraph, for a speaker named where it sits: the
  heading above it, the sentence that leads into its list (ending with ":"), the other cells of its
  table row, or its column's heading. Where nothing names a speaker, it is not checked.

Sentences end at ``.``, ``!``, ``?`` and ``…`` followed by a space, wherever they are (inside
brackets too: the part after names no one, so it speaks for the speaker before it), but not after
a title or an abbreviation ("Dr.", "e.g.", "N.Y."), nor inside a number ("2.5"). A break inside a
sentence therefore never hides its speaker.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from guide.content import ownvoice
from guide.content.htmlcheck import parse_fragment
from guide.content.reading import HEADINGS, Block, Call, blocks, call_index, locate, readable, stand_in, substitute, to_html
from guide.data import meaning as meaning_words
from guide.data import numbers, passages, schema
from guide.data.speakers import (
    ARTICLE,
    ARTICLE_NAME,
    QUOTED_WORDS,
    SENTENCE_END,
    abbreviation_before,
    occurrences,
    quotations,
    sentences,
    skeleton,
    surname_patterns,
    typed_names,
    whose,
    words_of,
)
from guide.data.speakers import (
    index as article_index,
)
from guide.errors import GuideError, quote_line
from guide.render import macrospecs
from guide.render import text as render

SHOWS = macrospecs.SHOWS
"""Calls whose first argument is the key of a fact they show (the declarations, guide/render/macrospecs.py)."""


# --- the check ----------------------------------------------------------------------


@dataclass
class Said:
    """What one sentence does: the speakers it names, the facts and quotes it shows, and where."""

    line: int
    names: set[str] = field(default_factory=set)
    shows: list[tuple[str, int]] = field(default_factory=list)  # (fact key, line)
    quotes: list[tuple[str, int]] = field(default_factory=list)


def check_said(said: Sequence[Said], context: set[str], shown: str, facts: schema.Facts) -> list[GuideError]:
    """Each sentence of one paragraph: its facts said by whom it names, or (naming no one) by whom the
    sentence before it named, or the paragraph's ``context``."""
    every = facts.all_facts()
    errors: list[GuideError] = []
    before: set[str] = set()
    for sentence in said:
        named = sentence.names or before or context
        if sentence.names:
            before = sentence.names
        if not named:
            continue
        for key, line in sentence.quotes:
            quote = facts.quotes.get(key)
            if quote is not None and quote.expert not in named:
                names = _names(named, facts)
                real = _speaker_name(quote.expert, facts)
                errors.append(GuideError(shown, f"this sentence credits {names} with {real}'s quote", line=line,
                                         key=f"quotes.{key}", found=f"quote(\"{key}\") in a sentence that names {names}; "
                                         f"data/facts.yml gives it to {real} (expert: {quote.expert})",
                                         expected=f"a quote of {names}, or a sentence that names {real}",
                                         fix=f"introduce the quote with a sentence that names {real}."))
        for key, line in sentence.shows:
            fact = every.get(key)
            if fact is None or fact.expert in named:
                continue  # an unknown key has its own message (guide/content/pagecheck.py)
            if isinstance(fact, schema.NotStatedFact) and (ARTICLE in named or not sentence.names):
                continue  # the article's silence: its note says so itself ("The article gives no length")
            errors.append(_error(shown, line, key, fact, named, facts))
    return errors


def _names(named: set[str], facts: schema.Facts) -> str:
    return " and ".join(sorted(_speaker_name(n, facts) for n in named))


def _speaker_name(who: str, facts: schema.Facts) -> str:
    return render.ARTICLE if who == ARTICLE else facts.experts[who].surname


def _error(shown: str, line: int, key: str, fact: schema.FactT, named: set[str], facts: schema.Facts) -> GuideError:
    names = _names(named, facts)
    real = _speaker_name(fact.expert, facts)
    if fact.expert == ARTICLE:
        words, example = "the article's own words", "The article says ..."
    else:
        words, example = f"{real}'s words", f'{{{{ expert("{fact.expert}") }}}} says ...'
    return GuideError(
        shown, f"this sentence credits {names} with {words}", line=line, key=key,
        found=f"'{key}' shown in a sentence that names {names}; data/facts.yml gives it to {real} "
              f"(expert: {fact.expert})",
        expected=f"only facts that {names} said, in a sentence that names {names}",
        fix=f"give this fact a sentence that names {real} (for example: {example}), or show a fact {names} said.")


# --- pages: on what Markdown makes of them ----------------------------------------------


def page_errors(page_blocks: Sequence[object], calls: Mapping[int, object], shown: str,
                facts: schema.Facts) -> list[GuideError]:
    """Who said it on a rendered page (``guide.content.reading.blocks``; ``calls`` by stand-in)."""
    errors: list[GuideError] = []
    for block in page_blocks:
        assert isinstance(block, Block)
        context: set[str] = set()
        for text in block.context:
            context |= _text_names(text, calls, facts)
        said = []
        for piece in sentences(block.text):
            sentence = Said(line=0, names=_text_names(piece, calls, facts))
            for char in piece:
                index = call_index(char)
                call = calls.get(index) if index is not None else None
                if not isinstance(call, Call):
                    continue
                sentence.line = sentence.line or call.line
                if call.name in SHOWS and call.key:
                    sentence.shows.append((call.key, call.line))
                elif call.name == "quote" and call.key:
                    sentence.quotes.append((call.key, call.line))
            said.append(sentence)
        errors.extend(check_said(said, context, shown, facts))
    return errors


def _text_names(text: str, calls: Mapping[int, object], facts: schema.Facts) -> set[str]:
    plain = "".join(ch for ch in text if call_index(ch) is None)
    names = typed_names(plain, facts)
    look = skeleton(plain)
    names |= {key for key, pattern in _role_patterns(tuple((k, p.short_role or "") for k, p in facts.experts.items()))
              if any(_THE.search(look[:m.start()]) for m in pattern.finditer(look))}  # "the dermatologist's plan is
    # {{ fact(one of Dr. Nazarian's) }}" (the ninth no-hints attack, M2); "a dermatologist" names no one
    for char in text:
        index = call_index(char)
        call = calls.get(index) if index is not None else None
        if isinstance(call, Call) and call.name == "expert" and call.key in facts.experts:
            names.add(call.key)
    if BOTH_DOCTORS.search(look):  # "Both doctors say ... {{ fact(the article's) }}" (the eleventh no-hints attack, H14)
        names |= set(facts.experts)
    return names


_A = re.compile(r"(?<![^\W\d_])(?:a|an|any|every|un|una|cualquier)\s+$", re.I)
"""An indefinite article right before a role: "a dermatologist is a doctor who treats skin" names no one."""
_THE = re.compile(r"(?<![^\W\d_])(?:the|our|la|el|nuestra|nuestro)\s+$", re.I)
"""A definite article right before a role: "the dermatologist" is the article's dermatologist."""


SOMEONE = "someone"
"""A speaker a text does not name: a role ("the surgeon"), "experts", "she", a verb of speech ("..., says X")."""
SELF = "self"
"""We, the guide: "we say “not stated”" quotes our own words."""
_SPEECH = re.compile(r"\b(?:says|explains|notes|adds|advises|recommends|tells|told|writes|claims|warns|insists|agrees|"
                     r"according to|puts it|dice|explica|señala|añade|afirma|según|comenta|recomienda|aconseja|asegura|"
                     r"advierte|escribe|sostiene)\b", re.I)
_ROLE = re.compile(r"\b(?:doctors?|docs?|derms?|dermatologists?|surgeons?|physicians?|experts?|specialists?|authors?|"
                   r"writers?|researchers?|nurses?|she|he|médic[oa]s?|doctor(?:a|es|as)?|dermatólog[oa]s?|cirujan[oa]s?|"
                   r"expert[oa]s?|especialistas?|autor(?:a|es|as)?|ella|él)(?![^\W\d_])", re.I)
@functools.lru_cache(maxsize=16)
def _role_patterns(people: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """An expert's role as a page may name her ("the plastic surgeon", "la cirujana plástica"), when only she has it."""
    out = []
    for key, role in people:
        words = [re.escape(skeleton(w)[:-1]) + r"(?:a|o|as|os)" if w.endswith(("a", "o")) else re.escape(skeleton(w)) + "s?"
                 for w in role.split()]  # "cirujana plástica" names "el cirujano plástico" too
        if role and sum(1 for _, other in people if other and skeleton(role) in skeleton(other)) == 1:
            out.append((key, re.compile(r"(?<![^\W\d_])" + r"\s+".join(words) + r"(?![^\W\d_])")))
    return out


@functools.lru_cache(maxsize=16)
def _place_patterns(people: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """The names in an expert's role that point to her alone ("Mount Sinai", "Beverly Hills", "New York City", "NYC"):
    two or more capitalised words together, and the initials of three or more (the fourth no-hints attack: "the Mount
    Sinai professor says ...")."""
    out = []
    for key, role in people:
        for run in re.findall(r"(?:[A-Z][\w-]+\s+)+[A-Z][\w-]+", role):
            words = run.split()
            phrases = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
            if len(words) >= 3:
                phrases.add("".join(w[0] for w in words))
            for phrase in sorted(phrases):
                if not any(phrase in other for k, other in people if k != key):
                    out.append((key, re.compile(r"(?<![^\W\d_])" + r"\s+".join(re.escape(skeleton(w)) for w in phrase.split())
                                                + r"(?![^\W\d_])")))
    return out


def _mentions(text: str, calls: Mapping[int, object], facts: schema.Facts) -> list[tuple[int, str]]:
    """Who ``text`` names, in order: (position, an expert's key, ``ARTICLE``, ``SELF`` or ``SOMEONE``)."""
    look = skeleton(text) if len(skeleton(text)) == len(text) else text.lower()
    people = tuple((k, p.name) for k, p in facts.experts.items())
    specific = [(m.start(), m.end(), key) for key, pattern in surname_patterns(people) for m in pattern.finditer(look)]
    specific += [(m.start(), m.end(), key) for key, pattern in
                 _role_patterns(tuple((k, p.short_role or "") for k, p in facts.experts.items()))
                 for m in pattern.finditer(look) if not _A.search(look[:m.start()])]  # "a dermatologist" is anyone
    specific += [(m.start(), m.end(), key) for key, pattern in _place_patterns(tuple((k, p.role) for k, p in facts.experts.items()))
                 for m in pattern.finditer(look)]
    specific += [(m.start(), m.end(), ARTICLE) for m in ARTICLE_NAME.finditer(look)]
    specific += [(pos, pos + 1, str(call.key)) for pos, char in enumerate(text)
                 if (index := call_index(char)) is not None and isinstance(call := calls.get(index), Call)
                 and call.name == "expert" and call.key in facts.experts]
    taken = sorted((start, end) for start, end, _ in specific)
    reach = list(itertools.accumulate((end for _, end in taken), max))  # the furthest end of any name up to each one

    def inside_a_name(pos: int) -> bool:  # "plastic surgeon" names Dr. Nazarian: its "surgeon" is no one else
        before = bisect.bisect_right(taken, (pos, len(look) + 1))
        return before > 0 and reach[before - 1] > pos

    out = [(start, key) for start, _, key in specific]
    out += [(m.start(), _YOU if m[0].lower() in _READER else SELF) for m in _NOT_A_SPEAKER.finditer(look)]
    out += [(m.start(), SOMEONE) for m in _ROLE.finditer(look) if not inside_a_name(m.start())]
    out += [(m.start(), _VERB) for m in _SPEECH.finditer(look)]
    return sorted(out)


_VERB = "verb"
_YOU = "you"
_READER = frozenset({"you", "your", "usted"})
"""The reader, in a sentence: the one a quotation is said to ("you might hear “...”"), never over a doctor named before
it ("Dr. Jaliman says your skin is then “...”": the thirteenth no-hints attack, H6)."""


def _named(text: str, calls: Mapping[int, object], facts: schema.Facts) -> set[str]:
    """The experts and the article ``text`` names (a heading, a table's cell, a block's title)."""
    named = {who for _, who in _mentions(text, calls, facts) if who not in (SELF, SOMEONE, _VERB, _YOU)}
    return named | set(facts.experts) if BOTH_DOCTORS.search(skeleton(text)) else named


def _quote_speaker(mentions: Sequence[tuple[int, str]], start: int, end: int) -> str | None:
    """Whose words the quotation at ``start:end`` of a sentence gives (``mentions``: the sentence's, ``_mentions``):
    before it, within ``NEAR`` characters, whoever spoke last (a name or the article over a role or a verb of
    speech, "we" over what came before it); else the first after it ("“...,” says Dr. Nazarian"); ``None``
    when the sentence has no one near it."""
    first = bisect.bisect_left(mentions, (start - 1 - NEAR, ""))
    last = bisect.bisect_left(mentions, (start - 1, ""))
    found: str | None = None
    for _, who in mentions[first:last]:
        if who == _VERB:  # "says": whoever spoke before it, or someone ("we say", "a page says" are ours)
            found = found or SOMEONE
        elif who == _YOU:  # "you": ours, unless someone spoke before it
            found = found or SELF
        elif who == SELF or who != SOMEONE or found in (None, SELF):
            found = who
    if found is not None:
        return found
    after_all = mentions[bisect.bisect_left(mentions, (end + 1, "")):bisect.bisect_left(mentions, (end + 1 + NEAR, ""))]
    return next((who for _, who in after_all if who not in (SOMEONE, _VERB)), None) or (SOMEONE if after_all else None)


@dataclass
class Quoted:
    """A problem with one quotation: what, and the words."""

    what: str
    words: str
    expected: str
    fix: str


def quotation_problem(words: str, who: str | None, fallback: set[str], facts: schema.Facts, article: str,
                      titles: frozenset[str] = frozenset()) -> Quoted | None:
    """One quotation of ``words`` whose sentence names ``who`` (``_quote_speaker``), read with ``fallback``
    (the speakers named before it in its paragraph, or above it) when its sentence names no one."""

    count = len(words_of(words))
    if not count or (count < QUOTED_WORDS and who in (None, SELF)):
        return None  # a word or a term in quotation marks ("slathering", scare quotes, our own labels)
    speakers = {who} if who not in (None, SELF, SOMEONE) else (set(fallback) if who != SELF else set())
    people = speakers - {ARTICLE}
    if count > passages.QUOTE_MAX_WORDS:
        return Quoted(f"a quotation of {count} words", words, f"a short quotation: at most {passages.QUOTE_MAX_WORDS} "
                      "words of the article", "quote briefly: keep the words that matter, and say the rest in your own "
                      "words without quotation marks.")
    allowed = whose(words, article, facts)
    if allowed is None:
        if who in (None, SELF) and not people and " ".join(words_of(words)) in titles:
            return None  # the title of one of the guide's pages
        return Quoted("a quotation that is not word for word in the article", words,
                      f"the article's own words ({passages.nearest(words, article)})",
                      "copy the words exactly from sources/article.txt, or say it in your own words without quotation "
                      "marks (a quotation of " + str(QUOTED_WORDS) + " or more words is read as someone's words); a "
                      "doctor's quote in another language is shown with {{ quote(\"...\") }}, which marks the "
                      "translation as ours.")
    turn = passages.cut_before_a_turn(words, article)
    if turn is not None:
        return Quoted(f"a quotation that stops where the words go on with '{turn[0]}'", words,
                      f"the quotation on to the end of the sentence, with what limits or turns it (the article goes on: "
                      f"'{turn[1]}')", "quote the whole sentence, or say it in your own words with its 'but' and who said it.")
    negation = _negation_dropped(words, article)
    if negation is not None:
        return Quoted(f"a quotation that leaves out the '{negation}' right before it", words,
                      f"the quotation with its '{negation}' (the article says '{negation} {' '.join(words.split()[:4])} ...')",
                      f"quote from '{negation}' on, or say it in your own words with its '{negation}'.")
    condition = _condition_dropped(words, article) if count >= CONDITION_WORDS else None
    if condition is not None:
        return Quoted(f"a quotation that leaves out the condition before it, '{condition}'", words,
                      f"the quotation with what limits it (the article's sentence has '{condition}' before these words)",
                      f"quote from '{condition.split()[0]}' on, or say it in your own words with its condition and who said it.")
    if people and not people & allowed:
        names = _names(people, facts)
        real = _names(allowed - {ARTICLE}, facts) if allowed - {ARTICLE} else _speaker_name(ARTICLE, facts)
        given = f"the article gives to {real}" if allowed - {ARTICLE} else "that are the article's own"
        return Quoted(f"this quotation credits {names} with words {given}", words,
                      f"the words of {names}, or a sentence that names {real}",
                      f"name {real} as the speaker of these words (or quote what {names} said).")
    return None


CONDITION_WORDS = 3
"""A quotation of this many words or more keeps the condition its article sentence puts before it (one or two words in
quotation marks name a term: "needle in", "punctate")."""
_CONDITION = re.compile(r"(?<![^\W\d_])(?:only if|if|unless|but|provided|as long as|si|salvo|pero)(?![^\W\d_])", re.I)
"""What limits the words after it in a sentence ("but if you have prior commitments, it's totally safe to wear later in the
night"): a quotation that starts after it drops the condition (the eighth no-hints attack, H-E4: "Dr. Nazarian says it
is “totally safe to wear” right away")."""


_NEGATION_BEFORE = re.compile(r"(?<![^\W\d_])(?:not|no|never|won['’]t|don['’]t|doesn['’]t|didn['’]t|can['’]t|cannot|"
                              r"isn['’]t|aren['’]t|wasn['’]t|shouldn['’]t|wouldn['’]t|nunca|tampoco)\s*$", re.I)
"""A negation that stands right before a quotation's first word in the article: a quotation that starts after it says
the opposite ("home devices let you “get the same results as heading to your derm”", cut after "you won't": the ninth
no-hints attack, H5)."""


def _negation_dropped(words: str, article: str) -> str | None:
    """The negation right before ``words`` in the article when every place the article has them has one, else ``None``."""
    found = article_index(article)
    dropped: str | None = None
    for place in occurrences(words, article):
        pos = found.starts[place.start]
        before = _NEGATION_BEFORE.search(article[max(0, pos - 20):pos])
        if before is None:
            return None
        dropped = dropped or before[0].strip()
    return dropped


def _condition_dropped(words: str, article: str) -> str | None:
    """The words from the last ``_CONDITION`` word before ``words`` in its article sentence up to them, when every place
    the article has ``words`` has one; ``None`` when a place has none."""
    if _CONDITION.match(" ".join(words_of(words))):
        return None  # the quotation starts with its condition ("if you have prior commitments, ...")
    found = article_index(article)
    dropped: str | None = None
    for place in occurrences(words, article):
        pos = found.starts[place.start]
        start = max(article.rfind(mark, 0, pos) for mark in ".!?") + 1
        before = list(_CONDITION.finditer(article, start, pos))
        if not before:
            return None
        dropped = dropped or " ".join(article[before[-1].start():pos].split()[:10]).rstrip(" ,;:")
    return dropped


def quotation_errors(page_blocks: Sequence[object], calls: Mapping[int, object], shown: str, facts: schema.Facts,
                     article: str, lines: list[str], titles: frozenset[str] = frozenset(), lang: str = "en"
                     ) -> list[GuideError]:
    """Words a page puts in a speaker's mouth must be the article's, word for word, and the speaker the one
    the article gives them to: every block quote typed on the page (``> ...``; ``{{ quote("...") }}`` is
    checked in the data), every quotation of ``QUOTED_WORDS`` words or more, and every shorter one in a
    sentence that names a speaker. Read on what a reader reads (a quotation over a line break is one), with
    every kind of quotation mark. A Spanish page quotes the English words, or shows our translation through
    ``{{ quote("...") }}``."""
    errors: list[GuideError] = []
    for block in page_blocks:
        assert isinstance(block, Block)
        context: set[str] = set()
        for text in block.context:
            context |= _named(text, calls, facts)
        if block.quoted:
            words = "".join(ch for ch in block.text if call_index(ch) is None).strip()
            by = re.search(r"^[—–-]\s.*$", words, flags=re.M)  # the speaker's line under a quote
            words = (words[:by.start()] + words[by.end():]).strip() if by else words
            named = _named(by[0], calls, facts) if by else set()
            problem = quotation_problem(words, next(iter(named)) if len(named) == 1 else SOMEONE, named | context,
                                        facts, article)
            if problem:
                errors.append(_misquote(shown, lines, problem, "a block quote"))
            continue
        before: set[str] = set()
        at = 0
        for piece in sentences(block.text):
            at = block.text.find(piece, at)
            mentions = _mentions(piece, calls, facts)
            for start, end in quotations(piece):
                if any(a <= at + start < b for a, b in block.code):
                    continue  # code is shown as typed
                words = "".join(ch for ch in piece[start:end] if call_index(ch) is None).strip()
                who = _quote_speaker(mentions, start, end)
                if lang != "en" and who == ARTICLE and len(words_of(words)) < QUOTED_WORDS:
                    continue  # the article's term, translated ("qué quiere decir “sin químicos”": the tenth
                    # new-editor trial); a doctor's words are held to the article in any language
                problem = quotation_problem(words, who, before or context, facts, article, titles)
                if problem:
                    errors.append(_misquote(shown, lines, problem, "a quotation"))
                    if len(errors) >= MAX_QUOTE_ERRORS:
                        return [*errors, GuideError(shown, f"more than {MAX_QUOTE_ERRORS} quotations that are not the "
                                                    "article's words: the rest are not listed", expected="quotations "
                                                    "copied from the article, briefly",
                                                    fix="fix the ones listed and build again.")]
            before = _named(piece[:NEAR * 4], calls, facts) or before
    return errors


NEAR = 300
"""How far from a quotation (characters, either side) its sentence names its speaker: a speaker is named close by."""
MAX_QUOTE_ERRORS = 20
"""A page with more misquotations than this gets this many messages and one that says there are more."""


_NOT_A_SPEAKER = re.compile(r"\b(?:we|us|our|you|your|i|this guide|the guide|a page|the page|pages|nosotros|nuestr[oa]s?|"
                            r"usted|decimos|la guía|esta guía|una página|la página|las páginas)\b", re.I)


def _misquote(shown: str, lines: list[str], problem: Quoted, what: str) -> GuideError:
    first = " ".join(problem.words.split("\n")[0].split())[:40]
    line = locate(lines, first) or locate(lines, first[:15])
    title = problem.what.replace("a quotation", what, 1) if problem.what.startswith("a quotation") else problem.what
    return GuideError(shown, title, line=line, found=quote_line(lines, line) or f"'{problem.words[:100]}'",
                      expected=problem.expected, fix=problem.fix)


def plain_text_problems(text: str, facts: schema.Facts, article: str) -> list[Quoted]:
    """The quotations of a text with no page around it (a description, a glossary meaning, a template string)."""
    out = []
    for piece in sentences(text):
        for start, end in quotations(piece):
            problem = quotation_problem(piece[start:end].strip(), _quote_speaker(_mentions(piece, {}, facts), start, end),
                                        set(), facts, article)
            if problem:
                out.append(problem)
    return out


def check_plain_texts(entries: Sequence[tuple[str, int | None, str | None, str]], what: str, facts: schema.Facts,
                      article: str, lang: str = "en") -> list[GuideError]:
    """Texts shown away from any page's sentences (each glossary meaning is a tooltip on every page that has its
    word; a template string sits in every page's frame): no doctor is named in them, no one is quoted, and what
    an English one says the article says is in the article's words (the fifth attack's glossary credited it with a
    benefit; a sentence of a glossary meaning that reports the article is held to its words). ``entries``: (file, line,
    key, text)."""
    errors: list[GuideError] = []
    for shown, line, key, text in entries:
        named = typed_names(text, facts) - {ARTICLE}
        if named:
            names = _names(named, facts)
            errors.append(GuideError(shown, f"{what} that names {names}", line=line, key=key, found=f"'{text[:120]}'",
                                     expected=f"no doctor named: {what} is shown away from the page's sentences, where "
                                              "no one can check who said it",
                                     fix="leave the name out (the article may be named: 'the article says'); put what a "
                                         "doctor said on a page, through the macros."))
            continue
        for problem in plain_text_problems(text, facts, article):
            errors.append(GuideError(shown, f"{what}: {problem.what}", line=line, key=key, found=f"'{text[:120]}'",
                                     expected=problem.expected, fix=problem.fix))
        new = next((word for piece in sentences(text) if meaning_words.REPORTS.search(skeleton(piece))
                    and (word := _not_in_article(piece, article))), None) if what == GLOSSARY and lang == "en" else None
        if new:
            errors.append(GuideError(shown, f"{what} that says what the article says, with '{new}', a word the article "
                                            "does not have", line=line, key=key, found=f"'{text[:120]}'",
                                     expected="what the article says, in its words: a text that reports the article "
                                              "(\"the article says\") has no word the article does not",
                                     fix="give what the article says in its words, or leave the report out; a claim "
                                         "reaches the pages through its fact, with its passage."))
    return errors


GLOSSARY = "a glossary meaning"
_REPORT_WORDS = frozenset("article article's articles call calls called says said say name names named word words".split())


def _not_in_article(text: str, article: str) -> str | None:
    """The first word of ``text`` (which reports what the article says) that the article does not have."""
    have = _article_stems(article)
    return next((word for word in meaning_words.words(text) if word not in meaning_words.PLAIN and word not in _REPORT_WORDS
                 and meaning_words.stem(word) not in have), None)


@functools.lru_cache(maxsize=2)
def _article_stems(article: str) -> frozenset[str]:
    return frozenset(meaning_words.stem(word) for word in meaning_words.words(article))


def check(text: str, shown: str, facts: schema.Facts, first_line: int = 1) -> None:
    """Raise ``GuideError`` on the first sentence of page ``text`` (Markdown with macro calls) that
    credits a fact to the wrong speaker."""
    body = "\n" * (first_line - 1) + text
    markdown, _, call_list, _ = substitute(body)
    calls = {c.index: c for c in call_list}
    errors = page_errors(blocks(parse_fragment(to_html(markdown))), calls, shown, facts)
    if errors:
        raise errors[0]


# --- templates (includes/partials): on their source -------------------------------------

BLOCK_HTML = re.compile(r"</?(?:p|div|dl|dt|dd|li|ul|ol|tr|td|th|table|thead|tbody|caption|figure|figcaption|"
                        r"h[1-6]|details|summary|section|title|desc|text|tspan|svg|g)\b[^<>]{0,2000}>", re.I)
INLINE_HTML = re.compile(r"<[^<>]{0,2000}>")
NEW_BLOCK = re.compile(r"\n(?=[ \t]*(?:#|[-*+] |\d+\. |>|\||!!!|:   |\{:|<))")


@dataclass
class TemplateCall:
    """One ``{{ ... }}`` in a template sentence: what it shows and whom it names."""

    line: int
    shows: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # expert keys
    who: list[str] = field(default_factory=list)  # fact keys whose speaker it prints
    quotes: list[str] = field(default_factory=list)  # quote keys: a quote is its expert's words too
    whole: bool = False  # say(...): a whole sentence of the catalogue (includes/strings/), its end inside the string


@dataclass
class Sentence:
    """A sentence of a template: its prose (calls left out), its calls, and its paragraph."""

    line: int
    text: str = ""
    calls: list[TemplateCall] = field(default_factory=list)
    block: int = 0
    ends_in_call: bool = False

    @property
    def only_calls(self) -> bool:
        return bool(self.calls) and not re.sub(r"[\s:.,;]", "", self.text)


_JINJA = jinja2.Environment()


def _parse_call(source: str, line: int) -> TemplateCall:
    call = TemplateCall(line)
    try:
        tree = _JINJA.parse(source)
    except jinja2.TemplateSyntaxError:
        return call  # the page scan reports syntax errors with their own message
    for node in tree.find_all(nodes.Call):
        if not isinstance(node.node, nodes.Name) or not node.args:
            continue
        first = node.args[0]
        if not isinstance(first, nodes.Const) or not isinstance(first.value, str):
            continue
        if node.node.name in SHOWS:
            call.shows.append(first.value)
        elif node.node.name == "expert":
            call.names.append(first.value)
        elif node.node.name == "who":
            call.who.append(first.value)
        elif node.node.name == "quote":
            call.quotes.append(first.value)
    call.whole = any(isinstance(node.node, nodes.Name) and node.node.name == "say" for node in tree.find_all(nodes.Call))
    return call


_SPLIT_AT = re.compile(r"\n[ \t]*\n|" + NEW_BLOCK.pattern + r"|\n|\||\x00|" + SENTENCE_END.pattern)
"""Where prose may end a sentence: a blank line, a new block, a line break, a table cell, a block tag (``\x00``,
:meth:`_Splitter.prose`) or a sentence's end mark."""


class _Splitter:
    """:func:`split` reading a template: the sentences so far, the paragraph number, the sentence being read and the
    line reached."""

    def __init__(self, text: str, first_line: int) -> None:
        self.out: list[Sentence] = []
        self.block = 0
        self.current = Sentence(first_line)
        self.line = first_line
        self.headings = {first_line + i for i, row in enumerate(text.split("\n")) if row.lstrip().startswith("#")}

    def close(self, next_line: int, new_block: bool) -> None:
        """End the sentence being read (kept if it has words or calls), and start one at ``next_line``."""
        if self.current.text.strip() or self.current.calls:
            self.current.text = " ".join(self.current.text.split())
            self.current.block = self.block
            self.out.append(self.current)
        if new_block:
            self.block += 1
        self.current = Sentence(next_line)

    def prose(self, chunk: str) -> None:
        """Read the text between two template tags."""
        chunk = INLINE_HTML.sub(lambda m: "\x00" if BLOCK_HTML.fullmatch(m[0]) else "", chunk)
        pos = 0
        for m in _SPLIT_AT.finditer(chunk):
            if (m[0] == "\n" and not NEW_BLOCK.match(chunk, m.start())
                    and self.line + chunk.count("\n", pos, m.start()) not in self.headings):
                continue  # a line break inside a paragraph; a heading's line ends its sentence
            if m[0][0] in ".!?…":
                if m[0][0] == "." and not m[0].startswith("...") and abbreviation_before(chunk, m.start()):
                    continue
                self.current.text += chunk[pos:m.end()]
                self.current.ends_in_call = False
                self.line += chunk.count("\n", pos, m.end())
                pos = m.end()
                self.close(self.line, False)
                continue
            self.current.text += chunk[pos:m.start()]
            if chunk[pos:m.start()].strip():
                self.current.ends_in_call = False
            self.line += chunk.count("\n", pos, m.end())
            pos = m.end()
            self.close(self.line, True)
        self.current.text += chunk[pos:]
        if chunk[pos:].strip():
            self.current.ends_in_call = False
        self.line += chunk.count("\n", pos)
        if not self.current.text.strip() and not self.current.calls:
            self.current.line = self.line


def split(text: str, first_line: int = 1) -> list[Sentence]:
    """The sentences of a template, each with its first line, its calls and its paragraph number."""
    reader = _Splitter(text, first_line)
    pos = 0
    for tag in _template_tags(text):
        reader.prose(text[pos:tag.start()])
        if tag[0].startswith("{{"):
            call = _parse_call(tag[0], reader.line)
            if call.whole:  # a sentence of its own: what came before it ends, and it ends where it does
                reader.close(reader.line, False)
            reader.current.calls.append(call)
            reader.current.ends_in_call = True
            if call.whole:
                reader.close(reader.line + tag[0].count("\n"), False)
        elif tag[0].startswith("{%"):
            reader.close(reader.line, True)
        reader.line += tag[0].count("\n")
        pos = tag.end()
    reader.prose(text[pos:])
    reader.close(reader.line, True)
    return _run_on(reader.out)

def _template_tags(text: str) -> Iterator[re.Match[str]]:
    """``{{ }}``, ``{% %}`` and ``{# #}`` in order, in one pass: a tag with no end ends the search."""
    pos = 0
    while True:
        opener = _OPENER.search(text, pos)
        if opener is None:
            return
        closer = text.find(_CLOSERS[opener[0]], opener.end())
        if closer < 0:
            return
        match = re.compile(re.escape(text[opener.start():closer + 2]), re.S).match(text, opener.start())
        assert match is not None
        yield match
        pos = closer + 2


_OPENER = re.compile(r"\{[{%#]")
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def _run_on(sentences_: list[Sentence]) -> list[Sentence]:
    """Join "... say these:" with a paragraph under it that is only a macro call."""
    out: list[Sentence] = []
    for sentence in sentences_:
        if out and sentence.only_calls and out[-1].text.rstrip().endswith(":") and not out[-1].ends_in_call:
            out[-1].calls.extend(sentence.calls)
        else:
            out.append(sentence)
    return out


def check_template(text: str, shown: str, facts: schema.Facts, first_line: int = 1) -> list[GuideError]:
    """Who said it in one template's source."""
    every = facts.all_facts()
    errors: list[GuideError] = []
    by_block: dict[int, list[Said]] = {}
    for sentence in split(text, first_line):
        said = Said(sentence.line, names=typed_names(sentence.text, facts))
        for call in sentence.calls:
            said.names.update(k for k in call.names if k in facts.experts)
            said.names.update(every[k].expert for k in call.who if k in every)
            said.shows.extend((k, call.line) for k in call.shows)
            said.quotes.extend((k, call.line) for k in call.quotes)
        by_block.setdefault(sentence.block, []).append(said)
    for said_list in by_block.values():
        errors.extend(check_said(said_list, set(), shown, facts))
    return errors


def check_templates(folder: Path, facts: schema.Facts, display_root: str) -> list[GuideError]:
    """The same check on the partials' templates (``includes/partials/``): every problem."""
    errors: list[GuideError] = []
    for path in _templates(folder):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        errors.extend(check_template(text, f"{display_root}/{path.relative_to(folder).as_posix()}", facts))
    return errors


def _templates(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".html", ".svg"):
            yield path


# --- claims credited in prose: only the macros put a doctor's words on a page (no-hints review, finding 5) ----

_STRONG = (r"says|said|say|saying|recommends?|recommended|advises?|advised|suggests?|suggested|warns?|warned|according to|"
           r"believes?|believed|tells|told|claims|claimed|insists?|agrees?|agreed|stresses|confirms?|confirmed|thinks?|puts it|"
           r"feels? that|find that|piensan?|creen|(?:es|son|era)\s+de\s+la\s+dra\.?|"
           r"(?:is|are|was|were)\s+(?:also\s+|too\s+|all\s+|really\s+|just\s+|both\s+)?dra?\.?\s*[^\W\d_]+['’]s|"
           r"swears? by|swore by|points? out|pointed out|vouch(?:es)? for|vouched for|jura por|destaca|subraya|"
           r"en (?:la )?experiencia de|"
           r"in (?:her|his|their) (?:words|view)|dice|dicen|dijo|decía|recomienda|recomiendan|recomendó|aconseja|aconsejan|"
           r"aconsejó|según|advierte|advirtió|sugiere|sugirió|afirma|afirmó|asegura|aseguró|sostiene|cree|opina|insiste|"
           r"de acuerdo con|est[áa]n? de acuerdo|coinciden?|en (?:sus|palabras de)|"
           r"in (?:her|his|their) (?:opinion|advice)|en (?:opinión|la opinión) de|para (?:el|la) (?:dra?\.?|doctora?)|"
           r"(?:el|su) consejo de")
_WEAK = (r"(?:explains?|explained|notes|noted|adds|added|states|stated|writes|wrote|explica|explicó|señala|señaló|añade|"
         r"añadió|agrega|agregó|comenta|comentó|indica|indicó)(?=\s+(?:that|how|why|what|que|cómo)(?![^\W\d_])|\s*(?:[:,.;!?]|$))")
"""Words that report only before "that" or at a clause's end ("explains that ...", "..., Dr. Nazarian explains."):
"explains the basics", "describes the pen" name a topic."""
_HERS = r"(?:view|advice|opinion|words|take|recommendation|verdict|tip|tips|experience|pick|favou?rite)"
"""What a doctor's possessive credits to her ("Dr. Jaliman's tip", "In Dr. Nazarian's experience")."""
REPORTING = re.compile(r"(?<![^\W\d_])(?:" + _STRONG + r"|" + _WEAK + r")(?![^\W\d_])"
                       r"|['’]s\s+" + _HERS + r"(?![^\W\d_])", re.I)
"""Words that credit what follows (or comes before) to the one a sentence names: "says", "according to", "dice",
"según"... (``_SPEECH`` is the shorter list the quotation check reads speakers by)."""
_ONE_DOCTOR = (r"(?:doctor|doc|derm|dermatologist|surgeon|physician|expert|specialist|professor|médic[oa]|doctora|dermatólog[oa]|"
               r"cirujan[oa]|expert[oa]|especialista|profesor|profesora)")
DOCTOR_ROLE = re.compile(r"(?<![^\W\d_])" + _ONE_DOCTOR + r"\s+(?:[^\W\d_]+\s+)?(?:" + _STRONG + r"|" + _WEAK + r")(?![^\W\d_])"
                         + r"|(?<![^\W\d_])(?:according to|según|de acuerdo con)\s+(?:the|your|a|my|el|la|su|mi|un|una)\s+"
                         + _ONE_DOCTOR + r"(?![^\W\d_])"
                         + r"|(?<![^\W\d_])" + _ONE_DOCTOR + r"['’]s\s+" + _HERS
                         + r"(?![^\W\d_])", re.I)
"""A doctor named by her role alone, as the one who says it ("the dermatologist says ...", "your doctor recommends",
"según la dermatóloga"): a claim credited to one of the experts. (Plural roles, "its two doctors", name the article's
pair in the guide's own summaries.)"""
ANY_DOCTOR = "a doctor"
BOTH = "both doctors"
BOTH_DOCTORS = re.compile(r"(?<![^\W\d_])(?:(?:both|the two|ambas|ambos|las dos|los dos)\s+(?:of\s+the\s+|de\s+las?\s+|de\s+los\s+)?"
                          + _ONE_DOCTOR + r"(?:s|es|as|os)?"
                          + r"|(?:the|our|these|las|los|nuestr[ao]s|estas|estos)\s+" + _ONE_DOCTOR + r"(?:s|es|as|os))"
                          + r"\s+(?:[^\W\d_]+\s+)?(?:" + _STRONG + r"|" + _WEAK + r")(?![^\W\d_])", re.I)
"""Both doctors named as the ones who say it ("both doctors say", "the two dermatologists agree", "ambas médicas
dicen"; "the doctors agree", "las médicas están de acuerdo" name both too): a claim that needs a fact or quote of each
(the fourth no-hints attack, the fifth new-editor trial)."""
_FILLER = frozenset("""dr dra drs dras doctor doctora the a an la el los las lo le les del de al and y e or o it this that
so them esto eso así as what when who how which why where qué que cuándo cuando quién quien cómo como cuánto cuanto dónde
un una unos unas su sus her his its their""".split())
"""Words that are no claim of their own beside a name and a reporting word ("What Dr. Nazarian says", "…, says Dr. Nazarian")."""
_POINTER_START = re.compile(r"^(?:(?:and|or|but|for|to|see|y|o|pero|para|saber|cada)\s+)*(?:when|who|what|how|which|why|where|as|"
                            r"cuándo|cuando|quién|quien|qué|cómo|cuánto|dónde)(?![^\W\d_])", re.I)
"""A clause that asks rather than claims ("when the article and Dr. Jaliman say to skip or wait", "según ... cuándo
esperar"): a page's title or description, or a heading, says what the page shows, not what the doctor says."""
_SEE_WHERE = re.compile(r"(?<![^\W\d_])(?:see|read|find|verá|vea|lea|leerá|encontrará)\s+(?:below\s+|más abajo\s+|abajo\s+)?"
                        r"(?:when|who|what|how|which|cuándo|quién|qué|cómo|cuánto)(?![^\W\d_])", re.I)
"""A clause that sends the reader to where it is shown ("más abajo verá quién debe esperar ... según la Dra. Jaliman")."""
_CLAUSE_BREAK = re.compile(r"[,;:—–]")
LINK_MARK = "\ue0fe"
"""Put before the words of a link to a page of the site (``guide.content.rendered``, on the blocks of
``guide.content.reading``): the claim is shown there, by its macros."""


@dataclass
class Credited:
    """One sentence that credits a claim to a doctor: whom it names, whether it only asks ("when Dr. X says")."""

    doctors: set[str]
    pointer: bool  # the clause asks ("when Dr. X says ..."): a title, description or heading saying what the page shows
    sends: bool = False  # the clause sends the reader to it ("see below who ..."), anywhere


def credited(sentence: str, calls: Mapping[int, object], facts: schema.Facts) -> Credited | None:
    """Whether ``sentence`` (plain text; a stand-in for each macro call) credits a claim to a doctor: it names one (her
    name, her role, ``expert("...")``, or a doctor's role alone) and has a reporting word, and words beside them
    that say something. ``None`` when it does not."""

    plain = re.sub(r"\([^()]*\)", " ", sentence)  # "(mantenimiento, cicatrices...)": an aside, no clause of its own
    if not REPORTING.search(skeleton(plain)):
        return None
    doctors = {who for _, who in _mentions(sentence, calls, facts) if who in facts.experts}
    if BOTH_DOCTORS.search(skeleton(plain)):
        doctors = set(facts.experts) | {BOTH}
    if not doctors and DOCTOR_ROLE.search(skeleton(sentence)):
        doctors = {ANY_DOCTOR}
    if not doctors:
        return None
    clauses = [c for c in _CLAUSE_BREAK.split(plain)]
    at = next((i for i, c in enumerate(clauses) if REPORTING.search(skeleton(c))), 0)

    def content(text: str) -> list[str]:
        return _content_words(text, calls, facts)

    own = content(clauses[at])
    if own or _POINTER_START.match(" ".join(clauses[at].split())):
        claim = clauses[at]
    else:  # "según el artículo y la Dra. Jaliman": the claim is the clause beside it
        rest = [i for i in range(len(clauses)) if i != at and content(clauses[i])]
        if not rest:
            return None  # "What Dr. Nazarian says", "…, Dr. Nazarian says:"
        claim = clauses[max((i for i in rest if i < at), default=min(rest))]
    return Credited(doctors, bool(_POINTER_START.match(" ".join(claim.split()))), bool(_SEE_WHERE.search(claim)))


def _content_words(text: str, calls: Mapping[int, object], facts: schema.Facts) -> list[str]:
    """The words of ``text`` that say something: not a doctor's name, role or place, not a reporting word, not
    filler ("the", "her"), not a stand-in for ``expert(...)`` (which shows only who she is)."""
    look = skeleton(text)
    for pattern in (REPORTING, BOTH_DOCTORS, DOCTOR_ROLE, ARTICLE_NAME, *(p for _, p in surname_patterns(
            tuple((k, p.name) for k, p in facts.experts.items()))),
                    *(p for _, p in _role_patterns(tuple((k, p.short_role or "") for k, p in facts.experts.items()))),
                    *(p for _, p in _place_patterns(tuple((k, p.role) for k, p in facts.experts.items())))):
        look = pattern.sub(" ", look)
    words = re.findall(r"[^\W\d_]+|\d+|[\ue000-\uf8ff]", look)
    return [w for w in words if w not in _FILLER and (len(w) > 1 or call_index(w) is None or _is_shown(w, calls))]


def described(sentence: str, calls: Mapping[int, object], facts: schema.Facts) -> Credited | None:
    """Whether ``sentence`` says something of a doctor with no reporting word ("Dr. Jaliman uses microneedling to
    treat eczema in her own office", "Dr. Nazarian sees good results": the sixth no-hints attack): it names her and
    has words of its own beside her name. A question asks, and claims nothing; ``expert(...)`` alone, or her name
    with only filler, says who she is. ``None`` when it does not; else, like :func:`credited`, the sentence must
    show a fact or quote of hers itself, or end with ":" above one: a fact of hers in the next sentence says something
    else of her (the seventh new-editor trial: "Dr. Nazarian uses it to treat rosacea. She says the number of sessions
    depends on ...")."""
    plain = re.sub(r"\([^()]*\)", " ", sentence).strip()
    if plain.endswith("?") or plain.startswith("¿"):
        return None
    doctors = {who for _, who in _mentions(sentence, calls, facts) if who in facts.experts}
    if not doctors:
        return None
    topics = topic_words(facts, labels=False) - set().union(*(_about_her(facts).get(who, frozenset()) for who in doctors))
    words = _content_words(plain, calls, facts)
    if not any(word in _EFFECT for word in words) and (_ANNOUNCES.search(skeleton(plain)) or not any(
            _one(word) in topics for word in words)):
        return None  # "Dr. Jaliman's clinic is in New York", "Dr. Nazarian's office uses a mask", "Dr. Jaliman explains
        # aftercare": nothing of the treatment, or a subject she speaks of
    return Credited(doctors, pointer=False)


def _about_her(facts: schema.Facts) -> dict[str, frozenset[str]]:
    """For each doctor, the words of the facts whose own text names her ("In Dr. Nazarian's office, a mask goes on
    last": mask), which a sentence may say of her as the article does ("Dr. Nazarian's office uses a mask")."""
    people = tuple((k, p.name) for k, p in facts.experts.items())
    out: dict[str, set[str]] = {}
    for fact in facts.all_facts().values():
        value = getattr(fact, "items", None) or getattr(fact, "value", None)
        for text in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
            for key, pattern in surname_patterns(people):
                if pattern.search(skeleton(text)):
                    out.setdefault(key, set()).update(_one(w) for w in words_of(text))
    return {key: frozenset(words) for key, words in out.items()}


_ANNOUNCES = re.compile(r"(?<![^\W\d_])(?:explains?|describes?|compares?|discusses|covers|talks about|walks through|"
                        r"explica|describe|compara|habla de|trata de)(?![^\W\d_])")
"""A sentence that names what a doctor speaks of ("Dr. Jaliman explains aftercare", "describes the pen"): a subject,
not a claim, unless it has a word of what a treatment does."""
_EFFECT = frozenset("""treat treats treated treating heal heals healed healing cure cures cured result results
fix fixes fixed clears cleared improve improves improved reverse reverses reversed remove removes removed erase erases
fade fades trata tratar trató cura curar sana sanar resultado resultados mejora mejoran mejorar quita quitan borra
elimina eliminan revierte gone disappears disappear vanishes desaparece desaparecen irse thickens thicken lightens
lighten brightens brighten drains drain calms tightens tighten plumps engrosa aclara ilumina calma drena reafirma
tensa""".split())
"""Words of what a treatment does, which say something of the treatment beside a doctor's name ("Dr. Jaliman treats
eczema with it", "Dr. Nazarian sees good results") wherever the facts do not name them. Not "helps" or "works": "Dr.
Nazarian's questions help", "Dr. Jaliman works in New York"."""


def _is_shown(char: str, calls: Mapping[int, object]) -> bool:
    index = call_index(char)
    call = calls.get(index) if index is not None else None
    return isinstance(call, Call) and call.name != "expert"


def _speakers_shown(text: str, calls: Mapping[int, object], facts: schema.Facts) -> set[str]:
    """Whose facts and quotes ``text`` shows by their macros (``expert:`` in data/facts.yml)."""
    every = facts.all_facts()
    out = set()
    for char in text:
        index = call_index(char)
        call = calls.get(index) if index is not None else None
        if not isinstance(call, Call) or not call.key:
            continue
        said = (every[call.key].expert if call.name in SHOWS and call.key in every else
                facts.quotes[call.key].expert if call.name == "quote" and call.key in facts.quotes else None)
        if said is not None:
            out.add(said)
    return out


def _carries(text: str, doctors: set[str], calls: Mapping[int, object], facts: schema.Facts) -> bool:
    """Whether ``text`` shows a fact or quote (by its macro) that data/facts.yml gives to one of ``doctors``, or quotes
    words of hers (``QUOTED_WORDS`` or more, which the quotation check holds to the article's words and speaker)."""

    said = _speakers_shown(text, calls, facts) - {ARTICLE}
    if said & doctors or (said and ANY_DOCTOR in doctors):
        return True
    return any(len(words_of(text[start:end])) >= QUOTED_WORDS for start, end in quotations(text))


def _unquoted(text: str) -> str:
    """``text`` without its quotations (and their marks)."""
    out, at = [], 0
    for start, end in quotations(text):
        out.append(text[at:max(at, start - 1)])
        at = end + 1
    return "".join(out) + text[at:]


def _credit_error(shown: str, line: int | None, found: str, doctors: set[str], facts: schema.Facts,
                  where: str = "this sentence", does: str = "credits a claim to") -> GuideError:
    keys = sorted(doctors - {ANY_DOCTOR, BOTH})
    names = _names(set(keys), facts) if keys else ANY_DOCTOR
    join, hers, say = " or ", ("hers" if len(keys) == 1 else "either of them") if keys else "a doctor", "says"
    if BOTH in doctors:
        names, join, hers, say = f"both doctors ({names})", " and ", "each of them", "say"
    return GuideError(
        shown, f"{where} {does} {names} with no fact or quote of {hers}",
        line=line, found=found,
        expected=f"a doctor's words and claims only through the macros: a sentence that says what {names} {say}, "
                 f"recommend{'s' if say == 'says' else ''} or advise{'s' if say == 'says' else ''} shows a fact or quote "
                 "data/facts.yml gives to " + (join.join(f"expert: {k}" for k in keys) if keys else "a doctor"),
        fix="show the claim with {{ fact(\"...\") }} or {{ quote(\"...\") }} ("
            + ("a fact or quote of each doctor" if BOTH in doctors else "the fact or quote of hers") + " in data/facts.yml), "
            "or end the sentence with ':' above the macro that shows it; if the article does not say it, remove the sentence. "
            "A sentence that only names her (\"Dr. Nazarian is a plastic surgeon\") builds.")


def sentence_line(lines: list[str], piece: str, typed: Mapping[int, object]) -> int | None:
    """The line of the page's source that holds ``piece`` (a rendered sentence, stand-ins for its calls): by its
    longest run of words between calls, else by the whole sentence."""
    words = max((" ".join(run.split()) for run in re.split("[\ue000-\uf8ff]", piece)), key=len)
    for needle in (words[:80].lower(), words[:30].lower(), words.rstrip(" .!?,;:")[:30].lower()):  # the longest first: a
        # heading may share its first words; the last without its full stop (a link's words end before "](...).")
        if len(needle) >= 8:
            rows = [n for n, row in enumerate(lines, 1) if needle in row.lower()]
            prose = [n for n in rows if not lines[n - 1].lstrip().startswith(("#", "title:", "description:"))]
            if prose or rows:
                return (prose or rows)[0]
    return locate(lines, piece, typed)  # type: ignore[arg-type]


def credit_errors(page_blocks: Sequence[object], calls: Mapping[int, object], shown: str, facts: schema.Facts,
                  lines: list[str]) -> list[GuideError]:
    """Each sentence of a rendered page that credits a claim to a doctor (``credited``) and shows no fact or quote of
    hers: not in itself, not in the sentence after it in its paragraph (naming no one else: "Dr. Jaliman says some
    ingredients are too strong. She says to avoid {{ fact(...) }}"), not under it when it ends with ':' (its list or
    quote), and with no link to a page of the site in the sentence after it, or in itself when it only asks ("For when
    Dr. Nazarian says makeup is fine again, see [aftercare](...)"): the claim is shown there, by its macros. A heading
    that only asks ("What Dr. Nazarian says") credits nothing."""
    typed = {index: call for index, call in calls.items() if isinstance(call, Call)}
    errors: list[GuideError] = []
    blocks_ = [b for b in page_blocks if isinstance(b, Block)]
    for number, block in enumerate(blocks_):
        pieces = sentences(block.text)
        for i, piece in enumerate(pieces):
            plain = piece.replace(LINK_MARK, "")
            found = credited(plain, calls, facts)
            reported = found is not None
            found = found or described(plain, calls, facts)
            sending = LINK_MARK in piece or (found is not None and (found.sends or found.pointer))
            if sending and (wrong := _not_her_topic(plain, calls, facts)) is not None:
                line = sentence_line(lines, piece, typed)
                errors.append(_credit_error(shown, line, quote_line(lines, line) or f"'{readable(piece, typed)[:100]}'",
                                            wrong[1], facts, does=f"sends the reader to what the article says on '{wrong[0]}' as from"))
                continue
            if found is None or found.sends or (found.pointer and block.kind.startswith("h")):
                continue
            if quotations(plain) and credited(_unquoted(plain), calls, facts) is None:
                continue  # her words in quotation marks, nothing besides: the quotation check holds them to the article
            if _speakers_shown(plain, calls, facts) - _named(plain, calls, facts):
                continue  # a fact or quote of someone the sentence does not name: page_errors says so
            near = [piece]
            if reported and i + 1 < len(pieces) and not (_named(pieces[i + 1], calls, facts) - found.doctors):
                near.append(pieces[i + 1])  # what she says is in the next sentence ("She says to avoid ...")
            if i == len(pieces) - 1 and piece.rstrip().endswith(":"):
                near += [b.text for b in blocks_[number + 1:] if block.text in b.context]
            if not reported and ARTICLE in _named(plain, calls, facts) and any(_speakers_shown(text, calls, facts) for text in near):
                continue  # "The article walks through a visit, with details from Dr. Nazarian's office:" and its list
            if any(_speakers_shown(text, calls, facts) - _named(plain, calls, facts) - _named(text, calls, facts)
                   for text in near[1:]):
                continue  # the list or quote under it is someone else's: page_errors says so
            if BOTH in found.doctors:
                said = set().union(*(_speakers_shown(text, calls, facts) for text in near))
                if set(facts.experts) <= said:
                    continue  # a fact or quote of each
            elif (any(_carries(text, found.doctors, calls, facts) for text in near)
                    or (LINK_MARK in piece and found.pointer) or (len(near) > 1 and LINK_MARK in near[1])):
                continue  # "For when Dr. Nazarian says ..., see [aftercare](...)"; "... See [aftercare](...) for ..."
            line = sentence_line(lines, piece, typed)
            errors.append(_credit_error(shown, line, f"'{readable(piece, typed)[:160]}'",  # the sentence, not its line's
                                        found.doctors, facts, does="credits a claim to" if reported else "says something of"))
    return errors


def _not_her_topic(plain: str, calls: Mapping[int, object], facts: schema.Facts) -> tuple[str, set[str]] | None:
    """A thing of the facts that a sentence sending the reader on ("See [Dr. Jaliman's makeup advice](...)", "For when
    Dr. X says ...") gives to the doctors it names, when only another doctor's facts speak of it (the ninth no-hints
    attack, H11: the makeup advice is Dr. Nazarian's): the thing and the doctors named; ``None`` when it names no
    doctor, or each thing is in a fact of hers or in no doctor's."""
    doctors = _named(plain, calls, facts) & set(facts.experts)
    if not doctors:
        return None
    topics = topic_words(facts)
    hers = _her_words(facts)
    others = frozenset().union(*(words for who, words in hers.items() if who in facts.experts and who not in doctors))
    for word in _content_words(plain, calls, facts):
        if (len(word) >= 4 and word not in _GENERIC and _is_topic(word, topics) and _is_topic(word, others)
                and not any(_is_topic(word, hers.get(who, frozenset())) for who in doctors)):
            return word, doctors
    return None


def _her_words(facts: schema.Facts) -> dict[str, frozenset[str]]:
    """For each doctor, the words of her facts and quotes (label, value, items, note, quote text)."""
    out: dict[str, set[str]] = {}
    for fact in facts.all_facts().values():
        texts = [fact.label, str(getattr(fact, "value", "") or ""), *(getattr(fact, "items", None) or []),
                 str(getattr(fact, "note", "") or "")]
        out.setdefault(fact.expert, set()).update(_one(w) for text in texts for w in words_of(text))
    for quote in facts.quotes.values():
        out.setdefault(quote.expert, set()).update(_one(w) for w in words_of(quote.text))
    return {who: frozenset(words) for who, words in out.items()}


def plain_credit_errors(text: str, shown: str, line: int | None, key: str, facts: schema.Facts) -> list[GuideError]:
    """A page's title, description or review note (search results, shares, the page's data): no macro can show a
    claim there, so a sentence that credits one to a doctor is refused, unless it only says what the page shows
    ("when the article and Dr. Jaliman say to skip or wait", "según el artículo y la Dra. Jaliman")."""
    errors = []
    for piece in sentences(text):
        found = credited(piece, {}, facts)
        if found is not None and not (found.pointer or found.sends):
            errors.append(_credit_error(shown, line, f"'{text[:120]}'", found.doctors, facts, where=f"the {key}"))
    return errors


# --- the guide's own advice: shown from the article, or labelled ours (the third no-hints attack, F7) ----------

_DO_EN = (r"(?:use|apply|wear|take|skip|go|return|resume|start|stop|keep|put|have|get|do|try|book|exfoliate|wash|treat|"
          r"continue|drink|drive|avoid|wait|leave|come|expect)")
_DO_ES = (r"(?:usar|usarlo|usarla|aplicar|aplicarse|ponerse|poner|tomar|saltarse|volver|empezar|dejar|seguir|hacerse|hacerlo|"
          r"maquillarse|exfoliar|exfoliarse|lavarse|tratar|tratarse|evitar|esperar|beber|regresar|continuar|conducir|manejar)")
_ADVISES = {
    "en": re.compile(r"(?<![^\W\d_])(?:(?:you|one)\s+(?:do not|don['’]t|won['’]t|will not)\s+need\s+(?!to\b)|"
                     r"(?:it is|it's|it’s|is|are|it will be|will be)\s+(?:fine|safe|okay|ok|all right|alright|"
                     r"good|best|better|wise|smart)\s+to|no need to|(?:you|one)\s+(?:can|could|may|should|must|might|need to|have to|"
                     r"ought to|don['’]t (?:need|have) to|do not (?:need|have) to|are free to)\s+(?:now\s+|still\s+|safely\s+|"
                     r"also\s+|just\s+)?" + _DO_EN + r"|^(?:avoid|skip|stop|wait|keep|use|apply|wear|don['’]t|do not|never|go ahead|"
                     r"resume|start|feel free)(?![^\W\d_])|(?:pause|quit|suspend)\s+(?:them|it|taking)(?![^\W\d_])|stop\s+taking(?![^\W\d_]))",
                     re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:(?:es|está|será)\s+(?:bien|seguro|mejor|recomendable|buena idea)\s+(?:que|[^\W\d_]+r(?:se)?)"
                     r"(?![^\W\d_])|no hace falta|no es necesario|no (?:le )?(?:necesita|necesitará)\s+(?!que\b)|"
                     r"(?:usted\s+)?(?:puede|pueden|podrá|debe|deben|debería|tiene que|"
                     r"necesita)\s+(?:volver a\s+|seguir\s+|ya\s+)?" + _DO_ES + r"(?![^\W\d_])|^(?:evite|espere|use|aplique|no use|"
                     r"deje|siga|nunca|empiece|vuelva)(?![^\W\d_])|suspénd(?:alos|alo|alas|ala)|deje de tomar(?:los|las|lo|la)?)",
                     re.I),
}
PERMITS = {
    "en": re.compile(r"(?<![^\W\d_])(?:(?:is|are|it's|it’s|'s|’s)\s+(?:\w+ly\s+)?(?:fine|safe|okay|ok|all right|alright|no problem|harmless"
                     r"|optional|unnecessary|not necessary|not needed)|(?:do|does)(?: not|n't| not really) matter"
                     r"|no need to|nothing wrong with|no harm in|(?:you|one)\s+(?:can|may|are free to)\s+(?:\w+\s+){0,3}?(?:again|now)"
                     r"|go ahead|(?:is|are|it's|it’s)\s+(?:no|not an?)\s+(?:issue|big deal|concern)"
                     r"|can (?:also |safely )?(?:try it|have it done|get it done))(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:(?:es|son)\s+(?:\w+mente\s+)?(?:bien|segur[oa]s?|sin peligro|inofensiv[oa]s?|opcional(?:es)?"
                     r"|innecesari[oa]s?)|no importan?"
                     r"|(?:está|están)\s+(?:\w+mente\s+)?(?:bien|sin peligro)"
                     r"|no hay (?:ningún )?problema|sin problema|no pasa nada|no hace falta|no es necesario"
                     r"|no (?:es|son) (?:un |ningún )?problema"
                     r"|(?:puede|pueden)\s+(?:\w+\s+){0,3}?(?:de nuevo|otra vez|ya)"
                     r"|(?:puede|pueden)\s+(?:también\s+)?(?:probarlo|hacérselo|probar el tratamiento))(?![^\W\d_])", re.I),
}
"""The guide's voice saying what is fine or safe to do ("Makeup is fine the next day", "no need to", "Está bien ...",
"No hay problema en ..."): advice wherever it stands, and never ours to give, even after {{ suggestion() }}."""
_AFTER = {
    "en": re.compile(r"(?<![^\W\d_])(?:the next day|the day after|right after|straight after|afterwards?|again|"
                     r"that (?:same )?(?:night|evening|day)|tonight|the same day|right away|straight away|immediately|"
                     r"(?:the )?next morning|(?:after )?the first (?:week|days?)|the (?:morning|night|evening) after|"
                     r"back on|(?:before|by) (?:dinner|bedtime|tomorrow|the evening|evening)|that first (?:night|evening|day)|"
                     r"(?:until|once|as soon as) (?:the|your) (?:pink|pinkness|redness|scabs?|swelling|skin)|"
                     r"after (?:the|your) (?:first|second|next|last) (?:treatment|visit|session|appointment)s?|"
                     r"after (?:the|your|each|a) (?:treatment|visit|session|appointment|procedure))(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:al día siguiente|el día siguiente|justo después|enseguida|en seguida|de nuevo|"
                     r"otra vez|es[ae] (?:misma )?(?:noche|tarde)|ese (?:mismo )?día|el mismo día|esta noche|de inmediato|"
                     r"inmediatamente|(?:a )?la mañana siguiente|(?:pasada )?la primera semana|los primeros días|"
                     r"vuelven? a|antes de (?:la cena|acostarse|mañana)|a la hora de (?:la )?cena|esa primera (?:noche|tarde)|"
                     r"(?:hasta que|cuando|en cuanto) (?:se (?:vaya|quite|pase)|desaparezca|(?:la|su) piel)|"
                     r"después (?:del tratamiento|de la sesión|de la visita|de la cita)|"
                     r"(?:la|esa) (?:mañana|noche|tarde) (?:después|siguiente)|"  # the eleventh no-hints attack, M3
                     r"después de (?:una|cada|su) (?:sesión|visita|cita|tratamiento)|"
                     r"tras (?:el|la|una|cada|su) (?:tratamiento|sesión|visita|cita))(?![^\W\d_])", re.I),
}
"""When a sentence speaks of the time after the treatment ("the next day", "again", "al día siguiente"): advice there is
about the treatment, whatever thing it names ("You can wear foundation again the next day")."""
_MAY = {
    "en": re.compile(r"(?<![^\W\d_])(?:you|one)\s+(?:can|could|may|are free to|are allowed to)\s+(?:\w+ly\s+)?"
                     r"(?!(?:ask|check|call|phone|email|contact|write|note|bring|read|talk|tell|book|find|print|compare|look)"
                     r"(?![^\W\d_]))[^\W\d_]", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:usted\s+)?(?:puede|pueden|podrá|podrán)\s+(?!(?:preguntar|consultar|llamar|escribir|"
                     r"anotar|llevar|leer|hablar|pedir|buscar|comparar|imprimir|revisar)(?![^\W\d_]))[^\W\d_]", re.I),
}
"""The guide's voice letting the reader do something ("you may drink", "puede manejar"), other than ask, check or
note: with a time right after the treatment (``_AFTER``: "that night", "right away"), it says what is fine to do
then ("You can drive home right away, and you may drink alcohol that night": the seventh no-hints attack)."""
"""The guide's voice giving advice: permission ("it is fine to", "you can now use", "puede volver a usar"), need ("no need
to", "no hace falta") or an instruction ("Avoid ...", "Evite ...")."""
_GENERIC = frozenset("""skin face treatment treatments microneedling session sessions doctor doctors office home article
areas area provider people person place places before after right until first second every about other their there
which would could should these those what when where while with that this then than they them your from into over
many much more most also only even very once often again always like make makes does have kind type types what
long time last later same small tiny little good best better gives give says names what's number visit free
feels looks hurts calm minute minutes hour hours days weeks week month months year years avoid skip wait help
find check book leave work depend depends compare expect favor favors send sends rule recommend recommends claim
general normal plan plans take takes care fine safe okay harmless wear
piel cara tratamiento tratamientos microagujas sesión sesiones médica médicas consultorio casa artículo zona zonas cita citas
persona personas lugar lugares antes después hasta primero segundo para pero como cómo cuándo cuánto cuántos cuántas
cuánta quién quien otro otros otras otra esto esos estas está están tiene hace hacer puede debe dice bien bueno mejor
profesional profesionales
mucho poco pocos pocas unos unas todo toda todos todas mismo sobre según tipo tipos tiempo largo número visita
días semana semanas meses años minutos horas siente evitar esperar ayudar ayuda usar poner ponen volver pasar tarda
revisar hará sirve envía general normal plan planes segura seguro seguros durante mientras siempre nunca tras desde""".split())


def _one(word: str) -> str:
    """``word`` without a plural ending ("acids", "ácidos", "anticoagulantes": "acid", "ácido", "anticoagulante")."""
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


@functools.lru_cache(maxsize=8)
def _topics(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_one(w) for w in words if len(w) >= 4 and w not in _GENERIC and _one(w) not in _GENERIC)


def topic_words(facts: schema.Facts, labels: bool = True) -> frozenset[str]:
    """The stems of what the facts are about ("retinol", "acids", "sunscreen", "makeup", "blood thinners"), in the
    edition's language: a sentence that advises on one of them speaks of the treatment. ``labels``: the words of the
    facts' labels too ("questions", "aftercare"), which name a page's subjects more than the treatment's."""

    words: list[str] = []
    for fact in facts.all_facts().values():
        for name in ("value", "items", "label")[:None if labels else 2]:
            value = getattr(fact, name, None)
            for text in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
                for part in re.split(r"[()]", text):  # "... diluir la sangre (anticoagulantes)"
                    if name == "label" or len(part.split()) <= NAMES_A_THING:
                        words += words_of(part)
    return _topics(tuple(words))


def things_named(facts: schema.Facts) -> frozenset[str]:
    """What the facts name, and the treatment's tools, that a word of what a treatment does is said of ("retinol",
    "rosacea", "pen"): not their labels' subjects ("questions") nor a doctor's name ("Nazarian's office")."""
    names = {_one(w) for expert in facts.experts.values() for w in words_of(expert.name)}
    return frozenset((topic_words(facts, labels=False) | _DEVICES) - names)


OWN_CLAIM_KINDS = frozenset({"safety or risk", "pregnancy", "blindness", "death", "an infection", "permanence", "a cure",
                             "who it suits", "pain", "approval", "a comparison"})
"""The kinds of guide/data/meaning.py words that make a clinical claim wherever they stand ("Microneedling is safe during
pregnancy"): in the guide's own voice only beside a fact or quote that says it (the fourth no-hints attack)."""


def own_claim(text: str, lang: str) -> meaning_words.Found | None:
    """The first word of ``text`` that makes a clinical claim wherever it stands (``OWN_CLAIM_KINDS``), or ``None``."""
    return next((f for f in meaning_words.found(text, lang) if f.kind in OWN_CLAIM_KINDS), None)


_TOLD = re.compile(r"(?<![^\W\d_])(?:that|que)(?![^\W\d_])", re.I)
"""A question that tells ("Did you know that it is safe ...?", "¿Sabía que ...?") rather than asks."""


_DEVICES = frozenset("microneedling roller dermaroller pen microaguja rodillo pluma".split())
"""The treatment and its tools, which a word of what a treatment does may be said of ("Microneedling can reverse hair
loss", "At-home rollers give the same results as the office pen": the seventh no-hints attack)."""
_ASKS = frozenset("which what how who whom whether qué cuál cuáles cómo quién quiénes si".split())
_ASK_VERBS = {
    "en": ("ask", "check", "write", "note", "bring", "call", "find", "compare", "read", "talk", "tell", "keep", "make",
           "look", "plan", "print", "take"),
    "es": ("pregunte", "consulte", "anote", "escriba", "lleve", "llame", "busque", "compare", "lea", "hable", "diga",
           "pídale", "pídales", "pregúntele", "pregúnteles",
           "guarde", "revise", "compruebe", "pida", "tenga", "haga", "imprima", "planee"),
}
"""How our own suggestion may start: it sends the reader to ask, check, note or bring something (the seventh no-hints
attack: "{{ suggestion() }} stop taking your blood thinners before the visit")."""


def _ask_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, object], found: tuple[str, bool],
               lang: str) -> GuideError:
    line = sentence_line(lines, piece, typed)
    verb, asks_provider = found
    return GuideError(
        shown, f"our suggestion asks the provider to do something ('{verb}'), not to tell or show something"
        if asks_provider else f"our suggestion tells the reader to do something themselves ('{verb}')", line=line,
        found=f"'{readable(piece, typed)[:160]}'",  # type: ignore[arg-type]
        expected="after {{ suggestion() }}, a sentence that sends the reader to ask, check or note something: it starts "
                 "with " + ", ".join(f"'{w}'" for w in _ASK_VERBS[lang][:8]) + " ... (after an 'if ...,' clause, if any)",
        fix="start with what to ask or check (\"ask your provider whether ...\"); what to do about the treatment comes "
            "only from the article's facts, with who said it.")


def _not_an_ask(piece: str, typed: Mapping[int, object], lang: str) -> tuple[str, bool] | None:
    """The first word after ``suggestion()`` in ``piece`` (after an "if ...," clause) when it is not one of
    ``_ASK_VERBS``, or the verb of what it asks a provider to do when that is not to tell or show (``_TELL``), with
    whether it is the latter; ``None`` when the suggestion asks, checks or notes."""
    at = next((i for i, ch in enumerate(piece) if (index := call_index(ch)) is not None
               and isinstance(call := typed.get(index), Call) and call.name == "suggestion"), None)
    if at is None:
        return None
    rest = piece[at + 1:].strip()
    if re.match(r"(?i)(?:if|si|when|cuando)\b", rest) and "," in rest:
        rest = rest.split(",", 1)[1]
    words = words_of(rest)
    if not words or words[0] not in _ASK_VERBS[lang]:
        return (words[0], False) if words else None
    request = _REQUEST[lang].search(rest)  # "ask your provider to go as deep as the pen allows"
    return None if request is None or request[1].lower() in _TELL[lang] else (request[1], True)


_REQUEST = {"en": re.compile(r"^\W*ask(?:\s+[^\W\d_]+){0,4}?\s+to\s+([^\W\d_]+)", re.I),
            "es": re.compile(r"^\W*(?:pida|pídale|pídales|pregunte|pregúntele)(?:\s+[^\W\d_]+){0,4}?\s+que\s+"
                             r"(?:(?:le|les|me|nos|se)\s+)?([^\W\d_]+)", re.I)}
_TELL = {"en": frozenset("explain show tell write describe confirm check repeat answer walk list name clarify print email "
                         "send see go over share spell give".split()) - {"go", "give"},
         "es": frozenset("explique expliquen muestre muestren diga digan escriba escriban confirme confirmen aclare aclaren "
                         "repita repitan describa describan conteste contesten responda respondan revise revisen envíe envíen "
                         "imprima impriman".split())}
"""What our suggestion may ask a provider to do: tell, show or write something ("ask your provider to explain each
step"). Asking them to do something to the skin ("to go as deep as the pen allows", the seventh no-hints attack)
is advice about the treatment."""


def suggestion_ask_error(text: str, lang: str, shown: str, lines: list[str]) -> GuideError | None:
    """The message of a page's ``{{ suggestion() }}`` rule (``_not_an_ask``, ``_ask_error``) for ``text``, the words
    that follow our suggestion's label elsewhere (a catalogue string's ``{ours}``), or ``None`` when they ask, check or
    note something."""
    typed = {0: Call(0, 1, "suggestion", None, "{{ suggestion() }}")}
    piece = stand_in(0) + " " + text
    found = _not_an_ask(piece, typed, lang)
    return None if found is None else _ask_error(shown, lines, piece, typed, found, lang)


EFFECT = "what it does"
_TIMES = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})


def _is_about(words: list[str], at: int) -> bool:
    """Whether Spanish "trata" at ``at`` means "is about" or "tries to" ("Trata de las cosas de todos los días", "se
    trata de", "tratan de llegar": the ninth new-editor trial), not "treats"."""
    return words[at] in ("trata", "tratan", "tratar") and (words[at + 1:at + 2] in (["de"], ["del"], ["sobre"])
                                                            or words[at - 1:at] == ["se"])  # "trata del lado práctico"


_ASKED = {"en": re.compile(r"(?<![^\W\d_])(?:when|whether|if|how long|how soon|how)\s[^,;:.!?]*", re.I),
          "es": re.compile(r"(?<![^\W\d_])(?:cuándo|si|cuánto tiempo|cómo)\s[^,;:.!?]*", re.I)}
"""What our suggestion asks ("ask your provider when it is safe to start again"): a question, which tells nothing; a
clause after it that tells ("..., and check that your retinol is a mild one before you use it the next day": the
thirteenth no-hints attack, H8) is read as told."""


_CARE = {"en": re.compile(r"\W*(?:sleep|wash|rinse|cleanse|exercise|swim|shower|bathe|touch|sweat|work out)"
                          r"(?![^\W\d_])", re.I),
         "es": re.compile(r"\W*(?:duerma|lávese|lave|enjuáguese|enjuague|haga ejercicio|nade|dúchese|báñese|toque|"
                          r"sude)(?![^\W\d_])", re.I)}
"""A sentence that tells the reader how to care for the skin ("Sleep on your back", "Lávese la cara"): with a time right
after the visit ("that first night", "esa noche") it is aftercare advice (the tenth new-editor trial)."""


_ASK_WORDS = frozenset("""ask check call phone email contact write note bring read talk tell book find print compare look
    preguntar consultar llamar escribir anotar llevar leer hablar pedir buscar comparar imprimir revisar""".split())
"""What a reader may do at a time after the visit with no advice in it: ask, call, read ("Puede llamar a la clínica al
día siguiente si tiene una pregunta": the tenth new-editor trial)."""
HEALS = re.compile(r"(?<![^\W\d_])(?:heal(?:s|ed|ing)?|cure[sd]?|curing|treat(?:s|ed|ing)?|improve[sd]?|reverse[sd]?|"
                   r"erase[sd]?|sana[rn]?|sane[n]?|sanad[oa]s?|cura[rn]?|curad[oa]s?|trata[rn]?|mejora[rn]?|revierte[n]?)"
                   r"(?![^\W\d_])", re.I)
"""Words of what heals or treats something, which no description needs (a glossary meaning, a picture's alt text:
"hydrated skin heals faster", "where they make sure you heal fast", "se aseguran de que sane rápido")."""


_SUBORDINATE = frozenset("while when whenever because although though whereas since until mientras cuando porque aunque "
                         "hasta".split())
"""Words that start a clause of its own: what a word of effect is said of is in its clause."""


def effect_claim(text: str, lang: str, topics: frozenset[str]) -> meaning_words.Found | None:
    """A word of what a treatment does (``_EFFECT``: "clears", "heals", "treats", "quita") with a thing the facts
    name ("rosacea", "acne") or a length of time ("within days"): "It clears rosacea", "She uses it to treat rosacea",
    "Most people heal within days" (the seventh new-editor trial). "Who should treat you" and "while the skin heals"
    name neither."""
    words = words_of(text)
    at = next((i for i, w in enumerate(words) if w in _EFFECT and not _is_about(words, i)), None)
    if at is None or REPORTING.search(skeleton(text)) or _ASKS.intersection(words[:at]) or \
            words[0] in _ASK_VERBS.get(lang, ()):  # "Ask your provider once the pinkness is gone" asks
        return None  # credited to someone (the credit check), or asked ("which body areas can be treated")
    effect = words[at]
    start = max((i + 1 for i, w in enumerate(words[:at]) if w in _SUBORDINATE), default=0)
    end = next((i for i, w in enumerate(words) if i > at and w in _SUBORDINATE), len(words))
    clause = words[start:end]  # "Be gentle while the skin heals": what heals is in its own clause (the twelfth
    # new-editor trial: "gentle" became a word of a fact when the article was corrected to "a gentle cleanser")
    if any(_one(w) in _DEVICES or (len(w) >= 4 and w not in _GENERIC and w not in _EFFECT and _is_topic(w, topics))
           for w in clause) or \
            _TIMES & meaning_words.kinds(text, lang) or _AFTER[lang].search(text):
        return meaning_words.Found(EFFECT, effect)
    return None


_AGREES = {"en": re.compile(r"(?<![^\W\d_])(?:agrees?|agreed|concurs?|echoes|(?:gives?|has|offers?) the same (?:advice|view|tip)|"
                             r"says? the same|feels? the same)(?![^\W\d_])", re.I),
           "es": re.compile(r"(?<![^\W\d_])(?:está[n]? de acuerdo|coincide[n]?|dice[n]? lo mismo|opina[n]? lo mismo|"
                             r"da[n]? el mismo consejo)(?![^\W\d_])", re.I)}
"""A doctor said to agree ("Dr. Jaliman agrees", "La Dra. Jaliman está de acuerdo"): the article gives each doctor her
own words, so agreement is a claim it does not make unless her fact is in the sentence (the eighth no-hints attack)."""


def _agrees_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, object], plain: str,
                  facts: schema.Facts, lang: str) -> GuideError | None:
    """A sentence that has a doctor agree (``_AGREES``) and shows none of her facts."""
    found = _AGREES[lang].search(plain)
    named = _doctors_named(plain, facts)
    if found is None or not named:
        return None
    line = sentence_line(lines, piece, typed)
    return GuideError(
        shown, f"this sentence has {named[0].surname} agree ('{found[0]}'), with none of her facts", line=line,
        found=f"'{readable(piece, typed)[:160]}'",  # type: ignore[arg-type]
        expected="each doctor credited only with what the article gives her, shown by its fact",
        fix=f"show what the article gives {named[0].surname} with {{{{ fact(\"...\") }}}}, or remove the sentence "
            "(the article never says one doctor agrees with the other).")


def _doctors_named(plain: str, facts: schema.Facts) -> list[schema.Expert]:
    """The doctors whose surname ``plain`` gives (with or without "Dr."), in the order it names them ("Dr. Jaliman agrees
    with Dr. Nazarian": Dr. Jaliman agrees, the twelfth new-editor trial's message named the other)."""
    low = plain.lower()
    named = [e for e in facts.experts.values() if e.surname.split()[-1].lower() in low]
    return sorted(named, key=lambda e: low.index(e.surname.split()[-1].lower()))


COURSE = "the course of treatment"
_VISITS = {"en": r"(?:visit|session|treatment|appointment|touch-up|procedure|numbing|downtime|recovery)s?",
           "es": r"(?:visitas?|sesi(?:ón|ones)|tratamientos?|citas?|retoques?|procedimientos?|anestesia|recuperación)"}
_COURSE = {
    "en": re.compile(r"(?<![^\W\d_])(?:(?:need|needs|needed|require|requires|required)(?:\s+[^\W\d_]+){0,3}?\s+"
                     + _VISITS["en"] + r"|" + _VISITS["en"] + r"\s+(?:is|are|was|will be)\s+(?:\w+\s+)?(?:enough|sufficient|"
                     r"all (?:you|it) (?:need|needs|takes))|(?:all it takes|enough) is (?:one|a single|a)\s+" + _VISITS["en"]
                     + r")(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:(?:necesita|necesitará|necesitan|necesitarán|requiere|requerirá|hace falta|hará falta)"
                     r"(?:\s+[^\W\d_]+){0,3}?\s+" + _VISITS["es"] + r"|(?:basta|bastan|bastará|bastarán)\s+(?:con\s+)?"
                     r"(?:[^\W\d_]+\s+){0,2}?" + _VISITS["es"] + r"|" + _VISITS["es"] + r"\s+(?:[^\W\d_]+\s+){0,2}?"
                     r"(?:es|son|será|serán)\s+(?:\w+\s+)?suficientes?)(?![^\W\d_])", re.I),
}
"""The guide's voice saying how many visits, sessions or how much recovery the reader needs ("You will not need a
second visit", "One treatment is enough", "No necesitará una segunda visita": the seventh no-hints attack). The
article gives the course of treatment with its figures and who said them; asked ("how many sessions you will need")
or credited to a doctor, the other checks hold it."""


def course_claim(text: str, lang: str) -> meaning_words.Found | None:
    """A claim of ``_COURSE`` in ``text``, neither asked nor credited to someone, or ``None``."""
    found = _COURSE[lang].search(text)
    if found is None or REPORTING.search(skeleton(text)) or _ASKS.intersection(words_of(text[:found.start()])):
        return None
    return meaning_words.Found(COURSE, found[0])


def described_claim(text: str, lang: str, facts: schema.Facts | None) -> meaning_words.Found | None:
    """What a description (a picture's alt text) claims, which a page's prose could say only beside its fact: a
    clinical claim, what the treatment does, the course of treatment, or how the skin is at a time after the visit
    ("Skin the morning after, with the pinkness already gone": the eighth no-hints attack). A description says
    what a picture shows, never what the treatment does or when."""
    things = things_named(facts) if facts is not None else frozenset(_DEVICES)
    when = _AFTER[lang].search(text)
    heals = HEALS.search(text)
    return (own_claim(text, lang) or effect_claim(text, lang, things) or course_claim(text, lang)
            or (meaning_words.Found("a time after the visit", when[0]) if when else None)
            or (meaning_words.Found("what it does", heals[0]) if heals else None))


LIMIT = "a limit the article does not give"
_ALWAYS_NEVER = {
    "en": re.compile(r"(?<![^\W\d_])(?<!as )(?:never|always|every time|at all times|invariably|without exception)(?![^\W\d_])",
                     re.I),
    "es": re.compile(r"(?<![^\W\d_])(?<!de )(?:nunca|siempre|jamás|jamas|cada vez|en todos los casos|sin excepción)"
                     r"(?![^\W\d_])", re.I),
}
_HOW_LONG = {
    "en": re.compile(r"(?<![^\W\d_])(?:long|longer|shorter|sooner|later|earlier|faster|quicker|slower|more than|less than|"
                     r"fewer than|at most|at the most|at least|up to|no more|any more|beyond|exceeds?|within|lasts?|"
                     r"minutes?|hours?|days?|weeks?|months?|years?|overnight)(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:más (?:tiempo|de|que|tarde|pronto)|menos (?:tiempo|de|que)|como (?:mucho|máximo|mínimo)|"
                     r"al menos|por lo menos|tarda\w*|dura|duran|durará|durarán|minutos?|horas?|días?|semanas?|mes|meses|"
                     r"años?)(?![^\W\d_])", re.I),
}
"""The guide's voice putting a limit on how long or how much ("It never takes longer than that" after the numbing time,
"Nunca tarda más que eso": the eighth no-hints attack, H-B6): "always" or "never" with a length of time or a comparison
overrides the fact's hedge ("typically about"). "Always ask your provider" and "as always" limit nothing."""


_ASKING = {"en": re.compile(r"(?<![^\W\d_])(?:ask|check|call|phone|email|read|bring|write|note|talk|compare)(?![^\W\d_])", re.I),
           "es": re.compile(r"(?<![^\W\d_])(?:pregunte|consulte|llame|lea|lleve|anote|escriba|hable|compare|revise)"
                            r"(?![^\W\d_])", re.I)}
"""The reader's own arrangements ("You can always ask for more than one opinion"): no limit on the treatment."""


def limit_claim(text: str, lang: str) -> meaning_words.Found | None:
    """"never" or "always" (``_ALWAYS_NEVER``) with a length of time or a comparison (``_HOW_LONG``), or ``None``."""
    word = _ALWAYS_NEVER[lang].search(text)
    if word is None or not _HOW_LONG[lang].search(text) or _ASKING[lang].search(text):
        return None
    return meaning_words.Found(LIMIT, word[0])


def _backed(piece: str, claim: meaning_words.Found, typed: Mapping[int, object], facts: schema.Facts, lang: str) -> bool:
    """Whether a fact or quote ``piece`` shows makes a claim of ``claim``'s kind (in its words or its passage); for what
    the treatment does, any fact or quote it shows (the who-said-it checks hold it)."""
    if claim.kind == LIMIT:  # "always" or "never" stands where the fact's own words say it
        said = _fact_texts(_shown_keys(piece, typed), facts)  # type: ignore[arg-type]
        return any(re.search(r"(?<![^\W\d_])" + re.escape(claim.word) + r"(?![^\W\d_])", text, re.I) for text in said)
    if claim.kind in (EFFECT, COURSE):
        return any(isinstance(call := typed.get(i), Call) and call.name != "expert"
                   for ch in piece if (i := call_index(ch)) is not None)
    every = facts.all_facts()
    for char in piece:
        call = typed.get(index) if (index := call_index(char)) is not None else None
        if not isinstance(call, Call) or not call.key:
            continue
        texts: list[tuple[str, str]] = []
        if call.key in every:
            fact = every[call.key]
            texts = [(fact.source, "en")] + [(t, lang) for t in meaning_words.shown_words(fact)]
        elif call.key in facts.quotes:
            texts = [(facts.quotes[call.key].text, "en")]
        if any(claim.kind in meaning_words.kinds(text, text_lang) for text, text_lang in texts):
            return True
    return False


def _own_claim_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, object], claim: meaning_words.Found
                     ) -> GuideError:
    line = sentence_line(lines, piece, typed)
    return GuideError(
        shown, f"this sentence makes a clinical claim ('{claim.word}', {claim.kind}) in the guide's own voice, with no fact",
        line=line, found=f"'{readable(piece, typed)[:160]}'",  # type: ignore[arg-type]
        expected=f"a claim of this kind ({claim.kind}) only beside the fact or quote of the article that makes it, "
                 "with who said it",
        fix="show what the article says with {{ fact(\"...\") }}; if the article does not say it, remove the sentence "
            "(what the article leaves out is listed by {{ not_covered() }}).")


def _is_topic(word: str, topics: frozenset[str]) -> bool:
    """``word`` names a thing of the facts: the same word (plural aside), or, for a long word, the same first six
    letters, accents aside ("maquillarse", "maquillaje"; "anestesia", "anestésica")."""
    return _one(word) in topics or (len(word) >= 7 and _prefix(word) in _prefixes(topics))


def _prefix(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word[:6]) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=64)
def _prefixes(topics: frozenset[str]) -> frozenset[str]:
    return frozenset(_prefix(t) for t in topics if len(t) >= 7)


def _facts_about(word: str, facts: schema.Facts) -> list[str]:
    """The keys of the facts whose label, value or items have ``word`` (for a message: the fact that says it)."""
    out = []
    for key, fact in facts.all_facts().items():
        texts = [fact.label, str(getattr(fact, "value", "")), *(getattr(fact, "items", None) or [])]
        if any(_is_topic(word, frozenset(_one(w) for w in words_of(text))) for text in texts):
            out.append(key)
    return out


NAMES_A_THING = 4
"""An item or value of at most this many words names a thing ("retinol", "a mild cleanser", "blood thinners"); a longer
one is a sentence ("Use it on completely clean skin."), whose words are not all things the treatment is about."""


@dataclass
class _Voice:
    """What the advice rules read a page's sentences with: the page, its edition, and the things the facts name."""

    shown: str
    lines: list[str]
    lang: str
    facts: schema.Facts
    typed: dict[int, Call]
    topics: frozenset[str]
    things: frozenset[str]
    raws: list[str]


def advice_errors(page_blocks: Sequence[object], calls: Mapping[int, object], shown: str, facts: schema.Facts,
                  lines: list[str], lang: str) -> list[GuideError]:
    """Each sentence in the guide's own voice that advises on the treatment (on a thing the facts name, or on the
    time after it: "It is fine to use acids", "You can wear foundation again the next day") and shows no fact or
    quote: the article's advice reaches a page only through its facts, with who said it. After ``suggestion()``
    our own advice may send the reader to ask, check or write down, never say what is fine or safe to do. A
    sentence with a typed figure is the number check's (one message for it)."""

    typed = {index: call for index, call in calls.items() if isinstance(call, Call)}
    voice = _Voice(shown, lines, lang, facts, typed, topic_words(facts), things_named(facts), raw_texts(lines))
    errors: list[GuideError] = []
    blocks_ = [b for b in page_blocks if isinstance(b, Block)]
    titles = {text for _, text, is_title in _titles(blocks_) if is_title}
    for number, block in enumerate(blocks_):
        if block.quoted:
            continue
        if block.kind in HEADINGS:
            errors += [e for e in [_heading_claim(block, voice)] if e is not None]
            continue
        title = block.kind in ("dt", "th", "summary") or block.text in titles
        for piece in sentences(block.text):
            lead_in = piece.rstrip().endswith(":") and any(
                call_index(ch) in typed for b in blocks_[number + 1:number + 4] if block.text in b.context for ch in b.text)
            errors += [e for e in [_sentence_advice(piece, lead_in, voice, title)] if e is not None]
    return (errors + term_errors(blocks_, voice) + negation_errors(blocks_, typed, shown, facts, lines, lang)
            + softened_errors(blocks_, typed, shown, facts, lines, lang)
            + row_errors(blocks_, typed, shown, facts, lines, lang) + heading_errors(blocks_, typed, shown, facts, lines))


def _heading_claim(block: Block, voice: _Voice) -> GuideError | None:
    """A heading claims nothing of its own ("## Sun protection until the pink fades": the ninth no-hints attack, H10);
    what it asks or names is the sections' to show."""
    plain = " ".join(_unquoted(block.text).replace(LINK_MARK, " ").replace("¶", " ").split())
    lang, until = voice.lang, _UNTIL.search(plain)
    thing = ownvoice.outcome(plain, lang)
    answers = (ownvoice.answer(plain, lang) if thing or ownvoice.BARELY[lang].search(plain) else None) or (
        (when := ownvoice.WHEN[lang].search(plain)) and thing and when[0]) or (  # "## Back to work the same day" (the
        # twelfth no-hints attack): when, of a thing a reader decides by; "## Touch-ups after your first session": when
        (since := ownvoice.SINCE[lang].search(plain)) and since[0]) or ownvoice.softened_warning(plain, lang)
    claim = None if plain.endswith("?") else (
        (meaning_words.Found("an answer", answers) if answers else None)
        or own_claim(plain, lang) or effect_claim(plain, lang, voice.things) or course_claim(plain, lang)
        or limit_claim(plain, lang) or (meaning_words.Found("how long", until[0]) if until and any(
            len(w) >= 4 and w not in _GENERIC and _is_topic(w, voice.topics) for w in words_of(plain)) else None))
    if claim is None or _figures(plain, lang, voice.raws):
        return None
    return _own_claim_error(voice.shown, voice.lines, block.text.replace("¶", "").rstrip(), voice.typed, claim)


def _sentence_advice(piece: str, lead_in: bool, voice: _Voice, title: bool = False) -> GuideError | None:
    """The message for one sentence of a page's prose, if it claims or advises in the guide's own voice (``lead_in``:
    it ends with ":" above a list that shows the facts; ``title``: a block's title, a term or a header cell): its
    advice first, then what it says of a thing a reader decides by."""
    return _advice(piece, lead_in, voice) or _said_of(piece, lead_in, voice, title)


def _said_of(piece: str, lead_in: bool, voice: _Voice, title: bool) -> GuideError | None:
    """A sentence in the guide's own voice that says something of a thing a reader decides by (``ownvoice.OUTCOMES``)
    and shows no fact or quote: not a question, a link, a list's lead-in, an ask ("Ask your provider when the
    pinkness is gone") or a typed figure (the number check's). A title names what is under it ("Sunscreen", "Side
    effects") unless it answers ("No downtime"); a list item or a cell of a word or two names a thing ("Acne scars")."""
    lang, typed = voice.lang, voice.typed
    plain = " ".join(_unquoted(piece).replace(LINK_MARK, " ").split())
    shown_calls = {typed[c].name for ch in piece if (c := call_index(ch)) is not None and c in typed}
    first = words_of(plain)[:1]
    if (shown_calls - {"expert"} or (plain.endswith("?") and not _TOLD.search(plain)) or LINK_MARK in piece or lead_in
            or not first or first[0] in ownvoice.ASKS_FIRST or _figures(plain, lang, voice.raws)):
        return None
    thing = ownvoice.said_of(plain, lang, title)
    return None if thing is None else _outcome_error(voice.shown, voice.lines, piece, typed, thing, voice.facts)


def _advice(piece: str, lead_in: bool, voice: _Voice) -> GuideError | None:
    """The advice or claim-word rules for one sentence (see ``_sentence_advice``)."""
    lang, typed, facts = voice.lang, voice.typed, voice.facts
    ours_at = next((i for i, ch in enumerate(piece) if (c := call_index(ch)) is not None and c in typed
                    and typed[c].name == "suggestion"), 0)
    piece = piece[ours_at:]  # our suggestion is what follows its label: a fact's note before it does not cover it
    # (the thirteenth no-hints attack, H8: "{{ fact(..., "note") }} {{ suggestion() }} ask ..., and ... use it the next day")
    plain = " ".join(_unquoted(piece).replace(LINK_MARK, " ").split())
    first = call_index(piece[0]) if piece else None
    told = _ASKED[lang].sub(" ", plain) if first is not None and first in typed and typed[first].name == "suggestion" \
        else plain  # what our suggestion asks is not told
    reads = set(words_of(plain)) & (set(_ASK_VERBS[lang]) | _ASK_WORDS)  # "you may want to read the page again"
    permits = PERMITS[lang].search(told) or (_MAY[lang].search(told) and _AFTER[lang].search(told) and not reads)
    timing = None if permits or reads else _AFTER[lang].search(plain)
    # "Most people put their makeup back on before dinner" (the ninth new-editor trial): when a thing of the facts is
    # done after the visit, with no modal; not reading, asking or checking ("read the aftercare page tonight")
    care = _CARE[lang].match(plain)
    claim = (own_claim(plain, lang) or effect_claim(plain, lang, voice.things) or course_claim(plain, lang)
             or limit_claim(plain, lang) or (meaning_words.Found(*said) if (said := ownvoice.claim(plain, lang)) else None))
    shown_calls = {typed[c].name for ch in piece if (c := call_index(ch)) is not None and c in typed}
    ours = "suggestion" in shown_calls
    if not shown_calls - {"suggestion", "expert"} and (agrees := _agrees_error(voice.shown, voice.lines, piece, typed,
                                                                              plain, facts, lang)):
        return agrees
    if ours and not permits and (asked := _not_an_ask(piece, typed, lang)) is not None:
        return _ask_error(voice.shown, voice.lines, piece, typed, asked, lang)
    permits = permits or (_AFTER[lang].search(told) if told is not plain else None)  # "..., and ... the next day"
    if (claim is not None and not ours and not (plain.endswith("?") and not _TOLD.search(plain))
            and not _figures(plain, lang, voice.raws) and not _backed(piece, claim, typed, facts, lang)):
        # wherever it stands: with a link, beside another fact, credited to a doctor, as "did you know that" (the fifth
        # no-hints attack): a claim stands only beside a fact or quote that makes one of its kind
        return _own_claim_error(voice.shown, voice.lines, piece, typed, claim)
    advises = permits or timing or care or _ADVISES[lang].search(plain)
    if plain.endswith("?") or LINK_MARK in piece or not (advises or claim) or lead_in:
        return None  # a question, a link to where it is shown, nothing advised, the lead-in of a list of the facts
    if shown_calls - {"expert", "suggestion"} or (ours and not permits):
        return None  # shows a fact or a quote (the who-said-it check holds it), or our label on what to ask or do
    if _figures(plain, lang, voice.raws) or (REPORTING.search(skeleton(plain)) and _doctors_named(plain, facts)):
        return None  # types a figure (the number check), or credits it to a doctor (the credit check); credited to the
        # article or to "experts" with no fact, it is advice the article's facts do not show
    if (claim is not None and not ours) or not advises:
        return None  # a claim its fact backs: the who-said-it checks hold it
    about = sorted({w for w in words_of(plain) if len(w) >= 4 and w not in _GENERIC and _is_topic(w, voice.topics)
                    and not (timing and w in words_of(timing[0]))},  # "afterwards" is when, not what
                   key=lambda w: (ownvoice.outcome(w, lang) is None, w))  # "workouts" before "light" (the message)
    when = _AFTER[lang].search(plain) if permits or care else None  # "Keep a few days free after the visit" permits
    # nothing; "Sleep on your back that first night" tells what to do then
    if not about and not when:
        return None
    thing = about[0] if about else when[0] if when else ""
    return _advice_error(voice.shown, voice.lines, piece, typed, thing, _facts_about(thing, facts) if about else [], ours)


def term_errors(blocks_: Sequence[Block], voice: _Voice) -> list[GuideError]:
    """A definition list's term and its description read as one sentence ("Downtime" / ":   None.", the eleventh
    no-hints attack, H19): what it says of a thing a reader decides by, with no fact, quote or link in it."""
    errors: list[GuideError] = []
    for term, block in itertools.pairwise(blocks_):
        if term.kind != "dt" or block.kind != "dd" or block.quoted or LINK_MARK in block.text:
            continue
        plain = " ".join(_unquoted(f"{term.text}: {block.text}").split())
        shows = {voice.typed[c].name for ch in block.text if (c := call_index(ch)) is not None and c in voice.typed}
        if (not shows - {"expert", "suggestion"} and not plain.endswith("?") and not _figures(plain, voice.lang, voice.raws)
                and (thing := ownvoice.outcome(plain, voice.lang)) is not None):
            errors.append(_outcome_error(voice.shown, voice.lines, block.text, voice.typed, thing, voice.facts))
    return errors


def _outcome_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, Call], thing: str,
                   facts: schema.Facts) -> GuideError:
    """A sentence in the guide's own voice that says something of ``thing``, a thing a reader decides by
    (``ownvoice.OUTCOMES``), with no fact or quote: "Scarring never happens", "It works for deep wrinkles too",
    "After that, sunscreen is no longer needed" (the eleventh no-hints attack, H1 to H7)."""
    keys = _facts_about(thing, facts)
    show = " or ".join(f'{{{{ fact("{key}") }}}}' for key in keys[:2]) or '{{ fact("...") }}'
    return GuideError(
        shown, f"this sentence makes a clinical claim about '{thing}' in the guide's own voice, with no fact",
        line=sentence_line(lines, piece, typed), found=f"'{readable(piece, typed)[:160]}'",
        expected=f"what the article says of {thing} (what the treatment does, how it feels, what it leaves, what to "
                 "use after it) shown by its fact or quote, with who said it; a question, a link to the page that "
                 "shows it, or our {{ suggestion() }} to ask about it",
        fix=f"show what the article says with {show}; if the article does not say it, remove the sentence.")


_UNTIL = re.compile(r"(?<![^\W\d_])(?:until|till|as soon as|hasta que|hasta|en cuanto)(?![^\W\d_])", re.I)
"""How long, in a heading ("## Sun protection until the pink fades", "## Protección solar hasta que se vaya el rosado"):
a limit the section's facts would have to give."""


_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)


def raw_texts(lines: list[str]) -> list[str]:
    """The text of each ``{% raw %}`` block of a page's source, its spaces made single."""
    return [" ".join(m[1].split()) for m in _RAW.finditer("\n".join(lines))]


def _figures(plain: str, lang: str, raws: Sequence[str]) -> list[numbers.Claim]:
    """The figures of ``plain`` the number check reads: not those shown as typed between ``{% raw %}`` and
    ``{% endraw %}`` (the eighth no-hints attack, H-F13: "Wait 2 weeks before a peel, and skip retinol for 5 days" in
    raw had its advice read by no check). Raw text is the editor's "no clinical figure here", so the advice and claim
    rules read it as they read any sentence."""
    return [claim for claim in numbers.page_claims(plain, lang)
            if not any(" ".join(plain[max(0, claim.start - 12):claim.end + 8].split()) in raw for raw in raws)]


def _advice_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, Call], thing: str, keys: list[str],
                  ours: bool) -> GuideError:
    """Advice about ``thing`` in the guide's own voice (``ours``: after ``suggestion()``), with the facts that say
    it to show instead."""
    line = sentence_line(lines, piece, typed)
    show = " or ".join(f'{{{{ fact("{key}") }}}}' for key in keys[:2]) or '{{ fact("...") }}'
    return GuideError(
        shown, (f"our suggestion says what is fine or safe to do ('{thing}')" if ours else
                f"this sentence gives advice about '{thing}' in the guide's own voice, with no fact"),
        line=line, found=f"'{readable(piece, typed)[:160]}'",
        expected="the article's advice shown by its fact, with who said it; after {{ suggestion() }} only our "
                 "advice to ask, check or write something down, never what is fine or safe to do",
        fix=f"show what the article says with {show}; if the article does not say it, remove the sentence.")


# --- a fact turned round by the guide's own "not" (the eighth no-hints attack, H-H9, H-B7, H-B8) ---------------

_NEGATION = {
    "en": re.compile(r"(?<![^\W\d_])(?:not|no|never|none|nothing|nor|neither|cannot|nobody|[^\W\d_]+n['’]t)(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:no|nunca|jamás|jamas|ningún|ninguna|ninguno|nada|ni|tampoco|sin necesidad)(?![^\W\d_])",
                     re.I),
}
"""A "not" in the guide's own words ("you should never have microneedling ...", "you do not need to skip it if:")."""
_NOT_A_NEGATION = {
    "en": re.compile(r"(?<![^\W\d_])(?:not sure|not certain|(?:whether|if) or not|or not|if not|not only|not just)(?![^\W\d_])",
                     re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:no (?:está|esté|estoy|están|estén) segur[oa]s?|si no|o no|no solo|no sólo)(?![^\W\d_])",
                     re.I),
}
"""A "not" that turns nothing round: the reader's doubt ("If you are not sure, ask"), "not only"."""
_CANCELS = {
    "en": re.compile(r"(?<![^\W\d_])(?:never|no (?:need|reason|cause|problem|harm)|need not|needn['’]t|"
                     r"(?:do|does|did|will)(?: not|n['’]t) (?:need|have) to|(?:don|doesn|won)['’]t (?:need|have) to|"
                     r"not (?:necessary|needed|required|a problem)|no longer|nothing (?:stops|prevents))(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:nunca|jamás|jamas|no hace falta|sin necesidad|no (?:es|son) necesari[oa]s?|"
                     r"no (?:le |les )?(?:necesita|necesitan|tiene que|tienen que|tiene por qué)|ya no|"
                     r"no hay (?:ningún |ninguna )?(?:motivo|razón|necesidad|problema))(?![^\W\d_])", re.I),
}
"""A "not" that cancels what a fact asks ("no need to", "no reason to wait", "never", "no hace falta"): it stands only
where the fact's own words say it."""
_CARRIES = {
    "en": re.compile(r"(?<![^\W\d_])(?:not|no|never|none|nothing|nor|neither|cannot|without|avoid\w*|skip\w*|steer\w*|"
                     r"[^\W\d_]+n['’]t|rul\w*\s+(?:\w+\s+)?out|(?:stay|keep)\w*\s+away|too strong|(?:leave|leaves|left)\s+out|"
                     r"lack\w*)(?![^\W\d_])", re.I),
    "es": re.compile(r"(?<![^\W\d_])(?:no|nunca|jamás|ningún|ninguna|ninguno|nada|ni|sin|tampoco|evit\w*|omit\w*|salt\w*|"
                     r"prescind\w*|descart\w*|dej\w* de|demasiado fuertes?)(?![^\W\d_])", re.I),
}
"""The fact's own words that say what it says with a "not", "avoid", "skip" or "rule out" (its label, value, items or
note, as shown): "Dr. Jaliman: no {{ fact("aftercare.avoid_ingredients") }} right after" ("Ingredients to avoid")."""


def _guide_words(piece: str, block: Block, at: int) -> str:
    """The guide's own words of ``piece`` (at ``at`` in ``block.text``), a stand-in for each macro: no quotation, no code."""
    kept = "".join(" " if ch == LINK_MARK or any(a <= at + i < b for a, b in block.code) else ch
                   for i, ch in enumerate(piece))
    return " ".join(_unquoted(kept).split())


_ASIDE_CLAUSE = {"en": re.compile(r"^\W*(?:because|since|as|while|although|though|whereas|which|who|where|when)(?![^\W\d_])", re.I),
                 "es": re.compile(r"^\W*(?:como|porque|ya que|puesto que|aunque|mientras|cuando|donde|que|quien|el cual|la cual)"
                                  r"(?![^\W\d_])", re.I)}
"""A clause that gives a reason or says something of its own ("Because home devices have shorter needles that do not go as
deep, the article says ..."): its "not" is about what it names, not the fact beside it."""


def _negation(words: str, lang: str) -> tuple[str, bool] | None:
    """The first "not" of the guide's ``words`` that can turn a fact round, and whether it cancels (``_CANCELS``); a
    clause of its own (``_ASIDE_CLAUSE``, up to a comma) is left out."""
    plain = " , ".join(c for c in re.split(r"[,;—–]", words)
                       if not (_ASIDE_CLAUSE[lang].match(c) and not any(call_index(ch) is not None for ch in c)))
    plain = _NOT_A_NEGATION[lang].sub(" ", plain)
    cancel = _CANCELS[lang].search(plain)
    if cancel:
        return cancel[0], True
    found = _NEGATION[lang].search(plain)
    return (found[0], False) if found else None


def _fact_texts(keys: Sequence[tuple[str, str]], facts: schema.Facts) -> list[str]:
    """The words a reader sees of each (macro, key) shown: a fact's label, value, items and note; a quote's words."""
    every = facts.all_facts()
    out: list[str] = []
    for name, key in keys:
        if name == "quote" and key in facts.quotes:
            out.append(facts.quotes[key].text)
        elif key in every:
            out += meaning_words.shown_words(every[key])
    return out


def _shown_keys(text: str, typed: Mapping[int, Call]) -> list[tuple[str, str]]:
    return [(call.name, call.key) for ch in text if (i := call_index(ch)) is not None and (call := typed.get(i)) is not None
            and call.key and (call.name in SHOWS or call.name == "quote")]


def _permits_error(shown: str, lines: list[str], piece: str, typed: Mapping[int, Call], word: str, key: str) -> GuideError:
    return GuideError(
        shown, f"this sentence turns its fact round with '{word}': the fact's words say to avoid or skip it",
        line=sentence_line(lines, piece, typed), key=key, found=f"'{readable(piece, typed)[:160]}'",
        expected="a fact that says to avoid, skip or wait shown as that: 'fine', 'safe' or 'go ahead' beside it only "
                 "where the fact's own words say it",
        fix="say what the fact says (\"The article also says to skip it if:\"), or leave the permission out.")


def _own_pieces(blocks_: Sequence[Block]) -> Iterator[tuple[int, str, str, bool]]:
    """Each sentence of each block not quoted: (block number, the sentence, the guide's own words of it, whether it is
    the block's last)."""
    for number, block in enumerate(blocks_):
        if block.quoted:
            continue
        pieces = sentences(block.text)
        at = 0
        for i, piece in enumerate(pieces):
            at = block.text.find(piece, at)
            yield number, piece, _guide_words(piece, block, max(at, 0)), i == len(pieces) - 1


def negation_errors(blocks_: Sequence[Block], typed: Mapping[int, Call], shown: str, facts: schema.Facts,
                    lines: list[str], lang: str) -> list[GuideError]:
    """Each sentence (or list lead-in, for the facts of its list) that shows a fact with a "not" of the guide's own
    words the fact's words do not have: "Dr. Nazarian says you should never have microneedling {{ fact(...) }}",
    "The article says you do not need to skip it if:" above the list of reasons to skip it. A "not" that cancels
    ("no need to", "no reason to", "never", "no hace falta") stands only where the fact's words say it too; any other
    where they say it with a "not", "avoid", "skip" or "rule out". "The article does not give a figure", "If you are
    not sure, ask" show no fact, or doubt nothing of one."""
    errors: list[GuideError] = []
    for number, piece, own, last in _own_pieces(blocks_):
        found = _negation(own, lang)
        asks = _ASKING[lang].search(own) or any(typed[c].name == "suggestion" for ch in piece
                                                   if (c := call_index(ch)) is not None and c in typed)
        permits = PERMITS[lang].search(own) if found is None and not asks else None  # ("ask when it is safe")
        if (found is None and permits is None) or (piece.rstrip().endswith("?") and not _TOLD.search(piece)):
            continue
        keys = _shown_keys(piece, typed) + _lead_in_keys(piece, last, number, blocks_, typed)
        if not keys:
            continue
        texts = _fact_texts(keys, facts)
        said = " | ".join(texts)  # in either language: a page shows the English words while its wording has a problem
        if permits is not None:  # "The article says it is fine to have it even if:" over the reasons to skip it
            if any(_CARRIES[other].search(said) for other in ("en", "es")) and not any(
                    PERMITS[other].search(said) or meaning_words.kinds(said, other) & {"safety or risk", "permission"}
                    for other in ("en", "es")):
                errors.append(_permits_error(shown, lines, piece, typed, permits[0], keys[0][1]))
            continue
        if found is None:
            continue
        word, cancels = found
        if any((_CANCELS if cancels else _CARRIES)[other].search(said) for other in ("en", "es")):
            continue
        line = sentence_line(lines, piece, typed)
        key = keys[0][1]
        errors.append(GuideError(
            shown, f"this sentence turns its fact round with '{word}', a 'not' in the guide's own words", line=line,
            key=key, found=f"'{readable(piece, typed)[:160]}'",
            expected="a fact shown as the article says it: a 'not', 'never', 'no need' or 'no reason' beside a "
                     "fact only where the fact's own words say it" + ("" if cancels else " with a 'not', 'avoid' or 'skip'"),
            fix=f"say what the fact says (\"Dr. Nazarian says you can have microneedling {{{{ fact(\"...\") }}}}\"), "
                f"or leave '{word}' out; what the article does not say is not shown beside its fact."))
    return errors


def _lead_in_keys(piece: str, last: bool, number: int, blocks_: Sequence[Block], typed: Mapping[int, Call]
                  ) -> list[tuple[str, str]]:
    """The facts of the list a lead-in ``piece`` (the ``last`` sentence of block ``number``, ending with ":")
    introduces: those the blocks under it, in its context, show."""
    keys: list[tuple[str, str]] = []
    if last and piece.rstrip().endswith(":"):
        for after in blocks_[number + 1:]:
            if blocks_[number].text not in after.context:
                break
            keys += _shown_keys(after.text, typed)
    return keys


MODAL_WORDS = 8
"""A sentence with fewer words of the guide's own than this beside its fact only names who said it ("Dr. Jaliman says
{{ fact }}"): it restates nothing the passage hedges."""


def softened_errors(blocks_: Sequence[Block], typed: Mapping[int, Call], shown: str, facts: schema.Facts,
                    lines: list[str], lang: str) -> list[GuideError]:
    """Each sentence (or list lead-in, for the facts of its list) that shows a fact with a word of the guide's own
    that softens or narrows it (``ownvoice.SOFTENERS``: "you might choose to wait if:", "this applies only to
    severe ...", "go easy on ...", the eleventh no-hints attack, H15, H21 to H23), where the fact's own words do not
    have that word. A question asks; our ``{{ suggestion() }}`` to ask is the ask rule's."""
    errors: list[GuideError] = []
    every = facts.all_facts()
    for number, piece, own, last in _own_pieces(blocks_):
        soft = ownvoice.softeners(_NOT_A_NEGATION[lang].sub(" ", own), lang)
        if (piece.rstrip().endswith("?") and not _TOLD.search(piece)) or any(
                typed[c].name == "suggestion" for ch in piece if (c := call_index(ch)) is not None and c in typed):
            continue
        keys = _shown_keys(piece, typed) + _lead_in_keys(piece, last, number, blocks_, typed)
        if not keys:
            continue
        said = ownvoice.fold(" | ".join(_fact_texts(keys, facts) + [every[k].source for _, k in keys if k in every]
                                        + [str(getattr(every.get(k), "starts_after", "")) for _, k in keys]))
        word = next((w for w in soft if not re.search(r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])", said)), None)
        if word is not None:
            errors.append(GuideError(
                shown, f"this sentence softens or narrows its fact with '{word}', a word of the guide's own",
                line=sentence_line(lines, piece, typed), key=keys[0][1], found=f"'{readable(piece, typed)[:160]}'",
                expected="a fact shown as its speaker says it: a hedge ('might', 'may be worth'), a narrowing ('only', "
                         "'severe') or a softer verb ('go easy on') beside it only where the fact's own words have it",
                fix=f"say what the fact says, as its speaker says it (\"The article says to wait if:\"), or leave "
                    f"'{word}' out."))
            continue
        added = ownvoice.times_not_in(own, said, lang) or ownvoice.outcomes_not_in(own, said, lang)
        modal = None if added or len(words_of(own)) < MODAL_WORDS else ownvoice.modal_dropped(
            own, " ".join(_fact_texts(keys, facts)), " ".join(every[k].source for _, k in keys if k in every), lang)
        if modal is not None:
            errors.append(GuideError(
                shown, f"this sentence drops the article's '{modal}' from its fact", line=sentence_line(lines, piece, typed),
                key=keys[0][1], found=f"'{readable(piece, typed)[:160]}'",
                expected=f"the fact said with its passage's hedge: the article has '{modal}' where the guide's words "
                         "say it outright",
                fix=f"keep the article's '{modal}' in the sentence (\"would cause\", \"harían\"), or show the fact with "
                    "no words of the guide's own about what it does."))
        if added:
            errors.append(GuideError(
                shown, f"this sentence adds '{added[0]}' to its fact in the guide's own words",
                line=sentence_line(lines, piece, typed), key=keys[0][1], found=f"'{readable(piece, typed)[:160]}'",
                expected="beside a fact, only what its speaker says: a time ('the same day', 'the first night', 'after "
                         "your first session') or a thing a reader decides by (work, exercise, scars, results) only "
                         "where the fact's own words or its passage in the article name it",
                fix=f"leave '{added[0]}' out, or end the sentence after the fact; if the article says it, show that fact "
                    "in a sentence of its own."))
    return errors


# --- a table's row reads as one sentence (the eighth no-hints attack, H-E6) ---------------------------------------------


def table_rows(blocks_: Sequence[Block]) -> list[list[Block]]:
    """The rows of the pages' tables: runs of cells (``td``) that each have the others in their context."""
    rows: list[list[Block]] = []
    for block in blocks_:
        row = rows[-1] if rows else None
        if block.kind != "td":
            rows.append([])
            continue
        if row and all(cell.text in block.context and block.text in cell.context for cell in row):
            row.append(block)
        else:
            rows.append([block])
    return [row for row in rows if len(row) > 1]


_BARE_OK = frozenset({"fine", "ok", "okay", "yes", "safe", "allowed", "no problem", "go ahead", "all right", "bien", "sí", "si",
                      "vale", "seguro", "segura", "permitido", "sin problema", "adelante",
                      # the thirteenth no-hints attack (M3): "| Spa | optional |" under a "Numbing" header
                      "optional", "not needed", "up to you", "opcional", "no hace falta", "a su elección"})
"""A table cell that says only that something is fine: with a thing of the facts in its row, it is advice."""


def row_errors(blocks_: Sequence[Block], typed: Mapping[int, Call], shown: str, facts: schema.Facts, lines: list[str],
               lang: str) -> list[GuideError]:
    """Each table row that, read as one sentence ("The next morning, back to your usual retinol"), gives advice in the
    guide's own voice: a time after the visit (``_AFTER``) or what is fine (``PERMITS``) in one cell, a thing the facts
    name in another, and no fact or quote shown in the row. "What to bring | Why" and a row that shows its fact build."""
    topics = topic_words(facts)
    errors: list[GuideError] = []
    head: list[str] = []
    heads: dict[int, str] = {}  # each body cell's table header row: "| Place | Numbing |" says what "optional" is of
    for block in blocks_:
        if block.kind == "th":
            head = head + [block.text] if heads.get(-1) == "th" else [block.text]
        elif block.kind == "td":
            heads[id(block)] = " ".join(head)
        heads[-1] = block.kind
    for row in table_rows(blocks_):
        piece = " | ".join(cell.text.strip() for cell in row)  # as the row is typed: the message finds its line
        plain = " ".join(_unquoted(piece.replace(" | ", ", ")).replace(LINK_MARK, " ").split())
        over = " ".join(_unquoted(heads.get(id(row[0]), "")).replace(LINK_MARK, " ").split())
        shows = {typed[c].name for ch in piece if (c := call_index(ch)) is not None and c in typed} - {"expert"}
        if shows or LINK_MARK in piece or plain.endswith("?") or _figures(plain, lang, raw_texts(lines)):
            continue  # a fact or quote (the who-said-it checks), a link to where it is shown, a question, a typed figure
        bare = any(" ".join(words_of(cell.text)) in _BARE_OK for cell in row)  # "| Mild rosacea | Fine |" (the tenth
        # no-hints attack)
        advises = bare or _AFTER[lang].search(plain) or PERMITS[lang].search(plain) or _ADVISES[lang].search(plain)
        about = sorted({w for w in words_of(plain) if len(w) >= 4 and w not in _GENERIC and _is_topic(w, topics)}) or (
            sorted({w for w in words_of(over) if len(w) >= 4 and w not in _GENERIC and _is_topic(w, topics)}) if bare else [])
        thing = ownvoice.outcome(plain, lang)
        doctors = _named(piece, typed, facts) - {ARTICLE}
        names = {w for e in facts.experts.values() for w in words_of(str(e.name))} | {"dr", "dra", "doctor", "doctora"}
        if doctors and (thing or any(len(w) >= 3 and w not in _GENERIC and w not in names and _is_topic(w, topics)
                                     for w in words_of(plain))):
            errors.append(_credit_error(shown, sentence_line(lines, piece, typed), f"'{readable(piece, typed)[:160]}'",
                                        doctors, facts, where="this table row", does="credits advice to"))
            continue  # "| Sunscreen | Dr. Nazarian |": a doctor beside a thing of the facts, with no fact (the fifteenth
            # no-hints attack, H8: the two doctors swapped in a table)
        if advises and about:
            errors.append(_advice_error(shown, lines, piece, typed, about[0], _facts_about(about[0], facts), False))
        elif thing is not None and not all(ownvoice.is_name(cell.text, lang) for cell in row) and not any(
                ownvoice.said_of(cell.text, lang) for cell in row):  # a cell that says it on its own has its own message
            errors.append(_outcome_error(shown, lines, piece, typed, thing, facts))  # "| Results | Better with more
            # visits |" (the eleventh no-hints attack, H4)
    return errors


# --- a doctor named in a heading or a block's title speaks for what is under it (the eighth no-hints attack, H-E8, M-E7) --


def _titles(blocks_: Sequence[Block]) -> list[tuple[int, str, bool]]:
    """For each block, the headings and titles above it that it is read under: (block number, text, is a title). A
    heading carries to the next heading of its level or higher; an admonition's title or a ``<details>`` summary to its
    block (``guide.content.reading.blocks`` gives each block those texts as its context)."""
    headings = {b.text for b in blocks_ if b.kind in ("h1", "h2", "h3", "h4", "h5", "h6")}
    seen: dict[str, str] = {}
    out: list[tuple[int, str, bool]] = []
    for number, block in enumerate(blocks_):
        for text in block.context:
            if text in headings:
                out.append((number, text, False))
            elif seen.get(text) in ("p", "summary") and not text.rstrip().endswith(":"):
                out.append((number, text, True))
        seen.setdefault(block.text, block.kind)
    return out


def heading_errors(blocks_: Sequence[Block], typed: Mapping[int, Call], shown: str, facts: schema.Facts,
                   lines: list[str]) -> list[GuideError]:
    """Under a heading or a block's title that names a doctor ("## Dr. Nazarian on sun protection", ``!!! tip "Dr.
    Jaliman’s tip"``): a fact or quote of another speaker (the article's silence aside), and, under a title, a block
    with none of her facts or quotes (our words in her name)."""
    every = facts.all_facts()
    errors: list[GuideError] = []
    under: dict[str, list[int]] = {}
    for number, text, is_title in _titles(blocks_):
        named = _named(text, typed, facts)
        if not named - {ARTICLE}:
            continue
        if is_title:
            under.setdefault(text, []).append(number)
        for name, key in _shown_keys(blocks_[number].text, typed):
            speaker = (facts.quotes[key].expert if name == "quote" and key in facts.quotes else
                       every[key].expert if key in every and not isinstance(every[key], schema.NotStatedFact) else None)
            if speaker is None or speaker in named:
                continue
            names, real = _names(named, facts), _speaker_name(speaker, facts)
            line = next((c.line for ch in blocks_[number].text if (i := call_index(ch)) is not None
                         and (c := typed.get(i)) is not None and c.key == key), None)
            errors.append(GuideError(
                shown, f"{'a title' if is_title else 'a heading'} that names {names} over {real}'s words", line=line, key=key,
                found=f"'{readable(text, typed).rstrip('¶ ')[:80]}' over {name}(\"{key}\"); data/facts.yml gives it to {real} "
                      f"(expert: {speaker})",
                expected=f"under a heading or title that names {names}, only what {names} said",
                fix=f"name {real} in the heading (or none), or move the fact under a heading of its own."))
    for text, numbers_ in under.items():
        named = _named(text, typed, facts) - {ARTICLE}
        if not any(_carries(blocks_[n].text, named, typed, facts) for n in numbers_):  # her fact, quote or quoted words
            names = _names(named, facts)
            line = sentence_line(lines, text, typed)
            errors.append(GuideError(
                shown, f"a title that names {names} over words that are none of {'hers' if len(named) == 1 else 'theirs'}",
                line=line, found=f"'{readable(text, typed).rstrip('¶ ')[:80]}' over '{readable(blocks_[numbers_[0]].text, typed)[:100]}'",
                expected=f"a block titled with {names}'s name shows what {names} said, by its fact or quote",
                fix=f"show {names}'s fact or quote in the block with {{{{ fact(\"...\") }}}}, or give the block a title that "
                    "names no one (our own tips are marked {{ suggestion() }})."))
    return errors
