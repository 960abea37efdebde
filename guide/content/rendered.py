"""The page check on what Markdown makes of a page, before any engine runs.

A page is Markdown with calls of the guide's macros. Its Jinja is checked first, with Jinja's own
lexer and parser (``guide.content.pagecheck.check_jinja``). Then each call is replaced by a stand-in (one
private-use character, which Markdown leaves alone), and the page is rendered by Python-Markdown with
the edition's own extensions (``guide.render.mdconfig``, the list every configuration must give) and read
with the browsers' parser (``guide.content.htmlcheck``) into the blocks a reader reads
(``guide.content.reading``). On that:

* the HTML allowlist (tags, attributes, classes, addresses), ``htmlcheck.AUTHOR_TAGS``;
* invisible and direction characters, character references decoded, in text, titles and alt texts;
* typed numbers (``guide.data.numbers``), in text, titles and alt texts, code included: a number inside
  code or between ``{% raw %}`` and ``{% endraw %}`` is the editor's explicit "shown as typed, not a
  fact", which builds and is listed for the reviewer (``Report.as_typed``);
* who said it (``guide.content.attribution``), on sentences as a reader reads them, a speaker in a heading,
  a list's lead-in or a table's row carrying to what is under it;
* unresolved references (``![x][y]``) and page-level abbreviations for a doctor's name.

Every problem is collected (``Report.problems``), with the page's line where it can be found.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markdown.extensions import toc
from pymdownx.snippets import SnippetMissingError

from guide.content import attribution, htmlcheck, pagecheck
from guide.content.attribution import LINK_MARK
from guide.content.htmlcheck import Element, is_element, tag_name
from guide.content.pagecheck import NumberHint, number_error
from guide.content.reading import (
    ALLOWED_STAND_INS,
    CODE,
    HEADINGS,
    Call,
    blocks,
    locate,
    substitute,
    to_html,
)
from guide.data import numbers, schema, speakers
from guide.errors import GuideError, Problems, quote_line


@dataclass
class Report:
    """What the check of one page found."""

    problems: Problems = field(default_factory=Problems)
    as_typed: list[tuple[int | None, str]] = field(default_factory=list)
    """(line, text) of each number shown as typed, in code or a raw block: listed for the reviewer."""
    raw_blocks: list[tuple[int, str]] = field(default_factory=list)
    """(first line, text) of each ``{% raw %}`` block: listed for the editor and the reviewer."""
    links: list[tuple[str, int | None]] = field(default_factory=list)
    """Each link to the site's own pages (address as written, line): checked once every page is read."""
    anchors: set[str] = field(default_factory=set)
    """The ids a link can point at on this page (headings and attribute lists; macro blocks add theirs)."""
    numerals: dict[str, int | None] = field(default_factory=dict)
    """Each number typed on the page (digits; a decimal comma read as a point), with its line."""



MAX_NUMBER_ERRORS = 30
"""Typed numbers reported for one page: past these the page is reported once more, as a whole."""


def _check_numbers(tree: Element, shown: str, lines: list[str], calls: Mapping[int, Call], lang: str,
                   suggest: NumberHint, report: Report, subjects: numbers.Subjects | None = None) -> None:
    errors: list[GuideError] = []
    more = 0

    def refuse(text: str, claim: numbers.Claim) -> None:
        nonlocal more
        if len(errors) < MAX_NUMBER_ERRORS:
            errors.append(number_error(shown, lines, text, claim, calls, suggest, subjects))
        else:
            more += 1

    for block in blocks(tree):
        for digits in _NUMERAL.findall(block.text):
            report.numerals.setdefault(digits.replace(",", "."), locate(lines, digits))
        found = numbers.page_claims(block.text, lang)
        named = [(claim, key) for claim, key in numbers.named_figures(block.text, lang, subjects or {})
                 if not numbers.own_figure(block.text, claim, lang)]
        if named:
            starts = sorted(claim.start for claim in found)
            covered = [(run.start, run.end) for run in numbers.runs(block.text, lang)
                       if bisect.bisect_left(starts, run.start) < bisect.bisect_left(starts, run.end)]
            ends = [end for _, end in covered]  # runs do not overlap: "ten to twenty minutes" is one figure
            at = set(starts)
            found += [claim for claim, _ in named if claim.start not in at
                      and not ((k := bisect.bisect_right(ends, claim.start)) < len(covered) and covered[k][0] <= claim.start)]
            found.sort(key=lambda c: c.start)
        for claim in found:
            if any(start <= claim.start < end for start, end in block.code):
                report.as_typed.append((locate(lines, block.text[claim.start:claim.end + 12].strip()) or
                                        locate(lines, claim.word), block.text[max(0, claim.start - 20):claim.end + 20].strip()))
                continue
            refuse(block.text, claim)
    for _, attr, value in htmlcheck.text_and_attributes(tree):
        if attr in ("title", "alt"):
            for claim in numbers.page_claims(value, lang):
                refuse(value, claim)
    report.problems.extend(errors)
    if more:
        report.problems.add(GuideError(shown, f"{more} more numbers typed into the page", found=f"{more} more",
                                        expected="numbers only from data/facts.yml, through the macros",
                                        fix="fix the ones listed above the same way, then build again."))


