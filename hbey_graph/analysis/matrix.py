"""The responsibility matrix and the task allocation table (任务分工表).

These are the two tables government offices and researchers draw up by hand from a plan: a
task × body grid of roles, and one row per task naming who leads, who supports and who
implements.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from hbey_graph.graph import task_assignments, task_table
from hbey_graph.records import ROLES

__all__ = ["MARKERS", "allocation_table", "responsibility_matrix"]

#: Marker of each role in the responsibility matrix.
MARKERS: dict[str, str] = {"lead": "牵", "support": "配", "implementer": "实", "responsible": "责"}

#: Column of the allocation table listing the bodies of each role.
_ALLOCATION_COLUMNS: dict[str, str] = {
    "lead": "牵头单位",
    "support": "配合单位",
    "implementer": "实施主体",
    "responsible": "责任单位",
}


def responsibility_matrix(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """Task × body matrix of roles: 牵 lead, 配 support, 实 implementer, 责 responsible.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only; all plans by default (rows are then ``plan_id|task_id``).

    Returns
    -------
    pandas.DataFrame
        Index ``task_id`` in plan order (``seq``); one column per body: first the bodies that lead
        a task, by number of tasks led (descending), then name; then every other body by number of
        tasks it is named in (descending), then name. Cells hold the marker of the body's role,
        markers joined in role order if it holds two, ``""`` where it has none.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> matrix = responsibility_matrix(build_graph(load_plan()))
    >>> matrix.shape
    (38, 32)
    >>> bodies = ["自治区文化和旅游厅", "自治区发展改革委", "包头市人民政府", "自治区科技厅"]
    >>> matrix.loc["T2.3.1", bodies].tolist()
    ['牵', '配', '实', '']
    """
    rows = task_assignments(G, plan_id)
    tasks = task_table(G, plan_id)
    several = tasks.plan_id.nunique() > 1
    rows = rows.assign(row=_row_ids(rows, several))
    index = list(_row_ids(tasks, several))
    led = rows[rows.role == "lead"].groupby("body").size()
    named = rows.drop_duplicates(["row", "body"]).groupby("body").size()
    leads = sorted(led.index, key=lambda body: (-led[body], body))
    others = sorted(set(named.index) - set(leads), key=lambda body: (-named[body], body))
    matrix = pd.DataFrame("", index=pd.Index(index, name="task_id"), columns=[*leads, *others], dtype=object)
    for row_id, body, role in zip(rows.row, rows.body, rows.role, strict=True):
        matrix.at[row_id, body] = "".join(
            MARKERS[r] for r in ROLES if r == role or MARKERS[r] in matrix.at[row_id, body]
        )
    matrix.columns.name = "body"
    return matrix


def _row_ids(frame: pd.DataFrame, several: bool) -> pd.Series:
    return frame.plan_id + "|" + frame.task_id if several else frame.task_id


def allocation_table(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """The task allocation table (任务分工表): one row per task, who leads, supports, implements.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only; all plans by default (序号 then runs on across the plans).

    Returns
    -------
    pandas.DataFrame
        Columns ``序号`` (1, 2, … in plan order), ``任务`` (the task paragraph), ``牵头单位``,
        ``配合单位``, ``实施主体`` (bodies in annotation order, joined with ``、``; ``""`` if none),
        and ``责任单位`` only when some task names responsible bodies without a lead.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = allocation_table(build_graph(load_plan()))
    >>> list(table.columns)
    ['序号', '任务', '牵头单位', '配合单位', '实施主体']
    >>> table.loc[37, ["牵头单位", "配合单位"]].tolist()
    ['自治区财政厅', '自治区发展改革委、自治区生态环境厅、自治区工业和信息化厅、自治区科技厅、内蒙古税务局']
    """
    rows = task_assignments(G, plan_id)
    tasks = task_table(G, plan_id)
    roles = [role for role in ROLES if role != "responsible" or (rows.role == "responsible").any()]
    names: dict[tuple[str, str, str], list[str]] = {}
    for pid, task_id, body, role in zip(rows.plan_id, rows.task_id, rows.body, rows.role, strict=True):
        names.setdefault((pid, task_id, role), []).append(body)
    records = []
    tasks_in_order = zip(tasks.plan_id, tasks.task_id, tasks.text, strict=True)
    for number, (pid, task_id, text) in enumerate(tasks_in_order, start=1):
        record = {"序号": number, "任务": text}
        for role in roles:
            record[_ALLOCATION_COLUMNS[role]] = "、".join(names.get((pid, task_id, role), []))
        records.append(record)
    return pd.DataFrame(records, columns=["序号", "任务", *(_ALLOCATION_COLUMNS[role] for role in roles)])
