"""What reaches a reader, judged on HTML parsed as a browser parses it (html5lib), against allowlists.

Never regular expressions over markup: Markdown and browsers disagree with them (a code span in a
raw HTML block, an escaped backtick, a broken fence each let a script through once). The parser here
is html5lib, an implementation of the WHATWG parsing algorithm that browsers follow, so entities are
decoded, unquoted attributes and ``>`` inside attribute values read as a browser reads them.

Three lists, from strict to loose:

* ``AUTHOR``: what Markdown may make of a page an editor writes (``guide.content.rendered``, before any engine
  runs): layout and text tags, a few attributes, classes and ids but the theme's own names (``md-...``,
  ``__...``: the theme's styles and script hide and move what carries them), links to ``https:``,
  ``mailto:`` and the site's own pages.
* ``CONTENT``: ``AUTHOR`` plus what the macros' partials and the engines write inside a page's content
  (pictures in SVG, tables, the heading links): checked on every built page, between the
  ``<!--guide:content-->`` and ``<!--/guide:content-->`` marks that ``overrides/partials/content.html``
  puts around ``page.content``.
* ``THEME``: what the templates write around the content. Scripts and styles only as the templates
  mark them (``data-guide-inline``), addresses only of the site itself, no frames, plug-ins,
  ``<base>``, ``<meta http-equiv>``, event or style attributes.

Everything is collected; the caller decides how to report it (file, line where known, found, expected, fix).
"""

from __future__ import annotations

import functools
import html
import importlib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import cast

import html5lib

from guide.data.schema import INVISIBLE

SVG_NS = "{http://www.w3.org/2000/svg}"
MATH_NS = "{http://www.w3.org/1998/Math/MathML}"
XLINK_NS = "{http://www.w3.org/1999/xlink}"
MARK = "data-guide-inline"
"""The attribute a template puts on each inline ``<script>`` and ``<style>`` it writes; the
Content-Security-Policy approves only those (guide/build/csp.py). Content cannot carry it."""
CONTENT_START, CONTENT_END = "guide:content", "/guide:content"
"""The comments around ``page.content`` (overrides/partials/content.html)."""

Element = ET.Element


def parse_document(html: str) -> Element:
    """A whole page, as a browser builds it."""
    doc: Element = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    return doc


def parse_fragment(html: str) -> Element:
    """A piece of HTML inside ``<body>`` (what Markdown makes of a page), as a browser builds it."""
    fragment: Element = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return fragment


def _raw_tag(node: Element) -> object:
    """The node's tag as it is: a name, or (ElementTree's way) the ``Comment`` function for a comment."""
    return cast(object, node.tag)


def is_element(node: Element) -> bool:
    return isinstance(_raw_tag(node), str)


def is_comment(node: Element) -> bool:
    return _raw_tag(node) is ET.Comment


def tag_name(node: Element) -> str:
    """``p``, ``svg:text``, ``math:mi``: HTML tags as they are, foreign ones with a prefix."""
    if not is_element(node):
        return "#comment" if is_comment(node) else "#other"
    tag = node.tag
    if tag.startswith(SVG_NS):
        return "svg:" + tag[len(SVG_NS):]
    if tag.startswith(MATH_NS):
        return "math:" + tag[len(MATH_NS):]
    return tag


