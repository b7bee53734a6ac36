"""The loader: rows from the graph, constraints, batched MERGE, idempotence, plans side by side."""

from __future__ import annotations

import warnings
from collections import Counter

import networkx as nx
import pytest

from hbey_graph.errors import GraphLoadError, ParseWarning
from hbey_graph.neo4j import graph_rows, load_graph, read_statements, run_query

TINY = "tiny"
BUNDLED_PLAN_ID = "nmg-2018-55-hbey-plan"  # the bundled file's stem


def k(kind: str, local: str) -> str:
    return f"{TINY}|{kind}|{local}"


def tiny_graph() -> nx.MultiDiGraph:
    """A graph in the schema of hbey_graph.graph, built by hand.

    Nodes: 1 Plan, 1 Section, 2 Tasks, 3 Bodies, 3 Places, 1 Project = 11.
    Relationships: IN_PLAN 1, IN_SECTION 2, LEADS 2, SUPPORTS 1, IMPLEMENTS 1, MENTIONS 1,
    CONCERNS 1, LOCATED_IN 1, PART_OF 2, LINKED_TO 2 (parallel, between the same two cities) = 14.
    """
    G = nx.MultiDiGraph()
    G.add_node(k("Plan", TINY), kind="Plan", plan_id=TINY, name="测发〔2024〕1号", title="测试方案",
               doc_number="测发〔2024〕1号", date="2024-01-02")
    G.add_node(k("Section", "3"), kind="Section", plan_id=TINY, name="三、主要任务", key="3", number="三、",
               title="主要任务", level=1)
    G.add_node(k("Task", "T1.1.1"), kind="Task", plan_id=TINY, name="T1.1.1 共建平台", task_id="T1.1.1",
               seq=1, section="推进产业协同", heading="共建平台", text="建设包头市产业协作平台。")
    G.add_node(k("Task", "T1.1.2"), kind="Task", plan_id=TINY, name="T1.1.2 共建园区", task_id="T1.1.2",
               seq=2, section="推进产业协同", heading="共建园区", text="建设鄂尔多斯产业园。")
    G.add_node(k("Body", "自治区发展改革委"), kind="Body", plan_id=TINY, name="自治区发展改革委",
               body_type="region_department", level="provincial")
    G.add_node(k("Body", "自治区科技厅"), kind="Body", plan_id=TINY, name="自治区科技厅",
               body_type="region_department", level="provincial")
    G.add_node(k("Body", "包头市人民政府"), kind="Body", plan_id=TINY, name="包头市人民政府",
               body_type="city_government", level="prefecture")
    G.add_node(k("Place", "包头市"), kind="Place", plan_id=TINY, name="包头市", level="city",
               lon=109.84, lat=40.66, name_en="Baotou")
    G.add_node(k("Place", "鄂尔多斯市"), kind="Place", plan_id=TINY, name="鄂尔多斯市", level="city")
    G.add_node(k("Place", "内蒙古自治区"), kind="Place", plan_id=TINY, name="内蒙古自治区", level="province")
    G.add_node(k("Project", "产业园"), kind="Project", plan_id=TINY, name="产业园", category="park",
               source="catalogue")

    def edge(u: str, v: str, rel_type: str, key: str | None = None, **attrs) -> None:
        G.add_edge(u, v, key=key or rel_type, type=rel_type, **attrs)

    edge(k("Section", "3"), k("Plan", TINY), "IN_PLAN")
    edge(k("Task", "T1.1.1"), k("Section", "3"), "IN_SECTION")
    edge(k("Task", "T1.1.2"), k("Section", "3"), "IN_SECTION")
    edge(k("Body", "自治区发展改革委"), k("Task", "T1.1.1"), "LEADS", position=2)
    edge(k("Body", "自治区科技厅"), k("Task", "T1.1.1"), "SUPPORTS", position=3)
    edge(k("Body", "包头市人民政府"), k("Task", "T1.1.1"), "IMPLEMENTS", position=1)
    edge(k("Body", "自治区科技厅"), k("Task", "T1.1.2"), "LEADS", position=1)
    edge(k("Task", "T1.1.1"), k("Place", "包头市"), "MENTIONS", count=2)
    edge(k("Task", "T1.1.2"), k("Project", "产业园"), "CONCERNS")
    edge(k("Project", "产业园"), k("Place", "鄂尔多斯市"), "LOCATED_IN")
    edge(k("Place", "包头市"), k("Place", "内蒙古自治区"), "PART_OF")
    edge(k("Place", "鄂尔多斯市"), k("Place", "内蒙古自治区"), "PART_OF")
    edge(k("Place", "包头市"), k("Place", "鄂尔多斯市"), "LINKED_TO", "LINKED_TO|city|cooperation|T1.1.1",
         kind="cooperation", level="city", task_id="T1.1.1", evidence="包头市与鄂尔多斯市合作。")
    edge(k("Place", "包头市"), k("Place", "鄂尔多斯市"), "LINKED_TO", "LINKED_TO|city|chain|T1.1.2",
         kind="chain", level="city", task_id="T1.1.2", evidence="包头—鄂尔多斯产业链。")
    return G


