"""Coordination clusters: communities of bodies that work together, and how far to trust them.

Communities are found with the Louvain method (:func:`networkx.community.louvain_communities`)
on the co-assignment projection, weighted by Newman's weights (see
:mod:`hbey_graph.analysis.coordination`). One Louvain run depends on its seed; on a dense network
with weak structure different seeds give different partitions. So the default answer is a
**consensus** over many runs (Lancichinetti and Fortunato 2012):

1. run Louvain with seeds ``seed … seed + n_seeds − 1`` (0 … 99 by default);
2. the co-classification matrix D: D_ij = share of the runs that put i and j in one cluster;
3. keep the pairs with D_ij ≥ 0.5, weighted by D_ij, and run Louvain on that graph with the same
   seeds; repeat from 2 until every run agrees (D is 0 or 1), at most 20 rounds (then the most
   frequent partition of the last round).

(The rounds after the first cluster the agreement graph at resolution 1.) The partition is then
judged three ways (:func:`cluster_structure`): its modularity Q, Q against a degree-preserving
random null (z-score), and how well single runs agree with it (adjusted Rand index). The null
keeps every body's number of tasks and every task's number of bodies (swaps in the task × body
network, then the same projection), hence every body's total weight in the projection. The
structure is called weak when Q < 0.3 (Newman and Girvan's rule of thumb), z < 2 or the agreement
< 0.8; the table, the report and the chart then say so.

On the bundled plan (29 departments, density 0.48) the consensus has 3 clusters with Q = 0.065,
against 0.045 ± 0.009 for random networks (z ≈ 2.2); single runs agree with it at 0.63 and give
15 different partitions in 100 runs: the structure is weak. The 100 runs, the consensus and 50
random networks take about a second and are cached for repeated calls on the same network.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd

from hbey_graph.analysis.coordination import DEPARTMENT_ROLES, co_assignment_graph
from hbey_graph.graph import task_assignments, task_table

__all__ = [
    "WEAK_AGREEMENT",
    "WEAK_MODULARITY",
    "WEAK_Z",
    "always_together",
    "cluster_structure",
    "cluster_summary",
    "co_classification",
    "coordination_clusters",
]

#: Below this modularity the structure is weak (Newman and Girvan 2004: Q above about 0.3
#: indicates significant community structure).
WEAK_MODULARITY = 0.3
#: Below this z-score against the degree-preserving null the structure is weak.
WEAK_Z = 2.0
#: Below this mean adjusted Rand index between single runs and the partition it is weak.
WEAK_AGREEMENT = 0.8

#: Co-classification share from which a pair is kept when the consensus is sought.
_CONSENSUS_THRESHOLD = 0.5
#: Rounds of the consensus before giving up and taking the most frequent partition.
_CONSENSUS_ROUNDS = 20
#: Successful edge swaps per task membership when a null network is drawn.
_SWAPS_PER_EDGE = 5
#: The most edge swaps the null model makes in all (about ten seconds of pure Python): a large
#: plan's task × body network (20,000 tasks: about 80,000 memberships) gets fewer random networks,
#: never fewer than :data:`_MIN_NULL_SAMPLES`, so that its clusters take seconds, not minutes.
_NULL_SWAP_BUDGET = 2_000_000
_MIN_NULL_SAMPLES = 5

#: Number of areas listed in a cluster's ``themes``.
_THEMES = 3

#: Prefixes dropped from body names in cluster labels (``自治区发展改革委`` → ``发展改革委``).
_LABEL_PREFIXES = ("自治区",)


def _partition(P: nx.Graph, seed: int, resolution: float, weight: str = "newman") -> list[frozenset[str]]:
    communities = nx.community.louvain_communities(P, weight=weight, resolution=resolution, seed=seed)
    return [frozenset(community) for community in communities]


_EdgeKey = tuple[tuple[str, ...], tuple[tuple[str, str, float], ...]]


def _key(P: nx.Graph, weight: str = "newman") -> _EdgeKey:
    """A hashable copy of a weighted graph, so that repeated analyses reuse the runs."""
    return tuple(P), tuple((u, v, float(w)) for u, v, w in P.edges(data=weight, default=1.0))


def _graph_of(key: _EdgeKey) -> nx.Graph:
    nodes, edges = key
    P = nx.Graph()
    P.add_nodes_from(nodes)
    P.add_weighted_edges_from(edges, weight="newman")
    return P


def _together(nodes: list[str], partitions: list[list[frozenset[str]]]) -> np.ndarray:
    """Co-classification matrix: share of the partitions that put i and j in one cluster."""
    index = {node: i for i, node in enumerate(nodes)}
    shares = np.zeros((len(nodes), len(nodes)))
    for partition in partitions:
        label = np.empty(len(nodes), dtype=int)
        for c, members in enumerate(partition):
            for node in members:
                label[index[node]] = c
        shares += label[:, None] == label[None, :]
    return shares / len(partitions) if partitions else shares


def _canonical(partition: Iterable[frozenset[str]]) -> frozenset[frozenset[str]]:
    return frozenset(partition)


@lru_cache(maxsize=16)
def _runs(key: _EdgeKey, seeds: tuple[int, ...], resolution: float) -> tuple[list[frozenset[str]], ...]:
    P = _graph_of(key)
    return tuple(_partition(P, seed, resolution) for seed in seeds)


@lru_cache(maxsize=16)
def _consensus(key: _EdgeKey, seeds: tuple[int, ...], resolution: float) -> tuple[frozenset[str], ...]:
    """Lancichinetti–Fortunato consensus of the Louvain runs with `seeds` (see the module docstring)."""
    nodes = list(key[0])
    partitions = list(_runs(key, seeds, resolution))
    for _ in range(_CONSENSUS_ROUNDS):
        shares = _together(nodes, partitions)
        if np.all((shares < 1e-12) | (shares > 1 - 1e-12)):
            return tuple(partitions[0])
        agreed = nx.Graph()
        agreed.add_nodes_from(nodes)
        for i, j in zip(*np.nonzero(np.triu(shares, 1) >= _CONSENSUS_THRESHOLD), strict=True):
            agreed.add_edge(nodes[i], nodes[j], weight=float(shares[i, j]))
        partitions = [_partition(agreed, seed, 1.0, weight="weight") for seed in seeds]
    counts = Counter(_canonical(p) for p in partitions)
    return tuple(max(counts, key=lambda p: (counts[p], -len(p))))


def _adjusted_rand(nodes: list[str], a: list[frozenset[str]], b: list[frozenset[str]]) -> float:
    """Adjusted Rand index (Hubert and Arabie 1985) of two partitions of `nodes`."""
    label_a = {node: i for i, members in enumerate(a) for node in members}
    label_b = {node: i for i, members in enumerate(b) for node in members}
    table = Counter((label_a[node], label_b[node]) for node in nodes)
    rows = Counter(label_a[node] for node in nodes)
    cols = Counter(label_b[node] for node in nodes)

    def pairs(x: int) -> float:
        return x * (x - 1) / 2

    index = sum(pairs(x) for x in table.values())
    sum_rows = sum(pairs(x) for x in rows.values())
    sum_cols = sum(pairs(x) for x in cols.values())
    expected = sum_rows * sum_cols / pairs(len(nodes)) if len(nodes) > 1 else 0.0
    most = (sum_rows + sum_cols) / 2
    if most == expected:
        return 1.0
    return (index - expected) / (most - expected)


_Memberships = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]


def _memberships(G: nx.MultiDiGraph, roles: tuple[str, ...], plan_id: str | None) -> _Memberships:
    """The bodies of the projection and, per task, the distinct bodies it names with `roles`."""
    rows = task_assignments(G, plan_id, roles=roles)
    tasks: dict[tuple[str, str], list[str]] = {}
    for pid, task_id, body in zip(rows.plan_id, rows.task_id, rows.body, strict=True):
        members = tasks.setdefault((pid, task_id), [])
        if body not in members:
            members.append(body)
    bodies = tuple(dict.fromkeys(body for members in tasks.values() for body in members))
    return bodies, tuple(tuple(members) for members in tasks.values())


def _projection(bodies: Iterable[str], tasks: Iterable[Iterable[str]]) -> nx.Graph:
    """Newman-weighted projection of task memberships (as :func:`co_assignment_graph` builds it)."""
    P = nx.Graph()
    P.add_nodes_from(bodies)
    for members in tasks:
        members = list(members)
        if len(members) < 2:
            continue
        share = 1 / (len(members) - 1)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if P.has_edge(a, b):
                    P[a][b]["newman"] += share
                else:
                    P.add_edge(a, b, newman=share)
    return P


def _rewired(tasks: tuple[tuple[str, ...], ...], rng: random.Random) -> list[list[str]]:
    """Random task memberships with the same task sizes and the same number of tasks per body.

    Edge swaps in the task × body network (Maslov–Sneppen, about five successful swaps per
    membership): task s naming a and task t naming b become s naming b and t naming a, never
    naming a body twice in a task. Every task keeps its number of bodies and every body its number
    of tasks, so in the Newman-weighted projection every body keeps its total weight (each task of
    n ≥ 2 bodies adds (n − 1) · 1/(n − 1) = 1 to each of them).
    """
    edges = [(t, body) for t, members in enumerate(tasks) for body in members]
    present = set(edges)
    m = len(edges)
    wanted, done, tries = _SWAPS_PER_EDGE * m, 0, 0
    while m > 1 and done < wanted and tries < 100 * wanted:
        tries += 1
        i, j = rng.randrange(m), rng.randrange(m)
        (s, a), (t, b) = edges[i], edges[j]
        if s == t or a == b or (s, b) in present or (t, a) in present:
            continue
        present.discard((s, a))
        present.discard((t, b))
        present.add((s, b))
        present.add((t, a))
        edges[i], edges[j] = (s, b), (t, a)
        done += 1
    rewired: list[list[str]] = [[] for _ in tasks]
    for t, body in edges:
        rewired[t].append(body)
    return rewired


def _null_sample_count(memberships: _Memberships, wanted: int) -> int:
    """The random networks the null model draws: `wanted`, fewer for a network too large for them all."""
    swaps_per_sample = _SWAPS_PER_EDGE * sum(len(members) for members in memberships[1])
    affordable = _NULL_SWAP_BUDGET // max(swaps_per_sample, 1)
    return max(min(wanted, affordable), min(wanted, _MIN_NULL_SAMPLES))


@lru_cache(maxsize=16)
def _null_modularity(
    memberships: _Memberships, samples: int, seed: int, resolution: float
) -> tuple[float, ...]:
    """Louvain's modularity on `samples` random versions of the projection (see :func:`_rewired`)."""
    bodies, tasks = memberships
    rng = random.Random(seed)
    values = []
    for sample in range(samples):
        random_projection = _projection(bodies, _rewired(tasks, rng))
        partition = _partition(random_projection, seed + sample, resolution)
        values.append(
            nx.community.modularity(random_projection, partition, weight="newman", resolution=resolution)
        )
    return tuple(values)


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


