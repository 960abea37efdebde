"""What the Spanish wordings of ``data/facts.es.yml`` say, word by word, against the English they translate.

A small bilingual lexicon (``data/lexicon.es.yml``, reviewed by a maintainer) gives each Spanish content word's stem
and the English stems that translate it; function words, names and the words of negation are listed apart. Each
Spanish wording (label, value, item, note, role, quote, topic ...) must

* use only words of the lexicon (a new word stops the build until it is added, with its English, in review);
* have, for each content word, one of its English stems in the English it translates (``data/facts.yml``; for a
  quote, the doctor's own words from the article), and each name there too;
* say "no", "sin" or "nunca" only where that English has a negation (not, no, never, without, n't ...), and, where
  the English has clauses ("..., but ...", "...; ..."), each in the clause whose English has it
  (``clause_problems``);
* keep the English's hedges and add none (``HEDGES``: "may", "helps", "a few" ...).

So "piel grasa" for "very sensitive skin", "las pieles claras" for "all skin colors and types" and "dermatóloga" for
"plastic surgeon" are refused (the eighth no-hints attack, H-E13, H-E15, M-E16), while "piel sensible" and
"pieles muy sensibles" pass: a stem takes the ordinary endings of ``ENDINGS`` (plural and gender, the common verb
forms) and a pronoun joined to a verb ("úselo", "póngase").
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guide.data import meaning, passages, schema
from guide.data.yamlsrc import Path_, dotted
from guide.errors import GuideError

LEXICON = "data/lexicon.es.yml"
_OWN_LEXICON = Path(__file__).resolve().parents[2] / LEXICON

ENDINGS = frozenset({"", "s", "es", "a", "as", "o", "os", "e", "en", "an", "ar", "er", "ir", "ado", "ada", "ados",
                     "adas", "ido", "ida", "idos", "idas", "amos", "emos", "imos", "ando", "iendo", "ara", "era",
                     "ia", "ian", "io", "aran", "eran", "ira", "iran", "aria", "arian", "eria", "iria", "ante", "antes", "ente", "entes", "mente", "amente"})
"""The endings a Spanish stem of the lexicon takes: plural and gender ("sensible", "sensibles"; "claro", "claras"),
the common verb forms ("usa", "usan", "usar", "usado") and "-mente" ("totalmente")."""
CLITICS = ("los", "las", "les", "lo", "la", "le", "se")
"""Pronouns joined to a verb ("úselo", "póngase", "quitarlo"): the verb is read without them."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def fold(word: str) -> str:
    """A word as the lexicon compares it: lower case, accents off ("Úselo" -> "uselo", "rosácea" -> "rosacea")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("’", "'"))
                   if unicodedata.category(c) != "Mn")


@dataclass(frozen=True)
class Lexicon:
    words: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    """Spanish stems (one, or a phrase: "sin falta") -> the English that translates them, each as word stems."""
    function: frozenset[str]
    names: frozenset[str]
    negation_es: frozenset[str]
    negation_en: tuple[tuple[str, ...], ...]

    @functools.cached_property
    def singles(self) -> frozenset[str]:
        return frozenset(key[0] for key in self.words if len(key) == 1)

    @functools.cached_property
    def firsts(self) -> frozenset[str]:
        return frozenset(self.phrases)

    @functools.cached_property
    def phrases(self) -> dict[str, list[tuple[str, ...]]]:
        out: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted((k for k in self.words if len(k) > 1), key=len, reverse=True):
            out.setdefault(key[0], []).append(key)
        return out


def _shape_error(what: str, found: object) -> GuideError:
    return GuideError(LEXICON, f"the lexicon {what}", found=repr(found)[:120],
                      expected="words: {spanish stem: [english, ...]}, function: [...], names: [...], "
                               "negation: {es: [...], en: [...]}",
                      fix=f"restore {LEXICON} from git and add the word again, as its header shows.")


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at ``path`` (by default the project's own ``data/lexicon.es.yml``)."""
    path = path or _OWN_LEXICON
    if not path.is_file():
        raise GuideError(LEXICON, "the bilingual lexicon is missing",
                         expected="the lexicon the Spanish wordings are checked with",
                         fix=f"restore it from git (git checkout -- {LEXICON}).")
    return _read(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4)
