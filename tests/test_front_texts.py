"""A page's title and description name what the page covers; they tell nothing of their own (the eleventh no-hints
attack, H13: "What the article says about pain. In short, the needles barely go in, so you feel next to nothing and look
normal by morning." was published as the pain page's meta description, which search results and shares show).

A front text is read as page prose would be read with no fact beside it: questions and topics ("Does microneedling
hurt? What the numbing cream does, how your skin looks and feels afterwards ..."), with no clause that tells ("it
heals ...", "you feel ...", "in short ...", "así que casi no se siente ...") and no claim of the page prose's kinds. Each row
edits a copy of the project and loads it as a build does; the refused ones are told with their file, key, line and fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_templates_meaning import _load, _project  # one copy-and-load of the project for the tests of what it prints

PAGE = {"en": "docs/pain.md", "es": "docs-es/pain.md"}


def _set_front(project: Path, lang: str, key: str, text: str) -> int:
    """Give the pain page's front-matter ``key`` the text ``text`` (added under its description if it has none);
    return its line."""
    path = project / PAGE[lang]
    rows = path.read_text(encoding="utf-8").split("\n")
    at = next((i for i, row in enumerate(rows) if row.startswith(f"{key}:")), None)
    if at is None:
        at = next(i for i, row in enumerate(rows) if row.startswith("description:")) + 1
        rows.insert(at, "")
    rows[at] = f'{key}: "{text}"'
    path.write_text("\n".join(rows), encoding="utf-8")
    return at + 1


REFUSED = {
    # name: (language, key, text, what the message says)
    "H13": ("en", "description", "What the article says about pain. In short, the needles barely go in, so you feel next "
            "to nothing and look normal by morning.", "the description tells what the page's facts say"),
    "H13, es": ("es", "description", "Lo que dice el artículo sobre el dolor. En resumen, las agujas apenas entran, así que "
                "casi no se siente nada y al día siguiente la piel se ve normal.",
                "the description tells what the page's facts say"),
    "H13 in one sentence": ("en", "description", "What the article says about pain, and in short, the needles barely go "
                            "in, so you feel next to nothing.", "('and in short')"),
    "H13 in one sentence, es": ("es", "description", "Qué dice el artículo sobre el dolor: las agujas apenas entran, así "
                                "que casi no se siente nada.", "('así que casi no se siente nada')"),
    "a topic list, then how you look": ("en", "description", "Pain, numbing and side effects: the needles barely go in "
                                        "and you look normal by morning.", "you look normal by morning"),
    "how it feels, es": ("es", "description", "Qué es el tratamiento con microagujas, y se siente muy poco en la cita.",
                         "('y se siente muy poco en la cita')"),
    "what it does, a sentence of its own": ("en", "description", "What microneedling is and what happens at a visit. It "
                                            "heals acne scars.",
                                            "('It heals acne scars')"),
    "a title that tells": ("en", "title", "Pain: you feel next to nothing", "the title tells what the page's facts say"),
    "a title that tells, es": ("es", "title", "El dolor: usted apenas lo nota", "the title tells"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_front_text_that_tells_is_refused(tmp_path: Path, case: str) -> None:
    lang, key, text, says = REFUSED[case]
    project = _project(tmp_path)
    line = _set_front(project, lang, key, text)
    errors = [e for e in _load(project, lang) if e.startswith(f"{PAGE[lang]}:{line}: ")]
    assert errors, f"{case}: the build took {text!r} ({_load(project, lang)[:2]})"
    msg = next((e for e in errors if says in e), errors[0])
    assert says in msg and f"(at {key})" in msg and "Fix: " in msg and "Traceback" not in msg, msg


BUILDING = {
    # name: (language, key, text): the page's topics, reworded
    "pain topics reworded": ("en", "description", "What the article says about pain: the numbing cream, how your skin "
                             "looks and feels afterwards, and the side effects it mentions."),
    "pain topics reworded, es": ("es", "description", "Qué dice el artículo sobre el dolor: la crema para adormecer, cómo "
                                 "se ve y se siente la piel después y los efectos que nombra."),
    "a question first": ("en", "description", "Does it hurt? The numbing cream, how your skin looks afterwards, and the "
                         "side effects the article mentions."),
    "a title of topics": ("en", "title", "Pain, numbing and side effects"),
    "a title of topics, es": ("es", "title", "Dolor, crema para adormecer y efectos"),
}


@pytest.mark.parametrize("case", BUILDING, ids=list(BUILDING))
def test_a_front_text_that_names_topics_builds(tmp_path: Path, case: str) -> None:
    lang, key, text = BUILDING[case]
    project = _project(tmp_path)
    _set_front(project, lang, key, text)
    assert _load(project, lang) == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_todays_titles_and_descriptions_pass(lang: str) -> None:
    """Every page of today's edition loads, its front texts read by the rule (a page with none would prove nothing)."""
    root = Path(__file__).resolve().parent.parent
    folder = root / ("docs-es" if lang == "es" else "docs")
    described = [p for p in folder.glob("*.md") if not p.name.startswith("_")
                 and any(row.startswith("description:") for row in p.read_text(encoding="utf-8").split("\n")[:12])]
    assert len(described) >= 5, described
    assert _load(root, lang) == []
