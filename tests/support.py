"""What the tests share (not a test module): paths, the two engines' builds, the skip-or-fail rule.

* :func:`run_build` and :func:`run_zensical` build a project as `make build` and
  `make build-zensical` do (Zensical's build then gets the same post-build step).
* :func:`missing` is the one rule for a tool a test needs and cannot find:
  skipped on an editor's machine, a failure in CI (``CI=true``), so a missing
  browser or checker never passes unnoticed there.
* ``ENGINES``: the site is held to one bar under both engines; the fixtures in
  conftest.py parametrize the site checks over them (one build of each per session).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_CONFIG = "zensical.yml"  # INHERITs mkdocs.yml; sets site_dir and the theme variant
ZENSICAL_SITE_DIR = "site-zensical"
ENGINES = ("mkdocs", "zensical")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing(what: str) -> NoReturn:
    """Skip the test, or fail it in CI, because a tool it needs is not installed."""
    msg = f"{what} Run `make test`, which installs it (requirements-test.txt, package.json, tools/ensure-chromium.sh)."
    if in_ci():
        pytest.fail(msg)
    pytest.skip(msg)


@dataclass
class Build:
    """The outcome of one build."""

    project: Path
    site: Path
    returncode: int
    output: str
    engine: str = "mkdocs"

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(project: Path, site: Path | None = None) -> Build:
    """Build ``project`` strictly into ``site`` (default: project/site), as `make build` does."""
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
    return Build(project, site, proc.returncode, proc.stdout + proc.stderr)


def require_zensical() -> None:
    if not ZENSICAL.exists():
        missing(f"Zensical is not installed ({ZENSICAL.relative_to(ROOT)} is missing); "
                "`make test` and `make build-zensical` install it from requirements-zensical.txt.")


def run_zensical(project: Path, config: str = ZENSICAL_CONFIG, site_dir: str = ZENSICAL_SITE_DIR,
                 postbuild: bool = False) -> Build:
    """``zensical build --clean --strict`` in ``project``; with ``postbuild``, then the shared
    post-build step, exactly as `make build-zensical` runs them."""
    require_zensical()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([str(ZENSICAL), "build", "-f", config, "--clean", "--strict"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)
    build = Build(project, project / site_dir, proc.returncode, proc.stdout + proc.stderr, "zensical")
    if build.ok and postbuild:
        post = subprocess.run([str(ZENSICAL.parent / "python"), "-m", "guide.postbuild", site_dir],
                              cwd=project, env=env, capture_output=True, text=True, timeout=120)
        build.returncode, build.output = post.returncode, build.output + post.stdout + post.stderr
    return build
