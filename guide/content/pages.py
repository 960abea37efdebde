"""Check every page before anything is rendered.

Each page needs front matter with a ``description`` and review dates, and may
only use facts, experts and quotes that exist in the data file. The scan also
records which page uses which fact, for the "Facts and sources" table.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pymdownx.snippets import SnippetMissingError

from guide.content import attribution, frontmatter, htmlcheck, pagecheck, reading, rendered, templates
from guide.data import schema, speakers
from guide.errors import GuideError, GuideErrors, Problems, did_you_mean, quoted
from guide.render import macrospecs

MAX_PAGE = 15_000
"""Longest page, in characters (the longest real one, docs-es/procedure.md, has 2,976 on 2026-12-07). Python-Markdown
reads some pages in more than linear time (5,000 headings, fences or glossary lines in 20,000 characters took
7 to 20 s): this bound, with ``MAX_LINES`` and the paragraph limits of ``guide.content.pagecheck``, keeps every page
within a few seconds (tests/test_no_hang.py)."""
MAX_LINES = 300
"""Most lines a page may have (the longest real one has 60): headings, fences, list items, table rows and
glossary lines each take a line, and Markdown reads many of them slowly."""
PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md")
RESERVED = ("404.md", "search.md", "sitemap.md", "assets.md", "es.md", "en.md", "stylesheets.md", "javascripts.md")
"""Names whose address the build or the other edition takes (404.html, search/, sitemap.xml, assets/, es/)."""


@dataclass
class PageInfo:
    """What the scan learnt about one page."""

    path: str  # relative to docs/, e.g. "pain.md"
    title: str
    description: str
    last_reviewed: dt.date
    next_review: dt.date
    facts: set[str] = field(default_factory=set)
    links: list[tuple[str, int | None]] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    as_typed: list[tuple[int | None, str]] = field(default_factory=list)
    """Numbers shown as typed (in code or a raw block), by line: listed for the reviewer."""
    raw_blocks: list[tuple[int, str]] = field(default_factory=list)
    """Each ``{% raw %}`` block, by its first line: listed for the editor and the reviewer (:func:`shown_as_typed`)."""
    numerals: dict[str, int | None] = field(default_factory=dict)
    """Each number typed on the page (not a macro's), with its line: its pair must show it too."""


@dataclass
class Site:
    """Every page, and for each fact the pages that use it."""

    pages: dict[str, PageInfo]

    def pages_using(self, key: str) -> list[PageInfo]:
        return [p for p in self.pages.values() if key in p.facts]


def shown_as_typed(folder: str, site: Site) -> list[str]:
    """What the build lets through as the editor's "shown as typed, not a fact", one line each, by page and line:
    every ``{% raw %}`` block, and every number in code outside them (``folder/page.md:12: ...``)."""
    out = []
    for page in sorted(site.pages.values(), key=lambda p: p.path):
        rows = [(line, "a {% raw %} block: " + quoted(" ".join(text.split()))) for line, text in page.raw_blocks]
        rows += [(line or 0, "a number in code: " + quoted(" ".join(text.replace(reading.RAW_STAND_IN, " ").split())))
                 for line, text in page.as_typed
                 if not any(first <= (line or 0) <= first + raw.count("\n") and text in raw  # one of a raw block's
                            for first, raw in page.raw_blocks)]
        out += [f"{folder}/{page.path}:{line}: {what}" for line, what in sorted(rows, key=lambda row: row[0])]
    return out


MacroSpec = pagecheck.MacroSpec


def scan(docs_dir: Path, facts: schema.Facts, macros: Mapping[str, MacroSpec],
         shows: Mapping[str, frozenset[str]] | None = None, display_root: str = "docs", lang: str = "en",
         worded: bool = True) -> Site:
    """Check all Markdown pages under ``docs_dir``; raise ``GuideErrors`` with every problem found,
    sorted by file and line.

    ``shows`` gives, for the macros that take no key (the card, the table, the
    sheet), the facts their templates read: a page that calls one uses those.
    """
    pages: dict[str, PageInfo] = {}
    errors = Problems()
    names = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.is_file()}
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_file() and path.suffix != ".md":
            errors.add(GuideError(
                f"{display_root}/{rel}", "a file that is not a Markdown page in the pages folder",
                found=f"'{rel}'", expected=f"only pages written in Markdown, named *.md, under {display_root}/",
                fix="remove it: every file there is published as it is (a script, a page or a stylesheet "
                    "would reach readers unchecked). Pages end in .md; the theme lives in overrides/."))
    hints = pagecheck.number_hints(facts)
    source = docs_dir.parent / "sources" / "article.txt"
    article = source.read_text(encoding="utf-8") if source.is_file() else None
    titles = _headings(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if not path.is_file():
            errors.add(GuideError(
                f"{display_root}/{rel}", "a folder named like a page", found=f"the folder '{rel}'" if path.is_dir()
                else f"'{rel}', which is not a file", expected=f"pages as files named *.md under {display_root}/; "
                "folders named without .md",
                fix=f"rename the folder to {display_root}/{rel.removesuffix('.md')}, or remove it if it holds no page."))
            continue
        if rel.startswith(("_", ".")) or "/_" in rel:
            continue  # templates and partials, not pages
        if not PAGE_NAME.fullmatch(rel) or rel in RESERVED or rel.split("/")[0] + ".md" in RESERVED[1:]:
            errors.add(GuideError(
                f"{display_root}/{rel}", "a page name the site cannot publish", found=f"'{rel}'",
                expected="lowercase words and digits joined by dashes, ending in .md, such as side-effects.md; not "
                         + ", ".join(RESERVED) + " (the build or the other edition uses those addresses)",
                fix=f"rename the file (git mv {display_root}/{rel} {display_root}/<new-name>.md) and its nav line."))
            continue
        scanned = errors.collect(functools.partial(_scan_page, path, f"{display_root}/{rel}", rel, facts, macros,
                                                   shows or {}, lang, hints, article, titles, worded), None)
        if scanned is not None:
            pages[rel], found = scanned
            errors.extend(found)
    errors.extend(check_links(pages, display_root, names))
    errors.raise_any()
    return Site(pages)


ANCHORS_LISTED = 20
"""A broken #anchor's message lists the target page's ids, at most this many."""


def check_links(pages: Mapping[str, PageInfo], display_root: str, names: set[str] | None = None) -> list[GuideError]:
    """Every link from a page to a page of the site, and to a heading on it (``pain.md#makeup``): the page
    exists and has that heading. In the project's own words, with the line and the nearest name. ``names``:
    every page file, read or not (a page with a problem of its own is still a page to link to)."""
    names = set(pages) if names is None else names
    return [error for page in pages.values() for href, line in page.links
            if (error := link_problem(href, line, page.path, f"{display_root}/{page.path}", pages, names, display_root))]


def link_problem(href: str, line: int | None, here: str, shown: str, pages: Mapping[str, PageInfo], names: set[str],
                 display_root: str) -> GuideError | None:
    """What is wrong with one link ``href`` (a line of ``shown``, from the page ``here``) to a page of the site and a
    heading on it, or ``None``: a page's link, or a partial's link in the strings (the glance card's)."""
    address, _, anchor = href.partition("#")
    address = address.split("?")[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), address)) if address else here
    if address and not address.endswith(".md"):
        return None  # a folder address or a file: the engine's own link check reads those
    if target not in names:
        hint = did_you_mean(target, names)
        return GuideError(shown, f"a link to a page that does not exist: '{address}'", line=line,
                          found=f"'{href}'", expected=f"a page under {display_root}/, such as pain.md",
                          fix=(hint + " " if hint else "") + "Correct the file name in the link.")
    if anchor and target in pages and anchor not in pages[target].anchors:
        have = sorted(a for a in pages[target].anchors if a)
        hint = did_you_mean(anchor, have)
        listed = ", ".join(f"#{a}" for a in have[:ANCHORS_LISTED]) + (
            f" and {len(have) - ANCHORS_LISTED} more" if len(have) > ANCHORS_LISTED else "")
        return GuideError(shown, f"a link to a heading that {display_root}/{target} does not have: '#{anchor}'",
                          line=line, found=f"'{href}'",
                          expected="the id of one of its headings (the heading's words in lowercase, joined with "
                                   "dashes)" + (f"; it has {listed}" if have else "; it has none"),
                          fix=(hint + " " if hint else "") + "Correct the part after '#'.")
    return None


