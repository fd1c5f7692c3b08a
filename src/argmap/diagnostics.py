"""Diagnostics: the one record every problem a user can cause becomes."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain

from argmap.characters import describe, is_hidden
from argmap.model import Map, Span
from argmap.printable import printable, short_quotes


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
    more: int = 0  # of its rule, left out of the list after it (`checker._capped`): counted

    def __post_init__(self) -> None:
        # Messages quote what the map says; every output format prints them.
        object.__setattr__(self, "message", printable(short_quotes(self.message)))
        object.__setattr__(self, "hint", printable(short_quotes(self.hint)))

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.file, self.span.line, self.span.column, self.rule)


_MAX_CANDIDATES = 5000
_MOST_COMPARISONS = 20_000_000  # for all the words one Vocabulary is asked about (~3 s)
_MAX_SHIFT = 3  # characters by which a candidate's length may differ from the word's
_SEPARATOR = re.compile(r"[-_.]+")  # between the parts of an id or a rule's name


class Vocabulary:
    """Known words, indexed once for the many words `closest` is asked about: every
    misspelt id of a map scanned all of its ids, which made checking a map with thousands
    of them quadratic (49 s at 3,000)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.by_length: dict[int, list[str]] = {}
        self.folded: dict[str, list[str]] = {}
        # Each word's answer, once (a map may name one misspelt id many times), and the
        # comparisons left for those not asked yet: 20,000 misspelt ids among 4,900 took
        # RapidFuzz 15 s; past the budget, no more is guessed.
        self.answers: dict[tuple[str, int], str | None] = {}
        self.budget = _MOST_COMPARISONS
        for word in words:
            self.by_length.setdefault(len(word), []).append(word)
            self.folded.setdefault(word.casefold(), []).append(word)

    def closest(
        self, word: str, besides: str = "", likeness: int = 60, parts: bool = False
    ) -> str | None:
        """The known word (never `besides`) that `word` is most likely a misspelling of:
        one at least `likeness` alike (RapidFuzz's ratio, 0 to 100), if any; with `parts`,
        else the one it is a part of, or that is a part of it (`_part`). (Not for a field's
        name, whose guess is read on: `source-url` is no `source`.)"""
        for same in self.folded.get(word.casefold(), ()):  # `Dark` for `dark`, `TB` for `tb`
            if same != besides:
                return same
        key = (word, likeness)
        if key not in self.answers:
            self.answers[key] = self._fuzzy(word, "", likeness)
        answer = self.answers[key]
        if answer is not None and answer == besides:  # the one left out: the next best
            answer = self._fuzzy(word, besides, likeness)
        return answer or (self.part(word, besides) if parts else None)

    @functools.cached_property
    def ends(self) -> dict[str, list[str]]:
        """The words by their first and last parts at a `-`, `_` or `.` (`kelley` and
        `motive` of `kelley-motive`), case aside: made at the first word asked about."""
        found: dict[str, list[str]] = {}
        for words in self.by_length.values():
            for known in words:
                for end in _ends(known):
                    found.setdefault(end.casefold(), []).append(known)
        return found

    def part(self, word: str, besides: str = "") -> str | None:
        """The one known word (not `besides`) that `word` is the first or last part of, or
        that is the first or last part of `word`, at a separator (`kelley` for
        `kelley-motive`, an id renamed shorter; or the other way): not alike enough to be
        its misspelling, yet plainly meant. None if it could be several."""
        meant = set(self.ends.get(word.casefold(), ()))
        for end in _ends(word):
            meant.update(self.folded.get(end.casefold(), ()))
        meant.discard(besides)
        return meant.pop() if len(meant) == 1 else None

    def _fuzzy(self, word: str, besides: str, likeness: int) -> str | None:
        # Fuzzy matching costs a comparison per candidate: keep to plausible lengths, and
        # give up on huge vocabularies rather than stall a check of a 100,000-node map.
        # Of equally close words the first wins: the nearest in length, then the first
        # written (the order of `shifts`, then of the words given).
        shifts = sorted(range(-_MAX_SHIFT, _MAX_SHIFT + 1), key=abs)
        buckets = [self.by_length.get(len(word) + s, []) for s in shifts]
        # (Counted before listed: listing them for each word made a map of 40,000 ids, each
        # named misspelt, take 73 s, however few were then compared.)
        if sum(map(len, buckets)) > min(_MAX_CANDIDATES, self.budget):
            return None
        near = list(chain.from_iterable(buckets))
        if besides in near:
            near.remove(besides)
        self.budget -= len(near)
        # RapidFuzz, not difflib: its ratio is difflib's measure (twice the characters in
        # common over both lengths), a hundred times faster.
        from rapidfuzz import fuzz, process

        best = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=likeness)
        return best[0] if best else None


