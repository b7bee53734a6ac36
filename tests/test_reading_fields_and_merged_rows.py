"""Reading real plans, continued: where a labelled field ends, headers spaced out, rows under merged
cells and bodies leading each its share (corpus files 830-860).

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test);
the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


def kinds(plan, *wanted):
    return [(issue.line, issue.kind) for issue in plan.issues if issue.kind in wanted]


def test_bodies_that_lead_each_their_share():
    """830 (Tianjin): ``A、B按职责分工牵头负责`` makes both leads, each of its own share."""
    plan = parse_text(
        "(十五)深入实施东西部扶贫协作。进一步深化实施携手奔小康行动，积极构建完善大扶贫协作体系。"
        "(市委组织部、市合作交流办按职责分工牵头负责,市相关部门配合)\n"
    )
    assert roles(plan) == [[("市委组织部", "lead"), ("市合作交流办", "lead"), ("市相关部门", "support")]]


def test_a_remark_after_a_labelled_field_is_not_part_of_it():
    """860 (Lu'an): after ``牵头单位:市住建局。`` a remark names the counties whose work is slow;
    they are assessed, not assigned, and the field ends at the stop."""
    plan = parse_text(
        "二、部分项目进展情况\n"
        "3、棚户区和老旧小区改造,牵头单位:市住建局。其中,棚户区改造新开工进度较慢的为舒城县、金安区、"
        "霍邱县、叶集区;棚户区改造基本建成进度较慢的为霍邱县。\n"
        "4、“四好农村路”建设,牵头单位:市交通局。其中,农村公路提质改造工程进度较慢的为舒城县、金安区。\n"
    )
    assert roles(plan) == [[("市住建局", "lead")], [("市交通局", "lead")]]


def test_a_field_runs_on_over_a_sentence_that_assigns_bodies():
    """The field still runs on where the sentence after its stop says who does the work."""
    plan = parse_text("1、推进棚户区改造。责任单位：市住建局。各县区政府负责落实。\n")
    assert roles(plan) == [[("市住建局", "responsible"), ("各县区政府", "responsible")]]


def test_a_header_cell_whose_characters_are_spaced_out():
    """852 (Wuhu): a table one cell per line whose text column is headed ``目   标   与   任   务``."""
    plan = parse_text(
        "附件\n2019年度市政府重点工作任务分解表\n序号\n目   标   与   任   务\n牵头责任单位\n责任单位\n"
        "      1        \n"
        "扎实推进蓝天、碧水、净土三大保卫战。实施“三减三增七补齐”绿色行动,削减污染物排放总量。\n"
        "市生态环境局\n各县区政府、开发区管委会\n"
        "      2        \n增林地、增绿地、增湿地。\n市自然资源和规划局\n各县区政府、开发区管委会\n"
    )
    assert [task.text for task in plan.tasks][1] == "增林地、增绿地、增湿地。"
    assert roles(plan) == [
        [("市生态环境局", "lead"), ("各县区政府", "support"), ("开发区管委会", "support")],
        [("市自然资源和规划局", "lead"), ("各县区政府", "support"), ("开发区管委会", "support")],
    ]


def test_rows_under_merged_cells_of_a_table_written_a_row_per_line():
    """840 (Chongchuan): the official's and the lead's cells are merged over rows ② and ③, which
    have fewer cells than the header; each is a task of the lead above."""
    plan = parse_text(
        "年度重点工作 | 细化任务及目标 | 三季度目标 | 分管领导 | 牵头单位 | 落实情况(1-8月) | "
        "是否达序 | 说明 |\n"
        "57.务实开展垃圾分类管理,厨余垃圾处置中心年内运营。 | ①建成厨余垃圾处置中心年并运营。 | "
        "完成建设、安装调试,试运营。 | 徐国江 | 城管局 | 厨余项目土建部分混凝土养护。 | 是 | |\n"
        "②新建“三定一督”小区193个,其中24个纳入老旧小区改造实施。 | 开工建设,完成项目整体进度的70%。 | "
        "经前期招投标,已进入合同履行阶段。 | 是 | ||||\n"
        "③全域实现主次干道“撤桶并点”。 | 完成80%主次干道点位撤桶。 | 推进缓慢,反复回潮 | 否 | "
        "跨行业作业部门协调不了。 | |||\n"
        "58.开展违建专项治理,削减存量底册违建40%以上。 | 削减存量底册违建至30%。 | 徐国江 | 城管局 | "
        "截至目前,削减存量底册违建42.21%。 | 是 | ||\n"
    )
    assert [task.text[:3] for task in plan.tasks] == ["57.", "②新建", "③全域", "58."]
    assert roles(plan) == [[("城管局", "lead")]] * 4
    assert [task.lead_official for task in plan.tasks] == ["徐国江"] * 4


def test_a_row_with_fewer_cells_between_spaces_takes_no_bodies_from_above():
    """628 (Guangxi, a PDF table on a forum): in a table whose cells are set off by spaces, lines of
    figures and dashes (``0 ―``) and a name's broken half are no rows under a merged cell."""
    plan = parse_text(
        "2019 年计划筹措资金(万元) 项目名称 合计 中央财政 自治区 本级财政 市县财政\n"
        "2019 年目标任务 牵头单位 备注合计 6282616.\n"
        "(二) 困难群众救助 项目\n"
        "730000 620000\n"
        "110000 为符合条件的城乡困难群众发放 救助金. 自治区民政厅\n"
        "(三)陆地边境\n"
        "0 ―\n"
        "3 公里范围内边民生 活补助项目\n"
        "80000 80000 为符合条件的陆地边境\n"
        "0 ―\n"
    )
    assert [task.text for task in plan.tasks] == ["110000为符合条件的城乡困难群众发放 救助金。"]


def test_a_checklists_columns_and_offices_set_off_by_spaces():
    """881 (Changxing): a checklist's columns 任务清单 | 责任清单 | 时限清单, offices in one cell set
    off by spaces, and villages as a group (``村(社区)``)."""
    plan = parse_text(
        "建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
        "(3)村(社区)建立村级主要负责人为组长的应急工作组。 | "
        "1.明确村书记、村干部、驻村干部等组成的应急工作组; | 村(社区) | 4月 |\n"
        "2.根据辖区实际,补充设置村(社区)水利工程巡查员、山洪预警员等责任人; | "
        "农村办 规划建设办 国土所 村(社区) |\n"
    )
    assert roles(plan) == [
        [("村(社区)", "responsible")],
        [
            ("农村办", "responsible"),
            ("规划建设办", "responsible"),
            ("国土所", "responsible"),
            ("村(社区)", "responsible"),
        ],
    ]
    assert plan.tasks[0].deadline == "4月"


def test_a_column_of_units_of_measure_and_one_of_scorers():
    """882 (Shengsi): ``单位`` heads the units of measure (%, 万亩), not bodies, and ``评分部门``
    names who scores the item, not who does it; the only bodies are the 责任部门's."""
    plan = parse_text(
        "序号\n考核指标\n考核内容\n单位\n年度目标\n责任部门\n评分部门\n"
        "4\n粮食播种面积\n万亩\n0.1\n县农业农村局\n市农业农村局\n"
        "5\n油菜面积\n万亩\n0.05\n县农业农村局\n市农业农村局\n"
    )
    assert roles(plan) == [[("县农业农村局", "responsible")]] * 2


def test_a_bracket_of_several_bodies_after_a_bodys_name_closes_the_task():
    """891 (Xiangfan): ``…信用担保中心(财政局、国税局…)``: several names after a body's name say
    who does the task; one name would be another name of that body."""
    plan = parse_text(
        "41、进一步提高税收占财政收入的比重。进一步办好市中小企业信用担保中心(财政局、国税局、地税局、审计局)。\n"
        "42、做好东太湖开发。由东太湖度假区管理办（太湖新城管委会）统筹推进。\n"
    )
    assert roles(plan)[0] == [
        ("财政局", "responsible"),
        ("国税局", "responsible"),
        ("地税局", "responsible"),
        ("审计局", "responsible"),
    ]


def test_a_bracket_spelling_out_a_group_is_no_annotation():
    """242 (Xinjian): ``共7个牵头单位(区住建局、区城管局…)`` names the group before it."""
    plan = parse_text(
        "一、总体情况\n2024年,区政府民生实事项目共10个,共3个牵头单位(区住建局、区城管局、区教体局)。\n"
    )
    assert plan.assignments == []


def test_scraps_a_forum_inserts_against_copying_are_removed():
    """870 (a university office's rules on a forum): scraps such as ``( l9 ^3 n0 g, z& T)`` before
    an item's number would hide it; they are removed and noted."""
    plan = parse_text(
        "一、党政办公室参与学校各类会议工作原则\n"
        "2 _% P& B' e5 e, ] (二)中层干部会及其他综合性会议由党政办公室承办。\n"
        "( l9 ^3 n0 g, z& T) G9 P' ~0 q (三)涉及某一方面工作的业务性会议由综合科承办。\n"
    )
    assert [task.text for task in plan.tasks] == [
        "中层干部会及其他综合性会议",
        "涉及某一方面工作的业务性会议",
    ]
    assert roles(plan) == [[("党政办公室", "responsible")], [("综合科", "responsible")]]
    assert "scrambling" in {issue.kind for issue in plan.issues}


def test_minutes_ask_a_body_to_act_on_what_the_meeting_agreed():
    """900 (Shanggao county's minutes): ``请县财政局按会议讨论意见作进一步修改完善`` gives the
    item to the body it names, with no role word; the task is what the meeting agreed."""
    plan = parse_text(
        "一、关于2010年县本级财政支出预算\n"
        "会议原则同意2010年县本级财政支出预算,请县财政局按会议讨论意见作进一步修改完善,"
        "由常务副县长刘军生审核把关,提交县委常委会讨论后,提请县人大常委会审议。\n"
        "四、关于推进2010年重点项目建设意见\n"
        "议定:原则同意《关于推进2010年重点项目建设的意见》,请县发改委按会议讨论意见作进一步修改完善。\n"
    )
    assert roles(plan) == [[("县财政局", "responsible")], [("县发改委", "responsible")]]
    assert plan.tasks[0].text == "会议原则同意2010年县本级财政支出预算"


def test_a_notice_asking_groups_or_readers_to_act_assigns_nothing():
    """83 and 32 (notices before their plans): ``请认真贯彻执行``, ``请各责任单位抓好落实`` and
    ``请径向省政府反映`` ask no named body to do a task."""
    plan = parse_text(
        "各地级以上市人民政府，省政府各部门：\n"
        "《2021年省〈政府工作报告〉重点任务分工方案》已经省政府全体会议审议通过，现印发给你们，请认真贯彻执行。"
        "执行中遇到的问题，请径向省政府反映。请各责任单位抓好落实。\n"
    )
    assert plan.assignments == []


def test_a_table_whose_column_of_offices_is_headed_fuze_keshi():
    """920 (a county bureau's open-government tasks, traditional script): ``負責科室`` heads the
    column of offices answering for each row, like ``责任科室``."""
    plan = parse_text(
        "二、重點工作任務分解\n"
        "重點任務 | 工作內容 | 負責科室 |\n"
        "政務服務 | 注重政務服務辦理流程、辦理結果等信息發佈 | 綜合科 |\n"
        "迴應關切 | 對羣衆普遍關注的社會熱點問題及時、主動迴應。 | 各業務科室 |\n"
    )
    assert roles(plan) == [[("综合科", "responsible")], [("各业务科室", "responsible")]]


def test_items_under_a_line_carrying_its_own_annotation():
    """943 (Xuchang, a supervision notice): a site named with ``(责任单位:魏都区,市消防支队)`` over
    numbered hazards with none of their own; each hazard is those bodies' work."""
    plan = parse_text(
        "附件:\n国务院安委会督查组莅许督查发现的问题和隐患\n"
        "胖东来时代广场(责任单位:魏都区,市消防支队)\n"
        "1.进门地面无荧光标识;\n2.防火卷帘门下无提示;\n"
    )
    bodies = [("魏都区", "responsible"), ("市消防支队", "responsible")]
    assert [task.text for task in plan.tasks][1:] == ["进门地面无荧光标识；", "防火卷帘门下无提示；"]
    assert roles(plan) == [bodies, bodies, bodies]


def test_items_under_a_heading_carrying_its_own_annotation():
    """The same under a numbered heading; an item with an annotation of its own keeps only its own."""
    plan = parse_text(
        "一、问题清单\n（一）胖东来时代广场(责任单位:魏都区,市消防支队)\n"
        "1.进门地面无荧光标识;\n2.动火证内容不详细(责任单位:市应急局)。\n"
    )
    assert roles(plan)[1:] == [
        [("魏都区", "responsible"), ("市消防支队", "responsible")],
        [("市应急局", "responsible")],
    ]


def test_a_closing_sentence_whose_lead_follows_a_topic():
    """910 (a province's clean-government division): ``此项工作由A主办,B、C协办。`` closes the item;
    A leads though the clause opens with the topic 此项工作."""
    plan = parse_text(
        "(一)改革和完善政府决策机制。要建立和完善重大事项集体决策制度、专家咨询和评估制度。"
        "此项工作由省政府办公厅主办,省政府法制办、省审计厅协办。\n"
    )
    assert roles(plan) == [[("省政府办公厅", "lead"), ("省政府法制办", "support"), ("省审计厅", "support")]]


def test_an_item_after_a_long_labelled_line_is_no_page_number():
    """911 (a province's clean-government division): a 牵头单位 line of nine bodies ends without a
    stop; the ``5.`` opening the next line is the next item, not a sharing site's page mark."""
    plan = parse_text(
        "4.加强招投标管理。督促地方建立综合招投标监管机构。\n"
        "牵头单位:省监察厅、省政府法制办、省发展改革委、省经委、省财政厅、省国土资源厅、"
        "省住房城乡建设厅、省交通厅、省水利厅,各州(市、地)政府\n"
        "5.开展资源配置领域制度执行情况专项检查。对制度不落实的单位和项目负责人进行行政问责。\n"
        "牵头单位:省监察厅\n"
    )
    assert len(plan.tasks) == 2
    assert roles(plan)[1] == [("省监察厅", "lead")]


def test_a_broadcasting_stations_name():
    """913 (a province's 纠风 work points): ``省广播电视总台和各上线单位配合`` names two bodies."""
    plan = parse_text(
        "(十二)推进政风行风热线创新发展。全面推广多种媒体联动。"
        "(省纠风办负责,省委宣传部、省广播电视总台和各上线单位配合)\n"
    )
    assert roles(plan) == [
        [
            ("省纠风办", "lead"),
            ("省委宣传部", "support"),
            ("省广播电视总台", "support"),
            ("各上线单位", "support"),
        ]
    ]


def test_a_labelled_line_closing_a_list_covers_its_items():
    """942 (Jingzhou, problems found by inspectors): the line after a site's last problem names who
    rectifies them all and by when; the site's name in the heading is the place inspected."""
    plan = parse_text(
        "具体问题如下:\n"
        "2. 市第二人民医院\n(1)院内禁烟标识数量不达标;\n(2)宣传牌内容不规范;\n"
        "(3)学雷锋志愿服务岗缺乏志愿者信息台账。\n"
        "问题整改责任单位:市卫生健康委员会 整改时限:5天\n"
        "3. 市第三人民医院\n(1)院内宣传栏破损。\n"
        "问题整改责任单位:市卫生健康委员会 整改时限:5天\n"
    )
    assert roles(plan) == [[("市卫生健康委员会", "responsible")]] * 4
    assert [task.deadline for task in plan.tasks] == ["5天"] * 4


def test_a_supporting_line_closing_a_list_keeps_the_headings_body():
    """380 (Datong county): ``协助单位：…`` after a body's heading and its items: the heading's body
    answers for each item, the line's bodies support it."""
    plan = parse_text(
        "（九）县公安局主要工作任务:\n"
        "1、依法整治尾气排放年检不合格的机动车辆。\n"
        "2、依法整治运输车辆的扬尘污染。\n"
        "协助单位:交通局、县城管监察大队。\n"
        "（十）县国土局主要工作任务:\n"
        "1、有效制止破坏植被造成扬尘污染的行为。\n"
    )
    both = [("县公安局", "lead"), ("交通局", "support"), ("县城管监察大队", "support")]
    assert roles(plan) == [both, both, [("县国土局", "responsible")]]


def test_rows_whose_cells_ran_together_under_a_glued_header():
    """932 (Yuhang, a livelihood projects' progress table): the header and each row's cells ran
    together; a row's text ends at its first stop, the names right after it are the bodies and the
    lines after them, up to the next row, the row's progress."""
    plan = parse_text(
        "主题:\n养老助残\n \n实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
        "养老助残创建20个无障碍社区。区残联,相关镇街1.完成第一批申报、培训,进入实施改造阶段; "
        "2.完成第二批申报、培训。1.完成两批共40个社区的申报、培训工作; 2.对第一批创建社区进行验收。\n"
        "新增30家示范型以上居家养老服务照料中心。区民政局,相关镇街目前已完成5家建设任务。累计完成21家。\n"
    )
    assert [task.text for task in plan.tasks] == [
        "养老助残创建20个无障碍社区。",
        "新增30家示范型以上居家养老服务照料中心。",
    ]
    assert roles(plan) == [
        [("区残联", "responsible"), ("相关镇街", "responsible")],
        [("区民政局", "responsible"), ("相关镇街", "responsible")],
    ]


def test_a_header_set_off_by_spaces_is_no_glued_header():
    """822 (Taizhou, a district's list of duties): ``职责分工 职责分工`` names labels, but its cells
    are set off by a space; the offices and their duties below are read as they stand."""
    plan = parse_text(
        "管理事项 中考、高考保障\n职责分工 职责分工\n\n相关部门\n\n职责分工\n\n区公安分局\n\n"
        "维护考点周边安全、网上不良信息检查、试卷运送保管安全保障。\n\n区教育局\n\n"
        "负责高考、中考的具体组织、实施和协调工作。\n"
    )
    assert roles(plan) == [[("区公安分局", "responsible")], [("区教育局", "responsible")]]


def test_an_office_named_for_the_programme_it_drives():
    """951 (Healthy China Action 2023): ``健康中国行动推进办`` holds the verb 推进 in its ending."""
    plan = parse_text(
        "（三）加强防护。提高防范意识和防护能力。(国家卫生健康委按职责分工负责)\n"
        "(四) 持续推进健康中国行动宣讲员队伍建设。(健康中国行动推进办负责)\n"
    )
    assert roles(plan)[1] == [("健康中国行动推进办", "responsible")]


def test_a_bracket_with_a_role_word_and_no_known_body_is_reported():
    """An item whose bracket says 负责 but names nothing the reader knows is listed, not dropped."""
    plan = parse_text(
        "（三）加强防护。提高防范意识和防护能力。(国家卫生健康委负责)\n"
        "(四) 持续推进宣讲员队伍建设。(社会各界共同负责)\n"
    )
    assert kinds(plan, "unread-annotation", "unassigned-task") == [
        (2, "unread-annotation"),
        (2, "unassigned-task"),
    ]


def test_a_bracket_broken_over_two_lines_of_a_page():
    """951 (a journal's page of the same work points): ``…按职`` / ``责分工负责)``: the short line
    closes the bracket the line before left open."""
    plan = parse_text(
        "(十)严厉打击通过互联网销售烟草制品。\n"
        "品的违法行为,保护未成年人免受烟侵害。(教育部、市场监管总局、广电总局、国家烟草局按职\n"
        "责分工负责)\n"
    )
    assert roles(plan) == [
        [
            ("教育部", "responsible"),
            ("市场监管总局", "responsible"),
            ("广电总局", "responsible"),
            ("国家烟草局", "responsible"),
        ]
    ]


def test_a_bodys_name_closed_by_a_full_stop_before_its_duties():
    """961 (a county's straw-burning plan on a document site): ``县环保局。负责对…``: the stop is
    written for the colon of a list of duties."""
    plan = parse_text(
        "三、组织领导及职责分工\n"
        "各组成单位及其职责如下:县环保局。负责对全县秸秆禁烧工作实施统一监督,并承担县禁烧办的日常工作。"
        "县交通局、公路局。负责对县道两侧燃烧秸秆情况的巡查。\n"
    )
    assert roles(plan) == [
        [("县环保局", "responsible")],
        [("县交通局", "responsible"), ("县公路局", "responsible")],
    ]


def test_a_working_group_named_in_a_heading_with_a_colon():
    """982 (the 2003 national SARS command's working groups): ``(五)农村组:`` over numbered duties
    that name no other body: the group answers for each."""
    plan = parse_text(
        "(五)农村组: 1.制定农村非典型肺炎防治工作预案。 "
        "2.分析并预测农村非典型肺炎疫情,及时提出相关措施和建议。\n"
    )
    assert roles(plan) == [[("农村组", "responsible")], [("农村组", "responsible")]]


def test_fields_of_work_that_open_a_list_share_the_bureau_ending():
    """1000 (Wuhan, a proposal's handling plan): ``市财政、民政、劳动社保、物价局`` names four
    bureaus, the prefix and the ending written once; ``市房产、规划局(市国土资源局)`` two, the second
    with its other name. A word inside a list (``五金城``, a market) is lent nothing."""
    plan = parse_text(
        "(一)扩大廉租住房保障覆盖面。\n"
        "责任单位:市房产、规划局(市国土资源局);协办单位:市财政、民政、劳动社保、物价局。\n"
        "(二)推进总部中心建设。(责任单位:总部办、经济开发区、五金城、科技局)\n"
    )
    assert roles(plan)[0] == [
        ("市房产局", "lead"),
        ("市规划局(市国土资源局)", "lead"),
        ("市财政局", "support"),
        ("市民政局", "support"),
        ("市劳动社保局", "support"),
        ("市物价局", "support"),
    ]
    assert [body for body, _ in roles(plan)[1]] == ["总部办", "经济开发区", "科技局"]
