"""Read YAML and remember the line of every key, refusing duplicate keys."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from guide.errors import GuideError, quote_line

Path_ = tuple[str | int, ...]

MAX_BYTES = 1_000_000
"""Largest YAML file read (the data file is about 20 kB)."""
MAX_DEPTH = 12
"""Deepest nesting of keys and lists (the data file needs 5)."""
MAX_SCALAR = 10_000
"""Longest single value, in characters, before the schema's own limits."""
KEY = re.compile(r"[a-z][a-z0-9_]*")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of ``path`` in a file ``load_with_lines`` read, or of the nearest key above it that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def load_with_lines(path: Path, display: str | None = None, key_pattern: re.Pattern[str] | None = None) -> tuple[object, dict[Path_, int]]:
    """Parse ``path``; return the data and a map from key path to line number.

    Raises ``GuideError`` for syntax errors, for a key given twice in one
    mapping (plain PyYAML would silently keep the last one) and for a value
    YAML cannot read, such as the date 2026-13-01.
    """
    name = display or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise GuideError(name, "the file is too large", found=f"{path.stat().st_size} bytes",
                             expected=f"at most {MAX_BYTES} bytes", fix="remove what does not belong in it (values are short plain text).")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GuideError(name, "the data file is missing", fix="restore it from git (git checkout -- data/facts.yml).") from None
    except UnicodeDecodeError as exc:
        raise GuideError(name, "the file is not saved as UTF-8 text", found=f"a byte YAML cannot read at character {exc.start}",
                         expected="UTF-8 text", fix="save the file as UTF-8 in your editor.") from None
    return load_text(text, name, key_pattern=key_pattern)


def load_text(text: str, name: str, first_line: int = 1, what: str = "YAML syntax error",
              key_pattern: re.Pattern[str] | None = None) -> tuple[object, dict[Path_, int]]:
    """Parse YAML ``text`` that starts on line ``first_line`` of the file ``name``.

    Same checks and result as ``load_with_lines``; ``what`` starts the message
    for a syntax error (pages use "front matter is not valid YAML").
    """
    return copy.deepcopy(_load_text(text, name, first_line, what, key_pattern))


@functools.lru_cache(maxsize=32)
def _load_text(text: str, name: str, first_line: int, what: str,
               key_pattern: re.Pattern[str] | None) -> tuple[object, dict[Path_, int]]:
    """``load_text``'s work, kept for the same text: `make serve` rebuilds and the test suite read the
    same files again and again. Callers get a deep copy; a text that fails is parsed again each time."""
    offset = first_line - 1
    _refuse_unreadable(text, name, offset)
    _refuse_expansion(text, name, offset, what)
    root = compose(text, name, offset, what)
    return _build(root, name, offset, key_pattern)


