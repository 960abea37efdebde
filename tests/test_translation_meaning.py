"""The Spanish wordings' words against the English they translate, through the bilingual lexicon
(guide/data/translation.py, data/lexicon.es.yml). Both sides: today's wording and ordinary rewordings load; a word the
lexicon lacks, a word the English does not say, a name the English lacks and a negation it lacks are refused with the
file, the line, the key, the word and the fix (the eighth no-hints attack: H-E13, H-E15, M-E16, and M-H2 in Spanish).
Every edit is found by its keys and worded from today's data, never from today's values."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.data import lang as langs
from guide.data import passages, translation
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


def test_every_word_the_lexicon_lacks_is_named_in_one_message(tmp_path: Path) -> None:
    """The eleventh new-editor trial met a quote's new words one build at a time: all of them are named at once."""
    key = "facts.candidates.avoid_skin.items"
    msg = _refused(tmp_path, key, _last_item(key, "piel grasa zarandeada"))
    assert "the Spanish wording uses 'grasa', 'zarandeada', which the bilingual lexicon" in msg, msg
    assert "add their stems to data/lexicon.es.yml" in msg, msg


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


# --- hedges: a Spanish wording keeps the English's "may", "helps", "ideally" and adds no hedge or absolute ---

def _hedged() -> list[tuple[str, str]]:
    """(key, hedge row) for each Spanish text value or item of today's data whose English has a hedge of
    ``translation.HEDGES``."""
    facts = load_facts(ROOT / EN, EN)
    want = langs.expected_wording(facts)
    out = []
    for path, english in want.items():
        if path[0] != "facts" or path[-1] not in ("value", "items"):
            continue
        texts = english if isinstance(english, list) else [english]
        for row in translation.HEDGES:
            if row.english is not None and any(isinstance(t, str) and row.english.search(t) for t in texts):
                out.append((".".join(str(p) for p in path), row.name))
    return out


def test_today_s_data_has_the_attacked_hedges() -> None:
    """The eleventh no-hints attack's H8 (recovery.worst_case, 'may') and the tenth's M3 and M4 (recovery.pain,
    'helps'; aftercare.makeup, 'ideally') are among the hedged wordings the test below cuts."""
    hedged = set(_hedged())
    for case in (("facts.recovery.worst_case.value", "may, might, can, could"), ("facts.recovery.pain.value", "helps"),
                 ("facts.aftercare.makeup.value", "ideally")):
        assert case in hedged, (case, sorted(hedged))


def _cut_hedge(text: str, row: translation.Hedge) -> str:
    """``text`` without the Spanish words of ``row`` (and an "a" or "es" they lead into: "ayuda a quitarlo" ->
    "quitarlo", "lo ideal es no usarlo" -> "no usarlo")."""
    cut = re.sub(rf"(?:{row.spanish.pattern})(?:\s+(?:a|es|que)(?![^\W\d_]))?\s*", "", text, flags=re.I)
    return re.sub(r"\s+", " ", cut).strip(" ,")


@pytest.mark.parametrize("key, hedge", _hedged())
def test_a_wording_without_the_english_hedge_is_refused(tmp_path: Path, key: str, hedge: str) -> None:
    """H8: "pueden salir unas pocas costras" made "salen unas pocas costras" ('may' dropped); M3: "ayuda a quitarlo"
    made "lo quita" ('helps'); M4: "lo ideal es no usarlo" made "no lo use" ('ideally')."""
    row = next(r for r in translation.HEDGES if r.name == hedge)
    assert row.english is not None
    english = langs.expected_wording(load_facts(ROOT / EN, EN))[tuple(key.split("."))]
    texts = english if isinstance(english, list) else [english]
    spanish = _es(key)
    if isinstance(spanish, list):
        cut: object = [_cut_hedge(s, row) if row.english.search(e) else s for s, e in zip(spanish, texts)]
    else:
        cut = _cut_hedge(spanish, row)
    assert cut != spanish
    msg = _refused(tmp_path, key, cut)
    assert "the Spanish wording leaves out the hedge of the English it translates" in msg, msg


def test_the_attacked_wording_with_its_modal_verb_merged_is_refused(tmp_path: Path) -> None:
    """H8 as the attack typed it: the modal and its verb made one present-tense verb ("pueden salir" -> "salen")."""
    key = "facts.recovery.worst_case.value"
    value = str(_es(key))
    merged = re.sub(r"(?i)\bpued\w*\s+(\w+?)ir\b", lambda m: m[1] + "en", value)
    assert merged != value
    msg = _refused(tmp_path, key, merged)
    assert "the Spanish wording leaves out the hedge of the English it translates ('may')" in msg, msg


