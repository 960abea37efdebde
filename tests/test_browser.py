"""The built site in a real browser (Chromium): clean loads, privacy, search, colour scheme,
keyboard use and axe-core's WCAG 2.2 A/AA checks on every page, light and dark, phone and desktop.

The site is served on 127.0.0.1 under /guide/ (as on GitHub Pages); Chromium cannot
resolve any other host, and every request to another host is counted anyway.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Literal

import pytest

from browser import (
    SCHEMES,
    WIDTHS,
    PageLog,
    Server,
    Tabs,
    csp_violations,
    new_context,
    open_page,
    run_axe,
    scheme_of,
    serving,
    settle,
    site_pages,
    switch_scheme,
)
from support import NAV, ROOT, Build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# The pages as built; collected once from a fresh build would be slow, so from the nav + 404.
EN_PAGES = ["" if src == "index.md" else src.removesuffix(".md") + "/" for src in NAV] + ["404.html"]
# The Spanish edition, same pages (issue 15) but the 404: only the root one is ever served (issue 23).
PAGES = EN_PAGES + ["es/" + path for path in EN_PAGES if path != "404.html"]


def test_page_list_matches_the_build(site: Build) -> None:
    assert sorted(site_pages(site.site)) == sorted(PAGES)


def test_a_reused_tab_starts_each_visit_afresh(tabs: Tabs, server: Server) -> None:
    """The browser tests share one tab per width (browser.Tabs): each visit records only its own
    errors and opens in the light scheme (and on screen, not in the print view), and a failed test's
    tab is closed, never handed on. Other storage and the tab's history are shared, as for a reader
    going from page to page: a test that needs its own opens its own context (open_page)."""
    with tabs.visit(server, "", 1280) as (page, log):
        switch_scheme(page, "slate")
        page.emulate_media(media="print")
        page.evaluate("() => console.error('left behind')")
        page.wait_for_function("() => true")  # the console event has reached the log
        assert log.errors == ["console: left behind"]
    with tabs.visit(server, "pain/", 1280) as (again, log):
        assert again is page, "the same tab, navigated"
        assert not log.errors, log.errors
        assert scheme_of(again) == "default"
        assert not again.evaluate("matchMedia('print').matches"), "on screen again"
    with pytest.raises(AssertionError, match="a failing test"), tabs.visit(server, "", 1280) as (failing, _):
        raise AssertionError("a failing test")
    assert failing.is_closed()
    with tabs.visit(server, "", 1280) as (fresh, _):
        assert fresh is not failing and not fresh.is_closed()


def test_missing_address_gets_the_helpful_404(browser: Browser, server: Server) -> None:
    context = new_context(browser)
    try:
        page = context.new_page()
        log = PageLog()
        log.watch(page)
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        response = page.goto(server.url("no/such/page/"), wait_until="load")
        settle(page, log)
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
        assert server.url("") in hrefs, "links home"
        assert server.url("pain/") in hrefs, "links the main topics"
        assert "search" in page.locator("article").inner_text().lower()
        # Styles and scripts load from the site's own path, whatever the address.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert not failed
    finally:
        context.close()


def _unique_word(server: Server, target: str) -> str:
    """A word of 7+ letters that only ``target`` has in the search index."""
    index = json.loads((server.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        for word in re.findall(r"[a-z]{7,}", (doc["title"] + " " + doc["text"]).lower()):
            pages[word].add(doc["location"].split("#")[0])
    words = sorted(w for w, where in pages.items() if where == {target})
    assert words, f"no word only {target} uses"
    return words[0]


# What overrides/partials/search-dialog.html changes in Zensical's search dialog, read from the open
# dialog: each result's page path (Zensical's <menu id="...-path">) is matched by a rule of a stylesheet
# the shadow root adopted, and no result is named by its title alone (aria-labelledby/-describedby).
ZENSICAL_SEARCH_FIXES = """dialog => {
  const rules = dialog.getRootNode().adoptedStyleSheets.flatMap(sheet => [...sheet.cssRules].map(rule => rule.selectorText));
  const paths = [...dialog.querySelectorAll("a[role=option] [id$='-path']")];
  return {paths: paths.length, recoloured: paths.filter(path => rules.some(rule => rule && path.matches(rule))).length,
          labelled: dialog.querySelectorAll("a[role=option][aria-labelledby], a[role=option][aria-describedby]").length};
}"""


def _zensical_search(page: Page, width: int, word: str) -> list[str]:
    """Open Zensical's search dialog, type ``word`` and wait for its results; their addresses."""
    if width < 1220:
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator("button.md-search__button").click()
    box = page.locator("dialog[aria-label=Search] input[role=combobox]")  # Playwright's CSS sees into shadow roots
    # One input event with the whole word (Zensical searches on input): typed letter by letter, the
    # results of a first few letters can be on screen when the first link is found.
    box.fill(word)
    links = page.locator("dialog[aria-label=Search] ol[role=listbox] a")
    links.first.wait_for(timeout=10_000)
    # The dialog and its results fade in (CSS transitions, some cut short as results change while
    # the word is typed): axe measures colours once none is running.
    dialog = page.locator("dialog[aria-label=Search]").element_handle()
    page.wait_for_function("d => d.getRootNode().getAnimations().length === 0", arg=dialog)
    hrefs: list[str] = links.evaluate_all("els => els.map(e => e.href.split(/[?#]/)[0])")
    return hrefs


