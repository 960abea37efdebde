"""The built site says only what the article says, with its speaker, scope and limits (issue 11).

Checks on the real built pages: credentials once, who says each claim in the
generated summaries, the honest-limits note, "About this source", the
guide's own suggestions labelled, and the drift the audit removed.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, Build
from htmlpage import article_text, page_file
from support import NAV, TOPICS, project_facts

SKIP = ("headerlink", "page-info")


def _text(site: Build, src: str, skip: tuple[str, ...] = SKIP) -> str:
    return article_text(page_file(site.site, src).read_text(encoding="utf-8"), skip_classes=skip)


def _html(site: Build, src: str) -> str:
    return page_file(site.site, src).read_text(encoding="utf-8")


def test_full_credentials_only_on_home_and_sources(site: Build) -> None:
    for src in NAV:
        text = " ".join(_text(site, src).split())
        for person in project_facts().experts.values():
            full = " ".join(person.role.split())
            if src in ("index.md", "sources.md"):
                assert full in text, f"{src} lacks the full role of {person.name}"
            else:
                assert full not in text, f"{src} repeats the full credentials of {person.name}"


@pytest.mark.parametrize("src", ["procedure.md", "pain.md", "aftercare.md", "at-home-vs-in-office.md"])
def test_short_form_from_the_data(site: Build, src: str) -> None:
    text = _text(site, src)
    assert any(f"{p.surname}, a {p.short_role}" in text for p in project_facts().experts.values()), src


def test_every_summary_says_who_says_each_claim(site: Build) -> None:
    card = re.search(r'<div class="glance-card">(.*?)</dl>', _html(site, "index.md"), re.S).group(1)  # type: ignore[union-attr]
    rows = re.findall(r"<dd>(.*?)</dd>", card, re.S)
    assert len(rows) >= 7
    for row in rows:
        plain = re.sub(r"<[^>]+>", "", row)
        assert re.match(r"(The article|Dr\. \w+) (says|gives)", plain), f"a card row with no speaker: {plain}"
    assert "Dr. Nazarian says it is safe for all skin colors and types" in re.sub(r"<[^>]+>", "", card)
    table = re.search(r'<div class="comparison">(.*?)</div>', _html(site, "at-home-vs-in-office.md"), re.S).group(1)  # type: ignore[union-attr]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", table, re.S)]
    claims = [c for c in cells if c not in ("You", "Needle depth", "Results", "Who does it", "How it goes")]
    assert claims and all(re.search(r"\((the article|Dr\. \w+)\)", c) for c in claims), claims
    facts_table = _html(site, "sources.md")
    for who in ("the article", "Dr. Nazarian", "Dr. Jaliman"):
        assert f"<td>{who}</td>" in facts_table


def test_the_sheet_keeps_the_articles_warnings(site: Build) -> None:
    text = _text(site, "appointment-sheet.md")
    assert "Tell your provider if" not in text
    assert "The article says to skip it if" in text and "The article says to wait if" in text
    assert "steer clear" in text
    for item in project_facts().all_facts()["provider.checks"].items:  # type: ignore[union-attr]
        assert item in text


@pytest.mark.parametrize("src", ["pain.md", "candidates.md", "aftercare.md", "at-home-vs-in-office.md"])
def test_pages_say_what_the_article_does_not_cover(site: Build, src: str) -> None:
    text = _text(site, src)
    assert "What the article does not cover." in text
    assert "Our suggestion: for these, ask the clinic that treats you, or a doctor." in text
    for silence in project_facts().not_covered.values():
        if src in silence.pages:
            assert silence.topic in text, (src, silence.topic)


@pytest.mark.parametrize("src", ["index.md", "sources.md"])
def test_about_this_source(site: Build, src: str) -> None:
    text = _text(site, src)
    assert "About this source." in text
    assert project_facts().source.kind in text and "not a clinical guideline" in text and "cites no studies" in text
    assert "It does not mean we checked it against newer research." in text


def test_citation_is_flagged_as_printed(site: Build) -> None:
    text = _text(site, "sources.md")
    assert ", ".join(project_facts().source.authors) in text
    assert "copied as the article's own citation prints them" in text


def test_home_page_uses_no_attribute_access() -> None:
    assert "facts.source" not in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("src", TOPICS)
def test_no_drift_the_audit_removed(site: Build, src: str) -> None:
    text = _text(site, src)
    for drift in ("The worst case", "In other words, only the needles do the work", "People sometimes mix",
                  "if needed", "Tell your provider if", "Who it suits: all", "Dr. Jaliman, a dermatologist, says microneedling leaves"):
        assert drift not in text, f"{src}: {drift!r}"
    # said once per page at most: the article gives no length for home needles
    note = project_facts().all_facts()["device.home_needle_length"].note  # type: ignore[union-attr]
    assert text.count(note) <= 1 and text.count("gives no length") <= 1, src


@pytest.mark.parametrize("src", ["pain.md", "aftercare.md", "frequency.md", "choosing-a-provider.md"])
def test_the_guides_own_advice_is_labelled(site: Build, src: str) -> None:
    text = _text(site, src)
    assert "Our suggestion:" in text
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if re.match(r"(Ask|Talk|Tell) (your|a|the) ", sentence):
            pytest.fail(f"{src}: unlabelled advice: {sentence!r}")


def test_one_depth_scale_in_the_guide(site: Build) -> None:
    pages = [src for src in NAV if 'class="fig fig-depth"' in _html(site, src)]
    assert pages == ["at-home-vs-in-office.md"]
