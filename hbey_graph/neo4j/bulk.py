"""Bulk loading into Neo4j for large corpora: CSV files in the server's import folder, then LOAD CSV.

:func:`bulk_load` takes the rows of any number of plans (``(nodes, relationships)`` pairs as
:func:`hbey_graph.neo4j.graph_rows` returns them, one pair per plan) and streams them into CSV files
in a fresh folder inside the server's import folder (``server.directories.import``), one file per
label or relationship pattern and set of properties, never holding all rows in memory. The server
then reads each file with ``LOAD CSV WITH HEADERS … CALL (row) { MERGE … } IN TRANSACTIONS``, using
the statements in ``cypher/bulk/``. The result is the same as :func:`hbey_graph.neo4j.load_graph`:
the same constraints, nodes, labels, relationships and properties, with their types (each CSV
column names its type, ``s:name``, ``i:seq``, ``f:lon``, ``b:flag``, and the statement converts the
text back), merged on node id and edge key, so loading twice changes nothing.

The server reads the files, so the folder must be its import folder, as the server sees it: for the
local server of :class:`hbey_graph.neo4j.Neo4jServer` that is its ``import_dir``; for a server of
one's own, the folder its ``server.directories.import`` setting names (a server on another machine
cannot read files written here, unless the folder is shared). Before writing any row the loader
checks, with a small probe file, that the server reads what it writes there.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import math
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from hbey_graph.errors import (
    DatabaseExistsError,
    DatabaseImportError,
    DatabaseInUseError,
    GraphLoadError,
    ImportFolderError,
    Neo4jImportError,
    Neo4jQueryError,
)
from hbey_graph.graph import KINDS
from hbey_graph.neo4j.loader import Counts, LoadSummary, NodeRows, RelationshipRows, relationship_patterns
from hbey_graph.neo4j.queries import _address, _database, _driver, _translated, read_statements

if TYPE_CHECKING:
    import neo4j

__all__ = [
    "IMPORT_DATABASE",
    "IMPORT_DIR_VARIABLE",
    "ImportSummary",
    "bulk_load",
    "csv_column",
    "csv_text",
    "import_column",
    "import_database",
]

#: Environment variable naming the server's import folder when no ``import_dir`` is given.
IMPORT_DIR_VARIABLE = "NEO4J_IMPORT_DIR"

#: Files kept open at once while streaming (others are closed and reopened to append).
_MAX_OPEN = 64

#: Largest and smallest integers Neo4j stores (64-bit).
_INT_RANGE = (-(2**63), 2**63 - 1)

#: Characters of the escape of strings with a backslash (type ``x``; see ``cypher/bulk/``).
_ESCAPE, _ESCAPED_ESCAPE, _ESCAPED_BACKSLASH = "\ue000", "\ue000\ue001", "\ue000\ue002"


def csv_column(name: str, value: Any) -> str:
    r"""Return the CSV column of a property: ``TYPE:NAME``, TYPE one letter for the value's type.

    ``s`` string, ``x`` string holding a backslash (written escaped, see :func:`csv_text`),
    ``i`` integer, ``f`` float, ``b`` boolean.

    Raises
    ------
    GraphLoadError
        If the value is not a str, int, float or bool, or the name holds a backslash.

    Examples
    --------
    >>> csv_column("seq", 3), csv_column("lon", 109.8), csv_column("key", True), csv_column("t", "a\\b")
    ('i:seq', 'f:lon', 'b:key', 'x:t')
    """
    if "\\" in name:
        raise GraphLoadError(f"property name {name!r} holds a backslash, not readable by LOAD CSV")
    if isinstance(value, bool):
        return "b:" + name
    if isinstance(value, int):
        return "i:" + name
    if isinstance(value, float):
        return "f:" + name
    if isinstance(value, str):
        return ("x:" if "\\" in value else "s:") + name
    raise GraphLoadError(
        f"property {name!r} is {value!r} ({type(value).__name__}); expected a str, int, float or bool"
    )


def csv_text(value: Any) -> str:
    """Return the text a property value is written as, which ``cypher/bulk/`` reads back exactly.

    Floats are written in full (``repr``; ``Infinity``, ``-Infinity``, ``NaN`` as Java reads them);
    in a string holding a backslash each backslash becomes U+E000 U+E002 and each U+E000 becomes
    U+E000 U+E001, since LOAD CSV would read a backslash before a quote as an escape.

    Raises
    ------
    GraphLoadError
        If an integer does not fit in 64 bits.

    Examples
    --------
    >>> csv_text(True), csv_text(7), csv_text(0.1), csv_text(float("-inf")), csv_text("包头市")
    ('true', '7', '0.1', '-Infinity', '包头市')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            raise GraphLoadError(f"integer {value} does not fit in 64 bits, as Neo4j stores integers")
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if "\\" in value:
        return value.replace(_ESCAPE, _ESCAPED_ESCAPE).replace("\\", _ESCAPED_BACKSLASH)
    return value


