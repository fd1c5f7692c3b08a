"""The `argmap` command. Parses options, calls the library, prints, picks the exit code.

Library modules are imported inside the commands, so that `argmap --version` stays instant.
Exit codes: 0 fine, 1 the maps have errors, 2 usage or I/O error.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import re
import shlex
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

from argmap import __version__
from argmap.printable import printable, short_quotes

if TYPE_CHECKING:
    from argmap.config import Resolver, Settings
    from argmap.diagnostics import Diagnostic
    from argmap.diff import Verdicts
    from argmap.render.batch import Job, Outcome

# The parser's errors: click's ClickException, of which typer 0.29 carries a copy.
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


class _Commands(typer.core.TyperGroup):
    """argmap's commands. A mistake on the command line that the parser finds (an unknown
    option, a value out of range) is one line like argmap's own errors, not a framed box."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> NoReturn:
        try:
            code = super().main(args, *rest, **{**kwargs, "standalone_mode": False})
        except _USAGE_ERROR as error:
            given = sys.argv[1:] if args is None else args
            # (An option's missing value is found with no command's context: its help is
            # the command's all the same, named first on the line.)
            _usage(error, next((f"argmap {a}" for a in given if a in self.commands), "argmap"))
        except typer.Abort:  # how typer before 0.15 passes on an interrupt
            raise KeyboardInterrupt from None
        sys.exit(code if isinstance(code, int) else 0)


def _usage(error: Any, command: str) -> NoReturn:
    """A usage error on one line, with the help of the `command` it was found in (its
    context's, if it has one); with no arguments at all, the help (which typer's rich mode
    has printed already: its message is then empty)."""
    message = error.format_message()
    if type(error).__name__ == "NoArgsIsHelpError":
        if message:
            typer.echo(message)
    else:
        context = getattr(error, "ctx", None)
        where = context.command_path if context is not None else command
        message = _bad_number(error) or _other_command(message) or _other_option(error) or message
        # (After a question, `Did you mean 'render'?`, a sentence of its own.)
        joined = " See" if message.endswith("?") else "; see"
        message = f"{message.rstrip('.')}{joined} `{where} --help`"
        _say(f"argmap: error: {message}")
    sys.exit(error.exit_code)


# Other tools' names for argmap's commands (`git init`, a linter's `lint`), which click's
# suggestions, by spelling, do not find.
_OTHER_COMMANDS = {
    "init": "new",
    "create": "new",
    "lint": "check",
    "validate": "check",
    "verify": "check",
    "draw": "render",
    "build": "render",
    "view": "show",
    "tree": "show",
    "eval": "evaluate",
    "solve": "evaluate",
}


def _other_command(message: str) -> str:
    """`No such command 'init'. Did you mean 'new'?` for another tool's name of a command
    (in place of click's guess by spelling: `validate` is no `evaluate`); "" for any other
    message."""
    unknown = re.fullmatch(r"No such command '(.*?)'\.?(?: Did you mean .*)?", message)
    meant = _OTHER_COMMANDS.get(unknown[1].lower()) if unknown else None
    return f"No such command '{unknown[1]}'. Did you mean '{meant}'?" if unknown and meant else ""


def _other_option(error: Any) -> str:
    """`No such option: --them; did you mean `--theme`?`, argmap's guess among all the
    command's options, for click's (`(Possible options: --depth, --help, --theme)`, and
    `--focus, --jobs` for `--bogus`); "" for any other error."""
    context = getattr(error, "ctx", None)
    if type(error).__name__ != "NoSuchOption" or context is None:
        return ""
    from argmap.diagnostics import closest, guessed

    name = error.option_name
    # (By the words, not their dashes, which made `--focus` a likely `--bogus`.)
    known = {o.lstrip("-"): o for p in context.command.params for o in (*p.opts, *p.secondary_opts)}
    guess = closest(name.lstrip("-"), known, likeness=70)
    return f"No such option: {name}" + (f"; {guessed(name, known[guess])}" if guess else "")


def _bad_number(error: Any) -> str:
    """`--jobs must be at least 1`, as argmap words its own checks (`--wrap must be 10 to
    200 characters`), for a number out of an option's range, and `--jobs must be a whole
    number, at least 1` for one that is none (`--jobs 1.5`, which typer said as "Input
    should be a valid integer, unable to parse string as an integer"); "" for any other
    error. (Typer keeps the range on the option, and says `greater than`; click, on its
    type.)"""
    param = getattr(error, "param", None)
    said = str(getattr(error, "message", ""))
    whole = "integer" in said
    if not getattr(param, "opts", None) or not (whole or any(w in said for w in ("range", "than"))):
        return ""
    ranged: Any = param if hasattr(param, "min") else getattr(param, "type", None)
    low, high = getattr(ranged, "min", None), getattr(ranged, "max", None)
    spans = {
        (True, True): "",
        (False, True): f"at least {low}",
        (True, False): f"at most {high}",
        (False, False): f"{low} to {high}",
    }
    span = spans[low is None, high is None]
    if whole:
        span = "a whole number" + f", {span}" * bool(span)
    return f"{param.opts[0]} must be {span}" if span else ""  # type: ignore[union-attr]


app = typer.Typer(
    cls=_Commands,
    name="argmap",
    help="Argument maps as code: check, show and render debates written in YAML.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # help paragraphs reflow; `code` is shown as code
)


# Choices, spelled here so that shell completion needs no import of the library.
REPORT_FORMATS = ("text", "json", "github", "sarif")
ENGINES = ("auto", "builtin", "system")
# Extensions `evaluate --limit` lists at most: each is kept until all are printed (0.7 KB
# each; 10^8 asked took 12 GB in 10 minutes, printing nothing), and the statuses are exact
# whatever the limit.
MAX_LIMIT = 100_000
DIRECTIONS = ("TB", "BT", "LR", "RL")
THEMES = ("light", "dark", "print")
GROUPS = ("actor", "source", "tag", "none")  # none: undo a map's own `group-by`
SEMANTICS = (
    "grounded",
    "complete",
    "preferred",
    "stable",
    "semi-stable",
    "ideal",
    "h-categorizer",
    "df-quad",
)
SUPPORTS = ("none", "deductive", "necessary")
DRAWINGS = ("svg", "png", "pdf", "dot", "json")  # render.FORMATS; a test keeps them equal
ICCMA = ("apx", "i23")


def _choices(values: tuple[str, ...]) -> Any:
    """Shell completion of an option's values."""
    return lambda incomplete: [v for v in values if v.startswith(incomplete)]


# Options that several commands share, declared once.
EvaluateOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--evaluate",
        help="Evaluate under this semantics (see `argmap evaluate`).",
        autocompletion=_choices(SEMANTICS),
    ),
]
SupportOption = Annotated[
    str,
    typer.Option(
        help="How supports count: none, deductive or necessary (see docs/evaluate.md).",
        autocompletion=_choices(SUPPORTS),
    ),
]
ConfigOption = Annotated[
    Optional[str],  # noqa: UP045  (a str: as a Path, "" is the current folder)
    typer.Option(
        help="Settings file for every map (default: the .argmap.toml, argmap.toml or "
        "pyproject.toml nearest to each map)."
    ),
]


def _named(value: str | None) -> str | None:
    """Refuses an empty -o (`-o ""`, a shell variable unset), which named the current folder,
    and an option given as its name (`-o --theme dark`, its value forgotten), which made a
    folder `--theme` to draw into."""
    if value is not None and not value.strip():
        raise typer.BadParameter("is empty; name a file or folder, or - for standard output")
    if value is not None and value.startswith("-") and value != "-":
        raise typer.BadParameter(
            f"is {value!r}, which reads as an option: name the file or folder to write after "
            f"-o (./{value} if that is its name)"
        )
    return value


WriteOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--output", "-o", help="Write here instead of standard output.", callback=_named),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
ThemeOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="light, dark or print (greyscale).", autocompletion=_choices(THEMES)),
]
EngineOption = Annotated[
    str,
    typer.Option(help="Layout engine: auto, builtin or system.", autocompletion=_choices(ENGINES)),
]
DirectionOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        help="Where the claims go: TB (top), BT, LR or RL.", autocompletion=_choices(DIRECTIONS)
    ),
]
GroupByOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--group-by",
        help="Box the nodes of each actor, source or tag; none overrides the map's own.",
        autocompletion=_choices(GROUPS),
    ),
]
WrapOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(help="Characters per line of node text, 10 to 200."),
]


