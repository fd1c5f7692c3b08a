"""action.yml and the workflow in docs/ci.md against the SchemaStore schemas that
check-jsonschema ships (vendor.github-actions, vendor.github-workflows)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("check-jsonschema") is None, reason="check-jsonschema not installed"
)


def validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["check-jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_action_yml_is_a_valid_action() -> None:
    run = validate("vendor.github-actions", ROOT / "action.yml")
    assert run.returncode == 0, run.stdout + run.stderr


def test_docs_workflow_is_a_valid_workflow(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    workflow = next(b for b in blocks if b.startswith("name: argmap"))
    path = tmp_path / "argmap.yml"
    path.write_text(workflow)
    run = validate("vendor.github-workflows", path)
    assert run.returncode == 0, run.stdout + run.stderr
    job = yaml.safe_load(workflow)["jobs"]["maps"]
    assert job["steps"][1]["with"]["paths"] == "maps"


def test_a_broken_workflow_is_caught(tmp_path: Path) -> None:
    """The validation can fail: a workflow without `runs-on` is refused."""
    path = tmp_path / "bad.yml"
    path.write_text("on: push\njobs:\n  x:\n    steps:\n      - run: echo\n")
    assert validate("vendor.github-workflows", path).returncode == 1


def test_action_inputs_are_documented() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"| `{name}` |" in docs
