"""Option values checked when the command line is read, so a wrong value is one line before any work."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

__all__ = ["number_in", "whole_number_in"]


def whole_number_in(low: int, high: int | None = None, *, what: str = "number") -> Callable[[str], int]:
    """An ``argparse`` type: a whole number from `low` to `high` (no upper bound when None).

    Examples
    --------
    >>> jobs = whole_number_in(1, 64, what="processes")
    >>> jobs("2")
    2
    >>> jobs("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a whole number of processes from 1 to 64, not '0'
    """
    bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected a whole number of {what} {bounds}, not {text!r}")
        return value

    parse.__name__ = f"whole number of {what}"
    return parse


def number_in(
    low: float, high: float | None = None, *, what: str = "value", low_open: bool = False
) -> Callable[[str], float]:
    """An ``argparse`` type: a finite number from `low` (above it when `low_open`) to `high`.

    Examples
    --------
    >>> dpi = number_in(0, 600, what="dots per inch", low_open=True)
    >>> dpi("300")
    300.0
    >>> dpi("nan")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected dots per inch above 0 and at most 600, not 'nan'
    """
    start = f"above {low:g}" if low_open else f"of at least {low:g}"
    bounds = f"{start} and at most {high:g}" if high is not None else start

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        too_low = value <= low if low_open else value < low
        if not math.isfinite(value) or too_low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {what} {bounds}, not {text!r}")
        return value

    parse.__name__ = what
    return parse