def _drawing(
    direction: str | None, theme: str | None, group_by: str | None, wrap: int | None
) -> dict[str, Any]:
    """The drawing options given on the command line, checked, as `options_for` takes them
    (None: not given)."""
    _choice("--direction", direction, DIRECTIONS)
    _choice("--theme", theme, THEMES)
    _choice("--group-by", group_by, GROUPS)
    from argmap.spec import MAX_WRAP, MIN_WRAP  # here: `argmap --version` stays quick

    if wrap is not None and not MIN_WRAP <= wrap <= MAX_WRAP:
        _fail(f"--wrap must be {MIN_WRAP} to {MAX_WRAP} characters, not {wrap}")
    return {"direction": direction, "theme": theme, "group_by": group_by, "wrap": wrap}


def _say(line: str) -> None:
    """A line to standard error: printable, and what it quotes of the input cut short (a
    map's value, a file's name or an option's, may be a megabyte long)."""
    typer.echo(printable(short_quotes(line)), err=True)


_MOST_COLUMNS = 10_000  # a terminal wider (or taller) than this is not taken at its word


def _fail(message: str, code: int = 2) -> NoReturn:
    _say(f"argmap: error: {message}")
    raise typer.Exit(code)


def _only_with(option: str, given: bool, needed: str, value: object) -> None:
    """Refuse an option that would be silently ignored without another one."""
    if given and value is None:
        _fail(f"{option} works only with {needed}; add {needed}, or leave out {option}")


# Names of a format that are another's: ICCMA 2023 names its files .af, in the i23 format.
_FORMAT_NAMES = {"af": ("i23", "ICCMA 2023 names its files .af, in the i23 format")}


def _choice(option: str, value: str | None, allowed: Sequence[str]) -> None:
    """Refuse a value that `option` does not take, naming the closest one it does."""
    if value is None or value in allowed:
        return
    from argmap.diagnostics import value_hint

    meant, why = _FORMAT_NAMES.get(value.lower(), ("", ""))
    refused = f"{option} must be one of {', '.join(allowed)}, not `{value}`"
    if meant in allowed:
        _fail(f"{refused}; {why}: `{option} {meant}`")

    if value[:1] == "-" and value.lstrip("-")[:1].isalpha():  # (`--evaluate -o x.svg`)
        _fail(
            f"{option} needs a value before `{value}`: one of {', '.join(allowed)} "
            f"(`{option} {allowed[0]}`)"
        )
    hint = value_hint(value, allowed)
    _fail(refused + f"; {hint}" * bool(hint))


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


def _to_terminal(output: str) -> bool:
    """Whether `output` (`-`, or a path such as /dev/stdout or /dev/tty) is a terminal."""
    if output == "-":
        return _terminal(sys.stdout)
    if not output.startswith("/dev/"):
        return False
    try:
        flags = getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)  # (POSIX's)
        descriptor = os.open(output, os.O_WRONLY | flags)
    except OSError:
        return False
    try:
        return os.isatty(descriptor)
    finally:
        os.close(descriptor)


def _terminal_width() -> int | None:
    """The terminal's columns when printing to one (or when COLUMNS says), else None: text
    piped to another program keeps a line per item."""
    if _terminal(sys.stdout) or "COLUMNS" in os.environ:
        return shutil.get_terminal_size().columns
    return None


def _color() -> bool:
    """Whether to write in colour: on a terminal (not a dumb one), unless NO_COLOR is set to
    anything but nothing (no-color.org); always if FORCE_COLOR is (force-color.org, which
    has it win): a CI log that shows colour reads a pipe."""
    if os.environ.get("FORCE_COLOR"):
        return True
    return (
        _terminal(sys.stdout)
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM") != "dumb"
    )


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Map files or folders of maps (*.yaml, *.yml); - is stdin.")
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text, json, github or sarif.",
            autocompletion=_choices(REPORT_FORMATS),
        ),
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
    config: ConfigOption = None,
    show_source: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--show-source/--no-show-source",
            help="Print the offending line under each problem (default: on a terminal).",
        ),
    ] = None,
    maps_dir: Annotated[
        Optional[str],  # noqa: UP045  (a str: as a Path, "" is the current folder)
        typer.Option(
            "--maps-dir",
            help="Check only maps among PATHS: YAML files under this folder and files that "
            "start with `argmap: 1` (for pre-commit, which passes every changed file).",
        ),
    ] = None,
) -> None:
    """Check maps for errors and warnings; exit 1 if any map has errors."""
    from argmap.checker import check as run_check
    from argmap.report import MACHINE_FORMATS, REPORTERS, Style, summary, write_unchecked

    _choice("--format", output_format, list(REPORTERS))
    _maps_dir(maps_dir)
    _not_drawing_rules_alone(select)
    reporter = REPORTERS[output_format]
    unchecked = functools.partial(write_unchecked, output_format, out=sys.stdout)
    with _settings(config, unchecked, select=select, ignore=ignore, strict=strict) as settings:
        result = run_check(paths, settings, maps_dir)
    style = Style(
        color=output_format == "text" and _color(),
        show_source=_terminal(sys.stdout) if show_source is None else show_source,
    )
    reporter(result, sys.stdout, style)
    if output_format in MACHINE_FORMATS:
        typer.echo(summary(result), err=True)
    raise typer.Exit(result.exit_code)


@contextmanager
def _settings(
    config: str | None, unchecked: Callable[[list[str]], None] | None = None, **overrides: Any
) -> Iterator[Resolver]:
    """Each map's settings: from --config, or the settings file nearest to the map, with
    command-line overrides (config.Resolver). A settings file with mistakes, met anywhere
    in the block, ends the command as a usage error that names each of them (and that
    `unchecked` writes for a machine)."""
    from argmap import config as settings_file

    if config == "":
        _fail("--config is empty: is a variable in the command unset? Name a settings file")
    try:
        yield settings_file.Resolver(None if config is None else Path(config), **overrides)
    except settings_file.ConfigError as error:
        if unchecked is not None:
            unchecked(list(error.problems))
        *others, last = error.problems
        for problem in others:
            _say(f"argmap: error: {problem}")
        _fail(last)


@app.command()
def render(
    paths: Annotated[list[str], typer.Argument(help="Map files or folders of maps; - is stdin.")],
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Output file, folder (for many maps) or - for stdout. "
            "Default: next to each map, with the format's extension.",
            callback=_named,
        ),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf, dot or json (default: from -o, else svg).",
            autocompletion=_choices(DRAWINGS),
        ),
    ] = None,
    engine: EngineOption = "auto",
    direction: DirectionOption = None,
    theme: ThemeOption = None,
    focus: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Draw only this node and its neighbourhood."),
    ] = None,
    depth: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(min=0, help="With --focus: how many steps out (default 2)."),
    ] = None,
    group_by: GroupByOption = None,
    wrap: WrapOption = None,
    legend: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--legend/--no-legend", help="Draw the legend."),
    ] = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs", "-j", min=1, help="Maps rendered at once (default and most: CPU cores)."
        ),
    ] = None,
    check_only: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if an output file is not up to date."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No diagnostics of the map: one with errors is named in one line (argmap "
            "check lists them), its warnings are not shown; what the drawing lacks is.",
        ),
    ] = False,
    config: ConfigOption = None,
    maps_dir: Annotated[
        Optional[str],  # noqa: UP045  (a str: as a Path, "" is the current folder)
        typer.Option("--maps-dir", help="Render only maps among PATHS (as for check)."),
    ] = None,
    evaluate: EvaluateOption = None,
    support: SupportOption = "none",
) -> None:
    """Draw maps as debate graphs (SVG by default). Maps with errors are not drawn."""
    choices = {
        "evaluate": (evaluate, SEMANTICS),
        "support": (support, SUPPORTS),
        "engine": (engine, ENGINES),
    }
    for name, (value, allowed) in choices.items():
        _choice(f"--{name}", value, allowed)
    _only_with("--depth", depth is not None, "--focus", focus)
    _only_with("--support", support != "none", "--evaluate", evaluate)
    _maps_dir(maps_dir)
    overrides = _drawing(direction, theme, group_by, wrap) | {"legend": legend}
    given = {
        "--format": output_format,
        "--engine": None if engine == "auto" else engine,
        "--direction": direction,
        "--theme": theme,
        "--focus": focus,
        "--depth": depth,
        "--group-by": group_by,
        "--wrap": wrap,
        "--config": config,
        "--evaluate": evaluate,
        "--support": None if support == "none" else support,
    }
    flags = [f"{name} {shlex.quote(str(v))}" for name, v in given.items() if v is not None]
    if legend is not None:
        flags.append("--legend" if legend else "--no-legend")
    with _settings(config) as settings:
        code = _run_render(
            paths,
            output=output,
            output_format=output_format,
            engine=engine,
            focus=focus,
            depth=2 if depth is None else depth,
            overrides=overrides,
            settings=settings,
            jobs=jobs,
            check_only=check_only,
            quiet=quiet,
            maps_dir=maps_dir,
            evaluate=evaluate,
            support=support,
            flags=flags,
        )
    raise typer.Exit(code)


