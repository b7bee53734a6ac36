"""Places named in a plan, where each task names them, and the links between places the plan states.

The gazetteer (``data/places.csv``) and the abbreviation table (``data/abbreviations.csv``) are data;
this module only matches them against task text and reads links from the matches.

Reading places
--------------
* Names are matched longest first, left to right: ``鄂尔多斯市`` before ``鄂尔多斯``, ``包头市区``
  (an alias) before ``包头``, ``内蒙古中西部`` (a region) before ``内蒙古``. Half-width and full-width
  brackets are treated alike.
* An abbreviation yields one :class:`~hbey_graph.records.Mention` per place it stands for, all with
  the abbreviation's surface and offsets and ``via="abbreviation"`` (``呼包鄂`` → 呼和浩特市, 包头市,
  鄂尔多斯市).
* A name is a mention wherever it stands, also inside a project, brand or enterprise name:
  ``鄂尔多斯等龙头企业`` (the Erdos group, named after and seated in the city), ``包头钢铁基地``,
  ``“中国制造2025”`` all mention their place. The only exceptions are the phrases listed in the
  ``not_in`` column of the tables (``中蒙药`` is Chinese and Mongolian medicine, not China and Mongolia;
  ``治安平稳`` holds no 安平县).
* A place written right before a place inside it qualifies that place and is not a separate party to
  a link: ``伊金霍洛旗阿镇``, ``鄂尔多斯市乌兰木伦镇``. Both are still mentions.
* ``蒙西`` (western Inner Mongolia) is a region of its own, not an abbreviation: which leagues and
  cities it covers differs between sources, so it is not expanded to cities. ``京津冀`` and ``京津`` are
  abbreviations of their province-level units. Beijing and Tianjin are cities (municipalities), their
  own province.
* Coordinates are those of the seat of government (a province's capital, a county's seat town), and
  an approximate centre for regions. Regions spanning several provinces (华北, 华中, 毛乌素沙地) have no
  province; only 库布齐沙漠 lies within one prefecture city.
* Towns are listed under the city the plan groups them by, with their county in the ``county``
  column. 河口镇 and 老牛湾镇 are not in their county's list of townships: they are the plan's
  characteristic towns (the old river port of 托克托县, the Yellow River gorge of 清水河县).
* What the gazetteer leaves out on purpose: rivers (黄河, 大黑河, 浑河 …), scenic and historic sites
  that only occur inside project names (敕勒川 scenic area, 神泉, 小白河, 五当召, 希拉穆仁, 萨拉乌苏,
  沙良, 挡阳桥, 沙沟子, 前夭子), directions that bound no area (西北, 东部沿海, 中西部地区, 北疆),
  ``自治区`` and ``我区`` (their meaning depends on the issuer), and 浙商 (Zhejiang business people, not
  Zhejiang). 金山 in ``金山等园区`` is a development zone, not 金山镇, so ``金山`` is no alias.

Reading links
-------------
Links are read clause by clause (a clause ends at ``，；。：！？``; the evidence is the whole sentence,
which ends at ``。；！？``). Kinds:

``chain``
    Places joined by a dash, each adjacent pair once: ``包头市区—土默特右旗—达拉特旗`` gives
    包头市–土默特右旗 and 土默特右旗–达拉特旗.
``corridor``
    A dash chain or an ``A至B`` (``到``, ``经``) route followed in its clause by a corridor word
    (:data:`CORRIDOR_WORDS`): ``包头至银川铁路``, ``鄂尔多斯—安平—沧州输气管道``; and a route or pair
    abbreviation followed by one (``呼准鄂铁路``, ``呼张高铁``, ``中蒙俄经济走廊``). A group
    abbreviation before a network word names a network, not a route, and gives no link
    (``呼包鄂榆快速铁路网``, ``呼包鄂城际高速公路充电桩网络``).
``cooperation``
    (a) a list of places joined by ``与``/``同`` (``呼和浩特市、鄂尔多斯市与榆林市综合利用…``);
    (b) a list of places, or a group abbreviation, in a clause holding a cooperation cue
    (:data:`COOPERATION_CUES`; ``包头市、鄂尔多斯市合作…``, ``在鄂尔多斯市乌兰木伦镇和榆林市大柳塔镇共建…``,
    ``开展呼包鄂区域内大气污染联防联控``): every pair of the list;
    (c) partners introduced by ``与`` with no place before it (``加强与巴彦淖尔、乌海…的协作``,
    ``…与呼包榆融合发展``): each partner with the sentence's subject, the place list the sentence
    opens with, or failing that with the task's implementing cities (the partners are not linked to
    each other); (d) every pair abbreviation (``京蒙对口帮扶``, ``蒙苏经济开发区``, ``中蒙…论坛``).
    Places merely listed side by side, each acting on its own (``推动包头机场、鄂尔多斯机场改扩建``,
    ``鄂尔多斯市和包头市发展化工…``), are no link: a list joined by ``、``/``和``/``及`` needs a cue.
``co_implementation``
    Every pair of city governments implementing one task (role ``implementer``, body type
    ``city_government``); the evidence is the annotation group that names them.

A city written beside a unit of its own (``呼和浩特市—土默特左旗``, ``包头市区—土默特右旗``) stands for
its urban core, so such a pair is a place-level link. Links are kept once per pair, kind and task, in
the direction first stated.

Every link exists at ``level="place"``; :func:`roll_up` maps both ends to their prefecture city
(``level="city"``). Pairs within one city are dropped at city level, and so are links with an end
that lies in no prefecture city (provinces, countries, regions spanning several cities such as
蒙西 or 华北); they stay at place level. Beijing and Tianjin are cities (municipalities) of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import combinations, pairwise
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from hbey_graph.records import Assignment, Body, Link, Mention, Place, Project, Task
from hbey_graph.reference import read_table

__all__ = [
    "COOPERATION_CUES",
    "CORRIDOR_WORDS",
    "LINK_KINDS",
    "Abbreviation",
    "Gazetteer",
    "co_implementation_links",
    "default_gazetteer",
    "extract_geography",
    "find_links",
    "find_mentions",
    "roll_up",
]

#: Kinds of :class:`~hbey_graph.records.Link`.
LINK_KINDS: tuple[str, ...] = ("chain", "corridor", "cooperation", "co_implementation")

#: Words that make a clause one of joint action between the places it lists.
COOPERATION_CUES: tuple[str, ...] = (
    "合作",
    "协作",
    "共建",
    "共同",
    "联手",
    "联合",
    "联防联控",
    "联动",
    "一体化",
    "同城化",
    "融合发展",
    "互通",
    "对接",
    "协同",
    "对口",
    "帮扶",
    "共享",
    "共办",
    "共治",
    "共保",
    "结对",
    "携手",
    "整合",
)

#: Words that make a route of places (``A至B``, ``A—B``, ``呼准鄂``) a transport or energy corridor.
CORRIDOR_WORDS: tuple[str, ...] = (
    "铁路",
    "高铁",
    "城际",
    "动车",
    "轨道",
    "公路",
    "高速",
    "国道",
    "通道",
    "走廊",
    "廊道",
    "管道",
    "管线",
    "输气",
    "输油",
    "输电",
    "输水",
    "调水",
    "特高压",
    "电力外送",
    "航线",
    "航道",
    "班列",
)

_COOPERATION_CUE = re.compile("|".join(map(re.escape, COOPERATION_CUES)))
_CORRIDOR_WORD = re.compile("|".join(map(re.escape, CORRIDOR_WORDS)))
_SENTENCE_END = "。；！？;!?"
_CLAUSE_END = "，,：:" + _SENTENCE_END
_DASHES = "—–―－"
_ROUTE_JOINS = ("至", "到", "经")
_LIST_JOINS = ("、", "与", "和", "及", "以及", "同", "或", "")
_LONGEST_JOIN = max(map(len, _LIST_JOINS))
_WITH_JOINS = ("与", "同")
_ITEM_END = "、" + _CLAUSE_END
_SENTENCE_BREAK = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_CLAUSE_BREAK = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_ITEM_BREAK = re.compile(f"[{re.escape(_ITEM_END)}]")
_ANNOTATION_GROUP_BREAK = re.compile(r"[，。,]")
_SYMMETRIC_TAIL = 4  # longest head noun two listed places may share: 蒙西电网与华北电网


@dataclass(frozen=True)
class Abbreviation:
    """A short form that stands for several places.

    Attributes
    ----------
    surface : str
        The abbreviation as written (``"呼包鄂"``).
    places : tuple of str
        The canonical places it stands for, in order.
    kind : str
        What the parts are: ``cities``, ``places``, ``provinces`` or ``countries``.
    relation : str
        ``group`` (places named together), ``route`` (stations of a line, in order) or ``pair``
        (partners whose relation the abbreviation itself states, e.g. ``京蒙``).
    """

    surface: str
    places: tuple[str, ...]
    kind: str
    relation: str


# Builds a NamedTuple from its fields, as its _make does, without a call to its constructor: where
# they are made by the hundred.
_tuple_new = tuple.__new__


class _Hit(NamedTuple):  # a tuple: made by the hundred for every plan, and cheap to make
    """A name or abbreviation found in a text."""

    start: int
    end: int
    surface: str
    places: tuple[str, ...]
    abbreviation: Abbreviation | None = None


class _Ref(NamedTuple):
    """A place reference: hits merged with the places that qualify them (``伊金霍洛旗阿镇``)."""

    start: int
    end: int
    places: tuple[str, ...]
    abbreviation: Abbreviation | None = None


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _float_or_none(value: str) -> float | None:
    value = value.strip()
    return float(value) if value else None


def _longest_name_pattern(surfaces: Iterable[str]) -> re.Pattern[str]:
    """Return a pattern matching any of `surfaces`, the longest of those that start at one place.

    The surfaces are written as a trie: ``包头`` and ``包头市`` and ``包头市区`` become
    ``包头(?:市(?:区)?)?``. The regular-expression engine then follows the one branch the text
    takes, character by character, where a plain alternation tries every surface in turn.
    """
    trie: dict[str, dict] = {}
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = {}  # a surface ends here

    def branch(node: dict[str, dict]) -> str:
        children = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not children:
            return ""
        alternatives = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        return f"(?:{alternatives})?" if "" in node else alternatives  # longer first, greedily

    return re.compile(branch(trie))


def _full_width_brackets(text: str) -> str:
    """Return `text` with half-width round brackets made full-width (same length, same offsets)."""
    return text.replace("(", "（").replace(")", "）")


class Gazetteer:
    """Places and abbreviations, and the matching of their names in text.

    Its tables (:attr:`places`, :attr:`county`, :attr:`abbreviations`) are read-only: the name
    pattern and the look-up tables are worked out from them once. To add places, build a gazetteer
    from rows of your own.

    Parameters
    ----------
    place_rows : iterable of mapping
        Rows with the columns of ``places.csv``: place, level, parent_city, province, lon, lat,
        name_en, aliases, county, not_in.
    abbreviation_rows : iterable of mapping
        Rows with the columns of ``abbreviations.csv``: abbreviation, expands_to, kind, relation,
        not_in.

    Attributes
    ----------
    places : mapping of str to Place
        The places by name, in table order.
    county : mapping of str to str
        The county a town, zone or port lies in.
    abbreviations : mapping of str to Abbreviation
        The abbreviations by surface.

    Raises
    ------
    ValueError
        If a name is given twice or an abbreviation expands to a place the gazetteer lacks.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> gaz["达拉特旗"].parent_city, gaz.resolve("包头市区").name, gaz.city_of("大柳塔镇")
    ('鄂尔多斯市', '包头市', '榆林市')
    >>> [(h.surface, h.places) for h in gaz.scan("鄂尔多斯市与呼包榆")]
    [('鄂尔多斯市', ('鄂尔多斯市',)), ('呼包榆', ('呼和浩特市', '包头市', '榆林市'))]
    """

    def __init__(
        self, place_rows: Iterable[Mapping[str, str]], abbreviation_rows: Iterable[Mapping[str, str]]
    ) -> None:
        places: dict[str, Place] = {}
        county: dict[str, str] = {}
        abbreviations: dict[str, Abbreviation] = {}
        # read-only views: what the gazetteer works out below would not follow a change to them
        self.places: Mapping[str, Place] = MappingProxyType(places)
        self.county: Mapping[str, str] = MappingProxyType(county)
        self.abbreviations: Mapping[str, Abbreviation] = MappingProxyType(abbreviations)
        self._names: dict[str, str] = {}  # surface (brackets normalised) → canonical place
        self._not_in: dict[str, tuple[str, ...]] = {}
        for row in place_rows:
            name = row["place"].strip()
            if not name:  # an empty name would be found everywhere
                raise ValueError(f"places table: a row has no place name: {dict(row)}")
            place = Place(
                name=name,
                level=row["level"].strip(),
                parent_city=row.get("parent_city", "").strip() or None,
                province=row.get("province", "").strip() or None,
                lon=_float_or_none(row.get("lon", "")),
                lat=_float_or_none(row.get("lat", "")),
                name_en=row.get("name_en", "").strip(),
            )
            if name in self.places:
                raise ValueError(f"places table: place {name!r} is listed twice")
            places[name] = place
            if row.get("county", "").strip():
                county[name] = row["county"].strip()
            for surface in (name, *_split_list(row.get("aliases", ""))):
                self._add_surface(surface, name)
                self._not_in[_full_width_brackets(surface)] = tuple(
                    _full_width_brackets(p) for p in _split_list(row.get("not_in", ""))
                )
        for row in abbreviation_rows:
            surface = _full_width_brackets(row["abbreviation"].strip())
            if not surface:
                raise ValueError(f"abbreviations table: a row has no abbreviation: {dict(row)}")
            expands = _split_list(row["expands_to"])
            missing = [p for p in expands if p not in self.places]
            if missing:
                raise ValueError(f"abbreviations table: {surface} expands to unknown places {missing}")
            if surface in self._names or surface in self.abbreviations:
                raise ValueError(f"abbreviations table: {surface!r} is already a name")
            abbreviations[surface] = Abbreviation(
                surface, expands, row.get("kind", "").strip(), row.get("relation", "group").strip()
            )
            self._not_in[surface] = tuple(_full_width_brackets(p) for p in _split_list(row.get("not_in", "")))
        # what the readers ask for again and again, worked out once
        self._rank = {name: rank for rank, name in enumerate(self.places)}
        self._ancestors = {name: self._units_around(name) for name in self.places}
        self._cities = {name: place.parent_city for name, place in self.places.items()}
        # a place and the city and province it lies in, those of them the gazetteer holds
        self._with_parents = {
            name: tuple(p for p in (name, place.parent_city, place.province) if p and p in self.places)
            for name, place in self.places.items()
        }
        self._places_of: dict[str, tuple[str, ...]] = {
            surface: (name,) for surface, name in self._names.items()
        }
        self._places_of.update((surface, a.places) for surface, a in self.abbreviations.items())
        surfaces = [*self._names, *self.abbreviations]
        # finds where some name starts, and the longest one there; exclusions are checked in Python
        self._starts = _longest_name_pattern(surfaces) if surfaces else None
        # the hit a surface makes wherever it is found, for the surfaces no phrase excludes (most)
        self._plain_hits = {
            surface: (self._places_of[surface], self.abbreviations.get(surface))
            for surface in surfaces
            if surface and not self._not_in.get(surface)
        }

    def _units_around(self, name: str) -> frozenset[str]:
        """The county, city and province `name` lies in, as the tables give them."""
        place = self.places[name]
        found = {self.county.get(name), place.parent_city, place.province} - {None, name}
        return frozenset(p for p in found if p)

    def _add_surface(self, surface: str, name: str) -> None:
        key = _full_width_brackets(surface)
        if key in self._names and self._names[key] != name:
            raise ValueError(f"places table: {surface!r} names both {self._names[key]} and {name}")
        self._names[key] = name

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer shipped in the package's data folder (read once).

        Examples
        --------
        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        return default_gazetteer()

    def __getitem__(self, name: str) -> Place:
        return self.places[name]

    def __contains__(self, name: object) -> bool:
        return name in self.places

    def __len__(self) -> int:
        return len(self.places)

    def resolve(self, surface: str) -> Place | None:
        """Return the place a name or alias stands for, or None.

        Examples
        --------
        >>> Gazetteer.default().resolve("阿镇").name
        '阿勒腾席热镇'
        """
        name = self._names.get(_full_width_brackets(surface))
        return self.places[name] if name else None

    def city_of(self, name: str) -> str | None:
        """Return the prefecture city a place lies in (itself for a city), or None.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.city_of("安平县"), gaz.city_of("河北省"), gaz.city_of("蒙西")
        ('衡水市', None, None)
        """
        return self._cities.get(name)

    def ancestors(self, name: str) -> frozenset[str]:
        """Return the units a place lies in: county (for towns, zones, ports), city, province.

        Examples
        --------
        >>> sorted(Gazetteer.default().ancestors("阿勒腾席热镇"))
        ['伊金霍洛旗', '内蒙古自治区', '鄂尔多斯市']
        """
        return self._ancestors.get(name, frozenset())

    def contains(self, outer: str, inner: str) -> bool:
        """Return whether `inner` lies inside `outer` (or is it).

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.contains("鄂尔多斯市", "东胜区"), gaz.contains("包头市", "东胜区")
        (True, False)
        """
        return outer == inner or outer in self.ancestors(inner)

    def with_ancestors(self, names: Iterable[str]) -> dict[str, Place]:
        """Return the places named and every city and province they lie in, in gazetteer order.

        Examples
        --------
        >>> list(Gazetteer.default().with_ancestors(["大柳塔镇"]))
        ['陕西省', '榆林市', '大柳塔镇']
        """
        wanted: set[str] = set()
        for name in set(names):
            wanted.update(self._with_parents.get(name, ()))
        return {name: self.places[name] for name in sorted(wanted, key=self._rank.__getitem__)}

    def scan(self, text: str) -> list[_Hit]:
        """Return the names and abbreviations in `text`, longest match first, left to right."""
        hits: list[_Hit] = []
        if self._starts is None:
            return hits
        shadow = _full_width_brackets(text)
        position = 0
        while True:
            for match in self._starts.finditer(shadow, position):
                start, end = match.span()
                plain = self._plain_hits.get(match.group())
                if plain is not None:  # the longest name starting here, and nothing excludes it
                    hits.append(_tuple_new(_Hit, (start, end, text[start:end], *plain)))
                    continue
                hit = self._hit_at(text, shadow, start, match.group())
                if hit is not None:
                    hits.append(hit)
                if hit is None or hit.end < end:
                    # no name starting here stands outside a phrase that excludes it (中蒙药), or a
                    # shorter one was kept: search again after this start, or after the hit
                    position = start + 1 if hit is None else hit.end
                    break
            else:
                return hits

    def _hit_at(self, text: str, shadow: str, i: int, longest: str) -> _Hit | None:
        for length in range(len(longest), 0, -1):  # the pattern found the longest name starting here
            surface = shadow[i : i + length]
            places = self._places_of.get(surface)
            if places is None or self._excluded(shadow, i, surface):
                continue
            return _Hit(i, i + length, text[i : i + length], places, self.abbreviations.get(surface))
        return None

    def _excluded(self, shadow: str, start: int, surface: str) -> bool:
        for phrase in self._not_in.get(surface, ()):
            offset = phrase.find(surface)
            while offset >= 0:
                begin = start - offset
                if begin >= 0 and shadow[begin : begin + len(phrase)] == phrase:
                    return True
                offset = phrase.find(surface, offset + 1)
        return False

    def find_mentions(self, task: Task) -> list[Mention]:
        """Return the places named in a task's text, in order, with character offsets.

        Parameters
        ----------
        task : Task
            The task; only ``task_id`` and ``text`` are read.

        Returns
        -------
        list of Mention
            One per place; an abbreviation gives one per place it stands for (``via="abbreviation"``).

        Examples
        --------
        >>> from hbey_graph.records import Task
        >>> task = Task("T1", 1, (), "", "", None, "包头市区—土默特右旗，打造呼包鄂无线城市群", "", (1, 1))
        >>> [(m.place, m.surface, m.start, m.end, m.via) for m in Gazetteer.default().find_mentions(task)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('包头市', '包头市区', 0, 4, 'name'), ('土默特右旗', '土默特右旗', 5, 10, 'name'),
         ('呼和浩特市', '呼包鄂', 13, 16, 'abbreviation'), ('包头市', '呼包鄂', 13, 16, 'abbreviation'),
         ('鄂尔多斯市', '呼包鄂', 13, 16, 'abbreviation')]
        """
        return _mentions(task, self.scan(task.text))

    def references(self, text: str) -> list[_Ref]:
        """Return place references: hits with a qualifying outer place merged into the inner one."""
        return self._references(self.scan(text))

    def _references(self, hits: Iterable[_Hit]) -> list[_Ref]:
        """The references of hits :meth:`scan` found; see :meth:`references`."""
        refs: list[_Ref] = []
        previous_end = -1  # where the last ref ends
        for start, end, _, places, abbreviation in hits:
            if start == previous_end:  # right after the last ref: it may qualify this one
                previous = refs[-1]
                if (
                    previous.abbreviation is None
                    and len(previous.places) == 1
                    and abbreviation is None
                    and all(self.contains(previous.places[0], p) and p != previous.places[0] for p in places)
                ):
                    refs[-1] = _Ref(previous.start, end, places)
                    previous_end = end
                    continue
            refs.append(_tuple_new(_Ref, (start, end, places, abbreviation)))
            previous_end = end
        return refs


def _mentions(task: Task, hits: Iterable[_Hit]) -> list[Mention]:
    """The mentions of the hits :meth:`Gazetteer.scan` found in a task's text."""
    task_id = task.task_id
    return [
        Mention(task_id, place, surface, start, end, "abbreviation" if abbreviation else "name")
        for start, end, surface, places, abbreviation in hits
        for place in places
    ]


