"""Reading real plans, continued: a working group's make-up, and marks around annotations.

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test)
unless the test says it varies one; the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


_GROUP = (
    "为深入推进秸秆综合利用,推动农业循环经济发展,成立金井镇秸秆综合利用工作专班:\n"
    "组 长:刘威镇长\n"
    "副组长:彭亚副镇长\n"
    "成员单位:农业综合服务中心、生态事务中心、财政所。\n"
)


def test_the_members_of_a_working_group_are_not_a_task_s_bodies():
    """960 (Changsha county town): ``成员单位：`` after ``组长：`` and ``副组长：`` lists who sits in the
    group; each member's duties follow, and only they are tasks."""
    plan = parse_text(
        _GROUP + "农业综合服务中心:负责秸秆综合利用工作,提供秸秆综合利用技术指导。\n"
        "财政所:负责扶持政策资金发放,保障秸秆综合利用工作专班工作经费。\n"
    )
    assert [task.text[:6] for task in plan.tasks] == ["负责秸秆综合", "负责扶持政策"]
    assert roles(plan) == [[("农业综合服务中心", "responsible")], [("财政所", "responsible")]]


def test_a_role_label_after_a_group_s_head_is_still_read():
    """Varied from 960: a line labelled by a role (``牵头单位：``), not by a group, after ``组长：``
    names the bodies of the task it follows."""
    plan = parse_text(
        "1、开展秸秆禁烧巡查,发现违规用火第一时间劝导、制止。\n组长:刘威镇长\n牵头单位:行政执法队\n"
    )
    assert roles(plan) == [[("行政执法队", "lead")]]


def test_members_named_after_a_task_still_answer_for_it():
    """Without a group's head before it, ``成员单位：`` after a task names its bodies."""
    plan = parse_text("1、开展秸秆禁烧巡查,发现违规用火第一时间劝导、制止。\n成员单位:行政执法队、财政所\n")
    assert roles(plan) == [[("行政执法队", "responsible"), ("财政所", "responsible")]]


def test_bodies_that_carry_out_a_task_others_support_lead_it():
    """1023 (a city's games): ``由大型活动部组织实施，宣传部配合``: who carries out what others support
    leads it, as with ``负责``."""
    plan = parse_text(
        "1.开幕式\n"
        "②裁判员、运动员入场式、升旗仪式、场地布置与气氛营造由大型活动部组织实施,宣传部配合。\n"
        "③仪仗队、花束队、引导员由市教育局组织实施。\n"
    )
    assert roles(plan) == [[("大型活动部", "lead"), ("宣传部", "support")], [("市教育局", "implementer")]]


def test_a_record_of_labelled_rows_opens_again_at_its_first_label():
    """1033 (Linyi): a two-column table written ``具体措施: | … |`` / ``责任单位: | … |``: each
    ``具体措施`` opens the next task, and the bars around a cell are not part of its names."""
    plan = parse_text(
        "具体措施: | 根据职工平均工资和生活费用变化情况,提高1-4级工伤职工伤残津贴。 |\n"
        "责任单位: | 市人力资源社会保障局、市财政局,各县区政府 |\n"
        "具体措施: | 依托乡镇(街道)、城乡社区公共服务设施,每个县区建设2-3个残疾人综合服务平台。 |\n"
        "责任单位: | 市残联,各县区政府 |\n"
    )
    assert "提高1-4级" in plan.tasks[0].text and "残疾人综合服务平台" in plan.tasks[1].text
    assert roles(plan) == [
        [("市人力资源社会保障局", "responsible"), ("市财政局", "responsible"), ("各县区政府", "responsible")],
        [("市残联", "responsible"), ("各县区政府", "responsible")],
    ]


def test_the_body_that_supplies_a_target_s_figures_supports_it():
    """1040 (Chengdu): ``数据提供单位：市统计局`` in the bracket after a target."""
    plan = parse_text(
        "一、经济社会发展主要预期目标\n"
        "(一) 地区生产总值增长7.5%左右。(牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)\n"
    )
    assert roles(plan) == [[("市发改委", "lead"), ("市统计局", "support")]]
    assert plan.tasks[0].lead_official == "谢瑞武"


def test_a_numeral_in_brackets_written_as_one_character_numbers_a_heading():
    """1050 (Xinyu): goals numbered ㈦ ㈧ over tasks 19、20、; the page opens with the last line of a
    task on the page before, which is reported, not given to the first goal."""
    plan = parse_text(
        "责任部门:市食品药品监管局、市农业局\n"
        "㈦依法治理和有效控制饮用水源和植物土壤的污染。\n"
        "19、加强对水源的监测与治理。增加饮用水源监测频率。\n"
        "责任部门:市环保局、市水利局\n"
        "㈧全面推开食品安全信用体系建设工作。\n"
        "20、全市食品安全信用企业(单位)80%达到市级信用建设标准。\n"
        "责任部门:市食品药品监管局、市工商局\n"
    )
    assert [task.text[:4] for task in plan.tasks] == ["增加饮用", "全市食品"]  # 19 has a title
    assert roles(plan) == [
        [("市环保局", "responsible"), ("市水利局", "responsible")],
        [("市食品药品监管局", "responsible"), ("市工商局", "responsible")],
    ]
    assert any(issue.line == 1 and "no task text" in issue.message for issue in plan.issues)


def test_the_persons_heading_a_project_are_neither_a_task_nor_bodies():
    """1051 (Beijing): ``项目负责人：市卫生局方来英`` between the labelled lines of a project."""
    plan = parse_text(
        "十一、为“120”和“999”两个院前急救体系配备100辆急救摩托车。\n"
        "完成时限:2009年11月底前\n主要责任单位:市卫生局、市红十字会\n"
        "项目负责人:市卫生局方来英、市红十字会韩陆\n协办单位:市公安局公安交通管理局\n"
    )
    assert roles(plan) == [
        [("市卫生局", "lead"), ("市红十字会", "lead"), ("市公安局公安交通管理局", "support")]
    ]
    assert plan.tasks[0].deadline == "2009年11月底前"


def test_a_stray_cell_before_the_date_does_not_become_the_deadline():
    """1031 (Huaiyuan): a table one cell per line; a stray ``2`` after the bodies' cell pushes the
    date into the progress column, and the date is still the deadline."""
    plan = parse_text(
        "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n是否达到序时进度\n\n"
        "6\n\n农村常住居民人均可支配收入与经济增长同步。\n\n经管站\n\n2\n\n2023年底\n\n"
        "三季度绝对数16285元,增幅7.4%\n\n"
        "53\n\n加快推动农业规模化经营。\n\n经管站\n\n2023年底\n\n已累计完成改革试验面积31.7万亩。\n"
    )
    assert [task.text for task in plan.tasks] == [
        "农村常住居民人均可支配收入与经济增长同步。",
        "加快推动农业规模化经营。",
    ]
    assert [task.deadline for task in plan.tasks] == ["2023年底", "2023年底"]
    assert roles(plan) == [[("经管站", "lead")], [("经管站", "lead")]]
