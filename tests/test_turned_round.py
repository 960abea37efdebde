"""A fact's words may not turn its passage round (the fourth no-hints attack, H1): "safe to use, and you will get the
same results" for "you won't get the same results"; a label "Ingredients to put on right after" for "avoid retinol
and acids"; a list item the passage does not name ("eczema"); a schedule that follows a plan the article does not
put before it ("your first session"); steps in another order than the article's; a Spanish wording that drops the English's "not". The build refuses each
(guide/data/meaning.py, guide/data/passages.py); each edit is made here from today's data, by key, so a correct edit of the
data leaves the test working. Both sides: the table of ordinary paraphrases below must pass."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import ROOT, entry

ARTICLE = ROOT / "sources" / "article.txt"


def _message(tmp_path: Path, key: str, new: str, file: str = "data/facts.yml") -> str:
    """The build's message for ``file`` with the entry ``key`` given the value ``new`` ("" if it loads)."""
    from guide.data.lang import load_wording
    from guide.data.loader import load_facts
    from guide.errors import GuideError, GuideErrors

    old = entry(key, file)
    path = tmp_path / Path(file).name
    path.write_text(old.replaced(f"{old.indent}{key.rsplit('.', 1)[-1]}: {new}\n"), encoding="utf-8")
    try:
        if file == "data/facts.yml":
            load_facts(path, file, ARTICLE)
        else:
            load_wording(path, file, load_facts(ROOT / "data" / "facts.yml", "data/facts.yml"))
    except (GuideError, GuideErrors) as exc:
        return str(exc)
    return ""


def _facts() -> dict[str, dict[str, Any]]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))
    return {f"facts.{g}.{n}": fact for g, items in data["facts"].items() for n, fact in items.items()}


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _negated_text_fact() -> tuple[str, str]:
    """A text fact whose value says something with a "not" (as its passage does), and that value."""
    for key, fact in _facts().items():
        if fact.get("kind") == "text" and re.search(r"\bnot\b", fact["value"]):
            return key, fact["value"]
    pytest.fail("no text fact with a 'not' in its value in data/facts.yml to edit")


def test_a_value_that_drops_its_passages_not_stops_the_build(tmp_path: Path) -> None:
    key, value = _negated_text_fact()
    message = _message(tmp_path, f"{key}.value", _quoted(re.sub(r"\s*\bnot\b", "", value, count=1)))
    assert "turn its passage round" in message and "says it with a 'not'" in message, message


def test_a_value_that_adds_a_not_stops_the_build(tmp_path: Path) -> None:
    from guide.data import meaning

    for key, fact in _facts().items():
        first = re.split(r"[,;]", fact.get("value", "") if fact.get("kind") == "text" else "")[0]
        plain = meaning.polarity(first)
        passage = meaning.polarity(fact.get("source", ""))
        if first and not meaning.NEGATORS.search(first) and any(passage.get(w) == {False} for w in plain):
            message = _message(tmp_path, f"{key}.value", _quoted("not " + fact["value"]))
            assert "turn its passage round" in message and "with no 'not'" in message, message
            return
    pytest.fail("no text fact whose value opens with words its passage says plainly")


def test_a_label_that_turns_a_lists_avoid_round_stops_the_build(tmp_path: Path) -> None:
    for key, fact in _facts().items():
        label = fact.get("label", "")
        if fact.get("kind") == "list" and re.search(r"\bavoid\b", label) and re.search(r"\bavoid\b", fact["source"]):
            message = _message(tmp_path, f"{key}.label", _quoted(re.sub(r"\bavoid\b", "put on", label)))
            assert "turn its passage round" in message, message
            return
    pytest.fail("no list fact labelled with 'avoid' as its passage says")


def test_a_label_that_says_a_list_suits_what_its_passage_steers_clear_of_stops_the_build(tmp_path: Path) -> None:
    key = next((k for k, f in _facts().items() if f.get("kind") == "list" and "steer clear" in f["source"]), None)
    assert key is not None, "no list fact whose passage says 'steer clear' in data/facts.yml"
    message = _message(tmp_path, f"{key}.label", '"Skin conditions it suits best"')
    assert "turn its passage round" in message, message


