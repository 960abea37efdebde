"""What the tests share (not a test module): paths, the two engines' builds, the skip-or-fail rule.

* :func:`make_build` runs `make build` or `make build-zensical` in a copy of the project (the
  session's real builds, conftest.py); :func:`run_build` and :func:`run_zensical` run the engines
  directly, for fixture sites and for comparing the two engines' reports.
* :func:`missing` is the one rule for a tool a test needs and cannot find:
  skipped on an editor's machine, a failure in CI (``CI=true``), so a missing
  browser or checker never passes unnoticed there.
* ``ENGINES``: the site is held to one bar under both engines; the fixtures in
  conftest.py parametrize the site checks over them (one build of each per session).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_CONFIG = "zensical.yml"  # INHERITs mkdocs.yml; sets site_dir and the theme variant
ZENSICAL_SITE_DIR = "site-zensical"
ES_CONFIG = "mkdocs.es.yml"  # the Spanish edition (issue 15), built into <site>/es/
ZENSICAL_ES_CONFIG = "zensical.es.yml"
ENGINES = ("mkdocs", "zensical")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing(what: str) -> NoReturn:
    """Skip the test, or fail it in CI, because a tool it needs is not installed."""
    msg = f"{what} Run `make test`, which installs it (requirements-test.txt, package.json, tools/ensure-chromium.sh)."
    if in_ci():
        pytest.fail(msg)
    pytest.skip(msg)


@dataclass
class Build:
    """The outcome of one build."""

    project: Path
    site: Path
    returncode: int
    output: str
    engine: str = "mkdocs"

    @property
    def ok(self) -> bool:
        return self.returncode == 0


BUILD_LIMIT = 1200
"""Seconds a build may take before a test gives up: a bound against a hang, not a speed target (make bench
measures speed). A full `make test` on a 2-core machine shared with other work built Zensical's site in
more than 300 s."""


def run_build(project: Path, site: Path | None = None) -> Build:
    """Build ``project`` strictly into ``site`` (default: project/site), as `make build` does."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # As make build does: the pre-flight check of mkdocs.yml and symlinks first.
    pre = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=project, env=env,
                         capture_output=True, text=True, timeout=BUILD_LIMIT)
    if pre.returncode != 0:
        return Build(project, site, pre.returncode, pre.stdout + pre.stderr)
    proc = subprocess.run(
        [MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=BUILD_LIMIT,
    )
    # As make build does: the Spanish edition (mkdocs.es.yml, issue 15) into site/es/, when the project has it.
    if proc.returncode == 0 and (project / ES_CONFIG).is_file():
        es = subprocess.run(
            [MKDOCS, "build", "-f", ES_CONFIG, "--strict", "--clean", "--site-dir", str(site / "es")],
            cwd=project, env=env, capture_output=True, text=True, timeout=BUILD_LIMIT,
        )
        (site / "es" / "404.html").unlink(missing_ok=True)  # never served: the root 404 speaks both languages
        return Build(project, site, es.returncode, proc.stdout + proc.stderr + es.stdout + es.stderr)
    return Build(project, site, proc.returncode, proc.stdout + proc.stderr)


def require_zensical() -> None:
    if not ZENSICAL.exists():
        missing(f"Zensical is not installed ({ZENSICAL.relative_to(ROOT)} is missing); "
                "`make test` and `make build-zensical` install it from requirements-zensical.txt.")


def run_zensical(project: Path, config: str = ZENSICAL_CONFIG, site_dir: str = ZENSICAL_SITE_DIR) -> Build:
    """``zensical build --clean --strict`` in ``project`` (no post-build step: `make build-zensical`,
    through :func:`make_build`, adds it)."""
    require_zensical()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    build = Build(project, project / site_dir, 0, "", "zensical")
    # As make build-zensical does: the Spanish edition (zensical.es.yml) into site-zensical/es/ after
    # the English one, when the project has it.
    steps = [(config, site_dir)]
    if config == ZENSICAL_CONFIG and (project / ZENSICAL_ES_CONFIG).is_file():
        from guide.build.preflight import flatten  # as make build-zensical does: Zensical reads it flattened
        steps.append((flatten(project, ZENSICAL_ES_CONFIG).name, f"{site_dir}/es"))
    for conf, _ in steps:
        proc = subprocess.run([str(ZENSICAL), "build", "-f", conf, "--clean", "--strict"],
                              cwd=project, env=env, capture_output=True, text=True, timeout=BUILD_LIMIT)
        build.returncode, build.output = proc.returncode, build.output + proc.stdout + proc.stderr
        if not build.ok:
            break
    if len(steps) > 1 and build.ok:
        (project / site_dir / "es" / "404.html").unlink(missing_ok=True)  # as make build-zensical does
    return build


BUILD_EPOCH = "1585008000"
"""SOURCE_DATE_EPOCH of the session's builds: 2020-03-24 00:00 UTC, the article's date, far from any
day the tests run, so a date taken from the clock instead shows (tests/test_reproducible.py)."""
MAKE_PARTS = ("Makefile", "requirements.txt", "requirements-zensical.txt")
"""What `make build` and `make build-zensical` read besides the build parts (tools.project.BUILD_PARTS)."""


def make_build(project: Path, engine: str = "mkdocs") -> Build:
    """`make build` (or, for "zensical", `make build-zensical`) in ``project``, a copy of the project
    with MAKE_PARTS, using this checkout's installs: the editor's command, pre-flight check,
    atomic output and post-build step included. The site is ``project/site`` (or ``site-zensical``);
    its dates are BUILD_EPOCH's."""
    if engine == "zensical":
        require_zensical()
        venvz = ZENSICAL.parent.parent
        cmd, out = ["make", "-s", "-o", f"{venvz}/.zensical", f"VENVZ={venvz}", "build-zensical"], ZENSICAL_SITE_DIR
    else:
        cmd, out = ["make", "-s", "-o", ".venv/.site", f"BIN={BIN}", "build"], "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=BUILD_LIMIT)
    return Build(project, project / out, proc.returncode, proc.stdout + proc.stderr, engine)


def write_build(build: Build, record: Path) -> None:
    """``build`` into the file ``record`` (JSON), for another process to read (:func:`read_build`)."""
    record.write_text(json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in dataclasses.asdict(build).items()}),
                      encoding="utf-8")


