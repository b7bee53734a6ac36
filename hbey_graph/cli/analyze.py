"""``hbey-graph analyze …``: the responsibility analyses as tables on standard output.

Also :func:`export_graph`, which ``hbey-graph export graph`` runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import networkx as nx
import pandas as pd

from hbey_graph.cli._output import add_format_option, add_plan_option, read_plan, write_table
from hbey_graph.cli._values import number_in, whole_number_in

__all__ = ["ANALYSES", "export_graph", "register"]


def _graph(args: argparse.Namespace) -> nx.MultiDiGraph:
    from hbey_graph.graph import build_graph

    return build_graph(read_plan(args))


def _roles(args: argparse.Namespace) -> tuple[str, ...]:
    from hbey_graph.analysis import DEPARTMENT_ROLES
    from hbey_graph.records import ROLES

    return ROLES if args.all_roles else DEPARTMENT_ROLES


def _workload(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import area_lead_table, lead_workload

    G = _graph(args)
    return area_lead_table(G) if args.by_area else lead_workload(G)


def _network(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import co_assignment_table, coordination_edges

    G = _graph(args)
    if args.projection == "co-assignment":
        return co_assignment_table(G, roles=_roles(args))
    return coordination_edges(G)


def _clusters(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import always_together, cluster_structure, cluster_summary, coordination_clusters

    G = _graph(args)
    options = {"seed": args.seed, "resolution": args.resolution, "roles": _roles(args)}
    if args.pairs:
        return always_together(G, **options)
    options["method"] = args.method
    if args.structure:
        return cluster_structure(G, **options)
    return coordination_clusters(G, **options) if args.members else cluster_summary(G, **options)


def _centrality(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import centrality

    return centrality(_graph(args), roles=_roles(args))


def _brokerage(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import brokerage
    from hbey_graph.errors import HbeyGraphError

    try:
        table = brokerage(_graph(args), group=args.group)
    except ValueError as err:  # an unknown --group column
        raise HbeyGraphError(str(err)) from err
    return table if args.null else table[["body", "group", *table.columns[2:8]]]


def _whole(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import whole_network

    return whole_network(_graph(args), roles=_roles(args))


def _core_periphery(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import core_periphery

    network = "lead → support" if args.network == "coordination" else "co-assignment"
    bodies, fit = core_periphery(_graph(args), network=network, roles=_roles(args), mixed=args.mixed)
    return fit if args.fit else bodies


def _two_mode(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import incidence_matrix, projection_edges, two_mode_degree

    G = _graph(args)
    if args.matrix is None and args.projection is None:
        return two_mode_degree(G, roles=_roles(args))
    matrix = incidence_matrix(G, by=args.matrix or "task", weighted=args.weighted, roles=_roles(args))
    if args.projection is None:
        return matrix
    return projection_edges(matrix, onto=args.projection, min_weight=args.min_weight)


def _links(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import cross_city_edges, cross_city_matrix, place_links

    G = _graph(args)
    if args.matrix:
        return cross_city_matrix(G, args.kind, level=args.level)
    if args.places:
        return place_links(G, kind=args.kind)
    return cross_city_edges(G, args.level, kind=args.kind, directed=args.directed)


def _matrix(args: argparse.Namespace) -> pd.DataFrame:
    from hbey_graph.analysis import allocation_table, responsibility_matrix

    G = _graph(args)
    return allocation_table(G) if args.allocation else responsibility_matrix(G)


def _add_roles_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all-roles",
        action="store_true",
        help="include implementing bodies (city governments) in the projection; by default only "
        "leads, supporters and responsible bodies",
    )


def _workload_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--by-area", action="store_true", help="tasks led per area of the plan × lead body")


def _network_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--projection",
        choices=("coordination", "co-assignment"),
        default="coordination",
        help="lead → support edges (default) or the undirected co-assignment pairs",
    )
    _add_roles_option(parser)


def _clusters_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed",
        type=whole_number_in(0, what="seed"),
        default=0,
        help="first Louvain seed (default 0; the consensus runs seeds 0–99)",
    )
    parser.add_argument(
        "--resolution",
        type=number_in(0, 100, what="a resolution", low_open=True),
        default=1.0,
        help="Louvain resolution, above 0 (default 1.0)",
    )
    parser.add_argument(
        "--method",
        choices=("consensus", "louvain"),
        default="consensus",
        help="consensus of 100 Louvain runs (default) or one run with --seed",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--members", action="store_true", help="one row per body instead of per cluster")
    group.add_argument(
        "--structure",
        action="store_true",
        help="one row on the whole partition: Q, its z-score against random networks, agreement, verdict",
    )
    group.add_argument("--pairs", action="store_true", help="pairs of bodies that every run puts together")
    _add_roles_option(parser)


def _brokerage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--group",
        metavar="COLUMN",
        default="body_type",
        help="column of the bodies table that groups bodies (default: body_type; e.g. level)",
    )
    parser.add_argument(
        "--null",
        action="store_true",
        help="add the expected counts (exp_*) and z-scores (z_*) under sna's random-graph null",
    )


def _core_periphery_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--network",
        choices=("co-assignment", "coordination"),
        default="co-assignment",
        help="the co-assignment network (default) or the lead → support network",
    )
    parser.add_argument(
        "--mixed",
        choices=("ignore", "ones"),
        default="ignore",
        help="core–periphery ties left out of the fit (default) or expected",
    )
    parser.add_argument("--fit", action="store_true", help="one row: core size and the fit of both models")
    _add_roles_option(parser)


def _two_mode_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--matrix", choices=("task", "area"), default=None, help="the task × body or area × body matrix"
    )
    parser.add_argument("--weighted", action="store_true", help="role-weighted cells (lead 2, support 1)")
    parser.add_argument(
        "--projection",
        choices=("columns", "rows"),
        default=None,
        help="project the matrix onto bodies (columns) or tasks/areas (rows): one row per pair",
    )
    parser.add_argument(
        "--min-weight",
        type=number_in(0, what="a weight"),
        default=1,
        metavar="N",
        help="smallest pair weight kept",
    )
    _add_roles_option(parser)


def _links_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--level", choices=("city", "place"), default="city", help="default: city")
    from hbey_graph.extract.links import LINK_KINDS

    parser.add_argument(
        "--kind", choices=LINK_KINDS, default=None, help=f"only links of this kind: {', '.join(LINK_KINDS)}"
    )
    parser.add_argument(
        "--directed", action="store_true", help="one row per direction as stated instead of per pair"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--matrix", action="store_true", help="city × city matrix of linking tasks")
    group.add_argument("--places", action="store_true", help="every stated link with its places")


def _matrix_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allocation",
        action="store_true",
        help="the task allocation table (任务分工表) instead of the matrix",
    )


#: Analysis name → (help, function computing the table, function adding its options).
ANALYSES: dict[
    str, tuple[str, Callable[[argparse.Namespace], pd.DataFrame], Callable[[argparse.ArgumentParser], None]]
] = {
    "workload": ("tasks led, supported and implemented per body", _workload, _workload_options),
    "network": ("lead → support coordination edges, or co-assignment pairs", _network, _network_options),
    "clusters": (
        "consensus Louvain clusters of bodies working together, with a warning when weak",
        _clusters,
        _clusters_options,
    ),
    "centrality": ("centrality, brokerage and core membership per body", _centrality, _add_roles_option),
    "brokerage": (
        "Gould–Fernandez brokerage roles per body on the lead → support network",
        _brokerage,
        _brokerage_options,
    ),
    "whole": (
        "whole-network measures of the lead → support, co-assignment and task × body networks",
        _whole,
        _add_roles_option,
    ),
    "core-periphery": (
        "Borgatti–Everett core (discrete) and coreness (continuous) per body",
        _core_periphery,
        _core_periphery_options,
    ),
    "two-mode": (
        "two-mode degree per body, task/area × body incidence matrices and their projections",
        _two_mode,
        _two_mode_options,
    ),
    "links": ("cross-city links by kind", _links, _links_options),
    "matrix": ("task × body responsibility matrix, or the allocation table", _matrix, _matrix_options),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` command and its analyses."""
    parser = subparsers.add_parser(
        "analyze",
        help="run an analysis of the responsibility graph",
        description="Run one analysis of the plan's responsibility graph and write its table to standard "
        "output.",
    )
    analyses = parser.add_subparsers(dest="analysis", required=True, metavar="ANALYSIS")
    for name, (help_text, _, add_options) in ANALYSES.items():
        description = help_text[:1].upper() + help_text[1:] + "."
        sub = analyses.add_parser(name, help=help_text, description=description)
        add_plan_option(sub)
        add_format_option(sub, choices=("table", "csv", "json"), default="table")
        add_options(sub)
        sub.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``analyze``: compute the chosen table and write it to standard output."""
    frame = ANALYSES[args.analysis][1](args)
    write_table(frame, args.format, sys.stdout)
    return 0


def export_graph(args: argparse.Namespace) -> int:
    """Write the plan's graph as GraphML, GEXF or node-link JSON (``hbey-graph export graph``).

    Parameters
    ----------
    args : argparse.Namespace
        ``plan`` (path or None for the bundled plan), ``format`` (``graphml``, ``gexf`` or
        ``json``; GraphML if None) and ``output`` (a file path, or None for standard output).

    Returns
    -------
    int
        The exit status, 0.

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "plan.graphml")
    >>> export_graph(argparse.Namespace(plan=None, format="graphml", output=path))
    0
    >>> from hbey_graph.io import read_graphml
    >>> read_graphml(path).graph["doc_number"]
    '内政发〔2018〕55号'
    """
    from hbey_graph.io import write_gexf, write_graphml, write_node_link_json
    from hbey_graph.outputs import check_output_file, write_file

    writers = {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link_json}
    fmt = getattr(args, "format", None) or "graphml"
    if fmt not in writers:
        raise ValueError(f"unknown graph format {fmt!r}: expected graphml, gexf or json")
    output = getattr(args, "output", None)
    if output:
        check_output_file(output, inputs=[args.plan])  # before the plan is read
    G = _graph(args)
    if output:
        write_file(output, lambda f: writers[fmt](G, f), inputs=[args.plan])
    else:
        writers[fmt](G, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return 0
