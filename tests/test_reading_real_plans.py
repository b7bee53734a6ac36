"""Reading real plans: forms met in real documents, the lexicon as data, nothing lost silently, and
the parser scored against the corpus of real documents in ``tests/corpus``.

The excerpts below are taken from documents of the corpus (file named in each test); the expected
bodies and roles are what a reader finds in them.
"""

import csv
import io
import json
from pathlib import Path

import pytest

from hbey_graph import load_plan
from hbey_graph.cli import main
from hbey_graph.evaluation import GoldTask, document_scores, score_plan, summary
from hbey_graph.extract.annotation import StatementReader
from hbey_graph.extract.bodies import body_strength
from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.extract.parser import parse_text
from hbey_graph.extract.text import fields_joined, split_paragraphs

CORPUS = Path(__file__).parent / "corpus"


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


def kinds(plan, *wanted):
    return [(issue.line, issue.kind) for issue in plan.issues if issue.kind in wanted]


# --- the corpus -------------------------------------------------------------------------------------


def test_corpus_of_real_plans_scores_at_the_targets_on_the_documents_before_file_1200():
    """Scores against the hand-made gold (the README quotes them).

    Body F1 0.97, task recall 0.97 and lead accuracy 0.95 hold on the 474 documents before file 1200
    (files 720-1170 were added after a first reading, see the corpus README). One document is
    refused (file 800, a project-investment table run together with its figures and a sharing
    site's page marks), so "none refused" does not hold; the guard allows that one and no more.
    Files 1200-1301 (37 documents), 1320-1390 (33), 1400-1465 (16), 1480-1525 (18), 1540-1566 (17),
    1580-1606 (13), 1620-1748 (62), 1760-1820 (12), 1840-1883 (20), 1900-1942 (25) and 1960-1990 (15)
    were read after the rules and scored before any rule changed for them (body F1 0.830, 0.545,
    0.906, 0.625, 0.727, 0.917, 0.741, 0.649, 0.805, 0.777 and 0.817 then); with them the corpus is
    below the targets, and the guard holds the whole corpus at what it reads now.
    """
    scores = document_scores(CORPUS / "gold.json")
    earlier = scores[scores.file.str.split("_").str[0].astype(int) < 1200]
    first = summary(earlier).set_index("group").loc["all"]
    assert first.documents == 474
    assert first.refused <= 1
    assert first.task_recall >= 0.97
    assert first.body_f1 >= 0.97
    assert first.lead_accuracy >= 0.95
    overall = summary(scores).set_index("group").loc["all"]
    assert overall.documents >= 742
    assert overall.refused <= 13
    assert overall.task_recall >= 0.949
    assert overall.body_f1 >= 0.945
    assert overall.lead_accuracy >= 0.934


# --- forms met in real documents ---------------------------------------------------------------------


def test_a_clause_closing_each_target_names_its_body_with_wei():
    """1263 (a district's 2021 targets): each target line ends with a clause ``责任单位为X；``."""
    plan = parse_text(
        "一、8项区人代会考核指标设置情况\n"
        "人均地区生产总值:增长6%左右(依据区人代会GDP目标8.5%增速以及常住人口预计增长情况进行设置),"
        "责任单位为区发改委;\n"
        "规模以上工业增加值:增长8%(依据区人代会目标设置,高于省、市7.5%平均水平),责任单位为区经信局;\n"
    )
    assert roles(plan) == [[("区发改委", "responsible")], [("区经信局", "responsible")]]
    assert "依据区人代会目标设置" in plan.tasks[1].text


def test_clauses_of_one_sentence_each_giving_a_topic_and_its_lead():
    """1297 (Harbin 2012, traditional): one sentence chains ``<topic>由A牵头`` clauses and closes with
    ``相关成员单位配合``, which every topic shares."""
    plan = parse_text(
        "各部門、各單位將本著“誰發證、誰監管”的原則,查處取締“黑網吧”由市工商局牽頭,"
        "查處取締“黑歌廳”由市文化和新聞出版局牽頭,查處取締“黑旅店”由市公安局牽頭,相關成員單位配合。\n"
    )
    assert roles(plan) == [
        [(lead, "lead"), ("相关成员单位", "support")]
        for lead in ("市工商局", "市文化和新闻出版局", "市公安局")
    ]
    assert [task.text.split("，")[-1] for task in plan.tasks] == [
        "查处取缔“黑网吧”",
        "查处取缔“黑歌厅”",
        "查处取缔“黑旅店”",
    ]


def test_a_word_and_colon_heading_a_role_sentence():
    """1262 (Pingli): each problem is followed by ``整改要求:由X负责…``; the word before the colon
    says what the sentence is, and the sentence names who does it."""
    plan = parse_text(
        "1、西大桥西侧河边堤岸警示牌沿线有垃圾死角和建筑垃圾。\n"
        "整改要求:由县环卫站负责清除上述地段垃圾死角和建筑垃圾。\n"
        "4、迎宾大道南侧沿线部分居户旱厕外露。\n"
        "整改要求:由城关镇负责按照国家卫生县城复审的要求,对城乡接合部旱厕分布进行调查摸底。\n"
    )
    assert roles(plan) == [[("县环卫站", "responsible")], [("城关镇", "responsible")]]
    assert [task.heading for task in plan.tasks] == [
        "西大桥西侧河边堤岸警示牌沿线有垃圾死角和建筑垃圾",
        "迎宾大道南侧沿线部分居户旱厕外露",
    ]


def test_angle_brackets_inside_a_name_and_a_principle_that_is_no_body():
    """1233 (Yunfu 2019): a group written with angle brackets (``各县<市、区>人民政府``) under a stated
    first-is-lead rule; ``坚持政府主导`` in the text is a principle, not a body leading."""
    plan = parse_text(
        "(一)健全管理体制。建立完善市统筹,县级政府为主,镇(街道)参与的学前教育管理体制。落实各级政府责任,"
        "坚持政府主导、社会参与、公办民办并举。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n"
    )
    assert roles(plan) == [
        [("市教育局", "lead"), ("市委农办", "support"), ("各县（市、区）人民政府", "support")]
    ]


def test_a_military_sub_district_in_a_list_of_members_duties():
    """1293 (Panjin): members' duties, each line opening with the body; 军分区 ends a body's name."""
    plan = parse_text(
        "市卫生局负责灾区的医疗救援和食品与饮用水卫生监督管理工作。\n"
        "盘锦军分区负责组织指挥所属民兵、预备役部队参加抢险救灾和灾后重建工作。\n"
    )
    assert roles(plan) == [[("市卫生局", "responsible")], [("盘锦军分区", "responsible")]]


def test_a_table_whose_columns_are_set_apart_by_runs_of_spaces():
    """1382 (Harbin 2024, a newspaper's table): a header of spaced cells naming 责任单位 over rows
    whose cells only runs of spaces set apart; each row is a task with its own body."""
    plan = parse_text(
        "  地点                                                设施问题                       责任单位\n"
        "\n"
        "  道里区新阳路与通达街区域    箱体脏污、破损    联通公司道里分站\n"
        "  道外区先锋路与宏伟路区域    箱体底板缺失、线体混乱  联通公司道外分站\n"
        "  南岗区征仪路沿线        箱体锈蚀、破损    元申广电南岗分站\n"
    )
    assert roles(plan) == [
        [("联通公司道里分站", "responsible")],
        [("联通公司道外分站", "responsible")],
        [("元申广电南岗分站", "responsible")],
    ]
    assert "spaced-cells" in {issue.kind for issue in plan.issues}


def test_lines_without_numbers_naming_the_body_of_the_items_after_each():
    """1351 (Liangping 2020): under one heading, each office's line ``区政协X的主要职责为:`` opens its
    numbered duties; the last item before the next such line is a task of the first office."""
    plan = parse_text(
        "一、单位基本情况\n"
        "区政协办公室的主要职责为:\n"
        "1.负责区政协全体会议、常务委员会议、主席会议及其他重要会议、活动的筹备和服务工作。\n"
        "2.完成区政协领导交办的其他工作。\n"
        "区政协提案联络委员会的主要职责为:\n"
        "1.负责政协提案的征集、审查、立案工作,提出重点提案建议方案。\n"
        "2.负责政协委员和常务委员会、专委会组成人员的协商推荐、选举和任免工作。\n"
    )
    office, committee = [("区政协办公室", "responsible")], [("区政协提案联络委员会", "responsible")]
    assert roles(plan) == [office, office, committee, committee]


def test_the_body_that_puts_a_problem_right_and_the_one_that_supervises():
    """1384 (Xianning 2017): each problem closes with ``(主体责任:X,监督责任:Y)``; both answer for it."""
    plan = parse_text(
        "● 星悦公馆背后建筑工地大量生活、建筑垃圾堆积,无人管理。\n"
        "(主体责任:星悦公馆,监督责任:市住建委)\n"
        "● 城区内各大药店、药房电子滚动屏幕无巩固“创卫”成果宣传标语。\n"
        "(主体责任:各大药店,监督责任:市食药监局)\n"
    )
    assert roles(plan) == [
        [("星悦公馆", "responsible"), ("市住建委", "responsible")],
        [("各大药店", "responsible"), ("市食药监局", "responsible")],
    ]


def test_offices_set_apart_from_their_duties_by_a_space():
    """1292 (Suzhou 2012): a general office's divisions, each name opening its line and set apart from
    its duties by a space, with no colon (``行政处 负责…``)."""
    plan = parse_text(
        "现将调整后的职能通知如下:\n"
        "秘书处(组织人事处) 负责文电收发、登记、传递、分办和催办工作;审核出具介绍信。\n"
        "行政处 负责市政府领导出席重要活动的协调服务工作;负责本机关安全保卫工作。\n"
        "综合一处 负责办理工业经济、信息化、科技、知识产权、质监、供电等方面的文电、会务和督查调研工作。\n"
    )
    assert roles(plan) == [
        [("秘书处(组织人事处)", "responsible")],
        [("行政处", "responsible")],
        [("综合一处", "responsible")],
    ]


def test_item_opening_with_responsible_and_supporting_bodies():
    """160 (Fujian 2010): ``A负责，B、C配合，<task>`` opens each item; A leads the bodies that support."""
    plan = parse_text(
        "一、治理畜牧业产品污染\n"
        "10.省经贸委负责,省财政厅配合,开展全省“放心肉”服务体系建设试点工作,重点建设全省屠宰监管技术支撑系统。\n"
        "11.省质监局、省工商局负责,省农业厅、福建出入境检验检疫局配合,抓好肉制品加工企业和肉品冷藏企业的监管。\n"
        "12.省农业厅负责,开展农产品产地环境监控,继续对全省已建立的18个农业生态环境监测点开展监测。\n"
    )
    assert [task.text[:8] for task in plan.tasks] == [
        "开展全省“放心肉",
        "抓好肉制品加工企",
        "开展农产品产地环",
    ]
    assert roles(plan) == [
        [("省经贸委", "lead"), ("省财政厅", "support")],
        [
            ("省质监局", "lead"),
            ("省工商局", "lead"),
            ("省农业厅", "support"),
            ("福建出入境检验检疫局", "support"),
        ],
        [("省农业厅", "responsible")],
    ]


