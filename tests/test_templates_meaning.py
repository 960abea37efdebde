"""The files that print words on every page are read for what they say (the ninth no-hints attack, H1, H2 and M1):

* the catalogue's strings (``includes/strings/<lang>.yml``): a hedge keeps its qualifier's words, a string makes no
  claim or permission the facts that fill it do not make, the guide's own notices keep their words;
* the partials' own words (``includes/partials/``) make no claim, in any branch, in either language;
* a picture's words (an SVG partial) stand inside its viewBox, at a font size a reader can read.

Each row edits a copy of the project and loads it as a build does (``guide.build.library.load_project``): the attack's
input, in both languages, is refused with its file, line and fix; today's files, and a reworded but faithful
variant, build. The expected lines are read from the files, never typed here.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from guide.build.library import PARTIALS, SPANISH, load_project
from guide.content import templates
from guide.data import lang as langs
from guide.data import schema
from guide.errors import GuideErrors
from tools.project import copy_project

STRINGS = "includes/strings"


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", ("data", "includes", "sources", "docs", "docs-es", "pictures"))


def _load(project: Path, lang: str) -> list[str]:
    """The problems of a load of ``project``'s ``lang`` edition (none: it builds)."""
    try:
        load_project(project, SPANISH if lang == "es" else None)
    except GuideErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def _set_string(project: Path, lang: str, key: str, text: str) -> int:
    """Give ``key`` of the edition's strings the text ``text``; return its line."""
    path = project / STRINGS / f"{lang}.yml"
    rows = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, row in enumerate(rows) if row.startswith(f"{key}: "))
    rows[at] = f'{key}: "{text}"'
    path.write_text("\n".join(rows), encoding="utf-8")
    return at + 1


# --- H1: the catalogue's strings -----------------------------------------------------------------

