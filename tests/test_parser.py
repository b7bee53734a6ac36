"""The bundled plan 内政发〔2018〕55号 parsed: expected values read off the plan text by hand."""

import gc
import re
from datetime import date

import pytest

import hbey_graph.extract.parser
from hbey_graph import load_plan, parse_text
from hbey_graph.extract.bodies import body_registry
from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.extract.text import match_heading

CITIES3 = ["呼和浩特市人民政府", "包头市人民政府", "鄂尔多斯市人民政府"]

# The first 自治区 department of each of the 38 annotations, in plan order.
LEADS = {
    "T1.1.1": "自治区发展改革委",
    "T1.2.1": "自治区发展改革委",
    "T1.2.2": "自治区发展改革委",
    "T1.3.1": "自治区发展改革委",
    "T1.3.2": "自治区发展改革委",
    "T1.4.1": "自治区发展改革委",
    "T1.4.2": "自治区住房城乡建设厅",
    "T2.1.1": "自治区工业和信息化厅",
    "T2.2.1": "自治区能源局",
    "T2.2.2": "自治区工业和信息化厅",
    "T2.2.3": "自治区科技厅",
    "T2.2.4": "自治区农牧厅",
    "T2.3.1": "自治区文化和旅游厅",
    "T2.3.2": "自治区商务厅",
    "T2.3.3": "自治区地方金融监管局",
    "T2.3.4": "自治区工业和信息化厅",
    "T2.4.1": "自治区科技厅",
    "T2.4.2": "自治区科技厅",
    "T2.4.3": "自治区科技厅",
    "T2.4.4": "自治区科技厅",
    "T3.1.1": "自治区发展改革委",
    "T3.1.2": "自治区交通运输厅",
    "T3.1.3": "自治区发展改革委",
    "T3.1.4": "自治区交通运输厅",
    "T3.2.1": "自治区能源局",
    "T3.3.1": "自治区水利厅",
    "T3.4.1": "自治区工业和信息化厅",
    "T4.1.1": "自治区发展改革委",
    "T4.2.1": "自治区生态环境厅",
    "T4.2.2": "自治区生态环境厅",
    "T4.2.3": "自治区生态环境厅",
    "T4.2.4": "自治区生态环境厅",
    "T4.3.1": "自治区自然资源厅",
    "T5.1.1": "自治区发展改革委",
    "T5.2.1": "自治区商务厅",
    "T6.1.1": "自治区人力资源社会保障厅",
    "T6.2.1": "自治区市场监管局",
    "T6.3.1": "自治区财政厅",
}


def roles(plan, task_id):
    return [(a.body, a.role) for a in plan.assignments_of(task_id)]


def implementers(*cities):
    return [(city, "implementer") for city in cities]


def supports(*names):
    return [("自治区" + name, "support") for name in names]


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_plan_metadata(plan):
    assert plan.doc_number == "内政发〔2018〕55号"
    assert plan.issuer == "内蒙古自治区人民政府"
    assert plan.title == "《呼包鄂榆城市群发展规划》内蒙古实施方案"
    assert plan.date == date(2018, 12, 29)
    assert plan.source.name == "nmg-2018-55-hbey-plan.txt"


def test_38_tasks_in_outline_order(plan):
    assert [t.task_id for t in plan.tasks] == list(LEADS)
    assert [t.seq for t in plan.tasks] == list(range(1, 39))


def test_every_task_has_exactly_one_lead_and_it_is_the_first_region_department(plan):
    for task in plan.tasks:
        leads = [a.body for a in plan.assignments_of(task.task_id) if a.role == "lead"]
        assert leads == [LEADS[task.task_id]], task.task_id


def test_annotation_split_by_a_page_break(plan):
    # （实施主\n\n体：呼和浩特市、包头市、鄂尔多斯市人民政府，自治区科技厅、人力资源社会保障厅、发展改革委）
    assert roles(plan, "T2.4.1") == [
        *implementers(*CITIES3),
        ("自治区科技厅", "lead"),
        *supports("人力资源社会保障厅", "发展改革委"),
    ]
    assert plan.task("T2.4.1").lines == (97, 99)