def test_section_statement_before_the_sections_own_text():
    """162 (Fujian): ``由A承办，B、C协办。`` after a heading; the targets after it are the section's task."""
    plan = parse_text(
        "一、治理畜牧业产品污染\n"
        "由省经贸委承办,省农业厅、卫生厅协办。治理工作目标:上市猪、牛、羊肉主要卫生指标抽检合格率均达95%以上。主要措施:\n"
        "(一)由省经贸委负责,省农业厅配合,加快省级无公害畜禽基地建设,确定一批省级规模生猪无公害基地。\n"
    )
    assert [task.text[:6] for task in plan.tasks] == ["治理工作目标", "加快省级无公"]
    assert plan.tasks[0].heading == "治理畜牧业产品污染"
    assert roles(plan) == [
        [("省经贸委", "lead"), ("省农业厅", "support"), ("省卫生厅", "support")],
        [("省经贸委", "lead"), ("省农业厅", "support")],
    ]


def test_statement_line_closes_every_paragraph_before_it_that_has_none():
    """163 (Hubei): a dash line after several paragraphs covers them all; 会同: the bodies before lead."""
    plan = parse_text(
        "挖掘农业增收潜力,增加非农产业收入,完善增收减负政策,促进农民持续增收。\n"
        "加强村庄建设规划和管理,明显改善农村面貌。继续推进农村公路建设。\n"
        "--由省农业厅、省住建厅会同有关部门和各市(州)组织落实。\n"
        "总结鄂州城乡一体化试点经验,支持仙桃市、洪湖市开展城乡一体化扩大试点。\n"
        "--由省委财经办(省委农办)会同有关部门和各市(州)组织落实。\n"
    )
    first = [("省农业厅", "lead"), ("省住建厅", "lead"), ("有关部门", "support"), ("各市(州)", "support")]
    assert roles(plan) == [
        first,
        first,
        [("省委财经办(省委农办)", "lead"), ("有关部门", "support"), ("各市(州)", "support")],
    ]


def test_annotation_after_sub_items_covers_each_of_them():
    """197 (Yuncheng 2017): one 责任单位 line after sub-measures (1)-(3) of an item."""
    plan = parse_text(
        "(一)“一案三制”建设\n"
        "1.完善应急预案体系\n"
        "(1)加强应急预案管理,规范应急预案编制、审批、发布、备案、修订和评估工作。\n"
        "(2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案。\n"
        "(3)加强应急预案演练,完善演练管理制度,推进“双盲”演练。\n"
        "(责任单位:市直各有关单位、各县(市、区)人民政府)\n"
        "2.完善应急管理体制\n"
        "(1)健全应急管理组织体系,完善应急管理机构设置。(责任单位:市应急办)\n"
    )
    bodies = [("市直各有关单位", "responsible"), ("各县(市、区)人民政府", "responsible")]
    assert roles(plan) == [bodies, bodies, bodies, [("市应急办", "responsible")]]
    assert [task.heading for task in plan.tasks][:3] == ["完善应急预案体系"] * 3


def test_statement_after_the_topic_of_a_sentence():
    """117 (Wenshan 2016): ``X由A牵头，B配合在6月底前提出…`` in the middle of running text."""
    plan = parse_text(
        "一、切实推进重大项目建设\n"
        "全力争取中央、省专项建设资金。州属各部门预算内专项资金由专项资金项目主管部门牵头,财政部门配合在6月底前"
        "提出具体资金分配计划和项目实施目标报州人民政府审定。\n"
    )
    assert roles(plan) == [[("专项资金项目主管部门", "lead"), ("财政部门", "support")]]
    assert plan.tasks[0].text.startswith("在6月底前提出具体资金分配计划")


def test_deadline_clause_after_the_bodies_and_a_verb_naming_who_acts():
    """190 (a 2021 report of the State Council's division of work): bodies, 按职责分工负责, a deadline."""
    plan = parse_text(
        "其中,在提到“进一步清理用电不合理加价,继续推动降低一般工商业电价”时,《意见》明确,"
        "由国家发展改革委、国家能源局、财政部等按职责分工负责,12月底前完成。\n"
        "针对“促进生产生活方式绿色转型”,《意见》要求国家发展改革委、生态环境部等按职责分工负责,年内持续推进。\n"
    )
    assert roles(plan) == [
        [("国家发展改革委", "responsible"), ("国家能源局", "responsible"), ("财政部", "responsible")],
        [("国家发展改革委", "responsible"), ("生态环境部", "responsible")],
    ]
    assert [task.deadline for task in plan.tasks] == ["12月底前完成", "年内持续推进"]


def test_heading_naming_the_lead_with_a_count_of_its_items():
    """183 (Qin county 2025): ``一、县示范区管委会牵头工作(8项)`` over items with no annotation; an
    earlier 一、 of the notice is another section, and 牵头单位 there is a role, not a body."""
    plan = parse_text(
        "一、协同破题,联动增效。针对跨单位任务,由牵头单位发挥统筹协调作用,协同单位积极配合。\n"
        "附件1\n"
        "一、县示范区管委会牵头工作(8项)\n"
        "1.投资3000万元建设南美白对虾工厂化循环水养殖基地。\n"
        "2.打造食用菌酵素生产基地。\n"
    )
    assert [task.text for task in plan.tasks] == [
        "投资3000万元建设南美白对虾工厂化循环水养殖基地。",
        "打造食用菌酵素生产基地。",
    ]
    assert roles(plan) == [[("县示范区管委会", "lead")]] * 2


def test_labelled_line_wrapped_with_the_rest_of_a_rewrapped_text():
    """186 (Shijingshan 2019): a text re-wrapped at one width breaks a body's name in a labelled line."""
    plan = parse_text(
        "一、提高城市基层党建工作水平,加强党对基层治理的全面\n"
        "领导\n"
        "1.完善街道党工委对地区治理重大工作的领导体制机制,优\n"
        "化决策程序,涉及基层治理的重大事项、重点工作、重要问题由\n"
        "街道党工委讨论决定,全面提升街道抓党建、抓治理、抓服务的\n"
        "领导能力。加强街道社区党组织对地区各类组织和各项工作的领\n"
        "导,街道党工委可吸纳优秀社区党组织书记担任兼职党工委委员,\n"
        "推进社区党组织书记、居委会主任“一肩挑”,推动将党的领导写\n"
        "入各类组织章程。\n"
        "牵头单位:区委组织部\n"
        "协办单位:区委编办、区民政局(区委社会工委)、园区党工\n"
        "委、各街道党工委\n"
    )
    assert roles(plan) == [
        [
            ("区委组织部", "lead"),
            ("区委编办", "support"),
            ("区民政局(区委社会工委)", "support"),
            ("园区党工委", "support"),
            ("各街道党工委", "support"),
        ]
    ]


def test_group_whose_ge_covers_the_bare_level_words_after_it():
    """195 (Haicheng 2023): ``各开发区、镇(街道)`` is one group, as ``各县、市、区政府`` is."""
    plan = parse_text(
        "一、经济社会发展主要目标\n1.地区生产总值增长6.5%以上。\n牵头领导:刘兴达\n牵头单位:市发展和改革局\n"
        "责任单位:各有关部门,各开发区、镇(街道)\n"
    )
    assert roles(plan) == [
        [("市发展和改革局", "lead"), ("各有关部门", "support"), ("各开发区、镇(街道)", "support")]
    ]
    assert plan.tasks[0].lead_official == "刘兴达"


def test_table_cell_wrapped_over_lines_is_one_cell():
    """134 (Zhonglou 2024) and 181 (Jiangbei 2023): one cell per line, a body's name printed over two
    lines: before its bracket (高新园 / (邹区镇)), or where neither line alone is a name (区综合行政 /
    执法局). A task's title before a body's name, and a name before a task, stay apart."""
    lines = (
        "牵头单位\n配合单位\n发改局\n经开区\n高新园\n(邹区镇)\n各街道\n"
        "提升区域防洪能力\n区综合行政\n执法局\n区公建中心\n区住建局\n实施寺慈线路面提升\n"
    )
    reader = StatementReader()
    paragraphs = split_paragraphs(
        lines, [], is_name=lambda line: reader.names_of(line, strict=False) is not None
    )
    assert [p.text for p in paragraphs] == [
        "牵头单位",
        "配合单位",
        "发改局",
        "经开区",
        "高新园(邹区镇)",
        "各街道",
        "提升区域防洪能力",
        "区综合行政执法局",
        "区公建中心",
        "区住建局",
        "实施寺慈线路面提升",
    ]


# --- a new form is a data row ------------------------------------------------------------------------

NEW_FORMS = (
    "一、重点任务\n"
    "1. 推进老旧小区改造，年内完成改造120个小区。\n"
    "督办单位：市住建局\n"
    "协办单位：市财政局、各区政府\n"
    "2. 建设城市停车设施，新增公共停车泊位2000个。（市公安局挂帅，市城管局配合）\n"
    "（二）市民政局领办事项\n"
    "3. 完善社区养老服务，新建社区养老服务中心10个。\n"
)
NEW_ROWS = [
    {"kind": "label", "entry": "督办单位", "value": "lead", "extra": "lead"},
    {"kind": "verb", "entry": "挂帅", "value": "lead", "extra": "lead"},
    {
        "kind": "heading_role",
        "entry": r"^(?P<bodies>.+?)(?P<verb>领办)(?:事项|工作)$",
        "value": "",
        "extra": "",
    },
]
READ_WITH_NEW_ROWS = [
    [("市住建局", "lead"), ("市财政局", "support"), ("各区政府", "support")],
    [("市公安局", "lead"), ("市城管局", "support")],
    [("市民政局", "lead")],
]


def test_unknown_forms_are_reported_not_dropped():
    plan = parse_text(NEW_FORMS)
    assert roles(plan) == [[("市财政局", "support"), ("各区政府", "support")]]
    assert kinds(plan, "unread-annotation", "unassigned-task") == [
        (3, "unread-annotation"),  # 督办单位 is no label it knows
        (5, "unread-annotation"),  # 挂帅 is no verb it knows
        (5, "unassigned-task"),
        (7, "unassigned-task"),
    ]


def test_a_new_label_verb_and_heading_are_rows_of_data():
    lexicon = Lexicon.default().with_rows(NEW_ROWS)
    plan = parse_text(NEW_FORMS, lexicon=lexicon)
    assert roles(plan) == READ_WITH_NEW_ROWS
    assert kinds(plan, "unread-annotation", "unassigned-task") == []
    assert roles(parse_text(NEW_FORMS)) != READ_WITH_NEW_ROWS  # the shipped lexicon is untouched


