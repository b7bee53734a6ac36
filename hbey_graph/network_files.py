"""Writing a network of bodies for the tools researchers use: Gephi, Cytoscape, UCINET, Pajek.

:func:`write_network` writes a graph such as
:func:`hbey_graph.analysis.department.department_network` as

- ``gexf`` (Gephi): node labels (``label``), every node attribute, edge weights as GEXF weights;
- ``graphml`` (Cytoscape, yEd, igraph, Gephi): every attribute typed;
- ``dl`` (UCINET): the valued adjacency matrix, ``FORMAT = FULLMATRIX`` with the labels listed;
- ``net`` (Pajek): ``*Vertices`` with labels, then ``*Edges`` (undirected) or ``*Arcs``
  (directed) with weights.

All files are UTF-8. UCINET and Pajek files name nodes by one label (``label`` by default, the
Chinese name; pass ``label="label_en"`` for English) and carry no other attribute.
"""

from __future__ import annotations

import io
import os
from typing import IO

import networkx as nx

__all__ = ["NETWORK_FORMATS", "pajek_net", "ucinet_dl", "write_network"]

#: Formats :func:`write_network` writes.
NETWORK_FORMATS: tuple[str, ...] = ("gexf", "graphml", "dl", "net")

PathOrFile = str | os.PathLike[str] | IO[bytes]


def _quoted(text: str) -> str:
    return '"' + str(text).replace('"', "'") + '"'


def _number(value: float) -> str:
    return f"{value:g}" if float(value) != int(value) else str(int(value))


def _labels(H: nx.Graph, label: str) -> list[str]:
    names = [str(H.nodes[v].get(label) or v) for v in H]
    if len(set(names)) != len(names):
        raise ValueError(f"the {label!r} of two nodes is the same; UCINET and Pajek need distinct labels")
    return names


def ucinet_dl(H: nx.Graph, *, weight: str = "weight", label: str = "label") -> str:
    """The network as a UCINET DL file (full matrix, labels listed).

    Examples
    --------
    >>> H = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> print(ucinet_dl(H), end="")
    DL N=3
    FORMAT = FULLMATRIX DIAGONAL PRESENT
    LABELS:
    "a"
    "b"
    "c"
    DATA:
    0 2 0
    2 0 1
    0 1 0
    """
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    matrix = [[0.0] * len(nodes) for _ in nodes]
    for u, v, data in H.edges(data=True):
        value = data.get(weight, 1)
        matrix[index[u]][index[v]] = value
        if not H.is_directed():
            matrix[index[v]][index[u]] = value
    lines = [f"DL N={len(nodes)}", "FORMAT = FULLMATRIX DIAGONAL PRESENT", "LABELS:"]
    lines += [_quoted(name) for name in _labels(H, label)]
    lines.append("DATA:")
    lines += [" ".join(_number(value) for value in row) for row in matrix]
    return "\n".join(lines) + "\n"


def pajek_net(H: nx.Graph, *, weight: str = "weight", label: str = "label") -> str:
    """The network as a Pajek ``.net`` file.

    Examples
    --------
    >>> H = nx.DiGraph([("a", "b", {"weight": 2})])
    >>> print(pajek_net(H), end="")
    *Vertices 2
    1 "a"
    2 "b"
    *Arcs
    1 2 2
    """
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes, start=1)}
    lines = [f"*Vertices {len(nodes)}"]
    lines += [f"{index[v]} {_quoted(name)}" for v, name in zip(nodes, _labels(H, label), strict=True)]
    lines.append("*Arcs" if H.is_directed() else "*Edges")
    lines += [f"{index[u]} {index[v]} {_number(data.get(weight, 1))}" for u, v, data in H.edges(data=True)]
    return "\n".join(lines) + "\n"


def write_network(H: nx.Graph, path: PathOrFile, fmt: str = "gexf", *, label: str = "label") -> None:
    """Write a network of bodies as GEXF, GraphML, UCINET DL or Pajek.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        The network; attribute values must be str, int, float or bool.
    path : str, path-like or binary file
        Where to write.
    fmt : {"gexf", "graphml", "dl", "net"}
        The format.
    label : str
        Node attribute naming the nodes in DL and Pajek files (GEXF and GraphML keep them all).

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> write_network(nx.Graph([("a", "b", {"weight": 3})]), buffer, "net")
    >>> buffer.getvalue().decode().splitlines()[-1]
    '1 2 3'
    """
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown network format {fmt!r}: expected one of {', '.join(NETWORK_FORMATS)}")
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(H, out)
    elif fmt == "graphml":
        nx.write_graphml(H, out)
    else:
        text = ucinet_dl(H, label=label) if fmt == "dl" else pajek_net(H, label=label)
        out.write(text.encode("utf-8"))
    if hasattr(path, "write"):
        path.write(out.getvalue())  # type: ignore[union-attr]
    else:
        with open(path, "wb") as f:  # type: ignore[arg-type]
            f.write(out.getvalue())
