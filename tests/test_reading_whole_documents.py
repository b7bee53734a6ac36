"""Reading whole documents: the parts a plan has around its tasks change nothing in them.

Most documents of the corpus are excerpts cut to their tasks. A whole document also has a covering
notice, top-level sections before and after the tasks (一、总体要求 … 三、保障措施), attachments
(附件1) and a copy list. Each test puts rows or items of a corpus document (file named) in such a
frame, written the way plans write it; the expected bodies are what a reader finds.
"""

from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


#: Two rows of 238 (泗洲头镇 2024): a table written one cell per line, blank lines between cells.
TABLE_238 = "\n\n".join(
    [
        "序号",
        "重点工作",
        "责任",
        "领导",
        "责任",
        "科室",
        "攻坚目标",
        "任务",
        "1",
        "白仙山水库工程政策处理",
        "欧乾震",
        "白仙山水库工程政策处理工作领导小组",
        "完成项目政策处理工作,推进大坝、溢洪道、引水隧洞及配套设施建设。",
        "2",
        "现代化美丽城镇",
        "吴宇凡",
        "乡村振兴办",
        "成功创建首批浙江省美丽城镇。",
    ]
)
ROWS_238 = [
    [("白仙山水库工程政策处理工作领导小组", "responsible")],
    [("乡村振兴办", "responsible")],
]


def test_a_table_one_cell_a_line_after_a_top_level_heading():
    """After 一、 the running text joins lines a page break cut; a table's header (序号 alone on its
    line) ends that, so the cells stay cells. 乡村振兴办 is an office (not the verb 兴办), 美丽城镇 a
    programme (not a township)."""
    plan = parse_text("一、重点工作安排\n\n" + TABLE_238)
    assert roles(plan) == ROWS_238
    assert [task.lead_official for task in plan.tasks] == ["欧乾震", "吴宇凡"]


def test_an_attachment_line_ends_the_running_text():
    plan = parse_text("一、总体要求\n坚持以人民为中心的发展思想，\n\n附件1\n\n" + TABLE_238)
    assert roles(plan) == ROWS_238


def test_the_heading_after_a_tables_last_row_is_no_cell_of_it():
    """277 (Chongqing 2016): the last row's cells end where 三、保障措施 begins. The row, its body
    cell cut from the page, takes the cell of the row above as a merged cell; 保障措施 is no body."""
    header = ["序号", "考核河流", "考核断面", "年度考核目标", "责任单位"]
    first = ["1", "嘉陵江", "大溪沟", "水质保持或优于Ⅲ类。", "渝中区人民政府"]
    table = "\n\n".join([*header, *first, "2", "长江", "丰收坝", "水质保持或优于Ⅲ类。"])
    plan = parse_text(
        "一、重点工作考核目标表\n\n（一）地表水考核目标表。\n\n"
        + table
        + "\n三、保障措施\n（一）加强组织领导。各地各部门要高度重视，确保各项任务落到实处。\n"
    )
    assert roles(plan) == [[("渝中区人民政府", "responsible")], [("渝中区人民政府", "responsible")]]


def test_a_merged_lead_cell_ends_at_the_next_top_level_heading():
    """140 (Changsha 2012): 市发改委, written once down the lead column, leads the rows after it, not
    the items of the section that follows the table."""
    plan = parse_text(
        "牵头单位\n| 目 标 任 务\n| 责 任 单 位\n|\n"
        "市\n发\n改\n委\n| 地区生产总值增长13%\n| 统计局和市直相关单位、各区县市、各园区\n|\n"
        "三、保障措施\n（一）强化督查考核。市政府督查室要加强跟踪督办，定期通报进展情况。\n"
    )
    assert roles(plan) == [
        [
            ("市发改委", "lead"),
            ("统计局", "support"),
            ("市直相关单位", "support"),
            ("各区县市", "support"),
            ("各园区", "support"),
        ]
    ]


def test_a_title_naming_a_body_is_read_whole():
    """336 (Haimen 2020): the title names the body of every item. 150 (Lishan 2023): the title is
    broken over two lines (立山区政府2023年重点工作 / 任务分解和责任分工方案) and names the issuer of
    a division of work, not the body of its items: 保障措施 items get no body."""
    plan = parse_text("教育体育局2020年为民办实事\n\n1.实施校舍安全工程。\n\n2.开工建设新城小学。\n")
    assert roles(plan) == [[("教育体育局", "responsible")], [("教育体育局", "responsible")]]
    plan = parse_text(
        "立山区政府2023年重点工作\n\n任务分解和责任分工方案\n\n"
        "一、经济社会发展的主要预期目标\n\n1.努力实现地区生产总值增长6.2%左右。\n\n牵头单位:区发改局\n\n"
        "责任单位:立山经济开发区,全区经济运行各专班\n\n"
        "二、保障措施\n（一）加强组织领导。各地各部门要高度重视，确保各项任务落到实处。\n"
    )
    assert roles(plan) == [
        [("区发改局", "lead"), ("立山经济开发区", "support"), ("全区经济运行各专班", "support")]
    ]


def test_a_remark_after_an_items_bracket_does_not_swallow_the_next_item():
    """575 (Anshun 2019): ``…（责任单位：…）该件实事已全面完成`` then ``1.减少…``: the line before ends in
    no stop, but ``1.`` opens an item (a page mark that breaks a sentence is never the first); the
    item's title is a sentence, its own text; 〈〉 set off a qualifier as （） do."""
    plan = parse_text(
        "一、减少农村扶贫对象6.76万人;实施易地扶贫搬迁18695人,其中贫困人口14861人。"
        "(责任单位:市扶贫办、市移民局,各县区政府〈管委会〉)该件实事已全面完成\n"
        "1.减少农村扶贫对象6.76万人(责任单位:市扶贫办,各县区)\n"
        "此项工作已完成。\n"
    )
    assert [task.text[:13] for task in plan.tasks] == ["减少农村扶贫对象6.76万", "减少农村扶贫对象6.76万"]
    assert roles(plan) == [
        [("市扶贫办", "responsible"), ("市移民局", "responsible"), ("各县区政府（管委会）", "responsible")],
        [("市扶贫办", "responsible"), ("各县区", "responsible")],
    ]


