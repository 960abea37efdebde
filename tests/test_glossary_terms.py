"""Glossary terms in a real browser: a term's meaning reaches a reader who taps it on a phone or
reaches it with the Tab key, not only one who hovers with a mouse (reader review, M1).

overrides/partials/content.html makes every term the glossary marks (``<abbr title>``) focusable;
overrides/stylesheets/extra.css shows the focused term's meaning (its title) in a box after it.
No script: the pages' Content-Security-Policy and axe still pass with a meaning shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from browser import Server, Tabs, csp_violations, run_axe, site_pages
from htmlpage import parse
from support import Build

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# What the reader sees of a term: the box after it (the ::after pseudo-element) and the term's own box.
SHOWN = """el => {
  const after = getComputedStyle(el, "::after"), r = el.getBoundingClientRect();
  return {content: after.content, display: after.display, height: r.height, right: r.right,
          focused: document.activeElement === el, title: el.title,
          ring: getComputedStyle(el).outlineStyle !== "none",
          overflow: document.documentElement.scrollWidth > window.innerWidth};
}"""


def _shown(page: Page, selector: str) -> dict[str, Any]:
    state: dict[str, Any] = page.locator(selector).first.evaluate(SHOWN)
    return state


def _meaning_shown(state: dict[str, Any], closed: dict[str, Any]) -> None:
    # Chromium gives attr(title) as the title's text in quotes; the box takes room of its own.
    assert state["focused"], "the term has the focus"
    assert state["content"] == '"' + state["title"] + '"', state
    assert state["display"] == "inline-block" and state["height"] > closed["height"] * 1.5, (state, closed)
    assert not state["overflow"], "the meaning fits the screen: no sideways scrolling"


@pytest.mark.parametrize("path", ["aftercare/", "es/aftercare/"])
def test_a_tap_on_a_glossary_term_shows_its_meaning_on_a_phone(tabs: Tabs, server: Server, path: str) -> None:
    with tabs.visit(server, path, 375) as (page, log):
        selector = "article p abbr[title]"
        closed = _shown(page, selector)
        assert closed["content"] == "none" and not closed["focused"], "no meaning shown before a tap"
        page.locator(selector).first.tap()
        _meaning_shown(_shown(page, selector), closed)
        assert not run_axe(page), "axe, with a meaning shown"
        assert not csp_violations(page, log) and not log.errors


@pytest.mark.parametrize("path", ["pain/", "es/pain/"])
def test_the_tab_key_reaches_a_glossary_term_and_shows_its_meaning(tabs: Tabs, server: Server, path: str) -> None:
    with tabs.visit(server, path, 1280) as (page, log):
        selector = "article abbr[title]"
        closed = _shown(page, selector)
        for _ in range(150):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('article abbr[title]')"):
                break
        else:
            pytest.fail("Tab never reaches a glossary term")
        state = _shown(page, selector)
        _meaning_shown(state, closed)
        assert state["ring"], "a visible focus ring on the term"
        page.keyboard.press("Tab")  # moving on closes it
        assert _shown(page, selector)["content"] == "none"
        assert not csp_violations(page, log) and not log.errors


def test_every_glossary_term_is_focusable_and_none_inside_a_link(site: Build) -> None:
    """Every term on every page of both editions can take the focus (tabindex 0), and none sits inside
    a link or a button, where a focusable term would be a control inside a control."""
    terms = 0
    for path in site_pages(site.site):
        if path == "404.html":
            continue
        html = parse((site.site / path / "index.html").read_text(encoding="utf-8"))
        for abbr in html.select("article abbr[title]"):
            terms += 1
            assert abbr.get("tabindex") == "0", f"{path}: {abbr}"
            assert not abbr.find_parent(["a", "button", "summary"]), f"{path}: a term inside a control: {abbr}"
    assert terms > 100, terms


@pytest.mark.parametrize("path", ["at-home-vs-in-office/", "es/at-home-vs-in-office/"])
def test_a_meaning_in_the_comparison_table_has_the_size_of_the_table_text(tabs: Tabs, server: Server, path: str) -> None:
    """Reader review E4/S11: in the comparison table the meaning's box was larger than the table's text."""
    with tabs.visit(server, path, 375) as (page, log):
        term = page.locator("div.comparison td abbr[title]").first
        term.tap()
        after, cell, paragraph = term.evaluate("""el => [getComputedStyle(el, "::after").fontSize,
            getComputedStyle(el.closest("td")).fontSize, getComputedStyle(document.querySelector("article p")).fontSize]""")
        assert after == cell, (after, cell)
        assert cell != paragraph, "the table's text is smaller than a paragraph's: the check can tell them apart"
        assert not csp_violations(page, log) and not log.errors


@pytest.mark.parametrize(("path", "says", "not_says"), [("glossary/", "its meaning shows in a box under it", "next to it"),
                                                       ("es/glossary/", "su significado aparece en un recuadro debajo", "a su lado")])
def test_the_glossary_says_where_a_meaning_shows(tabs: Tabs, server: Server, path: str, says: str, not_says: str) -> None:
    """The glossary's help says the meaning shows under the term, where it does (a box on a line of its own,
    lower than the term's line); it said "next to it" (third readers' review)."""
    with tabs.visit(server, path, 375) as (page, log):
        text = " ".join(page.locator("article").inner_text().split())
        assert says in text and not_says not in text, text[:600]
    with tabs.visit(server, path.replace("glossary", "aftercare"), 375) as (page, log):
        term = page.locator("article p abbr[title]").first
        line = term.evaluate("el => el.getBoundingClientRect().top")
        term.tap()
        box = term.evaluate("""el => { const r = el.getClientRects(); return r[r.length - 1].bottom; }""")
        size = term.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert box > line + 1.5 * size, "the meaning's box is below the term's line"
        assert not log.errors
