"""The catalogues (includes/strings/<lang>.yml): whole sentences with named placeholders, the same in both
languages, filled by guide.render.catalogue (issue 22, item 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from guide.data import lang as langs
from guide.errors import GuideError
from guide.render import catalogue
from support import ROOT


def _copy(tmp_path: Path, lang: str, edit: tuple[str, str] | None = None) -> Path:
    folder = tmp_path / "includes" / "strings"
    folder.mkdir(parents=True)
    for name in ("en", "es"):
        text = (ROOT / f"includes/strings/{name}.yml").read_text(encoding="utf-8")
        if edit and name == lang:
            old, new = edit
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def _line(lang: str, key: str) -> int:
    text = (ROOT / f"includes/strings/{lang}.yml").read_text(encoding="utf-8")
    return next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key}:"))


def _sentence_with_placeholders(lang: str) -> tuple[str, str, list[str]]:
    """A key of the catalogue whose string has two placeholders or more (read from the file, not typed here)."""
    strings = langs.load_strings(ROOT, lang)
    for key, value in strings.items():
        names = re.findall(r"\{([a-z_]+)\}", value) if isinstance(value, str) else []
        if len(set(names)) >= 2 and not set(names) & langs.NAME_FORM:
            return key, value, names
    raise AssertionError("no string with two placeholders")


def test_both_catalogues_load_with_the_same_placeholders() -> None:
    en, es = langs.load_strings(ROOT, "en"), langs.load_strings(ROOT, "es")
    assert set(en) == set(es)
    same = [key for key in en if isinstance(en[key], str) and "{" in en[key]]
    assert len(same) > 20, "the catalogue's sentences have their placeholders"


@pytest.mark.parametrize("how", ["lost", "renamed", "added"])
def test_a_translation_with_other_placeholders_stops_the_build(tmp_path: Path, how: str) -> None:
    key, value, names = _sentence_with_placeholders("es")
    line = f'{key}: "{value}"'
    gone = names[-1]
    bad = {"lost": value.replace("{" + gone + "}", "algo"),
           "renamed": value.replace("{" + gone + "}", "{cosa}"),
           "added": value + " {extra}"}[how]
    root = _copy(tmp_path, "es", (line, f'{key}: "{bad}"'))
    with pytest.raises(GuideError) as caught:
        langs.load_strings(root, "es")
    message = str(caught.value)
    assert message.startswith(f"includes/strings/es.yml:{_line('es', key)}: a template string's placeholders are not "
                              f"those of en.yml (at {key})"), message
    assert f"includes/strings/en.yml:{_line('en', key)}" in message, "the English line to compare with"
    if how in ("lost", "renamed"):
        assert "put back {" + gone + "}" in message.lower(), message
    if how != "lost":
        assert "take out {" + ("cosa" if how == "renamed" else "extra") + "}" in message.lower(), message


def test_a_translation_may_reorder_its_placeholders(tmp_path: Path) -> None:
    key, value, names = _sentence_with_placeholders("es")
    reordered = " ".join("{" + n + "}" for n in reversed(names)) + " y nada más."
    root = _copy(tmp_path, "es", (f'{key}: "{value}"', f'{key}: "{reordered}"'))
    assert langs.load_strings(root, "es")[key] == reordered


def test_a_doctor_is_named_by_title_or_credentials_as_each_language_writes_it(tmp_path: Path) -> None:
    en = langs.load_strings(ROOT, "en")
    names = set(re.findall(r"\{([a-z_]+)\}", en["expert_full"]))
    assert names & langs.NAME_FORM, "the full name uses a title or credentials"
    others = "".join("{" + n + "}" for n in sorted(names - langs.NAME_FORM))
    root = _copy(tmp_path, "es", None)
    text = (root / "includes/strings/es.yml").read_text(encoding="utf-8")
    es_line = next(row for row in text.splitlines() if row.startswith("expert_full:"))
    (root / "includes/strings/es.yml").write_text(text.replace(es_line, f'expert_full: "{others}"'), encoding="utf-8")
    with pytest.raises(GuideError, match=r"es.yml:\d+: a template string's placeholders are not those of en.yml \(at expert_full\)"):
        langs.load_strings(root, "es")  # neither the title nor the credentials: she is not named in full


def test_filling_is_strict_both_ways() -> None:
    assert catalogue.text("{who} says {what}.", who="the article", what="so") == "the article says so."
    assert catalogue.sentence("{who} says {what}.", who="the article", what="so") == "The article says so."
    with pytest.raises(ValueError, match=r"no value for \{what\}"):
        catalogue.text("{who} says {what}.", who="the article")
    with pytest.raises(ValueError, match=r"no place for \{when\}"):
        catalogue.text("{who} says so.", who="the article", when="now")


def test_a_partial_fills_text_as_text_and_markup_as_markup() -> None:
    filled = catalogue.say("{who} says <{what}> & {link}", who="the <b>article</b>", what="so",
                           link=Markup('<a href="x">more</a>'))
    assert isinstance(filled, Markup)
    assert filled == 'The &lt;b&gt;article&lt;/b&gt; says &lt;so&gt; &amp; <a href="x">more</a>'
    # a value is put in once: braces inside a value are not filled again
    assert catalogue.text("{a} and {b}", a="{b}", b="x") == "{b} and x"


# --- the render code: words from the catalogues, no grammar patched in code --------------------------------


def test_render_code_branches_on_language_only_for_number_formats() -> None:
    """guide/render/ reads a language's words from its catalogue; the one table per language left there is
    the number formats (text.NUMBER_FORMATS), and nothing patches the grammar of a sentence (" de el ")."""
    for path in sorted((ROOT / "guide" / "render").glob("*.py")):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"""lang\s*[!=]=\s*["']""", code), f"{path.name}: a branch on the language"
        assert not re.search(r"""["'] de el ["']|\.replace\(["'] de """, code), f"{path.name}: grammar fixed in code"


