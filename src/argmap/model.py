"""The map as immutable, typed values: what the loader produces and every later stage reads.

Every value a user wrote keeps the Span it came from, so that any later stage can point
back at the exact line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Span(NamedTuple):
    """A region of a file; lines and columns are 1-based, the end is exclusive.

    A NamedTuple rather than a dataclass: a large map makes millions of them."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, file: str, line: int = 1, column: int = 1) -> Span:
        return cls(file, line, column, line, column + 1)


class Kind(StrEnum):
    """The four kinds of node, in the order a map is read (and drawn, top to bottom)."""

    CLAIM = "claim"
    REASON = "reason"
    OBJECTION = "objection"
    REBUTTAL = "rebuttal"

    @property
    def section(self) -> str:
        """The top-level YAML section that holds nodes of this kind."""
        return f"{self.value}s"


class Relation(StrEnum):
    SUPPORT = "support"
    ATTACK = "attack"


_SUPPORT, _ATTACK = Relation.SUPPORT, Relation.ATTACK


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference by id to another entry of the map, where it was written."""

    id: str
    span: Span


class Tags(tuple[str, ...]):
    """A node's tags, and where each was written (`spans`, one a tag; none for tags made
    in code): a repeat is said where it is (`repeated-target`)."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def written(cls, tags: list[tuple[str, Span]]) -> Tags:
        made = cls([tag for tag, _ in tags])
        made.spans = tuple([span for _, span in tags])
        return made


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: Kind
    text: str
    span: Span  # the node's id key
    by: tuple[Ref, ...] = ()  # the actors who argue it, in the order written
    source: Ref | None = None
    quote: str | None = None
    supports: tuple[Ref, ...] = ()
    attacks: tuple[Ref, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    weight: float | None = None
    fields: Mapping[str, Span] = field(default_factory=dict)  # field name -> span of its value

    @property
    def actors(self) -> tuple[str, ...]:
        """The ids of the actors who argue it, each once (a repeat is warned of, and drawn
        and shown once, as a repeated target is)."""
        return tuple(dict.fromkeys([ref.id for ref in self.by]))

    def targets(self) -> tuple[tuple[Relation, Ref], ...]:
        """Every outgoing relation of this node, supports first, in the order written."""
        return (
            *[(_SUPPORT, r) for r in self.supports],
            *[(_ATTACK, r) for r in self.attacks],
        )

    def refs(self, name: str) -> tuple[Ref, ...]:
        """The references written in the field `name` (`by`, `source`, `supports` or
        `attacks`), in order."""
        if name == "source":
            return (self.source,) if self.source else ()
        return self.by if name == "by" else self.supports if name == "supports" else self.attacks

    def field_span(self, name: str) -> Span:
        """Where a field's value was written, falling back to the node itself."""
        return self.fields.get(name, self.span)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    span: Span
    role: str | None = None
    kind: ActorKind = ActorKind.PERSON


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    span: Span
    author: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601 to the day, month or year: 2009-03-13, 2009-03, 2009
    url: str | None = None

    def describe(self) -> str:
        """Title, author, publisher and date, as a reference reads."""
        return ", ".join(filter(None, [self.title, self.author, self.publisher, self.date]))


@dataclass(frozen=True, slots=True)
class Map:
    """One argument map. `nodes` keeps the order of the file: claims, reasons, objections,
    rebuttals, each in the order written."""

    path: str
    title: str
    span: Span
    version: int = 1
    summary: str | None = None
    nodes: Mapping[str, Node] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    render: Mapping[str, Any] = field(default_factory=dict)  # the map's `render:` defaults
    # field name -> span of its value; a `render:` option's as `render.group-by`
    fields: Mapping[str, Span] = field(default_factory=dict)
    # Ids written in a section whose entry could not be read (its own error says why):
    # references to them are not reported again as unknown.
    unreadable: frozenset[str] = frozenset()
    # Nodes written under an id already taken (duplicate-id): not in `nodes`, but what they
    # name is named all the same (its actor and source are not unused).
    duplicates: tuple[Node, ...] = ()
    # Sections written with something that could not be read (`claims: [a, b]`): what
    # they lack is not reported again (no claim, say).
    unread_sections: frozenset[str] = frozenset()

    def actor_name(self, actor_id: str) -> str:
        """The actor's name, or the id itself when `actors` has no such entry."""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def of_kind(self, kind: Kind) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind is kind]
