"""Coordination clusters: communities of bodies that work together.

Communities are found with the Louvain method (:func:`networkx.community.louvain_communities`)
on the co-assignment projection, weighted by Newman's weights (see
:mod:`hbey_graph.analysis.coordination`), with a fixed seed so that a run can be repeated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph
from hbey_graph.graph import task_assignments, task_table

__all__ = ["cluster_summary", "coordination_clusters"]

#: Number of areas listed in a cluster's ``themes``.
_THEMES = 3

#: Prefixes dropped from body names in cluster labels (``自治区发展改革委`` → ``发展改革委``).
_LABEL_PREFIXES = ("自治区",)


def _partition(P: nx.Graph, seed: int, resolution: float) -> list[frozenset[str]]:
    communities = nx.community.louvain_communities(P, weight="newman", resolution=resolution, seed=seed)
    return [frozenset(community) for community in communities]


def _short(body: str) -> str:
    for prefix in _LABEL_PREFIXES:
        if body.startswith(prefix) and len(body) > len(prefix):
            return body[len(prefix) :]
    return body


class _Context:
    """What labels and ordering need from the assignments of the bodies in the projection."""

    def __init__(self, G: nx.MultiDiGraph, roles: tuple[str, ...], plan_id: str | None) -> None:
        rows = task_assignments(G, plan_id, roles=roles)
        tasks = task_table(G, plan_id)
        self.area_order = {area: i for i, area in enumerate(dict.fromkeys([*tasks.section, *rows.section]))}
        self.led: Counter[str] = Counter(rows[rows.role == "lead"].body)
        named = rows.drop_duplicates(["plan_id", "task_id", "body"])
        self.named: Counter[str] = Counter(named.body)
        self.first: dict[str, int] = {}
        for rank, body in enumerate(rows.body):
            self.first.setdefault(body, rank)
        leads = rows[rows.role == "lead"]
        self.area_leads: Counter[str] = Counter(leads.section)
        self.led_areas: dict[str, list[str]] = {}
        for body, area in zip(leads.body, leads.section, strict=True):
            self.led_areas.setdefault(body, []).append(area)
        self.areas: dict[str, list[str]] = {}
        for body, area in zip(rows.body, rows.section, strict=True):
            self.areas.setdefault(body, []).append(area)

    def rank(self, members: Iterable[str]) -> list[str]:
        """Members by tasks led, then tasks named in (both descending), then name."""
        return sorted(members, key=lambda body: (-self.led[body], -self.named[body], body))

    def themes(self, members: Iterable[str]) -> list[str]:
        """Areas the members lead in, by the share of the area's tasks they lead, most first.

        Ties go to the area with more such tasks, then to the earlier area. Members that lead
        nothing are described by the areas of the tasks they are named in, most tasks first.
        """
        members = list(members)
        led = Counter(area for body in members for area in self.led_areas.get(body, []))
        if led:
            return sorted(
                led,
                key=lambda area: (-led[area] / self.area_leads[area], -led[area], self.area_order[area]),
            )
        named = Counter(area for body in members for area in self.areas.get(body, []))
        return sorted(named, key=lambda area: (-named[area], self.area_order[area]))


def _ordered(partition: list[frozenset[str]], context: _Context) -> list[frozenset[str]]:
    """Clusters by size (descending), then by their earliest member's first appearance in the plan."""
    return sorted(partition, key=lambda c: (-len(c), min(context.first.get(b, 1 << 30) for b in c)))


def _stability(members: frozenset[str], partitions: list[list[frozenset[str]]]) -> float:
    """Mean over partitions of the best Jaccard similarity between `members` and one of their clusters."""
    if not partitions:
        return float("nan")
    best = [
        max(len(members & other) / len(members | other) for other in partition) for partition in partitions
    ]
    return sum(best) / len(best)


def _label(members: frozenset[str], context: _Context) -> str:
    top = [_short(body) for body in context.rank(members)[:2]]
    themes = context.themes(members)
    names = "、".join(top) + ("等" if len(members) > 2 else "")
    return f"{names}：{themes[0]}" if themes else names


