"""What a YAML syntax error in a map means, and how to write the line: the hints that
turn libyaml's words (`mapping values are not allowed here`) into the cause and its fix."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from contextlib import suppress
from typing import Any

import yaml

from argmap import spec
from argmap.characters import (
    colon_hint,
    describe,
    invisible_at,
    lookalike_colon,
    visible,
)
from argmap.diagnostics import Diagnostic
from argmap.model import Kind
from argmap.printable import clipped
from argmap.text import columns, counted, source_lines
from argmap.yamlnodes import LOADER, YAML11_BREAKS, YMap, YScalar, YSeq, as_written, double_quoted

_SURROGATE_PAIR = re.compile(r"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})", re.IGNORECASE)
# libyaml's words for an escape it refuses, which argmap words itself.
_BAD_ESCAPE = "found invalid Unicode character escape code"
_FIX = "fix the YAML syntax at this point"  # the hint when nothing more particular applies


_KEY = r"\s*(?:- )?([^\s:#{}\[\]][^:#]*)"  # a line's indentation and key, up to its colon
_FLOW_KEY = r"[^\s:#{}\[\],][^:#{}\[\],]*"  # a key in braces, after `{` or a comma


def _head(lines: list[str], row: int, indent: int) -> int | None:
    """The nearest line before `row` with more than a comment on it, indented less than
    `indent`: the key that what is on line `row` belongs to."""
    return next(
        (
            i
            for i in range(row - 1, -1, -1)
            if without_comment(lines[i]) and indent_of(lines[i]) < indent
        ),
        None,
    )


# Argdown's marks of a relation, written under a node: what backs it (`+`, `<+`) or argues
# against it (`-`, `<-`), and what it backs (`+>`) or argues against (`->`).
_ARGDOWN_MARK = r"<?\+|<?-|\+>|->"
_ARGDOWN_RELATION = re.compile(rf"[ \t]*({_ARGDOWN_MARK})[ \t]+(\S.*)")
# A list's item of one word (`- o1`, a link) or of a node (`- o1: text`): not Argdown's text.
_NOT_ARGDOWN_ITEM = re.compile(r"\S+|[^\s:]+:(?:\s.*)?")
# A text's line that a sentence ends, or a bracket or quote after it: a line after one that
# does not (`text: The plan has three parts:`, then `- cheaper buses`) goes on with it.
_ENDS_SENTENCE = re.compile(".*[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\\]]*")
_NODE_SECTIONS = frozenset(kind.section for kind in Kind)
_ANSWERED = ("objections", "rebuttals")  # sections whose nodes a rebuttal answers


def argdown_hint(
    mark: str, key: str, text: str, owner: str, section: str, known: bool = False
) -> str:
    """The hint for a relation written as Argdown writes it (`mark` and the other node's
    `text`, and its id `key` if given, `known` if the map has it) among the fields of node
    `owner` of `section`: in argmap the other node is one of its own, and the node that
    argues names the other."""
    supports = "+" in mark
    relation, verb = ("supports", "backs") if supports else ("attacks", "argues against")
    outgoing = mark.endswith(">")
    if known:  # (a node of the map already: only the relation is to write)
        arguer, target = (owner, key) if outgoing else (key, owner)
        said = f"what a node {verb}" if outgoing else f"what {verb} a node"
        return (
            f"`{mark}` is how Argdown writes {said}; in argmap the node that argues names the "
            f"other in its own field: write `{relation}: {target}` in `{arguer}`"
        )
    if outgoing:  # (what the owner argues about: a claim, or what it answers)
        other = "objections" if section == "rebuttals" and not supports else "claims"
        named = key or f"my-{other[:-1]}"
        node = f"{named}: {{text: {as_written(text.strip() or '...', True)}}}"
        return (
            f"`{mark}` is how Argdown writes what a node {verb}; in argmap that is a node of "
            f"its own, and this one names it: write `{node}` under `{other}:` and "
            f"`{relation}: {named}` in `{owner or '...'}`"
        )
    other = "reasons" if supports else "rebuttals" if section in _ANSWERED else "objections"
    apart = node_written(key or f"my-{other[:-1]}", text, relation, owner)
    return (
        f"`{mark}` is how Argdown writes what {verb} a node; in argmap it is a node of its "
        f"own under `{other}:` that names this one: `{apart}`"
    )


def _argdown_line_hint(lines: list[str], row: int) -> str:
    """The hint for line `row` among a node's fields, written as Argdown writes what
    argues about the node (`+ The robot gets causal contact`), which YAML reads as a key
    without its colon or as a list's item; "" for any other line."""
    found = _ARGDOWN_RELATION.fullmatch(without_comment(lines[row])) if row < len(lines) else None
    if found is not None and found[1] == "-" and _NOT_ARGDOWN_ITEM.fullmatch(found[2].strip()):
        found = None
    before = _line_above(lines, row) if found else None
    field = re.fullmatch(_KEY + r":[ \t]+(.*)", without_comment(lines[before])) if before else None
    text_field = field is not None and spec.FIELD_TYPES.get(field[1].strip()) == "text"
    if field and text_field and not _ENDS_SENTENCE.fullmatch(field[2].strip()):
        return ""  # (more of that text, or a list it announces)
    head = _head(lines, row, indent_of(lines[row])) if found else None
    above = _head(lines, head, indent_of(lines[head])) if head is not None else None
    key = re.fullmatch(r"\s*([^\s:#-][^:#]*):\s*", without_comment(lines[head])) if head else None
    sections = re.match(r"(\w+):", lines[above]) if above is not None else None
    if found is None or key is None or sections is None or sections[1] not in _NODE_SECTIONS:
        return ""  # (only among the fields of a node written under its id, in its section)
    text = _as_read(found[2].strip())  # (`- "the robot has no mind"`: without its quotes)
    return argdown_hint(found[1], "", text, key[1].strip(), sections[1])


def _as_read(words: str) -> str:
    """A value as YAML reads it, for a hint to write as a text: `'Costly'` is Costly; a
    mapping, a list, a block or an alias is "", no text to write."""
    read: object = words
    if words[:1] in ("'", '"'):
        with suppress(yaml.YAMLError):
            read = yaml.load(words, Loader=LOADER)  # (the safe loader)
    return read if isinstance(read, str) and read[:1] not in _NOT_PLAIN else ""


def _unseen_value(lines: list[str], row: int, below: str) -> tuple[str, int] | None:
    """The hint for a key on line `row` followed by nothing but characters that show
    nothing, or spaces YAML does not read as such (`c1:\u200b`, `c1:\u00a0`), which YAML
    reads as its value, and `below` (the key on the next line) as more of it, and the
    column of the first; None if it is not that. (It was "indent line 4 like `text:`",
    which changed nothing.)"""
    outer = re.match(_KEY, lines[row])
    start = outer.end() + 1 if outer else 0
    value = lines[row][start:]
    at = next((i for i, c in enumerate(value) if c.isspace() and c not in " \t"), None)
    at = invisible_at(value) if at is None else at
    if outer is None or at is None or visible(value).strip():
        return None
    return (
        f"`{outer[1]}:` on line {row + 1} is followed by {describe(value[at])}, which YAML "
        f"reads as its value, so {below} is read as more of it; delete it",
        start + at + 1,
    )


def _line_above(lines: list[str], row: int) -> int | None:
    """The nearest line before `row` that is neither blank nor a comment."""
    return next((i for i in range(row - 1, -1, -1) if lines[i].strip()[:1] not in ("", "#")), None)


_LONGEST_KEY = 1024  # characters of a key as written, quotes too, in libyaml (and the spec)


def _long_key(written: str) -> str:
    """The hint for a key longer than YAML reads (`written`, the line up to its colon),
    which it reports as a colon out of place; "" for a shorter one."""
    whole = written.strip().removeprefix("- ").strip()
    key = whole.strip("\"'")
    if len(whole) <= _LONGEST_KEY:
        return ""
    quotes = " with its quotes" * (len(whole) > len(key))
    return (
        f"`{key[:20]}…` is a key of {len(whole):,} characters{quotes}, and YAML reads a key "
        f"of at most {_LONGEST_KEY:,}; use a short id"
    )


def _link_alone(lines: list[str], row: int | None) -> str:
    """The hint for line `row` if it is a link alone among keys (under `sources:`, as a
    list of links is written elsewhere): a source of its own. "" if it is not."""
    link = re.fullmatch(r"\s*(?:- )?(https?://\S+)\s*", lines[row]) if row is not None else None
    if link is None or row is None:
        return ""
    head = _head(lines, row, indent_of(lines[row]))
    if head is None or not re.match(r"sources:\s*(?:#.*)?$", lines[head].strip()):
        return ""  # (a line of a text, say: the text's own hint)
    return (
        f"line {row + 1} is a link alone, where YAML expects a key and its value: write it in "
        f"a source of its own, `my-source: {{title: ..., url: {as_written(link[1], True)}}}`, "
        "under `sources:`"
    )


def _mapping_values_hint(lines: list[str], row: int, column: int) -> str:
    """Why YAML found `key: value` where it reads a value. The colon that starts the line is
    a key indented deeper than the key above, whose value YAML reads on; any other colon is
    a ": " inside a value, which needs quotes."""
    line = lines[row] if row < len(lines) else ""
    if long := _long_key(line[:column]):
        return long
    key = re.fullmatch(r"\s*(?:- )?([\w.-]+)", line[:column])  # a key, not words of prose
    above = _line_above(lines, row)
    if link := _link_alone(lines, above):  # (not a key `https:` with text after it)
        return link
    if (
        key is not None
        and key[1] in _KNOWN_KEYS
        and above is not None
        and lines[above].lstrip().startswith("- ")
        and _of_ids(lines, above)
    ):  # (`supports:`, `- a`, then `by:` under the item: a field of the node, meant)
        head = next(
            i
            for i in range(above, -1, -1)
            if lines[i].strip() and indent_of(lines[i]) < indent_of(lines[above])
        )
        field = lines[head].strip().partition(":")[0]
        return (
            f"`{key[1]}:` is indented deeper than the item of `{field}:` on line {above + 1}, "
            f"so YAML reads it as more of that item; indent line {row + 1} by "
            f"{counted(indent_of(lines[head]), 'space')}, like `{field}:`"
        )
    if above is not None and (
        (key is not None and ":" not in without_comment(lines[above]))
        or _goes_on(lines, above, row)
    ):
        # The line above is no key but more of a text (or a key without its colon: see
        # `_colon_left_out`), or a text field's first line, whose text goes on here.
        return _quote_hint(lines, above, row)
    if key is not None and above is not None:
        outer = re.match(_KEY, lines[above])
        value = lines[above][outer.end() + 1 :] if outer else ""
        if unseen := _unseen_value(lines, above, f"`{key[1]}:`"):
            return unseen[0]
        if outer is not None and value[:1] == "#":  # (`c1:#first`, a comment meant)
            return _Elsewhere(
                "; ".join(_glued_comment(lines[above].strip(), outer[1].strip())), above
            )
        name = f"`{outer[1]}:`" if outer else "the line above"
        said = (
            f"`{key[1]}:` is indented deeper than {name} on line {above + 1}, so YAML reads "
            f"it as more of that value"
        )
        fields = not _HEAD_LINE.fullmatch(lines[above]) and not _HEAD_LINE.fullmatch(line)
        if outer is not None and fields and _out_of_line(lines, above, indent_of(line)):
            by = counted(indent_of(line), "space")
            return _Elsewhere(f"{said}; indent line {above + 1} by {by}, like `{key[1]}:`", above)
        before = _line_above(lines, above)
        if (
            outer is not None
            and fields
            and {outer[1].strip(), key[1].strip()} <= _KNOWN_KEYS
            and (under := _fields_beside_their_id(lines, above, row))
        ):
            return under
        if (
            outer is not None
            and fields
            and {outer[1].strip(), key[1].strip()} <= _KNOWN_KEYS
            and before is not None
            and indent_of(lines[before]) == indent_of(lines[above])
        ):  # (Two fields, this line the deeper one, the one above in line with its own.)
            by = counted(indent_of(lines[above]), "space")
            return f"{said}; indent line {row + 1} by {by}, like {name}"
        return f"{said}; indent the keys of one mapping alike"
    if indicated := indicator_hint(lines, row, column, brackets=True):
        return indicated  # (`text: [Draft]: a text`, read as a list and then a key)
    if own := _own_line_hint(line, column):
        return own
    # Deeper than a field of a value other than text (`argmap: 1`): more of that value, as
    # YAML reads it; quoting this line's value (as the hint was) changed nothing.
    valued = re.match(_KEY + r":\s+\S", lines[above]) if above is not None else None
    kind = spec.FIELD_TYPES.get(valued[1].strip()) if valued else None
    key_at = valued.start(1) if valued else 0  # (the key's column, after a list's `- `)
    if above is not None and valued and kind not in (None, "text") and indent_of(line) > key_at:
        name = valued[1].strip()
        move = f"indent it by {counted(key_at, 'space')}" if key_at else "start it at the margin"
        return (
            f"line {row + 1} is indented deeper than `{name}:` on line {above + 1} (whose "
            f"value is no text), so YAML reads it as more of that value; {move}, like `{name}:`"
        )
    hint = 'a ": " inside a value starts a mapping; put the value in quotes'
    quoted = _quoted_field(lines, row)
    if quoted is None:
        return hint
    name, _, value = quoted[0].partition(": ")
    pair, inner = value[1] + value[-2], value[2:-2]
    # `text: “A claim: this”`, from a word processor (not `“Cogito”: says “me”`)
    if pair in _TYPOGRAPHIC and not any(mark in inner for mark in pair):
        return (
            f"{hint}; `{value[1]}` and `{value[-2]}` are no YAML quotes but text: write "
            f'`{name}: "{inner}"`, or, to keep them in the text, `{quoted[0]}`'
        )
    joined = re.fullmatch(r"\s*(?:- )?([\w-]+): +\S.*?\s([\w-]+)", line[:column])
    if joined and spec.FIELD_TYPES.get(joined[1]) == "text" and joined[2] in spec.FIELD_TYPES:
        # (`author: Steve Benen publisher: Washington Monthly`: two lines joined, likely)
        at = f"indented by {counted(joined.start(1), 'space')}" if joined.start(1) else "unindented"
        return (
            f"if `{joined[2]}:` starts a field of its own, put it on a line of its own, "
            f"{at}, like `{joined[1]}:`; if it is part of the text, put the text in quotes: "
            f"`{quoted[0]}`"
        )
    return f"{hint}: `{quoted[0]}`"


def _fields_beside_their_id(lines: list[str], above: int, row: int) -> _Elsewhere | None:
    """The hint, said at the first of them, for a node's first fields written as far in as
    its id, which has nothing after its colon (`crime:`, then `text:` and `by:` in line
    with it), and the rest of its fields, from line `row` on, under it. Told to line up
    line `row` with the field above it, as the hint was, each next field went wrong the
    same way."""
    depth, first, keys = indent_of(lines[above]), above + 1, list[str]()
    while (up := _line_above(lines, first)) is not None and indent_of(lines[up]) == depth:
        found = re.match(_KEY + r":(?:\s|$)", lines[up])
        if found is None or found[1].strip() not in _KNOWN_KEYS:
            owner = re.fullmatch(_KEY + r":\s*", without_comment(lines[up]))
            name = owner[1].strip() if owner else ""
            if keys and spec.ID_RE.match(name):  # (no field with its value below it)
                break
            return None
        first = up
        keys.insert(0, f"`{found[1].strip()}:`")
    else:
        return None
    which = f"line {first + 1}" if len(keys) == 1 else f"lines {first + 1} to {above + 1}"
    if len(keys) == 2:
        which = f"lines {first + 1} and {above + 1}"
    named = " and ".join(keys) if len(keys) < 3 else ", ".join(keys[:3])
    if len(keys) > 3:  # (20,000 of them made a message of 160 KB)
        named += f" and {len(keys) - 3:,} more"
    return _Elsewhere(
        f"{named} on {which}, written as "
        f"far in as `{name}:` on line {up + 1}, "
        + (
            "is read as an id beside it, not as its field; indent it"
            if len(keys) == 1
            else "are read as ids beside it, not as its fields; indent them"
        )
        + f" by "
        f"{counted(indent_of(lines[row]), 'space')}, like line {row + 1}",
        first,
    )


