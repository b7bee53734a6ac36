"""Responsibility matrix and the task allocation table (任务分工表)."""

import dataclasses
import warnings

import pytest
from small_plan import BAOTOU, HOHHOT, TASK_TEXTS, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import allocation_table, responsibility_matrix
from hbey_graph.graph import build_graph


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_small_plan_matrix():
    matrix = responsibility_matrix(build_graph(small_plan()))
    assert matrix.index.name == "task_id"
    assert matrix.index.tolist() == ["T1.1.1", "T1.1.2", "T2.1.1", "T2.1.2"]
    # leads first by tasks led (发展改革委 2; 水利厅 1, 生态环境厅 1 by name), then the others by tasks
    # named in (包头 3, 呼和浩特 3, 科技厅 2, 海关 1, 商务厅 1; ties by name)
    assert matrix.columns.tolist() == [F, W, E, BAOTOU, HOHHOT, K, H, S]
    assert matrix.values.tolist() == [
        ["牵", "", "", "实", "实", "配", "", "配"],
        ["牵", "", "", "", "实", "配", "", ""],
        ["配", "配", "牵", "实", "实", "", "", ""],
        ["", "牵", "", "实", "", "", "配", ""],
    ]


def test_small_plan_allocation_table():
    table = allocation_table(build_graph(small_plan()))
    assert list(table.columns) == ["序号", "任务", "牵头单位", "配合单位", "实施主体"]
    assert table.values.tolist() == [
        [1, TASK_TEXTS["T1.1.1"], F, f"{K}、{S}", f"{HOHHOT}、{BAOTOU}"],
        [2, TASK_TEXTS["T1.1.2"], F, K, HOHHOT],
        [3, TASK_TEXTS["T2.1.1"], E, f"{W}、{F}", f"{HOHHOT}、{BAOTOU}"],
        [4, TASK_TEXTS["T2.1.2"], W, H, BAOTOU],
    ]


def test_responsible_bodies_get_their_marker_and_column():
    plan = small_plan()
    # T2.1.2 names 水利厅 and 海关 as responsible, without a lead
    plan.assignments = [
        dataclasses.replace(a, role="responsible") if a.task_id == "T2.1.2" and a.role != "implementer" else a
        for a in plan.assignments
    ]
    G = build_graph(plan)
    matrix = responsibility_matrix(G)
    assert matrix.loc["T2.1.2"].to_dict() == {
        F: "", E: "", BAOTOU: "实", HOHHOT: "", W: "责", K: "", H: "责", S: "",
    }
    table = allocation_table(G)
    assert list(table.columns) == ["序号", "任务", "牵头单位", "配合单位", "实施主体", "责任单位"]
    assert table.iloc[3, 2:].tolist() == ["", "", BAOTOU, f"{W}、{H}"]
    assert table.iloc[0, 5] == ""


def test_several_plans_have_plan_scoped_rows():
    G = build_graph([small_plan(), small_plan("other")])
    matrix = responsibility_matrix(G)
    assert matrix.index.tolist()[3:5] == ["small|T2.1.2", "other|T1.1.1"]
    assert allocation_table(G)["序号"].tolist() == list(range(1, 9))
    one = responsibility_matrix(G, plan_id="other")
    assert one.index.tolist() == ["T1.1.1", "T1.1.2", "T2.1.1", "T2.1.2"]


def test_bundled_plan_matrix(bundled):
    matrix = responsibility_matrix(bundled)
    assert matrix.shape == (38, 32)
    # T2.3.1 文化旅游业: 呼和浩特市、包头市、鄂尔多斯市人民政府，
    # 自治区文化和旅游厅、生态环境厅、发展改革委、商务厅
    row = matrix.loc["T2.3.1"]
    assert {body: marker for body, marker in row.items() if marker} == {
        "呼和浩特市人民政府": "实", "包头市人民政府": "实", "鄂尔多斯市人民政府": "实",
        "自治区文化和旅游厅": "牵", "自治区生态环境厅": "配", "自治区发展改革委": "配", "自治区商务厅": "配",
    }
    # one 牵 per row; the 16 lead departments come first
    assert (matrix == "牵").sum(axis=1).tolist() == [1] * 38
    assert (matrix == "牵").sum().iloc[:16].tolist() == [10, 5, 4, 4, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    assert (matrix == "牵").sum().iloc[16:].sum() == 0


def test_bundled_plan_allocation_table(bundled):
    table = allocation_table(bundled)
    assert len(table) == 38 and table["序号"].tolist() == list(range(1, 39))
    # T6.3.1: （实施主体：呼和浩特市、包头市、鄂尔多斯市人民政府，自治区财政厅、发展改革委、生态环境厅、
    # 工业和信息化厅、科技厅，内蒙古税务局）
    assert table.iloc[37, 2:].tolist() == [
        "自治区财政厅",
        "自治区发展改革委、自治区生态环境厅、自治区工业和信息化厅、自治区科技厅、内蒙古税务局",
        "呼和浩特市人民政府、包头市人民政府、鄂尔多斯市人民政府",
    ]
    # T2.3.4 信息服务业 names only two city governments
    assert table.iloc[15]["实施主体"] == "呼和浩特市人民政府、包头市人民政府"
    assert table.iloc[15]["任务"].startswith("信息服务业。推进呼和浩特、包头建设国家电子商务示范城市")
