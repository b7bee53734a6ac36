"""Coordination networks of bodies: who leads whom, and who works with whom.

Two views of the same assignments:

- the directed **coordination graph**: an edge lead → supporter for every task the lead leads
  and the supporter supports, weighted by the number of such tasks;
- the undirected **co-assignment projection** of the bipartite task–body network: an edge between
  two bodies named in the same task, with the raw weight (number of shared tasks) and Newman's
  weight (each shared task counts 1/(n−1), n being the number of bodies the task names), so that
  a task naming many bodies ties each pair less strongly than a task naming two.

Which bodies take part in the projection is set by ``roles``. By default
(:data:`DEPARTMENT_ROLES`) it is the department network: leads, supporters and responsible bodies,
without the city governments that implement. In the bundled plan the three city governments
implement nearly every task, so including them would tie them to every department and hide the
departments' own structure; pass ``roles=ROLES`` to include them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx
import pandas as pd

from hbey_graph.graph import body_table, task_assignments

__all__ = [
    "DEPARTMENT_ROLES",
    "co_assignment_graph",
    "co_assignment_table",
    "coordination_edges",
    "coordination_graph",
]

#: Roles that make a body part of the department network (city governments implement and are left out).
DEPARTMENT_ROLES: tuple[str, ...] = ("lead", "support", "responsible")


def coordination_edges(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """Lead → supporter pairs with the number of tasks they share in those roles.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``lead``, ``support``, ``weight`` (number of tasks that `lead` leads and `support`
        supports); sorted by weight (descending), then lead, then support.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> edges = coordination_edges(build_graph(load_plan()))
    >>> print(edges.head(3).to_string(index=False))
         lead       support  weight
    自治区发展改革委     自治区交通运输厅       8
    自治区发展改革委     自治区自然资源厅       8
    自治区发展改革委   自治区住房城乡建设厅       7
    """
    rows = task_assignments(G, plan_id, roles=("lead", "support"))
    task = rows.plan_id + "|" + rows.task_id
    leads = rows.assign(task=task)[rows.role == "lead"][["task", "body"]]
    supports = rows.assign(task=task)[rows.role == "support"][["task", "body"]]
    pairs = leads.merge(supports, on="task", suffixes=("_lead", "_support")).drop_duplicates()
    pairs = pairs[pairs.body_lead != pairs.body_support]
    edges = (
        pairs.groupby(["body_lead", "body_support"])
        .size()
        .reset_index(name="weight")
        .rename(columns={"body_lead": "lead", "body_support": "support"})
    )
    edges["weight"] = edges["weight"].astype(int)
    return edges.sort_values(["weight", "lead", "support"], ascending=[False, True, True], ignore_index=True)[
        ["lead", "support", "weight"]
    ]


def coordination_graph(G: nx.MultiDiGraph, plan_id: str | None = None) -> nx.DiGraph:
    """The directed lead → supporter graph, edge attribute ``weight`` = shared tasks.

    Nodes are body names with attribute ``body_type``; every body that leads or supports a task is
    a node, even one with no edge.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> C = coordination_graph(build_graph(load_plan()))
    >>> C["自治区科技厅"]["自治区发展改革委"]["weight"]
    5
    >>> C.out_degree("自治区发展改革委")
    18
    """
    C = nx.DiGraph()
    types = dict(zip(*_body_types(G, plan_id), strict=True))
    for body in task_assignments(G, plan_id, roles=("lead", "support")).body.unique():
        C.add_node(body, body_type=types.get(body, "other"))
    for lead, support, weight in coordination_edges(G, plan_id).itertuples(index=False):
        C.add_edge(lead, support, weight=int(weight))
    return C


def _body_types(G: nx.MultiDiGraph, plan_id: str | None) -> tuple[list[str], list[str]]:
    bodies = body_table(G, plan_id)
    return list(bodies.body), list(bodies.body_type)


def co_assignment_graph(
    G: nx.MultiDiGraph, *, roles: Iterable[str] = DEPARTMENT_ROLES, plan_id: str | None = None
) -> nx.Graph:
    """The undirected projection of tasks onto bodies named together.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    roles : iterable of str
        Roles that make a body part of the projection; :data:`DEPARTMENT_ROLES` (lead, support,
        responsible: the departments, without implementing city governments) by default.
    plan_id : str, optional
        One plan only; all plans by default (a task is identified by plan and task id, a body by
        its name).

    Returns
    -------
    networkx.Graph
        Nodes: body names holding one of `roles` in some task (attributes ``body_type`` and
        ``tasks``, the number of tasks it is named in with those roles). Edge attributes:
        ``weight`` = number of tasks naming both bodies; ``newman`` = sum over those tasks of
        1/(n−1), n = number of bodies the task names with `roles`.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> P = co_assignment_graph(build_graph(load_plan()))
    >>> P.number_of_nodes(), P.number_of_edges()
    (29, 195)
    >>> P["自治区发展改革委"]["自治区生态环境厅"]["weight"]
    20
    """
    rows = task_assignments(G, plan_id, roles=roles)
    types = dict(zip(*_body_types(G, plan_id), strict=True))
    P = nx.Graph()
    members: dict[tuple[str, str], list[str]] = {}
    for pid, task_id, body in zip(rows.plan_id, rows.task_id, rows.body, strict=True):
        bodies = members.setdefault((pid, task_id), [])
        if body not in bodies:
            bodies.append(body)
    for bodies in members.values():
        for body in bodies:
            if body in P:
                P.nodes[body]["tasks"] += 1
            else:
                P.add_node(body, body_type=types.get(body, "other"), tasks=1)
        if len(bodies) < 2:
            continue
        share = 1 / (len(bodies) - 1)
        for a, b in combinations(bodies, 2):
            if P.has_edge(a, b):
                P[a][b]["weight"] += 1
                P[a][b]["newman"] += share
            else:
                P.add_edge(a, b, weight=1, newman=share)
    return P


def co_assignment_table(
    G: nx.MultiDiGraph, *, roles: Iterable[str] = DEPARTMENT_ROLES, plan_id: str | None = None
) -> pd.DataFrame:
    """The co-assignment projection as an edge list.

    Parameters are those of :func:`co_assignment_graph`.

    Returns
    -------
    pandas.DataFrame
        Columns ``body_a``, ``body_b`` (``body_a < body_b`` by code point), ``tasks`` (shared tasks,
        the raw weight) and ``newman`` (Newman's weight); sorted by tasks (descending), newman
        (descending), body_a, body_b.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = co_assignment_table(build_graph(load_plan()))
    >>> print(table.head(2).to_string(index=False))
      body_a     body_b  tasks  newman
    自治区发展改革委 自治区工业和信息化厅     22 4.235989
    自治区发展改革委   自治区生态环境厅     20 4.059799
    """
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    rows = [
        {"body_a": min(a, b), "body_b": max(a, b), "tasks": data["weight"], "newman": data["newman"]}
        for a, b, data in P.edges(data=True)
    ]
    frame = pd.DataFrame(rows, columns=["body_a", "body_b", "tasks", "newman"])
    return frame.sort_values(
        ["tasks", "newman", "body_a", "body_b"], ascending=[False, False, True, True], ignore_index=True
    )
