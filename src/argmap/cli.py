"""The `argmap` command. Parses options, calls the library, prints, picks the exit code.

Library modules are imported inside the commands, so that `argmap --version` stays instant.
Exit codes: 0 fine, 1 the maps have errors, 2 usage or I/O error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from argmap import __version__

app = typer.Typer(
    name="argmap",
    help="Argument maps as code: check, show and render debates written in YAML.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"argmap: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Argument maps as code: check, show and render debates written in YAML."""


def _terminal(stream: object) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def _color() -> bool:
    return (
        _terminal(sys.stdout) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    )


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Map files or folders of maps (*.yaml, *.yml); - is stdin.")
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, github or sarif.")
    ] = "text",
    select: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(help="Only these rule ids (comma-separated or repeated)."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(help="Skip these rule ids (comma-separated or repeated)."),
    ] = None,
    strict: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--strict/--no-strict", help="Fail on warnings too."),
    ] = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="Settings file (default: nearest .argmap.toml or pyproject.toml)."),
    ] = None,
    show_source: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--show-source/--no-show-source",
            help="Print the offending line under each problem (default: on a terminal).",
        ),
    ] = None,
) -> None:
    """Check maps for errors and warnings; exit 1 if any map has errors."""
    from argmap import config as settings_file
    from argmap.checker import check as run_check
    from argmap.diagnostics import did_you_mean
    from argmap.report import MACHINE_FORMATS, REPORTERS, Style, summary

    reporter = REPORTERS.get(output_format)
    if reporter is None:
        hint = did_you_mean(output_format, REPORTERS, fallback="")
        _fail(f"unknown format `{output_format}`; choose {', '.join(REPORTERS)}. {hint}".strip())
    try:
        found = config if config is not None else settings_file.find(Path.cwd())
        if config is not None and not config.is_file():
            _fail(f"settings file {config} does not exist")
        settings = settings_file.load(found).override(select, ignore, strict)
    except settings_file.ConfigError as error:
        _fail(str(error))
    result = run_check(paths, settings)
    style = Style(
        color=output_format == "text" and _color(),
        show_source=_terminal(sys.stdout) if show_source is None else show_source,
    )
    reporter(result, sys.stdout, style)
    if output_format in MACHINE_FORMATS:
        typer.echo(summary(result), err=True)
    raise typer.Exit(result.exit_code)


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="A map file; - is stdin.")],
) -> None:
    """Print the map as a tree: each claim, the reasons and objections under it, and so on."""
    from argmap.loader import load
    from argmap.show import print_outline

    loaded = load(path)
    if loaded.map is None:
        from argmap.checker import CheckResult, FileReport
        from argmap.report import Style, write_text

        result = CheckResult((FileReport(loaded.path, loaded.text, loaded.diagnostics),))
        write_text(result, sys.stderr, Style())
        raise typer.Exit(result.exit_code)
    print_outline(loaded.map, sys.stdout, color=_color())


@app.command()
def new(
    path: Annotated[Path, typer.Argument(help="Where to write the new map.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter map that passes `argmap check`."""
    from importlib.resources import files

    from argmap.files import write_atomic

    if path.exists() and not force:
        _fail(f"{path} already exists; use --force to overwrite it")
    if not path.parent.is_dir():
        _fail(f"folder {path.parent} does not exist")
    template = files("argmap").joinpath("starter.yaml").read_text(encoding="utf-8")
    try:
        write_atomic(path, template.replace("THIS_FILE", str(path)))
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    typer.echo(f"wrote {path}; next: argmap check {path}")


@app.command()
def rules(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, or markdown (docs/rules.md).")
    ] = "text",
) -> None:
    """List every rule: id, severity and what it checks."""
    from argmap.rules.docs import markdown, table

    if output_format not in ("text", "markdown"):
        _fail(f"unknown format `{output_format}`; choose text or markdown")
    typer.echo(table() if output_format == "text" else markdown(), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editors and other tools)."""
    from importlib.resources import files

    typer.echo(files("argmap").joinpath("schema.json").read_text(encoding="utf-8"), nl=False)


def main() -> None:
    """Entry point of the console script: usage errors exit 2, interrupts 130."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `argmap check ... | head`
        sys.stderr.close()
        sys.exit(1)
