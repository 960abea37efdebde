"""Each fact's figures against its passage in the article (guide/data/passages.py), both sides.

A figure must stand in one piece of its passage, as numbers (digits or words, never "a" for one), in
count and order ("four to six" for 4 to 6; "six" alone for 6 to 6), and the fact's qualifier must be
the hedge the passage writes before it. The build runs this (``load_facts`` with the article).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.data import numbers, passages
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
