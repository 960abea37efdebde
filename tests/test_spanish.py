"""The Spanish edition (issue 15): one facts file, two editions, and proof that the numbers match.

* Parity: every English page has its Spanish pair, in the same nav order; each pair calls the
  same macros with the same keys (so shows the same set of facts); every number a reader sees
  on an English page is on its Spanish pair.
* A data edit (the needle count) changes both editions, and the old value stays on neither.
* The Spanish wording file (data/facts.es.yml) is checked against data/facts.yml: a missing,
  extra or numbered wording stops the build with file:line, the key and the fix.
* The page checks speak Spanish: "la Dra. Jaliman dice" and "el artículo dice" are checked
  for who said it, "once agujas" is a typed number, "Dra. Nazarain" is not an expert.
* Spanish pages: lang="es", hreflang links to the page's pair, the selector's links land on
  the pair, the Spanish search index, translated quotes marked as such with the English words.
* Readability: Szigriszt-Pazos (INFLESZ) 60 or above on every Spanish topic page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from guide.build.siteurl import load_config
from guide.content import attribution, pagecheck
from guide.data import lang as langs
from guide.data import schema
from guide.data.loader import load_facts
from guide.data.yamlsrc import load_with_lines
from guide.errors import GuideError, GuideErrors
from guide.render import text as render
from htmlpage import article_text, page_file, parse, text_of
from support import ROOT, Build, copy_built, entry, make_build, number_word, run_build
from tools.project import cite_numbers, copy_project

EN_CONFIG = load_config(ROOT / "mkdocs.yml")  # !ENV tags resolved as MkDocs does
ES_CONFIG = load_config(ROOT / "mkdocs.es.yml")
EN_NAV = [next(iter(item.values())) for item in EN_CONFIG["nav"]]
ES_NAV = [next(iter(item.values())) for item in ES_CONFIG["nav"]]
FACTS = load_facts(ROOT / "data" / "facts.yml")
WORDING = "data/facts.es.yml"
TOPICS = [src for src in ES_NAV if src not in ("glossary.md", "sources.md")]
CALL = re.compile(r"\{\{\s*(\w+)\(([^)]*)\)\s*\}\}")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])")
SKIP = ("headerlink", "page-info")


def _spanish(facts_text: str | None = None, wording_text: str | None = None, tmp_path: Path | None = None) -> schema.Facts:
    """Load the Spanish facts from (possibly edited) copies of the two data files."""
    data, wording = ROOT / "data" / "facts.yml", ROOT / WORDING
    if wording_text is not None:
        assert tmp_path is not None
        wording = tmp_path / "facts.es.yml"
        wording.write_text(wording_text, encoding="utf-8")
    facts = FACTS
    _, lines = load_with_lines(data, "data/facts.yml")
    return langs.load_wording(wording, WORDING, facts, "data/facts.yml", lines)


def _errors(exc: BaseException) -> list[str]:
    return [str(e) for e in (exc.errors if isinstance(exc, GuideErrors) else [exc])]


# --- parity ---------------------------------------------------------------------

def test_every_english_page_has_its_spanish_pair_in_the_same_order() -> None:
    english = sorted(p.name for p in (ROOT / "docs").glob("*.md") if not p.name.startswith("_"))
    spanish = sorted(p.name for p in (ROOT / "docs-es").glob("*.md") if not p.name.startswith("_"))
    assert spanish == english
    assert ES_NAV == EN_NAV, "the Spanish nav lists the same pages in the same order"


@pytest.mark.parametrize("src", EN_NAV)
def test_each_pair_shows_the_same_facts(src: str) -> None:
    """Same macro calls with the same keys: the same facts, experts, quotes and summaries."""
    def calls(path: Path) -> set[tuple[str, str]]:
        text = path.read_text(encoding="utf-8")
        # en("...") marks English words on a Spanish page: it shows no fact
        return {(name, args.split(",")[0].strip()) for name, args in CALL.findall(text) if name != "en"}

    en, es = calls(ROOT / "docs" / src), calls(ROOT / "docs-es" / src)
    assert es == en, f"{src}: only English {sorted(en - es)}, only Spanish {sorted(es - en)}"
    # the comparison read the calls: a page with macro calls has some (a page may show no fact at all: the
    # new-editor trial's "Questions to ask" page failed here while the build passed it)
    assert en or "{{" not in (ROOT / "docs" / src).read_text(encoding="utf-8"), f"{src}: the comparison saw none of its calls"


def _without_passages(html: str) -> str:
    """The page without its facts table's passages: the article's English words, which the Spanish table
    leaves out (it links to the English one), and whose numbers need not be the facts' own."""
    tree = parse(html)
    for row in tree.select("table.facts tr"):
        cells = row.find_all(["th", "td"], recursive=False)
        if len(cells) == 5:  # fact, says, who, passage, shown
            cells[3].decompose()
    return str(tree)


