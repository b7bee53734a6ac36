"""Loading the responsibility graph into Neo4j.

Each node becomes a Neo4j node labelled with its ``kind`` and keyed by its networkx id (property
``id``, e.g. ``"nmg-2018-55-hbey-plan|Task|T1.2.1"``), its other attributes as properties. Each edge
becomes a relationship of its ``type`` carrying its attributes and its networkx edge key (property
``key``). Ids are scoped by plan, so several plans share one database without collision, and every
write is a ``MERGE`` on id or key, so loading the same graph twice changes nothing.

The loader creates the constraints of ``cypher/schema.cypher`` first, then sends the rows of each
label and each relationship type in batches (``UNWIND $rows … MERGE``, one transaction per batch)
using the statements in ``cypher/load/``.
"""

from __future__ import annotations

import functools
import numbers
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from hbey_graph.errors import GraphLoadError, Neo4jQueryError
from hbey_graph.graph import KINDS
from hbey_graph.neo4j.queries import _address, _database, _driver, _files, _translated, read_statements

if TYPE_CHECKING:
    import neo4j

__all__ = ["Counts", "LoadSummary", "graph_rows", "load_graph", "load_rows", "relationship_patterns"]

NodeRows = dict[str, list[dict[str, Any]]]
RelationshipRows = dict[tuple[str, str, str], list[dict[str, Any]]]


def relationship_patterns() -> list[tuple[str, str, str]]:
    """Return the ``(source label, type, target label)`` patterns the loader can write.

    They are the files ``cypher/load/{Source}-{TYPE}-{Target}.cypher``.

    Examples
    --------
    >>> ("Body", "LEADS", "Task") in relationship_patterns()
    True
    >>> len(relationship_patterns())
    13
    """
    patterns = []
    for entry in (_files() / "load").iterdir():
        parts = entry.name.removesuffix(".cypher").split("-")
        if entry.name.endswith(".cypher") and len(parts) == 3:
            patterns.append((parts[0], parts[1], parts[2]))
    return sorted(patterns)


@functools.cache
def _known_patterns() -> frozenset[tuple[str, str, str]]:
    """:func:`relationship_patterns`, read once (graph_rows runs once per plan of a corpus)."""
    return frozenset(relationship_patterns())


