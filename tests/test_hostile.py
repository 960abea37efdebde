"""Hostile and mistaken input: every case is refused with a clear message, or shown as harmless text.

Pages and data are content that any contributor changes; only macros.py,
guide/ and the templates are code. Each case from issue 12 is here, on every
surface it could reach: page text, table cell, list, picture (SVG), attribute,
JSON-LD, <title> and meta tags, the search index. Most cases run the build's
own checks in-process (``guide.build.library.load_project``); a few build real tiny projects with
MkDocs and with Zensical, to prove what reaches the published HTML.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from guide.build import preflight
from guide.build.library import load_project
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors
from guide.render import macrospecs
from support import ROOT, Build, Entry, copy_built, entry, make_build, number_word, project_facts, run_build
from tools.project import copy_project

REAL = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
TINY = (Path(__file__).parent / "fixtures" / "tiny" / "docs" / "index.md").read_text(encoding="utf-8")
ARTICLE = ROOT / "sources" / "article.txt"
EVIL = "<script>alert(1)</script>"


def _complete(msg: str) -> None:
    assert "Traceback" not in msg
    for part in ("Found: ", "Expected: ", "Fix: "):
        assert part in msg, f"{part!r} missing from: {msg}"


def _project(tmp_path: Path, page: str | None = None, data: str | None = None) -> Path:
    project = tmp_path / "p"
    shutil.rmtree(project, ignore_errors=True)
    (project / "docs").mkdir(parents=True)
    for part in ("data", "includes", "sources"):
        shutil.copytree(ROOT / part, project / part)
    (project / "docs" / "index.md").write_text(TINY if page is None else page, encoding="utf-8")
    if data is not None:
        (project / "data" / "facts.yml").write_text(data, encoding="utf-8")
    return project


def _refused(project: Path) -> str:
    with pytest.raises(Exception) as info:
        load_project(project)
    msg = str(info.value)
    _complete(msg.splitlines()[-1] if msg.startswith(tuple("0123456789")) else msg)
    return msg


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- page Jinja: only guide macro calls with literal, checked values ---------

PAGE_REFUSED = {
    # name: (what the page gets, what the message says)
    "python from a macro": ("{{ fact.__globals__['sys'].modules['os'].popen('id').read() }}",
                            "an attribute ('.__globals__') in the page"),
    "python from a global": ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "an attribute ('.__init__') in the page"),
    "config": ("{{ config }}", "the variable 'config' in the page"),
    "environment": ("{{ environment }}", "the variable 'environment' in the page"),
    "page": ("{{ page.meta }}", "an attribute ('.meta') in the page"),
    "facts variable": ("{{ facts.source.publisher }}", "an attribute ('.source') in the page"),
    "macros_info": ("{{ macros_info() }}", "unknown macro or variable 'macros_info'"),
    "comment": ("Prices vary {# check #} by city.", "a Jinja comment '{#' in the page"),
    "comment over lines": ("{# start\n\n## A heading\n\nend #}", "a Jinja comment '{#' in the page"),
    "include": ('{% include "abbreviations.md" %}', "a {% include %} statement in the page"),
    "import": ('{% import "x.md" as x %}', "a {% import %} statement in the page"),
    "set": ("{% set x = 1 %}", "a {% set %} statement in the page"),
    "for": ("{% for i in range(3) %}x{% endfor %}", "a {% for %} statement in the page"),
    "filter": ('{{ fact("device.needle_count") | upper }}', "a filter ('| upper') in the page"),
    "subscript": ('{{ fact("device.needle_count")[0] }}', "a subscript ('[...]') in the page"),
    "attribute of a call": ('{{ fact("device.needle_count").upper() }}', "an attribute ('.upper') in the page"),
    "expression": ("{{ 6 * 7 }}", "in the page"),
    "facts() call": ('{{ facts("device.needle_count") }}', "unknown macro or variable 'facts'"),
    "variable argument": ("{{ fact(key) }}", "fact() needs its values in quotes"),
    "star arguments": ('{{ fact(*["device.needle_count"]) }}', "with *args or **kwargs"),
    "bad part": ('{{ fact("device.depth_range", part="mid") }}', "a range fact has no part 'mid'"),
    "part of a number": ('{{ fact("device.needle_count", "min") }}', "a number fact has no part 'min'"),
    "bad style": ('{{ fact_list("candidates.avoid_skin", style="step") }}', "unknown list style 'step'"),
    "list of a number": ('{{ fact_list("device.needle_count") }}', "fact_list() needs a list fact"),
    "timeline of a list": ('{{ timeline("candidates.avoid_skin") }}', "timeline() needs a schedule fact"),
    "full as text": ('{{ expert("nazarian", full="yes") }}', "full= takes True or False"),
    "too many arguments": ('{{ fact("device.needle_count", "min", "max") }}', "fact() called with the wrong arguments"),
    "unknown keyword": ('{{ fact("device.needle_count", parts="min") }}', "fact() called with the wrong arguments"),
    "arguments to a summary": ('{{ glance_card("x") }}', "glance_card() called with the wrong arguments"),
    "unknown expert": ('{{ expert("nazarain") }}', "Did you mean 'nazarian'?"),
    "lone {{": ("Use {{ to open a macro.", "a '{{' with no '}}' after it on the same line"),
    "lone {%": ("Save 10{% now", "a '{%' with no '%}' after it on the same line"),
    "snippet line": ('--8<-- "includes/leak.md"', "a snippet line, which pulls another file into the page"),
    "snippet in a fence": ('```\n--8<-- "mkdocs.yml"\n```', "a snippet line"),
    "script tag": ("<script>alert(1)</script>", "the HTML tag <script> in the page"),
    "script in raw": ("{% raw %}<script>alert(1)</script>{% endraw %}", "the HTML tag <script> in the page"),
    "image tag": ("<img src=x onerror=alert(1)>", "the HTML tag <img> in the page"),
    "event attribute": ('<div onclick="alert(1)">a</div>', "the HTML attribute 'onclick' in the page"),
    "style attribute": ('<span style="position:fixed">a</span>', "the HTML attribute 'style' in the page"),
    "javascript link": ("[click](javascript:alert(1))", "a 'javascript:' link in the page"),
    "encoded javascript link": ("[click](javascript&#58;alert(1))", "a link address with '&' or a backslash"),
    "javascript reference": ("[click]: javascript:alert(1)", "a 'javascript:' link in the page"),
    "javascript autolink": ("<javascript:alert(1)>", "link in the page"),
    # the seventh no-hints attack: the print-hidden class around a block, or a paragraph with a macro
    "print-hidden block": ('<div class="sheet-intro" markdown>\n\n{{ page_info() }}\n\n</div>',
                           "the class 'sheet-intro' on more than a paragraph of words"),
    "print-hidden macro": ('{{ suggestion() }} ask your provider.\n{: .sheet-intro }',
                           "the class 'sheet-intro' on more than a paragraph of words"),
    # the seventh no-hints attack: a name and "@" before the host hide where a link goes
    "look-alike link": ("[more](https://microneedling-guide.github.io@evil.example/)", "a link address with a name and '@' before its site"),
    "tracking image": ("![x](https://tracker.example/p.gif)", "a picture from another site in the page"),
    "tracking image by reference": ("![x][t]", "a picture by reference in the page"),
    "digits": ("The pen has 11 needles.", "a number typed into the page: '11'"),
    "number word": ("The pen has eleven needles.", "a number typed into the page: 'eleven'"),
    "number words range": ("Numbing takes ten to twenty minutes.", "a number typed into the page: 'ten'"),
    "spf word": ("Use SPF thirty.", "a number typed into the page: 'thirty'"),
    "decimal": ("Needles reach 2.5 mm.", "a number typed into the page: '2.5'"),
    # found by an attacker's trial after issue 12 landed
    "snippet inside raw": ('{% raw %}--8<-- "bench/x.md"{% endraw %}', "a snippet line, which pulls another file"),
    "attribute list with an event": ("![x](index.md){: onerror=\"alert()\" }", "in the page"),
    "attribute list with a link": ('[ok](index.md){: href="javascript:alert()" }', "in the page"),
    "attribute list on emphasis": ('Some *text*{: onclick="alert()" }', "in the page"),
    "attribute list with a style": ('## Heading { style="background:url(https://evil.example/x.png)" }', "in the page"),
    "attribute list in raw": ('{% raw %}Text{: onclick="alert()" }{% endraw %}', "in the page"),
    "stray brace": ('{{ fact("device.needle_count")}}}', "in the page"),
    "protocol-relative picture": ("![x](//evil.example/t.png)", "starting with '//'"),
    "protocol-relative link": ("[y](//evil.example/)", "starting with '//'"),
    "other attribute": ('<span hidden tabindex="5">x</span>', "the HTML attribute 'hidden' in the page"),
    "theme's id": ('<span id="__search">x</span>', "the theme's own name '__search'"),
    "theme's class": ('<span class="md-nav">x</span>', "the theme's own name 'md-nav'"),
    "white-space control": ('{{- fact("device.needle_count") -}}', "Jinja white-space control '{{-'"),
    "white-space control in raw": ("{%- raw %} {% endraw %}", "Jinja white-space control '{%-'"),
    "soft hyphen": ("The pen has elev\u00aden needles.", "an invisible character (U+00AD)"),
    "block macro inline": ('Text {{ depth_scale() }} more text.', "depth_scale() shares its line with other text"),
    "list macro in a table": ('| {{ fact_list("candidates.avoid_skin") }} | x |', "fact_list() shares its line"),
    "indented list macro": ('    {{ fact_list("appointment.steps", "steps") }}', "fact_list() shares its line"),
    "dozen": ("The pen has a dozen needles.", "a number typed into the page: 'dozen'"),
    "fraction": ("Needles reach ½ mm.", "a number typed into the page: '½'"),
    "half an hour": ("Numbing takes half an hour.", "a number typed into the page: 'half'"),
    "once a month": ("Come back once a month.", "a number typed into the page: 'once'"),
    "direction override": ("The pen \u202eseldeen", "an invisible character (U+202E)"),
}


@pytest.mark.parametrize("case", PAGE_REFUSED, ids=list(PAGE_REFUSED))
def test_page_jinja_and_typed_numbers_are_refused(tmp_path: Path, case: str) -> None:
    body, says = PAGE_REFUSED[case]
    page = TINY.replace("# Tiny\n", "# Tiny\n\n" + body + "\n", 1)
    msg = _refused(_project(tmp_path, page))
    assert says in msg, msg
    culprit = next((row for row in body.splitlines() if "8<" in row), body.splitlines()[0])
    assert msg.startswith(f"docs/index.md:{_line(page, culprit)}:"), msg
    _complete(msg)


def test_typed_numbers_name_the_fact_to_use(tmp_path: Path) -> None:
    """A fact's number typed as a word names the fact to show instead (the numbers are today's, read from the data)."""
    every = project_facts().all_facts()
    page = TINY.replace("# Tiny\n", f"# Tiny\n\nThe pen has {number_word(every['device.needle_count'].value)} needles.\n", 1)
    assert 'Fix: Show the fact with its macro instead: {{ fact("device.needle_count") }}' in _refused(_project(tmp_path, page))
    numbing = every["appointment.numbing_time"]
    page = TINY.replace("# Tiny\n", f"# Tiny\n\nNumbing takes {number_word(numbing.min)} to {number_word(numbing.max)} minutes.\n", 1)
    msg = _refused(_project(tmp_path, page))
    assert '{{ fact("appointment.numbing_time") }}' in msg and "(or one of its parts)" in msg, msg


ALLOWED_PROSE = [
    "Two doctors answer the questions; one of them is Dr. Nazarian.",
    "Your first visit, the second step.",
    "See [the article](https://example.com/page-11) for more.",
    "Code: `11 needles` stays as typed.",
    '<span id="step-11"></span>',
    "{% raw %}Write {{ fact(\"device.needle_count\") }} for 11 needles.{% endraw %}",
    "```\n11 needles in a fenced block\n```",
    "<https://example.com/page> and <help@example.com>, [a page](pain.md), [mail](mailto:help@example.com)",
    '<div class="checklist" markdown>A list, <span id="kept">kept</span>.</div>',
    "Code shows tags as text: `<script>`.",
]


def test_allowed_attributes_with_spaces_in_their_values_build(tmp_path: Path) -> None:
    page = TINY.replace("# Tiny\n", '# Tiny\n\n<time datetime="2026-12-07 10:00">a date</time> and '
                        '<span class="checklist sheet-intro" id="a-note">text</span>\n', 1)
    load_project(_project(tmp_path, page))


def test_prose_that_only_looks_like_numbers_or_jinja_builds(tmp_path: Path) -> None:
    page = TINY.replace("# Tiny\n", "# Tiny\n\n" + "\n\n".join(ALLOWED_PROSE) + "\n", 1)
    project = _project(tmp_path, page)
    pain = TINY.replace("# Tiny", "# Pain").replace("{{ page_info() }}", "{{ not_covered() }}\n\n{{ page_info() }}")
    (project / "docs" / "pain.md").write_text(pain, encoding="utf-8")  # the page it links to (the not_covered topics name it)
    site = load_project(project).site
    assert "device.needle_count" in site.pages["index.md"].facts


# --- front matter -----------------------------------------------------------

FRONT_REFUSED = {
    "title with markup": ("# Tiny\n", "title: <script>alert(1)</script>\n", "the title is not plain text: it contains an angle bracket '<'"),
    "title breaking an attribute": ("", 'title: x" onmouseover="alert(1)\n', "the title is not plain text: it contains a straight double quote"),
    "description breaking an attribute": ("", None, "the description is not plain text: it contains a straight double quote"),
    "status": ("", "status: new\n", "unknown front matter key 'status'"),
    "template": ("", "template: main.html\n", "unknown front matter key 'template'"),
    "hide": ("", "hide: [everything]\n", "'hide' lists something that cannot be hidden"),
    "future review": ("", None, "'last_reviewed' is in the future"),
}


@pytest.mark.parametrize("case", FRONT_REFUSED, ids=list(FRONT_REFUSED))
def test_front_matter_is_checked(tmp_path: Path, case: str) -> None:
    _, line, says = FRONT_REFUSED[case]
    page = TINY
    if case == "description breaking an attribute":
        page = page.replace("through the guide’s macros.", 'through the "guide" macros.')
    elif case == "future review":
        page = page.replace("last_reviewed: 2026-01-10", "last_reviewed: 2098-01-10")
    else:
        page = page.replace("next_review: 2027-12-10\n", "next_review: 2027-12-10\n" + (line or ""))
    msg = _refused(_project(tmp_path, page))
    assert says in msg, msg


def test_front_matter_without_closing_line(tmp_path: Path) -> None:
    page = TINY.replace("next_review: 2027-12-10\n---\n", "next_review: 2027-12-10\n\n", 1)
    assert _refused(_project(tmp_path, page)) == (
        "docs/index.md:1: the front matter has no closing '---' line Found: '---' on line 1 and no second '---' line. "
        "Expected: the front matter between two '---' lines, each alone on its line. "
        "Fix: Add a line '---' after the last front matter key (see docs/_template.md).")


def test_page_with_a_byte_order_mark_builds(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "docs" / "index.md").write_bytes(b"\xef\xbb\xbf" + TINY.encode())
    site = load_project(project).site
    assert "device.needle_count" in site.pages["index.md"].facts


# --- data: plain text only, URLs, and a loader that cannot hang --------------

def _before_quote(text: str) -> Callable[[Entry], str]:
    """Put ``text`` at the end of an entry's quoted value, whatever the value is."""
    return lambda e: e.text.replace('"\n', f'{text}"\n', 1)


