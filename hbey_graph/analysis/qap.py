"""QAP: comparing networks on the same bodies with permutation tests.

Two networks of the same bodies (who co-leads with whom and who co-supports with whom, one plan
and another, …) cannot be compared with ordinary tests, because the cells of an adjacency matrix
are not independent. The quadratic assignment procedure (Krackhardt 1987, 1988) compares the
observed statistic with its distribution when the bodies of one network are relabelled at random
(rows and columns permuted together), which keeps each network's structure.

The statistics are those of R's ``sna``: :func:`qap_correlation` is ``gcor`` under ``qaptest``,
:func:`qap_regression` is ``netlm`` with ``nullhyp="qapy"``. Permutations come from
:func:`numpy.random.default_rng` with a fixed seed, so a run can be repeated; the p-values differ
from R's by the random draw only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["network_matrix", "qap_correlation", "qap_regression"]

NetworkLike = nx.Graph | pd.DataFrame


def network_matrix(
    H: nx.Graph, nodes: Sequence[str] | None = None, *, weight: str | None = "weight"
) -> pd.DataFrame:
    """The adjacency matrix of `H` as a DataFrame, rows and columns labelled by node.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        The network.
    nodes : sequence of str, optional
        Row and column order; a node missing from `H` is an isolate. The nodes of `H` by default.
    weight : str or None
        Edge attribute giving the cell value (1 where it is missing); None for a binary matrix.

    Examples
    --------
    >>> H = nx.DiGraph([("a", "b", {"weight": 2})])
    >>> network_matrix(H, ["a", "b", "c"]).values.tolist()
    [[0, 2, 0], [0, 0, 0], [0, 0, 0]]
    """
    order = list(H) if nodes is None else list(nodes)
    index = {node: i for i, node in enumerate(order)}
    values = np.zeros((len(order), len(order)), dtype=float if weight else int)
    for u, v, data in H.edges(data=True):
        if u not in index or v not in index:
            continue
        value = data.get(weight, 1) if weight else 1
        values[index[u], index[v]] = value
        if not H.is_directed():
            values[index[v], index[u]] = value
    if weight and np.all(values == np.round(values)):
        values = values.astype(int)
    return pd.DataFrame(values, index=order, columns=order)


def _matrices(networks: Iterable[NetworkLike], weight: str | None) -> tuple[list[str], list[np.ndarray]]:
    """Align networks on the union of their nodes (first-seen order) and return float matrices."""
    networks = list(networks)
    nodes: list[str] = []
    for H in networks:
        labels = list(H.index) if isinstance(H, pd.DataFrame) else list(H)
        if isinstance(H, pd.DataFrame) and list(H.index) != list(H.columns):
            raise ValueError("an adjacency matrix needs the same labels on its rows and columns, in order")
        nodes.extend(label for label in labels if label not in nodes)
    matrices = []
    for H in networks:
        frame = H if isinstance(H, pd.DataFrame) else network_matrix(H, nodes, weight=weight)
        matrices.append(frame.reindex(index=nodes, columns=nodes, fill_value=0).to_numpy(dtype=float))
    return nodes, matrices


def _is_directed(networks: Iterable[NetworkLike], matrices: list[np.ndarray]) -> bool:
    graphs = [H for H in networks if isinstance(H, nx.Graph)]
    return any(H.is_directed() for H in graphs) or any(not np.allclose(M, M.T) for M in matrices)


def _cells(n: int, directed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of the cells compared: off-diagonal, or the lower triangle."""
    if directed:
        rows, cols = np.nonzero(~np.eye(n, dtype=bool))
        return rows, cols
    return np.tril_indices(n, -1)


