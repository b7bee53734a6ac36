"""Reading real plans, continued: forms first met in documents annotated by readers who never saw
the parser's output (corpus files 340-407).

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test);
the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


def test_a_clause_opening_with_hui_tong_names_the_supporting_bodies():
    """342 (Inner Mongolia 2002): ``由政府调研室(体改办)牵头，会同自治区计委、劳动和社会保障厅…等部门落实`` —
    会同 opens the clause of the bodies that support; who acts (由) and the verb make 政府调研室 a
    body though 室 is a weak ending."""
    plan = parse_text(
        "一、关于“认真清理有关限制农牧民进城的不合理规定”问题，由政府调研室(体改办)牵头，"
        "会同自治区计委、劳动和社会保障厅、农业厅和卫生厅等部门落实。\n"
    )
    assert roles(plan) == [
        [
            ("政府调研室(体改办)", "lead"),
            ("自治区计委", "support"),
            ("自治区劳动和社会保障厅", "support"),
            ("自治区农业厅", "support"),
            ("自治区卫生厅", "support"),
        ]
    ]


def test_a_clause_opening_with_hui_tong_may_end_with_a_tail():
    """342's form with no verb after the list: ``（由省发展改革委牵头，会同省财政厅、省商务厅等）``."""
    plan = parse_text("1.推进开放型经济发展。（由省发展改革委牵头，会同省财政厅、省商务厅等）\n")
    assert roles(plan) == [[("省发展改革委", "lead"), ("省财政厅", "support"), ("省商务厅", "support")]]


def test_a_clause_naming_who_answers_for_the_project_it_qualifies():
    """382 (林头镇 2021): ``由镇公路站负责的农村道路硬化项目，…预计2021年11月份完成。``"""
    plan = parse_text(
        "聚焦“幸福民生”。由镇公路站负责的农村道路硬化项目，整合交通、扶贫等项目资金，"
        "建设自然村内约12.3公里道路硬化，预计2021年11月份完成。\n"
    )
    assert roles(plan) == [[("镇公路站", "responsible")]]
    assert plan.tasks[0].text.startswith("农村道路硬化项目")


def test_townships_as_the_subject_of_fu_ze():
    """383 (Cangxi 2019): ``亭子镇、浙水乡负责做好项目规划…；县发改局负责做好项目的立项审批；``"""
    plan = parse_text(
        "二、明确工作责任。亭子镇、浙水乡负责做好项目规划、设计、实施、验收、审计等工作；"
        "县发改局负责做好项目的立项审批；\n"
    )
    assert roles(plan) == [
        [("亭子镇", "responsible"), ("浙水乡", "responsible")],
        [("县发改局", "responsible")],
    ]


def test_an_item_whose_title_closes_with_its_statement_takes_the_paragraphs_under_it():
    """401 (Jingyan 2021): ``二、为5000名…提供生活费补助(责任单位:县教育局)`` over a paragraph that
    repeats the title and gives the item's figures: one task, its words and its figures."""
    plan = parse_text(
        "二、为5000名义务教育阶段家庭经济困难学生提供生活费补助(责任单位:县教育局)\n"
        "为5000名义务教育阶段家庭经济困难学生提供生活费补助。计划安排资金360万元。\n"
        "三、支持1所特殊教育学校改善办学条件(责任单位:县教育局)\n"
    )
    assert roles(plan) == [[("县教育局", "responsible")], [("县教育局", "responsible")]]
    assert "计划安排资金360万元" in plan.tasks[0].text
    assert not [issue for issue in plan.issues if issue.kind == "unassigned-task"]


def test_a_heading_naming_a_body_s_main_tasks_covers_its_items():
    """380 (Datong 2010): ``(八)县经济局主要工作任务:`` over numbered items."""
    plan = parse_text(
        "(八)县经济局主要工作任务:\n1、督促高耗能低产值重污染企业加快技术改造步伐。\n2、大力推进清洁生产。\n"
    )
    assert roles(plan) == [[("县经济局", "responsible")], [("县经济局", "responsible")]]


