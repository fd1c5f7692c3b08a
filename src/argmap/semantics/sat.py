"""The semantics that need search, by SAT (python-sat, CaDiCaL).

Encoding: complete labellings as in Cerutti, Dunne, Giacomin & Vallati 2013, "Computing
preferred extensions in abstract argumentation: a SAT-based approach" (TAFA 2013), after
Caminada & Gabbay 2009: three variables per argument (in, out, undec), exactly one true, and

    in(a)  <-> every attacker of a is out
    out(a) <-> some attacker of a is in

Stable adds "nothing undec". Preferred extensions are found as in PrefSAT (same paper):
take a complete extension, ask for a strictly larger one until there is none, block every
subset of the maximum, repeat. Semi-stable does the same with the range (in or out) in
place of the extension (as in Dvořák, Järvisalo, Wallner & Woltran 2014, "Complexity-
sensitive decision procedures for abstract argumentation", AIJ 206), then lists every
complete labelling of that range. The ideal extension is the largest admissible set inside
every preferred extension (Dung, Mancarella & Toni 2007); it is found without listing them,
as the largest admissible set of credulously accepted arguments that no credulously accepted
argument attacks (Dunne 2009, "The computational complexity of ideal semantics", AIJ 173),
with at most one SAT call per argument. Sceptical acceptance under preferred semantics asks
only for a preferred extension without the argument, among the arguments upstream of it,
and for an argument on no cycle asks instead, of each connected part upstream, for one
that leaves an attacker not out. Whether an argument is out in every extension (a node's
status, when there are too many extensions to list) is asked in the same ways: of a part,
whether it always has an attacker in.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cached_property
from itertools import islice
from typing import Any

import pysolvers
from pysat.solvers import Solver

from argmap.semantics.framework import Framework
from argmap.semantics.grounded import grounded
from argmap.semantics.labels import IN, OUT, UNDEC, Labelling

SOLVER = "cadical153"
# Preferred extensions looked at one by one before the ideal extension is asked (see
# `sceptical`): most maps need a few.
_ROUNDS = 64
# Preferred extensions of a whole part that `Queries.other` looks at before it asks again
# of the arguments upstream alone: a question that one answers has its answer in the first
# or the second, and one that none answers (always in, or always out) would look at up to
# _ROUNDS to no end (100 arguments that are out in every one of many extensions took 16 s).
_PART_ROUNDS = 2
# Told of each extension that a query comes across on its way, as a labelling of the
# framework asked or of a part of it that nothing outside attacks (so, by directionality,
# part of one of the whole's extensions): a node's status takes what it shows, and asks no
# question that it answers (each question asked anew of a path of 1,000 arguments that
# attack their neighbours both ways took 20 s).
Witness = Callable[[Labelling], None]


def _unwitnessed(labelling: Labelling) -> None:
    """The witness of a query asked alone: what it comes across is not kept."""


class _Encoding:
    def __init__(self, af: Framework, stable: bool = False) -> None:
        self.af = af
        self.interrupted = False  # by Ctrl-C, inside the solver
        # Argument i's variables are 3i+1 (in), 3i+2 (out) and 3i+3 (undec).
        self.vars = {
            label: {a: 3 * i + k + 1 for i, a in enumerate(af.arguments)}
            for k, label in enumerate((IN, OUT, UNDEC))
        }
        ins, outs, undecs = self.vars[IN], self.vars[OUT], self.vars[UNDEC]
        self.solver = Solver(name=SOLVER)
        for a in af.arguments:
            i, o, u = ins[a], outs[a], undecs[a]
            self.solver.append_formula([[i, o, u], [-i, -o], [-i, -u], [-o, -u]])
            attackers = af.attackers[a]
            self.solver.add_clause([i, *(-outs[b] for b in attackers)])
            self.solver.add_clause([-o, *(ins[b] for b in attackers)])
            for b in attackers:
                self.solver.add_clause([-i, outs[b]])
                self.solver.add_clause([-ins[b], o])
            if stable:
                self.solver.add_clause([-u])
        # Decide in first, undec last: a model then tends to be maximal already, so that
        # growing it (`_maximise`) takes a call or two rather than one per argument added.
        self.solver.set_phases(
            [v if v % 3 == 1 else -v for v in range(1, 3 * len(af.arguments) + 1)]
        )

    def __enter__(self) -> _Encoding:
        # SIGTERM (`timeout`, a cancelled CI job) stops the process at once while the solver
        # runs: Python's own handler (the CLI's) would run only when the solver returns,
        # which on a hard framework may be hours. Nothing is half-written meanwhile.
        try:
            self.on_term: Any = signal.signal(signal.SIGTERM, signal.SIG_DFL)
        except ValueError:  # (not the main thread, where signals are not handled)
            self.on_term = None
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.interrupted:  # (an interrupted solver's memory is not its own: its
            self.solver.delete()  # deletion crashed now and then; the process is ending)
        if self.on_term is not None:
            signal.signal(signal.SIGTERM, self.on_term)

    def solve(self, assumptions: list[int] | None = None) -> Labelling | None:
        try:
            found = self.solver.solve(assumptions=assumptions or [])
        except pysolvers.error as error:  # Ctrl-C, which the solver catches as its own error
            self.interrupted = True  # the solver takes no more calls
            raise KeyboardInterrupt from error
        if not found:
            return None
        model = self.solver.get_model() or []
        # The model lists every variable v in order, as v or -v: the arguments' first.
        end = 3 * len(self.af.arguments)
        ins, outs = model[0:end:3], model[1:end:3]
        return {
            a: IN if i > 0 else OUT if o > 0 else UNDEC
            for a, i, o in zip(self.af.arguments, ins, outs, strict=True)
        }

    def lit(self, a: str, label: str) -> int:
        return self.vars[label][a]

    @contextmanager
    def switch(self) -> Iterator[int]:
        """A fresh variable for clauses that hold while it is assumed and never after, so
        that one question's clauses leave the encoding to the next. (Its first clause must
        come before another switch is made: that registers it with the solver.)"""
        var = self.solver.nof_vars() + 1
        try:
            yield var
        finally:
            if not self.interrupted:  # (a clause added then aborted the process: CaDiCaL's
                self.solver.add_clause([-var])  # "invalid API usage", or a crash)

    def prefer(self, arguments: Iterable[str], label: str) -> None:
        """Have the solver try `label` (IN or OUT) first for each of `arguments`, so that a
        model gives as many of them `label` as it can (each tries IN first, unless told
        otherwise here, and UNDEC last): a question about many arguments at once is then
        answered for many by one model, where a solver that keeps its last choices gives
        one a new label at a time."""
        if self.interrupted:  # (on the way out of Ctrl-C: see `switch`)
            return
        first, then = (IN, OUT) if label == IN else (OUT, IN)
        self.solver.set_phases(
            [lit for a in arguments for lit in (self.lit(a, first), -self.lit(a, then))]
        )

    def block_extension(self, labelling: Labelling) -> None:
        """No later model has exactly this extension."""
        ins = self.vars[IN]
        self.solver.add_clause(
            [-ins[a] if label == IN else ins[a] for a, label in labelling.items()]
        )


def _all(af: Framework, stable: bool) -> Iterator[Labelling]:
    with _Encoding(af, stable) as enc:
        while (found := enc.solve()) is not None:
            yield found
            if not found:
                return  # no arguments: one empty labelling, and nothing to block
            enc.block_extension(found)


def complete(af: Framework) -> Iterator[Labelling]:
    return _all(af, stable=False)


def stable(af: Framework) -> Iterator[Labelling]:
    return _all(af, stable=True)


def _maximise(enc: _Encoding, found: Labelling, grows: str) -> Labelling:
    """A complete labelling whose set of `grows` arguments (in, or not undec for the range)
    is a maximal superset of `found`'s."""
    ins, undecs = enc.vars[IN], enc.vars[UNDEC]
    while True:
        if grows == IN:
            keep = [ins[a] for a, label in found.items() if label == IN]
            missing = [ins[a] for a, label in found.items() if label != IN]
        else:
            keep = [-undecs[a] for a, label in found.items() if label != UNDEC]
            missing = [-undecs[a] for a, label in found.items() if label == UNDEC]
        if not missing:
            return found
        with enc.switch() as more:  # "at least one more", for this call only
            enc.solver.add_clause([-more, *missing])
            larger = enc.solve([*keep, more])
        if larger is None:
            return found
        found = larger


