"""What reaches a reader, judged on what Markdown makes of a page (guide/content/rendered.py, guide/content/htmlcheck.py).

Both sides of every rule, in both editions: each hostile or mistaken input of the security review
(issue 20) is refused by the build, with the page and the line; each sentence of the editors' table
(issue 21) builds. Every case runs the build's own page check in-process (``guide.build.library.load_project``), the
one `make build` and `make serve` run: no case here is caught only by a test.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from guide.build.library import SPANISH, load_project
from support import ROOT, TINY_PAGE, number_word, project_facts

EDITIONS = ("en", "es")


def _project(tmp_path: Path, body: str, lang: str = "en") -> Path:
    """The real data, partials and article, with one page whose text starts with ``body``."""
    project = tmp_path / "p"
    shutil.rmtree(project, ignore_errors=True)
    (project / "data").mkdir(parents=True)
    for name in ("facts.yml", "facts.es.yml", "facts.es.lock"):
        shutil.copy2(ROOT / "data" / name, project / "data")
    shutil.copytree(ROOT / "includes", project / "includes")
    shutil.copytree(ROOT / "sources", project / "sources")
    folder = project / ("docs-es" if lang == "es" else "docs")
    folder.mkdir()
    (folder / "index.md").write_text(_page(body), encoding="utf-8")
    (folder / "sources.md").write_text((ROOT / "tests" / "fixtures" / "tiny" / "docs" / "sources.md").read_text(encoding="utf-8"),
                                       encoding="utf-8")  # a page to link to
    return project


def _page(body: str) -> str:
    return TINY_PAGE.replace("# Tiny\n", "# Tiny\n\n" + body + "\n", 1)


def _load(project: Path, lang: str) -> object:
    return load_project(project, SPANISH if lang == "es" else None)


def _refused(tmp_path: Path, body: str, lang: str = "en") -> str:
    with pytest.raises(Exception) as info:
        _load(_project(tmp_path, body, lang), lang)
    msg = str(info.value)
    assert "Traceback" not in msg
    for part in ("Found: ", "Expected: ", "Fix: "):
        assert part in msg, msg
    return msg


def _refused_project(project: Path, lang: str = "en") -> str:
    with pytest.raises(Exception) as info:
        _load(project, lang)
    msg = str(info.value)
    assert "Traceback" not in msg and "Found: " in msg and "Fix: " in msg, msg
    return msg


def _line(body: str, needle: str) -> int:
    page = _page(body)
    return page[:page.index(needle)].count("\n") + 1


# --- markup: what the review published through Markdown --------------------------------------

MARKUP_REFUSED = {
    # (the page's text, the line that holds the culprit, what the message says)
    "code span in a raw HTML block": ("<div>\n`<script>alert(1)</script>`\n</div>", "<script>", "the HTML tag <script>"),
    "escaped backticks": ("\\`<script>alert(1)</script>\\`", "<script>", "the HTML tag <script>"),
    "a ~~~ line that is no fence": ("~~~ x ~~~\n<script>alert(1)</script>\n~~~", "<script>", "the HTML tag <script>"),
    "meta refresh": ('<div>\n`<meta http-equiv="refresh" content="0;url=https://evil.example">`\n</div>', "<meta",
                     "the HTML tag <meta>"),
    "style that writes text": ("\\`<style>p::after{content:'use needles twelve mm long at home'}</style>\\`", "<style>",
                               "the HTML tag <style>"),
    "iframe": ('\\`<iframe src="https://evil.example"></iframe>\\`', "<iframe", "the HTML tag <iframe>"),
    "object": ('\\`<object data="x.swf"></object>\\`', "<object", "the HTML tag <object>"),
    "embed": ('\\`<embed src="x.swf">\\`', "<embed", "the HTML tag <embed>"),
    "base": ('\\`<base href="https://evil.example/">\\`', "<base", "the HTML tag <base>"),
    "form": ('\\`<form action="https://evil.example"></form>\\`', "<form", "the HTML tag <form>"),
    "theme class by attribute list": ("Text\n{: .md-toggle }", "md-toggle", "the theme's own name 'md-toggle'"),
    "theme class by admonition": ("!!! md-toggle\n    hidden", "md-toggle", "the theme's own name 'md-toggle'"),
    "theme class by character reference": ('<span class="&#109;d-toggle">x</span>', "d-toggle",
                                           "the theme's own name 'md-toggle'"),
    "javascript link in nested brackets": ("[a [b] c](javascript:alert(1))", "javascript", "a 'javascript:' link"),
    "javascript reference in a quote": ("[x][y]\n\n> [y]: javascript:alert(1)", "javascript", "a 'javascript:' link"),
    "javascript reference in a list": ("[x][y]\n\n- [y]: javascript:alert(1)", "javascript", "a 'javascript:' link"),
    "javascript address on the next line": ("[x](\njavascript:alert(1))", "[x](", "a 'javascript:' link"),
    "protocol-relative link in nested brackets": ("[a [b] c](//evil.example/)", "evil", "starting with '//'"),
    "slash before an event attribute": ("<span/onclick=alert(1)>x</span>", "onclick", "the HTML attribute 'onclick'"),
    "event after a > in a title": ('<span title="a>b" onmouseover="alert(1)">x</span>', "onmouseover",
                                   "the HTML attribute 'onmouseover'"),
    "direction override by reference": ("The pen &#x202E;seldeen", "&#x202E;", "an invisible character (U+202E)"),
    "soft hyphen by reference": ("elev&shy;en needles", "&shy;", "an invisible character (U+00AD)"),
    "invisible character in a heading by reference": ("## Care&#x200B;ful", "&#x200B;", "an invisible character (U+200B)"),
    "a doctor's name in a page's glossary": ("*[Dr. Nazarian]: a nurse\n\nDr. Nazarian is here.", "*[Dr. Nazarian]",
                                             "a glossary word for a doctor's name"),
    # hidden text (no-hints review, finding 12): the theme hides these classes, a tooltip and a comment show nowhere
    "a content tab's class the theme hides": ('<div class="tabbed-block" markdown>Dr. Jaliman says it is safe.</div>',
                                              "tabbed-block", "the class 'tabbed-block' in the page"),
    "a content tab's class on a heading": ("# Safe in pregnancy { .tabbed-block }", "tabbed-block",
                                           "the class 'tabbed-block' in the page"),
    "a footnote's back link class": ('<span class="footnote-backref">It is safe in pregnancy.</span>', "footnote-backref",
                                     "the class 'footnote-backref' in the page"),
    "a comments widget's class": ('<span class="giscus">It is safe in pregnancy.</span>', "giscus",
                                  "the class 'giscus' in the page"),
    "a note's kind the theme does not style": ("!!! tabbed-block\n    It is safe.", "tabbed-block",
                                               "the class 'tabbed-block' in the page"),
    "a heading link of the page's own": ("[It is safe.](#tiny){: .headerlink }", "headerlink",
                                         "the class 'headerlink' in the page"),
    "an HTML comment": ("Text.\n\n<!-- Dr. Jaliman says it is safe in pregnancy -->", "<!--", "an HTML comment in the page"),
    "an HTML comment inside a paragraph": ("Some text <!-- it is safe --> here.", "<!--", "an HTML comment in the page"),
    "a tooltip on a span": ('<span title="Dr. Jaliman says it is safe in pregnancy">safe</span>', "title=",
                            "a title attribute (a tooltip) in the page"),
    "a tooltip on a link": ('[sources](sources.md "Dr. Jaliman says it is safe in pregnancy")', "[sources]",
                            "a title attribute (a tooltip) in the page"),
    "a page's own glossary line": ("*[safe]: Dr. Jaliman says it is safe in pregnancy\n\nIt is safe.", "*[safe]",
                                   "a title attribute (a tooltip) in the page"),
    # values no reader sees (no-hints review, finding 12): the page's source and the search index carry them
    "words in a datetime": ('The visit <time datetime="use needles 12 mm at home">today</time>.', "datetime=",
                            "a datetime that is not a date or time: 'use needles 12 mm at home'"),
    "a date that does not exist": ('Reviewed <time datetime="2026-13-45">today</time>.', "datetime=",
                                   "a datetime that is not a date or time: '2026-13-45'"),
    "a number word in an attribute list's id": ("Use the pen.\n{: #use-twelve-mm-needles }", "twelve",
                                                "an id that carries a number ('twelve'): 'use-twelve-mm-needles'"),
    "a Spanish number word in a heading's id": ("## Agujas { #usar-doce-agujas }", "doce",
                                                "an id that carries a number ('doce'): 'usar-doce-agujas'"),
    "digits in an HTML id": ('<span id="depth-2-5-mm">Depth</span>', "depth-2-5",
                             "an id that carries a number ('2'): 'depth-2-5-mm'"),
    "a claim in a heading's id": ("## Pregnancy { #safe-in-pregnancy }", "safe-in",
                                  "an id that carries a word that changes a claim's meaning ('safe', safety or risk)"),
    "a sentence in an id": ("Text.\n{: #get-it-done-at-home-by-a-friend-today }", "get-it-done",
                            "an id that carries 9 words"),
    # the fourth no-hints attack: text shrunk out of sight by small print inside small print
    "small print inside small print": ("Text <small><small><small>it is safe in pregnancy</small></small></small>.",
                                       "<small>", "<small> inside <small> in the page"),
    "a superscript inside small print": ("Text <small>a <sup>b</sup></small>.", "<sup>", "<sup> inside <small>"),
    # the fifth no-hints attack: text folded under no title, a link no reader sees
    "a folded block with an empty title": ("<details markdown><summary></summary>\n\nIt cures acne.\n\n</details>",
                                           "<details", "a folded block with no title in the page"),
    "a link with no words": ("See the glossary below.[](https://seo.example/spam)", "https://seo.example",
                             "a link with no words in the page"),
}

WRITING_BUILDS = {
    "notes": '!!! note "A note"\n    Text in a note.\n\n!!! warning\n    Careful.\n\n??? tip "More"\n    Folded text.',
    "a task list": "- [ ] Ask about numbing\n- [x] Book the visit",
    "code": "```python\nanswer = 'yes'\n```\n\nAnd `inline code`.",
    "a table": "| Step | What |\n| --- | --- |\n| First | Clean the skin |",
    "a definition": "Dermaroller\n: A small roller with needles.",
    "links with words": "See the [sources](sources.md) and [the article](https://example.com/article).",
    "the guide's own classes": '<div class="checklist" markdown>\n- Sunscreen\n</div>\n\nIntro\n{: .sheet-intro }',
    "a heading with an id": "## Before the visit { #before }\n\nText.",
    "ids of the author's and of toc": ("## Before the visit { #before-the-visit }\n\nText.\n{: #visit }\n\n"
                                       "## ¿Qué tan hondo llegan las agujas?\n\n## ¿Qué tan hondo llegan las agujas?\n\n"
                                       '<span id="questions">Ask.</span>'),
    "a time with its date": ('Reviewed <time datetime="2026-11-24">on the day</time>, at '
                             '<time datetime="2026-11-24T09:30">the start of the visit</time>.'),
    "small print, once": "Text <small>in small print</small>, and a<sup>b</sup> and c<sub>d</sub>.",
    "a folded note with a title": '??? note "More about the visit"\n    Text in a folded note.',
    "a glossary word": "A sunscreen's label gives its SPF.",  # (not "Use a sunscreen ...": advice, tests/test_own_advice.py)
}


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("case", WRITING_BUILDS, ids=list(WRITING_BUILDS))
def test_ordinary_markdown_builds(tmp_path: Path, case: str, lang: str) -> None:
    _load(_project(tmp_path, WRITING_BUILDS[case], lang), lang)


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("case", MARKUP_REFUSED, ids=list(MARKUP_REFUSED))
def test_markup_the_review_published_is_refused(tmp_path: Path, case: str, lang: str) -> None:
    body, culprit, says = MARKUP_REFUSED[case]
    msg = _refused(tmp_path, body, lang)
    folder = "docs-es" if lang == "es" else "docs"
    assert says in msg, msg
    assert f"{folder}/index.md:{_line(body, culprit)}:" in msg, msg


# --- front matter: what the theme prints, plain text that cannot leave a script or an attribute ------

FRONT_MATTER_REFUSED = {
    # (a front matter line, what the message says)
    "a title that ends a script's string": ("title: Does it hurt'; alert(document.domain); '",
                                            "the title is not plain text: it contains a straight single quote"),
    "a semicolon in a title": ("title: Does it hurt; a little", "the title is not plain text: it contains a semicolon"),
    "an apostrophe in a description": ("description: How the pen works, and what the article's doctors say about it.",
                                       "the description is not plain text: it contains a straight single quote"),
    "a double quote in a description": ('description: \'How the pen works, and what the "doctors" say about it, here.\'',
                                        "the description is not plain text: it contains a straight double quote"),
    "a backslash in a title": ("title: Pain \\u0027 here", "the title is not plain text: it contains a backslash"),
    "a brace in a title": ("title: Pain ${alert(1)}", "the title is not plain text: it contains a curly brace"),
    "a backtick in a review note": ("review_note: Checked `x`", "the review_note is not plain text: it contains a backtick"),
    "an angle bracket in a title": ("title: Pain </script>", "the title is not plain text: it contains an angle bracket"),
}
FRONT_MATTER_BUILDS = [
    "title: Does it hurt? (the article’s answer)",
    "description: How the pen works, and why the article’s doctors call it “minimally-invasive” and “wonderful.”",
]


def _with_front_matter(line: str) -> str:
    key = line.split(":")[0]
    rows = [row for row in _page("Text.").split("\n") if not row.startswith(key + ":")]
    return "\n".join([rows[0], line, *rows[1:]])


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("case", FRONT_MATTER_REFUSED, ids=list(FRONT_MATTER_REFUSED))
def test_front_matter_that_could_leave_a_script_or_attribute_is_refused(tmp_path: Path, case: str, lang: str) -> None:
    line, says = FRONT_MATTER_REFUSED[case]
    project = _project(tmp_path, "Text.", lang)
    folder = "docs-es" if lang == "es" else "docs"
    (project / folder / "index.md").write_text(_with_front_matter(line), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, lang)
    msg = str(info.value)
    assert msg.startswith(f"{folder}/index.md:2: {says}"), msg
    assert "curly quotes" in msg and "Traceback" not in msg, msg


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("line", FRONT_MATTER_BUILDS)
def test_front_matter_in_typographic_quotes_builds(tmp_path: Path, line: str, lang: str) -> None:
    project = _project(tmp_path, "Text.", lang)
    (project / ("docs-es" if lang == "es" else "docs") / "index.md").write_text(_with_front_matter(line), encoding="utf-8")
    _load(project, lang)


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_page_that_drops_page_info_stops_the_build(tmp_path: Path, lang: str) -> None:
    """The fourth no-hints attack deleted {{ page_info() }}: the page lost its review dates, its source and its
    not-medical-advice note, and built."""
    project = _project(tmp_path, "Text.", lang)
    folder = "docs-es" if lang == "es" else "docs"
    page = project / folder / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ page_info() }}", ""), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, lang)
    assert f"{folder}/index.md:" in str(info.value) and "the page does not call page_info()" in str(info.value), str(info.value)


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_page_the_not_covered_topics_name_must_list_them(tmp_path: Path, lang: str) -> None:
    """A page named under not_covered: in data/facts.yml without {{ not_covered() }} would hide what the article
    leaves out (the fourth no-hints attack); with it, the page builds."""
    from support import entry

    project = _project(tmp_path, "Text.", lang)
    data = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))
    key = next(iter(data["not_covered"]))
    pages = entry(f"not_covered.{key}.pages")
    (project / "data" / "facts.yml").write_text(pages.replaced(f'{pages.indent}pages: ["index.md"]\n'), encoding="utf-8")
    folder = "docs-es" if lang == "es" else "docs"
    with pytest.raises(Exception) as info:
        _load(project, lang)
    assert f"{folder}/index.md:" in str(info.value) and "the page does not call not_covered()" in str(info.value), str(info.value)
    page = project / folder / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ page_info() }}", "{{ not_covered() }}\n\n{{ page_info() }}"),
                    encoding="utf-8")
    _load(project, lang)


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_folder_named_like_a_page_gets_a_message(tmp_path: Path, lang: str) -> None:
    """The no-hints review (finding 14): a folder docs/zz.md stopped the build with a bare
    '[Errno 21] Is a directory'."""
    project = _project(tmp_path, "Text.", lang)
    folder = "docs-es" if lang == "es" else "docs"
    (project / folder / "zz.md").mkdir()
    msg = _refused_project(project, lang)
    assert msg.startswith(f"{folder}/zz.md: a folder named like a page Found: the folder 'zz.md'."), msg
    assert "Errno" not in msg and f"Rename the folder to {folder}/zz," in msg, msg


# --- numbers ---------------------------------------------------------------------------------

_COUNT = project_facts().all_facts()["device.needle_count"].value
_COUNT_EN, _COUNT_ES = number_word(_COUNT), number_word(_COUNT, "es")
_QUESTIONS = len(project_facts().all_facts()["provider.questions"].items)
_STEPS = len(project_facts().all_facts()["appointment.steps"].items)

MUST_REFUSE = {
    # English: a clinical figure typed by hand (the message names the number as written)
    "en": [
        ("The pen has 11 needles.", "11"), ("The pen has eleven needles.", "eleven"),
        ("Numbing takes ten to twenty minutes.", "ten"), ("Use SPF thirty.", "thirty"), ("Use SPF 30.", "30"),
        ("Needles reach 2.5 mm.", "2.5"), ("The pen has a dozen needles.", "dozen"), ("Needles reach ½ mm.", "½"),
        ("Numbing takes half an hour.", "half"), ("Come back once a month.", "once"),
        ("The pen has ⑫ needles.", "⑫"), ("The pen has XII needles.", "XII"),
        ('The pen has <abbr>eleven</abbr> needles.', "eleven"),  # a title of its own is refused as a tooltip
        ("The pen has twelve very very tiny sharp needles.", "twelve"), ("The pen has twelve pins.", "twelve"),
        ("Wait three fortnights.", "three"), ("Wait a couple of weeks.", "couple"), ("Needles reach 25mm.", "25"),
        ("Use SPF15.", "15"), ("Needles reach .5 mm.", "5"), ("Come back every 3rd month.", "3"),
        ("Needles reach &#x32;&#x35; mm.", "25"), ("Needles reach &half; mm.", "½"),
        ("Wait one day before you decide.", "one"), ("Your skin is red for a day or two.", "two"),
        ("Plan on 4 to 6 sessions.", "4"), ("Plan on 6 to 6 sessions.", "6"), ("It heals in 3 days.", "3"),
        ("Come back twice a year.", "twice"), ("Go twice in a week.", "twice"), ("Skin stays pink for 48 hours.", "48"),
        ("In week 2 you can wear makeup.", "2"), ("About 30% of people feel it.", "30"), ("Use SPF of 50.", "50"),
        ("The pen has twelve tiny, sharp needles.", "twelve"), ("A session lasts 1 hour.", "1"),
        ("Wait a fortnight or two.", "two"), ("Results show after 3 sessions.", "3"), ("| Depth | 2 mm |", "2"),
        ("- Wait 2 weeks before makeup.", "2"), ("## Wait 2 weeks", "2"), ("Needles go 0.25 mm deep.", "0.25"),
        # the second review (issue 23): what got through, and the forms it named
        ("The needle count is 11.", "11"), ("Repeat every 4–6 wks.", "4"), ("Use a 15 SPF sunscreen.", "15"),
        ("Sun protection factor 15 is enough.", "15"), ("Wait 48 h before makeup.", "48"),
        ("Numbing takes 1/3 of an hour.", "1"), ("The tip has 11 of them.", "11"), ("Needles: 11", "11"),
        ("Needles: eleven", "eleven"), ("Wait 48h before makeup.", "48"), ("Every four wks.", "four"),
        ("Use S.P.F. 30.", "30"), ("Use S.P.F. thirty.", "thirty"), ("Use S\u0420F 30.", "30"),
        ("Use S\u0420F thirty.", "thirty"), ("Use a 30+ SPF.", "30"), ("Use a 30 SPF.", "30"),
        ("Use a thirty SPF.", "thirty"), ("Wait fortyeight hours.", "fortyeight"),
        ("Numbing takes a third of an hour.", "third"), ("The pen has 11 needlets.", "11"), ("The pen has 11 points.", "11"),
        ("The pen has eleven needlets.", "eleven"),
        # with no unit beside it, a number word is refused because it is a fact's value: today's count, read from the data
        (f"The tip has {_COUNT_EN} of them.", _COUNT_EN),
        ("Wait half of an hour.", "half"), ("Wait \uff11\uff11 days.", "\uff11\uff11"), ("The tip has \u0661\u0661 of them.", "\u0661\u0661"),
        ("Use a sunscreen of thirty SPF.", "thirty"),
        # the no-hints new-editor trial (issue 21): a length of time said in words, in a sentence about the
        # treatment or its course, is a figure too (the message quotes the phrase)
        ("Wait a fortnight before your next session.", "a fortnight"), ("Avoid the sun for a week.", "a week"),
        ("Numbing takes a quarter of an hour.", "quarter"), ("Your skin heals over several weeks.", "several weeks"),
        ("Wait a month before the next session.", "a month"), ("Redness lasts a few hours.", "a few hours"),
        ("Numbing takes an hour or so.", "an hour"), ("Come back every other week.", "every other week"),
        ("Come back in a week.", "a week"),
        # the visit is the treatment's session: how long it takes is a figure the article does not give
        ("The visit takes less than half an hour.", "half"),
        # the reader's own arrangements in another clause say nothing of this one's figure
        ("It takes 10 minutes, so bring your questions.", "10"), ("It takes 10 minutes and a friend can come.", "10"),
        # "24/7" in a claim about the treatment: the claim's own figure is still refused
        ("Wear sunscreen 24/7 for a week after.", "a week"), ("You can go back to retinol after 24 hours.", "24"),
        # the fifth trial (ed28): a length of time beside the treatment stays a figure, however ordinary the same
        # words are beside the reader's journey; hours with no am/pm only in a sentence about nothing clinical;
        # a unit that is a number of units ("every fortnight" is every two weeks)
        ("Numb the skin for half an hour.", "half"), ("Wait half an hour after the session.", "half"),
        ("Leave the cream on for half an hour before you leave home.", "half"),
        ("Come back every fortnight.", "every fortnight"), ("Repeat every semester.", "every semester"),
        ("Come back after a decade.", "a decade"), ("Wait a couple of fortnights.", "couple"),
        ("Repeat the treatment quarterly.", "quarterly"), ("Come back fortnightly.", "fortnightly"),
        # the fifth no-hints attack (H9): one session, and a month between them, in everyday words
        ("You only need a single session.", "a single session"), ("Only one session is needed.", "Only one session"),
        ("You only need one session.", "need one session"), ("Sessions are a month apart.", "a month"),
        # ed29: how often, in words, beside the treatment (the acne plan's month, the touch-ups' year: the article's figures)
        ("Come back every month.", "every month"), ("Come back each month.", "each month"),
        ("Repeat the treatment monthly.", "monthly"), ("Plan one session per month.", "one session per month"),
        ("Plan on a session a month.", "a session a month"), ("Come back yearly for touch-ups.", "yearly"),
        ("Follow a monthly plan of sessions.", "monthly"), ("Repeat the treatment every week.", "every week"),
        # the eighth no-hints attack (H-E5): "a fortnight" is two weeks, in any sentence, as "two weeks" is
        ("Keep that up for a fortnight.", "a fortnight"), ("Keep it up for the next fortnight.", "fortnight"),
        # the twelfth new-editor trial's holes: a day or week counted from the treatment is when, a figure
        ("Come back on the 3rd day.", "3rd day"), ("Wait until the 2nd week.", "2nd week"),
        ("Come back on the third day.", "third day"), ("By the 2nd week, your skin has healed.", "2nd week"),
    ],
    "es": [
        ("El bolígrafo tiene once agujas.", "once"), ("La crema tarda de diez a veinte minutos.", "diez"),
        ("Con un FPS de treinta.", "treinta"), ("Una docena de agujas.", "docena"), ("Medio milímetro.", "Medio"),
        ("Vuelva en dos semanas.", "dos"), ("Espere un par de semanas.", "par"), ("Llega a 2.5 mm.", "2.5"),
        ("Tiene ⑫ agujas.", "⑫"), ("Use FPS 30.", "30"), ("Vuelva cada 3 meses.", "3"), ("Dura 48 horas.", "48"),
        ("Espere 48 h antes del maquillaje.", "48"), ("La pluma tiene 11 agujitas.", "11"),
        ("Use protector solar factor 15.", "15"), ("La pluma tiene once agujitas.", "once"),
        (f"La punta tiene {_COUNT_ES} de ellas.", _COUNT_ES), ("Use factor de protección 30.", "30"), ("Use F\u0420S 30.", "30"),
        ("Espere un tercio de hora.", "tercio"), ("Espere un cuarto de hora.", "cuarto"), ("La punta tiene 11 de ellas.", "11"),
        ("Agujas: 11", "11"), ("Espere veinticuatro horas.", "veinticuatro"), ("Repita cada 4 a 6 sem.", "4"),
        # issue 21's trial, in Spanish
        ("Espere una quincena antes de la próxima sesión.", "una quincena"), ("Evite el sol durante una semana.", "una semana"),
        ("La anestesia tarda un cuarto de hora.", "cuarto"), ("Su piel sana en varias semanas.", "varias semanas"),
        ("Espere quince días antes de la próxima sesión.", "quince"), ("Espere un mes antes de la próxima sesión.", "un mes"),
        ("La rojez dura unas horas.", "unas horas"), ("La anestesia tarda una hora más o menos.", "una hora"),
        ("Vuelva cada dos semanas.", "dos"), ("Vuelva en una semana.", "una semana"),
        ("La visita dura menos de media hora.", "media"),
        ("Tarda 10 minutos, así que traiga sus preguntas.", "10"),
        # each half of "las 24 horas, los 7 días de la semana" alone, and the whole in a sentence about the treatment
        ("Evite el sol 24 horas.", "24"), ("Espere 7 días.", "7"),
        ("Use protector solar 24/7 durante una semana.", "una semana"), ("Puede volver al retinol después de 24 horas.", "24"),
        # the fifth trial (ed28), in Spanish: "a la quincena", "al mes" (a fortnight on, a month on), the counting
        # words, and "media hora" beside the treatment
        ("Espere media hora tras la sesión.", "media"), ("Tras media hora, la crema hace efecto.", "media"),
        ("Vuelva a la quincena.", "a la quincena"), ("Vuelva al mes.", "al mes"),
        ("Vuelva a la semana de la sesión.", "a la semana"), ("Vuelva en una decena de días.", "decena"),
        ("Vuelva en una docena de días.", "docena"), ("Repita cada semestre.", "cada semestre"),
        ("Repita cada trimestre.", "cada trimestre"), ("Repita cada bimestre.", "cada bimestre"),
        ("Vuelva cada quincena.", "cada quincena"), ("Espere un par de quincenas.", "par"),
        ("Vuelva en un semestre.", "un semestre"), ("Repita el tratamiento trimestralmente.", "trimestralmente"),
        ("Las sesiones son quincenales.", "quincenales"),
        # the fifth no-hints attack (H9), in Spanish
        ("Basta con una sola sesión.", "una sola sesión"), ("Deje un mes de separación entre sesiones.", "un mes"),
        # ed29, in Spanish
        ("Vuelva cada mes.", "cada mes"), ("Vuelva una vez al mes.", "una vez al mes"),
        ("Repita el tratamiento mensualmente.", "mensualmente"), ("Planee una sesión por mes.", "una sesión por mes"),
        ("Las sesiones son mensuales.", "mensuales"), ("Vuelva una vez a la semana tras la sesión.", "una vez a la semana"),
        # the eighth no-hints attack (H-E5): "una quincena" is two weeks, in any sentence, as "dos semanas" is
        ("Siga así durante una quincena.", "una quincena"), ("Siga así la próxima quincena.", "quincena"),
        # the twelfth new-editor trial's holes, in Spanish
        ("Vuelva al 2.º día.", "2.º día"), ("Espere hasta la 2.ª semana.", "2.ª semana"), ("Vuelva el tercer día.", "tercer día"),
    ],
}

MUST_BUILD = {
    # English: ordinary writing (issue 21's table), none of it a clinical figure
    "en": [
        "Call the clinic 24/7 if something worries you.", "Step 1 is always to wash your hands.",
        "Give your skin a few days of rest.", "Find a licensed practitioner who is happy to answer your questions.",
        "Get a second opinion if you are unsure.", "One of the doctors is a dermatologist.",
        "Half of the advice is about sun care.", "The first step is a clean face.", "The second step is the cream.",
        "Come at 9 am, or at 9:30 in the morning.", "Two doctors answer the questions; one of them is Dr. Nazarian.",
        "Your first visit, the second step.", "It takes a few minutes.", "The 2nd step is numbing.",
        "Chapter 3 of the article is about cost.", "Two doctors explain how the needles work.",
        "In 2020, the article appeared.", "Once the numbing works, the needles go in.", "Do it once in a while.",
        "One article, two doctors.", "Each dot on the picture is one session.", "Ask what one session costs.",
        "Book only a session with a licensed provider.", "The first three steps get your skin ready.",
        "Steps 1, 2 and 3 get your skin ready.", "Read the top 3 tips below.",
        "Ask about your 1st appointment.", "Bring a list of your 3 main questions.", "Page 2 has the steps.",
        "The two doctors have one thing in common: both are quoted by name.", "Three questions to ask before you book:",
        "Keep a few days free after the visit.", "A couple of questions help.", "Wait until your skin feels calm.",
        "At home, a roller is one option.", "Some people feel a little nervous.", "It is not for everyone.",
        "See the [sources](sources.md) for more.", "Ask for door 7 at the clinic.", "Call 911 in an emergency.",
        "Type the code 1234 into the form.", "Take the number 7 bus to the clinic.",
        "The clinic is at 42 Main Street.", "Look for a practitioner with many years of training.",
        "It may take several sessions.", "Ask what a session costs.", "{% raw %}Numbing takes half an hour.{% endraw %}",
        "Code: `11 needles` stays as typed.",
        # issue 23: numerals in prose are refused unless in an ordinary use; these are
        "Call us 24/7.", "Chapter 2 explains the steps.", "Step 3 of 5: the numbing cream.", "See page 2.",
        "The article came out in 2020.", "One or two questions help.", "Take vitamin C only if your provider agrees.",
        "Come at 9 a.m. or at 10 o'clock.", "Come at 7 in the morning.", "The 3rd step is the serum.",
        "Ask three questions before you book.", "A third of the advice is about sun care.", "The third step is the serum.",
        "Dial 911 in an emergency.", "Room 12 is on floor 3.", "Questions 1 to 3 are about cost.",
        "The vampire facial uses growth factor from your own blood.", "Part II of the guide is about aftercare.",
        "Ten doctors wrote to the magazine.", "The 2020 article quotes two doctors.",
        # issue 21's trial: a figure of the reader's own arrangements (a friend, questions, a choice, a chat, a phone
        # number), and a length of time in a sentence about nothing clinical
        "Bring a friend as a second pair of ears.", "Take a minute or two to write down your questions.",
        "Whether to go ahead is 100% your choice.", "Whether to go ahead with the treatment is 100% your choice.",
        "Many clinics offer a free 10-minute chat first.", "Call 555-0123 to book.", "Book your visit a week ahead.",
        "The article came out a year ago.", "How many weeks does redness last? Ask your provider.",
        "Bring a friend and take 10 minutes for your questions.", "Call the clinic 24 hours a day, 7 days a week.",
        # the fifth trial (ed28): opening hours with no am/pm, and half an hour of the reader's journey
        "Most clinics are open 9 to 5 on weekdays.", "The clinic is open from 9 to 5.", "Open 9-5, Monday to Friday.",
        "Leave half an hour before you leave home.", "Leave home half an hour before your appointment.",
        "It takes about half an hour to get there.", "Leave half an hour early to get there.",
        f"Bring the {_QUESTIONS} questions on the sheet.", f"Bring the {number_word(_QUESTIONS)} questions on the sheet.",
        "The clinic's newsletter comes out quarterly.",
        # ed29: how often, of the reader's own arrangements; "the monthly plan" names the plan (a schedule's starts_after);
        # opening hours after a label and its colon
        "The guide is reviewed every month.", "Each month, the clinic sends a newsletter.", "Call a friend once a month.",
        "After the monthly plan, come back for touch-ups.", "Come back after every session.",
        "Hours: 9 to 5.", "Hours: 9-5, Monday to Friday.", "Opening hours: 9 to 5 on weekdays.",
        # the eighth no-hints attack (H-E5): no number hides in "a while"
        "Keep that up for a while.", "Book your visit a week ahead.",
        # the eleventh new-editor trial: a count of places to phone
        "It is worth calling 2 or 3 places to compare.", "Ask 2 clinics for a price.",
        # the twelfth new-editor trial: a booking's lead time and a cancellation rule are the reader's own
        "Is there a fee if you cancel less than 24 hours before?", "Do you need to book 2 weeks ahead?",
        # a day counted in the reader's own arrangements, beside the twelfth trial's "the 3rd day" refused
        "The consultation is on the 1st day of the month.", "On the first day, call us.", "Go to the 2nd floor.",
    ],
    "es": [
        "Llame a la clínica 24/7.", "El paso 1 es lavarse las manos.", "Deje descansar la piel unos días.",
        "Dos médicas responden. Una vez al mes.", "Una de las médicas es dermatóloga.", "El primer paso es limpiar la cara.",
        "Pida una segunda opinión.", "El artículo cita a dos médicas.", "Lleve sus 3 preguntas principales.",
        "Llegue a las 9 de la mañana.",
        "Llame al 112 en una emergencia.", "El capítulo 2 explica los pasos.", "Paso 3 de 5: la crema.", "Vea la página 2.",
        "El artículo salió en 2020.", "Una o dos preguntas ayudan.", "Un par de preguntas ayudan.",
        "Abre de 9 a 10 de la mañana.", "Llegue a las 9:30.", "El tercer paso es el sérum.", "Vaya a la puerta 7.",
        "La clínica está en la Calle Mayor 42.", "Llame a la clínica 24/7 si algo le preocupa.",
        # issue 21's trial, in Spanish
        "Traiga a un amigo como un segundo par de oídos.", "Tómese un minuto o dos para escribir sus preguntas.",
        "Decidir si seguir adelante es 100% su decisión.", "Muchas clínicas ofrecen una charla gratis de 10 minutos primero.",
        "Llame al 555-0123 para reservar.", "Reserve su visita con una semana de antelación.", "El artículo salió hace un año.",
        # "24/7" in Spanish words
        "Puede llamar a la clínica las 24 horas, los 7 días de la semana.",
        "Llame a la clínica las 24 horas del día y los 7 días de la semana.",
        "Nuestra línea atiende 24 horas al día, 7 días a la semana.",
        # the fifth trial (ed28), in Spanish
        "La mayoría de las clínicas abren de 9 a 5 entre semana.", "La clínica abre de 9 a 5.",
        "Salga media hora antes de salir de casa.", "Salga de casa media hora antes de la cita.",
        f"Lleve las {number_word(_QUESTIONS, 'es')} preguntas de la hoja.", "Una vez al mes, llame a una amiga.",
        "El boletín de la clínica sale trimestralmente.", "Pregunte el precio de una sesión.",
        "Los tres primeros pasos preparan la piel.", "Los pasos 1, 2 y 3 preparan la piel.",
        # ed29, in Spanish
        "El boletín de la clínica sale cada mes.", "Después del plan mensual, vuelva para retoques.",
        "Horario: de 9 a 5.", "Horario: 9 a 5, de lunes a viernes.", "Horas: 9 a 5.",
        # the eighth no-hints attack (H-E5): "a while" and "una semana de antelación" count nothing clinical
        "Siga leyendo con calma.", "Reserve con una semana de antelación para tener tiempo de preguntar.",
        # the eleventh new-editor trial: places to phone, and a page's reading time with no "página"
        "Vale la pena llamar a 2 o 3 lugares para comparar.", "Se lee en un par de minutos.",
        "¿Hay que pedir la cita con 2 semanas de antelación?", "Revise la dirección dos veces.",
        "Está en la planta baja o en el 3.er piso.",  # "3.er" is an ordinal as "2.º" is (the twelfth trial)
        "La consulta es el 1.er día del mes.", "Suba al 2.º piso.",
    ],
}


COUNT_REFUSED = {
    # the fifth trial (ed28): a count before the noun a fact list names its items by, pointing at that list ("the",
    # "these", "her", "las"), is the list's number of items (read from the data), or refused naming the fact
    "en": [(f"Bring the {_QUESTIONS + 1} questions on the sheet.", "provider.questions", _QUESTIONS),
           (f"Bring the {number_word(_QUESTIONS + 1)} questions on the sheet.", "provider.questions", _QUESTIONS),
           (f"Dr. Nazarian's {_QUESTIONS + 1} questions help.", "provider.questions", _QUESTIONS),
           (f"The {_STEPS + 1} steps of the visit are simple.", "appointment.steps", _STEPS)],
    "es": [(f"Lleve las {_QUESTIONS + 1} preguntas de la hoja.", "provider.questions", _QUESTIONS),
           (f"Lleve las {number_word(_QUESTIONS + 1, 'es')} preguntas de la hoja.", "provider.questions", _QUESTIONS),
           (f"Estas {number_word(_QUESTIONS + 1, 'es')} preguntas ayudan.", "provider.questions", _QUESTIONS)],
}


@pytest.mark.parametrize("lang, text, key, count", [(lang, *row) for lang, rows in COUNT_REFUSED.items() for row in rows])
def test_a_count_of_a_facts_list_must_be_its_number_of_items(tmp_path: Path, lang: str, text: str, key: str,
                                                              count: int) -> None:
    msg = _refused(tmp_path, text, lang)
    folder = "docs-es" if lang == "es" else "docs"
    assert msg.startswith(f"{folder}/index.md:{_line(text, text)}: a count that is not its list's: "), msg
    assert f"the fact {key} in data/facts.yml lists {count}" in msg and f"Write {count} " in msg, msg
    assert f'fact_list("{key}")' in msg, msg


def _refuse_ids() -> list[tuple[str, str, str]]:
    return [(lang, text, word) for lang, rows in MUST_REFUSE.items() for text, word in rows]


def _build_ids() -> list[tuple[str, str]]:
    return [(lang, text) for lang, rows in MUST_BUILD.items() for text in rows]


def test_the_tables_are_as_long_as_the_issue_asks() -> None:
    assert len(MUST_REFUSE["en"]) >= 40 and len(MUST_BUILD["en"]) >= 40


@pytest.mark.parametrize("lang, text, word", _refuse_ids())
def test_a_clinical_figure_typed_by_hand_is_refused(tmp_path: Path, lang: str, text: str, word: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert f"a number typed into the page: '{word}" in msg or f"a number typed into the page: '.{word}" in msg, msg
    folder = "docs-es" if lang == "es" else "docs"
    assert msg.startswith(f"{folder}/index.md:{_line(text, text)}:"), msg


@pytest.mark.parametrize("lang, text", _build_ids())
def test_ordinary_writing_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Wear sunscreen 24 hours a day, 7 days a week."), ("es", "Evite el sol las 24 horas, los 7 días de la semana."),
    ("es", "Evite el sol 24 horas, y los 7 días de la semana use protector.")])
def test_24_7_in_words_is_ordinary_only_in_a_sentence_about_nothing_clinical(tmp_path: Path, lang: str, text: str) -> None:
    """"las 24 horas, los 7 días de la semana" builds beside a call (the editors' table); beside the
    treatment it could hide a figure ("Evite el sol 24 horas, y..."), so both its numbers are refused there."""
    msg = _refused(tmp_path, text, lang)
    assert "a number typed into the page: '24'" in msg and "a number typed into the page: '7'" in msg, msg


@pytest.mark.parametrize("lang, text", [("en", "Recovery hours: 4 to 6."), ("en", "Redness lasts hours: 4 to 6."),
                                        ("es", "Horas de recuperación: 4 a 6.")])
def test_hours_after_a_label_are_opening_hours_only_when_the_label_names_nothing_clinical(tmp_path: Path, lang: str,
                                                                                         text: str) -> None:
    """"Hours: 9 to 5" and "Horario: de 9 a 5" build (the editors' table); a label that names the treatment's course
    makes the same numbers a figure of hours (ed29)."""
    msg = _refused(tmp_path, text, lang)
    assert "a number typed into the page: '4'" in msg and "a number typed into the page: '6'" in msg, msg


@pytest.mark.parametrize("lang, text", [("en", "Come back from 4 to 6."), ("es", "Repita de 4 a 6."),
                                        ("en", "Numbing works from 4 to 6.")])
def test_hours_with_no_am_pm_are_ordinary_only_in_a_sentence_about_nothing_clinical(tmp_path: Path, lang: str,
                                                                                     text: str) -> None:
    """"open 9 to 5" and "de 9 a 5" build (the editors' table); beside the treatment the same form is a range of
    a figure, and the message says why it is not read as opening hours."""
    msg = _refused(tmp_path, text, lang)
    assert "a number typed into the page: '4'" in msg and "a number typed into the page: '6'" in msg, msg
    assert "so no number in it is read as a time of day or opening hours" in msg and "'open 9 to 5'" in msg, msg


def test_numbers_shown_as_typed_are_listed_for_the_reviewer(tmp_path: Path) -> None:
    """Code and raw blocks are the editor's explicit "shown as typed, not a fact": they build, and the
    page scan lists each one (make facts and the pull-request summary show them)."""
    body = "Code: `11 needles`.\n\n{% raw %}Numbing takes half an hour.{% endraw %}\n\n```\nwait 2 weeks\n```"
    site = load_project(_project(tmp_path, body)).site
    listed = site.pages["index.md"].as_typed
    assert [line for line, _ in listed] == [_line(body, "Code:"), _line(body, "{% raw %}"), _line(body, "wait 2")], listed
    assert "11 needles" in listed[0][1] and "half an hour" in listed[1][1] and "2 weeks" in listed[2][1]


def test_a_suggestion_names_a_fact_only_when_its_number_and_unit_match(tmp_path: Path) -> None:
    count = project_facts().all_facts()["device.needle_count"].value
    assert 'fact("device.needle_count")' in _refused(tmp_path, f"The pen has {number_word(count)} needles.")
    msg = _refused(tmp_path, "Numbing takes half an hour.")
    assert "fact(" not in msg.split("Fix:")[1].replace('fact("...")', ""), msg  # 0.5 hours: no fact gives that
    assert "{% raw %}" in msg
    # the same number in another unit names no fact: hours are not the numbing time's minutes, cm not the depth's mm
    facts = project_facts().all_facts()
    numbing, depth = facts["appointment.numbing_time"], facts["device.depth_range"]
    for lang, right, wrong in (("en", f"Numbing takes {numbing.min:g} minutes.", f"Numbing takes {numbing.min:g} hours."),
                               ("en", f"Needles reach {depth.max:g} mm.", f"Needles reach {depth.max:g} cm."),
                               ("es", f"La crema tarda {numbing.min:g} minutos.", f"La crema tarda {numbing.min:g} horas.")):
        key = "appointment.numbing_time" if "numbing" in right.lower() or "crema" in right else "device.depth_range"
        assert f'fact("{key}")' in _refused(tmp_path, right, lang), right
        msg = _refused(tmp_path, wrong, lang)
        assert "fact(" not in msg.split("Fix:")[1].replace('fact("...")', ""), msg


def test_a_length_of_time_shown_as_typed_is_listed_for_the_reviewer(tmp_path: Path) -> None:
    """The last resort for a clinical-sounding length of time that is not one: raw, listed for the reviewer."""
    body = "{% raw %}Avoid the sun for a week.{% endraw %}\n\nCode: `heals over several weeks`."
    listed = load_project(_project(tmp_path, body)).site.pages["index.md"].as_typed
    assert [line for line, _ in listed] == [_line(body, "{% raw %}"), _line(body, "Code:")], listed
    assert "a week" in listed[0][1] and "several weeks" in listed[1][1], listed


# --- who said it ------------------------------------------------------------------------------

NAZARIAN_FACT = '{{ fact("device.needle_count") }}'
ATTRIBUTION_REFUSED = {
    "a break inside the sentence: (yes, really!)": f"Dr. Jaliman (yes, really!) says the pen has {NAZARIAN_FACT}.",
    "a break inside the sentence: ...": f"Dr. Jaliman says... the pen has {NAZARIAN_FACT}.",
    "a break inside the sentence: <br>": f"Dr. Jaliman says<br>the pen has {NAZARIAN_FACT}.",
    "a break inside the sentence: N.Y.": f"Dr. Jaliman of N.Y. says the pen has {NAZARIAN_FACT}.",
    "a sentence after the named one": f"Dr. Jaliman explains the tool. It has {NAZARIAN_FACT}.",
    "a speaker in a table row": f"| Who | What |\n| --- | --- |\n| Dr. Jaliman | {NAZARIAN_FACT} |",
    "a speaker in a column heading": f"| Item | Dr. Jaliman says |\n| --- | --- |\n| Needles | {NAZARIAN_FACT} |",
    "a speaker in a heading": f"## What Dr. Jaliman says\n\nThe pen has {NAZARIAN_FACT}.",
    "a speaker in a list's lead-in": f"Dr. Jaliman lists:\n\n- the pen has {NAZARIAN_FACT}",
    "Dr with no dot": f"Dr Jaliman says the pen has {NAZARIAN_FACT}.",
    "a no-break space": f"Dr.\u00a0Jaliman says the pen has {NAZARIAN_FACT}.",
    "a zero-width joiner is refused first": f"Dr. Jali\u200dman says the pen has {NAZARIAN_FACT}.",
    "capitals": f"DR. JALIMAN SAYS THE PEN HAS {NAZARIAN_FACT}.",
}


@pytest.mark.parametrize("case", ATTRIBUTION_REFUSED, ids=list(ATTRIBUTION_REFUSED))
def test_misattribution_that_punctuation_or_layout_hid_is_refused(tmp_path: Path, case: str) -> None:
    msg = _refused(tmp_path, ATTRIBUTION_REFUSED[case])
    if "zero-width" in case:
        assert "an invisible character (U+200D)" in msg, msg
    else:
        assert "this sentence credits Dr. Jaliman with Dr. Nazarian's words (at device.needle_count)" in msg, msg


def test_a_cyrillic_letter_in_a_name_is_refused(tmp_path: Path) -> None:
    """"Jаliman" with a Cyrillic а is not one of the experts (and would name Dr. Jaliman if it were)."""
    msg = _refused(tmp_path, f"Dr. J\u0430liman says the pen has {NAZARIAN_FACT}.")
    assert "who is not an expert in data/facts.yml" in msg and "Did you mean 'Dr. Jaliman'?" in msg, msg
    from guide.data.speakers import typed_names
    from support import project_facts

    assert typed_names("J\u0430liman", project_facts()) == {"jaliman"}


ATTRIBUTION_BUILDS = [
    f"Dr. Nazarian (yes, really!) says the pen has {NAZARIAN_FACT}.",
    f"## What Dr. Nazarian says\n\nThe pen has {NAZARIAN_FACT}. She uses it in the office.\n\n## The rest",
    f"Dr. Jaliman explains aftercare. The article says the pen has {NAZARIAN_FACT.replace('device.needle_count', 'about.invasiveness')}.",
    f"| Who | What |\n| --- | --- |\n| Dr. Nazarian | {NAZARIAN_FACT} |",
    f"Dr. Nazarian lists:\n\n- the pen has {NAZARIAN_FACT}",
    "The pen's tip length at home is {{ fact(\"device.home_needle_length\") }}.",
    f"The pen has {NAZARIAN_FACT}, says Dr. Nazarian.",
]


@pytest.mark.parametrize("text", ATTRIBUTION_BUILDS)
def test_right_attribution_builds(tmp_path: Path, text: str) -> None:
    _load(_project(tmp_path, text), "en")


# --- a claim credited to a doctor in prose (no-hints review, finding 5): only the macros put her words on a page ---

CREDIT = "credits a claim to {} with no fact or quote of"
CLAIMS_REFUSED = {
    # edition: (the page's text, whom the message names)
    "en": [
        ("Dr. Nazarian says you can safely do it weekly at home.", "Dr. Nazarian"),
        ("This figure is also Dr. Nazarian’s.", "Dr. Nazarian"),  # the thirteenth no-hints attack, H9: a possessive
        ("According to Dr. Jaliman, results last for years.", "Dr. Jaliman"),
        ("Results last for years, according to Dr. Jaliman.", "Dr. Jaliman"),
        ("You can do it weekly at home, says Dr. Nazarian.", "Dr. Nazarian"),
        ("Sheila recommends a session every week at home.", "Dr. Nazarian"),
        ("The plastic surgeon advises a session every week at home.", "Dr. Nazarian"),
        ("The dermatologist says sunscreen is not needed afterwards.", "Dr. Jaliman"),
        ("Your doctor warns that makeup is fine right away.", "a doctor"),
        ('{{ expert("nazarian") }}, says you can safely do it weekly at home.', "Dr. Nazarian"),
        ('Dr. Jaliman and the article say sunscreen is not needed; it is {{ fact("about.invasiveness") }}.', "Dr. Jaliman"),
        ("## Dr. Nazarian says it is safe weekly at home\n\nText.", "Dr. Nazarian"),
        ("- Dr. Jaliman recommends skipping sunscreen", "Dr. Jaliman"),
        ("Dr. Nazarian warns against numbing, see the [sources](sources.md).", "Dr. Nazarian"),
    ],
    "es": [
        ("Según la Dra. Jaliman, los resultados duran años.", "Dra. Jaliman"),
        ("Los resultados duran años, según la Dra. Jaliman.", "Dra. Jaliman"),
        ("La Dra. Nazarian recomienda hacerlo cada semana en casa.", "Dra. Nazarian"),
        ("La Dra. Nazarian dice que puede hacerlo cada semana en casa sin riesgo.", "Dra. Nazarian"),
        ("Debra aconseja no usar protector solar.", "Dra. Jaliman"),
        ("La cirujana plástica sugiere una sesión por semana en casa.", "Dra. Nazarian"),
        ("Su médica advierte que el maquillaje se puede usar enseguida.", "a doctor"),
        ('La {{ expert("jaliman") }}, explica que no hace falta protector solar.', "Dra. Jaliman"),
    ],
}
CLAIMS_BUILD = {
    "en": [
        'Dr. Nazarian says the pen has {{ fact("device.needle_count") }}.',
        "Dr. Nazarian is a plastic surgeon in Beverly Hills.",
        "## What Dr. Nazarian says\n\nBoth doctors are quoted in the article.\n\n## The rest",
        'Dr. Jaliman puts it this way:\n\n{{ quote("too_strong") }}',
        'Dr. Nazarian advises these steps:\n\n{{ fact_list("at_home.how_to_use", "steps") }}',
        'Dr. Jaliman says some ingredients are too strong. She says to avoid {{ fact("aftercare.avoid_ingredients") }}.',
        "For when Dr. Nazarian says makeup is fine again, see the [sources](sources.md).",
        "Dr. Nazarian says not every place does all of these steps. See the [sources](sources.md) for her questions.",
        "| Item | Dr. Nazarian says |\n| --- | --- |\n| Needles | {{ fact(\"device.needle_count\") }} |",
        '{{ fact("device.needle_count") }}, says Dr. Nazarian.',
    ],
    "es": [
        'La Dra. Nazarian dice que el bolígrafo tiene {{ fact("device.needle_count") }}.',
        "La Dra. Nazarian es cirujana plástica en Beverly Hills.",
        "## Lo que dice la Dra. Nazarian\n\nLas dos doctoras aparecen en el artículo.\n\n## Lo demás",
        'La Dra. Jaliman dice que algunos ingredientes son muy fuertes. Dice que evite {{ fact("aftercare.avoid_ingredients") }}.',
        "Aun así, más abajo verá quién debe esperar, según el artículo y la Dra. Jaliman.",
        "Para saber cuándo dice la Dra. Nazarian que se puede volver a usar maquillaje, vea las [fuentes](sources.md).",
    ],
}


@pytest.mark.parametrize("lang, text, who", [(lang, text, who) for lang, rows in CLAIMS_REFUSED.items() for text, who in rows])
def test_a_claim_credited_to_a_doctor_without_its_macro_is_refused(tmp_path: Path, lang: str, text: str, who: str) -> None:
    msg = _refused(tmp_path, text, lang)
    folder = "docs-es" if lang == "es" else "docs"
    assert CREDIT.format(who) in msg, msg
    assert f"{folder}/index.md:{_line(text, text.lstrip('#- ')[:12])}:" in msg, msg
    assert 'fact("...")' in msg and 'quote("...")' in msg, msg


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in CLAIMS_BUILD.items() for text in rows])
def test_a_sentence_that_names_a_doctor_or_shows_her_fact_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


# --- partials: what they make is held to the content's list too ---------------------------------

PARTIAL_REFUSED = {
    "script": "<script>alert(1)</script>",
    "style": "<style>p::after{content:'x'}</style>",
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "form": '<form action="https://evil.example"></form>',
    "event attribute": '<span onclick="alert(1)">x</span>',
    "unquoted event attribute": "<span onclick=alert(1)>x</span>",
    "event after a > in a value": '<span title="a>b" onclick="x()">x</span>',
    "theme class": '<span class="md-toggle">hidden</span>',
}


@pytest.mark.parametrize("case", PARTIAL_REFUSED, ids=list(PARTIAL_REFUSED))
def test_a_partial_that_writes_what_content_may_not_hold_stops_the_build(tmp_path: Path, case: str) -> None:
    project = _project(tmp_path, "Text.")
    partial = project / "includes" / "partials" / "citation.md"
    partial.write_text(partial.read_text(encoding="utf-8") + "\n" + PARTIAL_REFUSED[case] + "\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, "en")
    msg = str(info.value)
    assert "includes/partials/citation.md: " in msg and "in what the partial makes" in msg, msg


# --- quotations: the article's words, word for word -----------------------------------------------

QUOTES_REFUSED = {
    "a block quote typed on the page": "> We are simply tricking your skin into healing.",
    "a quotation after a doctor's name": 'Dr. Jaliman says "use a sunscreen every hour."',
    "a quotation before a doctor's name": '"Needles are painless," says Dr. Nazarian.',
    "a quotation after the article": 'The article calls it "a totally painless facial."',
    "a quotation after an expert macro": '{{ expert("nazarian") }}, says "it never hurts."',
}
QUOTES_BUILD = [
    "> We are basically tricking your skin into thinking",
    'The article calls them "punctate" scabs.',
    'When the article gives no number, we say "not stated."',
    'The word "needle" puts a lot of people off.',
    'We mark our own tips "Our suggestion."',
]


@pytest.mark.parametrize("case", QUOTES_REFUSED, ids=list(QUOTES_REFUSED))
def test_words_put_in_a_speakers_mouth_must_be_the_articles(tmp_path: Path, case: str) -> None:
    msg = _refused(tmp_path, QUOTES_REFUSED[case])
    assert "not word for word in the article" in msg and "nearest in the article:" in msg, msg
    assert msg.startswith(f"docs/index.md:{_line(QUOTES_REFUSED[case], QUOTES_REFUSED[case][:12])}:"), msg


@pytest.mark.parametrize("doctor", ["nazarian", "jaliman"])
def test_a_quotation_after_a_doctor_and_the_reader_is_held_to_that_doctor(tmp_path: Path, doctor: str) -> None:
    """The thirteenth no-hints attack, H6: "Dr. Jaliman says your skin is then “...”" with Dr. Nazarian's words built,
    because "your" read as the guide's own voice. The reader is whom the words are said to, never over a doctor."""
    facts = project_facts()
    key, other = next((k, q) for k, q in facts.quotes.items() if q.expert == doctor)
    words = " ".join(other.text.lstrip("“\"").split()[:5]).rstrip(".,;:!?")
    wrong = next(k for k in facts.experts if k != doctor)

    def name(k: str) -> str:
        return "Dr. " + str(facts.experts[k].name).split()[-1]

    msg = _refused(tmp_path, f"{name(wrong)} says your skin is then “{words}”.")
    assert f"this quotation credits {name(wrong)} with words the article gives to {name(doctor)}" in msg, msg
    _load(_project(tmp_path, f"{name(doctor)} says your skin is then “{words}”."), "en")


def test_the_articles_own_inference_is_not_a_doctors_quotation(tmp_path: Path) -> None:
    """The thirteenth no-hints attack (M1): "..., says Dr. Jaliman, which means that while they're safe to use, ..." is
    the writer's inference, and "Dr. Jaliman calls them “safe to use”" built. The words after "which means" are read
    from the article itself, not copied here."""
    article = (ROOT / "sources/article.txt").read_text(encoding="utf-8")
    facts = project_facts()
    found = re.search(r"says (Dr\. (\w+)), which means that (?:while )?(?:\w+[’']\w+ )?(\w+ \w+ \w+)", article)
    assert found, "the article's inference after a doctor's words"
    doctor, words = found[1], found[3]
    assert any(found[2] in str(e.name) for e in facts.experts.values())
    msg = _refused(tmp_path, f"{doctor} calls them “{words}”.")
    assert f"this quotation credits {doctor} with words that are the article's own" in msg, msg
    _load(_project(tmp_path, f"The article calls them “{words}”."), "en")


def test_a_misquote_shows_where_it_differs(tmp_path: Path) -> None:
    msg = _refused(tmp_path, "> We are simply tricking your skin into thinking")
    assert "it differs at 'simply' (the article: 'basically')" in msg, msg


@pytest.mark.parametrize("text", QUOTES_BUILD)
def test_quotations_of_the_article_or_of_ourselves_build(tmp_path: Path, text: str) -> None:
    _load(_project(tmp_path, text), "en")


TRICKING = "We are basically tricking your skin into thinking it has been wounded"
"""Dr. Nazarian's words in the article (data/facts.yml, quotes.tricking)."""
MADE_UP = "Microneedling is completely painless"
WRONG_SPEAKER = "credits Dr. Jaliman with words the article gives to Dr. Nazarian"
NOT_THE_ARTICLES = "not word for word in the article"
QUOTES_REFUSED_BOTH = {
    # (English page, Spanish page, what the message says): issue 24's no-hints review, both editions
    "a real quote credited to the wrong doctor": (f"Dr. Jaliman says, “{TRICKING}.”", f"La Dra. Jaliman dice: «{TRICKING}».",
                                                  WRONG_SPEAKER),
    "the wrong doctor after the quote": (f"“{TRICKING},” says Dr. Jaliman.", f"«{TRICKING}», dice la Dra. Jaliman.",
                                         WRONG_SPEAKER),
    "the wrong doctor in a table row": (f"| Who | Says |\n| --- | --- |\n| Dr. Jaliman | “{TRICKING}” |",
                                        f"| Quién | Dice |\n| --- | --- |\n| Dra. Jaliman | «{TRICKING}» |", WRONG_SPEAKER),
    "the wrong doctor in an admonition's title": (f'!!! quote "Dr. Jaliman"\n    “{TRICKING}.”',
                                                  f'!!! quote "Dra. Jaliman"\n    «{TRICKING}».', WRONG_SPEAKER),
    "the wrong doctor in the sentence before": (f"Dr. Jaliman explains the pen. “{TRICKING}.”",
                                                f"La Dra. Jaliman explica el bolígrafo. «{TRICKING}».", WRONG_SPEAKER),
    "a role for the wrong doctor": (f"The dermatologist says, “{TRICKING}.”", f"La dermatóloga dice: «{TRICKING}».",
                                    WRONG_SPEAKER),
    "a quotation over a line break": ("Dr. Nazarian says, “Microneedling is completely\npainless.”",
                                      "La Dra. Nazarian dice: «El tratamiento no duele\nnada».", NOT_THE_ARTICLES),
    "a quotation of more than six hundred characters": (
        "Dr. Nazarian says, “" + "It never hurts at all and " * 26 + "it is safe.”",
        "La Dra. Nazarian dice: «" + "No duele nada de nada y " * 26 + "es seguro».", "a quotation of "),
    "straight single quotes": (f"Dr. Nazarian says, '{MADE_UP}.'", f"La Dra. Nazarian dice: '{MADE_UP}'.", NOT_THE_ARTICLES),
    "curly single quotes": (f"Dr. Nazarian says, ‘{MADE_UP}.’", f"La Dra. Nazarian dice: ‘{MADE_UP}’.", NOT_THE_ARTICLES),
    "low-high quotes": (f"Dr. Nazarian says, „{MADE_UP}.“", f"La Dra. Nazarian dice: „{MADE_UP}“.", NOT_THE_ARTICLES),
    "single angle quotes": (f"Dr. Nazarian says, ‹{MADE_UP}.›", f"La Dra. Nazarian dice: ‹{MADE_UP}›.", NOT_THE_ARTICLES),
    "full-width quotes": (f"Dr. Nazarian says, ＂{MADE_UP}.＂", f"La Dra. Nazarian dice: ＂{MADE_UP}＂.", NOT_THE_ARTICLES),
    "corner brackets": (f"Dr. Nazarian says, 「{MADE_UP}.」", f"La Dra. Nazarian dice: 「{MADE_UP}」.", NOT_THE_ARTICLES),
    "angle quotes": (f"Dr. Nazarian says, «{MADE_UP}.»", f"La Dra. Nazarian dice: «{MADE_UP}».", NOT_THE_ARTICLES),
    "a first name": (f"Sheila says, “{MADE_UP}.”", f"Sheila dice: «{MADE_UP}».", NOT_THE_ARTICLES),
    "a role": (f"The plastic surgeon says, “{MADE_UP}.”", f"La cirujana plástica dice: «{MADE_UP}».", NOT_THE_ARTICLES),
    "our source": (f"Our dermatologist source says, “{MADE_UP}.”", f"Nuestra fuente dermatóloga dice: «{MADE_UP}».",
                   NOT_THE_ARTICLES),
    "experts": (f"Experts agree: “{MADE_UP}.”", f"Dicen los expertos: «{MADE_UP}».", NOT_THE_ARTICLES),
    "four words in quotation marks, no speaker": (f"Remember: “{MADE_UP}.”", f"Recuerde: «{MADE_UP}».", NOT_THE_ARTICLES),
}


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("case", QUOTES_REFUSED_BOTH, ids=list(QUOTES_REFUSED_BOTH))
def test_a_quotation_in_any_form_must_be_the_articles_and_its_speakers(tmp_path: Path, case: str, lang: str) -> None:
    english, spanish, says = QUOTES_REFUSED_BOTH[case]
    body = spanish if lang == "es" else english
    msg = _refused(tmp_path, body, lang)
    folder = "docs-es" if lang == "es" else "docs"
    assert (says.replace("Dr. ", "Dra. ") if lang == "es" else says) in msg, msg
    mark = min(body.index(m) for m in "“«'‘„‹＂「" if m in body)
    assert msg.startswith(f"{folder}/index.md:{_line(body, body[:8]) + body[:mark].count(chr(10))}:"), msg
    assert len(msg) < 1500, msg  # the nearest words of the article, not the article


QUOTES_BUILD_BOTH = {
    "en": [
        # a doctor's advice with its fact (no-hints review, finding 5), and her one word in quotation marks
        "Dr. Jaliman advises “slathering” on a sunscreen that is {{ fact(\"aftercare.sunscreen_type\") }}.",
        "The article’s word “slathering” means a thick layer.",
        "Some call it a “facial,” but it is not one.", "The pen is not “magic.”", "It’s the doctors’ view, not ours.",
        "The article is called “Everything You Need to Know About Microneedling According to Derms.”",
        "## What to ask at the clinic\n\nSee “What to ask at the clinic” above.",
        f"Dr. Nazarian says, “{TRICKING}.”", f"“{TRICKING},” Dr. Nazarian explains.",
        f"| Who | Says |\n| --- | --- |\n| Dr. Nazarian | “{TRICKING}” |",
        f'!!! quote "Dr. Nazarian"\n    “{TRICKING}.”',
        "“Needles are used to create small punctures on the top layer of the skin,” says Dr. Jaliman.",
        f"The article quotes Dr. Nazarian: “{TRICKING}.”", "We call the red skin after it “the pink days.”",
        "A ‘dermaroller’ is the pen’s cousin.", "Dr. Nazarian’s office uses a mask.",
    ],
    "es": [
        "La palabra «aguja» asusta a mucha gente.", "Lo que llamamos “Nuestra sugerencia” es nuestro.",
        f"La Dra. Nazarian dice: «{TRICKING}».", "No es un «tratamiento mágico».",
        "## Qué preguntar en la clínica\n\nVea «Qué preguntar en la clínica» arriba.",
    ],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, rows in QUOTES_BUILD_BOTH.items() for text in rows])
def test_ordinary_quoting_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)


OUTSIDE_THE_PAGES = {
    # (file, edition, the line added or replaced, the line it replaces or None to add it, what the message says)
    "a glossary meaning that names a doctor": (
        "includes/abbreviations.md", "en", "*[sunscreen]: Dr. Jaliman says sunscreen is not needed after the treatment.",
        None, "a glossary meaning that names Dr. Jaliman"),
    "a glossary meaning that quotes a doctor": (
        "includes/abbreviations.md", "en", "*[pinkness]: Dr. Nazarian says, “This is a sign of infection, see a doctor at once.”",
        None, "a glossary meaning that names Dr. Nazarian"),
    "a glossary meaning that quotes": (
        "includes/abbreviations.md", "en", "*[pinkness]: Experts say, “This is a sign of infection, see a doctor.”", None,
        "a glossary meaning: a quotation that is not word for word in the article"),
    "a Spanish glossary meaning that names a doctor": (
        "includes/abbreviations.es.md", "es", "*[protector solar]: La Dra. Jaliman dice que no hace falta después.", None,
        "a glossary meaning that names Dra. Jaliman"),
    "a Spanish glossary meaning that quotes": (
        "includes/abbreviations.es.md", "es", "*[rosado]: Los expertos dicen: «Es una señal de infección grave».", None,
        "a glossary meaning: a quotation that is not word for word in the article"),
    # a glossary meaning is our plain meaning of a word, never advice or a clinical claim (no-hints review, finding 8)
    "a glossary meaning that gives advice": (
        "includes/abbreviations.md", "en", "*[sunscreen]: Not needed after the treatment.", None,
        "a glossary meaning that gives advice or a clinical claim ('needed', advice)"),
    "a glossary meaning that calls something harmless": (
        "includes/abbreviations.md", "en", "*[pinkness]: Harmless, and it fades by itself (our definition).", None,
        "a glossary meaning that gives advice or a clinical claim ('harmless', safety or risk)"),
    "a glossary meaning that reassures": (  # the sixth new-editor trial
        "includes/abbreviations.md", "en", "*[pinkness]: A light red color of the skin, not a sign of anything wrong "
        "(our definition).", None, "a glossary meaning that gives advice or a clinical claim ('anything wrong', safety or risk)"),
    "a glossary meaning that says to wait": (
        "includes/abbreviations.md", "en", "*[makeup]: Wait a day after the visit before you put it on.", None,
        "a glossary meaning that gives advice or a clinical claim ('wait', advice)"),
    "a Spanish glossary meaning that gives advice": (
        "includes/abbreviations.es.md", "es", "*[protector solar]: No hace falta después del tratamiento.", None,
        "a glossary meaning that gives advice or a clinical claim ('hace falta', advice)"),
    "a Spanish glossary meaning that calls it safe": (
        "includes/abbreviations.es.md", "es", "*[rosado]: Es seguro y se quita solo (nuestra definición).", None,
        "a glossary meaning that gives advice or a clinical claim ('seguro', safety or risk)"),
    # the third no-hints attack: "fine to keep taking" (a medicine the article says to skip it for)
    "a glossary meaning that says to keep taking a medicine": (
        "includes/abbreviations.md", "en", "*[blood thinners]: Medicines such as aspirin, which are fine to keep taking "
        "before the treatment (our definition).", None, "a glossary meaning that gives advice or a clinical claim ('are fine', advice)"),
    # the eighth no-hints attack: nothing can go wrong, makes little difference, "sin importancia"
    "a glossary meaning that says nothing can go wrong": (
        "includes/abbreviations.md", "en", "*[pinkness]: A light red color, so nothing can go wrong (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('go wrong', safety or risk)"),
    "a glossary meaning that says the number makes little difference": (
        "includes/abbreviations.md", "en", "*[pinkness]: A light red color; how red makes little difference (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('little difference', a severity)"),
    "a Spanish glossary meaning that calls it unimportant": (
        "includes/abbreviations.es.md", "es", "*[rosado]: Un color rojo claro, sin importancia (nuestra definición).", None,
        "a glossary meaning that gives advice or a clinical claim ('sin importancia', a severity)"),
    "a glossary meaning that says the treatment clears it up": (
        "includes/abbreviations.md", "en", "*[rosacea]: A redness of the face that microneedling clears up (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('clears up', advice)"),
    # the eighth no-hints attack (M-B12b) and the ninth new-editor trial: a meaning that speaks for the doctors, or heals
    "a glossary meaning that speaks for both doctors": (
        "includes/abbreviations.md", "en", "*[Tensage]: The serum brand both doctors use (our definition).", None,
        "a glossary meaning that speaks for the doctors ('both doctors')"),
    "a glossary meaning that says a doctor favors a brand": (
        "includes/abbreviations.md", "en", "*[Tensage]: The serum brand Dr. Jaliman favors (our definition).", None,
        "a glossary meaning that speaks for the doctors ('Debra Jaliman')"),
    "a Spanish glossary meaning that speaks for both doctors": (
        "includes/abbreviations.es.md", "es", "*[Tensage]: Una marca que usan las dos doctoras (nuestra definición).", None,
        "a glossary meaning that speaks for the doctors ('las dos doctoras')"),
    "a glossary meaning that says what heals": (
        "includes/abbreviations.md", "en", "*[hydrated]: Holding enough water; hydrated skin heals faster (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('heals', what it does)"),
    "a glossary meaning that says what helps healing": (
        "includes/abbreviations.md", "en", "*[hydrated]: Holding enough water, which helps the skin heal (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('heal', what it does)"),
    "a Spanish glossary meaning that says what heals": (
        "includes/abbreviations.es.md", "es", "*[hidratada]: Con suficiente agua, lo que ayuda a sanar la piel (nuestra "
        "definición).", None, "a glossary meaning that gives advice or a clinical claim ('sanar', what it does)"),
    # the seventh no-hints attack: what the treatment does, or a length of time, in a glossary meaning
    "a glossary meaning that says the treatment removes it": (
        "includes/abbreviations.md", "en", "*[scars]: Marks on the skin that microneedling removes (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('removes', what the treatment does)"),
    "a glossary meaning that says something never happens after it": (
        "includes/abbreviations.md", "en", "*[infection]: Something that does not happen after microneedling (our "
        "definition).", None, "a glossary meaning that gives advice or a clinical claim ('does not happen', what the treatment does)"),
    "a glossary meaning that gives a length of time": (
        "includes/abbreviations.md", "en", "*[redness]: A pink color that fades within hours (our definition).",
        None, "a glossary meaning that gives advice or a clinical claim ('hours', hours)"),
    "a Spanish glossary meaning that says the treatment removes it": (
        "includes/abbreviations.es.md", "es", "*[cicatrices]: Marcas de la piel que el tratamiento con microagujas quita "
        "(definición nuestra).", None, "a glossary meaning that gives advice or a clinical claim ('quita', what the treatment does)"),
    "a Spanish glossary meaning that says to keep taking a medicine": (
        "includes/abbreviations.es.md", "es", "*[anticoagulantes]: Medicamentos que puede seguir tomando antes del "
        "tratamiento (nuestra definición).", None, "a glossary meaning that gives advice or a clinical claim ('puede seguir', advice)"),
    # the fourth no-hints attack: a meaning that narrows the word a fact uses, and a doctor's name as a glossary word
    "a glossary meaning that leaves something out": (
        "includes/abbreviations.md", "en", "*[blood thinners]: Medicines that slow blood clotting, not everyday aspirin "
        "(our definition).", None, "a glossary meaning that leaves something out of the word ('not everyday')"),
    "a Spanish glossary meaning that leaves something out": (
        "includes/abbreviations.es.md", "es", "*[anticoagulantes]: Medicamentos que frenan la coagulación, salvo la "
        "aspirina (nuestra definición).", None, "a glossary meaning that leaves something out of the word ('salvo')"),
    # the eleventh no-hints attack (H24, M2): a narrower kind of the thing, with no "not" or "except"
    "a glossary meaning that narrows to prescription medicines": (
        "includes/abbreviations.md", "en", "*[blood thinners]: Prescription medicines that slow blood clotting (our "
        "definition).", None, "a glossary meaning that leaves something out of the word ('prescription')"),
    "a glossary meaning that narrows to a diagnosed condition": (
        "includes/abbreviations.md", "en", "*[eczema]: A skin condition, diagnosed by a doctor, that makes skin dry, "
        "itchy and inflamed (our definition).", None, "a glossary meaning that leaves something out of the word ('diagnosed')"),
    "a Spanish glossary meaning that narrows to prescription medicines": (
        "includes/abbreviations.es.md", "es", "*[anticoagulantes]: Medicamentos con receta que frenan la coagulación "
        "(nuestra definición).", None, "a glossary meaning that leaves something out of the word ('con receta')"),
    "a doctor's surname as a glossary word": (
        "includes/abbreviations.md", "en", "*[Nazarian]: A nurse who works at a spa.", None,
        "a glossary word for a doctor's name"),
    "a doctor's surname as a Spanish glossary word": (
        "includes/abbreviations.es.md", "es", "*[Jaliman]: Una enfermera de un spa.", None,
        "a glossary word for a doctor's name"),
    # the fifth no-hints attack: a meaning that credits the article with what it does not say
    "a glossary meaning that credits the article with a word it does not have": (
        "includes/abbreviations.md", "en", "*[pinkness]: A red color of the skin; the article says it is velvety for "
        "newborns.", None, "a glossary meaning that says what the article says, with 'velvety'"),  # a word no
    # correction of the article is likely to bring in ("gentle" came in with the twelfth trial's "a gentle cleanser")
    # the sixth no-hints attack: a tooltip on the guide's own notices and on a doctor's credentials
    "a glossary word on the suggestion label": (
        "includes/abbreviations.md", "en", "*[Our suggestion]: Advice that the two doctors in the article checked "
        "(our definition).", None, "a glossary word in the guide's own notice or a doctor's title: 'Our suggestion'"),
    "a glossary word on 'not medical advice'": (
        "includes/abbreviations.md", "en", "*[medical advice]: Advice from a doctor who has seen you (our definition).",
        None, "a glossary word in the guide's own notice or a doctor's title: 'medical advice'"),
    "a glossary word on a doctor's credentials": (
        "includes/abbreviations.md", "en", "*[M.D.]: A title for a doctor (our definition).", None,
        "a glossary word in the guide's own notice or a doctor's title: 'M.D.'"),
    "a Spanish glossary word on 'no consejo médico'": (
        "includes/abbreviations.es.md", "es", "*[consejo médico]: Lo que dice un médico (nuestra definición).", None,
        "a glossary word in the guide's own notice or a doctor's title: 'consejo médico'"),
    "a template string that quotes a doctor": (
        "includes/strings/en.yml", "en", 'about_not_guideline: "Dr. Jaliman says, “It is safe in pregnancy.” It is a clinical guideline"',
        "about_not_guideline:", "a template string that names Dr. Jaliman"),
    "a Spanish template string that quotes": (
        "includes/strings/es.yml", "es", 'about_not_guideline: "Las expertas dicen: «Es seguro en el embarazo». Es una guía"',
        "about_not_guideline:", "a template string: a quotation that is not word for word in the article"),
    "a description that quotes a doctor": (
        "PAGE", "en", "description: Dr. Jaliman says, “Microneedling is completely painless and safe in pregnancy.”",
        "description:", "the description: a quotation that is not word for word in the article"),
    "a Spanish description that quotes a doctor": (
        "PAGE", "es", "description: La Dra. Jaliman dice «El tratamiento no duele nada y es seguro en el embarazo».",
        "description:", "the description: a quotation that is not word for word in the article"),
    "a description that credits a claim to a doctor": (
        "PAGE", "en", "description: Dr. Nazarian says you can safely do microneedling weekly at home with a roller.",
        "description:", "the description credits a claim to Dr. Nazarian with no fact or quote of hers"),
    "a Spanish description that credits a claim to a doctor": (
        "PAGE", "es", "description: Según la Dra. Jaliman, los resultados del tratamiento con microagujas duran años.",
        "description:", "the description credits a claim to Dra. Jaliman with no fact or quote of hers"),
    "a description that credits the wrong doctor": (
        "PAGE", "en", f"description: Dr. Jaliman says, “{TRICKING}.”", "description:",
        "the description: this quotation credits Dr. Jaliman with words the article gives to Dr. Nazarian"),
}


@pytest.mark.parametrize("case", OUTSIDE_THE_PAGES, ids=list(OUTSIDE_THE_PAGES))
def test_glossary_strings_and_front_matter_put_no_words_in_a_doctors_mouth(tmp_path: Path, case: str) -> None:
    """Tooltips, the frame's strings and a page's description (search results, shares, JSON-LD) reach every
    reader away from the page's sentences: issue 24's review put claims in the doctors' mouths there."""
    name, lang, line, replaces, says = OUTSIDE_THE_PAGES[case]
    project = _project(tmp_path, "Text.", lang)
    path = project / ("docs-es/index.md" if lang == "es" else "docs/index.md") if name == "PAGE" else project / name
    rows = path.read_text(encoding="utf-8").split("\n")
    at = next((i for i, row in enumerate(rows) if replaces and row.startswith(replaces)), None)
    if at is None:
        rows.append(line)
        at = len(rows) - 1
    else:
        rows[at] = line
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, lang)
    msg = str(info.value)
    shown = ("docs-es/index.md" if lang == "es" else "docs/index.md") if name == "PAGE" else name
    assert says in msg and f"{shown}:{at + 1}:" in msg and "Fix: " in msg, msg


