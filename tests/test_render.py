"""Unit tests of how fact values are worded."""

from __future__ import annotations

import re

import pytest

from guide.data import schema
from guide.render import text as render

BASE = {"label": "L", "expert": "article", "source": "passage"}


def _fact(**kw: object) -> schema.FactT:
    from pydantic import TypeAdapter

    return TypeAdapter(schema.Fact).validate_python({**BASE, **kw})


def test_numbers_drop_needless_decimals() -> None:
    assert render.num(11.0) == "11"
    assert render.num(0.5) == "0.5"


def test_fact_text_for_each_kind() -> None:
    assert render.fact_text(_fact(kind="number", value=11, unit="needles")) == "11 needles"
    assert render.fact_text(_fact(kind="number", value=30, unit="")) == "30"
    assert render.fact_text(_fact(kind="range", min=0.5, max=2.5, unit="mm")) == "0.5 to 2.5 mm"
    assert render.fact_text(_fact(kind="text", value="a few days")) == "a few days"
    assert render.fact_text(_fact(kind="list", items=["a"], scope="complete", joined_by="and")) == "a"
    assert render.fact_text(_fact(kind="list", items=["a", "b", "c"], scope="complete", joined_by="and")) == "a, b and c"
    assert render.fact_text(_fact(kind="not_stated", note="n")) == "not stated"


def test_parts() -> None:
    depth = _fact(kind="range", min=0.5, max=2.5, unit="mm")
    assert render.fact_text(depth, "min") == "0.5 mm"
    assert render.fact_text(depth, "max") == "2.5 mm"
    assert render.fact_text(_fact(kind="not_stated", note="no figure"), "note") == "no figure"
    assert render.fact_text(_fact(kind="list", items=["a", "b"], scope="complete", joined_by="and"), "or") == "a or b"
    with pytest.raises(ValueError, match="a text fact has no part 'min'"):
        render.fact_text(_fact(kind="text", value="x"), "min")


def test_schedules() -> None:
    acne = _fact(kind="schedule", for_whom="x", sessions={"min": 4, "max": 6}, every={"min": 1, "max": 1, "unit": "months"})
    assert render.fact_text(acne) == "4 to 6 sessions, once a month"
    assert render.fact_text(acne, "sessions") == "4 to 6 sessions"
    upkeep = _fact(kind="schedule", for_whom="x", every={"min": 3, "max": 6, "unit": "months"})
    assert render.fact_text(upkeep) == "every 3 to 6 months"
    assert render.fact_text(upkeep, "sessions") == "not stated"
    body = _fact(kind="schedule", for_whom="x", sessions={"min": 5, "max": 5})
    assert render.fact_text(body) == "5 sessions"
    assert render.fact_text(body, "every") == "not stated"
    yearly = _fact(kind="schedule", for_whom="x", every={"min": 2, "max": 2, "unit": "years"})
    assert render.fact_text(yearly) == "every 2 years"


def test_singular_units() -> None:
    assert render.amount(1, "minutes") == "1 minute"
    assert render.span(1, 1, "sessions") == "1 session"
    assert render.span(1, 2, "sessions") == "1 to 2 sessions"


def test_values_lists_every_number() -> None:
    acne = _fact(kind="schedule", for_whom="x", sessions={"min": 4, "max": 6}, every={"min": 1, "max": 1, "unit": "months"})
    assert render.values(acne) == ["4 to 6 sessions", "once a month"]
    assert render.values(_fact(kind="range", min=0.5, max=2.5, unit="mm")) == ["0.5", "2.5"]


def test_a_list_of_examples_says_so_wherever_it_is_joined() -> None:
    """The article's "such as" stays with the list: no closed list of examples (issue 11)."""
    acids = _fact(kind="list", items=["glycolic acid", "salicylic acid"], scope="examples", joined_by="and")
    assert render.fact_text(acids) == "such as glycolic acid and salicylic acid"
    assert render.fact_text(acids, "or") == "such as glycolic acid or salicylic acid"
    assert render.values(acids) == ["glycolic acid", "salicylic acid"]


def test_a_list_must_say_its_scope() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="scope"):
        _fact(kind="list", items=["a"])
    with pytest.raises(ValidationError, match="scope"):
        _fact(kind="list", items=["a"], scope="some")


def test_qualifiers_stay_with_their_value() -> None:
    numbing = _fact(kind="range", min=10, max=20, unit="minutes", qualifier="typically about")
    assert render.fact_text(numbing) == "typically about 10 to 20 minutes"
    assert render.fact_text(numbing, "min") == "10 minutes", "one end of a range is not hedged"
    assert render.fact_text(_fact(kind="number", value=30, unit="", qualifier="at least")) == "at least 30"
    body = _fact(kind="schedule", for_whom="x", sessions={"min": 4, "max": 6}, qualifier="about")
    assert render.fact_text(body) == "about 4 to 6 sessions"
    assert render.fact_text(body, "sessions") == "about 4 to 6 sessions"
    monthly = _fact(kind="schedule", for_whom="x", sessions={"min": 4, "max": 6}, qualifier="about",
                    every={"min": 1, "max": 1, "unit": "months"})
    assert render.fact_text(monthly) == "about 4 to 6 sessions, once a month", "the hedge is on the count"
    upkeep = _fact(kind="schedule", for_whom="x", every={"min": 3, "max": 6, "unit": "months"}, qualifier="about")
    assert render.fact_text(upkeep) == "about every 3 to 6 months"


