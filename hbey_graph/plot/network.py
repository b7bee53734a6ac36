"""Charts of the coordination network: lead → support arrows and the co-assignment heatmap."""

# ruff: noqa: N806  (C, P, U are the networkx names of graphs)
from __future__ import annotations

import math
import textwrap

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle

from hbey_graph.analysis.clusters import cluster_summary
from hbey_graph.analysis.coordination import co_assignment_graph, coordination_graph
from hbey_graph.plot._labels import place_point_labels
from hbey_graph.plot._style import (
    FigureAxes,
    apply_font,
    body_labels,
    chart_style,
    check_labels,
    finish_axes,
    fit_tick_labels,
    legend_columns,
    marker_path,
    new_axes,
    nothing_to_draw,
    resolve_title,
    text_marker,
)
from hbey_graph.plot.matrix import cell_marks
from hbey_graph.plot.workload import area_labels

__all__ = ["cluster_legend_labels", "plot_co_assignment_heatmap", "plot_coordination_network"]


def _membership(summary: pd.DataFrame) -> dict[str, int]:
    """Body → cluster number from a :func:`cluster_summary` table (members joined with ``、``)."""
    return {
        body: int(row.cluster)
        for row in summary.itertuples()
        for body in str(row.members).split("、")
        if body
    }


def _weak_structure_note(summary: pd.DataFrame, labels: str) -> str:
    """A second title line when the summary warns that the cluster structure is weak, else ``""``.

    Examples
    --------
    >>> summary = pd.DataFrame({"warning": ["Weak …"], "partition_modularity": [0.065],
    ...                         "modularity_z": [2.23], "agreement": [0.63]})
    >>> print(_weak_structure_note(summary, "en").strip())
    ⚠ Weak cluster structure (Q = 0.065, z = 2.2, runs agree at 0.63): read with caution
    """
    if not len(summary) or "warning" not in summary or not str(summary.warning.iloc[0]):
        return ""
    row = summary.iloc[0]
    numbers = f"Q = {row.partition_modularity:.3f}, z = {row.modularity_z:.1f}"
    if labels == "zh":
        return f"\n⚠ 聚类结构较弱（{numbers}，运行间一致性 {row.agreement:.2f}），请谨慎解读"
    return f"\n⚠ Weak cluster structure ({numbers}, runs agree at {row.agreement:.2f}): read with caution"


def _ranked_members(summary: pd.DataFrame) -> list[str]:
    """Every clustered body, cluster by cluster, ranked within its cluster as the summary ranks them."""
    return [body for members in summary.members for body in str(members).split("、") if body]


def cluster_legend_labels(
    G: nx.MultiDiGraph, summary: pd.DataFrame, labels: str = "zh", *, wrap: int | None = None
) -> dict[int, str]:
    """Legend text of each cluster: its number, size and label.

    Chinese uses the cluster's own label (two leading members and its main area); English names
    the two leading members from the reference table and the main area (the first of the
    cluster's ``themes``) by its English title. With `wrap`, a Chinese label breaks after its
    ``：`` and an English one into lines of at most `wrap` characters.

    Examples
    --------
    >>> summary = pd.DataFrame({"cluster": [1], "label": ["商务厅：开放"], "size": [2],
    ...                         "members": ["自治区商务厅、自治区科技厅"]})
    >>> G = nx.MultiDiGraph()
    >>> cluster_legend_labels(G, summary)
    {1: '1 商务厅：开放（2）'}
    """
    check_labels(labels)
    texts = {}
    for row in summary.itertuples():
        if labels == "zh":
            label = str(row.label).replace("：", "：\n", 1) if wrap else row.label
            texts[int(row.cluster)] = f"{row.cluster} {label}（{row.size}）"
            continue
        members = [body for body in str(row.members).split("、") if body]
        names = body_labels(G, members[:2], "en", short=True)
        lead = ", ".join(names[body] for body in members[:2])
        more = " et al." if len(members) > 2 else ""
        themes = [theme for theme in str(getattr(row, "themes", "") or "").split("、") if theme]
        theme = f": {area_labels(G, themes[:1], 'en')[themes[0]]}" if themes else ""
        text = f"{row.cluster} {lead}{more}{theme} ({row.size})"
        if wrap:
            text = "\n".join(textwrap.wrap(text, wrap, subsequent_indent="  "))
        texts[int(row.cluster)] = text
    return texts


