"""'Report a problem with this page' on every page of both editions (issue 23).

A plain link to the repository's issue form (.github/ISSUE_TEMPLATE/report-an-error.yml) with the
page's address in the form's Page field: no script, and nothing asked of GitHub until the reader
clicks (the browser tests find no request to another host on any page: tests/test_browser.py).
The 404 page, whose address the build cannot know, links the form for a broken link.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from guide.build.siteurl import load_config
from htmlpage import parse
from support import NAV, ROOT, Build

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml"
REPO = load_config(ROOT / "mkdocs.yml")["repo_url"].rstrip("/")


def _page_url(src: str) -> str:
    return "" if src == "index.md" else src.removesuffix(".md") + "/"


def _form_link(href: str) -> dict[str, list[str]]:
    """The query of a link to the issue form (and that it is one)."""
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/issues/new", href
    query = parse_qs(parts.query)
    assert query.get("template") == [FORM.name], href
    return query


def test_the_form_has_the_page_field() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert "page" in {item.get("id") for item in form["body"]}, "the link fills in the field with id 'page'"


@pytest.mark.parametrize("edition", ["", "es/"])
@pytest.mark.parametrize("src", NAV)
def test_every_page_links_the_form_with_its_address(built: Build, edition: str, src: str) -> None:
    html = (built.site / edition / _page_url(src) / "index.html").read_text(encoding="utf-8")
    tree = parse(html)
    links = tree.select("article .report-problem a")
    assert len(links) == 1, f"{edition}{src}: {len(links)} report links"
    link = links[0]
    canonical = tree.select_one("link[rel=canonical]")
    assert canonical is not None
    assert _form_link(str(link["href"])).get("page") == [str(canonical["href"])], "the page's own address"
    words = " ".join(link.get_text().split())
    assert words == ("Informar de un problema en esta página" if edition else "Report a problem with this page")
    assert not link.has_attr("onclick") and link.find_parent("script") is None
    assert not any("report-problem" in script.get_text() for script in tree.select("script")), "no script involved"
    assert ".md-typeset .report-problem" in (ROOT / "overrides" / "stylesheets" / "print.css").read_text(encoding="utf-8"), \
        "hidden on paper (a web form), where the appointment sheet must stay one page"


def test_the_404_page_links_the_form_in_both_languages(built: Build) -> None:
    tree = parse((built.site / "404.html").read_text(encoding="utf-8"))
    links = tree.select("article .report-problem a")
    assert len(links) == 2 and len(tree.select("article [lang=es] .report-problem a")) == 1
    for link in links:
        assert "page" not in _form_link(str(link["href"])), "the build cannot know the missing address"
