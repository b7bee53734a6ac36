"""Network measures checked against R (sna, igraph) and against small networks worked out by hand.

R's numbers are stored in tests/reference/r_*.csv, computed once by tests/reference/network_measures.R
from the networks in tests/reference/networks/ (written by tests/reference/write_networks.py). R is
not needed to run these tests. The first test makes sure the stored networks are still the ones the
code builds from the bundled plan, so that a stale reference cannot pass unnoticed.
"""

import csv
import math
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from hbey_graph import load_plan
from hbey_graph.analysis import co_assignment_graph, coordination_graph
from hbey_graph.analysis.brokerage import BROKERAGE_ROLES, brokerage, brokerage_roles
from hbey_graph.analysis.qap import network_matrix, qap_correlation, qap_regression
from hbey_graph.analysis.whole import network_measures, two_mode_graph, whole_network
from hbey_graph.graph import build_graph

REFERENCE = Path(__file__).parent / "reference"
NETWORKS = REFERENCE / "networks"
R_ROLE = dict(zip(BROKERAGE_ROLES, ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"], strict=True))
TOL = 1e-9


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def read_network(name: str) -> tuple[nx.Graph, pd.DataFrame]:
    index = pd.read_csv(NETWORKS / "index.csv").set_index("name")
    directed = bool(index.loc[name, "directed"])
    nodes = pd.read_csv(NETWORKS / f"{name}.nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(NETWORKS / f"{name}.edges.csv", dtype={"source": str, "target": str})
    H = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(nodes.node)
    for u, v, w in edges.itertuples(index=False):
        H.add_edge(u, v, weight=w)
    return H, nodes


def r_table(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / name, keep_default_na=True)


def close(ours: float, theirs: float) -> bool:
    if isinstance(theirs, float) and math.isnan(theirs):
        return math.isnan(ours)
    return abs(ours - theirs) <= TOL


def edge_set(H: nx.Graph) -> set:
    if H.is_directed():
        return {(u, v, w) for u, v, w in H.edges(data="weight")}
    return {(frozenset((u, v)), w) for u, v, w in H.edges(data="weight")}


# --- the stored networks are today's ---------------------------------------------------------------


def test_stored_networks_are_the_ones_the_code_builds(bundled):
    C = coordination_graph(bundled)
    stored, nodes = read_network("bundled_lead_support")
    assert list(nodes.node) == list(C) and edge_set(stored) == edge_set(C)
    P = co_assignment_graph(bundled)
    stored, nodes = read_network("bundled_co_assignment")
    assert list(nodes.node) == list(P)
    assert {(frozenset((u, v)), float(w)) for u, v, w in P.edges(data="weight")} == edge_set(stored)
    bipartite, _ = two_mode_graph(bundled)
    stored, _ = read_network("bundled_task_body")
    assert {frozenset(e) for e in bipartite.edges()} == {frozenset(e) for e in stored.edges()}


# --- whole-network measures -----------------------------------------------------------------------

MEASURES = [
    "nodes",
    "edges",
    "density",
    "degree_centralization",
    "betweenness_centralization",
    "components",
    "largest_component",
    "mean_distance",
    "clustering",
]


@pytest.mark.parametrize("name", list(r_table("r_whole.csv").network))
def test_whole_network_measures_equal_r(name):
    expected = r_table("r_whole.csv").set_index("network").loc[name]
    H, nodes = read_network(name)
    first = list(nodes.node[nodes["mode"] == "task"]) if "mode" in nodes else None
    ours = network_measures(H, two_mode=first)
    for measure in MEASURES:
        assert close(float(ours[measure]), float(expected[measure])), (name, measure)


def test_whole_network_table_of_the_bundled_plan_equals_r(bundled):
    table = whole_network(bundled).set_index("network")
    expected = r_table("r_whole.csv").set_index("network")
    for ours, theirs in [
        ("lead → support", "bundled_lead_support"),
        ("co-assignment", "bundled_co_assignment"),
        ("task × body", "bundled_task_body"),
    ]:
        for measure in MEASURES:
            assert close(float(table.loc[ours, measure]), float(expected.loc[theirs, measure])), measure
    # the figure: the department co-assignment network is dense
    assert table.loc["co-assignment", "density"] == pytest.approx(0.4803, abs=1e-4)


def test_whole_measures_of_a_star_by_hand():
    # matrix centre tied to four leaves (n = 5, m = 4): density 4/10. Degrees 4,1,1,1,1: Σ(4 − d) = 12 over
    # (n−1)(n−2) = 12 → 1. Betweenness: the centre lies on all C(4,2) = 6 leaf pairs, the leaves on
    # none: Σ(6 − b) = 24 over (n−1)²(n−2)/2 = 24 → 1. Distances: 4 pairs at 1, 6 at 2 → 16/10.
    # No triangle: clustering 0.
    row = network_measures(nx.star_graph(4))
    assert row["density"] == pytest.approx(0.4)
    assert row["degree_centralization"] == pytest.approx(1.0)
    assert row["betweenness_centralization"] == pytest.approx(1.0)
    assert row["mean_distance"] == pytest.approx(1.6)
    assert row["clustering"] == 0.0
    assert (row["components"], row["largest_component"]) == (1, 5)


def test_whole_measures_of_a_bowtie_and_an_isolate_by_hand():
    # Triangles abc and def joined by c–d, g alone: n = 7, m = 7 → density 7/21.
    # Degrees a2 b2 c3 d3 e2 f2 g0: Σ(3 − d) = 7 over 6·5 → 7/30.
    # Betweenness: c and d each lie on the 6 pairs {a,b}×{d,e,f} resp. {a,b,c}×{e,f}; the rest 0:
    # Σ(6 − b) = 5·6 = 30 over 6²·5/2 = 90 → 1/3.
    # 15 connected pairs: 7 at distance 1, 4 at 2 (ad, bd, ce, cf), 4 at 3 (ae, af, be, bf) → 27/15.
    # Clustering: 2 triangles, connected triples Σ C(d,2) = 1+1+3+3+1+1 = 10 → 3·2/10.
    H = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")])
    H.add_node("g")
    row = network_measures(H)
    assert row["density"] == pytest.approx(1 / 3)
    assert row["degree_centralization"] == pytest.approx(7 / 30)
    assert row["betweenness_centralization"] == pytest.approx(1 / 3)
    assert row["mean_distance"] == pytest.approx(27 / 15)
    assert row["clustering"] == pytest.approx(0.6)
    assert (row["components"], row["largest_component"]) == (2, 6)


def test_whole_measures_of_a_directed_network_by_hand():
    # a→b, b→c, a→c, c→d, d→e, e→a (n = 5, m = 6): density 6/20.
    # Freeman degree (in + out): a 3, b 2, c 3, d 2, e 2 → Σ(3 − d) = 3 over 2(n−1)(n−2) = 24 → 1/8.
    # Geodesics: every node but b lies on 6 of them (a: c→b, d→b, d→c, e→b, e→c, e→d; c: a→d, a→e,
    # b→d, b→e, b→a, e→d; d and e likewise), b on none: Σ(6 − b) = 6 over (n−1)²(n−2) = 48 → 1/8.
    # Distances from a, b, c, d, e sum to 7 + 10 + 10 + 9 + 8 = 44 over 20 ordered pairs → 2.2.
    # Two-paths: a→b→c (closed by a→c), a→c→d, b→c→d, c→d→e, d→e→a, e→a→b, e→a→c → 1/7.
    H = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "a")])
    row = network_measures(H)
    assert row["density"] == pytest.approx(0.3)
    assert row["degree_centralization"] == pytest.approx(1 / 8)
    assert row["betweenness_centralization"] == pytest.approx(1 / 8)
    assert row["mean_distance"] == pytest.approx(2.2)
    assert row["clustering"] == pytest.approx(1 / 7)


