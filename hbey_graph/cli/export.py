"""``hbey-graph export TABLE``: a plan's tables, or its graph, on standard output."""

from __future__ import annotations

import argparse
import io
import sys

from hbey_graph.cli._output import add_plan_option, read_plan, write_table
from hbey_graph.cli._values import number_in
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
        "table",
        choices=[*TABLES, "graph", "network"],
        metavar="TABLE",
        help=f"one of: {', '.join(TABLES)}, graph, network (the department network)",
    )
    add_plan_option(parser)
    parser.add_argument(
        "--format",
        choices=("csv", "json", "graphml", "gexf", "dl", "net"),
        default=None,
        help="csv or json for a table (default csv); graphml, gexf or json for the graph (default graphml); "
        "gexf, graphml, dl (UCINET) or net (Pajek) for the network (default gexf)",
    )
    parser.add_argument(
        "--projection",
        choices=("co-assignment", "coordination"),
        default="co-assignment",
        help="network only: bodies named in the same tasks (default), or lead → support",
    )
    parser.add_argument(
        "--min-weight",
        type=number_in(0, what="a weight"),
        default=1,
        metavar="N",
        help="network only: keep edges of at least N shared tasks (default 1)",
    )
    parser.add_argument(
        "--labels",
        choices=("zh", "en"),
        default="zh",
        help="network only: name nodes in Chinese (default) or short English in DL and Pajek files",
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
    if args.table == "network":
        return _export_network(args)
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


def _export_network(args: argparse.Namespace) -> int:
    """Write the department network (``hbey-graph export network``)."""
    from hbey_graph.analysis.department import department_network
    from hbey_graph.graph import build_graph
    from hbey_graph.network_files import NETWORK_FORMATS, write_network

    fmt = args.format or "gexf"
    if fmt not in NETWORK_FORMATS:
        raise HbeyGraphError(f"the network is written as {', '.join(NETWORK_FORMATS)}, not {fmt}")
    if args.output:
        check_output_file(args.output, inputs=[args.plan])  # before the plan is read
    H = department_network(
        build_graph(read_plan(args)), projection=args.projection, min_weight=args.min_weight
    )
    label = "label_en" if args.labels == "en" else "label"
    if args.output:
        write_file(args.output, lambda f: write_network(H, f, fmt, label=label), inputs=[args.plan])
    else:
        write_network(H, sys.stdout.buffer, fmt, label=label)
        sys.stdout.buffer.flush()
    return 0
