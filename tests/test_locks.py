"""The lock files: every install is hash-checked, and each lock agrees with its input.

``make lock`` writes ``requirements*.lock`` from ``requirements*.txt`` with uv
(requirements-lock.txt); ``make`` and CI install them with ``pip install --require-hashes``.
A lock that disagrees with its input (a pin changed in requirements.txt and ``make lock``
not run, or a lock edited by hand) fails here.
"""

from __future__ import annotations

import re

import pytest

from support import ROOT

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
