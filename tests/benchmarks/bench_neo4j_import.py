"""Neo4j load of a corpus dataset: ``load_graph``, ``bulk_load`` and the offline ``import_database``.

Run: ``.venv/bin/python tests/benchmarks/bench_neo4j_import.py OUT [--batched-parts K]``, OUT the
``--out`` folder of ``hbey-graph corpus`` (for instance over the 10,000 plans of
``make_real_corpus.py DIR --plans 10000``).

All three paths load the same rows, :meth:`hbey_graph.dataset.CorpusDataset.graph_rows`:

- batched: ``load_graph`` (1,000 rows per transaction) into an emptied running server, of a graph
  rebuilt from the rows before the clock starts (``load_graph`` makes its rows back from it);
  with ``--batched-parts K`` only the first K parts of the dataset;
- bulk: ``bulk_load`` of the rows (read from the dataset inside the clock) into the same emptied
  server, through CSV files and ``LOAD CSV … IN TRANSACTIONS``;
- import: ``import_database`` of the rows (read inside the clock) into a new data folder, then a
  :class:`hbey_graph.neo4j.Neo4jServer` started on it until Bolt answers (which also creates the
  constraints and indexes); reported with and without that start.

A warm-up (one part, each online path) comes first; the launcher and importer are built before.
Each path's database must hold the same numbers of nodes and relationships (checked with Cypher).
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_neo4j_bulk import TARGET_RATIO, _counts, _empty  # a sibling script, not a package


def graph_of(rows):
    """The networkx graph whose ``graph_rows`` are `rows` (node kind = label, edge type and key)."""
    import networkx as nx

    G = nx.MultiDiGraph()
    for nodes, relationships in rows:
        for label, node_rows in nodes.items():
            for row in node_rows:
                properties = {k: v for k, v in row["properties"].items() if k != "id"}
                G.add_node(row["id"], kind=label, **properties)
        for (_source, rel_type, _target), rel_rows in relationships.items():
            for row in rel_rows:
                properties = {k: v for k, v in row["properties"].items() if k != "key"}
                G.add_edge(row["source"], row["target"], key=row["key"], type=rel_type, **properties)
    return G


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the --out folder of `hbey-graph corpus`")
    parser.add_argument("--batch", type=int, default=1000, help="rows per transaction, batched load")
    parser.add_argument("--batched-parts", type=int, default=None,
                        help="time load_graph on the first K parts of the dataset only")
    parser.add_argument("--heap", default="2g", help="Neo4j heap (server and importer)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    from hbey_graph.dataset import CorpusDataset
    from hbey_graph.neo4j import Neo4jServer, bulk_load, import_database, load_graph
    from hbey_graph.neo4j.server import build_importer, build_launcher

    dataset = CorpusDataset(args.out)
    build_launcher()
    build_importer()
    parts = sum(1 for _ in dataset.graph_rows())
    batched_parts = args.batched_parts or parts
    G = graph_of(itertools.islice(dataset.graph_rows(), batched_parts))
    print(f"dataset {args.out}: {len(dataset.plan_ids())} plans in {parts} parts; load_graph of "
          f"{batched_parts} parts: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships",
          flush=True)
    print(f"{'load':52}{'relationships':>14}{'nodes':>10}{'s':>9}{'rel/s':>10}", flush=True)
    rates: dict[str, float] = {}
    counts: dict[str, tuple[int, int]] = {}

    def report(name: str, label: str, nodes: int, relationships: int, seconds: float) -> None:
        rates[name] = relationships / seconds
        print(f"{label:52}{relationships:14}{nodes:10}{seconds:9.1f}{rates[name]:10.0f}", flush=True)

    root = Path(tempfile.mkdtemp(prefix="hbey-neo4j-import-"))
    try:
        with Neo4jServer(heap=args.heap) as server:
            driver = server.driver(notifications_min_severity="OFF")
            try:
                warm = list(itertools.islice(dataset.graph_rows(), 1))
                _empty(driver)
                load_graph(graph_of(warm), driver, batch_size=args.batch)
                _empty(driver)
                bulk_load(warm, driver, import_dir=server.import_dir)
                _empty(driver)
                started = time.perf_counter()
                summary = load_graph(G, driver, batch_size=args.batch)
                seconds = time.perf_counter() - started
                counts["batched"] = _counts(driver)
                assert counts["batched"] == (summary.node_count, summary.relationship_count)
                report("batched", f"load_graph, {batched_parts} parts, batches of {args.batch}",
                       *counts["batched"], seconds)
                _empty(driver)
                started = time.perf_counter()
                summary = bulk_load(dataset.graph_rows(), driver, import_dir=server.import_dir)
                seconds = time.perf_counter() - started
                counts["bulk"] = _counts(driver)
                assert counts["bulk"] == (summary.node_count, summary.relationship_count)
                report("bulk", f"bulk_load, {parts} parts", *counts["bulk"], seconds)
                _empty(driver)
            finally:
                driver.close()
        data = root / "data"
        started = time.perf_counter()
        summary = import_database(dataset.graph_rows(), data, heap=args.heap)
        imported = time.perf_counter() - started
        with Neo4jServer(data_dir=data, heap=args.heap) as server:
            served = time.perf_counter() - started
            with server.driver() as driver:
                counts["import"] = _counts(driver)
        assert counts["import"] == (summary.node_count, summary.relationship_count)
        print(f"  import: CSV files {summary.write_seconds:.1f} s ({summary.csv_bytes / 2**20:.0f} MB), "
              f"importer {summary.import_seconds:.1f} s, server start {served - imported:.1f} s")
        label = f"import_database, {parts} parts"
        report("import_only", f"{label} (no server start)", *counts["import"], imported)
        report("import", f"{label} + server start until Bolt answers", *counts["import"], served)
        if batched_parts == parts:
            assert counts["batched"] == counts["bulk"] == counts["import"], counts
        else:
            assert counts["bulk"] == counts["import"], counts
        for name in ("bulk", "import_only", "import"):
            ratio = rates[name] / rates["batched"]
            verdict = "meets" if ratio >= TARGET_RATIO else "misses"
            print(f"{name} / batched: {ratio:.1f}x relationships/s; target >= {TARGET_RATIO:.0f}x: {verdict}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
