"""Writing tables to standard output in the formats every command offers."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

import pandas as pd

__all__ = ["add_format_option", "add_plan_option", "write_table"]


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--plan PATH`` (the bundled plan by default)."""
    parser.add_argument(
        "--plan", metavar="PATH", default=None, help="plan file to read (default: the bundled plan)"
    )


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
