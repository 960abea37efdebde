"""Unit tests of the data loader: the real file loads; each bad input is named clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.data import passages, schema, speakers
from guide.data.loader import SetAside, load_facts
from guide.errors import GuideError, GuideErrors
from support import ROOT, entry, project_facts

REAL = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")


def _load(tmp_path: Path, text: str) -> schema.Facts:
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    return load_facts(path, "data/facts.yml")


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises((GuideError, GuideErrors)) as info:
        _load(tmp_path, text)
    return str(info.value)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_real_data_file_loads_every_fact() -> None:
    facts = load_facts(ROOT / "data" / "facts.yml")
    every = facts.all_facts()
    assert len(every) >= 40
    assert every["device.needle_count"].kind == "number"
    depth = every["device.depth_range"]
    assert isinstance(depth, schema.RangeFact) and depth.min < depth.max
    assert every["device.home_needle_length"].kind == "not_stated"
    assert set(facts.experts) == {"nazarian", "jaliman"}


# The article is in the repository (sources/), so every build and every clone checks against it.
ARTICLE = ROOT / "sources" / "article.txt"
SHARED = ROOT.parent / "shared" / "seed" / "000_9a52edea53a8b9db.txt"


def test_in_repo_article_is_the_shared_one_byte_for_byte() -> None:
    if not SHARED.exists():  # a clone with no shared/ beside it
        pytest.skip(f"no shared copy at {SHARED}")
    assert ARTICLE.read_bytes() == SHARED.read_bytes()


def test_every_fact_names_a_known_expert() -> None:
    facts = load_facts(ROOT / "data" / "facts.yml")
    for key, fact in facts.all_facts().items():
        assert fact.expert in set(facts.experts) | {"article"}, key
        assert len(fact.source) > 10, key


def test_source_passages_and_quotes_are_word_for_word() -> None:
    """The build's own check (guide/data/passages.py) passes on the real data and article."""
    facts = load_facts(ROOT / "data" / "facts.yml", article=ARTICLE)
    text = speakers.norm(ARTICLE.read_text(encoding="utf-8"))
    for key, fact in facts.all_facts().items():
        for piece in re.split(r"\s*\.\.\.\s*", fact.source):
            assert speakers.norm(piece) in text, f"{key}: source passage not in the article: {piece!r}"
    for key, quote in facts.quotes.items():
        assert speakers.norm(quote.text) in text, f"quote {key} is not word for word"


def test_a_made_up_passage_stops_the_load(tmp_path: Path) -> None:
    source = entry("facts.about.therapy_type.source")
    bad = source.replaced(f'{source.indent}source: "is a miracle therapy, says no article"\n')
    path = tmp_path / "facts.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors), match="the source passage is not word for word in the article"):
        load_facts(path, "data/facts.yml", article=ARTICLE)


# The mistakes below edit lines found by their keys (support.entry), never by today's values.

def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    count = entry("facts.device.needle_count.value")
    bad = count.replaced(count.text + f"{count.indent[1:]}oops: [\n")
    msg = _error(tmp_path, bad)
    assert msg.startswith(f"data/facts.yml:{count.line + 1}: YAML syntax error")
    assert "Traceback" not in msg


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    count = entry("facts.device.needle_count.value")
    bad = count.replaced(count.text + f"{count.indent}value: 12\n")
    msg = _error(tmp_path, bad)
    assert msg.startswith(f"data/facts.yml:{count.line + 1}: the key 'value' is given twice")
    assert f"the first is on line {count.line}" in msg


def test_misspelt_key_suggests_the_right_one(tmp_path: Path) -> None:
    count = entry("facts.device.needle_count.value")
    msg = _error(tmp_path, count.replaced(count.text.replace("value:", "valeu:", 1)))
    assert msg.startswith(f"data/facts.yml:{count.line}: unknown key 'valeu'")
    assert "facts.device.needle_count.valeu" in msg
    assert "Did you mean 'value'?" in msg
    assert "missing key" not in msg  # reported once, as the misspelling


def test_missing_key_names_the_path(tmp_path: Path) -> None:
    msg = _error(tmp_path, entry("facts.device.depth_range.unit").replaced(""))
    assert "missing key 'unit'" in msg and "facts.device.depth_range.unit" in msg
    assert msg.startswith(f"data/facts.yml:{entry('facts.device.depth_range').line}:")


