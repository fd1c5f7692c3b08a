"""The loader: every value keeps its position; bad YAML becomes diagnostics."""

from __future__ import annotations

import re
import sys
import weakref
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from argmap import yamlhints, yamlnodes, yamltree
from argmap.characters import is_hidden
from argmap.checker import check_loaded
from argmap.config import Settings
from argmap.diagnostics import Severity
from argmap.graph import build_graph, neighbourhood
from argmap.loader import gc_paused, load, loads
from argmap.model import ActorKind, Kind, Span
from argmap.semantics import evaluate
from conftest import DATA, SEED

MAP = """\
argmap: 1
title: Seed
sources:
  benen: {title: MoveOn isn't backing off, date: 2009-03-13, url: https://example.org/a}
actors:
  moveon: {name: MoveOn, kind: organisation}
claims:
  keep-targeting:
    text: MoveOn will keep targeting moderate Democrats.
    by: moveon
    source: benen
    tags: [strategy]
    weight: 0.7
objections:
  squad:
    text: yes
    attacks: [keep-targeting]
"""


def test_values_and_spans() -> None:
    loaded = loads(MAP, "seed.yaml")
    assert loaded.diagnostics == ()
    m = loaded.map
    assert m is not None
    claim = m.nodes["keep-targeting"]
    assert claim.kind is Kind.CLAIM
    assert claim.span == Span("seed.yaml", 8, 3, 8, 17)
    assert [r.span for r in claim.by] == [Span("seed.yaml", 10, 9, 10, 15)]
    assert claim.field_span("text") == Span("seed.yaml", 9, 11, 9, 57)
    assert claim.tags == ("strategy",)
    assert claim.weight == 0.7
    # YAML 1.2's `1e-3` (a number to JSON and the schema too), which YAML 1.1 reads as text.
    small = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: C, weight: 1e-3}\n").map
    assert small is not None and small.nodes["c"].weight == 0.001
    objection = m.nodes["squad"]
    assert objection.text == "yes"  # the word as written, not YAML 1.1's boolean
    assert [r.id for r in objection.attacks] == ["keep-targeting"]
    assert objection.attacks[0].span.line == 17
    assert m.sources["benen"].date == "2009-03-13"
    assert m.actors["moveon"].kind is ActorKind.ORGANISATION
    assert list(m.nodes) == ["keep-targeting", "squad"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2009-03-13", "2009-03-13"),
        ("'2009-03-13'", "2009-03-13"),
        ("2009-03-13T10:00:00Z", "2009-03-13"),
        ("'2009-03-13 10:00:00 +02:00'", "2009-03-13"),
        ("2009-03-13 10:00", "2009-03-13"),  # to the minute, as ISO 8601 allows too
        ("2009-03-13T10:00+01:00", "2009-03-13"),
        ("2009-03", "2009-03"),
        ("2009", "2009"),
        ("2009-13", None),
        ("'0000'", None),  # the calendar has no year 0
        ("' 2009'", None),  # as the schema says
        ("2009-02-30", None),
        ("March 2009", None),
        ("99", None),
        ("true", None),
    ],
)
def test_a_source_date_to_the_day_month_or_year(written: str, read: str | None) -> None:
    loaded = loads(f"argmap: 1\ntitle: T\nsources:\n  s: {{title: S, date: {written}}}\n")
    assert loaded.map is not None
    assert loaded.map.sources["s"].date == read
    assert [d.rule for d in loaded.diagnostics] == ([] if read else ["invalid-value"])


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2009-02-30", "February 2009 has 28 days; write the day it was, as YYYY-MM-DD"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2022-13-45", "there is no month 13; write it as YYYY-MM-DD"),
        ("2022-25-12", "there is no month 25; the month comes first: `2022-12-25`"),
        ("'2009-04-31'", "April 2009 has 30 days"),
    ],
)
def test_a_date_the_calendar_has_not_is_told_why(written: str, said: str) -> None:
    """Not "write it as `2009-03-13`": an unrelated date read as the correction."""
    loaded = loads(f"argmap: 1\ntitle: T\nsources:\n  s: {{title: S, date: {written}}}\n")
    (diagnostic,) = loaded.diagnostics
    assert said in f"{diagnostic.message}; {diagnostic.hint}"
    assert "2009-03-13" not in diagnostic.hint


@pytest.mark.parametrize(
    ("key", "hint"),
    [("items", "known fields: argmap, title"), ("titel", "did you mean `title`?")],
)
def test_a_top_level_key_is_a_typo_only_of_a_name_much_like_it(key: str, hint: str) -> None:
    """`items` was "did you mean `title`?": as alike as an id must be to a misspelt one."""
    loaded = loads(f"argmap: 1\ntitle: T\n{key}: x\nclaims:\n  c: {{text: C.}}\n")
    (diagnostic,) = loaded.diagnostics
    assert diagnostic.rule == "unknown-field" and diagnostic.hint.startswith(hint)


def test_bytes_with_bom_and_unicode() -> None:
    loaded = loads("\ufeffargmap: 1\ntitle: Débat — 討論 🙂\n".encode())
    assert loaded.diagnostics == ()
    assert loaded.map is not None and loaded.map.title == "Débat — 討論 🙂"


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_are_text_as_in_yaml_1_2_and_editors(separator: str) -> None:
    """YAML 1.1 (libyaml) ends a line at NEL, LINE and PARAGRAPH SEPARATOR; an editor does
    not, so they are read as characters, and line numbers stay the editor's."""
    loaded = loads(
        f"argmap: 1\n# a comment{separator}with a separator\ntitle: One{separator}title\n"
        f"claims:\n  c: {{text: 'Quoted{separator}\ue000 text', supports: nowhere}}\n",
        "m.yaml",
    )
    assert loaded.map is not None
    assert loaded.map.title == f"One{separator}title"
    assert loaded.map.nodes["c"].text == f"Quoted{separator}\ue000 text"  # a private-use one too
    escaped = loads(f'argmap: 1\n# {separator}\ntitle: "\\uE000 \\uE001"\n').map
    assert escaped is not None and escaped.title == "\ue000 \ue001"  # escapes are not stand-ins
    assert loaded.diagnostics == ()
    [target] = loaded.map.nodes["c"].supports
    assert (target.span.line, target.span.column) == (5, 40)


@pytest.mark.parametrize(
    ("text", "rule", "line", "column"),
    [
        ("argmap: 1\ntitle: a\ntitle: b\n", "duplicate-key", 3, 1),
        ("argmap: 1\ntitle: a\nclaims:\n  c: {text: x, txt: y}\n", "unknown-field", 4, 16),
        (
            "argmap: 1\ntitle: a\nclaims:\n  c: {text: x}\nreasons:\n  c: {text: y}\n",
            "duplicate-id",
            6,
            3,
        ),
        ("argmap: 1\ntitle: a\nclaims:\n  c: {by: x}\n", "missing-text", 4, 3),
        ("argmap: 1\ntitle: [a]\n", "wrong-type", 2, 8),
        ("argmap: 1\ntitle: a\nclaims:\n  c: {text: x, weight: 2}\n", "invalid-value", 4, 24),
        ("argmap: 1\ntitle: a\nclaims:\n  c d: {text: x}\n", "invalid-id", 4, 3),
        ("argmap: 1\ntitle: a\nactors:\n  x: {role: y}\n", "missing-field", 4, 3),
        # A quote never closed: where it opens, not at the end of the file.
        ("argmap: 1\ntitle: 'a\n", "yaml-syntax", 2, 8),
        # At the end of the file: its last line's end, not the line past it.
        ("argmap: 1\ntitle: a\nclaims:\n  c: {text: x, tags: [\n\n", "yaml-syntax", 4, 23),
        ("argmap: 1\ntitle: a\nclaims:\n  c: {text: x}\n  c: {text: y}\n", "duplicate-key", 5, 3),
    ],
)
def test_refusals_point_at_the_problem(text: str, rule: str, line: int, column: int) -> None:
    found = [(d.rule, d.span.line, d.span.column) for d in loads(text, "m.yaml").diagnostics]
    assert (rule, line, column) in found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("argmap: 1\nclaims:\n  b: [\n", "the [ on line 3, column 6, is never closed"),
        ("argmap: 1\nclaims:\n  b: &x [\n", "the [ on line 3, column 9, is never closed"),
        ("argmap: 1\nclaims:\n  b: !!map {\r\n", "the { on line 3, column 12, is never"),
        ("argmap: 1\nclaims: {b: [a, {c: [", "the [ on line 2, column 21, is never closed"),
    ],
)
def test_a_bracket_left_open_at_the_end_is_named(text: str, said: str) -> None:
    """At the end of the file libyaml says only that it found no node: the cause is the
    innermost bracket still open, written after an anchor or a tag too."""
    (found,) = loads(text, "m.yaml").diagnostics
    assert found.rule == "yaml-syntax" and said in found.hint, found.hint


def test_duplicate_key_keeps_the_first_value() -> None:
    loaded = loads("argmap: 1\ntitle: first\ntitle: second\n")
    assert loaded.map is not None and loaded.map.title == "first"
    assert "line 2" in loaded.diagnostics[0].message


def test_an_id_indented_like_fields_is_read_as_its_own_node() -> None:
    """`b:` written among `a:`'s fields: its fields go with it, beside `a`, in map order."""
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    by: x\n"
        "    b:\n    text: B.\n    attacks: a\n    by: x\n  c:\n    text: C.\n"
    )
    loaded = loads(text)
    assert loaded.map is not None
    assert list(loaded.map.nodes) == ["a", "b", "c"]
    a, b = loaded.map.nodes["a"], loaded.map.nodes["b"]
    assert (a.text, b.text, [r.id for r in b.attacks]) == ("A.", "B.", ["a"])
    (found,) = loaded.diagnostics
    assert (found.rule, found.span.line, found.span.column) == ("yaml-syntax", 7, 5)
    assert "(`text`, `by`)" in found.message and "by 2 spaces, like `a:`" in found.hint
    # An empty field that is a field's name, then a repeated key: a duplicate, as written.
    note = "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    note:\n    text: B.\n"
    assert [d.rule for d in loads(note).diagnostics] == ["duplicate-key"]