def test_a_coordinators_line_names_officials_not_a_task():
    """341 (Fushun): ``责任人:奚克路副市长 / 协调人:…副秘书长 / 责任单位:市建委、交通局、城管局。``"""
    plan = parse_text(
        "2. 加快城市基础设施建设。\n"
        "(2)积极推进南环铁路建设。\n"
        "责任人:奚克路副市长\n"
        "协调人:朱红市长助理、王飞副秘书长\n"
        "责任单位:市建委、规划局、国土局和有关县区。\n"
    )
    assert roles(plan) == [
        [
            ("市建委", "responsible"),
            ("市规划局", "responsible"),
            ("市国土局", "responsible"),
            ("有关县区", "responsible"),
        ]
    ]


def test_a_counted_group_and_a_header_cell_broken_after_a_label():
    """402 (Xuhui 2006): header cells ``牵头 / 部门`` and ``完成 / 时间`` one per line; the group
    ``13个街道、镇`` kept whole; ``人口计生委等相关部门`` loses its tail."""
    plan = parse_text(
        "序号\n\n项目\n\n类别\n\n具 体 内 容\n\n牵头\n\n部门\n\n相关责任部门\n\n完成\n\n时间\n\n"
        "110\n\n加强0- 3岁婴幼儿教育\n\n教育局\n\n人口计生委等相关部门,13个街道、镇\n\n2010年\n\n"
        "112\n\n保持100%的义务教育入学率\n\n教育局\n\n13个街道、镇\n\n2010年\n"
    )
    assert roles(plan) == [
        [("教育局", "lead"), ("人口计生委", "support"), ("13个街道、镇", "support")],
        [("教育局", "lead"), ("13个街道、镇", "support")],
    ]
    assert [task.deadline for task in plan.tasks] == ["2010年", "2010年"]


def test_the_first_of_two_columns_of_responsible_bodies_leads():
    """405 (Guangdong 2014): ``主要责任单位 / 责任单位``, each body on a line of its own."""
    plan = parse_text(
        "领域\n主要目标\n主要责任单位\n责任单位\n5.妇女享有优质避孕节育计生服务。\n省计生委\n省卫生厅\n"
    )
    assert roles(plan) == [[("省计生委", "lead"), ("省卫生厅", "support")]]


def test_a_run_on_table_whose_dates_are_no_row_numbers():
    """360 (Chengdu): ``…备注1将生活垃圾…2021年2月底前，…90%以上。市委宣传部(市文明办)、…市文广旅局等部门，
    各区(市)县政府(管委会)2完善…`` — 2月 is a date, 等部门 a tail, 各区(市)县政府 one group, and the
    title before 序号 (…责任分工表) names no column."""
    plan = parse_text(
        "贯彻落实生活垃圾分类制度重点任务责任分工表序号工作内容目标任务责任单位备注1将生活垃圾分类投放作为"
        "精神文明建设的重要内容。2021年2月底前，群众对生活垃圾分类的知晓率达90%以上。市委宣传部(市文明办)、"
        "市城管委,市文广旅局等部门,各区(市)县政府(管委会)2完善生活垃圾回收利用体系。2021年2月底前，基本建成"
        "生活垃圾回收利用体系。市商务局,各区(市)县政府(管委会)\n"
    )
    assert roles(plan) == [
        [
            ("市委宣传部(市文明办)", "responsible"),
            ("市城管委", "responsible"),
            ("市文广旅局", "responsible"),
            ("各区(市)县政府(管委会)", "responsible"),
        ],
        [("市商务局", "responsible"), ("各区(市)县政府(管委会)", "responsible")],
    ]


