"""Tables whose rows and cells a copy ran together with no separator at all.

A document site's preview of a ``.docx`` table often loses every line break and cell boundary::

    序号主要工作任务第一责任单位主要责任单位1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府、
    嘉兴经济开发区2服务业增加值占生产总值比重达到40%。市发展改革委各县(市、区)政府…

What is left to read it by: the rows' numbers, which run on one by one (``1`` … ``2`` …); each
row's text, which ends with a full stop; the bodies after it, whose names end like bodies' names
(``…委``, ``…政府``) so that a name run on to the next can be cut off; and the header, whose
labels (``第一责任单位``, ``主要责任单位``) give the columns of bodies in order. A ``、`` joins the
names of one cell; a name run on to another without one starts a new cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hbey_graph.extract.annotation import Statement, StatementReader
from hbey_graph.extract.bodies import PLACE_LEVELS, body_strength, level_prefix, without_qualifier
from hbey_graph.extract.lexicon import ROLE_VALUES, Marker
from hbey_graph.extract.text import split_top_level

__all__ = ["RunOnRow", "glued_header", "run_on_rows", "split_names"]

#: A row's number run on between the cells: after a body's name, a closing bracket, a space or the stop
#: closing the row before (…有关资料。3交通管制组…), before words; not a date's (2021年2月底前)
_ROW_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff）) 。])(?<![年月])(?P<number>\d{1,3})(?![年月日号])(?=[\u4e00-\u9fff“《])"
    r"|[（(](?P<bracketed>\d{1,3})[）)](?= ?[\u4e00-\u9fff“《])"  # （25）受理…: in brackets
)
_FIGURES = re.compile(r"\d+(?=[\u4e00-\u9fff])")  # a row's figures before the cells of bodies
_MIN_ROWS = 2  # rows at least, numbered one after the other, before a paragraph is read as a table
_STOPS = "。；;"
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")  # an official's name before the bodies: 何海平教育局
_SHORTEST_OFFICIALS = 2  # characters of the officials' names after a row's bodies: 宋凯, 王天刚郭代辉
_LONGEST_OFFICIALS = 9
#: Characters a body's name after an official's has more than (张菁|民政局, not 张菁民|政局).
_SHORTEST_FIRST_NAME = 2
_LONGEST_NAME = 30
_MIN_TEXT = 8  # characters at least of a row's text
_LONGEST_WEAK = 12  # characters at most of a name only a weak ending or a place makes a body's
_PAGE_MARK = re.compile(r"—\d+—")  # a page's number between dashes, run into the text
_NOT_UNDER_A_DEPARTMENT = ("zone", "township", "enterprise")  # kinds of body no department's office is


@dataclass
class RunOnRow:
    """One row of a run-on table: its text, and the bodies after it in cells (or a statement)."""

    start: int  # where the row's text starts in the paragraph
    text: str
    official: str
    cells: list[list[str]]
    statement: Statement | None = None  # 省委宣传部牵头；省总工会配合；…: the cell states the roles


def run_on_rows(text: str, reader: StatementReader) -> tuple[int, list[RunOnRow]] | None:
    """The rows of a paragraph that is a table run together, and where the first starts.

    Returns None unless at least two rows numbered one after the other each end with bodies.
    """
    numbers = [
        (m.start(), m.end(), int(m.group("number") or m.group("bracketed")))
        for m in _ROW_NUMBER.finditer(text)
    ]
    chain = _counting_up(numbers)
    if len(chain) < _MIN_ROWS:
        return None
    rows = []
    bounds = [*(start for start, _, _ in chain[1:]), len(text)]
    teams = _team_column(text[: chain[0][0]], reader)
    for (_, end, _), stop in zip(chain, bounds, strict=True):
        row = _row(text, end, stop, reader) or (_after_team(text, end, stop, reader) if teams else None)
        if row is not None:
            rows.append(row)
    if len(rows) < _MIN_ROWS:
        return None
    return chain[0][0], rows


def _counting_up(numbers: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of the numbers, in order, that counts up by one (other figures left out)."""
    longest: list[list[tuple[int, int, int]]] = []
    for index, number in enumerate(numbers):
        before = [longest[i] for i in range(index) if numbers[i][2] == number[2] - 1]
        longest.append([*max(before, key=len, default=[]), number])
    return max(longest, key=len, default=[])