@pytest.mark.parametrize(
    "written",
    [
        # A section's empty entry, then an id repeated: no node's fields to split.
        "claims:\n  c: {text: C}\nsources:\n  s1: {title: A}\n  s2:\n  s1: {title: B}\n",
        # A node in flow style: its keys are not a matter of indentation.
        "claims:\n  ubi: {text: a,\n        nit: ,\n        text: b}\n",
        # An anchor's mapping, which an alias repeats: split, it would change both places.
        "claims:\n  ubi: &u\n    text: a\n    nit:\n    text: b\nreasons:\n  r: *u\n",
    ],
)
def test_a_repeated_key_elsewhere_stays_a_duplicate(written: str) -> None:
    found = loads("argmap: 1\ntitle: t\n" + written).diagnostics
    assert "duplicate-key" in [d.rule for d in found]
    assert not any("indented like the fields" in d.message for d in found)


def test_alias_bomb_fails_fast_and_small() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    pairs = zip("abcdefgh", "bcdefghi", strict=True)
    levels += [f"{c}: &{c} [{', '.join(['*' + p] * 10)}]" for p, c in pairs]
    loaded = loads("\n".join(levels) + "\n")
    assert loaded.map is None
    assert [d.rule for d in loaded.diagnostics] == ["yaml-syntax"]
    assert "alias" in loaded.diagnostics[0].message


@pytest.fixture(params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test that takes this runs with libyaml's parser and with PyYAML's own."""
    if request.param == "pure":
        monkeypatch.setattr(yamltree, "LOADER", yaml.SafeLoader)
    else:
        monkeypatch.setattr(yamltree, "LOADER", yaml.CSafeLoader)
    return str(request.param)


@pytest.mark.parametrize(
    "text",
    [
        "argmap: 1\ntitle: t\nclaims: &a\n  c: {text: x, supports: *a}\n",
        "argmap: 1\ntitle: t\nclaims: &a\n  c:\n    text: x\n    tags: [*a]\n",
        # The anchor written last names the node, even if one before it is complete.
        "argmap: 1\ntitle: &a t\nclaims: &a\n  c: {text: x, supports: *a}\n",
    ],
)
def test_an_alias_inside_its_own_anchor_is_a_loop(parser: str, text: str) -> None:
    """It was reported as an undefined alias, though its anchor is right above."""
    loaded = loads(text, "m.yaml")
    assert loaded.map is None
    [found] = loaded.diagnostics
    assert (found.rule, found.span.line) == ("yaml-syntax", 4 if "{" in text else 6)
    assert "inside the very value that `&a` names" in found.message
    assert "move `*a` out" in found.hint


def test_an_undefined_alias_is_named(parser: str) -> None:
    [found] = loads("argmap: 1\ntitle: *nope\n", "m.yaml").diagnostics
    assert found.message == "unknown alias `*nope`"


def test_a_merge_key_is_one_error_and_its_fields_are_read_on(parser: str) -> None:
    """`<<: *base` gave "unknown field `<<`" and then, the fields being missing, a missing
    `text` and an objection that attacks nothing."""
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  c: {text: claim}\n  d: &d {text: other, tags: [x]}\n"
        "objections:\n  o:\n    <<: [*d, {text: hidden, attacks: c}]\n    text: mine\n"
    )
    loaded = loads(text, "m.yaml")
    assert [(d.rule, d.span.line, d.span.column) for d in loaded.diagnostics] == [
        ("yaml-syntax", 8, 5)
    ]
    assert "merge keys" in loaded.diagnostics[0].message
    assert "write the fields out" in loaded.diagnostics[0].hint
    assert loaded.map is not None
    o = loaded.map.nodes["o"]
    assert (o.text, o.tags, [r.id for r in o.attacks]) == ("mine", ("x",), ["c"])


def test_a_quoted_merge_key_is_an_ordinary_unknown_field(parser: str) -> None:
    loaded = loads("argmap: 1\ntitle: t\nclaims:\n  c: {text: x, '<<': y}\n")
    assert [(d.rule, d.message) for d in loaded.diagnostics] == [
        ("unknown-field", "unknown field `<<` in claim `c`")
    ]


def test_harmless_aliases_are_fine() -> None:
    text = "argmap: 1\ntitle: &t Shared\nsummary: *t\n"
    loaded = loads(text)
    assert loaded.diagnostics == ()
    assert loaded.map is not None and loaded.map.summary == "Shared"


def test_a_value_given_by_an_alias_is_wrong_where_the_alias_is(parser: str) -> None:
    """`supports: *a` naming no node was reported at `&a x`, in another node's note (and
    `tags: *a`, a wrong type, too): an alias's scalar has the alias's place."""
    text = (
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C, note: &a x}\n"
        "  d: {text: D, supports: *a}\n  e: {text: E, tags: *a}\n"
    )
    loaded = loads(text)
    assert loaded.map is not None and loaded.map.nodes["c"].note == "x"
    assert loaded.map.nodes["d"].supports[0].span[1:3] == (5, 26)
    assert [(d.rule, d.span.line, d.span.column) for d in loaded.diagnostics] == [
        ("wrong-type", 6, 22)
    ]


def test_an_anchor_no_alias_uses_is_warned_of_as_text_that_lost_its_start(parser: str) -> None:
    """`text: &growth cuts pay` stored `cuts pay`, with no word from YAML or argmap."""
    text = (
        "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: &growth cuts pay  # comment\n"
        "  c2:\n    text: &a The costs\n    tags: [&fiscal, budget]\n"
        "  c3: &node\n    text: &a Later\n  c4: {text: *a}\n"
    )
    loaded = loads(text, "m.yaml")
    found = [(d.rule, d.severity.value, d.span.line, d.span.column) for d in loaded.diagnostics]
    assert found == [
        ("unused-anchor", "warning", 5, 11),
        ("unused-anchor", "warning", 7, 11),  # `&a` named again below, before any alias
        ("unused-anchor", "warning", 8, 12),
        ("unused-anchor", "warning", 9, 7),
    ]
    growth, costs, fiscal, node = loaded.diagnostics
    assert "the text is `cuts pay`, without `&growth`" in growth.message
    assert growth.hint == 'quote the text to keep `&growth`: `text: "&growth cuts pay"`'
    assert costs.hint == 'quote the text to keep `&a`: `text: "&a The costs"`'
    assert "the value after it is empty" in fiscal.message
    assert node.hint == "delete `&node`, or repeat the value where it is needed with `*node`"
    assert loaded.map is not None and loaded.map.nodes["c4"].text == "Later"


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_refused_without_recursion(parser: str, opening: str) -> None:
    """At argmap's own limit and in its words, though libyaml, which scans 1,000 brackets
    ahead of its events, meets its own limit first."""
    closing = "]" if opening == "[" else "}"
    nested = opening * 100_000 + closing * 100_000
    loaded = loads(f"argmap: 1\ntitle: a\nnote: {nested}\n", "m.yaml")
    assert loaded.map is None
    [found] = loaded.diagnostics
    assert found.rule == "yaml-syntax"
    assert found.message == f"the document is nested more than {yamltree.MAX_DEPTH} levels deep"
    assert found.hint == "a map needs only a few levels; flatten the structure"
    # At the first level too many: `note:` is the first, its value's brackets the rest.
    assert (found.span.line, found.span.column) == (3, 7 + (yamltree.MAX_DEPTH - 1) * len(opening))


@pytest.mark.parametrize(
    ("escaped", "hint"),
    [
        (
            r"\uD83D\uDE00",
            r"`\uD83D\uDE00` is a UTF-16 surrogate pair, which YAML does not join into one "
            r"character: write the character itself (😀) or `\U0001F600`",
        ),
        (r"\udb40\udc01", r"write the character itself or `\U000E0001`"),
        (r"\uDE00 \uD83D", "a surrogate (D800 to DFFF)"),
        (r"\U00110000", "or a number past 10FFFF"),
    ],
)
def test_an_escape_that_names_no_character_says_what_to_write(escaped: str, hint: str) -> None:
    """JSON writes a character past U+FFFF as two UTF-16 halves; YAML does not join them."""
    [found] = loads(f'argmap: 1\ntitle: "Hi {escaped}"\n', "m.yaml").diagnostics
    # At the backslash that starts the escape.
    assert (found.rule, found.span.line, found.span.column) == ("yaml-syntax", 2, 12)
    assert hint in found.hint


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("    attacks: - c1", "write `attacks: [c1]`, or put `- c1` on the next line, indented"),
        (
            "    by: - ann, bob  # both",
            "write `by: [ann, bob]`, or put each on a line of its own, indented",
        ),
        (
            '    text: - "no", he said',
            "text that starts with `- ` is read as a list's item; quote it: "
            '`text: "- \\"no\\", he said"`',
        ),
        ("    weight: - 0.5", "`weight` takes one value, not a list: `weight: 0.5`"),
        (
            '    text: "A" - b',
            "a list item (`- `) starts a line of its own: put it on the next line",
        ),
    ],
)
def test_a_list_item_after_its_key_says_what_to_write(line: str, hint: str) -> None:
    """YAML refuses `key: - item`: a list there is written in brackets, or below."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c1:\n{line}\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert (found.rule, found.span.line, found.span.column) == (
        "yaml-syntax",
        5,
        line.index("- ", 5) + 1,
    )
    assert hint in found.hint


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        (
            "claims: - c1",
            "`claims` holds ids by name, not a list: write `claims:`, then "
            "`c1: {text: ...}` on the next line, indented",
        ),
        ("actors: - jo  # her", "write `actors:`, then `jo: {name: ...}` on the next line"),
        ("render: - direction", "`render` holds options by name, not a list: write `render:`"),
    ],
)
def test_a_list_after_a_section_says_it_holds_names(line: str, hint: str) -> None:
    """`claims: [c1]`, the list hint, would be an error of its own: a section is a mapping."""
    [found] = loads(f"argmap: 1\ntitle: T\n{line}\n", "m.yaml").diagnostics
    assert found.rule == "yaml-syntax" and hint in found.hint


