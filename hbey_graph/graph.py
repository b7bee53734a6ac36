"""The responsibility graph: a plan's records as one networkx MultiDiGraph.

Every node key is scoped by plan (``"{plan_id}|{Kind}|{local}"``) so several plans can share one
graph. Node attribute ``kind`` names the node type (``Plan``, ``Section``, ``Task``, ``Body``,
``Place``, ``Project``); edge keys and the edge attribute ``type`` name the relationship
(``LEADS``, ``SUPPORTS``, ``IMPLEMENTS``, ``RESPONSIBLE_FOR``, ``IN_SECTION``, ``IN_PLAN``,
``MENTIONS``, ``CONCERNS``, ``LOCATED_IN``, ``PART_OF``, ``LINKED_TO``). Attribute values are
``str``, ``int``, ``float`` or ``bool`` only, so the graph writes to GraphML and GEXF as it is; a value
the plan does not have is simply absent.

Besides the builder, this module holds the small accessors every analysis shares:
:func:`task_table`, :func:`task_assignments` and :func:`body_table` read the graph back into tidy
DataFrames.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from hbey_graph.names import short_body_en
from hbey_graph.records import ROLES, Plan

__all__ = [
    "EDGE_ATTRIBUTE_TYPES",
    "EDGE_TYPE_OF_ROLE",
    "KINDS",
    "NODE_ATTRIBUTE_TYPES",
    "ROLE_OF_EDGE_TYPE",
    "body_table",
    "build_graph",
    "edge_key",
    "node_key",
    "nodes_of_kind",
    "plan_ids",
    "split_key",
    "stamp_metadata",
    "task_assignments",
    "task_table",
]

#: Node types, in the order the builder adds them.
KINDS: tuple[str, ...] = ("Plan", "Section", "Task", "Body", "Place", "Project")

#: Relationship type of each role a body holds in a task.
EDGE_TYPE_OF_ROLE: dict[str, str] = {
    "lead": "LEADS",
    "support": "SUPPORTS",
    "implementer": "IMPLEMENTS",
    "responsible": "RESPONSIBLE_FOR",
}

#: Role of each body → task relationship type.
ROLE_OF_EDGE_TYPE: dict[str, str] = {edge: role for role, edge in EDGE_TYPE_OF_ROLE.items()}

#: Type of every node attribute, by node kind (``kind``, ``plan_id`` and ``name`` are ``str`` for all).
#: Readers use it to restore values a file format could only store as text.
NODE_ATTRIBUTE_TYPES: dict[str, dict[str, type]] = {
    "Plan": {"title": str, "doc_number": str, "issuer": str, "date": str},
    "Section": {"key": str, "number": str, "title": str, "level": int},
    "Task": {
        "task_id": str,
        "seq": int,
        "section": str,
        "heading": str,
        "theme": str,
        "text": str,
        "deadline": str,
        "lead_official": str,
    },
    "Body": {"full_name": str, "name_en": str, "body_type": str, "level": str},
    "Place": {
        "level": str,
        "parent_city": str,
        "province": str,
        "lon": float,
        "lat": float,
        "name_en": str,
    },
    "Project": {"category": str, "source": str},
}

#: Type of every edge attribute that is not a ``str``.
EDGE_ATTRIBUTE_TYPES: dict[str, type] = {"position": int, "count": int}

#: Graph attributes stamped for a graph of a single plan, from its Plan node.
_PLAN_METADATA = ("plan_id", "title", "doc_number", "issuer", "date")


def node_key(plan_id: str, kind: str, local: str) -> str:
    """Return the key of a node: ``"{plan_id}|{kind}|{local}"``.

    Examples
    --------
    >>> node_key("nmg-2018-55-hbey-plan", "Task", "T1.2.1")
    'nmg-2018-55-hbey-plan|Task|T1.2.1'
    """
    return f"{plan_id}|{kind}|{local}"


def split_key(key: str) -> tuple[str, str, str]:
    """Split a node key into plan id, kind and local name (the inverse of :func:`node_key`).

    Examples
    --------
    >>> split_key("nmg-2018-55-hbey-plan|Body|自治区发展改革委")
    ('nmg-2018-55-hbey-plan', 'Body', '自治区发展改革委')
    """
    plan_id, kind, local = key.split("|", 2)
    return plan_id, kind, local


def edge_key(data: Mapping[str, Any]) -> str:
    """Return the key the graph gives an edge with attributes `data`.

    The key is the relationship type, except for ``LINKED_TO``, where one pair of places can be
    linked by several tasks, kinds and levels: ``"LINKED_TO|{level}|{kind}|{task_id}"``.

    Examples
    --------
    >>> edge_key({"type": "LEADS", "position": 4})
    'LEADS'
    >>> edge_key({"type": "LINKED_TO", "level": "city", "kind": "chain", "task_id": "T1.4.1"})
    'LINKED_TO|city|chain|T1.4.1'
    """
    if data["type"] == "LINKED_TO":
        return f"LINKED_TO|{data['level']}|{data['kind']}|{data['task_id']}"
    return str(data["type"])


def build_graph(plans: Plan | Iterable[Plan]) -> nx.MultiDiGraph:
    """Build the responsibility graph of one plan or of several plans.

    Parameters
    ----------
    plans : Plan or iterable of Plan
        The plan(s); plans with the same ``plan_id`` cannot share a graph.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes (attribute ``kind``):

        - ``Plan``: title, doc_number, issuer, date (ISO); name = document number (or title).
        - ``Section``: key, number, title, level; name = number + title (``（一）优化…``).
        - ``Task``: task_id, seq, section (its area), heading, theme, text, and deadline and
          lead_official where the plan gives them; name = task id and theme
          or heading (``T2.3.1 文化旅游业``).
        - ``Body``: full_name, name_en, body_type, level; name = the name as written.
        - ``Place``: level, parent_city, province, lon, lat, name_en.
        - ``Project``: category, source (one node per distinct project name).

        Edges, keyed by relationship type (attribute ``type`` the same):

        - Body → Task ``LEADS``, ``SUPPORTS``, ``IMPLEMENTS``, ``RESPONSIBLE_FOR`` (attribute position,
          1-based in the annotation; a body named twice in one role keeps its first position);
        - Task → Section ``IN_SECTION`` (its innermost section), Section → Section ``IN_SECTION``
          (child → parent), Section → Plan ``IN_PLAN`` (outline roots; also a task outside any
          section);
        - Task → Place ``MENTIONS`` (attribute count), Task → Project ``CONCERNS``,
          Project → Place ``LOCATED_IN``;
        - Place → Place ``PART_OF`` (a place → its prefecture city, a city → its province);
          a parent, a mentioned or a linked place missing from ``plan.places`` still gets a node;
        - Place → Place ``LINKED_TO`` as the plan states it (attributes kind, level, task_id,
          evidence), key ``"LINKED_TO|{level}|{kind}|{task_id}"``.

        ``G.graph`` holds ``plan_ids`` (comma-joined) and, for one plan, plan_id, title,
        doc_number, issuer and date.

    Raises
    ------
    ValueError
        If two plans share a plan id, or an assignment, mention or link names a task the plan
        does not have.
    TypeError
        If `plans` is a path or holds something other than plans.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> G = build_graph(load_plan())
    >>> G.graph["doc_number"]
    '内政发〔2018〕55号'
    >>> G.nodes["nmg-2018-55-hbey-plan|Task|T2.3.1"]["name"]
    'T2.3.1 文化旅游业'
    >>> G.has_edge("nmg-2018-55-hbey-plan|Body|自治区文化和旅游厅",
    ...            "nmg-2018-55-hbey-plan|Task|T2.3.1", key="LEADS")
    True
    """
    if isinstance(plans, str | bytes | os.PathLike):
        raise TypeError(
            f"build_graph takes parsed plans, not the path {plans!r}; "
            "read it first: build_graph(load_plan(path))"
        )
    plan_list = [plans] if isinstance(plans, Plan) else list(plans)
    for plan in plan_list:
        if not isinstance(plan, Plan):
            raise TypeError(f"build_graph takes Plan objects (from load_plan), not {type(plan).__name__}")
    G = nx.MultiDiGraph()
    seen: set[str] = set()
    for plan in plan_list:
        if plan.plan_id in seen:
            raise ValueError(f"two plans share the plan id {plan.plan_id!r}; give each a distinct plan_id")
        seen.add(plan.plan_id)
        _add_plan(G, plan)
    stamp_metadata(G)
    return G


def stamp_metadata(G: nx.MultiDiGraph) -> None:
    """Set ``G.graph`` from the graph's Plan nodes (called by :func:`build_graph` and the readers).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p|Plan|p", kind="Plan", plan_id="p", name="p", title="A plan")
    >>> stamp_metadata(G)
    >>> G.graph
    {'plan_ids': 'p', 'plan_id': 'p', 'title': 'A plan'}
    """
    plan_nodes = [data for _, data in G.nodes(data=True) if data.get("kind") == "Plan"]
    G.graph.clear()
    G.graph["plan_ids"] = ",".join(data["plan_id"] for data in plan_nodes)
    if len(plan_nodes) == 1:
        for name in _PLAN_METADATA:
            if name in plan_nodes[0]:
                G.graph[name] = plan_nodes[0][name]


def _attrs(**values: Any) -> dict[str, Any]:
    """Keep the values a file format can store: drop None, keep str/int/float/bool."""
    return {name: value for name, value in values.items() if value is not None}


def _add_plan(G: nx.MultiDiGraph, plan: Plan) -> None:
    """Add one plan's nodes and edges to `G` (the one builder every public entry point uses)."""
    pid = plan.plan_id

    def key(kind: str, local: str) -> str:
        return node_key(pid, kind, local)

    plan_key = key("Plan", pid)
    G.add_node(
        plan_key,
        **_attrs(
            kind="Plan",
            plan_id=pid,
            name=plan.doc_number or plan.title or pid,
            title=plan.title,
            doc_number=plan.doc_number,
            issuer=plan.issuer,
            date=plan.date.isoformat() if plan.date else None,
        ),
    )

    section_keys = {section.key for section in plan.sections}
    for section in plan.sections:
        G.add_node(
            key("Section", section.key),
            kind="Section",
            plan_id=pid,
            name=f"{section.number}{section.title}",
            key=section.key,
            number=section.number,
            title=section.title,
            level=section.level,
        )
    for section in plan.sections:
        parent = section.key.rpartition(".")[0]
        if parent in section_keys:
            _add_edge(G, key("Section", section.key), key("Section", parent), "IN_SECTION")
        else:
            _add_edge(G, key("Section", section.key), plan_key, "IN_PLAN")

    task_ids = set()
    for task in plan.tasks:
        task_ids.add(task.task_id)
        task_key = key("Task", task.task_id)
        G.add_node(
            task_key,
            **_attrs(
                kind="Task",
                plan_id=pid,
                name=f"{task.task_id} {task.theme or task.heading}".rstrip(),
                task_id=task.task_id,
                seq=task.seq,
                section=task.section,
                heading=task.heading,
                theme=task.theme,
                text=task.text,
                deadline=task.deadline or None,
                lead_official=task.lead_official or None,
            ),
        )
        if task.section_path:
            innermost = task.section_path[-1]
            if innermost not in section_keys:
                raise ValueError(
                    f"plan {pid}: task {task.task_id} stands in section {innermost!r}, which the plan "
                    "does not have"
                )
            _add_edge(G, task_key, key("Section", innermost), "IN_SECTION")
        else:
            _add_edge(G, task_key, plan_key, "IN_PLAN")

    def require_task(task_id: str, what: str) -> str:
        if task_id not in task_ids:
            raise ValueError(f"plan {pid}: {what} names task {task_id!r}, which the plan does not have")
        return key("Task", task_id)

    for body in plan.bodies.values():
        G.add_node(
            key("Body", body.name),
            kind="Body",
            plan_id=pid,
            name=body.name,
            full_name=body.full_name,
            name_en=body.name_en,
            body_type=body.body_type,
            level=body.level,
        )
    for assignment in plan.assignments:
        task_key = require_task(assignment.task_id, f"the assignment of {assignment.body}")
        body_key = key("Body", assignment.body)
        if body_key not in G:  # a body missing from plan.bodies still takes part, typed "other"
            G.add_node(body_key, kind="Body", plan_id=pid, name=assignment.body, body_type="other")
        edge_type = EDGE_TYPE_OF_ROLE.get(assignment.role)
        if edge_type is None:
            raise ValueError(f"plan {pid}: unknown role {assignment.role!r}; expected one of {ROLES}")
        if not G.has_edge(body_key, task_key, key=edge_type):  # the first position stands
            _add_edge(G, body_key, task_key, edge_type, position=assignment.position)

    def place_node(name: str) -> str:
        place_key = key("Place", name)
        if place_key not in G:
            G.add_node(place_key, kind="Place", plan_id=pid, name=name)
        return place_key

    for place in plan.places.values():
        G.add_node(
            key("Place", place.name),
            **_attrs(
                kind="Place",
                plan_id=pid,
                name=place.name,
                level=place.level,
                parent_city=place.parent_city,
                province=place.province,
                lon=place.lon,
                lat=place.lat,
                name_en=place.name_en,
            ),
        )
    for place in list(plan.places.values()):
        if place.parent_city and place.parent_city != place.name:
            parent, level = place.parent_city, "city"
        elif place.province and place.province != place.name:
            parent, level = place.province, "province"
        else:
            continue
        parent_key = key("Place", parent)
        if parent_key not in G:  # a parent the gazetteer left out is still the parent
            G.add_node(parent_key, kind="Place", plan_id=pid, name=parent, level=level)
        _add_edge(G, key("Place", place.name), parent_key, "PART_OF")

    mention_counts: dict[tuple[str, str], int] = {}
    for mention in plan.mentions:
        pair = (require_task(mention.task_id, f"a mention of {mention.place}"), place_node(mention.place))
        mention_counts[pair] = mention_counts.get(pair, 0) + 1
    for (task_key, place_key), count in mention_counts.items():
        _add_edge(G, task_key, place_key, "MENTIONS", count=count)

    for project in plan.projects:
        task_key = require_task(project.task_id, f"project {project.name}")
        project_key = key("Project", project.name)
        if project_key not in G:
            G.add_node(
                project_key,
                kind="Project",
                plan_id=pid,
                name=project.name,
                category=project.category,
                source=project.source,
            )
        _add_edge(G, task_key, project_key, "CONCERNS")
        for place_name in project.places:
            _add_edge(G, project_key, place_node(place_name), "LOCATED_IN")

    for link in plan.links:
        require_task(link.task_id, f"the link {link.source}—{link.target}")
        attrs = {
            "type": "LINKED_TO",
            "kind": link.kind,
            "level": link.level,
            "task_id": link.task_id,
            "evidence": link.evidence,
        }
        source, target = place_node(link.source), place_node(link.target)
        if not G.has_edge(source, target, key=edge_key(attrs)):  # a link stated twice in a task is one
            G.add_edge(source, target, key=edge_key(attrs), **attrs)


