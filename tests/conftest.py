"""Shared fixtures: the project root, builds of the real site and of tiny fixture sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
# What a fixture site copies from the project to build like the real one.
PROJECT_PARTS = ("macros.py", "guide", "includes", "overrides", "data", "docs", "mkdocs.yml")

sys.path.insert(0, str(ROOT))


@dataclass
class Build:
    """The outcome of one `mkdocs build`."""

    project: Path
    site: Path
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(project: Path, site: Path | None = None) -> Build:
    """Build ``project`` strictly into ``site`` (default: project/site)."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(project, site, proc.returncode, proc.stdout + proc.stderr)


def copy_project(dest: Path) -> Path:
    """A copy of the real project (data, pages, theme, macros) to change and build."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built strictly once per test run."""
    out = tmp_path_factory.mktemp("real") / "site"
    build = run_build(ROOT, out)
    assert build.ok, build.output
    return build


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