def test_annotation_whose_groups_are_separated_by_a_full_stop(plan):
    # (实施主体：呼和浩特市、包头市、鄂尔多斯市人民政府。自治区生态环境厅、水利厅、住房城乡建设厅、…)
    assert roles(plan, "T4.2.2") == [
        *implementers(*CITIES3),
        ("自治区生态环境厅", "lead"),
        *supports("水利厅", "住房城乡建设厅", "发展改革委", "工业和信息化厅"),
    ]
    assert [a.group for a in plan.assignments_of("T4.2.2")] == [1, 1, 1, 2, 2, 2, 2, 2]


def test_annotation_naming_central_agencies(plan):
    assert roles(plan, "T2.3.3") == [
        *implementers(*CITIES3),
        ("自治区地方金融监管局", "lead"),
        *supports("发展改革委", "商务厅", "工业和信息化厅", "市场监管局"),
        ("人民银行呼和浩特中心支行", "support"),
        ("内蒙古银保监局", "support"),
    ]
    assert [a.position for a in plan.assignments_of("T2.3.3")] == list(range(1, 11))
    assert [a.group for a in plan.assignments_of("T2.3.3")] == [1, 1, 1, 2, 2, 2, 2, 2, 3, 3]


def test_task_with_only_two_city_governments(plan):
    assert roles(plan, "T2.3.4") == [
        *implementers("呼和浩特市人民政府", "包头市人民政府"),
        ("自治区工业和信息化厅", "lead"),
        *supports("大数据发展管理局", "商务厅", "自然资源厅", "发展改革委", "交通运输厅", "市场监管局",
                  "文化和旅游厅"),
    ]


def test_mixed_brackets_and_a_department_name_split_by_a_page_break(plan):
    # （实施主体：…，自治区商务厅、交通运\n\n输厅、生态环境厅、发展改革委、科技厅)
    assert roles(plan, "T2.3.2") == [
        *implementers(*CITIES3),
        ("自治区商务厅", "lead"),
        *supports("交通运输厅", "生态环境厅", "发展改革委", "科技厅"),
    ]


def test_enterprise_after_a_page_break(plan):
    assert roles(plan, "T3.1.3") == [
        *implementers(*CITIES3),
        ("自治区发展改革委", "lead"),
        *supports("交通运输厅"),
        ("内蒙古民航机场集团公司", "support"),
    ]


def test_first_annotation_states_the_rule_which_is_not_a_body(plan):
    assert roles(plan, "T1.1.1") == [
        *implementers(*CITIES3),
        ("自治区发展改革委", "lead"),
        *supports("自然资源厅", "住房城乡建设厅", "生态环境厅", "交通运输厅", "水利厅", "文化和旅游厅",
                  "党委编办", "人力资源社会保障厅", "农牧厅", "林业和草原局", "工业和信息化厅", "能源局"),
    ]
    assert plan.conventions == [
        "列为首位的自治区部门为推进牵头部门，其他为配合部门，配合部门可由牵头部门根据需要进行调整，下同"
    ]


def test_single_city_task_with_a_party_organ(plan):
    assert roles(plan, "T1.2.1") == [
        *implementers("呼和浩特市人民政府"),
        ("自治区发展改革委", "lead"),
        *supports("工业和信息化厅", "科技厅", "地方金融监管局", "文化和旅游厅", "商务厅", "交通运输厅",
                  "住房城乡建设厅", "自然资源厅", "生态环境厅", "农牧厅", "林业和草原局", "党委编办",
                  "人力资源社会保障厅"),
    ]


def test_foreign_affairs_office_and_customs(plan):
    assert roles(plan, "T5.1.1") == [
        *implementers(*CITIES3),
        ("自治区发展改革委", "lead"),
        *supports("商务厅", "工业和信息化厅", "党委外事办"),
        ("呼和浩特海关", "support"),
    ]


def test_no_rule_text_bracket_or_punctuation_leaks_into_a_name(plan):
    names = {a.body for a in plan.assignments}
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+", name) for name in names), names
    assert not any(word in name for name in names for word in ("列为", "牵头", "配合", "下同", "实施主体"))