def depth(root: Element) -> int:
    """How deep ``root``'s elements nest (counted without recursion, so any depth can be measured)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node)
    return deepest


def attr_name(name: str) -> str:
    return "xlink:" + name[len(XLINK_NS):] if name.startswith(XLINK_NS) else name


# --- the lists -----------------------------------------------------------------

GLOBAL_ATTRS = frozenset({"class", "id", "title", "lang"})

AUTHOR_TAGS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    "p": (), "h1": (), "h2": (), "h3": (), "h4": (), "h5": (), "h6": (), "ul": (), "ol": ("start",), "li": (),
    "dl": (), "dt": (), "dd": (), "blockquote": (), "table": (), "thead": (), "tbody": (), "tr": (), "th": (),
    "td": (), "a": ("href",), "em": (), "strong": (), "b": (), "i": (), "code": (), "pre": (), "br": (), "hr": (),
    "abbr": (), "span": (), "div": (), "details": ("open",), "summary": (), "time": ("datetime",), "kbd": (),
    "sup": (), "sub": (), "small": (), "figure": (), "figcaption": (),
    "input": ("type", "disabled", "checked"),  # pymdownx.tasklist's boxes: type="checkbox" only (below)
    "img": ("src", "alt", "width", "height", "loading", "decoding"),  # pictures stored in the site (relative addresses only)
}.items()}
"""Tags Markdown may make of a page, and the attributes each may carry besides ``GLOBAL_ATTRS``."""

PARTIAL_TAGS: dict[str, frozenset[str]] = {name: frozenset(attrs) for name, attrs in {
    "figure": (), "caption": (), "a": ("href", "rel", "hreflang"), "th": ("scope",),
    "td": ("data-label",),  # the facts table: a cell's column name, shown before it on a phone (facts-table.css)
    "details": ("data-search-exclude",),  # the facts table: out of the search index (Material's search plugin)
    "abbr": ("tabindex",),  # glossary terms, focusable by tap and Tab (overrides/partials/content.html)
    "svg:svg": ("viewBox", "xmlns", "role", "aria-labelledby", "focusable", "width", "height"),
    "svg:g": ("fill", "font-size", "mask", "transform"), "svg:title": (), "svg:desc": (), "svg:defs": (),
    "svg:path": ("d", "fill", "stroke", "stroke-width", "stroke-dasharray"),
    "svg:rect": ("x", "y", "width", "height", "rx", "fill", "stroke", "stroke-width"),
    "svg:circle": ("cx", "cy", "r", "fill", "stroke", "stroke-width", "stroke-dasharray"),
    "svg:line": ("x1", "x2", "y1", "y2", "stroke", "stroke-width", "stroke-dasharray"),
    "svg:text": ("x", "y", "dx", "dy", "font-size", "font-weight", "text-anchor"), "svg:tspan": ("x", "y", "dx", "dy"),
    "svg:linearGradient": ("gradientUnits", "x1", "x2", "y1", "y2"), "svg:stop": ("offset", "stop-color", "stop-opacity"),
    "svg:mask": ("x", "y", "width", "height", "maskUnits"),
    "svg:pattern": ("width", "height", "patternTransform", "patternUnits"),
}.items()}
"""What the partials in includes/partials/ write besides ``AUTHOR_TAGS`` (pictures, tables, links)."""
ENGINE_CLASSES = frozenset({"md-typeset__scrollwrap", "md-typeset__table"})
"""Theme names an engine itself writes inside the content (Zensical wraps tables at build time)."""

FORBIDDEN = {
    "script": "a script", "style": "a <style> block", "iframe": "a frame", "frame": "a frame", "frameset": "a frame",
    "object": "a plug-in", "embed": "a plug-in", "applet": "a plug-in", "portal": "a frame", "base": "a <base>",
    "svg:script": "a script", "svg:foreignObject": "foreign content", "svg:animate": "an animation",
    "svg:set": "an animation", "svg:animateTransform": "an animation", "svg:animateMotion": "an animation",
}
"""Never in content, whatever the list (the theme may write scripts and styles only when it marks them)."""

THEME_TAGS = frozenset({
    "html", "head", "body", "meta", "title", "link", "script", "style", "noscript", "header", "nav", "main", "article",
    "footer", "aside", "div", "span", "a", "p", "ul", "ol", "li", "label", "input", "form", "button", "img", "h1", "h2",
    "h3", "strong", "em", "small", "br", "hr", "time", "abbr", "code", "template", "details", "summary", "dl", "dt",
    "dd", "section", "svg:svg", "svg:path", "svg:g", "svg:circle", "svg:rect", "svg:title", "svg:defs", "svg:use",
    "svg:symbol", "svg:line", "svg:polygon", "svg:polyline", "svg:ellipse",
})
"""Tags the theme's templates write around the content (Material 9.8 and Zensical). A new one after a
theme upgrade stops the build until it is reviewed and added here."""

JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                      "application/ecmascript"})
DATA_TYPES = frozenset({"application/json", "application/ld+json", "text/plain"})
"""Script types a browser never runs: the theme's configuration, the JSON-LD, the deferred script's placeholder."""
LINK_RELS = frozenset({"stylesheet", "icon", "canonical", "alternate", "prev", "next", "preload", "manifest", "search"})
URL_ATTRS = frozenset({"href", "src", "xlink:href", "action", "formaction", "poster", "data", "cite", "srcset",
                       "data-after-paint", "background", "ping", "manifest"})


# --- URLs ----------------------------------------------------------------------

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def clean_url(value: str) -> str:
    """The address as a browser reads it: leading and trailing controls and spaces dropped, tabs
    and line breaks removed anywhere (WHATWG URL parsing)."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(chr(c) for c in range(0x21)))


