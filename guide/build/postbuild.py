"""Touches to a finished build, run in order by :func:`run_all` (MkDocs: ``macros.py``'s
``on_post_build``; Zensical: ``python -m guide.build.postbuild site-zensical`` in ``make build-zensical``):
valid toggles, lighter pages, a quicker script start, no stray copies of the inlined styles,
file links in the preview (:func:`file_links`), robots.txt only at a domain's root
(:func:`robots_txt`), and last the Content-Security-Policy (guide/build/csp.py), whose hashes must
be of the pages as finally written.

0. The 404 page's list of Spanish topics, from mkdocs.es.yml's nav (:func:`spanish_topics`): a page
   added to the nav is listed there with nothing else to edit.
1. Valid markup for Material's two hidden toggles (:func:`finish_site`).
1b. Words typed without their accents find their pages: the search index gets each accented word folded
   (:func:`fold_search_index`), as Material's search cannot fold them itself; and the forms a reader may
   type of some words ("pregnant" for "pregnancy", data/search-words.yml) are added (:func:`search_forms`).
2. Less to download (:func:`slim`): the comments of the inlined stylesheets
   (overrides/stylesheets/, documented for editors) and the indentation of the
   theme's templates are dropped. Together about 1.8 KiB gzip a page, which keeps
   every page's first view under 70 KiB (bench/report.md).
3. Less work on a phone's main thread when Material's script starts
   (:func:`hint_eager_compile`), see below.
3b. Material's palette stylesheet without its named colours, which the guide does not use
   (:func:`trim_palette`): about 1.4 KiB gzip less on every page's first view.
4. MkDocs copies every file of the theme's ``custom_dir`` into the site, so the
   stylesheets that ``overrides/main.html`` inlines would also be published as
   ``stylesheets/*.css``, linked from nowhere. :func:`drop_inlined_styles` removes them.

Toggles in detail:

Material 9.8's ``base.html`` writes, outside any template block (so no override
can reach it)::

    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">

``autocomplete`` is not allowed on a checkbox (Nu HTML Checker error). Material
writes it so that browsers do not restore the toggles after the back button
(squidfunk/mkdocs-material#1513): without it, the menu or search would be open
again over the page. ``overrides/main.html`` closes both whenever a page is shown
(``pageshow``) instead; tests/test_browser.py checks the back button.
``macros.py``'s ``on_post_build`` (called by mkdocs-macros after the build)
runs :func:`finish_site` on the site folder. Zensical does not call it; its
theme has its own markup.

If Material's markup changes, the build stops with a message saying so, rather
than quietly leaving invalid HTML (tests/test_html_quality.py runs vnu too).

The script start in detail:

Chromium compiles a script's functions lazily, on the page's main thread, the
first time each one runs. Material's script (``assets/javascripts/bundle.*.min.js``)
runs most of its functions as soon as it starts, so that compiling lands inside its
start-up task, the one task that still costs the guide performance points
(Lighthouse total blocking time). The magic comment ``//# allFunctionsCalledOnLoad``
on the script's first line (V8 "explicit compile hints", Chromium 136 and later)
has them compiled while the file downloads, on a background thread. Other
browsers read it as a comment. Lighthouse, 3 pages x 3 runs each, the same build
with and without it: median total blocking time 100 ms without, 39 ms with.
The script's source map gets one empty line in front, so it still points at the
right lines.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from guide.errors import GuideError, GuideErrors

if TYPE_CHECKING:
    from guide.build.engine import BuildConfig

TOGGLES = ("__drawer", "__search")


COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"


class MarkupChanged(RuntimeError):
    """Material no longer writes what this module fixes (toggles, its script)."""


_KEEP_OPEN = re.compile(r"<(pre|textarea|script)\b", re.I)  # whitespace there can matter
_STYLE = re.compile(r"(<style data-guide-inline>)(.*?)(</style>)", re.S)  # only the guide's own, inlined styles
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_INDENT = re.compile(r"[ \t\r]*\n[ \t\r\n]*")  # ASCII white space only: a no-break space is content


_SCRIPT = re.compile(r"(<script\b([^>]*)>)(.*?)(</script>)", re.S | re.I)
_JSON_TYPE = re.compile(r'\btype="application/(?:ld\+)?json"')
_LINE_INDENT = re.compile(r"\n[ \t]+")


def _slim_script(match: re.Match[str]) -> str:
    """An inline script with less white space, its meaning unchanged.

    JSON (``application/json``, ``application/ld+json``) is written compactly. JavaScript loses
    the indentation at the start of its lines, unless it holds a template literal (backtick) or
    a line continuation, the only places where that white space can be part of a value.
    """
    start, attrs, body, end = match[1], match[2], match[3], match[4]
    if _JSON_TYPE.search(attrs):
        try:
            body = json.dumps(json.loads(body), separators=(",", ":"), ensure_ascii=False)
        except ValueError:
            return match[0]  # not ours to fix: left as written
        # as Jinja's tojson does: nothing in it can end the script or start markup
        body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    elif "src=" not in attrs and "`" not in body and "\\\n" not in body:
        body = _LINE_INDENT.sub("\n", body)
    return start + body + end


def _closing(html: str, tag: str, start: int) -> int:
    """Where the element ``tag`` opened before ``start`` ends: after its closing tag, in any case, or the end."""
    pattern = re.compile(r"</" + tag + r"\s*>", re.I)
    match = pattern.search(html, start)
    return match.end() if match else len(html)


def slim(html: str) -> str:
    """Drop CSS comments in ``<style>`` and indentation around line breaks.

    A run of white space that holds a line break renders as one space, so it
    becomes a single line break: nothing a reader sees changes. ``<pre>`` and
    ``<textarea>`` are left as they are; inline scripts lose only white space
    that cannot change what they do (:func:`_slim_script`). (The guide's styles
    hold no ``/*`` inside a string.)
    """
    html = _STYLE.sub(lambda m: m[1] + _COMMENT.sub("", m[2]) + m[3], html)
    html = _SCRIPT.sub(_slim_script, html)
    out = []
    for text, kept in _kept_blocks(html):
        out.append(_INDENT.sub("\n", text))
        out.append(kept)
    return "".join(out)


def _kept_blocks(html: str) -> list[tuple[str, str]]:
    """``html`` as (text to slim, a <pre>, <textarea> or <script> element to keep) pairs, in one pass:
    each element runs to its own closing tag (or to the end), and the search goes on after it."""
    out: list[tuple[str, str]] = []
    pos = 0
    while True:
        match = _KEEP_OPEN.search(html, pos)
        if match is None:
            out.append((html[pos:], ""))
            return out
        close = _closing(html, match[1], match.end())
        out.append((html[pos:match.start()], html[match.start():close]))
        pos = close


OVERLAY_HIDDEN = '<label class="md-overlay" for="__drawer" aria-hidden="true">'
OVERLAY = '<label class="md-overlay" for="__drawer">'


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
                    f"(looked for '{old}'). Material's base.html changed: update guide/build/postbuild.py."
                )
        # Zensical's base.html hides the drawer's overlay label from assistive technology with
        # aria-hidden, which is not allowed on a label tied to a form control (Nu checker error).
        # The label is empty and its checkbox has its own label in the header, so
        # Material's markup (no aria-hidden) loses nothing.
        html = html.replace(OVERLAY_HIDDEN, OVERLAY, 1)
        page.write_text(slim(html), encoding="utf-8")
        fixed += 1
    if not fixed:
        raise MarkupChanged(f"{site_dir}: no Material page found to fix (looked for data-md-toggle=\"drawer\").")
    return fixed


def hint_eager_compile(site_dir: str | Path) -> Path:
    """Put :data:`COMPILE_HINT` on the first line of Material's script, once.

    Shifts the script's source map by the one line added. Returns the script's path.
    """
    scripts = sorted((Path(site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(scripts) != 1:
        raise MarkupChanged(
            f"{site_dir}: expected one Material script assets/javascripts/bundle.*.min.js, "
            f"found {len(scripts)}. Material's file names changed: update guide/build/postbuild.py."
        )
    script = scripts[0]
    code = script.read_text(encoding="utf-8")
    if code.startswith(COMPILE_HINT):
        return script
    source_map = script.with_name(script.name + ".map")
    data = None
    if source_map.exists():
        try:
            data = json.loads(source_map.read_text(encoding="utf-8"))
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("mappings"), str) or "sections" in data:
            raise MarkupChanged(
                f"{source_map}: Material's source map is not a plain JSON source map with one 'mappings' "
                f"string, which the compile hint shifts by one line. Material's build changed: update "
                f"guide/build/postbuild.py (hint_eager_compile)."
            )
        data["mappings"] = ";" + data["mappings"]  # ";" ends a generated line: the new first line maps to nothing
    script.write_text(COMPILE_HINT + code, encoding="utf-8")
    if data is not None:
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return script


_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=([\w-]+)\]")
_USED_COLOUR = re.compile(r'data-md-color-(?:primary|accent)="([\w-]+)"')
_MAP_COMMENT = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def _css_blocks(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of minified CSS; raises on unbalanced braces."""
    out, depth, start, head = [], 0, 0, ""
    for i, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                head, start = css[start:i], i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced '}'")
            if depth == 0:
                out.append((head, css[start:i]))
                start = i + 1
    if depth or css[start:].strip():
        raise ValueError("unbalanced '{' or text after the last rule")
    return out


def _keep_colours(css: str, used: set[str]) -> str:
    kept = []
    for head, body in _css_blocks(css):
        if head.lstrip().startswith("@"):
            inner = _keep_colours(body, used) if "{" in body else body
            if inner.strip():
                kept.append(f"{head}{{{inner}}}")
            continue
        selectors = head.split(",")
        unused = [any(c not in used for c in _COLOUR.findall(sel)) for sel in selectors]
        if all(unused):
            continue  # every selector is for a colour the site never sets
        kept.append(f"{','.join(sel for sel, drop in zip(selectors, unused) if not drop)}{{{body}}}")
    return "".join(kept)


def trim_palette(site_dir: str | Path) -> list[Path]:
    """Drop the rules of Material's palette stylesheet for colours no page uses.

    Material's ``palette.*.min.css`` styles all of its named colours (about 2 KiB gzip on every
    page's first view); the guide sets ``primary: custom`` and ``accent: custom`` and defines its
    colours in ``overrides/stylesheets/extra.css``. The colours kept are those the built pages
    name in ``data-md-color-primary`` / ``data-md-color-accent``; the colour schemes (``slate``)
    and everything else stay. The trimmed file no longer matches its source map, so the map and
    the comment pointing to it go. Returns the files trimmed.
    """
    site = Path(site_dir)
    used = {c for page in site.rglob("*.html") for c in _USED_COLOUR.findall(page.read_text(encoding="utf-8"))}
    sheets = sorted(site.glob("assets/stylesheets/**/palette.*.min.css"))
    if not sheets:
        raise MarkupChanged(f"{site_dir}: no Material palette stylesheet (assets/stylesheets/**/palette.*.min.css). "
                            "The theme's file names changed: update guide/build/postbuild.py (trim_palette).")
    for sheet in sheets:
        css = _MAP_COMMENT.sub("", sheet.read_text(encoding="utf-8"))
        try:
            trimmed = _keep_colours(css, used)
        except ValueError as exc:
            raise MarkupChanged(f"{sheet}: Material's palette stylesheet could not be read ({exc}). "
                                "Update guide/build/postbuild.py (trim_palette).") from None
        if "data-md-color-scheme=slate" in css and "data-md-color-scheme=slate" not in trimmed:
            raise MarkupChanged(f"{sheet}: trimming would drop the dark scheme: update guide/build/postbuild.py (trim_palette).")
        sheet.write_text(trimmed, encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
    return sheets


def drop_inlined_styles(site_dir: str | Path, styles_dir: str | Path) -> list[Path]:
    """Remove the site's copies of the stylesheets in ``styles_dir`` (inlined, never linked).

    Returns the files removed; the folder goes too once empty.
    """
    styles = Path(styles_dir)
    published = Path(site_dir) / styles.name
    removed = []
    for css in sorted(styles.glob("*.css")):
        copy = published / css.name
        if copy.exists():
            copy.unlink()
            removed.append(copy)
    if published.is_dir() and not any(published.iterdir()):
        published.rmdir()
    return removed


_FOLDER_LINK = re.compile(r'(<a\b[^>]*?\bhref=")([^"#?:]*/)([#"])')


def file_links(site_dir: str | Path) -> int:
    """For a build with ``use_directory_urls: false`` (the preview, preview.yml): page links
    that macros wrote for folder addresses (``../pain/``, guide/content/pages.py ``href``) become file
    links (``pain.html``), so the preview opens from disk. Returns the number of links changed.

    A link is changed only when it names no file as written and the page it meant exists.
    """
    site = Path(site_dir).resolve()
    changed = 0
    for page in sorted(site.rglob("*.html")):
        # the folder the link was written from: pain.html was "pain/" to the macros
        base = page.parent if page.name == "index.html" else page.parent / page.stem

        def fix(match: re.Match[str]) -> str:  # called at once, inside this loop turn
            nonlocal changed
            link = match[2]
            target = Path(os.path.normpath(base / link))  # noqa: B023
            if target == site:
                file = site / "index.html"
            elif target.with_name(target.name + ".html").is_file():
                file = target.with_name(target.name + ".html")
            elif (target / "index.html").is_file():  # an edition's home inside the site: es/ (issue 15)
                file = target / "index.html"
            else:
                return match[0]
            changed += 1
            return match[1] + os.path.relpath(file, page.parent).replace(os.sep, "/") + match[3]  # noqa: B023

        html = page.read_text(encoding="utf-8")
        new = _FOLDER_LINK.sub(fix, html)
        if new != html:
            page.write_text(new, encoding="utf-8")
    return changed


ROBOTS = "User-agent: *\nAllow: /\n\nSitemap: {home}sitemap.xml\n"


def robots_txt(site_dir: str | Path, editions: tuple[str, ...] = ()) -> Path | None:
    """``robots.txt`` only when the site lives at the root of its domain, where crawlers read it.

    The address is the sitemap's shortest entry (the home page; both engines write the
    sitemap from ``site_url``). Under a path such as ``/guide/`` a robots.txt would never be read: none is
    published, and the README says where one must go. ``editions`` are the folders of the other
    editions built inside this site (``es/``, the Spanish edition): their sitemaps are named too.
    Returns the file written, or None.
    """
    site = Path(site_dir)
    robots = site / "robots.txt"
    robots.unlink(missing_ok=True)
    sitemap = site / "sitemap.xml"
    locs = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text(encoding="utf-8")) if sitemap.exists() else []
    if not locs:
        return None
    home = min(locs, key=len)  # the home page: every other address is under it
    scheme, rest = home.split("://", 1) if "://" in home else ("", home)
    if not scheme or "/" in rest.rstrip("/"):
        return None  # not at a domain's root
    home = home.rstrip("/") + "/"
    more = "".join(f"Sitemap: {home}{folder.strip('/')}/sitemap.xml\n" for folder in editions)
    robots.write_text(ROBOTS.format(home=home) + more, encoding="utf-8")
    return robots


_TOPICS = re.compile(r'<ul class="not-found__links" data-guide-topics="([^"<>]*)"></ul>')
"""The Spanish part's empty list of topics on the 404 page (overrides/404.html), with the Spanish home's address."""


def nav_topics(project: str | Path, config: str = "mkdocs.es.yml") -> list[tuple[str, str]]:
    """The pages of an edition's nav but its home, in order: (address under the edition's home, title)."""
    import yaml

    nav = yaml.load((Path(project) / config).read_text(encoding="utf-8"), Loader=yaml.BaseLoader).get("nav") or []
    out: list[tuple[str, str]] = []

    def walk(items: object) -> None:
        for item in items if isinstance(items, list) else []:
            for title, src in item.items() if isinstance(item, dict) else ():
                if isinstance(src, list):
                    walk(src)
                elif isinstance(src, str) and src.endswith(".md"):
                    path = src.removesuffix(".md").removesuffix("index").rstrip("/")
                    if path:
                        out.append((path + "/", str(title)))

    walk(nav)
    return out


def spanish_topics(site_dir: str | Path, project: str | Path) -> int:
    """Fill the 404 page's list of Spanish topics from mkdocs.es.yml's nav (overrides/404.html leaves it empty:
    the English build cannot read that file), so a new page needs no line anywhere else. Returns the
    number of topics written (0: no 404 page, one with no Spanish part, or no mkdocs.es.yml: the list goes)."""
    from html import escape

    page = Path(site_dir) / "404.html"
    html = page.read_text(encoding="utf-8") if page.is_file() else ""
    found = _TOPICS.search(html)
    if found is None:
        return 0
    topics = nav_topics(project) if (Path(project) / "mkdocs.es.yml").is_file() else []  # (a project of one edition)
    items = "".join(f'<li><a href="{found[1]}{escape(path)}" hreflang="es">{escape(title)}</a></li>' for path, title in topics)
    page.write_text(html[:found.start()] + (f'<ul class="not-found__links">{items}</ul>' if items else "") + html[found.end():],
                    encoding="utf-8")
    return len(topics)


SEARCH_INDEX = Path("search") / "search_index.json"
FOLDED = {"title": "title_folded", "text": "text_folded"}
"""The search index fields :func:`fold_search_index` adds, each with the weight of the field it folds."""
_TAG = re.compile(r"<[^>]*>")


def fold(word: str) -> str:
    """``word`` lower-cased without its accents and tildes, as a reader may type it: "acné" -> "acne",
    "médico" -> "medico", "niño" -> "nino" (Unicode's decomposition, marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def fold_search_index(site_dir: str | Path) -> int:
    """Words typed without their accents find the pages that have them ("acne" finds "acné"), with no script
    of ours. Material 9.8's search lower-cases words and nothing more (the Spanish edition's pipeline is only
    its stop-word filter), and gives each query word a trailing wildcard, so "acne" matched no indexed word.
    Each section of ``search/search_index.json`` gets two more fields, :data:`FOLDED`, that Material's search
    indexes (it indexes every field of ``config.fields``) but never shows (it shows a result's title and text):
    the folded form of each word of its title, and of its text, that has an accent, in order. Results show
    the sections' own words; "acné" and "acne" list the same pages. Returns the number of words added; an
    edition with no such index (Zensical, whose search folds accents itself) is left alone. MIGRATING.md, "Search"."""
    path = Path(site_dir) / SEARCH_INDEX
    if not path.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    fields = index["config"]["fields"]
    added = 0
    for doc in index["docs"]:
        for field, folded in FOLDED.items():
            words = [fold(w) for w in separator.split(_TAG.sub(" ", doc.get(field) or "")) if w and fold(w) != w.lower()]
            if words:
                doc[folded] = " ".join(words)
                added += len(words)
    for field, folded in FOLDED.items():
        fields[folded] = dict(fields[field])
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    return added


SEARCH_WORDS = Path("data") / "search-words.yml"
"""Per edition, the forms a reader may type of words the pages use ("pregnant" for "pregnancy"):
:func:`search_forms` adds them to the search index."""
FORMS = {"title": "title_forms", "text": "text_forms"}
"""The search index fields :func:`search_forms` adds, each with the weight of the field its word is in."""


def _word_errors(raw: object, lines: dict[tuple[str | int, ...], int], lang: str, one_word: re.Pattern[str]) -> list[GuideError]:
    """What is wrong with the edition ``lang``'s entries of :data:`SEARCH_WORDS` (see the file's rules)."""
    shown = SEARCH_WORDS.as_posix()
    if not isinstance(raw, dict):
        return [GuideError(shown, f"the list for '{lang}' is not a list of words", line=lines.get((lang,)), key=lang,
                           found=type(raw).__name__, expected="lines such as 'pregnancy: [pregnant]'",
                           fix="write one word a line, a colon, and its forms in square brackets.")]
    errors = []
    for word, forms in raw.items():
        def error(what: str, found: str, expected: str, fix: str, word: str = word) -> GuideError:
            return GuideError(shown, what, line=lines.get((lang, word)), key=f"{lang}.{word}", found=found, expected=expected, fix=fix)

        if not one_word.fullmatch(word):
            errors.append(error(f"'{word}' is not one word", f"'{word}'", "one word as the pages spell it",
                                "give each word a line of its own."))
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) for f in forms):
            errors.append(error(f"the forms of '{word}' are not a list of words", repr(forms),
                                "words in square brackets, such as [pregnant]", "list the forms a reader may type, or delete the line."))
            continue
        for form in forms:
            longer = [other for other in [word, *forms] if other != form and fold(other).startswith(fold(form))]
            if (not one_word.fullmatch(form) or not one_word.fullmatch(fold(form)) or not _LETTERS.fullmatch(form)
                    or len(form) > MAX_FORM or form != form.lower()):
                errors.append(error(f"the form '{form}' of '{word}' is not one lower-case word", f"'{form}'",
                                    "one word in lower case", "write each form in lower case, one word each."))
            elif longer:
                errors.append(error(f"the form '{form}' of '{word}' is found already", f"'{form}', the start of '{longer[0]}'",
                                    "a form the search does not find (it matches the start of a word)",
                                    f"delete '{form}' from the list."))
            elif len(os.path.commonprefix([fold(form), fold(word)])) < min(FORM_SHARES, len(fold(word)) - 1):
                errors.append(error(f"'{form}' is not a form of '{word}'", f"'{form}' for '{word}'",
                                    f"a form of the same word: its first {FORM_SHARES} letters are the word's "
                                    "('pregnant' for 'pregnancy')",
                                    f"delete '{form}': a reader who types it would find pages that never say it (the "
                                    "sixth no-hints attack made 'safe' find the pregnancy section)."))
    return errors


_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word: letters, with an apostrophe or hyphen inside. "pregnancy／safe" (a full-width slash, which folds to "/", a
separator) is not one (the seventh no-hints attack)."""
MAX_FORM = 30
"""The longest form a reader types."""