def test_every_body_is_known_to_the_reference_table(plan):
    registry = body_registry()
    assert len(plan.bodies) == 32
    assert all(name in registry for name in plan.bodies)
    types = [b.body_type for b in plan.bodies.values()]
    assert (types.count("city_government"), types.count("central_agency"), types.count("enterprise"),
            types.count("party_organ"), types.count("region_department")) == (3, 5, 1, 2, 21)


def test_city_governments_implement_and_never_lead(plan):
    for a in plan.assignments:
        assert (a.role == "implementer") == a.body.endswith("人民政府")


def test_sections_headings_and_themes(plan):
    areas = [s.title for s in plan.sections if s.level == 2 and s.key.startswith("3.")]
    assert areas == ["优化城市群发展空间布局", "引导产业协同发展", "加快基础设施互联互通",
                     "推进生态环境共建共保", "构建开放合作新格局", "创新协同发展体制机制"]
    task = plan.task("T1.2.2")
    assert task.section == "优化城市群发展空间布局"
    assert (task.heading, task.theme) == ("建设呼和浩特区域中心城市", None)
    assert task.section_path == ("3", "3.1", "3.1.2")
    assert plan.task("T2.3.1").theme == "文化旅游业"
    assert plan.task("T3.1.1").theme == "加快铁路网建设"
    assert plan.task("T2.2.1").theme == "打造高端能源化工产业集群"
    assert plan.task("T1.1.1").heading == "构建协调发展的城镇格局"
    assert plan.task("T1.1.1").text.startswith("依托呼包鄂榆发展轴")


def test_text_repaired_and_annotation_removed(plan):
    assert "呼和浩特市、鄂尔多斯市开展托（克托）清（水河）准（格尔）" in plan.task("T2.1.1").text
    assert "伊泰200万吨煤制油" in plan.task("T2.2.1").text
    assert "500千伏" in plan.task("T3.2.1").text
    assert "城市群紧密联接" in plan.task("T3.1.4").text
    assert "交通运输厅" not in plan.task("T2.3.2").text
    assert all("实施主" not in t.text for t in plan.tasks)
    assert "重点(工程)实验室" in plan.task("T2.4.1").text


def test_anomalies_reported_as_warnings_with_line_numbers(plan):
    warnings = [(i.line, i.kind) for i in plan.issues if i.severity == "warning"]
    assert warnings == [(65, "doubled-character"), (119, "stray-token"), (175, "stray-token")]
    joins = [i.line for i in plan.issues if i.kind == "page-break"]
    assert {37, 63, 87, 97, 115, 173} <= set(joins)


@pytest.mark.parametrize("space", [chr(c) for c in range(0x3001) if chr(c).isspace()])
def test_latin_word_between_any_kind_of_space_reported(space):
    from hbey_graph.extract.text import Paragraph, repair_paragraph

    issues = []
    repair_paragraph(Paragraph(f"平台{space}and{space}连锁", 4, 4, [(0, 4)]), issues)
    assert [(i.line, i.kind) for i in issues] == [(4, "stray-token")]


@pytest.mark.parametrize(
    ("text", "repaired", "kinds"),
    [
        ("1. 构建协调发展的城镇格局", "1. 构建协调发展的城镇格局", []),  # one run of spaces, beside no number
        ("开展“中国制造 2025”试点", "开展“中国制造2025”试点", ["spacing"]),  # one run, beside a number
        ("到 2035 年", "到2035年", ["spacing"]),
        ("城市群의 紧密联接", "城市群紧密联接", ["stray-token"]),
    ],
)
def test_spaces_repaired_only_beside_numbers(text, repaired, kinds):
    from hbey_graph.extract.text import Paragraph, repair_paragraph

    issues = []
    assert repair_paragraph(Paragraph(text, 1, 1, [(0, 1)]), issues) == (repaired, repaired)
    assert [i.kind for i in issues] == kinds


def test_records_from_the_reference_tables_cannot_be_changed(plan):
    # bodies, places and projects come from tables read once and serve every later parse
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        plan.bodies["自治区发展改革委"].body_type = "group"
    with pytest.raises(FrozenInstanceError):
        plan.places["包头市"].parent_city = None
    with pytest.raises(FrozenInstanceError):
        plan.projects[0].places = ()
    assert load_plan().bodies["自治区发展改革委"].body_type == "region_department"