def test_list_items_indented_deeper_are_read_apart_where_written() -> None:
    """YAML joins `- c2`, indented deeper than `- c1`, to it as `c1 - c2`: reported once,
    at the `-`, and read on as two references, each at its own place."""
    text = "argmap: 1\ntitle: T\nclaims:\n  c1: {text: A}\n  c2:\n    text: B\n"
    loaded = loads(text + "    attacks:\n    - c1\n      - c2  # note\n", "m.yaml")
    [found] = loaded.diagnostics
    assert (found.rule, found.span.line, found.span.column) == ("yaml-syntax", 9, 7)
    assert found.hint == "line up its `-` with the `-` on line 8 (column 5)"
    assert loaded.map is not None
    written = [(r.id, r.span) for r in loaded.map.nodes["c2"].attacks]
    assert written == [("c1", Span("m.yaml", 8, 7, 8, 9)), ("c2", Span("m.yaml", 9, 9, 9, 11))]
    prose = loads(text.replace("text: B", "text: B\n      - as in a list"), "m.yaml")
    assert prose.diagnostics == ()  # text goes on as written: only ids and tags are lists


def test_no_python_objects_are_constructed() -> None:
    loaded = loads("argmap: 1\ntitle: !!python/object/apply:os.system [echo]\n")
    assert loaded.map is None
    assert "python/object" in loaded.diagnostics[0].message


def test_huge_text_field_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = "word " * 2_000_000  # 10 MB
    loaded = loads(f"argmap: 1\ntitle: Big\nclaims:\n  c: {{text: {big}}}\n".encode())
    assert loaded.map is not None
    assert len(loaded.map.nodes["c"].text) == len(big.strip())


def test_not_utf8_names_the_byte() -> None:
    loaded = loads(b"argmap: 1\ntitle: caf\xe9\n", "x.yaml")
    assert [(d.rule, d.span.line, d.span.column) for d in loaded.diagnostics] == [
        ("encoding", 2, 11)
    ]


def test_missing_file_is_an_io_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from argmap.loader import load

    loaded = load(tmp_path / "nope.yaml")
    assert loaded.map is None and loaded.diagnostics[0].rule == "io-error"


def test_bounds_that_keep_a_small_file_from_costing_much() -> None:
    """A huge `render: {wrap: N}` drew a 20 KB map as a 156,817-pixel-wide PNG; a huge
    --depth looped on after the neighbourhood was whole; a huge --limit overflowed."""
    wide = loads("argmap: 1\ntitle: T\nrender: {wrap: 100000}\nclaims:\n  c: {text: x}\n")
    assert [(d.rule, d.message) for d in wide.diagnostics] == [
        ("invalid-value", "`wrap` of `render` is 100000, more than 200")
    ]
    seed = load(str(SEED)).map
    assert seed is not None
    g = build_graph(seed)
    assert set(neighbourhood(g, "unwise", 10**12)) == set(g)
    assert evaluate(seed, "preferred", limit=sys.maxsize).labellings
    # A chain of rebuttals that attack each other both ways: each node reached once a
    # step (it was listed again for each way in, and the list doubled at each step).
    chain = "".join(
        f"  b{i}: {{text: R{i}., attacks: [{'c' if i == 0 else f'b{i - 1}'}"
        + (f", b{i + 1}" if i < 59 else "")
        + "]}\n"
        for i in range(60)
    )
    m = loads(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C.}}\nrebuttals:\n{chain}").map
    assert m is not None
    mutual, asked = build_graph(m), 0
    successors = mutual.successors

    def counted(n: str):  # type: ignore[no-untyped-def]
        nonlocal asked
        asked += 1
        return successors(n)

    mutual.successors = counted  # type: ignore[method-assign]
    assert set(neighbourhood(mutual, "b0", 16)) == {"c", *(f"b{i}" for i in range(17))}
    assert asked <= 2 * 17


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ('"30"', "write it as `30` (no quotes)"),
        ("!!float 30", "write it as `30` (without `!!float`)"),  # (it said "no quotes")
        ("!!str 30", "write it as `30` (without `!!str`)"),
        ('!!str "30"', "write it as `30` (without `!!str` or quotes)"),
        ("30.5", "write it as `30`"),
        ("5.2", "write it as `10`"),  # within the field's bounds
        ("wide", "write it as `36`"),
        (".inf", "write it as `36`"),
    ],
)
def test_a_number_that_is_not_whole_gets_the_one_meant(value: str, hint: str) -> None:
    loaded = loads(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C}}\nrender: {{wrap: {value}}}\n")
    [problem] = loaded.diagnostics
    assert problem.rule == "wrong-type" and problem.hint == hint


_DIGITS = "9" * 4400  # past the 4,300 digits Python turns into a whole number or back
_TOO_LONG = "argmap reads numbers of up to 1,000 characters"


@pytest.mark.parametrize(
    ("top", "node", "said"),
    [
        ("", f"weight: 0{_DIGITS}", "must be a number"),  # a number to YAML 1.2 only
        ("", "weight: 1" + "0" * 5000, _TOO_LONG),
        ("", "weight: 0x" + "f" * 4400, _TOO_LONG),  # read, but too long to show in decimal
        ("", "weight: 0o" + "7" * 5000, "must be a number"),
        ("", f"weight: {_DIGITS}:30", _TOO_LONG),  # YAML 1.1's base 60
        ("sources: {s: {title: S, date: 0x" + "f" * 4400 + "}}", "source: s", _TOO_LONG),
        ("render: {wrap: 0o" + "7" * 5000 + "}", "", "must be a whole number"),
        ("render: {wrap: 0x" + "f" * 4400 + "}", "", _TOO_LONG),
    ],
)
def test_a_number_of_thousands_of_digits_is_an_error_where_written(
    top: str, node: str, said: str
) -> None:
    """It was an internal error: Python reads no more than 4,300 digits into a number."""
    text = f"argmap: 1\ntitle: T\n{top}\nclaims:\n  c: {{text: C., {node}}}\n"
    [problem] = loads(text.replace(", }", "}"), "m.yaml").diagnostics
    assert said in problem.message and len(problem.message) < 200
    assert problem.span.line == (3 if top else 5)


@pytest.mark.parametrize(
    "node",
    ["weight: 0x" + "f" * 997, "weight: +" + "1" * 998, "weight: 0o" + "7" * 990],
)
def test_a_number_just_under_the_limit_is_said_by_its_start(node: str) -> None:
    """Read, and said whole: `0x` and 997 digits made a message of 2.3 KB."""
    text = (
        f"argmap: 1\ntitle: T\nsources: {{s: {{title: S}}}}\nclaims:\n  c: {{text: C., {node}}}\n"
    )
    [found] = loads(text, "m.yaml").diagnostics
    assert len(found.message) < 300 and len(found.hint) < 200, found


@pytest.mark.parametrize("key", [f"0{_DIGITS}", f"1{_DIGITS}", "0o" + "7" * 5000])
def test_an_id_of_thousands_of_digits_is_an_id_too_long(key: str) -> None:
    [problem] = loads(f"argmap: 1\ntitle: T\nclaims:\n  ? {key}\n  : {{text: C.}}\n").diagnostics
    assert problem.rule == "invalid-id" and len(problem.message) < 200
    [problem] = loads(f"argmap: 1\ntitle: T\nclaims: {{{key}: {{text: C.}}}}\n").diagnostics
    assert problem.rule == "yaml-syntax" and "YAML reads a key of at most 1,024" in problem.hint


@pytest.mark.parametrize("version", ["0" + "1" * 4400, "9" * 5000, "0x" + "f" * 4400])
def test_a_format_version_of_thousands_of_digits_is_said_by_its_start(version: str) -> None:
    """Past Python's 4,300 digits a number is no int; the error showed all 5,000, and
    YAML 1.1's octal `0111...` was an internal error."""
    [found] = loads(f"argmap: {version}\ntitle: T\nclaims:\n  c: {{text: C.}}\n").diagnostics
    assert found.rule == "invalid-value" and len(found.message) < 200
    assert f"`{version[:40]}…` is a number {len(version):,} characters long" in found.message


@pytest.mark.parametrize(
    "line",
    [
        "claims:\n  " + "an-id-" * 200 + ": {text: A}",
        'claims:\n  "' + "a b " * 300 + '": {text: A}',  # quoted, with spaces
        "k" * 1100 + ": 1",  # at the top level: YAML says it found no `:`
    ],
)
def test_a_key_longer_than_yaml_reads_says_so_briefly(line: str) -> None:
    [found] = loads(f"argmap: 1\ntitle: T\n{line}\n", "m.yaml").diagnostics
    assert found.rule == "yaml-syntax"
    assert ", and YAML reads a key of at most 1,024; use a short id" in found.hint
    assert len(found.hint) < 140


