"""The Cypher library: every file well formed, every query runs, same numbers as networkx."""

from __future__ import annotations

import logging
import re
from importlib import resources

import networkx as nx
import pytest

from hbey_graph.analysis import (
    co_assignment_graph,
    co_assignment_table,
    coordination_edges,
    cross_city_edges,
    lead_workload,
    responsibility_matrix,
)
from hbey_graph.errors import QueryParameterError, UnknownQueryError
from hbey_graph.graph import node_key, task_assignments
from hbey_graph.neo4j import describe_query, list_queries, parse_parameter, read_statements, run_query
from hbey_graph.records import ROLES

PLAN = "nmg-2018-55-hbey-plan"

#: Parameters to run every query with on the bundled plan.
SAMPLE_PARAMS = {
    "body_tasks": {"body": "自治区科技厅"},
    "city_tasks": {"city": "包头市"},
    "coordination_path": {"source": "自治区科技厅", "target": "自治区水利厅"},
    "supporting_bodies": {"lead": "自治区发展改革委"},
}

QUESTIONS = ["body_tasks", "city_tasks", "co_assignment_pairs", "coordination_edges", "coordination_path",
             "cross_city_links", "graph_summary", "plans", "responsibility_matrix", "supporting_bodies",
             "workload"]


def cypher_files() -> list[str]:
    root = resources.files("hbey_graph.cypher")
    names = [entry.name[:-7] for entry in root.iterdir() if entry.name.endswith(".cypher")]
    load = (root / "load").iterdir()
    names += ["load/" + entry.name[:-7] for entry in load if entry.name.endswith(".cypher")]
    return sorted(names)


def parameters_used(statement: str) -> set[str]:
    without_strings = re.sub(r"'[^']*'|\"[^\"]*\"", "''", statement)
    return set(re.findall(r"\$(\w+)", without_strings))


# -- the files, no server ------------------------------------------------------------------------


def test_the_questions_are_the_ones_the_library_ships():
    assert list_queries() == QUESTIONS


@pytest.mark.parametrize("name", cypher_files())
def test_every_cypher_file_declares_what_its_statements_use(name):
    query = read_statements(name)
    assert query.purpose
    declared = {parameter.name for parameter in query.parameters}
    used = set().union(*(parameters_used(statement) for statement in query.statements))
    assert declared == used
    if name != "schema":
        assert query.columns, "a query states the columns it returns"
        assert len(query.statements) == 1


def test_the_schema_constrains_every_label_on_its_id():
    statements = read_statements("schema").statements
    pattern = re.compile(r"FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE")
    constrained = {m.group(1) for s in statements if (m := pattern.search(s))}
    assert constrained == {"Plan", "Section", "Task", "Body", "Place", "Project"}
    assert all("IF NOT EXISTS" in statement for statement in statements)


def test_unknown_query_and_bad_parameters_are_reported():
    with pytest.raises(UnknownQueryError, match="unknown query 'lead_work'; expected one of: body_tasks"):
        run_query("lead_work")
    query = describe_query("supporting_bodies")
    with pytest.raises(QueryParameterError, match="needs the parameter 'lead'"):
        query.bind({})
    with pytest.raises(QueryParameterError, match="has no parameter 'body'; it takes lead, plan_id"):
        query.bind({"lead": "自治区发展改革委", "body": "x"})
    with pytest.raises(QueryParameterError, match="expected a parameter as key=value"):
        parse_parameter(query, "lead")
    with pytest.raises(QueryParameterError, match="expected true or false"):
        parse_parameter(describe_query("cross_city_links"), "directed=maybe")
    assert parse_parameter(describe_query("cross_city_links"), "directed=true") == ("directed", True)
    assert parse_parameter(describe_query("cross_city_links"), "level=null") == ("level", None)


# -- against the server --------------------------------------------------------------------------


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_question_runs_cleanly_on_the_bundled_plan(driver, loaded, name, caplog):
    params = {**SAMPLE_PARAMS.get(name, {})}
    if any(parameter.name == "plan_id" for parameter in describe_query(name).parameters):
        params["plan_id"] = PLAN
    with caplog.at_level(logging.INFO, logger="neo4j.notifications"):
        frame = run_query(name, driver, **params)
    assert list(frame.columns) == list(describe_query(name).columns)
    assert len(frame) > 0
    assert [record.getMessage() for record in caplog.records if record.name == "neo4j.notifications"] == []


def test_a_query_with_no_match_returns_its_columns_and_no_rows(driver, loaded):
    frame = run_query("body_tasks", driver, body="不存在的部门", plan_id=PLAN)
    assert list(frame.columns) == list(describe_query("body_tasks").columns)
    assert len(frame) == 0


