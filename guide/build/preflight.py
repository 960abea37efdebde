"""Checks that run before either engine reads anything: ``python -m guide.build.preflight [project]``.

The site configurations are code: MkDocs and Zensical read them with PyYAML's unsafe loader, hand
their values to the theme's templates (most printed as they are, some inside inline scripts that the
Content-Security-Policy then approves by hash), and load the Python modules and files they name. So
the pre-flight reads each of them by an allowlist, before any engine does:

* All six configurations (CONFIGS: ``mkdocs.yml``, ``mkdocs.es.yml``, ``zensical.yml``,
  ``zensical.es.yml``, ``preview.yml``, ``preview.es.yml``) and every file they name with
  ``INHERIT``, followed recursively. An ``INHERIT`` names a file of the project by a relative path:
  a loop, a missing file, a path outside the project or through a symbolic link is a message.
* Each file is read safely: valid UTF-8 YAML with no tag but ``!ENV`` (PyYAML's unsafe loader would
  build a ``!!python/...`` object while reading), no anchors, aliases, merge keys or directives,
  and not the words Zensical rewrites before it parses (ZENSICAL_REWRITES). A file that cannot be
  read this way is reported for that alone: what it would build is unknown.
* Each file's settings are checked against SETTINGS: only the settings listed there, each with a
  value of the listed form. Strings the theme prints (names, descriptions, the copyright, the
  palette's toggle names, ``extra.*``) are plain text (``schema.plain_text_problem``, and no straight
  double quote: Material prints several of them into HTML attributes unescaped); addresses and paths
  match fixed patterns; ``custom_dir``, the macros module and its options are fixed values.
* Each configuration, with its ``INHERIT`` files merged as its engine merges them (MkDocs replaces
  lists, Zensical appends them; zensical.es.yml is flattened for Zensical first, as MkDocs merges:
  :func:`flatten`), must then be whole: its language, pages folder and output folder as
  EXPECTED; the Markdown extensions exactly ``guide.render.mdconfig.as_config(language)`` (snippets only
  from ``includes/``, the glossary appended); the macros plugin with its fixed options; the nav
  listing every page of its folder once, only pages that exist, under plain-text titles.
* One place per page: each edition's nav is in NAV_FILES alone (mkdocs.yml, mkdocs.es.yml; a nav in
  any other file is refused), and the two list the same pages in the same order, each page with its
  pair in the other folder. A page left out of a nav, a page of one edition only, a Spanish entry out
  of the English order: each message is on the nav line where the fix goes and gives the exact line
  to add (titled with the page's heading) or the line to move.
* ``!ENV [NAME, default]`` is allowed only where ENV_NAMES lists NAME. The default is checked like
  any value, and so is the variable's value when the environment running the pre-flight sets it.
  What the environment may set (the deploy sets all four, ``make`` sets SITE_URL_ES from SITE_URL):
  SITE_URL and SITE_URL_ES, an ``https://`` address ending in ``/``; REPO_URL, an ``https://``
  address; REPO_NAME, plain text.
* No symbolic links under docs/, includes/, data/, overrides/ or sources/: a committed link could
  publish a file from outside the repository. The build (``define_env``) runs this check too, so
  both engines refuse them.

Every problem of every file is reported at once (``GuideErrors``, sorted by file and line), each with
its file, line, what was found, what was expected and the fix; never a traceback.
"""

from __future__ import annotations

import difflib
import json
import os
import pickle
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from guide.build import handoff
from guide.build.files import check_symlinks, link_target
from guide.data import schema
from guide.data.lang import LANGS
from guide.data.yamlsrc import MAX_BYTES, MAX_DEPTH, MAX_SCALAR, compose, hazards
from guide.errors import GuideError, GuideErrors, Problems, did_you_mean, quote_line, visible
from guide.render import mdconfig

if TYPE_CHECKING:
    from guide.build.engine import BuildConfig
    from guide.content.pages import Site

@dataclass(frozen=True)
class Expected:
    """What one configuration builds: its engine, language, pages folder and output folder."""

    engine: str
    lang: str
    docs: str
    site: str
    flat: str = ""
    """For a configuration Zensical reads flattened (its INHERIT resolved as MkDocs resolves it, by :func:`flatten`):
    the file ``make build-zensical`` writes and builds from."""


EXPECTED = {
    "mkdocs.yml": Expected("mkdocs", "en", "docs", "site"),
    "mkdocs.es.yml": Expected("mkdocs", "es", "docs-es", "site/es"),
    "zensical.yml": Expected("zensical", "en", "docs", "site-zensical"),
    "zensical.es.yml": Expected("zensical", "es", "docs-es", "site-zensical/es", flat=".zensical.es.yml"),
    "preview.yml": Expected("mkdocs", "en", "docs", "site-preview"),
    "preview.es.yml": Expected("mkdocs", "es", "docs-es", "site-preview/es"),
}
CONFIGS = tuple(EXPECTED)
NAV_FILES = {"en": "mkdocs.yml", "es": "mkdocs.es.yml"}
"""Where each edition's nav is written: the one place a page is listed (every other configuration INHERITs it)."""
"""The site configurations `make` builds with (a missing one is skipped: it builds nothing)."""

ALLOWED_TAGS = ("!ENV",)
"""YAML tags the configuration may use. MkDocs reads mkdocs.yml with PyYAML's full loader, so a
``!!python/...`` tag would run code while the file is read, before any check of ours."""
_PLAIN_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
               "tag:yaml.org,2002:timestamp")
ZENSICAL_REWRITES = ("materialx", "material.extensions")
"""Words Zensical replaces in a configuration's text before it parses it: the two engines would read different settings."""
ENV_NAMES = {"site_url": ("SITE_URL", "SITE_URL_ES"), "repo_url": ("REPO_URL",), "repo_name": ("REPO_NAME",),
             "extra.editions.en.url": ("SITE_URL",), "extra.editions.es.url": ("SITE_URL_ES",)}
"""The settings that come from the environment, always (``!ENV [NAME, default]``: the deploy sets each from
the repository and its Pages settings, so the published site never takes the file's default), and the
variables each may read (any other would print whatever the build's environment holds, a secret
included, into every page). The English editions' site_url reads SITE_URL, the Spanish ones' SITE_URL_ES."""
PRINTED = {'"': "a straight double quote '\"' (the theme prints this into HTML attributes; use curly quotes “ ”)",
           "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)", "\x85": "a next-line character (U+0085)"}
"""Refused in every string the theme prints, beyond ``schema.plain_text_problem``'s characters (line breaks that
YAML and JavaScript see, where the eye sees none)."""
REFUSED_SETTINGS = {
    "extra_javascript": "the theme's and the guide's own scripts are the only ones a page runs (overrides/main.html)",
    "extra_css": "the guide's styles live in overrides/stylesheets/ and are inlined by overrides/main.html",
    "extra_templates": "templates are code: they live in overrides/",
    "hooks": "Python hooks run code during the build; the guide's code lives in macros.py and guide/",
    "j2_": "the pages' {{ }} and {% %} are what the page check reads; other delimiters would hide Jinja from it",
    "modules": "each module runs Python code in the build; the guide's macros are macros.py alone",
    "include_dir": "pages may include nothing; the macros' templates are includes/partials/",
    "include_yaml": "the pages' facts come from data/facts.yml alone, through macros.py",
}
"""Why some settings are refused (a prefix ending in ``_`` covers a family); any setting not in SETTINGS is refused."""

