"""Settings files: every problem is reported at once, each where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import config
from argmap.tomlkeys import Locator


def problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(config.ConfigError) as raised:
        config.load(path)
    return tuple(p.removeprefix(f"{path}") for p in raised.value.problems)


def test_every_problem_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / ".argmap.toml"
    path.write_text(
        "select = [\n"
        '  "long-text",\n'
        '  "unknown-ruel",\n'
        "]\n"
        'strict = "yes"\n'
        "colour = true\n"
        "[rules.long-text]\n"
        "max-length = 0\n"
        "max = 3\n"
        "[rules]\n"
        'ignore = ["long-text"]\n'
    )
    assert problems(path) == (
        ":6:1: unknown setting `colour`; known settings: select, ignore, strict, rules",
        ":3:3: `select` names an unknown rule `unknown-ruel`; did you mean `unknown-field`?",
        ":5:1: `strict` must be true or false",
        ":8:1: `rules.long-text.max-length` must be at least 1",
        ":9:1: rule `long-text` has no option `max` (its options: max-length)",
        # A setting written below a table belongs to the table: the hint says so.
        ":11:1: unknown rule `ignore` in `rules`; `ignore` is a setting: write it above the "
        "first [table]",
    )


def test_pyproject_positions_count_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n\n[tool.argmap]\nselct = []\n'
        'rules = {long-text = {max-length = "4"}}\n'
    )
    assert problems(path) == (
        ":5:1: unknown setting `selct`; did you mean `select`?",
        # In an inline table the position is the line that holds it.
        ":6:1: `rules.long-text.max-length` must be int, not str",
    )
    path.write_text("[tool]\nargmap = 5\n")
    assert problems(path) == (
        " [tool.argmap]: the settings must be a table (`ignore = [...]` and so on)",
    )


@pytest.mark.parametrize(
    ("text", "key", "value", "where"),
    [
        ('a = 1\n  "b" . c = 2\n', ("b", "c"), None, (2, 3)),
        ("[x]\ny = 1\n[z]\ny = 2\n", ("z", "y"), None, (4, 1)),
        ("[ 'q r' ]\n", ("q r",), None, (1, 1)),
        ("ignore = ['a',\n   'b']\n", ("ignore",), "b", (2, 4)),
        ("ignore = ['a']\n", ("ignore",), "b", (1, 1)),  # the item not found: the key
        ("x = {y = {z = 1}}\n", ("x", "y", "z"), None, (1, 1)),
        ("x = 1\n", ("y",), None, None),
        ("x = 1\n", (), None, None),
    ],
)
def test_locator(
    text: str, key: tuple[str, ...], value: str | None, where: tuple[int, int] | None
) -> None:
    assert Locator(text).find(key, value) == where
