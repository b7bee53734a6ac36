"""A real Neo4j for the tests: one local server per test session, on a free port.

The server is built and started by ``hbey_graph.neo4j.Neo4jServer`` (Java 17+ and Maven needed).
Where they are missing the Neo4j tests are skipped with the reason, except in CI (the ``CI``
environment variable set, as CI services do), where a missing Neo4j is a failure.
"""

from __future__ import annotations

import os
import warnings

import pytest

from hbey_graph.errors import Neo4jUnavailableError, ParseWarning

#: Credentials of the test server (authentication on, so a wrong password can be tested).
USER = "neo4j"
PASSWORD = "hbey-graph-test-password"


def in_ci() -> bool:
    """Whether the tests run in CI, where every Neo4j test must run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def start_or_skip(server):
    """Start `server`; skip the test when Neo4j cannot run here, fail instead in CI."""
    try:
        return server.start()
    except Neo4jUnavailableError as err:
        if in_ci():
            pytest.fail(f"CI must run the Neo4j tests, but a local Neo4j cannot run: {err}", pytrace=False)
        pytest.skip(f"no local Neo4j on this machine: {err}")


@pytest.fixture(name="start_or_skip")
def start_or_skip_fixture():
    """The function the server fixture starts its server with (to test the skip / fail rule)."""
    return start_or_skip


@pytest.fixture(scope="session")
def neo4j_server():
    """The session's Neo4j server (authentication on with USER / PASSWORD)."""
    from hbey_graph.neo4j import Neo4jServer

    server = Neo4jServer(heap="1g", auth=(USER, PASSWORD))
    try:
        yield start_or_skip(server)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def driver(neo4j_server):
    """A driver to the session's server, owned by the tests."""
    with neo4j_server.driver() as session_driver:
        yield session_driver


@pytest.fixture()
def neo4j_env(neo4j_server, monkeypatch):
    """Point NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD at the session's server."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USERNAME", USER)
    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_server


@pytest.fixture(scope="session")
def bundled_plan():
    from hbey_graph import load_plan

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        return load_plan()


@pytest.fixture(scope="session")
def bundled_graph(bundled_plan):
    from hbey_graph.graph import build_graph

    return build_graph(bundled_plan)


@pytest.fixture(scope="session")
def loaded(driver, bundled_graph):
    """The bundled plan loaded into the session's server; the load's summary."""
    from hbey_graph.neo4j import load_graph

    return load_graph(bundled_graph, driver)