def test_loading_warns_through_python_warnings():
    from hbey_graph.errors import ParseWarning

    with pytest.warns(ParseWarning, match="line 119: stray Hangul"):
        load_plan()


# --- small hand-made plans -------------------------------------------------------------------------

HAND_MADE = """某市人民政府关于印发某市实施方案的通知
某政发〔2020〕3号

一、主要任务

（一）交通

1. 建设铁路。推进甲市至乙市铁路建设。（实施主体：甲市、乙市人民政府，自治区交通运
输厅、发展改革委，呼和浩特海关）

2. 发展物流。

建设物流园区，完善配送网络。(实施主体：乙市人民政府，自治区商务厅、财政厅)

（二）生态

1. 治理沙漠。实施治沙工程。（实施主体：甲市人民政府，自治区林业和草原局）
"""


def test_hand_made_plan():
    plan = parse_text(HAND_MADE, plan_id="hand")
    assert (plan.doc_number, plan.issuer) == ("某政发〔2020〕3号", "某市人民政府")
    assert [t.task_id for t in plan.tasks] == ["T1.1.1", "T1.2.1", "T2.1.1"]
    assert roles(plan, "T1.1.1") == [
        ("甲市人民政府", "implementer"), ("乙市人民政府", "implementer"),
        ("自治区交通运输厅", "lead"), ("自治区发展改革委", "support"), ("呼和浩特海关", "support"),
    ]
    assert roles(plan, "T1.2.1") == [
        ("乙市人民政府", "implementer"), ("自治区商务厅", "lead"), ("自治区财政厅", "support"),
    ]
    assert roles(plan, "T2.1.1") == [("甲市人民政府", "implementer"), ("自治区林业和草原局", "lead")]
    assert plan.task("T1.2.1").heading == "发展物流"
    assert plan.task("T1.1.1").text == "推进甲市至乙市铁路建设。"
    assert plan.task("T2.1.1").section == "生态"


def test_market_regulation_is_not_a_city_prefix():
    plan = parse_text("一、任务\n1. 监管。（实施主体：自治区商务厅、市场监管局、公安厅）", plan_id="m")
    assert roles(plan, "T1.1") == [
        ("自治区商务厅", "lead"), ("自治区市场监管局", "support"), ("自治区公安厅", "support"),
    ]


def test_unknown_body_is_classified_and_reported():
    plan = parse_text("一、任务\n1. 建设。（实施主体：丙市人民政府，自治区发展改革委、气象馆）", plan_id="u")
    assert plan.bodies["丙市人民政府"].body_type == "city_government"
    assert not plan.bodies["丙市人民政府"].known
    assert [i.kind for i in plan.issues] == ["unknown-body", "unknown-body"]


def test_paragraph_without_annotation_in_a_task_section_is_reported():
    """After an item whose words its annotation closes, a paragraph with none is no one's task.

    (Right after a title its annotation closes, 1. 建设。（实施主体：…）, such a paragraph is the item's
    words: see test_reading_real_plans.)
    """
    text = "一、任务\n1. 建设。加快推进水利工程建设。（实施主体：自治区水利厅）\n另一段文字没有标注。\n"
    plan = parse_text(text, plan_id="p")
    assert [(i.line, i.kind) for i in plan.issues] == [(3, "unassigned-task")]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_the_parse_found_it(enabled, monkeypatch):
    text = "一、任务\n1. 建设。（实施主体：自治区水利厅）\n"
    (gc.enable if enabled else gc.disable)()
    try:
        assert roles(parse_text(text), "T1.1") == [("自治区水利厅", "lead")]
        assert gc.isenabled() is enabled

        def fail(*args, **kwargs):
            raise RuntimeError("geography failed")

        monkeypatch.setattr(hbey_graph.extract.parser, "extract_geography", fail)
        with pytest.raises(RuntimeError, match="geography failed"):
            parse_text(text)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


