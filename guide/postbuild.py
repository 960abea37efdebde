"""One fix to Material's HTML after a MkDocs build: valid markup for its two hidden toggles.

Material 9.8's ``base.html`` writes, outside any template block (so no override
can reach it)::

    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">

``autocomplete`` is not allowed on a checkbox (Nu HTML Checker error). It only
stops Firefox restoring the toggles on back/forward, so removing it is harmless.
``macros.py``'s ``on_post_build`` (called by mkdocs-macros after the build)
runs :func:`fix_toggles` on the site folder. Zensical does not call it; its
theme has its own markup.

If Material's markup changes, the build stops with a message saying so, rather
than quietly leaving invalid HTML (tests/test_html_quality.py runs vnu too).
"""

from __future__ import annotations

from pathlib import Path

TOGGLES = ("__drawer", "__search")


class MarkupChanged(RuntimeError):
    """Material no longer writes the toggles this module fixes."""


def fix_toggles(site_dir: str | Path) -> int:
    """Remove ``autocomplete="off"`` from the two toggles in every HTML page; return pages fixed."""
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
        page.write_text(html, encoding="utf-8")
        fixed += 1
    if not fixed:
        raise MarkupChanged(f"{site_dir}: no Material page found to fix (looked for data-md-toggle=\"drawer\").")
    return fixed
