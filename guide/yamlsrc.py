"""Read YAML and remember the line of every key, refusing duplicate keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import GuideError

Path_ = tuple[str | int, ...]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_with_lines(path: Path, display: str | None = None) -> tuple[Any, dict[Path_, int]]:
    """Parse ``path``; return the data and a map from key path to line number.

    Raises ``GuideError`` for syntax errors and for a key given twice in one
    mapping (plain PyYAML would silently keep the last one).
    """
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(name, "the data file is missing", fix="restore it from git (git checkout -- data/facts.yml).") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "the YAML is not well formed"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        hint = "check the indentation, colons, brackets and quotes on this line and the lines above it."
        if "\t" in text:
            hint = "indent with spaces, not tab characters; " + hint
        raise GuideError(
            name,
            f"YAML syntax error: {problem}",
            line=(mark.line + 1) if mark else None,
            expected="valid YAML",
            fix=hint,
        ) from None
    lines: dict[Path_, int] = {}
    if root is None:
        return None, lines

    def build(node: yaml.Node, path: Path_) -> Any:
        lines.setdefault(path, _line(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = _scalar(key_node)
                if key in out:
                    raise GuideError(
                        name,
                        f"the key '{key}' is given twice",
                        line=_line(key_node),
                        key=_dotted(path + (key,)),
                        found=f"a second '{key}' (the first is on line {lines[path + (key,)]})",
                        expected="each key once",
                        fix="delete or rename one of the two entries.",
                    )
                lines[path + (key,)] = _line(key_node)
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)

    return build(root, ()), lines


def _scalar(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
