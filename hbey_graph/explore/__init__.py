"""The explorer: one HTML file to search, filter and read the responsibility network offline.

:func:`write_explorer` writes a single page that holds everything it needs: the vendored
vis-network library (``vendor/``, see its README), the graph as JSON with node positions computed
here (so the page does no layout work), its styles, and the CJK font cut down to the characters the
page shows. Opened from disk it loads nothing from anywhere.

In the page: search a body by its Chinese or English name; filter the network by role, area and
coordination cluster; click a body to highlight its neighbourhood, or a task to read its text,
lead, supporters, implementers, deadline and the source line it came from; the responsibility
matrix as a table, a click on a cell opens its task. The page's state is exposed to scripts as
``window.explorer`` (the browser tests read it).

A graph larger than the page can draw quickly (many plans) is aggregated: the bodies with the most
tasks, joined by the tasks they share, without task nodes; the page says so.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from hbey_graph import load_plan
>>> plan = load_plan()
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_explorer(plan, Path(folder) / "explorer.html")
...     page = path.read_text(encoding="utf-8")
>>> "vis-network" in page and 'src="http' not in page
True
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from hbey_graph.graph import ROLE_OF_EDGE_TYPE, build_graph, nodes_of_kind
from hbey_graph.records import Plan

__all__ = [
    "MAX_BODIES",
    "MAX_TASKS",
    "VIS_NETWORK_VERSION",
    "explorer_data",
    "render_explorer",
    "write_explorer",
]

#: Version of the vendored vis-network build (``vendor/vis-network.min.js``).
VIS_NETWORK_VERSION = "10.1.5"

#: Above this many tasks the page shows bodies only (task nodes would make the page slow).
MAX_TASKS = 2000

#: Bodies shown when the network is aggregated: those named in the most tasks.
MAX_BODIES = 300

_ROLES = ("lead", "support", "implementer", "responsible")

#: Pull of each role's edge in the layout (a task sits near its lead).
_LAYOUT_WEIGHT = {"lead": 3.0, "support": 1.0, "responsible": 1.0, "implementer": 0.05}

#: Above this many tasks the spring layout places the bodies only, and each task is set at the
#: weighted centre of its bodies (a spring layout of thousands of nodes takes a minute).
LAYOUT_TASKS = 400


def _vendor(name: str) -> str:
    return resources.files("hbey_graph.explore").joinpath("vendor", name).read_text(encoding="utf-8")


def _template() -> str:
    return resources.files("hbey_graph.explore").joinpath("page.html").read_text(encoding="utf-8")


def _source_lines(plans: Iterable[Plan]) -> dict[str, list[str]]:
    """The text of each plan's source file, line by line (plan_id → lines), where it can be read."""
    from hbey_graph.errors import HbeyGraphError
    from hbey_graph.extract.readers import read_source

    lines: dict[str, list[str]] = {}
    for plan in plans:
        if plan.source is None:
            continue
        try:
            lines[plan.plan_id] = read_source(plan.source).text.split("\n")
        except (OSError, HbeyGraphError):
            continue
    return lines


def _scaled(pos: dict[Any, Any], size: float) -> dict[Any, tuple[float, float]]:
    """Positions rescaled to a square of `size` pixels around the origin (y downwards)."""
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        n: (round((p[0] - cx) / span * size, 1), round(-(p[1] - cy) / span * size, 1)) for n, p in pos.items()
    }


def _layout(layout: nx.Graph, *, seed: int, iterations: int, spread: float, size: float) -> dict:
    """Spring layout in pixels; parts that share no edge are held near the rest by a weak hub."""
    hub = object()
    held = layout.copy()
    held.add_edges_from(((hub, node) for node in layout), weight=0.02)
    k = spread / math.sqrt(max(len(held), 1))
    pos = nx.spring_layout(held, seed=seed, iterations=iterations, k=k, weight="weight")
    del pos[hub]
    return _scaled(pos, size)


