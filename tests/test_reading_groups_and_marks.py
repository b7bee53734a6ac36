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


def test_a_table_run_together_with_rows_numbered_in_brackets():
    """1070 (Wenzhou): a flipbook's copy of a table (序号 条款对应的工作内容 责任单位 责任类型) whose
    rows, numbered ``(25)`` ``(27)``, run on with their cells; a body supporting the one named
    before it in brackets, and the kind of duty (受理) after the bodies, which is no official."""
    plan = parse_text(
        "148序号 条款对应的工作内容 责任单位 责任类型(25)受理服务温州地接 120 天以上、游客满意度保持在 "
        "80%以上的中、高级导游员的奖励市文广旅局 受理(26)受理新设立、新引进或非法人转独立法人的国内外"
        "知名创意设计等专业服务机构的奖励市委宣传部(市税务局配合提供数据)受理(27)制定自创区(科创走廊)"
        "内优秀科技中介机构遴选办法,并组织实施市科技局制定细则组织实施\n"
    )
    assert roles(plan) == [
        [("市文广旅局", "responsible")],
        [("市委宣传部", "lead"), ("市税务局", "support")],
        [("市科技局", "responsible")],
    ]
    assert [task.lead_official for task in plan.tasks] == ["", "", ""]


def test_a_supporting_body_with_what_its_support_is():
    """``A牵头，B配合做好数据提供``: after the lead, B supports, and the words after the verb say how."""
    plan = parse_text("1.受理知名创意设计等专业服务机构的奖励。(市委宣传部牵头,市税务局配合做好数据提供)\n")
    assert roles(plan) == [[("市委宣传部", "lead"), ("市税务局", "support")]]


def test_a_line_announcing_the_items_its_bodies_carry_out_is_no_task():
    """1081 (Ministry of Civil Affairs): ``救灾司救灾处会同备灾处负责，具体工作是：`` over (1) (2):
    the items are the tasks; an office named after the ministry's department (救灾司救灾处) is surely
    a body, and the office after 会同 supports it."""
    plan = parse_text(
        "8.实时工作报告。\n"
        "救灾司救灾处会同备灾处负责,具体工作是:\n"
        "(1)按照国务院要求,定期向国务院报告救灾工作的开展情况;\n"
        "(2)救灾工作结束后,向国务院报告灾害总体情况和救灾工作开展情况。\n"
    )
    assert [task.text[:4] for task in plan.tasks] == ["按照国务", "救灾工作"]
    assert roles(plan) == [[("救灾司救灾处", "lead"), ("备灾处", "support")]] * 2


def test_bodies_each_carrying_out_their_part():
    """1082 (Beijing): ``(A、B分别负责落实)``."""
    plan = parse_text("(一)推进支持雄安新区建设等信息公开。(市发展改革委、市人力社保局分别负责落实)\n")
    assert roles(plan) == [[("市发展改革委", "responsible"), ("市人力社保局", "responsible")]]


def test_a_disclosure_catalogue_s_columns():
    """1060 (a county education bureau): 信息类别 | 内容描述 | 责任主体 | 公开方式 | 公开时限: the
    website a disclosure goes to is no body, and the time limit is the deadline."""
    plan = parse_text(
        "信息类别 | 内容描述 | 责任主体 | 公开方式 | 公开时限 |\n"
        "领导信息 | 局领导班子成员相片、姓名、建立及工作分工 | 办公室 | 县人民政府网站的县教育局栏目 "
        "| 信息形成或变更之日起20个工作日内 |\n"
        "人事信息 | 县教育局根据管理权限任免的机关内设股室负责人员 | 人事股 | 县人民政府网站的县教育局栏目 "
        "| 信息形成或变更之日起20个工作日内 |\n"
    )
    assert roles(plan) == [[("办公室", "responsible")], [("人事股", "responsible")]]
    assert {task.deadline for task in plan.tasks} == {"信息形成或变更之日起20个工作日内"}


def test_a_party_committee_s_prefix_carries_only_its_level_to_a_government_department():
    """1112 (a province's work points): ``省委组织部、民政厅`` names the province's 民政厅; the
    party committee's prefix still goes to its own departments (``省委组织部、宣传部``)."""
    plan = parse_text(
        "27、全面推行村党组织“两推一选”和村委会直选制度,做好村“两委”换届选举工作(省委组织部、民政厅)。\n"
        "28、加强干部教育培训工作(省委组织部、宣传部)。\n"
    )
    assert roles(plan) == [
        [("省委组织部", "responsible"), ("省民政厅", "responsible")],
        [("省委组织部", "responsible"), ("省委宣传部", "responsible")],
    ]