def test_load_plan_with_a_lexicon_file(tmp_path):
    shipped = Path(Lexicon.default().source)
    lexicon_file = tmp_path / "lexicon.csv"
    with lexicon_file.open("w", encoding="utf-8", newline="") as f:
        f.write(shipped.read_text(encoding="utf-8"))
        writer = csv.DictWriter(f, fieldnames=["kind", "entry", "value", "extra", "description"])
        for row in NEW_ROWS:
            writer.writerow({**row, "description": "our office's form"})
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text(NEW_FORMS, encoding="utf-8")
    plan = load_plan(plan_file, lexicon=Lexicon.from_csv(lexicon_file))
    assert roles(plan) == READ_WITH_NEW_ROWS


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"kind": "lable", "entry": "督办单位", "value": "lead"},
            "unknown kind 'lable'; expected one of label,",
        ),
        ({"kind": "label", "entry": "督办单位", "value": "leader"}, "a label takes a value among lead,"),
        ({"kind": "verb", "entry": "", "value": "lead"}, "no entry"),
        ({"kind": "tail", "entry": "等(有关部门", "value": ""}, "not a regular expression"),
        ({"kind": "heading_role", "entry": "^(?P<who>.+)领办$", "value": ""}, "needs a group named 'bodies'"),
        ({"kind": "numbering", "entry": "第{cn}项", "value": "three"}, "takes its outline level as a number"),
    ],
)
def test_a_bad_row_is_an_error_naming_the_row(row, message):
    with pytest.raises(ValueError, match="row ") as error:
        Lexicon.default().with_rows([row])
    assert message in str(error.value)


def test_a_pattern_with_an_unquoted_comma_is_an_error_naming_its_line(tmp_path):
    """A comma in a pattern (``{0,12}``) left unquoted splits the row into more cells than columns."""
    lexicon_file = tmp_path / "lexicon.csv"
    lexicon_file.write_text(
        "kind,entry,value,extra,description\n"
        "label,督办单位,lead,lead,supervising bodies\n"
        "deadline,^.{0,12}出台后完成$,,,relative deadline\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"line 3: 6 cells where the header has 5; quote an entry"):
        Lexicon.from_csv(lexicon_file)


def test_a_missing_lexicon_file_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="cannot read the lexicon"):
        Lexicon.from_csv(tmp_path / "none.csv")


# --- nothing lost silently: the CLI's tables -----------------------------------------------------------

PLAN = (
    "一、重点任务\n"
    "1. 推进老旧小区改造，年内完成改造120个小区。\n"
    "牵头领导：张明\n"
    "牵头单位：市住建局\n"
    "配合单位：市财政局\n"
    "完成时限：2024年12月底前\n"
    "2. 完善社区养老服务，新建社区养老服务中心10个。\n"
    "3. 建设城市停车设施，新增公共停车泊位2000个。（市公安局负责）\n"
)


