"""The typed shape of ``data/facts.yml``.

Every model forbids unknown keys and requires every key it lists, so a typo
in the data file is an error, not a silent gap on the site. Each check of the
project's own raises ``PydanticCustomError(type, message, context)``: the loader
words its message from the type and the context, never from the text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from guide.data.numbers import typed_number

MAX_TEXT = 2000
"""Longest text value, in characters (the longest real one is a few hundred)."""

FORBIDDEN = {"<": "an angle bracket '<'", ">": "an angle bracket '>'", "[": "a square bracket '['",
             "]": "a square bracket ']'", "{": "a curly brace '{'", "}": "a curly brace '}'",
             "\\": "a backslash", "`": "a backtick '`'"}
"""Characters that Markdown, HTML or Jinja would read as markup. ``|`` is allowed: table cells escape it."""
EMPHASIS = {"*": "an asterisk '*' (Markdown would make bold or italic text)",
            "_": "an underscore '_' (Markdown would make italic text)"}
"""Refused too where text reaches Markdown (data values, the glossary); front matter goes into attributes."""
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
"""Soft hyphens, zero-width characters and direction overrides: they change what a reader sees
without showing, and hide words and numbers from the checks."""

PLAIN_TEXT_EXPECTED = ("plain text: no < > [ ] { } backslash or backtick (in data also no * or _), no invisible characters or line breaks, "
                       f"at most {MAX_TEXT} characters")
PLAIN_TEXT_FIX = ("write it as plain words; the site adds all formatting and links itself. "
                  "Use ( ) instead of [ ] and say 'less than' instead of '<'.")


def plain_text_problem(value: str, also: dict[str, str] | None = None) -> str | None:
    """Why ``value`` is not plain text (a few words for an error message), or ``None``.

    ``also`` adds characters to refuse (front matter refuses the straight double
    quote: the theme puts the title and description into attributes).
    """
    if len(value) > MAX_TEXT:
        return f"it is {len(value)} characters long"
    for char, name in {**FORBIDDEN, **(also or {})}.items():
        if char in value:
            return f"it contains {name}"
    for char in value:
        if char in INVISIBLE:
            return f"it contains an invisible character (U+{ord(char):04X})"
        if char in "\n\r" or (ord(char) < 32 and char != "\t") or ord(char) == 127:
            return "it contains a line break or a control character" if char in "\n\r" else "it contains a control character"
    return None


def _plain(value: str) -> str:
    problem = plain_text_problem(value, EMPHASIS)
    if problem:
        raise PydanticCustomError("not_plain_text", "not plain text: {problem}", {"problem": problem})
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_plain)]


def _wordy(value: str) -> str:
    number = typed_number(value)
    if number:
        raise PydanticCustomError("number_in_words", "a number in words: '{number}'", {"number": number})
    return value


Words = Annotated[Text, AfterValidator(_wordy)]
"""Text that states no number (a label, a text value, a list item, a note, a topic): a number is a
fact of its own, a number, range or schedule, so every page and picture shows it the same way."""
NUMBER_IN_WORDS_EXPECTED = "words without numbers: no digits, and no number word before a unit ('eleven needles')"
NUMBER_IN_WORDS_FIX = ("make the number a fact of its own (kind: number, range or schedule, with its unit) and show it "
                       "with {{ fact(\"...\") }}; or, if the article gives no figure, say so in words ('a few', 'not stated').")
Positive = Annotated[float, Field(gt=0, strict=True)]
Count = Annotated[int, Field(gt=0, strict=True)]
Unit = Literal["mm", "minutes", "days", "weeks", "months", "years", "needles"]
TimeUnit = Literal["days", "weeks", "months", "years"]
NumberUnit = Literal["mm", "minutes", "days", "weeks", "months", "years", "needles", ""]  # "": a bare number (SPF)
Kind = Literal["number", "range", "text", "list", "schedule", "not_stated"]
KINDS: tuple[str, ...] = get_args(Kind)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """The article the guide is built from."""

    title: Text
    authors: Annotated[list[Text], Field(min_length=1)]
    publisher: Text
    published: dt.date

    @model_validator(mode="after")
    def _not_in_future(self) -> Source:
        if self.published > dt.date.today():
            raise PydanticCustomError("published_in_future", "the publication date {published} is in the future",
                                      {"published": str(self.published)})
        return self
    url: Annotated[str, StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+(/[^\s\"'<>\\`{}|^]*)?$", max_length=MAX_TEXT)]
    kind: Text
    """What kind of source it is, for the "About this source" note: "a US lifestyle magazine article"."""
    cites_studies: bool
    """Whether the article cites any studies (the note says so either way)."""


class Expert(_Model):
    """A person the article quotes."""

    name: Text
    title: Text
    credentials: Text
    role: Words
    short_role: Words
    """The role in a word or two, for the short form: "dermatologist"."""

    @property
    def short(self) -> str:
        """``Dr. Sheila Nazarian``."""
        return f"{self.title} {self.name}"

    @property
    def surname(self) -> str:
        """``Dr. Nazarian``: how the pages name her after the first mention."""
        return f"{self.title} {self.name.split()[-1]}"


class Quote(_Model):
    """A short quote, kept word for word and attributed."""

    expert: Text
    text: Text


class _Fact(_Model):
    label: Words
    expert: Text
    source: Text


Qualifier = Literal["about", "typically about", "at least", "up to"]
"""The article's hedges on a figure; shown before the value, so no page can drop them."""
QUALIFIER_WORDS: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {
    "about": {"en": (("about", "around", "roughly", "approximately"),),
              "es": (("alrededor de", "unos", "unas", "aproximadamente", "cerca de", "más o menos"),)},
    "typically about": {"en": (("typically", "usually", "generally", "normally"), ("about", "around", "roughly", "approximately")),
                        "es": (("por lo general", "en general", "normalmente", "generalmente", "habitualmente"),
                               ("alrededor de", "unos", "unas", "aproximadamente", "cerca de", "más o menos"))},
    "at least": {"en": (("at least", "no less than", "a minimum of"),), "es": (("al menos", "como mínimo", "por lo menos"),)},
    "up to": {"en": (("up to", "as much as", "as many as"),), "es": (("hasta",),)},
}
"""The words each qualifier's hedge string (``hedge_<qualifier>`` in includes/strings/<lang>.yml) says in each language:
one word of each group ("typically" and "about"). ``QUALIFIER_CONTRARY``, and another qualifier's words, it may not say
("at most {value}" for "at least": the ninth no-hints attack, H1)."""
QUALIFIER_CONTRARY: dict[str, tuple[str, ...]] = {
    "en": ("at most", "at the most", "no more than", "maximum", "or less", "or fewer", "exactly", "only", "just", "precisely",
           "minimum", "or more", "more than", "less than", "fewer than"),
    "es": ("como máximo", "a lo sumo", "máximo", "no más de", "o menos", "exactamente", "solo", "sólo", "justo", "mínimo",
           "o más", "más de", "menos de"),
}
"""Words no hedge may say beside its own: another bound ("at most", "como máximo"), or none ("exactly", "solo")."""


