"""The report: every analysis table and every chart of a plan in one folder.

:func:`write_report` writes::

    index.html            one self-contained page: every chart (embedded PNG), every table,
                          the parser's warnings; inline CSS, no external address, readable offline
    charts/NAME.png|.svg  each chart as PNG and SVG
    tables/NAME.csv       each table as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese)
    explorer.html         the interactive explorer (:mod:`hbey_graph.explore`), one offline page
    tables.xlsx           one workbook: the 任务分工表 and 责任矩阵 sheets of
                          :func:`hbey_graph.io.write_allocation_xlsx`, the allocation table with
                          English headers and body names (``allocation_en``), then one sheet per
                          table
    graph/PLAN.graphml|.gexf|.json
                          the responsibility graph for Gephi, yEd, Cytoscape and scripts

The folder is written next to its destination under a temporary name and swapped in only when
everything is written, so a failure never leaves a half-written report behind; an existing
report folder is replaced, any other non-empty folder is refused.
"""

from __future__ import annotations

import base64
import html
import io
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx
import pandas as pd

from hbey_graph.errors import ReportFolderError
from hbey_graph.interrupts import start_worker
from hbey_graph.outputs import MANIFEST
from hbey_graph.records import Plan

__all__ = [
    "MARKER_FILE",
    "ReportChart",
    "ReportFolderError",
    "ReportTable",
    "font_face",
    "render_html",
    "report_charts",
    "report_tables",
    "write_report",
]

#: File that marks a folder as a report and lists its files, so that writing a report again may
#: replace them (:data:`hbey_graph.outputs.MANIFEST`).
MARKER_FILE = MANIFEST
#: The most rows of a table the report page shows; the CSV files hold every row.
PAGE_ROWS = 1000
#: The most rows of a table the workbook holds as a sheet of its own; the CSV files hold every row.
WORKBOOK_ROWS = 20_000
#: The command named in a report folder's manifest.
REPORT_COMMAND = "hbey-graph report"
#: The highest resolution of the PNG charts: 600 dpi is what print asks for, and the largest chart
#: at that resolution already takes a few hundred MB to draw.
MAX_DPI = 600


@dataclass(frozen=True)
class ReportTable:
    """One table of the report.

    Attributes
    ----------
    name : str
        File stem (``tables/NAME.csv``) and sheet name.
    title : str
        Heading (Chinese and English).
    description : str
        What a row is and where the numbers come from.
    frame : pandas.DataFrame
        The table.
    index : bool
        Whether the index carries data (a matrix) and is written.
    """

    name: str
    title: str
    description: str
    frame: pd.DataFrame
    index: bool = False


@dataclass(frozen=True)
class ReportChart:
    """One chart of the report: its file stem, caption and the function that draws it."""

    name: str
    title: str
    draw: Callable[[], tuple]


def _tables_of_plan(plan: Plan) -> dict[str, pd.DataFrame]:
    return {
        name: plan.table(name)
        for name in ("tasks", "assignments", "bodies", "places", "mentions", "projects", "links", "issues")
    }


def report_tables(plan: Plan, G: nx.MultiDiGraph, *, seed: int = 0) -> list[ReportTable]:
    """Every table of the report, in the order the page shows them.

    Parameters
    ----------
    plan : Plan
        The parsed plan (its own tables: tasks, assignments, bodies, places …, issues).
    G : networkx.MultiDiGraph
        Its graph from :func:`hbey_graph.graph.build_graph` (the analyses).
    seed : int
        Seed of the coordination clusters.

    Returns
    -------
    list of ReportTable

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> plan = load_plan()
    >>> tables = report_tables(plan, build_graph(plan))
    >>> [table.name for table in tables][:3]
    ['allocation', 'lead_workload', 'area_lead']
    """
    from hbey_graph import analysis

    own = _tables_of_plan(plan)
    frames = {
        "allocation": analysis.allocation_table(G),
        "lead_workload": analysis.lead_workload(G),
        "area_lead": analysis.area_lead_table(G),
        "responsibility_matrix": analysis.responsibility_matrix(G),
        "coordination_edges": analysis.coordination_edges(G),
        "co_assignment": analysis.co_assignment_table(G),
        "clusters": analysis.cluster_summary(G, seed=seed),
        "cluster_members": analysis.coordination_clusters(G, seed=seed),
        "centrality": analysis.centrality(G),
        "city_links": analysis.cross_city_edges(G, "city"),
        "city_matrix": analysis.cross_city_matrix(G),
        "place_links": analysis.place_links(G),
        **own,
    }
    return [
        ReportTable(
            name,
            title,
            description.format(seed=seed, cluster_warning=_cluster_warning(frames["clusters"])),
            frames[name],
            index=name in _MATRICES,
        )
        for name, title, description in _TABLES
    ]