def test_cells_set_off_by_spaces_after_each_row_s_stop():
    """384 (Jianli 2018): no row numbers; each row's text ends with a stop, then its bodies (one
    broken by a space, one run into its deadline when the space before a figure was taken out)."""
    plan = parse_text(
        "附件 监利县2018年环境空气质量综合整治方案职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
        "负责全县环境空气质量达标整治工作的舆论宣传,开展专题宣传和跟踪报道,对违法排污企业进行公开曝光.\n\n"
        "县委宣传部 持续开展 负责大气污染综合治理工作任务的督导和检查考核工作。 县五城办 7月底前制定 "
        "负责抓好砂石场的扬尘污染防治工作。 县交通 运输局 12月底前完成 "
        "负责城区道路的清扫工作。 县城管局 持续开展\n"
    )
    assert roles(plan) == [
        [("县委宣传部", "responsible")],
        [("县五城办", "responsible")],
        [("县交通运输局", "responsible")],
        [("县城管局", "responsible")],
    ]
    assert [task.deadline for task in plan.tasks] == ["持续开展", "", "12月底前完成", "持续开展"]


def test_deadlines_of_ongoing_work_and_after_a_document_is_issued():
    """365 (Suining 2016) and 400 (Panshan 2014): time cells that name no date."""
    lexicon = Lexicon.default()
    ongoing = ("常态工作", "持续开展", "2016—2018 年底前")
    for cell in (*ongoing, "省出台文件后 2 个月完成", "省意见出台后6个月内完成"):
        assert lexicon.is_deadline(cell), cell
    for cell in ("加强常态化监管", "后勤保障", "出台后"):
        assert not lexicon.is_deadline(cell), cell


def test_a_tail_naming_responsible_units_and_a_street_s_unit_without_a_carried_prefix():
    """381 (Tancheng 2022): ``由县公安局、…、县综合行政执法局等责任单位牵头``; 366 (Xiangshan 2024):
    ``区城管大队法制办及街道城管中队`` (a street's squad takes no district prefix)."""
    plan = parse_text(
        "由县公安局、县住建局、县综合行政执法局等责任单位牵头，在垃圾分类方面，保证环卫设施符合要求。\n"
    )
    assert roles(plan) == [[("县公安局", "lead"), ("县住建局", "lead"), ("县综合行政执法局", "lead")]]
    plan = parse_text("1.开展市容秩序专项整治行动。（责任单位：区城管大队法制办及街道城管中队）\n")
    assert roles(plan) == [[("区城管大队法制办", "responsible"), ("街道城管中队", "responsible")]]


def test_a_sentence_saying_whose_the_items_before_it_are():
    """482 (Zhengzhou 2007): ``1.…；2.…；4项目标的责任单位均为市发展改革委。`` and
    ``5.…；该目标责任单位为市经委。``"""
    plan = parse_text(
        "（一）跨越式发展目标。\n"
        "1.第三产业增加值达到1000亿元；\n"
        "2.城镇固定资产投资新增200亿元；\n"
        "2项目标的责任单位均为市发展改革委。\n"
        "3.规模以上工业销售收入达到3000亿元；\n"
        "该目标责任单位为市经委。\n"
    )
    assert roles(plan) == [
        [("市发展改革委", "responsible")],
        [("市发展改革委", "responsible")],
        [("市经委", "responsible")],
    ]


def test_a_column_of_places_is_no_column_of_bodies():
    """520 (Yang County 2024): ``建设地点`` holds the streets where a project is built (纸坊街道), not
    the body responsible for it."""
    plan = parse_text(
        "序号 |\n项目名称 |\n建设地点 |\n建设时间 |\n2024年建设内容 |\n责任单位 |\n"
        "1 |\n城北小学门前道路建设项目 |\n纸坊街道 |\n2024 |\n建成唐塔北路延伸段道路。 |\n住建局 |\n"
        "2 |\n洋县2024年老旧小区改造项目 |\n洋州街道 |\n2024 |\n实施三所老旧小区房屋功能改善。 |\n住建局 |\n"
    )
    assert roles(plan) == [[("住建局", "responsible")], [("住建局", "responsible")]]