def _row(text: str, start: int, end: int, reader: StatementReader) -> RunOnRow | None:
    """A row from its text's start to the next row's number: the text up to a stop, then bodies.

    A page's mark (``—2—``) and what follows it end the row; a cell after the last full stop may
    also state the roles itself (``…。省财政厅牵头；…配合；各州(市)党委和政府落实``); a row whose text
    has no stop ends after its figures, or where a run of names that opens like a body's name
    starts (``…加快建设43000020000市兴城公司…``, ``…先进生产技术市科技局…``).
    """
    segment = text[start:end]
    page = _PAGE_MARK.search(segment)
    if page is not None:
        segment = segment[: page.start()]
    for index in range(len(segment) - 1, -1, -1):
        if segment[index] not in _STOPS:
            continue
        row = _with_bodies(segment[: index + 1], segment[index + 1 :].strip(), start, reader)
        if row is not None:
            return row
    stop = segment.rfind("。")
    if stop > 0:  # a cell that states the roles: 省民政厅牵头；省总工会配合；各州(市)党委和政府落实
        statement = reader.read(segment[stop + 1 :].strip())
        if statement.names and statement.role_words and not statement.unread:
            return RunOnRow(start, segment[: stop + 1].strip(), "", [], statement)
    if any(stop in segment for stop in _STOPS):
        return None
    after_figures = [m.end() for m in _FIGURES.finditer(segment, _MIN_TEXT)]  # …加快建设3200003000四川…
    opening = [i for i in range(_MIN_TEXT, len(segment) - 1) if level_prefix(segment[i:], reader.lexicon)]
    for index in (*after_figures, *opening):
        row = _with_bodies(segment[:index], segment[index:], start, reader)
        if row is not None:
            return row
    return None


def _team_column(header: str, reader: StatementReader) -> bool:
    """Whether a header run together names a column of working groups before its columns of bodies.

    ``序号工作组牵头单位工作职责``: the ending of a group's name before the first label of bodies.
    """
    team = reader.lexicon.team_endings.search(header)
    labels = [
        header.find(label)
        for label, marker in reader.lexicon.labels.items()
        if marker.role in ROLE_VALUES and label in header
    ]
    return team is not None and bool(labels) and team.start() < min(labels)


def _after_team(text: str, start: int, end: int, reader: StatementReader) -> RunOnRow | None:
    """A row that opens with a working group's name and its bodies, then the text.

    ``抢险救援组应急管理局主要负责实施应急救援…``: the group's name ends at the first ending of
    one (``组``); the bodies are the longest run of names after it that leaves text to follow.
    """
    segment = text[start:end]
    team = reader.lexicon.team_endings.search(segment, 0, _LONGEST_NAME)
    if team is None or team.start() < _SHORTEST_FIRST_NAME:
        return None
    rest = segment[team.end() :]
    for length in range(min(len(rest) - _MIN_TEXT, _LONGEST_NAME), _SHORTEST_FIRST_NAME - 1, -1):
        cells = split_names(rest[:length], reader)
        if cells and _is_name(cells[-1][-1], reader):
            return RunOnRow(start + team.end() + length, rest[length:].strip(), "", cells)
    return None


