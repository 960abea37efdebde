"""Plain English: every topic page reads at US school grade 8 or below (Flesch-Kincaid, textstat 0.7.4).

What is measured, per page: the text of the page's <article> as a reader sees
it, including headings, lists, tables, admonitions, quotes and figure captions.
Left out: the closing page-info block (review dates, source line, the same on
every page), the text drawn inside the pictures (SVG labels such as "1 mm",
not sentences), permalink symbols and <time> dates. Nothing else is removed.

The glossary and the sources page are measured too. The glossary is held to
the same grade; the sources page quotes the article word for word in its facts
table, so it gets a looser bound (grade 10) and its score is printed.
"""

from __future__ import annotations

import pytest
import textstat

from htmlpage import article_text, page_file
from support import NAV, Build

SKIP = ("headerlink", "page-info")
EXTRA = {"glossary.md": 8.0, "sources.md": 10.0}  # looser bound for quoted source text
PAGES = {src: 8.0 for src in NAV if src not in EXTRA} | EXTRA


def grade(html: str) -> float:
    """Flesch-Kincaid grade of a built page's main text (see the module docstring)."""
    grade: float = textstat.flesch_kincaid_grade(article_text(html, skip_classes=SKIP))
    return grade


def test_textstat_is_the_pinned_version() -> None:
    from importlib.metadata import version
    assert version("textstat") == "0.7.4", "scores differ between textstat releases"


@pytest.mark.parametrize("src", list(PAGES))
def test_page_reads_at_grade_8_or_below(site: Build, src: str) -> None:
    html = page_file(site.site, src).read_text(encoding="utf-8")
    words = len(article_text(html, skip_classes=SKIP).split())
    score = grade(html)
    print(f"{src}: Flesch-Kincaid grade {score} ({words} words)")
    assert words > 50, "the measured text is the page's prose"
    assert score <= PAGES[src], f"{src} reads at grade {score}; aim for {PAGES[src]} or below (shorter sentences, plainer words)"