def test_an_item_below_the_heading_level_keeps_its_title_in_its_text():
    """341 (Fushun): ``(1)加快沈抚城际轨道交通建设，确保5月1日竣工通车。完成南环公路建设…`` under
    ``2. 加快城市基础设施建设。`` — the sub-item's title is the first sentence of its task."""
    plan = parse_text(
        "七、加强基础设施建设\n"
        "2. 加快城市基础设施建设。\n"
        "(1)加快沈抚城际轨道交通建设,确保5月1日竣工通车。完成南环公路建设。\n"
        "责任单位:市建委、交通局、城管局。\n"
    )
    assert plan.tasks[0].text.startswith("加快沈抚城际轨道交通建设，确保5月1日竣工通车。完成南环公路建设")
    assert plan.tasks[0].heading == "加快城市基础设施建设"


def test_a_run_on_row_of_figures_then_owners_lead_and_officials():
    """560 (Longquanyi 2009): ``…项目业主牵头协调部门牵头区领导合计 7089078737500 1十陵景区项目加快建设
    43000020000市兴城公司区建设局王天刚郭代辉2…`` — the bodies follow the row's figures, the officials
    in charge follow the bodies, and a cooperative's name runs into the lead's (…合作社区农发局)."""
    plan = parse_text(
        "序号项目名称建设阶段总投资2009年计划投资项目业主牵头协调部门牵头区领导合计 7089078737500 "
        "1十陵景区项目加快建设43000020000市兴城公司区建设局王天刚郭代辉2成都市农产品交易中心项目加快建设"
        "3200003000四川聚和生态农业发展有限公司、聚和村农村股份合作社区农发局宋凯\n"
    )
    assert roles(plan) == [
        [("市兴城公司", "support"), ("区建设局", "lead")],
        [
            ("四川聚和生态农业发展有限公司", "support"),
            ("聚和村农村股份合作社", "support"),
            ("区农发局", "lead"),
        ],
    ]
    assert [task.lead_official for task in plan.tasks] == ["王天刚郭代辉", "宋凯"]


def test_labels_of_a_consultation_plan_and_bare_offices_of_the_body_dividing_its_work():
    """542 (Shandong CPPCC 2015): ``牵头界别组:无党派组 协商部门:省住建厅、经信委``; 545 (Supreme
    People's Court 2019): ``牵头部门:办公厅`` names the court's own general office."""
    plan = parse_text(
        "(一)城镇供热领域的节能减排潜力和对策\n"
        "时间安排:4月 牵头界别组:无党派组 协商部门:省住建厅、经信委\n"
        "1.严格落实各级人民法院党组的主体责任。\n"
        "牵头部门:办公厅\n"
        "参加部门:政治部、研究室\n"
    )
    assert roles(plan) == [
        [("无党派组", "lead"), ("省住建厅", "support"), ("省经信委", "support")],
        [("办公厅", "lead"), ("政治部", "support"), ("研究室", "support")],
    ]


def test_numbered_lines_opening_with_labels_are_fields_of_the_item_above():
    """540 (Nanhu CPPCC 2017): ``一、围绕…开展全体协商 / (一)协商形式:… / (二)时间安排:2月。 / (三)参加人员:…
    / (四)组织实施:…具体负责实施。责任部门:区政协办公室,参与部门:区有关部门、区法院`` — one item."""
    plan = parse_text(
        "一、围绕2017年“一府两院”工作报告开展全体协商\n"
        "(一)协商形式:区政协全体会议。\n"
        "(二)时间安排:2月。\n"
        "(三)参加人员:区委、区政府和区法院领导,区级有关部门(单位)负责人。\n"
        "(四)组织实施:由区政协党组和主席会议组织领导,区政协全体会议秘书处具体负责实施。"
        "责任部门:区政协办公室,参与部门:区有关部门、区法院。\n"
    )
    assert [task.text for task in plan.tasks] == ["围绕2017年“一府两院”工作报告开展全体协商"]
    assert roles(plan) == [[("区政协办公室", "lead"), ("区有关部门", "support"), ("区法院", "support")]]
    assert plan.tasks[0].deadline == "2月"