def _with_bodies(words: str, rest: str, start: int, reader: StatementReader) -> RunOnRow | None:
    """The row of `words` if `rest` is an official's name and bodies, or bodies alone."""
    for length in (3, 2):  # 何海平教育局…: the official in charge, then the bodies (张菁民政局: not 张菁民)
        person = rest[:length]
        if (
            not _PERSON.fullmatch(person)
            or body_strength(person, reader.lexicon, reader.registry) is not None
            or level_prefix(person, reader.lexicon) is not None
        ):
            continue
        cells = split_names(rest[length:], reader)
        if cells and len(cells[0][0]) > _SHORTEST_FIRST_NAME:
            return RunOnRow(start, words.strip(), person, cells)
    cells = split_names(rest, reader)
    if cells:
        return RunOnRow(start, words.strip(), "", cells)
    if reader.verb_at_end(rest) is not None:  # …各州(市)党委和政府落实: a cell stating roles
        statement = reader.read(rest)
        if statement.names and not statement.unread:
            return None
    for cut in range(len(rest) - _SHORTEST_OFFICIALS, 0, -1):  # 市兴城公司区建设局王天刚郭代辉: the
        officials = rest[cut:]  # officials in charge after the bodies, the fewest characters first
        if len(officials) > _LONGEST_OFFICIALS:
            break
        cells = split_names(rest[:cut], reader)
        if cells and body_strength(officials, reader.lexicon, reader.registry) is None:
            return RunOnRow(start, words.strip(), officials, cells)
    return None


def split_names(text: str, reader: StatementReader) -> list[list[str]] | None:
    """The cells of bodies' names run together: ``、`` joins names of a cell, none starts a new one.

    Examples
    --------
    >>> from hbey_graph.extract.lexicon import Lexicon
    >>> split_names("市发展改革委各县（市、区）政府、嘉兴港区", StatementReader(Lexicon.default()))
    [['市发展改革委'], ['各县（市、区）政府', '嘉兴港区']]
    """
    cells: list[list[str]] = []
    for position, token in enumerate(split_top_level(text.strip(_STOPS + " "), "、，,")):
        token = token.strip()
        tail = reader.lexicon.tail.search(token) if "等" in token else None
        if tail is not None and tail.start() > 0:  # 市文广旅局等部门: the tail dropped
            token = token[: tail.start()]
        names = _glued(token, reader)
        if not names:
            return None
        if position == 0 or not cells:
            cells.append([names[0]])
        else:
            cells[-1].append(names[0])
        cells.extend([name] for name in names[1:])
    return cells or None


def _glued(token: str, reader: StatementReader) -> list[str] | None:
    """Names run together in `token`; None if it cannot be cut into names.

    Of the ways to cut it, the one whose names most often open like a body's name (a level word,
    ``各``, a known body) wins, then the one with fewer names: ``市农业农村局`` stays whole, while
    ``市发展改革委市经贸委`` is two.
    """

    @cache
    def best(start: int) -> tuple[int, int, tuple[str, ...]] | None:
        if start == len(token):
            return 0, 0, ()
        found = None
        for end in range(start + 2, min(len(token), start + _LONGEST_NAME) + 1):
            name = token[start:end]
            if not _is_name(name, reader, weak=True):
                continue
            rest = best(end)
            if rest is None:
                continue
            if rest[2] and _one_group(name, rest[2][0], reader):
                continue  # 各区（市）县政府（管委会）: one group of places' governments
            # a name only a weak ending makes a body's may close the token (嘉兴经济开发区), come before
            # a name that opens like one (高新园（邹区镇）各街道) or one of its kind (五星街道南大街街道)
            if (
                rest[2]
                and not _is_name(name, reader)
                and not _opens_like_a_name(rest[2][0], reader)
                and _ending_kind(name, reader) != _ending_kind(rest[2][0], reader)
            ):
                continue
            opened = rest[0] + _opens_like_a_name(name, reader)
            candidate = (opened, rest[1] - 1, (name, *rest[2]))
            if found is None or candidate[:2] > found[:2]:
                found = candidate
        return found

    result = best(0)
    return list(result[2]) if result is not None else None


