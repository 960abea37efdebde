"""`make bench`: Lighthouse on every page, this site beside a plain Material build of the same pages.

    .venv/bin/python -m tools.bench [--runs 3] [--build-runs 5] [--pages pain,aftercare]

What it does, all on this machine and with no network:

1. Builds the site (strict, timed) into a temporary folder, and a *plain*
   Material site from the same Markdown: ``theme: {name: material}`` only
   (no overrides, no extra CSS, default font = Google Fonts, which cannot load
   offline), plugins search + macros, the same Markdown extensions and nav.
2. Serves each build gzip-compressed on 127.0.0.1 under /guide/, as on GitHub Pages.
3. Runs Lighthouse (bench/package.json, mobile preset, simulated throttling) on
   every page in the nav, ``--runs`` times each, and takes the median of each
   figure. Chromium (/usr/bin/chromium) cannot resolve any host but 127.0.0.1.
   The 404 page is not benchmarked: it is meant to be unindexable (noindex, status 404),
   which Lighthouse's SEO score counts against it; vnu and axe check it in the tests.
4. Computes the first-view weight of each page: gzip bytes of the HTML and of
   the CSS, JavaScript and fonts it loads (from the built files).
5. Builds both editions with Zensical as `make build-zensical` does (post-build step included)
   and computes the same first-view weight of every page.
6. Times full builds with MkDocs and Zensical (tools/time_builds.py).
7. Writes bench/report.md (committed; earlier runs are kept by hand in bench/history.md) and the
   raw Lighthouse JSON to bench/out/ (ignored).

Targets (issue 4): every category 100, LCP <= 1.3 s, first view <= 70 KiB.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urljoin, urlsplit

import yaml

from guide.build.siteurl import load_config, site_url
from tools.project import copy_project
from tools.time_builds import time_builds

ROOT = Path(__file__).resolve().parent.parent

BENCH = ROOT / "bench"
OUT = BENCH / "out"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ('--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run '
                '--disable-background-networking --disable-component-update --disable-sync '
                '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"')
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GZIP_TYPES = ("text/html", "text/css", "application/javascript", "text/javascript", "application/json",
              "image/svg+xml", "application/xml", "text/xml", "text/plain")
PROJECT_PARTS = ("macros.py", "guide", "includes", "data", "sources", "docs")
TARGETS = {"score": 100, "lcp_ms": 1300, "first_view_kib": 70}

PageFigures = dict[str, Any]
"""One page's figures, as ``bench/out/results.json`` keeps them (numbers and lists read from Lighthouse's JSON)."""

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
PREFIX = urlsplit(site_url()).path  # /guide/


# --- builds ----------------------------------------------------------------------


def _run_build(project: Path, site: Path, strict: bool, config: str = "mkdocs.yml") -> float:
    cmd = [str(MKDOCS), "build", "-f", config, "--clean", "--quiet", "--site-dir", str(site)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed in {project}:\n{proc.stdout}{proc.stderr}")
    return seconds


ZENSICAL = ROOT / ".venv-zensical" / "bin"


def zensical_site(dest: Path) -> Path:
    """Both editions built with Zensical and the shared post-build step, as `make build-zensical` does, in a copy."""
    project = copy_project(dest)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    steps = [[str(ZENSICAL / "zensical"), "build", "-f", "zensical.yml", "--clean", "--strict"],
             [str(ZENSICAL / "python"), "-m", "guide.build.postbuild", "site-zensical", "--edition", "es/"],
             [str(ZENSICAL / "python"), "-m", "guide.build.preflight", "--flatten"],  # writes .zensical.es.yml, as make does
             [str(ZENSICAL / "zensical"), "build", "-f", ".zensical.es.yml", "--clean", "--strict"],
             [str(ZENSICAL / "python"), "-m", "guide.build.postbuild", "site-zensical/es"]]
    for cmd in steps:
        proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(cmd[-4:])} failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return project / "site-zensical"


def plain_project(dest: Path) -> Path:
    """A copy of the pages with a default Material configuration (what the guide would be out of the box)."""
    copy_project(dest, PROJECT_PARTS)
    full = load_config()
    plain = {
        "site_name": full["site_name"], "site_url": full["site_url"], "site_description": full["site_description"],
        "theme": {"name": "material"},
        "plugins": ["search", {"macros": full["plugins"][1]["macros"]}],
        "markdown_extensions": full["markdown_extensions"],
        "nav": full["nav"],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return dest


# --- a gzip server ----------------------------------------------------------------


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under PREFIX, gzip-compressed like GitHub Pages, long cache for assets/."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | None:
        url_path = urlsplit(self.path).path
        if not url_path.startswith(PREFIX):
            self.send_error(404)
            return None
        path = Path(self.directory) / url_path[len(PREFIX):]
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.end_headers()
                return None
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        data = path.read_bytes()
        ctype = self.guess_type(str(path))
        zipped = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.split(";")[0] in GZIP_TYPES
        if zipped:
            data = gzip.compress(data, 9, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "public, max-age=31536000" if "/assets/" in url_path else "max-age=600")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"


# --- first-view weight -------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        href = a.get("href")
        # data-after-paint: the theme script overrides/main.html loads after the first paint
        src = a.get("src") or a.get("data-after-paint")
        if tag == "link" and (a.get("rel") or "") in ("stylesheet", "preload", "modulepreload") and href:
            self.urls.append(href)
        elif tag == "script" and src:
            self.urls.append(src)


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


class FirstView(TypedDict):
    """What a reader's browser fetches before the first paint, gzip-compressed."""

    bytes: int
    kib: float
    external: list[str]  # addresses on other hosts, not counted
    parts: dict[str, int]  # bytes of the HTML and of each asset, by file name