def test_paragraph_marks_printed_as_letters_are_line_breaks():
    """255 (a document site's preview): ``…不受损害。Р责任单位：…Р(五)加大监督考核…Р一是由市政府
    政务督查室牵头，林业局…配合，成立…`` — the Cyrillic Р stands for a paragraph mark."""
    plan = parse_text(
        "(四)强化销售服务Р由林业局负责,加强对林果产品销售市场的巡查、服务工作。Р(五)加大监督考核,机制保障"
        "标准化生产Р一是由市政府政务督查室牵头,林业局、农牧局配合,成立全市标准化生产行政线的全程督查领导小组。\n"
    )
    assert [(a.body, a.role) for a in plan.assignments if a.task_id == plan.tasks[-1].task_id] == [
        ("市政府政务督查室", "lead"),
        ("林业局", "support"),
        ("农牧局", "support"),
    ]
    assert [issue.kind for issue in plan.issues if issue.kind == "paragraph-mark"] == ["paragraph-mark"]


# --- files 561-609 ---------------------------------------------------------------------------------


def test_a_pipe_table_whose_header_wraps_and_whose_cells_state_roles():
    """591 (Taishan): ``工作任务 | 具体要求`` / ``| 责任单位 |`` is one header; a cell reads ``A、B牵头,C配合;
    各镇(街)参照落实`` (参照落实: the towns follow suit, beside a lead they support); a row whose line
    ends with its bar is no sentence a page mark broke."""
    plan = parse_text(
        "工作任务 | 具体要求\n| 责任单位 |\n"
        "一、做好各类规划主动公开。 | 1.主动公开“十四五”规划纲要、各项规划、政策解读等相关信息。 | "
        "市直有关部门;各镇(街) |\n"
        "2.做好“十一五”规划至“十三五”规划等各项规划的归集整理和主动公开工作。 | "
        "市政府办公室、市发展和改革局牵头,市直有关部门配合;各镇(街)参照落实 |\n"
        "三、做好财政信息公开。 | 7.积极推进部门单位财政预算、决算及相关报表公开。 | "
        "市财政局牵头,市直各部门落实;各镇(街)参照落实 |\n"
        "9.加大惠民惠农资金发放信息公开力度。 | "
        "市财政局牵头,市民政局、市农业农村局等有关部门落实;各镇(街)参照落实 |\n"
    )
    assert roles(plan) == [
        [("市直有关部门", "responsible"), ("各镇(街)", "responsible")],
        [
            ("市政府办公室", "lead"),
            ("市发展和改革局", "lead"),
            ("市直有关部门", "support"),
            ("各镇(街)", "support"),
        ],
        [("市财政局", "lead"), ("市直各部门", "support"), ("各镇(街)", "support")],
        [("市财政局", "lead"), ("市民政局", "support"), ("市农业农村局", "support"), ("各镇(街)", "support")],
    ]


def test_a_section_row_before_the_next_rows_number_is_no_cell():
    """594 (Xiangshan, Huaibei): ``二、强化权力配置公开…`` stands between row 4's cells and row 5's
    number; ``各镇(办)、经开区``: the district's zone, named short, is not covered by 各."""
    cells = ["工作任务 |", "具体工作要求 |", "责任单位 |", "完成时限 |"]
    cells += [
        "4 |",
        "常态化公开就业、住房、教育、医疗等领域信息。 |",
        "区人社局、区住建局等相关区直部门,各镇(办)、经开区 |",
    ]
    cells += ["持续推进 |", "二、强化权力配置公开,助力规范行政履职 |", "5 |"]
    cells += [
        "推进权力配置信息公开,动态更新各部门权责清单。 |",
        "区直各部门、各镇(办)、经开区 |",
        "持续推进 |",
    ]
    plan = parse_text("\n".join(cells) + "\n")
    assert roles(plan) == [
        [
            ("区人社局", "responsible"),
            ("区住建局", "responsible"),
            ("各镇(办)", "responsible"),
            ("经开区", "responsible"),
        ],
        [("区直各部门", "responsible"), ("各镇(办)", "responsible"), ("经开区", "responsible")],
    ]
    assert [task.deadline for task in plan.tasks] == ["持续推进", "持续推进"]


