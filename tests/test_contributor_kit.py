"""What an editor sees: an edit link on every page, a template that is never
published, and error messages in CONTRIBUTING.md that are the real ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide.build.library import load_project
from guide.build.siteurl import load_config
from guide.data.loader import load_facts
from guide.errors import GuideError, GuideErrors
from htmlpage import one, page_file, parse
from support import ROOT, Build, entry, project_site
from tools.project import copy_project

_CONFIG = load_config()  # repo_url from REPO_URL when set, as the build reads it (the deploy tests with its own)
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


EDIT_WORDS = {"": "Suggest a change to this page (for editors, on GitHub)",
              "es": "Sugerir un cambio en esta página (para editores, en GitHub)"}


@pytest.mark.parametrize("edition", ["", "es"])
def test_every_page_has_an_edit_link_in_words_under_the_report_link(site: Build, edition: str) -> None:
    """Editors reach each page's file on GitHub from a link that says what it is, right after the page's
    "Report a problem" link; readers no longer get Material's bare pencil at the top of the page, which the
    third readers' review found meant nothing to them (content.action.edit is not a feature)."""
    edit = f"{_CONFIG['repo_url']}/{'edit/main/docs-es/' if edition else _CONFIG['edit_uri']}"
    assert project_site().pages
    for src in project_site().pages:
        tree = parse(page_file(site.site / edition, src).read_text(encoding="utf-8"))
        assert not tree.select(".md-content__button"), f"{edition}/{src}: Material's pencil is still shown"
        links = tree.select('article a[rel~="edit"]')
        assert [str(a["href"]) for a in links] == [f"{edit}{src}"], f"{edition}/{src}: edit links {links}"
        assert " ".join(links[0].get_text().split()) == EDIT_WORDS[edition]
        report = one(tree, "article .report-problem")
        following = report.find_all_next("p", limit=1)
        assert following and links[0].parent is following[0], f"{edition}/{src}: the edit link is not the paragraph after the report link"


def test_the_template_is_not_published(site: Build) -> None:
    assert (ROOT / "docs" / "_template.md").exists()
    assert not any("_template" in p.as_posix() for p in site.site.rglob("*"))
    assert "_template" not in site.output


def _normalise(msg: str) -> str:
    return re.sub(r"^(\S+?):\d+:", r"\1:N:", msg)


def _quoted_errors() -> list[str]:
    return re.findall(r"```text\n(.+?)\n```", CONTRIBUTING)


RECIPES = 6
"""The messages of the recipes on CONTRIBUTING.md's first screen, before the reference's three."""


def _all_messages(project: Path) -> list[str]:
    """Every message of both editions, as `make build`'s first step gives them."""
    from guide.build import preflight

    return [_normalise(str(e)) for e in preflight.content_errors(project)]


def _first_line_after_title(page: Path, line: str) -> None:
    text = page.read_text(encoding="utf-8")
    title = text.index("\n# ") + 1
    end = text.index("\n", title) + 1
    page.write_text(text[:end] + "\n" + line + "\n" + text[end:], encoding="utf-8")


def test_the_recipes_quote_real_messages(tmp_path: Path) -> None:
    """Each recipe's mistake, made in a copy of the project: its message is among what the build says."""
    quoted = [_normalise(m) for m in _quoted_errors()][:RECIPES]
    project = copy_project(tmp_path / "p")
    _first_line_after_title(project / "docs" / "aftercare.md", "Wait 2 weeks before a peel.")  # fix wording
    _first_line_after_title(project / "docs" / "pain.md", '{{ quote("trickin") }}')  # add a quote
    (project / "docs" / "costs.md").write_text((ROOT / "docs" / "aftercare.md").read_text(encoding="utf-8"),
                                               encoding="utf-8")  # add a page, without its pair
    glossary = project / "includes" / "abbreviations.md"
    rows = glossary.read_text(encoding="utf-8").splitlines(keepends=True)
    glossary.write_text("".join(rows[:3]) + "*[peel]: A treatment that takes 2 weeks to heal (our definition).\n"
                        + "".join(rows[3:]), encoding="utf-8")
    found = _all_messages(project)
    for message in quoted[:4]:
        assert message in found, f"CONTRIBUTING.md quotes a message the build does not give:\n{message}\n\nIt gives:\n" + "\n".join(found)
    # translate: a fact shown on the English page and not on its Spanish pair
    project = copy_project(tmp_path / "t")
    shown = re.search(r'\{\{ fact\("([\w.]+)"\) \}\}', quoted[4])
    assert shown, quoted[4]
    spanish = project / "docs-es" / "pain.md"
    text = spanish.read_text(encoding="utf-8")
    call = '{{ fact("' + shown[1] + '") }}'
    assert text.count(call) == 1, f"docs-es/pain.md shows {call} {text.count(call)} times; the recipe needs a fact it shows once"
    spanish.write_text(text.replace(call, "", 1), encoding="utf-8")
    assert quoted[4] in _all_messages(project)
    # translate: a paragraph on the English page and not on its Spanish pair
    project = copy_project(tmp_path / "s")
    added = re.search(r"Found: .*'([^']+)\.\.\.'\. Expected", quoted[5])
    assert added, quoted[5]
    page = project / "docs" / "aftercare.md"
    text = page.read_text(encoding="utf-8")
    second = text.index("\n## ", text.index("\n## ") + 1)
    page.write_text(text[:second] + "\n" + added[1] + "\n" + text[second:], encoding="utf-8")
    given = [m for m in _all_messages(project) if added[1] in m]
    assert [_shape(m) for m in given] == [_shape(quoted[5])], given  # its counts and the paragraphs it quotes are
    # today's page's (an editor's picture or paragraph in that section changes them), the rest is word for word