def _run_render(
    paths: list[str],
    *,
    output: str | None,
    output_format: str | None,
    engine: str,
    focus: str | None,
    depth: int,
    overrides: dict[str, Any],
    settings: Callable[[str], Settings],
    jobs: int | None,
    check_only: bool,
    quiet: bool,
    maps_dir: str | None,
    evaluate: str | None,
    support: str,
    flags: list[str],
) -> int:
    from argmap.config import Resolver
    from argmap.render import FORMATS, RenderOptions
    from argmap.render.batch import STDOUT, PlanError, plan, run_all

    suffix = Path(output).suffix.lstrip(".").lower() if output and output != STDOUT else ""
    fmt = output_format or (suffix if suffix in FORMATS else "svg")
    _choice("--format", fmt, FORMATS)
    if output_format and suffix in FORMATS and suffix != output_format:
        named = Path(output or "").with_suffix(f".{output_format}").name
        _fail(
            f"-o {output} does not match --format {output_format}; "
            f"name it {named}, or leave out --format"
        )
    try:
        config = settings.config if isinstance(settings, Resolver) else None
        planned = plan(paths, output, fmt, maps_dir, config)
    except PlanError as error:
        _fail(str(error))
    if (
        suffix
        and not output_format
        and suffix not in FORMATS
        and [output] == [j.output for j in planned]
    ):
        _fail(
            f"cannot tell the format of -o {output} from `.{suffix}`; "
            f"name it .{', .'.join(FORMATS)}, or give --format"
        )
    if check_only and any(job.output == STDOUT for job in planned):
        _fail("--check compares drawings with the files on disk; give -o a file, not stdout")
    if fmt in ("png", "pdf") and any(_to_terminal(j.output) for j in planned):
        _fail(f"a {fmt.upper()} is not for a terminal; give -o a file, or pipe it: -o - | ...")
    from argmap.checker import empty_folders, nothing_found

    if not planned:
        if maps_dir is not None:
            return 0  # pre-commit passed no maps this time
        nothing, hint = nothing_found(paths)
        _fail(f"{nothing} in {', '.join(paths)}; {hint}")
    # (Among other paths, a folder without maps is said, and fails the run as a path that
    # is not there does, the others drawn.)
    empty = [] if maps_dir is not None else empty_folders(paths, [j.source for j in planned])
    for folder in empty:
        nothing, hint = nothing_found([folder])
        _say(f"argmap: error: {nothing} in {folder}; {hint}")
    base = RenderOptions(
        format=fmt, engine=engine, focus=focus, depth=depth, evaluate=evaluate, support=support
    )
    progress = _progress(len(planned))

    def done(outcome: Outcome) -> None:
        if progress is not None:
            progress.advance(progress.task_ids[0])

    if progress is not None:
        progress.start()
    try:
        outcomes = run_all(
            planned, base, overrides, settings, check_only=check_only, workers=jobs, on_done=done
        )
    finally:
        if progress is not None:
            progress.stop()
    return _print_outcomes(outcomes, check_only, flags, quiet, settings, len(empty))


def _print_outcomes(
    outcomes: list[Outcome],
    check_only: bool = False,
    flags: Sequence[str] = (),
    quiet: bool = False,
    settings: Callable[[str], Settings] | None = None,
    unread: int = 0,
) -> int:
    """Diagnostics, failures and a summary on stderr (stdout may carry a drawing); the
    exit code: 2 a map could not be read or written or an option does not fit it (or
    `unread` paths, folders without maps, gave none), 1 a map failed, else 0. A stale
    drawing is named with the command that brings it up to date (the render's `flags`
    with the map and its output). `quiet` names a map with errors in one line instead of
    its diagnostics, for a pre-commit hook that runs after `argmap check`.
    A map whose `settings` say `strict = true` fails on its warnings too, as in `check`,
    drawn all the same."""
    from dataclasses import replace

    from argmap.checker import CheckResult
    from argmap.diagnostics import Severity, count
    from argmap.render.batch import STDOUT
    from argmap.report import Style, write_text
    from argmap.text import counted

    # Errors and warnings; info notes (an unanswered objection) are for `argmap check`.
    shown = [
        (o, tuple(d for d in o.report.diagnostics if d.severity is not Severity.INFO))
        for o in outcomes
    ]
    # Quiet, a map that was read is named in one line; why a path could not be read, and
    # what standard input holds (`argmap check -` could not read it again), still show.
    brief = [
        quiet and o.job.source != "-" and not any(d.rule == "io-error" for d in ds)
        for o, ds in shown
    ]
    # (What the drawing lacks still shows: `argmap check` said the rest, not that. Under
    # `strict = true` it fails the map, which said only "its warnings fail it".)
    reports = CheckResult(
        tuple(
            replace(o.report, diagnostics=tuple(d for d in ds if _of_drawing(d)) if b else ds)
            for (o, ds), b in zip(shown, brief, strict=True)
        )
    )
    if any(f.diagnostics for f in reports.files):  # (the summary counts every map checked)
        write_text(reports, sys.stderr, Style(show_source=_terminal(sys.stderr)))
    for (outcome, diagnostics), briefly in zip(shown, brief, strict=True):
        errors = count(diagnostics)[Severity.ERROR]
        if briefly and errors and not outcome.error:
            found = counted(errors, "error")
            lists = f"argmap check {shlex.quote(outcome.job.source)}"
            _say(f"{outcome.job.source}: not drawn: {found} ({lists})")
        elif outcome.error:
            _say(f"{outcome.job.source}: error: {outcome.error}")
        elif outcome.stale:
            job = outcome.job
            command = ["argmap render", shlex.quote(job.source)]
            if Path(job.output) != Path(job.source).with_suffix(Path(job.output).suffix):
                command.append(f"-o {shlex.quote(job.output)}")
            stale = f"{job.output}: stale: {outcome.stale} ({' '.join([*command, *flags])})"
            _say(stale)
        elif outcome.data:
            sys.stdout.buffer.write(outcome.data)
            sys.stdout.flush()
    strictly = 0  # maps drawn, yet failed as `check` fails them: on their warnings
    for o in outcomes:
        its = settings(o.job.source) if settings is not None and not o.failed else None
        warned = [d for d in o.report.diagnostics if d.severity is Severity.WARNING]
        if its and its.strict and warned:
            strictly += 1
            said = f"{o.job.source}: its warnings fail it under {_strictly(its)}"
            # (`check` passes a map whose drawing alone is warned of: say how to let it be.)
            if drawn := sorted({d.rule for d in warned if _of_drawing(d)}):
                rules = ", ".join(f'"{rule}"' for rule in drawn)
                said += f"; `ignore = [{rules}]` there lets what the drawing lacks pass"
            _say(said)
    failed, total = sum(o.failed for o in outcomes) + unread, len(outcomes) + unread
    verb = "up to date" if check_only else "rendered"
    if total > 1 or failed or check_only:
        where = "" if check_only or len(outcomes) == 1 else _where([o.job for o in outcomes])
        # (A folder's other YAML files, `mkdocs.yml`: counted as files, not maps.)
        others = sum(any(d.rule == "not-a-map" for d in o.report.diagnostics) for o in outcomes)
        noun = "files" if others else "maps"
        summary = f"{total - failed} of {total} {noun} {verb}{where}"
        if others:
            summary += f"; {others} {'is no map' if others == 1 else 'are not maps'}"
        if strictly:  # (drawn, or up to date, and failed all the same)
            summary += f"; {strictly} of them failed on warnings under `strict = true`"
        _say(summary)
    elif outcomes and outcomes[0].job.output != STDOUT:
        output = outcomes[0].job.output
        # (`-o build` for a folder wrote a file named build; not said of `-o /dev/null`.)
        bare = Path(output).suffix == "" and Path(output).is_file()
        bare_note = " (a file; for a folder, end -o with /)" if bare else ""
        _say(f"wrote {output}{bare_note}")
    if any(o.internal for o in outcomes):
        return 3
    usage = any(o.usage for o in outcomes)
    return 2 if reports.exit_code == 2 or usage or unread else 1 if failed or strictly else 0


