"""No English word on a Spanish page that is not marked as English (issue 23, the bilingual editor's review).

Checked on each built Spanish page (the Spanish build's post-build step, ``postbuild.after_mkdocs``): in the
article and the footer, every word that is English and not marked (``lang="en"``, which ``{{ en("...") }}``
writes, so a screen reader says it in English) is refused, and so is any English word in a tooltip (a title
attribute, which cannot carry a language). A word is English when the article or the English edition's sources
use it (its pages, the data's English texts, its strings and glossary: :func:`english_vocabulary`), unless
Spanish has it too (:data:`SHARED`) or it is a name (:func:`names`, read from the data).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import yaml

from guide.errors import GuideError, quoted

SHARED = frozenset("""alcohol facial factor general plan retinol spa no en use mm a me son dental total normal final local
    solar de superficial idea ideas error hospital hospitales animal capital central natural personal popular social
    radio hotel real color doctor doctora actor motor sensor tumor humor horror honor terror similar regular particular
    visual manual original oral mental principal virtual digital ideal material formal informal legal fatal metal canal
    inferior superior interior exterior anterior posterior plural singular crisis virus gas extra drama sensible once
    mayor par cruel dermis epidermis visible invisible terrible horrible flexible hormonal""".split())
"""English words that are Spanish words too (RAE), or symbols both editions use: ordinary Spanish on a Spanish
page, never marked as English ("ideas", "general", "hospital" in a Spanish sentence). A maintainer adds one here."""
TOOLS = frozenset({"material", "mkdocs", "zensical", "github"})
"""The tools the footer names."""
WORD = re.compile(r"[^\W\d_](?:[\w’'.-]*[^\W\d_])?")
ADDRESS = re.compile(r"\S*(?:https?://|www\.|\.github\.io|\.html)\S*")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
"""A macro call or a tag in a page's source: its words are code, not the page's English."""
ENGLISH_SOURCES = ("docs", "includes/strings/en.yml", "includes/abbreviations.md", "data/facts.yml", "sources/article.txt")
"""Where the English vocabulary comes from: the English pages, strings, glossary, data and the article."""


def words(text: str) -> set[str]:
    """The words of ``text``, lower case, addresses left out."""
    return {w.lower() for w in WORD.findall(ADDRESS.sub(" ", text))}


def _strings(value: object) -> Iterator[str]:
    """Every string in a YAML value, keys left out."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo += item.values()
        elif isinstance(item, list):
            todo += item
        elif isinstance(item, str):
            yield item


def _yaml(path: Path) -> object:
    """A YAML file's values (libyaml's safe loader where installed: the pre-flight has read the file already)."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except (OSError, yaml.YAMLError):
        return None  # the pre-flight says what is wrong with it


def names(root: Path) -> frozenset[str]:
    """Names (people, places, brands, the publisher: a name is not translated and has no language to mark), read from
    the data: the experts' names and credentials, the authors and the publisher, every word written with a capital
    the same in the data's English texts and in its Spanish wording (Beverly Hills, Tensage, Dermapen), and TOOLS."""
    data = _yaml(root / "data" / "facts.yml")
    found: set[str] = set(TOOLS)
    if isinstance(data, dict):
        for expert in (data.get("experts") or {}).values() if isinstance(data.get("experts"), dict) else ():
            if isinstance(expert, dict):
                found |= words(f"{expert.get('name', '')} {expert.get('credentials', '')}")
        source = data.get("source")
        if isinstance(source, dict):
            found |= {w for text in _strings([source.get("authors"), source.get("publisher")]) for w in words(text)}

    def capitals(path: Path) -> set[str]:
        return {w for text in _strings(_yaml(path)) for w in WORD.findall(text) if w[0].isupper()}

    found |= {w.lower() for w in capitals(root / "data" / "facts.yml") & capitals(root / "data" / "facts.es.yml")}
    return frozenset(found)


def english_vocabulary(root: Path) -> frozenset[str]:
    """The English words: the article's and those of the English edition's sources (ENGLISH_SOURCES; in pages,
    outside macro calls), less the words Spanish shares and names."""
    found: set[str] = set()
    for part in ENGLISH_SOURCES:
        path = root / part
        files = sorted(path.rglob("*.md")) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            text = file.read_text(encoding="utf-8", errors="replace")
            if file.suffix == ".yml":
                found |= {w for value in _strings(_yaml(file)) for w in words(value)}
            else:
                found |= words(MACRO.sub(" ", text))
    return frozenset(w for w in found - SHARED - names(root) if len(w) > 1)  # a lone letter ("’s") is no word


VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
"""Elements with no end tag."""


class _Reader(HTMLParser):
    """A built page's text, with the language of each piece: only what the article and the footer show, and the
    article's tooltips. The pages are the build's own output (the page check read their source with the
    browsers' parser, guide/content/htmlcheck.py): the standard library's parser reads them quickly enough for every build."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str, bool, bool]] = [("", "", False, False)]  # (tag, lang, in article/footer, in article)
        self.texts: list[tuple[str, str, bool]] = []  # (text, lang, a tooltip)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _, lang, inside, article = self.open[-1]
        values = dict(attrs)
        lang = values.get("lang") or lang
        inside, article = inside or tag in ("article", "footer"), article or tag == "article"
        if article and values.get("title"):
            self.texts.append((values["title"] or "", "", True))
        if tag not in VOID:
            self.open.append((tag, lang, inside, article))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self.open) - 1, 0, -1):
            if self.open[at][0] == tag:
                del self.open[at:]
                return

    def handle_data(self, data: str) -> None:
        tag, lang, inside, _ = self.open[-1]
        if inside and tag not in ("script", "style"):
            self.texts.append((data, lang, False))


def unmarked_english(html: str, english: frozenset[str]) -> list[tuple[str, str]]:
    """``(word, where)`` for each English word of a page's article and footer that no ``lang="en"`` element marks,
    and each English word in its tooltips (a title attribute cannot be marked)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found: list[tuple[str, str]] = []
    for value, lang, tooltip in reader.texts:
        if lang == "en" and not tooltip:
            continue
        shown = " ".join(value.split())
        for word in sorted(words(value) & english):
            found.append((word, f"the tooltip “{shown[:80]}”" if tooltip else f"“{shown[:80]}”"))
    return found


def _source_line(source: Path, word: str) -> int | None:
    """The first line of the page's source with ``word`` outside macro calls (``en("...")`` included)."""
    try:
        rows = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(r"(?<![\w’'.-])" + re.escape(word) + r"(?![\w’'-])", re.I)
    return next((n for n, row in enumerate(rows, 1) if pattern.search(MACRO.sub(" ", row))), None)


def check_site(site_dir: Path, docs_dir: Path, docs_shown: str, root: Path, file_urls: bool = False) -> list[GuideError]:
    """Every unmarked English word on the built Spanish pages of ``site_dir`` (one message per word and page, on the
    line of ``docs_shown``'s page that has it, when the page's own text does)."""
    from guide.content.pages import url_of

    english = english_vocabulary(root)
    errors: list[GuideError] = []
    for source in sorted(docs_dir.rglob("*.md")):
        rel = source.relative_to(docs_dir).as_posix()
        if any(part.startswith("_") for part in rel.split("/")):
            continue
        built = site_dir / (rel.removesuffix(".md") + ".html" if file_urls else url_of(rel) + "index.html")
        if not built.is_file():
            continue
        seen: set[str] = set()
        for word, where in unmarked_english(built.read_text(encoding="utf-8"), english):
            if word in seen:
                continue
            seen.add(word)
            line = _source_line(source, word)
            errors.append(GuideError(
                f"{docs_shown}/{rel}", f"an English word on a Spanish page, not marked as English ('{word}')", line=line,
                found=quoted(" ".join(source.read_text(encoding="utf-8").splitlines()[line - 1].split())) if line
                else f"{where} (from a macro: the data's Spanish wording, includes/strings/es.yml or the glossary)",
                expected='Spanish words; an English word marked as English, {{ en("...") }}, so a screen reader says it in '
                         "English (a tooltip holds no English word: it cannot be marked)",
                fix=f'say it in Spanish, or mark it: {{{{ en("{word}") }}}}. If Spanish has the word too (like "ideas" or '
                    '"hospital"), a maintainer adds it to SHARED in guide/content/spanish_words.py.'))
    return sorted(errors, key=lambda e: (e.file, e.line or 0))
