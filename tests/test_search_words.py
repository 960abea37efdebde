"""Search finds a word that follows punctuation (issue 23, Spanish edition): the reader who types "duele"
finds the page headed "¿Duele ...?". Until the search plugin had a ``separator`` (guide/preflight.py,
SEARCH_SEPARATOR), Material split words only at spaces and hyphens, so the index held "¿duele" and a
search for "duele" missed the pain page; an English word right after an opening quotation mark or
bracket was missed the same way.

Words typed without their accents ("acne" for "acné") still find nothing in Material's search, and no
setting changes that: Material 9.8's search plugin takes lang, separator, pipeline (stemmer,
stopWordFilter, trimmer only), fields and jieba options; its tokenizer only lower-cases the text between
separators; the stemmer folds accents in the index but not in the query, which Material gives a trailing
wildcard, and Lunr does not stem a wildcard term, so "después" and "duele" then find nothing (measured:
MIGRATING.md, "Search"). Zensical's search folds accents itself (NFKD), so both spellings work there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser import Server, Tabs, serving
from guide import preflight
from htmlpage import article_text, parse
from support import Build

if TYPE_CHECKING:
    from playwright.sync_api import Page

OPENERS = "“(\"¿¡«"
"""Marks that open a quotation, an aside or a Spanish question or exclamation: the next word follows one."""


def _index(root: Path, edition: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((root / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    return found


def _texts(index: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each indexed section's page and its title and text, without markup."""
    for doc in index["docs"]:
        yield doc["location"].split("#")[0], re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])


def _spanish_pain_word(root: Path) -> str:
    """The first word of the Spanish pain page's heading, which opens with "¿" ("¿Duele ...?")."""
    heading = parse((root / "es" / "pain" / "index.html").read_text(encoding="utf-8")).select_one("h1")
    assert heading is not None
    match = re.match(r"¿(\w+)", heading.get_text().strip())
    assert match, f"the Spanish pain page's heading no longer opens with '¿': {heading.get_text()!r}"
    return match.group(1).lower()


def _word_after_punctuation(root: Path) -> tuple[str, str]:
    """(a word, its page) of the English edition: a word of 5+ letters that one page has right after an
    opening mark and that nowhere starts a word after a space or hyphen (the old separator), so only a
    search that splits at punctuation finds it."""
    texts = list(_texts(_index(root, "")))
    everything = " ".join(text for _, text in texts)
    for page, text in sorted(texts):
        for word in sorted(set(re.findall(f"[{re.escape(OPENERS)}]([A-Za-z]{{5,}})", text))):
            if not re.search(rf"(?:^|[\s\-]){word}", everything, re.IGNORECASE):
                return word.lower(), page
    raise AssertionError("no English word only after an opening mark: pick another check")


@pytest.mark.parametrize("edition", ["", "es"])
def test_the_index_splits_words_at_punctuation(site: Build, edition: str) -> None:
    """Each edition's index carries the fixed separator, and with it the Spanish pain page's text has the
    word "duele" (Python's re reads this separator as the browser's RegExp does)."""
    index = _index(site.site, edition)
    assert index["config"]["separator"] == preflight.SEARCH_SEPARATOR, index["config"]
    if edition == "es":
        word = _spanish_pain_word(site.site)
        words = {w.lower() for page, text in _texts(index) if page == "pain/" for w in re.split(index["config"]["separator"], text)}
        assert word in words, f"{word!r} is not a word of the indexed pain page"


def _search(page: Page, word: str) -> list[str]:
    """Type ``word`` into Material's search as a reader does; the result links' addresses (none: [])."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.press_sequentially(word, delay=20)
    links = page.locator(".md-search-result__item a")
    try:
        links.first.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        return []  # Material says it found nothing
    hrefs: list[str] = links.evaluate_all("els => els.map(e => e.href.split(/[?#]/)[0])")
    return hrefs


def test_spanish_search_finds_the_pain_page_by_a_word_after_a_question_mark(tabs: Tabs, server: Server) -> None:
    """Typing "duele" lists the page "¿Duele ...?", and following it marks the word on the page
    (search.highlight runs the same separator)."""
    word = _spanish_pain_word(server.root)
    with tabs.visit(server, "es/", 1280) as (page, log):
        hrefs = _search(page, word)
        assert server.url("es/pain/") in hrefs, f"searching {word!r}: {hrefs}"
        page.locator(".md-search-result__item a").nth(hrefs.index(server.url("es/pain/"))).click()
        page.wait_for_url(re.compile(re.escape(server.url("es/pain/")) + r"\?h="))
        marks = page.locator("article mark")
        marks.first.wait_for(timeout=10_000)
        assert word in {m.lower() for m in marks.all_inner_texts()}, marks.all_inner_texts()
        assert not log.errors and not log.third_party, (log.errors, log.third_party)


def test_english_search_finds_a_word_after_an_opening_quote(tabs: Tabs, server: Server) -> None:
    word, target = _word_after_punctuation(server.root)
    with tabs.visit(server, "", 1280) as (page, log):
        hrefs = _search(page, word)
        assert server.url(target) in hrefs, f"searching {word!r}: {hrefs}"
        assert not log.errors, log.errors


def test_zensical_spanish_search_lists_only_pages_with_the_word(tabs: Tabs, site: Build, zsite: Build) -> None:
    """Zensical reads the same separator (its search takes only enabled and separator). Without it, "duele"
    found the pain page by its title and then nine sections of six other pages that do not have the word
    (Zensical's search falls back to near matches when no indexed word starts with the query); with it,
    every result is a page that says "duele", the pain page first."""
    word = _spanish_pain_word(site.site)
    with serving(zsite.site) as served, tabs.visit(served, "es/", 1280) as (page, log):
        page.locator("button.md-search__button").click()
        page.locator("dialog[aria-label] input[role=combobox]").fill(word)  # one input event: Zensical searches on input
        links = page.locator("dialog[aria-label] ol[role=listbox] a")
        links.first.wait_for(timeout=10_000)
        hrefs: list[str] = links.evaluate_all("els => els.map(e => e.href.split(/[?#]/)[0])")
        assert hrefs[:1] == [served.url("es/pain/")], f"searching {word!r}: {hrefs}"
        pages = sorted({href.removeprefix(served.url()) for href in hrefs})
        without = [path for path in pages
                   if not re.search(rf"\b{word}\b", article_text((served.root / path / "index.html").read_text(encoding="utf-8")), re.I)]
        assert not without, f"searching {word!r} lists pages that do not have it: {without}"
        assert not log.errors, log.errors
