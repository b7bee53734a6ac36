"""Reading real plans, continued: duties of member units and working groups in emergency plans,
regulations and notices (corpus files 253 and 696-717).

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test);
the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.evaluation import GoldTask, score_plan
from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


def test_a_working_groups_members_listed_over_two_clauses():
    """696 (Shijiazhuang): the members run on past ``等部门，`` to a second list before ``组成``, and
    ``有关行业、单位`` gives its group word to the bare ``单位`` after it."""
    plan = parse_text(
        "(2)应急抢险组。由应急主管部门牵头，公安局、石家庄警备区、消防支队、地震局等部门，"
        "事发地县级政府和有关行业、单位等组成，负责现场应急抢险工作。\n"
    )
    assert roles(plan) == [
        [
            ("应急主管部门", "lead"),
            ("公安局", "support"),
            ("石家庄警备区", "support"),
            ("消防支队", "support"),
            ("地震局", "support"),
            ("事发地县级政府", "support"),
            ("有关行业", "support"),
            ("有关单位", "support"),
        ]
    ]
    assert plan.tasks[0].text.endswith("负责现场应急抢险工作。")


def test_a_body_and_the_words_its_duties_are():
    """696: ``专项应急指挥部的职责是：`` before the duties: the body answers for them."""
    plan = parse_text(
        "2.4专项应急指挥机构\n"
        "专项应急指挥部的职责是：在突发公共事件预警时，立即指挥进入预警状态；"
        "负责专项应急处置的指挥调度工作。\n"
    )
    assert roles(plan) == [[("专项应急指挥部", "responsible")]]


def test_duties_of_member_units_run_on_with_spaces_between():
    """711 (a township's flood plan on a document site): each office's name and colon follows a
    space in one paragraph, and the site's page mark (``2、``) cuts a word after a short piece."""
    plan = parse_text(
        "1、三、组织指挥体系及职责 镇政府成立防汛抗旱指挥部。 1、XX 镇防汛抗旱应急成员单位的主要职责 "
        "镇党政办:发布信息和宣传相关救灾新闻报道 安监所:收集、汇总、核实、评估、报告和发布灾情;"
        "指导灾区实施灾民紧急转移安置。 民政办: 组\n"
        "2、织救灾捐赠; 组织灾区开展因灾毁损房屋的恢复重建;储备救灾物资; 中心学校:收集、汇总学校"
        "校舍损毁情况;协助镇政府转移被困师生。\n"
    )
    assert roles(plan) == [
        [("镇党政办", "responsible")],
        [("安监所", "responsible")],
        [("民政办", "responsible")],
        [("中心学校", "responsible")],
    ]
    assert plan.tasks[2].text.startswith("组织救灾捐赠")
    assert "page-number" in {issue.kind for issue in plan.issues}


def test_a_notice_that_says_the_duties_follow():
    """253 (State Council 1999): ``现将卫生部等有关部门血吸虫病防治工作职责通知如下`` opens the list,
    so a department whose duties open without a role verb is read too (农业部：根据…)."""
    plan = parse_text(
        "现将卫生部等有关部门血吸虫病防治工作职责通知如下,请遵照执行。  "
        "财政部:负责安排应由中央财政解决的血吸虫病防治经费。  "
        "农业部:根据全国血吸虫病防治工作的方针,制订农业部门实施细则;结合农业生产开展灭螺。\n"
    )
    assert roles(plan) == [[("财政部", "responsible")], [("农业部", "responsible")]]


def test_a_group_led_by_yi_wei_zhu_over_its_numbered_duties():
    """697 (Guizhou 2003): ``一、防治组,以省卫生厅为主,…任组长。主要职责是:(一)…;(二)…`` run
    on in one line after ``通知如下:``: the items are the group's duties, led by 省卫生厅; the
    words before them (主要职责是：) are no task."""
    plan = parse_text(
        "省人民政府决定省非典型肺炎防治工作领导小组下设防治组等9个工作组。现将有关事项通知如下:"
        "一、防治组,以省卫生厅为主,省卫生厅厅长何崇远同志任组长。主要职责是:"
        "(一)指导、督促各地制定防治非典型肺炎工作预案;(二)完善疫情报告信息系统;\n"
    )
    assert roles(plan) == [[("省卫生厅", "lead")], [("省卫生厅", "lead")]]
    assert [task.text[:6] for task in plan.tasks] == ["指导、督促各", "完善疫情报告"]


def test_yi_names_who_leads_only_where_a_clause_opens():
    """25 (Guangdong 2023): the ``以`` of ``各地级以上市人民政府`` names no one."""
    plan = parse_text(
        "1.鼓励支持民间资本参与。(省发展改革委、能源局等省有关部门和各地级以上市人民政府按职责分工负责)\n"
    )
    assert [a.body for a in plan.assignments] == ["省发展改革委", "省能源局", "各地级以上市人民政府"]


def test_a_table_one_cell_a_line_headed_by_the_kind_of_its_rows():
    """717 (Sanming 2008): the header opens with ``自然灾害类分类指标名称`` and breaks ``责任单位``
    over two lines; a row has no number, so its cells up to the body are one row's text."""
    plan = parse_text(
        "一、应急体系建设分类目标\n"
        "自然灾害类：到2010年，行政村灾害信息覆盖率达到100%。\n\n"
        "自然灾害类分类指标名称\n\n分类指标值对照\n\n责任\n\n单位\n\n国家规划\n\n省规划\n\n市规划\n\n"
        "行政村灾害信息覆盖率\n\n达到100%\n\n达到100%\n\n水利局\n\n"
        "灾害应急救助能力明显提高，灾民24小时内得到基本救助\n\n24小时内\n\n24小时内\n\n24小时内\n\n民政局\n"
    )
    assert roles(plan)[-1] == [("民政局", "responsible")]
    assert plan.tasks[-1].text.startswith("灾害应急救助能力明显提高")
    assert "24小时内" in plan.tasks[-1].text


def test_a_regulations_articles_with_financial_numerals():
    """700 (a city's anti-smuggling regulation, traditional script): an article opens after the
    full stop of the sentence before it, its items number ``(壹)`` for ``(一)``, and ``公安機關``
    is a body when the article gives it duties."""
    plan = parse_text(
        "市、區人民政府及其部門應當支持海關依法行使職權。第七條公安機關應當履行下列職責:\n"
        "(壹)依法查處海關監管區域外的非涉稅走私犯罪;\n"
        "(二)及時制止海關監管區域外的走私活動;\n"
    )
    assert roles(plan) == [[("公安机关", "responsible")], [("公安机关", "responsible")]]
    assert plan.tasks[0].original_text.startswith("依法查處")
    assert "financial-numeral" in {issue.kind for issue in plan.issues}


def test_a_key_with_its_item_number_matches_the_items_title():
    """700: ``(四)法律法规规定的其他职责`` repeats an item of an earlier article; the item's words
    stand in its title when a paragraph follows it."""
    plan = parse_text(
        "第七条公安机关应当履行下列职责：\n"
        "(一)依法查处海关监管区域外的非涉税走私犯罪；\n"
        "(二)法律法规规定的其他职责。\n"
        "公安边防部门应当按照国家有关规定履行反走私工作职责。\n"
    )
    gold = [
        GoldTask("依法查处海关监管区域外的非涉税走私犯罪", responsible=("公安机关",)),
        GoldTask("(二)法律法规规定的其他职责", responsible=("公安机关",)),
    ]
    counts = score_plan(plan, gold)
    assert (counts["found"], counts["body_tp"], counts["body_fp"], counts["body_fn"]) == (2, 2, 0, 0)


TABLE_709 = (
    "9.2应急指挥部工作组组成及职责分工序号工作组牵头单位工作职责1综合协调组根据事故类别确定牵头部门"
    "主要负责统筹组织现场应急救援的综合协调工作。2抢险救援组应急管理局主要负责实施应急救援、"
    "危险源控制、人员搜救等工作。3交通管制组公安局主要负责维持事故现场的秩序;组织疏散、转移和安置群众。"
    "4医疗卫生组卫健局主要负责组织制定医疗救治和卫生防疫方案。\n"
)


def test_a_table_run_together_with_a_column_of_working_groups():
    """709 (a city's production-safety plan, a docx preview): ``序号工作组牵头单位工作职责``, and each
    row runs its group's name, its lead and its duties together; row 1's lead cell names no body."""
    plan = parse_text(TABLE_709)
    assert roles(plan) == [[("应急管理局", "lead")], [("公安局", "lead")], [("卫健局", "lead")]]
    assert plan.tasks[0].text.startswith("主要负责实施应急救援")


def test_the_ending_of_a_working_groups_name_is_a_row_of_the_lexicon():
    """The group's name is cut off the body's by the lexicon's ``team`` row: without it the row's
    lead is not read; with it added back as a data row, it is."""
    without = Lexicon(
        {"kind": r.kind, "entry": r.entry, "value": r.value, "extra": r.extra}
        for r in Lexicon.default().rows
        if r.kind != "team"
    )
    leads = ["应急管理局", "公安局", "卫健局"]
    assert [a.body for a in parse_text(TABLE_709, lexicon=without).assignments] != leads
    with_team = without.with_rows([{"kind": "team", "entry": "组"}])
    assert [a.body for a in parse_text(TABLE_709, lexicon=with_team).assignments] == leads


def test_the_text_after_a_statement_closing_a_sentence_is_a_task_of_its_own():
    """720 (Deqing 2022): ``…积极引导市场预期。(牵头单位:县发改局)常态化推进…应公开尽公开。`` and the
    next line ``(牵头单位:县财政局)``: the sentence after the first bracket is the second's task."""
    plan = parse_text(
        "一、围绕中心工作\n"
        "(一)提升共同富裕建设公开水平。做好扩大有效投资相关政策信息公开,积极引导市场预期。(牵头单位:县发改局)"
        "常态化推进十大民生实事项目预算信息应公开尽公开。\n"
        "(牵头单位:县财政局)\n"
    )
    assert roles(plan) == [[("县发改局", "lead")], [("县财政局", "lead")]]
    assert plan.tasks[1].text.startswith("常态化推进十大民生实事")


def test_lines_side_by_side_opening_with_a_body_and_a_colon_are_a_list_of_duties():
    """748 (Hubei, a provincial plan's page 3): no heading announces the list, but each line opens
    with bodies and a colon; ``…扶贫开发等部门`` gives 部门 to every field before it."""
    plan = parse_text(
        "教育、科技、民政、财政、劳动保障、水利、农业、工商、扶贫开发等部门:在制订有关政策时落实对女孩及"
        "计划生育女儿户的同等优先原则。\n"
        "公安部门:依法严厉查处“两非”、溺弃女婴的违法犯罪行为,保护妇女儿童的合法权益。\n"
        "人事部门:进一步做好培养选拔女性人才工作。\n"
    )
    fields = ["教育", "科技", "民政", "财政", "劳动保障", "水利", "农业", "工商", "扶贫开发"]
    assert roles(plan) == [
        [(field + "部门", "responsible") for field in fields],
        [("公安部门", "responsible")],
        [("人事部门", "responsible")],
    ]


def test_a_notices_addressees_open_no_list_of_duties():
    """307 (Ningguo): the title line ``安徽省宁国市:关于…的通知`` and the addressees ``各乡、镇人民政府…:``
    stand side by side, but the addressees have no words after their colon."""
    plan = parse_text(
        "安徽省宁国市:关于进一步完善宁国市殡葬领域重点事项跨部门综合监管工作机制的通知\n"
        "各乡、镇人民政府、街道办事处,市直有关单位:\n"
        "一、监管措施\n"
        "(一)开展殡葬服务机构综合监管行动。(牵头单位:市民政局)\n"
    )
    assert roles(plan) == [[("市民政局", "lead")]]


def test_a_labelled_line_of_bodies_followed_by_their_duties():
    """725 (a county's 三下乡 plan, traditional): ``1.牽頭單位:縣委宣傳部`` / ``職責:負責…`` and
    ``2.成員單位:…`` / ``職責:…``: each line of duties is the task of the bodies named above it."""
    plan = parse_text(
        "一、組織要求\n"
        "1.牽頭單位:縣委宣傳部\n"
        "職責:負責整個“三下鄉”活動的組織協調工作\n"
        "2.成員單位:縣委政法委、縣公安局、團縣委、縣供銷聯社。\n"
        "職責:各單位要做好本單位“三下鄉”活動的具體工作方案。\n"
    )
    assert roles(plan) == [
        [("县委宣传部", "lead")],
        [
            ("县委政法委", "responsible"),
            ("县公安局", "responsible"),
            ("团县委", "responsible"),
            ("县供销联社", "responsible"),
        ],
    ]
    assert plan.tasks[0].text == "负责整个“三下乡”活动的组织协调工作"


def test_offices_named_with_their_staff():
    """724 (Huitong 2023): ``由教育局办公室干部职工主导,其他股室干部职工和资助管理中心干部职工协助`` —
    the staff stand for their office; 主导 leads."""
    plan = parse_text(
        "四、组织实施\n"
        "1. 由教育局办公室干部职工主导,其他股室干部职工和资助管理中心干部职工协助,办好政务公开日活动。\n"
    )
    assert roles(plan) == [[("教育局办公室", "lead"), ("其他股室", "support"), ("资助管理中心", "support")]]


def test_an_item_that_only_says_who_does_it_takes_the_words_of_its_heading():
    """724 as written: ``四、组织实施`` / ``1. 由教育局办公室干部职工主导,…协助。`` — the item names no
    work of its own, so its task is the heading's."""
    plan = parse_text(
        "四、组织实施\n1. 由教育局办公室干部职工主导,其他股室干部职工和资助管理中心干部职工协助。\n"
    )
    assert [task.text for task in plan.tasks] == ["组织实施"]
    assert roles(plan) == [[("教育局办公室", "lead"), ("其他股室", "support"), ("资助管理中心", "support")]]


def test_a_sentence_is_read_for_any_role_word_of_the_lexicon():
    """747 (State Council General Office 2007): ``…的问题,由财政部、发展改革委、人民银行、银监会
    研究提出意见。`` names no 负责 or 牵头; the lexicon's verb 研究提出意见 is enough, and a verb added
    as a row is too."""
    text = (
        "一、工作分工\n"
        "（一）关于「积极调整财政支出结构」的问题，由财政部、发展改革委、人民银行、银监会研究提出意见。\n"
    )
    assert roles(parse_text(text)) == [
        [
            ("财政部", "responsible"),
            ("发展改革委", "responsible"),
            ("人民银行", "responsible"),
            ("银监会", "responsible"),
        ]
    ]
    text = "一、工作分工\n（一）关于「完善农村金融服务」的问题，由人民银行、银监会挂帅。\n"
    assert roles(parse_text(text)) == []
    lexicon = Lexicon.default().with_rows(
        [{"kind": "verb", "entry": "挂帅", "value": "lead", "extra": "lead"}]
    )
    assert roles(parse_text(text, lexicon=lexicon)) == [[("人民银行", "lead"), ("银监会", "lead")]]


BOX_760 = """┌─────────────────────┬───┬────────┬────┐
│ 工 作 任 务 │分管领│牵头组织实施单位│完成时限│
│ │ 导 │ │ │
├─────────────────────┼───┼────────┼────┤
│抓好财税金融工作,增强发展保障能力 │梁志强│各县(市、区)政│年内见成│
├─────────────────────┤ │府,市财政局、金│ 效 │
│△进一步调整财政支出结构,加大财政在“三农│ │融办 │ │
│”、教育等方面的投入 │ ├────────┤ │
│△加强财政监督,提高财政资金使用效益 │ │各县(市、区)政│ │
│△加强税源监控,完善护税协税网络 │ │府,市财政局、教│ │
│ │ │育局 │ │
└─────────────────────┴───┴────────┴────┘
"""


def test_a_table_drawn_with_box_characters():
    """760 (a city's work-report table on a law database): cells wrap over lines, the official's
    and the deadline's cells are merged over every row, the lead cell over the first two rows and
    then the rest; each △ item of a cell is a row of its own."""
    plan = parse_text(BOX_760)
    first = [("各县(市、区)政府", "lead"), ("市财政局", "lead"), ("市金融办", "lead")]
    second = [("各县(市、区)政府", "lead"), ("市财政局", "lead"), ("市教育局", "lead")]
    assert roles(plan) == [first, first, second, second]
    assert [task.text[:8] for task in plan.tasks] == [
        "抓好财税金融工作",
        "△进一步调整财政",
        "△加强财政监督，",
        "△加强税源监控，",
    ]
    assert {(task.lead_official, task.deadline) for task in plan.tasks} == {("梁志强", "年内见成效")}
    assert [task.lines[0] for task in plan.tasks] == [5, 7, 9, 10]  # the lines of the source
    assert "box-table" in {issue.kind for issue in plan.issues}


def test_an_office_and_a_colon_alone_over_its_duties():
    """764 (Chizhou's key-projects office, traditional): under ``科室職能`` each section's name and
    colon stands on its own line above its duties; ``…辦公室內設項目一科、項目二科`` is a sentence."""
    plan = parse_text(
        "(七)做好市委、市政府安排的其他有關工作。\n"
        "科室職能\n"
        "市重點項目辦公室內設項目一科、項目二科項目一科:\n"
        "負責會議組織、文電管理、政務信息等日常工作。\n"
        "項目二科:\n"
        "負責全市重點項目的徵集、篩選、包裝、編制等謀劃工作。\n"
    )
    assert [a.body for a in plan.assignments] == ["项目二科"]
    assert plan.assignments[0].task_id == plan.tasks[-1].task_id
    assert plan.tasks[-1].text.startswith("负责全市重点项目")


def test_brackets_right_after_a_full_stop_close_that_sentence():
    """791 (Ministry of Ecology and Environment 2020): tasks run on in one paragraph, each bracket of
    departments glued to the next task (``…文件。(各相关部门)定期公布…。(监测司)及时…``)."""
    plan = parse_text(
        "2.疫情防控阻击战信息。及时公开疫情防控相关生态环境保护政策文件。(各相关部门)定期公布疫情防控期间"
        "城市空气、地表水环境质量监测情况。(监测司)及时向社会公布医疗废物、医疗废水处置情况。"
        "(应急中心、固体司、水司)\n"
    )
    assert roles(plan) == [
        [("各相关部门", "responsible")],
        [("监测司", "responsible")],
        [("应急中心", "responsible"), ("固体司", "responsible"), ("水司", "responsible")],
    ]


def test_marks_a_copying_site_inserted_are_removed():
    """770 (Guangdong 2019, a repost): ``@@`` stands between words and inside bodies' names."""
    plan = parse_text(
        "(一@@)完善规范口岸@@收费目录清单@@。持续完善规范口岸@@收费目录清单@@@@。"
        "(省商务厅@@@@、财政厅@@、发展改革@@委@@、交通运输厅@@负责@@)\n"
    )
    assert [a.body for a in plan.assignments] == ["省商务厅", "省财政厅", "省发展改革委", "省交通运输厅"]
    assert "inserted-marks" in {issue.kind for issue in plan.issues}


def test_the_innermost_heading_naming_a_body_gives_its_items_their_body():
    """792 (Hefei No. 2 Middle School 2023): ``二、…领导小组及办公室工作职责`` over ``（一）领导小组工作职责``
    and ``（二）领导小组办公室职责``: each item is the body's its own heading names."""
    plan = parse_text(
        "二、创卫工作领导小组及办公室工作职责\n"
        "(一)领导小组工作职责\n"
        "1.负责爱国卫生专项活动和创建卫生单位工作的组织领导。\n"
        "(二)领导小组办公室职责\n"
        "1.负责爱国卫生专项活动和创建卫生单位工作的日常性管理工作。\n"
    )
    assert roles(plan) == [[("领导小组", "responsible")], [("领导小组办公室", "responsible")]]


def test_the_subject_of_an_article_over_its_duties():
    """794 (a city's school-safety rules, traditional): ``第七條 各級教育行政部門和中等職業學校的主管部門
    主管轄區內…工作,對學校安全工作履行下列職責:`` after the stop ending article 6, over items (壹)…;
    a group is named by what it oversees (…學校的主管部門)."""
    plan = parse_text(
        "第六條 市教育行政部門應當建立協調工作機制,保障學校安全。第七條 各級教育行政部門和中等職業學校的"
        "主管部門主管轄區內學校安全保衛工作,對學校安全工作履行下列職責:\n"
        "(壹)負責編制學校安全教育工作規劃;\n"
        "(二)全面掌握學校安全工作狀況;\n"
    )
    bodies = [("各级教育行政部门", "responsible"), ("中等职业学校的主管部门", "responsible")]
    assert roles(plan) == [bodies, bodies]


def test_a_table_cell_of_an_office_with_another_name_in_brackets():
    """790 (Guangdong Health Commission 2021): ``规划信息处(爱卫办)`` is a cell of bodies; its length
    is counted without the bracket."""
    plan = parse_text(
        "序号 | 工作任务 | 责任处室 | 完成时限 |\n"
        "4 | 做好爱国卫生运动、健康中国行动的信息发布工作 | 规划信息处(爱卫办) | 长期推进 |\n"
    )
    assert roles(plan) == [[("规划信息处(爱卫办)", "responsible")]]
    assert plan.tasks[0].deadline == "长期推进"


def test_a_league_and_a_company_with_a_consortium_in_its_name():
    """748: ``工会、共青团、妇联和计生协会等单位：`` — 团 ends a body's name; 560: 财团 inside
    ``温州中瑞财团四川投资有限公司`` does not."""
    plan = parse_text(
        "公安部门:依法严厉查处“两非”、溺弃女婴的违法犯罪行为。\n"
        "工会、共青团、妇联和计生协会等单位:发动群众积极参与关爱女孩行动。\n"
    )
    assert roles(plan)[1] == [(name, "responsible") for name in ("工会", "共青团", "妇联", "计生协会")]
    plan = parse_text("1.成都市农产品交易中心项目。(区农发局牵头，温州中瑞财团四川投资有限公司配合)\n")
    assert [a.body for a in plan.assignments] == ["区农发局", "温州中瑞财团四川投资有限公司"]


def test_a_zones_ending_shared_with_a_word_that_names_nothing_alone():
    """462 (Jianli 2022): ``责任单位:…各乡、镇人民政府,人民大垸、荒湖管理区,监利经济开发区`` — 人民大垸
    is no body alone; it shares 管理区 (a place before a zone does not: 西秀区、安顺经开区)."""
    plan = parse_text(
        "1.地区生产总值增长10%左右。(牵头单位:市发改局;责任单位:市统计局,各乡、镇人民政府,人民大垸、荒湖管理区,"
        "监利经济开发区)\n"
    )
    assert [a.body for a in plan.assignments] == [
        "市发改局",
        "市统计局",
        "各乡、镇人民政府",
        "人民大垸管理区",
        "荒湖管理区",
        "监利经济开发区",
    ]
    plan = parse_text("1.推进城乡供水一体化。(西秀区、普定县、安顺经开区负责)\n")
    assert [a.body for a in plan.assignments] == ["西秀区", "普定县", "安顺经开区"]


def test_the_bodies_a_headings_sentence_opens_with_answer_for_its_duty_items():
    """820 (a district's relief-system duties): ``（一）区民政局作为主管部门总体负责…`` and
    ``（二）区劳动保障局、区卫生局…等部门根据…，做好…。具体包括：`` over items ``1.负责…``; not a
    sentence opening with a verb (543: ``听取和审议省人民政府…``) nor an exhortation to every body
    (234: ``各部门要各司其职``)."""
    plan = parse_text(
        "(一)区民政局作为主管部门总体负责救助帮困系统的运行、维护和安全。\n"
        "1.负责起草救助帮困系统的管理办法、工作规范,开展具体业务指导。\n"
        "(二)区劳动保障局、区卫生局、团区委、区红十字会等部门根据救助帮困系统设计功能,做好本部门有关救助帮困工作"
        "的网上处理。具体包括:\n"
        "1.负责公布有关救助政策、帮困措施和具体标准。\n"
    )
    by_text = {task.text[:8]: [a.body for a in plan.assignments_of(task.task_id)] for task in plan.tasks}
    assert by_text["负责起草救助帮困"] == ["区民政局"]
    assert by_text["负责公布有关救助"] == ["区劳动保障局", "区卫生局", "团区委", "区红十字会"]
    plan = parse_text(
        "二、工作任务\n(一)听取和审议省人民政府关于法治政府建设情况的报告\n1.负责做好相关工作。\n"
    )
    assert plan.assignments == []