TINY_NODES = {"Plan": 1, "Section": 1, "Task": 2, "Body": 3, "Place": 3, "Project": 1}
TINY_RELATIONSHIPS = {"IN_PLAN": 1, "IN_SECTION": 2, "LEADS": 2, "SUPPORTS": 1, "IMPLEMENTS": 1,
                      "MENTIONS": 1, "CONCERNS": 1, "LOCATED_IN": 1, "PART_OF": 2, "LINKED_TO": 2}


def summary_counts(driver, plan_id: str) -> tuple[dict[str, int], dict[str, int]]:
    frame = run_query("graph_summary", driver, plan_id=plan_id)
    nodes = {row.type: row.count for row in frame.itertuples() if row.element == "node"}
    relationships = {row.type: row.count for row in frame.itertuples() if row.element == "relationship"}
    return nodes, relationships


def delete_plan(driver, plan_id: str) -> None:
    driver.execute_query(read_statements("load/delete_plan").text, {"plan_id": plan_id})


@pytest.fixture()
def tiny(driver):
    """The tiny plan's plan id; its nodes are deleted after the test."""
    delete_plan(driver, TINY)
    yield TINY
    delete_plan(driver, TINY)


# -- rows, no server -----------------------------------------------------------------------------


def test_graph_rows_group_nodes_by_label_and_edges_by_pattern():
    nodes, relationships = graph_rows(tiny_graph())
    assert {label: len(rows) for label, rows in nodes.items()} == TINY_NODES
    assert Counter({pattern[1]: len(rows) for pattern, rows in relationships.items()}) == Counter(
        {"IN_PLAN": 1, "IN_SECTION": 2, "LEADS": 2, "SUPPORTS": 1, "IMPLEMENTS": 1, "MENTIONS": 1,
         "CONCERNS": 1, "LOCATED_IN": 1, "PART_OF": 2, "LINKED_TO": 2}
    )
    baotou = next(row for row in nodes["Place"] if row["id"] == k("Place", "包头市"))
    assert baotou["properties"] == {"plan_id": TINY, "name": "包头市", "level": "city", "lon": 109.84,
                                    "lat": 40.66, "name_en": "Baotou", "id": "tiny|Place|包头市"}
    links = relationships[("Place", "LINKED_TO", "Place")]
    assert sorted(row["key"] for row in links) == [
        "LINKED_TO|city|chain|T1.1.2",
        "LINKED_TO|city|cooperation|T1.1.1",
    ]
    assert all("type" not in row["properties"] for row in links)


def test_graph_rows_reject_a_graph_outside_the_schema():
    G = tiny_graph()
    G.add_node("tiny|Agency|x", kind="Agency", plan_id=TINY, name="x")
    with pytest.raises(GraphLoadError, match="kind 'Agency'"):
        graph_rows(G)

    G = tiny_graph()
    G.nodes[k("Task", "T1.1.1")]["theme"] = None
    with pytest.raises(GraphLoadError, match=r"attribute 'theme' of node 'tiny\|Task\|T1\.1\.1' is None"):
        graph_rows(G)

    G = tiny_graph()
    G.add_edge(k("Task", "T1.1.1"), k("Body", "自治区科技厅"), key="LEADS", type="LEADS")
    with pytest.raises(GraphLoadError, match="joins Task to Body with LEADS"):
        graph_rows(G)

    G = tiny_graph()
    del G.nodes[k("Body", "自治区科技厅")]["plan_id"]
    with pytest.raises(GraphLoadError, match="no plan_id"):
        graph_rows(G)


def test_batch_size_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        load_graph(tiny_graph(), object(), batch_size=0)


# -- against the server --------------------------------------------------------------------------