def url_kind(value: str) -> str:
    """``https``, ``mailto``, ``fragment`` (``#x``), ``relative`` (a path on the site), ``other-site``
    (``//host``, or a backslash browsers read as one), ``userinfo`` (a name and "@" before the host, which hides
    the site a link goes to), or the scheme (``javascript``, ``data``, ``http``...)."""
    url = clean_url(value)
    if "\\" in url:
        return "backslash"
    if url.startswith("//"):
        return "other-site"
    match = _SCHEME.match(url)
    if match:
        if url[match.end():].lstrip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].count("@") and \
                match[1].lower() in ("https", "http"):
            return "userinfo"  # https://microneedling-guide.github.io@evil.example/ goes to evil.example
        return match[1].lower()
    return "fragment" if url.startswith("#") else "relative"


# --- problems ------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing outside a list: ``what`` was found, ``expected`` and ``fix`` say what to do;
    ``needle`` is text to look for in the source to give the line."""

    what: str
    found: str
    expected: str
    fix: str
    needle: str = ""
    located: bool = False
    """Whether a partial's problem is told at the line of its source that has ``needle`` (a picture's words)."""


def describe(node: Element) -> str:
    """``<a href="javascript:x">`` as the parser read it (entities decoded), for a message."""
    attrs = "".join(f' {attr_name(k)}="{v}"' for k, v in node.attrib.items())
    out = f"<{tag_name(node).removeprefix('svg:')}{attrs}>"
    return out if len(out) <= 100 else out[:97] + "...>"


def _theme_name(value: str) -> bool:
    return value.startswith(("md-", "__"))


# --- the walk ------------------------------------------------------------------


@dataclass
class Policy:
    """One list: tags with their attributes, classes, and what links and pictures may point at."""

    name: str
    tags: dict[str, frozenset[str]]
    classes: frozenset[str] | None  # None: any class but the theme's own names
    engine_classes: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)
    structural: bool = False  # classes, titles and comments as ``check_author`` allows (a page's own Markdown)

    def add(self, what: str, found: str, expected: str, fix: str, needle: str = "", located: bool = False) -> None:
        self.problems.append(Problem(what, found, expected, fix, needle, located))


AUTHOR_FIX = ("write it in Markdown, or show the content through a macro (CONTRIBUTING.md). "
              "To show angle brackets as text, put them in `backticks`.")


def author_policy() -> Policy:
    """What Markdown may make of a page an editor writes: classes and titles only as ``check_author`` allows."""
    return Policy("author", AUTHOR_TAGS, None, structural=True)


SHRINKS = frozenset({"small", "sub", "sup"})
"""Tags that make text smaller: one inside another hides it (the fourth no-hints attack: nested <small>)."""
AUTHOR_CLASSES = frozenset({"checklist", "sheet-intro"})
"""The guide's own classes a page may give (``<div class="checklist" markdown>``, ``{: .sheet-intro }``): each is
styled in overrides/stylesheets/ and shows its text on screen. A new one is added here, in review."""
PRINT_HIDDEN = frozenset({"sheet-intro"})
"""The guide's classes that hide their text in print (overrides/stylesheets/print.css): only on a paragraph of plain
words (the seventh no-hints attack wrapped the appointment sheet and the page's notice in a <div class="sheet-intro">)."""
NOTE_TYPES = frozenset({"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
                        "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
                        "missing", "danger", "error", "bug", "example", "quote", "cite"})
"""The kinds of note (``!!! note``, ``??? tip``) Material styles: the admonition and details extensions make the
kind a class."""
PERMALINK = "\u00b6"
"""The text of the link toc puts after each heading (``permalink: True``)."""


@functools.cache
def _code_token_classes() -> frozenset[str]:
    """The classes Pygments gives the words of a fenced code block (pymdownx.superfences highlights with it)."""
    types = cast(dict[object, str], importlib.import_module("pygments.token").STANDARD_TYPES)
    return frozenset(types.values()) - {""}


def _generated(node: Element, cls: str, parent: Element | None) -> bool:
    """Whether ``cls`` on ``node`` is where the page's own Markdown extensions put it, in their structure."""
    name = tag_name(node)
    classes = node.get("class", "").split()
    parent_classes = parent.get("class", "").split() if parent is not None else []
    kids = [child for child in node if is_element(child)]
    if cls == "admonition":
        return name == "div" and any(c in NOTE_TYPES for c in classes)
    if cls in NOTE_TYPES:
        return (name == "div" and "admonition" in classes) or name == "details"
    if cls == "admonition-title":
        siblings = [child for child in parent if is_element(child)] if parent is not None else []
        return name == "p" and "admonition" in parent_classes and bool(siblings) and siblings[0] is node
    if cls == "headerlink":
        return (name == "a" and parent is not None and tag_name(parent) in ("h1", "h2", "h3", "h4", "h5", "h6")
                and node.get("href") == "#" + parent.get("id", "\0") and "".join(node.itertext()) == PERMALINK
                and list(parent)[-1] is node)
    if cls == "task-list":
        return name in ("ul", "ol")
    if cls == "task-list-item":
        return name == "li" and "task-list" in parent_classes
    if cls == "highlight":
        return name == "div" and [tag_name(k) for k in kids] == ["pre"]
    return name == "span" and cls in _code_token_classes() and parent is not None and tag_name(parent) in ("code", "span")


def check_author(root: Element, policy: Policy) -> None:
    """A page's classes, titles and comments: only what the build itself makes of its Markdown.

    A class the theme knows can hide text from readers that search engines and screen readers keep
    (``tabbed-block``, ``footnote-backref``, ``giscus``), a title is a tooltip few readers ever see, and
    a comment is published in the page's source. So classes only from ``AUTHOR_CLASSES`` and where the
    page's own extensions put theirs, a title only on the heading links toc makes, no comments."""
    from guide.render.mdconfig import PERMALINK_TITLE

    parents = {child: parent for parent in root.iter() for child in parent}
    for node in root.iter():
        if node is root:
            continue
        if is_comment(node):
            text = " ".join((node.text or "").split())
            policy.add("an HTML comment in the page", f"<!--{text[:60]}-->",
                       "text a reader sees (a comment is published in the page's source, and search engines read it)",
                       "delete it: keep notes for editors in the pull request, or in the front matter's review_note.",
                       needle="<!--")
            continue
        if not is_element(node):
            continue
        parent = parents.get(node)
        if tag_name(node) in SHRINKS:
            up = parent
            while up is not None and up is not root and tag_name(up) not in SHRINKS:
                up = parents.get(up)
            if up is not None and up is not root:
                policy.add(f"<{tag_name(node)}> inside <{tag_name(up)}> in the page", describe(node),
                           "small print one size smaller at most: <small>, <sub> or <sup> alone",
                           "write it once: text made smaller and smaller is hidden from readers while search engines "
                           "keep it.", needle=f"<{tag_name(node)}")
        _check_unseen(node, policy)
        for cls in node.get("class", "").split():
            if cls in PRINT_HIDDEN and (tag_name(node) not in ("p", "span") or any("\ue000" <= char <= "\uf8ff" for char in "".join(node.itertext()))):
                policy.add(f"the class '{cls}' on more than a paragraph of words in the page", describe(node),
                           f"{{: .{cls} }} under one paragraph (or a span) of plain words, with no macro in it: it is "
                           "left out of the printout",
                           f"put {{: .{cls} }} under the paragraph it is for, or remove it: a block or a macro's output "
                           "with this class would be missing from paper (the appointment sheet, the not-medical-advice note).",
                           needle=(" ".join("".join(node.itertext()).split())[:30] if tag_name(node) == "p" else "") or cls)
                continue
            if cls in AUTHOR_CLASSES or _theme_name(cls) or _generated(node, cls, parent if parent is not root else None):
                continue
            policy.add(f"the class '{cls}' in the page", describe(node),
                       "the guide's own classes (" + ", ".join(sorted(AUTHOR_CLASSES)) + ") and those Markdown gives "
                       "notes (!!! note), task lists and code, where it puts them",
                       "remove the class: one the theme knows may hide the text from readers while search engines "
                       "keep it. A new class of the guide's is added to AUTHOR_CLASSES in guide/content/htmlcheck.py, in review.",
                       needle=cls)
        title = node.get("title")
        if title is not None and not ("headerlink" in node.get("class", "").split()
                                      and title in PERMALINK_TITLE.values()):
            policy.add("a title attribute (a tooltip) in the page", describe(node),
                       "the words in the text: a tooltip shows only to a mouse that hovers, never on a phone",
                       "put the words in the text (a link's own words say where it goes). A word every page should "
                       "explain goes into the glossary, includes/abbreviations.md, whose tooltips the build adds.",
                       needle=title[:40] or "title=")


def _check_unseen(node: Element, policy: Policy) -> None:
    """A link with no words, and a folded block with no title: a reader sees nothing, search engines read on
    (the fifth no-hints attack)."""
    if tag_name(node) == "a" and not "".join(node.itertext()).strip() and not any(
            tag_name(k) == "img" for k in node.iter() if is_element(k)):
        policy.add("a link with no words in the page", describe(node),
                   "a link whose words say where it goes (a link with none is invisible to readers; search engines "
                   "follow it)", "write the words between the brackets: [the sources page](sources.md).",
                   needle=node.get("href", "")[:40] or "[]")
    if tag_name(node) == "details":
        first = next((k for k in node if is_element(k)), None)
        if first is None or tag_name(first) != "summary" or not "".join(first.itertext()).strip():
            policy.add("a folded block with no title in the page", describe(node),
                       "a title a reader sees and can open (??? note \"Title\", or <summary>Words</summary> first)",
                       "give it a title, or write the text unfolded: what it hides, search engines still read.",
                       needle="<details")


def content_policy() -> Policy:
    tags = dict(AUTHOR_TAGS)
    for name, attrs in PARTIAL_TAGS.items():
        tags[name] = tags.get(name, frozenset()) | attrs
    return Policy("content", tags, None, ENGINE_CLASSES)


def check_content(root: Element, policy: Policy) -> list[Problem]:
    """Every element under ``root`` (not ``root`` itself) against ``policy`` (the author's list or the content's)."""
    check_nodes(list(root), policy)
    for node in root.iter():
        if is_element(node) and tag_name(node) == "svg:svg":
            check_svg_text(node, policy)
    if policy.structural:
        check_author(root, policy)
    return policy.problems


def check_nodes(nodes: list[Element], policy: Policy) -> list[Problem]:
    """Each of ``nodes`` and everything under it against ``policy``."""
    for top in nodes:
        for node in top.iter():
            if is_element(node):
                _check_content_node(node, policy)
    return policy.problems


def _check_content_node(node: Element, policy: Policy) -> None:
    name = tag_name(node)
    if name in FORBIDDEN or name not in policy.tags:
        short = name.removeprefix("svg:")
        tags = sorted(t for t in AUTHOR_TAGS if t not in ("input", "img"))
        policy.add(f"the HTML tag <{short}> in the page", describe(node),
                   "text, Markdown, and only these tags: " + ", ".join(tags) if policy.name == "author"
                   else f"only the tags of guide/content/htmlcheck.py's {policy.name} list",
                   (f"remove it: {FORBIDDEN[name]} would run or load something for every reader."
                    if name in FORBIDDEN else AUTHOR_FIX), needle=f"<{short}")
        return
    allowed = policy.tags[name] | GLOBAL_ATTRS
    for raw, value in node.attrib.items():
        attr = attr_name(raw)
        if attr.lower().startswith("on") or attr.lower() == "style" or attr not in allowed:
            policy.add(f"the HTML attribute '{attr}' in the page", describe(node),
                       f"<{name.removeprefix('svg:')}> with " + ", ".join(sorted(allowed)) + " attributes only",
                       "remove the attribute; styles live in overrides/stylesheets/, links are written in Markdown.",
                       needle=attr)
            continue
        if attr == "class":
            _check_classes(node, value, policy)
        elif attr == "id" and _theme_name(value):
            policy.add(f"the theme's own name '{value}' in the page", describe(node),
                       "ids of the guide's own (Material's start with md- or __)",
                       "use another name: the theme's script and styles act on its own names.", needle=value)
        elif attr in URL_ATTRS:
            _check_url(node, attr, value, policy)
    if name == "input" and node.get("type", "").lower() != "checkbox":
        policy.add("an <input> that is not a task list's tick box in the page", describe(node),
                   "tick boxes as Markdown writes them: - [ ] item", "write the list in Markdown.", needle="<input")


MIN_SVG_FONT = 8.0
"""The smallest font size (in the drawing's units) a text of a picture may have: smaller is no word a reader reads."""
_SVG_TEXT = ("svg:text", "svg:tspan", "svg:textPath")
_SVG_NUMBER = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?:px)?\s*")
SVG_TEXT_FIX = ("draw a picture's words inside its viewBox, at a font size of at least {min:g}, with no transform or mask "
                "around them (guide/render/figures.py gives the geometry); a word no reader sees is not printed at all.")


