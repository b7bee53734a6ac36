"""Whole-network measures: one row per network, as policy-network papers report them.

The measures are those of R's ``sna`` package (Butts), which follow UCINET's definitions, and of
``igraph`` where ``sna`` has none (mean distance). Ties are binary: a weight only says that a tie
exists. The values are checked in the tests against numbers computed with R.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph, coordination_graph
from hbey_graph.graph import task_assignments

__all__ = ["network_measures", "two_mode_graph", "whole_network"]

_COLUMNS = [
    "network",
    "mode",
    "directed",
    "nodes",
    "edges",
    "density",
    "degree_centralization",
    "betweenness_centralization",
    "components",
    "largest_component",
    "mean_distance",
    "clustering",
]


def network_measures(H: nx.Graph, *, two_mode: Iterable[str] | None = None) -> dict[str, object]:
    """Density, centralisation, components, mean distance and clustering of one network.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        The network; edge weights and self-loops are ignored (a tie exists or not).
    two_mode : iterable of str, optional
        For a two-mode (bipartite) network, the nodes of the first mode (e.g. the tasks); every
        edge must join a node of this set to one outside it.

    Returns
    -------
    dict
        ``mode`` (``"one"`` or ``"two"``), ``directed``, ``nodes``, ``edges`` and:

        - ``density``: ``sna::gden``, ties over possible ties: m / n(n−1) for a directed network,
          m / (n(n−1)/2) for an undirected one; for a two-mode network UCINET's two-mode density
          m / (n₁n₂);
        - ``degree_centralization``: Freeman's centralisation as ``sna::centralization(g, degree)``
          computes it: Σᵢ (max d − dᵢ) over its largest possible value for n nodes. Directed: d =
          in-degree + out-degree (``cmode="freeman"``), maximum 2(n−1)(n−2); undirected: d =
          degree, maximum (n−1)(n−2);
        - ``betweenness_centralization``: ``sna::centralization(g, betweenness)``: Σᵢ (max b − bᵢ)
          with unnormalised shortest-path betweenness, over (n−1)²(n−2) (directed) or
          (n−1)²(n−2)/2 (undirected);
        - ``components``: number of weak components (``sna::components(g, connected="weak")``),
          isolated nodes included; ``largest_component`` its largest size;
        - ``mean_distance``: ``igraph::mean_distance(g, unconnected=TRUE)``: mean geodesic length
          over the ordered (directed) or unordered pairs that are connected; NaN if none is;
        - ``clustering``: transitivity, ``sna::gtrans`` (``measure="weak"``): the share of two-paths
          i → j → k (i ≠ k) closed by a tie i → k; for an undirected network the global clustering
          coefficient, 3 × triangles / connected triples. NaN for a two-mode network (no triangle
          can close there) and where there is no two-path.

        For a two-mode network the centralisations, components and distances are those of the
        bipartite graph read as one undirected network on n₁ + n₂ nodes (what ``sna`` gives when
        handed the bipartite adjacency matrix), not Borgatti and Everett's two-mode normalisations.

    Examples
    --------
    >>> star = nx.star_graph(3)  # a centre tied to three leaves: as centralised as can be
    >>> row = network_measures(star)
    >>> row["density"], row["degree_centralization"], row["betweenness_centralization"]
    (0.5, 1.0, 1.0)
    """
    directed = H.is_directed()
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(H)
    simple.add_edges_from((u, v) for u, v in H.edges() if u != v)
    n, m = simple.number_of_nodes(), simple.number_of_edges()
    first = set(two_mode) if two_mode is not None else None
    row: dict[str, object] = {
        "mode": "two" if first is not None else "one",
        "directed": directed,
        "nodes": n,
        "edges": m,
    }
    if first is not None:
        if directed:
            raise ValueError("a two-mode network is undirected")
        bad = [(u, v) for u, v in simple.edges() if (u in first) == (v in first)]
        if bad:
            raise ValueError(f"edge {bad[0]} joins two nodes of the same mode")
        n1 = len(first & set(simple))
        row["density"] = m / (n1 * (n - n1)) if n1 and n - n1 else float("nan")
    else:
        pairs = n * (n - 1) if directed else n * (n - 1) / 2
        row["density"] = m / pairs if pairs else float("nan")
    row["degree_centralization"] = _degree_centralization(simple)
    row["betweenness_centralization"] = _betweenness_centralization(simple)
    weak = list(nx.weakly_connected_components(simple) if directed else nx.connected_components(simple))
    row["components"] = len(weak)
    row["largest_component"] = max((len(c) for c in weak), default=0)
    row["mean_distance"] = _mean_distance(simple)
    row["clustering"] = float("nan") if first is not None else _transitivity(simple)
    return row


def _degree_centralization(H: nx.Graph) -> float:
    n = H.number_of_nodes()
    if n < 3:
        return float("nan")
    if H.is_directed():
        degree = [H.in_degree(v) + H.out_degree(v) for v in H]
        most = 2 * (n - 1) * (n - 2)
    else:
        degree = [H.degree(v) for v in H]
        most = (n - 1) * (n - 2)
    top = max(degree)
    return sum(top - d for d in degree) / most


def _betweenness_centralization(H: nx.Graph) -> float:
    n = H.number_of_nodes()
    if n < 3:
        return float("nan")
    b = nx.betweenness_centrality(H, normalized=False)
    top = max(b.values())
    most = (n - 1) ** 2 * (n - 2) if H.is_directed() else (n - 1) ** 2 * (n - 2) / 2
    return sum(top - value for value in b.values()) / most


def _mean_distance(H: nx.Graph) -> float:
    total = count = 0
    for source, lengths in nx.all_pairs_shortest_path_length(H):
        for target, length in lengths.items():
            if target != source:
                total += length
                count += 1
    return total / count if count else float("nan")


def _transitivity(H: nx.Graph) -> float:
    """Closed two-paths over two-paths i → j → k, i ≠ k (each undirected triple counted both ways)."""
    succ = H.succ if H.is_directed() else H.adj
    paths = closed = 0
    for i in H:
        out_i = succ[i]
        for j in out_i:
            if j == i:
                continue
            for k in succ[j]:
                if k in (i, j):
                    continue
                paths += 1
                closed += k in out_i
    return closed / paths if paths else float("nan")


def two_mode_graph(
    G: nx.MultiDiGraph, *, roles: Iterable[str] = DEPARTMENT_ROLES, plan_id: str | None = None
) -> tuple[nx.Graph, list[str]]:
    """The task × body two-mode network: a tie where a body holds one of `roles` in a task.

    Returns the graph (task nodes are ``"{plan_id}|{task_id}"``, attribute ``mode="task"``; body
    nodes are body names, ``mode="body"``) and the list of its task nodes. A task that names no
    body with `roles` is left out.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> bipartite, tasks = two_mode_graph(build_graph(load_plan()))
    >>> len(tasks), bipartite.number_of_nodes() - len(tasks)
    (38, 29)
    """
    rows = task_assignments(G, plan_id, roles=roles)
    bipartite = nx.Graph()
    tasks: list[str] = []
    for pid, task_id, body in zip(rows.plan_id, rows.task_id, rows.body, strict=True):
        task = f"{pid}|{task_id}"
        if task not in bipartite:
            bipartite.add_node(task, mode="task")
            tasks.append(task)
        if body not in bipartite:
            bipartite.add_node(body, mode="body")
        bipartite.add_edge(task, body)
    return bipartite, tasks


def whole_network(
    G: nx.MultiDiGraph, *, roles: Iterable[str] = DEPARTMENT_ROLES, plan_id: str | None = None
) -> pd.DataFrame:
    """Whole-network measures of the three networks of a plan, one row each.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    roles : iterable of str
        Roles that make a body part of the co-assignment and two-mode networks
        (:data:`~hbey_graph.analysis.coordination.DEPARTMENT_ROLES` by default).
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Rows ``lead → support`` (:func:`~hbey_graph.analysis.coordination.coordination_graph`,
        directed), ``co-assignment``
        (:func:`~hbey_graph.analysis.coordination.co_assignment_graph`, undirected) and
        ``task × body`` (:func:`two_mode_graph`). Columns ``network``, ``mode``, ``directed``,
        ``nodes``, ``edges``, ``density``, ``degree_centralization``,
        ``betweenness_centralization``, ``components``, ``largest_component``,
        ``mean_distance``, ``clustering``, defined in :func:`network_measures`.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = whole_network(build_graph(load_plan()))
    >>> table[["network", "nodes", "edges"]].values.tolist()
    [['lead → support', 29, 101], ['co-assignment', 29, 195], ['task × body', 67, 234]]
    """
    roles = tuple(roles)
    bipartite, tasks = two_mode_graph(G, roles=roles, plan_id=plan_id)
    networks = [
        ("lead → support", coordination_graph(G, plan_id), None),
        ("co-assignment", co_assignment_graph(G, roles=roles, plan_id=plan_id), None),
        ("task × body", bipartite, tasks),
    ]
    rows = [{"network": name, **network_measures(H, two_mode=first)} for name, H, first in networks]
    return pd.DataFrame(rows, columns=_COLUMNS)
