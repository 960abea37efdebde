"""The files that print words on every page are read for what they say (the ninth no-hints attack, M1):

* a picture's words (an SVG partial) stand inside its viewBox, at a font size a reader can read.

Each row edits a copy of the project and loads it as a build does (``guide.build.library.load_project``): the attack's
input, in both languages, is refused with its file, line and fix; today's files, and a reworded but faithful
variant, build. The expected lines are read from the files, never typed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build.library import PARTIALS, SPANISH, load_project
from guide.errors import GuideErrors
from tools.project import copy_project


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", ("data", "includes", "sources", "docs", "docs-es", "pictures"))


def _load(project: Path, lang: str) -> list[str]:
    """The problems of a load of ``project``'s ``lang`` edition (none: it builds)."""
    try:
        load_project(project, SPANISH if lang == "es" else None)
    except GuideErrors as exc:
        return [str(e) for e in exc.errors]
    return []



# --- M1: a picture's words where a reader can read them -------------------------------------------

GROUP = '<g class="fig__text" font-size="{{ font }}" fill="currentColor">'
HIDDEN = '{% if s.lang == "en" %}Skip sunscreen{% else %}Sin protector solar{% endif %}'
REFUSED_SVG = {
    # name: (partial, the line put before its group of words, what the message says)
    "the attack": ("timeline.svg", f'<text x="-9999" y="10" font-size="1">{HIDDEN}</text>', 'too small to read (font-size="1")'),
    "off the canvas": ("timeline.svg", f'<text x="-9999" y="10">{HIDDEN}</text>', 'outside the drawing (x="-9999"'),
    "below the canvas": ("depth-scale.svg", f'<text x="20" y="99999">{HIDDEN}</text>', 'outside the drawing (y="99999"'),
    "a tiny group": ("depth-scale.svg", f'<g font-size="2"><text x="20" y="20">{HIDDEN}</text></g>',
                     'too small to read (font-size="2")'),
    "moved away": ("timeline.svg", f'<g transform="translate(-5000 0)"><text x="20" y="20">{HIDDEN}</text></g>',
                   "under a transform or a mask"),
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", REFUSED_SVG, ids=list(REFUSED_SVG))
def test_hidden_words_in_a_picture_are_refused(tmp_path: Path, case: str, lang: str) -> None:
    partial, added, says = REFUSED_SVG[case]
    project = _project(tmp_path)
    path = project / PARTIALS / partial
    text = path.read_text(encoding="utf-8")
    assert GROUP in text
    path.write_text(text.replace(GROUP, added + "\n" + GROUP, 1), encoding="utf-8")
    line = text[:text.index(GROUP)].count("\n") + 1
    errors = _load(project, lang)
    msg = next((e for e in errors if e.startswith(f"{PARTIALS}/{partial}:{line}: ") and says in e), None)
    assert msg is not None, errors[:3]
    assert "viewBox" in msg and "Fix: " in msg and "Traceback" not in msg, msg


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_picture_with_its_words_in_sight_builds(tmp_path: Path, lang: str) -> None:
    """A smaller but readable font, and a label of its own inside the drawing."""
    project = _project(tmp_path)
    for partial in ("timeline.svg", "depth-scale.svg"):
        path = project / PARTIALS / partial
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(GROUP, GROUP.replace("{{ font }}", "{{ font - 4 }}"), 1), encoding="utf-8")
    assert _load(project, lang) == []
