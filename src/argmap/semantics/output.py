"""An evaluation as text for people and as JSON for programs."""

from __future__ import annotations

from typing import Any

from argmap.model import Kind, Map
from argmap.printable import printable
from argmap.semantics import Evaluation, scale
from argmap.semantics.labels import extension
from argmap.text import columns, counted, fill, on_one_line, shorten


def heading(m: Map, e: Evaluation) -> str:
    """What was evaluated, as output of it starts: the semantics, its extensions or how
    its scores settled, and how supports were read (and the attacks that adds to `m`'s)."""
    added = e.added(m)
    adds = f", which adds {counted(added, 'attack')} to the map's" if added else ""
    # DF-QuAD counts supports itself; --support only says which attacks they add.
    also = " (DF-QuAD also counts each support)" if e.semantics == "df-quad" else ""
    return f"{_heading(e)}; supports read as: {e.support}{adds}{also}"


def _heading(e: Evaluation) -> str:
    if e.scores is not None:
        if e.scores.exact:
            return f"{e.semantics} scores (exact: one pass over an acyclic map)"
        # (Not settled: said as `show` and a drawing's legend say it, `Evaluation.caveat`.)
        settled = f"converged after {e.scores.rounds:,} rounds" if e.scores.converged else ""
        return f"{e.semantics} scores ({settled or e.caveat()})"
    plural = "s" if len(e.labellings) != 1 else ""
    more = "more than " if e.truncated else ""
    why = f" ({e.caveat()})" if e.odd_cycle else ""  # (why there are none)
    return f"{e.semantics} semantics: {more}{len(e.labellings)} extension{plural}{why}"


_MIN_WIDTH = 60  # columns the table is given in a narrower terminal, which then wraps it


def format_text(m: Map, e: Evaluation, width: int | None = None) -> str:
    """The evaluation as a table of nodes, then the extensions and the verdicts. Within
    `width` columns if given (a terminal's): each node's text shortened to its line (`show
    --evaluate` gives it whole), the other lines wrapped."""
    if width is not None:  # (as `show`: at 20 columns each word of a line had a line)
        width = max(width, _MIN_WIDTH)
    lines = [heading(m, e)]
    if e.truncated:
        lines.append(
            f"(the enumeration stopped at --limit {len(e.labellings)}; the statuses are exact "
            "all the same: SAT queries decide them)"
        )
    lines = [part for line in lines for part in _hanging(printable(line), width)]
    names = max((len(printable(f"{n.kind} {n.id}")) for n in m.nodes.values()), default=0)
    for node in m.nodes.values():
        row = f"  {printable(f'{node.kind} {node.id}'):<{names}}  {e.label(node.id):<9}  "
        text = printable(on_one_line(node.text))
        lines.append(row + (text if width is None else shorten(text, width - columns(row))))
    if len(e.labellings) > 1 or e.truncated:  # (one found of several: said, as the others)
        for number, labelling in enumerate(e.labellings, 1):
            members = ", ".join(n for n in m.nodes if labelling[n] == "in") or "(empty)"
            lines += _hanging(printable(f"extension {number}: {members}"), width)
    claims = list(m.of_kind(Kind.CLAIM))
    verdicts = "verdicts:" if e.scores is None else f"verdicts ({scale(e.semantics)}):"
    lines += _hanging(verdicts if claims else "verdicts: none, as the map has no claim", width)
    for claim in claims:
        lines += _hanging(printable(f"  {claim.id} {e.verdict(claim.id)}"), width)
    return "\n".join(lines) + "\n"


def _hanging(line: str, width: int | None) -> list[str]:
    """`line` wrapped within `width` columns, its later lines indented under its words."""
    if width is None:
        return [line]
    lead = " " * (len(line) - len(line.lstrip(" ")))
    first, *rest = fill(line.lstrip(" "), max(width - len(lead) - 2, 1)) or [""]
    return [lead + first, *(f"{lead}  {part}" for part in rest)]


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
        if e.odd_cycle:  # (why there are none)
            result["odd_cycle"] = e.odd_cycle
    result["verdicts"] = {c.id: e.verdict(c.id) for c in m.of_kind(Kind.CLAIM)}
    return result