def read_page(path: Path, shown: str) -> str:
    """A page's text: UTF-8, a byte-order mark dropped, Windows line endings made plain."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GuideError(shown, "the page is not saved as UTF-8 text", found=f"a byte that is not UTF-8 at byte {exc.start}",
                         expected="UTF-8 text", fix="save the file as UTF-8 in your editor.") from None
    if len(text) > MAX_PAGE:
        raise GuideError(shown, "the page is too long", found=f"{len(text)} characters",
                         expected=f"at most {MAX_PAGE} characters (a page of the guide is a few thousand)",
                         fix="split it into pages, or remove what does not belong in it.")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise GuideError(shown, "the page has too many lines", found=f"{lines} lines",
                         expected=f"at most {MAX_LINES} lines (a page of the guide has about 60)",
                         fix="split it into pages, or join lines that belong to one paragraph.")
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _scan_page(path: Path, shown: str, rel: str, facts: schema.Facts, macros: Mapping[str, MacroSpec],
               shows: Mapping[str, frozenset[str]], lang: str, hints: Mapping[tuple[float, str], list[str]],
               article: str | None = None, titles: frozenset[str] = frozenset(), worded: bool = True
               ) -> tuple[PageInfo, list[GuideError]]:
    """One page: the checks of its source first (front matter, Jinja, snippet lines, markup; the first
    problem stops them), then everything on what Markdown makes of it (every problem)."""
    text = read_page(path, shown)
    meta, key_lines, front = frontmatter.read(text, shown)
    body = pagecheck.blank_front_matter(text, front)
    texts = meta.texts()
    for key in ("title", "description"):  # shown in search results, tabs and shares: no typed facts there either
        if key in texts and key in key_lines:
            pagecheck.check_numbers("\n" * (key_lines[key] - 1) + texts[key], shown, facts, lang)
    _check_front_texts(texts, key_lines, shown, facts, lang, article)
    pagecheck.check_paragraph_limits(body, shown)  # before anything reads the page: it bounds the time they take
    _check_heading(body, shown)
    first: list[GuideError] = []
    called: set[str] = set()
    used = pagecheck.check_jinja(body, shown, facts, macros, shows, first, called)  # the rest needs the page's Jinja sound
    first += _missing_calls(rel, shown, facts, macros, called, len(body.splitlines()))
    for check in (pagecheck.check_invisible, pagecheck.check_snippets, pagecheck.check_markup):
        try:
            check(body, shown)
        except GuideError as exc:
            first.append(exc)
    try:
        _check_named_experts(text, shown, facts)
    except GuideError as exc:
        first.append(exc)
    report = rendered.check_page(body, shown, lang, facts, hints, article, titles, worded)
    # one message for what the source checks already named (a line they named, or anywhere when the
    # rendered check cannot tell the line)
    seen = {e.line for e in first}
    errors = [*first, *(e for e in report.problems.errors if e.line not in seen and (e.line is not None or not first))]
    info = PageInfo(
        path=rel,
        title=meta.title or _title(text) or rel,
        description=meta.description,
        last_reviewed=meta.last_reviewed,
        next_review=meta.next_review,
        facts=used,
        links=report.links,
        anchors=report.anchors,
        as_typed=report.as_typed,
        raw_blocks=report.raw_blocks,
        numerals=report.numerals,
    )
    return info, errors


def _check_front_texts(meta: Mapping[str, str], key_lines: Mapping[str, int], shown: str, facts: schema.Facts, lang: str,
                       article: str | None) -> None:
    """A page's title, description and review note (search results, shares, the page's data): no quotation the article
    does not have, no claim credited to a doctor, no clinical claim of the guide's own. Raises the first problem."""
    if article is None:
        return
    for key in ("title", "description", "review_note"):  # shown in search results, shares and the page's data
        if isinstance(meta.get(key), str):
            for problem in attribution.plain_text_problems(meta[key], facts, article):
                raise GuideError(shown, f"the {key}: {problem.what}", line=key_lines.get(key), key=key,
                                 found=f"'{meta[key][:120]}'", expected=problem.expected, fix=problem.fix)
            for error in attribution.plain_credit_errors(meta[key], shown, key_lines.get(key), key, facts):
                raise error
            claim = attribution.own_claim(meta[key], lang)
            if claim is not None:  # no macro can show a fact there (the fourth no-hints attack)
                raise GuideError(shown, f"the {key} makes a clinical claim ('{claim.word}', {claim.kind})",
                                 line=key_lines.get(key), key=key, found=f"'{meta[key][:120]}'",
                                 expected=f"a {key} that says what the page is about, with no claim about safety, "
                                          "pregnancy, infection or lasting results (search results and shares show it)",
                                 fix="say what the page covers (\"What the article says about pregnancy\"), and leave the "
                                     "claim to the page, beside its fact.")
            told = _front_statement(meta[key], lang, attribution.things_named(facts)) if key != "review_note" else None
            if told is not None:
                raise GuideError(shown, f"the {key} tells what the page's facts say, in the guide's own voice ('{told}')",
                                 line=key_lines.get(key), key=key, found=f"'{meta[key][:160]}'",
                                 expected=f"a {key} that names what the page covers, as topics and questions (\"Does "
                                          "microneedling hurt? What the numbing cream does, how your skin looks and feels "
                                          "afterwards ...\"), with no clause that tells (\"it heals ...\", \"you feel "
                                          "...\", \"in short ...\", \"así que se siente ...\") and no claim",
                                 fix="name the topics the page covers (\"What the article says about pain: the numbing "
                                     "cream, how your skin looks afterwards\"); what the article says is on the page, "
                                     "beside its fact, with who said it (search results and shares show the " + key + ").")