def test_a_cell_whose_numbered_sentences_split_it_stays_one_cell():
    """1031 (Huaiyuan): the progress cell of a table one cell per line holds ``1、…。2、…。3、…``;
    split at its numbers, it is still one cell of the row, and makes no tasks of its own."""
    plan = parse_text(
        "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n"
        "55\n\n持续开展农资打假专项治理行动,以最严举措打击假种子、假化肥等违法行为。\n\n农业执法大队\n\n"
        "2023年底\n\n1、查处违法行为31起,立案31起。2、对全县18个乡镇农资市场进行检查。"
        "3、联合乡镇政府和行业监管部门开展农资打假宣传。\n"
    )
    assert [task.text for task in plan.tasks] == [
        "持续开展农资打假专项治理行动，以最严举措打击假种子、假化肥等违法行为。"
    ]
    assert roles(plan) == [[("农业执法大队", "lead")]]


def test_a_meeting_s_decision_shares_the_work_out_clause_by_clause():
    """1130 (Quanjiao): after ``会议决定``, which follows a clause of its own, each clause that opens
    with bodies and their verb gives them the work after the verb."""
    plan = parse_text(
        "经反复研判和充分协商后,会议决定,由县财政局牵头,通过“一事一议”项目进行建设,县交通局、县林业局、"
        "县自规局分别负责做好沿路的交通设施、树木、用地等移除或变更等工作,县路灯管理所负责做好路灯架设的"
        "技术指导。\n"
    )
    assert ["一事一议" in plan.tasks[0].text, "移除或变更" in plan.tasks[1].text] == [True, True]
    assert "技术指导" in plan.tasks[2].text
    assert roles(plan) == [
        [("县财政局", "lead")],
        [("县交通局", "responsible"), ("县林业局", "responsible"), ("县自规局", "responsible")],
        [("县路灯管理所", "responsible")],
    ]


def test_a_decision_naming_who_acts_right_after_the_frame():
    """1131 (a county's minutes): ``会议决定由县供电公司负责供电线杆迁移工作``, no comma after the frame."""
    plan = parse_text("会议决定由县供电公司负责供电线杆迁移工作。\n")
    assert [task.text for task in plan.tasks] == ["供电线杆迁移工作。"]
    assert roles(plan) == [[("县供电公司", "responsible")]]


def test_a_frame_after_a_quoted_task_closes_it():
    """190 (a news report of the State Council's division): ``…时，《意见》明确，由A、B按职责分工负责，
    12月底前完成``: the frame follows the quoted task, and no work follows the statement."""
    plan = parse_text(
        "其中,在提到“进一步清理用电不合理加价,继续推动降低一般工商业电价”时,《意见》明确,由国家发展改革委、"
        "国家能源局按职责分工负责,12月底前完成。\n"
    )
    assert "清理用电不合理加价" in plan.tasks[0].text
    assert roles(plan) == [[("国家发展改革委", "responsible"), ("国家能源局", "responsible")]]


def test_the_inspectors_of_a_schedule_are_no_bodies():
    """1140 (Zhuzhou county): a schedule one cell per line (时间 / 督查人员 / 督查项目 / 项目责任单位):
    the inspectors' names stand in a column of persons, and each project's unit closes its row."""
    plan = parse_text(
        "督查人员及行程安排\n时 间\n督查人员\n督查项目\n项目责任单位\n第一组\n3月14日\n上午\n8:30-11:30\n"
        "王 波(组 长)\n国家木材战略储备湖南万亩珍稀名贵树种培育示范项目\n林业局\n"
        "王豪亮(资料员)\n文 薇\n朱亭新镇建设项目\n朱亭镇\n"
    )
    assert roles(plan) == [[("林业局", "responsible")], [("朱亭镇", "responsible")]]
    assert "朱亭新镇建设项目" in plan.tasks[1].text


def test_fields_under_an_item_s_title_stay_with_it():
    """1142 (Nanchang county): under ``二、…项目`` the labelled lines, one with the next label run on
    (``责任单位:莲塘镇任务目标:…``), belong to the item; the target is its text."""
    plan = parse_text(
        "一、莲塘等片区20个排水单元雨污管网分流改造项目\n\n牵头领导:涂超\n\n牵头单位:县城管执法局\n\n"
        "责任单位:江西洪城水业环保公司、属地乡镇\n\n任务目标:2024年度计划对20个排水单元进行雨污管网分流改造。\n\n"
        "二、10万平方米老旧小区改造项目\n\n牵头领导:涂超\n\n牵头单位:县城管执法局\n\n"
        "责任单位:莲塘镇任务目标:2024年计划改造完成莲塘镇莲水巷等住宅小区。\n"
    )
    assert roles(plan) == [
        [("县城管执法局", "lead"), ("江西洪城水业环保公司", "support"), ("属地乡镇", "support")],
        [("县城管执法局", "lead"), ("莲塘镇", "support")],
    ]
    assert [task.lead_official for task in plan.tasks] == ["涂超", "涂超"]