class NumberFact(_Fact):
    kind: Literal["number"]
    value: Positive
    unit: NumberUnit
    qualifier: Qualifier | None = None


def _check_order(low: float, high: float) -> None:
    if low > high:
        raise PydanticCustomError("min_above_max", "the minimum ({min}) is larger than the maximum ({max})",
                                  {"min": num(low), "max": num(high)})


class RangeFact(_Fact):
    kind: Literal["range"]
    min: Positive
    max: Positive
    unit: Unit
    qualifier: Qualifier | None = None

    @model_validator(mode="after")
    def _ordered(self) -> RangeFact:
        _check_order(self.min, self.max)
        return self


class TextFact(_Fact):
    kind: Literal["text"]
    value: Words


Scope = Literal["complete", "examples"]
"""``complete``: the article's whole list. ``examples``: the article says "such as" or "like"."""

Joined = Literal["and", "or"]
"""How a list's items go together in one phrase: ``or`` when any one of them is enough (the article's
"eczema, rosacea, or very sensitive skin"), so a list of warnings never reads as if all must apply."""


class ListFact(_Fact):
    kind: Literal["list"]
    items: Annotated[list[Words], Field(min_length=1)]
    scope: Scope
    joined_by: Joined

    @model_validator(mode="after")
    def _unique(self) -> ListFact:
        seen: set[str] = set()
        for item in self.items:
            if item.lower() in seen:
                raise PydanticCustomError("item_twice", "the item '{item}' is listed twice", {"item": item})
            seen.add(item.lower())
        return self