def _cluster_warning(summary: pd.DataFrame) -> str:
    """The clusters' warning, said plainly before the table when their structure is weak."""
    warning = str(summary.warning.iloc[0]) if len(summary) and "warning" in summary else ""
    return f"⚠ 聚类结构较弱，请谨慎解读。{warning} " if warning else ""


#: Tables whose index carries data.
_MATRICES = ("area_lead", "responsibility_matrix", "city_matrix")

#: Name, heading and description of every table of the report, in page order.
_TABLES: tuple[tuple[str, str, str], ...] = (
    (
        "allocation",
        "任务分工表 Task allocation table",
        "每项任务的牵头单位、配合单位和实施主体，按方案原文顺序。"
        "One row per task: lead, supporting and implementing bodies as the annotation names them.",
    ),
    (
        "lead_workload",
        "牵头工作量 Lead workload",
        "每个单位牵头、配合、实施的任务数；share_led 为牵头任务占全部任务的比例；"
        "supporting_bodies 为其牵头任务中不同配合单位的数量，support_assignments 为配合分工总数。"
        "Tasks each body leads, supports and implements.",
    ),
    (
        "area_lead",
        "领域 × 牵头单位 Area × lead",
        "方案各领域（（一）至（六））中各单位牵头的任务数。Tasks led per area of the plan and lead body.",
    ),
    (
        "responsibility_matrix",
        "责任矩阵 Responsibility matrix",
        "任务 × 单位：牵 = 牵头，配 = 配合，实 = 实施，责 = 负责。Task × body with the role markers.",
    ),
    (
        "coordination_edges",
        "牵头→配合协调关系 Lead → support coordination",
        "牵头单位与配合单位之间共同承担的任务数（weight）。Tasks a lead shares with each supporting body.",
    ),
    (
        "co_assignment",
        "共同参与关系 Co-assignment",
        "两个单位同时被列入的任务数（tasks），以及 Newman 权重（每项任务计 1/(n−1)）。"
        "不含实施任务的市政府。Bodies named in the same tasks (implementing city governments left out).",
    ),
    (
        "clusters",
        "协调集群 Coordination clusters",
        "{cluster_warning}100 次 Louvain 运行（种子 {seed} 起）的共识划分：成员、主要领域、模块度贡献、"
        "跨运行稳定性与内聚度，整体模块度 Q 及其相对随机网络的 z 值。Consensus of 100 Louvain runs with "
        "members, themes, modularity, stability and cohesion; Q and its z-score against random networks.",
    ),
    ("cluster_members", "集群成员 Cluster members", "每个单位所属的协调集群。Cluster of every body."),
    (
        "centrality",
        "中心性与结构洞 Centrality and brokerage",
        "共同参与网络中的度、加权度、中介中心性、特征向量中心性、Burt 约束与有效规模、k-核。"
        "Degree, betweenness, eigenvector, constraint, effective size and k-core of every body.",
    ),
    (
        "city_links",
        "城市间联系 Links between cities",
        "归并到地级市的联系：种类、陈述该联系的任务数及任务编号。"
        "City-level links by kind with the tasks that state them.",
    ),
    (
        "city_matrix",
        "城市 × 城市 City × city",
        "两市之间（任一方向、任一种类）有联系的任务数。Tasks linking each pair of cities.",
    ),
    (
        "place_links",
        "地点间联系 Links between places",
        "方案原文所述的每条联系及其依据句。Every link as written, with its evidence.",
    ),
    ("tasks", "任务 Tasks", "方案的任务段落。The plan's task paragraphs."),
    ("assignments", "分工 Assignments", "每个单位在每项任务中的角色。Every body's role in every task."),
    ("bodies", "单位 Bodies", "方案列出的单位及其全称、英文名、类型。Every body named."),
    ("places", "地点 Places", "方案提及的地点（含上级城市、省区和坐标）。Places named."),
    ("mentions", "地点提及 Place mentions", "每项任务中提及的地点及位置。Where tasks name places."),
    ("projects", "项目 Projects", "任务中的项目、平台、基地、通道等。Named projects."),
    (
        "issues",
        "解析提示 Parser notes",
        "解析时发现并处理的问题（含行号）。What the parser noticed in the source, with line numbers.",
    ),
)


#: The most tasks the responsibility-matrix chart draws one row each; a larger plan's chart shows its
#: first tasks and says how many it leaves to the table.
CHART_TASKS = 150
#: The most areas the area heatmap draws; a plan with more shows its first areas and says so.
CHART_AREAS = 40
#: The most arrows the coordination network draws: the lightest are left out, and the title says
#: from what weight on arrows are drawn.
CHART_ARROWS = 300