def test_an_absolute_the_english_lacks_is_refused(tmp_path: Path) -> None:
    """'nunca' for the English 'not' passes the negation check, and 'todas' the lexicon (its 'over'): neither is
    the English's word."""
    key = "facts.device.home_needles.value"
    value = str(_es(key))
    assert re.search(r"\bno\b", value)
    msg = _refused(tmp_path, key, re.sub(r"\bno\b", "nunca", value, count=1))
    assert "the Spanish wording adds 'nunca' (never), which the English it translates does not say" in msg, msg
    key = "facts.appointment.steps.items"
    english = langs.expected_wording(load_facts(ROOT / EN, EN))[tuple(key.split("."))]
    at = next(i for i, (s, e) in enumerate(zip(_items(key), english)) if " las agujas" in s and not re.search(r"\ball\b", e))
    items = _items(key)
    items[at] = items[at].replace(" las agujas", " todas las agujas", 1)
    msg = _refused(tmp_path, key, items)
    assert "the Spanish wording adds 'todas' (all), which the English it translates does not say" in msg, msg


@pytest.mark.parametrize("spanish, english, found", [
    ("salen unas pocas costras", "a few scabs may pop up", [("dropped", "may, might, can, could", "may")]),
    ("pueden salir unas pocas costras", "a few scabs may pop up", []),
    ("quizás salgan unas pocas costras", "a few scabs pop up", [("added", "may, might, can, could", "quizás")]),
    ("se pueden usar con seguridad", "safe to use", []),
    ("la crema lo quita", "the cream helps take it away", [("dropped", "helps", "helps")]),
    ("no lo use el resto del día", "ideally, skip it for the rest of the day", [("dropped", "ideally", "ideally")]),
    ("tarda unos diez minutos", "it takes about ten minutes", []),
    ("tarda diez minutos", "it takes about ten minutes", [("dropped", "about", "about ")]),
    ("lo que dice sobre el dolor", "what it says about pain", []),
    ("suele tardar", "it takes", [("added", "usually, typically, generally", "suele")]),
    ("la zona que más se trata", "the area most often treated", []),
    ("siempre que tenga compromisos", "as long as you have plans", []),
    ("siempre", "in the weeks after", [("added", "always", "siempre")]),
    ("todos los pacientes", "the patients", [("added", "all", "todos")]),
    ("el dolor es mínimo", "experts agree the pain is minimal", [("dropped", "experts' word", "experts")]),
    # the twelfth no-hints attack: a degree and an "always" dropped
    ("piel sensible", "very sensitive skin", [("dropped", "very", "very")]),
    ("piel muy sensible", "very sensitive skin", []),
    ("las semanas siguientes", "the weeks after (and always)", [("dropped", "always", "always")]),
    # the fourteenth new-editor trial: "the first few days" is "los primeros días"; "a few days" keeps its "few"
    ("los primeros días después del tratamiento", "the first few days after treatment", []),
    ("unos días", "a few days", [("dropped", "a few", "a few")]),
])
def test_hedge_problems(spanish: str, english: str, found: list[tuple[str, str, str]]) -> None:
    assert [(how, row, word.strip()) for how, row, word in translation.hedge_problems(spanish, english)] == \
        [(how, row, word.strip()) for how, row, word in found]


def _clauses_swapped(key: str) -> str:
    """A value "A, pero B" as "B, pero A": each clause keeps its words."""
    first, second = str(_es(key)).split(", pero ", 1)
    return f"{second}, pero {first}"


def _modal_moved(key: str) -> str:
    """A value that opens with its modal and verb ("pueden salir ...") with them at the end ("... pueden salir")."""
    found = re.fullmatch(r"(?i)(pued\w*\s+\w+)\s+(.+)", str(_es(key)))
    assert found is not None, _es(key)
    return f"{found[2]} {found[1]}"


HEDGED_BUILDS: dict[str, Callable[[], tuple[str, object]]] = {
    "the makeup clauses the other way round, 'lo ideal' kept": lambda: (
        "facts.aftercare.makeup.value", _clauses_swapped("facts.aftercare.makeup.value")),
    "the scabs' modal verb after them": lambda: ("facts.recovery.worst_case.value", _modal_moved("facts.recovery.worst_case.value")),
}


@pytest.mark.parametrize("case", HEDGED_BUILDS, ids=list(HEDGED_BUILDS))
def test_a_rewording_that_keeps_the_hedge_builds(tmp_path: Path, case: str) -> None:
    key, value = HEDGED_BUILDS[case]()
    assert value != _es(key)
    _load(tmp_path, key, value)


