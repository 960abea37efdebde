"""An edit to data/facts.yml shows up on every page that uses the fact, and the old value nowhere.

Every value in a copy of the data is swapped for a unique marker, the copy is
built, and each page is searched: a number typed into a page by hand would
survive the swap and fail here.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.content.attribution import raw_texts
from guide.data.loader import load_facts
from guide.render import text as render
from htmlpage import article_text, page_file
from support import ROOT, run_build
from tools import translated
from tools.project import cite_numbers, copy_project


def _words() -> Iterator[str]:
    for a, b in itertools.product(string.ascii_lowercase, repeat=2):
        yield f"Zqx{a}{b}"


def _named(marker: str, old: str, doctors: set[str]) -> str:
    """``marker`` with the brand names ``old`` gives (Tensage, Dermapen: a capital after the first word, or a one-word
    value with a capital; not a doctor): a name is not translated, and the Spanish pages and glossary still name it."""
    words = old.split()
    names = [w for w in (words if len(words) == 1 else words[1:]) if w[:1].isupper() and "Dr" not in w
             and not any(doctor in w for doctor in doctors)]
    kept = ["if"] if "if" in old.replace(",", " ").split() else []  # a value keeps its passage's condition (the build says so)
    return " ".join([marker, *names, *kept])


def _mutate(data: dict[str, Any]) -> dict[str, Any]:
    """Give every fact value a new, unique marker (numbers stay ordered and valid)."""
    numbers = itertools.count(9001, 7)
    words = _words()
    doctors = {part for expert in data["experts"].values() for part in expert["name"].split() if len(part) > 2}
    for group in data["facts"].values():
        for fact in group.values():
            kind = fact["kind"]
            if kind == "number":
                fact["value"] = next(numbers)
            elif kind == "range":
                fact["min"], fact["max"] = next(numbers), next(numbers)
            elif kind == "text":
                fact["value"] = _named(next(words), fact["value"], doctors)
            elif kind == "list":
                fact["items"] = [_named(next(words), item, doctors) for item in fact["items"]]
            elif kind == "schedule":
                for part in ("sessions", "every"):
                    if part in fact:
                        fact[part]["min"], fact[part]["max"] = next(numbers), next(numbers)
            elif kind == "not_stated":
                fact["note"] = next(words)
    # the source's year shows in "About this source": it must follow the data too (a past
    # year, since a publication date in the future is refused; 1987 stands nowhere else)
    data["source"]["published"] = data["source"]["published"].replace(year=1987)
    return data


def _follow(spanish: dict[str, Any], english: dict[str, Any]) -> dict[str, Any]:
    """The Spanish wording with each fact's value, items and note those of the (mutated) English: a marker is its own
    translation, so the Spanish meaning check reads it as the English it translates."""
    for group, entries in spanish.get("facts", {}).items():
        for name, fact in entries.items():
            for part in ("value", "items", "note"):
                if part in fact and part in english["facts"][group][name]:
                    given = english["facts"][group][name][part]  # the English's "if" as "si": the condition kept
                    fact[part] = [v.replace(" if", " si") for v in given] if isinstance(given, list) else given.replace(" if", " si")
    return spanish


@pytest.mark.build
def test_every_value_follows_the_data_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    original = load_facts(ROOT / "data" / "facts.yml")
    data_file = project / "data" / "facts.yml"
    data = _mutate(yaml.safe_load(data_file.read_text(encoding="utf-8")))
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
    cite_numbers(project)  # the build checks each number is in its passage
    wording = project / "data" / "facts.es.yml"  # the translator's part: each Spanish text follows its English marker
    wording.write_text(yaml.safe_dump(_follow(yaml.safe_load(wording.read_text(encoding="utf-8")), data),
                                      allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
    translated.record(project)  # make translated (CONTRIBUTING.md): this test reads the English edition
    changed = load_facts(data_file)

    build = run_build(project)
    assert build.ok, build.output

    from guide.build.library import load_project

    site = load_project(project).site
    # Old wording is searched for where it is long enough to be the fact itself,
    # and not also part of text the swap leaves alone (experts, quotes, glossary).
    kept = " ".join([*(f"{e.name}, a {e.role}" for e in original.experts.values()),
                     *(q.text for q in original.quotes.values()),
                     (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")])
    old_texts = [v for f in original.all_facts().values() if f.kind in ("text", "list", "not_stated")
                 for v in (render.values(f) if f.kind != "not_stated" else [f.note])
                 if len(v.split()) >= 3 and v not in kept]
    for src, info in site.pages.items():
        html = page_file(build.site, src).read_text(encoding="utf-8")
        text = article_text(html)
        # The sources page quotes the article word for word; that text keeps its numbers.
        own_text = article_text(html, skip_classes=("headerlink", "facts-table", "citation"))
        for key in info.facts:
            new = render.values(changed.all_facts()[key])
            assert any(v in text for v in new), f"{src}: the new value of {key} ({new}) is missing"
        # Every number on the page came from the data, or is one the page types itself (24/7, step 1, a
        # raw block: the build reads those and holds its pair to them): none of the old values survive.
        stripped = re.sub(r"\b(9\d{3}|1987)\b", "", own_text)
        source = (project / "docs" / src).read_text(encoding="utf-8").splitlines()
        raw = set(re.findall(r"\d+(?:[.,]\d+)?", " ".join(raw_texts(source))))  # an editor's "{% raw %}20-minute read"
        digits = [d for d in re.findall(r"\d+(?:[.,]\d+)?", stripped)
                  if d.replace(",", ".") not in info.numerals and d not in raw]
        assert not digits, f"{src}: numbers on the page from neither data/facts.yml nor the page's own text: {digits}"
        for old in old_texts:
            assert old not in own_text, f"{src}: the old value {old!r} is still shown"