@pytest.mark.parametrize(("label", "turned"), [
    ("Skin conditions that rule it out", False), ("Skin conditions to steer clear of", False),
    ("Who it is not for", False), ("When to skip it", False),
    ("Skin conditions it suits best", True), ("Skin conditions it treats", True), ("Good candidates", True),
    ("Skin conditions with no reason to hold off", True), ("Who has no reason to skip it", True),
    ("When to wait until it clears up", False),
])
def test_a_label_over_a_steer_clear_list_on_both_sides(label: str, turned: bool) -> None:
    from guide.data import meaning

    passage = "steer clear of microneedling if you have eczema, rosacea, or very sensitive skin"
    assert (meaning.turned_round("eczema", passage, label) is not None) == turned


def test_a_list_joined_by_another_word_than_its_passage_stops_the_build(tmp_path: Path) -> None:
    for key, fact in _facts().items():
        said = set(re.findall(r"\b(and|or)\b", fact.get("source", "").lower()))
        if fact.get("kind") == "list" and fact.get("scope") == "complete" and len(said) == 1:
            other = "and" if said == {"or"} else "or"
            message = _message(tmp_path, f"{key}.joined_by", f'"{other}"')
            assert f"the passage joins this list with '{said.pop()}'" in message and f"{key}.joined_by" in message, message
            return
    pytest.fail("no complete list whose passage joins its items with one word")


def test_a_list_item_its_passage_does_not_name_stops_the_build(tmp_path: Path) -> None:
    for key, fact in _facts().items():
        if fact.get("kind") == "list" and fact.get("scope") == "examples" and "eczema" not in fact["source"].lower():
            items = ", ".join(_quoted(i) for i in fact["items"] + ["eczema"])
            message = _message(tmp_path, f"{key}.items", f"[{items}]")
            assert "shares no word with its source passage" in message and "'eczema'" in message, message
            return
    pytest.fail("no list of examples to edit (a complete list is held to its passage's list: tests/test_hostile.py)")


def test_steps_out_of_the_articles_order_stop_the_build(tmp_path: Path) -> None:
    key = next((k for k, f in _facts().items() if f.get("kind") == "list" and f.get("scope") == "complete"
                and len(f["items"]) > 2 and "step" in f.get("label", "").lower()), None)
    assert key is not None, "no complete list of steps in data/facts.yml"
    items = list(_facts()[key]["items"])
    items[0], items[1] = items[1], items[0]
    message = _message(tmp_path, f"{key}.items", "[" + ", ".join(_quoted(i) for i in items) + "]")
    assert "the list's items are not in the article's order" in message and f"Move '{items[1][:60]}' above" in message, message


def test_a_schedule_that_follows_another_plan_stops_the_build(tmp_path: Path) -> None:
    key = next((k for k, f in _facts().items() if f.get("starts_after")), None)
    assert key is not None, "no schedule with starts_after in data/facts.yml"
    message = _message(tmp_path, f"{key}.starts_after", '"your first session"')
    assert "not the one the article names before it" in message and "'your first session'" in message, message


def test_a_schedule_with_its_sessions_and_interval_swapped_stops_the_build(tmp_path: Path) -> None:
    key = next((k for k, f in _facts().items() if f.get("sessions") and f.get("every")), None)
    assert key is not None, "no schedule with both sessions and every in data/facts.yml"
    every = _facts()[key]["every"]
    message = _message(tmp_path, f"{key}.sessions", f"{{min: {every['min']}, max: {every['max']}}}")
    assert "as the time between sessions, and the fact as the number of sessions" in message, message
    assert f"{key}.sessions" in message, message


@pytest.mark.parametrize(("passage", "roles"), [
    ("you can microneedle every three to six months", {"every": ((3, 6), "months")}),
    ("plan to do one session per month for four to six months", {"every": ((1,), "months"), "sessions": ((4, 6), None)}),
    ("you can expect about four to six sessions to do the trick", {"sessions": ((4, 6), None)}),
    ("plan on coming in once a year for touch-ups", {"every": ((1,), "years")}),
    ("two sessions a month for three months", {}),
    ("results last for six months", {}),
])
def test_what_a_schedules_passage_gives_each_role(passage: str, roles: dict[str, object]) -> None:
    from guide.data import passages

    assert passages.schedule_roles(passage) == roles


def test_a_spanish_wording_that_drops_the_not_stops_the_build(tmp_path: Path) -> None:
    key, _ = _negated_text_fact()
    spanish = yaml.safe_load((ROOT / "data" / "facts.es.yml").read_text(encoding="utf-8"))
    group, name = key.split(".")[1:]
    value = spanish["facts"][group][name]["value"]
    assert re.search(r"\bno\b", value), f"the Spanish wording of {key} has no 'no' to drop: {value}"
    message = _message(tmp_path, f"{key}.value", _quoted(re.sub(r"\bno\s+", "", value, count=1)), "data/facts.es.yml")
    assert "drops the English's 'not'" in message, message