@cache
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer built from ``places.csv`` and ``abbreviations.csv`` (read once).

    Examples
    --------
    >>> default_gazetteer()["呼和浩特市"].name_en
    'Hohhot'
    """
    return Gazetteer(read_table("places.csv"), read_table("abbreviations.csv"))


def find_mentions(task: Task, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return the places named in a task's text; see :meth:`Gazetteer.find_mentions`.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> task = Task("T1", 1, (), "", "", None, "鄂尔多斯市和鄂尔多斯", "", (1, 1))
    >>> [(m.place, m.start, m.end) for m in find_mentions(task)]
    [('鄂尔多斯市', 0, 5), ('鄂尔多斯市', 6, 10)]
    """
    return (gazetteer or default_gazetteer()).find_mentions(task)


# --------------------------------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------------------------------


def _next_break(text: str, breaks: re.Pattern[str], start: int) -> int:
    """Return the offset of the first of the `breaks` in `text` from `start` on, or the text's length."""
    match = breaks.search(text, start)
    return match.start() if match else len(text)


def _refs_by_span(ends: list[int], refs: list[_Ref]) -> list[tuple[int, int, list[_Ref]]]:
    """Return (start, end, refs) for each span between two breaks that holds refs.

    A span runs from after one break up to the next; a ref across a break lies in no span. `ends`
    holds the offsets of the breaks in order, up to one at or after the last ref (or the length of
    the text). `refs` are in text order and do not overlap, so refs and spans are met in order.
    """
    found: list[tuple[int, int, list[_Ref]]] = []
    inside: list[_Ref] = []
    span_end = -1  # where the span the last ref started in ends
    for ref in refs:
        if ref.start >= span_end:  # a ref starting before it starts in the same span: no lookup
            index = bisect_left(ends, ref.start)  # the break ending the span, after those before it
            span_start, span_end = (ends[index - 1] + 1 if index else 0), ends[index]
            if ref.end <= span_end:
                inside = []
                found.append((span_start, span_end, inside))
        if ref.end <= span_end:
            inside.append(ref)
    return found