@pytest.mark.parametrize("lang, line", [("en", "*[pinkness]: A light red color of the skin, not a sunburn (our definition)."),
                                        ("en", "*[fine lines]: Small, fine lines in the skin (our definition)."),
                                        ("en", "*[PRP facial]: A different treatment. The article calls it "
                                               "controversial and says it uses growth factor from your own blood."),
                                        ("es", "*[rosado]: Un color rojo claro de la piel, no una quemadura (nuestra definición)."),
                                        ("es", "*[al día]: Que tiene la fecha más reciente (nuestra definición)."),
                                        ("en", "*[hydrated]: Holding enough water (our definition)."),
                                        ("en", "*[pore cleanser]: A product used in skin care to clear pores (our definition)."),
                                        ("en", "*[dermatology]: The part of medicine that deals with the skin; a doctor in "
                                               "it is a dermatologist (our definition)."),
                                        ("es", "*[hidratada]: Con suficiente agua (nuestra definición)."),
                                        ("es", "*[dermatología]: La parte de la medicina que estudia la piel (nuestra "
                                               "definición).")])
def test_a_glossary_meaning_in_plain_words_builds(tmp_path: Path, lang: str, line: str) -> None:
    project = _project(tmp_path, "Text.", lang)
    path = project / "includes" / ("abbreviations.es.md" if lang == "es" else "abbreviations.md")
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    _load(project, lang)


