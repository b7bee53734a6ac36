"""Lead workload and the area × lead table, worked out by hand."""

import dataclasses
import warnings

import pytest
from small_plan import BAOTOU, HOHHOT, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan
from hbey_graph.analysis import area_lead_table, lead_workload
from hbey_graph.graph import build_graph

COLUMNS = [
    "body", "body_type", "led", "supported", "implemented", "responsible", "share_led",
    "supporting_bodies", "support_assignments",
]


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_small_plan_workload():
    workload = lead_workload(build_graph(small_plan()))
    assert list(workload.columns) == COLUMNS
    # 4 tasks. 发展改革委 leads T1.1.1 (supporters 科技厅, 商务厅) and T1.1.2 (科技厅) and supports T2.1.1:
    #   supporting_bodies = |{科技厅, 商务厅}| = 2, support_assignments = 2 + 1 = 3, share = 2/4.
    # 水利厅 leads T2.1.2 (supporter 呼和浩特海关), supports T2.1.1.
    # 生态环境厅 leads T2.1.1 (supporters 水利厅, 发展改革委).
    # Order: led descending, then name by code point (水 U+6C34 < 生 U+751F; 包 < 呼; 市 < 海; 商 < 科).
    expected = [
        [F, "region_department", 2, 1, 0, 0, 0.5, 2, 3],
        [W, "region_department", 1, 1, 0, 0, 0.25, 1, 1],
        [E, "region_department", 1, 0, 0, 0, 0.25, 2, 2],
        [BAOTOU, "city_government", 0, 0, 3, 0, 0.0, 0, 0],
        [HOHHOT, "city_government", 0, 0, 3, 0, 0.0, 0, 0],
        [H, "central_agency", 0, 1, 0, 0, 0.0, 0, 0],
        [S, "region_department", 0, 1, 0, 0, 0.0, 0, 0],
        [K, "region_department", 0, 2, 0, 0, 0.0, 0, 0],
    ]
    assert workload.values.tolist() == expected


def test_responsible_role_is_counted():
    plan = small_plan()
    plan.assignments = [
        dataclasses.replace(a, role="responsible") if (a.role, a.body) == ("support", K) else a
        for a in plan.assignments
    ]
    workload = lead_workload(build_graph(plan)).set_index("body")
    # 科技厅 was a supporter of T1.1.1 and T1.1.2; now responsible in both
    assert workload.loc[K, ["supported", "responsible"]].tolist() == [0, 2]
    # 发展改革委's supporters are now only 商务厅 (T1.1.1)
    assert workload.loc[F, ["supporting_bodies", "support_assignments"]].tolist() == [1, 1]


def test_several_plans_are_counted_together_or_apart():
    G = build_graph([small_plan(), small_plan("other")])
    both = lead_workload(G).set_index("body")
    # 8 tasks in all; 发展改革委 leads 2 in each plan
    columns = ["led", "supported", "share_led", "supporting_bodies", "support_assignments"]
    assert both.loc[F, columns].tolist() == [4, 2, 0.5, 2, 6]
    one = lead_workload(G, plan_id="other")
    assert one.values.tolist() == lead_workload(build_graph(small_plan())).values.tolist()


def test_small_plan_area_table():
    table = area_lead_table(build_graph(small_plan()))
    assert table.index.name == "area" and table.columns.name == "lead"
    assert table.index.tolist() == ["推进产业协同", "共保生态环境"]
    assert table.columns.tolist() == [F, W, E]
    assert table.values.tolist() == [[2, 0, 0], [0, 1, 1]]


# Tasks led by each department in the bundled plan, counted from the first 自治区 department of each of
# the 38 annotations:
#   发展改革委 T1.1.1 T1.2.1 T1.2.2 T1.3.1 T1.3.2 T1.4.1 T3.1.1 T3.1.3 T4.1.1 T5.1.1 = 10
#   科技厅 T2.2.3 T2.4.1–T2.4.4 = 5;  工业和信息化厅 T2.1.1 T2.2.2 T2.3.4 T3.4.1 = 4
#   生态环境厅 T4.2.1–T4.2.4 = 4;  能源局 T2.2.1 T3.2.1 = 2;  商务厅 T2.3.2 T5.2.1 = 2
#   交通运输厅 T3.1.2 T3.1.4 = 2;  one each: 住房城乡建设厅 T1.4.2, 农牧厅 T2.2.4, 文化和旅游厅 T2.3.1,
#   地方金融监管局 T2.3.3, 水利厅 T3.3.1, 自然资源厅 T4.3.1, 人力资源社会保障厅 T6.1.1,
#   市场监管局 T6.2.1, 财政厅 T6.3.1.           10 + 5 + 4 + 4 + 2 + 2 + 2 + 9 = 38
LED = {
    "自治区发展改革委": 10,
    "自治区科技厅": 5,
    "自治区工业和信息化厅": 4,
    "自治区生态环境厅": 4,
    "自治区交通运输厅": 2,
    "自治区商务厅": 2,
    "自治区能源局": 2,
    "自治区人力资源社会保障厅": 1,
    "自治区住房城乡建设厅": 1,
    "自治区农牧厅": 1,
    "自治区地方金融监管局": 1,
    "自治区市场监管局": 1,
    "自治区文化和旅游厅": 1,
    "自治区水利厅": 1,
    "自治区自然资源厅": 1,
    "自治区财政厅": 1,
}