def _gaps(text: str, refs: list[_Ref]) -> list[str]:
    """Return the text between each ref and the next: ``gaps[i]`` follows ``refs[i]``."""
    if len(refs) < 2:
        return []  # most clauses name a single place
    return [text[left.end : right.start] for left, right in pairwise(refs)]


def _is_dash(gap: str) -> bool:
    """Whether `gap` is a dash (of any width or length)."""
    return bool(gap) and not gap.strip(_DASHES)


def _is_linking_gap(gap: str) -> bool:
    """Whether `gap`, between two places, is enough for their clause to state a link.

    It is if it stands between two stations of a route (a dash, 至, 到 or 经), or ends with 与 or 同
    (与, 电网与).
    """
    return gap.endswith(_WITH_JOINS) or gap in _ROUTE_JOINS or _is_dash(gap)


def _is_route_or_pair(ref: _Ref) -> bool:
    """Whether `ref` abbreviates a route (``包茂``) or a pair (``京蒙``), not a group of places."""
    return ref.abbreviation is not None and ref.abbreviation.relation != "group"


def _names_route_or_pair(refs: Iterable[_Ref]) -> bool:
    """Whether one of the refs abbreviates a route or a pair (:func:`_is_route_or_pair`)."""
    return any(map(_is_route_or_pair, refs))