@pytest.mark.parametrize("width", list(WIDTHS))
def test_zensical_search_dialog_finds_a_page_and_stays_clean(tabs: Tabs, site: Build, zsite: Build, width: int) -> None:
    """Zensical's own search (a Search button, or the header's icon on a phone, opens a dialog in a
    shadow root): a word only one page uses finds that page; axe (which checks open shadow roots)
    finds nothing in the open dialog with its results, light and dark (switched by the toggle, with
    the dialog closed: it is modal); no console error, no request to another host and no
    Content-Security-Policy violation. The two problems axe found in the dialog are fixed by
    overrides/partials/search-dialog.html (MIGRATING.md, "Held to the same bar"); if a Zensical
    upgrade changes what it fixes, ZENSICAL_SEARCH_FIXES says so."""
    target = "aftercare/"
    with serving(site.site) as mkdocs:
        word = _unique_word(mkdocs, target)  # the same text on both builds (tests/test_zensical.py)
    with serving(zsite.site) as served:
        with tabs.visit(served, "", width) as (page, log):
            report = []
            for scheme in SCHEMES:
                if scheme != scheme_of(page):
                    page.keyboard.press("Escape")
                    page.locator("dialog[aria-label=Search]").wait_for(state="hidden")
                    switch_scheme(page, scheme)
                hrefs = _zensical_search(page, width, word)
                assert served.url(target) in hrefs, f"{scheme} scheme, searching {word!r}: {hrefs}"
                found = run_axe(page)
                report += [f"axe, {scheme} scheme:\n" + "\n".join(found)] * bool(found)
                fixes = page.locator("dialog[aria-label=Search]").evaluate(ZENSICAL_SEARCH_FIXES)
                fixed = fixes["paths"] and fixes["recoloured"] == fixes["paths"] and not fixes["labelled"]
                report += [f"{scheme} scheme: overrides/partials/search-dialog.html did not fix Zensical's search dialog "
                           f"(has its markup changed?): {fixes}"] * (not fixed)
            csp = csp_violations(page, log)
            report += [f"console or page errors: {log.errors}"] * bool(log.errors)
            report += [f"requests to other hosts: {log.third_party}"] * bool(log.third_party)
            report += [f"Content-Security-Policy violations: {csp}"] * bool(csp)
            assert not report, "\n".join(report)


@pytest.mark.parametrize("target", ["aftercare/", "procedure/"])
def test_search_finds_a_page_by_a_word_from_it(tabs: Tabs, server: Server, target: str) -> None:
    word = _unique_word(server, target)
    with tabs.visit(server, "", 1280) as (page, log):
        page.keyboard.press("/")  # Material's shortcut opens search; clicking works too
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.locator("label.md-header__button[for=__search]").click()
        box.press_sequentially(word, delay=20)  # typed as a reader would: Material reacts to keys
        links = page.locator(".md-search-result__item a")
        links.first.wait_for(timeout=10_000)
        hrefs = links.evaluate_all("els => els.map(e => e.href.split(/[?#]/)[0])")
        assert server.url(target) in hrefs, f"searching {word!r}: {hrefs}"
        assert not log.third_party