_TOPIC_START = {
    "en": re.compile(r"^(?:(?:and|or|plus|but)\s+)?(?:how|what|who|whom|whose|when|which|where|why|whether|does|do|is|are|"
                     r"can|should)(?![^\W\d_])", re.I),
    "es": re.compile(r"^[¿¡]?(?:(?:y|e|o|u|pero)\s+)?(?:cómo|como|qué|que|quién|quien|quiénes|cuándo|cuando|cuánto|cuántos|"
                     r"cuántas|cuál|cuáles|dónde|por qué|para qué|para quién|cada cuánto|en qué|de qué|lo que|si)"
                     r"(?![^\W\d_])", re.I),
}
"""A clause of a front text that names a topic by its question ("how your skin looks and feels afterwards", "qué hace la
crema"): what the page answers, not an answer."""
_STATEMENT = {
    "en": re.compile(r"^(?:(?:and|or|but|so|therefore|because)\s+)?(?:(?:you|it|they|we|he|she|i|there)(?:['’][a-z]+)?|"
                     r"in short|in brief|in a word|in sum|bottom line|the short answer|the answer|basically|simply put|"
                     r"put simply)(?![^\W\d_])", re.I),
    "es": re.compile(r"^(?:(?:y|e|o|u|pero|así que|por eso|porque)\s+)?(?:usted|ustedes|se|nosotros|en resumen|"
                     r"en pocas palabras|en breve|en corto|en suma|la respuesta corta|la respuesta|o sea|es decir)"
                     r"(?![^\W\d_])", re.I),
}
"""A clause that tells rather than names: one with a subject of its own ("it heals acne scars", "you feel next to
nothing", "se siente poco"), or a summary ("in short, ...", "en resumen ...")."""
_SO = re.compile(r"^(?:so|therefore|because|así que|por eso|porque)(?![^\W\d_])", re.I)
_PERSON = re.compile(r"(?<![^\W\d_])(?:you|we|they|usted|ustedes|nosotros)(?![^\W\d_])", re.I)
"""A person in a clause that does not ask ("the needles barely go in and you look normal by morning"): someone told
what happens to them, not a topic. After "so" or "así que", Spanish "se" too ("así que casi no se siente nada")."""
_TITLES = re.compile(r"(?<![^\W\d_])(Dr|Dra|Drs|Dras|Sr|Sra|Mr|Mrs|Ms|St|vs|etc|M\.D)\.")
_CLAUSES = re.compile(r"\s*[,;:()—–]\s*|\s+(?=(?:so|así que|por eso|because|porque)\s)|\s+(?=(?:and|or|plus|y|e|o|u)\s+"
                      r"(?:how|what|who|when|which|where|why|whether|cómo|qué|quién|cuándo|cuánto|cuál|dónde)(?![^\W\d_]))", re.I)
