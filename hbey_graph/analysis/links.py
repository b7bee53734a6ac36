"""Cross-city links: which places and cities the plan ties together, and how.

Links are the graph's ``LINKED_TO`` edges (one per link the plan states, source → target as
stated), each with a ``kind`` (``chain``, ``cooperation``, ``corridor``, ``co_implementation``), a
``level`` (``place`` as written, or ``city`` rolled up to prefecture cities), the task that states
it and the sentence.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from hbey_graph.graph import node_key, plan_ids

__all__ = ["cross_city_edges", "cross_city_matrix", "place_links"]

_LEVELS = ("city", "place")


def _links(G: nx.MultiDiGraph, level: str | None, kind: str | None, plan_id: str | None) -> list[dict]:
    """Every LINKED_TO edge as a row, in plan order, then task order, then as added."""
    if level is not None and level not in _LEVELS:
        raise ValueError(f"unknown link level {level!r}; expected 'city', 'place' or None")
    order = {pid: i for i, pid in enumerate(plan_ids(G))}
    if plan_id is not None and plan_id not in order:
        raise KeyError(f"no plan {plan_id!r} in the graph; it holds {', '.join(order) or 'no plan'}")
    rows = []
    for rank, (u, v, data) in enumerate(G.edges(data=True)):
        if data.get("type") != "LINKED_TO":
            continue
        if level is not None and data.get("level") != level:
            continue
        if kind is not None and data.get("kind") != kind:
            continue
        pid = G.nodes[u].get("plan_id", "")
        if plan_id is not None and pid != plan_id:
            continue
        task = G.nodes.get(node_key(pid, "Task", data.get("task_id", "")), {})
        rows.append(
            {
                "plan_id": pid,
                "source": G.nodes[u]["name"],
                "target": G.nodes[v]["name"],
                "source_node": u,
                "target_node": v,
                "kind": data.get("kind", ""),
                "level": data.get("level", ""),
                "task_id": data.get("task_id", ""),
                "seq": task.get("seq", 0),
                "evidence": data.get("evidence", ""),
                "rank": rank,
            }
        )
    rows.sort(key=lambda row: (order.get(row["plan_id"], len(order)), row["seq"], row["rank"]))
    return rows


def cross_city_edges(
    G: nx.MultiDiGraph,
    level: str | None = "city",
    *,
    kind: str | None = None,
    directed: bool = False,
    plan_id: str | None = None,
) -> pd.DataFrame:
    """Links between places as an edge list, one row per pair of places and kind.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    level : {"city", "place", None}
        ``"city"`` (default): links rolled up to prefecture cities; ``"place"``: links as written;
        None: both.
    kind : str, optional
        Only links of this kind.
    directed : bool
        False (default): a pair of places is one row whichever way round the plan states it, with
        ``source < target`` by code point; True: one row per direction as stated.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target``, ``kind``, ``tasks`` (number of distinct tasks stating a
        link of this kind between the two) and ``task_ids`` (those tasks in plan order, joined
        with ``,``); sorted by tasks (descending), then source, target and kind. Links of a place
        with itself are left out.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> edges = cross_city_edges(build_graph(load_plan()))
    >>> list(edges.columns)
    ['source', 'target', 'kind', 'tasks', 'task_ids']
    """
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for row in _links(G, level, kind, plan_id):
        source, target = row["source"], row["target"]
        if source == target:
            continue
        if not directed and target < source:
            source, target = target, source
        task_ids = grouped.setdefault((source, target, row["kind"]), [])
        if row["task_id"] not in task_ids:
            task_ids.append(row["task_id"])
    frame = pd.DataFrame(
        [
            {"source": s, "target": t, "kind": k, "tasks": len(ids), "task_ids": ",".join(ids)}
            for (s, t, k), ids in grouped.items()
        ],
        columns=["source", "target", "kind", "tasks", "task_ids"],
    )
    return frame.sort_values(
        ["tasks", "source", "target", "kind"], ascending=[False, True, True, True], ignore_index=True
    )


def cross_city_matrix(
    G: nx.MultiDiGraph, kind: str | None = None, *, level: str = "city", plan_id: str | None = None
) -> pd.DataFrame:
    """City × city matrix of the number of distinct tasks that link each pair, either direction.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    kind : str, optional
        Only links of this kind; all kinds by default.
    level : {"city", "place"}
        ``"city"`` (default) for prefecture cities; ``"place"`` for the places as written.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Symmetric integer matrix, index and columns the places that have a link (index name
        ``city``), ordered by row total (descending), then name; the diagonal is 0 (a link of a
        place with itself is not counted).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> matrix = cross_city_matrix(build_graph(load_plan()))
    >>> bool((matrix.values == matrix.values.T).all())
    True
    """
    pairs: dict[frozenset[str], set[tuple[str, str]]] = {}
    places: list[str] = []
    for row in _links(G, level, kind, plan_id):
        if row["source"] == row["target"]:
            continue
        pair = frozenset((row["source"], row["target"]))
        pairs.setdefault(pair, set()).add((row["plan_id"], row["task_id"]))
        places.extend(p for p in (row["source"], row["target"]) if p not in places)
    matrix = pd.DataFrame(0, index=places, columns=places, dtype=int)
    for pair, tasks in pairs.items():
        a, b = tuple(pair)
        matrix.loc[a, b] = matrix.loc[b, a] = len(tasks)
    totals = matrix.sum(axis=1)
    order = sorted(places, key=lambda place: (-totals[place], place))
    matrix = matrix.loc[order, order]
    matrix.index.name = "city"
    matrix.columns.name = None
    return matrix


def place_links(
    G: nx.MultiDiGraph, level: str | None = "place", *, kind: str | None = None, plan_id: str | None = None
) -> pd.DataFrame:
    """Every link the plan states, one row each, with where its places lie.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    level : {"place", "city", None}
        ``"place"`` (default): the links as written; ``"city"``: the rolled-up city links; None: both.
    kind : str, optional
        Only links of this kind.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target``, ``kind``, ``level``, ``task_id``, ``evidence``,
        ``source_level``, ``target_level`` (the places' levels: county, banner, town …),
        ``source_city``, ``target_city`` (their prefecture cities, ``""`` if unknown); rows in task
        order, then as stated.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> links = place_links(build_graph(load_plan()))
    >>> list(links.columns)[:6]
    ['source', 'target', 'kind', 'level', 'task_id', 'evidence']
    """
    columns = [
        "source",
        "target",
        "kind",
        "level",
        "task_id",
        "evidence",
        "source_level",
        "target_level",
        "source_city",
        "target_city",
    ]
    rows = []
    for row in _links(G, level, kind, plan_id):
        source, target = G.nodes[row["source_node"]], G.nodes[row["target_node"]]
        rows.append(
            {
                **{name: row[name] for name in columns[:6]},
                "source_level": source.get("level", ""),
                "target_level": target.get("level", ""),
                "source_city": source.get("parent_city", ""),
                "target_city": target.get("parent_city", ""),
            }
        )
    return pd.DataFrame(rows, columns=columns)