def _chosen(P: nx.Graph, method: str, seed: int, resolution: float, n_seeds: int) -> list[frozenset[str]]:
    if method == "consensus":
        return list(_consensus(_key(P), _seeds(seed, n_seeds), resolution))
    if method == "louvain":
        return _partition(P, seed, resolution)
    raise ValueError(f"unknown clustering method {method!r}: expected 'consensus' or 'louvain'")


def _seeds(seed: int, n_seeds: int) -> tuple[int, ...]:
    if n_seeds < 1:
        raise ValueError(f"n_seeds must be at least 1, not {n_seeds}")
    return tuple(range(seed, seed + n_seeds))


def coordination_clusters(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    method: str = "consensus",
    n_seeds: int = 100,
) -> pd.DataFrame:
    """Assign every body of the co-assignment projection to a cluster.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    seed : int
        First seed: the consensus runs Louvain with seeds ``seed … seed + n_seeds − 1``; the
        ``louvain`` method runs it once with this seed. The same seed gives the same clusters.
    resolution : float
        Louvain resolution γ: above 1 favours smaller clusters, below 1 larger ones.
    roles : iterable of str
        Roles that make a body part of the projection; see
        :func:`hbey_graph.analysis.coordination.co_assignment_graph`.
    plan_id : str, optional
        One plan only; all plans by default.
    method : {"consensus", "louvain"}
        The consensus partition of `n_seeds` Louvain runs (see the module docstring), or the
        partition of one Louvain run.
    n_seeds : int
        Number of Louvain runs of the consensus.

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
    >>> G = build_graph(load_plan())
    >>> clusters = coordination_clusters(G)
    >>> len(clusters), clusters.cluster.nunique()
    (29, 3)
    >>> clusters.equals(coordination_clusters(G))
    True
    """
    roles = tuple(roles)
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    context = _Context(G, roles, plan_id)
    rows: list[dict[str, object]] = []
    partition = _chosen(P, method, seed, resolution, n_seeds)
    for number, members in enumerate(_ordered(partition, context), start=1):
        label = _label(members, context)
        rows.extend({"body": body, "cluster": number, "label": label} for body in members)
    frame = pd.DataFrame(rows, columns=["body", "cluster", "label"])
    return frame.sort_values(["cluster", "body"], ignore_index=True)


