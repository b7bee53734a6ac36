"""Lead workload: how many tasks each body leads, supports and implements.

The counts are the ones a task allocation table (任务分工表) yields when counted by hand, and the
Cypher query ``workload`` must return the same numbers.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from hbey_graph.graph import body_table, task_assignments, task_table

__all__ = ["area_lead_table", "lead_workload"]

_WORKLOAD_COLUMNS = [
    "body",
    "body_type",
    "led",
    "supported",
    "implemented",
    "responsible",
    "share_led",
    "supporting_bodies",
    "support_assignments",
]
_COUNT_OF_ROLE = {
    "lead": "led",
    "support": "supported",
    "implementer": "implemented",
    "responsible": "responsible",
}


def lead_workload(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """Tasks each body leads, supports and implements, and the supporters it coordinates.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        Count one plan only; by default every plan in `G`, a body being identified by its name
        across plans.

    Returns
    -------
    pandas.DataFrame
        One row per body, every body of the plan(s) included, sorted by ``led`` (descending), then
        ``body`` (by code point). Columns:

        - ``body``, ``body_type``;
        - ``led``, ``supported``, ``implemented``, ``responsible``: number of tasks in which the
          body holds that role (``LEADS``, ``SUPPORTS``, ``IMPLEMENTS``, ``RESPONSIBLE_FOR``);
        - ``share_led``: ``led`` divided by the number of tasks in scope;
        - ``supporting_bodies``: distinct bodies that support a task the body leads;
        - ``support_assignments``: support assignments summed over the tasks the body leads
          (a supporter counted once per task).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> workload = lead_workload(build_graph(load_plan()))
    >>> columns = ["body", "led", "supported", "supporting_bodies", "support_assignments"]
    >>> print(workload.loc[:1, columns].to_string(index=False))
        body  led  supported  supporting_bodies  support_assignments
    自治区发展改革委   10         24                 18                   86
      自治区科技厅    5          9                  7                   15
    >>> round(float(workload.loc[0, "share_led"]), 4)  # 10 of 38 tasks
    0.2632
    """
    assignments = task_assignments(G, plan_id)
    bodies = body_table(G, plan_id)
    n_tasks = len(task_table(G, plan_id))

    # a body holds a role at most once per task (one edge per relationship type), so rows count tasks
    counts = assignments.groupby(["body", "role"]).size().unstack(fill_value=0)
    task_keys = list(zip(assignments.plan_id, assignments.task_id, strict=True))
    assignments = assignments.assign(task=task_keys)
    leads = assignments[assignments.role == "lead"][["task", "body"]]
    supports = assignments[assignments.role == "support"][["task", "body"]]
    coordinated = leads.merge(supports, on="task", suffixes=("", "_support"))

    rows = []
    for body, body_type in zip(bodies.body, bodies.body_type, strict=True):
        row = {"body": body, "body_type": body_type}
        for role, column in _COUNT_OF_ROLE.items():
            row[column] = int(counts.at[body, role]) if body in counts.index and role in counts else 0
        row["share_led"] = row["led"] / n_tasks if n_tasks else 0.0
        supporters = coordinated[coordinated.body == body]
        row["supporting_bodies"] = supporters.body_support.nunique()
        row["support_assignments"] = len(supporters.drop_duplicates(["task", "body_support"]))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=_WORKLOAD_COLUMNS)
    frame = frame.sort_values(["led", "body"], ascending=[False, True], kind="stable", ignore_index=True)
    return frame


def area_lead_table(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """Number of tasks each body leads in each area (（一）… section) of the plan.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only; by default every plan in `G` (areas with the same title are one row).

    Returns
    -------
    pandas.DataFrame
        Index ``area`` (the area titles in plan order), one column per lead body (column axis
        ``lead``), ordered as in :func:`lead_workload`; integer counts, 0 where a body leads
        nothing in an area. Every row sums to the number of tasks of its area that have a lead.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = area_lead_table(build_graph(load_plan()))
    >>> table.shape
    (6, 16)
    >>> table.loc["推进生态环境共建共保", ["自治区生态环境厅", "自治区自然资源厅"]].tolist()
    [4, 1]
    """
    leads = task_assignments(G, plan_id, roles=("lead",))
    areas = list(dict.fromkeys(task_table(G, plan_id).section))
    order = leads.groupby("body").size()
    columns = sorted(order.index, key=lambda body: (-order[body], body))
    table = (
        leads.groupby(["section", "body"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=areas, columns=columns, fill_value=0)
        .astype(int)
    )
    table.index.name = "area"
    table.columns.name = "lead"
    return table
