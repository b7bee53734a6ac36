"""Reading real plans, continued: tables written one cell per line, headings over duties, offices in
brackets, names a list must not change, labels run on without breaks, and sentences of officials
and offices after an annotation.

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test);
the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


def test_a_table_one_cell_per_line_after_bars_reads_each_row_as_a_task():
    """259 (Guilin 2011): ``| cell`` lines, a bar alone closing each row; the category cell is
    printed on the first row of its group only, the target columns hold figures."""
    header = (
        "附件:桂林创新计划(2011-2015年)目标任务分解表\n"
        "| 目标\n| 任务内容\n| 牵头部门\n| 配合部门\n| 前三年目标任务\n| 五年目标任务\n|\n"
    )
    plan = parse_text(
        header
        + "1\n| 综合指标\n| R&D经费支出占GDP比重(%)\n| 市科技局\n| 市统计局、市财政局\n| 1.8%\n| 2.2%\n|\n"
        "2\n| 拥有发明专利(件)\n| 市知识产权局\n| 高新区、各县(区)\n| 3000\n| 4200\n|\n"
    )
    assert [task.text for task in plan.tasks] == ["综合指标R&D经费支出占GDP比重(%)", "拥有发明专利(件)"]
    assert roles(plan) == [
        [("市科技局", "lead"), ("市统计局", "support"), ("市财政局", "support")],
        [("市知识产权局", "lead"), ("高新区", "support"), ("各县(区)", "support")],
    ]
    assert [issue.kind for issue in plan.issues if issue.kind == "cell-bar"] == ["cell-bar"]
    plan = parse_text(
        header + "5\n| 自治区级工程技术研究中心(家)\n| 市科技局\n| 高新区、各有关县(区)\n| 18\n| 19\n|\n"
        "6\n| 自治区级创新型企业试点(家)\n| 市科技局\n| 市工信委、高新区\n| 28\n| 30\n|\n"
    )
    # a name ending like a body's (…中心), in the column of task text, is the task
    texts = [task.text for task in plan.tasks]
    assert texts == ["自治区级工程技术研究中心(家)", "自治区级创新型企业试点(家)"]
    assert roles(plan) == [
        [("市科技局", "lead"), ("高新区", "support"), ("各有关县(区)", "support")],
        [("市科技局", "lead"), ("市工信委", "support"), ("高新区", "support")],
    ]


def test_bars_between_cells_of_one_line_are_left_to_the_row_reader():
    """A row written on one line (``序号 | 任务 | 牵头单位``) keeps its bars: they split its cells."""
    plan = parse_text(
        "序号 | 重点任务 | 牵头单位 | 配合单位\n"
        "1 | 推进城乡供水一体化建设。 | 市水务局 | 市财政局\n"
        "2 | 实施老旧小区改造工程。 | 市住建局 | 各区人民政府\n"
    )
    assert roles(plan) == [
        [("市水务局", "lead"), ("市财政局", "support")],
        [("市住建局", "lead"), ("各区人民政府", "support")],
    ]
    assert not [issue for issue in plan.issues if issue.kind == "cell-bar"]


def test_a_header_cell_broken_over_two_lines_is_joined():
    """238 (Xiangshan 2024): ``责任`` / ``领导`` and ``责任`` / ``科室`` are columns 责任领导, 责任科室."""
    plan = parse_text(
        "泗洲头镇2024年度重点工作计划二季度执行情况\n\n序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n"
        "攻坚目标\n\n任务\n\n工作任务安排\n\n第二季度\n\n完成情况\n\n"
        "1\n\n白仙山水库工程政策处理\n\n欧乾震\n\n白仙山水库工程政策处理工作领导小组\n\n"
        "完成项目政策处理工作，推进大坝、溢洪道、引水隧洞及配套设施建设。\n\n推进坟墓迁移工作。\n\n"
        "该工程库区内坟墓迁移进度达60%。\n"
    )
    assert roles(plan) == [[("白仙山水库工程政策处理工作领导小组", "responsible")]]
    task = plan.tasks[0]
    assert "推进大坝、溢洪道、引水隧洞及配套设施建设" in task.text
    assert task.lead_official == "欧乾震"


def test_a_second_body_under_one_row_number_opens_a_second_row():
    """181 (Jiangbei 2023): project 1 has two sub-rows, each a 责任单位 cell before its own 建设内容."""
    plan = parse_text(
        "序号\n\n项目\n\n责任单位\n\n建设内容\n\n总投资\n\n(万元)\n\n2023年\n\n目标进度\n\n"
        "1\n\n完善交通基础设施\n\n区新兴产业服务中心\n\n实施宏图路、通惠路提升改造工程。\n\n48414\n\n"
        "一季度开工\n\n区住建局\n\n实施寺慈线路面提升及振兴桥危桥改造工程。\n\n1000\n\n6月开工,年内完工。\n\n"
        "2\n\n提升区域防洪能力\n\n区农业农村局\n\n实施洋市中心河道整治工程。\n\n19311\n\n6月开工\n"
    )
    assert roles(plan) == [
        [("区新兴产业服务中心", "responsible")],
        [("区住建局", "responsible")],
        [("区农业农村局", "responsible")],
    ]
    assert "实施宏图路、通惠路提升改造工程" in plan.tasks[0].text
    assert plan.tasks[1].text.startswith("实施寺慈线路面提升")
    assert "实施洋市中心河道整治工程" in plan.tasks[2].text


def test_a_heading_naming_a_body_and_its_duties_covers_the_items_under_it():
    """250 (Guiyang): ``（一）各区、市、县人民政府工作职责`` over items with no annotation."""
    plan = parse_text(
        "六、职责分工\n"
        "(一)各区、市、县人民政府工作职责\n"
        "1.制定本区、市、县救助对象救助管理工作方案,将救助管理工作按乡、镇、街道办事处管辖范围进行责任分解。\n"
        "2.组织本地区有关部门、乡镇(街道)和社区(村)人员开展街头巡查,发现救助对象及时进行救助。\n"
    )
    assert roles(plan) == [[("各区、市、县人民政府", "responsible")]] * 2


def test_a_duties_heading_of_departments_in_general_names_no_body():
    """147 (Beijing 2017): ``一、市级部门及相关单位职责`` is the list's title; the bodies are below."""
    plan = parse_text(
        "一、市级部门及相关单位职责\n(一)市交通委\n负责交通行业各单位的应急组织协调工作。\n"
        "(二)市公安局\n负责做好运营突发事件现场的封控、警戒工作。\n"
    )
    assert roles(plan) == [[("市交通委", "responsible")], [("市公安局", "responsible")]]