def coordination_clusters(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
) -> pd.DataFrame:
    """Assign every body of the co-assignment projection to a Louvain community.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    seed : int
        Seed of the Louvain method; the same seed gives the same clusters.
    resolution : float
        Louvain resolution γ: above 1 favours smaller clusters, below 1 larger ones.
    roles : iterable of str
        Roles that make a body part of the projection; see
        :func:`hbey_graph.analysis.coordination.co_assignment_graph`.
    plan_id : str, optional
        One plan only; all plans by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``body``, ``cluster`` (1 = largest; equal sizes ordered by the cluster member that
        appears first in the plan) and ``label`` (the cluster's readable label, see
        :func:`cluster_summary`); sorted by cluster, then body.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> clusters = coordination_clusters(build_graph(load_plan()), seed=0)
    >>> len(clusters), clusters.cluster.nunique()
    (29, 3)
    >>> clusters.equals(coordination_clusters(build_graph(load_plan()), seed=0))
    True
    """
    roles = tuple(roles)
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    context = _Context(G, roles, plan_id)
    rows: list[dict[str, object]] = []
    for number, members in enumerate(_ordered(_partition(P, seed, resolution), context), start=1):
        label = _label(members, context)
        rows.extend({"body": body, "cluster": number, "label": label} for body in members)
    frame = pd.DataFrame(rows, columns=["body", "cluster", "label"])
    return frame.sort_values(["cluster", "body"], ignore_index=True)


def cluster_summary(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    n_seeds: int = 20,
) -> pd.DataFrame:
    """One row per coordination cluster: members, themes, modularity and stability.

    Parameters
    ----------
    G, seed, resolution, roles, plan_id
        As for :func:`coordination_clusters`.
    n_seeds : int
        Number of seeds (0 … n_seeds − 1) the stability is measured over.

    Returns
    -------
    pandas.DataFrame
        Columns:

        - ``cluster``, ``label``: as in :func:`coordination_clusters`. The label names the two
          members that lead the most tasks (then: are named in the most tasks; then by name),
          without the ``自治区`` prefix, ``等`` when there are more, and after ``：`` the first of
          ``themes``;
        - ``size``, ``members`` (ranked as for the label, joined with ``、``);
        - ``themes``: up to three areas of the plan that characterise the cluster, joined with
          ``、``: the areas in which its members lead tasks, ranked by the share of the area's
          tasks they lead (then by number of tasks, then plan order); for members that lead
          nothing, the areas of the tasks they are named in, most tasks first. The first one
          ends the label;
        - ``modularity``: the cluster's term of the partition's weighted modularity
          (Newman weights, the same resolution), L_c/m − γ·(d_c/2m)², L_c = weight inside the
          cluster, d_c = its total weighted degree, m = total weight; the rows sum to the
          partition's modularity Q;
        - ``stability``: how well the cluster is found again with other seeds: for each seed
          0 … n_seeds − 1, the Jaccard similarity |A ∩ B| / |A ∪ B| between the cluster A and the
          cluster B of that seed's partition that resembles it most, averaged over the seeds;
          1.0 means every seed finds exactly this cluster.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> summary = cluster_summary(build_graph(load_plan()), seed=0)
    >>> list(summary.columns)
    ['cluster', 'label', 'size', 'members', 'themes', 'modularity', 'stability']
    >>> int(summary["size"].sum())
    29
    """
    roles = tuple(roles)
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    context = _Context(G, roles, plan_id)
    partition = _ordered(_partition(P, seed, resolution), context)
    others = [_partition(P, other, resolution) for other in range(n_seeds)]
    m = P.size(weight="newman")
    strength = dict(P.degree(weight="newman"))
    rows = []
    for number, members in enumerate(partition, start=1):
        inside = P.subgraph(members).size(weight="newman")
        degree = sum(strength[body] for body in members)
        term = inside / m - resolution * (degree / (2 * m)) ** 2 if m else 0.0
        rows.append(
            {
                "cluster": number,
                "label": _label(members, context),
                "size": len(members),
                "members": "、".join(context.rank(members)),
                "themes": "、".join(context.themes(members)[:_THEMES]),
                "modularity": term,
                "stability": _stability(members, others),
            }
        )
    return pd.DataFrame(
        rows, columns=["cluster", "label", "size", "members", "themes", "modularity", "stability"]
    )
