"""Shared fixtures: the real site built by each engine, tiny fixture sites, the browser and server.

Helpers live in support.py (paths, builds, the skip-or-fail rule) and browser.py
(Chromium, the local server, axe); test modules import those, never each other.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import browser as _browser
from support import ENGINES, MAKE_PARTS, Build, make_build, require_zensical
from tools.project import BUILD_PARTS, copy_project

# One Chromium and one server of each build for the whole session.
browser = _browser.browser
server = _browser.server
tabs = _browser.tabs


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Build]) -> Build:
    """``make(folder)`` once per test run, also when pytest-xdist runs the tests in several processes
    (`make test`): the first process to ask builds, under a file lock, and the others read its result."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's own temporary folder, shared by its workers
    folder, record = base / f"shared-{name}", base / f"shared-{name}.json"
    with (base / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            fields = json.loads(record.read_text(encoding="utf-8"))
            return Build(**{**fields, "project": Path(fields["project"]), "site": Path(fields["site"])})
        folder.mkdir()
        build = make(folder)
        record.write_text(json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in dataclasses.asdict(build).items()}),
                          encoding="utf-8")
        return build


def _make(engine: str) -> Callable[[Path], Build]:
    def build(folder: Path) -> Build:
        return make_build(copy_project(folder / "project", (*BUILD_PARTS, *MAKE_PARTS)), engine)
    return build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test run by `make build` in a copy of the project (the working
    tree's site folders are never touched). Tests that need a previous site copy ``site.project``."""
    build = shared_build(tmp_path_factory, "real", _make("mkdocs"))
    assert build.ok, build.output
    return build


@pytest.fixture(scope="session")
def zsite(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site built once by `make build-zensical` (Zensical and the shared post-build step), in a
    copy of the project."""
    require_zensical()
    build = shared_build(tmp_path_factory, "zensical", _make("zensical"))
    assert build.ok, build.output
    return build


@pytest.fixture(scope="session", params=ENGINES)
def built(request: pytest.FixtureRequest) -> Build:
    """The real site as each engine builds it: the checks that take it run once per engine."""
    build: Build = request.getfixturevalue("site" if request.param == "mkdocs" else "zsite")
    return build


@pytest.fixture(scope="session")
def served(built: Build) -> Iterator[_browser.Server]:
    """``built`` on http://127.0.0.1:<free port>/guide/, stopped at the end of the session."""
    with _browser.serving(built.site) as server:
        yield server


# --- layers --------------------------------------------------------------------------
# Every test gets one layer marker from what it uses, so each layer runs alone:
#   zensical: needs the Zensical venv (its build, or its name says so);
#   browser:  drives Chromium;
#   site:     reads the real site's build (no browser);
#   unit:     everything else (data, macros, tiny fixture sites, tools);
#   suite:    marked by hand: runs the unit and site layers again in a corrected copy of the project.
# `make test-fast` runs `-m "not browser and not zensical and not suite"`.


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("suite"):  # a layer of its own: it runs the others (test_data_correction.py)
            continue
        fixtures = set(getattr(item, "fixturenames", ()))
        engine = getattr(getattr(item, "callspec", None), "params", {}).get("built")
        if "zsite" in fixtures or engine == "zensical" or "zensical" in item.nodeid.lower():
            item.add_marker(pytest.mark.zensical)
        if fixtures & {"browser", "tabs"} or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
        elif fixtures & {"site", "built", "served", "server"}:
            item.add_marker(pytest.mark.site)
        elif not item.get_closest_marker("zensical"):
            item.add_marker(pytest.mark.unit)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
