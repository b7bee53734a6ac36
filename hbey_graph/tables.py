"""A plan's records as pandas DataFrames, one table per kind of record.

These are the tables ``hbey-graph export`` writes; their columns are a contract with users'
scripts, so they only ever gain columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from hbey_graph.errors import UnknownTableError
from hbey_graph.records import Plan

__all__ = [
    "TABLES",
    "assignments",
    "bodies",
    "issues",
    "links",
    "mentions",
    "places",
    "projects",
    "table",
    "tasks",
]


#: The columns of :func:`tasks`.
TASKS_COLUMNS = [
    "task_id",
    "seq",
    "section",
    "heading",
    "theme",
    "text",
    "lead",
    "deadline",
    "lead_official",
    "first_line",
    "last_line",
]


def tasks(plan: Plan) -> pd.DataFrame:
    """One row per task: task_id, seq, section, heading, theme, text, lead, deadline, lead_official, lines.

    ``deadline`` and ``lead_official`` are ``""`` where the plan names none for the task.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = tasks(load_plan())
    >>> frame.loc[12, ["task_id", "theme", "lead"]].tolist()
    ['T2.3.1', '文化旅游业', '自治区文化和旅游厅']
    """
    return pd.DataFrame(tasks_rows(plan), columns=TASKS_COLUMNS)


def tasks_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`tasks`, as dicts (no DataFrame: cheaper for many plans)."""
    leads: dict[str, str] = {}
    for assignment in plan.assignments:
        if assignment.role == "lead":
            leads.setdefault(assignment.task_id, assignment.body)
    return [
        {
            "task_id": task.task_id,
            "seq": task.seq,
            "section": task.section,
            "heading": task.heading,
            "theme": task.theme or "",
            "text": task.text,
            "lead": leads.get(task.task_id, ""),
            "deadline": task.deadline,
            "lead_official": task.lead_official,
            "first_line": task.lines[0],
            "last_line": task.lines[1],
        }
        for task in plan.tasks
    ]


#: The columns of :func:`assignments`.
ASSIGNMENTS_COLUMNS = ["task_id", "seq", "body", "body_type", "role", "position", "group"]


def assignments(plan: Plan) -> pd.DataFrame:
    """One row per body per task: task_id, seq, body, body_type, role, position, group.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = assignments(load_plan())
    >>> frame[frame.task_id == "T3.1.3"][["body", "role"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['呼和浩特市人民政府', 'implementer'], ['包头市人民政府', 'implementer'],
     ['鄂尔多斯市人民政府', 'implementer'], ['自治区发展改革委', 'lead'],
     ['自治区交通运输厅', 'support'], ['内蒙古民航机场集团公司', 'support']]
    """
    return pd.DataFrame(assignments_rows(plan), columns=ASSIGNMENTS_COLUMNS)


def assignments_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`assignments`, as dicts (no DataFrame: cheaper for many plans)."""
    seq = {task.task_id: task.seq for task in plan.tasks}
    return [
        {
            "task_id": a.task_id,
            "seq": seq[a.task_id],
            "body": a.body,
            "body_type": plan.bodies[a.body].body_type,
            "role": a.role,
            "position": a.position,
            "group": a.group,
        }
        for a in plan.assignments
    ]


#: The columns of :func:`bodies`.
BODIES_COLUMNS = ["body", "full_name", "name_en", "body_type", "level", "known"]


def bodies(plan: Plan) -> pd.DataFrame:
    """One row per body named: body, full_name, name_en, body_type, level, known.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = bodies(load_plan()).set_index("body")
    >>> frame.loc["自治区党委编办", ["full_name", "body_type"]].tolist()
    ['内蒙古自治区党委机构编制委员会办公室', 'party_organ']
    """
    return pd.DataFrame(bodies_rows(plan), columns=BODIES_COLUMNS)


def bodies_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`bodies`, as dicts (no DataFrame: cheaper for many plans)."""
    return [
        {
            "body": body.name,
            "full_name": body.full_name,
            "name_en": body.name_en,
            "body_type": body.body_type,
            "level": body.level,
            "known": body.known,
        }
        for body in plan.bodies.values()
    ]


#: The columns of :func:`places`.
PLACES_COLUMNS = ["place", "level", "parent_city", "province", "lon", "lat", "name_en"]