def report_charts(
    G: nx.MultiDiGraph, *, labels: str = "zh", summary: pd.DataFrame | None = None, seed: int = 0
) -> list[ReportChart]:
    """The charts of the report, in page order, each drawn when its ``draw`` is called.

    A chart that cannot show a large plan whole shows part of it and says which part in its title:
    the first :data:`CHART_TASKS` tasks of the responsibility matrix, the first :data:`CHART_AREAS`
    areas of the area heatmap, the :data:`CHART_ARROWS` heaviest arrows of the coordination
    network. The report's tables always hold everything.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> [chart.name for chart in report_charts(build_graph(load_plan()))][:2]
    ['lead_workload', 'area_lead']
    """
    from hbey_graph import plot
    from hbey_graph.analysis import cluster_summary, coordination_edges
    from hbey_graph.graph import task_table

    clusters = cluster_summary(G, seed=seed) if summary is None else summary
    zh = labels == "zh"
    tasks = task_table(G)
    areas = list(dict.fromkeys(zip(tasks.plan_id, tasks.section, strict=True)))
    matrix_graph, matrix_title = G, None
    if len(tasks) > CHART_TASKS:
        matrix_graph = _with_tasks(G, tasks.head(CHART_TASKS))
        matrix_title = (
            f"任务分工矩阵：前 {CHART_TASKS} 项任务"
            f"（共 {len(tasks)} 项，全部见 tables/responsibility_matrix.csv）"
            if zh
            else f"Responsibility matrix: first {CHART_TASKS} of {len(tasks)} tasks "
            "(all in tables/responsibility_matrix.csv)"
        )
    area_graph, area_title = G, None
    if len(areas) > CHART_AREAS:
        kept = set(areas[:CHART_AREAS])
        area_graph = _with_tasks(
            G, tasks[[key in kept for key in zip(tasks.plan_id, tasks.section, strict=True)]]
        )
        area_title = (
            f"各领域牵头任务数：前 {CHART_AREAS} 个领域（共 {len(areas)} 个）"
            if zh
            else f"Tasks led by area: first {CHART_AREAS} of {len(areas)} areas"
        )
    weights = sorted(coordination_edges(G).weight, reverse=True)
    min_weight, network_title = 1, None
    if len(weights) > CHART_ARROWS:
        # leave out the first arrow past the limit and every arrow as light, unless all weigh the same
        min_weight = min(int(weights[CHART_ARROWS]) + 1, int(weights[0]))
        drawn = sum(weight >= min_weight for weight in weights)
        network_title = (
            f"协调网络：共同任务不少于 {min_weight} 项的 {drawn} 条箭头（共 {len(weights)} 条）"
            if zh
            else f"Coordination network: the {drawn} of {len(weights)} arrows with at least {min_weight} "
            "shared tasks"
        )
    return [
        ReportChart(
            "lead_workload",
            "各单位承担的任务 Tasks per body",
            lambda: plot.plot_lead_workload(G, labels=labels),
        ),
        ReportChart(
            "area_lead",
            "各领域的牵头单位 Lead bodies by area",
            lambda: plot.plot_area_lead_heatmap(area_graph, labels=labels, title=area_title),
        ),
        ReportChart(
            "responsibility_matrix",
            "任务分工矩阵 Responsibility matrix",
            lambda: plot.plot_responsibility_matrix(matrix_graph, labels=labels, title=matrix_title),
        ),
        ReportChart(
            "coordination_network",
            "协调网络 Coordination network",
            lambda: plot.plot_coordination_network(
                G, summary=clusters, labels=labels, min_weight=min_weight, title=network_title
            ),
        ),
        ReportChart(
            "co_assignment",
            "共同参与矩阵 Co-assignment heatmap",
            lambda: plot.plot_co_assignment_heatmap(G, summary=clusters, labels=labels),
        ),
        ReportChart(
            "place_links_map",
            "地点间联系 Links between places" if zh else "Links between places",
            lambda: plot.plot_cross_city_links(G, level="place", labels=labels),
        ),
        ReportChart(
            "city_links_map",
            "城市间联系 Links between cities" if zh else "Links between cities",
            lambda: plot.plot_cross_city_links(G, level="city", labels=labels),
        ),
    ]


def _with_tasks(G: nx.MultiDiGraph, tasks: pd.DataFrame) -> nx.MultiDiGraph:
    """A view of `G` whose only tasks are those of `tasks` (rows of :func:`~hbey_graph.graph.task_table`)."""
    from hbey_graph.graph import node_key

    kept = {node_key(pid, "Task", tid) for pid, tid in zip(tasks.plan_id, tasks.task_id, strict=True)}
    return nx.subgraph_view(G, filter_node=lambda node: G.nodes[node].get("kind") != "Task" or node in kept)