def _refuse_unreadable(text: str, name: str, offset: int) -> None:
    """Refuse a character YAML cannot read at all (a control character such as U+0007), which its
    reader reports without a line."""
    try:
        yaml.reader.Reader(text).check_printable(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n")
        raise GuideError(name, "a character YAML cannot read", line=line + 1 + offset,
                         found=f"the character U+{exc.character:04X}" if isinstance(exc.character, int) else None,
                         expected="plain text: letters, digits, punctuation and spaces",
                         fix="delete the character (it may be invisible: retype the line).") from None


def _refuse_expansion(text: str, name: str, offset: int, what: str) -> None:
    """Refuse anchors, aliases, tags, directives and merge keys, too deep nesting and too long values, before
    anything is built (:func:`hazards`)."""
    rows = text.splitlines()
    for kind, words, token in hazards(text):
        line = token.start_mark.line + 1 + offset
        found = _quoted_row(rows, token.start_mark.line)
        if kind == "expansion":
            raise GuideError(name, f"{words}, which this file may not use", line=line, found=found,
                             expected="plain keys and values: no &anchors, *aliases, !tags or << merge keys",
                             fix="write the value out in full where it is needed.")
        if kind == "depth":
            raise GuideError(name, "the keys and lists are nested too deeply", line=line, found=found,
                             expected=f"at most {MAX_DEPTH} levels of nesting", fix="flatten the structure (see the other entries for the form).")
        raise GuideError(name, "a value is too long", line=line, found=words.removeprefix("a value of "),
                         expected=f"at most {MAX_SCALAR} characters", fix="shorten it: values are short plain text.")


def hazards(text: str, tags: bool = True) -> Iterator[tuple[str, str, yaml.Token]]:
    """What in ``text`` could make one part stand for another, or make reading it hang: ``(kind, words, token)``
    with kind "expansion" (an anchor, an alias, a directive, a merge key, and a tag unless ``tags`` is false),
    "length" (a value over MAX_SCALAR characters) or "depth" (nesting deeper than MAX_DEPTH: the scan stops
    there, as the scanner slows with every level). A syntax error ends it quietly: compose() reports it.

    The scanner reads the text once, token by token: nothing is expanded, so a few hundred bytes of
    aliases ("billion laughs") cannot make it hang, and deep nesting cannot exhaust Python's stack.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AnchorToken):
                yield "expansion", f"an anchor '&{token.value}'", token
            elif isinstance(token, yaml.AliasToken):
                yield "expansion", f"an alias '*{token.value}'", token
            elif isinstance(token, yaml.TagToken) and tags:
                yield "expansion", "a tag '" + "".join(part or "" for part in token.value) + "'", token
            elif isinstance(token, yaml.DirectiveToken):
                yield "expansion", f"a directive '%{token.name}'", token
            elif isinstance(token, yaml.ScalarToken) and token.plain and token.value == "<<":
                yield "expansion", "a merge key '<<'", token
            if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
                                  yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
                depth += 1
                if depth > MAX_DEPTH:
                    yield "depth", f"nesting deeper than {MAX_DEPTH} levels", token
                    return
            elif isinstance(token, (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
                depth -= 1
            elif isinstance(token, yaml.ScalarToken) and len(token.value) > MAX_SCALAR:
                yield "length", f"a value of {len(token.value)} characters", token
    except yaml.MarkedYAMLError:
        return


def compose(text: str, name: str, offset: int = 0, what: str = "YAML syntax error") -> yaml.Node | None:
    """Parse ``text`` into YAML nodes (no values built), turning a syntax error into a ``GuideError``."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "the YAML is not well formed").replace("'<stream end>'", "the end of the text")
        if "'\\t'" in problem:
            problem = "a tab character, where YAML allows only spaces"
        culprit = mark.line if mark else -1
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1 + offset})"
            culprit = exc.context_mark.line  # the line that opened what was never closed
        if "'\\t'" not in (exc.problem or "") and (off := _misindented(text, exc)) is not None:
            row, found, wanted, like = off
            more = "more" if found > wanted else "less"
            raise GuideError(
                name, f"{what}: this line is indented {more} than the lines around it", line=row + 1 + offset,
                found=f"{_spaces(found)} before '{text.splitlines()[row].strip()[:160]}'",
                expected=f"{_spaces(wanted)}, {like}",
                fix=f"indent the line with {_spaces(wanted)}, {like}: the keys of one entry start in the same column, "
                    "and so do the '- ' of the items of one list.",
            ) from None
        hint = "check the indentation, colons, brackets and quotes on this line and the lines above it."
        if "\t" in text:
            hint = "indent with spaces, not tab characters; " + hint
        if "mapping values are not allowed" in problem:
            problem = "a second ': ' on one line (mapping values are not allowed here)"
            hint = ("text that contains ': ' must be in double quotes, such as "
                    '"Does it hurt: a guide": pain.md; ' + hint)
        raise GuideError(
            name,
            f"{what}: {problem}",
            line=(mark.line + 1 + offset) if mark else None,
            found=_source_line(text, culprit) if mark else None,
            expected="valid YAML: 'key: value' lines, indented with spaces",
            fix=hint,
        ) from None


_INDENT_PROBLEMS = ("expected <block end>", "mapping values are not allowed here", "did not find expected key",
                    "did not find expected '-' indicator")
