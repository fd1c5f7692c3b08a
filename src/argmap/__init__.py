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
    from argmap.graph import build_graph
    from argmap.loader import Loaded, load, loads

_EXPORTS = {
    "check": "argmap.checker",
    "CheckResult": "argmap.checker",
    "load": "argmap.loader",
    "loads": "argmap.loader",
    "Loaded": "argmap.loader",
    "build_graph": "argmap.graph",
}
__all__ = ["CheckResult", "Loaded", "__version__", "build_graph", "check", "load", "loads"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    return getattr(import_module(module), name)
