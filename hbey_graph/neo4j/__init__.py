"""Neo4j: a local server, the loader, and the Cypher library in ``cypher/`` as DataFrames.

- :class:`Neo4jServer` runs a local Neo4j 5.26 Community server (built with Maven from Maven
  Central, see :mod:`hbey_graph.neo4j.server`) on a free port;
- :func:`connect` opens a driver from arguments or ``NEO4J_URI``, ``NEO4J_USERNAME``,
  ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``;
- :func:`load_graph` writes a graph from :func:`hbey_graph.graph.build_graph` (constraints, then
  batched ``UNWIND … MERGE``), idempotently, several plans side by side;
- :func:`bulk_load` writes the rows of many plans through CSV files in the server's import folder
  and ``LOAD CSV … IN TRANSACTIONS``, with the same result, for large corpora;
- :func:`import_database` writes a new database from the same rows with Neo4j's offline importer
  (``neo4j-admin database import full``), the same content again, for a server not yet started on it;
- :func:`run_query` runs one of the questions of :func:`list_queries` and returns a DataFrame.

Examples
--------
>>> from hbey_graph.neo4j import list_queries
>>> list_queries()[:3]
['body_tasks', 'city_tasks', 'co_assignment_pairs']
"""

from hbey_graph.neo4j.bulk import ImportSummary, bulk_load, import_database
from hbey_graph.neo4j.loader import LoadSummary, graph_rows, load_graph, relationship_patterns
from hbey_graph.neo4j.queries import (
    Query,
    QueryParameter,
    connect,
    describe_query,
    list_queries,
    parse_parameter,
    read_statements,
    run_query,
)
from hbey_graph.neo4j.server import Neo4jServer, build_launcher, cache_dir

__all__ = [
    "ImportSummary",
    "LoadSummary",
    "Neo4jServer",
    "Query",
    "QueryParameter",
    "build_launcher",
    "bulk_load",
    "cache_dir",
    "connect",
    "describe_query",
    "graph_rows",
    "import_database",
    "list_queries",
    "load_graph",
    "parse_parameter",
    "read_statements",
    "relationship_patterns",
    "run_query",
]
