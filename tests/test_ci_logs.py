"""What reaches a CI log is safe there (issue 20): a newline, a carriage return or a bidi control in
a page or the data is shown (as \\n, \\r or U+202E), never acted on. On GitHub a line that starts with
``::`` is a workflow command (``::notice::``, ``::add-mask::``, ``::stop-commands::``...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import GuideError, GuideErrors, visible
from guide.offline import load_project
from macros import define_env
from support import TINY_PAGE, one_page_project

REAL = (Path(__file__).resolve().parent.parent / "data" / "facts.yml").read_text(encoding="utf-8")
TITLE = 'title: "Tiny\\n::notice::x"\n'  # YAML: the title holds a newline, then a workflow command


def _refusal(project: Path) -> str:
    with pytest.raises(Exception) as info:
        load_project(define_env, project)
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
    page = TINY_PAGE.replace("next_review: 2099-01-10\n", "next_review: 2099-01-10\n" + TITLE, 1)
    msg = _refusal(one_page_project(tmp_path, page))
    assert msg.startswith("docs/index.md:5: the title is not plain text: it contains a line break"), msg
    assert "Found: 'Tiny\\n::notice::x'." in msg
    assert len(msg.splitlines()) == 1 and "\r" not in msg


def test_a_data_value_with_a_carriage_return(tmp_path: Path) -> None:
    old = 'value: "a licensed practitioner"'
    assert old in REAL
    project = one_page_project(tmp_path, TINY_PAGE)
    (project / "data" / "facts.yml").write_text(REAL.replace(old, 'value: "a licensed\\r::warning::x practitioner"', 1),
                                                encoding="utf-8")
    msg = _refusal(project)
    assert "(at facts.provider.licensed.value) Found: 'a licensed\\r::warning::x practitioner' (text)." in msg, msg
    assert len(msg.splitlines()) == 1 and "\r" not in msg
