"""``hbey-graph analyze …`` on the bundled plan and on a small plan file."""

import csv
import io
import json
import warnings

import pytest
from small_plan import TEXT

from hbey_graph.cli import main


def run(capsys, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        status = main(list(args))
    return status, capsys.readouterr()


def test_workload_csv_has_body_and_led(capsys):
    status, out = run(capsys, "analyze", "workload", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert len(rows) == 32
    assert (rows[0]["body"], rows[0]["led"], rows[0]["supported"]) == ("自治区发展改革委", "10", "24")
    assert sum(int(row["led"]) for row in rows) == 38


def test_workload_default_is_an_aligned_table(capsys):
    _, out = run(capsys, "analyze", "workload")
    header, first = out.out.splitlines()[:2]
    assert header.split()[:3] == ["body", "body_type", "led"]
    assert first.split()[:3] == ["自治区发展改革委", "region_department", "10"]


def test_workload_by_area_keeps_the_area_index(capsys):
    _, out = run(capsys, "analyze", "workload", "--by-area", "--format", "json")
    rows = json.loads(out.out)
    assert [row["area"] for row in rows][:2] == ["优化城市群发展空间布局", "引导产业协同发展"]
    assert rows[0]["自治区发展改革委"] == 6


@pytest.mark.parametrize(
    ("args", "columns"),
    [
        (["network"], ["lead", "support", "weight"]),
        (["network", "--projection", "co-assignment"], ["body_a", "body_b", "tasks", "newman"]),
        (["clusters"], ["cluster", "label", "size", "members", "themes", "modularity", "stability",
                        "cohesion", "partition_modularity", "modularity_z", "agreement", "warning"]),
        (["clusters", "--members", "--seed", "2"], ["body", "cluster", "label"]),
        (["centrality"], ["body", "body_type", "degree", "weighted_degree", "betweenness", "eigenvector",
                          "constraint", "effective_size", "core_number", "in_core"]),
        (["links"], ["source", "target", "kind", "tasks", "task_ids"]),
        (["links", "--places"], ["source", "target", "kind", "level", "task_id", "evidence", "source_level",
                                 "target_level", "source_city", "target_city"]),
        (["matrix", "--allocation"], ["序号", "任务", "牵头单位", "配合单位", "实施主体"]),
        (["brokerage"], ["body", "group", "coordinator", "itinerant", "representative", "gatekeeper",
                         "liaison", "total"]),
        (["whole"], ["network", "mode", "directed", "nodes", "edges", "density", "degree_centralization",
                     "betweenness_centralization", "components", "largest_component", "mean_distance",
                     "clustering"]),
    ],
)
def test_every_analysis_writes_its_columns(capsys, args, columns):
    status, out = run(capsys, "analyze", *args, "--format", "csv")
    assert status == 0
    assert next(csv.reader(io.StringIO(out.out))) == columns
    status, out = run(capsys, "analyze", *args, "--format", "json")
    assert isinstance(json.loads(out.out), list)


def test_matrix_rows_are_tasks(capsys):
    _, out = run(capsys, "analyze", "matrix", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.out)))
    assert rows[0][:2] == ["task_id", "自治区发展改革委"]
    assert len(rows) == 39 and rows[1][:2] == ["T1.1.1", "牵"]


def test_network_with_city_governments(capsys):
    args = ["network", "--projection", "co-assignment", "--all-roles", "--format", "csv"]
    _, out = run(capsys, "analyze", *args)
    rows = list(csv.DictReader(io.StringIO(out.out)))
    pairs = {(row["body_a"], row["body_b"]): int(row["tasks"]) for row in rows}
    # 包头 and 呼和浩特 implement together every task but T1.2.1 T1.2.2 (呼和浩特 only), T1.3.1 (包头 only)
    # and T1.3.2 (鄂尔多斯 only): 38 − 4
    assert pairs["包头市人民政府", "呼和浩特市人民政府"] == 34


def test_plan_option_reads_another_plan(capsys, tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(TEXT, encoding="utf-8")
    _, out = run(capsys, "analyze", "workload", "--plan", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert [(row["body"], row["led"]) for row in rows[:3]] == [
        ("自治区发展改革委", "2"), ("自治区水利厅", "1"), ("自治区生态环境厅", "1"),
    ]


def test_missing_plan_is_a_one_line_error(capsys, tmp_path):
    status, out = run(capsys, "analyze", "centrality", "--plan", str(tmp_path / "none.txt"))
    assert status != 0
    assert out.err.count("\n") == 1 and "none.txt" in out.err


def test_brokerage_by_level_with_the_null_model(capsys):
    status, out = run(capsys, "analyze", "brokerage", "--group", "level", "--null", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert {"exp_coordinator", "z_liaison", "z_total"} <= set(rows[0])
    assert {row["group"] for row in rows} >= {"provincial"}
    roles = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
    assert all(int(row["total"]) == sum(int(row[r]) for r in roles) for row in rows)


def test_brokerage_by_an_unknown_column_is_a_one_line_error(capsys):
    status, out = run(capsys, "analyze", "brokerage", "--group", "colour")
    assert status == 2
    assert out.err.startswith("hbey-graph: error: no column 'colour'")


def test_whole_has_one_row_per_network(capsys):
    _, out = run(capsys, "analyze", "whole", "--format", "json")
    rows = json.loads(out.out)
    assert [row["network"] for row in rows] == ["lead → support", "co-assignment", "task × body"]
    assert rows[1]["nodes"] == 29 and rows[1]["edges"] == 195


def test_clusters_structure_and_pairs(capsys):
    _, out = run(capsys, "analyze", "clusters", "--structure", "--format", "json")
    (row,) = json.loads(out.out)
    assert row["weak"] is True and row["clusters"] == 3
    assert row["verdict"].startswith("Weak cluster structure")
    _, out = run(capsys, "analyze", "clusters", "--pairs", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert list(rows[0]) == ["body_a", "body_b", "together", "tasks"]
    assert {float(row["together"]) for row in rows} == {1.0}
    _, out = run(capsys, "analyze", "clusters", "--method", "louvain", "--seed", "3", "--format", "csv")
    assert out.out.splitlines()[0].endswith("agreement,warning")


def test_core_periphery_and_two_mode(capsys):
    _, out = run(capsys, "analyze", "core-periphery", "--fit", "--format", "json")
    (row,) = json.loads(out.out)
    assert row["network"] == "co-assignment" and row["nodes"] == 29
    _, out = run(capsys, "analyze", "core-periphery", "--format", "csv")
    assert out.out.splitlines()[0] == "body,core,coreness"
    _, out = run(capsys, "analyze", "two-mode", "--format", "csv")
    assert out.out.splitlines()[0] == "body,tasks,degree_normalized,weighted_degree,areas,partners"
    _, out = run(capsys, "analyze", "two-mode", "--matrix", "area", "--weighted", "--format", "json")
    rows = json.loads(out.out)
    assert len(rows) == 6 and rows[0]["area"] == "优化城市群发展空间布局"
    _, out = run(capsys, "analyze", "two-mode", "--projection", "columns", "--min-weight", "20", "--format",
                 "csv")
    assert out.out.splitlines() == [
        "a,b,weight", "自治区发展改革委,自治区工业和信息化厅,22", "自治区发展改革委,自治区生态环境厅,20"
    ]
