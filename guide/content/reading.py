"""A page as a reader reads it, before any engine runs: its source with a stand-in for each macro call (one
private-use character, which Markdown leaves alone), rendered by Python-Markdown with the edition's own extensions
(``guide.render.mdconfig``), then read with the browsers' parser (``guide.content.htmlcheck``) into text blocks
(paragraphs, list items, cells, headings), each with the texts whose speaker carries to it.

The checks of a page (``guide.content.rendered``, ``guide.content.attribution``, ``guide.content.pagecheck``) read these
blocks; this module checks nothing.
"""

from __future__ import annotations

import atexit
import functools
import html
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field

import jinja2
import markdown
from jinja2 import nodes

from guide.content.htmlcheck import Element, is_element, tag_name
from guide.render import mdconfig

FIRST_STAND_IN = 0xE100
RAW_STAND_IN = "\ue0ff"
"""What raw text becomes in the reading for numbers: raw is shown as typed."""


def stand_in(index: int) -> str:
    return chr(FIRST_STAND_IN + index)


def call_index(char: str) -> int | None:
    code = ord(char) - FIRST_STAND_IN
    return code if 0 <= code < 0x1800 else None


@dataclass(frozen=True)
class Call:
    """One ``{{ macro(...) }}`` of a page: where it is, which macro, its first argument."""

    index: int
    line: int
    name: str
    key: str | None
    source: str


@dataclass
class Block:
    """A unit of text as a reader meets it: a paragraph, list item, table cell, heading, term...

    ``text`` holds a stand-in for each macro call; ``code`` the spans of it that are code;
    ``context`` the texts whose speaker carries to it (the heading above, a list's lead-in, the
    other cells of its row and its column's heading).
    """

    kind: str
    text: str
    code: list[tuple[int, int]] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    quoted: bool = False  # inside a block quote (> ...)


# --- the page's source, with stand-ins --------------------------------------------------


def substitute(body: str) -> tuple[str, str, list[Call], list[tuple[int, str]]]:
    """``body`` (Jinja already checked) for Markdown: each ``{{ ... }}`` becomes a stand-in and the raw
    markers go. Returns the text to render, the same with raw text replaced (the reading for numbers),
    the calls, and each raw block's first line and text."""
    env = jinja2.Environment(keep_trailing_newline=True)
    full: list[str] = []
    numbered: list[str] = []
    calls: list[Call] = []
    raws: list[tuple[int, str]] = []
    in_raw = False
    expr: list[str] = []
    expr_line = 0
    for line, kind, value in env.lex(body):
        if expr:
            expr.append(value)
            if kind == "variable_end":
                source = "".join(expr)
                calls.append(_call(len(calls), expr_line, source))
                full.append(stand_in(len(calls) - 1))
                numbered.append(stand_in(len(calls) - 1))
                expr = []
            continue
        if kind == "variable_begin":
            expr, expr_line = [value], line
        elif kind == "raw_begin":
            in_raw = True
        elif kind == "raw_end":
            in_raw = False
        elif kind == "data" and in_raw:
            full.append(value)
            raws.append((line, value))
            numbered.append(re.sub(r"[^\n]+", RAW_STAND_IN, value))
        else:
            full.append(value)
            numbered.append(value)
    return "".join(full), "".join(numbered), calls, raws


def _call(index: int, line: int, source: str) -> Call:
    name, key = _called(source)
    return Call(index, line, name, key, source)


_JINJA = jinja2.Environment()


@functools.lru_cache(maxsize=2048)
def _called(source: str) -> tuple[str, str | None]:
    """The macro a ``{{ ... }}`` calls and its first argument, if a quoted text."""
    try:
        tree = _JINJA.parse(source)
    except jinja2.TemplateSyntaxError:
        return "", None
    for node in tree.find_all(nodes.Call):
        if isinstance(node.node, nodes.Name):
            first = node.args[0] if node.args else None
            key = first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None
            return node.node.name, key
    return "", None


# --- rendering ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _empty_folder() -> str:
    """Snippets are read from an empty folder here: any snippet line in a page is a missing file, which the
    extension itself reports (no regular expression of ours decides what it would include). Made on first use and
    removed when the process ends, so no run leaves a folder behind."""
    folder, owner = tempfile.mkdtemp(prefix="guide-no-snippets-"), os.getpid()

    def remove() -> None:
        if os.getpid() == owner:  # never from a forked child, whose parent still reads it
            shutil.rmtree(folder, ignore_errors=True)
    atexit.register(remove)
    return folder


def to_html(text: str, lang: str = "en") -> str:
    """``text`` as Python-Markdown renders it with the edition's extensions (no glossary, no snippets)."""
    converter = _converter(lang)
    converter.reset()
    return converter.convert(text)


@functools.lru_cache(maxsize=4)
def _converter(lang: str) -> markdown.Markdown:
    return mdconfig.make(lang, {"pymdownx.snippets": {"base_path": [_empty_folder()], "auto_append": [], "check_paths": True}})


# --- blocks: what a reader reads, in order ------------------------------------------------

TEXT_BLOCKS = frozenset({"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption", "summary",
                         "caption", "pre"})
