"""``hbey-graph corpus DIR``: parse a folder of plans in parallel and compare them."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from hbey_graph.errors import HbeyGraphError

if TYPE_CHECKING:
    from hbey_graph.corpus import Corpus

__all__ = ["TABLES", "register", "write_corpus_tables"]

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
        type=_positive,
        default=None,
        help="worker processes (default: one per processor)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 process, not {number}")
    return number


def write_corpus_tables(corpus: Corpus, out: Path) -> list[Path]:
    """Write the comparison tables of `corpus` as CSV files in `out`; return the files written."""
    import pandas as pd

    from hbey_graph.corpus import body_names, corpus_issues, lead_matrix, plan_summary, workload_by_plan

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise HbeyGraphError(f"{out}: cannot create the output folder ({err.strerror})") from err
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
    written = []
    for name, (frame, index) in frames.items():
        path = out / name
        try:
            frame.to_csv(path, index=index, index_label="body" if index else None, lineterminator="\n")
        except OSError as err:
            raise HbeyGraphError(f"{path}: cannot be written ({err.strerror})") from err
        written.append(path)
    return written


def run(args: argparse.Namespace) -> int:
    """Run ``corpus``."""
    from hbey_graph.corpus import read_corpus

    started = time.perf_counter()
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
