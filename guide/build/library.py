"""The project the macros draw on, loaded once per edition: ``load_project(root, lang)``.

``Project`` holds the facts (in the edition's words), the template strings, the glossary and the
partials (sandboxed Jinja), and has one method per macro declared in ``guide.render.macrospecs``. Loading it
checks everything an editor can break (data, wording, strings, glossary, every page of the edition,
the pairs, every partial tried once): any problem raises ``GuideErrors`` with all of them.

Engines reach it through macros.py's ``define_env``; tools and tests call ``load_project`` directly.
Nothing here imports MkDocs, so Zensical can load it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlencode

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

from guide.build import files, handoff, siteurl
from guide.build.engine import BuildConfig, Page
from guide.content import attribution, pagecheck, pages, pictures, rendered
from guide.content import templates as template_words
from guide.data import lang as langs
from guide.data import meaning as meaning_words
from guide.data import numbers, passages, schema, speakers
from guide.data.loader import SetAside, load_facts
from guide.data.yamlsrc import KEY, load_with_lines
from guide.errors import GuideError, GuideErrors, Problems, did_you_mean, quote_line, quoted
from guide.render import figures, macrospecs
from guide.render import text as render

DATA = "data/facts.yml"
PARTIALS = "includes/partials"
GLOSSARIES = {"en": "includes/abbreviations.md", "es": "includes/abbreviations.es.md"}
"""The glossary of each edition (its tooltips come from pymdownx.snippets' auto_append in each config)."""
_PAGE_LINK = re.compile(r"[\w/.-]+\.md(?:#[\w-]+)?")
"""A string that is a link to a page of the site, as the partials' ``link()`` takes it."""
NOTICE_STRINGS = ("sug_label", "sheet_not_advice")
"""The strings (includes/strings/) of the guide's own notices, which no glossary word may sit in."""
REPORT_FORM = "report-an-error.yml"
"""The repository's issue form (.github/ISSUE_TEMPLATE/) that "Report a problem with this page" opens."""
Kind = TypeVar("Kind", bound=schema.FactT)


class _CompiledPartials(jinja2.BytecodeCache):
    """The partials, once compiled, kept for the life of the process and keyed by name: `make serve`
    rebuilds and the test suite load the project again and again, from one folder or from copies.

    Jinja reuses a compiled partial only while its text is unchanged (it compares a checksum of the
    source); a copy elsewhere reuses it too, so ``_template_line`` matches a partial by its name.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return name

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledPartials()


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """The partials' Jinja (issue 20): no names starting with '_', no changes to lists, dicts or sets,
    no str.format reaching into objects, so a partial cannot reach Python or change the data.

    Stricter than Jinja's own: an unsafe attribute stops the render at once, where Jinja would give an
    undefined value that ``is defined`` or ``default`` passes over quietly. Sandboxed templates compile
    to other code (every call checked), so ``_COMPILED`` holds only what this class compiled.
    """

    def unsafe_undefined(self, obj: object, attribute: str) -> NoReturn:
        raise jinja2.exceptions.SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe")


TRIAL_PICTURE = pictures.Picture("trial.webp", "WEBP", 800, 600)
"""The picture the trial render shows when pictures/ has none."""


class _TrialPage:
    """What ``page_info`` and ``facts_table`` read from a page, for the trial render of every partial."""

    path = "index.md"
    meta = {"last_reviewed": dt.date(2020, 1, 1), "next_review": dt.date(2020, 1, 2)}


def _source(path: Path) -> str | None:
    """A partial's text, for the line of a problem in what it makes (``rendered.check_partial``)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _problems(exc: GuideError | GuideErrors) -> list[GuideError]:
    return list(exc.errors) if isinstance(exc, GuideErrors) else [exc]


@dataclass
class _Base:
    """What a load found before reading the pages (``Project._load_base``), every check passed: its record
    (``handoff.Checked``, with no pages) and the partials the summaries rendered."""

    checked: handoff.Checked
    made: list[tuple[str, str]]
    templates_checked: bool = False
    """The partials' attribution check (``attribution.check_templates``) passed too."""


_CHECKED_BASES: dict[tuple[str, ...], _Base] = {}
"""The last loads' bases, keyed by a hash of every file they read (``handoff.digest``, the pages left out), the
edition and its addresses: `make serve` and the tests load the same project again and again with only a page
changed, and its data, strings, glossary and partials need not be checked again (about nine tenths of a load)."""
_KEPT_BASES = 8


class Project:
    """One edition of the guide, checked, with its macros (one method each, as ``guide.render.macrospecs`` declares)."""

    def __init__(self, root: Path, conf: BuildConfig | None = None, page: Callable[[], Page | None] = lambda: None,
                 handed: bool = False) -> None:
        self.root, self.conf, self._current = root, conf, page
        self.lang = langs.language_of(conf)  # the edition: theme.language in mkdocs.yml / mkdocs.es.yml
        self.docs, self.docs_shown = _docs_dir(conf, root)
        self.ids = figures.Ids()  # ids unique per page, for the pictures
        self._recording: list[set[str]] = []
        self._trial: list[Page] = []  # a stand-in page while every partial is tried once
        self._made: list[tuple[str, str]] = []  # (partial, output) of the trial renders
        self.aside = SetAside()  # the data's entries left out while they have a problem (``_load_base``)
        checked = handoff.take(root, self.lang, self.docs_shown) if handed else None
        if checked is not None:  # the pre-flight of this `make build` checked these very files (guide/build/handoff.py)
            self._restore(checked)
            return
        files.check_symlinks(root)
        key = (handoff.digest(root, leave_out=("docs", "docs-es", self.docs.name)), self.lang, self.docs_shown,
               _site_url(conf, root), _config_value(conf, root, "repo_url"))
        base = _CHECKED_BASES.get(key)
        deferred = self._restore_base(base) if base is not None else self._load_base(root, key)
        try:
            self.site = pages.scan(self.docs, self.facts, macrospecs.MACROS, self.shows, display_root=self.docs_shown,
                                   lang=self.lang, worded=self.lang == "en" or self.facts is not self.english)
            problems: list[GuideError] = []
        except GuideErrors as exc:
            self.site, problems = pages.Site({}), [e for e in exc.errors if not self._uses_set_aside(e)]
        problems += pictures.check_pages(root, self.docs, self.docs_shown, self.pictures, self.lang, self.facts)
        problems += pages.check_pairs(root, self.lang, {*self.all_facts, *self.facts.experts, *self.facts.quotes,
                                                        *self.pictures, *self._set_aside_keys()})
        problems += deferred or self._string_links()
        if problems:
            raise GuideErrors(sorted(problems, key=lambda e: (e.file, e.line or 0)))
        self._try_every_partial()
        self.ids = figures.Ids()  # afresh: the trial renders must not take ids from the pages
        base = _CHECKED_BASES.get(key)
        problems = [] if base is not None and base.templates_checked else (
            attribution.check_templates(root / PARTIALS, self.facts, PARTIALS)
            + template_words.partial_errors(root / PARTIALS, self.facts, PARTIALS))  # their own words: no claim
        if base is not None and not problems:
            base.templates_checked = True
        problems += _not_covered_problems(self.facts, self.site, root, self.docs_shown)
        if problems:
            raise GuideErrors(problems)

    def _load_base(self, root: Path, key: tuple[str, ...]) -> list[GuideError]:
        """Load and check what the pages are read against (the data, the article's words, the edition's wording,
        strings, glossary and pictures); return the problems to tell with the pages'. Kept for the next load of the
        same files in this process (``_CHECKED_BASES``) when there are none."""
        # Leniently (guide.data.loader.SetAside): an entry with a problem is left out, its messages told with the
        # pages' problems, and the pages are read against the rest. Only a file that cannot be read at all (its
        # YAML, its top-level shape, its source block) stops here, alone: nothing else can be read without it.
        self.english = load_facts(root / DATA, DATA, aside=self.aside)
        # The rest is told all at once, with the pages' problems: what the article says, the wording of
        # this edition, its strings and its glossary (the pages are read with the English wording, or no
        # glossary, while those have a problem).
        deferred = Problems(self.aside.errors)
        lines = load_with_lines(root / DATA, DATA)[1]
        deferred.collect(lambda: passages.check(self.english, lines, root / passages.ARTICLE, DATA), None)
        wording = langs.WORDING_FILE.get(self.lang)
        self.facts = self.english if wording is None else deferred.collect(
            lambda: langs.load_wording(root / wording, wording, self.english, DATA, lines, root / passages.ARTICLE,
                                                 aside=self.aside.entries,
                                                 lock=root / langs.LOCK_FILE[self.lang]),  # the translation lock
            self.english)
        strings = deferred.collect(lambda: langs.load_strings(root, self.lang), None)
        if strings is None:  # every macro prints them: the pages cannot be tried without
            raise GuideErrors(deferred.errors)
        self.strings = strings
        glossary = GLOSSARIES[self.lang]
        self.terms: list[tuple[str, str]] = deferred.collect(lambda: _glossary(root / glossary, glossary, self.lang, self.facts,
                                                                                   root / passages.ARTICLE), [])
        deferred.collect(self._check_plain_texts, None)
        self.all_facts = self.facts.all_facts()
        self.templates = self._templates()
        self.shows = self._summaries()
        self.pictures: dict[str, pictures.Picture] = deferred.collect(lambda: pictures.load(root), {})
        if not deferred.errors and not self.aside.entries:  # a lenient load that left something out is never kept
            record = handoff.Checked(key[0], self.lang, self.docs_shown, self.english, self.facts, self.strings, self.terms,
                                     self.shows, self.pictures, pages.Site({}))
            _CHECKED_BASES[key] = _Base(record, list(self._made))
            while len(_CHECKED_BASES) > _KEPT_BASES:
                del _CHECKED_BASES[next(iter(_CHECKED_BASES))]
        return deferred.errors

    def _uses_set_aside(self, error: GuideError) -> bool:
        """Whether ``error`` is a page's "not in data/facts.yml" for a key the data's load set aside
        (``self.aside``), or its "not an expert" for the name of a set-aside expert: the data file's own message
        says what is wrong with the entry, and the page check (guide/content/pages.py) leaves out every other
        message on the line of a key it gives."""
        if error.unknown is None:
            return False
        kind, key = error.unknown
        return self.aside.names_expert(key) if kind == "name" else self.aside.holds(kind, key)

    def _set_aside_keys(self) -> set[str]:
        """The keys of the facts, experts and quotes the data's load set aside, as pages give them."""
        return {".".join(map(str, entry[1:])) for entry in self.aside.entries if entry[0] in ("facts", "experts", "quotes")}

    def _restore_base(self, base: _Base) -> list[GuideError]:
        """Take what an earlier load of the same files (the pages aside) found, every check of it passed."""
        self._restore(base.checked)  # its pages are read afresh
        self._made = list(base.made)
        return []

    def checked(self, digest: str) -> handoff.Checked:
        """What this load found, for a build of the same files (``handoff``; ``digest``: theirs, taken before the load)."""
        return handoff.Checked(digest, self.lang, self.docs_shown, self.english, self.facts, self.strings, self.terms,
                               self.shows, self.pictures, self.site)

    def _restore(self, checked: handoff.Checked) -> None:
        """Take what the pre-flight's load of the same files found (``checked``), its checks passed."""
        self.english, self.facts, self.strings, self.terms = checked.english, checked.facts, checked.strings, checked.terms
        self.shows, self.pictures, self.site = checked.shows, checked.pictures, checked.site
        self.all_facts = self.facts.all_facts()
        self.templates = self._templates()

    def _check_plain_texts(self) -> None:
        """The glossary's meanings and the template strings name no doctor and quote no one (``attribution``)."""
        if not (self.root / passages.ARTICLE).is_file():
            return  # passages.check says it is missing
        article = (self.root / passages.ARTICLE).read_text(encoding="utf-8")
        glossary = GLOSSARIES[self.lang]
        rows = [(number, line) for number, line in
                enumerate((self.root / glossary).read_text(encoding="utf-8-sig").splitlines(), 1) if "]: " in line]
        entries: list[tuple[str, int | None, str | None, str]] = [
            (glossary, number, None, line.split("]: ", 1)[1]) for number, line in rows]
        problems = attribution.check_plain_texts(entries, attribution.GLOSSARY, self.facts, article, self.lang)
        problems += self._notice_terms(glossary, rows)
        shown = f"{langs.STRINGS}/{self.lang}.yml"
        _, lines = load_with_lines(self.root / shown, shown, key_pattern=KEY)
        strings = [(shown, lines.get((key, i), lines.get((key,))), key, text) for key, value in self.strings.items()
                   for i, text in enumerate([value] if isinstance(value, str) else value)]
        problems += attribution.check_plain_texts(strings, "a template string", self.facts, article, self.lang)
        problems += template_words.string_errors(self.strings, lines, shown, self.lang, self.facts,
                                                 template_words.string_uses(self.root / PARTIALS))  # what they say
        if problems:
            raise GuideErrors(problems)

    def _string_links(self) -> list[GuideError]:
        """Each string that is a partial's link to a page of the site ("candidates.md#who-should-avoid-it", the glance
        card's): the page is in the edition and has the #anchor (a heading renamed left the card's link pointing
        nowhere: the thirteenth no-hints attack, L3). Read once the pages are scanned without a problem."""
        if not self.site.pages:
            return []
        shown = f"{langs.STRINGS}/{self.lang}.yml"
        _, lines = load_with_lines(self.root / shown, shown, key_pattern=KEY)
        return [error for key, value in self.strings.items() if isinstance(value, str) and _PAGE_LINK.fullmatch(value)
                and value.partition("#")[0] in self.site.pages  # (a page missing from the edition: the nav check's)
                and (error := pages.link_problem(value, lines.get((key,)), "index.md", shown, self.site.pages,
                                                 set(self.site.pages), self.docs_shown))]

    def _notice_terms(self, glossary: str, rows: list[tuple[int, str]]) -> list[GuideError]:
        """No glossary word in the guide's own notices ("Our suggestion:", "not medical advice") or a doctor's title
        or credentials: its tooltip would speak over them on every page (the sixth no-hints attack: "medical advice:
        ... the pages here are just as good", "M.D.: a title for a doctor who is not licensed")."""
        said = " ".join(str(self.strings.get(key, "")) for key in NOTICE_STRINGS).casefold()
        titles = {t.casefold().rstrip(".") for e in self.facts.experts.values() for t in (e.title, e.credentials) if t}
        errors = []
        for number, line in rows:
            term = line[2:].split("]: ", 1)[0] if line.startswith("*[") else ""
            if term and (term.casefold().rstrip(".") in titles
                         or re.search(r"(?<!\w)" + re.escape(term.casefold()) + r"(?!\w)", said)):
                errors.append(GuideError(
                    glossary, f"a glossary word in the guide's own notice or a doctor's title: '{term}'", line=number,
                    found=quoted(line[:100]), expected="words of the pages, not of the notices every page shows (\"Our "
                    "suggestion:\", \"not medical advice\") nor a doctor's title or credentials",
                    fix="delete the line: its tooltip would tell every reader something about the guide's own notice or "
                        "a doctor's standing that no one checks."))
        return errors

    # --- what every macro reads through ----------------------------------------------------

    def _templates(self) -> _Sandbox:
        templates = _Sandbox(
            loader=jinja2.FileSystemLoader(self.root / PARTIALS),
            autoescape=True,  # every partial, Markdown too: data values are text, never markup
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
            bytecode_cache=_COMPILED)
        templates.filters["cell"] = _cell
        templates.filters["sentence"] = figures.sentence
        templates.globals.update(figures.TEMPLATE_GLOBALS)
        templates.globals["and_list"] = lambda names: render.join(list(names), lang=self.lang)  # "a, b and c"; "a, b y c"
        templates.globals.update(s=self.strings, date=lambda day: langs.date(_date(day), self.strings),
                                 who=self.who, items=self.items)
        return templates

    def page(self) -> Page:
        page = self._trial[-1] if self._trial else self._current()
        if page is None:
            raise RuntimeError("a macro read the page outside any page")
        return page

    def fact_named(self, key: str) -> schema.FactT:
        """The one lookup every macro, partial and picture reads facts through (recorded, see ``_summaries``)."""
        for seen in self._recording:
            seen.add(key)
        return self.all_facts[key]

    def _fact_of(self, key: str, kind: type[Kind], what: str) -> Kind:
        """``fact_named(key)`` for ``what`` (a picture), which needs the fact to be of one kind."""
        item = self.fact_named(key)
        if not isinstance(item, kind):
            raise _wrong_kind(self.root, key, item.kind, kind, what)
        return item

    def _stand_in(self, *keys: str) -> bool:
        """Whether a summary being recorded (``_summaries``) reads a fact the data's load set aside (``self.aside``):
        its keys are recorded and the macro gives a stand-in, so the summary's other facts are recorded too. Such a
        load has problems: nothing is built from it, and its summaries are not kept."""
        if not self._recording or not any(self.aside.holds("fact", key) for key in keys):
            return False
        for seen in self._recording:
            seen.update(keys)
        return True

    def who(self, key: str) -> str:
        """Who says a fact: "the article" or "Dr. Nazarian" (Spanish "el artículo", "la Dra. Nazarian").
        Not recorded: naming a fact's speaker does not show the fact."""
        if self._recording and self.aside.holds("fact", key):
            return key  # a stand-in (_stand_in)
        return render.speaker(self.all_facts[key], self.facts.experts, self.lang)

    def items(self, key: str) -> list[str]:
        """A list fact's items, for a template that lays them out itself."""
        if self._stand_in(key):
            return [key]
        item = self.fact_named(key)
        if not isinstance(item, schema.ListFact):
            raise ValueError(f"items() needs a list fact, and '{key}' is a {item.kind} fact")
        return list(item.items)

    def partial(self, name: str, **values: object) -> Markup:
        """Render a partial; a mistake in it becomes an editor's message naming the partial and line."""
        shown = f"{PARTIALS}/{name}"
        try:
            out = Markup(self.templates.get_template(name).render(**values))
        except GuideError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise GuideError(shown, f"template syntax error: {exc.message}", line=exc.lineno,
                             found=_row(self.root / PARTIALS / name, exc.lineno), expected="a valid Jinja template",
                             fix="check the {{ }} and {% %} brackets on this line.") from None
        except jinja2.exceptions.SecurityError as exc:  # _Sandbox: nothing ran
            line = _template_line(exc, shown)
            raise GuideError(shown, f"the partial reaches past its values into Python ({exc})", line=line,
                             found=_row(self.root / PARTIALS / name, line),
                             expected="only the values the macro passes in and their fields: no names starting with '_', "
                                      "no changes to lists or dicts, no str.format",
                             fix="remove this expression: a partial lays out data, it runs no code. "
                                 "A new value comes from guide/build/library.py (a maintainer's change).") from None
        except Exception as exc:  # noqa: BLE001 - any other failure inside a partial
            line = _template_line(exc, shown)
            key = exc.args[0] if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str) else None
            what = (f"the partial uses the fact '{key}', which is not in data/facts.yml" if key else
                    f"the partial could not be filled in ({type(exc).__name__}: {exc})")
            hint = did_you_mean(key, self.all_facts) if key else ""
            raise GuideError(shown, what, line=line, found=_row(self.root / PARTIALS / name, line),
                             expected="names and fact keys that exist (partials read facts through v(\"group.name\"))",
                             fix=(hint + " " if hint else "") + "Correct the name on this line.") from None
        if self._recording or self._trial:  # the trial renders: what each partial makes is checked too
            self._made.append((name, str(out)))
        return out

    # --- the macros (declared in guide/render/macrospecs.py) ---------------------------------------

    def fact(self, key: str, part: str | None = None) -> Markup:
        if self._stand_in(key):
            return escape(key)
        return escape(render.fact_text(self.fact_named(key), part, self.lang))

    def fact_list(self, key: str, style: str = "bullets") -> Markup:
        item = self.fact_named(key)
        if not isinstance(item, schema.ListFact):
            raise ValueError(f"fact_list() needs a list fact, and '{key}' is a {item.kind} fact")
        return self.partial("list.md", items=item.items, style=style, scope=item.scope)

    def expert(self, key: str, full: bool = False) -> Markup:
        return Markup(self.partial("expert.md", person=self.facts.experts[key], full=full).strip())

    def quote(self, key: str) -> Markup:
        item = self.facts.quotes[key]
        original = self.english.quotes[key].text if self.lang != "en" else None  # a translation shows the English words too
        return self.partial("quote.md", quote=item, person=self.facts.experts[item.expert], original=original)

    def about_source(self) -> Markup:
        return Markup(self.partial("about-source.md", source=self.facts.source, experts=len(self.facts.experts),
                                   repo=_config_value(self.conf, self.root, "repo_url")).strip())

    def en(self, words: str) -> Markup:
        problem = pagecheck.english_words_problem(words)
        if problem:
            raise GuideError(f"{self.docs_shown}/{_page_path(self.page())}", problem.what, found=f'en("{words[:60]}")',
                             expected=problem.expected, fix=problem.fix)
        return Markup('<span lang="en">{}</span>').format(words)

    def suggestion(self) -> Markup:
        return Markup(self.partial("suggestion.md").strip())

    def not_covered(self) -> Markup:
        here = _page_path(self.page())
        page = self.site.pages.get(here)
        used = page.facts if page else set()
        gaps = [item.label for key, item in self.all_facts.items() if key in used and isinstance(item, schema.NotStatedFact)]
        gaps += [s.topic for s in self.facts.not_covered.values() if here in s.pages]
        return Markup(self.partial("not-covered.md", gaps=gaps, ours=self.suggestion()).strip())

    def citation(self) -> Markup:
        return Markup(self.partial("citation.md", source=self.facts.source).strip())

    def facts_table(self) -> Markup:
        here = _page_path(self.page())
        # Links in raw HTML: MkDocs publishes them as written, Zensical resolves them from the Markdown file.
        link = pages.href if getattr(self.page(), "file", None) is not None else pages.file_href
        rows = [{"key": key, "fact": item, "value": render.fact_text(item, lang=self.lang), "who": self.who(key),
                 "links": [(link(here, p.path), p.title) for p in self._shown_on(key)]}
                for key, item in self.all_facts.items()]
        # The Spanish table links to the English one for the article's own words: out of the edition's own
        # site (one level more than the way up to its home), from the page's address or Markdown file.
        up = pages.url_of(here).count("/") if link is pages.href else here.count("/")
        english_table = ("../" * (up + 1) + "sources/#facts-and-sources") if self.lang != "en" else ""
        return self.partial("facts-table.html", rows=rows, english=english_table)

    def _shown_on(self, key: str) -> list[pages.PageInfo]:
        """The pages that show a fact: through its key, or word for word in an item of a list fact they show
        (the visit's steps repeat what the pen is for), so "Shown on" leaves out no page a reader finds it on.
        The words are matched in English in both editions, so a pair of pages lists the same pages: a
        translation can repeat a short value by chance ("la cara" in "Le limpian la cara")."""
        english = self.english.all_facts()
        item = english[key]
        keys = {key}
        if isinstance(item, schema.TextFact):
            words = render.fact_text(item, lang="en")
            keys |= {k for k, other in english.items()
                     if isinstance(other, schema.ListFact) and any(words in shown for shown in other.items)}
        return [p for p in self.site.pages.values() if p.facts & keys]

    def glossary(self) -> Markup:
        return self.partial("glossary.md", terms=_once(self.terms))

    def page_info(self) -> Markup:
        meta = self.page().meta
        here = _page_path(self.page())
        return self.partial("page-info.md", last=_date(meta["last_reviewed"]), next=_date(meta["next_review"]),
                            source=self.facts.source, up="../" * here.count("/"),
                            report=_report_link(self.conf, self.root, _site_url(self.conf, self.root) + pages.url_of(here)))

    def _id(self, key: str) -> str:
        at_page = not self._recording and not self._trial and self._current() is not None
        return self.ids.make(_page_path(self.page()) if at_page else "", "fig-" + figures.slug(key))

    def depth_scale(self) -> Markup:
        what = "the needle-depth scale (depth_scale)"
        keys = depth, reach, home, length = ("device.depth_range", "device.shallowest_reach", "device.home_needles",
                                             "device.home_needle_length")
        if self._stand_in(*keys):
            return Markup("")
        d = figures.depth_scale(self._fact_of(depth, schema.RangeFact, what), self._fact_of(reach, schema.TextFact, what),
                                self._fact_of(home, schema.TextFact, what), self._fact_of(length, schema.NotStatedFact, what),
                                self.who(depth), self.who(home), self.strings)
        return self.partial("depth-scale.svg", d=d, id=self._id(depth))

    def timeline(self, key: str) -> Markup:
        item = self.fact_named(key)
        if not isinstance(item, schema.ScheduleFact):
            raise ValueError(f"timeline() needs a schedule fact, and '{key}' is a {item.kind} fact")
        return self.partial("timeline.svg", t=figures.timeline(key, item, self.who(key), self.strings), id=self._id(key))

    def picture(self, name: str, alt: str | None = None) -> Markup:
        found = self.pictures.get(name) or (TRIAL_PICTURE if self._trial else None)
        if found is None or not alt:  # the page check names the page and line first (pictures.check_pages)
            raise ValueError(f"picture() needs a picture of {pictures.FOLDER}/ and alt text: picture({name!r}, alt={alt!r})")
        page = self.page()
        url = getattr(page, "url", None) if getattr(page, "file", None) is not None else None
        return self.partial("picture.html", src=pictures.src(name, url, _page_path(page)), alt=alt,
                            width=found.width, height=found.height)

    def glance_card(self) -> Markup:
        return self.partial("glance-card.html", v=self.fact, link=self._link)

    def _link(self, to: str) -> str:
        """A partial's link in raw HTML to ``to`` (``candidates.md#who-should-avoid-it``) from the page it is on
        (see facts_table); outside any page (a summary's recording, a test), from the home page."""
        path, _, section = to.partition("#")
        page = self._trial[-1] if self._trial else None if self._recording else self._current()
        here = _page_path(page) if page is not None else "index.md"
        link = pages.href if page is None or getattr(page, "file", None) is not None else pages.file_href
        return link(here, path) + (f"#{section}" if section else "")

    def comparison_table(self) -> Markup:
        return self.partial("comparison-table.md", v=self.fact)

    def appointment_sheet(self) -> Markup:
        return self.partial("appointment-sheet.md", v=self.fact, site_url=_site_url(self.conf, self.root))

    def macro(self, name: str) -> Callable[..., Markup]:
        """The method of a declared macro, for an engine to register (``define_env``)."""
        method: Callable[..., Markup] = getattr(self, name)
        return method

    # --- checked once, when the project loads ------------------------------------------------

    def _summaries(self) -> dict[str, frozenset[str]]:
        """Which facts each summary shows, read from its template: rendered once with the lookup
        recording every key it reads ("pages that use it", make facts)."""
        shows: dict[str, frozenset[str]] = {}
        for name, spec in macrospecs.MACROS.items():
            if not spec.summary:
                continue
            seen: set[str] = set()
            self._recording.append(seen)
            try:
                getattr(self, name)()
            finally:
                self._recording.remove(seen)
            shows[name] = frozenset(seen)
        return shows

    def _try_every_partial(self) -> None:
        """Fill every partial once, with every argument a page could give, so a mistake in one stops the
        build here, with its file and line, in both engines; what each makes is held to the content's list."""
        self._trial.append(_TrialPage())
        try:
            for name, spec in macrospecs.MACROS.items():
                for args in self._trial_arguments(spec):
                    getattr(self, name)(*args)
        finally:
            self._trial.clear()
        problems = list({str(e): e for name, out in dict.fromkeys(self._made)  # each once, not once per render
                         for e in rendered.check_partial(out, f"{PARTIALS}/{name}", self.lang,
                                                         _source(self.root / PARTIALS / name))}.values())
        if problems:
            raise GuideErrors(problems)

    def _trial_arguments(self, spec: macrospecs.Spec) -> list[tuple[Any, ...]]:
        if not spec.params:
            return [()]
        first = spec.params[0].takes
        keys: list[str] = []
        if first == "fact":
            keys = [k for k, f in self.all_facts.items() if not spec.kinds or f.kind in spec.kinds]
        elif first in ("expert", "quote"):
            keys = list(self.facts.experts if first == "expert" else self.facts.quotes)
        elif first == "words":
            return [("microneedling",)]
        elif first == "picture":
            return [(name, "A picture") for name in self.pictures] or [(TRIAL_PICTURE.name, "A picture")]
        second = spec.params[1].takes if len(spec.params) > 1 else None
        extra: list[tuple[Any, ...]] = [()]
        if second == "style":
            extra = [(style,) for style in macrospecs.STYLES]
        elif second == "bool":
            extra = [(False,), (True,)]
        return [(key, *more) for key in keys for more in extra]