def co_classification(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    n_seeds: int = 100,
) -> pd.DataFrame:
    """Share of the Louvain runs that put each pair of bodies in one cluster.

    Parameters are those of :func:`coordination_clusters`; the runs use seeds
    ``seed … seed + n_seeds − 1``.

    Returns
    -------
    pandas.DataFrame
        Body × body matrix (rows and columns in the projection's order, axes named ``body``)
        of shares between 0 and 1; the diagonal is 1.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> D = co_classification(build_graph(load_plan()), n_seeds=10)
    >>> D.shape, float(D.iloc[0, 0])
    ((29, 29), 1.0)
    """
    P = co_assignment_graph(G, roles=tuple(roles), plan_id=plan_id)
    nodes = list(P)
    shares = _together(nodes, list(_runs(_key(P), _seeds(seed, n_seeds), resolution)))
    frame = pd.DataFrame(shares, index=pd.Index(nodes, name="body"), columns=pd.Index(nodes, name="body"))
    return frame


_STRUCTURE_COLUMNS = [
    "nodes",
    "edges",
    "density",
    "method",
    "runs",
    "clusters",
    "modularity",
    "null_mean",
    "null_sd",
    "modularity_z",
    "agreement",
    "distinct_partitions",
    "modal_share",
    "weak",
    "verdict",
]


