"""Macros for the microneedling guide (mkdocs-macros ``module_name: macros``).

Thin on purpose: ``define_env`` loads ``data/facts.yml`` through the typed
schema in ``guide/``, checks every page, and registers a few small macros.
Markup lives in ``includes/partials/``; plain-English wording of values lives
in ``guide/render.py``. Nothing here imports MkDocs, so Zensical can load it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import jinja2
import jinja2.sandbox
from markupsafe import Markup, escape

# Engines load this file by path; make the ``guide`` package beside it importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from guide import attribution, figures, numbers, pagecheck, pages, passages, postbuild, preflight, render, rendered, schema, siteurl  # noqa: E402
from guide import lang as langs  # noqa: E402
from guide.engine import BuildConfig, BuildEnv, MacrosEnv, Page  # noqa: E402
from guide.errors import GuideError, GuideErrors, did_you_mean  # noqa: E402
from guide.loader import load_facts  # noqa: E402

DATA = "data/facts.yml"
PARTIALS = "includes/partials"
GLOSSARY = "includes/abbreviations.md"
GLOSSARIES = {"en": GLOSSARY, "es": "includes/abbreviations.es.md"}
"""The glossary of each edition (its tooltips come from pymdownx.snippets' auto_append in each config)."""

Macro = TypeVar("Macro", bound=Callable[..., Markup])
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


def _stop(exc: Exception) -> Exception:
    """The exception that stops the build, carrying the editor's message.

    The one place where the two engines differ: MkDocs prints a PluginError
    as a clean error line with no traceback; Zensical (which has no MkDocs)
    reports any exception with its message on the last line.
    """
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return exc
    stop = PluginError(str(exc))
    stop.guide_errors = list(exc.errors) if isinstance(exc, GuideErrors) else [exc] if isinstance(exc, GuideError) else []  # type: ignore[attr-defined]
    return stop


def define_env(env: MacrosEnv) -> None:
    """Load the facts, check the pages, register the macros."""
    root = Path(env.project_dir)
    conf = getattr(env, "conf", None)
    lang = langs.language_of(conf)  # the edition: theme.language in mkdocs.yml / mkdocs.es.yml
    docs, docs_shown = _docs_dir(conf, root)
    try:
        preflight.check_symlinks(root)
        english = load_facts(root / DATA, DATA, article=root / passages.ARTICLE)
        facts = english
        if lang != "en":
            from guide.yamlsrc import load_with_lines
            wording = langs.WORDING_FILE[lang]
            facts = langs.load_wording(root / wording, wording, english, DATA, load_with_lines(root / DATA, DATA)[1])
        strings = langs.load_strings(root, lang)
        terms = _glossary(root / GLOSSARIES[lang], GLOSSARIES[lang], lang)
    except (GuideError, GuideErrors) as exc:
        raise _stop(exc) from None
    specs: dict[str, pages.MacroSpec] = {}
    summaries: list[Callable[[], Markup]] = []
    templates = _Sandbox(
        loader=jinja2.FileSystemLoader(root / PARTIALS),
        autoescape=True,  # every partial, Markdown too: data values are text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_COMPILED,
    )
    templates.filters["cell"] = _cell
    templates.filters["sentence"] = figures.sentence
    templates.globals.update(figures.TEMPLATE_GLOBALS)
    templates.globals["and_list"] = lambda names: render.join(list(names), lang=lang)  # "a, b and c"; "a, b y c"
    templates.globals.update(s=strings, date=lambda day: langs.date(_date(day), strings))
    ids = figures.Ids()  # ids unique per page, for the pictures
    all_facts = facts.all_facts()
    recording: list[set[str]] = []
    trial: list[Page] = []  # a stand-in page while every partial is tried once, below
    made: list[tuple[str, str]] = []  # (partial, output) of the trial renders, for rendered.check_partial

    def _page() -> Page:
        page = trial[-1] if trial else env.page
        if page is None:
            raise RuntimeError("a macro read the page outside any page")
        return page

    def _fact(key: str) -> schema.FactT:
        """The one lookup every macro, partial and picture reads facts through (recorded, see below)."""
        for seen in recording:
            seen.add(key)
        return all_facts[key]

    def _fact_of(key: str, kind: type[Kind], what: str) -> Kind:
        """``_fact(key)`` for ``what`` (a picture), which needs the fact to be of one kind."""
        item = _fact(key)
        if not isinstance(item, kind):
            raise _wrong_kind(root, key, item.kind, kind, what)
        return item

    def render_partial(name: str, **values: object) -> Markup:
        """Render a partial; a mistake in it becomes an editor's message naming the partial and line."""
        try:
            out = Markup(templates.get_template(name).render(**values))
            if recording or trial:  # the trial renders below: what each partial makes is checked too
                made.append((name, str(out)))
            return out
        except GuideError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise GuideError(f"{PARTIALS}/{name}", f"template syntax error: {exc.message}", line=exc.lineno,
                             found=_row(root / PARTIALS / name, exc.lineno), expected="a valid Jinja template",
                             fix="check the {{ }} and {% %} brackets on this line.") from None
        except jinja2.exceptions.SecurityError as exc:  # _Sandbox: nothing ran
            line = _template_line(exc, f"{PARTIALS}/{name}")
            raise GuideError(f"{PARTIALS}/{name}", f"the partial reaches past its values into Python ({exc})", line=line,
                             found=_row(root / PARTIALS / name, line),
                             expected="only the values the macro passes in and their fields: no names starting with '_', "
                                      "no changes to lists or dicts, no str.format",
                             fix="remove this expression: a partial lays out data, it runs no code. "
                                 "A new value comes from macros.py (a maintainer's change).") from None
        except Exception as exc:  # noqa: BLE001 - any other failure inside a partial
            line = _template_line(exc, f"{PARTIALS}/{name}")
            what = (f"the partial uses the fact '{exc.args[0]}', which is not in data/facts.yml"
                    if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str) else
                    f"the partial could not be filled in ({type(exc).__name__}: {exc})")
            hint = did_you_mean(str(exc.args[0]), all_facts) if isinstance(exc, KeyError) and exc.args else ""
            raise GuideError(f"{PARTIALS}/{name}", what, line=line, found=_row(root / PARTIALS / name, line),
                             expected="names and fact keys that exist (partials read facts through v(\"group.name\"))",
                             fix=(hint + " " if hint else "") + "Correct the name on this line.") from None

    def macro(arg: str | None = None, kinds: tuple[str, ...] = (), summary: bool = False) -> Callable[[Macro], Macro]:
        def register(fn: Macro) -> Macro:
            specs[fn.__name__] = pages.MacroSpec(arg, kinds, fn)
            if summary:
                summaries.append(fn)
            env.macro(fn)
            return fn
        return register

    def who(key: str) -> str:
        """Who says a fact, from the data: ``who("recovery.pain")`` gives "the article" or "Dr. Nazarian"
        (Spanish "el artículo", "la Dra. Nazarian").

        Read without recording: naming a fact's speaker does not show the fact, so it does not
        make the page one that "uses" it (a page that uses a fact must show its value)."""
        return render.speaker(all_facts[key], facts.experts, lang)

    def items(key: str) -> list[str]:
        """A list fact's items, for a template that lays them out itself (read through ``_fact``)."""
        item = _fact(key)
        if not isinstance(item, schema.ListFact):
            raise ValueError(f"items() needs a list fact, and '{key}' is a {item.kind} fact")
        return list(item.items)

    templates.globals.update(who=who, items=items)

    @macro("fact")
    def fact(key: str, part: str | None = None) -> Markup:
        """A fact's value as inline text: ``{{ fact("device.depth_range") }}`` gives "0.5 to 2.5 mm".

        ``part`` picks a piece: "min"/"max" of a range, "note" of a not-stated
        fact, "sessions"/"every" of a schedule, "or" to join a list with "or".
        """
        return escape(render.fact_text(_fact(key), part, lang))

    @macro("fact", kinds=("list",))
    def fact_list(key: str, style: str = "bullets") -> Markup:
        """A list fact as a Markdown list; ``style`` is "bullets", "steps" or "checks"."""
        item = _fact(key)
        if not isinstance(item, schema.ListFact):
            raise ValueError(f"fact_list() needs a list fact, and '{key}' is a {item.kind} fact")
        return render_partial("list.md", items=item.items, style=style, scope=item.scope)

    @macro("expert")
    def expert(key: str, full: bool = False) -> Markup:
        """"Dr. Nazarian, a plastic surgeon"; with ``full=True`` her full name, credentials and role
        (for the home and sources pages only: elsewhere the short form keeps sentences short)."""
        person = facts.experts[key]
        return Markup(render_partial("expert.md", person=person, full=full).strip())

    @macro("quote")
    def quote(key: str) -> Markup:
        """A short quote as a Markdown block quote, attributed by name."""
        item = facts.quotes[key]
        original = english.quotes[key].text if lang != "en" else None  # a translation shows the English words too
        return render_partial("quote.md", quote=item, person=facts.experts[item.expert], original=original)

    @macro()
    def about_source() -> Markup:
        """What kind of source the guide rests on, and what "last reviewed" means here."""
        return Markup(render_partial("about-source.md", source=facts.source, experts=len(facts.experts)).strip())

    @macro()
    def en(words: str) -> Markup:
        """English words on a page of another edition, marked as English (``lang="en"``), so a screen
        reader says them in English: ``{{ en("microneedling") }}``. Plain words only (the page check
        refuses a lang attribute typed into a page); a number or markup in them stops the build."""
        problem = schema.plain_text_problem(words, schema.EMPHASIS) or (
            f"a number typed into it ('{numbers.typed_number(words, 'en')}')" if numbers.typed_number(words, "en") else "")
        if problem or not words.strip():
            raise _stop(GuideError(f"{docs_shown}/{_page_path(_page())}", f"en() takes plain English words: {problem or 'it is empty'}",
                                   found=f'en("{words[:60]}")', expected='a few plain English words, such as en("microneedling")',
                                   fix="write the words alone; show a number with its fact macro."))
        return Markup('<span lang="en">{}</span>').format(words)

    @macro()
    def suggestion() -> Markup:
        """The label that marks the guide's own suggestion, as opposed to the article's."""
        return Markup(render_partial("suggestion.md").strip())

    @macro()
    def not_covered() -> Markup:
        """The "What the article does not cover" note: the not-stated facts this page shows and the
        topics the article is silent on that data/facts.yml lists for this page."""
        here = _page_path(_page())
        page = site.pages.get(here)
        used = page.facts if page else set()
        gaps = [item.label for key, item in all_facts.items()
                if key in used and isinstance(item, schema.NotStatedFact)]
        gaps += [s.topic for s in facts.not_covered.values() if here in s.pages]
        return Markup(render_partial("not-covered.md", gaps=gaps, ours=suggestion()).strip())

    @macro()
    def citation() -> Markup:
        """The source article as a full citation (Markdown)."""
        return Markup(render_partial("citation.md", source=facts.source).strip())

    @macro()
    def facts_table() -> Markup:
        """Every fact: its value, who said it, the source passage and the pages that use it.

        Plain HTML, so the quoted passages carry no glossary markup (a lighter page).
        """
        here = _page_path(_page())
        # Links in raw HTML: MkDocs publishes them as written, Zensical resolves them from the Markdown file.
        link = pages.href if getattr(_page(), "file", None) is not None else pages.file_href
        rows = []
        for key, item in all_facts.items():
            rows.append({
                "key": key,
                "fact": item,
                "value": render.fact_text(item, lang=lang),
                "who": who(key),
                "links": [(link(here, p.path), p.title) for p in site.pages_using(key)],
            })
        # The Spanish table links to the English one for the article's own words (see the template).
        # Leave the edition's own site (one level more than the way up to its home); Zensical resolves
        # the link from the page's Markdown file (see file_href), MkDocs from the page's address.
        up = pages.url_of(here).count("/") if link is pages.href else here.count("/")
        english_table = ("../" * (up + 1) + "sources/#facts-and-sources") if lang != "en" else ""
        return render_partial("facts-table.html", rows=rows, english=english_table)

    @macro()
    def glossary() -> Markup:
        """The glossary page's list, from the same file that gives every page its tooltips."""
        return render_partial("glossary.md", terms=_once(terms))

    @macro()
    def page_info() -> Markup:
        """Review dates, the source line, the not-medical-advice note and the link to report a problem
        with this page (the repository's issue form, the page's address filled in) for this page."""
        meta = _page().meta
        here = _page_path(_page())
        return render_partial("page-info.md", last=_date(meta["last_reviewed"]), next=_date(meta["next_review"]),
                              source=facts.source, up="../" * here.count("/"),
                              report=_report_link(env, root, _site_url(env, root) + pages.url_of(here)))

    # --- pictures and the printable sheet (geometry and wording: guide/figures.py) ---

    def _id(key: str) -> str:
        return ids.make(_page_path(_page()) if not recording and not trial and env.page else "", "fig-" + figures.slug(key))

    @macro(summary=True)
    def depth_scale() -> Markup:
        """The needle-depth scale (SVG): the in-office range, the shallowest setting, home rollers with no length."""
        what = "the needle-depth scale (depth_scale)"
        d = figures.depth_scale(_fact_of("device.depth_range", schema.RangeFact, what),
                                _fact_of("device.shallowest_reach", schema.TextFact, what),
                                _fact_of("device.home_needles", schema.TextFact, what),
                                _fact_of("device.home_needle_length", schema.NotStatedFact, what),
                                who("device.depth_range"), who("device.home_needles"), strings)
        return render_partial("depth-scale.svg", d=d, id=_id("device.depth_range"))

    @macro("fact", kinds=("schedule",))
    def timeline(key: str) -> Markup:
        """A schedule fact as sessions over time (SVG): ``{{ timeline("frequency.acne_scarring") }}``."""
        item = _fact(key)
        if not isinstance(item, schema.ScheduleFact):
            raise ValueError(f"timeline() needs a schedule fact, and '{key}' is a {item.kind} fact")
        return render_partial("timeline.svg", t=figures.timeline(key, item, who(key), strings), id=_id(key))

    @macro(summary=True)
    def glance_card() -> Markup:
        """The home page's "At a glance" card of key facts (HTML)."""
        return render_partial("glance-card.html", v=fact)

    @macro(summary=True)
    def comparison_table() -> Markup:
        """At-home roller vs in-office pen, side by side (Markdown table); each cell says who says it."""
        return render_partial("comparison-table.md", v=fact)

    @macro(summary=True)
    def appointment_sheet() -> Markup:
        """The printable sheet: questions to ask, when the article says to skip or wait, the provider
        checks, the aftercare ticks, and the guide's address. Every fact is read in the template."""
        return render_partial("appointment-sheet.md", v=fact, site_url=_site_url(env, root))

    # Which facts each summary shows is read from its template: render it once
    # with the lookup recording every key it reads ("pages that use it", make facts).
    shows: dict[str, frozenset[str]] = {}
    try:
        for summary in summaries:
            seen: set[str] = set()
            recording.append(seen)
            try:
                summary()
            finally:
                recording.remove(seen)
            shows[summary.__name__] = frozenset(seen)
        try:
            site = pages.scan(docs, facts, specs, shows, display_root=docs_shown, lang=lang)
        except GuideErrors as exc:
            raise GuideErrors(sorted([*exc.errors, *pages.check_pairs(root, lang)], key=lambda e: (e.file, e.line or 0))) from None
        paired = pages.check_pairs(root, lang)
        if paired:
            raise GuideErrors(paired)
        # Fill every partial once now, so a mistake in one stops the build here, with its
        # file and line, in both engines, instead of in the middle of rendering a page.
        trial.append(_TrialPage())
        try:
            for key, item in all_facts.items():
                if isinstance(item, schema.ListFact):
                    for style in pagecheck.STYLES:
                        fact_list(key, style)
                elif isinstance(item, schema.ScheduleFact):
                    timeline(key)
            for key in facts.experts:
                expert(key), expert(key, full=True)
            for key in facts.quotes:
                quote(key)
            for block in (citation, facts_table, glossary, page_info, about_source, suggestion, not_covered):
                block()
        finally:
            trial.clear()
        problems = [e for name, out in dict.fromkeys(made) for e in rendered.check_partial(out, f"{PARTIALS}/{name}", lang)]
        if problems:
            raise GuideErrors(problems)
    except (GuideError, GuideErrors) as exc:
        raise _stop(exc) from None
    ids = figures.Ids()  # afresh: the trial renders above must not take ids from the pages
    try:
        problems = attribution.check_templates(root / PARTIALS, facts, PARTIALS)
        if problems:
            raise GuideErrors(problems)
        _check_not_covered(facts, site, root, docs_shown)
    except (GuideError, GuideErrors) as exc:
        raise _stop(exc) from None
    env.guide_facts = facts
    env.guide_site = site
    env.guide_lang = lang
    for warning in _review_warnings(site, docs_shown):
        print(f"WARNING  -  {warning}", file=sys.stderr)


