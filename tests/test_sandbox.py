"""The partials render in a sandbox (issue 20): a partial that reaches for Python stops the build with
an editor's message naming the partial and line, and nothing it asked for runs.

Each case puts one hostile line into a copy of a real partial, in a copy of the project, and loads
that copy as a build does (``guide.build.library.load_project``, which renders every partial once). The commands in the
cases would create a file; the test checks that none was created.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build.library import PARTIALS, load_project
from tools.project import copy_project

TINY = (Path(__file__).parent / "fixtures" / "tiny" / "docs" / "index.md").read_text(encoding="utf-8")
SAYS = "the partial reaches past its values into Python"

# name: (the partial, the line put into it; MARK is the file a command would create)
ESCAPES = {
    "cycler's globals": ("list.md", '{{ cycler.__init__.__globals__.os.system("touch MARK") }}'),
    "joiner's globals": ("list.md", '{{ joiner.__init__.__globals__.os.system("touch MARK") }}'),
    "namespace's globals": ("quote.md", '{{ namespace.__init__.__globals__.os.system("touch MARK") }}'),
    "lipsum's globals": ("expert.md", '{{ lipsum.__globals__.os.system("touch MARK") }}'),
    "range.__init__": ("citation.md", '{{ range.__init__.__globals__.os.system("touch MARK") }}'),
    "a macro's globals": ("glance-card.html", '{{ v.__globals__.sys.modules.os.system("touch MARK") }}'),
    "a global helper's globals": ("list.md", '{{ who.__globals__["sys"].modules["os"].system("touch MARK") }}'),
    "by subscript": ("list.md", '{{ cycler["__init__"]["__globals__"]["os"].system("touch MARK") }}'),
    "__class__.__mro__ and __subclasses__": (
        "list.md",
        '{% for c in "".__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == "_wrap_close" %}'
        '{{ c.__init__.__globals__.system("touch MARK") }}{% endif %}{% endfor %}'),
    "__subclasses__ of object from a value": (
        "quote.md", '{{ quote.__class__.__base__.__subclasses__() }}'),
    "format string": ("list.md", '{{ "{0.__init__.__globals__[os].system}".format(cycler) }}'),
    "format string on a value": ("quote.md", '{{ "{0.__class__}".format(quote) }}'),
    "format_map": ("list.md", '{{ "{x.__init__.__globals__}".format_map({"x": joiner}) }}'),
    "attr filter": ("list.md", '{{ (cycler|attr("__init__")|attr("__globals__")).os.system("touch MARK") }}'),
    "map by attribute": ("list.md", '{{ [cycler]|map(attribute="__init__")|list }}'),
    "the template's own context": ("page-info.md", "{{ self._TemplateReference__context }}"),
    "a quiet test of an unsafe name": ("list.md", "{% if cycler.__init__ is defined %}x{% endif %}"),
    "a default over an unsafe name": ("list.md", '{{ cycler.__init__ | default("") }}'),
}

# name: (the partial, the line put into it): changes to the data the partial is given
MUTATIONS = {
    "append to a data list": ("list.md", '{{ items.append("Injected item") or "" }}'),
    "clear a data list": ("list.md", '{{ items.clear() or "" }}'),
    "pop from a data list": ("list.md", "{% set gone = items.pop() %}"),
    "update the strings": ("list.md", '{{ s.update({"list_examples": "Injected"}) or "" }}'),
}


def _copy(tmp_path: Path) -> Path:
    """A copy of the project, with a tiny page (every partial is still rendered once by load_project)."""
    project = copy_project(tmp_path / "p", ("data", "includes", "sources"))
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(TINY, encoding="utf-8")
    return project


def _insert(project: Path, partial: str, line: str) -> int:
    """Put ``line`` after the first line of ``partial`` (after its comment, if it opens with one);
    return its line number."""
    path = project / PARTIALS / partial
    rows = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, row in enumerate(rows) if "#}" in row) + 1 if rows[0].startswith("{#") else 1
    rows.insert(at, line)
    path.write_text("\n".join(rows), encoding="utf-8")
    return at + 1


def _refusal(project: Path) -> str:
    with pytest.raises(Exception) as info:
        load_project(project)
    return str(info.value)


@pytest.mark.parametrize("case", ESCAPES, ids=list(ESCAPES))
def test_a_partial_cannot_reach_python(tmp_path: Path, case: str) -> None:
    partial, line = ESCAPES[case]
    mark = tmp_path / "ran"
    project = _copy(tmp_path)
    number = _insert(project, partial, line.replace("MARK", str(mark)))
    msg = _refusal(project)
    assert msg.startswith(f"{PARTIALS}/{partial}:{number}: {SAYS} ("), msg
    assert "is unsafe" in msg
    assert "Traceback" not in msg and "Found: '" in msg and "Expected: " in msg and "Fix: " in msg, msg
    assert not mark.exists(), f"the partial ran a command: {case}"


@pytest.mark.parametrize("case", MUTATIONS, ids=list(MUTATIONS))
def test_a_partial_cannot_change_the_data(tmp_path: Path, case: str) -> None:
    partial, line = MUTATIONS[case]
    project = _copy(tmp_path)
    facts = load_project(project).facts  # the clean copy: what the data holds
    before = {key: list(item.items) for key, item in facts.all_facts().items() if hasattr(item, "items")}
    assert before, "the data has list facts"
    number = _insert(project, partial, line)
    msg = _refusal(project)
    assert msg.startswith(f"{PARTIALS}/{partial}:{number}: {SAYS} ("), msg
    assert "is unsafe" in msg
    assert {key: list(item.items) for key, item in facts.all_facts().items() if hasattr(item, "items")} == before

