"""Core–periphery (Borgatti–Everett): small networks worked out by hand, and an exhaustive search."""

import warnings
from itertools import product

import networkx as nx
import numpy as np
import pytest

from hbey_graph import load_plan
from hbey_graph.analysis.core_periphery import (
    continuous_core_periphery,
    core_periphery,
    discrete_core_periphery,
)
from hbey_graph.graph import build_graph


def perfect():
    # core a, b, c (a triangle); periphery d, e, f, each tied to every core member and to nothing else
    return nx.Graph([("a", "b"), ("b", "c"), ("a", "c")] + [(p, c) for p in "def" for c in "abc"])


def test_discrete_core_of_a_perfect_core_periphery_network():
    # mixed="ones": Δ = 1 unless both are periphery; the cells are exactly A → r = 1 with core {a, b, c}.
    assert discrete_core_periphery(perfect(), mixed="ones") == (["a", "b", "c"], 1.0)
    # mixed="ignore": only core–core (Δ = 1) and periphery–periphery (Δ = 0) cells count. Moving d
    # into the core keeps every core pair tied (d is tied to a, b, c) and leaves e–f untied: r = 1
    # with a core of four, and no core of five fits perfectly (d–e is not a tie).
    core, fit = discrete_core_periphery(perfect(), mixed="ignore")
    assert fit == pytest.approx(1.0) and len(core) == 4 and {"a", "b", "c"} <= set(core)


def test_discrete_fit_of_a_cycle_by_hand():
    # A 4-cycle a–b–c–d–a, mixed="ones", core {a, c}: Δ is 1 on a–b, b–c, c–d, d–a, a–c and 0 on b–d.
    # Over the six pairs ab, bc, cd, da, ac, bd (each cell counted twice, which does not change r):
    # A = 1,1,1,1,0,0 (mean 2/3) and Δ = 1,1,1,1,1,0 (mean 5/6).
    # Σ(A−Ā)(Δ−Δ̄) = 4·(1/3)(1/6) + (−2/3)(1/6) + (−2/3)(−5/6) = (4 − 2 + 10)/18 = 2/3;
    # Σ(A−Ā)² = 4/9 + 2·4/9 = 4/3;  Σ(Δ−Δ̄)² = 5/36 + 25/36 = 5/6;
    # r = (2/3) / √(4/3 · 5/6) = (2/3) / √(10/9) = 2/√10 ≈ 0.632. {b, d} fits as well.
    core, fit = discrete_core_periphery(nx.cycle_graph("abcd"), mixed="ones")
    assert fit == pytest.approx(2 / np.sqrt(10))
    assert set(core) in ({"a", "c"}, {"b", "d"})


@pytest.mark.parametrize("mixed", ["ignore", "ones"])
def test_hill_climbing_finds_the_exhaustive_optimum(mixed):
    # a random network of 15 nodes with a planted core: the search (50 starts) against all 2^15 partitions
    rng = np.random.default_rng(7)
    n = 15
    core_nodes = set(range(5))
    H = nx.Graph()
    H.add_nodes_from(range(n))
    for i, j in product(range(n), repeat=2):
        if i < j:
            inside = (i in core_nodes) + (j in core_nodes)
            p = {2: 0.8, 1: 0.4, 0: 0.1}[inside]
            if rng.random() < p:
                H.add_edge(i, j)
    searched = discrete_core_periphery(H, mixed=mixed, exhaustive=0)
    exhaustive = discrete_core_periphery(H, mixed=mixed, exhaustive=n)
    assert searched[1] == pytest.approx(exhaustive[1], abs=1e-12)
    assert set(searched[0]) == set(exhaustive[0])


def test_continuous_coreness_recovers_an_exact_pattern():
    # A weighted network with a_ij = c_i c_j for c = (1, 0.5, 0.25, 0.25): the least-squares coreness is c
    # itself (zero residual) and the fit is 1.
    c = {"a": 1.0, "b": 0.5, "x": 0.25, "y": 0.25}
    H = nx.Graph()
    for (u, cu), (v, cv) in product(c.items(), repeat=2):
        if u < v:
            H.add_edge(u, v, weight=cu * cv)
    coreness, fit = continuous_core_periphery(H, weight="weight")
    assert coreness == pytest.approx(c, abs=1e-9)
    assert fit == pytest.approx(1.0)


def test_continuous_coreness_of_the_perfect_network_by_hand():
    # By symmetry core members share a coreness x and periphery members y. The least-squares conditions
    # c_i = Σ_j a_ij c_j / Σ_{j≠i} c_j² read: core x(2x² + 3y²) = 2x + 3y; periphery y(3x² + 2y²) = 3x.
    # With r = y/x: x²(2 + 3r²) = 2 + 3r and x²(3r + 2r³) = 3; dividing, (3r + 2r³)(2 + 3r) = 3(2 + 3r²),
    # i.e. 3r⁴ + 2r³ + 3r − 3 = 0, whose positive root is r ≈ 0.64604.
    coreness, _ = continuous_core_periphery(perfect())
    (r,) = [x.real for x in np.roots([3, 2, 0, 3, -3]) if abs(x.imag) < 1e-12 and x.real > 0]
    assert coreness["a"] == 1.0
    assert coreness["d"] == pytest.approx(r, abs=1e-9)
    assert coreness["b"] == pytest.approx(1.0, abs=1e-9) and coreness["f"] == pytest.approx(r, abs=1e-9)


def test_bundled_plan_core_periphery():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        G = build_graph(load_plan())
    bodies, summary = core_periphery(G)
    assert list(bodies.columns) == ["body", "core", "coreness"]
    assert list(summary.columns) == [
        "network",
        "nodes",
        "core_size",
        "discrete_fit",
        "continuous_fit",
        "mixed",
    ]
    row = summary.iloc[0]
    assert row.nodes == 29 and 2 <= row.core_size < 29
    assert 0 < row.discrete_fit <= 1 and 0 < row.continuous_fit <= 1
    # the body leading most tasks is the most core, and in the discrete core
    assert bodies.loc[0, "body"] == "自治区发展改革委" and bodies.loc[0, "core"]
    # the same seed gives the same answer
    again, _ = core_periphery(G)
    assert again.equals(bodies)
    with pytest.raises(ValueError, match="unknown network"):
        core_periphery(G, network="task × body")