def _ends(word: str) -> tuple[str, ...]:
    """`word`'s first and last parts at a separator; none if it has no separator."""
    pieces = _SEPARATOR.split(word)
    return tuple(p for p in (pieces[0], pieces[-1]) if p) if len(pieces) > 1 else ()


def closest(
    word: str, choices: Iterable[str], likeness: int = 60, parts: bool = False
) -> str | None:
    """The known word `word` is most likely a misspelling of, if any (`Vocabulary`)."""
    return Vocabulary(choices).closest(word, likeness=likeness, parts=parts)


def did_you_mean(word: str, choices: Iterable[str], *, fallback: str = "") -> str:
    """A hint naming the closest known word (`guessed`), or `fallback` when nothing is close."""
    guess = closest(word, choices, parts=True)
    return guessed(word, guess) if guess else fallback


def guessed(word: str, guess: str) -> str:
    """`did you mean `guess`?`, with the character that makes `word` differ where that one
    shows nothing, or looks like a Latin letter (U+200B before `by`, a Cyrillic e in
    `text`): quoted, the two read alike."""
    odd = next((c for c in word if is_hidden(c) or _LOOKALIKE.match(unicodedata.name(c, ""))), None)
    return f"did you mean `{guess}`?" + (f" (it holds {describe(odd)})" if odd else "")


# Letters drawn like Latin ones: another script's, or full-width.
_LOOKALIKE = re.compile(r"(?:CYRILLIC|GREEK|FULLWIDTH|ARMENIAN) (?:SMALL|CAPITAL) LETTER")


# Words for an option's values that other tools use, or that a user says meaning argmap's
# (Mermaid's `TD`, ICCMA's `PR`, `person` for whoever argues), to the value they mean; no
# spelling is near enough for `closest` to find it.
_SAID_ELSEWHERE = {
    **dict.fromkeys(
        ("person", "people", "speaker", "speakers", "author", "authors", "by", "who", "party"),
        "actor",
    ),
    **dict.fromkeys(("reference", "references", "citation", "citations", "where"), "source"),
    **dict.fromkeys(("label", "labels", "topic", "topics", "hashtag", "hashtags"), "tag"),
    **dict.fromkeys(("off", "no", "false", "nothing"), "none"),
    # (Not `up` or `down`: where the claims go, or where the edges run, the other way.)
    **dict.fromkeys(("td", "top", "top-down", "vertical"), "TB"),
    **dict.fromkeys(("bottom", "bottom-up"), "BT"),
    **dict.fromkeys(("left", "horizontal", "left-right"), "LR"),
    **dict.fromkeys(("right", "right-left"), "RL"),
    **dict.fromkeys(
        ("grey", "gray", "greyscale", "grayscale", "mono", "monochrome", "bw", "paper"), "print"
    ),
    **dict.fromkeys(("night", "black"), "dark"),
    **dict.fromkeys(("day", "white", "default"), "light"),
    **dict.fromkeys(("gv", "graphviz"), "dot"),
    "gr": "grounded",
    "co": "complete",
    "pr": "preferred",
    "st": "stable",
    "sst": "semi-stable",
    "id": "ideal",
    **dict.fromkeys(("h-cat", "hcat", "categoriser", "categorizer"), "h-categorizer"),
    **dict.fromkeys(("pure", "graphviz-pure", "bundled", "internal"), "builtin"),
    **dict.fromkeys(("dot", "installed", "external"), "system"),
}


def value_hint(value: str, choices: Sequence[str], *, fallback: str = "") -> str:
    """`did_you_mean` for a value that an option or field does not take, which also knows
    other tools' words for its values."""
    meant = _SAID_ELSEWHERE.get(value.casefold())
    if meant in choices:
        return f"did you mean `{meant}`?"
    return did_you_mean(value, choices, fallback=fallback)


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
        totals[d.severity] += 1 + d.more
    return totals
