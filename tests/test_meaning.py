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
