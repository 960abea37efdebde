"""The lock files: every install is hash-checked, and each lock is what ``make lock`` writes.

``make lock`` writes ``requirements*.lock`` from ``requirements*.txt`` with uv
(requirements-lock.txt); ``make`` and CI install them with ``pip install --require-hashes``.
A lock that disagrees with its input (a pin changed in requirements.txt and ``make lock``
not run, or a lock edited by hand) fails here: the test runs ``make lock`` again, into a
temporary folder, resolving with what PyPI had on the date the locks name, and compares the
whole files, so a package added, removed, upgraded or downgraded by hand shows too.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT, missing

# input file -> its lock (the test lock also holds the site's pins: one venv has both)
LOCKS = {
    "requirements.txt": "requirements.lock",
    "requirements-test.txt": "requirements-test.lock",
    "requirements-zensical.txt": "requirements-zensical.lock",
}
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(.*)$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str, where: str) -> dict[str, str]:
    """``name -> version`` of a requirements file; anything not pinned with == is an error."""
    out = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _NAME.match(line)
        spec = match and re.fullmatch(r"\s*==\s*([\w.+!-]+)\s*", match[2])
        if not match or not spec:
            raise AssertionError(f"{where}:{number}: '{line}' is not pinned. Expected: name==version.")
        name = _norm(match[1])
        if name in out:
            raise AssertionError(f"{where}:{number}: {match[1]} is pinned twice.")
        out[name] = spec[1]
    return out


def lock_entries(text: str, where: str) -> dict[str, tuple[str, list[str]]]:
    """``name -> (version, hashes)`` of a lock file; an entry without a hash is an error."""
    joined = re.sub(r"\\\n\s*", " ", text)  # continuation lines
    out = {}
    for raw in joined.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})*)\s*", line)
        if not match:
            raise AssertionError(f"{where}: entry '{line[:80]}' is not name==version with sha256 hashes.")
        hashes = re.findall(r"sha256:([0-9a-f]{64})", match[3])
        if not hashes:
            raise AssertionError(f"{where}: {match[1]}=={match[2]} has no --hash. Fix: run `make lock`.")
        out[_norm(match[1])] = (match[2], hashes)
    return out


def disagreements(inputs: dict[str, str], lock: dict[str, tuple[str, list[str]]], lock_name: str) -> list[str]:
    """What is wrong between an input's pins and its lock, as readable lines (empty when they agree)."""
    wrong = []
    for name, version in inputs.items():
        if name not in lock:
            wrong.append(f"{lock_name}: {name}=={version} is missing. Fix: run `make lock`.")
        elif lock[name][0] != version:
            wrong.append(f"{lock_name}: {name} is {lock[name][0]}, the input pins {version}. Fix: run `make lock`.")
    return wrong


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _inputs(source: str) -> dict[str, str]:
    found = pins(_read(source), source)
    if source == "requirements-test.txt":  # installed on top of the site's own
        found = {**pins(_read("requirements.txt"), "requirements.txt"), **found}
    return found


@pytest.mark.parametrize("source", LOCKS)
def test_lock_holds_every_input_pin_at_the_same_version(source: str) -> None:
    lock = lock_entries(_read(LOCKS[source]), LOCKS[source])
    assert disagreements(_inputs(source), lock, LOCKS[source]) == []
    assert len(lock) > len(pins(_read(source), source)), "the lock also pins what the inputs pull in"


def test_site_and_test_locks_agree() -> None:
    """One venv gets both: a package the two locks share has one version."""
    site = lock_entries(_read("requirements.lock"), "requirements.lock")
    test = lock_entries(_read("requirements-test.lock"), "requirements-test.lock")
    assert {n: v for n, (v, _) in site.items()} == {n: test[n][0] for n in site if n in test}
    assert set(site) <= set(test)


def test_inputs_are_all_pinned() -> None:
    for source in [*LOCKS, "requirements-lock.txt"]:
        assert pins(_read(source), source)