def _ring(count: int, spacing: float, minimum: float) -> float:
    """Radius of a ring holding `count` nodes at least `spacing` apart."""
    return max(minimum, count * spacing / (2 * math.pi)) if count > 1 else (minimum if count else 0.0)


def _layout(
    C: nx.DiGraph, summary: pd.DataFrame, tasks_led: dict[str, int], spacing: float = 0.55
) -> dict[str, np.ndarray]:
    """Positions that show the clusters: each cluster a disc, its main lead in the middle.

    Within a cluster the member that leads most sits at the centre, the other members that lead
    tasks on an inner ring and the members that only support on an outer ring, each placed near
    the angle of the member it works with most. The discs are set on a circle, largest first.
    """
    groups = [[b for b in str(members).split("、") if b in C] for members in summary.members]
    clustered = {body for group in groups for body in group}
    groups.append(sorted(body for body in C if body not in clustered))
    groups = [group for group in groups if group]
    U = C.to_undirected()

    local: list[dict[str, np.ndarray]] = []
    radii = []
    for group in groups:
        hub = group[0] if tasks_led.get(group[0], 0) else None
        inner = [b for b in group if b != hub and tasks_led.get(b, 0)]
        outer = [b for b in group if b != hub and not tasks_led.get(b, 0)]
        positions: dict[str, np.ndarray] = {}
        if hub is not None:
            positions[hub] = np.zeros(2)
        r_inner = _ring(len(inner), spacing, 0.6 * spacing if hub or len(inner) > 1 else 0.0)
        angles: dict[str, float] = {}
        for i, body in enumerate(inner):
            angles[body] = math.pi / 2 + 2 * math.pi * i / max(len(inner), 1)
            positions[body] = r_inner * np.array([math.cos(angles[body]), math.sin(angles[body])])
        r_outer = max(_ring(len(outer), spacing, 0.0), r_inner + spacing) if outer else r_inner

        def preferred(body: str, angles: dict[str, float] = angles) -> float:
            neighbours = [(U[body][n].get("weight", 1), angles[n]) for n in U[body] if n in angles]
            if not neighbours:
                return math.pi / 2
            x = sum(w * math.cos(a) for w, a in neighbours)
            y = sum(w * math.sin(a) for w, a in neighbours)
            return math.atan2(y, x) if x or y else math.pi / 2

        wanted = sorted(outer, key=lambda body: (preferred(body) % (2 * math.pi), body))
        if wanted:
            step = 2 * math.pi / len(wanted)
            mean_shift = math.atan2(
                sum(math.sin(preferred(b) - i * step) for i, b in enumerate(wanted)),
                sum(math.cos(preferred(b) - i * step) for i, b in enumerate(wanted)),
            )
            for i, body in enumerate(wanted):
                angle = mean_shift + i * step
                positions[body] = r_outer * np.array([math.cos(angle), math.sin(angle)])
        if len(group) == 1:
            positions[group[0]] = np.zeros(2)
        local.append(positions)
        radii.append(max(r_outer, r_inner, 0.3 * spacing))

    pos: dict[str, np.ndarray] = {}
    k = len(groups)
    gap = 1.1 * spacing
    if k == 1:
        centres = [np.zeros(2)]
    else:
        distance = max((radii[i] + radii[(i + 1) % k] + gap) / (2 * math.sin(math.pi / k)) for i in range(k))
        centres = [
            distance * np.array([math.cos(angle), math.sin(angle)])
            for angle in (math.pi * (0.75 + 2 * i / k) for i in range(k))
        ]
    for centre, positions in zip(centres, local, strict=True):
        for body, offset in positions.items():
            pos[body] = centre + offset
    return pos


