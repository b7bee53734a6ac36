"""Charts of who carries the plan: workload bars and the area × lead heatmap."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from hbey_graph.analysis.workload import area_lead_table, lead_workload
from hbey_graph.graph import nodes_of_kind
from hbey_graph.names import section_titles_en
from hbey_graph.plot._style import (
    FigureAxes,
    apply_font,
    body_labels,
    chart_style,
    check_labels,
    finish_axes,
    fit_tick_labels,
    new_axes,
    nothing_to_draw,
    resolve_title,
)

__all__ = ["area_labels", "plot_area_lead_heatmap", "plot_lead_workload", "section_titles_en"]

#: Workload columns drawn as bar segments, with their role (for the colour) and legend names.
_SEGMENTS = (
    ("led", "lead", "牵头", "led"),
    ("supported", "support", "配合", "supported"),
    ("implemented", "implementer", "实施", "implemented"),
    ("responsible", "responsible", "负责", "responsible"),
)


def plot_lead_workload(
    G: nx.MultiDiGraph,
    *,
    workload: pd.DataFrame | None = None,
    top: int | None = None,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """Stacked horizontal bars: tasks each body leads, supports and implements.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    workload : pandas.DataFrame, optional
        The result of :func:`hbey_graph.analysis.workload.lead_workload` if already computed.
    top : int, optional
        Only the first `top` bodies of the workload table (most tasks led); all by default.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese names as written, or English names from the reference table.
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches (by default as tall as the bodies need).
    fontsize : float, optional
        Base font size in points (every text scales with it); matplotlib's ``font.size`` by
        default.
    style : {"color", "gray"}
        Colours, or grays with hatched bars for printing in black and white.

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. One bar container per role some body holds (``led``, ``supported``,
        ``implemented``, ``responsible``), labelled with the column name; the legend lists those
        only. Bodies top to bottom by tasks led, then by all tasks (both descending), then by name.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> fig, ax = plot_lead_workload(build_graph(load_plan()), top=5)
    >>> [container.get_label() for container in ax.containers]  # none of the five implements
    ['led', 'supported']
    >>> [text.get_text() for text in ax.get_legend().get_texts()]
    ['牵头', '配合']
    >>> [float(bar.get_width()) for bar in ax.containers[0]]
    [10.0, 5.0, 4.0, 4.0, 2.0]
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    frame = lead_workload(G) if workload is None else workload
    if frame.empty:
        return nothing_to_draw(ax, figsize, look, labels)
    total = sum(frame[column] for column, *_ in _SEGMENTS if column in frame)
    frame = frame.assign(_total=total).sort_values(
        ["led", "_total", "body"], ascending=[False, False, True], kind="stable", ignore_index=True
    )
    if top is not None:
        frame = frame.head(top)
    names = body_labels(G, frame.body, labels, short=labels == "en")
    fig, ax = new_axes(ax, figsize, (9, 1.4 + 0.3 * len(frame)), pad=0.12 * min(look.scale, 1))
    y = np.arange(len(frame))
    left = np.zeros(len(frame))
    for column, role, _, _ in _SEGMENTS:
        if column not in frame or not frame[column].any():
            continue  # a role nobody holds is neither drawn nor listed in the legend
        values = frame[column].to_numpy(dtype=float)
        bars = ax.barh(
            y,
            values,
            left=left,
            height=0.72,
            color=look.role_colour(role),
            hatch=look.role_hatch(role),
            edgecolor="white" if not look.gray else "#ffffff",
            linewidth=0.5,
            label=column,
        )
        dark = role == "lead"
        # on hatched gray bars a number sits on a small white box
        boxed = look.gray and not dark
        for text in ax.bar_label(
            bars,
            labels=[f"{v:g}" if v >= 1 else "" for v in values],
            label_type="center",
            fontproperties=look.font(7),
            color="white" if dark else "#222222",
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none"} if boxed else None,
        ):
            text.set_in_layout(False)
        left += values
    ax.set_yticks(y, [names[body] for body in frame.body], fontproperties=look.font(8.5))
    ax.set_ylim(len(frame) - 0.4, -0.6)
    ax.set_xlim(0, max(left.max(), 1) * 1.04)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("任务数" if labels == "zh" else "Number of tasks", fontproperties=look.font(9))
    legend_names = {column: zh if labels == "zh" else en for column, _, zh, en in _SEGMENTS}
    handles, columns = ax.get_legend_handles_labels()
    # Bodies are sorted by tasks, most first: the lower right of the axes is free for the legend,
    # which then never meets the title above, however long the title is.
    ax.legend(
        handles,
        [legend_names[c] for c in columns],
        loc="lower right",
        frameon=False,
        prop=look.font(9),
        ncols=1,
        borderaxespad=0.4,
    )
    drawn = [legend_names[c] for c in columns]
    default = (
        "各单位承担的任务：" + "、".join(drawn) if labels == "zh" else "Tasks per body: " + ", ".join(drawn)
    )
    ax.set_title(resolve_title(title, default), loc="left", fontproperties=look.font(12))
    finish_axes(look, ax)
    apply_font(ax)
    if figsize is not None:
        fit_tick_labels(ax, "y")
    return FigureAxes((fig, ax))


