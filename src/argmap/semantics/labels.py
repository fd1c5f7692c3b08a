"""Labellings (Caminada 2006): each argument in, out or undec. An extension is the set of
arguments labelled in."""

from __future__ import annotations

IN, OUT, UNDEC = "in", "out", "undec"
Labelling = dict[str, str]


def extension(labelling: Labelling) -> frozenset[str]:
    return frozenset(a for a, label in labelling.items() if label == IN)