def on_post_build(env: BuildEnv) -> None:
    """After a MkDocs build (mkdocs-macros calls this; Zensical does not, so `make build-zensical`
    runs ``python -m guide.postbuild``): valid toggles, lighter pages, a quicker start for
    Material's script, no unused copies of the inlined stylesheets, file links in the preview,
    and last the Content-Security-Policy (guide/postbuild.py run_all, guide/csp.py)."""
    custom_dir = env.conf["theme"].custom_dir
    # The other editions built inside this one (extra.editions roots such as "./es/"), for robots.txt.
    editions = tuple(e["root"].removeprefix("./") for e in (env.conf["extra"].get("editions") or {}).values()
                     if e.get("root", "").startswith("./") and e["root"] != "./")
    try:
        postbuild.run_all(env.conf["site_dir"], Path(custom_dir) / "stylesheets" if custom_dir else None,
                          file_urls=not env.conf["use_directory_urls"], policy=not serving(env.conf),
                          editions=editions)
    except (GuideError, GuideErrors, postbuild.MarkupChanged) as exc:
        raise _stop(exc) from None


def serving(conf: BuildConfig) -> bool:
    """True under ``mkdocs serve`` (``make serve``), which points site_url at its own address.

    Its live reload injects an inline script into every page it serves, with a new request id
    each time: no hash can allow it, so pages served for editing carry no Content-Security-Policy.
    The built site always does (tests/test_csp.py).
    """
    addr = conf.get("dev_addr")
    site_url = conf.get("site_url") or ""
    return addr is not None and site_url.startswith(f"http://{addr.host}:{addr.port}/")