def test_colour_scheme_toggle_works_and_persists(browser: Browser, server: Server) -> None:
    context, page, _ = open_page(browser, server, "")  # its own storage: the choice must persist
    try:
        assert scheme_of(page) == "default", "light by default on a light system"
        page.locator("label[title='Switch to dark mode']:visible").click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.reload(wait_until="load")
        assert scheme_of(page) == "slate", "kept after a reload"
        page.goto(server.url("pain/"), wait_until="load")
        assert scheme_of(page) == "slate", "kept on another page"
        page.locator("label[title='Switch to light mode']:visible").click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
        page.goto(server.url("aftercare/"), wait_until="load")
        assert scheme_of(page) == "default"
    finally:
        context.close()


FOCUS_STATE = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const r0 = el.getBoundingClientRect();
  // Material's palette toggle is a hidden radio; the ring is drawn on its label.
  if (el.matches("input.md-option") && el.nextElementSibling) el = el.nextElementSibling;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  return {tag: el.tagName.toLowerCase(), cls: el.className && String(el.className),
          href: el.href || null, ring: ring, visible: r.width > 0 && r.height > 0,
          zero: r0.width === 0 && r0.height === 0, search: el.matches(".md-search__input")};
}"""


@pytest.mark.parametrize("path", ["", "pain/"])
def test_keyboard_reaches_search_and_every_nav_item_with_visible_focus(tabs: Tabs, server: Server, path: str) -> None:
    with tabs.visit(server, path, 1280) as (page, _):
        nav = set(page.eval_on_selector_all(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link",
                                            "els => els.map(e => e.href)"))
        assert len(nav) == len(EN_PAGES) - 1, nav
        seen_search, reached, no_ring = False, set(), []
        first = None
        for _ in range(120):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:
                continue
            if first is None:
                first = state
            if state["visible"] and not state["ring"]:
                no_ring.append(state)
            seen_search |= state["search"]
            if state["href"] in nav:
                reached.add(state["href"])
            if seen_search and reached == nav:
                break
        assert first and "md-skip" in first["cls"], f"the skip link comes first, not {first}"
        assert seen_search, "Tab reaches the search box"
        assert reached == nav, f"not reached by Tab: {sorted(nav - reached)}"
        assert not no_ring, f"focused without a visible ring: {no_ring}"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_clean_and_private(tabs: Tabs, served: Server, path: str, width: int) -> None:
    """Every page of both engines' builds (``served``), phone (a touch device) and desktop, in one tab:

    * axe-core's WCAG 2.2 A/AA checks in the light scheme, then in the dark one (switched by the toggle);
    * no console or page error, no request to another host;
    * no Content-Security-Policy violation, from the first byte, through both schemes, scrolled to
      the end (back-to-top button, table of contents tracking) and in the print view (test_csp.py
      has the policy's own tests).
    """
    with tabs.visit(served, path, width) as (page, log):
        assert page.title(), "the page has a title"
        problems = {}
        for scheme in SCHEMES:
            if scheme != scheme_of(page):
                switch_scheme(page, scheme)
            problems[scheme] = run_axe(page)
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(200)
        page.emulate_media(media="print")
        page.wait_for_timeout(50)
        page.emulate_media(media="screen")
        csp = csp_violations(page, log)
        report = [f"axe, {scheme} scheme:\n" + "\n".join(found) for scheme, found in problems.items() if found]
        report += [f"console or page errors: {log.errors}"] * bool(log.errors)
        report += [f"requests to other hosts: {log.third_party}"] * bool(log.third_party)
        report += [f"Content-Security-Policy violations: {csp}"] * bool(csp)
        assert not report, "\n".join(report)


def _open_search_results(page: Page, server: Server, width: int) -> None:
    page.locator("label.md-header__button[for=__search]").first.click() if width < 1220 else page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(_unique_word(server, "aftercare/"), delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def _open_facts_table(page: Page, server: Server, width: int) -> None:
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.locator("details.facts-table > summary").click()
    page.locator("table.facts tbody tr").first.wait_for()
    page.wait_for_timeout(300)  # the resize/toggle marking of scrollable tables has run


# What a reader can open that the page does not show at load: (page, how to open it).
OPENED = {"search results": ("", _open_search_results), "facts table": ("sources/", _open_facts_table)}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("opened", list(OPENED))
def test_axe_with_hidden_content_opened(tabs: Tabs, server: Server, opened: str, scheme: str, width: int) -> None:
    path, open_it = OPENED[opened]
    with tabs.visit(server, path, width) as (page, _):
        if scheme != scheme_of(page):
            switch_scheme(page, scheme)
        open_it(page, server, width)
        problems = run_axe(page)
        assert not problems, "\n".join(problems)


def test_axe_file_is_the_pinned_one() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    installed = ROOT / "node_modules" / "axe-core" / "package.json"
    if installed.exists():
        assert json.loads(installed.read_text(encoding="utf-8"))["version"] == pinned


# --- the theme script's start-up, and the colour scheme before the first paint ------------

# Records every change to <html>'s class and data-js-focus-visible and to <body>'s colour
# attributes, whether Material's script (which defines document$) had run, and whether the
# page had painted (first-paint entry).
WATCH_START_UP = """
window.__startUp = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target !== document.documentElement && r.target !== document.body) continue;
    const now = r.target.getAttribute(r.attributeName);
    if (now !== r.oldValue)
      window.__startUp.push([r.target.tagName, r.attributeName, r.oldValue, now, typeof document$ !== "undefined",
                             performance.getEntriesByName("first-paint").length > 0]);
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ["class", "data-js-focus-visible", "data-md-color-switching",
                                        "data-md-color-scheme", "data-md-color-media"]});
