"""The corpus as a Parquet dataset: the same comparisons as in memory, re-runs that parse only what
changed, and the same results from a real Dask cluster (a scheduler and two worker processes)."""

from __future__ import annotations

import csv
import json
import shutil
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from hbey_graph import build_graph, load_plan
from hbey_graph.cli import main
from hbey_graph.corpus import (
    body_names,
    corpus_issues,
    lead_matrix,
    plan_summary,
    read_corpus,
    workload_by_plan,
)
from hbey_graph.dataset import CorpusDataset, build_dataset, dataset_schema
from hbey_graph.neo4j.loader import graph_rows

REAL_PLANS = Path(__file__).parent / "corpus" / "plans"


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory) -> Path:
    """The real documents of the corpus, with two files that cannot be parsed."""
    folder = tmp_path_factory.mktemp("real") / "plans"
    shutil.copytree(REAL_PLANS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "minutes.txt").write_text("会议纪要：本次会议无分工。\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def in_memory(real_folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(real_folder, jobs=2)


@pytest.fixture(scope="module")
def local_out(real_folder, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    assert main(["corpus", str(real_folder), "--out", str(out), "-q", "--jobs", "2"]) == 0
    return out


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_the_dataset_gives_the_comparisons_of_the_plans_read_in_memory(in_memory, local_out):
    """Computed from Parquet tables (no plan rebuilt) and, independently, from the corpus graph."""
    dataset = CorpusDataset(local_out)
    _same(dataset.workload(), workload_by_plan(in_memory))
    pd.testing.assert_frame_equal(dataset.lead_matrix(), lead_matrix(in_memory), check_dtype=False)
    _same(dataset.body_names(), body_names(in_memory))
    _same(dataset.plans(), plan_summary(in_memory))
    issues = dataset.issues()
    _same(issues[issues.kind != "unparsed"], corpus_issues(in_memory, failures=False))
    refused = sorted(failure.path.name for failure in in_memory.failures)
    assert sorted(dataset.failures().path) == refused and {"empty.txt", "minutes.txt"} <= set(refused)
    assert dataset.plan_ids() == [plan.plan_id for plan in in_memory.plans]


def test_every_table_has_its_documented_schema(local_out, in_memory):
    """The schema of every part file as written (not as a reader given the schema would show it)."""
    import pyarrow.parquet as pq

    dataset = CorpusDataset(local_out)
    for name, schema in dataset_schema().items():
        parts = sorted((local_out / "dataset" / name).glob("*.parquet"))
        assert parts, name
        for part in parts:
            written = pq.read_schema(part)
            assert written.names == schema.names, part
            assert [f.type for f in written] == [f.type for f in schema], part
        assert all(f.metadata[b"description"] for f in schema), name
    assert dataset.table("tasks").num_rows == sum(len(plan.tasks) for plan in in_memory.plans)


def test_the_graph_rows_of_the_dataset_are_those_of_the_plans_graph(tmp_path):
    """For the bundled plan: the rows the Neo4j loader would send, read back from Parquet."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = load_plan()
    shutil.copy(plan.source, folder / "plan.txt")
    build_dataset(folder, tmp_path / "out", jobs=1)
    [(nodes, relationships)] = list(CorpusDataset(tmp_path / "out").graph_rows())
    expected = load_plan(folder / "plan.txt", plan_id="plan")
    expected_nodes, expected_relationships = graph_rows(build_graph(expected))
    assert {k: sorted(v, key=json.dumps) for k, v in nodes.items()} == {
        k: sorted(v, key=json.dumps) for k, v in expected_nodes.items()}
    key = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
    assert {k: sorted(v, key=key) for k, v in relationships.items()} == {
        k: sorted(v, key=key) for k, v in expected_relationships.items()}


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


PLAN_A = "一、任务\n1. 治污。（自治区环保厅牵头，自治区水利厅配合）\n"
PLAN_B = "一、任务\n1. 治污。（自治区生态环境厅牵头）\n2. 治水。（自治区水利厅牵头）\n"


def test_a_second_run_parses_only_new_or_changed_files_and_drops_removed_ones(tmp_path, capsys):
    folder, out = tmp_path / "plans", tmp_path / "out"
    _write(folder, "a.txt", PLAN_A)
    _write(folder, "b.txt", PLAN_B)
    _write(folder, "bad.txt", "没有任务。\n")
    first = build_dataset(folder, out, jobs=1)
    assert (first.parsed, first.failed, first.skipped) == (2, 1, 0)

    again = build_dataset(folder, out, jobs=1)
    assert (again.parsed, again.failed, again.skipped, again.removed) == (0, 0, 3, 0)
    assert [path for path, _ in again.failures] == ["bad.txt"]  # still reported, not parsed again

    _write(folder, "b.txt", PLAN_B.replace("自治区水利厅牵头", "自治区财政厅牵头"))  # changed
    _write(folder, "c.txt", PLAN_A)  # new
    (folder / "a.txt").unlink()  # gone
    third = build_dataset(folder, out, jobs=1)
    assert (third.parsed, third.skipped, third.removed) == (2, 1, 1)
    workload = CorpusDataset(out).workload()
    assert sorted(workload.plan_id.unique()) == ["b", "c"]
    led = workload.set_index(["plan_id", "body"]).lead
    assert led["b", "自治区财政厅"] == 1 and ("b", "自治区水利厅") not in led.index
    assert led["c", "自治区生态环境厅"] == 1  # 自治区环保厅, the name before the 2018 reform

    assert main(["corpus", str(folder), "--out", str(out), "-q", "--jobs", "1"]) == 0  # writes the tables
    capsys.readouterr()
    status = main(["corpus", str(folder), "--out", str(out), "-q", "--jobs", "1"])
    err = capsys.readouterr().err
    assert status == 0
    assert "this run parsed 0 files, skipped 3 unchanged" in err.splitlines()[-1]
    # the tables of the run before are kept, and are those of the dataset as it is
    expected = CorpusDataset(out).workload().to_csv(index=False, lineterminator="\n")
    assert (out / "workload.csv").read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in out.glob("*.csv")) == [
        "body_names.csv", "failures.csv", "issues.csv", "lead_matrix.csv", "plans.csv", "workload.csv"]


def test_a_plan_whose_id_changes_is_parsed_again(tmp_path):
    """A second file with the same stem changes the ids of both (``a.txt``, ``a.docx``)."""
    folder, out = tmp_path / "plans", tmp_path / "out"
    _write(folder, "a.txt", PLAN_A)
    build_dataset(folder, out, jobs=1)
    _write(folder, "a.pdf", "%PDF-1.4 broken")
    summary = build_dataset(folder, out, jobs=1)
    assert summary.parsed == 1 and summary.skipped == 0
    assert CorpusDataset(out).plan_ids() == ["a.txt"]


def test_a_failed_run_leaves_the_earlier_dataset_as_it_was(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "out"
    _write(folder, "a.txt", PLAN_A)
    build_dataset(folder, out, jobs=1)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _write(folder, "b.txt", PLAN_B)

    def fail(dataset, tmp):
        raise OSError(28, "No space left on device")

    with pytest.raises(Exception, match="No space left"):
        build_dataset(folder, out, jobs=1, write_tables=fail)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_another_parser_version_parses_everything_again(tmp_path, monkeypatch):
    import hbey_graph.dataset as dataset_module

    folder, out = tmp_path / "plans", tmp_path / "out"
    _write(folder, "a.txt", PLAN_A)
    build_dataset(folder, out, jobs=1)
    monkeypatch.setattr(dataset_module, "parser_fingerprint", lambda: "another version")
    assert build_dataset(folder, out, jobs=1).parsed == 1


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys):
    _write(tmp_path / "plans", "a.txt", PLAN_A)
    port = _free_port()
    status = main(["corpus", str(tmp_path / "plans"), "--out", str(tmp_path / "out"), "-q",
                   "--scheduler", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines()[-1].startswith(f"hbey-graph: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dask_cluster():
    """A dask.distributed scheduler and two workers, each a process of its own, as on a cluster."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    common = ["--no-dashboard"]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
         *common], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    time.sleep(1.0)
    for name in ("worker-1", "worker-2"):
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
             "--nworkers", "1", "--name", name, "--no-nanny", *common],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    from distributed import Client

    with Client(address, timeout="60s") as client:
        client.wait_for_workers(2, timeout=120)
    yield address
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _tables(out: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            tables[path.name] = list(csv.DictReader(f))
    return tables


def test_the_corpus_on_a_dask_cluster_gives_the_local_results(dask_cluster, real_folder, local_out, tmp_path,
                                                               capsys):
    out = tmp_path / "cluster"
    status = main(["corpus", str(real_folder), "--out", str(out), "-q", "--scheduler", dask_cluster])
    err = capsys.readouterr().err
    assert status == 0, err
    assert _tables(out) == _tables(local_out)
    cluster, local = CorpusDataset(out), CorpusDataset(local_out)
    for name in dataset_schema():
        if name == "files":
            continue
        a = cluster.frame(name).sort_values(list(cluster.frame(name).columns)).reset_index(drop=True)
        b = local.frame(name).sort_values(list(local.frame(name).columns)).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, obj=name)
    # the parsing ran on the workers, not here
    from distributed import Client

    with Client(dask_cluster) as client:
        ran = client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count)
    assert sum(ran.values()) > 0


def test_a_document_that_kills_its_worker_is_recorded_and_the_others_parsed(tmp_path, monkeypatch):
    """The local workers are forked from this process, so they parse with the patched parser."""
    import os

    import hbey_graph.extract.parser as parser

    parse_plan = parser.parse_plan

    def crashing(source, **kwargs):
        if "崩溃" in source.text:
            os._exit(1)  # as a crash in a C extension or the kernel's out-of-memory killer would
        return parse_plan(source, **kwargs)

    monkeypatch.setattr(parser, "parse_plan", crashing)
    folder, out = tmp_path / "plans", tmp_path / "out"
    for n in range(120):
        _write(folder, f"p{n:03d}.txt", PLAN_B if n != 57 else "一、崩溃\n" + PLAN_B)
    summary = build_dataset(folder, out, jobs=2)
    assert (summary.parsed, summary.failed) == (119, 1)
    assert summary.failures == [("p057.txt", f"{folder / 'p057.txt'}: the process parsing it died")]
    assert len(CorpusDataset(out).plan_ids()) == 119