def test_a_data_quote_given_to_the_wrong_doctor_stops_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path, "Text.")
    data = project / "data" / "facts.yml"
    text = data.read_text(encoding="utf-8")
    old = "  tricking:\n    expert: nazarian\n"
    assert old in text
    data.write_text(text.replace(old, "  tricking:\n    expert: jaliman\n"), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, "en")
    assert "the article gives these words to Dr. Nazarian" in str(info.value), str(info.value)


def test_a_spanish_page_quotes_the_english_words_or_uses_the_quote_macro(tmp_path: Path) -> None:
    msg = _refused(tmp_path, "La Dra. Nazarian dice: «Engañamos a la piel para que sane».", "es")
    assert "not word for word in the article" in msg and '{{ quote("...") }}' in msg, msg
    _load(_project(tmp_path, 'La Dra. Nazarian dice: “We are basically tricking your skin”.', "es"), "es")


# --- the two editions say the same -----------------------------------------------------------------


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_fact_or_quote_on_one_edition_only_stops_both_builds(tmp_path: Path, lang: str) -> None:
    from tools.project import copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "pain.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n## ", '\n{{ quote("tricking") }}\n\n## ', 1), encoding="utf-8")
    line = page.read_text(encoding="utf-8").split('{{ quote("tricking") }}')[0].count("\n") + 1
    with pytest.raises(Exception) as info:
        _load(project, lang)
    msg = str(info.value)
    assert f'docs/pain.md:{line}: this page shows quote("tricking"), and its pair docs-es/pain.md does not' in msg, msg
    (project / "docs-es" / "pain.md").unlink()
    with pytest.raises(Exception) as info:
        _load(project, "en")
    assert "docs/pain.md: a page with no pair in the other edition" in str(info.value)