def preferred(af: Framework) -> Iterator[Labelling]:
    with _Encoding(af) as enc:
        while (found := enc.solve()) is not None:
            best = _maximise(enc, found, IN)
            yield best
            ins = enc.vars[IN]
            outside = [ins[a] for a, label in best.items() if label != IN]
            if not outside:
                return  # everything is in: there is no other preferred extension
            # Every later extension has an argument outside this one.
            enc.solver.add_clause(outside)


def semi_stable(af: Framework) -> Iterator[Labelling]:
    with _Encoding(af) as enc:
        while (found := enc.solve()) is not None:
            best = _maximise(enc, found, "range")
            span = [a for a, label in best.items() if label != UNDEC]
            rest = [a for a, label in best.items() if label == UNDEC]
            # Every complete labelling with exactly this range is semi-stable.
            with _Encoding(af) as inner:
                exactly = [-inner.lit(a, UNDEC) for a in span] + [inner.lit(a, UNDEC) for a in rest]
                while (labelling := inner.solve(exactly)) is not None:
                    yield labelling
                    inner.block_extension(labelling)
            if not rest:
                return  # the range is everything: no other range can be maximal
            # Every later range has an argument outside this one.
            enc.solver.add_clause([-enc.lit(a, UNDEC) for a in rest])