REFUSED_STRINGS = {
    # name: (language, key, text, what the message says)
    "hedge turned round": ("en", "hedge_at_least", "at most {value}", "the hedge 'at least' says 'at most'"),
    "hedge turned round, es": ("es", "hedge_at_least", "como máximo {value}", "the hedge 'at least' says 'como máximo'"),
    "hedge of another bound": ("en", "hedge_at_least", "up to {value}", "the hedge 'at least'"),
    "hedge of another bound, es": ("es", "hedge_at_least", "hasta {value}", "the hedge 'at least'"),
    "hedge made exact": ("en", "hedge_about", "exactly {value}", "the hedge 'about'"),
    "skip made permission": ("en", "sheet_skip", "{who} says it is still fine if {cases}.", "('fine', permission)"),
    "skip made permission, es": ("es", "sheet_skip", "{who} dice que igual está bien si {cases}.", "permission)"),
    "pregnancy added": ("en", "gl_types", "{who} says it is safe for {types}, and during pregnancy.",
                        "('pregnancy', pregnancy)"),
    "pregnancy added, es": ("es", "gl_types", "{who} dice que es seguro para {types}, y durante el embarazo.",
                            "('embarazo', pregnancy)"),
    "a cure added": ("en", "gl_pain", "{who} says {pain}, and it heals rosacea.", "(\'heals\', what it does)"),
    "a cure added, es": ("es", "gl_pain", "{who} dice que {pain}, y que cura la rosácea.", "(\'cura\', what it does)"),
    "notice reversed": ("en", "pi_note", "This guide is reviewed by doctors and can replace a visit.",
                        "the guide's own notice lost its words"),
    "notice reversed, es": ("es", "pi_note", "Esta guía la revisan médicos y puede sustituir una visita.",
                            "the guide's own notice lost its words"),
    "notice kept, review added": ("en", "pi_note", "This guide is not medical advice, for education only; it is reviewed "
                                  "by doctors.", "vouches for the guide ('reviewed by doctors')"),
    "full list": ("en", "list_examples", "This is the full list.", "the guide's own notice lost its words"),
    "full list, es": ("es", "list_examples", "Esta es la lista completa.", "the guide's own notice lost its words"),
    "skip turned round, no claim word": ("en", "sheet_skip", "{who} says it works well if {cases}.", "a warning lost its words"),
    "wait turned round, es": ("es", "sheet_wait", "{who} dice que le irá de maravilla si {cases}.",
                              "a warning lost its words"),
    "not advice dropped": ("en", "sheet_not_advice", "Education and medical advice.", "the guide's own notice lost its words"),
    "ours dropped, es": ("es", "gloss_ours", " (definición médica)", "the guide's own notice lost its words"),
    # the eleventh no-hints attack: a hedge is its qualifier and its placeholder, nothing else (H9, H10)
    "hedge softened (H9)": ("en", "hedge_typically_about", "typically about {value}, often less",
                            "says more than its qualifier ('often less')"),
    "hedge softened (H9), es": ("es", "hedge_typically_about", "por lo general alrededor de {value}, a menudo menos",
                                "says more than its qualifier ('a menudo menos')"),
    "floor undone (H10), es": ("es", "hedge_at_least", "al menos {value} (o un poco menos)",
                               "says more than its qualifier ('o un poco menos')"),
    "floor undone (H10)": ("en", "hedge_at_least", "at least {value} (or a little less)",
                           "says more than its qualifier ('or a little less')"),
    # a notice does not take its promise back (H11)
    "review notice, an exception (H11)": ("en", "about_who_review", "No doctor or other clinician has reviewed it, except "
                                          "the two doctors of the article, who checked every page.",
                                          "takes its promise back ('except')"),
    "review notice, an exception (H11), es": ("es", "about_who_review", "Ningún médico ni otro profesional de la salud la "
                                              "ha revisado, salvo las dos médicas del artículo, que revisaron cada página.",
                                              "takes its promise back ('salvo')"),
    "review notice, the doctors in a sentence of their own": (
        "en", "about_who_review", "No doctor or other clinician has reviewed it; the two doctors of the article checked "
        "every page.", "takes its promise back ('the two doctors')"),
    "review notice, a doctor named, es": ("es", "about_who_review", "Ningún médico ni otro profesional de la salud la ha "
                                          "revisado. La Dra. Jaliman la leyó entera.", "takes its promise back ('jaliman')"),
    "review notice, no exception word": ("en", "about_who_review", "No doctor or other clinician has reviewed it, and a "
                                         "dermatologist checked every page.", "says more than its promise ('dermatologist')"),
    "not advice, a condition, es": ("es", "pi_note", "Esta guía es solo para informar. No es consejo médico, pero puede "
                                    "seguirla sin consultar.", "takes its promise back ('pero')"),
    # our suggestion asks (H12)
    "our suggestion permits (H12)": ("en", "sheet_skip_ask", "{ours} if any of these applies to you, you can still book.",
                                     "our suggestion tells the reader to do something themselves ('you')"),
    "our suggestion permits (H12), es": ("es", "sheet_skip_ask", "{ours} si alguno de estos casos es el suyo, igual puede "
                                         "hacer la cita.", "our suggestion tells the reader to do something themselves"),
    # the twelfth no-hints attack: a silence turned round, a list's "or" made "and", a heading moved a day later, a
    # speaker's words narrowed
    "a silence turned round": ("en", "cmp_home_caveat", "The article says its advice on who should wait does not apply "
                               "to rollers.", "lost the words that give its meaning"),
    "a silence turned round, es": ("es", "cmp_home_caveat", "El artículo dice que sus consejos no valen para los rodillos.",
                                   "lost the words that give its meaning"),
    "or made and": ("en", "list_or", "and", "lost the words that give its meaning"),
    "o made y": ("es", "list_or", "y", "lost the words that give its meaning"),
    "a heading a day later": ("en", "gl_after_h", "The next day", "lost the words that give its meaning"),
    "a heading a day later, es": ("es", "gl_after_h", "Al día siguiente", "lost the words that give its meaning"),
    "a speaker's words narrowed": ("en", "sheet_suggests", "{who} says these are the only questions you need to ask.",
                                   "softens or narrows what its speaker says ('only')"),
    "a speaker's words narrowed, es": ("es", "sheet_suggests", "{who} dice que solo hace falta hacer estas preguntas.",
                                       "softens or narrows what its speaker says ('solo')"),
    "our suggestion after a lead (H12)": ("en", "nc_ask", "{ours} for these, book anyway.",
                                          "our suggestion tells the reader to do something themselves ('book')"),
}


@pytest.mark.parametrize("case", REFUSED_STRINGS, ids=list(REFUSED_STRINGS))
def test_a_string_that_changes_what_the_guide_says_is_refused(tmp_path: Path, case: str) -> None:
    lang, key, text, says = REFUSED_STRINGS[case]
    project = _project(tmp_path)
    line = _set_string(project, lang, key, text)
    shown = f"{STRINGS}/{lang}.yml"
    errors = [e for e in _load(project, lang) if e.startswith(f"{shown}:{line}: ")]
    assert errors, f"{case}: the build took {text!r} ({_load(project, lang)[:2]})"
    msg = next((e for e in errors if says in e), errors[0])
    assert says in msg and f"(at {key})" in msg and "Fix: " in msg and "Traceback" not in msg, msg


