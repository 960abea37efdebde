"""Valid HTML and no broken internal links, on every built page (404.html included).

* The Nu HTML Checker (vnu, pinned in package.json) checks all pages in one
  Java run: no errors allowed.
* The link checker follows every ``href``/``src`` that stays on the site
  (relative, absolute from the site's path, or under ``site_url``): the file
  must exist, and a ``#fragment`` must be an ``id`` on the target page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from guide.build.siteurl import site_url
from htmlpage import parse
from support import ROOT, Build, missing

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
SITE_URL = site_url()  # https://microneedling-guide.github.io/guide/
PREFIX = urlsplit(SITE_URL).path  # /guide/
# A short run: the JIT's first tier only (C1) starts and checks a dozen pages about 3x faster than
# the default; the checker needs a deep thread stack (its schema is recursive).
JAVA_FLAGS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "use": "href",
              "area": "href", "iframe": "src", "form": "action"}


def test_vnu_finds_no_errors(built: Build) -> None:
    """Both engines' builds (the ``built`` fixture), with the same bar: no errors at all."""
    site = built
    java = shutil.which("java")
    if not java or not VNU.exists():
        missing("The Nu HTML Checker needs Java and node_modules/vnu-jar.")
    pages = sorted(str(p) for p in site.site.rglob("*.html"))
    proc = subprocess.run([java, *JAVA_FLAGS, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except ValueError:
        raise AssertionError(f"the Nu checker gave no report (exit {proc.returncode}): {proc.stderr}{proc.stdout}") from None
    errors = [f"{Path(urlsplit(m.get('url', '')).path).relative_to(site.site)}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "\n".join(errors)
    assert len(pages) >= 12


@dataclass
class _Page:
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


def _parse(path: Path) -> _Page:
    """The page's link targets (href/src of LINK_ATTRS) and the ids (and <a name>s) a fragment can point at."""
    page = _Page()
    for tag in parse(path.read_text(encoding="utf-8")).find_all(True):
        for key in ("id", "name") if tag.name == "a" else ("id",):
            value = tag.get(key)
            if isinstance(value, str) and value:
                page.ids.add(value)
        attr = LINK_ATTRS.get(tag.name)
        link = tag.get(attr) if attr else None
        if tag.name == "use" and not link:
            link = tag.get("xlink:href")
        if isinstance(link, str):
            page.links.append(link)
    return page


def _page_url(site: Path, page: Path) -> str:
    """The address a page is served at, under the site's path: /guide/pain/ for pain/index.html."""
    rel = page.relative_to(site).as_posix()
    return PREFIX + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _target(site: Path, url_path: str) -> Path | None:
    """The built file an address under PREFIX points at (None if outside the site)."""
    if not url_path.startswith(PREFIX):
        return None
    rel = unquote(url_path[len(PREFIX):])
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") or path.is_dir() else path


def internal_link_problems(site: Path) -> list[str]:
    """Every broken internal link or anchor in the built ``site``."""
    parsed = {page: _parse(page) for page in sorted(site.rglob("*.html"))}
    problems = []
    for page, info in parsed.items():
        base = _page_url(site, page)
        where = page.relative_to(site).as_posix()
        for link in info.links:
            if link.startswith(SITE_URL):
                link = PREFIX + link[len(SITE_URL):]
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:  # other sites: tools/check_links.py, weekly
                continue
            full = urlsplit(urljoin(base, link))
            target = page if not parts.path else _target(site, full.path)
            if target is None or not target.is_file():
                problems.append(f"{where}: {link} -> no such file")
                continue
            fragment = unquote(full.fragment)
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    problems.append(f"{where}: {link} -> no id '{fragment}' on {target.relative_to(site).as_posix()}")
    return problems


def test_no_broken_internal_links_or_anchors(built: Build) -> None:
    problems = internal_link_problems(built.site)
    assert not problems, "\n".join(problems)


def test_link_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "pain").mkdir(parents=True)
    (site / "index.html").write_text('<a href="pain/#ok">ok</a> <a href="pain/#nope">x</a> <a href="gone/">y</a>'
                                     '<a href="#top">top</a><h1 id="top">T</h1><a href="https://example.org/">ext</a>')
    (site / "pain" / "index.html").write_text('<h2 id="ok">ok</h2><a href="../">home</a>'
                                              f'<link rel="canonical" href="{SITE_URL}pain/">'
                                              f'<a href="{PREFIX}index.html#missing">abs</a>')
    assert internal_link_problems(site) == [
        "index.html: pain/#nope -> no id 'nope' on pain/index.html",
        "index.html: gone/ -> no such file",
        "pain/index.html: /guide/index.html#missing -> no id 'missing' on index.html",
    ]