HTTPS_FOLDER = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/([A-Za-z0-9._~%-]+/)*")
HTTPS = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%-]+)*/?")
ABSOLUTE_FOLDER = re.compile(r"/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*")
RELATIVE_FOLDER = re.compile(r"\.\.?/([a-z]{2}/)?")
EDIT_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*/?")
ICON = re.compile(r"[a-z0-9-]+(/[a-z0-9-]+)+")
PAGE = re.compile(r"([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.md")
SITE_DIRS = tuple(e.site for e in EXPECTED.values())
DOCS_DIRS = ("docs", "docs-es")
PALETTE_MEDIA = ("(prefers-color-scheme: light)", "(prefers-color-scheme: dark)")
FEATURES = ("navigation.footer", "navigation.top", "search.highlight")
"""Material features the site is tested with; another one is a maintainer's change, in review. Not
content.action.edit: readers took its bare pencil for nothing they knew (overrides/partials/content.html)."""
WATCH = ("data", "guide", "includes", "macros.py")
SEARCH_SEPARATOR = r'[\s\-_,:;!?¿¡«»“”"()\[\]\\`/=·—–…]+|\.(?!\d)'
"""Where the search index and the reader's query split words (``separator:`` of the search plugin, every
edition and both engines; a JavaScript regular expression each reader's browser runs over every page, so a
fixed value): at spaces, hyphens and punctuation, Spanish ¿ ¡ « » included, so "¿Duele?" is the word
"duele" (issue 23), and at a full stop not followed by a digit (0.5 stays one word). Zensical's default
splits at ``_ \\ ` =`` too, so this keeps them."""
MACROS = {"module_name": "macros", "on_error_fail": True, "on_undefined": "strict"}
"""The macros plugin's options, all fixed: the guide's macros.py, and a build that stops at any macro error."""


# --- the parts of a configuration, with where each comes from -------------------------------


@dataclass
class Source:
    """One configuration file as read: its name in messages and its lines."""

    name: str
    rows: list[str]


@dataclass
class Item:
    """One value of a configuration: its YAML node, the file and key it comes from, and its parts."""

    source: Source
    node: yaml.Node
    path: str
    key: yaml.Node | None = None
    kids: dict[str, Item] | list[Item] | None = None
    env: str = ""
    """For a value read from the environment: the variable's name."""

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    @property
    def key_line(self) -> int:
        return (self.key or self.node).start_mark.line + 1

    @property
    def is_env(self) -> bool:
        return self.node.tag == "!ENV"

    def found(self) -> str:
        """The value, or its line of the file, quoted for a message."""
        if isinstance(self.node, yaml.ScalarNode) and not self.is_env and (self.env or "\n" not in self.node.value):
            value = self.node.value if len(self.node.value) <= 160 else self.node.value[:157] + "..."
            return f"'{value}'"
        return _row(self.source, self.node)


def _row(source: Source, node: yaml.Node) -> str:
    return _quoted(source, node.start_mark.line)


def _quoted(source: Source, index: int) -> str:
    """Line ``index`` (0-based) of the file, quoted for a message (a long one cut short)."""
    return quote_line(source.rows, index + 1, "the end of the file") or "the end of the file"


class Report(Problems):
    """The problems found, each once."""

    def __init__(self) -> None:
        super().__init__(once=True)

    def at(self, item: Item, what: str, expected: str, fix: str, *, on_key: bool = False, found: str | None = None) -> None:
        self.add(GuideError(item.source.name, what, line=item.key_line if on_key else item.line, key=item.path or None,
                            found=found if found is not None else (_row(item.source, item.key or item.node) if on_key else item.found()),
                            expected=expected, fix=fix))



def _tree(node: yaml.Node, source: Source, report: Report, path: str = "", key: yaml.Node | None = None) -> Item:
    """The node as an Item; a key given twice or a key that is not text is reported (the last one counts, as in the engines)."""
    item = Item(source, node, path, key)
    if node.tag == "!ENV":
        return item
    if isinstance(node, yaml.MappingNode):
        kids: dict[str, Item] = {}
        firsts: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(name, str) or key_node.tag != "tag:yaml.org,2002:str":
                shown = f"'{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else "a list or settings"
                report.add(GuideError(source.name, f"the key {shown} is not read as a name", line=key_node.start_mark.line + 1,
                                      key=path or None, found=_row(source, key_node), expected="a name or a title, read as text",
                                      fix="put the key in double quotes (YAML reads words such as yes, no, on, off and numbers "
                                          "as something else)."))
                continue
            sub = f"{path}.{name}" if path else name
            if name in firsts:
                report.add(GuideError(source.name, f"the setting '{sub}' is given twice in {source.name}", line=key_node.start_mark.line + 1,
                                      key=sub, found=f"a second '{name}' (the first is on line {firsts[name].start_mark.line + 1})",
                                      expected="each setting once", fix="merge the two into one, or delete one of them."))
            firsts[name] = key_node
            kids[name] = _tree(value, source, report, sub, key_node)
        item.kids = kids
    elif isinstance(node, yaml.SequenceNode):
        item.kids = [_tree(value, source, report, f"{path}[{i}]") for i, value in enumerate(node.value)]
    return item


_SAFE = yaml.SafeLoader("")


def _value(item: Item) -> object:
    """What the engine makes of the item (!ENV values stay opaque: they never equal a fixed value)."""
    if item.is_env:
        return ("!ENV", id(item))
    if isinstance(item.kids, dict):
        return {k: _value(v) for k, v in item.kids.items()}
    if isinstance(item.kids, list):
        return [_value(v) for v in item.kids]
    try:
        return _SAFE.construct_object(item.node, deep=True)
    except (ValueError, yaml.YAMLError):
        return item.node.value


