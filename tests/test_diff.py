"""`argmap diff`: two hand-made versions of the seed map, as text, JSON and a marked SVG."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import diff
from argmap.cli import app
from argmap.diff import diff_maps, word_diff
from argmap.loader import load
from argmap.render.theme import THEMES
from conftest import DATA, ROOT, SEED

MARK_COLOURS = THEMES["light"].marks

OLD = "tests/data/diff/old.yaml"
NEW = "tests/data/diff/new.yaml"
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


@pytest.fixture(autouse=True)
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output as a user in the repository sees them


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_diff_golden(fmt: str, golden) -> None:  # type: ignore[no-untyped-def]
    result = invoke("diff", OLD, NEW, "--format", fmt)
    assert result.exit_code == 0
    golden(f"diff/seed.{'txt' if fmt == 'text' else 'json'}", result.stdout)


def test_diff_finds_each_kind_of_change() -> None:
    old, new = load(OLD).map, load(NEW).map
    assert old is not None and new is not None
    d = diff_maps(old, new)
    status = {c.id: c.status for c in d.nodes}
    assert status == {
        "keep-targeting": "reworded",
        "mission": "added",
        "unwise": "changed",
        "party-unity": "removed",
    }
    assert {(r.source, r.target, r.status) for r in d.relations} == {
        ("mission", "keep-targeting", "added"),
        ("party-unity", "circular-firing-squad", "removed"),
        ("popular-agenda", "circular-firing-squad", "removed"),
        ("popular-agenda", "singular-focus", "added"),
    }
    assert [(e.id, e.status, e.fields) for e in d.entries] == [("benen", "changed", ("role",))]
    assert [(c.name, c.old, c.new) for c in d.heading] == [
        ("title", "MoveOn isn't backing off", "MoveOn is not backing off"),
        ("summary", old.summary, new.summary),
        ("render.direction", None, "BT"),
    ]
    assert [(c.name, c.old, c.new) for c in d.nodes[2].changes] == [
        ("quote", "very unwise and not helpful", None)
    ]
    assert diff_maps(old, old).empty


def test_a_text_over_lines_keeps_its_lines_apart_on_its_line() -> None:
    """`note: a b -> a c`: a `|` text's lines ran together, as in one sentence."""
    from argmap.diff import format_text
    from argmap.loader import loads

    def node(note: str) -> str:
        return f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C\n    note: |\n{note}"

    old, new = (loads(node(note)).map for note in ("      a\n      b\n", "      a\n      c\n"))
    assert old is not None and new is not None
    assert "c changed: note: a ⏎ b -> a ⏎ c" in format_text(diff_maps(old, new))
    added = loads(node("      a\n      b\n") + "  d:\n    text: |\n      One:\n      - two\n").map
    assert added is not None
    assert "claim d added: One: ⏎ - two" in format_text(diff_maps(old, added))


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("Café au lait", "Cafe\u0301\u00a0au lait", "the space U+00A0 NO-BREAK SPACE, `é` U+00E9"),
        ("A bike lane", "A bike\u200b lane", "the invisible character U+200B ZERO WIDTH SPACE"),
        # (The same characters in other places: none differs, and none was named.)
        ("ab\u200b cd", "ab \u200bcd", "the space U+0020 SPACE, the invisible character U+200B"),
    ],
)
def test_a_text_that_reads_alike_names_the_characters_it_differs_by(
    old: str, new: str, said: str
) -> None:
    """`[-café au lait-] {+café au lait+}`: a word diff of two texts that read alike."""
    from argmap.diff import format_text
    from argmap.loader import loads

    maps = [loads(f'argmap: 1\ntitle: T\nclaims:\n  c: {{text: "{t}"}}\n').map for t in (old, new)]
    assert maps[0] is not None and maps[1] is not None
    shown = format_text(diff_maps(maps[0], maps[1]))
    assert re.search(f"c reworded: only in [a-z ]* alike[a-z ]*: {re.escape(said)}", shown), shown


def test_word_diff() -> None:
    assert word_diff("keep targeting them", "keep pressuring them") == (
        "keep [-targeting-] {+pressuring+} them"
    )
    # Text without spaces, by its phrases (Japanese) or characters (Chinese), as lines
    # break it: it was one word, removed and added whole.
    assert word_diff("返還は可能だ。", "返還は十分に可能だ。") == "返還は{+十分に+}可能だ。"
    assert word_diff("中国的立场是明确的", "中国的立场很明确") == "中国的立场[-是-]{+很+}明确[-的-]"
    assert word_diff("", "new text") == "{+new text+}" and word_diff("same", "same") == "same"