def _svg_number(value: str | None) -> float | None:
    found = _SVG_NUMBER.fullmatch(value) if value is not None else None
    return float(found[1]) if found else None


def check_svg_text(svg: Element, policy: Policy) -> None:
    """Each text of a drawing where a reader can read it: its x and y inside the drawing's viewBox, its font size (its
    own or the nearest one around it) at least ``MIN_SVG_FONT``, and no transform or mask around it that could move it
    out or fade it (the ninth no-hints attack, M1: ``<text x="-9999" font-size="1">Skip sunscreen</text>`` is
    published, read by search engines and screen readers, seen by no one)."""
    read = [_svg_number(part) for part in re.split(r"[\s,]+", (svg.get("viewBox") or "").strip())]
    box = [b for b in read if b is not None]
    bounds = (box[0], box[1], box[0] + box[2], box[1] + box[3]) \
        if len(read) == len(box) == 4 and box[2] > 0 and box[3] > 0 else None

    def walk(node: Element, font: tuple[float | None, str] | None, hidden: str | None, pen: list[float | None] | None) -> None:
        for child in node:
            if not is_element(child):
                continue
            name = tag_name(child)
            size = child.get("font-size")
            own_font = (_svg_number(size), size) if size is not None else font
            around = hidden or next((f"{attr}=\"{child.get(attr)}\"" for attr in ("transform", "mask")
                                     if child.get(attr) is not None and name not in ("svg:pattern", "svg:mask")), None)
            here = pen
            if name in _SVG_TEXT:
                here = pen if pen is not None else [None, None]  # where the next letter goes, through the tspans in turn
                for i, (axis, shift) in enumerate((("x", "dx"), ("y", "dy"))):
                    if child.get(axis) is not None:
                        here[i] = _svg_number(child.get(axis))
                    if child.get(shift) is not None:
                        step, at = _svg_number(child.get(shift)), here[i]
                        here[i] = at + step if at is not None and step is not None else None
                words = " ".join("".join(child.itertext()).split())
                if words:
                    _svg_text_problem(child, words, bounds, own_font, around, here[0], here[1], policy)
            walk(child, own_font, around, here)

    walk(svg, None, None, None)