def _same(a: object, b: object) -> bool:
    """Equal values of the same types all the way down (``1 == True`` in Python; not here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


# --- the allowlist: one rule per setting --------------------------------------------------------

Rule = Callable[[Item, Report], None]


def _refusal(name: str) -> str:
    for prefix, why in REFUSED_SETTINGS.items():
        if name == prefix or (prefix.endswith("_") and name.startswith(prefix)):
            return why
    return ""


def settings(rules: dict[str, Rule]) -> Rule:
    """A mapping whose keys are those of ``rules``, each value checked by its rule."""
    def check(item: Item, report: Report) -> None:
        if not isinstance(item.kids, dict) or item.is_env:
            report.at(item, f"the setting '{item.path}' in {item.source.name} is not a set of settings",
                      expected="'name: value' lines, indented under " + (f"'{item.path.rsplit('.', 1)[-1]}:'" if item.path else "nothing"),
                      fix="write the settings as the other configuration files do (mkdocs.yml).")
            return
        refused = 0
        for name, kid in item.kids.items():
            rule = rules.get(name)
            if rule is not None:
                rule(kid, report)
                continue
            why = _refusal(name)
            refused += 1
            hint = did_you_mean(name, rules) if refused <= 20 else ""  # a typo is one of a few, not of thousands
            report.at(kid, f"the setting '{kid.path}' in {kid.source.name}", on_key=True,
                      expected=f"no '{name}': {why}" if why else
                      "only the settings " + ", ".join(sorted(rules)) + (f" under '{item.path}'" if item.path else ""),
                      fix=(hint + " " if hint and not why else "") +
                          f"remove '{name}' (a maintainer changes the allowlist in guide/build/preflight.py, overrides/ or guide/, in review).")
    return check


def _scalar(item: Item, report: Report) -> tuple[bool, object]:
    """(True, the value) for a single value; (False, None) after reporting a list, settings or !ENV where none may be."""
    if item.is_env:
        report.at(item, f"a value from the environment (!ENV) for '{item.path}' in {item.source.name}",
                  expected="a value written out: !ENV may stand only for " + ", ".join(sorted(ENV_NAMES)),
                  fix="write the value itself.")
        return False, None
    if item.kids is not None:
        report.at(item, f"the setting '{item.path}' in {item.source.name} is not a single value",
                  expected="one value on the line of its name", fix="write one value, as the other configuration files do.")
        return False, None
    return True, _value(item)


def one_of(*allowed: object) -> Rule:
    """A value equal to one of ``allowed`` (type included: ``true`` is not ``'true'``)."""
    def check(item: Item, report: Report) -> None:
        ok, value = _scalar(item, report)
        if ok and not any(_same(value, a) for a in allowed):
            report.at(item, f"the {item.path} in {item.source.name} is not an allowed value",
                      expected=("exactly " if len(allowed) == 1 else "one of ") + ", ".join(_show(a) for a in allowed),
                      fix=f"write {_show(allowed[0])}" + (" (or another listed value)" if len(allowed) > 1 else "") +
                          "; other values are a maintainer's change to guide/build/preflight.py.")
    return check


def text(item: Item, report: Report) -> None:
    """Plain text, printed by the theme as it is: no markup, no invisible characters, no straight double quote."""
    ok, value = _scalar(item, report)
    if not ok:
        return
    if not isinstance(value, str):
        report.at(item, f"the {item.path} in {item.source.name} is not text", expected="plain text",
                  fix="put the value in double quotes.")
        return
    problem = schema.plain_text_problem(value, PRINTED)
    if problem:
        report.at(item, f"the {item.path} in {item.source.name}" + (f" (from the environment variable {item.env})" if item.env else "")
                  + f" is not plain text: {problem}", expected=schema.PLAIN_TEXT_EXPECTED + ', and no straight double quote "',
                  fix=schema.PLAIN_TEXT_FIX)


def matches(pattern: re.Pattern[str], expected: str, example: str) -> Rule:
    """Text matching ``pattern`` in full (addresses and paths: the theme puts them into links and scripts)."""
    def check(item: Item, report: Report) -> None:
        ok, value = _scalar(item, report)
        if ok and not (isinstance(value, str) and pattern.fullmatch(value) and "/../" not in value and "/./" not in value[1:]):
            report.at(item, f"the {item.path} in {item.source.name}" + (f" (from the environment variable {item.env})" if item.env else "")
                      + f" is not {expected}", expected=f"{expected}, such as {example}",
                      fix=f"write {expected} with letters, digits, '.', '-', '_' and '/' only (such as {example}).")
    return check


def env(rule: Rule, names: tuple[str, ...]) -> Rule:
    """``!ENV [NAME, default]`` with NAME among ``names``: the default is checked, and the variable's value
    too when the environment sets it."""
    def check(item: Item, report: Report) -> None:
        if not item.is_env:
            report.at(item, f"the {item.path} in {item.source.name} does not come from the environment",
                      expected=" or ".join(f"!ENV [{n}, \"<default>\"]" for n in names) + " (the deploy sets it)",
                      fix=f"write {item.path.rsplit('.', 1)[-1]}: !ENV [{names[0]}, \"<the value>\"].")
            return
        parts = item.node.value if isinstance(item.node, yaml.SequenceNode) else []
        if (len(parts) != 2 or not all(isinstance(p, yaml.ScalarNode) and p.tag == "tag:yaml.org,2002:str" for p in parts)
                or parts[0].value not in names):
            report.at(item, f"the !ENV of '{item.path}' in {item.source.name} is not one the build may read",
                      expected=" or ".join(f"!ENV [{n}, \"<default>\"]" for n in names), found=_row(item.source, item.node),
                      fix="name one of those variables and give the default value after it.")
            return
        name, default = parts
        rule(Item(item.source, default, item.path, item.key), report)
        if name.value in os.environ:
            rule(Item(item.source, yaml.ScalarNode("tag:yaml.org,2002:str", os.environ[name.value], item.node.start_mark),
                      item.path, item.key, env=name.value), report)
    return check


def each(rule: Rule) -> Rule:
    def check(item: Item, report: Report) -> None:
        if not isinstance(item.kids, list) or item.is_env:
            report.at(item, f"the setting '{item.path}' in {item.source.name} is not a list",
                      expected="a list, one '- ' line per entry", fix="write it as a list, as mkdocs.yml does.")
            return
        for kid in item.kids:
            rule(kid, report)
    return check


def _anything(item: Item, report: Report) -> None:
    """Checked with the whole configuration (its language and folders decide): :func:`_check_whole`."""


def _exclude_docs(item: Item, report: Report) -> None:
    ok, value = _scalar(item, report)
    if ok and not (isinstance(value, str) and value.split() == ["_*.md"]):
        report.at(item, f"the exclude_docs in {item.source.name} is not an allowed value",
                  expected="'_*.md' (the page templates for editors stay out of the site)", fix="write exclude_docs: |\n  _*.md.")


def _editions(item: Item, report: Report) -> None:
    """extra.editions: en and es, each with a plain name, its own language code, a relative root and an address."""
    if not isinstance(item.kids, dict) or item.is_env:
        settings({})(item, report)
        return
    for code, edition in item.kids.items():
        if code not in LANGS:
            report.at(edition, f"the edition '{code}' in {item.source.name} is not one of the site's", on_key=True,
                      expected="the editions " + ", ".join(LANGS), fix=f"remove '{code}' (a new edition is a maintainer's change).")
            continue
        settings({"name": text, "lang": one_of(code),
                  "root": matches(RELATIVE_FOLDER, "a relative folder ending in '/'", "./ or ../ or ./es/"),
                  "url": env(matches(HTTPS_FOLDER, "an https:// address ending in '/'", "https://example.org/guide/"),
                             ENV_NAMES[f"extra.editions.{code}.url"])})(edition, report)


def _plugins(item: Item, report: Report) -> None:
    """Only search (lang en or es, SEARCH_SEPARATOR) and macros (its fixed options), as a list."""
    if not isinstance(item.kids, list) or item.is_env:
        each(_anything)(item, report)
        return
    for entry in item.kids:
        name, options = _plugin(entry)
        if name is None:
            report.at(entry, f"the plugin entry {entry.path} in {entry.source.name} is not a plugin's name",
                      expected="'- search', or '- macros:' with its options indented under it",
                      fix="write each plugin as mkdocs.yml does.")
        elif name not in PLUGINS:
            report.at(entry, f"the plugin '{name}' in {entry.source.name}", found=_row(entry.source, entry.key or entry.node),
                      expected="only the plugins " + ", ".join(PLUGINS) + " (each plugin runs code in every build)",
                      fix=f"remove '{name}' (a new plugin is a maintainer's change, with its pin in requirements.txt).")
        elif options is not None and not (isinstance(options.node, yaml.ScalarNode) and options.node.tag.endswith(":null")):
            PLUGINS[name](options, report)


def _plugin(entry: Item) -> tuple[str | None, Item | None]:
    """A plugin entry's name and its options (None: none given)."""
    if isinstance(entry.kids, dict) and len(entry.kids) == 1 and not entry.is_env:
        name, options = next(iter(entry.kids.items()))
        return name, options
    if entry.kids is None and not entry.is_env and isinstance(_value(entry), str):
        return str(_value(entry)), None
    return None, None


PLUGINS: dict[str, Rule] = {
    "search": settings({"lang": one_of(*LANGS), "separator": one_of(SEARCH_SEPARATOR)}),
    "macros": settings({name: one_of(value) for name, value in MACROS.items()}),
}

THEME = settings({
    "name": one_of("material"),
    "custom_dir": one_of("overrides"),
    "language": one_of(*LANGS),
    "font": one_of(False),
    "icon": settings({"repo": matches(ICON, "an icon name", "octicons/repo-16")}),
    "palette": each(settings({
        "media": one_of(*PALETTE_MEDIA), "scheme": one_of("default", "slate"), "primary": one_of("custom"),
        "accent": one_of("custom"), "toggle": settings({"icon": matches(ICON, "an icon name", "material/brightness-4"),
                                                        "name": text})})),
    "features": each(one_of(*FEATURES)),
    "variant": one_of("classic"),
})

SETTINGS: dict[str, Rule] = {
    "INHERIT": _anything,  # read (and refused when it points anywhere odd) by _read
    "site_name": text, "site_description": text, "site_author": text, "copyright": text,
    "site_url": env(matches(HTTPS_FOLDER, "an https:// address ending in '/'", "https://example.org/guide/"), ENV_NAMES["site_url"]),
    "repo_url": env(matches(HTTPS, "an https:// address", "https://github.com/owner/name"), ENV_NAMES["repo_url"]),
    "repo_name": env(text, ENV_NAMES["repo_name"]),
    "edit_uri": matches(EDIT_PATH, "a path in the repository", "edit/main/docs/"),
    "site_dir": one_of(*SITE_DIRS),
    "docs_dir": one_of(*DOCS_DIRS),
    "exclude_docs": _exclude_docs,
    "strict": one_of(True),
    "use_directory_urls": one_of(True, False),
    "validation": settings({
        "nav": settings({k: one_of("warn") for k in ("omitted_files", "not_found", "absolute_links")}),
        "links": settings({k: one_of("warn") for k in ("not_found", "anchors", "absolute_links", "unrecognized_links")})}),
    "theme": THEME,
    "plugins": _plugins,
    "markdown_extensions": _anything,
    "nav": _anything,
    "watch": each(one_of(*WATCH)),
    "extra": settings({"editions": _editions,
                       "scope": matches(ABSOLUTE_FOLDER, "an absolute path ending in '/'", "/guide/")}),
}
"""The settings a configuration file may have, and the rule for each value."""