# --- a "not" stays in its clause (the thirteenth no-hints attack, H2, H3; translation.clause_problems) ---

def _mixed() -> list[str]:
    """The keys of today's Spanish text values whose English has clauses (``translation.CLAUSES``) with a "not" in
    some only ("safe to use, but you will not get the same results")."""
    lexicon = translation.load_lexicon(LEXICON)
    want = langs.expected_wording(load_facts(ROOT / EN, EN))
    out = []
    for path, english in want.items():
        if path[0] == "facts" and path[-1] == "value" and isinstance(english, str):
            turns = {translation.negated(c, lexicon) for c in translation.clauses(english, "en")}
            if len(translation.clauses(english, "en")) > 1 and len(turns) > 1:
                out.append(".".join(str(p) for p in path))
    return out


def test_today_s_data_has_the_attacked_clauses() -> None:
    mixed = _mixed()
    for key in ("facts.at_home.results.value", "facts.aftercare.makeup.value"):
        assert key in mixed, (key, mixed)


def _spanish_clauses(key: str) -> tuple[str, str, str]:
    """A Spanish value "A, pero B" (or "A. B", "A; B") as (A, the join, B)."""
    value = str(_es(key))
    found = translation.CLAUSES["es"].search(value)
    assert found is not None, value
    return value[:found.start()], found[0], value[found.end():]


def _negation_moved(key: str) -> str:
    """The Spanish value with its "no" taken out of the clause that has it and put before the other clause (the
    attack's "no se pueden usar con seguridad, pero dan los mismos resultados")."""
    first, join, second = _spanish_clauses(key)
    has_no = [bool(re.search(r"(?i)\bno\b", c)) for c in (first, second)]
    assert has_no.count(True) == 1, (first, second)
    cut = [re.sub(r"(?i)\bno\s+", "", c, count=1) if n else "no " + c for c, n in zip((first, second), has_no)]
    return cut[0] + join + cut[1]


@pytest.mark.parametrize("key", _mixed())
def test_a_negation_moved_to_the_other_clause_is_refused(tmp_path: Path, key: str) -> None:
    """H2 (at_home.results) and H3 (aftercare.makeup): the "no" moved from one clause to the other keeps the count
    of negations and turns both clauses round."""
    moved = _negation_moved(key)
    msg = _refused(tmp_path, key, moved)
    assert "has no negation, and the English clause it translates has one" in msg, msg
    assert "says 'no', and the English clause it translates has no negation" in msg, msg


@pytest.mark.parametrize("key", _mixed())
def test_a_negation_moved_with_the_contrast_dropped_is_refused(tmp_path: Path, key: str) -> None:
    """The same with "pero" made "y": one Spanish clause for the English's two, and the build cannot tell where
    the "not" sits."""
    moved = _negation_moved(key)
    joined = translation.CLAUSES["es"].sub(" y ", moved, count=1)
    assert joined != moved
    msg = _refused(tmp_path, key, joined)
    assert "the build cannot tell which Spanish clause keeps it" in msg, msg


def _as_sentences(key: str) -> str:
    """"A, pero B" as two sentences: "A. B" (the second capitalised)."""
    first, _join, second = _spanish_clauses(key)
    return f"{first}. {second[0].upper()}{second[1:]}"


def _opened_with_aunque(key: str) -> str:
    """"A, pero B" as "aunque B, A": the same two clauses, the contrast first."""
    first, _join, second = _spanish_clauses(key)
    return f"aunque {second}, {first}"


def _joined_with_y(key: str) -> str:
    """"A, pero B" as "A, y B"."""
    first, _join, second = _spanish_clauses(key)
    return f"{first}, y {second}"


CLAUSE_BUILDS: dict[str, Callable[[], tuple[str, object]]] = {
    "the results as two sentences": lambda: ("facts.at_home.results.value", _as_sentences("facts.at_home.results.value")),
    "the results opened with 'aunque'": lambda: ("facts.at_home.results.value",
                                                  _opened_with_aunque("facts.at_home.results.value")),
    "the results joined with ', y'": lambda: ("facts.at_home.results.value", _joined_with_y("facts.at_home.results.value")),
    "the makeup as two sentences": lambda: ("facts.aftercare.makeup.value", _as_sentences("facts.aftercare.makeup.value")),
}


