"""The responsibility graph: schema, keys and attributes on the small hand-made plan and the bundled plan."""

import dataclasses
import warnings
from collections import Counter

import networkx as nx
import pytest
from small_plan import BAOTOU, HOHHOT, PLAN_ID, TEXT, E, F, H, K, S, W, small_plan

from hbey_graph import load_plan, parse_text
from hbey_graph.graph import (
    body_table,
    build_graph,
    edge_key,
    node_key,
    nodes_of_kind,
    plan_ids,
    split_key,
    task_assignments,
    task_table,
)
from hbey_graph.records import Assignment

BUNDLED = "nmg-2018-55-hbey-plan"


def key(kind, local, plan_id=PLAN_ID):
    return f"{plan_id}|{kind}|{local}"


@pytest.fixture(scope="module")
def small():
    return build_graph(small_plan())


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_node_keys_are_plan_scoped():
    assert node_key("p", "Body", "自治区财政厅") == "p|Body|自治区财政厅"
    assert split_key("p|Place|托克托县") == ("p", "Place", "托克托县")


def test_small_plan_node_and_edge_counts(small):
    # 1 plan + 5 sections + 4 tasks + 8 bodies + 8 places + 2 projects
    assert Counter(kind for _, kind in small.nodes(data="kind")) == {
        "Plan": 1, "Section": 5, "Task": 4, "Body": 8, "Place": 8, "Project": 2,
    }
    # IN_PLAN: section 1; IN_SECTION: 4 section→parent + 4 task→item; 16 assignments (4 lead, 6 support,
    # 6 implement); PART_OF: 4 cities→province, 2 banners→city; MENTIONS: T1.1.1 包头市 土默特右旗 达拉特旗,
    # T1.1.2 包头市 榆林市 内蒙古自治区 陕西省; CONCERNS 2; LOCATED_IN 1 + 2; LINKED_TO: 3 place + 4 city
    assert Counter(t for _, _, t in small.edges(data="type")) == {
        "IN_PLAN": 1, "IN_SECTION": 8, "LEADS": 4, "SUPPORTS": 6, "IMPLEMENTS": 6, "PART_OF": 6,
        "MENTIONS": 7, "CONCERNS": 2, "LOCATED_IN": 3, "LINKED_TO": 7,
    }
    assert small.number_of_nodes() == 28
    assert small.number_of_edges() == 50


def test_node_attributes(small):
    assert small.nodes[key("Plan", PLAN_ID)] == {
        "kind": "Plan", "plan_id": "small", "name": "测〔2024〕1号", "title": "小计划",
        "doc_number": "测〔2024〕1号", "issuer": "测试人民政府", "date": "2024-01-02",
    }
    assert small.nodes[key("Section", "1.2")] == {
        "kind": "Section", "plan_id": "small", "name": "（二）共保生态环境", "key": "1.2", "number": "（二）",
        "title": "共保生态环境", "level": 2,
    }
    task = small.nodes[key("Task", "T1.1.2")]
    assert task == {
        "kind": "Task", "plan_id": "small", "name": "T1.1.2 推进科技成果转化", "task_id": "T1.1.2", "seq": 2,
        "section": "推进产业协同", "heading": "共建产业平台", "theme": "推进科技成果转化",
        "text": "推进科技成果转化。支持包头市与榆林市共建蒙陕合作实验区。",
    }
    # no theme: the name falls back on the heading and the attribute is absent
    assert small.nodes[key("Task", "T1.1.1")]["name"] == "T1.1.1 共建产业平台"
    assert "theme" not in small.nodes[key("Task", "T1.1.1")]
    assert small.nodes[key("Body", H)] == {
        "kind": "Body", "plan_id": "small", "name": H, "full_name": "中华人民共和国呼和浩特海关",
        "name_en": "Hohhot Customs District", "body_type": "central_agency", "level": "provincial",
    }
    assert small.nodes[key("Place", "达拉特旗")] == {
        "kind": "Place", "plan_id": "small", "name": "达拉特旗", "level": "banner",
        "parent_city": "鄂尔多斯市", "province": "内蒙古自治区", "lon": 110.04, "lat": 40.40,
        "name_en": "Dalad Banner",
    }
    # a province has no parent city and no coordinates here: those attributes are absent, not None
    assert small.nodes[key("Place", "陕西省")] == {
        "kind": "Place", "plan_id": "small", "name": "陕西省", "level": "province", "province": "陕西省",
        "name_en": "Shaanxi",
    }
    assert small.nodes[key("Project", "蒙陕合作实验区")] == {
        "kind": "Project", "plan_id": "small", "name": "蒙陕合作实验区", "category": "zone",
        "source": "catalogue",
    }