# --- reading: safe YAML, INHERIT followed -----------------------------------------------------


@dataclass
class Read:
    """A configuration file as read: its settings (None if it could not be read safely) and the file it inherits."""

    source: Source
    root: Item | None
    parent: Path | None = None


def _problem(name: str, what: str, line: int | None, found: str | None, expected: str, fix: str) -> GuideError:
    return GuideError(name, what, line=line, found=found, expected=expected, fix=fix)


def _read(path: Path, name: str, report: Report) -> Read:
    """Read one configuration file safely; every problem goes to ``report``."""
    source = Source(name, [])
    before = len(report.errors)
    text = _text(path, name, report)
    if text is None:
        return Read(source, None)
    source.rows = text.splitlines()
    for word in ZENSICAL_REWRITES:
        if word in text:
            line = text[: text.index(word)].count("\n")
            report.add(_problem(name, f"the word '{word}' in {name}", line + 1, _quoted(source, line),
                                f"no '{word}': Zensical replaces it before reading the file, so the two engines would read different settings",
                                "remove it."))
    try:
        yaml.reader.Reader(text).check_printable(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n")
        report.add(_problem(name, "a character YAML cannot read", line + 1,
                            f"the character U+{exc.character:04X}" if isinstance(exc.character, int) else None,
                            "plain text: letters, digits, punctuation and spaces", "delete the character (it may be invisible: retype the line)."))
        return Read(source, None)
    _scan(text, source, report)
    if len(report.errors) > before:  # not parsed further: deep nesting would exhaust the parser's stack
        return Read(source, None)
    try:
        node = compose(text, name, what=f"{name} is not valid YAML")
    except GuideError as exc:
        if exc.found is None:  # the parser stopped on an empty line: show the line, as every message does
            exc.found = "an empty line" if exc.line else "the end of the file"
        report.add(exc)
        return Read(source, None)
    if len(report.errors) > before:
        return Read(source, None)
    if node is None or not isinstance(node, yaml.MappingNode):
        report.add(_problem(name, f"{name} holds no settings", node.start_mark.line + 1 if node else None,
                            _row(source, node) if node else "an empty file", "'name: value' lines, such as site_name: ...",
                            "restore the file from git."))
        return Read(source, None)
    for sub in _walk(node):
        if sub.tag not in _PLAIN_TAGS and sub.tag not in ALLOWED_TAGS:
            report.add(_problem(name, f"the YAML tag '{sub.tag}' in {name}", sub.start_mark.line + 1, _row(source, sub),
                                "plain values, and !ENV for a value from the environment",
                                "remove the tag: the configuration may not run code or build Python objects."))
    if len(report.errors) > before:
        return Read(source, None)
    return Read(source, _tree(node, source, report))


def _text(path: Path, name: str, report: Report) -> str | None:
    """The file's text: a real file, not too large, UTF-8 (a byte-order mark is dropped); else a problem."""
    try:
        if path.is_symlink():
            report.add(_problem(name, "a configuration file that is a symbolic link", None, f"a link to {link_target(path)}",
                                "a real file", f"replace the link with a copy of the file (git rm {name})."))
            return None
        if path.stat().st_size > MAX_BYTES:
            report.add(_problem(name, "the configuration file is too large", None, f"{path.stat().st_size} bytes",
                                f"at most {MAX_BYTES} bytes", "remove what does not belong in it."))
            return None
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        report.add(_problem(name, "the file is not saved as UTF-8 text", None, f"a byte UTF-8 cannot read at byte {exc.start}",
                            "UTF-8 text", "save the file as UTF-8 in your editor."))
    except OSError as exc:
        report.add(_problem(name, "the configuration file cannot be read", None, exc.strerror or type(exc).__name__,
                            "a readable file", "restore it from git."))
    return None


def _scan(text: str, source: Source, report: Report) -> None:
    """Anchors, aliases, merge keys and directives (each would let one part of the file stand for another,
    or change what a tag means), too deep nesting and too long values (``yamlsrc.hazards``): nothing is built."""
    for _, words, token in hazards(text, tags=False):
        report.add(_problem(source.name, f"{words} in {source.name}", token.start_mark.line + 1,
                            _quoted(source, token.start_mark.line),
                            f"plain settings: no &anchors, *aliases, << merge keys or % directives, at most {MAX_DEPTH} "
                            f"levels deep, values of at most {MAX_SCALAR} characters",
                            "write each value out in full where it is needed."))


def _walk(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(key)
            yield from _walk(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item)


def _inherit(read: Read, project: Path, report: Report) -> Path | None:
    """The file ``read`` names with INHERIT (resolved as MkDocs and Zensical do: beside the file), if it is a
    configuration file of the project; otherwise a problem."""
    if read.root is None or not isinstance(read.root.kids, dict) or "INHERIT" not in read.root.kids:
        return None
    item = read.root.kids["INHERIT"]
    value = item.node.value if isinstance(item.node, yaml.ScalarNode) and item.node.tag == "tag:yaml.org,2002:str" else None
    name = read.source.name

    def refuse(what: str, found: str | None = None) -> None:
        report.at(item, what, found=found, expected="INHERIT: the relative path of a configuration file of this project, "
                  "such as mkdocs.yml", fix="point INHERIT at mkdocs.yml or mkdocs.es.yml, or remove it.")

    if not isinstance(value, str) or not value.strip():
        refuse(f"the INHERIT of {name} is not a file name")
        return None
    if value.startswith(("/", "~")) or "\\" in value or ":" in value:
        refuse(f"the INHERIT of {name} is not a relative path")
        return None
    base = project.resolve()
    lexical = Path(os.path.normpath(base / Path(name).parent / value))
    if not lexical.is_relative_to(base):
        refuse(f"the INHERIT of {name} names a file outside the project")
        return None
    if not lexical.exists() and not lexical.is_symlink():
        hint = did_you_mean(value, [p.name for p in base.glob("*.yml")])
        report.at(item, f"the INHERIT of {name} names a file that does not exist: '{value}'",
                  expected="an existing configuration file of this project (names are case-sensitive)",
                  fix=(hint + " " if hint else "") + "correct the file name.")
        return None
    if lexical.resolve() != lexical:
        refuse(f"the INHERIT of {name} goes through a symbolic link", found=f"'{value}', a link to {lexical.resolve()}")
        return None
    if not lexical.is_file():
        refuse(f"the INHERIT of {name} names a folder, not a file")
        return None
    return lexical


# --- merging, as each engine merges an INHERIT ------------------------------------------------------


def _merge(parent: Item, child: Item, append_lists: bool) -> Item:
    """``child`` over ``parent``: settings merged key by key; lists replaced (MkDocs' mergedeep) or
    appended (Zensical's deepmerge always_merger); anything else replaced."""
    if isinstance(parent.kids, dict) and isinstance(child.kids, dict) and not parent.is_env and not child.is_env:
        kids = dict(parent.kids)
        for key, value in child.kids.items():
            kids[key] = _merge(kids[key], value, append_lists) if key in kids else value
        return Item(child.source, child.node, child.path, child.key, kids)
    if append_lists and isinstance(parent.kids, list) and isinstance(child.kids, list) and not parent.is_env and not child.is_env:
        return Item(child.source, child.node, child.path, child.key, parent.kids + child.kids)
    return child


# --- the whole configuration -------------------------------------------------------------------------


def _get(item: Item | None, *path: str) -> Item | None:
    for part in path:
        if item is None or not isinstance(item.kids, dict) or item.is_env:
            return None
        item = item.kids.get(part)
    return item


def _check_whole(name: str, config: Item, expected: Expected, project: Path, report: Report, inherits: bool,
                 pair: Nav | None = None) -> None:
    """The checks that need the whole configuration (``config``, read from ``name``, with the files it inherits
    merged in); a missing setting is reported where it belongs (``at``: the settings it goes under)."""

    def missing(what: str, at: Item | None, expected_text: str, fix: str) -> None:
        where = at or config
        report.add(GuideError(where.source.name, what, line=where.key_line if at else 1, key=where.path or None,
                              found=f"no such setting in {name}" + (" or the files it inherits" if inherits else ""),
                              expected=expected_text, fix=fix))

    def equals(path: tuple[str, ...], want: object, default: object, allowed: tuple[object, ...]) -> None:
        """The setting at ``path`` is ``want`` (a value outside ``allowed`` is reported by the file's own rules)."""
        dotted = ".".join(path)
        item = _get(config, *path)
        if item is None:
            if default is None or not _same(default, want):
                missing(f"the setting '{dotted}' is missing from {name}", _get(config, *path[:-1]),
                        f"{dotted}: {_show(want)}", f"add '{path[-1]}: {_show(want).strip(chr(39))}'.")
            return
        value = _value(item)
        if item.kids is None and not item.is_env and any(_same(value, a) for a in allowed) and not _same(value, want):
            report.at(item, f"the {dotted} of {name} is {_show(value)}, not {_show(want)}",
                      expected=f"{_show(want)} in {name} (each configuration's pages, language and output folder are "
                               "fixed: EXPECTED in guide/build/preflight.py)", fix=f"write {_show(want)}.")

    equals(("docs_dir",), expected.docs, "docs", DOCS_DIRS)
    equals(("site_dir",), expected.site, "site", SITE_DIRS)
    equals(("theme", "language"), expected.lang, "en", LANGS)
    equals(("theme", "name"), "material", None, ())
    equals(("theme", "custom_dir"), "overrides", None, ())
    variant = _get(config, "theme", "variant")
    if expected.engine == "zensical":
        equals(("theme", "variant"), "classic", None, ())
    elif variant is not None:
        report.at(variant, f"the setting 'theme.variant' in {variant.source.name}, read by MkDocs for {name}", on_key=True,
                  expected="theme.variant only in the Zensical configurations (overrides/main.html tells the engines apart by it)",
                  fix="remove it.")
    url = _get(config, "site_url")
    variable = "SITE_URL" if expected.lang == "en" else "SITE_URL_ES"
    if url is not None and isinstance(url.node, yaml.SequenceNode) and url.is_env and url.node.value \
            and url.node.value[0].value in ENV_NAMES["site_url"] and url.node.value[0].value != variable:
        report.at(url, f"the site_url of {name} reads {url.node.value[0].value}", expected=f"!ENV [{variable}, ...]: the "
                  + ("English" if expected.lang == "en" else "Spanish") + " edition's address", fix=f"write !ENV [{variable}, ...].")
    _check_plugins(name, config, expected, report, missing)
    _check_extensions(name, config, expected, report)
    _check_lists(config, report)
    editions = _get(config, "extra", "editions")
    if editions is not None and isinstance(editions.kids, dict):
        for code in LANGS:
            edition = editions.kids.get(code)
            for part in ("name", "lang", "root", "url"):
                if _get(edition, part) is None:
                    missing(f"the setting 'extra.editions.{code}.{part}' is missing from {name}", edition or editions,
                            f"each edition ({', '.join(LANGS)}) with its name, lang, root and url", "add it as mkdocs.yml has it.")
    nav = _get(config, "nav")
    if nav is None:
        missing(f"{name} has no nav", None, "nav: every page of the edition, in reading order", "add the nav (see mkdocs.yml).")
    elif nav.source.name in NAV_FILES.values():  # a nav anywhere else is refused as such (_nav_elsewhere)
        _check_nav(nav, project, expected.docs, report, pair)


def _check_plugins(name: str, config: Item, expected: Expected, report: Report, missing: Callable[..., None]) -> None:
    plugins = _get(config, "plugins")
    seen: dict[str, Item] = {}
    for entry in plugins.kids if plugins is not None and isinstance(plugins.kids, list) else []:
        plugin, options = _plugin(entry)
        if plugin is None:
            continue
        if plugin in seen:
            merged = seen[plugin].source is not entry.source
            report.at(entry, f"the plugin '{plugin}' is listed twice in {name if merged else entry.source.name}", on_key=True,
                      expected="each plugin once" + (" (Zensical's INHERIT appends the lists of the file it inherits)" if merged else ""),
                      fix=f"remove the second '{plugin}'.")
        seen[plugin] = entry
        given = _value(options) if options is not None else {}
        given = given if isinstance(given, dict) else {}
        if plugin == "macros":
            for option, value in MACROS.items():
                if option not in given:
                    missing(f"the macros option '{option}' is missing from {name}", options or entry,
                            "the macros plugin with " + ", ".join(f"{k}: {_show(v)}" for k, v in MACROS.items()),
                            f"add '{option}: {_show(value).strip(chr(39))}' under macros:.")
        if plugin == "search" and "lang" in given:
            lang = _get(options, "lang")
            if lang is not None and not _same(given["lang"], expected.lang):  # (Zensical 0.0.73 reads and drops it)
                report.at(lang, f"the search language of {name} is not its own", expected=f"lang: {expected.lang}",
                          fix=f"write lang: {expected.lang}.")
    if "macros" not in seen:
        missing(f"{name} does not run the macros plugin", plugins, "- macros: with " +
                ", ".join(f"{k}: {_show(v)}" for k, v in MACROS.items()) + " (it checks every page before the build)",
                "add the macros plugin as mkdocs.yml has it.")


def _check_extensions(name: str, config: Item, expected: Expected, report: Report) -> None:
    """markdown_extensions must be exactly guide.render.mdconfig.as_config(language), item by item."""
    want = mdconfig.as_config(expected.lang)
    item = _get(config, "markdown_extensions")
    source = "guide/render/mdconfig.py's list for the " + ("English" if expected.lang == "en" else "Spanish") + " edition"
    fix = ("write markdown_extensions exactly as guide/render/mdconfig.py gives them (the page check renders every page with "
           "that list; another extension or option is a maintainer's change there).")
    if item is None or not isinstance(item.kids, list) or item.is_env:
        where = item or config
        report.add(GuideError(where.source.name, f"the markdown_extensions of {name} are not {source}", line=where.key_line if item else 1,
                              key="markdown_extensions", found="no list of extensions" if item is None else where.found(),
                              expected=_show(want), fix=fix))
        return
    given = [_value(entry) for entry in item.kids]
    files = {entry.source.name for entry in item.kids}
    appended = " (Zensical's INHERIT appends the lists of the file it inherits)" if len(files) > 1 else ""
    matcher = difflib.SequenceMatcher(a=[_canon(v) for v in given], b=[_canon(v) for v in want], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            for k, entry in enumerate(item.kids[i1:i2]):
                other = want[j1 + k] if op == "replace" and j1 + k < j2 else None
                place = [e for e in item.kids if e.source is entry.source].index(entry) + 1
                report.at(entry, f"extension {place} of {entry.source.name} is not the one in {source}" if other is not None
                          else f"an extension {entry.source.name} adds to {source}", found=_show(given[i1 + k]),
                          expected=_show(other) if other is not None else f"only these {len(want)}: {_show(want)}{appended}",
                          fix=fix)
        if op == "insert" or (op == "replace" and j2 - j1 > i2 - i1):
            lacking = want[j1 + (i2 - i1 if op == "replace" else 0):j2]
            at = item.kids[i1 - 1] if i1 > 0 else item
            report.at(at, f"{at.source.name} lacks extensions of {source}" + (f" after extension {i1}" if i1 else ""),
                      on_key=at is item, found=f"{len(item.kids)} extensions", expected=_show(lacking), fix=fix)


def _canon(value: object) -> str:
    """A text that two values share only when :func:`_same` holds (for a diff)."""
    return json.dumps(value, sort_keys=True, default=repr)


def _check_lists(config: Item, report: Report) -> None:
    """No palette scheme or feature twice (Zensical's INHERIT appends lists)."""
    for path, part in ((("theme", "palette"), "media"), (("theme", "features"), "")):
        item = _get(config, *path)
        seen: set[str] = set()
        for entry in item.kids if item is not None and isinstance(item.kids, list) else []:
            value = _value(_get(entry, part) or entry) if part else _value(entry)
            if str(value) in seen:
                report.at(entry, f"'{'.'.join(path)}' lists {_show(value)} twice", expected="each once",
                          fix="remove the second one (Zensical's INHERIT appends the lists of the file it inherits).")
            seen.add(str(value))


@dataclass
class Nav:
    """One edition's nav as read: the file that gives it, its folder, and the pages it lists in reading order."""

    nav: Item
    folder: str
    pages: dict[str, Item]
    """Each page listed, first entry only, in the order of the nav (its scalar: the page's file name)."""

    @property
    def name(self) -> str:
        return self.nav.source.name


def _nav_pages(nav: Item) -> dict[str, Item]:
    """The pages ``nav`` lists, in order (sections followed), without checking anything."""
    found: dict[str, Item] = {}

    def walk(item: Item) -> None:
        if item.is_env:
            return
        if isinstance(item.kids, list):
            for sub in item.kids:
                walk(sub)
        elif isinstance(item.kids, dict):
            for value in item.kids.values():
                walk(value)
        elif isinstance(item.node, yaml.ScalarNode) and isinstance(item.node.value, str):
            found.setdefault(item.node.value, item)

    walk(nav)
    return found


def _check_nav(nav: Item, project: Path, folder: str, report: Report, pair: Nav | None = None) -> None:
    """Every nav entry a plain title and an existing page of ``folder``; every page in the nav, once.
    ``pair``: the other edition's nav, which says where a page missing here goes."""
    if not isinstance(nav.kids, list) or nav.is_env:
        report.at(nav, f"the nav in {nav.source.name} is not a list", expected="nav: a list of '- Title: page.md' lines",
                  fix="write the nav as mkdocs.yml does.")
        return
    docs = project / folder
    listed, absent = _nav_entries(nav.kids, docs, folder, report)
    pages = _pages(docs)
    unlisted = [rel for rel in pages if rel not in listed]
    for item in absent:  # a misspelt entry is one mistake: the page it meant is named here, not reported again
        target = item.node.value
        hint = did_you_mean(target, pages)
        copy = f" (copy {pair.folder}/{target} to {folder}/{target} and translate it)" \
            if pair is not None and (project / pair.folder / target).is_file() else ""
        report.at(item, f"the nav lists a page that does not exist: '{target}'",
                  expected=f"a page file under {folder}/ (names are case-sensitive)",
                  fix=(hint + " " if hint else "") + "Correct the file name, or add the page" + copy
                      + "." + (f" Pages of {folder}/ not in the nav: {', '.join(unlisted)}." if unlisted else ""))
    for rel in [] if absent else unlisted:
        order = list(pair.pages) if pair is not None and rel in pair.pages else None
        where, line = _add_line(Nav(nav, folder, listed), rel, order, docs / rel)
        report.add(GuideError(nav.source.name, f"the page {folder}/{rel} is not in the nav", line=where,
                              found=f"no nav entry for {rel}",
                              expected="every page of the edition listed under nav:, in reading order" +
                                       (f", at the place {pair.name} gives its pair" if pair is not None and order else ""),
                              fix=line + ("; that is the end of the nav: move it to its place in reading order, and list its "
                                          "pair at the same place in the other edition's nav" if order is None else "")
                                  + "; or start the file name with _ if it is not a page."))


def _nav_entries(items: list[Item], docs: Path, folder: str, report: Report) -> tuple[dict[str, Item], list[Item]]:
    """The nav's pages by file name (each title plain text, each page listed once), and the entries naming
    a page that does not exist."""
    listed: dict[str, Item] = {}
    absent: list[Item] = []

    def entry(item: Item) -> None:
        if isinstance(item.kids, dict) and not item.is_env:
            if len(item.kids) != 1:
                report.at(item, "a nav entry with more than one title", expected="'- Title: page.md', one per line",
                          fix="put each title on its own '- ' line.")
            for title, value in item.kids.items():
                problem = schema.plain_text_problem(title, {k: v for k, v in PRINTED.items() if k != '"'})
                if problem:
                    markup = any(c in title for c in schema.FORBIDDEN)
                    report.at(value, "a nav title with markup" if markup else f"a nav title that is not plain text: {problem}",
                              on_key=True, expected="a plain-text title", fix="write the title as plain words.")
                if isinstance(value.kids, list) and not value.is_env:
                    for sub in value.kids:
                        entry(sub)
                else:
                    page(value)
        else:
            page(item)

    def page(item: Item) -> None:
        target = item.node.value if isinstance(item.node, yaml.ScalarNode) and not item.is_env else None
        if not isinstance(target, str) or not PAGE.fullmatch(target) or "://" in target:
            report.at(item, "a nav entry that is not a page of the site", expected=f"a page file under {folder}/, such as pain.md",
                      fix="point the entry at a page; links to other sites go in the pages' text.")
            return
        if not (docs / target).is_file():
            absent.append(item)
        elif target in listed:
            first = listed[target]
            report.at(item, f"the nav lists {target} twice", expected="each page once",
                      fix=f"remove one of the two entries (the other is line {first.line} of {first.source.name}"
                          + ("; Zensical's INHERIT appends the nav of the file it inherits" if first.source is not item.source else "") + ").")
        listed.setdefault(target, item)

    for item in items:
        entry(item)
    return listed, absent


def _pages(docs: Path) -> list[str]:
    """The pages of a pages folder (templates, starting with _, and folders named *.md left out: the page scan
    names those), sorted."""
    found = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.is_file()) if docs.is_dir() else []
    return [rel for rel in found if not (rel.startswith(("_", ".")) or "/_" in rel or "/." in rel)]


def _add_line(nav: Nav, rel: str, order: list[str] | None, page: Path, title_from: Path | None = None) -> tuple[int, str]:
    """Where the entry for ``rel`` goes in ``nav`` and the words saying so: ``(line, "add the line '...' after line N
    of file ('...')")``. The place: after the nearest page before ``rel`` in ``order`` (the other edition's nav) that
    ``nav`` lists, or first; without an order, after the last entry. The title: the page's own heading
    (``title_from``'s, when the page is yet to be written)."""
    rows = nav.nav.source.rows
    entries = list(nav.pages.items())
    anchor: Item | None = entries[-1][1] if entries else None
    if order is not None:
        before = order[: order.index(rel)] if rel in order else order
        anchor = next((nav.pages[p] for p in reversed(before) if p in nav.pages), None)
    first = nav.nav.kids[0] if isinstance(nav.nav.kids, list) and nav.nav.kids else None
    model = anchor or first
    prefix = "  - "
    if model is not None and model.line - 1 < len(rows):
        match = re.match(r"\s*-\s+", rows[model.line - 1])
        prefix = match.group(0) if match else prefix
    line = anchor.line if anchor is not None else nav.nav.key_line
    shown = _quoted(nav.nav.source, line - 1)
    text = f"{prefix}{_nav_key(_title(title_from or page, rel))}: {rel}"
    return line, f"add the line '{text}' after line {line} of {nav.name} ({shown})"


def _title(page: Path, rel: str) -> str:
    """A nav title for a page: its '# ' heading when that is plain text, else its file name in words."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4:] if end >= 0 else ""
    heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    title = heading.group(1).strip() if heading else ""
    if not title or any(c in title for c in "{}[]<>`*_\\|") or schema.plain_text_problem(title, PRINTED):
        words = rel.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").replace("_", " ").strip()
        title = words[:1].upper() + words[1:]
    return title


def _nav_key(title: str) -> str:
    """``title`` as YAML reads it back as that title, before ': page.md' (in double quotes when it must be)."""
    try:
        if yaml.safe_load(f"- {title}: x.md") == [{title: "x.md"}]:
            return title
    except yaml.YAMLError:
        pass
    return json.dumps(title, ensure_ascii=False)


def _check_pairs(en: Nav, es: Nav, project: Path, report: Report) -> None:
    """The two editions list the same pages in the same order, and each page has its pair: a page of one edition
    only is named on the line of the other's nav where its pair goes; a page out of the English order is named on
    its Spanish line, with the line to move it after."""
    for this, other, lang in ((en, es, "Spanish"), (es, en, "English")):
        have = set(_pages(project / other.folder))
        for rel in _pages(project / this.folder):
            if rel in have:
                continue
            item = this.pages.get(rel)
            order = list(this.pages) if item is not None else None
            where, line = _add_line(other, rel, order, project / other.folder / rel, project / this.folder / rel)
            report.add(GuideError(
                other.name, f"{this.folder}/{rel} has no {lang} pair", line=where,
                found=f"no {other.folder}/{rel}" + (f" (line {item.line} of {this.name} lists {rel})" if item is not None else ""),
                expected=f"every page in both editions, under the same file name ({this.folder}/{rel} and {other.folder}/{rel}), "
                         "at the same place in both navs",
                fix=f"copy {this.folder}/{rel} to {other.folder}/{rel} and translate it, then {line} (with the title in {lang}); "
                    f"or, if the page should go, delete {this.folder}/{rel}" + (f" and line {item.line} of {this.name}" if item else "") + "."))
    english = [p for p in en.pages if p in es.pages]
    spanish = [p for p in es.pages if p in en.pages]
    matcher = difflib.SequenceMatcher(a=spanish, b=english, autojunk=False)
    kept = {spanish[block.a + k] for block in matcher.get_matching_blocks() for k in range(block.size)}
    for rel in spanish:
        if rel in kept:
            continue
        item = es.pages[rel]
        before = english[: english.index(rel)]
        anchor = es.pages[before[-1]] if before else None
        after = anchor.line if anchor is not None else es.nav.key_line
        report.at(item, f"the nav of {es.name} lists {rel} at another place than {en.name}", found=_quoted(es.nav.source, item.line - 1),
                  expected=f"the pages in the order of {en.name} (line {en.pages[rel].line} lists {rel} "
                           + (f"after {before[-1]})" if before else "first)"),
                  fix=f"move line {item.line} to just after line {after} ({_quoted(es.nav.source, after - 1)}).")


# --- the entry points ---------------------------------------------------------------------------------


def check_config(root: Path) -> None:
    """Every site configuration and every file it inherits, by the allowlist (module docstring).
    Raises ``GuideErrors`` with every problem found, sorted by file and line."""
    report = Report()
    project = root.resolve()
    reads: dict[Path, Read] = {}
    wholes: list[tuple[str, Item, bool]] = []

    def read(path: Path) -> Read:
        if path not in reads:
            reads[path] = _read(path, path.relative_to(project).as_posix(), report)
            reads[path].parent = _inherit(reads[path], project, report)
        return reads[path]

    for name in CONFIGS:
        path = project / name
        if not path.exists() and not path.is_symlink():
            continue
        chain, loop = [path], False
        while (parent := read(chain[-1]).parent) is not None:
            if parent in chain:
                # The loop told once, from its first file by name, whichever configuration led into it.
                loop_files = chain[chain.index(parent):]
                first = min(range(len(loop_files)), key=lambda i: loop_files[i].as_posix())
                loop_files = loop_files[first:] + loop_files[:first]
                item = _get(reads[loop_files[-1]].root, "INHERIT")
                if item is not None:
                    names = " -> ".join(p.relative_to(project).as_posix() for p in [*loop_files, loop_files[0]])
                    report.at(item, f"INHERIT makes a loop: {names}", expected="a chain of INHERIT that ends",
                              fix="remove the INHERIT that leads back.")
                loop = True
                break
            chain.append(parent)
        reads_ok = [reads[p] for p in chain]
        if loop or any(r.root is None for r in reads_ok) or _broken_inherit(reads_ok):
            continue
        merged: Item | None = None
        for r in reversed(reads_ok):
            assert r.root is not None
            merged = r.root if merged is None else _merge(merged, r.root, _appends(EXPECTED[name]))
        assert merged is not None and isinstance(merged.kids, dict)
        merged = Item(merged.source, merged.node, "", None, {k: v for k, v in merged.kids.items() if k != "INHERIT"})
        wholes.append((name, merged, len(chain) > 1))
    navs: dict[str, Nav] = {}
    for name, merged, _ in wholes:
        nav = _get(merged, "nav")
        if name in NAV_FILES.values() and nav is not None and isinstance(nav.kids, list) and not nav.is_env:
            navs[EXPECTED[name].lang] = Nav(nav, EXPECTED[name].docs, _nav_pages(nav))
    for name, merged, inherits in wholes:
        pair = next((nav for lang, nav in navs.items() if lang != EXPECTED[name].lang), None)
        _check_whole(name, merged, EXPECTED[name], project, report, inherits=inherits, pair=pair)
    if len(navs) == len(NAV_FILES):
        _check_pairs(navs["en"], navs["es"], project, report)
    for r in reads.values():
        if r.root is not None:
            settings(SETTINGS)(r.root, report)
            _nav_elsewhere(r, report)
    report.raise_any()


def _nav_elsewhere(read: Read, report: Report) -> None:
    """A nav anywhere but in NAV_FILES: a second place to list every page, bound to drift from the first."""
    nav = _get(read.root, "nav")
    if nav is None or read.source.name in NAV_FILES.values():
        return
    rows = nav.node.end_mark.line - (1 if nav.node.end_mark.column == 0 else 0)
    span = f"line {nav.key_line}" if rows + 1 <= nav.key_line else f"lines {nav.key_line} to {rows + 1}"
    report.at(nav, f"a nav in {read.source.name}", on_key=True,
              expected="each edition's nav in one place: " + " and ".join(f"{f} ({'English' if lang == 'en' else 'Spanish'})"
                                                                         for lang, f in NAV_FILES.items())
                       + "; every other configuration INHERITs it",
              fix=f"delete the nav ({span} of {read.source.name}) and list pages in "
                  + " or ".join(NAV_FILES.values()) + " alone.")


def _appends(expected: Expected) -> bool:
    """Whether the engine merges INHERITed lists by appending them: Zensical reading a configuration itself."""
    return expected.engine == "zensical" and not expected.flat


def flatten(root: Path, name: str) -> Path:
    """Write configuration ``name`` with the files it INHERITs merged in as MkDocs merges them (settings key by key,
    lists replaced) into ``EXPECTED[name].flat`` beside it, for Zensical, whose INHERIT appends lists (a Spanish
    configuration inheriting mkdocs.es.yml would get the English nav, plugins, extensions and palette too). The values
    are written as they are read, ``!ENV`` tags included, so the engine reads the environment as the pre-flight did.
    Run after :func:`check_config` passed; returns the file written."""
    project = root.resolve()
    report = Report()
    chain: list[Read] = []
    path: Path | None = project / name
    while path is not None and len(chain) <= len(CONFIGS):
        chain.append(_read(path, path.relative_to(project).as_posix(), report))
        path = _inherit(chain[-1], project, report)
    report.raise_any()
    merged: Item | None = None
    for read in reversed(chain):
        assert read.root is not None
        merged = read.root if merged is None else _merge(merged, read.root, False)
    assert merged is not None
    names = " <- ".join(r.source.name for r in chain)
    text = yaml.serialize(_node(merged), allow_unicode=True, width=4096)
    out = project / EXPECTED[name].flat
    out.write_text(f"# Written by `make build-zensical` (python -m guide.build.preflight --flatten) from {names}, lists replaced as\n"
                   f"# MkDocs replaces them; Zensical builds from this file. Do not edit it: edit {name} or the files it INHERITs.\n"
                   + text, encoding="utf-8")
    return out


def _node(item: Item) -> yaml.Node:
    """The YAML node of a (merged) item, INHERIT left out."""
    if isinstance(item.kids, dict) and not item.is_env:
        return yaml.MappingNode("tag:yaml.org,2002:map",
                                [(kid.key, _node(kid)) for key, kid in item.kids.items() if key != "INHERIT" and kid.key is not None])
    if isinstance(item.kids, list) and not item.is_env:
        return yaml.SequenceNode("tag:yaml.org,2002:seq", [_node(kid) for kid in item.kids])
    return item.node


def _broken_inherit(chain: list[Read]) -> bool:
    """Whether a file of the chain has an INHERIT that was refused (its problem is reported)."""
    return any(_get(r.root, "INHERIT") is not None and r.parent is None for r in chain)


def content_errors(root: Path, checked: list[handoff.Checked] | None = None, parallel: bool = False,
                   hand_off: bool = False) -> list[GuideError]:
    """Everything an editor can break in the content, for both editions at once: the data and its Spanish
    wording, the strings, the glossaries, every page of both folders, the pairs and the partials, as
    each edition's build checks them (``guide.build.library.load_project``), without building anything.
    With ``checked``, each edition that loads is added to it (with ``hand_off``, with the digest of the files
    for the builds, ``guide.build.handoff``); with
    ``parallel``, the Spanish edition is read in a second process (a fork) while this one reads the English."""
    from guide.build.library import SPANISH

    if not (root / "macros.py").is_file():
        return []  # not a guide (a configuration's fixture)
    from guide.content.pages import check_numeral_pairs

    digest = handoff.digest(root) if hand_off else ""  # the files as they are before any is read
    spanish_conf: BuildConfig = {**SPANISH, **_addresses(root, "mkdocs.es.yml")}
    confs = (None, spanish_conf) if (root / "docs-es").is_dir() else (None,)
    spanish = _forked(lambda: _edition(root, confs[1], digest)) if parallel and len(confs) == 2 and hasattr(os, "fork") else None
    editions = [_edition(root, confs[0], digest), spanish() if spanish else None][:len(confs)]
    if len(confs) == 2 and spanish is None:
        editions[1] = _edition(root, confs[1], digest)
    found: dict[str, GuideError] = {}
    sites = {}
    for edition in editions:
        assert edition is not None
        problems, site, record = edition
        if site is not None:
            sites[site[0]] = site[1]
        if record is not None and checked is not None:
            checked.append(record)
        for problem in problems:
            found.setdefault(str(problem), problem)  # both editions report the data's and the pairs' problems
    if len(sites) == 2:  # the numbers typed on each pair of pages, once both editions read
        for problem in check_numeral_pairs(sites):
            found.setdefault(str(problem), problem)
    return sorted(found.values(), key=lambda e: (e.file, e.line or 0))


Edition = tuple[list[GuideError], "tuple[str, Site] | None", "handoff.Checked | None"]


def _edition(root: Path, conf: BuildConfig | None, digest: str) -> Edition:
    """One edition read and checked: its problems, or its pages (by folder) and, with ``digest``, its record."""
    from guide.build.library import load_project

    try:
        project = load_project(root, conf)
    except GuideErrors as exc:
        return exc.errors, None, None
    return [], (project.docs_shown, project.site), project.checked(digest)


def _forked(work: Callable[[], Edition]) -> Callable[[], Edition]:
    """Start ``work`` in a forked process now; the function returned waits for its result. The problems travel
    as their fields (an exception pickles by its message alone); a failure of the code itself is raised here,
    with the child's traceback."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send it back, leave at once (no cleanup of the parent's state)
        os.close(read)
        try:
            problems, site, record = work()
            data = pickle.dumps(("done", [(type(p), vars(p)) for p in problems], site, record))
        except BaseException:  # noqa: BLE001 - told to the parent, which raises it
            data = pickle.dumps(("failed", traceback.format_exc(), None, None))
        with os.fdopen(write, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write)

    def result() -> Edition:
        with os.fdopen(read, "rb") as source:
            data = source.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError("the pre-flight's second process ended without a result")
        status, problems, site, record = pickle.loads(data)  # noqa: S301 - from our own child process
        if status != "done":
            raise RuntimeError(f"the pre-flight's second process failed:\n{problems}")
        return [kind(**{k: v for k, v in fields.items() if k in kind.__dataclass_fields__}) for kind, fields in problems], site, record

    return result


def _addresses(root: Path, name: str) -> BuildConfig:
    """The addresses (site_url, repo_url) an edition's configuration gives its build, for the pages' links,
    read as its engine reads them (the file, then what it INHERITs; ``!ENV`` from the environment)."""
    from guide.build.siteurl import load_config

    found: BuildConfig = {}
    path: Path | None = root / name
    for _ in CONFIGS:  # a chain no longer than the configurations (a loop is check_config's message)
        if path is None or not path.is_file() or not path.resolve().is_relative_to(root.resolve()):
            break
        try:
            config = load_config(path)
        except (yaml.YAMLError, ValueError, OSError):
            break
        if isinstance(config.get("site_url"), str):
            found.setdefault("site_url", config["site_url"])
        if isinstance(config.get("repo_url"), str):
            found.setdefault("repo_url", config["repo_url"])
        parent = config.get("INHERIT")
        path = path.parent / parent if isinstance(parent, str) else None
    return found


def _configs_read(root: Path) -> bool:
    """Whether each edition's configuration reads as YAML (its other problems have messages of their own)."""
    from guide.build.siteurl import load_config

    for name in ("mkdocs.yml", "mkdocs.es.yml"):
        if (root / name).is_file():
            try:
                load_config(root / name)
            except (yaml.YAMLError, ValueError, OSError):
                return False
    return True


AFTER_BUILD = ("These are all the problems the pre-flight finds. The checks of the built pages (English words "
               "left unmarked in the Spanish edition, the HTML and its security policy) read the pages the build makes, "
               "so they run on the next `make build`, once these are fixed.")
"""Said after the pre-flight's problems: what the same run could not check, and when it will."""


def main(argv: list[str]) -> int:
    """``python -m guide.build.preflight [project] [--configs-only] [--flatten]``: every check an editor's change can
    fail, all at once (the configurations, the links, then the content of both editions; ``--configs-only``:
    the first two, for `make serve`, which checks the content live); with ``--flatten``, then the flattened
    configurations for Zensical (:func:`flatten`)."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else Path.cwd()
    errors: list[GuideError] = []
    for check in (check_config, check_symlinks):
        try:
            check(root)
        except (GuideError, GuideErrors) as exc:
            errors.extend(exc.errors if isinstance(exc, GuideErrors) else [exc])
    # The content is read through the editions' configurations (addresses, folders, languages): while one
    # of them cannot be read, its message comes alone, and the content is checked on the next run.
    checked: list[handoff.Checked] = []
    if "--configs-only" not in argv and _configs_read(root):
        errors = sorted([*errors, *content_errors(root, checked, parallel=True, hand_off=handoff.folder() is not None)],
                        key=lambda e: (e.file, e.line or 0))
    if not errors and "--flatten" in argv[1:]:
        try:
            for name, expected in EXPECTED.items():
                if expected.flat and (root / name).is_file():
                    flatten(root, name)
        except (GuideError, GuideErrors) as exc:
            errors.extend(exc.errors if isinstance(exc, GuideErrors) else [exc])
    if errors:
        print(f"ERROR    -  {GuideErrors(errors)}", file=sys.stderr)
        if "--configs-only" not in argv:
            print(f"INFO    -  {AFTER_BUILD}", file=sys.stderr)
        return 1
    from guide.content.pages import shown_as_typed

    typed = [row for edition in checked for row in shown_as_typed(edition.docs_shown, edition.site)]
    if typed:  # the editor's explicit "not a fact", which nothing checks as one: shown at every build, as in make facts
        print("INFO    -  Shown as typed, not checked as facts (code and {% raw %} blocks): check each one.", file=sys.stderr)
        for row in typed:
            print(f"INFO    -    {visible(row)}", file=sys.stderr)
    for edition in checked:  # all passed: the builds of this `make build` need not check the same files again
        handoff.save(edition)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