BUILDING_STRINGS = {
    # name: (language, key, text): a rewording that keeps what the string says
    "hedge reworded": ("en", "hedge_at_least", "no less than {value}"),
    "hedge reworded, es": ("es", "hedge_at_least", "como mínimo {value}"),
    "about reworded": ("en", "hedge_about", "around {value}"),
    "typically reworded, es": ("es", "hedge_typically_about", "normalmente unos {value}"),
    "safe, credited another way": ("en", "gl_types", "According to {who}, it is safe for {types}."),
    "safe, credited another way, es": ("es", "gl_types", "Según {who}, es seguro para {types}."),
    "skip reworded": ("en", "sheet_skip", "{who} says to skip the treatment if {cases}."),
    "skip said another way": ("en", "sheet_skip", "{who} says not to have it if {cases}."),
    "avoid said another way, es": ("es", "sheet_avoid", "{who} dice que no use {ingredients} ({examples}) justo después."),
    "fine as the article puts it": ("en", "gl_often", "{who} says skin that is generally fine and well cared for can have "
                                    "it {every}."),
    "notice reworded": ("en", "pi_note", "This guide is for education only and is not medical advice. Talk to a licensed "
                        "provider about your own skin."),
    "notice reworded, es": ("es", "pi_note", "Esta guía es solo para informar y no es consejo médico. Hable de su piel con "
                            "un profesional con licencia."),
    "notice reworded, learning": ("en", "pi_note", "This guide is for learning only. It is not medical "
                                                "advice. Talk to a licensed provider about your own skin."),
    "examples reworded": ("en", "list_examples", "These are only examples, not the complete list."),
    "examples reworded, es": ("es", "list_examples", "Son solo ejemplos, no la lista completa."),
    "typically reworded": ("en", "hedge_typically_about", "usually around {value}"),
    "at least, another listed wording, es": ("es", "hedge_at_least", "por lo menos {value}"),
    "review notice reworded": ("en", "about_who_review", "No doctor or clinician has reviewed this guide."),
    "review notice reworded, es": ("es", "about_who_review", "Ningún médico ni profesional de la salud ha revisado esta "
                                   "guía."),
    "our suggestion reworded": ("en", "sheet_skip_ask", "{ours} if any of these applies to you, ask your doctor before "
                                "you book."),
    "our suggestion reworded, es": ("es", "sheet_skip_ask", "{ours} si alguno de estos casos es el suyo, pregunte a un "
                                    "médico antes de pedir la cita."),
}


@pytest.mark.parametrize("case", BUILDING_STRINGS, ids=list(BUILDING_STRINGS))
def test_a_faithful_rewording_of_a_string_builds(tmp_path: Path, case: str) -> None:
    lang, key, text = BUILDING_STRINGS[case]
    project = _project(tmp_path)
    _set_string(project, lang, key, text)
    assert _load(project, lang) == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_string_of_today_passes(lang: str) -> None:
    """Read directly, so a string the rule would refuse is named here (the loads above take it in with the rest)."""
    root = Path(__file__).resolve().parent.parent
    project = load_project(root, SPANISH if lang == "es" else None)
    strings = langs.load_strings(root, lang)
    from guide.data.yamlsrc import KEY, load_with_lines

    shown = f"{STRINGS}/{lang}.yml"
    lines = load_with_lines(root / shown, shown, key_pattern=KEY)[1]
    uses = templates.string_uses(root / PARTIALS)
    assert "gl_types" in uses and all(uses["gl_types"]), "the glance card fills the skin-types string with its fact"
    assert templates.string_errors(strings, lines, shown, lang, project.facts, uses) == []


def test_every_qualifier_has_its_hedge_words() -> None:
    """Each qualifier the data may give has its words in both languages, and its hedge string says them."""
    qualifiers = set(typing.get_args(schema.Qualifier))
    assert set(schema.QUALIFIER_WORDS) == qualifiers
    root = Path(__file__).resolve().parent.parent
    for lang in ("en", "es"):
        strings = langs.load_strings(root, lang)
        for qualifier in qualifiers:
            assert schema.QUALIFIER_WORDS[qualifier][lang], (qualifier, lang)
            assert "hedge_" + qualifier.replace(" ", "_") in strings


# --- H2: the partials' own words -----------------------------------------------------------------

ATTACK = ('{% if s.lang == "en" %}The treatment is safe during pregnancy and heals rosacea.{% else %}'
          'El tratamiento es seguro durante el embarazo y cura la rosácea.{% endif %}')
