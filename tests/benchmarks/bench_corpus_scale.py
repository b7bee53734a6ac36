"""Corpora at scale: ``hbey-graph corpus`` on 1,000 and 10,000 plans made from the real documents.

Run: ``.venv/bin/python tests/benchmarks/bench_corpus_scale.py [--plans 10000] [--jobs 2] [--keep DIR]``.

The corpus is made first (not timed) by ``make_real_corpus.py``; its first 1,000 plans (two
sub-folders of 500) are the small corpus. Measured, each command in a fresh process as a user runs
it, with the peak memory of its process tree (the command and its workers, summed):

1. the parser alone, in one process on one core: plans per second over a sample of the files
   (the best of three runs);
2. the corpus command on 1,000 plans and on all plans: wall time, peak memory, plans per second
   per core (plans / wall time / processes) against the parser's own, and plans per CPU second of
   the command's process tree (which other work on a shared machine does not change);
3. the same command again over the unchanged folder of all plans (nothing to parse).

Targets: peak memory for all plans at most 1.25 × that for 1,000; the whole corpus at no less than
half the parser's throughput per core; the second run under 10 % of the first's time.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import run_corpus_command  # sibling scripts, not a package
from make_real_corpus import make_real_corpus, real_documents


def parser_throughput(paths: list[Path], repeat: int = 3) -> float:
    """Plans per second of the parser alone (files read into memory first), in this process.

    The best of `repeat` runs over the files: the parser's own speed when the machine lets it.
    """
    from hbey_graph.errors import HbeyGraphError
    from hbey_graph.extract.parser import parse_plan
    from hbey_graph.extract.readers import decode_source

    files = [(str(path), path.read_bytes()) for path in paths]
    parse_plan(decode_source(*files[0]))  # the lexicon is read once, before the clock starts
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, data in files:
                with contextlib.suppress(HbeyGraphError):  # a refused file too is the parser's work
                    parse_plan(decode_source(name, data))
        best = min(best, time.perf_counter() - started)
    return len(files) / best


def _measured(folder: Path, out: Path, jobs: int) -> tuple[float, int, float, subprocess.CompletedProcess]:
    """Run the corpus command: wall seconds, peak memory of its tree, CPU seconds of its tree, result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, peak, done = run_corpus_command(folder, out, jobs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command waits for its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak, cpu, done


def _summary_line(stderr: str) -> str:
    return [line for line in stderr.splitlines() if "plans parsed" in line][-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--sample", type=int, default=2000, help="files the parser alone is timed on")
    parser.add_argument("--keep", type=Path, default=None, help="make the corpus here and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="hbey-scale-"))
    big = root / "plans"
    if not big.is_dir():
        make_real_corpus(big, args.plans)
    small = root / "plans-1000"
    if not small.is_dir():
        small.mkdir()
        for batch in sorted(big.iterdir())[:2]:
            shutil.copytree(batch, small / batch.name)
    files = sorted(big.rglob("*.txt"))
    size = sum(path.stat().st_size for path in files) / 2**20
    print(f"corpus: {len(files)} plans, {size:.1f} MB, made from the {len(real_documents())} real documents")

    per_core = parser_throughput(files[:: max(1, len(files) // args.sample)])
    print(f"parser alone, one core: {per_core:.0f} plans/s")

    results = {}
    for name, folder in (("1,000", small), (f"{len(files):,}", big)):
        out = root / f"out-{folder.name}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, cpu, done = _measured(folder, out, args.jobs)
        if done.returncode != 0:
            raise SystemExit(f"corpus failed: {done.stderr[-2000:]}")
        plans = len(list(folder.rglob("*.txt")))
        rate = plans / seconds / args.jobs
        results[name] = (seconds, peak)
        print(
            f"corpus {name} plans, {args.jobs} processes: {seconds:.1f} s, "
            f"peak memory {peak / 2**30:.2f} GiB, "
            f"{rate:.0f} plans/s per core ({rate / per_core:.2f} × the parser's own); "
            f"CPU {cpu:.1f} s, {plans / cpu:.0f} plans per CPU second "
            f"({plans / cpu / per_core:.2f} × the parser's)"
        )
        print("   ", _summary_line(done.stderr))
    first_seconds, big_peak = results[f"{len(files):,}"]
    seconds, _, _, done = _measured(big, root / f"out-{big.name}", args.jobs)
    print(
        f"second run over the unchanged {len(files):,} plans: {seconds:.1f} s, "
        f"{seconds / first_seconds:.1%} of the first"
    )
    print("   ", _summary_line(done.stderr))
    small_peak = results["1,000"][1]
    print(f"peak memory {len(files):,} / 1,000 plans: {big_peak / small_peak:.2f} (target ≤ 1.25)")
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
