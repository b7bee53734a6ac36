r"""Many plans at once: parse a folder of plans in parallel, build one graph, compare the plans.

A corpus is a folder of plan files (``.txt``, ``.docx``, ``.pdf``, ``.html``, ``.htm``;
sub-folders included). Each file is parsed in its own worker process; a file that cannot be read
or holds no annotation is recorded as a failure, one line, and skipped. The plans that parse share one graph
(:func:`hbey_graph.graph.build_graph`), every key scoped by its plan id, and are compared body by
body: how many tasks each body leads, supports, implements or is responsible for in each plan,
with the pre-2018-reform names of bodies (``自治区环保厅``) mapped to the names in force
(``自治区生态环境厅``) so that plans from before and after the reform line up.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text(
...     "一、任务\n1. 治污。（自治区环保厅牵头，自治区水利厅配合）\n", encoding="utf-8")
>>> _ = (folder / "b.txt").write_text(
...     "一、任务\n1. 治污。（自治区生态环境厅牵头）\n2. 治水。（自治区水利厅牵头）\n", encoding="utf-8")
>>> _ = (folder / "notes.txt").write_text("没有任务。", encoding="utf-8")
>>> corpus = read_corpus(folder, jobs=1)
>>> [plan.plan_id for plan in corpus.plans], [failure.path.name for failure in corpus.failures]
(['a', 'b'], ['notes.txt'])
>>> lead_matrix(corpus).loc[["自治区生态环境厅", "自治区水利厅"]].values.tolist()
[[1, 1], [0, 1]]
"""

from __future__ import annotations

import os
import sys
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from hbey_graph.errors import HbeyGraphError, PlanReadError
from hbey_graph.extract.bodies import BodyRegistry, body_registry
from hbey_graph.records import ROLES, Plan

__all__ = [
    "PLAN_SUFFIXES",
    "Corpus",
    "Failure",
    "body_names",
    "corpus_issues",
    "lead_matrix",
    "lead_matrix_of",
    "plan_files",
    "plan_row",
    "plan_summary",
    "read_corpus",
    "workload_by_plan",
]

