"""Labellings (Caminada 2006): each argument in, out or undec. An extension is the set of
arguments labelled in."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping

IN, OUT, UNDEC = "in", "out", "undec"
Labelling = dict[str, str]
_LABELS = (IN, OUT, UNDEC)
_CODES = {label: code for code, label in enumerate(_LABELS)}
_NONE = len(_LABELS)  # (the code of an argument that a labelling to pack did not label)


class Packed(Mapping[str, str]):
    """A labelling of every argument kept in a byte each, for the many that an enumeration
    keeps: 1,000 complete labellings of 16,000 arguments as dicts took 1 GB. `at` is each
    argument's place, 0, 1, 2... in its order, one dict shared by the labellings of a
    framework."""

    __slots__ = ("_at", "_codes")

    def __init__(self, labelling: Mapping[str, str], at: Mapping[str, int]) -> None:
        codes = bytearray([_NONE]) * len(at)
        for argument, label in labelling.items():
            codes[at[argument]] = _CODES[label]
        if _NONE in codes:  # (read as `in`, as a byte's first value, it would be wrong)
            raise ValueError("a labelling of some of the arguments only")
        self._at, self._codes = at, bytes(codes)

    def __getitem__(self, argument: str) -> str:
        return _LABELS[self._codes[self._at[argument]]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def items(self) -> ItemsView[str, str]:
        return _Items(self)


class _Items(ItemsView[str, str]):
    """A packed labelling's pairs, read in one pass (through `__getitem__`, each pair
    looked up twice made reading every extension take twice as long as a dict's)."""

    _mapping: Packed

    def __iter__(self) -> Iterator[tuple[str, str]]:
        packed = self._mapping
        return zip(packed._at, map(_LABELS.__getitem__, packed._codes), strict=True)


def extension(labelling: Mapping[str, str]) -> frozenset[str]:
    return frozenset(a for a, label in labelling.items() if label == IN)
