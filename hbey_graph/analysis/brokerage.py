"""Gould–Fernandez brokerage roles of bodies in the lead → support network.

A body j brokers when a lead i reaches a supporter k only through it: i → j → k with no tie
i → k. Gould and Fernandez (1989) name the role by the groups of i, j and k:

- ``coordinator`` (w_I): i, j and k all in one group;
- ``itinerant`` (w_O): i and k in one group, the broker j in another;
- ``representative`` (b_IO): i and j in one group, k in another (j speaks for its group);
- ``gatekeeper`` (b_OI): j and k in one group, i in another (j lets the outside in);
- ``liaison`` (b_O): i, j and k in three groups.

The counts, expected values and z-scores are those of R's ``sna::brokerage`` (Butts), whose
code is followed here: a two-path i → j → k (i, j, k distinct) counts only when i → k is absent,
ties are binary, and the null model is a random digraph with the observed density
d = m / N(N−1) (N nodes, m ties), in which the expected count of a role and its variance depend
only on d, N and the sizes of the groups. The tests compare every number with R's.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from hbey_graph.analysis.coordination import coordination_graph
from hbey_graph.graph import body_table

__all__ = ["BROKERAGE_ROLES", "brokerage", "brokerage_roles"]

#: The roles in the order of ``sna::brokerage``'s columns (w_I, w_O, b_IO, b_OI, b_O), then ``total``.
BROKERAGE_ROLES: tuple[str, ...] = (
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
    "total",
)


def brokerage_roles(C: nx.DiGraph, groups: Mapping[str, object]) -> pd.DataFrame:
    """Gould–Fernandez brokerage counts of every node of a directed network.

    Parameters
    ----------
    C : networkx.DiGraph
        The network; edge weights are ignored, self-loops too.
    groups : mapping
        Group of every node of `C`.

    Returns
    -------
    pandas.DataFrame
        One row per node of `C`, in its order: ``body``, ``group``, the counts of
        :data:`BROKERAGE_ROLES` (``total`` is their sum), then ``exp_<role>`` (expected count
        under ``sna``'s null) and ``z_<role>`` ((count − expected) / standard deviation; NaN or
        ±inf where the standard deviation is 0, as in R).

    Raises
    ------
    ValueError
        If a node of `C` has no group.

    Examples
    --------
    A lead a in group X reaches k (group Y) only through j (group X): j is a representative.

    >>> C = nx.DiGraph([("a", "j"), ("j", "k")])
    >>> row = brokerage_roles(C, {"a": "X", "j": "X", "k": "Y"}).set_index("body").loc["j"]
    >>> int(row.representative), int(row.total)
    (1, 1)
    """
    nodes = list(C)
    missing = [node for node in nodes if node not in groups]
    if missing:
        raise ValueError(f"no group for {len(missing)} node(s), e.g. {missing[0]!r}")
    cl = {node: groups[node] for node in nodes}
    succ = {node: {k for k in C.successors(node) if k != node} for node in nodes}
    counts = {node: [0] * 5 for node in nodes}
    for i in nodes:
        for j in succ[i]:
            for k in succ[j]:
                if k == i or k in succ[i]:
                    continue
                if cl[j] == cl[i]:
                    role = 0 if cl[j] == cl[k] else 2  # coordinator, representative
                elif cl[j] == cl[k]:
                    role = 3  # gatekeeper
                elif cl[i] == cl[k]:
                    role = 1  # itinerant
                else:
                    role = 4  # liaison
                counts[j][role] += 1
    expected, sd = _null(nodes, cl, sum(len(s) for s in succ.values()))
    rows = []
    for node in nodes:
        observed = [*counts[node], sum(counts[node])]
        row: dict[str, object] = {"body": node, "group": cl[node]}
        row.update(zip(BROKERAGE_ROLES, observed, strict=True))
        exp, s = expected[cl[node]], sd[cl[node]]
        row.update({f"exp_{role}": float(e) for role, e in zip(BROKERAGE_ROLES, exp, strict=True)})
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (np.array(observed, dtype=float) - exp) / s
        row.update({f"z_{role}": float(value) for role, value in zip(BROKERAGE_ROLES, z, strict=True)})
        rows.append(row)
    columns = [
        "body",
        "group",
        *BROKERAGE_ROLES,
        *(f"exp_{r}" for r in BROKERAGE_ROLES),
        *(f"z_{r}" for r in BROKERAGE_ROLES),
    ]
    return pd.DataFrame(rows, columns=columns)


def _null(
    nodes: list[str], cl: Mapping[str, object], m: int
) -> tuple[dict[object, np.ndarray], dict[object, np.ndarray]]:
    """Expected counts and standard deviations per group, the formulas of ``sna::brokerage``."""
    total = float(len(nodes))
    d = m / (total * (total - 1)) if total > 1 else 0.0
    sizes: dict[object, float] = {}
    for node in nodes:
        sizes[cl[node]] = sizes.get(cl[node], 0.0) + 1
    p = d * d * (1 - d)  # a two-path i → j → k without i → k
    q = d**3 * (1 - d) ** 3
    expected, sd = {}, {}
    for group, n in sizes.items():
        others = np.array([size for g, size in sizes.items() if g != group])
        e = np.zeros(6)
        v = np.zeros(6)
        e[0] = p * (n - 1) * (n - 2)
        v[0] = e[0] * (1 - p) + 2 * (n - 1) * (n - 2) * (n - 3) * q
        e[1] = p * np.sum(others * (others - 1))
        v[1] = e[1] * (1 - p) + 2 * np.sum(others * (others - 1) * (others - 2)) * q
        e[2] = p * (total - n) * (n - 1)
        v[2] = e[2] * (1 - p) + 2 * ((n - 1) * _choose2(total - n) + (total - n) * _choose2(n - 1)) * q
        e[3], v[3] = e[2], v[2]
        e[4] = p * (np.sum(np.outer(others, others)) - np.sum(others**2))
        v[4] = e[4] * (1 - p) + 4 * np.sum(others * _choose2(total - others - n) * q)
        e[5] = p * (total - 1) * (total - 2)
        v[5] = e[5] * (1 - p) + 2 * (total - 1) * (total - 2) * (total - 3) * q
        expected[group], sd[group] = e, np.sqrt(v)
    return expected, sd


def _choose2(x: float | np.ndarray) -> float | np.ndarray:
    """Choose 2 of x as R's ``choose(x, 2)`` gives it for whole x ≥ 0: x(x−1)/2."""
    return x * (x - 1) / 2