def _key_text(value: str) -> str:
    """An id or key for the ``@`` columns: escaped as an ``x`` string when it holds U+E000 or a backslash."""
    if "\\" in value or _ESCAPE in value:
        return value.replace(_ESCAPE, _ESCAPED_ESCAPE).replace("\\", _ESCAPED_BACKSLASH)
    return value


class _CsvFiles:
    """CSV files in one folder: one per group (label or pattern) and header, appended row by row."""

    def __init__(self, folder: Path, quoting: int = csv.QUOTE_MINIMAL) -> None:
        self.folder = folder
        self.quoting = quoting
        #: (group, header) → [file name, rows written]; in creation order.
        self.files: dict[tuple[str, tuple[str, ...]], list[Any]] = {}
        self._open: collections.OrderedDict[tuple[str, tuple[str, ...]], tuple[IO[str], Any]] = (
            collections.OrderedDict()
        )

    def write(self, group: str, header: tuple[str, ...], row: list[str]) -> None:
        key = (group, header)
        handle = self._open.get(key)
        if handle is None:
            entry = self.files.get(key)
            if entry is None:
                entry = self.files[key] = [f"{group}-{len(self.files)}.csv", 0]
            if len(self._open) >= _MAX_OPEN:
                _, (stream, _writer) = self._open.popitem(last=False)
                stream.close()
            stream = open(self.folder / entry[0], "a", encoding="utf-8", newline="")  # noqa: SIM115
            writer = csv.writer(stream, quoting=self.quoting)
            if entry[1] == 0:
                writer.writerow(header)
            handle = self._open[key] = (stream, writer)
        else:
            self._open.move_to_end(key)
        handle[1].writerow(row)
        self.files[key][1] += 1

    def close(self) -> None:
        while self._open:
            _, (stream, _writer) = self._open.popitem()
            stream.close()

    def of(self, group: str) -> Iterator[tuple[str, int]]:
        """File names and row counts of a group, in creation order."""
        for (name, _header), (file_name, rows) in self.files.items():
            if name == group:
                yield file_name, rows


def _schema_rows(
    rows: Iterable[tuple[NodeRows, RelationshipRows]], plan_ids: list[str]
) -> Iterator[tuple[str, bool, dict[str, Any]]]:
    """Each row of the pairs as ``(group, is_node, row)``, checked against the schema.

    The group is a node's label or a relationship's pattern (``Body-LEADS-Task``): one CSV file
    each. The plan ids of the Plan nodes are appended to `plan_ids` on the way.

    Raises
    ------
    GraphLoadError
        If a label or a relationship pattern is not in the schema.
    """
    kinds = set(KINDS)
    patterns = set(relationship_patterns())
    for nodes, relationships in rows:
        for label, node_rows in nodes.items():
            if label not in kinds:
                raise GraphLoadError(f"nodes labelled {label!r}; expected one of {', '.join(KINDS)}")
            for row in node_rows:
                if label == "Plan" and isinstance(row["properties"].get("plan_id"), str):
                    plan_ids.append(row["properties"]["plan_id"])
                yield label, True, row
        for pattern, relationship_rows in relationships.items():
            if tuple(pattern) not in patterns:
                raise GraphLoadError(
                    f"relationships {pattern[0]} -[{pattern[1]}]-> {pattern[2]}: not in the schema"
                )
            group = "-".join(pattern)
            for row in relationship_rows:
                yield group, False, row