def test_two_mode_density_by_hand():
    # 2 tasks × 3 bodies, 4 ties: two-mode density 4 / (2·3)
    bipartite = nx.Graph([("t1", "a"), ("t1", "b"), ("t2", "b"), ("t2", "c")])
    row = network_measures(bipartite, two_mode=["t1", "t2"])
    assert row["mode"] == "two" and row["density"] == pytest.approx(4 / 6)
    assert math.isnan(row["clustering"])
    with pytest.raises(ValueError, match="same mode"):
        network_measures(nx.Graph([("t1", "t2")]), two_mode=["t1", "t2"])


# --- brokerage ----------------------------------------------------------------------------------


def check_brokerage(ours: pd.DataFrame, expected: pd.DataFrame) -> None:
    ours = ours.set_index("body")
    assert set(ours.index) == set(expected.node)
    for row in expected.itertuples(index=False):
        row = row._asdict()
        mine = ours.loc[row["node"]]
        assert mine.group == row["group"]
        for role, r_name in R_ROLE.items():
            assert mine[role] == row[f"raw_{r_name}"], (row["node"], role)
            assert close(float(mine[f"exp_{role}"]), float(row[f"exp_{r_name}"])), (row["node"], role)
            assert close(float(mine[f"z_{role}"]), float(row[f"z_{r_name}"])), (row["node"], role)


