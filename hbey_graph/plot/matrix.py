"""The responsibility matrix as a chart: tasks down, bodies across, a marker for each role."""

from __future__ import annotations

import networkx as nx
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.path import Path as MarkerPath
from matplotlib.transforms import Affine2D, AffineDeltaTransform

from hbey_graph.graph import body_table, task_assignments, task_table
from hbey_graph.plot._style import (
    ROLE_COLOURS,
    FigureAxes,
    apply_font,
    body_labels,
    chart_style,
    check_labels,
    fit_tick_labels,
    new_axes,
    resolve_title,
    text_marker,
)
from hbey_graph.plot.workload import area_labels, section_titles_en

__all__ = ["ROLE_MARKS", "cell_marks", "plot_responsibility_matrix"]

#: Mark written in a cell for each role: Chinese (as in a 任务分工表) and English.
ROLE_MARKS: dict[str, tuple[str, str]] = {
    "lead": ("牵", "L"),
    "support": ("配", "S"),
    "implementer": ("实", "I"),
    "responsible": ("责", "R"),
}
_LABEL_CHARACTERS = 24  # a row or area label longer than this is cut, with an ellipsis

_ROLE_NAMES = {
    "lead": ("牵头", "lead"),
    "support": ("配合", "support"),
    "implementer": ("实施", "implementer"),
    "responsible": ("负责", "responsible"),
}
_TYPE_ORDER = (
    "region_department",
    "party_organ",
    "central_agency",
    "enterprise",
    "group",
    "other",
    "department",
    "city_government",
)


def _body_order(G: nx.MultiDiGraph, plan_id: str | None) -> list[str]:
    """Bodies by type (departments first, city governments last), then tasks led, then tasks named."""
    rows = task_assignments(G, plan_id)
    types = dict(zip(*(body_table(G, plan_id)[c] for c in ("body", "body_type")), strict=True))
    led = rows[rows.role == "lead"].groupby("body").size()
    named = rows.drop_duplicates(["plan_id", "task_id", "body"]).groupby("body").size()

    def key(body: str) -> tuple:
        body_type = types.get(body, "other")
        rank = _TYPE_ORDER.index(body_type) if body_type in _TYPE_ORDER else len(_TYPE_ORDER)
        return (rank == len(_TYPE_ORDER) - 1, -int(led.get(body, 0)), -int(named.get(body, 0)), rank, body)

    return sorted(dict.fromkeys(rows.body), key=key)


def cell_marks(
    ax: Axes, xy: np.ndarray, path: MarkerPath, *, size: float, colour: str, zorder: float, y_down: bool
) -> PathCollection:
    """One `path` (centred on the origin) in each cell at `xy`, `size` cells wide at most.

    The marks are sized in data units, so they fill the same share of a cell at any figure size
    and resolution (scatter markers are sized in points and would not). `y_down` flips them for
    axes whose y axis runs downwards.
    """
    extent = path.get_extents()
    scale = size / max(extent.width, extent.height, 1e-9)
    shape = path.transformed(Affine2D().scale(scale, -scale if y_down else scale))
    marks = PathCollection(
        [shape],
        offsets=np.asarray(xy, dtype=float).reshape(-1, 2),
        offset_transform=ax.transData,
        transform=AffineDeltaTransform(ax.transData),
        facecolors=colour,
        linewidths=0,
        zorder=zorder,
    )
    ax.add_collection(marks, autolim=False)
    return marks


_SQUARE = MarkerPath([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)], closed=True)


