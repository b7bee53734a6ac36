"""Coordination graph and co-assignment projection, worked out by hand."""

import warnings

import networkx as nx
import pytest
from small_plan import BAOTOU, HOHHOT, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import (
    DEPARTMENT_ROLES,
    co_assignment_graph,
    co_assignment_table,
    coordination_edges,
    coordination_graph,
)
from hbey_graph.graph import build_graph
from hbey_graph.records import ROLES


@pytest.fixture(scope="module")
def small():
    return build_graph(small_plan())


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_small_plan_coordination_edges(small):
    # lead → supporter per task: T1.1.1 发展改革委→科技厅, →商务厅; T1.1.2 发展改革委→科技厅;
    # T2.1.1 生态环境厅→水利厅, →发展改革委; T2.1.2 水利厅→呼和浩特海关.
    # Sorted by weight, then lead and support by code point (发 < 水 < 生 after 自治区).
    edges = coordination_edges(small)
    assert list(edges.columns) == ["lead", "support", "weight"]
    assert edges.values.tolist() == [[F, K, 2], [F, S, 1], [W, H, 1], [E, F, 1], [E, W, 1]]


def test_small_plan_coordination_graph(small):
    C = coordination_graph(small)
    assert isinstance(C, nx.DiGraph)
    assert sorted(C.nodes) == sorted([F, K, S, E, W, H])
    assert C.nodes[H]["body_type"] == "central_agency"
    assert {(u, v): d["weight"] for u, v, d in C.edges(data=True)} == {
        (F, K): 2, (F, S): 1, (W, H): 1, (E, F): 1, (E, W): 1,
    }


# Department projection (roles lead, support, responsible), bodies per task and n:
#   T1.1.1 {发展改革委, 科技厅, 商务厅} n=3 → each pair 1/2
#   T1.1.2 {发展改革委, 科技厅}        n=2 → 1
#   T2.1.1 {生态环境厅, 水利厅, 发展改革委} n=3 → each pair 1/2
#   T2.1.2 {水利厅, 呼和浩特海关}      n=2 → 1
# 发展改革委–科技厅: 2 tasks, 1/2 + 1 = 1.5; 水利厅–海关: 1 task, 1; every other pair 1 task, 1/2.
DEPARTMENT_EDGES = {
    frozenset((F, K)): (2, 1.5),
    frozenset((F, S)): (1, 0.5),
    frozenset((K, S)): (1, 0.5),
    frozenset((E, W)): (1, 0.5),
    frozenset((E, F)): (1, 0.5),
    frozenset((W, F)): (1, 0.5),
    frozenset((W, H)): (1, 1.0),
}


def test_small_plan_department_projection(small):
    P = co_assignment_graph(small)
    assert DEPARTMENT_ROLES == ("lead", "support", "responsible")
    assert set(P.nodes) == {F, K, S, E, W, H}  # no city government
    edges = {frozenset((u, v)): (d["weight"], d["newman"]) for u, v, d in P.edges(data=True)}
    assert set(edges) == set(DEPARTMENT_EDGES)
    for pair, (weight, newman) in DEPARTMENT_EDGES.items():
        assert edges[pair] == (weight, pytest.approx(newman))
    assert dict(P.nodes(data="tasks")) == {F: 3, K: 2, S: 1, E: 1, W: 2, H: 1}