def test_an_office_named_alone_leads_when_a_role_word_says_so():
    """592 (Taishan culture bureau): a department divides work among its own offices:
    ``办公室牵头,其他股室及属下单位配合``."""
    plan = parse_text(
        "工作任务 | 具体要求 | 责任部门 |\n"
        "一、做好各类规划主动公开。 | 1.主动公开“十四五”规划纲要、各项规划、政策解读等相关信息。 | "
        "办公室牵头,其他股室及属下单位配合 |\n"
    )
    assert roles(plan) == [[("办公室", "lead"), ("其他股室", "support"), ("属下单位", "support")]]


def test_a_line_stating_roles_after_each_task_is_a_cell_of_its_own():
    """595 (Weifang 2017): task lines and role lines alternate; ``…分别牵头落实`` closes one task."""
    plan = parse_text(
        "目标\n任务\n主要内容\n责任单位\n一、以政务公开助力稳增长\n(一)加强预期引导\n"
        "围绕稳健中性的货币政策、优化融资结构和信贷结构等信贷政策,加强金融政策信息公开\n"
        "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实\n"
        "加强财政政策信息公开,按月公开全市财政收支情况\n"
        "市财政局牵头落实\n"
    )
    assert roles(plan) == [
        [("市金融办", "lead"), ("人民银行潍坊市中心支行", "lead"), ("潍坊银监分局", "lead")],
        [("市财政局", "lead")],
    ]


def test_bodies_named_by_their_duty_are_a_group():
    """562 (Guizhou 2018): ``(责任单位:省安全监管局、省级负有安全生产监管职责的部门、…)``."""
    plan = parse_text(
        "2.明确安全生产权力和责任清单。(责任单位:省安全监管局、省级负有安全生产监管职责的部门、"
        "省级负有安全管理职责的行业领域主管部门)\n"
    )
    assert roles(plan) == [
        [
            ("省安全监管局", "responsible"),
            ("省级负有安全生产监管职责的部门", "responsible"),
            ("省级负有安全管理职责的行业领域主管部门", "responsible"),
        ]
    ]


def test_sentences_whose_subject_leads_though_weakly_named_or_set_off_by_commas():
    """565 (Kaifeng 2016): ``公安消防支队牵头,负责…``; 566 (Yibin 2016): ``按照职责分工,市环境保护局,
    牵头负责对…进行督查`` and ``由A、B、C、D四部门牵头…`` (the count of the bodies just named)."""
    plan = parse_text("公安消防支队牵头,负责组织开展对人员密集场所的专项整治工作。\n")
    assert roles(plan) == [[("公安消防支队", "lead")]]
    plan = parse_text("按照职责分工,市环境保护局,牵头负责对大气污染源污染治理设施的运行情况进行督查。\n")
    assert roles(plan) == [[("市环境保护局", "lead")]]
    plan = parse_text(
        "由市环保局、市城乡建设局、市城管执法局、市农业局四部门牵头分别迅速成立专项督查组,严格管控各类大气污染源。\n"
    )
    assert roles(plan) == [
        [("市环保局", "lead"), ("市城乡建设局", "lead"), ("市城管执法局", "lead"), ("市农业局", "lead")]
    ]


def test_fields_of_a_livelihood_project_and_a_doubled_comma():
    """577 (2012): ``资金来源:中央、自治区…`` names who pays, not who answers; 576 (Zhengzhou 2012):
    ``主管领导:刘东`` is the lead official, ``主要责任人:毛杰`` a person; 603 (Yongchun 2023): a copy
    doubled the comma before the list's mark (``县工信商务局,、农业农村局``)."""
    plan = parse_text(
        "(一)扩大农村学前教育资源项目。\n资金来源:中央、自治区,县市区财政配套。\n"
        "目标任务:按自治区规定完成自治区下达的指标任务。\n牵头单位:市教育局。\n配合单位:市财政局、发改委。\n"
    )
    assert roles(plan) == [[("市教育局", "lead"), ("市财政局", "support"), ("市发改委", "support")]]
    plan = parse_text(
        "市区新增优质中小学招生学位2.36万个。\n主管领导:刘东\n责任单位:市教育局\n主要责任人:毛杰\n"
    )
    assert roles(plan) == [[("市教育局", "responsible")]]
    assert plan.tasks[0].lead_official == "刘东"
    plan = parse_text("1.培育专精特新中小企业。(责任单位:县工信商务局,、农业农村局、科技局)\n")
    assert roles(plan) == [
        [("县工信商务局", "responsible"), ("县农业农村局", "responsible"), ("县科技局", "responsible")]
    ]


