"""The offline import (Neo4j's importer, a new database): the same database as load_graph.

Every expected value comes from the batched loader (``load_graph``) writing the same plans into the
session's server, read back with Cypher; never from the import code. The imported data folder is
then served by a second local server (:class:`hbey_graph.neo4j.Neo4jServer` with ``data_dir``).
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from test_neo4j_bulk import ODD, content, delete, graphs, typed

from hbey_graph.cli import main
from hbey_graph.errors import DatabaseExistsError, DatabaseInUseError, ParseWarning
from hbey_graph.neo4j import Neo4jServer, graph_rows, import_database, load_graph, read_statements
from hbey_graph.neo4j.bulk import PENDING_SCHEMA

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "plans"


@pytest.fixture(scope="module")
def plans():
    return graphs()


@pytest.fixture(scope="module")
def expected(driver, plans):
    """The database content the batched loader gives for the plans (loaded one graph at a time)."""
    ids = list(plans)
    delete(driver, ids)
    summaries = [load_graph(G, driver) for G in plans.values()]
    found = content(driver, ids)
    delete(driver, ids)
    return found, summaries


@pytest.fixture(scope="module")
def imported(plans, tmp_path_factory, neo4j_server):
    """A data folder the plans were imported into (as a generator of row pairs), and the summary.

    It asks for the session's server so that it is skipped (or fails in CI) where Neo4j cannot run.
    """
    data = tmp_path_factory.mktemp("imported") / "data"
    rows = (graph_rows(G) for G in plans.values())
    return data, import_database(rows, data)


def schema_names(driver) -> set[str]:
    constraints = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    indexes = driver.execute_query(
        "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS n"
    )
    return set(constraints.records[0]["names"]) | set(indexes.records[0]["n"])


def test_import_writes_what_load_graph_writes(plans, expected, imported):
    want, summaries = expected
    data, summary = imported
    assert len(want[0]) == sum(G.number_of_nodes() for G in plans.values())
    assert len(want[1]) == sum(G.number_of_edges() for G in plans.values())
    assert sorted(summary.plan_ids) == sorted(plans)
    for field in ("nodes", "relationships"):
        merged: dict[str, int] = {}
        for batched in summaries:
            for name, count in getattr(batched, field).items():
                merged[name] = merged.get(name, 0) + count
        assert getattr(summary, field) == merged
    assert (data / PENDING_SCHEMA).is_file()
    with Neo4jServer(data_dir=data, heap="512m") as server, server.driver() as driver:
        assert not (data / PENDING_SCHEMA).exists()  # the first start created the schema
        assert content(driver, list(plans)) == want
        totals = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
        assert totals == len(want[0])  # nothing else in the new database
        # the schema of cypher/schema.cypher, online
        names = schema_names(driver)
        for statement in read_statements("schema").statements:
            assert statement.split()[2] in names
        # a later load_graph of the same plans finds everything there already
        for G in plans.values():
            again = load_graph(G, driver)
            assert (again.nodes_created, again.relationships_created) == (0, 0)
            assert (again.constraints_added, again.indexes_added) == (0, 0)
        assert content(driver, list(plans)) == want


def test_import_keeps_types_a_csv_file_would_lose(plans, imported):
    data, _ = imported
    with Neo4jServer(data_dir=data, heap="512m") as server, server.driver() as driver:
        plan = driver.execute_query("MATCH (p:Plan {plan_id: $p}) RETURN properties(p) AS p", {"p": ODD})
        want = dict(plans[ODD].nodes[f"{ODD}|Plan|{ODD}"])
        want.pop("kind")
        want["id"] = f"{ODD}|Plan|{ODD}"
        assert {name: typed(value) for name, value in plan.records[0]["p"].items()} == {
            name: typed(value) for name, value in want.items()
        }
        text = driver.execute_query(
            "MATCH (t:Task {id: $id}) RETURN t.text AS text", {"id": f"{ODD}|Task|T1"}
        )
        assert text.records[0]["text"] == 'a\\"b \\ 末尾\\'
        # served twice: the schema is not created again, and is all there
        assert len(driver.execute_query("SHOW CONSTRAINTS").records) == 6


def test_an_existing_database_is_kept_without_overwrite(plans, tmp_path, neo4j_server):
    data = tmp_path / "data"
    first = [graph_rows(plans["bulk-small-1"])]
    import_database(first, data)
    before = sorted(p.name for p in (data / "data" / "databases" / "neo4j").iterdir())
    with pytest.raises(DatabaseExistsError, match="already holds the database neo4j"):
        import_database([graph_rows(plans["bulk-small-2"])], data)
    assert sorted(p.name for p in (data / "data" / "databases" / "neo4j").iterdir()) == before
    import_database([graph_rows(plans["bulk-small-2"])], data, overwrite=True)
    with Neo4jServer(data_dir=data, heap="512m") as server, server.driver() as driver:
        found = driver.execute_query("MATCH (n) RETURN collect(DISTINCT n.plan_id) AS p").records[0]["p"]
        assert found == ["bulk-small-2"]
        with pytest.raises(DatabaseInUseError, match="running Neo4j server has it open"):
            import_database(first, data, overwrite=True)
        assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] > 0


def test_cli_import_of_a_plan_and_of_a_corpus(tmp_path, capsys, neo4j_server):
    data = tmp_path / "data"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        assert main(["neo4j", "import", "--data", str(data), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "node,Task,38" in out
    assert f"hbey-graph neo4j serve --data {data}" in err
    assert main(["neo4j", "import", "--data", str(data)]) != 0
    err = capsys.readouterr().err
    assert "already holds the database neo4j" in err and len(err.strip().splitlines()) == 1
    # a corpus dataset, written by `hbey-graph corpus`, replacing the plan
    folder = tmp_path / "plans"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    out_dir = tmp_path / "out"
    assert main(["corpus", str(folder), "--out", str(out_dir), "-q"]) == 0
    capsys.readouterr()
    assert main(["neo4j", "import", "--corpus", str(out_dir), "--data", str(data), "--overwrite"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("imported ")
    with Neo4jServer(data_dir=data, heap="512m") as server, server.driver() as driver:
        found = driver.execute_query("MATCH (p:Plan) RETURN count(p) AS n").records[0]["n"]
        assert found == 3