class Queries:
    """Whether some extension of `af` under `semantics` (complete, stable, preferred or
    semi-stable) has an argument in, or gives it another label than one: every question
    asked of the same encodings, and each extension found on the way told to `witness`.
    Asked of encodings made anew, one question after another grew with the square of the
    framework: a path of 1,000 arguments that attack their neighbours both ways took 22 s
    under stable, 29 s under preferred."""

    def __init__(self, af: Framework, semantics: str, witness: Witness = _unwitnessed) -> None:
        self.af, self.semantics, self.witness = af, semantics, witness
        self.opened = ExitStack()

    # The encodings are made when first asked: a part whose questions the extensions found
    # answer needs none.
    @cached_property
    def encoding(self) -> _Encoding:
        return self.opened.enter_context(_Encoding(self.af, stable=self.semantics == "stable"))

    @cached_property
    def exact(self) -> _Encoding | None:
        """Semi-stable: a complete labelling of exactly a range that `encoding` found."""
        if self.semantics != "semi-stable":
            return None
        return self.opened.enter_context(_Encoding(self.af))

    def __enter__(self) -> Queries:
        return self

    def __exit__(self, *exc: object) -> None:
        self.opened.close()

    def accepted(self, arguments: list[str]) -> bool:
        """Whether some extension has one of `arguments` in."""
        with self._leaning(arguments, IN):
            return self._gives(arguments, IN, True)

    def other(self, arguments: list[str], label: str) -> bool:
        """Whether some extension gives one of `arguments` another label than `label` (IN
        or OUT)."""
        with self._leaning(arguments, OUT if label == IN else IN):
            if self.semantics == "preferred":
                found = _preferred_other_than(
                    self.encoding, arguments, label, self.witness, rounds=_PART_ROUNDS
                )
                if found is not None:
                    return found
                # Many preferred extensions in turn: asked again of the arguments upstream
                # of each alone, with what settles it without them (see `sceptical`).
                return any(
                    not sceptical(self.af, a, "preferred", label, self.witness) for a in arguments
                )
            return self._gives(arguments, label, False)

    @contextmanager
    def _leaning(self, arguments: list[str], label: str) -> Iterator[None]:
        """The solvers try `label` (IN or OUT) first for each of `arguments` and the other
        one for every other argument, so that the extension found for a question about
        many arguments (told to the witness) answers for as many as it can: a solver that
        keeps its last choices gave one of them a new label at a time. Then IN first again
        for all."""
        encodings = [e for e in (self.encoding, self.exact) if e is not None]
        asked = set(arguments)
        rest = [a for a in self.af.arguments if a not in asked]
        for encoding in encodings:
            encoding.prefer(arguments, label)
            encoding.prefer(rest, OUT if label == IN else IN)
        try:
            yield
        finally:
            for encoding in encodings:
                encoding.prefer(self.af.arguments, IN)

    def _gives(self, arguments: list[str], label: str, has: bool) -> bool:
        """Whether some extension gives one of `arguments` `label` (another one, unless
        `has`): for preferred, `label` in with `has`."""
        if self.exact is not None:
            return _semi_stable_with(self.encoding, self.exact, arguments, label, has, self.witness)
        sign = 1 if has else -1
        with self.encoding.switch() as question:
            literals = (sign * self.encoding.lit(a, label) for a in arguments)
            self.encoding.solver.add_clause([-question, *literals])
            found = self.encoding.solve([question])
        if found is not None and self.semantics == "preferred":
            found = _maximise(self.encoding, found, IN)  # (which keeps those in in)
        if found is not None:
            self.witness(found)
        return found is not None


