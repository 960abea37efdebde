"""What the files that print words on every page may say: the catalogue's strings (``includes/strings/<lang>.yml``)
and the literal text of the partials (``includes/partials/``). Both sit around the facts on every page, where no page's
check reads them, so they are held here to the page prose's rules (the ninth no-hints attack, H1 and H2):

* a claim in the guide's own voice (``attribution.own_claim``: safety, pregnancy, a cure ...; ``effect_claim``,
  ``course_claim``, ``limit_claim``) or a permission ("is still fine if", "está bien"): a partial's own words make
  none; a string may only where every fact that fills it, wherever a partial fills it, says a word of the same kind
  ("{who} says it is safe for {types}": the fact's passage says "safe for all skin colors and types");
* a hedge string is its qualifier's words (one listed wording of each group of ``schema.QUALIFIER_WORDS``) and its
  placeholder, and no other word: not another bound ("at most {value}" for ``hedge_at_least``), not a softener
  ("typically about {value}, often less", "al menos {value} (o un poco menos)": the eleventh no-hints attack, H9, H10);
* the guide's own notices keep their words (``NOTICES``: "not medical advice", "our definition", "examples, not a full
  list") and do not take them back: no exception, condition or contrast, no doctor named, and the sentence of a promise
  (``PROMISES``) says its words, function words and the guide's name for itself only (H11); the warnings keep theirs
  (``WARNINGS``: "skip", "avoid", "wait"), and no string claims the guide is reviewed by doctors or can replace a visit;
* what follows our suggestion's label (``{ours}``) sends the reader to ask, check or note, as a page's
  ``{{ suggestion() }}`` must (``attribution.suggestion_ask_error``; H12).

Each problem is told with its file, line and key (a string) or its line (a partial), what was found and the fix.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from guide.content import attribution, ownvoice
from guide.data import meaning as meaning_words
from guide.data import schema, speakers, translation
from guide.errors import GuideError, quoted

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
PERMISSION = "permission"
"""The guide's voice saying what is fine or safe to do (``attribution.PERMITS``, and ``meaning``'s "permission" words:
"it is still fine if", "está bien")."""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def _unaccented(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _has(words: str, text: str) -> bool:
    """Whether ``text`` (folded) says ``words`` as whole words."""
    return re.search(r"(?<![^\W\d_])" + re.escape(_fold(words)) + r"(?![^\W\d_])", text) is not None


# --- the claims a text makes ---------------------------------------------------------------------

_DRAWN = re.compile(r"(?<![^\W\d_])(?:band|bar|line|dot|dots|arrow|shading)\s+(?:that\s+)?(?:fades?|fading)\s+out(?![^\W\d_])",
                    re.I)
"""A part of a drawing that fades out (the depth scale's band: "a hatched band that fades out"): what the picture shows,
not what the treatment does."""


def claims(text: str, lang: str, things: frozenset[str]) -> list[meaning_words.Found]:
    """Every claim of ``text`` that page prose could make only beside its fact: the clinical claims
    (``attribution.OWN_CLAIM_KINDS``), what the treatment does, the course of treatment, a limit, a permission. Read
    with who says it left out: in a string, "{who} says" is always there, and the fact that fills it must back what
    it says."""
    plain = " ".join(_DRAWN.sub(" ", attribution.REPORTING.sub(" ", text)).split())
    out = [f for f in meaning_words.found(plain, lang) if f.kind in attribution.OWN_CLAIM_KINDS or f.kind == PERMISSION]
    permits = attribution.PERMITS[lang].search(plain)
    if permits and not meaning_words.kinds(permits[0], lang) & {f.kind for f in out}:  # "is safe": safety, told once
        out.append(meaning_words.Found(PERMISSION, permits[0]))
    said = ownvoice.claim(plain, lang)  # "How often (more is better)": the fourteenth no-hints attack's strings
    for found in (attribution.effect_claim(plain, lang, things), attribution.course_claim(plain, lang),
                  attribution.limit_claim(plain, lang), meaning_words.Found(*said) if said else None):
        if found is not None:
            out.append(found)
    return out


def _texts(fact: schema.FactT, lang: str) -> list[tuple[str, str]]:
    return [(fact.source, "en")] + [(t, lang) for t in meaning_words.shown_words(fact)]


def backs(fact: schema.FactT, claim: meaning_words.Found, lang: str) -> bool:
    """Whether ``fact`` (its passage, or its words as the edition shows them) says a word of ``claim``'s kind."""
    texts = _texts(fact, lang)
    if claim.kind == attribution.LIMIT:
        return any(_has(claim.word, _fold(text)) for text, _ in texts)
    if claim.kind == attribution.COURSE:
        return fact.kind == "schedule"
    if claim.kind == attribution.EFFECT:  # the same word ("heals": "heal", "healing"), not any benefit ("helps")
        stem = _fold(claim.word)[:max(3, len(claim.word) - 2)]
        return any(re.search(r"(?<![^\W\d_])" + re.escape(stem), _fold(text)) for text, _ in texts)
    return any(claim.kind in meaning_words.kinds(text, text_lang) for text, text_lang in texts)


# --- which facts fill each string ---------------------------------------------------------------

_FILLS = ("say", "fill")
_FACT_CALLS = ("v", "who", "items", "fact")


def string_uses(folder: Path) -> dict[str, list[set[str]]]:
    """For each catalogue key a partial fills (``say(s.key, ...)``, ``fill(s.key, ...)``), the fact keys each such call
    gives it (``v("group.key")``, ``who("group.key")``), one set per call. A key filled with no fact of a constant key
    gets an empty set: nothing backs a claim there."""
    uses: dict[str, list[set[str]]] = {}
    env = jinja2.Environment()
    for path in _partials(folder):
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError:
            continue  # the sandbox's render tells it, with its line
        for call in tree.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name in _FILLS and call.args
                    and isinstance(key := call.args[0], nodes.Getattr) and isinstance(key.node, nodes.Name)
                    and key.node.name == "s"):
                continue
            facts = {first.value for kw in call.kwargs for arg in kw.find_all(nodes.Call)
                     if isinstance(arg.node, nodes.Name) and arg.node.name in _FACT_CALLS and arg.args
                     and isinstance(first := arg.args[0], nodes.Const) and isinstance(first.value, str)}
            uses.setdefault(key.attr, []).append(facts)
    return uses


