"""What changed between two versions of a map: nodes, relations, actors, sources, and the
map's own title, summary and `render:` defaults.

The union of both versions is also a map (`union`), so that a diff is drawn by the one
renderer, with each part marked added, removed or changed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal
from unicodedata import normalize

from rapidfuzz.distance import Indel

from argmap.characters import describe, is_hidden, visible
from argmap.model import Actor, Kind, Map, Node, Ref, Relation, Source
from argmap.printable import one_line, printable
from argmap.text import as_drawn, counted, on_one_line, pieces

Status = Literal["added", "removed", "renamed", "reworded", "changed"]
_NODE_FIELDS = ("kind", "text", "by", "source", "quote", "tags", "note", "weight")
_MAP_FIELDS = ("title", "summary")


@dataclass(frozen=True)
class FieldChange:
    """One field's value in each version (None where it is not given)."""

    name: str
    old: Any
    new: Any

    def to_json(self) -> dict[str, Any]:
        return {"field": self.name, "old": self.old, "new": self.new}

    @property
    def status(self) -> Status:
        """added where it had no value, removed where it has none, else changed."""
        return "added" if self.old is None else "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class NodeChange:
    id: str
    status: Status
    old: Node | None
    new: Node | None
    changes: tuple[FieldChange, ...] = ()  # for renamed, reworded and changed nodes
    old_id: str | None = None  # for a renamed node: its id in the old version

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.changes)

    @property
    def node(self) -> Node:
        node = self.new or self.old
        assert node is not None
        return node


@dataclass(frozen=True)
class RelationChange:
    source: str
    relation: Relation
    target: str
    status: Literal["added", "removed"]


@dataclass(frozen=True)
class EntryChange:
    section: Literal["actors", "sources"]
    id: str
    status: Literal["added", "removed", "renamed", "changed"]
    changes: tuple[FieldChange, ...] = ()
    old_id: str | None = None  # for a renamed entry: its id in the old version

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.changes)


@dataclass(frozen=True)
class MapDiff:
    old: Map
    new: Map
    nodes: tuple[NodeChange, ...]
    relations: tuple[RelationChange, ...]
    entries: tuple[EntryChange, ...]
    heading: tuple[FieldChange, ...] = ()  # the map's title, summary and render defaults

    @property
    def empty(self) -> bool:
        return not (self.nodes or self.relations or self.entries or self.heading)

    def union(self) -> Map:
        """Both versions in one map: the new one, plus what was removed, with every relation
        either version has."""
        nodes = {n.id: _with_targets(n, self.old.nodes.get(n.id)) for n in self.new.nodes.values()}
        nodes |= {n.id: n for n in self.old.nodes.values() if n.id not in nodes}
        return replace(
            self.new,
            nodes=nodes,
            actors={**self.old.actors, **self.new.actors},
            sources={**self.old.sources, **self.new.sources},
        )

    def marks(self) -> tuple[dict[str, str], dict[tuple[str, str, str], str]]:
        """Node id -> status, and (source, relation, target) -> status, for drawing."""
        nodes: dict[str, str] = {
            c.id: "changed" if c.status in ("renamed", "reworded") else c.status for c in self.nodes
        }
        edges: dict[tuple[str, str, str], str] = {
            (r.source, r.relation.value, r.target): r.status for r in self.relations
        }
        return nodes, edges

    def entries_in_words(self, most: int = 4) -> str:
        """The map's own fields changed (`the map's title`), and the actors and sources
        changed, in a few words each (`actor pea renamed from jay-pea`, `source s's url`),
        up to `most` of them: what a drawing of the new map's nodes cannot show."""
        heading = [f"the map's {' and '.join(c.name for c in self.heading)}"] * bool(self.heading)
        said = [_entry_in_words(e) for e in self.entries[:most]]
        if len(self.entries) > most:
            said.append(f"and {len(self.entries) - most} more (see `-f text`)")
        # (Each held together: a legend's lines ended in `the map's` and `schor's`.)
        return ", ".join(item.replace(" ", "\u00a0") for item in heading + said)

    def summary(self) -> str:
        nodes = f"nodes: {_counts(self.nodes)}"
        relations = f"relations: {_counts(self.relations)}"
        entries = f"actors and sources: {_counts(self.entries)}"
        said = ", ".join(f"{c.name} {c.status}" for c in self.heading)  # (`title changed`)
        heading = [f"map: {said}"] * bool(said)
        return "; ".join([nodes, relations, entries, *heading])

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old.path,
            "new": self.new.path,
            "nodes": [
                {
                    "id": c.id,
                    "kind": c.node.kind.value,
                    "status": c.status,
                    **({"old_id": c.old_id} if c.old_id else {}),
                    "fields": list(c.fields),
                    "changes": [f.to_json() for f in c.changes if f.name != "text"],
                    "old_text": c.old.text if c.old else None,
                    "new_text": c.new.text if c.new else None,
                }
                for c in self.nodes
            ],
            "relations": [
                {
                    "source": r.source,
                    "relation": r.relation.value,
                    "target": r.target,
                    "status": r.status,
                }
                for r in self.relations
            ],
            "entries": [
                {
                    "section": e.section,
                    "id": e.id,
                    "status": e.status,
                    **({"old_id": e.old_id} if e.old_id else {}),
                    "fields": list(e.fields),
                    "changes": [f.to_json() for f in e.changes],
                }
                for e in self.entries
            ],
            "map": [c.to_json() for c in self.heading],
        }