@pytest.mark.parametrize("src", EN_NAV)
def test_every_number_on_an_english_page_is_on_its_pair(site: Build, src: str) -> None:
    en = article_text(_without_passages(page_file(site.site, src).read_text(encoding="utf-8")), skip_classes=SKIP)
    es = article_text(page_file(site.site / "es", src).read_text(encoding="utf-8"), skip_classes=SKIP)
    missing = sorted(set(NUMBER.findall(en)) - set(NUMBER.findall(es)), key=float)
    assert not missing, f"{src}: numbers on the English page and not on the Spanish one: {missing}"


def test_a_number_typed_on_one_edition_only_stops_the_build(tmp_path: Path) -> None:
    """The build holds each pair of pages to the same typed numbers (24/7, step 1, a raw block), and names
    the page and line; the same number in the pair builds."""
    from guide.build import preflight

    project = copy_project(tmp_path / "p")
    english, spanish = project / "docs" / "pain.md", project / "docs-es" / "pain.md"
    text = english.read_text(encoding="utf-8")  # at the end of a paragraph (one more paragraph is a message of its own)
    english.write_text(text.replace("\n\n## ", " Our phone line is open 24/7.\n\n## ", 1), encoding="utf-8")
    found = [str(e) for e in preflight.content_errors(project)]
    line = english.read_text(encoding="utf-8").split("Our phone line")[0].count("\n") + 1
    for number in ("24", "7"):
        assert any(m.startswith(f"docs/pain.md:{line}: the number {number} is typed on this page, and its pair docs-es/pain.md "
                                "does not show it") for m in found), found
    text = spanish.read_text(encoding="utf-8")
    spanish.write_text(text.replace("\n\n## ", " Nuestra línea está abierta 24/7.\n\n## ", 1), encoding="utf-8")
    assert preflight.content_errors(project) == []


def test_the_spanish_wording_covers_every_text_of_the_facts_file() -> None:
    spanish = _spanish()
    want = langs.expected_wording(FACTS)
    assert want, "the wording check found texts to check"
    for key in FACTS.all_facts():
        en, es = FACTS.all_facts()[key], spanish.all_facts()[key]
        # numbers, units, speakers and passages come from data/facts.yml alone
        assert schema.fact_numbers(es) == schema.fact_numbers(en), key
        assert (es.expert, es.source, es.kind) == (en.expert, en.source, en.kind), key
        if isinstance(en, schema.ListFact):
            assert isinstance(es, schema.ListFact) and len(es.items) == len(en.items), key
            assert es.joined_by == en.joined_by and es.scope == en.scope, key


# --- a data edit changes both editions -----------------------------------------

def _editions(project: Path) -> tuple[schema.Facts, schema.Facts]:
    """The English facts of a project and their Spanish wording."""
    facts = load_facts(project / "data" / "facts.yml")
    _, lines = load_with_lines(project / "data" / "facts.yml", "data/facts.yml")
    return facts, langs.load_wording(project / WORDING, WORDING, facts, "data/facts.yml", lines)