def _own_line_hint(line: str, column: int) -> str:
    """The hint for a key (its colon at `column` of `line`) that belongs on
    a line of its own, or after a colon left out, where quoting it all as a text, as the
    hint was, broke the map: an id after its section's name (`objections: o1:`), a field
    after another field's value (`by: a    attacks: c1`), an id before its fields in
    braces without its colon (`benen {name: Steve Benen, role: Writer}`)."""
    written = line[:column]
    indent = indent_of(written) + 2 * written.lstrip().startswith("- ")
    section = re.fullmatch(r"\s*(?:- )?(\w+): +([\w.-]+)", written)
    if section is not None and section[1] in spec.SECTIONS:
        return (
            f"`{section[2]}:` goes on a line of its own, below `{section[1]}:`, indented by "
            f"{counted(indent + 2, 'space')}"
        )
    node = re.fullmatch(r"\s*([\w.-]+): +([\w-]+)", written)
    # (An id's fields, or `render:`'s, the map's defaults for rendering.)
    holds_fields = node is not None and (
        node[1] == "render" or (node[1] not in _KNOWN_KEYS and indent > 0)
    )
    if node is not None and holds_fields and node[2] in spec.FIELD_TYPES:
        # (`unwise: text: Ad campaigns ...`, an id and its first field on one line)
        fields = without_comment(line[node.start(2) :]).strip()
        value = fields.partition(":")[2].strip()
        in_braces = f", or write its fields in braces: `{node[1]}: {{{fields}}}`" * (
            "{" not in fields and len(fields) <= QUOTED_SHOWN and value[:1] not in ("", "|", ">")
        )
        return (
            f"`{node[2]}:` is a field of `{node[1]}`: put it on a line of its own, below "
            f"`{node[1]}:`, indented by {counted(indent + 2, 'space')}{in_braces}"
        )
    field = re.fullmatch(r"\s*(?:- )?([\w-]+): +(\S.*?)\s+([\w-]+)", written)
    # (A word, or a list in brackets, as a whole: `tags: ["a b"]  by: b`, `[c1, [c2]]`.)
    one = field is not None and (
        re.fullmatch(r"[\w.-]+", field[2]) or _closed_at(field[2]) == len(field[2])
    )
    if (
        field is not None
        and one
        and spec.FIELD_TYPES.get(field[1]) in ("ref", "refs", "tags", "number", "date")
        and field[3] in _KNOWN_KEYS
    ):  # (`by: a    attacks: c1`, `tags: [a] by: b`; not prose, `text: A note: ...`)
        return (
            f"`{field[3]}:` is a field of its own: put it on a line of its own, indented by "
            f"{counted(indent, 'space')}, like `{field[1]}:`"
        )
    braces = re.fullmatch(r"\s*(?:- )?([\w.-]+) +(\{.*\})", without_comment(line))
    if braces is not None and spec.ID_RE.match(braces[1]):
        return f"`{braces[1]}` is written without its `:`: write `{braces[1]}: {braces[2]}`"
    return ""


# Typographic quotes around a text, as word processors write them in several languages
# (English, German, French, Swedish, Japanese), double and single.
_TYPOGRAPHIC = frozenset(
    (
        "\u201c\u201d",
        "\u201e\u201c",
        "\u201e\u201d",
        "\u00ab\u00bb",
        "\u00bb\u00ab",
        "\u2018\u2019",
        "\u201d\u201d",
        "\u201a\u2018",
        "\u201a\u2019",
        "\u300c\u300d",
    )
)


def _goes_on(lines: list[str], above: int, row: int) -> bool:
    """Whether line `row`, indented deeper than a text field's first line `above` (`text:
    A claim about`), is more of that text: no field of the format (`by: ann`, a key slipped
    deeper), nor an id with fields (`c2: {text: ...}`, `c2: text: ...`, `c2:` alone). An id
    with its text (`c1: The city should` and `charge drivers: a fee`) is such a field too
    when the line's words before their colon are prose, not one word (an id slipped deeper)."""
    start = _text_key(lines, above)  # (past the text's lines between: a link, say)
    field = re.match(_KEY + r":\s+[^\s\"'|>&*!\[{#]", lines[start]) if start is not None else None
    if field is None:
        return False
    kind = spec.FIELD_TYPES.get(field[1].strip())
    words = lines[row].partition(":")[0].strip().removeprefix("- ")
    if kind != "text" and (kind is not None or " " not in words):
        return False
    if indent_of(lines[row]) <= field.start(1):
        return False
    rest = without_comment(lines[row].partition(":")[2])
    return not (_is_field(lines[row]) or not rest or rest[:1] == "{" or _is_field(rest))


def _quoted_field(lines: list[str], row: int) -> tuple[str, list[str]] | None:
    """The field on line `row` with its text in double quotes, the text's lines below
    joined to it as YAML joins them (a line break as a space, a blank line as one): as a
    hint shows it (`key: "value"`), and as the lines to read in place of the field's (the
    first with it all, the rest blank, so that the lines below keep their numbers). None
    if line `row` is no `key: text`, or its value starts as no plain text does (`&a`)."""
    line = lines[row]
    field = re.match(_KEY + r":(?:[ \t]+(.*))?$", line)
    if field is None:
        return None
    # (A hashtag kept: quoted, it is the text's, as the user meant; `# ...` is a comment.)
    value = without_comment(field[2] or "", hashtags=True)
    if value[:1] in _NOT_PLAIN:
        return None
    end, at, blank = row + 1, row + 1, 0  # past the text's lines, and the line looked at
    ended = value != (field[2] or "").strip()  # (a comment ends a plain text)
    while not ended and at < len(lines):
        below = lines[at]
        if not below.strip():
            blank, at = blank + 1, at + 1
            continue
        if below.lstrip().startswith("#") or indent_of(below) <= field.start(1):
            break
        piece = without_comment(below, hashtags=True)
        ended = piece != below.strip()
        value += "\n" * blank if blank and value else " " if value else ""
        value += piece
        end = at = at + 1
        blank = 0
    if not value:
        return None
    quoted = f"{field[1]}: {double_quoted(value)}"
    return quoted, [line[: field.start(1)] + quoted, *([""] * (end - row - 1))]


# What a value that is no plain text starts with: an anchor, an alias, a tag, a block, a
# flow collection, a reserved character (quoting it would change what YAML reads).
_NOT_PLAIN = tuple("&*!|>[{%@`")


# A line that is a mapping's key (`by: x`, `text:`), not a list item or a value's text.
_KEY_LINE = re.compile(r" *[^\s:#\-{}\[\]\"'|>][^:#]*:(?: |$)")


# What YAML reads a value that starts with each of its indicators as; `- ` (see
# `_dash_hint`) and `: ` (`_mapping_values_hint`) are told apart where YAML finds them.
_RESERVED = "is reserved by YAML"
_INDICATORS = {
    "[": "is read as a list",
    "{": "is read as a mapping",
    "*": "is read as an alias (`*name`, the value marked `&name`)",
    "&": "is read as an anchor (`&name`, which names the value after it)",
    "!": "is read as a tag (`!name`, the type of the value after it)",
    "|": "is read as a block of text, which starts on the line below",
    ">": "is read as a block of text, which starts on the line below",
    "%": _RESERVED,
    "@": _RESERVED,
    "`": _RESERVED,
    "? ": "is read as a key",
}
_INDICATED = re.compile(r"( *(?:- )?[^\s:#][^:#]*): +([\[{*&!|>%@`].*|\? .*)")


def indicator_hint(lines: list[str], row: int, column: int, brackets: bool) -> str:
    """Text that starts with a character YAML reads as one of its own, on the line of an
    error at `column` from that character on (`title: [Draft] A title`, `text: *Key* ...`,
    `text: @eco ...`): quote it. With `brackets`, one that starts with `[` or `{` too,
    which YAML reads on past until it closes: said only of an error past its start."""
    field = _indicated(lines, row)
    if field is None or column < field.start(2):
        return ""
    start = "? " if field[2].startswith("? ") else field[2][0]
    if start == "{" and (flow := _flow_indicator_hint(lines[row], column)):
        return flow  # (in braces, a field's text)
    if start in "[{" and (not brackets or column == field.start(2)):
        return ""
    key, value = field[1].strip().removeprefix("- ").strip(), without_comment(field[2])
    kind = spec.FIELD_TYPES.get(key)
    if kind != "text":  # a list, a mapping, an id: not to be quoted
        closed = _closed_at(value)
        after = value[closed:].strip() if closed is not None else ""
        # (Of a list of ids or tags, or of an id's fields; not a misspelt text's `[Draft]`,
        # nor a URL's, nor a field that goes on after it.)
        of_id = kind is None and bool(spec.ID_RE.match(key))
        ids = kind in ("refs", "tags") if start == "[" else of_id
        if ids and closed is not None and ": " in after:  # (`tags: [a]    by: b`)
            if own := _own_line_hint(lines[row], lines[row].find(": ", field.start(2) + closed)):
                return own
        elif ids and after:
            return (
                f"`{key}:` holds {_INDICATORS[start].removeprefix('is read as ')} that ends "
                f"before `{after}`: write `{key}: {value[:closed]}`"
            )
        rest = value[len(start) :].strip()
        if kind in ("ref", "refs") and rest and spec.ID_RE.match(rest):
            return f"an id does not start with `{start.strip()}`: write `{key}: {rest}`"
    elif start in "|>" and re.fullmatch(r"[^\w\s]+", value):  # `text: >>`, no text after
        return (
            f"a block of text starts with one `{start}` (and `-` or `+` after it, to drop or "
            f"keep its last line break), its text on the lines below: write `{key}: {start}`"
        )
    shown = {"`": "a backtick", "? ": "`? `"}.get(start, start)
    return f"text that starts with {shown} {_INDICATORS[start]}; quote it: {_quoted(field)}"


def _flow_indicator_hint(line: str, column: int) -> str:
    """`indicator_hint` of a text in braces that starts at `column` (`{text: ! News}`):
    the line, with the text quoted."""
    field = next((m for m in _FLOW_FIELD.finditer(line) if m.end() == column), None)
    starts = line[column : column + 1]
    if field is None or spec.FIELD_TYPES.get(field[1]) != "text" or starts not in _INDICATORS:
        return ""
    end = next((i for i in range(column, len(line)) if line[i] in ",}"), len(line))
    value = line[column:end].strip()
    fixed = (line[:column] + double_quoted(value) + line[column + len(value) :]).strip()
    return f"text that starts with {starts} {_INDICATORS[starts]}; quote it: `{fixed}`"


def _closed_at(value: str) -> int | None:
    """Where the list or mapping that `value` starts with ends (just after its closing
    bracket), counting brackets outside quotes; None if it does not close."""
    depth, quote = 0, ""
    for i, c in enumerate(value):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _indicated(lines: list[str], row: int) -> re.Match[str] | None:
    """Line `row` as a field whose text starts with a YAML indicator (`_INDICATED`)."""
    return _INDICATED.fullmatch(lines[row]) if row < len(lines) else None


def quote_indicated(lines: list[str], row: int, column: int) -> str | None:
    """Line `row`, a field whose text starts with an indicator at `column`, written with the
    text quoted; None if it is not one."""
    field = _indicated(lines, row)
    return _quoted(field) if field is not None and field.start(2) == column else None


def _quoted(field: re.Match[str]) -> str:
    """The line of a field whose text starts with an indicator (`_INDICATED`), quoted."""
    return f"`{field[1].strip()}: {double_quoted(without_comment(field[2]))}`"


def without_comment(text: str, hashtags: bool = False) -> str:
    r"""`text` without a YAML comment (` #` on), stripped; with `hashtags`, only from a `#`
    alone or before a space on (a hashtag, `#searle`, is meant as text: see the
    comment-in-text rule). (Not `\s+#.*` in a regular expression: tried at each space of
    a long run of them, it is quadratic.)"""
    cut = re.search(r"(?:^|\s)#(?:\s|$)" if hashtags else r"(?:^|\s)#", text)
    return (text[: cut.start()] if cut else text).strip()


def _dash_hint(lines: list[str], row: int, column: int) -> str:
    """What to write instead of a list item after a key on its line `row` (`attacks: - c1`,
    the `-` at `column`), which YAML refuses: a list is in brackets there (with the items
    below it, if any), or its items go on the lines below; text that starts with `- ` is
    quoted; a field of one value has none."""
    line = lines[row]
    field = re.fullmatch(_KEY + r":\s+", line[:column])
    item = " ".join(without_comment(line[column + 1 :]).split())
    if field is None or not item:
        return "a list item (`- `) starts a line of its own: put it on the next line, indented"
    key = field[1].strip()
    if key in spec.SECTIONS or key == "render":  # mappings: names, each with its value
        first = spec.SECTIONS[key][1][0].name if key in spec.SECTIONS else "..."
        value = f"{{{first}: ...}}" if key in spec.SECTIONS else "..."
        return (
            f"`{key}` holds {'ids' if key in spec.SECTIONS else 'options'} by name, not a list: "
            f"write `{key}:`, then `{item}: {value}` on the next line, indented"
        )
    kind = spec.FIELD_TYPES.get(key, "refs")  # (not a field: a typo of one, most likely)
    if kind == "text":  # (as written: `- the  2009  budget` keeps its spaces)
        quoted = double_quoted(without_comment(line[column:]).strip())
        return f"text that starts with `- ` is read as a list's item; quote it: `{key}: {quoted}`"
    if kind not in ("refs", "tags"):
        return f"`{key}` takes one value, not a list: `{key}: {item}`"
    below_it, last = _items_from(lines, row + 1, indent_of(line) + 1)  # (`- c2`, indented)
    items = [i.strip() for i in item.split(",")] + below_it
    last = max(last, row)
    below = f"`- {item}` on the next line" if len(items) == 1 else "each on a line of its own"
    instead = f" in place of lines {row + 1} to {last + 1}" if last > row else ""
    return f"write `{key}: [{', '.join(items)}]`{instead}, or put {below}, indented"


_ITEM_LINE = re.compile(r" *- +(\S.*)")


def _one_word(item: str) -> bool:
    return not re.search(r"\s", item.strip())


def _items_from(
    lines: list[str], row: int, least: int, words: bool = True
) -> tuple[list[str], int]:
    """The items of a list written from line `row` on (`- c2`, indented by `least` spaces or
    more), past blank lines and comments between them, as written, up to the first of
    words unless `words` (ids, not Argdown's `- the robot has no mind`); and the last
    one's line (`row - 1` if none)."""
    items, last = [], row - 1
    for at in range(row, len(lines)):
        written = without_comment(lines[at])
        if not written:
            continue
        item = _ITEM_LINE.fullmatch(written)
        if item is None or indent_of(lines[at]) < least or not (words or _one_word(item[1])):
            break
        items.append(item[1])
        last = at
    return items, last


_BLOCK_HEAD = re.compile(_KEY + r":\s+([|>][-+0-9]*)\s*(?:#.*)?")


