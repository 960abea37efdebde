"""`make build` lists what it lets through unchecked as facts (issue 21): every ``{% raw %}`` block and every
number in code, by file and line, in both editions, as `make facts` and the pull-request summary list them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.project import copy_project

pytestmark = pytest.mark.build  # the pre-flight runs as a command


def test_the_preflight_lists_raw_blocks_and_numbers_in_code(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for folder, line in (("docs", "Call {% raw %}555 0100{% endraw %} any time. Open `24 hours` a day.\n"),
                         ("docs-es", "Llame al {% raw %}555 0100{% endraw %} cuando quiera. Abierto `24 horas` al día.\n")):
        page = project / folder / "pain.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text + "\n" + line, encoding="utf-8")
        at = len((text + "\n").splitlines()) + 1
    proc = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    rows = [row.removeprefix("INFO    -    ") for row in proc.stderr.splitlines() if row.startswith("INFO    -    ")
            and f"pain.md:{at}:" in row]  # the rows of the line added here (an editor's own raw blocks elsewhere are listed too)
    assert [row.split(": '")[0] for row in rows] == [
        f"docs/pain.md:{at}: a {{% raw %}} block", f"docs/pain.md:{at}: a number in code",
        f"docs-es/pain.md:{at}: a {{% raw %}} block", f"docs-es/pain.md:{at}: a number in code"], proc.stderr
    assert rows[0].endswith(": '555 0100'") and rows[1].endswith("Open 24 hours a day.'"), rows
    assert rows[3].endswith("Abierto 24 horas al día.'") and "\ue0ff" not in proc.stderr, rows
    assert "Shown as typed, not checked as facts" in proc.stderr


def test_only_what_is_shown_as_typed_is_listed(tmp_path: Path) -> None:
    """Each listed row points at a line of the project's pages that has a raw block or code: nothing else is listed
    (the pages may have raw blocks of their own: an editor's reading time, the ninth new-editor trial)."""
    project = copy_project(tmp_path / "project")
    proc = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    rows = [row.removeprefix("INFO    -    ") for row in proc.stderr.splitlines() if row.startswith("INFO    -    ")]
    for row in rows:
        file, line = row.split(":", 2)[:2]
        text = (project / file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert "{% raw" in text or "`" in text or "{%raw" in text, row
    assert bool(rows) == ("Shown as typed" in proc.stderr), proc.stderr


def test_the_pre_flight_says_what_it_could_not_check_yet(tmp_path: Path) -> None:
    """Issue 21 (every problem at once): the checks of the built pages cannot run on pages that do not build,
    so the pre-flight's report says they come on the next run, once its problems are fixed."""
    from guide.build.preflight import AFTER_BUILD

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "pain.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWait 2 weeks before a peel.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project, capture_output=True,
                          text=True, timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 1 and "docs/pain.md:" in proc.stderr, proc.stderr
    assert proc.stderr.rstrip().endswith(f"INFO    -  {AFTER_BUILD}"), proc.stderr
