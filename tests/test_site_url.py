"""The site's address comes from SITE_URL when set (the deploy sets it from the Pages settings),
so a fork publishes under its own address without editing a file; robots.txt follows it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from guide.build.siteurl import load_config, resolve, site_url
from support import ROOT, run_build


def test_resolve_reads_env_tags_as_mkdocs_does() -> None:
    assert resolve("https://a.org/") == "https://a.org/"
    assert resolve(["SITE_URL", "https://d.org/x/"], {}) == "https://d.org/x/"
    assert resolve(["SITE_URL", "https://d.org/x/"], {"SITE_URL": "https://f.github.io/g/"}) == "https://f.github.io/g/"
    assert resolve(["A", "B", "https://d.org/"], {"B": "https://b.org/"}) == "https://b.org/"


def test_mkdocs_yml_takes_the_address_from_the_environment() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r'^site_url: !ENV \[SITE_URL, "https://[^"]+/"\]$', text, re.M)
    assert site_url(environ={}) == "https://microneedling-guide.github.io/guide/"
    assert site_url(environ={"SITE_URL": "https://x.github.io/y/"}) == "https://x.github.io/y/"
    config = load_config()
    assert config["markdown_extensions"][6] == {"toc": {"permalink": True, "permalink_title": "Permanent link"}}, \
        "typed values, not strings"


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    saved = {name: os.environ.get(name) for name in ("SITE_URL", "SITE_URL_ES")}
    # As the deploy (and the Makefile, from SITE_URL alone) sets them: the Spanish edition in es/.
    os.environ.update(SITE_URL="https://fork.example.org/", SITE_URL_ES="https://fork.example.org/es/")
    try:
        build = run_build(ROOT, tmp_path_factory.mktemp("fork") / "site")
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)
    assert build.ok, build.output
    return build.site


@pytest.mark.build
def test_a_fork_at_a_domain_root_builds_its_own_addresses_and_robots_txt(fork_site: Path) -> None:
    html = (fork_site / "pain" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://fork.example.org/pain/">' in html
    assert "microneedling-guide.github.io" not in html
    robots = (fork_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://fork.example.org/sitemap.xml" in robots.splitlines()
    assert "Sitemap: https://fork.example.org/es/sitemap.xml" in robots.splitlines(), "the Spanish edition's sitemap too"
    spanish = (fork_site / "es" / "pain" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://fork.example.org/es/pain/">' in spanish
    assert "microneedling-guide.github.io" not in spanish
    assert "<loc>https://fork.example.org/pain/</loc>" in (fork_site / "sitemap.xml").read_text(encoding="utf-8")
