"""Reading a task's deadline and lead official where a plan states them once for many tasks or in
passing (corpus files 36, 120, 382 and the form of the work-report divisions 04, 24, 93, 1010).

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test);
the expected values are what a reader finds in it.
"""

from hbey_graph.extract.parser import parse_text


def fields(plan):
    return [(task.lead_official, plan.lead_of(task.task_id)) for task in plan.tasks]


def test_an_officials_heading_covers_the_items_under_the_bodies_headings_inside_it():
    """36 (Shanxi, 2008): ``二、薛延忠常务副省长负责的工作`` over ``（一）省人民政府办公厅牵头的工作``
    and its items: the office leads them, the vice-governor is their lead official."""
    plan = parse_text(
        "一、主要工作\n"
        "(三)省编办牵头的工作\n"
        "1.深化行政管理体制改革,优化政府机构设置。\n"
        "协同单位:省财政厅、省人事厅、省农业厅等省直有关部门和各市人民政府。\n"
        "二、薛延忠常务副省长负责的工作\n"
        "协助省长抓好省人民政府工作任务的落实。\n"
        "(一)省人民政府办公厅牵头的工作\n"
        "1.加强政府自身建设,切实优化政务环境。\n"
        "协同单位:省直有关部门和各市人民政府。\n"
    )
    assert fields(plan) == [("", "省编办"), ("薛延忠常务副省长", "省人民政府办公厅")]


def test_an_officials_heading_may_close_with_a_bracket_of_those_who_assist():
    """120 (Shanxi, 2006), its lines as a copy that keeps them apart prints them: the heading closes
    with the officials who assist (``(李政文秘书长、刘俊谦省长助理协助)``)."""
    plan = parse_text(
        "第一部分:“十一五”期间主要工作任务的责任分解\n"
        "一、于幼军省长负责的工作(李政文秘书长、刘俊谦省长助理协助)\n"
        "对主要工作任务负总责,同时具体负责以下工作:\n"
        "(一)省监察委员会牵头的工作\n"
        "强化行政监察,建立健全教育、制度、监督并重的惩治和预防腐败体系。\n"
        "协同部门:省政府办公厅、发展改革委、教育厅。\n"
        "(二)省审计厅牵头的工作\n"
        "强化审计监督,依法开展审计工作,维护财政经济秩序,促进廉政建设。\n"
        "协同部门:省政府办公厅、财政厅、地税局等和各市、县人民政府。\n"
    )
    assert fields(plan) == [("于幼军省长", "省监察委员会"), ("于幼军省长", "省审计厅")]


def test_a_deadline_closing_a_tasks_text_is_its_deadline():
    """382 (Lintou town, traditional characters): each project closes with when it is expected to be
    done (``預計2021年11月份完成``); the deadline is given in simplified characters, as the
    document's other fields are matched."""
    plan = parse_text(
        "聚焦“幸福民生”,。由鎮公路站負責的農村道路硬化項目,,整合交通、扶貧,、一事一議等項目資金,,"
        "建設福山、青龍等自然村內約12.3公里道路硬化,,預計2021年11月份完成。\n"
        "聚焦“綠色轉型”,。由鎮經濟發展辦負責的林洋集團光伏發電項目,,扭轉土地2000畝,"
        "新建100兆瓦光伏發電站項目,,預計2021年6月份完成,。\n"
    )
    assert [task.deadline for task in plan.tasks] == ["预计2021年11月份完成", "预计2021年6月份完成"]


def test_a_clause_that_only_names_a_month_inside_the_text_is_no_deadline():
    """The deadline must close the text: ``2021年6月`` opening a clause of the work is not one."""
    plan = parse_text("一、任务\n1.2021年6月,启动道路硬化项目,全年完成12.3公里。（鎮公路站負責）\n")
    assert plan.tasks[0].deadline == ""
