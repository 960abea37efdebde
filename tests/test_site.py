"""The real site: a strict build, and checks on every built page."""

from __future__ import annotations

import re

import pytest

from guide.render import text as render
from htmlpage import article_text, meta, one, page_file, parse, text_of
from support import NAV, ROOT, TOPICS, Build, project_facts, project_site


def _html(site: Build, src: str) -> str:
    return page_file(site.site, src).read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(site: Build) -> None:
    # A review falling due is a reminder for editors (make review), not a build problem.
    warnings = [line for line in site.output.splitlines() if "WARNING" in line and "review overdue" not in line]
    assert not warnings, site.output
    assert re.search(r"Documentation built in [\d.]+ seconds", site.output)


def test_every_required_page_is_in_the_nav_and_built(site: Build) -> None:
    required = {*TOPICS, "glossary.md", "sources.md"}
    assert required <= set(NAV)
    assert set(NAV) == set(project_site().pages), "every page is in the nav and every nav entry is a page"
    for src in NAV:
        assert page_file(site.site, src).exists(), src


@pytest.mark.parametrize("src", TOPICS)
def test_topic_pages_have_real_content(site: Build, src: str) -> None:
    text = article_text(_html(site, src), skip_classes=("headerlink", "page-info"))
    words = len(text.split())
    assert words >= 150, f"{src} has only {words} words"
    assert len(one(parse(_html(site, src)), "article").select("h2")) >= 2, f"{src} needs sections"


@pytest.mark.parametrize("src", NAV)
def test_every_page_has_description_review_dates_and_source(site: Build, src: str) -> None:
    html = _html(site, src)
    info = project_site().pages[src]
    assert meta(html, "description") == info.description.replace("'", "&#39;") or meta(html, "description") == info.description
    assert f'<time datetime="{info.last_reviewed.isoformat()}">' in html
    assert f'<time datetime="{info.next_review.isoformat()}">' in html
    text = article_text(html)
    assert "Last reviewed:" in text and "Next review due:" in text
    assert project_facts().source.title in text
    assert "not medical advice" in text


@pytest.mark.parametrize("src", NAV)
def test_no_template_syntax_left_in_output(site: Build, src: str) -> None:
    html = _html(site, src)
    for marker in ("{{", "}}", "{%", "%}"):
        assert marker not in article_text(html), f"{marker} left in {src}"


def test_every_fact_is_used_on_a_topic_page() -> None:
    unused = [key for key in project_facts().all_facts() if not any(key in project_site().pages[t].facts for t in TOPICS)]
    assert not unused, f"facts no topic page shows: {unused}"


@pytest.mark.parametrize("src", NAV)
def test_fact_values_show_where_used(site: Build, src: str) -> None:
    text = article_text(_html(site, src))
    every = project_facts().all_facts()
    for key in project_site().pages[src].facts:
        shown = render.values(every[key])
        # Case-insensitive: a value may open a sentence ("All skin colors ...").
        assert any(v.lower() in text.lower() for v in shown), f"{src} uses {key} but shows none of {shown}"


def test_facts_table_lists_every_fact_with_its_pages(site: Build) -> None:
    html = _html(site, "sources.md")
    rows = parse(html).select("table.facts tr")
    assert len(rows) == len(project_facts().all_facts()) + 1  # and the heading row
    for key, fact in project_facts().all_facts().items():
        row = next((r for r in rows if (cell := r.find("td")) is not None and text_of(cell) == fact.label), None)
        assert row is not None, key
        links = {str(a["href"]) for a in row.select("a[href]")}
        for page in project_site().pages_using(key):
            slug = "../" if page.path == "index.md" else f"../{page.path.removesuffix('.md')}/"
            assert slug in links, f"{key}: link to {page.path} missing"


def test_editors_note_corrects_stratum_corneum(site: Build) -> None:
    text = article_text(_html(site, "procedure.md"))
    assert "stratum corneum" in text
    assert "stratum cornea" in text, "the editor's note names the article's misspelling"


def test_home_page_says_education_not_advice(site: Build) -> None:
    html = _html(site, "index.md")
    assert re.search(r'class="admonition[^"]*"', html)
    for topic in TOPICS[1:]:
        assert f'href="{topic.removesuffix(".md")}/"' in html, f"home page links to {topic}"


# --- styles only where they are used (overrides/main.html) ----------------------------

STYLES = ROOT / "overrides" / "stylesheets"
PER_PAGE_STYLES = ("figures.css", "facts-table.css")


def _own_classes(css: str) -> tuple[set[str], str]:
    """The guide's own class names in a stylesheet's selectors, and a selector line that marks it."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = re.sub(r"\{[^}]*\}", "\n", css)
    classes = {c for c in re.findall(r"\.([A-Za-z][\w-]*)", selectors) if not c.startswith("md-")}
    marker = next(line.strip() for line in css.splitlines()
                  if line.strip().endswith("{") and any(f".{c}" in line for c in classes))
    return classes, marker


@pytest.mark.parametrize("css_file", PER_PAGE_STYLES)
def test_pages_carry_the_styles_their_markup_uses(site: Build, css_file: str) -> None:
    classes, marker = _own_classes((STYLES / css_file).read_text(encoding="utf-8"))
    users = []
    for src in NAV:
        html = _html(site, src)
        head, body = html.split("</head>", 1)
        used = {c for attr in re.findall(r'class="([^"]*)"', body) for c in attr.split()}
        if used & classes:
            users.append(src)
            assert marker in head, f"{src} uses {sorted(used & classes)} but its page lacks {css_file}"
        else:
            assert marker not in head, f"{src} uses nothing from {css_file}, yet carries it"
    assert users, f"no page uses {css_file}: the test would prove nothing"


def test_theme_script_asks_to_be_compiled_while_it_downloads(site: Build) -> None:
    # guide/build/postbuild.py: the hint must be the script's very first line, and the pages must load that script
    (script,) = (site.site / "assets" / "javascripts").glob("bundle.*.min.js")
    assert script.read_text(encoding="utf-8").startswith("//# allFunctionsCalledOnLoad\n")
    assert f'data-after-paint="../assets/javascripts/{script.name}"' in _html(site, "procedure.md")


def test_inlined_stylesheets_are_not_also_published(site: Build) -> None:
    # overrides/main.html inlines them; MkDocs would also copy them to site/stylesheets/ (guide/build/postbuild.py)
    assert list(STYLES.glob("*.css")), "no stylesheets to check"
    assert not (site.site / "stylesheets").exists()


def test_palette_stylesheet_holds_only_the_colours_the_pages_use(site: Build) -> None:
    """guide/build/postbuild.py trim_palette: Material's named colours are gone, the dark scheme stays."""
    sheets = list((site.site / "assets" / "stylesheets").glob("palette.*.min.css"))
    assert len(sheets) == 1
    css = sheets[0].read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in css and "--md-default-bg-color" in css
    used = {c for page in site.site.rglob("*.html")
            for c in re.findall(r'data-md-color-(?:primary|accent)="([\w-]+)"', page.read_text(encoding="utf-8"))}
    assert used == {"custom"}
    assert set(re.findall(r"data-md-color-(?:primary|accent)=([\w-]+)", css)) <= used
    assert len(css) < 4000, "about 2.5 KB once Material's 19 named colours are gone"
