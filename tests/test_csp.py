"""The Content-Security-Policy (guide/build/csp.py): on every page, strict, and what the browser says of it.

Unit tests of the policy; the built pages carry it first; in Chromium search, the colour-scheme
toggle, the facts table and the print view cause 0 ``securitypolicyviolation`` events (every page
is loaded and watched for them in tests/test_browser.py); and a script injected into a built page
is blocked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browser import Server, Tabs, csp_violations, serving
from guide.build.csp import META_REFERRER, PolicyError, policy, script_styles, secure, sha256
from support import ROOT, Build

if TYPE_CHECKING:
    from playwright.sync_api import Page

# --- the policy itself ------------------------------------------------------------------


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script data-guide-inline>var a = 1;</script><script src="x.js"></script><script type="text/plain" data-after-paint="y.js"></script>
<script type="application/ld+json">{"a": 1}</script><script id="__config" type="application/json">{}</script>
<style data-guide-inline>p{color:red}</style></head><body><article>
<!--guide:content--><p>Text</p><!--/guide:content-->
</article></body></html>"""


def _sources(text: str, directive: str) -> list[str]:
    match = re.search(rf"{directive} ([^;]+)", text)
    assert match, f"no {directive} in {text}"
    return match[1].split()


def test_policy_hashes_only_the_inline_scripts_and_styles_the_templates_marked() -> None:
    text = policy(PAGE)
    scripts, styles = _sources(text, "script-src"), _sources(text, "style-src")
    # data blocks (JSON, the JSON-LD, the deferred script's text/plain placeholder) never run: no hash
    assert sorted(scripts) == sorted(["'self'", sha256("var a = 1;")])
    assert sorted(styles) == sorted(["'self'", sha256("p{color:red}")])
    assert sha256("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # the well-known value
    assert "unsafe" not in text
    for directive in ("default-src 'none'", "img-src 'self' data:", "connect-src 'self'", "worker-src 'self'",
                      "base-uri 'none'", "object-src 'none'", "form-action 'self'"):
        assert directive in text


def test_secure_puts_the_metas_right_after_charset_and_is_idempotent() -> None:
    out = secure(PAGE)
    head = out.split("<head>", 1)[1]
    assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src')
    assert META_REFERRER in out and out.index(META_REFERRER) < out.index("<script")
    assert secure(out) == out, "a second run replaces, never adds"
    changed = secure(out.replace("var a = 1;", "var a = 2;"))
    assert sha256("var a = 2;") in changed and sha256("var a = 1;") not in changed, "hashes follow the last change"


# What once got a hash: every inline script and style of the final page (issue 20). Each must now stop
# the build, in the theme's markup as in the content, and the message names the page.
UNAPPROVED = {
    "inline script": "<script>alert(1)</script>",
    "script with a forged mark": "<script data-guide-inline>alert(1)</script>",
    "module script": '<script type="module">alert(1)</script>',
    "style": "<style>p::after{content:'use needles twelve mm long at home'}</style>",
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "form": '<form action="https://evil.example"><input name="q"></form>',
    "style attribute": '<p style="color:red">x</p>',
    "event attribute": '<a href="#" onclick="go()">x</a>',
    "unquoted event attribute": "<div onclick=alert(1)>x</div>",
    "event after a > in a value": '<div title="a>b" onclick="x()">x</div>',
    "picture from another site": '<img src="https://tracker.example/p.gif" alt="">',
    "javascript link": '<a href="java&#x09;script:alert(1)">x</a>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg link": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "bidi override by reference": "<p>The pen &#x202E;seldeen</p>",
    "soft hyphen by reference": "<p>elev&shy;en</p>",
}


# A mark outside the content is the theme's own: the templates mark their scripts there.
PLACES = [(case, where) for case in UNAPPROVED for where in ("content", "theme")
          if not (case == "script with a forged mark" and where == "theme")]


@pytest.mark.parametrize("case, where", PLACES, ids=[f"{case}-{where}" for case, where in PLACES])
def test_anything_the_templates_did_not_write_stops_the_build(case: str, where: str) -> None:
    bad = UNAPPROVED[case]
    page = PAGE.replace("<p>Text</p>", "<p>Text</p>" + bad) if where == "content" else PAGE.replace("<body>", "<body>" + bad)
    with pytest.raises(PolicyError) as info:
        secure(page, "site/pain/index.html")
    msg = str(info.value)
    assert "site/pain/index.html: " in msg and "Found: " in msg and "Fix: " in msg, msg
    if case == "style attribute":
        assert "style" in msg


@pytest.mark.parametrize("breakout", [
    "</article><script data-guide-inline>alert(1)</script><article>",
    "</p></article></body><script data-guide-inline>alert(1)</script>",
    "<!--/guide:content--><script data-guide-inline>alert(1)</script><!--guide:content-->",
    "</div></div><script data-guide-inline>alert(1)</script>",
])
def test_content_that_leaves_its_place_stops_the_build(breakout: str) -> None:
    """Content (a page, or a partial) that closes the theme's elements to write a marked script
    among the theme's moves or doubles the content marks: the build stops."""
    page = PAGE.replace("<p>Text</p>", "<p>Text</p>" + breakout)
    with pytest.raises(PolicyError, match="content"):
        secure(page, "site/pain/index.html")


TITLED = PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8"><title>Does it hurt? - The microneedling guide</title>'
                      '<meta name="description" content="Whether microneedling hurts, and what the numbing cream does.">')