def check_partial(output: str, shown: str, lang: str = "en", source: str | None = None) -> list[GuideError]:
    """What a partial makes (Markdown or HTML, from a trial render) against the content's list: a partial
    may draw pictures and tables, never a script, a style, a frame or a form, nor words a reader cannot see.
    ``source``: the partial's own text, for the line of a problem whose words it has as typed."""
    found = _partial_problems(output, lang)
    if isinstance(found, str):
        return [GuideError(shown, f"the partial's output could not be read ({found})", fix="simplify the partial.")]
    lines = source.splitlines() if source is not None else []
    return [GuideError(shown, problem.what.replace("in the page", "in what the partial makes"), found=problem.found,
                       line=next((n for n, text in enumerate(lines, 1) if problem.located and problem.needle
                                  and problem.needle in text), None),
                       expected=problem.expected, fix="change the partial: " + problem.fix)
            for problem in found]


@functools.lru_cache(maxsize=4096)
def _partial_problems(output: str, lang: str) -> tuple[htmlcheck.Problem, ...] | str:
    """The content list's problems in ``output`` (or the error that kept it from being read), worked out once
    per process for each output: every load of a project renders every partial again, mostly to the same text."""
    try:
        tree = htmlcheck.parse_fragment(to_html(output, lang))
    except (RecursionError, SnippetMissingError) as exc:
        return type(exc).__name__
    return tuple(htmlcheck.check_content(tree, htmlcheck.content_policy()))


# --- values no reader sees: an id, a datetime (no-hints review, finding 12) ----------------------------

_DATETIME = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"|\d{4}-W\d{2}|--\d{2}-\d{2}|\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?"
    r"|P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?")
"""A ``datetime`` value as HTML defines them: a year, month, date, date and time (with its zone), week,
day of a year, time, or duration; read on the attribute's value, never on the page's source."""
MAX_ID_WORDS = 5
"""Words an author's id may have (``{ #before-the-visit }``): a name to link to, not a sentence."""


def _valid_datetime(value: str) -> bool:
    if not _DATETIME.fullmatch(value) or value == "P":
        return False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        try:
            datetime.date.fromisoformat(value[:10])
        except ValueError:
            return False
    elif re.fullmatch(r"\d{4}-\d{2}", value):
        return 1 <= int(value[5:]) <= 12
    return True


def _toc_made(node: Element, value: str) -> bool:
    """Whether ``value`` is the id the toc extension gives heading ``node`` (its words, lower case, dashes;
    ``_1``, ``_2`` ... after a heading of the same words)."""
    if tag_name(node) not in HEADINGS:
        return False
    words = "".join(node.itertext()).removesuffix(htmlcheck.PERMALINK)
    return re.sub(r"_\d+$", "", value) == toc.slugify(words, "-")


