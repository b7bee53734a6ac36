"""Writing the responsibility graph and its tables to files.

- GraphML (:func:`write_graphml`): every attribute typed; opens in Gephi, yEd, Cytoscape.
- GEXF (:func:`write_gexf`): for Gephi, with node labels (``name``) and a node ``type`` column
  (the node kind); the relationship type is the edge label and the edge column ``relationship``
  (GEXF reserves an edge's ``type`` for directed/undirected).
- Node-link JSON (:func:`write_node_link_json`): the format of
  :func:`networkx.node_link_data` with ``edges="edges"``, for web tools and scripts.
- The task allocation table (任务分工表) as an Excel workbook (:func:`write_allocation_xlsx`).

Each graph format has a reader (:func:`read_graphml`, :func:`read_gexf`,
:func:`read_node_link_json`) that gives back exactly the graph that was written: the same
nodes, edge keys, attributes and ``G.graph``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from hbey_graph.graph import EDGE_ATTRIBUTE_TYPES, NODE_ATTRIBUTE_TYPES, edge_key, stamp_metadata

__all__ = [
    "allocation_workbook",
    "read_gexf",
    "read_graphml",
    "read_node_link_json",
    "write_allocation_xlsx",
    "write_gexf",
    "write_graphml",
    "write_node_link_json",
]

if TYPE_CHECKING:
    from openpyxl import Workbook

PathOrFile = str | os.PathLike[str] | IO[bytes]

#: Names the GEXF export adds for Gephi and the GEXF reader takes away again.
_GEXF_NODE_EXTRAS = ("label", "type")
_GEXF_EDGE_EXTRAS = ("label", "id")


def _open(path: PathOrFile, write: Callable[[IO[bytes]], None]) -> None:
    if hasattr(path, "write"):
        write(path)  # type: ignore[arg-type]
    else:
        with open(path, "wb") as f:
            write(f)


def write_graphml(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """Write the graph as GraphML.

    Edge ids are numbered ``e0``, ``e1`` … so that they are unique in the file, as Gephi
    requires; :func:`read_graphml` gives the edges back their keys.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    path : str, path-like or binary file
        Where to write.

    Examples
    --------
    >>> import io
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> buffer = io.BytesIO()
    >>> write_graphml(G, buffer)
    >>> _ = buffer.seek(0)
    >>> H = read_graphml(buffer)
    >>> sorted(H.edges(keys=True, data=True)) == sorted(G.edges(keys=True, data=True))
    True
    """
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for number, (u, v, data) in enumerate(G.edges(data=True)):
        H.add_edge(u, v, key=f"e{number}", **data)
    _open(path, lambda f: nx.write_graphml(H, f))


def read_graphml(path: PathOrFile) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml`.

    Returns
    -------
    networkx.MultiDiGraph
        The same nodes, edges (with their keys), attributes and ``G.graph`` as were written.

    Examples
    --------
    See :func:`write_graphml`.
    """
    H = nx.read_graphml(path, force_multigraph=True)
    return _rebuild(H, drop_node=(), drop_edge=())


def _rebuild(
    H: nx.MultiDiGraph | nx.DiGraph,
    drop_node: tuple[str, ...],
    drop_edge: tuple[str, ...],
    rename_node: dict[str, str] | None = None,
    rename_edge: dict[str, str] | None = None,
) -> nx.MultiDiGraph:
    """Rebuild the graph from what a reader returned: restore types and keys, drop format extras."""
    G = nx.MultiDiGraph()
    for node, data in H.nodes(data=True):
        attrs = {name: value for name, value in data.items() if name not in drop_node}
        for old, new in (rename_node or {}).items():
            if old in attrs:
                attrs[new] = attrs.pop(old)
        types = NODE_ATTRIBUTE_TYPES.get(attrs.get("kind", ""), {})
        G.add_node(node, **{name: _as(types.get(name, str), value) for name, value in attrs.items()})
    for u, v, data in H.edges(data=True):
        attrs = {name: value for name, value in data.items() if name not in drop_edge}
        for old, new in (rename_edge or {}).items():
            if old in attrs:
                attrs[new] = attrs.pop(old)
        attrs = {name: _as(EDGE_ATTRIBUTE_TYPES.get(name, str), value) for name, value in attrs.items()}
        G.add_edge(u, v, key=edge_key(attrs), **attrs)
    stamp_metadata(G)
    return G