class _TrialPage:
    """What ``page_info`` and ``facts_table`` read from a page, for the trial render in ``define_env``."""

    path = "index.md"
    meta = {"last_reviewed": dt.date(2020, 1, 1), "next_review": dt.date(2020, 1, 2)}


def _check_not_covered(facts: schema.Facts, site: pages.Site, root: Path, docs_shown: str = "docs") -> None:
    """A page named under not_covered: that is a slip for an existing page ("pian.md") stops the build.

    A name close to no page is let through: a smaller project (a test fixture, a preview
    with a few pages) shares the data file without having every page.
    """
    import difflib

    from guide.yamlsrc import load_with_lines

    for key, silence in facts.not_covered.items():
        for i, page in enumerate(silence.pages):
            close = difflib.get_close_matches(page, list(site.pages), n=1, cutoff=0.8) if page not in site.pages else None
            if close:
                _, lines = load_with_lines(root / DATA, DATA)
                raise GuideError(DATA, f"not_covered names a page that does not exist: '{page}'",
                                 line=lines.get(("not_covered", key, "pages", i)) or lines.get(("not_covered", key, "pages")),
                                 key=f"not_covered.{key}.pages", found=f"'{page}'",
                                 expected=f"the file name of a page under {docs_shown}/",
                                 fix=f"Did you mean '{close[0]}'? Correct the file name.")


