"""What the files that print words on every page may say: the catalogue's strings (``includes/strings/<lang>.yml``)
and the literal text of the partials (``includes/partials/``). Both sit around the facts on every page, where no page's
check reads them, so they are held here to the page prose's rules (the ninth no-hints attack, H1 and H2):

* a claim in the guide's own voice (``attribution.own_claim``: safety, pregnancy, a cure ...; ``effect_claim``,
  ``course_claim``, ``limit_claim``) or a permission ("is still fine if", "está bien"): a partial's own words make
  none; a string may only where every fact that fills it, wherever a partial fills it, says a word of the same kind
  ("{who} says it is safe for {types}": the fact's passage says "safe for all skin colors and types");
* a hedge string keeps its qualifier's words (``schema.QUALIFIER_WORDS``) and says no other bound ("at most {value}"
  for ``hedge_at_least``);
* the guide's own notices keep their words (``NOTICES``: "not medical advice", "our definition", "examples, not a full
  list"), the warnings keep theirs (``WARNINGS``: "skip", "avoid", "wait"), and no string claims the guide is reviewed by
  doctors or can replace a visit.

Each problem is told with its file, line and key (a string) or its line (a partial), what was found and the fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from guide.content import attribution
from guide.data import meaning as meaning_words
from guide.data import schema
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
    for found in (attribution.effect_claim(plain, lang, things), attribution.course_claim(plain, lang),
                  attribution.limit_claim(plain, lang)):
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
                         "es": (r"\bningun\b[^.]*\b(?:medico|profesional)\b[^.]*\brevisado\b",)},
    "about_not_guideline": {"en": (r"\bnot\b[^.]*\bclinical guideline\b",), "es": (r"\bno\b[^.]*\bguia clinica\b",)},
    "about_not_guideline_no_studies": {"en": (r"\bnot\b[^.]*\bclinical guideline\b", r"\bno studies\b|\bnot cite\b"),
                                       "es": (r"\bno\b[^.]*\bguia clinica\b", r"\bno cita\b")},
}
"""The guide's own notices, and the words (regular expressions on the folded text: lower case, no accents) each must
keep in each language: its negation with what it denies ("not medical advice"), and what marks it as ours. "This guide
is reviewed by doctors and can replace a visit." for ``pi_note`` and "This is the full list." for ``list_examples``
are refused (the ninth no-hints attack, H1)."""
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
    errors: list[GuideError] = []
    for key, value in strings.items():
        for i, text in enumerate([value] if isinstance(value, str) else value):
            line = lines.get((key,)) if isinstance(value, str) else lines.get((key, i), lines.get((key,)))
            where = key if isinstance(value, str) else f"{key}[{i}]"
            errors += _hedge_errors(key, text, lang, shown, line, where)
            errors += _notice_errors(key, text, lang, shown, line, where)
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
    if not missing and wrong is None:
        return []
    said = " and ".join("'" + "' or '".join(group) + "'" for group in groups)
    return [GuideError(
        shown, f"the hedge '{qualifier}' says '{wrong}'" if wrong else f"the hedge '{qualifier}' does not say its words",
        line=line, key=where, found=quoted(text),
        expected=f"the article's '{qualifier}' around {{value}}: {said}" + (f", and not '{wrong}'" if wrong else ""),
        fix=f"write the hedge as the article gives it (\"{' '.join(g[0] for g in groups)} {{value}}\"); its words are "
            "listed in guide/data/schema.py (QUALIFIER_WORDS): a figure shown with another hedge says what the article "
            "does not.")]


def _notice_errors(key: str, text: str, lang: str, shown: str, line: int | None, where: str) -> list[GuideError]:
    folded = _fold(text)
    errors: list[GuideError] = []
    warning = key in WARNINGS
    lost = [words for words in {**NOTICES, **WARNINGS}.get(key, {}).get(lang, ()) if not re.search(words, folded)]
    if lost:
        errors.append(GuideError(
            shown, "a warning lost its words" if warning else "the guide's own notice lost its words", line=line, key=where,
            found=quoted(text),
            expected=("the words that keep it a warning (guide/content/templates.py, WARNINGS): " if warning else
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
        for line, data in printed(tree):
            text = " ".join(_TAG.sub(" ", piece) for piece in data.split("\n"))
            for sentence in _BREAK.split(text.replace("**", " ")):
                found = next((c for lang in ("en", "es") for words in (sentence, _unaccented(sentence))
                              for c in claims(words, lang, things)), None)  # "rosácea" as the English facts spell it
                if found is None:
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
