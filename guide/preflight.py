"""Checks that run before either engine reads anything: ``python -m guide.preflight [project]``.

* ``mkdocs.yml`` (and ``zensical.yml``) must be valid YAML. MkDocs parses it
  before any plugin runs and prints the parser's raw text; this reports the
  file, line, what was found and how to fix it (a tab, an unquoted colon).
* No symbolic links under docs/, includes/, data/, overrides/ or sources/: a
  committed link could publish a file from outside the repository. The build
  (``define_env``) runs this check too, so both engines refuse them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import GuideError, GuideErrors
from .yamlsrc import compose

CONTENT_DIRS = ("docs", "docs-es", "includes", "data", "overrides", "sources")
CONFIGS = ("mkdocs.yml", "zensical.yml", "mkdocs.es.yml", "zensical.es.yml")


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


def check_config(root: Path) -> None:
    """Each site configuration file is valid YAML (the keys are the engines' business)."""
    for name in CONFIGS:
        path = root / name
        if path.exists():
            compose(path.read_text(encoding="utf-8-sig"), name, what=f"{name} is not valid YAML")


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
