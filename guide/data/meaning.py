"""Words that change what a fact means, held to the words the fact comes from.

A fact's words in ``data/facts.yml`` are a paraphrase of its source passage (the article's words):
"pinpoint" for "punctate" is fine. But a word that turns the meaning (a negation, a severity, a
frequency, permanence, safety or risk, a body harm) may stand in a value only where the source passage
has one of the same kind: "severe ... numbing cream does not help" for "pain is minimal" is refused.
In ``data/facts.es.yml`` each such Spanish word must match an English word of the same kind in the
English value, its source passage or the quote it translates: "la ceguera es frecuente" for "pinkness
and redness" is refused.

``MEANING`` is the one list: each kind, with its English and its Spanish words (a word, or a stem ending
in ``*``). It is read on whole words, case and accents aside.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from guide.data import schema
from guide.data.yamlsrc import Path_, dotted
from guide.errors import GuideError

MEANING: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (English words, Spanish words); "word*" is a stem
    "a negation": (("not", "no", "never", "none", "nothing", "nor", "neither", "cannot", "*n't", "without", "avoid*", "skip*",
                    "ineffective", "free", "instead"),
                   ("no", "nunca", "jamás", "jamas", "ningún", "ninguna", "ninguno", "nada", "ni", "sin", "tampoco")),
    "a severity": (("severe*", "severit*", "serious*", "strong*", "extreme*", "intense*", "excruciat*", "agoniz*", "unbearabl*", "grave*",
                    "terribl*", "awful", "little difference", "no difference", "unimportant"),
                   ("grave*", "sever*", "intens*", "extrem*", "insoportabl*", "terribl*", "fuerte*", "sin importancia",
                    "poca importancia")),
    "a frequency": (("common*", "often", "frequent*", "usual*", "typical*", "rare*", "seldom", "most", "many",
                     "majority", "generally", "a lot", "lots"),
                    ("frecuente*", "común", "comun", "comunes", "a menudo", "habitual*", "suele*", "suelen", "raro*",
                     "rara*", "mayoría", "mayoria", "muchos", "muchas", "general*", "normalmente", "típic*", "tipic*")),
    "always": (("always", "every time", "forever", "invariabl*"), ("siempre", "cada vez", "invariabl*")),
    "permanence": (("permanent*", "irreversibl*", "lifelong", "for life", "lasting", "long-lasting", "for good", "once and for all",
                    "forever", "for a long time", "for years", "stays with you", "stay with you",
                    "last a long time", "lasts a long time", "last for years", "lasts for years", "for months"),
                   ("permanente*", "irreversibl*", "de por vida", "para siempre", "duradero*", "duradera*",
                    "dura mucho", "duran mucho", "durará mucho", "durarán mucho", "durante mucho tiempo",
                    "por mucho tiempo", "a largo plazo", "durante años", "por años", "durante meses", "por meses")),
    "safety or risk": (("safe*", "unsafe*", "danger*", "harm*", "risk*", "hazard*", "toxic*", "deadl*", "fatal*", "no worries",
                        "worry-free", "nothing to worry", "nothing wrong", "anything wrong", "go wrong",
                        "no side effects", "without side effects", "side-effect free", "nothing more than",
                        "nothing to call", "no reason to call", "no need to call", "not worth calling",
                        "most people never", "hardly anyone", "almost nobody", "almost no one"),
                       ("segur*", "insegur*", "peligr*", "dañ*", "dan*ino*", "inofensiv*", "riesgo*", "arriesga*",
                        "tóxic*", "toxic*", "mortal*", "fatal*", "sin preocupaci*", "sin ninguna preocupaci*",
                        "sin efectos secundarios", "no hay efectos secundarios", "ningún efecto secundario",
                        "no se siente más que", "nada más que", "no son motivo", "no es motivo", "no hace falta llamar",
                        "la mayoría nunca", "casi nadie")),
    "a comparison": (("just as good as", "as good as a", "as good as the", "as good as an", "the same place",
                      "the same results", "same result", "best results", "better results", "worse results",
                      "matters less", "matters much less", "matter as much", "matters as much", "better than",
                      "worse than", "just as well", "as well as young", "see a difference", "notice a difference",
                      "notice the change", "see a change", "see the change", "works too", "work too",
                      "works just as well", "does the job too"),
                     ("igual de bueno", "igual de buena", "tan bueno como", "tan buena como", "al mismo lugar",
                      "al mismo sitio", "los mismos resultados", "mejores resultados", "peores resultados",
                      "importa menos", "importa mucho menos", "importa tanto", "funciona mejor que", "mejor que un", "mejor que una",
                      "peor que un", "peor que una",
                      "igual de bien", "verá un cambio", "verá la diferencia", "notará un cambio", "notarán el cambio",
                      "notará la diferencia", "notarán la diferencia", "también sirve", "también sirven",
                      "sirve igual", "sirven igual")),
    "who it suits": (("fine for everyone", "works for everyone", "good for everyone", "suits everyone", "anyone can",
                      "everyone can", "anybody can", "every skin", "all skin types", "any skin type", "any age",
                      "every age", "all ages", "a good choice for", "a great choice for", "a good option for",
                      "can still have it", "can have it anyway", "can have it done anyway", "can still get it"),
                     ("bueno para todos", "buena para todos", "sirve para todos", "funciona para todos", "apto para todos",
                      "apta para todos", "cualquier persona puede", "cualquiera puede", "todo tipo de piel",
                      "cualquier tipo de piel", "cualquier edad", "todas las edades", "buena opción para",
                      "buena elección para", "puede hacérselo igual", "puede hacérselo de todos modos",
                      "igualmente puede hacérselo", "puede hacérselo igualmente")),
    "pain": (("painless*", "pain-free", "pain free", "doesn't hurt", "does not hurt", "won't hurt", "feel nothing",
              "feels nothing", "feel no pain"),
             ("indolor*", "sin dolor", "no duele", "no duelen", "no dolerá", "no dolerán", "no le duele", "no le dolerá",
              "no sentirá nada", "no siente nada",
              "no sienten nada")),
    "an infection": (("infect*", "sepsis", "septic"), ("infec*", "sepsis", "séptic*")),
    "approval": (("fda", "approved", "approval", "cleared by", "studies back", "studies show", "research shows",
                  "proven", "evidence shows", "science shows"),
                 ("fda", "aprobad*", "aprobación", "autorizad*", "estudios lo respaldan", "estudios respaldan",
                  "estudios demuestran", "está comprobado", "demostrado", "comprobado científicamente")),
    "a scar": (("scar", "scars", "scarr*", "scarred"), ("cicatri*",)),
    "blindness": (("blind*", "vision loss", "eyesight"), ("ceguera*", "ciego*", "ciega*", "pérdida de visión")),
    "pregnancy": (("pregnan*", "breastfeed*", "nursing", "expecting mother*", "expectant", "mom-to-be", "moms-to-be",
                   "mother-to-be", "mothers-to-be", "new moms", "nursing moms",
                   "expecting a baby"),
                  ("embaraz*", "lactan*", "gestante*", "gestación", "futuras mamás", "futura mamá", "futuras madres",
                   "futura madre", "esperan un bebé", "espera un bebé", "esperando un bebé")),
    "death": (("death*", "die", "dies", "died", "dying", "kill*"), ("muerte*", "morir", "muer*", "mata*")),
    "permission": (("fine", "okay", "ok", "all right", "alright", "no problem", "go ahead"),
                   ("está bien", "están bien", "no hay problema", "sin problema", "no pasa nada")),
    # a length of time, by its unit: "a few weeks" for "a few days" (the third no-hints attack), "meses" for "days"
    "minutes": (("minute*",), ("minuto*",)),
    "hours": (("hour*", "overnight"), ("hora", "horas")),
    "days": (("day", "days", "daily"), ("día", "días", "diari*")),
    "weeks": (("week*", "fortnight*"), ("semana*", "quincena*")),
    "months": (("month*",), ("mes", "meses", "mensual*")),
    "years": (("year*", "annual*"), ("año", "años", "anual*")),
    "a cure": (("cure*", "cures", "get rid of", "gets rid of"), ("cura definitiv*", "curación", "curacion", "acaba con")),
    "a benefit": (("help*", "heal*", "cure*", "cures", "clear up", "clears up", "fix*", "improv*", "benefit*", "boost*",
                   "repair*", "good for"),
                  ("ayud*", "cura", "curan", "curar*", "sana*", "mejora*", "beneficio*", "repar*", "arregl*")),
}
"""Each kind of meaning-changing word, in English and in Spanish. Change it here only."""

_LANG = {"en": 0, "es": 1}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        word = _fold(word)
        lead, tail = word.startswith("*"), word.endswith("*")
        core = re.escape(word.strip("*")).replace(r"\ ", r"\s+")
        parts.append(("[a-z]*" if lead else r"\b") + core + (r"[a-z]*\b" if tail else r"\b"))
    return re.compile("|".join(parts))


_PATTERNS = {lang: {kind: _pattern(words[i]) for kind, words in MEANING.items()} for lang, i in _LANG.items()}
IDIOMS = {"en": ("up to date", "these days", "how many", "how much", "how long", "how often"),
          "es": ("al día", "hoy en día", "está seguro", "está segura", "esté seguro", "esté segura", "estar seguro",
                 "estar segura", "seguro de que", "segura de que")}
"""Phrases whose word of a kind is no such thing: "how many" (a question, not "many"), "up to date", "al día" (a
licence's date, not a day), "no está seguro" (sure, not safe)."""
_IDIOMS = {lang: _pattern(words) for lang, words in IDIOMS.items()}


@dataclass(frozen=True)
class Found:
    kind: str
    word: str  # as written


def found(text: str, lang: str) -> list[Found]:
    """Each kind of meaning-changing word in ``text``, with the first such word as written."""
    folded = _IDIOMS[lang].sub(lambda m: " " * len(m[0]), _fold(text))
    low = text.lower().replace("’", "'")
    same = len(folded) == len(low)  # folding kept each character's place: the word with its accents ("daño", not "dano")
    out = []
    for kind, pattern in _PATTERNS[lang].items():
        match = pattern.search(folded)
        if match:
            out.append(Found(kind, low[match.start():match.end()] if same else match[0]))
    return out


def kinds(text: str, lang: str) -> set[str]:
    return {f.kind for f in found(text, lang)}


def unsupported(text: str, lang: str, backing: Iterable[tuple[str, str]]) -> list[Found]:
    """The meaning-changing words of ``text`` whose kind none of the ``backing`` texts (text, language) has."""
    have: set[str] = set()
    for other, other_lang in backing:
        have |= kinds(other, other_lang)
    if "safety or risk" in have:
        have.add("permission")  # "fine again" for "totally safe to wear"
    return [f for f in found(text, lang) if f.kind not in have]




# --- the checks: data/facts.yml against its passages, data/facts.es.yml against the English ---------

ENGLISH_FIELDS = ("label", "value", "items", "for_whom", "starts_after", "note")
"""The words of a fact that say what the article says, held to its source passage (a label too, but for ``OURS``)."""
UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})
"""The kinds that are a unit of time."""
NOTE_SAYS = frozenset({"a negation"}) | UNITS
"""A note (a not-stated fact's) says what the article leaves out ("the article gives no number of days"):
its negation and its unit are ours; every other kind is held to the passage, and in Spanish to the English."""
OURS: dict[str, frozenset[str]] = {"note": NOTE_SAYS, "starts_after": UNITS,
                                   "label": frozenset({"a negation", "a frequency"}) | UNITS}