# --------------------------------------------------------------------------------------------- HTML

_CSS = """
:root { --ink: #222; --muted: #666; --rule: #ddd; --accent: #b2182b; --band: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
  font-family: "hbey-cjk", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 0 24px 64px; }
header.top { background: var(--band); border-bottom: 1px solid var(--rule); padding: 28px 0 18px; }
header.top > div { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
h1 { font-size: 1.6rem; margin: 0 0 6px; }
h2 { font-size: 1.3rem; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.08rem; margin: 28px 0 4px; }
.meta { color: var(--muted); margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 0; padding: 0; list-style: none; }
.facts li { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 6px 12px; }
.facts b { font-size: 1.15rem; margin-right: 4px; }
nav.toc { columns: 2 280px; margin: 18px 0 0; font-size: 0.92rem; }
nav.toc a { color: var(--ink); }
figure { margin: 18px 0 32px; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 4px; }
p.note { color: var(--muted); margin: 2px 0 8px; font-size: 0.93rem; }
.scroll { overflow: auto; max-height: 640px; border: 1px solid var(--rule); }
table.data { border-collapse: collapse; font-size: 0.85rem; width: max-content; min-width: 100%; }
table.data th, table.data td { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left;
  vertical-align: top; max-width: 560px; }
table.data thead th { position: sticky; top: 0; background: var(--band); border-bottom: 1px solid var(--rule);
  z-index: 1; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data tbody tr:hover { background: #fafbfd; }
table.warnings td.severity-warning { color: var(--accent); font-weight: 600; }
.files li { margin: 2px 0; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 48px; border-top: 1px solid var(--rule);
  padding-top: 10px; }
p.coverage { font-size: 1.02rem; margin: 6px 0 10px; }
p.coverage b { font-size: 1.15rem; }
a.explorer { display: inline-block; margin-top: 12px; padding: 5px 12px; border: 1px solid var(--accent);
  border-radius: 6px; color: var(--accent); text-decoration: none; font-weight: 600; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10pt; line-height: 1.4; }
  header.top { background: none; border-bottom: 2px solid #000; padding: 0 0 8px; }
  main, header.top > div { max-width: none; padding: 0; }
  nav.toc, a.explorer, figcaption a, .files { display: none; }
  h2 { break-after: avoid; border-bottom-color: #000; }
  h3 { break-after: avoid; }
  figure { break-inside: avoid; margin: 8px 0 16px; }
  figure img { border: none; max-height: 240mm; }
  .scroll { overflow: visible; max-height: none; border: none; }
  table.data { font-size: 7.5pt; width: 100%; min-width: 0; }
  table.data thead { display: table-header-group; }
  table.data thead th { position: static; }
  table.data tr { break-inside: avoid; }
  table.data th, table.data td { max-width: none; padding: 1px 4px; }
  a { color: inherit; text-decoration: none; }
}
"""


def font_face(text: str) -> str:
    """A CSS ``@font-face`` rule embedding the CJK font, cut down to the characters of `text`.

    The page then shows its Chinese with the charts' font on any machine, also one without a
    Chinese system font, and still refers to nothing outside itself. Returns ``""`` (the page
    falls back to the reader's system fonts) if fontTools or the font is unavailable.

    Examples
    --------
    >>> rule = font_face("牵头单位")
    >>> rule.startswith("@font-face") and "data:font/woff;base64," in rule
    True
    """
    try:
        from fontTools import subset

        from hbey_graph.plot._style import font_path

        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = []
        options.hinting = False
        options.name_IDs = [1, 2]
        options.drop_tables += ["GSUB", "GPOS", "VORG", "vhea", "vmtx", "BASE"]
        font = subset.load_font(str(font_path()), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted({c for c in text if not c.isspace()})))
        subsetter.subset(font)
        buffer = io.BytesIO()
        subset.save_font(font, buffer, options)
    except (ImportError, OSError):
        return ""
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'@font-face {{ font-family: "hbey-cjk"; src: url(data:font/woff;base64,{data}) format("woff"); }}'


