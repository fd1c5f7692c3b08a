"""Drawings left behind: argmap's drawings beside maps that are gone (renamed, removed),
which `render --check` reports as stale, as it does a drawing that differs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from argmap.checker import maybe_file, walk_folder
from argmap.files import real_path
from argmap.render.batch import Job

# What argmap writes into each drawing of a format, and no drawing of another tool's has:
# the graph's id (see `dot.py`), or the PDF's creator. (A PNG holds no such mark: another
# image beside the maps, a logo, would be taken for a drawing left behind.)
_MARKS = {
    "svg": re.compile(rb'<g id="_map" class="graph"'),
    "dot": re.compile(rb"\bid=_map\b"),
    "json": re.compile(rb'"id": "_map"'),
    "pdf": re.compile(rb"/Creator \(argmap\)"),
}
_LOOKED_AT = 64 * 2**20  # bytes of a file read for the mark: a larger file is no drawing


def left_behind(paths: Iterable[str], jobs: Sequence[Job], fmt: str) -> list[str]:
    """argmap's drawings in `fmt` in the folders among `paths` (and their subfolders,
    hidden ones left out, as maps are found) that none of `jobs` draws: each map's drawing
    goes beside it, so such a drawing's map is gone."""
    mark = _MARKS.get(fmt)
    if mark is None:
        return []
    drawn = {real_path(job.output) for job in jobs}
    found = []
    for path in paths:
        if not Path(path).is_dir():
            continue
        for root, names in walk_folder(Path(path), []):
            for name in names:
                file = Path(root, name)
                if (
                    file.suffix.lower() == f".{fmt}"
                    and real_path(file) not in drawn
                    and maybe_file(file)
                    and _marked(file, mark)
                ):
                    found.append(str(file))
    return sorted(found)


def _marked(file: Path, mark: re.Pattern[bytes]) -> bool:
    """Whether `file` holds argmap's `mark` (False if it cannot be read)."""
    try:
        with file.open("rb") as stream:
            return mark.search(stream.read(_LOOKED_AT)) is not None
    except OSError:
        return False
