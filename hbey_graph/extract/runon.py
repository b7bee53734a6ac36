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
from hbey_graph.extract.bodies import body_strength, level_prefix
from hbey_graph.extract.lexicon import ROLE_VALUES, Marker
from hbey_graph.extract.text import split_top_level

__all__ = ["RunOnRow", "glued_header", "run_on_rows", "split_names"]

#: A row's number run on between the cells: after a body's name or a closing bracket, before words.
_ROW_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff）)])\d{1,3}(?=[\u4e00-\u9fff“《])")
_MIN_ROWS = 2  # rows at least, numbered one after the other, before a paragraph is read as a table
_STOPS = "。；;"
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")  # an official's name before the bodies: 何海平教育局
_LONGEST_NAME = 30
_MIN_TEXT = 8  # characters at least of a row's text
_LONGEST_WEAK = 12  # characters at most of a name only a weak ending or a place makes a body's
_PAGE_MARK = re.compile(r"—\d+—")  # a page's number between dashes, run into the text


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
    numbers = [(m.start(), m.end(), int(m.group())) for m in _ROW_NUMBER.finditer(text)]
    chain = _counting_up(numbers)
    if len(chain) < _MIN_ROWS:
        return None
    rows = []
    bounds = [*(start for start, _, _ in chain[1:]), len(text)]
    for (_, end, _), stop in zip(chain, bounds, strict=True):
        row = _row(text, end, stop, reader)
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
    has no stop ends where the longest run of names that opens like a body's name starts
    (``…先进生产技术市科技局…``).
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
    for index in range(_MIN_TEXT, len(segment) - 1):
        if level_prefix(segment[index:], reader.lexicon) is not None:
            row = _with_bodies(segment[:index], segment[index:], start, reader)
            if row is not None:
                return row
    return None


def _with_bodies(words: str, rest: str, start: int, reader: StatementReader) -> RunOnRow | None:
    """The row of `words` if `rest` is an official's name and bodies, or bodies alone."""
    person = _PERSON.match(rest)
    if (
        person is not None
        and body_strength(person.group(), reader.lexicon, reader.registry) is None
        and level_prefix(person.group(), reader.lexicon) is None
    ):  # 何海平教育局…: the official in charge, then the bodies
        cells = split_names(rest[person.end() :], reader)
        if cells:
            return RunOnRow(start, words.strip(), person.group(), cells)
    cells = split_names(rest, reader)
    return RunOnRow(start, words.strip(), "", cells) if cells else None


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
        names = _glued(token.strip(), reader)
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
            last = end == len(token)  # the last name of a token may be a zone's: 嘉兴经济开发区
            rest = best(end) if _is_name(name, reader, weak=last) else None
            if rest is None:
                continue
            opened = rest[0] + _opens_like_a_name(name, reader)
            candidate = (opened, rest[1] - 1, (name, *rest[2]))
            if found is None or candidate[:2] > found[:2]:
                found = candidate
        return found

    result = best(0)
    return list(result[2]) if result is not None else None


def _opens_like_a_name(name: str, reader: StatementReader) -> bool:
    return (
        reader.registry.knows(name) or name.startswith("各") or level_prefix(name, reader.lexicon) is not None
    )


def _is_name(name: str, reader: StatementReader, *, weak: bool = False) -> bool:
    """Whether `name` is a body's name by its ending (a weak one or a place's too, with `weak`).

    A ``各`` inside it opens a second name run on to the first (``教育局经开区…各街道``).
    """
    if "各" in name[1:]:
        return False
    strength = body_strength(name, reader.lexicon, reader.registry)
    return strength in ("known", "strong") or (weak and strength is not None and len(name) <= _LONGEST_WEAK)


def glued_header(text: str, labels: dict[str, Marker]) -> list[Marker] | None:
    """The columns of bodies (and officials) a header run together names, in order.

    ``序号主要工作任务第一责任单位主要责任单位``: the labels found in it, longest first, where they do
    not overlap. None unless it names a column of bodies.
    """
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
