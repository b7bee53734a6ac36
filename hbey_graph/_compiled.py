"""Which modules of the package run compiled, and whether a compiled one lags behind its source.

An install compiles the parser's modules with Cython where it can (``setup.py``); the compiled
module (``places.cpython-311-x86_64-linux-gnu.so``) sits beside its source (``places.py``) and Python
imports it first. After the source changes, the module still runs the old code until the next
install: :func:`stale_modules` finds such modules, and ``import hbey_graph`` warns about them.
"""

from __future__ import annotations

import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

__all__ = ["compiled_modules", "stale_modules", "warn_if_stale"]

_PACKAGE = Path(__file__).parent


def _compiled_files(folder: Path) -> dict[str, Path]:
    """Return the extension modules in `folder` this interpreter can import, by module name."""
    found: dict[str, Path] = {}
    for suffix in EXTENSION_SUFFIXES:
        for path in folder.glob(f"*{suffix}"):
            found.setdefault(path.name.removesuffix(suffix), path)
    return found


def compiled_modules() -> list[str]:
    """Return the names of the package's modules that were imported compiled, in name order.

    Examples
    --------
    >>> import hbey_graph
    >>> set(compiled_modules()) <= {"annotation", "bodies", "parser", "places", "text"}
    True
    """
    return sorted(
        name.removeprefix("hbey_graph.")
        for name, module in list(sys.modules.items())
        if name.startswith("hbey_graph.") and not (getattr(module, "__file__", None) or ".py").endswith(".py")
    )


def stale_modules(folder: Path = _PACKAGE) -> list[str]:
    """Return the modules in `folder` whose compiled file is older than their Python source.

    Parameters
    ----------
    folder : pathlib.Path
        The folder of the modules; the package's own by default.

    Returns
    -------
    list of str
        Module names, in name order; a compiled module without a source beside it is left out.
    """
    stale = []
    for name, compiled in sorted(_compiled_files(folder).items()):
        source = folder / f"{name}.py"
        if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
            stale.append(name)
    return stale


def warn_if_stale(folder: Path = _PACKAGE) -> None:
    """Warn when a compiled module is older than its source, and so runs code that is no longer there."""
    stale = stale_modules(folder)
    if stale:
        names = ", ".join(f"{name}.py" for name in stale)
        warnings.warn(
            f"hbey_graph: {names} changed after {'it was' if len(stale) == 1 else 'they were'} compiled, "
            "so the old code still runs; reinstall to compile again (make install, or pip install -e .), "
            f"or delete the compiled files in {folder} to run the source",
            RuntimeWarning,
            stacklevel=2,
        )