def block_hint(lines: list[str], row: int, column: int, level: bool = False) -> str:
    """A line of a text block (`text: |`, then its lines) indented less than the block's
    first line, which sets how far in the block is: the line ends the block. With `level`,
    indented as far as the block's key (where YAML looks for a key, and finds none)."""
    head = _head(lines, row, column + level)
    block = _BLOCK_HEAD.fullmatch(lines[head]) if head is not None and head < row - 1 else None
    key = re.match(_KEY + ":", lines[row]) if row < len(lines) else None
    if head is None or block is None or (key is not None and key[1].strip() in _KNOWN_KEYS):
        return ""  # (a field of the node, not a line of the text: `_indentation_hint`'s)
    digits = [c for c in block[2] if c.isdigit()]  # (`|2`: the block's indentation, said)
    first = (
        indent_of(lines[head]) + int(digits[0])
        if digits
        else next((indent_of(line) for line in lines[head + 1 : row] if line.strip()), 0)
    )
    if not (indent_of(lines[head]) < column + level and column < first):
        return ""
    return (
        f"the text block (`{block[2]}`) of `{block[1].strip()}:` on line {head + 1} is "
        f"indented by {counted(first, 'space')}{'' if digits else ', as its first line is'}, "
        f"and this line, indented by {column}, ends it: indent it by {counted(first, 'space')}"
    )


def _key_among_items_hint(lines: list[str], row: int, column: int) -> str:
    """What to do about a key where a list goes on (`claims:`, then `- id: c1` and its
    fields, then `c2:`): a section holds its nodes by id, not as a list."""
    first = next(
        (
            i
            for i in range(row - 1, -1, -1)
            if indent_of(lines[i]) <= column and lines[i].strip()[:1] not in ("", "#")
        ),
        None,
    )
    if first is None or indent_of(lines[first]) != column or not _ITEM_LINE.match(lines[first]):
        return ""
    for above in range(first - 1, -1, -1):  # back to the list's first item, over its fields
        if not lines[above].strip() or indent_of(lines[above]) > column:
            continue
        if indent_of(lines[above]) < column or not _ITEM_LINE.match(lines[above]):
            break
        first = above
    head = _line_above(lines, first)
    section = re.match(_KEY, lines[head]) if head is not None else None
    said = f"the list that starts on line {first + 1} holds only items (`- `), and this is a key"
    # (`- id: c1`, or `- c1:` with the fields below it)
    item = re.fullmatch(r" *- +(?:id: +([^\s#]+)|([^\s#:]+):)\s*(?:#.*)?", lines[first])
    if section is None or section[1].strip() not in spec.SECTIONS or item is None:
        return f"{said}: make each an item, or the list a mapping of keys"
    return (
        f"{said}: `{section[1].strip()}:` holds its entries by id, not in a list: write "
        f"line {first + 1} as `{item[1] or item[2]}:`, its fields indented under it, as this "
        "entry is"
    )


def indent_of(line: str) -> int:
    """The spaces that a line starts with."""
    return len(line) - len(line.lstrip(" "))


_COMMENTED_KEY = re.compile(r"( *)#[ \t]*([\w.-]+):[ \t]*")  # `# c2:`, a key commented out


def commented_key(lines: list[str], row: int, stop: int) -> str:
    """What to say of a key commented out alone (`# c2:`) above line `row`, after line
    `stop` (from 0) and less deep than `row`'s: the fields under it read as another's, or
    as no entry's. "" if there is none."""
    depth = indent_of(lines[row]) if row < len(lines) else 0
    for at in range(min(row, len(lines)) - 1, stop, -1):
        if (found := _COMMENTED_KEY.fullmatch(lines[at].rstrip())) and len(found[1]) < depth:
            return (
                f"line {at + 1} comments out `{found[2]}:` alone, so the fields under it are "
                f"not `{found[2]}`'s: delete its `#` to keep `{found[2]}`, or put `#` before "
                "each of its fields too"
            )
    return ""


# A key with a mapping in braces on its line (`c2: {text: ...}`).
_NODE_IN_BRACES = re.compile(r" *[^\s:#\-{}\[\]\"'|>][^:#]*:\s+\{.*\}\s*(?:#.*)?")
# ... and its key, with nothing after it but a comment.
_EMPTY_KEY = re.compile(_KEY + r":\s*(?:#.*)?")
# A key whose value is on the lines below it (`claims:`, `work-effort:`), not on its line.
_HEAD_LINE = re.compile(r" *[^\s:#\-{}\[\]\"'|>][^:#]*:\s*(?:#.*)?")


def _out_of_line(lines: list[str], row: int, depth: int) -> str:
    """Why the key on `row` belongs `depth` spaces in, like the keys after it: it stands
    level with the key right above it, which heads a mapping it leaves empty (`claims:`,
    then `ubi:` not indented under it), or the key before it at that depth is there too
    (an id among ids, for a key that names no section); "" if neither."""
    before = _line_above(lines, row)
    name = re.match(_KEY, lines[row])
    if before is None or name is None or not _KEY_LINE.match(lines[before]):
        return ""
    above = re.match(_KEY, lines[before])
    if indent_of(lines[before]) == indent_of(lines[row]) < depth and _HEAD_LINE.fullmatch(
        lines[before]
    ):
        head = above[1].strip() if above else ""
        return f"level with `{head}:` on line {before + 1}, which it leaves empty"
    if name[1].strip() in _TOP_KEYS:  # a section where sections go: the mistake is elsewhere
        return ""
    sibling = next(
        (
            i
            for i in range(row - 1, -1, -1)
            if _KEY_LINE.match(lines[i]) and indent_of(lines[i]) <= depth
        ),
        None,
    )
    if sibling is not None and indent_of(lines[sibling]) == depth:
        return f"and the keys before and after it by {depth}"
    # The first key of a mapping (a node's first field), the next two keys both at `depth`.
    after = (i for i in range(row + 1, len(lines)) if _KEY_LINE.match(lines[i]))
    below = [i for _, i in zip(range(2), after, strict=False)]
    if (
        _HEAD_LINE.fullmatch(lines[before])
        and indent_of(lines[before]) < indent_of(lines[row])
        and len(below) == 2
        and all(indent_of(lines[i]) == depth for i in below)
    ):
        return f"and the keys after it by {depth}"
    return ""


# What a map's top level holds: a key with one of these names at the margin is where it goes.
_TOP_KEYS = frozenset(spec.SECTIONS) | {f.name for f in spec.MAP_FIELDS}


def _is_section(line: str) -> bool:
    """Whether `line` is a section's key (`claims:`) at the margin."""
    key = re.match(_KEY, line)
    return key is not None and indent_of(line) == 0 and key[1].strip() in spec.SECTIONS


def _usual_id_indent(lines: list[str]) -> int | None:
    """How far the file indents the first id of its sections, most often."""
    firsts = Counter(
        indent_of(lines[after])
        for i, line in enumerate(lines)
        if _is_section(line) and (after := _line_below(lines, i)) is not None
    )
    return firsts.most_common(1)[0][0] if firsts else None


def _line_below(lines: list[str], row: int) -> int | None:
    """The nearest line after `row` that is neither blank nor a comment."""
    return next(
        (i for i in range(row + 1, len(lines)) if lines[i].strip()[:1] not in ("", "#")), None
    )


class _Elsewhere(str):
    """A hint that moves another line than the one YAML stopped at (line `row`, from 0),
    where its error is said: where an editor or a pull request marks it, it is fixed."""

    row: int

    def __new__(cls, hint: str, row: int) -> _Elsewhere:
        made = super().__new__(cls, hint)
        made.row = row
        return made


def node_written(key: str, text: str, relation: str, target: str) -> str:
    """A node as a hint writes it, in braces: `o1: {text: ..., attacks: c1}`."""
    words = as_written(text.strip(), in_brackets=True) if text.strip() else "..."
    return f"{key}: {{text: {words}, {relation}: {target or '...'}}}"


def _more_ids(lines: list[str], above: int, row: int) -> str:
    """The hint for items of a list (`- c2`) below a field of ids with its value on its
    key's line (`attacks: c1`): all of them in the field, in brackets. (Told to write the
    items alone in it, `attacks: [c2]`, a writer lost `c1`.)"""
    field = re.fullmatch(
        r"([\w-]+):[ \t]+(\[[^\[\]]*\]|[^\s\[\]{},]+)", without_comment(lines[above])
    )
    if field is None or spec.FIELD_TYPES.get(field[1]) not in ("refs", "tags"):
        return ""
    below, last = _items_from(lines, row, indent_of(lines[row]), words=field[1] == "tags")
    if not below:
        return ""
    written = [i.strip() for i in field[2].strip("[]").split(",") if i.strip()]
    return (
        f"line {row + 1} is a list's item (`- `) below `{field[1]}: {field[2]}`, which has a "
        f"value already: write them all in it, `{field[1]}: [{', '.join(written + below)}]`, "
        f"and delete the items, lines {row + 1} to {last + 1}"
    )


def _item_among_ids(lines: list[str], row: int) -> str:
    """The hint for a list's item (`- c2: {...}`) among the ids of a section (`claims:`,
    then `c1:` and its fields), as a list of nodes is written elsewhere: the id without its
    `- `. "" if the keys it is among are no section's ids."""
    here = indent_of(lines[row])
    # (The key it is among: the line above as far left, past the fields of the id above.)
    sibling = next(
        (
            i
            for i in range(row - 1, -1, -1)
            if without_comment(lines[i]) and indent_of(lines[i]) <= here
        ),
        None,
    )
    if sibling is None or indent_of(lines[sibling]) != here:
        return ""
    key = re.match(_KEY + ":", lines[sibling])
    head = _head(lines, sibling, here)
    section = re.match(_KEY + ":", lines[head]) if head is not None else None
    item = _ITEM_LINE.fullmatch(lines[row].rstrip())
    if key is None or section is None or item is None or section[1].strip() not in spec.SECTIONS:
        return ""
    if not re.match(r"[\w.-]+:(?:\s|$)", item[1]):  # (`- c2` alone: an id, or a tag?)
        return ""
    return (
        f"line {row + 1} is a list's item (`- `) among the ids of `{section[1].strip()}:`: "
        f"write `{without_comment(item[1])}` without the `- `, like `{key[1].strip()}:` on "
        f"line {sibling + 1}"
    )


def _item_among_fields_hint(line: str, row: int, owner: str) -> str:
    """What to do about a list's item among the fields of the mapping `owner` (a node's
    `text:`, then `- o1`), as an outline or Argdown writes what argues about a claim under
    it."""
    item = _ITEM_LINE.fullmatch(line.rstrip())
    said = f"line {row + 1} is a list's item (`- `) among the fields of a mapping, each a key"
    named = re.fullmatch(r"([A-Za-z0-9_.-]+)(?::\s*(.*))?", item[1].strip()) if item else None
    if named is None:
        return f"{said}: write it as a field's value, indented under its key"
    if named[2] is not None:  # `- o1: text`: a node of its own
        words = _as_read(without_comment(named[2]).strip())
        node = node_written(named[1], words, "attacks", owner)
        return (
            f"{said}: a node is written apart, under its section (`objections:`, say), "
            f"and names the node it argues about: `{node}`"
        )
    return (
        f"{said}: to name the nodes this one argues about, write them in its field, "
        f"`supports: [{named[1]}]` or `attacks: [{named[1]}]`; a node that argues about "
        "this one names it in its own"
    )


def _value_and_keys(lines: list[str], above: int, row: int) -> str:
    """The hint for keys indented under a key with its value on its line, from line `row`
    (`claims: x`, then `  c1: {...}`; `c: {text: c}`, then `    by: a`): a key has one or
    the other. "" if the key on line `above` has no such value."""
    found = re.fullmatch(_KEY + r":[ \t]+(\S.*)", without_comment(lines[above]).rstrip())
    under = re.match(_KEY + ":", lines[row])
    if found is None or under is None or found[2][:1] in ("|", ">", "&", "!", "*"):
        return ""  # (a block, an anchor, a tag or an alias: their own hints)
    key, value, here = found[1].strip(), found[2].strip(), indent_of(lines[row])
    if key not in spec.SECTIONS and under[1].strip() not in _KNOWN_KEYS:
        return ""  # (neither a section's ids nor a node's fields: `d: {...}`, an id out of line)
    said = f"`{key}:` on line {above + 1} has a value, `{clipped(value, GLUED_SHOWN)}`, "
    said += f"and keys indented under it, from line {row + 1}"
    if value.startswith("{") and value.endswith("}"):  # (fields in braces, and more below)
        more: list[str] = []
        for at in range(row, len(lines)):
            written = without_comment(lines[at]).strip()
            if written and indent_of(lines[at]) < here:
                break
            field = re.fullmatch(r"([\w.-]+):[ \t]+([^\s,{}\[\]:#&*!|>'\"][^,{}\[\]:#]*)", written)
            if written and (field is None or indent_of(lines[at]) > here):
                more = []  # (not fields of one line each: no list of them to write)
                break
            more += [f"{field[1]}: {field[2].strip()}"] if field else []
        fields = f", `{key}: {{{value[1:-1].strip()}, {', '.join(more)}}}`" if more else ""
        return f"{said}: write them all in its braces{fields}, or all below it"
    return (
        f"{said}: a key has one or the other; delete `{clipped(value, GLUED_SHOWN)}` if they "
        f"are its entries, or indent them like `{key}:`"
    )