def _read(text: str) -> Lexicon:
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or set(raw) != {"words", "function", "names", "negation"}:
        raise _shape_error("does not have exactly the keys words, function, names and negation", list(raw or ()))
    words: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for spanish, english in (raw["words"] or {}).items():
        if not isinstance(spanish, str) or not isinstance(english, list) or not english \
                or not all(isinstance(e, str) and e.strip() for e in english):
            raise _shape_error("has an entry that is not a Spanish stem with a list of English words", {spanish: english})
        words[tuple(fold(spanish).split())] = tuple(tuple(fold(e).split()) for e in english)
    lists = {}
    for name in ("function", "names"):
        if not isinstance(raw[name], list) or not all(isinstance(w, str) for w in raw[name]):
            raise _shape_error(f"'{name}' is not a list of words", raw[name])
        lists[name] = frozenset(fold(w) for w in raw[name])
    negation = raw["negation"]
    if not isinstance(negation, dict) or set(negation) != {"es", "en"} \
            or not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in negation.values()):
        raise _shape_error("'negation' is not {es: [...], en: [...]}", negation)
    return Lexicon(words, lists["function"], lists["names"], frozenset(fold(w) for w in negation["es"]),
                   tuple(tuple(fold(w).split()) for w in negation["en"]))


# --- reading a wording -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    word: str
    """The words as the wording has them ("piel", "sin falta")."""
    kind: str
    """ "word" (in the lexicon), "function", "name", "negation" or "unknown"."""
    english: tuple[tuple[str, ...], ...] = ()


def _stems_of(word: str, stems: frozenset[str]) -> list[str]:
    """Every stem of ``stems`` that ``word`` (folded) is, with one of ``ENDINGS`` or with a pronoun joined, longest first."""
    found = []
    for bare in (word, *(word[:-len(c)] for c in CLITICS if word.endswith(c) and len(word) > len(c) + 2)):
        found += [bare[:cut] for cut in range(len(bare), 0, -1) if bare[:cut] in stems and bare[cut:] in ENDINGS]
    return sorted(set(found), key=len, reverse=True)


def _stem_of(word: str, stems: frozenset[str]) -> str | None:
    """The longest stem of ``stems`` that ``word`` is (see :func:`_stems_of`), or ``None``."""
    return next(iter(_stems_of(word, stems)), None)


def _phrase_at(words: list[str], lexicon: Lexicon) -> tuple[str, ...] | None:
    """The longest phrase of the lexicon that ``words`` begin with."""
    keys = [key for stem in _stems_of(words[0], lexicon.firsts) for key in lexicon.phrases[stem]]
    return next((key for key in sorted(keys, key=len, reverse=True) if len(key) <= len(words)
                 and all(k in _stems_of(w, frozenset({k})) for w, k in zip(words, key))), None)


def read(text: str, lexicon: Lexicon) -> list[Token]:
    """The words of a Spanish wording, each (or each phrase of the lexicon) with what the lexicon says of it."""
    typed = _WORD.findall(text)
    words = [fold(w) for w in typed]
    out: list[Token] = []
    i = 0
    while i < len(words):
        phrase = _phrase_at(words[i:], lexicon)
        if phrase is not None:
            out.append(Token(" ".join(typed[i:i + len(phrase)]), "word", lexicon.words[phrase]))
            i += len(phrase)
            continue
        word = words[i]
        if word in lexicon.negation_es:
            out.append(Token(typed[i], "negation"))
        elif word in lexicon.function:
            out.append(Token(typed[i], "function"))
        elif word in lexicon.names:
            out.append(Token(typed[i], "name"))
        elif (stem := _stem_of(word, lexicon.singles)) is not None:
            out.append(Token(typed[i], "word", lexicon.words[(stem,)]))
        else:
            out.append(Token(typed[i], "unknown"))
        i += 1
    return out


_SHORT_ENDINGS = frozenset({"", "s", "es", "d", "ed", "ing", "er", "ers", "'s"})


def _is(word: str, stem: str) -> bool:
    """An English word is a stem of the lexicon: its start ("sensitiv" for "sensitivity"); a stem of three letters or
    fewer only with a plain ending ("day", "days"; "us" is not "use")."""
    return word.startswith(stem) and (len(stem) > 3 or word[len(stem):] in _SHORT_ENDINGS)


def _says(english: list[str], stems: tuple[str, ...]) -> bool:
    """``english`` (folded words) has ``stems`` one after another ("blood thinn")."""
    n = len(stems)
    return any(all(_is(english[i + j], stems[j]) for j in range(n)) for i in range(len(english) - n + 1))