DATA_REFUSED: dict[str, tuple[str, str | Callable[[Entry], str], str]] = {
    # name: (the entry edited (support.entry), its new line after the indentation or a function of the entry,
    #        what the message says)
    "script in a value": ("facts.provider.licensed.value", _before_quote(EVIL),
                          "the text is not plain text: it contains an angle bracket '<' (at facts.provider.licensed.value)"),
    "javascript link": ("facts.provider.licensed.value", 'value: "[click](javascript:alert(1))"',
                        "it contains a square bracket '['"),
    "tracking image": ("facts.provider.licensed.value", 'value: "![x](https://tracker.example/p.gif)"',
                       "it contains a square bracket '['"),
    "jinja in a value": ("facts.provider.licensed.value", 'value: "{{ config }}"', "it contains a curly brace '{'"),
    "backtick": ("facts.provider.licensed.value", 'value: "`code`"', "it contains a backtick '`'"),
    "line break": ("facts.provider.licensed.value", 'value: "a\\n\\n# Heading"', "a line break"),
    "list item": ("facts.about.other_names.items", f'items: ["Dermapen", "{EVIL}"]', "(at facts.about.other_names.items[1])"),
    "label": ("facts.provider.licensed.label", f'label: "{EVIL}"', "(at facts.provider.licensed.label)"),
    "quote": ("quotes.tricking.text", f'text: "{EVIL} We are basically tricking your skin"', "(at quotes.tricking.text)"),
    "expert name": ("experts.nazarian.name", 'name: "<b>Sheila</b>"', "(at experts.nazarian.name)"),
    "publisher": ("source.publisher", f'publisher: "{EVIL}"', "(at source.publisher)"),
    "url breaking out": ("source.url", 'url: "https://www.yahoo.com/\\"><script>alert(1)</script>/"',
                         "Expected: a web address starting with https://."),
    "url with a space": ("source.url", 'url: "https://www.yahoo.com/ life/x.html"', "(at source.url)"),
    "javascript url": ("source.url", 'url: "javascript:alert(1)//x.html"', "(at source.url)"),
    "10 MB value": ("facts.provider.licensed.value", 'value: "' + "x" * 10_000_001 + '"', "the file is too large"),
    "long value": ("facts.provider.licensed.value", 'value: "' + "x" * 20_000 + '"', "a value is too long"),
    "anchor": ("experts.nazarian", lambda e: e.text.replace("nazarian:", "nazarian: &n", 1), "an anchor '&n', which this file may not use"),
    "alias": ("experts.jaliman.name", lambda e: f"{e.indent}name: *n\n{e.indent}x: {e.value}\n", "which this file may not use"),
    "tag": ("source.publisher", 'publisher: !!python/object/apply:os.system ["id"]', "a tag '!!python/object/apply:os.system'"),
    "merge key": ("experts.jaliman.name", lambda e: f'{e.indent}<<: {{title: "Dr."}}\n{e.text}', "a merge key '<<'"),
    "key with capitals": ("experts.nazarian", lambda e: e.text.replace("nazarian:", "Nazarian:", 1), "the key 'Nazarian' is not a valid name"),
    "dotted fact key": ("facts.provider.licensed", lambda e: e.text.replace("licensed:", "licensed.x:", 1),
                        "the key 'licensed.x' is not a valid name"),
    "made-up passage": ("facts.provider.licensed.source", 'source: "always see a licensed practitioner twice"',
                        "the source passage is not word for word in the article"),
    "made-up quote": ("quotes.tricking.text", 'text: "We are simply tricking your skin"', "the quote is not word for word in the article"),
    # the seventh no-hints attack: the writers' words after "says Dr. Jaliman, which means that" quoted as hers
    "the writers' words as a quote": ("quotes.punctures.text", 'text: "while they’re safe to use"',
                                      "the quote is not words the article puts in quotation marks"),
    # the seventh no-hints attack: a quote cut before the words that turn it ("..., but you’ll have more dramatic results")
    "a quote cut before its 'but'": ("quotes.trainer.text", 'text: "Working out by yourself is definitely good"',
                                     "the quote stops where the doctor goes on with 'but'"),
    "a quote cut before its 'whereas'": ("quotes.trainer.text", 'text: "I’d compare that to working out with a trainer"',
                                         "the quote stops where the doctor goes on with 'whereas'"),
    "number not in its passage": ("facts.device.needle_count.value", lambda e: f"{e.indent}value: {float(e.value) + 1:g}\n",
                                  "is not in this fact's source passage"),
}