def _site_url(env: MacrosEnv, root: Path) -> str:
    """The guide's published address (``site_url``), to print on the sheet; "" when there is none."""
    conf = env.conf
    if conf is not None:  # inside an engine: its own reading of the configuration
        return conf.get("site_url") or ""
    config = root / "mkdocs.yml"  # outside one (make facts, the tests): the same !ENV rule
    return siteurl.site_url(config) if config.is_file() else ""


REPORT_FORM = "report-an-error.yml"
"""The repository's issue form (.github/ISSUE_TEMPLATE/) that "Report a problem with this page" opens."""


def _report_link(env: MacrosEnv, root: Path, address: str) -> str:
    """The issue form of the guide's repository (``repo_url``) with ``address`` in its Page field: a plain
    link, so nothing is asked of GitHub until the reader clicks it; "" when there is no repository."""
    from urllib.parse import urlencode

    conf = env.conf
    if conf is not None:
        repo = conf.get("repo_url") or ""
    else:  # outside an engine (make facts, the tests): the same !ENV rule as the build
        config = root / "mkdocs.yml"
        repo = siteurl.resolve(siteurl.load_config(config).get("repo_url") or "") if config.is_file() else ""
    if not repo:
        return ""
    return f"{repo.rstrip('/')}/issues/new?" + urlencode({"template": REPORT_FORM, "page": address})


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


