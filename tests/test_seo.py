"""Found by search engines, shared well: canonical, description, Open Graph and
Twitter tags, schema.org JSON-LD, sitemap.xml, robots.txt (only at a domain's root) and a helpful 404 page."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from guide.build.siteurl import site_url
from htmlpage import meta, page_file, parse, title
from support import CONFIG, NAV, Build, project_site

SITE_URL = site_url()


def _html(site: Build, src: str) -> str:
    return page_file(site.site, src).read_text(encoding="utf-8")


def _url(src: str) -> str:
    return SITE_URL + ("" if src == "index.md" else src.removesuffix(".md") + "/")


def _canonical(html: str) -> str | None:
    link = parse(html).select_one('link[rel="canonical"]')
    return None if link is None else str(link["href"])


def _json_ld(html: str) -> list[dict[str, Any]]:
    return [json.loads(block.get_text()) for block in parse(html).select('script[type="application/ld+json"]')]


@pytest.mark.parametrize("src", NAV)
def test_canonical_description_and_sharing_tags(site: Build, src: str) -> None:
    html = _html(site, src)
    info = project_site().pages[src]
    assert _canonical(html) == _url(src)
    assert (meta(html, "description")) == info.description
    assert (meta(html, "og:description")) == info.description
    assert (meta(html, "twitter:description")) == info.description
    assert meta(html, "og:url") == _url(src)
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:site_name") == CONFIG["site_name"]
    assert meta(html, "twitter:card") == "summary"
    og_title = meta(html, "og:title")
    assert og_title and og_title in title(html)
    assert meta(html, "og:title") == meta(html, "twitter:title")


@pytest.mark.parametrize("src", NAV)
def test_schema_org_medical_web_page(site: Build, src: str) -> None:
    html = _html(site, src)
    blocks = _json_ld(html)
    assert len(blocks) == 1, "one JSON-LD block per page"
    data = blocks[0]
    info = project_site().pages[src]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["url"] == _url(src)
    assert data["name"] == (meta(html, "og:title"))
    assert data["description"] == info.description
    assert data["dateModified"] == info.last_reviewed.isoformat(), "from the page's front matter"
    assert "lastReviewed" not in data, "no claim of a medical review (issue 23)"
    assert data["inLanguage"] == "en"
    assert data["about"] == {"@type": "MedicalProcedure", "name": "Microneedling"}
    assert data["isPartOf"] == {"@type": "WebSite", "name": CONFIG["site_name"], "url": SITE_URL}
    assert not {"reviewedBy", "author", "creator"} & set(data), "no invented reviewers or authors"


def test_sitemap_lists_every_page(site: Build) -> None:
    tree = ET.parse(site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text or "" for loc in tree.findall("s:url/s:loc", ns)]
    assert sorted(urls) == sorted(_url(src) for src in NAV)


def test_robots_txt_only_at_the_domain_root(site: Build) -> None:
    """Crawlers read /robots.txt only; the site lives under /guide/, so none is published there."""
    assert urlsplit(SITE_URL).path != "/"
    assert not (site.site / "robots.txt").exists()


def test_robots_txt_at_the_root_names_the_sitemap(tmp_path: Path) -> None:
    from guide.build.postbuild import robots_txt
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/</loc></url></urlset>", encoding="utf-8")
    written = robots_txt(tmp_path)
    assert written is not None
    robots = written.read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Disallow: /\n" not in robots
    assert "Sitemap: https://example.org/sitemap.xml" in robots.splitlines()
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://example.org/guide/</loc></url></urlset>",
                                          encoding="utf-8")
    assert robots_txt(tmp_path) is None and not (tmp_path / "robots.txt").exists()


def test_404_page_helps_and_is_not_indexed(site: Build) -> None:
    html = (site.site / "404.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "<h1" in html and "Page not found" in html
    base = re.sub(r"^https?://[^/]+", "", SITE_URL)  # /guide/
    assert f'href="{base}"' in html, "links the home page"
    for src in NAV:
        if src != "index.md":
            assert f'href="{base}{src.removesuffix(".md")}/"' in html, f"links {src}"
    assert "search" in html.lower()
    assert _canonical(html) is None and not _json_ld(html)


def test_no_third_party_addresses_in_the_pages(site: Build) -> None:
    """Nothing that loads by itself points elsewhere: stylesheets, scripts, fonts, images, frames."""
    own = re.escape(SITE_URL)
    for page in site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        tree = parse(html)
        loaders = [str(e["src"]) for e in tree.select("script[src], img[src], iframe[src], source[src], audio[src], video[src]")]
        loaders += [str(e["href"]) for e in tree.select("link[href]")
                    if {"stylesheet", "preconnect", "preload", "icon", "dns-prefetch"} & set(e.get_attribute_list("rel"))]
        loaders = [u for u in loaders if re.match(r"(https?:)?//", u)]  # addresses on another host, or this one in full
        assert [u for u in loaders if not re.match(own, u)] == [], page
        assert "api.github.com" not in html and 'data-md-component="source"' not in html, page