def credulously_accepted(af: Framework) -> set[str]:
    """The arguments in some complete (so also admissible, and preferred) extension, asked
    of all at once (`unshown`): each model found holds as many new ones as it can. (Asked
    for each argument in turn, a model took one more each time: 2,000 pairs of arguments
    that attack each other, all attacking one claim, took 2,000 calls and 12 s.)"""
    accepted: set[str] = set()

    def witness(labelling: Labelling) -> None:
        accepted.update(a for a, label in labelling.items() if label == IN)

    with Queries(af, "complete", witness) as queries:
        unshown(queries.accepted, list(af.arguments), accepted.__contains__)
    return accepted


def unshown(
    ask: Callable[[list[str]], bool], arguments: list[str], shown: Callable[[str], bool]
) -> set[str]:
    """Those of `arguments` that no extension shows (`shown` says whether one seen so far
    does), asked of them all at once (`ask`, a question of `Queries`: whether some
    extension shows one of them), each extension found taking out those it shows, until
    none is found; one by one if an answer came without an extension (preferred semantics
    may answer from the ideal one). Asked one by one, each question took a model of the
    whole part: a path of 5,000 arguments that attack their neighbours both ways took 74 s."""
    pending = [a for a in arguments if not shown(a)]
    while pending and ask(pending):
        left = [a for a in pending if not shown(a)]
        if len(left) == len(pending):
            return {a for a in pending if not ask([a])}
        pending = left
    return set(pending)


def ideal(af: Framework, accepted: set[str] | None = None) -> Labelling:
    """The ideal labelling: in for the ideal extension, out for what it attacks.
    `accepted` is `credulously_accepted(af)`, if already known."""
    accepted = credulously_accepted(af) if accepted is None else accepted
    # Conflict-free: of two accepted arguments where one attacks the other, neither is kept.
    sceptical = {a for a in accepted if not any(b in accepted for b in af.attackers[a])}
    # Drop what the set does not defend, until it is admissible. Each argument is looked at
    # again only when one of its attackers loses the last member attacking it: a pass over
    # the whole set per argument dropped took 77 s on a thread of 16,000.
    attacks = Counter(b for a in sceptical for b in af.targets[a])  # members attacking each
    unsure = list(sceptical)
    while unsure:
        a = unsure.pop()
        if a not in sceptical or all(attacks[b] for b in af.attackers[a]):
            continue
        sceptical.discard(a)
        for b in af.targets[a]:
            attacks[b] -= 1
            if not attacks[b]:  # b is no longer attacked: what it attacks is undefended
                unsure.extend(c for c in af.targets[b] if c in sceptical)
    return {a: IN if a in sceptical else OUT if attacks[a] else UNDEC for a in af.arguments}


def _only_extension(af: Framework, semantics: str) -> Labelling | None:
    """The one labelling of grounded and ideal semantics (None for the others); ValueError
    for a semantics that argmap does not have."""
    if semantics == "grounded":
        return grounded(af)
    if semantics == "ideal":
        return ideal(af)
    if semantics not in ENUMERATORS:
        known = ", ".join(["grounded", "ideal", *ENUMERATORS])
        raise ValueError(f"unknown semantics {semantics!r}; choose {known}")
    return None


def credulous(af: Framework, argument: str, semantics: str) -> bool:
    """Is `argument` in some extension? (Complete and preferred agree on this.)"""
    if (only := _only_extension(af, semantics)) is not None:
        return only[argument] == IN
    asked = "complete" if semantics == "preferred" else semantics  # (no extension to grow)
    with Queries(af, asked) as queries:
        return queries.accepted([argument])


def sceptical(
    af: Framework,
    argument: str,
    semantics: str,
    label: str = IN,
    witness: Witness = _unwitnessed,
) -> bool:
    """Does every extension give `argument` `label`: is it in every one (IN), or defeated
    in every one (OUT)? (True when there is none, as for stable.) Decides a node's status
    without the list of extensions, which may be too long to make."""
    if (only := _only_extension(af, semantics)) is not None:
        return only[argument] == label
    if semantics in ("stable", "semi-stable"):
        with Queries(af, semantics, witness) as queries:
            return not queries.other([argument], label)
    settled = grounded(af)  # what it labels in or out, every complete labelling does
    if settled[argument] != UNDEC or semantics == "complete":  # grounded is one of those
        return settled[argument] == label
    # Preferred: the rest decides alone. An attacker labelled out neither puts an argument
    # out nor keeps it from being in, and those labelled in attack only arguments labelled out.
    undecided = af.only({a for a, lab in settled.items() if lab == UNDEC})
    upstream = undecided.upstream(argument)
    if (always := _always(upstream, argument, label, _ROUNDS, witness)) is not None:
        return always
    # Many preferred extensions, each looked at in turn (2^16 took 400 s). The ideal
    # extension is in every one, and what it attacks out of each: it may settle the
    # question with a SAT call for each argument or so.
    if (known := ideal(upstream)[argument]) != UNDEC:
        return known == label
    return _always(upstream, argument, label, None, witness) is True