@pytest.mark.build
def test_a_data_edit_changes_both_editions_and_leaves_no_stale_value(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    data = project / "data" / "facts.yml"
    count = entry("facts.device.needle_count.value", text=data.read_text(encoding="utf-8"))
    before = [render.fact_text(f.all_facts()["device.needle_count"], lang=lang) for f, lang in zip(_editions(project), ("en", "es"))]
    cite_numbers(project, count.replaced(f"{count.indent}value: {float(count.value) + 6:g}\n"))
    after = [render.fact_text(f.all_facts()["device.needle_count"], lang=lang) for f, lang in zip(_editions(project), ("en", "es"))]
    assert set(after).isdisjoint(before), (before, after)
    build = run_build(project)
    assert build.ok, build.output
    for src in ("procedure.md", "index.md"):
        en = article_text(page_file(build.site, src).read_text(encoding="utf-8"))
        es = article_text(page_file(build.site / "es", src).read_text(encoding="utf-8"))
        assert after[0] in en and after[1] in es, (src, after)
    for page in build.site.rglob("*.html"):
        text = article_text(page.read_text(encoding="utf-8"))
        assert not any(re.search(rf"(?<![\d.]){re.escape(old)}", text) for old in before), f"stale needle count on {page}"


# --- the wording file: every mistake stops the build ----------------------------

@pytest.mark.build
def test_a_missing_spanish_wording_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    wording = project / WORDING
    text = wording.read_text(encoding="utf-8")
    wording.write_text(entry("facts.device.home_needles.value", WORDING, text).replaced(""), encoding="utf-8")
    line = entry("facts.device.home_needles", WORDING, text).line  # the fact's line in the wording file
    build = run_build(project)
    assert not build.ok
    assert "Traceback" not in build.output
    match = re.search(r"^ERROR\s+-\s+(.+)$", build.output, re.M)
    assert match, build.output
    message = match.group(1)
    assert message.startswith(f"{WORDING}:{line}: missing Spanish wording (at facts.device.home_needles.value)"), message
    assert "Found: no 'value' under facts.device.home_needles." in message
    english = FACTS.all_facts()["device.home_needles"]
    assert isinstance(english, schema.TextFact)
    assert f"data/facts.yml:{entry('facts.device.home_needles.value').line} ('{english.value}')" in message, "names the English text"
    assert "Fix: Add 'value:' under facts.device.home_needles in data/facts.es.yml, in Spanish." in message


@pytest.mark.build
def test_a_spanish_failure_keeps_the_previous_site_of_both_editions(built: Build, tmp_path: Path) -> None:
    """make build / make build-zensical: the English build passes, the Spanish one fails, nothing is published."""
    project = copy_built(built, tmp_path / "project")  # the session's build, its site the previous one
    out = built.site.relative_to(built.project)
    assert (project / out / "es" / "pain" / "index.html").is_file() and (project / out / "pain" / "index.html").is_file()
    marker = project / out / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    wording = project / WORDING
    wording.write_text(entry("facts.recovery.feel_after.value", WORDING, wording.read_text(encoding="utf-8")).replaced(""),
                       encoding="utf-8")
    bad = make_build(project, built.engine)
    assert not bad.ok
    assert "missing Spanish wording (at facts.recovery.feel_after.value)" in bad.output
    assert marker.read_text(encoding="utf-8") == "previous build", "a failed Spanish build replaced the previous site"


def test_the_spanish_wording_check_messages(tmp_path: Path) -> None:
    text = (ROOT / WORDING).read_text(encoding="utf-8")
    scabs, feel = entry("facts.recovery.scab_fade.value", WORDING), entry("facts.recovery.feel_after.value", WORDING)
    skin = entry("facts.candidates.avoid_skin.items", WORDING)
    avoid = _spanish().all_facts()["candidates.avoid_skin"]
    assert isinstance(avoid, schema.ListFact)
    items = list(avoid.items)
    cases = {
        "extra": (text.replace('    invasiveness:\n', '    invasivenes:\n      label: "x"\n    invasiveness:\n', 1),
                  "Spanish wording for something that has no text in data/facts.yml (at facts.about.invasivenes.label)"),
        "number": (scabs.replaced(f'{scabs.indent}value: "unos 3 días"\n'),
                   "a number typed into the Spanish wording ('3') (at facts.recovery.scab_fade.value)"),
        "number word": (scabs.replaced(f'{scabs.indent}value: "unos tres días"\n'),
                        "a number typed into the Spanish wording ('tres') (at facts.recovery.scab_fade.value)"),
        "items": (skin.replaced(f"{skin.indent}items: {json.dumps(items[:-1], ensure_ascii=False)}\n"),
                  "the Spanish list has a different number of items (at facts.candidates.avoid_skin.items)"),
        "markup": (feel.replaced(f'{feel.indent}value: "roja y <b>sensible</b>"\n'),
                   "the Spanish wording is not plain text: it contains an angle bracket '<' (at facts.recovery.feel_after.value)"),
        "quote": (text.replace('  tricking:\n    text:', '  tricking:\n    txt:', 1),
                  "missing Spanish wording (at quotes.tricking.text)"),
    }
    for case, (edited, expected) in cases.items():
        assert edited != text, case
        with pytest.raises((GuideError, GuideErrors)) as caught:
            _spanish(wording_text=edited, tmp_path=tmp_path)
        messages = _errors(caught.value)
        assert any(expected in m and m.startswith(f"{WORDING}:") and "Fix: " in m for m in messages), (case, messages)


def test_strings_files_have_the_same_keys(tmp_path: Path) -> None:
    en = langs.load_strings(ROOT, "en")
    es = langs.load_strings(ROOT, "es")
    assert set(en) == set(es)
    project = tmp_path / "p"
    (project / "includes" / "strings").mkdir(parents=True)
    (project / "includes" / "strings" / "en.yml").write_text((ROOT / "includes/strings/en.yml").read_text(encoding="utf-8"))
    es_text = (ROOT / "includes/strings/es.yml").read_text(encoding="utf-8")
    (project / "includes" / "strings" / "es.yml").write_text(re.sub(r"^pi_note: .*\n", "", es_text, flags=re.M))
    with pytest.raises(GuideError) as caught:
        langs.load_strings(project, "es")
    assert str(caught.value).startswith("includes/strings/es.yml:1: a template string is missing (at pi_note)")


@pytest.mark.parametrize("lang, old, new, says", [
    ("es", 'sheet_skip: "{who} dice que no se lo haga si {cases}."', 'sheet_skip: "{who} dice que no se lo haga si <script>alert(1)</script> {cases}."',
     "a template string is not plain text: it contains an angle bracket '<' (at sheet_skip)"),
    ("es", 'sheet_skip: "{who} dice que no se lo haga si {cases}."', 'sheet_skip: "{who} dice que no se lo haga si [lee](https://evil.example) {cases}."',
     "a template string is not plain text: it contains a square bracket"),
    ("es", 'sheet_skip: "{who} dice que no se lo haga si {cases}."', 'sheet_skip: "{who} dice que no se lo haga antes de doce semanas si {cases}."',
     "a number typed into a template string ('doce') (at sheet_skip)"),
    ("en", 'sheet_skip: "{who} says to skip it if {cases}."', 'sheet_skip: "{who} says to skip it for 3 weeks if {cases}."',
     "a number typed into a template string ('3') (at sheet_skip)"),
    ("en", 'sheet_skip: "{who} says to skip it if {cases}."', 'sheet_skip: "{who} says to skip it if *really* needed and {cases}."',
     "a template string is not plain text: it contains an asterisk"),
    # count_words[i] is the word for i: the review's list made the site say "It quotes five doctors"
    ("en", 'count_words: ["no", "one", "two", "three", "four"]', 'count_words: ["no", "one", "five", "six", "seven"]',
     "entry 2 of 'count_words' must be the word for 2, and 'five' is the word for 5 (at count_words[2])"),
    ("en", 'count_words: ["no", "one", "two", "three", "four"]', 'count_words: ["no", "one", "too", "three", "four"]',
     "entry 2 of 'count_words' must be the word for 2, and 'too' is not a number word the guide knows"),
    ("en", 'count_words: ["no", "one", "two", "three", "four"]', 'count_words: ["one", "two", "three", "four"]',
     "entry 0 of 'count_words' must be the word for 0, and 'one' is the word for 1"),
    ("es", 'count_words: ["ninguna", "una", "dos", "tres", "cuatro"]', 'count_words: ["ninguna", "una", "cinco", "tres", "cuatro"]',
     "entry 2 of 'count_words' must be the word for 2, and 'cinco' is the word for 5 (at count_words[2])"),
    ("es", 'count_words: ["ninguna", "una", "dos", "tres", "cuatro"]', 'count_words: ["ninguna", "once", "dos", "tres", "cuatro"]',
     "entry 1 of 'count_words' must be the word for 1, and 'once' is the word for 11"),
])
def test_template_strings_are_plain_words_without_numbers(tmp_path: Path, lang: str, old: str, new: str, says: str) -> None:
    """includes/strings/*.yml reach every page; markup, links and typed numbers there stop the build."""
    folder = tmp_path / "includes" / "strings"
    folder.mkdir(parents=True)
    for name in ("en", "es"):
        text = (ROOT / f"includes/strings/{name}.yml").read_text(encoding="utf-8")
        if name == lang:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        langs.load_strings(tmp_path, lang)
    message = str(caught.value)
    assert message.startswith(f"includes/strings/{lang}.yml:") and says in message and "Fix: " in message, message
    if "count_words" in says:
        assert "Fix: Write '" in message, message  # the right word, from guide/data/numbers.py


# --- the page checks in Spanish --------------------------------------------------

def test_spanish_attribution_is_checked() -> None:
    spanish = _spanish()
    aftercare = (ROOT / "docs-es" / "aftercare.md").read_text(encoding="utf-8")
    attribution.check(aftercare, "docs-es/aftercare.md", spanish)  # the real page passes
    good = 'El artículo dice que el tratamiento con microagujas le deja la piel {{ fact("recovery.feel_after") }}.'
    assert good in aftercare
    drifted = aftercare.replace(good, good.replace("El artículo dice", "La Dra. Jaliman dice"))
    with pytest.raises(GuideError) as caught:
        attribution.check(drifted, "docs-es/aftercare.md", spanish)
    assert str(caught.value).startswith(
        f"docs-es/aftercare.md:{aftercare[:aftercare.index(good)].count(chr(10)) + 1}: this sentence credits "
        "Dra. Jaliman with the article's own words (at recovery.feel_after)")
    attribution.check("El artículo dice que use {{ fact(\"aftercare.skin_care\") }}.", "x.md", spanish)
    with pytest.raises(GuideError):
        attribution.check('La Dra. Nazarian dice que use {{ fact("aftercare.skin_care") }}.', "x.md", spanish)
    with pytest.raises(GuideError):
        attribution.check('El artículo dice que el bolígrafo tiene {{ fact("device.needle_count") }}.', "x.md", spanish)


@pytest.mark.parametrize("sentence, credits", [
    # verbs of saying: dice, según, explica, recomienda, aconseja, afirma, sugiere
    ('La Dra. Jaliman dice que el bolígrafo tiene {{ fact("device.needle_count") }}.', "Dra. Jaliman with Dra. Nazarian"),
    ('Según la Dra. Jaliman, el bolígrafo tiene {{ fact("device.needle_count") }}.', "Dra. Jaliman with Dra. Nazarian"),
    ('La Dra. Nazarian explica que el FPS es {{ fact("aftercare.spf_min") }}.', "Dra. Nazarian with Dra. Jaliman"),
    ('La Dra. Nazarian recomienda {{ fact("provider.preferred") }}.', "Dra. Nazarian with Dra. Jaliman"),
    ('La {{ expert("nazarian") }}, aconseja un protector solar {{ fact("aftercare.sunscreen_type") }}.',
     "Dra. Nazarian with Dra. Jaliman"),
    ('Jaliman afirma que la crema tarda {{ fact("appointment.numbing_time") }}.', "Dra. Jaliman with the article"),
    ('Según el artículo, el bolígrafo tiene {{ fact("device.needle_count") }}.', "the article with Dra. Nazarian"),
    ('La idea del artículo es que evite {{ fact("aftercare.avoid_ingredients") }}.', "the article with Dra. Jaliman"),
    ('El artículo sugiere que pregunte: {{ fact_list("provider.questions") }}', "the article with Dra. Nazarian"),
    ('La Dra. Jaliman lo dice así:\n\n{{ quote("tricking") }}', "Dra. Jaliman with Dra. Nazarian's quote"),
    # the case of the title or the name does not hide the speaker (newcomer's trial)
    ('La pluma tiene {{ fact("device.needle_count") }}, según la dra. Jaliman.', "Dra. Jaliman with Dra. Nazarian"),
    ('SEGÚN LA DRA. JALIMAN, la pluma tiene {{ fact("device.needle_count") }}.', "Dra. Jaliman with Dra. Nazarian"),
])
def test_spanish_sentences_credit_only_their_speaker(sentence: str, credits: str) -> None:
    """Hostile Spanish sentences: whatever the verb of saying, a sentence that names a speaker
    ("la Dra. Jaliman", "Jaliman", "el artículo", "del artículo") may show only that speaker's facts."""
    with pytest.raises(GuideError) as caught:
        attribution.check(sentence, "docs-es/x.md", _spanish())
    message = str(caught.value)
    assert message.startswith("docs-es/x.md:") and f"credits {credits}" in message, message


@pytest.mark.parametrize("sentence", [
    'La Dra. Nazarian dice que el bolígrafo tiene {{ fact("device.needle_count") }}.',
    'Según la Dra. Jaliman, el FPS es {{ fact("aftercare.spf_min") }}.',
    'Según el artículo, la crema tarda {{ fact("appointment.numbing_time") }}.',
    'El artículo y la Dra. Jaliman dicen que espere si {{ fact("candidates.wait_if", "or") }}.',
    'El tiempo {{ fact("aftercare.avoid_ingredients_for") }}, según el artículo.',
])
def test_spanish_sentences_that_credit_the_right_speaker_pass(sentence: str) -> None:
    attribution.check(sentence, "docs-es/x.md", _spanish())


def test_spanish_number_words_are_typed_numbers() -> None:
    spanish = _spanish()
    count = spanish.all_facts()["device.needle_count"]
    assert isinstance(count, schema.NumberFact)
    word = number_word(count.value, "es")  # "once" for 11
    with pytest.raises(GuideError) as caught:
        pagecheck.check_numbers(f"\nEl bolígrafo tiene {word} agujas.\n", "docs-es/x.md", spanish, "es")
    assert f"a number typed into the page: '{word}'" in str(caught.value)
    assert 'fact("device.needle_count")' in str(caught.value)
    with pytest.raises(GuideError):
        pagecheck.check_numbers("\nde diez a veinte minutos\n", "docs-es/x.md", spanish, "es")
    with pytest.raises(GuideError):
        pagecheck.check_numbers("\nCon un FPS de treinta.\n", "docs-es/x.md", spanish, "es")
    pagecheck.check_numbers("\nDos médicas responden. Una vez al mes.\n", "docs-es/x.md", spanish, "es")


@pytest.mark.build
def test_a_misspelt_doctor_on_a_spanish_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs-es" / "pain.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Nuestra página", "La Dra. Nazarain dice que nuestra página", 1), encoding="utf-8")
    build = run_build(project)
    assert not build.ok
    assert "docs-es/pain.md:" in build.output and "'Dra. Nazarain', who is not an expert" in build.output, build.output
    assert "Did you mean 'Dra. Nazarian'?" in build.output


# --- the built Spanish pages ------------------------------------------------------

def _url(src: str) -> str:
    return "" if src == "index.md" else src.removesuffix(".md") + "/"


@pytest.mark.parametrize("src", ES_NAV)
def test_spanish_page_has_lang_and_hreflang_to_its_pair(site: Build, src: str) -> None:
    html = page_file(site.site / "es", src).read_text(encoding="utf-8")
    assert re.search(r'<html lang="es"', html)
    base = "https://microneedling-guide.github.io/guide/"
    for code, url in (("en", base + _url(src)), ("es", base + "es/" + _url(src)), ("x-default", base + _url(src))):
        assert f'<link rel=" alternate" hreflang="{code}" href="{url}">' in html, (src, code)
    english = page_file(site.site, src).read_text(encoding="utf-8")
    assert f'<link rel=" alternate" hreflang="es" href="{base}es/{_url(src)}">' in english
    # Material's script fetches a sitemap.xml beside every link[rel=alternate] (exact match): none here
    assert not re.search(r'<link rel="alternate"', html + english)
    assert '<meta property="og:locale" content="es_US">' in html


@pytest.mark.parametrize("edition", ["", "es/"])
@pytest.mark.parametrize("src", EN_NAV)
def test_language_switch_lands_on_the_same_topic(site: Build, src: str, edition: str) -> None:
    page = page_file(site.site / edition if edition else site.site, src)
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<a class="md-header__button md-header__lang" href="([^"]*)" hreflang="(en|es)" lang="\2">([^<]*)</a>', html)
    assert len(links) == 1, links
    href, code, name = links[0]
    assert code == ("en" if edition else "es") and name == ("English" if edition else "Español")
    target = (page.parent / href).resolve()
    target = target / "index.html" if target.is_dir() else target
    assert target == page_file(site.site / "es" if code == "es" else site.site, src).resolve(), (src, edition, href)


