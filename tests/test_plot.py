"""Charts: what each one draws, checked against the plan text and small hand-made plans."""

import dataclasses
import warnings
from collections import Counter
from itertools import combinations

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from small_plan import small_plan
from test_parser import LEADS

from hbey_graph import load_plan
from hbey_graph.graph import build_graph
from hbey_graph.plot import (
    cjk_family,
    plot_area_lead_heatmap,
    plot_co_assignment_heatmap,
    plot_coordination_network,
    plot_cross_city_links,
    plot_lead_workload,
    plot_responsibility_matrix,
)
from hbey_graph.records import Link, Place

CHARTS = [
    plot_lead_workload,
    plot_area_lead_heatmap,
    plot_responsibility_matrix,
    plot_coordination_network,
    plot_co_assignment_heatmap,
    plot_cross_city_links,
]

AREA_TITLES = [
    "优化城市群发展空间布局",
    "引导产业协同发展",
    "加快基础设施互联互通",
    "推进生态环境共建共保",
    "构建开放合作新格局",
    "创新协同发展体制机制",
]


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


@pytest.fixture(scope="module")
def G(plan):
    return build_graph(plan)


def draw(fig):
    """Render the figure off-screen (labels, layout and fonts are resolved at draw time)."""
    fig.canvas.draw() if hasattr(fig.canvas, "get_renderer") else fig.draw_without_rendering()
    return fig


def texts(ax):
    return [t.get_text() for t in ax.texts]


def role_counts(plan, role):
    """Tasks per body in a role, counted from the parser's records."""
    return Counter(
        a.body for a in {(a.task_id, a.body, a.role): a for a in plan.assignments}.values() if a.role == role
    )


# --------------------------------------------------------------------------- glyphs and global state


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("labels", ["zh", "en"])
def test_drawing_emits_no_warning_and_uses_the_cjk_font(G, chart, labels):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning from the renderer
        fig, ax = chart(G, labels=labels)
        fig.savefig(__import__("io").BytesIO(), format="png", dpi=40)
    families = {tuple(t.get_fontfamily()) for t in ax.get_xticklabels() + ax.get_yticklabels() + ax.texts}
    assert families <= {(cjk_family(),)}


def test_the_font_comes_from_the_installed_mplfonts_package():
    from hbey_graph.plot._style import font_path

    assert font_path().parent.parent.name == "mplfonts"
    assert cjk_family() == "Noto Sans CJK SC"


def test_charts_change_no_global_matplotlib_setting(G):
    before = dict(matplotlib.rcParams)
    for chart in CHARTS:
        chart(G, labels="zh")
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k] and k != "backend"} == set()


def test_a_chart_draws_on_the_axes_it_is_given(G):
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_lead_workload(G, ax=ax) == (fig, ax)


def test_unknown_label_language_is_refused(G):
    with pytest.raises(ValueError, match="labels must be 'zh' or 'en'"):
        plot_lead_workload(G, labels="fr")


# ---------------------------------------------------------------------------------- lead workload


def test_workload_bars_are_the_plans_counts(G, plan):
    _fig, ax = plot_lead_workload(G)
    bodies = [t.get_text() for t in ax.get_yticklabels()]
    bars = {c.get_label(): [p.get_width() for p in c] for c in ax.containers}
    assert set(bars) == {"led", "supported", "implemented"}
    led = Counter(LEADS.values())
    assert dict(zip(bodies, bars["led"], strict=True)) == {b: led.get(b, 0) for b in bodies}
    assert bars["led"][0] == 10 and bodies[0] == "自治区发展改革委"
    supported, implemented = role_counts(plan, "support"), role_counts(plan, "implementer")
    assert dict(zip(bodies, bars["supported"], strict=True)) == {b: supported.get(b, 0) for b in bodies}
    assert dict(zip(bodies, bars["implemented"], strict=True)) == {b: implemented.get(b, 0) for b in bodies}
    # the segments stack: each supported bar starts where the led bar ends
    for led_bar, support_bar in zip(*(c.patches for c in ax.containers[:2]), strict=True):
        assert support_bar.get_x() == pytest.approx(led_bar.get_width())
    assert len(bodies) == len(plan.bodies) == 32
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["牵头", "配合", "实施"]


