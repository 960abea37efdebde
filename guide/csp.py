"""A strict Content-Security-Policy for every page, as a ``<meta>`` tag (GitHub Pages sends no headers).

The last post-build step (``macros.py``'s ``on_post_build``, or ``python -m guide.postbuild SITE``):
the hashes are of each page's inline ``<script>`` and ``<style>`` as finally written, so nothing
may change a page after this. The policy allows:

* scripts and styles from the site itself, plus exactly the inline ones on that page (by SHA-256);
  no ``'unsafe-inline'``, so a script slipped into a page (a bad value in data/facts.yml that
  escaped its escaping) does not run;
* images from the site and ``data:`` (Material's icons in its stylesheet);
* ``connect-src`` and ``worker-src 'self'`` for search (a worker fetching the search index);
* nothing else: ``default-src 'none'``, ``base-uri 'none'``, ``object-src 'none'``, ``form-action 'self'``.

The ``<meta>`` goes right after ``<meta charset>``, before anything that loads or runs (a policy in
``<meta>`` covers only what follows it; the charset must stay within the first 1024 bytes).
A ``<meta name="referrer">`` goes with it: links to other sites get no address of the page read.

Inline ``style="..."`` and ``on...=`` attributes would need ``'unsafe-hashes'``; the build stops
if a page has one, naming the page, rather than publish a page whose styles or handlers the
browser blocks. (Material sets styles from its script through the CSSOM, which CSP allows.)
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

REFERRER = "same-origin"
META_CSP = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
META_REFERRER = f'<meta name="referrer" content="{REFERRER}">'
FIXED = {
    "default-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "form-action": ["'self'"],
}
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_OLD = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">|'
                  + re.escape(META_REFERRER))
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
_TAG = re.compile(r"<(?!/)(?!!)[a-zA-Z][^>]*>")
_BAD_ATTR = re.compile(r"""\s(style|on[a-z]+)\s*=\s*["']""", re.I)


class PolicyError(RuntimeError):
    """A page holds something a strict policy would block (an inline style or event attribute)."""


def sha256(text: str) -> str:
    """The CSP source for an inline block: ``'sha256-<base64>'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _inline_scripts(html: str) -> list[str]:
    out = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match[1], match[2]
        if _SRC.search(" " + attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind[1].lower() if kind else "") in JS_TYPES:
            out.append(body)
    return out


# Zensical's theme script draws its search dialog in a shadow root with a <style> whose text
# is a string constant of the script: C("style",{},Tc.toString()). Its hash is allowed too.
_SCRIPT_STYLE = re.compile(r'C\("style",\{\},(\w+)\.toString\(\)\)')


def script_styles(site_dir: str | Path) -> list[str]:
    """The text of the ``<style>`` elements the theme's script adds at run time (Zensical's search)."""
    out = []
    for bundle in sorted((Path(site_dir) / "assets" / "javascripts").glob("bundle.*.min.js")):
        code = bundle.read_text(encoding="utf-8")
        for name in _SCRIPT_STYLE.findall(code):
            value = re.search(r"[,;\s]" + re.escape(name) + r"""=(['"])((?:(?!\1)[^\\])*)\1""", code)
            if not value:
                raise PolicyError(f"{bundle}: the theme's script adds a <style> from '{name}', whose text was not "
                                  "found. The theme changed: update guide/csp.py.")
            out.append(value[2])
    return out


def policy(html: str, extra_styles: Sequence[str] = ()) -> str:
    """The policy for a page: the fixed directives plus the hashes of its inline scripts and styles
    (and of ``extra_styles``, the ones the theme's script adds)."""
    scripts = sorted(set(map(sha256, _inline_scripts(html))))
    styles = sorted(set(sha256(m[1]) for m in _STYLE.finditer(html)) | set(map(sha256, extra_styles)))
    directives = dict(FIXED)
    directives["script-src"] = ["'self'", *scripts]
    directives["style-src"] = ["'self'", *styles]
    order = ["default-src", "script-src", "style-src", "img-src", "connect-src", "worker-src",
             "base-uri", "object-src", "form-action"]
    return "; ".join(f"{name} {' '.join(directives[name])}" for name in order)


def blocked_attributes(html: str) -> list[str]:
    """Inline ``style=`` and ``on...=`` attributes (outside scripts), which the policy would block."""
    text = _SCRIPT.sub("", html)
    return [tag[:80] for tag in _TAG.findall(text) if _BAD_ATTR.search(tag)]


def secure(html: str, where: str = "page", extra_styles: Sequence[str] = ()) -> str:
    """``html`` with the policy and referrer metas right after ``<meta charset>`` (replacing old ones)."""
    html = _OLD.sub("", html)
    bad = blocked_attributes(html)
    if bad:
        raise PolicyError(f"{where}: {bad[0]} has an inline style or event attribute, which the "
                          "Content-Security-Policy blocks. Fix: move it into a stylesheet or script "
                          "(guide/csp.py).")
    charset = _CHARSET.search(html)
    if not charset:
        raise PolicyError(f'{where}: no <meta charset="utf-8"> to put the Content-Security-Policy after. '
                          "The theme's markup changed: update guide/csp.py.")
    metas = META_CSP.format(policy=policy(html, extra_styles)) + META_REFERRER
    return html[:charset.end()] + metas + html[charset.end():]


def secure_site(site_dir: str | Path) -> int:
    """Add the policy to every HTML page of the site. Returns the number of pages."""
    count = 0
    extra = script_styles(site_dir)
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "<head" not in html:
            continue
        page.write_text(secure(html, str(page), extra), encoding="utf-8")
        count += 1
    if not count:
        raise PolicyError(f"{site_dir}: no HTML page found to add the Content-Security-Policy to.")
    return count
