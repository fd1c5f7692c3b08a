"""YAML file -> Map. Refuses bad input with diagnostics, never with an exception."""

from __future__ import annotations

import bisect
import datetime as dt
import errno
import functools
import gc
import re
from collections.abc import Callable, Collection, Container, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path
from typing import Any

import yaml

from argmap import spec
from argmap.characters import (
    BIDI_CONTROL,
    BLANK,
    CONTROL,
    INVISIBLE,
    LIST_SEPARATOR,
    char_class,
    code_points,
    colon_hint,
    describe,
    is_hidden,
    located,
    lookalike_colon,
    visible,
)
from argmap.dates import iso_dates, no_such_day, real_date
from argmap.diagnostics import Diagnostic, Severity, closest, guessed, value_hint
from argmap.files import ADevice, TooLarge, other_format, read_input, unfound_hint
from argmap.model import Actor, ActorKind, Kind, Map, Node, Ref, Source, Span, Tags
from argmap.printable import clipped
from argmap.text import counted, position, source_lines
from argmap.urls import URL_SHOWN, mixed_script, refused
from argmap.yamlhints import (
    GLUED_ITEM,
    HEADING,
    QUOTED,
    QUOTED_SHOWN,
    argdown_hint,
    assigned_key,
    block_hint,
    block_under,
    commented_key,
    glued_key,
    indent_of,
    without_comment,
)
from argmap.yamlnodes import (
    CORE_TAG,
    MAX_NUMBER,
    STR_TAG,
    YMap,
    YNode,
    YScalar,
    YSeq,
    as_written,
    double_quoted,
    kind_name,
    number_by_12,
    readings,
    tagged,
)
from argmap.yamltree import compose, decode