def test_a_decision_inside_a_sentence_that_opened_with_its_reasons():
    """1131 (a county's minutes), the decision as one sentence: ``鉴于…，会议决定由A负责…，…，B负责…``."""
    plan = parse_text(
        "鉴于存在严重安全隐患,移杆工作迫在眉睫,会议决定由县供电公司负责供电线杆迁移工作,并确定本县企业"
        "宝元电力有限公司作为抢险施工队伍,供电公司负责施工管理具体事宜。\n"
    )
    assert roles(plan) == [[("县供电公司", "responsible")], [("供电公司", "responsible")]]
    assert plan.tasks[1].text.startswith("负责施工管理具体事宜")


def test_a_sentence_a_page_break_cut_before_any_outline_goes_on():
    """1131 (a county's minutes, no outline): a page break cuts ``…会议决定由县供电公司负责供电`` /
    ``线杆迁移工作，…`` in a word; the long line of prose goes on over the blank line."""
    plan = parse_text(
        "会议听取了县城建局、供电公司等关于新桥路供电线杆迁移等有关问题的情况汇报。鉴于目前存在严重安全隐患,"
        "移杆工作迫在眉睫,会议决定由县供电公司负责供电\n\n"
        "线杆迁移工作,并确定本县企业宝元电力有限公司作为抢险施工队伍,供电公司负责施工管理具体事宜。\n"
    )
    assert plan.tasks[0].text.startswith("供电线杆迁移工作")
    assert roles(plan) == [[("县供电公司", "responsible")], [("供电公司", "responsible")]]


def test_scraps_against_copying_leave_the_bracket_they_follow():
    """285 (a forum's copy): ``(住建局牵头) x& L1 ]8 N) l6 J( k``: the scraps go, the bracket that
    closes the annotation stays."""
    plan = parse_text(
        "对府东新村、光明北村等7个老旧小区进行基础性改造,选择3个小区进行宜居住区提升性改造(住建局牵头)"
        " x& L1 ]8 N) l6 J( k\n"
        "马厂七期6栋396套安置房完成主体工程(三水街道牵头)' l1 J8 n9 Y9 x\n"
    )
    assert roles(plan) == [[("住建局", "lead")], [("三水街道", "lead")]]


def test_a_lead_marked_by_a_typeface_the_text_lost_is_reported():
    """1033 (Linyi): ``(字体加粗者为牵头部门，下同)`` after the bodies: the bold is gone, so no lead
    is read, the last body before the note is still a body, and the loss is reported."""
    plan = parse_text(
        "具体措施: | 提高困难群体救助保障标准。 |\n"
        "责任单位: | 市民政局、市残联,各县区政府、开发区管委会(字体加粗者为牵头部门,下同) |\n"
    )
    assert roles(plan) == [
        [
            ("市民政局", "responsible"),
            ("市残联", "responsible"),
            ("各县区政府", "responsible"),
            ("开发区管委会", "responsible"),
        ]
    ]
    assert any("typeface" in issue.message for issue in plan.issues if issue.kind == "unread-annotation")


def test_who_acts_between_a_topic_and_its_work():
    """666 (Xunyang county's list of a standing meeting's decisions): ``关于…问题，由A、B负责，抓紧…``
    and ``《…》，由A负责，修改完善后…``: the clause from 由 closes the topic, the work after it goes
    on with the same task."""
    plan = parse_text(
        "一、已落实事项(3件)\n"
        "3、关于2016年冬季退役士兵安置问题,由县人社局、民政局、编办负责,抓紧做好安置工作。\n"
        "二、正在落实事项(12件)\n"
        "3、《关于积极推进毛绒玩具创意产业发展的实施意见》,由县人社局负责,修改完善后按程序印发实施。\n"
    )
    assert [task.text[:6] for task in plan.tasks] == ["关于2016", "《关于积极推"]
    assert "抓紧做好安置工作" in plan.tasks[0].text
    assert roles(plan) == [
        [("县人社局", "responsible"), ("县民政局", "responsible"), ("县编办", "responsible")],
        [("县人社局", "responsible")],
    ]


def test_bodies_an_agent_names_before_what_they_act_on():
    """385 (Qi county): ``由各指挥部对涉及到的线杆迁改指定迁移路由；…；县供电公司牵头负责，于9月底前…``:
    after 由 the bodies, then 对 and what they act on, with no role word."""
    plan = parse_text(
        "二、工程内容\n由各指挥部对涉及到的线杆迁改指定迁移路由;县供电公司牵头负责,于9月底前完成线路迁改任务。\n"
    )
    assert plan.tasks[0].text.startswith("对涉及到的线杆迁改指定迁移路由")
    assert roles(plan) == [[("各指挥部", "responsible")], [("县供电公司", "lead")]]
