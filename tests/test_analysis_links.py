"""Cross-city links on the small hand-made plan."""

import pytest
from small_plan import small_plan

from hbey_graph.analysis import cross_city_edges, cross_city_matrix, place_links
from hbey_graph.graph import build_graph
from hbey_graph.records import Link

# The small plan's links (see small_plan.LINKS):
#   place  包头市→土默特右旗 chain T1.1.1, 土默特右旗→达拉特旗 chain T1.1.1, 包头市→榆林市 cooperation T1.1.2
#   city   包头市→鄂尔多斯市 chain T1.1.1, 呼和浩特市→包头市 co_implementation T1.1.1 and T2.1.1,
#          包头市→榆林市 cooperation T1.1.2


@pytest.fixture(scope="module")
def small():
    return build_graph(small_plan())


def test_city_edges(small):
    edges = cross_city_edges(small)
    assert list(edges.columns) == ["source", "target", "kind", "tasks", "task_ids"]
    # pairs with source < target by code point (包 U+5305 < 呼 U+547C); tasks descending, then source,
    # target (榆 U+6986 < 鄂 U+9102)
    assert edges.values.tolist() == [
        ["包头市", "呼和浩特市", "co_implementation", 2, "T1.1.1,T2.1.1"],
        ["包头市", "榆林市", "cooperation", 1, "T1.1.2"],
        ["包头市", "鄂尔多斯市", "chain", 1, "T1.1.1"],
    ]
    # as stated
    assert cross_city_edges(small, directed=True).values.tolist()[0] == [
        "呼和浩特市", "包头市", "co_implementation", 2, "T1.1.1,T2.1.1",
    ]
    chains = cross_city_edges(small, kind="chain")
    assert chains.values.tolist() == [["包头市", "鄂尔多斯市", "chain", 1, "T1.1.1"]]


def test_place_edges(small):
    assert cross_city_edges(small, "place").values.tolist() == [
        ["包头市", "土默特右旗", "chain", 1, "T1.1.1"],
        ["包头市", "榆林市", "cooperation", 1, "T1.1.2"],
        ["土默特右旗", "达拉特旗", "chain", 1, "T1.1.1"],
    ]
    # both levels: the cooperation of T1.1.2 is stated at both, but it is one source, target and kind
    both = cross_city_edges(small, None)
    assert len(both) == 5
    cooperation = both[both.kind == "cooperation"]
    assert cooperation.values.tolist() == [["包头市", "榆林市", "cooperation", 1, "T1.1.2"]]


def test_city_matrix(small):
    # distinct linking tasks per pair, either direction: 包头–呼和浩特 {T1.1.1, T2.1.1} = 2, 包头–榆林 1,
    # 包头–鄂尔多斯 1. Row totals 包头 4, 呼和浩特 2, 榆林 1, 鄂尔多斯 1.
    matrix = cross_city_matrix(small)
    assert matrix.index.name == "city"
    assert matrix.columns.tolist() == ["包头市", "呼和浩特市", "榆林市", "鄂尔多斯市"]
    assert matrix.index.tolist() == matrix.columns.tolist()
    assert matrix.values.tolist() == [[0, 2, 1, 1], [2, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]
    # one kind: equal totals, so by name (包 U+5305 < 呼 U+547C)
    only = cross_city_matrix(small, "co_implementation")
    assert only.index.tolist() == ["包头市", "呼和浩特市"]
    assert only.values.tolist() == [[0, 2], [2, 0]]
    # place level
    places = cross_city_matrix(small, level="place")
    assert places.loc["土默特右旗"].to_dict() == {"土默特右旗": 0, "包头市": 1, "达拉特旗": 1, "榆林市": 0}


def test_place_links_table(small):
    table = place_links(small)
    assert table.values.tolist() == [
        ["包头市", "土默特右旗", "chain", "place", "T1.1.1", "推动包头市—土默特右旗—达拉特旗协同发展",
         "city", "banner", "包头市", "包头市"],
        ["土默特右旗", "达拉特旗", "chain", "place", "T1.1.1", "推动包头市—土默特右旗—达拉特旗协同发展",
         "banner", "banner", "包头市", "鄂尔多斯市"],
        ["包头市", "榆林市", "cooperation", "place", "T1.1.2", "支持包头市与榆林市共建蒙陕合作实验区",
         "city", "city", "包头市", "榆林市"],
    ]
    assert len(place_links(small, None)) == 7
    assert place_links(small, "city", kind="co_implementation").task_id.tolist() == ["T1.1.1", "T2.1.1"]


def test_a_pair_stated_both_ways():
    plan = small_plan()
    plan.links.append(Link("榆林市", "包头市", "city", "cooperation", "T2.1.1", "榆林市与包头市合作"))
    G = build_graph(plan)
    cooperation = cross_city_edges(G, kind="cooperation")
    assert cooperation.values.tolist() == [["包头市", "榆林市", "cooperation", 2, "T1.1.2,T2.1.1"]]
    assert cross_city_edges(G, kind="cooperation", directed=True).values.tolist() == [
        ["包头市", "榆林市", "cooperation", 1, "T1.1.2"],
        ["榆林市", "包头市", "cooperation", 1, "T2.1.1"],
    ]
    assert cross_city_matrix(G).loc["包头市", "榆林市"] == 2


def test_bad_level(small):
    with pytest.raises(ValueError, match="unknown link level 'county'"):
        cross_city_edges(small, "county")


def test_plan_without_links():
    plan = small_plan()
    plan.links = []
    G = build_graph(plan)
    assert cross_city_edges(G).empty and list(cross_city_edges(G).columns)[-1] == "task_ids"
    assert cross_city_matrix(G).shape == (0, 0)
    assert place_links(G).empty
