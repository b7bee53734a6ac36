"""Write the networks that ``network_measures.R`` reads: the bundled plan's and small hand-made ones.

Run from the repository root after a change to the parser or to the bundled plan, then run the R
script (see its header) and commit both the networks and R's results:

    python tests/reference/write_networks.py
    Rscript tests/reference/network_measures.R

Each network is two CSV files under ``networks/``: ``<name>.nodes.csv`` (column ``node`` and
attributes such as ``body_type``) and ``<name>.edges.csv`` (``source``, ``target``, ``weight``),
plus one line in ``networks/index.csv`` saying whether it is directed. The department network's
two projections are also written as Pajek files by hbey_graph itself (``pajek_*.net``), for
igraph to read back.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import networkx as nx

from hbey_graph import load_plan
from hbey_graph.analysis import co_assignment_graph, coordination_clusters, coordination_graph
from hbey_graph.analysis.department import department_network
from hbey_graph.analysis.whole import two_mode_graph
from hbey_graph.graph import body_table, build_graph
from hbey_graph.network_files import write_network

HERE = Path(__file__).parent / "networks"

#: Small networks whose values are also worked out by hand in the tests.
HAND = {
    # a → b → c with a → c closing it, plus c → d → e and e → a: groups X = {a, b}, Y = {c, d}, Z = {e}
    "hand_brokers": (
        True,
        {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z"},
        [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "a")],
    ),
    # a star: centre s tied to four leaves
    "hand_star": (False, {v: "X" for v in "sabcd"}, [("s", v) for v in "abcd"]),
    # two triangles joined by one edge, and an isolate
    "hand_bowtie": (
        False,
        {v: "X" for v in "abcdefg"},
        [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")],
    ),
}


def write(name: str, directed: bool, nodes: dict[str, dict[str, object]], edges, index) -> None:
    columns = ["node", *sorted({key for attrs in nodes.values() for key in attrs})]
    with open(HERE / f"{name}.nodes.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(columns)
        for node, attrs in nodes.items():
            out.writerow([node, *(attrs.get(c, "") for c in columns[1:])])
    with open(HERE / f"{name}.edges.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["source", "target", "weight"])
        for u, v, w in edges:
            out.writerow([u, v, w])
    index.append((name, directed))


def graph_edges(H: nx.Graph) -> list[tuple[str, str, object]]:
    return [(u, v, data.get("weight", 1)) for u, v, data in H.edges(data=True)]


def main() -> None:
    HERE.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        G = build_graph(load_plan())
    bodies = body_table(G).set_index("body")
    index: list[tuple[str, bool]] = []

    def body_nodes(H: nx.Graph) -> dict[str, dict[str, object]]:
        return {
            v: {"body_type": bodies.body_type.get(v, "other"), "level": bodies.level.get(v, "")} for v in H
        }

    C = coordination_graph(G)
    write("bundled_lead_support", True, body_nodes(C), graph_edges(C), index)
    P = co_assignment_graph(G)
    write("bundled_co_assignment", False, body_nodes(P), graph_edges(P), index)
    bipartite, tasks = two_mode_graph(G)
    task_set = set(tasks)
    write(
        "bundled_task_body",
        False,
        {v: {"mode": "task" if v in task_set else "body"} for v in bipartite},
        [(u, v, 1) if u in task_set else (v, u, 1) for u, v in bipartite.edges()],
        index,
    )
    # co-support and the lead → support ties read without direction, on the same bodies (the
    # bundled plan gives no task two leads, so a co-lead network would have no tie)
    support = co_assignment_graph(G, roles=("support",))
    support.add_nodes_from(P)
    write("bundled_co_support", False, {v: {} for v in support}, graph_edges(support), index)
    undirected = nx.Graph()
    undirected.add_nodes_from(support)
    for u, v, w in C.edges(data="weight"):
        previous = undirected[u][v]["weight"] if undirected.has_edge(u, v) else 0
        undirected.add_edge(u, v, weight=previous + w)
    nodes = {v: {} for v in undirected}
    write("bundled_lead_support_undirected", False, nodes, graph_edges(undirected), index)
    for name, (directed, groups, edges) in HAND.items():
        write(
            name, directed, {v: {"group": g} for v, g in groups.items()}, [(u, v, 1) for u, v in edges], index
        )
    # the consensus clusters and the Newman weights of the co-assignment network, for igraph's modularity
    clusters = coordination_clusters(G)
    with open(HERE / "bundled_consensus.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["node", "cluster"])
        out.writerows(zip(clusters.body, clusters.cluster, strict=True))
    with open(HERE / "bundled_co_assignment_newman.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["source", "target", "newman"])
        out.writerows((u, v, repr(w)) for u, v, w in P.edges(data="newman"))
    for projection in ("co-assignment", "coordination"):
        H = department_network(G, projection=projection)
        write_network(H, HERE / f"pajek_{projection.replace('-', '_')}.net", "net")
    with open(HERE / "index.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["name", "directed"])
        for name, directed in index:
            out.writerow([name, "TRUE" if directed else "FALSE"])


if __name__ == "__main__":
    main()