"""The parser's words for a line indented more or less than the lines around it (and for little else)."""
_BLOCK_TEXT = re.compile(r"(?:^|[:-])\s+[|>][-+0-9]*\s*(?:#.*)?$")
"""A key or item whose value is the block of text on the lines under it (``role: >-``)."""
MAX_TRIED = 8
"""Lines tried, from where the parser stopped upwards, when looking for the one indented wrongly."""


def _misindented(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, int, str] | None:
    """The line (from 0) whose indentation alone keeps ``text`` from being read, its indentation, the
    indentation that makes it readable, and how its neighbours show that ("like the lines above");
    ``None`` when no single line's indentation is to blame (or the parser stopped for another reason).

    Each line from where the parser stopped back up to where the block it was reading started (at most
    MAX_TRIED) is given, in turn, the indentation of the lines above and below it and of the keys it may
    belong under; the first that makes the text readable, with no key twice and the line still a key or a
    list item of its own, is the one to blame. The tries parse only the entry around the line; the answer
    is checked on the whole text.
    """
    if not exc.problem_mark or not any(words in (exc.problem or "") for words in _INDENT_PROBLEMS):
        return None
    rows = text.splitlines(keepends=True)
    # the lines that hold keys and items: no blank or comment line, nor the text of a block ("role: >-"),
    # which runs on as long as its lines are indented as much as its first one
    lines, opened, text_at = [], -1, -1
    for i, row in enumerate(rows):
        if not row.strip() or row.lstrip(" ").startswith("#"):
            continue
        if opened >= 0 and text_at < 0 and _indent(row) > opened:
            text_at = _indent(row)
        if 0 <= text_at <= _indent(row):
            continue
        lines.append(i)
        opened, text_at = (_indent(row) if _BLOCK_TEXT.search(row) else -1), -1
    if not lines or any(rows[i][: _indent(rows[i]) + 1].strip(" ") == "\t" for i in lines):
        return None
    last = exc.problem_mark.line
    first = exc.context_mark.line if exc.context_mark and exc.context_mark.line < last else last
    tried = [i for i in lines if first <= i <= last][-MAX_TRIED:]
    for i in reversed(tried):
        at = lines.index(i)
        above, below = lines[at - 1] if at else None, lines[at + 1] if at + 1 < len(lines) else None
        found = _indent(rows[i])
        # the columns it may belong in: each line above that is less indented than every line after it
        levels: list[int] = []
        for j in reversed(lines[:at]):
            if not levels or _indent(rows[j]) < levels[-1]:
                levels.append(_indent(rows[j]))
        near = [_indent(rows[j]) for j in (above, below) if j is not None]
        wanted = sorted(dict.fromkeys([*near, *levels]), key=lambda n: abs(n - found))  # the nearest first
        for width in (w for w in wanted if w != found):
            fixed = [*rows[:i], " " * width + rows[i].lstrip(" "), *rows[i + 1:]]
            opens = below is not None and _indent(rows[below]) > found and rows[i].rstrip().endswith(":")
            if _reads(fixed, i, width, opens) and _reads(fixed, i, width, opens, whole=True):
                like = ("like the lines above" if above is not None and _indent(rows[above]) == width else
                        "like the lines below" if below is not None and _indent(rows[below]) == width else
                        _like(rows, lines[:at], width))
                return i, found, width, like
    return None


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _spaces(count: int) -> str:
    return f"{count} space" + ("" if count == 1 else "s")


def _like(rows: list[str], above: list[int], width: int) -> str:
    """How the nearest line above indented ``width`` shows it: "like line 126 ('needle_count:')"."""
    same = next((j for j in reversed(above) if _indent(rows[j]) <= width), None)
    if same is None or _indent(rows[same]) != width:
        return "one step in from the line above it"
    return f"like line {same + 1} ('{rows[same].strip()[:60]}')"


