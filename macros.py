"""Macros for the microneedling guide (mkdocs-macros ``module_name: macros``).

Thin on purpose: ``define_env`` loads ``data/facts.yml`` through the typed
schema in ``guide/``, checks every page, and registers a few small macros.
Markup lives in ``includes/partials/``; plain-English wording of values lives
in ``guide/render.py``. Nothing here imports MkDocs, so Zensical can load it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

# Engines load this file by path; make the ``guide`` package beside it importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from guide import figures, pages, postbuild, render, schema  # noqa: E402
from guide.errors import GuideError, GuideErrors  # noqa: E402
from guide.loader import load_facts  # noqa: E402

DATA = "data/facts.yml"
PARTIALS = "includes/partials"
GLOSSARY = "includes/abbreviations.md"


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
    return PluginError(str(exc))


def define_env(env: Any) -> None:
    """Load the facts, check the pages, register the macros."""
    root = Path(env.project_dir)
    try:
        facts = load_facts(root / DATA, DATA)
    except (GuideError, GuideErrors) as exc:
        raise _stop(exc) from None
    specs: dict[str, pages.MacroSpec] = {}
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / PARTIALS),
        autoescape=jinja2.select_autoescape(["html", "svg"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    templates.filters["cell"] = _cell
    templates.filters["sentence"] = figures.sentence
    templates.globals.update(figures.TEMPLATE_GLOBALS)
    ids = figures.Ids()  # ids unique per page, for the pictures

    def macro(arg: str | None = None, uses: tuple[str, ...] = ()) -> Callable:
        def register(fn: Callable) -> Callable:
            specs[fn.__name__] = pages.MacroSpec(arg, uses)
            env.macro(fn)
            return fn
        return register

    def _fact(key: str) -> schema.FactT:
        return facts.all_facts()[key]

    @macro("fact")
    def fact(key: str, part: str | None = None) -> str:
        """A fact's value as inline text: ``{{ fact("device.depth_range") }}`` gives "0.5 to 2.5 mm".

        ``part`` picks a piece: "min"/"max" of a range, "note" of a not-stated
        fact, "sessions"/"every" of a schedule, "or" to join a list with "or".
        """
        return render.fact_text(_fact(key), part)

    @macro("fact")
    def fact_list(key: str, style: str = "bullets") -> str:
        """A list fact as a Markdown list; ``style`` is "bullets", "steps" or "checks"."""
        item = _fact(key)
        if not isinstance(item, schema.ListFact):
            raise ValueError(f"fact_list() needs a list fact, and '{key}' is a {item.kind} fact")
        return templates.get_template("list.md").render(items=item.items, style=style)

    @macro("expert")
    def expert(key: str, full: bool = False) -> str:
        """"Dr. Sheila Nazarian"; with ``full=True`` her credentials and role too."""
        person = facts.experts[key]
        return templates.get_template("expert.md").render(person=person, full=full).strip()

    @macro("quote")
    def quote(key: str) -> str:
        """A short quote as a Markdown block quote, attributed by name."""
        item = facts.quotes[key]
        return templates.get_template("quote.md").render(quote=item, person=facts.experts[item.expert])

    @macro()
    def citation() -> str:
        """The source article as a full citation (Markdown)."""
        return templates.get_template("citation.md").render(source=facts.source).strip()

    @macro()
    def facts_table() -> str:
        """Every fact: its value, who said it, the source passage and the pages that use it.

        Plain HTML, so the quoted passages carry no glossary markup (a lighter page).
        """
        here = _page_path(env.page)
        rows = []
        for key, item in facts.all_facts().items():
            rows.append({
                "key": key,
                "fact": item,
                "value": render.fact_text(item),
                "who": "the article" if item.expert == "article" else facts.experts[item.expert].short,
                "links": [(pages.href(here, p.path), p.title) for p in env.variables["site_pages"].pages_using(key)],
            })
        return templates.get_template("facts-table.html").render(rows=rows)

    @macro()
    def glossary() -> str:
        """The glossary page's list, from the same file that gives every page its tooltips."""
        return templates.get_template("glossary.md").render(terms=_glossary(root / GLOSSARY))

    @macro()
    def page_info() -> str:
        """Review dates, the source line and the not-medical-advice note for this page."""
        meta = env.page.meta
        depth = _page_path(env.page).count("/")
        return templates.get_template("page-info.md").render(
            last=_date(meta["last_reviewed"]), next=_date(meta["next_review"]),
            source=facts.source, up="../" * depth,
        )

    # --- pictures and the printable sheet (geometry and wording: guide/figures.py) ---

    def _id(key: str) -> str:
        return ids.make(_page_path(env.page) if env.page else "", "fig-" + figures.slug(key))

    @macro(uses=("device.depth_range", "device.shallowest_reach", "device.home_needle_length"))
    def depth_scale() -> str:
        """The needle-depth scale (SVG): the in-office range, the shallowest setting, home rollers with no length."""
        d = figures.depth_scale(_fact("device.depth_range"), _fact("device.shallowest_reach"),
                                _fact("device.home_needle_length"))
        return templates.get_template("depth-scale.svg").render(d=d, id=_id("device.depth_range"))

    @macro("fact")
    def timeline(key: str) -> str:
        """A schedule fact as sessions over time (SVG): ``{{ timeline("frequency.acne_scarring") }}``."""
        item = _fact(key)
        if not isinstance(item, schema.ScheduleFact):
            raise ValueError(f"timeline() needs a schedule fact, and '{key}' is a {item.kind} fact")
        return templates.get_template("timeline.svg").render(t=figures.timeline(key, item), id=_id(key))

    @macro(uses=("device.needle_count", "device.depth_range", "appointment.numbing_time", "recovery.pain",
                 "recovery.skin_after", "candidates.skin_types", "frequency.upkeep", "aftercare.spf_min"))
    def glance_card() -> str:
        """The home page's "At a glance" card of key facts (HTML)."""
        return templates.get_template("glance-card.html").render(v=fact)

    @macro(uses=("device.home_needle_length", "device.depth_range", "at_home.results", "at_home.office_results",
                 "provider.licensed", "at_home.how_to_use", "appointment.numbing_time", "appointment.serum"))
    def comparison_table() -> str:
        """At-home roller vs in-office pen, side by side (Markdown table)."""
        steps = _fact("at_home.how_to_use").items  # type: ignore[union-attr]
        return templates.get_template("comparison-table.md").render(v=fact, home_steps=steps)

    @macro(uses=figures.SHEET_FACTS)
    def appointment_sheet() -> str:
        """The printable sheet: questions to ask, what to tell the provider, the aftercare ticks."""
        return templates.get_template("appointment-sheet.md").render(s=figures.sheet(facts.all_facts()))

    env.variables["facts"] = facts
    known = [*env.variables, "site_pages", *env.macros, *(getattr(env, "filters", None) or {})]
    try:
        site = pages.scan(root / "docs", facts, specs, names=known)
    except GuideError as exc:
        raise _stop(exc) from None
    env.variables["site_pages"] = site
    for warning in _review_warnings(site):
        print(f"WARNING  -  {warning}", file=sys.stderr)