def _svg_text_problem(node: Element, words: str, bounds: tuple[float, float, float, float] | None,
                      font: tuple[float | None, str] | None, around: str | None, x: float | None, y: float | None,
                      policy: Policy) -> None:
    fix = SVG_TEXT_FIX.format(min=MIN_SVG_FONT)
    if around is not None:
        policy.add(f"a picture's words under a transform or a mask ({around}) in the page", describe(node) + f" '{words[:60]}'",
                   "a picture's words drawn where they stand, with no transform or mask around them", fix, needle=around, located=True)
        return
    if font is not None and (font[0] is None or font[0] < MIN_SVG_FONT):  # no font-size at all: the reader's own
        found = f"font-size=\"{font[1]}\""
        policy.add(f"a picture's words too small to read ({found}{'' if font[0] is not None else ', a size the build cannot read'}) "
                   "in the page", describe(node) + f" '{words[:60]}'",
                   f"a font size of at least {MIN_SVG_FONT:g} (in the drawing's units, a plain number)", fix, needle=found, located=True)
        return
    outside = [f"{axis}=\"{node.get(axis) or ''}\"" for axis, value, low, high in
               (("x", x, bounds[0] if bounds else 0, bounds[2] if bounds else 0),
                ("y", y, bounds[1] if bounds else 0, bounds[3] if bounds else 0))
               if bounds is None or value is None or not low <= value <= high]
    if outside:
        where = f"the viewBox {bounds[0]:g} {bounds[1]:g} {bounds[2] - bounds[0]:g} {bounds[3] - bounds[1]:g}" if bounds \
            else "a drawing with no viewBox the build can read"
        policy.add(f"a picture's words outside the drawing ({', '.join(outside)}; {where}) in the page",
                   describe(node) + f" '{words[:60]}'", "each text's x and y inside the drawing's viewBox", fix,
                   needle=outside[0] if node.get(outside[0].split("=")[0]) else words[:40], located=True)


