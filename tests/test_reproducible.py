"""Reproducible builds: one commit builds to the same bytes, on any day, in any folder.

`make build` (and CI, which runs it) exports SOURCE_DATE_EPOCH, the time of the last commit;
MkDocs then dates the sitemap's <lastmod> and the sitemap.xml.gz header by it, not by the clock.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from support import BUILD_EPOCH as EPOCH
from support import ROOT, Build, run_build


def digests(site: Path) -> dict[str, str]:
    """Every file under ``site`` -> the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    da, db = digests(a), digests(b)
    return sorted({*da, *db} - {k for k in da if da.get(k) == db.get(k)})


@pytest.fixture(scope="module")
def two_builds(site: Build, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The session's build (`make build` in a copy of the project, SOURCE_DATE_EPOCH=EPOCH), and the
    same sources built again, later, in another folder, by the build commands themselves. Both
    builds' dates are the epoch's, far from today (test_dates_come_from_source_date_epoch_not_the_clock)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        second = run_build(ROOT, tmp_path_factory.mktemp("again") / "site")
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert second.ok, second.output
    return site.site, second.site


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    one, two = two_builds
    assert len(digests(one)) > 50
    assert "es/pain/index.html" in digests(one) and "es/sitemap.xml.gz" in digests(one), "the Spanish edition too"
    assert differences(one, two) == []


def test_dates_come_from_source_date_epoch_not_the_clock(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date().isoformat()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") >= 11 and sitemap.count(f"<lastmod>{day}</lastmod>") == sitemap.count("<lastmod>")
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    assert struct.unpack("<I", header[4:8])[0] == int(EPOCH), "the gzip header's time is the epoch"
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_a_changed_file_is_caught(two_builds: tuple[Path, Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(two_builds[1], copy)
    (copy / "pain" / "index.html").write_bytes((copy / "pain" / "index.html").read_bytes() + b" ")
    (copy / "extra.txt").write_text("x", encoding="utf-8")
    assert differences(two_builds[0], copy) == ["extra.txt", "pain/index.html"]


@pytest.mark.build
def test_make_exports_the_last_commits_time() -> None:
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    last = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MAKELEVEL")}
    proc = subprocess.run(["make", "--no-print-directory", "--eval", "epoch: ; @echo $$SOURCE_DATE_EPOCH", "epoch"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == last and last.isdigit()
