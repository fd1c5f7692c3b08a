"""Labellings (Caminada 2006): each argument in, out or undec. An extension is the set of
arguments labelled in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

IN, OUT, UNDEC = "in", "out", "undec"
Labelling = dict[str, str]
_LABELS = (IN, OUT, UNDEC)
_CODES = {label: code for code, label in enumerate(_LABELS)}


class Packed(Mapping[str, str]):
    """A labelling of every argument kept in a byte each, for the many that an enumeration
    keeps: 1,000 complete labellings of 16,000 arguments as dicts took 1 GB. `at` is each
    argument's place, one dict shared by the labellings of a framework."""

    __slots__ = ("_at", "_codes")

    def __init__(self, labelling: Mapping[str, str], at: Mapping[str, int]) -> None:
        codes = bytearray(len(at))
        for argument, label in labelling.items():
            codes[at[argument]] = _CODES[label]
        self._at, self._codes = at, bytes(codes)

    def __getitem__(self, argument: str) -> str:
        return _LABELS[self._codes[self._at[argument]]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


def extension(labelling: Mapping[str, str]) -> frozenset[str]:
    return frozenset(a for a, label in labelling.items() if label == IN)
