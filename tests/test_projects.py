"""The curated project catalogue of the bundled plan and the pattern finder for any plan."""

import dataclasses
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbey_graph import load_plan
from hbey_graph.errors import ParseWarning
from hbey_graph.extract.gazetteer import default_gazetteer
from hbey_graph.extract.geography import extract_geography
from hbey_graph.extract.projects import (
    catalogue_plan_for,
    catalogue_plans,
    catalogue_projects,
    catalogue_rows,
    find_project_candidates,
    pattern_projects,
    plan_projects,
    project_patterns,
)
from hbey_graph.records import Task

PLAN_ID = "nmg-2018-55-hbey-plan"


def task(text: str, task_id: str = "T0") -> Task:
    return Task(task_id, 1, (), "", "", None, text, "", (1, 1))


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


# --- the catalogue -------------------------------------------------------------------------------


def test_every_entry_stands_in_its_task(plan):
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        projects = catalogue_projects(PLAN_ID, plan.tasks)
    assert len(projects) == len(catalogue_rows())
    assert {p.source for p in projects} == {"catalogue"}


def test_the_catalogue_covers_every_task_but_the_chain_paragraph(plan):
    covered = {p.task_id for p in catalogue_projects(PLAN_ID)}
    assert {t.task_id for t in plan.tasks} - covered == {"T1.4.1"}


def test_catalogue_rows_are_well_formed():
    gaz = default_gazetteer()
    categories = {
        "base",
        "park",
        "platform",
        "zone",
        "port",
        "corridor",
        "railway",
        "highway",
        "airport",
        "pipeline",
        "power_line",
        "energy",
        "reservoir",
        "water_project",
        "fund",
        "centre",
        "demonstration",
        "ecological",
        "scenic_area",
        "network",
        "facility",
        "programme",
        "project",
        "other",
    }
    seen = set()
    for row in catalogue_rows():
        assert row["plan"] == PLAN_ID
        assert row["category"] in categories, row["project"]
        for place in filter(None, row["places"].split("|")):
            assert place in gaz, (row["project"], place)
        key = (row["task_id"], row["project"])
        assert key not in seen, key
        seen.add(key)
    used = {row["category"] for row in catalogue_rows()}
    for category in ("base", "park", "platform", "zone", "port", "corridor", "railway", "highway", "airport"):
        assert category in used
    for category in ("pipeline", "power_line", "reservoir", "water_project", "fund", "centre"):
        assert category in used
    assert catalogue_plans() == (PLAN_ID,)
    # a name used in several tasks is one project: same category and places everywhere
    by_name: dict[str, set[tuple[str, str]]] = {}
    for row in catalogue_rows():
        by_name.setdefault(row["project"], set()).add((row["category"], row["places"]))
    assert {name: kinds for name, kinds in by_name.items() if len(kinds) > 1} == {}
    assert [name for name in by_name if name.startswith("保税物流中心")] == [
        "保税物流中心（和林格尔新区）",
        "保税物流中心（乌兰察布市）",
    ]


def entries(task_id: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(p.name, p.category, p.places) for p in catalogue_projects(PLAN_ID) if p.task_id == task_id]


def test_transport_entries_in_full():
    assert entries("T3.1.1") == [
        ("呼包鄂榆快速铁路网", "railway", ("呼和浩特市", "包头市", "鄂尔多斯市", "榆林市")),
        ("呼南通道", "corridor", ("呼和浩特市", "南宁市")),
        ("呼和浩特至太原铁路", "railway", ("呼和浩特市", "太原市")),
        ("包头至银川铁路", "railway", ("包头市", "银川市")),
        ("包头至西安铁路", "railway", ("包头市", "西安市")),
        ("准格尔至朔州铁路", "railway", ("准格尔旗", "朔州市")),
        ("蒙西至华中铁路", "railway", ("蒙西", "华中")),
        ("包头至白云鄂博铁路", "railway", ("包头市", "白云鄂博矿区")),
        ("呼准鄂铁路", "railway", ("呼和浩特市", "准格尔旗", "鄂尔多斯市")),
        ("呼张高铁", "railway", ("呼和浩特市", "张家口市")),
    ]
    assert entries("T3.1.3") == [
        ("呼和浩特新机场", "airport", ("呼和浩特市",)),
        ("包头机场", "airport", ("包头市",)),
        ("鄂尔多斯机场", "airport", ("鄂尔多斯市",)),
        ("清水河县通用机场", "airport", ("清水河县",)),
        ("石拐区通用机场", "airport", ("石拐区",)),
        ("固阳县通用机场", "airport", ("固阳县",)),
        ("鄂托克前旗通用机场", "airport", ("鄂托克前旗",)),
        ("杭锦旗通用机场", "airport", ("杭锦旗",)),
    ]
    names = [name for name, _, _ in entries("T3.2.1")]
    assert names == [
        "蒙西至天津南特高压电力外送通道",
        "上海庙至山东特高压电力外送通道",
        "呼包鄂城际高速公路充电桩网络",
        "鄂尔多斯—安平—沧州输气管道",
        "蒙西煤制气外输管道",
        "旗县(市、区)支线管道",
    ]


