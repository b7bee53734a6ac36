"""Errors raised by hbey_graph.

Each subclasses a builtin so callers can catch it the ordinary way, and each message is one line
written for the person who meets it: which file or input, and what was expected.
"""

from __future__ import annotations

__all__ = [
    "DatabaseExistsError",
    "DatabaseImportError",
    "DatabaseInUseError",
    "GraphLoadError",
    "HbeyGraphError",
    "ImportFolderError",
    "Neo4jAuthError",
    "Neo4jConnectionError",
    "Neo4jImportError",
    "Neo4jQueryError",
    "Neo4jServerError",
    "Neo4jUnavailableError",
    "OutputError",
    "ParseWarning",
    "PlanFormatError",
    "PlanReadError",
    "QueryParameterError",
    "ReportFolderError",
    "UnknownQueryError",
    "UnknownTableError",
]


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


class Neo4jServerError(HbeyGraphError, RuntimeError):
    """The local Neo4j server could not be built, started or stopped."""


class Neo4jUnavailableError(Neo4jServerError):
    """The local Neo4j server cannot run here: no Java 17+, no Maven, or Neo4j cannot be downloaded."""


class Neo4jConnectionError(HbeyGraphError, ConnectionError):
    """A Neo4j server cannot be reached (wrong address, not running) or has no such database."""


class Neo4jAuthError(HbeyGraphError, PermissionError):
    """A Neo4j server refused the user name or password."""


class Neo4jQueryError(HbeyGraphError, RuntimeError):
    """A Neo4j server rejected a statement hbey_graph sent."""


class Neo4jImportError(Neo4jQueryError):
    """A Neo4j server cannot read the files the bulk loader wrote: not its import folder, or no access."""


class DatabaseImportError(HbeyGraphError, RuntimeError):
    """Neo4j's offline importer could not write the new database from the CSV files."""


class DatabaseExistsError(HbeyGraphError, FileExistsError):
    """The data folder of an offline import already holds the database, and overwriting was not asked for."""


class DatabaseInUseError(DatabaseImportError):
    """The data folder of an offline import is open in a running Neo4j server."""


class ImportFolderError(HbeyGraphError, OSError):
    """The folder the bulk loader writes its CSV files to is missing, not a folder, or not writable."""


class UnknownQueryError(HbeyGraphError, KeyError):
    """A query name that is not one of the ``.cypher`` files hbey_graph ships."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class QueryParameterError(HbeyGraphError, ValueError):
    """A query parameter that is missing, not declared by the query, or of the wrong type."""


class GraphLoadError(HbeyGraphError, ValueError):
    """A graph that does not follow hbey_graph's schema and so cannot be loaded into Neo4j."""


class ReportFolderError(HbeyGraphError, FileExistsError):
    """The output folder cannot take a report: it is a file, or a folder holding something else."""


class OutputError(HbeyGraphError, OSError):
    """An output file or folder cannot be written: a folder in the way, no permission, a full disk."""


class ParseWarning(UserWarning):
    """Something in a plan's text that the parser noticed and handled (see ``Plan.issues``)."""