def cluster_structure(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    method: str = "consensus",
    n_seeds: int = 100,
    null_samples: int = 50,
) -> pd.DataFrame:
    """How strong the cluster structure of the co-assignment projection is: one row.

    Parameters
    ----------
    G, seed, resolution, roles, plan_id, method, n_seeds
        As for :func:`coordination_clusters`.
    null_samples : int
        Number of random networks of the null model; fewer (at least 5) where so many would take
        more than two million edge swaps in all (a plan of many thousand tasks).

    Returns
    -------
    pandas.DataFrame
        One row. Columns:

        - ``nodes``, ``edges``, ``density`` of the projection;
        - ``method`` and ``runs`` (Louvain runs behind the answer);
        - ``clusters``: number of clusters of the partition;
        - ``modularity``: its weighted modularity Q (Newman weights, resolution γ);
        - ``null_mean``, ``null_sd``: mean and standard deviation of the modularity Louvain finds
          (seeds ``seed``, ``seed + 1`` …) on the projections of `null_samples` random task × body
          networks that keep every task's number of bodies and every body's number of tasks
          (edge swaps, see :func:`_rewired`), so that every body keeps its degree in the task ×
          body network and its total Newman weight in the projection;
        - ``modularity_z``: (Q − null_mean) / null_sd;
        - ``agreement``: mean adjusted Rand index between each single run's partition and this
          partition (1 = every run finds it);
        - ``distinct_partitions``: number of different partitions among the runs; ``modal_share``:
          share of the runs giving the most frequent one;
        - ``weak``: Q < :data:`WEAK_MODULARITY`, z < :data:`WEAK_Z` or agreement <
          :data:`WEAK_AGREEMENT`;
        - ``verdict``: one plain sentence saying so, with the numbers.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> row = cluster_structure(build_graph(load_plan())).iloc[0]
    >>> bool(row.weak), int(row.clusters), round(float(row.modularity), 3)
    (True, 3, 0.065)
    """
    roles = tuple(roles)
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    key = _key(P)
    seeds = _seeds(seed, n_seeds)
    partition = _chosen(P, method, seed, resolution, n_seeds)
    nodes = list(P)
    runs = list(_runs(key, seeds, resolution))
    n, m = P.number_of_nodes(), P.number_of_edges()
    q = nx.community.modularity(P, partition, weight="newman", resolution=resolution) if m else float("nan")
    memberships = _memberships(G, roles, plan_id)
    samples = _null_sample_count(memberships, null_samples)
    null = np.array(_null_modularity(memberships, samples, seed, resolution)) if m else np.array([])
    null_mean = float(null.mean()) if len(null) else float("nan")
    null_sd = float(null.std(ddof=1)) if len(null) > 1 else float("nan")
    z = (q - null_mean) / null_sd if null_sd and not np.isnan(null_sd) else float("nan")
    agreement = float(np.mean([_adjusted_rand(nodes, run, partition) for run in runs])) if n else float("nan")
    counts = Counter(_canonical(run) for run in runs)
    weak_q, weak_z, weak_agreement = (
        not q >= WEAK_MODULARITY,
        not z >= WEAK_Z,
        not agreement >= WEAK_AGREEMENT,
    )
    weak = weak_q or weak_z or weak_agreement
    facts = [
        f"modularity Q = {q:.3f}" + (f" (below {WEAK_MODULARITY})" if weak_q else ""),
        (
            f"{z:.1f} standard deviations above random networks with the same degrees"
            + (f" (below {WEAK_Z:g})" if weak_z else "")
            if not np.isnan(z)
            else "no z-score: the modularity of random networks with the same degrees does not vary"
        ),
        f"single Louvain runs agree with the partition at adjusted Rand {agreement:.2f}"
        + (
            f" (below {WEAK_AGREEMENT}; {len(counts)} different partitions in {len(runs)} runs)"
            if weak_agreement
            else ""
        ),
    ]
    if weak:
        verdict = "Weak cluster structure: " + "; ".join(facts) + ". Read the clusters with caution."
    else:
        verdict = "Clear cluster structure: " + "; ".join(facts) + "."
    row = {
        "nodes": n,
        "edges": m,
        "density": nx.density(P) if n > 1 else float("nan"),
        "method": method,
        "runs": n_seeds if method == "consensus" else 1,
        "clusters": len(partition),
        "modularity": q,
        "null_mean": null_mean,
        "null_sd": null_sd,
        "modularity_z": z,
        "agreement": agreement,
        "distinct_partitions": len(counts),
        "modal_share": max(counts.values()) / len(runs) if runs else float("nan"),
        "weak": weak,
        "verdict": verdict,
    }
    return pd.DataFrame([row], columns=_STRUCTURE_COLUMNS)