def _of_drawing(diagnostic: Diagnostic) -> bool:
    """Whether `render` alone reports it (`Rule.drawing`), not `check`."""
    from argmap.rules import REGISTRY

    rule = REGISTRY.get(diagnostic.rule)
    return rule is not None and rule.drawing


def _where(jobs: Sequence[Job]) -> str:
    """Where the drawings of a run went, for its summary."""
    if any(job.output == "-" for job in jobs):
        return ""
    if all(Path(job.output).parent == Path(job.source).parent for job in jobs):
        return ", each next to its map"
    from argmap.files import from_here

    folder = os.path.commonpath([Path(job.output).absolute().parent for job in jobs])
    return f" into {from_here(folder)}{os.sep}"


def _progress(total: int) -> Any:
    """A progress bar on a terminal (which goes away when done), None otherwise. A spinner
    and the time elapsed show that a single large map is still being laid out."""
    if not _terminal(sys.stderr):
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(
        SpinnerColumn(),
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    progress.add_task("render", total=total)
    return progress


_ANYWAY = "the output is for the map as it is, and the command exits 1"


def _load_usable(
    path: str,
    fits: Callable[[Any], None] | None = None,
    then: str = _ANYWAY,
    config: str | None = None,
    gives: str = "no result",
) -> tuple[Any, int]:
    """The map at `path` and the exit code its errors call for. A file that cannot be used
    as a map ends the command (exit 1 or 2), saying that it `gives` nothing then, as does
    an option that does not `fit` it. A usable map's errors (a dangling reference, a
    support cycle) are printed on stderr first, because a result from a broken map can
    mislead, with what the command does `then`: as a rule it still gives that result, and
    exits 1."""
    from argmap.loader import load

    if config is not None:  # (its mistakes first, as `check` says them: exit 2)
        with _settings(config):
            pass
    loaded = load(path)
    if loaded.map is None:
        named = "standard input" if path == "-" else printable(path)
        _report_unusable(loaded, then=f"{gives}: {named} cannot be read as a map (errors above)")
    if fits is not None:
        fits(loaded.map)
    return loaded.map, 1 if _print_errors(loaded, path, "the map", then, config) else 0


def _print_errors(
    loaded: Any, path: str, subject: str, then: str, config: str | None = None
) -> bool:
    """Prints what fails a usable map under the settings for `path` (or `config`'s), as
    `check` reads them: its errors, and its warnings too under `strict = true`; then that
    `subject` has them, and `then`. Whether there were any."""
    from argmap.checker import CheckResult, FileReport, check_loaded
    from argmap.diagnostics import Severity
    from argmap.report import Style, write_text

    with _settings(config) as resolver:
        settings = resolver(path)
    failing = (Severity.ERROR, Severity.WARNING) if settings.strict else (Severity.ERROR,)
    found = tuple(d for d in check_loaded(loaded, settings) if d.severity in failing)
    if found:
        result = CheckResult((FileReport(loaded.path, loaded.text, found),))
        write_text(result, sys.stderr, Style())
        kinds = [f"{s.value}s" for s in failing if any(d.severity is s for d in found)]
        why = f", and {_strictly(settings)} fails a map on them" if settings.strict else ""
        said = f"{subject} has {' and '.join(kinds)} (above){why if 'warnings' in kinds else ''}"
        _say(f"argmap: {said}; {then}")
    return bool(found)


def _strictly(settings: Settings) -> str:
    """Where `strict = true`, which fails a map on its warnings as `check` does, is set."""
    from argmap.files import from_here

    return f"`strict = true` in {from_here(settings.origin) if settings.origin else 'settings'}"


def _report_unusable(*loaded: Any, then: str = "") -> NoReturn:
    """Ends the command on files that cannot be used as maps, with their errors and what
    the command does `then` (where it reads two maps: which one)."""
    from argmap.checker import CheckResult, FileReport
    from argmap.report import Style, write_text

    result = CheckResult(tuple(FileReport(f.path, f.text, f.diagnostics) for f in loaded))
    write_text(result, sys.stderr, Style())
    if then:
        typer.echo(then, err=True)
    raise typer.Exit(result.exit_code)


def _semantics_options(option: str, semantics: str | None, support: str) -> None:
    """Refuse a semantics or support reading argmap does not have, before any map is read."""
    _choice(option, semantics, SEMANTICS)
    _choice("--support", support, SUPPORTS)


def _evaluation(m: Any, semantics: str, support: str, limit: int | None = 1000) -> Any:
    """The evaluation of `m`; the command checked the options with _semantics_options."""
    from argmap.semantics import evaluate as run

    with _not_too_large():
        return run(m, semantics, support, limit)


def _framework(m: Any, support: str) -> Any:
    """The map's framework under a reading of support."""
    from argmap.graph import build_graph
    from argmap.semantics.framework import from_graph

    with _not_too_large():
        return from_graph(build_graph(m), support)


@contextmanager
def _not_too_large() -> Iterator[None]:
    """A framework too large to make (`TooManyAttacks`) ends the command: exit 1."""
    from argmap.semantics.framework import TooManyAttacks

    try:
        yield
    except TooManyAttacks as error:
        _fail(str(error), 1)


@app.command()
def evaluate(
    path: Annotated[str, typer.Argument(metavar="MAP", help="A map file; - is stdin.")],
    semantics: Annotated[
        str,
        typer.Option(help=f"{', '.join(SEMANTICS)}.", autocompletion=_choices(SEMANTICS)),
    ] = "grounded",
    support: SupportOption = "none",
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="text or json.", autocompletion=_choices(("text", "json"))
        ),
    ] = "text",
    query: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            help="Is this node accepted credulously (in some extension), sceptically (in all)?"
        ),
    ] = None,
    limit: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            min=1,
            max=MAX_LIMIT,
            help=f"Extensions to list at most (default 1000, at most {MAX_LIMIT:,}).",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Which claims stand: label every node under a semantics, and give each claim a verdict."""

    from argmap.diagnostics import no_node
    from argmap.semantics.output import format_text, to_json

    _choice("--format", output_format, ("text", "json"))
    _semantics_options("--semantics", semantics, support)
    if query is not None and semantics in ("h-categorizer", "df-quad"):
        _fail("--query asks about extensions; use an extension semantics such as preferred")
    if limit is not None and semantics in ("h-categorizer", "df-quad"):
        _fail(f"--limit counts extensions, and {semantics} gives scores; drop --limit")
    if limit is not None and query is not None:
        _fail("--limit counts the extensions listed, and --query lists none; drop --limit")

    def has_query(m: Any) -> None:
        if query is not None and query not in m.nodes:
            _fail(no_node(m, query, "--query"))

    m, code = _load_usable(path, has_query, config=config, gives="no evaluation")
    if query is not None:
        _print_query(m, semantics, support, query, output_format)
        raise typer.Exit(code)
    result = _evaluation(m, semantics, support, 1000 if limit is None else limit)
    if output_format == "json":
        typer.echo(_json({"map": m.path, **to_json(m, result)}))
    else:
        typer.echo(format_text(m, result, _terminal_width()), nl=False)
    raise typer.Exit(code)


def _print_query(m: Any, semantics: str, support: str, node: str, output_format: str) -> None:
    from argmap.semantics import sat

    af = _framework(m, support)
    credulous = sat.credulous(af, node, semantics)
    sceptical = sat.sceptical(af, node, semantics)
    if output_format == "json":
        answer: dict[str, Any] = {"map": m.path, "node": node, "semantics": semantics}
        answer["support"] = support
        answer |= {"credulous": credulous, "sceptical": sceptical}
        typer.echo(_json(answer))
        return
    yes = {True: "yes", False: "no"}
    typer.echo(f"{node} under {semantics} (supports: {support}):")
    typer.echo(f"  credulously accepted (in some extension): {yes[credulous]}")
    # In every extension but in none: there are none (stable semantics of an odd cycle).
    vacuous = f" (vacuously: there is no {semantics} extension)" if sceptical > credulous else ""
    typer.echo(f"  sceptically accepted (in every extension): {yes[sceptical]}{vacuous}")


@app.command()
def export(
    path: Annotated[str, typer.Argument(metavar="MAP", help="A map file; - is stdin.")],
    to: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--to",
            help="apx (ASPARTIX) or i23 (ICCMA 2023) (default: from -o's extension: .apx, or "
            ".i23 or .af).",
            autocompletion=_choices(ICCMA),
        ),
    ] = None,
    output: WriteOption = None,
    support: SupportOption = "none",
    config: ConfigOption = None,
) -> None:
    """Write the map's attack graph for argumentation solvers (ICCMA formats)."""
    from argmap.interchange.iccma import to_apx, to_i23

    _choice("--to", to, ICCMA)
    _choice("--support", support, SUPPORTS)
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = "i23" if suffix == "af" else suffix  # (as `import` reads them)
    if to is None and named not in ("apx", "i23"):
        said = f"cannot tell the format of {output}" if suffix else "no format given"
        _fail(f"{said}; give --to apx or --to i23")
    to = to or named
    if named in ("apx", "i23") and named != to:  # (as render refuses `-o x.png -f svg`)
        _fail(f"-o {output} does not match --to {to}")
    to_file = output not in (None, "-")
    # A file is not replaced with the framework of a broken map, which a solver would read
    # as the map's (an attack to a misspelt id is left out), as `render` draws no such map.
    then = f"{output} is not written, and the command exits 1" if to_file else _ANYWAY
    m, code = _load_usable(path, then=then, config=config, gives="no framework")
    if code and to_file:
        raise typer.Exit(code)
    af = _framework(m, support)
    data = (to_apx(af) if to == "apx" else to_i23(af)).encode("utf-8")
    _emit(data, output, [path], f"{Path(path).stem if path != '-' else 'map'}.{to}")
    raise typer.Exit(code)


