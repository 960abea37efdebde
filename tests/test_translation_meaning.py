"""The Spanish wordings' words against the English they translate, through the bilingual lexicon
(guide/data/translation.py, data/lexicon.es.yml). Both sides: today's wording and ordinary rewordings load; a word the
lexicon lacks, a word the English does not say, a name the English lacks and a negation it lacks are refused with the
file, the line, the key, the word and the fix (the eighth no-hints attack: H-E13, H-E15, M-E16, and M-H2 in Spanish).
Every edit is found by its keys and worded from today's data, never from today's values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.data import lang as langs
from guide.data import translation
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors
from support import ROOT, entry

EN = "data/facts.yml"
ES = "data/facts.es.yml"
LEXICON = ROOT / translation.LEXICON


def _es(key: str) -> Any:
    return yaml.safe_load(entry(key, ES).text)[key.rsplit(".", 1)[1]]


def _items(key: str) -> list[str]:
    return [str(item) for item in _es(key)]


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def _load(tmp_path: Path, key: str, value: object, lexicon: Path | None = None) -> None:
    """Load the real Spanish wording with the entry ``key`` given ``value`` (a text, or a list of texts)."""
    found = entry(key, ES)
    shown = _flow(value) if isinstance(value, list) else f'"{value}"'
    path = tmp_path / "facts.es.yml"
    path.write_text(found.replaced(f"{found.indent}{key.rsplit('.', 1)[1]}: {shown}\n"), encoding="utf-8")
    langs.load_wording(path, ES, load_facts(ROOT / EN, EN), lexicon=lexicon)


def _refused(tmp_path: Path, key: str, value: object, lexicon: Path | None = None) -> str:
    with pytest.raises((GuideError, GuideErrors)) as info:
        _load(tmp_path, key, value, lexicon)
    msg = str(info.value)
    assert f"{ES}:{entry(key, ES).line}:" in msg and "Fix: " in msg, msg
    return msg


def _last_item(key: str, new: str) -> list[str]:
    return _items(key)[:-1] + [new]


def test_today_s_wording_uses_the_lexicon_and_says_what_the_english_says() -> None:
    facts = load_facts(ROOT / EN, EN)
    want = langs.expected_wording(facts)
    have = langs.leaves(yaml.safe_load((ROOT / ES).read_text(encoding="utf-8")))
    assert translation.problems(want, have, facts, {}, ES, EN, translation.load_lexicon(LEXICON)) == []
    langs.load_wording(ROOT / ES, ES, facts)


# --- refused: the eighth no-hints attack's inputs ---

def test_a_list_item_replaced_by_a_condition_the_english_does_not_name_is_refused(tmp_path: Path) -> None:
    """H-E13: "piel muy sensible" made "piel grasa" (oily skin), in Dr. Jaliman's list of reasons to avoid it."""
    key = "facts.candidates.avoid_skin.items"
    msg = _refused(tmp_path, key, _last_item(key, "piel grasa"))
    assert "the Spanish wording uses 'grasa', which the bilingual lexicon (data/lexicon.es.yml) does not have" in msg, msg
    assert f"(at {key}[{len(_items(key)) - 1}])" in msg and "add its stem to data/lexicon.es.yml" in msg, msg


def test_a_new_word_in_the_lexicon_still_needs_its_english(tmp_path: Path) -> None:
    """The same with "grasa" added to the lexicon (as "oily"): the English item does not say it."""
    lexicon = tmp_path / "lexicon.es.yml"
    lexicon.write_text(LEXICON.read_text(encoding="utf-8").replace("\nwords:\n", "\nwords:\n  gras: [oily]\n"), encoding="utf-8")
    key = "facts.candidates.avoid_skin.items"
    msg = _refused(tmp_path, key, _last_item(key, "piel grasa"), lexicon)
    assert "the Spanish wording says 'grasa' ('oily'), and the English it translates does not" in msg, msg


def test_all_skin_colors_narrowed_to_light_skin_is_refused(tmp_path: Path) -> None:
    """H-E15: "todos los colores y tipos de piel" made "las pieles claras"."""
    msg = _refused(tmp_path, "facts.candidates.skin_types.value", "las pieles claras")
    assert "the Spanish wording uses 'claras'" in msg, msg


def test_a_role_swapped_for_the_other_doctor_s_is_refused(tmp_path: Path) -> None:
    """M-E16: Dr. Nazarian's short role given Dr. Jaliman's ("dermatóloga"): the English says she is not."""
    other = str(_es("experts.jaliman.short_role"))
    msg = _refused(tmp_path, "experts.nazarian.short_role", other)
    assert f"the Spanish wording says '{other}'" in msg and "and the English it translates does not" in msg, msg