HEADINGS = [  # line, level, number
    ("一、标题", 1, "一、"), ("九、标题", 1, "九、"), ("十、标题", 1, "十、"), ("十一、标题", 1, "十一、"),
    ("十九、标题", 1, "十九、"), ("二十、标题", 1, "二十、"), ("九十九、标题", 1, "九十九、"),
    ("（一）标题", 2, "（一）"), ("（十二）标题", 2, "（十二）"), ("(三十)标题", 2, "(三十)"),
    ("1.标题", 3, "1."), ("9、标题", 3, "9、"), ("12．标题", 3, "12．"), ("３.标题", 3, "３."),
    ("1. 标题", 3, "1."),
]
NOT_HEADINGS = ["一一、标题", "十十、标题", "（一二）标题", "100.标题", "1.5亿元", "标题", "（标题）", ""]


@pytest.mark.parametrize(("line", "level", "number"), HEADINGS)
def test_outline_headings_and_their_levels(line, level, number):
    found = match_heading(line)
    assert found is not None
    assert (found[0], found[1].group("number"), found[1].group("rest")) == (level, number, "标题")


@pytest.mark.parametrize("line", [line for line, _, _ in HEADINGS] + NOT_HEADINGS)
def test_a_heading_is_found_by_the_first_numbering_pattern_that_matches(line):
    # match_heading finds the first level whose numbering pattern (data/lexicon.csv) matches
    tried = [(level, pattern.match(line)) for level, pattern in Lexicon.default().numbering.items()]
    expected = [(level, match.group("number")) for level, match in tried if match is not None][:1]
    found = match_heading(line)
    assert ([] if found is None else [(found[0], found[1].group("number"))]) == expected
    assert (found is None) == (line in NOT_HEADINGS)


def all_roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


DUTY_LIST = """三、职责分工
区委宣传部：制订宣传工作方案，协调新闻单位做好宣传报道。
商委：协调供销社做好烟花爆竹品种、数量的需求，掌握供销情况。
区城管局：配合做好限行区域内车辆管理工作。
完成时限：2024年12月底前。
目标：年内全区禁放区内不发生燃放烟花爆竹的事件。
四、保障措施
宣传部门：要加强宣传引导，营造良好的社会氛围。
"""


def test_a_duty_list_reads_each_body_before_a_colon_as_the_body_of_its_duties():
    plan = parse_text(DUTY_LIST, plan_id="duties")
    assert [task.text for task in plan.tasks][:3] == [
        "制订宣传工作方案，协调新闻单位做好宣传报道。",
        "协调供销社做好烟花爆竹品种、数量的需求，掌握供销情况。",
        "配合做好限行区域内车辆管理工作。",
    ]
    assert all_roles(plan)[:3] == [
        [("区委宣传部", "responsible")],
        [("商委", "responsible")],
        [("区城管局", "support")],
    ]


def test_labels_and_lines_outside_a_duty_list_are_not_read_as_a_body_and_its_duties():
    plan = parse_text(DUTY_LIST, plan_id="duties")
    # 完成时限： is the deadline of the duty before it, 目标： no task, 宣传部门： under 保障措施 no task
    assert len(plan.tasks) == 3
    assert plan.tasks[2].deadline == "2024年12月底前"
    assert not any("年内全区禁放区内" in task.text or "宣传引导" in task.text for task in plan.tasks)
    assert {a.body for a in plan.assignments} == {"区委宣传部", "商委", "区城管局"}


def test_a_body_and_a_colon_is_not_a_task_without_a_duty_list_heading():
    text = "一、主要任务\n区委宣传部：制订宣传工作方案，协调新闻单位做好宣传报道。\n"
    assert parse_text(text, plan_id="no-list").tasks == []


def test_an_item_opening_with_a_support_verb_under_a_heading_naming_a_body_is_its_support():
    text = (
        "三、职责分工\n（一）市财政局\n负责限行工作专项经费的保障。\n"
        "（二）市城管局\n配合做好限行区域内车辆管理工作。\n"
    )
    plan = parse_text(text, plan_id="headings")
    assert all_roles(plan) == [[("市财政局", "responsible")], [("市城管局", "support")]]


def test_a_numbered_duty_line_with_a_colon_is_read_like_an_unnumbered_one():
    text = "三、职责分工\n（五）市城管局：配合做好限行区域内车辆管理工作。\n"
    plan = parse_text(text, plan_id="numbered")
    assert all_roles(plan) == [[("市城管局", "support")]]
    assert plan.tasks[0].text == "配合做好限行区域内车辆管理工作。"