FORM_SHARES = 4
"""How many first letters a search form shares with its word ("numb-ed" for "numb-ing", "preg-nant" for "preg-nancy")."""


def search_forms(site_dir: str | Path, project: str | Path) -> int:
    """Forms of a word that the pages do not have find the sections that have the word ("pregnant" finds the
    section that says "pregnancy"), with no script of ours: Material 9.8's search matches the start of a word
    and does not stem a query word (MIGRATING.md, "Search"). :data:`SEARCH_WORDS` lists, per edition, a word
    and its forms; each section of ``search/search_index.json`` whose title (or text) has the word, accents or
    not, gets its forms, and their folded spellings, in the field of :data:`FORMS` that Material indexes with
    the title's (or text's) weight and never shows. Returns the number of forms added. Raises ``GuideErrors``
    for an entry that breaks the file's rules or whose word no section of the edition has; an edition with no
    such index (Zensical's) or no list is left alone."""
    from guide.data.yamlsrc import load_with_lines

    path = Path(site_dir) / SEARCH_INDEX
    listed = Path(project) / SEARCH_WORDS
    if not path.is_file() or not listed.is_file():
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    lang = (index["config"].get("lang") or ["en"])[0]
    try:
        data, lines = load_with_lines(listed, SEARCH_WORDS.as_posix())
    except GuideError as exc:
        raise GuideErrors([exc]) from None
    if not isinstance(data, dict) or lang not in data:
        return 0
    separator = re.compile(index["config"]["separator"])
    errors = _word_errors(data[lang], lines, lang, re.compile(rf"(?:(?!{separator.pattern}).)+"))
    if errors:
        raise GuideErrors(errors)
    wanted: dict[str, list[str]] = data[lang]
    seen: set[str] = set()
    added = 0
    for doc in index["docs"]:
        for field, extra in FORMS.items():
            words = {fold(w) for w in separator.split(_TAG.sub(" ", doc.get(field) or "")) if w}
            here = [word for word in wanted if fold(word) in words]
            forms = list(dict.fromkeys(f for word in here for form in wanted[word] for f in (form, fold(form))))
            if forms:
                doc[extra] = " ".join(forms)
                added += len(forms)
                seen.update(here)
    missing = [word for word in wanted if word not in seen]
    if missing:
        raise GuideErrors([GuideError(SEARCH_WORDS.as_posix(), f"the word '{word}' is on no page of this edition",
                                      line=lines.get((lang, word)), key=f"{lang}.{word}", found=f"no section of '{lang}' with '{word}'",
                                      expected="a word as the pages spell it",
                                      fix="spell it as the pages do, or delete its line.") for word in missing])
    index["config"]["fields"].update({extra: dict(index["config"]["fields"][field]) for field, extra in FORMS.items()})
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    return added