def _partials(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".html", ".svg"):
            yield path


# --- the catalogue's strings ------------------------------------------------------------------

NOTICES: dict[str, dict[str, tuple[str, ...]]] = {
    "pi_note": {"en": (r"\bnot\b[^.]*\bmedical advice\b",), "es": (r"\bno\b[^.]*\bconsejo medico\b",)},
    "sheet_not_advice": {"en": (r"\bnot\b[^.]*\bmedical advice\b",), "es": (r"\bno\b[^.]*\bconsejo medico\b",)},
    "gloss_ours": {"en": (r"\bour definition\b",), "es": (r"\bnuestra definicion\b",)},
    "list_examples": {"en": (r"\bexamples\b", r"\bnot\b[^.]*\b(?:full|complete|whole)\b[^.]*\blist\b"),
                      "es": (r"\bejemplos\b", r"\bno\b[^.]*\blista\b[^.]*\b(?:completa|entera)\b")},
    "sug_label": {"en": (r"\bour\b",), "es": (r"\bnuestra\b",)},
    "about_who_is": {"en": (r"\bindependent\b",), "es": (r"\bindependiente\b",)},
    "about_who_review": {"en": (r"\bno\b[^.]*\b(?:doctor|clinician)s?\b[^.]*\breviewed\b",),
                         "es": (r"\bningun\b[^.]*\b(?:medico|profesional(?: de la salud)?)\b[^.]*\brevisado\b",)},
    "about_not_guideline": {"en": (r"\bnot\b[^.]*\bclinical guideline\b",), "es": (r"\bno\b[^.]*\bguia clinica\b",)},
    "about_not_guideline_no_studies": {"en": (r"\bnot\b[^.]*\bclinical guideline\b", r"\bno studies\b|\bnot cite\b"),
                                       "es": (r"\bno\b[^.]*\bguia clinica\b", r"\bno cita(?: estudios)?\b")},
}
"""The guide's own notices, and the words (regular expressions on the folded text: lower case, no accents) each must
keep in each language: its negation with what it denies ("not medical advice"), and what marks it as ours. "This guide
is reviewed by doctors and can replace a visit." for ``pi_note`` and "This is the full list." for ``list_examples``
are refused (the ninth no-hints attack, H1)."""
KEPT: dict[str, dict[str, tuple[str, ...]]] = {
    # the article's silence, said as silence ("The article does not say if its advice on who should wait applies to
    # rollers" turned into "... does not apply to rollers": the twelfth no-hints attack)
    **{key: {"en": (r"\bdoes not say\b|\bdoesn't say\b",), "es": (r"\bno dice\b",)}
       for key in ("sheet_how_long", "cmp_home_caveat", "nc_intro")},
    "not_stated": {"en": (r"\bnot stated\b",), "es": (r"\bno se indica\b",)},
    # the words that join a list's last item: "or" made "and" turns "any of these" into "all of these"
    **{key: {"en": (r"^\s*and\s*$",), "es": (r"^\s*[ye]\s*$",)} for key in ("list_and", "list_and_i")},
    **{key: {"en": (r"^\s*or\s*$",), "es": (r"^\s*[ou]\s*$",)} for key in ("list_or", "list_or_o")},
    # the glance card's heading over how the skin is right after the visit ("The next day" put it a day later)
    "gl_after_h": {"en": (r"^\s*right after\s*$",), "es": (r"^\s*justo despues\s*$",)},
}
"""Strings whose words carry their meaning, and the words (as ``NOTICES``) each must keep: the article's silence, a
list's joining word, a heading that says when."""
PROMISES = ("pi_note", "sheet_not_advice", "gloss_ours", "list_examples", "about_who_review", "about_not_guideline",
            "about_not_guideline_no_studies")