def test_a_closing_line_is_a_row_of_the_lexicon():
    """What closes the running text is data: a plan whose table follows ``附录`` reads it once a
    ``closing`` row names that word."""
    text = "一、总体要求\n坚持以人民为中心的发展思想，\n\n附录\n\n" + TABLE_238.replace("序号\n\n", "")
    assert roles(parse_text(text)) != ROWS_238
    lexicon = Lexicon.default().with_rows([{"kind": "closing", "entry": "附录$"}])
    assert roles(parse_text(text, lexicon=lexicon)) == ROWS_238


def test_a_text_rewrapped_at_a_fixed_width_is_joined_again():
    """02 (Huanggang 2007) as a PDF's text gives it: every line cut at 35 characters, items and
    annotations broken anywhere (a heading's bracket, a list of bodies before a name's rest)."""
    plan = parse_text(
        "一、2007年全市经济社会发展的主要预期目标\n"
        "1、全市GDP增长10%以上(由市发展改革委、经委、农办、农业局、商务\n"
        "局、旅游局、统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门\n"
        "牵头负责。下同)。\n"
        "2、全社会固定资产投资增长20%以上(由市发展改革委、统计局负责)。\n"
        "3、社会消费品零售总额增长12%以上(由市发展改革委、经委、商务局、统\n"
        "计局负责)。\n"
        "4、规范政府举债行为,严格控制增量,积极消化存量,依法处置隐性债务。牵\n"
        "头单位:市财政局;责任单位:市发改委、市经信委、市审计局、市国资委、市\n"
        "政府金融办,人行黄冈中心支行等,各县市区政府。\n"
    )
    assert [[a.body for a in plan.assignments_of(task.task_id)] for task in plan.tasks] == [
        ["市发展改革委", "市经委", "市农办", "市农业局", "市商务局", "市旅游局", "市统计局"],
        ["市发展改革委", "市统计局"],
        ["市发展改革委", "市经委", "市商务局", "市统计局"],
        [
            "市财政局",
            "市发改委",
            "市经信委",
            "市审计局",
            "市国资委",
            "市政府金融办",
            "人行黄冈中心支行",
            "各县市区政府",
        ],
    ]


def test_a_web_pages_footer_is_not_read():
    """A page saved from a government site ends with its footer: the site's owners, its
    registration number, print buttons. 460 (Lianjiang 2021) shows why only a footer's lines go:
    ``主办单位:…,协办单位:…`` right above it is the last task's annotation."""
    task = "(7)综合提升816南北路街区。对816南北路开展人行道改造提升。\n\n"
    task += "主办单位:住建局、榕发公司,协办单位:凤城镇。\n"
    footers = [
        "\n【打印本页】【关闭窗口】\n主办单位：长沙市人民政府办公厅　承办单位：长沙市数据资源局\n"
        "网站标识码：4301000001　湘ICP备05000001号\n",
        "\n主办单位：长沙市人民政府办公厅　承办单位：长沙市数据资源局\n网站标识码：4301000001\n",
        "\n版权所有：长沙市人民政府　技术支持：长沙市大数据中心\n主办：长沙市人民政府办公厅\n",
    ]
    for footer in footers:
        plan = parse_text(task + footer)
        assert roles(plan) == [[("住建局", "lead"), ("榕发公司", "lead"), ("凤城镇", "support")]]
        assert "page-furniture" in {issue.kind for issue in plan.issues}


def test_a_table_copied_as_tab_separated_rows():
    """593 (Taishan) as a word processor copies its table: cells separated by tabs."""
    plan = parse_text(
        "工作要求\t工作任务\t具体要求\t责任单位\n"
        "一、优化政务公开工作基础\t(一)深化规范性文件集中公开。\t1.逐步推进本地区行政规范性文件库建设。"
        "\t市政府办公室、市司法局\n"
        "(二)持续推进基层政务公开标准化规范化。\t2.持续推动政府信息主动公开目录的动态更新调整。\t市有关单位\n"
        "4.加大惠民惠农资金发放信息公开力度。\t市财政局牵头,市有关单位、各镇(街)按职能分工落实\n"
    )
    assert roles(plan) == [
        [("市政府办公室", "responsible"), ("市司法局", "responsible")],
        [("市有关单位", "responsible")],
        [("市财政局", "lead"), ("市有关单位", "support"), ("各镇(街)", "support")],
    ]
    assert "tab-cells" in {issue.kind for issue in plan.issues}


def test_a_tables_header_run_on_at_the_end_of_the_notice():
    """295 (Changshu 2018): the notice, the attachment's title and the header run on in one line;
    the only body column is 牵头责任单位, so each row's body leads."""
    plan = parse_text(
        "各地、各部门主要负责人作为承担工作任务的第一责任人,要切实加强组织领导,抓好工作落实. "
        "附件:常熟市2018年政府工作任务分解表 常熟市人民政府办公室 2018年2月24日 "
        "常熟市2018年政府工作任务分解表 "
        "序号 名称 工作任务 牵头责任单位\n\n"
        "一、经济社会发展主要预期目标分解(11项)\n\n"
        "1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委\n\n"
        "2 一般公共预算收入增长8%以上. 财政局\n"
    )
    assert roles(plan) == [[("发改委", "lead")], [("财政局", "lead")]]