def first_view(site: Path, page: str) -> FirstView:
    """Gzip bytes of a page's HTML and the CSS, JS and fonts it loads; other hosts listed, not counted."""
    html_file = site / page / "index.html" if page else site / "index.html"
    html = html_file.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    base = PREFIX + page
    total, parts = _gz(html), {"html": _gz(html)}
    external: list[str] = []
    for url in dict.fromkeys(parser.urls):
        full = urlsplit(urljoin(base, url))
        if full.netloc:
            external.append(url)
            continue
        asset = site / full.path[len(PREFIX):]
        data = asset.read_bytes()
        size = _gz(data)
        total += size
        parts[asset.name] = size
        if asset.suffix == ".css":  # fonts a stylesheet pulls in
            for font in re.findall(rb"url\(([^)]+\.(?:woff2?|ttf|otf))\)", data):
                font_path = urlsplit(urljoin(full.path, font.decode().strip("'\""))).path
                fp = site / font_path[len(PREFIX):]
                if fp.is_file():
                    total += len(fp.read_bytes())
    return {"bytes": total, "kib": round(total / 1024, 1), "external": external, "parts": parts}


# --- Lighthouse -----------------------------------------------------------------------


def lighthouse(url: str, out: Path) -> PageFigures:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = ["node", str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
           "--only-categories=" + ",".join(CATEGORIES), "--output=json", f"--output-path={out}"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode or not out.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    result: PageFigures = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    result["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    result["tbt_ms"] = audits["total-blocking-time"]["numericValue"]
    result["transfer_bytes"] = audits["total-byte-weight"]["numericValue"]
    for c in CATEGORIES:  # the audits that cost points, per category
        refs = [ref["id"] for ref in report["categories"][c]["auditRefs"] if ref.get("weight")]
        result[f"failed_{c}"] = sorted(i for i in refs if audits[i].get("score") is not None and audits[i]["score"] < 1)
    return result


def bench_site(name: str, site: Path, pages: list[str], runs: int) -> dict[str, PageFigures]:
    httpd, base = serve(site)
    results: dict[str, PageFigures] = {}
    try:
        for page in pages:
            samples = []
            for run in range(runs):
                out = OUT / name / f"{(page or 'index').strip('/').replace('/', '_')}-{run + 1}.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                samples.append(lighthouse(base + page, out))
            med: PageFigures = {k: statistics.median(s[k] for s in samples) for k in (*CATEGORIES, "lcp_ms", "tbt_ms", "transfer_bytes")}
            med["tbt_runs"] = sorted(s["tbt_ms"] for s in samples)
            for c in CATEGORIES:
                med[f"failed_{c}"] = sorted({a for s in samples for a in s[f"failed_{c}"]})
            med["first_view"] = first_view(site, page)
            results[page] = med
            print(f"  {name:6} /{page:24} " + " ".join(f"{c[:4]}={med[c]:.0f}" for c in CATEGORIES)
                  + f" lcp={med['lcp_ms']:.0f}ms tbt={med['tbt_ms']:.0f}ms first-view={med['first_view']['kib']}KiB", flush=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
    return results


# --- report ---------------------------------------------------------------------------------


def _row(page: str, r: PageFigures) -> str:
    cells = [f"{r[c]:.0f}" for c in CATEGORIES]
    tbt = f"{r['tbt_ms']:.0f} ms ({r['tbt_runs'][0]:.0f}–{r['tbt_runs'][-1]:.0f})"
    return (f"| /{page} | " + " | ".join(cells) + f" | {r['lcp_ms'] / 1000:.2f} s | {tbt} | {r['first_view']['kib']} KiB"
            f" | {r['transfer_bytes'] / 1024:.1f} KiB |")


def _misses(results: dict[str, PageFigures]) -> list[str]:
    out = []
    for page, r in results.items():
        for c in CATEGORIES:
            if r[c] < TARGETS["score"]:
                out.append(f"/{page}: {c} {r[c]:.0f} ({', '.join(r[f'failed_{c}']) or 'no single audit'})")
        if r["lcp_ms"] > TARGETS["lcp_ms"]:
            out.append(f"/{page}: LCP {r['lcp_ms'] / 1000:.2f} s")
        if r["first_view"]["kib"] > TARGETS["first_view_kib"]:
            out.append(f"/{page}: first view {r['first_view']['kib']} KiB")
    return out


def _zensical_section(zensical: dict[str, FirstView] | str, guide: dict[str, PageFigures]) -> list[str]:
    """First view of every page as Zensical builds it (post-build step included), beside MkDocs'."""
    lines = ["## Zensical build, first view", ""]
    if isinstance(zensical, str):
        return lines + [f"Not measured ({zensical}).", ""]
    over = [f"/{p}" for p, fv in zensical.items() if fv["kib"] > TARGETS["first_view_kib"]]
    lines += ["`make build-zensical` (Zensical " + _zensical_version() + ", both editions, post-build step included); "
              "the same first-view measure as above. Lighthouse runs on the MkDocs build only.", "",
              "| page | Zensical first view (gzip) | MkDocs first view | Zensical theme script |", "|---|---|---|---|"]
    for page, fv in zensical.items():
        script = next((size for name, size in fv["parts"].items() if name.startswith("bundle.") and name.endswith(".js")), 0)
        mk = f"{guide[page]['first_view']['kib']} KiB" if page in guide else "not measured"
        lines.append(f"| /{page} | {fv['kib']} KiB | {mk} | {script / 1024:.1f} KiB |")
    lines += ["", "Over the first-view target: " + (", ".join(over) or "none."), ""]
    return lines


def _zensical_version() -> str:
    found = sorted((ROOT / ".venv-zensical" / "lib").glob("python*/site-packages/zensical-*.dist-info"))
    return found[-1].name.removeprefix("zensical-").removesuffix(".dist-info") if found else "?"


HISTORY = BENCH / "history.md"


def report(guide: dict[str, PageFigures], plain: dict[str, PageFigures], builds: dict[str, float],
           engines: dict[str, float] | str, runs: int, zensical: dict[str, FirstView] | str = "not run",
           build_runs: int = 5) -> str:
    head = ("| page | performance | accessibility | best practices | SEO | LCP | total blocking time (runs) | "
            "first view (gzip) | Lighthouse transfer |\n|---|---|---|---|---|---|---|---|---|")
    lines = [
        "# Benchmark: speed, accessibility, best practices, SEO",
        "",
        f"Written by `make bench` (tools/bench.py) on {time.strftime('%Y-%m-%d')}. Lighthouse "
        f"{json.loads((LIGHTHOUSE.parent.parent / 'package.json').read_text())['version']}, mobile preset "
        f"(simulated slow 4G, 4x CPU slowdown), " + (f"median of {runs} runs" if runs > 1 else "one run") + " per page; Debian Chromium, "
        "headless, no network beyond 127.0.0.1; the site served gzip-compressed under /guide/.",
        "",
        "*First view* = gzip bytes of the page's HTML plus the CSS, JavaScript and fonts it loads, "
        "computed from the built files. *Lighthouse transfer* = everything Lighthouse saw load, "
        "including the search index and favicon fetched after the page is usable. *Total blocking "
        "time* (median, and the lowest and highest run) is what costs performance points here: the "
        "part of each main-thread task beyond 50 ms, between first contentful paint and time to "
        "interactive, on the 4x-slowed CPU.",
        "",
        f"Targets: every score {TARGETS['score']}, LCP <= {TARGETS['lcp_ms'] / 1000} s, "
        f"first view <= {TARGETS['first_view_kib']} KiB.",
        "",
        "## This guide",
        "",
        head, *[_row(p, r) for p, r in guide.items()],
        "",
        "Missed targets: " + ("; ".join(_misses(guide)) or "none."),
        "",
        "## Plain Material, same pages",
        "",
        "`theme: {name: material}` and nothing else from this project's theme settings: no overrides, "
        "no extra CSS, default palette and font. The default font is Google Fonts; with no network it "
        "fails to load, so this build's real first view is larger than shown (its font files are "
        "not counted) and its best-practices score includes the failed requests.",
        "",
        head, *[_row(p, r) for p, r in plain.items()],
        "",
        "Missed targets: " + ("; ".join(_misses(plain)) or "none."),
        "",
        *_zensical_section(zensical, guide),
        "## Build times",
        "",
        "| build | seconds |",
        "|---|---|",
        f"| this guide, MkDocs, strict (in this run) | {builds['guide']:.2f} |",
        f"| plain Material, MkDocs (in this run) | {builds['plain']:.2f} |",
    ]
    if isinstance(engines, dict):
        lines += [f"| this guide, {name} (median of {build_runs}, tools/time_builds.py) | {secs:.2f} |"
                  for name, secs in engines.items()]
    else:
        lines += ["", f"MkDocs vs Zensical: not measured ({engines})."]
    lines += ["", f"Earlier measurements, and the choices they explain: [{HISTORY.name}]({HISTORY.name}) "
              "(kept by hand; `make bench` rewrites only this file).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    ap.add_argument("--build-runs", type=int, default=5, help="builds per engine for tools/time_builds.py")
    ap.add_argument("--pages", default="", help="comma-separated page paths (default: every page in the nav)")
    ap.add_argument("--report", default=str(BENCH / "report.md"))
    args = ap.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci --prefix bench` (make bench does).", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"Chromium is missing at {CHROMIUM}: bash tools/ensure-chromium.sh", file=sys.stderr)
        return 1
    nav = [next(iter(item.values())) for item in CONFIG["nav"]]
    pages = [("" if src == "index.md" else src.removesuffix(".md") + "/") for src in nav]
    pages += ["es/" + page for page in pages]  # the Spanish edition, built into es/ (issue 15)
    if args.pages:
        pages = [p.strip().strip("/") + "/" if p.strip() not in ("", "/") else "" for p in args.pages.split(",")]
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp_path = Path(tmp)
        print("Building the guide and a plain Material site...", flush=True)
        builds = {"guide": _run_build(ROOT, tmp_path / "guide", strict=True)}
        builds["guide (Spanish edition)"] = _run_build(ROOT, tmp_path / "guide" / "es", strict=True, config="mkdocs.es.yml")
        builds["plain"] = _run_build(plain_project(tmp_path / "plain"), tmp_path / "plain-site", strict=False)
        print(f"Lighthouse, {args.runs} runs per page:", flush=True)
        guide = bench_site("guide", tmp_path / "guide", pages, args.runs)
        plain = bench_site("plain", tmp_path / "plain-site", [p for p in pages if not p.startswith("es/")], args.runs)
        print("Building with Zensical (first view)...", flush=True)
        try:
            zsite = zensical_site(tmp_path / "zensical")
            zensical: dict[str, FirstView] | str = {page: first_view(zsite, page) for page in pages}
        except (RuntimeError, OSError) as exc:
            zensical = str(exc)[:300]
    print("Timing MkDocs and Zensical builds...", flush=True)
    try:
        engines: dict[str, float] | str = time_builds(runs=args.build_runs)
    except RuntimeError as exc:
        engines = str(exc)
    (OUT / "results.json").write_text(json.dumps({"guide": guide, "plain": plain, "builds": builds,
                                                  "engines": engines, "zensical": zensical}, indent=2), encoding="utf-8")
    text = report(guide, plain, builds, engines, args.runs, zensical, args.build_runs)
    Path(args.report).write_text(text, encoding="utf-8")
    print(f"Wrote {Path(args.report).relative_to(ROOT) if Path(args.report).is_relative_to(ROOT) else args.report}")
    misses = _misses(guide)
    if misses:
        print("Missed targets:\n  " + "\n  ".join(misses), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