def on_post_build(env: Any) -> None:
    """After a MkDocs build (mkdocs-macros calls this; Zensical does not, so `make build-zensical`
    runs ``python -m guide.postbuild``): valid toggles, lighter pages, a quicker start for
    Material's script, no unused copies of the inlined stylesheets, file links in the preview,
    and last the Content-Security-Policy (guide/postbuild.py run_all, guide/csp.py)."""
    custom_dir = env.conf["theme"].custom_dir
    postbuild.run_all(env.conf["site_dir"], Path(custom_dir) / "stylesheets" if custom_dir else None,
                      file_urls=not env.conf["use_directory_urls"], policy=not _serving(env.conf))


def _serving(conf: Any) -> bool:
    """True under ``mkdocs serve`` (``make serve``), which points site_url at its own address.

    Its live reload injects an inline script into every page it serves, with a new request id
    each time: no hash can allow it, so pages served for editing carry no Content-Security-Policy.
    The built site always does (tests/test_csp.py).
    """
    addr = conf.get("dev_addr")
    site_url = conf.get("site_url") or ""
    return bool(addr) and site_url.startswith(f"http://{addr.host}:{addr.port}/")


def _review_warnings(site: pages.Site) -> list[str]:
    today = dt.date.today()
    return [f"docs/{p.path}: review overdue since {p.next_review} (run 'make review')"
            for p in pages.overdue(site, today) if p.next_review < today]


def _page_path(page: Any) -> str:
    """``pain.md``: MkDocs pages have ``file.src_path``, Zensical pages ``path``."""
    return getattr(getattr(page, "file", None), "src_path", None) or page.path


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _cell(value: Any) -> str:
    """Make text safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _glossary(path: Path) -> list[tuple[str, str]]:
    """``*[term]: meaning`` lines from the abbreviations file, sorted by term."""
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*[") and "]: " in line:
            term, meaning = line[2:].split("]: ", 1)
            terms.append((term, meaning.strip()))
    return sorted(terms, key=lambda t: t[0].lower())
