"""Each fact's figures against its passage in the article (guide/passages.py), both sides.

A figure must stand in one piece of its passage, as numbers (digits or words, never "a" for one), in
count and order ("four to six" for 4 to 6; "six" alone for 6 to 6), and the fact's qualifier must be
the hedge the passage writes before it. The build runs this (``load_facts`` with the article).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guide import numbers, passages
from guide.errors import GuideError, GuideErrors
from guide.loader import load_facts
from support import ROOT, entry

REAL = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
ARTICLE = ROOT / "sources" / "article.txt"

REFUSED = {
    # name: (old, new, what the message says)
    "a range made of one end twice (6 to 6)": ("      sessions: {min: 4, max: 6}\n      qualifier: \"about\"",
                                              "      sessions: {min: 6, max: 6}\n      qualifier: \"about\"",
                                              "does not give 6 as one figure"),
    "a range in the wrong order": ("      every: {min: 3, max: 6, unit: months}", "      every: {min: 6, max: 6, unit: months}",
                                   "does not give 6 as one figure"),
    "'at least' changed to 'up to'": ('      qualifier: "at least"', '      qualifier: "up to"',
                                      "the qualifier 'up to' is not what the passage says"),
    "the article's hedge dropped": ('      qualifier: "at least"\n', "",
                                    "the passage says 'at least' before 30, and the fact has no qualifier"),
    "'a' read as one": ('      value: 30\n      unit: ""\n      qualifier: "at least"\n      expert: jaliman\n'
                        '      source: "a broad-spectrum, chemical-free sunscreen with at least SPF 30"',
                        '      value: 1\n      unit: ""\n      expert: jaliman\n'
                        '      source: "a broad-spectrum, chemical-free sunscreen"',
                        "the number 1 is not in this fact's source passage"),
    "a passage spliced out of order": ('      source: "When it comes to other areas of the body, you can expect about four to six sessions to do the trick"',
                                       '      source: "you can expect about four to six sessions ... When it comes to other areas of the body"',
                                       "the pieces of the source passage are not in the article's order"),
    "a range spliced from two pieces": ('      source: "When it comes to other areas of the body, you can expect about four to six sessions to do the trick"',
                                        '      source: "you can expect about four to ... six sessions to do the trick"',
                                        "does not give 4 to 6 as one figure"),
    # the third no-hints attack: the numbers kept, the unit changed ("10 to 20 days", "every 3 to 6 weeks")
    "minutes changed to days": ('      unit: "minutes"', '      unit: "days"', "the unit 'days' is not in this fact's source passage"),
    "months changed to weeks": ("      every: {min: 3, max: 6, unit: months}", "      every: {min: 3, max: 6, unit: weeks}",
                                "the unit 'weeks' is not in this fact's source passage"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_figure_its_passage_does_not_write_stops_the_build(tmp_path: Path, case: str) -> None:
    old, new, says = REFUSED[case]
    assert REAL.count(old) == 1, old
    path = tmp_path / "facts.yml"
    path.write_text(REAL.replace(old, new), encoding="utf-8")
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