def _layout_by_bodies(layout: nx.Graph, tasks: list[str], *, seed: int, size: float) -> dict:
    """Positions for a large body–task graph: the bodies by a spring layout, each task beside them.

    The bodies are laid out on the graph of bodies joined by the weight of the tasks they share;
    a task stands at the weighted centre of its bodies, turned a little by a golden-angle spiral
    so that tasks of the same bodies do not stand on one spot.
    """
    task_set = set(tasks)
    bodies = nx.Graph()
    bodies.add_nodes_from(node for node in layout if node not in task_set)
    for task in tasks:
        ends = list(layout[task].items())
        for i, (a, ea) in enumerate(ends):
            for b, eb in ends[i + 1 :]:
                weight = min(ea["weight"], eb["weight"])
                old = bodies.get_edge_data(a, b, {"weight": 0.0})["weight"]
                bodies.add_edge(a, b, weight=old + weight)
    pos = _layout(bodies, seed=seed, iterations=300, spread=2.2, size=size)
    step = size / 120
    for number, task in enumerate(tasks):
        ends = layout[task]
        total = sum(data["weight"] for data in ends.values()) or 1.0
        x = sum(pos[b][0] * data["weight"] for b, data in ends.items()) / total if ends else 0.0
        y = sum(pos[b][1] * data["weight"] for b, data in ends.items()) / total if ends else 0.0
        angle, radius = number * 2.399963, step * (1 + (number % 7))
        pos[task] = (round(x + radius * math.cos(angle), 1), round(y + radius * math.sin(angle), 1))
    return pos