def test_the_rewordings_of_one_diff_share_a_budget_of_words_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each rewording under the limit, 100 long texts reworded took 138 s: past twice the
    limit for the whole diff, a rewording is said as one replacement."""
    monkeypatch.setattr(diff, "_MOST_COMPARED", 100_000)  # each of these compares 87,025
    texts = [" ".join(f"w{i % k}" for i in range(300)) for k in (7, 5)]
    for name, text in zip(("a", "b"), texts, strict=True):
        nodes = "".join(f"  c{k}:\n    text: {text} end{k}\n" for k in range(4))
        (tmp_path / f"{name}.yaml").write_text(f"argmap: 1\ntitle: T\nclaims:\n{nodes}")
    lines = invoke("diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")).stdout.splitlines()
    reworded = [line for line in lines if " reworded: " in line]
    whole = [line.count("[-") == 1 for line in reworded]  # one replacement
    assert whole == [False, False, True, True]


def _sides(diff: str) -> tuple[str, str]:
    """The old and the new text of a word diff."""
    old = re.sub(r"\{\+.*?\+\}", "", diff).replace("[-", "").replace("-]", "")
    new = re.sub(r"\[-.*?-\]", "", diff).replace("{+", "").replace("+}", "")
    return " ".join(old.split()), " ".join(new.split())


def test_word_diff_keeps_a_clause_moved() -> None:
    """The fewest word edits replaced the whole text when a clause moved (a word changed
    costs one edit, a word moved two); the most words kept in order keep the clause."""
    old = "We must cut emissions now because the planet is warming fast"
    new = "Because the planet is warming fast we must cut emissions now"
    moved = word_diff(old, new)
    assert " the planet is warming fast " in moved and _sides(moved) == (old, new)


def test_word_diff_of_long_texts_of_repeated_words_is_quick() -> None:
    """difflib's time grows with the product of the words compared where they repeat:
    20,000 words of one took 87 s, 2,000 with every other one changed 110 s. The words
    both texts start and end with are set apart, and a change too large to compare word by
    word is said as one replacement."""
    old = "word " * 20_000
    assert word_diff(old, old.replace("word", "bird", 2)) == (
        "[-word word-] {+bird bird+}" + " word" * 19_998
    )
    assert word_diff("a b " * 5_000, "x " + "a b " * 5_000 + "y") == (
        "{+x+} " + " ".join(["a b"] * 5_000) + " {+y+}"
    )
    lorem = " ".join(["lorem"] * 2_000)
    ipsum = lorem.replace("lorem lorem", "lorem ipsum")
    every_other = word_diff(lorem, ipsum)  # (all 1,000 words kept that can be)
    assert _sides(every_other) == (lorem, ipsum)
    assert re.sub(r"\[-.*?-\]|\{\+.*?\+\}", "", every_other).split() == ["lorem"] * 1_000
    words = [f"w{i}" for i in range(20_000)]  # (20,000 by 20,000 words: past the budget)
    assert word_diff(" ".join(words), " ".join(words[::-1])) == (
        "[-" + " ".join(words) + "-] {+" + " ".join(words[::-1]) + "+}"
    )


def test_svg_says_what_the_drawing_lacks(tmp_path: Path) -> None:
    """The drawing's own warnings (here, grouping by tags in a map without any) were left
    unsaid by `diff -f svg`."""
    result = invoke("diff", OLD, NEW, "-f", "svg", "-o", str(tmp_path / "d.svg"))
    assert "no-groups" not in result.stderr
    grouped = tmp_path / "grouped.yaml"
    grouped.write_text(Path(NEW).read_text().replace("render:\n", "render:\n  group-by: tag\n"))
    result = invoke("diff", OLD, str(grouped), "-f", "svg", "-o", str(tmp_path / "d.svg"))
    assert result.exit_code == 0
    assert "warning[no-groups] grouping by tag draws no groups" in result.stderr


def test_svg_takes_the_drawing_options_of_render(tmp_path: Path) -> None:
    """--group-by, --direction and --wrap win over the map's `render:`, as in render; on a
    diff that draws nothing they are refused, not ignored."""
    out = tmp_path / "d.svg"
    result = invoke("diff", OLD, NEW, "-o", str(out), "--group-by", "actor", "--wrap", "60")
    assert result.exit_code == 0
    groups = [g for g in ET.parse(out).iter(f"{SVG}g") if g.get("class") == "cluster"]
    assert len(groups) > 1  # the actors' frames and the legend
    result = invoke("diff", OLD, NEW, "--direction", "LR", "--theme", "dark")
    assert result.exit_code == 2
    assert "--direction and --theme are for the drawing: add -f svg" in result.stderr


def test_svg_marks_changes_in_colour_and_words(tmp_path: Path) -> None:
    out = tmp_path / "diff.svg"
    assert invoke("diff", OLD, NEW, "--format", "svg", "-o", str(out)).exit_code == 0
    root = ET.parse(out).getroot()

    def stroke(element_id: str) -> str:
        group = root.find(f".//{SVG}g[@id='{element_id}']")
        assert group is not None, element_id
        shape = next(e for e in group.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
        return shape.get("stroke", "").upper()

    assert stroke("mission") == MARK_COLOURS["added"]
    assert stroke("party-unity") == MARK_COLOURS["removed"]
    assert stroke("keep-targeting") == MARK_COLOURS["changed"]
    assert stroke("unwise") == MARK_COLOURS["changed"]
    assert stroke("popular-agenda->singular-focus") == MARK_COLOURS["added"]
    assert stroke("popular-agenda->circular-firing-squad") == MARK_COLOURS["removed"]
    assert stroke("elected-to-do") not in MARK_COLOURS.values()
    faded = root.find(f".//{SVG}g[@id='party-unity']//{SVG}text[2]")
    assert faded is not None and faded.get("fill") == "#666666"

    def outline(element_id: str) -> tuple[str, str]:
        """The tag of the element's first shape (a rounded box is a path) and its dashes."""
        group = root.find(f".//{SVG}g[@id='{element_id}']")
        assert group is not None, element_id
        shape = next(e for e in group.iter() if e.tag in (f"{SVG}path", f"{SVG}polygon"))
        return shape.tag.removeprefix(SVG), shape.get("stroke-dasharray", "")

    # Removed: dotted, apart from a rebuttal's own dashes and an attack's (in print, a
    # changed rebuttal looked removed), in the shape of its kind (a rebuttal's rounded box).
    assert outline("party-unity") == ("path", "1,5")
    assert outline("popular-agenda->circular-firing-squad")[1] == "1,5"
    assert outline("elected-to-do") == ("path", "5,2")
    assert outline("mission")[1] == ""  # (a reason, added: its own solid border)

    def kind_line(element_id: str) -> str:
        text = root.find(f".//{SVG}g[@id='{element_id}']//{SVG}text")
        assert text is not None and text.text is not None
        return text.text

    assert kind_line("mission") == "REASON · ADDED"
    assert kind_line("party-unity") == "REBUTTAL · REMOVED"
    assert kind_line("unwise") == "OBJECTION · CHANGED"
    assert kind_line("elected-to-do") == "REBUTTAL"
    # The legend shows each mark the drawing holds, drawn as the nodes are.
    for mark in ("added", "removed", "changed"):
        assert stroke(f"_legend_{mark}") == MARK_COLOURS[mark]
    assert "green added" not in out.read_text()  # (words the samples replace)

    def height(element_id: str) -> float:
        text = root.find(f".//{SVG}g[@id='{element_id}']//{SVG}text")
        assert text is not None
        return float(text.get("y", "0"))

    # The new version's `render: {direction: BT}` puts the claims at the bottom.
    assert height("keep-targeting") > height("party-unity")