@dataclass(frozen=True, slots=True)
class Loaded:
    """What loading one file gave: the map (None when unusable) and every problem found
    (but those of the looks put off, if any: `finished`)."""

    path: str
    text: str
    map: Map | None
    diagnostics: tuple[Diagnostic, ...]
    # Every diagnostic, the looks put off made (`loads(later=True)`); None if none was.
    pending: Callable[[], tuple[Diagnostic, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    def finished(self) -> Loaded:
        """This load with the looks it put off made: its every diagnostic."""
        if self.pending is None:
            return self
        return replace(self, diagnostics=self.pending(), pending=None)


def load(path: str | Path, later: bool = False) -> Loaded:
    """Load a map file; `-` reads standard input. `later`: see `loads`."""
    name = "<stdin>" if str(path) == "-" else str(path)
    if not name:  # (as a Path, the current folder: `argmap check "$UNSET"` checked it)
        name, empty = '""', ("the path is empty", "name a map: is a variable in the command unset?")
        diagnostic = Diagnostic("io-error", Severity.ERROR, Span.point(name), *empty)
        return Loaded(name, "", None, (diagnostic,))
    try:
        data = read_input(path)
    except FileNotFoundError:
        problem = "no such file or folder", unfound_hint(path)
        if Path(path).is_symlink():
            problem = (
                f"a link to {Path(path).readlink()}, which does not exist",
                "point the link at the map, or remove it",
            )
    except IsADirectoryError:
        problem = "a folder, not a map file", "name a map file in it"
    except ADevice:  # (`/dev/zero` was read to the size limit first)
        problem = "a device, not a map file", "name a map file, or `-` for standard input"
    except TooLarge as error:
        problem = f"cannot read the file: {error.strerror}", "split the debate into several maps"
    except OSError as error:
        reason = error.strerror or str(error)
        what = "file"
        with suppress(OSError):
            what = "folder" if Path(path).is_dir() else what  # (one that cannot be listed)
        problem = f"cannot read the {what}: {reason}", "check the path and its permissions"
        if error.errno == errno.ELOOP:
            problem = (
                "a link that loops, or leads on through too many others",
                "point the link at the map, or remove it",
            )
    else:
        return loads(data, name, later)
    diagnostic = Diagnostic("io-error", Severity.ERROR, Span.point(name), *problem)
    return Loaded(name, "", None, (diagnostic,))


def loads(data: bytes | str, file: str = "<string>", later: bool = False) -> Loaded:
    """Load a map from bytes or text; `file` names it in diagnostics. With `later`, the
    looks that only warn of what changes nothing in the map (`_MapBuilder.look`) are put
    off until `Loaded.finished`: a render hands the map to its layout engine first, and
    makes them while the engine works."""
    if isinstance(data, bytes):
        if other := other_format(data):
            kind, what = other
            hints = {
                "drawing": "give the map's YAML file (`argmap render` writes a map's drawing "
                "beside it: `debate.yaml` -> `debate.svg`)",
                "framework": f"read it as a map first: `argmap import {file} -o debate.yaml`",
                "file": "a map is a text file in YAML: `argmap new debate.yaml` writes one",
            }
            problem = Diagnostic(
                "not-a-map",
                Severity.ERROR,
                Span.point(file),
                f"this file is {kind}, not an argument map",
                hints[what],
            )
            return Loaded(file, "", None, (problem,))
        text, problems = decode(data, file)
        if text is None:
            return Loaded(file, "", None, tuple(problems))
    else:
        text = data
        # (Text decoded with `surrogateescape`, or from JSON's `"\ud800"`: no parser reads it.)
        if not text.isascii() and (lone := _LONE_SURROGATE.search(text)):
            line, column = position(text, lone.start())
            problem = Diagnostic(
                "encoding",
                Severity.ERROR,
                Span.point(file, line, column),
                f"the text holds U+{ord(lone[0]):04X}, half of a UTF-16 pair, which UTF-8 "
                "cannot hold: it was read from bytes that are not UTF-8",
                "read the file as UTF-8, strictly, or pass its bytes",
            )
            return Loaded(file, "", None, (problem,))
    with gc_paused():
        tree, problems = compose(text, file)
        builder = _MapBuilder(file, text, problems, later=[] if later else None)
        result = builder.build(tree) if tree is not None or not problems else None
    # (Not YAML's errors of it; not a YAML list, `- [c1, c2]`, which reads as Argdown's.)
    if result is None and not isinstance(tree, YSeq) and (foreign := _other_tool(text, file)):
        return Loaded(file, text, None, (foreign,))
    if builder.later:
        return Loaded(file, text, result, builder.said(), builder.looked)
    return Loaded(file, text, result, builder.looked())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTENT_LINE = re.compile(r"^[ \t]*[^\s#].*", re.MULTILINE)  # neither blank nor a comment
_ENTRY_LINE = re.compile(r"[ \t]+[^\s#:]+:(?:[ \t]|$)|[ \t]*- ")  # an indented key, an item
# A comment at the margin of one word, as Markdown heads a section (`## Reasons`), after a
# line's end (found by it some seven times as fast as by `^`: 0.1 ms in 140 KB).
_SECTION_COMMENT = re.compile(r"\n(" + HEADING + r"\r?)$", re.MULTILINE)
_LINK = re.compile(r"https?://\S+")  # a value that is a link, alone
# A line that is a node's field naming ids or tags (`by: pascal`, `supports: [c1, c2]`),
# as a line of prose hardly is.
_FIELD_LINE = re.compile(
    r"\s*({}):[ \t]+([\w.-]+|\[[\w.\-, ]*\])\s*(?:#.*)?$".format(
        "|".join(f.name for f in spec.NODE_FIELDS if f.type in ("ref", "refs", "tags"))
    )
)
# Argdown's lines: its front matter's fence, a statement (`[Title]: text`) or an argument
# (`<Title>: text`), either after a relation (`+`, `-`, `<+`, `+>`, `><`, `_>`, `<_`).
_ARGDOWN_FENCE = re.compile(r"===\s*")
_MARGIN_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")
_ARGDOWN_TITLE = re.compile(
    r"\s*(?:(?:<[+-]|[+-]>?|><|<_|_>)\s+)?(\[[^\]\n]+\]|<[^>\n]+>)(?::|\s*$)"
)


# Kialo's export of a discussion: its title (`Discussion Title: ...`), then a line for each
# claim, numbered by where it stands in the tree (`1.`, `1.2.`), with `Pro:` or `Con:`.
_KIALO_TITLE = re.compile(r"Discussion Title:")
_KIALO_LINE = re.compile(r"\s*(?:\d+\.)+\s+((?:Pro|Con):)?")


def _other_tool(text: str, file: str) -> Diagnostic | None:
    """An error for a file written in another tool's text format, which YAML reads as
    errors (or as text): say what it is, where its first statement is, and how a map
    writes it."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    content = [(n, line) for n, line in lines if not line.lstrip().startswith("#")]
    return (
        _toml(content, file)
        or _argdown(lines, file)
        or _kialo(content, file)
        or _outline(content, file)
    )


def _foreign(file: str, row: int, column: int, said: str, what: str, hint: str) -> Diagnostic:
    """The error for a file in another tool's format (`what`: `written in Argdown`), at its first
    line of that format (`row`), whose start it quotes (`said`, at `column`), with how a
    map writes what it holds (`hint`)."""
    return Diagnostic(
        "not-a-map",
        Severity.ERROR,
        Span.point(file, row, column),
        f"this file is {what} (`{clipped(said.strip(), 40)}` on line {row}), not an "
        "argument map: argmap reads maps in YAML",
        f"{hint}; `argmap new debate.yaml` writes a map to start from",
    )


# TOML's and INI's lines: a key given its value with `=`, and a table's or section's name.
_TOML_KEY = re.compile(r"[\w\"'-][\w.\"' -]*")  # (dotted, quoted, INI's with spaces)
_TABLE = re.compile(r"\s*\[\[?([^\[\]\n]+)\]\]?\s*")


def _assigned(line: str) -> tuple[str, str] | None:
    """The key and the value of a line of TOML or INI (`key = value`), if it is one.
    (Split at its `=`: a pattern of the key, spaces and `=` took 21 s on a line of
    160,000 spaces.)"""
    key, equals, value = line.partition("=")
    key = key.strip()
    if not equals or value.startswith("=") or not _TOML_KEY.fullmatch(key):
        return None
    return key, value.strip()


def _toml(lines: list[tuple[int, str]], file: str) -> Diagnostic | None:
    """TOML (or INI), if half its lines or more are keys given values with `=` (one at
    least) or tables' names (`[claims.a]`), and none is a YAML key at the margin."""
    assigned = [(n, line, found) for n, line in lines if (found := _assigned(line))]
    tables = [table[1] for _, line in lines if (table := _TABLE.fullmatch(line))]
    if (
        not assigned
        or 2 * (len(assigned) + len(tables)) < len(lines)
        or any(_MARGIN_KEY.match(line) for _, line in lines)
    ):
        return None
    row, line, (key, value) = assigned[0]
    nested = next((t.strip() for t in tables if "." in t.strip(".")), None)
    under = ""
    if nested:
        outer, _, inner = nested.partition(".")
        under = f", and a table's keys indented under its name (`[{nested}]` as `{outer}:`, "
        under += f"then `  {inner}:` below it)"
    return _foreign(
        file,
        row,
        len(line) - len(line.lstrip()) + 1,
        line,
        "written in TOML or INI",
        f"write each key with a colon, not `=` (`{clipped(f'{key}: {value}', 40)}`){under}",
    )


# An item of an outline, as YAML, Markdown or a word processor marks one.
_OUTLINE_ITEM = re.compile(r"(\s*)(?:[-*+•·‣◦]|\d+[.)])\s+\S")


def _outline(lines: list[tuple[int, str]], file: str) -> Diagnostic | None:
    """An outline (items, and items indented under them), if each line is an item and one
    at least is under another: YAML reads an item's text on into the items below it, and
    its error there said to quote a value (`- pro: ...`)."""
    items = [found for _, line in lines if (found := _OUTLINE_ITEM.match(line))]
    if len(items) != len(lines) or len({len(found[1]) for found in items}) < 2:
        return None
    row, line = lines[0]
    return _foreign(
        file,
        row,
        len(items[0][1]) + 1,
        line,
        "an outline, items under items",
        "write each item at the top as a claim (`claims:`, then `  my-claim: {text: ...}`), "
        "and each item under another as a reason that supports it or an objection that "
        "attacks it (`supports: my-claim`, `attacks: my-claim`)",
    )


def _kialo(lines: list[tuple[int, str]], file: str) -> Diagnostic | None:
    """Kialo's export, if a third of its lines or more are its numbered lines, one of them
    at least a `Pro:` or a `Con:` (or the file starts with its title), and no line but its
    title is a YAML key at the margin."""
    numbered = [(n, found) for n, line in lines if (found := _KIALO_LINE.match(line))]
    titled = bool(lines) and _KIALO_TITLE.match(lines[0][1]) is not None
    if (
        not numbered
        or not (titled or any(found[1] for _, found in numbered))
        or 3 * len(numbered) < len(lines)
        or any(_MARGIN_KEY.match(line) for _, line in lines[titled:])
    ):
        return None
    row, first = next(((n, f) for n, f in numbered if f[1]), numbered[0])
    return _foreign(
        file,
        row,
        len(first[0]) - len(first[0].lstrip()) + 1,
        first[0],
        "a discussion exported from Kialo",
        "write the thesis (`1.`) as a claim, each `Pro:` as a reason that supports the "
        "node numbered above it (`1.2.` is under `1.`), and each `Con:` as an objection "
        "that attacks it (a rebuttal, where it attacks an objection)",
    )


def _argdown(lines: list[tuple[int, str]], file: str) -> Diagnostic | None:
    """An error for a file written in Argdown, which YAML reads as errors (or as text): say
    what it is, where its first statement is, and how a map writes it. Argdown if its
    front matter opens the file, or if a third of its lines or more are titles, and no
    line after the front matter is a YAML key at the margin (a map's `claims:`, whose
    lists may look alike: `- [c1, c2]`)."""
    fences = [i for i, (_, line) in enumerate(lines[:100]) if _ARGDOWN_FENCE.fullmatch(line)]
    if fences[:1] == [0] and len(fences) > 1:
        lines = lines[fences[1] + 1 :]
    titled = [(n, found) for n, line in lines if (found := _ARGDOWN_TITLE.match(line))]
    if (
        not titled
        or 3 * len(titled) < len(lines)
        or any(_MARGIN_KEY.match(line) for _, line in lines)
    ):
        return None
    row, first = titled[0]
    return _foreign(
        file,
        row,
        first.start(1) + 1,
        first[1],
        "written in Argdown",
        "write each statement as a claim (`claims:`, then `  my-claim: {text: ...}`), and "
        "each argument for or against it as a reason or an objection that names it "
        "(`supports: my-claim`, `attacks: my-claim`)",
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures (the YAML
    tree, the model, the graph): its full collections grow with the heap, which would make
    loading and checking a big map quadratic. Reference counting still frees everything.
    (The young collection that the first allocation after the pause starts frees the few
    cycles made in it, such as networkx's graphs: moved to the oldest generation instead,
    they were kept, 100 KB a render of 30 nodes in a `watch`.)"""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True, slots=True)
class _Known:
    """The fields one kind of mapping may hold, indexed once rather than per mapping."""

    by_name: dict[str, spec.Field]
    required: tuple[spec.Field, ...]

    @classmethod
    def of(cls, fields: tuple[spec.Field, ...]) -> _Known:
        return cls({f.name: f for f in fields}, tuple(f for f in fields if f.required))


_MAP_FIELDS, _NODE_FIELDS, _ACTOR_FIELDS, _SOURCE_FIELDS, _RENDER_FIELDS = map(
    _Known.of, spec.ALL_FIELDS
)
_INVALID = object()
# Binary, which YAML 1.1 reads as a number and 1.2 as text; octal, the other way round.
_BASED = re.compile(r"[-+]?0(?:[bB][01_]*[01]|[oO][0-7]+)")
_WHOLE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+")  # as YAML 1.1 and 1.2 agree
_NODE_SECTIONS = frozenset(kind.section for kind in Kind)
# What shows nothing: white space, control characters, zero-width and bidirectional
# formatting marks, variation selectors and the rest of BLANK. A field of only these is
# an empty one.
_INVISIBLE = re.compile(rf"[\s{char_class(code_points(CONTROL, INVISIBLE, BLANK))}]*")
# A control character other than a line break (LF, CR, NEL) or a tab: YAML refuses one
# written as it is, but a quoted text's escape (`"\a"`, `"\e[2J"`) makes one. And the
# bidirectional controls, which YAML takes as they are ("Trojan Source").
_CONTROL_CHAR = re.compile(
    f"[{char_class(set(code_points(CONTROL, BIDI_CONTROL)) - {9, 10, 13, 0x85})}]"
)
_BIDI_CONTROL = frozenset(map(chr, code_points(BIDI_CONTROL)))
_ANY = spec.Field("", "text", "")  # the field a converter gets when it needs no details


# The sections whose entries are mappings of fields, by id.
_ENTRY_SECTIONS = frozenset({*_NODE_SECTIONS, "actors", "sources"})


def _sections_named(field: str) -> Collection[str]:
    """The sections whose ids the field names: `by` an actor's, `source` a source's, the
    rest (`supports`, `attacks`) a node's."""
    return {"by": ("actors",), "source": ("sources",)}.get(field, _NODE_SECTIONS)


def _fields_of(section: str) -> _Known:
    """The fields an entry of `section` may hold."""
    return {"actors": _ACTOR_FIELDS, "sources": _SOURCE_FIELDS}.get(section, _NODE_FIELDS)


# A line that is a list's item: its `- ` and the item's text (matched on the line without
# its trailing white space: `.*?\s*` would be quadratic in the line's length).
_ITEM = re.compile(r" *(-) +(\S.*)")
# A key, its colon and a quoted value glued to it (`text:"A: b"`, or after a no-break space).
_GLUED_QUOTED = re.compile(rf"""[^\s:]+:[^ \t"']?{QUOTED}""")
_EXAMPLE = re.compile(r"write it as `([^`]+)`")  # a wrong type's hint, with its example
# Plain text, then white space and `#` with no space after it: a hashtag, not a comment.
_COMMENT_LINE = re.compile(r" *#")
_HASHTAG = re.compile(r"(\s+)(#\S.*)")  # (the rest stripped after: `.*?\s*$` is quadratic)


def _node_like(node: YNode) -> bool:
    """Whether a value is a node's fields: the ids of a section, not a section misspelt."""
    return isinstance(node, YMap) and "text" in node.entries


def _holds_nodes(node: YNode) -> bool:
    """Whether a value holds entries with a node's fields: a section, whatever its name."""
    items = node.entries.values() if isinstance(node, YMap) else ()
    return any(_node_like(v) for _, v in items) or (
        isinstance(node, YSeq) and any(_node_like(item) for item in node.items)
    )


def _based(node: YNode) -> tuple[int, object, object] | None:
    """A number written in binary or octal (plain `0b1`, `0o17`), and what YAML 1.1 and 1.2
    read it as: `0b1` is 1 to YAML 1.1 and text to 1.2; `0o1`, the other way round."""
    written = node.value.strip() if isinstance(node, YScalar) and node.plain else ""
    if len(written) > MAX_NUMBER or not _BASED.fullmatch(written):
        return None
    number = int(written.replace("_", ""), 0)
    binary = written.lstrip("+-")[1] in "bB"
    return (number, number, "text") if binary else (number, "text", number)


class _AnyOf(Container[str]):
    """What is in any of `parts`, without their union: made for each invalid id, the
    union of 8,000 ids for each of 8,000 invalid ones took 11 s."""

    def __init__(self, parts: tuple[Container[str], ...]) -> None:
        self.parts = parts

    def __contains__(self, item: object) -> bool:
        return any(item in part for part in self.parts)


def _is_blank(node: YNode) -> bool:
    """Whether a value shows nothing: an empty field is an absent one."""
    return isinstance(node, YScalar) and (node.is_null or bool(_INVISIBLE.fullmatch(node.value)))


def invalid_id(
    key: str, span: Span, suggested: str | None = None, naming: str = "attacks"
) -> tuple[str, str]:
    """Why `key`, written at `span`, is not an id, and what to do: the first character the
    pattern refuses, named and placed, since the id may look right (an invisible character,
    a Cyrillic a) or be made of what a reader takes for letters (Cyrillic, accented); and
    the valid id `suggested` for it, if any (`spec.suggested_id`). An id that YAML reads
    as no value is said as the field `naming` would name it."""
    if key in spec.NULL_IDS:
        return (
            f"id `{key}` is what YAML reads as no value where a field names it "
            f"(`{naming}: {key}`): to YAML, and to any tool that reads the map, it names "
            "nothing",
            "give it another id",
        )
    at = spec.refused_at(key)
    rule = f"ids use only {spec.ID_CHARS}"
    if at == len(key):
        return "an id is empty", f"write one: {rule}"
    if at == spec.MAX_ID:
        return (
            f"id `{key[:20]}…` has {len(key):,} characters",
            f"an id is a short name, of at most {spec.MAX_ID:,}: the text goes in `text`",
        )
    c, shown = key[at], visible(key)
    where = located(span, key, at)
    if is_hidden(c):
        return f"id `{shown}` holds {where}", "delete it"
    if at == 0 and c in "_.-":
        return f"id `{key}` starts with `{c}`", "start it with an ASCII letter or digit"
    fix = f"; write it as `{suggested}`" if suggested else ""
    return f"id `{shown}` has {where}, which an id may not hold", rule + fix


_PROSE = frozenset(("text", "quote", "note", "summary"))  # text fields of sentences, not names
_SAID_AGAIN = 80  # characters of a value that a hint writes out again, at most
_WORDS = ("text", "tags", "refs", "ref")  # fields whose `#word` YAML may read as a comment


def _actor_written(
    node: YNode, actors: Mapping[str, Actor], written: dict[str, str], item: bool
) -> tuple[str, str] | None:
    """The hint for an actor written in place in `by` (`by: {name: Zola}`, or as an `item`
    of its list), and the id of the map's actor of that name, if it has one ("" if not:
    the hint then says to write the actor under `actors`, with an id that `by` names);
    None if `node` is no such mapping. `written` holds the ids given so far by name, and
    takes this one: one name gets one id, two names two (both `my-actor`, for names with
    no letter of an id)."""
    by = "" if item else "by: "  # (an item is its id alone: `by: [a, my-id]`)
    entries = node.entries if isinstance(node, YMap) else {}
    name = entries.get("name", (None, None))[1]
    if not (entries.keys() <= _ACTOR_FIELDS.by_name.keys() and isinstance(name, YScalar)):
        return None
    named = (k for k, a in actors.items() if a.name.casefold() == name.value.casefold())
    key = re.sub(r"[^\w.-]", "", spec.ascii_id(name.value.casefold()), flags=re.ASCII)
    key = key if spec.ID_RE.match(key) else "my-actor"  # (`o'brien` as `obrien`)
    if (known := next(named, None)) is not None:
        if not spec.ID_RE.match(known):  # (an actor `עמוס`: its own error says so)
            hint = f"{actors[known].name}'s id, once valid: rename `{known}` `{key}`, and "
            return f"{hint}write `{by}{key}`", ""  # (not read on: no line names `{known}`)
        return f"the id of {actors[known].name}, an actor of the map: `{by}{known}`", known
    if (given := written.get(name.value.casefold())) is not None:
        key = given
    else:
        taken = {*actors, *written.values()}  # (not an id taken: a duplicate key, or another's)
        key = next(k for n in count(1) if (k := f"{key}-{n}" if n > 1 else key) not in taken)
        written[name.value.casefold()] = key
    fields = ", ".join(
        f"{k}: {as_written(v.value, True)}"
        for k, (_, v) in entries.items()
        if type(v) is YScalar and not v.is_null
    )
    said = (
        f"an actor's id, `{by}{key}`, with the actor itself under `actors`: `{key}: {{{fields}}}`"
    )
    return said, ""


# The names a map's top level holds.
_TOP_NAMES = [*_MAP_FIELDS.by_name, *spec.SECTIONS]
# How alike (RapidFuzz's ratio, 0-100) a top-level key must be to one of them to be read
# as its typo: `closest` takes 60, at which `items` is `title`; a typo here misreads a
# whole section, and the names are short and few, so a closer likeness (`titel`: 80).
_TOP_LIKENESS = 75


def _kind_named(value: YNode) -> Kind | None:
    """The kind of node `value` names (`kind: objection`, `type: Reasons`, Kialo's and
    Carneades' `type: con`), if any."""
    if not isinstance(value, YScalar):
        return None
    written = value.value.strip().lower()
    word = _OTHER_KINDS.get(written, written.removesuffix("s"))  # (`theses`, `Reasons`)
    word = _OTHER_KINDS.get(word, word)  # (`pros`, `cons`)
    return next((kind for kind in Kind if kind.value == word), None)


# What a line starts with before its first key: its indentation, and a list's `- `.
_LINE_START = re.compile(r"[ \t]*(?:-[ \t]+)?")

# How each kind of node argues, and the other way (`supports: c` of a `type: con`).
_ARGUES = {"reasons": "supports", "objections": "attacks", "rebuttals": "attacks"}  # by section
_ARGUES_OTHERWISE = {"supports": "attacks", "attacks": "supports"}

# Other tools' words for kinds of node (Kialo's pros and cons, an argument's premise).
_OTHER_KINDS = {
    "pro": "reason",
    "premise": "reason",
    "con": "objection",
    "counterargument": "objection",
    "thesis": "claim",
    "theses": "claim",
    "conclusion": "claim",
}


def _section_inside(section: str, what: str) -> str:
    """The hint for a section of the map (`reasons:`) written inside node `what`, as if the
    nodes under it were that node's own."""
    hint = f"`{section}:` is a section of the map: write it unindented, at the start of a line"
    if section in _ARGUES:
        hint += f", and give each node under it `{_ARGUES[section]}:` naming {what}"
    return hint


def _joiner(tag: YScalar) -> str | None:
    """The separator in an unquoted tag that makes it several joined (see `joined_tags`):
    a comma of another script, or a semicolon before a space (not `10;30`, `&amp;`); None
    in a tag without one, or with an empty piece (`a;`), or in a link."""
    value = tag.value
    if not tag.plain or LIST_SEPARATOR.search(value) is None or "://" in value:
        return None  # (most tags, at once)
    odd = next(
        (
            m[0]
            for m in LIST_SEPARATOR.finditer(value)
            if m[0] != "," and (m[0] != ";" or value[m.end() : m.end() + 1].isspace())
        ),
        None,
    )
    if odd is None or not all(p.strip() for p in LIST_SEPARATOR.split(value)):
        return None
    return odd


def _listed(text: str) -> str:
    """Ids or tags written with commas between them, as a list's items: each as YAML reads
    it, its quotes off (`a, "b"` is `a, b`)."""
    # (`(a, b)` and `(a), (b)`, lists in other languages' ways: the brackets off; and no
    # empty item after a last comma, `a,`)
    pieces = [
        p.strip().removeprefix("(").removesuffix(")").strip() for p in LIST_SEPARATOR.split(text)
    ]
    return ", ".join(
        as_written(p[1:-1] if p[:1] == p[-1:] and p[:1] in "\"'" else p, True) for p in pieces if p
    )


def _read_as(node: YNode, value: float) -> str:
    """A number as said in a message: with what was written where YAML read it otherwise
    (`010` is 8, and `1:00` 60, in YAML 1.1), which "is 8" left a riddle."""
    shown = clipped(f"{value:g}" if isinstance(value, float) else str(value), 40)
    written = clipped(node.value.strip(), 40) if isinstance(node, YScalar) else ""
    if not written or written in (str(value), shown):
        return shown
    return f"`{written}`, which YAML reads as {shown}"


def _entries(node: YMap) -> bool:
    """Whether `node` holds a section's entries: each key's value a mapping of fields."""
    return all(isinstance(value, YMap) for _, value in node.entries.values())


def _top_name(key: str, value: YNode) -> str | None:
    """The name of the map's top level that `key` is a typo of, or, holding entries,
    another tool's name for, if any."""
    other = _OTHER_SECTIONS.get(_normal(key)) if isinstance(value, YMap | YSeq) else None
    return other or closest(key, _TOP_NAMES, likeness=_TOP_LIKENESS)


# Lines named in a hint, at most (then "and N more").
_LINES_SHOWN = 5


@dataclass
class _MapBuilder:
    file: str
    content: str  # the file's text
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # sections with something not read
    idless_sections: set[str] = field(default_factory=set)  # entries without an id (`idless`)
    listed: set[str] = field(default_factory=set)  # ids written as a list's items, not read
    bad_ids: dict[int, str] = field(default_factory=dict)  # invalid ids, by their diagnostic
    # Sections written indented, among another section's ids, to be read as their own.
    inner: list[tuple[str, YMap]] = field(default_factory=list)
    top: dict[str, YScalar] = field(default_factory=dict)  # the map's own keys
    render_spans: dict[str, Span] = field(default_factory=dict)  # its `render:` options'
    actors: dict[str, Actor] = field(default_factory=dict)  # once read: before the nodes
    sources: dict[str, Source] = field(default_factory=dict)  # likewise
    # Actors written in place (`by: {name: Zola}`): the id each hint gives, by their name.
    written_actors: dict[str, str] = field(default_factory=dict)
    # Each section's keys as written (its ids), before any is read: `names_what_is_there`.
    written_ids: dict[str, set[str]] = field(default_factory=dict)
    suggested_ids: set[str] = field(default_factory=set)  # by hints to invalid ids, so far
    # Ids YAML reads as no value (`null`), by the section they are ids of: `_names_null_id`.
    null_ids: set[tuple[str, str]] = field(default_factory=set)
    # The field naming what the node being read argues about (a reason's `supports`), whose
    # emptiness a rule says (`refs`).
    argues: str | None = None
    # The looks put off (`look`), each a method and its arguments: none if None.
    later: list[tuple[Callable[..., None], tuple[Any, ...]]] | None = None

    @functools.cached_property
    def lines(self) -> list[str]:
        return source_lines(self.content)

    @functools.cached_property
    def anchored(self) -> set[tuple[int, int]]:
        """Where an anchor that no alias uses stands before an empty value (said as YAML
        is read, before the map is built)."""
        return {d.span[1:3] for d in self.diagnostics if d.rule == "unused-anchor"}

    def error(self, rule: str, span: Span, message: str, hint: str) -> None:
        self.diagnostics.append(Diagnostic(rule, Severity.ERROR, span, message, hint))

    def look(self, check: Callable[..., None], *args: Any) -> None:
        """`check(self, *args)`, a look that only adds diagnostics, which nothing reads
        back: now, or put off (`later`) where the loader was asked to (`loads`)."""
        if self.later is None:
            check(self, *args)
        else:
            self.later.append((check, args))

    @contextmanager
    def now(self) -> Iterator[None]:
        """The looks of the block made now: what it says is read back."""
        later, self.later = self.later, None
        try:
            yield
        finally:
            self.later = later

    def said(self) -> tuple[Diagnostic, ...]:
        """What was said so far, once each: a value an alias repeats is read, and its
        mistakes found, at each use."""
        return tuple(dict.fromkeys(self.diagnostics))

    def looked(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic, the looks put off made."""
        for check, args in self.later or ():
            check(self, *args)
        self.later = None
        return self.said()

    def build(self, tree: YNode | None) -> Map | None:
        if tree is None or (isinstance(tree, YScalar) and tree.is_null):
            lines = [line.strip() for line in self.lines if line.strip()]
            said = "holds no map" if lines else "is empty"  # (`---`, `~`)
            if lines and all(line.startswith("#") for line in lines):
                said = "holds only comments"
            self.error(
                "missing-field",
                Span.point(self.file),
                f"the file {said}; a map needs at least `argmap: 1` and a `title`",
                "run `argmap new FILE` for a commented starter map",
            )
            return None
        if not isinstance(tree, YMap):
            self.error(
                "wrong-type",
                tree.span,
                f"a map file must be a mapping of sections, not {kind_name(tree)}",
                "start the file with `argmap: 1` and `title: ...` at the left margin",
            )
            return None
        self.top = {k: key for k, (key, _) in tree.entries.items()}
        self.look(_MapBuilder.section_comments, tree)
        self.written_ids = {
            k: set(v.entries) for k, (_, v) in tree.entries.items() if isinstance(v, YMap)
        }
        if not any(
            k in _MAP_FIELDS.by_name or k in spec.SECTIONS or _holds_nodes(v)
            for k, (_, v) in tree.entries.items()
        ):
            # Another tool's YAML (docker-compose.yml, a CI workflow) met in a folder: one
            # error that says so, not one per key. (Entries with a `text` each, under
            # names of another tool's, `pros:`, make a map, whose keys are then said.)
            self.error(
                "not-a-map",
                tree.span,
                "this YAML file has none of a map's keys (`argmap`, `title`, `claims`, ...): "
                "it is not an argument map",
                "check only the folder that holds the maps (`argmap check maps/`); pre-commit "
                "can pass `--maps-dir maps`",
            )
            return None
        if "argmap" in tree.entries:
            written = tree.entries["argmap"][1]
            if not _is_blank(written) and self.version(written, "`argmap` of the map") is None:
                return None  # another format version: the rest of the file means other things
        # What each key that names nothing at the top level is a typo of, if anything:
        # worked out once, for the two readings below.
        meant = {
            k: None if _node_like(v) else _top_name(k, v)
            for k, (_, v) in tree.entries.items()
            if k not in _TOP_NAMES
        }
        adopted = self.at_the_margin(tree, meant)
        top = tree
        if adopted:  # (the map's own fields, without the ids read as a section's)
            read = {k for keys in adopted.values() for k in keys}
            top = YMap(tree.span, {k: e for k, e in tree.entries.items() if k not in read})
        values, spans = self.fields(
            top, _MAP_FIELDS, "the map", Span.point(self.file), extra=tuple(spec.SECTIONS)
        )
        version = values.get("argmap", spec.FORMAT_VERSION)
        # A section's name misspelt (`objection:`) is reported as an unknown field, and its
        # entries read as that section's: else every reference to them was an error too.
        keys = {name: name for name in spec.SECTIONS if name in tree.entries}
        for key, section in meant.items():
            value = tree.entries[key][1]
            if section in spec.SECTIONS and isinstance(value, YMap):
                if section not in keys:
                    keys[section] = key
                elif _entries(value):  # (`pros:` beside `reasons:`: its ids read as more)
                    self.inner.append((section, value))
            elif section is None and isinstance(value, YMap) and _holds_nodes(value):
                # Nodes under a name that says no kind (`thesis:`): not read, and not
                # said to be missing where they are named.
                self.listed.update(k for k, (_, v) in value.entries.items() if _node_like(v))
        sections = {name: self.section(tree.entries[key][1], name) for name, key in keys.items()}
        for name, ids in adopted.items():
            entries = YMap(tree.entries[ids[0]][0].span)
            entries.entries = {k: tree.entries[k] for k in ids}
            sections[name] = self.section(entries, name)
        while self.inner:  # (reading one may find another inside it)
            name, inner = self.inner.pop(0)
            known = {entry[0]: entry[2] for entry in sections.get(name, [])}
            more = self.section(inner, name)
            if name in ("sources", "actors"):  # (nodes' ids are checked across sections below)
                for again in (entry for entry in more if entry[0] in known):
                    self.error(
                        "duplicate-id",
                        again[2],
                        f"id `{again[0]}` is already in `{name}`, on line {known[again[0]].line}",
                        "rename one",
                    )
                more = [entry for entry in more if entry[0] not in known]  # (the first kept)
            sections[name] = [*sections.get(name, []), *more]
        self.misplaced_nodes(sections)
        sources = self.sources = {
            key: self.source(key, node, span)
            for key, node, span in sections.get("sources", [])
            if isinstance(node, YMap)
        }
        actors = self.actors = {
            key: self.actor(key, node, span)
            for key, node, span in sections.get("actors", [])
            if isinstance(node, YMap)
        }
        nodes: dict[str, Node] = {}
        duplicates: list[Node] = []
        for kind in Kind:
            for key, node, span in sections.get(kind.section, []):
                if key in nodes:
                    first = nodes[key]
                    self.error(
                        "duplicate-id",
                        span,
                        f"id `{key}` is already used by the {first.kind} on line {first.span.line}",
                        "ids are unique across claims, reasons, objections and rebuttals; "
                        "rename one",
                    )
                    if isinstance(node, YMap):  # (its fields' mistakes are said now too)
                        duplicates.append(self.node(key, kind, node, span))
                elif isinstance(node, YMap):
                    nodes[key] = self.node(key, kind, node, span)
        if self.bad_ids:
            self.where_named([*nodes.values(), *duplicates])
        of_nodes = [tree.entries[keys[k.section]][1] for k in Kind if k.section in keys]
        self.look(_MapBuilder.alike_ids, of_nodes)
        return Map(
            path=self.file,
            title=values.get("title", ""),
            span=tree.span,
            version=version,
            summary=values.get("summary"),
            render=values.get("render", {}),
            fields=spans | {f"render.{k}": span for k, span in self.render_spans.items()},
            nodes=nodes,
            actors=actors,
            sources=sources,
            # (A duplicate id's later entry is not read into the map either: rules.base.twice.)
            unreadable=frozenset(
                key
                for entries in sections.values()
                for key, node, _ in entries
                if not isinstance(node, YMap)
            )
            | {node.id for node in duplicates}
            | self.listed,
            duplicates=tuple(duplicates),
            unread_sections=frozenset(self.unread),
        )

    def misplaced_nodes(self, sections: dict[str, list[tuple[str, YNode, Span]]]) -> None:
        """Nodes written among the actors or the sources (a `text`, a `supports` or an
        `attacks`, and none of an actor's or a source's own fields): each one error, and
        read as a node of the kind its fields say, not as an actor with a missing `name`,
        two unknown fields, unused."""
        answered = {
            key for kind in ("objections", "rebuttals") for key, *_ in sections.get(kind, [])
        }
        for name, own in (("actors", _ACTOR_FIELDS), ("sources", _SOURCE_FIELDS)):
            kept = []
            for key, value, span in sections.get(name, []):
                # (With a relation: a source with a `text` for its `title` is no node.)
                if not (
                    isinstance(value, YMap)
                    and _node_like(value)
                    and value.entries.keys() & {"supports", "attacks"}
                    and not value.entries.keys() & own.by_name.keys()
                ):
                    kept.append((key, value, span))
                    continue
                attacks = value.entries.get("attacks", (None, None))[1]
                listed = attacks.items if isinstance(attacks, YSeq) else [attacks]
                attacked = {i.value for i in listed if isinstance(i, YScalar) and not i.is_null}
                kind = (
                    Kind.REASON
                    if "supports" in value.entries
                    else (Kind.REBUTTAL if attacked <= answered else Kind.OBJECTION)
                )
                self.error(
                    "wrong-type",
                    span,
                    f"`{key}` under `{name}:` has a node's fields (`text`, `"
                    f"{'supports' if kind is Kind.REASON else 'attacks'}`): it is read as "
                    f"{'an' if kind is Kind.OBJECTION else 'a'} {kind}",
                    f"move it under `{kind.section}:`",
                )
                sections.setdefault(kind.section, []).append((key, value, span))
            sections[name] = kept

    def alike_ids(self, sections: list[YNode]) -> None:
        """Report node ids in different sections that YAML reads as one number (`1.1` of a
        reason, `1.10` of an objection, Kialo's way of numbering): argmap reads each as
        written, and other tools (an editor with the JSON Schema) take them, and each
        reference to them, for one id. (In one section, a duplicate key: `yamltree`.)"""
        seen: dict[tuple[str, Any], tuple[YScalar, int]] = {}
        for at, section in enumerate(sections):
            for key, _ in section.entries.values() if isinstance(section, YMap) else ():
                if not key.plain:
                    continue
                for value, said in readings(key):
                    first, where = seen.setdefault(value, (key, at))
                    if where != at:
                        self.error(
                            "duplicate-id",
                            key.span,
                            f"id `{key.value}` is read by {said}, equal to `{first.value}` on "
                            f"line {first.span.line}: other tools take them, and each "
                            "reference to them, for one id",
                            "give them ids that are not numbers (`r1-1`, `o1-10`)",
                        )
                        break

    def where_named(self, nodes: list[Node]) -> None:
        """Each invalid id's hint, with the lines that name it: renamed where it is written
        only, it would make each of them an unknown reference."""
        named: dict[str, set[int]] = {}
        for node in nodes:
            for ref in (*node.supports, *node.attacks, *node.by, *filter(None, [node.source])):
                named.setdefault(ref.id, set()).add(ref.span.line)
        for index, key in self.bad_ids.items():
            if lines := sorted(named.get(key, ())):
                # (The first few: an id named 20,000 times made a hint of 129 KB.)
                shown = [str(n) for n in lines]  # (1,006 read as two)
                more = f"{len(lines) - _LINES_SHOWN:,} more"
                where = f"line{'s' if len(lines) > 1 else ''} {_some(shown, _LINES_SHOWN, more)}"
                verb = "names" if len(lines) == 1 else "name"
                diagnostic = self.diagnostics[index]
                self.diagnostics[index] = replace(
                    diagnostic, hint=f"{diagnostic.hint}; rename it where {where} {verb} it too"
                )

    def at_the_margin(self, tree: YMap, meant: dict[str, str | None]) -> dict[str, list[str]]:
        """Ids written at the margin after their section's key (`claims:`, then `ubi:` not
        indented under it), which leaves the section empty: section -> the ids, read as its
        own, with one error. Else each was an unknown field, and each reference to one an
        error too. `meant` is what each unknown key is a typo of, if anything."""
        adopted: dict[str, list[str]] = {}
        section = None
        for key, (key_node, value) in tree.entries.items():
            if key in spec.SECTIONS or key in _MAP_FIELDS.by_name:
                empty = isinstance(value, YScalar) and value.is_null
                section = key if key in spec.SECTIONS and empty and key not in adopted else None
            # (A key close to a section's or field's name is a typo of it: `reason:`.)
            elif section is not None and isinstance(value, YMap) and meant[key] is None:
                ids = adopted.setdefault(section, [])
                if not ids:
                    self.error(
                        "yaml-syntax",
                        key_node.span,
                        f"`{key}:` is written at the margin, where sections go, after "
                        f"`{section}:`, which it leaves empty",
                        f"indent the ids of `{section}` by 2 spaces, and their fields by 4; "
                        f"they are read here as its own",
                    )
                ids.append(key)
            else:
                section = None
        return adopted

    def section(self, node: YNode, name: str) -> list[tuple[str, YNode, Span]]:
        """The entries of section `name` (its value `node`) as (id, value, span of the id);
        checks ids and shapes."""
        what = name[:-1]
        if isinstance(node, YScalar) and node.is_null:
            return []
        if not isinstance(node, YMap):
            listed = node.items if isinstance(node, YSeq) else []
            items = [i for i in listed if isinstance(i, YMap) and i.entries]
            # `- my-id: {...}` for each entry: the ids are there, and named elsewhere. (The
            # first key of each item, whose fields may follow it, and each with fields.)
            # `- id: my-id` with the fields after it, as other tools write a list: the ids are
            # the values of `id`.
            named = [i.entries["id"][1] for i in items if "id" in i.entries]
            ids = [v.value for v in named if isinstance(v, YScalar) and spec.ID_RE.match(v.value)]
            for item in items:
                if "id" not in item.entries:  # (its id is its `id`'s value, not `id`)
                    self.listed.add(next(iter(item.entries)))
                self.listed.update(k for k, (_, v) in item.entries.items() if isinstance(v, YMap))
            self.listed.update(ids)
            hint = f"write it as `{name}: {{my-id: ...}}`"
            # `- jane`, ids alone (named elsewhere too): each a key, with its fields.
            bare = [i.value for i in listed if isinstance(i, YScalar) and spec.ID_RE.match(i.value)]
            self.listed.update(bare)
            if bare and len(bare) == len(listed):
                needed = {"actors": "name", "sources": "title"}.get(name, "text")
                hint = (
                    f"write each id as a key of `{name}:`, with its fields under it or in "
                    f"braces: `{bare[0]}: {{{needed}: ...}}`"
                )
            # (`sources: [https://..., https://...]`: a source is more than its link.)
            given = [node] if isinstance(node, YScalar) else listed
            urls = [i.value for i in given if isinstance(i, YScalar) and _LINK.fullmatch(i.value)]
            if name == "sources" and urls and len(urls) == len(given):
                url = as_written(urls[0], True)
                hint = f"write it as `sources: {{my-source: {{title: ..., url: {url}}}}}`"
                if len(urls) > 1:
                    hint += f", with an id and a title for each of its {len(urls)} links"
            # (An item's first key, unless a field: its id, its fields in it or after it.)
            first = next(iter(items[0].entries), None) if items else None
            if first in spec.FIELD_TYPES:
                first = None
            if first and self.lines[node.span.line - 1][node.span.column - 1 :].startswith("-"):
                # (A list at the margin, its `- ` taken away, made the ids the map's own.)
                hint = (
                    f"write each id as a key of `{name}:`, without the `- ` before it "
                    f"(`{first}:` for `- {first}:`)"
                    + ", indented by 2 spaces"
                    * (node.span.column == 1)
                )
            flow = self.lines[node.span.line - 1][node.span.column - 1 :].startswith("[")
            if ids and flow:  # (`claims: [{id: a, text: A}]`)
                hint = (
                    f"write each item's id as its key, in braces: `{name}: {{{ids[0]}: "
                    f"{{text: ...}}}}` for `{name}: [{{id: {ids[0]}, text: ...}}]`"
                )
            elif ids:
                hint = (
                    f"write each item's id as its key, `{ids[0]}:` for `- id: {ids[0]}`, "
                    "indented by 2 spaces, and the item's other fields under it, by 4"
                )
            self.wrong_type(node, f"`{name}`", "a mapping of id -> " + what, hint=hint)
            self.unread.add(name)
            return []
        entries: list[tuple[str, YNode, Span]] = []
        keys = list(node.entries)
        # The ids after a section's name written, empty, among these ids: that section's.
        moved: YMap | None = None
        for at, (key, (key_node, value)) in enumerate(node.entries.items()):
            if self.indented_section(name, key_node, value, followed=at + 1 < len(keys)):
                moved = None
                if isinstance(value, YScalar):  # (empty: the ids after it are its own)
                    moved = YMap(key_node.span)
                    self.inner.append((key, moved))
                continue
            if moved is not None and key == name and _is_blank(value):
                # (`  claims:` again, after `  objections:` and its ids: back to its own)
                self.error(
                    "wrong-type",
                    key_node.span,
                    f"`{name}` is a section of the map, written among its own ids: the ids "
                    "after it are read as its own again",
                    "write each section's name once, unindented, at the start of a line, "
                    "with its ids under it",
                )
                moved = None
                continue
            if moved is not None:
                moved.entries[key] = (key_node, value)
                continue
            if self.idless(name, key_node, value, entries) or self.outdented_field(
                name, key_node, value, entries
            ):
                continue
            written = key  # (as the hints below write it)
            if key in spec.NULL_IDS:  # (a field that names it reads on: `_names_null_id`)
                self.null_ids.add((name, key))
                self.bad_ids[len(self.diagnostics)] = key
                naming = {"actors": "by", "sources": "source"}.get(name, "attacks")
                nothing = invalid_id(key, key_node.span, naming=naming)
                self.error("invalid-id", key_node.span, *nothing)
            elif not spec.ID_RE.match(key):
                # (Not an id the map has, anywhere, nor one given to another invalid id.)
                taken = _AnyOf((self.suggested_ids, node.entries, *self.written_ids.values()))
                suggested = spec.suggested_id(key, taken)
                self.bad_ids[len(self.diagnostics)] = key
                self.error("invalid-id", key_node.span, *invalid_id(key, key_node.span, suggested))
                written = suggested or key
                self.suggested_ids.add(written)
            if (
                name in _ENTRY_SECTIONS
                and isinstance(value, YScalar)
                and value.is_null
                and at + 1 < len(keys)
                and keys[at + 1] in _fields_of(name).by_name
            ):
                # An empty id, its fields below it at its own indentation: those fields
                # are reported, and read on as its own (see `outdented_field`).
                value = YMap(value.span)
            elif not isinstance(value, YMap):
                first = "name" if name == "actors" else "title" if name == "sources" else "text"
                known = _fields_of(name)
                if not (isinstance(value, YScalar) and self.lookalike_key(value, known)):
                    said = value.value if isinstance(value, YScalar) and not value.is_null else ""
                    # (The text written, kept: `o: Shops will close.`, a short line of it.)
                    short = said and "\n" not in said and len(said) <= _SAID_AGAIN
                    link = name == "sources" and bool(short) and bool(_LINK.fullmatch(said))
                    said = as_written(said, True) if short else "..."
                    example = f"`{written}: {{{first}: {said}}}`"
                    if link:  # (`s0: https://...`: the source's link, not its title)
                        example = f"`{written}: {{title: ..., url: {said}}}`"
                    self.wrong_type(value, f"{what} `{key}`", "a mapping of fields", example)
                self.unread.add(name)
            entries.append((key, value, key_node.span))
        return entries

    def indented_section(
        self, section: str, key: YScalar, value: YNode, followed: bool = False
    ) -> bool:
        """Whether `key: value` among a section's ids is a section of its own (`reasons:`
        among the claims), indented, or written empty among them and `followed` by the ids
        meant to be its own: reported, and its entries read on as that section's, so that
        the indentation is the one error it causes (not also a claim without text, and every
        reference to its nodes unknown)."""
        name = key.value
        if name not in spec.SECTIONS or name == section:
            return False
        empty = isinstance(value, YScalar) and value.is_null
        if not empty and not isinstance(value, YMap):
            return False
        if isinstance(value, YMap) and (
            not value.entries or any(type(v) is not YMap for _, v in value.entries.values())
        ):
            return False  # (an id of that name, with its fields)
        hint = f"write `{name}:` unindented, at the start of a line, as `{section}:` is"
        if there := self.top.get(name):  # (a second `objections:` would be a duplicate key)
            hint = f"move its entries into the `{name}:` on line {there.span.line}"
        written = "indented here" if isinstance(value, YMap) else "written among these ids"
        self.error(
            "wrong-type",
            key.span,
            f"`{name}` is a section of the map, {written} so that YAML reads it as an id in "
            f"`{section}`"
            + (": the ids after it are read as its own" if empty and followed else ""),
            hint,
        )
        if isinstance(value, YMap):
            self.inner.append((name, value))
        return True

    def idless(
        self, section: str, key: YScalar, value: YNode, entries: list[tuple[str, YNode, Span]]
    ) -> bool:
        """Whether `key: value`, before any id of the section, is a field of an entry written
        without its id (`claims:`, then `  text: ...`): reported once, at its first field,
        and its fields passed over. Read as ids, each field was "a mapping of fields, not
        text", with a hint (`text: {text: ...}`) that made a claim named `text`."""
        known = _fields_of(section)
        if entries or isinstance(value, YMap) or key.value not in known.by_name:
            return False
        if section not in self.idless_sections:
            self.idless_sections.add(section)
            what = section[:-1]
            head = self.top[section].span.line - 1 if section in self.top else -1  # (`# r1:`)
            a = "an" if what[0] in "aeiou" else "a"
            self.error(
                "wrong-type",
                key.span,
                f"`{key.value}` is {a} {what}'s field, written where the ids of `{section}` "
                f"go: the {what} has no id",
                commented_key(self.lines, key.span.line - 1, head)
                or f"write its id on a line of its own under `{section}:`, such as "
                f"`  my-{what}:`, and indent its fields under it by 2 more spaces",
            )
            self.unread.add(section)
        return True

    def outdented_field(
        self, section: str, key: YScalar, value: YNode, entries: list[tuple[str, YNode, Span]]
    ) -> bool:
        """Whether `key: value` among a section's nodes is a field of the node above it,
        indented as an id: reported, and read on as that node's, so that the indentation is
        the one error it causes (not also a node that "attacks nothing")."""
        if section not in _ENTRY_SECTIONS or isinstance(value, YMap) or not entries:
            return False
        above, fields, where = entries[-1]
        if key.value not in _fields_of(section).by_name or not isinstance(fields, YMap):
            return False
        if key.value in fields.entries:
            return False
        first = next(iter(fields.entries.values()))[0].span if fields.entries else None
        entry = "node" if section in _NODE_SECTIONS else "entry"
        if first is None or first.column <= where.column:  # (`a:` alone, then its fields)
            move = f"indent it by {counted(where.column + 1, 'space')}, under `{above}:`"
        elif first.line == where.line:  # `o: {text: ...}`: the fields are written in braces
            move = f"write it inside that {entry}'s `{{...}}`"
        else:
            move = (
                f"indent it by {counted(first.column - 1, 'space')} like that {entry}'s other "
                "fields"
            )
        self.error(
            "wrong-type",
            key.span,
            f"`{key.value}` is a field, written where the ids of `{section}` go",
            f"if it is a field of `{above}` (line {where.line}), {move}",
        )
        # Read on with the field in a copy: the mapping may be an alias's too (`b: *a`).
        entries[-1] = (above, YMap(fields.span, {**fields.entries, key.value: (key, value)}), where)
        return True

    def wrong_type(
        self, node: YNode, what: str, expected: str, example: str = "", hint: str = ""
    ) -> None:
        """Report `node`, which is not what it must be: with a hint, or written as `example`
        (or as its one item, for one value written in brackets: `theme: [dark]`)."""
        one = node.items[0] if isinstance(node, YSeq) and len(node.items) == 1 else None
        scalar = "list" not in expected and "mapping" not in expected and not self.alias(node)
        if not hint and scalar and isinstance(one, YScalar) and not one.is_null:
            span, item = one.span, one.value  # (a number's or a choice's, unquoted: `"20"`)
            if one.plain or expected == "text":  # (as written: a text quoted stays quoted)
                item = self.lines[span.line - 1][span.column - 1 : span.end_column - 1]
            kept = one.plain or expected == "text" or re.fullmatch(r"[\w.+-]+", item)
            if span.line == span.end_line and kept:
                start = node.span
                # (`text:`, then `- A claim` below it: a list with no brackets)
                written = self.lines[start.line - 1][start.column - 1 :]
                bracketed = re.match(r"(?:[&!]\S*\s+)*\[", written) is not None  # (`&a [x]`)
                how = "without the brackets" if bracketed else "after the key, without its `- `"
                hint = f"write it as its one item, {how}: `{item}`"
        message, hint = (
            f"{what} must be {expected}, not {kind_name(node)}",
            hint or f"write it as {example}",
        )
        if alias := self.alias(node):
            message += f" (`*{alias}` stands for the whole value marked `&{alias}`)"
        self.error("wrong-type", node.span, message, hint)

    def alias(self, node: YNode) -> str | None:
        """The anchor's name if `node` is a collection written as an alias (`by: *bob`)."""
        span = node.span
        written = self.lines[span.line - 1][span.column - 1 : span.column] if span.line else ""
        if isinstance(node, YScalar) or written != "*":
            return None
        return self.lines[span.line - 1][span.column : span.end_column - 1]

    def line_rest(self, node: YScalar) -> str:
        """The rest of the line from `node`, a key that starts it, without a comment; ""
        for a key that does not start its line. (Read for each of 20,000 keys on one line,
        it was quadratic.)"""
        span = node.span
        line = self.lines[span.line - 1]
        starts = (first := _LINE_START.match(line)) is not None and first.end() == span.column - 1
        return without_comment(line[span.column - 1 :]) if starts else ""

    def lookalike_key(self, node: YScalar, known: _Known) -> tuple[str, YScalar, int] | None:
        """Report a `known` field written with a look-alike colon, or with no space after its
        colon, at the start of the plain text `node`, which YAML read as text: the field
        meant, if there was one, the value written after it, and the column on its line
        where what was meant as its value ends (past `node`, for a quoted text with a comma
        in braces, which YAML read as more keys: `{role:"Chair, Board"}`)."""
        if not node.plain:
            return None
        span = node.span
        written, line = node.value, self.lines[span.line - 1]
        rest = self.line_rest(node)
        if rest and not re.search(r"[,{}\[\]]", rest):
            # A field of its own line: all of it (`text:Note: it passed`, which YAML reads
            # as a key `text:Note`; `text:\u00a0|`, its block below read on as more text).
            written = rest
        elif (quoted := _GLUED_QUOTED.match(line, span.column - 1)) and quoted[0].startswith(
            written
        ):  # (in braces, `{text:"A: b"}`: the quoted value, read as a key `text:"A`)
            written = quoted[0]
        if (glued := glued_key(written, known.by_name)) is not None:
            problem, offset = glued
            line, column = self.lines[span.line - 1], span.column + offset
            if line[span.column - 1 : span.column] == "*":  # (an alias's: said where it is)
                column = span.column
            elif line[column - 2 : column - 1] != ":":  # (folded, as below)
                return None
            self.error("yaml-syntax", Span.point(span.file, span.line, column), *problem)
            return node.value[: offset - 1], _after(node, offset), span.column + len(written)
        found = lookalike_colon(node.value, known.by_name)
        if found is None and (assigned := assigned_key(written, known.by_name)):
            # (`c1: text; A claim`, `by = doleac`: a field, its colon written as a `;` or `=`)
            key, problem, start, end = assigned
            line, column = self.lines[span.line - 1], span.column + start
            if line[column - 1 : column] != written[start : start + 1]:
                return None  # (folded from a later line: not said so)
            self.error("yaml-syntax", Span.point(span.file, span.line, column), *problem)
            return key, _after(node, end), span.column + len(written)
        if found is None:
            return None
        key, at = found
        line, column = self.lines[span.line - 1], span.column + at
        if line[column - 1 : column] != key[-1]:  # (folded from a later line: not said so)
            return None
        self.error(
            "yaml-syntax",
            Span(span.file, span.line, column, span.line, column + 1),
            *colon_hint(key),
        )
        return key[:-1].rstrip(), _after(node, at + 1), span.end_column

    def fields(
        self,
        node: YMap,
        known: _Known,
        what: str,
        at: Span,
        extra: tuple[str, ...] = (),
        owner: str = "",
    ) -> tuple[dict[str, Any], dict[str, Span]]:
        """Converted values of the known fields, and where each was written. Unknown, missing
        and ill-typed fields are reported; `at` is where a missing field is reported, and
        `owner` the id of the node the fields are of."""
        by_name = known.by_name
        values: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        written = set()
        blank: dict[str, YScalar] = {}
        # A field's plain text, and whether the comma that cut it short is reported: a comma
        # in `{text: Cheap, fast}` ends the field, and `fast` is a key of its own.
        cut: tuple[str, YScalar, bool] | None = None
        swallowed = (0, 0)  # (the line and column a glued key's quoted value reaches)
        first = len(self.diagnostics)  # (what these fields' values said starts here)
        items = list(node.entries.items())
        for index, (key, (key_node, value)) in enumerate(items):
            f = by_name.get(key)
            if f is None:
                if key in extra:
                    continue
                line, column = key_node.span.line, key_node.span.column
                if (line, column) < swallowed and line == swallowed[0] and _is_blank(value):
                    continue  # (`Board"` of `{role:"Chair, Board"}`: said with `role:`)
                if lookalike := self.lookalike_key(key_node, known):
                    meant, after, reach = lookalike
                    swallowed = (key_node.span.line, reach)
                    written.add(meant)  # (not "missing" too)
                    if meant not in node.entries and _is_blank(value):
                        # (`{text: Hi, by:x}`: by `x`, not also an actor nobody is by)
                        self.read_on(values, spans, by_name[meant], after, what)
                    continue
                names = [*by_name, *extra]
                node_like = known is _MAP_FIELDS and _node_like(value)
                guess = None
                if not node_like:  # (`spaces` is no `sources`)
                    guess = _top_name(key, value) if known is _MAP_FIELDS else closest(key, names)
                other = _other_name(key) if known is _NODE_FIELDS else None
                if other == "relation" and not what.startswith(Kind.CLAIM.value):
                    other = "supports" if what.startswith(Kind.REASON.value) else "attacks"
                if other in by_name:
                    guess = other
                elif other == "relation":  # (a claim's: it may back or oppose the other)
                    guess = None
                hint = guessed(key, guess) if guess else "known fields: " + ", ".join(names)
                if key.startswith("<!--"):  # (an HTML comment, as Markdown files hold them)
                    said = self.lines[key_node.span.line - 1].strip().removeprefix("<!--")
                    hint = (
                        "`<!--` starts a comment in HTML; in YAML a comment starts with `#`: "
                        f"write `# {said.removesuffix('-->').strip()}`"
                    )
                if known is _MAP_FIELDS and not guess and _holds_nodes(value):
                    hint = (
                        f"`{key}` is no section, and its entries are nodes: move each under "
                        "`claims:`, `reasons:`, `objections:` or `rebuttals:`, as its kind"
                    )
                if known is _NODE_FIELDS and other not in by_name:
                    hint = (
                        _other_tools_hint(other, key, value, node, owner, what, self.sources)
                        or hint
                    )
                if key_node.plain and (assigned := assigned_key(self.line_rest(key_node), names)):
                    hint = "; ".join(assigned[1])  # (`text = "A: b"`, a key to YAML)
                    written.add(assigned[0])  # (not "missing" too)
                if known is _NODE_FIELDS and (argdown := _ARGDOWN_LINE.fullmatch(key)):
                    # `+ r1: text` under a claim, as Argdown writes its reasons and objections
                    section = f"{what.split(' ', 1)[0]}s"
                    text = _plain(value) or ""
                    there = any(argdown[2] in ids for ids in self.written_ids.values())
                    hint = argdown_hint(argdown[1], argdown[2], text, owner, section, there)
                if guess and guess in node.entries:  # (`author` beside its `by`)
                    hint += f" {what} has one already: keep one of the two"
                    if guess in spec.SECTIONS and isinstance(value, YMap):
                        hint = (
                            f"`{key}` is no section: move its ids under `{guess}:`"
                            if _entries(value)  # (read as more of it)
                            else f"`{key}` is no section: write it under `{guess}:`, as "
                            f"an entry with an id of its own (`my-id: {{...}}`)"
                        )
                moved = None  # (the field `key` is written as, and whose field it is)
                if field := _other_field(known, key):  # `journal`, `title` of an actor
                    owner_kind = (
                        "render section"
                        if known is _RENDER_FIELDS
                        else "map"
                        if known is _MAP_FIELDS
                        else what.split()[0]
                    )
                    hint = _in_source_hint(key, field, value, node, owner_kind)
                    guess = None if _normal(key) == "doi" else field  # (read on: not a DOI)
                    moved = f"write the {key} as the {owner_kind}'s `{field}`"
                engine = isinstance(value, YScalar) and value.value.strip().lower() in _ENGINES
                if known is _RENDER_FIELDS and _normal(key) in ("layout", "engine") and engine:
                    guess = None
                    hint = f"argmap lays every map out with Graphviz's `dot`: remove `{key}` "
                    hint += "(`direction`, TB, BT, LR or RL, says where the claims go)"
                if _normal(key) in _WHERE_IN_SOURCE and known in (_NODE_FIELDS, _SOURCE_FIELDS):
                    guess, hint = None, _where_in_source_hint(key, value, node, known)
                if node_like:
                    hint = (
                        f"`{key}` has a `text`, as a node has: write it under a section's "
                        "key (`claims:`, `reasons:`, `objections:` or `rebuttals:`), indented "
                        "by 2 spaces, and its fields by 4"
                    )
                said_kind = _kind_named(value) if known is _NODE_FIELDS else None
                if known is _NODE_FIELDS and key == "id" and owner:
                    said = _plain(value)
                    hint = (
                        f"a node's id is its key, `{owner}:`: remove "
                        + (f"`id: {said}`" if said else "`id`")
                        if said == owner or not spec.ID_RE.fullmatch(said)
                        else f"a node's id is its key, `{owner}:`: to name it `{said}`, "
                        f"write `{said}:` there (and in the nodes that name it), and remove "
                        f"`id: {said}`"
                    )
                if key in ("kind", "type") and said_kind is not None:
                    hint = f"a node's kind is the section it is written in: remove `{key}`"
                    if not what.startswith(said_kind.value):  # (not where it is already)
                        hint = (
                            f"a node's kind is the section it is written in: write it under "
                            f"`{said_kind.section}:`, without `{key}`"
                        )
                        argues = _ARGUES.get(said_kind.section)
                        if argues and (other_way := _ARGUES_OTHERWISE[argues]) in node.entries:
                            hint += f", and with `{argues}` for `{other_way}`"
                if (
                    known is _NODE_FIELDS
                    and key in spec.SECTIONS
                    and (other not in by_name or isinstance(value, YMap))
                ):  # (not `sources: s1`, a `source`)
                    hint, guess = _section_inside(key, what), None
                piece = isinstance(value, YScalar) and value.is_null  # `fast` in the example
                # `{name: Timm, role researcher}`: a field written without its colon; or
                # `{text: Taxes rise, by most accounts}`, a text cut short by its comma
                word, space, rest = key.partition(" ")
                continued = cut and cut[1].span.end_line == key_node.span.line
                # (An id's or a date's comma cuts no text: `{source: s, tags x}` is a field.)
                prose = cut is not None and by_name[cut[0]].type in ("text", "url", "weight")
                rest = rest.strip()
                if word in by_name and by_name[word].type == "tags":  # `{tags x}`: a list
                    quoted = rest[:1] in ("'", '"') and rest[-1:] == rest[:1]
                    rest = f"[{rest if quoted else as_written(rest, in_brackets=True)}]"
                colon = f"write `{word}: {rest}`"
                if not (space and rest and word in by_name and word not in node.entries):
                    colon = ""
                if piece and colon and not (continued and prose):  # (before a guess: `tags x`)
                    written.add(word)  # (not "missing" too)
                    hint, guess, cut = f"`{word}` is written without its `:`; {colon}", None, None
                elif (
                    cut
                    and piece
                    and continued
                    # (`{attacks: a, b}`: a list, meant, rather than a misspelt `by`)
                    and (guess is None or colon or by_name[cut[0]].type in ("refs", "tags"))
                ):
                    if cut[2]:
                        continue  # more of the text, said with its first piece
                    text = self.cut_text(cut[1], items[index:], by_name)
                    cut = (cut[0], cut[1], True)
                    hint = "a comma inside {...} ends the field; if it belongs to the text, " + (
                        f"quote the text: `{cut[0]}: {double_quoted(text)}`"
                        if len(text) <= QUOTED_SHOWN  # (a line of 80 KB was said whole)
                        else f"quote the whole text of `{cut[0]}`"
                    )
                    if colon:
                        hint += f"; if `{word}` is a field of its own, {colon}"
                    if by_name[cut[0]].type in ("refs", "tags"):  # `{by: a, b}`: a list
                        listed = _listed(text) if len(text) <= QUOTED_SHOWN else "..."
                        hint = "a comma inside {...} ends the field; write a list: "
                        hint += f"`{cut[0]}: [{listed}]`"
                        self.said_with(first, cut[1])
                    if by_name[cut[0]].type == "date" and (days := iso_dates(text)):
                        # `date: August 24, 2006`: quoted, still no ISO date
                        hint = "a comma inside {...} ends the field; write the date as " + (
                            " or ".join(f"`{cut[0]}: {day}`" for day in days)
                        )
                    if by_name[cut[0]].type == "weight":  # `weight: 0,5`: a decimal comma
                        fraction = _fraction(cut[1]._replace(value=text))
                        hint = "a comma inside {...} ends the field; write the number with a " + (
                            f"point: `{fraction}`" if fraction is not None else "point, from 0 to 1"
                        )
                else:
                    cut = None
                if (
                    guess is None
                    and known is _NODE_FIELDS
                    and isinstance(value, YMap)
                    and "text" in value.entries
                ):
                    block = value.span.line > key_node.span.line  # (indented, below its id)
                    hint = _nested_node_hint(key, value, owner, what, at.column - 1, block) or hint
                if (guess is None or " " in key) and (
                    ended := block_hint(self.lines, line - 1, column - 1, level=True)
                ):  # (`Second line: more`, a line of the text above it that ends the block)
                    hint, guess = f"if it is more of the text above: {ended}", None
                read: list[Diagnostic] = []
                if guess in by_name and guess not in node.entries:
                    before = len(self.diagnostics)
                    with self.now():  # (its diagnostics, read back)
                        self.read_on(values, spans, by_name[guess], value, what, key)
                    read = self.diagnostics[before:]
                    del self.diagnostics[before:]
                if guess and len(read) == 1 and read[0].span == value.span:
                    # `tag: x`: one error, "did you mean `tags`? it must be a list of
                    # tags, not text: write `tags: [x]`"
                    example = _EXAMPLE.fullmatch(read[0].hint)
                    must = read[0].message.partition(" must be ")[2]
                    if moved:  # `colour: blue`: not `theme: blue`
                        hint = f"{moved}; {read[0].hint}"
                    elif example and must:
                        hint += f" it must be {must}: write `{guess}: {example[1]}`"
                    else:
                        hint += f" then {read[0].hint}"
                    read = []
                self.error("unknown-field", key_node.span, f"unknown field `{key}` in {what}", hint)
                self.diagnostics += read
                if guess:
                    written.add(guess)  # not also "missing": the typo says where it is
                continue
            if cut and not cut[2] and self.cut_by_name(key_node, value, cut, by_name):
                text = self.cut_text(cut[1], items[index:], {})
                hint = (
                    f"if it belongs to the text, quote the text: `{cut[0]}: {double_quoted(text)}`"
                )
                if by_name[cut[0]].type in ("refs", "tags"):  # `{supports: c1, note}`
                    hint = f"if it is one of them, write a list: `{cut[0]}: [{_listed(text)}]`"
                    self.said_with(first, cut[1])
                self.error(
                    "invalid-value",
                    key_node.span,
                    f"`{key}` of {what} has no value, and follows its `{cut[0]}` on one line: "
                    "a comma inside {...} ends the field",
                    f"{hint}; if `{key}` is a field of its own, give it a value",
                )
                cut = (cut[0], cut[1], True)
                continue
            cut = None
            if type(value) is YScalar:  # (`_is_blank`, inline: a map is mostly such fields)
                null = value.is_null and not (
                    f.type in ("ref", "refs") and self._names_null_id(value, f)
                )
                # (A quoted id is one of a list too: `{by: 'a', 'b'}`; quoted text is whole.)
                if (value.plain or f.type in ("refs", "tags")) and not null:
                    cut = (key, value, False)
                if null or _INVISIBLE.fullmatch(value.value):
                    blank[key] = value  # an empty field is an absent one
                    spans[key] = value.span  # (written, though: where to say so)
                    # (Text left empty: a required one is said below; quoted, another
                    # type's value holds no `#`; and `~ #todo` is empty as written.)
                    if value.plain and not value.value and not f.required and f.type in _WORDS:
                        self.hashtag_after(value, f"`{key}` of {what}", f)
                    continue
            written.add(key)
            converted = _CONVERTERS[f.type](self, value, f"`{key}` of {what}", f)
            if converted is not None:
                values[key] = converted
                spans[key] = value.span
        if known is _NODE_FIELDS:
            for key, (key_node, value) in items:
                if (
                    key in by_name
                    and by_name[key].type == "text"
                    and isinstance(value, YScalar)
                    and value.span.end_line > value.span.line  # (a block's lines, if any)
                ):
                    self.look(
                        _MapBuilder.field_in_block, value, f"`{key}` of {what}", key_node, node
                    )
        for f in known.required:
            if f.name not in written:
                meaning = f.description[0].lower() + f.description[1:-1]
                commented = None
                rule = "missing-text" if f.name == "text" else "missing-field"
                if f.name in blank:
                    message, hint = f"`{f.name}` of {what} is empty", f"fill it in ({meaning})"
                    if unindented := self.block_left_empty(blank[f.name].span):
                        hint = unindented
                    elif not blank[f.name].value and (
                        commented := self.comment_after(blank[f.name])
                    ):
                        message += f": YAML reads `{commented[0]}` as a comment"
                        hint = f"quote the text to keep all of it: `{double_quoted(commented[0])}`"
                else:
                    message, hint = f"{what} has no `{f.name}`", f"add `{f.name}: {f.example}`"
                    hint += f" ({meaning})"
                where = blank[f.name].span if f.name in blank else at
                self.error(rule, commented[1] if commented else where, message, hint)
        return values, spans

    def read_on(
        self,
        values: dict[str, Any],
        spans: dict[str, Span],
        f: spec.Field,
        value: YNode,
        what: str,
        written: str = "",
    ) -> None:
        """Read `value` on as field `f`'s, although its key is mistaken (`written`, or `f`'s
        own name mistyped): so that the mistake is the one error it causes (`support:`
        would also make "supports nothing" and "disconnected")."""
        if _is_blank(value):
            return
        converted = _CONVERTERS[f.type](self, value, f"`{written or f.name}` of {what}", f)
        if converted is not None:
            values[f.name] = converted
            spans[f.name] = value.span

    def block_left_empty(self, span: Span) -> str:
        """The hint for an empty value at `span` written as a `|` or `>` block whose text
        YAML read as keys (`yamlhints.block_under`); "" if it is not one."""
        if (block := block_under(self.lines, span.line - 1)) is None:
            return ""
        key, indicator = block
        return (
            f"the text under its `{indicator}` starts no further right than `{key}:`, so "
            f"YAML reads it as keys: indent the text's lines further than `{key}:`"
        )

    def said_with(self, first: int, piece: YScalar) -> None:
        """Drop the wrong type said of `piece`, the first of a list cut by its commas (`tags:
        x`, then `y`): the list's hint says it. Of what was said since `first`, where the
        fields began (not the whole file's: once per such field, that was quadratic)."""
        self.diagnostics[first:] = [
            d
            for d in self.diagnostics[first:]
            if not (d.rule == "wrong-type" and d.span == piece.span)
        ]

    def cut_by_name(
        self, key: YScalar, value: YNode, cut: tuple[str, YScalar, bool], known: Mapping[str, Any]
    ) -> bool:
        """Whether a known field's name, with no colon and no value after it on the line of
        a text (`{text: Read the fine print, quote, attacks: a}`), is more of the text, cut
        short by its comma, rather than a field left empty: the text lost its end without
        a word."""
        if type(value) is not YScalar or not value.is_null:
            return False
        if known[cut[0]].type not in ("text", "refs", "tags"):
            return False
        if key.span.line != cut[1].span.end_line or key.span.line != key.span.end_line:
            return False
        return not self.lines[key.span.line - 1][key.span.end_column - 1 :].lstrip().startswith(":")

    def cut_text(
        self, text: YScalar, rest: list[tuple[str, tuple[YScalar, YNode]]], known: Mapping[str, Any]
    ) -> str:
        """The text of a field cut short by commas (`text`), as written up to the last of the
        keys on its line that `rest` starts with (`{url: ...@40.7,-73.9,12z}`)."""
        end, pieces = text.span, [text.value]
        for key, (key_node, value) in rest:
            if key in known or key_node.span.line != end.end_line or not _is_blank(value):
                break
            end = key_node.span
            pieces.append(key)
        start = text.span
        line = self.lines[start.line - 1]
        # (A text over several lines, or given by an alias, `*a`, which the line shows: its
        # pieces, joined.)
        if start.line != end.end_line or line[start.column - 1 : start.column] == "*":
            return ", ".join(pieces)
        return line[start.column - 1 : end.end_column - 1]

    def node(self, key: str, kind: Kind, node: YMap, span: Span) -> Node:
        self.argues = _ARGUES.get(kind.section)
        v, spans = self.fields(node, _NODE_FIELDS, f"{kind} `{key}`", span, owner=key)
        return Node(
            id=key,
            kind=kind,
            text=v.get("text", ""),
            span=span,
            by=v.get("by", ()),
            source=v.get("source"),
            quote=v.get("quote"),
            supports=v.get("supports", ()),
            attacks=v.get("attacks", ()),
            tags=v.get("tags", ()),
            note=v.get("note"),
            weight=v.get("weight"),
            fields=spans,
        )

    def actor(self, key: str, node: YMap, span: Span) -> Actor:
        v, _ = self.fields(node, _ACTOR_FIELDS, f"actor `{key}`", span)
        return Actor(
            key, v.get("name", ""), span, v.get("role"), ActorKind(v.get("kind", "person"))
        )

    def source(self, key: str, node: YMap, span: Span) -> Source:
        v, _ = self.fields(node, _SOURCE_FIELDS, f"source `{key}`", span)
        return Source(
            key,
            v.get("title", ""),
            span,
            v.get("author"),
            v.get("publisher"),
            v.get("date"),
            v.get("url"),
        )

    # Converters: YAML value -> model value, or None after reporting why not.

    def text(self, node: YNode, what: str, f: spec.Field = _ANY) -> str | None:
        if isinstance(node, YScalar):
            self.typed(node, what)
            if node.plain:
                self.look(_MapBuilder.hashtag_after, node, what)
            # (In a text field only: a URL or a choice read as text says more of its own.)
            if f.type in ("text", "tags") and f is not _ANY and not node.value.isprintable():
                self.control_character(node, what)
            # The text as written: `text: yes` is the word "yes", not YAML 1.1's True.
            return node.value
        span, hint = node.span, ""
        written = (
            self.lines[span.line - 1][span.column - 1 : span.end_column - 1] if span.line else ""
        )
        items = node.items if isinstance(node, YSeq) else []
        scalars = [i for i in items if isinstance(i, YScalar) and i.value]
        lines = [i.value for i in scalars]
        several = len(lines) == len(items) > 1  # (`author: [Ann, Bob]`: in one text, meant)
        joined = f"write them as one text, `{f.name}: {{}}`".format
        block = span.line and self.lines[span.line - 1][span.column - 1 : span.column] == "-"
        if f.type == "text" and span.line == span.end_line and written[:1] in ("[", "{"):
            # (`title: [Draft]`; not an alias's, or one with an anchor: `&a [x]`)
            hint = f"quote it to keep its brackets: `{double_quoted(written)}`"
            if several:
                hint = f"{joined(as_written(', '.join(lines), True))}; or {hint}"
        elif f.type == "text" and block and several and "\n" not in "".join(lines):
            if f.name in _PROSE:  # (lines, or sentences, one an item: what a block keeps)
                quotes = "" if all(i.plain for i in scalars) else " and quotes"
                hint = (
                    f"to keep its lines, write a block: `{f.name}: |`, and below it the lines "
                    f"indented, without their `- `{quotes}; or `{f.name}: >` to join them into "
                    "one paragraph"
                )
            else:  # (`author:`, then `- Ann` and `- Bob`)
                hint = joined(as_written(", ".join(lines)))
        example = '"..." (quote text that has a colon or starts with [ or {)'
        self.wrong_type(node, what, "text", example, hint)  # (a choice's `[dark]`: `dark`)
        return None

    def typed(self, node: YScalar, what: str) -> None:
        """Report a text or an id tagged with a YAML type other than text (`text: !!null x`,
        `by: !!bool x`): null, a number or a date to any other YAML reader."""
        if node.tag in (None, STR_TAG):
            return
        tag, reads = tagged(self.lines, node)
        self.error(
            "wrong-type",
            node.span,
            f"{what} is tagged `{tag}`, which makes YAML read it as {reads}, not text",
            f"delete `{tag}`",
        )

    def control_character(self, node: YScalar, what: str) -> None:
        """Warn of a control character that a quoted text's escape made (`"\\a"`), or a
        bidirectional control."""
        if bad := _CONTROL_CHAR.search(node.value):
            hint = (
                "delete it: no drawing shows it, and an editor or a terminal shows the text "
                "after it reordered (right-to-left text needs none: drawings set its direction)"
                if bad[0] in _BIDI_CONTROL
                else "delete it: no drawing shows it, and a terminal may act on it (a line "
                "break or a tab is written as itself)"
            )
            self.diagnostics.append(
                Diagnostic(
                    "control-character",
                    Severity.WARNING,
                    node.span,
                    f"{what} holds {located(node.span, node.value, bad.start())}",
                    hint,
                )
            )

    def comment_after(self, node: YScalar) -> tuple[str, Span] | None:
        """What follows unquoted `node` that YAML read as a comment, as it starts with `#`
        (a hashtag, `#4dw`), and where; None when nothing does, or a comment proper (`# ...`,
        with a space). A hashtag that starts a line of the text (indented deeper than its
        key, with nothing after it on its lines but more such) counts too."""
        row, column = node.span.end_line, node.span.end_column
        line = self.lines[row - 1] if row <= len(self.lines) else ""
        # (What follows the text, without a copy; most lines hold no `#` at all.)
        cut = _HASHTAG.match(line, column - 1) if "#" in line else None
        if cut is not None:
            return cut[2].rstrip(), Span.point(self.file, row, column + len(cut[1]))
        if row >= len(self.lines) or not _COMMENT_LINE.match(self.lines[row]):
            return None
        if len(line.rstrip()) != column - 1:
            return None  # (`{text: A}`, in braces, or `text: A  # note`: its line is its own)
        first = self.lines[node.span.line - 1] if node.span.line else ""
        deeper = len(first) - len(first.lstrip(" "))  # (its key's indentation, at most)
        if deeper == node.span.column - 1:  # (`text:`, its text on the lines below)
            deeper -= 1
        hashtags: list[re.Match[str]] = []
        for below in self.lines[row : row + 1 + 100]:  # (a page of hashtags: said in part)
            found = _HASHTAG.fullmatch(below)
            if found is None or len(found[1]) <= deeper or "\t" in found[1]:
                break
            hashtags.append(found)
        if not hashtags or not node.value:
            return None
        start = len(hashtags[0][1]) + 1
        return " ".join(h[2].rstrip() for h in hashtags), Span.point(self.file, row + 1, start)

    def field_in_block(self, node: YScalar, what: str, key: YScalar, fields: YMap) -> None:
        """Warn of a node's field written inside a text block (`text: |`, then `by: pascal`
        among its lines, or below it, indented as deep): YAML keeps it as a line of the
        text, and the node lacks the field, which only other warnings hinted at. Only a
        field the node (`fields`) lacks, naming what the map has (`by: the way` is prose)."""
        span, lines = node.span, self.lines
        if not span.line or lines[span.line - 1][span.column - 1 : span.column] not in "|>":
            return
        rows = range(span.line, min(span.end_line, len(lines)))
        # (The text's lines are indented as its first is; the node's next field less.)
        deep = next((indent_of(lines[row]) for row in rows if lines[row].strip()), 0)
        indent = counted(key.span.column - 1, "space")
        for row in rows:
            found = _FIELD_LINE.match(lines[row])
            if (
                found is None
                or indent_of(lines[row]) < deep  # (the node's, after the text)
                or found[1] in fields.entries
                or not self.names_what_is_there(found[1], found[2])
            ):
                continue
            self.diagnostics.append(
                Diagnostic(
                    "field-in-text",
                    Severity.WARNING,
                    Span.point(self.file, row + 1, found.start(1) + 1),
                    f"`{found[1]}: {found[2]}` on line {row + 1} is inside the text block of "
                    f"{what} (line {span.line}), so YAML reads it as text, not as a field",
                    f"if it is the node's `{found[1]}`, move it out of the text: on a line "
                    f"after it, indented by {indent}, like `{key.value}:`",
                )
            )

    def names_what_is_there(self, field: str, value: str) -> bool:
        """Whether `field: value`, a line of a text, names what the map has: its actors, its
        sources, its nodes; tags in brackets (`tags: none` is prose)."""
        if field == "tags":
            return value.startswith("[")
        ids = [i.strip() for i in value.strip("[]").split(",") if i.strip()]
        there = [self.written_ids.get(name, set()) for name in _sections_named(field)]
        return bool(ids) and all(any(i in ids_of for ids_of in there) for i in ids)

    def section_comments(self, tree: YMap) -> None:
        """Warn of a comment at the margin that names a section the map lacks, above
        indented entries, as a Markdown heading is written (`## Reasons`): YAML reads the
        entries as more of the section above, without a word."""
        text, row, counted, below = "\n" + self.content, 0, 0, None  # (the first line's end)
        keys = sorted((key.span.line, name) for name, key in self.top.items())
        for found in _SECTION_COMMENT.finditer(text):
            name = found[2].lower()
            row, counted = row + text.count("\n", counted, found.start()), found.start()
            if below is None or below.start() < found.end():  # (once for a run of comments)
                below = _CONTENT_LINE.search(text, found.end())
            if name not in spec.SECTIONS or name in tree.entries:
                continue
            if below is None or not _ENTRY_LINE.match(below[0]):
                continue  # (nor a line of a text quoted over lines: `# Reasons` is text there)
            placed = bisect.bisect(keys, (row + 1, ""))  # (the map's keys above it)
            above = keys[placed - 1][1] if placed else ""
            self.diagnostics.append(
                Diagnostic(
                    "section-comment",
                    Severity.WARNING,
                    Span.point(self.file, row + 1, 1),
                    f"`{found[1].strip()}` is a comment to YAML, not the key of a section: the "
                    f"entries below it are read as "
                    + (f"more of `{above}`" if above else "the map's own fields"),
                    f"write the section's key: `{name}:`",
                )
            )

    def hashtag_after(
        self, node: YScalar, what: str, f: spec.Field = _ANY, item: bool = False
    ) -> None:
        """Warn of unquoted text that goes on after ` #`, or is nothing but a hashtag
        (`title: #MeToo`), which YAML reads as a comment: the text is cut short, or left
        empty, without a word. So is an empty field `f` of tags or ids (`tags: #transport`,
        `supports: #c1`), or an `item` of its list (`- #c1`): they were dropped without a
        word."""
        if (commented := self.comment_after(node)) is None:
            return
        hashtag, at = commented
        message = f"{what} ends before `{hashtag}`: YAML reads ` #` and what follows as a comment"
        if not node.value:
            message = f"{what} is empty: YAML reads `{hashtag}` as a comment"
        whole = double_quoted(f"{node.value} {hashtag}" if node.value else hashtag)
        hint = f"quote the text to keep all of it: `{whole}`"
        words = [w.lstrip("#") for w in hashtag.split() if w.lstrip("#")]
        if f.type in ("tags", "refs", "ref") and words:
            what_is = "a tag" if f.type == "tags" else "an id"
            one = f.type == "ref" or (f.type == "refs" and len(words) == 1)
            listed = words[0] if one else f"[{_listed(', '.join(words))}]"
            hint = f"{what_is} is written without `#`: `{f.name}: {listed}`"
            if item:  # (each of several on a line of its own)
                hint = f"{what_is} is written without `#`: " + ", then ".join(
                    f"`- {as_written(word)}`" for word in words
                )
        self.diagnostics.append(Diagnostic("comment-in-text", Severity.WARNING, at, message, hint))

    def ref(self, node: YNode, what: str, f: spec.Field = _ANY, item: bool = False) -> Ref | None:
        """The id in `node`, the value of field `f` or (`item`) an item of its list."""
        if isinstance(node, YScalar):
            self.typed(node, what)
            return Ref(node.value, node.span)
        items = node.items if isinstance(node, YSeq) else []
        first = next((i for i in items if isinstance(i, YScalar) and not i.is_null), None)
        name = first.value if first is not None else f"my-{f.name}"
        if alias := self.alias(node):  # (an entry's whole value, not its id)
            name = alias
        example = {
            "source": f"one source id, `source: {name}`, with the source itself under `sources`",
        }.get(f.name, "a single id such as `my-claim`")
        if named := _named_id(node):  # (`source: {id: s1}`, or in a list, `[{id: c1}]`)
            written = named.value if f is _ANY or item else f"{f.name}: {named.value}"
            first, example = named, f"the id itself: `{written}`"
        elif f.name == "by" and (actor := self.actor_written(node, item)):  # `[a, {name: Zola}]`
            example, known = actor
            first = named = YScalar(known, True, None, node.span) if known else None
        self.wrong_type(node, what, "an id", example)
        # A source read on as the hint says, the list's first id: `source: [a, b]` also made
        # "a is not the source of any node" and "quotes someone but names no source"; an id
        # given by its field, `{id: c1}`, read on, so that "supports nothing" is not said.
        if first is not None and (f.name == "source" or named):
            return Ref(first.value, first.span)
        return None

    def actor_written(self, node: YNode, item: bool = False) -> tuple[str, str] | None:
        """`_actor_written` of this map: its actors, and the ids its hints gave so far."""
        return _actor_written(node, self.actors, self.written_actors, item)

    def refs(self, node: YNode, what: str, f: spec.Field = _ANY) -> tuple[Ref, ...] | None:
        if isinstance(node, YScalar):
            return tuple([r for piece in self.joined(node) if (r := self.ref(piece, what))])
        if isinstance(node, YSeq):
            items = [piece for item in node.items for piece in self.joined(item)]
            if f.name == self.argues and items and all(self.left_empty(i, f) for i in items):
                # (`supports:`, then `-` alone: the reason supports nothing, which its rule
                # says at the field; said of the item too, it was two errors for one.)
                return ()
            said = f"an item of {what}"
            return tuple(
                [
                    r
                    for item in items
                    if (self._names_null_id(item, f) or not self.empty(item, said, f))
                    and (r := self.ref(item, said, f, item=True))
                ]
            )
        example = "`[first-id, second-id]`"
        # Ids with a mark each (`{c1: yes}`, `{c1: 0.8}`), not fields (`{id: c1}`, a node).
        marked = node.entries.values() if isinstance(node, YMap) else ()
        keys = [key for key, value in marked if spec.ID_RE.match(key.value) and _a_mark(value)]
        if len(keys) != len(marked):
            keys = []
        if keys:
            example = f"`[{', '.join(key.value for key in keys)}]`"
        if named := _named_id(node):
            example, keys = f"the id itself: `{f.name}: {named.value}`", [named]
            weight = node.entries.get("weight", (None, None))[1] if isinstance(node, YMap) else None
            if isinstance(weight, YScalar) and not weight.is_null and f.name != "by":
                example += (
                    f"; argmap weighs a node, not a relation: `weight: {weight.value}` among "
                    "its fields is its base score"
                )
        if alias := self.alias(node):  # (an entry's whole value, not its id)
            example, keys = f"the id itself, as in `{f.name}: {alias}`", []
        elif f.name == "by" and (actor := self.actor_written(node)):  # `{name: Zola}`
            example, known = actor
            # (The map's actor of that name read on, as the hint says: not also "unused".)
            keys = [YScalar(known, True, None, node.span)] if known else []
        self.wrong_type(node, what, "an id or a list of ids", example)
        # The ids of a mapping read on, as the hint says: `supports: {c1: yes}` and
        # `supports: {id: c1}` also made "supports nothing".
        return tuple(Ref(key.value, key.span) for key in keys) or None

    def tags(self, node: YNode, what: str, f: spec.Field = _ANY) -> tuple[str, ...] | None:
        if isinstance(node, YSeq):
            items = [piece for item in node.items for piece in self.joined(item)]
            said = f"a tag in {what}"
            found = Tags.written(
                [
                    (t, item.span)
                    for item in items
                    if not self.empty(item, said, f, words=True) and (t := self.text(item, said, f))
                ]
            )
            self.look(_MapBuilder.joined_tags, items, what)
            return found
        example = "`[economy, polling]`"
        if isinstance(node, YScalar) and (written := _listed(node.value)):
            example = f"`[{written}]`"
            words = node.value.split()
            if len(words) > 1 and all(as_written(w, True) == w for w in words):
                # (`tags: economy jobs`: one tag with a space, or two without a comma)
                example += f", or `[{', '.join(words)}]` for {counted(len(words), 'tag')}"
        if isinstance(node, YScalar) and node.plain and (item := GLUED_ITEM.fullmatch(node.value)):
            # (Not `- economy`, which YAML refuses after the key on its line.)
            example = f"`[{item[1]}]`, or `- {item[1]}` on a line of its own"
        if isinstance(node, YScalar) and node.plain and node.span.end_line > node.span.line:
            # (`1. transport` and `2. nightlife` below the key, as Markdown numbers a list)
            lines = self.lines[node.span.line - 1 : node.span.end_line]
            marked = [m for line in lines if (m := _LIST_MARK.fullmatch(line.strip()))]
            if len(marked) == len(lines):
                example = (
                    f"`[{', '.join(as_written(m[2], True) for m in marked)}]`, or each on a "
                    f"line of its own after `- ` (YAML's mark of an item, not `{marked[0][1]}`)"
                )
        self.wrong_type(node, what, "a list of tags", example)
        return None

    def joined_tags(self, items: list[YNode], what: str) -> None:
        """Warn of each unquoted tag of `items` with a separator in it that YAML does not
        read as a list's comma (`[経済、政策]`, `[economy; polling]`): one tag, where
        several were meant, with no error. The hint lists every tag, these apart."""
        tags = [item for item in items if isinstance(item, YScalar) and item.value]
        joined = {id(tag): odd for tag in tags if (odd := _joiner(tag)) is not None}
        if not joined:
            return
        pieces = [
            [p.strip() for p in LIST_SEPARATOR.split(tag.value)]
            if id(tag) in joined
            else [tag.value]
            for tag in tags
        ]
        listed = ", ".join(as_written(p, True) for piece in pieces for p in piece)
        listed = listed if len(listed) <= QUOTED_SHOWN else "..."  # (every tag, each warning)
        for tag, piece in zip(tags, pieces, strict=True):
            if id(tag) in joined:
                self.diagnostics.append(
                    Diagnostic(
                        "joined-tags",
                        Severity.WARNING,
                        tag.span,
                        f"the tag `{tag.value}` in {what} holds {describe(joined[id(tag)])}, "
                        "which YAML does not read as a comma between tags: it is one tag",
                        f"to give {len(piece)} tags, write them apart with `, `: "
                        f"`tags: [{listed}]`; to keep one tag, quote it",
                    )
                )

    def _names_null_id(self, value: YNode, f: spec.Field) -> bool:
        """Whether `value` names an id that YAML reads as no value (`attacks: null`, and a
        rebuttal `null:`), which is read as that id: its one error is the id's."""
        if not self.null_ids or type(value) is not YScalar or not value.plain:
            return False  # (at once: most maps have none, and it is asked of each id)
        return any((space, value.value) in self.null_ids for space in _sections_named(f.name))

    def left_empty(self, item: YNode, f: spec.Field) -> bool:
        """Whether a list's `item` of ids is written with nothing in it (`-` alone, `~`),
        which `empty` would report, but for a hashtag after it (`- #c1`, said as such)."""
        return (
            isinstance(item, YScalar)
            and _is_blank(item)
            and not self._names_null_id(item, f)
            and not (item.plain and not item.value and self.comment_after(item))
        )

    def empty(self, item: YNode, what: str, f: spec.Field, words: bool = False) -> bool:
        """Whether an item of a list of field `f` is empty (`~`, `null`, nothing, blank),
        which is then reported: `[c1, null]` named a node `null`, and `[a, ~]` made a tag
        `~`. With `words`, the list holds words, which quoting keeps."""
        if not isinstance(item, YScalar) or not _is_blank(item):
            return False
        if item.plain and not item.value and self.comment_after(item):  # `- #policy`
            self.hashtag_after(item, what, f, item=True)  # (which says what YAML made of it)
            return True
        if item.span[1:3] in self.anchored:
            return True  # said already: an anchor with nothing after it, `[&fiscal, budget]`
        message, hint = f"{what} is empty", "remove it"
        if item.is_null and item.value.strip():
            message += f": YAML reads `{item.value}` as no value"
            hint += f', or quote it to keep the word: `"{item.value}"`' if words else ""
        elif item.value.strip():  # (U+FE0F, a zero-width space: nothing any drawing shows)
            message += f": it holds {located(item.span, item.value, 0)}, which shows nothing"
        self.error("invalid-value", item.span, message, hint)
        return True

    def joined(self, node: YNode) -> list[YNode]:
        """The items a list's value was meant to be: YAML reads lines that start with `- `,
        indented deeper than the one above (`- c1`, then `  - c2`), as more of its plain
        value, `c1 - c2`. Reported, and read on as the items, so that the indentation is
        the one error it causes (not also an unknown id `c1 - c2`)."""
        span = node.span
        if not isinstance(node, YScalar) or not node.plain or span.end_line == span.line:
            return [node]
        after = self.lines[span.line : span.end_line]  # the value's lines after its first
        after[-1] = after[-1][: span.end_column - 1]
        items = [item for line in after if (item := _ITEM.fullmatch(line.rstrip()))]
        head = self.lines[span.line - 1]
        before, start = head[: span.column - 1].rstrip(), head[span.column - 1 :].rstrip()
        if len(items) < len(after) or not before.endswith(("-", ":")):  # (or in brackets)
            return [node]
        found = [(span.line, span.column, start)]
        found += [
            (row, item.start(2) + 1, item[2]) for row, item in enumerate(items, span.line + 1)
        ]
        pieces: list[YNode] = [
            YScalar(text, True, None, Span(self.file, row, column, row, column + len(text)))
            for row, column, text in found
        ]
        more = len(items) > 1
        if before.endswith("-"):
            hint = f"line up {'each' if more else 'its'} `-` with the `-` on line {span.line} "
            hint += f"(column {len(before)})"
        else:
            listed = ", ".join(text for _, _, text in found)
            key = re.split(r"[\s{,]", before)[-1]  # (after the `{` or `,` of a mapping in braces)
            hint = f"write a list: `{key} [{listed}]`"
        self.error(
            "yaml-syntax",
            Span.point(self.file, span.line + 1, items[0].start(1) + 1),
            f"`- {items[0][2]}` on line {span.line + 1}{' and the lines after it' if more else ''}"
            f" {'are' if more else 'is'} indented deeper than line {span.line}, so YAML joined "
            f"the lines into one value, `{node.value}`",
            hint,
        )
        return pieces

    def weight(self, node: YNode, what: str, f: spec.Field = _ANY) -> float | None:
        if based := _based(node):
            number, by11, by12 = based
            fit = number if 0 <= number <= 1 else 0.5
            self.read_apart(node, what, by11, by12, f"in digits and a point alone: `{fit}`")
            return None
        meant = _fraction(node)
        example = f"`{0.5 if meant is None else meant:g}`"
        if (
            isinstance(node, YScalar)
            and meant is not None
            and _quoted(node)
            and number_by_12(node.value.strip()) is not None
        ):
            example += _as_plain(node, self.lines)  # (`"0.8"`: text to YAML)
        value = self.scalar(node, what, "a number from 0 to 1", example)
        if value is _INVALID:
            return None
        plain = isinstance(node, YScalar) and node.plain
        if plain and isinstance(value, str) and (as_12 := number_by_12(value)) is not None:
            value = as_12  # `1e-3`: a number to YAML 1.2, JSON and the schema, not 1.1
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.wrong_type(node, what, "a number from 0 to 1", example)
            return None
        if not 0 <= value <= 1:
            hint = "use a number from 0 to 1"
            if isinstance(value, int) and 1 < value <= 100:  # a percentage
                hint += f": `{value / 100:g}` for {value:g}%"
            self.invalid(node, f"{what} is {_read_as(node, value)}, outside 0..1", hint)
            return None
        written = node.value.strip() if isinstance(node, YScalar) and node.plain else ""
        if "_" in written or ":" in written:  # YAML 1.1's `0_0.5`, base 60's `0:30`
            self.read_apart(node, what, value, "text", f"in digits and a point alone: `{value}`")
            return None
        return float(value) + 0.0  # (`-0.0` is 0: a score of -0.000 read as negative)

    def read_apart_whole(self, node: YNode, what: str, value: object, fix: str = "") -> bool:
        """Report a whole number `value` written as only YAML 1.1 reads it: octal `040` (32),
        base 60 `1:30` (90), binary `0b1`, `3_6`, which editors reading a map with argmap's
        schema (YAML 1.2) take for 40, or text; `fix` says how to write it (by default, in
        decimal digits). Whether it did."""
        written = node.value.strip() if isinstance(node, YScalar) and node.plain else ""
        if isinstance(value, bool) or not isinstance(value, int) or not written:
            return False
        decimal = re.fullmatch(r"[-+]?[0-9]+", written)
        if _WHOLE.fullmatch(written) or (decimal and int(written) == value):  # (`01`: 1 to both)
            return False
        other = str(int(written)) if decimal else "text"
        fix = fix or f"in decimal digits alone: `{clipped(str(other if decimal else value), 40)}`"
        self.read_apart(node, what, value, other, fix)
        return True

    def read_apart(self, node: YNode, what: str, by11: object, by12: object, fix: str) -> None:
        """Report a number written as only one version of YAML reads it (`040`, `0_0.5`,
        `0b1`): `by11` to YAML 1.1, which argmap reads, `by12` to YAML 1.2, as editors read
        a map with argmap's schema; `fix` says how to write it."""
        written = node.value.strip() if isinstance(node, YScalar) else ""
        # (Each cut short: `0x` and 998 digits is 1,200 of them in decimal.)
        written, by11, by12 = (clipped(str(v), 40) for v in (written, by11, by12))
        self.error(
            "wrong-type",
            node.span,
            f"{what} `{written}` is {by11} to YAML 1.1, which argmap reads, and {by12} to "
            "YAML 1.2, as editors read maps with argmap's schema",
            f"write it {fix}",
        )

    def date(self, node: YNode, what: str, f: spec.Field = _ANY) -> str | None:
        """An ISO date to the day, month or year, as written (a date YAML read is one)."""
        if isinstance(node, YScalar) and (wrong := no_such_day(node.value)) is not None:
            self.invalid(node, f"{what}: `{node.value}` is no date: {wrong[0]}", wrong[1])
            return None
        if isinstance(node, YScalar) and spec.PARTIAL_DATE_RE.match(node.value):
            return node.value[:10]  # (as written: a leap second is no datetime of YAML's)
        value = self.scalar(node, what, "an ISO date", "`2009-03-13`")
        if isinstance(value, dt.date):  # a datetime too: the day is what a source needs
            return value.isoformat()[:10]
        fix = "as an ISO date: YYYY-MM-DD, or YYYY-MM or YYYY"
        if self.read_apart_whole(node, what, value, fix):  # (`2_009`, `0b11111011001`, `20:09`)
            return None
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            written = str(value)
            if spec.PARTIAL_DATE_RE.match(written) and real_date(written):
                return written[:10]  # of a timestamp, the day
        if value is not _INVALID:
            meant = iso_dates(str(value)) if isinstance(value, str) else []
            self.invalid(
                node,
                f"{what} is not an ISO date",
                f"write it as {' or '.join(f'`{d}`' for d in meant)}"
                if meant
                else "write it as YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is not "
                "known: `2009-03-13`, `2009-03`, `2009`",
            )
        return None

    def url(self, node: YNode, what: str, f: spec.Field = _ANY) -> str | None:
        url = self.text(node, what, f)
        if url is None:
            return None
        if (problem := refused(url, what)) is not None:
            self.invalid(node, *problem)
            return None
        self.mixed_scripts(node, what, url)
        return url

    def mixed_scripts(self, node: YNode, what: str, url: str) -> None:
        """Warn of a link whose host mixes Latin letters with Cyrillic or Greek ones in one
        part (`urls.mixed_script`): the address one reads is not where the link goes."""
        if (mixed := mixed_script(url)) is None:
            return
        at, scripts, linked = mixed
        self.diagnostics.append(
            Diagnostic(
                "mixed-script-url",
                Severity.WARNING,
                node.span,
                f"{what} mixes {scripts} letters in its host, as look-alike addresses do: "
                f"{located(node.span, url, at)}",
                "retype it as a Latin letter; if the address is right as written, write it as "
                f"a browser shows it: `{linked}`",
            )
        )

    def choice(self, node: YNode, what: str, f: spec.Field = _ANY) -> str | None:
        name = self.text(node, what, f)
        if name is None or name in f.choices:
            return name
        self.invalid(
            node,
            f"{what} is `{name}`",
            value_hint(name, f.choices, fallback="use one of: " + ", ".join(f.choices)),
        )
        return None

    def integer(self, node: YNode, what: str, f: spec.Field = _ANY) -> int | None:
        if based := _based(node):  # (`0o50`: 40 to YAML 1.2, and text to 1.1)
            shown = clipped(str(based[0]), 40)
            self.read_apart(node, what, *based[1:], f"in decimal digits alone: `{shown}`")
            return None
        example = f"`{_whole(node, f)}`"
        value = self.scalar(node, what, "a whole number", example)
        if value is _INVALID:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(node, what, "a whole number", example + _as_plain(node, self.lines))
            return None
        if self.read_apart_whole(node, what, value):
            return None
        if value < f.minimum:
            self.invalid(
                node,
                f"{what} is {_read_as(node, value)}, less than {f.minimum}",
                f"use {f.minimum} or more",
            )
            return None
        if f.maximum is not None and value > f.maximum:
            self.invalid(
                node,
                f"{what} is {_read_as(node, value)}, more than {f.maximum}",
                f"use {f.maximum} or less",
            )
            return None
        return value

    def boolean(self, node: YNode, what: str, f: spec.Field = _ANY) -> bool | None:
        value = self.scalar(node, what, "true or false", "`true`")
        if (
            isinstance(value, bool)
            and isinstance(node, YScalar)
            and node.value.lower() in _WORDY_BOOLEANS
        ):
            # YAML 1.1's words for true and false: YAML 1.2, as editors read a map with
            # argmap's schema, reads them as text.
            self.error(
                "wrong-type",
                node.span,
                f"{what} must be true or false, not `{node.value}`: YAML 1.2, as editors "
                "read maps with argmap's schema, reads it as text",
                f"write `{str(value).lower()}`",
            )
            return None
        if isinstance(value, bool):
            return value
        if value is not _INVALID:
            self.wrong_type(node, what, "true or false", "`true` or `false`")
        return None

    def render_options(self, node: YNode, what: str, f: spec.Field = _ANY) -> dict[str, Any] | None:
        if not isinstance(node, YMap):
            self.wrong_type(node, what, "a mapping of options", "`render: {direction: LR}`")
            return None
        values, self.render_spans = self.fields(node, _RENDER_FIELDS, "`render`", node.span)
        return values

    def version(self, node: YNode, what: str, f: spec.Field = _ANY) -> int | None:
        value = self.scalar(node, what, "the format version", "`argmap: 1`")
        if self.read_apart_whole(node, what, value, f"as `argmap: {spec.FORMAT_VERSION}`"):
            return None
        if value != spec.FORMAT_VERSION or isinstance(value, bool):
            if value is not _INVALID:
                newer = isinstance(value, int) and value > spec.FORMAT_VERSION
                hint = f"this argmap reads `argmap: {spec.FORMAT_VERSION}`"
                if newer:
                    hint += "; a map written for a newer argmap needs an upgrade"
                elif value == str(spec.FORMAT_VERSION):
                    hint = f"the version is a number: write `argmap: {value}`, without quotes"
                assert isinstance(node, YScalar)  # scalar() read a value from it
                shown = clipped(node.value, 20)  # (a number of 5,000 digits: its start)
                line = self.lines[node.span.line - 1] if node.span.line else ""
                quote = line[node.span.column - 1 : node.span.column]  # (`'1'` shown so)
                quote = quote if quote == "'" else '"'
                written = shown if node.plain else f"{quote}{shown}{quote}"
                self.invalid(node, f"format version `{written}` is not supported", hint)
            return None
        return spec.FORMAT_VERSION

    def scalar(self, node: YNode, what: str, expected: str, example: str) -> Any:
        if not isinstance(node, YScalar):
            self.wrong_type(node, what, expected, example)
            return _INVALID
        try:
            return node.resolve()
        except ValueError as error:
            self.invalid(node, f"{what}: {error}", f"write it as {example}")
            return _INVALID

    def invalid(self, node: YNode, message: str, hint: str) -> None:
        self.error("invalid-value", node.span, message, hint)


_WORDY_BOOLEANS = frozenset(("yes", "no", "on", "off"))
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?) ?%")
_DECIMAL_COMMA = re.compile(r"(\d+),(\d+)")


# A node's fields as other tools and habits name them (Argdown, Kialo, AIF exports, a
# spreadsheet's columns): the field meant, read on as it; a relation written on its target,
# `reversed`; or what goes in a source, `source`.
_OTHER_NAMES = {
    **dict.fromkeys(
        (
            "rebuts",
            "refutes",
            "objects-to",
            "opposes",
            "counters",
            "contradicts",
            "undercuts",
            "undermines",
            "against",
            "con",
        ),
        "attacks",
    ),
    **dict.fromkeys(("backs", "for", "in-favour-of", "in-favor-of", "pro"), "supports"),
    **dict.fromkeys(
        ("author", "authors", "speaker", "speakers", "said-by", "who", "actor", "actors"), "by"
    ),
    **dict.fromkeys(("citation", "cites", "reference", "ref", "sources"), "source"),
    # The relation a node's kind has (`supports` for a reason, else `attacks`).
    **dict.fromkeys(("target", "targets", "parent", "conclusion", "to"), "relation"),
    **dict.fromkeys(
        (
            "statement",
            "content",
            "body",
            "description",
            "label",
            "sentence",
            "wording",
            "title",
            "headline",
        ),
        "text",
    ),
    **dict.fromkeys(("url", "link", "href", "doi", "date", "year", "publisher", "journal"), "url"),
}
# Where each detail of a source goes in it.
_IN_SOURCE = {
    **{"doi": "url", "link": "url", "href": "url", "website": "url", "year": "date"},
    **{"published": "date", "journal": "publisher", "publication": "publisher"},
}
# The map's sections, likewise (not `supports:` or `attacks:`, which some formats list
# relations under).
_OTHER_SECTIONS = {
    **dict.fromkeys(("pros", "arguments-for", "premises", "grounds"), "reasons"),
    **dict.fromkeys(
        ("cons", "counterarguments", "counter-arguments", "arguments-against", "criticisms"),
        "objections",
    ),
    **dict.fromkeys(("responses", "replies", "counterpoints", "refutations"), "rebuttals"),
    **dict.fromkeys(
        ("positions", "theses", "thesis", "conclusions", "statements", "motions", "motion"),
        "claims",
    ),
    **dict.fromkeys(("people", "speakers", "participants", "authors", "persons"), "actors"),
    **dict.fromkeys(("references", "citations", "bibliography", "literature"), "sources"),
}
# An actor's and the render section's fields, as other tools (or habit) name them.
_IN_ACTOR = dict.fromkeys(("title", "position", "job", "affiliation", "office"), "role") | {
    "type": "kind"
}
_IN_RENDER = {"layout": "direction", "rankdir": "direction", "colours": "theme", "style": "theme"}
_IN_RENDER |= {"color": "theme", "colour": "theme", "group": "group-by"}
# The map's own fields, likewise.
_IN_MAP = dict.fromkeys(("description", "abstract", "about"), "summary")
_IN_MAP |= {"version": "argmap"}
_IN_MAP |= dict.fromkeys(("name", "topic", "question"), "title")
# Graphviz's layout engines, as `layout: dot` names one (argmap's is always `dot`).
_ENGINES = frozenset(("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"))


def _other_field(known: _Known, key: str) -> str | None:
    """The field of a source, an actor or the render section that `key` names otherwise."""
    tables = (
        (_SOURCE_FIELDS, _IN_SOURCE),
        (_ACTOR_FIELDS, _IN_ACTOR),
        (_RENDER_FIELDS, _IN_RENDER),
        (_MAP_FIELDS, _IN_MAP),
    )
    table = next((t for fields, t in tables if fields is known), {})
    return table.get(_normal(key))


# Where in a source: a page, as citation tools name it.
_WHERE_IN_SOURCE = frozenset(
    ("page", "pages", "pp", "locator", "chapter", "section", "paragraph", "timestamp", "at")
)


_ID_FIELDS = frozenset({"id", "ref", "target", "node", "to"})
_MARKS = frozenset({"weight", "strength", "score", "confidence"})  # beside an edge's target
# A line of Argdown's that argues about the node above it: `+ r1`, `<+ r1`, `<- o1`.
# (Not `-` alone: `- r1` is a list's item to YAML, never a key, and `-r1` one without its space.)
_ARGDOWN_LINE = re.compile(r"(<?\+|<-|\+>|->)\s*<?([A-Za-z0-9_.-]+)>?")


def _named_id(node: YNode) -> YScalar | None:
    """The id in a mapping that names a node by a field of its own (`{id: c1}`,
    `{target: c1}`), as other formats write a reference, with marks beside it or not
    (`{id: c1, weight: 0.5}`); None for any other value."""
    if not isinstance(node, YMap):
        return None
    named = [v for k, v in node.entries.values() if k.value.lower() in _ID_FIELDS]
    others = [(k, v) for k, v in node.entries.values() if k.value.lower() not in _ID_FIELDS]
    if len(named) != 1 or not all(k.value in _MARKS and _a_mark(v) for k, v in others):
        return None  # (`{c1: 0.5, id: c2}`: two ids)
    value = named[0]
    if not isinstance(value, YScalar) or _a_mark(value):
        return None  # (`{target: yes}`: the id `target`, marked)
    return value if spec.ID_RE.match(value.value) else None


def _a_mark(value: YNode) -> bool:
    """Whether `value` reads as a mark beside an id (true, a weight, nothing), not a name."""
    if not isinstance(value, YScalar):
        return False
    try:
        return value.is_null or isinstance(value.resolve(), (bool, int, float))
    except ValueError:
        return False


def _written_as(key: str, field: str, value: YNode, in_brackets: bool = False) -> str:
    """`value`, written under `key`, as a hint writes it in `field` ("..." if too long):
    as YAML reads it back (`role: "Chair: Finance"`, `theme: "#333"`), a date or a number
    kept one where the field is not text, a DOI as its link."""
    text = spec.FIELD_TYPES.get(field) == "text"
    # (A URL whole, as links are long: the hint is to be pasted.)
    plain = _plain(value, URL_SHOWN if field == "url" else 60)
    if field == "url" and _normal(key) == "doi" and plain and not plain.startswith("http"):
        plain = f"https://doi.org/{plain.removeprefix('doi:').strip()}"
    return as_written(plain, in_brackets, typed=not text) if plain else "..."


def _in_source_hint(key: str, field: str, value: YNode, owner: YMap, what: str = "source") -> str:
    """The hint for a detail of a source (or of what else `what` names: an actor, the
    render section) that argmap writes as another field, which `owner` may have already
    (a `doi` beside its `url`)."""
    written = _written_as(key, field, value)
    key = "date of publication" if _normal(key) == "published" else key
    if field in owner.entries:
        return (
            f"argmap keeps the {key} in the {what}'s `{field}`, which it has already: keep "
            f"one of the two there (this one is `{field}: {written}`)"
        )
    return f"write the {key} as the {what}'s `{field}`: `{field}: {written}`"


def _where_in_source_hint(key: str, value: YNode, owner: YMap, known: _Known) -> str:
    """The hint for a page (or chapter, or locator) written as a field of a node or a
    source (`owner`); a node's own note, if it has one, goes on with it."""
    written = _plain(value) or "12"
    if not any(c.isalpha() for c in written):
        written = f"{key} {written}"
    had = owner.entries.get("note") if known is _NODE_FIELDS else None
    if had is not None and isinstance(had[1], YScalar) and had[1].value.strip():
        note = _plain(had[1])
        return (
            "argmap has no field for where in a source a node's words are: add it to the "
            "node's note" + (f" (`note: {double_quoted(f'{note}; {written}')}`)" if note else "")
        )
    return (
        "argmap has no field for where in a source a node's words are: write it in the "
        f"note of the node that cites it (`note: {written}`)"
    )


def _plain(value: YNode, most: int = 60) -> str:
    """A scalar's text, if it is `most` characters or fewer, to show in a hint ("" if not)."""
    return value.value if isinstance(value, YScalar) and 0 < len(value.value) <= most else ""


# (Kialo's `pros` and `cons` list what argues for or against the node they are written in;
# one `con: c1` says what the node is, a con of `c1`: `_OTHER_NAMES`.)
_REVERSED = re.compile(
    r"(supported|backed|attacked|rebutted|refuted|objected-to|opposed|countered|contradicted"
    r"|undercut|undermined|answered)-by|pros|cons|supporters|attackers"
)


def _other_name(key: str) -> str | None:
    """The field that `key`, as another tool names it, stands for: a node field, or
    `reversed` (a relation written on its target), or `url` (a detail of a source)."""
    name = _normal(key)
    if _REVERSED.fullmatch(name):
        return "reversed"
    return _OTHER_NAMES.get(name)


def _section_of_arguer(relation: str, what: str) -> str:
    """The section of a node that `relation`s (supports or attacks) the node `what` (its
    kind and id): what answers an objection is a rebuttal."""
    if relation == "supports":
        return "reasons"
    return "rebuttals" if what.startswith(Kind.OBJECTION.value) else "objections"


def _nested_node_hint(
    key: str, value: YMap, owner: str, what: str, indent: int, block: bool
) -> str:
    """The hint for a node (`key`, with a `text` of its own) written inside node `owner`
    (`what`: its kind and id), whose ids are indented by `indent`. One that argues about
    `owner`, as Kialo nests them: under its section (indented like the ids, it was a
    claim, without a word). Else, written as a `block` below its id, indented as the ids
    are (a node of the same section, slipped in). "" if neither."""
    relation = next((r for r in ("supports", "attacks") if r in value.entries), None)
    targets = value.entries[relation][1] if relation else None
    named = targets.items if isinstance(targets, YSeq) else [targets]
    if relation is not None and any(isinstance(t, YScalar) and t.value == owner for t in named):
        section = _section_of_arguer(relation, what)
        return (
            f"`{key}` has a `text` of its own and {relation} {what}: if it is a node, move it "
            f"under `{section}:`, as an id of its own"
        )
    if not block:
        return ""
    return (
        f"`{key}` has a `text` of its own: if it is a node, written inside "
        f"{what}, indent it by {counted(indent, 'space')} like the other ids"
    )


def _other_tools_hint(
    other: str | None,
    key: str,
    value: YNode,
    node: YMap,
    owner: str,
    what: str,
    sources: Mapping[str, Source],
) -> str:
    """The hint for a node's field written as another tool writes it (see `_other_name`),
    in the node `owner` (`what`: its kind and id; `node`: its fields; `sources`: the map's,
    read)."""
    if other == "url":
        name = _normal(key)
        field = _IN_SOURCE.get(name, name)
        doi = " (`https://doi.org/...`)" if name == "doi" else ""
        shown = _written_as(key, field, value, in_brackets=True)
        written = node.entries.get("source")
        source = written[1] if written else None
        if isinstance(source, YSeq) and len(source.items) == 1:  # (`[ep]`, as well)
            source = source.items[0]
        if source is not None and spec.ID_RE.fullmatch(cited := _plain(source)):
            if (known := sources.get(cited)) and (has := getattr(known, field)) is not None:
                mine = _plain(value).rstrip("/")
                if (
                    has.rstrip("/") == mine
                    or (name == "doi" and has.endswith(f"/{mine}"))
                    or (field == "date" and has.startswith(mine))  # (its year, `2023`)
                ):
                    return f"`{cited}`, the source this node names, has this {key}: delete it here"
                apart = f"my-source: {{title: ..., {field}: {shown}}}"
                return (
                    f"`{cited}`, the source this node names, has another {field} (`{has}`): "
                    f"keep one of the two in it, or, if this node's words are from another "
                    f"source, write that under `sources:`, `{apart}`, and name it: "
                    "`source: my-source`"
                )
            return (
                f"the {key} is the source's: write it in `{cited}`, the source this node "
                f"names (under `sources:`), as its `{field}`{doi}: `{field}: {shown}`"
            )
        return (
            f"a node names its source with `source: <id>`: write the {key} in that source, "
            f"under `sources:`, as its `{field}`{doi}: "
            f"`my-source: {{title: ..., {field}: {shown}}}`"
        )
    if other == "relation":
        items = value.items if isinstance(value, YSeq) else [value]
        ids = [i.value for i in items if isinstance(i, YScalar) and not i.is_null] or ["<id>"]
        named = ids[0] if isinstance(value, YScalar) else f"[{', '.join(ids)}]"
        return (
            f"a claim names the node it argues with in `supports:` or `attacks:`: write "
            f"`supports: {named}` or `attacks: {named}` instead of `{key}`"
        )
    if other != "reversed":
        return ""
    supporting = ("supported", "backed", "pro", "supporters")
    relation = "supports" if _normal(key).startswith(supporting) else "attacks"
    items = value.items if isinstance(value, YSeq) else [value]
    if any(isinstance(i, YMap) for i in items):  # (Kialo's nodes, nested in the one they argue)
        section = _section_of_arguer(relation, what)
        return (
            f"a relation is written on the node that argues: move each node in `{key}` "
            f"under `{section}:`, with an id of its own and `{relation}: {owner}`"
        )
    names = [f"`{i.value}`" for i in items if isinstance(i, YScalar) and not i.is_null]
    where = f"in {_some(names, 3, 'the others')}" if names else "in each node it names"
    return (
        f"a relation is written on the node that argues: write `{relation}: {owner}` "
        f"{where}, instead of `{key}` here"
    )


def _some(names: list[str], most: int, more: str) -> str:
    """`a, b and c`; past `most` names, the first ones and `more`."""
    shown = [*names[:most], more] if len(names) > most else names
    return f"{', '.join(shown[:-1])} and {shown[-1]}" if len(shown) > 1 else "".join(shown)


def _normal(key: str) -> str:
    """A key as `_OTHER_NAMES` lists it: lower case, words joined by `-`."""
    return re.sub(r"[\s_]+", "-", key.strip().lower())


# A line of a list as Markdown or a word processor marks one: `1. x`, `2) x`, `• x`, `* x`.
_LIST_MARK = re.compile(r"(\d+[.)]|[•*+·‣◦])\s+(\S.*)")


def _after(key: YScalar, offset: int) -> YScalar:
    """The value written in `key` after its first `offset` characters: after a colon YAML
    did not read as one."""
    span = key.span
    start = offset + len(key.value[offset:]) - len(key.value[offset:].lstrip())
    at = Span(span.file, span.line, span.column + start, span.end_line, span.end_column)
    value = key.value[start:].rstrip()
    if value[:1] in ("'", '"'):  # (`by:'x'`: read as YAML reads it after `by: `)
        with suppress(yaml.YAMLError):
            read = yaml.safe_load(value)
            if isinstance(read, str):
                return key._replace(value=read, plain=False, span=at)
    return key._replace(value=value, span=at)


def _fraction(node: YNode) -> float | None:
    """The number from 0 to 1 a weight written as a percentage (`70%`), with a decimal
    comma (`0,7`) or in quotes (`"0.7"`) means."""
    if not isinstance(node, YScalar):
        return None
    written = node.value.strip()
    if percent := _PERCENT.fullmatch(written):
        value = float(percent[1].replace(",", ".")) / 100
    elif comma := _DECIMAL_COMMA.fullmatch(written):
        value = float(f"{comma[1]}.{comma[2]}")
    elif _quoted(node) and (number := number_by_12(written)) is not None:
        value = float(number)
    else:
        return None
    return value if 0 <= value <= 1 else None


def _whole(node: YNode, f: spec.Field) -> int:
    """The whole number a user meant by a `node` that is not one (`"30"`, `30.5`), within
    the field's bounds; the field's example (its default) where nothing can be read."""
    fallback = int(f.example) if f.example.isdigit() else f.minimum
    try:
        meant = round(float(node.value)) if isinstance(node, YScalar) else fallback
    except (ValueError, OverflowError):  # not a number, or an infinite or NaN one
        meant = fallback
    return max(f.minimum, meant if f.maximum is None else min(meant, f.maximum))


def _quoted(node: YNode) -> bool:
    """Whether `node` is written in quotes or with a tag of YAML's (`!!float 20`): a value
    YAML does not read as it would plain."""
    return isinstance(node, YScalar) and not node.plain


def _as_plain(node: YNode, lines: list[str]) -> str:
    """What an example adds where `node` is written other than plain: ` (no quotes)` after
    `"20"`, `` (without `!!float`)`` after `!!float 20`, both after `!!str "20"`."""
    if not _quoted(node):
        return ""
    assert isinstance(node, YScalar)
    tag = (node.tag or "").removeprefix(CORE_TAG)
    if not tag or tag == node.tag:
        return " (no quotes)"
    line = lines[node.span.line - 1] if 0 < node.span.line <= len(lines) else ""
    after = line[node.span.column - 1 :].removeprefix(f"!!{tag}").lstrip()
    quotes = " or quotes" if after[:1] in ("'", '"') else ""
    return f" (without `!!{tag}`{quotes})"


_CONVERTERS: dict[str, Callable[[_MapBuilder, YNode, str, spec.Field], Any]] = {
    "text": _MapBuilder.text,
    "ref": _MapBuilder.ref,
    "refs": _MapBuilder.refs,
    "tags": _MapBuilder.tags,
    "weight": _MapBuilder.weight,
    "date": _MapBuilder.date,
    "url": _MapBuilder.url,
    "choice": _MapBuilder.choice,
    "integer": _MapBuilder.integer,
    "boolean": _MapBuilder.boolean,
    "version": _MapBuilder.version,
    "render": _MapBuilder.render_options,
}