HEDGES = ("dramatic", "controversial", "especially", "particularly", "ideally", "experts agree")
"""The article's hedges that stay inside a value or label (CONTRIBUTING.md: never dropped, never added)."""


def test_real_data_keeps_the_articles_hedges_and_scope() -> None:
    """Read from today's data and article: the checks hold for any fact an editor corrects."""
    import typing

    from guide.data import speakers
    from guide.data.loader import load_facts
    from support import ROOT

    every = load_facts(ROOT / "data" / "facts.yml").all_facts()
    qualifiers = sorted(typing.get_args(schema.Qualifier), key=len, reverse=True)
    paragraphs = [speakers.norm(p) for p in (ROOT / "sources" / "article.txt").read_text(encoding="utf-8").splitlines()]
    hedged, kept = [], []
    for key, fact in every.items():
        if isinstance(fact, (schema.NumberFact, schema.RangeFact, schema.ScheduleFact)):
            said = next((q for q in qualifiers if re.search(rf"\b{q}\b", fact.source, re.I)), None)
            assert fact.qualifier == said, f"{key}: the passage hedges the figure with {said!r}; qualifier: {fact.qualifier!r}"
            if said:
                assert render.fact_text(fact).startswith(f"{said} "), key
                hedged.append(key)
        if isinstance(fact, schema.ListFact) and fact.scope == "examples":
            assert render.fact_text(fact).startswith("such as "), key
        words = " ".join([fact.label, getattr(fact, "for_whom", ""), render.fact_text(fact)]).lower()
        around = [p for p in paragraphs if speakers.norm(fact.source.split("...")[0]) in p]
        for hedge in HEDGES:
            if hedge in fact.source.lower():
                assert hedge in words, f"{key}: the article says {hedge!r}, the fact does not"
                kept.append((key, hedge))
            if hedge in words:
                assert any(hedge in p.lower() for p in around), f"{key}: {hedge!r} is not the article's word here"
    assert hedged and kept, "the checks found the article's hedges in the data"


def test_a_list_of_sentences_is_not_joined_with_commas() -> None:
    """ "cleansed., A numbing ..." read badly in the facts table (review, point 17)."""
    steps = _fact(kind="list", items=["Your face is cleansed.", "A cream goes on.", "Do you numb?"], scope="complete", joined_by="and")
    assert render.fact_text(steps) == "Your face is cleansed. A cream goes on. Do you numb?"
    assert ".," not in render.fact_text(steps) and "?," not in render.fact_text(steps)
    words = _fact(kind="list", items=["retinol", "acids"], scope="complete", joined_by="and")
    assert render.fact_text(words) == "retinol and acids"


def test_a_list_of_alternatives_is_joined_with_or_everywhere() -> None:
    """Reasons to wait or to skip: any one is enough, so no phrase may join them with "and" (review, facts table)."""
    either = _fact(kind="list", items=["eczema", "rosacea", "very sensitive skin"], scope="complete", joined_by="or")
    assert render.fact_text(either) == "eczema, rosacea or very sensitive skin"
    assert render.fact_text(either, lang="es") == "eczema, rosacea o very sensitive skin"
    assert isinstance(either, schema.ListFact)
    assert render.items(either, "or", lang="es").endswith(" o very sensitive skin")
    both = _fact(kind="list", items=["retinol", "acids"], scope="complete", joined_by="and")
    assert render.fact_text(both) == "retinol and acids"
    with pytest.raises(Exception, match="joined_by"):
        _fact(kind="list", items=["a", "b"], scope="complete", joined_by="and/or")
    with pytest.raises(Exception, match="joined_by"):  # required: deleting the line cannot turn "or" into "and"
        _fact(kind="list", items=["a", "b"], scope="complete")


@pytest.mark.parametrize("key", ["candidates.wait_if", "candidates.avoid_skin", "candidates.avoid_other"])
def test_real_warning_lists_read_as_alternatives_in_both_editions(key: str) -> None:
    """The article: "eczema, rosacea, or very sensitive skin"; "blood thinners or ... alcohol drinker"."""
    from guide.build.library import SPANISH, load_project
    from support import ROOT

    for conf, lang in ((None, "en"), (SPANISH, "es")):
        facts = load_project(ROOT, conf).facts
        fact = facts.all_facts()[key]
        assert isinstance(fact, schema.ListFact) and fact.joined_by == "or", "data/facts.yml: joined_by: \"or\""
        text = render.fact_text(fact, lang=lang)  # as the facts table and every sentence show it
        assert text == render.join(list(fact.items), "or", lang), text
        assert text != render.join(list(fact.items), "and", lang)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_items_with_a_list_of_their_own_are_set_apart_with_semicolons(lang: str) -> None:
    """The sixth readers' review: "it builds collagen and thickens the skin and skin stays smooth" read as one
    run-on sentence. Items with an "and" (or a comma) of their own are joined with semicolons; plain ones as before."""
    conj = str(render.words(lang)["list_and"])
    plain = render.join(["ab", "cd", "ef"], "and", lang)
    assert plain == f"ab, cd {conj} ef", plain
    inner = render.join([f"ab {conj} cd", "ef"], "and", lang)
    assert inner == f"ab {conj} cd; {conj} ef", inner
    assert render.join(["ab, cd", "ef", "gh"], "and", lang) == f"ab, cd; ef; {conj} gh"