def always_together(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    n_seeds: int = 100,
    min_share: float = 1.0,
) -> pd.DataFrame:
    """Pairs of bodies that (nearly) every Louvain run puts in one cluster.

    Parameters
    ----------
    G, seed, resolution, roles, plan_id, n_seeds
        As for :func:`co_classification`.
    min_share : float
        Smallest share of runs that must put the pair together; 1.0 (every run) by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``body_a``, ``body_b`` (in the projection's order), ``together`` (share of the
        runs), ``tasks`` (tasks naming both, 0 if none); sorted by together (descending), tasks
        (descending), body_a, body_b.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> pairs = always_together(build_graph(load_plan()))
    >>> bool((pairs.together == 1.0).all())
    True
    """
    P = co_assignment_graph(G, roles=tuple(roles), plan_id=plan_id)
    shares = co_classification(
        G, seed=seed, resolution=resolution, roles=roles, plan_id=plan_id, n_seeds=n_seeds
    )
    nodes = list(shares.index)
    rows = [
        {
            "body_a": nodes[i],
            "body_b": nodes[j],
            "together": float(shares.iat[i, j]),
            "tasks": int(P[nodes[i]][nodes[j]]["weight"]) if P.has_edge(nodes[i], nodes[j]) else 0,
        }
        for i in range(len(nodes))
        for j in range(i + 1, len(nodes))
        if shares.iat[i, j] >= min_share - 1e-12
    ]
    frame = pd.DataFrame(rows, columns=["body_a", "body_b", "together", "tasks"])
    return frame.sort_values(
        ["together", "tasks", "body_a", "body_b"], ascending=[False, False, True, True], ignore_index=True
    )


