r"""A corpus of any size as a Parquet dataset: parsed in parallel, streamed to disk, re-run in part.

:func:`build_dataset` parses every plan file of a folder in worker processes (or on the workers of
a Dask cluster) and writes each plan's records to a Parquet dataset, a few plans at a time, so that
memory stays bounded however many plans there are. Every table has one schema, kept with its
descriptions in the data file ``dataset_schema.csv``:

``files``
    one row per plan file: path, plan id, size, SHA-256 of the content, parsed or failed, why.
``plans``, ``tasks``, ``assignments``, ``bodies``, ``places``, ``links``, ``issues``
    the records of :mod:`hbey_graph.tables`, each row with its ``plan_id``.
``nodes``, ``relationships``
    the plan's graph (:func:`hbey_graph.graph.build_graph`) as rows for Neo4j, properties as JSON.

The dataset is the folder ``dataset/`` of the output folder, a sub-folder per table of part files
(``part-….parquet``); the plans of one part are in the same part of every table. Running again
over the same folder parses only files that are new or whose content changed (by SHA-256), keeps
the parts of unchanged plans as they are, and drops the plans of files that are gone. A file the
parser cannot read is recorded (``status`` failed, with the reason), never fatal.

:class:`CorpusDataset` reads the tables back (pyarrow), and computes the corpus comparisons —
workload per body per plan, the lead matrix, the body names across the 2018 reform — from the
``assignments`` and ``bodies`` tables alone, without building any plan as Python objects.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text(
...     "一、任务\n1. 治污。（自治区环保厅牵头，自治区水利厅配合）\n", encoding="utf-8")
>>> _ = (folder / "b.txt").write_text(
...     "一、任务\n1. 治污。（自治区生态环境厅牵头）\n2. 治水。（自治区水利厅牵头）\n", encoding="utf-8")
>>> out = folder / "out"
>>> build_dataset(folder, out, jobs=1).parsed
2
>>> dataset = CorpusDataset(out)
>>> dataset.lead_matrix().loc[["自治区生态环境厅", "自治区水利厅"]].values.tolist()
[[1, 1], [0, 1]]
>>> summary = build_dataset(folder, out, jobs=1)  # nothing changed: nothing parsed
>>> summary.parsed, summary.skipped
(0, 2)
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import hashlib
import json
import os
import sys
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from hbey_graph.errors import HbeyGraphError, OutputError, PlanReadError
from hbey_graph.extract.bodies import BodyRegistry, body_registry
from hbey_graph.records import ROLES, Plan

__all__ = [
    "DATASET_FOLDER",
    "CorpusDataset",
    "DatasetSummary",
    "SchedulerError",
    "build_dataset",
    "dataset_schema",
    "parser_fingerprint",
]

#: The folder of the output folder that holds the dataset.
DATASET_FOLDER = "dataset"
#: Plans parsed per task sent to a worker: large enough that sending costs little, small enough
#: that every worker has work to the end and a part of the dataset stays small in memory.
PLANS_PER_CHUNK = 50
#: Plans written together as one part of each table (a part holds the rows of whole chunks).
PLANS_PER_PART = 500
#: Chunks sent ahead of the results read back, per worker: bounds memory, keeps workers busy.
CHUNKS_AHEAD = 2
#: The tables written for each part, in this order; ``files`` is written once, for all parts.
PART_TABLES = (
    "plans",
    "tasks",
    "assignments",
    "bodies",
    "places",
    "links",
    "issues",
    "nodes",
    "relationships",
)


class SchedulerError(HbeyGraphError):
    """The Dask scheduler named by the user cannot be reached or used."""


@cache
def dataset_schema() -> dict[str, pa.Schema]:
    """Return the schema of every table of the dataset, from the data file ``dataset_schema.csv``.

    Each field carries its description as metadata (``b"description"``).

    Examples
    --------
    >>> dataset_schema()["assignments"].names
    ['plan_id', 'task_id', 'seq', 'body', 'body_type', 'role', 'position', 'group']
    """
    from hbey_graph.reference import read_table

    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "bool": pa.bool_()}
    fields: dict[str, list[pa.Field]] = {}
    for row in read_table("dataset_schema.csv"):
        field_ = pa.field(row["column"], types[row["type"]], metadata={"description": row["description"]})
        fields.setdefault(row["table"], []).append(field_)
    return {table: pa.schema(columns) for table, columns in fields.items()}


@cache
def parser_fingerprint() -> str:
    """A digest of the library's version and its data files: plans parsed by another are read again.

    Examples
    --------
    >>> len(parser_fingerprint())
    16
    """
    from hbey_graph import __version__
    from hbey_graph.reference import data_path

    digest = hashlib.sha256(__version__.encode())
    folder = data_path("lexicon.csv").parent
    for path in sorted(folder.iterdir()):
        if path.suffix in (".csv", ".txt"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class DatasetSummary:
    """What a run of :func:`build_dataset` did.

    Attributes
    ----------
    parsed : int
        Files parsed in this run, successfully.
    failed : int
        Files that could not be parsed in this run.
    skipped : int
        Files unchanged since the last run, not parsed again (their earlier result is kept).
    removed : int
        Plans of files that are no longer in the folder, dropped from the dataset.
    plans : int
        Plans in the dataset after the run.
    tasks : int
        Tasks in the dataset after the run.
    failures : list of (str, str)
        Every file in the folder that did not parse, this run or before: path and reason.
    tables : list of str
        The files `write_tables` wrote beside the dataset (or kept from the last run).
    seconds : float
        Wall time of the run.
    """

    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    removed: int = 0
    plans: int = 0
    tasks: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Document:
    """A plan file found in the folder; its size and hash are known once its content has been read."""

    path: Path
    relative: str
    plan_id: str
    size: int = 0
    sha256: str = ""
    reason: str = ""  # why the file could not even be read

    def read(self) -> bytes:
        """The file's content, its size and hash noted on the way.

        Raises
        ------
        PlanReadError
            If the file cannot be read (the reason is noted too).
        """
        from hbey_graph.extract.readers import read_plan_bytes

        try:
            data = read_plan_bytes(self.path)
        except PlanReadError as err:
            self.size, self.sha256, self.reason = 0, "", str(err)
            raise
        self.size, self.sha256, self.reason = len(data), hashlib.sha256(data).hexdigest(), ""
        return data


def build_dataset(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    write_tables: Callable[[CorpusDataset, Path], list[str]] | None = None,
) -> DatasetSummary:
    """Parse the plan files of `folder` into the Parquet dataset of `out`, parsing only what changed.

    Parameters
    ----------
    folder : str or path-like
        The folder of plan files (see :func:`hbey_graph.corpus.plan_files`).
    out : str or path-like
        The output folder: new, empty, or written by ``hbey-graph corpus`` before. The dataset is
        built beside the earlier one and moved into place when complete, so a failure or an
        interrupt leaves the earlier one as it was.
    jobs : int, optional
        Local worker processes (one per processor by default; ``1`` parses in this process).
        Ignored with `scheduler`.
    scheduler : str, optional
        The address of a running ``dask.distributed`` scheduler (``tcp://host:8786``): the files
        are sent to its workers, which need this library installed but not the files.
    progress : bool
        Show a progress bar of documents done, failed and skipped on standard error.
    write_tables : callable, optional
        Called as ``write_tables(dataset, folder)`` once the dataset is complete, to write more
        files into the (temporary) output folder; returns their names. When no file changed since
        the last run, the files it wrote then are kept instead.

    Returns
    -------
    DatasetSummary

    Raises
    ------
    PlanReadError
        If `folder` is not a folder or holds no plan file.
    ReportFolderError
        If `out` is a file or a folder of other files.
    SchedulerError
        If the scheduler cannot be reached.
    """
    from hbey_graph.cli.corpus import CORPUS_COMMAND
    from hbey_graph.corpus import PLAN_SUFFIXES, _plan_ids, plan_files
    from hbey_graph.outputs import check_output_folder, output_folder

    started = time.perf_counter()
    folder = Path(folder)
    out = Path(out)
    check_output_folder(out, CORPUS_COMMAND)
    paths = plan_files(folder)
    if not paths:
        raise PlanReadError(
            f"{folder}: holds no plan file; expected files ending in {', '.join(PLAN_SUFFIXES)}"
        )
    documents = [
        _Document(path, path.relative_to(folder).as_posix(), plan_id)
        for path, plan_id in zip(paths, _plan_ids(folder, paths), strict=True)
    ]
    earlier = _earlier_files(out / DATASET_FOLDER)
    for doc in documents:
        if doc.relative in earlier:  # hashed now to tell whether it changed; the others when parsed
            with contextlib.suppress(PlanReadError):
                doc.read()
    summary = DatasetSummary()
    with output_folder(out, CORPUS_COMMAND) as tmp:
        target = tmp / DATASET_FOLDER
        for table in (*PART_TABLES, "files"):
            (target / table).mkdir(parents=True)
        kept, summary.removed = _keep_unchanged(documents, earlier, out / DATASET_FOLDER, target)
        to_parse = [doc for doc in documents if doc.relative not in kept]
        summary.skipped = len(kept)
        parsed_files = _parse_all(to_parse, target, jobs, scheduler, progress, summary)
        files = [
            kept[doc.relative] if doc.relative in kept else parsed_files[doc.relative] for doc in documents
        ]
        files_table = pa.Table.from_pylist(files, schema=dataset_schema()["files"])
        files_table = files_table.replace_schema_metadata({"parser": parser_fingerprint()})
        pq.write_table(files_table, target / "files" / "files.parquet")
        dataset = CorpusDataset(tmp)
        plans = dataset.table("plans", columns=["tasks"])
        summary.plans = plans.num_rows
        summary.tasks = int(pa.compute.sum(plans["tasks"]).as_py() or 0)
        summary.failures = [(row["path"], row["reason"]) for row in files if row["status"] == "failed"]
        nothing_changed = not to_parse and not summary.removed and len(kept) == len(earlier)
        summary.tables = _keep_earlier_tables(out, tmp) if nothing_changed else []
        if not summary.tables and write_tables is not None:  # else the same plans, the same tables
            summary.tables = sorted(write_tables(dataset, tmp))
    summary.seconds = time.perf_counter() - started
    return summary


def _keep_earlier_tables(out: Path, tmp: Path) -> list[str]:
    """Link the tables of the last run into `tmp`; return their names (none if there are none)."""
    from hbey_graph.outputs import earlier_outputs

    tables = [path for path in earlier_outputs(out) if path.is_file()]
    for path in tables:
        _link_or_copy(path, tmp / path.name)
    return sorted(path.name for path in tables)


def _earlier_files(dataset: Path) -> dict[str, dict[str, Any]]:
    """The ``files`` rows of an earlier run, by path; none when there is no readable earlier run."""
    path = dataset / "files" / "files.parquet"
    if not path.is_file():
        return {}
    try:
        table = pq.read_table(path)
        fingerprint = (table.schema.metadata or {}).get(b"parser", b"").decode()
    except (OSError, pa.ArrowException):
        return {}
    if fingerprint != parser_fingerprint():
        return {}  # read with another version of the parser or its data: parse everything again
    return {row["path"]: row for row in table.to_pylist()}


def _keep_unchanged(
    documents: list[_Document], earlier: dict[str, dict[str, Any]], source: Path, target: Path
) -> tuple[dict[str, dict[str, Any]], int]:
    """Carry the parts of unchanged plans into `target`; return their ``files`` rows and the plans dropped.

    A part whose plans are all unchanged is linked into place (no copy); a part that also holds
    plans that changed or are gone is written again without them.
    """
    unchanged = {
        doc.relative: earlier[doc.relative]
        for doc in documents
        if doc.relative in earlier
        and doc.sha256
        and earlier[doc.relative]["sha256"] == doc.sha256
        and earlier[doc.relative]["plan_id"] == doc.plan_id
    }
    current = {doc.relative for doc in documents}
    removed = sum(1 for path, row in earlier.items() if path not in current and row["status"] == "parsed")
    keep_ids = {row["plan_id"] for row in unchanged.values() if row["status"] == "parsed"}
    parts: dict[str, set[str]] = {}
    for row in earlier.values():
        if row["part"]:
            parts.setdefault(row["part"], set()).add(row["plan_id"])
    for part, plan_ids in parts.items():
        kept = plan_ids & keep_ids
        if not kept:
            continue
        for table in PART_TABLES:
            old, new = source / table / part, target / table / part
            if kept == plan_ids:
                _link_or_copy(old, new)
            else:
                rows = pq.read_table(old)
                pq.write_table(rows.filter(pa.compute.is_in(rows["plan_id"], pa.array(sorted(kept)))), new)
    return unchanged, removed


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        import shutil

        shutil.copyfile(source, target)


def _parse_all(
    documents: list[_Document],
    target: Path,
    jobs: int | None,
    scheduler: str | None,
    progress: bool,
    summary: DatasetSummary,
) -> dict[str, dict[str, Any]]:
    """Parse `documents` in chunks on the workers, write them in parts; return their ``files`` rows."""
    from tqdm import tqdm

    rows: dict[str, dict[str, Any]] = {}
    chunks = [documents[i : i + PLANS_PER_CHUNK] for i in range(0, len(documents), PLANS_PER_CHUNK)]
    bar = tqdm(
        total=len(documents) + summary.skipped,
        initial=summary.skipped,
        unit="plan",
        desc="parsing",
        file=sys.stderr,
        disable=not progress,
    )

    pending: list[tuple[list[_Document], dict[str, Any]]] = []  # parsed, not yet written

    def write_part() -> None:
        """Write the pending chunks as one part of every table (fewer, larger files)."""
        part = f"part-{uuid.uuid4().hex[:12]}.parquet"
        for table in PART_TABLES:
            pq.write_table(
                pa.concat_tables([result["tables"][table] for _, result in pending]), target / table / part
            )
        for chunk, result in pending:
            for doc in chunk:
                reason = result["failures"].get(doc.relative, "")
                rows[doc.relative] = _files_row(
                    doc, "failed" if reason else "parsed", reason, "" if reason else part
                )
        pending.clear()

    def record(chunk: list[_Document], result: dict[str, Any]) -> None:
        pending.append((chunk, result))
        failed = sum(doc.relative in result["failures"] for doc in chunk)
        summary.failed += failed
        summary.parsed += len(chunk) - failed
        if sum(len(chunk) for chunk, _ in pending) >= PLANS_PER_PART:
            write_part()
        bar.update(len(chunk))
        bar.set_postfix(failed=summary.failed, skipped=summary.skipped, refresh=False)

    try:
        for chunk, result in _run_chunks(chunks, jobs, scheduler):
            record(chunk, result)
        if pending:
            write_part()
    finally:
        bar.close()
    return rows


def _files_row(doc: _Document, status: str, reason: str, part: str) -> dict[str, Any]:
    return {
        "path": doc.relative,
        "plan_id": doc.plan_id,
        "size": doc.size,
        "sha256": doc.sha256,
        "status": status,
        "reason": reason,
        "part": part,
    }


def _run_chunks(
    chunks: list[list[_Document]], jobs: int | None, scheduler: str | None
) -> Iterator[tuple[list[_Document], dict[str, Any]]]:
    """Yield each chunk with its result, as the workers finish them (not in order).

    A document that kills the process parsing it (a crash, memory exhausted) breaks a local pool
    and every chunk in flight with it: the pool is started again and the documents of those chunks
    are parsed again one at a time, alone, so that only the document that kills its worker is
    recorded as failed.
    """
    if not chunks:
        return
    if scheduler is None and (jobs or os.cpu_count() or 1) == 1:
        for chunk in chunks:
            yield chunk, parse_chunk(_payload(chunk))
        return
    with _Workers(jobs, scheduler, len(chunks)) as workers:
        waiting = collections.deque(chunks)
        suspects: collections.deque[list[_Document]] = collections.deque()  # parsed one by one, alone
        running: dict[concurrent.futures.Future, list[_Document]] = {}
        broken: list[list[_Document]] = []
        while waiting or suspects or running:
            queue, limit = (suspects, 1) if suspects else (waiting, workers.size * CHUNKS_AHEAD)
            while queue and len(running) < limit and not broken:
                chunk = queue.popleft()
                try:
                    running[workers.executor.submit(parse_chunk, _payload(chunk))] = chunk
                except concurrent.futures.BrokenExecutor:  # broken by a chunk still in flight
                    queue.appendleft(chunk)
                    if not running:
                        workers.restart()
                    break
            done, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                chunk = running.pop(future)
                try:
                    result = future.result()
                except concurrent.futures.BrokenExecutor:
                    broken.append(chunk)
                    continue
                except (
                    Exception
                ) as err:  # the worker itself failed (on a cluster: it died, or lost its connection)
                    result = _failed_chunk(
                        chunk, f"the worker parsing it failed ({type(err).__name__}: {err})"
                    )
                yield chunk, result
            if broken and not running:  # every chunk in flight has failed with the pool
                workers.restart()
                if len(broken) == 1 and len(broken[0]) == 1:  # parsed alone: the document that kills
                    yield broken[0], _failed_chunk(broken[0], "the process parsing it died")
                else:
                    suspects.extend([doc] for chunk in broken for doc in chunk)
                broken.clear()


class _Workers:
    """The executor that parses chunks: local processes, or the workers of a Dask cluster."""

    def __init__(self, jobs: int | None, scheduler: str | None, n_chunks: int) -> None:
        self.jobs, self.scheduler, self.n_chunks = jobs, scheduler, n_chunks
        self.client: Any = None
        self.executor: concurrent.futures.Executor
        self.size = 1

    def __enter__(self) -> _Workers:
        if self.scheduler is None:
            self.size = max(1, min(self.jobs or os.cpu_count() or 1, self.n_chunks))
            self.executor = self._pool()
        else:
            self.client = _connect(self.scheduler)
            self.size = max(
                1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
            )
            self.executor = self.client.get_executor()
        return self

    def _pool(self) -> concurrent.futures.ProcessPoolExecutor:
        from hbey_graph.interrupts import start_worker

        return concurrent.futures.ProcessPoolExecutor(max_workers=self.size, initializer=start_worker)

    def restart(self) -> None:
        """Start a new local pool in place of a broken one."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._pool()

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        else:
            self.executor.shutdown(wait=True, cancel_futures=True)


def _connect(address: str) -> Any:
    """A client of the Dask scheduler at `address`, with at least one worker."""
    try:
        from distributed import Client
    except ImportError as err:  # pragma: no cover - installed with the library
        raise SchedulerError("--scheduler needs the package `distributed` (pip install distributed)") from err
    try:
        client = Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({err})") from err
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError as err:
        client.close()
        raise SchedulerError(
            f"the Dask scheduler at {address} has no worker (none came within 60 s)"
        ) from err
    return client


def _payload(chunk: list[_Document]) -> list[tuple[str, str, str, bytes | str]]:
    """What a worker is sent for a chunk, each file's content read (and hashed) now.

    Each file is sent as its path in the folder, plan id, path as the user gave it (for messages)
    and content. A file that cannot be read is sent as the reason instead.
    """
    payload: list[tuple[str, str, str, bytes | str]] = []
    for doc in chunk:
        try:
            payload.append((doc.relative, doc.plan_id, str(doc.path), doc.read()))
        except PlanReadError as err:
            payload.append((doc.relative, doc.plan_id, str(doc.path), str(err)))
    return payload


def _failed_chunk(chunk: list[_Document], reason: str) -> dict[str, Any]:
    schema = dataset_schema()
    return {
        "tables": {table: schema[table].empty_table() for table in PART_TABLES},
        "failures": {doc.relative: f"{doc.path}: {reason}".splitlines()[0] for doc in chunk},
    }


def parse_chunk(payload: list[tuple[str, str, str, bytes | str]]) -> dict[str, Any]:
    """Parse some plan files; runs on a worker.

    Each file is given as its path in the corpus folder, its plan id, the path to name in messages,
    and its content (or why it could not be read).

    Returns
    -------
    dict
        ``tables``: a pyarrow table per table of the dataset, the rows of every plan that parsed;
        ``failures``: path → reason for each file that did not.
    """
    from hbey_graph.extract.parser import parse_plan
    from hbey_graph.extract.readers import decode_source

    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in PART_TABLES}
    plan_ids: dict[str, list[str]] = {table: [] for table in PART_TABLES}
    failures: dict[str, str] = {}
    for relative, plan_id, shown, data in payload:
        if isinstance(data, str):
            failures[relative] = data
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # every warning is kept in the plan's issues
                plan = parse_plan(decode_source(shown, data), plan_id=plan_id)
            records = plan_records(plan, relative)
        except HbeyGraphError as err:
            failures[relative] = str(err)
            continue
        except Exception as err:  # a document that breaks the parser must not stop the corpus
            failures[relative] = (
                f"{relative}: could not be parsed ({type(err).__name__}: {err})".splitlines()[0]
            )
            continue
        for table, table_rows in records.items():
            rows[table].extend(table_rows)
            plan_ids[table].extend([plan_id] * len(table_rows))
    schema = dataset_schema()
    tables = {}
    for table, table_rows in rows.items():
        arrow = pa.Table.from_pylist(table_rows, schema=schema[table])
        tables[table] = arrow.set_column(0, schema[table].field(0), pa.array(plan_ids[table], pa.string()))
    return {"tables": tables, "failures": failures}


