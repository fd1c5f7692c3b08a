"""An evaluation as text for people and as JSON for programs."""

from __future__ import annotations

from typing import Any

from argmap.model import Kind, Map
from argmap.printable import one_line, printable
from argmap.semantics import Evaluation, scale
from argmap.semantics.labels import extension


def _heading(e: Evaluation) -> str:
    if e.scores is not None:
        if e.scores.exact:
            return f"{e.semantics} scores (exact: one pass over an acyclic map)"
        settled = "converged" if e.scores.converged else "did NOT converge"
        return f"{e.semantics} scores ({settled} after {e.scores.rounds} rounds)"
    plural = "s" if len(e.labellings) != 1 else ""
    more = "more than " if e.truncated else ""
    return f"{e.semantics} semantics: {more}{len(e.labellings)} extension{plural}"


def format_text(m: Map, e: Evaluation) -> str:
    # DF-QuAD counts supports itself; --support only says which attacks they add.
    counted = " (DF-QuAD also counts each support)" if e.semantics == "df-quad" else ""
    lines = [f"{_heading(e)}; supports read as: {e.support}{counted}"]
    if e.truncated:
        lines.append(
            f"(the enumeration stopped at --limit {len(e.labellings)}; the statuses are exact "
            "all the same: SAT queries decide them)"
        )
    width = max((len(f"{n.kind} {n.id}") for n in m.nodes.values()), default=0)
    for node in m.nodes.values():
        name = f"{node.kind} {node.id}"
        lines.append(f"  {name:<{width}}  {e.label(node.id):<9}  {one_line(node.text)}")
    if len(e.labellings) > 1:
        for number, labelling in enumerate(e.labellings, 1):
            members = ", ".join(n for n in m.nodes if labelling[n] == "in") or "(empty)"
            lines.append(f"extension {number}: {members}")
    lines.append("verdicts:" if e.scores is None else f"verdicts ({scale(e.semantics)}):")
    lines += [f"  {c.id} {e.verdict(c.id)}" for c in m.of_kind(Kind.CLAIM)]
    return "\n".join(printable(line) for line in lines) + "\n"


def to_json(m: Map, e: Evaluation) -> dict[str, Any]:
    nodes = []
    for node in m.nodes.values():
        entry: dict[str, Any] = {"id": node.id, "kind": node.kind.value}
        if e.scores is not None:
            entry["score"] = e.scores.scores[node.id]
        else:
            entry["status"] = e.status(node.id)
            if len(e.labellings) == 1 and not e.truncated:  # one extension of many: no label
                entry["label"] = e.labellings[0][node.id]
        nodes.append(entry)
    result: dict[str, Any] = {"semantics": e.semantics, "support": e.support, "nodes": nodes}
    if e.scores is not None:
        result |= {
            "converged": e.scores.converged,
            "rounds": e.scores.rounds,
            "scale": scale(e.semantics),
        }
    else:
        result |= {
            "extensions": [sorted(extension(labelling)) for labelling in e.labellings],
            "truncated": e.truncated,
        }
    result["verdicts"] = {c.id: e.verdict(c.id) for c in m.of_kind(Kind.CLAIM)}
    return result
