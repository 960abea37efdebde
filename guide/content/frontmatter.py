"""A page's front matter, checked by a pydantic model (:class:`FrontMatter`): only the allowed keys, every
required one, a description of the right length, ``hide`` and ``search`` as listed, real review dates in
order, and plain texts.

Each check raises ``PydanticCustomError(type, what, {"found": ..., "expected": ..., "fix": ...})``; :func:`read`
reports the first problem, in the order an editor fixes them (:data:`ORDER`), as one ``GuideError`` built
from its type, its key and its context.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo
from pydantic_core import ErrorDetails, PydanticCustomError

from guide.data import schema
from guide.data.yamlsrc import load_text
from guide.errors import GuideError, did_you_mean

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
FRONT_MATTER_REFUSED = {'"': "a straight double quote", "'": "a straight single quote or apostrophe (')",
                        ";": "a semicolon ';'"}
"""Refused in the front matter's texts (title, description, review_note) besides ``schema.FORBIDDEN``: the
theme prints them into attributes, and a template could print them into a script, where a quote ends the
string and ';' starts a statement. Typographic quotes (’ “ ”) are allowed."""
GRACE = dt.timedelta(days=1)
"""``last_reviewed`` may be tomorrow by the build machine's clock: an editor's day may have begun already."""
MAX_REVIEW_YEARS = 2
"""``next_review`` at most this many years after ``last_reviewed``."""
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
"""What ``hide:`` may list (Material's names). ``status`` and ``template`` are not allowed: a page
cannot pick its own template, and a status value went into every page's navigation."""
TEXTS = ("title", "description", "review_note")
"""The front matter's texts, in the order they are checked: the theme prints them in markup and scripts."""


def _show(value: object) -> str:
    return f"'{value}'" if isinstance(value, str) else ("a list" if isinstance(value, list) else repr(value))


def _problem(kind: str, what: str, found: str, expected: str, fix: str) -> PydanticCustomError:
    return PydanticCustomError(kind, what, {"found": found, "expected": expected, "fix": fix})


def _plain(value: object, info: ValidationInfo) -> object:
    """A text of the front matter is plain text."""
    problem = schema.plain_text_problem(value, FRONT_MATTER_REFUSED) if isinstance(value, str) else "it is not text"
    if problem:
        raise _problem("not_plain_text", f"the {info.field_name} is not plain text: {problem}", _show(value)[:120],
                       schema.PLAIN_TEXT_EXPECTED.replace(" backslash", " \" ' ; backslash"),
                       schema.PLAIN_TEXT_FIX + " For quotation marks use curly quotes “ ”, for an "
                       "apostrophe ’ (doctor’s), and a comma or a full stop for ';'.")
    return value


def _given(value: object) -> None:
    """A required key has a value (a missing key is pydantic's own ``missing``)."""
    if value in (None, ""):
        raise PydanticCustomError("empty", "an empty value")


def _description(value: object, info: ValidationInfo) -> object:
    _given(value)
    if not isinstance(value, str) or len(value) < 50 or len(value) > 160:
        raise _problem("description_length", "the description is the wrong length", f"{len(str(value))} characters",
                       "one sentence of 50 to 160 characters (search engines show it under the title)",
                       "rewrite the description.")
    return _plain(value, info)


def _date(value: object, info: ValidationInfo) -> dt.date:
    """A review date, as a date (YAML reads an unquoted one as a date; a quoted one is read here)."""
    _given(value)
    day = value
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            day = None
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise _problem("not_a_date", f"'{info.field_name}' is not a date", repr(value),
                       "a date written YYYY-MM-DD, such as 2026-11-24", "write the date as year-month-day with dashes.")
    return day


def _last_reviewed(value: object, info: ValidationInfo) -> dt.date:
    day, today = _date(value, info), dt.date.today()
    if day > today + GRACE:
        raise _problem("review_dates", "'last_reviewed' is in the future", str(day),
                       f"the date the page was last checked: today ({today}) or earlier (a day's grace for "
                       "editors whose day has begun ahead of the build machine's clock)",
                       "write the date of the review you did, not a planned one (that is next_review).")
    return day


def _next_review(value: object, info: ValidationInfo) -> dt.date:
    day, last = _date(value, info), info.data.get("last_reviewed")
    if last is None:
        return day  # last_reviewed has a problem of its own, told first
    if day <= last:
        raise _problem("review_dates", "'next_review' is not after 'last_reviewed'", f"{day} (last reviewed {last})",
                       "a next review date later than the last review",
                       "set next_review to the date the page should next be checked.")
    limit = _years_after(last, MAX_REVIEW_YEARS)
    if day > limit:
        raise _problem("review_dates", "'next_review' is too far in the future", f"{day} (last reviewed {last})",
                       f"a review within {MAX_REVIEW_YEARS} years of the last one: {limit} at the latest",
                       "set next_review to the date the page should next be checked against the article "
                       "(health pages are reviewed at least every two years).")
    return day


def _hide(value: object) -> object:
    if not (isinstance(value, list) and all(h in HIDE for h in value)):
        raise _problem("hide", "'hide' lists something that cannot be hidden", _show(value),
                       "a list of " + ", ".join(HIDE), "use only those names, one per '- ' line.")
    return value


def _search(value: object) -> object:
    if value not in ({"exclude": True}, {"exclude": False}):
        raise _problem("search", "'search' takes only 'exclude: true'", _show(value), "search: {exclude: true}",
                       "write 'search: {exclude: true}' to keep the page out of search, or remove the line.")
    return value


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class FrontMatter(BaseModel):
    """The keys a page's front matter may have, in the order its messages list them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Annotated[str, BeforeValidator(_description)]
    last_reviewed: Annotated[dt.date, BeforeValidator(_last_reviewed)]
    next_review: Annotated[dt.date, BeforeValidator(_next_review)]
    title: Annotated[str | None, BeforeValidator(_plain)] = None
    hide: Annotated[list[str] | None, BeforeValidator(_hide)] = None
    search: Annotated[dict[str, object] | None, BeforeValidator(_search)] = None
    review_note: Annotated[str | None, BeforeValidator(_plain)] = None

    def texts(self) -> dict[str, str]:
        """The title, description and review note the page gives, by key."""
        return {key: text for key in TEXTS if isinstance(text := getattr(self, key), str)}


ALLOWED = tuple(FrontMatter.model_fields)
REQUIRED = tuple(key for key, spec in FrontMatter.model_fields.items() if spec.is_required())
ORDER = ("unknown", "missing", "description_length", "hide", "search", "not_a_date", "review_dates", "not_plain_text")
"""The checks, in the order an editor meets their messages: one message at a time, the first."""


def read(text: str, shown: str) -> tuple[FrontMatter, dict[Any, int], str]:
    """A page's front matter (``text`` is the whole page): the checked keys, the line of each key, and the
    block itself with its two '---' lines. Raises a ``GuideError`` for the first problem."""
    match = FRONT_MATTER.match(text)
    if not match and re.match(r"---[ \t]*\n", text):
        raise GuideError(shown, "the front matter has no closing '---' line", line=1, found="'---' on line 1 and no second '---' line",
                         expected="the front matter between two '---' lines, each alone on its line",
                         fix="add a line '---' after the last front matter key (see docs/_template.md).")
    if not match:
        first = text.splitlines()[0] if text.strip() else ""
        raise GuideError(shown, "the page has no front matter", line=1,
                         found=f"'{first[:60]}'" if first else "an empty first line",
                         expected="a block between two '---' lines at the top with " + ", ".join(REQUIRED),
                         fix="copy the front matter from docs/_template.md and fill it in.")
    # Parse the block on its own, keeping line numbers (the block starts on line 2);
    # this also refuses a key given twice and a date that does not exist.
    meta, key_lines = load_text(match.group(1), shown, first_line=2, what="front matter is not valid YAML")
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise GuideError(shown, "front matter is not a set of keys", line=2, found=_show(meta),
                         expected="lines like 'description: ...'", fix="write one 'key: value' per line.")
    lines = {k[0]: v for k, v in key_lines.items() if len(k) == 1}
    try:
        return FrontMatter.model_validate(meta), lines, match.group(0)
    except ValidationError as exc:
        raise _first(exc.errors(include_url=False), meta, lines, shown, match.group(0).count("\n")) from None


def _first(errors: list[ErrorDetails], meta: Mapping[Any, Any], lines: Mapping[Any, int], shown: str,
           end: int) -> GuideError:
    """The first of the model's ``errors`` (:data:`ORDER`), worded from its type, key and context.
    ``end``: the line of the closing '---'."""
    keys = {str(key): key for key in reversed(list(meta))}  # pydantic names a key that is not text by its str()

    def place(err: ErrorDetails) -> tuple[int, int]:
        kind = err["type"]
        stage = ORDER.index({"extra_forbidden": "unknown", "invalid_key": "unknown", "empty": "missing"}.get(kind, kind))
        key = keys.get(str(err["loc"][0]), err["loc"][0])
        return stage, (list(meta).index(key) if stage == 0 else
                       TEXTS.index(str(key)) if kind == "not_plain_text" else ALLOWED.index(str(key)))

    err = min(errors, key=place)
    key = keys.get(str(err["loc"][0]), err["loc"][0])
    if err["type"] in ("extra_forbidden", "invalid_key"):
        hint = did_you_mean(str(key), ALLOWED)
        return GuideError(shown, f"unknown front matter key '{key}'", line=lines.get(key), key=str(key),
                          found=f"'{key}'", expected="one of " + ", ".join(ALLOWED),
                          fix=(hint + " " if hint else "") + "Rename or remove it.")
    if err["type"] in ("missing", "empty"):
        return GuideError(shown, f"missing front matter key '{key}'", line=lines.get(key, 1), key=str(key),
                          found=f"no '{key}' line" if err["type"] == "missing" else "an empty value",
                          expected=f"a line '{key}: ...' in the front matter (between the '---' lines 1 and {end})",
                          fix="add it; see docs/_template.md." if key == "description"
                          else "add it as a date written YYYY-MM-DD.")
    ctx = err.get("ctx", {})
    return GuideError(shown, err["msg"], line=lines.get(key), key=str(key), found=ctx["found"],
                      expected=ctx["expected"], fix=ctx["fix"])
