"""The words of the Spanish edition (issue 23, the bilingual editor's review).

* No English interface text on a Spanish page: no attribute (title, aria-label, placeholder, alt),
  no text outside the article and no word the theme's script shows (its translations) is one of the
  English interface strings (Material's English words, our English toggles and labels, the
  footer's "Made with"); Material's Spanish words carry the review's wording
  (overrides/partials/languages/es.html, which has every key of the English file).
* No English word on a Spanish page that is not marked as English (lang="en", so a screen reader
  says it in English): the Spanish build refuses it (guide/content/spanish_words.py, in the post-build step of
  both engines), with the page, the line, the word and the fix; these tests hold it to that message, both
  sides (an English word is refused; the words Spanish shares, SHARED, build).
* Both engines' builds are checked (the ``built`` fixture), except for the terms and the glossary's order.
* The one 404 page GitHub Pages serves (the root one) speaks Spanish too, with a link to the
  Spanish home; the Spanish build leaves no 404.html of its own.
* Terms the review changed stay changed on every built Spanish page: "sérum" (FundéuRAE; "suero"
  reads as an IV drip in much of Latin America), "exfoliantes con partículas" ("granitos" are
  pimples on the same pages).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from functools import cache
from pathlib import Path

import material
import pytest
import yaml
from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from guide.build.siteurl import load_config
from guide.content.spanish_words import SHARED, english_vocabulary, names, unmarked_english
from guide.content.spanish_words import words as words_of
from htmlpage import article_text, one, parse
from support import BUILD_LIMIT, ES_CONFIG, MKDOCS, ROOT, Build
from tools.project import copy_project

MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "languages"  # the installed theme's
OURS = ROOT / "overrides" / "partials" / "languages" / "es.html"
CONFIG_KEYS = ("language", "direction", "search.config.")  # settings, not words a reader sees
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")  # words a reader (or a screen reader) gets


def _translations(path: Path) -> dict[str, str]:
    """The key: words table of a theme language file (partials/languages/<lang>.html)."""
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)": "([^"]*)"', text, re.M))


@cache
def english_interface() -> frozenset[str]:
    """Every English interface string a Spanish page could show by mistake, lower case."""
    words = {v for k, v in _translations(MATERIAL / "en.html").items() if not k.startswith(CONFIG_KEYS)}
    config = load_config(ROOT / "mkdocs.yml")
    words |= {p["toggle"]["name"] for p in config["theme"]["palette"]}
    words |= {"Permanent link", "Made with", "Table, scrolls sideways", "Page not found"}
    return frozenset(w.lower() for w in words if "#" not in w and w.strip())


def _own_language(node: Tag | NavigableString) -> str:
    parent = node if isinstance(node, Tag) else node.parent
    while parent is not None and isinstance(parent, Tag):
        if parent.has_attr("lang"):
            return str(parent["lang"])
        parent = parent.parent
    return ""


def english_interface_text(html: str) -> list[str]:
    """The English interface strings on a page: attributes, text outside the article, the script's words."""
    tree = parse(html)
    english = english_interface()
    found = []
    for element in tree.select("body *"):
        if _own_language(element) == "en":
            continue
        for name in ATTRIBUTES:
            value = " ".join(str(element.get(name) or "").split())
            if value.lower() in english:
                found.append(f"{element.name}[{name}]={value!r}")
    for text in one(tree, "body").find_all(string=True):
        if isinstance(text, PreformattedString) or text.find_parent(["script", "style", "article"]) \
                or _own_language(text) == "en":
            continue
        words = " ".join(str(text).split())
        if words.lower() in english or words.lower().startswith("made with"):
            found.append(f"text {words!r} in <{text.parent.name if text.parent else ''}>")
    config = tree.select_one("script#__config")
    if config is not None:
        for key, value in json.loads(config.get_text())["translations"].items():
            if value.lower() in english:
                found.append(f"the theme's script says {value!r} ({key})")
    return found

# (a word that must not come back, why): searched in the text a reader sees and in the tooltips
RETIRED = [
    (r"\bsueros?\b", "'suero' reads as an IV drip in much of Latin America: write 'sérum' (FundéuRAE)"),
    (r"exfoliantes con granitos", "'granitos' are pimples on the same pages: write 'exfoliantes con partículas'"),
]


def _spanish_pages(site: Build) -> list[str]:
    return sorted(p.relative_to(site.site).as_posix() for p in (site.site / "es").rglob("*.html"))