def plot_responsibility_matrix(
    G: nx.MultiDiGraph,
    *,
    plan_id: str | None = None,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """Task × body matrix with a coloured mark for every role (牵 lead, 配 support, 实 implementer).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph`.
    plan_id : str, optional
        One plan only (task ids repeat across plans); all plans by default.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese: task id and theme, short body names, marks 牵/配/实. English: task id, English
        body names and area titles, marks L/S/I (the plan's task themes have no translation).
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches (by default as large as the cells need).
    fontsize : float, optional
        Base font size in points; matplotlib's ``font.size`` by default.
    style : {"color", "gray"}
        Coloured cells, or grays (the marks tell the roles apart in either).

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. Tasks top to bottom in plan order, bodies left to right (departments by
        tasks led, then other bodies, city governments last). One collection per role with gid
        ``role:<role>`` and one offset per assignment (the coloured cell), and one with gid
        ``mark:<role>`` that writes the role's mark (牵/配/实 or L/S/I) in those cells as glyph
        outlines; both are sized in cells, so they fit at any figure size.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> fig, ax = plot_responsibility_matrix(build_graph(load_plan()))
    >>> lead = next(c for c in ax.collections if c.get_gid() == "role:lead")
    >>> len(lead.get_offsets())
    38
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    language = 0 if labels == "zh" else 1
    tasks = task_table(G, plan_id)
    rows = task_assignments(G, plan_id)
    bodies = _body_order(G, plan_id)
    task_keys = list(zip(tasks.plan_id, tasks.task_id, strict=True))
    row_of = {key: i for i, key in enumerate(task_keys)}
    col_of = {body: j for j, body in enumerate(bodies)}
    n_rows, n_cols = len(task_keys), len(bodies)

    body_names = body_labels(G, bodies, labels, short=True)
    # Row labels: task id and theme (or heading), in Chinese or from data/section_titles_en.csv.
    themes = tasks.theme.where(tasks.theme != "", tasks.heading)
    if labels == "en":
        english = section_titles_en()
        themes = [
            english.get(theme) or english.get(heading, "")
            for theme, heading in zip(themes, tasks.heading, strict=True)
        ]
    names = {key: f"{key[1]} {theme}".strip() for key, theme in zip(task_keys, themes, strict=True)}
    row_labels = [
        _shortened(names[key], _LABEL_CHARACTERS * (1 if labels == "zh" else 2)) for key in task_keys
    ]
    areas = list(tasks.section)
    area_names = {
        area: _shortened(name, _LABEL_CHARACTERS * (1 if labels == "zh" else 2))
        for area, name in area_labels(G, list(dict.fromkeys(areas)), labels).items()
    }
    # the figure is as wide as its columns and the longest labels either side (8 pt, about 0.12 in
    # a character)
    longest = max((len(label) for label in row_labels), default=0) + max(
        map(len, area_names.values()), default=0
    )
    label_width = 1.2 if labels == "zh" else 2.4
    per_character = 0.12 if labels == "zh" else 0.065
    width = max(3.6 + (1.3 if labels == "zh" else 0), 1.0 + per_character * longest) + 0.3 * n_cols
    default_size = (width, 2.2 + label_width + 0.26 * n_rows)
    fig, ax = new_axes(ax, figsize, default_size, pad=0.12 * min(look.scale, 1))
    for role in ROLE_COLOURS:
        picked = rows[rows.role == role]
        if picked.empty:
            continue
        xs = [col_of[body] for body in picked.body]
        ys = [row_of[(pid, tid)] for pid, tid in zip(picked.plan_id, picked.task_id, strict=True)]
        xy = np.column_stack([xs, ys]).astype(float)
        cells = cell_marks(ax, xy, _SQUARE, size=0.9, colour=look.role_colour(role), zorder=2, y_down=True)
        cells.set_gid(f"role:{role}")
        cells.set_label(_ROLE_NAMES[role][language])
        dark = role in ("lead", "support", "responsible")
        glyphs = cell_marks(
            ax,
            xy,
            text_marker(ROLE_MARKS[role][language]),
            size=0.62,
            colour="white" if dark else "#333333",
            zorder=3,
            y_down=True,
        )
        glyphs.set_gid(f"mark:{role}")

    ax.set_yticks(range(n_rows), row_labels, fontproperties=look.font(8))
    ax.set_xticks(range(n_cols), [body_names[b] for b in bodies], rotation=90, fontproperties=look.font(8))
    ax.xaxis.tick_top()
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="#e6e6e6", linewidth=0.5)
    ax.tick_params(which="both", length=0)

    # Area boundaries and names on the right.
    start = 0
    for i in range(1, n_rows + 1):
        if i == n_rows or areas[i] != areas[start]:
            if i < n_rows:
                ax.axhline(i - 0.5, color="#888888", linewidth=0.8, zorder=1)
            ax.text(
                n_cols - 0.2,
                (start + i - 1) / 2,
                area_names[areas[start]],
                ha="left",
                va="center",
                fontproperties=look.font(8),
                color="#555555",
                clip_on=False,
                gid="area",
            )
            start = i

    handles = [
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markersize=look.points(9),
            color=look.role_colour(role),
            label=f"{ROLE_MARKS[role][language]} {_ROLE_NAMES[role][language]}",
        )
        for role in ROLE_COLOURS
        if (rows.role == role).any()
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.005),
        ncols=len(handles),
        frameon=False,
        prop=look.font(9),
        borderaxespad=0.0,
    )
    drawn = [_ROLE_NAMES[role][language] for role in ROLE_COLOURS if (rows.role == role).any()]
    default = (
        "任务分工矩阵：" + "、".join(drawn)
        if labels == "zh"
        else "Responsibility matrix: " + ", ".join(drawn)
    )
    ax.set_title(resolve_title(title, default), loc="left", fontproperties=look.font(12))
    apply_font(ax)
    if figsize is not None:
        fit_tick_labels(ax)
        tick = ax.get_yticklabels()[0].get_fontsize() if n_rows else 8
        for text in ax.texts:
            if text.get_gid() == "area":
                text.set_fontsize(min(text.get_fontsize(), tick * 1.3))
    return FigureAxes((fig, ax))


def _shortened(label: str, limit: int = _LABEL_CHARACTERS) -> str:
    """`label` cut to `limit` characters, an ellipsis marking the cut (a heading may be a sentence)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"
