"""The weekly external-link checker, against a server on 127.0.0.1 only (no network)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools import check_links


class _Handler(http.server.BaseHTTPRequestHandler):
    CODES = {"/ok": 200, "/missing": 404, "/blocked": 403, "/no-head": 200}

    def _answer(self) -> None:
        if self.command == "HEAD" and self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(self.CODES.get(self.path, 500))
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_finds_and_checks_external_links(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "pain").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<link href="{server}/style.css" rel="stylesheet"><a href="{server}/ok#top">ok</a> <a href="{server}/missing">x</a>'
        f'<a href="https://example.org/guide/pain/">own</a><a href="../pain/">internal</a><img src="{server}/blocked">',
        encoding="utf-8")
    (site / "pain" / "index.html").write_text(f'<a href="{server}/missing">x</a><a href="{server}/no-head">y</a>', encoding="utf-8")
    links = check_links.external_links(site, own="https://example.org/guide/")
    assert links == {f"{server}/ok": ["index.html"], f"{server}/missing": ["index.html", "pain/index.html"],
                     f"{server}/blocked": ["index.html"], f"{server}/no-head": ["pain/index.html"]}
    summary = tmp_path / "summary.md"
    code = check_links.main([str(site), "--own", "https://example.org/guide/", "--summary", str(summary), "--timeout", "5"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("Checked 4 external links: 1 broken, 1 could not be checked.")
    assert f"| {server}/missing | broken: 404 Not Found | index.html, pain/index.html |" in out
    assert f"| {server}/blocked | could not check: 403 Forbidden | index.html |" in out
    assert "/ok " not in out and "no-head" not in out
    assert summary.read_text(encoding="utf-8").startswith("## External links\n\nChecked 4")