@app.command("import")
def import_(
    path: Annotated[str, typer.Argument(metavar="FILE", help="An .apx or .i23 file.")],
    from_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            help="apx or i23 (default: from the extension: .apx, or .i23 or .af for ICCMA 2023).",
            autocompletion=_choices(ICCMA),
        ),
    ] = None,
    output: WriteOption = None,
    force: ForceOption = False,
) -> None:
    """Read an argumentation framework (ICCMA formats) as a map of claims."""
    from argmap.files import MAX_INPUT
    from argmap.interchange.iccma import InterchangeError, read_framework, to_map_yaml

    _choice("--from", from_format, ICCMA)
    _not_empty(path)
    if Path(path).is_dir():
        _fail(f"{path} is a folder; name an .apx or .i23 file in it")
    suffix = Path(path).suffix.lstrip(".").lower()
    fmt = from_format or ("i23" if suffix == "af" else suffix)  # ICCMA 2023 names files .af
    if fmt not in ("apx", "i23"):
        _fail(f"cannot tell the format of {path}; give --from apx or --from i23")
    name = "map.yaml" if path == "-" else f"{Path(path).stem}.yaml"
    if output not in (None, "-"):
        output = _into_folder(output, name)
        _refuse_to_overwrite(output, force, name)
    warnings: list[str] = []
    try:
        af = read_framework(path, fmt, warnings)
    except InterchangeError as error:
        # (ICCMA's earlier competitions named APX files .af too.)
        guessed = ""
        if fmt == "i23" and _looks_like_apx(path):
            guessed = (
                " (read as I23 for its name; give --from apx for APX)"
                if from_format is None
                else " (it is written in APX: give --from apx)"
            )
        _say(str(error) + guessed)  # it quotes the file
        raise typer.Exit(1) from None
    except FileNotFoundError:
        from argmap.files import unfound_hint

        _fail(f"cannot read {path}: no such file; {unfound_hint(path)}")
    except OSError as error:
        _fail(f"cannot read {path}: {error.strerror or error}")
    for warning in warnings:  # (it quotes the file)
        _say(warning)
    title = printable(f"Imported from {'standard input' if path == '-' else Path(path).name}")
    data = to_map_yaml(af, title).encode("utf-8")
    if len(data) > MAX_INPUT:  # (written, it was a map that every command refuses to read)
        _fail(
            f"the map of {path} would be {len(data) / 2**20:,.1f} MiB, more than the "
            f"{MAX_INPUT // 2**20} MiB a map may be for argmap to read it: "
            f"{len(af.arguments):,} arguments and {len(af.attacks):,} attacks are too many"
        )
    _emit(data, output, [path], name, is_map=True)