def test_a_spanish_label_that_drops_the_englishs_turn_stops_the_build(tmp_path: Path) -> None:
    from guide.data import meaning

    key = next((k for k, f in _facts().items() if f.get("kind") == "list" and meaning.turning_label(f.get("label", ""))
                and "steer clear" in f["source"]), None)
    assert key is not None, "no list fact under a turning label over a 'steer clear' passage in data/facts.yml"
    message = _message(tmp_path, f"{key}.label", '"Problemas de la piel para los que es ideal"', "data/facts.es.yml")
    assert "drops the English's 'not'" in message, message
    assert _message(tmp_path, f"{key}.label", '"Problemas de la piel que lo descartan"', "data/facts.es.yml") == ""


def _not_stated_key() -> str:
    key = next((k for k, f in _facts().items() if f.get("kind") == "not_stated" and "days" in f.get("note", "")), None)
    assert key is not None, "no not-stated fact whose note speaks of days in data/facts.yml"
    return key


@pytest.mark.parametrize(("note", "refused"), [
    ("The article gives no number of days.", None),
    ("The article does not say how many days.", None),
    ("The article gives no exact number of days.", None),
    ("The article gives no number of days; avoid the sun until then.", "the note gives advice ('avoid')"),
    ("The article gives no number of days, so wait until then.", "the note gives advice ('wait')"),
    ("The article gives no number of days; people stay indoors.", "the note says 'people'"),
])
def test_a_not_stated_note_says_only_what_the_article_leaves_out(tmp_path: Path, note: str, refused: str | None) -> None:
    message = _message(tmp_path, f"{_not_stated_key()}.note", _quoted(note))
    assert (message == "") if refused is None else (refused in message), message


def test_a_spanish_note_that_adds_advice_stops_the_build(tmp_path: Path) -> None:
    key = _not_stated_key()
    message = _message(tmp_path, f"{key}.note", '"El artículo no da un número de días; evite el sol."', "data/facts.es.yml")
    assert "the Spanish note gives advice ('evite')" in message, message
    assert _message(tmp_path, f"{key}.note", '"El artículo no da un número de días."', "data/facts.es.yml") == ""


# Both sides of the rule, on the words alone: (fact's words, its passage, its label, the word turned round or None).
TURNED = [
    ("safe to use, but you will not get the same results", "while they’re safe to use, you won’t get the same results", "", None),
    ("safe to use, and you will get the same results", "while they’re safe to use, you won’t get the same results", "", "get"),
    ("not safe to use", "while they’re safe to use, you won’t get the same results", "", "safe"),
    ("it uses no heat and works only mechanically", "because it doesn’t use heat and is totally mechanical", "", None),
    ("much shorter than in the office, and they do not go as deep",
     "The at-home devices have much shorter needles and don’t penetrate the skin as deep", "", None),
    ("much shorter than in the office, and they go just as deep",
     "The at-home devices have much shorter needles and don’t penetrate the skin as deep", "", "deep"),
    ("retinol", "You should also avoid retinol and acids", "Ingredients to avoid right after", None),
    ("retinol", "You should also avoid retinol and acids", "Ingredients to put on right after", "retinol"),
    ("a mask or serum, or even numbing the patient", "A lot of places won’t do a mask or serum, or even numb the patient",
     "What a lot of places leave out", None),
    ("a mask or serum, or even numbing the patient", "A lot of places won’t do a mask or serum, or even numb the patient",
     "What a lot of places offer", "mask"),
    ("your skin has inflamed or infected areas", "make sure there aren’t any inflamed or infected areas on your skin",
     "When to wait before a session", None),
    ("ideally, skip makeup for the rest of the day; it is totally safe to wear later that night",
     "avoid putting on makeup for the rest of the day, but it’s totally safe to wear later in the night", "", None),
    ("wear makeup for the rest of the day", "avoid putting on makeup for the rest of the day", "", "makeup"),
    ("skin stays smooth for much longer than the few days a facial gives",
     "so instead of looking good for a few days after your traditional facial, your skin is smooth", "", None),
    ("broad-spectrum and chemical-free", "a broad-spectrum, chemical-free sunscreen", "", None),
    # the sixth no-hints attack: a second negator that cancels the first
    ("there is no reason to skip makeup for the rest of the day",
     "avoid putting on makeup for the rest of the day", "", "makeup"),
    ("there is no need to avoid retinol", "You should also avoid retinol and acids", "", "retinol"),
    ("you should not use retinol", "You should also avoid retinol and acids", "", None),
]