PROSE_ON_ONE_EDITION = {
    # (the edition's folder, what is added before its page's first "## " heading, what the message says)
    "a paragraph in English only": ("docs", "Be gentle with your skin while it heals.\n\n",
                                    "this page has {n} paragraphs under the heading '{title}', and its pair docs-es/pain.md has {m} paragraph"),
    "a list item in Spanish only": ("docs-es", "- Lleve un sombrero.\n\n", "this page has "),
    "a heading in Spanish only": ("docs-es", "## Otra cosa\n\nTexto.\n\n", "headings, and its pair docs/pain.md has"),
}


@pytest.mark.parametrize("case", PROSE_ON_ONE_EDITION, ids=list(PROSE_ON_ONE_EDITION))
@pytest.mark.parametrize("lang", EDITIONS)
def test_prose_added_to_one_edition_only_stops_both_builds(tmp_path: Path, lang: str, case: str) -> None:
    """The seventh new-editor trial: a paragraph added to one edition's page only built. Each page and its pair
    have the same headings and, under each, the same paragraphs and list items."""
    from tools.project import copy_project

    folder, added, says = PROSE_ON_ONE_EDITION[case]
    project = copy_project(tmp_path / "project")
    page = project / folder / "pain.md"
    text = page.read_text(encoding="utf-8")
    top = text.split("\n## ", 1)[0].split("\n---\n", 1)[-1]  # the page's title and what is under it
    title = next(row[2:].strip() for row in top.splitlines() if row.startswith("# "))
    paragraphs = len([b for b in top.split("\n\n") if b.strip() and not b.lstrip().startswith("#")])
    page.write_text(text.replace("\n## ", "\n" + added + "## ", 1), encoding="utf-8")
    with pytest.raises(Exception) as info:
        _load(project, lang)
    msg = str(info.value)
    assert f"{folder}/pain.md:" in msg and says.format(n=paragraphs + 1, m=paragraphs, title=title) in msg, msg
    assert "Fix: Translate what is missing into" in msg, msg


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("added, says", [
    ('--8<-- "evil.md"', "a snippet line, which pulls another file into the page"),
    ('{{ fact("device.needle_count"', "a '{{' with no '}}' after it on the same line")])
