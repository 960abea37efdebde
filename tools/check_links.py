"""Check the external links of the built site (run weekly, never in the tests).

Reads every ``href``/``src`` that starts with http:// or https:// from the
HTML under the site folder, asks each address once (HEAD, then GET if HEAD is
refused) and lists the broken ones with the pages that link to them.
Addresses under the site's own URL are skipped (the strict build checks
internal links). Exits 1 if a link is broken; a site that refuses robots
(401, 403, 429) is reported as "could not check", not as broken.

    python -m tools.check_links site [--summary FILE] [--timeout 20]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from guide.build.siteurl import site_url

USER_AGENT = "Mozilla/5.0 (compatible; microneedling-guide-link-check)"
UNCHECKABLE = {401, 403, 429}
SKIP_PREFIXES = ("https://fonts.googleapis.com", "https://fonts.gstatic.com")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":  # stylesheets, canonical and alternate addresses: the site's own
            return
        for name, value in attrs:
            if name in ("href", "src") and value and value.startswith(("http://", "https://")):
                self.found.append(value.split("#", 1)[0])


def external_links(site: Path, own: str = "") -> dict[str, list[str]]:
    """Each external address, with the pages (relative to ``site``) that link to it."""
    out: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        rel = page.relative_to(site).as_posix()
        for url in dict.fromkeys(parser.found):
            if (own and url.startswith(own)) or url.startswith(SKIP_PREFIXES):
                continue
            if rel not in out[url]:
                out[url].append(rel)
    return dict(out)


def check(url: str, timeout: float = 20) -> tuple[str, str]:
    """``("ok" | "broken" | "unchecked", detail)`` for one address."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return "ok", str(response.status)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 404, 405, 501):
                continue  # some servers refuse HEAD only; ask again with GET
            if exc.code in UNCHECKABLE:
                return "unchecked", f"{exc.code} {exc.reason}"
            return "broken", f"{exc.code} {exc.reason}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return "broken", str(getattr(exc, "reason", exc))
    return "broken", "no answer"


def report(results: dict[str, tuple[str, str]], pages: dict[str, list[str]]) -> str:
    bad = {u: r for u, r in results.items() if r[0] != "ok"}
    head = (f"Checked {len(results)} external links: "
            f"{sum(r[0] == 'broken' for r in results.values())} broken, "
            f"{sum(r[0] == 'unchecked' for r in results.values())} could not be checked.")
    if not bad:
        return head
    lines = [head, "", "| Link | Result | Pages |", "| --- | --- | --- |"]
    for url, (state, detail) in sorted(bad.items(), key=lambda kv: (kv[1][0], kv[0])):
        label = "broken" if state == "broken" else "could not check"
        lines.append(f"| {url} | {label}: {detail} | {', '.join(pages[url])} |")
    return "\n".join(lines)


def _site_url(site: Path) -> str:
    config = site.parent / "mkdocs.yml"
    return site_url(config) if config.exists() else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--summary", type=Path, help="also append the report to this file (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--own", default=None, help="the site's own address, skipped (default: site_url from mkdocs.yml)")
    args = parser.parse_args(argv)
    pages = external_links(args.site, args.own if args.own is not None else _site_url(args.site.resolve()))
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(pages, pool.map(lambda u: check(u, args.timeout), pages)))
    text = report(results, pages)
    print(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as fh:
            fh.write("## External links\n\n" + text + "\n")
    return 1 if any(state == "broken" for state, _ in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