@pytest.mark.parametrize(("text", "passage", "label", "turned"), TURNED)
def test_turned_round_on_both_sides(text: str, passage: str, label: str, turned: str | None) -> None:
    from guide.data import meaning

    assert meaning.turned_round(text, passage, label) == turned


# --- the guide's own words around a fact may not turn it round (the eighth no-hints attack) ---------------------------

UPKEEP_EN = "This plan is for skin that is generally fine, and that you take care of. "
UPKEEP_ES = "## Mantenimiento general\n\nEste plan es para la piel que en general está bien y que usted cuida. "
AVOID_OTHER = '\n\n{{ fact_list("candidates.avoid_other") }}'
WAIT_IF = '\n\n{{ fact_list("candidates.wait_if") }}'

NEGATED_REFUSED = {
    "en": [
        # H-H9: a doctor's advice inverted around its fact; H-B7, H-B8: a list's lead-in negated
        UPKEEP_EN + 'Dr. Nazarian says you should never have microneedling {{ fact("frequency.upkeep") }}.',
        UPKEEP_EN + 'Dr. Nazarian says you should not have microneedling {{ fact("frequency.upkeep") }}.',
        "The article says you do not need to skip it if:" + AVOID_OTHER,
        "The article says there is no reason to wait, even if:" + WAIT_IF,
        "The article says not to wait if:" + WAIT_IF,
        'Dr. Jaliman says there is no need to avoid {{ fact("aftercare.avoid_ingredients") }} right after.',
    ],
    "es": [
        UPKEEP_ES + 'La Dra. Nazarian dice que nunca se haga el tratamiento {{ fact("frequency.upkeep") }}.',
        "El artículo dice que no hace falta que deje el tratamiento si:" + AVOID_OTHER,
        "El artículo dice que no espere si:" + WAIT_IF,
        "Sin necesidad de esperar, el artículo dice que evite los exfoliantes en {{ fact(\"aftercare.avoid_scrubs\") }}.",
    ],
}
NEGATED_BUILDS = {
    "en": [
        UPKEEP_EN + 'Dr. Nazarian says you can have microneedling {{ fact("frequency.upkeep") }}.',
        "The article also says to skip it if:" + AVOID_OTHER, "The article says to wait if:" + WAIT_IF,
        '- Dr. Jaliman: no {{ fact("aftercare.avoid_ingredients", "or") }} right after treatment.',
        '- The article: no exfoliating scrubs in {{ fact("aftercare.avoid_scrubs") }}.',
        'Because home devices have shorter needles that do not go as deep, the article says home rollers are '
        '{{ fact("at_home.results") }}.',
        "The article does not give a figure.", "If you are not sure, ask.",
        'If you are not sure whether you have {{ fact("candidates.avoid_skin", "or") }}, ask a doctor.',
        'The number of weeks is {{ fact("aftercare.sunscreen_weeks") }}. The article does not say more.',
    ],
    "es": [
        UPKEEP_ES + 'La Dra. Nazarian dice que puede hacerse el tratamiento {{ fact("frequency.upkeep") }}.',
        "El artículo también dice que no se lo haga si:" + AVOID_OTHER, "El artículo dice que espere si:" + WAIT_IF,
        'La Dra. Jaliman dice que no se haga el tratamiento con microagujas si tiene {{ fact("candidates.avoid_skin", "or") }}.',
        'Si no está segura de si tiene {{ fact("candidates.avoid_skin", "or") }}, pregunte a un médico.',
        "El artículo no da ninguna cifra.",
        "Como los aparatos para el hogar tienen agujas más cortas que no llegan tan hondo, el artículo dice que los rodillos "
        'de microagujas para el hogar {{ fact("at_home.results") }}.',
    ],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in NEGATED_REFUSED.items() for text in rows])
def test_a_not_of_the_guides_own_beside_a_fact_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _refused

    msg = _refused(tmp_path, text, lang)
    assert "turns its fact round with '" in msg and "a 'not' in the guide's own words" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in NEGATED_BUILDS.items() for text in rows])
