"""The bulk path (CSV files + LOAD CSV … IN TRANSACTIONS): the same database as load_graph, idempotent.

Every expected value comes from the batched loader (``load_graph``), read back from the server with
Cypher, or from the graph itself; never from the bulk code.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

import networkx as nx
import pytest
from small_plan import small_plan

from hbey_graph import load_plan
from hbey_graph.cli import main
from hbey_graph.errors import GraphLoadError, ImportFolderError, Neo4jImportError, ParseWarning
from hbey_graph.graph import build_graph
from hbey_graph.neo4j import bulk_load, graph_rows, load_graph, read_statements

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "plans"
ODD = "bulk-odd"


def typed(value):
    """A value with its type, so that 1, 1.0 and True compare as different."""
    return (type(value).__name__, value)


def content(driver, plan_ids: list[str]) -> tuple[list, list]:
    """Every node of the plans (labels, typed properties) and every relationship touching them."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE n.plan_id IN $plans RETURN labels(n) AS labels, properties(n) AS properties",
        {"plans": plan_ids},
    ).records
    relationships = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE a.plan_id IN $plans OR b.plan_id IN $plans "
        "RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties",
        {"plans": plan_ids},
    ).records

    def props(mapping) -> tuple:
        return tuple(sorted((name, typed(value)) for name, value in mapping.items()))

    node_rows = sorted((tuple(sorted(r["labels"])), props(r["properties"])) for r in nodes)
    relationship_rows = sorted(
        (r["source"], r["type"], r["target"], props(r["properties"])) for r in relationships
    )
    return node_rows, relationship_rows


def delete(driver, plan_ids: list[str]) -> None:
    for plan_id in plan_ids:
        driver.execute_query(read_statements("load/delete_plan").text, {"plan_id": plan_id})


def odd_graph() -> nx.MultiDiGraph:
    """A hand-made plan whose values are hard to carry through CSV: types, quotes, backslashes, newlines."""

    def k(kind: str, local: str) -> str:
        return f"{ODD}|{kind}|{local}"

    G = nx.MultiDiGraph()
    G.add_node(k("Plan", ODD), kind="Plan", plan_id=ODD, name="", title='他说"好",行\n下一行', flag=True,
               other_flag=False, count=0, ratio=2.0, big=2**62, negative=-7, tiny=5e-324)
    G.add_node(k("Task", "T1"), kind="Task", plan_id=ODD, name="T1", seq=1, text="a\\\"b \\ 末尾\\",
               theme=" 前后有空格 ", deadline="null", weight=0.1)
    G.add_node(k("Task", "T2"), kind="Task", plan_id=ODD, name="T2", seq=2, text="\ue000\\\ue002", weight=1)
    G.add_node(k("Body", "甲"), kind="Body", plan_id=ODD, name="甲", level="provincial")
    G.add_node(k("Body", 'a\\"b\ue000'), kind="Body", plan_id=ODD, name='a\\"b\ue000')
    G.add_node(k("Place", "包头市"), kind="Place", plan_id=ODD, name="包头市", lon=109.84, lat=40.66)
    G.add_node(k("Place", "内蒙古自治区"), kind="Place", plan_id=ODD, name="内蒙古自治区", lon=111, lat=40.8)
    G.add_edge(k("Task", "T1"), k("Plan", ODD), key="IN_PLAN", type="IN_PLAN")
    G.add_edge(k("Task", "T2"), k("Plan", ODD), key="IN_PLAN", type="IN_PLAN", note="")
    G.add_edge(k("Body", "甲"), k("Task", "T1"), key="LEADS", type="LEADS", position=1, sure=True)
    G.add_edge(k("Body", "甲"), k("Task", "T2"), key="LEADS", type="LEADS", position=1.5)
    G.add_edge(k("Body", 'a\\"b\ue000'), k("Task", "T2"), key='SUPPORTS|\\"', type="SUPPORTS")
    G.add_edge(k("Body", 'a\\"b\ue000'), k("Task", "T2"), key="", type="SUPPORTS", position=2)
    G.add_edge(k("Place", "包头市"), k("Place", "内蒙古自治区"), key="PART_OF", type="PART_OF")
    G.add_edge(k("Place", "包头市"), k("Place", "内蒙古自治区"), key='LINKED_TO|"q",1', type="LINKED_TO",
               evidence="逗号,引号\"")
    G.add_edge(k("Place", "包头市"), k("Place", "内蒙古自治区"), key="LINKED_TO|\\", type="LINKED_TO",
               evidence="\r\n")
    return G