"""The kinds each field may have of its own: a schedule's ``starts_after`` names the plan it follows ("the monthly plan");
a label names a fact, often as a question ("How many days to skip scrubs"), but makes no claim its passage does not
("Skin conditions it helps clear up" for the ones that rule it out: the third no-hints attack)."""


def _held(found: list[Found], field: object) -> list[Found]:
    return [f for f in found if f.kind not in OURS.get(str(field), frozenset())]


def english_errors(facts: schema.Facts, lines: Mapping[Path_, int], shown: str) -> list[GuideError]:
    """Each meaning-changing word in a fact's words that its source passage has no word of the same kind for."""
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            swapped = out_of_order(fact.items, fact.source) if isinstance(fact, schema.ListFact) and fact.scope == "complete" else None
            if swapped is not None:
                path_: Path_ = ("facts", group, name, "items")
                errors.append(GuideError(
                    shown, "the list's items are not in the article's order", line=lines.get(path_, lines.get(path_[:3])),
                    key=dotted(path_), found=f"'{swapped[0][:60]}' before '{swapped[1][:60]}'",
                    expected=f"a complete list in the order its passage gives it ('{fact.source[:100]}'): steps keep "
                             "their sequence",
                    fix=f"move '{swapped[1][:60]}' above '{swapped[0][:60]}'."))
            for field in ENGLISH_FIELDS:
                value = getattr(fact, field, None)
                texts = value if isinstance(value, list) else [value] if isinstance(value, str) else []
                for i, text in enumerate(texts):
                    path: Path_ = ("facts", group, name, field, i) if isinstance(value, list) else ("facts", group, name, field)
                    turned = None if field == "label" else turned_round(text, fact.source, fact.label)
                    if turned is not None:
                        errors.append(_turned_error(shown, text, fact, turned, lines.get(path, lines.get(path[:4])), path))
                    if field == "items" and getattr(fact, "scope", "") != "complete" and not shares_word(text, fact.source):
                        errors.append(GuideError(
                            shown, "a list item shares no word with its source passage",
                            line=lines.get(path, lines.get(path[:4])), key=dotted(path), found=f"'{text[:120]}'",
                            expected=f"each item one of the things the passage names ('{fact.source[:100]}')",
                            fix="name only what the passage names, or extend the passage with the article's words "
                                "that name it (sources/article.txt)."))
                    for bad in _held(unsupported(text, "en", [(fact.source, "en")]), field):
                        errors.append(GuideError(
                            shown, f"the fact's words say '{bad.word}' ({bad.kind}), and its source passage does not",
                            line=lines.get(path, lines.get(path[:4])), key=dotted(path), found=f"'{text[:120]}'",
                            expected=f"words that keep the meaning of the source passage ('{fact.source[:100]}'): "
                                     f"{bad.kind} only where the passage has one",
                            fix=f"reword the {field.replace('_', ' ')} to say what the passage says, or correct the "
                                "passage if the article says it (guide/data/meaning.py lists these words)."))
    return errors