def test_a_clause_naming_the_lead_of_the_task_it_names():
    """567 (Shuangpai 2020): ``会议明确,县民政局为康乐年华养老服务中心火灾隐患整改牵头单位,泷泊镇人民政府和
    县消防大队为责任单位;…`` — the task stands between 为 and the label."""
    plan = parse_text(
        "会议明确,县民政局为康乐年华养老服务中心火灾隐患整改牵头单位,泷泊镇人民政府和县消防大队为责任单位;"
        "县文旅广体局为岁圆楼火灾隐患整改牵头单位,理家坪乡人民政府和县消防大队为责任单位。\n"
    )
    assert [task.text for task in plan.tasks] == ["康乐年华养老服务中心火灾隐患整改", "岁圆楼火灾隐患整改"]
    assert roles(plan) == [
        [("县民政局", "lead"), ("泷泊镇人民政府", "support"), ("县消防大队", "support")],
        [("县文旅广体局", "lead"), ("理家坪乡人民政府", "support"), ("县消防大队", "support")],
    ]


# --- files 610-652 ---------------------------------------------------------------------------------


def test_headings_naming_offices_weakly_over_their_duties():
    """640 (Hebei meteorological bureau 2010): ``4.科技与预报处`` over ``负责组织实施…``; 641 (China
    Meteorological Administration 2008): ``(一)指挥部`` over ``主要职责:`` and numbered duties. A
    heading that names one office weakly names the body of items that open with a role verb or
    stand in a list of duties; ``指挥长:局长`` is no duty."""
    plan = parse_text(
        "4.科技与预报处\n负责组织实施加密天气会商;完成指挥部交办的其他任务。\n"
        "6.省气象台\n负责气象灾害应急相关监测、预报、预警信息的发布。\n"
    )
    assert roles(plan) == [[("科技与预报处", "responsible")], [("省气象台", "responsible")]]
    plan = parse_text(
        "(一)指挥部\n指挥长:局长\n主要职责:\n1.组织指挥气象灾害防御的应急处置工作。\n"
        "2.负责向党中央、国务院及有关部门提供气象灾害应急响应服务。\n"
    )
    assert roles(plan) == [[("指挥部", "responsible")], [("指挥部", "responsible")]]


def test_offices_set_off_by_spaces_in_a_list_of_duties():
    """638 (Shanghai finance bureau 2018): under ``三、工作分工`` each line names an office, two spaces,
    then its duties."""
    plan = parse_text(
        "三、工作分工\n  办公室  组织、协调和管理市局通过政府网站等形式主动公开政府信息的事宜。\n"
        "  法规处  负责规范性文件的法律审核,参与信息公开属性的审核。\n"
    )
    assert roles(plan) == [[("办公室", "responsible")], [("法规处", "responsible")]]


def test_a_table_whose_task_column_is_headed_main_tasks():
    """611 (Shenhe district 2024): ``主要工作任务 / 牵头单位 / 责任单位``, one cell a paragraph."""
    plan = parse_text(
        "主要工作任务\n\n牵头单位\n\n责任单位\n\n"
        "一、优结构、谋发展,在加快构建现代化产业体系上冲在前\n\n"
        "1.主动对接国家战略,壮大531个支撑企业,加快形成新质生产力。\n\n区发改局\n\n"
        "区工信局、区商务局、各街道办事处\n\n"
        "3.积极培育元宇宙、生成式人工智能等未来产业。\n\n发改局\n\n区工信局、各街道办事处\n"
    )
    assert roles(plan) == [
        [("区发改局", "lead"), ("区工信局", "support"), ("区商务局", "support"), ("各街道办事处", "support")],
        [("发改局", "lead"), ("区工信局", "support"), ("各街道办事处", "support")],
    ]