def brokerage(
    G: nx.MultiDiGraph,
    *,
    group: str | Mapping[str, object] = "body_type",
    plan_id: str | None = None,
) -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of every body on the lead → support network.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    group : str or mapping
        A column of the bodies table (:func:`hbey_graph.graph.body_table`: ``body_type`` by
        default, ``level`` …) or a mapping from body name to group; a body the mapping leaves out
        is an error.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`brokerage_roles` on
        :func:`~hbey_graph.analysis.coordination.coordination_graph`: ``body``, ``group``,
        ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``, ``liaison``,
        ``total``, then ``exp_*`` and ``z_*`` of each; sorted by total (descending), then body.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> table = brokerage(build_graph(load_plan()))
    >>> table.loc[0, ["body", "group"]].tolist()
    ['自治区发展改革委', 'region_department']
    """
    C = coordination_graph(G, plan_id)
    if isinstance(group, str):
        bodies = body_table(G, plan_id)
        if group not in bodies.columns:
            raise ValueError(
                f"no column {group!r} in the bodies table; expected one of {', '.join(bodies.columns)}"
            )
        groups: Mapping[str, object] = dict(zip(bodies.body, bodies[group], strict=True))
        groups = {body: groups.get(body, "other") or "" for body in C}
    else:
        groups = group
    table = brokerage_roles(C, groups)
    return table.sort_values(["total", "body"], ascending=[False, True], ignore_index=True)
