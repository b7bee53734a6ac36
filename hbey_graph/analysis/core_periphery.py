"""Core–periphery structure (Borgatti and Everett 1999), discrete and continuous.

A network has a core–periphery structure when a set of bodies (the core) is densely tied among
itself and the rest (the periphery) is barely tied among itself. Borgatti and Everett measure
how far a network is from that ideal by the correlation between its adjacency matrix A and an
ideal pattern Δ, over the cells i ≠ j:

- **discrete**: each body is core or periphery; Δ_ij = 1 when i and j are both core, 0 when both
  are periphery. Ties between core and periphery are either left out of the correlation
  (``mixed="ignore"``, Borgatti and Everett's model with the off-diagonal blocks as missing, the
  default) or expected (``mixed="ones"``, Δ_ij = 1 when either is core). The partition is the
  one with the highest correlation, searched by hill-climbing (move one body at a time while the
  correlation rises) from many random starts with a fixed seed; for a network of at most
  ``exhaustive`` bodies every partition is tried;
- **continuous**: each body has a coreness c_i ≥ 0 and Δ_ij = c_i c_j. The coreness minimises
  Σ_{i≠j} (a_ij − c_i c_j)² (the "minres" fit; for a symmetric A it is found by moving every
  c_i halfway towards Σ_j a_ij c_j / Σ_{j≠i} c_j², its best value given the others, until it no
  longer changes); the fit is the correlation
  between A and c cᵀ off the diagonal. Coreness is scaled so that the largest is 1.

Ties are binary by default (a weight only says a tie exists); ``weight=`` uses the weights.
``sna`` and ``igraph`` have no Borgatti–Everett model, so the tests check these functions on
networks worked out by hand and against an exhaustive search.
"""

# ruff: noqa: N803, N806  (A and S are the usual names of adjacency matrices)
from __future__ import annotations

from collections.abc import Iterable
from itertools import product

import networkx as nx
import numpy as np
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph, coordination_graph

__all__ = ["continuous_core_periphery", "core_periphery", "discrete_core_periphery"]

#: Up to this many nodes, :func:`discrete_core_periphery` tries every partition.
_EXHAUSTIVE = 14


def _matrix(H: nx.Graph, weight: str | None) -> np.ndarray:
    values = nx.to_numpy_array(H, nodelist=list(H), weight=weight)
    if not weight:
        values = (values != 0).astype(float)
    np.fill_diagonal(values, 0.0)
    return values