def run_all(site_dir: str | Path, styles_dir: str | Path | None = None, file_urls: bool = False,
            policy: bool = True, editions: tuple[str, ...] = (), project: str | Path | None = None) -> int:
    """Every post-build step, in order, the Content-Security-Policy last (it hashes the final pages).

    MkDocs runs this through ``macros.py``'s ``on_post_build``; ``make build-zensical`` runs it as
    ``python -m guide.build.postbuild site-zensical``. Returns the number of pages given the policy
    (none with ``policy=False``: ``mkdocs serve``, whose live reload injects an inline script).
    ``project``: the folder whose ``pictures/`` this edition publishes, without their metadata (guide/content/pictures.py).
    """
    from guide.build import csp
    from guide.content import pictures  # here, so the module stays importable on its own

    if project is not None:
        spanish_topics(site_dir, project)
    finish_site(site_dir)
    fold_search_index(site_dir)
    if project is not None:
        search_forms(site_dir, project)
    hint_eager_compile(site_dir)
    trim_palette(site_dir)
    if styles_dir:
        drop_inlined_styles(site_dir, styles_dir)
    if file_urls:  # the preview (preview.yml), opened from disk
        file_links(site_dir)
    robots_txt(site_dir, editions)
    if project is not None:
        pictures.publish(Path(project), Path(site_dir))
    return csp.secure_site(site_dir) if policy else 0