def _shape(message: str) -> str:
    """A message with its counts and its Found part left out: what stays the same when the page changes."""
    return re.sub(r"\d+", "N", re.sub(r"Found: .*?\. Expected:", "Found: ... Expected:", message))


def test_contributing_quotes_real_error_messages(tmp_path: Path) -> None:
    quoted = [_normalise(m) for m in _quoted_errors()][RECIPES:]
    assert len(quoted) == 3
    # 0. the attribution check: Dr. Jaliman credited with the article's own words
    project = copy_project(tmp_path / "a")
    page = project / "docs" / "aftercare.md"
    text = page.read_text(encoding="utf-8")
    assert "The article says microneedling leaves you" in text
    page.write_text(text.replace("The article says microneedling leaves you", "Dr. Jaliman says microneedling leaves you", 1))
    try:
        load_project(project)
    except Exception as exc:
        assert _normalise(str(exc)) == quoted.pop(0)
    else:
        raise AssertionError("the wrong speaker loaded")
    # 1. the misspelt key
    path = tmp_path / "facts.yml"
    count = entry("facts.device.needle_count.value")
    path.write_text(count.replaced(count.text.replace("value:", "valeu:", 1)), encoding="utf-8")
    try:
        load_facts(path, "data/facts.yml")
    except (GuideError, GuideErrors) as exc:
        assert _normalise(str(exc)) == quoted[0]
    else:
        raise AssertionError("the misspelt key loaded")
    # 2. the unknown fact on a page
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "procedure.md"
    page.write_text(page.read_text(encoding="utf-8").replace('fact("device.needle_count")', 'fact("device.needle_cuont")', 1))
    try:
        load_project(project)
    except Exception as exc:
        assert _normalise(str(exc)) == quoted[1]
    else:
        raise AssertionError("the unknown fact loaded")


def test_contributing_names_the_commands_that_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"`make (\w+)`", CONTRIBUTING):
        assert re.search(rf"^{target}:.*## ", makefile, re.M), f"make {target} is not in the Makefile"


def test_the_macro_table_is_made_from_the_declarations() -> None:
    """CONTRIBUTING.md's table of macros is guide/render/macrospecs.py's, so a macro added, renamed or given
    a new argument shows there (regenerate it with macrospecs.macro_table())."""
    from guide.render import macrospecs

    found = re.search(r"<!-- macros:start -->\n(.*?)\n<!-- macros:end -->", CONTRIBUTING, re.S)
    assert found, "CONTRIBUTING.md has no <!-- macros:start --> ... <!-- macros:end --> table"
    assert found[1] == macrospecs.macro_table(), "CONTRIBUTING.md's macro table is not macrospecs.macro_table()'s: paste it again"


def test_every_macro_has_an_example_that_builds(tmp_path: Path) -> None:
    """Each declaration's example is a call a page may make: the real project renders it (in a copy, with
    the picture an example names made in pictures/: the real pages show none)."""
    import yaml
    from PIL import Image

    from guide.render import macrospecs

    meta = yaml.safe_load((ROOT / "docs" / "sources.md").read_text(encoding="utf-8").split("---")[1])
    page = type("Page", (), {"path": "sources.md", "meta": meta})()  # as the engine gives it while sources.md renders
    root = copy_project(tmp_path / "project")
    for spec in macrospecs.MACROS.values():
        if spec.params and spec.params[0].takes == "picture":
            named = re.match(r'\w+\("([^"]+)"', spec.example)
            assert named, spec.example
            Image.new("RGB", (64, 48), (200, 120, 60)).save(root / "pictures" / named[1])
    project = load_project(root, page=lambda: page)
    for name, spec in macrospecs.MACROS.items():
        assert spec.example.startswith(f"{name}("), f"{name}: no example call"
        call = re.fullmatch(rf"{name}\((.*)\)", spec.example)
        assert call, spec.example
        out = eval(f"_call({call[1]})", {"_call": lambda *a, **k: (a, k)})  # noqa: S307 - the project's own declarations
        assert str(project.macro(name)(*out[0], **out[1])).strip(), f"{name}: its example {spec.example} renders nothing"