def _correlation(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 2:
        return float("nan")
    x, y = x - x.mean(), y - y.mean()
    denominator = np.sqrt((x * x).sum() * (y * y).sum())
    return float((x * y).sum() / denominator) if denominator else float("nan")


def _fit(A: np.ndarray, core: np.ndarray, mixed: str) -> float:
    """Correlation between A and the ideal pattern of the partition `core` (boolean vector)."""
    n = len(A)
    off = ~np.eye(n, dtype=bool)
    both = core[:, None] & core[None, :]
    if mixed == "ones":
        ideal = core[:, None] | core[None, :]
        cells = off
    else:
        ideal = both
        cells = off & (both | (~core[:, None] & ~core[None, :]))
    return _correlation(A[cells], ideal[cells].astype(float))


def discrete_core_periphery(
    H: nx.Graph,
    *,
    mixed: str = "ignore",
    weight: str | None = None,
    restarts: int = 50,
    seed: int = 0,
    exhaustive: int = _EXHAUSTIVE,
) -> tuple[list[str], float]:
    """The core of the discrete Borgatti–Everett model and its fit.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        The network.
    mixed : {"ignore", "ones"}
        Core–periphery ties left out of the fit, or expected (see the module docstring).
    weight : str, optional
        Edge attribute to use as tie values; binary ties by default.
    restarts : int
        Random starts of the hill-climbing search (more than `exhaustive` nodes).
    seed : int
        Seed of the random starts.
    exhaustive : int
        Try every partition of a network of at most this many nodes.

    Returns
    -------
    (list of str, float)
        The core (in the network's node order) and the correlation it reaches; ties between
        partitions of equal fit go to the larger core (with ``mixed="ignore"`` any two members of
        a perfect core already fit perfectly), then the first found.

    Examples
    --------
    A triangle a, b, c with d and e each tied to a only: the triangle is the core.

    >>> H = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("a", "d"), ("a", "e")])
    >>> core, fit = discrete_core_periphery(H)
    >>> core, round(fit, 6)
    (['a', 'b', 'c'], 1.0)
    """
    if mixed not in ("ignore", "ones"):
        raise ValueError(f"mixed must be 'ignore' or 'ones', not {mixed!r}")
    nodes = list(H)
    n = len(nodes)
    A = _matrix(H, weight)
    best: tuple[float, int] = (-np.inf, 0)
    best_core = np.zeros(n, dtype=bool)

    def consider(core: np.ndarray) -> float:
        nonlocal best, best_core
        value = _fit(A, core, mixed)
        if np.isnan(value):
            return -np.inf
        key = (round(value, 12), int(core.sum()))
        if key > best:
            best, best_core = key, core.copy()
        return value

    if n <= exhaustive:
        for bits in product((False, True), repeat=n):
            consider(np.array(bits, dtype=bool))
    else:
        rng = np.random.default_rng(seed)
        for _ in range(restarts):
            core = rng.random(n) < 0.5
            current = consider(core)
            improved = True
            while improved:
                improved = False
                gains = []
                for i in range(n):
                    core[i] = not core[i]
                    gains.append(consider(core))
                    core[i] = not core[i]
                i = int(np.argmax(gains))
                if gains[i] > current + 1e-12:
                    core[i] = not core[i]
                    current = gains[i]
                    improved = True
    fit = best[0] if np.isfinite(best[0]) else float("nan")
    return [node for node, inside in zip(nodes, best_core, strict=True) if inside], float(fit)


def continuous_core_periphery(
    H: nx.Graph, *, weight: str | None = None, tol: float = 1e-12, max_iter: int = 10_000
) -> tuple[dict[str, float], float]:
    """Coreness of every node in the continuous Borgatti–Everett model, and the fit.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        The network (a directed one is fitted with the symmetric c cᵀ to (A + Aᵀ)/2, which has
        the same least-squares solution as A itself).
    weight : str, optional
        Edge attribute to use as tie values; binary ties by default.
    tol, max_iter
        Stop when no coreness moves by more than `tol`, or after `max_iter` rounds.

    Returns
    -------
    (dict, float)
        Coreness of each node (largest 1; all 0 for a network without ties) and the correlation
        between A and c cᵀ over the cells i ≠ j.

    Examples
    --------
    A star: the centre is the core, the leaves have equal, lower coreness.

    >>> core, fit = continuous_core_periphery(nx.star_graph(3))
    >>> round(core[0], 6), round(core[1], 6) == round(core[3], 6) < 1
    (1.0, True)
    """
    nodes = list(H)
    A = _matrix(H, weight)
    S = (A + A.T) / 2
    n = len(nodes)
    if n < 2 or not S.any():
        return dict.fromkeys(nodes, 0.0), float("nan")
    c = S.sum(axis=1)
    c = c / np.sqrt((c * c).sum())
    for _ in range(max_iter):
        # every c_i moved halfway to its least-squares value given the others, all at once, so that
        # nodes in the same position keep the same coreness whatever their order
        others = (c * c).sum() - c * c
        best = np.divide(S @ c, others, out=np.zeros(n), where=others > 0)
        previous, c = c, np.maximum((c + best) / 2, 0.0)
        if np.max(np.abs(c - previous)) <= tol:
            break
    off = ~np.eye(n, dtype=bool)
    fit = _correlation(A[off], np.outer(c, c)[off])
    top = c.max()
    scaled = c / top if top > 0 else c
    return {node: float(value) for node, value in zip(nodes, scaled, strict=True)}, fit


def core_periphery(
    G: nx.MultiDiGraph,
    *,
    network: str = "co-assignment",
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    mixed: str = "ignore",
    restarts: int = 50,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Core and coreness of every body, and the fit of both models, on one network of the plan.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    network : {"co-assignment", "lead → support"}
        The co-assignment projection (undirected) or the lead → support network (directed).
    roles : iterable of str
        Roles that make a body part of the co-assignment projection.
    plan_id : str, optional
        One plan only; all plans by default.
    mixed, restarts, seed
        As for :func:`discrete_core_periphery`.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        Per body: ``body``, ``core`` (in the discrete core), ``coreness`` (continuous, largest 1),
        sorted by coreness (descending), then body. And one row on the network: ``network``,
        ``nodes``, ``core_size``, ``discrete_fit``, ``continuous_fit``, ``mixed``.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> bodies, fit = core_periphery(build_graph(load_plan()))
    >>> bodies.loc[0, "body"], bool(bodies.loc[0, "core"])
    ('自治区发展改革委', True)
    """
    if network == "co-assignment":
        H: nx.Graph = co_assignment_graph(G, roles=tuple(roles), plan_id=plan_id)
    elif network == "lead → support":
        H = coordination_graph(G, plan_id)
    else:
        raise ValueError(f"unknown network {network!r}: expected 'co-assignment' or 'lead → support'")
    core, discrete_fit = discrete_core_periphery(H, mixed=mixed, restarts=restarts, seed=seed)
    coreness, continuous_fit = continuous_core_periphery(H)
    inside = set(core)
    bodies = pd.DataFrame(
        [{"body": body, "core": body in inside, "coreness": coreness[body]} for body in H],
        columns=["body", "core", "coreness"],
    ).sort_values(["coreness", "body"], ascending=[False, True], ignore_index=True)
    summary = pd.DataFrame(
        [
            {
                "network": network,
                "nodes": H.number_of_nodes(),
                "core_size": len(core),
                "discrete_fit": discrete_fit,
                "continuous_fit": continuous_fit,
                "mixed": mixed,
            }
        ]
    )
    return bodies, summary