def _check_classes(node: Element, value: str, policy: Policy) -> None:
    for cls in value.split():
        if cls in policy.engine_classes:
            continue
        if _theme_name(cls):
            policy.add(f"the theme's own name '{cls}' in the page", describe(node),
                       "class names of the guide's own (Material's start with md- or __)",
                       "use another name: the theme's script and styles act on its own names.", needle=cls)
        elif policy.classes is not None and cls not in policy.classes:
            policy.add(f"the class '{cls}' in the page", describe(node), "a class from " + ", ".join(sorted(policy.classes)),
                       "use a class from the list.", needle=cls)


def _check_url(node: Element, attr: str, value: str, policy: Policy) -> None:
    kind = url_kind(value)
    name = tag_name(node)
    picture = name in ("img", "svg:image") or attr in ("src", "poster", "srcset")
    if name.startswith("svg:") and attr in ("href", "xlink:href") and name != "svg:a":
        ok = kind == "fragment"
    elif picture:
        ok = kind == "relative"
    else:
        ok = kind in ("https", "mailto", "fragment", "relative")
    if ok:
        return
    if kind == "userinfo":
        policy.add("a link address with a name and '@' before its site in the page", describe(node),
                   "https:// addresses that start with the site they go to",
                   "remove the part before '@': 'https://a.example@b.example/' goes to b.example, not a.example.",
                   needle=value[:40])
    elif kind in ("other-site", "backslash"):
        policy.add("a link or picture address starting with '//' (another site) in the page" if kind == "other-site"
                   else "a link address with '&' or a backslash in the page", describe(node),
                   "links to https:// addresses or pages of the site; pictures stored in the site",
                   "write the full https:// address for a link; remove a picture from another site.", needle=value[:40])
    elif picture:
        policy.add("a picture from another site in the page", describe(node),
                   "pictures stored in the site, linked by a relative path",
                   "remove it: a picture from another site makes every reader's browser contact that site.",
                   needle=value[:40])
    else:
        policy.add(f"a '{kind}:' link in the page", describe(node),
                   "links to https:// addresses, mailto: addresses or pages of the site",
                   "link to an https:// address or a page of the site.", needle=value[:40])