def test_make_and_ci_install_only_with_hashes() -> None:
    makefile = _read("Makefile")
    installs = re.findall(r"^\t.*pip install.*$|^PIP :=.*$", makefile, re.M)
    hashed = [line for line in installs if "--require-hashes" in line or "$(PIP)" in line]
    for lock in LOCKS.values():
        assert re.search(rf"\$\(PIP\) -r {re.escape(lock)}$", makefile, re.M), f"make installs {lock} with $(PIP)"
    assert re.search(r"^PIP := .*--require-hashes", makefile, re.M)
    # the only unhashed install is the lock tool itself, used by `make lock` alone
    assert [line for line in installs if line not in hashed] == [
        "\t$(VENVL)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt"]
    for flow in (ROOT / ".github" / "workflows").glob("*.yml"):
        text = flow.read_text(encoding="utf-8")
        assert "pip install" not in text, f"{flow.name}: install through make (hash-checked)"
    assert "cache" not in (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"), \
        "deploy.yml: no dependency cache (what is deployed is installed fresh from the locks)"


# --- the checks themselves catch mistakes --------------------------------------------


LOCK = "a==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n    # via b\nb==2.0 \\\n    --hash=sha256:" + "1" * 64 + "\n"


def test_a_changed_pin_or_missing_package_is_caught() -> None:
    lock = lock_entries(LOCK, "x.lock")
    assert disagreements({"a": "1.0", "b": "2.0"}, lock, "x.lock") == []
    assert disagreements({"a": "1.1"}, lock, "x.lock") == [
        "x.lock: a is 1.0, the input pins 1.1. Fix: run `make lock`."]
    assert disagreements({"c": "3"}, lock, "x.lock") == ["x.lock: c==3 is missing. Fix: run `make lock`."]


def test_an_unpinned_input_or_unhashed_lock_is_caught() -> None:
    with pytest.raises(AssertionError, match=r"r.txt:2: 'mkdocs>=1.6' is not pinned"):
        pins("# comment\nmkdocs>=1.6\n", "r.txt")
    with pytest.raises(AssertionError, match="r.txt:1: 'mkdocs' is not pinned"):
        pins("mkdocs\n", "r.txt")
    with pytest.raises(AssertionError, match="pinned twice"):
        pins("a==1\nA==1\n", "r.txt")
    with pytest.raises(AssertionError, match=r"a==1.0 has no --hash"):
        lock_entries("a==1.0\n", "x.lock")
    with pytest.raises(AssertionError, match="is not name==version"):
        lock_entries("a>=1.0 --hash=sha256:" + "0" * 64 + "\n", "x.lock")


# --- `make lock` again: the whole lock files -----------------------------------------------

VENVL = ROOT / ".venv-lock"
"""The lock tool's venv (the Makefile's VENVL), which `make test` installs."""


def lock_date(text: str, where: str) -> str:
    """The date a lock was resolved at: ``--exclude-newer`` in the command uv writes at its top."""
    command = re.search(r"^#\s+uv pip compile (.*)$", text, re.M)
    date = command and re.search(r"--exclude-newer (\S+)", command[1])
    if not date:
        raise AssertionError(f"{where}: no line '#    uv pip compile ... --exclude-newer DATE' at the top, so `make lock` "
                             "did not write this file. Fix: run `make lock` and commit the lock files.")
    return date[1]


def make_lock(inputs: dict[str, str], date: str, folder: Path, locks: dict[str, str] | None = None,
              offline: bool = False) -> dict[str, str] | None:
    """The Makefile's own `make lock` (with this checkout's .venv-lock) run in ``folder`` on ``inputs``
    (file name -> text), resolving with what PyPI had at ``date``, over ``locks`` (old lock files
    already there, as in a checkout); the lock files it writes, by name.

    ``offline``: from uv's cache alone (a second or two a lock, where asking PyPI takes ten or more);
    None when the cache cannot answer.
    """
    folder.mkdir(parents=True)
    shutil.copy2(ROOT / "Makefile", folder)
    for name, text in {**inputs, **(locks or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    proc = subprocess.run(["make", "-s", "-o", f"{VENVL}/.lock", f"VENVL={VENVL}", f"LOCK_DATE={date}", "lock"],
                          cwd=folder, capture_output=True, text=True, timeout=600,
                          env={**{k: v for k, v in os.environ.items() if k != "UV_OFFLINE"}, **({"UV_OFFLINE": "1"} if offline else {})})
    if proc.returncode != 0:
        if offline:
            return None
        raise AssertionError(f"`make lock` with the locks' date ({date}) fails on these inputs:\n{proc.stderr[-3000:]}\n"
                             "Fix: run `make lock` (it resolves as of now) and commit the lock files.")
    return {lock: (folder / lock).read_text(encoding="utf-8") for lock in LOCKS.values()}


def relock(inputs: dict[str, str], date: str, folder: Path, locks: dict[str, str] | None = None,
           like: dict[str, str] | None = None) -> dict[str, str]:
    """`make lock` from uv's cache, or from PyPI when the cache cannot answer or (given ``like``, the
    locks expected) answers otherwise: a cache read before the locks' date lacks the newest releases."""
    cached = make_lock(inputs, date, folder / "cached", locks, offline=True)
    if cached is not None and (like is None or cached == like):
        return cached
    written = make_lock(inputs, date, folder / "pypi", locks)
    assert written is not None
    return written


def lock_differences(written: dict[str, str], found: dict[str, str], date: str) -> list[str]:
    """Each lock in ``found`` that is not what `make lock` wrote (``written``), with the first lines that differ."""
    out = []
    for name, text in written.items():
        if found.get(name) != text:
            diff = list(difflib.unified_diff(text.splitlines(), (found.get(name) or "").splitlines(),
                                             f"make lock (PyPI as of {date})", name, n=0, lineterm=""))
            shown = "\n".join(diff[:30]) + ("\n..." if len(diff) > 30 else "")
            out.append(f"{name} is not what `make lock` writes from requirements*.txt:\n{shown}\n"
                       "Fix: run `make lock` and commit the lock files (never edit a lock by hand).")
    return out


def _committed() -> tuple[dict[str, str], dict[str, str], str]:
    """The inputs and the locks of this checkout, and the one date the locks were resolved at."""
    if not (VENVL / "bin" / "uv").exists():
        missing("The lock tool (uv) is not installed in .venv-lock (requirements-lock.txt).")
    locks = {lock: _read(lock) for lock in LOCKS.values()}
    dates = {lock_date(text, name) for name, text in locks.items()}
    assert len(dates) == 1, (f"the lock files name different dates ({', '.join(sorted(dates))}), so one `make lock` "
                             "did not write them all. Fix: run `make lock` and commit the lock files.")
    return {name: _read(name) for name in LOCKS}, locks, dates.pop()


@pytest.fixture(scope="module")
def relocked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """`make lock` once on this checkout's inputs, at its locks' date (both tests below read it)."""
    inputs, locks, date = _committed()
    return relock(inputs, date, tmp_path_factory.mktemp("relock"), like=locks)


@pytest.mark.build
def test_every_lock_is_what_make_lock_writes(relocked: dict[str, str]) -> None:
    _, locks, date = _committed()
    problems = lock_differences(relocked, locks, date)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.build
def test_make_lock_keeps_nothing_of_an_old_lock_and_follows_every_pin(relocked: dict[str, str], tmp_path: Path) -> None:
    """What the comparison above catches: an input pin changed without `make lock`, and a lock edited
    by hand (a package added, one downgraded), which `make lock` does not keep (--upgrade)."""
    inputs, locks, date = _committed()
    lock = "requirements-zensical.lock"
    entries = lock_entries(locks[lock], lock)
    pinned = pins(inputs["requirements-zensical.txt"], "requirements-zensical.txt")
    pulled_in = next(name for name in entries if name not in pinned)  # a package only the pins bring
    version = entries[pulled_in][0]
    start = re.search(rf"^{re.escape(pulled_in)}=={re.escape(version)} \\$", locks[lock], re.M | re.I)
    assert start, pulled_in
    edited = {**locks, lock: (locks[lock][:start.start()] + "added-by-hand==1.0 \\\n    --hash=sha256:" + "0" * 64 + "\n"
                              + locks[lock][start.start():].replace(f"=={version} ", "==0.0.1 ", 1))}
    assert lock_entries(edited[lock], lock)[pulled_in][0] == "0.0.1" and "added-by-hand" in lock_entries(edited[lock], lock)
    problems = lock_differences(relocked, edited, date)
    assert [p.split(" is not", 1)[0] for p in problems] == [lock]
    assert "+added-by-hand==1.0 \\" in problems[0] and f"+{pulled_in}==0.0.1 \\" in problems[0].lower()
    assert "Fix: run `make lock`" in problems[0]

    # A pin dropped from requirements.txt: both locks that hold the site's pins change.
    dropped = next(iter(pins(inputs["requirements.txt"], "requirements.txt")))
    changed = {**inputs, "requirements.txt": "\n".join(line for line in inputs["requirements.txt"].splitlines()
                                                       if not line.lower().startswith(dropped + "=="))}
    written = relock(changed, date, tmp_path / "changed", edited)  # over the hand-edited locks, as in a checkout
    assert [p.split(" is not", 1)[0] for p in lock_differences(written, locks, date)] == [
        "requirements.lock", "requirements-test.lock"]
    assert written[lock] == locks[lock], "make lock keeps nothing of the old lock: the hand edits are gone"
