"""Every fact's source passage and every quote, checked word for word against the article in ``sources/``.

Runs in every build (``define_env``), so a made-up or misremembered passage
stops the build wherever it runs, not only in the test suite.
"""

from __future__ import annotations

import difflib
import functools
import re
import urllib.parse
from pathlib import Path

from guide.data import meaning, numbers, schema, speakers
from guide.data.speakers import WORD, index, norm, occurrences, words_of
from guide.data.yamlsrc import Path_, dotted
from guide.errors import GuideError, GuideErrors

ARTICLE = "sources/article.txt"
HEDGES = {"about": ("about", "around", "approximately", "roughly"), "typically about": ("typically about",),
          "at least": ("at least",), "up to": ("up to",)}
"""Each qualifier of data/facts.yml and the article's words for it; the qualifier must match the passage."""
_ANY_HEDGE = re.compile(r"\b(typically about|about|around|approximately|roughly|at least|up to)\b", re.I)


NEAREST_WORDS = 30
"""The most words of the article a message shows, and of a quotation it compares (a message, not a dump)."""
QUOTE_MAX_WORDS = 40
"""The longest quotation a page or data/facts.yml may give (the article's longest is under thirty words): quote briefly."""


def nearest(text: str, article: str) -> str:
    """Where ``text`` comes closest to the article, and where it differs, for a message:
    "nearest in the article: '...'; differs at 'simply' (the article: 'basically')". Each of the first
    ``NEAREST_WORDS`` words of ``text`` votes for the place in the article its occurrences would make
    the start (a word index, not a window compared at every place), and the message shows at most
    ``NEAREST_WORDS`` words of the article."""
    want = words_of(text)[:NEAREST_WORDS]
    found = index(article)
    if not want or not found.words:
        return "nothing in the article comes close"
    votes: dict[int, int] = {}
    for i, word in enumerate(want):
        for number in found.where.get(word, ()):
            start = number - i
            votes[start] = votes.get(start, 0) + 1
    if not votes:
        return "nothing in the article comes close"
    smooth = {start: sum(votes.get(start + d, 0) for d in (-2, -1, 0, 1, 2)) for start in votes}
    center = max(0, min(smooth, key=lambda start: (-smooth[start], -votes[start], start)))
    lo = max(0, center - 5)
    window = found.words[lo:center + len(want) + 5]
    matcher = difflib.SequenceMatcher(None, want, window, autojunk=False)
    first = next((m for m in matcher.get_matching_blocks() if m.size), None)
    best_at = lo + max(0, first.b - first.a) if first else center
    theirs = list(found.words[best_at:best_at + len(want) + 2])
    last = min(best_at + len(theirs), len(found.words)) - 1
    near = article[found.starts[best_at]:found.starts[last] + len(WORD.match(article, found.starts[last])[0])]  # type: ignore[index]
    near = " ".join(near.split())
    matcher = difflib.SequenceMatcher(None, want, theirs, autojunk=False)
    for tag, i1, _, j1, _ in matcher.get_opcodes():
        if tag == "delete":
            return f"nearest in the article: '{near}'; it adds '{want[i1]}', which the article does not have there"
        if tag != "equal" and i1 < len(want):
            there = f"'{theirs[j1]}'" if j1 < len(theirs) else "nothing more"
            return f"nearest in the article: '{near}'; it differs at '{want[i1]}' (the article: {there})"
    return f"nearest in the article: '{near}'"


def pieces(source: str) -> list[str]:
    """The pieces of a passage: words of the article joined with ' ... '."""
    return re.split(r"\s*\.\.\.\s*", source)


def figures(fact: schema.FactT) -> list[tuple[float, ...]]:
    """The figures a fact states, each as the article must write it: a number (11,), a range (0.5, 2.5),
    sessions and interval of a schedule each on their own (one number when both ends are equal)."""
    pairs: list[tuple[float, float]] = []
    if isinstance(fact, schema.NumberFact):
        return [(fact.value,)]
    if isinstance(fact, schema.RangeFact):
        pairs = [(fact.min, fact.max)]
    elif isinstance(fact, schema.ScheduleFact):
        pairs = [(part.min, part.max) for part in (fact.sessions, fact.every) if part is not None]
    return [(low,) if low == high else (low, high) for low, high in pairs]


def find(figure: tuple[float, ...], passage: str) -> tuple[str, numbers.Run] | None:
    """The piece of ``passage`` that writes ``figure`` as one run of numbers ("four to six"), and that run."""
    for piece in pieces(passage):
        for run in numbers.runs(piece):
            if run.values == tuple(float(v) for v in figure):
                return piece, run
    return None


def said(number: float, passage: str) -> bool:
    """The passage gives ``number`` as a number, in digits or in words (never "a" for one)."""
    return any(float(number) in run.values for piece in pieces(passage) for run in numbers.runs(piece))


def hedge_before(piece: str, run: numbers.Run) -> str | None:
    """The article's hedge just before a figure ("about", "at least"), within a few words, as a qualifier."""
    words = piece[max(0, run.start - 40):run.start]
    found = None
    for match in _ANY_HEDGE.finditer(words):
        found = match[1].lower()
    if found is None:
        return None
    return next((name for name, said_as in HEDGES.items() if found in said_as), None)


def _figure_text(figure: tuple[float, ...]) -> str:
    return " to ".join(schema.num(v) for v in figure)


_CONDITION = re.compile(r"(?<![^\W\d_])(?:only if|if|unless|provided|as long as|only when)(?![^\W\d_])", re.I)


def condition_dropped(value: str, passage: str) -> str | None:
    """The passage's condition ("if you have prior commitments, ...") when a text value keeps no condition word of its
    own (the ninth no-hints attack, H7: the makeup advice without its "if you have plans"); ``None`` otherwise."""
    found = _CONDITION.search(passage)
    if found is None or _CONDITION.search(value):
        return None
    return " ".join(passage[found.start():].split()[:6]).rstrip(" ,;:")


_LIMIT = re.compile(r"(?<![^\W\d_])(?:but(?!,?\s+(?:as a result|also|then)\b)|even though|although|though|whereas|"
                    r"except(?: for| that| when| if)?|unless|only(?! to\b)|as long as|provided that|while|yet)(?![^\W\d_])", re.I)
"""Words that limit what the passage says on the other side of them ("..., but you won't get ...", "while they're safe to
use, you won't get ..."): a value that takes the limited words must keep the limiting ones."""
_OPENS = re.compile(r"(?:even though|although|though|while|whereas)$", re.I)
"""A limiting word that opens its sentence opens the clause it concedes ("While they're safe to use, you won't get the
same results"): the clause after its comma limits it. Elsewhere "while" tells a time, and is not read."""
_CONDITIONS = re.compile(r"(?:unless|as long as|provided that)$", re.I)
"""A condition that opens its sentence ("Unless your skin is healed, wait"): its own clause limits the one after it."""
LIMIT_KEPT = 0.5
"""The share of the limiting clause's content words a value must keep (its meaning, in other words allowed)."""


def _content(text: str) -> set[str]:
    return {meaning.stem(w) for w in meaning.words(text)
            if len(w) > 2 and w not in meaning.PLAIN and not meaning.NEGATORS.fullmatch(w)}


def _kept(have: set[str], want: str) -> bool:
    """``have`` (stems) has a word of ``want`` (a stem), or a longer or shorter form of it ("derm", "dermatologist")."""
    return any(h == want or (min(len(h), len(want)) >= 4 and (h.startswith(want) or want.startswith(h))) for h in have)