def _always(
    af: Framework, argument: str, label: str, rounds: int | None, witness: Witness
) -> bool | None:
    """Whether every preferred labelling gives `argument` `label` (IN or OUT); None if
    that takes more than `rounds` preferred extensions in one part.

    Preferred semantics is directional (Baroni & Giacomin 2007): only the arguments with a
    chain of attacks to `argument` count, and the preferred labellings of any part that
    nothing outside attacks are the restrictions of the whole framework's. An argument is
    in exactly when all its attackers are out, and out when one of them is in; when it is
    on no cycle, the arguments upstream of it fall into connected parts whose labellings
    combine freely, and each part is asked on its own: whether it can leave one of its
    attackers of `argument` not out (then `argument` is not always in), or whether it
    always has one of them in (then `argument` is always out). Choices in different parts
    then add up rather than multiply."""

    def other_than(part: Framework, arguments: list[str], label: str, every: bool) -> bool | None:
        with _Encoding(part) as enc:
            return _preferred_other_than(enc, arguments, label, witness, every, rounds)

    af = af.upstream(argument)
    attackers = af.attackers[argument]
    if argument in af.upstream_of(attackers):  # on a cycle
        other = other_than(af, [argument], label, False)
        return None if other is None else not other
    attacking = set(attackers)
    for part in af.parts(without=argument):
        inside = [a for a in part if a in attacking]
        if not inside:
            continue
        if label == IN:
            other = other_than(af.only(part), inside, OUT, False)
            if other is not False:
                return None if other is None else False
        else:
            other = other_than(af.only(part), inside, IN, True)
            if other is not True:
                return None if other is None else True
    return label == IN  # unattacked, `argument` is always in


def _preferred_other_than(
    enc: _Encoding,
    arguments: list[str],
    label: str,
    witness: Witness,
    every: bool = False,
    rounds: int | None = None,
) -> bool | None:
    """Whether some preferred labelling gives one of `arguments` (with `every`, each of
    them) another label than `label` (IN or OUT); None after `rounds` rounds without an
    answer. Each round takes a complete labelling that does and grows it into a preferred
    one (which keeps the opposite label: growing the extension keeps an argument in, and
    keeps its attacker in). If that one gives `label` after all, a small admissible part of
    it that does so too (`_core`) rules out every later candidate without a conflict with
    that part: such a candidate and the part make an admissible set, which grows into a
    preferred extension that gives `label` as well. A preferred extension that fits has a
    conflict with it (else it would hold it), so none is ever ruled out. (Ruling out only
    what is inside the extension grown took a round for each of the 2^26 extensions of
    26 pairs of arguments that attack each other.) The witness is told of each preferred
    labelling grown. The question's clauses hold while its own variable is assumed, and
    never after: `enc` may take more."""
    fits = all if every else any
    af = enc.af
    with enc.switch() as wanted:  # "(each) one of them is not `label`"
        if every:
            enc.solver.append_formula([[-wanted, -enc.lit(a, label)] for a in arguments])
        else:
            enc.solver.add_clause([-wanted, *(-enc.lit(a, label) for a in arguments)])
        while (found := enc.solve([wanted])) is not None:
            if rounds is not None:
                if rounds == 0:
                    return None
                rounds -= 1
            best = _maximise(enc, found, IN)
            witness(best)
            if fits(best[a] != label for a in arguments):
                return True
            given = [a for a in arguments if best[a] == label][: 1 if every else None]
            core = _core(af, {a for a, lab in best.items() if lab == IN}, given, label)
            conflicts = {c for a in core for c in (*af.attackers[a], *af.targets[a])}
            enc.solver.add_clause([-wanted, *(enc.lit(c, IN) for c in conflicts)])
        return False