def test_a_bracket_after_the_full_stop_may_name_offices_alone():
    """260 (Jiangsu 2007): a department's divisions, named by weak endings alone (处, 中心)."""
    plan = parse_text(
        "一、目标分解\n"
        "5.城镇居民人均可支配收入增长9%,农民人均纯收入增长8%左右。 (工资处、就管中心)\n"
        "二、任务分解\n"
        "18.坚持就地转移、异地输出和创业并举。继续实施“千村万户帮扶”工程。 (就管中心)\n"
    )
    assert roles(plan) == [
        [("工资处", "responsible"), ("就管中心", "responsible")],
        [("就管中心", "responsible")],
    ]


def test_a_bracket_naming_what_the_words_before_it_are_is_no_annotation():
    """62 (Hainan): ``琼海项目(博鳌国宾馆)。`` names the hotel, it does not assign the task to it."""
    plan = parse_text("一、竣工项目\n1.竣工项目(1个):14家五星级酒店琼海项目(博鳌国宾馆)。(琼海市政府负责)\n")
    assert roles(plan) == [[("琼海市政府", "responsible")]]


def test_a_district_body_does_not_take_the_prefix_of_the_city_bodies_before_it():
    """259 (Guilin 2011): ``市林业局、…、雁山区科技局``: the district's bureau is not the city's."""
    plan = parse_text(
        "一、任务\n1.引进、开发、推广种养新技术。(牵头单位:市农业局;配合单位:市林业局、雁山区科技局)\n"
    )
    assert roles(plan) == [[("市农业局", "lead"), ("市林业局", "support"), ("雁山区科技局", "support")]]