@pytest.mark.parametrize("case", DATA_REFUSED, ids=list(DATA_REFUSED))
def test_data_is_plain_text_and_cannot_hang_the_loader(tmp_path: Path, case: str) -> None:
    key, new, says = DATA_REFUSED[case]
    old = entry(key)
    text = old.replaced(new(old) if callable(new) else f"{old.indent}{new}\n")
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml", article=ARTICLE)
    msg = str(info.value)
    assert says in msg, msg[:2000]
    first = msg.splitlines()[-1].removeprefix("  - ") if "problems found" in msg else msg
    _complete(first)
    if case not in ("10 MB value",):
        assert first.startswith("data/facts.yml:"), first[:300]


def test_billion_laughs_is_refused_at_the_first_anchor(tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "facts.yml"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(GuideError, match=r"^data/facts.yml:1: an anchor '&a', which this file may not use"):
        load_facts(path, "data/facts.yml")


YAML_REFUSED = {
    # name: (text, what the message says) -- read by guide.data.yamlsrc, as data files and front matter are
    "bomb after an escape only some parsers read": (
        'x: "\\ud800"\n' + "a: &a [1, 1]\n" + "".join(f"{n}: [{', '.join(['*a'] * 9)}]\n" for n in "bcdefgh"),
        "f.yml:2: an anchor '&a', which this file may not use"),
    "tab after a colon": ("a:\t1\n", "f.yml:1: YAML syntax error: a tab character, where YAML allows only spaces"),
    "control character": ("a: b\x07\n", "f.yml:1: a character YAML cannot read Found: the character U+0007."),
    "verbatim tag": ("ok: 1\na: !<tag:yaml.org,2002:str> x\n", "f.yml:2: a tag 'tag:yaml.org,2002:str', which this file may not use"),
}


@pytest.mark.parametrize("case", YAML_REFUSED, ids=list(YAML_REFUSED))
def test_yaml_the_reader_refuses_with_a_line_and_no_traceback(case: str) -> None:
    """Each of these once slipped past a check or ended in a traceback (a reviewer's attack corpus)."""
    from guide.data.yamlsrc import load_text

    text, says = YAML_REFUSED[case]
    with pytest.raises(GuideError) as info:
        load_text(text, "f.yml")
    assert str(info.value).startswith(says), str(info.value)
    _complete(str(info.value))


def test_yaml_read_twice_gives_separate_copies() -> None:
    """The reader keeps what it parsed for the same text (guide.data.yamlsrc._load_text); a caller that
    changes its copy does not change the next caller's."""
    from guide.data.yamlsrc import load_text

    first, _ = load_text("a:\n  b: [1, 2]\n", "f.yml")
    assert isinstance(first, dict)
    first["a"]["b"].append(3)
    again, _ = load_text("a:\n  b: [1, 2]\n", "f.yml")
    assert again == {"a": {"b": [1, 2]}}


def test_deep_nesting_is_refused_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "facts.yml"
    path.write_text("source: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(GuideError) as info:
        load_facts(path, "data/facts.yml")
    assert str(info.value).startswith("data/facts.yml:1: the keys and lists are nested too deeply")


def test_dotted_keys_cannot_collide(tmp_path: Path) -> None:
    """Fact 'y.z' in group 'x' and fact 'z' in group 'x.y' would both be x.y.z: dots are not allowed in keys."""
    text = REAL.replace("facts:\n  about:\n", "facts:\n  x:\n    y.z: {}\n  about:\n", 1)
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError, match=r"the key 'y.z' is not a valid name \(at facts.x\)"):
        load_facts(path, "data/facts.yml")
    text = REAL.replace("facts:\n  about:\n", "facts:\n  x.y:\n    z: {}\n  about:\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError, match=r"the key 'x.y' is not a valid name \(at facts\)"):
        load_facts(path, "data/facts.yml")


def test_glossary_entries_are_plain_text(tmp_path: Path) -> None:
    project = _project(tmp_path)
    glossary = project / "includes" / "abbreviations.md"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + f"*[evil]: {EVIL}\n", encoding="utf-8")
    msg = _refused(project)
    assert msg.startswith(f"includes/abbreviations.md:{text.count(chr(10)) + 1}: a glossary entry is not plain text: "
                          "it contains an angle bracket '<'"), msg


# --- symlinks ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["includes/leak.md", "docs/leak.md", "data/other.yml", "overrides/x.html", "sources/a.txt"])
def test_symlinks_in_content_folders_stop_the_build(tmp_path: Path, where: str) -> None:
    project = _project(tmp_path)
    for folder in ("overrides",):
        (project / folder).mkdir(exist_ok=True)
    link = project / where
    link.symlink_to("/etc/passwd")
    msg = _refused(project)
    assert msg == (f"{where}: a symbolic link in the content folders Found: a link to /etc/passwd. "
                   "Expected: real files only under docs/, docs-es/, includes/, data/, overrides/, sources/. "
                   f"Fix: Replace the link with a copy of the file it points to, or delete it (git rm {where}).")


# --- every value that is allowed is escaped where it lands --------------------


def test_partials_escape_values_even_past_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: values that slipped past the schema still come out as text from every macro."""
    from guide.build import library
    from guide.data import passages

    real = load_facts(ROOT / "data" / "facts.yml")
    groups = {g: dict(items) for g, items in real.facts.items()}
    groups["provider"]["licensed"] = groups["provider"]["licensed"].model_copy(update={"value": EVIL})
    groups["candidates"]["avoid_skin"] = groups["candidates"]["avoid_skin"].model_copy(update={"items": (EVIL, "b|c")})
    groups["frequency"]["upkeep"] = groups["frequency"]["upkeep"].model_copy(update={"label": EVIL})
    groups["provider"]["questions"] = groups["provider"]["questions"].model_copy(update={"items": (EVIL,)})
    experts = {**real.experts, "nazarian": real.experts["nazarian"].model_copy(update={"name": EVIL, "role": EVIL})}
    quotes = {**real.quotes, "trainer": real.quotes["trainer"].model_copy(update={"text": EVIL})}
    source = real.source.model_copy(update={"publisher": EVIL, "url": 'https://x.example/"><script>alert(1)</script>'})
    evil = real.model_copy(update={"facts": groups, "experts": experts, "quotes": quotes, "source": source})
    monkeypatch.setattr(library, "load_facts", lambda *a, **k: evil)
    monkeypatch.setattr(passages, "check", lambda *a, **k: None)  # past the article's check too
    monkeypatch.setattr(library, "_CHECKED_BASES", {})  # nothing from an earlier load of the same files
    page = type("Page", (), {"path": "sources.md", "meta": {"last_reviewed": "2026-01-10", "next_review": "2099-01-10"}})()
    project = load_project(_project(tmp_path), page=lambda: page)
    m = {name: project.macro(name) for name in macrospecs.MACROS}
    outputs = {
        "inline text": m["fact"]("provider.licensed"),
        "list": m["fact_list"]("candidates.avoid_skin", style="checks"),
        "steps": m["fact_list"]("candidates.avoid_skin", style="steps"),
        "expert": m["expert"]("nazarian", full=True),
        "quote": m["quote"]("trainer"),
        "citation (attribute)": m["citation"](),
        "about this source": m["about_source"](),
        "page info": m["page_info"](),
        "table cell": m["comparison_table"](),
        "picture (SVG)": m["timeline"]("frequency.upkeep"),
        "sheet": m["appointment_sheet"](),
        "facts table (HTML)": m["facts_table"](),
    }
    for surface, out in outputs.items():
        assert isinstance(out, Markup), surface
        assert "<script" not in out, f"{surface}: {out[:300]}"
        assert "&lt;script&gt;" in out, f"{surface}: {out[:300]}"
    assert 'href="https://x.example/&#34;&gt;&lt;script&gt;' in outputs["citation (attribute)"]
    assert "b\\|c" in outputs["list"] or "b|c" in outputs["list"]


def test_macros_return_escaped_text_once() -> None:
    project = load_project(ROOT)
    facts = project.facts
    twice = re.compile(r"&amp;(#?\w+;)")  # an entity escaped again
    out = str(project.macro("quote")("trainer"))
    assert str(escape(facts.quotes["trainer"].text)) in out and not twice.search(out)
    assert isinstance(project.macro("fact")("device.needle_count"), Markup)
    about = str(project.macro("about_source")())
    assert str(escape(facts.source.publisher)) in about and not twice.search(about)


# --- real builds: what reaches the published site ----------------------------

SAFE_BUT_TRICKY = 'Tom & Jerry’s "pen" | a *starred* note'
TRICKY = {"facts.provider.licensed.value": ' & \\"friends\\" | co', "facts.candidates.avoid_skin.items": " & co",
          "source.publisher": " & Co"}
"""Allowed characters that need escaping, added to the end of a text value, a list's last item and the publisher."""


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A real MkDocs build whose data and front matter hold the characters that are allowed but need escaping."""
    project = copy_project(tmp_path_factory.mktemp("tricky") / "project")
    data = project / "data" / "facts.yml"
    text = data.read_text(encoding="utf-8")
    for key, tricky in TRICKY.items():  # each text value with the allowed characters added to its end
        value = entry(key, text=text)
        text = value.replaced(value.text.replace('"\n', f'{tricky}"\n', 1) if value.text.endswith('"\n')
                              else value.text.replace('"]\n', f'{tricky}"]\n', 1))
    data.write_text(text, encoding="utf-8")
    from tools import translated

    translated.record(project)  # make translated (CONTRIBUTING.md): the escaping is the English edition's, the Spanish is kept
    article = project / "sources" / "article.txt"  # the publisher is the citation's: give the copy's citation it too
    lines = article.read_text(encoding="utf-8").rstrip("\n").split("\n")
    publisher = project_facts().source.publisher
    lines[-1] = lines[-1].replace(f"{publisher},", f"{publisher}{TRICKY['source.publisher']},", 1)
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = project / "docs" / "choosing-a-provider.md"
    body = page.read_text(encoding="utf-8")
    body = body.replace("---\n", "---\ntitle: Tom & Jerry’s provider guide\n", 1)
    page.write_text(body, encoding="utf-8")
    build = run_build(project)
    assert build.ok, build.output
    return build


@pytest.mark.build
def test_allowed_characters_are_escaped_on_every_surface(tricky_site: Build) -> None:
    site = tricky_site.site
    provider = (site / "choosing-a-provider" / "index.html").read_text(encoding="utf-8")
    # page text and <title>, meta, JSON-LD
    assert " &amp; &#34;friends&#34; | co" in provider or " &amp; &quot;friends&quot; | co" in provider
    assert "<title>Tom &amp; Jerry’s provider guide - The microneedling guide</title>" in provider
    assert '<meta property="og:title" content="Tom &amp; Jerry’s provider guide">' in provider
    ld = provider.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(ld)["name"] == "Tom & Jerry’s provider guide"
    assert "<" not in ld
    # table cell (comparison table): the pipe does not split the cell
    compare = (site / "at-home-vs-in-office" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in compare.split("<tr>") if "Who does it" in r)
    assert row.count("<td") == 3, row
    # list (candidates) and the picture-free publisher line on every page
    candidates = (site / "candidates" / "index.html").read_text(encoding="utf-8")
    assert " &amp; co" in candidates, "the list's last item, escaped"
    assert f"{escape(project_facts().source.publisher)} &amp; Co" in (site / "index.html").read_text(encoding="utf-8")
    # search index: the text, never markup
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] for d in index["docs"])
    assert "<script" not in text


@pytest.mark.build
def test_hostile_page_stops_the_real_build_and_publishes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "pain.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n# ", "\n{{ config }}\n\n# ", 1), encoding="utf-8")
    build = run_build(project)
    assert build.returncode != 0 and not build.site.exists()
    assert f"docs/pain.md:{_line(page.read_text(encoding='utf-8'), '{{ config }}')}: the variable 'config' in the page" \
        in build.output
    assert "Traceback" not in build.output


@pytest.mark.build
def test_nav_mistake_in_mkdocs_yml_is_reported_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - Does it hurt?: pain.md", "  - Does it hurt: really?: pain.md"), encoding="utf-8")
    build = run_build(project)
    line = _line(config.read_text(encoding="utf-8"), "really?")
    assert build.returncode != 0 and not build.site.exists()
    assert (f"mkdocs.yml:{line}: mkdocs.yml is not valid YAML: a second ': ' on one line "
            "(mapping values are not allowed here) Found: '- Does it hurt: really?: pain.md'.") in build.output
    config.write_text(text.replace("  - Does it hurt?: pain.md", "\t- Does it hurt?: pain.md"), encoding="utf-8")
    build = run_build(project)
    assert "a tab character, where YAML allows only spaces" in build.output and "Traceback" not in build.output


@pytest.mark.build
def test_symlinked_file_outside_the_repository_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "includes" / "leak.md").symlink_to("/etc/passwd")
    build = run_build(project)
    assert build.returncode != 0 and not build.site.exists()
    assert "includes/leak.md: a symbolic link in the content folders Found: a link to /etc/passwd." in build.output


@pytest.mark.build
def test_make_build_keeps_the_previous_site_when_a_build_fails(site: Build, tmp_path: Path) -> None:
    """Atomic output: a strict-mode failure (a broken anchor) leaves the previous site/, untouched."""
    project = copy_built(site, tmp_path / "project")  # the session's `make build`, its site/ the previous one
    marker = project / "site" / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    page = project / "docs" / "pain.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [aftercare](aftercare.md#no-such-anchor).\n", encoding="utf-8")
    bad = make_build(project)
    assert not bad.ok
    assert "no-such-anchor" in bad.output
    assert marker.read_text(encoding="utf-8") == "previous build", "a failed build replaced the previous site"
    assert not (project / ".site-new").exists()


# --- Zensical: the same checks stop its build --------------------------------


@pytest.mark.build
def test_zensical_refuses_the_same_page_and_keeps_the_previous_site(zsite: Build, tmp_path: Path) -> None:
    project = copy_built(zsite, tmp_path / "project")  # the session's `make build-zensical`, its site the previous one
    marker = project / "site-zensical" / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    page = project / "docs" / "pain.md"
    text = page.read_text(encoding="utf-8").replace("\n# ", "\n{{ fact.__globals__['sys'] }}\n\n# ", 1)
    page.write_text(text, encoding="utf-8")
    bad = make_build(project, "zensical")
    assert not bad.ok
    assert f"docs/pain.md:{_line(text, '__globals__')}: an attribute ('.__globals__') in the page" in bad.output
    assert marker.read_text(encoding="utf-8") == "previous build"


@pytest.mark.parametrize("name", ["extra.markdown", "evil.html", "assets/javascripts/bundle.a5f9d56c.min.js", "x.svg"])
def test_only_markdown_pages_in_the_pages_folder(tmp_path: Path, name: str) -> None:
    """A .markdown page would be rendered with the whole Jinja context; any other file is published as it is."""
    project = _project(tmp_path)
    target = project / "docs" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{{ cycler.__init__.__globals__.os.popen("id").read() }}<script>alert("x")</script>', encoding="utf-8")
    msg = _refused(project)
    assert msg.startswith(f"docs/{name}: a file that is not a Markdown page in the pages folder"), msg


@pytest.mark.parametrize("page, says", [
    ("---\ndescription: A page with front matter and nothing else, which would publish empty.\n"
     "last_reviewed: 2026-01-10\nnext_review: 2027-01-10\n---\n", "the page has no heading"),
    (None, "the page still has the template's sample text"),
])
def test_empty_or_template_pages_are_refused(tmp_path: Path, page: str | None, says: str) -> None:
    text = page if page is not None else (ROOT / "docs" / "_template.md").read_text(encoding="utf-8")
    assert says in _refused(_project(tmp_path, text))


@pytest.mark.parametrize("value, says", [
    ("**red** and sensitive", "an asterisk '*'"),
    ("red and __init__ sensitive", "an underscore '_'"),
    ("red and sens\u00aditive", "an invisible character (U+00AD)"),
    ("red and \u202esensitive", "an invisible character (U+202E)"),
])
def test_data_text_that_markdown_or_the_eye_would_change_is_refused(tmp_path: Path, value: str, says: str) -> None:
    feel = entry("facts.recovery.feel_after.value")
    data = feel.replaced(f'{feel.indent}value: "{value}"\n')
    msg = _refused(_project(tmp_path, data=data))
    assert says in msg and "(at facts.recovery.feel_after.value)" in msg, msg


def test_publication_date_in_the_future_is_refused(tmp_path: Path) -> None:
    published = entry("source.published")
    data = published.replaced(f"{published.indent}published: 2099-03-24\n")
    assert "the publication date 2099-03-24 is in the future" in _refused(_project(tmp_path, data=data))


@pytest.mark.parametrize("change, says", [
    (lambda t: t + '\nextra:\n  x: !!python/object/apply:os.system ["touch /tmp/guide-pwned"]\n',
     "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' in mkdocs.yml"),
    (lambda t: t.replace("  - Home: index.md", "  - <img src=x onerror=alert()>: index.md"), "a nav title with markup"),
    (lambda t: t.replace("  - Home: index.md", "  - Home: index.md\n  - Evil: javascript:alert()"),
     "a nav entry that is not a page of the site"),
    (lambda t: t.replace("  - Sources: sources.md", "  - Sources: Sources.md"),
     "the nav lists a page that does not exist: 'Sources.md'"),
    (lambda t: t.replace("  - Sources: sources.md\n", ""), "the page docs/sources.md is not in the nav"),
    (lambda t: t.replace("copyright: >-\n  Education,", "copyright: >-\n  <script>alert(1)</script> Education,"),
     "the copyright in mkdocs.yml is not plain text: it contains an angle bracket '<'"),
    (lambda t: t.replace("site_name: The microneedling guide", "site_name: The [microneedling](https://evil.example) guide"),
     "the site_name in mkdocs.yml is not plain text"),
    (lambda t: t + "\nextra_javascript:\n  - https://evil.example.com/x.js\n", "the setting 'extra_javascript' in mkdocs.yml"),
    (lambda t: t + "\nextra_css:\n  - https://evil.example.com/x.css\n", "the setting 'extra_css' in mkdocs.yml"),
    (lambda t: t + "\nhooks:\n  - evil.py\n", "the setting 'hooks' in mkdocs.yml"),
])
def test_preflight_refuses_code_markup_and_nav_mistakes_in_mkdocs_yml(tmp_path: Path, change: Callable[[str], str], says: str) -> None:
    project = copy_project(tmp_path / "p", ("docs", "mkdocs.yml"))
    msg = _preflight_refusal(project, "mkdocs.yml", change)
    assert says in msg, msg


def _preflight_refusal(project: Path, config: str, change: Callable[[str], str]) -> str:
    """The pre-flight's message for ``config`` in ``project`` edited by ``change``; nothing it names has run."""
    path = project / config
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        preflight.check_config(project)
    msg = str(info.value)
    assert msg.startswith(f"{config}:"), msg
    _complete(msg)
    assert not Path("/tmp/guide-pwned").exists()
    return msg


@pytest.mark.parametrize("key, value", [("title", "The pen has 12 needles"),
                                        ("description", "A page that says the pen has twelve needles, typed into its description line.")])
def test_numbers_in_title_and_description_are_refused(tmp_path: Path, key: str, value: str) -> None:
    page = TINY.replace("---\n", f"---\n{key}: {value}\n", 1) if key == "title" else \
        re.sub(r"^description: .*$", f"description: {value}", TINY, count=1, flags=re.M)
    msg = _refused(_project(tmp_path, page))
    assert msg.startswith("docs/index.md:2: a number typed into the page"), msg


_TAG = (lambda t: t + '\nx: !!python/object/apply:os.system ["touch /tmp/guide-pwned"]\n',
        "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' in")
_SCRIPT = (lambda t: t + "\nextra_javascript:\n  - https://evil.example.com/x.js\n", "the setting 'extra_javascript' in")


@pytest.mark.parametrize("config, change, says", [(config, change, says) for config, changes in (
    ("mkdocs.es.yml", [
        _TAG,
        (lambda t: t.replace("  - Inicio: index.md", "  - <img src=x onerror=alert()>: index.md"), "a nav title with markup"),
        (lambda t: t.replace("  - Fuentes: sources.md", "  - Fuentes: Fuentes.md"),
         "the nav lists a page that does not exist: 'Fuentes.md'"),
        (lambda t: t.replace("  - Fuentes: sources.md\n", ""), "the page docs-es/sources.md is not in the nav"),
        (lambda t: t.replace("Información educativa", "<script>alert(1)</script> <a href=https://evil.example>Compre</a> Información educativa", 1),
         "is not plain text: it contains an angle bracket '<'"),
        _SCRIPT]),
    # zensical.es.yml holds only what differs for Zensical: what it could add is checked as in mkdocs.es.yml
    ("zensical.es.yml", [
        _TAG,
        (lambda t: t + "\nnav:\n  - <img src=x onerror=alert()>: index.md\n", "a nav in zensical.es.yml"),
        (lambda t: t + "\ncopyright: <script>alert(1)</script> Información educativa\n", "is not plain text: it contains an angle bracket '<'"),
        _SCRIPT]),
) for change, says in changes])
def test_preflight_checks_the_spanish_configurations_too(tmp_path: Path, config: str, change: Callable[[str], str], says: str) -> None:
    """The Spanish edition's mkdocs.es.yml and zensical.es.yml get the same pre-flight as mkdocs.yml,
    the Spanish nav checked against docs-es/."""
    project = copy_project(tmp_path / "p", ("docs", "docs-es", "mkdocs.yml", "mkdocs.es.yml", "zensical.es.yml"))
    msg = _preflight_refusal(project, config, change)
    assert says in msg, msg


# --- a complete list keeps every item the article lists (no-hints review, finding 13) ----------------------

SKIN = 'items: ["eczema", "rosacea", "very sensitive skin"]'
SKIN_ES = 'items: ["eccema", "rosácea", "piel muy sensible"]'
SKIN_SOURCE = 'source: "steer clear of microneedling if you have eczema, rosacea, or very sensitive skin"'
RESPONSE = 'items: ["collagen", "elastin"]'
RESPONSE_ES = 'items: ["colágeno", "elastina"]'
RESPONSE_SOURCE = 'source: "small punctures on the top layer of the skin which would cause the body to create new collagen and elastin"'
DROPPED = {
    # (changes to data/facts.yml, to data/facts.es.yml (the editor keeps the Spanish list the same length), message)
    "the last item deleted": ([(SKIN, 'items: ["eczema", "rosacea"]')], [(SKIN_ES, 'items: ["eccema", "rosácea"]')],
                              "this complete list leaves out a part of its passage: 'very sensitive skin'"),
    "a middle item deleted": ([(SKIN, 'items: ["eczema", "very sensitive skin"]')],
                              [(SKIN_ES, 'items: ["eccema", "piel muy sensible"]')],
                              "this complete list leaves out a part of its passage: 'rosacea'"),
    "the item and the passage's end deleted": (
        [(SKIN, 'items: ["eczema", "rosacea"]'),
         (SKIN_SOURCE, 'source: "steer clear of microneedling if you have eczema, rosacea"')],
        [(SKIN_ES, 'items: ["eccema", "rosácea"]')], "this complete list's passage stops inside the article's list"),
    "the item and the passage's start deleted": (
        [(SKIN, 'items: ["rosacea", "very sensitive skin"]'), (SKIN_SOURCE, 'source: "rosacea, or very sensitive skin"')],
        [(SKIN_ES, 'items: ["rosácea", "piel muy sensible"]')], "this complete list's passage stops inside the article's list"),
    "the second of two, with its words": (
        [(RESPONSE, 'items: ["collagen"]'), (RESPONSE_SOURCE, RESPONSE_SOURCE.replace(" and elastin", ""))],
        [(RESPONSE_ES, 'items: ["colágeno"]')], "this complete list's passage stops inside the article's list"),
    "the whole list swapped": ([(SKIN, 'items: ["psoriasis"]')], [(SKIN_ES, 'items: ["psoriasis"]')],
                               "this complete list's items are not the list of its passage"),
}


def _two_editions(tmp_path: Path) -> Path:
    project = _project(tmp_path)
    (project / "docs-es").mkdir()
    (project / "docs-es" / "index.md").write_text(TINY, encoding="utf-8")
    return project


def _edit(path: Path, changes: list[tuple[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", DROPPED, ids=list(DROPPED))
def test_an_item_dropped_from_a_complete_list_is_refused(tmp_path: Path, case: str, lang: str) -> None:
    """Every part of a complete list's passage has its item, and the passage holds the article's whole list: an
    editor cannot delete an item, with or without its words in the passage, in either edition's build."""
    english, spanish, says = DROPPED[case]
    project = _two_editions(tmp_path)
    _edit(project / "data" / "facts.yml", english)
    _edit(project / "data" / "facts.es.yml", spanish)
    from guide.build.library import SPANISH

    with pytest.raises(GuideErrors) as info:
        load_project(project, SPANISH if lang == "es" else None)
    msg = str(info.value)
    assert says in msg and "data/facts.yml:" in msg, msg
    assert "scope: examples" in msg, msg  # the fix names the other honest choice
    _complete(next(line for line in msg.splitlines() if says in line))


def test_a_spanish_list_that_drops_an_item_is_refused(tmp_path: Path) -> None:
    project = _two_editions(tmp_path)
    _edit(project / "data" / "facts.es.yml", [(SKIN_ES, 'items: ["eccema", "rosácea"]')])
    from guide.build.library import SPANISH

    with pytest.raises(GuideErrors) as info:
        load_project(project, SPANISH)
    assert "the Spanish list has a different number of items" in str(info.value), str(info.value)


COMPLETE_BUILDS = {
    # an editor's correct edits of a complete list: reworded items, an item added with its passage
    "items in other words": ([(SKIN, 'items: ["eczema", "rosacea", "skin that is very sensitive"]')], []),
    "an item added with its words": ([(SKIN, 'items: ["eczema", "rosacea", "very sensitive skin", "psoriasis"]'),
                                      (SKIN_SOURCE, SKIN_SOURCE[:-1] + ' ... psoriasis"')],
                                     [(SKIN_ES, 'items: ["eccema", "rosácea", "piel muy sensible", "psoriasis"]')]),
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("case", COMPLETE_BUILDS, ids=list(COMPLETE_BUILDS))
def test_a_complete_list_edited_with_its_passage_builds(tmp_path: Path, case: str, lang: str) -> None:
    english, spanish = COMPLETE_BUILDS[case]
    project = _two_editions(tmp_path)
    if "added" in case:
        with (project / "sources" / "article.txt").open("a", encoding="utf-8") as out:
            out.write("\nThe correction adds psoriasis.\n")  # as after a correction of the article
    _edit(project / "data" / "facts.yml", english)
    _edit(project / "data" / "facts.es.yml", spanish)
    from guide.build.library import SPANISH
    from tools import translated

    translated.record(project)  # make translated: the editor checked the Spanish against the new English
    load_project(project, SPANISH if lang == "es" else None)
