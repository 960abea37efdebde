"""Who said it: a sentence that names a speaker may only show facts that speaker said.

The rule, checked on every page in ``docs/`` and every template in
``includes/partials/`` before anything is rendered:

* A sentence *names* a speaker when it has ``{{ expert("jaliman") }}``, a
  typed "Dr. Jaliman" (or "Dr. Jaliman's"), "the article" (or "the
  article's"), or, in a template, ``who("group.name")`` (which prints that
  fact's speaker).
* A sentence *shows* a fact when it has ``fact("key")``, ``fact_list("key")``,
  ``timeline("key")`` or, in a template, ``v("key")`` or ``items("key")``.
* Every fact a sentence shows must be said by a speaker the sentence names,
  as ``expert:`` in data/facts.yml gives it. So "Dr. Jaliman says ..." cannot
  show a fact of Dr. Nazarian's or of the article's own voice, and "The
  article says ..." cannot show an expert's fact as the article's. A
  ``not_stated`` fact is the article's silence: a sentence naming the
  article may show it too.
* A sentence that names no one ("She says ...", "It takes ...") is not
  checked: the sentence before it names the speaker.

Sentences end at ". ", "! ", "? " (not after "Dr." and other short titles,
and not at the dots inside a ``{{ ... }}`` call), at a blank line, at a new
list item, heading or table cell, and at block HTML tags and ``{% %}`` tags
in templates. A sentence that ends with ":" runs on into a following
paragraph that is only a macro call, so "Dr. Jaliman says to avoid these:"
is checked against the list under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from . import render, schema
from .errors import GuideError

SHOWS = ("fact", "fact_list", "timeline", "v", "items")
"""Calls whose first argument is the key of a fact they show."""
ABBREVIATIONS = ("Dr", "Dra", "Mr", "Mrs", "Ms", "St", "vs", "e.g", "i.e", "etc", "M.D", "No")
"""Words whose final dot does not end a sentence (in any case: "dra. Jaliman", "DR. JALIMAN")."""
_ABBREVIATIONS_LOWER = frozenset(a.lower() for a in ABBREVIATIONS)
ARTICLE = "article"
TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
BLOCK_HTML = re.compile(r"</?(?:p|div|dl|dt|dd|li|ul|ol|tr|td|th|table|thead|tbody|caption|figure|figcaption|"
                        r"h[1-6]|br|details|summary|section|title|desc|text|tspan|svg|g)\b[^>]*>", re.I)
INLINE_HTML = re.compile(r"<[^>]+>")
NEW_BLOCK = re.compile(r"\n(?=[ \t]*(?:#|[-*+] |\d+\. |>|\||!!!|:   |\{:|<))")
END = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)")
ARTICLE_NAME = re.compile(r"\b[Tt]he article(?:'s|’s)?\b|\b[Ee]l artículo\b|\bdel artículo\b")
"""How a sentence names the article: "the article" (English pages), "el artículo" / "del artículo" (Spanish)."""


@dataclass
class Call:
    """One ``{{ ... }}`` in a sentence: what it shows and whom it names."""

    line: int
    shows: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # expert keys
    who: list[str] = field(default_factory=list)  # fact keys whose speaker it prints
    quotes: list[str] = field(default_factory=list)  # quote keys: a quote is its expert's words too


@dataclass
class Sentence:
    """A sentence of a page or template: its prose (calls left out) and its calls."""

    line: int
    text: str = ""
    calls: list[Call] = field(default_factory=list)
    ends_in_call: bool = False  # the last thing in it is a {{ ... }}, after any prose

    @property
    def only_calls(self) -> bool:
        return bool(self.calls) and not re.sub(r"[\s:.,;]", "", self.text)


def _parse_call(source: str, line: int) -> Call:
    call = Call(line)
    try:
        tree = jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError:
        return call  # the page scan reports syntax errors with their own message
    for node in tree.find_all(nodes.Call):
        if not isinstance(node.node, nodes.Name) or not node.args:
            continue
        first = node.args[0]
        if not isinstance(first, nodes.Const) or not isinstance(first.value, str):
            continue
        if node.node.name in SHOWS:
            call.shows.append(first.value)
        elif node.node.name == "expert":
            call.names.append(first.value)
        elif node.node.name == "who":
            call.who.append(first.value)
        elif node.node.name == "quote":
            call.quotes.append(first.value)
    return call


def _abbreviation_before(text: str, end: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:end])
    return word is not None and word.group(1).rstrip(".").lower() in _ABBREVIATIONS_LOWER


def split(text: str, first_line: int = 1) -> list[Sentence]:
    """The sentences of ``text`` (Markdown or a template), each with its first line and its calls."""
    out: list[Sentence] = []
    current = Sentence(first_line)
    line = first_line
    headings = {first_line + i for i, row in enumerate(text.split("\n")) if row.lstrip().startswith("#")}

    def close(next_line: int) -> None:
        nonlocal current
        if current.text.strip() or current.calls:
            current.text = " ".join(current.text.split())
            out.append(current)
        current = Sentence(next_line)

    def prose(chunk: str) -> None:
        nonlocal line
        chunk = INLINE_HTML.sub(lambda m: "\x00" if BLOCK_HTML.fullmatch(m[0]) else "", chunk)
        # boundaries inside plain text: blank lines, new blocks, table cells, sentence ends
        pos = 0
        pattern = re.compile(r"\n[ \t]*\n|" + NEW_BLOCK.pattern + r"|\n|\||\x00|" + END.pattern)
        for m in pattern.finditer(chunk):
            if (m[0] == "\n" and not NEW_BLOCK.match(chunk, m.start())
                    and line + chunk.count("\n", pos, m.start()) not in headings):
                continue  # a line break inside a paragraph; a heading's line ends its sentence
            if m[0][0] in ".!?":
                if _abbreviation_before(chunk, m.start()):
                    continue
                current.text += chunk[pos:m.end()]
                current.ends_in_call = False
                line += chunk.count("\n", pos, m.end())
                pos = m.end()
                close(line)
                continue
            current.text += chunk[pos:m.start()]
            if chunk[pos:m.start()].strip():
                current.ends_in_call = False
            line += chunk.count("\n", pos, m.end())
            pos = m.end()
            close(line)
        current.text += chunk[pos:]
        if chunk[pos:].strip():
            current.ends_in_call = False
        line += chunk.count("\n", pos)
        if not current.text.strip() and not current.calls:
            current.line = line

    pos = 0
    for tag in TEMPLATE_TAG.finditer(text):
        prose(text[pos:tag.start()])
        if tag[0].startswith("{{"):
            current.calls.append(_parse_call(tag[0], line))
            current.ends_in_call = True
        elif tag[0].startswith("{%"):
            close(line)
        line += tag[0].count("\n")
        pos = tag.end()
    prose(text[pos:])
    close(line)
    return _run_on(out)


def _run_on(sentences: list[Sentence]) -> list[Sentence]:
    """Join "... say these:" with a paragraph under it that is only a macro call."""
    out: list[Sentence] = []
    for sentence in sentences:
        if out and sentence.only_calls and out[-1].text.rstrip().endswith(":") and not out[-1].ends_in_call:
            out[-1].calls.extend(sentence.calls)
        else:
            out.append(sentence)
    return out


def _typed_names(text: str, facts: schema.Facts) -> set[str]:
    """Expert keys named in prose: "Dr. Jaliman", "Dr. Jaliman's", "Dr. Debra Jaliman", and also
    "Dr Jaliman", "Dr.Jaliman" or "Jaliman" alone (the family name is what names her), in any case."""
    found = set()
    for key, person in facts.experts.items():
        if re.search(r"\b" + re.escape(person.name.split()[-1]) + r"\b", text, re.I):
            found.add(key)
    return found


def _speaker_name(who: str, facts: schema.Facts) -> str:
    return render.ARTICLE if who == ARTICLE else facts.experts[who].surname


def check(text: str, shown: str, facts: schema.Facts, first_line: int = 1) -> None:
    """Raise ``GuideError`` on the first sentence of ``text`` that credits a fact to the wrong speaker."""
    every = facts.all_facts()
    for sentence in split(text, first_line):
        named = _typed_names(sentence.text, facts)
        if ARTICLE_NAME.search(sentence.text):
            named.add(ARTICLE)
        for call in sentence.calls:
            named.update(k for k in call.names if k in facts.experts)
            named.update(every[k].expert for k in call.who if k in every)
        if not named:
            continue
        for call in sentence.calls:
            for key in call.quotes:
                said = facts.quotes.get(key)
                if said is not None and said.expert not in named:
                    names = " and ".join(sorted(_speaker_name(n, facts) for n in named))
                    real = _speaker_name(said.expert, facts)
                    raise GuideError(shown, f"this sentence credits {names} with {real}'s quote", line=call.line,
                                     key=f"quotes.{key}", found=f"quote(\"{key}\") in a sentence that names {names}; "
                                     f"data/facts.yml gives it to {real} (expert: {said.expert})",
                                     expected=f"a quote of {names}, or a sentence that names {real}",
                                     fix=f"introduce the quote with a sentence that names {real}.")
            for key in call.shows:
                fact = every.get(key)
                if fact is None or fact.expert in named:
                    continue  # an unknown key has its own message (guide/pages.py)
                if isinstance(fact, schema.NotStatedFact) and ARTICLE in named:
                    continue
                raise _error(shown, call.line, key, fact, named, facts)


def _error(shown: str, line: int, key: str, fact: schema.FactT, named: set[str], facts: schema.Facts) -> GuideError:
    names = " and ".join(sorted(_speaker_name(n, facts) for n in named))
    real = _speaker_name(fact.expert, facts)
    if fact.expert == ARTICLE:
        words, example = "the article's own words", "The article says ..."
    else:
        words, example = f"{real}'s words", f'{{{{ expert("{fact.expert}") }}}} says ...'
    return GuideError(
        shown, f"this sentence credits {names} with {words}", line=line, key=key,
        found=f"'{key}' shown in a sentence that names {names}; data/facts.yml gives it to {real} "
              f"(expert: {fact.expert})",
        expected=f"only facts that {names} said, in a sentence that names {names}",
        fix=f"give this fact a sentence that names {real} (for example: {example}), or show a fact {names} said.")


def check_templates(folder: Path, facts: schema.Facts, display_root: str) -> None:
    """The same check on the generated summaries' templates (``includes/partials/``)."""
    for path in _templates(folder):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        check(text, f"{display_root}/{path.relative_to(folder).as_posix()}", facts)


def _templates(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".html", ".svg"):
            yield path
