"""Coordination clusters: Louvain communities, labels, modularity and stability."""

import warnings

import networkx as nx
import numpy as np
import pytest
from small_plan import BAOTOU, HOHHOT, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import (
    always_together,
    cluster_structure,
    cluster_summary,
    co_assignment_graph,
    co_classification,
    coordination_clusters,
)
from hbey_graph.analysis.clusters import (
    _adjusted_rand,
    _consensus,
    _key,
    _memberships,
    _projection,
    _rewired,
    _stability,
    _together,
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


def test_small_plan_clusters(small):
    # The department projection is two triangles sharing 发展改革委: {发展改革委, 科技厅, 商务厅} and
    # {发展改革委, 生态环境厅, 水利厅}, plus 水利厅–呼和浩特海关. Newman weights: 发展改革委–科技厅 1.5,
    # 水利厅–海关 1, the other five edges 0.5 (see test_analysis_coordination). 发展改革委 goes with 科技厅.
    clusters = coordination_clusters(small, seed=0)
    assert list(clusters.columns) == ["body", "cluster", "label"]
    assert clusters[["body", "cluster"]].values.tolist() == [
        [F, 1], [S, 1], [K, 1], [H, 2], [W, 2], [E, 2],
    ]
    assert dict(zip(clusters.cluster, clusters.label, strict=True)) == {
        1: "发展改革委、科技厅等：推进产业协同",
        2: "水利厅、生态环境厅等：共保生态环境",
    }


def test_small_plan_summary(small):
    summary = cluster_summary(small, seed=0, n_seeds=10)
    assert list(summary.columns) == [
        "cluster", "label", "size", "members", "themes", "modularity", "stability", "cohesion",
        "partition_modularity", "modularity_z", "agreement", "warning",
    ]
    # Members ranked by tasks led, then tasks named in: 发展改革委 (2 led) 科技厅 (0, 2 tasks) 商务厅 (0, 1);
    # 水利厅 (1 led, 2 tasks) 生态环境厅 (1 led, 1 task) 海关 (0).
    assert summary[["cluster", "size", "members", "themes"]].values.tolist() == [
        [1, 3, f"{F}、{K}、{S}", "推进产业协同"],
        [2, 3, f"{W}、{E}、{H}", "共保生态环境"],
    ]
    # Modularity with Newman weights: edges 1.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1 → m = 5.
    # Strengths: 发展改革委 3, 科技厅 2, 商务厅 1, 生态环境厅 1, 水利厅 2, 海关 1 (sum 10 = 2m).
    # Cluster 1: inside 1.5 + 0.5 + 0.5 = 2.5, degree 6 → 2.5/5 − (6/10)² = 0.5 − 0.36 = 0.14
    # Cluster 2: inside 0.5 + 1 = 1.5, degree 4 → 1.5/5 − (4/10)² = 0.3 − 0.16 = 0.14;  Q = 0.28
    assert summary.modularity.tolist() == pytest.approx([0.14, 0.14])
    P = co_assignment_graph(small)
    partition = [{F, K, S}, {E, W, H}]
    assert nx.community.modularity(P, partition, weight="newman") == pytest.approx(0.28)
    # every seed finds the same two clusters
    assert summary.stability.tolist() == [1.0, 1.0]


def test_modularity_term_uses_the_resolution(small):
    # whatever the partition, each term is L_c/m − γ(d_c/2m)² and the terms sum to Q at γ
    summary = cluster_summary(small, seed=0, resolution=0.5, n_seeds=2)
    P = co_assignment_graph(small)
    members = [set(m.split("、")) for m in summary.members]
    assert summary.modularity.sum() == pytest.approx(
        nx.community.modularity(P, members, weight="newman", resolution=0.5)
    )


def test_stability_is_mean_best_jaccard():
    cluster = frozenset("abc")
    # seed 1 finds {a, b, c} exactly (1); seed 2 splits it into {a, b} and {c, d}:
    # best |{a,b}| / |{a,b,c}| = 2/3
    partitions = [[frozenset("abc"), frozenset("d")], [frozenset("ab"), frozenset("cd")]]
    assert _stability(cluster, partitions) == pytest.approx((1 + 2 / 3) / 2)


def test_city_governments_join_when_asked(small):
    clusters = coordination_clusters(small, roles=ROLES)
    assert {HOHHOT, BAOTOU} <= set(clusters.body)
    assert len(clusters) == 8


def test_bundled_plan_clusters_are_reproducible(bundled):
    first = coordination_clusters(bundled, seed=3)
    assert first.equals(coordination_clusters(bundled, seed=3))
    assert cluster_summary(bundled, seed=3, n_seeds=5).equals(cluster_summary(bundled, seed=3, n_seeds=5))
    # every department of the projection is in exactly one cluster, numbered from 1 by size
    assert sorted(first.body) == sorted(co_assignment_graph(bundled).nodes)
    sizes = first.groupby("cluster").size()
    assert sizes.index.tolist() == list(range(1, len(sizes) + 1))
    assert sizes.is_monotonic_decreasing


def test_bundled_plan_summary_is_consistent(bundled):
    summary = cluster_summary(bundled, seed=0, n_seeds=5)
    P = co_assignment_graph(bundled)
    members = [set(m.split("、")) for m in summary.members]
    assert summary["size"].sum() == 29
    assert summary.modularity.sum() == pytest.approx(nx.community.modularity(P, members, weight="newman"))
    assert ((summary.stability > 0) & (summary.stability <= 1)).all()
    # 发展改革委 leads the most tasks, so it names the cluster it is in
    first = summary[summary.members.str.contains("自治区发展改革委")]
    assert first.label.iloc[0].startswith("发展改革委、")


# --- consensus, null model and the weak-structure warning -----------------------------------------

def test_co_classification_by_hand():
    # three runs over a, b, c: {ab}{c}, {ab}{c}, {a}{bc} → a–b together in 2 of 3, b–c in 1 of 3, a–c never
    runs = [
        [frozenset("ab"), frozenset("c")],
        [frozenset("ab"), frozenset("c")],
        [frozenset("a"), frozenset("bc")],
    ]
    shares = _together(["a", "b", "c"], runs)
    assert np.allclose(shares, [[1, 2 / 3, 0], [2 / 3, 1, 1 / 3], [0, 1 / 3, 1]])


def test_adjusted_rand_by_hand():
    # {ab}{cd} against {abc}{d}: pairs together in both: ab → 1. Pairs together in the first: ab, cd → 2;
    # in the second: ab, ac, bc → 3; all pairs C(4,2) = 6. Expected 2·3/6 = 1, maximum (2+3)/2 = 2.5:
    # ARI = (1 − 1) / (2.5 − 1) = 0, no better than chance. Identical partitions give 1.
    nodes = list("abcd")
    assert _adjusted_rand(nodes, [frozenset("ab"), frozenset("cd")], [frozenset("abc"), frozenset("d")]) == 0
    assert _adjusted_rand(nodes, [frozenset("ab"), frozenset("cd")], [frozenset("cd"), frozenset("ab")]) == 1


def test_consensus_finds_two_cliques_joined_by_one_edge():
    # Two 5-cliques joined by one edge: every Louvain run finds the cliques, so does the consensus.
    P = nx.barbell_graph(5, 0)
    nx.set_edge_attributes(P, 1.0, "newman")
    P = nx.relabel_nodes(P, str)
    partition = set(_consensus(_key(P), tuple(range(20)), 1.0))
    assert partition == {frozenset("01234"), frozenset("56789")}


def test_rewiring_keeps_task_sizes_and_tasks_per_body():
    import random
    from collections import Counter

    tasks = (("a", "b", "c"), ("a", "d"), ("b", "e"), ("c", "d", "e", "f"), ("f", "a"))
    rewired = _rewired(tasks, random.Random(1))
    assert [len(members) for members in rewired] == [len(members) for members in tasks]
    assert all(len(set(members)) == len(members) for members in rewired)  # no body twice in a task
    assert Counter(b for m in rewired for b in m) == Counter(b for m in tasks for b in m)
    assert [sorted(m) for m in rewired] != [sorted(m) for m in tasks]  # something moved
    # hence every body keeps its Newman strength: 1 per task of two or more bodies it is in
    strength = dict(_projection("abcdef", rewired).degree(weight="newman"))
    assert strength == pytest.approx({"a": 3, "b": 2, "c": 2, "d": 2, "e": 2, "f": 2})


def test_projection_of_memberships_is_the_co_assignment_graph(bundled):
    P = co_assignment_graph(bundled)
    H = _projection(*_memberships(bundled, ("lead", "support", "responsible"), None))
    assert list(H) == list(P)
    assert {frozenset(e) for e in H.edges()} == {frozenset(e) for e in P.edges()}
    assert all(H[u][v]["newman"] == pytest.approx(P[u][v]["newman"]) for u, v in P.edges())


def test_small_plan_structure_is_called_weak(small):
    # Q = 0.28 (worked out in test_small_plan_summary) is below 0.3; every run agrees.
    row = cluster_structure(small, null_samples=20).iloc[0]
    assert row.modularity == pytest.approx(0.28)
    assert (row.clusters, row.distinct_partitions, row.agreement) == (2, 1, 1.0)
    assert row.weak and row.verdict.startswith("Weak cluster structure: modularity Q = 0.280 (below 0.3)")


def test_bundled_plan_structure_is_weak_and_said_so(bundled):
    row = cluster_structure(bundled).iloc[0]
    # the numbers: density ≈ 0.48, Q ≈ 0.06; over seeds 0–49, 12 partitions, the most common 10 of 50
    assert row.density == pytest.approx(0.4803, abs=1e-4)
    assert row.modularity == pytest.approx(0.0655, abs=1e-3)
    fifty = cluster_structure(bundled, n_seeds=50).iloc[0]
    assert (fifty.distinct_partitions, fifty.modal_share) == (12, 0.2)
    assert row.modularity_z == pytest.approx((row.modularity - row.null_mean) / row.null_sd)
    assert row.weak and "Read the clusters with caution" in row.verdict
    summary = cluster_summary(bundled)
    assert (summary.warning == row.verdict).all()
    assert (summary.partition_modularity == row.modularity).all()
    assert summary.modularity.sum() == pytest.approx(row.modularity)
    # the consensus is the default answer, and is the same on every call
    assert coordination_clusters(bundled).equals(coordination_clusters(bundled, method="consensus"))
    with pytest.raises(ValueError, match="unknown clustering method"):
        coordination_clusters(bundled, method="kmeans")


def test_pairs_always_together(bundled):
    shares = co_classification(bundled)
    assert np.allclose(shares.values, shares.values.T) and (np.diag(shares.values) == 1).all()
    pairs = always_together(bundled)
    assert (pairs.together == 1.0).all() and len(pairs) > 0
    for a, b in zip(pairs.body_a, pairs.body_b, strict=True):
        assert shares.loc[a, b] == 1.0
    # a pair always together is in one cluster of the consensus
    cluster = dict(zip(*coordination_clusters(bundled)[["body", "cluster"]].values.T, strict=True))
    assert all(cluster[a] == cluster[b] for a, b in zip(pairs.body_a, pairs.body_b, strict=True))
    # 生态环境厅 and 工业和信息化厅 share 18 tasks and are never apart
    assert ("自治区生态环境厅", "自治区工业和信息化厅", 18) in set(
        zip(pairs.body_a, pairs.body_b, pairs.tasks, strict=True)
    )


def test_a_network_of_two_bodies_has_no_z_score_and_says_why():
    from hbey_graph import parse_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = parse_text(
            "一、主要任务\n（一）交通\n"
            "1. 建设铁路。推进铁路建设。（自治区交通运输厅牵头，自治区发展改革委配合）\n"
        )
    row = cluster_structure(build_graph(plan), null_samples=5).iloc[0]
    # one possible network: every random version is the same pair, Q = 0 with sd 0
    assert (row.nodes, row.clusters, row.null_sd) == (2, 1, 0.0) and np.isnan(row.modularity_z)
    assert row.weak and "no z-score" in row.verdict