def explorer_data(
    G: nx.MultiDiGraph,
    plans: Iterable[Plan] = (),
    *,
    max_tasks: int = MAX_TASKS,
    max_bodies: int = MAX_BODIES,
    seed: int = 0,
    summary: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Everything the explorer page shows, as JSON-ready data.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plans : iterable of Plan
        The plans of `G`: a task's source lines are read from their files.
    max_tasks : int
        With more tasks than this, the network is aggregated (bodies only).
    max_bodies : int
        Bodies shown when aggregated (those named in the most tasks).
    seed : int
        Seed of the layout and of the coordination clusters.
    summary : pandas.DataFrame, optional
        The coordination clusters (:func:`hbey_graph.analysis.cluster_summary`) if already computed.

    Returns
    -------
    dict
        ``nodes`` (bodies ``b<n>`` and tasks ``t<n>`` with x, y), ``edges`` (body → task with a
        ``role``, or body → body with a ``weight`` when aggregated), ``areas``, ``clusters``,
        ``matrix`` and ``counts`` (``graph_nodes``: Body and Task nodes of `G`; ``nodes``,
        ``edges``: drawn).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> plan = load_plan()
    >>> data = explorer_data(build_graph(plan), [plan])
    >>> data["counts"]["nodes"] == data["counts"]["graph_nodes"] == 32 + 38
    True
    >>> next(n for n in data["nodes"] if n.get("task_id") == "T1.1.1")["lines"]
    [33, 33]
    """
    from hbey_graph.analysis import cluster_summary
    from hbey_graph.plot._style import body_labels
    from hbey_graph.plot.network import cluster_legend_labels
    from hbey_graph.plot.workload import area_labels, section_titles_en

    plans = list(plans)
    sources = _source_lines(plans)
    body_keys = [key for key, _ in nodes_of_kind(G, "Body")]
    task_keys = [key for key, _ in nodes_of_kind(G, "Task")]
    aggregated = len(task_keys) > max_tasks

    # Bodies of the same name in several plans are one body of the page.
    names: dict[str, str] = {}
    for key in body_keys:
        names.setdefault(G.nodes[key]["name"], key)
    role_rows = [
        (body, task, ROLE_OF_EDGE_TYPE[edge_type])
        for body, task, edge_type in G.edges(keys=True)
        if edge_type in ROLE_OF_EDGE_TYPE
    ]
    tasks_of = Counter(G.nodes[body]["name"] for body, _, _ in role_rows)
    led = Counter(G.nodes[body]["name"] for body, _, role in role_rows if role == "lead")
    shown_bodies = sorted(names, key=lambda b: (-tasks_of[b], b))
    if aggregated:
        shown_bodies = shown_bodies[:max_bodies]
    body_id = {body: f"b{i}" for i, body in enumerate(shown_bodies)}

    try:
        summary = cluster_summary(G, seed=seed) if summary is None else summary
    except Exception:  # a graph without coordination has no clusters; the page works without
        summary = None
    membership: dict[str, int] = {}
    clusters = []
    if summary is not None and len(summary):
        zh = dict(zip(summary.cluster, summary.label, strict=True))
        en = cluster_legend_labels(G, summary, "en")
        for row in summary.itertuples():
            for member in str(row.members).split("、"):
                membership[member] = int(row.cluster)
            clusters.append(
                {"id": int(row.cluster), "zh": f"{row.cluster} {zh[row.cluster]}", "en": en[row.cluster]}
            )

    english = body_labels(G, shown_bodies, "en")
    short_en = body_labels(G, shown_bodies, "en", short=True)
    short_zh = body_labels(G, shown_bodies, "zh", short=True)

    areas: list[str] = []
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    matrix_cells: list[list[Any]] = []
    matrix_tasks: list[str] = []
    titles_en = section_titles_en()

    if not aggregated:
        task_id: dict[str, str] = {}
        layout = nx.Graph()
        for i, key in enumerate(task_keys):
            task_id[key] = f"t{i}"
            layout.add_node(f"t{i}")
        layout.add_nodes_from(body_id.values())
        for body, task, role in role_rows:
            # bodies that implement nearly every task (city governments) would pull everything
            # into one knot: their ties weigh little in the layout
            weight = _LAYOUT_WEIGHT[role]
            u, v = body_id[G.nodes[body]["name"]], task_id[task]
            layout.add_edge(u, v, weight=max(weight, layout.get_edge_data(u, v, {"weight": 0})["weight"]))
        if len(task_id) > LAYOUT_TASKS:
            pos = _layout_by_bodies(layout, list(task_id.values()), seed=seed, size=1600)
        else:
            pos = _layout(layout, seed=seed, iterations=300, spread=2.2, size=1600)
        area_index: dict[str, int] = {}
        records = {(plan.plan_id, task.task_id): task for plan in plans for task in plan.tasks}
        for key in task_keys:
            data = G.nodes[key]
            area = data.get("section", "")
            area_index.setdefault(area, len(area_index))
            record = records.get((data["plan_id"], data["task_id"]))
            lines = list(record.lines) if record is not None else []
            source = []
            if lines and data["plan_id"] in sources:
                text = sources[data["plan_id"]]
                source = [
                    [n, text[n - 1]]
                    for n in range(lines[0], min(lines[1], lines[0] + 5) + 1)
                    if 0 < n <= len(text)
                ]
            theme = data.get("theme") or data.get("heading", "")
            nid = task_id[key]
            x, y = pos[nid]
            nodes.append(
                {
                    "id": nid,
                    "kind": "task",
                    "plan": data["plan_id"],
                    "task_id": data["task_id"],
                    "area": area_index[area],
                    "theme": theme,
                    "theme_en": titles_en.get(theme) or titles_en.get(data.get("heading", ""), ""),
                    "text": data.get("text", ""),
                    "deadline": data.get("deadline", ""),
                    "lead_official": data.get("lead_official", ""),
                    "lines": lines,
                    "source": source,
                    "x": x,
                    "y": y,
                }
            )
            matrix_tasks.append(nid)
        areas = list(area_index)
        seen = set()
        for body, task, role in role_rows:
            edge = (body_id[G.nodes[body]["name"]], task_id[task], role)
            if edge in seen:
                continue
            seen.add(edge)
            edges.append({"id": f"e{len(edges)}", "from": edge[0], "to": edge[1], "role": role})
            matrix_cells.append([edge[1], edge[0], role])
        order = {nid: i for i, nid in enumerate(matrix_tasks)}
        matrix_cells.sort(key=lambda cell: (order[cell[0]], cell[1], _ROLES.index(cell[2])))
    else:
        # Bodies only: lead → other body of each task, weighted by the tasks they share, by role.
        weights: Counter[tuple[str, str, str]] = Counter()
        members: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for body, task, role in role_rows:
            members[task].append((G.nodes[body]["name"], role))
        for named in members.values():
            leads = [b for b, role in named if role == "lead" and b in body_id]
            for lead in leads:
                for other, role in named:
                    if other != lead and other in body_id and role != "lead":
                        weights[(lead, other, role)] += 1
        layout = nx.Graph()
        layout.add_nodes_from(body_id.values())
        for (a, b, _), w in weights.items():
            u, v = body_id[a], body_id[b]
            layout.add_edge(u, v, weight=layout.get_edge_data(u, v, {"weight": 0})["weight"] + w)
        pos = _layout(layout, seed=seed, iterations=150, spread=3.0, size=2400)
        for (a, b, role), w in sorted(weights.items(), key=lambda item: -item[1]):
            edges.append(
                {"id": f"e{len(edges)}", "from": body_id[a], "to": body_id[b], "role": role, "weight": w}
            )
        areas = sorted({G.nodes[key].get("section", "") for key in task_keys})

    for body in shown_bodies:
        data = G.nodes[names[body]]
        x, y = pos[body_id[body]]
        nodes.append(
            {
                "id": body_id[body],
                "kind": "body",
                "zh": body,
                "short": short_zh[body],
                "en": english[body] if english[body] != body else "",
                "short_en": short_en[body] if short_en[body] != body else "",
                "type": data.get("body_type", ""),
                "cluster": membership.get(body, 0),
                "tasks": tasks_of[body],
                "led": led[body],
                "x": x,
                "y": y,
            }
        )

    graph_nodes = len(set(names)) + len(task_keys)
    titles = [plan.title or plan.plan_id for plan in plans] or sorted(
        {d.get("plan_id", "") for _, d in G.nodes(data=True)}
    )
    note = ""
    if aggregated:
        tasks, bodies, shown = len(task_keys), len(names), len(shown_bodies)
        note = (
            f"共 {tasks} 项任务、{bodies} 个单位：图中只显示任务最多的 {shown} 个单位，"
            "连线为牵头单位与其他单位共同承担的任务数。"
            f" {tasks} tasks and {bodies} bodies: the {shown} bodies named in the most tasks are shown, "
            "joined by the tasks a lead shares with each other body."
        )
    return {
        "title": titles[0] if len(titles) == 1 else f"{len(titles)} 份方案 plans",
        "plans": len(titles),
        "aggregated": aggregated,
        "note": note,
        "roles": list(_ROLES),
        "areas": [
            {"id": i, "zh": area, "en": area_labels(G, [area], "en")[area]} for i, area in enumerate(areas)
        ],
        "clusters": clusters,
        "nodes": nodes,
        "edges": edges,
        "matrix": {
            "tasks": matrix_tasks,
            "bodies": [body_id[b] for b in shown_bodies],
            "cells": matrix_cells,
        },
        "counts": {
            "graph_nodes": graph_nodes,
            "graph_bodies": len(names),
            "graph_tasks": len(task_keys),
            "nodes": len(nodes),
            "edges": len(edges),
        },
        "vis_network": VIS_NETWORK_VERSION,
    }


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</`` can end it early)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render_explorer(
    G: nx.MultiDiGraph,
    plans: Iterable[Plan] = (),
    *,
    labels: str = "zh",
    max_tasks: int = MAX_TASKS,
    max_bodies: int = MAX_BODIES,
    seed: int = 0,
    embed_font: bool = True,
    summary: pd.DataFrame | None = None,
) -> str:
    """The explorer page of `G` as one HTML string (see :func:`explorer_data` for the parameters).

    `labels` is the language the page opens in (it switches in the page). With `embed_font` the
    CJK font, cut down to the page's characters, is inlined so Chinese shows on any machine.
    """
    from hbey_graph.plot._style import check_labels

    check_labels(labels)
    data = explorer_data(G, plans, max_tasks=max_tasks, max_bodies=max_bodies, seed=seed, summary=summary)
    page = _template()
    font = ""
    if embed_font:
        from hbey_graph.report import font_face

        shown = json.dumps(data, ensure_ascii=False) + page
        font = font_face("".join(c for c in shown if ord(c) > 0x2E80))
    replacements = {
        "/*FONT*/": font,
        "<!--TITLE-->": html.escape(str(data["title"])),
        "/*VIS_NETWORK*/": _vendor("vis-network.min.js"),
        "/*DATA*/": _script_json(data),
        "/*LANGUAGE*/": json.dumps(labels),
    }
    # one pass, so that nothing inserted is read as a marker
    return _MARKERS.sub(lambda match: replacements[match.group(0)], page)


_MARKERS = re.compile(r"/\*(?:FONT|VIS_NETWORK|DATA|LANGUAGE)\*/|<!--TITLE-->")


def write_explorer(
    source: Plan | nx.MultiDiGraph | str | os.PathLike[str] | Iterable[Plan] | None,
    path: str | os.PathLike[str] = "explorer.html",
    **options: Any,
) -> Path:
    """Write the explorer page of a plan (or a graph, or several plans) to `path`.

    `source` is a parsed plan, a plan file, None for the bundled plan, a list of plans, or a graph
    from :func:`hbey_graph.graph.build_graph` (without the plans, task panels show no source
    line). Other keyword arguments go to :func:`render_explorer`.
    """
    from hbey_graph.extract.parser import load_plan

    if isinstance(source, nx.MultiDiGraph):
        G, plans = source, []
    else:
        if source is None or isinstance(source, str | os.PathLike):
            plans = [load_plan(source)]
        elif isinstance(source, Plan):
            plans = [source]
        else:
            plans = list(source)
        G = build_graph(plans)
    path = Path(path)
    page = render_explorer(G, plans, **options)
    path.write_text(page, encoding="utf-8")
    return path


#: What a browser would load from elsewhere: a script or style source, a CSS url(), fetch / XHR /
#: import of an http(s) address.
NETWORK_LOADS = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//"""
    r"""|(?:fetch|import|open)\s*\(\s*(?:["'`][A-Z]+["'`]\s*,\s*)?["'`]\s*(?:https?:)?//"""
    r"""|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)