def test_workload_equals_lead_workload(driver, loaded, bundled_graph):
    cypher = run_query("workload", driver, plan_id=PLAN)
    expected = lead_workload(bundled_graph, PLAN)
    exact = ["body", "body_type", "led", "supported", "implemented", "responsible", "supporting_bodies",
             "support_assignments"]
    assert cypher[exact].values.tolist() == expected[exact].values.tolist()
    assert cypher.share_led.tolist() == pytest.approx(expected.share_led.tolist())
    # 自治区发展改革委 leads 10 of the 38 tasks
    assert cypher.loc[0, ["body", "led"]].tolist() == ["自治区发展改革委", 10]


def test_coordination_edges_equal_networkx(driver, loaded, bundled_graph):
    cypher = run_query("coordination_edges", driver, plan_id=PLAN)
    expected = coordination_edges(bundled_graph, PLAN)
    assert cypher.values.tolist() == expected.values.tolist()


def test_supporting_bodies_of_each_lead_equal_its_coordination_edges(driver, loaded, bundled_graph):
    edges = coordination_edges(bundled_graph, PLAN)
    for lead in edges.lead.unique():
        cypher = run_query("supporting_bodies", driver, lead=lead, plan_id=PLAN)
        expected = edges[edges.lead == lead]
        columns = ["support", "weight"]
        assert cypher[columns].values.tolist() == expected[columns].values.tolist()
        for support, task_ids in zip(cypher.support, cypher.task_ids, strict=True):
            for task_id in task_ids.split(","):
                task = node_key(PLAN, "Task", task_id)
                assert bundled_graph.has_edge(node_key(PLAN, "Body", lead), task, "LEADS")
                assert bundled_graph.has_edge(node_key(PLAN, "Body", support), task, "SUPPORTS")


@pytest.mark.parametrize("roles", [None, ROLES])
def test_co_assignment_pairs_equal_the_projection(driver, loaded, bundled_graph, roles):
    params = {} if roles is None else {"roles": list(roles)}
    cypher = run_query("co_assignment_pairs", driver, plan_id=PLAN, **params)
    expected = co_assignment_table(bundled_graph, plan_id=PLAN, **({} if roles is None else {"roles": roles}))
    assert len(cypher) == len(expected)
    got = {(a, b): (tasks, newman) for a, b, tasks, newman in cypher.values.tolist()}
    for a, b, tasks, newman in expected.values.tolist():
        assert got[(a, b)][0] == tasks
        assert got[(a, b)][1] == pytest.approx(newman)
    assert cypher.tasks.is_monotonic_decreasing


@pytest.mark.parametrize(
    "params, options",
    [
        ({}, {}),
        ({"level": "place"}, {"level": "place"}),
        ({"level": None}, {"level": None}),
        ({"kind": "chain"}, {"kind": "chain"}),
        ({"kind": "cooperation", "directed": True}, {"kind": "cooperation", "directed": True}),
    ],
)
def test_cross_city_links_equal_cross_city_edges(driver, loaded, bundled_graph, params, options):
    cypher = run_query("cross_city_links", driver, plan_id=PLAN, **params)
    level = options.pop("level", "city")
    expected = cross_city_edges(bundled_graph, level, plan_id=PLAN, **options)
    assert len(expected) > 0
    assert cypher.values.tolist() == expected.values.tolist()


def test_responsibility_matrix_rows_are_the_matrix_cells(driver, loaded, bundled_graph):
    cypher = run_query("responsibility_matrix", driver, plan_id=PLAN)
    matrix = responsibility_matrix(bundled_graph, PLAN)
    cells = matrix.stack()
    expected = {(task_id, body, marker) for (task_id, body), marker in cells.items() if marker}
    assert set(zip(cypher.task_id, cypher.body, cypher.marker, strict=True)) == expected
    assert len(cypher) == len(expected)
    # T2.3.1 文化旅游业: 文化和旅游厅 leads, 发展改革委 supports, 包头市 implements
    t231 = cypher[cypher.task_id == "T2.3.1"].set_index("body").marker
    assert t231[["自治区文化和旅游厅", "自治区发展改革委", "包头市人民政府"]].tolist() == ["牵", "配", "实"]


def test_body_tasks_equal_the_body_s_assignments(driver, loaded, bundled_graph):
    assignments = task_assignments(bundled_graph, PLAN)
    for body in ["自治区科技厅", "包头市人民政府", "自治区发展改革委", "呼和浩特海关"]:
        cypher = run_query("body_tasks", driver, body=body, plan_id=PLAN)
        expected = assignments[assignments.body == body]
        columns = ["task_id", "seq", "role", "position"]
        assert len(expected) > 0
        assert cypher[columns].values.tolist() == expected[columns].values.tolist()


