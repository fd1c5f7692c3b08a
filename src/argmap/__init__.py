"""argmap: argument maps as code.

    >>> import argmap
    >>> result = argmap.check(["maps/"])
    >>> result.exit_code
    0

Submodules are imported on first use, so that `import argmap` (and `argmap --version`)
stays instant.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from argmap.checker import CheckResult, check
    from argmap.diff import MapDiff, diff_maps
    from argmap.graph import build_graph
    from argmap.interchange.iccma import from_apx, from_i23, to_apx, to_i23, to_map_yaml
    from argmap.loader import Loaded, load, loads
    from argmap.model import Map
    from argmap.render import RenderError, RenderOptions
    from argmap.render import render as render_map
    from argmap.render.dot import DotOptions
    from argmap.semantics import Evaluation, evaluate
    from argmap.semantics.framework import Framework, from_graph

# Everything the command line does, by the module that does it.
_EXPORTS = {
    "check": "argmap.checker",
    "CheckResult": "argmap.checker",
    "load": "argmap.loader",
    "loads": "argmap.loader",
    "Loaded": "argmap.loader",
    "Map": "argmap.model",
    "build_graph": "argmap.graph",
    # `argmap.render` is the subpackage once imported, so the function has another name.
    "render_map": "argmap.render:render",
    "RenderOptions": "argmap.render",
    "RenderError": "argmap.render",
    "DotOptions": "argmap.render.dot",
    "evaluate": "argmap.semantics",
    "Evaluation": "argmap.semantics",
    "diff_maps": "argmap.diff",
    "MapDiff": "argmap.diff",
    "Framework": "argmap.semantics.framework",
    "from_graph": "argmap.semantics.framework",
    "to_apx": "argmap.interchange.iccma",
    "to_i23": "argmap.interchange.iccma",
    "from_apx": "argmap.interchange.iccma",
    "from_i23": "argmap.interchange.iccma",
    "to_map_yaml": "argmap.interchange.iccma",
}
__all__ = [
    "CheckResult",
    "DotOptions",
    "Evaluation",
    "Framework",
    "Loaded",
    "Map",
    "MapDiff",
    "RenderError",
    "RenderOptions",
    "__version__",
    "build_graph",
    "check",
    "diff_maps",
    "evaluate",
    "from_apx",
    "from_graph",
    "from_i23",
    "load",
    "loads",
    "render_map",
    "to_apx",
    "to_i23",
    "to_map_yaml",
]


def __getattr__(name: str) -> Any:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module, _, attribute = where.partition(":")
    return getattr(import_module(module), attribute or name)