def main(argv: list[str] | None = None) -> int:
    """``python -m guide.build.postbuild SITE_DIR [--styles overrides/stylesheets] [--file-links]``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m guide.build.postbuild", description=(run_all.__doc__ or "").split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--styles", type=Path, default=Path("overrides/stylesheets"),
                        help="the inlined stylesheets, whose published copies go (default: overrides/stylesheets)")
    parser.add_argument("--file-links", action="store_true", help="links to files, for a site opened from disk")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="the project whose pictures/ are published without metadata (default: this folder)")
    parser.add_argument("--edition", action="append", default=[], metavar="FOLDER",
                        help="another edition built inside this site (es/): robots.txt names its sitemap too")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no such site folder. Build the site first.", file=sys.stderr)
        return 1
    try:
        home = args.site / "index.html"
        if home.is_file() and re.search(r'<html[^>]*\slang="es"', home.read_text(encoding="utf-8")[:2000]):
            from guide.content import spanish_words  # the Spanish edition (Zensical's): no unmarked English word

            problems = spanish_words.check_site(args.site, args.project / "docs-es", "docs-es", args.project,
                                                file_urls=args.file_links)
            if problems:
                raise GuideErrors(problems)
        pages = run_all(args.site, args.styles, args.file_links, editions=tuple(args.edition), project=args.project)
    except (MarkupChanged, GuideErrors) as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
    print(f"Post-build: {pages} pages finished and given the Content-Security-Policy ({args.site}).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def after_mkdocs(conf: BuildConfig) -> None:
    """After a MkDocs build (macros.py's ``on_post_build``; Zensical has none, so `make build-zensical`
    runs ``python -m guide.build.postbuild``): every step of :func:`run_all` on the edition just built, the
    Content-Security-Policy last, except under `make serve` (:func:`serving`)."""
    custom_dir = conf["theme"].custom_dir
    project = Path(conf["config_file_path"]).parent
    from guide.data.lang import language_of

    if language_of(conf) == "es":  # no unmarked English word on a Spanish page
        from guide.content import spanish_words

        docs = Path(conf["docs_dir"])
        problems = spanish_words.check_site(Path(conf["site_dir"]), docs, _shown_folder(docs, project), project,
                                            file_urls=not conf["use_directory_urls"])
        if problems:
            raise GuideErrors(problems)
    # The other editions built inside this one (extra.editions roots such as "./es/"), for robots.txt.
    editions = tuple(e["root"].removeprefix("./") for e in (conf["extra"].get("editions") or {}).values()
                     if e.get("root", "").startswith("./") and e["root"] != "./")
    run_all(conf["site_dir"], Path(custom_dir) / "stylesheets" if custom_dir else None,
            file_urls=not conf["use_directory_urls"], policy=not serving(conf), editions=editions,
            project=project)


def _shown_folder(folder: Path, project: Path) -> str:
    """The pages folder as messages name it (``docs-es``)."""
    try:
        return folder.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return folder.name


def serving(conf: BuildConfig) -> bool:
    """True under ``mkdocs serve`` (``make serve``), which points site_url at its own address.

    Its live reload injects an inline script into every page it serves, with a new request id
    each time: no hash can allow it, so pages served for editing carry no Content-Security-Policy.
    The built site always does (tests/test_csp.py).
    """
    addr = conf.get("dev_addr")
    site_url = conf.get("site_url") or ""
    return addr is not None and site_url.startswith(f"http://{addr.host}:{addr.port}/")