def _sides(sentence: str) -> list[tuple[str, str, str]]:
    """Each limiting word of ``sentence`` with the words it limits and the words that limit them."""
    out = []
    for found in _LIMIT.finditer(sentence):
        before, after = sentence[:found.start()], sentence[found.end():]
        if not before.strip(" ,;:—–-\"“”'") or re.search(r"(?i)\b(?:and|but|so)\s*$", before):
            if _OPENS.match(found[0]) and "," in after:
                conceded, rest = after.split(",", 1)
                out.append((found[0], conceded, rest))
            elif _CONDITIONS.match(found[0]) and "," in after:
                condition, rest = after.split(",", 1)
                out.append((found[0], rest, condition))
        elif found[0].lower() != "while":
            out.append((found[0], before, after))
    return out


def _negated(text: str) -> bool:
    return any(meaning.NEGATORS.fullmatch(w) for w in meaning.words(text))


def limit_dropped(value: str, passage: str) -> tuple[str, str] | None:
    """The passage's words that limit what a text value takes from it, when the value keeps fewer than ``LIMIT_KEPT``
    of their content words, or drops their "not": the limiting word and those words ("while ... safe to use, you
    won't get the same results ..." for "safe to use": the eleventh no-hints attack, H16). ``None`` otherwise."""
    have = _content(value)
    for piece in pieces(passage):
        for sentence in re.split(r"(?<=[.!?])\s+", piece):
            for word, limited, limiting in _sides(sentence):
                want = _content(limiting) - _content(limited)
                if not want or not any(_kept(have, w) for w in _content(limited) - _content(limiting)):
                    continue
                kept = sum(_kept(have, w) for w in want)
                turned = _negated(limiting) and not _negated(value)
                if kept < LIMIT_KEPT * len(want) or turned:
                    return word, " ".join(limiting.split()[:12]).strip(" ,;:")
    return None


EFFECTS = {"take away": r"tak\w*\s+(?:\w+\s+)?away", "remove": r"remov\w*", "stop": r"stop\w*", "prevent": r"prevent\w*",
           "cure": r"cur(?:e|es|ed|ing)", "eliminate": r"eliminat\w*", "get rid of": r"(?:get|gets|getting|got)\s+rid\s+of",
           "erase": r"eras(?:e|es|ed|ing)", "fix": r"fix\w*", "heal": r"heal\w*", "clear up": r"clear\w*",
           "end": r"end(?:s|ed)?(?=\s+(?:it|the|your|all|them)\b)"}
"""Verbs of effect a value may use only as its passage does: "takes it away" where the passage says the numbing cream
"help[s] take away" the pain says more than the article (the eleventh no-hints attack, H17)."""
_EFFECT = {name: re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.I) for name, pattern in EFFECTS.items()}
_SOFTENS = re.compile(r"(?<![^\W\d_])(?:help\w*|can|may|might|could)(?![^\W\d_])", re.I)
"""The hedges of an effect ("can help reduce", "may", "helps take away"): a passage's hedge before its verb is kept."""
SOFTENS_WITHIN = 6
"""How many words before an effect verb its hedge may stand ("can also help reduce pore size and heal")."""
_CREDIT = re.compile(r"(?<![^\W\d_])(?:(experts?|doctors?|derms?|dermatologists?|physicians?|specialists?)\s+(?:\w+\s+)?"
                     r"(?:agree|say|said|believe|recommend|suggest|warn|advise)\w*|according to (?:the |most |many )?"
                     r"(experts?|doctors?|derms?|dermatologists?|physicians?|specialists?))(?![^\W\d_])", re.I)
"""The article crediting a group, not one doctor ("what experts agree is minimal pain"): ``expert:`` names one doctor
or the article, so the value says who ("experts agree ...")."""


def group_credited(passage: str) -> str | None:
    """The words by which ``passage`` credits a group ("experts agree"), or ``None``."""
    found = _CREDIT.search(passage)
    return found[0] if found else None


def _softened_before(text: str, at: int) -> bool:
    """A hedge of ``_SOFTENS`` within ``SOFTENS_WITHIN`` words before ``at`` in ``text``, in the same clause."""
    before = re.split(r"[.;!?]", text[:at])[-1]
    return any(_SOFTENS.fullmatch(w) for w in re.findall(r"[^\W\d_]+", before)[-SOFTENS_WITHIN:])


def effect_problems(text: str, passage: str, context: str = "") -> list[str]:
    """What ``text`` (a value or an item; ``context``: its label) says more strongly than ``passage``: a verb of effect
    the passage does not use ("removes" for "helps take away"), the passage's hedge of that verb dropped, and the group
    the passage credits ("experts agree") left unnamed by a value that takes the passage's words. Each as a message's
    first words."""
    out = []
    for name, verb in _EFFECT.items():
        for found in verb.finditer(text):
            said = [m for m in verb.finditer(passage)]
            if not said:
                out.append(f"'{found[0]}', a verb of effect its passage does not use")
            elif any(_softened_before(passage, m.start()) for m in said) and not _softened_before(text, found.start()) \
                    and not _SOFTENS.search(context):
                hedge = next(h[0] for m in said if _softened_before(passage, m.start())
                             for h in [list(_SOFTENS.finditer(re.split(r"[.;!?]", passage[:m.start()])[-1]))[-1]])
                out.append(f"'{found[0]}' without the passage's '{hedge} {name}'")
    credit = _CREDIT.search(passage)
    takes = any(_kept(_content(text), w) for w in _content(passage))  # a value of other words is judged elsewhere
    if credit and takes and not any(re.search(rf"(?i)\b{(credit[1] or credit[2])[:4]}", t) for t in (text, context)):
        out.append(f"who the passage gives it to ('{credit[0]}')")
    return out