def _correlation(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x - x.mean(), y - y.mean()
    denominator = np.sqrt((x * x).sum() * (y * y).sum())
    return float((x * y).sum() / denominator) if denominator else float("nan")


def qap_correlation(
    x: NetworkLike,
    y: NetworkLike,
    *,
    reps: int = 1000,
    seed: int = 0,
    weight: str | None = "weight",
    directed: bool | None = None,
) -> pd.DataFrame:
    """Correlation between two networks on the same bodies, with a QAP permutation test.

    Parameters
    ----------
    x, y : networkx.Graph or pandas.DataFrame
        The two networks: graphs (aligned on the union of their nodes, a missing node being an
        isolate) or square adjacency matrices labelled by body.
    reps : int
        Number of random relabellings of `y`.
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same p-values.
    weight : str or None
        Edge attribute read from graphs as the tie value; None for binary ties.
    directed : bool, optional
        Compare all off-diagonal cells (directed) or the lower triangle only (undirected; the same
        correlation, half the cells). By default directed if either network is a directed graph or
        an asymmetric matrix.

    Returns
    -------
    pandas.DataFrame
        One row: ``nodes``, ``cells`` (pairs compared), ``correlation`` (Pearson's r of the cells,
        ``sna::gcor`` with ``diag=FALSE``), ``p_greater`` (share of relabellings with r ≥ the
        observed r, ``qaptest``'s ``pgreq``), ``p_less`` (r ≤ observed, ``pleeq``), ``p_abs``
        (|r| ≥ |observed r|), ``reps``, ``seed``, ``perm_mean`` and ``perm_sd`` (mean and standard
        deviation of r under relabelling).

    Examples
    --------
    >>> a = nx.path_graph(["a", "b", "c", "d"])
    >>> round(float(qap_correlation(a, a, reps=10).correlation[0]), 9)
    1.0
    """
    nodes, (xm, ym) = _matrices([x, y], weight)
    directed = _is_directed([x, y], [xm, ym]) if directed is None else directed
    rows, cols = _cells(len(nodes), directed)
    observed = _correlation(xm[rows, cols], ym[rows, cols])
    rng = np.random.default_rng(seed)
    values = xm[rows, cols]
    draws = np.empty(reps)
    for r in range(reps):
        p = rng.permutation(len(nodes))
        draws[r] = _correlation(values, ym[p][:, p][rows, cols])
    return pd.DataFrame(
        [
            {
                "nodes": len(nodes),
                "cells": len(rows),
                "correlation": observed,
                "p_greater": float(np.mean(draws >= observed - 1e-12)),
                "p_less": float(np.mean(draws <= observed + 1e-12)),
                "p_abs": float(np.mean(np.abs(draws) >= abs(observed) - 1e-12)),
                "reps": reps,
                "seed": seed,
                "perm_mean": float(draws.mean()) if reps else float("nan"),
                "perm_sd": float(draws.std(ddof=1)) if reps > 1 else float("nan"),
            }
        ]
    )


def _ols(y: np.ndarray, design: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients and t-values of an ordinary least squares fit."""
    coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = y - design @ coefficients
    dof = len(y) - design.shape[1]
    sigma2 = (residuals @ residuals) / dof if dof > 0 else float("nan")
    covariance = sigma2 * np.linalg.inv(design.T @ design)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = coefficients / np.sqrt(np.diag(covariance))
    return coefficients, t


def qap_regression(
    y: NetworkLike,
    predictors: Mapping[str, NetworkLike],
    *,
    reps: int = 1000,
    seed: int = 0,
    weight: str | None = "weight",
    directed: bool | None = None,
) -> pd.DataFrame:
    """Multiple regression of one network on others, with QAP p-values (``sna::netlm``).

    The cells of `y` (off-diagonal, or the lower triangle when undirected) are regressed by
    ordinary least squares on an intercept and the same cells of each predictor. The p-values
    relabel the bodies of `y` at random (``netlm(..., nullhyp="qapy")``, Krackhardt's QAP for
    regression) and compare the t-values: sna's default, Dekker's semi-partialling (``"qapspp"``),
    permutes predictor residuals instead and can give other p-values when predictors are
    strongly correlated.

    Parameters
    ----------
    y : networkx.Graph or pandas.DataFrame
        The dependent network.
    predictors : mapping of str to network
        Named predictor networks, on the same bodies (aligned as in :func:`qap_correlation`).
    reps, seed, weight, directed
        As for :func:`qap_correlation`.

    Returns
    -------
    pandas.DataFrame
        One row per term (``intercept`` first, then the predictors in order): ``term``,
        ``coefficient``, ``t``, ``p_greater`` (share of relabellings with t ≥ the observed t),
        ``p_less`` (t ≤ observed), ``p_abs`` (|t| ≥ |observed t|); with ``r_squared`` (of the
        model, the same on every row), ``cells``, ``reps`` and ``seed``.

    Examples
    --------
    >>> a = nx.path_graph(["a", "b", "c", "d"])
    >>> fit = qap_regression(a, {"same": a}, reps=10)
    >>> [round(float(c), 9) for c in fit.coefficient]
    [0.0, 1.0]
    """
    names = list(predictors)
    networks = [y, *(predictors[name] for name in names)]
    nodes, matrices = _matrices(networks, weight)
    directed = _is_directed(networks, matrices) if directed is None else directed
    rows, cols = _cells(len(nodes), directed)
    ym = matrices[0]
    design = np.column_stack([np.ones(len(rows)), *(M[rows, cols] for M in matrices[1:])])
    observed_y = ym[rows, cols]
    coefficients, t = _ols(observed_y, design)
    fitted = design @ coefficients
    total = ((observed_y - observed_y.mean()) ** 2).sum()
    r_squared = 1 - ((observed_y - fitted) ** 2).sum() / total if total else float("nan")
    rng = np.random.default_rng(seed)
    draws = np.empty((reps, design.shape[1]))
    for r in range(reps):
        p = rng.permutation(len(nodes))
        draws[r] = _ols(ym[p][:, p][rows, cols], design)[1]
    terms = ["intercept", *names]
    out = []
    for k, term in enumerate(terms):
        column = draws[:, k]
        out.append(
            {
                "term": term,
                "coefficient": float(coefficients[k]),
                "t": float(t[k]),
                "p_greater": float(np.mean(column >= t[k] - 1e-12)),
                "p_less": float(np.mean(column <= t[k] + 1e-12)),
                "p_abs": float(np.mean(np.abs(column) >= abs(t[k]) - 1e-12)),
                "r_squared": float(r_squared),
                "cells": len(rows),
                "reps": reps,
                "seed": seed,
            }
        )
    return pd.DataFrame(out)
