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
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from hbey_graph.errors import GraphLoadError, ImportFolderError, Neo4jImportError, Neo4jQueryError
from hbey_graph.graph import KINDS
from hbey_graph.neo4j.loader import LoadSummary, NodeRows, RelationshipRows, relationship_patterns
from hbey_graph.neo4j.queries import _address, _database, _driver, _translated, read_statements

if TYPE_CHECKING:
    import neo4j

__all__ = ["IMPORT_DIR_VARIABLE", "bulk_load", "csv_column", "csv_text"]

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

    def __init__(self, folder: Path) -> None:
        self.folder = folder
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
            writer = csv.writer(stream)
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


def _write_rows(
    rows: Iterable[tuple[NodeRows, RelationshipRows]], files: _CsvFiles, plan_ids: list[str]
) -> None:
    """Stream the row pairs into the CSV files; collect the plan ids of the Plan nodes."""
    kinds = set(KINDS)
    patterns = set(relationship_patterns())
    for nodes, relationships in rows:
        for label, node_rows in nodes.items():
            if label not in kinds:
                raise GraphLoadError(f"nodes labelled {label!r}; expected one of {', '.join(KINDS)}")
            for row in node_rows:
                properties = row["properties"]
                if "id" not in properties:
                    properties = {**properties, "id": row["id"]}
                if label == "Plan" and isinstance(properties.get("plan_id"), str):
                    plan_ids.append(properties["plan_id"])
                names = sorted(properties)
                header = ("@id", *(csv_column(name, properties[name]) for name in names))
                files.write(
                    label, header, [_key_text(row["id"]), *(csv_text(properties[name]) for name in names)]
                )
        for pattern, relationship_rows in relationships.items():
            if tuple(pattern) not in patterns:
                raise GraphLoadError(
                    f"relationships {pattern[0]} -[{pattern[1]}]-> {pattern[2]}: not in the schema"
                )
            group = "-".join(pattern)
            for row in relationship_rows:
                properties = row["properties"]
                if "key" not in properties:
                    properties = {**properties, "key": str(row["key"])}
                names = sorted(properties)
                header = (
                    "@source",
                    "@target",
                    "@key",
                    *(csv_column(name, properties[name]) for name in names),
                )
                ends = [_key_text(row["source"]), _key_text(row["target"]), _key_text(str(row["key"]))]
                values = [*ends, *(csv_text(properties[name]) for name in names)]
                files.write(group, header, values)


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
