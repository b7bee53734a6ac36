"""Responsibility annotations as other plans write them: small plans, expected roles worked out by hand."""

import pytest

from hbey_graph import parse_text


def rows(plan, task_id=None):
    """(body, role, group) of one task, or of the only task."""
    task_id = task_id or plan.tasks[0].task_id
    return [(a.body, a.role, a.group) for a in plan.assignments_of(task_id)]


def one_task(annotated_line):
    """A plan of one item whose paragraph is `annotated_line`."""
    return parse_text(f"一、主要任务\n（一）重点工作\n1. 推进重点工作。{annotated_line}\n")


def test_lead_then_supports_with_former_name_and_collective_body():
    plan = one_task("实施黄河干流防洪工程。（自治区水利厅牵头，自治区发展改革委、环保厅及相关盟市配合）")
    assert rows(plan) == [
        ("自治区水利厅", "lead", 1),
        ("自治区发展改革委", "support", 2),
        ("自治区环保厅", "support", 2),  # the prefix 自治区 distributed; 及 joins two names
        ("相关盟市", "support", 2),
    ]
    assert plan.bodies["相关盟市"].body_type == "group"
    # 环保厅 is the pre-2018 name of 生态环境厅: a known body, of the type of the body in force
    assert plan.bodies["自治区环保厅"].body_type == "region_department"
    assert plan.tasks[0].text == "实施黄河干流防洪工程。"


def test_unbracketed_lead_and_support_sentence():
    plan = one_task("建设创新平台。市科技局牵头，市财政局、市教育局配合。")
    assert rows(plan) == [("市科技局", "lead", 1), ("市财政局", "support", 2), ("市教育局", "support", 2)]
    assert plan.tasks[0].text == "建设创新平台。"


def test_labelled_lead_and_support_fields():
    plan = one_task("建设创新平台。（牵头单位：市科委，配合单位：各区县市）")
    assert rows(plan) == [("市科委", "lead", 1), ("各区县市", "support", 2)]
    assert plan.bodies["各区县市"].body_type == "group"
    assert plan.tasks[0].annotation == "牵头单位：市科委，配合单位：各区县市"


def test_labelled_fields_separated_by_semicolon_with_a_deadline():
    plan = one_task(
        "建设创新平台。【牵头单位：市大数据局；配合单位：市发展改革委和市工业和信息化局；完成时限：2020年】")
    # 和 splits 市发展改革委 from 市工业和信息化局 but not 工业 from 信息化局; the deadline names no body
    assert rows(plan) == [
        ("市大数据局", "lead", 1),
        ("市发展改革委", "support", 2),
        ("市工业和信息化局", "support", 2),
    ]
    assert plan.tasks[0].deadline == "2020年"


def test_responsible_line_after_the_task_without_convention():
    plan = parse_text("一、主要任务\n1. 优化营商环境。\n责任单位：省发展改革委、财政厅\n2. 推进改革。\n")
    assert rows(plan) == [("省发展改革委", "responsible", 1), ("省财政厅", "responsible", 1)]
    task = plan.tasks[0]
    assert (task.text, task.heading, task.lines) == ("优化营商环境。", "优化营商环境", (2, 3))
    # the item after it has no annotation and is reported, with its line
    assert [(i.line, i.kind) for i in plan.issues if i.kind == "unassigned-task"] == [(4, "unassigned-task")]
    assert len(plan.tasks) == 1


def test_division_of_work_line_closes_the_paragraph_before_it():
    text = (
        "一、主要任务\n（一）营商环境\n1. 优化营商环境。\n"
        "深化“放管服”改革，压减审批时限。\n部门分工：市政务服务局、市司法局\n"
    )
    plan = parse_text(text)
    task = plan.tasks[0]
    assert (task.task_id, task.text, task.lines) == ("T1.1.1", "深化“放管服”改革，压减审批时限。", (4, 5))
    assert rows(plan) == [("市政务服务局", "responsible", 1), ("市司法局", "responsible", 1)]


def test_lead_and_co_responsible_lines_after_the_task():
    text = (
        "一、主要任务\n1. 加强市场监管。\n"
        "牵头责任单位：市市场监管局\n协同责任单位：市公安局、市级各有关部门\n"
    )
    plan = parse_text(text)
    assert rows(plan) == [
        ("市市场监管局", "lead", 1),
        ("市公安局", "support", 2),
        ("市级各有关部门", "support", 2),
    ]
    assert plan.bodies["市级各有关部门"].body_type == "group"
    assert plan.tasks[0].lines == (2, 4)
    assert plan.tasks[0].annotation == "牵头责任单位：市市场监管局；协同责任单位：市公安局、市级各有关部门"


def test_responsible_each_for_its_part_in_tortoise_shell_brackets():
    plan = one_task("培养技能人才。〔责任单位：市教育局、人力社保局按职责分工负责〕")
    assert rows(plan) == [("市教育局", "responsible", 1), ("市人力社保局", "responsible", 1)]


