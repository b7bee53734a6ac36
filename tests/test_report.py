"""``hbey-graph report``: the files it writes, the page's content and its safety.

Its speed is measured by ``tests/benchmarks/bench_report.py``, not here.
"""

import contextlib
import csv
import io
import re
import warnings

import networkx as nx
import pytest
from openpyxl import load_workbook

import hbey_graph
from hbey_graph import report as report_module
from hbey_graph.cli import main
from hbey_graph.errors import ReportFolderError
from hbey_graph.report import MARKER_FILE, write_report

CHARTS = [
    "lead_workload",
    "area_lead",
    "responsibility_matrix",
    "coordination_network",
    "co_assignment",
    "place_links_map",
    "city_links_map",
]
TABLES = [
    "allocation",
    "lead_workload",
    "area_lead",
    "responsibility_matrix",
    "coordination_edges",
    "co_assignment",
    "clusters",
    "cluster_members",
    "centrality",
    "city_links",
    "city_matrix",
    "place_links",
    "tasks",
    "assignments",
    "bodies",
    "places",
    "mentions",
    "projects",
    "issues",
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The command on the bundled plan, as the README's first command runs it (progress shown)."""
    out = tmp_path_factory.mktemp("run") / "report"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = main(["report", "--out", str(out)])
    return {"out": out, "status": status, "stderr": stderr.getvalue()}


@pytest.fixture(scope="module")
def page(run):
    return (run["out"] / "index.html").read_text(encoding="utf-8")


def test_the_command_succeeds_and_shows_progress(run):
    assert run["status"] == 0
    assert "hbey-graph report" in run["stderr"]  # the progress bar
    assert re.search(r"report written to .*index\.html", run["stderr"])


def test_every_file_is_written(run):
    out = run["out"]
    assert (out / "index.html").is_file() and (out / MARKER_FILE).is_file()
    for chart in CHARTS:
        png, svg = out / "charts" / f"{chart}.png", out / "charts" / f"{chart}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", chart
        assert b"<svg" in svg.read_bytes()[:1000], chart
    assert sorted(p.stem for p in (out / "tables").glob("*.csv")) == sorted(TABLES)
    assert sorted(p.name for p in (out / "graph").iterdir()) == [
        "nmg-2018-55-hbey-plan.gexf",
        "nmg-2018-55-hbey-plan.graphml",
        "nmg-2018-55-hbey-plan.json",
    ]
    G = nx.read_graphml(out / "graph" / "nmg-2018-55-hbey-plan.graphml")
    tasks = [n for n, kind in G.nodes(data="kind") if kind == "Task"]
    assert len(tasks) == 38
    assert not list(out.parent.glob(".report.*")), "a temporary folder was left behind"


def test_the_csv_tables_hold_the_plans_numbers(run):
    with open(run["out"] / "tables" / "lead_workload.csv", encoding="utf-8-sig", newline="") as f:
        rows = {row["body"]: row for row in csv.DictReader(f)}
    assert rows["自治区发展改革委"]["led"] == "10"
    assert rows["自治区科技厅"]["led"] == "5"
    with open(run["out"] / "tables" / "allocation.csv", encoding="utf-8-sig", newline="") as f:
        allocation = list(csv.DictReader(f))
    assert [row["序号"] for row in allocation] == [str(n) for n in range(1, 39)]
    assert allocation[-1]["牵头单位"] == "自治区财政厅"


def test_the_workbook_holds_the_allocation_table_and_every_other_table(run):
    book = load_workbook(run["out"] / "tables.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["任务分工表", "责任矩阵", "allocation_en"]
    assert set(book.sheetnames[3:]) == set(TABLES) - {"allocation", "responsibility_matrix"}
    header = next(book["任务分工表"].iter_rows(min_row=1, max_row=1, values_only=True))
    assert list(header[:5]) == ["序号", "任务", "牵头单位", "配合单位", "实施主体"]
    workload = list(book["lead_workload"].iter_rows(min_row=1, max_row=2, values_only=True))
    assert workload[0][:3] == ("body", "body_type", "led") and workload[1][0] == "自治区发展改革委"
    assert workload[1][2] == 10


def test_the_workbook_has_the_allocation_table_in_english(run):
    book = load_workbook(run["out"] / "tables.xlsx", read_only=True)
    rows = list(book["allocation_en"].iter_rows(values_only=True))
    assert rows[0] == ("No.", "Task text", "Lead", "Supporting bodies", "Implementers")
    assert len(rows) == 39
    assert rows[38][2] == "Department of Finance of Inner Mongolia"
    assert rows[1][4] == (
        "Hohhot Municipal People's Government; Baotou Municipal People's Government; "
        "Ordos Municipal People's Government"
    )
    assert rows[1][1].startswith("依托呼包鄂榆发展轴")  # the task as the plan writes it


def test_the_report_links_its_explorer(run, page):
    explorer = run["out"] / "explorer.html"
    assert explorer.is_file() and explorer.stat().st_size < 5_000_000
    assert 'class="explorer" href="explorer.html"' in page
    assert "window.explorer" in explorer.read_text(encoding="utf-8")


def test_coverage_and_warnings_come_first(page):
    main = page[page.index("<main>") :]
    assert main.index('id="warnings"') < main.index('id="charts"') < main.index('id="tables"')
    coverage = re.search(r'<p class="coverage" id="coverage">(.*?)</p>', page).group(1)
    assert "<b>38/38</b>（100%）" in coverage and "3 处警告" in coverage
    assert main.index('id="coverage"') < main.index("stray Hangul")


def test_the_page_prints(page):
    style = page[page.index("<style>") : page.index("</style>")]
    print_rules = style[style.index("@media print") :]
    assert ".scroll { overflow: visible; max-height: none;" in print_rules
    assert "nav.toc" in print_rules and "break-inside: avoid" in print_rules


def test_the_page_holds_every_table_and_chart(page):
    for name in TABLES:
        assert f'id="table-{name}"' in page, name
        assert f'href="tables/{name}.csv"' in page, name
    for name in CHARTS:
        assert f'id="chart-{name}"' in page, name
    assert len(re.findall(r'src="data:image/png;base64,', page)) == len(CHARTS)


def test_the_page_shows_known_cells(page):
    assert "《呼包鄂榆城市群发展规划》内蒙古实施方案" in page
    assert "内政发〔2018〕55号" in page
    assert "<b>38</b>项任务" in page
    # 任务分工表: task 38 is led by 自治区财政厅
    assert re.search(r"<td class=\"num\">38</td><td>[^<]*</td><td>自治区财政厅</td>", page)
    # workload: 自治区发展改革委 leads 10 tasks
    assert re.search(r"<td>自治区发展改革委</td><td>region_department</td><td class=\"num\">10</td>", page)
    # responsibility matrix: T2.3.1 is led by 自治区文化和旅游厅
    assert "<td>T2.3.1</td>" in page and "<td>牵</td>" in page


def test_the_page_lists_the_parsers_warnings(page):
    section = page[page.index('id="warnings"') : page.index('id="charts"')]
    assert "stray Hangul" in section and '<td class="num">119</td>' in section
    assert "doubled across the break" in section


def test_the_page_is_self_contained(page):
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "<script" not in page
    assert "@font-face" in page and "data:font/woff;base64," in page
    # every link points at a file of the report
    for target in re.findall(r'href="([^"#]+)"', page):
        assert not target.startswith(("/", "http")), target


# -------------------------------------------------------------------------------- safety of the folder


def test_a_failure_leaves_the_earlier_report_untouched(tmp_path, monkeypatch):
    out = tmp_path / "report"
    out.mkdir()
    (out / MARKER_FILE).write_text("hbey-graph report\nindex.html\n", encoding="utf-8")
    (out / "index.html").write_text("earlier report", encoding="utf-8")

    def broken_charts(*args, **kwargs):
        raise RuntimeError("chart failed")

    monkeypatch.setattr(report_module, "report_charts", broken_charts)
    with pytest.raises(RuntimeError, match="chart failed"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_report(out=out)
    assert (out / "index.html").read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_folder_that_is_not_a_report_is_not_replaced(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "thesis.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportFolderError, match="that hbey-graph report did not write"):
        write_report(out=out)
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "mine"
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    assert main(["report", "--out", str(file), "-q"]) == 2


def test_a_plan_that_cannot_be_read_is_one_line_and_no_folder(tmp_path, capsys):
    assert main(["report", "--plan", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "report")]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("hbey-graph: error:") and "missing.txt" in error[0]
    assert list(tmp_path.iterdir()) == []


def test_a_small_plan_gives_a_complete_report_and_replaces_the_earlier_one(tmp_path):
    from small_plan import small_plan

    out = tmp_path / "report"
    write_report(small_plan(), out, jobs=1)
    first = (out / "index.html").read_text(encoding="utf-8")
    assert "小计划" in first and "测〔2024〕1号" in first
    write_report(small_plan(), out, labels="en", jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert (out / "charts" / "place_links_map.svg").is_file()


def test_the_page_says_plainly_that_the_cluster_structure_is_weak(page):
    # the bundled plan's clusters: Q ≈ 0.065 (below 0.3), runs agree at ≈ 0.63 (below 0.8)
    assert "⚠ 聚类结构较弱，请谨慎解读。Weak cluster structure: modularity Q = 0.065 (below 0.3)" in page


# ----------------------------------------------------------------------------------- large plans


def test_a_large_plan_s_charts_page_and_workbook_say_what_they_leave_to_the_csv_files(tmp_path, monkeypatch):
    # the limits lowered so that the bundled plan (38 tasks, 6 areas, 339 assignments) is "large"
    monkeypatch.setattr(report_module, "CHART_TASKS", 5)
    monkeypatch.setattr(report_module, "CHART_AREAS", 2)
    monkeypatch.setattr(report_module, "CHART_ARROWS", 10)
    monkeypatch.setattr(report_module, "PAGE_ROWS", 3)
    monkeypatch.setattr(report_module, "WORKBOOK_ROWS", 40)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = hbey_graph.load_plan()
    G = hbey_graph.build_graph(plan)
    charts = {chart.name: chart for chart in report_module.report_charts(G, labels="en")}
    _fig, ax = charts["responsibility_matrix"].draw()
    assert "first 5 of 38 tasks" in ax.get_title(loc="left")
    assert len(ax.get_yticklabels()) == 5
    _fig, ax = charts["area_lead"].draw()
    assert "first 2 of 6 areas" in ax.get_title(loc="left") and len(ax.get_yticklabels()) == 2
    _fig, ax = charts["coordination_network"].draw()
    drawn = [patch for patch in ax.patches if patch.get_gid() == "edge"]
    assert 0 < len(drawn) <= 10 and f"the {len(drawn)} of" in ax.get_title(loc="left")

    out = write_report(plan, tmp_path / "report", jobs=1)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "The page shows the first 3 of 38 rows; the CSV has them all." in page
    book = load_workbook(out / "tables.xlsx", read_only=True)
    left_out = [row for row in book["not_in_workbook"].iter_rows(min_row=2, values_only=True)]
    assert ("assignments", 339, "tables/assignments.csv") in left_out
    assert "assignments" not in book.sheetnames and "lead_workload" in book.sheetnames
