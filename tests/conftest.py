"""Shared fixtures: the real site built by each engine, tiny fixture sites, the browser and server.

Helpers live in support.py (paths, builds, the skip-or-fail rule) and browser.py
(Chromium, the local server, axe); test modules import those, never each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import browser as _browser
from support import ENGINES, MAKE_PARTS, Build, make_build, read_build, require_zensical, write_build
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
            return read_build(record)
        folder.mkdir()
        build = make(folder)
        write_build(build, record)
        return build


def _make(engine: str) -> Callable[[Path], Build]:
    def build(folder: Path) -> Build:
        return make_build(copy_project(folder / "project", (*BUILD_PARTS, *MAKE_PARTS)), engine)
    return build


BUILT_PROJECT = "GUIDE_BUILT_PROJECT"
"""The record (:func:`write_build`) of a `make build` made already: the ``site`` of a run that sets it."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test run by `make build` in a copy of the project (the working
    tree's site folders are never touched). Tests that need a previous site copy ``site.project``."""
    built = os.environ.get(BUILT_PROJECT)
    if built:  # the corrected copy's run (test_data_correction.py): its `make build` is made already
        build = read_build(Path(built))
        assert build.ok and (build.site / "index.html").is_file(), f"{BUILT_PROJECT}={built}: no site built there"
        return build
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
# Every test gets its layer markers from what it uses (pytest.ini lists them), so each layer runs alone:
#   zensical: needs the Zensical venv (its build, or its name says so);
#   browser:  drives Chromium;
#   site:     reads the real site's build (no browser);
#   build:    marked by hand: builds a fixture site or a copy of the project, or runs another command
#             in a new process (make, git, node, a tool);
#   unit:     everything else (data, macros, pages loaded in-process, tools called as functions):
#             in-process, so a unit test that starts a process fails, saying to mark it `build`;
#   suite:    marked by hand: runs the unit and site layers again in a corrected copy of the project (its build shared);
#   zensical_matrix: Zensical in the browser beyond the phone-width page checks (`make test-zensical`).
# `make test` runs `-m "not zensical_matrix"`; `make test-fast` runs
# `-m "not browser and not zensical and not suite"`; `make test-zensical` runs `-m zensical`.

PHONE = 600
"""Below this width a browser test is a phone's (tests/browser.py, new_context)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("suite"):  # a layer of its own: it runs the others (test_data_correction.py)
            continue
        fixtures = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "zsite" in fixtures or params.get("built") == "zensical" or "zensical" in item.nodeid.lower():
            item.add_marker(pytest.mark.zensical)
        if fixtures & {"browser", "tabs"} or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("zensical") and not params.get("width", PHONE) < PHONE:
                item.add_marker(pytest.mark.zensical_matrix)
        elif fixtures & {"site", "built", "served", "server"}:
            item.add_marker(pytest.mark.site)
        elif not item.get_closest_marker("zensical") and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.unit)


@contextlib.contextmanager
def _in_process(item: pytest.Item) -> Iterator[None]:
    """While a unit test runs (its fixtures included, whatever their scope), starting a process fails, naming
    the marker that moves the test to the build layer: the unit layer runs in-process."""
    if item.get_closest_marker("unit") is None:
        yield
        return

    def refused(self: subprocess.Popen[bytes], args: object, *_: object, **__: object) -> None:
        raise AssertionError(f"{item.nodeid} is a unit test, which runs in-process, and it started a process "
                             f"({args!r}). Fix: mark it @pytest.mark.build (pytest.ini), or call the code in-process.")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "_execute_child", refused)
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _in_process(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _in_process(item):
        return (yield)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