"""Where a front text's clauses part: at a comma, colon or bracket, before "so" or "because", before "and" with a
question word ("gentle cleansing and when you can wear makeup again")."""


def _front_statement(text: str, lang: str, things: frozenset[str]) -> str | None:
    """What makes a page's title or description a statement in the guide's own voice, or ``None``: a front text names
    what the page covers, as questions and topics ("Does microneedling hurt? What the numbing cream does, how your skin
    looks and feels afterwards, and the side effects the article mentions."). A clause that tells (``_STATEMENT``,
    ``_PERSON``), or a claim of page prose's kinds (``templates.claims``) in a clause
    that is not a question, is what the page's facts say told with no fact or speaker (the eleventh no-hints attack,
    H13: "What the article says about pain. In short, the needles barely go in, so you feel next to nothing and look
    normal by morning.")."""
    plain = _TITLES.sub(r"\1", " ".join(text.split()))  # "Dr. Jaliman": no sentence ends there
    sentences: list[str] = [s for s in re.findall(r"[^.!?]+[.!?]*", plain) if s.strip(" .!?")]
    for sentence in (s.strip() for s in sentences if not s.rstrip().endswith("?")):
        for clause in _CLAUSES.split(sentence.strip(" .!")):
            clause = clause.strip()
            if not clause or _TOPIC_START[lang].match(clause):
                continue
            if _STATEMENT[lang].match(clause) or _PERSON.search(clause) or (
                    lang == "es" and _SO.match(clause) and re.search(r"(?<![^\W\d_])se(?![^\W\d_])", clause)):
                return clause
            found = templates.claims(clause, lang, things)
            if found:
                return found[0].word
    return None