_SUMMARY_COLUMNS = [
    "cluster",
    "label",
    "size",
    "members",
    "themes",
    "modularity",
    "stability",
    "cohesion",
    "partition_modularity",
    "modularity_z",
    "agreement",
    "warning",
]


def cluster_summary(
    G: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    roles: Iterable[str] = DEPARTMENT_ROLES,
    plan_id: str | None = None,
    method: str = "consensus",
    n_seeds: int = 100,
    null_samples: int = 50,
) -> pd.DataFrame:
    """One row per coordination cluster: members, themes, modularity, stability and a warning.

    Parameters
    ----------
    G, seed, resolution, roles, plan_id, method
        As for :func:`coordination_clusters`.
    n_seeds : int
        Number of Louvain runs (seeds ``seed … seed + n_seeds − 1``) behind the consensus and the
        stability.
    null_samples : int
        Random networks of the null model (see :func:`cluster_structure`).

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
        - ``stability``: how well the cluster is found again by single runs: for each of the
          `n_seeds` runs, the Jaccard similarity |A ∩ B| / |A ∪ B| between the cluster A and the
          cluster B of that run's partition that resembles it most, averaged over the runs;
          1.0 means every run finds exactly this cluster;
        - ``cohesion``: mean share of runs that put two of its members together (the
          co-classification of :func:`co_classification` over the member pairs; 1.0 for a cluster
          of one);
        - ``partition_modularity`` (Q), ``modularity_z`` and ``agreement``: the whole partition's
          values of :func:`cluster_structure`, the same on every row;
        - ``warning``: the verdict of :func:`cluster_structure` when the structure is weak,
          ``""`` otherwise.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> summary = cluster_summary(build_graph(load_plan()))
    >>> list(summary.columns)[:7]
    ['cluster', 'label', 'size', 'members', 'themes', 'modularity', 'stability']
    >>> int(summary["size"].sum())
    29
    >>> summary.warning[0].startswith("Weak cluster structure")
    True
    """
    roles = tuple(roles)
    P = co_assignment_graph(G, roles=roles, plan_id=plan_id)
    context = _Context(G, roles, plan_id)
    partition = _ordered(_chosen(P, method, seed, resolution, n_seeds), context)
    others = list(_runs(_key(P), _seeds(seed, n_seeds), resolution))
    together = _together(list(P), others)
    index = {body: i for i, body in enumerate(P)}
    structure = cluster_structure(
        G,
        seed=seed,
        resolution=resolution,
        roles=roles,
        plan_id=plan_id,
        method=method,
        n_seeds=n_seeds,
        null_samples=null_samples,
    ).iloc[0]
    m = P.size(weight="newman")
    strength = dict(P.degree(weight="newman"))
    rows = []
    for number, members in enumerate(partition, start=1):
        inside = P.subgraph(members).size(weight="newman")
        degree = sum(strength[body] for body in members)
        term = inside / m - resolution * (degree / (2 * m)) ** 2 if m else 0.0
        ids = [index[body] for body in members]
        pairs = together[np.ix_(ids, ids)][np.triu_indices(len(ids), 1)]
        rows.append(
            {
                "cluster": number,
                "label": _label(members, context),
                "size": len(members),
                "members": "、".join(context.rank(members)),
                "themes": "、".join(context.themes(members)[:_THEMES]),
                "modularity": term,
                "stability": _stability(members, others),
                "cohesion": float(pairs.mean()) if len(pairs) else 1.0,
                "partition_modularity": structure.modularity,
                "modularity_z": structure.modularity_z,
                "agreement": structure.agreement,
                "warning": structure.verdict if structure.weak else "",
            }
        )
    return pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)