def _indentation_hint(lines: list[str], row: int, column: int) -> str:
    """Why YAML found no key where a mapping's next key should be, at the start of a line:
    keys of one mapping indented unlike each other. libyaml stops at the second of two
    keys that differ, which is not always the one out of place: the keys before and after
    the two say which one is."""
    line = lines[row] if row < len(lines) else ""
    stray = re.match(r"\s*([^\s\w\"'#-])\s+[\w\"']", line)
    if stray is not None and column == stray.start(1):  # `,   note: n`: no indentation
        said = f"line {row + 1} starts with `{stray[1]}`, which is no part of a key"
        return f"{said}: replace it with a space"
    above = _line_above(lines, row)
    if above is not None and (owner := _text_owner(lines, above)) is not None:
        above = owner  # (the key whose text it is)
    if above is not None and column == indent_of(line) and _ITEM_LINE.match(line):
        # An item of a list out further left than the one above it, which YAML reads as
        # the list's end, and the `-` as where a key should be.
        here, there = indent_of(line), indent_of(lines[above])
        if here == there and (more := _more_ids(lines, above, row)):
            return more
        if among := _item_among_ids(lines, row):
            return among
        if here == there and _KEY_LINE.match(lines[above]):
            if argdown := _argdown_line_hint(lines, row):  # (`- The robot reply fails`)
                return argdown
            owner = next((i for i in range(above, -1, -1) if indent_of(lines[i]) < here), None)
            owning = re.match(_KEY + ":", lines[owner]) if owner is not None else None
            return _item_among_fields_hint(line, row, owning[1].strip() if owning else "")
        if _ITEM_LINE.match(lines[above]) and there > here:
            return (
                f"line {row + 1} is indented by {counted(here, 'space')}, and the list's item "
                f"above it by {there}: the items of one list are indented alike; indent it by "
                f"{counted(there, 'space')}, like line {above + 1}"
            )
    if above is None or column != indent_of(line) or not _KEY_LINE.match(line):
        return _FIX
    here, there = indent_of(line), indent_of(lines[above])
    if here == there or not _KEY_LINE.match(lines[above]):
        return _FIX  # a list, or the text of a value: not a matter of keys
    if here > there and (valued := _value_and_keys(lines, above, row)):
        return _Elsewhere(valued, above)  # (told to line them up, the key went back and forth)
    before = _line_above(lines, above)
    after = next((i for i in range(row + 1, len(lines)) if _KEY_LINE.match(lines[i])), None)
    fields_under = (
        after is not None and indent_of(lines[after]) == there and _HEAD_LINE.fullmatch(line)
    )
    named = re.match(_KEY + ":", line)
    field = named[1].strip() if named else ""
    below = _line_below(lines, row)
    listed = below is not None and _ITEM_LINE.match(lines[below]) is not None
    if there > here and fields_under and listed and field in spec.FIELD_TYPES:
        # (`by:` a space short of the fields around it, its list below: a field of theirs,
        # not an id with fields under it, which a key between two depths was taken for)
        sibling = re.match(_KEY, lines[above])
        return (
            f"line {row + 1}, `{field}:`, is indented by {counted(here, 'space')}, and the "
            f"field above it by {there}: a node's fields are indented alike; indent it by "
            f"{counted(there, 'space')}, like `{sibling[1].strip() if sibling else ''}:`"
        )
    if there > here and (fields_under or _NODE_IN_BRACES.fullmatch(line)):
        # A key with fields under it, or in braces after it, between the key of the mapping
        # above and that key's fields: it goes with the key (an id among ids). Told to line
        # up with the fields above, as the keys before and after it are, it became a field
        # itself.
        outer = next(
            (
                i
                for i in range(above - 1, -1, -1)
                if _KEY_LINE.match(lines[i]) and indent_of(lines[i]) < here
            ),
            None,
        )
        if outer is not None and (found := re.match(_KEY, lines[outer])):
            key, depth = f"`{found[1].strip()}:`", indent_of(lines[outer])
            if why := _out_of_line(lines, outer, here):
                return _Elsewhere(
                    f"line {outer + 1}, {key}, is indented by {counted(depth, 'space')}, {why}: "
                    f"indent it by {counted(here, 'space')}",
                    outer,
                )
            named = re.match(_KEY, line)
            if named is not None and named[1].strip() in _TOP_KEYS:
                return f"`{named[1].strip()}:` is a section of the map: indent it by 0 spaces"
            section = outer if _is_section(lines[outer]) else _line_above(lines, outer)
            if section is not None and _is_section(lines[section]):
                # Two ids of one section unlike: the one indented as the other sections'
                # ids are is right.
                first = next(i for i in range(section + 1, row) if _KEY_LINE.match(lines[i]))
                at, usual = indent_of(lines[first]), _usual_id_indent(lines)
                head = re.match(_KEY, lines[section])
                name = head[1].strip() if head else ""
                field = re.match(_KEY + r":(?:\s|$)", lines[first])
                fields = {f.name for f in spec.SECTIONS[name][1]} if name in spec.SECTIONS else ()
                if field and field[1].strip() in fields:
                    # (A field, with its value, first under `reasons:`: the section's ids
                    # are right, and indented alike, it is not.)
                    a, kind = ("an", "entry") if name in ("actors", "sources") else ("a", "node")
                    fix = commented_key(lines, first, section) or (
                        f"move it under the id of the {kind} it belongs to, or write an id "
                        f"above it (`my-{name.removesuffix('s')}:`)"
                    )
                    return _Elsewhere(
                        f"line {first + 1}, `{field[1].strip()}:`, is a field of {a} {kind}, "
                        f"written right below `{name}:`, where its ids go: {fix}",
                        first,
                    )
                fix = (
                    f"; indent it by {counted(at, 'space')}, like line {first + 1}"
                    if at == usual
                    else f"; indent line {first + 1} by {counted(here, 'space')}"
                    if here == usual
                    else ""
                )
                return _Elsewhere(
                    f"line {row + 1} is indented by {counted(here, 'space')}, and the first key of "
                    f"`{name}:` (line {first + 1}) by {at}: the "
                    f"keys of one mapping are indented alike{fix}",
                    first if at != usual and here == usual else row,
                )
            return (
                f"line {row + 1} is indented by {counted(here, 'space')}, deeper than {key} "
                f"(line {outer + 1}, {counted(depth, 'space')}) and less than its fields "
                f"({there}): indent it by {counted(depth, 'space')}, like {key}"
            )
    # How far to move the line out of place, said only of a key with its value on its line:
    # a key with fields under it may be right where it is, and its fields and the rest wrong.
    around = {indent_of(lines[i]) for i in (before, after) if i is not None}
    if here in around:
        said = (
            f"line {above + 1} is indented by {counted(there, 'space')}, "
            f"and the key after it by {here}"
        )
        fix = f"; indent line {above + 1} by {counted(here, 'space')}" * (
            not _HEAD_LINE.fullmatch(lines[above])
        )
        if fix:
            return _Elsewhere(f"{said}: the keys of one mapping are indented alike{fix}", above)
    elif there in around:
        said = (
            f"line {row + 1} is indented by {counted(here, 'space')}, "
            f"and the key before it by {there}"
        )
        # (Deeper than the keys around it, the line may be right and they wrong.)
        fix = f"; indent it by {counted(there, 'space')}" * (
            there > here and not _HEAD_LINE.fullmatch(line)
        )
    else:
        said = f"lines {above + 1} and {row + 1} are indented by {there} and {here} spaces"
        # Both deeper than the line before them, their mapping's key, and each with its
        # value on its line (so that nothing goes under it), not a line of a text: the one
        # of the two indented 2 spaces past that key is right, else the one above.
        outside = indent_of(lines[before]) if before is not None else -1
        keys = (
            outside < min(here, there)
            and not any(_HEAD_LINE.fullmatch(lines[i]) for i in (above, row))
            and (before is None or _text_owner(lines, before) is None)
        )
        if keys and here == outside + 2:
            return _Elsewhere(
                f"{said}: the keys of one mapping are indented alike; indent line {above + 1} "
                f"by {counted(here, 'space')}",
                above,
            )
        fix = f"; indent it by {counted(there, 'space')}" * keys
    return f"{said}: the keys of one mapping are indented alike{fix}"


# Every key of the map format (a look-alike colon after one is a key mistyped).
_KNOWN_KEYS = frozenset(spec.FIELD_TYPES) | frozenset(spec.SECTIONS)


def glued_key(
    written: str, keys: Collection[str] = _KNOWN_KEYS
) -> tuple[tuple[str, str], int] | None:
    """What is wrong and what to write when `written` is one of `keys` and its value with
    no space after the colon (`by:traders`), which YAML reads as one word; and how far into
    `written` the space goes."""
    glued = re.fullmatch(r"([^\s:]+):([^ \t].*)", written, re.DOTALL)
    if glued is None or glued[1] not in keys:
        return None
    # (A page pasted after `text:` was said twice whole.)
    word, value = glued[1], clipped(glued[2], GLUED_SHOWN)
    after = value[1:].lstrip() if value[0].isspace() else value
    # Text is quoted where YAML would read it otherwise (`text:[Draft]`, `text:A: b`);
    # anything else is written as it is (`tags:[x]`, a list; `weight:0.5`, a number), as
    # is a text in quotes already.
    shown = _glued_value(after, spec.FIELD_TYPES.get(word, "text") == "text")
    if value[0].isspace():  # a no-break space (pasted from a word processor), which YAML's is not
        said = (
            f"`{word}:` is followed by {describe(value[0])}, which YAML does not read as "
            f"a space, so it reads the line as text, not `{word}:`"
        )
        return (said, f"write an ordinary space: `{word}: {shown}`"), len(word) + 1
    if value[:1] == "#" and spec.FIELD_TYPES.get(word) != "text":  # (`claims:#main`: a comment)
        return _glued_comment(f"{word}:{value}", word), len(word) + 1
    if stray := re.match(r"[,;.]+\s+(?=\S)", after):  # (`text:,` and its text on the next line)
        mark = stray[0].strip()
        said = f"`{word}:{mark}` has `{mark}` right after its colon, so YAML reads it as text"
        rest = _glued_value(after[stray.end() :], spec.FIELD_TYPES.get(word, "text") == "text")
        return (said, f"delete it: write `{word}: {rest}`"), len(word) + 1
    said = f"`{word}:{value}` has no space after its `:`, so YAML reads it as text, not `{word}:`"
    fix = f"write `{word}: {shown}`: a `:` ends a key only when a space follows it"
    return (said, fix), len(word) + 1


def _glued_comment(written: str, key: str) -> tuple[str, str]:
    """What is wrong and what to write for a key glued to a comment (`claims:#main`),
    which YAML reads as one text: a space between them."""
    comment = written.partition(":")[2]
    return (
        f"`{clipped(written, GLUED_SHOWN)}` has no space after its `:`, so YAML reads it as "
        f"text, not `{key}:`",
        f"write `{key}: {clipped(comment, GLUED_SHOWN)}`: after a space, `#` starts a comment",
    )


def _glued_value(value: str, text: bool) -> str:
    """A value that was glued to its key, as a hint writes it after `key: `: as it is if
    YAML reads it so (a block's header, `|`, with the block below; a quoted text, whole; a
    list or a mapping in brackets, for a field that is not `text`), else as `as_written`
    has it: `quote:"Sales fell" said the CEO` is no quoted text, `by:*a1` no alias."""
    if _BLOCK_INDICATOR.fullmatch(value) or _WHOLLY_QUOTED.fullmatch(value):
        return value
    if value.startswith("*"):  # an alias, as meant (`tags:*t`), or its own error says so
        return value
    if not text and value[:1] in ("[", "{"):
        return value
    return as_written(value, typed=not text)


_BLOCK_INDICATOR = re.compile(r"[|>][-+0-9]*")
QUOTED = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""  # a text in YAML's quotes, either kind
_WHOLLY_QUOTED = re.compile(rf"\s*{QUOTED}\s*")
GLUED_SHOWN = 60  # characters of a long value, or an anchor's name, that a message shows
QUOTED_SHOWN = 1_000  # characters of a field, quoted, that a hint shows to be pasted in


# A key and its value as another language assigns one: `by = doleac` (TOML, INI),
# `by=doleac`, `by -> doleac`, `by := doleac`; or its colon moved to the value, `by :doleac`.
_ASSIGNED = re.compile(r"([^\s=:;<>-]+)(?:\s*(=>|->|:=|=|;)\s*|\s+(:))(\S.*)")


def assigned_key(
    written: str, keys: Collection[str] = _KNOWN_KEYS
) -> tuple[str, tuple[str, str], int, int] | None:
    """The key, what is wrong and what to write when `written` (a line, its indentation and
    comment left out) is one of `keys` given its value as another language assigns one
    (`by = doleac`), and where its mark starts and ends; None if it is not."""
    assigned = _ASSIGNED.fullmatch(written)
    if assigned is None or assigned[1] not in keys:
        return None
    key, mark, colon, value = assigned.groups()
    if value[:1] not in ("'", '"', "[", "{") and not _BLOCK_INDICATOR.fullmatch(value):
        value = as_written(value, typed=True)  # (`text; |`: its block below, kept as it is)
    if len(value) > QUOTED_SHOWN:
        value = "..."
    said = f"`{key}` is written with `{mark}` in place of its `:`"
    if colon:  # (read as one text with the line below: a key's colon needs a space after it)
        said = f"`{key}` is written with a space before its `:` and none after it"
    group = 2 if mark else 3
    return key, (said, f"write `{key}: {value}`"), assigned.start(group), assigned.end(group)