def test_wrong_type(tmp_path: Path) -> None:
    count = entry("facts.device.needle_count.value")
    msg = _error(tmp_path, count.replaced(f"{count.indent}value: eleven\n"))
    assert "Found: 'eleven' (text)" in msg and "Expected: a number" in msg


@pytest.mark.parametrize("value", ["0", "-3"])
def test_zero_or_negative_count(tmp_path: Path, value: str) -> None:
    count = entry("facts.device.needle_count.value")
    msg = _error(tmp_path, count.replaced(f"{count.indent}value: {value}\n"))
    assert "facts.device.needle_count.value" in msg and "a number above 0" in msg


def test_range_minimum_above_maximum(tmp_path: Path) -> None:
    depth = project_facts().all_facts()["device.depth_range"]
    low = entry("facts.device.depth_range.min")
    above = schema.num(depth.max + 1)
    msg = _error(tmp_path, low.replaced(f"{low.indent}min: {above}\n"))
    assert f"the minimum ({above}) is larger than the maximum ({schema.num(depth.max)})" in msg
    assert "facts.device.depth_range" in msg


def test_empty_list(tmp_path: Path) -> None:
    items = entry("facts.candidates.avoid_skin.items")
    msg = _error(tmp_path, items.replaced(f"{items.indent}items: []\n"))
    assert "facts.candidates.avoid_skin.items" in msg and "Found: an empty list" in msg


def test_unknown_unit_and_kind(tmp_path: Path) -> None:
    unit = entry("facts.device.depth_range.unit")
    msg = _error(tmp_path, unit.replaced(f'{unit.indent}unit: "cm"\n'))
    assert "Found: 'cm' (text)" in msg and "'mm'" in msg
    kind = entry("facts.device.needle_count.kind")
    assert kind.value == "number", "this test misspells the kind of device.needle_count, a number fact"
    msg = _error(tmp_path, kind.replaced(f"{kind.indent}kind: numbr\n"))
    assert "Did you mean 'number'?" in msg


def test_unknown_expert(tmp_path: Path) -> None:
    expert = entry("facts.device.needle_count.expert")
    typo = expert.value[:-2] + expert.value[-1] + expert.value[-2]
    msg = _error(tmp_path, expert.replaced(f"{expert.indent}expert: {typo}\n"))
    assert msg.startswith(f"data/facts.yml:{expert.line}: unknown expert")
    assert f"Did you mean '{expert.value}'?" in msg


def test_whole_number_of_sessions(tmp_path: Path) -> None:
    plan = project_facts().all_facts()["frequency.acne_scarring"]
    sessions = entry("facts.frequency.acne_scarring.sessions")
    msg = _error(tmp_path, sessions.replaced(f"{sessions.indent}sessions: {{min: {plan.sessions.max}.5, max: {plan.sessions.max + 1}}}\n"))
    assert "facts.frequency.acne_scarring.sessions.min" in msg and "a whole number" in msg


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _error(tmp_path, "# nothing\n")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="missing"):
        load_facts(tmp_path / "nope.yml", "data/facts.yml")


def test_every_number_is_in_its_source_passage() -> None:
    """An editor who changes a number must change the passage it comes from too."""
    facts = load_facts(ROOT / "data" / "facts.yml")
    for key, fact in facts.all_facts().items():
        numbers: list[float] = []
        if fact.kind == "number":
            numbers = [fact.value]
        elif fact.kind == "range":
            numbers = [fact.min, fact.max]
        elif fact.kind == "schedule":
            numbers = [n for part in (fact.sessions, fact.every) if part for n in (part.min, part.max)]
        for number in numbers:
            assert passages.said(number, fact.source), f"{key}: {number} is not in its source passage {fact.source!r}"


# --- the build's lenient load (load_facts with aside=SetAside()): an entry with a problem is set aside ---------


def _lenient(tmp_path: Path, text: str, aside: SetAside | None = None) -> tuple[schema.Facts, SetAside]:
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    aside = SetAside() if aside is None else aside
    return load_facts(path, "data/facts.yml", aside=aside), aside