def read_build(record: Path) -> Build:
    fields = json.loads(record.read_text(encoding="utf-8"))
    return Build(**{**fields, "project": Path(fields["project"]), "site": Path(fields["site"])})


def copy_built(build: Build, dest: Path) -> Path:
    """A copy of the project a session build (``site``/``zsite`` fixture) was made in, its site included:
    the previous site for a test whose next build must fail and leave it as it was."""
    shutil.copytree(build.project, dest, symlinks=True)
    return dest


# --- the real project's configuration (read at import: its nav parametrizes tests) and data (read when
# first asked, so a data mistake fails the tests that read it, not the collection) ---------------------

CONFIG: dict[str, Any] = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
NAV: list[str] = [next(iter(item.values())) for item in CONFIG["nav"]]
TOPICS = ["index.md", "procedure.md", "pain.md", "candidates.md", "frequency.md", "aftercare.md",
          "at-home-vs-in-office.md", "choosing-a-provider.md"]
SCHEDULES = ("frequency.upkeep", "frequency.acne_scarring", "frequency.body", "frequency.touch_ups")


@functools.cache
def loaded_project() -> Any:
    """The English edition of the real project, loaded as the macros load it (guide.build.library.Project):
    its facts, its pages and its macros; a data mistake fails the test that asks."""
    from guide.build.library import load_project

    return load_project(ROOT)


def project_facts() -> Any:
    """data/facts.yml, validated (guide.data.schema.Facts)."""
    return loaded_project().facts


def project_site() -> Any:
    """The pages and the facts each shows (guide.content.pages.Site)."""
    return loaded_project().site


# --- tiny fixture sites --------------------------------------------------------------------------

TINY = Path(__file__).parent / "fixtures" / "tiny"


def tiny(tmp_path: Path) -> Path:
    """A one-page site with the real macros, data layer, partials, theme overrides and data, in ``tmp_path``."""
    project = tmp_path / "tiny"
    shutil.copytree(TINY, project)
    shutil.copy2(ROOT / "macros.py", project)
    for part in ("guide", "includes", "sources", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "data").mkdir()
    shutil.copy2(ROOT / "data" / "facts.yml", project / "data")
    return project


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once; return the line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


TINY_PAGE = (TINY / "docs" / "index.md").read_text(encoding="utf-8")


def one_page_project(tmp_path: Path, page: str) -> Path:
    """The real data, partials and article, and one page, ``docs/index.md`` (loaded in-process, no build)."""
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "data").mkdir()
    shutil.copy2(ROOT / "data" / "facts.yml", project / "data")
    shutil.copytree(ROOT / "includes", project / "includes")
    shutil.copytree(ROOT / "sources", project / "sources")
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    return project


@dataclass(frozen=True)
class Entry:
    """One entry of a data file, found by its keys (:func:`entry`): its key's line and the exact text from
    that line to the end of its value, newline included."""

    key: str
    file: str
    line: int
    text: str
    whole: str
    """The file's text it was found in."""

    @property
    def indent(self) -> str:
        """The spaces before the key."""
        return self.text[: len(self.text) - len(self.text.lstrip(" "))]

    @property
    def value(self) -> str:
        """The value as written after ``key:`` on the entry's first line (``11`` for ``value: 11``)."""
        return self.text.split(":", 1)[1].strip()

    def replaced(self, new: str) -> str:
        """The file's text with this entry (and only this one, wherever the same text stands elsewhere) replaced."""
        at = sum(len(row) for row in self.whole.splitlines(keepends=True)[: self.line - 1])
        assert self.whole[at:].startswith(self.text), self.key
        return self.whole[:at] + new + self.whole[at + len(self.text):]