def test_small_plan_projection_with_implementers(small):
    # all roles: T1.1.1 n=5 (呼和浩特, 包头, 发展改革委, 科技厅, 商务厅), T1.1.2 n=3, T2.1.1 n=5, T2.1.2 n=3
    P = co_assignment_graph(small, roles=ROLES)
    assert P.number_of_nodes() == 8
    # 呼和浩特–包头 share T1.1.1 and T2.1.1: 1/4 + 1/4
    assert (P[HOHHOT][BAOTOU]["weight"], P[HOHHOT][BAOTOU]["newman"]) == (2, pytest.approx(0.5))
    # 呼和浩特–发展改革委 share T1.1.1, T1.1.2, T2.1.1: 1/4 + 1/2 + 1/4
    assert (P[HOHHOT][F]["weight"], P[HOHHOT][F]["newman"]) == (3, pytest.approx(1.0))
    # 发展改革委–科技厅: T1.1.1 1/4 + T1.1.2 1/2
    assert (P[F][K]["weight"], P[F][K]["newman"]) == (2, pytest.approx(0.75))
    # 包头–水利厅: T2.1.1 1/4 + T2.1.2 1/2
    assert (P[BAOTOU][W]["weight"], P[BAOTOU][W]["newman"]) == (2, pytest.approx(0.75))
    # Pairs: T1.1.1 10 + T1.1.2 3 + T2.1.1 10 + T2.1.2 3 = 26. Seen before: in T1.1.2 all three
    # (呼和浩特–发展改革委, 呼和浩特–科技厅, 发展改革委–科技厅), in T2.1.1 呼和浩特–包头, 呼和浩特–发展改革委,
    # 包头–发展改革委, in T2.1.2 包头–水利厅: 26 − 3 − 3 − 1 = 19 distinct pairs
    assert P.number_of_edges() == 19
    assert (P[HOHHOT][K]["weight"], P[HOHHOT][K]["newman"]) == (2, pytest.approx(0.75))
    # Newman's weights split each task's unit among a body's partners: a body's weighted degree is
    # the number of its tasks that name at least one other body
    assert P.degree(HOHHOT, weight="newman") == pytest.approx(3)


def test_small_plan_co_assignment_table(small):
    table = co_assignment_table(small)
    assert list(table.columns) == ["body_a", "body_b", "tasks", "newman"]
    # sorted by tasks, newman (both descending), then body_a, body_b by code point
    assert table.values.tolist() == [
        [F, K, 2, 1.5],
        [H, W, 1, 1.0],
        [F, S, 1, 0.5],
        [F, W, 1, 0.5],
        [F, E, 1, 0.5],
        [S, K, 1, 0.5],
        [W, E, 1, 0.5],
    ]


def test_several_plans_add_up():
    G = build_graph([small_plan(), small_plan("other")])
    P = co_assignment_graph(G)
    assert (P[F][K]["weight"], P[F][K]["newman"]) == (4, pytest.approx(3.0))
    assert coordination_edges(G).values.tolist()[0] == [F, K, 4]
    assert co_assignment_graph(G, plan_id="other")[F][K]["weight"] == 2


def test_bundled_plan_coordination(bundled):
    edges = coordination_edges(bundled).set_index(["lead", "support"]).weight
    # 发展改革委 leads T1.1.1 T1.2.1 T1.2.2 T1.3.1 T1.3.2 T1.4.1 T3.1.1 T3.1.3 T4.1.1 T5.1.1;
    # 交通运输厅 supports all but T4.1.1 and T5.1.1; 自然资源厅 all but T3.1.3 and T5.1.1
    assert edges["自治区发展改革委", "自治区交通运输厅"] == 8
    assert edges["自治区发展改革委", "自治区自然资源厅"] == 8
    # 科技厅 leads T2.2.3 T2.4.1–T2.4.4 and 发展改革委 supports all five
    assert edges["自治区科技厅", "自治区发展改革委"] == 5
    assert int(edges.sum()) == 196  # every support assignment has exactly one lead in its task
    assert coordination_graph(bundled).out_degree("自治区发展改革委") == 18


def test_bundled_plan_projection(bundled):
    P = co_assignment_graph(bundled)
    assert P.number_of_nodes() == 29  # 32 bodies less the 3 city governments
    # 发展改革委 is in every task but T2.2.1 T2.2.4 T3.2.1 T6.1.1 (34); 工业和信息化厅 in 25 tasks,
    # three of them among those four → 22 shared
    assert P["自治区发展改革委"]["自治区工业和信息化厅"]["weight"] == 22
    assert P["自治区发展改革委"]["自治区生态环境厅"]["weight"] == 20
    # 公安厅, 教育厅, 卫生健康委 appear only in T6.1.1 (5 departments): partners 人力资源社会保障厅,
    # 市场监管局 and each other, each with weight 1 and Newman weight 1/4
    assert dict(P["自治区公安厅"]) == {
        "自治区人力资源社会保障厅": {"weight": 1, "newman": 0.25},
        "自治区教育厅": {"weight": 1, "newman": 0.25},
        "自治区卫生健康委": {"weight": 1, "newman": 0.25},
        "自治区市场监管局": {"weight": 1, "newman": 0.25},
    }
