"""In Chromium: the appointment sheet prints as one clean page, the aftercare page
prints clean, and the pictures fit a 320 px screen in both colour schemes.

Chromium (via Playwright) prints the built site to PDF. The page count comes
from the PDF itself (its ``/Type /Page`` objects). Chromium compresses the
PDF's text, so what is *on* the page is checked in the same browser with
print styles applied (``emulate_media(media="print")``): every item of the
sheet is rendered, and the site chrome is not.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from browser import Server, Tabs, scheme_of, switch_scheme
from guide.build.siteurl import site_url
from guide.data import lang as langs
from guide.render import text as render
from support import ROOT, SCHEDULES, project_facts

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SHEET = "appointment-sheet/"
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-top",
          ".md-content__button", ".md-typeset .headerlink", ".sheet-intro"]
PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}  # mm
MARGIN = 12  # mm, from print.css @page
PX_PER_MM = 96 / 25.4


def pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF: its ``/Type /Page`` objects (not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_page_count() -> None:
    assert pdf_pages(b"<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>") == 2


@contextlib.contextmanager
def _printed(tabs: Tabs, server: Server, path: str, scheme: str = "default", width: int = 1280) -> Iterator[Page]:
    """``path`` in the tab of ``width`` (``tabs.visit``), in ``scheme``, with print styles applied."""
    with tabs.visit(server, path, width) as (page, _):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.emulate_media(media="print")
        yield page


@pytest.mark.parametrize("paper", PAPER)
@pytest.mark.parametrize("sheet", [SHEET, "es/" + SHEET])  # and the Spanish edition's sheet (issue 15)
def test_sheet_prints_on_one_page(tabs: Tabs, server: Server, paper: str, sheet: str) -> None:
    width_mm, height_mm = PAPER[paper]
    printable = ((width_mm - 2 * MARGIN) * PX_PER_MM, (height_mm - 2 * MARGIN) * PX_PER_MM)
    with _printed(tabs, server, sheet, width=round(printable[0])) as page:
        used = page.evaluate("document.querySelector('article').getBoundingClientRect().bottom")
        assert used <= printable[1], f"the sheet is {used:.0f}px tall; one {paper} page holds {printable[1]:.0f}px"
        pdf = page.pdf(format=paper, prefer_css_page_size=False)
        assert pdf.startswith(b"%PDF")
        assert pdf_pages(pdf) == 1, f"the sheet prints on {pdf_pages(pdf)} {paper} pages"


STRINGS = langs.load_strings(ROOT, "en")


def _visible(page: Page, selector: str) -> list[bool]:
    shown: list[bool] = page.evaluate(
        "s => [...document.querySelectorAll(s)].map(e => e.checkVisibility() && e.getBoundingClientRect().height > 0)",
        selector)
    return shown


def _sheet_items() -> list[tuple[str, str]]:
    """(how the item starts: its speaker and verb, words of the item) for each item of the sheet after the
    questions, in order: skip or wait, provider checks, aftercare; the speakers and words are today's data."""
    every, experts = project_facts().all_facts(), project_facts().experts

    def who(key: str) -> str:
        return render.speaker(every[key], experts)

    def says(key: str, verb: str) -> str:
        return f"{who(key)[:1].upper()}{who(key)[1:]} {verb}"

    def first(key: str) -> str:
        return render.values(every[key])[0]

    return [
        (says("candidates.avoid_other", "says to skip it if"), first("candidates.avoid_other")),
        (says("candidates.avoid_skin", "says to steer clear"), first("candidates.avoid_skin")),
        (says("candidates.wait_if", "says to wait if"), first("candidates.wait_if")),
        (says("provider.licensed", "says to find"), first("provider.licensed")),
        (f"At a spa, {who('provider.checks')}", first("provider.checks")),
        (says("aftercare.spf_min", "says to use sunscreen"), f"SPF of {render.fact_text(every['aftercare.spf_min'])}"),
        (says("aftercare.avoid_ingredients", "says to avoid"), first("aftercare.avoid_ingredients")),
        (says("aftercare.avoid_scrubs", "says to skip exfoliating"), first("aftercare.avoid_scrubs")),
        (says("aftercare.skin_care", "says to use"), first("aftercare.skin_care")),
        (says("aftercare.makeup", "says:"), first("aftercare.makeup")),
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_sheet_has_every_item_and_no_chrome(tabs: Tabs, server: Server, scheme: str) -> None:
    with _printed(tabs, server, SHEET, scheme) as page:
        for selector in CHROME:
            assert not any(_visible(page, selector)), f"{selector} shows in print"
        items = page.evaluate("[...document.querySelectorAll('.appointment-sheet li')]"
                              ".map(li => [li.innerText.trim(), li.checkVisibility(),"
                              " parseFloat(getComputedStyle(li, '::before').borderTopWidth)])")
        texts = [text for text, _, _ in items]
        questions = list(project_facts().all_facts()["provider.questions"].items)
        questions += [q.replace("{ingredients}", render.fact_text(project_facts().all_facts()["aftercare.avoid_ingredients"]))
                      for q in (STRINGS[f"sheet_ask_{k}"] for k in ("ingredients", "scrubs", "sun", "price", "signs"))]
        assert texts[:len(questions)] == questions  # the article's questions, then ours ("Also ask")
        rest = texts[len(questions):]
        expected = _sheet_items()
        assert len(rest) == len(expected), rest
        for text, (start, words) in zip(rest, expected):
            assert text.startswith(start) and words in text, (text, start, words)
        assert all(shown and box > 0 for _, shown, box in items), "every item shows with a tick box"
        lines = page.evaluate("[...document.querySelectorAll('.appointment-sheet li .sheet-line')]"
                              ".map(e => e.getBoundingClientRect().width)")
        assert len(lines) == len(questions) and all(w >= 50 for w in lines), f"room to write each answer: {lines}"
        assert site_url().split("://")[1] in page.inner_text(".appointment-sheet"), "the guide's address"
        colours = page.evaluate("""[getComputedStyle(document.body).backgroundColor,
            ...[...document.querySelectorAll('article h1, article h2, article li, article p')]
               .map(e => getComputedStyle(e).color)]""")
        assert colours[0] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
        assert set(colours[1:]) == {"rgb(0, 0, 0)"}, f"not black on white: {set(colours[1:])}"


def test_aftercare_prints_clean(tabs: Tabs, server: Server) -> None:
    with _printed(tabs, server, "aftercare/", "slate") as page:
        for selector in CHROME[:-1]:
            assert not any(_visible(page, selector)), f"{selector} shows in print"
        boxes = page.evaluate("[...document.querySelectorAll('.task-list-item input')]"
                              ".map(i => [getComputedStyle(i).borderTopColor, i.checkVisibility()])")
        assert all(colour == "rgb(0, 0, 0)" and shown for colour, shown in boxes)
        assert page.evaluate("getComputedStyle(document.querySelector('article p')).color") == "rgb(0, 0, 0)"


def test_external_links_print_their_address(tabs: Tabs, server: Server) -> None:
    with _printed(tabs, server, "sources/") as page:
        links = page.evaluate("""[...document.querySelectorAll('article a[href^="http"]')]
            .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
        assert links, "the sources page links to the article"
        for href, after in links:
            assert href in after, f"{href} prints without its address"
        internal = page.evaluate("""[...document.querySelectorAll('article a:not([href^="http"])')]
            .map(a => getComputedStyle(a, '::after').content)""")
        assert all(c in ("none", "normal", '""') or "(" not in c for c in internal)


def test_folded_facts_table_prints_open(tabs: Tabs, server: Server) -> None:
    """The sources page folds its facts table; on paper it is printed in full (Material opens
    every <details> before printing, and folds it back after)."""
    with tabs.visit(server, "sources/") as (page, _):  # the theme's script has started
        page.evaluate("""window.__printed = [];
          for (const type of ["beforeprint", "afterprint"])
            addEventListener(type, () => __printed.push([type, document.querySelector("details.facts-table").open,
                                                         document.querySelector("table.facts tbody tr").checkVisibility()]));""")
        folded_pages = pdf_pages(page.pdf(format="A4"))
        assert page.evaluate("__printed") == [["beforeprint", True, True], ["afterprint", False, False]]
        assert folded_pages > 3, f"{folded_pages} pages: the table is long"


# --- the pictures on screen: 320 px and 1280 px, light and dark -----------------


# Every page that carries a picture, and how many: depth scales, timelines, glance card, comparison table.
PICTURE_PAGES = {"index.md": 1, "frequency.md": len(SCHEDULES), "at-home-vs-in-office.md": 2}
# One depth scale, on the page that compares depths (issue 11); the acne timeline only on "How often".


INK = {"default": "rgb(31, 35, 40)", "slate": "rgb(236, 238, 242)"}  # picture text in each colour scheme


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("src", PICTURE_PAGES)
def test_pictures_fit_narrow_and_wide_screens(tabs: Tabs, server: Server, src: str, width: int) -> None:
    """In both colour schemes (the second switched by the toggle, in the same tab)."""
    count = PICTURE_PAGES[src]
    with tabs.visit(server, "" if src == "index.md" else src.removesuffix(".md") + "/", width) as (page, _):
        for scheme, ink in INK.items():
            if scheme_of(page) != scheme:
                switch_scheme(page, scheme)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, src
            boxes = page.evaluate("""[...document.querySelectorAll('figure.fig svg, .glance-card, .comparison table')]
                .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.height, e.scrollWidth,
                 e.clientWidth || r.width] })""")
            assert len(boxes) == count, f"{src}: {len(boxes)} pictures"
            for left, right, height, scroll, client in boxes:
                assert left >= 0 and right <= width and height > 0, src
                assert scroll <= client + 1, f"{src}: no sideways scrolling inside"
            if page.query_selector("figure.fig svg text"):
                fill = page.evaluate("getComputedStyle(document.querySelector('figure.fig svg text')).fill")
                assert fill == ink, f"{src}, {scheme}: picture text is {fill}"


# Every text label of every picture, measured in the browser against its box: the chip or dot it sits
# in, or else the picture itself. Both editions (a Spanish label was cut at both widths: issue 23).
LABELS = """() => [...document.querySelectorAll('figure.fig svg')].flatMap((svg, n) => {
  const inside = (r, b) => r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
  const frame = svg.getBoundingClientRect();
  const shapes = [...svg.querySelectorAll('rect.fig__chip, circle')].map(s => s.getBoundingClientRect());
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    const around = shapes.filter(b => b.left <= x && x <= b.right && b.top <= y && y <= b.bottom)
                         .sort((a, b) => a.width * a.height - b.width * b.height)[0];
    const box = around || frame;
    return {figure: n, text: t.textContent.trim().replace(/\\s+/g, ' '), fits: inside(r, box),
            box: around ? 'its shape' : 'the picture', over: Math.max(box.left - r.left, r.right - box.right,
            box.top - r.top, r.bottom - box.bottom).toFixed(1)};
  });
})"""


# The site sets no font of its own (theme.font: false): a picture is drawn in the reader's sans-serif.
# Where that is not Arial or Helvetica (Liberation Sans here), it is often DejaVu Sans, the widest
# of them (about 15 % wider in bold); figures.CHAR and CHAR_BOLD allow for it. Set by script, not
# by a style element: the pages' Content-Security-Policy allows no inline styles.
FONTS = {"the page's font": "", "DejaVu Sans": "'DejaVu Sans'"}


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", [prefix + page for prefix in ("", "es/") for page in ("frequency/", "at-home-vs-in-office/")])
def test_picture_labels_stay_inside_their_box(tabs: Tabs, server: Server, path: str, width: int, font: str) -> None:
    with tabs.visit(server, path, width) as (page, _):
        page.evaluate("document.fonts.ready")
        labels = page.evaluate(LABELS)
        if FONTS[font]:
            widths = "() => [...document.querySelectorAll('figure.fig svg text')].reduce((w, t) => w + t.getBBox().width, 0)"
            before = page.evaluate(widths)
            page.evaluate("f => document.querySelectorAll('figure.fig svg').forEach(s => { s.style.fontFamily = f })", FONTS[font])
            assert page.evaluate(widths) > before * 1.05, f"{font} is not installed (fonts-dejavu-core), or not applied"
            labels = page.evaluate(LABELS)
        page.evaluate("() => document.querySelectorAll('figure.fig svg').forEach(s => { s.style.fontFamily = '' })")
    assert labels, f"{path}: no picture labels measured"
    cut = [f"figure {lab['figure']}: {lab['text']!r} runs {lab['over']} px outside {lab['box']}" for lab in labels if not lab["fits"]]
    assert not cut, f"{path} at {width} px:\n" + "\n".join(cut)