def test_attribute_values_are_plain_scalars(small, bundled):
    for G in (small, bundled):
        for _, data in G.nodes(data=True):
            assert all(type(v) in (str, int, float, bool) for v in data.values()), data
        for _, _, data in G.edges(data=True):
            assert all(type(v) in (str, int, float, bool) for v in data.values()), data


def test_role_edges_carry_position(small):
    edges = {
        (u, v, k): d for u, v, k, d in small.edges(keys=True, data=True) if d["type"] in ("LEADS", "SUPPORTS")
    }
    assert edges[key("Body", F), key("Task", "T1.1.1"), "LEADS"] == {"type": "LEADS", "position": 3}
    assert edges[key("Body", F), key("Task", "T2.1.1"), "SUPPORTS"] == {"type": "SUPPORTS", "position": 5}
    assert edges[key("Body", H), key("Task", "T2.1.2"), "SUPPORTS"] == {"type": "SUPPORTS", "position": 3}
    assert small.has_edge(key("Body", BAOTOU), key("Task", "T2.1.2"), key="IMPLEMENTS")
    assert not small.has_edge(key("Body", HOHHOT), key("Task", "T2.1.2"))


def test_outline_edges(small):
    assert list(small.out_edges(key("Task", "T2.1.1"), keys=True)) == [
        (key("Task", "T2.1.1"), key("Section", "1.2.1"), "IN_SECTION")
    ]
    assert small.has_edge(key("Section", "1.2.1"), key("Section", "1.2"), key="IN_SECTION")
    assert small.has_edge(key("Section", "1.2"), key("Section", "1"), key="IN_SECTION")
    assert list(small.out_edges(key("Section", "1"), keys=True)) == [
        (key("Section", "1"), key("Plan", PLAN_ID), "IN_PLAN")
    ]


def test_place_edges(small):
    mentions = small[key("Task", "T1.1.1")][key("Place", "包头市")]
    assert mentions == {"MENTIONS": {"type": "MENTIONS", "count": 2}}
    assert small[key("Task", "T1.1.2")][key("Place", "陕西省")]["MENTIONS"]["count"] == 1
    part_of = {(split_key(u)[2], split_key(v)[2]) for u, v, t in small.edges(data="type") if t == "PART_OF"}
    assert part_of == {
        ("呼和浩特市", "内蒙古自治区"), ("包头市", "内蒙古自治区"), ("鄂尔多斯市", "内蒙古自治区"),
        ("榆林市", "陕西省"), ("土默特右旗", "包头市"), ("达拉特旗", "鄂尔多斯市"),
    }
    assert small.has_edge(key("Task", "T1.1.2"), key("Project", "蒙陕合作实验区"), key="CONCERNS")
    located = {split_key(v)[2] for _, v, t in small.out_edges(key("Project", "蒙陕合作实验区"), data="type")}
    assert located == {"包头市", "榆林市"}


def test_links_keep_level_kind_and_task_apart(small):
    # the place-level and the city-level cooperation link of T1.1.2 join the same two cities
    between = small[key("Place", "包头市")][key("Place", "榆林市")]
    assert set(between) == {"LINKED_TO|place|cooperation|T1.1.2", "LINKED_TO|city|cooperation|T1.1.2"}
    assert between["LINKED_TO|city|cooperation|T1.1.2"] == {
        "type": "LINKED_TO", "kind": "cooperation", "level": "city", "task_id": "T1.1.2",
        "evidence": "支持包头市与榆林市共建蒙陕合作实验区",
    }
    # co-implementation stated by two tasks: two edges
    assert set(small[key("Place", "呼和浩特市")][key("Place", "包头市")]) == {
        "LINKED_TO|city|co_implementation|T1.1.1", "LINKED_TO|city|co_implementation|T2.1.1",
    }
    for _, _, k, d in small.edges(keys=True, data=True):
        assert k == edge_key(d)


def test_graph_metadata(small):
    assert small.graph == {
        "plan_ids": "small", "plan_id": "small", "title": "小计划", "doc_number": "测〔2024〕1号",
        "issuer": "测试人民政府", "date": "2024-01-02",
    }


def test_keys_are_stable_across_builds():
    first, second = build_graph(small_plan()), build_graph(small_plan())
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


def test_several_plans_share_one_graph():
    G = build_graph([small_plan(), small_plan("other")])
    assert G.graph == {"plan_ids": "small,other"}
    assert plan_ids(G) == ["small", "other"]
    assert G.number_of_nodes() == 56 and G.number_of_edges() == 100
    assert G.has_edge(key("Body", F, "other"), key("Task", "T1.1.1", "other"), key="LEADS")
    assert not G.has_edge(key("Body", F, "other"), key("Task", "T1.1.1"))
    assert len(task_table(G)) == 8 and len(task_table(G, "other")) == 4
    assert len(body_table(G)) == 8  # one row per body name