def test_workload_in_english_uses_the_reference_names(G):
    _fig, ax = plot_lead_workload(G, labels="en", top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Development and Reform Commission",
        "Dept. of Science and Technology",
        "Dept. of Industry and Information Technology",
    ]
    assert ax.get_xlabel() == "Number of tasks"


# ------------------------------------------------------------------------------------ area × lead


def test_area_lead_heatmap_holds_the_leads_of_each_area(G):
    _fig, ax = plot_area_lead_heatmap(G)
    counts = np.asarray(ax.images[0].get_array())
    areas = [t.get_text() for t in ax.get_yticklabels()]
    leads = [t.get_text() for t in ax.get_xticklabels()]
    assert areas == AREA_TITLES
    for row, area in enumerate(areas, start=1):
        expected = Counter(body for task, body in LEADS.items() if task.startswith(f"T{row}."))
        values = counts[row - 1]
        drawn = {"自治区" + lead: values[col] for col, lead in enumerate(leads) if values[col]}
        assert drawn == expected, area
    written = [t.get_text() for t in ax.texts if t.get_gid() == "count"]
    assert sorted(map(int, written)) == sorted(n for row in counts for n in row if n)


def test_area_labels_in_english_are_the_titles_in_english(G):
    _fig, ax = plot_area_lead_heatmap(G, labels="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Spatial layout of the city cluster",
        "Coordinated industrial development",
        "Connected infrastructure",
        "Joint environmental protection",
        "Opening up and cooperation",
        "Institutions for coordinated development",
    ]


def test_an_area_without_an_english_title_is_numbered(G):
    from hbey_graph.plot.workload import area_labels

    graph = G.copy()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "Section" and data.get("title") == "引导产业协同发展":
            graph.nodes[node]["title"] = "某个没有译名的领域"
    assert area_labels(graph, ["某个没有译名的领域"], "en") == {"某个没有译名的领域": "Area 2"}


# ------------------------------------------------------------------------------ responsibility matrix


def test_responsibility_matrix_marks_every_assignment(G, plan):
    _fig, ax = plot_responsibility_matrix(G)
    tasks = [t.get_text().split()[0] for t in ax.get_yticklabels()]
    bodies = [t.get_text() for t in ax.get_xticklabels()]
    assert tasks == list(LEADS)

    def cells(role):
        points = next(c for c in ax.collections if c.get_gid() == f"role:{role}").get_offsets()
        return {(tasks[round(y)], bodies[round(x)]) for x, y in points}

    short = {b: b.removeprefix("自治区").replace("人民政府", "政府") for b in plan.bodies}
    assert cells("lead") == {(task, short[body]) for task, body in LEADS.items()}
    for role in ("support", "implementer"):
        expected = {(a.task_id, short[a.body]) for a in plan.assignments if a.role == role}
        assert cells(role) == expected
        marks = next(c for c in ax.collections if c.get_gid() == f"mark:{role}")
        assert len(marks.get_offsets()) == len(expected)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["牵 牵头", "配 配合", "实 实施"]
    assert bodies[-3:] == ["呼和浩特市政府", "包头市政府", "鄂尔多斯市政府"]


# --------------------------------------------------------------------------------- the network


def test_coordination_network_draws_every_lead_support_pair(G, plan):
    fig, ax = plot_coordination_network(G)
    draw(fig)
    leads = {(a.task_id, a.body) for a in plan.assignments if a.role == "lead"}
    supports = {(a.task_id, a.body) for a in plan.assignments if a.role == "support"}
    pairs = Counter((lead, support) for task, lead in leads for t, support in supports if t == task)
    edges = [p for p in ax.patches if p.get_gid() == "edge"]
    assert sorted(p.get_label() for p in edges) == sorted(f"{a}→{b}" for a, b in pairs)
    # the heaviest pair (发展改革委 → 自然资源厅, 8 tasks) has the widest arrow
    widest = max(edges, key=lambda p: p.get_linewidth())
    assert pairs[tuple(widest.get_label().split("→"))] == max(pairs.values())
    bodies = {body for _, body in leads | supports}
    nodes = next(c for c in ax.collections if c.get_gid() == "nodes")
    assert len(nodes.get_offsets()) == len(bodies) == 29
    labels = [t for t in ax.texts if t.get_gid() == "label"]
    assert sorted(t.get_text() for t in labels) == sorted(b.removeprefix("自治区") for b in bodies)
    assert_no_overlap(fig, labels)


