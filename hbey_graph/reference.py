"""Reference tables shipped in ``data/``: bodies, places, abbreviations, projects.

Tables are read once and cached; callers get copies of nothing and must not mutate what they get.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["BUNDLED_PLAN", "data_path", "read_table"]

#: File name of the bundled plan, 内政发〔2018〕55号.
BUNDLED_PLAN = "nmg-2018-55-hbey-plan.txt"


def data_path(name: str) -> Path:
    """Return the path of a file shipped in the package's data folder (installed as files on disk).

    Examples
    --------
    >>> data_path("nmg-2018-55-hbey-plan.txt").name
    'nmg-2018-55-hbey-plan.txt'
    """
    return Path(str(resources.files("hbey_graph.data").joinpath(name)))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Read a CSV reference table from the data folder as a tuple of row dicts.

    Examples
    --------
    >>> rows = read_table("bodies.csv")
    >>> rows[0]["body"]
    '自治区发展改革委'
    """
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))
