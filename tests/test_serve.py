"""`make serve`: a saved edit shows within seconds; broken data is named in the
terminal, and fixing it recovers without a restart.

Runs `mkdocs serve --livereload` on a free 127.0.0.1 port, in a copy of the
project, and always stops it.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from guide import render
from htmlpage import article_text
from support import MKDOCS, entry, project_facts
from tools.project import cite_numbers, copy_project

# Saving a file must show on the page within this long. MkDocs itself takes
# about 1 s (its change watcher, then a 0.5 s build); the margin is for slow CI.
LIMIT = 10.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait(check: Callable[[], bool], limit: float = LIMIT) -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"not seen within {limit} s")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _count(project: Path, key: str, value: float) -> str:
    """Write the copy's needle count, its line found by its key (``value``, or the misspelt ``valeu``)
    whatever the count is today, as ``value: <value>``; return how the page shows it."""
    data = project / "data" / "facts.yml"
    old = entry(f"facts.device.needle_count.{key}", text=data.read_text(encoding="utf-8"))
    # a new number needs a passage that gives it (checked in every build): cite_numbers writes the file once
    cite_numbers(project, old.replaced(f"{old.indent}value: {value:g}\n"))
    return render.fact_text(project_facts().all_facts()["device.needle_count"].model_copy(update={"value": value}))


def _shows(url: str, words: str) -> bool:
    return words in article_text(_get(url))


def test_serve_rebuilds_reports_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/guide/procedure/"  # site_url's path
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        today = project_facts().all_facts()["device.needle_count"]
        _wait(lambda: _shows(url, render.fact_text(today)), limit=60)

        # A fact: the page shows the new value.
        time.sleep(0.5)
        shown = _count(project, "value", today.value + 1)
        fact_s = _wait(lambda: _shows(url, shown))

        # Broken data: the terminal names file, line and key. The server keeps
        # running; the open page is not reloaded (a new request waits for a good build).
        data = project / "data" / "facts.yml"
        count = entry("facts.device.needle_count.value", text=data.read_text(encoding="utf-8"))
        data.write_text(count.replaced(count.text.replace("value:", "valeu:", 1)), encoding="utf-8")
        _wait(lambda: "unknown key 'valeu'" in log.read_text())
        assert re.search(r"ERROR\s+-\s+data/facts\.yml:\d+: unknown key 'valeu' \(at facts\.device\.needle_count\.valeu\)", log.read_text())
        assert "Traceback" not in log.read_text()
        assert proc.poll() is None, "the server stopped on broken data"

        # Fixed: it recovers without a restart.
        shown = _count(project, "valeu", today.value + 2)
        _wait(lambda: _shows(url, shown))

        # A page, and a template (partial) every page uses.
        _edit(project / "docs" / "procedure.md", "describes the pen", "describes the tool")
        page_s = _wait(lambda: "describes the tool" in _get(url))
        # (the words of the partials live in includes/strings/ since issue 15)
        _edit(project / "includes" / "strings" / "en.yml", "This guide is for education only.", "This guide is for learning only.")
        partial_s = _wait(lambda: "This guide is for learning only." in _get(url))
        assert proc.poll() is None, "the server stopped"
        print(f"seen after: fact {fact_s:.2f} s, page {page_s:.2f} s, partial {partial_s:.2f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