def _add_edge(G: nx.MultiDiGraph, source: str, target: str, edge_type: str, **attrs: Any) -> None:
    G.add_edge(source, target, key=edge_type, type=edge_type, **attrs)


def plan_ids(G: nx.MultiDiGraph) -> list[str]:
    """Return the ids of the plans in `G`, in the order they were added.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> plan_ids(build_graph(load_plan()))
    ['nmg-2018-55-hbey-plan']
    """
    return [data["plan_id"] for _, data in G.nodes(data=True) if data.get("kind") == "Plan"]


def _check_plan_id(G: nx.MultiDiGraph, plan_id: str | None) -> None:
    if plan_id is not None and plan_id not in plan_ids(G):
        raise KeyError(f"no plan {plan_id!r} in the graph; it holds {', '.join(plan_ids(G)) or 'no plan'}")


def nodes_of_kind(G: nx.MultiDiGraph, kind: str, plan_id: str | None = None) -> Iterator[tuple[str, dict]]:
    """Iterate over ``(key, attributes)`` of the nodes of one kind, optionally of one plan only.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> G = build_graph(load_plan())
    >>> sum(1 for _ in nodes_of_kind(G, "Task"))
    38
    """
    if kind not in KINDS:
        raise ValueError(f"unknown node kind {kind!r}; expected one of {', '.join(KINDS)}")
    _check_plan_id(G, plan_id)
    for node, data in G.nodes(data=True):
        if data.get("kind") == kind and (plan_id is None or data.get("plan_id") == plan_id):
            yield node, data