# --- which way a fact's words point: a "not" of the passage kept, none added ----------------------------

NEGATORS = re.compile(r"(?:not|no|never|none|nothing|nor|neither|cannot|without|avoid\w*|skip\w*|steer\w*|\w+n't)")
"""A word that turns its clause round ("won't get the same results"). (Narrower than the kind "a negation": a
"chemical-free" sunscreen or "instead of" a facial turns nothing round.)"""
LABEL_TURNS = re.compile(r"(?:" + NEGATORS.pattern + r"|wait\w*|until|leave|left|lack\w*|stop\w*|instead)")
"""A label word that asks for what the passage says with a "not": "When to wait" for "make sure there aren't any
inflamed areas", "What a lot of places leave out" for "won't do a mask"."""
CANCELS = re.compile(r"\b(?:no|little|any|never a) (?:reason|need|cause) to\b|\bno longer\b|\b(?:do not|don't|doesn't|"
                     r"does not|never) (?:have|need) to\b|\bnothing (?:stops|prevents)\b")
"""Words that cancel the negator after them: "no reason to skip makeup", "no need to avoid the sun", "no longer"
(the sixth no-hints attack turned "avoid makeup" round with "there is no reason to skip makeup")."""
_LABEL_PHRASES = re.compile(r"\brul\w*\s+(?:\w+\s+)?out\b|\bsteer\w*\s+clear\b|\b(?:stay|keep)\w*\s+away\b|\bnot\s+for\b")
"""Label phrases that ask for the "not" too: "Skin conditions that rule it out" for "steer clear of microneedling if
you have eczema" (the fifth attack's "Skin conditions it suits best" turned that list round)."""
_CLAUSE = re.compile(r"[,;:.!?()\[\]\u2014\u2013\u2026]+|\b(?:and|but|while|although|though|whereas|however|yet)\b")
PLAIN = frozenset(
    "the a an to of and or is are was were be been being you your yours it its they them their there this that these "
    "those will would can could may might should must do does did if so as at by for from in into on onto with over "
    "under than then also just very more most much many some any all each every have has had i we our us he she her "
    "his who what when where which how why about after before up down out off once one per".split())
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The words of ``text``, folded and lower-case ("won't" is one word)."""
    return _WORD.findall(_fold(text))


def stem(word: str) -> str:
    """A word with a plain English ending taken off ("treated" -> "treat"), to compare words across texts."""
    for ending in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def polarity(text: str) -> dict[str, set[bool]]:
    """Each content word of ``text`` (by its stem), and whether a clause it stands in has a negator (True) or not; a
    negator another cancels ("no reason to skip makeup": ``CANCELS``) turns nothing round."""
    out: dict[str, set[bool]] = {}
    for clause in _CLAUSE.split(_fold(text)):
        words = _WORD.findall(clause)
        turned = any(NEGATORS.fullmatch(word) for word in words) and not CANCELS.search(clause)
        for word in words:
            if len(word) > 2 and word not in PLAIN and not NEGATORS.fullmatch(word):
                out.setdefault(stem(word), set()).add(turned)
    return out


def turning_label(label: str) -> bool:
    """A label that asks for the "not" of the words under it ("When to wait", "Skin conditions that rule it out")."""
    folded = _fold(label)
    return ((any(LABEL_TURNS.fullmatch(word) for word in _WORD.findall(folded)) or bool(_LABEL_PHRASES.search(folded)))
            and not CANCELS.search(folded))


def turned_round(text: str, passage: str, label: str = "") -> str | None:
    """A word ``text`` shares with ``passage`` but says the other way round: with no "not" where every clause of the
    passage that has it has one ("you will get the same results" for "you won't get the same results"), or with a
    "not" where none has ("not safe to use" for "safe to use"). A label that asks for the "not" ("When to wait")
    carries it for the words under it."""
    source = polarity(passage)
    label_turns = turning_label(label)
    for stem, ways in polarity(text).items():
        want = source.get(stem)
        if want is None:
            continue
        if label_turns and want == {True}:
            ways = ways | {True}
        if not ways & want:
            return stem
    return None


def out_of_order(items: list[str], passage: str) -> tuple[str, str] | None:
    """Two items of a list the passage gives in the other order ("A numbing cream is put on." before "Your face is
    cleansed."), each placed by its words that stand once in the passage and in no other item; ``None`` if in order."""
    at: dict[str, list[int]] = {}
    for i, word in enumerate(_WORD.findall(_fold(passage))):
        if len(word) > 2 and word not in PLAIN:
            at.setdefault(stem(word), []).append(i)
    stems = [set(polarity(item)) for item in items]
    last, before = -1, ""
    for n, own in enumerate(stems):
        others = set().union(*(s for m, s in enumerate(stems) if m != n))
        places = [at[s][0] for s in own - others if len(at.get(s, ())) == 1]
        if not places:
            continue
        if min(places) < last:
            return before, items[n]
        last, before = min(places), items[n]
    return None


def shares_word(text: str, passage: str) -> bool:
    """Whether ``text`` has a content word of ``passage``, or one that begins with one ("buttocks" for "butt"). (A
    complete list is held to its passage's list item by item: guide/data/passages.py.)"""
    ours, theirs = set(polarity(text)), set(polarity(passage))
    return bool(ours & theirs) or any(a.startswith(b) or b.startswith(a) for a in ours for b in theirs
                                      if min(len(a), len(b)) >= 4)


def _turned_error(shown: str, text: str, fact: schema.Fact, stem: str, line: int | None, path: Path_) -> GuideError:
    source = _fold(fact.source)
    where = next((clause.strip() for clause in _CLAUSE.split(source) if stem in polarity(clause)), source)
    has_not = any(NEGATORS.fullmatch(word) for word in _WORD.findall(where))
    return GuideError(
        shown, f"the fact's words turn its passage round at '{stem}'",
        line=line, key=dotted(path), found=f"'{text[:120]}'",
        expected=(f"the passage's '{where[:100]}' says it with a 'not'; so must the fact's words" if has_not else
                  f"the passage's '{where[:100]}' says it with no 'not'; so must the fact's words"),
        fix="keep the passage's meaning (a 'not', 'avoid', 'skip' or 'without' where it has one, none where it has "
            "none), or correct the passage if the article says it (guide/data/meaning.py).")


_SPANISH_TURNS = _pattern(MEANING["a negation"][1] + ("evit*", "omit*", "salt*", "prescind*", "dej* de", "en vez de",
                                                      "en lugar de", "libre*", "espere*", "esperar", "hasta que",
                                                      "descart*", "mantenerse lejos", "alejar*"))


def _negated(text: str, lang: str) -> bool:
    """Whether ``text`` says something with a "not" (English: a negator; Spanish: one, or "evitar", "sin" ...)."""
    if lang == "en":
        return any(NEGATORS.fullmatch(word) for word in _WORD.findall(_fold(text)))
    return bool(_SPANISH_TURNS.search(_IDIOMS["es"].sub(" ", _fold(text))))


_NAMES = frozenset({"title", "short_role"})


def spanish_errors(want: Mapping[Path_, Any], have: Mapping[Path_, Any], facts: schema.Facts,
                   lines: Mapping[Path_, int], shown: str, english: str) -> list[GuideError]:
    """Each meaning-changing word in a Spanish wording that the English it translates (the English words, and
    for a fact its source passage) has no word of the same kind for: "la ceguera es frecuente" for "pinkness"."""
    all_facts = facts.all_facts()
    errors = []
    for key, value in want.items():
        if key[-1] in _NAMES:
            continue  # a title or a short role names a person in our words ("Dra." for "Dr.")
        got = have.get(key)
        if isinstance(value, list) != isinstance(got, list) or (isinstance(got, list) and len(got) != len(value)):
            continue  # its own message (load_wording)
        pairs = list(zip(got, value)) if isinstance(got, list) else [(got, value)]
        fact = all_facts.get(f"{key[1]}.{key[2]}") if key[0] == "facts" and len(key) > 3 else None
        for i, (text, english_text) in enumerate(pairs):
            if not isinstance(text, str) or not isinstance(english_text, str):
                continue
            backing = [(english_text, "en")] + ([(fact.source, "en")] if fact is not None else [])
            path = key + (i,) if isinstance(got, list) else key
            english_turns = turning_label(english_text) if key[-1] == "label" else _negated(english_text, "en")
            if (key[-1] not in OURS or key[-1] == "label") and english_turns and not _negated(text, "es"):
                errors.append(GuideError(
                    shown, "the Spanish wording drops the English's 'not'",
                    line=lines.get(path, lines.get(key)), key=dotted(path), found=f"'{text[:120]}'",
                    expected=f"a translation of {english} ('{english_text[:100]}') that keeps its negation "
                             "(no, nunca, sin, evitar, omitir ...)",
                    fix="translate the English words as they are, 'not' included (guide/data/meaning.py lists these words)."))
            if key[-1] == "note" and (said := advice(text, "es", claims=False)) and not advice(english_text, "en", False):
                errors.append(GuideError(
                    shown, f"the Spanish note gives advice ('{said.word}'), and the English note does not",
                    line=lines.get(path, lines.get(key)), key=dotted(path), found=f"'{text[:120]}'",
                    expected=f"a translation of {english} ('{english_text[:100]}'): what the article leaves out, no advice",
                    fix="translate the English note as it is (guide/data/meaning.py lists these words)."))
            for bad in _held(unsupported(text, "es", backing), key[-1]):
                what = "quote" if key[0] == "quotes" else "wording"
                errors.append(GuideError(
                    shown, f"the Spanish {what} says '{bad.word}' ({bad.kind}), and the English it translates does not",
                    line=lines.get(path, lines.get(key)), key=dotted(path), found=f"'{text[:120]}'",
                    expected=f"a translation of {english} ('{english_text[:100]}'"
                             + (f"; its source: '{fact.source[:80]}'" if fact is not None else "")
                             + f"): {bad.kind} only where the English has one",
                    fix="translate the English words as they are (guide/data/meaning.py lists these words)."))
    return errors


# --- the glossary: plain meanings, no advice (no-hints review, finding 8) -------------------------------------

ADVICE: dict[str, tuple[str, ...]] = {
    "en": ("need", "needs", "needed", "necessary", "unnecessary", "require*", "should", "must", "ought", "recommend*",
           "advis*", "avoid*", "skip*", "wait*", "never", "don't", "do not", "cannot", "can't", "okay", "ok", "allowed",
           "forbidden", "best", "stop*", "instead", "fine to", "is fine", "are fine", "go ahead", "keep taking", "keep using", "continue*",
           "carry on", "no reason", "no problem", "no need", "clears up", "clear up", "cure", "cures", "cured",
           "gets rid of"),
    "es": ("necesit*", "necesari*", "hace falta", "hacen falta", "usted debe", "debe evitar", "deben", "debería*",
           "no se debe", "hay que", "conviene", "recomiend*", "aconsej*", "evit*", "espere", "esperar", "nunca", "jamás",
           "no use", "no se haga", "no lo", "permitid*", "prohibid*", "mejor", "deje*", "en vez de", "en lugar de",
           "puede seguir", "pueden seguir", "siga", "sigan", "seguir tomando", "seguir usando", "no pasa nada",
           "sin problema*", "esta bien", "adelante", "ningun motivo", "ninguna razon", "cura", "curan", "curar*"),
}
"""Words that give advice ("needed", "avoid", "wait", "debe evitar", "hace falta"): a glossary meaning says what a word
means, never what to do about the treatment."""
GLOSSARY_KINDS = ("a severity", "a frequency", "always", "permanence", "safety or risk", "an infection", "blindness", "pain",
                  "pregnancy", "minutes", "hours", "days", "weeks", "months", "years")
"""The kinds of ``MEANING`` a glossary meaning may not have: each makes a clinical claim ("safe", "rare", "permanent").
(A negation may define a word, "not just the ones that cause sunburn"; "dead skin" and a scar may be what a word means.)"""
_ADVICE = {lang: _pattern(words) for lang, words in ADVICE.items()}
_THE_TREATMENT = {lang: _pattern(words) for lang, words in {
    "en": ("microneedl*", "the treatment", "the procedure", "roller*", "the pen", "dermaroller*", "needling", "the needles"),
    "es": ("microaguj*", "el tratamiento", "el procedimiento", "rodillo*", "la pluma", "las agujas", "el pinchazo"),
}.items()}
_DOES = {lang: _pattern(words) for lang, words in {
    "en": ("remov*", "fade*", "clear*", "heal*", "erase*", "revers*", "get rid of", "gets rid of", "treat", "treats", "cure*",
           "improv*", "help*", "prevent*", "does not happen", "doesn't happen", "never happen*", "cannot happen",
           "can't happen", "won't happen", "will not happen", "calm*", "drain*", "thicken*", "lighten*", "brighten*",
           "tighten*", "speed* up"),
    "es": ("quita*", "elimina*", "borra*", "sana*", "desaparec*", "reviert*", "cura", "curan", "curar*", "mejora*", "ayuda*",
           "previen*", "evita*", "no ocurre", "nunca ocurre", "no pasa", "nunca pasa", "no sucede", "nunca sucede", "calma*",
           "drena*", "engros*", "aclara*", "ilumina*", "reafirma*", "acelera*"),
}.items()}
"""What a treatment does, or that something never happens after it: said of the treatment in a glossary meaning ("Marks
on the skin that microneedling removes", "Something that does not happen after microneedling": the seventh no-hints
attack), a claim. Said of a word's own thing it defines it ("An acid used to clear pores", "quita la sensación")."""


REPORTS = re.compile(r"(?<![^\W\d_])(?:says|said|say|recommends?|advises?|according to|warns?|claims?|believes|"
                      r"dice|dicen|dijo|según|recomienda|recomiendan|aconseja|advierte|afirma|asegura)(?![^\W\d_])")
"""Words that report what someone says: alt text says what a picture shows, and a glossary meaning what a word means,
never what the article or a doctor says (the fifth no-hints attack: "the article says it heals acne scars")."""


def advice(text: str, lang: str, claims: bool = True, times: bool = True) -> Found | None:
    """The first word of ``text`` (a glossary meaning) that gives advice or (with ``claims``) makes a clinical claim,
    or ``None``. Without ``times``, a unit of time alone is no claim: a picture's "calendar page with a few days
    marked" describes (its length of time beside the treatment is the number rule's, ``numbers.page_claims``)."""
    hit = _ADVICE[lang].search(_fold(text))
    if hit:
        return Found("advice", hit[0])
    if not claims:
        return None
    folded = _fold(text)
    if _THE_TREATMENT[lang].search(folded) and (does := _DOES[lang].search(folded)):
        return Found("what the treatment does", does[0])
    kinds = GLOSSARY_KINDS if times else tuple(k for k in GLOSSARY_KINDS if k not in UNITS)
    return next((f for f in found(text, lang) if f.kind in kinds), None)


NARROWS = {
    "en": re.compile(r"(?:^|[.,;:(\u2014\u2013]\s*|\b(?:but|and|or)\s+)(?:not|never)\s+(?!just\b|only\b|merely\b|always\b|says?\b)[a-z]+"
                     r"|\b(?:except|excluding|other than|apart from|aside from|not including|not counting|"
                     r"(?:does|do)\s+not\s+(?:include|cover|count|mean)|(?:doesn|don)'t\s+(?:include|cover|count|mean)|"
                     r"different\s+from|differs?\s+from|distinct\s+from|unlike|not\s+the\s+same\s+as|as\s+opposed\s+to)\b"),
    "es": re.compile(r"(?:^|[.,;:(\u2014\u2013]\s*|\b(?:pero|y|o)\s+)(?:no|nunca)\s+(?!solo\b|solamente\b|siempre\b|dice\b|dicen\b)[a-z]+"
                     r"|\b(?:excepto|salvo|menos|aparte de|sin contar|no incluye|no incluyen|no cuenta|no cuentan|"
                     r"distint[oa]s?\s+(?:de|a)|diferentes?\s+(?:de|a)|a\s+diferencia\s+de|no\s+es\s+(?:el|la)\s+mism[oa])\b"),
}
"""Words that leave something out of what a word means ("medicines that slow clotting, not everyday aspirin",
"except aspirin", "salvo la aspirina"): a glossary meaning that narrows a word the facts use changes who they apply
to (the fourth no-hints attack), and so does setting a kind of it apart ("different from the rosacea that rules out
treatment", "a diferencia de": the thirteenth no-hints attack, H10). "Not just the ones that cause sunburn" widens,
and builds."""


QUALIFIES = {
    "en": re.compile(r"\b(?:prescription|prescribed|diagnosed|severe|serious|strong|high-dose|"
                     r"heavy|frequent|daily)\b"),
    "es": re.compile(r"\b(?:con receta|recetad[oa]s?|diagnosticad[oa]s?|graves?|sever[oa]s?|fuertes?|dosis altas?|diari[oa]s?|"
                     r"frecuentes?)\b"),
}
"""Words that make a glossary meaning a narrower kind of the thing ("Prescription medicines that slow blood clotting",
"A skin condition, diagnosed by a doctor, ...": the eleventh no-hints attack, H24 and M2): who the facts' word
applies to is the article's to say, and a doctor's."""


MILD = {"en": re.compile(r"\b(?:mild|mildly|slight|slightly)\b"), "es": re.compile(r"\b(?:leves?|levemente|ligeramente)\b")}
CONDITION = {
    "en": re.compile(r"\b(?:condition|disease|disorder|redness|rash|irritation|inflammation|breakout|acne|flare|bumps?|"
                     r"pimples?|eczema|rosacea|psoriasis|infection|problem|case)s?\b"),
    "es": re.compile(r"\b(?:afeccion|afecciones|enfermedad|enfermedades|trastorno|enrojecimiento|sarpullido|irritacion|"
                     r"inflamacion|brote|brotes|acne|granos|granitos|eccema|rosacea|psoriasis|infeccion|problema|caso)s?\b"),
}
"""A mild kind of a condition ("A mild redness of the cheeks", "un enrojecimiento leve": the thirteenth no-hints
attack, H10) is a narrower kind of it, as "severe" is."""


def narrows(text: str, lang: str) -> str | None:
    """The words of ``text`` (a glossary meaning) that leave something out of the word, or ``None``."""
    folded = _fold(text)
    hit = NARROWS[lang].search(folded) or QUALIFIES[lang].search(folded) \
        or (MILD[lang].search(folded) if CONDITION[lang].search(folded) else None)
    return hit[0].strip(" .,;:(\u2014\u2013") if hit else None


DEGREES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("mild", ("mild*", "slight*"), ("suave*", "leve*", "ligeramente")),
    ("gentle", ("gentle", "gently"), ("suave*", "delicad*")),
    ("weak", ("weak*",), ("debil*",)),
    ("strong", ("strong*", "potent*", "powerful*"), ("fuerte*", "potente*", "poderos*")),
    ("harsh", ("harsh*", "aggressive*"), ("agresiv*",)),
)
"""Words of degree (name, English, Spanish): how strong or mild a thing is."""
_DEGREES = {lang: [(name, _pattern(words[i])) for name, *words in DEGREES] for lang, i in _LANG.items()}


