"""What reaches a CI log is safe there (issue 20): a newline, a carriage return or a bidi control in
a page or the data is shown (as \\n, \\r or U+202E), never acted on. On GitHub a line that starts with
``::`` is a workflow command (``::notice::``, ``::add-mask::``, ``::stop-commands::``...)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from guide.build.library import load_project
from guide.errors import GuideError, GuideErrors, visible
from support import BIN, MAKE_PARTS, ROOT, TINY_PAGE, entry, one_page_project
from tools.project import BUILD_PARTS, copy_project

TITLE = 'title: "Tiny\\n::notice::x"\n'  # YAML: the title holds a newline, then a workflow command


def _refusal(project: Path) -> str:
    with pytest.raises(Exception) as info:
        load_project(project)
    return str(info.value)


def test_control_characters_are_shown_not_acted_on() -> None:
    assert visible("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert visible("\x00\x1b[31m\x7f\x85\x9b") == "U+0000U+001B[31mU+007FU+0085U+009B"  # C0, DEL and C1
    assert visible("abc\u202edcba\u2066\u2069\u200f\u061c") == "abcU+202EdcbaU+2066U+2069U+200FU+061C"  # bidi controls
    assert visible("line\u2028next\u2029") == "lineU+2028nextU+2029"
    assert visible("Prix: 5 € – “déjà” ñ 中文 ✓") == "Prix: 5 € – “déjà” ñ 中文 ✓"  # text is left alone


def test_every_part_of_an_editors_message_is_one_visible_line() -> None:
    error = GuideError("docs/a\nb.md", "bad\rthing", line=3, key="k\u202e", found="'x\n::notice::x'",
                       expected="one\x85line", fix="fix\tit")
    text = str(error)
    assert text == ("docs/a\\nb.md:3: bad\\rthing (at kU+202E) Found: 'x\\n::notice::x'. Expected: oneU+0085line. "
                    "Fix: Fix\\tit.")
    assert str(GuideErrors([error, error])).splitlines()[1:] == [f"  - {text}", f"  - {text}"]
    assert error.args == (text,)


def test_a_title_with_a_newline_and_a_workflow_command(tmp_path: Path) -> None:
    page = TINY_PAGE.replace("next_review: 2027-12-10\n", "next_review: 2027-12-10\n" + TITLE, 1)
    msg = _refusal(one_page_project(tmp_path, page))
    assert msg.startswith("docs/index.md:5: the title is not plain text: it contains a line break"), msg
    assert "Found: 'Tiny\\n::notice::x'." in msg
    assert len(msg.splitlines()) == 1 and "\r" not in msg


def test_a_data_value_with_a_carriage_return(tmp_path: Path) -> None:
    old = entry("facts.provider.licensed.value")
    project = one_page_project(tmp_path, TINY_PAGE)
    (project / "data" / "facts.yml").write_text(old.replaced(f'{old.indent}value: "a licensed\\r::warning::x practitioner"\n'),
                                                encoding="utf-8")
    msg = _refusal(project)
    assert "(at facts.provider.licensed.value) Found: 'a licensed\\r::warning::x practitioner' (text)." in msg, msg
    assert len(msg.splitlines()) == 1 and "\r" not in msg


def obeyed(log: str) -> list[str]:
    """The workflow commands GitHub's runner would carry out in ``log``: a line (ended by \\n or \\r, as
    the runner reads them) that starts with ``::``, outside a ``::stop-commands::TOKEN`` ... ``::TOKEN::`` stretch."""
    done, stopped = [], ""
    for row in re.split(r"\r\n|\r|\n", log):
        if stopped:
            stopped = "" if row == f"::{stopped}::" else stopped
        elif match := re.match(r"::([\w-]+)[ :]", row):
            done.append(row)
            if match[1] == "stop-commands":
                stopped = row.removeprefix("::stop-commands::")
    return [row for row in done if not row.startswith("::stop-commands::")]


def test_the_runner_reading_of_a_log() -> None:
    assert obeyed("a\n::notice::x\rb\r::warning::y") == ["::notice::x", "::warning::y"]
    assert obeyed("::stop-commands::t1\n::notice::x\n::t1::\n::error title=T::m") == ["::error title=T::m"]
    assert obeyed("x ::notice::in a line\nU+000A::notice::shown") == []


def _pr_build(tmp_path: Path, make: str) -> tuple[int, str, list[str], str]:
    """The pull-request check's build step (.github/workflows/pr.yml), run with ``make`` as its `make`:
    its exit code, its output as printed (carriage returns kept), the output's lines and the summary."""
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    script = next(s for s in flow["jobs"]["check"]["steps"] if s.get("name") == "Build the site")["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "make").write_text("#!/bin/bash\n" + make)
    (bin_dir / "make").chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "RUNNER_TEMP": str(tmp_path),
           "GITHUB_STEP_SUMMARY": str(summary), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=300)
    out = proc.stdout.decode("utf-8")  # bytes: text mode would turn the carriage returns into newlines
    return proc.returncode, out, out.rstrip("\n").split("\n"), summary.read_text(encoding="utf-8")


@pytest.mark.build
def test_the_pull_request_build_step_obeys_nothing_from_a_page(tmp_path: Path) -> None:
    """`make build` on a copy of the project whose page title holds "\\n::notice::x": the runner carries
    out one command, the step's own annotation, which shows the newline."""
    project = copy_project(tmp_path / "project", BUILD_PARTS + MAKE_PARTS)
    page = project / "docs" / "pain.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\n---\n", "\n" + TITLE + "---\n", 1), encoding="utf-8")
    real_make = shutil.which("make")
    code, out, rows, summary = _pr_build(tmp_path, f'cd "{project}" && exec {real_make} -s -o .venv/.site BIN={BIN} build\n')
    assert code == 1, out
    message = ("docs/pain.md:5: the title is not plain text: it contains a line break or a control character "
               "(at title) Found: 'Tiny\\n::notice::x'.")
    assert rows[-1].startswith(message), out[-2000:]
    assert obeyed(out) == [f"::error title=The site did not build::{rows[-1]}"]
    assert message in summary and "\n::notice" not in summary
    assert not (project / "site").exists()


@pytest.mark.build
def test_the_pull_request_build_step_obeys_nothing_the_build_prints(tmp_path: Path) -> None:
    """Whatever else a failing build prints (a message of MkDocs' own, a traceback) is not obeyed
    either, and its one ERROR line comes out with the carriage return and the % shown."""
    code, out, rows, summary = _pr_build(tmp_path, "printf '::notice::a\\n::add-mask::b\\r::warning::c\\n'\n"
                                        "printf 'ERROR   -  Config value 50%% wrong\\r::error::d\\n' >&2\nexit 1\n")
    assert code == 1
    message = "Config value 50% wrong\\r::error::d"
    assert obeyed(out) == [f"::error title=The site did not build::{message.replace('%', '%25')}"], out
    assert rows[-1] == message and message in summary
