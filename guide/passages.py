"""Every fact's source passage and every quote, checked word for word against the article in ``sources/``.

Runs in every build (``define_env``), so a made-up or misremembered passage
stops the build wherever it runs, not only in the test suite.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from . import numbers, schema
from .errors import GuideError, GuideErrors
from .yamlsrc import Path_

ARTICLE = "sources/article.txt"
HEDGES = {"about": ("about", "around", "approximately", "roughly"), "typically about": ("typically about",),
          "at least": ("at least",), "up to": ("up to",)}
"""Each qualifier of data/facts.yml and the article's words for it; the qualifier must match the passage."""
_ANY_HEDGE = re.compile(r"\b(typically about|about|around|approximately|roughly|at least|up to)\b", re.I)


def norm(text: str) -> str:
    """Spaces and curly apostrophes made plain, so line breaks and typography do not matter."""
    return re.sub(r"\s+", " ", text.replace("’", "'"))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower().replace("’", "'"))


def nearest(text: str, article: str) -> str:
    """Where ``text`` comes closest to the article, and where it differs, for a message:
    "nearest in the article: '...'; differs at 'simply' (the article: 'basically')"."""
    want = _words(text)
    words = article.split()
    low = [" ".join(_words(w)) for w in words]
    if not want or not words:
        return "nothing in the article comes close"
    best, best_at = 0.0, 0
    for start in range(max(1, len(words) - len(want) + 1)):
        score = difflib.SequenceMatcher(None, want, low[start:start + len(want)], autojunk=False).ratio()
        if score > best:
            best, best_at = score, start
    window = words[best_at:best_at + len(want) + 2]
    near = " ".join(window)
    for ours, theirs in zip(want, low[best_at:best_at + len(want)], strict=False):
        if ours != theirs:
            return f"nearest in the article: '{near}'; it differs at '{ours}' (the article: '{theirs}')"
    return f"nearest in the article: '{near}'"


def pieces(source: str) -> list[str]:
    """The pieces of a passage: words of the article joined with ' ... '."""
    return re.split(r"\s*\.\.\.\s*", source)


def figures(fact: schema.FactT) -> list[tuple[float, ...]]:
    """The figures a fact states, each as the article must write it: a number (11,), a range (0.5, 2.5),
    sessions and interval of a schedule each on their own (one number when both ends are equal)."""
    pairs: list[tuple[float, float]] = []
    if isinstance(fact, schema.NumberFact):
        return [(fact.value,)]
    if isinstance(fact, schema.RangeFact):
        pairs = [(fact.min, fact.max)]
    elif isinstance(fact, schema.ScheduleFact):
        pairs = [(part.min, part.max) for part in (fact.sessions, fact.every) if part is not None]
    return [(low,) if low == high else (low, high) for low, high in pairs]


def find(figure: tuple[float, ...], passage: str) -> tuple[str, numbers.Run] | None:
    """The piece of ``passage`` that writes ``figure`` as one run of numbers ("four to six"), and that run."""
    for piece in pieces(passage):
        for run in numbers.runs(piece):
            if run.values == tuple(float(v) for v in figure):
                return piece, run
    return None


def said(number: float, passage: str) -> bool:
    """The passage gives ``number`` as a number, in digits or in words (never "a" for one)."""
    return any(float(number) in run.values for piece in pieces(passage) for run in numbers.runs(piece))


def hedge_before(piece: str, run: numbers.Run) -> str | None:
    """The article's hedge just before a figure ("about", "at least"), within a few words, as a qualifier."""
    words = piece[max(0, run.start - 40):run.start]
    found = None
    for match in _ANY_HEDGE.finditer(words):
        found = match[1].lower()
    if found is None:
        return None
    return next((name for name, said_as in HEDGES.items() if found in said_as), None)


def _figure_text(figure: tuple[float, ...]) -> str:
    return " to ".join(schema.num(v) for v in figure)


def quoted_in(text: str, article: str) -> bool:
    """``text`` (a quotation on a page) stands word for word in the article, case and typography aside."""
    want = " ".join(_words(text))
    return bool(want) and want in " ".join(_words(article))


