"""Two touches to the HTML after a MkDocs build: valid toggles, and lighter pages.

1. Valid markup for Material's two hidden toggles (:func:`finish_site`).
2. Less to download (:func:`slim`): the comments of the inlined stylesheets
   (overrides/stylesheets/, documented for editors) and the indentation of the
   theme's templates are dropped. Together about 1.8 KiB gzip a page, which keeps
   every page's first view under 70 KiB (bench/report.md).

Toggles in detail:

Material 9.8's ``base.html`` writes, outside any template block (so no override
can reach it)::

    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">

``autocomplete`` is not allowed on a checkbox (Nu HTML Checker error). It only
stops Firefox restoring the toggles on back/forward, so removing it is harmless.
``macros.py``'s ``on_post_build`` (called by mkdocs-macros after the build)
runs :func:`finish_site` on the site folder. Zensical does not call it; its
theme has its own markup.

If Material's markup changes, the build stops with a message saying so, rather
than quietly leaving invalid HTML (tests/test_html_quality.py runs vnu too).
"""

from __future__ import annotations

import re
from pathlib import Path

TOGGLES = ("__drawer", "__search")


class MarkupChanged(RuntimeError):
    """Material no longer writes the toggles this module fixes."""


_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)  # whitespace there can matter
_STYLE = re.compile(r"(<style>)(.*?)(</style>)", re.S)  # only the guide's own, inlined styles
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_INDENT = re.compile(r"[ \t\r]*\n[ \t\r\n]*")  # ASCII white space only: a no-break space is content


def slim(html: str) -> str:
    """Drop CSS comments in ``<style>`` and indentation around line breaks.

    A run of white space that holds a line break renders as one space, so it
    becomes a single line break: nothing a reader sees changes. ``<pre>``,
    ``<textarea>`` and ``<script>`` are left as they are. (The guide's styles
    hold no ``/*`` inside a string.)
    """
    html = _STYLE.sub(lambda m: m[1] + _COMMENT.sub("", m[2]) + m[3], html)
    parts = _KEEP.split(html)
    # re.split with two groups yields [text, whole, tag, text, whole, tag, ...]
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def finish_site(site_dir: str | Path) -> int:
    """Remove ``autocomplete="off"`` from the two toggles in every HTML page, and :func:`slim` it.

    Returns the number of pages fixed.
    """
    fixed = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if 'data-md-toggle="drawer"' not in html:  # not a themed page
            continue
        for toggle in TOGGLES:
            old = f'type="checkbox" id="{toggle}" autocomplete="off">'
            new = f'type="checkbox" id="{toggle}">'
            if old in html:
                html = html.replace(old, new, 1)
            elif new not in html:
                raise MarkupChanged(
                    f"{page}: Material's hidden toggle #{toggle} is not written as expected "
                    f"(looked for '{old}'). Material's base.html changed: update guide/postbuild.py."
                )
        page.write_text(slim(html), encoding="utf-8")
        fixed += 1
    if not fixed:
        raise MarkupChanged(f"{site_dir}: no Material page found to fix (looked for data-md-toggle=\"drawer\").")
    return fixed