def test_a_dash_joins_two_places_in_one_name():
    """244 (Kunming 2023): ``磨憨—磨丁合作区管委会`` is one body."""
    plan = parse_text(
        "一、 扩大优质教育资源。新增公办幼儿园40所。\n"
        "牵头单位:市教育体育局\n"
        "责任单位:各县(市)区人民政府、滇中新区管委会、磨憨—磨丁合作区管委会\n"
    )
    assert roles(plan) == [
        [
            ("市教育体育局", "lead"),
            ("各县(市)区人民政府", "support"),
            ("滇中新区管委会", "support"),
            ("磨憨—磨丁合作区管委会", "support"),
        ]
    ]


def test_a_semicolon_written_for_the_colon_of_a_label():
    """240 (Fuyu): ``（责任单位；住建局、畜牧局、各乡镇场）`` among brackets written with colons."""
    plan = parse_text(
        "一、重点督办事项\n"
        "5.实施改厨、改厕、改圈等工程,提升村屯人居环境质量和水平。(责任单位;住建局、畜牧局、各乡镇场)\n"
    )
    bodies = ["住建局", "畜牧局", "各乡镇场"]
    assert roles(plan) == [[(body, "responsible") for body in bodies]]


def test_a_first_is_lead_rule_inside_the_first_labelled_line():
    """249 (Xiamen 2019): ``市财政局(第一责任单位为牵头单位,下同)``, then ``时限要求：`` lines."""
    plan = parse_text(
        "一、坚决破除各种不合理门槛和限制\n"
        "(一)推进完善PPP健康运行长效机制和基础性制度建设,加强存量项目监管。\n"
        "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n"
        "时限要求:持续推进\n"
        "(二)严格落实全省统一的招投标政策,消除招投标过程中对企业设置的不合理限制和壁垒。\n"
        "责任单位:市建设局、市财政局\n"
        "时限要求:2019年6月底前\n"
    )
    assert roles(plan) == [
        [("市发改委", "lead"), ("市财政局", "support")],
        [("市建设局", "lead"), ("市财政局", "support")],
    ]
    assert [task.deadline for task in plan.tasks] == ["持续推进", "2019年6月底前"]
    assert not [issue for issue in plan.issues if issue.kind in ("unassigned-task", "unread-annotation")]


def test_a_body_and_colon_before_a_role_verb_outside_a_duty_list():
    """253 (State Council 1999): ``卫生部：负责…  国家发展计划委员会：负责…`` run on in one line."""
    plan = parse_text(
        "现将卫生部等有关部门血吸虫病防治工作职责通知如下,请遵照执行。  "
        "卫生部:负责组织制定全国血吸虫病防治工作方针、政策和防治规划。  "
        "国家发展计划委员会:负责将血吸虫病防治工作列入国民经济和社会发展规划。  "
        "教育部:负责开展多种形式的血吸虫病防治宣传教育活动。\n"
    )
    assert roles(plan) == [
        [("卫生部", "responsible")],
        [("国家发展计划委员会", "responsible")],
        [("教育部", "responsible")],
    ]


def test_labels_run_on_after_a_task_title_and_its_content_fields():
    """251 (Yangbi): ``…实施意见责任单位:县文体局责任人:姜晓水主要任务:…`` with no breaks: the
    bodies are read, the person under 责任人 is the lead official (no body), and the 主要任务
    field is the task's text too."""
    plan = parse_text(
        "现将实施意见的主要任务立项分解如下:\n"
        "二、关于基础文化管站建设管理的实施意见责任单位:县文体局责任人:姜晓水主要任务:在巩固提高原有"
        "“两馆一站”建设的基础上,研究制定实施意见。主要目标:从今年开始,使全县“两馆一站”全部达标。\n"
    )
    assert roles(plan) == [[("县文体局", "responsible")]]
    task = plan.tasks[0]
    assert "在巩固提高原有“两馆一站”建设的基础上" in task.text
    assert task.lead_official == "姜晓水"


