"""Every fact's source passage and every quote, checked word for word against the article in ``sources/``.

Runs in every build (``define_env``), so a made-up or misremembered passage
stops the build wherever it runs, not only in the test suite.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import schema
from .errors import GuideError, GuideErrors
from .pagecheck import fact_numbers
from .yamlsrc import Path_

ARTICLE = "sources/article.txt"
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def norm(text: str) -> str:
    """Spaces and curly apostrophes made plain, so line breaks and typography do not matter."""
    return re.sub(r"\s+", " ", text.replace("’", "'"))


def said(number: float, passage: str) -> bool:
    """The passage gives ``number`` in digits or in words ("four", "once a year")."""
    digits = schema.num(number)
    if re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d])", passage):
        return True
    word = WORDS.get(int(number)) if float(number).is_integer() else None
    return bool(word and re.search(rf"\b{word}\b", passage, re.I)) or (
        number == 1 and re.search(r"\b(a|an|once|one)\b", passage, re.I) is not None)


def check(facts: schema.Facts, lines: dict[Path_, int], article: Path, data_name: str = "data/facts.yml") -> None:
    """Raise ``GuideErrors`` for each passage or quote not in ``article``, and each number not in its passage."""
    try:
        text = norm(article.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(ARTICLE, "the source article is missing", expected="the article's text in sources/article.txt",
                         fix="restore it from git (git checkout -- sources/article.txt).") from None
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            path: tuple[str, ...] = ("facts", group, name, "source")
            for piece in re.split(r"\s*\.\.\.\s*", fact.source):
                if norm(piece) not in text:
                    errors.append(GuideError(
                        data_name, "the source passage is not word for word in the article", line=lines.get(path),
                        key=".".join(path), found=f"'{piece[:120]}'", expected=f"words copied exactly from {ARTICLE}",
                        fix="copy the passage from the article (join separate pieces with ' ... ')."))
                    break
            for number in fact_numbers(fact):
                if not said(number, fact.source):
                    errors.append(GuideError(
                        data_name, f"the number {schema.num(number)} is not in this fact's source passage",
                        line=lines.get(("facts", group, name)), key=f"facts.{group}.{name}",
                        found=f"'{fact.source[:120]}'", expected=f"a passage that gives {schema.num(number)} (in digits or words)",
                        fix="check the number against the article, or quote the passage that gives it."))
    for key, quote in facts.quotes.items():
        if norm(quote.text) not in text:
            path = ("quotes", key, "text")
            errors.append(GuideError(data_name, "the quote is not word for word in the article", line=lines.get(path),
                                     key=".".join(path), found=f"'{quote.text[:120]}'",
                                     expected=f"words copied exactly from {ARTICLE}",
                                     fix="copy the quote exactly from the article."))
    if errors:
        raise GuideErrors(errors)
