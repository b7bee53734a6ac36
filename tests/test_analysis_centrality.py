"""Centrality, structural holes and cores, worked out by hand."""

import math
import warnings

import networkx as nx
import pytest
from small_plan import E, F, H, K, S, W, plan_of, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import centrality, co_assignment_graph
from hbey_graph.graph import build_graph

COLUMNS = [
    "body",
    "body_type",
    "degree",
    "weighted_degree",
    "betweenness",
    "eigenvector",
    "constraint",
    "effective_size",
    "core_number",
    "in_core",
]


def test_small_plan_centrality():
    # Department projection of the small plan (weights = shared tasks):
    #   发展改革委(F)–科技厅(K) 2, F–商务厅(S) 1, K–S 1, F–生态环境厅(E) 1, F–水利厅(W) 1, E–W 1, W–海关(H) 1
    table = centrality(build_graph(small_plan())).set_index("body")
    assert ["body", *table.columns] == COLUMNS
    # order: weighted degree descending, then name (水 < 科 after 自治区; 商 < 生)
    assert table.index.tolist() == [F, W, K, S, E, H]
    assert table.degree.to_dict() == {F: 4, W: 3, K: 2, S: 2, E: 2, H: 1}
    assert table.weighted_degree.to_dict() == {F: 5, W: 3, K: 3, S: 2, E: 2, H: 1}
    # Betweenness, normalised by (n−1)(n−2)/2 = 10 pairs: every shortest path between {K, S} and {E, W, H}
    # passes F (K–E K–W K–H S–E S–W S–H: 6 → 0.6); W lies on K–H, S–H, F–H, E–H (4 → 0.4).
    assert table.betweenness.to_dict() == pytest.approx({F: 0.6, W: 0.4, K: 0, S: 0, E: 0, H: 0})
    # Constraint c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = w_ij / Σ_k w_ik.
    #   p_F· = K 2/5, S 1/5, E 1/5, W 1/5;  p_K· = F 2/3, S 1/3;  p_S· = F 1/2, K 1/2;
    #   p_E· = F 1/2, W 1/2;  p_W· = E, F, H 1/3 each;  p_H· = W 1.
    #   F: (2/5 + 1/5·1/2)² + (1/5 + 2/5·1/3)² + (1/5 + 1/5·1/3)² + (1/5 + 1/5·1/2)²
    #      = 1/4 + 1/9 + 16/225 + 9/100 = 470/900
    #   K: (2/3 + 1/3·1/2)² + (1/3 + 2/3·1/5)² = 25/36 + 49/225 = 821/900
    #   S: (1/2 + 1/2·2/3)² + (1/2 + 1/2·2/5)² = 25/36 + 49/100 = 1066/900
    #   E: (1/2 + 1/2·1/5)² + (1/2 + 1/2·1/3)² = 9/25 + 4/9 = 181/225
    #   W: (1/3 + 1/3·1/5)² + (1/3 + 1/3·1/2)² + (1/3)² = 4/25 + 1/4 + 1/9 = 469/900
    #   H: 1² = 1
    assert table.constraint.to_dict() == pytest.approx(
        {F: 470 / 900, K: 821 / 900, S: 1066 / 900, E: 181 / 225, W: 469 / 900, H: 1.0}
    )
    # Effective size Σ_j (1 − Σ_q p_iq m_jq), m_jq = w_jq / max_k w_jk:
    #   m_F· = K 1, S/E/W 1/2;  m_K· = F 1, S 1/2;  m_S·, m_E·, m_W·, m_H· = 1.
    #   F: (1 − 1/5·1/2) + (1 − 2/5·1) + (1 − 1/5·1) + (1 − 1/5·1) = 0.9 + 0.6 + 0.8 + 0.8 = 3.1
    #   K: (1 − 1/3·1/2) + (1 − 2/3·1) = 5/6 + 1/3 = 7/6
    #   S: (1 − 1/2·1) + (1 − 1/2·1) = 1
    #   E: (1 − 1/2·1) + (1 − 1/2·1/2) = 1/2 + 3/4 = 5/4
    #   W: (1 − 1/3) [E: via F] + (1 − 1/3·1/2) [F: via E] + 1 [H: no common partner] = 2/3 + 5/6 + 1 = 5/2
    #   H: 1
    assert table.effective_size.to_dict() == pytest.approx(
        {F: 3.1, K: 7 / 6, S: 1.0, E: 1.25, W: 2.5, H: 1.0}
    )
    # k-cores: the two triangles are a 2-core; 海关 hangs on 水利厅 by one edge
    assert table.core_number.to_dict() == {F: 2, W: 2, K: 2, S: 2, E: 2, H: 1}
    assert table.in_core.to_dict() == {F: True, W: True, K: True, S: True, E: True, H: False}