# --- text: what a reader reads ------------------------------------------------


def invisible(text: str, allow: frozenset[str] = frozenset()) -> str | None:
    """The first invisible, direction-changing or private-use character in ``text`` (but those in
    ``allow``), or None."""
    for char in text:
        if (char in INVISIBLE or unicodedata.category(char) in ("Cf", "Co", "Cs")) and char not in allow:
            return char
    return None


def text_and_attributes(root: Element) -> Iterator[tuple[Element, str, str]]:
    """Every text a reader can read or hear under ``root``: ``(element, "text", text)`` for text
    nodes and ``(element, attribute, value)`` for titles, alternative texts and labels."""
    for node in root.iter():
        if not is_element(node):
            continue
        if node.text and node is not root:
            yield node, "text", node.text
        for attr in ("title", "alt", "aria-label", "content", "placeholder", "value"):
            if attr in node.attrib:
                yield node, attr, node.attrib[attr]
        if node.tail and node is not root:
            yield node, "tail", node.tail
    if root.text:
        yield root, "text", root.text


# --- built pages: content region and theme -------------------------------------


@dataclass
class PageCheck:
    """The outcome of :func:`check_page`: problems, and the inline scripts and styles to approve."""

    problems: list[Problem] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


def content_region(doc: Element) -> tuple[Element, list[Element]] | None | str:
    """The parent element and the nodes between the content marks, ``None`` for a page without
    marks (the 404 page), or a sentence saying why the marks are wrong."""
    marks: list[tuple[Element, Element, str]] = []
    parents = {child: parent for parent in doc.iter() for child in parent}
    for node in doc.iter():
        if is_comment(node) and (node.text or "").strip() in (CONTENT_START, CONTENT_END):
            marks.append((node, parents[node], (node.text or "").strip()))
    if not marks:
        return None
    kinds = [kind for _, _, kind in marks]
    if kinds != [CONTENT_START, CONTENT_END]:
        return (f"the page's content is marked {len(marks)} times ({', '.join(kinds)}): content wrote a mark of its own "
                "or closed the theme's elements")
    (start, parent, _), (end, end_parent, _) = marks
    if parent is not end_parent:
        return "the page's content closes an element the theme opened (its end is not where it started)"
    children = list(parent)
    return parent, children[children.index(start) + 1:children.index(end)]


def check_page(html: str) -> PageCheck:
    """A built page: the content between the marks against ``CONTENT``, the rest against ``THEME``;
    the marked inline scripts and styles, to be approved by the Content-Security-Policy."""
    doc = parse_document(html)
    out = PageCheck()
    region = content_region(doc)
    inside: set[int] = set()
    if isinstance(region, str):
        out.problems.append(Problem(region, "the <!--guide:content--> marks", "one pair of marks, around the content only",
                                    "find the raw HTML that closes a tag it did not open (a page, or a partial in "
                                    "includes/partials/), and remove it."))
    elif region is not None:
        nodes = [node for node in region[1] if is_element(node)]
        out.problems.extend(check_nodes(nodes, content_policy()))
        inside.update(id(n) for top in nodes for n in top.iter())
    for node in doc.iter():
        if not is_element(node) or id(node) in inside:
            continue
        _check_theme_node(node, out)
    for kind, texts in (("script", out.scripts), ("<style>", out.styles)):
        for text in texts:
            words = next((w for w in page_words(doc) if any(form in text for form in _printed(w))), None)
            if words is not None:
                out.problems.append(Problem(
                    f"a marked inline {kind} holds the page's own words", f"'{words[:80]}' inside <{kind.strip('<>')} {MARK}>",
                    "marked inline scripts and styles with none of a page's title, description or heading (the "
                    "Content-Security-Policy approves them by hash, so a page's words there would run as code)",
                    "print the page's words into an attribute or a <script type=\"application/json\"> that the "
                    "script reads, never into the marked script or style itself (overrides/)."))
    for node, _, text in text_and_attributes(doc):
        char = invisible(text)
        if char is not None and tag_name(node) not in ("script", "style"):
            out.problems.append(Problem(f"an invisible character (U+{ord(char):04X}) in the page", describe(node),
                                        "visible text only", "delete the character: retype the word around it.",
                                        needle=char))
    return out