"""


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "sources/"])
def test_theme_script_starts_without_restyling_the_page(browser: Browser, server: Server, path: str, system: Literal["light", "dark"]) -> None:
    """The page sets before its first paint what Material's script would set after it.

    Each of these changes restyles the whole page; made by the script, they land in its
    longest task on a phone (overrides/main.html, partials/palette.html, bench/report.md).
    A first-time reader whose system is dark gets the dark scheme from the first paint.
    """
    context = new_context(browser, width=375, system=system)
    try:
        context.add_init_script(WATCH_START_UP)
        page = context.new_page()
        log = PageLog()
        log.watch(page)
        page.goto(server.url(path), wait_until="load")
        settle(page, log)  # the theme's script has started, the network is quiet
        page.wait_for_timeout(200)
        changes = page.evaluate("window.__startUp")
        scheme = "slate" if system == "dark" else "default"
        media = f"(prefers-color-scheme: {system})"
        assert all(not c[4] and not c[5] for c in changes), f"changed after the first paint or by the theme script: {changes}"
        assert [c[:4] for c in changes if c[0] == "HTML"] == [
            ["HTML", "class", "no-js", "js js-focus-visible"],
            ["HTML", "data-js-focus-visible", None, ""],
        ]
        body = {c[1]: c[3] for c in changes if c[0] == "BODY"}
        assert body.get("data-md-color-media") == media, changes
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        # The page's color-scheme tag says what Material's CSS gives the header, as Material's own palette would.
        assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == \
            page.evaluate("getComputedStyle(document.querySelector('.md-header')).colorScheme") == \
            ("dark" if system == "dark" else "light")
        assert page.evaluate("document.querySelectorAll('meta[name=color-scheme], meta[name=theme-color]').length") == 2
        page.wait_for_function("() => document.querySelector('meta[name=theme-color]').content !== ''")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        expected = "#" + "".join(f"{int(c):02x}" for c in re.findall(r"\d+", header)[:3])
        assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == expected
        visible = page.locator("form[data-guide-palette] label:visible")
        assert visible.count() == 1
        assert visible.get_attribute("title") == ("Switch to light mode" if system == "dark" else "Switch to dark mode")
    finally:
        context.close()


def test_colour_scheme_toggle_by_keyboard(tabs: Tabs, server: Server) -> None:
    """Enter on the focused toggle switches the scheme and keeps focus on the toggle (as in Material)."""
    with tabs.visit(server, "", 1280) as (page, _):
        page.locator("input.md-option:checked").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert page.evaluate("document.activeElement.matches('input.md-option:checked')")
        assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
        page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")


@pytest.mark.parametrize("path", ["sources/", "es/sources/"])
def test_facts_table_is_folded_left_in_place_and_fits_a_phone(tabs: Tabs, server: Server, path: str) -> None:
    """Folded at load, and, opened at 375 px, one card a fact that fits the screen: each cell after its column's
    name, nothing to scroll sideways (second reader review: five columns a word or two wide, scrolling)."""
    with tabs.visit(server, path, 375) as (page, log):
        page.wait_for_function("() => typeof document$ !== 'undefined'")
        details = page.locator("details.facts-table")
        assert details.count() == 1 and not details.evaluate("d => d.open"), "folded when the page opens"
        # Material's script wraps a plain table at load (moving it); this one comes wrapped.
        assert page.evaluate("""() => {
          const t = document.querySelector('table.facts');
          return t.parentElement.matches('.md-typeset__table')
              && t.parentElement.parentElement.matches('details.facts-table > .md-typeset__scrollwrap')
              && document.querySelectorAll('details.facts-table .md-typeset__scrollwrap').length === 1;
        }""")
        wrap = page.locator("details.facts-table .md-typeset__scrollwrap")
        assert wrap.get_attribute("tabindex") is None, "not measured while folded"
        page.locator("details.facts-table > summary").click()
        rows = page.locator("table.facts tbody tr")
        rows.first.wait_for()
        page.wait_for_timeout(300)  # the resize/toggle marking of scrollable tables has run
        assert rows.count() > 40 and rows.first.is_visible()
        fits = page.evaluate("""() => {
          const w = document.querySelector('details.facts-table .md-typeset__scrollwrap');
          return [w.scrollWidth, w.clientWidth, document.documentElement.scrollWidth, innerWidth];
        }""")
        assert fits[0] <= fits[1] + 1 and fits[2] <= fits[3], f"scrolls sideways: {fits}"
        assert wrap.get_attribute("role") is None and wrap.get_attribute("tabindex") is None, "nothing to scroll: no region"
        cells = page.evaluate("""() => [...document.querySelectorAll('table.facts tbody tr:first-child td')].map(td =>
          [td.getBoundingClientRect().width, getComputedStyle(td, '::before').content])""")
        heads = page.evaluate("() => [...document.querySelectorAll('table.facts thead th')].map(th => th.textContent.trim())")
        assert all(width > 250 for width, _ in cells), f"cells side by side: {cells}"
        assert [before for _, before in cells[1:]] == [f'"{head}: "' for head in heads[1:]], (cells, heads)
        assert not log.errors, log.errors


# --- the back button closes the drawer and search (Material's #1513) ---------------


def _toggle_after_back(tabs: Tabs, server: Server, toggle: str) -> tuple[bool, bool]:
    """Open ``toggle`` ("drawer" or "search") at phone width, follow a link from it, press back.

    Returns (open before following the link, open after coming back).
    """
    with tabs.visit(server, "", 375) as (page, _):
        page.wait_for_function("() => typeof document$ !== 'undefined'")  # the theme's script has started
        if toggle == "drawer":
            page.locator("label.md-header__button[for=__drawer]").click()
            link = page.locator(".md-nav--primary .md-nav__link[href$='pain/']").first
        else:
            page.locator("label.md-header__button[for=__search]").click()
            page.locator(".md-search__input").press_sequentially("numbing", delay=20)
            link = page.locator(".md-search-result__item a").first
        link.wait_for(state="visible", timeout=10_000)
        was_open = page.evaluate(f"document.getElementById('__{toggle}').checked")
        if toggle == "drawer":
            link.click()
        else:
            # Material closes search itself when a result is clicked; leaving the page any other
            # way (a bookmark, a link opened from the keyboard) leaves it open, which the browser
            # would then restore.
            page.evaluate("href => { location.href = href; }", server.url("pain/"))
        page.wait_for_url(lambda url: url.rstrip("/") != server.url("").rstrip("/"), timeout=10_000)
        page.go_back(wait_until="load")
        page.wait_for_timeout(300)  # any restore of form state has happened by now
        still_open = page.evaluate(f"document.getElementById('__{toggle}').checked")
        return was_open, still_open


@pytest.mark.parametrize("toggle", ["drawer", "search"])
def test_back_button_finds_drawer_and_search_closed(tabs: Tabs, server: Server, toggle: str) -> None:
    was_open, still_open = _toggle_after_back(tabs, server, toggle)
    assert was_open, f"the {toggle} did not open"
    assert not still_open, f"after the back button the {toggle} is still open over the page"
