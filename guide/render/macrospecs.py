"""The macros a page may call, each declared once: its name and arguments, the facts it takes, whether
it makes a block, whether it shows facts, what it gives and an example call.

Everything that needs to know a macro reads this table: the page check (``guide.content.pagecheck``: names,
arguments, keys, kinds, parts, styles, blocks alone on their line), who-said-it (``guide.content.attribution``:
the macros that show a fact), the trial render of every partial (``guide.build.library``), the pairs of the
two editions (``guide.content.pages``), and CONTRIBUTING.md's table (``macro_table``, which a test compares
with the file). Adding a macro: one ``Spec`` here, its method in ``guide.build.library``, and its partial.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

PARTS = {"range": ("min", "max"), "not_stated": ("note",), "schedule": ("sessions", "every"), "list": ("or",)}
"""The parts of a fact a page may show alone, by the fact's kind (``fact("device.depth_range", "max")``)."""
STYLES = ("bullets", "steps", "checks")
"""How ``fact_list`` lays out a list."""


@dataclass(frozen=True)
class Param:
    """One argument: ``takes`` is what it must be (a fact, expert or quote key, a part, a style, a picture's
    file name, its alt text, words, True/False)."""

    name: str
    takes: str
    default: object = inspect.Parameter.empty

    @property
    def required(self) -> bool:
        return self.default is inspect.Parameter.empty


@dataclass(frozen=True)
class Spec:
    """One macro."""

    name: str
    params: tuple[Param, ...]
    gives: str
    example: str
    kinds: tuple[str, ...] = ()
    """The fact kinds its first argument accepts (none: any kind)."""
    block: bool = False
    """It makes a block (a list, a picture, a table, a note): alone on its line."""
    shows: bool = False
    """It shows the fact its first argument names: who-said-it checks it, make facts lists the page."""
    summary: bool = False
    """It shows facts its partial reads itself (the card, the table, the sheet, the depth scale)."""
    paired: bool = True
    """A page and its pair in the other edition make the same calls of it."""
    needed: str = ""
    """Which pages must call it: "every" page, or the pages data/facts.yml's "not_covered" topics name ("" none)."""

    @property
    def key(self) -> str | None:
        """What its first argument names ("fact", "expert", "quote"), if a key."""
        first = self.params[0].takes if self.params else None
        return first if first in ("fact", "expert", "quote") else None

    @property
    def signature(self) -> inspect.Signature:
        return inspect.Signature([inspect.Parameter(p.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=p.default)
                                  for p in self.params])

    def usage(self) -> str:
        return f"{self.name}({', '.join(p.name for p in self.params)})" if self.params else f"{self.name}()"


def _key(name: str, takes: str) -> Param:
    return Param(name, takes)


MACROS: dict[str, Spec] = {spec.name: spec for spec in (
    Spec("fact", (_key("key", "fact"), Param("part", "part", None)), shows=True, example='fact("device.depth_range")',
         gives='a fact\'s value in a sentence, with its unit and the article\'s hedge; a part alone: '
               'fact("device.depth_range", "max") gives the range\'s upper end; '
               'fact("candidates.avoid_skin", "or") joins a list with "or"; fact("x", "note") a not-stated fact\'s note'),
    Spec("fact_list", (_key("key", "fact"), Param("style", "style", "bullets")), kinds=("list",), block=True, shows=True,
         example='fact_list("appointment.steps", "steps")', gives='a list fact as bullets, numbered "steps" or tick-box "checks"'),
    Spec("timeline", (_key("key", "fact"),), kinds=("schedule",), block=True, shows=True,
         example='timeline("frequency.acne_scarring")', gives="a schedule as sessions over time (a picture)"),
    Spec("expert", (_key("key", "expert"), Param("full", "bool", False)), example='expert("nazarian")',
         gives='the doctor\'s name and role, as data/facts.yml gives them; with full=True her full name and credentials (home and sources pages)'),
    Spec("quote", (_key("key", "quote"),), block=True, example='quote("tricking")',
         gives="a short quote, word for word, with its doctor's name (on a Spanish page, our translation beside her words)"),
    Spec("en", (Param("words", "words"),), paired=False, example='en("microneedling")',
         gives="English words on a page of another edition, marked as English for screen readers"),
    Spec("suggestion", (), paired=False, example="suggestion()", gives='the label "Our suggestion:" before the guide\'s own advice'),
    Spec("not_covered", (), block=True, example="not_covered()", needed="not_covered",
         gives="what the article does not cover, for this page (its not-stated facts and the not_covered topics)"),
    Spec("citation", (), block=True, example="citation()", gives="the article as a full citation"),
    Spec("about_source", (), block=True, example="about_source()", gives="what kind of source the guide rests on"),
    Spec("facts_table", (), block=True, example="facts_table()", gives="every fact with who said it, its passage and its pages"),
    Spec("glossary", (), block=True, example="glossary()", gives="the glossary's list (the tooltips come from the same file)"),
    Spec("page_info", (), block=True, example="page_info()", needed="every",
         gives="the review dates, the source, the not-medical-advice note and the link to report a problem"),
    Spec("picture", (Param("name", "picture"), Param("alt", "alt", None)), block=True,
         example='picture("pen-device.webp", alt="A pen-style device on a tray")',
         gives="a PNG, JPEG or WebP picture from pictures/ (both editions), with alt text in the page's language "
               "(see Add a picture, below)"),
    Spec("depth_scale", (), block=True, summary=True, example="depth_scale()", gives="the needle-depth scale (a picture)"),
    Spec("glance_card", (), block=True, summary=True, example="glance_card()", gives='the "At a glance" card'),
    Spec("comparison_table", (), block=True, summary=True, example="comparison_table()",
         gives="at-home roller and in-office pen, side by side"),
    Spec("appointment_sheet", (), block=True, summary=True, example="appointment_sheet()",
         gives="the printable appointment sheet"),
)}

TEMPLATE_SHOWS = ("v", "items")
"""What partials call to show a fact (``v("key")``, ``items("key")``), besides the macros that show one."""
SHOWS = tuple(name for name, spec in MACROS.items() if spec.shows) + TEMPLATE_SHOWS
BLOCKS = tuple(name for name, spec in MACROS.items() if spec.block)


def macro_table() -> str:
    """CONTRIBUTING.md's table of the macros, from the declarations (a test keeps the file equal to it)."""
    rows = ["| Write | It gives | Block |", "| --- | --- | --- |"]
    for spec in MACROS.values():
        rows.append(f"| `{{{{ {spec.example} }}}}` | {spec.gives} | {'alone on its line' if spec.block else 'in a sentence'} |")
    return "\n".join(rows)