def test_english_network_labels_do_not_overlap_either(G):
    fig, ax = plot_coordination_network(G, labels="en")
    draw(fig)
    labels = [t for t in ax.texts if t.get_gid() == "label"]
    assert len(labels) == 29
    assert "Development and Reform Commission" in {t.get_text().replace("\n", " ") for t in labels}
    assert_no_overlap(fig, labels)


def test_network_nodes_take_their_clusters_colour(G):
    from hbey_graph.analysis import cluster_summary

    summary = cluster_summary(G, seed=0)
    _fig, ax = plot_coordination_network(G, summary=summary)
    nodes = next(c for c in ax.collections if c.get_gid() == "nodes")
    colours = [tuple(c) for c in nodes.get_facecolors()]
    cluster_of = {b: row.cluster for row in summary.itertuples() for b in row.members.split("、")}
    bodies = sorted(cluster_of, key=lambda b: (cluster_of[b], b))
    assert len(colours) == len(bodies)
    by_cluster = {}
    for body, colour in zip(bodies, colours, strict=True):
        by_cluster.setdefault(cluster_of[body], set()).add(colour)
    assert all(len(c) == 1 for c in by_cluster.values())
    assert len({next(iter(c)) for c in by_cluster.values()}) == len(by_cluster)


def assert_no_overlap(fig, artists):
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else fig._get_renderer()
    boxes = [a.get_window_extent(renderer) for a in artists]
    for (i, a), (j, b) in combinations(enumerate(boxes), 2):
        assert not a.overlaps(b) or a.intersection(a, b).width * a.intersection(a, b).height < 4, (
            artists[i].get_text(),
            artists[j].get_text(),
        )


def test_small_plan_network_in_english():
    G = build_graph(small_plan())
    _fig, ax = plot_coordination_network(G, labels="en")
    assert sorted(p.get_label() for p in ax.patches if p.get_gid() == "edge") == sorted(
        [
            "自治区发展改革委→自治区科技厅",
            "自治区发展改革委→自治区商务厅",
            "自治区生态环境厅→自治区水利厅",
            "自治区生态环境厅→自治区发展改革委",
            "自治区水利厅→呼和浩特海关",
        ]
    )
    # 发展改革委 leads and 科技厅 supports in both T1.1.1 and T1.1.2: twice as wide as a single task
    width = {p.get_label(): p.get_linewidth() for p in ax.patches if p.get_gid() == "edge"}
    assert width["自治区发展改革委→自治区科技厅"] > width["自治区发展改革委→自治区商务厅"]
    assert {t.replace("\n", " ") for t in texts(ax)} >= {"Hohhot Customs District", "Dept. of Commerce"}


# ---------------------------------------------------------------------------- co-assignment heatmap


def test_co_assignment_heatmap_counts_shared_tasks_in_cluster_order(G, plan):
    from hbey_graph.analysis import cluster_summary

    summary = cluster_summary(G, seed=0)
    _fig, ax = plot_co_assignment_heatmap(G, summary=summary)
    matrix = np.asarray(ax.images[0].get_array().filled(0))
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == [t.get_text() for t in ax.get_xticklabels()]
    members = {}
    for a in plan.assignments:
        if a.role in ("lead", "support", "responsible"):
            members.setdefault(a.task_id, set()).add(a.body.removeprefix("自治区"))
    expected = Counter(pair for bodies in members.values() for pair in combinations(sorted(bodies), 2))
    for (i, a), (j, b) in combinations(enumerate(names), 2):
        assert matrix[i, j] == matrix[j, i] == expected[tuple(sorted((a, b)))], (a, b)
    cluster_of = {
        b.removeprefix("自治区"): r.cluster for r in summary.itertuples() for b in r.members.split("、")
    }
    clusters = [cluster_of[name] for name in names]
    assert clusters == sorted(clusters)
    assert len([p for p in ax.patches if p.get_gid() == "cluster"]) == len(summary)


