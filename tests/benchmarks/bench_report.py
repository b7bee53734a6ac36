"""The main job end to end: ``hbey-graph report`` on the bundled plan, in a fresh process (seconds).

Run: ``.venv/bin/python tests/benchmarks/bench_report.py [--repeat N]``. Runs the command as the
README's first command does (imports, parse, graph, analyses, charts, page) into a temporary folder,
N times, and prints the wall time and the CPU time of each run, then the best against the target.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 20.0


def run_report(out: Path) -> tuple[float, float]:
    """Run ``hbey-graph report --out OUT`` in a fresh process; return its wall and CPU seconds."""
    command = [sys.executable, "-m", "hbey_graph", "report", "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs (best is reported)")
    args = parser.parse_args()

    walls = []
    with tempfile.TemporaryDirectory(prefix="hbey-report-") as folder:
        for run in range(1, args.repeat + 1):
            wall, cpu = run_report(Path(folder) / f"report-{run}")
            walls.append(wall)
            print(f"run {run}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    best = min(walls)
    verdict = "meets" if best < TARGET_SECONDS else "misses"
    print(f"target report on the bundled plan < {TARGET_SECONDS:.0f} s: {verdict} (best {best:.1f} s wall)")


if __name__ == "__main__":
    main()