def _masked(text: str, refs: Iterable[_Ref]) -> str:
    """Return `text` with the characters of each ref (in text order, none overlapping) made ``□``."""
    pieces: list[str] = []
    done = 0
    for ref in refs:
        pieces.append(text[done : ref.start])
        pieces.append("□" * (ref.end - ref.start))
        done = ref.end
    pieces.append(text[done:])
    return "".join(pieces)


class _LinkReader:
    """Reads the links of one task's text."""

    def __init__(self, task: Task, refs: list[_Ref], implementers: Sequence[str]) -> None:
        self.task = task
        self.refs = refs
        self.text = task.text
        self.implementers = tuple(implementers)
        self.links: list[Link] = []
        self.stated: set[tuple[str, str, str]] = set()  # pairs (sorted) and kinds linked so far
        self.clause_ends: list[int] = []  # where the clauses end, up to the clause of the last ref

    @cached_property
    def masked(self) -> str:
        """The text with its place references blanked out (same offsets); made when first needed."""
        return _masked(self.text, self.refs)

    def add(self, source: str, target: str, kind: str, evidence: str) -> None:
        key = (source, target, kind) if source < target else (target, source, kind)  # either direction
        if source != target and key not in self.stated:  # a link is kept once per pair and kind
            self.stated.add(key)
            self.links.append(Link(source, target, "place", kind, self.task.task_id, evidence))

    def add_pairs(self, places: Sequence[str], kind: str, evidence: str) -> None:
        for source, target in combinations(dict.fromkeys(places), 2):
            self.add(source, target, kind, evidence)

    def read(self) -> list[Link]:
        """Return the links the text states, clause by clause."""
        text, refs = self.text, self.refs
        if not refs or not self._may_link_anywhere():
            return self.links
        # the clause breaks, found once: those before the last ref, then the one that ends its clause
        last = refs[-1].end
        self.clause_ends = [match.start() for match in _CLAUSE_BREAK.finditer(text, 0, last)]
        self.clause_ends.append(_next_break(text, _CLAUSE_BREAK, last))
        for c_start, c_end, clause_refs in _refs_by_span(self.clause_ends, refs):
            gaps = _gaps(text, clause_refs)
            if self._may_link(c_start, c_end, clause_refs, gaps):
                self._read_clause(c_start, c_end, clause_refs, gaps)
        return self.links

    def _may_link_anywhere(self) -> bool:
        """Whether any clause of the text may state a link: :meth:`_may_link` for the whole text at once.

        It holds wherever :meth:`_may_link` holds for a clause, so a text it rules out (no route or
        pair abbreviation, no cue word, no gap that links) needs no clauses found at all.
        """
        return (
            _names_route_or_pair(self.refs)
            or _COOPERATION_CUE.search(self.text) is not None  # outside place names or not
            or any(map(_is_linking_gap, _gaps(self.text, self.refs)))
        )

    def _may_link(self, c_start: int, c_end: int, refs: list[_Ref], gaps: list[str]) -> bool:
        """Whether a clause can state a link; most cannot, and are read no further."""
        if any(map(_is_linking_gap, gaps)) or _names_route_or_pair(refs):
            return True  # a route, a list that 与 or 同 joins, or a route or pair abbreviation
        # any other list links only in a clause with a cue, and if it holds two places or follows 与/同
        lone = len(refs) == 1 and len(refs[0].places) == 1
        if lone and not self.text.endswith(_WITH_JOINS, c_start, refs[0].start):
            return False
        return self._has_cue(c_start, c_end)

    def _sentence(self, c_start: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence whose clause starts at `c_start`."""
        ends, text = self.clause_ends, self.text
        index = bisect_left(ends, c_start) - 1  # the break ending the clause before
        while index >= 0 and text[ends[index]] not in _SENTENCE_END:  # sentence breaks end clauses too
            index -= 1
        return (ends[index] + 1 if index >= 0 else 0), _next_break(text, _SENTENCE_BREAK, c_start)

    def _list_join(self, gap: str, right: _Ref) -> str | None:
        """Return the connector if the ref before `gap` and `right` after it stand in one list, else None."""
        if gap in _LIST_JOINS:
            return gap
        if len(gap) > _SYMMETRIC_TAIL + _LONGEST_JOIN:  # more than a shared head noun and a join
            return None
        for join in _LIST_JOINS:  # a head noun shared by both items: 包头机场、鄂尔多斯机场
            tail = gap[: len(gap) - len(join)] if join else gap
            if (
                join
                and gap.endswith(join)
                and 0 < len(tail) <= _SYMMETRIC_TAIL
                and self.text[right.end : right.end + len(tail)] == tail
            ):
                return join
        return None

    def _sentence_subject(self, s_start: int, s_end: int) -> tuple[str, ...]:
        """Return the places of the list the sentence opens with, if it opens with one."""
        text = self.text
        refs = [ref for ref in self.refs if ref.start >= s_start and ref.end <= s_end]
        first = refs[0]
        if text[s_start : first.start].strip():
            return ()
        places = list(first.places)
        for left, right in pairwise(refs):
            if self._list_join(text[left.end : right.start], right) is None:
                break
            places.extend(right.places)
        return tuple(dict.fromkeys(places))

    def _read_clause(self, c_start: int, c_end: int, refs: list[_Ref], gaps: list[str]) -> None:
        """Link the places of a clause, given its references and the gaps between them (:func:`_gaps`)."""
        text = self.text
        s_start, s_end = self._sentence(c_start)
        evidence = text[s_start:s_end].strip()
        has_cue = self._has_cue(c_start, c_end)
        in_route = self._read_routes(refs, gaps, evidence)
        for ref in refs:
            if _is_route_or_pair(ref):
                self._read_abbreviation(ref, evidence)
        for members, with_join in self._lists(refs, gaps, in_route):
            places = [p for ref in members for p in ref.places]
            if has_cue and text.endswith(_WITH_JOINS, c_start, members[0].start) and not with_join:
                # partners introduced by 与 or 同: 加强与巴彦淖尔、乌海…的协作
                for source in self._sentence_subject(s_start, s_end) or self.implementers:
                    for target in dict.fromkeys(places):
                        if source not in places:
                            self.add(source, target, "cooperation", evidence)
            elif with_join or has_cue:
                self.add_pairs(places, "cooperation", evidence)

    def _has_cue(self, c_start: int, c_end: int) -> bool:
        """Whether a cooperation cue stands in the clause, outside place names."""
        return self._outside_names(_COOPERATION_CUE, c_start, c_end)

    def _has_corridor_word(self, start: int, stops: re.Pattern[str], *, limit: int | None = None) -> bool:
        """Whether a corridor word stands between `start` and the next stop (or `limit` characters)."""
        stop = stops.search(self.text, start)
        if stop is not None and self._in_name(stop.start(), stop.end()):
            stop = stops.search(self.masked, start)  # the rare stop inside a place name is none
        end = stop.start() if stop else len(self.text)
        if limit is not None:
            end = min(end, start + limit)
        return self._outside_names(_CORRIDOR_WORD, start, end)

    def _outside_names(self, words: re.Pattern[str], start: int, end: int) -> bool:
        """Whether one of the `words` stands between `start` and `end`, outside place names."""
        # cue and corridor words are looked for outside place names (达尔罕茂明安联合旗 holds 联合).
        # The masked text differs from the text only inside them, so the text is searched first, and
        # the masked text only when the word found there runs into a place name
        found = words.search(self.text, start, end)
        if found is None or not self._in_name(found.start(), found.end()):
            return found is not None
        return words.search(self.masked, start, end) is not None

    def _in_name(self, start: int, end: int) -> bool:
        """Whether some of the text between `start` and `end` belongs to a place reference."""
        # refs are tuples that start with their offset: those that start before `end` sort before
        # `(end,)`; the last of them is the only one that may reach past `start`
        before = bisect_left(self.refs, (end,))
        return before > 0 and self.refs[before - 1].end > start

    def _read_routes(self, refs: list[_Ref], gaps: list[str], evidence: str) -> set[int]:
        """Link chains and routes (refs joined by a dash or by 至/到/经); return the indices of their refs."""
        in_route: set[int] = set()
        i = 0
        while i < len(gaps):
            dash = _is_dash(gaps[i])
            if not (dash or gaps[i] in _ROUTE_JOINS):
                i += 1
                continue
            j = i + 1  # the route's last station: the joins that follow are of the same kind
            while j < len(gaps) and (_is_dash(gaps[j]) if dash else gaps[j] in _ROUTE_JOINS):
                j += 1
            in_route.update(range(i, j + 1))
            # a dash chain's corridor word belongs to its last item; a route's, to its clause
            corridor = self._has_corridor_word(refs[j].end, _ITEM_BREAK if dash else _CLAUSE_BREAK)
            if dash or corridor:
                kind = "corridor" if corridor else "chain"
                for left, right in pairwise(refs[i : j + 1]):
                    for source in left.places:
                        for target in right.places:
                            self.add(source, target, kind, evidence)
            i = j + 1  # the ref ending a route starts no other
        return in_route

    def _read_abbreviation(self, ref: _Ref, evidence: str) -> None:
        """Link the places of a route or pair abbreviation, which states their relation itself."""
        if self._has_corridor_word(ref.end, _CLAUSE_BREAK, limit=4):
            for source, target in pairwise(ref.places):
                self.add(source, target, "corridor", evidence)
        elif ref.abbreviation is not None and ref.abbreviation.relation == "pair":
            self.add_pairs(ref.places, "cooperation", evidence)

    def _lists(self, refs: list[_Ref], gaps: list[str], in_route: set[int]) -> list[tuple[list[_Ref], bool]]:
        """Return the lists of refs outside routes, each with whether ``与`` or ``同`` joins it."""
        lists: list[tuple[list[_Ref], bool]] = []
        current: list[_Ref] = []  # when not empty, ends with the ref before the one at hand
        with_join = False
        for index, ref in enumerate(refs):
            if index in in_route:
                if current:
                    lists.append((current, with_join))
                current, with_join = [], False
                continue
            if current:
                join = self._list_join(gaps[index - 1], ref)
                if join is not None:
                    current.append(ref)
                    with_join = with_join or join in _WITH_JOINS
                    continue
                lists.append((current, with_join))
            current, with_join = [ref], False
        if current:
            lists.append((current, with_join))
        return lists


def _dedupe(links: Iterable[Link]) -> list[Link]:
    """Return `links` without repeats: a pair, in either direction, once per level, kind and task."""
    seen: set[tuple[str, str, str, str, str]] = set()
    kept: list[Link] = []
    for link in links:
        source, target = link.source, link.target
        if target < source:
            source, target = target, source
        key = (source, target, link.level, link.kind, link.task_id)
        if key not in seen:
            seen.add(key)
            kept.append(link)
    return kept


def _implementing_cities(
    gazetteer: Gazetteer, assignments: Sequence[Assignment], bodies: Mapping[str, Body]
) -> dict[str, list[tuple[str, Assignment]]]:
    """Return, by task id, (city, assignment) for each city government implementing the task.

    Each task's city governments are in annotation order, each city once.
    """
    city_of_body: dict[str, str | None] = {}  # a plan names the same city governments again and again
    found: dict[str, dict[str, Assignment]] = {}  # by task, each city with the first assignment naming it
    # a stable sort: annotation order within each task
    for assignment in sorted([a for a in assignments if a.role == "implementer"], key=attrgetter("position")):
        body = bodies.get(assignment.body)
        if body is None or body.body_type != "city_government":
            continue
        if assignment.body not in city_of_body:
            hits = gazetteer.scan(assignment.body)
            single = hits and hits[0].start == 0 and len(hits[0].places) == 1
            city_of_body[assignment.body] = hits[0].places[0] if single else None
        city = city_of_body[assignment.body]
        if city is not None:
            found.setdefault(assignment.task_id, {}).setdefault(city, assignment)
    return {task_id: list(cities.items()) for task_id, cities in found.items()}


def co_implementation_links(
    tasks: Sequence[Task],
    assignments: Sequence[Assignment],
    bodies: Mapping[str, Body],
    gazetteer: Gazetteer | None = None,
) -> list[Link]:
    """Return a place-level link for every pair of city governments implementing the same task.

    The evidence is the annotation group that names the city governments.

    Examples
    --------
    >>> from hbey_graph.records import Assignment, Body, Task
    >>> annotation = "包头市、榆林市人民政府，自治区交通运输厅"
    >>> task = Task("T1", 1, (), "", "", None, "建设铁路。", annotation, (1, 1))
    >>> bodies = {name: Body(name, name, "", "city_government", "prefecture")
    ...           for name in ("包头市人民政府", "榆林市人民政府")}
    >>> assignments = [Assignment("T1", "包头市人民政府", "implementer", 1),
    ...                Assignment("T1", "榆林市人民政府", "implementer", 2)]
    >>> co_implementation_links([task], assignments, bodies)  # doctest: +NORMALIZE_WHITESPACE
    [Link(source='包头市', target='榆林市', level='place', kind='co_implementation', task_id='T1',
          evidence='包头市、榆林市人民政府')]
    """
    cities_by_task = _implementing_cities(gazetteer or default_gazetteer(), assignments, bodies)
    return _co_implementation_links(tasks, cities_by_task)


def _co_implementation_links(
    tasks: Sequence[Task], cities_by_task: Mapping[str, list[tuple[str, Assignment]]]
) -> list[Link]:
    """The links of :func:`co_implementation_links`, from the tasks' implementing cities."""
    links: list[Link] = []
    for task in tasks:
        cities = cities_by_task.get(task.task_id, [])
        if len(cities) < 2:
            continue
        first_city, first = cities[0]
        groups = map(str.strip, _ANNOTATION_GROUP_BREAK.split(task.annotation))
        evidence = next((g for g in groups if g and (first_city in g or first.body in g)), None)
        if evidence is None:
            evidence = task.annotation.strip()
        for (source, _), (target, _) in combinations(cities, 2):
            links.append(Link(source, target, "place", "co_implementation", task.task_id, evidence))
    return links


def find_links(
    tasks: Sequence[Task],
    assignments: Sequence[Assignment] = (),
    bodies: Mapping[str, Body] | None = None,
    gazetteer: Gazetteer | None = None,
    *,
    city_level: bool = True,
) -> list[Link]:
    """Return the links between places the plan states, at place level and rolled up to cities.

    Parameters
    ----------
    tasks : sequence of Task
        The plan's tasks.
    assignments : sequence of Assignment, optional
        The plan's assignments; their city-government implementers give ``co_implementation`` links
        and the implicit partner of ``与X…合作`` clauses.
    bodies : mapping of str to Body, optional
        The plan's bodies (to tell city governments from other implementers).
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.
    city_level : bool
        Whether to append the links rolled up to prefecture cities (:func:`roll_up`).

    Returns
    -------
    list of Link
        Place-level links task by task (text links first, then co-implementation), then city-level
        links in the same order.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> text = "打造协作产业链条。支持包头市与榆林市共建稀土新材料基地，推动包头机场、鄂尔多斯机场改扩建。"
    >>> task = Task("T2.1.1", 1, (), "", "", None, text, "", (1, 1))
    >>> [(l.source, l.target, l.level, l.kind) for l in find_links([task])]
    [('包头市', '榆林市', 'place', 'cooperation'), ('包头市', '榆林市', 'city', 'cooperation')]
    """
    gaz = gazetteer or default_gazetteer()
    hits = [gaz.scan(task.text) for task in tasks]
    return _find_links(tasks, hits, assignments, bodies or {}, gaz, city_level=city_level)


def _find_links(
    tasks: Sequence[Task],
    hits: Sequence[list[_Hit]],
    assignments: Sequence[Assignment],
    bodies: Mapping[str, Body],
    gaz: Gazetteer,
    *,
    city_level: bool = True,
) -> list[Link]:
    """The links of :func:`find_links`, from the names :meth:`Gazetteer.scan` found in each task."""
    cities_by_task = _implementing_cities(gaz, assignments, bodies)
    place_links: list[Link] = []
    for task, task_hits in zip(tasks, hits, strict=True):  # task by task: text links, then co-implementation
        cities = cities_by_task.get(task.task_id, [])
        place_links.extend(_LinkReader(task, gaz._references(task_hits), [c for c, _ in cities]).read())
        if len(cities) > 1:
            place_links.extend(_co_implementation_links([task], cities_by_task))
    order = {task.task_id: i for i, task in enumerate(tasks)}
    if len(order) < len(tasks):  # tasks share an id: links read in one may repeat those of another
        place_links = _dedupe(place_links)
        # an id's links where it last stands: its text links, then its co-implementation links
        place_links.sort(key=lambda link: (order[link.task_id], link.kind == "co_implementation"))
    return place_links + roll_up(place_links, gaz) if city_level else place_links


def roll_up(links: Iterable[Link], gazetteer: Gazetteer | None = None) -> list[Link]:
    """Return the city-level links of place-level links: each end mapped to its prefecture city.

    Pairs within one city and links with an end in no prefecture city (a province, a country, a
    region across cities) are dropped; a pair stated several times in one task with one kind is kept
    once.

    Examples
    --------
    >>> from hbey_graph.records import Link
    >>> links = [Link("包头市", "土默特右旗", "place", "chain", "T1.4.1", "…"),
    ...          Link("土默特右旗", "达拉特旗", "place", "chain", "T1.4.1", "…"),
    ...          Link("北京市", "内蒙古自治区", "place", "cooperation", "T5.2.1", "…")]
    >>> [(l.source, l.target, l.level) for l in roll_up(links)]
    [('包头市', '鄂尔多斯市', 'city')]
    """
    city_of = (gazetteer or default_gazetteer())._cities.get  # as Gazetteer.city_of
    rolled: list[Link] = []
    seen: set[tuple[str, str, str, str]] = set()  # as _dedupe, before a record is made
    for link in links:
        if link.level != "place":
            continue
        source, target = city_of(link.source), city_of(link.target)
        if source is None or target is None or source == target:
            continue
        low, high = (source, target) if source < target else (target, source)  # either direction
        key = (low, high, link.kind, link.task_id)
        if key not in seen:
            seen.add(key)
            rolled.append(Link(source, target, "city", link.kind, link.task_id, link.evidence))
    return rolled


def extract_geography(
    tasks: list[Task],
    assignments: list[Assignment],
    bodies: dict[str, Body],
    *,
    plan_id: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[dict[str, Place], list[Mention], list[Project], list[Link]]:
    """Return the places, mentions, projects and links of a parsed plan.

    Parameters
    ----------
    tasks, assignments, bodies
        The parsed plan's tasks, assignments and bodies.
    plan_id : str, optional
        The plan's id; when the project catalogue holds this plan its curated projects are used.
        Without it the catalogue is used when its entries are found in the tasks' texts (see
        :func:`hbey_graph.projects.plan_projects`); otherwise projects come from the pattern finder.
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.

    Returns
    -------
    places : dict of str to Place
        Every place mentioned, located by a project or linked, with the cities and provinces it lies
        in, in gazetteer order.
    mentions : list of Mention
    projects : list of Project
    links : list of Link
        Place-level links, then city-level links.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> task = Task("T1", 1, (), "", "", None, "建设集宁至大同高铁。", "", (1, 1))
    >>> places, mentions, projects, links = extract_geography([task], [], {})
    >>> list(places)
    ['内蒙古自治区', '山西省', '乌兰察布市', '大同市', '集宁区']
    >>> [(p.name, p.category, p.places, p.source) for p in projects]
    [('集宁至大同高铁', 'railway', ('集宁区', '大同市'), 'pattern')]
    >>> [(l.source, l.target, l.level, l.kind) for l in links]
    [('集宁区', '大同市', 'place', 'corridor'), ('乌兰察布市', '大同市', 'city', 'corridor')]
    """
    from hbey_graph.projects import plan_projects

    gaz = gazetteer or default_gazetteer()
    hits = [gaz.scan(task.text) for task in tasks]  # read once for mentions and links
    mentions = [m for task, found in zip(tasks, hits, strict=True) for m in _mentions(task, found)]
    projects = plan_projects(tasks, plan_id=plan_id, gazetteer=gaz)
    links = _find_links(tasks, hits, assignments, bodies, gaz)
    named = {m.place for m in mentions}
    for project in projects:
        named.update(project.places)
    named.update(map(attrgetter("source"), links))
    named.update(map(attrgetter("target"), links))
    return gaz.with_ancestors(named), mentions, projects, links
