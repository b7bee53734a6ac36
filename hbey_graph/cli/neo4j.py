"""``hbey-graph neo4j …``: run a local Neo4j, load the graph into Neo4j, run the Cypher library.

- ``neo4j serve [--port N] [--data DIR]`` runs a local Neo4j 5.26 in the foreground until Ctrl-C
  and prints its Bolt URI once Bolt answers;
- ``neo4j load [--plan PATH] [--bulk --import-dir DIR]`` loads a plan's graph and reports what it
  wrote; ``--bulk`` goes through CSV files in the server's import folder and ``LOAD CSV``;
- ``neo4j import (--plan PATH | --corpus OUT) --data DIR [--overwrite]`` writes a new database
  into a data folder with Neo4j's offline importer, for ``neo4j serve --data DIR``;
- ``neo4j query NAME [--param key=value …] [--format table|csv|json]`` runs a query of ``cypher/``;
- ``neo4j queries`` lists the queries with their parameters and columns.

``load`` and ``query`` connect to ``--uri`` or ``NEO4J_URI`` (``bolt://localhost:7687`` by default),
as ``--user`` or ``NEO4J_USERNAME`` with ``NEO4J_PASSWORD`` (a password is never a command-line
argument), to ``--database`` or ``NEO4J_DATABASE``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import pandas as pd

from hbey_graph.cli._output import add_plan_option, read_plan, write_table
from hbey_graph.cli._values import whole_number_in

if TYPE_CHECKING:
    import neo4j

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``neo4j`` command group."""
    parser = subparsers.add_parser(
        "neo4j",
        help="run a local Neo4j, load the graph into Neo4j, run Cypher queries",
        description="Run a local Neo4j server, load a plan's graph into Neo4j, and run the Cypher "
        "queries shipped with hbey_graph. load and query connect to NEO4J_URI (default "
        "bolt://localhost:7687) as NEO4J_USERNAME with NEO4J_PASSWORD, database NEO4J_DATABASE.",
    )
    commands = parser.add_subparsers(dest="neo4j_command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="run a local Neo4j 5.26 until Ctrl-C",
        description="Run a local Neo4j 5.26 Community server in the foreground and print its Bolt URI "
        "once Bolt answers; Ctrl-C stops it. Needs Java 17+ and Maven: the first run builds a small "
        "launcher and downloads Neo4j from Maven Central.",
    )
    serve.add_argument(
        "--port",
        type=whole_number_in(0, 65535, what="a port"),
        default=7687,
        help="Bolt port (default 7687; 0: any free port)",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help="database directory, kept between runs (default: neo4j-data in the cache "
        "directory, HBEY_GRAPH_CACHE or ~/.cache/hbey_graph)",
    )
    serve.add_argument(
        "--import-dir",
        metavar="DIR",
        default=None,
        help="the server's import folder, which LOAD CSV (and `load --bulk`) reads (default: import "
        "in the database directory)",
    )
    serve.add_argument("--heap", default="1g", help="maximum JVM heap (default 1g)")
    serve.add_argument(
        "--auth",
        metavar="USER:PASSWORD",
        default=None,
        help="switch authentication on with this user (default: off)",
    )
    serve.set_defaults(run=_serve)

    load = commands.add_parser(
        "load",
        help="load a plan's graph, or a whole corpus, into Neo4j",
        description="Load a plan's graph (or with --corpus every plan of a corpus dataset) into Neo4j "
        "(constraints first, then batched MERGE; loading twice changes nothing) and report the nodes "
        "and relationships written.",
    )
    add_plan_option(load)
    load.add_argument(
        "--corpus",
        metavar="OUT",
        default=None,
        help="load every plan of the dataset `hbey-graph corpus DIR --out OUT` wrote (not with --plan)",
    )
    _add_connection_options(load)
    load.add_argument(
        "--batch-size",
        type=whole_number_in(1, 1_000_000, what="rows"),
        default=None,
        help="rows per transaction (default 1000; 10000 with --bulk)",
    )
    load.add_argument(
        "--bulk",
        action="store_true",
        help="write CSV files to the server's import folder and load them with LOAD CSV … IN "
        "TRANSACTIONS (the same result; for large corpora)",
    )
    load.add_argument(
        "--import-dir",
        metavar="DIR",
        default=None,
        help="with --bulk: the server's import folder (server.directories.import) as this machine "
        "sees it (default: NEO4J_IMPORT_DIR)",
    )
    load.add_argument(
        "--replace",
        action="store_true",
        help="delete the plan from the database first (drops what the graph no longer has)",
    )
    load.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="format of the counts (default: table)",
    )
    load.set_defaults(run=_load)

    imports = commands.add_parser(
        "import",
        help="write a new database from a plan or a corpus with Neo4j's offline importer",
        description="Write the graph of a plan (--plan) or of a corpus dataset (--corpus, the --out "
        "folder of `hbey-graph corpus`) into a NEW database in a data folder with Neo4j's offline "
        "importer (neo4j-admin database import full): much faster than load for a large corpus, the "
        "same content. The server must not have the folder open; serve it afterwards with "
        "`hbey-graph neo4j serve --data DIR`, which creates the constraints on its first start.",
    )
    source = imports.add_mutually_exclusive_group()
    source.add_argument(
        "--plan", metavar="PATH", default=None, help="plan file to import (default: the bundled plan)"
    )
    source.add_argument(
        "--corpus", metavar="OUT", default=None, help="the --out folder of `hbey-graph corpus` to import"
    )
    imports.add_argument("--data", metavar="DIR", required=True, help="the data folder to write")
    imports.add_argument(
        "--overwrite", action="store_true", help="replace the database the folder already holds"
    )
    imports.add_argument("--heap", default="1g", help="maximum JVM heap of the importer (default 1g)")
    imports.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="format of the counts (default: table)",
    )
    imports.set_defaults(run=_import)

    query = commands.add_parser(
        "query",
        help="run one of the Cypher queries shipped with hbey_graph",
        description="Run a query of hbey_graph's Cypher library and write its rows to standard output. "
        "`hbey-graph neo4j queries` lists the queries and their parameters.",
    )
    query.add_argument("name", metavar="NAME", help="query name (see `hbey-graph neo4j queries`)")
    query.add_argument(
        "--param",
        "-p",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="a query parameter; repeat for several (lists comma-separated)",
    )
    query.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)"
    )
    _add_connection_options(query)
    query.set_defaults(run=_query)

    queries = commands.add_parser(
        "queries",
        help="list the Cypher queries with their parameters and columns",
        description="List the queries of hbey_graph's Cypher library.",
    )
    queries.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)"
    )
    queries.set_defaults(run=_queries)


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--uri", default=None, help="Bolt URI (default: NEO4J_URI or bolt://localhost:7687)")
    parser.add_argument(
        "--user",
        default=None,
        help="user name (default: NEO4J_USERNAME; the password is read from NEO4J_PASSWORD)",
    )
    parser.add_argument("--database", default=None, help="database (default: NEO4J_DATABASE or the server's)")


def _serve(args: argparse.Namespace) -> int:
    from hbey_graph.errors import Neo4jServerError
    from hbey_graph.interrupts import stop_handled
    from hbey_graph.neo4j import Neo4jServer, cache_dir

    auth = None
    if args.auth is not None:
        user, sep, password = args.auth.partition(":")
        if not sep or not user or len(password) < 8:
            raise Neo4jServerError("--auth expects USER:PASSWORD with a password of at least 8 characters")
        auth = (user, password)
    data = args.data or str(cache_dir() / "neo4j-data")
    server = Neo4jServer(
        port=args.port, host=args.host, data_dir=data, import_dir=args.import_dir, heap=args.heap, auth=auth
    )
    print(f"starting Neo4j (data in {data}) …", file=sys.stderr, flush=True)
    try:
        server.start()
        print(server.uri, flush=True)
        print(
            f"import folder (for `load --bulk --import-dir`): {server.import_dir}",
            file=sys.stderr,
            flush=True,
        )
        print("Neo4j is ready; press Ctrl-C to stop it", file=sys.stderr, flush=True)
        status = server.wait()
    except KeyboardInterrupt:
        print("stopping Neo4j …", file=sys.stderr, flush=True)
        server.stop()
        stop_handled()  # Ctrl-C is how a server is meant to end
        return 0
    finally:
        server.stop()
    raise Neo4jServerError(f"the local Neo4j server stopped by itself (exit status {status})")


def _connect(args: argparse.Namespace) -> neo4j.Driver:
    from hbey_graph.neo4j import connect

    return connect(args.uri, args.user, None, args.database)


def _load(args: argparse.Namespace) -> int:
    import os

    from hbey_graph.errors import HbeyGraphError, ImportFolderError
    from hbey_graph.graph import build_graph
    from hbey_graph.neo4j import bulk_load, graph_rows
    from hbey_graph.neo4j.bulk import IMPORT_DIR_VARIABLE
    from hbey_graph.neo4j.loader import load_rows

    if args.import_dir is not None and not args.bulk:
        raise ImportFolderError("--import-dir is for --bulk loads; add --bulk or leave it out")
    import_dir = args.import_dir or os.environ.get(IMPORT_DIR_VARIABLE) or None
    if args.bulk and import_dir is None:  # said before the plan is read
        raise ImportFolderError(
            f"--bulk needs the server's import folder: give --import-dir DIR or set {IMPORT_DIR_VARIABLE}"
        )
    if args.corpus is not None:
        if args.plan is not None:
            raise HbeyGraphError("give --plan or --corpus, not both")
        from hbey_graph.dataset import CorpusDataset

        pairs = CorpusDataset(args.corpus).graph_rows()
    else:
        pairs = iter([graph_rows(build_graph(read_plan(args)))])
    with _connect(args) as driver:
        if args.bulk:
            summary = bulk_load(
                pairs,
                driver,
                database=args.database,
                import_dir=import_dir,
                rows_per_transaction=args.batch_size or 10_000,
                replace=args.replace,
            )
        else:
            summary = load_rows(
                pairs,
                driver,
                database=args.database,
                batch_size=args.batch_size or 1000,
                replace=args.replace,
            )
    print(summary, file=sys.stderr)
    write_table(summary.to_frame(), args.format)
    return 0


def _import(args: argparse.Namespace) -> int:
    from hbey_graph.neo4j import import_database

    if args.corpus is not None:
        from hbey_graph.dataset import CorpusDataset

        rows = CorpusDataset(args.corpus).graph_rows()
    else:
        from hbey_graph.graph import build_graph
        from hbey_graph.neo4j import graph_rows

        rows = iter([graph_rows(build_graph(read_plan(args)))])
    summary = import_database(rows, args.data, overwrite=args.overwrite, heap=args.heap)
    print(summary, file=sys.stderr)
    write_table(summary.to_frame(), args.format)
    print(
        f"serve it with: hbey-graph neo4j serve --data {summary.data_dir} (the first start creates the "
        "constraints and indexes)",
        file=sys.stderr,
    )
    return 0


def _query(args: argparse.Namespace) -> int:
    from hbey_graph.neo4j import describe_query, parse_parameter, run_query

    query = describe_query(args.name)
    params = dict(parse_parameter(query, assignment) for assignment in args.param)
    query.bind(params)  # a missing parameter is reported before connecting
    with _connect(args) as driver:
        frame = run_query(args.name, driver, database=args.database, **params)
    write_table(frame, args.format)
    return 0


def _queries(args: argparse.Namespace) -> int:
    from hbey_graph.neo4j import describe_query, list_queries

    rows = []
    for name in list_queries():
        query = describe_query(name)
        parameters = [f"{p.name} ({p.type}{'' if p.required else ', optional'})" for p in query.parameters]
        rows.append(
            {
                "name": name,
                "parameters": ", ".join(parameters),
                "columns": ", ".join(query.columns),
                "purpose": query.purpose.split(". ")[0].split(": ")[0],
            }
        )
    write_table(pd.DataFrame(rows, columns=["name", "parameters", "columns", "purpose"]), args.format)
    return 0