def export(tmp_path, capsys, table):
    plan_file = tmp_path / "plan.txt"
    plan_file.write_text(PLAN, encoding="utf-8")
    assert main(["export", table, "--plan", str(plan_file)]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_export_tasks_has_deadline_and_lead_official(tmp_path, capsys):
    rows = export(tmp_path, capsys, "tasks")
    assert [(row["text"][:6], row["lead"], row["deadline"], row["lead_official"]) for row in rows] == [
        ("推进老旧小区", "市住建局", "2024年12月底前", "张明"),
        ("建设城市停车", "", "", ""),
    ]


def test_export_issues_lists_the_task_with_no_responsibility_by_line(tmp_path, capsys):
    rows = export(tmp_path, capsys, "issues")
    unassigned = [(row["line"], row["kind"]) for row in rows if row["kind"] == "unassigned-task"]
    assert unassigned == [("7", "unassigned-task")]


# --- the evaluation, on a corpus small enough to score by hand ---------------------------------------


@pytest.fixture
def tiny_corpus(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_text(
        "source: hand-made\nscript: simplified\n---\n"
        "一、任务\n"
        "1. 推进河道综合治理工作。（省水利厅牵头，省财政厅配合）\n"
        "2. 建设高标准农田一百万亩。（省农业农村厅负责）\n"
        "3. 开展全民健身运动会活动。（省体育局负责）\n"
        "4. 实施乡村道路硬化工程。\n",
        encoding="utf-8",
    )
    (plans / "b.txt").write_text("一、任务\n1. 建设智慧城市平台。\n", encoding="utf-8")
    gold = {
        "a.txt": [
            {"key": "推进河道综合治理工作", "lead": ["省水利厅"], "support": ["省财政厅"], "responsible": []},
            {"key": "建设高标准农田一百万亩", "lead": ["省农业农村厅"], "support": [], "responsible": []},
            {"key": "实施乡村道路硬化工程", "lead": [], "support": [], "responsible": ["省交通运输厅"]},
        ],
        "b.txt": [{"key": "建设智慧城市平台", "lead": [], "support": [], "responsible": ["市数据局"]}],
        "_notes": {"a.txt": "item 3 is not in the gold: its bodies count against precision"},
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "documents.csv").write_text(
        "file,level\na.txt,provincial\nb.txt,prefecture\n", encoding="utf-8"
    )
    return tmp_path / "gold.json"


def test_scores_worked_out_by_hand(tiny_corpus, capsys):
    # gold tasks 4, found 2 (a.1, a.2); bodies: tp 3 (水利厅, 财政厅, 农业农村厅), fp 1 (体育局 of the
    # task the gold lacks), fn 2 (交通运输厅, 数据局); roles: tp 2, fp 2 (农业农村厅 responsible,
    # 体育局), fn 3 (农业农村厅 lead, 交通运输厅, 数据局); leads right: a.1 only; b.txt refused.
    assert main(["evaluate", str(tiny_corpus), "--format", "json", "-q", "--by", "level"]) == 0
    rows = {row["group"]: row for row in json.loads(capsys.readouterr().out)}
    overall = rows["all"]
    assert (overall["documents"], overall["refused"], overall["tasks"]) == (2, 1, 4)
    assert overall["task_recall"] == pytest.approx(2 / 4)
    assert overall["body_precision"] == pytest.approx(3 / 4)
    assert overall["body_recall"] == pytest.approx(3 / 5)
    assert overall["body_f1"] == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert overall["role_f1"] == pytest.approx(2 * 0.5 * 0.4 / (0.5 + 0.4))
    assert overall["lead_accuracy"] == pytest.approx(1 / 4)
    assert (rows["prefecture"]["refused"], rows["prefecture"]["task_recall"]) == (1, 0.0)


def test_per_document_rows_and_a_missing_plan_file(tiny_corpus, capsys):
    assert main(["evaluate", str(tiny_corpus), "--documents", "--format", "csv", "-q"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["file"], row["script"], row["refused"], row["body_fp"]) for row in rows] == [
        ("a.txt", "simplified", "False", "1"),
        ("b.txt", "", "True", "0"),
    ]
    (tiny_corpus.parent / "plans" / "b.txt").unlink()
    assert main(["evaluate", str(tiny_corpus), "-q"]) != 0
    assert "b.txt: the gold names this file but it is not in" in capsys.readouterr().err


def test_a_key_with_its_item_number_finds_the_item_that_repeats_its_parents_words():
    """575 (Anshun 2019): sub-item 1 repeats the first half of its parent word for word, so its key
    carries its number (``1.减少农村扶贫对象6.76万人``) and matches the item, not the parent."""
    plan = parse_text(
        "一、减少农村扶贫对象6.76万人;实施易地扶贫搬迁18695人。(责任单位:市扶贫办、市移民局)\n"
        "1.减少农村扶贫对象6.76万人(责任单位:市扶贫办,各县区)\n"
    )
    gold = [
        GoldTask("万人;实施易地扶贫搬迁18695人", responsible=("市扶贫办", "市移民局")),
        GoldTask("1.减少农村扶贫对象6.76万人", responsible=("市扶贫办", "各县区")),
    ]
    counts = score_plan(plan, gold)
    assert (counts["found"], counts["body_tp"], counts["body_fp"], counts["body_fn"]) == (2, 4, 0, 0)


def test_the_one_role_sentence_of_a_numbered_item_answers_for_the_whole_item():
    """1324 (Bafu, Chongqing): each team is an item ``1、进社区宣讲队。以…为主，…组队。由X负责组建…``.
    The role sentence closes the item and names its body; the team in the title is what is set up,
    not a body, and the key across the title and the text finds the item."""
    plan = parse_text(
        "二、组建方式\n"
        "1、进社区宣讲队。以社区居民为主,通过志愿者招募的方式组队。由社区居委会负责组建并组织开展宣传活动。\n"
        "2、进学校宣讲队。以学生、教师为主,通过志愿者招募的方式组队。由镇社事办负责组建并组织开展宣传活动。\n"
    )
    assert roles(plan) == [[("社区居委会", "responsible")], [("镇社事办", "responsible")]]
    assert plan.tasks[1].text.startswith("以学生、教师为主")
    assert not kinds(plan, "unassigned-task")
    gold = [
        GoldTask("进社区宣讲队。以社区居民为主", responsible=("社区居委会",)),
        GoldTask("进学校宣讲队。以学生、教师为主", responsible=("镇社事办",)),
    ]
    counts = score_plan(plan, gold)
    assert (counts["found"], counts["body_tp"], counts["body_fp"], counts["body_fn"]) == (2, 2, 0, 0)


def test_two_full_names_written_with_nothing_between_them():
    """1206 (Huangshigang 2025) writes ``区财政局区税务局`` and 1026 (a township's river chiefs)
    ``镇城建办镇农技站``: each name opens with its level, so the second starts where the first ends. A
    group (``各乡镇人民政府``) and a joint office (``县委县政府督查室``) stay whole."""
    plan = parse_text(
        "7.地方公共财政预算收入增长7%左右(责任单位:区财政局区税务局)\n"
        "8.加强用水管理,提高农田灌溉水有效利用系数。\n"
        "牵头部门:镇水利站\n"
        "配合部门:镇工业办公室,镇城建办镇农技站\n"
        "9.落实重点工作督查制度(责任单位:县委县政府督查室、各乡镇人民政府)\n"
    )
    assert roles(plan) == [
        [("区财政局", "responsible"), ("区税务局", "responsible")],
        [("镇水利站", "lead"), ("镇工业办公室", "support"), ("镇城建办", "support"), ("镇农技站", "support")],
        [("县委县政府督查室", "responsible"), ("各乡镇人民政府", "responsible")],
    ]


def test_a_working_group_s_members_answer_for_the_measures_labelled_after_them():
    """1328 (Longsheng earthquake plan): each group has ``组 长:`` (an official), ``成员单位:`` and
    ``主要应急措施:``; the measures are the task of the members. Before, the member lines were read
    as the groups' make-up only and the document was refused."""
    plan = parse_text(
        "4.6.8 城市基础设施抢险与应急恢复组\n"
        "组 长:县市容局负责人\n"
        "成员单位:县市容局、县建设局、县交通局等\n"
        "主要应急措施:组织力量对灾区被破坏的供电、供排水、公共客货交通、市政设施进行抢排险。\n"
        "4.6.11 消防组\n"
        "组 长:县公安局消防大队负责人\n"
        "成员单位:县公安局消防大队\n"
        "主要应急措施:组成抢险队伍,适时启动公安消防部队跨区域灭火救援预案。\n"
    )
    assert roles(plan) == [
        [("县市容局", "responsible"), ("县建设局", "responsible"), ("县交通局", "responsible")],
        [("县公安局消防大队", "responsible")],
    ]
    assert plan.tasks[1].text == "组成抢险队伍，适时启动公安消防部队跨区域灭火救援预案"


def test_a_bare_kind_of_body_after_a_group_shares_what_opens_the_group():
    """1271 (Weihai 2023) writes ``市直有关部门、单位``: the bare ``单位`` is ``市直有关单位``, as a bare
    ``单位`` after ``有关部门`` already was ``有关单位``; before, it was left out as naming no body."""
    plan = parse_text(
        "1.深化“一网通办”改革,推进政务服务事项标准化。(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位)\n"
    )
    assert roles(plan) == [
        [("市行政审批服务局", "lead"), ("市直有关部门", "support"), ("市直有关单位", "support")]
    ]
    assert not kinds(plan, "unread-annotation")


def test_a_tail_naming_a_kind_of_related_bodies_is_dropped():
    """1422 (Suqian 2025): ``…、市消防救援支队等市各相关行政执法机关``; the tail after 等 names the
    bodies of a kind left unnamed, and is dropped like ``等有关部门`` (a lexicon row)."""
    plan = parse_text(
        "实行行政检查“一网统管”。推进“双随机”检查与专项检查融合规范、全程可溯。"
        "(牵头单位:市司法局、市市场监管局;责任单位:市数据局、市消防救援支队等市各相关行政执法机关)\n"
    )
    leads = [("市司法局", "lead"), ("市市场监管局", "lead")]
    assert roles(plan) == [[*leads, ("市数据局", "support"), ("市消防救援支队", "support")]]


def test_bodies_that_take_part_beside_the_leads():
    """1441 (Jining) and 361 (the State Council's credit plan, traditional): ``(A、B牵头,C参加)``;
    the bodies that take part (参加, a lexicon row) support the leads."""
    plan = parse_text(
        "1.坚持就业优先发展战略。促进就业与产业转型升级良性互动。(市发展改革委、市人力资源社会保障局牵头,"
        "市委组织部、国家统计局济宁调查队参加)\n"
        "2.建立健全社会信用体系建设的法规制度。(發展改革委、人民銀行牽頭負責,法制辦參加)\n"
    )
    assert roles(plan) == [
        [
            ("市发展改革委", "lead"),
            ("市人力资源社会保障局", "lead"),
            ("市委组织部", "support"),
            ("国家统计局济宁调查队", "support"),
        ],
        [("发展改革委", "lead"), ("人民银行", "lead"), ("法制办", "support")],
    ]


def test_a_court_s_divisions_each_followed_by_its_functions():
    """1355 (a basic-level court, 2019): ``1.立案庭(诉讼服务中心) 主要职能:负责…`` run on with the next
    unit; a division of a court ends with 庭 and 主要职能 labels its duties (lexicon rows). Before,
    the document was refused."""
    plan = parse_text(
        "镇江经济开发区法院设有8个内设机构。\n"
        "1.立案庭(诉讼服务中心) 主要职能:负责诉讼分流、立案登记、诉讼服务等工作;负责小额速裁案件审理工作。\n"
        "2.刑事审判庭 主要职能:负责本院管辖的第一审刑事诉讼案件审理工作。\n"
    )
    assert roles(plan) == [[("立案庭(诉讼服务中心)", "responsible")], [("刑事审判庭", "responsible")]]
    assert plan.tasks[1].text == "主要职能：负责本院管辖的第一审刑事诉讼案件审理工作。"
    assert body_strength("困难家庭") is None  # ends with 庭, names no body


def test_a_run_on_list_s_first_item_glued_to_the_title_before_it():
    """1323 (a county's garden-city duties, a document site's run-on preview): ``二、县建设局(一)加强…。
    (二)完善…``; the second item opens after a stop, the first right after the body's name."""
    plan = parse_text(
        "二、县建设局(一)加强绿化建设,分类统计辖区内绿化覆盖面积、绿地面积等情况。"
        "(二)完善城市绿地系统规划,对规划中已经明确由绿化用地确定用地范围,实行“绿线”制度。\n"
    )
    assert roles(plan) == [[("县建设局", "responsible")], [("县建设局", "responsible")]]
    assert plan.tasks[0].text.startswith("加强绿化建设")


def test_a_working_group_s_role_line_and_its_duties_under_the_group_s_heading():
    """1502 (Huzhou disaster-relief plan): ``6.安全保卫组`` / ``A牵头，B、C等有关部门参加。`` /
    ``主要职责：…``. The duties are the group's task, the role line its bodies; 市安全局 is a body
    though it ends like 全局, army and armed-police units take no 市 the list wrote once, and a
    tail 等有关部门（单位） is dropped (lexicon rows)."""
    plan = parse_text(
        "6.安全保卫组\n"
        "市公安局牵头,市安全局、驻湖部队、武警支队等有关部门参加。\n"
        "主要职责:组织力量抢救群众生命财产,指导、督促灾区加强治安管理和安全保卫工作,稳定社会秩序。\n"
        "7.接收捐赠组\n"
        "市民政局牵头,市财政局、市慈善总会等有关部门(单位)参加。\n"
        "主要职责:根据灾情需要,做好国内外社会各界提供的救灾援助资金、物资的接收和安排工作。\n"
    )
    assert roles(plan) == [
        [("市公安局", "lead"), ("市安全局", "support"), ("驻湖部队", "support"), ("武警支队", "support")],
        [("市民政局", "lead"), ("市财政局", "support"), ("市慈善总会", "support")],
    ]
    assert plan.tasks[0].text.startswith("组织力量抢救群众生命财产")


def test_a_grain_depot_among_the_bodies_of_a_bracket_stating_its_rule():
    """1480 (Zhuzhou 2015, traditional): the bracket names a central grain-reserve depot
    (``中儲糧株洲直屬庫``, an ending of the lexicon) and states the first-is-lead rule itself."""
    plan = parse_text(
        "(一)切實增強新形勢下的糧食安全意識。把保障糧食安全放在經濟社會發展的突出位置,作為保障民生的基本任務抓好抓落實。"
        "(市發改委、市農委、各縣市區人民政府、中儲糧株洲直屬庫。排名第一的為牽頭單位,下同)\n"
    )
    supports = ["市农委", "各县市区人民政府", "中储粮株洲直属库"]
    assert roles(plan) == [[("市发改委", "lead"), *((body, "support") for body in supports)]]


def test_a_lead_named_between_topic_and_work_with_the_bodies_it_joins():
    """1511 (Beijing 2009 Spring Festival travel): ``全市春运工作在…领导下,由市交通委牵头,会同A、B
    等部门和单位,建立…``; the bodies after 会同 support the lead, and the work after them goes on
    with the same task (before, it was reported as a task with no body)."""
    plan = parse_text(
        "一、加强组织领导,建立工作协调机制\n"
        "全市春运工作在市委、市政府领导下,由市交通委牵头,会同市总工会、市发展改革委、北京铁路局等部门和单位,"
        "建立统一高效的组织协调机构,落实好春运组织、保障、安全、服务等各项工作。"
        "由市运输局负责全市春运具体组织协调和日常工作。\n"
    )
    supports = ["市总工会", "市发展改革委", "北京铁路局"]
    assert roles(plan) == [
        [("市交通委", "lead"), *((body, "support") for body in supports)],
        [("市运输局", "responsible")],
    ]
    assert "建立统一高效的组织协调机构" in plan.tasks[0].text
    assert not kinds(plan, "unassigned-task")


def test_a_page_s_metadata_names_no_body_of_a_task():
    """1481 (Hunan 2009): the provincial site's metadata line ``…所属机构: 所属主题:政务督查 …
    公开责任部门:湖南省委办公厅 湖南省人民政府办公厅`` names who publishes the page (lexicon rows)."""
    plan = parse_text(
        "索引号:430S00/2009-00535 文号:湘办发[2009]18号 所属机构: 所属主题:政务督查 发文日期:2009-06-03 "
        "公开责任部门:湖南省委办公厅 湖南省人民政府办公厅\n"
        "一、发展现代农业\n"
        "1.稳定发展粮食生产。2009年,全省粮食总产稳定在595亿斤以上。责任单位:省农业厅、省发改委、省水利厅。\n"
    )
    assert roles(plan) == [[(body, "responsible") for body in ("省农业厅", "省发改委", "省水利厅")]]


def test_the_paragraph_after_a_heading_closed_by_its_annotation_is_the_heading_s_task():
    """1563 (Liangshan, a law library's page 5): ``(一)扎实推进民生工程。(州A牵头,州B…等负责)`` and, on
    the next line, the item's words with no annotation of their own: they are that item's text.
    Before, they were reported as a task with no body."""
    plan = parse_text(
        "(一)扎实推进民生工程。(州政府民生办牵头,州财政局、州扶贫两资办等负责)\n"
        "大力实施就业促进、扶贫解困、民族地区帮扶、教育助学为主要内容的民生工程,不断改善人民生活。\n"
        "(二)大力实施开发式扶贫。(州扶贫两资办牵头)\n"
        "1.深入实施“八大扶贫工程”,着力改善12.7万贫困人口的生产生活条件。(州扶贫两资办负责)\n"
    )
    assert roles(plan)[0] == [("州政府民生办", "lead"), ("州财政局", "support"), ("州扶贫两资办", "support")]
    assert "大力实施就业促进" in plan.tasks[0].text
    assert not kinds(plan, "unassigned-task")


def test_a_line_that_only_names_a_body_over_numbered_items():
    """1546 (a city's women-and-children targets by department, a law library's page 2): a bare line
    ``市卫生局`` over its targets ``一、…`` ``二、…``; the first target goes on on a second line. Before,
    the page was refused."""
    plan = parse_text(
        "市卫生局\n"
        "一、开展助产机构清理整顿工作,坚决打击、取缔非法接生;\n"
        "并进行助产人员资格审查及重新注册。\n"
        "二、继续进行农村贫困高危孕产妇医疗救助活动,提高农村贫困孕产妇住院分娩率。\n"
        "三、继续加强妇女孕产期保健工作。\n"
    )
    assert roles(plan) == [[("市卫生局", "responsible")]] * 3
    assert plan.tasks[0].heading.startswith("开展助产机构清理整顿工作")


def test_clauses_sharing_out_work_whose_task_is_four_characters():
    """1510 (a city's energy-saving opinion, 十一五): ``市经贸委负责全市工业节能；市规划局、市建设局负责
    建筑节能；…``; a task of four characters (建筑节能) is one, a verb's object of two (监督) is not."""
    plan = parse_text(
        "(二)明确分工,责任到人。市发改委负责提出全市节能规划;市经贸委负责全市工业节能;"
        "市规划局、市建设局负责建筑节能;市旅游局负责宾馆、旅游行业节能。\n"
    )
    assert roles(plan) == [
        [("市发改委", "responsible")],
        [("市经贸委", "responsible")],
        [("市规划局", "responsible"), ("市建设局", "responsible")],
        [("市旅游局", "responsible")],
    ]
    assert plan.tasks[2].text.startswith("负责建筑节能")


def test_a_duty_line_whose_duties_open_by_joining_another_body():
    """1549 (a city's emergency shelters, departments' duties): ``10.市商务局:会同市发展改革委负责…``;
    the body named leads and the one it works with supports."""
    plan = parse_text(
        "二、各部门职责\n"
        "10.市商务局:会同市发展改革委负责应急避难场所所需物资供应点的建设、储备和保障工作。\n"
        "11.市卫生局:做好市级应急避难场所内医疗卫生保障工作。\n"
    )
    assert roles(plan) == [[("市商务局", "lead"), ("市发展改革委", "support")], [("市卫生局", "responsible")]]


def test_bodies_backing_the_responsible_one_and_a_responsibility_deadline():
    """1540 (a city's medical-reform tasks, 2010): ``责任单位:`` / ``支持单位:`` / ``责任人:`` /
    ``责任期限:``; the bodies backing the responsible one support it (it leads), and 责任期限 is the
    deadline (lexicon rows)."""
    plan = parse_text(
        "26、落实乡村医生承担公共卫生服务等任务的补助政策,保障村医的合理收入。每名村医按每月500元标准发放生活补助。\n"
        "责任单位:市财政局\n"
        "支持单位:市卫生局\n"
        "责任人:蔡 波\n"
        "责任期限:2010年底前完成\n"
    )
    assert roles(plan) == [[("市财政局", "lead"), ("市卫生局", "support")]]
    assert plan.tasks[0].deadline == "2010年底前完成"


def test_a_second_official_on_the_line_after_the_officials_label():
    """1564 (Xuanwei 2016, an e-book page): ``责任领导:胡选坤 市委副书记`` / ``马兴赞 市委常委、市政府常务
    副市长`` / ``牵头单位:住建局``; the second line names an official too (常委, a lexicon row), not a
    task."""
    plan = parse_text(
        "3.农村危房改造:全市已下达的18100户农村危房改造和上级追加的计划任务,11月底100%竣工。\n"
        "责任领导:胡选坤 市委副书记\n"
        "马兴赞 市委常委、市政府常务副市长\n"
        "牵头单位:住建局\n"
        "责任单位:各乡镇(街道)\n"
    )
    assert roles(plan) == [[("住建局", "lead"), ("各乡镇(街道)", "support")]]
    assert plan.tasks[0].lead_official == "胡选坤 市委副书记 马兴赞 市委常委、市政府常务副市长"


def test_an_event_s_time_and_place_are_its_setting_not_tasks_or_bodies():
    """1523 (Pingba 2010 festival programme): each activity ``(一)…`` has numbered fields ``1、时 间:`` /
    ``2、地 点:`` / ``3、承办单位:`` / ``4、活动内容:``; time and place are the activity's setting (lexicon
    rows of the value ``setting``), so the bodies are the activity's. Before, the place line took them."""
    plan = parse_text(
        "六、主体活动:\n"
        "(一)首届贵州·平坝樱花旅游节开幕式\n"
        "1、时 间:2010年3月27日9︰30-11︰00\n"
        "2、地 点:贵州樟缘实业有限公司(平坝农场)\n"
        "3、承办单位:县委宣传部,县旅游发展局\n"
        "4、活动内容:领导讲话致辞,文艺表演\n"
    )
    assert roles(plan)[0] == [("县委宣传部", "responsible"), ("县旅游发展局", "responsible")]
    assert plan.tasks[0].heading == "首届贵州·平坝樱花旅游节开幕式"


def test_a_venue_column_naming_a_body_is_the_row_s_setting():
    """1524 (Qingshui 2012, traditional, one cell per line): 序号 | 活动内容 | 活动时间 | 活动地点 | 主办单位
    | 承办单位; the venue 县电视台 is where the event is held, so the 主办 and 承办 cells after it stay
    two columns (before, they were joined into one) and the gold key across two cells matches."""
    plan = parse_text(
        "序号 |\n活动内容 |\n活动时间 |\n活动地点 |\n主办单位 |\n承办单位 |\n"
        "1 |\n首届厨艺大赛 |\n2011年11月20日至2011年12月31日 |\n縣電視臺 |\n縣委宣傳部 縣文化廣播影視局 |\n"
        "縣旅游局、縣總工會、縣電視臺 |\n"
    )
    assert roles(plan) == [
        [
            ("县委宣传部", "lead"),
            ("县文化广播影视局", "lead"),
            ("县旅游局", "support"),
            ("县总工会", "support"),
            ("县电视台", "support"),
        ]
    ]
    gold = [GoldTask("首届厨艺大赛|2011年11月20日", lead=("县委宣传部", "县文化广播影视局"))]
    assert score_plan(plan, gold)["found"] == 1


def test_a_heading_naming_the_role_of_the_bodies_below_names_no_body():
    """1582 (Jiangsu 2006, liaison for schistosomiasis control): ``一、联系单位`` over ``省发展改革委:
    负责联系…``; 联系单位 says what the bodies below are (a label of the lexicon), not a body of theirs."""
    plan = parse_text(
        "一、联系单位\n省发展改革委:负责联系南京市雨花台区,句容市;\n省财政厅:负责联系南京市六合区,江都市;\n"
    )
    assert roles(plan) == [[("省发展改革委", "responsible")], [("省财政厅", "responsible")]]


def test_a_weak_ending_listed_beside_a_surely_named_body_names_a_body():
    """1603 (Guigang 2012, geological hazards) and 715 (emergency duties): ``市国土局、地环监测站负责…``;
    监测站 alone may be a facility, but listed with 市国土局 before 负责 it is a body (before, the
    sentence was left unread). Bare towns beside a group in a heading stay the heading's bodies."""
    plan = parse_text(
        "(二)地质灾害监测责任单位和责任人\n"
        "2.市国土局、地环监测站负责地质灾害监测员的培训和技术指导。\n"
        "3.县(市、区)国土部门负责组织对地质灾害隐患点进行巡查。\n"
    )
    assert roles(plan) == [
        [("市国土局", "responsible"), ("市地环监测站", "responsible")],
        [("县(市、区)国土部门", "responsible")],
    ]
    plan = parse_text(
        "四、职责分工\n(五)南庄镇、各街道办事处\n1.做好组织发动工作,积极配合和参与区各项群众体育活动;\n"
    )
    assert roles(plan) == [[("南庄镇", "responsible"), ("各街道办事处", "responsible")]]


def test_departments_named_over_their_items_one_after_another():
    """1663 (Datong, AIDS committee member units): a body's name alone on a line over items 一、二、…, then
    the next body's name over its own; the second name is the body of the items after it, not a line
    naming the item above's (before, 团市委 answered for 总工会's last item), and after such lines a name
    only a weak ending makes a body's (总工会, 妇联) heads its items too."""
    plan = parse_text(
        "住房和城乡建设委员会\n"
        "一、联合宣传、农业、工商、卫生等部门做好“全市农民工预防艾滋病宣传教育工程”。\n"
        "二、做好建筑工地农民工的防治艾滋病工作。\n"
        "总工会\n"
        "一、充分发挥工会工作网络优势,在大型厂矿设立艾滋病防治知识宣传栏。\n"
        "二、每年组织在全市范围职工中开展1次以上“职工红丝带健康行动”活动。\n"
        "团市委\n"
        "一、积极招募志愿者,在校外青少年中开展艾滋病防治宣传教育工作。\n"
    )
    assert roles(plan) == [
        [("住房和城乡建设委员会", "responsible")],
        [("住房和城乡建设委员会", "responsible")],
        [("总工会", "responsible")],
        [("总工会", "responsible")],
        [("团市委", "responsible")],
    ]


def test_a_department_opening_its_item_with_a_verb_of_support_supports_it():
    """1662 (Luzhou, sample survey): ``(六)民政部门配合做好调查区域的划分工作;`` names no lead; the
    department supports (before, the item was left unassigned). ``与卫生等有关部门配合做好…`` (1330)
    names whom the bureau works with, not a subject."""
    plan = parse_text(
        "(五)财政部门负责调查经费的落实和协调工作;\n"
        "(六)民政部门配合做好调查区域的划分工作;\n"
        "(九)农村工作部门配合提供小城镇建设和农村外出人口的相关资料;\n"
    )
    assert roles(plan) == [
        [("财政部门", "responsible")],
        [("民政部门", "support")],
        [("农村工作部门", "support")],
    ]
    plan = parse_text(
        "市农业局:做好农田灭鼠。与卫生等有关部门配合做好血吸虫病、地方病和人畜共患疾病等的防治工作。\n"
        "市林业局:搞好林区自然生态环境保护,组织开展林区灭鼠和白蚁防治工作。\n"
    )
    assert roles(plan) == [[("市农业局", "responsible")], [("市林业局", "responsible")]]


def test_the_units_a_working_group_is_made_of_answer_for_its_duties():
    """1669 (Lijiang earthquake plan): ``十四、震害损失评估`` / ``组成单位:市地震局、建设局、民政局`` /
    ``主要职责:…``; 组成单位 is a lexicon row (before, it was reported as an unknown label)."""
    plan = parse_text(
        "十四、震害损失评估\n"
        "组成单位:市地震局、建设局、民政局\n"
        "主要职责:按规定协助省有关部门调查地震破坏情况;确定震区地震烈度。\n"
    )
    assert roles(plan) == [
        [("市地震局", "responsible"), ("市建设局", "responsible"), ("市民政局", "responsible")]
    ]


def test_a_record_printed_a_field_per_line_is_one_task():
    """1621 (Gar county 2026, inspection rectification notice): a one-row form flattened, each label on
    its line and its value on the next (``整改措施`` / ``…`` / ``责任单位`` / ``噶尔县人民政府``). The
    content fields (反馈问题, 整改目标, 整改措施: lexicon rows of the value ``text``) are one record and
    one task; 核查情况 and 联系电话 are read as nothing (before, the plan was refused)."""
    plan = parse_text(
        "反馈问题\n\n噶尔县境内某公路共设置29处取弃土场,严重违背土地资源节约和生态保护的要求。\n\n"
        "核查情况\n\n核查反馈问题属实。\n\n"
        "整改目标\n\n依法查处存在的生态环境问题,开展责任追究,全面规范项目建设。\n\n"
        "整改措施\n\n按照“谁破坏谁治理”原则,责令施工单位严格按照《临时用地复垦方案》,按时完成生态恢复治理。\n\n"
        "责任单位\n\n噶尔县人民政府\n\n"
        "责任人\n\n洛桑丹增\n\n"
        "联系电话\n\n18989971777\n"
    )
    assert roles(plan) == [[("噶尔县人民政府", "responsible")]]
    assert "责令施工单位严格按照" in plan.tasks[0].text
    assert any(issue.kind == "field-line" for issue in plan.issues)


def test_a_table_s_header_written_a_cell_per_line_is_no_record():
    """402 (Xuhui 2006, one cell per line): ``序号`` / ``项目`` / ``类别`` / ``具 体 内 容`` / ``牵头`` /
    ``部门`` / ``相关责任部门`` / ``完成`` / ``时间`` / ``108`` alternates labels and other cells like a
    record, but a row number's column stands before them and a row number after: a header."""
    paragraphs = split_paragraphs(
        "序号\n项目\n类别\n具 体 内 容\n牵头\n部门\n相关责任部门\n完成\n时间\n108\n", []
    )
    label_of = {
        "序号": "number",
        "项目": "text",
        "牵头": "lead",
        "相关责任部门": "support",
        "时间": "setting",
    }
    joined = fields_joined(paragraphs, [], lambda line: label_of.get(line.replace(" ", "")))
    assert [p.text for p in joined] == [p.text for p in paragraphs]


def test_a_two_column_table_of_fields_is_one_task():
    """1622 (Tibet transport department 2024): ``反馈问题 | … |`` / ``整改措施 | … |`` /
    ``牵头部门 (责任单位) | 牵头单位:… 责任单位:… |``: rows of two cells, a label and its value; the
    bracket gives the label a second name. Before, the last row's label was the task's text."""
    plan = parse_text(
        "反馈问题 | 自治区交通运输部门履行生态环境保护“一岗双责”不到位。 |\n"
        "整改措施 | 建立交通建设领域问题整改包保机制,明确具体整改措施。 |\n"
        "牵头部门 (责任单位) | 牵头单位:自治区交通运输厅 责任单位:自治区交通运输厅,各地(市)委 |\n"
        "联系电话 | 0891-6811170 |\n"
    )
    assert roles(plan) == [[("自治区交通运输厅", "lead"), ("各地(市)委", "support")]]
    assert "建立交通建设领域问题整改包保机制" in plan.tasks[0].text
    assert any(issue.kind == "field-line" for issue in plan.issues)  # the repair is listed


def test_a_measure_naming_who_acts_answers_for_the_problem_above_it():
    """1650 (Pingli 2015, street inspection): ``1、…门前行道树上缠有装饰壁纸…。`` / ``整改要求:县城镇园林
    绿化管理中心负责督促拆除。``; 整改要求 is the measure (a content label of the lexicon) and its body
    answers for the problem (before, the measure was read apart and the problem left unassigned)."""
    plan = parse_text(
        "1、欧冠国际售楼部门前行道树上缠有装饰壁纸,影响绿化树木生长。\n"
        "整改要求:县城镇园林绿化管理中心负责督促拆除。\n"
        "3、保险公司门前有流浪犬,存在行人安全隐患。\n"
        "整改要求:县公安局负责对城区流浪犬进行全面捕杀。\n"
    )
    assert roles(plan) == [[("县城镇园林绿化管理中心", "responsible")], [("县公安局", "responsible")]]
    gold = [GoldTask("门前行道树上缠有装饰壁纸", responsible=("县城镇园林绿化管理中心",))]
    assert score_plan(plan, gold)["body_tp"] == 1


def test_a_line_announcing_a_group_s_work_duties_names_their_body():
    """1727 (a city's anti-corruption coordination group): ``市委反腐败协调小组的工作职责是:`` over
    ``1、…`` ``2、…``; and 1728 (a county's): ``第四条 协调小组主要履行以下职责:`` over ``(一)…``. The
    ``heading_role`` rows of the lexicon take 工作职责是 and 主要履行以下职责 (before, both were refused)."""
    plan = parse_text(
        "二、工作职责\n"
        "市委反腐败协调小组的工作职责是:\n"
        "1、定期研究、分析全市反腐败工作形势,协助党委抓好反腐败工作;\n"
        "2、积极开展调查研究,认真总结反腐败工作的经验,找出存在问题;\n"
    )
    assert roles(plan) == [[("市委反腐败协调小组", "responsible")]] * 2
    plan = parse_text(
        "第四条 县委反腐败协调小组主要履行以下职责:\n"
        "(一)协调查处涉及党员干部重要、复杂违纪违法案件;\n"
        "(二)组织协调全县反腐败工作中的其他重大问题。\n"
    )
    assert roles(plan) == [[("县委反腐败协调小组", "responsible")]] * 2


def test_bodies_answering_for_their_own_part_in_one_bracket():
    """1688 (Hubei 2009, 鄂办文〔2009〕28号): ``(省发改委、省粮食局、省物价局负责组织实施,省财政厅负责落实
    专项资金)``; 负责组织实施 is a verb of the lexicon (before, 组织实施 alone was read and the names
    before it were not), and after a clause naming bodies, a clause of names, a verb and their part
    of the work names them too (before, the whole plan was refused)."""
    plan = parse_text(
        "1、稳定发展粮食生产。力争粮食单产提高5公斤以上,水稻优质率达到70%以上(省农业厅负责组织实施)。"
        "落实对产粮大县财政奖励政策,调动产粮大县抓粮和农民种粮的积极性(省发改委、省粮食局、省物价局"
        "负责组织实施,省财政厅负责落实专项资金)。\n"
    )
    assert roles(plan) == [
        [("省农业厅", "responsible")],
        [
            ("省发改委", "responsible"),
            ("省粮食局", "responsible"),
            ("省物价局", "responsible"),
            ("省财政厅", "responsible"),
        ],
    ]
    plan = parse_text(
        "1.研究制定我省实施细则。(牵头单位:省安委办。配合单位:省委组织部、省人力资源社会保障厅)\n"
    )
    assert roles(plan) == [
        [("省安委办", "lead"), ("省委组织部", "support"), ("省人力资源社会保障厅", "support")]
    ]


def test_items_run_on_after_commas_in_a_condensed_copy():
    """1668 (Tangshan 2022, a policy site's condensed copy run into one paragraph): ``…按照以下分工负责…:
    (一)卫生健康委负责…,(二)市场监督管理局负责…,(六)教育局负责…``; an item numbered with a Chinese
    numeral opens after a comma too (before, ``(二)市场监督管理局`` was read as a body's name).
    ``市、县(市、区)爱卫办``: the bare 市 takes 爱卫办, not the county's bracket."""
    plan = parse_text(
        "第七条 按照以下分工负责病媒生物预防控制监督管理工作:(一)卫生健康委负责医疗机构及公共场所病媒生物预防"
        "控制工作的监督管理,(二)市场监督管理局负责监督管理餐饮服务场所的病媒生物预防控制工作,"
        "(六)教育局负责监督管理各类学校的病媒生物预防控制工作,\n"
    )
    assert roles(plan) == [
        [("卫生健康委", "responsible")],
        [("市场监督管理局", "responsible")],
        [("教育局", "responsible")],
    ]
    reader = StatementReader(Lexicon.default())
    assert [n.name for n in reader.read("市、县(市、区)爱卫办负责").names] == ["市爱卫办", "县(市、区)爱卫办"]


def test_a_labelled_line_after_the_last_titled_item_closes_the_list():
    """1620 (Haidong 2020, traditional): items ``1. 筑牢…`` / ``以推进…`` / ``2. …`` / ``…`` / ``3. …`` /
    ``围绕…`` / ``牽頭單位:市林草局、市自然資源規劃局``; each item is a title line over its text, and
    the line after the last closes all three (before, only the last)."""
    plan = parse_text(
        "(一)筑牢生态安全屏障\n"
        "1. 筑牢青海东部“绿屏障”生态肌理\n"
        "以推进青沙山、达坂山、积石山“三山”林草植被保护为主,打造绿色景观屏障。\n"
        "2. 重点突出“绿河谷”生态廊道\n"
        "沿黄河、湟水河、大通河开展“三水”两岸生态修复,建设“绿河谷”。\n"
        "3. 贯彻“绿城区”城市绿地规划建设体系\n"
        "围绕湟水河流域大峡、小峡、老鸦峡等“三峡”开展景观绿化,打造“绿城区”。\n"
        "牵头单位:市林草局、市自然资源规划局\n"
    )
    assert roles(plan) == [[("市林草局", "lead"), ("市自然资源规划局", "lead")]] * 3


def test_an_item_titled_by_whose_duties_they_are_then_naming_its_own_bodies():
    """1664 (Baotou, Global Fund AIDS project): ``1、政府职责:各旗县区政府负责…`` and ``2、卫生部门职责:
    各级卫生行政部门具体负责…``; the words before the colon title the item, the sentence after it names
    the bodies (before, the first item was lost and the second took 卫生部门 from its title)."""
    plan = parse_text(
        "1、政府职责:各旗县区政府负责本行政区域第五轮全球基金艾滋病项目的组织领导和协调工作。"
        "要充分发挥艾滋病防治工作委员会的作用。\n"
        "2、卫生部门职责:各级卫生行政部门具体负责项目的组织实施。制定执行方案、工作计划及有关的制度等。\n"
    )
    assert roles(plan) == [[("各旗县区政府", "responsible")], [("各级卫生行政部门", "responsible")]]
    assert plan.tasks[0].heading == "政府职责"


def test_a_bracket_naming_bodies_and_their_shares_is_reported_when_not_read():
    """1702 (Fujian, rural sanitation targets): ``…新增8万户(其中省卫生厅负责3万户,省住房与城乡建设厅负责
    3万户,…)``; the bracket says who does what but is no statement the reader takes, and the plan
    has no outline to report the item under: it is listed, not lost without a word (before, nothing
    was said)."""
    plan = parse_text(
        "--全省农村无害化卫生厕所新增8万户(其中省卫生厅负责3万户,省住房与城乡建设厅负责3万户),普及率达到78%。\n"
        "--家园清洁行动覆盖80%的建制村(省农办负责)。\n"
    )
    assert roles(plan) == [[("省农办", "responsible")]]
    unread = [issue for issue in plan.issues if issue.kind == "unread-annotation"]
    assert [issue.line for issue in unread] == [1]


def test_a_sentence_headed_by_whose_duties_follow_opens_with_its_bodies():
    """1300 (a Yunnan city's minimum-living-allowance rules, traditional): ``相關部門的工作職責: 財政部門負責
    按照規定落實城市低保資金…;``; nine characters head the sentence before its colon, and the
    statement opens after it (before, only words up to eight were taken for such a heading)."""
    plan = parse_text(
        "第四條\n"
        "相關部門的工作職責: 財政部門負責按照規定落實城市低保資金和低保工作業務經費; "
        "統計、發展改革部門負責提供當地生活必需品的種類、價格等數據。\n"
    )
    assert roles(plan) == [
        [("财政部门", "responsible")],
        [("统计部门", "responsible"), ("发展改革部门", "responsible")],
    ]


def test_an_event_s_content_after_its_numbered_fields_is_its_text():
    """1523 (Pingba 2010 festival programme): ``(一)…开幕式`` / ``1、时 间:`` / ``2、地 点:`` /
    ``3、承办单位:`` / ``4、活动内容:…``; after the numbered fields of an item, its numbered content is
    a field too: one task per event (before, 活动内容 was a second task with the same bodies)."""
    plan = parse_text(
        "六、主体活动:\n"
        "(一)首届贵州·平坝樱花旅游节开幕式\n"
        "1、时 间:2010年3月27日9︰30-11︰00\n"
        "2、地 点:贵州樟缘实业有限公司(平坝农场)\n"
        "3、承办单位:县委宣传部,县旅游发展局\n"
        "4、活动内容:领导讲话致辞,文艺表演\n"
        "(二)“魅力平坝,美丽乡村”摄影比赛\n"
        "1、时 间:2010年3月27日\n"
        "2、承办单位:县旅游发展局\n"
        "3、活动内容:进行摄影采风,组织摄影作品赛。\n"
    )
    assert roles(plan) == [
        [("县委宣传部", "responsible"), ("县旅游发展局", "responsible")],
        [("县旅游发展局", "responsible")],
    ]
    assert plan.tasks[0].heading == "首届贵州·平坝樱花旅游节开幕式"


def test_a_record_printed_as_numbered_headings_over_their_values_is_one_task():
    """1649 (Suzhou 2024 closure notice): ``一、整改问题`` / ``(一)宿马园区…`` / ``二、整改实施主体`` /
    ``宿马园区党工委、管委会`` / … / ``五、完成时限`` / ``2024年12月底``; each heading is a field's
    label and the line below it its value, numbered or not (before, the notice was refused)."""
    plan = parse_text(
        "一、整改问题\n"
        "(一)宿马园区唐河天门大道段有浮萍及垃圾被晒化流入唐河,污染水体。\n"
        "二、整改实施主体\n"
        "宿马园区党工委、管委会\n"
        "三、重点措施\n"
        "(一)对唐河开展打捞清理工作。\n"
        "四、目标任务\n"
        "(一)完成对唐河浮萍及垃圾的清理工作\n"
        "五、完成时限\n"
        "2024年12月底\n"
    )
    assert roles(plan) == [[("宿马园区党工委", "responsible"), ("宿马园区管委会", "responsible")]]
    assert plan.tasks[0].deadline == "2024年12月底"


def test_a_government_named_after_its_party_committee_shares_its_place():
    """1648 (Wuchuan 2025 closure table): ``责任单位`` / ``市生态环境局,武川县党委、政府``; the bare
    ``政府`` after ``武川县党委`` is the county's government (before, it named no body and was left out)."""
    plan = parse_text(
        "整改任务\n"
        "武川县鑫丰金属公司疑似污染地块未能按时完成开展土壤污染初步调查。\n"
        "责任单位\n"
        "市生态环境局,武川县党委、政府\n"
    )
    assert roles(plan) == [
        [("市生态环境局", "responsible"), ("武川县党委", "responsible"), ("武川县政府", "responsible")]
    ]


def test_a_header_qualifying_a_label_by_the_work_names_its_column():
    """1783 (Beijing emergency plan, 表2 突发事件处置分工表): ``序号 | 事件类别 | 处置主责部门 |``; the
    column is the label 主责部门 qualified by 处置, and its bodies lead (before, the plan was refused)."""
    plan = parse_text(
        "表2 突发事件处置分工表\n"
        "序号 | 事件类别 | 处置主责部门 |\n"
        "1 | 水灾 | 市水务局 |\n"
        "4 | 地震灾害 | 市地震局 |\n"
    )
    assert roles(plan) == [[("市水务局", "lead")], [("市地震局", "lead")]]


def test_a_space_after_a_body_s_cell_before_a_year_parts_the_cells():
    """1800 (Huoqiu 2025 first-quarter table, cells parted by spaces): ``7 …位次靠前。 縣農業農村局 2025年
    第一季度…``; the space between the body's cell and the year opening the next cell parts two cells
    (before, it was taken for a space inside a number and removed, and the row was lost without a word)."""
    plan = parse_text(
        "序号 重点工作任务 牵头责任单位 一季度完成情况\n"
        "6 城镇常住居民人均可支配收入增速高于全省平均、位次靠前。 县人社局 全县城镇常住居民收入9997元\n"
        "7 农村常住居民人均可支配收入增速高于全省平均、位次靠前。 县农业农村局 2025年第一季度我县收入7168元\n"
    )
    assert roles(plan) == [[("县人社局", "lead")], [("县农业农村局", "lead")]]


def test_a_law_database_s_mark_before_a_duty_is_not_read():
    """1780 (Tianjin snow-and-ice plan, page 2 of a law database): ``[接上页] (9)市农委:负责评估…
    (10)市国资委:负责…``; the mark where the page goes on is set aside, and the first duty keeps its
    body (before, the mark hid 市农委 and the duty had none)."""
    plan = parse_text(
        "[接上页] (9)市农委:负责评估农业因灾损失情况,组织好蔬菜上市。"
        " (10)市国资委:负责会同行业主管部门组织市属国有大型企业做好相关应急物资的生产、调度工作。\n"
    )
    assert roles(plan) == [[("市农委", "responsible")], [("市国资委", "responsible")]]
    assert any(issue.kind == "page-furniture" for issue in plan.issues)


def test_bodies_doing_the_work_together_beside_a_lead_support_it():
    """1785 (Zhejiang flood plan): ``省发改委牵头,省经贸委、省交通厅、杭州铁路分局、省军区、省武警总队等
    单位共同做好…`` and ``省气象局、水利厅…等单位共同做好…``; 共同做好 states the bodies' part, and
    省军区 is a body (before, the supporting list and the second sentence were lost)."""
    plan = parse_text(
        "(三)预测预报。省气象局、水利厅、海洋与渔业局等单位共同做好暴雨、洪水、台风的预测预报,及时上报省防指。\n"
        "(四)应急物资和电力通讯保障。省发改委牵头,省经贸委、省交通厅、杭州铁路分局、省军区、省武警总队等单位"
        "共同做好应急防汛抢险物资、器材等储备和调运工作。\n"
    )
    assert roles(plan) == [
        [("省气象局", "responsible"), ("省水利厅", "responsible"), ("省海洋与渔业局", "responsible")],
        [
            ("省发改委", "lead"),
            ("省经贸委", "support"),
            ("省交通厅", "support"),
            ("杭州铁路分局", "support"),
            ("省军区", "support"),
            ("省武警总队", "support"),
        ],
    ]


def test_bodies_dividing_the_work_among_them_answer_for_it():
    """1820 (a news report of the State Council's 2019 division): ``完善药品集中采购和使用机制,由国家医保局、
    国家卫生健康委、国家药监局等分工负责。``; 分工负责 is a role verb, so every body listed answers for
    the task (before, ``国家药监局等分工`` was taken for a name and left out)."""
    plan = parse_text(
        "一、重点工作\n"
        "1.完善药品集中采购和使用机制,由国家医保局、国家卫生健康委、国家药监局等分工负责。\n"
        "2.支持中医药事业传承创新发展,由国家卫生健康委、国家中医药局等分工负责。\n"
    )
    assert roles(plan) == [
        [("国家医保局", "responsible"), ("国家卫生健康委", "responsible"), ("国家药监局", "responsible")],
        [("国家卫生健康委", "responsible"), ("国家中医药局", "responsible")],
    ]


def test_departments_duties_written_as_sentences_each_answer_for_their_own():
    """1325 (Datong county's H1N1 plan): ``县财政局负责安排…`` / ``县交通局协助卫生行政部门…`` /
    ``县旅游局组织做好…``; in a run of paragraphs each opening with a body doing its work, the body
    answers for its paragraph whatever its verb (before, only the lines with 负责 were read)."""
    plan = parse_text(
        "县财政局负责安排应对甲型H1N1流感应急处理所需经费,并做好经费使用的监督管理工作。\n"
        "县交通局协助卫生行政部门对乘坐公路交通工具的人员进行检疫、查验工作。\n"
        "县经济局在甲型H1N1流感期间,负责组织生活必需品的市场供应,维护市场秩序。\n"
        "县旅游局组织做好旅游团队及人员的宣传、登记、观察工作。\n"
    )
    assert roles(plan) == [
        [("县财政局", "responsible")],
        [("县交通局", "responsible")],
        [("县经济局", "responsible")],
        [("县旅游局", "responsible")],
    ]


def test_a_roster_of_persons_beside_their_posts_is_no_run_of_duties():
    """1052 (Panzhihua joint meeting): member lines ``熊培元 市委组织部副部长`` beside duty lines
    ``市委宣传部负责…``; a person's name before a body's is no body opening its work."""
    plan = parse_text(
        "成 员：庞 德 市政府副秘书长\n"
        "熊培元 市委组织部副部长\n"
        "钱 卫 市民政局局长\n"
        "市委宣传部负责做好殡葬改革宣传引导工作。\n"
        "市委组织部负责掌握党员、干部治丧情况。\n"
    )
    assert roles(plan) == [[("市委宣传部", "responsible")], [("市委组织部", "responsible")]]


def test_a_working_group_led_by_a_department_named_after_its_topic():
    """1849 (a city's animal-epidemic plan, 各工作组职责): ``疫区封锁组由市畜牧兽医局负责牵头组织协调有关
    单位,对疫点…``; the department after 由 leads the group's work, though the verb goes on with words
    of the work, and the heading names no body of its own (before, 各工作组 was taken for one)."""
    plan = parse_text(
        "2.2.3各工作组职责\n"
        "疫区封锁组由市畜牧兽医局负责牵头组织协调有关单位,对疫点、疫区进行隔离、封锁,控制疫源流动。\n"
        "治安管理组由市公安局负责牵头组织协调有关单位,做好现场和疫区社会治安和安全保卫工作。\n"
    )
    assert roles(plan) == [[("市畜牧兽医局", "lead")], [("市公安局", "lead")]]


def test_working_groups_before_their_duties_answer_for_them():
    """1840 (Liupanshui geological-disaster plan, page 2, one line): ``3.抢险救助组:负责抢救受害人员…
    4.医疗救护与卫生防疫组:负责组织急救队伍…``; a working group named before a colon and 负责 answers
    for its duties (before, a group's name was no body and the items were lost without a word)."""
    plan = parse_text(
        "[接上页] 3.抢险救助组:负责抢救受害人员、寻找失踪人员。"
        " 4.医疗救护与卫生防疫组:负责组织急救队伍救护伤员。 5.维稳组:负责灾区社会治安管理、安全保卫工作。\n"
    )
    assert roles(plan) == [
        [("抢险救助组", "responsible")],
        [("医疗救护与卫生防疫组", "responsible")],
        [("维稳组", "responsible")],
    ]
    plan = parse_text("（三）新增和表演项目组：参加形式不限。\n")  # 1023: 参加 is no duty of a group
    assert roles(plan) == []


def test_a_group_of_leagues_offices_and_cities_governments_is_kept_whole():
    """1883 (Inner Mongolia 2017 tourism plan): ``(责任单位:自治区旅游发展委员会,各盟行政公署、市人民政府;
    完成时限:2017年)``; 各 goes on to the cities' governments after the leagues' offices: one group as
    written (before, 市人民政府 was read as a body of its own)."""
    plan = parse_text(
        "一、总体目标\n"
        "(二)盟市目标。各盟市旅游人数、旅游业总收入增长速度高于2016年水平。"
        "(责任单位:各盟行政公署、市人民政府;完成时限:2017年)\n"
    )
    assert roles(plan) == [[("各盟行政公署、市人民政府", "responsible")]]
    assert plan.tasks[0].deadline == "2017年"


def test_items_numbered_in_brackets_nest_under_a_decimal_heading():
    """1844 (Kunming grain emergency plan): ``2.1.2市粮食应急指挥部办公室职责`` over ``(1)根据…`` ``(2)…``
    (printed here a line each); the bracketed items nest under the decimal heading, which names their
    body (before, both numberings were one level and the items lost the office)."""
    plan = parse_text(
        "2.1.2市粮食应急指挥部办公室职责\n"
        "(1)根据应急状态下全国及省内粮食市场动态,向市粮食应急指挥部提出相应的行动建议。\n"
        "(2)综合应急工作情况,起草有关文件和简报。\n"
        "2.1.3市粮食应急工作指挥部成员单位职责\n"
        "(1)市公安局负责维护粮食供应场所的治安秩序。\n"
    )
    assert roles(plan) == [
        [("市粮食应急指挥部办公室", "responsible")],
        [("市粮食应急指挥部办公室", "responsible")],
        [("市公安局", "responsible")],
    ]


def test_a_member_table_of_body_and_duty_cells_parted_by_a_space():
    """1927 (Yueyang special-equipment plan, a table flattened a row a line): ``市质监局 综合协调和督查…``
    / ``市工业经委 负责…`` / ``市卫生局 组织事故医疗救护工作。``; each row's body answers for its duty
    cell, whatever the verb (before, only the rows opening with 负责 were read)."""
    plan = parse_text(
        "市质监局 综合协调和督查全市特种设备安全事故应急救援工作。\n"
        "市工业经委 负责特种设备企业事故应急救援中的有关协调工作。\n"
        "市卫生局 组织事故医疗救护工作。\n"
    )
    assert roles(plan) == [
        [("市质监局", "responsible")],
        [("市工业经委", "responsible")],
        [("市卫生局", "responsible")],
    ]


def test_a_page_titled_by_a_body_s_name_is_about_its_duties():
    """1910 (a wiki copy of the 三定 text of Heilongjiang's general office): the page opens with the name
    alone, ``黑龍江省人民政府辦公廳``, then ``主要職責是:`` over ``(一)負責…``; the items are that body's
    duties (before, the page was refused); a page opening with addressees (国务院有关部门) is not."""
    plan = parse_text(
        "黑龍江省人民政府辦公廳\n"
        "黑龍江省政府辦公廳是協助省政府領導處理省政府日常工作的辦公機構。\n"
        "主要職責是:\n"
        "(一)負責省政府會議的會務工作,協助省政府領導同志組織實施會議決定事項。\n"
        "(二)協助省政府領導同志組織起草或審核以省政府、省政府辦公廳名義發布的公文。\n"
    )
    assert roles(plan) == [[("黑龙江省人民政府办公厅", "responsible")]] * 2


def test_departments_doing_their_part_by_their_own_duties():
    """1902 (Chongqing road-safety opinion): ``林业、农业、煤矿、…、水利、电力…主管部门按照各自职责,分别
    做好…``; 按照各自职责 states the bodies' part (before, the item named no body)."""
    plan = parse_text(
        "(13)工商部门:负责机动车及零配件生产企业合法性的监督管理。\n"
        "(14)林业、农业、水利部门按照各自职责,分别做好有关道路的交通安全管理,督促道路业主落实防范措施。\n"
    )
    assert roles(plan) == [
        [("工商部门", "responsible")],
        [("林业部门", "responsible"), ("农业部门", "responsible"), ("水利部门", "responsible")],
    ]


def test_powers_a_body_may_use_over_items_numbered_in_roman_numerals():
    """1928 (an Inner Mongolian league's mass-incident plan): ``③ 公安机关根据当地党委、政府决定,可依法行使
    下列职权:`` over ``Ⅰ 采取严密措施…`` ``Ⅱ …``; the heading names the body of the items, and Ⅰ Ⅱ
    number items under it (before, neither the heading nor the numerals were known)."""
    plan = parse_text(
        "③ 公安机关根据当地党委、政府决定,可依法行使下列职权:\n"
        "Ⅰ 采取严密措施,切实维护现场治安秩序和交通秩序。\n"
        "Ⅱ 依法迅速采取有效管制措施,控制现场事态的发展。\n"
    )
    assert roles(plan) == [[("公安机关", "responsible")]] * 2


def test_a_sentence_saying_which_body_oversees_is_no_body_s_name():
    """1903 (a city's dog-keeping rules, traditional): ``公安機關是養犬管理的主管部門,具體負責…``; the
    sentence 公安机关是养犬管理的主管部门 is no name of a group of bodies (before, it was read as one)."""
    plan = parse_text(
        "第五條\n"
        "公安機關是養犬管理的主管部門,具體負責養犬登記、犬只扣留、捕捉流浪犬等工作。\n"
        "城管部門負責查處影響市容和公共場所環境衛生的養犬行為。\n"
    )
    bodies = {body for task in roles(plan) for body, _ in task}
    assert "城管部门" in bodies
    assert not any("是" in body for body in bodies)


def test_items_run_together_on_a_law_library_s_page_each_take_their_body():
    """1921 (Xiamen railway-accident plan, page 2 of a law library, one line): ``2.2.2市现场救援指挥部主要
    职责: (1)在省…指挥下,具体负责… (2)决定启动和终止本预案; … 市现场救援指挥部成员单位职责 (1)南昌
    铁路局各驻厦机构。…(2)市交通运输局。按照…,负责通知…``; items numbered (1) (2) open after a space
    as 1. does, and each member's item takes its own body (before, the line was one task)."""
    plan = parse_text(
        "[接上页] 2.2.2市现场救援指挥部主要职责: (1)在省处置铁路行车事故应急救援指挥部的统一领导和指挥下,"
        "具体负责行车事故现场的群众疏散安置工作。 (2)决定启动和终止本预案; "
        "市现场救援指挥部成员单位职责 (1)市交通运输局。按照市现场救援指挥部的要求,负责通知市现场救援指挥部"
        "成员单位。 (2)市卫生局。按照相关应急预案,负责协调事故伤员的医疗救护工作。\n"
    )
    assert roles(plan) == [
        [("市现场救援指挥部", "responsible")],
        [("市现场救援指挥部", "responsible")],
        [("市交通运输局", "responsible")],
        [("市卫生局", "responsible")],
    ]


def test_an_article_naming_a_body_over_its_duties_after_clauses():
    """1981 (Jilin 2008 fire-safety rules): ``第八条 县级人民政府公安消防机构应依据法律法规,对本行政区域内
    的消防工作实施监督管理,依法履行下列职责:`` over ``(一)…`` and ``第九条 乡(镇)人民政府、街道办事处、
    社区组织应当履行下列消防安全职责:``; the body before the clauses answers for the items, and the
    duties may be named by their field (before, only one item was read)."""
    plan = parse_text(
        "第八条 县级人民政府公安消防机构应依据法律法规,对本行政区域内的消防工作实施监督管理,"
        "依法履行下列职责:\n"
        "(一)执行消防法律、行政法规和技术标准。\n"
        "(二)履行消防行政许可职责,加强消防产品监督。\n"
        "第十条 县级以上人民政府教育行政部门应当履行下列消防安全职责:\n"
        "(一)将消防知识纳入学校教育、教学、培训内容。\n"
    )
    assert roles(plan) == [
        [("县级人民政府公安消防机构", "responsible")],
        [("县级人民政府公安消防机构", "responsible")],
        [("县级以上人民政府教育行政部门", "responsible")],
    ]


def test_each_department_named_by_its_duty_is_a_group():
    """1984 (Gansu 2010 safety-production opinions): ``(省安监局牵头,各负有安全生产监管职责的部门分工负责)``;
    a group named by its duty keeps its 各 (before, 各 hid the duty that names the group, and the
    bracket was set aside as unread)."""
    plan = parse_text(
        "一、主要措施\n"
        "1.切实加大安全监管力度。(省安监局牵头,各负有安全生产监管职责的部门分工负责)\n"
    )
    assert roles(plan) == [[("省安监局", "lead"), ("各负有安全生产监管职责的部门", "support")]]


def test_items_under_a_heading_naming_their_body_keep_it_though_they_open_with_a_group():
    """1982 (a city's fire-safety member duties): ``十三、市安全生产监督管理局`` over ``1.指导全市各级安监部门
    加强化学危险品监督管理…`` ``2.督促有关部门和社会单位落实…``; the heading names the items' body, and
    the words opening an item are its work, not a body (before, 指导全市各级安监部门 was read as one)."""
    plan = parse_text(
        "十二、市民政局\n"
        "1、督促各级民政部门严格养老院、福利院等社会福利机构审批。\n"
        "十三、市安全生产监督管理局\n"
        "1、指导全市各级安监部门加强化学危险品监督管理,适时开展专项检查。\n"
        "2、指导全市各级安全生产监督管理部门督促有关部门和社会单位落实消防安全责任制。\n"
        "3、参与对重、特大火灾事故的调查处理、责任追究工作。\n"
    )
    assert roles(plan) == [
        [("市民政局", "responsible")],
        [("市安全生产监督管理局", "responsible")],
        [("市安全生产监督管理局", "responsible")],
        [("市安全生产监督管理局", "responsible")],
    ]


def test_a_notice_s_signature_is_no_body_the_page_is_about():
    """1990 (Yangchun 2021 fire-safety rules): the notice opens with its addressees, is signed
    ``阳春市人民政府`` on a line of its own, then the rules' articles follow; only a page's first line
    names the body the page is about, so the articles are not the signer's duties (before, 第一条 and
    第三条 were given to 阳春市人民政府)."""
    plan = parse_text(
        "阳春市人民政府关于印发《阳春市消防安全责任制规定》的通知【已废止】\n\n"
        "各镇人民政府(街道办事处)、市府直属有关单位:\n\n"
        "  《阳春市消防安全责任制规定》已经市政府第十六届109次常务会议审议通过,"
        "现印发给你们,请认真贯彻执行。\n\n"
        " 阳春市人民政府\n\n  2021年7月20日\n\n"
        "  阳春市消防安全责任制规定\n\n  第一章 总   则\n\n"
        "  第一条  为进一步加强和改进我市消防工作,明晰各级消防工作职责,夯实基层消防工作基础。\n\n"
        "  第三条  坚持权责一致、依法履职、失责追责。"
        "对不履行或不按规定履行消防安全职责的单位和个人,依法依规追究责任。\n\n"
        "  第二章 消防工作职责\n\n"
        "  第四条  市消防安全委员会应当履行下列消防工作职责:\n\n"
        "  (一)组织制定本行政区域内消防工作规划和年度计划,经政府批准后组织实施。\n"
    )
    assert roles(plan) == [[("市消防安全委员会", "responsible")]]
