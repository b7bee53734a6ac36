"""Responsible bodies: the reference table and the classification of names it lacks."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from hbey_graph.records import Body
from hbey_graph.reference import read_table

__all__ = ["LEVEL_PREFIXES", "BodyRegistry", "body_registry"]

#: Prefixes naming the government level a department belongs to, longest first.
LEVEL_PREFIXES: tuple[str, ...] = ("自治区", "省", "市", "区", "县", "州", "盟", "旗")

_LEVEL_OF_PREFIX = {"自治区": "provincial", "省": "provincial", "市": "prefecture", "州": "prefecture",
                    "盟": "prefecture", "区": "county", "县": "county", "旗": "county"}
_GROUP = re.compile(r"^(各|相关|有关|其他|其它)|各有关|各相关|(有关|相关)(部门|单位|地区)|成员单位$|等$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,12}[市县旗区盟州]$")
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
    >>> registry.current_name("省国土资源厅")
    '省自然资源厅'
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

        # Former short names under any level prefix: 环保厅 → 生态环境厅, so 省环保厅 → 省生态环境厅.
        self._former_short = {
            former.removeprefix("自治区"): current.removeprefix("自治区")
            for former, current in self._former.items()
            if former.startswith("自治区") and current.startswith("自治区")
        }
        #: Every name :meth:`knows`, current or pre-reform, as one set: many names can be tested
        #: against it at once (``registry.known_names.issuperset(names)``).
        self.known_names: frozenset[str] = frozenset(self._bodies.keys() | self._former.keys())

    def __contains__(self, name: str) -> bool:
        return name in self._bodies

    def knows(self, name: str) -> bool:
        """Whether `name` is in the reference table, as a current or a pre-reform name."""
        return name in self.known_names

    def current_name(self, name: str) -> str:
        """Return the post-2018 name of a body written with a pre-reform name (or `name` itself).

        A former name under another level prefix maps the same way (``省环保厅`` → ``省生态环境厅``).
        """
        if name in self._former:
            return self._former[name]
        for prefix in LEVEL_PREFIXES:
            if name.startswith(prefix) and name[len(prefix):] in self._former_short:
                return prefix + self._former_short[name[len(prefix):]]
        return name

    def resolve(self, name: str) -> Body:
        """Return the body for `name`, classified by its form when the reference table lacks it.

        A pre-reform name (``自治区环保厅``) keeps its name and takes the type and level of the body
        that carries the function now.
        """
        if name in self._bodies:
            return self._bodies[name]
        if name in self._former:
            current = self._bodies[self._former[name]]
            return Body(name, name, f"former name of: {current.name_en}", current.body_type, current.level)
        return classify(name)


@lru_cache(maxsize=16384)
def classify(name: str) -> Body:
    """Classify a body the reference table does not know, from the form of its name.

    The answer depends on the name alone, so it is cached: plans repeat their names.

    Examples
    --------
    >>> classify("包头市人民政府").body_type, classify("各县（市、区）政府").body_type
    ('city_government', 'group')
    >>> classify("省发展改革委").level
    'provincial'
    >>> classify("包头市").body_type, classify("市直有关部门").body_type
    ('city_government', 'group')
    """
    if _GROUP.search(name):
        body_type, level = "group", "collective"
    elif _GOVERNMENT.search(name):
        body_type = "city_government"
        level = "county" if re.search(r"[县旗区]人民政府$|[县旗区]政府$", name) else "prefecture"
    elif _PLACE.match(name) and not name.startswith(LEVEL_PREFIXES[0]):
        body_type = "city_government"
        level = "county" if name[-1] in "县旗区" else "prefecture"
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