# ------------------------------------------------------------------------------------------- the map


def pair(label):
    """An undirected link label: ``"A—B"`` and ``"B—A"`` are the same pair."""
    return frozenset(label.split("—"))


def map_plan():
    """The small plan plus a far city linked to 包头市 and a link between two far places."""
    plan = small_plan()
    plan.places = {
        **plan.places,
        "西安市": Place("西安市", "city", "西安市", "陕西省", 108.94, 34.34, "Xi'an"),
        "南宁市": Place("南宁市", "city", "南宁市", "广西壮族自治区", 108.37, 22.82, "Nanning"),
    }
    plan.links = [
        *plan.links,
        Link("包头市", "西安市", "place", "corridor", "T1.1.2", "包头至西安铁路"),
        Link("西安市", "南宁市", "place", "corridor", "T1.1.2", "西安至南宁"),
    ]
    return plan


def test_place_links_on_the_map():
    fig, ax = plot_cross_city_links(build_graph(map_plan()))
    draw(fig)
    links = {pair(p.get_label()): p for p in ax.patches if (p.get_gid() or "").startswith("link:")}
    assert {label: p.get_gid() for label, p in links.items()} == {
        pair("包头市—土默特右旗"): "link:chain",
        pair("土默特右旗—达拉特旗"): "link:chain",
        pair("包头市—榆林市"): "link:cooperation",
        pair("包头市—西安市"): "link:corridor",
    }
    assert links[pair("包头市—土默特右旗")].get_linestyle() != links[pair("包头市—西安市")].get_linestyle()
    points = {c.get_gid(): len(c.get_offsets()) for c in ax.collections}
    assert points == {"places:city": 4, "places:county": 2, "cluster-cities": 4}
    names = [t for t in ax.texts if t.get_gid() == "label"]
    assert sorted(t.get_text() for t in names) == sorted(
        ["呼和浩特市", "包头市", "鄂尔多斯市", "榆林市", "土默特右旗", "达拉特旗"]
    )
    assert [t.get_text() for t in ax.texts if t.get_gid() == "exit"] == ["→西安市"]
    beyond = [t.get_text() for t in ax.texts if t.get_gid() == "beyond"]
    assert len(beyond) == 1 and beyond[0].startswith("图外另有 1 条联系：")
    assert pair(beyond[0].split("：")[1]) == pair("西安市—南宁市")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"轴带串联（—）", "合作共建", "通道（铁路、公路、管道）", "呼包鄂榆四市"} <= set(legend)
    assert_no_overlap(fig, names)


def test_city_links_widths_follow_the_number_of_tasks():
    _fig, ax = plot_cross_city_links(build_graph(small_plan()), level="city", labels="en")
    links = {pair(p.get_label()): p for p in ax.patches if (p.get_gid() or "").startswith("link:")}
    assert {label: p.get_gid() for label, p in links.items()} == {
        pair("包头市—鄂尔多斯市"): "link:chain",
        pair("呼和浩特市—包头市"): "link:co_implementation",
        pair("包头市—榆林市"): "link:cooperation",
    }
    # co-implementation is stated by two tasks, the others by one
    assert links[pair("呼和浩特市—包头市")].get_linewidth() > links[pair("包头市—鄂尔多斯市")].get_linewidth()
    assert links[pair("包头市—鄂尔多斯市")].get_linewidth() == links[pair("包头市—榆林市")].get_linewidth()
    names = sorted(t.get_text() for t in ax.texts if t.get_gid() == "label")
    assert names == ["Baotou", "Hohhot", "Ordos", "Yulin"]