def test_a_control_character_from_an_escape_is_named_in_any_text() -> None:
    text = 'argmap: 1\ntitle: "T\\e[2J"\nclaims:\n  c: {text: "a\\tb\\nc", tags: ["eco\\anomy"]}\n'
    found = [(d.rule, d.span.line, d.message) for d in loads(text, "m.yaml").diagnostics]
    assert found == [
        (
            "control-character",
            2,
            "`title` of the map holds the control character U+001B as character 2",
        ),
        (
            "control-character",
            4,
            "a tag in `tags` of claim `c` holds the control character U+0007 as character 4",
        ),
    ]  # (a tab and a line break are not reported)


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("weight", "70%", "write it as `0.7`"),
        ("weight", "12,5 %", "write it as `0.125`"),
        ("weight", "0,7", "write it as `0.7`"),
        ("weight", "0%", "write it as `0`"),
        ("weight", "high", "write it as `0.5`"),
        ("weight", "70", "use a number from 0 to 1: `0.7` for 70%"),
        ("weight", "250", "use a number from 0 to 1"),
        ("weight", "1.5", "use a number from 0 to 1"),  # (not 1.5%)
        ("date", "06.05.2020", "write it as `2020-05-06`"),
        ("date", "05/06/2020", "write it as `2020-06-05` or `2020-05-06`"),
        ("date", "06/13/2020", "write it as `2020-06-13`"),
        ("date", "31.02.2020", "write it as YYYY-MM-DD, or YYYY-MM or YYYY"),
        # The month in words, as a reference gives it: to the day, or to the month.
        ("date", "December 1969", "write it as `1969-12`"),
        ("date", "Sept. 2020", "write it as `2020-09`"),
        ("date", "4th Dec 1969", "write it as `1969-12-04`"),
        ("date", "December 4 1969", "write it as `1969-12-04`"),
        ("date", "4th of December, 1969", "write it as `1969-12-04`"),
        ("date", "31 June 2020", "write it as YYYY-MM-DD, or YYYY-MM or YYYY"),
        ("date", "Ma 2020", "write it as YYYY-MM-DD, or YYYY-MM or YYYY"),
        # In other languages: German, French, Spanish, Portuguese, Italian, Dutch.
        ("date", "5. September 2022", "write it as `2022-09-05`"),
        ("date", "1er mars 2021", "write it as `2021-03-01`"),
        ("date", "5 de septiembre de 2022", "write it as `2022-09-05`"),
        ("date", "12 Dez. 2022", "write it as `2022-12-12`"),
        ("date", "März 2023", "write it as `2023-03`"),
        ("date", "3 maggio 2019", "write it as `2019-05-03`"),
        ("date", "5 mei 2021", "write it as `2021-05-05`"),
        ("date", "jui 2020", "write it as YYYY-MM-DD, or YYYY-MM or YYYY"),  # juin or juillet
        # As Chinese, Japanese and Korean write it, full-width digits too.
        ("date", "2023년 12월 13일", "write it as `2023-12-13`"),
        ("date", "2023年7月", "write it as `2023-07`"),
        ("date", "２０２３年１２月１日", "write it as `2023-12-01`"),
        ("date", "2023年2月30日", "write it as YYYY-MM-DD, or YYYY-MM or YYYY"),
    ],
)
def test_a_value_written_the_local_way_gets_the_one_meant(
    field: str, value: str, hint: str
) -> None:
    """A percentage, a decimal comma, a day-first date: the hint writes the user's value."""
    where = (
        "reasons:\n  r:\n    text: R\n    supports: c\n"
        if field == "weight"
        else "sources:\n  s:\n    title: S\n"
    )
    text = f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C}}\n{where}    {field}: {value}\n"
    [problem] = [d for d in loads(text).diagnostics if d.rule in ("wrong-type", "invalid-value")]
    assert problem.hint.startswith(hint) and (hint.endswith("YYYY") or problem.hint == hint)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("schilder-ungültig", "schilder-ungueltig"),
        ("café crème", "cafe-creme"),
        ("Straße", "Strasse"),
    ],
)
def test_an_id_with_letters_beyond_ascii_is_spelled_out(written: str, meant: str) -> None:
    [problem] = loads(f"argmap: 1\ntitle: T\nclaims:\n  {written}: {{text: C}}\n").diagnostics
    assert problem.rule == "invalid-id" and problem.hint.endswith(f"write it as `{meant}`")
    # Not as an id the section has already: it would be a duplicate.
    both = f"argmap: 1\ntitle: T\nclaims:\n  {meant}: {{text: C}}\n  {written}: {{text: D}}\n"
    [problem] = loads(both).diagnostics
    assert problem.rule == "invalid-id" and "write it as" not in problem.hint


def _followed(text: str, line: int, hint: str) -> str | None:
    """`text` with the one line an indentation hint names moved as far as it says; None
    for a hint that names no line and depth."""
    forms = (
        (r"indent line (\d+) by (\d+) spaces?", None),
        (
            r"^line (\d+)(?:, `[^`]*`,)? is indented by \d+ spaces?.*; indent it by (\d+) spaces?",
            None,
        ),
        (r"indent `[^`]*:` by (\d+) spaces?|is a section of the map: indent it by (\d+)", line),
    )
    for form, at in forms:
        found = re.search(form, hint)
        if found is not None:
            row, spaces = (at, found[1] or found[2]) if at else (int(found[1]), found[2])
            lines = text.split("\n")
            lines[row - 1] = " " * int(spaces) + lines[row - 1].lstrip(" ")
            return "\n".join(lines)
    return None


@pytest.mark.parametrize("shift", [-4, -2, -1, 1, 2, 3, 4])
@pytest.mark.parametrize("path", [SEED, DATA / "good" / "every-feature.yaml"], ids=["seed", "all"])
def test_an_indentation_hint_followed_to_the_letter_mends_the_file(path: Path, shift: int) -> None:
    """Each line of a map moved by `shift` spaces: where the first error's hint says which
    line to move and how far, doing just that gives a file YAML reads."""
    text = path.read_text()
    lines = text.split("\n")
    followed = 0
    for i, line in enumerate(lines):
        if (
            not line.strip()
            or line.lstrip().startswith("#")
            or len(line) - len(line.lstrip()) + shift < 0
        ):
            continue
        moved = lines.copy()
        moved[i] = " " * (len(line) - len(line.lstrip()) + shift) + line.lstrip(" ")
        errors = [d for d in loads("\n".join(moved)).diagnostics if d.rule == "yaml-syntax"]
        mended = (
            _followed("\n".join(moved), errors[0].span.line, errors[0].hint) if errors else None
        )
        if mended is None:
            continue
        followed += 1
        after = [d.message for d in loads(mended).diagnostics if d.rule == "yaml-syntax"]
        assert not after, (i + 1, errors[0].hint, after)
    assert followed > 5  # (the seed map's lines give hints of every form above)


FIXABLE = """\
argmap: 1
title: Cars in the city
claims:
  ban:
    text: Ban cars from the centre.
    by: traders
    tags: [policy, learning]
  weather:
    text: Winter makes cycling hard.
    attacks: ban
actors:
  traders: {name: Traders}
"""


@pytest.mark.parametrize(
    ("written", "mistake", "said"),
    [
        # A `#` in brackets starts a comment, which hides the `]`.
        ("    tags: [policy, learning]", "    tags: [#policy, learning]", "starts a comment"),
        ("    tags: [policy, learning]", "    tags: [a, b #policy]  # x", "starts a comment"),
        # ... and in a text that starts with a bracket, quoted whole, not its item.
        ("    text: Winter makes cycling hard.", "    text: [#MeToo] changed it", "comment"),
        ("    text: Winter makes cycling hard.", "    text: {#MeToo}", "starts a comment"),
        ("    text: Winter makes cycling hard.", "    text: [Draft #1] of it", "comment"),
        ("    text: Winter makes cycling hard.", "    text: [ #MeToo] changed it", "comment"),
        ("    text: Winter makes cycling hard.", "    text: [#MeToo, #TimesUp] it", "comment"),
        # In braces: the field's text quoted, not the whole item, and the line shown.
        ("  traders: {name: Traders}", "  traders: {name: ! Traders}", "read as a tag"),
        ("  traders: {name: Traders}", "  traders: {name: Traders #1}", "starts a comment"),
        ("  traders: {name: Traders}", "  traders: {name: @Traders, role: x}", "reserved"),
        # A key without its colon, or without the space after it.
        ("  weather:", "  weather", "`weather` is written without its `:`"),
        ("    by: traders", "    by:traders", "has no space after its `:`"),
        ("    by: traders", "    by:traders  # who", "has no space after its `:`"),
        ("    attacks: ban", "    attacks:ban", "has no space after its `:`"),
        ("    text: Ban cars from the centre.", "    text Ban cars", "written without its `:`"),
        # A list or a mapping with more after its end, and an id after an indicator: not
        # quoted, which made one text of them (`attacks: "[c1]]"`, an unknown id).
        ("    tags: [policy, learning]", "    tags: [policy, learning]]", "ends before"),
        ("  traders: {name: Traders}", "  traders: {name: Traders}.", "ends before"),
        ("    attacks: ban", "    attacks: >ban", "an id does not start with `>`"),
        # Prose with a field's name before a colon is a text to quote, not two fields
        # (`note:` put on a line of its own cut the text, and the map passed).
        ("    text: Winter makes cycling hard.", "    text: Winter gave a note: late", "quotes"),
        # A misspelt text field's `[Draft]`: quoted whole, not cut after the `]`.
        ("    text: Winter makes cycling hard.", "    text: [Draft] Winter is hard", "quote"),
        # Words after a quoted part of the value.
        ("    text: Winter makes cycling hard.", "    text: 'Ventas' dijo el jefe", "left over"),
        ("    text: Winter makes cycling hard.", '    text: "No" he said  # x', "left over"),
    ]
    + [
        # Text that starts with a character YAML reads as one of its own.
        ("    text: Ban cars from the centre.", f"    text: {start}", "quote")
        for start in (
            "*Ban* cars now.",
            "*Ban cars now",
            "* Ban cars",
            "&Ban* cars",
            "& Ban cars",
            "!Important: ban cars.",
            "!Important",
            "!Urgent, ban cars",
            "|Ban cars",
            "> Ban cars",
            "`Ban` cars",
            "@ecologistas: ban cars",
            "%40 of cars",
            "? Ban cars",
            "[Draft] Ban cars",
            "[Draft]: Ban cars",
            "{Draft} Ban cars",
            "- Ban cars",
            ": Ban cars",
            '*Ban* "cars" now  # note',
        )
    ],
)
def test_a_syntax_hint_followed_to_the_letter_mends_the_file(
    written: str, mistake: str, said: str
) -> None:
    """The hint's text, written in place of the line the error is on, loads clean."""
    text = FIXABLE.replace(written + "\n", mistake + "\n", 1)
    assert text != FIXABLE
    [found] = loads(text, "m.yaml").diagnostics
    assert found.rule == "yaml-syntax" and said in f"{found.rule} {found.message} {found.hint}"
    assert found.hint != yamlhints._FIX
    fix = re.search(
        r"(?:write|quote it:|whole value:|the item:|is quoted:|in quotes:) `(.*?)`(?=: |$)",
        found.hint,
    )
    assert fix is not None, found.hint
    lines = text.splitlines()
    row = found.span.line - 1
    assert lines[row].strip().startswith(fix[1].partition(":")[0].partition("[")[0])
    lines[row] = lines[row][: len(lines[row]) - len(lines[row].lstrip())] + fix[1]
    mended = loads("\n".join(lines) + "\n", "m.yaml")
    assert not mended.diagnostics, (found.hint, mended.diagnostics)
    assert mended.map is not None
    if mistake.startswith("    text: [") and "#" in mistake:  # (the whole text kept)
        assert mended.map.nodes["weather"].text == mistake.removeprefix("    text: ")