def test_a_sentence_of_officials_and_offices_after_the_annotation():
    """239 (Ningxia 2010): ``由鲁国会、郑忠安副厅长分别负责，环境监测处、…分别落实。`` after the
    bracket: the officials lead in person (the title covers both names), the offices support."""
    plan = parse_text(
        "(一)我厅牵头的工作任务(2项)\n"
        "1、单位地区生产总值能耗下降5.2%(牵头单位:区经济和信息化委、环保厅)。"
        "由金国兴总工负责,污染物排放总量控制处落实。\n"
        "2、继续抓好中南部水土流失治理工程。推进农村环境综合治理(牵头单位:区环保厅)。"
        "由鲁国会、郑忠安副厅长分别负责,环境监测处、环境影响评价处和农村环境监督管理处分别落实。\n"
    )
    assert roles(plan) == [
        [("区经济和信息化委", "lead"), ("区环保厅", "lead"), ("污染物排放总量控制处", "support")],
        [
            ("区环保厅", "lead"),
            ("环境监测处", "support"),
            ("环境影响评价处", "support"),
            ("农村环境监督管理处", "support"),
        ],
    ]
    assert [task.lead_official for task in plan.tasks] == ["金国兴总工", "鲁国会、郑忠安副厅长"]


def test_a_statement_closing_an_item_s_title_covers_the_item_s_words_after_it():
    """269: ``（三）道路交通安全专项整治，由公安、交通部门负责，有关部门配合。要继续加大…``; the
    shared 部门 completes 公安."""
    plan = parse_text(
        "(三)道路交通安全专项整治,由公安、交通部门负责,有关部门配合。要继续加大无证驾驶、疲劳驾车的整治力度,"
        "继续深化重点危化品道路运输安全整治。\n"
        "(四)公众聚集场所消防安全专项整治,由公安部门负责,有关部门配合。要坚决整治严重威胁公共安全的重大火灾隐患。\n"
    )
    assert roles(plan) == [
        [("公安部门", "lead"), ("交通部门", "lead"), ("有关部门", "support")],
        [("公安部门", "lead"), ("有关部门", "support")],
    ]
    assert "继续深化重点危化品道路运输安全整治" in plan.tasks[0].text
    assert "坚决整治严重威胁公共安全的重大火灾隐患" in plan.tasks[1].text


def test_a_list_names_bodies_after_clauses_of_purpose():
    """123 (State Council 2010): ``为大力支持…率先发展，发展改革委、…将负责支持建设…``."""
    plan = parse_text(
        "根据《分工方案》,为大力支持兰(州)白(银)核心经济区率先发展,发展改革委、工业和信息化部、交通运输部"
        "将负责支持建设兰(州)白(银)都市经济圈,积极推进兰州新区、白银工业集中区发展。\n"
    )
    assert roles(plan) == [
        [("发展改革委", "responsible"), ("工业和信息化部", "responsible"), ("交通运输部", "responsible")]
    ]
    assert "积极推进兰州新区" in plan.tasks[0].text


def test_a_duty_table_headed_by_a_group_word_one_cell_per_line():
    """275: ``相关部门`` / ``职责分工`` over a body's line and its duties' line, blank lines between."""
    plan = parse_text(
        "与相关部门的职责边界\n\n相关部门\n\n职责分工\n\n市卫生局\n\n"
        "负责组织制定突发公共卫生事件处理的方案;统一组织实施预防控制和应急医疗救治工作\n\n"
        "市教育局\n\n与卫生部门密切配合,组织实施各类学校的突发公共卫生事件控制措施\n"
    )
    assert roles(plan) == [[("市卫生局", "responsible")], [("市教育局", "responsible")]]


def test_rows_under_a_merged_body_cell_and_two_bodies_in_one_cell():
    """277 (Chongqing 2016): one cell per line with blank lines; row 4 names two governments on two
    lines, row 7 has no body cell (merged with row 6's)."""
    rows = [
        ("4", "长江", "寸滩", "水质保持或优于Ⅲ类。", "江北区人民政府", "南岸区人民政府"),
        ("6", "长江", "和尚山", "水质保持或优于Ⅲ类。", "九龙坡区人民政府"),
        ("7", "梁滩河", "童善桥", "超标污染物浓度较2015年下降25%以上。"),
    ]
    cells = ["序号", "考核河流", "考核断面", "年度考核目标", "责任单位"]
    plan = parse_text("\n\n".join(cells + [cell for row in rows for cell in row]) + "\n")
    assert roles(plan) == [
        [("江北区人民政府", "responsible"), ("南岸区人民政府", "responsible")],
        [("九龙坡区人民政府", "responsible")],
        [("九龙坡区人民政府", "responsible")],
    ]