"""The notices that say what the guide is not (not medical advice, not reviewed by a clinician, our definition, not a
full list). The sentence that makes the promise (the one ``NOTICES``' words match) says only those words, function
words and the guide's name for itself (``_FUNCTION``, ``_SELF``): "No doctor or other clinician has reviewed it,
except the two doctors of the article, who checked every page." takes the promise back (the eleventh no-hints attack,
H11)."""
_FUNCTION = {
    "en": frozenset("""a an the it its this that these those is are was be been has have had do does did no not nor or and
                    of for to in on at by with as any other only our your you own""".split()),
    "es": frozenset("""esta este ha otro otra otros otras ningun ninguna ninguno ni nuestra nuestro nuestras nuestros
                    solo no""".split()),  # with the lexicon's function words (data/lexicon.es.yml)
}
_SELF = {"en": frozenset("guide page pages site education educational learning information informational".split()),
         "es": frozenset("guia pagina paginas sitio informar informacion informativa informativo educativa educativo "
                         "educacion aprender".split())}
"""What the guide calls itself and its purpose in a notice ("This guide is for education only and is not medical
advice")."""
_TAKES_BACK = {
    "en": re.compile(r"\b(?:except|excepting|but|unless|apart from|aside from|other than|save for|besides|however|although|"
                     r"though|only if|if|when|excluding)\b"),
    "es": re.compile(r"\b(?:salvo|excepto|pero|menos|aparte de|fuera de|sino|a menos que|aunque|sin embargo|si|cuando|"
                     r"con excepcion de)\b"),
}
"""An exception, a condition or a contrast: words that take a notice's promise back."""
_THE_DOCTORS = {
    "en": re.compile(r"\b(?:the|both|its|our|two|these)\s+(?:\w+\s+)?(?:doctors|dermatologists|physicians|surgeons|experts)\b"),
    "es": re.compile(r"\b(?:las|los|ambas|ambos|dos|sus|nuestras|nuestros|estas|estos)\s+(?:\w+\s+)?"
                     r"(?:medicas|medicos|doctoras|doctores|dermatologas|dermatologos|cirujanas|cirujanos|expertas|expertos)\b"),
}
"""The article's doctors, named together ("the two doctors", "las dos médicas"): no notice names them."""
_ROLE = re.compile(r"\b(?:doctors?|dermatologists?|physicians?|clinicians?|surgeons?|medic[oa]s?|doctor(?:a|es|as)?|"
                   r"dermatolog[oa]s?|cirujan[oa]s?)\b")
"""A doctor, by role: only a promise sentence of a notice may name one ("No doctor ... has reviewed it")."""
_TURNS = {"en": r"\b(?:skip|avoid|wait|steer clear|not|never|stop|hold off)\b",
          "es": r"\b(?:no|evite|evitar|espere|esperar|nunca|deje de|prescinda)\b"}
