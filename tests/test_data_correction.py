"""An editor's correct edit of the data never fails the tests (issue 21, item 4).

CONTRIBUTING.md ("Change a fact") asks an editor who corrects a fact to change its value and the
fact's ``source:`` passage, and, when the article's own words were copied wrong, the same words in
``sources/article.txt``. This test makes such corrections in a copy of the project: a number (the
needle count), a range (the needle depth) and a schedule (the sessions for acne scarring), each with
its passage and the article's words, every new number derived from today's. Then the copy is built
(``make build``) and the copy's own unit and site tests run there, on that build: a test that holds a
copy of today's data fails in the copy, and this test's message names it. The build layer (tests that
build fixture sites or copies of the project, anchored on keys by ``support.entry``) and the browser
and Zensical layers do not run again there: they would double the run's time (pytest.ini).

The copy's run sets ``GUIDE_CORRECTED_COPY``, which keeps this test from running itself again there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.data import schema, speakers
from guide.data.loader import load_facts
from guide.data.numbers import WORDS
from support import ROOT, entry, make_build, write_build

pytestmark = pytest.mark.suite  # make test runs it, make test-fast does not (it runs the other layers again)

GUARD = "GUIDE_CORRECTED_COPY"
LEFT_OUT = ("test_locks.py", "test_codeowners.py", "test_workflows.py", "test_upgrade_alarms.py", "test_config_allowlist.py",
            "test_reproducible.py", "test_preview.py", "test_site_url.py", "test_csp.py", "test_sandbox.py")
"""Tests the copy's run leaves out: they check what no fact reaches (the lock files, code owners, workflows,
upgrade alarms, the configurations' allowlist, reproducible bytes, the preview's links, the site's address,
the Content-Security-Policy, the partials' sandbox), and take about a third of the run (test_locks runs
`make lock`). Every other test of the unit and site layers runs in the copy, new ones included."""
IGNORE = shutil.ignore_patterns(".git", ".venv*", "node_modules", "site", "site-*", ".site*", "__pycache__",
                                ".pytest_cache", ".mypy_cache", ".ruff_cache", "out")


def _said(passage: str, old: float, new: float) -> str:
    """``passage`` with ``old`` replaced by ``new``, written as the passage writes it: in digits, or as a word."""
    digits = rf"(?<![\d.]){re.escape(schema.num(old))}(?![\d])"
    if re.search(digits, passage):
        return re.sub(digits, schema.num(new), passage, count=1)
    by_value = {v: w for w, v in WORDS.items() if w not in ("once", "twice", "thrice", "couple", "pair", "dozen")}
    word = by_value[old]
    assert new in by_value, f"{new} has no word in guide.data.numbers.WORDS to write it as the passage does"
    return re.sub(rf"\b{word}\b", lambda m: by_value[new].capitalize() if m[0][0].isupper() else by_value[new],
                  passage, count=1, flags=re.I)


def _in_article(article: str, piece: str) -> re.Match[str]:
    """Where ``piece`` stands in the article, read as the build reads it (guide.data.speakers.norm)."""
    pattern = r"\s+".join(re.escape(word).replace("'", "['’]") for word in speakers.norm(piece).split())
    found = re.search(pattern, article)
    assert found, f"the passage is not in sources/article.txt: {piece!r}"
    return found


def correct(project: Path) -> list[str]:
    """Make the editor's corrections in ``project``: for each fact, every number one step away from
    today's, in data/facts.yml, in its ``source:`` passage and in the article. Returns what changed."""
    data, article_file = project / "data" / "facts.yml", project / "sources" / "article.txt"
    text, article = data.read_text(encoding="utf-8"), article_file.read_text(encoding="utf-8")
    every = load_facts(data).all_facts()
    count, depth, acne = every["device.needle_count"], every["device.depth_range"], every["frequency.acne_scarring"]
    assert isinstance(count, schema.NumberFact) and isinstance(depth, schema.RangeFact)
    assert isinstance(acne, schema.ScheduleFact) and acne.sessions
    sessions = acne.sessions
    # key: ([(the entry's part, its new value), ...], [(old number, new number), ...], the larger first)
    changes: dict[str, tuple[list[tuple[str, str]], list[tuple[float, float]]]] = {
        "device.needle_count": ([("value", schema.num(count.value + 1))], [(count.value, count.value + 1)]),
        "device.depth_range": ([("min", schema.num(depth.min + 0.5)), ("max", schema.num(depth.max + 1))],
                               [(depth.max, depth.max + 1), (depth.min, depth.min + 0.5)]),
        "frequency.acne_scarring": ([("sessions", f"{{min: {sessions.min + 1:g}, max: {sessions.max + 1:g}}}")],
                                    [(sessions.max, sessions.max + 1), (sessions.min, sessions.min + 1)]),
    }
    done = []
    for key, (parts, numbers) in changes.items():
        source = every[key].source
        new_source = source
        for old, new in numbers:
            new_source = _said(new_source, old, new)
        for part, value in parts:
            line = entry(f"facts.{key}.{part}", text=text)
            text = line.replaced(f"{line.indent}{part}: {value}\n")
        line = entry(f"facts.{key}.source", text=text)
        assert source in line.text, f"{key}: its source: line is not written on one line in double quotes"
        text = line.replaced(line.text.replace(source, new_source, 1))
        for piece, new_piece in zip(re.split(r"\s*\.\.\.\s*", source), re.split(r"\s*\.\.\.\s*", new_source)):
            if piece != new_piece:
                at = _in_article(article, piece)
                article = article[: at.start()] + new_piece + article[at.end():]
        done.append(f"{key}: {source!r} -> {new_source!r}")
    data.write_text(text, encoding="utf-8")
    article_file.write_text(article, encoding="utf-8")
    return done


def test_a_correct_edit_of_the_data_passes_every_check(tmp_path: Path) -> None:
    if os.environ.get(GUARD):
        pytest.skip("the corrected copy's own run")
    started = time.monotonic()
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=IGNORE)
    venv = Path(sys.executable).parent.parent
    (project / ".venv").symlink_to(venv, target_is_directory=True)  # tests read the theme's own files from it
    changed = correct(project)

    build = make_build(project)
    assert build.ok, "the corrected copy does not build:\n" + "\n".join(changed) + "\n" + build.output[-3000:]
    record = tmp_path / "build.json"
    write_build(build, record)

    # the copy's run is a run of its own (no xdist worker's settings); a tool it lacks is skipped there, not failed
    env = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith("PYTEST_")}
    env.update({GUARD: "1", "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
                "GUIDE_BUILT_PROJECT": str(record)})  # the copy's site fixture is this build (conftest.py)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto",
                           "-m", "(unit or site) and not zensical", *(f"--ignore=tests/{name}" for name in LEFT_OUT)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=3600)
    failed = [row for row in proc.stdout.splitlines() if row.startswith(("FAILED", "ERROR"))]
    assert proc.returncode == 0, (
        "tests that fail after a correct edit of the data (they hold a copy of today's values; compute what they "
        "expect from the data instead):\n" + "\n".join(failed or proc.stdout.splitlines()[-40:])
        + "\n\nThe edit:\n" + "\n".join(changed))
    print(f"corrected copy: {proc.stdout.splitlines()[-1]}; {time.monotonic() - started:.0f} s in all")
