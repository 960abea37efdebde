"""Each fact's figures against its passage in the article (guide/data/passages.py), both sides.

A figure must stand in one piece of its passage, as numbers (digits or words, never "a" for one), in
count and order ("four to six" for 4 to 6; "six" alone for 6 to 6), and the fact's qualifier must be
the hedge the passage writes before it. The build runs this (``load_facts`` with the article).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.data import numbers, passages, schema
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors
from support import ROOT, entry

REAL = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
ARTICLE = ROOT / "sources" / "article.txt"

def _edit(*edits: tuple[str, str | None]) -> str:
    """data/facts.yml with each entry (found by its keys, whatever its value today) replaced by the line given
    after the entry's own indent, or removed (``None``)."""
    text = REAL
    for key, line in edits:
        found = entry(key, text=text)
        text = found.replaced("" if line is None else found.indent + line + "\n")
    return text


def _value(key: str) -> Any:
    return yaml.safe_load(entry(key).text)[key.rsplit(".", 1)[1]]


def _g(number: float) -> str:
    return f"{number:g}"


def _one_end_twice(key: str) -> tuple[str, str]:
    """A range whose low end is set to its high end ("6 to 6")."""
    name = key.rsplit(".", 1)[1]
    figure = dict(_value(key))
    figure["min"] = figure["max"]
    shown = ", ".join(f"{k}: {v}" for k, v in figure.items())
    return _edit((key, f"{name}: {{{shown}}}")), f"does not give {_g(figure['max'])} as one figure"


def _no_hedge() -> tuple[str, str]:
    spf = "facts.aftercare.spf_min"
    return (_edit((f"{spf}.qualifier", None)),
            f"the passage says '{_value(spf + '.qualifier')}' before {_g(_value(spf + '.value'))}, and the fact has no qualifier")


def _a_read_as_one() -> tuple[str, str]:
    """The passage cut before its hedge and number ("a broad-spectrum ... sunscreen"), the value made 1: "a" is no number."""
    spf = "facts.aftercare.spf_min"
    source, hedge = _value(spf + ".source"), _value(spf + ".qualifier")
    cut = source[:source.index(hedge)].split()[:-1]  # the words before the hedge, less the one joining it ("with")
    return (_edit((f"{spf}.value", "value: 1"), (f"{spf}.qualifier", None), (f"{spf}.source", f'source: "{" ".join(cut)}"')),
            "the number 1 is not in this fact's source passage")


def _spliced(reorder: bool) -> tuple[str, str]:
    """The body-sessions passage ("When it comes to ..., you can expect about four to six sessions ...") cut at
    its comma: the two pieces swapped, or its range split in two pieces with "..."."""
    key = "facts.frequency.body.source"
    first, second = _value(key).split(", ", 1)
    if reorder:
        return _edit((key, f'source: "{second} ... {first}"')), "the pieces of the source passage are not in the article's order"
    run = next(r for r in numbers.runs(second) if len(r.values) == 2)
    cut = second.rindex(" ", run.start, run.end)
    return (_edit((key, f'source: "{second[:cut]} ...{second[cut:]}"')),
            f"does not give {_g(run.values[0])} to {_g(run.values[1])} as one figure")


def _unit(key: str, unit: str) -> tuple[str, str]:
    name = key.rsplit(".", 1)[1]
    value = _value(key)
    if isinstance(value, dict):
        shown = ", ".join(f"{k}: {unit if k == 'unit' else v}" for k, v in value.items())
        return _edit((key, f"{name}: {{{shown}}}")), f"the unit '{unit}' is not in this fact's source passage"
    return _edit((key, f'{name}: "{unit}"')), f"the unit '{unit}' is not in this fact's source passage"


