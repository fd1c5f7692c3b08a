"""Which claims stand: formal argumentation semantics on a map.

evaluate(map, "grounded")  -> Evaluation with one labelling
evaluate(map, "preferred") -> every preferred labelling (up to a limit)
evaluate(map, "df-quad")   -> a score in [0, 1] for every node
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cached_property

from argmap.graph import build_graph
from argmap.model import Map, Relation
from argmap.semantics import gradual, sat
from argmap.semantics.framework import SUPPORTS, Framework, from_graph
from argmap.semantics.grounded import grounded
from argmap.semantics.labels import IN, OUT, UNDEC, Packed

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")
GRADUAL_SEMANTICS = ("h-categorizer", "df-quad")
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS
DEFAULT_LIMIT = 1000
_CYCLE_SHOWN = 9  # arguments of an odd cycle named when it is why there is no extension

# A node's standing across every extension of a semantics.
ACCEPTED, CONTESTED, REJECTED, UNDECIDED, NO_EXTENSION = (
    "accepted",
    "contested",
    "rejected",
    "undecided",
    "no extension",
)


@dataclass(frozen=True)
class Evaluation:
    semantics: str
    support: str
    framework: Framework
    labellings: tuple[Mapping[str, str], ...] = ()  # extension semantics
    truncated: bool = False  # the limit stopped the enumeration
    scores: gradual.Scores | None = None  # gradual semantics

    def added(self, m: Map) -> int:
        """How many attacks the reading of support adds to the map's own `m` (none without
        one): they count, and no drawing or list of the map's attacks shows them."""
        own = {(n.id, ref.id) for n in m.nodes.values() for ref in n.attacks}
        return len(self.framework.attacks - own)

    def status(self, node: str) -> str:
        """accepted (in every extension), contested (in some), rejected (out in every),
        undecided (otherwise), or "no extension" (stable may have none). Exact even when
        the limit cut the list of extensions."""
        if self.truncated:
            return self._exact_statuses[node]
        if not self.labellings:
            return NO_EXTENSION
        labels = {labelling[node] for labelling in self.labellings}
        if labels == {IN}:
            return ACCEPTED
        if IN in labels:
            return CONTESTED
        return REJECTED if labels == {OUT} else UNDECIDED

    @cached_property
    def _exact_statuses(self) -> dict[str, str]:
        """Every node's status when the list is cut: the grounded labelling (for preferred,
        the ideal one) settles what it labels in or out (every extension here is complete,
        and a cut list means there are some), the extensions found what they show (in in
        one, not in another: contested), and SAT queries the rest, each extension that a
        query comes across showing what it shows in turn."""
        af, semantics = self.framework, self.semantics
        settled = grounded(af)
        # Complete and preferred agree on credulous acceptance, found for all in one go.
        credulous = sat.credulously_accepted(af) if semantics in ("complete", "preferred") else None
        if semantics == "preferred":  # its ideal extension is in every preferred one
            settled = sat.ideal(af, credulous)
        seen: dict[str, set[str]] = {a: set() for a in af.arguments}  # labels in some extension

        def witness(labelling: Mapping[str, str]) -> None:
            for a, label in labelling.items():
                seen[a].add(label)

        for labelling in (*self.labellings, *([settled] if semantics == "complete" else [])):
            witness(labelling)  # (the grounded labelling is a complete one)
        # An extension of parts that no attack joins is one of each part (and a cut list
        # means each part has some): each argument is asked about in its part, not in the
        # whole (a thousand pairs took a minute).
        parts = af.parts()
        part = {a: index for index, kept in enumerate(parts) for a in kept}
        statuses: dict[str, str] = {}
        undecided: dict[int, list[str]] = defaultdict(list)  # by part, in map order
        for a in af.arguments:
            if settled[a] != UNDEC:
                statuses[a] = ACCEPTED if settled[a] == IN else REJECTED
            else:
                undecided[part[a]].append(a)
        with ExitStack() as open_:
            for index, arguments in undecided.items():
                # The part's questions asked of the same encodings (see `sat.Queries`).
                asked = sat.Queries(af.only(parts[index]), semantics, witness)
                statuses |= _part_statuses(open_.enter_context(asked), arguments, seen, credulous)
        return statuses

    @cached_property
    def odd_cycle(self) -> list[str]:
        """Where a map with no extension (stable's may have none) lacks one: a cycle of an
        odd number of attacks among the arguments the grounded labelling leaves undecided,
        which no extension can label (each member would have to be in and out); [] when
        there are extensions. Without one, that part would have a stable extension, and
        with the grounded one's in and out, so would the whole."""
        if self.scores is not None or self.labellings or self.truncated:
            return []
        undecided = [a for a, label in grounded(self.framework).items() if label == UNDEC]
        return self.framework.odd_cycle(undecided)

    def caveat(self) -> str:
        """What output that shows statuses or scores without the whole evaluation must
        say ("" when nothing): that the limit cut the list of extensions (the statuses are
        exact all the same), that the scores did not settle (they are the last round's,
        which a node attacked by a full-score attacker may show at full score too), or why
        there is no extension (`odd_cycle`: `stable: 0 extensions` said nothing of it)."""
        if self.scores is not None and not self.scores.converged:
            return f"did NOT converge after {self.scores.rounds:,} rounds: the last round's scores"
        if cycle := self.odd_cycle:
            shown = cycle  # (a ring of 5,001, whole, was a line of 49 KB)
            if len(cycle) > _CYCLE_SHOWN:
                shown = [*cycle[: _CYCLE_SHOWN - 1], f"… ({len(cycle):,} arguments)"]
            return f"the attacks go round an odd cycle: {' → '.join([*shown, cycle[0]])}"
        if not self.truncated:
            return ""
        found = len(self.labellings)
        return f"more than {found} extensions (the enumeration stopped); statuses are exact"

    def verdict(self, node: str) -> str:
        """One line on where `node` stands."""
        if self.scores is not None:  # (the scale is said once, before the verdicts: `scale`)
            return f"scores {self.scores.scores[node]:.2f}"
        where = f"the {self.semantics} extension"
        if self.truncated or len(self.labellings) > 1:
            count = f"more than {len(self.labellings)}" if self.truncated else len(self.labellings)
            where = f"every {self.semantics} extension ({count})"
        return {
            ACCEPTED: f"stands: accepted in {where}",
            CONTESTED: f"is contested: accepted in some {self.semantics} extensions, not all",
            REJECTED: f"falls: defeated in {where}",
            UNDECIDED: f"is undecided: neither accepted nor defeated in {where}",
            NO_EXTENSION: f"has no verdict: the map has no {self.semantics} extension",
        }[self.status(node)]

    def label(self, node: str) -> str:
        """The node's label (one extension), status (several) or score (gradual)."""
        if self.scores is not None:
            return f"{self.scores.scores[node]:.3f}"
        if len(self.labellings) == 1 and not self.truncated:
            return self.labellings[0][node]
        return self.status(node)


