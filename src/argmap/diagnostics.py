"""Diagnostics: the one record every problem a user can cause becomes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from argmap.model import Map, Span
from argmap.printable import printable


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What is wrong (message), where (span), which rule says so, and how to fix it (hint)."""

    rule: str
    severity: Severity
    span: Span
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        # Messages quote what the map says; every output format prints them.
        object.__setattr__(self, "message", printable(self.message))
        object.__setattr__(self, "hint", printable(self.hint))

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.file, self.span.line, self.span.column, self.rule)


_MAX_CANDIDATES = 5000


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known word `word` is most likely a misspelling of, if any."""
    # Fuzzy matching costs a SequenceMatcher per candidate: keep to plausible lengths, and
    # give up on huge vocabularies rather than stall a check of a 100,000-node map.
    near = [c for c in choices if abs(len(c) - len(word)) <= 3]
    folded = word.casefold()
    if same := [c for c in near if c.casefold() == folded]:  # `Dark` for `dark`, `TB` for `tb`
        return same[0]
    if len(near) > _MAX_CANDIDATES:
        return None
    close = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], *, fallback: str = "") -> str:
    """A hint naming the closest known word, or `fallback` when nothing is close."""
    guess = closest(word, choices)
    return f"did you mean `{guess}`?" if guess else fallback


def no_node(m: Map, node_id: str, option: str) -> str:
    """Why `option`'s `node_id` names no node of `m`: what it names instead (an actor or a
    source), or the closest node id."""
    other = "an actor" if node_id in m.actors else "a source" if node_id in m.sources else ""
    if other:
        return (
            f"{option}: `{node_id}` is {other} in {m.path}, not a node; give the id of a "
            "claim, reason, objection or rebuttal (`argmap show` lists them)"
        )
    hint = did_you_mean(node_id, m.nodes, fallback="`argmap show` lists the ids")
    return f"{option}: no node `{node_id}` in {m.path}; {hint}"


def count(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    totals = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        totals[d.severity] += 1
    return totals
