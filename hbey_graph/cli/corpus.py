"""``hbey-graph corpus DIR``: parse a folder of plans in parallel into a dataset, and compare them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hbey_graph.cli import printable
from hbey_graph.cli._values import whole_number_in
from hbey_graph.errors import HbeyGraphError

if TYPE_CHECKING:
    from hbey_graph.corpus import Corpus
    from hbey_graph.dataset import CorpusDataset

__all__ = [
    "CORPUS_COMMAND",
    "LEAD_MATRIX_PLANS",
    "TABLES",
    "register",
    "write_corpus_tables",
    "write_dataset_tables",
]

#: The CSV files the command writes, and what each holds.
TABLES: dict[str, str] = {
    "plans.csv": "one row per plan that parsed: title, document number, date, tasks, bodies, warnings",
    "workload.csv": "tasks per plan and body (current name) by role: lead, support, implementer, responsible",
    "lead_matrix.csv": "tasks led, body (current name) × plan",
    "body_names.csv": "every body name written, with the name in force it maps to",
    "issues.csv": "what the parser noticed in each plan, with line numbers; files that did not parse",
    "failures.csv": "files that did not parse, one line each",
}

#: Above this many plans the lead matrix (a column per plan) is not written: workload.csv holds
#: the same counts, a row per plan and body, and the dataset holds them all.
LEAD_MATRIX_PLANS = 2000


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` command."""
    parser = subparsers.add_parser(
        "corpus",
        help="parse a folder of plans in parallel and compare them body by body",
        description="Parse every plan in DIR (.txt, .docx, .pdf, .html, .htm; sub-folders included) in "
        "parallel processes, build one graph of them and compare them: tasks each body leads, supports, "
        "implements or is responsible for in each plan, pre-2018 body names mapped to the current "
        "ones. Files that do not parse are reported, one line each, and skipped. Writes "
        + ", ".join(TABLES)
        + " and the Parquet dataset of every plan's records (dataset/) to --out. Run again on the "
        "same folder, it parses only the files that are new or changed.",
    )
    parser.add_argument("folder", metavar="DIR", help="folder of plan files")
    parser.add_argument("--out", metavar="DIR", default="corpus", help="output folder (default: ./corpus)")
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=whole_number_in(1, 256, what="processes"),
        default=None,
        help="worker processes (default: one per processor)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="parse on the workers of a running Dask scheduler (tcp://host:8786) instead of local processes",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


#: The command named in the manifest of a folder of corpus tables.
CORPUS_COMMAND = "hbey-graph corpus"


def write_corpus_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write the comparison tables of an in-memory `corpus` as CSV files in `out`; return the files.

    `out` is created, or written into if it is empty or holds tables this command wrote before;
    the tables are written to a temporary folder first and moved into place once all are written
    (:func:`hbey_graph.outputs.output_folder`), so a failure leaves the earlier tables as they were.
    """
    import pandas as pd

    from hbey_graph.corpus import body_names, corpus_issues, lead_matrix, plan_summary, workload_by_plan
    from hbey_graph.outputs import output_folder

    workload = workload_by_plan(corpus)
    frames = {
        "plans.csv": (plan_summary(corpus), False),
        "workload.csv": (workload, False),
        "lead_matrix.csv": (lead_matrix(corpus, workload=workload), True),
        "body_names.csv": (body_names(corpus), False),
        "issues.csv": (corpus_issues(corpus), False),
        "failures.csv": (
            pd.DataFrame(
                [{"path": str(f.path), "reason": str(f)} for f in corpus.failures], columns=["path", "reason"]
            ),
            False,
        ),
    }
    with output_folder(out, CORPUS_COMMAND) as tmp:
        for name, (frame, index) in frames.items():
            frame.to_csv(tmp / name, index=index, index_label="body" if index else None, lineterminator="\n")
    return [out / name for name in frames]


def write_dataset_tables(dataset: CorpusDataset, out: Path) -> list[str]:
    """Write the comparison tables of a corpus dataset as CSV files in `out`; return their names.

    The lead matrix is left out above :data:`LEAD_MATRIX_PLANS` plans (a column per plan).
    """
    workload = dataset.workload()
    plans = dataset.plans()
    frames = {
        "plans.csv": (plans, False),
        "workload.csv": (workload, False),
        "body_names.csv": (dataset.body_names(), False),
        "issues.csv": (dataset.issues(), False),
        "failures.csv": (dataset.failures(), False),
    }
    if len(plans) <= LEAD_MATRIX_PLANS:
        frames["lead_matrix.csv"] = (dataset.lead_matrix(workload), True)
    for name, (frame, index) in frames.items():
        frame.to_csv(out / name, index=index, index_label="body" if index else None, lineterminator="\n")
    return sorted(frames)


def run(args: argparse.Namespace) -> int:
    """Run ``corpus``."""
    from hbey_graph.dataset import build_dataset

    summary = build_dataset(
        args.folder,
        args.out,
        jobs=args.jobs,
        scheduler=args.scheduler,
        progress=not args.quiet,
        write_tables=write_dataset_tables,
    )
    for _, reason in summary.failures:
        print(f"hbey-graph: skipped {printable(reason)}", file=sys.stderr)  # a reason names its file
    if not summary.plans:
        raise HbeyGraphError(
            f"{args.folder}: none of its {len(summary.failures)} plan files could be parsed; expected plans "
            "with responsibility annotations"
        )
    total = summary.plans + len(summary.failures)
    print(
        f"{summary.plans} of {total} plans parsed ({len(summary.failures)} failed), {summary.tasks} tasks; "
        f"this run parsed {summary.parsed + summary.failed} files, skipped {summary.skipped} unchanged"
        + (f", dropped {summary.removed} no longer in the folder" if summary.removed else "")
        + f", in {summary.seconds:.1f} s; {len(summary.tables)} tables and the dataset in {args.out}",
        file=sys.stderr,
    )
    if "lead_matrix.csv" not in summary.tables:
        print(
            f"note: lead_matrix.csv not written above {LEAD_MATRIX_PLANS} plans (a column per plan); "
            "workload.csv holds the same counts",
            file=sys.stderr,
        )
    return 0
