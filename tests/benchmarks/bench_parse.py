"""Parse throughput on the bundled plan, next to the time to merely read the file.

Run: ``.venv/bin/python tests/benchmarks/bench_parse.py [--repeat N]``. Prints MB/s and tasks/s for
reading the file, for the whole parse (tasks, roles, places, projects, links) and for tasks and roles
alone: the best of N timed runs (process CPU time) after one warm-up run, and the wall-clock time of
the first parse in a fresh process. The garbage collector runs during the timed runs, as it does when
a user parses a plan (``timeit`` would turn it off): its share of the work is part of the figure.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
import timeit
import warnings

TARGET_MB_S = 2.0  # pure Python, as the parser reads as the grammar it implements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs (best is reported)")
    parser.add_argument("--number", type=int, default=20, help="parses per timed run")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    started = time.perf_counter()

    from hbey_graph.extract import parser as plan_parser
    from hbey_graph.extract.readers import read_source
    from hbey_graph.reference import BUNDLED_PLAN, data_path

    path = data_path(BUNDLED_PLAN)
    source = read_source(path)
    first = plan_parser.parse_plan(source)
    cold = time.perf_counter() - started
    size = len(path.read_bytes())
    tasks = len(first.tasks)

    def best(statement) -> float:
        # CPU time of this process: other processes on the machine do not inflate it, as they do
        # wall-clock time; on an idle machine the two agree.
        statement()
        timer = timeit.Timer(statement, setup=gc.enable, timer=time.process_time)  # collector on
        return min(timer.repeat(number=args.number, repeat=args.repeat)) / args.number

    read = best(lambda: read_source(path))
    full = best(lambda: plan_parser.parse_plan(source))
    geography = plan_parser.extract_geography
    plan_parser.extract_geography = lambda *a, **k: ({}, [], [], [])  # tasks and roles alone
    try:
        roles = best(lambda: plan_parser.parse_plan(source))
    finally:
        plan_parser.extract_geography = geography

    print(f"Python {platform.python_version()} ({sys.executable})")
    print(f"best of {args.repeat} runs of {args.number}, process CPU time, garbage collector on")
    print(f"bundled plan: {size / 1e3:.1f} kB, {tasks} tasks, {len(first.assignments)} assignments")
    print(f"{'':34}{'ms':>9}{'MB/s':>9}{'tasks/s':>10}")
    for label, seconds in (
        ("read the file (decode, checks)", read),
        ("parse: tasks, roles, places, links", full),
        ("parse: tasks and roles only", roles),
        ("read + parse", read + full),
    ):
        print(f"{label:34}{seconds * 1e3:9.2f}{size / seconds / 1e6:9.2f}{tasks / seconds:10.0f}")
    print(f"first parse in a fresh process (imports, tables): {cold * 1e3:.0f} ms")
    verdict = "meets" if size / full / 1e6 >= TARGET_MB_S else "misses"
    print(f"target parse >= {TARGET_MB_S} MB/s: {verdict} ({size / full / 1e6:.2f} MB/s whole parse, "
          f"{size / roles / 1e6:.2f} MB/s tasks and roles)")


if __name__ == "__main__":
    main()