def entry(dotted: str, file: str = "data/facts.yml", text: str | None = None) -> Entry:
    """The entry ``dotted`` of a data file: ``entry("facts.device.needle_count.value").text`` is the line
    ``value: ...`` of that fact, whatever the value is today.

    The anchor of a test that makes an editor's mistake in the data: found by keys, never by today's
    values, so a correct edit of a value (or of its passage) leaves the test working. A missing key
    fails with a message naming the entry the test edits. ``text``: the file's text (default: the
    real file's)."""
    text = (ROOT / file).read_text(encoding="utf-8") if text is None else text
    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    key_node = None
    for key in dotted.split("."):
        pair = next(((k, v) for k, v in node.value if k.value == key), None) if isinstance(node, yaml.MappingNode) else None
        assert pair is not None, (f"this test edits the entry '{dotted}' of {file}, which is not there "
                                  f"(no '{key}:'): the data was reorganised, so point the test at the entry that replaced it")
        key_node, node = pair
    assert key_node is not None and node is not None, dotted
    rows, start, end = text.splitlines(keepends=True), key_node.start_mark.line, node.end_mark.line
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style:
        # a block ends where the next key starts: leave out the blank and comment lines before it
        while end > start + 1 and (not rows[end - 1].strip() or rows[end - 1].lstrip().startswith("#")):
            end -= 1
    elif node.end_mark.column > 0:
        end += 1  # a value on one line (or a quoted one over several) ends on its last line
    return Entry(dotted, file, start + 1, "".join(rows[start:end]), text)


def data_error(tmp_path: Path, old: str | Entry, new: str, unique: bool = False) -> tuple[str, str]:
    """The message for the real data file with ``old`` replaced by ``new`` (once), and the edited text.

    ``old``: an :func:`entry` of data/facts.yml (replaced where it stands), or text; ``unique``: that
    text must stand exactly once in the file.
    """
    from guide.data.loader import load_facts
    from guide.errors import GuideError, GuideErrors

    if isinstance(old, Entry):
        assert old.file == "data/facts.yml", old.file
        text = old.replaced(new)
    else:
        real = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
        assert (real.count(old) == 1) if unique else (old in real), f"test text not in data/facts.yml as expected: {old!r}"
        text = real.replace(old, new, 1)
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((GuideError, GuideErrors)) as info:
        load_facts(path, "data/facts.yml")
    return str(info.value), text


def number_word(value: float, lang: str = "en") -> str:
    """``value`` as a number word the page check reads ("eleven", "once" in Spanish), or as digits when it
    has none: for tests that type a fact's number into a page, whatever the number is today."""
    from guide.data.numbers import WORDS, WORDS_ES
    from guide.data.schema import num

    words, vague = (WORDS_ES, ("docena", "medio", "media")) if lang == "es" else (WORDS, ("dozen", "half", "once", "twice"))
    return next((word for word, number in words.items() if number == value and word not in vague), num(value))


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line of the ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text[:at].count("\n") + 1


BAD_DATA = ("yaml syntax", "missing key", "unknown key", "wrong type", "min above max", "zero count", "empty list")
"""Kinds of bad edit of data/facts.yml, one of each kind of mistake (:func:`bad_data`)."""


def bad_data(case: str) -> tuple[Entry, str, str]:
    """A bad edit of data/facts.yml: (the entry it edits, the entry's new text, what the message must say).

    Each is anchored on keys (:func:`entry`) and worded from today's values, so a correct edit of the
    data leaves it a mistake of the same kind."""
    from guide.data.schema import num

    count, unit = entry("facts.device.needle_count.value"), entry("facts.device.depth_range.unit")
    low, high, skin = entry("facts.device.depth_range.min"), entry("facts.device.depth_range.max"), entry("facts.candidates.avoid_skin.items")
    above = num(float(high.value) + 1)
    cases = {
        "yaml syntax": (count, count.text.replace(": ", ": [", 1), "YAML syntax error"),
        "missing key": (unit, "", "missing key 'unit' (at facts.device.depth_range.unit)"),
        "unknown key": (count, count.text.replace("value:", "valeu:", 1), "unknown key 'valeu' (at facts.device.needle_count.valeu)"),
        "wrong type": (count, f"{count.indent}value: many\n", "Found: 'many' (text). Expected: a number"),
        "min above max": (low, f"{low.indent}min: {above}\n",
                          f"the minimum ({above}) is larger than the maximum ({num(float(high.value))}) (at facts.device.depth_range)"),
        "zero count": (count, f"{count.indent}value: 0\n",
                       "(at facts.device.needle_count.value) Found: 0 (a number). Expected: a number above 0"),
        "empty list": (skin, f"{skin.indent}items: []\n", "(at facts.candidates.avoid_skin.items) Found: an empty list"),
    }
    return cases[case]
