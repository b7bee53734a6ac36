"""Links between places that a plan states, read from the place names in each task's text.

Links are read clause by clause (a clause ends at ``，；。：！？``; the evidence is the whole sentence,
which ends at ``。；！？``). The words that cue them are rows of the lexicon
(:class:`~hbey_graph.extract.lexicon.Lexicon`: ``cooperation_cue``, ``corridor_word``,
``name_noun``, ``destination_cue``). Kinds:

``chain``
    Places joined by a dash, each adjacent pair once: ``包头市区—土默特右旗—达拉特旗`` gives
    包头市–土默特右旗 and 土默特右旗–达拉特旗. A dash chain that is the name of an event (its last
    place followed by a ``name_noun``: ``中国—蒙古国博览会``) is none.
``corridor``
    A dash chain or an ``A至B`` (``到``, ``经``) route followed in its clause by a corridor word:
    ``包头至银川铁路``, ``鄂尔多斯—安平—沧州输气管道``; a route or pair abbreviation followed by one
    (``呼准鄂铁路``, ``呼张高铁``, ``中蒙俄经济走廊``); and the places a ``destination_cue`` introduces
    before a corridor word in its clause (``畅通通往二连浩特、满都拉等边境口岸…的公铁、铁海联运通道``),
    each with the sentence's subject, or failing that its counterpart (see below). A group
    abbreviation before a network word names a network, not a route, and gives no link
    (``呼包鄂榆快速铁路网``, ``呼包鄂城际高速公路充电桩网络``).
``cooperation``
    (a) a list of places joined by ``与``/``同`` (``呼和浩特市、鄂尔多斯市与榆林市综合利用…``);
    (b) a list of places, or a group abbreviation, in a clause holding a cooperation cue
    (``包头市、鄂尔多斯市合作…``, ``在鄂尔多斯市乌兰木伦镇和榆林市大柳塔镇共建…``,
    ``开展呼包鄂区域内大气污染联防联控``): every pair of the list;
    (c) partners introduced by ``与`` with no place before it (``加强与巴彦淖尔、乌海…的协作``,
    ``…与呼包榆融合发展``): each partner with the place list the sentence opens with, or failing
    that with its counterpart (the partners are not linked to each other); (d) every pair
    abbreviation (``京蒙对口帮扶``, ``蒙苏经济开发区``, ``中蒙…论坛``).
    Places merely listed side by side, each acting on its own (``推动包头机场、鄂尔多斯机场改扩建``,
    ``鄂尔多斯市和包头市发展化工…``), are no link: a list joined by ``、``/``和``/``及`` needs a cue.
``co_implementation``
    Every pair of city governments implementing one task (role ``implementer``, body type
    ``city_government``); the evidence is the annotation group that names them.

The counterpart of partners or destinations a sentence names without its subject is the plan's
home province when they are provinces, countries or municipalities (``强化与宁夏、甘肃的对接``,
``加强与天津市、河北省…的合作``: the region, as in ``京蒙对口帮扶``), and otherwise the task's
implementing cities. The home province is the one the issuer names (``内蒙古自治区人民政府``), or
failing that the one the implementing cities lie in.

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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from itertools import combinations, pairwise
from operator import attrgetter

from hbey_graph.extract.gazetteer import Gazetteer, _Hit, _Ref, default_gazetteer
from hbey_graph.extract.lexicon import Lexicon
from hbey_graph.records import Assignment, Body, Link, Task

__all__ = [
    "LINK_KINDS",
    "co_implementation_links",
    "find_links",
    "home_province",
    "roll_up",
]

#: Kinds of :class:`~hbey_graph.records.Link`.
LINK_KINDS: tuple[str, ...] = ("chain", "corridor", "cooperation", "co_implementation")

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
_EVENT_NAME_GAP = 6  # longest words between a dash chain and the noun naming its event: 中国—蒙古国博览会


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

    def __init__(
        self,
        task: Task,
        refs: list[_Ref],
        implementers: Sequence[str],
        *,
        gazetteer: Gazetteer,
        home: str | None = None,
        words: Lexicon | None = None,
    ) -> None:
        self.task = task
        self.refs = refs
        self.text = task.text
        self.implementers = tuple(implementers)
        self.gazetteer = gazetteer
        self.home = home
        self.words = words or Lexicon.default()
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
            or self.words.cooperation_cues.search(self.text) is not None  # outside place names or not
            or self.words.destination_cues.search(self.text) is not None
            or any(map(_is_linking_gap, _gaps(self.text, self.refs)))
        )

    def _may_link(self, c_start: int, c_end: int, refs: list[_Ref], gaps: list[str]) -> bool:
        """Whether a clause can state a link; most cannot, and are read no further."""
        if any(map(_is_linking_gap, gaps)) or _names_route_or_pair(refs):
            return True  # a route, a list that 与 or 同 joins, or a route or pair abbreviation
        if self._find_outside(self.words.destination_cues, c_start, c_end) is not None:
            return True  # 通往A、B…的通道
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
        in_route |= self._read_destinations(c_start, c_end, refs, (s_start, s_end), evidence)
        for ref in refs:
            if _is_route_or_pair(ref):
                self._read_abbreviation(ref, evidence)
        for members, with_join in self._lists(refs, gaps, in_route):
            places = [p for ref in members for p in ref.places]
            if has_cue and text.endswith(_WITH_JOINS, c_start, members[0].start) and not with_join:
                # partners introduced by 与 or 同: 加强与巴彦淖尔、乌海…的协作
                for source in self._sentence_subject(s_start, s_end) or self._counterparts(places):
                    for target in dict.fromkeys(places):
                        if source not in places:
                            self.add(source, target, "cooperation", evidence)
            elif with_join or has_cue:
                self.add_pairs(places, "cooperation", evidence)

    def _counterparts(self, places: Sequence[str]) -> tuple[str, ...]:
        """Who places a sentence names without its subject are linked with.

        The home province when they are all provinces, countries or municipalities (``强化与宁夏、
        甘肃的对接``), else the task's implementing cities.
        """
        if self.home is not None and self.home not in places and all(map(self._province_level, places)):
            return (self.home,)
        return self.implementers

    def _province_level(self, name: str) -> bool:
        if name not in self.gazetteer:
            return False
        place = self.gazetteer[name]
        return place.level in ("province", "country") or place.province == name

    def _read_destinations(
        self, c_start: int, c_end: int, refs: list[_Ref], sentence: tuple[int, int], evidence: str
    ) -> set[int]:
        """Link the places a destination cue introduces before a corridor word; return their indices.

        ``畅通通往二连浩特、满都拉等边境口岸和秦皇岛、曹妃甸、黄骅港等沿海港口的公铁、铁海联运通道``: each
        port with the sentence's subject, or failing that its counterpart (:meth:`_counterparts`).
        """
        cue = self._find_outside(self.words.destination_cues, c_start, c_end)
        if cue is None:
            return set()
        corridor = self._find_outside(self.words.corridor_words, cue.end(), c_end)
        if corridor is None:
            return set()
        chosen = [i for i, ref in enumerate(refs) if ref.start >= cue.end() and ref.end <= corridor.start()]
        if not chosen:
            return set()
        places = list(dict.fromkeys(p for i in chosen for p in refs[i].places))
        subject = [p for p in self._sentence_subject(*sentence) if p not in places]
        for source in subject or self._counterparts(places):
            for target in places:
                self.add(source, target, "corridor", evidence)
        return set(chosen)

    def _has_cue(self, c_start: int, c_end: int) -> bool:
        """Whether a cooperation cue stands in the clause, outside place names."""
        return self._outside_names(self.words.cooperation_cues, c_start, c_end)

    def _find_outside(self, words: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """The first of the `words` between `start` and `end` outside place names, or None."""
        found = words.search(self.text, start, end)
        if found is not None and self._in_name(found.start(), found.end()):
            found = words.search(self.masked, start, end)
        return found

    def _has_corridor_word(self, start: int, stops: re.Pattern[str], *, limit: int | None = None) -> bool:
        """Whether a corridor word stands between `start` and the next stop (or `limit` characters)."""
        stop = stops.search(self.text, start)
        if stop is not None and self._in_name(stop.start(), stop.end()):
            stop = stops.search(self.masked, start)  # the rare stop inside a place name is none
        end = stop.start() if stop else len(self.text)
        if limit is not None:
            end = min(end, start + limit)
        return self._outside_names(self.words.corridor_words, start, end)

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
            if dash and self._names_event(refs[j].end):  # 中国—蒙古国博览会: an expo's name
                i = j + 1
                continue
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

    def _names_event(self, end: int) -> bool:
        """Whether the name of an event ends right after `end`, within its item (``博览会``)."""
        stop = _next_break(self.text, _ITEM_BREAK, end)
        return self.words.name_nouns.search(self.text, end, min(stop, end + _EVENT_NAME_GAP)) is not None

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
    home: str | None = None,
    lexicon: Lexicon | None = None,
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
    home : str, optional
        The plan's home province (:func:`home_province`); by default the province the implementing
        cities lie in.
    lexicon : Lexicon, optional
        The words that cue links; the shipped lexicon by default.

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
    return _find_links(
        tasks, hits, assignments, bodies or {}, gaz, city_level=city_level, home=home, lexicon=lexicon
    )


def home_province(issuer: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The province (or municipality) an issuer's name places it in, or None.

    Examples
    --------
    >>> home_province("内蒙古自治区人民政府"), home_province("包头市人民政府办公室"), home_province("国务院")
    ('内蒙古自治区', '内蒙古自治区', None)
    """
    gaz = gazetteer or default_gazetteer()
    for hit in gaz.scan(issuer):
        for name in hit.places:
            place = gaz[name]
            if place.level != "country" and place.province:
                return place.province
    return None


def _find_links(
    tasks: Sequence[Task],
    hits: Sequence[list[_Hit]],
    assignments: Sequence[Assignment],
    bodies: Mapping[str, Body],
    gaz: Gazetteer,
    *,
    city_level: bool = True,
    home: str | None = None,
    lexicon: Lexicon | None = None,
) -> list[Link]:
    """The links of :func:`find_links`, from the names :meth:`Gazetteer.scan` found in each task."""
    cities_by_task = _implementing_cities(gaz, assignments, bodies)
    if home is None:  # the province most implementing cities lie in
        provinces = Counter(gaz[city].province for cities in cities_by_task.values() for city, _ in cities)
        home = provinces.most_common(1)[0][0] if provinces else None
    words = lexicon or Lexicon.default()
    place_links: list[Link] = []
    for task, task_hits in zip(tasks, hits, strict=True):  # task by task: text links, then co-implementation
        cities = cities_by_task.get(task.task_id, [])
        reader = _LinkReader(
            task, gaz._references(task_hits), [c for c, _ in cities], gazetteer=gaz, home=home, words=words
        )
        place_links.extend(reader.read())
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