def check(facts: schema.Facts, lines: dict[Path_, int], article: Path, data_name: str = "data/facts.yml") -> None:
    """Raise ``GuideErrors`` for each passage or quote not in ``article``, each figure its passage does not
    write as one run of numbers in count and order, and each qualifier the passage does not say."""
    try:
        text = norm(article.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(ARTICLE, "the source article is missing", expected="the article's text in sources/article.txt",
                         fix="restore it from git (git checkout -- sources/article.txt).") from None
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            path: tuple[str, ...] = ("facts", group, name, "source")
            at, first = 0, -1
            for piece in pieces(fact.source):
                found = text.find(norm(piece), at)
                first = found if first < 0 else first
                if found < 0:
                    in_article = norm(piece) in text
                    errors.append(GuideError(
                        data_name, "the source passage is not word for word in the article" if not in_article else
                        "the pieces of the source passage are not in the article's order", line=lines.get(path),
                        key=".".join(path), found=f"'{piece[:120]}'", expected=f"words copied exactly from {ARTICLE}"
                        + ("" if not in_article else ", pieces joined with ' ... ' in the order the article gives them")
                        + ("" if in_article else f" ({nearest(piece, text)})"),
                        fix="copy the passage from the article (join separate pieces with ' ... ')."))
                    break
                at = found + len(norm(piece))
            else:
                errors.extend(_check_figures(fact, group, name, lines, data_name))
                if isinstance(fact, schema.ScheduleFact) and fact.starts_after:
                    errors.extend(_follows_problems(fact, f"{group}.{name}", text[max(0, first - FOLLOWS_BEFORE):at],
                                                    lines.get(path[:3] + ("starts_after",)), data_name))
                if isinstance(fact, schema.NotStatedFact):
                    errors.extend(note_problems(fact, f"facts.{group}.{name}", text, lines.get(path[:3] + ("note",),
                                                                                                lines.get(path[:3])), data_name))
                errors.extend(_value_errors(fact, group, name, lines, data_name))
                errors.extend(_degree_errors(fact, group, name, lines, data_name))
                errors.extend(_effect_errors(fact, group, name, lines, data_name))
                errors.extend(_credit_errors(facts, fact, group, name, lines, data_name))
                if isinstance(fact, schema.ListFact) and fact.scope == "complete":
                    errors.extend(whole_list_problems(fact, group, name, text, lines, data_name))
                    errors.extend(_joined_problems(fact, f"facts.{group}.{name}", lines.get(path[:3] + ("joined_by",),
                                                                                          lines.get(path[:3])), data_name))
    errors += _quote_problems(facts, text, lines, data_name)
    errors += speaker_problems(facts, text, lines, data_name) + expert_problems(facts, text, lines, data_name)
    errors += bound_label_problems(facts, lines, data_name)
    if errors:
        raise GuideErrors(errors)


DEGREE_ADJECTIVES = ("dramatic", "severe", "serious", "deep", "mild", "light", "slight", "moderate", "extreme",
                     "heavy", "significant", "minor", "major", "stubborn", "advanced")
"""Words of degree a passage puts on a noun ("dramatic acne scarring", "mild hydrating serum"): a label or a
``for_whom`` that names the noun keeps them (the thirteenth no-hints attack, M4: "Dramatic acne scarring" made "Acne
scarring" offered the monthly plan for any acne scarring). A comparison ("more dramatic results") qualifies nothing."""
_DEGREE_BEFORE = re.compile(r"(?<![^\W\d_])(?<!more )(?<!less )(?<!most )(?<!as )(?<!so )(?<!too )("
                            + "|".join(DEGREE_ADJECTIVES) + r")\s+((?:[^\W\d_]+\s+){0,1}[^\W\d_]+)", re.I)
NAMING_FIELDS = ("label", "for_whom")


def degree_dropped(text: str, passage: str) -> tuple[str, str] | None:
    """The passage's word of degree (and the words it qualifies) that ``text`` leaves out while naming what it
    qualifies: ("dramatic", "acne scarring") for "Acne scarring"; ``None`` if kept or not named."""
    have = _content(text)
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    for found in _DEGREE_BEFORE.finditer(passage):
        word, noun = found[1].lower(), found[2]
        named = _content(noun) & have
        if named and word not in words:
            return word, noun
    return None


def _degree_errors(fact: schema.FactT, group: str, name: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    out = []
    for field in NAMING_FIELDS:
        text = getattr(fact, field, None)
        if isinstance(text, str) and (dropped := degree_dropped(text, fact.source)):
            path = ("facts", group, name, field)
            out.append(GuideError(
                data_name, f"the {field} names '{dropped[1]}' without the passage's '{dropped[0]}'",
                line=lines.get(path, lines.get(path[:3])), key=dotted(path), found=f"'{text[:120]}'",
                expected=f"the passage's '{dropped[0]} {dropped[1]}' with its '{dropped[0]}': a word of degree says "
                         "whom the fact is for, and without it the fact reads as for everyone with it",
                fix=f"put '{dropped[0]}' back ('{dropped[0].capitalize()} {dropped[1]}'), and its Spanish in "
                    "data/facts.es.yml with it."))
    return out


def _value_errors(fact: schema.FactT, group: str, name: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    """A text value that leaves out its passage's condition ("if ...") or what limits it ("but ...", "while ...")."""
    out: list[GuideError] = []
    path: tuple[str, ...] = ("facts", group, name)
    if isinstance(fact, schema.TextFact) and (dropped := condition_dropped(fact.value, fact.source)):
        out.append(GuideError(
            data_name, f"the value leaves out the condition its passage gives ('{dropped}')",
            line=lines.get(path[:3] + ("value",), lines.get(path[:3])), key=f"facts.{group}.{name}.value",
            found=f"'{fact.value[:120]}'", expected=f"the value with its condition, as the passage has it "
            f"('{dropped}'): what holds only if something is so may not read as holding always",
            fix="put the condition back into the value (\"if ...\"), in your own words."))
    elif isinstance(fact, schema.TextFact) and (limit := limit_dropped(fact.value, fact.source)):
        out.append(GuideError(
            data_name, f"the value leaves out what limits it in its passage ('{limit[0]} ... {limit[1]}')",
            line=lines.get(path[:3] + ("value",), lines.get(path[:3])), key=f"facts.{group}.{name}.value",
            found=f"'{fact.value[:120]}'", expected=f"the value with the passage's '{limit[0]}' clause "
            f"('{limit[1]}'), its meaning and its 'not' kept: a value cut to the half a 'but', 'while' or "
            "'unless' limits says more than the article",
            fix="put the limiting clause back into the value (\"..., but ...\"), in your own words, and its "
                "Spanish in data/facts.es.yml with it."))
    return out


_DOCTOR_CREDIT = re.compile(r"(?i:according to)\s+(?:Dr\.?\s+)?([A-Z][\w'’-]+)|(?<![^\W\d_])Dr\.?\s+([A-Z][\w'’-]+)\s+"
                            r"(?i:says|said|recommends|recommended|favors|favored|suggests|warns|advises|notes|explains)\b")
"""A passage that gives its words to one doctor ("..., according to Dr. Nazarian", "Dr. Jaliman recommends ...")."""


def doctor_credited(passage: str, facts: schema.Facts) -> str | None:
    """The key of the doctor ``passage`` credits by name, or ``None``."""
    for found in _DOCTOR_CREDIT.finditer(passage):
        name = (found[1] or found[2]).lower()
        key = next((k for k, p in facts.experts.items() if p.surname.lower().endswith(name) or k == name), None)
        if key is not None:
            return key
    return None


def _credit_errors(facts: schema.Facts, fact: schema.FactT, group: str, name: str, lines: dict[Path_, int],
                   data_name: str) -> list[GuideError]:
    """A passage that credits a doctor by name ("according to Dr. Nazarian") is hers: ``expert:`` says so, or the
    fact's words name her."""
    key = doctor_credited(fact.source, facts)
    if key is None or fact.expert == key or any(key in speakers.typed_names(t, facts) for _, _, t in _texts(fact)):
        return []
    path = ("facts", group, name, "expert")
    return [GuideError(
        data_name, f"the passage gives its words to {_who(facts, key)}, and the fact does not say so",
        line=lines.get(path, lines.get(path[:3])), key=dotted(path), found=f"expert: {fact.expert} for '{fact.source[:100]}'",
        expected=f"expert: {key}, or her name in the fact's words, as the passage credits her",
        fix=f"set expert: {key} (who the passage names as saying it).")]


def _effect_errors(fact: schema.FactT, group: str, name: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    """:func:`effect_problems` of a text fact's value and of each item of a list (its label as context)."""
    if isinstance(fact, schema.TextFact):
        said: list[tuple[Path_, str, str]] = [(("facts", group, name, "value"), fact.value, "")]
    elif isinstance(fact, schema.ListFact):
        said = [(("facts", group, name, "items", i), item, fact.label) for i, item in enumerate(fact.items)]
    else:
        return []
    errors = []
    for path, text, context in said:
        for problem in effect_problems(text, fact.source, context):
            errors.append(GuideError(
                data_name, f"the fact's words say more than its passage: {problem}",
                line=lines.get(path, lines.get(path[:3])), key=dotted(path), found=f"'{text[:120]}'",
                expected=f"the passage's verbs of effect and its hedges ('{' '.join(fact.source.split()[:24])}'): "
                         "'helps take away' stays 'helps', 'can reduce' is not 'removes', and 'experts agree' keeps "
                         "its experts (expert: names one doctor or the article)",
                fix="say what the passage says, as strongly as it says it: keep its 'helps', 'can' or 'may' and the "
                    "group it credits, in your own words; and the Spanish in data/facts.es.yml with it."))
    return errors


FOLLOWS_BEFORE = 400
"""How far before a schedule's passage (in characters) the plan it follows may be named: "After that" refers back."""


def _quote_problems(facts: schema.Facts, text: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    """Each quote of the data: short, word for word in the article (``text``, normalised), inside its quotation
    marks, and given to the doctor the article gives it to."""
    errors: list[GuideError] = []
    spans = speakers.quotations(text)
    for key, quote in facts.quotes.items():
        path = ("quotes", key, "text")
        if len(words_of(quote.text)) > QUOTE_MAX_WORDS:
            errors.append(GuideError(data_name, f"the quote is longer than {QUOTE_MAX_WORDS} words", line=lines.get(path),
                                     key=".".join(path), found=f"{len(words_of(quote.text))} words: '{quote.text[:120]}...'",
                                     expected=f"a short quote: at most {QUOTE_MAX_WORDS} words, copied exactly from {ARTICLE}",
                                     fix="quote briefly: keep the words that matter and give the rest as facts."))
        elif norm(quote.text) not in text:
            errors.append(GuideError(data_name, "the quote is not word for word in the article", line=lines.get(path),
                                     key=".".join(path), found=f"'{quote.text[:120]}'",
                                     expected=f"words copied exactly from {ARTICLE} ({nearest(quote.text, text)})",
                                     fix="copy the quote exactly from the article."))
        elif not any(norm(quote.text) in text[start:end] for start, end in spans):
            errors.append(GuideError(data_name, "the quote is not words the article puts in quotation marks", line=lines.get(path),
                                     key=".".join(path), found=f"'{quote.text[:120]}'",
                                     expected=f"a doctor's own words, inside quotation marks (“ ”) in {ARTICLE}",
                                     fix="quote words the article puts in quotation marks; the writers' own words "
                                         "(\"which means that ...\") are the article's: give them as a fact with expert: article "
                                         "(the seventh no-hints attack quoted them as Dr. Jaliman's)."))
        elif quote.expert not in (said := _whose(quote.text, text, facts)):
            real = " and ".join(sorted(facts.experts[k].surname for k in said if k in facts.experts)) or "the article itself"
            errors.append(GuideError(data_name, f"the article gives these words to {real}", line=lines.get(("quotes", key)),
                                     key=f"quotes.{key}.expert", found=f"expert: {quote.expert} for '{quote.text[:120]}'",
                                     expected=f"the speaker the article gives the words to ({real})",
                                     fix="set expert: to the doctor the article quotes, or quote that doctor's own words."))
        elif (turn := _cut_before_a_turn(norm(quote.text), text, spans)) is not None:
            errors.append(GuideError(data_name, f"the quote stops where the doctor goes on with '{turn[0]}'", line=lines.get(path),
                                     key=".".join(path), found=f"'...{quote.text[-60:]}' (the article goes on: '{turn[1]}')",
                                     expected="a quote that keeps the words that limit or turn what it says (\"but\", "
                                              "\"whereas\", \"unless\", \"only if\" ...) up to the end of the sentence",
                                     fix="copy the quote on to the end of the doctor's sentence, and its Spanish in "
                                         "data/facts.es.yml with it (the seventh no-hints attack cut a quote before its 'but')."))
    return errors


_TURN = re.compile(r"[\s,;:—–-]*((?:but(?!,?\s+(?:as a result|also|then)\b)|whereas|although|though|however|except|unless|yet|while|only|if|when|as long as|"
                   r"provided)(?![^\W\d_]))", re.I)
"""Words that limit or turn what was said before them: a quote that stops just before one says less than, or the
opposite of, what the doctor said ("Working out by yourself is definitely good" before ", but you'll have more ...").
A "but" that goes on to what follows from it ("..., but as a result, we're thickening the skin") turns nothing."""


def _cut_before_a_turn(quote: str, text: str, spans: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The word of ``_TURN`` that follows ``quote`` inside the article's quotation marks (or, for words the article
    does not quote, in its sentence), with the words after it, when the quote stops there; ``None`` when it runs to
    a sentence's or the quotation's end, or goes on otherwise."""
    found = next(((at, end) for start, end in spans if (at := text.find(quote, start, end)) >= 0), None)
    if found is None and (at := text.find(quote)) >= 0:
        stop = re.search(r"[.!?]", text[at + len(quote):])
        found = (at, at + len(quote) + (stop.start() if stop else 0))
    if found is None:
        return None
    rest = text[found[0] + len(quote):found[1]]
    turn = _TURN.match(rest)
    return (turn[1], " ".join(rest[turn.start(1):].split()[:8]) + " ...") if turn else None


@functools.lru_cache(maxsize=4)
def _normed(article: str) -> tuple[str, list[tuple[int, int]]]:
    text = norm(article)
    return text, speakers.quotations(text)


def cut_before_a_turn(words: str, article: str) -> tuple[str, str] | None:
    """For a quotation typed on a page: the doctor's "but" (or "whereas", "unless" ...) it stops just before, with
    the words after it, or ``None`` (the eighth no-hints attack quoted "Working out by yourself is definitely good")."""
    text, spans = _normed(article)
    return _cut_before_a_turn(norm(words).rstrip(".,;: "), text, spans)

def _follows_problems(fact: schema.ScheduleFact, key: str, around: str, line: int | None, data_name: str) -> list[GuideError]:
    """A schedule's ``starts_after`` names the plan the article puts just before its passage, in the article's words
    ("the monthly plan" for "one session per month ... After that"); "your first session" is not."""
    missing = sorted(_stems(fact.starts_after or "") - _stems(around))
    if not missing:
        return []
    return [GuideError(data_name, "the plan this schedule follows is not the one the article names before it", line=line,
                       key=f"facts.{key}.starts_after", found=f"'{fact.starts_after}' ('{missing[0]}...' is not there)",
                       expected=f"words of the article just before the passage: '...{around[-160:]}'",
                       fix="name the plan the article gives just before the passage, in its words.")]


# --- a complete list keeps every item of its passage (no-hints review, finding 13) -------------------

_ASIDE = re.compile(r"\s*(?:—|–|\(|\)|\bsuch as\b|\blike\b|\bincluding\b)\s*", re.I)
"""Where a passage leaves its list for what is around it: a dash, a bracket, "such as" (its examples are another fact)."""
_LIST_BREAK = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
"""Where a list splits into its parts: commas, semicolons, " and ", " or "."""
_LIST_GOES_ON = re.compile(r"^\W*,?\s*(?:and|or)\s|^\s*,[^.!?]*?,?\s(?:and|or)\s", re.I)
"""After a passage: the article's list goes on (", or very sensitive skin", " and elastin")."""
_LIST_WAS_GOING = re.compile(r"(?:,|\s(?:and|or))\s*$", re.I)
"""Before a passage: the article's list began earlier ("... eczema, " before "rosacea, or very sensitive skin")."""
_PLAIN = frozenset("""the and with your that this have from will which there they their then also very into over just some
more much after before until about would could should what when where while been being were does like such only other
once your you’re you're it’s it's""".split())


def _stems(text: str) -> set[str]:
    """The words of ``text`` that carry its meaning, each cut to its first five letters ("building", "builds": "build")."""
    return {w[:5] for w in words_of(text) if len(w) >= 4 and w not in _PLAIN}


def whole_list_problems(fact: schema.ListFact, group: str, name: str, article: str,
                        lines: dict[Path_, int] | None = None, data_name: str = "data/facts.yml") -> list[GuideError]:
    """A list the data says is the article's whole list (``scope: complete``): every part of its passage has an item
    that says it (a shared word), and the passage holds the article's whole list (its list neither began before it nor
    goes on after it). An item deleted from the list, alone or with its words in the passage, stops the build. Words
    around the list (a stretch between dashes, brackets or "such as" with no item's word) are the passage's context."""
    lines = lines or {}
    key, line = f"facts.{group}.{name}", lines.get(("facts", group, name, "items"), lines.get(("facts", group, name)))
    items = [_stems(item) for item in fact.items]
    listed = False
    for stretch in (stretch for piece in pieces(fact.source) for stretch in _ASIDE.split(piece)):
        parts = [(part, _stems(part)) for part in _LIST_BREAK.split(stretch)]
        if not any(said_in & item for _, said_in in parts for item in items):
            continue  # words around the list ("Microneedling — also known as ... — is a collagen induction therapy")
        listed = True
        for part, said_in in parts:
            if said_in and not any(said_in & item for item in items):
                return [GuideError(
                    data_name, f"this complete list leaves out a part of its passage: '{part.strip()[:80]}'", line=line,
                    key=f"{key}.items", found=f"{len(fact.items)} items: " + "; ".join(f"'{i[:40]}'" for i in fact.items),
                    expected=f"scope: complete keeps every item the article lists ('{fact.source[:120]}'), "
                             "each said by an item in your words",
                    fix="put the missing item back (and its Spanish wording in data/facts.es.yml); if the article gives "
                        "only examples, write scope: examples.")]
    if not listed:
        return [GuideError(
            data_name, "this complete list's items are not the list of its passage", line=line, key=f"{key}.items",
            found="; ".join(f"'{i[:40]}'" for i in fact.items), expected=f"items that say, in your words, the parts of "
            f"the list in its passage ('{fact.source[:120]}')",
            fix="give the article's items, and the passage that lists them; if the article gives only examples, write "
                "scope: examples.")]
    first, last = norm(pieces(fact.source)[0]), norm(pieces(fact.source)[-1])
    start, end = article.find(first), article.rfind(last)
    if start < 0 or end < 0:
        return []  # the passage check says where it differs
    sentence_start = max(article.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "“", "\n"))
    before = article[sentence_start + 1:start]
    after = re.split(r"[.!?](?:\s|$)", article[end + len(last):], maxsplit=1)[0]
    if _LIST_WAS_GOING.search(before) or _LIST_GOES_ON.search(after):
        missing = (before.strip() if _LIST_WAS_GOING.search(before) else after.strip())[:80]
        return [GuideError(
            data_name, "this complete list's passage stops inside the article's list", line=lines.get(("facts", group, name,
                                                                                                         "source")),
            key=f"{key}.source", found=f"'{fact.source[:120]}', and the article goes on: '{missing}'",
            expected="scope: complete quotes the article's whole list in its passage, and has an item for each part",
            fix="copy the whole list into source: and give each part its item; if the article gives only examples, "
                "write scope: examples.")]
    return []


NOTE_AROUND = 400
"""How far around a not-stated fact's passage (in characters) its note may draw words from the article."""
NOTE_WORDS = frozenset(meaning.stem(word) for word in """article articles say says said state states stated give gives
given mention mentions mentioned name names named no not none nor but only exact exactly number numbers figure figures
length lengths long how many much often price prices cost costs time times amount size depth make makes doctor doctors
dr treatment treatments session sessions microneedling minute minutes hour hours day days week weeks month months year
years""".split())
"""The words a not-stated fact's note says the article gives no figure with ("The article gives no number of days"): the
rest of its words come from the article around its passage. Anything else, advice above all, is a claim of ours."""


def note_problems(fact: schema.NotStatedFact, key: str, article: str, line: int | None = None,
                  data_name: str = "data/facts.yml") -> list[GuideError]:
    """A not-stated fact's note says what the article (``article``: its normalised text) leaves out, in the article's
    words around its passage and the few words of :data:`NOTE_WORDS`; the fifth attack put new advice there."""
    first, last = norm(pieces(fact.source)[0]), norm(pieces(fact.source)[-1])
    start, end = article.find(first), article.rfind(last)
    around = article[max(0, start - NOTE_AROUND):end + len(last) + NOTE_AROUND] if start >= 0 and end >= 0 else ""
    have = NOTE_WORDS | {meaning.stem(word) for word in meaning.words(around)}
    told = meaning.advice(fact.note, "en", claims=False)
    new = [told.word] if told else [word for word in meaning.words(fact.note)
                                    if word not in meaning.PLAIN and meaning.stem(word) not in have]
    if not new:
        return []
    what = (f"the note gives advice ('{new[0]}')" if told else
            f"the note says '{new[0]}', which neither the article around its passage nor a note's own words say")
    return [GuideError(data_name, what, line=line, key=f"{key}.note", found=f"'{fact.note[:120]}'",
                       expected="a note that says only what the article leaves out, in the article's words (\"The article "
                                "gives no number of days.\")",
                       fix="say which figure the article does not give, and nothing more; a claim or advice needs its "
                           "own fact with its passage.")]


def _joined_problems(fact: schema.ListFact, key: str, line: int | None, data_name: str) -> list[GuideError]:
    """A complete list is joined by the word its passage joins its items with (the fifth attack's H7; the eighth's
    H-C10/H-C11 made "or" an "and" where the passage has both words): see :func:`joining_word`."""
    word = joining_word(fact)
    if word is None or fact.joined_by is None or fact.joined_by == word:
        return []
    return [GuideError(data_name, f"the passage joins this list with '{word}', and the fact with '{fact.joined_by}'",
                       line=line, key=f"{key}.joined_by", found=f"joined_by: \"{fact.joined_by}\" for '{fact.source[:120]}'",
                       expected=f"joined_by: \"{word}\", as the article joins the items",
                       fix=f"write joined_by: \"{word}\" (\"or\" when any one item is enough, \"and\" when they go "
                           "together).")]


_JOINER = re.compile(r"\b(and|or)\b", re.I)
_OWN_RULE = re.compile(r"^\s*if\b[^,.;!?]*,\s*\w", re.I)
"""A condition with its own outcome after the joining word ("..., and if you have a cystic breakout, wait until ..."):
a second rule, which applies on its own, so its items are joined by "or"."""


def joining_word(fact: schema.ListFact) -> str | None:
    """The word ("and" or "or") that joins a list's items in its passage: the last "and"/"or" between the words of one
    item and the next (each part of the passage, between commas and joining words, goes to the item it shares the most
    words with), so an "or" inside one item ("inflamed or infected areas") or an "and" inside another ("which causes
    dehydration and can render ...") does not count. A joining word followed by a condition with its own outcome
    counts as "or". When no joining word stands between items, the passage's only one of the two words, if it has one
    ("collagen and thickening ..., so ..."); ``None`` when the passage does not say."""
    items = [_stems(item) for item in fact.items]
    found: set[str] = set()
    for piece in pieces(fact.source):
        bits = _LIST_BREAK_KEPT.split(piece)  # part, joiner, part, joiner, ...
        last: int | None = None  # the item of the last part that had one
        between: list[tuple[str, str]] = []  # the joiners since that part, each with the text after it
        for i in range(0, len(bits), 2):
            owner = _owner(_stems(bits[i]), items)
            if owner is not None and last is not None and owner != last:
                words = [(m[1].lower(), rest) for sep, rest in between for m in [_JOINER.search(sep)] if m]
                if words:
                    word, rest = words[-1]
                    found.add("or" if _OWN_RULE.match(rest) else word)
            if owner is not None:
                last, between = owner, []
            if i + 1 < len(bits):
                between.append((bits[i + 1], "".join(bits[i + 2:])))
    if len(found) == 1:
        return found.pop()
    if found:
        return None  # "A and B, or C": the data's word stands
    said = set(w.lower() for w in _JOINER.findall(fact.source))
    return said.pop() if len(said) == 1 else None


_LIST_BREAK_KEPT = re.compile(r"(\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)", re.I)


def _owner(said: set[str], items: list[set[str]]) -> int | None:
    """The item a part of a passage says (the one sharing the most words with it), or ``None`` (none, or a tie)."""
    shared = sorted(((len(said & item), i) for i, item in enumerate(items)), reverse=True)
    if not shared or shared[0][0] == 0 or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return shared[0][1]


BOUND_WORDS: dict[str, dict[str, re.Pattern[str]]] = {
    "upper": {"en": re.compile(r"\b(?:highest|maximum|max|most|up to|at most|upper|largest|biggest|no more than)\b", re.I),
              "es": re.compile(r"\b(?:m[aá]xim[oa]s?|como mucho|hasta|a lo sumo|mayor(?:es)?|no m[aá]s de)\b", re.I)},
    "lower": {"en": re.compile(r"\b(?:lowest|minimum|min|least|at least|lower|smallest|no less than)\b", re.I),
              "es": re.compile(r"\b(?:m[ií]nim[oa]s?|al menos|por lo menos|como m[ií]nimo|menor(?:es)?|no menos de)\b", re.I)},
}
"""Words a label uses for an upper or a lower bound ("Highest sunscreen SPF", "FPS máximo").
"at least" is a lower bound: its label may not call the figure a highest (the eighth no-hints attack, M-H2);
"up to" is an upper bound: its label may not call it a lowest."""
_WRONG_BOUND = {"at least": "upper", "up to": "lower"}


def bound_word(label: str, qualifier: str | None, lang: str = "en") -> str | None:
    """The word of ``label`` that makes the figure the opposite bound of its ``qualifier`` ("highest" for
    "at least 30"), or ``None``."""
    wrong = _WRONG_BOUND.get(qualifier or "")
    found = BOUND_WORDS[wrong][lang].search(label) if wrong else None
    return found[0] if found else None


def bound_label_error(label: str, qualifier: str, word: str, shown: str, key: str, line: int | None) -> GuideError:
    other = "lowest, minimum" if qualifier == "at least" else "highest, maximum"
    return GuideError(shown, f"the label says '{word}', and the fact's figure is '{qualifier}' it", line=line, key=key,
                      found=f"'{label[:120]}' for qualifier: \"{qualifier}\"",
                      expected=f"a label that says what '{qualifier}' says ({other} ...), or names the figure alone",
                      fix=f"write a label that agrees with '{qualifier}' (\"Lowest sunscreen SPF\" for \"at least 30\"), "
                          "in both data files.")


def bound_label_problems(facts: schema.Facts, lines: dict[Path_, int], data_name: str = "data/facts.yml",
                         lang: str = "en") -> list[GuideError]:
    """Each label that calls an "at least" figure a highest or maximum, or an "up to" figure a lowest or minimum."""
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            qualifier = getattr(fact, "qualifier", None)
            word = bound_word(fact.label, qualifier, lang)
            if word and qualifier:
                path = ("facts", group, name, "label")
                errors.append(bound_label_error(fact.label, qualifier, word, data_name, dotted(path),
                                                lines.get(path, lines.get(path[:3]))))
    return errors


def _whose(words: str, article: str, facts: schema.Facts) -> set[str]:
    return speakers.whose(words, article, facts) or set()


UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "mm": ("mm", "millimet"), "minutes": ("minute",), "days": ("day", "daily"),
    "weeks": ("week",), "months": ("month",), "years": ("year", "annual"), "needles": ("needle",),
}
"""The words that say a unit in the article: a fact's unit must be one its passage says ("per month",
"once a year", "millimeters"), so an edit from minutes to days is refused."""


def _unit_errors(fact: schema.FactT, key: str, line: int | None, data_name: str) -> list[GuideError]:
    every = getattr(fact, "every", None)
    units = [u for u in (getattr(fact, "unit", None), getattr(every, "unit", None)) if u]
    words = re.findall(r"[a-z]+", fact.source.lower())
    return [GuideError(data_name, f"the unit '{unit}' is not in this fact's source passage", line=line,
                       key=key, found=f"'{fact.source[:120]}'",
                       expected=f"a passage that says the unit ({' or '.join(UNIT_WORDS[unit])}...)",
                       fix="give the unit the article gives, or quote the passage that gives it.")
            for unit in units if unit in UNIT_WORDS
            and not any(word.startswith(stem) for word in words for stem in UNIT_WORDS[unit])]


_SESSION_WORDS = frozenset(word for word, unit in numbers.UNITS.items() if unit == "sessions")
_RATE = frozenset({"per", "a", "an", "each", "every"})
_TIME = frozenset({"days", "weeks", "months", "years"})


def _unit_of(word: str) -> str | None:
    """The unit of time a schedule's word names ("month" -> "months"), as the number rule reads it."""
    unit = numbers.UNITS.get(word)
    return unit if unit in _TIME else None


def _read_roles(passage: str) -> list[tuple[tuple[float, ...], str, str | None]]:
    """Each figure of a schedule's passage whose words say its role plainly: (figure, "sessions" or "every", unit)."""
    found: list[tuple[tuple[float, ...], str, str | None]] = []
    for piece in pieces(passage):
        monthly: str | None = None  # "one session per month": then "for four to six months" counts sessions
        for run in numbers.runs(piece):
            before = re.findall(r"[a-z]+", piece[:run.start].lower())[-1:]
            after = re.findall(r"[a-z]+", piece[run.end:].lower())[:3] + ["", "", ""]
            figure = tuple(run.values)
            said = piece[run.start:run.end].lower()
            if after[0] in _SESSION_WORDS and after[1] in _RATE and _unit_of(after[2]):
                if figure == (1.0,):  # "one session per month"; "two sessions a month" has no whole interval
                    monthly = _unit_of(after[2])
                    found.append((figure, "every", monthly))
            elif after[0] in _SESSION_WORDS:
                found.append((figure, "sessions", None))
            elif said == "once" and after[0] in _RATE and _unit_of(after[1]):
                found.append(((1.0,), "every", _unit_of(after[1])))
            elif _unit_of(after[0]) and before == ["every"]:
                found.append((figure, "every", _unit_of(after[0])))
            elif _unit_of(after[0]) and before == ["for"] and monthly == _unit_of(after[0]):
                found.append((figure, "sessions", None))
    return found


def schedule_roles(passage: str) -> dict[str, tuple[tuple[float, ...], str | None]]:
    """What a schedule's passage gives as the number of sessions and as the time between them, where its
    words say it plainly: "four to six sessions" (sessions), "every three to six months", "once a year" and
    "one session per month" (the interval), "per month for four to six months" (sessions: one a month).
    Each role maps to its figure and unit; a role the passage does not make plain is left out."""
    return {role: (figure, unit) for figure, role, unit in _read_roles(passage)}


_ROLE_NAMES = {"sessions": "the number of sessions", "every": "the time between sessions"}


def _role_errors(fact: schema.ScheduleFact, key: str, line: int | None, data_name: str) -> list[GuideError]:
    """A schedule's sessions and interval each hold a figure the passage gives in that role, where its words say
    the role (H4 of the fifth attack swapped them: "one session per month for four to six months" as one session
    every 4 to 6 months). A figure whose role the words do not make plain is the other checks' to judge."""
    errors = []
    read = _read_roles(fact.source)
    for role in ("sessions", "every"):
        part = getattr(fact, role)
        if part is None:
            continue
        figure = (float(part.min),) if part.min == part.max else (float(part.min), float(part.max))
        roles = {said for found, said, _ in read if found == figure}
        if roles and role not in roles:
            other = roles.pop()
            errors.append(GuideError(
                data_name, f"the passage gives {_figure_text(figure)} as {_ROLE_NAMES[other]}, and the fact as "
                           f"{_ROLE_NAMES[role]}", line=line, key=f"{key}.{role}", found=f"{role}: {_figure_text(figure)}"
                           f" for '{fact.source[:120]}'",
                expected=f"{other}: {{min: {schema.num(figure[0])}, max: {schema.num(figure[-1])}, ...}}, as the passage "
                         "says",
                fix="give each number the role the article gives it: how many sessions (sessions:) and how far apart "
                    "(every:)."))
    return errors


def _check_figures(fact: schema.FactT, group: str, name: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    key = f"facts.{group}.{name}"
    errors = _unit_errors(fact, key, lines.get(("facts", group, name)), data_name)
    if isinstance(fact, schema.ScheduleFact):
        errors += _role_errors(fact, key, lines.get(("facts", group, name)), data_name)
    qualifier = getattr(fact, "qualifier", None)
    for i, figure in enumerate(figures(fact)):
        hit = find(figure, fact.source)
        if hit is None:
            missing = [v for v in figure if not said(v, fact.source)]
            what = (f"the number {schema.num(missing[0])} is not in this fact's source passage" if missing else
                    f"this fact's source passage does not give {_figure_text(figure)} as one figure")
            errors.append(GuideError(
                data_name, what, line=lines.get(("facts", group, name)), key=key, found=f"'{fact.source[:120]}'",
                expected=f"a passage that gives {_figure_text(figure)} (in digits or words), in that order, in one piece",
                fix="check the numbers against the article (a range's two ends, or one number when they are equal), "
                    "or quote the passage that gives them."))
            continue
        piece, run = hit
        said_hedge = hedge_before(piece, run)
        hedged = qualifier is not None and (not isinstance(fact, schema.ScheduleFact) or i == 0)
        if hedged and said_hedge != qualifier:
            errors.append(GuideError(
                data_name, f"the qualifier '{qualifier}' is not what the passage says", key=f"{key}.qualifier",
                line=lines.get(("facts", group, name, "qualifier")), found=f"'{piece[:120]}'",
                expected=f"the passage's own hedge before {_figure_text(figure)}: "
                         + (f"qualifier: \"{said_hedge}\"" if said_hedge else "no qualifier"),
                fix="make the qualifier say what the article says, or quote the passage that says it."))
        elif not hedged and said_hedge is not None and i == 0:
            errors.append(GuideError(
                data_name, f"the passage says '{said_hedge}' before {_figure_text(figure)}, and the fact has no qualifier",
                key=f"{key}.qualifier", line=lines.get(("facts", group, name)), found=f"'{piece[:120]}'",
                expected=f"qualifier: \"{said_hedge}\", so every page shows the article's hedge",
                fix=f"add 'qualifier: \"{said_hedge}\"' to the fact."))
    return errors


# --- who said it, and who they are: a fact's expert, the names and quotations in its words, the experts' roles ---
# (the third no-hints attack changed only `expert:`, put a made-up quotation in a value and rewrote a role)

def _texts(fact: schema.FactT) -> list[tuple[str, int | None, str]]:
    out: list[tuple[str, int | None, str]] = []
    for field in meaning.ENGLISH_FIELDS:  # the fields shown to readers in our words
        value = getattr(fact, field, None)
        if isinstance(value, str):
            out.append((field, None, value))
        elif isinstance(value, list):
            out.extend((field, i, v) for i, v in enumerate(value) if isinstance(v, str))
    return out


def speaker_problems(facts: schema.Facts, article: str, lines: dict[Path_, int],
                     data_name: str = "data/facts.yml") -> list[GuideError]:
    """A fact's ``expert:`` is someone the article gives its passage to (a word of it, at least: a passage may
    hold the article's own words around hers); a doctor named in its words is one too; a quotation in its words
    stands word for word in its passage."""
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            said: set[str] = set()
            for piece in pieces(fact.source):
                who = _any_word_of(piece, article, facts)
                if not who:
                    break  # the passage check says where it differs
                said |= who
            else:
                key, line = f"facts.{group}.{name}", lines.get(("facts", group, name, "expert"), lines.get(("facts", group, name)))
                real = " or ".join(sorted(facts.experts[k].surname if k in facts.experts else "article" for k in said))
                if fact.expert not in said:
                    errors.append(GuideError(
                        data_name, f"the article does not give this fact's passage to {_who(facts, fact.expert)}",
                        line=line, key=f"{key}.expert", found=f"expert: {fact.expert} for '{fact.source[:100]}'",
                        expected="the speaker the article gives the passage to: expert: " + " or ".join(sorted(said)),
                        fix="set expert: to who says it in the article (the article's own words are expert: article)."))
                for field, i, text in _texts(fact):
                    path: Path_ = ("facts", group, name, field) + ((i,) if i is not None else ())
                    named = speakers.typed_names(text, facts) - {speakers.ARTICLE}
                    for person in sorted(named - said):
                        errors.append(GuideError(
                            data_name, f"the fact's words name {_who(facts, person)}, and the article does not give "
                            "its passage to her", line=lines.get(path, line), key=dotted(path), found=f"'{text[:120]}'",
                            expected=f"only the speakers of the passage ({real}) named in the fact's words",
                            fix="name who says it in the article, or leave the name out (expert: says who said it)."))
                    for start, end in speakers.quotations(text):
                        words = text[start:end].strip(" ,.")
                        people = (named or {fact.expert}) - {speakers.ARTICLE}
                        if len(words_of(words)) < (1 if named else speakers.QUOTED_WORDS):
                            continue  # a word or a term in quotation marks ("needle in", "friends"), no one named
                        if not (people or {speakers.ARTICLE}) & (_whose(words, article, facts)):
                            errors.append(GuideError(
                                data_name, "a quotation in the fact's words is not word for word in the article"
                                + (f", in {' or '.join(_who(facts, k) for k in sorted(people))}'s words" if people else ""),
                                line=lines.get(path, line), key=dotted(path), found=f"'{words[:120]}'",
                                expected=f"quoted words copied from the article ({nearest(words, article)})",
                                fix="quote only the article's own words, or say it in your words without quotation "
                                    "marks; a doctor's words of her own are a quote (quotes: in this file)."))
    return errors


def _any_word_of(words: str, article: str, facts: schema.Facts) -> set[str]:
    """Everyone the article gives any word of ``words`` to, at any place it has them (a passage may hold the
    article's own words around a doctor's)."""
    said = speakers.article_speakers(article, tuple((k, p.name) for k, p in facts.experts.items()))
    return {who for place in occurrences(words, article) for number in place for who in said[number]}


def _who(facts: schema.Facts, key: str) -> str:
    return facts.experts[key].surname if key in facts.experts else "the article"


SOURCE_HOSTS = ("www.yahoo.com",)
"""The sites the source's ``url:`` may point at: the article's publisher (a maintainer adds one, in review)."""
SOURCE_KINDS = ("a US lifestyle magazine article", "a magazine article", "a newspaper article", "a blog post")
"""What a source may be called on the sources page ("This guide rests on ..."): none of them claims more trust than a
reader should give it ("a peer-reviewed clinical review" for a magazine article: the third no-hints attack)."""
_STUDY = re.compile(r"\b(?:stud(?:y|ies)|clinical trials?|journal\w*|peer[- ]reviewed)\b", re.I)
"""A study the article cites ("a 2018 study", "a clinical trial", "the Journal of ..."); "do your research" is none."""


def expert_problems(facts: schema.Facts, article: str, lines: dict[Path_, int],
                    data_name: str = "data/facts.yml") -> list[GuideError]:
    """Who the experts are, as the article says: each word of a role is in a sentence of the article that names
    her ("board-certified dermatologist in New York City ..."), a short role's words are her role's, and her
    title and credentials are the article's. ``cites_studies: true`` needs a study the article names."""
    errors = []
    paragraphs = [p for p in article.split("\n") if p.strip()]
    for key, person in facts.experts.items():
        surname = speakers.skeleton(person.name.split()[-1])
        about = " ".join(s for p in paragraphs for s in speakers.sentences(p) if surname in speakers.skeleton(s))
        have = set(words_of(about.replace("-", " ")))
        role_words = set(words_of(person.role.replace("-", " ")))
        for field, text, allowed in (("role", person.role, have), ("short_role", person.short_role, role_words)):
            missing = _not_in(words_of(text.replace("-", " ")), allowed)
            if missing:
                where = "the article's sentences that name her" if field == "role" else "her role"
                errors.append(GuideError(
                    data_name, f"the {field.replace('_', ' ')} says '{missing[0]}', and {where} do{'es' if field != 'role' else ''} not",
                    line=lines.get(("experts", key, field)), key=f"experts.{key}.{field}", found=f"'{text[:120]}'",
                    expected=(f"her role in the article's words ('{about[:160]}')" if field == "role"
                              else f"a word or two of her role ('{person.role[:100]}')"),
                    fix="give the role the article gives her, in its words."))
        for field in ("title", "credentials"):
            value = getattr(person, field)
            if value and norm(value).rstrip(".") not in norm(about):
                errors.append(GuideError(
                    data_name, f"the {field} '{value}' is not what the article calls her", line=lines.get(("experts", key, field)),
                    key=f"experts.{key}.{field}", found=f"'{value}'",
                    expected=f"the {field} the article gives her ('{about[:120]}')", fix=f"copy the {field} from the article."))
    return errors + _source_problems(facts, article, paragraphs, lines, data_name)


def _source_problems(facts: schema.Facts, article: str, paragraphs: list[str], lines: dict[Path_, int],
                     data_name: str) -> list[GuideError]:
    """The source as the article gives it: a listed kind, an address on a listed site, the title, publisher and
    authors of its citation, and no study it does not cite."""
    errors = []
    if facts.source.kind not in SOURCE_KINDS:
        errors.append(GuideError(
            data_name, "the source's kind is not one of the kinds a maintainer has listed", line=lines.get(("source", "kind")),
            key="source.kind", found=f"'{facts.source.kind[:120]}'", expected="one of " + "; ".join(f"'{k}'" for k in SOURCE_KINDS),
            fix="keep the kind that says what the article is; a new kind of source is a maintainer's change "
                "(SOURCE_KINDS in guide/data/passages.py), since the sources page tells readers how much to trust it."))
    host = urllib.parse.urlsplit(str(facts.source.url)).hostname or ""
    if host not in SOURCE_HOSTS:
        errors.append(GuideError(
            data_name, "the source's address is not on a site a maintainer has listed", line=lines.get(("source", "url")),
            key="source.url", found=f"'{str(facts.source.url)[:120]}' (the site '{host}')",
            expected="an address on " + ", ".join(SOURCE_HOSTS) + " (the article's publisher)",
            fix="keep the article's own address; a source on another site is a maintainer's change (SOURCE_HOSTS in "
                "guide/data/passages.py): every sources page links to it (the fifth no-hints attack: a look-alike site)."))
    cited = norm(paragraphs[-1]) if paragraphs else ""
    said_by: list[tuple[str, list[str]]] = [("title", [facts.source.title]), ("publisher", [facts.source.publisher]),
                                            ("authors", list(facts.source.authors))]
    for field, said in said_by:
        absent = next((name for name in said if norm(name).strip().rstrip(".!") not in cited), None)
        if absent is not None:
            errors.append(GuideError(
                data_name, f"the source's {field} '{absent}' is not in the article's citation", key=f"source.{field}",
                line=lines.get(("source", field)), found=f"'{absent[:120]}'",
                expected=f"the {field} as the citation at the end of {ARTICLE} gives it ('{paragraphs[-1][:160]}')",
                fix=f"copy the {field} from the article's citation (the footer of every page shows it: the sixth "
                    "no-hints attack named a journal as the publisher)."))
    if facts.source.cites_studies and not _STUDY.search(article):
        errors.append(GuideError(
            data_name, "cites_studies is true, and the article names no study", line=lines.get(("source", "cites_studies")),
            key="source.cites_studies", found="cites_studies: true",
            expected="cites_studies: false, unless the article cites a study, a trial or a journal",
            fix="write cites_studies: false (the sources page says the article cites no studies)."))
    return errors


def _not_in(words: list[str], have: set[str]) -> list[str]:
    """The ``words`` (of a role) that ``have`` (the article's words about her) lacks: a run of words whose initials
    are an article word ("New York City" for "NYC") and the joining words of ``_ROLE_JOINERS`` are there."""
    missing, i = [], 0
    while i < len(words):
        run = next((n for n in range(len(words) - i, 1, -1)
                    if "".join(w[0] for w in words[i:i + n]) in have and all(w not in have for w in words[i:i + n])), 0)
        if run:
            i += run
            continue
        if words[i] not in have and words[i] not in _ROLE_JOINERS:
            missing.append(words[i])
        i += 1
    return missing


_ROLE_JOINERS = frozenset({"a", "an", "the", "in", "of", "at", "and", "based"})
"""Words a role may add to the article's ("plastic surgeon based in Beverly Hills" for "Beverly Hills-based")."""


def spanish_speaker_problems(want: dict[Path_, object], have: dict[Path_, object], facts: schema.Facts,
                             lines: dict[Path_, int], shown: str, english: str, article: str | None = None) -> list[GuideError]:
    """A Spanish wording names a doctor, or quotes, only where the English it translates does, or its fact's passage
    (with ``article``: a doctor the article gives the passage to):
    "lo que la Dra. Jaliman llama «un brillo...»" in a translation of "a few days" is refused."""
    all_facts = facts.all_facts()
    errors = []
    for key, value in want.items():
        got = have.get(key)
        pairs = list(zip(got, value)) if isinstance(got, list) and isinstance(value, list) else [(got, value)]
        fact = all_facts.get(f"{key[1]}.{key[2]}") if key[0] == "facts" and len(key) > 3 else None
        passage = fact.source if fact is not None else ""
        backing = speakers.typed_names(passage, facts) | ({fact.expert} if fact is not None else set())
        if fact is not None and article is not None:
            backing |= {who for piece in pieces(passage) for who in _any_word_of(piece, article, facts)}
        for i, (text, english_text) in enumerate(pairs):
            if not isinstance(text, str) or not isinstance(english_text, str) or key[0] == "experts":
                continue
            path = key + (i,) if isinstance(got, list) else key
            extra = sorted(speakers.typed_names(text, facts) - speakers.typed_names(english_text, facts)
                           - backing - {speakers.ARTICLE})
            quotes = len(speakers.quotations(text)) - max(len(speakers.quotations(english_text)),
                                                              len(speakers.quotations(passage)))
            if extra or quotes > 0:
                what = f"names {_who(facts, extra[0]).replace('Dr.', 'Dra.')}" if extra else "quotes"
                errors.append(GuideError(
                    shown, f"the Spanish wording {what}, and the English it translates does not", line=lines.get(path),
                    key=dotted(path), found=f"'{text[:120]}'",
                    expected=f"a translation of {english} ('{english_text[:100]}'): a name or a quotation only where "
                             "the English has one", fix="translate the English words as they are."))
    return errors
