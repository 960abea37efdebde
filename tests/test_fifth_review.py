"""What the fifth readers' review (no hints) of both editions found, on the published pages (issue 23).

* M1, the home page's "At a glance" card: its "Skin colors and types" row named nobody who should skip
  it or wait, and linked nowhere. It now shows the facts themselves (candidates.avoid_skin,
  candidates.avoid_other, candidates.wait_if), each with who says it, and links to the candidates page's
  "Who should avoid it" section.
* M2, the at-home page: "What the article does not cover" says the article gives no guidance on how
  often to use an at-home roller (not_covered.roller_how_often; the article gives none).
* M3, the printed appointment sheet: "Our suggestion: also ask these:" and a line for
  each answer: when retinol and acids can be used again, how many days to skip scrubs, how many weeks to
  be strict about sunscreen, the full price and what it includes, and warning signs. Only questions:
  no number, no claim.
* M4, the aftercare pages: the Spanish "Para decir cómo ponérselo, el artículo habla de una capa
  abundante." and the English "The article's word for putting it on is 'slathering.'" are gone; Dr.
  Jaliman's sentence that shows the sunscreen she advises says it: "a thick layer" / "una capa abundante"
  (a sentence of its own credits her with no fact, and the build refuses it).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from guide.data import lang as langs
from guide.data import schema
from guide.data.yamlsrc import load_with_lines
from guide.render import catalogue
from guide.render import text as render
from htmlpage import one, page_file, parse, text_of
from support import ROOT, Build, project_facts

EDITIONS = [("", "en"), ("es", "es")]


def _facts(lang: str) -> schema.Facts:
    facts: schema.Facts = project_facts()
    if lang == "en":
        return facts
    _, lines = load_with_lines(ROOT / "data" / "facts.yml", "data/facts.yml")
    return langs.load_wording(ROOT / "data" / "facts.es.yml", "data/facts.es.yml", facts, "data/facts.yml", lines)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _page(site: Build, edition: str, src: str) -> BeautifulSoup:
    return parse(page_file(site.site / edition, src).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("edition", "lang"), EDITIONS)
def test_the_glance_card_says_who_should_skip_or_wait_and_links_to_them(site: Build, edition: str, lang: str) -> None:
    s = langs.load_strings(ROOT, lang)
    facts = _facts(lang)
    every = facts.all_facts()
    card = one(_page(site, edition, "index.md"), "div.glance-card")
    rows = {text_of(one(row, "dt")): one(row, "dd") for row in card.select("dl > div")}
    row = rows[s["gl_skip_h"]]
    text = _plain(text_of(row))
    # the sixth readers' review: the reasons to skip or wait have a row of their own, not under "Skin colors and types"
    safe_for = _plain(text_of(rows[s["gl_types_h"]]))
    assert render.fact_text(every["candidates.skin_types"], lang=lang) in safe_for, safe_for
    assert all(render.fact_text(every[key], lang=lang) not in safe_for
               for key in ("candidates.avoid_skin", "candidates.avoid_other", "candidates.wait_if")), safe_for
    for key, says, what in (("candidates.avoid_skin", "sheet_steer", "conditions"), ("candidates.avoid_other", "sheet_skip", "cases"),
                            ("candidates.wait_if", "sheet_wait", "cases")):
        who = render.speaker(every[key], facts.experts, lang)
        wanted = catalogue.sentence(s[says], who=who, **{what: render.fact_text(every[key], lang=lang)})
        assert wanted in text, f"{lang}: the card does not say {wanted!r}: {text}"
    assert "some people should skip it or wait" not in text and "algunas personas" not in text, text
    links = row.select("a")
    assert [text_of(a) for a in links] == [s["gl_types_more"]], text
    home = f"https://guide.test/{edition + '/' if edition else ''}"
    target = urljoin(home, str(links[0]["href"]))
    path, _, section = target.partition("#")
    assert path == f"{home}candidates/" and section, target
    heading = _page(site, edition, "candidates.md").find(id=section)
    assert heading is not None and heading.name == "h2", f"{lang}: no section #{section} on the candidates page"
    assert text_of(heading).rstrip("¶").strip() == {"en": "Who should avoid it", "es": "Quién no debe hacérselo"}[lang]


@pytest.mark.parametrize(("edition", "lang"), EDITIONS)
def test_the_at_home_page_says_the_article_gives_no_roller_schedule(site: Build, edition: str, lang: str) -> None:
    facts = _facts(lang)
    topic = facts.not_covered["roller_how_often"].topic
    assert topic == {"en": "how often to use an at-home roller",
                     "es": "cada cuánto usar un rodillo de microagujas para el hogar"}[lang]
    box = one(_page(site, edition, "at-home-vs-in-office.md"), ".not-covered")
    assert topic in [_plain(text_of(li)) for li in box.select("li")], text_of(box)


def test_the_article_gives_no_roller_schedule() -> None:
    """What the new gap says is so: the article's at-home section names no frequency."""
    article = (ROOT / "sources" / "article.txt").read_text(encoding="utf-8")
    home = article[article.index("How Do At-Home Dermarollers Compare?"):]
    home = home[:home.index("Shannon-Karasik")]
    assert not re.search(r"\b(every|times|daily|weekly|once|twice|a week|a month|per)\b", home, re.I), home