_TASK_COLUMNS = [
    "plan_id",
    "task_id",
    "seq",
    "section",
    "heading",
    "theme",
    "text",
    "deadline",
    "lead_official",
]


def task_table(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """One row per task: plan_id, task_id, seq, section, heading, theme, text, deadline, lead_official.

    Rows follow the plans' order in the graph, then ``seq``; ``theme``, ``deadline`` and
    ``lead_official`` are ``""`` where a task has none.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> tasks = task_table(build_graph(load_plan()))
    >>> len(tasks), tasks.loc[0, "task_id"], tasks.loc[12, "theme"]
    (38, 'T1.1.1', '文化旅游业')
    """
    order = {pid: i for i, pid in enumerate(plan_ids(G))}
    rows = [
        {
            "plan_id": data["plan_id"],
            "task_id": data["task_id"],
            "seq": data["seq"],
            "section": data.get("section", ""),
            "heading": data.get("heading", ""),
            "theme": data.get("theme", ""),
            "text": data.get("text", ""),
            "deadline": data.get("deadline", ""),
            "lead_official": data.get("lead_official", ""),
        }
        for _, data in nodes_of_kind(G, "Task", plan_id)
    ]
    rows.sort(key=lambda row: (order.get(row["plan_id"], len(order)), row["seq"]))
    return pd.DataFrame(rows, columns=_TASK_COLUMNS)


_ASSIGNMENT_COLUMNS = ["plan_id", "task_id", "seq", "section", "body", "body_type", "role", "position"]


def task_assignments(
    G: nx.MultiDiGraph, plan_id: str | None = None, roles: Iterable[str] | None = None
) -> pd.DataFrame:
    """One row per body per role per task, read from the body → task edges.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`build_graph`.
    plan_id : str, optional
        Only this plan's tasks (all plans by default).
    roles : iterable of str, optional
        Only these roles (of ``lead``, ``support``, ``implementer``, ``responsible``); all by default.

    Returns
    -------
    pandas.DataFrame
        Columns plan_id, task_id, seq, section (the task's area), body (name as written), body_type,
        role, position (1-based in the annotation); rows in plan order, then seq, then position.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> rows = task_assignments(build_graph(load_plan()))
    >>> rows[rows.task_id == "T6.3.1"][["body", "role"]].head(4).values.tolist()
    [['呼和浩特市人民政府', 'implementer'], ['包头市人民政府', 'implementer'],
     ['鄂尔多斯市人民政府', 'implementer'], ['自治区财政厅', 'lead']]
    """
    wanted = _edge_types(roles)
    order = {pid: i for i, pid in enumerate(plan_ids(G))}
    rows = []
    for task_key, task in nodes_of_kind(G, "Task", plan_id):
        for body_key, _, edge_type, data in G.in_edges(task_key, keys=True, data=True):
            if edge_type not in wanted:
                continue
            body = G.nodes[body_key]
            rows.append(
                {
                    "plan_id": task["plan_id"],
                    "task_id": task["task_id"],
                    "seq": task["seq"],
                    "section": task.get("section", ""),
                    "body": body["name"],
                    "body_type": body.get("body_type", "other"),
                    "role": ROLE_OF_EDGE_TYPE[edge_type],
                    "position": data.get("position", 0),
                }
            )
    rows.sort(
        key=lambda row: (
            order.get(row["plan_id"], len(order)),
            row["seq"],
            row["position"],
            ROLES.index(row["role"]),
        )
    )
    return pd.DataFrame(rows, columns=_ASSIGNMENT_COLUMNS)


def _edge_types(roles: Iterable[str] | None) -> set[str]:
    if roles is None:
        return set(ROLE_OF_EDGE_TYPE)
    if isinstance(roles, str):
        roles = (roles,)
    wanted = set()
    for role in roles:
        if role not in EDGE_TYPE_OF_ROLE:
            raise ValueError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        wanted.add(EDGE_TYPE_OF_ROLE[role])
    return wanted


_BODY_COLUMNS = ["body", "body_type", "level", "full_name", "name_en", "short_en"]


def body_table(G: nx.MultiDiGraph, plan_id: str | None = None) -> pd.DataFrame:
    """One row per body name: body, body_type, level, full_name, name_en, short_en.

    ``short_en`` is the short English name charts and network files use
    (:func:`hbey_graph.names.short_body_en` of ``name_en``; ``""`` without one).

    Bodies of several plans with the same name are one row (the first plan's attributes), because
    analyses across plans treat a name as one body. Rows follow the graph's order.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> bodies = body_table(build_graph(load_plan()))
    >>> len(bodies), bodies.loc[0, "body"]
    (32, '呼和浩特市人民政府')
    """
    rows: dict[str, dict[str, str]] = {}
    for _, data in nodes_of_kind(G, "Body", plan_id):
        rows.setdefault(
            data["name"],
            {
                "body": data["name"],
                "body_type": data.get("body_type", "other"),
                "level": data.get("level", ""),
                "full_name": data.get("full_name", ""),
                "name_en": data.get("name_en", ""),
                "short_en": short_body_en(data["name_en"]) if data.get("name_en") else "",
            },
        )
    return pd.DataFrame(list(rows.values()), columns=_BODY_COLUMNS)
