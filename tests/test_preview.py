"""The pull-request preview (`make preview`, preview.yml) works unzipped and opened from disk.

Every link between pages, and every stylesheet, script and picture a page loads,
must name a file that exists (``pain.html``, not the folder ``pain/``, which a
browser opened on a file shows as a folder listing or not at all).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from htmlpage import parse
from support import BUILD_LIMIT, MKDOCS, ROOT
from tools.project import BUILD_PARTS, copy_project

ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "use": "href"}


def _links(html: str) -> list[str]:
    """Every address a page links or loads (ATTRS), and the theme script the page loads after its first paint."""
    links = []
    for tag in parse(html).find_all(True):
        for name in (ATTRS.get(tag.name), "data-after-paint" if tag.name == "script" else None):
            value = tag.get(name) if name else None
            if isinstance(value, str) and value:
                links.append(value)
    return links


def broken_file_links(site: Path) -> list[str]:
    """Relative links in the built pages that do not open a file from disk."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served by the host for any address; its links start at the site root
            continue
        for link in _links(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:  # another site, or an #anchor on this page
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    return broken


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project", (*BUILD_PARTS, "preview.yml", "preview.es.yml"))
    for config in ("preview.yml", "preview.es.yml"):  # as make preview does: English, then Spanish into es/
        proc = subprocess.run([MKDOCS, "build", "--strict", "--clean", "-f", config], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=BUILD_LIMIT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / "site-preview"


@pytest.mark.build
def test_preview_links_open_as_files(preview: Path) -> None:
    pages = sorted(p.name for p in preview.glob("*.html"))
    assert "pain.html" in pages and "index.html" in pages and len(pages) >= 12
    assert broken_file_links(preview) == []
    html = (preview / "pain.html").read_text(encoding="utf-8")
    assert 'href="aftercare.html"' in html
    assert 'es/pain.html" hreflang="es"' in html and (preview / "es" / "pain.html").is_file(), "the language link opens the pair"


def test_a_folder_link_is_caught(tmp_path: Path) -> None:
    (tmp_path / "pain").mkdir()
    (tmp_path / "index.html").write_text('<a href="pain/">x</a><a href="#top">y</a><a href="https://e.org/">z</a>',
                                         encoding="utf-8")
    assert broken_file_links(tmp_path) == ["index.html: pain/"]


def test_make_preview_builds_with_preview_yml() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict --clean -f preview.yml" in makefile
    assert "site-preview" in (ROOT / "preview.yml").read_text(encoding="utf-8")
