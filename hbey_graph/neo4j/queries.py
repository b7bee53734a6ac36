"""The Cypher library in ``cypher/``, connections to Neo4j, and queries as DataFrames.

Every statement hbey_graph runs is a ``.cypher`` file of the package ``hbey_graph.cypher``: the
schema (``schema.cypher``), the loader's statements (``load/``) and one file per question (the
top-level files other than the schema). Each file opens with a ``//`` comment stating its purpose,
its parameters and the columns it returns::

    // One line or more saying what the query answers.
    //
    // Parameters:
    //   $body (string): the body's name as written
    //   $plan_id (string, default null): one plan only; every plan when null
    // Columns:
    //   task_id: the task's id
    MATCH ...

Parameters are always passed to the server as parameters, never written into the statement.

Connections follow the usual ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` variables (see :func:`connect`); a driver the caller owns can be passed to
every function and is never closed here.
"""

from __future__ import annotations

import contextlib
import os
import re
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pandas as pd

from hbey_graph.errors import (
    HbeyGraphError,
    Neo4jAuthError,
    Neo4jConnectionError,
    Neo4jQueryError,
    QueryParameterError,
    UnknownQueryError,
)

if TYPE_CHECKING:
    import neo4j

__all__ = [
    "DEFAULT_URI",
    "PARAMETER_TYPES",
    "Query",
    "QueryParameter",
    "connect",
    "describe_query",
    "list_queries",
    "parse_parameter",
    "read_statements",
    "run_query",
]

#: Where :func:`connect` looks when neither an argument nor ``NEO4J_URI`` says otherwise.
DEFAULT_URI = "bolt://localhost:7687"

#: URI schemes of the Bolt protocol, which :func:`connect` accepts.
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Parameter types a query header may declare.
PARAMETER_TYPES = ("string", "integer", "float", "boolean", "list of string", "list of map")

#: Package holding the ``.cypher`` files.
_PACKAGE = "hbey_graph.cypher"

#: Files in the package that are not questions.
_NOT_QUESTIONS = ("schema",)