def test_print_draws_a_diff_in_greys(tmp_path: Path) -> None:
    out = tmp_path / "diff.svg"
    assert invoke("diff", OLD, NEW, "-o", str(out), "--theme", "print").exit_code == 0
    colours = set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{6})"', out.read_text()))
    assert colours and all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_old_version_from_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    shutil.copy(DATA / "diff" / "old.yaml", repo / "maps" / "x.yaml")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "old"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)
    shutil.copy(DATA / "diff" / "new.yaml", repo / "maps" / "x.yaml")
    monkeypatch.chdir(repo)
    result = invoke("diff", "HEAD", "maps/x.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("--- HEAD:maps/x.yaml\n+++ maps/x.yaml\n")
    assert "+ reason mission added" in result.stdout
    missing = invoke("diff", "HEAD~5", "maps/x.yaml")
    assert missing.exit_code == 2
    assert "cannot read maps/x.yaml at `HEAD~5`" in missing.output
    # (No such commit: its name to check, not a map added since.)
    assert "`git log --oneline` lists the commits" in missing.output
    assert "/dev/null" not in missing.output
    # git's REV:path, as the header writes it: a map renamed since (x.yaml -> y.yaml).
    shutil.move(repo / "maps" / "x.yaml", repo / "maps" / "y.yaml")
    renamed = invoke("diff", "HEAD:maps/x.yaml", "maps/y.yaml")
    assert renamed.exit_code == 0, renamed.output
    assert renamed.stdout.startswith("--- HEAD:maps/x.yaml\n+++ maps/y.yaml\n")
    added = invoke("diff", "HEAD", "maps/y.yaml")
    assert added.exit_code == 2 and "argmap diff /dev/null maps/y.yaml" in added.output
    # Nor on disk: the path is mistyped ("argmap diff /dev/null gone.yaml" failed too).
    gone = invoke("diff", "HEAD", "maps/gone.yaml")
    assert gone.exit_code == 2 and "nor is there such a file now" in gone.output
    assert "/dev/null" not in gone.output
    # A revision with no file to read at it (git's words were of a filesystem boundary).
    for new in (os.devnull, "-"):
        bare = invoke("diff", "HEAD", new)
        assert bare.exit_code == 2 and f"`argmap diff HEAD:path/map.yaml {new}`" in bare.output
    # git's words whole, for a revision with a line break (cut at it: "foo'.").
    broken = invoke("diff", "HEAD\nfoo", "maps/y.yaml")
    assert broken.exit_code == 2 and "invalid object name 'HEAD\u240afoo'" in broken.output
    # As in git, REV:path is from the top of the work tree, REV:./path from here.
    monkeypatch.chdir(repo / "maps")
    for spec in ("HEAD:maps/x.yaml", "HEAD:./x.yaml"):
        below = invoke("diff", spec, "y.yaml")
        assert below.exit_code == 0, below.output
        assert "+ reason mission added" in below.stdout
    # ... where `HEAD:x.yaml`, not at the top, was said to be a map added since, or renamed.
    top = invoke("diff", "HEAD:x.yaml", "y.yaml")
    assert top.exit_code == 2
    assert "from the top of the repository; for x.yaml in this folder, write `HEAD:./x.yaml`" in (
        top.output
    )
    # ... and git's index, `:x.yaml`, was "neither a file nor a revision": check its name.
    staged = invoke("diff", ":x.yaml", "y.yaml")
    assert staged.exit_code == 2 and "write `:./x.yaml`" in staged.output, staged.output
    # Here the old side is labelled with its path from the top, which reads it again:
    # `HEAD:x.yaml` was "cannot read x.yaml at `HEAD`".
    shutil.copy(repo / "maps" / "y.yaml", repo / "maps" / "x.yaml")
    labelled = invoke("diff", "HEAD", "x.yaml")
    assert labelled.stdout.startswith("--- HEAD:maps/x.yaml\n+++ x.yaml\n"), labelled.output
    again = invoke("diff", "HEAD:maps/x.yaml", "x.yaml")
    assert (again.exit_code, again.stdout) == (0, labelled.stdout)
    # A folder at the revision: git lists its files, which read as a map of the wrong type.
    folder = invoke("diff", "HEAD:maps", "x.yaml")
    assert (folder.exit_code, folder.stderr) == (
        2,
        "argmap: error: maps is a folder at `HEAD`, not a map file; name a map in it, such "
        "as HEAD:maps/map.yaml\n",
    )
    # A revision with a pattern's characters: `git show` took it for paths to match, and
    # showed nothing, which read as an empty map (exit 1, "the file is empty").
    for revision in ("HEAD[1]", "HEA?", "HEAD*"):
        pattern = invoke("diff", revision, "x.yaml")
        assert pattern.exit_code == 2, pattern.output
        assert f"cannot read x.yaml at `{revision}`: invalid object name" in pattern.output
    # A file over the size of any input, at a revision: refused, as it is on disk (git
    # read 270 MB into memory, 884 MB of it).
    monkeypatch.setattr("argmap.revisions.MAX_INPUT", 2**20)
    (repo / "maps" / "big.yaml").write_text("# " + "x" * 2**20 + "\n")
    for args in (["add", "-A"], ["commit", "-qm", "big"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)
    big = invoke("diff", "HEAD", "big.yaml")
    assert big.exit_code == 2 and "big.yaml at `HEAD`: it is larger than 1 MiB" in big.output
    # A map committed as a symbolic link is read where it links to, at the revision: its
    # link's text was read as the map ("must be a mapping of sections, not text").
    (repo / "versions").mkdir()
    shutil.copy(DATA / "diff" / "old.yaml", repo / "versions" / "v1.yaml")
    (repo / "maps" / "current.yaml").symlink_to("../versions/v1.yaml")
    (repo / "maps" / "out.yaml").symlink_to("../../elsewhere.yaml")
    (repo / "maps" / "loop.yaml").symlink_to("loop.yaml")
    for args in (["add", "-A"], ["commit", "-qm", "linked"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)
    shutil.copy(DATA / "diff" / "new.yaml", repo / "versions" / "v1.yaml")
    for old in ("HEAD", "HEAD:maps/current.yaml", "HEAD:./current.yaml", ":./current.yaml"):
        linked = invoke("diff", old, "current.yaml")
        assert linked.exit_code == 0 and "+ reason mission added" in linked.stdout, old
    outside = invoke("diff", "HEAD", "out.yaml")
    assert outside.stderr == (
        "argmap: error: out.yaml at `HEAD` is a symbolic link to ../../elsewhere.yaml, "
        "outside the repository\n"
    )
    looping = invoke("diff", "HEAD", "loop.yaml")
    assert looping.stderr == "argmap: error: loop.yaml at `HEAD` is a loop of symbolic links\n"
    staged = invoke("diff", ":maps/loop.yaml", "loop.yaml")  # (git's index, `:path`)
    assert "maps/loop.yaml in git's index is a loop of symbolic links" in staged.stderr


def test_the_old_maps_errors_are_printed_and_the_exit_code_is_the_new_ones(
    tmp_path: Path,
) -> None:
    """An OLD with a dangling reference was diffed without a word about it."""
    old = tmp_path / "old.yaml"
    old.write_text(Path(NEW).read_text().replace("attacks: [", "attacks: [gone, ", 1))
    result = invoke("diff", str(old), NEW)
    assert result.exit_code == 0, result.output
    assert "error[unknown-reference]" in result.stderr and "names `gone`" in result.stderr
    assert f"argmap: {old} has errors (above); the diff is from the map as it was" in result.stderr
    assert invoke("diff", NEW, str(old)).exit_code == 1
    # The same file on both sides: its errors once, as the map's (they were said twice).
    same = invoke("diff", str(old), str(tmp_path / ".." / tmp_path.name / "old.yaml"))
    assert same.exit_code == 1 and same.stderr.count("names `gone`") == 1
    assert "the map has errors (above)" in same.stderr


def test_unreadable_map_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: 'open\n")
    result = invoke("diff", OLD, str(broken))
    assert result.exit_code == 1
    assert "error[yaml-syntax]" in result.output
    # (Said to be why there is no diff: its errors alone were printed, and a summary.)
    assert result.stderr.endswith(f"no diff: {broken} cannot be read as a map (errors above)\n")
    # An old side that cannot be read: said to be the reason there is no diff (its errors
    # alone were printed, and nothing else).
    old = invoke("diff", str(broken), NEW)
    assert old.exit_code == 1 and "error[yaml-syntax]" in old.stderr
    assert old.stderr.endswith(
        f"no diff: the old map, {broken}, cannot be read (errors above); fix it, or compare "
        "another version\n"
    )
    # Neither side readable: both sides' errors, not one fix and then the next.
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    both = invoke("diff", str(broken), str(empty))
    assert both.exit_code == 1 and "error[yaml-syntax]" in both.stderr
    assert f"{empty}:1:1: error[missing-field] the file is empty" in both.stderr
    assert both.stderr.endswith(
        "2 files checked: 2 errors\nno diff: neither map can be read (errors above)\n"
    )


def test_an_old_side_that_is_no_file_is_named_as_such(tmp_path: Path) -> None:
    """A mistyped file, a folder, or a link that leads nowhere as OLD was reported in
    git's words: "not a git repository", "invalid object name"."""
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    for old, said in (
        (str(tmp_path / "loop.yaml"), "loop.yaml: a link that loops, or leads on through"),
        (str(tmp_path / "typo.yaml"), "typo.yaml: no such file, nor a git revision"),
        (str(tmp_path), "is a folder; diff compares two maps"),
        (str(tmp_path / "gone.yaml"), "gone.yaml: a link that leads nowhere, nor a git"),
    ):
        result = invoke("diff", old, OLD)
        assert result.exit_code == 2 and said in result.output, result.output


def test_a_revision_of_a_file_in_no_repository_is_said_so(tmp_path: Path) -> None:
    """Said with git's words, and the advice for a map added since a revision."""
    outside = tmp_path / "x.yaml"
    shutil.copy(NEW, outside)
    result = invoke("diff", "HEAD", str(outside))
    assert result.exit_code == 2
    assert f"{outside} is in no git repository: nothing is at `HEAD`" in result.output
    assert "compare it with another file" in result.output and "/dev/null" not in result.output


def test_dev_null_is_no_map_as_in_git() -> None:
    new = load(NEW).map
    assert new is not None
    added = json.loads(invoke("diff", os.devnull, NEW, "-f", "json").stdout)
    assert [n["id"] for n in added["nodes"]] == list(new.nodes)
    assert {n["status"] for n in added["nodes"]} == {"added"}
    heading = {c["field"]: (c["old"], c["new"]) for c in added["map"]}  # all of it added
    assert heading == {"title": (None, new.title), "summary": (None, new.summary)} | {
        f"render.{key}": (None, value) for key, value in new.render.items()
    }
    text = invoke("diff", os.devnull, NEW).stdout
    assert f"+ map title: {new.title}\n" in text and "map: title added, summary added" in text
    assert " changed" not in text.splitlines()[-1]
    removed = invoke("diff", NEW, os.devnull)
    assert removed.exit_code == 0
    assert f"- map title: {new.title}\n" in removed.stdout
    assert f"nodes: {len(new.nodes)} removed" in removed.stdout
    entries = len(new.actors) + len(new.sources)
    assert f"actors and sources: {entries} removed" in removed.stdout  # not "changed"
    assert invoke("diff", os.devnull, os.devnull).exit_code == 2


def test_an_actor_or_source_whose_id_alone_changed_is_renamed(tmp_path: Path) -> None:
    """It was one removed and one added, and each node by it or citing it changed."""
    seed = Path(SEED).read_text()
    assert re.search(r"\bruben\b", seed) and re.search(r"\bbenen\b", seed)
    renamed = tmp_path / "renamed.yaml"
    # (`benen` is an actor and a source: both renamed, apart.)
    renamed.write_text(re.sub(r"\bbenen\b", "benen-2009", re.sub(r"\bruben\b", "jr", seed)))
    text = invoke("diff", str(SEED), str(renamed)).stdout
    assert text.splitlines()[2:] == [
        "~ actor jr renamed from ruben",
        "~ actor benen-2009 renamed from benen",
        "~ source benen-2009 renamed from benen",
        "nodes: no change; relations: no change; actors and sources: 3 renamed",
    ]
    entries = json.loads(invoke("diff", str(SEED), str(renamed), "-f", "json").stdout)["entries"]
    assert [e.get("old_id") for e in entries] == ["ruben", "benen", "benen"]
    # Drawn, where no node shows it (the names are as they were): said in the legend.
    out = tmp_path / "d.svg"
    assert invoke("diff", str(SEED), str(renamed), "-o", str(out)).exit_code == 0
    lines = [t.text or "" for t in ET.parse(out).iter(f"{SVG}text")]
    legend = " ".join(lines)
    said = "also changed: actor\xa0jr\xa0renamed\xa0from\xa0ruben, "
    said += "actor\xa0benen-2009\xa0renamed\xa0from\xa0benen, "
    assert said + "source\xa0benen-2009\xa0renamed\xa0from\xa0benen" in legend
    assert "more (see" not in legend
    assert not any(line.endswith(("actor", "source")) for line in lines)  # (its id on the next)
    # A field of an entry, and the map's title (the drawing has the new one): which ones.
    changed = seed.replace("name: Justin Ruben", "name: J. Ruben").replace(
        "title: ", "title: New ", 1
    )
    edited = tmp_path / "edited.yaml"
    edited.write_text(changed)
    assert invoke("diff", str(SEED), str(edited), "-o", str(out)).exit_code == 0
    legend = " ".join(t.text or "" for t in ET.parse(out).iter(f"{SVG}text"))
    assert "also changed: the\xa0map's\xa0title, actor\xa0ruben's\xa0name" in legend
    # Renamed and its name changed too: another actor.
    other = renamed.read_text().replace("name: Justin Ruben", "name: J. Ruben")
    renamed.write_text(other)
    text = invoke("diff", str(SEED), str(renamed)).stdout
    assert "+ actor jr added" in text and "- actor ruben removed" in text


def test_a_node_whose_id_alone_changed_is_renamed(tmp_path: Path) -> None:
    """Renaming an id (and the references to it) is one change, not a node removed, one
    added and every relation of it moved."""
    old = (ROOT / OLD).read_text()
    assert old.count("unwise") > 1  # the objection, and the rebuttals that attack it
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(re.sub(r"(?<!very )unwise", "very-unwise", old))  # the id, not the text
    text = invoke("diff", OLD, str(renamed)).stdout
    assert "~ objection very-unwise renamed from unwise\n" in text
    assert "relations: no change" in text and "nodes: 1 renamed" in text
    data = json.loads(invoke("diff", OLD, str(renamed), "-f", "json").stdout)
    [node] = data["nodes"]
    assert (node["id"], node["status"], node["old_id"]) == ("very-unwise", "renamed", "unwise")
    both = invoke("diff", OLD, str(renamed), "--evaluate", "grounded").stdout
    assert "no claim changed" in both
    drawn = tmp_path / "diff.svg"
    assert invoke("diff", OLD, str(renamed), "-f", "svg", "-o", str(drawn)).exit_code == 0
    svg = drawn.read_text()
    old_map = load(OLD).map
    assert old_map is not None
    assert "RENAMED FROM unwise" in svg  # the id as written
    # once each, and the legend's samples: four kinds and the mark `changed`
    assert svg.count('class="node') == len(old_map.nodes) + 4 + 1


def test_white_space_that_no_drawing_shows_is_no_change(tmp_path: Path) -> None:
    """A field rewritten as a `|` block (which ends in a line break), or with two spaces
    for one, was reported as changed, the word diff marking nothing; a line break moved,
    which drawings show, is said in words."""
    head = "argmap: 1\ntitle: T\nsummary: Is knowledge JTB?\nclaims:\n  jtb:\n"
    sides = {
        "old": head + "    text: K is JTB.\n    note: A note.\n",
        "blocks": "argmap: 1\ntitle: T\nsummary: |\n  Is  knowledge JTB?\n\nclaims:\n"
        '  jtb:\n    text: " K is  JTB. "\n    note: |\n      A note.\n\n',
        "broken": head
        + "    text: |\n      K is\n      JTB.\n    note: |-\n      A\n      note.\n",
    }
    for name, text in sides.items():
        (tmp_path / f"{name}.yaml").write_text(text)
    old, blocks, broken = (str(tmp_path / f"{name}.yaml") for name in sides)
    assert invoke("diff", old, blocks).stdout.endswith("no changes\n")
    # A no-break space, which keeps words together in drawings, for a space: a change.
    spaced = tmp_path / "spaced.yaml"
    spaced.write_text(sides["old"].replace("K is JTB.", '"K is\\u00a0JTB."'))
    assert (
        "reworded: only in its spaces: a no-break space" in invoke("diff", old, str(spaced)).stdout
    )
    lines = invoke("diff", old, broken).stdout.splitlines()
    assert lines[2:4] == [
        "~ claim jtb reworded: only in where its lines break, now: K is ⏎ JTB. (also note: "
        "only in where its lines break, now: A ⏎ note.)",
        "nodes: 1 reworded; relations: no change; actors and sources: no change",
    ]
    # Renamed as well: the line breaks are still said (they were dropped with the id's news).
    moved = tmp_path / "moved.yaml"
    moved.write_text(sides["broken"].replace("  jtb:", "  k-is-jtb:"))
    assert invoke("diff", old, str(moved)).stdout.splitlines()[2] == (
        "~ claim k-is-jtb renamed from jtb (also text: only in where its lines break, now: "
        "K is ⏎ JTB.; note: only in where its lines break, now: A ⏎ note.)"
    )


def test_the_order_of_actors_is_a_change(tmp_path: Path) -> None:
    """The first actor leads the byline and the group a node is drawn in."""
    head = "argmap: 1\ntitle: J\nactors: {ann: {name: Ann}, bob: {name: Bob}}\nclaims:\n"
    (tmp_path / "a.yaml").write_text(head + "  c1: {text: C., by: [ann, bob]}\n")
    (tmp_path / "b.yaml").write_text(head + "  c1: {text: C., by: [bob, ann]}\n")
    text = invoke("diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")).stdout
    assert "~ claim c1 changed: by: [ann, bob] -> [bob, ann]" in text


def test_json_is_machine_readable() -> None:
    data = json.loads(invoke("diff", OLD, NEW, "-f", "json").stdout)
    assert {n["status"] for n in data["nodes"]} == {"added", "removed", "reworded", "changed"}


def test_evaluate_says_which_claims_changed_verdict(tmp_path: Path) -> None:
    text = (DATA / "diff" / "new.yaml").read_text()
    # No rebuttal answers Reid any more: his objection stands and the claim falls.
    text = text.replace("attacks: [unwise, singular-focus]", "attacks: [singular-focus]")
    text = text.replace(
        "attacks: [unwise, circular-firing-squad]", "attacks: [circular-firing-squad]"
    )
    newer = tmp_path / "newer.yaml"
    newer.write_text(text)
    result = invoke("diff", OLD, str(newer), "--evaluate", "grounded")
    assert result.stdout.endswith("verdicts under grounded:\n~ keep-targeting: in -> out\n")
    data = json.loads(
        invoke("diff", OLD, str(newer), "-f", "json", "--evaluate", "grounded").stdout
    )
    assert data["verdicts"]["changed"] == [{"claim": "keep-targeting", "old": "in", "new": "out"}]
    svg = invoke("diff", OLD, str(newer), "-f", "svg", "--evaluate", "grounded").stdout
    # (Each node says what the summary says of it: the claim was reworded.)
    assert svg.count("CLAIM · REWORDED · IN → OUT") == 1
    assert ">claims whose verdict under<" in svg and ">grounded changed say how<" in svg
    same = invoke("diff", OLD, NEW, "--evaluate", "preferred")
    assert same.stdout.endswith("verdicts under preferred: no claim changed\n")
    # The legend says so too, not that the claims whose verdict changed say how.
    svg = invoke("diff", OLD, NEW, "-f", "svg", "--evaluate", "preferred").stdout
    assert "say how" not in svg and ">no claim&#39;s verdict<" in svg


def test_a_claim_that_stands_as_it_stood_is_no_change_when_extensions_grow() -> None:
    """Out in the one preferred extension of the old version and in none of the two of
    the new, `c` is rejected in both: said as `out -> rejected` before. Labels where each
    version has one extension, statuses otherwise."""
    from argmap.diff import verdict_changes
    from argmap.loader import loads

    old = "argmap: 1\ntitle: t\nclaims: {c: {text: C}, d: {text: D}}\n"
    old += "objections: {o: {text: O, attacks: c}}\n"
    new = old.replace(
        "objections: {o: {text: O, attacks: c}}",
        "objections: {o: {text: O, attacks: c}, p: {text: P, attacks: [d, q]},"
        " q: {text: Q, attacks: p}}",
    )
    before, after = loads(old).map, loads(new).map
    assert before is not None and after is not None
    assert verdict_changes(before, after, "preferred").changed == [
        {"claim": "d", "old": "accepted", "new": "contested"}
    ]
    assert verdict_changes(before, after, "grounded").changed == [
        {"claim": "d", "old": "in", "new": "undec"}
    ]


def test_verdicts_say_which_versions_scores_did_not_converge(tmp_path: Path) -> None:
    """Two objections of weight 1 that attack each other, one the claim: DF-QuAD's scores
    oscillate, and `evaluate` says so; `diff --evaluate df-quad` gave the last round's
    score of the claim as its new verdict without a word."""
    head = "argmap: 1\ntitle: T\nclaims:\n  c: {text: C., weight: 1}\nobjections:\n"
    (tmp_path / "old.yaml").write_text(head + "  a: {text: A., attacks: c, weight: 1}\n")
    (tmp_path / "new.yaml").write_text(
        head
        + "  a: {text: A., attacks: [c, b], weight: 1}\n  b: {text: B., attacks: a, weight: 1}\n"
    )
    old, new = str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")
    text = invoke("diff", old, new, "--evaluate", "df-quad")
    assert text.stdout.endswith(
        "(df-quad did not converge on the new map after 10,000 rounds: its scores are the "
        "last round's)\n"
    )
    document = json.loads(invoke("diff", old, new, "--evaluate", "df-quad", "-f", "json").stdout)
    assert document["verdicts"]["unconverged"] == ["new"]
    settled = json.loads(invoke("diff", old, old, "--evaluate", "df-quad", "-f", "json").stdout)
    assert settled["verdicts"]["unconverged"] == []
    svg = invoke("diff", old, new, "--evaluate", "df-quad", "-f", "svg").stdout
    words = " ".join(re.findall(r">([^<>]+)</text>", html.unescape(svg)))
    assert "df-quad did not converge on the new map after 10,000 rounds:" in words


def test_svg_warns_when_both_versions_together_clash(tmp_path: Path) -> None:
    """Renaming `a_r` to `r` is what svg-id-clash asks for; drawn together, the removed
    `a_r` and the added `r` would share an SVG id, and the diff says so."""
    head = "argmap: 1\ntitle: T\nclaims:\n  c: {text: C.}\nreasons:\n"
    (tmp_path / "old.yaml").write_text(head + "  a_r: {text: Old., supports: c}\n")
    (tmp_path / "new.yaml").write_text(head + "  r: {text: New., supports: c}\n")
    result = invoke(
        "diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", "svg"
    )
    assert result.exit_code == 0
    assert "warning[svg-id-clash]" in result.stderr and "`a_r`" in result.stderr


def test_the_output_name_gives_the_format(tmp_path: Path) -> None:
    """`diff -o changes.svg` wrote the text report into a file named .svg."""
    drawing, report = tmp_path / "changes.svg", tmp_path / "changes.json"
    assert invoke("diff", OLD, NEW, "-o", str(drawing)).exit_code == 0
    ET.fromstring(drawing.read_bytes())  # an SVG
    assert invoke("diff", OLD, NEW, "-o", str(report)).exit_code == 0
    assert "nodes" in json.loads(report.read_text())
    refused = invoke("diff", OLD, NEW, "-o", str(drawing), "--format", "text")
    assert refused.exit_code == 2 and "does not match --format text" in refused.output
    # A drawing's name diff cannot write: the text report went into `changes.png`.
    png = invoke("diff", OLD, NEW, "-o", str(tmp_path / "changes.png"))
    assert png.exit_code == 2 and "diff writes text, json or svg, not png" in png.output
    assert not (tmp_path / "changes.png").exists()


def test_json_escapes_the_controls_a_map_holds(tmp_path: Path) -> None:
    """`new_text` held a C1 control (`\\x9b2J`, which a terminal reads as "clear the
    screen"), a right-to-left override and DEL as they are; JSON's escapes keep them."""
    text = "new\x9b2J\u202eevil\x7f"
    (tmp_path / "old.yaml").write_text("argmap: 1\ntitle: t\nclaims:\n  c: {text: old}\n")
    new = json.dumps(text)  # (a YAML double-quoted string)
    (tmp_path / "new.yaml").write_text(f"argmap: 1\ntitle: t\nclaims:\n  c: {{text: {new}}}\n")
    result = invoke(
        "diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--format", "json"
    )
    assert not any(c in result.stdout for c in "\x9b\u202e\x7f")
    assert '"new\\u009b2J\\u202eevil\\u007f"' in result.stdout
    assert text in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_a_drawing_too_large_to_lay_out_is_told_to_diff_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal's advice was render's, `--focus`, which diff has not."""
    import argmap.render

    monkeypatch.setattr(argmap.render, "MAX_EDGES", 10)  # (the seed map has 13)
    result = runner.invoke(app, ["diff", os.devnull, str(SEED), "-o", str(tmp_path / "d.svg")])
    assert result.exit_code == 1
    assert "compare them as text, `-f text`" in result.output and "--focus" not in result.output


def test_a_revision_without_git_says_git_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no git, a revision was "cannot run git: [Errno 2] ...", then a hint of a map
    added since."""
    monkeypatch.setenv("PATH", str(tmp_path))  # (a folder without git)
    shutil.copy(NEW, tmp_path / "x.yaml")
    result = invoke("diff", "HEAD", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert "git is not installed, so no revision can be read" in result.output
    assert "/dev/null" not in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_a_revision_of_a_repository_without_commits_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git init`, then `argmap diff HEAD x.yaml`: "check its name: `git log --oneline`
    lists the commits", which fails there too."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, capture_output=True)
    shutil.copy(NEW, tmp_path / "x.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke("diff", "HEAD", "x.yaml")
    assert result.exit_code == 2
    assert "the repository has no commits yet; commit the map first" in result.output


def test_a_diff_is_coloured_as_git_colours_its_own() -> None:
    """Each change's line in its sign's colour, a rewording's words removed in red and
    added in green (their marks kept), the two maps' names bold, the summary plain."""
    text = (
        "--- a.yaml\n+++ b.yaml\n~ claim c reworded: A [-big-] {+small+} step.\n"
        "+ reason r added: B.\n- objection o removed: C.\nnodes: 1 reworded\n"
    )
    assert diff.coloured(text).splitlines() == [
        "\x1b[1m--- a.yaml\x1b[0m",
        "\x1b[1m+++ b.yaml\x1b[0m",
        "\x1b[33m~ claim c reworded: A \x1b[31m[-big-]\x1b[33m \x1b[32m{+small+}\x1b[33m "
        "step.\x1b[0m",
        "\x1b[32m+ reason r added: B.\x1b[0m",
        "\x1b[31m- objection o removed: C.\x1b[0m",
        "nodes: 1 reworded",
    ]


def test_the_diff_is_coloured_on_a_terminal_not_in_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With FORCE_COLOR (as on a terminal) the diff written out is coloured; written to a
    file with -o, or piped without it, it is plain."""
    new = tmp_path / "new.yaml"
    new.write_text(SEED.read_text().replace("MoveOn will keep", "MoveOn shall keep"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" not in invoke("diff", str(SEED), str(new)).output
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[31m[-will-]" in invoke("diff", str(SEED), str(new)).output
    invoke("diff", str(SEED), str(new), "-o", str(tmp_path / "diff.txt"))
    assert "[-will-]" in (written := (tmp_path / "diff.txt").read_text())
    assert "\x1b[" not in written