@pytest.mark.parametrize("odd", ["\u00a0", "\u3000"])  # (a Japanese input method's: 2 columns)
@pytest.mark.parametrize("row", [3, 4, 5, 7, 9, 11])
def test_a_line_indented_with_odd_spaces_gets_the_line_to_write(row: int, odd: str) -> None:
    """YAML reads a no-break or ideographic space as part of the key, which then stands at
    the margin: the map's fields were unknown, its node empty, the spaces never named."""
    lines = FIXABLE.splitlines()
    written = lines[row]
    lines[row] = (
        odd * (yamlhints.indent_of(written) // (2 if odd == "\u3000" else 1)) + written.lstrip()
    )
    [found] = loads("\n".join(lines) + "\n", "m.yaml").diagnostics
    assert (found.rule, found.span.line, found.span.column) == ("yaml-syntax", row + 1, 1)
    assert f"indented with the space U+{ord(odd):04X}" in found.message
    assert found.hint == f"indent with ordinary spaces: `{written}`"


@pytest.mark.parametrize(
    ("above", "line", "meant"),
    [
        ("    tags:", "\u3000- a", "      - a"),
        ("    text: x", "\u3000\u3000# a note", "    # a note"),
        ("    text: x", '\u3000\u3000"tags": [b]', '    "tags": [b]'),  # (a key in quotes)
    ],
)
def test_odd_spaces_before_a_line_that_is_no_key_are_named(
    above: str, line: str, meant: str
) -> None:
    """YAML took `　- a` for the start of a key, and said it found no `:` after it."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c:\n{above}\n{line}\n    by: [a]\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert (found.span.line, found.span.column) == (6, 1)
    assert found.hint == f"indent with ordinary spaces: `{meant}`"
    mended = loads(text.replace(line, meant), "m.yaml")
    assert mended.map is not None and "yaml-syntax" not in {d.rule for d in mended.diagnostics}


@pytest.mark.parametrize(
    "above",
    ["    text: |\n      First line.", "    text: A claim that goes\n      on a second line."],
)
def test_odd_spaces_after_a_text_over_lines_get_the_keys_indentation(above: str) -> None:
    """The hint took the indentation of the text's last line (6): written so, the field
    went into the text, or broke the file."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c:\n{above}\n\u3000\u3000\u3000tags: [a]\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert found.hint == "indent with ordinary spaces: `    tags: [a]`"
    assert not loads(text.replace("\u3000" * 3, "    "), "m.yaml").diagnostics


@pytest.mark.parametrize(
    ("block", "meant"),
    [
        ("|\n      First line.\n\u3000\u3000\u3000Second line.", "      Second line."),
        (">-  # a note\n\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0First line.", "      First line."),
        ("|\n        First line.\n\u3000\u3000Second line.", "        Second line."),
        ("A claim that goes\n\u3000\u3000\u3000on a line.", "      on a line."),
        ("A claim that goes\n      on a line\n\u3000\u3000\u3000and on.", "      and on."),
        # (A line of the block with `: ` in it is no key; nor one that starts with `- `.)
        ("|\n      Note: this holds.\n\u3000\u3000\u3000more.", "      more."),
        ("|\n      - a gain\n\u3000\u3000\u3000- for 400 s", "      - for 400 s"),
    ],
)
def test_odd_spaces_before_a_line_of_a_text_get_the_texts_indentation(
    block: str, meant: str
) -> None:
    """The hint gave a line of a `|` block, or of plain text over lines, the indentation of
    its key (4): written so, the text ended above it, and the line broke the file."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: {block}\n    tags: [a]\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert found.hint == f"indent with ordinary spaces: `{meant}`"
    odd = text.splitlines()[found.span.line - 1]
    mended = loads(text.replace(odd, meant), "m.yaml")
    assert not mended.diagnostics and mended.map is not None
    assert mended.map.nodes["c"].text.rstrip().endswith(meant.strip())


@pytest.mark.parametrize(
    ("lines", "fix"),
    [
        ("  c1:\n    text: A.\n   by: me", "indent it by 4 spaces"),
        ("  c1:\n      text: A.\n    by: me", "indent line 5 by 4 spaces"),
        # The key above opens a mapping, or the line above is text: no fix (one was wrong).
        ("  c1:\n text: A.\n    by: me", ""),
        ("  c1: {text: A., by: me}\nactors:\n     me:\n    name: Me", ""),
        ("  c1:\n    text: A.\n    note: |\n      Note: see below\n     by: me", ""),
        ("  c1:\n    text: A.\n    note: |\n      Note: see\n   by: me", "indent it by 4 spaces"),
    ],
)
def test_keys_indented_unlike_get_a_fix_that_reads(lines: str, fix: str) -> None:
    """The hint for two keys indented unlike said which to indent, and how far, only when
    the keys around them told; told so where a key above opens a mapping, or where the
    line above is a line of a text (`Note: see below`), it gave a file that did not read,
    or read otherwise."""
    text = f"argmap: 1\ntitle: T\nclaims:\n{lines}\n"
    [found] = [d for d in loads(text, "m.yaml").diagnostics if d.rule == "yaml-syntax"]
    if not fix:
        assert found.hint.endswith("alike"), found.hint
        return
    assert found.hint.endswith(f"alike; {fix}"), found.hint
    rows = text.splitlines()
    row = found.span.line - 1
    rows[row] = " " * int(fix.split(" by ")[1].split()[0]) + rows[row].lstrip()
    mended = loads("\n".join(rows) + "\n", "m.yaml")
    assert not [d for d in mended.diagnostics if d.severity is Severity.ERROR]
    assert mended.map is not None and mended.map.nodes["c1"].by


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("claims: {c: {text: a: b}}", "a: b"),
        ("claims: {c: {text: C., quote: 'Sales fell' said the CEO}}", "'Sales fell' said the CEO"),
        ("claims:\n  c: {text: a: b}  # note", "a: b"),
        # (A bracket that closes one the value opened is the value's.)
        ("claims:\n  c: {text: Sets: {1}}", "Sets: {1}"),
        ("claims: {c: {text: Lists: [1]}}", "Lists: [1]"),
    ],
)
def test_a_value_in_braces_to_quote_ends_before_the_braces_that_close_there(
    line: str, value: str
) -> None:
    """Quoted as the hint said, `text: "a: b}"` took the inner mapping's `}`: the outer
    `{` was then never closed."""
    text = f"argmap: 1\ntitle: T\n{line}\n"
    [found] = loads(text, "m.yaml").diagnostics
    quoted = yamlnodes.double_quoted(value)
    assert found.hint.endswith(f": {quoted}`"), found.hint
    assert not loads(text.replace(value, quoted), "m.yaml").diagnostics


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ("    \u200bby: a", "did you mean `by`? (it holds the invisible character U+200B"),
        ("    t\u0435xt: C", "did you mean `text`? (it holds `\u0435` U+0435 CYRILLIC SMALL"),
        ('    text: C\nrender: {direction: "\u2060LR"}', "did you mean `LR`? (it holds the "),
    ],
)
def test_a_word_that_differs_from_the_one_meant_by_what_shows_alike_names_it(
    fields: str, said: str
) -> None:
    """`unknown field `by`; did you mean `by`?`: quoted, a zero-width space or a Cyrillic
    letter shows as nothing, or as the Latin one."""
    text = f"argmap: 1\ntitle: T\nactors:\n  a: {{name: A}}\nclaims:\n  c:\n{fields}\n"
    found = [d for d in loads(text).diagnostics if d.severity is Severity.ERROR]
    assert any(said in d.hint for d in found), found


@pytest.mark.parametrize(
    "lines",
    [
        [
            "claims:",
            *(f"  c{i}: {{text: C{i}.}}" for i in range(2_000)),
            "\u3000\u3000d: {text: D}",
        ],
        [
            "claims:",
            "  c:",
            "    note: |",
            *(f"      Note: {i}." for i in range(2_000)),
            "   by: a",
        ],
        [
            "claims:",
            "  c:",
            "    text: |",
            *(f"      Note: {i}." for i in range(2_000)),
            "\u3000 x",
        ],
    ],
)
def test_the_hints_for_indentation_look_at_each_line_above_a_few_times(
    lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for the key above line by line, each looked at its own key in turn: an
    indentation mistake below 20,000 nodes, or below a text of 20,000 lines, took 2
    minutes to say."""
    looked: list[int] = []
    outdented = yamlhints._outdented
    monkeypatch.setattr(yamlhints, "_outdented", lambda *a: looked.append(1) or outdented(*a))
    found = loads("argmap: 1\ntitle: T\n" + "\n".join(lines) + "\n").diagnostics
    assert [d.rule for d in found] == ["yaml-syntax"]
    assert len(looked) < 10 * len(lines)


def test_hints_that_list_or_bracket_keep_to_what_they_are_about() -> None:
    """A hint for each of 2,000 joined tags listed all 4,000 tags (26 MB from 26 KB); the
    hint for `- ` items inside `[...]` was given inside `{...}` too."""
    pairs = ", ".join(f"x{i}; y{i}" for i in range(200))
    text = f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C, tags: [{pairs}]}}\n"
    found = loads(text).diagnostics
    assert len(found) == 200 and max(len(d.hint) for d in found) < 200
    braces = "argmap: 1\ntitle: T\nclaims:\n  d: {text: B, weight: - 1}\n"
    [error] = loads(braces).diagnostics
    assert "inside [...]" not in error.hint