REFUSED: dict[str, Callable[[], tuple[str, str]]] = {
    # name: the data file as the mistake leaves it (every edit found by its keys, worded from today's values),
    # and what the message says
    "a range made of one end twice (6 to 6)": lambda: _one_end_twice("facts.frequency.body.sessions"),
    "a schedule's range made of one end twice": lambda: _one_end_twice("facts.frequency.upkeep.every"),
    "'at least' changed to 'up to'": lambda: (_edit(("facts.aftercare.spf_min.qualifier", 'qualifier: "up to"')),
                                              "the qualifier 'up to' is not what the passage says"),
    "the article's hedge dropped": _no_hedge,
    "'a' read as one": _a_read_as_one,
    "a passage spliced out of order": lambda: _spliced(True),
    "a range spliced from two pieces": lambda: _spliced(False),
    # the third no-hints attack: the numbers kept, the unit changed ("10 to 20 days", "every 3 to 6 weeks")
    "minutes changed to days": lambda: _unit("facts.appointment.numbing_time.unit", "days"),
    "months changed to weeks": lambda: _unit("facts.frequency.upkeep.every", "weeks"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_figure_its_passage_does_not_write_stops_the_build(tmp_path: Path, case: str) -> None:
    text, says = REFUSED[case]()
    assert text != REAL
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert says in msg and "data/facts.yml:" in msg and "Fix: " in msg, msg


def test_a_number_inside_the_passage_s_number_stops_the_build(tmp_path: Path) -> None:
    """The needle count's first digit alone ('1' where the passage says '11'): a number must stand as a
    number in its passage, never as a piece of another. Worded from today's value, found by its key."""
    needle = entry("facts.device.needle_count.value")
    today = str(yaml.safe_load(needle.text)["value"])
    inner = today[:-1] if len(today) > 1 else str(int(today) + 10)  # '11' -> '1'; a one-digit count: a number not there
    path = tmp_path / "facts.yml"
    path.write_text(needle.replaced(needle.text.replace(today, inner)), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert f"the number {inner} is not in this fact's source passage" in msg and f"data/facts.yml:{entry('facts.device.needle_count').line}:" in msg, msg


def test_the_real_facts_agree_with_their_passages() -> None:
    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml", article=ARTICLE)
    for key, fact in facts.all_facts().items():
        for figure in passages.figures(fact):
            assert passages.find(figure, fact.source), key


@pytest.mark.parametrize("text, runs", [
    ("between 0.5 and 2.5 millimeters", [(0.5, 2.5)]),
    ("typically about 10 to 20 minutes", [(10, 20)]),
    ("one session per month for four to six months", [(1,), (4, 6)]),
    ("once a year for touch-ups", [(1,)]),
    ("at least SPF 30", [(30,)]),
    ("a broad-spectrum sunscreen", []),
    ("the tool uses 11 super-tiny needles", [(11,)]),
])
def test_runs_read_figures_as_the_article_writes_them(text: str, runs: list[tuple[float, ...]]) -> None:
    assert [r.values for r in numbers.runs(text)] == runs


# --- the word that joins a complete list: the one between its items in the passage (the eighth no-hints attack,
# H-C10 and H-C11: "or" made "and" where the passage has both words, one of them inside an item) ---

def _complete_lists_with(word: str) -> list[str]:
    """The complete lists of data/facts.yml joined by ``word`` whose passage has both "and" and "or"."""
    facts = yaml.safe_load(REAL)["facts"]
    return [f"facts.{group}.{name}" for group, items in facts.items() for name, fact in items.items()
            if fact.get("kind") == "list" and fact.get("scope") == "complete" and fact.get("joined_by") == word
            and {"and", "or"} <= set(re.findall(r"\b(and|or)\b", fact["source"].lower()))]


def test_today_s_lists_with_both_words_include_the_attacked_ones() -> None:
    """The two lists the attack changed are still lists whose passage holds both words (so the test below is about them)."""
    assert {"facts.candidates.avoid_other", "facts.candidates.wait_if"} <= set(_complete_lists_with("or"))


@pytest.mark.parametrize("key", _complete_lists_with("or") + _complete_lists_with("and"))
def test_a_list_s_joining_word_turned_round_stops_the_build(tmp_path: Path, key: str) -> None:
    today = _value(f"{key}.joined_by")
    other = "and" if today == "or" else "or"
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.joined_by", f'joined_by: "{other}"')), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert f"the passage joins this list with '{today}', and the fact with '{other}'" in msg, msg
    assert f"data/facts.yml:{entry(key + '.joined_by').line}:" in msg and "Fix: " in msg, msg


def test_every_complete_list_of_today_s_data_is_joined_as_its_passage_says() -> None:
    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml", article=ARTICLE)
    lists = [f for f in facts.all_facts().values() if isinstance(f, schema.ListFact) and f.scope == "complete"]
    assert lists
    for fact in lists:
        word = passages.joining_word(fact)
        assert word in (None, fact.joined_by), (fact.source, word)


@pytest.mark.parametrize("source, items, word", [
    ("skip it if you are on blood thinners or a frequent drinker, which causes dehydration and can render it useless",
     ["you take blood thinners", "you are a frequent drinker, which causes dehydration"], "or"),
    ("make sure there aren't any inflamed or infected areas, and if you have a cystic breakout, wait until it clears",
     ["inflamed or infected areas", "a cystic breakout"], "or"),
    ("ask if they numb, if they use a serum, and if aftercare is provided",
     ["numbing", "a serum", "aftercare"], "and"),
    ("eczema, rosacea, or very sensitive skin", ["eczema", "rosacea", "very sensitive skin"], "or"),
    ("mild hydrating serum and a mild cleanser, or nothing", ["hydrating serum", "mild cleanser"], "and"),
])
def test_the_joining_word_is_the_one_between_the_items(source: str, items: list[str], word: str) -> None:
    fact = schema.ListFact(label="x", kind="list", items=items, scope="complete", joined_by="and", expert="article",
                           source=source)
    assert passages.joining_word(fact) == word


# --- a label that calls an "at least" figure a highest (the eighth no-hints attack, M-H2), or an "up to" one a lowest ---

def _bounded() -> list[str]:
    facts = yaml.safe_load(REAL)["facts"]
    return [f"facts.{group}.{name}" for group, items in facts.items() for name, fact in items.items()
            if fact.get("qualifier") in ("at least", "up to")]


def test_today_s_data_has_a_bounded_figure() -> None:
    assert "facts.aftercare.spf_min" in _bounded()


@pytest.mark.parametrize("word", ["Highest", "Maximum", "Most", "Up to"])
@pytest.mark.parametrize("key", _bounded())
def test_a_label_that_turns_the_bound_round_stops_the_build(tmp_path: Path, key: str, word: str) -> None:
    qualifier = _value(f"{key}.qualifier")
    if qualifier == "up to":
        word = {"Highest": "Lowest", "Maximum": "Minimum", "Most": "Least", "Up to": "At least"}[word]
    label = f"{word} {_value(key + '.label').split(' ', 1)[1]}"
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.label", f'label: "{label}"')), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert f"the label says '{word}', and the fact's figure is '{qualifier}' it" in msg, msg
    assert f"data/facts.yml:{entry(key + '.label').line}:" in msg and "Fix: " in msg, msg


@pytest.mark.parametrize("label, qualifier, lang, word", [
    ("Highest sunscreen SPF you need", "at least", "en", "Highest"),
    ("Lowest sunscreen SPF", "at least", "en", None),
    ("Minimum SPF", "at least", "en", None),
    ("Longest wait", "up to", "en", None),
    ("Shortest time, at least", "up to", "en", "at least"),
    ("Minimum number of sessions", "up to", "en", "Minimum"),
    ("Area treated most often", None, "en", None),
    ("FPS máximo que necesita el protector solar", "at least", "es", "máximo"),
    ("FPS que necesita, como mucho", "at least", "es", "como mucho"),
    ("FPS mínimo del protector solar", "at least", "es", None),
    ("Sesiones como mínimo", "up to", "es", "como mínimo"),
])
def test_bound_words(label: str, qualifier: str | None, lang: str, word: str | None) -> None:
    assert passages.bound_word(label, qualifier, lang) == word


def _conditioned() -> list[str]:
    """The text facts of today's data whose passage holds a condition ("if you have prior commitments")."""
    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")
    return [f"facts.{key}" for key, fact in facts.all_facts().items()
            if fact.kind == "text" and passages.condition_dropped("", fact.source) is not None]


def test_today_s_data_has_a_text_fact_with_a_condition() -> None:
    assert _conditioned(), "no text fact with a condition in its passage: the test below checks nothing"


@pytest.mark.parametrize("key", _conditioned())
def test_a_value_without_its_passage_s_condition_stops_the_build(tmp_path: Path, key: str) -> None:
    """The ninth no-hints attack (H7): the makeup advice with its "if you have plans" dropped."""
    value = _value(f"{key}.value")
    cut = re.sub(r"(?i)\b(?:only if|if|unless|provided|as long as|only when)\b[^,;]*[,;]?\s*", "", value).strip()
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.value", f'value: "{cut}"')), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert "the value leaves out the condition its passage gives" in msg and "Fix: " in msg, msg
    assert f"data/facts.yml:{entry(key + '.value').line}:" in msg, msg


@pytest.mark.parametrize("value, passage, dropped", [
    ("skip it for the day; it is fine at night", "avoid it for the day, but if you have plans, it is fine at night",
     "if you have plans, it is"),
    ("skip it for the day; if you have plans, it is fine at night", "avoid it, but if you have plans, it is fine", None),
    ("fine at night unless your skin stings", "fine at night if you must", None),
    ("a mild cleanser", "use a mild cleanser", None),
])
def test_condition_dropped(value: str, passage: str, dropped: str | None) -> None:
    assert passages.condition_dropped(value, passage) == dropped


# --- a text value keeps what limits it in its passage ("but", "while", "unless", "only", "except") ---

_LIMITING = re.compile(r",?\s*\b(?:but|though|although|while|whereas|except|unless|only|as long as)\b", re.I)


def _limited() -> list[str]:
    """The text facts of today's data whose value carries a limiting clause of its passage ("safe to use, but you
    will not get the same results ...")."""
    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")
    return [f"facts.{key}" for key, fact in facts.all_facts().items()
            if isinstance(fact, schema.TextFact) and _LIMITING.search(fact.value)
            and passages.limit_dropped(_LIMITING.split(fact.value)[0], fact.source) is not None]


def test_today_s_data_has_the_attacked_limited_value() -> None:
    """The eleventh no-hints attack's H16 cut at_home.results to "safe to use": the test below makes that cut."""
    assert "facts.at_home.results" in _limited(), _limited()


def _load_value(tmp_path: Path, key: str, value: str) -> None:
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.value", f'value: "{value}"')), encoding="utf-8")
    load_facts(path, "data/facts.yml", article=ARTICLE)


@pytest.mark.parametrize("key", _limited())
def test_a_value_cut_before_what_limits_it_stops_the_build(tmp_path: Path, key: str) -> None:
    """H16: "safe to use, but you will not get the same results as from a visit to a dermatologist" cut to "safe to
    use" (the passage: "while they're safe to use, you won't get the same results as heading to your derm")."""
    cut = _LIMITING.split(_value(f"{key}.value"))[0].strip(" ,;")
    with pytest.raises((GuideError, GuideErrors)) as info:
        _load_value(tmp_path, key, cut)
    msg = str(info.value)
    assert "the value leaves out what limits it in its passage" in msg and "Fix: " in msg, msg
    assert f"data/facts.yml:{entry(key + '.value').line}:" in msg, msg


@pytest.mark.parametrize("key", _limited())
def test_a_value_that_keeps_its_limit_in_other_words_builds(tmp_path: Path, key: str) -> None:
    """The same value with its limiting word changed ("but" -> "though"), or its clauses the other way round
    ("..., but B" -> "B, though ...")."""
    value = _value(f"{key}.value")
    first, second = (part.strip(" ,;") for part in _LIMITING.split(value, maxsplit=1))
    for reworded in (f"{first}, though {second}", f"{second}, though {first}"):
        assert reworded != value
        _load_value(tmp_path, key, reworded)


@pytest.mark.parametrize("value, passage, dropped", [
    ("safe to use", "while they're safe to use, you won't get the same results as heading to your derm",
     ("while", "you won't get the same results as heading to your derm")),
    ("safe to use, but you will not get the results a dermatologist gives",
     "while they're safe to use, you won't get the same results as heading to your derm", None),
    ("safe to use, and you will get the same results as a visit to the derm",
     "while they're safe to use, you won't get the same results as heading to your derm",
     ("while", "you won't get the same results as heading to your derm")),
    ("more dramatic results", "Working out alone is good, but you'll have more dramatic results with a trainer", None),
    ("working out alone is good", "Working out alone is good, but you'll have more dramatic results with a trainer",
     ("but", "you'll have more dramatic results with a trainer")),
    ("the cream is safe", "the cream is safe only on unbroken skin", ("only", "on unbroken skin")),
    ("the cream is safe on skin that is not broken", "the cream is safe only on unbroken skin", None),
    ("fine for every skin type", "fine for every skin type except very sensitive skin", ("except", "very sensitive skin")),
    ("wear makeup later", "Unless your skin stings, wear makeup later", ("Unless", "your skin stings")),
    ("a few days", "only to fade in a few days", None),
    ("ask them all", "ask if they numb, and if aftercare is provided", None),
    ("it will heal", "it will heal while you sleep", None),
])
def test_limit_dropped(value: str, passage: str, dropped: tuple[str, str] | None) -> None:
    assert passages.limit_dropped(value, passage) == dropped


# --- a value says what its passage says as strongly: its verbs of effect, their hedges, and whom it credits ---

def _facts() -> schema.Facts:
    return load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")


_HEDGED_EFFECT = re.compile(r"(?i)\b(?:helps?|can|may)\s+(?:to\s+)?(" + "|".join(passages.EFFECTS.values()) + r")")


def _hedged_effects() -> list[str]:
    """The text facts of today's data whose value hedges a verb of effect as its passage does ("helps take it away")."""
    return [f"facts.{key}" for key, fact in _facts().all_facts().items()
            if isinstance(fact, schema.TextFact) and _HEDGED_EFFECT.search(fact.value)]


def _credited() -> list[str]:
    """The text facts of today's data whose passage credits a group ("what experts agree is minimal pain")."""
    return [f"facts.{key}" for key, fact in _facts().all_facts().items()
            if isinstance(fact, schema.TextFact) and passages.group_credited(fact.source)]


def test_today_s_data_has_the_attacked_effect_and_credit() -> None:
    """The eleventh no-hints attack's H17 edited recovery.pain: the tests below make its cuts."""
    assert "facts.recovery.pain" in _hedged_effects(), _hedged_effects()
    assert "facts.recovery.pain" in _credited(), _credited()


def _refused_value(tmp_path: Path, key: str, value: str) -> str:
    with pytest.raises((GuideError, GuideErrors)) as info:
        _load_value(tmp_path, key, value)
    msg = str(info.value)
    assert f"data/facts.yml:{entry(key + '.value').line}:" in msg and "Fix: " in msg, msg
    return msg


def _unhedged(value: str) -> str:
    """``value`` with the hedge of its verb of effect dropped: "helps take it away" -> "takes it away"."""
    return _HEDGED_EFFECT.sub(lambda m: re.sub(r"^(\w+?)(e?)\b", lambda w: w[1] + w[2] + "s", m[1], count=1), value)


@pytest.mark.parametrize("key", _hedged_effects())
def test_a_verb_of_effect_without_its_passage_s_hedge_stops_the_build(tmp_path: Path, key: str) -> None:
    """H17: "the numbing cream helps take it away" made "the numbing cream takes it away"."""
    value = _value(f"{key}.value")
    cut = _unhedged(value)
    assert cut != value
    msg = _refused_value(tmp_path, key, cut)
    assert "the fact's words say more than its passage" in msg and "without the passage's" in msg, msg


@pytest.mark.parametrize("key", _hedged_effects())
def test_a_verb_of_effect_its_passage_does_not_use_stops_the_build(tmp_path: Path, key: str) -> None:
    """The same verb made a stronger one, its hedge kept: "helps remove it", "helps eliminate it"."""
    value = _value(f"{key}.value")
    for verb in ("remove", "eliminate"):
        found = _HEDGED_EFFECT.search(value)
        assert found is not None
        stronger = value[:found.start(1)] + verb + " it" + value[found.end(1):]
        assert stronger != value
        msg = _refused_value(tmp_path, key, stronger)
        assert f"'{verb}', a verb of effect its passage does not use" in msg, msg


@pytest.mark.parametrize("key", _credited())
def test_a_value_without_the_group_its_passage_credits_stops_the_build(tmp_path: Path, key: str) -> None:
    """H17: "experts agree" dropped from the pain fact (expert: article cannot say it)."""
    value = _value(f"{key}.value")
    cut = re.sub(r"(?i)\b(?:experts?|doctors?|derms?|dermatologists?)\s+\w+\s+(?:that\s+)?", "", value).strip()
    assert cut != value
    msg = _refused_value(tmp_path, key, cut)
    assert "the fact's words say more than its passage: who the passage gives it to" in msg, msg


def test_the_attacked_pain_value_stops_the_build_for_both(tmp_path: Path) -> None:
    """H17 as the attack made it: the credit and the hedge both dropped."""
    key = "facts.recovery.pain"
    value = _unhedged(re.sub(r"(?i)\bexperts\s+\w+\s+", "", _value(f"{key}.value")))
    msg = _refused_value(tmp_path, key, value)
    assert "without the passage's" in msg and "who the passage gives it to" in msg, msg


def _doctor_credited() -> list[str]:
    facts = _facts()
    out = []
    for key, fact in facts.all_facts().items():
        doctor = passages.doctor_credited(fact.source, facts)
        words = " ".join(str(getattr(fact, f, "")) for f in ("label", "value", "items", "note"))
        if doctor is not None and facts.experts[doctor].surname.split()[-1] not in words:
            out.append(f"facts.{key}")
    return out


def test_today_s_data_has_a_passage_that_credits_a_doctor() -> None:
    assert "facts.appointment.needle_in" in _doctor_credited(), _doctor_credited()


@pytest.mark.parametrize("key", _doctor_credited())
def test_a_fact_whose_passage_credits_a_doctor_given_to_the_article_stops_the_build(tmp_path: Path, key: str) -> None:
    """ "..., according to Dr. Nazarian" with expert: article, and no name in the fact's words."""
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.expert", "expert: article")), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert "the passage gives its words to Dr." in msg and "and the fact does not say so" in msg, msg
    assert f"data/facts.yml:{entry(key + '.expert').line}:" in msg, msg


@pytest.mark.parametrize("key", _hedged_effects())
def test_a_value_that_keeps_its_hedge_and_credit_in_other_words_builds(tmp_path: Path, key: str) -> None:
    """Its clauses the other way round, and "helps" made "can help"."""
    value = _value(f"{key}.value")
    first, second = value.split(", and ", 1)
    can_help = _HEDGED_EFFECT.sub(lambda m: "can help " + m[1], value)
    for reworded in (f"{second}, and {first}", can_help):
        assert reworded != value
        _load_value(tmp_path, key, reworded)


@pytest.mark.parametrize("text, passage, found", [
    ("the cream takes it away", "the cream help take away what experts agree is minimal pain",
     ["'takes it away' without the passage's 'help take away'", "who the passage gives it to ('experts agree')"]),
    ("experts agree the cream helps take the pain away", "the cream help take away what experts agree is minimal pain", []),
    ("it can reduce pore size", "it can help reduce pore size", []),
    ("it removes pores", "it can help reduce pore size", ["'removes', a verb of effect its passage does not use"]),
    ("it cures acne scars", "it can also help heal acne scars", ["'cures', a verb of effect its passage does not use"]),
    ("heal acne scars", "it can also help reduce pore size and heal acne scars", ["'heal' without the passage's 'help heal'"]),
    ("wait until it clears up", "if you have a cystic breakout, wait until it clears up", []),
    ("the pain is minimal, doctors say", "doctors say the pain is minimal", []),
])
def test_effect_problems(text: str, passage: str, found: list[str]) -> None:
    assert passages.effect_problems(text, passage) == found


def test_a_list_item_may_take_its_hedge_from_the_label() -> None:
    assert passages.effect_problems("heal acne scars", "it can also help reduce pore size and heal acne scars",
                                    "What Dr. Jaliman says it can also help do") == []


def test_a_value_of_other_words_needs_no_credit() -> None:
    """A value that takes none of its passage's words (a marker, a rewrite the other checks judge) is not asked for
    the passage's "experts agree"; one that takes them is."""
    passage = "the cream help take away what experts agree is minimal pain"
    assert passages.effect_problems("Zqxaa", passage) == []
    assert passages.effect_problems("the pain is minimal", passage) == ["who the passage gives it to ('experts agree')"]


# --- a label or for_whom keeps the passage's word of degree (the thirteenth no-hints attack, M4) ---

def _with_degree() -> list[tuple[str, str]]:
    """(fact key, field) of today's data whose label or for_whom has a word of degree its passage puts on a noun."""
    facts = load_facts(ROOT / "data" / "facts.yml", "data/facts.yml")
    out = []
    for key, fact in facts.all_facts().items():
        for field in passages.NAMING_FIELDS:
            text = getattr(fact, field, None)
            if isinstance(text, str) and passages.degree_dropped(_without_degree(text), fact.source) is not None:
                out.append((f"facts.{key}", field))
    return out


def _without_degree(text: str) -> str:
    """``text`` with its words of degree left out, the first letter kept in its case ("Dramatic acne scarring" ->
    "Acne scarring")."""
    cut = re.sub(rf"(?i)\b(?:{'|'.join(passages.DEGREE_ADJECTIVES)})\s+", "", text).strip()
    return cut[:1].upper() + cut[1:] if text[:1].isupper() else cut


def test_today_s_data_has_the_attacked_degree() -> None:
    assert ("facts.frequency.acne_scarring", "label") in _with_degree(), _with_degree()
    assert ("facts.frequency.acne_scarring", "for_whom") in _with_degree(), _with_degree()


@pytest.mark.parametrize("key, field", _with_degree())
def test_a_label_or_for_whom_without_its_passage_s_degree_stops_the_build(tmp_path: Path, key: str, field: str) -> None:
    """M4: "Dramatic acne scarring" made "Acne scarring" (label and for_whom)."""
    cut = _without_degree(str(_value(f"{key}.{field}")))
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.{field}", f'{field}: "{cut}"')), encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert f"data/facts.yml:{entry(f'{key}.{field}').line}:" in msg and "without the passage's" in msg, msg
    assert "Fix: " in msg, msg


@pytest.mark.parametrize("key, field", _with_degree())
def test_a_label_that_keeps_its_degree_in_other_words_builds(tmp_path: Path, key: str, field: str) -> None:
    """The same with the words in another order ("Acne scarring that is dramatic")."""
    text = str(_value(f"{key}.{field}"))
    degree = next(w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in passages.DEGREE_ADJECTIVES)
    rest = _without_degree(text)
    path = tmp_path / "facts.yml"
    path.write_text(_edit((f"{key}.{field}", f'{field}: "{rest} that is {degree.lower()}"')), encoding="utf-8")
    load_facts(path, "data/facts.yml", article=ARTICLE)


@pytest.mark.parametrize("text, passage, dropped", [
    ("Acne scarring", "someone with dramatic acne scarring should plan", ("dramatic", "acne scarring")),
    ("Scarring from acne", "someone with dramatic acne scarring should plan", ("dramatic", "acne scarring")),
    ("Dramatic acne scarring", "someone with dramatic acne scarring should plan", None),
    ("Body areas", "someone with dramatic acne scarring should plan", None),
    ("Results with a trainer", "you'll have more dramatic results", None),  # a comparison qualifies nothing
    ("A cleanser", "use a mild cleanser", ("mild", "cleanser")),
])
def test_degree_dropped(text: str, passage: str, dropped: tuple[str, str] | None) -> None:
    assert passages.degree_dropped(text, passage) == dropped
