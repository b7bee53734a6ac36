"""Fonts, colours and display names shared by every chart.

Chinese text needs a font with CJK glyphs. The font comes with the install: the ``mplfonts``
package ships Noto Sans CJK SC inside its wheel, and :func:`cjk_family` registers that file with
matplotlib's font manager once (adding a font to the manager is not a change of ``rcParams``).
Every text artist a chart draws is then given that family explicitly, so no chart changes the
global matplotlib settings. Charts read one of them: the base font size (``font.size``) sets every
text size unless a chart is given ``fontsize``.

:class:`ChartStyle` carries what a chart's caller chooses (base font size, colour or grayscale,
the figure size it was drawn for); :class:`FigureAxes` is what every chart returns, a
``(fig, ax)`` pair that Jupyter shows as the chart.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib import colors as mcolors
from matplotlib import font_manager, rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.markers import MarkerStyle
from matplotlib.path import Path as MarkerPath
from matplotlib.text import Text
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

from hbey_graph.names import short_body_en

__all__ = [
    "CHART_STYLES",
    "CLUSTER_CITIES",
    "FONT_FILE",
    "LABEL_LANGUAGES",
    "ROLE_COLOURS",
    "ChartStyle",
    "FigureAxes",
    "apply_font",
    "body_labels",
    "chart_style",
    "check_labels",
    "cjk_family",
    "cjk_font",
    "cluster_colour",
    "font_path",
    "new_axes",
    "nothing_to_draw",
    "place_labels",
    "resolve_title",
    "save_figure",
    "short_body_en",
    "text_marker",
    "text_marker_area",
]

#: Font file of the ``mplfonts`` package used for every label (Noto Sans CJK SC, Latin included).
FONT_FILE = "NotoSansCJKsc-Regular.otf"

#: Values the ``labels`` argument of every chart accepts.
LABEL_LANGUAGES: tuple[str, ...] = ("zh", "en")

#: Values the ``style`` argument of every chart accepts: colour, or grays with hatches and marker
#: shapes that stay apart when printed in black and white.
CHART_STYLES: tuple[str, ...] = ("color", "gray")

#: Millimetres in an inch (journals give figure sizes in millimetres, matplotlib in inches).
MM_PER_INCH = 25.4

#: The four prefecture cities of the 呼包鄂榆 city cluster.
CLUSTER_CITIES: tuple[str, ...] = ("呼和浩特市", "包头市", "鄂尔多斯市", "榆林市")

#: Colour of each role in the workload bars and the responsibility matrix.
ROLE_COLOURS: dict[str, str] = {
    "lead": "#b2182b",
    "support": "#4393c3",
    "implementer": "#f4a582",
    "responsible": "#8073ac",
}

#: Qualitative colours of coordination clusters (cluster 1 first); grey for bodies in none.
_CLUSTER_PALETTE = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#1f78b4",
    "#b15928",
    "#6a3d9a",
)
_NO_CLUSTER = "#9e9e9e"


def font_path() -> Path:
    """Return the path of the CJK font file shipped by the ``mplfonts`` package.

    Raises
    ------
    ModuleNotFoundError
        If ``mplfonts`` is not installed.
    FileNotFoundError
        If the installed ``mplfonts`` no longer ships :data:`FONT_FILE`.

    Examples
    --------
    >>> font_path().name
    'NotoSansCJKsc-Regular.otf'
    """
    try:
        folder = resources.files("mplfonts") / "fonts"
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            "charts need the mplfonts package for Chinese glyphs; install hbey_graph with its "
            "dependencies (pip install -e .)",
            name="mplfonts",
        ) from err
    path = Path(str(folder / FONT_FILE))
    if not path.is_file():
        raise FileNotFoundError(f"mplfonts does not ship {FONT_FILE} (looked in {path.parent})")
    return path


@cache
def cjk_family() -> str:
    """Register the bundled CJK font with matplotlib's font manager once and return its family.

    Examples
    --------
    >>> cjk_family()
    'Noto Sans CJK SC'
    """
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def cjk_font(size: float | str | None = None, weight: str | None = None) -> font_manager.FontProperties:
    """Font properties of the bundled CJK family, for ``fontproperties=`` of any text artist.

    Examples
    --------
    >>> cjk_font(9).get_family()
    ['Noto Sans CJK SC']
    """
    return font_manager.FontProperties(family=cjk_family(), size=size, weight=weight)


def text_marker(text: str) -> MarkerPath:
    """The outline of `text` in the CJK font, centred on the origin, for use as a scatter marker.

    Many short labels (cell counts, role marks) drawn as one marker collection render far faster
    than as many text artists.

    Examples
    --------
    >>> marker = text_marker("牵")
    >>> bool(abs(marker.get_extents().x0 + marker.get_extents().x1) < 1e-6)
    True
    """
    path = TextPath((0, 0), text, prop=cjk_font(10))
    extent = path.get_extents()
    return path.transformed(Affine2D().translate(-(extent.x0 + extent.x1) / 2, -(extent.y0 + extent.y1) / 2))


def text_marker_area(marker: MarkerPath, height: float) -> float:
    """Scatter size (points²) that draws a :func:`text_marker` with glyphs `height` points high.

    Matplotlib scales a marker by its largest vertex coordinate (curve control points included),
    so a wide number needs a larger size than a narrow one for its digits to stand as high.

    Examples
    --------
    >>> text_marker_area(text_marker("12"), 5) > text_marker_area(text_marker("1"), 5)
    True
    """
    reach = float(np.max(np.abs(marker.vertices)))
    return float((height * 2 * reach / marker.get_extents().height) ** 2)


def apply_font(*axes: Axes) -> None:
    """Give every text artist of `axes` (ticks, titles, legends, annotations) the CJK family.

    Ticks created later copy the properties of the first tick, so they get the family too.

    Examples
    --------
    >>> fig, ax = new_axes(None, (3, 2))
    >>> _ = ax.set_title("牵头")
    >>> apply_font(ax)
    >>> ax.title.get_fontfamily()
    ['Noto Sans CJK SC']
    """
    family = cjk_family()
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            # Instantiate the first major and minor tick so later ticks copy its font.
            axis.get_major_ticks(1)
            axis.get_minor_ticks(1)
        for text in ax.findobj(Text):
            text.set_fontfamily(family)


def check_labels(labels: str) -> str:
    """Return `labels` if it is ``"zh"`` or ``"en"``; raise ``ValueError`` otherwise.

    Examples
    --------
    >>> check_labels("en")
    'en'
    """
    if labels not in LABEL_LANGUAGES:
        raise ValueError(f"labels must be 'zh' or 'en', not {labels!r}")
    return labels


def new_axes(
    ax: Axes | None,
    figsize: tuple[float, float] | None,
    default: tuple[float, float] | None = None,
    *,
    pad: float = 0.12,
) -> tuple[Figure, Axes]:
    """Return `ax` and its figure, or a new figure and axes of size `figsize` (inches).

    `figsize` may be None: the chart's own `default` size is used. `pad` is the constrained
    layout's margin (inches) around the axes.

    A new figure is a :class:`matplotlib.figure.Figure` with constrained layout, not registered
    with pyplot, so drawing many charts leaves no figures behind.

    Examples
    --------
    >>> fig, ax = new_axes(None, (4, 3))
    >>> fig.get_size_inches().tolist()
    [4.0, 3.0]
    """
    if ax is not None:
        return ax.figure, ax
    if figsize is None:
        figsize = default if default is not None else (6.4, 4.8)
    # CJK glyphs reach higher than the Latin metrics the layout measures: keep a wider margin.
    fig = Figure(figsize=figsize, layout=ConstrainedLayoutEngine(h_pad=pad, w_pad=pad))
    return fig, fig.add_subplot()


def save_figure(
    fig: Figure,
    path: str | Path,
    *,
    width_mm: float | None = None,
    height_mm: float | None = None,
    dpi: float = 150,
    tight: bool | None = None,
) -> Path:
    """Write `fig` to `path`; the format follows the suffix (``.png``, ``.svg``, ``.pdf``, ``.tif``).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The chart.
    path : str or path-like
        Where to write it.
    width_mm, height_mm : float, optional
        The exact size of the file, in millimetres (a journal's column width, say): the figure is
        set to that size and written uncropped, so a PNG is ``width_mm / 25.4 * dpi`` pixels wide.
        Given one of the two, the other keeps the figure's proportions. Draw the chart at that size
        too (``figsize=(width_mm / 25.4, height_mm / 25.4)``), so its labels are placed for it.
    dpi : float
        Resolution of raster formats.
    tight : bool, optional
        Crop the file to the drawn content (with a small margin). By default only when no size
        is given, as before.

    Examples
    --------
    >>> import tempfile
    >>> from matplotlib.image import imread
    >>> fig, ax = new_axes(None, (2, 2))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = save_figure(fig, Path(folder) / "empty.png", width_mm=90, height_mm=70, dpi=600)
    ...     imread(path).shape[:2]
    (1654, 2126)
    """
    path = Path(path)
    metadata: dict[str, Any] = {"Software": "hbey_graph"} if path.suffix == ".png" else {}
    if path.suffix == ".svg":
        metadata = {"Date": None}  # reproducible files: no time stamp
    if path.suffix in (".tif", ".tiff", ".jpg", ".jpeg"):
        metadata = {}
    sized = width_mm is not None or height_mm is not None
    if sized:
        width, height = fig.get_size_inches()
        if width_mm is not None and height_mm is not None:
            size = (width_mm / MM_PER_INCH, height_mm / MM_PER_INCH)
        elif width_mm is not None:
            size = (width_mm / MM_PER_INCH, height * width_mm / MM_PER_INCH / width)
        else:
            size = (width * height_mm / MM_PER_INCH / height, height_mm / MM_PER_INCH)  # type: ignore[operator]
        # a pixel count is rounded, not truncated: 90 mm at 600 dpi is 2126 px, not 2125
        fig.set_size_inches(round(size[0] * dpi) / dpi, round(size[1] * dpi) / dpi)
    crop = (not sized) if tight is None else tight
    extra: dict[str, Any] = {"bbox_inches": "tight", "pad_inches": 0.15} if crop else {}
    fig.savefig(path, dpi=dpi, metadata=metadata, **extra)
    return path


def resolve_title(title: str | bool | None, default: str) -> str:
    """The title a chart shows: `default` for None (or True), none for False or ``""``, else `title`.

    Examples
    --------
    >>> resolve_title(None, "Lead workload"), resolve_title(False, "Lead workload")
    ('Lead workload', '')
    """
    if title is None or title is True:
        return default
    if title is False:
        return ""
    return str(title)


class FigureAxes(tuple):
    r"""``(fig, ax)`` as every chart returns it; Jupyter shows the chart when a cell ends with it.

    It unpacks and compares like the plain pair (``fig, ax = plot_lead_workload(G)``).

    Examples
    --------
    >>> fig, ax = new_axes(None, (2, 2))
    >>> pair = FigureAxes((fig, ax))
    >>> pair == (fig, ax), pair._repr_png_()[:4]
    (True, b'\x89PNG')
    """

    __slots__ = ()

    @property
    def fig(self) -> Figure:
        """The figure."""
        return self[0]

    @property
    def ax(self) -> Axes:
        """The axes drawn on."""
        return self[1]

    def _repr_png_(self) -> bytes:
        import io

        buffer = io.BytesIO()
        root = getattr(self[0], "figure", None) or self[0]
        root.savefig(buffer, format="png", dpi=100, bbox_inches="tight", pad_inches=0.1)
        return buffer.getvalue()

    def __repr__(self) -> str:
        return f"FigureAxes({self[0]!r}, {self[1]!r})"


#: Gray levels of the cluster colours in the grayscale style, and the marker that tells clusters apart.
_GRAY_CLUSTER_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "p", "h", "*")


@dataclass(frozen=True)
class ChartStyle:
    """What a caller chose for one chart: base font size and colour or grayscale.

    Sizes in the charts are written for a base of 10 pt; :meth:`font` and :meth:`points` scale
    them to the chosen base.

    Attributes
    ----------
    fontsize : float
        Base font size in points.
    gray : bool
        Grayscale-safe: grays, hatches and marker shapes instead of hue.
    """

    fontsize: float = 10.0
    gray: bool = False

    @property
    def scale(self) -> float:
        """The chosen base over the 10 pt the charts were laid out for."""
        return self.fontsize / 10.0

    def font(self, size: float, weight: str | None = None) -> font_manager.FontProperties:
        """CJK font properties at `size` (written for a 10 pt base) scaled to the chosen base."""
        return cjk_font(size * self.scale, weight)

    def points(self, size: float) -> float:
        """A length in points (written for a 10 pt base) scaled to the chosen base."""
        return size * self.scale

    def colour(self, colour: str) -> str:
        """`colour`, or its gray of equal lightness in the grayscale style."""
        if not self.gray:
            return colour
        r, g, b = mcolors.to_rgb(colour)
        level = 0.299 * r + 0.587 * g + 0.114 * b
        return mcolors.to_hex((level, level, level))

    def role_colour(self, role: str) -> str:
        """Colour of a role (lead, support, implementer, responsible)."""
        return _GRAY_ROLES[role] if self.gray else ROLE_COLOURS[role]

    def role_hatch(self, role: str) -> str | None:
        """Hatch of a role's bars in the grayscale style (None in colour)."""
        return _GRAY_HATCHES.get(role) if self.gray else None

    def cluster_colour(self, cluster: int | None) -> str:
        """Colour of a cluster number (grays in the grayscale style)."""
        if self.gray:
            if not cluster:
                return "#d9d9d9"
            return _GRAY_LEVELS[(int(cluster) - 1) % len(_GRAY_LEVELS)]
        return cluster_colour(cluster)

    def cluster_marker(self, cluster: int | None) -> str:
        """Marker of a cluster's nodes: a circle in colour, one shape per cluster in grayscale."""
        if not self.gray or not cluster:
            return "o"
        return _GRAY_CLUSTER_MARKERS[(int(cluster) - 1) % len(_GRAY_CLUSTER_MARKERS)]

    def cmap(self, name: str) -> str:
        """A sequential colour map: `name` in colour, ``"Greys"`` in grayscale."""
        return "Greys" if self.gray else name


_GRAY_ROLES = {"lead": "#252525", "support": "#737373", "implementer": "#d9d9d9", "responsible": "#a3a3a3"}
_GRAY_HATCHES = {"lead": None, "support": "////", "implementer": "....", "responsible": "xxxx"}
_GRAY_LEVELS = ("#252525", "#636363", "#969696", "#4d4d4d", "#bdbdbd", "#7f7f7f", "#353535", "#adadad")


#: What a chart of roles says when the plan has none to draw (a plan whose annotations name no body).
NO_ROLES = {"zh": "本方案中未读出任何单位的职责", "en": "No body's role was read from this plan"}


def nothing_to_draw(
    ax: Axes | None, figsize: tuple[float, float] | None, look: ChartStyle, labels: str
) -> FigureAxes:
    """A chart that says, in place of the chart, that the plan has no role to draw (:data:`NO_ROLES`)."""
    fig, ax = new_axes(ax, figsize, (6.0, 1.2))
    ax.axis("off")
    font = look.font(12)
    ax.text(0.5, 0.5, NO_ROLES[labels], ha="center", va="center", fontproperties=font, color="#555555")
    return FigureAxes((fig, ax))


def finish_axes(look: ChartStyle, *axes: Axes) -> None:
    """Scale tick marks, spines and number tick labels of `axes` to the chosen base font size."""
    for ax in axes:
        ax.tick_params(which="major", length=3.5 * look.scale, width=0.8 * look.scale, pad=3.5 * look.scale)
        ax.tick_params(which="major", labelsize=look.points(8.5))
        for spine in ax.spines.values():
            spine.set_linewidth(0.8 * look.scale)


def fit_tick_labels(ax: Axes, axis: str = "both", *, spacing: float = 1.15) -> None:
    """Shrink category tick labels that would overlap: no larger than the tick pitch allows.

    Runs the figure's layout once to learn the pitch (points between neighbouring ticks). Labels
    that fit keep their size.
    """
    fig = getattr(ax.figure, "figure", None) or ax.figure
    fig.draw_without_rendering()
    box = ax.get_window_extent()
    to_points = 72.0 / fig.dpi
    for name in ("x", "y") if axis == "both" else (axis,):
        ticks = ax.get_xticks() if name == "x" else ax.get_yticks()
        labels = ax.get_xticklabels() if name == "x" else ax.get_yticklabels()
        if len(ticks) < 2 or not labels:
            continue
        low, high = ax.get_xlim() if name == "x" else ax.get_ylim()
        extent = box.width if name == "x" else box.height
        pitch = extent * to_points / abs(high - low) * float(np.min(np.abs(np.diff(ticks))))
        largest = max(label.get_fontsize() for label in labels)
        if largest * spacing > pitch:
            for label in labels:
                label.set_fontsize(label.get_fontsize() * pitch / (largest * spacing))


def legend_columns(fig: Figure, look: ChartStyle, texts: Iterable[str], most: int = 3) -> tuple[int, int]:
    """Columns of a legend under a chart and the characters a Latin label may take per line.

    The legend takes as many columns (at most `most`) as the figure's width holds for the
    widest of `texts` at the chosen font size (a CJK character counts as two Latin ones).
    """
    widest = max((sum(2 if ord(c) > 0x2E80 else 1 for c in text) for text in texts), default=0)
    width_pt = fig.get_size_inches()[0] * 72.0
    characters = int(width_pt / (0.5 * look.points(9)))  # a Latin character is about half an em
    columns = max(1, min(most, characters // max(min(widest, 60), 12)))
    return columns, max(16, characters // columns - 8)


def marker_path(marker: str) -> MarkerPath:
    """The path of a matplotlib marker, as scatter draws it (for collections of mixed shapes)."""
    style = MarkerStyle(marker)
    return style.get_path().transformed(style.get_transform())


def chart_style(fontsize: float | None = None, style: str = "color") -> ChartStyle:
    """The style of one chart: `fontsize` or matplotlib's ``font.size``, colour or ``"gray"``.

    Examples
    --------
    >>> chart_style(7, "gray")
    ChartStyle(fontsize=7.0, gray=True)
    >>> chart_style(style="print")
    Traceback (most recent call last):
    ...
    ValueError: style must be 'color' or 'gray', not 'print'
    """
    if style not in CHART_STYLES:
        raise ValueError(f"style must be 'color' or 'gray', not {style!r}")
    if fontsize is None:
        fontsize = font_manager.FontProperties(size=rcParams["font.size"]).get_size_in_points()
    if fontsize <= 0:
        raise ValueError(f"fontsize must be positive, not {fontsize!r}")
    return ChartStyle(float(fontsize), style == "gray")


def cluster_colour(cluster: int | None) -> str:
    """Colour of a cluster number (1 = first colour); grey for None or 0.

    Examples
    --------
    >>> cluster_colour(1), cluster_colour(None)
    ('#1b9e77', '#9e9e9e')
    """
    if not cluster:
        return _NO_CLUSTER
    return _CLUSTER_PALETTE[(int(cluster) - 1) % len(_CLUSTER_PALETTE)]


def _short_body_zh(name: str, body_type: str) -> str:
    if body_type in ("region_department", "party_organ") and name.startswith("自治区") and len(name) > 3:
        return name[3:]
    if body_type == "city_government" and name.endswith("人民政府"):
        return name[: -len("人民政府")] + "政府"
    return name


def body_labels(
    G: nx.MultiDiGraph,
    bodies: Iterable[str],
    labels: str = "zh",
    *,
    short: bool = False,
    wrap: int | None = None,
) -> dict[str, str]:
    """Display names of bodies, in Chinese as written or in English from the reference table.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The responsibility graph (Body nodes carry ``name_en`` and ``body_type``).
    bodies : iterable of str
        Body names as written.
    labels : {"zh", "en"}
        Language of the labels.
    short : bool
        Chinese: drop the ``自治区`` of region departments and write ``市政府`` for
        ``市人民政府``. English: drop the region from department names (see :func:`short_body_en`).
    wrap : int, optional
        Wrap English labels to lines of at most this many characters.

    Returns
    -------
    dict
        Body name → label; a body without an English name keeps its Chinese name.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> G = build_graph(load_plan())
    >>> body_labels(G, ["自治区商务厅"], "en", short=True)
    {'自治区商务厅': 'Dept. of Commerce'}
    >>> body_labels(G, ["自治区商务厅", "包头市人民政府"], short=True)
    {'自治区商务厅': '商务厅', '包头市人民政府': '包头市政府'}
    """
    check_labels(labels)
    attrs = {data["name"]: data for _, data in G.nodes(data=True) if data.get("kind") == "Body"}
    names = {}
    for body in bodies:
        data = attrs.get(body, {})
        if labels == "en" and data.get("name_en"):
            label = short_body_en(data["name_en"]) if short else data["name_en"]
            if wrap:
                label = "\n".join(textwrap.wrap(label, wrap)) or label
        elif short:
            label = _short_body_zh(body, data.get("body_type", ""))
        else:
            label = body
        names[body] = label
    return names


def place_labels(G: nx.MultiDiGraph, places: Iterable[str], labels: str = "zh") -> dict[str, str]:
    """Display names of places: the canonical Chinese name, or ``name_en`` of the gazetteer.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p|Place|包头市", kind="Place", name="包头市", name_en="Baotou")
    >>> place_labels(G, ["包头市"], "en")
    {'包头市': 'Baotou'}
    """
    check_labels(labels)
    attrs = {data["name"]: data for _, data in G.nodes(data=True) if data.get("kind") == "Place"}
    if labels == "zh":
        return {place: place for place in places}
    return {place: attrs.get(place, {}).get("name_en") or place for place in places}
