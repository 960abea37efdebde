"""Unit tests of the data loader: the real file loads; each bad input is named clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import passages, schema
from guide.errors import GuideError, GuideErrors
from guide.loader import load_facts
from support import ROOT

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
    """The build's own check (guide/passages.py) passes on the real data and article."""
    facts = load_facts(ROOT / "data" / "facts.yml", article=ARTICLE)
    text = passages.norm(ARTICLE.read_text(encoding="utf-8"))
    for key, fact in facts.all_facts().items():
        for piece in re.split(r"\s*\.\.\.\s*", fact.source):
            assert passages.norm(piece) in text, f"{key}: source passage not in the article: {piece!r}"
    for key, quote in facts.quotes.items():
        assert passages.norm(quote.text) in text, f"quote {key} is not word for word"


def test_a_made_up_passage_stops_the_load(tmp_path: Path) -> None:
    bad = REAL.replace("is a collagen induction therapy\"", "is a miracle therapy\"", 1)
    assert bad != REAL
    path = tmp_path / "facts.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors), match="the source passage is not word for word in the article"):
        load_facts(path, "data/facts.yml", article=ARTICLE)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = REAL.replace("      value: 11\n", "      value: 11\n     oops: [\n", 1)
    msg = _error(tmp_path, bad)
    assert msg.startswith(f"data/facts.yml:{_line_of(bad, 'oops')}: YAML syntax error")
    assert "Traceback" not in msg


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    bad = REAL.replace("      value: 11\n", "      value: 11\n      value: 12\n", 1)
    msg = _error(tmp_path, bad)
    line = _line_of(bad, "value: 12")
    assert msg.startswith(f"data/facts.yml:{line}: the key 'value' is given twice")
    assert f"the first is on line {line - 1}" in msg


def test_misspelt_key_suggests_the_right_one(tmp_path: Path) -> None:
    bad = REAL.replace("      value: 11\n", "      valeu: 11\n", 1)
    msg = _error(tmp_path, bad)
    assert msg.startswith(f"data/facts.yml:{_line_of(bad, 'valeu')}: unknown key 'valeu'")
    assert "facts.device.needle_count.valeu" in msg
    assert "Did you mean 'value'?" in msg
    assert "missing key" not in msg  # reported once, as the misspelling


def test_missing_key_names_the_path(tmp_path: Path) -> None:
    bad = REAL.replace('      unit: "mm"\n', "", 1)
    msg = _error(tmp_path, bad)
    assert "missing key 'unit'" in msg and "facts.device.depth_range.unit" in msg
    assert msg.startswith(f"data/facts.yml:{_line_of(bad, 'depth_range:')}:")


def test_wrong_type(tmp_path: Path) -> None:
    bad = REAL.replace("      value: 11\n", "      value: eleven\n", 1)
    msg = _error(tmp_path, bad)
    assert "Found: 'eleven' (text)" in msg and "Expected: a number" in msg


@pytest.mark.parametrize("value", ["0", "-3"])
def test_zero_or_negative_count(tmp_path: Path, value: str) -> None:
    msg = _error(tmp_path, REAL.replace("      value: 11\n", f"      value: {value}\n", 1))
    assert "facts.device.needle_count.value" in msg and "a number above 0" in msg


def test_range_minimum_above_maximum(tmp_path: Path) -> None:
    bad = REAL.replace("      min: 0.5\n      max: 2.5\n", "      min: 3\n      max: 2.5\n", 1)
    msg = _error(tmp_path, bad)
    assert "the minimum (3) is larger than the maximum (2.5)" in msg
    assert "facts.device.depth_range" in msg


def test_empty_list(tmp_path: Path) -> None:
    bad = REAL.replace('      items: ["eczema", "rosacea", "very sensitive skin"]', "      items: []", 1)
    msg = _error(tmp_path, bad)
    assert "facts.candidates.avoid_skin.items" in msg and "Found: an empty list" in msg


def test_unknown_unit_and_kind(tmp_path: Path) -> None:
    msg = _error(tmp_path, REAL.replace('      unit: "mm"', '      unit: "cm"', 1))
    assert "Found: 'cm' (text)" in msg and "'mm'" in msg
    msg = _error(tmp_path, REAL.replace("      kind: number\n      value: 11", "      kind: numbr\n      value: 11", 1))
    assert "Did you mean 'number'?" in msg


def test_unknown_expert(tmp_path: Path) -> None:
    bad = REAL.replace("      expert: nazarian\n      source: \"the tool", "      expert: nazarain\n      source: \"the tool", 1)
    msg = _error(tmp_path, bad)
    assert msg.startswith(f"data/facts.yml:{_line_of(bad, 'nazarain')}: unknown expert")
    assert "Did you mean 'nazarian'?" in msg


def test_whole_number_of_sessions(tmp_path: Path) -> None:
    bad = REAL.replace("sessions: {min: 4, max: 6}\n      every", "sessions: {min: 4.5, max: 6}\n      every", 1)
    msg = _error(tmp_path, bad)
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