@dataclass(frozen=True)
class Theme:
    """The ``theme`` setting as the project reads it outside an engine (``guide.build.engine.Theme``)."""

    language: str
    custom_dir: str | None = None


SPANISH: BuildConfig = {"theme": Theme("es"), "docs_dir": "docs-es"}
"""What mkdocs.es.yml tells the project outside an engine: the Spanish edition, its pages in docs-es/."""


def load_project(root: Path, conf: BuildConfig | None = None, page: Callable[[], Page | None] = lambda: None,
                 handed: bool = False) -> Project:
    """The edition ``conf`` describes (``None``: English, its settings read from mkdocs.yml; ``SPANISH``;
    or an engine's configuration) of the guide in ``root``,
    checked; raises ``GuideErrors`` with every problem an editor must fix. ``handed``: for a build, which
    takes what the pre-flight of the same `make build` found in the same files, if it did (``guide.build.handoff``)."""
    try:
        return Project(root, conf, page, handed)
    except GuideError as exc:
        raise GuideErrors([exc]) from None


def overdue_warnings(project: Project) -> list[str]:
    today = dt.date.today()
    return [f"{project.docs_shown}/{p.path}: review overdue since {p.next_review} (run 'make review')"
            for p in pages.overdue(project.site, today) if p.next_review < today]


