"""``hbey-graph neo4j load | query | queries``: output, and one-line errors with a non-zero exit."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys

import pandas as pd

from hbey_graph.cli import main

PLAN = "nmg-2018-55-hbey-plan"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("hbey-graph: error: ")
    return lines[0]


def test_query_writes_a_table_csv_and_json(neo4j_env, loaded, capsys):
    command = ["neo4j", "query", "coordination_edges", "--param", f"plan_id={PLAN}", "--format", "csv"]
    assert main(command) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(frame.columns) == ["lead", "support", "weight"]
    assert frame.loc[0].tolist() == ["自治区发展改革委", "自治区交通运输厅", 8]

    assert main(["neo4j", "query", "body_tasks", "-p", "body=自治区科技厅", "-p", f"plan_id={PLAN}",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["task_id"] == "T1.2.1" and rows[0]["role"] == "support"

    assert main(["neo4j", "query", "plans"]) == 0
    out = capsys.readouterr().out
    assert "内政发〔2018〕55号" in out and "plan_id" in out.splitlines()[0]


def test_load_reports_what_it_wrote(neo4j_env, loaded, capsys):
    assert main(["neo4j", "load", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    counts = pd.read_csv(io.StringIO(captured.out)).set_index(["element", "type"])["count"]
    assert counts[("node", "Task")] == 38
    assert f"loaded {PLAN}:" in captured.err
    assert "(0 new)" in captured.err  # already loaded: nothing new


def test_queries_lists_every_query_with_its_parameters(capsys):
    assert main(["neo4j", "queries", "--format", "csv"]) == 0
    listing = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("name")
    assert listing.loc["supporting_bodies", "parameters"] == "lead (string), plan_id (string, optional)"
    assert listing.loc["workload", "columns"].startswith("body, body_type, led, supported")


def test_wrong_password_is_one_line_and_exit_2(neo4j_env, monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    assert main(["neo4j", "query", "plans"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert f"Neo4j at {neo4j_env.uri} refused user 'neo4j'" in line


def test_unreachable_server_is_one_line_and_exit_2(monkeypatch, capsys):
    uri = f"bolt://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("NEO4J_URI", uri)
    assert main(["neo4j", "query", "workload"]) == 2
    assert f"cannot reach Neo4j at {uri}" in one_error_line(capsys.readouterr().err)
    assert main(["neo4j", "load", "--uri", "http://localhost:7474"]) == 2
    assert "expected one starting with bolt:// or neo4j://" in one_error_line(capsys.readouterr().err)


def test_unknown_query_name_from_the_console_command():
    result = subprocess.run(
        [sys.executable, "-m", "hbey_graph", "neo4j", "query", "lead_workload"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    line = one_error_line(result.stderr)
    assert "unknown query 'lead_workload'; expected one of: body_tasks, city_tasks" in line


def test_missing_or_unknown_parameter_is_one_line_and_exit_2(capsys):
    assert main(["neo4j", "query", "supporting_bodies"]) == 2
    assert "query 'supporting_bodies' needs the parameter 'lead'" in one_error_line(capsys.readouterr().err)
    assert main(["neo4j", "query", "workload", "-p", "city=包头市"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "query 'workload' has no parameter 'city'; it takes plan_id" in line
