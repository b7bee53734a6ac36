# ruff: noqa: N806  (B, W, A are incidence matrices)
"""Two-mode networks: incidence matrices, projections and two-mode degree.

igraph's bipartite_projection of the stored task × body network (tests/reference, see
network_measures.R) is the independent reference; small matrices are worked out by hand.
"""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from hbey_graph import load_plan
from hbey_graph.analysis import co_assignment_graph
from hbey_graph.analysis.two_mode import ROLE_WEIGHTS, incidence_matrix, projection_edges, two_mode_degree
from hbey_graph.graph import build_graph

REFERENCE = Path(__file__).parent / "reference"
PLAN = "nmg-2018-55-hbey-plan"


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def pairs(frame: pd.DataFrame) -> dict[frozenset, float]:
    return {frozenset((a, b)): w for a, b, w in zip(frame.a, frame.b, frame.weight, strict=True)}


def test_projections_equal_igraphs_bipartite_projection(bundled):
    expected = pd.read_csv(REFERENCE / "r_projection.csv")
    B = incidence_matrix(bundled)
    bodies = expected[expected.onto == "body"]
    assert pairs(projection_edges(B)) == pairs(bodies)
    tasks = expected[expected.onto == "task"].assign(
        a=lambda f: f.a.str.removeprefix(f"{PLAN}|"), b=lambda f: f.b.str.removeprefix(f"{PLAN}|")
    )
    assert pairs(projection_edges(B, onto="rows")) == pairs(tasks)


def test_two_mode_degree_equals_igraphs(bundled):
    expected = pd.read_csv(REFERENCE / "r_two_mode_degree.csv").set_index("node").degree
    table = two_mode_degree(bundled).set_index("body")
    assert table.tasks.to_dict() == expected.to_dict()
    assert (table.degree_normalized == table.tasks / 38).all()
    # partners: the degree in the co-assignment projection
    P = co_assignment_graph(bundled)
    assert table.partners.to_dict() == dict(P.degree())


def test_incidence_and_projection_by_hand():
    # Tasks t1 = {x lead, y support}, t2 = {x support, y support, z lead}.
    # Binary: x–y share 2 tasks, x–z 1, y–z 1. Role weights lead 2, support 1:
    # x–y = 2·1 (t1) + 1·1 (t2) = 3; x–z = 1·2 = 2; y–z = 1·2 = 2.
    binary = pd.DataFrame([[1, 1, 0], [1, 1, 1]], index=["t1", "t2"], columns=["x", "y", "z"])
    weighted = pd.DataFrame([[2, 1, 0], [1, 1, 2]], index=["t1", "t2"], columns=["x", "y", "z"])
    assert projection_edges(binary).values.tolist() == [["x", "y", 2], ["x", "z", 1], ["y", "z", 1]]
    assert projection_edges(weighted).values.tolist() == [["x", "y", 3], ["x", "z", 2], ["y", "z", 2]]
    assert projection_edges(weighted, min_weight=3).values.tolist() == [["x", "y", 3]]
    # tasks share x and y (binary 2); weighted 2·1 + 1·1 = 3
    assert projection_edges(weighted, onto="rows").values.tolist() == [["t1", "t2", 3]]


def test_incidence_matrices_of_the_bundled_plan(bundled):
    B = incidence_matrix(bundled)
    W = incidence_matrix(bundled, weighted=True)
    A = incidence_matrix(bundled, by="area")
    assert B.shape == W.shape == (38, 29) and A.shape == (6, 29)
    assert set(B.values.ravel()) == {0, 1}
    assert set(W.values.ravel()) <= {0, *ROLE_WEIGHTS.values()}
    # T2.3.1 is led by 文化和旅游厅 (weight 2) and supported by 发展改革委 (weight 1)
    assert (W.at["T2.3.1", "自治区文化和旅游厅"], W.at["T2.3.1", "自治区发展改革委"]) == (2, 1)
    # an area's row counts the tasks of that area naming the body; the areas add up to the tasks
    assert (A.sum() == B.sum()).all()
    assert list(A.index)[:2] == ["优化城市群发展空间布局", "引导产业协同发展"]
    # the binary projection onto bodies is the co-assignment network's shared-task weight
    P = co_assignment_graph(bundled)
    assert pairs(projection_edges(B)) == {frozenset((u, v)): w for u, v, w in P.edges(data="weight")}
    custom = incidence_matrix(bundled, weighted=True, role_weights={"lead": 5, "support": 1})
    assert custom.at["T2.3.1", "自治区文化和旅游厅"] == 5
    with pytest.raises(ValueError, match="by must be"):
        incidence_matrix(bundled, by="city")
