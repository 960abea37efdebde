"""A strict Content-Security-Policy for every page, as a ``<meta>`` tag (GitHub Pages sends no headers).

The last post-build step (``macros.py``'s ``on_post_build``, or ``python -m guide.build.postbuild SITE``).
Each page is first read with the browsers' parser and checked (guide/content/htmlcheck.py): its content
against the content list, the rest against the theme's. Then the policy approves, by SHA-256, only
the inline ``<script>`` and ``<style>`` blocks a template marked ``data-guide-inline``
(overrides/main.html, overrides/partials/): the theme's own. Any other inline script or style,
a ``<meta http-equiv>``, a frame, a plug-in, a ``<base>``, a form that sends, an event or style
attribute, stops the build with the page and what was found. So a script that reaches a page
through Markdown, data or a partial is never approved: it stops the build, and if it were published
it would not run.

The policy allows:

* scripts and styles from the site itself, plus exactly the marked inline ones on that page;
  no ``'unsafe-inline'``;
* images from the site and ``data:`` (Material's icons in its stylesheet);
* ``connect-src`` and ``worker-src 'self'`` for search (a worker fetching the search index);
* nothing else: ``default-src 'none'``, ``base-uri 'none'``, ``object-src 'none'``, ``form-action 'self'``.

The ``<meta>`` goes right after ``<meta charset>``, before anything that loads or runs (a policy in
``<meta>`` covers only what follows it; the charset must stay within the first 1024 bytes).
A ``<meta name="referrer">`` goes with it: links to other sites get no address of the page read.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from guide.content import htmlcheck
from guide.errors import GuideError, GuideErrors

REFERRER = "same-origin"
META_CSP = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
META_REFERRER = f'<meta name="referrer" content="{REFERRER}">'
CHARSET = '<meta charset="utf-8">'
FIXED = {
    "default-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "form-action": ["'self'"],
}
ORDER = ("default-src", "script-src", "style-src", "img-src", "connect-src", "worker-src", "base-uri", "object-src",
         "form-action")


class PolicyError(GuideErrors):
    """A page holds something the policy must not approve (listed, every page at once)."""


def sha256(text: str) -> str:
    """The CSP source for an inline block: ``'sha256-<base64>'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Zensical's theme script draws its search dialog in a shadow root with a <style> whose text
# is a string constant of the script: C("style",{},Tc.toString()). Its hash is allowed too.
# (JavaScript, not markup: a regular expression over the theme's own minified bundle.)
_SCRIPT_STYLE = re.compile(r'C\("style",\{\},(\w+)\.toString\(\)\)')


def script_styles(site_dir: str | Path) -> list[str]:
    """The text of the ``<style>`` elements the theme's script adds at run time (Zensical's search)."""
    out = []
    for bundle in sorted((Path(site_dir) / "assets" / "javascripts").glob("bundle.*.min.js")):
        code = bundle.read_text(encoding="utf-8")
        for name in _SCRIPT_STYLE.findall(code):
            value = re.search(r"[,;\s]" + re.escape(name) + r"""=(['"])((?:(?!\1)[^\\])*)\1""", code)
            if not value:
                raise PolicyError([GuideError(str(bundle), f"the theme's script adds a <style> from '{name}', whose text "
                                              "was not found", fix="the theme changed: update guide/build/csp.py.")])
            out.append(value[2])
    return out


def build_policy(scripts: Sequence[str], styles: Sequence[str]) -> str:
    """The fixed directives plus the hashes of the approved inline scripts and styles."""
    directives = dict(FIXED)
    directives["script-src"] = ["'self'", *sorted(set(map(sha256, scripts)))]
    directives["style-src"] = ["'self'", *sorted(set(map(sha256, styles)))]
    return "; ".join(f"{name} {' '.join(directives[name])}" for name in ORDER)


def _without_policy(html: str) -> str:
    """``html`` without the metas a previous run put after ``<meta charset>`` (a second run replaces them)."""
    at = html.find(CHARSET)
    if at < 0:
        return html
    after = at + len(CHARSET)
    head = META_CSP.split("{policy}")[0]
    if html.startswith(head, after):
        end = html.find('">', after + len(head))
        if end >= 0 and html.startswith(META_REFERRER, end + 2):
            return html[:after] + html[end + 2 + len(META_REFERRER):]
    return html


def check(html: str, where: str = "page", extra_styles: Sequence[str] = ()) -> tuple[str, list[GuideError]]:
    """The page's policy, and the problems that stop it (from guide/content/htmlcheck.py's lists)."""
    result = htmlcheck.check_page(html)
    errors = [GuideError(where, p.what, found=p.found, expected=p.expected, fix=p.fix) for p in result.problems]
    return build_policy(result.scripts, [*result.styles, *extra_styles]), errors


def policy(html: str, extra_styles: Sequence[str] = ()) -> str:
    """The policy of a page: its marked inline scripts and styles (and ``extra_styles``) by hash."""
    return check(_without_policy(html), extra_styles=extra_styles)[0]


def secure(html: str, where: str = "page", extra_styles: Sequence[str] = ()) -> str:
    """``html`` with the policy and referrer metas right after ``<meta charset>`` (replacing old ones);
    raises ``PolicyError`` listing every problem of the page."""
    html = _without_policy(html)
    text, errors = check(html, where, extra_styles)
    at = html.find(CHARSET)
    if at < 0:
        errors.append(GuideError(where, f'no {CHARSET} to put the Content-Security-Policy after',
                                 fix="the theme's markup changed: update guide/build/csp.py."))
    if errors:
        raise PolicyError(errors)
    after = at + len(CHARSET)
    return html[:after] + META_CSP.format(policy=text) + META_REFERRER + html[after:]


def _shown(page: Path) -> str:
    """A built page's path for a message: relative to the working folder when it is inside it."""
    try:
        return page.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return page.as_posix()


def secure_site(site_dir: str | Path) -> int:
    """Add the policy to every HTML page of the site, or raise ``PolicyError`` with every problem
    of every page (nothing is written then). Returns the number of pages."""
    site = Path(site_dir)
    extra = script_styles(site)
    done: dict[Path, str] = {}
    errors: list[GuideError] = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "<head" not in html:
            continue
        try:
            done[page] = secure(html, _shown(site / page.relative_to(site)), extra)
        except PolicyError as exc:
            errors.extend(exc.errors)
    if errors:
        raise PolicyError(errors)
    if not done:
        raise PolicyError([GuideError(str(site_dir), "no HTML page found to add the Content-Security-Policy to",
                                      fix="build the site first.")])
    for page, html in done.items():
        page.write_text(html, encoding="utf-8")
    return len(done)
