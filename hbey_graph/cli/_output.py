"""Writing tables to standard output in the formats every command offers."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

import pandas as pd

from hbey_graph.cli._values import number_in
from hbey_graph.extract.readers import MAX_PLAN_BYTES
from hbey_graph.records import Plan

__all__ = ["add_format_option", "add_plan_option", "read_plan", "write_table"]


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--plan PATH`` (the bundled plan by default; ``-`` for standard input) and ``--max-size MB``."""
    parser.add_argument(
        "--plan",
        metavar="PATH",
        default=None,
        help="plan file to read (default: the bundled plan; -: standard input)",
    )
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=number_in(0, what="megabytes", low_open=True),
        default=MAX_PLAN_BYTES / 2**20,
        help=f"largest plan file read (default: {MAX_PLAN_BYTES // 2**20} MB)",
    )


def read_plan(args: argparse.Namespace) -> Plan:
    """The plan named by ``--plan``, read with the ``--max-size`` limit."""
    from hbey_graph.extract.parser import load_plan

    max_size = getattr(args, "max_size", MAX_PLAN_BYTES / 2**20)
    return load_plan(args.plan, max_bytes=int(max_size * 2**20))


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("csv", "json"), default: str = "csv"
) -> None:
    """Add ``--format`` with the given choices."""
    parser.add_argument(
        "--format", choices=choices, default=default, help=f"output format (default: {default})"
    )


def write_table(frame: pd.DataFrame, fmt: str, out: TextIO | None = None) -> None:
    """Write `frame` as ``csv``, ``json`` (a list of records) or ``table`` (aligned text).

    The index is written only when it carries names (a matrix), never a bare row number.
    """
    out = out or sys.stdout
    keep_index = any(name is not None for name in frame.index.names)
    if fmt == "csv":
        frame.to_csv(out, index=keep_index, lineterminator="\n")
    elif fmt == "json":
        data = frame.reset_index() if keep_index else frame
        out.write(data.to_json(orient="records", force_ascii=False, indent=1))
        out.write("\n")
    elif fmt == "table":
        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            40,
            "display.unicode.east_asian_width",
            True,
        ):
            out.write(frame.to_string(index=keep_index))
            out.write("\n")
    else:  # argparse restricts the choices; this guards programmatic callers
        raise ValueError(f"unknown format {fmt!r}: expected csv, json or table")