def test_a_page_its_pair_cannot_read_gets_its_own_message_not_a_traceback(tmp_path: Path, lang: str, added: str,
                                                                          says: str) -> None:
    """The eighth no-hints attack: a snippet line or an unclosed {{ on a page of one edition gave a traceback from the
    check of its pair's shape; the page's own message comes instead, in the build of either edition."""
    from tools.project import copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "procedure.md"
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + added + "\n", encoding="utf-8")
    msg = _refused_project(project, lang) if lang == "en" else ""
    if lang == "es":  # the Spanish edition's build: its pages are fine, and the English page's problem is the English build's
        try:
            _load(project, lang)
        except Exception as exc:  # noqa: BLE001 - what it raises must be a message
            msg = str(exc)
            assert "Traceback" not in msg and "Found: " in msg, msg
        return
    assert "docs/procedure.md:" in msg and says in msg, msg


@pytest.mark.parametrize("folder, sentence", [("docs", "You can read this page on a phone."),
                                              ("docs-es", "Puede leer esta página en un teléfono.")])
def test_rewording_inside_a_paragraph_of_one_edition_builds(tmp_path: Path, folder: str, sentence: str) -> None:
    """A sentence more in a paragraph of one edition is rewording, not a paragraph its pair lacks."""
    from tools.project import copy_project

    project = copy_project(tmp_path / "project")
    page = project / folder / "sources.md"
    rows = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, row in enumerate(rows) if row.startswith("# "))
    at = next(i for i, row in enumerate(rows) if i > title and row[:1].isalpha())  # the first paragraph's line
    rows[at] += " " + sentence
    page.write_text("\n".join(rows), encoding="utf-8")
    for lang in EDITIONS:
        _load(project, lang)