CONTAINERS = frozenset({"div", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "tr", "details", "figure",
                        "section", "article"})
CODE = frozenset({"code", "pre", "kbd"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _gather(node: Element, out: list[str], code: list[tuple[int, int]], in_code: bool = False) -> None:
    """The text of ``node``'s inline content into ``out``, stopping at nested blocks."""
    start = sum(map(len, out))
    if node.text:
        out.append(node.text)
    for child in node:
        if is_element(child):
            name = tag_name(child)
            if name in TEXT_BLOCKS or name in CONTAINERS:
                pass  # a block of its own
            elif name == "br":
                out.append(" ")
            else:
                _gather(child, out, code, in_code or name in CODE)
        if child.tail:
            out.append(child.tail)
    if in_code or tag_name(node) in CODE:
        end = sum(map(len, out))
        if end > start:
            code.append((start, end))


def blocks(root: Element) -> list[Block]:
    """The page's text blocks in reading order, each with the texts whose speaker carries to it."""
    out: list[Block] = []
    headings: dict[int, str] = {}

    def heading_context() -> list[str]:
        return [headings[level] for level in sorted(headings)]

    def text_of(node: Element) -> Block:
        parts: list[str] = []
        code: list[tuple[int, int]] = []
        _gather(node, parts, code)
        return Block(tag_name(node), "".join(parts), code)

    def visit(node: Element, context: list[str], quoted: bool = False) -> None:
        children = [c for c in node if is_element(c)]
        quoted = quoted or tag_name(node) == "blockquote"
        if node.text and node.text.strip() and tag_name(node) in CONTAINERS:
            out.append(Block(tag_name(node), node.text, [], [*heading_context(), *context], quoted))
        lead_in: str | None = None
        title: list[str] = []  # an admonition's title, a <details>' summary: it carries to the whole block
        for child in children:
            name = tag_name(child)
            carried = [*context, *title, lead_in] if lead_in else [*context, *title]
            if name in HEADINGS:
                block = text_of(child)
                level = int(name[1])
                for deeper in [lv for lv in headings if lv >= level]:
                    del headings[deeper]
                block.context = heading_context()
                out.append(block)
                headings[level] = block.text
                lead_in = None
            elif name == "table":
                _table(child, out, [*heading_context(), *carried])
                lead_in = None
            elif name in TEXT_BLOCKS:
                block = text_of(child)
                block.context = [*heading_context(), *carried]
                block.quoted = quoted
                out.append(block)
                visit(child, carried, quoted)  # a list inside a list item, a paragraph inside a loose item
                lead_in = block.text if name == "p" and block.text.rstrip().endswith(":") else None
                if name == "summary" or "admonition-title" in child.get("class", "").split():
                    title = [block.text]
            elif name in CONTAINERS:
                visit(child, carried, quoted)
                lead_in = None
            if child.tail and child.tail.strip() and tag_name(node) in CONTAINERS:
                out.append(Block(tag_name(node), child.tail, [], [*heading_context(), *context], quoted))

    visit(root, [])
    return out


def _table(table: Element, out: list[Block], context: list[str]) -> None:
    rows = [tr for tr in table.iter() if is_element(tr) and tag_name(tr) == "tr"]
    header: list[str] = []
    for row in rows:
        cells = [c for c in row if is_element(c) and tag_name(c) in ("td", "th")]
        texts = []
        for cell in cells:
            parts: list[str] = []
            code: list[tuple[int, int]] = []
            _gather(cell, parts, code)
            texts.append(("".join(parts), code, cell))
        if not header and all(tag_name(c) == "th" for c in cells):
            header = [t for t, _, _ in texts]
            for text, code, _ in texts:
                out.append(Block("th", text, code, list(context)))
            continue
        for i, (text, code, cell) in enumerate(texts):
            others = [t for j, (t, _, _) in enumerate(texts) if j != i]
            column = [header[i]] if i < len(header) else []
            out.append(Block(tag_name(cell), text, code, [*context, *column, *others]))


# --- locating a problem in the page -------------------------------------------------------


def locate(lines: list[str], needle: str, calls: Mapping[int, Call] | None = None) -> int | None:
    """The first line of the page that holds ``needle`` (or, for a stand-in, its call's line)."""
    if not needle:
        return None
    for char in needle:
        index = call_index(char)
        if index is not None and calls and index in calls:
            return calls[index].line
    low = needle.lower()
    for number, row in enumerate(lines, 1):
        if low in row.lower() or ("&" in row and low in html.unescape(row).lower()):
            return number
    return None


def readable(text: str, calls: Mapping[int, Call]) -> str:
    """``text`` with each stand-in shown as the call it stands for."""
    return "".join(calls[i].source if (i := call_index(ch)) is not None and i in calls else
                   ("[raw]" if ch == RAW_STAND_IN else ch) for ch in text)


def stand_ins() -> frozenset[str]:
    return frozenset(chr(c) for c in range(FIRST_STAND_IN, FIRST_STAND_IN + 0x1800)) | {RAW_STAND_IN}


ALLOWED_STAND_INS = stand_ins()