def _missing_colon(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """What is wrong and what to write when line `row` is a key without its colon, and the
    line and column where the colon goes: a field's or a section's name and its value
    (`title My map`), or an id by itself, its fields indented below it (`spaces`). Or a
    field's name and value without a space between (`by:traders`), which YAML reads as
    one word: what to write, and where the space goes."""
    written = without_comment(lines[row])
    at = indent_of(lines[row]) + 2 * written.startswith("- ")  # where the key starts
    if written.lstrip().startswith("- ") and _of_ids(lines, row):
        return None  # (`supports:`, then `- a` and a field below it: an id, no key)
    written = written.removeprefix("- ")
    below = _line_below(lines, row)
    alone = below is not None and indent_of(lines[below]) > indent_of(lines[row])
    semi = re.fullmatch(r"([^\s:#,;.]+);", written.strip())  # (`sources;`, its ids below)
    if semi and alone and (semi[1] in _KNOWN_KEYS or spec.ID_RE.match(semi[1])):
        return (
            (f"`{semi[1]}` is written with `;` in place of its `:`", f"write `{semi[1]}:`"),
            row + 1,
            at + len(semi[1]) + 1,
        )
    if (glued := glued_key(written)) is not None:
        return glued[0], row + 1, at + glued[1] + 1
    if (assigned := assigned_key(written)) is not None:
        return assigned[1], row + 1, at + assigned[2] + 1
    word, _, value = written.partition(" ")
    value = value.strip()
    # (The last line, a word left of the line above: the map's last id, its fields to come.)
    above = _line_above(lines, row)
    last = below is None and above is not None and indent_of(lines[row]) < indent_of(lines[above])
    # (A colon in the value, `url https://...`, ends no key: one needs a space after it.)
    if re.search(r":(?:\s|$)", written) or not (
        word in _KNOWN_KEYS or ((alone or last) and not value and _id_like(word))
    ):
        return None
    fixed = f"{word}: {value}" if value else f"{word}:"
    return (f"`{word}` is written without its `:`", f"write `{fixed}`"), row + 1, at + len(word) + 1


def _id_like(word: str) -> bool:
    """Whether a word alone on its line may be an id written without its colon: not one
    that ends a sentence (`weekends.`, the last word of a text wrapped to the margin)."""
    return bool(spec.ID_RE.fullmatch(word)) and word[-1:] not in (".", ",")


def _of_ids(lines: list[str], row: int) -> bool:
    """Whether line `row` is an item of a list of ids or tags (`supports:` above it)."""
    head = _head(lines, row, indent_of(lines[row]))
    key = re.match(_KEY + ":", lines[head]) if head is not None else None
    return key is not None and spec.FIELD_TYPES.get(key[1].strip()) in ("refs", "tags")


def _colon_left_out(
    lines: list[str], row: int, column: int
) -> tuple[tuple[str, str], int, int] | None:
    """For a key on line `row` (its colon at `column`) that YAML reads as more of the text
    above it, when the text's first line is a key written without its colon (or its
    space): what to say, and the line and column where the colon goes."""
    above = _line_above(lines, row) if row < len(lines) else None
    if above is None or not re.fullmatch(r"\s*(?:- )?[\w.-]+", lines[row][:column]):
        return None
    while above is not None and indent_of(lines[above]) > indent_of(lines[row]):  # (its text)
        above = _line_above(lines, above)
    return None if above is None else _missing_colon(lines, above)


def _quote_hint(lines: list[str], above: int, row: int) -> str:
    """The hint for a ": " on line `row` inside a text written over the lines before it,
    from its key's line on (`text:` and two lines of prose): quote the whole text."""
    key = _text_key(lines, above)
    quoted = _quoted_field(lines, key) if key is not None else None
    if key is None or quoted is None:
        return 'a ": " inside a value starts a mapping; put the value in quotes'
    name = quoted[0].partition(":")[0]
    return (
        f'a ": " inside the text of `{name}:` (line {key + 1}) starts a mapping; put the '
        f"whole text in quotes: `{quoted[0]}`"
    )


def _text_key(lines: list[str], row: int) -> int | None:
    """The line of the key whose text goes on over line `row`: the nearest key line."""
    key: int | None = row
    while key is not None and not _KEY_LINE.match(lines[key]):
        key = _line_above(lines, key)
    return key


# A field in a {...} mapping, up to its value: after the `{` or a `,`, its key and `: `.
_FLOW_FIELD = re.compile(r"[{,]\s*([^\s:#{}\[\],][^:#{}\[\],]*?):\s+")
# Where that value ends: at the next of the node's fields, or the mapping's end (and the
# brackets around it that close there: `claims: {c: {text: a: b}}`).
_FLOW_VALUE_END = re.compile(
    rf",\s*(?:{'|'.join(map(re.escape, sorted(_KNOWN_KEYS)))}):\s|\}}[\s}}\]]*(?:#.*)?$"
)


_OPENER = {"}": "{", "]": "["}

# A value that a bracket closes, then a key: the next entry, its comma left out.
_ENTRY_AFTER = re.compile(r"[^,]*?[}\]]\s*([^\s:,{}\[\]]+):\s")


def _flow_value_hint(line: str, column: int) -> str:
    """A value in a {...} mapping that goes on past what YAML reads as its end, at `column`
    (`{text: Cost: $9 a day, by: a}`, `{text: [draft] Tolls work.}`): quote it."""
    field = max(_FLOW_FIELD.finditer(line, 0, column), key=lambda m: m.start(), default=None)
    end = _FLOW_VALUE_END.search(line, column)
    if field is None or end is None:
        return ""
    stop = end.start()
    # (A bracket that closes one the value opened is the value's: `{text: Sets: {1}}`.)
    value = line[field.end() : stop]
    unclosed = {c: value.count(_OPENER[c]) - value.count(c) for c in _OPENER}
    while line[stop : stop + 1] in _OPENER and unclosed[line[stop]] > 0:
        unclosed[line[stop]] -= 1
        stop += 1
    written = line[field.end() : stop].strip()
    # `{a: {text: A} b: {text: B}}`: a closing brace, then the next entry, its comma left
    # out (the value quoted whole would take both).
    if entry := _ENTRY_AFTER.match(line, field.end(), end.start() + 1):
        at = entry.start(1)
        before = line[:at].rstrip()
        return (
            f"the entry before `{entry[1]}` ends at its `{before[-1]}`, with no comma after it: "
            f"write `{before.strip()}, {line[at:].strip()}`"
        )
    hint = (
        f'`{field[1]}:` goes on past where YAML ends its value (at a ": ", a bracket or a quote '
        f"inside it); quote the whole value: `{field[1]}: {double_quoted(written)}`"
    )
    # `{name: Ann role: Chair}`: a field after it, its comma left out (quoted, the role
    # was part of the name, and the map passed).
    other = _NEXT_KEY.search(written)
    shown = len(written) <= QUOTED_SHOWN  # (a value of a megabyte: said once, not twice)
    if other is not None and other.start() > 0 and other[1] != field[1] and shown:
        before, after = written[: other.start()].rstrip(), written[other.end() :].strip()
        hint += (
            f"; or, if `{other[1]}` is a field of its own, put a comma before it: "
            f"`{field[1]}: {before}, {other[1]}: {after}`"
        )
    return hint


# A known field's key inside a value, after a space (`Ann role: Chair`).
_NEXT_KEY = re.compile(rf"\s({'|'.join(map(re.escape, sorted(_KNOWN_KEYS)))}):\s")


GLUED_ITEM = re.compile(r"-([^\s-].*)")  # `-c1`: a list's item without its space


def _item_without_space(lines: list[str], row: int) -> str:
    """The hint for a list's items written without the space after their `-` (`-c1`),
    which YAML reads as text, on over the lines below: line `row` is the first."""
    item = GLUED_ITEM.fullmatch(lines[row].strip()) if row < len(lines) else None
    above = _line_above(lines, row)
    # (After a key with its value on the lines below, or an item: not `-3 degrees.`, a
    # text's line that starts with a minus.)
    after = above is not None and (
        without_comment(lines[above]).endswith(":") or lines[above].lstrip().startswith("-")
    )
    if item is None or not after:
        return ""
    return f"a list's item needs a space after its `-`: write `- {item[1]}`"


def _continued_hint(lines: list[str], above: int) -> str:
    """Text that goes on to the next line (`above`) indented like the keys (`text: A long`
    and `sentence.` below it), which YAML reads as a key without its colon."""
    written = lines[above].strip() if above < len(lines) else ""
    if not written or ":" in written or written[0] == "#" or re.match(r"-(?:\s|$)", written):
        return ""  # (a list's item; `-3 degrees` goes on with a text)
    key = _line_above(lines, above)
    while key is not None and not _KEY_LINE.match(lines[key]):  # (more lines of the text)
        key = _line_above(lines, key)
    field = re.match(_KEY + r":\s+([^\s\"'\[{|>&*!#].*)", lines[key]) if key is not None else None
    if key is None or indent_of(lines[key]) < indent_of(lines[above]):
        return ""
    level = indent_of(lines[key]) == indent_of(lines[above])
    empty = _EMPTY_KEY.fullmatch(lines[key])
    alone = not level and _id_like(written)  # (an id without its colon, likely)
    if field is None and empty is not None and empty[1].strip() in spec.FIELD_TYPES and not alone:
        # (`title:`, and its text on the line below, not indented under it)
        name = empty[1].strip()
        return (
            f"this line holds the text of `{name}:` on line {key + 1}, but starts "
            f"{'where the key does' if level else 'left of it'}, so YAML reads it as a key: "
            f"indent it further than `{name}:`, or write it after `{name}: ` on its line"
        )
    if field is None or alone:
        return ""
    name = field[1].strip()
    return (
        f"this line goes on with the text of `{name}:` on line {key + 1}, but starts "
        f"{'where the keys do' if level else 'left of it'}, so YAML reads it as a key: "
        f"indent it further than `{name}:`, or put the whole text in quotes"
    )


# A key whose value is a `|` or `>` block (with its chomping and indentation indicators).
_BLOCK_KEY = re.compile(_KEY + r":[ \t]+([|>])[-+1-9]*[ \t]*(?:#.*)?$")


def block_left_empty(lines: list[str], row: int) -> tuple[int, str, str] | None:
    """The line, key and indicator (`|` or `>`) of the block that line `row` (0-based)
    was written as the text of, if YAML reads that block as empty and `row` as a key of
    its own: a line under the block's key, indented no further than the key (where a
    block's lines must be indented further), with only more such text between them."""
    if _is_field(lines[row]):  # (`text: |` then `by: x`: a text left out, perhaps)
        return None
    above = _line_above(lines, row)
    while above is not None and indent_of(lines[above]) == indent_of(lines[row]):
        if _BLOCK_KEY.match(lines[above]) or _is_field(lines[above]):
            break  # (the block's key, or a field of the map's: not text)
        above = _line_above(lines, above)
    field = _BLOCK_KEY.match(lines[above]) if above is not None else None
    if above is None or field is None or indent_of(lines[row]) > field.start(1):
        return None
    return above, field[1].strip(), field[2]


def block_under(lines: list[str], row: int) -> tuple[str, str] | None:
    """The key and indicator of a block on line `row` (0-based) that YAML read as empty,
    the text under it being indented no further than its key (`block_left_empty`)."""
    below = _line_below(lines, row)
    block = block_left_empty(lines, below) if below is not None else None
    return block[1:] if block is not None and block[0] == row else None


def _is_field(line: str) -> bool:
    """Whether `line` starts with the key of one of the format's fields or sections."""
    return line.lstrip(" ").removeprefix("- ").partition(":")[0].strip() in _KNOWN_KEYS


def _empty_block(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """A syntax error in text written under `key: |` no further indented than `key`
    (YAML reads such a line as a key, often a malformed one): what is wrong, what to
    do, and where the text starts."""
    if row >= len(lines) or (block := block_left_empty(lines, row)) is None:
        return None
    key_row, key, indicator = block
    row = _line_below(lines, key_row) or row  # the text's first line
    return (
        (
            f"this line is indented no further than `{key}:` on line {key_row + 1}, so YAML "
            f"reads it as a key rather than as the text of its `{indicator}` block, which it "
            "leaves empty",
            f"indent the text's lines further than `{key}:` (2 more spaces, say)",
        ),
        row + 1,
        indent_of(lines[row]) + 1,
    )


def _escape_hint(line: str, column: int) -> str:
    """What to write instead of a `\\u` or `\\U` escape that names no character, at `column`
    (0-based) of `line`. JSON and JavaScript write a character past U+FFFF as two UTF-16
    halves (`\\uD83D\\uDE00`); YAML escapes name code points, so it needs the pair's one."""
    pair = _SURROGATE_PAIR.match(line, column)
    if pair is None:
        return (
            "a `\\u` or `\\U` escape must name a Unicode character, which a surrogate "
            "(D800 to DFFF) or a number past 10FFFF is not; write the character itself, or "
            "`\\U` and its eight hex digits"
        )
    code = 0x10000 + (int(pair[1], 16) - 0xD800) * 0x400 + (int(pair[2], 16) - 0xDC00)
    shown = f" ({chr(code)})" if chr(code).isprintable() else ""
    return (
        f"`{pair[0]}` is a UTF-16 surrogate pair, which YAML does not join into one "
        f"character: write the character itself{shown} or `\\U{code:08X}`"
    )


# A field whose value is in double quotes, and nothing after them but a comment.
_DOUBLE_QUOTED = re.compile(r'(\s*(?:- )?[^\s:#"][^:#"]*:\s+)"((?:[^"\\]|\\.)*)"\s*(?:#.*)?')


def _backslash_hint(line: str, column: int) -> str:
    """What to write for a backslash in double quotes before `x`, `u` or `U` and no hex
    digits (`"C:\\Users\\ana"`, a Windows path): YAML reads it as the start of an escape,
    a character by its number. In single quotes a backslash is itself."""
    start = line.rfind("\\", 0, column)
    escape = line[start : start + 2] if start != -1 else "\\U"
    said = (
        f"`{escape}` starts an escape in double quotes (a character by its hex number); for a "
        "backslash, write `\\\\`, or quote the text with single quotes, in which `\\` is itself"
    )
    field = _DOUBLE_QUOTED.fullmatch(line)
    if field is None or '\\"' in field[2]:
        return said
    single = field[2].replace("'", "''")
    return f"{said}: `{field[1].strip()} '{single}'`"


_BOM = "\ufeff"


def _syntax_hint(problem: str, text: str, lines: list[str], mark: Any) -> str:
    """What to do about a YAML syntax error at `mark` (`lines`: the text's)."""
    if mark is None:
        return _FIX
    # A file pasted into another with its byte-order mark: YAML reads the mark as text.
    near = (mark.line, _line_above(lines, min(mark.line, len(lines))))  # (not one far above)
    marked = (i for i in near if i is not None and i < len(lines) and lines[i].lstrip()[:1] == _BOM)
    if (row := next(marked, None)) is not None:
        return _Elsewhere(
            f"line {row + 1} starts with a byte-order mark (U+FEFF), which an editor writes "
            "at the start of a file, and YAML reads as text inside one; delete it",
            row,
        )
    line = lines[mark.line] if mark.line < len(lines) else ""  # (past the end: at its end)
    if line.lstrip().startswith(("```", "~~~")):  # (a map copied out of a Markdown file)
        marks = "backticks" if line.lstrip()[0] == "`" else "tildes"
        return (
            f"line {mark.line + 1} is a Markdown code fence (three {marks}), no YAML: delete "
            "it, and the fence at the map's other end"
        )
    if problem.startswith(_BAD_ESCAPE):
        return _escape_hint(line, mark.column - 2)
    if problem.startswith("did not find expected hexdecimal number"):
        return _backslash_hint(line, mark.column)
    if problem.startswith("mapping values are not allowed"):
        return _mapping_values_hint(lines, mark.line, mark.column)
    # A key past YAML's length, say.
    if problem.startswith("could not find expected ':'") and (
        long := _long_key(line[: mark.column].partition(":")[0])
        or _link_alone(lines, _line_above(lines, mark.line))
    ):
        return long
    if problem.startswith("block sequence entries are not allowed"):
        return _dash_hint(lines, mark.line, mark.column)
    if (
        problem.startswith("did not find expected node content")
        and re.match(r"-(?:\s|$)", line[mark.column :])
        and _innermost_bracket(text, mark.index) == "["
    ):  # (`attacks: [`, then `- c` below it: both ways of writing a list at once)
        return (
            "inside [...] a list's items are apart by commas, with no `-`: `[c1, c2]`; or "
            "write each item on a line of its own after `- `, with no brackets"
        )
    if problem.startswith(_NO_KEY) and (left := _punctuation_line_hint(lines, mark)):
        return left
    if problem.startswith("did not find expected '-' indicator") and (
        among := _key_among_items_hint(lines, mark.line, mark.column)
    ):
        return among
    if "while scanning a block scalar" in problem and (quoted := _quotation_hint(lines, mark.line)):
        return _Elsewhere(quoted, mark.line)  # (at its `>`, not the words after it)
    starts = (mark.column - 1, len(line) - len(line.lstrip(" -")))  # (where YAML stopped)
    bold = next(filter(None, (_BOLD.match(line, at) for at in starts)), None)
    if bold and "alias" in problem:  # (Markdown's `**text**:`)
        word, key = bold[2], bool(bold[3] or bold[4])
        fix = "delete the asterisks"
        if spec.ID_RE.fullmatch(word) or word in _KNOWN_KEYS:
            fix = f"write the {'key' if key else 'item'} without them, `{word}{':' * key}`"
        said = (
            f"`{bold[0].rstrip(': ')}` is {'bold' if len(bold[1]) == 2 else 'italic'} in "
            f"Markdown, and `*` starts an alias in YAML: {fix}"
        )
        # (Said where it starts: at the line's start, as a key or an item, or in braces.)
        return _Elsewhere(said, mark.line) if bold.start() == starts[1] else said
    if re.match(r"\s*\* +\S", line) and "alias" in problem:  # (a Markdown list's `* c1`)
        item = line.lstrip()[1:].strip()
        return f"a list's items start with `- `, not `*` (YAML's alias): write `- {item}`"
    closed, after = text[mark.index - 1 : mark.index], text[mark.index : mark.index + 1]
    if closed == " " and after.strip(" ]}#\r\n"):  # (words after a quoted value, perhaps)
        end = len(text[: mark.index].rstrip(" "))
        column = mark.column + end - mark.index
        if left := _left_over_hint(line, column) or _item_left_over_hint(lines, mark.line, column):
            return left
    if mark.index and closed in ("'", '"') and after == ":":  # a quoted key in braces, as JSON's
        opened = text.rfind(closed, 0, mark.index - 1)
        while opened > 0 and text[opened - 1] == "\\" and closed == '"':  # (an escaped one)
            opened = text.rfind(closed, 0, opened - 1)
        if long := _long_key(text[opened : mark.index]) if opened != -1 else "":
            return long
    if mark.index and closed in ("'", '"'):
        # A bracket or a comma right after a field's closing quote (`text: "x"]; y`) is
        # left over as words are; in brackets (`tags: ["a"]`) it is YAML's own.
        if after in (",", ";", "]", "}") and (left := _left_over_hint(line, mark.column)):
            return left
        if after.strip(" ,]}#\r\n"):
            # More text right after a closing quote: the quote was meant to be inside it.
            return (
                f"the quoted text ends at the {closed} just before this point; to put a "
                f"{closed} inside it, {_inside(closed)}, or quote the text with the other kind "
                "of quote"
            )
    if problem.startswith("did not find expected key"):
        bracket = indicator_hint(lines, mark.line, mark.column, brackets=True)
        block = block_hint(lines, mark.line, mark.column)
        hashtag = _hashtag_line_hint(lines, mark.line)
        return bracket or block or hashtag or _indentation_hint(lines, mark.line, mark.column)
    if problem.startswith("did not find expected node content") and after == ",":
        before = text[: mark.index].rstrip()[-1:]  # (`[a,, b]`, `[, a]`: nothing between)
        if before == ",":
            return "two commas in a row, with no item between them: delete one"
        if before in ("[", "{"):
            return f"a comma right after `{before}`, before any item: delete it"
    hint = indicator_hint(lines, mark.line, mark.column, brackets=False)
    return hint or _at_sign_hint(line, mark.column) or _FIX


# libyaml's words for no key, or no item, where a block mapping or a list goes on.
_NO_KEY = ("did not find expected key", "did not find expected '-' indicator")
# A line of only closing brackets and commas (`],`), a comment after them at most.
_PUNCTUATION_LINE = re.compile(r" *([\]},][\]}, \t]*?)[ \t]*(?:#.*)?")


def _punctuation_line_hint(lines: list[str], mark: Any) -> str:
    """What to do about a line of only closing brackets and commas, where YAML wants the
    next key or item: left over from a list or a mapping in brackets, written as JSON
    writes them and then rewritten with `- ` items or keys on their lines, or closed on
    its own line already."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    after = re.fullmatch(r"[\]}][ \t]*,[ \t]*(?:#.*)?", line[mark.column - 1 :].rstrip())
    if after and line[mark.column : mark.column + 1] == ",":  # (`},` closing an entry in braces)
        return (
            f"the `,` after `{line[mark.column - 1]}` on line {mark.line + 1} ends no entry: "
            "entries on lines of their own (a mapping's keys, a list's `- ` items) need no "
            "commas between them; delete it"
        )
    found = _PUNCTUATION_LINE.fullmatch(line)
    if found is None or mark.column != indent_of(line):
        return ""
    said = f"line {mark.line + 1} holds only `{found[1]}`"
    if not found[1].strip(", "):
        return (
            f"{said}: the items of a list written with `- `, and the keys of a mapping on "
            "their lines, need no commas between them (commas go between items in "
            "brackets, `[a, b]`); delete it"
        )
    closers = [c for c in "]}" if c in found[1]]
    kind = (
        ("a list in brackets", "`tags: [a, b]`", "one written with `- ` items")
        if closers[0] == "]"
        else ("a mapping in braces", "`c1: {text: A}`", "one with its keys on their lines")
    )
    if len(closers) > 1:
        kind = ("a list or a mapping in brackets", "`tags: [a, b]`", "one written without")
    opens = " or ".join(f"`{_OPENER[c]}`" for c in closers)
    return (
        f"{said}, which {'close' if len(closers) > 1 else 'closes'} no {opens}: {kind[0]} "
        f"closes on the line it opens on ({kind[1]}) or on a later line of its value, and "
        f"{kind[2]} has none; delete it"
    )


# A word in Markdown's bold or italics, as a key (`**text**:`, `**text:**`) or an item.
_BOLD = re.compile(r"(\*{1,2})([^\s*:][^*:]*?)(:?)\1(\s*:)?")
# A line quoted as Markdown and email quote one (`> words`, `>words`, `> > words`), or a
# list's item so (`- > words`); not a block's own `>-` or `>2` with nothing after it.
_QUOTATION_LINE = re.compile(r"( *)(- +)?>(?![-+0-9]*[ \t]*(?:#.*)?$)[ \t>]*(\S.*)")


def _quotation_hint(lines: list[str], row: int) -> str:
    """What to do about a line that starts with `>` and words, as a quotation in Markdown
    or an email: YAML reads `>` as the start of a block of text (`>` and the text on the
    lines below), and stops at the words on its line."""
    found = _QUOTATION_LINE.fullmatch(lines[row]) if row < len(lines) else None
    if found is None:
        return ""
    quoted = [found[3].strip()]
    for line in lines[row + 1 :]:  # (a quotation over several lines, each marked so)
        more = _QUOTATION_LINE.fullmatch(line)
        if more is None or more[1] != found[1] or more[2]:
            break
        quoted.append(more[3].strip())
    words = as_written(" ".join(quoted))
    said = (
        "`>` starts a block of text, whose lines go below it, not after it (it does not "
        "mark a quotation, as in Markdown or an email)"
    )
    if found[2]:  # (`- > words`)
        return f"{said}: write `- {words}`"
    above = _line_above(lines, row)
    key = _EMPTY_KEY.fullmatch(lines[above]) if above is not None else None
    field = key[1].strip() if key else ""
    if (
        above is not None
        and spec.FIELD_TYPES.get(field) == "text"
        and len(found[1]) > indent_of(lines[above])
    ):  # (`quote:`, and `> the words` under it)
        return f"{said}: write `{field}: {words}`"
    said = (
        "a line that starts with `>` (a quotation, as Markdown and email write one) starts "
        "a block of text to YAML"
    )
    if (
        above is not None
        and _ITEM_LINE.match(lines[above])
        and indent_of(lines[above]) == len(found[1])
    ):
        return f"{said}, where the list's next item goes: write `- {words}`"
    depth = len(found[1])
    owner, section = _head(lines, row, depth), _head(lines, row, 1)  # (its node's id, section)
    head = re.match(_KEY + ":", lines[section]) if section is not None else None
    if head is None or head[1].strip() not in _NODE_SECTIONS or owner in (None, section):
        return f"{said}, where a key goes: write its words as a field's text, without the `>`"
    assert owner is not None
    entry = range(owner + 1, row)
    given = next((i for i in entry if re.match(rf" {{{depth}}}quote:", lines[i])), None)
    if given is not None:  # (its words go on from the node's quote)
        return (
            f"{said}, where a key goes: join its words to the node's `quote:` on line "
            f"{given + 1}, without the `>`"
        )
    return (
        f"{said}, where a key goes: put the quoted words in the node's `quote:` field, "
        f"without the `>`: `quote: {words}`"
    )


def _at_sign_hint(line: str, column: int) -> str:
    """A key or an id written with a handle's `@` or a backtick before it (`@hochul:`,
    `{by: @hochul}`), which YAML keeps for itself: the key or id without it."""
    found = re.match(r"[@`]([\w.-]+)(:?)", line[column:], re.ASCII)
    if found is None or not spec.ID_RE.match(found[1]):
        return ""
    sign = line[column]
    if found[2]:  # (`@hochul:`, a key)
        return f"a key does not start with `{sign}`: write `{found[1]}:`"
    field = re.search(r"([\w-]+):\s*(?:\[[^\]]*)?$", line[:column])  # (`by: [a, @b`)
    if field is None or spec.FIELD_TYPES.get(field[1]) not in ("ref", "refs"):
        return ""
    return f"an id does not start with `{sign}`: write `{found[1]}`"


_HASHTAG_LINE = re.compile(r"( +)(#\S+).*")  # a line that starts with a hashtag, indented
_SPACE_HASH = re.compile(r"\s#")  # where a comment starts after text


def _hashtag_line_hint(lines: list[str], row: int) -> str:
    """Why YAML found no key on line `row`, the rest of an unquoted text after lines that
    start with a hashtag (`#4dayweek`), which YAML reads as comments: the text ended
    above them, and this line is read as more of the map."""
    line = lines[row] if row < len(lines) else ""
    above = row - 1
    while above >= 0 and _HASHTAG_LINE.fullmatch(lines[above]):
        above -= 1
    hashtag = _HASHTAG_LINE.fullmatch(lines[row - 1]) if row > 0 else None
    if hashtag is None or indent_of(line) != len(hashtag[1]):
        return ""
    # Only after an unquoted text with no comment of its own: its field's key above it.
    key = next((i for i in range(above, -1, -1) if _KEY_LINE.match(lines[i])), None)
    field = re.match(_KEY + r":\s*(.*)", lines[key]) if key is not None else None
    if key is None or field is None or spec.FIELD_TYPES.get(field[1].strip()) != "text":
        return ""
    if field[2][:1] in ("", '"', "'", "|", ">") or any(
        _SPACE_HASH.search(text) for text in (field[2], *lines[key + 1 : above + 1])
    ):
        return ""
    first = lines[above + 1].strip().split()[0]
    return (
        f"line {above + 2} starts with `{first}`, which YAML reads as a comment: the text "
        f"of `{field[1].strip()}:` ends above it, and line {row + 1} is read as more of the "
        f"map; quote the whole text, from its first line to its last, to keep `{first}` in it"
    )


def _inside(quote: str) -> str:
    """How a quote goes inside a text quoted with it."""
    return "write it twice (`''`)" if quote == "'" else 'write it as `\\"`'


def _runaway_quote(
    stack: list[list[Any]], text: str, lines: list[str], mark: Any, key: Any = None
) -> tuple[tuple[str, str], int, int] | None:
    """A quoted text left open on its line, which YAML read on over the lines below to a
    quote meant to be inside a later value (`text: 'Spaces.` ... `note: It's ...`), where
    the text after that quote is an error: the problem, the hint, and the opening quote's
    line and column, where the mistake is. (The value is the last one read, in the
    collection still open; or a key that starts at the mark `key`, a stray quote at a
    line's start, which YAML was reading as a key when it stopped.)"""
    if mark is None:
        return None
    quote = text[mark.index - 1 : mark.index]
    if quote not in ("'", '"') or not text[mark.index : mark.index + 1].strip(" ,]}#\r\n"):
        return None
    if key is not None and text[key.index : key.index + 1] == quote and key.line < mark.line:
        # (A key, which YAML allows on one line only: no quote is left open on purpose.)
        start, end = (key.line + 1, key.column + 1), (mark.line + 1, mark.column)
        return _run_on(quote, lines, start, end, surely=True)
    if not stack:
        return None
    collection = stack[-1][0]
    if type(collection) is YMap and collection.entries:
        value = next(reversed(collection.entries.values()))[1]
    elif type(collection) is YSeq and collection.items:
        value = collection.items[-1]
    else:
        return None
    if type(value) is not YScalar or value.plain:
        return None
    span = value.span
    if span.line == span.end_line or (span.end_line, span.end_column) != (
        mark.line + 1,
        mark.column + 1,
    ):
        return None
    return _run_on(quote, lines, (span.line, span.column), (span.end_line, span.end_column - 1))


def _run_on(
    quote: str, lines: list[str], start: tuple[int, int], end: tuple[int, int], surely: bool = False
) -> tuple[tuple[str, str], int, int] | None:
    """`_runaway_quote`'s words for a text quoted from `start` to `end` (lines and columns
    of its quotes), and where it starts; None for one quoted over lines on purpose, which
    swallowed no key as far left as its own line's (unless `surely` not on purpose)."""
    field = indent_of(lines[start[0] - 1])
    if not surely and not any(
        _KEY_LINE.match(line) and indent_of(line) <= field for line in lines[start[0] : end[0]]
    ):
        return None
    return (
        (
            f"the text quoted with {quote} here is not closed on its line: YAML reads on to "
            f"the {quote} on line {end[0]}, column {end[1]}, and what follows it there is "
            "not YAML",
            "delete it if it is a slip, or "
            * surely
            + f"end the text with {quote} on this line; to put a {quote} inside a text, "
            f"{_inside(quote)}",
        ),
        *start,
    )


_NEXT_FIELD = re.compile(r",\s*(?:" + "|".join(map(re.escape, sorted(_KNOWN_KEYS))) + r"):\s")


def _left_open(lines: list[str], row: int, column: int, found: int) -> bool:
    """Whether the quote at `column` of line `row` was meant to close on its line, which
    has no other, and YAML read on to line `found`: the line after it starts a key as far
    in as the quoted value's, or further out."""
    line = lines[row]
    if found <= row or line[column] in line[column + 1 :]:
        return False
    after = next((lines[i] for i in range(row + 1, found + 1) if lines[i].strip()), "")
    return bool(re.match(_KEY + r":(?:\s|$)", after)) and indent_of(after) <= indent_of(line)


def _never_closed(
    lines: list[str], row: int, column: int, stopped: int | None = None
) -> tuple[str, str]:
    """What is wrong and what to write when the quote at `column` of line `row` is never
    closed (or, `stopped` at that line, not on its line): a text meant to start with it
    (`text: '90s deregulation ...`), if it starts a value and its line has no other, is
    quoted with the other kind."""
    line = lines[row]
    quote = line[column]
    problem = (
        f"the text quoted with {quote} here is never closed: YAML reads on to the end of the file"
        if stopped is None
        else f"the text quoted with {quote} here is not closed on its line: YAML reads the "
        f"lines after it as more of the text, up to a backslash on line {stopped + 1} that "
        "starts no escape it knows"
    )
    hint = f"end the text with {quote}"
    field = re.fullmatch(_KEY + r":\s+(.*)", line)
    # In braces, `{text: '90s crash}`: the key after the brace or a comma, the text up to
    # the closing brace or the next `, field:` (a comma alone may be the text's: the quote
    # was to keep it).
    flow = re.search(r"[{,]\s*(" + _FLOW_KEY + r"):\s+$", line[:column])
    if field is not None and field.start(2) == column:
        key, value = field[1].strip(), field[2].rstrip()  # (inside a quote, `#` is no comment)
    elif flow is not None:
        rest = line[column:].rsplit("}", 1)[0]
        key, value = flow[1].strip(), _NEXT_FIELD.split(rest)[0].rstrip()
    else:
        return problem, hint
    if quote in value[1:]:
        return problem, hint
    other = double_quoted(value) if quote == "'" else "'" + value.replace("'", "''") + "'"
    return (
        problem,
        f"{hint} on this line; if the {quote} belongs to the text, quote the whole text with "
        f"the other kind of quote: `{key}: {other}`",
    )


def _left_over_hint(line: str, end: int) -> str:
    """Words after a value's closing quote (`quote: 'las ventas...' dijo el presidente`),
    the quote just before column `end` (0-based) of `line`: the quote that starts the value."""
    field = re.match(_KEY + r":\s+(['\"])", line)
    if field is None or line[end - 1 : end] != field[2] or end <= field.end():
        return ""
    closed, rest = field[2], line[end:]
    words = without_comment(rest)
    if not words.strip():
        return ""
    if words in (",", ";"):  # (a line of JSON, or of code: the value is whole)
        fixed = f"{field[1].strip()}: {line[field.start(2) : end]}"
        return (
            f"the quoted text ends at the {closed} before `{words}`, which YAML does not "
            "take after a value: remove it" + f", `{fixed}`" * (len(fixed) <= QUOTED_SHOWN)
        )
    spaces = rest[: len(rest) - len(rest.lstrip())]
    value = double_quoted(line[field.start(2) : end] + spaces + words)
    return (
        f"the quoted text ends at the {closed} before `{words}`, which is left over; quote "
        f"the whole value: `{field[1].strip()}: {value}`"
    )


def _item_left_over_hint(lines: list[str], row: int, end: int) -> str:
    """Words after an item of a list that ends in a quote or a bracket just before column
    `end` (0-based) of line `row`: `- [ ] climate` (a Markdown checkbox, an empty list to
    YAML), `- "Draft" two`, `["[x] check" figure, b]`. The whole item quoted; in a list of
    ids, a checkbox left out (quoted, it made an id `[ ] c1`)."""
    line = lines[row]
    opening = {"]": "[", "}": "{", '"': '"', "'": "'"}.get(line[end - 1 : end])
    if opening is None:
        return ""
    block = re.match(r"\s*- +", line)
    starts = [block.end()] if block else []
    # (In brackets: after the `[` or a comma, outside quotes; the last before the end.)
    starts += [m.end() for m in re.finditer(r"[\[,]\s*", line[:end]) if not block]
    start = max((s for s in starts if s < end - 1 and line[s] == opening), default=None)
    if start is None:
        return ""
    rest = line[end:]
    if not block and not re.search(r"[,\]]", rest):  # (past the list's end: not an item's)
        return ""
    words = without_comment(rest if block else re.split(r"[,\]]", rest)[0])
    if not words.strip() or re.search(r":(?:\s|$)", words):  # (a key: a field of its own)
        return ""
    item = double_quoted(line[start:end] + " " + words.strip())
    checkbox = re.fullmatch(r"\[[ xX]?\]", line[start:end]) is not None
    box = f" (`{line[start:end]}` is a list to YAML, not a checkbox)" if checkbox else ""
    head = _head(lines, row, indent_of(line))
    key = re.match(_KEY + ":", lines[head]) if block and head is not None else None
    if checkbox and key is not None and spec.FIELD_TYPES.get(key[1].strip()) in ("ref", "refs"):
        return (
            f"the item ends at the {line[end - 1]} before `{words.strip()}`, which is left "
            f"over{box}; in a list of ids, drop the checkbox: `- {words.strip()}`"
        )
    written = f"- {item}" if block else item
    return (
        f"the item ends at the {line[end - 1]} before `{words.strip()}`, which is left "
        f"over{box}; quote the whole item: `{written}`"
    )


_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # a node's anchor and tag, before it


def _end_of(lines: list[str]) -> tuple[int, int]:
    """Where the file's last line with text on it ends (line, column). (`lines` holds one
    line at least: `source_lines` of empty text is `[""]`.)"""
    row = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    return row + 1, len(lines[row]) + 1


def _open_bracket(stack: list[list[Any]], lines: list[str]) -> tuple[str, int, int, str] | None:
    """The innermost `[` or `{` still open, its line and column, and the bracket that
    closes it."""
    for collection, _ in reversed(stack):
        span = collection.span
        line = lines[span.line - 1]
        # (The span starts at an anchor or a tag written before the bracket: `&a [`.)
        properties = _PROPERTIES.match(line, span.column - 1)  # (matches empty text too)
        at = properties.end() if properties else span.column - 1
        bracket = line[at : at + 1]
        if bracket in ("[", "{"):
            closing = "]" if bracket == "[" else "}"
            return bracket, span.line, at + 1, closing
    return None


# In brackets, where a comment starts (a `#` after a space, a comma or a bracket), or a
# quoted text, passed over whole.
_FLOW_COMMENT = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|(?<![^\s\[{,])#")
# An item in brackets, its spaces around it apart.
_FLOW_ITEM = re.compile(r"(?<=[\[{,])(\s*)([^\s,\[\]{}\"'][^,\[\]{}]*?)(?=\s*(?:[,\]}]|$))")


def _hidden_by_comment(
    lines: list[str], left_open: tuple[str, int, int, str]
) -> tuple[tuple[str, str], int, int] | None:
    """A `[` or `{` left open (line, column) because a `#` after it on its line starts a
    comment, which hides the bracket that closes it (`tags: [#policy, learning]`): what to
    say, the line written with the items that hold a `#` quoted, and where the `#` is."""
    bracket, row, column, closing = left_open
    line = lines[row - 1]
    comment = next((m for m in _FLOW_COMMENT.finditer(line, column) if m[0] == "#"), None)
    if comment is None or closing not in line[comment.start() :]:
        return None

    def quoted(item: re.Match[str]) -> str:
        text = item[2]
        key, colon, value = text.partition(": ")
        if colon and re.search(r"(?:^|\s)#", value):  # a field in braces: its value
            return f"{item[1]}{key}: {double_quoted(value.strip())}"
        hides = re.search(r"(?:^|\s)#", text) and not colon
        return item[1] + (double_quoted(text) if hides else text)

    fixed = (line[: column - 1] + _FLOW_ITEM.sub(quoted, line[column - 1 :])).strip()
    said = (
        f"a `#` after a space, a comma or a bracket starts a comment: the rest of line {row} "
        f"is not read, its `{closing}` with it, so the `{bracket}` is never closed"
    )
    hint = f"quote the item: `{fixed}`" if fixed != line.strip() else "quote the item with `#`"
    field = _indicated(lines, row - 1)
    key = field[1].strip().removeprefix("- ").strip() if field else ""
    if field and field.start(2) == column - 1 and spec.FIELD_TYPES.get(key) == "text":
        # (`text: [#MeToo] changed ...`: a text, whose items quoted made a list of it; a
        # comment only after its last closing bracket, as every ` #` before it is text)
        value, end = field[2], field[2].rfind(closing) + 1
        note = _SPACE_HASH.search(value, end) if end else None
        whole = value[: note.start() if note else None].strip()
        hint = f"text that starts with {bracket} {_INDICATORS[bracket]}; quote it: "
        hint += f"`{key}: {double_quoted(whole)}`"
    return (said, hint), row, comment.start() + 1


def _odd_indent(
    lines: list[str], stack: list[list[Any]]
) -> tuple[tuple[str, str], int, int] | None:
    """The first of `lines` indented with a space YAML does not take for one (a no-break
    space, pasted from a web page or a word processor): it reads as part of the key, which
    then stands at the margin, and the error is found further on. (Only a key YAML read so,
    in a mapping still open: not a line of a text block.)"""
    keys = {k for c, _ in stack if type(c) is YMap for k in c.entries if not k[:1].isascii()}
    for row, line in enumerate(lines):
        if line.lstrip(" \t").partition(":")[0].rstrip() in keys and (
            found := indented_oddly(lines, row)
        ):
            return found
    return None


def _key_above(lines: list[str], row: int) -> int | None:
    """The nearest line before `row` with a key (`  text: ...`, `- c1:`): not a line of a
    text block or of a plain text over lines, whose indentation is the text's."""
    at = _line_above(lines, row)
    while at is not None:
        if _KEY_LINE.match(lines[at].replace("- ", "  ", 1)):
            owner = _text_owner(lines, at)
            if owner is None:
                return at
            at = owner  # (past the text at once: line by line, a long one was quadratic)
        else:
            at = _line_above(lines, at)
    return at


_QUOTED_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s|$)""")


def _innermost_bracket(text: str, index: int) -> str | None:
    """The bracket (`[` or `{`) left open nearest before `index` in `text` (brackets in
    quotes count too: a hint's guess), or None."""
    closed: list[str] = []
    for c in reversed(text[:index]):
        if c in _OPENER:
            closed.append(_OPENER[c])
        elif c in "[{":
            if not closed:
                return c
            closed.pop()
    return None


def _text_owner(lines: list[str], row: int) -> int | None:
    """The line of the key whose text (`note: |`, or a quote left open) line `row` is a
    line of, whatever it holds (`Note: see below` is no key there); None if it is none."""
    owner = _outer(lines, row)
    return owner if owner is not None and _TEXT_GOES_ON.match(lines[owner]) else None


def _outer(lines: list[str], row: int) -> int | None:
    """The nearest line above `row` indented less than it: the key it is under."""
    depth = indent_of(lines[row])
    return next((i for i in range(row - 1, -1, -1) if _outdented(lines[i], depth)), None)


def _outdented(line: str, depth: int) -> bool:
    """Whether `line` is written, and indented less than `depth`."""
    return line.strip()[:1] not in ("", "#") and indent_of(line) < depth


def indented_oddly(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """What is wrong, and what to write, where line `row` is indented with a space YAML
    does not read as one (U+00A0, or a Japanese input method's U+3000), and its column. The
    spaces the hint gives: a line of the text a key above holds (`text: |`, or plain text
    over lines), which is no key, those of the text's lines above it, or 2 more than its
    key's; after a key that opens a block (`c1:`), 2 more than its; else those of a line
    above the line could be beside, the one nearest the width the odd spaces draw (U+3000
    draws two columns)."""
    line = lines[row]
    indent = line[: len(line) - len(line.lstrip())]
    odd = next((c for c in indent if c not in " \t"), None)
    if odd is None:
        return None
    levels: list[int] = []  # of a key's column, from the key line above out to the margin
    above = at = _key_above(lines, row)
    while at is not None and (not levels or levels[-1] > 0):
        level = indent_of(lines[at]) + 2 * lines[at].lstrip(" ").startswith("- ")
        if not levels or level < levels[-1]:
            levels.append(level)
        # On to the key this one is under, past its siblings (one by one, 20,000 took 2 min).
        at = _outer(lines, at)
        if at is not None and not _KEY_LINE.match(lines[at].replace("- ", "  ", 1)):
            at = _key_above(lines, at)
    opens = without_comment(lines[above]).rstrip() if above is not None else ""
    # Words: in a block, any line but a key's; after a plain text, not a quoted key or a
    # comment either.
    opened = opens != "" and _TEXT_GOES_ON.match(opens) is not None
    other = line.lstrip()[:1] == "#" or _QUOTED_KEY.match(line.lstrip())
    words = not _KEY_LINE.match(line.lstrip()) and (opened or not other)
    if above is not None and words and not opens.endswith(":"):
        # More of the text the key above holds (`text: |`, or plain text over lines): its
        # first line below the key sets its indentation; if none, 2 past the key.
        block = [indent_of(t) for t in lines[above + 1 : row] if t.strip()]
        spaces = block[0] if block and block[0] > levels[0] else levels[0] + 2
    elif above is not None and opens.endswith(":"):
        spaces = levels[0] + 2
    else:
        spaces = min(levels or [0], key=lambda n: (abs(n - columns(indent)), -n))
    said = f"this line is indented with {describe(odd)}, which YAML does not read as "
    return (
        (
            said + "indentation, but as part of what follows",
            f"indent with ordinary spaces: `{' ' * spaces}{clipped(line.lstrip(), 40)}`",
        ),
        row + 1,
        indent.index(odd) + 1,
    )


# A key line whose text goes on over the lines below, whatever they hold: a block
# (`text: |`, `note: >-`), or a quoted text left open on its line.
_TEXT_GOES_ON = re.compile(r"""[^#]*?:[ \t]+(?:[|>]|"(?:[^"\\]|\\.)*$|'(?:[^']|'')*$)""")


def _lookalike_key(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """A key of the format written with a colon YAML does not read as one
    (`lookalike_colon`), which an error on line `row` comes of: on that line, or above it
    in the plain text YAML read on into it, from the key line where that text starts (not
    in a `|` or `>` block or a quoted text, whose lines are text whatever they hold)."""
    found = None
    for at in range(min(row, len(lines) - 1), -1, -1):
        if found is None and (key := lookalike_colon(lines[at], _KNOWN_KEYS)):
            found = colon_hint(key[0]), at + 1, key[1] + 1
        elif at < row and _KEY_LINE.match(lines[at]):
            return None if _TEXT_GOES_ON.match(lines[at]) else found
    return found


# A comment as JSON5 and JavaScript write one: on a line of its own, or after a value's
# closing bracket or quote (not inside a plain text, `In C++ // starts one`, which is text).
_SLASHES = re.compile(r"^\s*(//)|[\]}\"',]\s*(//)(?:\s|$)")


def _slash_comment(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """A `//` comment on line `row`, or on one of the two lines above it, which an error
    there comes of: YAML reads `//` as text (a key, in JSON or a mapping, with no colon)."""
    for at in range(max(row - 2, 0), min(row, len(lines) - 1) + 1):
        if found := _SLASHES.search(lines[at]):
            start = found.start(1) if found[1] else found.start(2)
            line = lines[at]
            comment = line[start + 2 :].rstrip()
            words = comment.rstrip("]} ")
            # (Inside brackets, `#` would hide the ones that close them: after them.)
            closing = comment[len(words) :].replace(" ", "")
            mended = f"{line[:start].rstrip()}{closing}  # {words.strip()}".strip()
            if not closing:
                mended = f"{line[:start]}#{line[start + 2 :]}".strip()
            problem = "`//` starts no comment in YAML, which reads it, and what follows, as text"
            return (problem, f"write a comment with `#`: `{mended}`"), at + 1, start + 1
    return None


def lines_ended_by(text: str) -> int | None:
    """The column of the first NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR if the file has
    no other line break: in a file that cannot be read, its line ends, which YAML 1.1 reads
    as lines and argmap, as YAML 1.2 and editors do, as one line (a hint said to quote it
    all). (A map on one line, as JSON, may hold one in a text.)"""
    if "\n" in text or "\r" in text:
        return None
    found = re.search(f"[{YAML11_BREAKS}]", text)
    return None if found is None else found.start() + 1


ODD_LINE_ENDS = (
    "the lines of this file end in NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH "
    "SEPARATOR (U+2029), which YAML 1.2 and editors read as no line break",
    "save the file with LF (or CR LF) line endings",
)
_ENDS = re.compile(r"(\r\n|\r|\n)")  # (as `source_lines` splits, kept)


def quoted_on(text: str, problems: list[Diagnostic]) -> tuple[str, int] | None:
    """`text` with the value quoted where `problems` end in a value with a ": " in it, as
    their hint says to quote it, and where in it the value starts; None if they end
    otherwise."""
    last = problems[-1] if problems else None
    if last is None or not last.message.startswith("mapping values are not allowed"):
        return None
    if not last.hint.endswith('"`'):  # (no value quoted in the hint: nothing to read on)
        return None
    pieces = _ENDS.split(text)  # line, its end, line, ...
    lines, row = pieces[::2], last.span.line - 1
    if row >= len(lines):
        return None
    above = _line_above(lines, row)
    starts = (row, _text_key(lines, above) if above is not None else None)
    for key in dict.fromkeys(starts):  # (the text may start on a line above, as in the hint)
        quoted = _quoted_field(lines, key) if key is not None else None
        if quoted is not None and last.hint.endswith(f"`{quoted[0]}`"):
            assert key is not None
            pieces[2 * key : 2 * (key + len(quoted[1])) : 2] = quoted[1]
            return "".join(pieces), sum(map(len, pieces[: 2 * key]))
    return None


def explained(
    error: yaml.MarkedYAMLError, text: str, stack: list[list[Any]]
) -> tuple[int, int, str, str]:
    """Where YAML's syntax error is, what it is and how to fix it, in a map's words: the
    place and words of the cause where argmap knows it, YAML's (or a hint's) otherwise."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if error.problem == _BAD_ESCAPE and column > 2:
        column -= 2  # at the backslash that starts the escape rather than at its digits
    problem = error.problem or "invalid YAML"
    if error.context:
        problem = f"{problem} ({error.context})"
    lines = source_lines(text)
    hint = _syntax_hint(problem, text, lines, mark)
    if isinstance(hint, _Elsewhere):
        line, column = hint.row + 1, indent_of(lines[hint.row]) + 1
    key = error.context_mark if error.context == "while scanning a simple key" else None
    runaway = _runaway_quote(stack, text, lines, mark, key)
    opened = error.context_mark
    at_end = mark is not None and not text[mark.index :].strip()
    if at_end:  # said past its last line: at the end of its last text instead
        line, column = _end_of(lines)
    if (
        mark is not None
        and problem.startswith("mapping values are not allowed")
        and (left_out := _colon_left_out(lines, mark.line, mark.column))
    ):
        (problem, hint), line, column = left_out
    simple_key = error.context == "while scanning a simple key" and opened is not None
    starts = opened if simple_key else mark
    # (A key without its colon, or its space, read on as one key over two lines.)
    missing = _missing_colon(lines, opened.line) if simple_key and opened else None
    if missing:
        (problem, hint), line, column = missing
    elif starts is not None and (empty := _empty_block(lines, starts.line)):
        (problem, hint), line, column = empty
    elif simple_key and opened and (unseen := _unseen_value(lines, opened.line, "the line below")):
        (hint, column), line = unseen, opened.line + 1
    elif simple_key and opened and (dash := _item_without_space(lines, opened.line)):
        hint, line, column = dash, opened.line + 1, opened.column + 1
    elif simple_key and opened and (argdown := _argdown_line_hint(lines, opened.line)):
        hint, line, column = argdown, opened.line + 1, opened.column + 1
    elif simple_key and opened and (continued := _continued_hint(lines, opened.line)):
        hint, line, column = continued, opened.line + 1, opened.column + 1
    elif simple_key and opened and (ended := block_hint(lines, opened.line, opened.column, True)):
        hint, line, column = ended, opened.line + 1, opened.column + 1
    if (
        error.context == "while scanning a quoted scalar"
        and opened is not None
        and (
            error.problem
            in ("found unexpected end of stream", "found unexpected document separator")
        )
    ):
        # The end of the file is where it was found; the quote left open is the cause,
        # said where it is.
        problem, hint = _never_closed(lines, opened.line, opened.column)
        line, column = opened.line + 1, opened.column + 1
    elif (
        error.context in ("while scanning a quoted scalar", "while parsing a quoted scalar")
        and opened is not None
        and mark is not None
        and _left_open(lines, opened.line, opened.column, mark.line)
    ):
        # A backslash on a later line, read as an escape of the text left open (`note:
        # see C:\Users`): the quote is the cause, and said where it is.
        problem, hint = _never_closed(lines, opened.line, opened.column, mark.line)
        line, column = opened.line + 1, opened.column + 1
    elif (
        error.context in ("while parsing a flow sequence", "while parsing a flow mapping")
        and opened is not None
        and mark is not None
        and (error.problem or "").startswith("did not find expected ','")
    ):
        bracket = text[opened.index : opened.index + 1]
        closing = {"[": "]", "{": "}"}.get(bracket, bracket)
        found = text[mark.index : mark.index + 1]
        where = f"the {bracket} on line {opened.line + 1}, column {opened.column + 1},"
        above = _line_above(lines, mark.line)
        entry = not at_end and above is not None and not lines[mark.line][: mark.column].strip()
        if entry and above is not None and without_comment(lines[above])[-1:] not in ",{[":
            # An entry on a line of its own, the one above it without its comma.
            hint = (
                f"line {above + 1} ends an entry of {where[:-1]} with no comma after it: "
                f"write `{without_comment(lines[above]).strip()},`"
            )
        elif mark.line > opened.line:  # found on a later line: left open on its own
            hint = (
                f"{where} is never closed: end it with {closing}, or quote the text if it "
                f"starts with {bracket}"
            )
        elif found in ("]", "}"):
            hint = f"{where} is closed with {found}: end it with {closing}"
        elif bracket == "{" and hint == _FIX:
            # (A key past YAML's length, which it ends there: `{kkkk...: {text: ...}}`.)
            piece = re.split(r"[{,]", lines[mark.line][: mark.column])[-1]
            long = _long_key(piece) if ": " not in piece else ""  # (not a long value)
            hint = long or _flow_value_hint(lines[mark.line], mark.column) or hint
    left_open = _open_bracket(stack, lines)
    if at_end and hint == _FIX and left_open:  # the cause is what is still open
        hint = "the {} on line {}, column {}, is never closed: end it with {}".format(*left_open)
    if (
        mark is not None
        and left_open
        and (hidden := _hidden_by_comment(lines, left_open))
        and mark.line >= hidden[1]  # (found past the line, which the comment ends)
    ):
        (problem, hint), line, column = hidden
    if "tab" in problem or (mark and text[mark.index : mark.index + 1] == "\t"):
        problem = "a tab character here: YAML does not allow tabs for indentation"
        hint = "indent with spaces"
    # (A key indented so, or a line that is none, `　- a` or `　　# note`, which YAML
    # took for the start of a key.)
    elif (mark is not None and (odd := _odd_indent(lines[: mark.line + 1], stack))) or (
        error.context == "while scanning a simple key"
        and opened is not None
        and (odd := indented_oddly(lines, opened.line))
    ):
        (problem, hint), line, column = odd
    elif mark is not None and (lookalike := _lookalike_key(lines, mark.line)):
        (problem, hint), line, column = lookalike
    elif mark is not None and (slashes := _slash_comment(lines, mark.line)):
        (problem, hint), line, column = slashes
    if mark is not None and problem.startswith("did not find expected <document start>"):
        if first := _indented_first_key(lines, mark.line):
            (problem, hint), line, column = first
    elif mark is not None and (blank := _deep_blank_in_block(lines, mark.line)):
        (problem, hint), line, column = blank
    if runaway:  # (the cause, whatever the other hints made of where YAML stopped)
        (problem, hint), line, column = runaway
    if mark is not None and (
        punctuated := _punctuated_key(
            lines, mark.line, _line_above(lines, mark.line), opened.line if opened else None
        )
    ):
        (problem, hint), line, column = punctuated
    if mark is not None and (separator := _separator(lines, mark.line)):
        (problem, hint), line, column = separator
    if (
        mark is not None
        and problem.startswith(_NO_KEY)
        and (outdented := _items_outdented(lines, mark.line))
    ):
        (problem, hint), line, column = outdented
    # (Where YAML found no key, or no node, as such a line makes it: not anywhere after one.)
    if mark is not None and problem.startswith(_NO_KEY) and (heading := _heading(lines, mark.line)):
        (problem, hint), line, column = heading
    if (
        mark is not None
        and problem.startswith((*_NO_KEY, "did not find expected node content"))
        and (commented := _dash_comment(lines, mark.line))
    ):
        (problem, hint), line, column = commented
    if mark is not None and (
        ini := _ini_section(lines, mark.line, opened.line if opened else None)
    ):
        (problem, hint), line, column = ini
    if conflict := _merge_conflict(lines, mark.line if mark else len(lines)):
        (problem, hint), line, column = conflict  # (the cause of any error at or past it)
    return line, column, problem, hint


# A key with a comma (or `;`, `.`) right after its colon, or a comma a space on (`;` and
# `.` start a text there: `text: ...`), and a comment at most after it.
_PUNCTUATED_KEY = re.compile(
    r" *(?:- )?(?P<written>(?P<key>[^\s:#,;]+):(?:(?P<glued>[,;.]+)|(?P<space> +)(?P<comma>,+)))"
    r" *(?:#.*)?"
)


def _punctuated_key(lines: list[str], *rows: int | None) -> tuple[tuple[str, str], int, int] | None:
    """The words for a key on one of `rows` with a comma right after its colon (or a space
    on) and its fields or items below it, or nothing (`c1:,`, as after an entry in
    braces), and where the comma is; None if there is none. YAML reads the comma as more
    of the key, as a colon ends one only before a space or the line's end (or as where
    the key's value starts), and stops somewhere below."""
    for at in dict.fromkeys(rows):
        if at is None or at >= len(lines) or not (found := _PUNCTUATED_KEY.fullmatch(lines[at])):
            continue
        below = _line_below(lines, at)
        spaced = found["space"] is not None  # (`c1: ,`: the key, and a value that is no text)
        if (below is None and not spaced) or (
            below is not None and indent_of(lines[below]) > indent_of(lines[at])
        ):
            written, key, mark = (
                found["written"],
                found["key"],
                found["comma" if spaced else "glued"],
            )
            problem = (
                f"`{written}` has `{mark}` after its colon, where YAML reads the value of "
                f"`{key}`, so the fields below are not {key}'s"
                if spaced
                else f"`{written}` has `{mark}` right after its colon, which makes YAML "
                "read it all as one word, and no key"
            )
            where = found.start("comma" if spaced else "glued") + 1
            return (problem, f"delete `{mark}`: write `{key}:`"), at + 1, where
    return None


# A line of one mark repeated, as a separator or a heading's underline (not YAML's own
# `---` and `...`, which start and end a document at a line's start).
_SEPARATOR = re.compile(r"( *)([-=~_*+#.])\2{2,}[ \t]*")


def _separator(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a line of one mark repeated, on line `row` or the one above it (YAML
    may stop at the key after it): a separator, or a heading's underline, which YAML reads
    as text where a key goes; None if there is none."""
    for at in dict.fromkeys((row, _line_above(lines, row))):
        found = _SEPARATOR.fullmatch(lines[at]) if at is not None and at < len(lines) else None
        if at is None or found is None or (not found[1] and lines[at] in ("---", "...")):
            continue
        before = _line_above(lines, at)
        if before is not None and len(found[1]) > indent_of(lines[before]):
            continue  # (deeper than the line above: a line of its text, `...`, perhaps)
        said = f"line {at + 1} holds only `{lines[at].strip()}`, a separator to a reader"
        return (
            (f"{said}, and no key or value to YAML", "delete it, or put `#` before it"),
            at + 1,
            len(found[1]) + 1,
        )
    return None


# A section headed as INI and TOML files head one: `[claims]`.
_INI_SECTION = re.compile(r"()\[ *([A-Za-z]+) *\][ \t]*(?:#.*)?")  # (at a line's start)


def _ini_section(lines: list[str], *rows: int | None) -> tuple[tuple[str, str], int, int] | None:
    """The words for a map's section headed as in INI or TOML (`[claims]`) on one of
    `rows`, which YAML reads as a list, where a key goes; None if there is none."""
    for at in dict.fromkeys(rows):
        if at is None or at >= len(lines) or not (found := _INI_SECTION.fullmatch(lines[at])):
            continue
        if (name := found[2].lower()) in _TOP_KEYS:
            others = [
                f"`{other[2].lower()}:` on line {i + 1}"
                for i, line in enumerate(lines)
                if i != at
                and (other := _INI_SECTION.fullmatch(line))
                and other[2].lower() in _TOP_KEYS
            ]
            more = f" (and {', '.join(others[:3])}{', ...' * (len(others) > 3)})" if others else ""
            return (
                (
                    f"`[{found[2]}]` heads a section as INI and TOML files do; YAML reads it "
                    "as a list, where a key goes",
                    f"write the section's key: `{name}:`{more}",
                ),
                at + 1,
                len(found[1]) + 1,
            )
    return None


def _items_outdented(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a list's items on line `row` and on, written less deep than the key
    whose list they are (`    tags:`, then `  - work`): YAML reads the key as empty, and
    the items where the keys of a mapping further out go; None if it is not so."""
    above = _line_above(lines, row)
    key = _EMPTY_KEY.fullmatch(lines[above]) if above is not None else None
    item = _ITEM_LINE.fullmatch(lines[row].rstrip())
    if above is None or key is None or item is None or re.match(r"[^\s:#]+:(?:\s|$)", item[1]):
        return None  # (`- c2: {...}`: a node written as a list's item, said elsewhere)
    depth, here = indent_of(lines[above]), indent_of(lines[row])
    if here >= depth:
        return None
    name = key[1].strip()
    return (
        (
            f"the list below `{name}:` (line {above + 1}) starts further left than `{name}:`: "
            f"YAML reads `{name}` as empty, and the list's items as out of place",
            f"indent each `-` of the list by {depth} spaces, as `{name}:` is (or more)",
        ),
        row + 1,
        here + 1,
    )


# A comment of one word, as a Markdown heading writes a section's name: `## Claims` (the
# hint here, and the loader's section-comment warning).
HEADING = r"#{1,6}[ \t]*([A-Za-z]+):?[ \t]*"
_HEADING = re.compile(r"( *)" + HEADING)


def _heading(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a section's name written as a Markdown heading (`## claims`) just
    above line `row`, with no key of its own: a comment to YAML, which then finds the
    section's entries where it did not look for them; None if there is none."""
    above = _line_above(lines, row)
    for at in range(row - 1, -1 if above is None else above, -1):
        found = _HEADING.fullmatch(lines[at])
        name = found[2].lower() if found else ""
        if (
            found
            and name in _TOP_KEYS
            and len(found[1]) < indent_of(lines[row])  # (its entries below it)
            # (Where a key would go: not a line of a text that goes on past it.)
            and (above is None or indent_of(lines[above]) <= len(found[1]))
            and not any(line.lstrip().lower().startswith(f"{name}:") for line in lines)
        ):
            return (
                (
                    f"line {at + 1}, `{lines[at].strip()}`, is a comment to YAML (a `#` starts "
                    "one), not the key of a section",
                    f"write the section's key: `{name}:`",
                ),
                at + 1,
                len(found[1]) + 1,
            )
    return None


_DASH_COMMENT = re.compile(r"( *)-[ \t]+(#.*)")


def _dash_comment(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a comment written after a list's `-` (`- # my notes`) among keys, on
    line `row` or the line before it, with a key at its depth after it: YAML reads an item
    of a list there, and stops at it or at that key; None if there is none."""
    for at, key in ((row, _line_below(lines, row)), (_line_above(lines, row), row)):
        if at is None or key is None or key >= len(lines):
            continue
        found = _DASH_COMMENT.fullmatch(lines[at])
        if not found or indent_of(lines[key]) != len(found[1]) or _ITEM_LINE.match(lines[key]):
            continue
        # (`tags:` above it, as far in: an item of its list, and the key after it is one of
        # the mapping `tags` is in, as YAML allows.)
        owner = _line_above(lines, at)
        if owner is None or not (
            _EMPTY_KEY.fullmatch(lines[owner]) and indent_of(lines[owner]) == len(found[1])
        ):
            return (
                (
                    f"line {at + 1} holds a comment after a `-`, which YAML reads as an item "
                    "of a list, among keys",
                    f"delete the `-`, to keep the comment: `{found[2]}`",
                ),
                at + 1,
                len(found[1]) + 1,
            )
    return None


# The lines git writes around a merge conflict it leaves to be resolved, at the start of a
# line: `<<<<<<< ours`, `||||||| base` (with diff3), `=======`, `>>>>>>> theirs`.
_CONFLICT_MARK = re.compile(r"(<{7}|\|{7}|={7}|>{7})(?: .*)?")


def _merge_conflict(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a merge conflict that git left in the map, and the line and column
    where it starts; None if none starts on or above line `row`, where YAML stopped (an
    error above it is another). Its markers are no YAML, and what YAML made of them (a key
    without its colon, a text left of its key) misled."""
    marks = [
        (i, found[1][0])
        for i, line in enumerate(lines)
        if line[:1] in "<|=>" and (found := _CONFLICT_MARK.fullmatch(line.rstrip()))
    ]
    starts, kinds = [i for i, kind in marks if kind == "<"], {kind for _, kind in marks}
    if marks and marks[0][0] <= row and marks[0][1] != "<" and kinds & {"<", ">"}:
        # (Resolved in part: its `<<<<<<<` line deleted, `=======` or `>>>>>>>` left over.)
        left = marks[0][0]
        return (
            (
                f"line {left + 1}, `{lines[left].strip()}`, is a line git writes in a merge "
                "conflict, left over from one resolved in part",
                "delete it, and the side of the conflict not kept",
            ),
            left + 1,
            1,
        )
    if not starts or starts[0] > row:
        return None
    first = starts[0] + 1
    end = next((i for i, kind in marks if kind == ">" and i > starts[0]), None)
    lines_of = f"lines {first} to {end + 1}" if end else f"the lines from {first} on"
    more = f" (and {counted(len(starts) - 1, 'more')} after it)" if len(starts) > 1 else ""
    return (
        (
            f"a merge conflict that git left unresolved: {lines_of} hold both sides, "
            f"between `<<<<<<<` and `>>>>>>>`{more}",
            "keep one side (or combine the two) and delete the lines of `<<<<<<<`, "
            "`=======` and `>>>>>>>`"
            + (", and the base from `|||||||` to `=======`" if "|" in kinds else "")
            + "; then `git add` the map to mark it resolved",
        ),
        first,
        1,
    )


def _deep_blank_in_block(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a text block (`text: |`) whose first lines hold only spaces, more of
    them than its text below on line `row` is indented by (an editor's indentation, kept on
    an empty line), and where the first such line is; None for another error. YAML takes a
    block's indentation from its first line, blank or not: the text, indented less, ended
    the block, and was read as a key."""
    if row >= len(lines) or not lines[row].strip():
        return None
    above, indent = row - 1, indent_of(lines[row])
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0 or above == row - 1 or _BLOCK_HEAD.fullmatch(lines[above]) is None:
        return None
    deep = next((i for i in range(above + 1, row) if len(lines[i]) > indent), None)
    if deep is None:
        return None
    spaces, text = counted(len(lines[deep]), "space"), counted(indent, "space")
    return (
        (
            f"line {deep + 1}, at the start of the text block on line {above + 1}, holds only "
            f"{spaces}, more than the text on line {row + 1} is indented by ({text}): YAML "
            "takes how far in the block is from that line, and ends the block at the text",
            f"delete the spaces on line {deep + 1}",
        ),
        deep + 1,
        1,
    )


def _indented_first_key(lines: list[str], row: int) -> tuple[tuple[str, str], int, int] | None:
    """The words for a file whose first key is indented deeper than a key after it, on
    line `row` (` argmap: 1`, then `title:` at the start of its line: pasted so), and where
    that first key is; None for another file. YAML read the first lines as a document and
    stopped at the key less indented, which it took for the start of a second one."""
    first = next(
        (i for i, line in enumerate(lines[:row]) if line.strip() and line.lstrip()[:1] != "#"),
        None,
    )
    if row >= len(lines) or first is None:
        return None
    if not (depth := indent_of(lines[first])) > indent_of(lines[row]):
        return None
    key, spaces = lines[first].strip().split(":", 1)[0], counted(depth, "space")
    hint = f"delete the spaces before `{key}` on line {first + 1}"
    if any(line.strip() for line in lines[first + 1 : row]):  # (more lines of it: all moved)
        hint = f"delete {spaces} at the start of each line from {first + 1} to {row}"
    return (
        (
            f"the first key, `{key}` on line {first + 1}, is indented by "
            f"{spaces}, and the key on line {row + 1} by "
            f"{indent_of(lines[row]) or 'none'}: the keys of a map's top level all start "
            "their lines",
            hint,
        ),
        first + 1,
        depth + 1,
    )
