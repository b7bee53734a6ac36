"""Fonts, colours and display names shared by every chart.

Chinese text needs a font with CJK glyphs. The font comes with the install: the ``mplfonts``
package ships Noto Sans CJK SC inside its wheel, and :func:`cjk_family` registers that file with
matplotlib's font manager once (adding a font to the manager is not a change of ``rcParams``).
Every text artist a chart draws is then given that family explicitly, so no chart reads or
changes the global matplotlib settings.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.path import Path as MarkerPath
from matplotlib.text import Text
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

from hbey_graph.names import short_body_en

__all__ = [
    "CLUSTER_CITIES",
    "FONT_FILE",
    "LABEL_LANGUAGES",
    "ROLE_COLOURS",
    "apply_font",
    "body_labels",
    "check_labels",
    "cjk_family",
    "cjk_font",
    "cluster_colour",
    "font_path",
    "new_axes",
    "place_labels",
    "save_figure",
    "short_body_en",
    "text_marker",
    "text_marker_area",
]

#: Font file of the ``mplfonts`` package used for every label (Noto Sans CJK SC, Latin included).
FONT_FILE = "NotoSansCJKsc-Regular.otf"

#: Values the ``labels`` argument of every chart accepts.
LABEL_LANGUAGES: tuple[str, ...] = ("zh", "en")

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


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """Return `ax` and its figure, or a new figure and axes of size `figsize` (inches).

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
    # CJK glyphs reach higher than the Latin metrics the layout measures: keep a wider margin.
    fig = Figure(figsize=figsize, layout=ConstrainedLayoutEngine(h_pad=0.12, w_pad=0.12))
    return fig, fig.add_subplot()


def save_figure(fig: Figure, path: str | Path, *, dpi: float = 150) -> Path:
    """Write `fig` to `path`; the format follows the suffix (``.png``, ``.svg``, ``.pdf``).

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = new_axes(None, (2, 2))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     save_figure(fig, Path(folder) / "empty.png").suffix
    '.png'
    """
    path = Path(path)
    metadata: dict[str, Any] = {"Software": "hbey_graph"} if path.suffix == ".png" else {}
    if path.suffix == ".svg":
        metadata = {"Date": None}  # reproducible files: no time stamp
    fig.savefig(path, dpi=dpi, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    return path


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