def test_many_unknown_keys_on_one_line_read_the_line_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each unknown key read the rest of its line for a comment: 20,000 keys on a line of
    100 KB took 39 s to check. And a hint quoted the whole line back, 80 KB."""
    import argmap.loader

    read: list[int] = []
    monkeypatch.setattr(
        argmap.loader, "without_comment", lambda text: read.append(len(text)) or text.strip()
    )
    keys = ", ".join(f"k{i}:v" for i in range(2_000))
    found = loads(f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: x, {keys}}}\n").diagnostics
    assert sum(read) < 2 * len(keys)
    assert max(len(d.hint) for d in found) < 200


def test_a_key_glued_to_its_value_in_braces_over_lines_keeps_the_fields_after_it() -> None:
    """On a line of its own inside `{...}`, the rest of the line was taken for the value:
    `text: "Note, by: a}"`, which lost `by` and the closing brace."""
    text = "argmap: 1\ntitle: T\nclaims:\n  c1: {\n    text:Note, by: a}\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert "write `text: Note`" in found.hint, found.hint


def test_a_tag_or_alias_of_yaml_keeps_its_own_hint() -> None:
    """`!!str` is a tag and `*a` alone an alias, meant as such: not text to quote."""
    for value, hint in [
        ("!!python/object:x y", "remove the tag"),
        ("*nowhere  # c", "define `&nowhere` before using it"),
        ("!!binary abc", "remove the tag"),
    ]:
        [found] = loads(FIXABLE.replace("Ban cars from the centre.", value), "m.yaml").diagnostics
        assert found.hint.startswith(hint), found.hint


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("group-by", "speaker", "did you mean `actor`?"),  # another word for it
        ("direction", "TD", "did you mean `TB`?"),  # Mermaid's
        ("theme", "Dark", "did you mean `dark`?"),  # a misspelling
        ("theme", "blue", "use one of: light, dark, print"),
    ],
)
def test_a_render_value_argmap_lacks_gets_the_one_meant(field: str, value: str, hint: str) -> None:
    text = f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: C}}\nrender: {{{field}: {value}}}\n"
    loaded = loads(text)
    [problem] = loaded.diagnostics
    assert (problem.rule, problem.hint) == ("invalid-value", hint)


# A full-width colon (which ruff would have written out as `:`).
WIDE_COLON = "\uff1a"


@pytest.mark.parametrize(
    ("node", "said"),
    [
        # Text with a word and a full-width colon: not a key, whatever YAML makes of it.
        (
            f"    text: A plain text\n      Note{WIDE_COLON} goes on: with a colon\n",
            "put the whole text in quotes",
        ),
        (
            f'    text: "First line\n      title{WIDE_COLON} second \\q"\n',
            "unknown escape character",
        ),
        (
            f"    text: C\n    tags:\n      - Topic{WIDE_COLON}Economy\n      - see: also: this\n",
            "quotes",
        ),
        (f"    text: |\n      title{WIDE_COLON} in a block\n- x\n", "did not find expected key"),
        (f"    text: |\n      title{WIDE_COLON} in a block\n\t  x: y\n", "indent with spaces"),
        (f"    text: C\n    tags: Topic{WIDE_COLON}Economy\n", "must be a list of tags"),
        (f"    text\n      {WIDE_COLON} folded\n", "must be a mapping of fields"),
    ],
)
def test_a_full_width_colon_in_text_is_no_key(node: str, said: str) -> None:
    problems = loads(f"argmap: 1\ntitle: T\nclaims:\n  c:\n{node}").diagnostics
    assert problems and all("FULLWIDTH" not in d.message for d in problems)
    assert said in problems[0].message + problems[0].hint


def test_a_tab_after_a_full_width_colon_is_said_where_it_is() -> None:
    text = f"argmap: 1\ntitle: T\nclaims:\n  c:\n    title{WIDE_COLON}x\n\t  text: x\n"
    [problem] = loads(text).diagnostics
    assert (problem.span.line, problem.span.column, problem.hint) == (6, 1, "indent with spaces")


def test_a_key_without_its_colon_is_read_on_as_the_field_meant() -> None:
    """`{text: Hi, by:x}` is the one error it causes: its value is read as the field's, as
    a mistyped field's is. Not also an actor nobody is by, a reason that supports
    nothing, or a node without text."""

    def found(nodes: str) -> list[tuple[str, int, int]]:
        text = f"argmap: 1\ntitle: T\nactors:\n  x: {{name: X}}\nclaims:\n{nodes}"
        return [(d.rule, d.span.line, d.span.column) for d in check_loaded(loads(text), Settings())]

    assert found(
        "  c: {text: Hi, by:x}\n  d: {text:Hello there, by: x}\nreasons:\n"
        f"  r: {{text: R, supports:c, by: x}}\n  q: {{text: Q, supports{WIDE_COLON}  d, by: x}}\n"
    ) == [
        ("yaml-syntax", 6, 20),
        ("yaml-syntax", 7, 12),
        ("yaml-syntax", 9, 25),
        ("yaml-syntax", 10, 24),
    ]
    # The same through an alias: said at the alias too (not "unknown field `by:x`").
    assert found("  c: &b {text: Hi, by:x}\n  d: *b\n") == [
        ("yaml-syntax", 6, 23),
        ("duplicate-text", 7, 6),
        ("yaml-syntax", 7, 6),
    ]
    m = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text:Hello there  , tags: [a]}\n").map
    assert m is not None and m.nodes["c"].text == "Hello there"  # (as `text: ...` reads it)
    quoted = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: Hi, quote:'It''s so'}\n").map
    assert quoted is not None and quoted.nodes["c"].quote == "It's so"  # (its quotes read)
    # Inside a quote never closed, a `#` is text: the whole line is shown quoted.
    [never] = loads('argmap: 1\ntitle: T\nclaims:\n  c:\n    text: "Item #1 is good\n').diagnostics
    assert never.hint.endswith("""`text: '"Item #1 is good'`""")
    # (A tag after a full-width colon is text, which `tags` cannot be: said where it is.)
    problems = loads(
        f"argmap: 1\ntitle: T\nclaims:\n  c: {{text: Hi, tags{WIDE_COLON} a}}\n"
    ).diagnostics
    assert [(d.rule, d.span.column) for d in problems] == [("yaml-syntax", 21), ("wrong-type", 23)]


def test_a_section_written_as_a_list_holds_every_id_it_names() -> None:
    """Each item's ids are in the file: a node that names one is no unknown reference.
    Written in brackets, there is no `- ` to take out."""
    listed = loads(
        "argmap: 1\ntitle: T\nclaims:\n  - a: {text: A}\n    b: {text: B}\n"
        "reasons:\n  r: {text: R, supports: [a, b]}\n"
    )
    [problem] = listed.diagnostics
    assert problem.hint.endswith("without the `- ` before it (`a:` for `- a:`)")
    # At the margin, the ids go under the section's name: without the `- ` alone, they
    # were the map's own fields.
    margin = "argmap: 1\ntitle: T\nclaims:\n- a:\n    text: A\n"
    [problem] = loads(margin).diagnostics
    assert problem.hint.endswith("(`a:` for `- a:`), indented by 2 spaces")
    assert not loads(margin.replace("- a:", "  a:")).diagnostics
    flow = loads("argmap: 1\ntitle: T\nclaims: [{a: {text: A}}]\n")
    [problem] = flow.diagnostics
    assert problem.hint == "write it as `claims: {my-id: ...}`"


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_a_hint_quotes_text_as_yaml_reads_it_back(text: str) -> None:
    """The value a hint says to write is the text itself once YAML reads it, and shows
    each character that would show nothing (a tab was written as is, and the terminal's
    mark for it, copied, became part of the text)."""
    quoted = yamlnodes.double_quoted(text)
    assert yaml.safe_load(quoted) == text
    assert not any(is_hidden(c) for c in quoted)


def test_values_with_colons_are_each_said_up_to_a_limit() -> None:
    """A value with a ": " stopped the reading; each is said, read on as quoted (the map
    is not loaded: the file has them still), up to MAX_QUOTED past the first."""
    nodes = "".join(f"  c{i}:\n    text: Point {i}: said.\n" for i in range(30))
    loaded = loads(f"argmap: 1\ntitle: T\nclaims:\n{nodes}")
    assert loaded.map is None
    assert [d.span.line for d in loaded.diagnostics] == [5 + 2 * i for i in range(21)]
    assert yamltree.MAX_QUOTED == 20
    assert loaded.diagnostics[1].hint.endswith('`text: "Point 1: said."`')


def test_a_number_yaml_reads_otherwise_than_written_is_said_as_written() -> None:
    """`weight: 010` was said to be 8, and `1:00` 60, with no word of why (YAML 1.1 reads
    them as octal, and as minutes and seconds)."""
    loaded = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: C, weight: 010}\n")
    (said,) = [d.message for d in loaded.diagnostics]
    assert said == "`weight` of claim `c` is `010`, which YAML reads as 8, outside 0..1"
    loaded = loads("argmap: 1\ntitle: T\nclaims:\n  c: {text: C, weight: 2}\n")
    assert [d.message for d in loaded.diagnostics] == ["`weight` of claim `c` is 2, outside 0..1"]


def test_a_null_tagged_null_is_read_as_null_is() -> None:
    """`claims: ~` is an empty section, and `claims: !!null` was "not nothing"."""
    for written in ("~", "!!null", "!!null ~", "!!null ''"):
        loaded = loads(f"argmap: 1\ntitle: T\nclaims: {written}\n")
        assert loaded.diagnostics == (), written
        assert loaded.map is not None and not loaded.map.nodes


def test_a_key_without_its_colon_under_an_empty_block_is_said_so() -> None:
    """Under `text: |`, a line that is an id or a field without its colon (`c2`, `by ann`)
    was said to be the block's text, indented too little."""
    for below, said in [
        ("  c2\n    text: hi\n", "`c2` is written without its `:`"),
        ("    by ann\n", "write `by: ann`"),
    ]:
        (found,) = loads(f"argmap: 1\nclaims:\n  c1:\n    text: |\n{below}").diagnostics
        assert said in f"{found.message}; {found.hint}"


def test_a_long_anchor_name_is_said_cut_short() -> None:
    """An unused anchor named by a megabyte made a warning of five megabytes: the name said
    five times, and the text to paste in quoted whole."""
    loaded = loads("argmap: 1\ntitle: T\nclaims:\n  c:\n    text: &" + "a" * 100_000 + " hi\n")
    (warning,) = [d for d in loaded.diagnostics if d.rule == "unused-anchor"]
    assert len(warning.message) + len(warning.hint) < 1_000
    assert "`&" + "a" * 60 + "…`" in warning.message


def test_a_line_separator_in_a_map_on_one_line_is_text() -> None:
    """A map written on one line (JSON, say) may hold U+2028 in a text: it is no line end,
    which only a file that cannot be read is told it has."""
    loaded = loads('{"argmap": 1, "title": "t", "claims": {"c": {"text": "a\u2028b"}}}')
    assert loaded.map is not None and loaded.map.nodes["c"].text == "a\u2028b"
    unread = loads("argmap: 1\x85title: t\x85claims:\x85  c: {text: hi}\x85")
    assert [d.message.split(",")[0] for d in unread.diagnostics] == [
        "the lines of this file end in NEL (U+0085)"
    ]