# --- links: the page check's own message, with the line and the nearest name ---------------------

def test_a_broken_anchor_lists_the_headings_the_page_has(tmp_path: Path) -> None:
    """An #anchor nothing like a heading gets no "Did you mean": the message lists the ids the page has."""
    project = _project(tmp_path, "See [how it goes](sources.md#zzz).")
    sources = project / "docs" / "sources.md"
    sources.write_text(sources.read_text(encoding="utf-8") + "\n## Where the facts come from\n\n## Who checks them\n",
                       encoding="utf-8")
    msg = _refused_project(project)
    assert "a link to a heading that docs/sources.md does not have: '#zzz'" in msg and "Did you mean" not in msg, msg
    assert "#where-the-facts-come-from" in msg and "#who-checks-them" in msg, msg


@pytest.mark.parametrize("link, says, hint", [
    ("[sources](sourcse.md)", "a link to a page that does not exist: 'sourcse.md'", "Did you mean 'sources.md'?"),
    ("[the top](#tny)", "a link to a heading that docs/index.md does not have: '#tny'", "Did you mean 'tiny'?"),
])
def test_a_broken_link_or_anchor_gets_the_projects_own_message(tmp_path: Path, link: str, says: str, hint: str) -> None:
    project = _project(tmp_path, f"See {link}.")
    with pytest.raises(Exception) as info:
        _load(project, "en")
    msg = str(info.value)
    assert msg.startswith(f"docs/index.md:{_line('See ' + link, 'See ')}: {says}"), msg
    assert hint in msg, msg