# --- helpers ---------------------------------------------------------------------------------


def _not_covered_problems(facts: schema.Facts, site: pages.Site, root: Path, docs_shown: str) -> list[GuideError]:
    """A page named under not_covered: that is a slip for an existing page ("pian.md"). A name close to
    no page is let through: a smaller project (a test fixture) shares the data file without every page."""
    out = []
    for key, silence in facts.not_covered.items():
        for i, page in enumerate(silence.pages):
            close = difflib.get_close_matches(page, list(site.pages), n=1, cutoff=0.8) if page not in site.pages else None
            if close:
                _, lines = load_with_lines(root / DATA, DATA)
                out.append(GuideError(DATA, f"not_covered names a page that does not exist: '{page}'",
                                      line=lines.get(("not_covered", key, "pages", i)) or lines.get(("not_covered", key, "pages")),
                                      key=f"not_covered.{key}.pages", found=f"'{page}'",
                                      expected=f"the file name of a page under {docs_shown}/",
                                      fix=f"Did you mean '{close[0]}'? Correct the file name."))
    return out


def _config_value(conf: BuildConfig | None, root: Path, name: str) -> str:
    """A setting as the engine read it; outside an engine (make facts, the tests), mkdocs.yml's, with the same !ENV rule."""
    if conf is not None:
        return str(conf.get(name) or "")
    config = root / "mkdocs.yml"
    return siteurl.resolve(siteurl.load_config(config).get(name) or "") if config.is_file() else ""


