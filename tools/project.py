"""Copy what a build reads into another folder, so a test or benchmark build never touches the work tree."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_PARTS = ("macros.py", "guide", "includes", "overrides", "data", "docs", "mkdocs.yml", "zensical.yml")


def copy_project(dest: Path, parts: Iterable[str] = BUILD_PARTS) -> Path:
    """Copy ``parts`` of the project (files or folders, caches left out) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest
