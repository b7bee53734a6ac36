"""A small hand-made plan whose analyses the tests work out by hand.

Four tasks in two areas, eight bodies (five region departments, one central agency, two city
governments), eight places, two projects and seven links. ``TEXT`` is the same plan written as
plan text; ``small_plan()`` builds the records directly so that the analysis tests do not depend
on the parser.

Departments (lead / support / responsible roles) per task, the lead first:

    T1.1.1  推进产业协同  发展改革委 (lead), 科技厅, 商务厅      + 呼和浩特市, 包头市 implement
    T1.1.2  推进产业协同  发展改革委 (lead), 科技厅              + 呼和浩特市
    T2.1.1  共保生态环境  生态环境厅 (lead), 水利厅, 发展改革委  + 呼和浩特市, 包头市
    T2.1.2  共保生态环境  水利厅 (lead), 呼和浩特海关            + 包头市
"""

from __future__ import annotations

from datetime import date

from hbey_graph.records import Assignment, Body, Link, Mention, Place, Plan, Project, Section, Task

PLAN_ID = "small"

F = "自治区发展改革委"
K = "自治区科技厅"
S = "自治区商务厅"
E = "自治区生态环境厅"
W = "自治区水利厅"
H = "呼和浩特海关"
HOHHOT = "呼和浩特市人民政府"
BAOTOU = "包头市人民政府"

TEXT = """一、主要任务

（一）推进产业协同

1. 共建产业平台。

建设包头市产业协作平台，推动包头市—土默特右旗—达拉特旗协同发展。（实施主体：呼和浩特市、包头市人民政府，自治区发展改革委、科技厅、商务厅）

推进科技成果转化。支持包头市与榆林市共建蒙陕合作实验区。（实施主体：呼和浩特市人民政府，自治区发展改革委、科技厅）

（二）共保生态环境

1. 共治水污染。

开展流域综合治理。（实施主体：呼和浩特市、包头市人民政府，自治区生态环境厅、水利厅、发展改革委）

推进入河排污口监测。（实施主体：包头市人民政府，自治区水利厅，呼和浩特海关）
"""

TASK_TEXTS = {
    "T1.1.1": "建设包头市产业协作平台，推动包头市—土默特右旗—达拉特旗协同发展。",
    "T1.1.2": "推进科技成果转化。支持包头市与榆林市共建蒙陕合作实验区。",
    "T2.1.1": "开展流域综合治理。",
    "T2.1.2": "推进入河排污口监测。",
}

#: (task_id, body, role, position, group) in annotation order.
ASSIGNMENTS = [
    ("T1.1.1", HOHHOT, "implementer", 1, 1),
    ("T1.1.1", BAOTOU, "implementer", 2, 1),
    ("T1.1.1", F, "lead", 3, 2),
    ("T1.1.1", K, "support", 4, 2),
    ("T1.1.1", S, "support", 5, 2),
    ("T1.1.2", HOHHOT, "implementer", 1, 1),
    ("T1.1.2", F, "lead", 2, 2),
    ("T1.1.2", K, "support", 3, 2),
    ("T2.1.1", HOHHOT, "implementer", 1, 1),
    ("T2.1.1", BAOTOU, "implementer", 2, 1),
    ("T2.1.1", E, "lead", 3, 2),
    ("T2.1.1", W, "support", 4, 2),
    ("T2.1.1", F, "support", 5, 2),
    ("T2.1.2", BAOTOU, "implementer", 1, 1),
    ("T2.1.2", W, "lead", 2, 2),
    ("T2.1.2", H, "support", 3, 3),
]

_REGION, _PROVINCIAL = "region_department", "provincial"
BODIES = [
    Body(HOHHOT, HOHHOT, "Hohhot Municipal People's Government", "city_government", "prefecture"),
    Body(BAOTOU, BAOTOU, "Baotou Municipal People's Government", "city_government", "prefecture"),
    Body(F, "内蒙古自治区发展和改革委员会", "Development and Reform Commission", _REGION, _PROVINCIAL),
    Body(K, "内蒙古自治区科学技术厅", "Department of Science and Technology", _REGION, _PROVINCIAL),
    Body(S, "内蒙古自治区商务厅", "Department of Commerce", _REGION, _PROVINCIAL),
    Body(E, "内蒙古自治区生态环境厅", "Department of Ecology and Environment", _REGION, _PROVINCIAL),
    Body(W, "内蒙古自治区水利厅", "Department of Water Resources", _REGION, _PROVINCIAL),
    Body(H, "中华人民共和国呼和浩特海关", "Hohhot Customs District", "central_agency", "provincial"),
]

PLACES = [
    Place("呼和浩特市", "city", "呼和浩特市", "内蒙古自治区", 111.75, 40.84, "Hohhot"),
    Place("包头市", "city", "包头市", "内蒙古自治区", 109.84, 40.66, "Baotou"),
    Place("鄂尔多斯市", "city", "鄂尔多斯市", "内蒙古自治区", 109.78, 39.61, "Ordos"),
    Place("榆林市", "city", "榆林市", "陕西省", 109.73, 38.29, "Yulin"),
    Place("土默特右旗", "banner", "包头市", "内蒙古自治区", 110.52, 40.57, "Tumed Right Banner"),
    Place("达拉特旗", "banner", "鄂尔多斯市", "内蒙古自治区", 110.04, 40.40, "Dalad Banner"),
    Place("内蒙古自治区", "province", None, "内蒙古自治区", None, None, "Inner Mongolia"),
    Place("陕西省", "province", None, "陕西省", None, None, "Shaanxi"),
]

MENTIONS = [
    Mention("T1.1.1", "包头市", "包头市", 2, 5),
    Mention("T1.1.1", "包头市", "包头市", 14, 17),
    Mention("T1.1.1", "土默特右旗", "土默特右旗", 18, 23),
    Mention("T1.1.1", "达拉特旗", "达拉特旗", 24, 28),
    Mention("T1.1.2", "包头市", "包头市", 11, 14),
    Mention("T1.1.2", "榆林市", "榆林市", 15, 18),
    Mention("T1.1.2", "内蒙古自治区", "蒙", 20, 21, via="abbreviation"),
    Mention("T1.1.2", "陕西省", "陕", 21, 22, via="abbreviation"),
]

PROJECTS = [
    Project("产业协作平台", "platform", "T1.1.1", ("包头市",), source="pattern"),
    Project("蒙陕合作实验区", "zone", "T1.1.2", ("包头市", "榆林市")),
]

_CHAIN = "推动包头市—土默特右旗—达拉特旗协同发展"
_COOPERATION = "支持包头市与榆林市共建蒙陕合作实验区"
LINKS = [
    Link("包头市", "土默特右旗", "place", "chain", "T1.1.1", _CHAIN),
    Link("土默特右旗", "达拉特旗", "place", "chain", "T1.1.1", _CHAIN),
    Link("包头市", "鄂尔多斯市", "city", "chain", "T1.1.1", _CHAIN),
    Link("呼和浩特市", "包头市", "city", "co_implementation", "T1.1.1", "呼和浩特市、包头市人民政府"),
    Link("包头市", "榆林市", "place", "cooperation", "T1.1.2", _COOPERATION),
    Link("包头市", "榆林市", "city", "cooperation", "T1.1.2", _COOPERATION),
    Link("呼和浩特市", "包头市", "city", "co_implementation", "T2.1.1", "呼和浩特市、包头市人民政府"),
]


def small_plan(plan_id: str = PLAN_ID) -> Plan:
    """Build the small plan from records."""
    sections = [
        Section("1", "一、", "主要任务", 1, 1),
        Section("1.1", "（一）", "推进产业协同", 2, 3),
        Section("1.1.1", "1.", "共建产业平台", 3, 5),
        Section("1.2", "（二）", "共保生态环境", 2, 11),
        Section("1.2.1", "1.", "共治水污染", 3, 13),
    ]
    themes = {
        "T1.1.1": None,
        "T1.1.2": "推进科技成果转化",
        "T2.1.1": "开展流域综合治理",
        "T2.1.2": "推进入河排污口监测",
    }
    tasks = []
    for seq, (task_id, text) in enumerate(TASK_TEXTS.items(), start=1):
        area = task_id[1]
        tasks.append(
            Task(
                task_id=task_id,
                seq=seq,
                section_path=("1", f"1.{area}", f"1.{area}.1"),
                section="推进产业协同" if area == "1" else "共保生态环境",
                heading="共建产业平台" if area == "1" else "共治水污染",
                theme=themes[task_id],
                text=text,
                annotation="",
                lines=(7 + 2 * (seq - 1), 7 + 2 * (seq - 1)),
            )
        )
    return Plan(
        plan_id=plan_id,
        title="小计划",
        doc_number="测〔2024〕1号",
        issuer="测试人民政府",
        date=date(2024, 1, 2),
        source=None,
        sections=sections,
        tasks=tasks,
        bodies={body.name: body for body in BODIES},
        assignments=[Assignment(*row) for row in ASSIGNMENTS],
        places={place.name: place for place in PLACES},
        mentions=list(MENTIONS),
        projects=list(PROJECTS),
        links=list(LINKS),
    )


def plan_of(tasks: dict[str, list[str]], plan_id: str = "tiny") -> Plan:
    """A minimal plan: one area, one task per entry, the first body leading and the others supporting."""
    sections = [Section("1", "一、", "主要任务", 1, 1), Section("1.1", "（一）", "任务", 2, 2)]
    plan = Plan(plan_id, title="", doc_number="", issuer="", date=None, source=None, sections=sections)
    for seq, (task_id, bodies) in enumerate(tasks.items(), start=1):
        plan.tasks.append(Task(task_id, seq, ("1", "1.1"), "任务", "任务", None, task_id, "", (seq, seq)))
        for position, body in enumerate(bodies, start=1):
            plan.bodies.setdefault(body, Body(body, body, body, "region_department", "provincial"))
            role = "lead" if position == 1 else "support"
            plan.assignments.append(Assignment(task_id, body, role, position))
    return plan