def _missing_calls(rel: str, shown: str, facts: schema.Facts, macros: Mapping[str, MacroSpec], called: set[str],
                   last: int) -> list[GuideError]:
    """The macros a page must call and does not (``needed`` in guide/render/macrospecs.py): ``page_info()`` on every page
    (the review dates, the source and the not-medical-advice note), ``not_covered()`` on a page the data's
    not_covered topics name (the fourth no-hints attack dropped both)."""
    out = []
    for name, spec in macros.items():
        needed = getattr(spec, "needed", "")
        if name in called or not needed or (needed == "not_covered" and not any(rel in s.pages for s in facts.not_covered.values())):
            continue
        why = ("every page shows it" if needed == "every" else
               f"data/facts.yml's not_covered topics name {rel}, and this macro lists them for the reader")
        out.append(GuideError(shown, f"the page does not call {name}()", line=last, found=f"no {{{{ {name}() }}}} on the page",
                              expected=f"{{{{ {name}() }}}} on a line of its own: {why}",
                              fix=f"put {{{{ {name}() }}}} back where it was (usually at the end of the page), alone on its line."))
    return out


def _headings(docs_dir: Path) -> frozenset[str]:
    """The words of every heading and title of the edition's pages: a page may quote them ("see “How often to go back”")."""
    out = set()
    for path in docs_dir.rglob("*.md"):
        if not path.is_file():
            continue  # a folder named like a page has its own message
        text = path.read_text(encoding="utf-8", errors="replace")[:MAX_HEADINGS_READ]
        for match in re.finditer(r"^(?:#{1,6}[ \t]+|title:[ \t]*)(.+?)[ \t#]*(?:\{[^}\n]*\})?[ \t]*$", text, re.M):
            out.add(" ".join(speakers.words_of(match[1])))
    return frozenset(out)