def test_a_bad_entry_is_set_aside_with_its_message_and_the_rest_loads(tmp_path: Path) -> None:
    """The build's load leaves out the one fact with a problem, with the message a strict load gives for it, and keeps
    every other entry as the strict load of the real file has it."""
    real = load_facts(ROOT / "data" / "facts.yml")
    key, fact = next((k, f) for k, f in real.all_facts().items() if isinstance(f, (schema.NumberFact, schema.RangeFact)))
    unit = entry(f"facts.{key}.unit")
    text = unit.replaced(f'{unit.indent}unit: "{fact.unit}z"\n')
    facts, aside = _lenient(tmp_path, text)
    assert aside.entries == {("facts", *key.split("."))}
    assert [str(e) for e in aside.errors] == [_error(tmp_path, text)], "the set-aside entry's message is the strict load's"
    assert str(aside.errors[0]).startswith(f"data/facts.yml:{unit.line}: a value that is not allowed here (at facts.{key}.unit)")
    assert aside.holds("fact", key) and not aside.holds("fact", next(k for k in real.all_facts() if k != key))
    kept = real.all_facts()
    del kept[key]
    assert facts.all_facts() == kept
    assert (facts.experts, facts.quotes, facts.source, facts.not_covered) == (real.experts, real.quotes, real.source, real.not_covered)


def test_a_set_aside_expert_takes_her_facts_and_quotes_with_her_and_no_message_of_theirs(tmp_path: Path) -> None:
    real = load_facts(ROOT / "data" / "facts.yml")
    who = next(iter(real.experts))
    role = entry(f"experts.{who}.role")
    facts, aside = _lenient(tmp_path, role.replaced(f'{role.indent}role: "a <b>role</b>"\n'))
    assert len(aside.errors) == 1 and f"(at experts.{who}.role)" in str(aside.errors[0]), aside.errors
    hers = {f"facts.{k}" for k, f in real.all_facts().items() if f.expert == who} | {
        f"quotes.{k}" for k, q in real.quotes.items() if q.expert == who}
    assert hers, f"{who} says nothing in data/facts.yml: pick an expert who does"
    assert {".".join(map(str, e)) for e in aside.entries} == {f"experts.{who}"} | hers
    assert who not in facts.experts and all(fact.expert != who for fact in facts.all_facts().values())
    assert set(real.experts[who].name.split()) == aside.names and aside.names_expert(real.experts[who].name.split()[-1])


def test_a_fact_naming_an_unknown_expert_is_set_aside_with_its_message(tmp_path: Path) -> None:
    expert = entry("facts.device.needle_count.expert")
    facts, aside = _lenient(tmp_path, expert.replaced(f"{expert.indent}expert: {expert.value}x\n"))
    assert aside.entries == {("facts", "device", "needle_count")} and "device.needle_count" not in facts.all_facts()
    assert [str(e).split(" Found:")[0] for e in aside.errors] == [
        f"data/facts.yml:{expert.line}: unknown expert (at facts.device.needle_count.expert)"]


def test_a_fact_group_of_the_wrong_shape_is_set_aside_whole(tmp_path: Path) -> None:
    real = load_facts(ROOT / "data" / "facts.yml")
    group = next(iter(real.facts))
    whole = entry(f"facts.{group}")
    facts, aside = _lenient(tmp_path, whole.replaced(f"{whole.indent}{group}: []\n"))
    assert aside.entries == {("facts", group)} and group not in facts.facts
    assert aside.holds("fact", f"{group}.{next(iter(real.facts[group]))}")
    assert set(facts.facts) == set(real.facts) - {group}


@pytest.mark.parametrize("case", ["yaml syntax", "top-level key", "source"])
def test_a_file_that_cannot_be_read_still_stops_alone(tmp_path: Path, case: str) -> None:
    """A YAML syntax error, the file's top-level shape, or the source block every page cites: the lenient load
    raises the strict load's message, and sets nothing aside."""
    count, experts, published = entry("facts.device.needle_count.value"), entry("experts"), entry("source.published")
    text = {"yaml syntax": count.replaced(count.text.replace(": ", ": [", 1)),
            "top-level key": experts.replaced(experts.text.replace("experts:", "expertz:", 1)),
            "source": published.replaced(f"{published.indent}published: someday\n")}[case]
    strict = _error(tmp_path, text)
    aside = SetAside()
    with pytest.raises((GuideError, GuideErrors)) as info:
        _lenient(tmp_path, text, aside)
    assert str(info.value) == strict
    assert not aside.errors and not aside.entries
    assert {"yaml syntax": "YAML syntax error", "top-level key": "unknown key 'expertz'",
            "source": "(at source.published)"}[case] in strict, strict