def plan_records(plan: Plan, path: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of one plan for every table of the dataset but ``files``, without their ``plan_id``.

    Examples
    --------
    >>> from hbey_graph import load_plan
    >>> records = plan_records(load_plan(), "plan.txt")
    >>> first = records["assignments"][0]  # 1. 构建协调发展的城镇格局。（实施主体：呼和浩特市、…人民政府，…）
    >>> len(records["tasks"]), first["task_id"], first["body"], first["role"]
    (38, 'T1.1.1', '呼和浩特市人民政府', 'implementer')
    """
    from hbey_graph import tables
    from hbey_graph.corpus import plan_row
    from hbey_graph.graph import build_graph
    from hbey_graph.neo4j.loader import graph_rows

    records: dict[str, list[dict[str, Any]]] = {"plans": [plan_row(plan, path)]}
    for name, rows in tables.ROWS.items():
        records[name] = rows(plan)
    nodes, relationships = graph_rows(build_graph(plan))
    records["nodes"] = [
        {"label": label, "id": row["id"], "properties": _json(row)}
        for label, rows in nodes.items()
        for row in rows
    ]
    records["relationships"] = [
        {
            "source_label": source,
            "type": type_,
            "target_label": target,
            "source": row["source"],
            "target": row["target"],
            "key": str(row["key"]),
            "properties": _json(row),
        }
        for (source, type_, target), rows in relationships.items()
        for row in rows
    ]
    return records


def _json(row: dict[str, Any]) -> str:
    return json.dumps(row["properties"], ensure_ascii=False)


class CorpusDataset:
    """The Parquet dataset written by :func:`build_dataset`, read table by table.

    Parameters
    ----------
    out : str or path-like
        The output folder of ``hbey-graph corpus`` (holding ``dataset/``), or the dataset folder.
    registry : BodyRegistry, optional
        Maps pre-reform body names to current ones; the shipped reference table by default.

    Raises
    ------
    PlanReadError
        If there is no dataset there.
    """

    def __init__(self, out: str | os.PathLike[str], registry: BodyRegistry | None = None) -> None:
        path = Path(out)
        if (path / DATASET_FOLDER / "files").is_dir():
            path = path / DATASET_FOLDER
        if not (path / "files").is_dir():
            raise PlanReadError(
                f"{out}: holds no corpus dataset; expected the --out folder of hbey-graph corpus"
            )
        self.path = path
        self.registry = registry or body_registry()

    def table(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """Read the table `name` (see :func:`dataset_schema`), or some of its columns, as pyarrow."""
        schema = dataset_schema()
        if name not in schema:
            raise HbeyGraphError(
                f"no table {name!r} in a corpus dataset; expected one of {', '.join(schema)}"
            )
        try:
            return ds.dataset(self.path / name, schema=schema[name], format="parquet").to_table(
                columns=columns
            )
        except (OSError, pa.ArrowException) as err:
            raise OutputError(f"{self.path / name}: cannot be read ({err})") from err

    def frame(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Read the table `name`, or some of its columns, as a pandas DataFrame."""
        return self.table(name, columns).to_pandas()

    def plan_ids(self) -> list[str]:
        """The plans that parsed, in the order of their files' paths."""
        files = self.frame("files", ["plan_id", "status"])
        return files.loc[files.status == "parsed", "plan_id"].tolist()

    def plans(self) -> pd.DataFrame:
        """One row per plan that parsed (the ``plans`` table), in the order of the files."""
        order = {plan_id: i for i, plan_id in enumerate(self.plan_ids())}
        frame = self.frame("plans")
        return frame.sort_values("plan_id", key=lambda ids: ids.map(order), kind="stable").reset_index(
            drop=True
        )

    def failures(self) -> pd.DataFrame:
        """The files that did not parse: path, reason."""
        files = self.frame("files", ["path", "status", "reason"])
        return files.loc[files.status == "failed", ["path", "reason"]].reset_index(drop=True)

    def workload(self) -> pd.DataFrame:
        """Tasks each body holds in each plan, by role, under the body's current name.

        The same table as :func:`hbey_graph.corpus.workload_by_plan`, from the ``assignments``,
        ``bodies`` and ``plans`` tables.
        """
        columns = ["plan_id", "body", "names", *ROLES, "tasks"]
        assignments = self.frame("assignments", ["plan_id", "task_id", "body", "role"])
        if assignments.empty:
            return pd.DataFrame(columns=columns)
        bodies = self.frame("bodies", ["plan_id", "body"])
        current = {name: self.registry.current_name(name) for name in bodies.body.unique()}
        assignments = assignments[assignments.role.isin(ROLES)].drop_duplicates()
        assignments["current"] = assignments.body.map(current)
        counts = (
            assignments.groupby(["plan_id", "current", "role"], sort=False)
            .task_id.nunique()
            .unstack("role", fill_value=0)
            .reindex(columns=list(ROLES), fill_value=0)
        )
        used = set(zip(assignments.plan_id, assignments.body, strict=True))
        written: dict[tuple[str, str], list[str]] = {}  # the names each plan wrote, in its order
        for plan_id, body in zip(bodies.plan_id.tolist(), bodies.body.tolist(), strict=True):
            if (plan_id, body) in used:
                written.setdefault((plan_id, current[body]), []).append(body)
        plans = self.plans().set_index("plan_id")
        frame = counts.reset_index().rename(columns={"current": "body"})
        keys = zip(frame.plan_id.tolist(), frame.body.tolist(), strict=True)
        frame.insert(2, "names", ["|".join(written[key]) for key in keys])
        frame["tasks"] = frame.plan_id.map(plans["tasks"])
        order = {plan_id: i for i, plan_id in enumerate(plans.index)}
        frame["_order"] = frame.plan_id.map(order)
        frame = frame.sort_values(["_order", "lead", "body"], ascending=[True, False, True], kind="stable")
        frame = frame.drop(columns="_order").reset_index(drop=True)
        frame.columns.name = None
        return frame[columns].astype({role: int for role in ROLES})

    def lead_matrix(self, workload: pd.DataFrame | None = None) -> pd.DataFrame:
        """Tasks led, body × plan, as :func:`hbey_graph.corpus.lead_matrix` gives it."""
        from hbey_graph.corpus import lead_matrix_of

        return lead_matrix_of(self.workload() if workload is None else workload, self.plan_ids())

    def body_names(self) -> pd.DataFrame:
        """Every body name the plans write, with the name in force it maps to.

        The same table as :func:`hbey_graph.corpus.body_names`.
        """
        bodies = self.frame("bodies", ["plan_id", "body", "body_type"])
        order = {plan_id: i for i, plan_id in enumerate(self.plan_ids())}
        bodies["_order"] = bodies.plan_id.map(order)
        bodies = bodies.sort_values("_order", kind="stable")
        grouped = bodies.groupby("body", sort=False)
        frame = pd.DataFrame(
            {
                "body": grouped.body.first(),
                "body_type": grouped.body_type.first(),
                "plans": grouped.plan_id.size(),
                "plan_ids": grouped.plan_id.agg("|".join),
            }
        ).reset_index(drop=True)
        frame.insert(1, "current_name", frame.body.map(self.registry.current_name))
        frame.insert(2, "renamed", frame.current_name != frame.body)
        return frame.sort_values(["current_name", "body"], kind="stable").reset_index(drop=True)

    def issues(self) -> pd.DataFrame:
        """Everything the parser noticed, per plan, then a row per file that did not parse."""
        issues = self.frame("issues")
        order = {plan_id: i for i, plan_id in enumerate(self.plan_ids())}
        issues = issues.sort_values("plan_id", key=lambda ids: ids.map(order), kind="stable")
        failures = self.failures()
        unparsed = pd.DataFrame(
            {
                "plan_id": failures.path,
                "line": 0,
                "severity": "error",
                "kind": "unparsed",
                "message": failures.reason,
            }
        )
        return pd.concat([issues, unparsed], ignore_index=True)

    def graph_rows(self) -> Iterator[tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]]:
        """The dataset's graph as the rows of the Neo4j loader, a part at a time.

        Each item is a pair ``(nodes, relationships)`` as :func:`hbey_graph.neo4j.graph_rows`
        returns them, for the plans of one part of the dataset.
        """
        for fragment in ds.dataset(self.path / "nodes", schema=dataset_schema()["nodes"]).get_fragments():
            part = Path(fragment.path).name
            nodes: dict[str, list[dict]] = {}
            for row in pq.read_table(self.path / "nodes" / part).to_pylist():
                nodes.setdefault(row["label"], []).append(
                    {"id": row["id"], "properties": json.loads(row["properties"])}
                )
            relationships: dict[tuple[str, str, str], list[dict]] = {}
            for row in pq.read_table(self.path / "relationships" / part).to_pylist():
                properties = json.loads(row["properties"])
                pattern = (row["source_label"], row["type"], row["target_label"])
                relationships.setdefault(pattern, []).append(
                    {
                        "source": row["source"],
                        "target": row["target"],
                        "key": properties.get("key", row["key"]),
                        "properties": properties,
                    }
                )
            yield nodes, relationships