def test_leads_then_responsible_bodies_support():
    plan = one_task(
        "推进乡村振兴。（市农业农村局、市财政局牵头，市自然资源局及各县（市、区）政府按职责分工负责）")
    assert rows(plan) == [
        ("市农业农村局", "lead", 1),
        ("市财政局", "lead", 1),
        ("市自然资源局", "support", 2),
        ("各县（市、区）政府", "support", 2),
    ]
    assert plan.bodies["各县（市、区）政府"].body_type == "group"


def test_open_list_with_deng():
    plan = one_task("发展全域旅游。（市文化旅游局、市商务局等负责）")
    assert rows(plan) == [("市文化旅游局", "responsible", 1), ("市商务局", "responsible", 1)]


def test_each_listed_body_leads():
    plan = one_task("稳定就业。市人力社保局、市农业农村局分别牵头。")
    assert rows(plan) == [("市人力社保局", "lead", 1), ("市农业农村局", "lead", 1)]


def test_lead_marked_in_brackets_after_a_name():
    plan = one_task("建设数据平台。（责任单位：市大数据局（牵头）、市财政局）")
    assert rows(plan) == [("市大数据局", "lead", 1), ("市财政局", "support", 1)]


@pytest.mark.parametrize(
    "annotation",
    [
        "（牵头单位：市科委，配合单位：各区县市）",
        "(牵头单位:市科委,配合单位:各区县市)",  # half-width brackets and punctuation
        "[牵头单位：市科委；配合单位：各区县市]",
        "［牵头单位：市科委；配合单位：各区县市］",
        "〔牵头单位：市科委，配合单位：各区县市〕",
        "【牵头单位：市科委，配合单位：各区县市】",
        "（牵头单位：市科委，配合单位：各区县市)",  # widths mixed in one annotation
    ],
)
def test_bracket_shapes_and_widths(annotation):
    plan = one_task("建设创新平台。" + annotation)
    assert rows(plan) == [("市科委", "lead", 1), ("各区县市", "support", 2)]
    assert plan.tasks[0].text == "建设创新平台。"


def test_stated_convention_covers_the_items_after_it():
    text = (
        "一、主要任务\n"
        "1. 治理河道。（责任单位：市水利局、市生态环境局，列第一位为牵头单位，下同）\n"
        "2. 建设平台。（责任单位：市科技局、市财政局、各区县政府）\n"
        "3. 优化环境。（市发展改革委牵头，市财政局配合）\n"
    )
    plan = parse_text(text)
    assert [t.task_id for t in plan.tasks] == ["T1.1", "T2.1", "T3.1"]
    assert rows(plan, "T1.1") == [("市水利局", "lead", 1), ("市生态环境局", "support", 1)]
    assert rows(plan, "T2.1") == [
        ("市科技局", "lead", 1), ("市财政局", "support", 1), ("各区县政府", "support", 1)]
    assert rows(plan, "T3.1") == [("市发展改革委", "lead", 1), ("市财政局", "support", 2)]
    assert plan.conventions == ["列第一位为牵头单位，下同"]
    assert "列第一位" not in plan.bodies  # the rule is not a body


def test_convention_without_xiatong_covers_its_own_annotation_only():
    text = (
        "一、主要任务\n"
        "1. 治理河道。（责任单位：市水利局、市生态环境局，列第一位为牵头单位）\n"
        "2. 建设平台。（责任单位：市科技局、市财政局）\n"
    )
    plan = parse_text(text)
    assert rows(plan, "T1.1") == [("市水利局", "lead", 1), ("市生态环境局", "support", 1)]
    assert rows(plan, "T2.1") == [("市科技局", "responsible", 1), ("市财政局", "responsible", 1)]


def test_convention_stated_in_a_note_covers_the_whole_plan():
    text = (
        "一、主要任务\n"
        "1. 治理河道。（责任单位：市水利局、市生态环境局）\n"
        "二、有关说明\n"
        "各项任务的责任单位中，排在第一位的为牵头单位。\n"
    )
    plan = parse_text(text)
    assert rows(plan) == [("市水利局", "lead", 1), ("市生态环境局", "support", 1)]


def test_bundled_plans_rule_first_region_department_leads():
    text = (
        "一、主要任务\n"
        "1. 建设通道。（实施主体：甲市、乙市人民政府，内蒙古税务局，自治区交通运输厅、财政厅，"
        "列为首位的自治区部门为推进牵头部门，其他为配合部门，下同）\n"
        "2. 建设港口。（实施主体：甲市人民政府，自治区商务厅、自然资源厅）\n"
    )
    plan = parse_text(text)
    assert rows(plan, "T1.1") == [
        ("甲市人民政府", "implementer", 1),
        ("乙市人民政府", "implementer", 1),
        ("内蒙古税务局", "support", 2),
        ("自治区交通运输厅", "lead", 3),
        ("自治区财政厅", "support", 3),
    ]
    assert rows(plan, "T2.1") == [("甲市人民政府", "implementer", 1), ("自治区商务厅", "lead", 2),
                                  ("自治区自然资源厅", "support", 2)]
    assert plan.conventions == ["列为首位的自治区部门为推进牵头部门，其他为配合部门，下同"]


