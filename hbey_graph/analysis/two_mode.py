"""Two-mode networks: tasks (or areas) × bodies, their incidence matrices and projections.

The plan's assignments are a two-mode network: bodies are tied to the tasks that name them.
Researchers analyse it as an incidence matrix (rows tasks or areas, columns bodies), either
binary (named or not) or weighted by role, and project it onto the bodies (two bodies tied by
the tasks they share) or onto the tasks (two tasks tied by the bodies they share). Role weights
come from ``data/role_weights.csv`` (lead and responsible 2, support and implementer 1) unless
given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES
from hbey_graph.graph import task_assignments, task_table
from hbey_graph.reference import read_table

__all__ = ["ROLE_WEIGHTS", "incidence_matrix", "projection_edges", "two_mode_degree"]

#: Weight of each role in a role-weighted incidence matrix (from ``data/role_weights.csv``).
ROLE_WEIGHTS: dict[str, float] = {row["role"]: float(row["weight"]) for row in read_table("role_weights.csv")}


def incidence_matrix(
    G: nx.MultiDiGraph,
    *,
    by: str = "task",
    weighted: bool = False,
    role_weights: Mapping[str, float] | None = None,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
) -> pd.DataFrame:
    """The task × body or area × body incidence matrix.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    by : {"task", "area"}
        Rows are tasks (``task_id``, in plan order; ``plan_id|task_id`` across several plans) or
        areas (section titles, in plan order).
    weighted : bool
        Binary (1 where the body is named in the task) or role-weighted: the weight of the
        body's role in the task (the largest if it holds two).
    role_weights : mapping, optional
        Weight of each role; :data:`ROLE_WEIGHTS` by default.
    roles : iterable of str
        Roles that tie a body to a task (the department roles by default).
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Rows (index named ``task`` or ``area``) × bodies (columns named ``body``, in order of
        first appearance). An area's cell sums its tasks' cells: the number of the area's tasks
        naming the body, or their role weights. Every task of the plan is a row, even one naming
        no body with `roles`.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> incidence_matrix(G).shape, incidence_matrix(G, by="area").shape
    ((38, 29), (6, 29))
    >>> int(incidence_matrix(G, weighted=True).loc["T2.3.1", "自治区文化和旅游厅"])  # leads it
    2
    """
    if by not in ("task", "area"):
        raise ValueError(f"by must be 'task' or 'area', not {by!r}")
    weights = dict(ROLE_WEIGHTS if role_weights is None else role_weights)
    rows = task_assignments(G, plan_id, roles=roles)
    tasks = task_table(G, plan_id)
    several = tasks.plan_id.nunique() > 1
    task_ids = list(tasks.plan_id + "|" + tasks.task_id if several else tasks.task_id)
    bodies = list(dict.fromkeys(rows.body))
    matrix = pd.DataFrame(0.0, index=pd.Index(task_ids, name="task"), columns=pd.Index(bodies, name="body"))
    for pid, task_id, body, role in zip(rows.plan_id, rows.task_id, rows.body, rows.role, strict=True):
        row = f"{pid}|{task_id}" if several else task_id
        value = weights.get(role, 1.0) if weighted else 1.0
        matrix.at[row, body] = max(matrix.at[row, body], value)
    if by == "area":
        areas = list(dict.fromkeys(tasks.section))
        matrix = matrix.groupby(list(tasks.section), sort=False).sum().reindex(areas)
        matrix.index.name = "area"
    if np.all(matrix.values == np.round(matrix.values)):
        matrix = matrix.astype(int)
    return matrix


def projection_edges(
    incidence: pd.DataFrame, *, onto: str = "columns", min_weight: float = 1
) -> pd.DataFrame:
    """The weighted one-mode projection of an incidence matrix, as an edge list.

    The weight of a pair is Σ_k B_ki B_kj (columns) or Σ_k B_ik B_jk (rows): for a binary
    task × body matrix, the number of tasks two bodies share; for a role-weighted one, the sum
    over shared tasks of the product of their role weights.

    Parameters
    ----------
    incidence : pandas.DataFrame
        A matrix from :func:`incidence_matrix` (or any two-mode matrix).
    onto : {"columns", "rows"}
        Project onto the columns (bodies) or the rows (tasks or areas).
    min_weight : float
        Keep pairs of at least this weight.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (in the matrix's order, a before b) and ``weight``; sorted by weight
        (descending), then a, then b in the matrix's order.

    Examples
    --------
    >>> B = pd.DataFrame([[1, 1, 0], [1, 1, 1]], index=["t1", "t2"], columns=["x", "y", "z"])
    >>> projection_edges(B).values.tolist()
    [['x', 'y', 2], ['x', 'z', 1], ['y', 'z', 1]]
    >>> projection_edges(B, onto="rows").values.tolist()
    [['t1', 't2', 2]]
    """
    if onto not in ("columns", "rows"):
        raise ValueError(f"onto must be 'columns' or 'rows', not {onto!r}")
    values = incidence.to_numpy(dtype=float)
    labels = list(incidence.columns if onto == "columns" else incidence.index)
    product = values.T @ values if onto == "columns" else values @ values.T
    rows = [
        (i, j, product[i, j])
        for i in range(len(labels))
        for j in range(i + 1, len(labels))
        if product[i, j] > 0 and product[i, j] >= min_weight
    ]
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    integer = np.all(values == np.round(values))
    frame = pd.DataFrame(
        [(labels[i], labels[j], int(w) if integer else w) for i, j, w in rows], columns=["a", "b", "weight"]
    )
    return frame


def two_mode_degree(
    G: nx.MultiDiGraph,
    *,
    role_weights: Mapping[str, float] | None = None,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
) -> pd.DataFrame:
    """Degree of every body in the task × body network.

    Returns
    -------
    pandas.DataFrame
        One row per body: ``body``, ``tasks`` (its degree: tasks naming it with `roles`),
        ``degree_normalized`` (tasks over all tasks of the plan, Borgatti and Everett's two-mode
        normalisation by the size of the other mode), ``weighted_degree`` (sum of its role
        weights), ``areas`` (areas in which it is named) and ``partners`` (distinct bodies it
        shares a task with); sorted by tasks (descending), then body.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = two_mode_degree(build_graph(load_plan()))
    >>> str(table.loc[0, "body"]), int(table.loc[0, "tasks"])
    ('自治区发展改革委', 34)
    """
    binary = incidence_matrix(G, roles=roles, plan_id=plan_id)
    weighted = incidence_matrix(G, weighted=True, role_weights=role_weights, roles=roles, plan_id=plan_id)
    areas = incidence_matrix(G, by="area", roles=roles, plan_id=plan_id)
    shared = binary.T @ binary
    rows = [
        {
            "body": body,
            "tasks": int(binary[body].sum()),
            "degree_normalized": binary[body].sum() / len(binary) if len(binary) else float("nan"),
            "weighted_degree": weighted[body].sum(),
            "areas": int((areas[body] > 0).sum()),
            "partners": int((shared[body] > 0).sum() - 1),
        }
        for body in binary.columns
    ]
    frame = pd.DataFrame(
        rows, columns=["body", "tasks", "degree_normalized", "weighted_degree", "areas", "partners"]
    )
    return frame.sort_values(["tasks", "body"], ascending=[False, True], ignore_index=True)
