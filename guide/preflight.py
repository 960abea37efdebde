"""Checks that run before either engine reads anything: ``python -m guide.preflight [project]``.

* ``mkdocs.yml``, ``zensical.yml`` and the Spanish edition's ``mkdocs.es.yml`` and
  ``zensical.es.yml`` must be valid YAML with no tag but ``!ENV``. MkDocs parses them
  before any plugin runs and prints the parser's raw text; this reports the
  file, line, what was found and how to fix it (a tab, an unquoted colon).
* Each nav (``mkdocs.yml`` over docs/, the Spanish configurations over docs-es/) lists
  only pages that exist, under plain-text titles, and every page of its folder.
* No symbolic links under docs/, includes/, data/, overrides/ or sources/: a
  committed link could publish a file from outside the repository. The build
  (``define_env``) runs this check too, so both engines refuse them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from . import schema
from .errors import GuideError, GuideErrors, did_you_mean
from .yamlsrc import compose

CONTENT_DIRS = ("docs", "docs-es", "includes", "data", "overrides", "sources")
CONFIGS = ("mkdocs.yml", "zensical.yml", "mkdocs.es.yml", "zensical.es.yml")
NAV_DOCS = {"mkdocs.yml": "docs", "mkdocs.es.yml": "docs-es", "zensical.es.yml": "docs-es"}
"""The configurations with a nav of their own, and the pages folder it lists (zensical.yml inherits mkdocs.yml's)."""


def symlinks(root: Path) -> list[str]:
    """Every symbolic link under the content folders, relative to ``root``."""
    found = []
    for part in CONTENT_DIRS:
        top = root / part
        if top.is_symlink():
            found.append(part)
            continue
        if not top.is_dir():
            continue
        for path in sorted(top.rglob("*")):
            if path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return found


def check_symlinks(root: Path) -> None:
    links = symlinks(root)
    if links:
        raise GuideErrors([GuideError(
            link, "a symbolic link in the content folders", found=f"a link to {_target(root / link)}",
            expected="real files only under " + ", ".join(f"{d}/" for d in CONTENT_DIRS),
            fix=f"replace the link with a copy of the file it points to, or delete it (git rm {link}).")
            for link in links])


def _target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:
        return "somewhere else"


ALLOWED_TAGS = ("!ENV",)
"""YAML tags the configuration may use. MkDocs reads mkdocs.yml with PyYAML's full loader, so a
``!!python/...`` tag would run code while the file is read, before any check of ours."""
_PLAIN_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
               "tag:yaml.org,2002:timestamp")


def check_config(root: Path) -> None:
    """Each site configuration file is valid YAML with no code-running tags; the nav lists every page,
    only pages that exist, under plain-text titles."""
    for name in CONFIGS:
        path = root / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8-sig")
        node = compose(text, name, what=f"{name} is not valid YAML")
        if node is None:
            continue
        _check_tags(node, name, text)
        _check_settings(node, name, text)
        if name in NAV_DOCS:
            _check_nav(node, name, text, root, NAV_DOCS[name])


def _walk(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(key)
            yield from _walk(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item)


def _row(text: str, node: yaml.Node) -> str:
    return "'" + text.splitlines()[node.start_mark.line].strip() + "'"


def _check_tags(root: yaml.Node, name: str, text: str) -> None:
    for node in _walk(root):
        if node.tag in _PLAIN_TAGS or node.tag in ALLOWED_TAGS:
            continue
        raise GuideError(name, f"the YAML tag '{node.tag}' in {name}", line=node.start_mark.line + 1,
                         found=_row(text, node), expected="plain values, and !ENV for a value from the environment",
                         fix="remove the tag: the configuration may not run code or build Python objects.")


REFUSED_SETTINGS = {
    "extra_javascript": "the theme's and the guide's own scripts are the only ones a page runs (overrides/main.html)",
    "extra_css": "the guide's styles live in overrides/stylesheets/ and are inlined by overrides/main.html",
    "hooks": "Python hooks run code during the build; the guide's code lives in macros.py and guide/",
}
"""Top-level settings a configuration may not have: each would add code or outside files to every page."""
PLAIN_SETTINGS = ("site_name", "site_description", "site_author", "copyright")
"""Top-level settings the theme prints into every page as they are (the footer's copyright as raw HTML)."""


def _check_settings(root: yaml.Node, name: str, text: str) -> None:
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in REFUSED_SETTINGS:
            raise GuideError(name, f"the setting '{key.value}' in {name}", line=key.start_mark.line + 1, key=key.value,
                             found=_row(text, key), expected=f"no '{key.value}': {REFUSED_SETTINGS[key.value]}",
                             fix=f"remove '{key.value}' (a maintainer changes overrides/ or guide/ instead, in review).")
        if key.value in PLAIN_SETTINGS and isinstance(value, yaml.ScalarNode) and value.tag not in ALLOWED_TAGS:
            problem = schema.plain_text_problem(str(value.value))
            if problem:
                raise GuideError(name, f"the {key.value} in {name} is not plain text: {problem}", line=value.start_mark.line + 1,
                                 key=key.value, found=_row(text, value), expected=schema.PLAIN_TEXT_EXPECTED, fix=schema.PLAIN_TEXT_FIX)


def _check_nav(root: yaml.Node, name: str, text: str, project: Path, folder: str = "docs") -> None:
    """Every nav entry a plain title and an existing page; every page in the nav (both engines agree then)."""
    nav = next((v for k, v in root.value if k.value == "nav"), None) if isinstance(root, yaml.MappingNode) else None
    if nav is None:
        return
    listed: set[str] = set()
    for item in _walk(nav):
        if not isinstance(item, yaml.MappingNode):
            continue
        for key, value in item.value:
            title = str(key.value)
            if any(c in title for c in "<>[]{}`\\"):
                raise GuideError(name, "a nav title with markup", line=key.start_mark.line + 1, found=_row(text, key),
                                 expected="a plain-text title", fix="write the title as plain words.")
            if isinstance(value, yaml.ScalarNode):
                target = str(value.value)
                if not target.endswith(".md") or "://" in target or ":" in target.split("/")[0]:
                    raise GuideError(name, "a nav entry that is not a page of the site", line=value.start_mark.line + 1,
                                     found=_row(text, value), expected=f"a page file under {folder}/, such as pain.md",
                                     fix="point the entry at a page; links to other sites go in the pages' text.")
                if not (project / folder / target).is_file():
                    pages = sorted(p.relative_to(project / folder).as_posix() for p in (project / folder).rglob("*.md"))
                    hint = did_you_mean(target, pages)
                    raise GuideError(name, f"the nav lists a page that does not exist: '{target}'",
                                     line=value.start_mark.line + 1, found=_row(text, value),
                                     expected=f"a page file under {folder}/ (names are case-sensitive)",
                                     fix=(hint + " " if hint else "") + "Correct the file name, or add the page.")
                listed.add(target)
    docs = project / folder
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = page.relative_to(docs).as_posix()
        if rel.startswith(("_", ".")) or "/_" in rel or rel in listed:
            continue
        raise GuideError(name, f"the page {folder}/{rel} is not in the nav", line=nav.start_mark.line + 1,
                         found=f"no nav entry for {rel}", expected="every page listed under nav:, in reading order",
                         fix=f"add a line such as '  - A title: {rel}' under nav: (or start the file name with _ "
                             "if it is not a page).")


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    try:
        check_config(root)
        check_symlinks(root)
    except (GuideError, GuideErrors) as exc:
        print(f"ERROR    -  {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
