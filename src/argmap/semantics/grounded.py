"""The grounded labelling in one pass (Modgil & Caminada 2009, "Proof theories and
algorithms for abstract argumentation frameworks", algorithm 6.1): a queue of arguments
whose attackers are all out; each one labelled in puts its targets out, and each argument
put out takes one from its targets' count of attackers not yet out. Linear in the size of
the framework, not a fixpoint recomputed from scratch."""

from __future__ import annotations

from collections import deque

from argmap.semantics.framework import Framework
from argmap.semantics.labels import IN, OUT, UNDEC, Labelling


def grounded(af: Framework) -> Labelling:
    live = {a: len(af.attackers[a]) for a in af.arguments}  # attackers not (yet) out
    label: dict[str, str] = {}
    queue = deque(a for a in af.arguments if live[a] == 0)
    while queue:
        a = queue.popleft()
        label[a] = IN
        for b in af.targets[a]:
            if b in label:
                continue
            label[b] = OUT
            for c in af.targets[b]:
                live[c] -= 1
                if live[c] == 0 and c not in label:
                    queue.append(c)
    return {a: label.get(a, UNDEC) for a in af.arguments}