def _reads(rows: list[str], line: int, width: int, opens: bool, whole: bool = False) -> bool:
    """Whether ``rows`` read as YAML with no key twice and ``line`` still a key or a list item of its own,
    indented ``width`` (and, if it ``opens`` a block, still holding the lines under it). Only the entry
    around ``line`` is read, unless ``whole``."""
    start, end = 0, len(rows)
    if not whole:  # from the nearest line above less indented than the line, to the next one as little indented
        start = next((j for j in range(line - 1, -1, -1) if rows[j].strip() and not rows[j].lstrip(" ").startswith("#")
                      and _indent(rows[j]) < width), 0)
        top = _indent(rows[start])
        end = next((j for j in range(line + 1, len(rows)) if rows[j].strip()
                    and not rows[j].lstrip(" ").startswith("#") and _indent(rows[j]) <= top), len(rows))
    try:
        root = yaml.compose("".join(rows[start:end]), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return False
    starts: set[tuple[int, int]] = set()
    todo: list[yaml.Node] = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                return False
            starts.update((k.start_mark.line, k.start_mark.column) for k, v in node.value
                          if not opens or isinstance(v, (yaml.MappingNode, yaml.SequenceNode)))
            todo += [v for _, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            # an item starts at its '- ', two columns before its value
            starts.update((item.start_mark.line, item.start_mark.column - 2) for item in node.value)
            todo += node.value
    return (line - start, width) in starts


def _build(root: yaml.Node | None, name: str, offset: int, key_pattern: re.Pattern[str] | None) -> tuple[object, dict[Path_, int]]:
    lines: dict[Path_, int] = {}
    if root is None:
        return None, lines

    def line_of(node: yaml.Node) -> int:
        return _line(node) + offset

    def build(node: yaml.Node, path: Path_) -> object:
        lines.setdefault(path, line_of(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = _scalar(key_node, name, path, offset)
                if not isinstance(key, str):
                    raise GuideError(
                        name,
                        f"the key '{key_node.value}' is not read as a name",
                        line=line_of(key_node),
                        key=_dotted(path) or None,
                        found=f"'{key_node.value}', which YAML reads as {type(key).__name__}",
                        expected="a key made of letters, digits and underscores, starting with a letter",
                        fix="Rename the key (words such as on, off, yes, no and numbers are not names).",
                    )
                if key_pattern is not None and not key_pattern.fullmatch(key):
                    raise GuideError(
                        name,
                        f"the key '{key}' is not a valid name",
                        line=line_of(key_node),
                        key=_dotted(path) or None,
                        found=f"'{key}'",
                        expected="a name of lowercase letters, digits and underscores, starting with a letter, such as needle_count",
                        fix="rename the key (no dots, dashes, spaces or capitals).",
                    )
                if key in out:
                    raise GuideError(
                        name,
                        f"the key '{key}' is given twice",
                        line=line_of(key_node),
                        key=_dotted(path + (key,)),
                        found=f"a second '{key}' (the first is on line {lines[path + (key,)]})",
                        expected="each key once",
                        fix="delete or rename one of the two entries.",
                    )
                lines[path + (key,)] = line_of(key_node)
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node, name, path, offset)

    return build(root, ()), lines


def _source_line(text: str, index: int) -> str | None:
    """Line ``index`` (0-based) of ``text``, quoted, or ``None`` past the end."""
    return _quoted_row(text.splitlines(), index)


def _quoted_row(rows: list[str], index: int) -> str | None:
    """Line ``index`` (0-based), quoted; ``None`` for a blank line (the caller says "an empty line")."""
    if 0 <= index < len(rows) and not rows[index].strip():
        return None
    return quote_line(rows, index + 1, "the end of the file")


def _scalar(node: yaml.Node, name: str = "", path: Path_ = (), offset: int = 0) -> object:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError) as exc:
        # YAML reads 2026-13-01 as a date and then fails on the month.
        is_date = node.tag == "tag:yaml.org,2002:timestamp"
        raise GuideError(
            name,
            "not a real date" if is_date else f"a value YAML cannot read ({exc})",
            line=_line(node) + offset,
            key=_dotted(path) or None,
            found=f"'{node.value}'",
            expected="a real date written YYYY-MM-DD, such as 2026-11-24" if is_date else "plain text, a number or a date",
            fix="check the month (01 to 12) and the day (it must exist in that month)." if is_date
            else "put the value in double quotes.",
        ) from None
    finally:
        loader.dispose()


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