def test_numbered_targets_with_annotations_are_tasks():
    text = (
        "一、主要目标\n"
        "1. 到2020年，全市细颗粒物（PM2.5）年均浓度下降18%。（责任单位：市生态环境局）\n"
        "2、森林覆盖率达到25%。\n"
        "责任单位：市林业局\n"
    )
    plan = parse_text(text)
    assert [(t.task_id, t.heading, t.text, t.theme) for t in plan.tasks] == [
        ("T1.1", "到2020年，全市细颗粒物（PM2.5）年均浓度下降18%",
         "到2020年，全市细颗粒物（PM2.5）年均浓度下降18%。", None),
        ("T2.1", "森林覆盖率达到25%", "森林覆盖率达到25%。", None),
    ]
    assert rows(plan, "T1.1") == [("市生态环境局", "responsible", 1)]
    assert rows(plan, "T2.1") == [("市林业局", "responsible", 1)]


def test_area_heading_with_annotation_is_a_task_and_ids_stay_distinct():
    # items right under 一、 and an area （一） under it too: "1." and "（一）" would both give T1.1
    text = (
        "一、主要目标\n"
        "1. 森林覆盖率达到25%。（责任单位：市林业局）\n"
        "（一）空气质量持续改善。（牵头单位：市生态环境局）\n"
    )
    plan = parse_text(text)
    assert [(s.key, s.number) for s in plan.sections] == [("1", "一、"), ("1.0.1", "1."), ("1.1", "（一）")]
    assert [t.task_id for t in plan.tasks] == ["T1.0.1.1", "T1.1.1"]
    assert rows(plan, "T1.1.1") == [("市生态环境局", "lead", 1)]
    assert plan.tasks[1].heading == "空气质量持续改善"


def test_outline_numbers_past_ten_and_malformed_numbers():
    text = (
        "十二、主要任务\n"
        "（二十一）交通\n"
        "一一、不是标题。\n"
        "10. 建设铁路。（责任单位：市交通局）\n"
    )
    plan = parse_text(text)
    assert [(s.key, s.number) for s in plan.sections] == [("12", "十二、"), ("12.21", "（二十一）"),
                                                          ("12.21.10", "10.")]
    assert [t.task_id for t in plan.tasks] == ["T21.10.1"]


def test_level_prefix_and_government_suffix_distributed_over_their_group():
    plan = one_task(
        "推进城乡融合。（省发展改革委、财政厅、自然资源厅，甲市、乙县人民政府，县级各有关部门负责）")
    assert rows(plan) == [
        ("省发展改革委", "responsible", 1),
        ("省财政厅", "responsible", 1),
        ("省自然资源厅", "responsible", 1),
        ("甲市人民政府", "responsible", 2),
        ("乙县人民政府", "responsible", 2),
        ("县级各有关部门", "responsible", 3),
    ]
    assert plan.bodies["乙县人民政府"].level == "county"
    assert plan.bodies["县级各有关部门"].body_type == "group"


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("（各地、各部门负责）", [("各地", "responsible", 1), ("各部门", "responsible", 1)]),
        ("（市直有关部门配合，市发展改革委牵头）",
         [("市直有关部门", "support", 1), ("市发展改革委", "lead", 2)]),
        ("（由市商务局牵头，市场监管局配合）", [("市商务局", "lead", 1), ("市场监管局", "support", 2)]),
    ],
)
def test_collective_bodies_and_order(annotation, expected):
    assert rows(one_task("推进工作。" + annotation)) == expected


def test_traditional_characters_matched_original_kept():
    plan = parse_text("一、主要任務\n1. 推進河道治理。實施防洪工程。（自治區水利廳牽頭，自治區財政廳配合）\n")
    assert rows(plan) == [("自治区水利厅", "lead", 1), ("自治区财政厅", "support", 2)]
    task = plan.tasks[0]
    assert (task.text, task.original_text, task.theme) == ("实施防洪工程。", "實施防洪工程。", "实施防洪工程")
    assert plan.sections[0].title == "主要任务"


def test_ordinary_parentheses_are_no_annotation():
    plan = parse_text(
        "一、主要任务\n1. 建设平台。推进重点(工程)实验室建设（2019年底前完成）。（责任单位：市科技局）\n"
    )
    assert plan.tasks[0].text == "推进重点(工程)实验室建设（2019年底前完成）。"
    assert rows(plan) == [("市科技局", "responsible", 1)]


def test_a_sentence_ending_in_a_verb_is_no_annotation():
    plan = parse_text(
        "一、总体要求\n各地区各部门要认真贯彻落实。\n二、主要任务\n1. 推进改革。（各地负责）\n"
    )
    assert [(t.task_id, t.text) for t in plan.tasks] == [("T1.1", "推进改革。")]
    assert rows(plan) == [("各地", "responsible", 1)]