def _cell(value: object) -> tuple[str, bool]:
    """Text of a table cell and whether it is a number."""
    if isinstance(value, bool):
        return ("是" if value else "否"), False
    if isinstance(value, int) or (
        hasattr(value, "dtype")
        and getattr(value, "dtype", None) is not None
        and str(value.dtype).startswith("int")
    ):
        return str(value), True
    if isinstance(value, float):
        if value != value:  # NaN
            return "", True
        return (f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"), True
    return ("" if value is None else str(value)), False


def _html_table(frame: pd.DataFrame, *, index: bool, css: str = "data") -> str:
    """A DataFrame as an escaped HTML table (numbers right-aligned)."""
    columns = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    rows = []
    for label, record in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        values = ([label] if index else []) + list(record)
        cells = []
        for column, value in zip(columns, values, strict=True):
            text, number = _cell(value.item() if hasattr(value, "item") else value)
            classes = ["num"] if number else []
            if css.endswith("warnings") and column == "severity":
                classes.append(f"severity-{text}")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>' + "".join(rows) + "</tbody></table>"


def render_html(
    plan: Plan,
    G: nx.MultiDiGraph,
    tables: list[ReportTable],
    charts: list[tuple[ReportChart, bytes]],
    files: list[str],
) -> str:
    """The report page: a header with the plan's facts, the parser's warnings, charts, tables, files.

    Parameters
    ----------
    plan, G
        The plan and its graph.
    tables : list of ReportTable
        Every table, shown in full up to :data:`PAGE_ROWS` rows (the rest in its CSV file).
    charts : list of (ReportChart, bytes)
        Each chart with its PNG, embedded as base64.
    files : list of str
        Paths (relative to the report folder) of the files written beside the page.

    Returns
    -------
    str
        The complete HTML document; it refers to nothing outside itself but the files beside it,
        and embeds the CJK font for the characters it uses (see :func:`font_face`).

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> from hbey_graph.graph import build_graph
    >>> plan = load_plan()
    >>> page = render_html(plan, build_graph(plan), [], [], [])
    >>> "内政发〔2018〕55号" in page and "http" not in page
    True
    """
    from hbey_graph import __version__

    esc = html.escape
    workload = next((t.frame for t in tables if t.name == "lead_workload"), None)
    leads = int((workload.led > 0).sum()) if workload is not None else 0
    assigned, task_like = plan.coverage()
    facts = [
        (len(plan.tasks), "项任务 tasks"),
        (f"{assigned}/{task_like}", "项有分工 tasks with responsibility / task-like items"),
        (len(plan.bodies), "个单位 bodies"),
        (leads, "个牵头单位 lead bodies"),
        (len(plan.assignments), "条分工 assignments"),
        (len(plan.places), "个地点 places"),
        (len(plan.links), "条地点联系 links"),
        (len(plan.projects), "个项目 projects"),
    ]
    date = plan.date.isoformat() if plan.date else ""
    meta = " · ".join(x for x in (plan.doc_number, plan.issuer, date) if x)
    warnings = [issue for issue in plan.issues if issue.severity == "warning"]
    repairs = len(plan.issues) - len(warnings)

    toc = ['<a href="#warnings">解析覆盖与警告 Coverage and warnings</a>']
    toc += ['<a href="#charts">图表 Charts</a>']
    toc += [f'<a href="#chart-{c.name}">— {esc(c.title)}</a>' for c, _ in charts]
    toc += ['<a href="#tables">表格 Tables</a>']
    toc += [f'<a href="#table-{t.name}">— {esc(t.title)}</a>' for t in tables]
    toc += ['<a href="#files">文件 Files</a>']

    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(plan.title or plan.plan_id)} — 分工报告</title>",
        f"<style>{_CSS}</style></head><body>",
        '<header class="top"><div>',
        f"<h1>{esc(plan.title or plan.plan_id)}</h1>",
        f'<p class="meta">{esc(meta)}</p>' if meta else "",
        '<ul class="facts">' + "".join(f"<li><b>{n}</b>{esc(label)}</li>" for n, label in facts) + "</ul>",
        '<nav class="toc">' + "<br>".join(toc) + "</nav>",
        '<a class="explorer" href="explorer.html">交互式浏览 Open the explorer '
        "(search, filter, read each task)</a>"
        if "explorer.html" in files
        else "",
        "</div></header><main>",
        '<section id="warnings"><h2>解析覆盖与警告 Parse coverage and warnings</h2>',
        f'<p class="coverage" id="coverage">{_coverage_sentence(assigned, task_like, warnings)}</p>',
    ]
    if warnings:
        frame = pd.DataFrame(
            [{"line": i.line, "severity": i.severity, "kind": i.kind, "message": i.message} for i in warnings]
        )
        parts.append(
            f'<p class="note">解析器在原文中发现 {len(warnings)} 处需要留意的地方（行号为原文件行号）；'
            f"另有 {repairs} 处常规修复（跨页断句、数字中的空格等），全部列于下方“解析提示”表。"
            f"The parser flagged {len(warnings)} places in the source; {repairs} routine repairs are "
            "listed in the Parser notes table.</p>"
        )
        parts.append('<div class="scroll">' + _html_table(frame, index=False, css="data warnings") + "</div>")
    else:
        parts.append(
            f'<p class="note">没有警告；{repairs} 处常规修复见“解析提示”表。'
            f"No warnings; {repairs} routine repairs are listed in the Parser notes table.</p>"
        )
    parts.append("</section>")

    parts.append('<section id="charts"><h2>图表 Charts</h2>')
    for chart, png in charts:
        data = base64.b64encode(png).decode("ascii")
        parts.append(
            f'<figure id="chart-{chart.name}"><h3>{esc(chart.title)}</h3>'
            f'<img alt="{esc(chart.title)}" src="data:image/png;base64,{data}">'
            f'<figcaption><a href="charts/{chart.name}.png">PNG</a> · '
            f'<a href="charts/{chart.name}.svg">SVG</a></figcaption></figure>'
        )
    parts.append("</section>")

    parts.append('<section id="tables"><h2>表格 Tables</h2>')
    for table in tables:
        rows, cols = table.frame.shape
        parts.append(
            f'<h3 id="table-{table.name}">{esc(table.title)}</h3>'
            f'<p class="note">{esc(table.description)} <a href="tables/{table.name}.csv">CSV</a> · '
            f"{rows} 行 rows × {cols} 列 columns</p>"
        )
        if rows > PAGE_ROWS:
            parts.append(
                f'<p class="note">页面只列出前 {PAGE_ROWS} 行，全部 {rows} 行见 CSV。'
                f"The page shows the first {PAGE_ROWS} of {rows} rows; the CSV has them all.</p>"
            )
        if rows:
            shown = table.frame.head(PAGE_ROWS)
            parts.append('<div class="scroll">' + _html_table(shown, index=table.index) + "</div>")
        else:
            parts.append('<p class="note">（空表 empty）</p>')
    parts.append("</section>")

    parts.append('<section id="files"><h2>文件 Files</h2><ul class="files">')
    parts += [f'<li><a href="{esc(name)}">{esc(name)}</a></li>' for name in files]
    parts.append("</ul></section>")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts.append(f"<footer>hbey_graph {esc(__version__)} · {esc(plan.plan_id)} · {stamp}</footer>")
    parts.append("</main></body></html>")
    page = "\n".join(part for part in parts if part)
    shown = re.sub(r"data:[^\"]+", "", page)  # the characters a reader sees, not the embedded images
    return page.replace("<style>", f"<style>{font_face(shown)}\n", 1)