def test_small_plan_eigenvector_is_the_principal_eigenvector():
    table = centrality(build_graph(small_plan())).set_index("body")
    x = table.eigenvector.to_dict()
    weights = {(F, K): 2, (F, S): 1, (K, S): 1, (F, E): 1, (F, W): 1, (E, W): 1, (W, H): 1}
    neighbours = {body: {} for body in x}
    for (a, b), w in weights.items():
        neighbours[a][b] = neighbours[b][a] = w
    # A x = λ x with unit norm and all entries positive
    ax = {body: sum(w * x[other] for other, w in neighbours[body].items()) for body in x}
    eigenvalue = ax[F] / x[F]
    assert ax == pytest.approx({body: eigenvalue * value for body, value in x.items()}, rel=1e-6)
    assert math.fsum(v * v for v in x.values()) == pytest.approx(1)
    assert max(x, key=x.get) == F


def test_path_of_three_bodies():
    # Tasks {A, B} and {B, C}: the path A–B–C. Adjacency eigenvalue √2, eigenvector (1, √2, 1)/2.
    # Betweenness of B: the one pair A–C over (3−1)(3−2)/2 = 1. Constraint: A (p_AB = 1)² = 1;
    # B: (1/2)² + (1/2)² = 1/2. Effective size: A 1; B (1 − 0) + (1 − 0) = 2.
    table = centrality(build_graph(plan_of({"T1": ["A", "B"], "T2": ["B", "C"]}))).set_index("body")
    assert table.eigenvector.to_dict() == pytest.approx({"A": 0.5, "B": math.sqrt(2) / 2, "C": 0.5})
    assert table.betweenness.to_dict() == pytest.approx({"A": 0, "B": 1, "C": 0})
    assert table.constraint.to_dict() == pytest.approx({"A": 1, "B": 0.5, "C": 1})
    assert table.effective_size.to_dict() == pytest.approx({"A": 1, "B": 2, "C": 1})
    assert table.core_number.to_dict() == {"A": 1, "B": 1, "C": 1}


def test_isolated_body_has_no_constraint():
    # D is the only department of T2: in the projection with no partner
    table = centrality(build_graph(plan_of({"T1": ["A", "B"], "T2": ["D"]}))).set_index("body")
    assert table.loc["D", ["degree", "weighted_degree", "core_number"]].tolist() == [0, 0, 0]
    assert math.isnan(table.loc["D", "constraint"]) and math.isnan(table.loc["D", "effective_size"])
    assert table.in_core.to_dict() == {"A": True, "B": True, "D": False}


def test_bundled_plan_centrality():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = centrality(build_graph(load_plan())).set_index("body")
    assert len(table) == 29
    # 发展改革委 shares a task with every other department but 公安厅, 教育厅, 卫生健康委 (only in T6.1.1)
    assert table.loc["自治区发展改革委", "degree"] == 28 - 3
    assert table.index[0] == "自治区发展改革委"
    # T6.1.1 names 5 departments; 公安厅, 教育厅, 卫生健康委 are in no other task: degree 4, core number 4,
    # and as their partners all know each other, they broker nothing (betweenness 0)
    columns = ["degree", "weighted_degree", "core_number", "betweenness"]
    for body in ("自治区公安厅", "自治区教育厅", "自治区卫生健康委"):
        assert table.loc[body, columns].tolist() == [4, 4, 4, 0]


@pytest.mark.parametrize("roles", [("lead", "support", "responsible"), ("lead", "support", "implementer")])
def test_structural_holes_agree_with_networkx(roles):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        G = build_graph(load_plan())
    table = centrality(G, roles=roles).set_index("body")
    P = co_assignment_graph(G, roles=roles)
    assert table.constraint.to_dict() == pytest.approx(nx.constraint(P, weight="weight"))
    # node by node: networkx's whole-graph path for weighted graphs (taken when scipy is
    # installed) gives other values, wrong by the hand-worked case below
    by_node = {body: nx.effective_size(P, weight="weight", nodes=[body])[body] for body in P}
    assert table.effective_size.to_dict() == pytest.approx(by_node)


def test_weighted_effective_size_worked_by_hand():
    # a–b 1, a–c 2, b–c 3, a–d 1. For b: p_ba = 1/4, p_bc = 3/4; m_ac = 2/2 = 1, m_ca = 2/3.
    # j = a: 1 − p_bc·m_ac = 1/4; j = c: 1 − p_ba·m_ca = 5/6; effective size 13/12.
    # For a: p_ab = 1/4, p_ac = 1/2, p_ad = 1/4; m_bc = 1, m_cb = 1; 1/2 + 3/4 + 1 = 9/4.
    # For c: p_ca = 2/5, p_cb = 3/5; m_ab = 1/2, m_ba = 1/3; (1 − 3/10) + (1 − 2/15) = 47/30.
    from hbey_graph.analysis.centrality import _structural_holes

    P = nx.Graph()
    P.add_weighted_edges_from([("a", "b", 1), ("a", "c", 2), ("b", "c", 3), ("a", "d", 1)])
    _, effective = _structural_holes(P)
    assert effective == pytest.approx({"a": 9 / 4, "b": 13 / 12, "c": 47 / 30, "d": 1.0})