#: URI and default database of each driver made by :func:`connect`.
_CONNECTED: weakref.WeakKeyDictionary[Any, tuple[str, str | None]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class QueryParameter:
    """A parameter a query declares in its header.

    Attributes
    ----------
    name : str
        Name without the ``$``.
    type : str
        One of :data:`PARAMETER_TYPES`.
    required : bool
        Whether the caller must give it (it has no default).
    default : object
        Value used when the caller does not give it (``None`` for ``default null``).
    description : str
        What it is.
    """

    name: str
    type: str
    required: bool
    default: Any
    description: str


@dataclass(frozen=True)
class Query:
    """A ``.cypher`` file of the package: its header and its statements.

    Attributes
    ----------
    name : str
        Name of the file without ``.cypher``, relative to the package (``"workload"``,
        ``"load/Task"``).
    purpose : str
        What the statement does or answers, from the header.
    parameters : tuple of QueryParameter
        Declared parameters, in header order.
    columns : tuple of str
        Declared result columns, in order.
    statements : tuple of str
        The statements of the file, without the header (one, except in ``schema.cypher``).
    """

    name: str
    purpose: str
    parameters: tuple[QueryParameter, ...]
    columns: tuple[str, ...]
    statements: tuple[str, ...]

    @property
    def text(self) -> str:
        """The file's statement (the first one where the file has several)."""
        return self.statements[0]

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Check `values` against the declared parameters and fill in defaults.

        Raises
        ------
        QueryParameterError
            If a value is given for an undeclared parameter, or a required one is missing.

        Examples
        --------
        >>> describe_query("body_tasks").bind({"body": "自治区科技厅"})
        {'body': '自治区科技厅', 'plan_id': None}
        """
        declared = {parameter.name: parameter for parameter in self.parameters}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            expected = ", ".join(declared) or "no parameters"
            raise QueryParameterError(
                f"query {self.name!r} has no parameter {unknown[0]!r}; it takes {expected}"
            )
        bound = {}
        for name, parameter in declared.items():
            if name in values:
                bound[name] = values[name]
            elif parameter.required:
                raise QueryParameterError(
                    f"query {self.name!r} needs the parameter {name!r} ({parameter.type}: "
                    f"{parameter.description})"
                )
            else:
                bound[name] = parameter.default
        return bound


# -- reading the files ---------------------------------------------------------------------------


def _files() -> Any:
    return resources.files(_PACKAGE)


def list_queries() -> list[str]:
    """Return the names of the question queries shipped in ``cypher/``, sorted.

    The schema and the loader's statements are not questions and are not listed.

    Examples
    --------
    >>> names = list_queries()
    >>> "workload" in names, "schema" in names
    (True, False)
    """
    return sorted(
        entry.name.removesuffix(".cypher")
        for entry in _files().iterdir()
        if entry.name.endswith(".cypher") and entry.name.removesuffix(".cypher") not in _NOT_QUESTIONS
    )


def describe_query(name: str) -> Query:
    """Return the question query `name` (see :func:`list_queries`) with its header.

    Raises
    ------
    UnknownQueryError
        If there is no such query.

    Examples
    --------
    >>> query = describe_query("coordination_edges")
    >>> query.columns
    ('lead', 'support', 'weight')
    >>> [parameter.name for parameter in query.parameters]
    ['plan_id']
    """
    names = list_queries()
    if name not in names:
        raise UnknownQueryError(f"unknown query {name!r}; expected one of: {', '.join(names)}")
    return read_statements(name)


@cache
def read_statements(name: str) -> Query:
    """Read ``cypher/{name}.cypher`` (any file of the package, ``"schema"`` and ``"load/…"`` included).

    Raises
    ------
    UnknownQueryError
        If the file does not exist.
    ValueError
        If its header does not declare parameters and columns as described in this module.

    Examples
    --------
    >>> schema = read_statements("schema")
    >>> len(schema.statements), schema.statements[0].split(" IF ")[0]
    (9, 'CREATE CONSTRAINT hbey_graph_plan_id')
    >>> read_statements("load/Task").columns
    ('written',)
    """
    path = _files().joinpath(*f"{name}.cypher".split("/"))
    if not path.is_file():
        raise UnknownQueryError(f"no file cypher/{name}.cypher in the installed package")
    return _parse(name, path.read_text(encoding="utf-8"))


_PARAMETER = re.compile(r"^\$(\w+)\s*\(([^)]*)\)\s*:\s*(.*)$")
_COLUMN = re.compile(r"^(\w+)\s*:\s*(.*)$")


def _parse(name: str, text: str) -> Query:
    """Split a file into its header (purpose, parameters, columns) and its statements."""
    lines = text.splitlines()
    header: list[str] = []
    while lines and (lines[0].startswith("//") or not lines[0].strip()):
        header.append(lines.pop(0).removeprefix("//"))
    body = "\n".join(lines).strip()
    purpose: list[str] = []
    entries: dict[str, list[str]] = {"parameters": [], "columns": []}
    section = None
    for line in header:
        stripped = line.strip()
        label = stripped.split(":", 1)[0].lower()
        if label in entries and ":" in stripped:
            section = label
            rest = stripped.split(":", 1)[1].strip()
            if rest and rest != "none":
                raise ValueError(f"cypher/{name}.cypher: write the {label} one per line under '{label}:'")
            continue
        if section is None:
            if stripped:
                purpose.append(stripped)
        elif stripped:
            if line.startswith("   ") and line[3:4] == " " and entries[section]:  # continuation
                entries[section][-1] += " " + stripped
            else:
                entries[section].append(stripped)
    if section is None or not purpose:
        raise ValueError(f"cypher/{name}.cypher: the header must state a purpose, 'Parameters:', 'Columns:'")
    parameters = tuple(_parameter(name, entry) for entry in entries["parameters"])
    columns = []
    for entry in entries["columns"]:
        match = _COLUMN.match(entry)
        if not match:
            raise ValueError(f"cypher/{name}.cypher: expected 'name: description' (a column), got {entry!r}")
        columns.append(match.group(1))
    statements = tuple(
        statement.strip() for statement in re.split(r";[ \t]*(?:\n|$)", body) if statement.strip()
    )
    if not statements:
        raise ValueError(f"cypher/{name}.cypher holds no statement")
    return Query(name, " ".join(purpose), parameters, tuple(columns), statements)


def _parameter(name: str, entry: str) -> QueryParameter:
    match = _PARAMETER.match(entry)
    if not match:
        raise ValueError(
            f"cypher/{name}.cypher: expected '$name (type): description' for a parameter, got {entry!r}"
        )
    parameter, spec, description = match.groups()
    type_, _, default_text = (part.strip() for part in spec.partition(","))
    if type_ not in PARAMETER_TYPES:
        raise ValueError(f"cypher/{name}.cypher: ${parameter} has unknown type {type_!r}")
    if not default_text:
        return QueryParameter(parameter, type_, True, None, description)
    if not default_text.startswith("default "):
        raise ValueError(f"cypher/{name}.cypher: expected 'default VALUE' after the type of ${parameter}")
    default = _convert(type_, default_text.removeprefix("default ").strip())
    return QueryParameter(parameter, type_, False, default, description)


def _convert(type_: str, text: str) -> Any:
    if text == "null":
        return None
    if type_ == "string":
        return text
    if type_ == "integer":
        return int(text)
    if type_ == "float":
        return float(text)
    if type_ == "boolean":
        lowered = text.lower()
        if lowered not in ("true", "false", "yes", "no", "1", "0"):
            raise ValueError(f"expected true or false, got {text!r}")
        return lowered in ("true", "yes", "1")
    if type_ == "list of string":
        return [item.strip() for item in text.split(",") if item.strip()]
    raise ValueError(f"a {type_} cannot be written on the command line")


def parse_parameter(query: Query, assignment: str) -> tuple[str, Any]:
    """Turn ``key=value`` from the command line into a typed parameter of `query`.

    Integers, floats and booleans are converted; a list of strings is written comma-separated;
    ``null`` (or nothing after ``=``, for an optional parameter) is no value.

    Raises
    ------
    QueryParameterError
        If the text is not ``key=value``, the key is not a parameter of `query`, or the value is
        not of the declared type.

    Examples
    --------
    >>> query = describe_query("co_assignment_pairs")
    >>> parse_parameter(query, "roles=lead,support")
    ('roles', ['lead', 'support'])
    >>> parse_parameter(query, "plan_id=")
    ('plan_id', None)
    """
    key, sep, text = assignment.partition("=")
    key = key.strip().lstrip("$")
    if not sep or not key:
        raise QueryParameterError(f"expected a parameter as key=value, got {assignment!r}")
    declared = {parameter.name: parameter for parameter in query.parameters}
    if key not in declared:
        expected = ", ".join(declared) or "no parameters"
        raise QueryParameterError(f"query {query.name!r} has no parameter {key!r}; it takes {expected}")
    parameter = declared[key]
    if text == "" and not parameter.required:
        return key, None
    try:
        return key, _convert(parameter.type, text)
    except ValueError as err:
        raise QueryParameterError(f"parameter {key!r} of query {query.name!r}: {err}") from err


# -- connections ---------------------------------------------------------------------------------


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> neo4j.Driver:
    """Open a driver to a Neo4j server and check that it answers.

    Each argument left out is read from the environment: ``NEO4J_URI`` (default
    ``bolt://localhost:7687``), ``NEO4J_USERNAME`` (``neo4j`` when only a password is given),
    ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``. Without user and password the driver connects
    without authentication, as to the local server of :class:`hbey_graph.neo4j.Neo4jServer`.

    Parameters
    ----------
    uri, user, password : str, optional
        Where and as whom to connect.
    database : str, optional
        Database the library's functions use with this driver when they are not told otherwise
        (the server's default database when None).

    Returns
    -------
    neo4j.Driver
        The caller owns it and closes it (it is a context manager).

    Raises
    ------
    Neo4jConnectionError
        If the URI is malformed or nothing answers there.
    Neo4jAuthError
        If the server refuses the credentials.

    Examples
    --------
    >>> with connect("bolt://localhost:7687") as driver:  # doctest: +SKIP
    ...     run_query("workload", driver).head()
    """
    import neo4j
    from neo4j.exceptions import ConfigurationError

    uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    user = user if user is not None else os.environ.get("NEO4J_USERNAME")
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    database = database or os.environ.get("NEO4J_DATABASE") or None
    auth = None if user is None and password is None else (user or "neo4j", password or "")
    scheme = uri.partition("://")[0].lower()
    if scheme not in _SCHEMES:
        raise Neo4jConnectionError(
            f"cannot use the Neo4j URI {uri!r}: expected one starting with bolt:// or neo4j:// "
            "(or their +s and +ssc forms)"
        )
    _check_port(uri)
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth)
    except (ConfigurationError, ValueError) as err:
        raise Neo4jConnectionError(f"cannot use the Neo4j URI {uri!r}: {_one_line(err)}") from err
    try:
        with _translated(uri, user=auth[0] if auth else None):
            driver.verify_connectivity()
    except BaseException:
        driver.close()
        raise
    _CONNECTED[driver] = (uri, database)
    return driver


def _check_port(uri: str) -> None:
    """Refuse a URI whose port is not a port (the driver would quietly take it modulo 65536)."""
    from urllib.parse import urlsplit

    try:
        port = urlsplit(uri).port
    except ValueError as err:
        raise Neo4jConnectionError(
            f"cannot use the Neo4j URI {uri!r}: {err}; expected a port from 1 to 65535"
        ) from err
    if port is not None and not 1 <= port <= 65535:
        raise Neo4jConnectionError(f"cannot use the Neo4j URI {uri!r}: expected a port from 1 to 65535")


def _database(driver: Any, database: str | None) -> str | None:
    """The database to use: the argument, else the driver's from :func:`connect`, else the env."""
    if database:
        return database
    with contextlib.suppress(TypeError):
        if driver in _CONNECTED and _CONNECTED[driver][1]:
            return _CONNECTED[driver][1]
    return os.environ.get("NEO4J_DATABASE") or None


@contextlib.contextmanager
def _driver(driver: neo4j.Driver | None) -> Iterator[neo4j.Driver]:
    """The caller's driver as it is, or a new one from :func:`connect`, closed afterwards."""
    if driver is not None:
        yield driver
        return
    own = connect()
    try:
        yield own
    finally:
        own.close()


def _one_line(err: BaseException) -> str:
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    return " ".join(str(message).split())


@contextlib.contextmanager
def _translated(where: str, *, user: str | None = None, what: str | None = None) -> Iterator[None]:
    """Turn the driver's exceptions into hbey_graph's one-line errors."""
    from neo4j.exceptions import (
        AuthError,
        ClientError,
        DriverError,
        Neo4jError,
        ServiceUnavailable,
        SessionExpired,
    )

    try:
        yield
    except HbeyGraphError:
        raise
    except AuthError as err:
        who = f"user {user!r}" if user else "the credentials"
        raise Neo4jAuthError(
            f"Neo4j at {where} refused {who}: check NEO4J_USERNAME and NEO4J_PASSWORD ({_one_line(err)})"
        ) from err
    except (ServiceUnavailable, SessionExpired) as err:
        raise Neo4jConnectionError(
            f"cannot reach Neo4j at {where}: {_one_line(err)} (is it running? set NEO4J_URI, or start one "
            "with `hbey-graph neo4j serve`)"
        ) from err
    except ClientError as err:
        if err.code and "DatabaseNotFound" in err.code:
            raise Neo4jConnectionError(f"Neo4j at {where}: {_one_line(err)}") from err
        raise Neo4jQueryError(f"{what or 'a statement'} failed at {where}: {_one_line(err)}") from err
    except Neo4jError as err:
        raise Neo4jQueryError(f"{what or 'a statement'} failed at {where}: {_one_line(err)}") from err
    except DriverError as err:
        raise Neo4jConnectionError(f"Neo4j at {where}: {_one_line(err)}") from err
    except OSError as err:
        raise Neo4jConnectionError(f"cannot reach Neo4j at {where}: {_one_line(err)}") from err


# -- running questions ---------------------------------------------------------------------------


def run_query(
    name: str, driver: neo4j.Driver | None = None, *, database: str | None = None, **params: Any
) -> pd.DataFrame:
    """Run a question query from ``cypher/`` and return its rows as a DataFrame.

    Parameters
    ----------
    name : str
        One of :func:`list_queries` (``"workload"``, ``"coordination_edges"`` …).
    driver : neo4j.Driver, optional
        A driver the caller owns (not closed here); by default one from :func:`connect`, closed
        afterwards.
    database : str, optional
        Database to read; by default the driver's (see :func:`connect`), ``NEO4J_DATABASE`` or the
        server's default.
    **params
        The query's parameters (see :func:`describe_query`); declared defaults fill the rest.

    Returns
    -------
    pandas.DataFrame
        One column per declared column, in order; no rows when nothing matches.

    Raises
    ------
    UnknownQueryError
        If there is no such query.
    QueryParameterError
        If a parameter is missing or not the query's.
    Neo4jConnectionError, Neo4jAuthError, Neo4jQueryError
        If the server cannot be reached, refuses the credentials or rejects the query.

    Examples
    --------
    >>> run_query("no_such_query")
    Traceback (most recent call last):
    ...
    hbey_graph.errors.UnknownQueryError: unknown query 'no_such_query'; expected one of: ...
    >>> run_query("body_tasks", driver)  # doctest: +SKIP
    """
    import neo4j

    query = describe_query(name)
    values = query.bind(params)
    with _driver(driver) as active, _translated(_address(active), what=f"query {name!r}"):
        frame = active.execute_query(
            query.text,
            values,
            database_=_database(active, database),
            routing_=neo4j.RoutingControl.READ,
            result_transformer_=neo4j.Result.to_df,
        )
    if frame.empty and list(frame.columns) != list(query.columns):
        frame = pd.DataFrame({column: pd.Series(dtype=object) for column in query.columns})
    return frame


def _address(driver: Any) -> str:
    """Where a driver points, for messages."""
    with contextlib.suppress(TypeError):
        if driver in _CONNECTED:
            return _CONNECTED[driver][0]
    try:
        host, port = driver._pool.address[:2]  # not public; only used in messages
        return f"{host}:{port}"
    except Exception:
        return "the configured server"
