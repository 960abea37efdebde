"""A phone's screen (375 px), as the third readers' review (no hints) read it: the header's title, words
joined by a hyphen, and the appointment sheet's answer lines.

* The header's title (the site's name, and the page's title once the reader scrolls) was cut to one line
  with an ellipsis ("The micron…", "Cuidados después del tra…"): overrides/stylesheets/extra.css lets it
  take up to three smaller lines on a phone.
* "in-office" broke across two lines as "in-" and "office" in the at-home page's heading.
* The sheet's answer lines were slivers beside questions that wrapped: each takes a row of its own.
"""

from __future__ import annotations

import pytest

from browser import Server, Tabs
from support import NAV


def _path(edition: str, src: str) -> str:
    return edition + ("" if src == "index.md" else src.removesuffix(".md") + "/")


# Each header topic's words: whole (nothing scrolls out of its box, nothing clamped away) and inside the header.
TOPICS = """() => [...document.querySelectorAll(".md-header__topic .md-ellipsis")].map(e => {
  const r = e.getBoundingClientRect(), header = e.closest(".md-header").getBoundingClientRect();
  return {text: e.textContent.trim(), whole: e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1,
          inside: r.top >= header.top - 1 && r.bottom <= header.bottom + 1};
})"""


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_header_shows_each_page_title_whole_on_a_phone(tabs: Tabs, server: Server, edition: str) -> None:
    """Every page's title in the header (the second topic, shown once the reader scrolls) is whole at 375 px in
    both editions, and so is the English site name (the first topic); the Spanish site name may lose its last
    words, "(microneedling)", but stays inside the header."""
    for src in NAV:
        with tabs.visit(server, _path(edition, src), 375) as (page, log):
            site_name, title = page.evaluate(TOPICS)
            assert title["whole"] and title["inside"], f"{edition}{src}: the header cuts the page title {title}"
            assert site_name["inside"], f"{edition}{src}: {site_name}"
            if not edition:
                assert site_name["whole"], f"{src}: the header cuts the site name {site_name}"
            assert not log.errors


# Every word joined by a hyphen in the page's main text, and whether it sits on one line.
HYPHENATED = r"""() => {
  const out = [], walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    for (const m of node.data.matchAll(/[A-Za-z]+-[A-Za-z]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      out.push([m[0], lines.size]);
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_in_office_never_breaks_across_lines(tabs: Tabs, server: Server, width: int) -> None:
    """No "in-office" on any English page is split as "in-" / "office" at the end of a line."""
    seen = 0
    for src in NAV:
        with tabs.visit(server, _path("", src), width) as (page, log):
            for word, lines in page.evaluate(HYPHENATED):
                if word.lower() == "in-office" and lines:  # 0: not shown (a closed <details>)
                    seen += 1
                    assert lines == 1, f"{src} at {width} px: '{word}' breaks across {lines} lines"
    assert seen, "the pages no longer say in-office: check another word"


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_sheets_answer_lines_take_a_row_of_their_own_on_a_phone(tabs: Tabs, server: Server, edition: str) -> None:
    """Each question's answer line is under the question and as wide as the list's text, not beside it."""
    with tabs.visit(server, edition + "appointment-sheet/", 375) as (page, log):
        rows = page.locator(".checklist .sheet-fields").evaluate_all("""els => els.map(e => {
            const q = e.querySelector(":scope > span > span:first-child").getBoundingClientRect();
            const line = e.querySelector(".sheet-line").getBoundingClientRect();
            return {below: line.top >= q.bottom - 1, width: line.width, room: e.closest("li").getBoundingClientRect().width};
        })""")
        assert len(rows) >= 3, rows
        for row in rows:
            assert row["below"] and row["width"] >= 0.8 * row["room"], row
        assert not log.errors
