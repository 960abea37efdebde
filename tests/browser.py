"""Browser helpers for the tests: serve the built site locally, drive Debian's Chromium.

Fixtures (registered in conftest.py):

* ``server``: the session's strict build (``site`` fixture) served by a
  standard-library HTTP server on 127.0.0.1 and a free port, under the path of
  ``site_url`` (``/guide/``) as on GitHub Pages. Missing addresses get the
  site's 404.html with status 404.
* ``browser``: headless Chromium (/usr/bin/chromium) through Playwright, with
  no network outside 127.0.0.1 (``--host-resolver-rules``). If Chromium,
  Playwright or axe-core is missing, the test is skipped, and fails in CI
  (``CI=true``): a missing browser must never pass unnoticed there.

* ``tabs``: one open tab per viewport width for the whole session (phone:
  375 px, touch; desktop: 1280 px); a test visits its page in it
  (``with tabs.visit(server, path, width) as (page, log)``), so a page check
  costs a navigation, not a new tab and its renderer process.

Helpers: :func:`open_page` and :func:`new_tab` (for a test that needs a context of its own: a page that records console
errors, requests to other hosts and Content-Security-Policy violations, and
waits until the theme's script has started and the network is quiet),
:func:`run_axe` and :func:`switch_scheme`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import pytest

from guide.build.siteurl import site_url
from support import ROOT, Build
from support import missing as _missing

if TYPE_CHECKING:  # Playwright is imported when a browser test runs (missing: skipped, or failed in CI)
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Playwright, Request

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
@dataclass
class _Driver:
    playwright: Playwright | None = None
    users: int = 0


_DRIVER = _Driver()


def _playwright() -> Playwright:
    if _DRIVER.playwright is None:
        from playwright.sync_api import sync_playwright
        _DRIVER.playwright = sync_playwright().start()
    _DRIVER.users += 1
    return _DRIVER.playwright


def _release() -> None:
    _DRIVER.users -= 1
    if not _DRIVER.users and _DRIVER.playwright is not None:
        _DRIVER.playwright.stop()
        _DRIVER.playwright = None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium through Playwright, one per session."""
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
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # noqa: BLE001 - the message says what went wrong
        _release()
        missing(f"Chromium did not start: {exc}")
    yield chromium
    chromium.close()
    _release()


# Every Content-Security-Policy violation the page reports, kept from before the first byte is parsed.
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber
  + " " + (e.sample || "")));
"""

# The theme's script has started: the loader in overrides/main.html adds it after the first paint,
# and it defines document$ and runs its start-up on the DOMContentLoaded the loader sends again,
# in the same task. A function predicate: a string one would be eval'd, which the pages' CSP blocks.
THEME_STARTED = "() => typeof document$ !== 'undefined'"
QUIET_S = 0.15  # no request for this long (after the theme started) counts as a quiet network


@dataclass
class PageLog:
    """What a page did while it was open: console errors, page errors, requests to other hosts,
    Content-Security-Policy violations (console), and the requests still in flight."""

    errors: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    csp_console: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)
    last_request: float = field(default_factory=time.monotonic)

    def on_request(self, request: Request) -> None:
        self.in_flight.add(request)
        self.last_request = time.monotonic()
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if urlsplit(url).hostname != "127.0.0.1":
            self.third_party.append(url)

    def on_done(self, request: Request) -> None:
        self.in_flight.discard(request)
        self.last_request = time.monotonic()

    def on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.csp_console.append(message.text)
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"page error: {error}")

    def watch(self, page: Page) -> None:
        page.on("request", self.on_request)
        page.on("requestfinished", self.on_done)
        page.on("requestfailed", self.on_done)
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)

    def unwatch(self, page: Page) -> None:
        """Stop recording (the tab goes on to another test)."""
        page.remove_listener("request", self.on_request)
        page.remove_listener("requestfinished", self.on_done)
        page.remove_listener("requestfailed", self.on_done)
        page.remove_listener("console", self.on_console)
        page.remove_listener("pageerror", self.on_page_error)


def settle(page: Page, log: PageLog, timeout_s: float = 15.0) -> None:
    """Wait until the theme's script has started and no request has been in flight for QUIET_S
    (what ``networkidle`` waits for, without its fixed half second)."""
    page.wait_for_function(THEME_STARTED, timeout=timeout_s * 1000)
    end = time.monotonic() + timeout_s
    while log.in_flight or time.monotonic() - log.last_request < QUIET_S:
        if time.monotonic() > end:
            raise AssertionError(f"requests still in flight after {timeout_s} s: {[r.url for r in log.in_flight]}")
        page.wait_for_timeout(25)


def csp_violations(page: Page, log: PageLog) -> list[str]:
    """The page's Content-Security-Policy violations so far (events and console messages)."""
    page.evaluate("() => new Promise(done => setTimeout(done, 0))")  # the event is queued as a task
    events: list[str] = page.evaluate("() => window.__csp")
    return events + log.csp_console