def area_labels(G: nx.MultiDiGraph, areas: Sequence[str], labels: str = "zh") -> dict[str, str]:
    """Display names of the plan's areas (the （一）… sections).

    Chinese: the area title. English: the title's translation in ``data/section_titles_en.csv``
    (:func:`hbey_graph.names.section_titles_en`), or ``"Area n"`` by the area's number in the
    outline for a title that has none.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> area_labels(build_graph(load_plan()), ["引导产业协同发展"], "en")
    {'引导产业协同发展': 'Coordinated industrial development'}
    """
    check_labels(labels)
    if labels == "zh":
        return {area: area for area in areas}
    english = section_titles_en()
    numbers: dict[str, int] = {}
    for _, data in nodes_of_kind(G, "Section"):
        if data.get("level") == 2 and data.get("title") in areas:
            numbers.setdefault(data["title"], int(str(data["key"]).rsplit(".", 1)[-1]))
    return {
        area: english.get(area) or (f"Area {numbers[area]}" if area in numbers else area) for area in areas
    }


def plot_area_lead_heatmap(
    G: nx.MultiDiGraph,
    *,
    table: pd.DataFrame | None = None,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """Heatmap of tasks led per area of the plan (rows) and lead body (columns), counts written in.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    table : pandas.DataFrame, optional
        The result of :func:`hbey_graph.analysis.workload.area_lead_table` if already computed.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese area titles and body names, or English ones (:func:`area_labels`).
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches.
    fontsize : float, optional
        Base font size in points; matplotlib's ``font.size`` by default.
    style : {"color", "gray"}
        A red colour map, or a gray one.

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. The image holds the table's counts (``ax.images[0].get_array()``);
        every non-zero count is written in its cell (text artists with gid ``count``).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> fig, ax = plot_area_lead_heatmap(build_graph(load_plan()))
    >>> ax.images[0].get_array().shape
    (6, 16)
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    frame = area_lead_table(G) if table is None else table
    if frame.empty:
        return nothing_to_draw(ax, figsize, look, labels)
    counts = frame.to_numpy(dtype=float)
    n_rows, n_cols = counts.shape
    width = 3.0 + 0.5 * n_cols + (1.5 if labels == "en" else 0)
    default_size = (max(width, 7.0), 2.6 + 0.45 * n_rows + (1.2 if labels == "zh" else 2.6))
    fig, ax = new_axes(ax, figsize, default_size, pad=0.12 * min(look.scale, 1))
    image = ax.imshow(counts, cmap=look.cmap("Reds"), vmin=0, vmax=max(counts.max(), 1), aspect="auto")
    top = counts.max() if counts.size else 0
    for (row, col), value in np.ndenumerate(counts):
        if value:
            text = ax.text(
                col,
                row,
                f"{value:g}",
                ha="center",
                va="center",
                fontproperties=look.font(9),
                color="white" if value > 0.55 * top else "#222222",
            )
            text.set_gid("count")
            text.set_in_layout(False)
    names = body_labels(G, frame.columns, labels, short=True)
    ax.set_xticks(
        range(n_cols),
        [names[body] for body in frame.columns],
        rotation=45,
        ha="right",
        rotation_mode="anchor",
        fontproperties=look.font(8.5),
    )
    areas = area_labels(G, list(frame.index), labels)
    ax.set_yticks(range(n_rows), [areas[area] for area in frame.index], fontproperties=look.font(9))
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
    colorbar.set_label("牵头任务数" if labels == "zh" else "Tasks led", fontproperties=look.font(9))
    colorbar.ax.yaxis.get_major_locator().set_params(integer=True)
    colorbar.ax.tick_params(labelsize=look.points(10))
    default = "各领域的牵头单位" if labels == "zh" else "Lead bodies by area of the plan"
    ax.set_title(resolve_title(title, default), loc="left", fontproperties=look.font(12))
    finish_axes(look, ax, colorbar.ax)
    ax.tick_params(which="minor", length=0)
    apply_font(ax, colorbar.ax)
    if figsize is not None:
        fit_tick_labels(ax)
    return FigureAxes((fig, ax))
