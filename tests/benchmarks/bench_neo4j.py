"""Neo4j load of the generated corpus: batched ``UNWIND`` versus row by row (relationships/s, ratio).

Run: ``.venv/bin/python tests/benchmarks/bench_neo4j.py [--plans 1000] [--sample 10000] [--batch 1000]``.

Starts a local Neo4j (:class:`hbey_graph.neo4j.Neo4jServer`; the first run builds its launcher with
Maven), generates the corpus of ``bench_corpus.py`` and builds its graph, then times
:func:`hbey_graph.neo4j.load_graph` into an emptied database: the whole corpus in batches, and the
first plans holding at least ``--sample`` relationships both row by row (``batch_size=1``, one
transaction per row) and in batches, since row by row the whole corpus would take hours. The ratio
compares the two loads of the same sample (a sample too small to fill the batches of each
relationship type understates it); the whole corpus's batched rate is also set against the row-by-row
rate, which does not depend on how much is loaded. Warm-up loads first create the constraints and let
the server compile the statements, both row by row and in batches. The batched load of the sample is
short (seconds), and the server's just-in-time compiler still speeds it up from one load to the next:
it is timed ``--repeat`` times, each time printed, and the best counts. The row-by-row load (minutes,
thousands of transactions) is timed once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import make_corpus  # a sibling script, not a package

TARGET_RATIO = 20.0


def _empty(driver) -> None:
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _timed_load(G, driver, batch_size: int):
    from hbey_graph.neo4j import load_graph

    _empty(driver)
    started = time.perf_counter()
    summary = load_graph(G, driver, batch_size=batch_size)
    return summary, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=10000,
                        help="relationships (at least; whole plans) loaded row by row")
    parser.add_argument("--batch", type=int, default=1000, help="rows per transaction when batched")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--heap", default="2g", help="Neo4j heap")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed batched loads of the sample (the best counts)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    from hbey_graph.corpus import read_corpus
    from hbey_graph.graph import build_graph
    from hbey_graph.neo4j import Neo4jServer

    root = Path(tempfile.mkdtemp(prefix="hbey-neo4j-"))
    try:
        make_corpus(root / "plans", args.plans)
        corpus = read_corpus(root / "plans", jobs=args.jobs)
        G = corpus.graph
        count = 1
        while count < len(corpus.plans) and build_graph(corpus.plans[:count]).number_of_edges() < args.sample:
            count += 1
        sample = build_graph(corpus.plans[:count])
        warm = build_graph(corpus.plans[-1:])
        print(f"corpus: {len(corpus.plans)} plans, {G.number_of_nodes()} nodes, {G.number_of_edges()} "
              f"relationships; sample: {count} plans, {sample.number_of_edges()} relationships", flush=True)
        print(f"{'load':38}{'relationships':>14}{'nodes':>9}{'transactions':>14}{'s':>8}{'rel/s':>10}",
              flush=True)
        loads = {}
        with Neo4jServer(heap=args.heap) as server:
            driver = server.driver(notifications_min_severity="OFF")
            try:
                _timed_load(warm, driver, args.batch)  # constraints, compiled statements
                _timed_load(warm, driver, 1)
                # The small loads first: emptying the database after the whole corpus takes long.
                for name, label, graph, batch, times in (
                    ("row", f"sample of {count} plans, row by row", sample, 1, 1),
                    ("batched", f"sample of {count} plans, batches of {args.batch}", sample, args.batch,
                     args.repeat),
                    ("full", f"whole corpus, batches of {args.batch}", G, args.batch, 1),
                ):
                    for _ in range(times):
                        summary, seconds = _timed_load(graph, driver, batch)
                        if name not in loads or seconds < loads[name][1]:
                            loads[name] = summary, seconds
                        rate = summary.relationship_count / seconds
                        print(f"{label:38}{summary.relationship_count:14}{summary.node_count:9}"
                              f"{summary.transactions:14}{seconds:8.1f}{rate:10.0f}", flush=True)
            finally:
                driver.close()
        (row, row_s), (batched, batched_s), (full, full_s) = loads["row"], loads["batched"], loads["full"]
        ratio = (batched.relationship_count / batched_s) / (row.relationship_count / row_s)
        whole = (full.relationship_count / full_s) / (row.relationship_count / row_s)
        verdict = "meets" if ratio >= TARGET_RATIO else "misses"
        print(f"batched / row by row: {ratio:.0f}x on the same sample, best batched load of {args.repeat} "
              f"({whole:.0f}x whole corpus against the sample row by row); "
              f"target >= {TARGET_RATIO:.0f}x: {verdict}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