@pytest.mark.parametrize("case", CLAUSE_BUILDS, ids=list(CLAUSE_BUILDS))
def test_a_rewording_that_keeps_each_not_in_its_clause_builds(tmp_path: Path, case: str) -> None:
    key, value = CLAUSE_BUILDS[case]()
    assert value != _es(key)
    _load(tmp_path, key, value)


@pytest.mark.parametrize("spanish, english, found", [
    ("se pueden usar, pero no dan resultados", "safe to use, but you will not get results", 0),
    ("no se pueden usar, pero dan resultados", "safe to use, but you will not get results", 2),
    ("no dan resultados; se pueden usar", "safe to use; you will not get results", 0),
    ("se pueden usar y no dan resultados", "safe to use, but you will not get results", 1),
    ("no se pueden usar, pero no dan resultados", "not safe to use, but you will not get results", 0),
    ("se pueden usar, pero no dan resultados", "not safe to use, but you will not get results", 1),
    ("no dan resultados", "you will not get results", 0),  # one clause: the whole value's check
])
def test_clause_problems(spanish: str, english: str, found: int) -> None:
    assert len(translation.clause_problems(spanish, english, translation.load_lexicon(LEXICON))) == found


# --- "a few" is kept (the thirteenth no-hints attack, L2) ---

def test_the_attacked_few_is_among_the_hedged_wordings() -> None:
    """L2: recovery.scab_fade's "unos pocos días" made "unos días"; the cut test above cuts its "pocos"."""
    assert ("facts.recovery.scab_fade.value", "a few") in set(_hedged())


@pytest.mark.parametrize("spanish, english, found", [
    ("unos días", "a few days", [("dropped", "a few", "a few")]),
    ("unos pocos días", "a few days", []),
    ("un par de días", "a couple of days", []),
    ("los días que da un facial", "the few days a facial gives", [("dropped", "a few", "few")]),
    ("los pocos días que da un facial", "the few days a facial gives", []),
])
def test_a_few_is_kept(spanish: str, english: str, found: list[tuple[str, str, str]]) -> None:
    assert [(how, row, word.strip()) for how, row, word in translation.hedge_problems(spanish, english)] == found


def test_a_wording_that_translates_one_clause_of_two_is_left_to_the_other_checks() -> None:
    """A note shortened to its own clause ("El artículo no da un número de días.") has nothing to align: the whole
    value's checks stand (tests/test_turned_round.py)."""
    lexicon = translation.load_lexicon(LEXICON)
    english = "Dr. Jaliman says they are too strong, but the article gives no number of days."
    assert translation.clause_problems("El artículo no da un número de días.", english, lexicon) == []
    assert translation.clause_problems("Lo dice la Dra. Jaliman, y el artículo no da un número de días.", english,
                                       lexicon) == []


# --- a Spanish label keeps the English's word of degree (the thirteenth no-hints attack, M4) ---

def _degree_labels() -> list[str]:
    """The keys of today's Spanish labels and for_whom whose English has a word of degree ("Dramatic ...")."""
    want = langs.expected_wording(load_facts(ROOT / EN, EN))
    return [".".join(str(p) for p in path) for path, english in want.items()
            if path[0] == "facts" and path[-1] in ("label", "for_whom") and isinstance(english, str)
            and re.search(rf"(?i)\b(?:{'|'.join(passages.DEGREE_ADJECTIVES)})\b", english)]


def test_today_s_data_has_the_attacked_spanish_degree() -> None:
    assert "facts.frequency.acne_scarring.label" in _degree_labels(), _degree_labels()


@pytest.mark.parametrize("key", _degree_labels())
def test_a_spanish_label_without_the_english_degree_is_refused(tmp_path: Path, key: str) -> None:
    """M4 in Spanish: "Cicatrices de acné muy marcadas" made "Cicatrices de acné"; the lexicon's words for the
    English's degree word are cut."""
    english = str(langs.expected_wording(load_facts(ROOT / EN, EN))[tuple(key.split("."))])
    degree = re.search(rf"(?i)\b(?:{'|'.join(passages.DEGREE_ADJECTIVES)})\b", english)
    assert degree is not None
    lexicon = translation.load_lexicon(LEXICON)
    value = str(_es(key))
    kept = [t.word for t in translation.read(value, lexicon)
            if t.kind == "word" and any(translation._says([degree[0].lower()], s) for s in t.english)]
    assert kept, (value, degree[0])
    cut = re.sub(r"\s+", " ", value.replace(kept[0], "")).strip()
    msg = _refused(tmp_path, key, cut)
    assert f"the Spanish wording leaves out the English's '{degree[0]}'" in msg, msg