def test_small_graph_loads_faithfully_and_reload_changes_nothing(driver, tiny):
    first = load_graph(tiny_graph(), driver)
    assert first.plan_ids == (TINY,)
    assert first.nodes == TINY_NODES
    assert first.relationships == TINY_RELATIONSHIPS
    assert (first.nodes_created, first.relationships_created) == (11, 14)
    assert summary_counts(driver, TINY) == (TINY_NODES, TINY_RELATIONSHIPS)

    second = load_graph(tiny_graph(), driver)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert second.constraints_added == 0
    assert summary_counts(driver, TINY) == (TINY_NODES, TINY_RELATIONSHIPS)

    records = driver.execute_query(
        "MATCH (p:Place {id: $id}) RETURN properties(p) AS properties, labels(p) AS labels",
        {"id": "tiny|Place|包头市"},
    ).records
    assert records[0]["labels"] == ["Place"]
    assert records[0]["properties"] == {"id": "tiny|Place|包头市", "plan_id": TINY, "name": "包头市",
                                        "level": "city", "lon": 109.84, "lat": 40.66, "name_en": "Baotou"}
    records = driver.execute_query(
        "MATCH (:Place {id: $a})-[r:LINKED_TO]->(:Place {id: $b}) RETURN properties(r) AS p ORDER BY r.kind",
        {"a": "tiny|Place|包头市", "b": "tiny|Place|鄂尔多斯市"},
    ).records
    assert [record["p"] for record in records] == [
        {"key": "LINKED_TO|city|chain|T1.1.2", "kind": "chain", "level": "city", "task_id": "T1.1.2",
         "evidence": "包头—鄂尔多斯产业链。"},
        {"key": "LINKED_TO|city|cooperation|T1.1.1", "kind": "cooperation", "level": "city",
         "task_id": "T1.1.1", "evidence": "包头市与鄂尔多斯市合作。"},
    ]


def test_row_by_row_mode_writes_the_same_graph_one_transaction_per_row(driver, tiny):
    summary = load_graph(tiny_graph(), driver, batch_size=1)
    schema_statements = len(read_statements("schema").statements)
    assert summary.transactions == schema_statements + 11 + 14
    assert summary_counts(driver, TINY) == (TINY_NODES, TINY_RELATIONSHIPS)


def test_replace_drops_what_the_graph_no_longer_has(driver, tiny):
    load_graph(tiny_graph(), driver)
    smaller = tiny_graph()
    smaller.remove_node(k("Body", "包头市人民政府"))

    kept = load_graph(smaller, driver)
    assert kept.nodes_deleted == 0
    assert summary_counts(driver, TINY)[0]["Body"] == 3  # a plain load only adds and updates

    replaced = load_graph(smaller, driver, replace=True)
    assert replaced.nodes_deleted == 11
    nodes, relationships = summary_counts(driver, TINY)
    assert nodes["Body"] == 2
    assert "IMPLEMENTS" not in relationships


def test_bundled_plan_loads_every_node_and_edge(driver, loaded, bundled_graph):
    assert loaded.plan_ids == (BUNDLED_PLAN_ID,)
    assert loaded.nodes["Task"] == 38  # the plan's 38 task paragraphs
    expected_nodes = Counter(data["kind"] for _, data in bundled_graph.nodes(data=True))
    expected_relationships = Counter(data["type"] for *_, data in bundled_graph.edges(data=True))
    assert loaded.nodes == dict(expected_nodes)
    assert loaded.relationships == dict(expected_relationships)
    assert summary_counts(driver, BUNDLED_PLAN_ID) == (dict(expected_nodes), dict(expected_relationships))


def test_bundled_plan_reload_is_idempotent(driver, loaded, bundled_graph):
    before = summary_counts(driver, BUNDLED_PLAN_ID)
    again = load_graph(bundled_graph, driver)
    assert (again.nodes_created, again.relationships_created, again.nodes_deleted) == (0, 0, 0)
    assert again.node_count == loaded.node_count
    assert summary_counts(driver, BUNDLED_PLAN_ID) == before


MINI_PLAN = """某某城市群协同发展实施方案

一、主要任务

（一）推进产业协同

1. 共建产业平台。

建设包头市产业协作平台，推动包头市与鄂尔多斯市协同发展。（实施主体：包头市人民政府，自治区发展改革委、科技厅）

推进科技成果转化。（实施主体：呼和浩特市人民政府，自治区科技厅、商务厅）

（二）共保生态环境

1. 共治水污染。

开展黄河流域综合治理。（实施主体：包头市、鄂尔多斯市人民政府，自治区生态环境厅、水利厅、科技厅）
"""