def _one_group(name: str, following: str, reader: StatementReader) -> bool:
    """Whether `name`, places of a group (各区（市）), and the name after it (县政府) are one group."""
    core = without_qualifier(name)
    return (
        core.startswith("各")
        and core[-1] in PLACE_LEVELS
        and following[0] in PLACE_LEVELS
        and level_prefix(following, reader.lexicon) is not None
    )


def _opens_like_a_name(name: str, reader: StatementReader) -> bool:
    return (
        reader.registry.knows(name) or name.startswith("各") or level_prefix(name, reader.lexicon) is not None
    )


def _ending_kind(name: str, reader: StatementReader) -> str | None:
    """The kind of body (department, zone, township …) the ending of `name` says it is."""
    ending = reader.lexicon.ending_pattern.search(without_qualifier(name))
    return reader.lexicon.ending_kinds.get(ending.group()) if ending is not None else None


def _strength(name: str, reader: StatementReader) -> str | None:
    """:func:`body_strength`, with a zone's short name alone (经开区, 高新园（邹区镇）) a weak one."""
    strength = body_strength(name, reader.lexicon, reader.registry)
    if strength in (None, "place") and reader.lexicon.ending_kinds.get(without_qualifier(name)) == "zone":
        return "weak"
    return strength


def _named(part: str, reader: StatementReader) -> bool:
    """Whether `part` names a body by its ending."""
    return _strength(part, reader) in ("known", "strong", "weak")


def _before_another(name: str, reader: StatementReader) -> bool:
    """Whether `name` may stand as a body of its own run on before a zone's, a town's or a company's.

    A department's name by a sure ending may (人社局, not 聚和村农村股), and a zone, town or company.
    """
    kind = _ending_kind(name, reader)
    if kind == "department":
        return _strength(name, reader) in ("known", "strong")
    return kind in _NOT_UNDER_A_DEPARTMENT and _named(name, reader)


def _is_name(name: str, reader: StatementReader, *, weak: bool = False) -> bool:
    """Whether `name` is a body's name by its ending (a weak one or a place's too, with `weak`).

    A ``各`` inside it opens a second name run on to the first (``教育局经开区…各街道``); so does a
    department's, a zone's, a town's or a company's name before a zone's, a town's or a company's
    (``人社局高新园``, ``晋陵公司轨道公司``): those are no offices of the body before them.
    """
    if "各" in name[1:]:
        return False
    if _ending_kind(name, reader) in _NOT_UNDER_A_DEPARTMENT and any(
        _before_another(name[:end], reader) and _named(name[end:], reader) for end in range(2, len(name) - 1)
    ):
        return False
    strength = _strength(name, reader)
    return strength in ("known", "strong") or (weak and strength is not None and len(name) <= _LONGEST_WEAK)


def glued_header(text: str, labels: dict[str, Marker]) -> list[Marker] | None:
    """The columns of bodies (and officials) a header run together names, in order.

    ``序号主要工作任务第一责任单位主要责任单位``: the labels found in it from its row-number column on,
    longest first, where they do not overlap. None unless it names a column of bodies.
    """
    numbers = [text.rfind(label) for label, marker in labels.items() if marker.role == "number"]
    numbers = [position for position in numbers if position >= 0]
    if numbers:  # the header opens with its row-number column: a title before it (…责任分工表序号…) is none
        text = text[max(numbers) :]
    taken: list[tuple[int, Marker]] = []
    used = [False] * len(text)
    for label in sorted(labels, key=len, reverse=True):
        marker = labels[label]
        if marker.role not in (*ROLE_VALUES, "official"):
            continue
        for match in re.finditer(re.escape(label), text):
            if not any(used[match.start() : match.end()]):
                used[match.start() : match.end()] = [True] * (match.end() - match.start())
                taken.append((match.start(), marker))
    columns = [marker for _, marker in sorted(taken, key=lambda item: item[0])]
    return columns if any(marker.role in ROLE_VALUES for marker in columns) else None
