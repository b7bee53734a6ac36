"""``hbey-graph report``: the report folder of a plan (the main job)."""

from __future__ import annotations

import argparse
import sys
import time

from hbey_graph.cli._output import add_plan_option, read_plan
from hbey_graph.cli._values import number_in, whole_number_in
from hbey_graph.report import MAX_DPI

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` command."""
    parser = subparsers.add_parser(
        "report",
        help="write the report of a plan: HTML page, charts, tables, workbook and graph files",
        description="Write the report of a plan into a folder: index.html (every chart and table, "
        "readable offline), each chart as PNG and SVG, each table as CSV, tables.xlsx with the "
        "任务分工表, and the graph as GraphML, GEXF and JSON. An earlier report in the folder is "
        "replaced only once the new one is complete.",
    )
    add_plan_option(parser)
    parser.add_argument("--out", metavar="DIR", default="report", help="report folder (default: ./report)")
    parser.add_argument(
        "--labels", choices=("zh", "en"), default="zh", help="language of the chart labels (default: zh)"
    )
    parser.add_argument(
        "--dpi",
        type=number_in(0, MAX_DPI, what="dots per inch", low_open=True),
        default=110,
        help=f"resolution of the PNG charts, at most {MAX_DPI} (default: 110)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number_in(0, what="seed"),
        default=0,
        help="seed of the coordination clusters (default: 0)",
    )
    parser.add_argument(
        "--jobs",
        type=whole_number_in(1, 64, what="processes"),
        default=None,
        metavar="N",
        help="processes drawing the charts (default: up to 2)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``report``."""
    from hbey_graph.outputs import check_output_folder
    from hbey_graph.report import REPORT_COMMAND, write_report

    started = time.perf_counter()
    check_output_folder(args.out, REPORT_COMMAND)  # before the plan is read: a wrong --out costs nothing
    plan = read_plan(args)
    out = write_report(
        plan,
        args.out,
        labels=args.labels,
        dpi=args.dpi,
        seed=args.seed,
        jobs=args.jobs,
        progress=not args.quiet,
    )
    seconds = time.perf_counter() - started
    print(f"report written to {out / 'index.html'} in {seconds:.1f} s", file=sys.stderr)
    assigned, task_like = plan.coverage()
    unread = (
        "" if assigned == task_like else "; the others are listed as unassigned-task among the parser notes"
    )
    print(f"responsibility found for {assigned} of {task_like} task-like items{unread}", file=sys.stderr)
    return 0