def _coverage_sentence(assigned: int, task_like: int, warnings: list) -> str:
    """What share of the task-like items the parser found a responsible body for, as HTML."""
    share = f"{assigned / task_like:.0%}" if task_like else "—"
    missed = task_like - assigned
    rest = (
        f"其余 {missed} 项列为 unassigned-task（见下表和“解析提示”）。"
        f"The other {missed} are listed as unassigned-task below and in the Parser notes."
        if missed
        else "All task-like items have a responsible body."
    )
    return (
        f"解析覆盖率 Parse coverage: <b>{assigned}/{task_like}</b>（{share}）项类任务条目找到了责任单位 "
        f"task-like items have a responsible body; {len(warnings)} 处警告 warnings. {html.escape(rest)}"
    )


# ------------------------------------------------------------------------------------------- writing


def write_report(
    plan: Plan | str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = "report",
    *,
    labels: str = "zh",
    dpi: float = 110,
    seed: int = 0,
    jobs: int | None = None,
    progress: bool = False,
) -> Path:
    """Write the report of a plan: HTML page, charts, CSV tables, workbook and graph files.

    Parameters
    ----------
    plan : Plan, path or None
        A parsed plan, the path of a plan file, or None for the bundled plan.
    out : str or path-like
        The report folder: created, or written into if it is empty or holds an earlier report
        (whose files are replaced only once the new report is complete). A symbolic link is
        followed, and the current folder (``"."``) is written into, never moved.
    labels : {"zh", "en"}
        Language of the chart labels.
    dpi : float
        Resolution of the PNG charts.
    seed : int
        Seed of the coordination clusters.
    jobs : int, optional
        Processes that draw the charts: 1 draws them in this process; by default up to two, as
        the machine's processors allow.
    progress : bool
        Show a progress bar on standard error.

    Returns
    -------
    pathlib.Path
        The report folder.

    Raises
    ------
    ReportFolderError
        If `out` is a file, lies below a file, or is a non-empty folder that holds no report.
    OutputError
        If the folder cannot be written (no permission, a full disk); an earlier report there is
        left as it was.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from hbey_graph import parse_text
    >>> plan = parse_text('''一、主要任务
    ... （一）交通
    ... 1. 建设铁路。推进包头至银川铁路建设。（实施主体：包头市人民政府，自治区交通运输厅、发展改革委）
    ... ''')
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_report(plan, Path(folder) / "report", jobs=1)
    ...     sorted(p.name for p in out.iterdir())
    ['.hbey-graph-output', 'charts', 'explorer.html', 'graph', 'index.html', 'tables', 'tables.xlsx']
    """
    from tqdm import tqdm

    from hbey_graph.extract.parser import load_plan
    from hbey_graph.graph import build_graph
    from hbey_graph.io import write_gexf, write_graphml, write_node_link_json
    from hbey_graph.outputs import check_output_folder, output_folder
    from hbey_graph.plot._style import check_labels

    check_labels(labels)
    if not dpi > 0 or dpi > MAX_DPI:
        raise ValueError(f"dpi must be above 0 and at most {MAX_DPI}, not {dpi}")
    check_output_folder(out, REPORT_COMMAND)  # before any work: a file, a folder of someone else's

    if not isinstance(plan, Plan):
        plan = load_plan(plan)  # before the progress bar, so that the parser's warnings stand apart
    G = build_graph(plan)
    bar = tqdm(
        total=12,
        desc="hbey-graph report",
        unit="step",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    )

    def step(what: str) -> None:
        bar.set_postfix_str(what, refresh=False)
        bar.update(1)

    try:
        with output_folder(out, REPORT_COMMAND) as tmp:
            step("plan read")
            tables = report_tables(plan, G, seed=seed)
            summary = next(t.frame for t in tables if t.name == "clusters")
            step("analyses")

            charts_dir = tmp / "charts"
            charts_dir.mkdir()
            charts = report_charts(G, labels=labels, summary=summary, seed=seed)
            bar.total = 6 + len(charts)
            jobs = _chart_jobs(jobs, len(charts))
            for name in _draw_charts(charts, charts_dir, dpi, jobs, (G, summary, labels, seed)):
                step(name)
            rendered = [(chart, (charts_dir / f"{chart.name}.png").read_bytes()) for chart in charts]

            tables_dir = tmp / "tables"
            tables_dir.mkdir()
            for table in tables:
                table.frame.to_csv(
                    tables_dir / f"{table.name}.csv",
                    index=table.index,
                    encoding="utf-8-sig",
                    lineterminator="\n",
                )
            _write_workbook(G, tables, tmp / "tables.xlsx")
            step("tables")

            graph_dir = tmp / "graph"
            graph_dir.mkdir()
            stem = plan.plan_id
            write_graphml(G, graph_dir / f"{stem}.graphml")
            write_gexf(G, graph_dir / f"{stem}.gexf")
            write_node_link_json(G, graph_dir / f"{stem}.json")
            step("graph files")

            from hbey_graph.explore import render_explorer

            explorer = render_explorer(G, [plan], labels=labels, seed=seed, summary=summary)
            (tmp / "explorer.html").write_text(explorer, encoding="utf-8")
            step("explorer.html")

            files = ["explorer.html", "tables.xlsx"]
            files += [f"graph/{stem}.{ext}" for ext in ("graphml", "gexf", "json")]
            files += [f"charts/{c.name}.{ext}" for c, _ in rendered for ext in ("png", "svg")]
            files += [f"tables/{t.name}.csv" for t in tables]
            page = render_html(plan, G, tables, rendered, files)
            (tmp / "index.html").write_text(page, encoding="utf-8")
            step("index.html")
    finally:
        bar.close()
    return Path(os.path.realpath(out))


