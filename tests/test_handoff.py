"""The pre-flight hands what it checked to the builds of the same `make build` (guide/build/handoff.py).

A build takes the pre-flight's record of its edition only when the files are those the pre-flight read: a
page saved after the pre-flight, a record the pre-flight never wrote, or a build outside `make build`, and the
build checks everything itself. The pre-flight never takes a record. What a build makes from a record is
the site it makes by checking, byte for byte.
"""

from __future__ import annotations

import filecmp
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from guide.build import handoff, library
from guide.content import pages
from support import MKDOCS
from tools.project import copy_project

WRONG = "\nThe needles go 2 mm deep.\n"
"""A line every build refuses: a typed clinical number."""

pytestmark = pytest.mark.build  # the pre-flight and MkDocs run as commands


def _preflight(project: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, handoff.ENV: str(folder), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def _build(project: Path, folder: Path | None, site: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != handoff.ENV} | {"NO_MKDOCS_2_WARNING": "1"}
    if folder is not None:
        env[handoff.ENV] = str(folder)
    return subprocess.run([MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project and the hand-off folder its pre-flight wrote."""
    base = tmp_path_factory.mktemp("handoff")
    project, folder = copy_project(base / "project"), base / "checked"
    folder.mkdir()
    pre = _preflight(project, folder)
    assert pre.returncode == 0, pre.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["en.pickle", "es.pickle"]
    return project, folder


def test_a_build_takes_the_record_of_unchanged_files(checked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    project, folder = checked
    monkeypatch.setenv(handoff.ENV, str(folder))

    def no_scan(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pages were checked again")

    monkeypatch.setattr(pages, "scan", no_scan)
    for conf in (None, library.SPANISH):
        loaded = library.load_project(project, conf, handed=True)
        assert loaded.site.pages and loaded.all_facts
    with pytest.raises(AssertionError, match="checked again"):  # the pre-flight's own load takes nothing
        library.load_project(project, None)


def test_a_page_saved_after_the_preflight_is_checked_by_the_build(checked: tuple[Path, Path], tmp_path: Path) -> None:
    project, folder = checked
    copy = copy_project(tmp_path / "project")
    for record in folder.iterdir():  # the records of the unchanged project, in this copy's own folder
        (tmp_path / "checked").mkdir(exist_ok=True)
        (tmp_path / "checked" / record.name).write_bytes(record.read_bytes())
    assert handoff.digest(copy) == handoff.digest(project)
    with (copy / "docs" / "pain.md").open("a", encoding="utf-8") as page:
        page.write(WRONG)
    build = _build(copy, tmp_path / "checked", tmp_path / "site")
    assert build.returncode != 0
    assert "docs/pain.md" in build.stderr and "2 mm" in build.stderr, build.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_preflight_never_takes_a_record(checked: tuple[Path, Path], tmp_path: Path) -> None:
    """A record whose digest matches (planted, or left by an earlier run) does not stand for the pre-flight's checks."""
    project, folder = checked
    copy = copy_project(tmp_path / "project")
    with (copy / "docs" / "pain.md").open("a", encoding="utf-8") as page:
        page.write(WRONG)
    planted = tmp_path / "checked"
    planted.mkdir()
    for record in folder.iterdir():
        saved = pickle.loads(record.read_bytes())
        saved.digest = handoff.digest(copy)  # as if these files had passed
        (planted / record.name).write_bytes(pickle.dumps(saved))
    pre = _preflight(copy, planted)
    assert pre.returncode == 1 and "docs/pain.md" in pre.stderr, pre.stderr


def test_a_build_from_the_record_is_the_checked_build(checked: tuple[Path, Path], tmp_path: Path) -> None:
    project, folder = checked
    handed, alone = _build(project, folder, tmp_path / "handed"), _build(project, None, tmp_path / "alone")
    assert handed.returncode == 0 and alone.returncode == 0, handed.stderr + alone.stderr
    compared = filecmp.dircmp(tmp_path / "handed", tmp_path / "alone")

    def differences(cmp: filecmp.dircmp[str]) -> list[str]:
        found = [*cmp.left_only, *cmp.right_only, *cmp.diff_files, *cmp.funny_files]
        return found + [f for sub in cmp.subdirs.values() for f in differences(sub)]

    assert not differences(compared)
    assert (tmp_path / "handed" / "index.html").read_bytes() == (tmp_path / "alone" / "index.html").read_bytes()