def hidden_value_errors(tree: Element, shown: str, lines: list[str]) -> list[GuideError]:
    """The values of a page's ``datetime`` and author-written ``id`` attributes: no reader sees them, but the
    page's source, the search index and every link to the id carry them. A ``datetime`` must be a date or time;
    an id the page gives itself (``{ #my-id }``, ``<span id="...">``) a short name with no number the number rule
    refuses ("use-twelve-mm-needles"; "step-11" is a label) and none of the words that change a claim's meaning
    (guide/data/meaning.py). The ids toc gives headings are their words."""
    from guide.data import meaning

    errors: list[GuideError] = []
    for node in tree.iter():
        if not is_element(node) or node is tree:
            continue
        when = node.get("datetime")
        if when is not None and not _valid_datetime(when.strip()):
            line = locate(lines, when[:40]) or locate(lines, "datetime")
            errors.append(GuideError(
                shown, f"a datetime that is not a date or time: '{when[:60]}'", line=line,
                found=quote_line(lines, line) or htmlcheck.describe(node),
                expected="a date or time as HTML writes them, such as datetime=\"2026-11-24\" or \"2026-11-24T09:30\"",
                fix="write the date the element shows (year-month-day), or remove the datetime attribute; words belong "
                    "in the text a reader sees."))
        ident = node.get("id")
        if ident is None or _toc_made(node, ident):
            continue
        words = " ".join(re.split(r"[-_.:\s]+", ident)).strip()
        counted = numbers.claims(words, "en") or numbers.claims(words, "es")  # the number rule, in either language
        numeral = counted[0].word if counted else None
        changes = meaning.found(words, "en") + meaning.found(words, "es")  # an id is in no one language
        count = len(words.split())
        if numeral is None and not changes and count <= MAX_ID_WORDS:
            continue
        what = (f"a number ('{numeral}')" if numeral is not None else
                f"a word that changes a claim's meaning ('{changes[0].word}', {changes[0].kind})" if changes else
                f"{count} words")
        line = locate(lines, ident[:40])
        errors.append(GuideError(
            shown, f"an id that carries {what}: '{ident[:60]}'", line=line,
            found=quote_line(lines, line) or htmlcheck.describe(node),
            expected=f"a short name to link to: at most {MAX_ID_WORDS} words, no figure (a number before a unit) and "
                     "none of the words of guide/data/meaning.py (the id is in the page's source and the search index, where no reader checks it)",
            fix="name the place plainly, such as { #before-the-visit }, or leave the id out: a heading has one of its "
                "own words already."))
    return errors


MAX_DEPTH = 40
"""Deepest nesting of lists, quotes and blocks a page may have (the guide's go three deep)."""


def _too_deep(shown: str) -> GuideError:
    return GuideError(shown, "the page nests lists, quotes or blocks too deeply", found=f"more than {MAX_DEPTH} levels",
                      expected=f"at most {MAX_DEPTH} levels of lists inside lists, quotes inside quotes or blocks inside blocks",
                      fix="flatten the structure: a reader follows two or three levels at most.")


def check_page(body: str, shown: str, lang: str, facts: schema.Facts, suggest: NumberHint | None = None,
               article: str | None = None, titles: frozenset[str] = frozenset(), worded: bool = True) -> Report:
    """Render ``body`` (front matter blanked, Jinja checked) and check what Markdown makes of it. ``worded``: the facts
    are in the page's language (not while its wording file has a problem, when a figure's words are not checked)."""
    suggest = pagecheck.number_hints(facts) if suggest is None else suggest
    report = Report()
    lines = body.splitlines()
    text, numbered, call_list, raws = substitute(body)
    report.raw_blocks = raws
    calls = {c.index: c for c in call_list}
    try:
        markup = to_html(text, lang)
    except RecursionError:
        report.problems.add(_too_deep(shown))
        return report
    except SnippetMissingError as exc:
        line = next((i for i, row in enumerate(lines, 1) if "8<" in row), None)
        report.problems.add(GuideError(shown, "a snippet line, which pulls another file into the page", line=line,
                                        found=quote_line(lines, line) or str(exc)[:100],
                                        expected="the page's own text and macro calls",
                                        fix="write the text into the page, or show a fact with its macro."))
        return report
    tree = htmlcheck.parse_fragment(markup)
    if htmlcheck.depth(tree) > MAX_DEPTH:
        report.problems.add(_too_deep(shown))
        return report
    for problem in htmlcheck.check_content(tree, htmlcheck.author_policy()):
        line = locate(lines, problem.needle, calls)
        report.problems.add(GuideError(shown, problem.what, line=line, found=quote_line(lines, line) or problem.found,
                                        expected=problem.expected, fix=problem.fix))
    report.problems.extend(hidden_value_errors(tree, shown, lines))
    report.problems.extend(_text_errors(tree, shown, lines))
    _check_numbers(htmlcheck.parse_fragment(to_html(numbered, lang)) if raws else tree, shown, lines, calls, lang,
                   suggest, report, pagecheck.number_subjects(facts))
    for line, raw in raws:
        for claim in numbers.page_claims(raw, lang):
            report.as_typed.append((line + raw.count("\n", 0, claim.start), raw[max(0, claim.start - 20):claim.end + 20].strip()))
    report.as_typed.sort(key=lambda item: item[0] or 0)
    _links_and_names(tree, shown, lines, facts, report)
    page_blocks = blocks(tree)
    report.problems.extend(pagecheck.list_count_errors(page_blocks, calls, shown, lines, lang, facts))
    if worded:
        report.problems.extend(pagecheck.context_errors(page_blocks, calls, shown, lines, facts))
    report.problems.extend(attribution.page_errors(page_blocks, calls, shown, facts))
    report.problems.extend(attribution.credit_errors(blocks(_links_marked(markup)), calls, shown, facts, lines))
    report.problems.extend(attribution.advice_errors(blocks(_links_marked(markup)), calls, shown, facts, lines, lang))
    if article is not None:
        report.problems.extend(attribution.quotation_errors(page_blocks, calls, shown, facts, article, lines, titles, lang))
    return report


