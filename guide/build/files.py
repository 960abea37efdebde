"""The files a build reads: the content folders, with no symbolic link among them (a link could pull in any file
of the machine). Pre-flight, the project's load and `make serve` check them the same way."""

from __future__ import annotations

from pathlib import Path

from guide.errors import GuideError, GuideErrors

CONTENT_DIRS = ("docs", "docs-es", "includes", "data", "overrides", "sources")


def link_target(path: Path) -> str:
    """Where the link ``path`` points, for a message."""
    try:
        return str(path.readlink())
    except OSError:
        return "somewhere else"


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
    """Refuse every symbolic link under the content folders, one message each."""
    links = symlinks(root)
    if links:
        raise GuideErrors([GuideError(
            link, "a symbolic link in the content folders", found=f"a link to {link_target(root / link)}",
            expected="real files only under " + ", ".join(f"{d}/" for d in CONTENT_DIRS),
            fix=f"replace the link with a copy of the file it points to, or delete it (git rm {link}).")
            for link in links])
