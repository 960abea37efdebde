"""Browser helpers for the tests: serve the built site locally, drive Debian's Chromium.

Fixtures (import them into a test module: ``from browser import browser, server``):

* ``server``: the session's strict build (``site`` fixture) served by a
  standard-library HTTP server on 127.0.0.1 and a free port, under the path of
  ``site_url`` (``/guide/``) as on GitHub Pages. Missing addresses get the
  site's 404.html with status 404.
* ``browser``: headless Chromium (/usr/bin/chromium) through Playwright, with
  no network outside 127.0.0.1 (``--host-resolver-rules``). If Chromium,
  Playwright or axe-core is missing, the test is skipped, and fails in CI
  (``CI=true``): a missing browser must never pass unnoticed there.

Helpers: :func:`open_page` (a page in a chosen colour scheme and width that
records console errors and requests to other hosts) and :func:`run_axe`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from guide.siteurl import site_url
from support import ROOT, Build
from support import missing as _missing

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {375: 812, 1280: 900}  # viewport width: height
SCHEMES = ("default", "slate")  # Material's light and dark schemes

_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
PREFIX = urlsplit(site_url()).path  # "/guide/"


def missing(what: str) -> None:
    """Skip the test, or fail it in CI, because a tool the browser tests need is missing (support.missing)."""
    _missing(what)


def site_pages(site: Path) -> list[str]:
    """Every built HTML page as a path under the site: "", "pain/", ..., "404.html"."""
    out = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        out.append(rel.removesuffix("index.html"))
    return out


# --- the local server -----------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under PREFIX; anything else, or a missing file, is the 404 page."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Server:
    root: Path
    base: str  # "http://127.0.0.1:PORT/guide/"

    def url(self, path: str = "") -> str:
        return self.base + path


# One server per site folder, shared by the fixtures that serve it, stopped by the last one out.
_SERVING: dict[Path, tuple[http.server.ThreadingHTTPServer, threading.Thread, int]] = {}


@contextlib.contextmanager
def serving(root: Path) -> Iterator[Server]:
    """The site folder ``root`` on http://127.0.0.1:<free port>/guide/ until the block ends."""
    if root not in _SERVING:
        handler = functools.partial(_Handler, directory=str(root))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
        thread.start()
        _SERVING[root] = (httpd, thread, 0)
    httpd, thread, users = _SERVING[root]
    _SERVING[root] = (httpd, thread, users + 1)
    try:
        yield Server(root, f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}")
    finally:
        httpd, thread, users = _SERVING[root]
        if users > 1:
            _SERVING[root] = (httpd, thread, users - 1)
        else:
            del _SERVING[root]
            httpd.shutdown()
            httpd.server_close()
            thread.join(timeout=5)


@pytest.fixture(scope="session")
def server(site: Build) -> Iterator[Server]:
    """The built site on http://127.0.0.1:<free port>/guide/, stopped at the end of the session."""
    with serving(site.site) as served:
        yield served


# --- the browser -------------------------------------------------------------------


# Playwright's sync API runs one instance per thread; conftest.py registers one browser fixture
# for the session, and the count keeps a second user (if any) from stopping it early.
_PLAYWRIGHT: dict[str, object] = {}


def _playwright() -> object:
    if not _PLAYWRIGHT:
        from playwright.sync_api import sync_playwright
        _PLAYWRIGHT["pw"] = sync_playwright().start()
        _PLAYWRIGHT["users"] = 0
    _PLAYWRIGHT["users"] += 1  # type: ignore[operator]
    return _PLAYWRIGHT["pw"]


def _release() -> None:
    _PLAYWRIGHT["users"] -= 1  # type: ignore[operator]
    if not _PLAYWRIGHT["users"]:
        _PLAYWRIGHT.pop("pw").stop()  # type: ignore[attr-defined]
        _PLAYWRIGHT.clear()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium through Playwright, one per session (per importing module)."""
    if not Path(CHROMIUM).exists():
        missing(f"Chromium is not installed at {CHROMIUM}.")
    if not AXE.exists():
        missing(f"axe-core is missing ({AXE.relative_to(ROOT)}).")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("Playwright for Python is not installed (requirements-test.txt).")
    pw = _playwright()
    try:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - the message says what went wrong
        _release()
        missing(f"Chromium did not start: {exc}")
    yield chromium
    chromium.close()
    _release()


@dataclass
class PageLog:
    """What a page did while it was open."""

    server: Server
    errors: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)

    def on_request(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")):
            return
        if host != "127.0.0.1":
            self.third_party.append(url)

    def on_console(self, message: object) -> None:
        if message.type == "error":  # type: ignore[attr-defined]
            self.errors.append(f"console: {message.text}")  # type: ignore[attr-defined]


def palette_script(scheme: str) -> str:
    """Init script choosing Material's colour scheme before the first paint.

    Material keeps the reader's choice in localStorage under "<site path>.__palette".
    """
    index = SCHEMES.index(scheme)
    value = {"index": index, "color": {"media": "", "scheme": scheme, "primary": "custom", "accent": "custom"}}
    return f"localStorage.setItem({json.dumps(PREFIX + '.__palette')}, {json.dumps(json.dumps(value))});"


def open_page(browser: object, server: Server, path: str = "", *, scheme: str | None = None,
              width: int = 1280, wait: str = "networkidle") -> tuple[object, object, PageLog]:
    """A new context and page at ``path``; returns (context, page, log). Close the context after use."""
    mobile = width < 600
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": WIDTHS.get(width, 900)},
        is_mobile=mobile, has_touch=mobile, color_scheme="light",
    )
    if scheme:
        context.add_init_script(palette_script(scheme))
    log = PageLog(server)
    page = context.new_page()
    page.on("request", log.on_request)
    page.on("console", log.on_console)
    page.on("pageerror", lambda exc: log.errors.append(f"page error: {exc}"))
    page.goto(server.url(path), wait_until=wait)
    return context, page, log


def run_axe(page: object, tags: list[str] = AXE_TAGS) -> list[str]:
    """axe-core's violations on the page as readable lines (empty when there are none)."""
    # Evaluated through the DevTools protocol, not added as an inline <script>: the pages'
    # Content-Security-Policy (guide/csp.py) blocks inline scripts it has no hash for.
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    violations = page.evaluate(  # type: ignore[attr-defined]
        """async (tags) => {
          const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
          return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n =>
            n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(1, 3).join(" "))}));
        }""",
        tags,
    )
    return [f"{v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations]