MAX_HEADINGS_READ = 400_000


TEMPLATE_HEADING = "# The question this page answers"


def _check_heading(body: str, shown: str) -> None:
    """A page starts its text with one level-one heading of its own (not the template's)."""
    heading = _title(body)
    if heading is None:
        line = body.count("\n", 0, len(body) - len(body.lstrip("\n"))) + 1
        raise GuideError(shown, "the page has no heading", line=line,
                         found="no line starting with '# ' after the front matter",
                         expected="a first heading such as '# Aftercare', then the page's text",
                         fix="add the page's heading under the front matter (see docs/_template.md).")
    if "# " + heading == TEMPLATE_HEADING:
        line = body.split("\n").index(TEMPLATE_HEADING) + 1
        raise GuideError(shown, "the page still has the template's sample text", line=line,
                         found=f"'{TEMPLATE_HEADING}'", expected="the page's own heading and text",
                         fix="replace the sample heading and text of docs/_template.md with the page's own.")


def _check_named_experts(text: str, shown: str, facts: schema.Facts) -> None:
    """Prose may name an expert by title and name ("Dr. Nazarian"): the name must be one in data/facts.yml.

    Catches a misspelt or stray attribution; quotes and facts carry theirs from the data.
    """
    for title in sorted({person.title for person in facts.experts.values()}):
        people = [person.name.split() for person in facts.experts.values() if person.title == title]
        names = {part for name in people for part in name}
        short = sorted(f"{title} {name[-1]}" for name in people)
        for match in re.finditer(re.escape(title) + r"[ \t]+([A-Z][\w-]*)", text):
            if match[1] not in names:
                line = text.count("\n", 0, match.start()) + 1
                hint = did_you_mean(match[0], short)
                raise GuideError(shown, f"this page names '{match[0]}', who is not an expert in data/facts.yml",
                                 line=line, found=f"'{match[0]}'",
                                 expected="one of " + ", ".join(short) + " (the experts: in data/facts.yml)",
                                 fix=(hint + " " if hint else "") + "Check the spelling against the experts: in data/facts.yml.",
                                 unknown=("name", match[1]))


def _title(text: str) -> str | None:
    """The page's first level-one heading, outside fenced code."""
    body = frontmatter.FRONT_MATTER.sub("", text, count=1)
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith("# "):
            return line[2:].strip()
    return None


def url_of(path: str) -> str:
    """Where a page is published, as both engines build it (directory URLs).

    ``pain.md`` -> ``pain/``; ``index.md`` -> ``""``; ``a/index.md`` -> ``a/``.
    """
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def href(from_path: str, to_path: str) -> str:
    """A relative link from one page to another: ``href("sources.md", "pain.md")`` is ``../pain/``."""
    rel = posixpath.relpath(url_of(to_path) or ".", url_of(from_path) or ".")
    return "./" if rel == "." else rel + "/"


def file_href(from_path: str, to_path: str) -> str:
    """A link from one page's Markdown file to another's: ``file_href("a/b.md", "pain.md")`` is ``../pain.md``.

    Zensical reads every relative link in a page's HTML (raw HTML from a macro too) as relative
    to the page's Markdown file, and publishes it as the target page's URL; MkDocs leaves links
    in raw HTML as written, so they must be :func:`href`'s URL-relative form there.
    """
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def overdue(site: Site, today: dt.date, within_days: int = 0) -> list[PageInfo]:
    """Pages due for review by ``today`` plus ``within_days`` (that day included), soonest first."""
    limit = today + dt.timedelta(days=within_days)
    return sorted((p for p in site.pages.values() if p.next_review <= limit), key=lambda p: p.next_review)


EDITION_FOLDERS = {"en": "docs", "es": "docs-es"}
"""Each edition's pages folder: a page and its pair have the same file name."""
PAIRED = tuple(name for name, spec in macrospecs.MACROS.items() if spec.paired)
"""Macros whose calls a page and its pair must share: the same facts, quotes, doctors, pictures and blocks."""


