"""ICCMA formats: export and import give back the same framework; bad files are refused
with a position."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import build_graph
from argmap.interchange.iccma import (
    InterchangeError,
    _term,
    _unterm,
    from_apx,
    from_i23,
    read_framework,
    to_apx,
    to_i23,
    to_map_yaml,
)
from argmap.loader import load, loads
from argmap.semantics.framework import Framework, from_graph
from argmap.spec import NULL_IDS
from conftest import SEED

# Ids that YAML would read as something else than text, written plain, among the others;
# not `null`, which names nothing where a field names it (refused: `test_apx_says_which...`).
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,6}", fullmatch=True).filter(
    lambda i: i not in NULL_IDS
) | st.sampled_from(["1", "1.5", "1e3", "true", "yes", "0x1f", "1_000", "2001-01-01", "0o7", "NaN"])


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    args = draw(st.lists(IDS, unique=True, max_size=8))
    pairs = [(a, b) for a in args for b in args]
    attacks = draw(st.sets(st.sampled_from(pairs), max_size=15)) if pairs else set()
    return Framework.of(args, attacks)


@settings(max_examples=200)
@given(frameworks())
def test_apx_round_trip_keeps_ids(af: Framework) -> None:
    assert from_apx(to_apx(af)) == af


@settings(max_examples=200)
@given(st.lists(st.text(min_size=1, max_size=6), unique=True, min_size=1, max_size=5))
def test_each_fact_and_comment_keeps_to_its_line_whatever_the_ids(args: list[str]) -> None:
    """A map with errors is exported as it is: an id with a line break (which `check`
    refuses) broke its APX string and its I23 comment across two lines, which no reader
    takes. APX writes ASP's `\\n`, which reads back as the line break."""
    af = Framework.of(args, {(args[0], b) for b in args})
    apx = to_apx(af).split("\n")[:-1]
    assert len(apx) == len(args) * 2
    assert all(re.fullmatch(r'(arg|att)\((".*"|\w+)(,(".*"|\w+))?\)\.', f, re.S) for f in apx)
    assert len(to_i23(af).splitlines()) == 1 + len(args) * 2
    assert _unterm(_term("a\nb")) == "a\nb" and _term("a\nb") == '"a\\nb"'


@settings(max_examples=200)
@given(frameworks())
def test_i23_round_trip_keeps_ids_through_the_comments(af: Framework) -> None:
    assert from_i23(to_i23(af)) == af
    # Without argmap's `# i id` comments, the arguments are their numbers.
    bare = "\n".join(line for line in to_i23(af).splitlines() if not line.startswith("#"))
    number = {a: str(i) for i, a in enumerate(af.arguments, start=1)}
    numbered = Framework.of(number.values(), {(number[a], number[b]) for a, b in af.attacks})
    assert from_i23(bare) == numbered