def _write_rows(
    rows: Iterable[tuple[NodeRows, RelationshipRows]], files: _CsvFiles, plan_ids: list[str]
) -> None:
    """Stream the row pairs into the CSV files; collect the plan ids of the Plan nodes."""
    for group, is_node, row in _schema_rows(rows, plan_ids):
        properties = row["properties"]
        if is_node:
            if "id" not in properties:
                properties = {**properties, "id": row["id"]}
            names = sorted(properties)
            header = ("@id", *(csv_column(name, properties[name]) for name in names))
            files.write(
                group, header, [_key_text(row["id"]), *(csv_text(properties[name]) for name in names)]
            )
            continue
        if "key" not in properties:
            properties = {**properties, "key": str(row["key"])}
        names = sorted(properties)
        header = ("@source", "@target", "@key", *(csv_column(name, properties[name]) for name in names))
        ends = [_key_text(row["source"]), _key_text(row["target"]), _key_text(str(row["key"]))]
        files.write(group, header, [*ends, *(csv_text(properties[name]) for name in names)])


def _work_folder(import_dir: str | os.PathLike[str] | None) -> Path:
    """A new folder for this load's files inside the import folder, readable by the server's user."""
    if import_dir is None:
        import_dir = os.environ.get(IMPORT_DIR_VARIABLE) or None
    if import_dir is None:
        raise ImportFolderError(
            f"the bulk loader needs the server's import folder: give import_dir (--import-dir) or set "
            f"{IMPORT_DIR_VARIABLE}"
        )
    folder = Path(import_dir)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ImportFolderError(f"{folder}: {what}; expected the Neo4j server's import folder")
    try:
        work = Path(tempfile.mkdtemp(prefix="hbey-graph-bulk-", dir=folder))
        work.chmod(0o755)  # the server may run as another user
    except OSError as err:
        raise ImportFolderError(
            f"{folder}: cannot write in the import folder ({err.strerror or err}); expected a folder this "
            "user may write in"
        ) from err
    return work


def _probe(session: neo4j.Session, work: Path, import_dir: Path, where: str) -> None:
    """Check that the server reads a file written in `work` at the URL the loader will use."""
    from neo4j.exceptions import Neo4jError

    token = secrets.token_hex(16)
    probe = work / "probe.csv"
    try:
        probe.write_text(f"token\n{token}\n", encoding="utf-8")
    except OSError as err:
        raise ImportFolderError(f"{probe}: cannot be written ({err.strerror or err})") from err
    url = f"file:///{work.name}/{probe.name}"
    advice = (
        f"is {import_dir} the server's import folder (server.directories.import), on the server's machine, "
        "with LOAD CSV from file URLs allowed?"
    )
    try:
        records = list(session.run(read_statements("bulk/probe").text, {"url": url}))
    except Neo4jError as err:
        message = " ".join(str(getattr(err, "message", None) or err).split())
        raise Neo4jImportError(
            f"Neo4j at {where} cannot read {url} written to {probe}: {advice} ({message})"
        ) from err
    if [record["token"] for record in records] != [token]:
        raise Neo4jImportError(f"Neo4j at {where} read another file at {url} than {probe}: {advice}")


