"""Folders of inputs found automatically: every file in data/good/ and maps/ checks clean,
every file in data/bad/ gives exactly the diagnostics in the .expected file beside it
(regenerate with `pytest --update-golden` and review the diff)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from argmap.checker import check
from argmap.config import Settings
from argmap.report import Style, write_text
from conftest import DATA, ROOT

GOOD = sorted((DATA / "good").glob("*.yaml")) + sorted((ROOT / "maps").glob("*.yaml"))
BAD = sorted((DATA / "bad").glob("*.yaml"))


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_maps_are_clean(path: Path) -> None:
    result = check([path], Settings(strict=True))
    assert result.diagnostics == [], "\n".join(d.message for d in result.diagnostics)
    assert result.exit_code == 0


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_inputs_give_their_diagnostics(path: Path, update_golden: bool) -> None:
    relative = os.path.relpath(path, ROOT)
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = check([relative])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    out = io.StringIO()
    write_text(result, out, Style(show_source=True))
    expected = path.with_suffix(".expected")
    if update_golden:
        expected.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == expected.read_text(encoding="utf-8")


def test_seed_with_four_mistakes_reports_each_where_it_is() -> None:
    """The issue's acceptance case: each mistake at its line and column, nothing else."""
    result = check([DATA / "bad" / "seed-with-errors.yaml"])
    found = [(d.rule, d.span.line, d.span.column) for d in result.diagnostics]
    assert found == [
        ("circular-support", 40, 32),
        ("unknown-field", 53, 5),
        ("duplicate-key", 59, 5),
        ("unknown-reference", 93, 14),
    ]
    assert result.exit_code == 1


def test_a_control_character_met_by_the_python_parser_is_no_crash() -> None:
    """Nesting deeper than libyaml's limit is parsed again with PyYAML's Python parser,
    whose reader refuses a control character anywhere in the text as it starts: that
    was an internal error. The nesting, first in the file, is the error reported."""
    from argmap.loader import loads

    # (Far enough into the file that libyaml has not read it when it stops.)
    text = "argmap: 1\ntitle: t\nx: " + "[" * 1100 + "]" * 1100 + "\n# pad\n" * 20_000
    (diagnostic,) = loads(text + "n: a\x01b\n", "deep.yaml").diagnostics
    assert diagnostic.rule == "yaml-syntax" and diagnostic.span.line == 3
    assert "nested more than" in diagnostic.message