@pytest.mark.build
@pytest.mark.parametrize("bad", ["<div onclick=alert(1)></div>", '<div title="a>b" onclick="x()"></div>'])
def test_an_override_with_an_event_attribute_stops_the_build(tmp_path: Path, bad: str) -> None:
    """The theme's templates (overrides/) are read by the post-build step with the browsers' parser: an
    unquoted handler, or one after a '>' inside a value, stops the build (the regular expression it
    replaced saw neither)."""
    from support import MAKE_PARTS, make_build
    from tools.project import BUILD_PARTS, copy_project

    project = copy_project(tmp_path / "project", (*BUILD_PARTS, *MAKE_PARTS))
    main = project / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{% block libs %}\n  {{ super() }}", "{% block libs %}\n  {{ super() }}\n  " + bad, 1),
                    encoding="utf-8")
    build = make_build(project)
    assert not build.ok and "the attribute 'onclick' in the theme's markup" in build.output, build.output[-2000:]
    assert not (project / "site").exists()


@pytest.mark.parametrize(("words", "says"), [
    # the fifth no-hints attack: a sentence inside en() is English that the Spanish checks never read
    ("it cures acne scars for good", "more than 4 words"),
    ("safe for everyone", "a claim or advice"),
    ("always", "a claim or advice"),
])
def test_a_claim_inside_en_stops_the_build(tmp_path: Path, words: str, says: str) -> None:
    msg = _refused(tmp_path, f'El tratamiento ({{{{ en("{words}") }}}}) es conocido.', "es")
    assert "en() takes plain English words" in msg and says in msg, msg