@app.command()
def watch(
    paths: Annotated[list[str], typer.Argument(help="Map files or folders of maps to watch.")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Folder for the drawings.", callback=_named)
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="svg, png, pdf, dot or json.", autocompletion=_choices(DRAWINGS)
        ),
    ] = "svg",
    engine: EngineOption = "auto",
    theme: ThemeOption = None,
    config: ConfigOption = None,
) -> None:
    """Render maps into a folder, and again each time one is saved; Ctrl-C stops."""
    from datetime import datetime

    from argmap.render import FORMATS, RenderOptions
    from argmap.render.batch import PlanError
    from argmap.watch import watch as run_watch

    _choice("--format", output_format, FORMATS)
    _choice("--engine", engine, ENGINES)
    _choice("--theme", theme, THEMES)
    _not_empty(*paths, output)
    if "-" in paths and not Path("-").exists():
        _fail("watch follows files, and standard input (-) is none: name the map's file")
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")

    def report(outcomes: list[Outcome]) -> None:
        typer.echo(f"[{datetime.now():%H:%M:%S}]", err=True)
        _print_outcomes(outcomes)

    def refuse(problem: str) -> None:
        _say(f"argmap: error: {problem}")

    if output == "-":  # (it made a folder named `-`)
        _fail("-o - is standard output; watch draws files into a folder, such as build/")
    if Path(output).exists() and not Path(output).is_dir():
        what = "a file" if Path(output).is_file() else "no folder"  # /dev/full, a pipe
        _fail(f"-o {output} is {what}; watch draws into a folder, such as build/")
    folder = output.rstrip("/" + os.sep) + "/"
    with _settings(config) as settings:
        # The settings above each path read first: a mistake in them was said after
        # "watching", which read as a watch under way.
        for path in paths:
            settings(path if not Path(path).is_dir() else Path(path) / "map.yaml")
        typer.echo(
            printable(f"watching {', '.join(paths)}; drawings go to {folder} (Ctrl-C stops)"),
            err=True,
        )
        try:
            run_watch(
                paths,
                output,
                RenderOptions(format=output_format, engine=engine),
                {"theme": theme},
                settings,
                on_outcomes=report,
                on_refusal=refuse,
                on_removed=lambda drawing: typer.echo(
                    printable(f"removed {drawing}: its map is gone"), err=True
                ),
            )
        except PlanError as error:
            _fail(str(error))
    if not _TERMINATED:  # (else "terminated" is said on the way out, by `main`)
        typer.echo("stopped", err=True)


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The old map: a file, or a git revision of NEW.")],
    new: Annotated[str, typer.Argument(help="The new map file.")],
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="text, json or svg (default: from -o's extension, else text).",
            autocompletion=_choices(("text", "json", "svg")),
        ),
    ] = None,
    output: WriteOption = None,
    theme: ThemeOption = None,
    direction: DirectionOption = None,
    group_by: GroupByOption = None,
    wrap: WrapOption = None,
    evaluate: EvaluateOption = None,
    support: SupportOption = "none",
    config: ConfigOption = None,
) -> None:
    """Show what changed between two versions of a map: nodes, relations, actors, sources.

    OLD may be a git revision: `argmap diff HEAD~1 maps/x.yaml` compares the committed map
    with the one in the work tree; `HEAD~1:maps/old-name.yaml` names the map at another
    path. The svg marks added parts green, removed ones red
    (faded) and changed ones amber."""

    from argmap.diff import coloured, diff_maps, format_text, format_verdicts, verdict_changes
    from argmap.files import real_path
    from argmap.loader import load, loads
    from argmap.revisions import (
        NoCommits,
        NoRepository,
        NotAFile,
        RevisionError,
        UnknownRevision,
        read_at,
        read_object,
    )

    # An -o name that says svg or json gives the format (a drawing written as text was
    # a surprise); one that says another than --format is refused.
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = suffix if suffix in ("svg", "json") else None
    if output_format is not None and named is not None and named != output_format:
        _fail(f"-o {output} does not match --format {output_format}")
    if suffix in DRAWINGS and named is None:  # a drawing's name: text went into `out.png`
        _fail(f"-o {output}: diff writes text, json or svg, not {suffix}")
    output_format = output_format or named or "text"
    _choice("--format", output_format, ("text", "json", "svg"))
    drawing = _drawing(direction, theme, group_by, wrap)
    drawn_only = [f"--{k.replace('_', '-')}" for k, v in drawing.items() if v is not None]
    if drawn_only and output_format != "svg":
        said = " and ".join(drawn_only)
        _fail(f"{said} {'are' if len(drawn_only) > 1 else 'is'} for the drawing: add -f svg")
    _only_with("--support", support != "none", "--evaluate", evaluate)
    _semantics_options("--evaluate", evaluate, support)
    _not_empty(old, new)
    if old == new == "-":
        _fail("standard input holds one map; give the other as a file or a git revision")
    if old == os.devnull:  # as in git: no map before, so everything is added
        before = None
    elif old == "-" or (Path(old).exists() and not Path(old).is_dir()):
        before = load(old)
    elif Path(old).is_dir():
        _fail(f"{old} is a folder; diff compares two maps: name a map file in it")
    else:  # a revision of NEW, or git's REV:path (the form the header shows)
        revision, colon, path = old.partition(":")
        if not (colon and path):
            revision, path = old, new
            if new in (os.devnull, "-"):  # (no file to read at the revision)
                other = "no map" if new == os.devnull else "standard input"
                _fail(
                    f"with a revision as OLD, NEW is the map file to read at it; to compare "
                    f"a map at `{old}` with {other}, name it: `argmap diff {old}:path/map.yaml "
                    f"{new}`"
                )
        try:
            if colon and path:
                data, label = read_object(old, new), old
            else:
                data, label = read_at(revision, path)  # (a label that reads it again)
            before = loads(data, label)
        except NotAFile as error:
            _fail(str(error))
        except RevisionError as error:
            if not colon and (old.lower().endswith((".yaml", ".yml")) or os.sep in old):
                # A file's name (git's words about it were of repositories and objects).
                what = "no such file"
                if Path(old).is_symlink():
                    what = "a link that leads nowhere"
                    if _looping(old):
                        what = "a link that loops, or leads on through too many others"
                _fail(f"{old}: {what}, nor a git revision; check the path")
            if isinstance(error, NoCommits):
                _fail(f"{error} yet; commit the map first, or compare it with another file")
            if isinstance(error, UnknownRevision):
                _fail(
                    f"{error} (OLD is neither a file nor a revision of the repository); "
                    "check its name: `git log --oneline` lists the commits"
                )
            if isinstance(error, NoRepository):
                _fail(f"{error}; compare it with another file: `argmap diff old.yaml {new}`")
            if not colon and not Path(new).exists():
                _fail(f"{error}, nor is there such a file now; check the path")
            if colon and not path.startswith(("./", "../", "/")):
                with suppress(RevisionError):  # (there from here: git reads it from the top)
                    read_object(f"{revision}:./{path}", new)
                    _fail(
                        f"{error}: git reads the path after `{revision}:` from the top of the "
                        f"repository; for {path} in this folder, write `{revision}:./{path}`"
                    )
            _fail(
                f"{error} (OLD is neither a file nor a revision that has {path}); for a map "
                f"added since, `argmap diff {os.devnull} {new}`; for one renamed, OLD as "
                "REV:old/path.yaml"
            )
    if before is not None and before.map is None:
        # (The new one's errors too, if it cannot be read either: not one fix, then the next.)
        after = None if new == os.devnull or real_path(old) == real_path(new) else load(new)
        if after is not None and after.map is None:
            _report_unusable(before, after, then="no diff: neither map can be read (errors above)")
        _report_unusable(
            before,
            then=f"no diff: the old map, {printable(old)}, cannot be read (errors above); "
            + ("fix it, or compare" if before.path == old else "compare the map with")
            + " another version",
        )
    # (What the map had wrong then: the exit code is for NEW's. The same file on both sides
    # has NEW's errors, said below: not twice.)
    same = before is not None and old != "-" and real_path(old) == real_path(new)
    if before is not None and not same:
        then = "the diff is from the map as it was"
        _print_errors(before, old if before.path == old else new, before.path, then, config)
    old_map = before.map if before is not None else None
    new_map, code = (
        (None, 0) if new == os.devnull else _load_usable(new, config=config, gives="no diff")
    )
    if old_map is None and new_map is None:
        _fail(f"both sides are {os.devnull}; name a map")
    changes = diff_maps(old_map or _no_map(old), new_map or _no_map(new))
    verdicts = None
    if evaluate is not None:
        with _not_too_large():
            verdicts = verdict_changes(changes.old, changes.new, evaluate, support)
    if output_format == "text":
        text = format_text(changes)
        if verdicts is not None and evaluate is not None:
            text += format_verdicts(verdicts, evaluate)
        if output in (None, "-") and _color():
            text = coloured(text)
        data = text.encode("utf-8")
    elif output_format == "json":
        document = changes.to_json()
        if verdicts is not None:
            document["verdicts"] = {
                "semantics": evaluate,
                "support": support,
                "changed": verdicts.changed,
                # (The versions whose scores are a moment of an oscillation: `Verdicts`.)
                "unconverged": [side for side, _ in verdicts.unsettled],
            }
        data = (_json(document) + "\n").encode()
    else:
        data = _diff_svg(changes, new_map or old_map, drawing, verdicts, evaluate)
    _emit(data, output, [old, new], f"diff.{'txt' if output_format == 'text' else output_format}")
    raise typer.Exit(code)


def _looping(path: str) -> bool:
    """Whether the link `path` loops, or leads through more links than the system follows."""
    try:
        Path(path).stat()
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _no_map(path: str) -> Any:
    """An empty map, without even a title, for a side of a diff that has none: everything
    on the other side is added, or removed."""
    from argmap.model import Map, Span

    return Map(path, "", Span(path, 1, 1, 1, 1))


def _diff_svg(
    changes: Any,
    shown: Any,
    drawing: dict[str, Any],
    verdicts: Verdicts | None,
    semantics: str | None,
) -> bytes:
    """Both versions drawn together with the title and `render:` defaults of `shown`, the
    new map (the old one, diffed with /dev/null); the command line's `drawing` options
    win."""
    from dataclasses import replace

    from argmap.render import PART_OF_IT, RenderError, RenderOptions, drawn, options_for
    from argmap.render.dot import DotOptions
    from argmap.report import headline

    nodes, edges = changes.marks()
    note = ""  # (the legend shows each mark the drawing holds)
    # The change in words too, for readers who cannot tell the colours.
    # (Each node says what the diff's summary says of it: `reworded`, not just "changed".)
    badges = {c.id: c.status.upper() for c in changes.nodes}
    badges |= {c.id: f"RENAMED FROM {c.old_id}" for c in changes.nodes if c.old_id}  # as written
    for c in verdicts.changed if verdicts is not None else []:
        verdict = f"{c['old'] or 'absent'} → {c['new'] or 'absent'}".upper()
        badges[c["claim"]] = " · ".join(filter(None, (badges.get(c["claim"]), verdict)))
    if verdicts is not None and semantics is not None:
        note = (
            f"claims whose verdict under {semantics} changed say how"
            if verdicts.changed
            else f"no claim's verdict under {semantics} changed"
        )
        note = "; ".join(filter(None, (note, verdicts.note(semantics))))
    if changes.entries or changes.heading:  # (a source's new URL, a title: no node shows it)
        note = "; ".join(filter(None, (note, f"also changed: {changes.entries_in_words()}")))
    union = replace(changes.union(), title=shown.title, summary=shown.summary, render=shown.render)
    base = RenderOptions(
        dot=DotOptions(marks=nodes, edge_marks=edges, badges=badges, legend_note=note)
    )
    options = options_for(union, base, drawing)
    _warn_svg_id_clashes(union)
    try:
        data, lacks = drawn(union, options)
    except RenderError as error:  # (diff has no --focus)
        _fail(str(error).replace(PART_OF_IT, "compare them as text, `-f text`"), 1)
    for warning in lacks:  # (grouping that draws no group, edges drawn straight)
        typer.echo(headline(warning), err=True)
    return data