def bulk_load(
    rows: Iterable[tuple[NodeRows, RelationshipRows]],
    driver: neo4j.Driver | None = None,
    *,
    database: str | None = None,
    import_dir: str | os.PathLike[str] | None = None,
    rows_per_transaction: int = 10_000,
    replace: bool = False,
    keep_files: bool = False,
) -> LoadSummary:
    """Load plans' rows into Neo4j through CSV files and ``LOAD CSV … IN TRANSACTIONS``.

    Writes the same nodes, labels, properties (with their types) and relationships as
    :func:`hbey_graph.neo4j.load_graph`, after the same constraints, and as idempotently: every
    write is a ``MERGE`` on node id or edge key.

    Parameters
    ----------
    rows : iterable of (nodes, relationships)
        One pair per plan, as :func:`hbey_graph.neo4j.graph_rows` returns them; may be a generator
        of any length: the rows are written to files as they come and not kept. Node ids are scoped
        by plan, so the pairs of separate plans simply add up.
    driver : neo4j.Driver, optional
        A driver the caller owns (not closed here); by default one from
        :func:`hbey_graph.neo4j.connect`, closed afterwards.
    database : str, optional
        Database to write; by default the driver's, ``NEO4J_DATABASE`` or the server's default.
    import_dir : str or path-like, optional
        The server's import folder (``server.directories.import``), as this machine sees it; by
        default ``$NEO4J_IMPORT_DIR``. The loader writes its files to a new folder inside it and
        deletes that folder afterwards.
    rows_per_transaction : int
        Rows of a file written per transaction (``IN TRANSACTIONS OF N ROWS``).
    replace : bool
        Delete the plans from the database first (once their rows are written to the files), so
        that what their graphs no longer have goes too; one statement per plan, slow for many.
    keep_files : bool
        Leave the CSV files in the import folder (to inspect them, or load them again by hand).

    Returns
    -------
    LoadSummary
        What was written; ``transactions`` counts the schema statements and the transactions the
        files were split into (``ceil(rows / rows_per_transaction)`` each).

    Raises
    ------
    ImportFolderError
        If no import folder is given, or it is missing, not a folder, or not writable.
    Neo4jImportError
        If the server cannot read the files written there (not its import folder, file URLs not
        allowed); checked with a probe file before any row is written.
    GraphLoadError
        If a row is outside the schema (a label or relationship pattern it does not have) or a
        value cannot be stored; the rows before it are in the files but nothing is loaded.
    Neo4jConnectionError, Neo4jAuthError, Neo4jQueryError
        If the server cannot be reached, refuses the credentials or rejects a statement.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> from hbey_graph.neo4j import graph_rows
    >>> rows = [graph_rows(build_graph(load_plan()))]
    >>> summary = bulk_load(rows, driver, import_dir=server.import_dir)  # doctest: +SKIP
    >>> summary.nodes["Task"]  # doctest: +SKIP
    38
    """
    if rows_per_transaction < 1:
        raise ValueError(f"rows_per_transaction must be at least 1, got {rows_per_transaction}")
    started = time.perf_counter()
    work = _work_folder(import_dir)
    files = _CsvFiles(work)
    try:
        with _driver(driver) as active:
            target = _database(active, database)
            where = _address(active)
            plan_ids: list[str] = []
            summary = LoadSummary((), target)
            with _translated(where, what="the bulk load"), active.session(database=target) as session:
                _probe(session, work, work.parent, where)

                def run(name: str, parameters: dict[str, Any]) -> int:
                    with _translated(where, what=f"cypher/{name}.cypher"):
                        result = session.run(read_statements(name).text, parameters)
                        records = list(result)
                        counters = result.consume().counters
                    summary.nodes_created += counters.nodes_created
                    summary.relationships_created += counters.relationships_created
                    summary.properties_set += counters.properties_set
                    summary.constraints_added += counters.constraints_added
                    summary.indexes_added += counters.indexes_added
                    return int(records[0][0] or 0) if records and len(records[0]) else 0

                for statement in read_statements("schema").statements:
                    with _translated(where, what="cypher/schema.cypher"):
                        counters = session.run(statement).consume().counters
                    summary.constraints_added += counters.constraints_added
                    summary.indexes_added += counters.indexes_added
                    summary.transactions += 1
                try:
                    _write_rows(rows, files, plan_ids)
                except OSError as err:
                    raise ImportFolderError(
                        f"{work}: cannot write the CSV files ({err.strerror or err}); is the disk full?"
                    ) from err
                finally:
                    files.close()
                summary.plan_ids = tuple(plan_ids)
                if replace:
                    for plan_id in plan_ids:
                        with _translated(where, what="cypher/load/delete_plan.cypher"):
                            parameters = {"plan_id": plan_id}
                            counters = (
                                session.run(read_statements("load/delete_plan").text, parameters)
                                .consume()
                                .counters
                            )
                        summary.nodes_deleted += counters.nodes_deleted
                        summary.transactions += 1
                groups = [(label, label, f"{label} nodes") for label in KINDS]
                groups += [("-".join(p), p[1], f"{p[1]} relationships") for p in relationship_patterns()]
                for group, name, what in groups:
                    counts = summary.nodes if group in KINDS else summary.relationships
                    for file_name, sent in files.of(group):
                        url = f"file:///{work.name}/{file_name}"
                        parameters = {"url": url, "rows_per_transaction": rows_per_transaction}
                        written = run(f"bulk/{group}", parameters)
                        summary.transactions += math.ceil(sent / rows_per_transaction)
                        if written != sent:
                            raise Neo4jQueryError(
                                f"Neo4j wrote {written} of {sent} {what} from {url}: an end node was missing"
                            )
                        counts[name] = counts.get(name, 0) + written
    finally:
        files.close()
        if not keep_files:
            with contextlib.suppress(OSError):
                shutil.rmtree(work)
    summary.seconds = time.perf_counter() - started
    return summary