def _english_words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?|n['’]t", text.replace("-", " "))]


def negated(english: str, lexicon: Lexicon) -> bool:
    words = _english_words(english)
    return any(w.endswith("n't") for w in words) or any(_says(words, stems) for stems in lexicon.negation_en)


# --- a negation stays in its clause ---------------------------------------------------------------------------

CLAUSES = {
    "en": re.compile(r"\s*(?:;|(?<!\bDr)(?<!\bMr)(?<!\bMs)[.!?]+(?=\s|$)|,?\s+(?:but|while|whereas|although|though|however)"
                     r"(?![^\W\d_]),?)\s*", re.I),
    "es": re.compile(r"\s*(?:;|(?<!\bDr)(?<!\bDra)(?<!\bSr)(?<!\bSra)[.!?]+(?=\s|$)|,?\s+(?:pero|mientras que|mientras|"
                     r"aunque|si bien|en cambio)(?![^\W\d_]),?)\s*", re.I),
}
"""Where a wording turns to another clause: a semicolon, a full stop, a contrast ("but", "while", "although";
"pero", "mientras que", "aunque"). A "not" belongs to its clause: "se pueden usar con seguridad, pero no dan los
mismos resultados" made "no se pueden usar con seguridad, pero dan los mismos resultados" keeps the count of
negations and turns both clauses round (the thirteenth no-hints attack, H2 and H3)."""
OPENS = {"en": re.compile(r"\s*(?:while|whereas|although|though|even though)\s+", re.I),
         "es": re.compile(r"\s*(?:aunque|si bien|mientras que)\s+", re.I)}
"""A wording that opens with its contrast ("Aunque no dan ..., se pueden usar ...")."""
JOINS = {"en": re.compile(r"\s*,\s+(?:and|so|yet)(?![^\W\d_])\s*", re.I),
         "es": re.compile(r"\s*,\s+(?:y|e|así que)(?![^\W\d_])\s*", re.I)}
"""A comma and a join ("..., and ...", "..., y ..."): clauses too, where the contrasts alone do not line the two
wordings up ("se pueden usar con seguridad, y no dan ..." for "safe to use, but you will not get ...")."""
MAX_CLAUSES = 6
"""More clauses than this are not aligned (the whole-value check stands alone)."""


def clauses(text: str, lang: str, joins: bool = False) -> list[str]:
    """The clauses of ``text`` (see ``CLAUSES``; with ``joins``, ``JOINS`` too), the words that join them left out."""
    opens = OPENS[lang].match(text)  # "Although A, B": the first comma ends A
    parts = CLAUSES[lang].split(text[opens.end():]) if opens else CLAUSES[lang].split(text)
    if opens:
        parts = parts[0].split(",", 1) + parts[1:]
    if joins:
        parts = [piece for part in parts for piece in JOINS[lang].split(part)]
    return [c.strip() for c in parts if re.search(r"[^\W\d_]", c)]


def _score(tokens: list[Token], english: list[str]) -> int:
    """How many words of a Spanish clause the English clause says (through the lexicon)."""
    return sum(1 for t in tokens if (t.kind == "word" and any(_says(english, stems) for stems in t.english))
               or (t.kind == "name" and _says(english, (fold(t.word),))))


def align(spanish: list[str], english: list[str], lexicon: Lexicon) -> list[int] | None:
    """For each Spanish clause, the English clause it translates (by the words they share, in any order: a
    translation may put the clauses the other way round), or ``None`` if no one order shares the most words."""
    if len(spanish) != len(english) or len(spanish) > MAX_CLAUSES:
        return None
    scores = [[_score(read(es, lexicon), _english_words(en)) for en in english] for es in spanish]
    ranked = sorted(((sum(scores[i][j] for i, j in enumerate(order)), order)
                     for order in itertools.permutations(range(len(english)))), reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return list(ranked[0][1])


def _spanish_turns(text: str, tokens: list[Token], lexicon: Lexicon) -> bool:
    """A Spanish clause says "not": "no", "sin", "nunca", or a word for "avoid", "skip" ("evitar", "no usar")."""
    return any(t.kind == "negation" or (t.kind == "word" and any(e in lexicon.negation_en for e in t.english))
               for t in tokens) or meaning._negated(text, "es")


def clause_problems(text: str, english_text: str, lexicon: Lexicon) -> list[str]:
    """Each clause of the Spanish ``text`` whose "not" is not where the English clause it translates has it: one
    with no negation for an English clause that has one, one with "no", "sin" or "nunca" for one that has none; and,
    where the English's clauses differ in it, a Spanish wording that translates each of them in clauses that cannot
    be told apart. Clauses that
    cannot be aligned otherwise leave the check to the whole value's (``wording_problems``)."""
    english = clauses(english_text, "en")
    if len(english) < 2:
        return []
    spanish = clauses(text, "es")
    if len(spanish) != len(english):
        wide = clauses(english_text, "en", joins=True), clauses(text, "es", joins=True)
        english, spanish = wide if len(wide[0]) == len(wide[1]) else (english, spanish)
    turns = [negated(en, lexicon) for en in english]
    order = align(spanish, english, lexicon)
    if order is None:
        whole = read(text, lexicon)
        if len(spanish) != len(english) and len(set(turns)) > 1 \
                and all(_score(whole, _english_words(en)) for en in english):  # each English clause translated
            return [f"the Spanish wording has {len(spanish)} clause{'s' if len(spanish) != 1 else ''} and the English "
                    f"it translates {len(english)}, with a 'not' in some only: the build cannot tell which Spanish "
                    "clause keeps it"]
        return []
    out = []
    for es, j in zip(spanish, order):
        tokens = read(es, lexicon)
        if turns[j] and not _spanish_turns(es, tokens, lexicon):
            out.append(f"the Spanish clause '{es[:80]}' has no negation, and the English clause it translates has one "
                       f"('{english[j][:80]}')")
        elif not turns[j] and any(t.kind == "negation" for t in tokens) and not meaning._negated(english[j], "en"):
            word = next(t.word for t in tokens if t.kind == "negation")
            out.append(f"the Spanish clause '{es[:80]}' says '{word}', and the English clause it translates has no "
                       f"negation ('{english[j][:80]}')")
    return out


# --- the check -------------------------------------------------------------------------------------------------

def problems(want: Mapping[Path_, Any], have: Mapping[Path_, Any], facts: schema.Facts, lines: Mapping[Path_, int],
             shown: str, english: str, lexicon: Lexicon) -> list[GuideError]:
    """Each Spanish wording of ``have`` against its English in ``want`` (see the module's docstring); and a label
    that calls an "at least" figure a maximum ("FPS máximo"), or an "up to" one a minimum."""
    all_facts = facts.all_facts()
    errors: list[GuideError] = []
    for key, value in want.items():
        got = have.get(key)
        if isinstance(value, list) != isinstance(got, list) or (isinstance(got, list) and len(got) != len(value)):
            continue  # its own message (load_wording)
        pairs = list(zip(got, value)) if isinstance(got, list) else [(got, value)]
        for i, (text, english_text) in enumerate(pairs):
            if not isinstance(text, str) or not isinstance(english_text, str):
                continue
            path = key + (i,) if isinstance(got, list) else key
            line = lines.get(path, lines.get(key))
            label = want.get(key[:-1] + ("label",)) if key[-1] == "note" else None  # "no length for them": for the needles
            errors += wording_problems(text, english_text, lexicon, shown, dotted(path), line, english,
                                       label if isinstance(label, str) else "")
        fact = all_facts.get(f"{key[1]}.{key[2]}") if key[0] == "facts" and key[-1] == "label" else None
        qualifier = getattr(fact, "qualifier", None)
        if isinstance(got, str) and qualifier and (word := passages.bound_word(got, qualifier, "es")):
            errors.append(passages.bound_label_error(got, qualifier, word, shown, dotted(key), lines.get(key)))
    return errors


_KEPT = (
    (re.compile(r"(?<![^\W\d_])(?:only if|if|unless|provided|as long as)(?![^\W\d_])", re.I),
     re.compile(r"(?<![^\W\d_])(?:si|salvo|a menos que|siempre que|solo si|sólo si|cuando|mientras)(?![^\W\d_])", re.I),
     "condition"),
    (re.compile(r"(?<![^\W\d_])(?:not|never|without|cannot|\w+n['’]t)(?![^\W\d_])", re.I),
     re.compile(r"(?<![^\W\d_])(?:no|nunca|jamás|sin|tampoco|ni|ningún|ninguna|nada)(?![^\W\d_])", re.I),
     "negation"),
)
"""What a translation may not drop: the English's condition ("if you have plans": the ninth no-hints attack, H6, the
makeup wording without "si tiene compromisos") and its "not" ("won't get the same results")."""


def _w(alternatives: str) -> re.Pattern[str]:
    """Whole words (or phrases) of ``alternatives``, in any case."""
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.I)


@dataclass(frozen=True)
class Hedge:
    """One row of ``HEDGES``: a hedge (or an absolute) of the English, and its Spanish."""
    name: str
    english: re.Pattern[str] | None
    """The English words of the hedge; ``None`` for an absolute (only adding one is checked)."""
    spanish: re.Pattern[str]
    """Spanish words that keep it: a wording whose English has the hedge must have one of them."""
    added: re.Pattern[str] | None
    """Spanish words that add it (``None``: adding is not checked, since Spanish says "se puede usar" for "safe to use")."""
    allows: re.Pattern[str] | None = None
    """English words that allow ``added`` (by default ``english``)."""


_NUMBER_AFTER = r"(?=\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|a few|a couple|half))"
HEDGES = (
    Hedge("may, might, can, could", _w(r"may|might|can|could|perhaps|possibly|maybe"),
          _w(r"pued\w*|pod(?:er|rá|rán|ría|rían|ra|ran|ria|rian)|quizás?|quizá|tal vez|posible\w*|a veces"),
          _w(r"quizás?|tal vez|posiblemente|podría|podrían|podria|podrian|a veces")),
    Hedge("helps", _w(r"help\w*"), _w(r"ayud\w*|contribuy\w*|favorec\w*"), _w(r"ayud\w*")),
    Hedge("some", _w(r"some|somewhat"), _w(r"algun[oa]s?|algún|algo|unos|unas|ciert[oa]s?|en parte"),
          _w(r"algun[oa]s|algún|alguna|algo de|en parte"), _w(r"some|somewhat|any")),
    Hedge("about", _w(r"(?:about|around|roughly|approximately|nearly|almost)" + _NUMBER_AFTER),
          _w(r"unos|unas|alrededor de|aproximadamente|cerca de|más o menos|casi"),
          _w(r"aproximadamente|más o menos|alrededor de"), _w(r"about|around|roughly|approximately")),
    Hedge("usually, typically, generally", _w(r"usually|typically|generally|normally|in general|as a rule|mostly|tends? to"),
          _w(r"suel\w*|normalmente|generalmente|en general|por lo general|habitualmente|típicamente|tipicamente|"
             r"casi siempre|por lo común|tiende\w*"),
          _w(r"suel\w*|normalmente|generalmente|en general|por lo general|habitualmente|típicamente|tipicamente|"
             r"tiende\w*")),
    Hedge("often", _w(r"(?<!how )(?<!most )often|frequent\w*"),
          _w(r"a menudo|con frecuencia|frecuente\w*|muchas veces|suel\w*"),
          _w(r"a menudo|con frecuencia|frecuentemente|muchas veces")),
    Hedge("ideally", _w(r"ideal\w*|preferabl\w*"), _w(r"lo ideal|ideal\w*|preferibl\w*|de preferencia"),
          _w(r"lo ideal|idealmente|preferiblemente|de preferencia")),
    Hedge("likely", _w(r"likely|probabl\w*|unlikely"), _w(r"probabl\w*|improbable\w*"), _w(r"probabl\w*")),
    Hedge("experts' word", _w(r"experts?"), _w(r"expert[oa]s?|especialistas?"), None),
    Hedge("always", _w(r"always|every time|forever"), _w(r"siempre(?! que)|cada vez|para siempre"),
          _w(r"siempre(?! que)|cada vez|para siempre"), _w(r"always|every time|forever|each time")),
    Hedge("never", _w(r"never"), _w(r"nunca|jamás|jamas"), _w(r"nunca|jamás|jamas"), _w(r"never|ever|at no time")),
    # "piel muy sensible" made "piel sensible" (the twelfth no-hints attack): a degree the English gives is kept
    Hedge("very", _w(r"very|extremely|highly"), _w(r"muy|sumamente|extremadamente|altamente|demasiado"), None),
    # "unos pocos días" made "unos días" (the thirteenth no-hints attack, L2): "a few" is a small number, kept
    # ("the first few days" is "los primeros días": the fourteenth new-editor trial)
    Hedge("a few", _w(r"(?<!first )(?<!next )(?<!last )(?:a )?few|a couple(?: of)?"), _w(r"pocos|pocas|un par"), None),
    Hedge("all", None, _w(r"todos|todas|todo el mundo|cualquier\w*"), _w(r"todos|todas|todo el mundo|cualquier\w*"),
          _w(r"all|every\w*|each|any\w*|both")),
    Hedge("totally", None, _w(r"totalmente|completamente|por completo|absolutamente|del todo|enteramente"),
          _w(r"totalmente|completamente|por completo|absolutamente|del todo|enteramente"),
          _w(r"totally|completely|entirely|fully|absolutely|totally|wholly")),
    Hedge("certainly", None, _w(r"sin duda|definitivamente|ciertamente|garantiz\w*|con seguridad de que"),
          _w(r"sin duda|definitivamente|ciertamente|garantiz\w*|con seguridad de que"),
          _w(r"definitely|certainly|surely|guarantee\w*|without (?:a )?doubt|undoubtedly")),
)
"""What a Spanish wording may neither drop nor add: the hedges of the English (its "may", "helps", "ideally": the
eleventh no-hints attack, H8, "salen unas pocas costras" for "may pop up"; the tenth's M3 and M4, "lo quita" for
"helps take it away" and "no lo use" for "ideally, skip makeup"), and the absolutes ("siempre", "nunca", "todos")
its English lacks. A closed table: a hedge the English has needs one of the row's Spanish words; a Spanish word of
``added`` needs the row's English. "puede" itself is not checked as added: Spanish says "se pueden usar con
seguridad" for "safe to use"."""


def hedge_problems(text: str, english_text: str, context: str = "") -> list[tuple[str, str, str]]:
    """Each hedge of ``HEDGES`` the Spanish ``text`` drops ("dropped", the row, the English word) or adds ("added",
    the row, the Spanish word) against ``english_text`` (and ``context``, which may allow an added one)."""
    out = []
    for row in HEDGES:
        if row.english is not None and (kept := row.english.search(english_text)) and not row.spanish.search(text):
            out.append(("dropped", row.name, kept[0]))
        allows = row.allows or row.english
        if row.added is not None and allows is not None and (added := row.added.search(text)) \
                and not allows.search(english_text) and not allows.search(context):
            out.append(("added", row.name, added[0]))
    return out


def _unknown_error(unknown: list[str], english_text: str, shown: str, key: str, line: int | None, found: str
                   ) -> GuideError:
    """The Spanish words of one wording that the lexicon lacks, named together."""
    named, one = ", ".join(f"'{word}'" for word in unknown), len(unknown) == 1
    return GuideError(
        shown, f"the Spanish wording uses {named}, which the bilingual lexicon ({LEXICON}) does not have",
        line=line, key=key, found=found,
        expected=f"Spanish words of {LEXICON}, so the build can compare them with the English ('{english_text[:100]}')",
        fix=f"if {'it is' if one else 'each is'} the right translation, add {'its stem' if one else 'their stems'} to "
            f"{LEXICON} under words:, with the English {'it translates' if one else 'each translates'} "
            f"(\"{fold(unknown[0])}: [english]\"; a name under names:): a maintainer reviews each new word. Otherwise "
            "use a word the lexicon has.")


def _degree_errors(tokens: list[Token], english_text: str, shown: str, key: str, line: int | None, found: str,
                   english: str) -> list[GuideError]:
    """A label or for_whom whose Spanish has no word for the English's word of degree ("dramatic", "severe")."""
    errors = []
    for degree in re.findall(rf"(?i)(?<![^\W\d_])(?:{'|'.join(passages.DEGREE_ADJECTIVES)})(?![^\W\d_])", english_text):
        if not any(t.kind == "word" and any(_says([fold(degree)], stems) for stems in t.english) for t in tokens):
            errors.append(GuideError(
                shown, f"the Spanish wording leaves out the English's '{degree}'", line=line, key=key, found=found,
                expected=f"a translation of {english} ('{english_text[:100]}') with a Spanish word for its "
                         f"'{degree}': a word of degree says whom the fact is for",
                fix=f"translate '{degree}' too (the lexicon's word for it, {LEXICON})."))
    return errors


def _hedge_error(how: str, row: str, word: str, english_text: str, shown: str, key: str, line: int | None, found: str,
                 english: str) -> GuideError:
    """A hedge of the English the Spanish drops, or one it adds (``hedge_problems``)."""
    return GuideError(
        shown, f"the Spanish wording leaves out the hedge of the English it translates ('{word}')" if how == "dropped"
        else f"the Spanish wording adds '{word}' ({row}), which the English it translates does not say",
        line=line, key=key, found=found,
        expected=f"a translation of {english} ('{english_text[:100]}') that hedges as it does: "
                 + ("a Spanish word for its '" + word + "' (" + row + ")" if how == "dropped"
                    else "no hedge or absolute ('siempre', 'nunca', 'todos' ...) the English lacks"),
        fix="translate the English words as they are: without its hedge the wording says more than the English, "
            "and an added one says something else ('puede', 'ayuda a', 'lo ideal es' for may, helps, ideally).")


def wording_problems(text: str, english_text: str, lexicon: Lexicon, shown: str, key: str, line: int | None,
                     english: str = "data/facts.yml", context: str = "") -> list[GuideError]:
    """One Spanish wording against the English it translates: the first word the lexicon lacks, each content word
    or name the English does not say, and a negation the English does not have. ``context``: English that the
    words may also stand for (a note's own label: the note may name what the label names)."""
    tokens = read(text, lexicon)
    words = _english_words(english_text) + [""] + _english_words(context)
    found = f"'{text[:120]}'"
    # a word the English has as it is ("psoriasis", "retinol") is its own translation: no entry needed
    unknown = list(dict.fromkeys(t.word for t in tokens if t.kind == "unknown" and fold(t.word) not in words))
    if unknown:  # every one at once (the eleventh new-editor trial met them one build at a time)
        return [_unknown_error(unknown, english_text, shown, key, line, found)]
    errors = []
    for token in tokens:
        if token.kind == "word" and not any(_says(words, stems) for stems in token.english):
            said = " or ".join(f"'{' '.join(s)}'" for s in token.english)
            errors.append(GuideError(
                shown, f"the Spanish wording says '{token.word}' ({said}), and the English it translates does not",
                line=line, key=key, found=found,
                expected=f"a translation of {english} ('{english_text[:100]}'): each Spanish word for a word the English has",
                fix=f"translate the English words as they are; if '{token.word}' does translate a word of that English, "
                    f"add that English to its entry in {LEXICON} (a maintainer reviews it)."))
        elif token.kind == "name" and not _says(words, (fold(token.word),)):
            errors.append(GuideError(
                shown, f"the Spanish wording names '{token.word}', and the English it translates does not",
                line=line, key=key, found=found, expected=f"a translation of {english} ('{english_text[:100]}')",
                fix="translate the English words as they are: a name only where the English has it."))
    for english_words, spanish_words, what in _KEPT:
        if (kept := english_words.search(english_text)) is not None and not spanish_words.search(text):
            errors.append(GuideError(
                shown, f"the Spanish wording leaves out the {what} of the English it translates ('{kept[0]}')",
                line=line, key=key, found=found,
                expected=f"a translation of {english} ('{english_text[:100]}') with its {what}",
                fix=f"translate the English words as they are: without its {what} the wording says something else."))
    if key.rsplit(".", 1)[-1] in passages.NAMING_FIELDS:  # "Cicatrices de acné" for "Dramatic acne scarring" (M4)
        errors += _degree_errors(tokens, english_text, shown, key, line, found, english)
    errors += [_hedge_error(how, row, word, english_text, shown, key, line, found, english)
               for how, row, word in hedge_problems(text, english_text, context)]
    if any(t.kind == "negation" for t in tokens) and not negated(english_text, lexicon):
        word = next(t.word for t in tokens if t.kind == "negation")
        return errors + [GuideError(
            shown, f"the Spanish wording says '{word}', and the English it translates has no negation",
            line=line, key=key, found=found,
            expected=f"a translation of {english} ('{english_text[:100]}'): 'no', 'sin' or 'nunca' only where the "
                     "English says not, no, never, without or n't",
            fix="translate the English words as they are: a negation the English does not have turns its meaning round.")]
    return errors + [GuideError(shown, message, line=line, key=key, found=found,
                                expected=f"a translation of {english} ('{english_text[:100]}') whose every clause says "
                                         "'no' where the English clause it translates says 'not', and only there",
                                fix="translate each clause as it is, its 'not' in it ('se pueden usar ..., pero no dan "
                                    "...' for 'safe to use, but you will not get ...'): a 'no' moved to the other "
                                    "clause turns both round.")
                     for message in clause_problems(text, english_text, lexicon)]
