"""The same site built with Zensical (`make build-zensical`), compared with the MkDocs build.

Theme markup may differ; content may not: the same pages, the same headings,
the same article text and every fact value wherever MkDocs shows it. Bad data
must stop a Zensical build as loudly as a MkDocs one, with the same message.
Zensical runs from its own venv (.venv-zensical, installed by `make test`)
in a copy of the project, so it never touches the working tree's site folders
(the ``zsite`` fixture, conftest.py). The Nu checker, axe, links, CSP and first
view run on both builds through the ``built``/``served`` fixtures.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from guide.render import text as render
from htmlpage import article_text, meta, one, parse, text_of, title
from support import ROOT, ZENSICAL, Build, bad_data, edit, loaded_project, project_facts, require_zensical, run_build, run_zensical, tiny


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _headings(html: str) -> list[str]:
    """``h2: Numbing cream``: h1-h3 of the article, without the permalink."""
    out = []
    for heading in one(parse(html), "article").select("h1, h2, h3"):
        for link in heading.select("a.headerlink"):
            link.decompose()
        out.append(f"{heading.name}: {text_of(heading)}")
    return out


def _pairs(site: Build, zsite: Build) -> list[tuple[str, str, str]]:
    return [(rel, (site.site / rel).read_text(encoding="utf-8"), (zsite.site / rel).read_text(encoding="utf-8"))
            for rel in sorted(_pages(site.site) & _pages(zsite.site))]


# --- the real site, page by page ---------------------------------------------

def test_zensical_builds_the_same_pages(site: Build, zsite: Build) -> None:
    assert _pages(zsite.site) == _pages(site.site)
    assert "Python error" not in zsite.output and "Traceback" not in zsite.output, zsite.output


def test_same_headings(site: Build, zsite: Build) -> None:
    for rel, mk, z in _pairs(site, zsite):
        assert _headings(z) == _headings(mk), rel


def test_same_title_and_description(site: Build, zsite: Build) -> None:
    for rel, mk, z in _pairs(site, zsite):
        assert title(z) == title(mk), rel
        assert meta(z, "description") == meta(mk, "description"), rel


def test_every_fact_value_shows_in_both(site: Build, zsite: Build) -> None:
    values = {v for fact in project_facts().all_facts().values() for v in render.values(fact)}
    checked = 0
    for rel, mk, z in _pairs(site, zsite):
        mk_text, z_text = article_text(mk), article_text(z)
        missing = sorted(v for v in values if v in mk_text and v not in z_text)
        assert not missing, f"{rel}: MkDocs shows {missing}, Zensical does not"
        checked += sum(v in mk_text for v in values)
    assert checked > len(values), "the comparison found almost no fact values: is the site empty?"


def test_same_article_text(site: Build, zsite: Build) -> None:
    """Everything a reader reads in the article is the same, word for word."""
    for rel, mk, z in _pairs(site, zsite):
        # Spaces at the ends of lines are not content (MkDocs pages are slimmed after the build).
        mk_lines = [line.strip() for line in article_text(mk).splitlines()]
        z_lines = [line.strip() for line in article_text(z).splitlines()]
        if mk_lines != z_lines:
            diff = [f"- {line}" for line in mk_lines if line not in z_lines]
            diff += [f"+ {line}" for line in z_lines if line not in mk_lines]
            pytest.fail(f"{rel}: article text differs (- MkDocs, + Zensical):\n" + "\n".join(diff[:20]))


# --- the data layer without MkDocs ---------------------------------------------

def test_macros_load_without_mkdocs() -> None:
    """macros.py and guide/ import and run in the Zensical venv, which has no MkDocs."""
    require_zensical()
    code = ("import importlib.util, pathlib, macros\n"
            "assert importlib.util.find_spec('mkdocs') is None, 'mkdocs is installed here'\n"
            "class Env:\n"
            "    project_dir, conf, page = str(pathlib.Path('.').resolve()), None, None\n"
            "    def __init__(self): self.macros = {}\n"
            "    def macro(self, fn, name=''): self.macros[name] = fn\n"
            "env = Env()\n"
            "macros.define_env(env)\n"
            "print(len(env.guide_project.facts.all_facts()), len(env.macros))\n"
            "print(env.macros['fact']('device.needle_count'))")
    proc = subprocess.run([str(ZENSICAL.parent / "python"), "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    from guide.render import macrospecs

    facts = project_facts()
    assert proc.stdout.splitlines() == [f"{len(facts.all_facts())} {len(macrospecs.MACROS)}",
                                        str(loaded_project().macro("fact")("device.needle_count"))]


# --- bad input fails as loudly as with MkDocs ----------------------------------

def _message(out: str) -> str:
    """The editor's message in a MkDocs output: the ERROR line, without its prefix."""
    match = re.search(r"^ERROR\s+-\s+(.+)$", out, re.M)
    assert match, out
    return match.group(1).strip()


# case: the key or name the message must give. One case of each kind of mistake (YAML parser, schema,
# page): every data message is checked in-process in test_fixture_sites.py and test_editor_errors.py,
# and they reach Zensical by the same path. The data's cases are support.bad_data's.
BAD = {
    "yaml syntax": "YAML syntax error",
    "unknown key": "(at facts.device.needle_count.valeu)",
    "unknown fact": "the fact 'device.needle_cont'",
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_stops_both_engines_with_the_same_message(tmp_path: Path, case: str) -> None:
    require_zensical()
    key = BAD[case]
    mk_project, z_project = tiny(tmp_path / "mkdocs"), tiny(tmp_path / "zensical")
    if case == "unknown fact":
        file = "docs/index.md"
        line = edit(mk_project / file, 'fact("device.needle_count")', 'fact("device.needle_cont")')
        edit(z_project / file, 'fact("device.needle_count")', 'fact("device.needle_cont")')
    else:
        file = "data/facts.yml"
        old, new, _ = bad_data(case)
        line = old.line
        for project in (mk_project, z_project):
            (project / file).write_text(old.replaced(new), encoding="utf-8")
    mk, z = run_build(mk_project), run_zensical(z_project, config="mkdocs.yml", site_dir="site")
    assert mk.returncode != 0 and z.returncode != 0, (mk.output, z.output)
    message = _message(mk.output)
    # A YAML error is reported where the parser gave up, not on the edited line.
    where = rf"{re.escape(file)}:{line}: " if case != "yaml syntax" else rf"{re.escape(file)}:\d+: "
    assert re.match(where, message) and key in message, message
    # Zensical ends with a traceback, but the editor's message is there, whole, on one line.
    assert "Python error: " in z.output and message in z.output, z.output
