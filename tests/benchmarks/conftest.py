"""The benchmarks are scripts run by hand (``python tests/benchmarks/bench_parse.py``), not tests.

Their files are named ``bench_*.py`` so that pytest does not collect them as tests; this keeps the
doctest collection (``--doctest-modules``) from importing them too.
"""

collect_ignore_glob = ["bench_*.py"]