@pytest.mark.parametrize(
    ("comments", "warning"),
    [
        ("# 1 a\n", "2:1: warning: {} (they name 1 of the 2 arguments)"),
        ("# 1 a\n# 2 a\n", "3:1: warning: {} (`a` names arguments 1 and 2)"),
        # One argument named twice (the first was taken), at the comment that names it apart.
        ("# 1 a\n# 2 b\n# 1 c\n", "4:1: warning: {} (argument 1 is named twice, with two ids)"),
        (  # no `# i id`, but meant as one
            "# 1 a\n# 2 b c\n",
            "2:1: warning: {} (they name 1 of the 2 arguments; `# 2 b c`, on line 3, names none: "
            "an id is one word)",
        ),
        (
            "# 1 big one\n# 2 small one\n",
            "2:1: warning: {} (they name 0 of the 2 arguments; `# 1 big one`, on line 2, names "
            "none: an id is one word)",
        ),
        ("# 2023 data, by hand\n", None),  # about no argument: prose
        ("# 2 arguments, generated for a test\n", None),  # prose, about one
        ("# 1 a\n# 2 -b\n", "3:1: warning: {} (`-b` is no id)"),
        ("# 1 a\n# 2 NULL\n", "3:1: warning: {} (`NULL` is what YAML reads as no value)"),
        # At the first comment that goes wrong, in the file's order, not the arguments'.
        (
            "# 2 b\n# 1 a\n# 2 c\n# 1 d\n",
            "4:1: warning: {} (argument 2 is named twice, with two ids)",
        ),
        ("# 2 x\n# 1 x\n", "3:1: warning: {} (`x` names arguments 2 and 1)"),
        (
            "# 0 a\n# 1 b\n",
            "3:1: warning: {} (they name 1 of the 2 arguments; I23 numbers them from 1)",
        ),
        ("# made by hand\n", None),  # names none: the numbers, unsaid
    ],
)
def test_i23_comments_name_arguments_only_when_they_name_each_once(
    comments: str, warning: str | None
) -> None:
    """Otherwise the ids are the numbers, and the import says why the comments' are not."""
    said: list[str] = []
    assert from_i23(f"p af 2\n{comments}1 2\n", "x.i23", said).arguments == ("1", "2")
    gist = "the `# i id` comments do not give every argument one id of its own"
    assert [w.partition(":")[2].partition(": the map's ids")[0] for w in said] == (
        [] if warning is None else [warning.format(gist)]
    )
    assert all(w.endswith("each with an id no other has") for w in said)


def test_i23_numbers_with_leading_zeros_are_their_value() -> None:
    """Cut off by their count of digits, `0000000000000002` was out of range."""
    af = from_i23(f"p af {'0' * 20}2\n{'0' * 20}1 0002\n")
    assert af.arguments == ("1", "2") and af.attacks == {("1", "2")}


def test_i23_comments_about_no_argument_do_not_undo_the_names() -> None:
    af = from_i23("p af 2\n# 1 a\n# 2 b\n# 3 c\n1 2\n")
    assert af.arguments == ("a", "b") and af.attacks == {("a", "b")}