def test_entries_of_other_kinds():
    t211 = {name: places for name, _, places in entries("T2.1.1")}
    assert t211["蒙陕合作实验区"] == ("乌兰木伦镇", "大柳塔镇")
    assert t211["托（克托）清（水河）准（格尔）工业园区产业合作试点"] == ("托克托县", "清水河县", "准格尔旗")
    assert ("呼包鄂榆城市群发展基金", "fund", ("呼和浩特市", "包头市", "鄂尔多斯市", "榆林市")) in entries(
        "T6.3.1"
    )
    assert ("前夭子水库", "reservoir", ("和林格尔县",)) in entries("T3.3.1")
    assert [name for name, _, _ in entries("T1.2.1") if name.endswith("园区")] == [
        "鸿盛园区",
        "金川园区",
        "金山园区",
        "裕隆园区",
    ]
    t142 = entries("T1.4.2")
    assert len(t142) == 1 and len(t142[0][2]) == 15  # the 15 characteristic towns


def test_the_catalogue_is_chosen_for_the_bundled_plan(plan):
    assert catalogue_plan_for(plan.tasks) == PLAN_ID
    assert {p.source for p in plan_projects(plan.tasks)} == {"catalogue"}
    assert {p.source for p in plan_projects(plan.tasks, plan_id=PLAN_ID)} == {"catalogue"}
    _, _, projects, _ = extract_geography(plan.tasks, plan.assignments, plan.bodies, plan_id=PLAN_ID)
    assert projects == catalogue_projects(PLAN_ID)


def test_an_entry_missing_from_its_task_is_left_out_with_a_warning(plan):
    tasks = [
        dataclasses.replace(t, text="加快航空运输网建设。") if t.task_id == "T3.1.3" else t
        for t in plan.tasks
    ]
    with pytest.warns(ParseWarning, match="T3.1.3") as caught:
        projects = catalogue_projects(PLAN_ID, tasks)
    assert len(caught) == 8
    assert not [p for p in projects if p.task_id == "T3.1.3"]
    with pytest.raises(KeyError, match="no catalogue"):
        catalogue_projects("another-plan")


def test_a_changed_plan_falls_back_to_the_pattern_finder(plan):
    tasks = [dataclasses.replace(t, text="推进包头至银川铁路建设。") for t in plan.tasks]
    assert catalogue_plan_for(tasks) is None
    projects = plan_projects(tasks)
    assert {p.source for p in projects} == {"pattern"}
    assert projects[0].name == "包头至银川铁路" and projects[0].places == ("包头市", "银川市")


# --- the pattern finder on text it was not written from ------------------------------------------

SHAANXI = (
    "（一）推进关中平原城市群建设。加快建设西安国家中心城市，推进西咸新区、西安高新技术产业开发区建设，"
    "支持宝鸡、铜川、渭南等重点城市发展。推动陕北至湖北特高压直流输电通道建设，加快西安至延安、西安至十堰"
    "高速铁路建设，推进延安新机场和榆林机场改扩建。设立关中协同创新发展基金，建设秦创原创新驱动平台，"
    "打造杨凌农业高新技术产业示范区。"
)
SHANXI = (
    "加快山西转型综合改革示范区建设，推进太原武宿综合保税区、大同国际陆港等开放平台建设。实施汾河流域"
    "生态修复与保护工程，建设太原至忻州城际铁路、大同至张家口高速铁路，推进大西高铁太原至运城段提质改造。"
)