def test_plan_ids_must_differ():
    with pytest.raises(ValueError, match="two plans share the plan id 'small'"):
        build_graph([small_plan(), small_plan()])


def test_assignment_of_unknown_task_is_an_error():
    plan = small_plan()
    plan.assignments.append(Assignment("T9.9.9", F, "lead", 1))
    with pytest.raises(ValueError, match=r"T9\.9\.9"):
        build_graph(plan)


def test_body_missing_from_the_body_table_still_takes_part():
    plan = small_plan()
    plan.assignments.append(Assignment("T2.1.2", "相关盟市", "support", 4, 3))
    G = build_graph(plan)
    assert G.nodes[key("Body", "相关盟市")] == {
        "kind": "Body", "plan_id": "small", "name": "相关盟市", "body_type": "other",
    }
    assert G.has_edge(key("Body", "相关盟市"), key("Task", "T2.1.2"), key="SUPPORTS")


def test_parsed_text_gives_the_same_responsibility_edges():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = parse_text(TEXT, plan_id=PLAN_ID)
    plan = dataclasses.replace(small_plan(), places={}, mentions=[], projects=[], links=[])
    roles = {"LEADS", "SUPPORTS", "IMPLEMENTS", "RESPONSIBLE_FOR"}

    def role_edges(G):
        return sorted((u, v, k, d["position"]) for u, v, k, d in G.edges(keys=True, data=True) if k in roles)

    assert role_edges(build_graph(parsed)) == role_edges(build_graph(plan))


def test_task_assignments_table(small):
    rows = task_assignments(small)
    assert list(rows.columns) == [
        "plan_id", "task_id", "seq", "section", "body", "body_type", "role", "position",
    ]
    assert rows[rows.task_id == "T2.1.2"][["body", "body_type", "role", "position"]].values.tolist() == [
        [BAOTOU, "city_government", "implementer", 1], [W, "region_department", "lead", 2],
        [H, "central_agency", "support", 3],
    ]
    leads = task_assignments(small, roles=["lead"])
    assert leads.body.tolist() == [F, F, E, W]
    assert len(task_assignments(small, roles=("support",))) == 6
    assert set(task_assignments(small, roles=("lead", "support")).body) == {F, K, S, E, W, H}
    with pytest.raises(ValueError, match="unknown role 'leader'"):
        task_assignments(small, roles=["leader"])
    with pytest.raises(KeyError, match="no plan 'nope'"):
        task_assignments(small, plan_id="nope")
    with pytest.raises(ValueError, match="unknown node kind"):
        list(nodes_of_kind(small, "Department"))


def test_bundled_plan_graph(bundled):
    assert bundled.graph["plan_id"] == BUNDLED
    assert bundled.graph["doc_number"] == "内政发〔2018〕55号"
    assert bundled.graph["date"] == "2018-12-29"
    tasks = [n for n, kind in bundled.nodes(data="kind") if kind == "Task"]
    assert len(tasks) == 38
    # every task has exactly one lead and stands in a numbered item of 三、主要任务
    for task in tasks:
        in_types = Counter(k for _, _, k in bundled.in_edges(task, keys=True))
        assert in_types["LEADS"] == 1, task
        (section,) = [v for _, v, k in bundled.out_edges(task, keys=True) if k == "IN_SECTION"]
        assert bundled.nodes[section]["level"] == 3
        assert nx.has_path(bundled, task, key("Section", "3", BUNDLED))
    assert sum(1 for _, kind in bundled.nodes(data="kind") if kind == "Body") == 32
    # T3.1.3: 呼和浩特市、包头市、鄂尔多斯市人民政府，自治区发展改革委、交通运输厅，内蒙古民航机场集团公司
    into = {split_key(u)[2]: k for u, _, k in bundled.in_edges(key("Task", "T3.1.3", BUNDLED), keys=True)}
    assert into == {
        "呼和浩特市人民政府": "IMPLEMENTS", "包头市人民政府": "IMPLEMENTS",
        "鄂尔多斯市人民政府": "IMPLEMENTS",
        "自治区发展改革委": "LEADS", "自治区交通运输厅": "SUPPORTS", "内蒙古民航机场集团公司": "SUPPORTS",
    }


def test_plan_without_tasks_gives_empty_tables():
    from hbey_graph import analysis
    from hbey_graph.records import Plan

    G = build_graph(Plan("empty", "", "", "", None, None))
    assert list(G.nodes) == ["empty|Plan|empty"]
    for name in ("lead_workload", "area_lead_table", "coordination_edges", "co_assignment_table",
                 "coordination_clusters", "cluster_summary", "centrality", "cross_city_edges",
                 "cross_city_matrix", "place_links", "responsibility_matrix", "allocation_table"):
        assert getattr(analysis, name)(G).empty, name