WARNINGS: dict[str, dict[str, tuple[str, ...]]] = {
    key: {lang: (words,) for lang, words in _TURNS.items()}
    for key in ("sheet_skip", "sheet_steer", "sheet_wait", "sheet_avoid", "sheet_scrubs")}
"""The strings that say whom the treatment is not for, or what to avoid after it, and the words that keep them a
warning ("skip", "avoid", "wait", "no", "evite"): "{who} says it works well if {cases}." for ``sheet_skip`` would turn
the article's reasons to skip it round with no claim word."""
_VOUCHES = {
    "en": re.compile(r"\b(?:reviewed|checked|approved|vetted|verified|written|endorsed)\s+by\s+(?:\w+\s+){0,2}?(?:doctors?|"
                     r"dermatologists?|physicians?|clinicians?|experts?|professionals?|surgeons?)\b|\b(?:can|could|may|will)\s+"
                     r"(?:\w+\s+)?(?:replace|substitute for)\b|\breplaces\b|\binstead of\s+(?:a|an|your)\s+(?:visit|doctor)\b"),
    "es": re.compile(r"\b(?:revisad|comprobad|aprobad|avalad|escrit)[oa]s?\s+por\s+(?:\w+\s+){0,2}?(?:medic|doctor|dermatolog|"
                     r"profesional|cirujan|expert)\w*|(?<!no )\b(?:puede|podra|pueden)\s+(?:\w+\s+)?(?:sustituir|reemplazar)\b|"
                     r"(?<!no )\b(?:sustituye|reemplaza)\b|\ben (?:lugar|vez) de\s+(?:una|la|su)\s+(?:visita|consulta|cita)\b"),
}
"""A string that vouches for the guide: reviewed by doctors, or a stand-in for a visit."""


def _hedge_words(qualifier: str, lang: str) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The groups of words ``qualifier``'s hedge says (one of each), and the words it may not say."""
    own = schema.QUALIFIER_WORDS[qualifier][lang]
    mine = [_fold(w) for group in own for w in group]
    other = [w for q, words in schema.QUALIFIER_WORDS.items() if q != qualifier for group in words[lang] for w in group]
    banned = tuple(dict.fromkeys(w for w in (*other, *schema.QUALIFIER_CONTRARY[lang])
                                 if not any(_has(w, m) for m in mine) and _fold(w) not in mine))
    return own, banned


def string_errors(strings: Mapping[str, Any], lines: Mapping[tuple[Any, ...], int], shown: str, lang: str,
                  facts: schema.Facts, uses: Mapping[str, Sequence[set[str]]]) -> list[GuideError]:
    """Every problem of the meaning of an edition's strings (see the module's docstring). ``uses``: ``string_uses``."""
    every = facts.all_facts()
    things = attribution.things_named(facts)
    names = frozenset(_fold(w) for expert in facts.experts.values() for w in re.findall(r"[^\W\d_]{3,}", expert.name))
    errors: list[GuideError] = []
    for key, value in strings.items():
        for i, text in enumerate([value] if isinstance(value, str) else value):
            line = lines.get((key,)) if isinstance(value, str) else lines.get((key, i), lines.get((key,)))
            where = key if isinstance(value, str) else f"{key}[{i}]"
            errors += _hedge_errors(key, text, lang, shown, line, where)
            errors += _notice_errors(key, text, lang, shown, line, where)
            errors += _promise_errors(key, text, lang, shown, line, where, names)
            errors += _ask_errors(text, lang, shown, line, where)
            if "{who}" in text and (soft := ownvoice.softeners(PLACEHOLDER.sub(" ", text), lang)):
                errors.append(GuideError(  # "{who} says these are the only questions you need to ask." (the twelfth
                    # no-hints attack)
                    shown, f"a template string softens or narrows what its speaker says ('{soft[0]}')", line=line,
                    key=where, found=quoted(text),
                    expected="words around {who} that say what she says, with no hedge or narrowing of the guide's own "
                             "('only', 'might', 'solo')",
                    fix=f"put back the words the string had (git checkout -- {shown})."))
            for claim in claims(PLACEHOLDER.sub(" ", text), lang, things):
                calls = uses.get(key, [])
                if calls and all(any(k not in every or backs(every[k], claim, lang) for k in keys) for keys in calls):
                    continue  # each fact that fills it says it; or one the data's load set aside (its own message)
                filled = sorted({k for keys in calls for k in keys})
                errors.append(GuideError(
                    shown, f"a template string makes a claim ('{claim.word}', {claim.kind}) that the facts it shows do "
                           "not make", line=line, key=where, found=quoted(text),
                    expected="words around the facts that say no more than they do: a claim only where each fact the "
                             "partials fill the string with says it (" + (", ".join(filled) if filled else
                                                                           "this string is filled with no fact") + ")",
                    fix="put back the words the string had (git checkout -- " + shown + "); what the article says reaches "
                        "a page through data/facts.yml, with who said it."))
                break
    return errors