def test_bodies_after_the_last_stop_of_a_row_written_on_a_line():
    """295 (Changshu 2018): ``1 地区生产总值增长7%以上. 发改委`` (the header is not in the text)."""
    plan = parse_text(
        "一、经济社会发展主要预期目标分解(11项)\n\n"
        "1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委\n\n"
        "7 全社会固定资产投资额550亿元,其中:工业技改投资增长10%. 发改委、经信委、科技局\n"
    )
    assert roles(plan) == [
        [("发改委", "responsible")],
        [("发改委", "responsible"), ("经信委", "responsible"), ("科技局", "responsible")],
    ]
    assert "47.1%" in plan.tasks[0].text


def test_open_tails_naming_the_organ_and_a_group_of_town_governments_and_offices():
    """297, 292, 283: ``等区政府有关部门`` and ``等国务院相关部门`` are dropped;
    ``各乡镇人民政府、街道办事处`` is one group."""
    plan = parse_text(
        "一、任务\n1.新培育科技型中小企业50家以上。(牵头单位:区科技局;配合单位:区经信局、区财政局等区政府有关部门,"
        "谯城经开区管委会、各乡镇人民政府、街道办事处)\n"
        "2.研究将财政资金直达机制实施中的好做法制度化。(财政部、银保监会等国务院相关部门负责)\n"
    )
    assert roles(plan) == [
        [
            ("区科技局", "lead"),
            ("区经信局", "support"),
            ("区财政局", "support"),
            ("谯城经开区管委会", "support"),
            ("各乡镇人民政府、街道办事处", "support"),
        ],
        [("财政部", "responsible"), ("银保监会", "responsible")],
    ]


def test_a_sentence_broken_by_a_stray_space_is_not_cut_into_a_title():
    """280 (Shejian 2018): ``①有的…，有的搬 迁后脱贫举措没跟上等。（牵头单位：…）`` is one item."""
    plan = parse_text(
        "(2)住房安全方面。\n"
        "①有的易地扶贫搬迁建房面积超标、贫困户负债较重,有的用易地扶贫搬迁政策替代危房改造,有的搬 "
        "迁后脱贫举措没跟上等。(牵头单位:扶贫办、村建所;责任单位:各村支部)\n"
    )
    assert roles(plan) == [[("扶贫办", "lead"), ("村建所", "lead"), ("各村支部", "support")]]
    assert plan.tasks[0].text.startswith("有的易地扶贫搬迁建房面积超标")


def test_a_bare_group_after_an_organ_s_group_shares_the_organ():
    """182 (Lingbi 2021): ``县政府有关部门、有关直属单位``: the units are the county government's."""
    plan = parse_text(
        "一、任务\n1.加强重大公共卫生安全风险源头防控。(牵头单位:县卫健委;配合单位:县政府有关部门、有关直属单位)\n"
    )
    assert roles(plan) == [
        [("县卫健委", "lead"), ("县政府有关部门", "support"), ("县政府有关直属单位", "support")]
    ]


def test_items_titled_by_a_field_s_departments_on_one_line():
    """254: ``（二）公安部门。…  （三）城管部门。…`` run together: each title names the item's body."""
    plan = parse_text(
        "[接上页] (三)城管部门。依法处置流浪乞讨人员随处涂画、乱扔垃圾等违反城市管理规定的行为。 "
        "(四)卫生部门。按照“先救治、后救助”的原则,做好流浪乞讨人员中危重病人、精神病人的救治工作。 "
        "(五)财政部门。按照上级文件精神和要求,做好流浪乞讨人员救助保护集中活动的经费保障工作。\n"
    )
    assert roles(plan) == [
        [("城管部门", "responsible")],
        [("卫生部门", "responsible")],
        [("财政部门", "responsible")],
    ]