@pytest.mark.parametrize("pattern, why", RETIRED)
def test_retired_spanish_terms_stay_out(site: Build, pattern: str, why: str) -> None:
    found = []
    for rel in _spanish_pages(site):
        html = (site.site / rel).read_text(encoding="utf-8")
        tips = " ".join(str(a["title"]) for a in parse(html).select("abbr[title]"))
        if re.search(pattern, article_text(html) + " " + tips, re.I):
            found.append(rel)
    assert not found, f"{why}: found on {found}"


def test_english_interface_strings_are_found() -> None:
    """The check finds what the Spanish edition showed before issue 23 (its footer) and the English
    words Material would fall back to."""
    before = ('<html lang="es"><body><header aria-label="Header"></header><article><p>Texto</p></article>'
              '<footer><div class="md-copyright">Made with <a href="x">Material for MkDocs</a></div>'
              '<a class="headerlink" title="Permanent link">¶</a><label title="Switch to dark mode"></label>'
              '<span lang="en">Search</span></footer></body></html>')
    assert english_interface_text(before) == ["header[aria-label]='Header'", "a[title]='Permanent link'",
                                              "label[title]='Switch to dark mode'", "text 'Made with' in <div>"]


def test_no_english_interface_text_on_spanish_pages(built: Build) -> None:
    """Titles, aria-labels, the footer and the theme's words, on every Spanish page."""
    found = {}
    for rel in _spanish_pages(built):
        leaks = english_interface_text((built.site / rel).read_text(encoding="utf-8"))
        if leaks:
            found[rel] = leaks
    assert not found, found


def test_spanish_interface_words_have_every_key_and_the_reviews_wording() -> None:
    """A key missing from overrides/partials/languages/es.html falls back to English on Spanish pages."""
    ours = _translations(OURS)
    english = _translations(MATERIAL / "en.html")
    missing = [k for k in english if k not in ours and not k.startswith(CONFIG_KEYS)]
    assert not missing, f"add these keys to {OURS.relative_to(ROOT)}: {missing}"
    assert not [k for k, v in ours.items() if v.lower() in english_interface() and k != "blog.meta"]
    for key, words in {"action.skip": "Saltar al contenido", "toc": "En esta página", "search.placeholder": "Buscar",
                       "search.result.placeholder": "Escriba para buscar", "header": "Encabezado",
                       "search.result.initializer": "Preparando la búsqueda", "footer": "Pie de página",
                       "search.result.none": "No se encontraron resultados"}.items():
        assert ours[key] == words, key


def test_the_served_404_speaks_both_languages(built: Build) -> None:
    """GitHub Pages serves only the root 404.html of a project site, whatever the edition."""
    assert not (built.site / "es" / "404.html").exists(), "the Spanish 404 page can never be served: do not build it"
    tree = parse((built.site / "404.html").read_text(encoding="utf-8"))
    spanish = tree.select_one("article div[lang=es]")  # the Spanish part (a line above it sends readers down to it)
    assert spanish is not None, "no Spanish part on the 404 page"
    assert spanish.select_one("h2") is not None and "Página no encontrada" in spanish.get_text()
    links = [(str(a["href"]), a.get_text()) for a in spanish.select("a[href]") if not str(a["href"]).startswith("https://")]
    assert links[0][0] == "/guide/es/", "a link to the Spanish home first"
    assert [str(a["href"]) for a in tree.select("article a[href]")][0] == "/guide/", "and to the English one"
    # Its topics are the Spanish nav's pages with their titles (guide/build/postbuild.py's spanish_topics reads mkdocs.es.yml).
    nav = [next(iter(item.items())) for item in yaml.load((ROOT / "mkdocs.es.yml").read_text(encoding="utf-8"),
                                                          Loader=yaml.BaseLoader)["nav"]]
    assert links[1:] == [("/guide/es/" + src.removesuffix(".md") + "/", title) for title, src in nav if src != "index.md"]
    assert "búsqueda" in spanish.get_text() and "toque la lupa" in spanish.get_text(), "a search hint, true on a phone"
    assert one(tree, "title").get_text().startswith("Page not found · Página no encontrada - ")