def _warn_svg_id_clashes(m: Any) -> None:
    """The svg-id-clash warnings for a drawing of both versions of a map: a node renamed
    from `a_x` to `x` draws both, though neither version has the problem alone."""
    from argmap.checker import run_rule
    from argmap.config import Settings
    from argmap.graph import build_graph
    from argmap.report import headline
    from argmap.rules import REGISTRY

    for d in run_rule(REGISTRY["svg-id-clash"], m, build_graph(m), Settings()):
        typer.echo(headline(d), err=True)


def _json(document: dict[str, Any]) -> str:
    """JSON for programs on standard output, led by the version of argmap that wrote it (as
    `check` writes it)."""
    from argmap.report import json_text

    return json_text({"argmap": __version__, **document}, sys.stdout)


def _refuse_to_overwrite(path: str | Path, force: bool, name: str = "map.yaml") -> None:
    """A map is someone's work: commands that write one do not replace it unless told. A
    device or a pipe (`-o /dev/null`, `/dev/stdout`) is no one's work: it is written into.
    `name`: the file a folder would be given (`-o out/`)."""
    _not_a_folder(path, name)
    target = Path(path)
    # (A link that leads nowhere is there too.)
    dangling = target.is_symlink() and not target.exists()
    if (target.is_file() or dangling) and not force:
        if dangling:  # (--force writes where it leads)
            _fail(
                f"{path} is a link to {target.readlink()}, which is missing; use --force to "
                "write the map there"
            )
        if target.is_symlink():  # (--force writes where it leads: say where)
            from argmap.files import real_path

            _fail(
                f"{path} is a link to {real_path(target)}, which exists; use --force to "
                "overwrite that file"
            )
        _fail(f"{path} already exists; use --force to overwrite it")


def _looks_like_apx(path: str) -> bool:
    """Whether the file starts with an APX fact (`arg(`, `att(`) in its first KiB."""
    try:
        with Path(path).open("rb") as stream:
            return re.search(rb"\b(?:arg|att)\s*\(", stream.read(1024)) is not None
    except OSError:
        return False


def _not_a_folder(path: str | Path, name: str) -> None:
    """Refuse an output path that is a folder, suggesting a file `name` in it."""
    if Path(path).is_dir():
        _fail(f"{path} is a folder; name the file to write, such as {Path(path) / name}")


def _not_drawing_rules_alone(select: list[str] | None) -> None:
    """Refuse a --select of `check` that names only rules that `render` reports (what a
    drawing cannot show), which `check` never runs: it checked nothing, and passed."""
    from argmap.rules import REGISTRY

    named = [r.strip() for given in select or () for r in given.split(",") if r.strip()]
    if named and all(r in REGISTRY and REGISTRY[r].drawing for r in named):
        _fail(
            f"--select {', '.join(named)} names only rules that `argmap render` reports, "
            "which `check` does not run: it would check nothing; select rules of the map "
            "(`argmap rules` lists them)"
        )


def _maps_dir(folder: str | None) -> None:
    """Refuse a --maps-dir that is empty, or a file, or that names a folder there with
    other capitals (`--maps-dir Maps` for `maps/`): every map in it that does not start
    with `argmap: 1` would be passed over, each commit's hook green. (One that does not
    exist is the hook's default `maps` in a repository with none: its maps are the files
    that start so.)"""
    if folder == "":
        _fail("--maps-dir is empty: is a variable in the command unset? Name a folder")
    if folder is None or Path(folder).is_dir():
        return
    if Path(folder).exists():
        _fail(f"--maps-dir {folder} is no folder: name the folder that holds the maps")
    path = Path(folder)
    with suppress(OSError):
        written = next(
            (p for p in path.absolute().parent.iterdir() if p.name.lower() == path.name.lower()),
            None,
        )
        if written is not None and written.is_dir():
            _fail(
                f"--maps-dir {folder} does not exist, and {path.with_name(written.name)} "
                "does: name the folder as it is written, capitals too"
            )


def _not_empty(*paths: str) -> None:
    """Refuse an empty path, which as a Path is the current folder."""
    if "" in paths:
        _fail("the path is empty: is a variable in the command unset? Name a map or a folder")


def _into_folder(path: str, name: str) -> str:
    """`path`, or a file `name` in it where it is written as a folder (`-o out/`, which
    wrote a file `out`), as `render -o DIR/` writes into DIR."""
    return str(Path(path) / name) if path.endswith(("/", os.sep)) else path


def _emit(
    data: bytes, output: str | None, inputs: Sequence[str], name: str, is_map: bool = False
) -> None:
    """Bytes to standard output, or atomically to a file that is none of the `inputs`, nor
    a YAML file unless `data` is a map (written where --force allowed), nor a folder (a
    file `name` in it is suggested); a map, under a name that `check FOLDER` reads."""
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    output = _into_folder(output, name)
    _not_a_folder(output, name)
    from argmap.files import replaces_yaml, same_file, write_atomic, write_problem

    if any((i == "-" or Path(i).is_file()) and same_file(i, output) for i in inputs):
        _fail(f"-o {output} is an input of this command; give another output file")
    if not is_map and (problem := replaces_yaml(output)):
        _fail(f"-o {problem}; give another output file")
    if is_map:  # (`import -o seed.apx` wrote a map that nothing reads)
        _map_name(Path(output))

    try:
        write_atomic(output, data)
    except OSError as error:
        _fail(write_problem(output, error))
    _say(f"wrote {output}")