def test_a_long_value_in_braces_is_not_taken_for_a_long_key() -> None:
    long = "word " * 230
    loaded = loads(f"argmap: 1\ntitle: t\nclaims:\n  c: {{text: {long}note: x}}\n")
    (error,) = loaded.diagnostics
    assert "`text:` goes on past where YAML ends its value" in error.hint
    assert "is a key of" not in error.hint


def test_a_weight_of_minus_zero_is_zero() -> None:
    """`weight: -0.0` showed as a score of -0.000 (and -0.0 in JSON) on a 0-to-1 scale."""
    import math

    m = loads("argmap: 1\ntitle: T\nclaims:\n  c1: {text: C, weight: -0.0}\n").map
    assert m is not None
    weight = m.nodes["c1"].weight
    assert weight is not None and math.copysign(1, weight) == 1


def test_a_drawing_with_a_long_title_is_no_map() -> None:
    """Graphviz writes the title before the drawing starts (in a comment, or as the graph's
    name): past the 4 KB looked at, a drawing was taken for broken YAML."""
    title = "T" * 5_000
    for drawing in (
        f'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x">\n<!-- Title: {title} -->\n<svg>',
        f'digraph "{title}" {{\n}}\n',
        f'{{\n  "name": "{title}",\n  "directed": true\n}}\n',
    ):
        [problem] = loads(drawing.encode()).diagnostics
        assert problem.rule == "not-a-map", problem
        assert problem.message.startswith("this file is a"), problem  # (not "this YAML ...")


@pytest.mark.parametrize("fmt", ["apx", "i23"])
def test_a_framework_is_no_map_and_is_to_import(fmt: str) -> None:
    """A framework `argmap export` wrote, given to a map's command (`argmap evaluate
    x.i23`), was broken YAML (`did not find expected <document start>`) or a map that must
    start with `argmap: 1`: it is to be imported."""
    from argmap.interchange.iccma import to_apx, to_i23
    from argmap.semantics.framework import Framework

    af = Framework.of(["a", "b"], [("a", "b")])
    written = (to_apx if fmt == "apx" else to_i23)(af)
    for text in (written, f"{'%' if fmt == 'apx' else '#'} a comment\n\n{written}"):
        [problem] = loads(text.encode(), f"x.{fmt}").diagnostics
        assert problem.rule == "not-a-map", problem
        assert f"ICCMA's {fmt} format" in problem.message, problem
        assert problem.hint == f"read it as a map first: `argmap import x.{fmt} -o debate.yaml`"


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("      - [ ] climate", "- [ ] climate"),  # a Markdown checkbox: an empty list
        ('      - "[x] check figure" check figure', '- "[x] check figure" check figure'),
        ("      - [Draft] two", "- [Draft] two"),
        ('    tags: ["[x] check" figure, climate]', '"[x] check" figure'),
        ("    tags: [one, 'a' b]", "'a' b"),
    ],
)
def test_words_after_a_list_item_quoted_as_the_hint_says_load_clean(line: str, item: str) -> None:
    """Words after an item that ends in a quote or a bracket: YAML's error alone, "fix the
    YAML syntax at this point". The hint quotes the whole item, which keeps every word."""
    block = "    tags:\n" if line.startswith("      -") else ""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: A.\n{block}{line}\n"
    [found] = loads(text).diagnostics
    fix = re.search(r"quote the whole item: `(.*)`$", found.hint)
    assert fix is not None, found.hint
    mended = loads(text.replace(item, fix[1]))
    assert not mended.diagnostics and mended.map is not None, mended.diagnostics
    words = item.removeprefix("- ")
    assert words in mended.map.nodes["c"].tags


def test_a_markdown_bullet_or_checkbox_is_told_to_be_a_dash() -> None:
    """In a list of ids, a checkbox quoted with its id, as for a tag, made an id `[ ] c1`."""
    text = "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: A.\n    tags:\n      * c1\n"
    [found] = loads(text).diagnostics
    assert found.hint.endswith("write `- c1`")
    assert not loads(text.replace("* c1", "- c1")).diagnostics
    ids = "argmap: 1\ntitle: T\nclaims:\n  c: {text: A.}\n  d:\n    text: B.\n"
    ids += "    supports:\n      - [x] c\n"
    [found] = loads(ids).diagnostics
    assert found.hint.endswith("in a list of ids, drop the checkbox: `- c`")
    assert not loads(ids.replace("- [x] c", "- c")).diagnostics


@pytest.mark.parametrize("value", ["c1", "[c1]"])
def test_items_below_a_field_with_its_value_go_into_it_all(value: str) -> None:
    """`attacks: c1` and `- c2` below it: the hint said `attacks: [c2]`, which lost c1;
    then it left out the items after a blank line, a comment or a quoted one."""
    text = (
        "argmap: 1\ntitle: T\nclaims:\n  c1: {text: A.}\n  c2: {text: B.}\n  c3: {text: C.}\n"
        "  c4: {text: D.}\nobjections:\n  o1:\n    text: X.\n"
        f"    attacks: {value}\n    - c2\n\n    - 'c3'  # and c3\n    # c4 later\n    - c4\n"
    )
    [found] = loads(text).diagnostics
    assert found.hint.endswith(
        "write them all in it, `attacks: [c1, c2, 'c3', c4]`, and delete the items, lines 12 to 16"
    ), found.hint
    lines = text.splitlines()
    mended = loads("\n".join([*lines[:10], "    attacks: [c1, c2, 'c3', c4]"]) + "\n")
    assert not mended.diagnostics and mended.map is not None
    assert [r.id for r in mended.map.nodes["o1"].attacks] == ["c1", "c2", "c3", "c4"]


def test_argdown_is_said_to_be_argdown_and_broken_yaml_that_looks_alike_is_not() -> None:
    """A file in Argdown got YAML's error at its first `: ` (or none of a map's keys). A
    broken map whose lists look like Argdown's titles (`- [c1]`) keeps YAML's own error."""
    for argdown in (
        "[Nuclear]: We should build more plants.\n",
        "<Waste>: It lasts.\n  -> [Nuclear]\n",
        "===\ntitle: T\n===\n\n[A]\n  + [B]: because\n",
    ):
        [problem] = loads(argdown).diagnostics
        assert problem.rule == "not-a-map" and "Argdown" in problem.message, problem
    broken = "argmap: 1\ntitle: T\nreasons:\n  r:\n    supports:\n    - [c1]\n    - [c2\n"
    [problem] = loads(broken).diagnostics
    assert problem.rule == "yaml-syntax", problem
    [problem] = loads("- [c1, c2]\n- [c2, c3]\n").diagnostics  # (a YAML list of pairs)
    assert problem.rule == "wrong-type", problem


def test_a_hashtag_that_starts_a_line_of_a_text_is_said_to_cut_it() -> None:
    """`#4dayweek` at the start of a text's second line is a YAML comment: the text lost
    it without a word, where a hashtag after a space on the first line was said."""
    text = (
        "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: Output rose in the trial\n"
        "      #4dayweek, say the firms\n      #trials\n    tags: [work]\n"
    )
    [found] = loads(text).diagnostics
    assert (found.rule, found.span.line, found.span.column) == ("comment-in-text", 6, 7)
    assert found.hint.endswith('`"Output rose in the trial #4dayweek, say the firms #trials"`')
    # A comment level with the fields, or one in braces' line below, is a comment.
    level = "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: Output rose\n    #todo cite\n"
    braces = "argmap: 1\ntitle: T\nclaims:\n  c1: {text: Output rose}\n    #todo\n"
    assert not loads(level).diagnostics and not loads(braces).diagnostics
    # Nor one under a line that ends in a comment (its line's text ends before it).
    noted = "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: Output rose  # a note\n      #4dw\n"
    assert not loads(noted).diagnostics
    # A text on the lines below its key: said too.
    below = "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text:\n      Output rose\n      #4dw\n"
    assert [(d.rule, d.span.line) for d in loads(below).diagnostics] == [("comment-in-text", 7)]