def _with_targets(node: Node, old: Node | None) -> Node:
    """`node` with the targets that `old`, its earlier version, had too."""
    if old is None:
        return node

    def merged(new_refs: tuple[Ref, ...], old_refs: tuple[Ref, ...]) -> tuple[Ref, ...]:
        ids = {r.id for r in new_refs}
        return new_refs + tuple(r for r in old_refs if r.id not in ids)

    return replace(
        node,
        supports=merged(node.supports, old.supports),
        attacks=merged(node.attacks, old.attacks),
    )


def _value(node: Node, name: str) -> Any:
    """A field's value without positions, for comparison."""
    value = getattr(node, name)
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, tuple) and value and isinstance(value[0], Ref):
        return tuple(r.id for r in value)  # in order: the first actor leads the drawing
    return value


def _relations(m: Map) -> set[tuple[str, Relation, str]]:
    return {(n.id, relation, ref.id) for n in m.nodes.values() for relation, ref in n.targets()}


def _entry_fields(entry: Actor | Source) -> dict[str, Any]:
    return {f.name: getattr(entry, f.name) for f in fields(entry) if f.name != "span"}


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    """The fields whose values differ, in the order of `new`, then those only `old` has.
    Text that differs in white space alone, which no drawing shows (a `|` block's last
    line break, two spaces for one), is the same."""
    names = [*new, *(k for k in old if k not in new)]
    return tuple(
        FieldChange(k, old.get(k), new.get(k)) for k in names if not _same(old.get(k), new.get(k))
    )


def _entry_in_words(e: EntryChange) -> str:
    """`actor pea renamed from jay-pea`, `source s's date and url`, `actor x added`."""
    named = f"{e.section[:-1]} {e.id}"
    if e.old_id:
        return f"{named} renamed from {e.old_id}"
    if e.status == "changed" and e.fields:
        return f"{named}'s {' and '.join(e.fields)}"
    return f"{named} {e.status}"


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return as_drawn(old) == as_drawn(new)
    return bool(old == new)


def _heading(m: Map) -> dict[str, Any]:
    """The map's own fields, with each `render:` default as a field of its own (None: not
    given, or no map at all, the empty side of `diff /dev/null NEW`)."""
    return {
        **{name: getattr(m, name) or None for name in _MAP_FIELDS},
        **{f"render.{key}": value for key, value in m.render.items()},
    }


