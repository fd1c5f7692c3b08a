"""YAML text -> a tree of scalars, sequences and mappings, each with the span it came from.

PyYAML's own composer and constructor lose positions, keep the last of duplicate keys,
expand aliases without limit and recurse per nesting level. So this module reads PyYAML's
event stream (libyaml's C parser when present) and builds the tree itself, iteratively:
duplicate keys, alias bombs, deep nesting and unsupported tags become diagnostics, and
no Python object other than plain data is ever constructed. The nodes are in `yamlnodes`;
what a syntax error means, and how to fix it, in `yamlhints`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import yaml

from argmap import spec
from argmap.diagnostics import Diagnostic, Severity
from argmap.files import NotUtf8, decode_utf8, wide_encoding
from argmap.model import Span
from argmap.printable import clipped
from argmap.text import counted, position, source_lines
from argmap.yamlhints import (
    GLUED_SHOWN,
    ODD_LINE_ENDS,
    QUOTED_SHOWN,
    commented_key,
    explained,
    indented_oddly,
    indicator_hint,
    lines_ended_by,
    quote_indicated,
    quoted_on,
    without_comment,
)
from argmap.yamlnodes import (
    CORE_TAG,
    LOADER,
    SCALAR_TAGS,
    STR_TAG,
    YAML11_BREAKS,
    YMap,
    YNode,
    YScalar,
    YSeq,
    may_be_typed,
    readings,
    tagged,
)

MAX_DEPTH = 64  # far beyond any map, far below Python's recursion limit
MAX_ALIAS_EXPANSION = 100_000  # nodes that aliases may stand for in one file
# Characters that aliases may stand for in one file: 1,000 aliases of one text of 500 KB,
# under the limit above, made an SVG of 505 MB with 2 GB of memory.
MAX_ALIAS_TEXT = 1_000_000
_TOO_DEEP = f"the document is nested more than {MAX_DEPTH} levels deep"
_COLLECTION_TAGS = {CORE_TAG + "map", CORE_TAG + "seq"}
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
# libyaml's words for nesting too deep, which argmap words itself.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
_REPARSE_LIMIT = 256 * 1024  # characters PyYAML's parser reads in well under a second
# A Span or YScalar built as the tuple it is: a NamedTuple's own constructor, a Python
# function, takes twice as long, and a map has one of each for every value.
_new = tuple.__new__


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _span(file: str, start: Any, end: Any) -> Span:
    return _new(Span, (file, start.line + 1, start.column + 1, end.line + 1, end.column + 1))


def _syntax(file: str, line: int, column: int, message: str, hint: str) -> Diagnostic:
    return Diagnostic("yaml-syntax", Severity.ERROR, Span.point(file, line, column), message, hint)


def _too_deep(file: str, line: int, column: int) -> Diagnostic:
    return _syntax(
        file,
        line,
        column,
        _TOO_DEEP,
        "a map needs only a few levels; flatten the structure",
    )


def _relocated(node: YNode, span: Span) -> YNode:
    """`node` at `span`, with the values right inside it: what an alias repeats, said to be
    wrong where the alias is. (Not deeper: a collection inside keeps its own place, which
    an alias of its own may name, and is shared, as `_size` counts it once; copied whole,
    aliases of aliases of nested lists recursed past Python's limit. Nor a text over lines,
    whose lines `loader._MapBuilder.joined` reads where they are written.)"""

    def moved(value: YNode) -> YNode:
        return value._replace(span=span) if type(value) is YScalar and _one_line(value) else value

    if type(node) is YScalar:
        return moved(node)
    if type(node) is YSeq:
        return YSeq(span, [moved(item) for item in node.items])
    assert type(node) is YMap
    return YMap(
        span, {k: (key._replace(span=span), moved(v)) for k, (key, v) in node.entries.items()}
    )


def _one_line(scalar: YScalar) -> bool:
    return scalar.span.line == scalar.span.end_line


def _size(node: YNode, memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """How many nodes a subtree stands for once aliases are expanded, and how many
    characters of text (keys too)."""
    key = id(node)
    if key not in memo:
        if isinstance(node, YScalar):
            memo[key] = (1, len(node.value))
        else:
            parts = (
                [_size(n, memo) for n in node.items]
                if isinstance(node, YSeq)
                else [
                    (1 + n, len(k) + c)
                    for k, (_, v) in node.entries.items()
                    for n, c in [_size(v, memo)]
                ]
            )
            memo[key] = (1 + sum(n for n, _ in parts), sum(c for _, c in parts))
    return memo[key]


class _Builder:
    """Consumes events; keeps a stack of open collections instead of recursing."""

    def __init__(self, file: str, restore: dict[int, int] | None = None, text: str = "") -> None:
        self.file = file
        self.text = text  # for the hints of errors found here
        self.restore = restore  # placeholders back to the characters they stood for
        self.diagnostics: list[Diagnostic] = []
        # Open collections: [collection, the key awaiting its value (mappings)]
        self.stack: list[list[Any]] = []
        # An anchor names its node from where it is written, as in YAML: a later `&a` wins,
        # and an alias of a collection still open is one inside the value it names.
        self.anchors: dict[str, YNode] = {}
        # Anchors no alias has used yet, and those a later `&name` replaced unused: text
        # that starts with `&` loses its first word to one, with no error from YAML.
        self.unused: dict[str, tuple[Any, YNode]] = {}
        self.replaced: list[tuple[Any, YNode]] = []
        self.sizes: dict[int, tuple[int, int]] = {}
        self.expanded, self.expanded_text = 0, 0
        self.root: YNode | None = None
        self.documents = 0
        # Plain keys that YAML reads as another type, by mapping and value (`_alike`).
        self.alike: dict[int, dict[tuple[str, Any], YScalar]] = {}
        # Mappings with repeated keys: id -> (mapping, [(key, value, its diagnostic)]).
        self.repeated: dict[int, tuple[YMap, list[tuple[YScalar, YNode, Diagnostic]]]] = {}
        # A second map pasted below the first (`argmap:` again at the top): from its
        # `argmap` key on, the map's keys written again, read at the end (`_pasted`), and
        # the ids both maps use.
        self.second: YScalar | None = None
        self.again: list[tuple[YScalar, YNode]] = []
        self.shared_ids: list[str] = []

    def run(self, next_event: Callable[[], Any]) -> None:
        """Read events up to the end of the stream. Scalars, the bulk of a map, are built
        and every value is added to its collection inline: this loop is most of the time
        spent loading a map."""
        file, stack, restore = self.file, self.stack, self.restore
        scalar, end_of = yaml.ScalarEvent, (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        while True:
            event = next_event()
            kind = type(event)
            node: YNode
            if kind is scalar:
                tag = event.tag
                if tag is not None and tag not in SCALAR_TAGS:  # (`! Text` drops its `!`)
                    self._bad_tag(event)
                start, end = event.start_mark, event.end_mark
                span = (file, start.line + 1, start.column + 1, end.line + 1, end.column + 1)
                node = _new(
                    YScalar,
                    (
                        event.value if restore is None else event.value.translate(restore),
                        event.implicit[0],
                        tag,
                        _new(Span, span),
                    ),
                )
                if event.anchor:
                    self._anchor(event, node)
            elif kind in end_of:
                node = collection = stack.pop()[0]
                start, end = collection.span, event.end_mark
                collection.span = _new(
                    Span, (file, start.line, start.column, end.line + 1, end.column + 1)
                )
                if type(collection) is YMap and "<<" in collection.entries:
                    self._merge(collection)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._open(event)
                continue
            elif kind is yaml.AliasEvent:
                node = self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self._document(event)
                continue
            elif kind is yaml.StreamEndEvent:
                if self.second is not None:
                    self._pasted(self.second)
                if self.repeated:
                    self._regroup()
                if self.unused or self.replaced:
                    self._unused_anchors()
                return
            else:
                continue
            # The value into the open collection: an item, a mapping's key, or a key's value.
            if not stack:
                self.root = node
                continue
            top = stack[-1]
            parent, key = top
            if type(parent) is YSeq:
                parent.items.append(node)
            elif key is None:
                if type(node) is not YScalar:
                    raise self._bad_key(node)
                if node.tag is not None and node.tag != STR_TAG:
                    self._tagged_key(node)
                if node.value[:1] > "\x7f" and node.value[0].isspace() and node.plain:
                    self._odd_key(node)
                top[1] = node
            else:
                top[1] = None
                if key.value in parent.entries:
                    self._duplicate(parent, key, node, outermost=len(stack) == 1)
                else:
                    parent.entries[key.value] = (key, node)
                    if key.plain and may_be_typed(key.value):
                        self._alike(parent, key)

    def _open(self, event: Any) -> None:
        if event.tag is not None and event.tag not in _COLLECTION_TAGS:
            self._bad_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            mark = event.start_mark
            raise _Abort(_too_deep(self.file, mark.line + 1, mark.column + 1))
        span = _span(self.file, event.start_mark, event.end_mark)
        collection = YMap(span) if type(event) is yaml.MappingStartEvent else YSeq(span)
        if event.anchor:
            self._anchor(event, collection)
        self.stack.append([collection, None])

    def _anchor(self, event: Any, node: YNode) -> None:
        name = event.anchor
        if name in self.unused:
            self.replaced.append(self.unused[name])
        self.unused[name] = (event, node)
        self.anchors[name] = node

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, split once for all the hints that read them."""
        return source_lines(self.text)

    def _unused_anchors(self) -> None:
        for event, node in sorted(
            [*self.replaced, *self.unused.values()], key=lambda found: found[0].start_mark.index
        ):
            # (Said five times: a name of a megabyte made five.)
            name, mark = clipped(event.anchor, GLUED_SHOWN), event.start_mark
            message = f"`&{name}` is read as an anchor (a name for the value after it, which "
            message += f"an alias `*{name}` repeats), and no alias uses it"
            hint = f"delete `&{name}`, or repeat the value where it is needed with `*{name}`"
            if isinstance(node, YScalar) and node.plain:
                if node.value:
                    message += f": the text is `{node.value}`, without `&{name}`"
                else:
                    message += ": the value after it is empty"
                quoted = quote_indicated(self.lines, mark.line, mark.column)
                if quoted is not None:
                    hint = f"quote the text to keep `&{name}`" + f": {quoted}" * (
                        len(quoted) <= QUOTED_SHOWN
                    )
            self.diagnostics.append(
                Diagnostic(
                    "unused-anchor",
                    Severity.WARNING,
                    Span.point(self.file, mark.line + 1, mark.column + 1),
                    message,
                    hint,
                )
            )

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            rest = self.lines[event.start_mark.line + 1 :]
            hint = "split the documents into separate files"
            if all(not line.strip() or line.lstrip().startswith("#") for line in rest):
                # (`---` around the map, as Markdown's front matter is written: one too many.)
                hint = "nothing follows it: delete it (a map needs no `---` at its end)"
            raise self._stop(
                event, "a second YAML document starts here; a map file holds one", hint
            )

    def _alias(self, event: Any) -> YNode:
        name = event.anchor
        target = self.anchors.get(name)
        self.unused.pop(name, None)
        if target is None:  # neither parser checks aliases: the composer they feed would
            hint = f"define `&{name}` before using it"
            lines, end = self.lines, event.end_mark
            if end.line < len(lines) and without_comment(lines[end.line][end.column :]):
                hint = self._text_hint(event) or hint  # words after it: text, meant
            raise self._stop(event, f"unknown alias `*{name}`", hint)
        if any(open_[0] is target for open_ in self.stack):
            raise self._stop(
                event,
                f"the alias `*{name}` is inside the very value that `&{name}` names: "
                "a loop, which would make that value contain itself",
                f"move `*{name}` out of the value marked `&{name}`, or write out what it "
                "should stand for",
            )
        values, characters = _size(target, self.sizes)
        self.expanded += values
        self.expanded_text += characters
        if self.expanded > MAX_ALIAS_EXPANSION or self.expanded_text > MAX_ALIAS_TEXT:
            much, hint = f"{MAX_ALIAS_EXPANSION:,} values", "instead of nesting aliases of aliases"
            if self.expanded <= MAX_ALIAS_EXPANSION:
                much, hint = f"{MAX_ALIAS_TEXT:,} characters of text", "where they are needed"
            raise self._stop(
                event,
                f"aliases here expand to more than {much} (an alias bomb?)",
                f"write the values out {hint}",
            )
        # Said to be wrong where it is used (`supports: *a`): the value, and what is in it,
        # at the alias. (At the anchor, `by: *an_actor` was said to be a mapping there, and
        # an unknown id in `attacks: *ids` was said twice at one place.)
        return _relocated(target, _span(self.file, event.start_mark, event.end_mark))

    def _merge(self, mapping: YMap) -> None:
        """Refuse a YAML 1.1 merge key (`<<: *base`): a map writes each node's fields where
        it is. The merged fields are read on as if written out (the mapping's own first), so
        that the merge key is the one error it causes, not also a missing `text`."""
        key, value = mapping.entries["<<"]
        if not key.plain:  # a quoted "<<" is an ordinary key
            return
        del mapping.entries["<<"]
        self.diagnostics.append(
            Diagnostic(
                "yaml-syntax",
                Severity.ERROR,
                key.span,
                "merge keys (`<<: *name`) are not supported in a map",
                "write the fields out in this mapping instead of merging them from an anchor",
            )
        )
        for merged in value.items if isinstance(value, YSeq) else (value,):
            if isinstance(merged, YMap):
                for name, entry in merged.entries.items():
                    mapping.entries.setdefault(name, entry)

    def _stop(self, event: Any, message: str, hint: str) -> _Abort:
        """The abort for a problem at the start of `event`."""
        mark = event.start_mark
        return _Abort(_syntax(self.file, mark.line + 1, mark.column + 1, message, hint))

    def _bad_tag(self, event: Any) -> None:
        tag: str = event.tag
        hint = "remove the tag; maps hold only plain text, numbers, dates, lists and mappings"
        if tag.startswith("!") and type(event) is yaml.ScalarEvent:
            # A local tag (`!Important:`), not a YAML type (`!!str`): a word of the text, meant.
            hint = self._text_hint(event) or hint
        raise self._stop(
            event, f"the YAML tag `{tag.replace(CORE_TAG, '!!')}` is not allowed in a map", hint
        )

    def _text_hint(self, event: Any) -> str:
        """The hint to quote text that starts where `event` does with a YAML indicator."""
        mark = event.start_mark
        return indicator_hint(self.lines, mark.line, mark.column, brackets=False)

    def _bad_key(self, node: YNode) -> _Abort:
        hint = "use a simple word as the key"
        items = node.items if isinstance(node, YSeq) else []
        said = items[0].value.strip() if len(items) == 1 and isinstance(items[0], YScalar) else ""
        if written := said if spec.ID_RE.match(said) else spec.suggested_id(said):
            # `[title]: text`, as Argdown names a statement (`[Robot reply]`: `Robot-reply`)
            hint = f"write the key without its brackets, as an id: `{written}:`"
        return _Abort(
            _syntax(
                self.file,
                node.span.line,
                node.span.column,
                "a mapping key must be plain text, not a list or mapping",
                hint,
            )
        )

    def _odd_key(self, key: YScalar) -> None:
        """Stop at a key that starts with a space YAML does not read as one, at the start
        of its line: its indentation. YAML reads on, the key at the margin, and the map's
        fields came out unknown, its nodes empty."""
        lines, row = self.lines, key.span.line - 1
        if not lines[row][: key.span.column - 1].strip(" ") and (
            found := indented_oddly(lines, row)
        ):
            (problem, hint), line, column = found
            raise _Abort(_syntax(self.file, line, column, problem, hint))

    def _tagged_key(self, key: YScalar) -> None:
        """A key tagged as another type than text (`!!null title:`, `!!bool yes:`), which
        any other YAML reader takes for no title, or for `true`."""
        tag, reads = tagged(self.lines, key)
        self.diagnostics.append(
            Diagnostic(
                "wrong-type",
                Severity.ERROR,
                key.span,
                f"the key `{key.value}` is tagged `{tag}`, which makes YAML read it as "
                f"{reads}, not text",
                f"delete `{tag}`: a key is text",
            )
        )

    def _alike(self, mapping: YMap, key: YScalar) -> None:
        """A plain key that YAML reads as a number, a boolean, null or a date, the same one
        as a key before it (`1.0` and `1`, `~` and `null`, `yes` and `true`), or that YAML
        1.2 reads as the same number (`0o10` and `8`, `1e3` and `1000`), as editors read a
        map with argmap's schema: argmap reads each as written, and any other YAML reader
        keeps only the last."""
        seen = self.alike.setdefault(id(mapping), {})
        # (the key before it that YAML reads alike, and how)
        found = [(seen.setdefault(value, key), how) for value, how in readings(key)]
        first, said = next(((k, how) for k, how in found if k is not key), (key, ""))
        if first is key:
            return
        self.diagnostics.append(
            Diagnostic(
                "duplicate-key",
                Severity.ERROR,
                key.span,
                f"key `{key.value}` is read by {said}, equal to `{first.value}` on line "
                f"{first.span.line}",
                f'quote both (`"{key.value}":`), or rename one; other YAML readers keep only '
                "the last of the two",
            )
        )

    def _duplicate(
        self, mapping: YMap, key: YScalar, value: YNode, outermost: bool = False
    ) -> None:
        """Report a key written twice in `mapping`; the first is kept. A section of the map
        written twice (`claims:` again at the end of the file, for a claim added there) is
        read as one, so that its entries are not lost to the rest of the check."""
        if outermost and key.value == "argmap" and self.second is None:
            self.second = key  # (a second map's, or one key written twice: `_pasted`)
        if outermost and self._in_second(key):
            self.again.append((key, value))
        else:
            self._said_twice(mapping, key, value, outermost)

    def _said_twice(self, mapping: YMap, key: YScalar, value: YNode, outermost: bool) -> None:
        first, earlier = mapping.entries[key.value]
        # (A section left empty, `claims:` and nothing under it, is as one with no entries.)
        empty = type(earlier) is YScalar and earlier.is_null
        section = outermost and key.value in spec.SECTIONS and type(value) is YMap
        hint = "remove or rename one of them; YAML would silently keep only the last"
        if section and (empty or type(earlier) is YMap):
            hint = (
                f"move its entries under the `{key.value}:` on line {first.span.line}: "
                "YAML would silently keep only the last of the two"
            )
        # (`# c2:` above it: the fields of `c2` read as the entry's above.)
        previous = next(reversed(mapping.entries.values()))[0].span.line - 1
        if commented := commented_key(self.lines, key.span.line - 1, previous):
            hint = commented
        listed = list(dict.fromkeys(_items(earlier) + _items(value)))
        if key.value in _LISTED and len(listed) > 1:
            # (`supports: a` and `supports: b`: both meant, as a node may support several.)
            hint = (
                f"if both are meant, write one list, `{key.value}: [{', '.join(listed)}]`; "
                "else remove one; YAML would silently keep only the last"
            )
        diagnostic = Diagnostic(
            "duplicate-key",
            Severity.ERROR,
            key.span,
            f"duplicate key `{key.value}`: already defined on line {first.span.line}",
            hint,
        )
        self.diagnostics.append(diagnostic)
        if not (outermost and self._section_again(mapping, key, value)):
            self.repeated.setdefault(id(mapping), (mapping, []))[1].append((key, value, diagnostic))

    def _section_again(self, root: YMap, key: YScalar, value: YNode) -> bool:
        """Whether `key` is a section of the map written again, with ids, which are read as
        the first's (`claims:` again at the end of the file, for a claim added there):
        into its first, or in place of a first left empty."""
        first, earlier = root.entries[key.value]
        if key.value not in spec.SECTIONS or type(value) is not YMap:
            return False
        if type(earlier) is YScalar and earlier.is_null:
            root.entries[key.value] = (first, value)
        elif type(earlier) is YMap:
            self._merged(earlier, value)
        else:
            return False
        return True

    def _merged(self, section: YMap, again: YMap) -> None:
        """The entries of a section written `again` read into its first, as one section:
        an id in both is said as any id written twice."""
        for entry, (entry_key, entry_value) in again.entries.items():
            if entry in section.entries and self._in_second(entry_key):
                self.shared_ids.append(entry)  # (said with the second map: `_pasted`)
            elif entry in section.entries:
                self._duplicate(section, entry_key, entry_value)
            else:
                section.entries[entry] = (entry_key, entry_value)

    def _in_second(self, key: YScalar) -> bool:
        """Whether `key` is written in a second map pasted below the first (`_pasted`)."""
        return self.second is not None and key.span.line >= self.second.span.line

    def _pasted(self, second: YScalar) -> None:
        """The map's keys written again from a second `argmap:` on: a second map pasted
        below the first if its `title:` is among them, said as one error where each key
        it repeats (`argmap`, `title`, `claims`, and ids such as `c1`) made one of its
        own, its sections read into the first's; else each one key written twice."""
        assert isinstance(self.root, YMap)  # (the second `argmap` is an entry of it)
        again = dict.fromkeys(key.value for key, _ in self.again)  # (`argmap` first)
        if "title" not in again:
            self.second = None
            for key, value in self.again:
                self._said_twice(self.root, key, value, outermost=True)
            return
        for key, value in self.again:  # (its ids both use are said with it)
            if key.value in spec.SECTIONS and not self._section_again(self.root, key, value):
                self._said_twice(self.root, key, value, outermost=True)  # (`claims: [a]`)
        first = self.root.entries["argmap"][0]
        ids = [f"`{key}`" for key in dict.fromkeys(self.shared_ids)]
        fields = [f"`{key}:`" for key in again if key not in spec.SECTIONS]
        *others, last = fields
        merge = f"without its {', '.join(others) + ' and ' if others else ''}{last}"
        if ids:
            more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
            merge += f", and with the ids both use renamed ({', '.join(ids[:5])}{more})"
        self.diagnostics.append(
            Diagnostic(
                "duplicate-key",
                Severity.ERROR,
                second.span,
                f"a second map starts here: `argmap:` again, as on line {first.span.line}; "
                "a file holds one map, and the keys this one repeats would be read into "
                "the first",
                f"move the map from line {second.span.line} on into a file of its own "
                f"(`argmap check` takes a folder of maps); or, to make one map of the two, "
                f"move its nodes into the first map's sections, {merge}",
            )
        )

    def _regroup(self) -> None:
        """An id indented like the fields above it (`nit:` among `ubi:`'s fields) is read as
        an empty field, and the fields under it as `ubi`'s own again. Such an id is moved
        out beside `ubi`, with the fields after it, and said as one error: left as YAML
        reads it, it was an unknown field, a duplicate key for each of its fields, and an
        unknown reference wherever the map names it. Only an entry of a section is split
        (`claims: {ubi: ...}`), and not an anchor's, which an alias repeats elsewhere."""
        if not isinstance(self.root, YMap):
            return
        anchored = {id(node) for node in self.anchors.values()}
        said: set[int] = set()
        for section in (v for _, v in self.root.entries.values() if isinstance(v, YMap)):
            moved: dict[str, tuple[YScalar, YMap]] = {}  # an id -> the id moved out after it
            taken = set(section.entries)
            for own, value in section.entries.values():
                found = self.repeated.get(id(value))
                if found is None or id(value) in anchored or id(section) in anchored:
                    continue
                mapping = found[0]  # (`value`, known to be a mapping)
                split = _split(mapping, found[1], self.file)
                if split is None or split[0].value in taken:
                    continue
                name, fields, kept = split
                mapping.entries = kept
                moved[own.value] = (name, fields)
                taken.add(name.value)
                said.update(id(d) for _, _, d in found[1])
                repeated = ", ".join(f"`{k.value}`" for k, _, _ in found[1])
                self.diagnostics.append(
                    Diagnostic(
                        "yaml-syntax",
                        Severity.ERROR,
                        name.span,
                        f"`{name.value}:` is indented like the fields of `{own.value}`, and "
                        f"the keys after it repeat {own.value}'s ({repeated}): read here as "
                        f"an entry of its own, beside `{own.value}`",
                        f"indent `{name.value}:` by {counted(own.span.column - 1, 'space')}, like "
                        f"`{own.value}:`",
                    )
                )
            if moved:  # (each section rebuilt once: once per id moved, it was quadratic)
                entries: dict[str, tuple[YScalar, YNode]] = {}
                for key, entry in section.entries.items():
                    entries[key] = entry
                    if key in moved:
                        name, fields = moved[key]
                        entries[name.value] = (name, fields)
                section.entries = entries
        self.diagnostics = [d for d in self.diagnostics if id(d) not in said]


