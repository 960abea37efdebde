"""The site search's index, as built (site/search/search_index.json and site/es/...): the facts table
on the sources page stays out of it (``data-search-exclude``, includes/partials/facts-table.html), so a
search for a word such as "sunscreen" lists the topic pages, not a table whose cells run together in
the result's snippet (reader review, M2). The rest of the sources page is still found."""

from __future__ import annotations

import json
from typing import Any

import pytest

from guide.data import lang as langs
from support import ROOT, Build, project_facts

EDITIONS = {"en": ("", "sunscreen"), "es": ("es", "protector")}


def _entries(site: Build, folder: str) -> list[dict[str, Any]]:
    index = json.loads((site.site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    return docs


def _labels(lang: str) -> list[str]:
    facts = project_facts()
    if lang == "es":
        facts = langs.load_wording(ROOT / "data" / "facts.es.yml", "data/facts.es.yml", facts)
    return [fact.label for fact in facts.all_facts().values()]


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_the_facts_table_is_not_in_the_search_index(site: Build, lang: str) -> None:
    folder, word = EDITIONS[lang]
    entries = _entries(site, folder)
    sources = [e for e in entries if e["location"].startswith("sources/")]
    text = " ".join(e["title"] + " " + e["text"] for e in sources)
    strings = langs.load_strings(ROOT, lang)
    assert strings["ft_caption"] not in text, "the table's caption is indexed"
    indexed = [label for label in _labels(lang) if label in text]
    assert not indexed, f"facts table rows in the search index: {indexed}"
    # The rest of the sources page is still found: the article and the experts.
    surname = project_facts().experts["nazarian"].name.split()[-1]
    assert any(surname in e["text"] for e in sources), "the sources page's experts are still indexed"
    # A search word from the aftercare advice finds topic pages only, the aftercare page among them.
    found = {e["location"].split("#")[0] for e in entries if word in (e["title"] + " " + e["text"]).lower()}
    assert "aftercare/" in found and not any(page.startswith("sources/") for page in found), found
