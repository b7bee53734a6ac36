"""Errors raised by hbey_graph.

Each subclasses a builtin so callers can catch it the ordinary way, and each message is one line
written for the person who meets it: which file or input, and what was expected.
"""

from __future__ import annotations

__all__ = ["HbeyGraphError", "ParseWarning", "PlanFormatError", "PlanReadError", "UnknownTableError"]


class HbeyGraphError(Exception):
    """Base class of every error hbey_graph raises on purpose."""


class PlanReadError(HbeyGraphError, OSError):
    """A plan file cannot be read: missing, a directory, empty, binary or in an unknown encoding."""


class PlanFormatError(HbeyGraphError, ValueError):
    """A plan file was read but holds nothing the parser can use (no responsibility annotation)."""


class UnknownTableError(HbeyGraphError, KeyError):
    """A table name that hbey_graph does not provide."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ParseWarning(UserWarning):
    """Something in a plan's text that the parser noticed and handled (see ``Plan.issues``)."""
