"""What a rule is: an id, a default severity, its documentation (with a bad and a good
example that the tests run), its options, and a check over a loaded map."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Severity
from argmap.graph import Graph
from argmap.model import Map, Span

EXAMPLE_HEADER = "argmap: 1\ntitle: Example\n"
"""Prepended to each rule's bad and good examples to make them whole maps."""


@dataclass(frozen=True, slots=True)
class Option:
    type: type
    default: Any
    description: str


@dataclass(frozen=True, slots=True)
class Context:
    map: Map
    graph: Graph
    options: Mapping[str, Any]
    # What rules work out once per check of a map and share, by name: one Context is made
    # per rule, this dict once per check.
    shared: dict[str, Any]


Finding = tuple[Span, str, str]  # where, message, hint


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # one line, shown by `argmap rules`
    why: str  # why it matters: the rule's documentation
    bad: str  # a map fragment (after EXAMPLE_HEADER) that the rule reports
    good: str  # the same fragment, fixed
    check: Check | None = None  # None: the loader, or the drawing, reports it
    options: Mapping[str, Option] = field(default_factory=dict)
    drawing: bool = False  # reported while drawing (`argmap render`), not by `check`
    # Always checked, whatever is selected or ignored: what it reports means the map read is
    # not the file (content dropped), so a check would pass and a drawing lack it silently.
    required: bool = False

    @property
    def family(self) -> str:
        return "drawing" if self.drawing else "loader" if self.check is None else "map"


def twice(m: Map) -> frozenset[str]:
    """The ids of nodes written twice (duplicate-id): the map holds the first, not the
    later one, so what names such an id may mean the other, and what the later one names
    is not seen. (`unreadable` holds them, with the ids of entries that are no mapping.)"""
    return m.unreadable & m.nodes.keys()