# A node's fields that hold a list, which a field written twice meant to extend.
_LISTED = frozenset(f.name for f in spec.NODE_FIELDS if f.type in ("refs", "tags"))


def _items(value: YNode) -> list[str]:
    """The words of a field's value, one or a list of them, as a list's items are written
    in brackets; [] if it holds anything else."""
    items = value.items if isinstance(value, YSeq) else [value]
    words = [i.value for i in items if isinstance(i, YScalar) and not i.is_null]
    if len(words) != len(items) or any(not spec.ID_RE.match(w) for w in words):
        return []
    return words


def _split(
    mapping: YMap, repeats: list[tuple[YScalar, YNode, Diagnostic]], file: str
) -> tuple[YScalar, YMap, dict[str, tuple[YScalar, YNode]]] | None:
    """Where `mapping` splits: at an empty key that is no field's name, lined up with the
    fields, written after the first of each repeated key and before the repeats. That key,
    a mapping of the entries after it (the repeats among them), and the entries before it;
    None if there is no such key, or the mapping is in flow style (`{text: a, b: , ...}`)."""
    items = list(mapping.entries.values())
    index = {k.value: i for i, (k, _) in enumerate(items)}
    if any(k.value not in index for k, _, _ in repeats):  # (a merge key, read and gone)
        return None
    first = items[0][0].span
    if (mapping.span.line, mapping.span.column) != (first.line, first.column):
        return None  # (a block mapping starts at its first key; a flow one at its `{`)
    where = [(k.span.line, k.span.column) for k, _ in items]
    first_repeat = min((k.span.line, k.span.column) for k, _, _ in repeats)
    last_first = max(where[index[k.value]] for k, _, _ in repeats)
    at = next(
        (
            i
            for i, (key, value) in enumerate(items)
            if last_first < where[i] < first_repeat
            and where[i][1] == where[0][1]  # lined up with the fields
            and type(value) is YScalar
            and value.is_null
            and key.plain
            and key.value not in spec.FIELD_TYPES
        ),
        None,
    )
    if at is None:
        return None
    moved = sorted(
        [*items[at + 1 :], *((k, v) for k, v, _ in repeats)],
        key=lambda entry: (entry[0].span.line, entry[0].span.column),
    )
    if len({k.value for k, _ in moved}) < len(moved):
        return None
    start, end = moved[0][0].span, moved[-1][1].span
    fields = YMap(_new(Span, (file, start.line, start.column, end.end_line, end.end_column)))
    fields.entries = {k.value: (k, v) for k, v in moved}
    return items[at][0], fields, {k.value: (k, v) for k, v in items[:at]}