def graphs() -> dict[str, nx.MultiDiGraph]:
    """The bundled plan, the tests' small plan twice, three real documents and the odd plan; own ids."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        plans = [load_plan(plan_id="bulk-bundled"), small_plan("bulk-small-1"), small_plan("bulk-small-2")]
        real = sorted(CORPUS.glob("*.txt"))[:3]
        plans += [load_plan(path, plan_id=f"bulk-real-{path.stem}") for path in real]
    built = {plan.plan_id: build_graph(plan) for plan in plans}
    built[ODD] = odd_graph()
    return built


@pytest.fixture(scope="module")
def plans():
    return graphs()


@pytest.fixture()
def clean(driver, plans):
    delete(driver, list(plans))
    yield list(plans)
    delete(driver, list(plans))


@pytest.fixture(scope="module")
def expected(driver, plans):
    """The database content the batched loader gives for the plans (loaded one graph at a time)."""
    ids = list(plans)
    delete(driver, ids)
    summaries = [load_graph(G, driver) for G in plans.values()]
    found = content(driver, ids)
    delete(driver, ids)
    return found, summaries


def test_bulk_load_writes_what_load_graph_writes(driver, neo4j_server, plans, expected, clean):
    want, summaries = expected
    assert len(want[0]) == sum(G.number_of_nodes() for G in plans.values())
    assert len(want[1]) == sum(G.number_of_edges() for G in plans.values())
    rows = (graph_rows(G) for G in plans.values())  # a generator: the loader streams it
    summary = bulk_load(rows, driver, import_dir=neo4j_server.import_dir, rows_per_transaction=7)
    assert content(driver, clean) == want
    assert sorted(summary.plan_ids) == sorted(plans)
    for field in ("nodes", "relationships"):
        merged: dict[str, int] = {}
        for batched in summaries:
            for name, count in getattr(batched, field).items():
                merged[name] = merged.get(name, 0) + count
        assert getattr(summary, field) == merged
    assert summary.nodes_created == sum(G.number_of_nodes() for G in plans.values())
    assert summary.relationships_created == sum(G.number_of_edges() for G in plans.values())
    assert not any(neo4j_server.import_dir.iterdir())  # its files are gone


def test_bulk_load_keeps_types_a_csv_file_would_lose(driver, neo4j_server, plans, clean):
    bulk_load([graph_rows(plans[ODD])], driver, import_dir=neo4j_server.import_dir)
    plan = driver.execute_query("MATCH (p:Plan {plan_id: $p}) RETURN properties(p) AS p", {"p": ODD}).records
    properties = plan[0]["p"]
    want = dict(plans[ODD].nodes[f"{ODD}|Plan|{ODD}"])
    want.pop("kind")
    want["id"] = f"{ODD}|Plan|{ODD}"
    assert {name: typed(value) for name, value in properties.items()} == {
        name: typed(value) for name, value in want.items()
    }
    text = driver.execute_query("MATCH (t:Task {id: $id}) RETURN t.text AS text", {"id": f"{ODD}|Task|T1"})
    assert text.records[0]["text"] == "a\\\"b \\ 末尾\\"


def test_loading_twice_changes_nothing(driver, neo4j_server, plans, expected, clean):
    rows = [graph_rows(G) for G in plans.values()]
    bulk_load(rows, driver, import_dir=neo4j_server.import_dir)
    again = bulk_load(rows, driver, import_dir=neo4j_server.import_dir, rows_per_transaction=1000)
    assert again.nodes_created == 0 and again.relationships_created == 0
    assert content(driver, clean) == expected[0]
    # and over what load_graph wrote: the same database again
    delete(driver, clean)
    for G in plans.values():
        load_graph(G, driver)
    over = bulk_load(rows, driver, import_dir=neo4j_server.import_dir)
    assert over.nodes_created == 0 and over.relationships_created == 0
    assert content(driver, clean) == expected[0]


def test_an_unwritable_import_folder_is_one_clear_error(driver, tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(ImportFolderError, match="does not exist"):
        bulk_load([], driver, import_dir=missing)
    a_file = tmp_path / "file"
    a_file.write_text("")
    with pytest.raises(ImportFolderError, match="is not a folder"):
        bulk_load([], driver, import_dir=a_file)
    if os.geteuid() != 0:  # root writes in a read-only folder anyway
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            with pytest.raises(ImportFolderError, match="cannot write in the import folder"):
                bulk_load([], driver, import_dir=locked)
        finally:
            locked.chmod(stat.S_IRWXU)


def test_a_folder_the_server_does_not_read_is_one_clear_error(driver, tmp_path, plans, clean):
    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    with pytest.raises(Neo4jImportError, match="server's import folder") as caught:
        bulk_load([graph_rows(plans[ODD])], driver, import_dir=tmp_path)
    assert "\n" not in str(caught.value)
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == before
    assert not any(tmp_path.iterdir())


def test_rows_outside_the_schema_are_refused(driver, neo4j_server, plans, clean):
    nodes, _ = graph_rows(plans[ODD])
    with pytest.raises(GraphLoadError, match="Agency"):
        bulk_load([({"Agency": nodes["Body"]}, {})], driver, import_dir=neo4j_server.import_dir)
    with pytest.raises(GraphLoadError, match="expected a str, int, float or bool"):
        bad = {"Body": [{"id": "x", "properties": {"id": "x", "plan_id": ODD, "when": [1]}}]}
        bulk_load([(bad, {})], driver, import_dir=neo4j_server.import_dir)
    assert not any(neo4j_server.import_dir.iterdir())


def test_no_import_folder_is_one_clear_error(driver, monkeypatch):
    monkeypatch.delenv("NEO4J_IMPORT_DIR", raising=False)
    with pytest.raises(ImportFolderError, match="NEO4J_IMPORT_DIR"):
        bulk_load([], driver)


def test_cli_bulk_load_reports_what_load_reports(neo4j_env, loaded, capsys):
    assert main(["neo4j", "load", "--format", "csv"]) == 0
    batched = capsys.readouterr().out
    import_dir = str(neo4j_env.import_dir)
    assert main(["neo4j", "load", "--bulk", "--import-dir", import_dir, "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert sorted(captured.out.splitlines()) == sorted(batched.splitlines())  # the same counts
    assert "(0 new)" in captured.err  # already loaded by load_graph: nothing new


def test_cli_bulk_load_without_import_folder_is_one_line(neo4j_env, monkeypatch, capsys):
    monkeypatch.delenv("NEO4J_IMPORT_DIR", raising=False)
    assert main(["neo4j", "load", "--bulk"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hbey-graph: error: ") and "--import-dir" in lines[0]


@pytest.mark.parametrize("bulk", [False, True], ids=["batched", "bulk"])
def test_cli_loads_a_corpus_dataset_as_load_graph_loads_its_plans(neo4j_env, driver, tmp_path, capsys, bulk):
    """``neo4j load --corpus OUT`` reads the Parquet dataset; expected: each plan loaded by load_graph."""
    folder = tmp_path / "plans"
    folder.mkdir()
    names = sorted(p.name for p in CORPUS.glob("*.txt"))[:4]
    for name in names:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        plans = [load_plan(folder / name, plan_id=Path(name).stem) for name in names]
    plan_ids = [plan.plan_id for plan in plans]
    delete(driver, plan_ids)
    for plan in plans:
        load_graph(build_graph(plan), driver)
    expected = content(driver, plan_ids)
    delete(driver, plan_ids)
    options = ["--bulk", "--import-dir", str(neo4j_env.import_dir)] if bulk else []
    try:
        assert main(["neo4j", "load", "--corpus", str(tmp_path / "out"), *options, "--format", "csv"]) == 0
        capsys.readouterr()
        assert content(driver, plan_ids) == expected
    finally:
        delete(driver, plan_ids)
