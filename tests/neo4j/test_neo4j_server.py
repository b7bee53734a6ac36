"""The local server: the launcher's sources and cache, skipping without Java, ``neo4j serve``."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading

import pytest

from hbey_graph.cli import main
from hbey_graph.errors import Neo4jUnavailableError
from hbey_graph.neo4j import cache_dir, connect, run_query
from hbey_graph.neo4j.server import launcher_sources


def test_cache_dir_follows_hbey_graph_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("HBEY_GRAPH_CACHE", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("HBEY_GRAPH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "hbey_graph"


def test_the_launcher_sources_are_installed_with_the_package():
    sources = launcher_sources()
    pom = sources["pom.xml"].decode()
    assert re.search(r"<neo4j.version>5\.26\.\d+</neo4j.version>", pom)
    assert "<artifactId>neo4j</artifactId>" in pom and "<artifactId>neo4j-bolt</artifactId>" in pom
    assert "class Neo4jLauncher" in sources["src/main/java/hbeygraph/Neo4jLauncher.java"].decode()


class _NoJava:
    def start(self):
        raise Neo4jUnavailableError("Java is needed to run a local Neo4j (no `java` on the PATH)")


def test_without_java_the_neo4j_tests_skip_but_fail_in_ci(monkeypatch, start_or_skip):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no local Neo4j on this machine: Java is needed"):
        start_or_skip(_NoJava())
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the Neo4j tests"):
        start_or_skip(_NoJava())


def test_serve_without_java_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("HBEY_GRAPH_CACHE", str(tmp_path / "cache"))
    assert main(["neo4j", "serve", "--port", "0", "--data", str(tmp_path / "db")]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("hbey-graph: error")]
    assert errors == ["hbey-graph: error: Java is needed to run a local Neo4j (no `java` on the PATH); "
                      "install a JDK 17 or 21"]


def test_serve_prints_the_bolt_uri_and_stops_on_ctrl_c(neo4j_server, tmp_path):
    """A second server, as a user runs it: authentication off, data kept in --data."""
    data = tmp_path / "db"
    process = subprocess.Popen(
        [sys.executable, "-m", "hbey_graph", "neo4j", "serve", "--port", "0", "--data", str(data),
         "--heap", "512m"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        # Ctrl-C reaches it even when the suite itself runs in the background (`make test &`),
        # where the shell has the suite, and so the server, ignore SIGINT
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        uri = lines.get(timeout=300).strip()
        assert re.fullmatch(r"bolt://127\.0\.0\.1:\d+", uri)
        with connect(uri) as driver:  # no credentials: authentication is off
            assert run_query("plans", driver).empty
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=120) == 0
        assert "stopping Neo4j" in process.stderr.read()
        assert (data / "data").is_dir()  # the database stays for the next run
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
