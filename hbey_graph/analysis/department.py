"""The department network as one graph with everything a network tool needs.

:func:`department_network` gives either projection of the plan's assignments on the bodies — the
co-assignment network (undirected) or the lead → support network (directed) — with labels in
Chinese and English, each body's type, tasks led and supported and consensus cluster on the nodes
and the weights on the edges, ready to be written for Gephi, Cytoscape, UCINET or Pajek by
:mod:`hbey_graph.network_files`.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from hbey_graph.analysis.clusters import cluster_summary
from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph, coordination_graph
from hbey_graph.analysis.workload import lead_workload
from hbey_graph.graph import body_table

__all__ = ["PROJECTIONS", "department_network"]

#: The projections :func:`department_network` builds.
PROJECTIONS: tuple[str, ...] = ("co-assignment", "coordination")


def department_network(
    G: nx.MultiDiGraph,
    *,
    projection: str = "co-assignment",
    min_weight: float = 1,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    seed: int = 0,
) -> nx.Graph:
    """The department network with labels, attributes and weights on nodes and edges.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    projection : {"co-assignment", "coordination"}
        ``co-assignment``: undirected, bodies named in the same tasks
        (:func:`~hbey_graph.analysis.coordination.co_assignment_graph`); ``coordination``: directed
        lead → supporter (:func:`~hbey_graph.analysis.coordination.coordination_graph`).
    min_weight : float
        Keep only edges of at least this many shared tasks (every body stays, as an isolate if
        need be).
    roles : iterable of str
        Roles that make a body part of the co-assignment projection and of its clusters.
    plan_id : str, optional
        One plan only; all plans by default.
    seed : int
        First seed of the consensus clusters (see
        :func:`~hbey_graph.analysis.clusters.coordination_clusters`).

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes are body names, with attributes ``label`` (the name as written), ``label_en`` (the
        short English name, ``short_en``; the Chinese name if there is none), ``name_en`` and
        ``full_name`` (official names, ``""`` if unknown), ``body_type``, ``level``,
        ``tasks_led``, ``tasks_supported``, ``tasks_implemented``, ``cluster`` (number of its
        consensus cluster on the co-assignment network, 0 if it has none) and ``cluster_label``.
        Edges carry ``weight`` (shared tasks: named together, or led by one and supported by the
        other) and, for the co-assignment projection, ``newman`` (Newman's weight). ``H.graph``
        holds ``projection``, ``min_weight`` and the plan ids.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> H = department_network(G)
    >>> H.number_of_nodes(), H.number_of_edges()
    (29, 195)
    >>> H.nodes["自治区商务厅"]["label_en"], H.nodes["自治区商务厅"]["tasks_led"]
    ('Dept. of Commerce', 2)
    >>> department_network(G, projection="coordination", min_weight=5).number_of_edges()
    11
    """
    roles = tuple(roles)
    if projection == "co-assignment":
        source: nx.Graph = co_assignment_graph(G, roles=roles, plan_id=plan_id)
        H: nx.Graph = nx.Graph()
    elif projection == "coordination":
        source = coordination_graph(G, plan_id)
        H = nx.DiGraph()
    else:
        raise ValueError(f"unknown projection {projection!r}: expected one of {', '.join(PROJECTIONS)}")
    H.graph.update(projection=projection, min_weight=min_weight, plan_ids=G.graph.get("plan_ids", ""))
    bodies = body_table(G, plan_id).set_index("body")
    workload = lead_workload(G, plan_id).set_index("body")
    summary = cluster_summary(G, seed=seed, roles=roles, plan_id=plan_id, null_samples=2)
    cluster: dict[str, tuple[int, str]] = {
        body: (int(row.cluster), str(row.label))
        for row in summary.itertuples()
        for body in str(row.members).split("、")
    }
    for body in source:
        known = body in bodies.index
        number, label = cluster.get(body, (0, ""))
        H.add_node(
            body,
            label=body,
            label_en=(bodies.at[body, "short_en"] if known else "") or body,
            name_en=bodies.at[body, "name_en"] if known else "",
            full_name=bodies.at[body, "full_name"] if known else "",
            body_type=bodies.at[body, "body_type"] if known else "other",
            level=bodies.at[body, "level"] if known else "",
            tasks_led=int(workload.at[body, "led"]) if body in workload.index else 0,
            tasks_supported=int(workload.at[body, "supported"]) if body in workload.index else 0,
            tasks_implemented=int(workload.at[body, "implemented"]) if body in workload.index else 0,
            cluster=number,
            cluster_label=label,
        )
    for u, v, data in source.edges(data=True):
        if data["weight"] < min_weight:
            continue
        attrs = {"weight": int(data["weight"])}
        if "newman" in data:
            attrs["newman"] = float(data["newman"])
        H.add_edge(u, v, **attrs)
    return H