def test_items_whose_bracket_holds_a_full_stop_before_its_labels():
    """680 (Guangdong 2013): ``2.关于…的建议(第1389号。牵头单位:省邮政局;协办单位:广东银监局,广州市政府);``
    — the item's title ends at a stop outside the bracket, the labels belong to the bracket."""
    plan = parse_text(
        "一、重点督办的代表建议\n"
        "2.关于在长洲岛设立邮政储蓄所的建议(第1389号。牵头单位:省邮政局;协办单位:广东银监局,广州市政府);\n"
        "3.关于建设国家北斗卫星导航产业基地的建议(第1413号。牵头单位:省经济和信息化委;"
        "协办单位:省财政厅、国土资源厅,中山市政府);\n"
    )
    assert [task.text for task in plan.tasks] == [
        "关于在长洲岛设立邮政储蓄所的建议",
        "关于建设国家北斗卫星导航产业基地的建议",
    ]
    assert roles(plan) == [
        [("省邮政局", "lead"), ("广东银监局", "support"), ("广州市政府", "support")],
        [
            ("省经济和信息化委", "lead"),
            ("省财政厅", "support"),
            ("省国土资源厅", "support"),
            ("中山市政府", "support"),
        ],
    ]


# --- files 666-717: duties in emergency plans, campaigns and regulations ----------------------------


def test_member_units_and_their_duties_in_an_emergency_plan():
    """712 (a city's fire-accident plan): ``2.3.6 市建设局:负责…`` — decimal numbering of three parts;
    714 (Ziyang 2010): ``(九)工商部门职责:依法确认…`` — the body before 职责 answers for the duties."""
    plan = parse_text(
        "2.3.6 市建设局:负责提供火灾事故现场建筑物结构情况,评估建筑物险情。\n"
        "2.3.7 市卫生局: 负责组织救护车辆和医护人员成立应急队伍。\n"
    )
    assert roles(plan) == [[("市建设局", "responsible")], [("市卫生局", "responsible")]]
    plan = parse_text(
        "(九)工商部门职责:依法确认道路客运行业的各类市场主体经营资格,查处违反工商行政管理法规的经营行为。\n"
        "(十)城管部门职责:负责对乱停乱放在客运站的车辆管理。\n"
    )
    assert roles(plan) == [[("工商部门", "responsible")], [("城管部门", "responsible")]]


def test_headings_naming_a_body_over_its_duties():
    """713 (2006): ``(七)卫生部门职责、任务`` over numbered duties; 701 (a city's 低保 measures):
    ``第六条 财政部门履行以下职责:`` over ``(一)…``."""
    plan = parse_text(
        "(七)卫生部门职责、任务\n1.加强对学校幼儿园食堂的监督。\n2.依法对学校幼儿园食堂从业人员进行定期体检。\n"
    )
    assert roles(plan) == [[("卫生部门", "responsible")], [("卫生部门", "responsible")]]
    plan = parse_text(
        "第六条 财政部门履行以下职责:\n(一)配合市民政部门制定低保标准;\n"
        "(二)负责落实和检查本级低保救助金的预算和筹集;\n"
    )
    assert [[a.body for a in plan.assignments_of(task.task_id)] for task in plan.tasks] == [
        ["财政部门"],
        ["财政部门"],
    ]


def test_the_members_of_a_working_group_support_its_lead():
    """696 (Shijiazhuang's emergency plan; a second reader's copy agreed body by body):
    ``由市政府办公厅牵头,公安局、信息中心、法制办等单位组成,负责…`` — members named without a prefix
    and weakly ended count after 由A牵头."""
    plan = parse_text(
        "(1)综合协调组。由市政府办公厅牵头,公安局、信息中心、法制办等单位组成,负责传达应急处置指令、协调调度。\n"
    )
    assert roles(plan) == [
        [("市政府办公厅", "lead"), ("公安局", "support"), ("信息中心", "support"), ("法制办", "support")]
    ]