def plot_coordination_network(
    G: nx.MultiDiGraph,
    *,
    summary: pd.DataFrame | None = None,
    min_weight: int = 1,
    seed: int = 0,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """The lead → support network: arrows weighted by shared tasks, nodes coloured by cluster.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    summary : pandas.DataFrame, optional
        The result of :func:`hbey_graph.analysis.clusters.cluster_summary` if already computed
        (members of each cluster, joined with ``、``); computed with `seed` otherwise.
    min_weight : int
        Draw only arrows of at least this many shared tasks (every body is drawn regardless).
    seed : int
        Seed of the clusters when computed here.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese short names or English names from the reference table.
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches; markers and arrows shrink with a figure smaller than
        the default 12 × 10.5.
    fontsize : float, optional
        Base font size in points; matplotlib's ``font.size`` by default.
    style : {"color", "gray"}
        One colour per cluster, or grays with one marker shape per cluster.

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. Nodes are one scatter collection (gid ``nodes``, one point per body, area by
        tasks led);
        each arrow is a patch with gid ``edge`` whose label is ``"lead→support"`` and whose line
        width grows with the shared tasks; node labels are annotations with gid ``label``.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> fig, ax = plot_coordination_network(build_graph(load_plan()))
    >>> len(ax.collections[0].get_offsets())
    29
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    C = coordination_graph(G)
    if C.number_of_nodes() == 0:
        return nothing_to_draw(ax, figsize, look, labels)
    summary = cluster_summary(G, seed=seed) if summary is None else summary
    membership = _membership(summary)
    nodes = sorted(C, key=lambda body: (membership.get(body, 1 << 20), body))
    tasks_led = dict.fromkeys(C, 0)
    for body, _, key in G.edges(keys=True):
        if key == "LEADS" and G.nodes[body]["name"] in tasks_led:
            tasks_led[G.nodes[body]["name"]] += 1
    pos = _layout(C, summary, tasks_led)

    default_size = (12, 10.5) if labels == "zh" else (14, 12.5)
    fig, ax = new_axes(ax, figsize, default_size, pad=0.12 * min(look.scale, 1))
    # markers are sized for the default 12 × 10.5 in figure: a smaller one gets smaller markers
    shrink = min(1.0, *(fig.get_size_inches() / np.array(default_size)))
    xy = np.array([pos[body] for body in nodes])
    sizes = np.array([60 + 70 * tasks_led[body] for body in nodes], dtype=float) * shrink**2
    colours = [look.cluster_colour(membership.get(body)) for body in nodes]
    scatter = ax.scatter(
        xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="white", linewidths=1.0 * shrink, zorder=3
    )
    if look.gray:  # one shape per cluster: clusters stay apart without colour
        scatter.set_paths([marker_path(look.cluster_marker(membership.get(body))) for body in nodes])
    scatter.set_gid("nodes")
    radius_pt = {body: math.sqrt(size) / 2 for body, size in zip(nodes, sizes, strict=True)}

    edges = [(a, b, d["weight"]) for a, b, d in C.edges(data=True) if d["weight"] >= min_weight]
    heaviest = max((w for *_, w in edges), default=1)
    for a, b, weight in sorted(edges, key=lambda e: e[2]):
        width = (0.4 + 3.6 * (weight - 1) / max(heaviest - 1, 1)) * shrink
        arrow = FancyArrowPatch(
            pos[a],
            pos[b],
            arrowstyle="-|>",
            mutation_scale=(6 + 2 * width) * max(shrink, 0.5),
            linewidth=width,
            color=look.cluster_colour(membership.get(a)),
            alpha=0.45,
            connectionstyle="arc3,rad=0.12",
            shrinkA=radius_pt[a] + 1,
            shrinkB=radius_pt[b] + 1,
            zorder=2,
        )
        arrow.set_gid("edge")
        arrow.set_label(f"{a}→{b}")
        ax.add_patch(arrow)

    span = np.ptp(xy, axis=0) if len(xy) > 1 else np.ones(2)
    margin = 0.12 * np.maximum(span, 1e-6)
    ax.set_xlim(xy[:, 0].min() - margin[0], xy[:, 0].max() + margin[0])
    ax.set_ylim(xy[:, 1].min() - margin[1], xy[:, 1].max() + margin[1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()

    names = body_labels(G, nodes, labels, short=True, wrap=22)
    unwrapped = cluster_legend_labels(G, summary, labels)
    columns, line = legend_columns(fig, look, unwrapped.values(), most=2)
    narrow = any(len(text) * (2 if labels == "zh" else 1) > line for text in unwrapped.values())
    cluster_texts = cluster_legend_labels(G, summary, labels, wrap=line if narrow else None)
    drawn_clusters = {membership.get(body) for body in nodes}
    handles: list = [
        Line2D(
            [],
            [],
            marker=look.cluster_marker(number),
            linestyle="",
            markersize=look.points(9),
            markerfacecolor=look.cluster_colour(number),
            markeredgecolor="none",
            label=text,
        )
        for number, text in sorted(cluster_texts.items())
        if number in drawn_clusters  # the legend names only what is drawn
    ]
    if None in drawn_clusters:
        none = "未聚类" if labels == "zh" else "no cluster"
        handles.append(Patch(facecolor=look.cluster_colour(None), label=none))
    for weight in sorted({1, (heaviest + 1) // 2, heaviest} if edges else set()):
        width = (0.4 + 3.6 * (weight - 1) / max(heaviest - 1, 1)) * shrink
        plural = "s" if weight > 1 else ""
        text = f"共同任务 {weight} 项" if labels == "zh" else f"{weight} shared task{plural}"
        handles.append(Line2D([], [], color="#777777", linewidth=width, label=text))
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        frameon=False,
        prop=look.font(9),
        ncols=columns,
        title="协调集群（成员数）与牵头→配合连线"
        if labels == "zh"
        else "Coordination clusters (members) and lead → support arrows",
        title_fontproperties=look.font(9.5),
        alignment="left",
    )
    default = (
        "牵头单位→配合单位协调网络" if labels == "zh" else "Coordination network: lead → supporting body"
    )
    text = resolve_title(title, default)
    note = _weak_structure_note(summary, labels) if text else ""
    ax.set_title(text + note, loc="left", fontproperties=look.font(12))
    apply_font(ax)

    importance = sorted(range(len(nodes)), key=lambda i: (-sizes[i], nodes[i]))
    place_point_labels(
        ax,
        [tuple(p) for p in xy],
        [names[body] for body in nodes],
        radii=[radius_pt[body] for body in nodes],
        fontproperties=[look.font(9 if tasks_led[body] else 8) for body in nodes],
        order=importance,
        gap=look.points(1.5),
    )
    return FigureAxes((fig, ax))


def plot_co_assignment_heatmap(
    G: nx.MultiDiGraph,
    *,
    summary: pd.DataFrame | None = None,
    weight: str = "tasks",
    seed: int = 0,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """Heatmap of the co-assignment projection, bodies ordered by coordination cluster.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    summary : pandas.DataFrame, optional
        The result of :func:`hbey_graph.analysis.clusters.cluster_summary` if already computed.
    weight : {"tasks", "newman"}
        Shared tasks (raw weight) or Newman's weight (each task counts 1/(n−1)).
    seed : int
        Seed of the clusters when computed here.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese short names or English names from the reference table.
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches.
    fontsize : float, optional
        Base font size in points; matplotlib's ``font.size`` by default.
    style : {"color", "gray"}
        A blue colour map and coloured cluster outlines, or grays (outlines dashed by cluster).

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. The image (``ax.images[0]``) holds the symmetric matrix, rows and columns
        in cluster order (the tick labels name them); each cluster is outlined by a rectangle
        with gid ``cluster`` and its tick labels take the cluster's colour. With
        ``weight="tasks"`` the counts are written in the cells: one collection per count with gid
        ``count:<n>``, sized in cells.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> fig, ax = plot_co_assignment_heatmap(build_graph(load_plan()))
    >>> ax.images[0].get_array().shape
    (29, 29)
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    if weight not in ("tasks", "newman"):
        raise ValueError(f"weight must be 'tasks' or 'newman', not {weight!r}")
    P = co_assignment_graph(G)
    if P.number_of_nodes() == 0:
        return nothing_to_draw(ax, figsize, look, labels)
    summary = cluster_summary(G, seed=seed) if summary is None else summary
    membership = _membership(summary)
    order = [body for body in _ranked_members(summary) if body in P]
    order += sorted(body for body in P if body not in membership)
    attribute = "weight" if weight == "tasks" else "newman"
    matrix = nx.to_numpy_array(P, nodelist=order, weight=attribute)
    n = len(order)

    default_size = (11.5, 10.5) if labels == "zh" else (13, 12)
    fig, ax = new_axes(ax, figsize, default_size, pad=0.12 * min(look.scale, 1))
    masked = np.ma.masked_where(matrix == 0, matrix)
    image = ax.imshow(
        masked, cmap=look.cmap("Blues"), vmin=0, vmax=max(matrix.max(), 1e-9), interpolation="nearest"
    )
    image.set_array(masked)
    if weight == "tasks":
        top = matrix.max() if n else 0
        for value in np.unique(matrix[matrix > 0]):
            rows, cols = np.nonzero(matrix == value)
            text = f"{value:g}"
            numbers = cell_marks(
                ax,
                np.column_stack([cols, rows]).astype(float),
                text_marker(text),
                size=0.36 * min(len(text), 2),
                colour="white" if value > 0.55 * top else "#333333",
                zorder=3,
                y_down=True,
            )
            numbers.set_gid(f"count:{value:g}")
    names = body_labels(G, order, labels, short=True)
    colours = [look.cluster_colour(membership.get(body)) for body in order]
    ax.set_xticks(range(n), [names[b] for b in order], rotation=90, fontproperties=look.font(8))
    ax.set_yticks(range(n), [names[b] for b in order], fontproperties=look.font(8))
    for ticks in (ax.get_xticklabels(), ax.get_yticklabels()):
        for tick, colour in zip(ticks, colours, strict=True):
            tick.set_color(colour)
    start = 0
    for row in summary.itertuples():
        size = sum(1 for body in str(row.members).split("、") if body in P)
        if size:
            box = Rectangle(
                (start - 0.5, start - 0.5),
                size,
                size,
                fill=False,
                linewidth=1.6 * min(look.scale, 1),
                edgecolor=look.cluster_colour(int(row.cluster)),
                linestyle=_GRAY_OUTLINES[(int(row.cluster) - 1) % len(_GRAY_OUTLINES)] if look.gray else "-",
                zorder=3,
            )
            box.set_gid("cluster")
            ax.add_patch(box)
        start += size
    ax.set_xticks(np.arange(-0.5, n), minor=True)
    ax.set_yticks(np.arange(-0.5, n), minor=True)
    ax.grid(which="minor", color="#eeeeee", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    ax.tick_params(which="major", length=2)
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.6, pad=0.01)
    if weight == "tasks":
        colorbar.ax.yaxis.get_major_locator().set_params(integer=True)
    columns, line = legend_columns(fig, look, cluster_legend_labels(G, summary, labels).values(), most=3)
    handles = [
        Patch(
            facecolor="none",
            edgecolor=look.cluster_colour(number),
            linewidth=1.6 * min(look.scale, 1),
            linestyle=_GRAY_OUTLINES[(number - 1) % len(_GRAY_OUTLINES)] if look.gray else "-",
            label=text,
        )
        for number, text in sorted(cluster_legend_labels(G, summary, labels, wrap=min(line, 34)).items())
        if any(membership.get(body) == number for body in order)
    ]
    legend = ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.005),
        frameon=False,
        prop=look.font(8.5),
        ncols=max(1, min(len(handles), columns)),
        borderaxespad=0.0,
        handlelength=1.2,
        columnspacing=1.5,
    )
    bar_label = {
        ("zh", "tasks"): "共同参与的任务数",
        ("zh", "newman"): "Newman 权重",
        ("en", "tasks"): "Tasks shared",
        ("en", "newman"): "Newman weight",
    }[labels, weight]
    colorbar.set_label(bar_label, fontproperties=look.font(9))
    finish_axes(look, ax, colorbar.ax)
    ax.tick_params(which="minor", length=0)
    colorbar.ax.tick_params(labelsize=look.points(10))
    default = (
        "部门共同参与矩阵（按协调集群排序）"
        if labels == "zh"
        else "Co-assignment of bodies, ordered by cluster"
    )
    apply_font(ax, colorbar.ax)
    # The cluster legend sits between the axes and the title: lift the title above it.
    root = getattr(ax.figure, "figure", None) or ax.figure
    height = legend.get_window_extent(root._get_renderer()).height * 72.0 / root.dpi
    text = resolve_title(title, default)
    note = _weak_structure_note(summary, labels) if text else ""
    pad = height + look.points(8) if text else 0
    ax.set_title(text + note, loc="left", fontproperties=look.font(12), pad=pad)
    if figsize is not None:
        fit_tick_labels(ax)
    return FigureAxes((fig, ax))


#: Line styles of the cluster outlines in the grayscale style (cluster 1 first).
_GRAY_OUTLINES = ("-", (0, (4, 1.5)), (0, (1, 1)), (0, (4, 1, 1, 1)), (0, (6, 2, 1, 2, 1, 2)))
