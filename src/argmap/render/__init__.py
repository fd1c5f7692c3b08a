"""Render a map: graph -> DOT -> layout engine -> svg, png, pdf, dot or json bytes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from argmap.diagnostics import did_you_mean
from argmap.graph import Graph, build_graph, neighbourhood
from argmap.model import Map
from argmap.render.dot import DotOptions, build_dot
from argmap.render.engines import EngineError, select

FORMATS = ("svg", "png", "pdf", "dot", "json")


class RenderError(Exception):
    """A map that cannot be rendered as asked: the message says why and what to do."""


@dataclass(frozen=True)
class RenderOptions:
    format: str = "svg"
    engine: str = "auto"
    focus: str | None = None
    depth: int = 2
    dot: DotOptions = field(default_factory=DotOptions)


def options_for(m: Map, base: RenderOptions, overrides: dict[str, Any]) -> RenderOptions:
    """`base` with the map's `render:` defaults, then the command line's `overrides` (the
    DotOptions fields given, None meaning "not given") on top."""
    names = {"group-by": "group_by"}
    from_map = {names.get(k, k): v for k, v in m.render.items()}
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(base, dot=replace(base.dot, **{**from_map, **given}))


def _focus(g: Graph, m: Map, options: RenderOptions) -> Graph:
    if options.focus is None:
        return g
    if options.focus not in m.nodes:
        hint = did_you_mean(options.focus, m.nodes, fallback="`argmap show` lists the ids")
        raise RenderError(f"--focus: no node `{options.focus}` in {m.path}; {hint}")
    return neighbourhood(g, options.focus, options.depth)


def render(m: Map, options: RenderOptions | None = None) -> bytes:
    """The map drawn in `options.format`. Raises RenderError (and EngineError, a kind of it
    for the caller) with a message for the user."""
    options = options or RenderOptions()
    if options.format not in FORMATS:
        raise RenderError(f"unknown format `{options.format}`; choose {', '.join(FORMATS)}")
    dot = build_dot(_focus(build_graph(m), m, options), m, options.dot)
    if options.format == "dot":
        return dot.encode("utf-8")
    try:
        if options.format == "pdf" and options.engine != "system":
            from argmap.render.pdf import svg_to_pdf

            return svg_to_pdf(select(options.engine, "svg").run(dot, "svg"))
        return select(options.engine, options.format).run(dot, options.format)
    except EngineError as error:
        raise RenderError(str(error)) from error