@pytest.mark.parametrize(
    ("tags", "said"),
    [
        ("[経済、政策, 財政]", ("経済、政策", 12, "[経済, 政策, 財政]")),  # (every tag listed)
        ("[x, 経済、政策]", ("経済、政策", 15, "[x, 経済, 政策]")),
        ("[economy; polling]", ("economy; polling", 12, "[economy, polling]")),
        ("\n      - a ، b ، c", ("a ، b ، c", 9, "[a, b, c]")),
        ("\n      - a, b; c", ("a, b; c", 9, "[a, b, c]")),
        ('["経済、政策"]', None),  # quoted: one tag on purpose
        ("\n      - Paris, France", None),  # an ASCII comma: not read past by mistake
        ("[経済, 政策]", None),
        ("[a;]", None),  # (no second tag)
        ("[10;30, AT&amp;T, https://ex.org/?a=1; b=2]", None),  # (no list)
    ],
)
def test_a_tag_with_another_separator_in_it_is_said_to_be_one(
    tags: str, said: tuple[str, int, str] | None
) -> None:
    """`tags: [経済、政策]` gave the node one tag, `経済、政策`, without a word: YAML reads
    only the ASCII comma between a list's items."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: A claim.\n    tags: {tags}\n"
    found = loads(text).diagnostics
    if said is None:
        assert not found
        return
    [warning] = found
    tag, column, listed = said
    assert warning.rule == "joined-tags" and warning.severity is Severity.WARNING
    assert warning.message.startswith(f"the tag `{tag}` in `tags` of claim `c1` holds ")
    assert (warning.span.line, warning.span.column) == (6 + (column == 9), column)
    assert f"`tags: {listed}`" in warning.hint


@pytest.mark.parametrize(
    "line", ['tags: ["a b"]  by: ann', "attacks: [c0, [c2]]  by: ann", "tags: [a]    by: ann"]
)
def test_a_field_after_a_list_on_its_line_goes_on_a_line_of_its_own(line: str) -> None:
    """Quoted into one text with the list (`tags: "[\\"a b\\"]  by: ann"`), the map then
    had a text where a list goes."""
    text = f"argmap: 1\ntitle: T\nclaims:\n  c0: {{text: A}}\n  c1:\n    text: B\n    {line}\n"
    [found] = loads(text).diagnostics
    assert (
        found.hint
        == "`by:` is a field of its own: put it on a line of its own, indented by 4 spaces, like `"
        + line.split(":")[0]
        + ":`"
    )


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("https//www.nytimes.com/x", "https://www.nytimes.com/x"),
        ("http:/example.org", "http://example.org"),
        ("HTTPS;//example.org/a", "https://example.org/a"),
        ("[NYT](https://nytimes.com/x)", "https://nytimes.com/x"),
        ("<https://nytimes.com/x>", "https://nytimes.com/x"),
        ("<www.python.org>", "https://www.python.org"),
        ("www.python.org/dev/", "https://www.python.org/dev/"),
        ("somewhere", None),
        ("example.org@evil.example/x", None),
        ("[x](javascript:alert(1))", None),
        ("https://exa mple.org", None),
        ("https//example.org:99999/", None),  # (a port out of range: no link)
    ],
)
def test_a_url_hint_names_only_an_address_that_loads(url: str, meant: str | None) -> None:
    """The address a hint gives is one that then loads: `https://` put before `https//x`
    made a link to the host `https`, and before `[text](address)` one that was refused."""
    text = f'argmap: 1\ntitle: T\nsources:\n  s: {{title: S, url: "{url}"}}\n'
    [found] = loads(text, "m.yaml").diagnostics
    given = re.search(r"(?:write it as|with its scheme:|the address alone:) `([^`]*)`", found.hint)
    assert (given[1] if given else None) == meant, found.hint
    if meant is not None:
        mended = loads(text.replace(url, meant), "m.yaml")
        assert not mended.diagnostics and mended.map is not None
        assert mended.map.sources["s"].url == meant


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (
            '{\n  "argmap": 1,\n  "title": "T",\n  // main claim\n'
            '  "claims": {"c": {"text": "C"}}\n}\n',
            (4, 3),
        ),
        ("argmap: 1\ntitle: T\n// main claim\nclaims:\n  c: {text: C}\n", (3, 1)),
        ("argmap: 1\ntitle: T\nclaims:\n  c: {text: C}  // a note\n", (4, 17)),
    ],
)
def test_a_slash_comment_is_said_where_it_is_and_mended_with_a_hash(
    text: str, at: tuple[int, int]
) -> None:
    """`//`, as JSON5 writes a comment, is text to YAML: the error was said at the line
    after it, or as a `{` never closed, which it is."""
    [found] = loads(text, "m.yaml").diagnostics
    assert (found.span.line, found.span.column) == at
    assert found.message.startswith("`//` starts no comment in YAML"), found.message
    fix = re.search(r"write a comment with `#`: `(.*)`$", found.hint)
    assert fix is not None, found.hint
    lines = text.splitlines()
    row = at[0] - 1
    lines[row] = lines[row][: len(lines[row]) - len(lines[row].lstrip())] + fix[1]
    mended = loads("\n".join(lines) + "\n", "m.yaml")
    assert not mended.diagnostics and mended.map is not None


@pytest.mark.parametrize(
    "line",
    [
        "claims: {a: {text: A} b: {text: B}}",
        "claims: {a: {text: A}b: {text: B}}",  # (no space: the value quoted took them both)
        "claims: {a: {text: A, tags: [x] by: y}}",
    ],
)
def test_an_entry_after_a_closing_bracket_without_its_comma_is_mended(line: str) -> None:
    """The hint quoted the value whole, taking the next entry in: `text: "A} b: ..."`."""
    text = f"argmap: 1\ntitle: T\nactors: {{y: {{name: Y}}}}\n{line}\n"
    [found] = loads(text, "m.yaml").diagnostics
    fix = re.search(r"with no comma after it: write `(.*)`$", found.hint)
    assert fix is not None, found.hint
    mended = loads(text.replace(line, fix[1]), "m.yaml")
    assert not [d for d in mended.diagnostics if d.severity is Severity.ERROR], mended.diagnostics


def test_hints_that_write_a_node_or_a_comment_keep_what_yaml_reads() -> None:
    """An outline's `- o1: 'Costly'` was written into the node's text with its quotes; a
    `//` comment before a closing bracket was mended with a `#` that hid the bracket."""
    outline = "argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: Claim\n    - o1: 'Costly'\n"
    [found] = loads(outline, "m.yaml").diagnostics
    assert "`o1: {text: Costly, attacks: c1}`" in found.hint, found.hint
    inside = "argmap: 1\ntitle: T\nclaims:\n  a: {text: A, tags: [x] // tags}\n"
    [found] = loads(inside, "m.yaml").diagnostics
    fix = re.search(r"write a comment with `#`: `(.*)`$", found.hint)
    assert fix is not None and fix[1] == "a: {text: A, tags: [x]}  # tags", found.hint
    mended = loads(inside.replace("a: {text: A, tags: [x] // tags}", fix[1]), "m.yaml")
    assert not mended.diagnostics and mended.map is not None
    assert mended.map.nodes["a"].tags == ("x",)


def test_an_entry_on_a_line_of_its_own_without_its_comma_is_said_so() -> None:
    """Braces over lines, an entry's comma left out: "the { ... is never closed", which
    it is; and a brace truly left open at the end is still said to be."""
    text = "argmap: 1\ntitle: T\nclaims: {\n  a: {text: A}\n  b: {text: B}\n}\n"
    [found] = loads(text, "m.yaml").diagnostics
    assert (found.span.line, found.span.column) == (5, 3)
    assert found.hint.endswith("with no comma after it: write `a: {text: A},`"), found.hint
    mended = loads(text.replace("a: {text: A}\n", "a: {text: A},\n"), "m.yaml")
    assert not mended.diagnostics and mended.map is not None
    [open_at_end] = loads("argmap: 1\ntitle: T\nclaims: {\n  a: {text: A},\n", "m.yaml").diagnostics
    assert "is never closed" in open_at_end.hint


def test_a_number_both_yamls_read_alike_is_taken() -> None:
    """`argmap: 01` is 1 to YAML 1.1 (octal) and to 1.2 alike: an error said it "is 1 to YAML
    1.1 ... and 1 to YAML 1.2". `040`, 32 to one and 40 to the other, is still one."""
    loaded = loads("argmap: 01\ntitle: t\nrender: {wrap: 040}\nclaims:\n  c: {text: C.}\n")
    assert [d.message for d in loaded.diagnostics] == [
        "`wrap` of `render` `040` is 32 to YAML 1.1, which argmap reads, and 40 to YAML 1.2, "
        "as editors read maps with argmap's schema"
    ]


LONG = "x" * 100_000


@pytest.mark.parametrize(
    "text",
    [
        f"argmap: 1\ntitle: t\nrender: {{theme: {LONG}}}\n",
        f"argmap: 1\ntitle: *{LONG}\n",
        f"argmap: 1\ntitle: !{LONG} t\n",
        f"argmap: 1\ntitle: t #{LONG}\nclaims:\n  c: {{text: C}}\n",
        f"argmap: 1\ntitle: t\nactors:\n  a: {{name: A, kind: {LONG}}}\n",
        f"argmap: 1\ntitle: t\nclaims:\n  c: {{text: C, note: [{LONG}]}}\n",
    ],
)
def test_no_message_quotes_back_a_huge_value_whole(text: str) -> None:
    """A value of 100 KB in a field that takes a choice, an alias's name, a tag, a comment
    was said whole in its message (in JSON and SARIF too): cut, with its length said."""
    found = loads(text).diagnostics
    assert found
    for d in found:
        assert len(d.message) + len(d.hint) < 2_000, (d.rule, len(d.message), len(d.hint))
    assert any(re.search(r"…` \(100,0\d\d characters\)", d.message + d.hint) for d in found)


def test_cycles_made_while_collection_is_paused_are_collected_after_it() -> None:
    """A render makes a few cycles (networkx's graphs refer to themselves): collected by
    the collector's own runs after the pause, not kept until a full collection, which a
    `watch` may not come to (put in the oldest generation, they grew it by 100 KB a
    render of 30 nodes)."""

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    with gc_paused():
        found = weakref.ref(Cycle())
        kept = [[n] for n in range(20_000)]  # (what a render leaves: a model, a report)
    after = [[n] for n in range(10_000)]  # (the young collections that allocating starts)
    assert found() is None and len(kept) + len(after) == 30_000


_EVERY_MAP = sorted(
    [*(Path(__file__).parent / "data").rglob("*.yaml"), *SEED.parent.glob("*.yaml")]
)


@pytest.mark.parametrize("path", _EVERY_MAP, ids=lambda p: p.name)
def test_the_looks_put_off_say_what_loading_says(path: Path) -> None:
    """A map loaded with the looks that change nothing in it put off (`loads(later=True)`,
    as a render loads it, to hand the map to its layout engine first) says, once they are
    made, what loading it says: the same map and the same diagnostics, those said before
    among them. (Among the inputs: hashtags after texts, fields inside text blocks, tags
    joined by another script's comma, ids YAML reads as one number, section comments.)"""
    data = path.read_bytes()
    loaded, later = loads(data, path.name), loads(data, path.name, later=True)
    finished = later.finished()
    assert finished.map == loaded.map
    assert set(finished.diagnostics) == set(loaded.diagnostics)
    assert len(finished.diagnostics) == len(loaded.diagnostics)
    assert set(later.diagnostics) <= set(loaded.diagnostics)
    assert finished.finished() is finished and loaded.finished() is loaded


def test_a_look_whose_words_a_hint_reads_back_is_made_at_once() -> None:
    """A misspelt field is read on as the field it is a typo of, and what reading it says
    goes into the typo's hint where it is one warning or error at the value
    (`_MapBuilder.fields`): the looks made there are not put off, or the hint would read
    one (a control character) where loading reads two (and a hashtag YAML takes for a
    comment), and take the one into it."""
    text = "argmap: 1\ntitle: T\nclaims:\n  c1:\n    txt: Taxes rise\u202e now #policy\n"
    loaded, later = loads(text, "m.yaml"), loads(text, "m.yaml", later=True)
    rules = sorted(d.rule for d in loaded.diagnostics)
    assert rules == ["comment-in-text", "control-character", "unknown-field"]
    assert set(later.finished().diagnostics) == set(loaded.diagnostics)
