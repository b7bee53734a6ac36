"""English names for charts and files: short body names and area titles.

Both come from data files, so that a user can extend them for another plan:

- ``data/body_name_shortenings.csv``: regular expressions (``pattern``, ``replacement``) applied in
  order to a body's official English name (``name_en``) to give the short name charts and network
  files use (``short_en``): ``Department of Commerce of Inner Mongolia`` → ``Dept. of Commerce``;
- ``data/section_titles_en.csv``: the English title (``title_en``) of each section title (the
  areas and the headings below and above them).
"""

from __future__ import annotations

import re
from functools import cache

from hbey_graph.reference import read_table

__all__ = ["area_title_en", "section_titles_en", "short_body_en"]


@cache
def _shortenings() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(row["pattern"]), row["replacement"]) for row in read_table("body_name_shortenings.csv")
    )


def short_body_en(name_en: str) -> str:
    """The short English name of a body, from its official English name.

    Examples
    --------
    >>> short_body_en("Department of Commerce of Inner Mongolia")
    'Dept. of Commerce'
    >>> short_body_en("Development and Reform Commission of Inner Mongolia Autonomous Region")
    'Development and Reform Commission'
    >>> short_body_en("Baotou Municipal People's Government")
    'Baotou Municipal Govt.'
    """
    for pattern, replacement in _shortenings():
        name_en = pattern.sub(replacement, name_en)
    return name_en


@cache
def _section_titles() -> dict[str, str]:
    return {row["title"]: row["title_en"] for row in read_table("section_titles_en.csv") if row["title_en"]}


def section_titles_en() -> dict[str, str]:
    """English titles of plan sections, from ``data/section_titles_en.csv`` (Chinese title → English).

    Examples
    --------
    >>> section_titles_en()["主要任务"]
    'Main tasks'
    """
    return dict(_section_titles())


def area_title_en(title: str) -> str | None:
    """The English title of an area of a plan, or None if the data file has none.

    Examples
    --------
    >>> area_title_en("引导产业协同发展")
    'Coordinated industrial development'
    >>> area_title_en("不在表中") is None
    True
    """
    return _section_titles().get(title)