@pytest.mark.parametrize("roles", [None, ROLES])
def test_coordination_path_length_equals_networkx(driver, loaded, bundled_graph, roles):
    P = co_assignment_graph(bundled_graph, plan_id=PLAN, **({} if roles is None else {"roles": roles}))
    params = {} if roles is None else {"roles": list(roles)}
    sources = ["自治区科技厅", "呼和浩特海关", "自治区水利厅"]
    members = {}
    for task_key in (n for n, d in bundled_graph.nodes(data=True) if d["kind"] == "Task"):
        members[bundled_graph.nodes[task_key]["task_id"]] = {
            bundled_graph.nodes[b]["name"]
            for b, _, t in bundled_graph.in_edges(task_key, keys=True)
            if roles is not None or t != "IMPLEMENTS"
        }
    checked = 0
    for source in sources:
        for target in sorted(P.nodes):
            if target == source:
                continue
            cypher = run_query("coordination_path", driver, source=source, target=target, plan_id=PLAN,
                               **params)
            if not nx.has_path(P, source, target):
                assert len(cypher) == 0
                continue
            assert cypher.hops.tolist() == [nx.shortest_path_length(P, source, target)]
            bodies = cypher.loc[0, "bodies"].split(" → ")
            tasks = cypher.loc[0, "tasks"].split(",")
            assert (bodies[0], bodies[-1], len(tasks)) == (source, target, len(bodies) - 1)
            for a, b, task_id in zip(bodies, bodies[1:], tasks, strict=False):
                assert {a, b} <= members[task_id]
            checked += 1
    assert checked > 50


def test_coordination_path_outside_the_department_network_has_no_row(driver, loaded):
    # city governments only implement, so they are not in the department network by default
    assert len(run_query("coordination_path", driver, source="包头市人民政府", target="自治区科技厅",
                         plan_id=PLAN)) == 0
    implementers = run_query("coordination_path", driver, source="包头市人民政府", target="自治区科技厅",
                             plan_id=PLAN, roles=list(ROLES))
    assert implementers.hops.tolist() == [1]


def _city_tasks_networkx(G: nx.MultiDiGraph, city: str) -> list[list]:
    part_of = nx.DiGraph((u, v) for u, v, t in G.edges(keys=True) if t == "PART_OF")
    city_key = node_key(PLAN, "Place", city)
    within = {city_key} | (nx.ancestors(part_of, city_key) if city_key in part_of else set())
    rows = []
    for task_key, task in G.nodes(data=True):
        if task["kind"] != "Task":
            continue
        places, mentions, projects = set(), 0, set()
        for _, target, rel_type, data in G.out_edges(task_key, keys=True, data=True):
            if rel_type == "MENTIONS" and target in within:
                places.add(G.nodes[target]["name"])
                mentions += data["count"]
            elif rel_type == "CONCERNS":
                for _, place, located in G.out_edges(target, keys=True):
                    if located == "LOCATED_IN" and place in within:
                        places.add(G.nodes[place]["name"])
                        projects.add(G.nodes[target]["name"])
        if places:
            rows.append([task["task_id"], task["seq"], "、".join(sorted(places)), mentions,
                         "、".join(sorted(projects))])
    return sorted(rows, key=lambda row: row[1])


@pytest.mark.parametrize("city", ["包头市", "鄂尔多斯市", "呼和浩特市", "达拉特旗", "内蒙古自治区"])
def test_city_tasks_equal_the_graph_s_mentions_and_projects(driver, loaded, bundled_graph, city):
    cypher = run_query("city_tasks", driver, city=city, plan_id=PLAN)
    expected = _city_tasks_networkx(bundled_graph, city)
    assert len(expected) > 0
    columns = ["task_id", "seq", "places", "mentions", "projects"]
    assert cypher[columns].values.tolist() == expected


def test_plans_and_graph_summary_describe_the_bundled_plan(driver, loaded, bundled_graph, bundled_plan):
    plans = run_query("plans", driver).set_index("plan_id")
    assert plans.loc[PLAN, ["doc_number", "tasks", "bodies"]].tolist() == ["内政发〔2018〕55号", 38,
                                                                             len(bundled_plan.bodies)]
    summary = run_query("graph_summary", driver, plan_id=PLAN)
    nodes = {row.type: row.count for row in summary.itertuples() if row.element == "node"}
    assert nodes["Task"] == 38
    assert sum(nodes.values()) == bundled_graph.number_of_nodes()
    relationships = summary[summary.element == "relationship"]["count"].sum()
    assert relationships == bundled_graph.number_of_edges()
