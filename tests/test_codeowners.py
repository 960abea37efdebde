"""Who must approve a change (.github/CODEOWNERS), read as GitHub reads it, and the ruleset that
asks for two approvals (.github/rulesets/main.json), issue 20.

GitHub's rule: for each file the last line whose pattern matches decides; the owners on that line
are alternatives (one approval from any of them). Patterns are gitignore's.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from support import ROOT

GITHUB = ROOT / ".github"
MAINTAINERS = ("@microneedling-guide/maintainers",)
EDITORS = ("@microneedling-guide/editors",)


def _regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-style pattern as CODEOWNERS uses it, as a regular expression over a file's path.

    A "/" at the start or in the middle anchors the pattern at the root (otherwise it matches at any
    depth); a "/" at the end makes it a folder's; a pattern that names a folder takes everything
    in it. "*" and "?" stop at "/"; "**/" is any number of folders.
    """
    assert not pattern.startswith(("!", "\\#")) and "[" not in pattern, f"GitHub does not support {pattern!r}"
    anchored = "/" in pattern.rstrip("/")
    folder = pattern.endswith("/")
    body, out, i = pattern.strip("/"), "", 0
    while i < len(body):
        if body.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif body.startswith("**", i):
            out, i = out + ".*", i + 2
        elif body[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif body[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(body[i]), i + 1
    return re.compile(("" if anchored else "(?:.*/)?") + out + ("/.+" if folder else "(?:/.+)?"))


def _rules(text: str) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            assert owners and all(re.fullmatch(r"@[\w-]+/[\w-]+", o) for o in owners), line
            rules.append((_regex(pattern), tuple(owners)))
    return rules


def owners(path: str, text: str | None = None) -> tuple[str, ...]:
    """The owners GitHub asks to approve a change to ``path``: those of the last matching line."""
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8") if text is None else text
    found: tuple[str, ...] = ()
    for regex, names in _rules(text):
        if regex.fullmatch(path):
            found = names
    return found


def test_the_reading_follows_gitignore_and_the_last_line() -> None:
    rules = "* @o/all\n/docs/ @o/docs\ndocs/ @o/any-docs\n/a/*.md @o/md\n/b/**/x @o/x\n*.yml @o/yml\n/docs/a.md @o/one\n"
    assert owners("README.md", rules) == ("@o/all",)
    assert owners("docs/a.md", rules) == ("@o/one",)  # the last matching line, not the first
    assert owners("docs/b/c.md", rules) == ("@o/any-docs",)  # "docs/" (no leading "/") matches at any depth...
    assert owners("tests/docs/c.md", rules) == ("@o/any-docs",)
    assert owners("docs.md", rules) == ("@o/all",)  # ...but only a folder called docs
    assert owners("a/x.md", rules) == ("@o/md",) and owners("a/b/x.md", rules) == ("@o/all",)  # "*" stops at "/"
    assert owners("b/x", rules) == owners("b/c/d/x", rules) == ("@o/x",)
    assert owners("deep/er/mkdocs.yml", rules) == ("@o/yml",)
    assert owners("docs/c.yml", rules) == ("@o/yml",)
    with pytest.raises(AssertionError, match="does not support"):
        owners("a", "!a @o/x\n")


PATHS = {
    # the code, the build and CI: maintainers alone
    "includes/partials/list.md": MAINTAINERS,
    "includes/partials/depth-scale.svg": MAINTAINERS,
    "includes/new-kind-of-file.txt": MAINTAINERS,
    "guide/errors.py": MAINTAINERS,
    "guide/a_new_module.py": MAINTAINERS,
    "macros.py": MAINTAINERS,
    "overrides/main.html": MAINTAINERS,
    "overrides/stylesheets/extra.css": MAINTAINERS,
    "mkdocs.yml": MAINTAINERS,
    "mkdocs.es.yml": MAINTAINERS,
    "zensical.yml": MAINTAINERS,
    "zensical.es.yml": MAINTAINERS,
    "preview.yml": MAINTAINERS,
    "preview.es.yml": MAINTAINERS,
    "Makefile": MAINTAINERS,
    "requirements.txt": MAINTAINERS,
    "requirements-lock.txt": MAINTAINERS,
    "requirements-test.lock": MAINTAINERS,
    "package-lock.json": MAINTAINERS,
    "bench/package.json": MAINTAINERS,
    "tools/facts_diff.py": MAINTAINERS,
    "tests/test_sandbox.py": MAINTAINERS,
    "tests/fixtures/tiny/docs/index.md": MAINTAINERS,  # a docs/ folder, but not the root's
    "tests/fixtures/tiny/data/facts.yml": MAINTAINERS,
    ".ci/run": MAINTAINERS,
    ".github/CODEOWNERS": MAINTAINERS,
    ".github/rulesets/main.json": MAINTAINERS,
    ".github/workflows/pr.yml": MAINTAINERS,
    "README.md": MAINTAINERS,
    "a-file-nobody-named.md": MAINTAINERS,
    # content: editors
    "docs/pain.md": EDITORS,
    "docs/_template.md": EDITORS,
    "docs-es/index.md": EDITORS,
    "pictures/pen-device.webp": EDITORS,
    "data/facts.yml": EDITORS,
    # what no check can read the meaning of: a translation, the words every page prints (third no-hints attack)
    "data/facts.es.yml": MAINTAINERS,
    "data/lexicon.es.yml": MAINTAINERS,  # what a Spanish word may translate (the meaning check's lexicon)
    "includes/strings/en.yml": MAINTAINERS,
    "includes/strings/es.yml": MAINTAINERS,
    "includes/abbreviations.md": EDITORS,
    "includes/abbreviations.es.md": EDITORS,
    # the article, the source of truth every fact is checked against: maintainers alone (no-hints review, finding 9)
    "sources/article.txt": MAINTAINERS,
    "sources/README.md": MAINTAINERS,
}


@pytest.mark.parametrize("path", PATHS)
def test_owners(path: str) -> None:
    assert owners(path) == PATHS[path]


@pytest.mark.build
def test_the_owner_of_every_file_in_the_repository() -> None:
    """Content is the editors', everything else (the article, code, build, CI) the maintainers'."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    assert "includes/strings/es.yml" in files and "mkdocs.es.yml" in files
    for path in filter(None, files):
        content = (path.startswith(("docs/", "docs-es/", "data/", "pictures/", "includes/abbreviations"))
                   and path not in ("data/facts.es.yml", "data/lexicon.es.yml"))
        assert owners(path) == (EDITORS if content else MAINTAINERS), path


def test_no_line_names_two_teams_and_the_file_says_what_that_means() -> None:
    """The article is the maintainers' alone: with either team's approval, an editor could change a fact and the
    article together, and the passage check would find the two agree."""
    text = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    shared = [line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#") and len(line.split()) > 2]
    assert shared == []
    comments = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert "ONE approval from any member of any team named there" in comments
    assert "Only a maintainer approves a change here" in comments and "summary shows any change" in comments


def test_the_ruleset_asks_for_two_approvals_one_a_code_owners() -> None:
    """The file GitHub imports (Settings, Rules, Rulesets, Import a ruleset); the fields of the REST
    API's repository ruleset, all that the pull_request rule requires among them."""
    ruleset = json.loads((GITHUB / "rulesets" / "main.json").read_text(encoding="utf-8"))
    assert ruleset["target"] == "branch" and ruleset["enforcement"] == "active"
    assert ruleset["conditions"]["ref_name"]["include"] == ["~DEFAULT_BRANCH"]
    assert ruleset["bypass_actors"] == [], "nobody merges around the reviews"
    rules = {rule["type"]: rule.get("parameters", {}) for rule in ruleset["rules"]}
    assert {"deletion", "non_fast_forward", "pull_request"} <= set(rules)
    review = rules["pull_request"]
    assert {"required_approving_review_count", "require_code_owner_review", "dismiss_stale_reviews_on_push",
            "require_last_push_approval", "required_review_thread_resolution"} <= set(review)
    assert review["required_approving_review_count"] >= 2 and review["require_code_owner_review"] is True
    assert review["dismiss_stale_reviews_on_push"] is True, "a push after the approvals needs them again"
    readme = (ROOT / "DEVELOPING.md").read_text(encoding="utf-8")
    reviews = next(p for p in readme.split("\n* ") if p.startswith("**Reviews.**"))
    assert ".github/rulesets/main.json" in reviews