def _renames(
    old: Mapping[str, Any], new: Mapping[str, Any], same: Callable[[Any], Hashable]
) -> dict[str, str]:
    """Old id -> new id of each node, actor or source whose id alone changed: one gone from
    the old version and one new in the new version, the `same` (a node's kind and text,
    white space aside; an entry's fields), each the other's only match."""

    def by_key(entries: Mapping[str, Any], other: Mapping[str, Any]) -> dict[Hashable, list[str]]:
        found: dict[Hashable, list[str]] = {}
        for key, entry in entries.items():
            if key not in other:
                found.setdefault(same(entry), []).append(key)
        return found

    gone, came = by_key(old, new), by_key(new, old)
    return {
        was[0]: now[0]
        for key, was in gone.items()
        if len(was) == 1 and len(now := came.get(key, [])) == 1
    }


def _node_key(n: Node) -> Hashable:
    return n.kind, " ".join(n.text.split())


def _entry_key(entry: Actor | Source) -> Hashable:
    return tuple(value for name, value in _entry_fields(entry).items() if name != "id")


@dataclass(frozen=True)
class _Renames:
    """Old id -> new id of the nodes, actors and sources whose id alone changed."""

    nodes: Mapping[str, str]
    actors: Mapping[str, str]
    sources: Mapping[str, str]

    @classmethod
    def between(cls, old: Map, new: Map) -> _Renames:
        return cls(
            _renames(old.nodes, new.nodes, _node_key),
            _renames(old.actors, new.actors, _entry_key),
            _renames(old.sources, new.sources, _entry_key),
        )

    def of(self, m: Map) -> Map:
        """`m` (the old version) with its nodes, actors and sources renamed, and the
        references to them."""
        if not (self.nodes or self.actors or self.sources):
            return m

        def refs(found: tuple[Ref, ...], renames: Mapping[str, str]) -> tuple[Ref, ...]:
            return tuple(replace(r, id=renames.get(r.id, r.id)) for r in found)

        def renamed(entries: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
            return {
                renames.get(key, key): replace(e, id=renames.get(key, key))
                for key, e in entries.items()
            }

        nodes = {
            self.nodes.get(key, key): replace(
                n,
                id=self.nodes.get(key, key),
                supports=refs(n.supports, self.nodes),
                attacks=refs(n.attacks, self.nodes),
                by=refs(n.by, self.actors),
                source=refs((n.source,), self.sources)[0] if n.source else None,
            )
            for key, n in m.nodes.items()
        }
        actors = renamed(m.actors, self.actors)
        return replace(m, nodes=nodes, actors=actors, sources=renamed(m.sources, self.sources))


def diff_maps(old: Map, new: Map) -> MapDiff:
    """The changes from `old` to `new`. A node whose id alone changed is renamed, not
    removed and added; the diff's old map then uses its new id (for relations, the union
    and verdicts)."""
    renames = _Renames.between(old, new)
    renamed = {now: was for was, now in renames.nodes.items()}
    old = renames.of(old)
    changes: list[NodeChange] = []
    for node in new.nodes.values():
        before = old.nodes.get(node.id)
        if before is None:
            changes.append(NodeChange(node.id, "added", None, node))
            continue
        # Supports and attacks are reported as relations, not as changes of the node.
        changed = _changes(*({f: _value(n, f) for f in _NODE_FIELDS} for n in (before, node)))
        if node.id in renamed:  # (its text differs in white space at most: said if drawn)
            changes.append(NodeChange(node.id, "renamed", before, node, changed, renamed[node.id]))
        elif changed:
            reworded = any(c.name == "text" for c in changed)
            status: Status = "reworded" if reworded else "changed"
            changes.append(NodeChange(node.id, status, before, node, changed))
    changes += [
        NodeChange(n.id, "removed", n, None) for n in old.nodes.values() if n.id not in new.nodes
    ]
    was_related, now_related = _relations(old), _relations(new)
    relations = [RelationChange(s, r, t, "added") for s, r, t in now_related - was_related]
    relations += [RelationChange(s, r, t, "removed") for s, r, t in was_related - now_related]
    order = {n: i for i, n in enumerate([*new.nodes, *old.nodes])}
    relations.sort(key=lambda r: (order[r.source], r.relation.value, order.get(r.target, 0)))
    entries: list[EntryChange] = []
    for section in ("actors", "sources"):
        was: Mapping[str, Actor | Source] = getattr(old, section)
        now: Mapping[str, Actor | Source] = getattr(new, section)
        earlier = {now: was for was, now in getattr(renames, section).items()}
        for key, entry in now.items():
            if key in earlier:
                entries.append(EntryChange(section, key, "renamed", old_id=earlier[key]))
            elif key not in was:
                entries.append(EntryChange(section, key, "added"))
            elif differ := _changes(_entry_fields(was[key]), _entry_fields(entry)):
                entries.append(EntryChange(section, key, "changed", differ))
        entries += [EntryChange(section, key, "removed") for key in was if key not in now]
    heading = _changes(_heading(old), _heading(new))
    return MapDiff(old, new, tuple(changes), tuple(relations), tuple(entries), heading)


# Words of a rewording compared with each other at most: the most words the two keep in
# order (RapidFuzz's longest common subsequence, which keeps a clause moved, where the
# fewest edits replaced it whole) take time and memory that grow with their product, 64
# words at once (14,000 words by 14,000 in about 0.1 s and 30 MB); past it, what changed
# between the words both texts start and end with is said as one replacement. (difflib,
# before, took 110 s for 2,000 words of one repeated.)
_MOST_COMPARED = 200_000_000


@dataclass
class _Budget:
    """Words that the rewordings of one diff may still compare with each other: each under
    the limit, many long texts reworded would add up (100 took 138 s with difflib)."""

    left: int = field(default_factory=lambda: 2 * _MOST_COMPARED)

    def spend(self, compared: int) -> bool:
        """Whether `compared` fits (then it is spent)."""
        fits = compared <= min(self.left, _MOST_COMPARED)
        self.left -= compared if fits else 0
        return fits


def word_diff(old: str, new: str, budget: _Budget | None = None) -> str:
    """`new` with removed words as [-word-] and added ones as {+word+}, like git's word diff.
    Words as lines break them: a Japanese phrase, a Chinese character (a sentence without
    spaces was one word, removed whole and added whole for a word changed in it). Past the
    `budget` of words compared, what changed is said as one replacement."""
    a, b = list(pieces(old)), list(pieces(new))
    words_a, words_b = [p for p, _ in a], [p for p, _ in b]
    # The words both texts start and end with, set apart: most rewordings change a few.
    most, start, end = min(len(a), len(b)), 0, 0
    while start < most and words_a[start] == words_b[start]:
        start += 1
    while end < most - start and words_a[-1 - end] == words_b[-1 - end]:
        end += 1
    was, now = words_a[start : len(a) - end], words_b[start : len(b) - end]
    kept: list[tuple[int, int, int]] = []  # (where in `was`, where in `now`, how many)
    if (budget or _Budget()).spend(len(was) * len(now)):
        kept = [
            (op.src_start, op.dest_start, op.src_end - op.src_start)
            for op in Indel.opcodes(was, now)
            if op.tag == "equal"
        ]
    out = b[:start]  # each piece, with whether a space goes before it
    i = j = 0
    for i1, j1, n in [*kept, (len(was), len(now), 0)]:
        # What lies between two runs of words kept: removed, then added.
        removed, added = a[start + i : start + i1], b[start + j : start + j1]
        if removed:
            out.append(("[-" + _together(removed) + "-]", removed[0][1]))
        if added:
            out.append(("{+" + _together(added) + "+}", added[0][1]))
        out += b[start + j1 : start + j1 + n]
        i, j = i1 + n, j1 + n
    return _together(out + b[len(b) - end :])


def _together(parts: list[tuple[str, bool]]) -> str:
    """Pieces of text (`text.pieces`) as one, spaced where they were, but for the first."""
    return "".join(" " * (spaced and at > 0) + part for at, (part, spaced) in enumerate(parts))


def _counts(changes: Iterable[NodeChange | RelationChange | EntryChange]) -> str:
    """`1 reworded, 2 added`: how many changes of each status, in the order first met."""
    counts = Counter(change.status for change in changes)
    return ", ".join(f"{n} {status}" for status, n in counts.items()) or "no change"


_SIGNS = {"added": "+", "removed": "-", "renamed": "~", "reworded": "~", "changed": "~"}
_WORDY = 40  # characters: longer texts are shown as a word diff, shorter ones as old -> new


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(map(str, value)) + "]"
    return printable(on_one_line(str(value)))


def _described(changes: Iterable[FieldChange], budget: _Budget) -> str:
    """`name: old -> new` for each change; long texts as a word diff."""
    parts = []
    for c in changes:
        if (
            isinstance(c.old, str)
            and isinstance(c.new, str)
            and (max(len(c.old), len(c.new)) > _WORDY or one_line(c.old) == one_line(c.new))
        ):
            parts.append(f"{c.name}: {_text_change(c.old, c.new, budget)}")
        else:
            parts.append(f"{c.name}: {_shown(c.old)} -> {_shown(c.new)}")
    return "; ".join(parts)


def _text_change(old: str, new: str, budget: _Budget) -> str:
    """How a text changed: as a word diff, or in words for what that would not show."""
    if normalize("NFC", old) == normalize("NFC", new):  # (`[-café-] {+café+}` says nothing)
        return (
            "only in how its letters are encoded (é as one character, or as e and a "
            "combining accent)"
        )
    if old.split() == new.split():  # the same words: white space that drawings show
        lines = [[" ".join(line.split()) for line in as_drawn(t)] for t in (old, new)]
        if lines[0] == lines[1]:
            return (
                "only in its spaces: a no-break space, which keeps words together, for a "
                "space, or the other way"
            )
        return "only in where its lines break, now: " + " ⏎ ".join(as_drawn(new))
    if _read(old) == _read(new):  # (`[-café au lait-] {+café au lait+}` says nothing either)
        # (Not the `e` of an `e` and an accent: a letter that reads as itself.)
        odd = sorted(c for c in set(old) ^ set(new) if not (c.isascii() and c.isalnum()))
        said = "only in characters that read alike: "
        if not odd:  # (the same characters, in other places: a zero-width space moved)
            odd = sorted(c for c in set(old) if c.isspace() or is_hidden(c))
            said = "only in where characters that show alike stand: "
        more = f" and {counted(len(odd) - 4, 'other')}" if len(odd) > 4 else ""
        return said + ", ".join(map(describe, odd[:4])) + more
    return word_diff(old, new, budget)


def _read(text: str) -> str:
    """`text` as one reads it: its letters composed, without invisible characters, its
    white space (no-break spaces too) as single spaces."""
    return " ".join(visible(normalize("NFC", text)).split())


def format_text(d: MapDiff) -> str:
    """The diff for people: one line per change, the rewording as a word diff."""
    lines = [f"--- {d.old.path}", f"+++ {d.new.path}"]
    if d.empty:
        return "\n".join(printable(line) for line in [*lines, "no changes"]) + "\n"
    budget = _Budget()
    for f in d.heading:
        given = f.new if f.status == "added" else f.old
        said = _described([f], budget) if f.status == "changed" else f"{f.name}: {_shown(given)}"
        lines.append(f"{_SIGNS[f.status]} map {said}")
    for c in d.nodes:
        node = c.node
        head = f"{_SIGNS[c.status]} {node.kind} {c.id}"
        if c.status == "reworded" and c.old and c.new:
            others = [f for f in c.changes if f.name != "text"]
            extra = f" (also {_described(others, budget)})" if others else ""
            said = _text_change(c.old.text, c.new.text, budget)
            lines.append(f"{head} reworded: {said}{extra}")
        elif c.status == "renamed":
            also = f" (also {_described(c.changes, budget)})" if c.changes else ""
            lines.append(f"{head} renamed from {c.old_id}{also}")
        elif c.status == "changed":
            lines.append(f"{head} changed: {_described(c.changes, budget)}")
        else:
            lines.append(f"{head} {c.status}: {printable(on_one_line(node.text))}")
    for r in d.relations:
        verb = "supports" if r.relation is Relation.SUPPORT else "attacks"
        lines.append(f"{_SIGNS[r.status]} relation: {r.source} {verb} {r.target}")
    for e in d.entries:
        detail = f": {_described(e.changes, budget)}" if e.changes else ""
        detail = f" from {e.old_id}" if e.old_id else detail
        lines.append(f"{_SIGNS[e.status]} {e.section[:-1]} {e.id} {e.status}{detail}")
    lines.append(d.summary())
    return "\n".join(printable(line) for line in lines) + "\n"


# The colour of a change's line on a terminal, by its sign, as git colours its diffs (SGR
# codes); the signs and the word diff's marks stay, for whoever cannot tell the colours.
_COLOURS = {"+": "32", "-": "31", "~": "33"}
_WORDS = re.compile(r"(\[-.*?-\]|\{\+.*?\+\})")  # (a rewording's words removed, added)


def coloured(text: str) -> str:
    """`format_text`'s diff (and `format_verdicts`') in colour: each change's line in its
    sign's, the words a rewording removed in red and those it added in green, the two
    maps' names in bold. (The text holds no control character of a map's: `printable`.)"""
    lines = []
    for line in text.splitlines():
        colour = _COLOURS.get(line[:1]) if line[1:2] == " " else None
        if line.startswith(("--- ", "+++ ")):
            line = f"\x1b[1m{line}\x1b[0m"
        elif colour is not None:
            pieces = _WORDS.split(line)  # (the words changed, each between the others)
            pieces[1::2] = [f"\x1b[{_COLOURS[p[1]]}m{p}\x1b[{colour}m" for p in pieces[1::2]]
            line = f"\x1b[{colour}m{''.join(pieces)}\x1b[0m"
        lines.append(line)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Verdicts:
    """The claims whose standing differs between two versions (`verdict_changes`), and the
    versions ("old", "new") whose gradual scores did not converge, with the rounds they
    took: their scores are the last round's, a moment of an oscillation."""

    changed: list[dict[str, Any]]
    unsettled: tuple[tuple[str, int], ...] = ()

    def note(self, semantics: str) -> str:
        """What the versions' unsettled scores mean, in words ("" if both settled)."""
        return "; ".join(
            f"{semantics} did not converge on the {side} map after {rounds:,} rounds: its "
            "scores are the last round's"
            for side, rounds in self.unsettled
        )


def verdict_changes(old: Map, new: Map, semantics: str, support: str = "none") -> Verdicts:
    """The claims whose standing differs between the versions under `semantics` (a claim
    added or removed counts, with None on the side it is missing from). Said as labels
    (in, out, undec) when each version has one extension, else as statuses (accepted,
    rejected, ...): a claim out in the one extension of a version and in none of the two
    of the other stands as it stood."""
    from argmap.semantics import evaluate

    before, after = evaluate(old, semantics, support), evaluate(new, semantics, support)
    claims = [
        *old.of_kind(Kind.CLAIM),
        *(c for c in new.of_kind(Kind.CLAIM) if c.id not in old.nodes),
    ]
    # (A gradual semantics' label is its score; a list cut by the limit has statuses.)
    sides = (before, after)
    labelled = all(
        e.scores is not None or (len(e.labellings) == 1 and not e.truncated) for e in sides
    )
    changes = []
    for claim in claims:
        was, now = (
            (e.label(claim.id) if labelled else e.status(claim.id)) if claim.id in m.nodes else None
            for e, m in zip(sides, (old, new), strict=True)
        )
        if was != now:
            changes.append({"claim": claim.id, "old": was, "new": now})
    unsettled = tuple(
        (side, e.scores.rounds)
        for side, e in zip(("old", "new"), sides, strict=True)
        if e.scores is not None and not e.scores.converged
    )
    return Verdicts(changes, unsettled)


def format_verdicts(verdicts: Verdicts, semantics: str) -> str:
    changes, note = verdicts.changed, verdicts.note(semantics)
    lines = [
        f"verdicts under {semantics}:"
        if changes
        else f"verdicts under {semantics}: no claim changed"
    ]
    lines += [
        f"~ {c['claim']}: {c['old'] or '(absent)'} -> {c['new'] or '(absent)'}" for c in changes
    ]
    lines += [f"({note})"] if note else []
    return "\n".join(lines) + "\n"
