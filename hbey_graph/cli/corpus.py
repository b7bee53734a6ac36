"""``hbey-graph corpus DIR``: parse a folder of plans in parallel and compare them."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from hbey_graph.cli._values import whole_number_in
from hbey_graph.errors import HbeyGraphError

if TYPE_CHECKING:
    from hbey_graph.corpus import Corpus

__all__ = ["CORPUS_COMMAND", "TABLES", "register", "write_corpus_tables"]

#: The CSV files the command writes, and what each holds.
TABLES: dict[str, str] = {
    "plans.csv": "one row per plan that parsed: title, document number, date, tasks, bodies, warnings",
    "workload.csv": "tasks per plan and body (current name) by role: lead, support, implementer, responsible",
    "lead_matrix.csv": "tasks led, body (current name) × plan",
    "body_names.csv": "every body name written, with the name in force it maps to",
    "issues.csv": "what the parser noticed in each plan, with line numbers; files that did not parse",
    "failures.csv": "files that did not parse, one line each",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` command."""
    parser = subparsers.add_parser(
        "corpus",
        help="parse a folder of plans in parallel and compare them body by body",
        description="Parse every plan in DIR (.txt, .docx, .pdf; sub-folders included) in parallel "
        "processes, build one graph of them and compare them: tasks each body leads, supports, "
        "implements or is responsible for in each plan, pre-2018 body names mapped to the current "
        "ones. Files that do not parse are reported, one line each, and skipped. Writes "
        + ", ".join(TABLES)
        + " to --out.",
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
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


#: The command named in the manifest of a folder of corpus tables.
CORPUS_COMMAND = "hbey-graph corpus"


def write_corpus_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write the comparison tables of `corpus` as CSV files in `out`; return the files written.

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


def run(args: argparse.Namespace) -> int:
    """Run ``corpus``."""
    from hbey_graph.corpus import read_corpus
    from hbey_graph.outputs import check_output_folder

    started = time.perf_counter()
    check_output_folder(args.out, CORPUS_COMMAND)  # before the plans are read
    corpus = read_corpus(args.folder, jobs=args.jobs, progress=not args.quiet)
    for failure in corpus.failures:
        print(f"hbey-graph: skipped {failure}", file=sys.stderr)
    if not corpus.plans:
        raise HbeyGraphError(
            f"{args.folder}: none of its {len(corpus.failures)} plan files could be parsed; expected plans "
            "with responsibility annotations"
        )
    written = write_corpus_tables(corpus, Path(args.out))
    seconds = time.perf_counter() - started
    total = len(corpus.plans) + len(corpus.failures)
    print(
        f"{len(corpus.plans)} of {total} plans parsed ({len(corpus.failures)} skipped), "
        f"{sum(len(plan.tasks) for plan in corpus.plans)} tasks, in {seconds:.1f} s; "
        f"wrote {len(written)} tables to {args.out}",
        file=sys.stderr,
    )
    return 0
