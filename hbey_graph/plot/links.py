"""Cross-city links on a longitude/latitude map."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import FuncFormatter

from hbey_graph.analysis.links import cross_city_edges
from hbey_graph.graph import nodes_of_kind
from hbey_graph.plot._labels import place_point_labels
from hbey_graph.plot._style import (
    CLUSTER_CITIES,
    FigureAxes,
    apply_font,
    chart_style,
    check_labels,
    finish_axes,
    legend_columns,
    new_axes,
    place_labels,
    resolve_title,
)

__all__ = ["LINK_STYLES", "PLACE_STYLES", "default_extent", "plot_cross_city_links"]

#: How each kind of link is drawn: colour, line style, curvature (so kinds between one pair part),
#: Chinese and English legend names.
LINK_STYLES: dict[str, dict] = {
    "co_implementation": {
        "color": "#9e9e9e",
        "linestyle": (0, (1.5, 1.5)),
        "rad": 0.28,
        "zh": "共同实施（同一任务的实施主体）",
        "en": "co-implementation (same task)",
    },
    "cooperation": {"color": "#d95f02", "linestyle": "-", "rad": 0.0, "zh": "合作共建", "en": "cooperation"},
    "chain": {"color": "#1b9e77", "linestyle": "-", "rad": -0.14, "zh": "轴带串联（—）", "en": "chain (—)"},
    "corridor": {
        "color": "#7570b3",
        "linestyle": (0, (5, 2)),
        "rad": 0.14,
        "zh": "通道（铁路、公路、管道）",
        "en": "corridor (rail, road, pipeline)",
    },
}
_OTHER_KIND = {"color": "#666666", "linestyle": "-.", "rad": 0.2}

_AREA_ZH, _AREA_EN = "省、区域（大致中心）", "province, region (approximate centre)"

#: Marker of each place level: (group, marker, size in points², face colour, legend zh, legend en).
PLACE_STYLES: dict[str, tuple[str, str, float, str, str, str]] = {
    "city": ("city", "o", 70, "#444444", "地级市", "prefecture city"),
    "district": ("county", "o", 26, "#8c8c8c", "区、县、旗", "district, county, banner"),
    "county": ("county", "o", 26, "#8c8c8c", "区、县、旗", "district, county, banner"),
    "banner": ("county", "o", 26, "#8c8c8c", "区、县、旗", "district, county, banner"),
    "county_city": ("county", "o", 26, "#8c8c8c", "区、县、旗", "district, county, banner"),
    "town": ("town", "^", 22, "#bdbdbd", "镇", "town"),
    "zone": ("zone", "s", 22, "#bdbdbd", "新区、口岸", "zone, port"),
    "port": ("zone", "s", 22, "#bdbdbd", "新区、口岸", "zone, port"),
    "region": ("region", "D", 18, "#d9d9d9", _AREA_ZH, _AREA_EN),
    "province": ("region", "D", 18, "#d9d9d9", _AREA_ZH, _AREA_EN),
}
#: Levels that are never drawn as points (far away, or covering the whole map).
_NOT_DRAWN = ("country",)
#: Levels drawn only where a link ends at them (their point is only an approximate centre).
_AREAS = ("region", "province")


def _places(G: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [
        {
            "place": data["name"],
            "level": data.get("level", ""),
            "parent_city": data.get("parent_city", ""),
            "lon": data.get("lon"),
            "lat": data.get("lat"),
        }
        for _, data in nodes_of_kind(G, "Place")
    ]
    frame = pd.DataFrame(rows, columns=["place", "level", "parent_city", "lon", "lat"])
    return frame.drop_duplicates("place").dropna(subset=["lon", "lat"]).reset_index(drop=True)


def default_extent(
    places: pd.DataFrame,
    linked: Sequence[str] = (),
    *,
    margin: float = 0.6,
    reach: float = 3.0,
    cities_only: bool = False,
) -> tuple[float, float, float, float]:
    """Map extent (lon0, lon1, lat0, lat1) around the four cluster cities.

    The window holds the four cluster cities (and, unless `cities_only`, every place that lies in
    them) and every linked place within `reach` degrees of those, plus `margin` degrees on each
    side. Provinces, countries and regions never widen it. With none of the four cities present it
    holds every place.

    Examples
    --------
    >>> places = pd.DataFrame({"place": ["包头市", "鄂尔多斯市", "西安市"], "level": ["city"] * 3,
    ...                        "parent_city": ["包头市", "鄂尔多斯市", "西安市"],
    ...                        "lon": [110.0, 109.0, 108.9], "lat": [40.0, 39.0, 34.3]})
    >>> default_extent(places, ["西安市"], margin=1.0)
    (108.0, 111.0, 38.0, 41.0)
    """
    points = places[~places.level.isin((*_AREAS, *_NOT_DRAWN))]
    in_cluster = points.place.isin(CLUSTER_CITIES)
    if not cities_only:
        in_cluster |= points.parent_city.isin(CLUSTER_CITIES)
    core = points[in_cluster]
    if core.empty:
        core = points if not points.empty else places
    if core.empty:
        return (0.0, 1.0, 0.0, 1.0)
    lon0, lon1, lat0, lat1 = core.lon.min(), core.lon.max(), core.lat.min(), core.lat.max()
    near = points[
        points.place.isin(list(linked))
        & points.lon.between(lon0 - reach, lon1 + reach)
        & points.lat.between(lat0 - reach, lat1 + reach)
    ]
    box = pd.concat([core, near])
    return (
        float(box.lon.min()) - margin,
        float(box.lon.max()) + margin,
        float(box.lat.min()) - margin,
        float(box.lat.max()) + margin,
    )


def _inside(lon: float, lat: float, extent: Sequence[float]) -> bool:
    return extent[0] <= lon <= extent[1] and extent[2] <= lat <= extent[3]


def _exit_point(
    inner: tuple[float, float], outer: tuple[float, float], extent: Sequence[float]
) -> tuple[float, float]:
    """Where the straight line from `inner` (inside the extent) to `outer` crosses the frame."""
    (x0, y0), (x1, y1) = inner, outer
    t_best = 1.0
    for t_edge, limit in ((0, extent[0]), (0, extent[1]), (1, extent[2]), (1, extent[3])):
        start, end = (x0, x1) if t_edge == 0 else (y0, y1)
        if end != start:
            t = (limit - start) / (end - start)
            if 0 <= t < t_best:
                x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
                if extent[0] - 1e-9 <= x <= extent[1] + 1e-9 and extent[2] - 1e-9 <= y <= extent[3] + 1e-9:
                    t_best = t
    return x0 + t_best * (x1 - x0), y0 + t_best * (y1 - y0)


def _short_en(name: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", name)


def plot_cross_city_links(
    G: nx.MultiDiGraph,
    *,
    level: str = "place",
    edges: pd.DataFrame | None = None,
    kinds: Sequence[str] | None = None,
    extent: tuple[float, float, float, float] | None = None,
    label_points: str | None = None,
    ax: Axes | None = None,
    labels: str = "zh",
    title: str | bool | None = None,
    figsize: tuple[float, float] | None = None,
    fontsize: float | None = None,
    style: str = "color",
) -> FigureAxes:
    """Links between places on a longitude/latitude map, one line style per kind of link.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`hbey_graph.graph.build_graph` (Place nodes with ``lon`` and ``lat``).
    level : {"place", "city"}
        Links as the plan writes them (counties, banners, towns …) or rolled up to prefecture
        cities.
    edges : pandas.DataFrame, optional
        :func:`hbey_graph.analysis.links.cross_city_edges` at this level, if already computed.
    kinds : sequence of str, optional
        Only these kinds of link (``chain``, ``cooperation``, ``corridor``, ``co_implementation``).
    extent : (lon0, lon1, lat0, lat1), optional
        Map window; by default the four cluster cities and the places in them with a margin
        (:func:`default_extent`). Links to places outside run to the frame, where the far place is
        named.
    label_points : {"all", "linked", "cities"}, optional
        Which points get a name: every point, points with a link, or prefecture cities only. By
        default every point, or the cities only on a figure less than 7 in (178 mm) wide, where
        the names of every county and town would cover the map.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure by default.
    labels : {"zh", "en"}
        Chinese place names or English names from the gazetteer.
    title : str or False, optional
        Title of the chart (a default in the chosen language); False or ``""`` for none.
    figsize : (float, float), optional
        Size of a new figure in inches (by default 11 in wide, as tall as the map needs); markers
        and lines shrink with a smaller figure.
    fontsize : float, optional
        Base font size in points; matplotlib's ``font.size`` by default.
    style : {"color", "gray"}
        One colour per kind of link, or grays (the line styles tell the kinds apart in either).

    Returns
    -------
    FigureAxes
        ``(fig, ax)``. Every link (source, target, kind) is one patch with gid ``link:<kind>`` and label
        ``"source—target"``; its line width grows with the number of tasks stating it. Points are
        one scatter collection per place group with gid ``places:<group>`` (``city``, ``county``,
        ``town``, ``zone``, ``region``); the four cluster cities have an extra ring (gid
        ``cluster-cities``). Names are annotations with gid ``label`` (points) and ``exit``
        (far places at the frame; ``→北京市 ×3`` where three lines to it leave close together).

    Examples
    --------
    >>> from hbey_graph.records import Link, Place, Plan, Task
    >>> from hbey_graph.graph import build_graph
    >>> plan = Plan("demo", "示例", "", "", None, None)
    >>> plan.tasks = [Task("T1", 1, (), "", "", None, "包头市与鄂尔多斯市共建。", "", (1, 1))]
    >>> plan.places = {
    ...     "包头市": Place("包头市", "city", "包头市", "内蒙古自治区", 109.84, 40.66, "Baotou"),
    ...     "鄂尔多斯市": Place("鄂尔多斯市", "city", "鄂尔多斯市", "内蒙古自治区", 109.78, 39.61, "Ordos")}
    >>> plan.links = [Link("包头市", "鄂尔多斯市", "place", "cooperation", "T1", "包头市与鄂尔多斯市共建。")]
    >>> fig, ax = plot_cross_city_links(build_graph(plan))
    >>> [patch.get_label() for patch in ax.patches if patch.get_gid() == "link:cooperation"]
    ['包头市—鄂尔多斯市']
    """
    check_labels(labels)
    look = chart_style(fontsize, style)
    if level not in ("place", "city"):
        raise ValueError(f"level must be 'place' or 'city', not {level!r}")
    if label_points is not None and label_points not in ("all", "linked", "cities"):
        raise ValueError(f"label_points must be 'all', 'linked' or 'cities', not {label_points!r}")
    table = cross_city_edges(G, level) if edges is None else edges
    if kinds is not None:
        table = table[table.kind.isin(list(kinds))]
    places = _places(G)
    coords = {row.place: (float(row.lon), float(row.lat)) for row in places.itertuples()}
    names = place_labels(G, coords, labels)
    if labels == "en":
        names = {place: _short_en(name) for place, name in names.items()}

    drawn_links = table[table.source.isin(coords) & table.target.isin(coords)]
    linked = set(drawn_links.source) | set(drawn_links.target)
    if extent is None:
        extent = default_extent(places, sorted(linked), cities_only=level == "city")
    shown = places[
        ~places.level.isin(_NOT_DRAWN)
        & places.lon.between(extent[0], extent[1])
        & places.lat.between(extent[2], extent[3])
        & (~places.level.isin(_AREAS) | places.place.isin(linked))
    ]
    if level == "city":
        shown = shown[(shown.level == "city") | shown.place.isin(linked)]

    if shown.empty and drawn_links.empty:
        fig, ax = new_axes(ax, figsize, (8, 3), pad=0.12 * min(look.scale, 1))
        ax.set_axis_off()
        message = (
            "方案中没有可在地图上标出的地点或联系"
            if labels == "zh"
            else "The plan names no place or link that can be mapped"
        )
        ax.text(
            0.5,
            0.5,
            message,
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontproperties=look.font(11),
            color="#777777",
            gid="empty",
        )
        ax.set_title(
            resolve_title(title, "地点间联系" if labels == "zh" else "Links between places"),
            loc="left",
            fontproperties=look.font(12),
        )
        apply_font(ax)
        return FigureAxes((fig, ax))

    mean_lat = (extent[2] + extent[3]) / 2
    width_in = 11.0
    span_x = (extent[1] - extent[0]) * math.cos(math.radians(mean_lat))
    height_in = width_in * (extent[3] - extent[2]) / span_x
    default_size = (width_in, min(max(height_in, 5.0), 14.0) + 1.6)
    fig, ax = new_axes(ax, figsize, default_size, pad=0.12 * min(look.scale, 1))
    # markers and lines are sized for the default figure: a smaller one gets thinner ones
    shrink = min(1.0, *(fig.get_size_inches() / np.array(default_size)))
    if label_points is None:
        label_points = "all" if fig.get_size_inches()[0] >= 7 else "cities"
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1 / math.cos(math.radians(mean_lat)), adjustable="box")
    ax.grid(color="#eeeeee", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}°E"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}°N"))
    finish_axes(look, ax)
    ax.tick_params(labelsize=look.points(8), colors="#666666")
    for spine in ax.spines.values():
        spine.set_color("#bbbbbb")

    # Lines.
    most = max(drawn_links.tasks.max() if len(drawn_links) else 1, 1)

    def width(tasks: int) -> float:
        return (0.8 + 5.2 * math.sqrt((tasks - 1) / (most - 1)) if most > 1 else 1.2) * max(shrink, 0.4)

    # A pair linked in several kinds gets one curve per kind; a pair linked in one kind a straight line.
    kinds_of_pair: dict[frozenset, set[str]] = {}
    for source, target, kind in zip(drawn_links.source, drawn_links.target, drawn_links.kind, strict=True):
        kinds_of_pair.setdefault(frozenset((source, target)), set()).add(kind)
    exits: list[tuple[float, float, str]] = []
    touching = [  # links with at least one end on the map; the others are only named in a note
        _inside(*coords[a], extent) or _inside(*coords[b], extent)
        for a, b in zip(drawn_links.source, drawn_links.target, strict=True)
    ]
    keep = np.array(touching, dtype=bool)
    beyond = drawn_links.loc[~keep]
    drawn_links = drawn_links.loc[keep]
    for row in drawn_links.sort_values("tasks").itertuples():
        style = LINK_STYLES.get(row.kind, _OTHER_KIND)
        a, b = coords[row.source], coords[row.target]
        shared = len(kinds_of_pair[frozenset((row.source, row.target))]) > 1
        # the curvature is relative to the direction, so fix the direction to bend consistently
        if shared and (a[0], a[1]) > (b[0], b[1]):
            a, b = b, a
        rad = style["rad"] if shared else 0.0
        patch = FancyArrowPatch(
            a,
            b,
            arrowstyle="-",
            connectionstyle=f"arc3,rad={rad}",
            color=look.colour(style["color"]),
            linestyle=style["linestyle"],
            linewidth=width(int(row.tasks)),
            alpha=0.8,
            zorder=2,
            shrinkA=0,
            shrinkB=0,
            capstyle="round",
        )
        patch.set_gid(f"link:{row.kind}")
        patch.set_label(f"{row.source}—{row.target}")
        ax.add_patch(patch)
        a, b = coords[row.source], coords[row.target]
        inside_a, inside_b = _inside(*a, extent), _inside(*b, extent)
        if inside_a != inside_b:
            inner, outer, far = (a, b, row.target) if inside_a else (b, a, row.source)
            exits.append((*_exit_point(inner, outer, extent), far))

    # Points, smallest first so cities lie on top.
    drawn_groups: dict[str, tuple[str, str, str]] = {}
    radius: dict[str, float] = {}
    for group in ("region", "town", "zone", "county", "city"):
        members = shown[shown.level.map(lambda lv, g=group: PLACE_STYLES.get(lv, ("",))[0] == g)]
        if members.empty:
            continue
        _, marker, size, colour, zh, en = next(s for s in PLACE_STYLES.values() if s[0] == group)
        sizes = np.where(members.place.isin(CLUSTER_CITIES), 200.0, size) * shrink**2
        points = ax.scatter(
            members.lon,
            members.lat,
            s=sizes,
            marker=marker,
            c=colour,
            edgecolors="white",
            linewidths=0.6 * shrink,
            zorder=4,
        )
        points.set_gid(f"places:{group}")
        for place, s in zip(members.place, sizes, strict=True):
            radius[place] = math.sqrt(s) / 2 + 1
        drawn_groups[group] = (marker, colour, zh if labels == "zh" else en)
    cluster = shown[shown.place.isin(CLUSTER_CITIES)]
    if not cluster.empty:
        ring = ax.scatter(
            cluster.lon,
            cluster.lat,
            s=420 * shrink**2,
            marker="o",
            facecolors="none",
            edgecolors=look.colour("#b2182b"),
            linewidths=1.6 * shrink,
            zorder=5,
        )
        ring.set_gid("cluster-cities")
        for place in cluster.place:
            radius[place] = math.sqrt(420) * shrink / 2 + 1

    # Legend: kinds, widths, points.
    handles = []
    kinds_drawn = set(drawn_links.kind)
    for kind in [*(k for k in LINK_STYLES if k in kinds_drawn), *sorted(kinds_drawn - set(LINK_STYLES))]:
        style = LINK_STYLES.get(kind, _OTHER_KIND)
        handles.append(
            Line2D(
                [],
                [],
                color=look.colour(style["color"]),
                linestyle=style["linestyle"],
                linewidth=2 * max(shrink, 0.5),
                label=style.get(labels, kind),
            )
        )
    for tasks in sorted({1, most} | ({round(most / 4)} if most >= 8 else set())):
        text = f"{tasks} 项任务" if labels == "zh" else f"{tasks} task{'s' if tasks > 1 else ''}"
        handles.append(Line2D([], [], color="#555555", linewidth=width(tasks), label=text))
    for group in ("city", "county", "town", "zone", "region"):
        if group in drawn_groups:
            marker, colour, text = drawn_groups[group]
            handles.append(
                Line2D(
                    [], [], marker=marker, linestyle="", color=colour, markersize=look.points(7), label=text
                )
            )
    if not cluster.empty:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="#444444",
                markersize=look.points(10),
                markeredgecolor=look.colour("#b2182b"),
                markeredgewidth=1.6 * max(shrink, 0.5),
                label="呼包鄂榆四市" if labels == "zh" else "the four cluster cities",
            )
        )
    # the legend's handles are three characters long: count them with the widest label
    columns, _ = legend_columns(fig, look, [h.get_label() + "mmmmmm" for h in handles], most=3)
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.04),
        ncols=max(columns, 2),
        frameon=False,
        prop=look.font(9),
        borderaxespad=0.0,
        handlelength=3.0,
    )
    titles = {
        ("zh", "place"): "地点间联系（按原文）",
        ("zh", "city"): "城市间联系（归并到地级市）",
        ("en", "place"): "Links between places (as written)",
        ("en", "city"): "Links between cities",
    }
    ax.set_title(resolve_title(title, titles[labels, level]), loc="left", fontproperties=look.font(12))
    if len(beyond):
        pairs = "、".join(
            dict.fromkeys(
                f"{names.get(a, a)}—{names.get(b, b)}"
                for a, b in zip(beyond.source, beyond.target, strict=True)
            )
        )
        note = (
            f"图外另有 {len(beyond)} 条联系：{pairs}"
            if labels == "zh"
            else f"{len(beyond)} more {'links lie' if len(beyond) > 1 else 'link lies'} outside the map: "
            + pairs.replace("、", ", ")
        )
        ax.text(
            1.0,
            1.005,
            note,
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontproperties=look.font(8),
            color="#777777",
            gid="beyond",
            wrap=True,
        )
    apply_font(ax)

    # Names: cluster cities first and larger, then other cities, then the rest; far places at the frame.
    if label_points == "cities":
        to_label = shown[shown.level == "city"]
    elif label_points == "linked":
        to_label = shown[shown.place.isin(linked) | (shown.level == "city")]
    else:
        to_label = shown
    rank = {"city": 0, "county": 1, "zone": 2, "town": 3, "region": 4}
    to_label = to_label.assign(
        _rank=[
            (-1 if p in CLUSTER_CITIES else rank.get(PLACE_STYLES.get(lv, ("region",))[0], 5))
            for p, lv in zip(to_label.place, to_label.level, strict=True)
        ]
    ).sort_values(["_rank", "place"])
    anchors = [(float(r.lon), float(r.lat)) for r in to_label.itertuples()]
    texts = [names[p] for p in to_label.place]
    fonts = [
        look.font(12 if p in CLUSTER_CITIES else 9.5 if lv == "city" else 7.5)
        for p, lv in zip(to_label.place, to_label.level, strict=True)
    ]
    colours = [
        "#111111" if p in CLUSTER_CITIES else "#333333" if lv == "city" else "#555555"
        for p, lv in zip(to_label.place, to_label.level, strict=True)
    ]
    radii = [radius.get(p, 3.0) for p in to_label.place]
    # One name where lines to a far place leave the map close together, saying how many lines it
    # stands for (→北京市 ×3), or several names where they leave far apart.
    seen_exits: list[list] = []  # x, y, far place, lines
    spread = 0.08 * max(extent[1] - extent[0], extent[3] - extent[2])
    for x, y, far in exits:
        near = next((e for e in seen_exits if e[2] == far and math.hypot(x - e[0], y - e[1]) <= spread), None)
        if near is None:
            seen_exits.append([x, y, far, 1])
        else:
            near[3] += 1
    for x, y, far, lines in seen_exits:
        anchors.append((x, y))
        name = f"→{names.get(far, far)}" if labels == "zh" else f"→ {names.get(far, far)}"
        texts.append(f"{name} ×{lines}" if lines > 1 else name)
        fonts.append(look.font(7.5))
        colours.append("#777777")
        radii.append(2.0)
    obstacles = [
        (float(r.lon), float(r.lat), radius.get(r.place, 3.0))
        for r in shown.itertuples()
        if r.place not in set(to_label.place)
    ]
    annotations = place_point_labels(
        ax,
        anchors,
        texts,
        radii=radii,
        fontproperties=fonts,
        colors=colours,
        obstacles=obstacles,
        gap=look.points(1.5),
    )
    for annotation in annotations[len(to_label) :]:
        annotation.set_gid("exit")
    return FigureAxes((fig, ax))