def test_a_plan_without_places_gets_a_message_not_an_empty_map():
    plan = dataclasses.replace(small_plan(), places={}, links=[], mentions=[], projects=[])
    _fig, ax = plot_cross_city_links(build_graph(plan))
    message = [t.get_text() for t in ax.texts if t.get_gid() == "empty"]
    assert message == ["方案中没有可在地图上标出的地点或联系"]


def test_cluster_charts_warn_when_the_structure_is_weak(G):
    # the bundled plan's cluster structure is weak (see test_analysis_clusters); both charts say so
    _fig, ax = plot_coordination_network(G, labels="en")
    assert "⚠ Weak cluster structure (Q = 0.065" in ax.get_title(loc="left")
    _fig, ax = plot_co_assignment_heatmap(G)
    assert "⚠ 聚类结构较弱（Q = 0.065" in ax.get_title(loc="left")
    # a summary without the warning draws no warning
    from hbey_graph.analysis import cluster_summary

    quiet = cluster_summary(G).assign(warning="")
    _fig, ax = plot_coordination_network(G, summary=quiet)
    assert "⚠" not in ax.get_title(loc="left")


# ------------------------------------------------------------------------------- figures for papers

MM = 25.4
CJK = __import__("re").compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def all_texts(fig):
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text() and t.get_visible()]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("labels", ["en", "zh"])
def test_a_chart_at_a_journals_size_is_written_at_exactly_that_size(G, chart, labels, tmp_path):
    from matplotlib.image import imread

    from hbey_graph.plot import save_figure

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither a missing glyph nor a collapsed layout
        fig, ax = chart(G, labels=labels, title=False, fontsize=5, figsize=(90 / MM, 70 / MM))
        path = save_figure(fig, tmp_path / "chart.png", width_mm=90, height_mm=70, dpi=600)
    height, width = imread(path).shape[:2]
    assert abs(width - 2126) <= 2 and abs(height - 1654) <= 2
    assert ax.get_title(loc="left") == ""
    # the axes keep a usable share of the figure (a layout that collapsed would leave a sliver)
    box = ax.get_position()
    assert box.width > 0.2 and box.height > 0.2


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_english_charts_write_no_chinese(G, chart):
    fig, _ax = chart(G, labels="en")
    draw(fig)
    chinese = [text for text in all_texts(fig) if CJK.search(text)]
    assert chinese == []


def test_english_keeps_the_chinese_name_only_of_a_body_without_an_english_one(G):
    graph = G.copy()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "Body" and data["name"] == "自治区财政厅":
            del graph.nodes[node]["name_en"]
    fig, _ax = plot_lead_workload(graph, labels="en")
    assert [text for text in all_texts(fig) if CJK.search(text)] == ["财政厅"]  # its short Chinese name


def test_english_cluster_legend_names_the_clusters_theme(G):
    from hbey_graph.analysis import cluster_summary
    from hbey_graph.plot.network import cluster_legend_labels

    summary = cluster_summary(G, seed=0)
    assert summary.label[2] == "交通运输厅、能源局等：加快基础设施互联互通" and summary["size"][2] == 7
    texts = cluster_legend_labels(G, summary, "en")  # the same label with the English names and title
    assert texts[3] == "3 Dept. of Transport, Energy Administration et al.: Connected infrastructure (7)"


def test_english_matrix_rows_name_the_tasks_theme(G):
    _fig, ax = plot_responsibility_matrix(G, labels="en")
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "T1.1.1 Balanced pattern of towns and cities"
    assert rows[20] == "T3.1.1 Railways"
    areas = [t.get_text() for t in ax.texts if t.get_gid() == "area"]
    assert areas[0] == "Spatial layout of the city cluster"


def test_title_false_draws_none_a_string_replaces_the_default(G):
    assert plot_lead_workload(G, title=False)[1].get_title(loc="left") == ""
    assert plot_lead_workload(G, title="")[1].get_title(loc="left") == ""
    assert plot_lead_workload(G, title="Fig. 2")[1].get_title(loc="left") == "Fig. 2"
    assert plot_lead_workload(G)[1].get_title(loc="left").startswith("各单位承担的任务")