class Sessions(_Model):
    """How many sessions: a whole-number range (min may equal max)."""

    min: Count
    max: Count

    @model_validator(mode="after")
    def _ordered(self) -> Sessions:
        _check_order(self.min, self.max)
        return self


class Interval(_Model):
    """Time between sessions: a range in days, weeks, months or years."""

    min: Positive
    max: Positive
    unit: TimeUnit

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        _check_order(self.min, self.max)
        return self


class ScheduleFact(_Fact):
    kind: Literal["schedule"]
    for_whom: Words
    sessions: Sessions | None = None
    every: Interval | None = None
    qualifier: Qualifier | None = None
    """A hedge on the number of sessions ("about four to six sessions"), or on the interval if there is no count."""
    starts_after: Words | None = None
    """What the plan follows ("the monthly plan"), when it does not start now: its timeline counts from there."""

    @model_validator(mode="after")
    def _something(self) -> ScheduleFact:
        if self.sessions is None and self.every is None:
            raise PydanticCustomError("schedule_empty", "a schedule needs 'sessions', 'every' or both")
        return self


class NotStatedFact(_Fact):
    kind: Literal["not_stated"]
    note: Words


Fact = Annotated[
    NumberFact | RangeFact | TextFact | ListFact | ScheduleFact | NotStatedFact,
    Field(discriminator="kind"),
]


class Silence(_Model):
    """A topic the article says nothing about, and the pages whose "does not cover" note lists it."""

    topic: Words
    pages: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")]], Field(min_length=1)]


class Facts(_Model):
    """The whole data file."""

    source: Source
    experts: Annotated[dict[str, Expert], Field(min_length=1)]
    facts: Annotated[dict[str, Annotated[dict[str, Fact], Field(min_length=1)]], Field(min_length=1)]
    quotes: dict[str, Quote] = Field(default_factory=dict)
    not_covered: Annotated[dict[str, Silence], Field(min_length=1)]

    def all_facts(self) -> dict[str, FactT]:
        """Every fact by its dotted key, ``group.name``."""
        return {f"{group}.{name}": fact for group, items in self.facts.items() for name, fact in items.items()}


FactT = NumberFact | RangeFact | TextFact | ListFact | ScheduleFact | NotStatedFact

FACT_MODELS: dict[str, type[BaseModel]] = {get_args(model.model_fields["kind"].annotation)[0]: model for model in get_args(FactT)}
"""The model of each fact kind (``"range"``: ``RangeFact``), read from the models' own ``kind`` literals."""


def kinds_with_key(key: str) -> list[str]:
    """The fact kinds whose model has ``key`` besides the keys every fact has (``label``, ``expert``,
    ``source``), to explain a key written under a fact of another kind."""
    return [kind for kind, model in FACT_MODELS.items() if key in model.model_fields and key not in _Fact.model_fields]


def num(value: float) -> str:
    """``11`` for 11.0, ``0.5`` for 0.5: how every number is written, on the pages (``render.num``)
    and in the data checks' messages."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def fact_numbers_with_units(fact: FactT) -> list[tuple[float, str]]:
    """The numbers a fact states, each with its unit: its value, its range, its sessions
    ("sessions") and interval."""
    if isinstance(fact, NumberFact):
        return [(fact.value, fact.unit)]
    if isinstance(fact, RangeFact):
        return [(fact.min, fact.unit), (fact.max, fact.unit)]
    if isinstance(fact, ScheduleFact):
        out: list[tuple[float, str]] = []
        if fact.sessions:
            out += [(fact.sessions.min, "sessions"), (fact.sessions.max, "sessions")]
        if fact.every:
            out += [(fact.every.min, fact.every.unit), (fact.every.max, fact.every.unit)]
        return out
    return []


def fact_numbers(fact: FactT) -> list[float]:
    """The numbers a fact states (its value, its range, its sessions and interval)."""
    return [number for number, _ in fact_numbers_with_units(fact)]