def test_unmarked_english_is_found() -> None:
    english = frozenset({"pen", "scrubs", "board-certified", "microneedling"})
    before = ('<html lang="es"><body><article><p>Describe la pluma (pen) de microagujas.</p>'
              '<p><abbr title="Del consejo (board-certified)">consejo</abbr> y <span lang="en">microneedling</span>, '
              'en https://example.org/microneedling-guide/</p></article>'
              '<footer>Hecho con <a lang="en">Material for MkDocs</a>; scrubs.</footer></body></html>')
    assert sorted(unmarked_english(before, english)) == [
        ("board-certified", "the tooltip “Del consejo (board-certified)”"),
        ("pen", "“Describe la pluma (pen) de microagujas.”"), ("scrubs", "“; scrubs.”")]


def test_spanish_words_that_english_shares_are_not_english() -> None:
    """The new-editor trial: "ideas" on a Spanish page was called English. Words Spanish shares build
    unmarked; a word only English has is still found, beside them."""
    shared = ["ideas", "idea", "general", "normal", "hospital", "final", "local", "total", "error"]
    english = frozenset(words_of((ROOT / "sources" / "article.txt").read_text(encoding="utf-8")) | set(shared)
                        | {"needle", "pen"}) - SHARED - names(ROOT)
    page = ('<html lang="es"><body><article><p>Algunas ideas: una idea general, un error normal en el hospital, el '
            'resultado final, la clínica local y el precio total.</p><p>La pluma (pen) tiene una needle.</p>'
            '</article></body></html>')
    assert sorted(unmarked_english(page, english)) == [("needle", "“La pluma (pen) tiene una needle.”"),
                                                       ("pen", "“La pluma (pen) tiene una needle.”")]


def test_the_english_vocabulary_is_read_from_the_english_sources() -> None:
    english = english_vocabulary(ROOT)
    assert {"needle", "scrubs", "punctate", "board-certified", "microneedling", "pen"} <= english
    assert not english & SHARED and "nazarian" not in english and "dermapen" not in english


SHARED_LINE = "Algunas ideas: una idea general, un error normal en el hospital y el total final."
ENGLISH_LINE = 'La pluma tiene una needle, que el {{ en("pen") }} lleva.'


def _spanish_build(tmp_path: Path, *lines: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """The Spanish edition of a copy of the project, built with ``lines`` added to docs-es/pain.md; and the
    line of the last one."""
    project = copy_project(tmp_path / "project")
    page = project / "docs-es" / "pain.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n"
    for line in lines:
        text += "\n" + line + "\n"
    page.write_text(text, encoding="utf-8")
    english = project / "docs" / "pain.md"  # as many paragraphs on its pair, which the build holds to the same shape
    english.write_text(english.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\nSee the sources page.\n" * len(lines),
                       encoding="utf-8")
    proc = subprocess.run([MKDOCS, "build", "-f", ES_CONFIG, "--strict", "--clean", "--site-dir", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True, timeout=BUILD_LIMIT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return proc, len(text.splitlines())


@pytest.mark.build
def test_an_english_word_on_a_spanish_page_stops_the_build(tmp_path: Path) -> None:
    proc, line = _spanish_build(tmp_path, SHARED_LINE, ENGLISH_LINE)
    assert proc.returncode != 0
    errors = [row for row in proc.stderr.splitlines() if row.startswith("ERROR")]
    assert len(errors) == 1 and f"docs-es/pain.md:{line}: an English word on a Spanish page, not marked as English " \
        "('needle') Found: 'La pluma tiene una needle, " in errors[0], proc.stderr
    assert 'Fix: Say it in Spanish, or mark it: {{ en("needle") }}.' in errors[0] and "Expected: Spanish words" in errors[0]


@pytest.mark.build
def test_the_words_spanish_shares_build(tmp_path: Path) -> None:
    proc, _ = _spanish_build(tmp_path, SHARED_LINE)
    assert proc.returncode == 0, proc.stderr


def test_the_spanish_glossary_is_in_spanish_dictionary_order(site: Build) -> None:
    """Accents do not count ("ácido" among the a's, not after "z"); case does not either."""
    import unicodedata

    terms = [" ".join(dt.get_text(" ").split()) for dt in parse(
        (site.site / "es" / "glossary" / "index.html").read_text(encoding="utf-8")).select("article dt")]

    def plain(term: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", term.lower()) if not unicodedata.combining(c))

    assert len(terms) > 20 and terms == sorted(terms, key=plain), terms
    assert terms.index("ácido glicólico") < terms.index("amplio espectro")