@pytest.fixture()
def mini_plan(tmp_path, driver):
    """A second, hand-made plan (plan id mini-plan), deleted from the database after the test."""
    from hbey_graph import load_plan

    path = tmp_path / "mini-plan.txt"
    path.write_text(MINI_PLAN, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        plan = load_plan(path)
    delete_plan(driver, plan.plan_id)
    yield plan
    delete_plan(driver, plan.plan_id)


def test_two_plans_side_by_side_keep_their_own_tasks(driver, loaded, bundled_plan, mini_plan):
    from hbey_graph.analysis import lead_workload
    from hbey_graph.graph import build_graph

    assert mini_plan.plan_id == "mini-plan"
    before = summary_counts(driver, BUNDLED_PLAN_ID)
    summary = load_graph(build_graph(mini_plan), driver)
    assert summary.nodes["Task"] == 3

    plans = run_query("plans", driver)
    assert plans[["plan_id", "tasks", "bodies"]].values.tolist() == [
        ["mini-plan", 3, 8],
        [BUNDLED_PLAN_ID, 38, len(bundled_plan.bodies)],
    ]
    assert summary_counts(driver, BUNDLED_PLAN_ID) == before

    # 自治区科技厅 is named in both plans; in the small one it supports T1.1.1 and T2.1.1 and leads T1.1.2
    mine = run_query("body_tasks", driver, body="自治区科技厅", plan_id="mini-plan")
    assert mine[["task_id", "role", "position"]].values.tolist() == [
        ["T1.1.1", "support", 3], ["T1.1.2", "lead", 2], ["T2.1.1", "support", 5],
    ]
    theirs = run_query("body_tasks", driver, body="自治区科技厅", plan_id=BUNDLED_PLAN_ID)
    assert set(theirs.plan_id) == {BUNDLED_PLAN_ID}
    both = run_query("body_tasks", driver, body="自治区科技厅")
    assert len(both) == len(mine) + len(theirs)

    workload = run_query("workload", driver, plan_id="mini-plan").set_index("body")
    assert workload.loc["自治区科技厅", ["led", "supported", "supporting_bodies"]].tolist() == [1, 2, 1]
    columns = ["led", "supporting_bodies", "support_assignments"]
    assert workload.loc["自治区生态环境厅", columns].tolist() == [1, 2, 2]
    assert workload.loc["包头市人民政府", "implemented"] == 2
    assert workload.loc["自治区科技厅", "share_led"] == pytest.approx(1 / 3)

    edges = run_query("coordination_edges", driver, plan_id="mini-plan")
    assert sorted(map(tuple, edges.values.tolist())) == [
        ("自治区发展改革委", "自治区科技厅", 1),
        ("自治区生态环境厅", "自治区水利厅", 1),
        ("自治区生态环境厅", "自治区科技厅", 1),
        ("自治区科技厅", "自治区商务厅", 1),
    ]
    pairs = run_query("co_assignment_pairs", driver, plan_id="mini-plan")
    assert {(a, b): (tasks, newman) for a, b, tasks, newman in pairs.values.tolist()} == {
        ("自治区发展改革委", "自治区科技厅"): (1, 1.0),
        ("自治区商务厅", "自治区科技厅"): (1, 1.0),
        ("自治区水利厅", "自治区生态环境厅"): (1, 0.5),
        ("自治区水利厅", "自治区科技厅"): (1, 0.5),
        ("自治区生态环境厅", "自治区科技厅"): (1, 0.5),
    }
    path = run_query("coordination_path", driver, source="自治区发展改革委", target="自治区水利厅",
                     plan_id="mini-plan")
    assert path[["hops", "bodies", "tasks"]].values.tolist() == [
        [2, "自治区发展改革委 → 自治区科技厅 → 自治区水利厅", "T1.1.1,T2.1.1"]
    ]
    links = run_query("cross_city_links", driver, plan_id="mini-plan")
    assert links[["source", "target", "kind", "tasks", "task_ids"]].values.tolist() == [
        ["包头市", "鄂尔多斯市", "co_implementation", 1, "T2.1.1"],
        ["包头市", "鄂尔多斯市", "cooperation", 1, "T1.1.1"],
    ]

    # across both plans a body is one name, as in the networkx analyses of the two plans' graph
    across = run_query("workload", driver)
    expected = lead_workload(build_graph([bundled_plan, mini_plan]))
    columns = ["body", "led", "supported", "implemented", "responsible", "supporting_bodies",
               "support_assignments"]
    assert across[columns].values.tolist() == expected[columns].values.tolist()
