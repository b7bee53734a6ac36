"""Graph exports read back with networkx, and the task allocation workbook."""

import argparse
import io
import json
import warnings
from collections import Counter

import networkx as nx
import pytest
from openpyxl import load_workbook
from small_plan import BAOTOU, HOHHOT, TASK_TEXTS, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.cli import main
from hbey_graph.cli.analyze import export_graph
from hbey_graph.graph import build_graph
from hbey_graph.io import (
    read_gexf,
    read_graphml,
    read_node_link_json,
    write_allocation_xlsx,
    write_gexf,
    write_graphml,
    write_node_link_json,
)

FORMATS = {
    "graphml": (write_graphml, read_graphml),
    "gexf": (write_gexf, read_gexf),
    "json": (write_node_link_json, read_node_link_json),
}


def graphs():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {"small": build_graph(small_plan()), "bundled": build_graph(load_plan())}


GRAPHS = graphs()


def edge_list(G, keys=True):
    if keys:
        return sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in G.edges(keys=True, data=True))
    return sorted((u, v, tuple(sorted(d.items()))) for u, v, d in G.edges(data=True))


def assert_same_graph(H, G):
    assert isinstance(H, nx.MultiDiGraph)
    assert list(H.nodes) == list(G.nodes)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    for node, data in H.nodes(data=True):  # same types too: 1 is not "1"
        assert {k: type(v) for k, v in data.items()} == {k: type(v) for k, v in G.nodes[node].items()}, node
    assert edge_list(H) == edge_list(G)
    assert H.graph == G.graph


@pytest.mark.parametrize("name", ["small", "bundled"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_through_a_file(tmp_path, name, fmt):
    G = GRAPHS[name]
    write, read = FORMATS[fmt]
    path = tmp_path / f"graph.{fmt}"
    write(G, path)
    assert_same_graph(read(path), G)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_through_a_stream(fmt):
    G = GRAPHS["small"]
    write, read = FORMATS[fmt]
    buffer = io.BytesIO()
    write(G, buffer)
    buffer.seek(0)
    assert_same_graph(read(buffer), G)


@pytest.mark.parametrize("name", ["small", "bundled"])
def test_plain_networkx_reads_graphml(tmp_path, name):
    G = GRAPHS[name]
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert edge_list(H, keys=False) == edge_list(G, keys=False)
    assert {k: v for k, v in H.graph.items() if k not in ("node_default", "edge_default")} == G.graph
    # edge ids are unique in the file (Gephi drops edges whose id repeats)
    assert len(set(H.edges(keys=True))) == G.number_of_edges()


@pytest.mark.parametrize("name", ["small", "bundled"])
def test_plain_networkx_reads_gexf_with_gephi_labels(tmp_path, name):
    G = GRAPHS[name]
    write_gexf(G, tmp_path / "g.gexf")
    H = nx.read_gexf(tmp_path / "g.gexf")
    assert set(H.nodes) == set(G.nodes)
    for node, data in G.nodes(data=True):
        assert H.nodes[node]["label"] == data["name"]
        assert H.nodes[node]["type"] == data["kind"]
    # the relationship is the edge label and the column relationship; in a multigraph (parallel edges, as in
    # the small plan) networkx gives the keys back from the column networkx_key, otherwise it reads a DiGraph
    if H.is_multigraph():
        assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    else:
        assert len(set(G.edges(keys=False))) == G.number_of_edges()
        assert sorted(H.edges) == sorted(G.edges(keys=False))
    for u, v, k, data in G.edges(keys=True, data=True):
        read = H.edges[u, v, k] if H.is_multigraph() else H.edges[u, v]
        assert read["label"] == read["relationship"] == data["type"]
        assert {a: b for a, b in data.items() if a != "type"}.items() <= read.items()
    # attributes of mixed type are text in GEXF: a Section's level "2"
    section = next(n for n, kind in G.nodes(data="kind") if kind == "Section" and G.nodes[n]["level"] == 2)
    assert H.nodes[section]["level"] == "2"
    assert H.nodes[section]["networkx_key"] == G.nodes[section]["key"]


def test_plain_networkx_reads_node_link_json(tmp_path):
    G = GRAPHS["small"]
    write_node_link_json(G, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert "包头市" in (tmp_path / "g.json").read_text(encoding="utf-8")  # Chinese written as is
    H = nx.node_link_graph(data, edges="edges")
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert edge_list(H) == edge_list(G)
    assert H.graph == G.graph


def test_gexf_of_several_plans_keeps_both_plans(tmp_path):
    G = build_graph([small_plan(), small_plan("other")])
    write_gexf(G, tmp_path / "g.gexf")
    H = read_gexf(tmp_path / "g.gexf")
    assert_same_graph(H, G)
    assert H.graph == {"plan_ids": "small,other"}


def test_allocation_workbook(tmp_path):
    path = tmp_path / "allocation.xlsx"
    write_allocation_xlsx(GRAPHS["small"], path)
    book = load_workbook(path)
    assert book.sheetnames == ["任务分工表", "责任矩阵"]
    sheet = book["任务分工表"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [
        ["序号", "任务", "牵头单位", "配合单位", "实施主体"],
        [1, TASK_TEXTS["T1.1.1"], F, f"{K}、{S}", f"{HOHHOT}、{BAOTOU}"],
        [2, TASK_TEXTS["T1.1.2"], F, K, HOHHOT],
        [3, TASK_TEXTS["T2.1.1"], E, f"{W}、{F}", f"{HOHHOT}、{BAOTOU}"],
        [4, TASK_TEXTS["T2.1.2"], W, H, BAOTOU],
    ]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDE"}
    assert widths == {"A": 6, "B": 70, "C": 18, "D": 40, "E": 24}
    assert sheet["B2"].alignment.wrap_text and sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    grid = book["责任矩阵"]
    assert [cell.value for cell in grid[1]][:4] == ["task_id", F, W, E]
    assert [cell.value for cell in grid[2]][:4] == ["T1.1.1", "牵", None, None]
    assert grid.max_row == 5 and grid.max_column == 9
    assert grid["B1"].alignment.text_rotation == 255  # vertical CJK headers


def test_allocation_workbook_of_the_bundled_plan():
    buffer = io.BytesIO()
    write_allocation_xlsx(GRAPHS["bundled"], buffer)
    book = load_workbook(buffer)
    assert book["任务分工表"].max_row == 39
    assert book["任务分工表"]["C39"].value == "自治区财政厅"
    assert (book["责任矩阵"].max_row, book["责任矩阵"].max_column) == (39, 33)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_graph_to_a_file(tmp_path, fmt):
    path = tmp_path / f"plan.{fmt}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert export_graph(argparse.Namespace(plan=None, format=fmt, output=str(path))) == 0
    assert_same_graph(FORMATS[fmt][1](path), GRAPHS["bundled"])


def test_export_graph_command_writes_standard_output(capsysbinary):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["export", "graph", "--format", "json"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert Counter(node["kind"] for node in data["nodes"])["Task"] == 38
    assert data["graph"]["doc_number"] == "内政发〔2018〕55号"
