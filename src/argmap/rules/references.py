"""Rules on references: every id a node names must exist, and not be the node itself."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from argmap.characters import LIST_SEPARATOR, describe, invisible_at, located, visible
from argmap.diagnostics import Severity, Vocabulary
from argmap.model import Node, Ref, Relation, Span
from argmap.rules.base import Context, Finding, Rule
from argmap.spec import ID_CHARS, ID_RE
from argmap.yamlhints import GLUED_ITEM, QUOTED_SHOWN


class _Entry(Protocol):
    @property
    def span(self) -> Span: ...


# What a reference may name an entry by, by mistake: a node's text, an actor's name, a
# source's title, author, publisher or URL.
NAMING = ("text", "name", "title", "author", "publisher", "url")
PIECES = re.compile(r"[\s,]+")  # between several ids written as one: `by: reid, vh`


class _Space:
    """The entries of one id space (nodes, actors or sources), with what hints on unknown
    references to it need: worked out at the first such reference, as most maps have none
    and some have 100,000 ids."""

    def __init__(self, entries: Mapping[str, _Entry]) -> None:
        self.entries = entries
        # The ids references name (as written), and those of them not in `entries`.
        self.named: set[str] = set()
        self.unknown: set[str] = set()

    @functools.cached_property
    def valid(self) -> list[str]:
        """The ids that are valid: "did you mean" suggests none that is an error itself."""
        return [k for k in self.entries if ID_RE.match(k)]

    @functools.cached_property
    def invalid(self) -> list[str]:
        """The ids that are not valid (`הרצל`): their own errors say so, and a reference
        to an id not there may be the one such an entry was meant to have."""
        return [k for k in self.entries if not ID_RE.match(k)]

    @functools.cached_property
    def unnamed(self) -> list[str]:
        """The invalid ids a reference not in the map may have meant: not one that a
        reference names as it is; and none where the names not in the map outnumber them,
        or each of those named every one (`.5` and `Ключ` the `yes` and the `tpyo` meant).
        (Asked once `named` and `unknown` are whole.)"""
        unnamed = [k for k in self.invalid if k not in self.named]
        return unnamed if len(self.unknown) <= len(unnamed) else []

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.valid)

    @functools.cached_property
    def by_words(self) -> dict[str, tuple[str, list[str]]]:
        """The ids by the text of their node, the name of their actor, or the title, author,
        publisher or URL of their source, as written in a reference by mistake: which of
        those it is (the first that reads alike), and every id it is of (a publisher has
        several sources)."""
        found: dict[str, tuple[str, list[str]]] = {}
        for key, entry in self.entries.items():
            for attribute in NAMING:
                if words := str(getattr(entry, attribute, None) or "").casefold().strip():
                    ids = found.setdefault(words, (attribute, []))[1]
                    if not ids or ids[-1] != key:  # (once for an entry whose title is its
                        ids.append(key)  # author's name; not `in`: 10,000 alike took 2.6 s)
        return found

    @functools.cached_property
    def by_look(self) -> dict[str, str]:
        """The ids that hold invisible characters, by how they read."""
        return {seen: k for k in self.entries if (seen := _as_read(k)) != k}


@dataclass(eq=False)
class _Unknown:
    """A reference to an id that is not in the map as what it names: the node, the field,
    the reference, what it names (node, actor or source), the map's id spaces, and what
    the id is of instead, if anything (`by: a-node`)."""

    node: Node
    field: str
    ref: Ref
    what: str
    spaces: dict[str, _Space]
    other: str | None

    @functools.cached_property
    def reading(self) -> tuple[str, tuple[str, ...]]:
        """Its hint and the ids it is read as meaning (see `_reading`): made once for the
        rules that need it, unknown-reference and the unused ones."""
        hint, ids = _reading(self.field, self.ref, self.what, self.spaces, self.node)
        itself = self.node.id if self.what == "node" else None  # (it would argue about itself)
        unnamed = self.spaces[self.what].unnamed
        # (Not with many: each has its error, and 20,000 made every reference name all,
        # sifted anew for each.)
        invalid = [k for k in unnamed if k != itself] if len(unnamed) <= 4 else []
        if not 0 < len(invalid) <= 3 or not ID_RE.match(self.ref.id) or set(ids) & set(invalid):
            return hint, ids  # (or the hint names the entry already: an invisible character)
        # (`by: herzl`, and an actor `הרצל`: the id meant for it, maybe)
        named = ", ".join(f"`{k}`" for k in invalid)
        rename = (
            f"if it is {named}, whose id is not valid, rename that `{self.ref.id}`"
            if len(invalid) == 1
            else f"if it is one of {named}, whose ids are not valid, rename it `{self.ref.id}`"
        )
        joined = " or," if hint.endswith("?") else "; or,"  # (`did you mean x? or, if ...`)
        hint = f"{hint}{joined} {rename}" if ids else f"{rename}; else {hint}"
        return hint, (*ids, *invalid)


def _as_read(name: str) -> str:
    """An id as it reads: without invisible characters, nor white space at its ends (a
    no-break space pasted after it, which YAML keeps, where it drops a space)."""
    return visible(name).strip()


def _unseen_at(name: str) -> int | None:
    """The index of the first character of `name` that `_as_read` leaves out, if any."""
    at = invisible_at(name)
    if at is None and name != name.strip():
        at = 0 if name[0].isspace() else len(name.rstrip())
    return at


def _unknown(ctx: Context) -> list[_Unknown]:
    """Each reference to an id that is not in the map as what it names, found once per
    check of the map."""
    found: list[_Unknown] | None = ctx.shared.get("unknown references")
    if found is not None:
        return found
    m = ctx.map
    spaces = {"node": _Space(m.nodes), "actor": _Space(m.actors), "source": _Space(m.sources)}
    found = []
    for node in m.nodes.values():
        named: list[tuple[str, Ref, str]] = [
            (relation.value + "s", ref, "node") for relation, ref in node.targets()
        ]
        named += [("by", ref, "actor") for ref in node.by]
        if node.source:
            named.append(("source", node.source, "source"))
        said: set[tuple[str, str]] = set()  # (a second `x` of `by: [x, x]` is repeated-target's)
        for field, ref, what in named:
            spaces[what].named.add(ref.id)
            if ref.id not in spaces[what].entries and ref.id not in m.unreadable:
                if (field, ref.id) in said:
                    continue
                said.add((field, ref.id))
                spaces[what].unknown.add(ref.id)
                other = next((k for k, s in spaces.items() if ref.id in s.entries), None)
                found.append(_Unknown(node, field, ref, what, spaces, other))
    ctx.shared["unknown references"] = found
    return found


def _unknown_reference(ctx: Context) -> Iterator[Finding]:
    for unknown in _unknown(ctx):
        node, field, ref, what = unknown.node, unknown.field, unknown.ref, unknown.what
        other = unknown.other
        taken_for = unknown.reading[1][:1]  # (the id it is taken to mean, if any)
        said = f"`{field}` of {node.kind} `{node.id}` names {_shown(ref.id, *taken_for)}"
        if other is not None:  # `by: a-node`, `supports: an-actor`
            yield (
                ref.span,
                f"{said}, which is {_a(other)} {other}, not {_a(what)} {what}",
                f"`{field}` takes {_a(what)} {what}'s id; {_GOES_IN[other]}",
            )
            continue
        section = {"node": "the map", "actor": "`actors`", "source": "`sources`"}[what]
        hint = unknown.reading[0]
        if len(ref.id) > _LONGEST_SHOWN and ref.id in hint:  # (said again, whole)
            hint = f"`{field}` takes the id of {_a(what)} {what} in {section}, a short name"
        yield ref.span, f"{said}, which is not in {section}", hint


def _shown(name: str, other: str = "") -> str:
    """An id in backticks, cut short if it is long (a text of a megabyte pasted where an id
    goes): _LONGEST_SHOWN characters of it, from a little before where it first differs
    from `other` (the id it is taken for, or the one that means it), so that the two read
    apart."""
    if len(name) <= _LONGEST_SHOWN:
        return f"`{name}`"
    pairs = enumerate(zip(name, other, strict=False))
    alike = next((i for i, (a, b) in pairs if a != b), min(len(name), len(other)))
    start = min(max(alike - 20, 0), len(name) - _LONGEST_SHOWN)
    end = start + _LONGEST_SHOWN
    cut = "…" * (start > 0) + name[start:end] + "…" * (end < len(name))
    return f"`{cut}` ({len(name):,} characters)"


def meant(ctx: Context, what: str, field: str = "") -> set[str]:
    """The ids of `what` (node, actor or source) that the map's references to ids not in
    it (in `field`, if given) are taken to mean (in their errors' hints): those entries
    are used, by mistake."""
    found: set[str] = set()
    for unknown in _unknown(ctx):
        if field and unknown.field != field:
            continue
        if unknown.what == what and unknown.other is None:  # (`by: a-node` guesses no actor)
            found.update(unknown.reading[1])
    return found


_LONGEST_SHOWN = 100  # characters of an unknown id that its error shows


def _reading(
    field: str, ref: Ref, what: str, spaces: dict[str, _Space], node: Node
) -> tuple[str, tuple[str, ...]]:
    """How to read a reference that is not in the map: the hint (the id it most likely
    means, and how the two differ where they look alike: an invisible character, a
    Cyrillic letter for a Latin one; or else what to do), and the ids it means. `node`
    names it."""
    space, name, own = spaces[what], ref.id, node.id
    seen = _as_read(name)
    at = _unseen_at(name)
    if at is not None and (seen in space.entries or seen in space.by_look):
        hint = f"it reads `{seen}` but holds {located(ref.span, name, at)}; delete it"
        return hint, (seen if seen in space.entries else space.by_look[seen],)
    written = space.by_look.get(seen)
    if written is not None:
        entry = space.entries[written].span
        at = _unseen_at(written) or 0  # (one there is: by_look holds no other ids)
        return (
            f"the id on line {entry.line} reads `{seen}` but holds "
            f"{located(entry, written, at)}; delete it there"
        ), (written,)
    # (Before a guess: `reid vh` is not a misspelt `reid`. After a name: `Smith, John`,
    # an actor's, is not two ids.)
    several = _several(field, name, what, space.entries)
    if several is not None and name.casefold().strip() not in space.by_words:
        return several, tuple(i for i in PIECES.split(name.strip("()")) if i in space.entries)
    # `-c1` under `attacks:`, or `-c1` and `-c2` on the lines below it, read as one text
    words = name.split()
    items = [item[1] for word in words if (item := GLUED_ITEM.fullmatch(word))]
    if words and len(items) == len(words) and all(i in space.entries for i in items):
        # (Written so on the field's line or below it: `by: -doleac` was told to write
        # `- doleac`, which YAML refuses after a key on its line.)
        in_field = [r.id for r in node.refs(field)]
        if len(in_field) > 1:  # (`by: [smith, -doleac]`: the others kept)
            listed = dict.fromkeys(i for w in in_field for i in (items if w == name else [w]))
            fixed = f"`{field}: [{', '.join(listed)}]`"
            if len(fixed) > QUOTED_SHOWN:  # (too long to paste: the one to mend)
                fixed = f"`{items[0]}`" if len(items) == 1 else "each without its `-`"
            return f"an id has no `-` before it: write {fixed}", tuple(items)
        listed_apart = ", ".join(f"`- {i}`" for i in items)
        ids = items[0] if len(items) == 1 else f"[{', '.join(items)}]"
        return (
            f"a list's item needs a space after its `-`: write {listed_apart} on "
            + ("a line of its own" if len(items) == 1 else "lines of their own")
            + f", or `{field}: {ids}`"
        ), tuple(items)
    # Never the node's own id: a node that argued about itself is an error of its own.
    besides = own if what == "node" else ""
    guess = space.vocabulary.closest(name, besides=besides)
    if guess is None and name.casefold().strip() not in space.by_words:  # (a name: said so)
        guess = space.vocabulary.part(name, besides)
    if guess is None:
        return _unknown_hint(field, name, what, space, besides)
    alike = f"did you mean {_shown(guess, name)}?"
    if len(guess) == len(name):
        for i, (c, letter) in enumerate(zip(name, guess, strict=True)):
            if c != letter and not c.isascii():
                unlike = f"has {located(ref.span, name, i)}, not {describe(letter)}"
                return f"{alike} `{name}` {unlike}", (guess,)
    return alike, (guess,)


_GOES_IN = {
    "node": "a node it argues with goes in `supports` or `attacks`",
    "actor": "who said it goes in `by`",
    "source": "where it was said goes in `source`",
}


def _a(what: str) -> str:
    return "an" if what == "actor" else "a"


def _several(field: str, name: str, what: str, known: Mapping[str, object]) -> str | None:
    """The hint for several ids written as one (`a, b` outside a list, `a; b`, `a b`), if
    `name` is that."""
    # `(a, b)`, a list in another language's way
    if name[:1] == "(" and name[-1:] == ")" and (name := name[1:-1].strip()) in known:
        return f"write the id without the brackets: `{name}`"  # (one of a list's, maybe)
    pieces = [p.strip() for p in LIST_SEPARATOR.split(name)]
    if what != "source" and len(pieces) > 1 and all(ID_RE.match(p) for p in pieces):
        hint = f"to name several, write a list: `{field}: [{', '.join(pieces)}]`"
        odd = next((c for c in name if c not in ",;" and LIST_SEPARATOR.match(c)), None)
        return f"{describe(odd)} is no comma to YAML; {hint}" if odd else hint
    words = name.split()
    if what != "source" and len(words) > 1 and all(w in known for w in words):
        return f"to name several, put commas between them: `{field}: [{', '.join(words)}]`"
    return None


def _unknown_hint(
    field: str, name: str, what: str, space: _Space, besides: str = ""
) -> tuple[str, tuple[str, ...]]:
    """What to do about a name that no entry has, by what it looks like, and the ids it
    is the text or name of (never `besides`: the node that names it)."""
    # The text of a node, an actor's name, a source's title or publisher.
    written = space.by_words.get(name.casefold().strip())
    if written is not None:
        attribute, (key, *more) = written
        if not more and not ID_RE.match(key):  # (`by: Wang`, the name of actor `王`)
            instead = name.casefold() if ID_RE.match(name.casefold()) else f"my-{what}"
            return (
                f"`{name}` is the {attribute} of `{key}`, whose id is not valid: rename it "
                f"`{instead}`, and write `{field}: {instead}`"
            ), (key,)
        if more:
            ids = ", ".join(f"`{k}`" for k in (key, *more))
            hint = f"write the id, not the {attribute}, which {len(more) + 1} {what}s have: {ids}"
            return hint, (key, *more)
        return f"write the id, not the {attribute}: `{field}: {key}`", (key,)
    section = {"node": "the map", "actor": "`actors`", "source": "`sources`"}[what]
    if what == "source" and name.startswith(("http://", "https://")):
        return (
            f"`source` names an entry of `sources`: add one there, such as "
            f"`my-source: {{title: ..., url: {name}}}`, and write `source: my-source`"
        ), ()
    if not ID_RE.match(name):
        return (
            f"`{field}` takes the id of {_a(what)} {what} in {section} "
            f"({ID_CHARS}), not its text or name"
        ), ()
    hint = f"add {_a(what)} {what} `{name}` to {section}"
    # (Not an id refused as not valid: its own error says to rename it.)
    others = [k for k in space.entries if k != besides and ID_RE.match(k)]
    if 0 < len(others) <= _LISTED:  # (`s2` for `s1`: too short to guess by spelling)
        where = "in the map" if what == "node" else "there"
        one = f"the {what} {where}" if len(others) == 1 else f"one of the {what}s {where}"
        hint += f", or name {one}: {', '.join(f'`{k}`' for k in others)}"
    return hint, ()


# Entries of a section that an unknown id's hint names, at most: the few a short id such as
# `s2` may be a slip for, which the closest spelling cannot tell (`s1` or `s3`?).
_LISTED = 5


def _itself(relation: Relation, message: str, hint: str) -> Callable[[Context], Iterator[Finding]]:
    """Findings for each node that names itself in `relation`'s field."""

    def check(ctx: Context) -> Iterator[Finding]:
        for node in ctx.map.nodes.values():
            for ref in node.supports if relation is Relation.SUPPORT else node.attacks:
                if ref.id == node.id:
                    yield ref.span, f"{node.kind} `{node.id}` {message}", hint

    return check


def _repeated_target(ctx: Context) -> Iterator[Finding]:
    for node in ctx.map.nodes.values():
        named: dict[Relation, set[str]] = {relation: set() for relation in Relation}
        for relation, ref in node.targets():
            if ref.id in named[relation]:
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` names `{ref.id}` twice in `{relation.value}s`",
                    "delete the repeated id; the relation is drawn and counted once",
                )
            elif any(ref.id in ids for ids in named.values()):
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` both supports and attacks `{ref.id}`",
                    "keep the one relation you mean; a node cannot argue both for and against "
                    "the same target",
                )
            named[relation].add(ref.id)
        actors: set[str] = set()
        for ref in node.by:
            if ref.id in actors:
                yield (
                    ref.span,
                    f"{node.kind} `{node.id}` names `{ref.id}` twice in `by`",
                    "delete the repeated id; each actor is named once",
                )
            actors.add(ref.id)
        tags: dict[str, str] = {}  # (by the tag in lower case: `--group-by tag` tells case)
        spans = getattr(node.tags, "spans", ())
        for i, tag in enumerate(node.tags):
            at = spans[i] if i < len(spans) else node.field_span("tags")
            if (first := tags.get(tag.casefold())) is None:
                tags[tag.casefold()] = tag
            elif first == tag:
                yield (
                    at,
                    f"{node.kind} `{node.id}` names `{tag}` twice in `tags`",
                    "delete the repeated tag; the node has it once",
                )
            else:  # (other nodes' `Policy` and `policy` are two tags, and two groups)
                yield (
                    at,
                    f"{node.kind} `{node.id}` has `{first}` and `{tag}` in `tags`",
                    f"keep one of the two spellings, `{first}`, say: tags that differ in case "
                    "are two tags",
                )