@pytest.mark.parametrize(("edition", "lang"), EDITIONS)
def test_the_sheet_asks_what_the_article_leaves_open(site: Build, edition: str, lang: str) -> None:
    s = langs.load_strings(ROOT, lang)
    sheet = one(_page(site, edition, "appointment-sheet.md"), ".appointment-sheet")
    ask = catalogue.text(s["sheet_ask"], ours="").strip()
    label = next((b for b in sheet.select("strong.our-suggestion") if _plain(str(b.next_sibling or "")) == ask), None)
    assert label is not None, f"{lang}: no '{catalogue.text(s['sheet_ask'], ours=s['sug_label'])}' on the sheet"
    assert text_of(label) == s["sug_label"]
    assert label.parent is not None
    box = label.parent.find_next_sibling("div", class_="checklist")
    assert box is not None, "no answer lines"
    lines = box.select("li")
    assert 3 <= len(lines) <= 5, len(lines)
    asked = [_plain(li.get_text()) for li in lines]  # a glossary word is an <abbr> inside the question
    ingredients = render.fact_text(_facts(lang).all_facts()["aftercare.avoid_ingredients"], lang=lang)
    assert asked == [catalogue.text(s["sheet_ask_ingredients"], ingredients=ingredients), s["sheet_ask_scrubs"],
                     s["sheet_ask_sun"], s["sheet_ask_price"], s["sheet_ask_signs"]], asked
    for li, question in zip(lines, asked, strict=True):
        assert li.select_one(".sheet-line") is not None, f"no line to write the answer of {question!r}"
        assert question.endswith("?") and not re.search(r"\d", question), f"not a question, or a number: {question!r}"


@pytest.mark.parametrize(("edition", "lang", "gone", "said"), [
    ("", "en", "The article’s word for putting it on is “slathering.”", "advises a thick layer of a sunscreen that is {}."),
    ("es", "es", "Para decir cómo ponérselo, el artículo habla de una capa abundante.",
     "aconseja ponerse una capa abundante de protector solar {}."),
])
def test_the_aftercare_page_says_how_to_put_sunscreen_on_plainly(site: Build, edition: str, lang: str, gone: str,
                                                                 said: str) -> None:
    """The doctor's "slathering" is said in her sentence about the sunscreen, with its fact, not in one of its own."""
    text = _plain(one(_page(site, edition, "aftercare.md"), "article").get_text())  # glossary words are <abbr>s
    kind = render.fact_text(_facts(lang).all_facts()["aftercare.sunscreen_type"], lang=lang)
    assert gone not in text and said.format(kind) in text, text
