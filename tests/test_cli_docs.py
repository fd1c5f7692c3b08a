"""The examples in docs/cli.md are run, so that the documentation cannot rot: each
`$ argmap ...` line in a console block runs in a sandbox, and its output must be the lines
under it (up to a line `...`, if any)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from conftest import DATA, ROOT

DOC = ROOT / "docs" / "cli.md"
DOCS = [DOC, ROOT / "docs" / "evaluate.md"]


def examples(docs: list[Path] = DOCS) -> list[list[tuple[str, list[str]]]]:
    """Each console block as a list of (command, expected output lines)."""
    text = "".join(doc.read_text(encoding="utf-8") for doc in docs)
    blocks = re.findall(r"```console\n(.*?)```", text, re.DOTALL)
    parsed = []
    for block in blocks:
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        parsed.append(steps)
    return parsed


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg"))
    shutil.copy(DATA / "bad" / "seed-with-errors.yaml", tmp_path / "broken.yaml")
    shutil.copy(DATA / "diff" / "old.yaml", tmp_path / "old.yaml")
    shutil.copy(DATA / "diff" / "new.yaml", tmp_path / "new.yaml")
    # The settings files that cli.md shows (`broken.toml`, `drafts/.argmap.toml`), each
    # named just above its text.
    shown = re.findall(r"`([^`\s]+\.toml)`:\n\n```toml\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert len(shown) == 2
    for name, text in shown:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    return tmp_path


@pytest.mark.parametrize("steps", examples(), ids=lambda steps: steps[0][0][:60])
def test_doc_example(steps: list[tuple[str, list[str]]], sandbox: Path) -> None:
    run(steps)


def test_readme_example(sandbox: Path) -> None:
    """README's map as debate.yaml, and with the typo it names as broken.yaml."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    debate = re.search(r"```yaml\n(argmap: 1\n.*?)```", readme, re.DOTALL)
    assert debate is not None
    (sandbox / "debate.yaml").write_text(debate[1], encoding="utf-8")
    typo = debate[1].replace("attacks: keep-targeting", "attacks: keep-targetting")
    (sandbox / "broken.yaml").write_text(typo, encoding="utf-8")
    [steps] = examples([ROOT / "README.md"])
    run(steps)


def run(steps: list[tuple[str, list[str]]]) -> None:
    """Each command's output must be the lines under it."""
    runner = CliRunner()
    for command, expected in steps:
        argv = shlex.split(command)
        assert argv[0] == "argmap"
        result = runner.invoke(app, argv[1:], catch_exceptions=False)
        actual = result.output.splitlines()
        if "..." in expected:
            expected = expected[: expected.index("...")]
            actual = actual[: len(expected)]
        assert actual == expected, f"`{command}` printed:\n{result.output}"


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert f"## argmap {name}" in text, name


def test_every_option_is_documented() -> None:
    """Each command's options appear in its section of cli.md (render's in render.md)."""
    import typer.main

    text = DOC.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## argmap (\w+)\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    sections["render"] += (ROOT / "docs" / "render.md").read_text(encoding="utf-8")
    missing = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            names = [o for o in param.opts if o.startswith("-") and o != "--help"]
            if names and not any(re.search(rf"(?<![\w-]){o}\b", sections[name]) for o in names):
                missing.append(f"{name} {names[0]}")
    assert not missing, "\n".join(missing)


def test_shell_completion_completes_commands_and_values() -> None:
    def complete(words: str, index: int) -> str:
        env = {
            **os.environ,
            "_ARGMAP_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        done = subprocess.run(
            [sys.executable, "-m", "argmap"], env=env, capture_output=True, text=True, check=False
        )
        return done.stdout

    assert complete("argmap ch", 1).split() == ["check"]
    assert complete("argmap render x.yaml --theme d", 4).split() == ["dark"]
    # Every option with a fixed set of values completes them.
    assert complete("argmap render x.yaml --format p", 4).split() == ["png", "pdf"]
    assert complete("argmap evaluate x.yaml -f j", 4).split() == ["json"]
    assert complete("argmap diff a b --format s", 5).split() == ["svg"]
    assert complete("argmap watch x -o y -f d", 6).split() == ["dot"]
    assert complete("argmap rules --format m", 3).split() == ["markdown"]
    assert complete("argmap export x.yaml --to i", 4).split() == ["i23"]
    assert complete("argmap import x --from a", 4).split() == ["apx"]


def test_completion_choices_match_the_library() -> None:
    from argmap import cli
    from argmap.render import FORMATS
    from argmap.render.dot import DIRECTIONS, GROUPS
    from argmap.render.engines import ENGINES
    from argmap.render.theme import THEMES
    from argmap.report import REPORTERS

    assert tuple(REPORTERS) == cli.REPORT_FORMATS
    assert tuple(THEMES) == cli.THEMES
    assert cli.DIRECTIONS == DIRECTIONS
    assert (*GROUPS, "none") == cli.GROUPS  # none: undo the map's group-by (options_for)
    assert cli.ENGINES == ENGINES
    assert cli.DRAWINGS == FORMATS


def test_readme_settings_are_valid(tmp_path: Path) -> None:
    """README's two settings files load, and say the same."""
    from argmap import config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pyproject, own = re.findall(r"```toml\n(.*?)```", readme, re.DOTALL)
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / ".argmap.toml").write_text(own, encoding="utf-8")
    a = config.load(tmp_path / "pyproject.toml")
    b = config.load(tmp_path / ".argmap.toml")
    assert (a.ignore, a.strict, a.rule_options) == (b.ignore, b.strict, b.rule_options)
    assert a.rule_options == {"long-text": {"max-length": 400}}


def test_readme_python_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """README's library example runs from the repository's root, and each name the package
    exports can be imported."""
    import argmap

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    monkeypatch.chdir(ROOT)
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["png"].startswith(b"\x89PNG")  # type: ignore[attr-defined]
    assert scope["apx"].startswith("arg(")  # type: ignore[attr-defined]
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None