def _site_url(conf: BuildConfig | None, root: Path) -> str:
    """The guide's published address (``site_url``), to print on the sheet; "" when there is none."""
    return _config_value(conf, root, "site_url")


def _report_link(conf: BuildConfig | None, root: Path, address: str) -> str:
    """The issue form of the guide's repository (``repo_url``) with ``address`` in its Page field: a plain
    link, so nothing is asked of GitHub until the reader clicks it; "" when there is no repository."""
    repo = _config_value(conf, root, "repo_url")
    return f"{repo.rstrip('/')}/issues/new?" + urlencode({"template": REPORT_FORM, "page": address}) if repo else ""


def _docs_dir(conf: BuildConfig | None, root: Path) -> tuple[Path, str]:
    """The pages folder of this build (``docs``, or ``docs-es`` for the Spanish edition) and its name in messages."""
    value = conf.get("docs_dir") if conf is not None else None
    path = Path(value) if value else root / "docs"
    if not path.is_absolute():
        path = root / path
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = path.name
    return path, shown


def _page_path(page: Page) -> str:
    """``pain.md``: MkDocs pages have ``file.src_path``, Zensical pages ``path``."""
    path = getattr(getattr(page, "file", None), "src_path", None) or getattr(page, "path", None)
    if not isinstance(path, str):
        raise TypeError(f"a page with neither file.src_path nor path: {page!r}")
    return path


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _cell(value: object) -> Markup:
    """Make text safe inside a Markdown table cell (escaped once, pipes and line breaks made harmless)."""
    return escape(value).replace("|", "\\|").replace("\n", " ")