def _hedge_errors(key: str, text: str, lang: str, shown: str, line: int | None, where: str) -> list[GuideError]:
    qualifier = next((q for q in schema.QUALIFIER_WORDS if key == "hedge_" + q.replace(" ", "_")), None)
    if qualifier is None:
        return []
    folded = _fold(PLACEHOLDER.sub(" ", text))
    groups, banned = _hedge_words(qualifier, lang)
    missing = [group for group in groups if not any(_has(w, folded) for w in group)]
    wrong = next((w for w in banned if _has(w, folded)), None)
    rest = None if missing or wrong else _beyond_qualifier(folded, groups)
    if not missing and wrong is None and not rest:
        return []
    said = " and ".join("'" + "' or '".join(group) + "'" for group in groups)
    return [GuideError(
        shown, f"the hedge '{qualifier}' says '{wrong}'" if wrong else f"the hedge '{qualifier}' says more than its "
        f"qualifier ('{rest}')" if rest else f"the hedge '{qualifier}' does not say its words",
        line=line, key=where, found=quoted(text),
        expected=f"the article's '{qualifier}' around {{value}}: {said}" + (f", and not '{wrong}'" if wrong else "")
        + ", and no other word (punctuation and spaces only)",
        fix=f"write the hedge as the article gives it (\"{' '.join(g[0] for g in groups)} {{value}}\"); its words are "
            "listed in guide/data/schema.py (QUALIFIER_WORDS): a figure shown with another hedge says what the article "
            "does not.")]


def _kept_words(key: str, lang: str) -> frozenset[str]:
    """The words of ``key``'s notice patterns (``NOTICES``): "not", "medical", "advice"."""
    return frozenset(w for pattern in NOTICES[key][lang] for w in re.findall(r"[a-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", pattern)))


def _allowed(word: str, allowed: frozenset[str]) -> bool:
    return any(stem in allowed for stem in (word, word[:-1] if word.endswith("s") else "",
                                            word[:-2] if word.endswith(("es", "ed")) else ""))


def _promise_errors(key: str, text: str, lang: str, shown: str, line: int | None, where: str,
                    names: frozenset[str]) -> list[GuideError]:
    """A notice that takes its promise back: an exception, condition or contrast word (``_TAKES_BACK``), a doctor's name
    or the article's doctors (``_THE_DOCTORS``), a doctor's role outside its promise, or a word in its promise sentence
    beyond the promise's own words, function words and the guide's name for itself (``PROMISES``)."""
    if key not in NOTICES:
        return []
    folded = _fold(text)
    sentences = [s for s in re.split(r"(?<=[.!?;])\s+", folded) if s.strip()]
    promises = [s for s in sentences if any(re.search(p, s) for p in NOTICES[key][lang])] if key in PROMISES else []
    allowed = _kept_words(key, lang) | _FUNCTION[lang] | _SELF[lang] | (
        translation.load_lexicon().function if lang == "es" else frozenset())
    extra = next((w for s in promises for w in re.findall(r"[^\W\d_]+", s) if not _allowed(w, allowed)), None)
    found = (_TAKES_BACK[lang].search(folded) or _THE_DOCTORS[lang].search(folded)
             or next((m for m in re.finditer(r"[^\W\d_]+", folded) if m[0] in names), None)
             or next((m for s in sentences if s not in promises for m in [_ROLE.search(s)] if m), None))
    if found is None and extra is None:
        return []
    said = found[0] if found is not None else extra
    return [GuideError(
        shown, f"the guide's own notice takes its promise back ('{said}')" if found is not None else
        f"the guide's own notice says more than its promise ('{said}')", line=line, key=where, found=quoted(text),
        expected="the notice's promise with no exception, condition or contrast ('except', 'but', 'unless', 'salvo', "
                 "'pero') and no doctor named: " + (
                     "its promise sentence says only its own words (" + ", ".join(sorted(_kept_words(key, lang)))
                     + "), function words and the guide's name for itself (guide/content/templates.py, PROMISES)"
                     if key in PROMISES else "it says what the guide is"),
        fix=f"put back what the notice says (git checkout -- {shown}): every page shows it, and a reader trusts it to "
            "say what the guide is not.")]