@settings(max_examples=100)
@given(frameworks(), st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"])))
def test_imported_map_has_the_same_framework(af: Framework, title: str) -> None:
    text = to_map_yaml(af, title or "t")
    loaded = loads(text)
    assert loaded.map is not None and loaded.map.title == (title or "t")
    assert from_graph(build_graph(loaded.map)) == af
    # Any YAML reader reads the ids as text, as argmap does: `1` and `true` are quoted.
    read = yaml.safe_load(text)
    assert read["title"] == (title or "t")
    assert list(read["claims"]) == list(af.arguments)
    assert {(a, b) for a, c in read["claims"].items() for b in c.get("attacks", [])} == af.attacks


def test_seed_export_golden(golden) -> None:  # type: ignore[no-untyped-def]
    m = load(SEED).map
    assert m is not None
    af = from_graph(build_graph(m))
    golden("iccma/seed.apx", to_apx(af))
    golden("iccma/seed.i23", to_i23(af))


def test_apx_comments_are_skipped_and_quoted_text_is_not_one() -> None:
    af = from_apx("%* arg(c).\n still a comment *% arg(b). % arg(x).\narg(d). att(b,d).\n")
    assert af.arguments == ("b", "d")
    assert af.attacks == {("b", "d")}
    assert from_apx('arg("ab"). att("ab","ab").\n').attacks == {("ab", "ab")}
    with pytest.raises(
        InterchangeError, match=re.escape("id `a%b` has `%` U+0025 PERCENT SIGN at column 7")
    ):  # not a comment
        from_apx('arg("a%b").\n')


def test_apx_facts_are_read_as_asp_reads_them_over_lines() -> None:
    """A fact may go on over lines; facts may share one (each was read by its line)."""
    af = from_apx("arg(a)\n.\natt(a,\n  b).\narg(\nb\n)\n.\n" + "arg(c). " * 1_000)
    assert af.arguments == ("a", "b", "c")
    assert af.attacks == {("a", "b")}


def test_an_attack_on_an_argument_declared_quoted_says_how_it_is_written() -> None:
    with pytest.raises(
        InterchangeError,
        match=r'x\.apx:1:25: .*`b`, another argument in ASP than `"b"`; write `"b"`',
    ):
        from_apx('arg(a). arg("b"). att(a,b).', "x.apx")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("arg(a).\natt(a,b).\n", (2, 7)),  # at `b`, the one not declared
        ("arg(a)\n", (1, 1)),
        ("arg(a). arg(b,c).\n", (1, 9)),
        ('arg("a b").\n', (1, 5)),
        ("% only a comment\narg(A).\n", (2, 5)),  # at the name that is no term
        ('arg("ab"). arg(ab).\n', (1, 16)),  # two arguments in ASP, one id in a map
        ('arg(ab).\natt("ab",ab).\n', (2, 5)),  # "ab" is not ab
        ("arg(a).\n%* not closed\narg(b).\n", (2, 1)),
        # Escapes ASP has not (it has \\, \" and \n): read as `atb`, `u00e9` before.
        ('arg("a\\tb").\n', (1, 7)),
        ('arg(a).\natt(a, "x\\\\y\\u00e9").\n', (2, 13)),
    ],
)
def test_bad_apx_is_refused_with_a_position(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(InterchangeError, match=rf"^x\.apx:{where[0]}:{where[1]}: error:"):
        from_apx(text, "x.apx")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "p af x\n",
        "p af 2\n1 3\n",
        "p af 2\n1\n",
        "1 2\n",
        "p af \u00b2\n",  # a digit to str.isdigit, not to int()
        "p af 2\n1 \u00b2\n",
        "p af 1000000000\n",  # refused before a billion claims are made
        "p af " + "9" * 5000 + "\n",  # beyond what int() converts
        "p af 2\n1 " + "1" * 5000 + "\n",
    ],
)
def test_bad_i23_is_refused(text: str) -> None:
    with pytest.raises(InterchangeError):
        from_i23(text, "x.i23")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("p af 3\n4 4\n", ":2:1: error: argument number 4 is out of range 1..3"),
        ("p af 3\n 2   4\n", ":2:6: error: argument number 4 is out of range"),
        ("p af 3\n1 " + "9" * 30 + "\n", f":2:3: error: argument number {'9' * 20}…"),
        ("p  af   2000000\n", ":1:9: error: the framework declares more than"),
        # Numbers apart by a no-break space were read as an attack: separators are ASCII's.
        ("p af 2\n2\u00a01\n", ":2:1: error: expected an attack `i j`, found `2\u00a01`"),
    ],
)
def test_a_number_out_of_range_is_pointed_at(text: str, said: str) -> None:
    """It was reported at column 1, without the number."""
    with pytest.raises(InterchangeError) as refused:
        from_i23(text, "x.i23")
    assert str(refused.value).startswith("x.i23" + said)