def _chart_jobs(jobs: int | None, n_charts: int) -> int:
    if jobs is None:
        jobs = min(2, os.cpu_count() or 1)
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return max(1, min(jobs, n_charts))


def _draw_charts(
    charts: list[ReportChart], folder: Path, dpi: float, jobs: int, worker_args: tuple
) -> Iterator[str]:
    """Draw every chart into `folder`, in `jobs` processes; yield each chart's name as it is done.

    Helpers take charts from the end of the list while this process takes them from the start; a
    chart is drawn by whoever claims it first, so a helper that is slow to start costs nothing. The
    helpers are ended on every way out: an error, an interrupt or a termination signal (which the
    command turns into an exception), and the kernel ends them if this process is killed outright.
    """
    if jobs == 1:
        for chart in charts:
            yield _draw_chart(chart, folder, dpi)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    # The graph goes with the task, not with the start, so that a worker sets itself up (see
    # start_worker) before it imports anything heavy.
    pool = context.Pool(jobs - 1, initializer=start_worker)
    try:
        names = [chart.name for chart in reversed(charts)]
        task = (names, str(folder), dpi, *worker_args)
        helpers = [pool.apply_async(_draw_in_worker, task) for _ in range(jobs - 1)]
        yield from _draw_claimed(charts, folder, dpi)
        for helper in helpers:
            yield from helper.get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    for claim in folder.glob(".claim-*"):
        claim.unlink()