def _calls(path: Path) -> dict[tuple[str, str], int]:
    """The paired calls of a page, ``(macro, first argument)``, with the line of the first of each."""
    body = read_page(path, path.name)
    out: dict[tuple[str, str], int] = {}
    for call in reading.substitute(body)[2]:
        if call.name in PAIRED:
            out.setdefault((call.name, call.key or ""), call.line)
    return out


def check_numeral_pairs(editions: Mapping[str, Site]) -> list[GuideError]:
    """Each number typed on a page (24/7, step 1, a raw block) on its pair too: both editions say the
    same. ``editions``: each edition folder's scanned pages (the pre-flight has both)."""
    errors: list[GuideError] = []
    for here, site in editions.items():
        for there, other in editions.items():
            if here == there:
                continue
            for rel in sorted(site.pages.keys() & other.pages.keys()):
                for numeral, line in site.pages[rel].numerals.items():
                    if numeral not in other.pages[rel].numerals:
                        errors.append(GuideError(
                            f"{here}/{rel}", f"the number {numeral} is typed on this page, and its pair {there}/{rel} "
                            "does not show it", line=line, found=f"'{numeral}' here only",
                            expected="the same numbers on a page and its pair (the two editions say the same)",
                            fix=f"write {numeral} on {there}/{rel} too (in digits), or remove it here."))
    return errors


def check_pairs(root: Path, lang: str = "en", known: set[str] | None = None) -> list[GuideError]:
    """Each page against its pair in the other edition: both exist, and show the same facts, quotes,
    doctors, pictures and blocks. Both editions' builds report the same problems (each names the page
    that has what the other lacks); nothing to compare where a folder is missing. A key not in ``known``
    (a misspelt one: it has its own message) is left out."""
    folders = [f for f in EDITION_FOLDERS.values() if (root / f).is_dir()]
    if len(folders) < 2 or EDITION_FOLDERS.get(lang, "docs") not in folders:
        return []
    errors: list[GuideError] = []
    names = {f: {p.relative_to(root / f).as_posix() for p in (root / f).rglob("*.md")
                if not p.name.startswith("_") and p.is_file()}
             for f in folders}
    for here in folders:
        for there in folders:
            if here == there:
                continue
            for rel in sorted(names[here] - names[there]):
                errors.append(GuideError(f"{here}/{rel}", "a page with no pair in the other edition",
                                         found=f"no {there}/{rel}", expected="every page in both editions, under the same name",
                                         fix=f"add {there}/{rel} (a translation of this page) and its nav line, or remove this page."))
            for rel in sorted(names[here] & names[there]):
                try:
                    ours, pair = _calls(root / here / rel), _calls(root / there / rel)
                except UNREADABLE:
                    continue  # an unreadable page has its own message (an unclosed {{, a snippet line ...)
                if known is not None and any(key and key not in known for _, key in [*ours, *pair]):
                    continue  # a misspelt key has its own message; compare again once it is fixed
                for (name, key), line in sorted(ours.items(), key=lambda item: item[1]):
                    if (name, key) in pair:
                        continue
                    shown = f'{name}("{key}")' if key else f"{name}()"
                    errors.append(GuideError(
                        f"{here}/{rel}", f"this page shows {shown}, and its pair {there}/{rel} does not", line=line,
                        found=f"{{{{ {shown} }}}} here only", expected="the same facts, quotes, doctors, pictures and "
                        "blocks on a page and its pair (the two editions say the same)",
                        fix=f"show it on {there}/{rel} too, or remove it here."))
                errors += _shape_errors(root, here, there, rel)
    return errors


UNREADABLE = (GuideError, GuideErrors, jinja2.TemplateError, SnippetMissingError, RecursionError, ValueError)
"""What reading a page for its pair's check may raise where the page has a message of its own, from its own check
(the eighth no-hints attack: an unclosed {{ fact(... and a --8<-- line gave tracebacks here)."""

_KINDS = {"p": "paragraph", "li": "list item", "td": "table cell", "th": "table heading", "pre": "code block",
          "dt": "term", "dd": "description", "blockquote": "quoted line", "div": "block"}


