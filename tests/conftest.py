"""Shared test helpers. Golden files are regenerated with `pytest --update-golden`
(then review the diff before committing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: on a busy CI machine an example can take over the default 200 ms
# and fail the run as "flaky"; speed is measured in bench/, not here.
settings.register_profile("argmap", deadline=None)
settings.load_profile("argmap")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
SEED = ROOT / "maps" / "circular-firing-squad.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


def mask(text: str) -> str:
    """Hide what changes between machines and releases: the version and absolute paths."""
    from argmap import __version__

    text = text.replace(__version__, "<version>")
    return re.sub(re.escape(str(ROOT)), "<root>", text)


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with a golden file under tests/golden/, or rewrite it with --update-golden."""

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        actual = mask(actual)
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return compare


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