def test_the_words_of_a_value_come_from_the_catalogue() -> None:
    from guide.render import text as render

    for lang in ("en", "es"):
        words = langs.load_strings(ROOT, lang)
        assert render.not_stated(lang) == words["not_stated"]
        # the joining word before an /i/ or /o/ sound is the catalogue's (Spanish "e", "u"; English the same words)
        assert render.join(["a", "b", "iglesias"], "and", lang).endswith(f" {words['list_and_i']} iglesias")
        assert render.join(["a", "b", "casas"], "and", lang).endswith(f" {words['list_and']} casas")
        assert render.join(["a", "otros"], "or", lang) == f"a {words['list_or_o']} otros"
        assert render.join(["a", "hierba"], "and", lang).endswith(f" {words['list_and']} hierba"), "hie- is /je/, not /i/"
        assert render.hedged("at least", "30", lang) == catalogue.text(words["hedge_at_least"], value="30")


def test_spanish_pictures_read_without_de_el() -> None:
    """Each timeline of the Spanish edition, whoever gives it (the article too): "del plan", "del artículo"."""
    from guide.render import figures
    from support import project_facts

    english = project_facts()
    spanish = langs.load_wording(ROOT / "data" / "facts.es.yml", "data/facts.es.yml", english)
    words = langs.load_strings(ROOT, "es")
    from guide.data import schema
    from guide.render import text as render

    drawn = 0
    for key, fact in spanish.all_facts().items():
        if isinstance(fact, schema.ScheduleFact):
            t = figures.timeline(key, fact, render.speaker(fact, spanish.experts, "es"), words)
            for said in (t.title, t.desc, t.caption, t.axis_label, t.start_label):
                assert not re.search(r"\b(de|a) el\b", said), f"{key}: {said!r}"
            drawn += 1
    assert drawn >= 2


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_hedge_string_without_its_words_is_refused(tmp_path: Path, lang: str) -> None:
    """The eighth no-hints attack set ``hedge_at_least: "{value}"`` in es.yml: Spanish readers got "FPS de 30" for
    "at least 30". Each hedge keeps words around its value."""
    import shutil

    shutil.copytree(ROOT / "includes" / "strings", tmp_path / "includes" / "strings")
    path = tmp_path / "includes" / "strings" / f"{lang}.yml"
    text = path.read_text(encoding="utf-8")
    row = next(r for r in text.splitlines() if r.startswith("hedge_at_least:"))
    path.write_text(text.replace(row, 'hedge_at_least: "{value}"'), encoding="utf-8")
    with pytest.raises(GuideError) as info:
        langs.load_strings(tmp_path, lang)
    assert "a hedge that says nothing around its value" in str(info.value) and "(at hedge_at_least)" in str(info.value)
