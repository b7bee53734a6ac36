"""Benchmark scripts (run by hand, never collected as tests); see conftest.py."""