def test_a_row_written_on_a_line_keeps_the_space_after_its_number():
    """306 (Shijiazhuang 2024): ``序号 涉及部门 职责分工`` then ``1 市公安局 负责…``."""
    plan = parse_text(
        "烟花爆竹安全监管\n序号 涉及部门 职责分工\n"
        "1 市公安局 负责烟花爆竹运输通行证发放和烟花爆竹运输路线确定工作\n"
        "4 市供销社 负责加强对本系统企业烟花爆竹经营活动的管理。\n"
    )
    assert roles(plan) == [[("市公安局", "responsible")], [("市供销社", "responsible")]]


def test_clauses_of_a_body_and_its_short_duty_and_a_duty_about_population():
    """318 (Nanning 2007) and 304 (Hubei 2010): ``市发改委负责项目立项工作；…管委会负责…``;
    ``省统计局负责人口普查的日常工作`` (负责 + 人口, not 负责人)."""
    plan = parse_text(
        "市发改委负责项目立项工作;市规划局负责新项目规划选址、项目总平工作;"
        "各城区政府、开发区管委会负责本辖区内项目的征地拆迁工作。\n"
        "省统计局负责人口普查的日常工作,并全面负责专业技术工作。\n"
    )
    assert roles(plan) == [
        [("市发改委", "responsible")],
        [("市规划局", "responsible")],
        [("各城区政府", "responsible"), ("开发区管委会", "responsible")],
        [("省统计局", "responsible")],
    ]
    assert "项目立项工作" in plan.tasks[0].text and "市规划局" not in plan.tasks[0].text


def test_towns_beside_a_group_of_them_title_their_items():
    """308: ``（五）南庄镇、各街道办事处`` over items that open with 配合."""
    plan = parse_text(
        "四、职责分工\n(五)南庄镇、各街道办事处\n1.做好组织发动工作,积极配合和参与区举办的各项群众体育活动。\n"
        "2.配合做好全民健身站(点)建设工作。\n"
    )
    assert [sorted(body for body, _ in task) for task in roles(plan)] == [["南庄镇", "各街道办事处"]] * 2


def test_places_responsible_beside_a_lead_and_a_tail_of_central_and_provincial_units():
    """313 (Dalian 2025) and 316 (Heilongjiang 2022): ``责任地区：…`` and ``等中省直各有关单位``."""
    plan = parse_text(
        "一、任务\n1.破除市场准入壁垒。(牵头单位:市发展改革委;责任地区:先导区管委会、各区市县政府)\n"
        "2.全面推行科研诚信承诺制。(牵头单位:省科技厅;责任单位:省教育厅、省卫生健康委等中省直各有关单位)\n"
    )
    assert roles(plan) == [
        [("市发展改革委", "lead"), ("先导区管委会", "support"), ("各区市县政府", "support")],
        [("省科技厅", "lead"), ("省教育厅", "support"), ("省卫生健康委", "support")],
    ]


def test_a_table_whose_rows_and_cells_ran_together_on_one_line():
    """266 (Jiaxing 2006): a preview of a .docx table lost every separator; the header's labels give
    the columns (第一责任单位 leads, 主要责任单位 supports), names run on start new cells."""
    plan = parse_text(
        "—1—《嘉兴市国民经济和社会发展第十一个五年规划纲要》主要目标任务分解落实方案工作重点序号主要工作任务"
        "第一责任单位主要责任单位一、主要发展指标1地区生产总值年均增长12%左右,人均生产总值达到6万元左右。"
        "市发展改革委各县(市、区)政府、嘉兴经济开发区、嘉兴港区2服务业增加值占生产总值比重达到40%。"
        "市发展改革委各县(市、区)政府、嘉兴港区3单位生产总值综合能耗下降20%。"
        "市发展改革委市经贸委市规划建设局、市统计局,各县(市、区)政府\n"
    )
    assert roles(plan) == [
        [
            ("市发展改革委", "lead"),
            ("各县(市、区)政府", "support"),
            ("嘉兴经济开发区", "support"),
            ("嘉兴港区", "support"),
        ],
        [("市发展改革委", "lead"), ("各县(市、区)政府", "support"), ("嘉兴港区", "support")],
        [
            ("市发展改革委", "lead"),
            ("市经贸委", "lead"),
            ("市规划建设局", "support"),
            ("市统计局", "support"),
            ("各县(市、区)政府", "support"),
        ],
    ]
    assert plan.tasks[0].text.startswith("地区生产总值年均增长12%左右")
    assert "6万元" in plan.tasks[0].text  # a figure inside the text is no row's number


