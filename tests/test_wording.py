"""Wording the third readers' review (no hints) asked to be the same everywhere, in both editions.

* One style of quotation marks: curly “ ” (English "Last reviewed" had straight ones; a Spanish page had « »).
* Spanish terms, one each: "pluma de microagujas", "rodillo de microagujas" (the glossary's two entries);
  "costras puntiformes" (not "puntiformes" alone); the scrubs glossed the same way wherever they are glossed;
  "dermatólogo" where the article says dermatologist ("heading to your derm"), not "médico de la piel".
* The comparison table's "safe to use" cell says who says so and carries the page's caveat: the article does
  not say whether its advice on who should wait applies to rollers.
"""

from __future__ import annotations

import re

import pytest

from htmlpage import article_text, page_file, parse
from support import NAV, Build


def _texts(site: Build, edition: str) -> dict[str, str]:
    return {src: article_text(page_file(site.site / edition, src).read_text(encoding="utf-8")) for src in NAV}


@pytest.mark.parametrize("edition", ["", "es"])
def test_quotation_marks_are_curly_on_every_page(site: Build, edition: str) -> None:
    found = {src: re.findall(r".{0,25}[\"«»].{0,25}", text) for src, text in _texts(site, edition).items()}
    assert not {src: hits for src, hits in found.items() if hits}, found


def test_spanish_terms_are_the_same_on_every_page(site: Build) -> None:
    texts = _texts(site, "es")
    everything = "\n".join(texts.values())
    assert "pluma de microagujas" in everything and "rodillo de microagujas" in everything
    bare = {src: re.findall(r".{0,25}\b(?:pluma|rodillos?)\b(?! de microagujas).{0,25}", text, re.I) for src, text in texts.items()}
    assert not {src: hits for src, hits in bare.items() if hits}, f"say 'pluma de microagujas', 'rodillo de microagujas': {bare}"
    assert "costras puntiformes" in everything and not re.search(r"(?<!costras )puntiformes", everything), "costras puntiformes"
    glosses = set(re.findall(r"exfoliantes con partículas \(([^)]*)\)", everything))
    assert glosses == {"exfoliantes físicos o scrubs"}, glosses
    assert "dermatólogo" in texts["at-home-vs-in-office.md"] and "médico de la piel" not in everything


@pytest.mark.parametrize(("edition", "says", "caveat"), [
    ("", "The article says they are safe to use", "The article does not say if its advice on who should wait applies to rollers."),
    ("es", "Según el artículo, se pueden usar con seguridad",
     "El artículo no dice si sus consejos sobre quién debe esperar valen también para los rodillos de microagujas."),
])
def test_the_safe_to_use_cell_names_its_speaker_and_its_caveat(site: Build, edition: str, says: str, caveat: str) -> None:
    tree = parse(page_file(site.site / edition, "at-home-vs-in-office.md").read_text(encoding="utf-8"))
    rows = [[" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")] for row in tree.select("div.comparison tr")]
    cell = next(row[1] for row in rows if re.search(r"safe|seguridad", row[1], re.I))
    assert cell.startswith(says) and cell.endswith(caveat), cell