@pytest.mark.parametrize("words", ["microneedling", "stratum corneum", "board-certified", "SPF"])
def test_an_english_term_in_en_builds(tmp_path: Path, words: str) -> None:
    _load(_project(tmp_path, f'El tratamiento ({{{{ en("{words}") }}}}) es conocido.', "es"), "es")


@pytest.mark.parametrize("lang, text", [
    ("en", "In her words, “Working out by yourself is definitely good.”"),
    ("es", "La Dra. Nazarian dice: «Working out by yourself is definitely good»."),
    ("en", "Dr. Nazarian compares them: “I’d compare that to working out with a trainer.”")])
def test_a_typed_quotation_may_not_stop_before_the_doctors_but(tmp_path: Path, lang: str, text: str) -> None:
    """The eighth no-hints attack: a quotation cut just before "but" ("..., but you’ll have more dramatic results
    ... with a trainer") or "whereas" says less than, or the opposite of, what the doctor said."""
    msg = _refused(tmp_path, text, lang)
    assert "a quotation that stops where the words go on with '" in msg and "the article goes on: '" in msg, msg


@pytest.mark.parametrize("text", [
    "Dr. Nazarian says, “Working out by yourself is definitely good, but you’ll have more dramatic results and a "
    "better workout with a trainer.”",
    f"Dr. Nazarian says, “{TRICKING}.”"])  # her "but as a result" goes on to what follows: it limits nothing
def test_a_typed_quotation_to_the_end_of_the_sentence_builds(tmp_path: Path, text: str) -> None:
    _load(_project(tmp_path, text), "en")


# --- the ninth new-editor trial: what built and should not have, and what was refused and should not have been ---

NINTH_TRIAL_REFUSED = [  # (edition, the page's text, what the message says)
    ("en", "The glow stays with you for a long time.", "('stays with you', permanence)"),
    ("en", "Your results will last for years.", "permanence"),
    ("en", "The pinkness is already gone the morning after.", "('gone', what it does)"),
    ("en", "Most people put their makeup back on before dinner.", "advice about 'makeup'"),
    ("es", "El brillo de la piel le dura mucho tiempo.", "('dura mucho', permanence)"),
    ("es", "Los efectos duran mucho.", "('duran mucho', permanence)"),
    ("es", "La mayoría vuelve a maquillarse antes de la cena.", "advice about 'maquillarse'"),
]
NINTH_ATTACK_REFUSED = [  # the ninth no-hints attack: (edition, text, what the message says)
    ("en", "Even so, the article says home devices let you “get the same results as heading to your derm.”",
     "a quotation that leaves out the 'won’t' right before it"),  # H5
    ("en", "See [Dr. Jaliman’s makeup advice](sources.md).", "on 'makeup' as from Dr. Jaliman"),  # H11
    ("en", "For when Dr. Jaliman says makeup is fine again, see the [sources](sources.md).", "on 'makeup' as from Dr. Jaliman"),
    ("es", "Vea [la Dra. Jaliman y el maquillaje](sources.md).", "on 'maquillaje' as from Dra. Jaliman"),  # M3
    ("en", 'For acne scars, the dermatologist’s plan is {{ fact("frequency.acne_scarring") }}.',
     "credits Dr. Jaliman with Dr. Nazarian's words"),  # M2
    # H3: claims in the guide's own voice with none of the words the rules read before
    ("en", "Once the pinkness fades, sunscreen matters much less.", "('matters much less', a comparison)"),
    ("en", "Most people say it feels like nothing more than a light scratch.", "('nothing more than', safety or risk)"),
    ("en", "Scabs like these are nothing to call your provider about.", "('nothing to call', safety or risk)"),
    ("en", "People with darker skin tend to get the best results.", "('best results', a comparison)"),
    ("en", "With enough patience, a roller at home gets you to the same place.", "('the same place', a comparison)"),
    ("en", "A good spa is just as good as a dermatologist.", "('just as good as', a comparison)"),
    ("es", "Cuando se va el color rosado, el protector solar ya importa mucho menos.", "a comparison"),
    ("es", "Casi todos dicen que no se siente más que un leve rasguño.", "safety or risk"),
    ("es", "Costras así no son motivo para llamar a su profesional.", "('no son motivo', safety or risk)"),
    ("es", "Las personas de piel oscura suelen lograr los mejores resultados.", "('mejores resultados', a comparison)"),
    ("es", "Con paciencia, un rodillo de microagujas en casa le lleva al mismo lugar.", "('al mismo lugar', a comparison)"),
    ("es", "Un buen spa es igual de bueno que un dermatólogo.", "('igual de bueno', a comparison)"),
    # H10: a heading or a table row that says how long
    ("en", "## Sun protection until the pink fades\n\nText.", "a clinical claim"),
    ("es", "## Protección solar hasta que se vaya el rosado\n\nTexto.", "('hasta que', how long)"),
    ("en", "| Product | When |\n|---|---|\n| Sunscreen | Until the pink fades |", "advice about 'sunscreen'"),
    ("en", "| Product | When |\n|---|---|\n| Retinol | Back once the skin feels normal |", "advice about 'retinol'"),
]
NINTH_ATTACK_BUILDS = [
    ("en", "See [Dr. Nazarian’s makeup advice](sources.md)."),
    ("en", "See [Dr. Jaliman’s sunscreen advice](sources.md)."),
    ("en", "For when Dr. Nazarian says makeup is fine again, see the [sources](sources.md)."),
    ("en", 'The plastic surgeon says to plan on {{ fact("frequency.acne_scarring") }}.'),
    ("en", "A dermatologist is a doctor who treats skin; see the [sources](sources.md)."),
    ("en", "## What to expect after the visit\n\nText."),
    ("en", "## Makeup after the visit\n\nText."),
    ("en", "## Is it safe?\n\nText."),
    ("es", "## ¿Es seguro?\n\nTexto."),
    ("en", "| What to bring | Why |\n|---|---|\n| A scarf | To cover the pink on the way home |"),
    ("en", "A good book is just the thing for the waiting room."),
    ("en", "Prices are not the same from place to place."),
    ("es", "Los precios no son los mismos en todos los sitios."),
]


TENTH_TRIAL_REFUSED = [  # the tenth new-editor trial's holes: (edition, text, what the message says)
    ("en", "It suits people of any age.", "('any age', who it suits)"),
    ("en", "Microneedling works better than a chemical peel.", "('better than', a comparison)"),
    ("en", "Your skin will glow for months afterwards.", "('for months', permanence)"),
    ("en", "Men get the same results as women.", "('the same results', a comparison)"),
    ("en", "Both doctors think the at-home rollers are a waste of money.", "credits a claim to both doctors"),
    ("en", "It is a good choice for teenagers with acne.", "who it suits"),
    ("en", "You will see a difference after the first session.", "('see a difference', a comparison)"),
    ("en", "Older skin responds just as well as young skin.", "('just as well', a comparison)"),
    ("en", "Your friends will notice the change.", "('notice the change', a comparison)"),
    ("es", "Es bueno para personas de cualquier edad.", "who it suits"),
    ("es", "El tratamiento con microagujas funciona mejor que un peeling químico.", "a comparison"),
    ("es", "Su piel brillará durante meses después.", "('durante meses', permanence)"),
    ("es", "Los hombres obtienen los mismos resultados que las mujeres.", "('los mismos resultados', a comparison)"),
    ("es", "Las dos médicas piensan que los rodillos son un desperdicio de dinero.", "credits a claim to both doctors"),
    ("es", "Es una buena opción para adolescentes con acné.", "who it suits"),
    ("es", "La piel mayor responde igual de bien que la piel joven.", "('igual de bien', a comparison)"),
]
TENTH_ATTACK_REFUSED = [  # the tenth no-hints attack: (edition, text, what the message says)
    ("en", "If you stay indoors, you do not need sunscreen.", "advice about 'sunscreen'"),
    ("es", "Si no le da el sol, no necesita protector solar.", "advice about 'protector'"),
    ("es", "Si toma una aspirina al día, puede hacérselo igual.", "who it suits"),
    ("en", "The sunscreen advice is Dr. Nazarian’s.", "credits a claim to Dr. Nazarian"),
    ("es", "Esta cifra es de la Dra. Jaliman.", "credits a claim to Dra. Jaliman"),
    ("en", "This is what she says, and studies back it up.", "('studies back', approval)"),
    ("en", "Most people never get them.", "('most people never', safety or risk)"),
    ("en", "A spa works too.", "('works too', a comparison)"),
    ("es", "Un spa también sirve.", "a comparison"),
    ("en", "| Who | OK? |\n|---|---|\n| Mild rosacea | Fine |", "in the guide's own voice"),
    ("es", "| Quién | ¿Bien? |\n|---|---|\n| Rosácea leve | Bien |", "advice about 'rosácea'"),
]
TENTH_ATTACK_BUILDS = [
    ("en", "| What to bring | OK? |\n|---|---|\n| A scarf | Yes |"),
    ("en", "You do not need to read every page."),
    ("es", "No necesita leer todas las páginas."),
]


TENTH_TRIAL_REFUSED += [  # aftercare told in the guide's voice for the time right after the visit
    ("en", "Sleep on your back that first night.", "advice about 'that first night'"),
    ("en", "Wash your face with cold water that evening.", "advice about 'that evening'"),
    ("es", "Duerma boca arriba esa primera noche.", "advice about 'esa primera noche'"),
    ("es", "Lávese la cara con agua fría esa noche.", "advice about 'esa noche'"),
]
TENTH_TRIAL_BUILDS = [
    ("en", "Stay home that evening if you like."),
    ("en", "Drink water before the visit."),
    ("es", "Quédese en casa esa noche si quiere."),
    ("en", "Each page takes a couple of minutes to read, and the whole guide about 20 minutes."),
    ("en", "Take a minute or two to read each page; the whole guide is about a 20-minute read."),
    ("en", "Ask your provider when the pinkness is gone."),
    ("es", "Puede llamar a la clínica al día siguiente si tiene una pregunta."),
    ("es", "Cada página se lee en un par de minutos."),
    ("es", "Es mejor que lea esta página antes de la cita."),
    ("es", "Lo peor es la espera en la recepción."),
    ("es", "La clínica está en el 2.º piso."),
    ("es", "La consulta está en la 2.ª planta, al fondo."),
    ("es", "El artículo no dice qué quiere decir “sin químicos”."),
]


NINTH_TRIAL_BUILDS = [
    ("en", "It takes a long time to find a good provider."),
    ("en", "Plan to go straight home afterwards."),
    ("en", "Bring a friend to drive you home afterwards."),
    ("en", "Is the first 15-minute chat free, and how many sessions will I need?"),
    ("es", "Trata de las cosas de todos los días: cómo llegar, qué llevar y qué preguntar."),
    ("es", "Se trata de una guía para leer antes de la cita."),
    ("es", "Siga así durante un tiempo."),
    ("es", "¿La primera charla de 15 minutos es gratis, y cuántas sesiones necesitaré?"),
    ("es", "Vuelva a leer esta página antes de la cita."),
]


ROUND_REFUSED = NINTH_TRIAL_REFUSED + NINTH_ATTACK_REFUSED + TENTH_TRIAL_REFUSED + TENTH_ATTACK_REFUSED
"""What the ninth and tenth new-editor trials and no-hints attacks published, and the build now refuses."""
ROUND_BUILDS = NINTH_TRIAL_BUILDS + NINTH_ATTACK_BUILDS + TENTH_TRIAL_BUILDS + TENTH_ATTACK_BUILDS
"""Ordinary writing beside them, which the same rules leave alone (some of it refused before: the trials' false
refusals)."""


@pytest.mark.parametrize("lang, text, says", ROUND_REFUSED)
def test_what_the_trials_and_attacks_published_is_refused(tmp_path: Path, lang: str, text: str, says: str) -> None:
    msg = _refused(tmp_path, text, lang)
    assert says in msg and f"{'docs-es' if lang == 'es' else 'docs'}/index.md:" in msg, msg


@pytest.mark.parametrize("lang, text", ROUND_BUILDS)
def test_the_ordinary_writing_beside_them_builds(tmp_path: Path, lang: str, text: str) -> None:
    _load(_project(tmp_path, text, lang), lang)