def check(facts: schema.Facts, lines: dict[Path_, int], article: Path, data_name: str = "data/facts.yml") -> None:
    """Raise ``GuideErrors`` for each passage or quote not in ``article``, each figure its passage does not
    write as one run of numbers in count and order, and each qualifier the passage does not say."""
    try:
        text = norm(article.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideError(ARTICLE, "the source article is missing", expected="the article's text in sources/article.txt",
                         fix="restore it from git (git checkout -- sources/article.txt).") from None
    errors = []
    for group, items in facts.facts.items():
        for name, fact in items.items():
            path: tuple[str, ...] = ("facts", group, name, "source")
            at = 0
            for piece in pieces(fact.source):
                found = text.find(norm(piece), at)
                if found < 0:
                    in_article = norm(piece) in text
                    errors.append(GuideError(
                        data_name, "the source passage is not word for word in the article" if not in_article else
                        "the pieces of the source passage are not in the article's order", line=lines.get(path),
                        key=".".join(path), found=f"'{piece[:120]}'", expected=f"words copied exactly from {ARTICLE}"
                        + ("" if not in_article else ", pieces joined with ' ... ' in the order the article gives them")
                        + ("" if in_article else f" ({nearest(piece, text)})"),
                        fix="copy the passage from the article (join separate pieces with ' ... ')."))
                    break
                at = found + len(norm(piece))
            else:
                errors.extend(_check_figures(fact, group, name, lines, data_name))
    for key, quote in facts.quotes.items():
        if norm(quote.text) not in text:
            path = ("quotes", key, "text")
            errors.append(GuideError(data_name, "the quote is not word for word in the article", line=lines.get(path),
                                     key=".".join(path), found=f"'{quote.text[:120]}'",
                                     expected=f"words copied exactly from {ARTICLE} ({nearest(quote.text, text)})",
                                     fix="copy the quote exactly from the article."))
    if errors:
        raise GuideErrors(errors)


def _check_figures(fact: schema.FactT, group: str, name: str, lines: dict[Path_, int], data_name: str) -> list[GuideError]:
    errors = []
    key = f"facts.{group}.{name}"
    qualifier = getattr(fact, "qualifier", None)
    for i, figure in enumerate(figures(fact)):
        hit = find(figure, fact.source)
        if hit is None:
            missing = [v for v in figure if not said(v, fact.source)]
            what = (f"the number {schema.num(missing[0])} is not in this fact's source passage" if missing else
                    f"this fact's source passage does not give {_figure_text(figure)} as one figure")
            errors.append(GuideError(
                data_name, what, line=lines.get(("facts", group, name)), key=key, found=f"'{fact.source[:120]}'",
                expected=f"a passage that gives {_figure_text(figure)} (in digits or words), in that order, in one piece",
                fix="check the numbers against the article (a range's two ends, or one number when they are equal), "
                    "or quote the passage that gives them."))
            continue
        piece, run = hit
        said_hedge = hedge_before(piece, run)
        hedged = qualifier is not None and (not isinstance(fact, schema.ScheduleFact) or i == 0)
        if hedged and said_hedge != qualifier:
            errors.append(GuideError(
                data_name, f"the qualifier '{qualifier}' is not what the passage says", key=f"{key}.qualifier",
                line=lines.get(("facts", group, name, "qualifier")), found=f"'{piece[:120]}'",
                expected=f"the passage's own hedge before {_figure_text(figure)}: "
                         + (f"qualifier: \"{said_hedge}\"" if said_hedge else "no qualifier"),
                fix="make the qualifier say what the article says, or quote the passage that says it."))
        elif not hedged and said_hedge is not None and i == 0:
            errors.append(GuideError(
                data_name, f"the passage says '{said_hedge}' before {_figure_text(figure)}, and the fact has no qualifier",
                key=f"{key}.qualifier", line=lines.get(("facts", group, name)), found=f"'{piece[:120]}'",
                expected=f"qualifier: \"{said_hedge}\", so every page shows the article's hedge",
                fix=f"add 'qualifier: \"{said_hedge}\"' to the fact."))
    return errors
