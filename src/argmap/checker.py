"""`argmap check` as a library call: paths -> files -> load -> graph -> rules -> CheckResult."""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from argmap.config import Resolver, Settings, names_settings
from argmap.diagnostics import Diagnostic, Severity, count
from argmap.files import RealPaths, real_path
from argmap.graph import Graph, graph_for
from argmap.loader import Loaded, gc_paused, load
from argmap.model import Map, Span
from argmap.rules import REGISTRY, Context, Rule

SUFFIXES = (".yaml", ".yml")


def is_yaml_name(path: str | Path) -> bool:
    """Whether the file's name is a YAML file's, in any case (`MAP.YAML` too)."""
    return Path(path).suffix.lower() in SUFFIXES


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    text: str  # for showing the offending line
    diagnostics: tuple[Diagnostic, ...]
    strict: bool = False  # its warnings fail the check too (each map has its own settings)


@dataclass(frozen=True, slots=True)
class CheckResult:
    files: tuple[FileReport, ...]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def counts(self) -> dict[Severity, int]:
        return count(self.diagnostics)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 errors (or warnings in a strict file), 2 a file could not be read."""
        if any(d.rule == "io-error" for d in self.diagnostics):
            return 2
        errors = any(d.severity is Severity.ERROR for d in self.diagnostics)
        return 1 if errors or self.strictly_failed else 0

    @property
    def strictly_failed(self) -> bool:
        """Whether a map fails on its warnings, its settings saying `strict = true`."""
        return any(
            f.strict and any(d.severity is Severity.WARNING for d in f.diagnostics)
            for f in self.files
        )


def discover(
    paths: Iterable[str | Path],
    maps_dir: str | Path | None = None,
    astray: list[tuple[str, str]] | None = None,
    config: Path | None = None,
) -> Iterator[str]:
    """Files to check: each file as given, each folder's *.yaml/*.yml, hidden folders skipped.
    A path that does not exist is passed on, so that loading reports it. A map named twice
    (`maps/ maps/x.yaml`, or through a linked folder) comes once; a link to a map under
    another name (`latest.yaml` -> `v3.yaml`) comes under its own.

    With `maps_dir` (as pre-commit uses it, passing every changed file), only maps: YAML
    files under `maps_dir`, and any file whose first key is `argmap` (`argmap: 1`); and
    for a settings file (`config`, if given: --config's), the maps under `maps_dir` that
    it may govern (`_governed`).

    A link in a folder to a hidden file, or the system's own, is not read
    (`_leads_astray`): once the paths are all given, `astray` (if given) holds each, once,
    with the folder it was found in (under `maps_dir`, only those in it)."""
    seen: set[tuple[str, str]] = set()
    real = RealPaths()
    links: list[tuple[str, str]] = []
    if maps_dir is not None:
        given = [os.fspath(p) for p in paths]
        paths = [*given, *_governed(given, maps_dir, config)]
    for found in _found(paths, maps_dir, links):
        key = (found, "") if found == "-" else (real(found), Path(found).name)
        if key not in seen:
            seen.add(key)
            yield found
    if astray is not None:
        within = Path(maps_dir).absolute() if maps_dir is not None else None
        once: dict[Path, tuple[str, str]] = {}
        for link, folder in links:
            if within is None or Path(link).absolute().is_relative_to(within):
                once.setdefault(Path(link).absolute(), (link, folder))
        astray += once.values()


def _governed(paths: list[str], maps_dir: str | Path, config: Path | None) -> list[str]:
    """The folders of maps that the settings files among `paths` may govern, each once:
    `maps_dir` for `config` (the settings of every map, given with --config) or for a
    settings file whose folder holds it, else the settings file's folder inside
    `maps_dir` (by their real paths, as settings are found). Pre-commit passes a settings
    file changed alone, and new settings (a rule turned on, `strict`) can fail maps that
    no change of their own would have had checked."""
    real = RealPaths()
    within, found = Path(real(maps_dir)), dict[str, Path]()
    for path in map(Path, paths):
        if config is not None:  # (the only settings file read)
            if Path(real(path)) == Path(real(config)):
                found[str(maps_dir)] = within
        elif names_settings(path):
            folder = Path(real(path.parent))
            if within.is_relative_to(folder):
                found[str(maps_dir)] = within
            elif folder.is_relative_to(within):
                found[str(path.parent)] = folder
    # (Not a folder inside another: its maps are found there.)
    return [
        f
        for f, at in found.items()
        if not any(at != o and at.is_relative_to(o) for o in found.values())
    ]


def _found(
    paths: Iterable[str | Path],
    maps_dir: str | Path | None,
    astray: list[tuple[str, str]] | None,
) -> Iterator[str]:
    real = RealPaths()  # (each folder looked at once: see `_is_map`)
    for path in paths:
        p = Path(path)
        try:
            folder = str(path) not in ("-", "") and p.is_dir()  # ("" is loading's to refuse)
        except OSError:  # (a name too long, a folder on the way that cannot be entered)
            folder = False  # loading says why: it stopped the run as "cannot write"
        if not folder:
            if maps_dir is None or _is_map(p, Path(maps_dir), real):
                yield str(path)
            continue
        # (Under `maps_dir`, a folder's maps only: `check --maps-dir maps .` read every
        # YAML file, a CI workflow and docker-compose.yml among them. What cannot be read
        # is passed on, for loading to say why.)
        found = _in_folder(p, astray)
        if maps_dir is not None:  # (a file found is a file: `_in_folder` looked)
            found = [
                f for f in found if not Path(f).is_file() or _is_map(Path(f), Path(maps_dir), real)
            ]
        yield from found


def _in_folder(folder: Path, astray: list[tuple[str, str]] | None = None) -> list[str]:
    """The YAML files in `folder` and its subfolders, hidden ones left out, in order; and,
    for loading to report, each subfolder that cannot be read and each link that leads
    nowhere or in a loop. (Passed over without a word, they let CI pass unchecked.) Links
    that lead astray (`_leads_astray`) are left out, and added to `astray` if given."""
    found: list[str] = []
    unreadable: list[OSError] = []
    inside = ""  # (the folder's real path, found once)
    for root, files in _walk(folder, unreadable):
        for name in files:
            path = Path(root, name)
            if not (is_yaml_name(path) and maybe_file(path)):
                continue
            inside = inside or real_path(folder)
            if _leads_astray(path, inside):
                if astray is not None:
                    astray.append((str(path), str(folder)))
                continue
            found.append(str(path))
    found += [str(error.filename) for error in unreadable if error.filename]
    return sorted(found)


def empty_folders(paths: Iterable[str], found: Sequence[str]) -> list[str]:
    """The folders among `paths` that hold no map: among several paths, one mistyped or
    emptied was passed over, and CI passed on the others. (Not one whose maps `found`
    holds under another path, as a folder inside another given, or a link to it.)"""
    empty: dict[str, str] = {}  # (each once, however named: `empty`, `empty/`)
    for path in paths:
        with suppress(OSError):
            if path not in ("-", "") and Path(path).is_dir():
                folder = Path(path)
                inside = any(Path(f).is_relative_to(folder) for f in found)
                if not inside and not _in_folder(folder):
                    empty.setdefault(os.path.realpath(folder), path)
    return list(empty.values())


def nothing_found(paths: Iterable[str]) -> tuple[str, str]:
    """What to say, and what to do, when `paths` hold no map: folders whose only maps are
    hidden (`.debate.yaml`) are said to be so, as files that folders' maps leave out."""
    hidden = []
    for path in paths:
        with suppress(OSError), os.scandir(path) as listing:  # (not a folder: none)
            hidden += [
                e.path
                for e in listing
                if e.name.startswith(".") and is_yaml_name(e.name) and e.is_file()
            ]
    hidden = [path for path in hidden if _starts_as_map(Path(path))]  # (not CI's settings)
    hint = "pass map files, or folders that hold them"
    installed = [f for path in paths for f in _installed_in(path)]
    if installed:  # (a folder of maps that happens to hold a pyvenv.cfg, say)
        hint = (
            f"{installed[0]} holds installed packages (a virtual environment's, or "
            "node_modules), which a folder's walk passes over: pass that folder itself"
        )
    if hidden:
        name = sorted(hidden)[0]
        more = f" (and {len(hidden) - 1:,} more)" if len(hidden) > 1 else ""
        hint = (
            f"{name}{more} is hidden, its name starting with `.`, and a folder's hidden files "
            f"are passed over: rename it, or pass the file itself, {name}"
        )
    return "no *.yaml or *.yml files found", hint


def _installed_in(folder: str) -> list[str]:
    """The subfolders of `folder` that its walk passes over as installed packages and that
    hold YAML files of their own (maps kept there, not a package's deep inside)."""
    found = []
    with suppress(OSError), os.scandir(folder) as listing:  # (not a folder: none)
        for entry in listing:
            if entry.name.startswith(".") or not entry.is_dir() or entry.is_symlink():
                continue
            with suppress(OSError), os.scandir(entry.path) as inside:
                names = {e.name for e in inside}
                packages = entry.name in _PACKAGES or names & _ENVIRONMENT_MARKS
                if packages and any(is_yaml_name(name) for name in names):
                    found.append(entry.path + os.sep)
    return sorted(found)


def _walk(top: Path, unreadable: list[OSError]) -> Iterator[tuple[str, list[str]]]:
    """Each folder under `top` (itself too) and the names in it that are not folders, as
    `os.walk` gives them (links to folders not followed), hidden ones and installed
    packages (`_PACKAGES`) left out; each folder that cannot be listed is added to
    `unreadable`. Not recursive: `os.walk` is, in Python 3.11, and folders 1,200 deep
    crashed it."""
    stack = [str(top)]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as listing:
                entries = [e for e in listing if not e.name.startswith(".")]
        except OSError as error:
            unreadable.append(error)
            continue
        if root != str(top) and any(e.name in _ENVIRONMENT_MARKS for e in entries):
            continue  # (an environment's packages: see `_PACKAGES`)
        files, below = [], []
        for entry in entries:
            try:
                folder = entry.is_dir()
            except OSError:  # (as os.walk: what cannot be looked at is no folder)
                folder = False
            if not folder:
                files.append(entry.name)
            elif not entry.is_symlink() and entry.name not in _PACKAGES:
                below.append(entry.path)
        yield root, files
        stack.extend(reversed(below))


# Folders of installed packages, not maps, which a folder's walk passes over (`argmap
# check .` in a project with a virtual environment read its packages' YAML files as maps,
# and failed on them): by name, and an environment whatever its name by what it holds (a
# virtual environment its pyvenv.cfg, a conda one its conda-meta).
_PACKAGES = frozenset(("node_modules", "site-packages", "__pypackages__"))
_ENVIRONMENT_MARKS = frozenset(("pyvenv.cfg", "conda-meta"))


def _leads_astray(path: Path, inside: str) -> bool:
    """Whether `path`, found in the folder whose real path is `inside`, is a link to what a
    folder's maps never are: a hidden file or one in a hidden folder, which the folder's
    walk skips (`~/.netrc`, `.env`, `~/.ssh/...`), or the system's own files
    (`/proc/self/environ`). (Read, what it held was printed, in CI's log from a link
    committed to a repository.) A link to a map in another folder is read; so is one
    into a hidden folder that the folder itself is in (`~/.config/maps`)."""
    try:
        if not path.is_symlink():
            return False
        real = Path(real_path(path))
    except OSError:  # (what cannot be looked at: loading says why)
        return False
    if real.parts[1:2] in _SYSTEMS:
        return True
    # (Below the folder too: `maps/x.yaml` -> `../.env` from `argmap check .`.)
    below = real.relative_to(os.path.commonpath([real, inside])).parts
    return any(part.startswith(".") for part in below)


# The system's own files, which no map is (`/run/secrets/...`, where /var/run leads).
_SYSTEMS = frozenset((("proc",), ("sys",), ("dev",), ("run",)))


def astray_error(link: str, folder: str) -> Diagnostic:
    """The error for a link found in `folder` that leads astray (see `discover`)."""
    said = (
        f"a link in {folder} to {real_path(link)}, a hidden file or the system's own, which "
        "a folder's maps never are: not read"
    )
    hint = "check the map where it is, or copy it into the folder"
    return Diagnostic("io-error", Severity.ERROR, Span.point(link), said, hint)


def maybe_file(path: Path) -> bool:
    """A file (or a link to one), or what cannot be looked at, a link that leads nowhere
    or in a loop among them (loading says why); not a pipe or a device, nor a link to
    one, which reading would wait on or never finish."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # (and in a folder that can be listed but not entered)
        return True


# A map's first key, whatever its version says (`argmap: 1.0`, `argmap:1`: `check` says
# what is wrong with it), in YAML or JSON.
_VERSION_LINE = re.compile(r"""\{?\s*(["']?)argmap\1\s*:""")


def _is_map(path: Path, maps_dir: Path, real: RealPaths) -> bool:
    """Whether `path` is a map under `--maps-dir`: a YAML file in `maps_dir` (through
    links too), or a file that starts as a map. (`real` resolves each folder once: per
    file, 1,200 nested folders took 30 s.)"""
    if is_yaml_name(path) and Path(real(path)).is_relative_to(real(maps_dir)):
        return True
    return _starts_as_map(path)


def _starts_as_map(path: Path) -> bool:
    """Whether the file's first line of content starts with the key `argmap`. (Not a pipe
    or a device: opening a pipe waited for a writer.)"""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as stream:
            head = stream.read(4096).decode("utf-8-sig", "replace")
    except OSError:
        return False
    for line in head.splitlines():
        line = line.strip()
        if line.startswith("---") and line[3:4] in ("", " ", "\t"):  # (`--- # a debate`)
            line = line[3:].strip()
        if line and line != "{" and not line.startswith(("#", "%")):  # (`%YAML 1.1`; JSON)
            return bool(_VERSION_LINE.match(line))
    return False


def check_loaded(
    loaded: Loaded, settings: Settings, graph: Graph | None = None
) -> tuple[Diagnostic, ...]:
    """Every diagnostic for one loaded file, sorted by position. `graph` is the map's graph
    if the caller has built it already."""
    if loaded.map is None:  # unusable file: its errors cannot be switched off
        return _capped(loaded.diagnostics)
    diagnostics = [d for d in loaded.diagnostics if settings.enabled(d.rule)]
    given = nullcontext(graph) if graph is not None else graph_for(loaded.map)
    shared: dict[str, Any] = {}
    with gc_paused(), given as g:
        for rule in REGISTRY.values():
            diagnostics.extend(run_rule(rule, loaded.map, g, settings, shared))
    return _capped(sorted(diagnostics, key=lambda d: d.sort_key))


# Diagnostics of one rule listed for a file, at most: past them, one more says how many are
# left out. 190,000 of one (a key written 190,000 times, in 950 KB) took 1.4 GB and 34 s
# to write as SARIF, which GitHub refuses past 25,000 results.
MAX_PER_RULE = 1_000


def _capped(diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """`diagnostics` (sorted), with at most MAX_PER_RULE of each rule: the rest in one, at
    the first left out, which says how many."""
    counts = Counter(d.rule for d in diagnostics)
    if max(counts.values(), default=0) <= MAX_PER_RULE:
        return tuple(diagnostics)
    kept: list[Diagnostic] = []
    seen: Counter[str] = Counter()
    for d in diagnostics:
        seen[d.rule] += 1
        if seen[d.rule] <= MAX_PER_RULE:
            kept.append(d)
        elif seen[d.rule] == MAX_PER_RULE + 1:
            more = counts[d.rule] - MAX_PER_RULE
            kept.append(
                replace(
                    d,
                    message=f"{more:,} more `{d.rule}` in this file, from here on, not listed "
                    f"(the first {MAX_PER_RULE:,} are); this one: {d.message}",
                    more=more - 1,
                )
            )
    return tuple(kept)


def run_rule(
    rule: Rule, m: Map, graph: Graph, settings: Settings, shared: dict[str, Any] | None = None
) -> Iterator[Diagnostic]:
    """One rule's diagnostics on a map (none for a loader rule, or one switched off).
    `shared` is what the rules of one check of the map share (Context.shared)."""
    if rule.check is None or not settings.enabled(rule.id):
        return
    context = Context(m, graph, settings.options(rule.id), {} if shared is None else shared)
    for span, message, hint in rule.check(context):
        yield Diagnostic(rule.id, rule.severity, span, message, hint)


def check(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    settings: Settings | Callable[[str], Settings] | None = None,
    maps_dir: str | Path | None = None,
) -> CheckResult:
    """Check map files and folders of maps, one path or several (with `maps_dir`, only
    the maps among `paths`). `settings` are for every map, or each map's from its path
    (`config.Resolver`, which finds the settings file nearest to each); by default,
    argmap's defaults."""
    # (A string is one path: taken as paths, `"maps/"` was m, a, p, s and /, the whole disk.)
    given = [paths] if isinstance(paths, str | os.PathLike) else paths
    names = [os.fspath(p) for p in given]
    reports = []
    astray: list[tuple[str, str]] = []
    config = settings.config if isinstance(settings, Resolver) else None
    for path in discover(names, maps_dir, astray, config):
        chosen = settings(path) if callable(settings) else settings or Settings()
        loaded = load(path)
        diagnostics = check_loaded(loaded, chosen)
        reports.append(FileReport(loaded.path, loaded.text, diagnostics, chosen.strict))
    reports += [FileReport(link, "", (astray_error(link, folder),)) for link, folder in astray]
    if maps_dir is None:  # (with it, pre-commit passed no map this time)
        if reports:  # (a folder among other paths, said apart)
            empty = [(f, [f]) for f in empty_folders(names, [r.path for r in reports])]
        else:
            empty = [(", ".join(names) or ".", names)]
        for where, of in empty:
            nothing = Diagnostic("io-error", Severity.ERROR, Span.point(where), *nothing_found(of))
            reports.append(FileReport(where, "", (nothing,)))
    return CheckResult(tuple(reports))
