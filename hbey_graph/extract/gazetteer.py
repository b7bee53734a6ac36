"""Places named in a plan and where each task names them: the gazetteer.

The gazetteer (``data/places.csv``) and the abbreviation table (``data/abbreviations.csv``) are data;
this module only matches them against task text. Links between the places found are read in
:mod:`hbey_graph.extract.links`.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from hbey_graph.records import Mention, Place, Task
from hbey_graph.reference import read_table

__all__ = ["Abbreviation", "Gazetteer", "default_gazetteer", "find_mentions"]


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
