"""Words that change a fact's meaning (guide/data/meaning.py): held to the source passage in data/facts.yml,
and to the English they translate in data/facts.es.yml. Both sides: today's data loads, and each
rewording of the second review (issue 23) is refused with the file, the line, the key and the word."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.data import lang as langs
from guide.data import meaning
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors
from support import ROOT

EN = "data/facts.yml"
ES = "data/facts.es.yml"


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the test's line is no longer in {name}: {old}"
    path = tmp_path / Path(name).name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1


def test_todays_data_keeps_the_meaning_of_its_passages() -> None:
    facts = load_facts(ROOT / EN, EN)
    langs.load_wording(ROOT / ES, ES, facts)


ENGLISH = [
    ('value: "experts agree the pain is minimal during the procedure, and the numbing cream helps take it away"',
     'value: "severe during the procedure, as experts agree, and numbing cream does not help"', "recovery.pain.value",
     ["'severe' (a severity)", "'not' (a negation)"]),
    ('value: "a few tiny pinpoint scabs may pop up"', 'value: "permanent scarring and serious infection are common"',
     "recovery.worst_case.value", ["'permanent' (permanence)", "'serious' (a severity)", "'common' (a frequency)",
                                    "'infection' (an infection)", "'scarring' (a scar)"]),
]


@pytest.mark.parametrize("old, new, key, says", ENGLISH, ids=[k for _, _, k, _ in ENGLISH])
def test_an_english_value_that_turns_its_passage_is_refused(tmp_path: Path, old: str, new: str, key: str,
                                                            says: list[str]) -> None:
    path = _edited(tmp_path, EN, old, new)
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, EN)
    msg = str(info.value)
    for word in says:
        assert f"{EN}:{_line(path, new)}: the fact's words say {word}, and its source passage does not (at facts.{key})" in msg, msg
    assert "Fix: " in msg and "guide/data/meaning.py" in msg


SPANISH = [
    ('value: "pueden salir unas pocas costras puntiformes muy pequeñas"', 'value: "la ceguera es frecuente"',
     "facts.recovery.worst_case.value", "wording", ["'ceguera' (blindness)", "'frecuente' (a frequency)"]),
    (next(row.strip() for row in (ROOT / ES).read_text(encoding="utf-8").split("tricking:", 1)[1].splitlines()
          if row.strip().startswith("text:")),  # the quote's Spanish as it stands today
     'text: "Es totalmente seguro durante el embarazo"', "quotes.tricking.text", "quote",
     ["'seguro' (safety or risk)", "'embarazo' (pregnancy)"]),
]


@pytest.mark.parametrize("old, new, key, what, says", SPANISH, ids=[k for _, _, k, _, _ in SPANISH])
def test_a_spanish_wording_that_says_more_than_the_english_is_refused(tmp_path: Path, old: str, new: str, key: str,
                                                                      what: str, says: list[str]) -> None:
    path = _edited(tmp_path, ES, old, new)
    with pytest.raises((GuideError, GuideErrors)) as info:
        langs.load_wording(path, ES, load_facts(ROOT / EN, EN))
    msg = str(info.value)
    for word in says:
        assert f"{ES}:{_line(path, new)}: the Spanish {what} says {word}, and the English it translates does not " \
               f"(at {key})" in msg, msg


@pytest.mark.parametrize("text, lang, backing", [
    ("sin químicos", "es", "chemical-free"),
    ("pinpoint scabs", "en", "punctate scabs"),  # a paraphrase with no meaning word builds
    ("it is not painful", "en", "it does not hurt"),  # a negation where the passage has one
    ("no funciona", "es", "it can render the procedure ineffective"),
    ("demasiado fuertes", "es", "too strong"),
])
def test_a_meaning_word_backed_by_its_kind_is_kept(text: str, lang: str, backing: str) -> None:
    assert meaning.unsupported(text, lang, [(backing, "en")]) == []


def test_each_kind_has_english_and_spanish_words() -> None:
    for kind, (english, spanish) in meaning.MEANING.items():
        assert english and spanish, kind
        assert meaning.kinds(english[0].strip("*"), "en") >= {kind} and meaning.kinds(spanish[0].strip("*"), "es") >= {kind}


def test_a_spanish_label_is_our_name_for_the_fact_and_is_not_held_to_the_english(tmp_path: Path) -> None:
    """'Cuántas semanas usar el protector solar sin falta' names 'How many weeks to be strict about sunscreen':
    a label is our wording, in English as in Spanish, so its words are not held to the source (values,
    items and quotes are)."""
    path = _edited(tmp_path, ES, 'label: "Cuántas semanas usar el protector solar sin falta"',
                   'label: "Cuántas semanas usar el protector solar, sin falta"')
    langs.load_wording(path, ES, load_facts(ROOT / EN, EN))


# --- the glossary: a narrower kind of a word, and a degree the article's words contradict (the thirteenth
# no-hints attack, H10 and M7) ---

GLOSSARY = {"en": "includes/abbreviations.md", "es": "includes/abbreviations.es.md"}


def _facts(lang: str) -> object:
    english = load_facts(ROOT / EN, EN)
    return english if lang == "en" else langs.load_wording(ROOT / ES, ES, english)


def _glossary(tmp_path: Path, lang: str, term: str, meaning_of: object = None) -> list[tuple[str, str]]:
    """The real glossary of ``lang`` read by the build's check, with ``term``'s meaning made ``meaning_of(old)``."""
    from guide.build import library

    text = (ROOT / GLOSSARY[lang]).read_text(encoding="utf-8")
    if meaning_of is not None:
        old = next(line for line in text.splitlines() if line.startswith(f"*[{term}]: "))
        new = f"*[{term}]: " + meaning_of(old.split("]: ", 1)[1])  # type: ignore[operator]
        text = text.replace(old, new)
    path = tmp_path / Path(GLOSSARY[lang]).name
    path.write_text(text, encoding="utf-8")
    return library._glossary(path, GLOSSARY[lang], lang, _facts(lang), ROOT / "sources" / "article.txt")  # type: ignore[arg-type]


def _glossary_refused(tmp_path: Path, lang: str, term: str, meaning_of: object) -> str:
    with pytest.raises((GuideError, GuideErrors)) as info:
        _glossary(tmp_path, lang, term, meaning_of)
    return str(info.value)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_today_s_glossaries_build(tmp_path: Path, lang: str) -> None:
    assert _glossary(tmp_path, lang, "")


def test_a_mild_kind_set_apart_from_the_warned_one_is_refused(tmp_path: Path) -> None:
    """H10 as the attack typed it: rosacea made a mild redness "different from the rosacea that rules out treatment"."""
    msg = _glossary_refused(tmp_path, "en", "rosacea", lambda old: "A mild redness of the cheeks, different from the "
                            "rosacea that rules out treatment (our definition).")
    assert "a glossary meaning that leaves something out of the word ('different from')" in msg, msg


@pytest.mark.parametrize("lang, term, meaning_of, says", [
    ("en", "rosacea", lambda old: old.replace("A ", "A mild ", 1), "('mild')"),
    ("en", "rosacea", lambda old: old.replace(" (our", ", unlike the kind that rules out treatment (our", 1), "('unlike')"),
    ("en", "rosacea", lambda old: old.replace(" (our", ", not the same as the one in the warning (our", 1),
     "('not the"),
    ("es", "rosácea", lambda old: old.replace(" (nuestra", ", distinta de la que descarta el tratamiento (nuestra", 1),
     "('distinta de')"),
    ("es", "rosácea", lambda old: old.replace(" (nuestra", ", a diferencia de la que descarta el tratamiento (nuestra", 1),
     "('a diferencia de')"),
    ("es", "rosácea", lambda old: old.replace("enrojecimiento", "enrojecimiento leve", 1), "('leve')"),
])
def test_a_narrower_kind_of_a_condition_is_refused(tmp_path: Path, lang: str, term: str, meaning_of: object,
                                                    says: str) -> None:
    msg = _glossary_refused(tmp_path, lang, term, meaning_of)
    assert f"a glossary meaning that leaves something out of the word {says}" in msg, msg


@pytest.mark.parametrize("lang, term, meaning_of, word", [
    ("en", "retinol", lambda old: old.replace("A form", "A mild form", 1), "mild"),  # M7 as the attack typed it
    ("es", "retinol", lambda old: old.replace("Una forma", "Una forma suave", 1), "suave"),
    ("en", "retinol", lambda old: old.replace("A form", "A gentle form", 1), "gentle"),
])
def test_a_degree_the_article_s_words_contradict_is_refused(tmp_path: Path, lang: str, term: str, meaning_of: object,
                                                             word: str) -> None:
    """M7: retinol called a mild form of vitamin A, where the article says "too strong right after"."""
    msg = _glossary_refused(tmp_path, lang, term, meaning_of)
    assert f"a glossary meaning that calls it '{word}', and the article's words about it say 'strong'" in msg, msg


@pytest.mark.parametrize("lang, term, meaning_of", [
    ("en", "rosacea", lambda old: "A skin condition that makes the face red and bumpy (our definition)."),
    ("en", "serum", lambda old: old.replace("light", "mild", 1)),  # the article's own word for the serum
    ("es", "sérum", lambda old: old.replace("ligero", "suave", 1)),
    ("en", "broad-spectrum", None),  # "not just the ones that cause sunburn" widens
])
def test_a_faithful_rewording_of_a_meaning_builds(tmp_path: Path, lang: str, term: str, meaning_of: object) -> None:
    assert _glossary(tmp_path, lang, term, meaning_of)


@pytest.mark.parametrize("text, lang, word", [
    ("A mild redness of the cheeks", "en", "mild"),
    ("A mild soap for the face", "en", None),  # no condition: the degree rule's (degree_against_facts)
    ("Un enrojecimiento leve de las mejillas", "es", "leve"),
    ("Skin unlike any other", "en", "unlike"),
    ("A condition that is different from eczema", "en", "different from"),
    ("Medicines that slow blood clotting", "en", None),
])
def test_narrows(text: str, lang: str, word: str | None) -> None:
    assert meaning.narrows(text, lang) == word