@app.command()
def show(
    path: Annotated[str, typer.Argument(metavar="MAP", help="A map file; - is stdin.")],
    evaluate: EvaluateOption = None,
    support: SupportOption = "none",
    details: Annotated[
        bool, typer.Option("--details", help="Each node's quote, source, tags and note too.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Print the map as a tree: each claim, the reasons and objections under it, and so on."""
    from argmap.show import print_outline

    _only_with("--support", support != "none", "--evaluate", evaluate)
    _semantics_options("--evaluate", evaluate, support)
    m, code = _load_usable(path, config=config, gives="nothing shown")
    labels, note, about = None, "", ""
    if evaluate is not None:
        from argmap.semantics.output import heading

        result = _evaluation(m, evaluate, support)
        labels, about = {n: result.label(n) for n in m.nodes}, heading(m, result)
        # (In yellow below it, unless the heading says it: scores that did not settle.)
        note = "" if result.caveat() in about else result.caveat()
    print_outline(
        m, sys.stdout, color=_color(), labels=labels, details=details, note=note, about=about
    )
    raise typer.Exit(code)


@app.command()
def new(
    written: Annotated[
        str, typer.Argument(metavar="MAP", help="Where to write the new map; - is stdout.")
    ],
    force: ForceOption = False,
) -> None:
    """Write a commented starter map that passes `argmap check`."""
    from importlib.resources import files

    from argmap.files import write_atomic, write_problem

    template = files("argmap").joinpath("starter.yaml").read_text(encoding="utf-8")
    if written == "-":  # as everywhere else, not a file named `-`
        sys.stdout.write(template.replace("THIS_FILE", "map.yaml"))
        return
    _not_empty(written)
    path = Path(_into_folder(written, "map.yaml"))
    _not_a_folder(path, "map.yaml")
    _map_name(path)
    _refuse_to_overwrite(path, force)
    try:
        # The name goes into comments, as a command to copy: quoted for the shell as the
        # line below, and shown as printable, it cannot end one and start YAML.
        write_atomic(path, template.replace("THIS_FILE", printable(_for_shell(path))))
    except OSError as error:
        _fail(write_problem(path, error))
    typer.echo(printable(f"wrote {path}; next: argmap check {_for_shell(path)}"))


def _map_name(path: Path) -> None:
    """Refuse to write a map where `argmap check FOLDER` would not find it: under a hidden
    name, or one that does not end in .yaml or .yml (`argmap new map.svg`, a drawing's).
    A device or a pipe (`/dev/null`) is written into, as a shell would: no map stays there.
    (A folder is refused as such: `_refuse_to_overwrite`.)"""
    from argmap.checker import is_yaml_name

    if path.exists() and not path.is_file():
        return
    if path.name.startswith("."):  # (`.yaml` too, which is hidden, and has no suffix)
        shown = path.name.lstrip(".")
        if shown.lower() in ("", "yaml", "yml"):
            shown = "map.yaml"
        elif not is_yaml_name(shown):
            shown = f"{Path(shown).stem}.yaml"
        _fail(
            f"{path} is a hidden file (its name starts with `.`), which `argmap check "
            f"FOLDER` passes over; name it {path.with_name(shown)}"
        )
    if not is_yaml_name(path):  # `argmap new map.svg`: a drawing's name
        stem = (
            path.with_suffix("") if path.suffix else path.with_name(path.name.rstrip(".") or "map")
        )
        _fail(
            f"a map is a YAML file, and {path} does not end in .yaml or .yml "
            f"(which `argmap check FOLDER` looks for); name it {stem}.yaml"
        )


def _for_shell(path: str | Path) -> str:
    """`path` as a command line takes it: quoted for the shell, and not as an option
    (`./-x.yaml`, where `-x.yaml` was `No such option: -x`)."""
    name = str(path)
    return shlex.quote(f"./{name}" if name.startswith("-") else name)


@app.command()
def rules(
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text, or markdown (docs/rules.md).",
            autocompletion=_choices(("text", "markdown")),
        ),
    ] = "text",
) -> None:
    """List every rule: id, severity and what it checks."""
    from argmap.rules.docs import markdown, table

    _choice("--format", output_format, ("text", "markdown"))
    typer.echo(table() if output_format == "text" else markdown(), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editors and other tools)."""
    from importlib.resources import files

    typer.echo(files("argmap").joinpath("schema.json").read_text(encoding="utf-8"), nl=False)


def _metavars(command: Any) -> None:
    """Name what goes after each option in --help as users know it (`--format FORMAT`, a
    flag nothing), not by its Python type (`<str>`), which typer 0.29 shows otherwise; an
    argument's help says what it is, without a type (`<list[str]>`)."""
    help_option = command.get_help_option(command.context_class(command))  # made on demand
    for param in [*command.params, *filter(None, [help_option])]:
        if param.param_type_name == "argument":
            setattr(param, "display_type_rich", _no_type)  # noqa: B010 (a method, replaced)
            # (`argmap new MAP`, `PATHS...`: typer 0.29 writes `{MAP}`, which reads as a choice.)
            param.metavar = param.metavar or param.name.upper()
            usage = param.metavar + "..." * (param.nargs != 1)
            setattr(param, "_usage_display_name", lambda usage=usage: usage)  # noqa: B010
        if param.metavar is None:
            if getattr(param, "is_flag", False):
                param.metavar = ""
            else:
                param.metavar = max(param.opts, key=len).lstrip("-").upper()
    for sub in getattr(command, "commands", {}).values():
        _metavars(sub)


def _no_type(ctx: Any) -> None:
    return None


# SIGTERM (`kill`, `timeout`, a cancelled CI job) and SIGHUP (a terminal closed, an SSH
# session dropped) are met like Ctrl-C, so that the layouts under way are stopped on the
# way out (render's workers have their own handler: left to the default, a hang-up left
# them and their engines running). The signal is noted here: typer turns an interrupt
# into exit status 130, silently.
_TERMINATED: list[int] = []


def _terminate(signum: int, frame: object) -> None:
    _TERMINATED.append(signum)
    raise KeyboardInterrupt


def _stopped(signum: int) -> NoReturn:
    """The way out after a signal: exit 128 + its number, as shells report it. At once:
    the threads of an interrupted render's process pool would complain, on the way out,
    of the workers it stopped."""
    with suppress(OSError):
        typer.echo("interrupted" if signum == 2 else "terminated", err=True)  # 2: SIGINT
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(128 + signum)


def _quiet_pipe() -> NoReturn:
    """`argmap check ... | head`: the reader has all it wants. Exit as a program that
    SIGPIPE ends, silently (exit 1 would say the map has errors), and at once: flushing
    what is left of the output would fail again."""
    os._exit(141)  # 128 + SIGPIPE (13), which Windows does not define


class _Closed(io.TextIOBase):
    """A stand-in for a closed standard input or output: reading or writing it fails with
    EBADF, as with a closed descriptor (text through it, bytes through its `buffer`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> Any:
        raise OSError(errno.EBADF, f"{self.name} is closed", self.name)

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, f"{self.name} is closed", self.name)

    @property
    def buffer(self) -> _Closed:
        return self


def _buffered(stream: Any) -> Any:
    """Standard output through a buffer, also under `python -u` (PYTHONUNBUFFERED): its
    raw file writes what a pipe takes and returns the count, which writers do not check,
    so output was cut short without a word (a drawing to a full pipe: its first 64 KiB,
    exit 0). A buffer writes it all, or raises an error that says why. Lines still go out
    as they are written."""
    raw = getattr(stream, "buffer", None)
    if not isinstance(raw, io.RawIOBase):
        return stream
    return io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=True,
    )


def main() -> None:
    """Entry point of the console script: usage errors exit 2, interrupts 130 (SIGTERM 143,
    SIGHUP 129)."""
    signal.signal(signal.SIGTERM, _terminate)
    # (Not on Windows; and not under `nohup`, which asks for the run to go on.)
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
        signal.signal(signal.SIGHUP, _terminate)
    # A terminal size of no columns or lines (`COLUMNS=0`), or not a number, is none said:
    # rich took it as it was, and `check` printed nothing at all; and a billion columns,
    # 762 MB of `--help` a minute.
    for size in ("COLUMNS", "LINES"):
        given = os.environ.get(size, "").strip()
        if given and not (given.isdigit() and 0 < int(given[:6]) <= _MOST_COLUMNS):
            del os.environ[size]
    # A stream the shell closed (`>&-`) is None. Reading a closed standard input or
    # writing a closed output fails, as with a closed file; messages to a closed
    # standard error go nowhere.
    sys.stdin = sys.stdin or _Closed("standard input")
    sys.stdout = _buffered(sys.stdout) if sys.stdout else _Closed("standard output")
    sys.stderr = sys.stderr or Path(os.devnull).open("w")  # noqa: SIM115 (open until the exit)
    # Output in an encoding that lacks some of a map's letters (Windows, redirected: cp1252)
    # shows them as escapes rather than stopping with an error.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        command = typer.main.get_command(app)
        _metavars(command)
        command(prog_name="argmap")  # also under `python -m argmap`, for usage and completion
    except KeyboardInterrupt:
        _stopped(_TERMINATED[0] if _TERMINATED else signal.SIGINT)
    except SystemExit as exiting:
        if _TERMINATED:
            _stopped(_TERMINATED[0])
        if exiting.code == 130:  # typer's way out of Ctrl-C
            _stopped(signal.SIGINT)
        if isinstance(exiting.__context__, BrokenPipeError):  # click's exit 1 for it
            _quiet_pipe()
        raise
    except BrokenPipeError:
        _quiet_pipe()
    except MemoryError:
        typer.echo("argmap: error: out of memory: the input is too big for this machine", err=True)
        sys.exit(2)
    except OSError as error:  # writing the output: a full disk, a closed descriptor
        from argmap.files import write_problem

        said = f"cannot write the output: {error.strerror or error}"
        if error.filename:  # (a name the system refused: too long, say)
            said = write_problem(error.filename, error)
        with suppress(OSError):  # standard error may be the stream that failed
            _say(f"argmap: error: {said}")
            sys.stderr.flush()
        os._exit(2)  # at once: flushing what is left of the output would fail again
    except Exception as error:  # a bug: one line for the user, the traceback on request
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        typer.echo(
            printable(f"argmap: internal error: {error!r}; this is a bug, please report it with ")
            + "the input that caused it (ARGMAP_DEBUG=1 shows the traceback)",
            err=True,
        )
        sys.exit(3)