RULES = [
    Rule(
        "unknown-reference",
        Severity.ERROR,
        "`supports`, `attacks`, `by` or `source` names an id that is not in the map.",
        "A dangling reference is usually a typo or a node that was renamed or deleted; the "
        "relation would silently vanish from the graph. The hint names the closest valid "
        "id and, when the two look alike, the character that differs: an invisible one, or "
        "a letter of another script (a Cyrillic `\u0430`) in place of a Latin one.",
        "claims:\n  keep-targeting: {text: MoveOn will keep targeting moderates.}\n"
        "objections:\n  unwise: {text: Very unwise., attacks: keep-targetting}\n",
        "claims:\n  keep-targeting: {text: MoveOn will keep targeting moderates.}\n"
        "objections:\n  unwise: {text: Very unwise., attacks: keep-targeting}\n"
        "rebuttals:\n  popular: {text: The agenda is popular., attacks: unwise}\n",
        _unknown_reference,
    ),
    Rule(
        "self-reference",
        Severity.ERROR,
        "A node supports itself.",
        "A node that is its own reason says nothing about the debate (it is circular "
        "reasoning in one step); it is almost always a copy-paste slip.",
        "claims:\n  c1: {text: A claim., supports: c1}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _itself(Relation.SUPPORT, "supports itself", "point it at the node it backs"),
    ),
    Rule(
        "self-attack",
        Severity.WARNING,
        "A node attacks itself.",
        "In a debate a node that attacks itself is usually a slip. In formal argumentation it "
        "is a self-defeating argument, which no extension accepts, and frameworks imported "
        "from the argumentation competitions often have them; so the map is still drawn and "
        "evaluated as written.",
        "claims:\n  c1: {text: A claim.}\n"
        "objections:\n  o1: {text: An objection., attacks: [o1, c1]}\n",
        "claims:\n  c1: {text: A claim.}\nobjections:\n  o1: {text: An objection., attacks: c1}\n"
        "rebuttals:\n  b1: {text: An answer., attacks: o1}\n",
        _itself(
            Relation.ATTACK,
            "attacks itself, so no extension can accept it",
            "point it at the node it argues against; if it defeats itself on purpose (as in "
            'an imported framework), leave it and ignore the rule (`ignore = ["self-attack"]`)',
        ),
    ),
    Rule(
        "repeated-target",
        Severity.WARNING,
        "A node names the same target (or actor, or tag) twice, or both supports and attacks "
        "a target.",
        "Naming a target twice in `supports` or `attacks`, an actor twice in `by`, or a tag "
        "twice in `tags` (in any case), is a copy-paste slip: the relation still counts once. "
        "A node that both supports and "
        "attacks one target contradicts itself, and every evaluation of the map then rests "
        "on that contradiction.",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: [c1, c1]}\n",
        "claims:\n  c1: {text: A claim.}\nreasons:\n  r1: {text: A reason., supports: c1}\n",
        _repeated_target,
    ),
]