def test_pattern_finder_on_a_shaanxi_plan():
    found = find_project_candidates(SHAANXI)
    assert [(name, category) for name, category, _, _ in found] == [
        ("西咸新区", "zone"),
        ("西安高新技术产业开发区", "zone"),
        ("陕北至湖北特高压直流输电通道", "corridor"),
        ("西安至延安高速铁路", "railway"),  # the head 高速铁路 is shared with 西安至十堰
        ("西安至十堰高速铁路", "railway"),
        ("延安新机场", "airport"),
        ("榆林机场", "airport"),
        ("关中协同创新发展基金", "fund"),
        ("秦创原创新驱动平台", "platform"),
        ("杨凌农业高新技术产业示范区", "zone"),
    ]
    for name, _, start, end in found:
        if name != "西安至延安高速铁路":
            assert SHAANXI[start:end] == name
    shared = next(c for c in found if c[0] == "西安至延安高速铁路")
    assert SHAANXI[shared[2] : shared[3]] == "西安至延安"


def test_pattern_finder_on_a_shanxi_plan():
    assert [(name, category) for name, category, _, _ in find_project_candidates(SHANXI)] == [
        ("山西转型综合改革示范区", "zone"),
        ("太原武宿综合保税区", "zone"),
        ("开放平台", "platform"),
        ("汾河流域生态修复与保护工程", "programme"),
        ("太原至忻州城际铁路", "railway"),
        ("大同至张家口高速铁路", "railway"),
        ("大西高铁", "railway"),
    ]


def test_pattern_projects_carry_their_places():
    projects = pattern_projects([task(SHANXI, "T9")])
    places = {p.name: p.places for p in projects}
    assert places["太原至忻州城际铁路"] == ("太原市", "忻州市")
    assert places["大同至张家口高速铁路"] == ("大同市", "张家口市")
    assert places["山西转型综合改革示范区"] == ("山西省",)
    assert places["开放平台"] == ()
    assert {p.task_id for p in projects} == {"T9"}
    _, _, unseen, _ = extract_geography([task(SHAANXI, "T1")], [], {})
    assert {p.source for p in unseen} == {"pattern"} and len(unseen) == 10


def test_enumerations_share_the_suffix():
    text = "推进北控煤制气、伊泰200万吨煤制油、久泰煤制乙二醇等项目建设"
    assert find_project_candidates(text) == [
        ("北控煤制气项目", "project", 2, 7),
        ("伊泰200万吨煤制油项目", "project", 8, 18),
        ("久泰煤制乙二醇项目", "project", 19, 26),
    ]
    assert [c[0] for c in find_project_candidates("建设国家级乳业基地和大数据产业基地")] == [
        "国家级乳业基地",
        "大数据产业基地",
    ]
    # a name that already ends in a suffix keeps it
    names = [c[0] for c in find_project_candidates("开发建设黄河大峡谷国家地质公园、神泉等旅游区")]
    assert names == ["黄河大峡谷国家地质公园", "神泉旅游区"]


@pytest.mark.parametrize(
    "text",
    [
        "以呼和浩特为中心，改造中心城区，构建区域中心城市。",
        "加强以机场、高铁站、公路客货站场为中心的综合交通枢纽建设。",
        "加强区域内重点(工程)实验室建设，大力发展工程机械。",
        "依托园区、高校、科研院所等培育众创空间。",
        "形成呼包鄂进入全国高铁网的通道。",
        "建设工程、实施项目。",
    ],
)
def test_no_project_in_words_that_only_end_like_one(text):
    assert find_project_candidates(text) == []


def test_patterns_are_longest_first():
    suffixes = [p.suffix for p in project_patterns()]
    assert suffixes.index("高速公路") < suffixes.index("公路")
    assert suffixes.index("产业园区") < suffixes.index("园区")


# --- any text ------------------------------------------------------------------------------------


TOKENS = st.sampled_from(
    [
        "包头", "鄂尔多斯市", "和林格尔新区", "至", "、", "等", "和", "基地", "园区", "中心", "城区", "工程",
        "(", "）", "建设", "推进", "的", "为", "铁路", "高速公路", "，", "。", "x", "1", "—", "管道", "以",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=30).map("".join))
def test_any_text_gives_candidates_inside_it(text):
    suffixes = {p.suffix: p.category for p in project_patterns()}
    found = find_project_candidates(text)
    assert [c[2] for c in found] == sorted(c[2] for c in found)
    for name, category, start, end in found:
        assert 0 <= start < end <= len(text)
        assert any(name.endswith(s) and suffixes[s] == category for s in suffixes)
        assert name.startswith(text[start:end]) or text[start:end] == name