def places(plan: Plan) -> pd.DataFrame:
    """One row per place the plan names: place, level, parent_city, province, lon, lat, name_en.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = places(load_plan()).set_index("place")
    >>> frame.loc["达拉特旗", ["level", "parent_city", "province"]].tolist()
    ['banner', '鄂尔多斯市', '内蒙古自治区']
    """
    return pd.DataFrame(places_rows(plan), columns=PLACES_COLUMNS)


def places_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`places`, as dicts (no DataFrame: cheaper for many plans)."""
    return [
        {
            "place": place.name,
            "level": place.level,
            "parent_city": place.parent_city or "",
            "province": place.province or "",
            "lon": place.lon,
            "lat": place.lat,
            "name_en": place.name_en,
        }
        for place in plan.places.values()
    ]


def mentions(plan: Plan) -> pd.DataFrame:
    """One row per place mention: task_id, place, surface, start, end, via.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = mentions(load_plan())
    >>> frame[(frame.task_id == "T1.1.1")][["place", "surface", "via"]].values.tolist()[:2]
    [['呼和浩特市', '呼包鄂榆', 'abbreviation'], ['包头市', '呼包鄂榆', 'abbreviation']]
    """
    return pd.DataFrame(
        [vars(mention) for mention in plan.mentions],
        columns=["task_id", "place", "surface", "start", "end", "via"],
    )


def projects(plan: Plan) -> pd.DataFrame:
    """One row per project in a task: project, category, task_id, places (joined by ``|``), source.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = projects(load_plan())
    >>> frame[frame.project == "蒙陕合作实验区"][["category", "task_id", "places"]].values.tolist()
    [['zone', 'T2.1.1', '乌兰木伦镇|大柳塔镇']]
    """
    return pd.DataFrame(
        [
            {
                "project": project.name,
                "category": project.category,
                "task_id": project.task_id,
                "places": "|".join(project.places),
                "source": project.source,
            }
            for project in plan.projects
        ],
        columns=["project", "category", "task_id", "places", "source"],
    )


#: The columns of :func:`links`.
LINKS_COLUMNS = ["source", "target", "level", "kind", "task_id", "evidence"]


def links(plan: Plan) -> pd.DataFrame:
    """One row per stated link: source, target, level, kind, task_id, evidence.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = links(load_plan())
    >>> chain = frame[(frame.kind == "chain") & (frame.level == "place") & (frame.task_id == "T1.4.1")]
    >>> chain[["source", "target"]].values.tolist()[:3]
    [['呼和浩特市', '土默特左旗'], ['呼和浩特市', '和林格尔新区'], ['包头市', '土默特右旗']]
    """
    return pd.DataFrame(links_rows(plan), columns=LINKS_COLUMNS)


def links_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`links`, as dicts (no DataFrame: cheaper for many plans)."""
    return [vars(link) for link in plan.links]


#: The columns of :func:`issues`.
ISSUES_COLUMNS = ["line", "severity", "kind", "message"]


def issues(plan: Plan) -> pd.DataFrame:
    """What the parser noticed: line, severity, kind, message.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> frame = issues(load_plan())
    >>> frame[frame.kind == "doubled-character"].line.tolist()
    [65]
    """
    return pd.DataFrame(issues_rows(plan), columns=ISSUES_COLUMNS)


def issues_rows(plan: Plan) -> list[dict[str, Any]]:
    """The rows of :func:`issues`, as dicts (no DataFrame: cheaper for many plans)."""
    return [
        {"line": issue.line, "severity": issue.severity, "kind": issue.kind, "message": issue.message}
        for issue in plan.issues
    ]


#: The rows of the tables that have them as dicts, by table name (see :mod:`hbey_graph.dataset`).
ROWS: dict[str, Callable[[Plan], list[dict[str, Any]]]] = {
    "tasks": tasks_rows,
    "assignments": assignments_rows,
    "bodies": bodies_rows,
    "places": places_rows,
    "links": links_rows,
    "issues": issues_rows,
}

#: Every table by name.
TABLES: dict[str, Callable[[Plan], pd.DataFrame]] = {
    "tasks": tasks,
    "assignments": assignments,
    "bodies": bodies,
    "places": places,
    "mentions": mentions,
    "projects": projects,
    "links": links,
    "issues": issues,
}


def table(plan: Plan, name: str) -> pd.DataFrame:
    """Return the table called `name` (one of :data:`TABLES`).

    Raises
    ------
    UnknownTableError
        If there is no such table.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> table(load_plan(), "tasks").shape[0]
    38
    """
    try:
        build = TABLES[name]
    except KeyError:
        raise UnknownTableError(f"no table {name!r}; expected one of {', '.join(TABLES)}") from None
    return build(plan)
