"""Responsible bodies: the reference table, and names recognised by their shape.

A plan names far more bodies than any table holds. A name is read as a body by its shape, from the
lexicon (:mod:`hbey_graph.extract.lexicon`): a level prefix (``省``, ``市`` …) or a place
(``哈尔滨``), a core, and an ending (``厅``, ``委``, ``局`` …, ``人民政府``, ``管委会`` …); groups such
as ``各县（市、区）政府`` or ``有关部门``. The reference table ``data/bodies.csv`` adds full official
names, English names and pre-reform names for the bodies it knows.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.records import Body
from hbey_graph.reference import read_table

__all__ = [
    "PLACE_LEVELS",
    "BodyRegistry",
    "body_registry",
    "body_strength",
    "classify",
    "level_prefix",
    "starts_with_place",
    "without_qualifier",
]

_CJK_NAME = re.compile(  # a dash may join two places (磨憨—磨丁合作区管委会); a count open it (13个街道)
    r"^(?:\d{1,3}个)?[\u4e00-\u9fff（）()〔〕、·]+(?:[—－][\u4e00-\u9fff（）()〔〕、·]+)*$"
)
_QUALIFIER = re.compile(r"[（(〔][^）)〕]*[）)〕]$")
#: The level words a place's name ends with (包头市, 徐泾镇).
PLACE_LEVELS = "省市州盟县区旗乡镇"
_LONGEST_NAME = 40


class BodyRegistry:
    """Look up bodies by the name a plan writes, current or pre-2018-reform.

    Parameters
    ----------
    rows : sequence of dict
        Rows of ``data/bodies.csv``: body, full_name, name_en, body_type, level, former_names.
    lexicon : Lexicon, optional
        The lexicon that classifies names the table lacks; the shipped one by default.

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

    def __init__(self, rows: tuple[dict[str, str], ...], lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()
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
        self._former_short = {}
        for former, current in self._former.items():
            prefix = level_prefix(former, self.lexicon)
            if prefix and current.startswith(prefix):
                self._former_short[former[len(prefix) :]] = current[len(prefix) :]
        #: Every name :meth:`knows`, current or pre-reform.
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
        prefix = level_prefix(name, self.lexicon)
        if prefix and name[len(prefix) :] in self._former_short:
            return prefix + self._former_short[name[len(prefix) :]]
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
        return classify(name, self.lexicon)


def level_prefix(name: str, lexicon: Lexicon | None = None) -> str | None:
    """The level prefix a name opens with (``自治区``, ``省``, ``市`` …), if it opens with one.

    Examples
    --------
    >>> level_prefix("市发展改革委"), level_prefix("市场监管局"), level_prefix("市政府法制办")
    ('市', None, '市')
    """
    match = (lexicon or Lexicon.default()).prefix_pattern.match(name)
    return match.group() if match else None


def starts_with_place(name: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a name opens with a place of its own (``哈尔滨铁路局``, ``长春市``).

    Examples
    --------
    >>> starts_with_place("厦门金融监管局"), starts_with_place("统计局")
    (True, False)
    """
    lexicon = lexicon or Lexicon.default()
    match = lexicon.place_names.match(name)
    return match is not None and len(match.group()) < len(name)


def body_strength(
    name: str, lexicon: Lexicon | None = None, registry: BodyRegistry | None = None
) -> str | None:
    """How surely `name` names a body: ``known``, ``strong``, ``weak``, ``place`` or None.

    ``known``: in the reference table; ``strong``: its ending makes it a body (``厅``, ``人民政府``,
    a group such as ``有关部门``); ``weak``: its ending may (``中心``, ``镇``), so a role word or a
    label must confirm it; ``place``: a bare place (``包头市``) that a shared suffix may complete.
    None for what is no body: an official (``副市长``), a word such as ``布局``, a sentence.

    Examples
    --------
    >>> names = ("自治区发展改革委", "区商务委", "徐泾镇", "包头市", "分管副省长", "优化产业布局")
    >>> [body_strength(name, registry=body_registry()) for name in names]
    ['known', 'strong', 'weak', 'place', None, None]
    """
    lexicon = lexicon or Lexicon.default()
    if registry is not None and registry.knows(name):
        return "known"
    return _strength(name, lexicon)


@lru_cache(maxsize=16384)
def _strength(name: str, lexicon: Lexicon) -> str | None:
    if not name or len(name) > _LONGEST_NAME or not _CJK_NAME.match(name) or not _balanced(name):
        return None
    core = without_qualifier(name) or name  # 各县、区人民政府（管委会）: the name before its qualifier
    for agent in lexicon.agents:  # 具体工作由市发改委: a clause naming who acts, not a name
        position = core.find(agent, 1)
        if position > 0 and core[position - 1] != "自" and _strength(core[position + len(agent) :], lexicon):
            return None
    ending = lexicon.ending_pattern.search(core)
    not_body = lexicon.not_bodies.search(core)
    if not_body is not None and ending is not None and len(ending.group()) > len(not_body.group()):
        not_body = None  # 乡村振兴办: the ending 振兴办 is longer than the verb 兴办 it ends with
    group = lexicon.collective.search(core)
    sentence_word = lexicon.not_in_body.search(core)
    if sentence_word is not None and ending is not None and sentence_word.start() >= ending.start():
        sentence_word = None  # 健康中国行动推进办: the verb 推进 is part of the ending 推进办
    if sentence_word is not None and any(
        part.start() <= sentence_word.start() < part.end() for part in lexicon.collective.finditer(core)
    ):
        sentence_word = None  # (各)负有安全生产监管职责的部门: a group described by its duty
    if (
        core in lexicon.labels  # 由牵头单位发挥统筹协调作用: a role, not a body
        or lexicon.official_titles.search(core)
        or not_body is not None
        or sentence_word is not None
    ):
        return None
    if group is not None and (ending is not None or core[-1] in PLACE_LEVELS):
        return "strong"  # 有关部门, 各地, 相关盟市
    if lexicon.whole_groups.fullmatch(core):
        return "strong"  # a group named by its name as a whole: 村（社区）, 各村
    if ending is not None and ending.start() > 0:
        strength = next(s for e, _, s in lexicon.endings if e == ending.group())
        if strength == "weak" and (level_prefix(core, lexicon) or lexicon.place_names.match(core)):
            return "strong"  # a prefix or a place makes a weak ending sure: 区行政服务中心
        if strength == "weak" and _within_organ(core[: ending.start()], lexicon):
            return "strong"  # an office of a body named first: 救灾司救灾处, 县教育局办公室
        return strength
    if core[-1] in PLACE_LEVELS and 2 <= len(core) <= 10 and level_prefix(core, lexicon) is None:
        return "place"
    if ending is not None and len(core) > 2 and lexicon.ending_kinds.get(core) in ("zone", "department"):
        return "weak"  # a zone's short name alone, 高新园（邹区镇）; a department's own office, 办公室
    return None


def _within_organ(opening: str, lexicon: Lexicon) -> bool:
    """Whether `opening`, the words before a weak ending, opens with a body named by a strong ending."""
    return any(_strength(opening[:end], lexicon) == "strong" for end in range(len(opening), 1, -1))


def without_qualifier(name: str) -> str:
    """`name` without a qualifier in brackets at its end (``高新园（邹区镇）`` → ``高新园``).

    Examples
    --------
    >>> without_qualifier("各县、区人民政府（管委会）"), without_qualifier("市委宣传部")
    ('各县、区人民政府', '市委宣传部')
    """
    return _QUALIFIER.sub("", name)


def _balanced(name: str) -> bool:
    depth = 0
    for char in name:
        if char in "（(〔":
            depth += 1
        elif char in "）)〕":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@lru_cache(maxsize=16384)
def classify(name: str, lexicon: Lexicon | None = None) -> Body:
    """Classify a body the reference table does not know, from the form of its name.

    Examples
    --------
    >>> classify("包头市人民政府").body_type, classify("各县（市、区）政府").body_type
    ('city_government', 'group')
    >>> classify("省发展改革委").level
    'provincial'
    >>> classify("包头市").body_type, classify("市直有关部门").body_type
    ('city_government', 'group')
    >>> classify("乙县人民政府").level, classify("河南银保监局").body_type
    ('county', 'central_agency')
    """
    lexicon = lexicon or Lexicon.default()
    prefix = level_prefix(name, lexicon)
    ending = lexicon.ending_pattern.search(name)
    kind = next((k for e, k, _ in lexicon.endings if ending and e == ending.group()), None)
    if lexicon.collective.search(name) or kind == "collective":
        body_type, level = "group", "collective"
    elif kind == "government":
        body_type, level = "city_government", _government_level(name[: ending.start()], lexicon)
    elif kind is None and name[-1] in PLACE_LEVELS and prefix is None:
        body_type, level = "city_government", _government_level(name, lexicon)
    elif kind == "party" or (prefix is not None and prefix.endswith("委")):
        body_type, level = "party_organ", _prefix_level(prefix, lexicon)
    elif lexicon.agency.search(name) or (prefix is not None and lexicon.level_prefixes[prefix] == "central"):
        body_type, level = "central_agency", _prefix_level(prefix, lexicon)
    elif kind == "enterprise":
        body_type, level = "enterprise", "enterprise"
    elif kind in ("department", "agency", "zone", "township"):
        body_type, level = "department", _prefix_level(prefix, lexicon)
    else:
        body_type, level = "other", "unknown"
    return Body(name, name, "", body_type, level, known=False)


def _prefix_level(prefix: str | None, lexicon: Lexicon) -> str:
    return lexicon.level_prefixes[prefix] if prefix else "unknown"


def _government_level(place: str, lexicon: Lexicon) -> str:
    """The level of a government of `place` (``乙县`` → county), from the level word it ends with."""
    place = re.sub(r"[（(][^）)]*[）)]$", "", place)  # 各县（市、区） → 各县
    if place and place[-1] in lexicon.level_prefixes and place[-1] not in "省":
        return lexicon.level_prefixes[place[-1]]
    return "prefecture"


@cache
def body_registry(lexicon: Lexicon | None = None) -> BodyRegistry:
    """Return the registry of ``data/bodies.csv`` (read once per lexicon)."""
    return BodyRegistry(read_table("bodies.csv"), lexicon)