def _draw_chart(chart: ReportChart, folder: Path, dpi: float) -> str:
    """Draw one chart and write it as PNG and SVG into `folder`."""
    from hbey_graph.plot import save_figure

    fig, _ = chart.draw()
    save_figure(fig, folder / f"{chart.name}.png", dpi=dpi)
    fig.set_layout_engine("none")  # the layout is settled: the SVG needs no second pass
    save_figure(fig, folder / f"{chart.name}.svg")
    return chart.name


def _draw_claimed(charts: list[ReportChart], folder: Path, dpi: float) -> Iterator[str]:
    """Draw, in order, every chart of `charts` that no other process has claimed yet."""
    for chart in charts:
        try:
            os.close(os.open(folder / f".claim-{chart.name}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        yield _draw_chart(chart, folder, dpi)


def _draw_in_worker(
    names: list[str],
    folder: str,
    dpi: float,
    G: nx.MultiDiGraph,
    summary: pd.DataFrame,
    labels: str,
    seed: int,
) -> list[str]:
    charts = {chart.name: chart for chart in report_charts(G, labels=labels, summary=summary, seed=seed)}
    return list(_draw_claimed([charts[name] for name in names], Path(folder), dpi))


def _write_workbook(G: nx.MultiDiGraph, tables: list[ReportTable], path: Path) -> None:
    """The allocation workbook of :mod:`hbey_graph.io` with one more sheet per report table.

    A table of more than :data:`WORKBOOK_ROWS` rows is left to its CSV file and listed, with its
    size, on a last sheet ``not_in_workbook``: such sheets take openpyxl minutes to write.
    """
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from hbey_graph.io import allocation_workbook

    book = allocation_workbook(G)
    bold = Font(bold=True)
    allocation = next((t.frame for t in tables if t.name == "allocation"), None)
    if allocation is not None:
        _english_allocation_sheet(G, allocation, book.create_sheet("allocation_en", 2), bold)
    left_out = []
    for table in tables:
        if table.name in ("allocation", "responsibility_matrix"):
            continue  # the allocation workbook holds them already, formatted
        if len(table.frame) > WORKBOOK_ROWS:
            left_out.append([table.name, len(table.frame), f"tables/{table.name}.csv"])
            continue
        sheet = book.create_sheet(table.name[:31])
        frame = table.frame.reset_index() if table.index else table.frame
        sheet.append([str(c) for c in frame.columns])
        for record in frame.itertuples(index=False, name=None):
            sheet.append([_excel_value(v) for v in record])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for column, name in enumerate(frame.columns, start=1):
            longest = max([len(str(name)), *(len(str(v)) for v in frame.iloc[:, column - 1].head(200))])
            sheet.column_dimensions[get_column_letter(column)].width = min(max(8, longest + 2), 60)
    if left_out:
        sheet = book.create_sheet("not_in_workbook")
        sheet.append(["table", "rows", "file"])
        for row in left_out:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = bold
    book.save(path)


def _english_allocation_sheet(G: nx.MultiDiGraph, frame: pd.DataFrame, sheet, bold) -> None:
    """The 任务分工表 with English headers (``data/column_headers_en.csv``) and English body names.

    Task texts stay as the plan writes them; a body without an English name keeps its Chinese one.
    """
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from hbey_graph.plot._style import body_labels
    from hbey_graph.reference import read_table

    headers = {row["header"]: row["header_en"] for row in read_table("column_headers_en.csv")}
    body_columns = [c for c in frame.columns if c in ("牵头单位", "配合单位", "实施主体", "责任单位")]
    named = {b for c in body_columns for cell in frame[c] for b in str(cell).split("、") if b}
    english = body_labels(G, named, "en")
    sheet.append([headers.get(str(c), str(c)) for c in frame.columns])
    for record in frame.itertuples(index=False, name=None):
        row = []
        for column, value in zip(frame.columns, record, strict=True):
            if column in body_columns:
                value = "; ".join(english.get(b, b) for b in str(value).split("、") if b)
            row.append(_excel_value(value))
        sheet.append(row)
    widths = {"No.": 6, "Task text": 70, "Lead": 30, "Supporting bodies": 50, "Implementers": 34}
    for number, cell in enumerate(sheet[1], start=1):
        cell.font = bold
        sheet.column_dimensions[get_column_letter(number)].width = widths.get(str(cell.value), 30)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _excel_value(value: object) -> object:
    if hasattr(value, "item"):
        value = value.item()  # numpy scalar → Python
    if isinstance(value, float) and value != value:
        return None
    return value
