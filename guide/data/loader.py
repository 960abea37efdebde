"""Load ``data/facts.yml`` into the typed schema, with editor-friendly errors."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from guide.data import meaning, passages, schema
from guide.data.yamlsrc import KEY, Path_, dotted, line_of, load_with_lines
from guide.errors import GuideError, GuideErrors, did_you_mean, nearest

_EXPECTED = {
    "float_type": "a number, such as 2.5",
    "int_type": "a whole number, such as 4",
    "int_from_float": "a whole number, such as 4",
    "string_type": "text in quotes",
    "list_type": "a list (lines starting with '- ', or [a, b])",
    "dict_type": "a group of keys, one per line, indented under this one",
    "model_type": "a group of keys, one per line, indented under this one",
    "model_attributes_type": "a group of keys, one per line, indented under this one",
    "greater_than": "a number above 0",
    "too_short": "at least one entry",
    "string_too_short": "some text, not an empty value",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "string_pattern_mismatch": "a web address starting with https://",
}


@dataclass
class SetAside:
    """What a lenient load (``load_facts(..., aside=SetAside())``) left out of the facts, and why.

    ``entries``: each entry whose own checks failed, by its place in the file: a fact
    (``("facts", "device", "needle_count")``), a fact group whose own shape is wrong (``("facts", "device")``),
    an expert, a quote or a not_covered topic (``("experts", "nazarian")``). A fact or quote that names a
    set-aside expert is set aside with it, with no message of its own. ``errors``: every message of the load,
    for the set-aside entries and for the checks across entries that set nothing aside (an author listed
    twice, a fact's words against its passage, the article). Each one fails the build as it would alone."""

    errors: list[GuideError] = field(default_factory=list)
    entries: set[Path_] = field(default_factory=set)
    names: set[str] | None = field(default_factory=set)
    """The words of each set-aside expert's name, as the file writes it ("Debra", "Jaliman"): a page that names
    her ("Dr. Jaliman") names an expert of the data, whose own message says what is wrong with her entry.
    ``None`` when a set-aside expert's name cannot be read: no name on a page can be checked until it can."""

    def names_expert(self, word: str) -> bool:
        """Whether ``word``, a name a page gives after a doctor's title, may be a set-aside expert's."""
        return self.names is None or word in self.names

    def covers(self, path: Path_) -> bool:
        """Whether ``path`` (an entry, or a value in one: ``("facts", "device", "needle_count", "label")``) is set aside."""
        return any(path[:len(entry)] == entry for entry in self.entries)

    def holds(self, kind: str, key: str) -> bool:
        """Whether the key a page gives (``kind``: "fact", "expert" or "quote"; a fact's ``key``: "group.name") is set aside."""
        part = {"fact": "facts", "expert": "experts", "quote": "quotes"}.get(kind)
        return part is not None and self.covers((part, *key.split(".", 1)) if part == "facts" else (part, key))


ENTRY_PARTS = ("experts", "facts", "quotes", "not_covered")
"""The parts of the data file whose entries a lenient load sets aside one by one. Anything else wrong (the
``source`` block, which every page cites; a part missing, or not a group of entries; an unknown top-level key)
is the file's own shape: the load stops with the data file's messages alone."""


def load_facts(path: Path | str, display: str | None = None, article: Path | None = None,
               aside: SetAside | None = None) -> schema.Facts:
    """Read and check the data file; raise ``GuideError(s)`` on any problem.

    With ``article`` (the build passes ``sources/article.txt``), every source
    passage and quote is also checked word for word against it.

    With ``aside`` (the build's load, ``guide.build.library``), the load is lenient: an entry whose own checks
    fail is left out and recorded in ``aside`` with its messages, and the rest is returned, so the pages can
    be checked against it in the same run. Only a file that cannot be read at all (its YAML, its top-level
    shape, the source block: ``ENTRY_PARTS``) still raises, with the data file's messages alone.
    """
    path = Path(path)
    name = display or path.name
    raw, lines = load_with_lines(path, name, key_pattern=KEY)
    if not isinstance(raw, dict):
        raise GuideError(name, "the data file is empty or is not a set of keys", line=1,
                         expected="the keys source, experts, facts and quotes",
                         fix="restore the file from git and make your change again.")
    if aside is not None:
        return _lenient(raw, lines, name, article, aside)
    try:
        facts = schema.Facts.model_validate(raw)
    except ValidationError as exc:
        raise GuideErrors(_explain(exc, raw, lines, name)) from None
    _check_references(facts, lines, name)
    meaning_errors = meaning.english_errors(facts, lines, name)
    if meaning_errors:
        raise GuideErrors(meaning_errors)
    if article is not None:
        passages.check(facts, lines, article, name)
    return facts


def _lenient(raw: dict[str, object], lines: dict[Path_, int], name: str, article: Path | None,
             aside: SetAside) -> schema.Facts:
    """``load_facts`` with ``aside``: the same checks, each failed entry set aside (see ``SetAside``)."""
    errors: list[GuideError] = []
    entries: set[Path_] = set()
    try:
        facts = schema.Facts.model_validate(raw)
    except ValidationError as exc:
        found = _explained(exc, raw, lines, name)
        if any(_entry_of(where) is None for where, _ in found):
            raise GuideErrors([error for _, error in found]) from None  # the file's own shape: nothing else can be read
        errors += [error for _, error in found]
        entries |= {entry for where, _ in found if (entry := _entry_of(where)) is not None}
        facts = _without(raw, entries, errors)
    checked = _references(facts, lines, name, {str(entry[1]) for entry in entries if entry[0] == "experts"})
    errors += [error for _, error in checked if error is not None]
    more = {entry for entry, _ in checked if entry is not None}
    if more:
        entries |= more
        facts = _without(raw, entries, errors)
    errors += meaning.english_errors(facts, lines, name)
    if article is not None:
        try:
            passages.check(facts, lines, article, name)
        except GuideErrors as exc:
            errors += exc.errors
        except GuideError as exc:
            errors.append(exc)
    aside.errors += errors
    aside.entries |= entries
    for entry in sorted(entries):
        if entry[0] == "experts":
            _note_name(raw, str(entry[1]), aside)
    return facts


def _note_name(raw: dict[str, object], key: str, aside: SetAside) -> None:
    """Add the name of the set-aside expert ``key`` to ``aside.names`` (``None`` if it cannot be read)."""
    experts = raw.get("experts")
    person = experts.get(key) if isinstance(experts, dict) else None
    called = person.get("name") if isinstance(person, dict) else None
    if aside.names is not None and isinstance(called, str) and called.split():
        aside.names |= set(called.split())
    else:
        aside.names = None


def _entry_of(path: Path_) -> Path_ | None:
    """The entry a problem at ``path`` is in (``ENTRY_PARTS``): ``None`` for the file's own shape."""
    if len(path) < 2 or path[0] not in ENTRY_PARTS:
        return None
    return path[:3] if path[0] == "facts" else path[:2]


def _without(raw: dict[str, object], entries: set[Path_], errors: list[GuideError]) -> schema.Facts:
    """The data file with ``entries`` left out, validated. A fact group left empty goes too; if what is left is not
    a whole file (every expert or every fact set aside), the load stops with the messages so far (``errors``)."""
    kept: dict[str, object] = dict(raw)
    for entry in sorted(entries, key=len):
        node = kept
        for part in entry[:-1]:
            child = node.get(str(part))
            if not isinstance(child, dict):
                break
            node[str(part)] = node = dict(child)
        else:
            node.pop(str(entry[-1]), None)
            if len(entry) == 3 and not node and isinstance(kept["facts"], dict):
                kept["facts"].pop(str(entry[1]), None)
    try:
        return schema.Facts.model_validate(kept)
    except ValidationError:
        raise GuideErrors(errors) from None


def _check_references(facts: schema.Facts, lines: dict[Path_, int], name: str) -> None:
    errors = [error for _, error in _references(facts, lines, name) if error is not None]
    if errors:
        raise GuideErrors(errors)


def _references(facts: schema.Facts, lines: dict[Path_, int], name: str,
                aside: Collection[str] = ()) -> list[tuple[Path_ | None, GuideError | None]]:
    """The checks across entries: each fact's and quote's expert is one of the experts (the entry and its
    message; no message for an expert in ``aside``, set aside with its own), each author listed once (no entry)."""
    experts = set(facts.experts) | {"article"}
    found: list[tuple[Path_ | None, GuideError | None]] = []
    for group, items in facts.facts.items():
        for key, fact in items.items():
            if fact.expert not in experts:
                path: Path_ = ("facts", group, key, "expert")
                found.append((path[:3], None if fact.expert in aside else
                              _unknown_expert(name, lines.get(path), path, fact.expert, experts)))
    for key, quote in facts.quotes.items():
        if quote.expert not in facts.experts:
            path = ("quotes", key, "expert")
            found.append((path[:2], None if quote.expert in aside else
                          _unknown_expert(name, lines.get(path), path, quote.expert, set(facts.experts))))
    seen: dict[str, int] = {}
    for i, author in enumerate(facts.source.authors):
        if author.lower() in seen:
            path = ("source", "authors", i)
            found.append((None, GuideError(name, f"the author '{author}' is listed twice", line=lines.get(path), key=dotted(path),
                                           found=f"'{author}' again (first as author {seen[author.lower()] + 1})",
                                           expected="each author once", fix="delete one of the two.")))
        seen.setdefault(author.lower(), i)
    return found


def _unknown_expert(name: str, line: int | None, path: Path_, found: str, experts: set[str]) -> GuideError:
    hint = did_you_mean(found, experts)
    return GuideError(name, "unknown expert", line=line, key=dotted(path), found=f"'{found}'",
                      expected="one of " + ", ".join(sorted(experts)),
                      fix=(hint + " " if hint else "") + "Use a key from the experts section, or 'article' for the article's own words.")


def _explain(exc: ValidationError, raw: object, lines: dict[Path_, int], name: str) -> list[GuideError]:
    return [error for _, error in _explained(exc, raw, lines, name)]


def _explained(exc: ValidationError, raw: object, lines: dict[Path_, int], name: str) -> list[tuple[Path_, GuideError]]:
    """Each problem pydantic found, once, as a message, with its place in the file."""
    out: list[tuple[Path_, GuideError]] = []
    seen: set[tuple[Path_, str]] = set()
    errs = [(err, _yaml_path(err["loc"], raw)) for err in exc.errors(include_url=False)]
    # A misspelt key shows up twice: as unknown, and the key it should have
    # been as missing. Report it once, as the misspelling.
    misspelt = set()
    for err, path in errs:
        if err["type"] == "extra_forbidden":
            model = _model_for(path[:-1], raw)
            match = nearest(str(path[-1]), list(model.model_fields) if model else [])
            if match:
                misspelt.add(path[:-1] + (match,))
    for err, path in errs:
        sig = (path, err["type"])
        if sig in seen or (err["type"] == "missing" and path in misspelt):
            continue
        seen.add(sig)
        out.append((path, _one(err, path, raw, lines, name)))
    return out


def _yaml_path(loc: Path_, raw: object) -> Path_:
    """Drop the union tags pydantic inserts (``...needle_count.number.value``)."""
    path: list[str | int] = []
    node = raw
    for part in loc:
        if isinstance(node, dict) and part not in node and isinstance(part, str) and part in schema.KINDS and path[:1] == ["facts"] and len(path) == 3:
            continue
        if isinstance(part, str) and part.startswith("function-"):
            continue
        path.append(part)
        node = node.get(part) if isinstance(node, dict) else (node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else None)
    return tuple(path)


def _value_at(raw: object, path: Path_) -> object:
    node = raw
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _model_for(path: Path_, raw: object) -> type[BaseModel] | None:
    """The schema model that owns the mapping at ``path`` (for key suggestions)."""
    if not path:
        return schema.Facts
    head = path[0]
    if head == "source" and len(path) == 1:
        return schema.Source
    if head == "experts" and len(path) == 2:
        return schema.Expert
    if head == "quotes" and len(path) == 2:
        return schema.Quote
    if head == "not_covered" and len(path) == 2:
        return schema.Silence
    if head == "facts" and len(path) >= 3:
        kind = _value_at(raw, path[:3] + ("kind",))
        model = schema.FACT_MODELS.get(kind) if isinstance(kind, str) else None
        if model is None:
            return None
        if len(path) == 3:
            return model
        if len(path) == 4 and path[3] == "sessions":
            return schema.Sessions
        if len(path) == 4 and path[3] == "every":
            return schema.Interval
    return None


_NUMBER_WITH_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[a-zA-Z]+\.?\s*$")


def _value_error(err: ErrorDetails, path: Path_, raw: object, lines: dict[Path_, int], name: str) -> GuideError:
    """A check of the schema's own failed (its ``type`` and ``ctx``): say which, with the line of the value to change."""
    kind, ctx, msg = err["type"], err.get("ctx", {}), err["msg"]
    line = line_of(lines, path)
    key = dotted(path)
    if kind == "not_plain_text":
        shown = _show(_value_at(raw, path))
        return GuideError(name, "the text is " + msg, line=line, key=key,
                          found=shown if len(shown) <= 120 else shown[:100] + "...' (text)",
                          expected=schema.PLAIN_TEXT_EXPECTED, fix=schema.PLAIN_TEXT_FIX)
    if kind == "number_in_words":
        return GuideError(name, f"the text gives a number ('{ctx['number']}')", line=line, key=key,
                          found=_show(_value_at(raw, path))[:120], expected=schema.NUMBER_IN_WORDS_EXPECTED,
                          fix=schema.NUMBER_IN_WORDS_FIX)
    if kind == "item_twice":
        items = _value_at(raw, path + ("items",))
        items = items if isinstance(items, list) else []  # a list fact's items: the check that failed read a list
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            low = str(item).strip().lower()
            if low in seen:
                return GuideError(name, msg, line=line_of(lines, path + ("items", i)), key=dotted(path + ("items", i)),
                                  found=f"'{item}' again (first as item {seen[low] + 1} of the list)",
                                  expected="each item once (capitals do not make a new item)",
                                  fix="delete one of the two items.")
            seen[low] = i
        return GuideError(name, msg, line=line, key=key + ".items", expected="each item once",
                          fix="delete one of the two items.")
    if kind == "min_above_max":
        return GuideError(name, msg, line=lines.get(path + ("min",), line), key=key, found=f"min {ctx['min']}, max {ctx['max']}",
                          expected="a minimum no larger than its maximum (they may be equal)",
                          fix="swap the two numbers, or correct the one that is wrong.")
    if kind == "published_in_future":
        return GuideError(name, msg, line=lines.get(path + ("published",), line), key=key + ".published",
                          found=ctx["published"], expected="the date the article was published, which has passed",
                          fix="copy the date from the article's citation (YYYY-MM-DD).")
    if kind == "schedule_empty":
        return GuideError(name, msg, line=line, key=key, found="neither 'sessions' nor 'every'",
                          expected="'sessions: {min: .., max: ..}', 'every: {min: .., max: .., unit: ..}' or both",
                          fix="add how many sessions, how often, or both (see frequency.upkeep in data/facts.yml).")
    return GuideError(name, msg.removeprefix("Value error, "), line=line, key=key,
                      expected="values that make sense together", fix="correct the values on this entry.")


_VALUE_ERRORS = ("not_plain_text", "number_in_words", "item_twice", "min_above_max", "published_in_future",
                 "schedule_empty", "value_error")
"""The schema's own checks (``PydanticCustomError`` types), and a plain ``ValueError`` from a validator."""


def _show(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return f"'{value}' (text)"
    if isinstance(value, bool):
        return f"{value} (yes/no)"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    if isinstance(value, dict):
        return "a group of keys"
    return repr(value)


def _one(err: ErrorDetails, path: Path_, raw: object, lines: dict[Path_, int], name: str) -> GuideError:
    kind = err["type"]
    key = dotted(path)
    line = line_of(lines, path)
    if kind == "missing":
        return _missing(path, lines, name)
    if kind == "extra_forbidden":
        return _unknown_key(path, raw, line, name)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        found = _value_at(raw, path + ("kind",))
        hint = did_you_mean(str(found), schema.KINDS) if found is not None else ""
        return GuideError(name, "unknown or missing fact kind", line=line_of(lines, path + ("kind",)), key=key + ".kind",
                          found=_show(found), expected="kind: one of " + ", ".join(schema.KINDS),
                          fix=(hint + " " if hint else "") + "Set 'kind' to the shape of the fact's value.")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        found = _value_at(raw, path)
        hint = did_you_mean(str(found), [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")])
        return GuideError(name, "a value that is not allowed here", line=line, key=key, found=_show(found),
                          expected=f"one of {expected}", fix=(hint + " " if hint else "") + "Use one of the allowed values.")
    if kind in _VALUE_ERRORS:
        return _value_error(err, path, raw, lines, name)
    found = _value_at(raw, path)
    expected = _EXPECTED.get(kind, err["msg"].lower())
    if kind == "string_pattern_mismatch" and path[:1] == ("not_covered",):
        return GuideError(name, "not a page file name", line=line, key=key, found=_show(found),
                          expected="the file name of a page under docs/, such as pain.md",
                          fix="write the page's file name in quotes, as it is in docs/.")
    return GuideError(name, "wrong kind of value", line=line, key=key, found=_show(found), expected=expected,
                      fix=_wrong_kind_fix(kind, found))


def _missing(path: Path_, lines: dict[Path_, int], name: str) -> GuideError:
    """A required key is not there: at the line of the entry it belongs under."""
    parent = path[:-1]
    key = dotted(path)
    if path[-1] == "scope" and path[:1] == ("facts",):
        return GuideError(name, "missing key 'scope'", line=line_of(lines, parent), key=key,
                          found=f"no 'scope' line under {dotted(parent)}",
                          expected="'scope: complete' or 'scope: examples' on every list fact",
                          fix="write 'scope: complete' if the article gives the whole list, or 'scope: examples' "
                              "if it says 'such as' or 'like' (the pages then say the list is not complete).")
    return GuideError(name, f"missing key '{path[-1]}'", line=line_of(lines, parent), key=key,
                      found=f"no '{path[-1]}' line under {dotted(parent) or 'the top level'}",
                      expected=f"'{path[-1]}' under {dotted(parent) or 'the top level'}",
                      fix=f"add a line '{path[-1]}: ...' there (see the other entries for the form).")


def _unknown_key(path: Path_, raw: object, line: int | None, name: str) -> GuideError:
    """A key its entry does not have: the near name, or the kind of fact that has it."""
    model = _model_for(path[:-1], raw)
    valid = list(model.model_fields) if model else []
    hint = did_you_mean(str(path[-1]), valid)
    other = schema.kinds_with_key(str(path[-1])) if path[:1] == ("facts",) and len(path) == 4 and not hint else []
    if other:
        kind_now = _value_at(raw, path[:3] + ("kind",))
        fix = (f"'{path[-1]}' belongs to a {' or '.join(other)} fact, and this fact is kind: {kind_now}. "
               "Change the kind, or use the keys listed for this kind.")
    else:
        fix = (hint + " " if hint else "") + "Rename or remove it."
    return GuideError(name, f"unknown key '{path[-1]}'", line=line, key=dotted(path), found=f"'{path[-1]}'",
                      expected=("one of " + ", ".join(valid)) if valid else "only the documented keys",
                      fix=fix)


def _wrong_kind_fix(kind: str, found: object) -> str:
    """The fix for a value of the wrong kind (pydantic's error ``kind``), by what was typed."""
    if kind == "string_pattern_mismatch":
        return "write the full address, such as https://www.example.com/page, with no spaces, quotes, angle brackets or backslashes."
    if kind == "greater_than":
        return "use a positive number; if the article gives no figure, use kind: not_stated with a note."
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing") and isinstance(found, str) and (
            number := _NUMBER_WITH_UNIT.match(found)):
        return f"write the number alone ({number.group(1)}) and put the unit on the 'unit' line."
    if kind in ("float_type", "int_type") and isinstance(found, str):
        return "write the figure as digits (11, not eleven), without quotes."
    return "change the value to the expected form."