def palette_script(scheme: str) -> str:
    """Init script choosing Material's colour scheme before the first paint.

    Material keeps the reader's choice in localStorage under "<site path>.__palette".
    """
    index = SCHEMES.index(scheme)
    value = {"index": index, "color": {"media": "", "scheme": scheme, "primary": "custom", "accent": "custom"}}
    return f"localStorage.setItem({json.dumps(PREFIX + '.__palette')}, {json.dumps(json.dumps(value))});"


def new_context(browser: Browser, *, scheme: str | None = None, width: int = 1280,
                system: Literal["light", "dark"] = "light") -> BrowserContext:
    """A browser context at ``width`` (below 600 px: a phone, touch), recording CSP violations;
    with ``scheme``, every page in it opens in that colour scheme."""
    mobile = width < 600
    context = browser.new_context(viewport={"width": width, "height": WIDTHS.get(width, 900)},
                                  is_mobile=mobile, has_touch=mobile, color_scheme=system)
    context.add_init_script(RECORD_CSP)
    if scheme:
        context.add_init_script(palette_script(scheme))
    return context


def new_tab(context: BrowserContext, server: Server, path: str = "") -> tuple[Page, PageLog]:
    """A new page in ``context`` at ``path``, watched by a :class:`PageLog`, returned once the
    theme's script has started and the network is quiet."""
    log = PageLog()
    page = context.new_page()
    log.watch(page)
    page.goto(server.url(path), wait_until="load")
    settle(page, log)
    return page, log


def open_page(browser: Browser, server: Server, path: str = "", *, scheme: str | None = None,
              width: int = 1280) -> tuple[BrowserContext, Page, PageLog]:
    """A new context and page at ``path``; returns (context, page, log). Close the context after use."""
    context = new_context(browser, scheme=scheme, width=width)
    page, log = new_tab(context, server, path)
    return context, page, log


class Tabs:
    """One open tab per viewport width for the session (``tabs`` fixture), each page opening in the
    light scheme. A test visits a page in it (:meth:`visit`): a navigation in an open tab costs
    about a third of the processor time of a new tab (no new renderer process), which is most of
    what the browser tests cost. A test that fails leaves its tab closed, so the next one starts
    afresh; a test that needs its own storage or settings opens its own context (:func:`open_page`)."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: dict[int, BrowserContext] = {}
        self.pages: dict[int, Page] = {}

    @contextlib.contextmanager
    def visit(self, server: Server, path: str, width: int = 1280) -> Iterator[tuple[Page, PageLog]]:
        """The page at ``path`` in the tab of ``width``, loaded and settled (:func:`settle`), with a
        fresh :class:`PageLog` that records only this visit."""
        if width not in self.contexts:
            self.contexts[width] = new_context(self.browser, scheme="default", width=width)
        page = self.pages.pop(width, None) or self.contexts[width].new_page()
        log = PageLog()
        log.watch(page)
        try:
            page.goto(server.url(path), wait_until="load")
            settle(page, log)
            yield page, log
        except BaseException:
            with contextlib.suppress(Exception):
                page.close()  # a failed test never hands its tab on
            raise
        log.unwatch(page)
        page.emulate_media(media="screen")
        self.pages[width] = page

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser: Browser) -> Iterator[Tabs]:
    shared = Tabs(browser)
    yield shared
    shared.close()


def scheme_of(page: Page) -> str:
    return str(page.evaluate("() => document.body.getAttribute('data-md-color-scheme')"))


def switch_scheme(page: Page, to: str) -> None:
    """Click the header's colour-scheme toggle, as a reader does, and wait until the switch is done."""
    # The toggle is the visible label pointing at the scheme's option (its title is in the page's language).
    option = page.locator(f"input.md-option[data-md-color-scheme='{to}']").first.get_attribute("id")
    page.locator(f"label[for='{option}']:visible").click()
    page.wait_for_function("""scheme => document.body.getAttribute('data-md-color-scheme') === scheme
                              && !document.body.hasAttribute('data-md-color-switching')""", arg=to)


def run_axe(page: Page, tags: list[str] = AXE_TAGS) -> list[str]:
    """axe-core's violations on the page as readable lines (empty when there are none)."""
    # Evaluated through the DevTools protocol, not added as an inline <script>: the pages'
    # Content-Security-Policy (guide/build/csp.py) blocks inline scripts it has no hash for.
    # Loaded once per page (it is 0.5 MB of script), run as often as asked.
    if page.evaluate("() => typeof axe") == "undefined":
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async (tags) => {
          const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
          return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n =>
            n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(1, 3).join(" "))}));
        }""",
        tags,
    )
    return [f"{v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations]
