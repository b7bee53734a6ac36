"""Faults against the real server: each is one line and exit 2, and the database is left as it was."""

from __future__ import annotations

import socket

from hbey_graph.cli import main


def one_error_line(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1, err
    assert lines[0].startswith("hbey-graph: error: ") and "Traceback" not in err
    return lines[0]


def test_a_database_the_server_does_not_have_is_one_line(neo4j_env, capsys):
    assert main(["neo4j", "query", "plans", "--database", "nosuchdatabase"]) == 2
    assert "nosuchdatabase" in one_error_line(capsys.readouterr().err)


def test_a_user_the_server_does_not_know_is_one_line(neo4j_env, monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_USERNAME", "nobody")
    assert main(["neo4j", "load"]) == 2
    assert "refused user 'nobody'" in one_error_line(capsys.readouterr().err)


def test_a_port_where_something_else_answers_is_one_line(monkeypatch, capsys):
    with socket.socket() as listener:  # a port that accepts connections but does not speak Bolt
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        uri = f"bolt://127.0.0.1:{listener.getsockname()[1]}"
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("NEO4J_PASSWORD", "whatever-password")
        assert main(["neo4j", "query", "plans"]) == 2
    assert uri in one_error_line(capsys.readouterr().err)


def test_a_parameter_of_the_wrong_type_is_one_line_before_connecting(monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # nothing there: the check comes first
    assert main(["neo4j", "query", "cross_city_links", "-p", "directed=perhaps"]) == 2
    assert "directed" in one_error_line(capsys.readouterr().err)


def test_a_load_of_a_bad_plan_touches_nothing(neo4j_env, loaded, driver, tmp_path, capsys):
    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)))
    assert main(["neo4j", "load", "--plan", str(bad)]) == 2
    assert "bad.txt" in one_error_line(capsys.readouterr().err)
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == before
