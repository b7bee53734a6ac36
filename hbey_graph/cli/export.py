"""``hbey-graph export TABLE``: a plan's tables, or its graph, on standard output."""

from __future__ import annotations

import argparse
import io
import sys

from hbey_graph.cli._output import add_plan_option, read_plan, write_table
from hbey_graph.errors import HbeyGraphError
from hbey_graph.outputs import check_output_file, write_file
from hbey_graph.tables import TABLES

__all__ = ["register"]

_GRAPH_FORMATS = ("graphml", "gexf", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write a table of the plan (or its graph) to standard output",
        description="Write one of the plan's tables as CSV or JSON, or its graph as GraphML, GEXF or "
        "node-link JSON, to standard output (or to a file with -o).",
    )
    parser.add_argument(
        "table", choices=[*TABLES, "graph"], metavar="TABLE", help=f"one of: {', '.join(TABLES)}, graph"
    )
    add_plan_option(parser)
    parser.add_argument(
        "--format",
        choices=("csv", "json", "graphml", "gexf"),
        default=None,
        help="csv or json for a table (default csv); graphml, gexf or json for the graph (default graphml)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``export``."""
    if args.table == "graph":
        from hbey_graph.cli.analyze import export_graph

        args.format = args.format or "graphml"
        if args.format not in _GRAPH_FORMATS:
            raise HbeyGraphError(f"the graph is written as {', '.join(_GRAPH_FORMATS)}, not {args.format}")
        return export_graph(args)
    fmt = args.format or "csv"
    if fmt not in ("csv", "json"):
        raise HbeyGraphError(f"a table is written as csv or json, not {fmt}")
    if args.output:
        check_output_file(args.output, inputs=[args.plan])  # before the plan is read
    frame = read_plan(args).table(args.table)
    if args.output:
        text = io.StringIO(newline="")
        write_table(frame, fmt, text)
        write_file(args.output, lambda f: f.write(text.getvalue().encode("utf-8")), inputs=[args.plan])
    else:
        write_table(frame, fmt, sys.stdout)
    return 0