def _value(value: Any, where: str) -> Any:
    """A property value Neo4j can store, as the plain Python type."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise GraphLoadError(f"{where} is {value!r} ({type(value).__name__}); expected a str, int, float or bool")


def graph_rows(G: nx.MultiDiGraph) -> tuple[NodeRows, RelationshipRows]:
    """Turn a graph into the rows the loader sends: nodes by label, edges by pattern.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph in the schema of :func:`hbey_graph.graph.build_graph`.

    Returns
    -------
    nodes : dict
        Label → rows ``{"id": node, "properties": {...}}``; the properties are the node's
        attributes without ``kind`` (which is the label), plus ``id``.
    relationships : dict
        ``(source label, type, target label)`` → rows ``{"source", "target", "key",
        "properties"}``; the properties are the edge's attributes without ``type``, plus ``key``.

    Raises
    ------
    GraphLoadError
        If a node has no ``plan_id`` or a kind other than the schema's, an attribute value is not
        a str, int, float or bool, or an edge joins labels the schema does not join.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p|Body|科技厅", kind="Body", plan_id="p", name="科技厅")
    >>> G.add_node("p|Task|T1", kind="Task", plan_id="p", name="T1", seq=1)
    >>> _ = G.add_edge("p|Body|科技厅", "p|Task|T1", key="LEADS", type="LEADS", position=1)
    >>> nodes, relationships = graph_rows(G)
    >>> nodes["Task"]
    [{'id': 'p|Task|T1', 'properties': {'plan_id': 'p', 'name': 'T1', 'seq': 1, 'id': 'p|Task|T1'}}]
    >>> relationships[("Body", "LEADS", "Task")][0]["properties"]
    {'position': 1, 'key': 'LEADS'}
    """
    nodes: NodeRows = {}
    labels: dict[Any, str] = {}
    for node, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in KINDS:
            raise GraphLoadError(f"node {node!r} has kind {kind!r}; expected one of {', '.join(KINDS)}")
        if not isinstance(node, str):
            raise GraphLoadError(f"node {node!r} is not a string id like 'plan|{kind}|name'")
        if not isinstance(data.get("plan_id"), str):
            raise GraphLoadError(f"node {node!r} has no plan_id attribute")
        if "id" in data:
            raise GraphLoadError(f"node {node!r} has an attribute 'id', which the loader keeps for node ids")
        properties = {
            name: _value(value, f"attribute {name!r} of node {node!r}")
            for name, value in data.items()
            if name != "kind"
        }
        properties["id"] = node
        nodes.setdefault(kind, []).append({"id": node, "properties": properties})
        labels[node] = kind
    patterns = _known_patterns()
    relationships: RelationshipRows = {}
    for source, target, key, data in G.edges(keys=True, data=True):
        rel_type = data.get("type", key)
        pattern = (labels[source], rel_type, labels[target])
        if pattern not in patterns:
            raise GraphLoadError(
                f"edge {source!r} -[{rel_type}]-> {target!r} joins {pattern[0]} to {pattern[2]} with "
                f"{rel_type}, which the schema does not have"
            )
        if "key" in data:
            raise GraphLoadError(f"edge {source!r} -> {target!r} has an attribute 'key' (kept for edge keys)")
        where = f"edge {source!r} -[{key}]-> {target!r}"
        properties = {
            name: _value(value, f"attribute {name!r} of {where}")
            for name, value in data.items()
            if name != "type"
        }
        properties["key"] = str(key)
        relationships.setdefault(pattern, []).append(
            {"source": source, "target": target, "key": str(key), "properties": properties}
        )
    return nodes, relationships


class Counts:
    """Nodes and relationships written, by label and type, for the summaries of every load path.

    Expects the attributes ``plan_ids`` (tuple of str), ``nodes`` and ``relationships`` (dicts of
    counts).
    """

    plan_ids: tuple[str, ...]
    nodes: dict[str, int]
    relationships: dict[str, int]

    @property
    def node_count(self) -> int:
        """Nodes written in all."""
        return sum(self.nodes.values())

    @property
    def relationship_count(self) -> int:
        """Relationships written in all."""
        return sum(self.relationships.values())

    def plans_text(self) -> str:
        """The plans, named (the first two and a count beyond three)."""
        if len(self.plan_ids) > 3:
            return f"{len(self.plan_ids)} plans ({', '.join(self.plan_ids[:2])} …)"
        return ", ".join(self.plan_ids) or "no plan"

    def to_frame(self) -> pd.DataFrame:
        """One row per label and relationship type: ``element`` (node/relationship), ``type``, ``count``.

        Examples
        --------
        >>> LoadSummary(("p",), None, nodes={"Task": 2}, relationships={"LEADS": 2}).to_frame()
                element   type  count
        0          node   Task      2
        1  relationship  LEADS      2
        """
        rows = [("node", label, count) for label, count in self.nodes.items()]
        rows += [("relationship", rel_type, count) for rel_type, count in self.relationships.items()]
        return pd.DataFrame(rows, columns=["element", "type", "count"])


@dataclass
class LoadSummary(Counts):
    """What :func:`load_graph` or :func:`hbey_graph.neo4j.bulk_load` wrote.

    Attributes
    ----------
    plan_ids : tuple of str
        Plans in the graph.
    database : str or None
        Database written to (None: the server's default).
    nodes : dict
        Nodes merged per label (created or already there).
    relationships : dict
        Relationships merged per type.
    nodes_created, relationships_created, properties_set : int
        What the server reports it changed (0 new nodes and relationships on a reload).
    nodes_deleted : int
        Nodes of the plans deleted first (``replace=True``).
    constraints_added, indexes_added : int
        Schema the load created (0 once it exists).
    transactions : int
        Write transactions committed.
    seconds : float
        Time the load took.
    """

    plan_ids: tuple[str, ...]
    database: str | None
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    nodes_deleted: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    transactions: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"loaded {self.plans_text()}: {self.node_count} nodes ({self.nodes_created} new), "
            f"{self.relationship_count} relationships ({self.relationships_created} new) "
            f"in {self.transactions} transactions, {self.seconds:.1f} s"
        )


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _write(tx: neo4j.ManagedTransaction, statement: str, parameters: dict[str, Any]) -> tuple[int, Any]:
    result = tx.run(statement, parameters)
    records = list(result)
    counters = result.consume().counters
    written = int(records[0][0]) if records and len(records[0]) else 0
    return written, counters


def load_graph(
    G: nx.MultiDiGraph,
    driver: neo4j.Driver | None = None,
    *,
    database: str | None = None,
    batch_size: int = 1000,
    replace: bool = False,
) -> LoadSummary:
    """Load a graph into Neo4j: constraints first, then nodes and relationships in batches.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph` (one plan or several).
    driver : neo4j.Driver, optional
        A driver the caller owns (not closed here); by default one from
        :func:`hbey_graph.neo4j.connect`, closed afterwards.
    database : str, optional
        Database to write; by default the driver's, ``NEO4J_DATABASE`` or the server's default.
    batch_size : int
        Rows per transaction. ``1`` writes row by row, one transaction each (much slower; kept
        for comparison).
    replace : bool
        Delete the graph's plans from the database first, so that nodes and relationships the
        graph no longer has go too. By default a load only adds and updates.

    Returns
    -------
    LoadSummary
        What was written.

    Raises
    ------
    GraphLoadError
        If the graph does not follow the schema (checked before anything is written).
    Neo4jConnectionError, Neo4jAuthError, Neo4jQueryError
        If the server cannot be reached, refuses the credentials or rejects a statement.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> summary = load_graph(build_graph(load_plan()), driver)  # doctest: +SKIP
    >>> summary.nodes["Task"]  # doctest: +SKIP
    38
    """
    return load_rows([graph_rows(G)], driver, database=database, batch_size=batch_size, replace=replace)


def load_rows(
    pairs: Iterable[tuple[NodeRows, RelationshipRows]],
    driver: neo4j.Driver | None = None,
    *,
    database: str | None = None,
    batch_size: int = 1000,
    replace: bool = False,
) -> LoadSummary:
    """Load graphs given as the rows of :func:`graph_rows` (one pair per plan or per group of plans).

    What :func:`load_graph` does for one graph, for as many as `pairs` yields, one pair in memory at
    a time: a corpus dataset's :meth:`hbey_graph.dataset.CorpusDataset.graph_rows`, say. The
    constraints are created once, first.

    Parameters
    ----------
    pairs : iterable of (dict, dict)
        ``(nodes, relationships)`` pairs as :func:`graph_rows` returns them.
    driver, database, batch_size, replace
        As for :func:`load_graph`.

    Returns
    -------
    LoadSummary
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    started = time.perf_counter()
    plan_ids: list[str] = []
    with _driver(driver) as active:
        target = _database(active, database)
        summary = LoadSummary((), target)
        where = _address(active)
        with _translated(where, what="loading the graph"), active.session(database=target) as session:

            def run(name: str, statement: str, parameters: dict[str, Any]) -> int:
                with _translated(where, what=f"cypher/{name}.cypher"):
                    written, counters = session.execute_write(_write, statement, parameters)
                summary.transactions += 1
                summary.nodes_created += counters.nodes_created
                summary.relationships_created += counters.relationships_created
                summary.properties_set += counters.properties_set
                summary.nodes_deleted += counters.nodes_deleted
                summary.constraints_added += counters.constraints_added
                summary.indexes_added += counters.indexes_added
                return written

            for statement in read_statements("schema").statements:
                run("schema", statement, {})
            for node_rows, relationship_rows in pairs:
                pair_plans = [row["properties"]["plan_id"] for row in node_rows.get("Plan", [])]
                plan_ids.extend(pair_plans)
                if replace:
                    for plan_id in pair_plans:
                        run(
                            "load/delete_plan", read_statements("load/delete_plan").text, {"plan_id": plan_id}
                        )
                for label in KINDS:
                    rows = node_rows.get(label, [])
                    statement = read_statements(f"load/{label}").text
                    for chunk in _chunks(rows, batch_size):
                        written = run(f"load/{label}", statement, {"rows": chunk})
                        _check(written, len(chunk), f"{label} nodes")
                        summary.nodes[label] = summary.nodes.get(label, 0) + written
                for pattern, rows in relationship_rows.items():
                    name = "load/" + "-".join(pattern)
                    statement = read_statements(name).text
                    for chunk in _chunks(rows, batch_size):
                        written = run(name, statement, {"rows": chunk})
                        _check(written, len(chunk), f"{pattern[1]} relationships")
                        summary.relationships[pattern[1]] = summary.relationships.get(pattern[1], 0) + written
    summary.plan_ids = tuple(plan_ids)
    summary.seconds = time.perf_counter() - started
    return summary


def _check(written: int, sent: int, what: str) -> None:
    if written != sent:
        raise Neo4jQueryError(
            f"Neo4j wrote {written} of {sent} {what}: an end node was missing (loaded by another process?)"
        )