def _review_warnings(site: pages.Site, docs_shown: str = "docs") -> list[str]:
    today = dt.date.today()
    return [f"{docs_shown}/{p.path}: review overdue since {p.next_review} (run 'make review')"
            for p in pages.overdue(site, today) if p.next_review < today]


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
    return f"'{rows[line - 1].strip()[:100]}'" if line and 0 < line <= len(rows) else None


def _template_line(exc: BaseException, partial: str) -> int | None:
    """The line of ``partial`` (``includes/partials/<name>``) where ``exc`` was raised (Jinja maps its
    frames to template lines).

    A frame is the partial's when its file ends with that path, in whatever folder: the partial
    may have been compiled from an identical copy elsewhere (``_CompiledPartials``).
    """
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).as_posix().endswith("/" + partial):
            line = lineno
    return line


def _once(terms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The glossary page lists a word once: a plural ("dermarollers") whose singular is also a
    term is left out there (both still give tooltips on the pages)."""
    names = {term for term, _ in terms}
    return [(term, meaning) for term, meaning in terms if not (term.endswith("s") and term[:-1] in names)]


def _glossary(path: Path, shown: str, lang: str = "en") -> list[tuple[str, str]]:
    """``*[term]: meaning`` lines from the abbreviations file, checked as plain text without numbers, sorted by term."""
    terms = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        match = re.fullmatch(r"\*\[([^\]]+)\]: (.+)", line)
        if not match:
            raise GuideError(shown, "a glossary line in the wrong form", line=number, found=f"'{line[:100]}'",
                             expected="*[term]: meaning, one term per line",
                             fix="write the line as *[term]: what it means.")
        term, meaning = match[1], match[2].strip()
        for value in (term, meaning):
            problem = schema.plain_text_problem(value, schema.EMPHASIS)
            if problem:
                raise GuideError(shown, f"a glossary entry is not plain text: {problem}", line=number,
                                 found=f"'{value[:100]}'", expected=schema.PLAIN_TEXT_EXPECTED, fix=schema.PLAIN_TEXT_FIX)
            number_in = numbers.typed_number(value, lang)
            if number_in:
                raise GuideError(shown, f"a number in a glossary entry ('{number_in}')", line=number, found=f"'{value[:100]}'",
                                 expected=schema.NUMBER_IN_WORDS_EXPECTED,
                                 fix="explain the term in words; a figure from the article belongs in data/facts.yml and on the pages.")
        terms.append((term, meaning))
    return sorted(terms, key=lambda t: _alphabetical(t[0]))


def _alphabetical(term: str) -> tuple[str, str]:
    """Dictionary order in both languages: accents ignored ("ácido" among the a's), "ñ" after "n"."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", term.lower().replace("ñ", "n\uffff"))
                    if not unicodedata.combining(c))
    return plain, term


def _wrong_kind(root: Path, key: str, found: str, kind: type[object], what: str) -> GuideError:
    """A fact that ``what`` (a picture) draws has the wrong kind in the data file."""
    from guide.yamlsrc import load_with_lines

    wanted = next((name for name, model in schema.FACT_MODELS.items() if model is kind), kind.__name__)
    _, lines = load_with_lines(root / DATA, DATA)
    return GuideError(DATA, f"{what} needs '{key}' to be a {wanted} fact", line=lines.get(("facts", *key.split(".", 1), "kind")),
                      key=f"facts.{key}.kind", found=f"kind: {found}", expected=f"kind: {wanted}",
                      fix=f"give '{key}' the kind {wanted}, or change the picture in macros.py to use another fact.")
