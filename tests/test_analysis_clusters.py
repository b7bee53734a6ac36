"""Coordination clusters: Louvain communities, labels, modularity and stability."""

import warnings

import networkx as nx
import pytest
from small_plan import BAOTOU, HOHHOT, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import cluster_summary, co_assignment_graph, coordination_clusters
from hbey_graph.analysis.clusters import _stability
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
        "cluster", "label", "size", "members", "themes", "modularity", "stability",
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