# -- the offline import: a new database written by Neo4j's importer ---------------------------------

#: Name of the database the offline import writes: the server's default database.
IMPORT_DATABASE = "neo4j"

#: File in the data folder whose schema statements the launcher runs when it first opens the folder.
PENDING_SCHEMA = "hbey-graph-schema.cypher"

#: Column type of the importer's header for each property type (Neo4j stores all as 64-bit).
_IMPORT_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def import_column(name: str, value: Any) -> str:
    """Return the importer's header column of a property: ``NAME:TYPE``.

    TYPE is ``string``, ``long`` (64-bit integer), ``double`` or ``boolean``, the types
    :func:`hbey_graph.neo4j.load_graph` stores the values as.

    Raises
    ------
    GraphLoadError
        If the value is not a str, int, float or bool, or the name is empty or holds a colon (which
        the importer's header reads as the start of a type).

    Examples
    --------
    >>> import_column("seq", 3), import_column("lon", 109.8), import_column("flag", True)
    ('seq:long', 'lon:double', 'flag:boolean')
    >>> import_column("name", "包头市")
    'name:string'
    """
    if not name or ":" in name:
        raise GraphLoadError(f"property name {name!r} is empty or holds a colon, not importable")
    kind = _IMPORT_TYPES.get(type(value))
    if kind is None:
        for base, base_kind in _IMPORT_TYPES.items():  # subclasses (an IntEnum, a numpy-free str)
            if isinstance(value, base):
                kind = base_kind
                break
        else:
            raise GraphLoadError(
                f"property {name!r} is {value!r} ({type(value).__name__}); expected a str, int, float or bool"
            )
    return f"{name}:{kind}"


