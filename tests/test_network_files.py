"""The department network and its files for Gephi, Cytoscape, UCINET and Pajek."""

import io
import warnings
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from hbey_graph import load_plan
from hbey_graph.analysis import co_assignment_graph, coordination_graph, lead_workload
from hbey_graph.analysis.department import department_network
from hbey_graph.cli import main
from hbey_graph.graph import build_graph
from hbey_graph.network_files import pajek_net, ucinet_dl, write_network

REFERENCE = Path(__file__).parent / "reference"
NODE_ATTRIBUTES = {
    "label",
    "label_en",
    "name_en",
    "full_name",
    "body_type",
    "level",
    "tasks_led",
    "tasks_supported",
    "tasks_implemented",
    "cluster",
    "cluster_label",
}


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_department_network_carries_labels_roles_clusters_and_weights(bundled):
    H = department_network(bundled)
    P = co_assignment_graph(bundled)
    assert set(H) == set(P) and H.number_of_edges() == P.number_of_edges()
    assert all(set(data) == NODE_ATTRIBUTES for _, data in H.nodes(data=True))
    commerce = H.nodes["自治区商务厅"]
    assert (commerce["label"], commerce["label_en"], commerce["body_type"]) == (
        "自治区商务厅",
        "Dept. of Commerce",
        "region_department",
    )
    workload = lead_workload(bundled).set_index("body")
    assert commerce["tasks_led"] == workload.at["自治区商务厅", "led"]
    assert commerce["tasks_supported"] == workload.at["自治区商务厅", "supported"]
    assert {data["cluster"] for _, data in H.nodes(data=True)} == {1, 2, 3}
    assert H["自治区发展改革委"]["自治区生态环境厅"]["weight"] == 20
    C = department_network(bundled, projection="coordination", min_weight=2)
    assert C.is_directed() and set(C) == set(coordination_graph(bundled))
    assert min(w for *_, w in C.edges(data="weight")) == 2
    with pytest.raises(ValueError, match="unknown projection"):
        department_network(bundled, projection="bipartite")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gexf_and_graphml_open_in_networkx_with_every_attribute(bundled, tmp_path, fmt):
    path = tmp_path / f"network.{fmt}"
    status = main(["export", "network", "--format", fmt, "-o", str(path)])
    assert status == 0
    H = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    written = department_network(bundled)
    assert set(H) == set(written) and H.number_of_edges() == 195
    for body, data in H.nodes(data=True):
        assert set(data) >= NODE_ATTRIBUTES, body
        assert data["label"] == body and data["tasks_led"] == written.nodes[body]["tasks_led"]
        assert data["cluster"] == written.nodes[body]["cluster"]
    assert H["自治区发展改革委"]["自治区生态环境厅"]["weight"] == 20
    assert all(w >= 1 for *_, w in H.edges(data="weight"))
    assert H["自治区发展改革委"]["自治区生态环境厅"]["newman"] == pytest.approx(
        written["自治区发展改革委"]["自治区生态环境厅"]["newman"]
    )


def test_directed_gexf_keeps_the_arrows(tmp_path):
    path = tmp_path / "coordination.gexf"
    main(["export", "network", "--projection", "coordination", "--format", "gexf", "-o", str(path)])
    H = nx.read_gexf(path)
    assert H.is_directed()
    assert H["自治区科技厅"]["自治区发展改革委"]["weight"] == 5  # 科技厅 leads, 发展改革委 supports, 5 tasks


def test_ucinet_dl_by_hand():
    # a → b (2), b → c (1), directed: row a holds 2 in column b, row b holds 1 in column c
    H = nx.DiGraph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    assert ucinet_dl(H) == (
        'DL N=3\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLABELS:\n"a"\n"b"\n"c"\nDATA:\n0 2 0\n0 0 1\n0 0 0\n'
    )


def test_ucinet_dl_of_the_department_network(bundled):
    H = department_network(bundled)
    lines = ucinet_dl(H, label="label_en").splitlines()
    n = H.number_of_nodes()
    assert lines[0] == f"DL N={n}" and lines[3] == '"Development and Reform Commission"'
    rows = [[float(x) for x in line.split()] for line in lines[4 + n :]]
    matrix = pd.DataFrame(rows)
    assert matrix.shape == (n, n) and (matrix.values == matrix.values.T).all()
    assert matrix.values.sum() == 2 * sum(w for *_, w in H.edges(data="weight"))


def test_pajek_by_hand():
    # undirected: *Edges, 1-based vertex numbers, weights as given
    H = nx.Graph([("甲", "乙", {"weight": 3}), ("乙", "丙", {"weight": 0.5})])
    assert pajek_net(H) == '*Vertices 3\n1 "甲"\n2 "乙"\n3 "丙"\n*Edges\n1 2 3\n2 3 0.5\n'


def test_pajek_files_read_back_by_igraph_equal_the_network(bundled):
    # tests/reference/networks/pajek_*.net were written by write_network; R's igraph read them back
    expected = pd.read_csv(REFERENCE / "r_pajek.csv")
    for projection in ("co-assignment", "coordination"):
        H = department_network(bundled, projection=projection)
        name = f"pajek_{projection.replace('-', '_')}"
        stored = (REFERENCE / "networks" / f"{name}.net").read_text(encoding="utf-8")
        assert stored == pajek_net(H)  # the stored file is today's
        rows = expected[expected.file == name]
        assert list(rows.vertex) == list(H)
        assert rows.edges.iloc[0] == H.number_of_edges()
        assert bool(rows.directed.iloc[0]) == H.is_directed()
        strength = dict(H.degree(weight="weight"))
        degree = dict(H.degree())
        for row in rows.itertuples():
            assert row.strength == strength[row.vertex] and row.degree == degree[row.vertex]


def test_export_network_refuses_table_formats(capsys):
    assert main(["export", "network", "--format", "csv"]) == 2
    assert "the network is written as gexf, graphml, dl, net" in capsys.readouterr().err


def test_write_network_to_a_binary_stream():
    buffer = io.BytesIO()
    write_network(nx.Graph([("a", "b")]), buffer, "dl")
    assert buffer.getvalue().decode().startswith("DL N=2")
    with pytest.raises(ValueError, match="unknown network format"):
        write_network(nx.Graph(), buffer, "xls")