def test_spanish_search_index_is_spanish_and_finds_acne_scars(site: Build) -> None:
    import json
    index = json.loads((site.site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]
    pages = {doc["location"].split("#")[0] for doc in index["docs"] if "cicatrices" in (doc["title"] + doc["text"]).lower()}
    assert {"candidates/", "frequency/"} <= pages, pages
    assert (site.site / "es" / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js").is_file()


def test_quotes_are_translations_marked_with_the_doctors_english_words(site: Build) -> None:
    html = page_file(site.site / "es", "procedure.md").read_text(encoding="utf-8")
    text = article_text(html)
    english, spanish = FACTS.quotes["tricking"].text, _spanish().quotes["tricking"].text
    assert spanish in text
    assert f"(traducción nuestra; sus palabras en inglés: “{english}" in text
    assert f'<span lang="en">“{escape(english)}' in html
    sources = page_file(site.site, "sources.md").read_text(encoding="utf-8")
    passage = FACTS.all_facts()["device.needle_count"].source
    assert passage in [text_of(td) for td in parse(sources).select("table.facts td")], "the facts table keeps the article's own words"
    sources = page_file(site.site / "es", "sources.md").read_text(encoding="utf-8")
    assert '<a href="../../sources/#facts-and-sources" hreflang="en">la tabla de la versión en inglés</a>' in sources, \
        "the Spanish facts table links to the English one, which has the article's words"


def test_spanish_dates_and_numbers(site: Build) -> None:
    html = page_file(site.site / "es", "index.md").read_text(encoding="utf-8")
    text = article_text(html)
    front = (ROOT / "docs-es" / "index.md").read_text(encoding="utf-8").split("---")[1]
    written = re.search(r"^last_reviewed: (\S+)", front, re.M)
    assert written, front
    reviewed = date.fromisoformat(written[1])
    month = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()[reviewed.month - 1]
    assert (f'<strong>Última revisión:</strong> <time datetime="{reviewed.isoformat()}">'
            f"{reviewed.day} de {month} de {reviewed.year}</time>") in html
    depth = _spanish().all_facts()["device.depth_range"]
    assert isinstance(depth, schema.RangeFact)
    shown = render.fact_text(depth, lang="es")
    assert shown in text and shown.startswith(f"de {schema.num(depth.min)} a {schema.num(depth.max)} ")
    assert "," not in shown, "decimal point, as MedlinePlus en español"


# --- readability ---------------------------------------------------------------------

@pytest.fixture
def spanish_textstat() -> Iterator[Any]:
    import textstat
    textstat.set_lang("es")
    try:
        yield textstat
    finally:
        textstat.set_lang("en_US")  # textstat's language is global: give the English tests theirs back


@pytest.mark.parametrize("src", TOPICS)
def test_spanish_topic_page_reads_normal_or_easier(site: Build, spanish_textstat: Any, src: str) -> None:
    text = article_text(page_file(site.site / "es", src).read_text(encoding="utf-8"), skip_classes=SKIP)
    score = spanish_textstat.szigriszt_pazos(text)
    print(f"es/{src}: Szigriszt-Pazos {score} ({len(text.split())} words)")
    assert len(text.split()) > 50
    assert score >= 60, f"es/{src} scores {score} on the INFLESZ scale; aim for 60 or above (shorter sentences)"


def test_contributing_quotes_the_real_missing_wording_message(tmp_path: Path) -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    quoted = re.search(r"```\n(data/facts\.es\.yml:\d+: missing Spanish wording .+?)\n```", contributing)
    assert quoted, "CONTRIBUTING.md shows the missing-wording message"
    key = re.search(r"\(at facts\.(\w+\.\w+)\.value\)", quoted.group(1))
    assert key, quoted.group(1)
    with pytest.raises(GuideErrors) as caught:
        _spanish(wording_text=entry(f"facts.{key[1]}.value", WORDING).replaced(""), tmp_path=tmp_path)

    def example(message: str) -> str:  # the lines and the English words are today's, the wording the check's
        return re.sub(r"\('[^']*'\)", "('...')", re.sub(r"(\.yml):\d+", r"\1:N", message))

    assert [example(m) for m in _errors(caught.value)] == [example(quoted.group(1))]


def test_robots_txt_names_both_sitemaps(site: Build, tmp_path: Path) -> None:
    """At a domain's root, robots.txt names the Spanish sitemap too (a fork at its root:
    tests/test_site_url.py); under /guide/ none is published (tests/test_seo.py)."""
    from guide.build.postbuild import robots_txt

    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>", encoding="utf-8")
    written = robots_txt(tmp_path, ("es/",))
    assert written is not None, "a site at a domain's root gets a robots.txt"
    robots = written.read_text(encoding="utf-8").splitlines()
    assert "Sitemap: https://example.org/sitemap.xml" in robots and "Sitemap: https://example.org/es/sitemap.xml" in robots
    sitemap = (site.site / "es" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len(ES_NAV) and "https://microneedling-guide.github.io/guide/es/pain/" in sitemap


def test_both_editions_share_the_readers_settings(site: Build) -> None:
    """Material keeps the colour scheme under its scope: the Spanish pages use the English home's."""
    for page in (page_file(site.site, "pain.md"), page_file(site.site / "es", "pain.md")):
        html = page.read_text(encoding="utf-8")
        scope = re.search(r'__md_scope=new URL\("([^"]*)"', html)
        assert scope, page
        resolved = (page.parent / scope.group(1)).resolve() if not scope.group(1).startswith("/") else None
        assert scope.group(1) == "/guide/" or resolved == site.site.resolve(), (page, scope.group(1))


def test_zensical_spanish_config_is_mkdocs_es_over_mkdocs(tmp_path: Path) -> None:
    """Zensical builds the Spanish edition from zensical.es.yml flattened (Zensical's INHERIT appends lists): it must be
    mkdocs.yml with mkdocs.es.yml over it (lists replaced, as MkDocs does), plus Zensical's two settings, !ENV kept."""
    import copy

    from guide.build import preflight

    def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(a)
        for k, v in b.items():
            out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
        return out

    project = copy_project(tmp_path / "p", ("docs", "docs-es", "mkdocs.yml", "mkdocs.es.yml", "zensical.es.yml"))
    flat = preflight.flatten(project, "zensical.es.yml")
    assert flat == project / ".zensical.es.yml"
    spanish = {k: v for k, v in ES_CONFIG.items() if k != "INHERIT"}
    expected = merge(EN_CONFIG, spanish)
    zensical = load_config(flat)
    assert "INHERIT" not in zensical
    assert zensical.pop("site_dir") == "site-zensical/es" and zensical["theme"].pop("variant") == "classic"
    expected.pop("site_dir")
    assert zensical == expected, "the flattened zensical.es.yml is not mkdocs.yml + mkdocs.es.yml"
    text = flat.read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL_ES, " in text and text.count("index.md") == 1