def test_a_not_the_fact_says_itself_or_that_doubts_nothing_builds(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _load, _project

    _load(_project(tmp_path, text, lang), lang)


PERMITTED_REFUSED = {
    # the mirror of H-B7: a lead-in or sentence that calls fine what its fact says to skip or avoid
    "en": ["The article says it is fine to have it even if:" + AVOID_OTHER, "The article says you can go ahead if:" + AVOID_OTHER,
           'Dr. Jaliman says it is fine to use {{ fact("aftercare.avoid_ingredients") }} right after.'],
    "es": ["El artículo dice que está bien hacérselo aunque:" + AVOID_OTHER],
}
PERMITTED_BUILDS = {
    "en": ['Can you wear makeup after your visit? {{ expert("nazarian") }}, says: {{ fact("aftercare.makeup") }}.',
           '{{ fact("aftercare.avoid_ingredients_for", "note") }} {{ suggestion() }} ask your provider when it is safe to '
           "start again."],
    "es": ['¿Puede maquillarse después de la visita? La {{ expert("nazarian") }}, dice: {{ fact("aftercare.makeup") }}.'],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in PERMITTED_REFUSED.items() for text in rows])
def test_fine_beside_a_fact_that_says_to_skip_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _refused

    msg = _refused(tmp_path, text, lang)
    assert "turns its fact round with '" in msg and "the fact's words say to avoid or skip it" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in PERMITTED_BUILDS.items() for text in rows])
def test_fine_where_the_fact_says_it_or_in_a_question_builds(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _load, _project

    _load(_project(tmp_path, text, lang), lang)

NUMBING_EN = 'The article says {{ fact("appointment.numbing_time") }} for the numbing cream to work. '
NUMBING_ES = 'El artículo dice que la crema para adormecer tarda {{ fact("appointment.numbing_time") }} en hacer efecto. '
LIMIT_REFUSED = {
    # H-B6: "always" or "never" with a length of time or a comparison overrides the fact's hedge ("typically about")
    "en": [NUMBING_EN + "It never takes longer than that.", NUMBING_EN + "It always works within that time.",
           "Pinkness never lasts longer than that.", "Scabs always fade sooner than you think."],
    "es": [NUMBING_ES + "Nunca tarda más que eso.", NUMBING_ES + "Siempre hace efecto como mucho en ese tiempo.",
           "Lo rosado nunca dura más de lo que cree."],
}
LIMIT_BUILDS = {
    "en": [NUMBING_EN + "It can take a while.", "Always ask your provider before you book.",
           "You can always ask for more than one opinion.", "As always, bring your questions.",
           "Never share your card number by email.",
           'Dr. Jaliman says to be strict about sunscreen during {{ fact("aftercare.sunscreen_when") }}.'],
    "es": [NUMBING_ES + "Puede tardar un rato.", "Pregunte siempre antes de reservar.",
           "Vuelva a su rutina de siempre cuando quiera leer más.", "Siempre puede pedir una segunda opinión."],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in LIMIT_REFUSED.items() for text in rows])
def test_always_or_never_with_a_length_of_time_in_the_guides_voice_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _refused

    msg = _refused(tmp_path, text, lang)
    assert "makes a clinical claim" in msg and "a limit the article does not give" in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in LIMIT_BUILDS.items() for text in rows])