def _part_statuses(
    queries: sat.Queries,
    arguments: list[str],
    seen: dict[str, set[str]],
    credulous: set[str] | None,
) -> dict[str, str]:
    """The statuses of `arguments`, those of a part that the grounded (or ideal) labelling
    leaves undecided, from the labels `seen` in some extension, the `credulous` arguments
    if known, and the part's `queries`."""
    if credulous is None:
        never_in = sat.unshown(queries.accepted, arguments, lambda a: IN in seen[a])
    else:
        never_in = {a for a in arguments if a not in credulous}
    always_in = sat.unshown(
        lambda given: queries.other(given, IN),
        [a for a in arguments if a not in never_in],
        lambda a: bool(seen[a] - {IN}),
    )
    always_out = sat.unshown(
        lambda given: queries.other(given, OUT),
        [a for a in arguments if a in never_in],
        lambda a: bool(seen[a] - {OUT}),
    )
    return {
        a: (REJECTED if a in always_out else UNDECIDED)
        if a in never_in
        else (ACCEPTED if a in always_in else CONTESTED)
        for a in arguments
    }


def scale(semantics: str) -> str:
    """What a gradual semantics' scores mean, said with its verdicts."""
    default = f"{gradual.DEFAULT_WEIGHTS[semantics]:g}"
    return (
        "scores run from 0, defeated, to 1, upheld; a node that nothing argues about keeps "
        f"its weight, {default} unless it has one"
    )


def evaluate(
    m: Map, semantics: str, support: str = "none", limit: int | None = DEFAULT_LIMIT
) -> Evaluation:
    """The map under a semantics; `support` is the bipolar reading (framework.SUPPORTS)."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose {', '.join(SEMANTICS)}")
    if support not in SUPPORTS:
        raise ValueError(f"unknown support reading {support!r}; choose {', '.join(SUPPORTS)}")
    g = build_graph(m)
    af = from_graph(g, support)
    default = gradual.DEFAULT_WEIGHTS.get(semantics, 0.0)
    weight = {n.id: default if n.weight is None else n.weight for n in m.nodes.values()}
    if semantics == "h-categorizer":
        return Evaluation(
            semantics, support, af, scores=gradual.h_categorizer(af.arguments, af.attackers, weight)
        )
    if semantics == "df-quad":  # the attacks of the `support` reading, and the supports
        supporters = {
            a: tuple(u for u, _, r in g.in_edges(a, data="relation") if r is Relation.SUPPORT)
            for a in af.arguments
        }
        return Evaluation(
            semantics,
            support,
            af,
            scores=gradual.df_quad(af.arguments, af.attackers, supporters, weight),
        )
    if semantics == "grounded":
        return Evaluation(semantics, support, af, (grounded(af),))
    if semantics == "ideal":
        return Evaluation(semantics, support, af, (sat.ideal(af),))
    # One more than the limit says whether it cut; a limit beyond any list is none.
    stop = None if limit is None or limit >= sys.maxsize else limit + 1
    at = {a: place for place, a in enumerate(af.arguments)}
    found = [Packed(labelling, at) for labelling in sat.extensions(af, semantics, stop)]
    cut = limit is not None and len(found) > limit
    return Evaluation(semantics, support, af, tuple(found[:limit]), truncated=cut)


__all__ = [
    "EXTENSION_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "IN",
    "OUT",
    "SEMANTICS",
    "SUPPORTS",
    "UNDEC",
    "Evaluation",
    "Framework",
    "evaluate",
    "from_graph",
]