def test_text_sizes_follow_fontsize_or_matplotlibs_font_size(G):
    _fig, ax = plot_lead_workload(G, fontsize=7)
    assert ax.xaxis.label.get_fontsize() == pytest.approx(7 * 0.9)
    assert ax.get_yticklabels()[0].get_fontsize() == pytest.approx(7 * 0.85)
    with matplotlib.rc_context({"font.size": 14}):
        _fig, ax = plot_lead_workload(G)
    assert ax.xaxis.label.get_fontsize() == pytest.approx(14 * 0.9)
    assert ax._left_title.get_fontsize() == pytest.approx(14 * 1.2)


def test_the_legend_lists_only_what_is_drawn(G):
    _fig, ax = plot_lead_workload(G, top=5, labels="en")  # none of the five implements a task
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["led", "supported"]
    assert "implemented" not in ax.get_title(loc="left")
    assert [c.get_label() for c in ax.containers] == ["led", "supported"]


def test_a_chart_shows_itself_in_jupyter(G):
    pair = plot_lead_workload(G, top=3)
    fig, ax = pair
    assert pair == (fig, ax)
    assert pair._repr_png_().startswith(b"\x89PNG")


def test_save_figure_keeps_the_proportions_given_one_side(G, tmp_path):
    from matplotlib.image import imread

    from hbey_graph.plot import save_figure

    fig, _ax = plot_area_lead_heatmap(G, figsize=(6, 3))
    height, width = imread(save_figure(fig, tmp_path / "a.png", width_mm=120, dpi=300)).shape[:2]
    assert (width, height) == (round(120 / MM * 300), round(60 / MM * 300))
    svg = save_figure(fig, tmp_path / "a.svg", width_mm=120, height_mm=60).read_text()
    assert 'width="340.' in svg  # 120 mm = 340.16 pt, uncropped


def gray(colour):
    r, g, b, *_ = matplotlib.colors.to_rgba(colour)
    return abs(r - g) < 1e-6 and abs(g - b) < 1e-6


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_the_gray_style_draws_no_colour(G, chart):
    _fig, ax = chart(G, style="gray")
    colours = [p.get_facecolor() for p in ax.patches if p.get_fill()] + [
        p.get_edgecolor() for p in ax.patches
    ]
    for collection in ax.collections:
        colours += list(collection.get_facecolors()) + list(collection.get_edgecolors())
    colours += [image.cmap(0.7) for image in ax.images]
    assert colours and all(gray(c) for c in colours)


def test_gray_network_tells_clusters_apart_by_shape(G):
    _fig, ax = plot_coordination_network(G, style="gray")
    nodes = next(c for c in ax.collections if c.get_gid() == "nodes")
    assert len(nodes.get_paths()) == 29
    assert len({len(p.vertices) for p in nodes.get_paths()}) == 3  # three clusters, three shapes


def test_unknown_style_is_refused(G):
    with pytest.raises(ValueError, match="style must be 'color' or 'gray'"):
        plot_lead_workload(G, style="print")


def test_lines_leaving_together_for_a_far_place_are_counted_in_its_name():
    plan = map_plan()
    plan.links = [*plan.links, Link("榆林市", "西安市", "place", "corridor", "T1.1.2", "榆林至西安")]
    _fig, ax = plot_cross_city_links(build_graph(plan))
    assert [t.get_text() for t in ax.texts if t.get_gid() == "exit"] == ["→西安市 ×2"]


ROLE_CHARTS = [
    plot_lead_workload,
    plot_area_lead_heatmap,
    plot_coordination_network,
    plot_co_assignment_heatmap,
]


@pytest.mark.parametrize("chart", ROLE_CHARTS)
@pytest.mark.parametrize(
    ("labels", "message"),
    [("zh", "本方案中未读出任何单位的职责"), ("en", "No body's role was read from this plan")],
)
def test_a_chart_of_roles_on_a_plan_without_any_says_so(chart, labels, message):
    from hbey_graph import parse_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        empty = build_graph(parse_text("一、主要任务\n1. 建设铁路。（牵头单位：）\n", plan_id="p"))
    _fig, ax = chart(empty, labels=labels)
    assert [text.get_text() for text in ax.texts] == [message]
