"""The words of the Spanish edition (issue 23, the bilingual editor's review).

* Terms the review changed stay changed on every built Spanish page: "sérum" (FundéuRAE; "suero"
  reads as an IV drip in much of Latin America), "exfoliantes con partículas" ("granitos" are
  pimples on the same pages).
"""

from __future__ import annotations

import re

import pytest

from htmlpage import article_text, parse
from support import Build

# (a word that must not come back, why): searched in the text a reader sees and in the tooltips
RETIRED = [
    (r"\bsueros?\b", "'suero' reads as an IV drip in much of Latin America: write 'sérum' (FundéuRAE)"),
    (r"exfoliantes con granitos", "'granitos' are pimples on the same pages: write 'exfoliantes con partículas'"),
]


def _spanish_pages(site: Build) -> list[str]:
    return sorted(p.relative_to(site.site).as_posix() for p in (site.site / "es").rglob("*.html"))


@pytest.mark.parametrize("pattern, why", RETIRED)
def test_retired_spanish_terms_stay_out(site: Build, pattern: str, why: str) -> None:
    found = []
    for rel in _spanish_pages(site):
        html = (site.site / rel).read_text(encoding="utf-8")
        tips = " ".join(str(a["title"]) for a in parse(html).select("abbr[title]"))
        if re.search(pattern, article_text(html) + " " + tips, re.I):
            found.append(rel)
    assert not found, f"{why}: found on {found}"
