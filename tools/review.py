"""Pages whose review is due within 30 days or overdue (`make review`).

Reads each page's ``last_reviewed`` and ``next_review`` front matter through
the same page scan a build runs, for both editions (docs/ and docs-es/), and prints a Markdown table (the weekly
check writes it into the run's summary). Always exits 0 when the project
loads: a due review is a reminder, not a failure.

    python -m tools.review [--within 30] [--today 2026-11-24]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from guide.build.library import SPANISH, load_project
from guide.content import pages

ROOT = Path(__file__).resolve().parent.parent

def _status(page: pages.PageInfo, today: dt.date) -> str:
    days = (page.next_review - today).days
    if days < 0:
        return f"**overdue** by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "**due today**"
    return f"due in {days} day{'s' if days != 1 else ''}"


def table(site: pages.Site, today: dt.date, within: int = 30, folder: str = "docs") -> str:
    """The Markdown report of pages due within ``within`` days of ``today``, or overdue (pages in ``folder``)."""
    due = pages.overdue(site, today, within_days=within)
    if not due:
        return f"No page is due for review in the next {within} days (checked {today}, {len(site.pages)} pages)."
    lines = [f"{len(due)} of {len(site.pages)} pages are due for review within {within} days or overdue (checked {today}).",
             "", "| Page | Title | Last reviewed | Next review | Status |", "| --- | --- | --- | --- | --- |"]
    for p in due:
        lines.append(f"| {folder}/{p.path} | {p.title.replace('|', '/')} | {p.last_reviewed} | {p.next_review} | {_status(p, today)} |")
    lines += ["", "To review a page: check every sentence against the article, then set `last_reviewed` to today "
              "and `next_review` to the next date it should be checked (see CONTRIBUTING.md)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--within", type=int, default=30, help="days ahead to look (default: 30)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="the date to check against (YYYY-MM-DD)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        site = load_project(root).site
        spanish = load_project(root, SPANISH).site if (root / "docs-es").is_dir() else None
    except Exception as exc:  # the build would stop with the same message
        print(f"The data file or a page has a problem, so review dates cannot be read:\n\n    {exc}")
        return 1
    print(table(site, args.today, args.within))
    if spanish is not None:  # the Spanish edition has its own review dates (docs-es/)
        print("\nSpanish edition (docs-es/):\n")
        print(table(spanish, args.today, args.within, folder="docs-es"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