def test_names_run_together_are_cut_where_a_zone_town_or_company_follows_another_body():
    """281 (Zhonglou 2021): ``…4580个。何海平教育局经开区高新园(邹区镇)各街道市国有公司2…`` — a zone's
    short name (经开区, 高新园) is a name of its own, and a bureau's, a zone's, a street's or a company's
    name before another zone, street or company is cut from it (晋陵公司轨道公司, 五星街道南大街街道)."""
    plan = parse_text(
        "序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给实施新建、改扩建学校重点建设项目"
        "12个,计划竣工3个。何海平教育局经开区高新园(邹区镇)各街道市国有公司2促进就业稳定增长落实就业优先战略。"
        "全区城镇新增就业15000人。何海平人社局高新园(邹区镇)各街道3老城厢复兴发展完成瞿秋白纪念馆整体提升工程"
        "对外开放。芮春祥住建局五星街道南大街街道荷花池街道4优化养老服务为全区23000名老年人提供居家上门服务。"
        "张菁民政局晋陵公司轨道公司\n"
    )
    assert roles(plan) == [
        [
            ("教育局", "lead"),
            ("经开区", "support"),
            ("高新园(邹区镇)", "support"),
            ("各街道", "support"),
            ("市国有公司", "support"),
        ],
        [("人社局", "lead"), ("高新园(邹区镇)", "support"), ("各街道", "support")],
        [("住建局", "lead"), ("五星街道", "support"), ("南大街街道", "support"), ("荷花池街道", "support")],
        [("民政局", "lead"), ("晋陵公司", "support"), ("轨道公司", "support")],
    ]
    assert [task.lead_official for task in plan.tasks] == ["何海平", "何海平", "芮春祥", "张菁"]


def test_a_news_report_citing_the_document_before_the_bodies():
    """190 (news, 2021): ``《意见》规定，生态环境部、…等按职责分工负责，12月底前完成“…”的任务。``"""
    plan = parse_text(
        "《意见》规定,生态环境部、国家发展改革委、科技部、中国气象局等按职责分工负责,"
        "12月底前完成“强化大气污染综合治理和联防联控,加强细颗粒物和臭氧协同控制”的任务。\n"
    )
    assert roles(plan) == [
        [(body, "responsible") for body in ("生态环境部", "国家发展改革委", "科技部", "中国气象局")]
    ]
    assert "强化大气污染综合治理" in plan.tasks[0].text


def test_a_group_does_not_swallow_a_named_place_after_it():
    """259 (Guilin 2011): ``各县、雁山区`` are two; 68 (Guizhou 2026): ``各市〔州〕、贵安新区数据管理部门``
    shares its suffix and stays one group."""
    plan = parse_text(
        "一、任务\n1.培训农村实用人才。(牵头单位:市农业局;配合单位:市人社局、各县、雁山区)\n"
        "2.集聚华为云生态企业。(责任单位:省大数据局、各市〔州〕、贵安新区数据管理部门)\n"
    )
    assert [[body for body, _ in task] for task in roles(plan)] == [
        ["市农业局", "市人社局", "各县", "雁山区"],
        ["省大数据局", "各市〔州〕、贵安新区数据管理部门"],
    ]


def test_a_page_title_naming_the_body_of_the_items_without_annotations():
    """336 (Haimen 2020): ``教育体育局2020年为民办实事`` over numbered items that name no body."""
    plan = parse_text(
        "教育体育局2020年为民办实事\n来源: 教育体育局 发布时间:2020-03-02\n\n"
        "1.实施校舍安全工程,完成加固校舍3.03万平方米,开工新建校舍5959平方米。\n\n"
        "2.完成东洲幼儿园改扩建项目,开工建设月亮湾幼儿园扩建工程;新建成3所幼儿园。\n"
    )
    assert roles(plan) == [[("教育体育局", "responsible")]] * 2


def test_a_title_naming_the_body_leaves_annotated_items_to_their_annotations():
    """The title's body covers only items that name none of their own."""
    plan = parse_text(
        "市住建局2024年重点工作\n1.推进城市更新行动,完成老旧小区改造20个。(牵头单位:市城管局)\n"
        "2.新建保障性租赁住房1000套,完成棚户区改造任务。\n"
    )
    assert roles(plan) == [[("市城管局", "lead")], [("市住建局", "responsible")]]


