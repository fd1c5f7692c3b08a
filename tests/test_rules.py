"""Each rule's documented bad example is reported by that rule, and its good one is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.checker import check_loaded
from argmap.config import ConfigError, Settings, parse
from argmap.diagnostics import Vocabulary
from argmap.loader import loads
from argmap.rules import REGISTRY
from argmap.rules.base import EXAMPLE_HEADER

EXAMPLES = [r for r in REGISTRY.values() if r.bad]


def rules_reported(fragment: str, settings: Settings | None = None) -> list[str]:
    loaded = loads(EXAMPLE_HEADER + fragment, "example.yaml")
    return [d.rule for d in check_loaded(loaded, settings or Settings())]


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda r: r.id)
def test_bad_example_is_reported(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id in rules_reported(rule.bad)


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda r: r.id)
def test_good_example_is_clean(rule) -> None:  # type: ignore[no-untyped-def]
    assert rules_reported(rule.good) == []


def test_every_rule_but_the_unwritable_has_examples() -> None:
    # Examples follow `argmap: 1`, so a file with none of a map's keys cannot be one
    # (tests/data/bad/not-a-map.yaml is).
    # And render's, which `check` does not report.
    unwritable = {"io-error", "encoding", "not-a-map"}
    unwritable |= {r.id for r in REGISTRY.values() if r.drawing}
    assert {"pdf-font", "png-font", "no-groups", "unrouted-edges"} <= unwritable
    assert {r.id for r in REGISTRY.values() if not r.bad} == unwritable


def test_select_and_ignore() -> None:
    bad = REGISTRY["unknown-reference"].bad
    ignored = parse({"ignore": ["unknown-reference", "unanswered-objection"]}, "t")
    assert rules_reported(bad, ignored) == []
    assert set(rules_reported(bad, parse({"select": ["unknown-reference"]}, "t"))) == {
        "unknown-reference"
    }


def test_selecting_no_rule_is_refused() -> None:
    """`--select "$RULES"` with the variable unset, or `select = []`, switched every rule
    off: a broken map passed."""
    with pytest.raises(ConfigError, match="names no rule"):
        parse({"select": []}, "t")
    with pytest.raises(ConfigError, match="names no rule"):
        Settings().override(select=[" , "])
    assert parse({"ignore": []}, "t").enabled("long-text")
    with pytest.raises(ConfigError, match=r"also ignored .*; drop one of them from --ignore"):
        Settings().override(select=["long-text"], ignore=["long-text"])
    # The settings file ignores it, the command line selects it: the command line wins.
    chosen = parse({"ignore": ["long-text", "svg-id-clash"]}, "t").override(select=["long-text"])
    assert chosen.enabled("long-text") and not chosen.enabled("svg-id-clash")
    with pytest.raises(ConfigError, match="also ignored"):
        parse({"select": ["long-text"], "ignore": ["long-text", "svg-id-clash"]}, "t")


def test_long_text_limit_is_an_option() -> None:
    fragment = "claims:\n  c: {text: " + "x" * 50 + "}\n"
    assert rules_reported(fragment) == []
    settings = parse({"rules": {"long-text": {"max-length": 40}}}, "t")
    assert rules_reported(fragment, settings) == ["long-text"]


def test_errors_that_drop_content_cannot_be_switched_off() -> None:
    """`--select long-text` passed a map whose second `claims:` hid the first, and
    rendered it without them; `ignore` could do the same."""
    dropped = "claims:\n  a: {text: A}\nclaims:\n  b: {text: B}\n"
    assert rules_reported(dropped, parse({"select": ["long-text"]}, "t")) == ["duplicate-key"]
    only_long = parse({"select": ["long-text"]}, "t")
    assert rules_reported("claims:\n  c: {text: 'open}\n", only_long) == ["yaml-syntax"]
    for rule_id in ("yaml-syntax", "duplicate-key", "unknown-field", "duplicate-id"):
        with pytest.raises(ConfigError, match=f"`ignore` names `{rule_id}`, which cannot be"):
            parse({"ignore": ["long-text", rule_id]}, "t")
        with pytest.raises(ConfigError, match="`--ignore` names"):
            Settings().override(ignore=[rule_id])
    # The rest stay the user's to switch off.
    assert (
        rules_reported(
            dropped.replace("claims:\n  b", "reasons:\n  b"),
            parse({"ignore": ["reason-without-target", "disconnected"]}, "t"),
        )
        == []
    )


def test_circular_support_lists_the_cycle() -> None:
    fragment = (
        "claims:\n  c: {text: C}\nreasons:\n  a: {text: A, supports: [b, c]}\n"
        "  b: {text: B, supports: d}\n  d: {text: D, supports: a}\n"
    )
    loaded = loads(EXAMPLE_HEADER + fragment)
    (cycle,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "circular-support"]
    assert cycle.message == "circular support: a -> b -> d -> a"
    assert cycle.span.line == 6


def test_an_actor_named_twice_in_by_is_a_repeat() -> None:
    fragment = (
        "actors:\n  ann: {name: Ann}\n  bob: {name: Bob}\n"
        "claims:\n  c: {text: C, by: [bob, ann, bob]}\n"
    )
    assert rules_reported(fragment) == ["repeated-target"]
    assert rules_reported(fragment.replace(", bob]", "]")) == []


def test_an_unknown_id_named_twice_is_one_error_and_a_repeat() -> None:
    """`by: [x, x]` made two errors of one mistake; the repeat is `repeated-target`'s. Named
    in two fields, it is two references."""
    fragment = "claims:\n  c: {text: C, by: [x, x]}\nreasons:\n  r: {text: R, supports: [d, d]}\n"
    assert sorted(rules_reported(fragment)) == [
        "repeated-target",
        "repeated-target",
        "unknown-reference",
        "unknown-reference",
    ]
    both = "claims:\n  c: {text: C}\nreasons:\n  r: {text: R, supports: d, attacks: d}\n"
    assert rules_reported(both).count("unknown-reference") == 2


def test_loose_nodes_are_reported_without_a_claim_too() -> None:
    """With no claim, `disconnected` stayed silent for no-claim to speak: switched off, or
    not selected, no-claim said nothing either."""
    fragment = "reasons:\n  r: {text: R, supports: s}\n  s: {text: S, supports: r}\n"
    assert rules_reported(fragment, parse({"select": ["disconnected"]}, "t")) == [
        "disconnected",
        "disconnected",
    ]


def test_did_you_mean_never_names_the_node_itself() -> None:
    """`work-leisure` attacking `work-effort` (not in the map): its own id is the closest,
    and suggesting it would make the node attack itself."""
    fragment = (
        "claims:\n  ubi: {text: Pay everyone.}\n"
        "rebuttals:\n  work-leisure: {text: Less work is more leisure., attacks: work-effort}\n"
    )
    loaded = loads(EXAMPLE_HEADER + fragment, "example.yaml")
    (found,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert "did you mean" not in found.hint and "add a node `work-effort`" in found.hint


@pytest.mark.parametrize(
    ("fragment", "hint"),
    [
        # `s2` beside `s1`: too short to be taken as its misspelling, and the one there named.
        (
            "sources:\n  s1: {title: One}\nclaims:\n  c1: {text: C., source: s2}\n",
            "add a source `s2` to `sources`, or name the source there: `s1`",
        ),
        # A few nodes, never the one that names the id (it would argue about itself).
        (
            "claims:\n  c1: {text: C.}\n  c2: {text: D.}\n"
            "reasons:\n  r1: {text: R., supports: c4}\n",
            "add a node `c4` to the map, or name one of the nodes in the map: `c1`, `c2`",
        ),
        # More than a few: none named, as a list of them would be no hint.
        (
            "actors:\n"
            + "".join(f"  a{i}: {{name: A{i}}}\n" for i in range(1, 7))
            + "claims:\n  c1: {text: C., by: a9}\n",
            "add an actor `a9` to `actors`",
        ),
    ],
)
def test_an_unknown_short_id_names_the_few_ids_there_are(fragment: str, hint: str) -> None:
    loaded = loads(EXAMPLE_HEADER + fragment, "example.yaml")
    (found,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert found.hint == hint


def test_did_you_mean_takes_the_first_written_of_equally_close_ids() -> None:
    """`c-x9` is as close to `c-29` as to `c-19`: the first written wins (difflib took the
    last in alphabetical order), and never the id excluded (the node's own)."""
    ids = ["c-29", "c-19", "cc-x9zz"]
    assert Vocabulary(ids).closest("c-x9") == "c-29"
    assert Vocabulary(ids).closest("c-x9", besides="c-29") == "c-19"
    assert Vocabulary(["Dark", "dark"]).closest("DARK", besides="Dark") == "dark"
    assert Vocabulary(["tax-cut"]).closest("tax-cut", besides="tax-cut") is None
    # Asked again, by the node that the answer is (its own id is never its hint): the next.
    ids = Vocabulary(["c-29", "c-19"])
    assert ids.closest("c-x9") == "c-29" and ids.closest("c-x9", besides="c-29") == "c-19"
    assert ids.closest("c-x9", besides="c-19") == "c-29"


def test_an_id_renamed_longer_or_shorter_is_guessed_by_its_parts() -> None:
    """`kelley-motive` for `kelley` is too unlike it for a misspelling (a ratio of 63 at
    best), yet plainly meant; a part that could be either of two ids guesses neither."""
    ids = Vocabulary(["kelley", "radiocarbon-dating", "motive", "tax-cut", "tax-rise"])
    assert ids.closest("kelley-motive") is None  # (not asked for: a field's name)
    assert ids.closest("kelley-motive", besides="motive", parts=True) == "kelley"
    assert ids.closest("kelley-motive", parts=True) is None  # kelley, or motive?
    assert ids.closest("radiocarbon", parts=True) == "radiocarbon-dating"
    assert ids.closest("tax", parts=True) is None  # tax-cut, or tax-rise?
    assert ids.closest("rise", parts=True) == "tax-rise"


def test_misspellings_past_a_budget_of_comparisons_are_not_guessed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20,000 misspelt ids among 4,900 took 15 s to guess; a hostile map, far more."""
    import argmap.diagnostics

    monkeypatch.setattr(argmap.diagnostics, "_MOST_COMPARISONS", 3)
    ids = Vocabulary(["abcd", "abce", "abcf"])
    assert ids.closest("abcx") == "abcd"  # three comparisons: the budget
    assert ids.closest("abcx") == "abcd"  # asked before: no comparison
    assert ids.closest("abcy") is None  # past it
    assert ids.closest("ABCE") == "abce"  # alike but for case: no comparison either


def test_every_misspelt_reference_has_its_hint_among_thousands_of_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each misspelling was compared with every id by difflib: a map of 3,000 of them took
    49 s to check. The ids are indexed once (`Vocabulary`) and compared by RapidFuzz."""
    import argmap.checker

    monkeypatch.setattr(argmap.checker, "MAX_PER_RULE", 3000)  # (each listed)
    claims = "".join(f"  policy-{i}: {{text: Claim {i}.}}\n" for i in range(3000))
    reasons = "".join(f"  r{i}: {{text: Reason {i}., supports: polixy-{i}}}\n" for i in range(3000))
    loaded = loads(EXAMPLE_HEADER + "claims:\n" + claims + "reasons:\n" + reasons, "m.yaml")
    found = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert len(found) == 3000
    assert [d.hint for d in found[:2]] == ["did you mean `policy-0`?", "did you mean `policy-1`?"]
    assert found[-1].hint == "did you mean `policy-2999`?"


def test_each_unknown_reference_is_read_once_per_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """unknown-reference, unused-actor and unused-source each read every unknown reference
    again (which entry it means): a map with 50,000 of them checked 24% slower."""
    from argmap.rules import references

    calls: list[str] = []

    def counted(field, ref, what, spaces, own):  # type: ignore[no-untyped-def]
        calls.append(ref.id)
        return reading(field, ref, what, spaces, own)

    reading = references._reading
    monkeypatch.setattr(references, "_reading", counted)
    fragment = (
        "actors:\n  reid: {name: Harry Reid}\n  vh: {name: Van Hollen}\n"
        "sources:\n  benen: {title: Benen}\n"
        "claims:\n  c1: {text: One., by: reidd, source: benenn}\n"
        "  c2: {text: Two., by: Van Hollen, supports: c11}\n"
    )
    found = check_loaded(loads(EXAMPLE_HEADER + fragment, "m.yaml"), Settings())
    assert [d.rule for d in found] == ["unknown-reference"] * 4
    assert sorted(calls) == ["Van Hollen", "benenn", "c11", "reidd"]


def test_a_space_pasted_before_an_id_is_named_where_it_is() -> None:
    """A no-break space before the id was said to be its first letter, to delete."""
    fragment = 'actors:\n  a: {name: A}\nclaims:\n  c1: {text: One., by: "\u00a0a"}\n'
    loaded = loads(EXAMPLE_HEADER + fragment, "m.yaml")
    (found,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert (
        found.hint
        == "it reads `a` but holds the space U+00A0 NO-BREAK SPACE at column 25; delete it"
    )


def test_an_unknown_id_of_a_megabyte_is_said_in_a_line() -> None:
    """A text pasted where an id goes was said twice whole: one diagnostic of 2 MB."""
    loaded = loads(EXAMPLE_HEADER + "claims:\n  c: {text: C, supports: " + "x" * 10**6 + "}\n")
    (found,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert len(found.message) + len(found.hint) < 300  # (an id named in 900 nodes: 2 MB)
    assert found.message.endswith("…` (1,000,000 characters), which is not in the map")
    # A text of a node, pasted whole, is told the node's id, however long.
    text = "A universal basic income would reduce poverty. " * 30
    loaded = loads(
        EXAMPLE_HEADER + f"claims:\n  ubi: {{text: {text.strip()}}}\n"
        f"  c: {{text: C, attacks: {text.strip()}}}\n"
    )
    (found,) = [d for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert found.hint == "write the id, not the text: `attacks: ubi`"


def test_nothing_is_said_of_the_node_a_duplicate_id_left_out() -> None:
    """The reason kept for an id an objection also has: the rebuttal of the objection was
    told to move to `objections` (which broke the map), and the objection's source and
    actor were unused."""
    fragment = (
        "sources:\n  s: {title: S}\nactors:\n  a: {name: A}\n"
        "claims:\n  c: {text: C.}\n"
        "reasons:\n  o: {text: R., supports: c}\n"
        "objections:\n  o: {text: O., attacks: c, source: s, by: a}\n"
        "rebuttals:\n  b: {text: B., attacks: o}\n"
    )
    assert rules_reported(fragment) == ["duplicate-id"]


def test_a_source_named_by_its_publisher_author_or_title_is_told_its_id() -> None:
    """`source: ABC`, the publisher of source `abc-shops`, was "add a source `ABC`"."""
    fragment = (
        "sources:\n  abc-shops: {title: Ventas, author: Ana, publisher: ABC}\n"
        "claims:\n  c1: {text: One., source: ABC}\n  c2: {text: Two., source: ana}\n"
        "  c3: {text: Three., source: Ventas}\n"
    )
    loaded = loads(EXAMPLE_HEADER + fragment, "example.yaml")
    hints = [d.hint for d in check_loaded(loaded, Settings()) if d.rule == "unknown-reference"]
    assert hints == [
        f"write the id, not the {what}: `source: abc-shops`"
        for what in ("publisher", "author", "title")
    ]


def test_check_takes_one_path_as_a_string_or_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`argmap.check("maps/")` took the string as paths, one per character: m, a, p, s and
    /, which checked every YAML file on the disk. (Here without a /: m, a, p and s.)"""
    from pathlib import PurePath

    import argmap

    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text("argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\n")
    monkeypatch.chdir(tmp_path)
    for given in ("maps", Path("maps"), PurePath("maps"), ["maps"], (Path("maps"),)):
        result = argmap.check(given)
        assert [f.path for f in result.files] == [str(Path("maps") / "m.yaml")], given


def test_words_of_other_tools_name_the_value_they_mean() -> None:
    from argmap.diagnostics import value_hint

    assert value_hint("PR", ["grounded", "preferred"]) == "did you mean `preferred`?"
    assert value_hint("TD", ["TB", "LR"]) == "did you mean `TB`?"
    # A direction is where the claims go; `up` and `down` may say that or where the edges
    # run, the other way (`up` suggested BT, `top` TB): no guess.
    directions = ["TB", "BT", "LR", "RL"]
    assert [value_hint(said, directions) for said in ("up", "top", "down", "bottom")] == [
        "",
        "did you mean `TB`?",
        "",
        "did you mean `BT`?",
    ]
    assert value_hint("person", ["source", "tag"], fallback="use one of") == "use one of"


def test_a_long_cycle_or_an_id_named_often_is_said_in_a_line() -> None:
    """A support cycle of 5,000 nodes was one message of 5,000 ids, and an invalid id named
    20,000 times a hint of 129 KB: the first few, then how many more."""
    reasons = "".join(
        f"  r{i}: {{text: R{i}., supports: [r{(i + 1) % 13}, c]}}\n" for i in range(13)
    )
    said = [
        d.message
        for d in check_loaded(
            loads(EXAMPLE_HEADER + f"claims:\n  c: {{text: C.}}\nreasons:\n{reasons}"), Settings()
        )
    ]
    assert (
        "circular support: r0 -> r1 -> r2 -> r3 -> r4 -> r5 -> r6 -> r7 -> r8 -> r9 -> "
        "(2 more) -> r12 -> r0" in said
    )
    named = "".join(f"  r{i}: {{text: R{i}., supports: bad id}}\n" for i in range(8))
    loaded = loads(EXAMPLE_HEADER + f"claims:\n  bad id: {{text: C.}}\nreasons:\n{named}")
    (invalid,) = [d for d in loaded.diagnostics if d.rule == "invalid-id"]
    assert invalid.hint.endswith("rename it where lines 6, 7, 8, 9, 10 and 3 more name it too")


def test_texts_alike_but_for_how_their_letters_are_encoded_are_duplicates() -> None:
    """`café` with é as one character, and as e and a combining accent, read alike: not
    warned of as the same text; and diff said `[-café-] {+café+}`."""
    from argmap.diff import diff_maps, format_text

    composed, decomposed = "Caf\u00e9 prices rose.", "Cafe\u0301 prices rose."
    fragment = f"claims:\n  c1: {{text: {composed}}}\n  c2: {{text: {decomposed}}}\n"
    assert "duplicate-text" in rules_reported(fragment)
    old = loads(EXAMPLE_HEADER + f"claims:\n  c1: {{text: {composed}}}\n").map
    new = loads(EXAMPLE_HEADER + f"claims:\n  c1: {{text: {decomposed}}}\n").map
    assert old is not None and new is not None
    assert "c1 reworded: only in how its letters are encoded" in format_text(diff_maps(old, new))


def test_an_objection_a_misspelt_reference_means_is_not_also_unanswered() -> None:
    """`attacks: o-1` for `o1`: the unknown reference says "did you mean `o1`?", and an
    info that `o1` is unanswered, with "add a rebuttal" for a hint, led to a second one."""
    objection = "claims:\n  c1: {text: A.}\nobjections:\n  o1: {text: B., attacks: c1}\n"
    misspelt = objection + "rebuttals:\n  b1: {text: C., attacks: o-1}\n"
    assert rules_reported(misspelt) == ["unknown-reference"]
    elsewhere = objection + "rebuttals:\n  b1: {text: C., attacks: c-1}\n"  # (meant c1)
    assert sorted(rules_reported(elsewhere)) == ["unanswered-objection", "unknown-reference"]
    backing = objection + "reasons:\n  r1: {text: C., supports: o-1}\n"  # (answers nothing)
    assert sorted(rules_reported(backing)) == ["unanswered-objection", "unknown-reference"]