@dataclass
class ImportSummary(Counts):
    """What :func:`import_database` wrote.

    Attributes
    ----------
    data_dir : pathlib.Path
        The data folder holding the new database (serve it with ``Neo4jServer(data_dir=…)``).
    database : str
        The database written (``neo4j``, the server's default).
    plan_ids : tuple of str
        Plans in the rows.
    nodes : dict
        Nodes written per label.
    relationships : dict
        Relationships written per type.
    files : int
        CSV files written.
    csv_bytes : int
        Their size.
    constraints : int
        Schema statements of ``cypher/schema.cypher`` left for the server: Neo4j Community's
        importer cannot create a schema, so they are written to ``hbey-graph-schema.cypher`` in the
        data folder, which :class:`hbey_graph.neo4j.Neo4jServer` runs (and deletes) when it first
        opens the folder, before it answers; another server gets them from the next ``load``.
    write_seconds, import_seconds : float
        Time spent writing the CSV files (making the rows included, when `rows` is a generator),
        and running the importer.
    seconds : float
        Time the whole import took (building the importer, if needed, included).
    """

    data_dir: Path
    database: str
    plan_ids: tuple[str, ...] = ()
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    files: int = 0
    csv_bytes: int = 0
    constraints: int = 0
    write_seconds: float = 0.0
    import_seconds: float = 0.0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"imported {self.plans_text()} into database {self.database} in {self.data_dir}: "
            f"{self.node_count} nodes, "
            f"{self.relationship_count} relationships, {self.constraints} schema statements "
            f"({self.files} CSV files, {self.csv_bytes / 2**20:.1f} MB, "
            f"written in {self.write_seconds:.1f} s; importer {self.import_seconds:.1f} s; "
            f"{self.seconds:.1f} s in all)"
        )


def _import_text(value: Any) -> str:
    """The text the importer reads a value from: strings as they are (the file quotes every field)."""
    return value if isinstance(value, str) else csv_text(value)


def _write_import_rows(
    rows: Iterable[tuple[NodeRows, RelationshipRows]], files: _CsvFiles, plan_ids: list[str]
) -> bool:
    """Stream the row pairs into the importer's CSV files; return whether a string spans lines."""
    multiline = False
    for group, is_node, row in _schema_rows(rows, plan_ids):
        properties = row["properties"]
        if is_node:
            names = sorted(name for name in properties if name != "id")
            header = ("id:ID", *(import_column(name, properties[name]) for name in names))
            values = [str(row["id"]), *(_import_text(properties[name]) for name in names)]
        else:
            names = sorted(name for name in properties if name != "key")
            columns = (import_column(name, properties[name]) for name in names)
            header = (":START_ID", ":END_ID", "key:string", *columns)
            ends = [str(row["source"]), str(row["target"]), str(properties.get("key", row["key"]))]
            values = [*ends, *(_import_text(properties[name]) for name in names)]
        if not multiline:
            multiline = any("\n" in value or "\r" in value for value in values)
        files.write(group, header, values)
    return multiline


def _store_locked(data_dir: Path) -> Path | None:
    """The lock file of `data_dir` a running Neo4j holds, or None when no server has it open."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the importer's own check must do
        return None
    databases = data_dir / "data" / "databases"
    for lock in (databases / "store_lock", databases / IMPORT_DATABASE / "database_lock"):
        try:
            descriptor = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the kind of lock Java takes
        except OSError:
            return lock
        else:
            fcntl.lockf(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)
    return None


def _importer_error(output: str, data_dir: Path) -> DatabaseImportError:
    """One line from the importer's output: its cause, else its last message."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    causes = [line.removeprefix("Caused by: ") for line in lines if line.startswith("Caused by: ")]
    if causes:
        cause = causes[-1]
        exception, _, message = cause.partition(": ")
        detail = message or exception
    else:
        messages = [line for line in lines if not line.startswith("at ") and not line.startswith("...")]
        detail = next(
            (line for line in reversed(messages) if not line.startswith("hbey-graph neo4j import:")),
            messages[-1] if messages else "no output",
        )
    if "in use" in detail.lower():
        return DatabaseInUseError(
            f"{data_dir}: the database is open in a running Neo4j server; stop it first ({detail})"
        )
    return DatabaseImportError(f"Neo4j's importer could not write the database in {data_dir}: {detail}")


