"""Test set-up for the compiled modules (see ``setup.py``).

An install may compile the parser's modules: ``hbey_graph.places`` then imports from
``places.cpython-….so`` beside ``places.py``. pytest collects the doctests from ``places.py`` and, by
default, refuses a module imported from another file. The compiled module is built from that very
source and keeps its docstrings, so its doctests are the ones to run: the check is switched off. A
compiled module older than its source would run the old code, so the session refuses to start.
"""

import os

import pytest

os.environ["PY_IGNORE_IMPORTMISMATCH"] = "1"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop before any test runs if a compiled module is older than its source."""
    from hbey_graph._compiled import stale_modules

    if stale := stale_modules():
        raise pytest.UsageError(
            f"{', '.join(stale)}: compiled from an older source; run `make install` (or pip install -e .)"
        )
