"""A word typed in another form than the pages use finds the pages (the fourth readers' review, M1): "pregnant"
finds the page that says "pregnancy", "cicatriz" the pages that say "cicatrices". Material 9.8's search matches
the start of a word and does not stem a query word (MIGRATING.md, "Search"), so the forms a reader types are
listed once, per edition, in data/search-words.yml, and the post-build step (guide/build/postbuild.py, search_forms)
adds them to the hidden fields of the index's sections that have the word. A result shows the section's own
words, and no label runs into the text after it (the home page's "At a glance" card read "NumbingThe article
says" in a result, as the index joined a <dt> and its <dd>).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import Server, Tabs
from guide.build import postbuild, preflight
from guide.errors import GuideErrors
from htmlpage import BLOCKS, parse
from support import ROOT, Build
from test_search_words import _results, _search

TYPED = [("", "pregnant", "candidates/"), ("", "microneedle", "procedure/"), ("", "numbing", "pain/"),
         ("es/", "cicatriz", "es/frequency/"), ("es/", "embarazada", "es/candidates/"), ("es/", "anestesia", "es/pain/")]
"""(edition, what the fourth readers' review typed, a page it must list): each word but "numbing" is in no page."""


def _index(root: Path, edition: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((root / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    return found


def _words(text: str, separator: re.Pattern[str]) -> list[str]:
    return [w.lower() for w in separator.split(re.sub(r"<[^>]*>", " ", text)) if w]


def _page_words(html: str, separator: re.Pattern[str]) -> set[str]:
    """Every word a reader sees in the page's <article> (its pictures' words too): a block ends a word."""
    words: set[str] = set()
    for article in parse(html).find_all("article"):
        for hidden in article.select("script, style, template, a.headerlink"):
            hidden.decompose()
        for element in article.find_all(True):
            if element.name in BLOCKS | {"text", "title", "desc"}:
                element.append("\n")
        words |= set(_words(article.get_text(""), separator))
    return words


@pytest.mark.parametrize("edition", ["", "es"])
def test_every_word_a_result_shows_is_a_word_of_its_page(site: Build, edition: str) -> None:
    """Each word of each indexed section's title and text, as a result shows it, is a word the page shows: no
    label runs into its sentence ("NumbingThe", "El aparatoLa")."""
    index = _index(site.site, edition)
    separator = re.compile(index["config"]["separator"])
    pages: dict[str, set[str]] = {}
    run_together = []
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if page not in pages:
            pages[page] = _page_words((site.site / edition / page / "index.html").read_text(encoding="utf-8"), separator)
        run_together += [(doc["location"], w) for w in _words(doc["title"] + " " + doc["text"], separator) if w not in pages[page]]
    assert not run_together, f"words in results that no page shows: {run_together[:10]}"


def _listed(lang: str) -> dict[str, list[str]]:
    listed: dict[str, list[str]] = yaml.safe_load((ROOT / postbuild.SEARCH_WORDS).read_text(encoding="utf-8"))[lang]
    return listed


@pytest.mark.parametrize(("edition", "lang"), [("", "en"), ("es", "es")])
def test_the_sections_with_a_listed_word_carry_its_forms(site: Build, edition: str, lang: str) -> None:
    """Every section whose title or text has a word of data/search-words.yml has its forms (and their spellings
    without accents) in the hidden field of the same weight, and no other section has them; the forms are in no
    field a result shows."""
    index = _index(site.site, edition)
    separator = re.compile(index["config"]["separator"])
    for field, extra in postbuild.FORMS.items():
        assert index["config"]["fields"][extra] == index["config"]["fields"][field]
    listed = _listed(lang)
    for doc in index["docs"]:
        for field, extra in postbuild.FORMS.items():
            words = {postbuild.fold(w) for w in _words(doc[field], separator)}
            expected = {f for word, forms in listed.items() if postbuild.fold(word) in words for form in forms
                        for f in (form, postbuild.fold(form))}
            assert set(doc.get(extra, "").split()) == expected, (doc["location"], field)
            assert not expected & set(_words(doc[field], separator)), f"{doc['location']}: a form is shown"


@pytest.mark.parametrize(("edition", "word", "page"), TYPED)
def test_a_word_typed_in_another_form_finds_its_page(tabs: Tabs, server: Server, edition: str, word: str, page: str) -> None:
    """In Chromium, the word the reviewer typed lists the page, and the results show the pages' own words: never
    the typed form where the page does not have it, nor anything from the hidden fields."""
    with tabs.visit(server, edition, 1280) as (tab, log):
        hrefs = _search(tab, word)
        results = _results(tab)
        assert not log.errors and not log.third_party, (log.errors, log.third_party)
    assert server.url(page) in hrefs, f"searching {word!r} in /{edition}: {hrefs}"
    index = _index(server.root, edition.rstrip("/"))
    separator = re.compile(index["config"]["separator"])
    everything = {w for doc in index["docs"] for w in _words(doc["title"] + " " + doc["text"], separator)}
    shown = [w for _, text in results for w in _words(text, separator)]
    assert word in everything or word not in shown, f"a result shows {word!r}, which no page has"
    assert not {"title_forms", "text_forms", "title_folded", "text_folded"} & set(shown), "a result shows a field's name"


# The rules of data/search-words.yml, on a small index of two sections.

SEPARATOR = preflight.SEARCH_SEPARATOR  # the site's own


def _project(tmp_path: Path, words: str) -> tuple[Path, Path]:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    index = {"config": {"lang": ["en"], "separator": SEPARATOR, "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "candidates/", "title": "Who it suits", "text": "<p>Ask about pregnancy.</p>"},
                      {"location": "pain/", "title": "Numbing", "text": "<p>A cream.</p>"}]}
    (site / postbuild.SEARCH_INDEX).write_text(json.dumps(index), encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / postbuild.SEARCH_WORDS).write_text(words, encoding="utf-8")
    return site, tmp_path


def test_search_forms_adds_a_form_where_its_word_is(tmp_path: Path) -> None:
    site, project = _project(tmp_path, "en:\n  pregnancy: [pregnant]\n  numbing: [numbed]\nes:\n  embarazo: [embarazadas]\n")
    assert postbuild.search_forms(site, project) == 2
    index = json.loads((site / postbuild.SEARCH_INDEX).read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert docs["candidates/"]["text_forms"] == "pregnant" and "title_forms" not in docs["candidates/"]
    assert docs["pain/"]["title_forms"] == "numbed" and "text_forms" not in docs["pain/"]
    assert index["config"]["fields"]["title_forms"] == {"boost": 1000.0}
    assert index["config"]["fields"]["text_forms"] == {"boost": 1.0}
    assert docs["candidates/"]["text"] == "<p>Ask about pregnancy.</p>"


@pytest.mark.parametrize(("words", "message"), [
    ("en:\n  pregnancy: [pregnan]\n", "data/search-words.yml:2: the form 'pregnan' of 'pregnancy' is found already"),
    ("en:\n  pregnancy: [pregnant, pregnan]\n", "Found: 'pregnan', the start of 'pregnancy'"),
    ("en:\n  numbing: [numbed, numbe]\n", "Found: 'numbe', the start of 'numbed'"),
    ("en:\n  pregnant: [pregnants]\n", "data/search-words.yml:2: the word 'pregnant' is on no page of this edition"),
    ("en:\n  pregnancy: [Pregnant]\n", "the form 'Pregnant' of 'pregnancy' is not one lower-case word"),
    ("en:\n  pregnancy: [with child]\n", "the form 'with child' of 'pregnancy' is not one lower-case word"),
    ("en:\n  pregnancy test: [tests]\n", "'pregnancy test' is not one word"),
    ("en:\n  pregnancy: pregnant\n", "the forms of 'pregnancy' are not a list of words"),
    # the sixth no-hints attack: a word of another meaning made to find the pregnancy section
    ("en:\n  pregnancy: [pregnant, safe]\n", "data/search-words.yml:2: 'safe' is not a form of 'pregnancy'"),
    ("en:\n  pregnancy: [pregnant]\n  pregnancy: [expecting]\n", "the key 'pregnancy' is given twice"),
    # the seventh no-hints attack: words after a full-width slash, which folds to "/", a separator
    ("en:\n  pregnancy: [pregnant, \"pregnancy\uff0fsafe\uff0fcures\uff0fcancer\"]\n",
     "the form 'pregnancy\uff0fsafe\uff0fcures\uff0fcancer' of 'pregnancy' is not one lower-case word"),
    ("en:\n  pregnancy: [pregnancy" + "x" * 30 + "]\n", "is not one lower-case word"),
])
def test_search_forms_refuses_a_list_that_breaks_its_rules(tmp_path: Path, words: str, message: str) -> None:
    site, project = _project(tmp_path, words)
    before = (site / postbuild.SEARCH_INDEX).read_text(encoding="utf-8")
    with pytest.raises(GuideErrors) as raised:
        postbuild.search_forms(site, project)
    assert message in str(raised.value)
    assert "Fix:" in str(raised.value)
    assert (site / postbuild.SEARCH_INDEX).read_text(encoding="utf-8") == before, "the index changed"
