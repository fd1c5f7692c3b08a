"""The YAML tree's nodes (scalars, lists and mappings, each with the span it came from),
what YAML reads a scalar as, and how a hint writes a value back for YAML to read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from argmap.characters import (
    CONTROL,
    INVISIBLE,
    code_points,
    escape,
)
from argmap.model import Span
from argmap.printable import clipped
from argmap.text import counted

# YAML's safe loader (no Python object is ever constructed), libyaml's C one where PyYAML
# was built with it.
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CORE_TAG = "tag:yaml.org,2002:"  # (YAML's own types: `!!str` is CORE_TAG + "str")
SCALAR_TAGS = {CORE_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NUMBER_TAGS = {CORE_TAG + "int", CORE_TAG + "float"}
_resolver = Resolver()
STR_TAG = CORE_TAG + "str"  # (the one YAML type a text, an id or a key may be tagged with)
# What a key that YAML may read as another type than text starts with, or is (YAML 1.1's).
_NUMBER_START = frozenset("0123456789+-.~")
_WORDS = frozenset(
    w
    for word in ("null", "true", "false", "yes", "no", "on", "off", "y", "n")
    for w in (word, word.capitalize(), word.upper())
)
# What YAML reads a value of each type (its tag's name) as, in words.
READ_AS = {
    "timestamp": "a date",
    "int": "a whole number",
    "float": "a number",
    "bool": "a boolean",
    "null": "nothing (null)",
    "binary": "bytes",
}
_READABLE = {
    name: READ_AS[name].removeprefix("a ") for name in ("timestamp", "int", "float", "bool")
}
_TAG_OF = {bool: "bool", int: "int", float: "float", type(None): "null"}  # (else a date)
# The longest number, as written, that argmap reads: Python refuses to turn a whole number of
# over 4,300 decimal digits into text or back (it takes seconds a million digits), and
# `0x` then 1,000 digits is 1,205 of them. No number a map holds needs more than a few.
MAX_NUMBER = 1000


class YScalar(NamedTuple):
    """A NamedTuple, like Span, built as a tuple (see `yamltree._new`): a map is mostly scalars."""

    value: str  # the text as written (after YAML unescaping), never resolved eagerly
    plain: bool  # unquoted: YAML may read it as a number, boolean, null or date
    tag: str | None
    span: Span

    def resolve(self) -> Any:
        """The scalar as YAML reads it: str, int, float, bool, None or a date.

        Raises ValueError for a value its tag cannot hold (`2022-13-45`, `!!int x`)."""
        tag = self.tag
        if tag is None:
            tag = _resolver.resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, self.value, (self.plain, False)
            )
        if tag not in SCALAR_TAGS:  # "!", and YAML 1.1's `=` (value) and `<<` (merge) keys
            tag = STR_TAG
        if tag in _NUMBER_TAGS and len(self.value) > MAX_NUMBER:
            raise ValueError(
                f"`{clipped(self.value, 40)}` is a number {counted(len(self.value), 'character')}"
                f" long, and argmap reads numbers of up to {counted(MAX_NUMBER, 'character')}"
            )
        construct = SafeConstructor.yaml_constructors[tag]
        try:
            return construct(_constructor, yaml.ScalarNode(tag, self.value))
        # PyYAML's constructors trust the resolver: on a value a tag forces (`!!bool x`,
        # `!!timestamp x`) they fail with a lookup, not a ValueError.
        except (ConstructorError, ValueError, OverflowError, LookupError, AttributeError) as error:
            kind = _READABLE.get(tag.removeprefix(CORE_TAG), tag.removeprefix(CORE_TAG))
            raise ValueError(f"`{clipped(self.value, 40)}` is not a valid {kind}") from error

    @property
    def is_null(self) -> bool:
        """Whether YAML reads it as null: `~`, `null`, nothing, or any of them tagged `!!null`
        (read as a mapping's value that is not there, as the untagged ones are)."""
        return self.value in _NULLS and (
            (self.plain and self.tag is None) or self.tag == CORE_TAG + "null"
        )


@dataclass(slots=True)
class YSeq:
    span: Span
    items: list[YNode] = field(default_factory=list)


@dataclass(slots=True)
class YMap:
    span: Span
    # key text -> (key scalar, value); the first of duplicate keys wins (the second is an error)
    entries: dict[str, tuple[YScalar, YNode]] = field(default_factory=dict)


YNode = YScalar | YSeq | YMap

YAML11_BREAKS = "\x85\u2028\u2029"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_constructor = SafeConstructor()


def reads_as_text(plain: str) -> bool:
    """Whether YAML reads `plain`, written unquoted, as text (not `1`, `true`, `null`)."""
    tag: str = _resolver.resolve(yaml.ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return tag == STR_TAG


# What a hint writes escaped inside double quotes: a control or invisible character as
# itself showed nothing, or (a tab) a mark that the terminal printer puts in its place and
# that, copied into the map, became part of the text.
_QUOTED = {p: escape(p) for p in (*code_points(CONTROL, INVISIBLE), 0xFFFE, 0xFFFF)} | {
    ord("\t"): "\\t",
    ord("\n"): "\\n",
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    # (YAML 1.1's line breaks, which a quoted text folds as it does a line's end.)
    ord("\x85"): "\\N",
    ord("\u2028"): "\\L",
    ord("\u2029"): "\\P",
}


def double_quoted(text: str) -> str:
    """`text` as YAML reads it in double quotes: for a hint that says to quote it."""
    return '"' + text.translate(_QUOTED) + '"'


# Text YAML reads as written without quotes: no indicator first (`#1 priority`, `&co`), no
# `: ` or ` #` inside, no space or `:` last; in brackets, no comma or bracket either.
_PLAIN = re.compile(r"""(?![-?:](?:\s|$))[^\s!&*|>'"%@`#,\[\]{}](?:(?!:\s| #)[^\n])*(?<![\s:])""")
_FLOW_INDICATORS = re.compile(r"[,?:\[\]{}]")  # (PyYAML ends a plain text at ? and : in brackets)


def as_written(text: str, in_brackets: bool = False, typed: bool = False) -> str:
    """`text` as a hint writes it for YAML to read it back as text: as it is where it
    can be, else in double quotes. With `typed`, a value YAML reads as another type (a
    date, a number) stays as it is too: a field of that type takes it."""
    plain = _PLAIN.fullmatch(text) and (typed or reads_as_text(text)) and text.isprintable()
    if plain and not (in_brackets and _FLOW_INDICATORS.search(text)):
        return text
    return double_quoted(text)


def tagged(lines: list[str], node: YScalar) -> tuple[str, str]:
    """A scalar's tag as written (`!!int`, `!e!int`, `!<tag:yaml.org,2002:int>`), and what
    YAML reads the scalar as for it."""
    span = node.span
    line = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
    written = re.match(r"!<[^>]*>|![^\s,\[\]{}]*", line[span.column - 1 :])
    name = (node.tag or "").removeprefix(CORE_TAG)
    return (written[0] if written else f"!!{name}"), READ_AS.get(name, "something else")


def kind_name(node: YNode) -> str:
    """How a diagnostic names what the user wrote."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    try:
        value = node.resolve()
    except ValueError:
        return "text"
    if value is None:
        return "nothing"
    return {bool: "a boolean", int: "a number", float: "a decimal number", str: "text"}.get(
        type(value), "a date"
    )


# A number as YAML 1.2's core schema reads one (not YAML 1.1's `0b1`, `1_000` or `1:30`).
_NUMBER_12 = re.compile(
    r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
)


def number_by_12(text: str) -> int | float | None:
    """The number YAML 1.2 reads `text` as, if any: `0o10` is 8, `010` is 10, `1e3` 1000;
    None past MAX_NUMBER characters, as `resolve` refuses."""
    if len(text) > MAX_NUMBER or not _NUMBER_12.fullmatch(text):
        return None
    if re.fullmatch(r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+)", text):
        return int(text, 0)
    return int(text) if re.fullmatch(r"[-+]?[0-9]+", text) else float(text)


def may_be_typed(plain: str) -> bool:
    """Whether YAML may read `plain`, written unquoted, as other than text: it starts as a
    number does, or is one of YAML 1.1's words (a quick test, before YAML's resolver)."""
    return plain[:1] in _NUMBER_START or plain in _WORDS


def read_as_key(key: YScalar) -> tuple[str, Any, str] | None:
    """What other YAML readers take a plain key for, when not text: a number, a boolean,
    null or a date (kept apart by kind, as `yes` and `1` are equal in Python), the value,
    and its YAML type's name; None for text."""
    text = key.value
    if text and not may_be_typed(text):  # (an empty key is YAML's null)
        return None  # (most ids: no resolver of YAML's starts with their first letter)
    # (ids `1`, `2`: no resolving; ASCII, as `isdigit` takes `¹` and `٣` for digits too)
    if (
        text.isascii()
        and text.isdigit()
        and (text[0] != "0" or text == "0")
        and len(text) <= MAX_NUMBER
    ):
        value: Any = int(text)
    else:
        try:
            value = key.resolve()
        except ValueError:
            return None
        if isinstance(value, str):
            return None
    kind = _TAG_OF.get(type(value), "timestamp")
    return ("number" if kind in ("int", "float") else kind), value, kind


def readings(key: YScalar) -> list[tuple[tuple[str, Any], str]]:
    """What YAML readers take a plain key for when not text, each as a value to compare
    (`read_as_key`'s, and YAML 1.2's number: `1e3` is 1000 to it) and how it is said."""
    found = []
    if (read := read_as_key(key)) is not None:
        found.append((read[:2], f"YAML as {READ_AS[read[2]]}"))
    if key.value[:1] in _NUMBER_START and (number := number_by_12(key.value)) is not None:
        shown = f"{number:g}" if isinstance(number, float) else str(number)
        said = f"YAML 1.2, as editors read maps with argmap's schema, as the number {shown}"
        found.append((("YAML 1.2", number), said))
    return found
