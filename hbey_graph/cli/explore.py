"""``hbey-graph explore``: the explorer page of a plan, one HTML file that works offline."""

from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``explore`` command."""
    parser = subparsers.add_parser(
        "explore",
        help="write the explorer: one HTML file to search, filter and read the network offline",
        description="Write one self-contained HTML file (scripts, styles, data and font inside; it "
        "loads nothing when opened) that shows the responsibility network: search a body in "
        "Chinese or English, filter by role, area and cluster, click a body to see its "
        "neighbourhood or a task to read its text, roles, deadline and source line, and the "
        "responsibility matrix as a table. Several --plan options put several plans in one page.",
    )
    parser.add_argument(
        "--plan",
        metavar="PATH",
        action="append",
        default=None,
        help="plan file to read; repeat for several plans (default: the bundled plan)",
    )
    parser.add_argument(
        "-o", "--out", metavar="FILE", default="explorer.html", help="page to write (default: explorer.html)"
    )
    parser.add_argument(
        "--labels", choices=("zh", "en"), default="zh", help="language the page opens in (default: zh)"
    )
    parser.add_argument(
        "--max-tasks",
        type=int,
        default=None,
        metavar="N",
        help="above N tasks, show bodies only, aggregated (default: 2000)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the layout and the clusters (default: 0)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``explore``."""
    from hbey_graph.explore import MAX_TASKS, write_explorer
    from hbey_graph.extract.parser import load_plan

    plans = [load_plan(path) for path in args.plan] if args.plan else [load_plan()]
    max_tasks = MAX_TASKS if args.max_tasks is None else args.max_tasks
    path = write_explorer(plans, args.out, labels=args.labels, max_tasks=max_tasks, seed=args.seed)
    size = path.stat().st_size / 1e6
    print(f"explorer written to {path} ({size:.1f} MB)", file=sys.stderr)
    return 0