@functools.lru_cache(maxsize=64)
def _shape(text: str, lang: str) -> tuple[tuple[str, str], ...]:
    """The page's text blocks as a reader meets them, ``(kind, text)``: headings, paragraphs, list items, cells."""
    root = htmlcheck.parse_fragment(reading.to_html(reading.substitute(text)[0], lang))
    return tuple((block.kind, block.text) for block in reading.blocks(root) if block.text.strip())


def _sections(shape: tuple[tuple[str, str], ...]) -> list[tuple[str, list[tuple[str, str]]]]:
    """``shape`` cut at its headings: each heading's text (``""`` before the first) with the blocks under it."""
    out: list[tuple[str, list[tuple[str, str]]]] = [("", [])]
    for kind, text in shape:
        if kind in reading.HEADINGS:
            out.append((text, []))
        else:
            out[-1][1].append((kind, text))
    return out


def _count(blocks: list[tuple[str, str]]) -> str:
    counted = {kind: sum(1 for k, _ in blocks if k == kind) for kind, _ in blocks}
    return ", ".join(f"{n} {_KINDS.get(kind, 'block')}{'s' if n != 1 else ''}"
                     for kind, n in counted.items()) or "nothing"


def _shape_errors(root: Path, here: str, there: str, rel: str) -> list[GuideError]:
    """Where a page's headings, or the paragraphs and list items under one of them, differ in number from its
    pair's: prose added to one edition only (the seventh new-editor trial). Told once, by the page with more (the
    English one when both have as many, of other kinds)."""
    langs = {folder: lang for lang, folder in EDITION_FOLDERS.items()}
    try:
        texts = {folder: read_page(root / folder / rel, f"{folder}/{rel}") for folder in (here, there)}
        ours = _sections(_shape(texts[here], langs.get(here, "en")))
        pair = _sections(_shape(texts[there], langs.get(there, "en")))
        calls = {call.index: call for call in reading.substitute(texts[here])[2]}
    except UNREADABLE:
        return []  # an unreadable page has its own message (an unclosed {{, a snippet line ...)
    lines = texts[here].split("\n")

    def shown(text: str, size: int = 60) -> str:
        return reading.readable(text, calls).rstrip("¶").strip()[:size]

    def at(text: str, heading: bool = False) -> int | None:
        words = " ".join(shown(text).split()[:4]).lower()
        if heading:  # on its heading line, not the front matter's title
            return next((n for n, row in enumerate(lines, 1) if row.lstrip().startswith("#") and words in row.lower()), None)
        return reading.locate(lines, words, calls)

    if len(ours) != len(pair):
        if len(ours) < len(pair):
            return []
        first = next((n for n, (a, b) in enumerate(zip(ours, pair)) if [k for k, _ in a[1]] != [k for k, _ in b[1]]),
                     len(pair))
        return [_shape_error(here, there, rel, f"{len(ours) - 1} headings, and its pair {there}/{rel} has {len(pair) - 1}",
                             at(ours[first][0], heading=True), "; ".join(f"'{shown(h, 40)}'" for h, _ in ours[1:]))]
    for (heading, blocks), (_, other) in zip(ours, pair):
        if [k for k, _ in blocks] == [k for k, _ in other]:
            continue
        if len(blocks) < len(other) or (len(blocks) == len(other) and here > there):
            return []
        under = f"the heading '{shown(heading)}'" if heading else "its title"
        return [_shape_error(here, there, rel, f"{_count(blocks)} under {under}, and its pair {there}/{rel} has {_count(other)}",
                             at(heading, heading=True) if heading else at(blocks[0][1] if blocks else ""),
                             "; ".join(f"'{shown(text, 50)}...'" for _, text in blocks[:6]))]
    return []


def _shape_error(here: str, there: str, rel: str, what: str, line: int | None, found: str) -> GuideError:
    return GuideError(f"{here}/{rel}", f"this page has {what}", line=line, found=found,
                      expected="the same headings, and under each the same paragraphs and list items, on a page and its "
                               "pair (the two editions say the same)",
                      fix=f"translate what is missing into {there}/{rel} at the same place, or remove it here.")