REFUSED_PARTIALS = {
    # name: (partial, the line added at its end)
    "the attack's line": ("list.md", ATTACK),
    "English alone": ("list.md", "The treatment is safe during pregnancy."),
    "Spanish alone": ("quote.md", "El tratamiento cura la rosácea."),
    "a permission": ("expert.md", '{% if s.lang == "en" %}Makeup is fine the next day.{% else %}El maquillaje está bien '
                                  'al día siguiente.{% endif %}'),
    "a printed string": ("citation.md", '{{ "It is safe for everyone." }}'),
    "in an HTML partial": ("glance-card.html", "<p>Microneedling clears rosacea for good.</p>"),
    # the twelfth no-hints attack: a partial's own words on every page, and a doctor typed into the quote's credit
    "back to normal": ("page-info.md", '{% if s.lang == "es" %}La mayoría de las personas vuelve a la normalidad al día '
                                       'siguiente.{% else %}Most people are back to normal the next day.{% endif %}'),
    "a doctor typed in": ("quote.md", "— Dr. Debra Jaliman"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", REFUSED_PARTIALS, ids=list(REFUSED_PARTIALS))
def test_a_claim_in_a_partials_own_words_is_refused(tmp_path: Path, case: str, lang: str) -> None:
    partial, added = REFUSED_PARTIALS[case]
    project = _project(tmp_path)
    path = project / PARTIALS / partial
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n\n" + added + "\n", encoding="utf-8")
    line = text.count("\n") + 3
    errors = _load(project, lang)
    msg = next((e for e in errors if e.startswith(f"{PARTIALS}/{partial}:{line}: the partial's own words make a claim")),
               None)
    assert msg is not None, errors[:3]
    assert "Fix: " in msg and "Traceback" not in msg, msg


BUILDING_PARTIALS = {
    "a pointer to ask": ("list.md", '{% if s.lang == "en" %}Ask your provider about the treatment.{% else %}Pregunte a '
                                    'su profesional sobre el tratamiento.{% endif %}'),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_words_of_a_partial_that_claim_nothing_build(tmp_path: Path, lang: str) -> None:
    project = _project(tmp_path)
    for partial, added in BUILDING_PARTIALS.values():
        path = project / PARTIALS / partial
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + added + "\n", encoding="utf-8")
    assert _load(project, lang) == []


def test_todays_partials_make_no_claim_of_their_own() -> None:
    root = Path(__file__).resolve().parent.parent
    assert templates.partial_errors(root / PARTIALS, load_project(root).facts, PARTIALS) == []


# --- M1: a picture's words where a reader can read them -------------------------------------------

GROUP = '<g class="fig__text" font-size="{{ font }}" fill="currentColor">'
HIDDEN = '{% if s.lang == "en" %}Skip sunscreen{% else %}Sin protector solar{% endif %}'
REFUSED_SVG = {
    # name: (partial, the line put before its group of words, what the message says)
    "the attack": ("timeline.svg", f'<text x="-9999" y="10" font-size="1">{HIDDEN}</text>', 'too small to read (font-size="1")'),
    "off the canvas": ("timeline.svg", f'<text x="-9999" y="10">{HIDDEN}</text>', 'outside the drawing (x="-9999"'),
    "below the canvas": ("depth-scale.svg", f'<text x="20" y="99999">{HIDDEN}</text>', 'outside the drawing (y="99999"'),
    "a tiny group": ("depth-scale.svg", f'<g font-size="2"><text x="20" y="20">{HIDDEN}</text></g>',
                     'too small to read (font-size="2")'),
    "moved away": ("timeline.svg", f'<g transform="translate(-5000 0)"><text x="20" y="20">{HIDDEN}</text></g>',
                   "under a transform or a mask"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", REFUSED_SVG, ids=list(REFUSED_SVG))
def test_hidden_words_in_a_picture_are_refused(tmp_path: Path, case: str, lang: str) -> None:
    partial, added, says = REFUSED_SVG[case]
    project = _project(tmp_path)
    path = project / PARTIALS / partial
    text = path.read_text(encoding="utf-8")
    assert GROUP in text
    path.write_text(text.replace(GROUP, added + "\n" + GROUP, 1), encoding="utf-8")
    line = text[:text.index(GROUP)].count("\n") + 1
    errors = _load(project, lang)
    msg = next((e for e in errors if e.startswith(f"{PARTIALS}/{partial}:{line}: ") and says in e), None)
    assert msg is not None, errors[:3]
    assert "viewBox" in msg and "Fix: " in msg and "Traceback" not in msg, msg


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_picture_with_its_words_in_sight_builds(tmp_path: Path, lang: str) -> None:
    """A smaller but readable font, and a label of its own inside the drawing."""
    project = _project(tmp_path)
    for partial in ("timeline.svg", "depth-scale.svg"):
        path = project / PARTIALS / partial
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(GROUP, GROUP.replace("{{ font }}", "{{ font - 4 }}"), 1), encoding="utf-8")
    assert _load(project, lang) == []