def test_a_negation_the_english_does_not_have_is_refused(tmp_path: Path) -> None:
    key = "facts.recovery.feel_after.value"
    msg = _refused(tmp_path, key, f"no {_es(key)}")
    assert "the Spanish wording says 'no', and the English it translates has no negation" in msg, msg


def test_a_name_the_english_does_not_have_is_refused(tmp_path: Path) -> None:
    key = "facts.recovery.feel_after.value"
    msg = _refused(tmp_path, key, f"{_es(key)} Tensage")
    assert "the Spanish wording names 'Tensage', and the English it translates does not" in msg, msg


def test_an_at_least_figure_labelled_a_maximum_in_spanish_is_refused(tmp_path: Path) -> None:
    """M-H2 in Spanish: the label of an "at least" figure says "máximo" (or "como mucho")."""
    key = "facts.aftercare.spf_min.label"
    words = str(_es(key)).split()
    for said in ("máximo", "como mucho"):
        msg = _refused(tmp_path, key, " ".join([words[0], said, *words[2:]]))
        assert f"the label says '{said}', and the fact's figure is 'at least' it" in msg, msg


def test_a_missing_lexicon_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as info:
        translation.load_lexicon(tmp_path / "lexicon.es.yml")
    assert "the bilingual lexicon is missing" in str(info.value) and "git checkout -- data/lexicon.es.yml" in str(info.value)


# --- must build: ordinary inflection and a faithful rewording ---

def _plural(key: str) -> list[str]:
    """The last item of a list in the plural: "piel muy sensible" -> "pieles muy sensibles"."""
    last = _items(key)[-1]
    return _last_item(key, " ".join(w + ("es" if w.endswith("l") else "s" if w.endswith("e") else "") for w in last.split()))


def _swapped(key: str) -> str:
    """A value "A y B" as "B y A"."""
    first, second = str(_es(key)).split(" y ", 1)
    return f"{second} y {first}"


BUILDS: dict[str, Callable[[], tuple[str, object]]] = {
    "a list item in the plural": lambda: ("facts.candidates.avoid_skin.items", _plural("facts.candidates.avoid_skin.items")),
    "the colors and types reworded": lambda: ("facts.candidates.skin_types.value", "todos los tipos y colores de la piel"),
    "a value's two words in the other order": lambda: ("facts.recovery.feel_after.value", _swapped("facts.recovery.feel_after.value")),
    "an item with its verb in another form": lambda: ("facts.at_home.how_to_use.items",
                                                      ["Úsela sobre la piel bien limpia."] + _items("facts.at_home.how_to_use.items")[1:]),
    "a label in the feminine": lambda: ("facts.aftercare.spf_min.label", "FPS mínima del protector solar"),
}


@pytest.mark.parametrize("case", BUILDS, ids=list(BUILDS))
def test_ordinary_inflection_and_faithful_rewording_build(tmp_path: Path, case: str) -> None:
    key, value = BUILDS[case]()
    assert value != _es(key)
    _load(tmp_path, key, value)


@pytest.mark.parametrize("text, kinds", [
    ("pieles muy sensibles", ["word", "word", "word"]),
    ("Úselo sobre la piel", ["word", "function", "function", "word"]),
    ("sin falta", ["word"]),
    ("no usa calor", ["word", "word"]),
    ("piel grasa", ["word", "unknown"]),
    ("nunca", ["negation"]),
])
def test_words_are_read_by_their_stems(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in translation.read(text, translation.load_lexicon(LEXICON))] == kinds


def _with_english(word: str) -> list[str]:
    """The keys of today's Spanish text values whose English value has ``word`` ("if", "won't")."""
    english = load_facts(ROOT / EN, EN).all_facts()
    return [f"facts.{key}.value" for key, fact in english.items()
            if fact.kind == "text" and word in f" {getattr(fact, 'value', '')} ".replace(",", " ").split()]


@pytest.mark.parametrize("key", _with_english("if"))
def test_a_wording_without_the_english_condition_is_refused(tmp_path: Path, key: str) -> None:
    """The ninth no-hints attack (H6): the makeup wording with its "si tiene compromisos" dropped."""
    value = str(_es(key))
    cut = " ".join(w for w in value.split() if w.lower() not in ("si", "salvo", "cuando")).strip()
    msg = _refused(tmp_path, key, cut)
    assert "the Spanish wording leaves out the condition of the English it translates ('if')" in msg, msg


def test_today_s_data_has_a_conditioned_text() -> None:
    assert _with_english("if"), "no English text value with 'if': the test above checks nothing"