@pytest.mark.parametrize("grouping", ["body_type", "level"])
def test_brokerage_of_the_bundled_plan_equals_sna(bundled, grouping):
    expected = r_table("r_brokerage.csv")
    expected = expected[(expected.network == "bundled_lead_support") & (expected.grouping == grouping)]
    check_brokerage(brokerage(bundled, group=grouping), expected)


def test_brokerage_of_the_hand_network_equals_sna_and_the_hand_count():
    H, nodes = read_network("hand_brokers")
    groups = dict(zip(nodes.node, nodes.group, strict=True))
    ours = brokerage_roles(H, groups)
    expected = r_table("r_brokerage.csv")
    check_brokerage(ours, expected[expected.network == "hand_brokers"])
    # By hand: edges a→b, b→c, a→c, c→d, d→e, e→a; X = {a, b}, Y = {c, d}, Z = {e}.
    # Two-paths i→j→k without i→k (a→b→c is closed by a→c and does not count):
    #   a→c→d, b→c→d: c brokers X → Y,Y: gatekeeper twice;   c→d→e: d, Y,Y → Z: representative;
    #   d→e→a: e, Y → Z → X: liaison;   e→a→b: a, Z → X,X: gatekeeper;   e→a→c: a, Z → X → Y: liaison.
    counts = ours.set_index("body")[list(BROKERAGE_ROLES)].astype(int).to_dict("index")
    assert counts["a"] == dict(coordinator=0, itinerant=0, representative=0, gatekeeper=1, liaison=1, total=2)
    assert counts["b"]["total"] == 0
    assert counts["c"] == dict(coordinator=0, itinerant=0, representative=0, gatekeeper=2, liaison=0, total=2)
    assert counts["d"]["representative"] == counts["d"]["total"] == 1
    assert counts["e"]["liaison"] == counts["e"]["total"] == 1
    # Expected counts under sna's null: d = 6/20 = 0.3, d²(1−d) = 0.063; for group X (n = 2) of N = 5:
    # coordinator (n−1)(n−2)·0.063 = 0; representative (N−n)(n−1)·0.063 = 3·0.063 = 0.189.
    row = ours.set_index("body").loc["a"]
    assert row.exp_coordinator == 0.0 and row.exp_representative == pytest.approx(0.189)


def test_brokerage_takes_a_mapping_and_names_what_is_missing(bundled):
    H = coordination_graph(bundled)
    table = brokerage(bundled, group=dict.fromkeys(H, "all"))
    # one group: every brokerage is coordination
    assert (table.total == table.coordinator).all()
    with pytest.raises(ValueError, match="no group"):
        brokerage(bundled, group={"自治区发展改革委": "x"})
    with pytest.raises(ValueError, match="no column 'colour'"):
        brokerage(bundled, group="colour")


# --- QAP ---------------------------------------------------------------------------------------


def test_qap_correlations_equal_sna_gcor():
    expected = r_table("r_qap.csv").set_index("test")
    support, _ = read_network("bundled_co_support")
    lead_support, _ = read_network("bundled_lead_support_undirected")
    weighted = qap_correlation(support, lead_support, reps=200, seed=1)
    assert close(
        float(weighted.correlation[0]), expected.loc["co_support_vs_lead_support_weighted", "correlation"]
    )
    binary = qap_correlation(support, lead_support, reps=10, weight=None)
    assert close(
        float(binary.correlation[0]), expected.loc["co_support_vs_lead_support_binary", "correlation"]
    )
    H, _ = read_network("bundled_lead_support")
    matrix = network_matrix(H, weight=None)
    reciprocity = qap_correlation(matrix, matrix.T, reps=10)
    assert close(float(reciprocity.correlation[0]), expected.loc["lead_support_reciprocity", "correlation"])
    # both R and we find the correlation far in the upper tail of the permutation distribution
    assert weighted.p_greater[0] == expected.loc["co_support_vs_lead_support_weighted", "r_pgreq"] == 0