MIN_WORDS = 12
"""Shortest title, description or heading looked for in a marked script (shorter ones may be code by chance)."""


def page_words(doc: Element) -> list[str]:
    """What a page's editor wrote that the theme prints: the title (``<title>`` without the site's name),
    the description and the first heading; those of at least ``MIN_WORDS`` characters."""
    found: list[str] = []
    for node in doc.iter():
        if not is_element(node):
            continue
        name = tag_name(node)
        if name == "title":
            text = "".join(node.itertext()).strip()
            found += [text, text.rsplit(" - ", 1)[0].strip()]
        elif name == "meta" and node.get("name") == "description":
            found.append(node.get("content", "").strip())
        elif name == "h1":
            found.append("".join(node.itertext()).replace("\u00b6", "").strip())
    return [w for w in dict.fromkeys(found) if len(w) >= MIN_WORDS]


def _printed(words: str) -> set[str]:
    """``words`` as a template may print them: as they are, HTML-escaped, or as a JSON string."""
    return {words, html.escape(words), html.escape(words, quote=False), json.dumps(words)[1:-1],
            json.dumps(words, ensure_ascii=False)[1:-1]}


def _check_theme_node(node: Element, out: PageCheck) -> None:
    name = tag_name(node)
    fix = "the theme's templates (overrides/) write only what guide/content/htmlcheck.py lists: change the template or the list, in review."

    def add(what: str, expected: str) -> None:
        out.problems.append(Problem(what, describe(node), expected, fix))

    if name not in THEME_TAGS and name != "svg:use":
        add(f"the tag <{name}> outside the page's content", "only the tags of guide/content/htmlcheck.py's THEME_TAGS")
        return
    for raw, value in node.attrib.items():
        attr = attr_name(raw)
        if attr.lower().startswith("on") or attr.lower() == "style":
            add(f"the attribute '{attr}' in the theme's markup",
                "no event or style attributes (the Content-Security-Policy blocks them): move it into a stylesheet or script")
        elif attr.lower() == "http-equiv":
            add("a <meta http-equiv> in the theme's markup", "no http-equiv: the post-build step adds the one policy")
        elif attr in URL_ATTRS:
            _check_theme_url(node, name, attr, value, add)
    if name == "script":
        kind = node.get("type", "").strip().lower()
        if node.get("src") is not None:
            return
        if kind in DATA_TYPES:
            return
        if kind not in JS_TYPES:
            add(f"a script of type '{kind}'", "JavaScript, or data of type " + ", ".join(sorted(DATA_TYPES)))
        elif MARK not in node.attrib:
            add("an inline script the templates did not mark", f"inline scripts written by a template, marked {MARK}")
        else:
            out.scripts.append(node.text or "")
    elif name == "style":
        if MARK not in node.attrib:
            add("an inline <style> the templates did not mark", f"inline styles written by a template, marked {MARK}")
        else:
            out.styles.append(node.text or "")
    elif name == "form" and any(a in node.attrib for a in ("action", "method", "target")):
        add("a form that sends something", "the theme's search and colour forms only, which send nothing")
    elif name == "link" and not set(node.get("rel", "").split()) <= LINK_RELS:
        add(f"a <link rel=\"{node.get('rel', '')}\">", "links of rel " + ", ".join(sorted(LINK_RELS)))


def _check_theme_url(node: Element, name: str, attr: str, value: str, add: Callable[[str, str], None]) -> None:
    kind = url_kind(value)
    loads = name in ("script", "img", "link", "source", "video", "audio", "track", "input") or attr in (
        "src", "data-after-paint", "poster", "srcset")
    if name == "link" and set(node.get("rel", "").split()) & {"canonical", "alternate", "prev", "next"}:
        loads = False  # addresses of pages, not fetched
    if name.startswith("svg:") and attr in ("href", "xlink:href") and name != "svg:a":
        ok = kind == "fragment"
    elif loads:
        ok = kind == "relative" or (name == "img" and kind == "data")
    else:
        ok = kind in ("https", "mailto", "fragment", "relative")
    if not ok:
        add(f"the address '{value[:60]}' in the theme's markup",
            "the site's own files for what loads; https:, mailto: or the site's pages for links")
