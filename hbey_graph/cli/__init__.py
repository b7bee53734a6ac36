"""The ``hbey-graph`` command.

Each command group lives in its own module with a ``register(subparsers)`` function; this module
builds the parser, runs the chosen command and turns every expected failure into one line on
standard error and a non-zero exit status: a wrong option or value, a file that cannot be read or
written (exit status 2), an interrupt (130) or a termination signal (128 + its number), on which
every worker process is ended and every temporary file removed before the command exits.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import unicodedata
import warnings
from collections.abc import Sequence
from typing import NoReturn

from hbey_graph.errors import HbeyGraphError, ParseWarning
from hbey_graph.interrupts import Terminated, handle_stop_signals, raise_if_stopped

__all__ = ["Terminated", "build_parser", "main", "printable"]

#: Command modules, each with ``register(subparsers)``. A module that is not there yet is skipped.
COMMAND_MODULES = ("export", "analyze", "report", "explore", "neo4j", "corpus", "evaluate")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: what was wrong, and where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {printable(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``hbey-graph`` with every command group registered."""
    import importlib

    parser = _Parser(
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


def printable(text: str) -> str:
    r"""`text` with control and invisible characters written as escapes, so it prints as one safe line.

    A file name or a plan's text may hold a terminal's control sequence, a line break or a
    right-to-left override; written raw they would garble or fake the terminal's output.

    Examples
    --------
    >>> printable("plan\x1b[31m.txt\n")
    'plan\\x1b[31m.txt\\n'
    >>> printable("自治区发展\u200b改革委")
    '自治区发展\\u200b改革委'
    """
    return "".join(
        char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in ("Cc", "Cf") else char
        for char in text
    )


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, ParseWarning) or category is UserWarning:
        print(f"warning: {printable(str(message))}", file=sys.stderr)
    else:
        print(warnings.formatwarning(message, category, filename, lineno, line), file=sys.stderr, end="")


def _prepare_streams() -> None:
    """Let every message and table be written whatever the console's encoding.

    Messages on standard error that the console cannot show are written with escapes; tables on
    standard output are data, so a console that cannot take Chinese gets them in UTF-8 (what a
    file or pipe needs) rather than an error.
    """
    for stream, change in ((sys.stderr, {"errors": "backslashreplace"}), (sys.stdout, {"encoding": "utf-8"})):
        if not hasattr(stream, "reconfigure"):
            continue
        try:
            "任务".encode(stream.encoding)
        except (LookupError, UnicodeEncodeError):
            stream.reconfigure(**change)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hbey-graph`` with `argv` (``sys.argv[1:]`` when None) and return the exit status."""
    _prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    warnings.showwarning = _show_warning
    try:
        with handle_stop_signals():
            status = int(args.run(args) or 0)
            sys.stdout.flush()
            raise_if_stopped()  # a signal whose exception was swallowed on the way still counts
        return status
    except HbeyGraphError as err:
        print(f"hbey-graph: error: {printable(str(err))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as err:
        where = "standard output" if err.filename is None else err.filename  # a stream has no file name
        what = err.strerror or type(err).__name__
        print(f"hbey-graph: error: {printable(str(where)) + ': ' if where else ''}{what}", file=sys.stderr)
        _silence_stdout()
        return 2
    except KeyboardInterrupt:
        print("hbey-graph: interrupted", file=sys.stderr)
        return 130
    except Terminated as stop:
        signum = int(stop.args[0])
        print(f"hbey-graph: stopped by {signal.Signals(signum).name}", file=sys.stderr)
        return 128 + signum


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