def _beyond_qualifier(folded: str, groups: tuple[tuple[str, ...], ...]) -> str:
    """The words of a hedge string (its placeholders taken out, ``folded``) beyond one wording of each of its
    qualifier's groups (``schema.QUALIFIER_WORDS``): "often less" in "typically about {value}, often less" (the eleventh
    no-hints attack, H9; "(o un poco menos)", H10). Empty when the string says its qualifier and nothing else."""
    words = re.findall(r"[^\W\d_]+", folded)
    for group in groups:
        for wording in sorted((re.findall(r"[^\W\d_]+", _fold(w)) for w in group), key=len, reverse=True):
            at = next((i for i in range(len(words) - len(wording) + 1) if words[i:i + len(wording)] == wording), None)
            if at is not None:
                del words[at:at + len(wording)]
                break
    return " ".join(words)


OURS = "{ours}"
"""The label of our own suggestion (``sug_label``) in a string: what follows it is held to the rule of a page's
``{{ suggestion() }}`` (``attribution.suggestion_ask_error``)."""
_LEAD = {"en": re.compile(r"^\s*(?:(?:also|too)\s+|(?:for|about|on)\s+(?:this|these|them|that|those)\s*,\s*)", re.I),
         "es": re.compile(r"^\s*(?:(?:también|además)\s+|(?:sobre|para|en)\s+(?:este|estos|esta|estas|eso|esto)"
                          r"(?:\s+(?:tema|temas|caso|casos))?\s*,\s*)", re.I)}
"""What may stand between the label and the ask ("{ours} also ask these:", "{ours} for these, ask a doctor",
"{ours} sobre estos temas, pregunte ..."): a word that adds it, or what it is about."""


def _ask_errors(text: str, lang: str, shown: str, line: int | None, where: str) -> list[GuideError]:
    """A string with our suggestion's label (``{ours}``) that does not send the reader to ask, check or note something
    after it: "{ours} if any of these applies to you, you can still book." (the eleventh no-hints attack, H12)."""
    errors: list[GuideError] = []
    for after in text.split(OURS)[1:]:
        lead = _LEAD[lang].match(after)
        error = attribution.suggestion_ask_error(after[lead.end():] if lead else after, lang, shown, [])
        if error is not None:
            errors.append(dataclasses.replace(error, line=line, key=where, found=quoted(text)))
    return errors


def _notice_errors(key: str, text: str, lang: str, shown: str, line: int | None, where: str) -> list[GuideError]:
    folded = _fold(text)
    errors: list[GuideError] = []
    warning, kept = key in WARNINGS, key in KEPT
    lost = [words for words in {**NOTICES, **WARNINGS, **KEPT}.get(key, {}).get(lang, ()) if not re.search(words, folded)]
    if lost:
        errors.append(GuideError(
            shown, "a warning lost its words" if warning else "a string lost the words that give its meaning" if kept
            else "the guide's own notice lost its words", line=line, key=where, found=quoted(text),
            expected=("the words that keep it a warning (guide/content/templates.py, WARNINGS): " if warning else
                      "the words of its meaning (guide/content/templates.py, KEPT): " if kept else
                      "the notice's words (guide/content/templates.py, NOTICES): ") + ", ".join(f"/{w}/" for w in lost),
            fix=f"put back what the notice says (git checkout -- {shown}): every page shows it, and a reader trusts it "
                "to say what the guide is not."))
    vouch = _VOUCHES[lang].search(folded)
    if vouch:
        errors.append(GuideError(
            shown, f"a template string vouches for the guide ('{vouch[0]}')", line=line, key=where, found=quoted(text),
            expected="no claim that doctors reviewed the guide or that it can stand in for a visit: no doctor has",
            fix=f"put back the words the string had (git checkout -- {shown})."))
    return errors


# --- the partials' own words ---------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]*>|^[^<>]*>|<[^<>]*$")
"""Markup in a piece of a partial's literal text (a tag the expressions split: ``" y="20">Skip sunscreen</text>``)."""
_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n|[|]")