def import_database(
    rows: Iterable[tuple[NodeRows, RelationshipRows]],
    data_dir: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    heap: str = "1g",
    work_dir: str | os.PathLike[str] | None = None,
    keep_files: bool = False,
) -> ImportSummary:
    """Write a new Neo4j database from plans' rows with Neo4j's offline importer.

    The rows are streamed into CSV files with the importer's typed headers (``id:ID``,
    ``seq:long``, ``lon:double``, ``flag:boolean``, ``name:string``; ``:START_ID``, ``:END_ID``
    and ``key:string`` for relationships), one file per label or relationship pattern and set of
    properties; then ``neo4j-admin database import full`` (built with Maven, see
    :func:`hbey_graph.neo4j.server.build_importer`) writes the database ``neo4j`` of `data_dir`
    from them. The constraints and indexes of ``cypher/schema.cypher`` are created when
    :class:`hbey_graph.neo4j.Neo4jServer` first opens the folder (Community's importer cannot
    create them; see :attr:`ImportSummary.constraints`), or by the next ``load``. The database
    holds the same nodes, labels, properties (with their types) and relationships (with their
    keys) as :func:`hbey_graph.neo4j.load_graph` writes, so a later ``load_graph`` of the same
    plans changes nothing. Serve it with ``Neo4jServer(data_dir=data_dir)`` or
    ``hbey-graph neo4j serve --data DIR``.

    Parameters
    ----------
    rows : iterable of (nodes, relationships)
        One pair per plan (or per part of a corpus), as :func:`hbey_graph.neo4j.graph_rows` or
        :meth:`hbey_graph.dataset.CorpusDataset.graph_rows` give them; written to files as they
        come. Node ids must be unique across the pairs (they are scoped by plan), as the importer
        merges nothing.
    data_dir : str or path-like
        The server's data folder (created if missing). The database lands in
        ``data_dir/data/databases/neo4j``.
    overwrite : bool
        Replace the database ``neo4j`` the folder already holds; by default that is refused.
    heap : str
        Maximum JVM heap of the importer (``-Xmx``); the importer also uses memory off the heap.
    work_dir : str or path-like, optional
        Where to write the CSV files (a new folder inside it, deleted afterwards); by default a
        folder inside `data_dir`, so they are on the same disk as the database.
    keep_files : bool
        Leave the CSV files (and the importer's report) in the work folder.

    Returns
    -------
    ImportSummary
        What was written, checked against the importer's own counts.

    Raises
    ------
    DatabaseExistsError
        If `data_dir` already holds the database and `overwrite` is false.
    DatabaseInUseError
        If a running Neo4j server has `data_dir` open.
    Neo4jUnavailableError
        If Java or Maven is missing, or Neo4j cannot be downloaded.
    GraphLoadError
        If a row is outside the schema or a value cannot be stored.
    DatabaseImportError
        If the importer fails (a relationship whose end node is missing, a node id given twice).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> from hbey_graph.neo4j import graph_rows
    >>> summary = import_database([graph_rows(build_graph(load_plan()))], "neo4j-data")  # doctest: +SKIP
    >>> summary.nodes["Task"]  # doctest: +SKIP
    38
    """
    from hbey_graph.neo4j.server import IMPORTER_CLASS, build_importer, find_java

    started = time.perf_counter()
    data = Path(data_dir).absolute()
    if data.exists() and not data.is_dir():
        raise DatabaseExistsError(f"{data}: is a file; expected a Neo4j data folder")
    lock = _store_locked(data)
    if lock is not None:
        raise DatabaseInUseError(
            f"{data}: a running Neo4j server has it open ({lock.name} is locked); stop the server first"
        )
    store = data / "data" / "databases" / IMPORT_DATABASE
    if not overwrite and store.is_dir() and any(store.iterdir()):
        raise DatabaseExistsError(
            f"{data}: already holds the database {IMPORT_DATABASE}; give overwrite=True (--overwrite) to "
            "replace it, or another folder"
        )
    classpath = build_importer()  # Java and Maven are checked before any file is written
    java = find_java()
    summary = ImportSummary(data, IMPORT_DATABASE)
    try:
        data.mkdir(parents=True, exist_ok=True)
        parent = Path(work_dir) if work_dir is not None else data
        work = Path(tempfile.mkdtemp(prefix=".hbey-graph-import-", dir=parent))
    except OSError as err:
        raise DatabaseImportError(f"{data}: cannot write there ({err.strerror or err})") from err
    files = _CsvFiles(work, quoting=csv.QUOTE_ALL)  # "" is an empty string, an empty field no value
    plan_ids: list[str] = []
    writing = time.perf_counter()
    try:
        try:
            multiline = _write_import_rows(rows, files, plan_ids)
        except OSError as err:
            raise DatabaseImportError(
                f"{work}: cannot write the CSV files ({err.strerror or err}); is the disk full?"
            ) from err
        finally:
            files.close()
        summary.plan_ids = tuple(plan_ids)
        summary.write_seconds = time.perf_counter() - writing
        options = [
            "--verbose",
            f"--report-file={work / 'import.report'}",
            "--input-encoding=UTF-8",
            f"--multiline-fields={'true' if multiline else 'false'}",
        ]
        if overwrite:
            options.append("--overwrite-destination=true")
        for (group, _header), (file_name, count) in files.files.items():
            summary.files += 1
            summary.csv_bytes += (work / file_name).stat().st_size
            if group in KINDS:
                options.append(f"--nodes={group}={work / file_name}")
                summary.nodes[group] = summary.nodes.get(group, 0) + count
            else:
                rel_type = group.split("-")[1]
                options.append(f"--relationships={rel_type}={work / file_name}")
                summary.relationships[rel_type] = summary.relationships.get(rel_type, 0) + count
        schema = [" ".join(statement.split()) for statement in read_statements("schema").statements]
        pending = data / PENDING_SCHEMA
        command = [
            java, f"-Xmx{heap}", "-cp", os.pathsep.join(classpath), IMPORTER_CLASS,
            "--data", str(data), "--database", IMPORT_DATABASE,
            "--", *options,
        ]  # fmt: skip
        importing = time.perf_counter()
        with open(work / "importer.log", "w+", encoding="utf-8", errors="replace") as log:
            try:
                status = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=False).returncode
            except OSError as err:
                raise DatabaseImportError(f"cannot run {java}: {err}") from err
            log.seek(0)
            output = log.read()
        summary.import_seconds = time.perf_counter() - importing
        if status != 0:
            raise _importer_error(output, data)
        _check_import(output, summary, data)
        pending.write_text("\n".join(schema) + "\n", encoding="utf-8")  # for the server's first start
        summary.constraints = len(schema)
    finally:
        files.close()
        if not keep_files:
            shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _check_import(output: str, summary: ImportSummary, data: Path) -> None:
    """Compare the importer's counts (``Imported: N nodes, M relationships``) with the rows written."""
    import re

    done = output.rpartition("IMPORT DONE")[2]
    nodes = re.search(r"(\d+) nodes", done)
    relationships = re.search(r"(\d+) relationships", done)
    if nodes is None or relationships is None:
        raise DatabaseImportError(
            f"Neo4j's importer ended without its counts; is the database in {data} whole?"
        )
    if (int(nodes.group(1)), int(relationships.group(1))) != (summary.node_count, summary.relationship_count):
        raise DatabaseImportError(
            f"Neo4j's importer wrote {nodes.group(1)} nodes and {relationships.group(1)} relationships into "
            f"{data}, but {summary.node_count} and {summary.relationship_count} were given"
        )
