"""Point labels that do not pile on each other.

Each label is placed greedily, most important first: candidate positions on rings around its point
are tried, nearest first, and the first one whose box overlaps no label already placed, no point
marker and does not leave the axes is taken (the one with the least overlap if none is free). A
label set away from its point gets a thin leader line. Positions are offsets in points from the
anchor, so the layout holds at any resolution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.text import Annotation

__all__ = ["place_point_labels"]

#: Directions tried around a point, in order of preference (above, right, below, left, diagonals …).
_ANGLES = [90, 0, 270, 180, 45, 135, 315, 225, 67.5, 22.5, 337.5, 292.5, 247.5, 202.5, 157.5, 112.5]


def _renderer(fig):
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


def _overlap(box: np.ndarray, boxes: np.ndarray) -> float:
    """Total overlap area of `box` (x0, y0, x1, y1) with each row of `boxes`."""
    if not len(boxes):
        return 0.0
    w = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    h = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return float(np.sum(np.clip(w, 0, None) * np.clip(h, 0, None)))


def _circle_overlap(box: np.ndarray, centres: np.ndarray, radii: np.ndarray) -> float:
    """Sum over circles of how deep each reaches into `box` (0 when none touches it)."""
    if not len(centres):
        return 0.0
    nearest_x = np.clip(centres[:, 0], box[0], box[2])
    nearest_y = np.clip(centres[:, 1], box[1], box[3])
    depth = radii - np.hypot(centres[:, 0] - nearest_x, centres[:, 1] - nearest_y)
    return float(np.sum(np.clip(depth, 0, None) ** 2))


def place_point_labels(
    ax: Axes,
    xy: Sequence[tuple[float, float]],
    texts: Sequence[str],
    *,
    radii: Sequence[float],
    fontproperties: Sequence[FontProperties] | FontProperties,
    colors: Sequence[str] | str = "#222222",
    obstacles: Sequence[tuple[float, float, float]] = (),
    order: Sequence[int] | None = None,
    gap: float = 1.5,
    leader: float = 6.0,
    zorder: float = 5,
    background: str | None = "white",
    gid: str = "label",
) -> list[Annotation]:
    """Label points in data coordinates so that no two labels overlap and none covers a marker.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Axes whose limits are final (labels are placed in display space).
    xy : sequence of (x, y)
        Anchor of each label, in data coordinates.
    texts : sequence of str
        The labels.
    radii : sequence of float
        Radius (points) of each anchor's marker; the label keeps clear of it.
    fontproperties : FontProperties or sequence of them
        Font of every label, or of each.
    colors : str or sequence of str
        Text colour of every label, or of each.
    obstacles : sequence of (x, y, radius)
        Further markers (data coordinates, radius in points) labels must keep clear of.
    order : sequence of int, optional
        Indices in the order labels are placed (first placed = best spot); input order by default.
    gap : float
        Free space (points) kept around each label box.
    leader : float
        A label whose box lies farther than this (points) from its marker gets a leader line.
    zorder : float
        Z-order of the labels.
    background : str or None
        Colour of a translucent box behind each label, so lines under it do not hide it.
    gid : str
        Group id given to every label artist (tests and SVG readers find them by it).

    Returns
    -------
    list of matplotlib.text.Annotation
        One annotation per label, in input order; they are left out of layout calculations.
    """
    n = len(texts)
    if n == 0:
        return []
    fig = ax.figure
    root = getattr(fig, "figure", None) or fig
    fonts = [fontproperties] * n if isinstance(fontproperties, FontProperties) else list(fontproperties)
    colours = [colors] * n if isinstance(colors, str) else list(colors)
    root.draw_without_rendering()  # run the layout so the axes have their final place
    renderer = _renderer(root)
    to_points = 72.0 / root.dpi

    anchors = ax.transData.transform(np.asarray(xy, dtype=float)) * to_points
    frame = ax.get_window_extent(renderer)
    limits = np.array([frame.x0, frame.y0, frame.x1, frame.y1]) * to_points

    sizes = np.zeros((n, 2))
    for i, (text, font) in enumerate(zip(texts, fonts, strict=True)):
        probe = ax.text(0, 0, text, fontproperties=font)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        sizes[i] = (extent.width * to_points + 2 * gap, extent.height * to_points + 2 * gap)

    marker_centres = [anchors[i] for i in range(n)]
    marker_radii = [float(r) for r in radii]
    if obstacles:
        extra = np.asarray(obstacles, dtype=float)
        marker_centres.extend(ax.transData.transform(extra[:, :2]) * to_points)
        marker_radii.extend(extra[:, 2])
    centres = np.asarray(marker_centres)
    circle_radii = np.asarray(marker_radii)

    placed = np.zeros((0, 4))
    annotations: list = [None] * n
    for i in order if order is not None else range(n):
        w, h = sizes[i]
        r = float(radii[i])
        best, best_cost = None, math.inf
        for ring in range(8):
            for angle in _ANGLES:
                rad = math.radians(angle)
                cos, sin = math.cos(rad), math.sin(rad)
                # distance from the anchor to the box centre so that the box just clears the marker
                reach = (
                    r
                    + ring * 0.6 * h
                    + min(
                        (w / 2) / abs(cos) if abs(cos) > 1e-9 else math.inf,
                        (h / 2) / abs(sin) if abs(sin) > 1e-9 else math.inf,
                    )
                )
                cx, cy = anchors[i][0] + reach * cos, anchors[i][1] + reach * sin
                box = np.array([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
                outside = (
                    max(0.0, limits[0] - box[0])
                    + max(0.0, box[2] - limits[2])
                    + max(0.0, limits[1] - box[1])
                    + max(0.0, box[3] - limits[3])
                )
                cost = (
                    _overlap(box, placed)
                    + _circle_overlap(box, centres, circle_radii)
                    + 50.0 * outside * h
                    + 0.01 * ring
                )
                if cost < best_cost:
                    best, best_cost = (box, cx - anchors[i][0], cy - anchors[i][1]), cost
                if cost <= 0.01 * ring:
                    break
            if best_cost <= 0.01 * ring:
                break
        assert best is not None
        box, dx, dy = best
        placed = np.vstack([placed, box])
        px, py = anchors[i]
        distance = math.hypot(px - min(max(px, box[0]), box[2]), py - min(max(py, box[1]), box[3])) - r
        arrowprops = (
            {"arrowstyle": "-", "color": "#888888", "lw": 0.5, "shrinkA": 0, "shrinkB": r}
            if distance > leader
            else None
        )
        annotation = ax.annotate(
            texts[i],
            xy=tuple(xy[i]),
            xytext=(dx, dy),
            textcoords="offset points",
            ha="center",
            va="center",
            fontproperties=fonts[i],
            color=colours[i],
            zorder=zorder,
            annotation_clip=False,
            arrowprops=arrowprops,
            bbox=None
            if background is None
            else {"boxstyle": "square,pad=0.05", "facecolor": background, "edgecolor": "none", "alpha": 0.75},
        )
        annotation.set_in_layout(False)
        annotation.set_gid(gid)
        annotations[i] = annotation
    return annotations