def test_always_or_never_that_limits_nothing_builds(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _load, _project

    _load(_project(tmp_path, text, lang), lang)


# --- a doctor named in a heading or a block's title speaks for what is under it (H-E8, M-E7) ----------------------------

SUN_EN = ('{{ expert("jaliman") }}, advises a thick layer of a sunscreen that is {{ fact("aftercare.sunscreen_type") }}. '
          'Dr. Jaliman says it should have an SPF of {{ fact("aftercare.spf_min") }}.')
SUN_ES = 'La {{ expert("jaliman") }}, aconseja ponerse una capa abundante de protector solar {{ fact("aftercare.sunscreen_type") }}.'
AFTER = "\n\n## {}\n\nText."  # the fixture page's own facts go under a heading that names no one

UNDER_A_NAME_REFUSED = {
    "en": [(f"## Dr. Nazarian on sun protection\n\n{SUN_EN}" + AFTER.format("More"), "a heading that names Dr. Nazarian "
            "over Dr. Jaliman's words"),
           ('!!! tip "Dr. Jaliman’s tip"\n    Find the plan that sounds most like your goal, then talk it over with your '
            "provider.", "a title that names Dr. Jaliman over words that are none of hers"),
           ('!!! tip "Dr. Nazarian’s tip"\n    Dr. Jaliman says to avoid {{ fact("aftercare.avoid_ingredients") }}.',
            "a title that names Dr. Nazarian over Dr. Jaliman's words")],
    "es": [(f"## La Dra. Nazarian y la protección solar\n\n{SUN_ES}" + AFTER.format("Más"), "a heading that names Dra. "
            "Nazarian over Dra. Jaliman's words"),
           ('!!! tip "Consejo de la Dra. Jaliman"\n    Busque el plan que más se parezca a su meta.',
            "a title that names Dra. Jaliman over words that are none of hers")],
}
UNDER_A_NAME_BUILDS = {
    "en": [f"## Sun protection\n\n{SUN_EN}" + AFTER.format("More"), f"## Dr. Jaliman on sun protection\n\n{SUN_EN}"
           + AFTER.format("More"),
           '!!! tip "Dr. Jaliman’s tip"\n    Dr. Jaliman says to avoid {{ fact("aftercare.avoid_ingredients") }}.',
           '!!! info "Editor’s note"\n    Find the plan that sounds most like your goal.',
           "## What the article says\n\nThe number of weeks is {{ fact(\"aftercare.sunscreen_weeks\") }}." + AFTER.format("More")],
    "es": [f"## La Dra. Jaliman y la protección solar\n\n{SUN_ES}" + AFTER.format("Más"),
           '!!! tip "Consejo de la Dra. Jaliman"\n    La Dra. Jaliman dice que evite {{ fact("aftercare.avoid_ingredients") }}.',
           '!!! info "Nota de la redacción"\n    Busque el plan que más se parezca a su meta.'],
}


@pytest.mark.parametrize("lang, text, says", [(lang, text, says) for lang, rows in UNDER_A_NAME_REFUSED.items()
                                              for text, says in rows])
def test_a_doctor_named_over_what_she_did_not_say_stops_the_build(tmp_path: Path, lang: str, text: str, says: str) -> None:
    from test_reader_checks import _refused

    msg = _refused(tmp_path, text, lang)
    assert says in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in UNDER_A_NAME_BUILDS.items() for text in rows])
def test_a_heading_or_title_over_what_its_doctor_said_builds(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _load, _project

    _load(_project(tmp_path, text, lang), lang)


# --- a typed quotation keeps the condition its article sentence puts before it (H-E4) -------------------------------

def _conditioned_passage() -> tuple[str, str]:
    """The makeup passage's condition and what it holds for ("if you have prior commitments", "it’s totally safe to wear
    later in the night"), read from today's data: a correction of the article's words changes them here too (the
    eleventh new-editor trial corrected "totally" and these rows, typed out, failed)."""
    source = yaml.safe_load(entry("facts.aftercare.makeup", "data/facts.yml").text)["makeup"]["source"]
    condition, rest = source[source.index("if "):].split(", ", 1)
    return condition, rest


_CONDITION, _HOLDS = _conditioned_passage()
_CUT = _HOLDS.split(" ", 1)[1]  # the words after "it’s": "totally safe to wear later in the night"
_SHORT = " ".join(_CUT.split()[:4])
CONDITION_REFUSED = [
    ("en", f"Dr. Nazarian says it is “{_SHORT}” right away."),
    ("en", f"Dr. Nazarian says makeup is “{_CUT}.”"),
    ("es", f"La Dra. Nazarian dice que es «{_SHORT}» enseguida."),
]
CONDITION_BUILDS = [
    ("en", f"Dr. Nazarian says, “{_CONDITION}, {_HOLDS}.”"),
    ("en", "Dr. Nazarian says, “Working out by yourself is definitely good, but you’ll have more dramatic results and a "
           "better workout with a trainer.”"),
    ("en", "Dr. Nazarian calls it “needle in.”"),
    ("es", f"La Dra. Nazarian dice: «{_CONDITION}, {_HOLDS}»."),
]


@pytest.mark.parametrize("lang, text", CONDITION_REFUSED)
def test_a_quotation_that_drops_its_condition_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _refused

    msg = _refused(tmp_path, text, lang)
    assert f"a quotation that leaves out the condition before it, '{_CONDITION}" in msg, msg


@pytest.mark.parametrize("lang, text", CONDITION_BUILDS)
def test_a_quotation_with_its_condition_builds(tmp_path: Path, lang: str, text: str) -> None:
    from test_reader_checks import _load, _project

    _load(_project(tmp_path, text, lang), lang)