def _text_errors(tree: Element, shown: str, lines: list[str]) -> list[GuideError]:
    """Invisible characters in the page's text and attributes (character references decoded), and a picture or link by
    a reference that is not defined."""
    errors: list[GuideError] = []
    for node, _, value in htmlcheck.text_and_attributes(tree):
        char = htmlcheck.invisible(value, ALLOWED_STAND_INS)
        if char is not None:
            line = locate(lines, char) or locate(lines, value.split(char)[0][-20:].strip())
            found = quote_line(lines, line)
            errors.append(GuideError(
                shown, f"an invisible character (U+{ord(char):04X}) in the page", line=line,
                found=found.replace(char, "[here]") if found else f"'{value[:60]}'".replace(char, "[here]"),
                expected="visible text only", fix="delete the character (or its &#...; code): retype the word around it."))
        if tag_name(node) not in CODE and (unresolved := _UNRESOLVED.search(value)):
            line = locate(lines, unresolved[0])
            errors.append(GuideError(shown, "a picture by reference in the page" if "!" in value else
                                            "a link by reference whose reference is not defined", line=line,
                                            found=quote_line(lines, line) or f"'{value[:60]}'",
                                            expected="pictures and links written [words](address)",
                                            fix="write the address in brackets right after the words."))
    return errors


def _links_and_names(tree: Element, shown: str, lines: list[str], facts: schema.Facts, report: Report) -> None:
    """The page's ids and links to the site (for the link check), and a glossary word for a doctor's name."""
    for node in tree.iter():
        if not is_element(node):
            continue
        if node.get("id"):
            report.anchors.add(node.get("id", ""))
        href = node.get("href") if tag_name(node) == "a" else None
        if href and htmlcheck.url_kind(href) in ("relative", "fragment") and "headerlink" not in node.get("class", ""):
            report.links.append((href, locate(lines, href)))
    for node in tree.iter():
        if is_element(node) and tag_name(node) == "abbr" and speakers.typed_names("".join(node.itertext()), facts) - {"article"}:
            line = locate(lines, "".join(node.itertext()))
            report.problems.add(GuideError(
                shown, "a glossary word for a doctor's name in the page", line=line,
                found=quote_line(lines, line) or htmlcheck.describe(node),
                expected="the doctors' names as data/facts.yml gives them, with no tooltip of the page's own",
                fix="remove the '*[...]: ...' line or the <abbr>: a doctor's role comes from data/facts.yml (experts:)."))


def _links_marked(markup: str) -> Element:
    """The page read again, with ``attribution.LINK_MARK`` before the words of each link to a page of the site."""
    tree = htmlcheck.parse_fragment(markup)
    for node in tree.iter():
        if (is_element(node) and tag_name(node) == "a" and "headerlink" not in node.get("class", "")
                and htmlcheck.url_kind(node.get("href", "")) == "relative"):
            node.text = LINK_MARK + (node.text or "")
    return tree


_NUMERAL = re.compile(r"\d+(?:[.,]\d+)?")
"""A number typed in digits, in a page's decoded text (macros' output is a stand-in there)."""

_UNRESOLVED = re.compile(r"!?\[[^\]\n]{0,200}\]\[[^\]\n]{0,200}\]")
"""Markdown's ``[words][ref]`` left as text because ``ref`` is defined nowhere (read on rendered text)."""
