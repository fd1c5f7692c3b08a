"""Naming and placing single characters in messages, and where an id stops being one."""

from __future__ import annotations

import pytest

from argmap.characters import describe, invisible_at, is_hidden, located, visible
from argmap.model import Span
from argmap.spec import refused_at


@pytest.mark.parametrize(
    ("c", "named"),
    [
        ("\n", "the control character U+000A"),
        ("\u200b", "the invisible character U+200B ZERO WIDTH SPACE"),
        ("\u2065", "the invisible character U+2065"),  # unassigned: no name
        (" ", "the space U+0020 SPACE"),
        ("\u0430", "`\u0430` U+0430 CYRILLIC SMALL LETTER A"),
    ],
)
def test_a_character_is_named_by_code_point_and_name(c: str, named: str) -> None:
    assert describe(c) == named


def test_hidden_characters_are_controls_and_invisible_marks() -> None:
    assert [is_hidden(c) for c in "\x07\u200b\u202e a\u0430"] == [True] * 3 + [False] * 3
    assert visible("c\u200b1\u202e") == "c1"
    assert [invisible_at(t) for t in ("c1\u200b", "c\x07", "")] == [2, None, None]


@pytest.mark.parametrize(
    ("written", "text", "where"),
    [
        ("c1\u200b", "c1\u200b", "at column 5"),  # plain, from column 3
        ('"c1\u200b"', "c1\u200b", "at column 6"),  # quoted: past the quote
        ('"c1\\u200b"', "c1\u200b", "as character 3"),  # an escape: columns differ
    ],
)
def test_a_character_is_placed_at_its_column_when_written_as_it_reads(
    written: str, text: str, where: str
) -> None:
    span = Span("m.yaml", 4, 3, 4, 3 + len(written))
    assert located(span, text, 2) == f"the invisible character U+200B ZERO WIDTH SPACE {where}"


def test_a_value_over_several_lines_places_a_character_in_the_text() -> None:
    assert (
        located(Span("m.yaml", 4, 3, 5, 4), "c1 c2", 3)
        == "`c` U+0063 LATIN SMALL LETTER C as character 4"
    )


@pytest.mark.parametrize(
    ("key", "at"),
    [("ok", 2), ("", 0), ("-dash", 0), ("my claim", 2), ("c1\u200b", 2), ("\u041a", 0)],
)
def test_refused_at_is_where_the_id_pattern_stops(key: str, at: int) -> None:
    assert refused_at(key) == at