def _said_in(term: str, text: str) -> bool:
    return bool(re.search(r"\b" + re.escape(_fold(term)) + r"\b", _fold(text)))


def degree_against_facts(term: str, text: str, lang: str, facts: schema.Facts, article: str) -> tuple[str, str] | None:
    """A degree word of ``text`` (a glossary meaning of ``term``: "A mild form of vitamin A") where the article's
    paragraph that a fact saying ``term`` comes from has a degree word, and not that very one ("These ingredients
    will be too strong right after microneedling"): (the meaning's word, the article's), or ``None``. A meaning
    may call a cleanser mild where the article does (the thirteenth no-hints attack, M7)."""
    folded = _fold(text)
    said = next(((name, hit[0]) for name, pattern in _DEGREES[lang] if (hit := pattern.search(folded))), None)
    if said is None:
        return None
    sources = [fact.source for fact in facts.all_facts().values()
               if _said_in(term, fact.source) or any(_said_in(term, t) for t in shown_words(fact))]
    starts = [_fold(piece).split() for source in sources for piece in source.split(" ... ")]
    paragraphs = [p for p in (_fold(line).split() for line in article.splitlines()) if p]
    around = " ".join(" ".join(p) for p in paragraphs
                      if any(" ".join(start) in " ".join(p) for start in starts if start))
    described = [(name, hit[0]) for name, pattern in _DEGREES["en"] if (hit := pattern.search(around))]
    if not described:
        return None
    names = {name for name, pattern in _DEGREES[lang] if pattern.search(said[1])}
    if any(name in names for name, _ in described):
        return None
    return said[1], described[0][1]


def shown_words(fact: object) -> list[str]:
    """A fact's words as a reader sees them (``ENGLISH_FIELDS``: label, value, items ...), in the facts' language."""
    texts: list[str] = []
    for field in ENGLISH_FIELDS:
        value = getattr(fact, field, None)
        texts += [v for v in value if isinstance(v, str)] if isinstance(value, list) else [value] if isinstance(value, str) else []
    return texts


def uses(facts: schema.Facts, term: str) -> bool:
    """Whether a fact's words (as a reader sees them, in the facts' language) say ``term``."""
    texts = [text for fact in facts.all_facts().values() for text in shown_words(fact)]
    return bool(re.search(r"\b" + re.escape(_fold(term)) + r"\b", _fold(" | ".join(texts))))