#: File suffixes read as plans.
PLAN_SUFFIXES: tuple[str, ...] = (".txt", ".docx", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class Failure:
    """A plan file that could not be parsed.

    Attributes
    ----------
    path : pathlib.Path
        The file.
    reason : str
        One line: what was wrong and what was expected.
    """

    path: Path
    reason: str

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(str(self.path)) else f"{self.path}: {self.reason}"


@dataclass
class Corpus:
    """Plans parsed from one folder.

    Attributes
    ----------
    folder : pathlib.Path
        The folder read.
    plans : list of Plan
        The plans that parsed, in file-name order; ``plan_id`` is the file's path in the folder
        without its suffix (``2018/nmg-55``), with the suffix where two files share a stem.
    failures : list of Failure
        The files that did not parse.
    """

    folder: Path
    plans: list[Plan] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _graph: nx.MultiDiGraph | None = field(default=None, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The one graph of every plan (built on first use)."""
        if self._graph is None:
            from hbey_graph.graph import build_graph

            self._graph = build_graph(self.plans)
        return self._graph


def plan_files(folder: str | Path) -> list[Path]:
    """Return the plan files in `folder` and its sub-folders, in path order; hidden files skipped.

    A sub-folder that cannot be read is skipped with a warning naming it.

    Raises
    ------
    PlanReadError
        If `folder` is missing, not a folder, or cannot be read.
    """
    folder = Path(folder)
    if not folder.exists():
        raise PlanReadError(f"{folder}: no such folder; expected a folder of plan files")
    if not folder.is_dir():
        raise PlanReadError(f"{folder}: is not a folder; expected a folder of plan files")
    unreadable: list[OSError] = []
    found = []
    for root, folders, files in os.walk(folder, onerror=unreadable.append):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [
            os.path.join(root, name)
            for name in files
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in PLAN_SUFFIXES
        ]
    for err in unreadable:
        if Path(err.filename) == folder:
            raise PlanReadError(f"{folder}: cannot be read ({err.strerror}); expected a folder of plan files")
        warnings.warn(f"{err.filename}: cannot be read ({err.strerror}); its plans are skipped", stacklevel=2)
    return [Path(path) for path in sorted(found, key=_path_order) if os.path.isfile(path)]


def _path_order(path: str) -> tuple[str, ...]:
    """Sort paths as pathlib sorts them: folder by folder."""
    return tuple(path.split(os.sep))


def _plan_ids(folder: Path, paths: list[Path]) -> list[str]:
    """A distinct id per file: its path in the folder without suffix, with it where stems clash."""
    stems = [path.relative_to(folder).with_suffix("").as_posix() for path in paths]
    clashes = {stem for stem, count in Counter(stems).items() if count > 1}
    return [
        path.relative_to(folder).as_posix() if stem in clashes else stem
        for path, stem in zip(paths, stems, strict=True)
    ]


def _parse_one(job: tuple[Path, str]) -> Plan | Failure:
    """Parse one file in a worker; every error becomes a Failure (warnings stay in ``plan.issues``)."""
    from hbey_graph.extract.parser import load_plan

    path, plan_id = job
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_plan(path, plan_id=plan_id)
    except HbeyGraphError as err:
        return Failure(path, str(err))
    except Exception as err:
        return Failure(path, f"{path}: could not be parsed ({type(err).__name__}: {err})".splitlines()[0])


def read_corpus(folder: str | Path, *, jobs: int | None = None, progress: bool = False) -> Corpus:
    """Parse every plan file in a folder, in parallel processes.

    Parameters
    ----------
    folder : str or pathlib.Path
        The folder (see :func:`plan_files`).
    jobs : int, optional
        Worker processes; the number of processors by default. ``1`` parses in this process.
    progress : bool
        Show a progress bar on standard error.

    Returns
    -------
    Corpus

    Raises
    ------
    PlanReadError
        If `folder` is not a folder or holds no plan file.
    """
    folder = Path(folder)
    paths = plan_files(folder)
    if not paths:
        raise PlanReadError(
            f"{folder}: holds no plan file; expected files ending in {', '.join(PLAN_SUFFIXES)}"
        )
    jobs_list = list(zip(paths, _plan_ids(folder, paths), strict=True))
    workers = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    results = _run(jobs_list, workers, progress)
    corpus = Corpus(folder)
    for result in results:
        if isinstance(result, Failure):
            corpus.failures.append(result)
        else:
            corpus.plans.append(result)
    return corpus


def _run(jobs: list[tuple[Path, str]], workers: int, progress: bool) -> list[Plan | Failure]:
    from tqdm import tqdm

    bar = tqdm(total=len(jobs), unit="plan", file=sys.stderr, disable=not progress, desc="parsing")
    try:
        if workers == 1:
            results = []
            for job in jobs:
                results.append(_parse_one(job))
                bar.update()
            return results
        chunk = max(1, min(16, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = []
            for result in pool.map(_parse_one, jobs, chunksize=chunk):
                results.append(result)
                bar.update()
            return results
    finally:
        bar.close()


def workload_by_plan(corpus: Corpus, registry: BodyRegistry | None = None) -> pd.DataFrame:
    """Tasks each body holds in each plan, by role, under the body's current name.

    Read from the corpus graph's body → task relationships (``LEADS``, ``SUPPORTS``, ``IMPLEMENTS``,
    ``RESPONSIBLE_FOR``).

    Parameters
    ----------
    corpus : Corpus
    registry : BodyRegistry, optional
        Maps pre-reform names to current ones; the shipped reference table by default.

    Returns
    -------
    pandas.DataFrame
        One row per plan and body: plan_id, body (the current name), names (the names the plan
        wrote, ``|``-joined), then the number of tasks in which the body is ``lead``, ``support``,
        ``implementer``, ``responsible``, and ``tasks`` (the plan's task count). Rows in plan order,
        then by tasks led (descending) and name.
    """
    from hbey_graph.graph import ROLE_OF_EDGE_TYPE

    registry = registry or body_registry()
    G = corpus.graph
    counts: dict[tuple[str, str], dict[str, set[str]]] = {}
    written: dict[tuple[str, str], dict[str, None]] = {}
    current: dict[str, str] = {}
    for body, task, edge_type in G.edges(keys=True):
        role = ROLE_OF_EDGE_TYPE.get(edge_type)
        if role is None:
            continue
        data = G.nodes[body]
        name = data["name"]
        if name not in current:
            current[name] = registry.current_name(name)
        key = (data["plan_id"], current[name])
        counts.setdefault(key, {r: set() for r in ROLES})[role].add(task)
        written.setdefault(key, {})[name] = None
    order = {plan.plan_id: index for index, plan in enumerate(corpus.plans)}
    task_count = {plan.plan_id: len(plan.tasks) for plan in corpus.plans}
    rows = [
        [
            plan_id,
            body,
            "|".join(written[plan_id, body]),
            *(len(tasks[role]) for role in ROLES),
            task_count[plan_id],
        ]
        for (plan_id, body), tasks in counts.items()
    ]
    rows.sort(key=lambda row: (order[row[0]], -row[3], row[1]))
    return pd.DataFrame(rows, columns=["plan_id", "body", "names", *ROLES, "tasks"])


def lead_matrix(
    corpus: Corpus, registry: BodyRegistry | None = None, *, workload: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Tasks led, body × plan: one row per body (current name), one column per plan.

    Every body that holds any role in any plan has a row; a plan where it leads nothing has 0.
    Rows are sorted by total tasks led (descending), then name; columns follow the plans' order.
    `workload`, if given, is :func:`workload_by_plan` of the corpus, not computed again.
    """
    if workload is None:
        workload = workload_by_plan(corpus, registry)
    return lead_matrix_of(workload, [plan.plan_id for plan in corpus.plans])


def lead_matrix_of(workload: pd.DataFrame, plan_ids: list[str]) -> pd.DataFrame:
    """The lead matrix of :func:`lead_matrix` from a workload table and the plans' order."""
    matrix = workload.pivot_table(index="body", columns="plan_id", values="lead", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(columns=plan_ids, fill_value=0)
    matrix.columns.name = None
    matrix.index.name = None
    total = matrix.sum(axis=1)
    order = sorted(matrix.index, key=lambda body: (-total[body], body))
    return matrix.loc[order].astype(int)


def body_names(corpus: Corpus, registry: BodyRegistry | None = None) -> pd.DataFrame:
    """Every body name the plans write, with the name in force it maps to.

    Returns
    -------
    pandas.DataFrame
        Columns body (as written), current_name, renamed (whether the plan uses a pre-reform name),
        body_type, plans (how many plans name it), plan_ids (``|``-joined); sorted by current
        name, then name.
    """
    registry = registry or body_registry()
    seen: dict[str, dict[str, object]] = {}
    for plan in corpus.plans:
        for name, body in plan.bodies.items():
            row = seen.setdefault(
                name,
                {
                    "body": name,
                    "current_name": registry.current_name(name),
                    "body_type": body.body_type,
                    "plan_ids": [],
                },
            )
            row["plan_ids"].append(plan.plan_id)  # type: ignore[union-attr]
    rows = [
        {
            "body": row["body"],
            "current_name": row["current_name"],
            "renamed": row["current_name"] != row["body"],
            "body_type": row["body_type"],
            "plans": len(row["plan_ids"]),  # type: ignore[arg-type]
            "plan_ids": "|".join(row["plan_ids"]),  # type: ignore[arg-type]
        }
        for row in seen.values()
    ]
    frame = pd.DataFrame(rows, columns=["body", "current_name", "renamed", "body_type", "plans", "plan_ids"])
    return frame.sort_values(["current_name", "body"], kind="stable").reset_index(drop=True)


def plan_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per plan that parsed, with its size and how many warnings the parser gave.

    Columns: plan_id, path, title, doc_number, issuer, date, tasks, bodies, assignments,
    tasks_without_lead, warnings.
    """
    rows = [
        plan_row(plan, str(plan.source.relative_to(corpus.folder)) if plan.source else "")
        for plan in corpus.plans
    ]
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


#: The columns of :func:`plan_summary`.
PLAN_COLUMNS = [
    "plan_id",
    "path",
    "title",
    "doc_number",
    "issuer",
    "date",
    "tasks",
    "bodies",
    "assignments",
    "tasks_without_lead",
    "warnings",
]


def plan_row(plan: Plan, path: str) -> dict[str, object]:
    """The row of :func:`plan_summary` for one plan, read from file `path`."""
    led = {a.task_id for a in plan.assignments if a.role == "lead"}
    return {
        "plan_id": plan.plan_id,
        "path": path,
        "title": plan.title,
        "doc_number": plan.doc_number,
        "issuer": plan.issuer,
        "date": plan.date.isoformat() if plan.date else "",
        "tasks": len(plan.tasks),
        "bodies": len(plan.bodies),
        "assignments": len(plan.assignments),
        "tasks_without_lead": sum(1 for task in plan.tasks if task.task_id not in led),
        "warnings": sum(1 for issue in plan.issues if issue.severity == "warning"),
    }


def corpus_issues(corpus: Corpus, *, failures: bool = True) -> pd.DataFrame:
    """Everything the parser noticed, per plan: plan_id, line, severity, kind, message.

    With `failures`, each file that did not parse adds a row with severity ``error`` (plan_id
    the file's path, line 0).
    """
    rows = [
        {
            "plan_id": plan.plan_id,
            "line": issue.line,
            "severity": issue.severity,
            "kind": issue.kind,
            "message": issue.message,
        }
        for plan in corpus.plans
        for issue in plan.issues
    ]
    if failures:
        rows.extend(
            {
                "plan_id": str(failure.path),
                "line": 0,
                "severity": "error",
                "kind": "unparsed",
                "message": str(failure),
            }
            for failure in corpus.failures
        )
    return pd.DataFrame(rows, columns=["plan_id", "line", "severity", "kind", "message"])
