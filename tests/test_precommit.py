"""The pre-commit hooks, run by the real pre-commit (`try-repo`) in a temporary git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None, reason="pre-commit not installed"
)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's home, away from the user's (try-repo installs the hook afresh anyway)."""
    return tmp_path_factory.mktemp("pre-commit-home")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "debates"
    (repo / "maps").mkdir(parents=True)
    (repo / "config").mkdir()
    shutil.copy(SEED, repo / "maps" / "seed.yaml")
    (repo / "config" / "settings.yml").write_text("not: a map\nlist: [1, 2]\n")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    return repo


def hook(repo: Path, home: Path, hook_id: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), hook_id, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_check_hook_passes_on_maps_and_skips_other_yaml(repo: Path, home: Path) -> None:
    run = hook(repo, home, "argmap-check")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "argmap check" in run.stdout and "Passed" in run.stdout


def test_check_hook_fails_on_a_broken_map(repo: Path, home: Path) -> None:
    seed = repo / "maps" / "seed.yaml"
    seed.write_text(seed.read_text().replace("attacks: singular-focus", "attacks: singular-focuss"))
    # Outside maps/, a file that starts with `argmap: 1` is a map too.
    (repo / "notes.txt").write_text(
        "# a map in a text file\nargmap: 1\ntitle: T\nclaims:\n  c: {txt: x}\n"
    )
    run = hook(repo, home, "argmap-check")
    assert run.returncode == 1
    assert "maps/seed.yaml:90:14: error[unknown-reference]" in run.stdout
    assert "did you mean `singular-focus`?" in run.stdout
    assert "notes.txt:5:7: error[unknown-field]" in run.stdout
    assert "settings.yml" not in run.stdout


def test_render_check_hook(repo: Path, home: Path) -> None:
    missing = hook(repo, home, "argmap-render-check")
    assert missing.returncode == 1
    assert "maps/seed.svg: stale: missing (argmap render maps/seed.yaml)" in missing.stdout
    # The hook installs argmap from this checkout with the newest dependencies, as the test
    # environment did: the builtin engine gives the same bytes in both.
    render = [sys.executable, "-m", "argmap", "render", "maps/seed.yaml"]
    subprocess.run(render, cwd=repo, check=True, capture_output=True)
    fresh = hook(repo, home, "argmap-render-check")
    assert fresh.returncode == 0, fresh.stdout
    seed = repo / "maps" / "seed.yaml"
    seed.write_text(seed.read_text().replace("title: MoveOn isn't backing off", "title: New"))
    stale = hook(repo, home, "argmap-render-check")
    assert stale.returncode == 1
    assert (
        "maps/seed.svg: stale: differs from a fresh render (argmap render maps/seed.yaml)"
        in stale.stdout
    )
    # A map with errors: one line, since the check hook has printed its diagnostics.
    seed.write_text(seed.read_text().replace("attacks: singular-focus", "attacks: singular-focuss"))
    broken = hook(repo, home, "argmap-render-check")
    assert broken.returncode == 1
    assert "maps/seed.yaml: not drawn: 1 error (argmap check maps/seed.yaml)" in broken.stdout
    assert "unknown-reference" not in broken.stdout