def printed(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """The literal words a partial prints, with their lines: its text between the tags (``TemplateData``, in every
    branch) and the strings it writes out (``{{ "..." }}``, ``{% set x = "..." %}``)."""
    for node in tree.find_all((nodes.TemplateData, nodes.Const)):
        text = node.data if isinstance(node, nodes.TemplateData) else node.value if isinstance(node, nodes.Const) else None
        if isinstance(text, str):
            yield node.lineno, text


_KEY = re.compile(r"\s*[\w.-]+\s*")
"""A fact's key or a word the partial passes on ("aftercare.sunscreen_when"), not words it prints."""


def _own_voice(sentence: str) -> meaning_words.Found | None:
    """What a partial's own words say of a thing a reader decides by, or a claim of ``ownvoice.CLAIMS``, in either
    language ("Most people are back to normal the next day.": the twelfth no-hints attack); a key or a name of a
    thing ("Sunscreen") says nothing."""
    if _KEY.fullmatch(sentence):
        return None
    for lang in ("en", "es"):
        if said := ownvoice.claim(sentence, lang):
            return meaning_words.Found(*said)
        if (thing := ownvoice.said_of(sentence, lang)) is not None:
            return meaning_words.Found(f"what it says of {thing}", thing)
    return None


def _named(sentence: str, facts: schema.Facts) -> meaning_words.Found | None:
    """A doctor's name in a partial's own words ("— {{ person.title }} Debra Jaliman" under every quote: the twelfth
    no-hints attack): a partial names a speaker only through the fact or quote it shows."""
    named = sorted(speakers.typed_names(sentence, facts) - {speakers.ARTICLE})
    return meaning_words.Found("a speaker typed in", facts.experts[named[0]].name) if named else None


def _beside_facts(tree: nodes.Template) -> set[str]:
    """The literal texts of a partial printed right before or after a call that shows a fact (``v``, ``who``,
    ``items``, ``fact``): what they say of its speaker is the who-said-it check's (``attribution.check_templates``)."""
    out: set[str] = set()
    for output in tree.find_all(nodes.Output):
        for i, node in enumerate(output.nodes):
            near = output.nodes[max(0, i - 1):i] + output.nodes[i + 1:i + 2]
            if isinstance(node, nodes.TemplateData) and any(
                    isinstance(n, nodes.Call) and isinstance(n.node, nodes.Name) and n.node.name in _FACT_CALLS
                    for other in near for n in [other, *other.find_all(nodes.Call)]):
                out.add(node.data)
    return out


def partial_errors(folder: Path, facts: schema.Facts, display_root: str) -> list[GuideError]:
    """A claim or a permission in the words a partial prints (``printed``), read in both languages: a partial's own
    words make none; the facts reach it through its values (the ninth no-hints attack, H2: "The treatment is safe
    during pregnancy and heals rosacea." in list.md)."""
    things = attribution.things_named(facts)
    env = jinja2.Environment()
    errors: list[GuideError] = []
    for path in _partials(folder):
        shown = f"{display_root}/{path.relative_to(folder).as_posix()}"
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError:
            continue  # the sandbox's render tells it, with its line
        beside = _beside_facts(tree)
        for line, data in printed(tree):
            text = " ".join(_TAG.sub(" ", piece) for piece in data.split("\n"))
            for sentence in _BREAK.split(text.replace("**", " ")):
                found = next((c for lang in ("en", "es") for words in (sentence, _unaccented(sentence))
                              for c in claims(words, lang, things)), None) or _own_voice(sentence) or (
                    None if data in beside else _named(sentence, facts))  # beside a fact, the who-said-it check reads it
                if found is None:  # ("rosácea" as the English facts spell it)
                    continue
                errors.append(GuideError(
                    shown, f"the partial's own words make a claim ('{found.word}', {found.kind})",
                    line=line + data[:data.find(found.word)].count("\n") if found.word in data else line,
                    found=quoted(" ".join(sentence.split())[:160]),
                    expected="no words of the partial's own that say what is safe, what the treatment does or what is "
                             "fine to do: the facts reach a partial through its values, with who said them",
                    fix="remove the words; what the article says is shown through data/facts.yml and the catalogue's "
                        "strings (includes/strings/), filled with the facts."))
                break
    return errors
