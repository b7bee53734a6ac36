"""The ``hbey-graph`` command.

Each command group lives in its own module with a ``register(subparsers)`` function; this module
builds the parser, runs the chosen command and turns every expected error into one line on standard
error and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from hbey_graph.errors import HbeyGraphError, ParseWarning

__all__ = ["build_parser", "main"]

#: Command modules, each with ``register(subparsers)``. A module that is not there yet is skipped.
COMMAND_MODULES = ("export", "analyze", "report", "explore", "neo4j", "corpus", "evaluate")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``hbey-graph`` with every command group registered."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="hbey-graph",
        description="Who is responsible for what in a Chinese implementation plan, as a graph.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"hbey_graph.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"hbey_graph.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, ParseWarning):
        print(f"warning: {message}", file=sys.stderr)
    else:
        print(warnings.formatwarning(message, category, filename, lineno, line), file=sys.stderr, end="")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hbey-graph`` with `argv` (``sys.argv[1:]`` when None) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    warnings.showwarning = _show_warning
    try:
        return int(args.run(args) or 0)
    except HbeyGraphError as err:
        print(f"hbey-graph: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("hbey-graph: interrupted", file=sys.stderr)
        return 130