def test_read_framework_decodes_utf8_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bom.i23").write_bytes(b"\xef\xbb\xbfp af 2\n1 2\n")
    assert read_framework(str(tmp_path / "bom.i23"), "i23").attacks == {("1", "2")}
    (tmp_path / "latin1.apx").write_bytes(b"arg(a).\n% caf\xe9\n")
    with pytest.raises(InterchangeError, match=r"latin1\.apx:2:6: error: .* not UTF-8"):
        read_framework(str(tmp_path / "latin1.apx"), "apx")


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("empty.apx", "", "no `arg(...)` fact"),
        ("comments.apx", "% only a comment\n", "no `arg(...)` fact"),
        ("none.i23", "p af 0\n", "`p af 0`"),
    ],
)
def test_a_framework_of_no_argument_imports_with_a_warning(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    """A file with no argument (left empty, most likely) is read, but said to make a map
    with no claim, as `argmap check` would say of the map: it was imported without a word."""
    (tmp_path / name).write_text(text)
    warnings: list[str] = []
    assert not read_framework(str(tmp_path / name), name[-3:], warnings).arguments
    assert warnings == [
        f"{tmp_path / name}:1:1: warning: the framework has no argument ({said}): the map "
        "has no claim"
    ]
    (tmp_path / "two.i23").write_text("p af 2\n1 2\n")
    read_framework(str(tmp_path / "two.i23"), "i23", warnings)
    assert len(warnings) == 1


def test_importing_a_file_that_is_not_there_says_where_it_was_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `check` says it of a map: a relative path is the current folder's."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "missing.apx"])
    assert result.exit_code == 2 and result.output == (
        "argmap: error: cannot read missing.apx: no such file; check the path: it is relative "
        "to the current folder\n"
    )
    result = CliRunner().invoke(app, ["import", str(tmp_path / "missing.apx")])
    assert result.output.endswith(": no such file; check the path\n")


def test_cli_export_and_import(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    apx = tmp_path / "seed.apx"
    assert runner.invoke(app, ["export", str(SEED), "--to", "apx", "-o", str(apx)]).exit_code == 0
    out = tmp_path / "back.yaml"
    assert runner.invoke(app, ["import", str(apx), "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["check", str(out)]).exit_code == 0
    # A map is someone's work: import does not replace one unless told to.
    out.write_text("edited\n")
    again = runner.invoke(app, ["import", str(apx), "-o", str(out)])
    assert again.exit_code == 2 and "already exists; use --force" in again.output
    assert out.read_text() == "edited\n"
    assert runner.invoke(app, ["import", str(apx), "-o", str(out), "--force"]).exit_code == 0
    into = runner.invoke(app, ["import", str(apx), "-o", str(tmp_path), "--force"])
    assert (
        into.exit_code == 2
        and f"is a folder; name the file to write, such as {tmp_path / 'seed.yaml'}" in into.output
    )
    assert runner.invoke(app, ["check", str(out)]).exit_code == 0
    # A device is no one's work: written into, as a shell's `>` would.
    assert runner.invoke(app, ["import", str(apx), "-o", os.devnull]).exit_code == 0
    # A map under a name that `check FOLDER` passes over, a framework's or a drawing's: no.
    for name, meant in (("seed2.apx", "seed2.yaml"), ("seed.svg", "seed.yaml")):
        result = runner.invoke(app, ["import", str(apx), "-o", str(tmp_path / name)])
        assert result.exit_code == 2 and f"name it {tmp_path / meant}" in result.output
        assert not (tmp_path / name).exists()
    # ICCMA 2023's own files end in .af.
    (tmp_path / "f.af").write_text("p af 2\n1 2\n")
    result = runner.invoke(app, ["import", str(tmp_path / "f.af")])
    assert result.exit_code == 0 and "attacks:\n    - '2'" in result.output
    bad = tmp_path / "bad.apx"
    bad.write_text("att(a,b).\n")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 1 and "bad.apx:1:5: error:" in result.output
    # An APX file named as ICCMA's earlier competitions named them; --from as other choices.
    (tmp_path / "apx.af").write_text("arg(a).\n")
    result = runner.invoke(app, ["import", str(tmp_path / "apx.af")])
    assert result.output.endswith("(read as I23 for its name; give --from apx for APX)\n")
    (tmp_path / "i23.af").write_text("p af 2\n1 3\n")  # I23 after all: no word of APX
    result = runner.invoke(app, ["import", str(tmp_path / "i23.af")])
    assert result.output.endswith("fix the number or the `p af N` line\n")
    assert runner.invoke(app, ["import", str(tmp_path / "apx.af"), "--from", "apx"]).exit_code == 0
    # ... and an APX file read as I23 as asked, and ICCMA 2023's name for its format.
    result = runner.invoke(app, ["import", str(tmp_path / "apx.af"), "--from", "i23"])
    assert result.output.endswith("(it is written in APX: give --from apx)\n")
    for command in (["import", str(apx), "--from", "af"], ["export", str(SEED), "--to", "af"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2 and "in the i23 format: `--" in result.output
    result = runner.invoke(app, ["import", str(tmp_path)])  # (a folder: "cannot tell the format")
    assert result.exit_code == 2 and f"{tmp_path} is a folder; name an .apx" in result.output
    result = runner.invoke(app, ["import", str(tmp_path / "apx.af"), "--from", "APX"])
    assert result.exit_code == 2 and "not `APX`; did you mean `apx`?" in result.output
    # -o a folder, which the file would have been renamed over (`-o .`: "resource busy").
    result = runner.invoke(app, ["export", str(SEED), "--to", "i23", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"is a folder; name the file to write, such as {tmp_path / SEED.stem}.i23" in (
        result.output
    )
    # -o written as a folder (`out/`): into it, as `render -o out/` does (it wrote `out`);
    # a folder there already too (import refused it, checking the folder for a map).
    into = f"{tmp_path / 'out'}/"
    result = runner.invoke(app, ["export", str(SEED), "--to", "i23", "-o", into])
    assert result.exit_code == 0 and (tmp_path / "out" / f"{SEED.stem}.i23").is_file()
    result = runner.invoke(app, ["import", str(tmp_path / "apx.af"), "--from", "apx", "-o", into])
    assert result.exit_code == 0 and (tmp_path / "out" / "apx.yaml").is_file()


def test_export_takes_its_format_from_the_output_file(tmp_path: Path) -> None:
    """`export MAP -o x.apx` was refused for want of `--to`, which the extension says, as
    `import` and `render` read it."""
    runner = CliRunner()
    for name, first in (("x.apx", 'arg("'), ("x.i23", "p af "), ("x.af", "p af ")):
        result = runner.invoke(app, ["export", str(SEED), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text().startswith(first)
    for options, said in (
        (["-o", str(tmp_path / "x.txt")], "cannot tell the format of"),
        ([], "no format given"),
    ):
        result = runner.invoke(app, ["export", str(SEED), *options])
        assert result.exit_code == 2 and said in result.output
        assert "give --to apx or --to i23" in result.output


def test_a_self_attack_imports_and_checks_with_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Self-defeating arguments are common in competition frameworks: kept, and evaluated."""
    runner = CliRunner()
    (tmp_path / "self.i23").write_text("p af 2\n1 1\n1 2\n")
    out = tmp_path / "self.yaml"
    assert runner.invoke(app, ["import", str(tmp_path / "self.i23"), "-o", str(out)]).exit_code == 0
    checked = runner.invoke(app, ["check", str(out)])
    assert checked.exit_code == 0 and "warning[self-attack]" in checked.output
    result = runner.invoke(app, ["evaluate", str(out), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["extensions"] == [[]]  # 1 defeats itself; 2 stays undecided


def test_apx_has_the_argument_limit_of_i23(monkeypatch: pytest.MonkeyPatch) -> None:
    """I23 refused more than a million arguments; APX imported two million in 6 GB."""
    from argmap.interchange import iccma

    monkeypatch.setattr(iccma, "MAX_ARGUMENTS", 3)
    assert len(from_apx("arg(a). arg(b). arg(c). arg(a).").arguments) == 3
    with pytest.raises(InterchangeError, match=r"<apx>:2:9: error: the framework has"):
        from_apx("arg(a). arg(b).\narg(c). arg(d).")


def test_the_output_name_must_match_the_format(tmp_path: Path) -> None:
    """`export --to apx -o out.i23` wrote APX into a file named .i23."""
    refused = CliRunner().invoke(
        app, ["export", str(SEED), "--to", "apx", "-o", str(tmp_path / "out.i23")]
    )
    assert refused.exit_code == 2 and "does not match --to apx" in refused.output
    assert not (tmp_path / "out.i23").exists()


def test_an_import_error_shows_no_control_character_of_the_file(tmp_path: Path) -> None:
    """The line an error quotes went to the terminal as written: `ESC[2J` cleared it."""
    path = tmp_path / "x.i23"
    path.write_text("p af 2\n1 2\x1b[2J\x07\n")
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\u241b[2J\u2407" in result.output  # as the control pictures ␛ and ␇


def test_apx_quotes_the_word_that_asp_keeps_for_itself() -> None:
    """`arg(not).`, written plain, is a syntax error to clingo."""
    apx = to_apx(Framework.of(["not", "x"], [("x", "not")]))
    assert apx == 'arg("not").\narg(x).\natt(x,"not").\n'
    assert from_apx(apx) == Framework.of(["not", "x"], [("x", "not")])


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        (
            "arg(Big).\n",
            "1:5",
            '`Big` is no name in APX, which starts one with a small letter; quote it: `"Big"`',
        ),
        ("arg(a).\natt(a,Bee).\n", "2:7", "`Bee` is no name in APX"),
        ("arg(über).\n", "1:5", "id `über` has `ü` U+00FC"),
        ('arg("_a").\n', "1:5", "id `_a` starts with `_`; start it with an ASCII letter"),
        ("arg(a) arg(b).\n", "1:1", "expected `arg(x).` or `att(x,y).`"),
        # (Imported, a map that `check` refused: `attacks: null` names nothing to YAML.)
        ('arg(a).\narg("null").\n', "2:5", "id `null` is what YAML reads as no value"),
        ("arg(a).\narg(null).\natt(a,null).\n", "2:5", "(`attacks: null`): to YAML"),
        # Named by an attack alone: not "add `arg(null).`", which is refused.
        ("arg(a).\natt(a,null).\n", "2:7", "(`attacks: null`): to YAML"),
        ('arg(a).\natt(a,"_b").\n', "2:7", "id `_b` starts with `_`"),
    ],
)
def test_apx_says_which_name_is_wrong(text: str, where: str, said: str) -> None:
    """`arg(über).` and `arg(Big).` were "expected `arg(x).`", with no word of the name."""
    with pytest.raises(InterchangeError) as error:
        from_apx(text, "f.apx")
    assert f"f.apx:{where}:" in str(error.value) and said in str(error.value)


def test_imported_ids_that_other_yaml_readers_take_for_no_text_are_quoted() -> None:
    """YAML 1.2 readers (yq, js-yaml) read `1e3` and `0o17` as numbers, YAML 1.1's spec
    `y` and `n` as booleans; PyYAML reads them as text, and they were left plain."""
    ids = ["1e3", "0o17", "0x1F", ".5", "y", "N", "abc", "a1e3", "yes-no"]
    text = to_map_yaml(Framework.of(ids, []), "t")
    for quoted in ids[:6]:
        assert f"\n  '{quoted}':\n" in text
    for plain in ids[6:]:
        assert f"\n  {plain}:\n" in text


def test_a_quote_left_open_in_apx_is_said_where_it_is() -> None:
    """`arg("x` to the end of a 10 MB file took 1.7 GB to read, backtracking, and was said
    to be no fact at 1:1."""
    with pytest.raises(InterchangeError) as error:
        from_apx('arg(a).\narg("b c).\natt(a, "b c").\n', "q.apx")
    assert str(error.value).startswith(
        'q.apx:2:5: error: this `"` opens a name that its line does not close'
    )


def test_an_attack_written_again_and_again_is_kept_once() -> None:
    """One attack written 7 million times was kept 7 million times (1.2 GB) until the
    framework made a set of them."""
    import tracemalloc

    text = "arg(a).\n" + "att(a,a).\n" * 100_000
    tracemalloc.start()
    try:
        af = from_apx(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert af.attacks == frozenset({("a", "a")})
    assert peak < 4 * len(text), peak  # (the text blanked of comments, and little else)


def test_an_import_too_large_for_a_map_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,500 arguments that each attack all made a map of 79 MB, which every command then
    refused to read (over MAX_INPUT): it is not written."""
    import argmap.files

    i23 = tmp_path / "all.i23"
    i23.write_text("p af 30\n" + "".join(f"{a} {b}\n" for a in range(1, 31) for b in range(1, 31)))
    monkeypatch.setattr(argmap.files, "MAX_INPUT", 5_000)  # (the map is about 12 KB)
    out = tmp_path / "all.yaml"
    result = CliRunner().invoke(app, ["import", str(i23), "-o", str(out)])
    assert result.exit_code == 2
    assert "30 arguments and 900 attacks are too many" in result.output
    assert not out.exists()