def test_qap_regression_equals_sna_netlm():
    expected = r_table("r_netlm.csv")
    support, _ = read_network("bundled_co_support")
    lead_support, _ = read_network("bundled_lead_support_undirected")
    types = pd.read_csv(NETWORKS / "bundled_co_assignment.nodes.csv").set_index("node").body_type
    order = list(support)
    same = pd.DataFrame(
        [[float(types[a] == types[b]) for b in order] for a in order], index=order, columns=order
    )
    fit = qap_regression(support, {"lead_support": lead_support, "same_type": same}, reps=50)
    model = expected[expected.model == "co_support_on_lead_support_and_same_type"]
    for ours, theirs in zip(fit.itertuples(), model.itertuples(), strict=True):
        assert ours.term == theirs.term
        assert close(ours.coefficient, theirs.coefficient) and close(ours.t, theirs.t)
        assert close(ours.r_squared, theirs.r_squared)
    H, nodes = read_network("bundled_lead_support")
    order = list(nodes.node)
    kinds = dict(zip(nodes.node, nodes.body_type, strict=True))
    same = pd.DataFrame(
        [[float(kinds[a] == kinds[b]) for b in order] for a in order], index=order, columns=order
    )
    fit = qap_regression(network_matrix(H, order, weight=None), {"same_type": same}, reps=50)
    model = expected[expected.model == "lead_support_on_same_type"]
    for ours, theirs in zip(fit.itertuples(), model.itertuples(), strict=True):
        assert close(ours.coefficient, theirs.coefficient) and close(ours.t, theirs.t)


def test_qap_p_values_by_hand_on_every_relabelling():
    # x = y = the path a–b–c–d: r = 1. Of the 4! = 24 relabellings of y, r = 1 exactly for those
    # that map the path onto itself, the identity and the reversal (a↔d, b↔c): 2 of 24. With many
    # draws the share of r ≥ 1 tends to 2/24; no relabelling gives r > 1, so every one has r ≤ 1.
    x = nx.path_graph(["a", "b", "c", "d"])
    result = qap_correlation(x, x, reps=24_000, seed=3)
    assert result.correlation[0] == pytest.approx(1.0)
    assert result.p_greater[0] == pytest.approx(2 / 24, abs=0.01)
    assert result.p_less[0] == 1.0
    # the same seed gives the same p-values
    assert qap_correlation(x, x, reps=50, seed=3).equals(qap_correlation(x, x, reps=50, seed=3))


def test_qap_aligns_networks_on_the_union_of_their_bodies():
    x = nx.Graph([("a", "b")])
    y = nx.Graph([("b", "c")])
    # cells (lower triangle of a, b, c): ab, ac, bc → x = 1,0,0; y = 0,0,1: r = −1/2
    assert qap_correlation(x, y, reps=1).correlation[0] == pytest.approx(-0.5)
    assert qap_correlation(x, y, reps=1).cells[0] == 3
    assert np.isclose(network_matrix(x, ["a", "b", "c"]).values.sum(), 2)


def test_reference_files_are_plain_csv():
    for path in REFERENCE.glob("r_*.csv"):
        with open(path, encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert header, path


# --- modularity of the consensus clusters; constraint and betweenness of the centrality table ------


def test_modularity_of_the_consensus_clusters_equals_igraph(bundled):
    from hbey_graph.analysis import cluster_structure, coordination_clusters

    expected = r_table("r_modularity.csv").iloc[0]
    stored = pd.read_csv(NETWORKS / "bundled_consensus.csv")
    clusters = coordination_clusters(bundled)
    assert list(zip(clusters.body, clusters.cluster, strict=True)) == list(
        zip(stored.node, stored.cluster, strict=True)
    )  # the stored partition is today's
    row = cluster_structure(bundled, null_samples=2).iloc[0]
    assert row.clusters == expected.clusters
    assert close(float(row.modularity), float(expected.modularity))


def test_constraint_and_betweenness_equal_igraph(bundled):
    from hbey_graph.analysis import centrality

    expected = r_table("r_centrality.csv").set_index("node")
    table = centrality(bundled).set_index("body")
    assert set(table.index) == set(expected.index)
    for body, row in expected.iterrows():
        assert close(float(table.at[body, "constraint"]), float(row.constraint)), body
        assert close(float(table.at[body, "betweenness"]), float(row.betweenness)), body