def _as(kind: type, value: Any) -> Any:
    """Restore a value a format stored as text (or as another number type) to its schema type."""
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if kind is int:
        return int(float(value)) if isinstance(value, str) else int(value)
    return kind(value)


def write_gexf(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """Write the graph as GEXF for Gephi.

    Nodes get their ``name`` as label and a ``type`` column (the node kind); edges get their
    relationship type as label and in a ``relationship`` column. (networkx's GEXF writer
    stores an attribute named ``key``, a Section's, as ``networkx_key``.) An attribute whose values have
    different types on different nodes (a Section's ``level`` is a number, a Body's a word) is
    written as text, which GEXF requires; :func:`read_gexf` restores the types.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    path : str, path-like or binary file
        Where to write.

    Examples
    --------
    >>> import io
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> buffer = io.BytesIO()
    >>> write_gexf(G, buffer)
    >>> _ = buffer.seek(0)
    >>> H = read_gexf(buffer)
    >>> dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    True
    """
    H = nx.MultiDiGraph()
    mixed_nodes = _mixed_types(data for _, data in G.nodes(data=True))
    mixed_edges = _mixed_types(data for _, _, data in G.edges(data=True))
    for node, data in G.nodes(data=True):
        attrs = {name: str(value) if name in mixed_nodes else value for name, value in data.items()}
        H.add_node(node, **attrs, label=data.get("name", node), type=data.get("kind", ""))
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = {name: str(value) if name in mixed_edges else value for name, value in data.items()}
        relationship = attrs.pop("type", "")
        H.add_edge(u, v, key=key, **attrs, label=relationship, relationship=relationship)
    _open(path, lambda f: nx.write_gexf(H, f))


def _mixed_types(records: Any) -> set[str]:
    seen: dict[str, set[type]] = {}
    for data in records:
        for name, value in data.items():
            seen.setdefault(name, set()).add(type(value))
    return {name for name, types in seen.items() if len(types) > 1}


def read_gexf(path: PathOrFile) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_gexf`.

    Returns
    -------
    networkx.MultiDiGraph
        The same nodes, edges (with their keys), attributes and ``G.graph`` as were written.

    Examples
    --------
    See :func:`write_gexf`.
    """
    H = nx.read_gexf(path)
    return _rebuild(
        H,
        drop_node=_GEXF_NODE_EXTRAS,
        drop_edge=_GEXF_EDGE_EXTRAS,
        rename_node={"networkx_key": "key"},
        rename_edge={"relationship": "type"},
    )


def write_node_link_json(G: nx.MultiDiGraph, path: PathOrFile) -> None:
    """Write the graph as node-link JSON (UTF-8, Chinese written as is).

    The layout is that of :func:`networkx.node_link_data` with ``edges="edges"``:
    ``{"directed", "multigraph", "graph", "nodes": [{"id", …}], "edges": [{"source", "target",
    "key", …}]}``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    path : str, path-like or binary file
        Where to write.

    Examples
    --------
    >>> import io, json
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> buffer = io.BytesIO()
    >>> write_node_link_json(G, buffer)
    >>> data = json.loads(buffer.getvalue())
    >>> data["graph"]["doc_number"], data["edges"][0]["key"]
    ('内政发〔2018〕55号', 'IN_PLAN')
    """
    data = {
        "directed": True,
        "multigraph": True,
        "graph": dict(G.graph),
        "nodes": [{"id": node, **attrs} for node, attrs in G.nodes(data=True)],
        "edges": [
            {"source": u, "target": v, "key": key, **attrs}
            for u, v, key, attrs in G.edges(keys=True, data=True)
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    _open(path, lambda f: f.write(text.encode("utf-8")))


def read_node_link_json(path: PathOrFile) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_node_link_json`.

    Examples
    --------
    See :func:`write_node_link_json`.
    """
    if hasattr(path, "read"):
        data = json.loads(path.read())  # type: ignore[union-attr]
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    G = nx.MultiDiGraph()
    G.graph.update(data.get("graph", {}))
    for node in data["nodes"]:
        attrs = dict(node)
        G.add_node(attrs.pop("id"), **attrs)
    for edge in data["edges"]:
        attrs = dict(edge)
        u, v, key = attrs.pop("source"), attrs.pop("target"), attrs.pop("key")
        G.add_edge(u, v, key=key, **attrs)
    return G


def write_allocation_xlsx(G: nx.MultiDiGraph, path: PathOrFile, plan_id: str | None = None) -> None:
    """Write the task allocation table (任务分工表) and the responsibility matrix as a workbook.

    The sheets of :func:`allocation_workbook`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    path : str, path-like or binary file
        Where to write the ``.xlsx`` file.
    plan_id : str, optional
        One plan only; all plans by default.

    Examples
    --------
    >>> import io
    >>> from openpyxl import load_workbook
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> buffer = io.BytesIO()
    >>> write_allocation_xlsx(build_graph(load_plan()), buffer)
    >>> book = load_workbook(buffer)
    >>> book.sheetnames
    ['任务分工表', '责任矩阵']
    >>> [cell.value for cell in book["任务分工表"][1]]
    ['序号', '任务', '牵头单位', '配合单位', '实施主体']
    """
    _open(path, allocation_workbook(G, plan_id).save)


def allocation_workbook(G: nx.MultiDiGraph, plan_id: str | None = None) -> Workbook:
    """The task allocation table (任务分工表) and the responsibility matrix as an openpyxl workbook.

    Sheet ``任务分工表`` holds :func:`hbey_graph.analysis.allocation_table` (wrapped text, readable
    column widths, header frozen and filterable); sheet ``责任矩阵`` holds
    :func:`hbey_graph.analysis.responsibility_matrix` (task ids down, bodies across with vertical
    headers; 牵 lead, 配 support, 实 implementer, 责 responsible). Add sheets to it, then save it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only; all plans by default.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from hbey_graph.analysis.matrix import allocation_table, responsibility_matrix

    table = allocation_table(G, plan_id)
    matrix = responsibility_matrix(G, plan_id)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE6F0")
    wrap_top = Alignment(wrap_text=True, vertical="top")

    book = Workbook()
    sheet = book.active
    sheet.title = "任务分工表"
    sheet.append(list(table.columns))
    for record in table.itertuples(index=False):
        sheet.append([value.item() if hasattr(value, "item") else value for value in record])
    widths = {"序号": 6, "任务": 70, "牵头单位": 18, "配合单位": 40, "实施主体": 24, "责任单位": 30}
    for column, name in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(name, 20)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap_top
    for cell in sheet[1]:
        cell.font, cell.fill = bold, header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions

    grid = book.create_sheet("责任矩阵")
    grid.append([matrix.index.name or "task_id", *matrix.columns])
    centre = Alignment(horizontal="center")
    for row, (task_id, values) in enumerate(
        zip(matrix.index, matrix.itertuples(index=False), strict=True), 2
    ):
        grid.cell(row, 1, task_id)
        for column, value in enumerate(values, 2):
            if value:  # only the marks: a large plan's matrix is mostly empty cells
                grid.cell(row, column, value).alignment = centre
    grid.column_dimensions["A"].width = 10
    for column in range(2, len(matrix.columns) + 2):
        grid.column_dimensions[get_column_letter(column)].width = 4
    longest = max((len(str(name)) for name in matrix.columns), default=4)
    grid.row_dimensions[1].height = 14 * longest + 10
    for cell in grid[1]:
        cell.font, cell.fill = bold, header_fill
        cell.alignment = Alignment(text_rotation=255, horizontal="center", vertical="bottom")
    grid.freeze_panes = "B2"
    return book