def _without_yaml11_breaks(text: str) -> tuple[str, dict[int, int] | None]:
    """The text with NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR swapped for private-use
    characters it does not use, and the way back. YAML 1.1, which libyaml reads, ends a
    line at each of them; YAML 1.2 and every editor do not, so left in they would shift
    every line number after them and break a comment or plain text in two."""
    found = [c for c in YAML11_BREAKS if c in text]
    if not found:
        return text, None
    # Free: neither in the text nor made by an escape in a quoted string (`"\\uE000"`).
    escaped = {int("".join(digits), 16) for digits in _ESCAPE.findall(text)}
    free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text and c not in escaped)
    swap = {ord(c): ord(p) for c, p in zip(found, free, strict=False)}
    return text.translate(swap), {p: c for c, p in swap.items()}


# Values with a ": " in them read on as quoted, to find the next syntax error (see
# `compose`), at most; and the characters read again to find them, at most, in lengths of
# the file (25 near the end of a map of 10,000 nodes took 11 s).
MAX_QUOTED = 20
_MOST_REREAD, _REREAD_ANYWAY = 3, 2_000_000  # (a small map's take no time)


def compose(text: str, file: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse one YAML document. The tree is None when the text is not usable YAML.

    The commonest syntax error, a value with a ": " in it (`text: Note: it passed`),
    stopped the reading, and a map with six took six runs to find them: each is read on
    as its hint says, the value quoted, to find the next error (the lines below read as
    written, so each is said where it is). The file has them still: the tree stays None."""
    parsed, restore = _without_yaml11_breaks(text)
    tree, problems = _compose(text, parsed, restore, file, LOADER)
    if tree is None and (ends := lines_ended_by(text)) is not None:
        return None, [_syntax(file, 1, ends, *ODD_LINE_ENDS)]
    if "\r" in text and "\n" in text and (lone := _lone_cr(text, file)):  # (said first)
        problems.insert(0, lone)
    found = dict.fromkeys(problems)  # (each pass says the warnings before its error again)
    passes, budget = 0, max(_MOST_REREAD * len(text), _REREAD_ANYWAY)
    while tree is None and passes < MAX_QUOTED and (fixed := quoted_on(text, problems)):
        text, budget = fixed[0], budget - fixed[1]  # (read again to there, at least)
        if budget < 0:
            break
        parsed, restore = _without_yaml11_breaks(text)
        tree, again = _compose(text, parsed, restore, file, LOADER)
        if tree is None and (not again or again[-1].span.line <= problems[-1].span.line):
            break  # no further on: what the quoting made of the line is no news
        problems, passes = again, passes + 1
        found.update(dict.fromkeys(problems))
    return (tree, problems) if not passes else (None, list(found))


_LONE_CR = re.compile("\r(?!\n)")


def _lone_cr(text: str, file: str) -> Diagnostic | None:
    """A warning of a carriage return with no line feed after it in a file whose lines end
    in LF (or CR LF), if there is one: YAML ends a line there, and argmap counts one, but
    some editors show none (vim a `^M`), and a key or a text broken there made errors that
    named neither it nor the line such an editor shows it on."""
    found = [m.start() for m in _LONE_CR.finditer(text)]
    if not found:
        return None
    line, column = position(text, found[0])
    more = f" (and {counted(len(found) - 1, 'other')})" if len(found) > 1 else ""
    return Diagnostic(
        "control-character",
        Severity.WARNING,
        Span.point(file, line, column),
        f"a carriage return (CR, U+000D) with no line feed (LF) after it{more}, where the "
        "file's other lines end in one: YAML, and argmap's line numbers, break the line "
        "there; some editors show no break (vim and Emacs show `^M`)",
        "delete it, or save the file with LF line endings",
    )


def _compose(
    text: str, parsed: str, restore: dict[int, int] | None, file: str, loader: Any
) -> tuple[YNode | None, list[Diagnostic]]:
    builder = _Builder(file, restore, text)
    parser = None
    try:
        parser = loader(parsed)  # (PyYAML's own reader refuses control characters here)
        builder.run(parser.get_event)
    except _Abort as stop:
        return None, [*builder.diagnostics, stop.diagnostic]
    except yaml.MarkedYAMLError as error:
        if error.problem == _LIBYAML_TOO_DEEP:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            # libyaml scans up to 1,000 open brackets ahead of the events it hands over, so
            # its own limit is met before MAX_DEPTH. PyYAML's parser, which has no limit,
            # finds where MAX_DEPTH is passed; being some 50 times slower, only in the
            # first part of a file (past it, the point is libyaml's, inside the nesting).
            if mark and mark.index <= _REPARSE_LIMIT:
                deeper = _compose(text, parsed, restore, file, yaml.SafeLoader)
                if deeper[1] and deeper[1][-1].message == _TOO_DEEP:
                    return deeper
            return None, [*builder.diagnostics, _too_deep(file, line, column)]
        line, column, problem, hint = explained(error, text, builder.stack)
        return None, [*builder.diagnostics, _syntax(file, line, column, problem, hint)]
    except yaml.reader.ReaderError as error:
        offset = error.position
        if loader is not yaml.SafeLoader:  # libyaml counts the UTF-8 bytes, not characters
            offset = len(parsed.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        line, column = position(text, offset)
        return None, [
            *builder.diagnostics,
            _syntax(
                file,
                line,
                column,
                f"the control character U+{error.character:04X} is not allowed in YAML",
                "remove the control character, or write it as an escape in a quoted string",
            ),
        ]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML errors without a mark
        return None, [*builder.diagnostics, _syntax(file, 1, 1, str(error), "fix the YAML")]
    finally:
        if parser is not None:
            parser.dispose()
    return builder.root, builder.diagnostics


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text. Only UTF-8 is accepted (a UTF-8 byte-order mark is dropped)."""
    if data[:1] == b"\0" and not data.strip(b"\0"):  # (not UTF-32, as its zeros looked)
        said = (
            f"the file holds {counted(len(data), 'byte')} of zeros (NUL) and no text",
            "a file zeroed by a crash or a failed copy: restore it from version control",
        )
        return None, [Diagnostic("encoding", Severity.ERROR, Span.point(file, 1, 1), *said)]
    if encoding := wide_encoding(data):  # (a zero byte, or a byte 0xff, left one guessing)
        return None, [
            Diagnostic(
                "encoding",
                Severity.ERROR,
                Span.point(file, 1, 1),
                f"the file is {encoding}, not UTF-8",
                "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)",
            )
        ]
    try:
        return decode_utf8(data), []
    except NotUtf8 as error:
        where = Span.point(file, error.line, error.column)
        return None, [
            Diagnostic(
                "encoding", Severity.ERROR, where, f"the file is {error}", "save the file as UTF-8"
            )
        ]