@pytest.mark.parametrize("script", [
    '<script data-guide-inline>var t = "Does it hurt?";</script>',  # the title, as a template prints page.meta.title
    '<script data-guide-inline>var d = "Whether microneedling hurts, and what the numbing cream does.";</script>',
    '<script data-guide-inline>var t = {"t": "Does it hurt?"};</script>',  # through | tojson
    "<style data-guide-inline>h1::after{content:'Does it hurt?'}</style>",
])
def test_a_marked_script_holding_the_pages_words_stops_the_build(script: str) -> None:
    """The no-hints review (finding 9): a maintainer's template that put {{ page.meta.title }} into a marked
    inline script let a contributor's title (``Does it hurt'; alert(document.domain); '``) run with a hash.
    The front matter refuses quotes and ';' now; the post-build refuses the mistake itself."""
    with pytest.raises(PolicyError) as info:
        secure(TITLED.replace("</head>", script + "</head>"), "site/pain/index.html")
    msg = str(info.value)
    assert "site/pain/index.html: a marked inline " in msg and "holds the page's own words" in msg, msg
    assert "Fix: " in msg


def test_marked_scripts_without_the_pages_words_pass() -> None:
    assert "sha256-" in policy(TITLED.replace("</head>", '<script data-guide-inline>var t = "Does";</script></head>'))


def test_page_without_charset_stops_the_build() -> None:
    with pytest.raises(PolicyError, match="no <meta charset"):
        secure("<html><head><title>x</title></head></html>")


# --- the built site ----------------------------------------------------------------------


def test_every_page_carries_the_policy_first(built: Build) -> None:
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) >= 12
    assert built.site / "es" / "pain" / "index.html" in pages, "the Spanish edition's pages carry the policy too"
    extra = script_styles(built.site)  # styles the theme's script adds (Zensical's search)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '), page
        assert html.count("Content-Security-Policy") == 1 and META_REFERRER in html
        assert "unsafe-inline" not in html and "unsafe-eval" not in html
        content = re.search(r'content="([^"]+)"', head)
        assert content and content[1] == policy(html, extra), f"{page}: stale hashes"
        assert html.index('<meta charset="utf-8">') < 1024, "the charset stays in the first 1024 bytes"


# --- in the browser ------------------------------------------------------------------------


def _search(page: Page) -> None:
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.press_sequentially("needle", delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")


# Every page, both schemes, phone and desktop, scrolled and in the print view, on both engines' builds:
# tests/test_browser.py::test_page_is_accessible_clean_and_private (one tab per page and width).


def test_search_scheme_toggle_and_facts_table_without_a_violation(tabs: Tabs, built: Build, served: Server) -> None:
    """Search (Material's search under MkDocs; Zensical's own search is not driven yet: MIGRATING.md),
    the scheme toggle, the facts table and the print view, on both engines' builds."""
    with tabs.visit(served, "sources/", 1280) as (page, log):
        if built.engine == "mkdocs":
            _search(page)
        page.locator("label[title='Switch to dark mode']:visible").click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.locator("details.facts-table > summary").click()
        page.wait_for_function("() => document.querySelector('details.facts-table').open")
        page.locator("table.facts tbody tr").first.wait_for()
        page.emulate_media(media="print")
        page.wait_for_timeout(50)
        assert csp_violations(page, log) == []


def test_an_injected_inline_script_is_blocked(tabs: Tabs, site: Build, tmp_path: Path) -> None:
    """What the policy is for: a script that slipped into a built page does not run."""
    copy = tmp_path / "site"
    shutil.copytree(site.site, copy)
    page_file = copy / "pain" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = '<p>bad value<script>window.__injected = "ran"</script><img src="x" onerror="window.__injected=1"></p>'
    assert "</article>" in html
    page_file.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    with serving(copy) as fake:
        with tabs.visit(fake, "pain/", 1280) as (page, log):
            assert page.evaluate("typeof window.__injected") == "undefined", "the injected script ran"
            violations = csp_violations(page, log)
            assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
            assert any(v.startswith("script-src-attr blocked inline") for v in violations), violations
            # the page's own scripts still ran: the theme's script started
            assert page.evaluate("typeof document$") != "undefined"


def test_zensical_build_gets_the_policy_from_the_shared_postbuild(zsite: Build) -> None:
    """`make build-zensical` runs the same post-build steps (python -m guide.build.postbuild); the pages'
    policy and their loading without a violation are checked above, for both engines."""
    assert "Post-build: 12 pages" in zsite.output, zsite.output


@pytest.mark.build
def test_postbuild_command_says_what_is_wrong(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "guide.build.postbuild", str(tmp_path / "nothing")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "no such site folder" in proc.stderr
    (tmp_path / "index.html").write_text("<html><head></head><body><p>x</p></body></html>", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.build.postbuild", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("ERROR   -  ") and "no Material page found" in proc.stderr


def test_pages_served_for_editing_skip_the_policy() -> None:
    """`make serve`'s live reload injects an inline script no hash can allow; builds keep the policy."""
    from types import SimpleNamespace

    from guide.build.postbuild import serving

    addr = SimpleNamespace(host="127.0.0.1", port=8000)
    assert serving({"dev_addr": addr, "site_url": "http://127.0.0.1:8000/guide/"})
    assert not serving({"dev_addr": addr, "site_url": "https://microneedling-guide.github.io/guide/"})
    assert not serving({"dev_addr": addr, "site_url": "http://127.0.0.1:8001/guide/"})
    assert not serving({"dev_addr": None, "site_url": ""})
