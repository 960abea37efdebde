"""Small readers for built HTML pages (standard library only)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

SKIP = {"script", "style", "time", "svg", "template"}


class _Text(HTMLParser):
    """Collects the visible text of the <article>, minus skipped elements."""

    def __init__(self, skip_classes: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_classes = skip_classes
        self.stack: list[tuple[str, bool]] = []
        self.in_article = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        skipping = tag in SKIP or any(c in self.skip_classes for c in classes)
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        self.stack.append((tag, skipping))
        if tag == "article":
            self.in_article += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """``<input/>`` and other self-closed tags hold no text."""

    def handle_endtag(self, tag: str) -> None:
        if all(name != tag for name, _ in self.stack):
            return
        while self.stack:
            name, _ = self.stack.pop()
            if name == "article":
                self.in_article -= 1
            if name == tag:
                break
        if tag in ("p", "li", "h1", "h2", "h3", "td", "th", "dt", "dd", "div", "tr", "blockquote"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_article and not any(skip for _, skip in self.stack):
            self.parts.append(data)


def article_text(html: str, skip_classes: tuple[str, ...] = ("headerlink",)) -> str:
    """The readable text of a page's main <article>."""
    parser = _Text(skip_classes)
    parser.feed(html)
    text = "".join(parser.parts)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()


def meta(html: str, name: str) -> str | None:
    """The content of <meta name=...> or <meta property=...>."""
    match = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def page_file(site: Path, src: str) -> Path:
    """``pain.md`` -> site/pain/index.html; ``index.md`` -> site/index.html."""
    stem = src.removesuffix(".md")
    return site / "index.html" if stem == "index" else site / stem / "index.html"
