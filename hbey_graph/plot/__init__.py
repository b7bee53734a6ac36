"""Charts of a plan's responsibility graph, drawn with matplotlib.

Every chart is a function ``plot_*(G, *, ax=None, labels="zh", title=None, figsize=None,
fontsize=None, style="color", …) -> (fig, ax)``: it takes the graph from
:func:`hbey_graph.graph.build_graph` (and, optionally, an analysis table already computed), draws
on `ax` or on a new :class:`matplotlib.figure.Figure` of `figsize` inches, and returns both as a
:class:`FigureAxes` pair, which Jupyter shows as the chart. ``title=False`` draws no title;
``fontsize`` is the base size every text scales with (matplotlib's ``font.size`` by default);
``style="gray"`` is safe for black-and-white print; ``labels="en"`` writes English names and titles
from the reference tables. No chart changes matplotlib's global settings: Chinese glyphs come from
the Noto Sans CJK SC font that the ``mplfonts`` package installs, given to every text artist
explicitly.

For a journal figure, draw at the final size and save at exactly that size:

>>> import tempfile
>>> from pathlib import Path
>>> from hbey_graph import load_plan
>>> from hbey_graph.graph import build_graph
>>> fig, ax = plot_lead_workload(build_graph(load_plan()), labels="en", title=False, fontsize=6,
...                              figsize=(90 / 25.4, 70 / 25.4), top=12)
>>> with tempfile.TemporaryDirectory() as folder:
...     path = save_figure(fig, Path(folder) / "workload.png", width_mm=90, height_mm=70, dpi=600)

Examples
--------
>>> from hbey_graph import load_plan
>>> from hbey_graph.graph import build_graph
>>> from hbey_graph.plot import plot_lead_workload
>>> fig, ax = plot_lead_workload(build_graph(load_plan()), labels="en")
>>> ax.get_xlabel()
'Number of tasks'
"""

from hbey_graph.plot._style import CHART_STYLES, FigureAxes, cjk_family, cjk_font, save_figure
from hbey_graph.plot.links import plot_cross_city_links
from hbey_graph.plot.matrix import plot_responsibility_matrix
from hbey_graph.plot.network import plot_co_assignment_heatmap, plot_coordination_network
from hbey_graph.plot.workload import plot_area_lead_heatmap, plot_lead_workload

__all__ = [
    "CHART_STYLES",
    "FigureAxes",
    "cjk_family",
    "cjk_font",
    "plot_area_lead_heatmap",
    "plot_co_assignment_heatmap",
    "plot_coordination_network",
    "plot_cross_city_links",
    "plot_lead_workload",
    "plot_responsibility_matrix",
    "save_figure",
]