def test_bundled_plan_led_counts(bundled):
    workload = lead_workload(bundled)
    assert len(workload) == 32
    leads = workload[workload.led > 0]
    # the order is led descending, then name by code point
    assert dict(zip(leads.body, leads.led, strict=True)) == LED
    assert leads.body.tolist() == list(LED)
    assert workload.led.sum() == 38
    assert workload.set_index("body").loc[list(LED), "share_led"].tolist() == pytest.approx(
        [n / 38 for n in LED.values()]
    )


def test_bundled_plan_lead_rows(bundled):
    workload = lead_workload(bundled).set_index("body")
    columns = ["led", "supported", "implemented", "supporting_bodies", "support_assignments"]
    # 发展改革委 supports T1.4.2 T2.1.1 T2.2.2 T2.2.3 T2.3.1–T2.3.4 T2.4.1–T2.4.4 T3.1.2 T3.1.4 T3.3.1
    #   T3.4.1 T4.2.1–T4.2.4 T4.3.1 T5.2.1 T6.2.1 T6.3.1 = 24.
    # Supporters in its 10 tasks: 12 + 13 + 14 (13 departments and 呼和浩特海关) + 12 + 13 + 7 + 3 + 2 + 6
    #   + 4 = 86; distinct: the 12 of T1.1.1, 科技厅, 地方金融监管局, 商务厅 (T1.2.1), 呼和浩特海关,
    #   内蒙古民航机场集团公司 (T3.1.3), 党委外事办 (T5.1.1) = 18.
    assert workload.loc["自治区发展改革委", columns].tolist() == [10, 24, 0, 18, 86]
    # 科技厅 supports T1.2.1 T1.2.2 T1.3.1 T1.3.2 T2.1.1 T2.2.1 T2.2.2 T2.3.2 T6.3.1 = 9.
    # Supporters in its tasks: T2.2.3 5 (大数据发展管理局 生态环境厅 商务厅 工业和信息化厅 发展改革委),
    #   T2.4.1 2 (人力资源社会保障厅 发展改革委), T2.4.2 4 (商务厅 发展改革委 工业和信息化厅 能源局),
    #   T2.4.3 2, T2.4.4 2 = 15; distinct 7.
    assert workload.loc["自治区科技厅", columns].tolist() == [5, 9, 0, 7, 15]
    # 财政厅 leads only T6.3.1: 发展改革委 生态环境厅 工业和信息化厅 科技厅 内蒙古税务局
    assert workload.loc["自治区财政厅", columns].tolist() == [1, 0, 0, 5, 5]
    # 呼和浩特市 implements every task but T1.3.1 (包头), T1.3.2 (鄂尔多斯): 36; 包头 every task but
    # T1.2.1 T1.2.2 T1.3.2: 35; 鄂尔多斯 every task but T1.2.1 T1.2.2 T1.3.1 T2.3.4: 34
    implemented = workload.loc[["呼和浩特市人民政府", "包头市人民政府", "鄂尔多斯市人民政府"], "implemented"]
    assert implemented.tolist() == [36, 35, 34]


def test_bundled_plan_area_table(bundled):
    table = area_lead_table(bundled)
    assert table.index.tolist() == [
        "优化城市群发展空间布局", "引导产业协同发展", "加快基础设施互联互通", "推进生态环境共建共保",
        "构建开放合作新格局", "创新协同发展体制机制",
    ]
    assert table.columns.tolist() == list(LED)
    nonzero = {area: {b: int(n) for b, n in row.items() if n} for area, row in table.iterrows()}
    assert nonzero == {
        "优化城市群发展空间布局": {"自治区发展改革委": 6, "自治区住房城乡建设厅": 1},
        "引导产业协同发展": {
            "自治区科技厅": 5, "自治区工业和信息化厅": 3, "自治区商务厅": 1, "自治区能源局": 1,
            "自治区农牧厅": 1, "自治区地方金融监管局": 1, "自治区文化和旅游厅": 1,
        },
        "加快基础设施互联互通": {
            "自治区发展改革委": 2, "自治区工业和信息化厅": 1, "自治区交通运输厅": 2, "自治区能源局": 1,
            "自治区水利厅": 1,
        },
        "推进生态环境共建共保": {"自治区发展改革委": 1, "自治区生态环境厅": 4, "自治区自然资源厅": 1},
        "构建开放合作新格局": {"自治区发展改革委": 1, "自治区商务厅": 1},
        "创新协同发展体制机制": {"自治区人力资源社会保障厅": 1, "自治区市场监管局": 1, "自治区财政厅": 1},
    }
