"""Responsible bodies: the reference table and the classification of names it lacks."""

from __future__ import annotations

import re
from functools import cache

from hbey_graph.records import Body
from hbey_graph.reference import read_table

__all__ = ["LEVEL_PREFIXES", "BodyRegistry", "body_registry"]

#: Prefixes naming the government level a department belongs to, longest first.
LEVEL_PREFIXES: tuple[str, ...] = ("自治区", "省", "市", "区", "县", "州", "盟", "旗")

_LEVEL_OF_PREFIX = {"自治区": "provincial", "省": "provincial", "市": "prefecture", "州": "prefecture",
                    "盟": "prefecture", "区": "county", "县": "county", "旗": "county"}
_GROUP = re.compile(r"^(各|相关|有关|其他|其它)|各有关|各相关|等$")
_GOVERNMENT = re.compile(r"(人民政府|政府|行政公署|管委会)$")
_CENTRAL = re.compile(r"海关|人民银行|银保监|证监|税务局|通信管理局|国家|中央|铁路局|气象局|统计局.*调查")
_ENTERPRISE = re.compile(r"(公司|集团|银行)$")
_DEPARTMENT = re.compile(r"(厅|委|局|办|室|部|院|署|会|中心|馆)$")


class BodyRegistry:
    """Look up bodies by the name a plan writes, current or pre-2018-reform.

    Parameters
    ----------
    rows : sequence of dict
        Rows of ``data/bodies.csv``: body, full_name, name_en, body_type, level, former_names.

    Examples
    --------
    >>> registry = body_registry()
    >>> registry.resolve("自治区科技厅").full_name
    '内蒙古自治区科学技术厅'
    >>> registry.current_name("自治区环保厅")
    '自治区生态环境厅'
    >>> registry.resolve("市科委").body_type, registry.resolve("市科委").known
    ('department', False)
    """

    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self._bodies = {
            row["body"]: Body(row["body"], row["full_name"], row["name_en"], row["body_type"], row["level"])
            for row in rows
        }
        self._former = {
            former: row["body"]
            for row in rows
            for former in filter(None, row.get("former_names", "").split("|"))
        }

    def __contains__(self, name: str) -> bool:
        return name in self._bodies

    def current_name(self, name: str) -> str:
        """Return the post-2018 name of a body written with a pre-reform name (or `name` itself)."""
        return self._former.get(name, name)

    def resolve(self, name: str) -> Body:
        """Return the body for `name`, classified by its form when the reference table lacks it."""
        if name in self._bodies:
            return self._bodies[name]
        return classify(name)


def classify(name: str) -> Body:
    """Classify a body the reference table does not know, from the form of its name.

    Examples
    --------
    >>> classify("包头市人民政府").body_type, classify("各县（市、区）政府").body_type
    ('city_government', 'group')
    >>> classify("省发展改革委").level
    'provincial'
    """
    if _GROUP.search(name):
        body_type, level = "group", "collective"
    elif _GOVERNMENT.search(name):
        body_type = "city_government"
        level = "county" if re.search(r"[县旗区]人民政府$|[县旗区]政府$", name) else "prefecture"
    elif "党委" in name or name.startswith(("省委", "市委", "区委", "县委")):
        body_type, level = "party_organ", _level_of(name)
    elif _CENTRAL.search(name):
        body_type, level = "central_agency", "provincial"
    elif _ENTERPRISE.search(name):
        body_type, level = "enterprise", "enterprise"
    elif name.startswith("自治区") and _DEPARTMENT.search(name):
        body_type, level = "region_department", "provincial"
    elif _DEPARTMENT.search(name):
        body_type, level = "department", _level_of(name)
    else:
        body_type, level = "other", "unknown"
    return Body(name, name, "", body_type, level, known=False)


def _level_of(name: str) -> str:
    for prefix in LEVEL_PREFIXES:
        if name.startswith(prefix):
            return _LEVEL_OF_PREFIX[prefix]
    return "unknown"


@cache
def body_registry() -> BodyRegistry:
    """Return the registry of ``data/bodies.csv`` (read once)."""
    return BodyRegistry(read_table("bodies.csv"))
