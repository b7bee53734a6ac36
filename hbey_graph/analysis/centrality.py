"""Brokerage and centrality of bodies in the co-assignment projection.

All measures are computed on :func:`hbey_graph.analysis.coordination.co_assignment_graph`
(by default the department network, without implementing city governments).
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph

__all__ = ["centrality"]

_COLUMNS = [
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


def centrality(
    G: nx.MultiDiGraph, *, roles: Iterable[str] = DEPARTMENT_ROLES, plan_id: str | None = None
) -> pd.DataFrame:
    """Centrality, structural holes and core membership of every body in the projection.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    roles : iterable of str
        Roles that make a body part of the projection (see
        :func:`hbey_graph.analysis.coordination.co_assignment_graph`).
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        One row per body, sorted by weighted_degree (descending), then body. Columns:

        - ``body``, ``body_type``;
        - ``degree``: number of distinct bodies it shares a task with;
        - ``weighted_degree``: sum of its edge weights (shared tasks, counted once per partner);
        - ``betweenness``: shortest-path betweenness, unweighted, normalised by
          (n−1)(n−2)/2 (:func:`networkx.betweenness_centrality`);
        - ``eigenvector``: eigenvector centrality with the shared-task weights, unit Euclidean
          norm (:func:`networkx.eigenvector_centrality`);
        - ``constraint``: Burt's constraint with the shared-task weights, Σ_j (p_ij + Σ_q p_iq
          p_qj)², p_ij = w_ij / Σ_k w_ik, q over the body's other partners (the values of
          :func:`networkx.constraint` with ``weight="weight"``); NaN for an isolated body;
        - ``effective_size``: Burt's effective size with the shared-task weights, Σ_j (1 − Σ_q
          p_iq m_jq), m_jq = w_jq / max_k w_jk (the values :func:`networkx.effective_size`
          with ``weight="weight"`` gives node by node; its whole-graph path, taken when scipy is
          installed, gives other values for weighted graphs); NaN for an isolated body;
        - ``core_number``: the largest k such that the body is in the k-core;
        - ``in_core``: whether it is in the innermost (main) core, the core of a core–periphery
          reading.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = centrality(build_graph(load_plan()))
    >>> print(table.loc[:1, ["body", "degree", "weighted_degree", "core_number", "in_core"]].to_string())
             body  degree  weighted_degree  core_number  in_core
    0    自治区发展改革委      25              182           14     True
    1  自治区工业和信息化厅      24              155           14     True
    """
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    if P.number_of_nodes() == 0:
        return pd.DataFrame(columns=_COLUMNS)
    betweenness = nx.betweenness_centrality(P, normalized=True)
    eigenvector = _eigenvector(P)
    constraint, effective_size = _structural_holes(P)
    core = nx.core_number(P)
    main_core = max(core.values())
    rows = [
        {
            "body": body,
            "body_type": data.get("body_type", "other"),
            "degree": P.degree(body),
            "weighted_degree": P.degree(body, weight="weight"),
            "betweenness": betweenness[body],
            "eigenvector": eigenvector[body],
            "constraint": constraint[body],
            "effective_size": effective_size[body],
            "core_number": core[body],
            "in_core": core[body] == main_core,
        }
        for body, data in P.nodes(data=True)
    ]
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    return frame.sort_values(["weighted_degree", "body"], ascending=[False, True], ignore_index=True)


def _structural_holes(P: nx.Graph, weight: str = "weight") -> tuple[dict[str, float], dict[str, float]]:
    """Burt's constraint and effective size of every node of an undirected weighted graph.

    The definitions of :func:`networkx.constraint` and :func:`networkx.effective_size` with
    ``weight``: p_ij = w_ij / Σ_k w_ik, m_jq = w_jq / max_k w_jk, constraint Σ_j (p_ij + Σ_q p_iq
    p_qj)², effective size Σ_j (1 − Σ_q p_iq m_jq), j over i's partners, q over i's other partners.
    With the weights as a matrix w (self-loops left out), p and m are w normalised by row sums and
    row maxima, the inner sums are the matrix products p·p and p·mᵀ (a zero diagonal keeps q apart
    from i and j), and both measures sum over the cells where w is non-zero. NaN for a node
    without partners.
    """
    nodes = list(P)
    weights = nx.to_numpy_array(P, nodelist=nodes, weight=weight)
    np.fill_diagonal(weights, 0.0)
    strength = weights.sum(axis=1, keepdims=True)
    heaviest = weights.max(axis=1, keepdims=True) if len(nodes) else strength
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(strength > 0, weights / strength, 0.0)
        m = np.where(heaviest > 0, weights / heaviest, 0.0)
    partners = weights > 0
    constraint_of = np.where(partners, (p + p @ p) ** 2, 0.0).sum(axis=1)
    effective_of = np.where(partners, 1.0 - p @ m.T, 0.0).sum(axis=1)
    isolated = ~partners.any(axis=1)
    constraint_of[isolated] = effective_of[isolated] = np.nan
    return (
        dict(zip(nodes, constraint_of.tolist(), strict=True)),
        dict(zip(nodes, effective_of.tolist(), strict=True)),
    )


def _eigenvector(P: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality, 0 for a graph without edges (where it is undefined)."""
    if P.number_of_edges() == 0:
        return dict.fromkeys(P, 0.0)
    return nx.eigenvector_centrality(P, weight="weight", max_iter=10_000, tol=1e-12)
