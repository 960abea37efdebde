"""Unit tests of the post-build touches (guide/build/postbuild.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guide.build.postbuild import COMPILE_HINT, MarkupChanged, drop_inlined_styles, finish_site, hint_eager_compile, slim, spanish_topics

PAGE = """<html><head><style data-guide-inline>
  /* a comment for editors */
  .a { color: red; }
</style></head>
<body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <p>one
       two</p>
    <pre><code>  keep
      this</code></pre>
    <PRE>  upper
      case</PRE>
    <script>var s = `a
        b`;</script>
    <p> 
       nbsp</p>
</body></html>
"""


def test_slim_drops_css_comments_and_indentation_only() -> None:
    out = slim(PAGE)
    assert "comment for editors" not in out and ".a { color: red; }" in out
    assert "<p>one\ntwo</p>" in out
    assert "<pre><code>  keep\n      this</code></pre>" in out
    assert "<PRE>  upper\n      case</PRE>" in out
    assert "<script>var s = `a\n        b`;</script>" in out
    assert "<p>\u00a0\nnbsp</p>" in out  # a no-break space is kept


def test_finish_site_fixes_toggles_and_slims(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    assert finish_site(tmp_path) == 1
    out = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'autocomplete' not in out
    assert 'type="checkbox" id="__drawer">' in out and 'type="checkbox" id="__search">' in out
    assert "comment for editors" not in out


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_finish_site_leaves_the_drawer_overlay_without_aria_hidden(tmp_path: Path, engine: str) -> None:
    """Zensical's overlay label carries aria-hidden (a Nu checker error on a label); Material's does not."""
    overlay = '<label class="md-overlay" for="__drawer"' + (' aria-hidden="true"' if engine == "zensical" else "") + ">"
    (tmp_path / "index.html").write_text(PAGE.replace("<p>one", overlay + "</label>\n<p>one"), encoding="utf-8")
    finish_site(tmp_path)
    out = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<label class="md-overlay" for="__drawer"></label>' in out
    assert "aria-hidden" not in out


def test_changed_theme_markup_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE.replace('id="__search" autocomplete="off"', 'id="__find"'), encoding="utf-8")
    with pytest.raises(MarkupChanged, match="#__search"):
        finish_site(tmp_path)
    (tmp_path / "index.html").write_text("<p>no theme</p>", encoding="utf-8")
    with pytest.raises(MarkupChanged, match="no Material page"):
        finish_site(tmp_path)


def _theme_script(site: Path) -> Path:
    scripts = site / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    script = scripts / "bundle.0123abcd.min.js"
    script.write_text('"use strict";(()=>{var a=1;})();\n//# sourceMappingURL=bundle.0123abcd.min.js.map\n', encoding="utf-8")
    (scripts / "bundle.0123abcd.min.js.map").write_text(
        json.dumps({"version": 3, "sources": ["a.ts"], "names": [], "mappings": "AAAA,CAAC"}), encoding="utf-8")
    return script


def test_compile_hint_goes_first_once_and_the_source_map_follows(tmp_path: Path) -> None:
    script = _theme_script(tmp_path)
    before = script.read_text(encoding="utf-8")
    assert hint_eager_compile(tmp_path) == script
    hint_eager_compile(tmp_path)  # a second call (make serve rebuilds) adds nothing
    assert script.read_text(encoding="utf-8") == COMPILE_HINT + before
    assert COMPILE_HINT == "//# allFunctionsCalledOnLoad\n"
    source_map = json.loads(script.with_name(script.name + ".map").read_text(encoding="utf-8"))
    assert source_map["mappings"] == ";AAAA,CAAC"  # the old first line is now the second


def test_missing_theme_script_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(MarkupChanged, match=r"found 0.*update guide/build/postbuild.py"):
        hint_eager_compile(tmp_path)


def test_inlined_styles_are_not_published_twice(tmp_path: Path) -> None:
    styles = tmp_path / "overrides" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "extra.css").write_text("a{}", encoding="utf-8")
    published = tmp_path / "site" / "stylesheets"
    published.mkdir(parents=True)
    (published / "extra.css").write_text("a{}", encoding="utf-8")
    (published / "editor-added.css").write_text("b{}", encoding="utf-8")  # not ours to remove
    assert drop_inlined_styles(tmp_path / "site", styles) == [published / "extra.css"]
    assert sorted(p.name for p in published.iterdir()) == ["editor-added.css"]
    (published / "editor-added.css").unlink()
    assert drop_inlined_styles(tmp_path / "site", styles) == [] and not published.exists()


@pytest.mark.parametrize("source_map", ['{"version": 3, "sections": []}', "not json", '{"version": 3}'])
def test_changed_source_map_stops_the_build_with_a_message(tmp_path: Path, source_map: str) -> None:
    script = _theme_script(tmp_path)
    script.with_name(script.name + ".map").write_text(source_map, encoding="utf-8")
    with pytest.raises(MarkupChanged, match=r"not a plain JSON source map.*update guide/build/postbuild.py"):
        hint_eager_compile(tmp_path)


def test_file_links_turn_folder_links_into_files(tmp_path: Path) -> None:
    from guide.build.postbuild import file_links
    (tmp_path / "index.html").write_text('<a href="pain/">p</a><a class="x" href="sources/#t">s</a>', encoding="utf-8")
    (tmp_path / "pain.html").write_text('<a href="../">home</a><a href="../sources/">s</a><a href="index.html">i</a>'
                                        '<a href="../gone/">g</a><a href="https://e.org/a/">e</a>', encoding="utf-8")
    (tmp_path / "sources.html").write_text("<p>x</p>", encoding="utf-8")
    assert file_links(tmp_path) == 4
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == \
        '<a href="pain.html">p</a><a class="x" href="sources.html#t">s</a>'
    assert (tmp_path / "pain.html").read_text(encoding="utf-8") == (
        '<a href="index.html">home</a><a href="sources.html">s</a><a href="index.html">i</a>'
        '<a href="../gone/">g</a><a href="https://e.org/a/">e</a>')  # a missing page is left for the checks to find
    assert file_links(tmp_path) == 0  # nothing left to change


def test_slim_compacts_json_and_unindents_scripts_only_where_safe() -> None:
    html = ('<script type="application/ld+json">{"a": "x <b> & \'y\'",\n  "b": [1, 2]}</script>'
            '<script id="__config" type="application/json">{"base": ".."}</script>'
            '<script type="application/json">{not json</script>'
            "<script>\n    var a = 1;\n      if (a) { go(); }\n</script>"
            "<script>\n    var t = `x\n      y`;\n</script>"
            "<script>\n    var s = 'a\\\n      b';\n</script>")
    out = slim(html)
    assert '<script type="application/ld+json">{"a":"x \\u003cb\\u003e \\u0026 \'y\'","b":[1,2]}</script>' in out
    assert '<script id="__config" type="application/json">{"base":".."}</script>' in out
    assert '<script type="application/json">{not json</script>' in out, "what is not JSON is left alone"
    assert "<script>\nvar a = 1;\nif (a) { go(); }\n</script>" in out
    assert "<script>\n    var t = `x\n      y`;\n</script>" in out, "a template literal keeps its white space"
    assert "<script>\n    var s = 'a\\\n      b';\n</script>" in out, "so does a string continued on the next line"
    block = re.search(r'ld\+json">(.*?)</script>', out)
    assert block and json.loads(block[1])["a"] == "x <b> & 'y'"


PALETTE = ("@media screen{[data-md-color-scheme=slate]{color-scheme:dark;--md-hue:225}"
           "[data-md-color-switching] *{transition-duration:0s!important}}"
           "[data-md-color-accent=red]{--md-accent-fg-color:#ff1a47}"
           "[data-md-color-primary=indigo],[data-md-color-primary=custom] .x{--md-primary-fg-color:#4051b5}"
           "@media screen and (max-width:76.2344em){[data-md-color-primary=red] .md-nav--primary{color:red}}"
           "[data-md-color-scheme=slate][data-md-color-primary=black]{--md-typeset-a-color:#5488e8}"
           "\n/*# sourceMappingURL=palette.0123abcd.min.css.map*/")


def _palette_site(tmp_path: Path, css: str = PALETTE) -> Path:
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "palette.0123abcd.min.css").write_text(css, encoding="utf-8")
    (sheets / "palette.0123abcd.min.css.map").write_text("{}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<body data-md-color-scheme="default" data-md-color-primary="custom" '
                                         'data-md-color-accent="custom">', encoding="utf-8")
    return sheets / "palette.0123abcd.min.css"


def test_trim_palette_keeps_the_schemes_and_the_colours_pages_use(tmp_path: Path) -> None:
    from guide.build.postbuild import trim_palette
    sheet = _palette_site(tmp_path)
    assert trim_palette(tmp_path) == [sheet]
    assert sheet.read_text(encoding="utf-8") == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark;--md-hue:225}"
        "[data-md-color-switching] *{transition-duration:0s!important}}"
        "[data-md-color-primary=custom] .x{--md-primary-fg-color:#4051b5}")
    assert not sheet.with_name(sheet.name + ".map").exists(), "the map no longer matches the file"


@pytest.mark.parametrize("css, message", [
    ("[data-md-color-primary=red]{color:red", "could not be read"),
    ("[data-md-color-primary=red]{color:red}}", "could not be read"),
    ("[data-md-color-scheme=slate][data-md-color-primary=red]{color:red}", "would drop the dark scheme"),
])
def test_trim_palette_stops_on_a_changed_stylesheet(tmp_path: Path, css: str, message: str) -> None:
    from guide.build.postbuild import trim_palette
    _palette_site(tmp_path, css)
    with pytest.raises(MarkupChanged, match=message):
        trim_palette(tmp_path)


def test_trim_palette_stops_when_the_theme_has_no_palette(tmp_path: Path) -> None:
    from guide.build.postbuild import trim_palette
    (tmp_path / "index.html").write_text("<body>", encoding="utf-8")
    with pytest.raises(MarkupChanged, match=r"no Material palette stylesheet.*update guide/build/postbuild.py"):
        trim_palette(tmp_path)


def test_the_404_pages_spanish_topics_come_from_the_spanish_nav(tmp_path: Path) -> None:
    """A page added to mkdocs.es.yml's nav is on the 404 page with its Spanish title: no list to keep by hand."""
    (tmp_path / "mkdocs.es.yml").write_text(
        'INHERIT: mkdocs.yml\nsite_url: !ENV [SITE_URL_ES, "https://example.org/g/es/"]\nnav:\n  - Inicio: index.md\n'
        '  - ¿Duele?: pain.md\n  - Página nueva & <más>: new-page.md\n', encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text('<p>a</p><ul class="not-found__links" data-guide-topics="/g/es/"></ul><p>b</p>',
                                   encoding="utf-8")
    assert spanish_topics(site, tmp_path) == 2
    assert (site / "404.html").read_text(encoding="utf-8") == (
        '<p>a</p><ul class="not-found__links"><li><a href="/g/es/pain/" hreflang="es">¿Duele?</a></li>'
        '<li><a href="/g/es/new-page/" hreflang="es">Página nueva &amp; &lt;más&gt;</a></li></ul><p>b</p>')
    assert spanish_topics(site, tmp_path) == 0  # filled once; a page with no Spanish part is left alone
    (site / "404.html").write_text('<ul class="not-found__links" data-guide-topics="/g/es/"></ul>', encoding="utf-8")
    (tmp_path / "mkdocs.es.yml").unlink()  # a project of one edition: no empty list is left
    assert spanish_topics(site, tmp_path) == 0 and (site / "404.html").read_text(encoding="utf-8") == ""
