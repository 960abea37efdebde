"""The tests' one HTML reader: Beautiful Soup on the standard library's parser, with CSS selectors.

Tests read built pages and macro output through these helpers (or :func:`parse` and
``select``), never with regexes over markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

SKIP = {"script", "style", "time", "svg", "template"}
# A line ends after each of these (the text of a table row, list item or heading stands on its own line).
BLOCKS = {"p", "li", "h1", "h2", "h3", "td", "th", "dt", "dd", "div", "tr", "blockquote"}


def parse(html: str) -> BeautifulSoup:
    """A page or fragment as a tree; ``.select(css)`` and ``.select_one(css)`` find elements."""
    return BeautifulSoup(html, "html.parser")


def one(root: BeautifulSoup | Tag, css: str) -> Tag:
    """The one element ``css`` must find (a failed assertion names the selector otherwise)."""
    found = root.select_one(css)
    assert found is not None, f"nothing matches {css!r}"
    return found


def text_of(node: Tag) -> str:
    """The text of ``node``, white space collapsed."""
    return " ".join(node.get_text(" ").split())


def _collect(node: Tag, skip_classes: tuple[str, ...], parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString):  # comments, doctypes and the like hold no text
                parts.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        classes = child.get_attribute_list("class")
        if child.name not in SKIP and not any(c in skip_classes for c in classes if c):
            _collect(child, skip_classes, parts)
        if child.name in BLOCKS:
            parts.append("\n")


def article_text(html: str, skip_classes: tuple[str, ...] = ("headerlink",)) -> str:
    """The readable text of a page's main <article>: one line per block, scripts, styles,
    pictures (svg), times and elements of ``skip_classes`` left out."""
    parts: list[str] = []
    for article in parse(html).find_all("article"):
        if article.find_parent("article") is None:
            _collect(article, skip_classes, parts)
    joined = "".join(parts)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", joined)).strip()


def meta(html: str, name: str) -> str | None:
    """The content of <meta name=...> or <meta property=...>."""
    found = parse(html).select_one(f'meta[name="{name}"], meta[property="{name}"]')
    content = None if found is None else found.get("content")
    return content if isinstance(content, str) else None


def title(html: str) -> str:
    """The page's <title>, as a reader sees it."""
    found = parse(html).title
    return text_of(found) if found else ""


def page_file(site: Path, src: str) -> Path:
    """``pain.md`` -> site/pain/index.html; ``index.md`` -> site/index.html."""
    stem = src.removesuffix(".md")
    return site / "index.html" if stem == "index" else site / stem / "index.html"
