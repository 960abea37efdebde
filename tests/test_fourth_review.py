"""What the fourth readers' review (no hints) of both editions found, on the published pages.

* M2, who made the guide: no page said who "we" are or whether a clinician reviewed it. The "About this
  source" box (home and sources pages, includes/partials/about-source.md) now says it is an independent
  guide, written from the article it names by the editors of its public repository (linked: the repository
  the configuration names, whose issue form every page's "Report a problem" opens), that no clinician has
  reviewed it, and how to report a mistake. Nothing more is said of the editors than the repository shows.
* One gap in "What the article does not cover" is "this", not "these" (nc_ask_one).
* English pages use one apostrophe, the curly one CONTRIBUTING.md names (they mixed ' and ’).
"""

from __future__ import annotations

import re

import pytest

from guide.data import lang as langs
from guide.render import catalogue
from htmlpage import one, page_file, parse, text_of
from support import NAV, ROOT, Build, project_facts

EDITIONS = [("", "en"), ("es", "es")]


@pytest.mark.parametrize(("edition", "lang"), EDITIONS)
@pytest.mark.parametrize("src", ["index.md", "sources.md"])
def test_the_guide_says_who_made_it(site: Build, edition: str, lang: str, src: str) -> None:
    s = langs.load_strings(ROOT, lang)
    tree = parse(page_file(site.site / edition, src).read_text(encoding="utf-8"))
    box = tree.select_one(".about-source")
    assert box is not None, f"{src}: no 'About this source' box"
    text = text_of(box)
    for key in ("about_who_title", "about_who_is", "about_who_review", "about_who_report"):
        assert s[key] in text, f"{src} ({lang}): {key} is not said: {text}"
    assert project_facts().source.title in text, "the article is not named"
    report = tree.select_one(".report-problem a")
    assert report is not None, "no report link to compare the repository with"
    repository = str(report["href"]).split("/issues/new")[0]
    links = [a for a in box.select("a") if text_of(a) == s["about_who_repo"]]
    assert [a["href"] for a in links] == [repository], "the repository's link is not the one every page reports to"


@pytest.mark.parametrize(("edition", "lang"), EDITIONS)
def test_one_gap_is_this_and_more_are_these(site: Build, edition: str, lang: str) -> None:
    s = langs.load_strings(ROOT, lang)
    counts = set()
    for src in NAV:
        for box in parse(page_file(site.site / edition, src).read_text(encoding="utf-8")).select(".not-covered"):
            gaps = len(box.select("li"))
            counts.add(min(gaps, 2))
            text = text_of(box)
            one, more = (catalogue.text(s[key], ours=s["sug_label"]) for key in ("nc_ask_one", "nc_ask"))
            wanted, other = (one, more) if gaps == 1 else (more, one)
            assert wanted in text and other not in text, f"{src}: {gaps} gap(s): {text}"
    assert counts == {1, 2}, "no page has one gap, or none has more: pick the pages again"


def test_english_pages_use_one_apostrophe(site: Build) -> None:
    """Every apostrophe between letters on an English page (its text, title and pictures) is the curly one."""
    straight = {}
    for src in NAV:
        tree = parse(page_file(site.site, src).read_text(encoding="utf-8"))
        for hidden in tree.select("script, style"):
            hidden.decompose()
        found = re.findall(r".{0,20}\w'\w.{0,20}", " ".join(one(tree, "article").get_text(" ").split()))
        found += re.findall(r"\w'\w", tree.title.get_text() if tree.title else "")
        if found:
            straight[src] = found
    assert not straight, f"straight apostrophes: {straight}"
