"""Shared fixtures: the project root, builds of the real site and of tiny fixture sites."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
sys.path.insert(0, str(ROOT))

from tools.project import cite_numbers, copy_project  # noqa: E402,F401 - re-exported for the tests


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
    # As make build does: the pre-flight check of mkdocs.yml and symlinks first.
    pre = subprocess.run([sys.executable, "-m", "guide.preflight", str(project)], cwd=project, env=env,
                         capture_output=True, text=True, timeout=60)
    if pre.returncode != 0:
        return Build(project, site, pre.returncode, pre.stdout + pre.stderr)
    proc = subprocess.run(
        [MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    # As make build does: the Spanish edition (mkdocs.es.yml, issue 15) into site/es/, when the project has it.
    if proc.returncode == 0 and (project / "mkdocs.es.yml").is_file():
        es = subprocess.run(
            [MKDOCS, "build", "-f", "mkdocs.es.yml", "--strict", "--clean", "--site-dir", str(site / "es")],
            cwd=project, env=env, capture_output=True, text=True, timeout=300,
        )
        return Build(project, site, es.returncode, proc.stdout + proc.stderr + es.stdout + es.stderr)
    return Build(project, site, proc.returncode, proc.stdout + proc.stderr)


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
