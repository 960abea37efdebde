"""`make serve` (tools/serve.py): both editions on one address, as published; a saved edit shows within
seconds in the edition it touches; a mistake is named in the terminal, and fixing it recovers without a
restart.

Each test runs `python -m tools.serve --port <a free port>` in a copy of the project, as `make serve`
runs it, and always stops it.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.render import text as render
from htmlpage import article_text, parse
from support import entry, project_facts
from tools.project import cite_numbers, copy_project

# Saving a file must show on the page within this long: a bound on "the server rebuilt", not a speed
# target (make bench times a rebuild). A rebuild takes 1 to 3 s on a quiet machine (the change watcher, the
# pre-flight of both editions, the build of one or both); a data edit on a 2-core machine shared by five
# test processes took more than 20 s, so the bound is generous.
LIMIT = 90.0
START = 120.0
"""The first build of both editions, on a loaded machine."""
SERVE = ("-m", "tools.serve")  # as make serve runs it


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


@dataclass
class Served:
    project: Path
    proc: subprocess.Popen[bytes]
    log: Path
    port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/guide/{path}"  # site_url's path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def since(self, mark: int) -> str:
        return self.output()[mark:]


@contextlib.contextmanager
def _serve(tmp_path: Path, before: Callable[[Path], None] = lambda project: None) -> Iterator[Served]:
    project = copy_project(tmp_path / "project")
    before(project)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, *SERVE, "--port", str(port)], cwd=project, stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    served = Served(project, proc, log, port)
    try:
        _wait(lambda: "Serving on" in served.output() or proc.poll() is not None, limit=START)
        assert proc.poll() is None, served.output()
        yield served
        assert proc.poll() is None, "the server stopped"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.build
def test_serve_rebuilds_reports_and_recovers(tmp_path: Path) -> None:
    with _serve(tmp_path) as served:
        project, url = served.project, served.url("procedure/")
        today = project_facts().all_facts()["device.needle_count"]
        _wait(lambda: _shows(url, render.fact_text(today)))

        # A fact: the page shows the new value.
        time.sleep(0.5)
        shown = _count(project, "value", today.value + 1)
        fact_s = _wait(lambda: _shows(url, shown))

        # Broken data: the terminal names file, line and key, once (both editions read the data). The server
        # keeps running; the open page is not reloaded (a new request waits for a good build).
        data = project / "data" / "facts.yml"
        count = entry("facts.device.needle_count.value", text=data.read_text(encoding="utf-8"))
        mark = len(served.output())
        data.write_text(count.replaced(count.text.replace("value:", "valeu:", 1)), encoding="utf-8")
        _wait(lambda: "The server will appear stuck" in served.since(mark))
        error = r"ERROR\s+-\s+data/facts\.yml:\d+: unknown key 'valeu' \(at facts\.device\.needle_count\.valeu\)"
        assert len(re.findall(error, served.since(mark))) == 1, served.since(mark)
        assert "Traceback" not in served.output()
        assert served.proc.poll() is None, "the server stopped on broken data"

        # Fixed: it recovers without a restart.
        shown = _count(project, "valeu", today.value + 2)
        _wait(lambda: _shows(url, shown))

        # A page, and a template (partial) every page uses.
        _edit(project / "docs" / "procedure.md", "describes the pen", "describes the tool")
        page_s = _wait(lambda: "describes the tool" in _get(url))
        # (the words of the partials live in includes/strings/ since issue 15)
        _edit(project / "includes" / "strings" / "en.yml", "This guide is for education only.", "This guide is for learning only.")
        partial_s = _wait(lambda: "This guide is for learning only." in _get(url))
        print(f"seen after: fact {fact_s:.2f} s, page {page_s:.2f} s, partial {partial_s:.2f} s")


@pytest.mark.build
def test_serve_starts_with_a_broken_page_and_recovers(tmp_path: Path) -> None:
    """The seventh new-editor trial: a page with a mistake ended `make serve` at start, with nothing to save into."""
    def broken(project: Path) -> None:
        _edit(project / "docs" / "procedure.md", "describes the pen", "describes the pen with 11 needles")

    with _serve(tmp_path, broken) as served:
        assert "a number typed into the page: '11'" in served.output(), served.output()
        assert "The preview keeps running" in served.output(), served.output()
        _edit(served.project / "docs" / "procedure.md", "describes the pen with 11 needles", "describes the tool")
        _wait(lambda: "describes the tool" in _get(served.url("procedure/")))


@pytest.mark.build
def test_serve_shows_both_editions_and_rebuilds_the_one_an_edit_touches(tmp_path: Path) -> None:
    with _serve(tmp_path) as served:
        project = served.project
        english, spanish = _get(served.url("pain/")), _get(served.url("es/pain/"))
        assert [page.get("lang") for page in (parse(english).html, parse(spanish).html) if page is not None] == ["en", "es"]
        # Served for editing: the live-reload script, and no Content-Security-Policy (it would block that script).
        for html in (english, spanish):
            assert "livereload(" in html
            assert not parse(html).select('meta[http-equiv="Content-Security-Policy"]')
        # Bound to 127.0.0.1 only (/proc/net/tcp: the listening socket's local address, little-endian hex).
        listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                     if line.split()[3] == "0A" and line.split()[1].endswith(f":{served.port:04X}")]
        assert listening == [f"0100007F:{served.port:04X}"], listening
        assert not Path("/proc/net/tcp6").exists() or f":{served.port:04X} " not in Path("/proc/net/tcp6").read_text()

        # The language switch of an English page reaches its Spanish pair, and back.
        switch = parse(english).select_one('a.md-header__lang[hreflang="es"]')
        assert switch is not None
        pair = urllib.parse.urljoin(served.url("pain/"), str(switch["href"]))
        assert urllib.parse.urlsplit(pair).path == "/guide/es/pain/"
        back = parse(_get(pair)).select_one('a.md-header__lang[hreflang="en"]')
        assert back is not None and urllib.parse.urljoin(pair, str(back["href"])) == served.url("pain/")

        # A Spanish page: only the Spanish edition is rebuilt, and it shows the edit.
        time.sleep(0.5)
        mark = len(served.output())
        _edit(project / "docs-es" / "pain.md", "# ¿Duele el tratamiento con microagujas?", "# ¿Duele de verdad el tratamiento?")
        spanish_s = _wait(lambda: "¿Duele de verdad el tratamiento?" in _get(served.url("es/pain/")))
        log = served.since(mark)
        assert "Building the Spanish edition" in log and "Building the English edition" not in log, log

        # An English page: only the English edition.
        mark = len(served.output())
        _edit(project / "docs" / "pain.md", "# Does microneedling hurt?", "# Does microneedling really hurt?")
        english_s = _wait(lambda: "Does microneedling really hurt?" in _get(served.url("pain/")))
        log = served.since(mark)
        assert "Building the English edition" in log and "Building the Spanish edition" not in log, log
        assert "¿Duele de verdad el tratamiento?" in _get(served.url("es/pain/")), "the Spanish edition is still served"

        # A mistake on a Spanish page: the build's own message (file, line, found, fix), and which edition failed,
        # not MkDocs' bare "Aborted with a BuildError!"; then fixed, it recovers.
        page = project / "docs-es" / "pain.md"
        before = page.read_text(encoding="utf-8")
        mark = len(served.output())
        _edit(page, "# ¿Duele de verdad el tratamiento?", "# ¿Duele de verdad el tratamiento? El paso 2 es esperar 3 semanas")
        _wait(lambda: "The server will appear stuck" in served.since(mark))
        log = served.since(mark)
        assert re.search(r"ERROR\s+-\s+docs-es/pain\.md:\d+: a number typed into the page: '3' Found: '[^']*3 semanas[^']*'\. "
                         r"Expected: .* Fix: ", log), log
        assert "Aborted: the Spanish edition did not build." in log and "Aborted with a BuildError!" not in log, log
        page.write_text(before, encoding="utf-8")
        _wait(lambda: "The Spanish edition was built" in served.since(mark))

        # A mistake in the Spanish nav: the pre-flight's message, with the line to add; then fixed, it recovers.
        nav = project / "mkdocs.es.yml"
        line = "  - Fuentes: sources.md\n"
        mark = len(served.output())
        _edit(nav, line, "")
        _wait(lambda: "The server will appear stuck" in served.since(mark))
        assert re.search(r"ERROR\s+-\s+mkdocs\.es\.yml:\d+: the page docs-es/sources\.md is not in the nav .*"
                         r"Fix: Add the line '  - Fuentes: sources\.md' after line \d+ of mkdocs\.es\.yml", served.since(mark))
        assert "Traceback" not in served.output()
        text = nav.read_text(encoding="utf-8")
        nav.write_text(text.rstrip("\n") + "\n" + line, encoding="utf-8")
        _edit(project / "docs-es" / "sources.md", "# Fuentes", "# Fuentes del artículo")
        _wait(lambda: "Fuentes del artículo" in _get(served.url("es/sources/")))
        assert "Does microneedling really hurt?" in _get(served.url("pain/"))
        print(f"seen after: Spanish page {spanish_s:.2f} s, English page {english_s:.2f} s")


@pytest.mark.build
def test_a_port_in_use_is_named_with_the_fix(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, *SERVE, "--port", str(port)], cwd=project, capture_output=True,
                              text=True, timeout=START, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 1
    assert f"Port {port} is in use by another program. Run make serve PORT={port + 1}" in proc.stderr, proc.stderr


def _picture_size(html: str) -> tuple[str, str] | None:
    img = parse(html).select_one('img[src*="chart"]')
    return (str(img["width"]), str(img["height"])) if img is not None else None


@pytest.mark.build
def test_serve_watches_the_pictures_and_the_article(tmp_path: Path) -> None:
    """pictures/ and sources/ are read by every build, and no configuration's watch: names them: a picture
    added or changed, and an edit of the article, rebuild as a page does (issue 21's trial: a new picture
    did not show until make serve was restarted)."""
    from PIL import Image

    with _serve(tmp_path) as served:
        project, url = served.project, served.url("procedure/")
        time.sleep(0.5)
        # A page shows a picture that is not there yet: the build names it.
        mark = len(served.output())
        for folder, alt in (("docs", "A test chart"), ("docs-es", "Un gráfico de prueba")):
            page = project / folder / "procedure.md"
            page.write_text(page.read_text(encoding="utf-8") + f'\n{{{{ picture("chart.png", alt="{alt}") }}}}\n',
                            encoding="utf-8")
        _wait(lambda: "The server will appear stuck" in served.since(mark))
        assert "chart.png" in served.since(mark), served.since(mark)

        # It arrives, and nothing else changes: both editions show it, at its size.
        Image.new("RGB", (64, 48), (200, 120, 60)).save(project / "pictures" / "chart.png")
        new_s = _wait(lambda: _picture_size(_get(url)) == ("64", "48"))
        assert _picture_size(_get(served.url("es/procedure/"))) == ("64", "48")
        # Replaced by another picture under the same name.
        time.sleep(0.5)
        Image.new("RGB", (80, 40), (60, 120, 200)).save(project / "pictures" / "chart.png")
        changed_s = _wait(lambda: _picture_size(_get(url)) == ("80", "40"))

        # The article: a fact's passage no longer in it stops the build; restored, it recovers.
        article = project / "sources" / "article.txt"
        text = article.read_text(encoding="utf-8")
        passage = entry("facts.device.needle_count.source").text.split('"')[1]
        assert passage in text, passage
        mark = len(served.output())
        article.write_text(text.replace(passage, " ".join(reversed(passage.split())), 1), encoding="utf-8")
        _wait(lambda: "The server will appear stuck" in served.since(mark))
        assert "is not word for word in the article" in served.since(mark), served.since(mark)
        mark = len(served.output())
        article.write_text(text, encoding="utf-8")
        _wait(lambda: "The Spanish edition was built" in served.since(mark) and "The English edition was built" in served.since(mark))
        assert _picture_size(_get(url)) == ("80", "40")
        print(f"seen after: new picture {new_s:.2f} s, changed picture {changed_s:.2f} s")


def test_a_picture_or_the_article_rebuilds_both_editions(tmp_path: Path) -> None:
    """Whatever a picture is called ("chart.es.png" too), both editions show it; the article is both editions'."""
    from tools.serve import Edition, touched

    project = tmp_path.resolve()
    editions = [Edition(lang, lang, project / config, tmp_path / lang, "", project / docs, frozenset({project / config}))
                for lang, config, docs in (("en", "mkdocs.yml", "docs"), ("es", "mkdocs.es.yml", "docs-es"))]
    for path, due in (("pictures/chart.es.png", {"en", "es"}), ("pictures/chart.png", {"en", "es"}),
                      ("sources/article.txt", {"en", "es"}), ("data/facts.es.yml", {"es"}), ("docs/pain.md", {"en"})):
        assert touched([project / path], editions, project) == due, path