def _core(af: Framework, extension: set[str], given: list[str], label: str) -> set[str]:
    """An admissible subset of admissible `extension` that gives each of `given` `label`
    as the extension does (holds it, or an attacker of it): from those, each member's
    attackers answered by a member of the extension that attacks them."""
    if label == IN:
        needed = given
    else:
        needed = [next(b for b in af.attackers[a] if b in extension) for a in given]
    core, stack = set(needed), list(needed)
    while stack:
        for b in af.attackers[stack.pop()]:
            if not any(d in core for d in af.attackers[b]):
                defender = next(d for d in af.attackers[b] if d in extension)
                core.add(defender)
                stack.append(defender)
    return core


ENUMERATORS = {
    "complete": complete,
    "preferred": preferred,
    "stable": stable,
    "semi-stable": semi_stable,
}


def extensions(af: Framework, semantics: str, stop: int | None = None) -> Iterator[Labelling]:
    """The labellings of `af` under `semantics` (one of ENUMERATORS), up to `stop` of them.

    Each one agrees with the grounded labelling on what that labels in or out, and the
    arguments it leaves undec fall into parts that no attack joins, whose labellings under
    any of these semantics combine freely (what is maximal overall is maximal in each part).
    So each part is enumerated on its own and the lists combined: the whole framework's
    extensions, one SAT model of the whole each, took 20 s for the 512 of a map of 16,000
    nodes with 9 pairs of claims that attack each other."""
    settled = grounded(af)
    undecided = af.only({a for a, label in settled.items() if label == UNDEC})
    parts = [undecided.only(kept) for kept in undecided.parts()]
    if semantics == "stable" and any(next(stable(part), None) is None for part in parts):
        return  # a part with none: the whole has none (found before listing any)
    # The last part's labellings change fastest: of each part, as many as the first
    # `stop` combinations take (listed all, 150 parts listed 1001 each).
    lists: list[list[Labelling]] = []
    needed = stop
    for part in reversed(parts):
        lists.append(list(islice(ENUMERATORS[semantics](part), needed)))
        needed = None if needed is None else -(-needed // len(lists[-1]))
    base = dict(settled)
    choices: list[list[Labelling]] = []  # of each part with more than one labelling
    for found in reversed(lists):
        if len(found) == 1:
            base.update(found[0])
        else:
            choices.append(found)
    yield from islice(_combined(base, choices), stop)


def _combined(base: Labelling, choices: list[list[Labelling]]) -> Iterator[Labelling]:
    """`base` with one labelling of each list, every way, the last list's changing fastest
    (as an odometer: a step updates only the lists whose choice changed)."""
    picked = [0] * len(choices)
    current = dict(base)
    for found in choices:
        current.update(found[0])
    while True:
        yield dict(current)
        turned = len(choices) - 1
        while turned >= 0 and picked[turned] == len(choices[turned]) - 1:
            picked[turned] = 0
            turned -= 1
        if turned < 0:
            return
        picked[turned] += 1
        for k in range(turned, len(choices)):
            current.update(choices[k][picked[k]])


def _semi_stable_with(
    enc: _Encoding,
    exact: _Encoding,
    arguments: list[str],
    label: str,
    has: bool,
    witness: Witness,
) -> bool:
    """Whether some semi-stable labelling gives one of `arguments` `label` (`has`) or
    another one. Each round grows a complete labelling that fits into a maximal range, and
    asks whether a complete labelling of exactly that range fits; if none does, no later
    round looks inside it (a maximal range inside it is the same range). The witness is
    told of each semi-stable labelling found: the one grown, and the one that fits. `enc`
    finds the ranges, `exact` the labellings of one: the question's clauses in each hold
    while its own variable is assumed, and never after, so that both may take more."""
    sign = 1 if has else -1
    with enc.switch() as question, exact.switch() as wanted:
        enc.solver.add_clause([-question, *(sign * enc.lit(a, label) for a in arguments)])
        exact.solver.add_clause([-wanted, *(sign * exact.lit(a, label) for a in arguments)])
        while (found := enc.solve([question])) is not None:
            best = _maximise(enc, found, "range")
            witness(best)
            rest = [a for a, lab in best.items() if lab == UNDEC]
            span = [-exact.lit(a, UNDEC) for a, lab in best.items() if lab != UNDEC]
            within = [*span, *(exact.lit(a, UNDEC) for a in rest), wanted]
            if (fitting := exact.solve(within)) is not None:
                witness(fitting)
                return True
            if not rest:
                return False
            enc.solver.add_clause([-question, *(-enc.lit(a, UNDEC) for a in rest)])
        return False
