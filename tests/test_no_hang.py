"""No input hangs the build (issue 20): adversarial text of 1 MB, and of the largest size the build lets through.

A page over ``guide.pages.MAX_PAGE`` characters is refused before any check reads it, so 1 MB through
the build is refused at once; each checker is then fed the largest page the build accepts, made of the
inputs that once took minutes (a rule of 80 dashes after "two" took 150 s in the number check's
regular expression; a 329 KB page took 166 s to split into sentences; ``<a<a<a`` was quadratic).
Every checker reads a text in one pass, so each finishes well within the issue's 10 s; the bound
here is a guard against a hang, not a speed target (``make bench`` measures speed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide import attribution, htmlcheck, numbers, pagecheck, postbuild, rendered
from guide.library import load_project
from guide.pages import MAX_PAGE
from support import TINY_PAGE, one_page_project, project_facts

LIMIT = 10.0
MB = 1_000_000


def _inputs(size: int) -> dict[str, str]:
    return {
        "dashes after a number word": "two " + "-" * size,
        "number words": "two " * (size // 4),
        "tag openers": "<a" * (size // 2),
        "nested list": "".join("  " * i + "- x\n" for i in range(min(size // 200, 2000))),
        "nested quotes": ">" * (size // 2) + " x",
        "one long sentence": "Dr. Jaliman says the pen is good and " * (size // 37),
        "brackets": "[" * size,
        "braces": "{" * (size // 2),
        "dots": "." * size,
        "backticks": "`" * size,
        "emphasis": "*a " * (size // 3),
        "entities": "&#x32;" * (size // 6),
    }


def _timed(run: Callable[[], object]) -> float:
    start = time.monotonic()
    try:
        run()
    except Exception:  # noqa: BLE001 - refusing is fine; hanging is not
        pass
    return time.monotonic() - start


CHECKERS: dict[str, Callable[[str], object]] = {
    "numbers": lambda text: numbers.claims(text),
    "figures": lambda text: numbers.runs(text),
    "sentences": lambda text: attribution.sentences(text),
    "template sentences": lambda text: attribution.split(text),
    "HTML allowlist": lambda text: htmlcheck.check_content(htmlcheck.parse_fragment(text), htmlcheck.author_policy()),
    "source checks": lambda text: [check(text, "x.md") for check in (pagecheck.check_markup, pagecheck.check_snippets,
                                                                        pagecheck.check_paragraph_limits)],
    "slimming": lambda text: postbuild.slim(text),
}


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("case", list(_inputs(10)))
def test_each_checker_reads_the_largest_page_in_one_pass(checker: str, case: str) -> None:
    text = _inputs(MAX_PAGE)[case][:MAX_PAGE]
    assert _timed(lambda: CHECKERS[checker](text)) < LIMIT, f"{checker} on {case}"


@pytest.mark.parametrize("case", list(_inputs(10)))
def test_the_page_check_reads_the_largest_page_in_time(tmp_path: Path, case: str) -> None:
    """Through the whole page check, as the build runs it: what Markdown would read too slowly
    (unmatched brackets, tag openers) is refused before any Markdown reads it."""
    body = _inputs(MAX_PAGE)[case][:MAX_PAGE - 400]
    project = one_page_project(tmp_path, TINY_PAGE.replace("# Tiny\n", "# Tiny\n\n" + body + "\n", 1))
    assert _timed(lambda: load_project(project)) < LIMIT, case


@pytest.mark.parametrize("case", list(_inputs(10)))
def test_rendering_reads_what_the_paragraph_limits_let_through_in_time(case: str) -> None:
    """The page check's own rendering, on the largest page within the limits: what would pass the count
    of brackets, tag openers and emphasis marks (pagecheck.PAGE_LIMITS), in paragraphs of a hundred characters."""
    left = dict(pagecheck.PAGE_LIMITS)
    kept = []
    for char in _inputs(MAX_PAGE)[case][:MAX_PAGE - 1000]:
        if char in left:
            if not left[char]:
                char = "x"
            else:
                left[char] -= 1
        kept.append(char)
    page = "".join(kept)
    paragraphs = [page[i:i + 100] for i in range(0, len(page), 100)]
    depth = pagecheck.MAX_QUOTE_DEPTH  # deeper quotes are refused before any rendering
    text = "\n\n".join(p[:depth] + p[depth:].replace(">", "x") if p.startswith(">") else p for p in paragraphs)
    facts = project_facts()
    assert _timed(lambda: rendered.check_page(text, "docs/x.md", "en", facts)) < LIMIT, case


@pytest.mark.parametrize("case", ["dashes after a number word", "tag openers", "nested list", "one long sentence"])
def test_a_megabyte_page_is_refused_at_once(tmp_path: Path, case: str) -> None:
    body = _inputs(MB)[case]
    project = one_page_project(tmp_path, TINY_PAGE.replace("# Tiny\n", "# Tiny\n\n" + body + "\n", 1))
    with pytest.raises(Exception) as info:
        start = time.monotonic()
        try:
            load_project(project)
        finally:
            assert time.monotonic() - start < LIMIT
    assert "the page is too long" in str(info.value)


@pytest.mark.parametrize("body, says", [
    ("".join("    " * i + "- x\n" for i in range(400)), "the page is too long"),  # 400 levels need 320 000 characters
    ("".join("    " * i + "- x\n" for i in range(200)), "nests lists, quotes or blocks too deeply"),
    (">" * 400 + " x", "quotes nested too deeply"),
    ("<div>" * 300 + "x", "a page with 300 '<' characters"),
    ("<div>" * 60 + "x", "nests lists, quotes or blocks too deeply"),
])
def test_deep_nesting_gets_a_message(tmp_path: Path, body: str, says: str) -> None:
    """The review's "list nested 400 deep" ended in a traceback."""
    project = one_page_project(tmp_path, TINY_PAGE.replace("# Tiny\n", "# Tiny\n\n" + body + "\n", 1))
    with pytest.raises(Exception) as info:
        load_project(project)
    assert says in str(info.value) and "Traceback" not in str(info.value), str(info.value)[:300]