def _row(path: Path, line: int | None) -> str | None:
    """Line ``line`` of ``path``, quoted, for a message."""
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return quote_line(rows, line)


def _template_line(exc: BaseException, partial: str) -> int | None:
    """The line of ``partial`` where ``exc`` was raised (Jinja maps its frames to template lines); a frame
    is the partial's when its file ends with that path, in whatever folder (``_CompiledPartials``)."""
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).as_posix().endswith("/" + partial):
            line = lineno
    return line


def _once(terms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The glossary page lists a word once: a plural ("dermarollers") whose singular is also a term is left out,
    and a Spanish feminine form ("dermatóloga") is listed with its masculine ("dermatólogo, dermatóloga")."""
    names = {term for term, _ in terms}
    once = []
    for term, meaning in terms:
        if (term.endswith("s") and term[:-1] in names) or (term.endswith("a") and term[:-1] + "o" in names):
            continue
        once.append((f"{term}, {term[:-1]}a" if term.endswith("o") and term[:-1] + "a" in names else term, meaning))
    return once


def _glossary(path: Path, shown: str, lang: str = "en", facts: schema.Facts | None = None,
              article: Path | None = None) -> list[tuple[str, str]]:
    """``*[term]: meaning`` lines from the abbreviations file, checked as plain text without numbers, sorted by term."""
    article_text = article.read_text(encoding="utf-8") if article is not None and article.is_file() else ""
    terms = []
    errors = []
    first: dict[str, tuple[int, str]] = {}  # each term, in any case: the line that defines it first
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        match = re.fullmatch(r"\*\[([^\]]+)\]: (.+)", line)
        if not match:
            errors.append(GuideError(shown, "a glossary line in the wrong form", line=number, found=quoted(line),
                                     expected="*[term]: meaning, one term per line",
                                     fix="write the line as *[term]: what it means."))
            continue
        term, meaning = match[1], match[2].strip()
        errors += _entry_errors(term, meaning, number, shown, lang, facts, article_text)
        where, spelt = first.setdefault(term.casefold(), (number, term))
        if where != number:
            errors.append(GuideError(shown, f"the glossary term '{term}' is defined twice", line=number, found=quoted(line),
                                     expected=f"each term once: '{spelt}' is defined on line {where}"
                                              + (" (differing only in case)" if spelt != term else ""),
                                     fix=f"keep one meaning: merge this line into line {where} ('*[{spelt}]: ...'), "
                                         "then delete this one."))
        terms.append((term, meaning))
    if errors:
        raise GuideErrors(errors)
    return sorted(terms, key=lambda t: _alphabetical(t[0]))


def _entry_text_errors(term: str, meaning: str, number: int, shown: str, lang: str) -> list[GuideError]:
    """A glossary line's term and meaning are plain text with no number."""
    errors = []
    for value in (term, meaning):
        problem = schema.plain_text_problem(value, schema.EMPHASIS)
        number_in = numbers.typed_number(value, lang)
        if problem:
            errors.append(GuideError(shown, f"a glossary entry is not plain text: {problem}", line=number,
                                     found=quoted(value), expected=schema.PLAIN_TEXT_EXPECTED,
                                     fix=schema.PLAIN_TEXT_FIX))
        elif number_in:
            errors.append(GuideError(shown, f"a number in a glossary entry ('{number_in}')", line=number,
                                     found=quoted(value), expected=schema.NUMBER_IN_WORDS_EXPECTED,
                                     fix="explain the term in words; a figure from the article belongs in "
                                         "data/facts.yml and on the pages."))
    return errors


def _entry_errors(term: str, meaning: str, number: int, shown: str, lang: str, facts: schema.Facts | None,
                  article: str = "") -> list[GuideError]:
    """One glossary line's problems: markup, numbers, a doctor's name as its term, a meaning that leaves something out
    of a word the facts use, advice or a clinical claim."""
    errors = _entry_text_errors(term, meaning, number, shown, lang)
    named = speakers.typed_names(term, facts) - {"article"} if facts is not None else set()
    if named:
        errors.append(GuideError(
            shown, "a glossary word for a doctor's name", line=number, found=quoted(f"*[{term}]: {meaning}"),
            expected="plain words for things, not people: a doctor is named on the pages with expert(\"...\"), "
                     "her role as the article gives it",
            fix="delete the line: a tooltip on her name would tell every reader something the article does not."))
    narrows = meaning_words.narrows(meaning, lang) if facts is not None and meaning_words.uses(facts, term) else None
    if narrows is not None:
        errors.append(GuideError(
            shown, f"a glossary meaning that leaves something out of the word ('{narrows}')", line=number,
            found=f"'{meaning[:100]}'",
            expected=f"what the word means, with nothing it does not cover: the facts say '{term}', and a meaning "
                     "that leaves something out (\"not everyday aspirin\" for blood thinners) decides for a reader "
                     "whom they apply to",
            fix="say what the word means; what counts is the article's to say, or a doctor's, not the glossary's."))
    degree = meaning_words.degree_against_facts(term, meaning, lang, facts, article) if facts is not None else None
    if degree is not None:
        errors.append(GuideError(
            shown, f"a glossary meaning that calls it '{degree[0]}', and the article's words about it say "
                   f"'{degree[1]}'", line=number, found=f"'{meaning[:100]}'",
            expected=f"what the word means, with no word of how strong or mild it is: the facts say '{term}' where "
                     f"the article calls it '{degree[1]}', and a tooltip that calls it '{degree[0]}' contradicts them",
            fix=f"leave '{degree[0]}' out; a word of degree stands only where the article's passage has that very word "
                "(guide/data/meaning.py, DEGREES)."))
    speaks = _speaks_for_doctors(meaning, facts)
    if speaks:
        errors.append(GuideError(
            shown, f"a glossary meaning that speaks for the doctors ('{speaks}')", line=number, found=f"'{meaning[:100]}'",
            expected="the term's plain meaning in our words, naming no doctor of the article and no group of them "
                     "(\"both doctors use\", \"las dos doctoras\"): what each doctor says, uses or prefers reaches a "
                     "page as her fact, with her name checked against it",
            fix="say what the word means; if a doctor's words about it matter, show her fact on the page."))
    claim = meaning_words.advice(meaning, lang) or _heals(meaning)
    if claim is not None:
        errors.append(GuideError(
            shown, f"a glossary meaning that gives advice or a clinical claim ('{claim.word}', {claim.kind})",
            line=number, found=f"'{meaning[:100]}'",
            expected="the term's plain meaning in our words: no advice about the treatment (needed, should, avoid, "
                     "wait, hace falta, evite) and none of the words of guide/data/meaning.py that make a claim (safe, "
                     "rare, permanent, infection)",
            fix="say what the word means, not what to do or how safe it is: the article's advice reaches the pages "
                "as facts in data/facts.yml, with who said it."))
    return errors


_DOCTORS = re.compile(
    r"(?<![^\W\d_])(?:both|the|these|those|each|our|all|most|many|ambas|ambos|las|los|la|el|estas|estos|esta|este|cada|"
    r"todas|todos)\s+(?:(?:two|dos)\s+)?(?:doctors?|dermatologists?|plastic\s+surgeons?|surgeons?|experts?|specialists?|"
    r"médic[oa]s?|doctor(?:a|es|as)?|dermatólog[oa]s?|cirujan[oa]s?|expert[oa]s?|especialistas?)(?![^\W\d_])", re.I)
"""A definite group of the article's doctors ("both doctors", "the dermatologist", "las dos doctoras"): a glossary
meaning that speaks for them ("The serum brand both doctors use": the eighth no-hints attack, M-B12b). "A doctor who
specializes in skin" names no one."""
def _speaks_for_doctors(meaning: str, facts: schema.Facts | None) -> str | None:
    named = (speakers.typed_names(meaning, facts) - {speakers.ARTICLE}) if facts is not None else set()
    if named:
        return facts.experts[sorted(named)[0]].name if facts is not None else None
    found = _DOCTORS.search(meaning)
    return found[0] if found else None


def _heals(meaning: str) -> meaning_words.Found | None:
    found = attribution.HEALS.search(meaning)
    return meaning_words.Found("what it does", found[0]) if found else None


def _alphabetical(term: str) -> tuple[str, str]:
    """Dictionary order in both languages: accents ignored ("ácido" among the a's), "ñ" after "n"."""
    plain = "".join(c for c in unicodedata.normalize("NFD", term.lower().replace("ñ", "n\uffff"))
                    if not unicodedata.combining(c))
    return plain, term


def _wrong_kind(root: Path, key: str, found: str, kind: type[object], what: str) -> GuideError:
    """A fact that ``what`` (a picture) draws has the wrong kind in the data file."""
    wanted = next((name for name, model in schema.FACT_MODELS.items() if model is kind), kind.__name__)
    _, lines = load_with_lines(root / DATA, DATA)
    return GuideError(DATA, f"{what} needs '{key}' to be a {wanted} fact", line=lines.get(("facts", *key.split(".", 1), "kind")),
                      key=f"facts.{key}.kind", found=f"kind: {found}", expected=f"kind: {wanted}",
                      fix=f"give '{key}' the kind {wanted}, or change the picture in guide/build/library.py to use another fact.")