def test_a_run_on_table_whose_cells_state_the_roles():
    """301 (Yunnan 2022): ``…。A、B牵头;C、D配合;各州(市)党委和政府落实22根据…`` with no separator
    before the next row's number."""
    plan = parse_text(
        "序号工作任务责任单位21树立婚育新风。充分发挥传统媒体和新媒体作用。省委宣传部、省民政厅牵头;"
        "省总工会、团省委配合;各州(市)党委和政府落实22根据经济社会发展水平等因素,实行特别扶助制度扶助标准"
        "动态调整机制。省财政厅、省卫生健康委牵头;省优化生育政策工作部门联席会议成员单位配合;"
        "各州(市)党委和政府落实23未纳人低保等困难人群范围的计划生育特殊家庭,住院治疗医疗费用按基本医保、"
        "大病保险政策报销后,个\n"
    )
    assert [sorted(task) for task in roles(plan)] == [
        sorted(
            [
                ("省委宣传部", "lead"),
                ("省民政厅", "lead"),
                ("省总工会", "support"),
                ("团省委", "support"),
                ("各州(市)党委和政府", "support"),
            ]
        ),
        sorted(
            [
                ("省财政厅", "lead"),
                ("省卫生健康委", "lead"),
                ("省优化生育政策工作部门联席会议成员单位", "support"),
                ("各州(市)党委和政府", "support"),
            ]
        ),
    ]


def test_a_row_numbered_in_chinese_opens_the_next_merged_cell_of_bodies():
    """242 (Xinjian 2024): ``一 |`` / ``区住建局 |`` …, then ``二 |`` / ``区城管局 |``: the second lead
    cell covers the rows after it, though the table's owner column also holds bodies."""
    plan = parse_text(
        "序号 |\n牵头单位 |\n区民生实事项目数量 |\n项目名称 |\n业主单位 |\n本月进展情况 |\n"
        "一 |\n区住建局 |\n区政府民生实事项目(1个) |\n(一)“打通断头路 畅通微循环”攻坚专项行动(6条路) |\n"
        "二 |\n区城管局 |\n区政府民生实事项目(3个) |\n"
        "(一)城区居民户内燃气安全装置、非居瓶改管、气改电项目 |\n"
    )
    leads = {
        task.text: [b for b, r in roles_ if r == "lead"]
        for task, roles_ in zip(plan.tasks, roles(plan), strict=True)
    }
    assert leads["城区居民户内燃气安全装置、非居瓶改管、气改电项目"] == ["区城管局"]
    assert "二" not in leads


def test_a_label_closed_by_a_full_stop_names_the_bodies_after_it():
    """294 (降成本减负担实施方案): ``责任主体。市编办、市法制办。执行对象。…执行时间。…`` — the label is a
    sentence of its own; the sentences after its names that are no label are not read as bodies."""
    plan = parse_text(
        "一、降低制度性交易成本\n"
        "1.开展政府权力清单、责任清单优化提升试点，建立动态调整机制。责任主体。市编办、市法制办。执行对象。"
        "市各相关部门。工作流程。市编办、市法制办制定方案，启动试点。执行时间。每年定期开展动态调整。\n"
        "2.明确责任单位。加强督查。\n"
    )
    assert roles(plan)[0] == [("市编办", "responsible"), ("市法制办", "responsible")]
    assert plan.tasks[0].deadline == "每年定期开展动态调整"
    assert [a.body for a in plan.assignments] == ["市编办", "市法制办"]  # 明确责任单位。 names no body


def test_a_count_of_the_bodies_left_unnamed_is_a_tail():
    """235 (news, 2018): ``生态环境部、国家发展改革委、科技部等14部门按照职责分工负责``."""
    plan = parse_text(
        "对于健全生态文明体制，《意见》明确提出，生态环境部、国家发展改革委、科技部等14部门按照职责分工负责。\n"
    )
    assert roles(plan) == [
        [("生态环境部", "responsible"), ("国家发展改革委", "responsible"), ("科技部", "responsible")]
    ]
