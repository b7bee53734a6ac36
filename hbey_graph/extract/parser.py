"""From plan text to a :class:`~hbey_graph.records.Plan`.

The parser walks the paragraphs once, keeping track of the outline (``一、`` → ``（一）`` → ``1.``
→ ``（1）`` → ``①``), and cuts the text into *units*: heading titles, paragraphs, and the stretches
of a paragraph that its statements of responsibility close or open. Statements
(:mod:`hbey_graph.extract.annotation`) stand where plans put them:

- in brackets after the text they belong to (``…。（A牵头，B配合）``), several to a paragraph;
- on lines of their own after the task, or before it (``牵头单位：…``, ``责任单位：…``);
- as labelled sentences after the text (``…。主办单位：A、B。``);
- as sentences opening an item (``由X副市长负责，A牵头，相关部门配合，…``; ``交通部门，负责…``) or
  closing it (``…。A牵头，B、C配合。``);
- in the cells of a task allocation table flattened to text (``序号 | 重点任务 | 牵头单位 | …``),
  read by the columns its header names;
- in headings over a list of items (``（三）省发展改革委牵头的工作``).

A unit with a statement is a task; so is an item under a heading that names its body. What the
parser repairs or cannot read is recorded in ``Plan.issues`` (an item with no responsibility as
``unassigned-task``, a part of a statement that names no body as ``unread-annotation``) and emitted
as a :class:`~hbey_graph.errors.ParseWarning`, never dropped silently.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import warnings
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from hbey_graph.errors import ParseWarning, PlanFormatError
from hbey_graph.extract.annotation import STANDING, NamedBody, Statement, StatementReader, assign_roles
from hbey_graph.extract.bodies import (
    BodyRegistry,
    body_registry,
    body_strength,
    level_prefix,
    starts_with_place,
    without_qualifier,
)
from hbey_graph.extract.boxes import box_tables_as_rows
from hbey_graph.extract.geography import extract_geography
from hbey_graph.extract.lexicon import Lexicon, Marker
from hbey_graph.extract.links import home_province
from hbey_graph.extract.readers import MAX_PLAN_BYTES, Source, read_source
from hbey_graph.extract.runon import glued_header, run_on_rows
from hbey_graph.extract.text import (
    CLOSE,
    ITEM_SYMBOLS,
    OPEN,
    TABLE_ROW,
    Paragraph,
    bracket_depth,
    decode_entities,
    fields_joined,
    match_heading,
    outline_number,
    paragraph_marks_as_breaks,
    plain_spaces,
    remove_inserted_marks,
    remove_invisible,
    remove_pinyin,
    remove_scrambling,
    repair_paragraph,
    scan_brackets,
    spaced_columns_as_bars,
    split_paragraphs,
    split_top_level,
    to_matching_text,
    top_level_brackets,
    unified_ideographs,
    without_alternative_label,
)
from hbey_graph.records import Assignment, Body, ParseIssue, Plan, Section, Task
from hbey_graph.reference import BUNDLED_PLAN, data_path

__all__ = ["load_plan", "parse_plan", "parse_text"]

_SPACE = " \t\u3000"
_EDGES = _SPACE + "，,；;。.、：:"
_TEXT_END = _SPACE + "，,、：:"  # stripped from the end of a task's text; its full stop stays
_SYMBOLS = ITEM_SYMBOLS
_CLAUSE_BREAK = "，,；;。"
_SENTENCE_BREAK = "。；;！？!?"
_NOTICE = re.compile(r"^(?P<issuer>.+?)关于印发(?P<title>.+)的通知$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_THEME = re.compile(r"^(?P<theme>[^，、；。,;]{2,20})。")
_NUMBER_ONLY = re.compile(r"^\d{1,3}$")
_LONGEST_NAMES = 40  # characters at most of a list of names read where it starts (请A、B…)
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]+")  # a name in Chinese characters alone
_LIST_MARKS = "、，,和及与"  # marks between the names of a list
_LONGEST_GLUED_HEADER = 40  # characters at most of a header line whose cells ran together
_MIN_ROW_TEXT = 4  # characters at least of a row's text before its full stop, under a glued header
_HEADER_MARKS = "。，,、：:；;（）()《》〔〕[]"  # marks no header's line holds
_GLUED_HEADER_LABELS = 3  # labels at least in a glued header (not a title: …任务分工, 职责分工)
_GLUED_HEADER_SHARE = 0.6  # share of a glued header's characters its labels cover at least
_GLUED_CELL_LEVEL = 2  # headings below this level (1.…) are lines of a cell, not a new section
_NUMERAL_ONLY = re.compile(r"[一二三四五六七八九十]{1,3}")  # a row's number in Chinese: 二
_FIGURE = re.compile(r"^[\d.,，%％‰]+$")  # a table cell holding a figure alone: 1.8%, 4200
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年?.{1,6}?日")  # a signature's date
_PERSON = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff ·]{1,11}$")
#: A table cell naming a person or two: 夏俊贵, 吴 伟, 汪  峰   吴蓓蓓 (names of two or three characters)
_PERSON_NAME = r"[\u4e00-\u9fff](?: *[\u4e00-\u9fff]){1,2}"
_PERSON_CELL = re.compile(rf"{_PERSON_NAME}(?: +{_PERSON_NAME})*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACE_RUN = re.compile(r"[ \t\u3000]+")
_RUN_ON = 30  # characters after a space in a heading that make it a paragraph run on after the title
_TASK_LIKE_LENGTH = 8
_LONGEST_ENDING = 5  # characters a body's name may go on by after a shorter name (省监察委 + 员会)
_SUBJECT_TASK_LENGTH = 4  # characters at least of the task after 市发改委负责 (建筑节能, not 监督)
_RUN_ON_TABLE = 80  # characters at least of a paragraph that may be a table run together
_WORK_LENGTH = 6  # characters at least of the work a statement after a frame assigns
#: A short line without punctuation after a title's first line: the title goes on
_TITLE_GOES_ON = re.compile(r"[^\d\s。，；：:,;、（）()]{2,16}")
_LONGEST_ROLE_LINE = 60  # characters at most of a line that is a table's cell stating roles alone
_HEADING_LEVEL = 3  # the outline level whose title is a task's heading (一、 / （一） / 1.)
_LONGEST_CELL_ROW = 40  # lines a row one cell per line may take (a body a line: 东孝街道 / 孝顺镇 …)
_LONGEST_WEAK_CELL = 8  # characters at most of a name a weak ending makes a table cell's body: 澧浦镇
_GROUP_HEADER_CELL = 4  # characters at most of a header cell naming its column's bodies by a group word
_DUTY_CUE_LINE = 12  # characters at most of a line of its own announcing a duty list (三、职责分工)
_COLON = re.compile("[：:]")
_LONGEST_SUBJECT = 120  # characters at most of the bodies a heading's sentence opens with
_SHORTEST_DUTY = 4  # Chinese characters at least of the duties after a body's name and colon
_CLAUSE_OPENER = 3  # characters at most of a word before a clause's bodies (其中省卫生厅负责…)
_LEADING_WORD = 10  # characters at most of words heading a sentence before its colon (整改要求：)
_DUTY_HEAD_LENGTH = 40  # characters at most of the bodies before the colon of a duty line
_TEXT_COLUMN_CELL = 16  # characters at most of a header's cell of text standing alone (…指标名称)
_TEXT_COLUMN_LABEL = 4  # characters at least of the label such a cell ends with (指标名称, not 任务)
_LONGEST_HEADER_CELL = 24  # Chinese characters a paragraph needs before an unassigned one is reported
_ROLE_VALUES = ("lead", "support", "responsible", "implementer", "by_rule")


def load_plan(
    path: str | os.PathLike[str] | bytes | None = None,
    *,
    plan_id: str | None = None,
    lexicon: Lexicon | None = None,
    max_bytes: int = MAX_PLAN_BYTES,
) -> Plan:
    """Read and parse a plan file.

    Parameters
    ----------
    path : str, path-like or bytes, optional
        The plan file; the bundled plan 内政发〔2018〕55号 when omitted; ``"-"`` for standard input.
    plan_id : str, optional
        Id that scopes the plan's graph keys; the file's stem by default.
    lexicon : Lexicon, optional
        The words and patterns the plan is read with (:mod:`hbey_graph.extract.lexicon`); the
        shipped lexicon by default. Extend it with :meth:`Lexicon.with_rows` for forms it lacks.
    max_bytes : int
        The largest file read (64 MB by default, :data:`~hbey_graph.extract.readers.MAX_PLAN_BYTES`).

    Returns
    -------
    Plan

    Raises
    ------
    PlanReadError
        If the file cannot be read as text, is not a regular file, or is larger than `max_bytes`.
    PlanFormatError
        If the text holds no statement of responsibility at all.

    Examples
    --------
    >>> plan = load_plan()
    >>> plan.doc_number, len(plan.tasks), plan.lead_of("T1.2.1")
    ('内政发〔2018〕55号', 38, '自治区发展改革委')
    """
    source = read_source(data_path(BUNDLED_PLAN) if path is None else path, max_bytes=max_bytes)
    return parse_plan(source, plan_id=plan_id, lexicon=lexicon)


def parse_plan(source: Source, *, plan_id: str | None = None, lexicon: Lexicon | None = None) -> Plan:
    """Parse the text of a plan file already read; see :func:`load_plan`.

    Examples
    --------
    >>> from hbey_graph.extract.readers import read_source
    >>> from hbey_graph.reference import BUNDLED_PLAN, data_path
    >>> plan = parse_plan(read_source(data_path(BUNDLED_PLAN)), plan_id="hbey")
    >>> plan.plan_id, len(plan.assignments)
    ('hbey', 339)
    """
    plan = parse_text(
        source.text, plan_id=plan_id or _slug(source.path.stem), source=source.path, lexicon=lexicon
    )
    for line, note in source.notes:
        issue = ParseIssue(line, "not-read", note)
        plan.issues.append(issue)
        warnings.warn(f"{source.path}: {issue}", ParseWarning, stacklevel=2)
    plan.issues.sort(key=lambda issue: issue.line)
    if not plan.tasks:
        raise PlanFormatError(
            f"{source.path}: no responsibility annotation found; expected tasks whose responsible bodies "
            "are named, such as （牵头单位：…）, 责任单位：… or （A牵头，B配合）"
        )
    return plan


def parse_text(
    text: str,
    *,
    plan_id: str = "plan",
    source: Path | None = None,
    registry: BodyRegistry | None = None,
    lexicon: Lexicon | None = None,
) -> Plan:
    """Parse plan text into a :class:`Plan`.

    The text is matched in simplified characters with full-width punctuation
    (:func:`~hbey_graph.extract.text.to_matching_text`); each task keeps its paragraph as written in
    :attr:`~hbey_graph.records.Task.original_text`.

    Parameters
    ----------
    text : str
        The plan's full text.
    plan_id : str
        Id that scopes the plan's graph keys.
    source : pathlib.Path, optional
        Where the text came from, kept in the plan.
    registry : BodyRegistry, optional
        Known bodies; the shipped reference table by default.
    lexicon : Lexicon, optional
        The words and patterns the plan is read with; the shipped lexicon by default.

    Returns
    -------
    Plan
        With no tasks if the text names no responsibility (:func:`load_plan` makes that an error).

    Examples
    --------
    >>> plan = parse_text(\'\'\'一、主要任务
    ... （一）交通
    ... 1. 建设铁路。推进包头至银川铁路建设。（实施主体：包头市人民政府，自治区交通运输厅、发展改革委）
    ... \'\'\')
    >>> [(a.body, a.role) for a in plan.assignments]  # doctest: +NORMALIZE_WHITESPACE
    [('包头市人民政府', 'implementer'), ('自治区交通运输厅', 'lead'), ('自治区发展改革委', 'support')]
    >>> plan.tasks[0].task_id, plan.tasks[0].heading, plan.tasks[0].text
    ('T1.1.1', '建设铁路', '推进包头至银川铁路建设。')
    >>> plan = parse_text(\'\'\'一、主要任務
    ... 1. 推進河道治理。
    ... 責任單位：省水利廳、省財政廳
    ... 完成時限：2020年底前
    ... \'\'\')
    >>> [(a.body, a.role) for a in plan.assignments], plan.tasks[0].original_text, plan.tasks[0].deadline
    ([('省水利厅', 'responsible'), ('省财政厅', 'responsible')], '推進河道治理。', '2020年底前')
    """
    lexicon = lexicon or (registry.lexicon if registry is not None else Lexicon.default())
    registry = registry or body_registry(None if lexicon is Lexicon.default() else lexicon)
    reader = StatementReader(lexicon, registry)
    issues: list[ParseIssue] = []
    text = remove_invisible(text.replace("\r\n", "\n").replace("\r", "\n"), issues)
    text = unified_ideographs(plain_spaces(decode_entities(text, issues), issues), issues)
    text = remove_inserted_marks(text, issues)
    text = remove_scrambling(text, issues)
    text = paragraph_marks_as_breaks(text, issues)
    text = box_tables_as_rows(text, issues, ITEM_SYMBOLS)
    text = spaced_columns_as_bars(text, issues, lexicon)
    matching = to_matching_text(text, issues)
    matching, text = _without_furniture(matching, text, lexicon, issues)
    paragraphs = split_paragraphs(
        matching,
        issues,
        original=None if matching == text else text,
        standalone=lambda line: _stands_alone(line, reader),
        is_name=lambda line: reader.names_of(line, strict=False) is not None,
        opens_table=lambda line: _number_column(line, lexicon) or _text_column(line, lexicon),
        lexicon=lexicon,
    )
    paragraphs = fields_joined(paragraphs, issues, lambda line: _field_label(line, reader), lexicon)
    plan = Plan(plan_id=plan_id, title="", doc_number="", issuer="", date=None, source=source)
    _read_front_matter(plan, paragraphs, lexicon)
    _Walker(plan, reader, issues).walk(paragraphs)
    plan.places, plan.mentions, plan.projects, plan.links = extract_geography(
        plan.tasks, plan.assignments, plan.bodies, plan_id=plan.plan_id, home=home_province(plan.issuer)
    )
    plan.issues = sorted(issues, key=lambda issue: issue.line)
    for issue in plan.issues:
        if issue.severity == "warning":
            warnings.warn(f"{source or plan_id}: {issue}", ParseWarning, stacklevel=2)
    return plan


def _field_label(line: str, reader: StatementReader) -> str | None:
    """The role of the label a line holds alone, with or without its colon (``责任单位``); else None."""
    labels = reader.lexicon.labels
    text = without_alternative_label(line, labels.__contains__).strip(_SPACE)  # 牵头部门（责任单位）
    if not text.endswith(("：", ":")):
        text += "："
    match = reader.label_colon.match(text)
    if match is None or match.end() != len(text):
        return None
    return reader.lexicon.labels[reader.label_of(match)].role


def _stands_alone(line: str, reader: StatementReader) -> bool:
    """Whether a line is a paragraph of its own: a labelled statement, a table's row or cell naming bodies."""
    if line.count("|") >= 2 or TABLE_ROW.match(line) or reader.label_colon.match(line):
        return True
    if re.sub(r"\s", "", line) in reader.lexicon.labels:
        return True  # a table's header cell (责任单位), not words a page break cut
    label = reader.leading_label(line)
    if label is not None and not line[: label.start()].strip(_SPACE + _SYMBOLS):
        return True
    if len(line) <= _LONGEST_ROLE_LINE and reader.verb_at_end(line) is not None:
        statement = reader.read(line)  # 市金融办、潍坊银监分局分别牵头落实: a cell stating roles
        if statement.names and not statement.unread:
            return True
    return not line.endswith(("：", ":")) and reader.names_of(line, strict=False) is not None


@cache
def _number_labels(lexicon: Lexicon) -> tuple[str, ...]:
    """The labels of a table's row-number column (``序号``)."""
    return tuple(text for text, marker in lexicon.labels.items() if marker.role == "number")


def _length(text: str) -> int:
    """Characters of `text` but spaces: a copy's spaces between names (教育、 科技、 民政部门) add none."""
    return len(text) - sum(text.count(space) for space in _SPACE)


def _first_sentence(text: str) -> tuple[str, str]:
    """`text` up to its first full stop outside brackets, and the stop (``…的建议(第3号。牵头单位：A)。``)."""
    for stop in re.finditer("。", text):
        if not bracket_depth(text[: stop.start()]):
            return text[: stop.start()], "。"
    return text, ""


def _number_column(line: str, lexicon: Lexicon) -> bool:
    """Whether a line opens a table's header with its row-number cell: ``序号`` alone or first."""
    if not any(label[0] in line[:4] for label in _number_labels(lexicon)):
        return False  # (the first characters hold the label's first, pinyin or not: 序(xù)號)
    first = re.split(r"[\s|]+", remove_pinyin(line).strip(" \t\u3000|"), maxsplit=1)[0]
    marker = lexicon.labels.get(first)
    return marker is not None and marker.role == "number"


def _text_column(line: str, lexicon: Lexicon) -> bool:
    """Whether a short line alone is a header's cell of task text, named by its kind.

    It ends with a long label of a column of text after words saying what kind of rows the column
    holds: ``自然灾害类分类指标名称``. (A label alone, ``重点工作``, opens no table by itself: the
    words may be a line of running text.)
    """
    cell = re.sub(r"\s", "", line)
    return (
        len(cell) <= _TEXT_COLUMN_CELL
        and any(cell.endswith(label) and len(cell) > len(label) for label in _text_labels(lexicon))
        and not any(mark in cell for mark in "。，,：:；;")
        and match_heading(cell, lexicon) is None
    )


@cache
def _text_labels(lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon's long labels of columns of task text (``指标名称``, not ``任务``), found once."""
    return tuple(
        label
        for label, marker in lexicon.labels.items()
        if marker.role == "text" and len(label) >= _TEXT_COLUMN_LABEL
    )


def _slug(stem: str) -> str:
    return re.sub(r"\s+", "-", stem.strip()).strip("-") or "plan"  # standard input ("-") is "plan"


def _without_furniture(
    text: str, original: str, lexicon: Lexicon, issues: list[ParseIssue]
) -> tuple[str, str]:
    """`text` and its `original` with a web page's furniture (its footer) and page numbers blanked.

    Blank lines keep the line numbers; each line blanked is reported, and so is each mark a copying
    site set inside a line (``[接上页]``), blanked alone.
    """
    furniture = lexicon.furniture
    text, original = _without_marks(text, original, furniture["mark"], issues)
    if not furniture["line"].search(text) and not furniture["page"].search(text):
        return text, original
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    pages = {index for index in filled if furniture["page"].search(lines[index])}
    marked = {index for index in filled if furniture["line"].search(lines[index])}
    for position, index in enumerate(filled):
        before = filled[max(0, position - 2) : position]  # the two lines with text before it
        after = filled[position + 1 : position + 3]
        line = lines[index].strip()
        near_before, near_after = bool(marked.intersection(before)), bool(marked.intersection(after))
        if ((near_before or near_after) and furniture["beside"].search(line)) or (
            near_before and furniture["after"].search(line)
        ):
            marked.add(index)
    if not marked and not pages:
        return text, original
    originals = original.split("\n")
    for index in sorted(marked | pages):
        what = "a printed page's number" if index in pages else "the web page's furniture"
        message = f"'{lines[index].strip()[:30]}' is {what}; not read"
        issues.append(ParseIssue(index + 1, "page-furniture", message, "repair"))
        lines[index] = originals[index] = ""
    return "\n".join(lines), "\n".join(originals)


def _without_marks(
    text: str, original: str, mark: re.Pattern[str], issues: list[ParseIssue]
) -> tuple[str, str]:
    """`text` and its `original` with each `mark` blanked by spaces, character for character."""
    spans = [match.span() for match in mark.finditer(text) if match.group()]
    for start, end in spans:
        line = text.count("\n", 0, start) + 1
        issues.append(
            ParseIssue(
                line,
                "page-furniture",
                f"'{text[start:end].strip()}' is a copying site's mark; not read",
                "repair",
            )
        )
        text = text[:start] + " " * (end - start) + text[end:]
        original = original[:start] + " " * (end - start) + original[end:]
    return text, original


def _read_front_matter(plan: Plan, paragraphs: list[Paragraph], lexicon: Lexicon) -> None:
    """Fill title, issuer, document number and date from the lines before the outline."""
    front = []
    for paragraph in paragraphs:
        if match_heading(paragraph.text, lexicon) is not None:
            break
        front.append(paragraph.text)
    for line in front:  # each field from the first line that gives it
        notice = None if plan.issuer else _NOTICE.match(line)
        if notice:
            plan.issuer = notice.group("issuer")
            plan.title = notice.group("title")
        number = None if plan.doc_number else _DOC_NUMBER.search(line)
        if number:
            plan.doc_number = number.group()
        day = None if plan.date is not None else _DATE.match(line)
        if day:
            with contextlib.suppress(ValueError):  # not a date (2018年13月40日): left unset
                plan.date = date(*map(int, day.groups()))
    if not plan.title and front:
        plan.title = front[0]


class _Piece(NamedTuple):
    """A stretch of a paragraph: its matching text and the same stretch as the source wrote it."""

    paragraph: Paragraph
    text: str
    original: str

    def cut(self, start: int, end: int, strip: str | None = None, strip_end: str | None = None) -> _Piece:
        """The stretch ``[start:end]``, stripped of whitespace (or of `strip`; `strip_end` at its end)."""
        part = self.text[start:end]
        left = len(part) - len(part.lstrip(strip))
        right = len(part.rstrip(strip_end or strip))
        if right <= left:
            return _Piece(self.paragraph, "", "")
        return _Piece(self.paragraph, part[left:right], self.original[start:end][left:right])

    def followed_by(self, other: _Piece) -> _Piece:
        """The piece with `other` after it, a full stop between them unless it ends a sentence."""
        stop = "" if self.text.endswith(("。", "；", ";", "！", "？")) else "。"
        original_stop = "" if self.original.endswith(("。", "；", ";", ".", "！", "？")) else "。"
        return _Piece(
            self.paragraph,
            f"{self.text}{stop}{other.text}",
            f"{self.original}{original_stop}{other.original}",
        )


@dataclass
class _Found:
    """A statement found in a piece of text.

    `attach` says which text it belongs to: ``before`` (it closes the text before it), ``after`` (it
    opens the text after it) or ``line`` (it stands on a line of its own).
    """

    start: int
    end: int
    statement: Statement
    content: str
    label: str | None
    attach: str
    line: int
    closed: bool = True


@dataclass
class _Unit:
    """A stretch of text that is a task if a statement names who is responsible for it."""

    sections: tuple[Section, ...]
    piece: _Piece
    heading: bool  # a heading's title alone
    numbered: bool = False  # an item the outline numbers
    found: list[_Found] = field(default_factory=list)
    lead_official: str = ""
    deadline: str = ""
    cells: int = 0  # body cells of a table row read so far
    row: bool = False  # a row of a table
    last_line: int = 0
    titled: bool = False  # an item whose title closes with its statement: 一、…（责任单位：县教育局）
    line_role: Statement | None = None  # a line without a number over the item: X的主要职责为：
    role_line: bool = False  # such a line itself: it opens items of its own, not the item above's
    content: list[str] = field(default_factory=list)  # content fields after its statements (整改措施：…)

    @property
    def text(self) -> str:
        return self.piece.text

    @property
    def first_line(self) -> int:
        return self.piece.paragraph.first_line

    def add(self, found: _Found) -> None:
        self.found.append(found)
        self.last_line = max(self.last_line, found.line)


@dataclass
class _Table:
    """A task allocation table's header: the columns the cells of its rows fall in.

    A column of bodies that stands before the first column of task text (``牵头单位 | 目标任务 |
    责任单位``) leads the rows after it: flattened, its merged cell is written once over the rows it
    covers, so it is the table's *group* until the next such cell.
    """

    columns: list[str]
    markers: list[Marker | None]  # the label of each column, None for a column of task text
    separator: str | None  # "|" or " " for one row per line; None for one cell per line
    last_official: str = ""
    group: _Found | None = None  # the cell of a leading column of bodies, over the rows after it
    last_bodies: list[_Found] = field(default_factory=list)  # the body cells of the row before
    new_row: bool = False  # a row's number was read and no cell since

    def close_merged_cells(self) -> None:
        """End the cells written once over the rows after them (a section of the table ends)."""
        self.group, self.last_bodies, self.last_official = None, [], ""

    @property
    def leading(self) -> list[Marker]:
        """The columns of bodies before the first column of task text."""
        first_text = next((i for i, m in enumerate(self.markers) if m is None), len(self.markers))
        return [m for m in self.markers[:first_text] if m is not None and m.role in _ROLE_VALUES]

    @property
    def trailing(self) -> list[Marker]:
        """The columns of bodies after the first column of task text."""
        first_text = next((i for i, m in enumerate(self.markers) if m is None), len(self.markers))
        return [m for m in self.markers[first_text:] if m is not None and m.role in _ROLE_VALUES]

    @property
    def has_official(self) -> bool:
        return any(m is not None and m.role == "official" for m in self.markers)

    def markers_of(self, kinds: list[str]) -> list[Marker | None] | None:
        """The column of each cell of a row, from the kind of each cell.

        Kinds: ``number``, ``bodies``, ``person``, ``deadline``, ``text``. A row with fewer cells
        than columns lost some to merged cells or to lines of their own: its cells stand, in order,
        in the columns their kinds fit best, the later columns when several fit alike. None when the
        row has more cells than the header.
        """
        if len(kinds) > len(self.columns):
            return None

        @cache
        def best(cell: int, column: int) -> tuple[int, tuple[int, ...]]:
            """The best score and columns for the cells from `cell` on, in the columns from `column`."""
            if cell == len(kinds):
                return 0, ()
            if len(kinds) - cell > len(self.columns) - column:
                return -(10**6), ()
            skip = best(cell, column + 1) if len(kinds) - cell < len(self.columns) - column else None
            score, rest = best(cell + 1, column + 1)
            place = (score + _fit(kinds[cell], self.markers[column]), (column, *rest))
            return skip if skip is not None and skip[0] >= place[0] else place

        return [self.markers[column] for column in best(0, 0)[1]]


def _ranked(markers: list[Marker | None]) -> list[Marker | None]:
    """A header's columns, the first of two or more columns of responsible bodies made the lead's.

    ``主要责任单位 | 责任单位``: where no column says who leads or supports, the columns rank the
    bodies, the first leading and the others supporting.
    """
    bodies = [(index, m) for index, m in enumerate(markers) if m is not None and m.role in _ROLE_VALUES]
    if len(bodies) < 2 or any(marker.role != "responsible" for _, marker in bodies):
        return markers
    ranked = list(markers)
    for index, marker in bodies:
        role = "lead" if index == bodies[0][0] else "support"
        ranked[index] = Marker(marker.text, marker.kind, role, role)
    return ranked


def _fit(kind: str, marker: Marker | None) -> int:
    """How well a cell of a kind fits a column: 2 for its own kind of column, 1 for text in text."""
    role = "text" if marker is None else marker.role
    if role in ("none", "setting"):  # 责任人, 地点: a column whose cells name no task's bodies
        return 1
    if kind == "number":
        return 2 if role == "number" else 0
    if kind == "bodies":
        return 2 if role in _ROLE_VALUES else 0
    if kind == "person":
        return 2 if role == "official" else 0
    if kind == "deadline":
        return 2 if role == "deadline" else 0
    return 1 if role in ("text", "none") else 0


class _Walker:
    """One pass over the paragraphs, tracking the outline and collecting units."""

    def __init__(self, plan: Plan, reader: StatementReader, issues: list[ParseIssue]) -> None:
        self.plan, self.reader, self.issues = plan, reader, issues
        self.lexicon = reader.lexicon
        self.registry = reader.registry
        self.path: dict[int, Section] = {}
        self.opened: dict[str, int] = {}  # each section key opened, with its line
        self.repeats: set[int] = set()  # ids of sections numbered like an earlier one under their parent
        self.units: list[_Unit] = []
        self.held: list[_Found] = []  # statements on lines before any text they could belong to
        self._titles_taken: set[str] = set()  # sections below the heading level whose title a task took
        # sections whose heading names their body, by key and line: an outline may start again
        self.section_roles: dict[tuple[str, int], Statement] = {}
        #: headings whose title is one weakly named body (4.科技与预报处): they name the body of the
        #: items under them that open with a role verb (负责组织实施…)
        self.weak_section_roles: dict[tuple[str, int], Statement] = {}
        self.table: _Table | None = None
        self.glued: Marker | None = None  # the column of bodies of a header whose cells ran together
        self.glued_rows = 0  # rows read under it
        self.plan_rule: str | None = None  # a convention stated outside any statement
        # a title before the outline naming the body of items that name none (教育体育局2020年为民办实事)
        self.title_role: Statement | None = None
        self.page_body: Statement | None = None  # the body a page is about: its title is the name alone
        self.front_read = False  # a line before the outline has been read
        # a line without a number that names the body of the items after it (区政协办公室的主要职责为：),
        # and the outline level of those items (known at the first of them)
        self.line_role: Statement | None = None
        self.officials_of: _Unit | None = None  # the unit whose officials the line before named
        self.line_role_level: int | None = None
        # sections, by key and line, that list bodies each with a colon and its duties (职责分工);
        # ("", 0) for a list announced before any heading
        self.duty_lists: set[tuple[str, int]] = set()
        self.following = ""  # the paragraph after the one read
        self.duty_run = False  # the paragraph and one beside it each open with a body and a colon
        self.subject_run = False  # the paragraph and one beside it each open with a body doing its work
        # the line before named a working group's make-up (组长：…): a line right after it labelled
        # by a group (成员单位：…) names the group's members, not a task's bodies
        self.composition = False
        self.in_fields = False  # the numbered lines just read were fields of the item above them
        words = self.lexicon.subject_verb_words  # of the verbs after a subject: 民政部门配合做好…; not 负责人
        verbs = sorted(
            (m.text for m in self.lexicon.verbs.values() if any(w in m.text for w in words)),
            key=len,
            reverse=True,
        )
        #: a verb that leads, answers for or supports a task, following its subject in a clause
        self._subject_verbs = _verb_pattern(verbs)
        #: frames written as words (会议决定, 为), not a citation mark (《…》 may name a sentence's topic)
        self._word_frames = tuple(frame for frame in self.lexicon.framing if _CJK.match(frame))
        #: any role verb following its subject in a clause
        self._role_verbs = _verb_pattern(sorted(self.lexicon.verbs, key=len, reverse=True))
        #: any word of the lexicon that gives names a role (a verb, a word between two lists, a request)
        role_words = {*self.lexicon.verbs, *self.lexicon.infixes, *self.lexicon.requests}
        self._role_word = re.compile(
            "|".join(map(re.escape, sorted(role_words, key=len, reverse=True))) or "(?!)"
        )
        agents = "|".join(map(re.escape, sorted(self.lexicon.agents, key=len, reverse=True))) or "(?!)"
        subject_verbs = "|".join(map(re.escape, verbs)) or "(?!)"
        #: 由A负责的…项目: a clause naming who answers for the thing it qualifies
        self._relative = re.compile(rf"(?:{agents})[^，,；;。]{{2,40}}?(?:{subject_verbs})的")
        naming = sorted((m.text for m in self.lexicon.labels.values() if m.role in _ROLE_VALUES), key=len)
        role_labels = "|".join(map(re.escape, reversed(naming))) or "(?!)"
        #: A为<task>牵头单位: a clause naming the bodies of the task it names, and their role
        self._named_for = re.compile(
            rf"(?<![^，,；;。：:\s])(?P<bodies>[^，,；;。：:\s]{{2,40}}?)为(?P<task>[^，,；;。]{{4,60}}?)"
            rf"(?P<label>{role_labels})(?=[，,；;。]|$)"
        )
        #: ，B和C为责任单位: a clause after it naming bodies for another label
        self._named_as = re.compile(
            rf"[，,](?P<bodies>[^，,；;。：:\s]{{2,60}}?)为(?P<label>{role_labels})(?=[，,；;。]|$)"
        )

    # --- the walk ----------------------------------------------------------------------------------

    def walk(self, paragraphs: list[Paragraph]) -> None:
        index = 0
        heads = [self._duty_head(paragraph.text) for paragraph in paragraphs]  # body and colon opening it
        subjects = [
            self._subject_opening(paragraph.text) for paragraph in paragraphs
        ]  # a body, then its work
        verbal = [  # … and a role verb (县财政局负责安排…)
            end is not None and self.reader.verb_at_start(paragraph.text[end:].lstrip(_SPACE)) is not None
            for end, paragraph in zip(subjects, paragraphs, strict=True)
        ]
        while index < len(paragraphs):
            paragraph = paragraphs[index]
            table = self._table_header(paragraphs, index)
            if table is not None:
                self.table, consumed = table
                index += consumed
                continue
            self.following = paragraphs[index + 1].text.strip(_SPACE) if index + 1 < len(paragraphs) else ""
            self.duty_run = heads[index] and any(
                heads[other] for other in (index - 1, index + 1) if 0 <= other < len(heads)
            )
            around = [other for other in (index - 1, index + 1) if 0 <= other < len(subjects)]
            self.subject_run = (
                subjects[index] is not None
                and any(subjects[other] is not None for other in around)
                and any(verbal[other] for other in (index, *around))
            )
            spaced_cells = self.table is not None and self.table.separator == " "
            text, original = repair_paragraph(
                paragraph, self.issues, cell_ends=self._names_cell if spaced_cells else None
            )
            text = self.reader.with_label_stops(text)  # 责任主体。市编办。 (a stop for the label's colon)
            text = self.reader.with_label_is(text)  # 该目标责任单位为市经委。
            piece = _Piece(paragraph, text, original)
            table = self.table
            if table is not None and table.separator == "|" and "|" in text and self._table_row(piece, table):
                index += 1  # a row, even one opening with 一、
                continue
            if table is not None and table.separator is None and _NUMBER_ONLY.match(text.strip(_SPACE)):
                consumed = self._cell_row(paragraphs, index, table)
                if consumed:
                    index += consumed  # a row's cells, even one opening with 一、
                    continue
            if len(text) >= _RUN_ON_TABLE and self._run_on_table(piece):
                index += 1
                continue
            if self._glued_row(piece):
                index += 1
                continue
            self.glued, self.glued_rows = self._glued_header(text), 0
            if self.glued is not None:
                index += 1  # 实事内容工作任务责任单位进展情况: the rows' cells will run together
                continue
            heading = match_heading(text, self.lexicon)
            trailing = self._trailing_header(text) if heading is None else None
            if trailing is not None:  # …印发给你们。附件：…任务分解表 序号 名称 工作任务 牵头责任单位
                start, self.table = trailing
                self._read_piece(piece.cut(0, start), None)
                index += 1
                continue
            if table is not None and heading is not None and heading[0] == 1:
                table.close_merged_cells()  # 三、保障措施: no merged cell of the table reaches past it
            if table is not None and self.lexicon.closing.match(text.strip(_SPACE)):
                self.table = None  # 附件2 / 抄送：… after the table
            if heading is not None and self.units and self._numbered_field(heading[1]):
                # (二)时间安排：2月。 / (四)组织实施：…责任部门：A: a field of the item above, no item
                self._read_piece(piece.cut(heading[1].start("rest"), len(piece.text)), None)
                self.in_fields = True
                index += 1
                continue
            if heading is not None:
                self.in_fields = False
            role_line = False
            if heading is None and not self.path and self.title_role is None:
                title = text.strip(_EDGES)
                if _TITLE_GOES_ON.fullmatch(self.following):
                    title += self.following  # 立山区政府2023年重点工作 / 任务分解和责任分工方案
                self.title_role = self._role_of_title(title)
                opens_items = self.title_role is None  # 市卫生局 / 一、…: a first line heading a list
                if not self.front_read and self.title_role is None:  # the page's first line only, not
                    self.page_body = self._page_body(title)  # a notice's signature (阳春市人民政府)
                self.front_read = True
            else:
                opens_items = heading is None
            if opens_items and match_heading(self.following, self.lexicon):
                role = self._role_of_title(text.strip(_EDGES)) or self._bare_name_line(text)
                if role is not None and role.names:  # 区政协办公室的主要职责为： / 市卫生局 over 一、…
                    self.line_role, self.line_role_level = role, None
                    role_line = True
            if heading is not None and self.line_role is not None:
                if self.line_role_level is None:
                    self.line_role_level = heading[0]
                elif heading[0] < self.line_role_level:
                    self.line_role = None  # a heading over the items ends them
            if heading is not None:
                self.officials_of = None  # a new item: the officials' lines above are done
                after, title = self._open_section(*heading, piece)
                heading_unit = self._new_unit(title, heading=True)
                if after.text:
                    self._read_piece(after, heading_unit)
            elif role_line and self.table is None:  # the items after it are its body's, not the item above
                self._new_unit(piece).role_line = True
            else:
                made = len(self.units)
                self._read_piece(piece, None)
                for unit in self.units[made:]:
                    unit.role_line = role_line
            self._note_duty_list(text, heading[1].group("rest") if heading is not None else None)
            index += 1
        self._drop_held()
        self._finish()

    def _bare_name_line(self, text: str) -> Statement | None:
        """A line that only names one body, over the numbered items after it (``市卫生局``).

        After such a line, a name only a weak ending makes a body's counts too (``总工会``, ``妇联``):
        the lines name the bodies of a list one after another.
        """
        name = text.strip(_EDGES)
        if self.reader.names_of(name, strict=self.line_role is None) != [name]:
            return None
        if self.lexicon.collective.search(name):
            return None  # 各成员单位 over its items: a group, not the body of a list
        return Statement(names=[NamedBody(name, 1, 1, self._responsible)], role_words=1)

    def _numbered_field(self, match: re.Match[str]) -> bool:
        """Whether a numbered line is a field of the item above it, not an item of its own.

        It opens with a label that is no task's content (时间安排：, 责任部门：, 参加人员：), or with
        any label right after such fields.
        """
        label = self.reader.label_colon.match(match.group("rest").lstrip(_SPACE))
        if label is None:
            return False
        # 1、时间：… / 3、承办单位：… / 4、活动内容：…: after the item's fields, its content is one too
        return self.lexicon.labels[self.reader.label_of(label)].role != "text" or self.in_fields

    def _note_duty_list(self, text: str, title: str | None) -> None:
        """Note that the section just read opens a list of bodies and their duties (``职责分工``).

        The cue word counts in a heading's title, in a short line of its own, in a sentence that
        ends with a colon (``其职责分工为：``) or says the list follows (``现将…工作职责通知如下``);
        not inside a statement (``按职责分工负责``). A heading that only names a body and closes with
        a colon (``（五）农村组：``) announces that body's duties.
        """
        cue = self.lexicon.duty_sections
        found = cue.search(text)
        named = title is not None and title.strip(_SPACE).endswith(("：", ":"))  # （五）农村组：1.制定…
        named = named and bool(
            self.reader.names_of(title.strip(_SPACE)[:-1].strip(_EDGES), strict=False) or self._team_of(title)
        )
        announces = (
            named
            or (title is not None and cue.search(title.partition("。")[0]) is not None)
            or (
                found is not None
                and (
                    text.rstrip(_SPACE).endswith(("：", ":"))
                    or len(_CJK.findall(text)) <= _DUTY_CUE_LINE
                    or _AS_FOLLOWS.match(text, found.end()) is not None  # …工作职责通知如下，请遵照执行。
                )
            )
        )
        if not announces:
            return
        heading = title.partition("。")[0] if title is not None else ""
        if cue.search(heading) and self._role_word.search(heading):
            return  # （三）按职责分工负责…: a statement, not a list
        deepest = self.path[next(reversed(self.path))] if self.path else None
        self.duty_lists.add((deepest.key, deepest.line) if deepest is not None else ("", 0))

    def _in_duty_list(self) -> bool:
        """Whether the text being read is in a list of bodies and their duties.

        A section announced as one (``职责分工``), or paragraphs side by side each opening with a
        body's name and a colon (``公安部门：依法…`` / ``人事部门：进一步做好…``).
        """
        return (
            self.duty_run
            or ("", 0) in self.duty_lists
            or any((section.key, section.line) in self.duty_lists for section in self.path.values())
        )

    def _bare_duty_head(self, piece: _Piece) -> bool:
        """A body's name and a colon alone on a line of a duty list: it answers for the duties below.

        ``项目二科：`` / ``负责全市重点项目的征集…``: the statement is held for the next line's text.
        Not before the outline, where such a line names the notice's addressees (``各市人民政府：``).
        """
        text = piece.text.strip(_SPACE)
        if not text.endswith(("：", ":")) or _length(text) > _DUTY_HEAD_LENGTH or not self.path:
            return False
        if not self._in_duty_list():
            return False
        head = text[:-1].strip(_EDGES)
        if self.reader.label_colon.match(text) is not None or not self.reader.names_of(head, strict=False):
            return False
        statement = self.reader.read(head + "负责")
        if not _whole_statement(statement):
            return False
        self.held.append(_Found(0, len(text), statement, head, None, "line", piece.paragraph.last_line))
        return True

    def _duty_head(self, text: str) -> bool:
        """Whether a paragraph opens (after its outline number) with bodies' names, a colon and words.

        (A notice's addressees, ``各乡、镇人民政府，市直有关单位：``, have no words after the colon.)
        """
        heading = match_heading(text, self.lexicon)
        rest = heading[1].group("rest") if heading is not None else text
        colon = _COLON.search(rest)
        if colon is None or _length(rest[: colon.start()]) > _DUTY_HEAD_LENGTH:
            return False
        if len(_CJK.findall(rest, colon.end())) < _SHORTEST_DUTY:
            return False
        head = rest[: colon.start()].strip(_EDGES)
        return (
            bool(head)
            and self.reader.label_colon.match(head + "：") is None
            and (self.reader.names_of(head, strict=False) is not None)
        )

    def _open_section(self, level: int, match: re.Match[str], piece: _Piece) -> tuple[_Piece, _Piece]:
        """Record a heading; return the text after its title and the title sentence itself.

        `match` is the heading's match of its outline pattern
        (:func:`~hbey_graph.extract.text.match_heading`).
        """
        number, rest = match.group("number", "rest")
        rest_start = match.start("rest")
        opened = self.path.get(level)
        nests = self.lexicon.nesting_numbers
        if opened is not None and nests.fullmatch(opened.number) and not nests.fullmatch(number.strip()):
            level += 1  # 2.1.2 办公室职责 / (1)…: items numbered otherwise nest under a decimal heading
        title, stop = _first_sentence(rest)
        space = _SPACE_RUN.search(title)
        if (
            space is not None
            and (len(rest) - space.end() >= _RUN_ON or self._opens_with_text_label(rest[space.end() :]))
            and not any(mark in title[: space.start()] for mark in "，；")
            and not title[: space.start()].endswith(("、", "和", "及"))  # a list goes on: 完成省、 市下达的…
        ):  # items run together, spaces between (a sentence broken by a stray space is no title: 有的搬 迁)
            title, stop = title[: space.start()], rest[space.start() : space.end()]
        found = self._statements_in(title, piece.paragraph) if self._may_hold_statement(title) else []
        if found and found[0].attach == "before":  # an item that is one sentence with its statement
            title_end, after_start = rest_start + found[0].start, rest_start
            title = title[: found[0].start].strip(" 。")
        elif found and not title[: found[0].start].strip(_EDGES):  # 9.省经贸委负责，省财政厅配合，督促…
            title_end = after_start = rest_start
            title = ""
        elif found and found[0].attach == "after" and _ends_with_colon(title[: found[0].start]):
            # 1、政府职责：各旗县区政府负责…: the words before the colon are the title, the rest the text
            head = title[: found[0].start].rstrip(_SPACE)
            title_end, after_start = rest_start + len(head) - 1, rest_start + found[0].start
            title = head[:-1]
        else:
            title_end = after_start = rest_start + len(title) + len(stop)
        title = title.strip()
        index = outline_number(number)
        # The path holds the open sections by level, in ascending order: the parent is the last
        # one kept. A level the outline skips counts as 0, so keys stay distinct: 1. right under 一、
        # is "1.0.1".
        path = {lvl: sec for lvl, sec in self.path.items() if lvl < level}
        parent = path[next(reversed(path))] if path else None
        if parent is None:
            key = ".".join(["0"] * (level - 1) + [str(index)])
        else:
            key = ".".join([parent.key, *["0"] * (level - 1 - parent.level), str(index)])
        section = Section(key, number.strip(), title, level, piece.paragraph.first_line)
        self._note_repeat(section, parent)
        self.plan.sections.append(section)
        path[level] = section
        self.path = path
        self._read_heading_role(section, piece.paragraph.first_line)
        return piece.cut(after_start, len(piece.text)), piece.cut(rest_start, title_end)

    def _note_repeat(self, section: Section, parent: Section | None) -> None:
        """Report a heading numbered like an earlier one under the same parent (2. after 2.).

        The two are kept apart (their tasks get distinct ids); only the highest repeated heading is
        reported, so a second document pasted after the first gives one note, not one warning per
        item (an outline that starts again at its top level is mostly a notice and its attachment).
        """
        first = self.opened.setdefault(section.key, section.line)
        if first == section.line:
            return
        self.repeats.add(id(section))
        if parent is not None and id(parent) in self.repeats:
            return
        if section.level == 1:
            message = (
                f"the outline starts again at '{section.number}' (first at line {first}); tasks kept apart"
            )
            self.issues.append(ParseIssue(section.line, "repeated-number", message, "note"))
            return
        message = f"heading '{section.number}' repeats the number of line {first} under the same heading"
        self._report(section.line, "repeated-number", message + "; read as a task of its own")

    def _read_heading_role(self, section: Section, line: int) -> None:
        """A heading naming the body of the items under it: ``（三）省编办牵头的工作``, ``三、儋州市政府``."""
        title = section.title.strip(_EDGES)
        statement = self._role_of_title(title)
        if statement is not None:
            self.section_roles[section.key, section.line] = statement
            return
        names = self.reader.names_of(title, strict=False)
        if not names:
            led = self._led_by(title) or self._subject_of(title) or self._team_of(section.title)
            if led is not None:  # 一、防治组，以省卫生厅为主，…任组长。主要职责是：(一)…
                self.weak_section_roles[section.key, section.line] = led
            return
        groups = [bool(self.lexicon.collective.search(name)) for name in names]
        towns = any(groups) and all(  # 南庄镇、各街道办事处: towns beside a group of them
            group or self._is_town(name) for name, group in zip(names, groups, strict=True)
        )
        sure = self.reader.names_of(title, strict=True) is not None
        if towns or (sure and all(self._named_outright(name) for name in names)):
            self.section_roles[section.key, section.line] = self.reader.read(title)
        elif names == [title]:
            self.weak_section_roles[section.key, section.line] = self.reader.read(title)

    @cached_property
    def _responsible(self) -> Marker | None:
        """The lexicon's first label of responsible bodies: the role of a body named bare."""
        return next((m for m in self.lexicon.labels.values() if m.role == "responsible"), None)

    def _team_of(self, title: str) -> Statement | None:
        """A working group named alone in a heading closed by a colon, over its duties: ``（五）农村组：``.

        The group is taken for the body of its duties where the heading names no department (a
        group a sentence says is led by one, ``由应急主管部门牵头…组成``, is that department's).
        """
        text = title.strip(_SPACE)
        name = text[:-1].strip(_EDGES)
        if (
            not text.endswith(("：", ":"))
            or not _CJK_NAME.fullmatch(name)
            or _length(name) > _DUTY_HEAD_LENGTH
        ):
            return None
        if not self._is_team(name):
            return None
        return Statement(names=[NamedBody(name, 1, 1, self._responsible)], role_words=1)

    def _is_team(self, name: str) -> bool:
        """Whether `name` is a working group's (``抢险救助组``, ``农村组``): a name with a team ending."""
        return bool(_CJK_NAME.fullmatch(name)) and any(
            name.endswith(row.entry) and len(name) > len(row.entry) for row in self.lexicon.entries("team")
        )

    def _led_by(self, title: str) -> Statement | None:
        """A clause of a heading that names who leads the group it sets up (``以省卫生厅为主``).

        The clause opens with a word naming who acts (``由``, ``以``) and states bodies with a role
        word; like a heading that only names a body, it gives the body of the items under it that
        are duties (:meth:`_inherited`).
        """
        for clause in split_top_level(title, "，,"):
            clause = clause.strip(_EDGES)
            if clause.startswith(self.lexicon.opening_agents):
                statement = self.reader.read(clause)
                if _firm(statement):
                    return statement
        return None

    def _subject_of(self, title: str) -> Statement | None:
        """The bodies a heading's sentence opens with, as those answering for its items.

        ``（二）区劳动保障局、区卫生局…等部门根据…，做好…。具体包括：`` over ``1.负责公布…``: like a
        heading that only names a body, it gives the body of the items under it that are duties
        (:meth:`_inherited`). The longest opening that names bodies surely is taken.
        """
        if not (
            title.startswith("各")
            or level_prefix(title, self.lexicon) is not None
            or starts_with_place(title, self.lexicon)
        ):
            return None  # a sentence opening with a verb (听取和审议省人民政府…) names no subject
        for end in range(min(len(title), _LONGEST_SUBJECT), 1, -1):
            head = title[:end]
            if self.lexicon.ending_pattern.search(head) is None:
                continue
            names = self.reader.names_of(head, strict=True)
            if names:
                if all(self.lexicon.collective.search(name) for name in names):
                    return None  # 各部门要各司其职…: an exhortation to every body, not a list's subject
                statement = self.reader.read(head + "负责")
                return statement if _firm(statement) else None
        return None

    def _role_of_title(self, title: str) -> Statement | None:
        """The statement a title states by a ``heading_role`` pattern of the lexicon, if any.

        The first pattern whose bodies read as names gives it (the words a pattern takes for the
        bodies may be a whole clause, where a later pattern takes only its subject).
        """
        for pattern, marker in self.lexicon.heading_roles:
            match = pattern.match(title)
            if match is not None:
                bodies = match.group("bodies")
                statement = self.reader.read(bodies + (match.groupdict().get("verb") or ""))
                if statement.unread or not (statement.names or statement.officials):
                    # a verb the lexicon does not list (市民政局领办事项): the row gives the role
                    statement = self.reader.read(bodies)
                    statement.names = [named._replace(marker=marker) for named in statement.names]
                if (statement.names or statement.officials) and not statement.unread:
                    return statement
        return None

    def _is_town(self, name: str) -> bool:
        """Whether `name` ends like a township's (``南庄镇``)."""
        ending = self.lexicon.ending_pattern.search(name)
        return ending is not None and self.lexicon.ending_kinds.get(ending.group()) == "township"

    def _named_outright(self, name: str) -> bool:
        """Whether a name says whose body it is.

        It does with a known body, a level prefix, a place (``儋州市政府``), or as a field of work's
        departments (``公安部门``, not a group such as ``有关部门``). A zone is not: a heading
        ``全国节水型社会建设示范区`` states what a place is to become.
        """
        if self.registry.knows(name):
            return True
        ending = self.lexicon.ending_pattern.search(name)
        kind = self.lexicon.ending_kinds.get(ending.group()) if ending is not None else None
        if kind == "zone":
            return False
        field_of_work = kind == "collective" and len(name) > len(ending.group())
        if field_of_work and not self.lexicon.collective.search(name):
            return True
        return (
            level_prefix(name, self.lexicon) is not None
            or starts_with_place(name, self.lexicon)
            or bool(re.match(r"^[\u4e00-\u9fff]{1,6}[市县区州旗盟]", name))
        )

    def _new_unit(self, piece: _Piece, *, heading: bool = False) -> _Unit:
        unit = _Unit(tuple(self.path.values()), piece, heading, heading, last_line=piece.paragraph.last_line)
        if self.line_role is not None and self.line_role_level is not None:
            unit.line_role = self.line_role  # an item under the line naming its body, or its paragraphs
        self.units.append(unit)
        if self.table is not None:
            unit.row = True
            if self.table.group is not None:  # a merged cell of a leading column covers this row
                unit.add(self.table.group)
        if self.held:  # statements on the lines before: they belong to this text if it is a task's
            if not heading and self._task_like(piece.text):
                for found in self.held:
                    unit.add(found)
                self.held = []
            else:
                self._drop_held()
        return unit

    # --- reading a piece of text -----------------------------------------------------------------

    def _read_piece(self, piece: _Piece, heading_unit: _Unit | None) -> None:
        """Make units of `piece` and attach the statements found in it."""
        text = piece.text.strip(_SPACE)
        if not text:
            return
        composing, self.composition = self.composition, False
        officials_of, self.officials_of = self.officials_of, None
        if officials_of is not None and self._officials_only(text):
            officials_of.lead_official += " " + text  # a second official on a line of its own
            self.officials_of = officials_of
            return
        label = self.reader.leading_label(text)
        if label is not None and not text[: label.start()].strip(_SPACE + _SYMBOLS):
            if (
                composing
                and self.lexicon.collective.search(self.reader.label_of(label))
                and not self._opens_with_text_label(self.following)
            ):
                self.composition = True  # 组长：… / 成员单位：A、B: the group's members
                return
            self._line_statement(piece, text[label.start() :])
            return
        if heading_unit is None and self._field_line(piece):
            return
        if heading_unit is None and self._table_cell(piece):
            return
        if heading_unit is None and self._bare_duty_head(piece):
            return
        found = self._statements_in(text, piece.paragraph) if self._may_hold_statement(text) else []
        if not found:
            self._note_convention(text)
            self._report_unread(text, piece.paragraph)
            if heading_unit is not None and not heading_unit.found:
                heading_unit.piece, heading_unit.heading = piece, False  # the item's text, after its title
            elif (item := self._titled_item()) is not None:
                item.piece = item.piece.followed_by(piece)  # 一、…（责任单位：县教育局） / its paragraphs
                item.heading = False
            elif (row := self._open_row()) is not None:
                row.piece = row.piece.followed_by(piece)  # 行政村灾害信息覆盖率 / 达到100% / 水利局
            else:
                self._new_unit(piece)
            return
        self._units_of(piece, found, heading_unit)

    def _open_row(self) -> _Unit | None:
        """The row whose text cells are being read, in a table written one cell per line.

        Where the rows carry no number and end with their cell of bodies, the text cells before
        that cell are one row's (``行政村灾害信息覆盖率`` / ``达到100%`` / ``水利局``).
        """
        table, unit = self.table, self.units[-1] if self.units else None
        if (
            table is None
            or table.separator is not None
            or table.new_row
            or table.leading
            or not table.trailing
            or unit is None
            or not unit.row
            or unit.cells
            or unit.found
        ):
            return None
        return unit

    def _units_of(self, piece: _Piece, found: list[_Found], heading_unit: _Unit | None) -> None:
        """Cut `piece` at its statements into units, each statement attached to its text."""
        cursor = 0
        opened: _Unit | None = None  # the unit a statement opening its text started
        opened_start = 0  # where the text of that unit starts
        made: list[_Unit] = []
        titled: _Unit | None = None  # the item whose title a statement right after it closed
        previous: _Found | None = None  # the statement before `item`
        for item in found:
            segment = piece.cut(cursor, item.start, _EDGES, _TEXT_END)
            if item.attach == "before":
                heading = heading_unit or self._bare_heading()
                text_after = piece.text[item.end :].strip(_EDGES + CLOSE)
                if (
                    not segment.text
                    and not made
                    and heading is not None
                    and not heading.found
                    and text_after
                    and not heading.text.endswith(("。", "；", ";"))
                ):
                    # 一、治理畜牧业产品污染 / 由省经贸委承办，…协办。治理工作目标：…: the statement is
                    # the section's, and the text after it, up to the next statement, its own (a
                    # title that is a sentence, 一、解决…问题。（…）, is the item's text itself)
                    heading.add(item)
                    heading.heading = False
                    opened, opened_start = heading, item.end
                    made.append(heading)
                elif opened is not None:
                    if segment.text:
                        opened.piece = piece.cut(opened_start, item.start, _EDGES, _TEXT_END)
                    opened.add(item)
                    opened = None
                elif segment.text:
                    unit = self._new_unit(segment)
                    unit.add(item)
                    made.append(unit)
                elif made:  # statements side by side: （牵头单位：X）（配合单位：Y）
                    made[-1].add(item)
                elif heading_unit is not None:  # （省发改委负责） right after an item's title
                    heading_unit.add(item)
                    titled = heading_unit
                    titled.titled = True  # its paragraphs with no statement of their own are its words
                else:  # a statement opening a paragraph closes the text before it
                    self._attach_to_last(item, alone=not piece.text[item.end :].strip(_EDGES + CLOSE))
            elif len(found) == 1 and segment.text and heading_unit is not None and not heading_unit.found:
                # 1、进社区宣讲队。以社区居民为主，…组队。由社区居委会负责组建…: the one statement of a
                # numbered item, opening its last sentences, answers for the whole item
                heading_unit.piece, heading_unit.heading = piece, False
                heading_unit.add(item)
                made.append(heading_unit)
                cursor = len(piece.text)
                continue
            else:
                if segment.text:
                    if opened is not None:
                        opened.piece = piece.cut(opened_start, item.start, _EDGES, _TEXT_END)
                    elif previous is not None and _goes_on_after(piece.text, previous, made):
                        made[-1].piece = made[-1].piece.followed_by(segment)  # 由A牵头，会同B，建立…。
                    else:
                        self._new_unit(segment)
                opened = self._new_unit(piece.cut(item.end, len(piece.text), _EDGES, _TEXT_END))
                opened.add(item)
                opened_start = item.end
                made.append(opened)
            cursor, previous = item.end, item
        tail = piece.cut(cursor, len(piece.text), _EDGES, _TEXT_END)
        closed = not tail.text.strip(_EDGES + CLOSE)
        if heading_unit is not None and len(made) == 1 and made[0].found and closed:
            # 一、…补助（责任单位：县教育局）, the statement right after the title (no stop between):
            # the paragraphs after it are the item's words
            made[0].titled = not made[0].text.endswith(("。", "；", ";"))
        if opened is not None:
            opened.piece = piece.cut(opened_start, len(piece.text), _EDGES, _TEXT_END)
        elif (item_unit := self._item_closed_by(heading_unit, titled, made)) and tail.text.strip(
            _EDGES + CLOSE
        ):
            # （三）道路交通安全专项整治，由公安、交通部门负责。要继续加大…: the statement closing the
            # item's title covers the item's words after it
            item_unit.piece = item_unit.piece.followed_by(tail)
            item_unit.heading = False
        elif tail.text.strip(_EDGES + CLOSE) and _goes_on_after(piece.text, found[-1], made):
            # 关于…问题，由A负责，抓紧做好…: the sentence goes on after the clause naming who acts
            made[-1].piece = made[-1].piece.followed_by(tail)
        elif tail.text and tail.text.strip(_EDGES + CLOSE):
            self._new_unit(tail)
        elif tail.text:
            self._report(
                piece.paragraph.last_line,
                "text-after-annotation",
                f"text after the annotation belongs to no task: '{tail.text[:30]}'",
            )

    def _titled_item(self) -> _Unit | None:
        """The last unit if it is the open item whose title closed with its statement, else None."""
        if not self.units or self.table is not None:
            return None
        last = self.units[-1]
        return last if last.titled and last.sections == tuple(self.path.values()) else None

    @staticmethod
    def _item_closed_by(heading_unit: _Unit | None, titled: _Unit | None, made: list[_Unit]) -> _Unit | None:
        """The unit of a numbered item's title when the only statement of its paragraph closed it.

        Not a unit whose text is a whole sentence before the statement (``…积极引导市场预期。
        （牵头单位：县发改局）常态化推进…``): the text after that statement is a task of its own.
        """
        if heading_unit is None:
            return None
        if titled is not None and not made:
            return titled
        if len(made) == 1 and not made[0].text.endswith(("。", "；", ";")):
            return made[0]
        return None

    def _bare_heading(self) -> _Unit | None:
        """The last unit, if it is a heading with no text of its own yet."""
        last = self.units[-1] if self.units else None
        return last if last is not None and last.heading else None

    def _may_hold_statement(self, text: str) -> bool:
        """Whether `text` can hold a statement at all.

        It can with a bracket, a colon, a role word (most can), or words after its last stop and a
        space.
        """
        return (
            bool(_BRACKET_OR_COLON.search(text))
            or self._role_word.search(text) is not None
            or _TRAILING_CELL.search(text) is not None
            or _SPACED_CELLS.search(text, 1) is not None
            or (_DUTY_GAP.match(text) is not None and self._in_duty_list())
            or self.subject_run  # 市质监局 综合协调…: a body doing its work, beside others doing theirs
        )

    def _statements_in(self, text: str, paragraph: Paragraph) -> list[_Found]:
        """The statements in `text`: in brackets, after a label, opening or closing a sentence."""
        found: list[_Found] = []
        label = self.reader.leading_label(text)
        limit = len(text)
        # fields after the text; not a label inside a bracket (…的建议(第3号。牵头单位：A))
        if label is not None and label.start() > 0 and not bracket_depth(text[: label.start()]):
            limit = label.start()
        spans, unclosed = scan_brackets(text[:limit])
        for start, end in spans:
            item = self._bracketed(text, start, end, paragraph)
            if item is not None:
                found.append(item)
        if unclosed is not None:
            item = self._bracketed(text, unclosed, limit, paragraph, closed=False)
            if item is not None:
                found.append(item)
        position = limit
        while position < len(text):  # labelled fields: each ends where items run on after a stop
            run_on = _RUN_TOGETHER.search(text, position)
            end = run_on.start() + 1 if run_on is not None else len(text)
            end = self._field_end(text, position, end)
            content = text[position:end].strip(_EDGES)
            statement = self.reader.read(content)
            if statement.names or statement.officials or statement.deadline:
                line = paragraph.line_at(end - 1)
                found.append(_Found(position, end, statement, content, None, "before", line))
            following = self.reader.leading_label(text[end:]) if end < len(text) else None
            if following is None:
                break
            position = end + following.start()
        found.extend(self._named_for_tasks(text, found, paragraph))
        found.extend(self._topic_clauses(text, found, paragraph))
        found.extend(self._closing_sentences(text, found, paragraph))
        found.extend(self._opening_sentences(text, found, paragraph))
        if not found:
            found.extend(self._trailing_cell(text, paragraph))
        if not found:
            found.extend(self._spaced_cells(text, paragraph))
        return sorted(found, key=lambda item: item.start)

    def _named_for_tasks(self, text: str, found: list[_Found], paragraph: Paragraph) -> list[_Found]:
        """Clauses naming bodies as the lead of a task the clause names: ``A为<task>牵头单位``.

        ``县民政局为康乐年华养老服务中心火灾隐患整改牵头单位,泷泊镇人民政府和县消防大队为责任单位``: A
        leads the task between 为 and the label; a clause right after it naming bodies for another
        label (``B和C为责任单位``) gives the task's other bodies.
        """
        named: list[_Found] = []
        for match in self._named_for.finditer(text):
            if any(item.start < match.end() and item.end > match.start() for item in found):
                continue
            statement = self.reader.read(match.group("bodies"), label=match.group("label"))
            if not _whole_statement(statement) or not self.reader.names_of(
                match.group("bodies"), strict=True
            ):
                continue
            line = paragraph.line_at(match.start())
            named.append(
                _Found(match.start(), match.start("task"), statement, match.group(), None, "after", line)
            )
            others = self._named_as.match(text, match.end())
            if others is not None:
                more = self.reader.read(others.group("bodies"), label=others.group("label"))
                if _whole_statement(more):
                    named.append(
                        _Found(match.start("label"), others.end(), more, others.group(), None, "before", line)
                    )
        return named

    def _spaced_cells(self, text: str, paragraph: Paragraph) -> list[_Found]:
        """Cells of bodies set off by spaces after each row's last stop, in a table run on without numbers.

        ``…公开曝光。 县委宣传部 持续开展 负责大气污染…考核工作。 县交通 运输局 12月底前完成…``: after a
        stop (or at the paragraph's start) and spaces, the names (one may be broken by a space) and a
        deadline close the row before them. Two rows at least must be found so in the paragraph.
        """
        found: list[_Found] = []
        for match in _SPACED_CELLS.finditer(text):
            tokens = [token.group() for token in _TOKEN.finditer(text, match.end())]
            names: list[str] = []
            end, position, rest = match.end(), 0, ""
            while position < len(tokens) and not rest:
                word, used = tokens[position], 1
                joined = word + tokens[position + 1] if position + 1 < len(tokens) else ""
                if joined and len(self.reader.names_of(_before_figure(joined)[0], strict=True) or []) == 1:
                    word, used = joined, 2  # 县交通 运输局: a name broken by a space
                word, rest = _before_figure(word)  # 县五城办7月底前制定: the space before a figure is gone
                if not self.reader.names_of(word, strict=True):
                    break
                names.append(word)
                end = _end_of(text, end, word)
                position += used
            if not names:
                continue
            statement = self.reader.read("、".join(names))
            deadline = rest or (tokens[position] if position < len(tokens) else "")
            if deadline and self.lexicon.is_deadline(deadline):
                statement.deadline = deadline
                end = _end_of(text, end, deadline)
            line = paragraph.line_at(match.end())
            found.append(_Found(match.end(), end, statement, text[match.end() : end], None, "before", line))
        return found if len(found) >= _SPACED_ROWS else []

    def _field_end(self, text: str, start: int, end: int) -> int:
        """Where a labelled field from `start` ends: at a full stop that no label follows, else `end`.

        ``责任主体：市编办。执行对象。…`` ends after 市编办。, since what follows is neither a label
        the lexicon knows nor a sentence that only names bodies and roles (a remark such as
        ``其中，…进度较慢的为舒城县`` names bodies among other words); ``责任单位：A。完成时限：…`` and
        ``责任单位：A。各县区政府负责落实。`` run on.
        """
        for stop in _sentence_ends(text[:end]):
            if stop <= start or stop >= end or text[stop] != "。":
                continue
            rest = text[stop + 1 : end].lstrip(_SPACE)
            if not rest or self.reader.label_colon.match(rest) is not None:
                continue
            sentence = self.reader.read(rest[: _sentence_end(rest, 0)])
            if not sentence.names or sentence.unread:  # 其中，…较慢的为舒城县、金安区: a remark, no duty
                return stop + 1
        return end

    def _trailing_cell(self, text: str, paragraph: Paragraph) -> list[_Found]:
        """Bodies alone after the task's last stop and a space: the last cell of a row written on a line.

        ``1 地区生产总值增长7%以上。 发改委`` (a table's row whose header is not in the text): the names
        must be bodies by their endings, and nothing else may stand there.
        """
        match = _TRAILING_CELL.search(text)
        if match is None or not text[: match.start()].strip(_EDGES):
            return []
        cell = match.group("cell")
        statement = self.reader.read(cell)
        if not statement.names or statement.unread or statement.weak or statement.officials:
            return []
        start = match.start("cell")
        return [_Found(start, len(text), statement, cell, None, "before", paragraph.line_at(start))]

    def _closes_item_with_offices(self, text: str, start: int, end: int, statement: Statement) -> bool:
        """Whether a bracket after an item's last stop names offices alone (``…左右。（工资处、就管中心）``).

        Names that only a weak ending makes bodies (``处``, ``中心``) count in a bracket that stands
        after the item's full stop and closes it (so it cannot be another name of the words before
        it: ``琼海项目（博鳌国宾馆）。``), if every one ends like an office, not a town or a zone.
        """
        before = text[:start].rstrip(_SPACE)
        if text[end:].strip(_EDGES + CLOSE) or (before and not before.endswith(("。", "；", ";"))):
            return False  # (nothing before: the bracket follows its item's title, 5.…左右。 （工资处）)
        return all(
            (ending := self.lexicon.ending_pattern.search(named.name)) is not None
            and self.lexicon.ending_kinds.get(ending.group()) == "department"
            for named in statement.names
        )

    def _bracketed(
        self, text: str, start: int, end: int, paragraph: Paragraph, *, closed: bool = True
    ) -> _Found | None:
        content = text[start + 1 : end - 1 if closed else end].strip(_SPACE)
        if not content:
            return None
        content = self.reader.with_label_colon(content)  # （责任单位；住建局…）
        statement = self.reader.read(content)
        labelled = self.reader.label_colon.match(content.lstrip(_SPACE + _SYMBOLS)) is not None
        if not statement.names and not statement.standing and not labelled:
            if statement.rule is not None:
                self._note_convention(statement.rule)
            elif statement.role_words and statement.unread and closed:  # (健康中国行动推进办负责)
                message = f"'{content[:30]}' has a role word but names no body it knows; left out"
                self._report(paragraph.line_at(start), "unread-annotation", message)
            return None
        if not labelled:
            if statement.role_words:
                if len(statement.unread) > len(statement.names) // 2:
                    return None
            elif (
                statement.unread
                or not (_ends_clause(text, end) or _after_stop(text, start))
                or (
                    statement.weak
                    and not self._closes_item_with_offices(text, start, end, statement)
                    and not (_after_stop(text, start) and len(statement.names) > statement.weak)
                )
            ):  # (a bracket right after a full stop closes that sentence: …。(应急中心、固体司)定期公布…)
                return None
            elif start == 0 and text[end:].strip(_EDGES):
                return None  # 【发布部门】 湖北省…: a field name before its value
            elif self._names_the_word_before(text[:start], statement):
                return None
        label = self.reader.label_colon.match(content)
        return _Found(
            start,
            end,
            statement,
            content,
            self.reader.label_of(label) if label else None,
            "before",
            paragraph.line_at(start),
            closed,
        )

    def _names_the_word_before(self, before: str, statement: Statement) -> bool:
        """Whether a bracket of names says who the body's name before it is, not who does the task.

        One name is another name of that body (``东太湖度假区管理办（太湖新城管委会）``); several
        spell out a group (``共7个牵头单位（区住建局、区城管局、…）``). Several after one body's name
        are the task's (``…办好市中小企业信用担保中心（财政局、国税局、地税局…）``).
        """
        ending = self.lexicon.ending_pattern.search(before)
        if ending is None:
            return False
        return len(statement.names) == 1 or self.lexicon.ending_kinds.get(ending.group()) == "collective"

    def _topic_clauses(self, text: str, found: list[_Found], paragraph: Paragraph) -> list[_Found]:
        """Clauses of one sentence that each give a topic and who does it: each topic is a task.

        ``查处取缔“黑网吧”由市工商局牵头，查处取缔“黑歌厅”由市文化局牵头，相关成员单位配合。``: two
        clauses or more that each name a topic and then, from ``由`` on, its bodies and a role word;
        clauses after the last that name bodies with a role word (``相关成员单位配合``) belong to
        every topic.
        """
        topics: list[_Found] = []
        for sentence_start, _, stop in _sentences_unread(text, found):
            starts = _clause_starts(text, sentence_start, stop)
            clauses = [
                (clause_start, (starts[index + 1] - 1) if index + 1 < len(starts) else stop)
                for index, clause_start in enumerate(starts)
            ]
            opened = [(clause, self._topic_agent(text, *clause)) for clause in clauses]
            with_topic = [(clause, agent) for clause, agent in opened if agent is not None]
            if len(with_topic) < 2:
                continue
            last_end = with_topic[-1][0][1]
            tail = text[last_end + 1 : stop].strip(_EDGES)
            shared = self.reader.read(tail) if tail else None
            if shared is not None and not (_firm(shared) and not shared.unread):
                continue  # words after the last topic that are no statement: not a list of topics
            for (_, clause_end), agent in with_topic:
                content = text[agent:clause_end].strip(_EDGES)
                statement = self.reader.read(f"{content}，{tail}" if shared is not None else content)
                end_here = stop if clause_end == last_end else clause_end
                line = paragraph.line_at(agent)
                topics.append(_Found(agent, end_here, statement, content, None, "before", line))
        return topics

    def _topic_agent(self, text: str, start: int, end: int) -> int | None:
        """Where a clause's statement opens at a word naming who acts after its topic, if it does."""
        for agent in self.lexicon.opening_agents:
            position = text.find(agent, start + 1, end)
            if position > start and text[start:position].strip(_EDGES):
                clause = text[position:end].strip(_EDGES)
                if self.reader.verb_at_end(clause) is not None and _firm(self.reader.read(clause)):
                    return position
        return None

    def _closing_sentences(self, text: str, found: list[_Found], paragraph: Paragraph) -> list[_Found]:
        """Clauses closing a sentence that name bodies with a role word: ``…。A牵头，B配合。``.

        Each sentence is looked at; its closing clauses, or the end of its last clause from ``由`` on
        (``推进旅游合作由县旅游局牵头负责；``), are a statement closing the text before it.
        """
        closing: list[_Found] = []
        for sentence_start, end, stop in _sentences_unread(text, found):
            if stop <= sentence_start or (
                end < len(text) and text[end] in "？?"
            ):  # a question states nothing
                continue
            item = self._closing_clauses(text, sentence_start, stop, paragraph)
            if item is not None:
                closing.append(item)
        return closing

    def _closing_clauses(self, text: str, start: int, end: int, paragraph: Paragraph) -> _Found | None:
        starts = _clause_starts(text, start, end)
        last, last_end = len(starts) - 1, end
        while last > 0 and self.lexicon.is_deadline(text[starts[last] : last_end].strip(_EDGES)):
            last, last_end = last - 1, starts[last] - 1  # …按职责分工负责，12月底前完成。
        last_clause = text[starts[last] : last_end]
        if self.reader.verb_at_end(last_clause) is None and not any(
            w in last_clause for w in self.lexicon.infixes
        ):
            return self._agent_between(text, starts, end, paragraph)
        best: tuple[int, Statement] | None = None
        for boundary in reversed(starts):
            statement = self.reader.read(text[boundary:end])
            if _firm(statement) or (boundary == start and _whole_statement(statement)):
                best = (boundary, statement)
            elif statement.unread or (statement.names and not statement.weak):
                break  # (names only a weak ending makes bodies' may still open a whole statement)
        # 推进旅游合作由县旅游局牵头负责: the statement opens at 由, in the last clause or in the one
        # before the clauses read (此项工作由省政府办公厅主办，省政府法制办…协办)
        opened = starts.index(best[0]) - 1 if best is not None else last
        if opened >= 0:
            clause_start = starts[opened]
            clause = text[clause_start : best[0] if best is not None else last_end]
            for agent in self.lexicon.agents:
                position = clause.rfind(agent)
                if position > 0:
                    statement = self.reader.read(text[clause_start + position : end])
                    if _firm(statement):
                        best = (clause_start + position, statement)
                        break
        if best is None:
            return None
        boundary, statement = best
        return _Found(
            boundary, end, statement, text[boundary:end], None, "before", paragraph.line_at(boundary)
        )

    def _agent_between(self, text: str, starts: list[int], end: int, paragraph: Paragraph) -> _Found | None:
        """A clause naming who acts between a sentence's topic and its work: the topic's statement.

        ``关于2016年冬季退役士兵安置问题，由县人社局、民政局、编办负责，抓紧做好安置工作``: the clause
        from ``由`` to its verb closes the topic; the work after it goes on with the same task.
        """
        for index in range(1, len(starts)):
            if text[starts[index - 1] : end].lstrip(_EDGES).startswith(self._word_frames):
                return None  # 会议决定，由A牵头，…: a frame, not a topic (《…》 names the topic itself)
            clause_end = (starts[index + 1] - 1) if index + 1 < len(starts) else end
            clause = text[starts[index] : clause_end].strip(_EDGES)
            if not clause.startswith(self.lexicon.opening_agents) or self.reader.verb_at_end(clause) is None:
                continue
            following = index + 1
            while following < len(starts) and self._joined_by_infix(
                text[
                    starts[following] : (starts[following + 1] - 1) if following + 1 < len(starts) else end
                ].strip(_EDGES)
            ):  # …，由市交通委牵头，会同市总工会、…等部门和单位，建立…: the bodies it joins too
                following += 1
                clause_end = (starts[following] - 1) if following < len(starts) else end
                clause = text[starts[index] : clause_end].strip(_EDGES)
            statement = self.reader.read(clause)
            if _firm(statement):
                line = paragraph.line_at(starts[index])
                return _Found(starts[index], clause_end, statement, clause, None, "before", line)
        return None

    def _opening_sentences(self, text: str, found: list[_Found], paragraph: Paragraph) -> list[_Found]:
        """Clauses opening a sentence that name bodies with a role word, followed by the task.

        ``由X副市长负责，A牵头，相关部门配合，尽快完成…``; ``交通部门，负责通村公路…``; after the
        topic of the sentence, from ``由`` on: ``专项资金由主管部门牵头，财政部门配合在6月底前提出…``.
        """
        opened: list[_Found] = []
        between = [
            item
            for item in found
            if item.attach == "before" and item.content.startswith(self.lexicon.opening_agents)
        ]
        for start in _sentence_starts(text):
            start += len(text[start:]) - len(text[start:].lstrip(_SPACE))
            if any(item.start <= start < item.end for item in found):
                continue
            start = self._after_leading_word(text, _after_leading_bracket(text, start))
            end = _sentence_end(text, start)
            if any(item.statement.names and item.start > start and item.end <= end for item in between):
                continue  # 关于…问题，由A负责，抓紧…: the clause between topic and work was read
            best = (
                self._opening_statement(text, start, end)
                or self._subject_and_verb(text, start, end)
                or self._subject_after_framing(text, start, end)
                or self._agent_and_verb(text, start, end)
            )
            if best is None:
                best = self._body_and_colon(text, start, end, listed=self._in_duty_list())
            if best is None and self.subject_run and not found and not text[:start].strip(_EDGES):
                best = self._subject_in_run(text, start)
            if best is None:
                best = self._relative_statement(text, start, end)
            if best is None:
                stop = self._body_and_stop(text, start, end)
                if stop is not None:  # the duties are the sentences after it
                    boundary, statement = stop
                    line = paragraph.line_at(start)
                    opened.append(_Found(start, boundary, statement, text[start:end], None, "after", line))
                    continue
            if best is None:
                request = self._request(text, start, end)
                if request is not None:  # the task: the sentence's words before the request
                    position, statement = request
                    line = paragraph.line_at(position)
                    content = text[position:end].strip(_EDGES)  # 请县财政局按…修改完善，交…讨论。
                    opened.append(_Found(position, end, statement, content, None, "before", line))
                    continue
            if best is None:
                start = self._agent_after_topic(text, start, end)
                if start < 0 or any(item.start < end and item.end > start for item in found):
                    continue
                best = self._opening_statement(text, start, end) or self._agent_and_verb(text, start, end)
            if best is None:
                continue
            boundary, statement = best
            if len(_CJK.findall(text[boundary:end])) < 4:
                continue
            opened.append(
                _Found(
                    start,
                    boundary,
                    statement,
                    text[start:boundary].strip(_EDGES),
                    None,
                    "after",
                    paragraph.line_at(start),
                )
            )
            opened.extend(self._clauses_sharing_out(text, boundary, end, paragraph))
        return opened

    def _clauses_sharing_out(self, text: str, start: int, end: int, paragraph: Paragraph) -> list[_Found]:
        """Later clauses of a sentence that each open with bodies and their verb: tasks of their own.

        ``由县财政局牵头，通过“一事一议”项目进行建设，县交通局、县林业局分别负责做好…工作，县路灯管理所
        负责做好路灯架设的技术指导``: a meeting's decision shares the work out clause by clause.
        """
        shared: list[_Found] = []
        position = start
        for clause in _clause_starts(text, start, end)[1:]:
            if clause < position:
                continue
            found = self._subject_and_verb(text, clause, end)
            if found is None:
                continue
            boundary, statement = found
            content = text[clause:boundary].strip(_EDGES)
            line = paragraph.line_at(clause)
            shared.append(_Found(clause, boundary, statement, content, None, "after", line))
            position = boundary
        return shared

    def _after_leading_word(self, text: str, start: int) -> int:
        """Where a statement opens after a word and a colon heading its sentence, else `start`.

        ``整改要求：由县环卫站负责清除…``: the word before the colon says what the sentence is, and
        the statement opens at the word naming who acts (``由``), or at the bodies a role verb follows
        (``政府职责：各旗县区政府负责…``).
        """
        colon = _COLON.search(text, start, start + _LEADING_WORD + 1)
        if colon is None or any(mark in text[start : colon.start()] for mark in _CLAUSE_BREAK):
            return start
        after = colon.end() + len(text[colon.end() :]) - len(text[colon.end() :].lstrip(_SPACE))
        if text.startswith(self.lexicon.opening_agents, after):
            return after
        word = text[start : colon.start()].strip(_EDGES)
        if self.reader.names_of(word, strict=False):  # 市商务局：会同…负责: the body of a duty list
            return start
        return after if self._subject_and_verb(text, after, _sentence_end(text, after)) is not None else start

    def _opening_statement(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """The clauses from `start` that are a statement, and where the task after them starts."""
        clauses = [*_clause_starts(text, start, end)[1:], end]
        best: tuple[int, Statement] | None = None
        agent = text[start:end].lstrip(_EDGES).startswith(self.lexicon.opening_agents)
        clause_start = start
        for boundary in clauses:
            head = text[start:boundary].strip(_EDGES)
            clause, clause_start = text[clause_start:boundary].strip(_EDGES), boundary
            members = agent and best is not None  # 由A牵头，B、C等部门，D等组成: members over clauses
            if not head or not (
                self.reader.verb_at_end(head)
                or self.reader.names_of(clause, strict=not members)
                or (best is not None and self._joined_by_infix(clause))  # 由A牵头，会同B、C等部门，…
            ):
                break
            statement = self.reader.read(head)
            if (
                _firm(statement)
                or (agent and best is not None and _whole_statement(statement))
                or self._led_by_a_sure_name(statement)
            ):
                # 由市政府办公厅牵头，公安局、信息中心等单位组成: after 由A牵头 a weakly named member counts
                best = (boundary, statement)
            elif statement.names and not statement.unread and not statement.weak and boundary < end:
                verb = self.reader.verb_at_start(text[boundary:].lstrip(_EDGES))
                if verb is not None and verb.role in ("lead", "responsible") and best is None:
                    best = (boundary, self.reader.read(head + verb.text))
                break
            elif not statement.officials or statement.unread:
                break
        if best is not None and best[0] < end:  # …牵头，财政部门配合在6月底前提出…: one more clause
            boundary = best[0]
            subject = self._subject_clause(text, boundary, end)
            if subject is not None:
                head = text[start:boundary].strip(_EDGES) + "，" + text[boundary:subject].strip(_EDGES)
                statement = self.reader.read(head)
                if _firm(statement) and not statement.unread:
                    best = (subject, statement)
        return best

    def _opening_infix(self, text: str) -> str | None:
        """The word joining bodies to those before it (``会同``) that `text` opens with, if any."""
        return next((word for word in self.lexicon.infixes if text.startswith(word)), None)

    def _joined_by_infix(self, clause: str) -> bool:
        """Whether `clause` opens with a word joining bodies to those before it and names them.

        ``会同市总工会、市发展改革委等部门和单位`` after ``由市交通委牵头``: the bodies it joins support.
        """
        infix = self._opening_infix(clause)
        return infix is not None and bool(self.reader.names_of(clause[len(infix) :], strict=True))

    def _led_by_a_sure_name(self, statement: Statement) -> bool:
        """Whether a statement of names and role words only opens with a surely named body.

        It gives roles to others beside it: ``救灾司救灾处会同备灾处负责`` (the office after 会同
        weakly named).
        """
        return (
            _whole_statement(statement)
            and statement.role_words >= 2
            and body_strength(statement.names[0].name, self.lexicon, self.registry) in ("known", "strong")
        )

    def _request(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """A clause asking bodies to do what follows it, with no role word: where it starts.

        ``会议原则同意…，请县财政局按会议讨论意见作进一步修改完善``: minutes of a meeting give the
        work they agree on so. The bodies must be named one by one; a group asked to act
        (``请各责任单位抓好落实``) is a notice's exhortation.
        """
        if not any(agent in text[start:end] for agent in self.lexicon.requests):
            return None
        for clause in _clause_starts(text, start, end):
            position = clause + len(text[clause:end]) - len(text[clause:end].lstrip(_EDGES))
            agent = next((a for a in self.lexicon.requests if text.startswith(a, position)), None)
            if agent is None:
                continue
            opening = position + len(agent)
            boundary = self._names_at(text, opening, end)
            names = self.reader.names_of(text[opening:boundary], strict=True) if boundary else None
            if names and all(self._named_in_full(name) for name in names):  # not 请各责任单位抓好落实
                return position, self.reader.read(text[opening:boundary])
        return None

    def _named_in_full(self, name: str) -> bool:
        """Whether a name is a body's own, opening with its level or place (``县财政局``), or known."""
        if self.lexicon.collective.search(name):
            return False
        return bool(
            level_prefix(name, self.lexicon)
            or starts_with_place(name, self.lexicon)
            or self.registry.knows(name)
        )

    def _body_and_stop(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """A sentence that only names bodies, before their duties opening with a role verb.

        ``各组成单位及其职责如下：县环保局。负责对全县秸秆禁烧工作实施统一监督…``: a full stop
        written for the colon of a duty list.
        """
        if end >= len(text) or text[end] != "。":
            return None
        verb = self.reader.verb_at_start(text[end + 1 :].lstrip(_EDGES))
        if verb is None or verb.role not in ("lead", "responsible"):
            return None
        start = max(
            start, text.rfind("：", start, end) + 1, text.rfind(":", start, end) + 1
        )  # …如下：县环保局。
        head = text[start:end].strip(_EDGES)
        if not head or _length(head) > _DUTY_HEAD_LENGTH or not self.reader.names_of(head, strict=True):
            return None
        statement = self.reader.read(head + verb.text)
        return (end + 1, statement) if _whole_statement(statement) else None

    def _relative_statement(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """``由镇公路站负责的农村道路硬化项目，…``: the bodies who answer for the thing the clause names."""
        match = self._relative.match(text, start, end)
        if match is None:
            return None
        statement = self.reader.read(match.group()[:-1])
        return (match.end(), statement) if _whole_statement(statement) else None

    def _page_body(self, title: str) -> Statement | None:
        """The body a page is about, when its first line is that body's name alone (a 三定 page)."""
        names = self.reader.names_of(title, strict=True)
        if names != [title] or self.lexicon.collective.search(title):
            return None  # not 国务院有关部门, the addressees
        statement = self.reader.read(title + "负责")
        return statement if _firm(statement) else None

    def _subject_opening(self, text: str) -> int | None:
        """Where a paragraph's opening name of bodies ends, when its work follows (``县交通局协助…``).

        The name is surely a body's (:meth:`StatementReader.names_of`, strict), and a word goes on
        from it (not ``市发改委要…``, an exhortation, nor ``市发改委、`` or ``市发改委：``).
        """
        heading = match_heading(text, self.lexicon)
        offset = heading[1].start("rest") if heading is not None else 0
        rest = text[offset : offset + _DUTY_HEAD_LENGTH]
        if self.reader.verb_at_start(rest) is not None or rest.startswith(tuple(self.lexicon.infixes)):
            return None  # 配合有关部门组织…: the work opens the line, no body does
        if heading is not None and self._role_of_title(heading[1].group("rest").strip(_EDGES)) is not None:
            return None  # （三）省编办牵头的工作: a heading over the body's items
        strengths = [self._name_strength(rest[:end]) for end in range(len(rest) + 1)]
        for end in range(2, len(rest)):  # the first whole name: its list may go on (省国土资源厅、省统计局)
            longer = strengths[end + 1 : end + _LONGEST_ENDING + 1]
            if strengths[end] is None or any(s is not None and s != "weak" for s in longer):
                continue  # 各有关部 goes on as 各有关部门, 省监察委 as 省监察委员会 (县交通局协 is weak)
            after = text[offset + end :].lstrip(_SPACE)[:1]  # 市卫生局 组织…: a table's cells, spaces between
            if not _CJK.match(after) or after in self.lexicon.not_after_subject:
                continue
            listed = self.reader.names_of(rest[:end], strict=True) or []
            if all(name.startswith("各") or self._named_outright(name) for name in listed):
                return offset + end  # whose bodies they are (县交通局), not 协调各成员单位, 熊培元市委
            return None
        return None

    def _name_strength(self, text: str) -> str | None:
        """How surely `text` is a list of bodies' names: the strength of the ending it closes with.

        None when it is no such list; ``weak`` for an ending that is often a word's last character
        (``协`` of 科协, in 县交通局协助…).
        """
        ending = self.lexicon.ending_pattern.search(text) if len(text) > 1 else None
        if ending is None or not self.reader.names_of(text, strict=True):
            return None
        return next(strength for name, _, strength in self.lexicon.endings if name == ending.group())

    def _subject_in_run(self, text: str, start: int) -> tuple[int, Statement] | None:
        """The body opening a paragraph in a run of paragraphs that each open with a body doing its work.

        A plan's list of departments' duties written as sentences (``县财政局负责安排…`` /
        ``县交通局协助卫生行政部门…`` / ``县旅游局组织做好…``): the body named first answers for its
        paragraph's work, whatever its verb.
        """
        if any((s.key, s.line) in self.section_roles for s in self.path.values()):
            return None  # 十三、市安全生产监督管理局 / 1.指导全市各级安监部门…: the heading names the body
        end = self._subject_opening(text[start:])
        verb = self.reader.verb_at_start(text[start + end :]) if end is not None else None
        if end is None or (verb is not None and text[start + end + len(verb.text) :].startswith("的")):
            return None  # 省审计厅牵头的工作: a heading over the body's items
        head = text[start : start + end]
        statement = self.reader.read(head + "负责")
        return (start + end, statement) if _firm(statement) else None

    def _body_and_colon(
        self, text: str, start: int, end: int, *, listed: bool
    ) -> tuple[int, Statement] | None:
        """A body's name and a colon opening a line of a duty list, followed by its duties.

        ``区委宣传部：制订宣传工作方案，…``: the body is responsible for the duties after the colon;
        a role verb opening them gives its role instead (``市城管局：配合做好…``: support). A label
        (``牵头单位：``, ``完成时限：``) or a word that is not a body's name before the colon is not.
        Outside a list announced as one (`listed`), the duties must open with a role verb
        (``卫生部：负责组织制定…``).
        """
        colons = [i for i in (text.find("：", start, end), text.find(":", start, end)) if i >= 0]
        gap = self._duty_gap(text, start, end) if listed else None
        if gap is not None:  # 办公室  组织、协调…: in a duty list, spaces set the body off
            colons.append(gap.end("head"))
        if not colons:
            return None
        colon = min(colons)
        head = text[start:colon].strip(_EDGES + _SYMBOLS)
        opening = self.reader.verb_at_start(text[colon + 1 : end].lstrip(_EDGES))
        opens_with_verb = opening is not None and opening.role != "support"  # not 项目组：参加形式不限
        if (
            (listed or opens_with_verb)
            and self._is_team(head)
            and not self.reader.names_of(head, strict=False)
        ):
            # in a list of duties, or before a role verb, a working group answers for them: 抢险救助组：负责…
            return colon + 1, Statement(names=[NamedBody(head, 1, 1, self._responsible)], role_words=1)
        if head and not self.reader.names_of(head, strict=not listed):
            duties = self._role_of_title(head)  # 工商部门职责：依法确认…: the body before 职责
            head = "、".join(named.name for named in duties.names) if duties is not None else ""
            listed = listed or duties is not None  # its duties follow, with a role verb or not
        if (
            not head
            or _length(head) > _DUTY_HEAD_LENGTH
            or any(mark in head for mark in _CLAUSE_BREAK)  # 为此，市环保局：a sentence, not a name
            or self.reader.label_colon.match(head + "：") is not None
        ):
            return None
        verb = self.reader.verb_at_start(text[colon + 1 : end].lstrip(_EDGES))
        if verb is None and not listed:
            return None
        role_word = verb.text if verb is not None and verb.role in ("lead", "support") else "负责"
        statement = self._joined_in_duties(head, text, colon + 1, end) or self.reader.read(head + role_word)
        if not (_firm(statement) or (listed and _whole_statement(statement))):
            return None  # in a list of duties a weakly named office is a body: 法规处  负责…
        return colon + 1, statement

    def _joined_in_duties(self, head: str, text: str, start: int, end: int) -> Statement | None:
        """The statement of duties that open by joining other bodies to the one named (会同…负责).

        ``市商务局：会同市发展改革委负责…``: the body named leads, the bodies it works with support
        (an infix whose left side leads; duties opening with 配合 keep the role of that verb).
        """
        duties = text[start:end].lstrip(_EDGES)
        infix = self._opening_infix(duties)
        if infix is None or self.lexicon.infixes[infix][0].role != "lead":
            return None  # 市政府新闻办：配合…小组组织…: a duty to support, read by its verb as before
        clause = duties[: _first_clause_end(duties, 0, len(duties))]
        verbs = [m for m in self._role_word.finditer(clause) if m.start() > 0]
        for match in verbs:
            statement = self.reader.read(head + clause[: match.end()])
            if _firm(statement) and len(statement.names) > 1:
                return statement
        return None

    def _duty_gap(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The body's name opening a line of a duty list, set off from its duties by spaces.

        Two spaces or more, or an ideographic space (``办公室  组织、协调…``); or one space before a
        role verb (``行政处 负责…``).
        """
        gap = _DUTY_GAP.match(text, start, end)
        if gap is None:
            gap = _DUTY_SPACE.match(text, start, end)
            if gap is not None and self.reader.verb_at_start(text[gap.end() : end]) is None:
                return None
        return gap

    def _agent_after_topic(self, text: str, start: int, end: int) -> int:
        """Where a word naming who acts (``由``) opens a statement after the sentence's topic, or -1.

        The topic is the first clause's opening words (``专项资金由主管部门牵头``), or a whole first
        clause that states a case (``出现生活污染反弹的，由市市政委牵头督促…``).
        """
        clause_starts = _clause_starts(text, start, end)
        clause_end = clause_starts[1] if len(clause_starts) > 1 else end
        # 会议决定由县供电公司负责供电线杆迁移工作: after a frame, the task may follow the verb
        framed = text[start:clause_end].lstrip(_EDGES).startswith(self.lexicon.framing)
        for agent in self.lexicon.agents:
            position = text.find(agent, start + 1, clause_end)
            if position > 0 and (
                framed
                or self.reader.verb_at_end(text[position:clause_end].strip(_EDGES)) is not None
                # 疫区封锁组由市畜牧兽医局负责牵头组织协调有关单位: the verb goes on with the work
                or self._subject_clause(text, position + len(agent), clause_end) is not None
            ):
                return position
        if len(clause_starts) > 1 and text[start:clause_end].rstrip(_EDGES).endswith("的"):
            following = clause_starts[2] if len(clause_starts) > 2 else end
            opening = len(text[:following]) - len(text[clause_end:following].lstrip(_EDGES))
            if text.startswith(self.lexicon.opening_agents, opening):
                return opening
        return -1

    def _agent_and_verb(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """``由`` with bodies and a role verb inside a clause that goes on with the task.

        ``由市市政委牵头督促有关区县人民政府…开展全面排查``: the statement ends with its verb.
        """
        agent = next((a for a in self.lexicon.opening_agents if text.startswith(a, start)), None)
        if agent is None:
            return None
        boundary = self._subject_clause(text, start + len(agent), end)
        if boundary is None:
            return self._agent_and_object(text, start + len(agent), end)
        statement = self.reader.read(text[start:boundary])
        return (boundary, statement) if _firm(statement) else None

    def _agent_and_object(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """The bodies after ``由`` and a word opening what they act on: ``由各指挥部对…指定迁移路由``.

        The bodies must be named one by one or as a group, surely; the task starts at the word.
        """
        clause_end = _first_clause_end(text, start, end)
        for word in self.lexicon.agent_objects:
            position = text.find(word, start + 1, clause_end)
            if position < 0:
                continue
            subject = text[start:position].strip(_EDGES)
            statement = self.reader.read(subject)
            if statement.names and not statement.unread and not statement.weak and not statement.officials:
                return position, statement
        return None

    def _subject_clause(self, text: str, start: int, end: int) -> int | None:
        """Where the task starts in a clause opening with bodies and a role verb (``财政部门配合在…``)."""
        clause_end = _first_clause_end(text, start, end)
        begin = len(text[:clause_end]) - len(text[start:clause_end].lstrip(_EDGES))
        for match in self._role_verbs.finditer(text, begin, clause_end):
            subject = text[begin : match.start()].strip(_EDGES)
            if subject and self.reader.names_of(subject, strict=True):
                return match.end()
        return None

    def _subject_and_verb(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """A clause whose subject is a list of bodies and whose verb leads or answers for the task.

        ``发展改革委、财政部等部门还将负责推动…``: the bodies, with the verb, are the statement; the
        task starts at the verb.
        """
        clause_end = (
            _clause_starts(text, start, end)[1] - 1 if len(_clause_starts(text, start, end)) > 1 else end
        )
        for match in self._subject_verbs.finditer(text, start, clause_end):
            subject = text[start : match.start()].strip(_EDGES)
            if not self.reader.names_of(subject, strict=True):  # 还将负责 (but 管委会负责: a name's 会)
                subject = _ADVERBS.sub("", subject)
            if self._with_others(subject):
                continue
            towns = self._towns(subject)
            leads = self._weak_leads(subject, match.group("verb"))
            if not subject or not (self.reader.names_of(subject, strict=True) or towns or leads):
                continue
            statement = self.reader.read(subject + match.group("verb"))
            task = text[match.end("verb") : end]
            if (_firm(statement) or ((towns or leads) and _whole_statement(statement))) and len(
                _CJK.findall(task)
            ) >= _SUBJECT_TASK_LENGTH:  # not 由A负责监督。
                return match.start("verb"), statement
        return None

    def _with_others(self, subject: str) -> bool:
        """Whether `subject` opens with a word joining names and names bodies after it.

        ``与卫生等有关部门配合做好…``: the bodies are whom the item's own body works with, not a
        subject (but ``和平区`` opens with a place).
        """
        word = self.lexicon.conjunctions.match(subject)
        return word is not None and bool(self.reader.names_of(subject[word.end() :], strict=True))

    def _weak_leads(self, subject: str, verb: str) -> bool:
        """Whether `subject` names bodies that lead (公安消防支队牵头，负责…), though weakly ended."""
        marker = self.lexicon.verbs.get(verb)
        names = self.reader.names_of(subject, strict=False) or []
        kinds = self.lexicon.ending_kinds
        return (
            marker is not None
            and marker.role == "lead"
            and bool(names)
            and all(
                len(name) > 3
                and (ending := self.lexicon.ending_pattern.search(name)) is not None
                and kinds.get(ending.group()) not in ("collective", "township")
                for name in names
            )
        )  # not 宜宾四部门牵头严查…, a headline's count of departments

    def _towns(self, subject: str) -> bool:
        """Whether `subject` lists townships alone (亭子镇、浙水乡负责…), bodies though weakly ended."""
        names = self.reader.names_of(subject, strict=False)
        return bool(names) and all(self._is_town(name) and len(name) > 2 for name in names)

    def _subject_after_framing(self, text: str, start: int, end: int) -> tuple[int, Statement] | None:
        """A clause of bodies and a role verb after clauses that name no body (the purpose, a basis).

        ``为大力支持兰白核心经济区率先发展，发展改革委、工业和信息化部…将负责支持建设…``;
        ``按照职责分工，市环境保护局，牵头负责对…进行督查``.
        """
        starts = _clause_starts(text, start, end)
        framing = self.lexicon.framing  # 经反复研判后，会议决定，由A牵头: a frame after a clause of its own
        opens = [text[c:end].lstrip(_EDGES).startswith(framing) for c in starts]
        framed = opens.index(True) if True in opens else None
        if framed is None:
            return None
        if framed > 0:  # …迫在眉睫，会议决定由县供电公司负责…: who acts, inside the frame's clause
            clause_end = starts[framed + 1] if framed + 1 < len(starts) else end
            agent = self._agent_after_topic(text, starts[framed], clause_end)
            best = self._agent_and_verb(text, agent, end) if agent >= 0 else None
            if best is not None and self._work_follows(text, best[0], end):
                return best
        for clause_start in starts[framed + 1 :]:
            if self.reader.names_of(text[start:clause_start].strip(_EDGES), strict=True):
                return None
            best = self._subject_and_verb(text, clause_start, end) or self._opening_statement(
                text, clause_start, end
            )
            if best is not None and (framed == 0 or self._work_follows(text, best[0], end)):
                return best
        return None

    def _work_follows(self, text: str, start: int, end: int) -> bool:
        """Whether the clauses from `start` name work, not only a verb and a deadline.

        A frame after a clause of its own (``…时，《意见》明确，由A按职责分工负责，12月底前完成``)
        may close a task quoted before it; it opens one only where the work follows.
        """
        words = 0
        for clause in split_top_level(text[start:end], "，,；;。"):
            clause = clause.strip(_EDGES)
            verb = self.reader.verb_at_start(clause)
            if (verb is not None and verb.text == clause) or self.lexicon.is_deadline(clause):
                continue
            words += len(_CJK.findall(clause))
        return words >= _WORK_LENGTH

    # --- statements on lines of their own --------------------------------------------------------

    def _line_statement(self, piece: _Piece, content: str) -> None:
        """A line opening with a label: it belongs to the unit before it, or to the text after it.

        Sentences between its fields that are neither labelled nor name bodies are reported, not read
        as names (``责任主体：A。执行对象：…``).
        """
        fields, position = [], 0
        while position < len(content):
            end = self._field_end(content, position, len(content))
            fields.append(content[position:end])
            following = self.reader.leading_label(content[end:]) if end < len(content) else None
            skipped = content[end : end + following.start() if following else len(content)].strip(_EDGES)
            if skipped:
                self._report(
                    piece.paragraph.last_line,
                    "text-after-annotation",
                    f"text between labelled fields read as no field: '{skipped[:30]}'",
                )
            if following is None:
                break
            position = end + following.start()
        content = "".join(fields)
        statement = self.reader.read(content)
        label = self.reader.label_colon.match(content)
        found = _Found(
            0,
            len(piece.text),
            statement,
            content.strip(_EDGES),
            self.reader.label_of(label) if label else None,
            "line",
            piece.paragraph.last_line,
        )
        last = self.units[-1] if self.units else None
        if (
            statement.names
            and self._opens_with_text_label(self.following)
            and (last is None or last.heading != bool(last.found))
        ):  # 牵头单位：县委宣传部 / 职责：负责…: the duties after it are its task, not the one before
            self.held.append(found)
            return
        self._attach_to_last(found, alone=True)
        if statement.officials and not statement.names and self.units:
            self.officials_of = self.units[-1]  # 责任领导：胡选坤 市委副书记 / 马兴赞 市委常委…

    def _officials_only(self, text: str) -> bool:
        """Whether `text` names officials and nothing else (``马兴赞 市委常委、市政府常务副市长``)."""
        if self.reader.label_colon.match(text) is not None:
            return False
        statement = self.reader.read(text)
        return bool(statement.officials) and not statement.names and not statement.unread

    def _opened_by(self, unit: _Unit, label: re.Match[str]) -> bool:
        """Whether `unit`'s text opened with the same label as `label` (a record's first field)."""
        opening = self.reader.label_colon.match(unit.piece.paragraph.text.strip(_SPACE))
        return opening is not None and self.reader.label_of(opening) == self.reader.label_of(label)

    def _measure_for(self, unit: _Unit, items: list[_Found]) -> bool:
        """Whether a content line whose statements are `items` is the measure of the item above it.

        ``1、…门前行道树上缠有装饰壁纸。`` / ``整改要求：县城镇园林绿化管理中心负责督促拆除。``: the
        problem has no statement of its own; the measure's bodies answer for it.
        """
        return unit.numbered and not unit.row and any(item.statement.names for item in items)

    def _opens_record(self, unit: _Unit) -> bool:
        """Whether `unit` is a record's first field: its paragraph opens with a content label."""
        return not unit.heading and self._opens_with_text_label(unit.piece.paragraph.text)

    def _record_goes_on(self, unit: _Unit, label: re.Match[str]) -> bool:
        """Whether a content field labelled `label` goes on with the record `unit` opened.

        ``反馈问题：…`` / ``整改措施：…``: the fields of one record before its bodies; the same label
        again (``具体措施：…`` / ``具体措施：…``) opens the next record.
        """
        return self._opens_record(unit) and not self._opened_by(unit, label)

    def _text_label(self, text: str) -> re.Match[str] | None:
        """The label of a task's content (``职责：``, ``工作要求：``) that `text` opens with, if any."""
        match = self.reader.label_colon.match(text)
        return (
            match
            if match is not None and self.lexicon.labels[self.reader.label_of(match)].role == "text"
            else None
        )

    def _opens_with_text_label(self, text: str) -> bool:
        """Whether `text` opens with the label of a task's content (``职责：``, ``工作要求：``)."""
        return self._text_label(text.strip(_SPACE)) is not None

    def _attach_to_last(self, found: _Found, *, alone: bool = False) -> None:
        """Attach `found` to the last unit; a statement `alone` on its line, to the run it closes.

        A run is the paragraphs, or the sibling sub-items, before the statement that have none of
        their own: ``（1）…（4）… / （责任单位：…）``, ``三段文字 / ——由A、B会同有关部门组织落实。``.
        """
        unit = self.units[-1] if self.units else None
        if unit is None:
            self.held.append(found)
            return
        unit.add(found)
        self._take_fields(unit, found.statement)
        if not alone:
            return
        following = unit
        for before in reversed(self.units[:-1]):
            if (
                self._opens_record(following)  # 整改任务：… / 责任单位：…: the record, not the notice before
                or before.found
                or self._inherited(before)  # a heading names its body: （三）省编办牵头的工作
                or (before.heading and _inside(following, before))
                or not _siblings(before, unit)
                or not self._task_like(before.text)
            ):
                break
            before.add(found)
            self._take_fields(before, found.statement)
            following = before

    def _field_line(self, piece: _Piece) -> bool:
        """A line opening with a label of no role: the task's text (工作要求：…), or nothing to read."""
        text = piece.text.strip(_SPACE)
        match = self.reader.label_colon.match(text)
        if match is None:
            return False
        marker = self.lexicon.labels[self.reader.label_of(match)]
        if marker.role == "composition":
            self.composition = True
            return True
        if marker.role in ("none", "number", "setting"):
            if len(list(self.reader.labels_in(text))) > 1:  # 组织实施：…。责任部门：A，参与部门：B
                self._line_statement(piece, text)
            return True
        if marker.role == "text" and self.held:  # 牵头单位：A / 职责：…: the task of the line before
            held, self.held = self.held, []
            unit = self._new_unit(piece.cut(match.end(), len(piece.text), _EDGES))
            for found in held:
                unit.add(found)
            return True
        if marker.role != "text" or not self.units:
            return False
        unit = self.units[-1]
        rest = piece.cut(match.end(), len(piece.text), _EDGES)
        if not unit.found and self._record_goes_on(unit, match):
            # 反馈问题：… / 整改目标：… / 整改措施：… / 责任单位：…: one record's fields, one task
            unit.piece = unit.piece.followed_by(rest)
            for item in self._statements_in(rest.text, piece.paragraph):
                unit.add(item)
            return True
        items = self._statements_in(rest.text, piece.paragraph)
        if not unit.found and not self._measure_for(unit, items):
            return False
        if self._opened_by(unit, match):  # 具体措施：… / 责任单位：… / 具体措施：…: the next record
            self._new_unit(rest)
            return True
        # the content goes on with the task whose statements came before it
        if unit.heading:  # 6.安全保卫组 / A牵头，B参加。 / 主要职责：…: the group's duties are its text
            unit.piece, unit.heading = rest, False
        elif rest.text and self._opens_record(unit):  # 反馈问题：… / 责任单位：… / 整改措施：…
            unit.content.append(rest.text)
        for item in items:
            unit.add(item)
        return True

    def _table_cell(self, piece: _Piece) -> bool:
        """A line of a table flattened to text: a row number, a cell naming bodies, an official, a date."""
        text = piece.text.strip(_SPACE)
        table = self.table
        if table is not None and table.separator is not None and self._table_row(piece, table):
            return True
        if _NUMBER_ONLY.match(text) or (table is not None and _NUMERAL_ONLY.fullmatch(text)):
            if table is not None:
                table.new_row = True  # the next cell of bodies opens the row (一 / 区城管局 / …)
            return table is not None
        new_row = table is not None and table.new_row
        if table is not None:
            table.new_row = False
        unit = self.units[-1] if self.units else None
        if table is None and (unit is None or not (unit.heading and not unit.found and unit.cells == 0)):
            return False
        names = self.reader.names_of(text, strict=table is None)
        if names and not text.endswith(("：", ":")) and not _DATE_LINE.match(self.following):
            line = piece.paragraph.last_line
            if (
                table is not None
                and table.leading
                and (unit is None or not unit.row or unit.cells >= len(table.trailing) or new_row)
            ):  # a merged cell of a leading column: it covers the rows after it
                label = table.leading[0].text
                table.group = _Found(
                    0, len(text), self._read_cell(text, table.leading[0]), text, label, "line", line
                )
                return True
            if unit is None:
                return False
            columns = table.trailing if table is not None else []
            marker = columns[min(unit.cells, len(columns) - 1)] if columns else None
            label = marker.text if marker else None
            unit.add(_Found(0, len(text), self._read_cell(text, marker), text, label, "line", line))
            unit.cells += 1
            if table is not None and table.has_official and not unit.lead_official:
                unit.lead_official = table.last_official  # a merged cell of the officials' column
            return True
        if table is None or unit is None:
            return False
        if table.has_official and _PERSON.match(text):
            unit.lead_official = table.last_official = text
            return True
        if self.lexicon.is_deadline(text):
            unit.deadline = unit.deadline or text
            return True
        return False

    def _table_row(self, piece: _Piece, table: _Table) -> bool:
        """One row of a table written one row per line, its cells split by ``|`` or spaces."""
        cells = _cells(piece.text, table.separator)
        if len(cells) < 2:
            return False
        pieces = []
        position = 0
        for cell in cells:
            start = piece.text.find(cell, position)
            if start < 0:  # a cell the splitting joined (工 作 → 工作): the row's text as a whole
                pieces.append(_Piece(piece.paragraph, cell, ""))
                continue
            pieces.append(piece.cut(start, start + len(cell)))
            position = start + len(cell)
        return self._read_row(pieces, table, piece)

    def _run_on_table(self, piece: _Piece) -> bool:
        """Read a paragraph that is a table whose rows and cells ran together, if it is one.

        See :mod:`hbey_graph.extract.runon`. The header's columns of bodies, in order, take the
        row's cells in order; a row with more cells than columns puts the extra ones in the first
        column when its last cell is a list (``市发展改革委市经贸委市规划建设局、市统计局…``: two
        leads, then the list), else in the last.
        """
        found = run_on_rows(piece.text, self.reader)
        if found is None:
            return False
        first, rows = found
        header = glued_header(piece.text[:first], self.lexicon.labels) or []
        # words after a row's bodies are its official only where the header has a column for one
        officials = not header or any(m is not None and m.role == "official" for m in header)
        ranked = _ranked(list(header))
        columns = [marker for marker in ranked if marker is not None and marker.role in _ROLE_VALUES]
        line = piece.paragraph.first_line
        for row in rows:
            start = piece.text.find(row.text, row.start)
            unit = self._new_unit(piece.cut(start, start + len(row.text)) if start >= 0 else piece)
            if row.statement is not None:
                unit.add(_Found(0, 0, row.statement, "", None, "line", line))
            for cells, column in _cells_in_columns(row.cells, columns):
                content = "、".join(cells)
                label = column.text if column is not None else None
                unit.add(
                    _Found(0, len(content), self._read_cell(content, column), content, label, "line", line)
                )
            unit.lead_official = row.official if officials else ""
        return True

    def _glued_header(self, text: str) -> Marker | None:
        """The column of bodies of a header line whose cells ran together, if `text` is one.

        ``实事内容工作任务责任单位进展情况``: a short line without punctuation, most of it labels of
        the lexicon (three at least), one of them a column of bodies; not a title (…任务分工).
        """
        text = text.strip(_EDGES)
        if len(text) > _LONGEST_GLUED_HEADER or any(mark in text for mark in _HEADER_MARKS):
            return None
        if re.search(r"\s", text):
            return None  # cells set off by spaces are read as such
        labels = [match.group() for match in self.lexicon.label_opening.finditer(text)]  # longest first
        if len(set(labels)) < _GLUED_HEADER_LABELS or sum(map(len, labels)) < _GLUED_HEADER_SHARE * len(text):
            return None
        bodies = [
            column for column in glued_header(text, self.lexicon.labels) or [] if column.role in _ROLE_VALUES
        ]
        return bodies[0] if bodies else None

    def _glued_row(self, piece: _Piece) -> bool:
        """Read a line of a table whose cells ran together under a glued header (:meth:`_glued_header`).

        ``养老助残创建20个无障碍社区。区残联,相关镇街1.完成第一批申报…``: a row's text up to its first
        full stop, the names right after it the column's bodies; the lines after it up to the next
        row are its other cells (its progress), and a heading closes the table.
        """
        if self.glued is None:
            return False
        text = piece.text.strip(_EDGES)
        if (
            self.glued_rows == 0
            and len(text) <= _LONGEST_GLUED_HEADER
            and not any(m in text for m in _HEADER_MARKS)
        ):
            return True  # 一季度二季度三季度四季度: the header's second line
        stop = text.find("。")
        boundary = self._names_at(text, stop + 1, len(text)) if stop >= _MIN_ROW_TEXT else None
        if boundary is None:
            heading = match_heading(text, self.lexicon)
            if self.glued_rows and (heading is None or heading[0] > _GLUED_CELL_LEVEL):
                return True  # 1.完成第一批申报、培训…: a cell of the row above, over lines
            self.glued = None
            return False
        content = text[stop + 1 : boundary]
        unit = self._new_unit(piece.cut(0, piece.text.find("。") + 1))
        statement = self._read_cell(content, self.glued)
        unit.add(
            _Found(0, len(content), statement, content, self.glued.text, "line", piece.paragraph.first_line)
        )
        self.glued_rows += 1
        return True

    def _names_at(self, text: str, start: int, end: int) -> int | None:
        """Where the first whole list of names from `start` ends (``县发改委``, not ``县发改委按会``).

        The list runs on over its marks (``区残联，相关镇街``) and each name to its longest
        (``相关镇街``, not ``相关镇``).
        """
        found = None
        for boundary in range(start + 2, min(end, start + _LONGEST_NAMES) + 1):
            if text[boundary - 1] not in _LIST_MARKS and self.reader.names_of(
                text[start:boundary], strict=True
            ):
                found = boundary
            elif found is not None and found < len(text) and text[found] not in _LIST_MARKS:
                return found  # past the list's last name
        return found

    def _read_cell(self, text: str, column: Marker | None) -> Statement:
        """The statement of a table's cell of bodies, read under its column's label and role.

        Names set off by spaces alone are a list (``农村办 规划建设办 国土所 村(社区)``) where each
        piece names bodies; a name a space broke (``县交通 运输局``) is read whole.
        """
        pieces = text.split()
        if len(pieces) > 1 and all(self.reader.names_of(piece, strict=False) for piece in pieces):
            text = "、".join(pieces)
        statement = self.reader.read(text, label=column.text if column is not None else None)
        if column is not None and self.lexicon.labels.get(column.text) != column:
            statement.names = [  # a column the header ranked (主要责任单位 | 责任单位): its role
                named._replace(marker=column) if named.marker and named.marker.text == column.text else named
                for named in statement.names
            ]
        return statement

    def _cell_row(self, paragraphs: list[Paragraph], index: int, table: _Table) -> int:
        """Read the row a row number opens in a table written one cell per line; return its lines.

        The row's cells are the lines up to the next row number (the number after this one); the
        last row's are as many as the header has columns. Cells too many for the columns are rows
        of their own under the same number (a second body with its own task), and names of one cell
        printed over several lines are joined again. Returns 0 when the lines do not read as a row.
        """
        number = int(paragraphs[index].text.strip(_SPACE))
        columns = len([m for m in table.markers if m is None or m.role != "number"])
        window = paragraphs[index + 1 : index + 2 + max(2 * len(table.columns), _LONGEST_CELL_ROW)]
        texts = [remove_pinyin(paragraph.text).strip(_SPACE) for paragraph in window]
        following = next(
            (i for i, text in enumerate(texts) if _NUMBER_ONLY.match(text) and int(text) == number + 1), None
        )
        if following is None:  # the last row: as many cells as columns, up to 三、保障措施 or 附件2
            following = next(
                (i for i, text in enumerate(texts[:columns]) if self._closes_table(text)), columns
            )
        following = min(following, len(texts))
        while following > 1 and self._closes_table(texts[following - 1]):
            following -= 1  # 二、强化…公开 before the next row's number: a section's row, not a cell
        while following < len(window) and window[following].first_line == window[following - 1].last_line:
            following += 1  # 1、查处…。2、对全县…: a cell its numbered sentences split is one cell
        window = window[:following]
        pieces: list[_Piece] = []
        for paragraph in window:
            text, original = repair_paragraph(paragraph, self.issues)
            if not text.strip(_SPACE):
                continue
            if pieces and paragraph.first_line == pieces[-1].paragraph.last_line:
                last = pieces[-1]
                pieces[-1] = _Piece(last.paragraph, last.text + text.strip(_SPACE), last.original + original)
                continue
            pieces.append(_Piece(paragraph, text.strip(_SPACE), original.strip(_SPACE)))
        if not pieces:
            return 0
        rows = self._sub_rows(self._joined_names(pieces, table), table)
        read = [self._read_row(row, table) for row in rows]
        return 1 + len(window) if any(read) else 0

    def _closes_table(self, text: str) -> bool:
        """Whether a line after a table's last row ends the table: a top-level heading, a closing line."""
        heading = match_heading(text, self.lexicon)
        return (heading is not None and heading[0] == 1) or bool(self.lexicon.closing.match(text))

    def _kind(self, cell: str) -> str:
        """What a table cell holds: ``number``, ``bodies``, ``deadline``, ``person`` or ``text``."""
        if _NUMBER_ONLY.match(cell):
            return "number"
        if self._names_cell(cell):
            return "bodies"
        if self.lexicon.is_deadline(cell):
            return "deadline"
        return "person" if _PERSON_CELL.fullmatch(cell) else "text"

    def _names_cell(self, cell: str) -> bool:
        """Whether a table's cell names bodies: by strong endings, or short names by weak ones.

        ``澧浦镇``, ``区环卫所`` are bodies; ``新(改、扩)建一批中小学校`` (学校 a weak ending) is a task.
        """
        if self.reader.names_of(cell, strict=True):
            return True
        names = self.reader.names_of(cell, strict=False)
        if names and all(len(without_qualifier(name) or name) <= _LONGEST_WEAK_CELL for name in names):
            return True  # (its qualifier aside: 规划信息处(爱卫办))
        if not self._role_verbs.search(cell):
            return False
        statement = self.reader.read(cell)  # A、B牵头，C配合；各镇(街)参照落实: the roles in the cell
        return bool(statement.names) and not statement.unread

    def _joined_names(self, pieces: list[_Piece], table: _Table) -> list[_Piece]:
        """Cells naming bodies on consecutive lines joined, while the row has more than its columns.

        A row with more cells of bodies than the table has columns of bodies printed one cell over
        several lines: ``经开区`` / ``高新园`` / ``各街道`` under one column of supporting bodies are
        one cell. A column of bodies that have no role in the task (``评分部门``, who scores it)
        takes a cell of its own.
        """
        bodies = [
            m for m in table.markers if m is not None and (m.role in _ROLE_VALUES or self._of_others(m))
        ]
        columns = [m for m in table.markers if m is None or m.role != "number"]
        pieces = list(pieces)
        while True:  # (a first cell under a text column is text: 自治区级工程技术研究中心(家))
            sure = [self._names_cell(piece.text) for piece in pieces]
            if sure and columns and columns[0] is None:
                sure[0] = False
            runs = [i for i in range(1, len(pieces)) if sure[i] and sure[i - 1]]
            if not runs or sum(sure) <= len(bodies):
                break
            i = runs[-1]
            first, second = pieces[i - 1], pieces[i]
            text, original = f"{first.text}、{second.text}", f"{first.original}、{second.original}"
            pieces[i - 1 : i + 1] = [_Piece(first.paragraph, text, original)]
        return pieces

    def _of_others(self, column: Marker) -> bool:
        """Whether a column names bodies with no role in the task (``评分部门``; not ``备注``)."""
        return column.role == "setting" or (
            column.role == "none" and self.lexicon.ending_pattern.search(column.text) is not None
        )  # 活动地点: a venue may be a body's (县电视台)

    def _sub_rows(self, pieces: list[_Piece], table: _Table) -> list[list[_Piece]]:
        """The rows in the cells under one row number: a new one where a body follows the row's text.

        ``区住建局`` after the first body's task, cost and schedule opens a second row of the same
        item; the cells before the body column are the first row's (merged over both).
        """
        body_columns = len(  # (a column of places or persons, 建设地点, may hold names too)
            [
                m
                for m in table.markers
                if m is not None and (m.role in _ROLE_VALUES or m.role in ("none", "setting"))
            ]
        )
        rows: list[list[_Piece]] = [[]]
        bodies = 0
        text_after = False
        for piece in pieces:
            kind = self._kind(piece.text)
            if kind == "bodies" and bodies >= body_columns and text_after:
                rows.append([])
                bodies, text_after = 0, False
            rows[-1].append(piece)
            if kind == "bodies":
                bodies += 1
            elif bodies and kind == "text":
                text_after = True
        return rows

    def _read_row(self, pieces: list[_Piece], table: _Table, row: _Piece | None = None) -> bool:
        """Read the cells of one row as a task: its text, bodies, official and deadline.

        `row` is the line holding all the cells, when the table is written one row per line. A row
        with text but no body cell lies under a merged cell of bodies printed once, on the row
        above, and takes that row's bodies: in a table written one cell per line, or in one written
        a row per line between bars where the row has fewer cells than the header (``②新建… | 开工建设。 |
        是``; between spaces, the cells of a row are too uncertain to tell).
        """
        cells = [piece.text for piece in pieces]
        kinds = [self._kind(cell) for cell in cells]
        markers = table.markers_of(kinds)
        texts: list[_Piece] = []
        found: list[_Found] = []
        official = deadline = displaced = ""
        trailing = iter(table.trailing)
        for index, (cell, piece) in enumerate(zip(cells, pieces, strict=True)):
            line = piece.paragraph.last_line
            marker = markers[index] if markers is not None else None
            if marker is not None and marker.role in ("none", "number"):
                if kinds[index] == "deadline":  # a stray cell pushed the date a column on
                    displaced = displaced or cell
                continue
            if marker is not None and marker.role == "setting":
                texts.append(piece)  # 道里区新阳路与通达街区域: where or when the task is done is part of it
                continue
            if marker is not None and marker.role == "official":
                official = piece.original or cell  # a person's name as written: 欧乾震, not 欧干震
                continue
            if marker is not None and marker.role == "deadline" and kinds[index] != "number":
                if cell.strip(_EDGES):
                    deadline = cell  # under 完成时限, whatever its words: 年内见成效
                continue
            label = self.reader.leading_label(cell)
            if label is not None and label.start() == 0:
                found.append(
                    _Found(
                        0, len(cell), self.reader.read(cell), cell, self.reader.label_of(label), "line", line
                    )
                )
                continue
            column = marker if marker is not None and marker.role in _ROLE_VALUES else None
            in_text_column = markers is not None and marker is None  # 自治区级工程技术研究中心(家)
            if column is not None or (kinds[index] == "bodies" and not in_text_column):
                column = column or next(trailing, None)
                name = column.text if column else None
                found.append(_Found(0, len(cell), self._read_cell(cell, column), cell, name, "line", line))
            elif kinds[index] == "number" or _FIGURE.match(cell):
                continue  # a row number, or a figure (1.8%, 4200): no words of the task
            elif self.lexicon.is_deadline(cell):
                deadline = cell
            else:
                texts.append(piece)
        if not any(item.statement.names for item in found):
            merged = row is None or (table.separator == "|" and len(cells) < len(table.columns))
            if not merged or not texts or not table.last_bodies:
                return False
            found = list(table.last_bodies)  # 九龙坡区人民政府, merged over this row and the one above
        else:
            table.last_bodies = [item for item in found if item.statement.names]
        unit = self._new_unit(_text_of(texts, pieces[0], row))
        for item in found:
            unit.add(item)
        if official:
            table.last_official = official
        unit.lead_official = official or (table.last_official if table.has_official else "")
        unit.deadline = deadline or displaced
        unit.cells = sum(1 for item in found if item.statement.names)
        return True

    def _table_header(self, paragraphs: list[Paragraph], index: int) -> tuple[_Table, int] | None:
        """A table's header at `index`: one line of cells, or a run of one-cell lines; and its length."""
        text = remove_pinyin(paragraphs[index].text).strip(_SPACE)
        separator = "|" if "|" in text else " " if " " in text else None
        if separator is not None:
            cells = _cells(text, separator)
            markers = [self._column(cell) for cell in cells]
            if self.table is not None and self._row_of(self.table, cells):
                return None  # 养老机构 | 4月份 | 民政所: a row of the open table, not a header
            if len(cells) >= 2 and _header_cells(cells, markers):
                return _Table(cells, _ranked(markers), separator), 1
            if separator == "|" and self._all_labels(cells) and index + 1 < len(paragraphs):
                # 工作任务 | 具体要求 / | 责任单位 |: a header wrapped over two lines
                cells += _cells(remove_pinyin(paragraphs[index + 1].text).strip(_SPACE), separator)
                markers = [self._column(cell) for cell in cells]
                if self._all_labels(cells) and _header_cells(cells, markers):
                    return _Table(cells, _ranked(markers), separator), 2
        if (
            self._column(text) is None
            and text.replace(" ", "") not in self.lexicon.labels
            and not _text_column(text, self.lexicon)
        ):
            return None
        cells: list[str] = []
        length = 0  # lines of the header
        for position, paragraph in enumerate(paragraphs[index:], start=index):
            cell = _header_cell(paragraph.text)
            if cells and cells[-1] + cell in self.lexicon.labels:
                cells[-1] += cell  # a header cell broken over two lines (责任 / 科室, 牵头 / 部门)
                length += 1
                continue
            following = _header_cell(paragraphs[position + 1].text) if position + 1 < len(paragraphs) else ""
            if (
                cells
                and self._column(cell) is None
                and self.reader.names_of(cell, strict=False)
                and (self._column(following) is None)
            ):
                break  # a row's cell naming bodies, not a header cell split over lines (市政府 / 分管领导)
            if (
                len(cell) > 16
                or _NUMBER_ONLY.match(cell)
                or match_heading(cell, self.lexicon)
                or any(mark in cell for mark in "。，,：:；")
            ):
                break
            cells.append(cell)
            length += 1
        markers = [self._column(cell) for cell in cells]
        if len(cells) < 2 or not _header_cells(cells, markers):
            return None
        return _Table(cells, _ranked(markers), None), length

    def _all_labels(self, cells: list[str]) -> bool:
        """Whether every cell is a label of the lexicon (a header's cells, 工作任务 | 具体要求)."""
        return bool(cells) and all(re.sub(r"\s", "", cell) in self.lexicon.labels for cell in cells)

    def _trailing_header(self, text: str) -> tuple[int, _Table] | None:
        """A table's header set off by spaces at the end of a paragraph, from its row-number cell on.

        A notice run together with its attachment ends ``…分解表 序号 名称 工作任务 牵头责任单位``.
        """
        starts = [
            match.start("label")
            for match in re.finditer(r"\s(?P<label>\S+)(?=\s)", text)
            if match.group("label") in _number_labels(self.lexicon)
        ]
        if not starts:
            return None
        cells = _cells(text[starts[-1] :], " ")
        markers = [self._column(cell) for cell in cells]
        if len(cells) < 3 or not _header_cells(cells, markers):
            return None
        return starts[-1], _Table(cells, _ranked(markers), " ")

    def _row_of(self, table: _Table, cells: list[str]) -> bool:
        """Whether `cells` fit `table`'s columns as a row: as many, a body cell under a body column."""
        if len(cells) != len(table.columns):
            return False
        kinds = [self._kind(cell) for cell in cells]
        markers = table.markers_of(kinds)
        return markers is not None and any(
            kind == "bodies" and marker is not None and marker.role in _ROLE_VALUES
            for kind, marker in zip(kinds, markers, strict=True)
        )

    def _column(self, name: str) -> Marker | None:
        """What a header cell's column holds.

        The label it is, or opens with (``牵头单位及主要负责人``); an official for ``分管市长``; None for
        task text.
        """
        name = re.sub(r"\s", "", name)
        if len(name) > _LONGEST_HEADER_CELL:
            return None
        labels = self.lexicon.labels
        opening = self.lexicon.label_opening.match(name)
        marker = labels.get(name) or (labels[opening.group()] if opening else None)
        if marker is None:  # 处置主责部门: a label the header qualifies by the work
            marker = next(
                (labels[name[start:]] for start in range(1, len(name) - 2) if name[start:] in labels), None
            )
        if marker is None and (self.lexicon.official_titles.search(name) or "领导" in name):
            marker = Marker(name, "field", "official", "official")
        ending = self.lexicon.ending_pattern.search(name) if marker is None else None
        if (
            ending is not None
            and self.lexicon.ending_kinds.get(ending.group()) == "collective"
            and len(ending.group()) < len(name) <= _GROUP_HEADER_CELL
        ):  # 相关部门, 涉及部门: a column of bodies (not 湖北省黄冈市其他机构, a body; 单位 alone: %, 万亩)
            marker = self._responsible
        return None if marker is None or marker.role == "text" else marker

    # --- fields and conventions -------------------------------------------------------------------

    def _take_fields(self, unit: _Unit, statement: Statement) -> None:
        if statement.officials and not unit.lead_official:
            unit.lead_official = "、".join(statement.officials)
        if statement.deadline and not unit.deadline:
            unit.deadline = statement.deadline

    def _report_unread(self, text: str, paragraph: Paragraph) -> None:
        """Report what looks like an annotation but was not read.

        An unknown label before bodies (``督办单位：市住建局``), or a bracket naming bodies beside words
        that are none with a known role word (``（市公安局挂帅，市城管局配合）``).
        """
        field = _UNKNOWN_FIELD.match(text.strip(_EDGES)) if self.path else None  # not 来源：… above
        if field is not None and self.reader.names_of(field.group("rest"), strict=True):
            self._report(
                paragraph.first_line,
                "unread-annotation",
                f"'{field.group('label')}' is not a known label; the bodies after it are not read",
            )
            return
        for start, end in top_level_brackets(text):
            inner = text[start + 1 : end - 1]
            statement = self.reader.read(inner)
            if statement.names and statement.unread:
                reason = f"'{statement.unread[0][:20]}' names no body with a known role word"
            elif (
                not statement.names
                and self.lexicon.convention_rule(inner) is None  # （责任单位中排序第一单位为牵头单位）
                and (clause := self._clause_naming_who_acts(inner)) is not None
            ):
                reason = (
                    f"'{clause[:20]}' names a body and a role word in words not read"  # （其中A负责3万户）
                )
            else:
                continue
            self._report(
                paragraph.line_at(start),
                "unread-annotation",
                f"'{text[start:end][:30]}' looks like an annotation but is not read: {reason}",
            )

    def _clause_naming_who_acts(self, text: str) -> str | None:
        """The first clause of `text` that names a body right before a role verb, if any.

        ``其中省卫生厅负责3万户``: a clause the reader could not take as a statement, though it says
        who does what.
        """
        for clause in split_top_level(text, "，,；;"):
            for verb in self._role_verbs.finditer(clause):
                subject = clause[: verb.start()].strip(_EDGES)
                if any(
                    self.reader.names_of(subject[skip:], strict=True)
                    for skip in range(min(_CLAUSE_OPENER, len(subject)))
                ):
                    return clause
        return None

    def _note_convention(self, text: str) -> None:
        """Keep a convention stated in a note outside any statement (注：列第一位的为牵头单位)."""
        if "牵头" not in text:
            return
        rule = self.lexicon.convention_rule(text)
        if rule in ("first_listed", "first_department"):
            if text not in self.plan.conventions:
                self.plan.conventions.append(text)
            self.plan_rule = self.plan_rule or rule

    def _drop_held(self) -> None:
        for found in self.held:
            self._report(
                found.line,
                "orphan-annotation",
                f"statement '{found.content[:30]}' stands before no task text; left out",
            )
        self.held = []

    def _task_like(self, text: str) -> bool:
        if text.rstrip(_SPACE).endswith(("：", ":")):  # an addressee line, 各区人民政府，市政府各部门：
            return False
        return len(_CJK.findall(text)) >= _TASK_LIKE_LENGTH and (
            text.rstrip(_SPACE).endswith(("。", "；")) or "，" in text
        )

    # --- tasks --------------------------------------------------------------------------------------

    def _finish(self) -> None:
        """Decide which units are tasks, number them and assign roles, now that the whole plan is known."""
        drafts: list[tuple[_Unit, list[Statement]]] = []
        lead_ins: set[int] = set()  # lines announcing a list whose items take their bodies
        annotated = self._annotated_headings()
        closing = self._closing_lines()
        for index, unit in enumerate(self.units):
            following = self.units[index + 1] if index + 1 < len(self.units) else None
            items_under = following is not None and _inside(following, unit) and not following.role_line
            leaf = not (unit.heading and items_under)
            inherited = self._inherited(unit, items_under=items_under) if leaf else []
            if not inherited and not unit.found and leaf and unit.numbered:
                inherited = _annotated_heading(unit, annotated)
                lead_in = _lead_in(self.units, index) if not inherited else None
                if lead_in is not None:
                    inherited = [item.statement for item in lead_in.found if item.statement.names]
                    if _announces_list(lead_in):
                        lead_ins.add(id(lead_in))  # A负责，具体工作是： over its items: no task itself
            lines = closing.get(id(unit), []) + [
                item.statement for item in unit.found if item.attach in ("line", "after")
            ]
            if any(_answers(statement) for statement in lines):  # a heading only naming a body yields
                inherited = [statement for statement in inherited if statement.role_words]
            inherited += closing.get(id(unit), [])
            if (
                not inherited
                and not unit.found
                and leaf
                and unit.line_role is not None
                and not unit.role_line
            ):
                inherited = [unit.line_role]
            if not inherited and not unit.found and leaf and unit.numbered and self.title_role is not None:
                inherited = [self.title_role]
            sections = unit.sections
            listed = ("", 0) in self.duty_lists or any((s.key, s.line) in self.duty_lists for s in sections)
            if not inherited and not unit.found and leaf and unit.numbered and listed and self.page_body:
                inherited = [self.page_body]  # 黑龙江省人民政府办公厅 / 主要职责是： / (一)负责…
            if inherited and not unit.found:
                inherited = [self._role_from_duty(statement, unit) for statement in inherited]
            if unit.found or any(s.names for s in inherited):
                drafts.append((unit, inherited))
                for statement in inherited:
                    if statement.officials and not unit.lead_official:
                        unit.lead_official = "、".join(statement.officials)
                unit.lead_official = unit.lead_official or self._heading_officials(unit)
            elif leaf:
                self._report_unassigned(unit)
        drafts = [(unit, inherited) for unit, inherited in drafts if id(unit) not in lead_ins]
        tasks_ids = _task_ids([unit for unit, _ in drafts])
        rule_in_force: str | None = None
        standing: list[str] = []
        for (unit, inherited), task_id in zip(drafts, tasks_ids, strict=True):
            statements = inherited + [item.statement for item in unit.found]
            line = max([unit.last_line, *[item.line for item in unit.found]])
            for item in unit.found:
                self._report_reading(item, item.line)
                self._take_fields(unit, item.statement)
            for statement in closing.get(id(unit), []):
                self._take_fields(unit, statement)  # 整改时限：5天 on the line closing the list
            names = _joined_names(statements)
            own_rule = next((s.rule for s in statements if s.rule), None)
            own = self.lexicon.convention_rule(own_rule) if own_rule else None
            if own_rule and own_rule not in self.plan.conventions:
                self.plan.conventions.append(own_rule)
                if own == "typeface":  # 字体加粗者为牵头部门: the bold that marked the lead is gone
                    message = f"'{own_rule[:30]}': the lead is marked by a typeface the text lost; none read"
                    self._report(line, "unread-annotation", message)
            rule = own if own in ("first_listed", "first_department") else None
            rule = rule or rule_in_force or self.plan_rule
            if rule is not None and own_rule and re.search(r"下同|以下|后同", own_rule):
                rule_in_force = rule
            for statement in statements:
                standing.extend(name for name in statement.standing if name not in standing)
            named = {n.name for n in names}
            extra = [name for name in standing if name not in named]
            group = (names[-1].group if names else 0) + 1
            names += [NamedBody(name, group, len(names) + i + 1, STANDING) for i, name in enumerate(extra)]
            known = self.plan.bodies
            bodies = [known.get(n.name) or self.registry.resolve(n.name) for n in names]
            roles = assign_roles(names, bodies, rule)
            for statement in statements:  # a body named twice in one statement is a slip; in two, a habit
                repeated = _repeated(statement.names)
                if repeated:
                    message = f"{repeated} named more than once in one annotation; counted once"
                    self._report(line, "repeated-body", message)
            names, bodies, roles = _once(names, bodies, roles)
            if bodies and "lead" not in roles and "responsible" not in roles:
                by_rule = any(named.marker is None for named in names)
                self._report(
                    line,
                    "no-lead",
                    "annotation names no department to lead"
                    if by_rule
                    else "annotation names no body to lead",
                )
            self.plan.tasks.append(self._task(unit, task_id, line))
            for body in bodies:
                if body.name not in known:
                    self._add_body(body, line)
            self.plan.assignments.extend(
                Assignment(task_id, named.name, role, named.position, named.group)
                for named, role in zip(names, roles, strict=True)
            )

    def _closing_lines(self) -> dict[int, list[Statement]]:
        """Items of a list that a labelled line after its last item answers for, by the item's id.

        ``(1)院内禁烟标识数量不达标；`` ``(2)…`` ``(3)…。`` / ``问题整改责任单位：市卫生健康委员会``:
        the line closes the list, none of whose other items has an annotation of its own; the last
        item holds the line, the others take its statements.
        """
        closing: dict[int, list[Statement]] = {}
        for index, unit in enumerate(self.units):
            lines = [item.statement for item in unit.found if item.attach == "line" and item.statement.names]
            if lines and not unit.row and self._item_body(index):
                for other in self._bodies_of_items_before(index):
                    closing[id(other)] = lines
                continue
            if not unit.numbered or unit.row or not lines:
                continue
            following = self.units[index + 1] if index + 1 < len(self.units) else None
            if following is not None and _siblings(following, unit):
                continue  # not the list's last item
            others = []
            for previous in reversed(self.units[:index]):
                if not _siblings(previous, unit) or not previous.numbered:
                    break
                if previous.found:
                    others = []  # each item has its own annotation
                    break
                others.append(previous)
            for other in others:
                closing[id(other)] = lines
        return closing

    def _item_body(self, index: int) -> bool:
        """Whether the unit at `index` is the text under a numbered item's title line.

        ``1. 筑牢青海东部“绿屏障”生态肌理`` / ``以推进…``: the title, then its text.
        """
        unit = self.units[index]
        title = self.units[index - 1] if index > 0 else None
        return (
            title is not None
            and title.heading
            and title.numbered
            and not title.found
            and not unit.numbered
            and unit.sections == title.sections
        )

    def _bodies_of_items_before(self, index: int) -> list[_Unit]:
        """The texts of the titled items before the last one whose text holds a closing line.

        ``1. 筑牢…`` / ``以推进…`` / ``2. …`` / ``…`` / ``3. …`` / ``围绕…`` / ``牵头单位：A、B``: the line
        closes the three items, none of which has an annotation of its own. None when the item at
        `index` is not the list's last, or when another item has its own annotation.
        """
        title = self.units[index - 1]
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        if following is not None and following.numbered and _siblings(following, title):
            return []  # not the list's last item
        bodies: list[_Unit] = []
        before = index - 2
        while before >= 1 and self._item_body(before) and _siblings(self.units[before - 1], title):
            if self.units[before].found:
                return []  # each item has its own annotation
            bodies.append(self.units[before])
            before -= 2
        return bodies

    def _annotated_headings(self) -> dict[tuple[str, int], _Unit]:
        """The headings that carry an annotation of their own, each with the unit holding it.

        The annotation is the heading's (``（一）胖东来时代广场（责任单位：魏都区，市消防支队）``):
        found in the heading's unit or in the unit of its words right after it, before its items.
        """
        annotated: dict[tuple[str, int], _Unit] = {}
        for previous, unit in zip([None, *self.units], self.units, strict=False):
            if not unit.found or not unit.sections:
                continue
            section = unit.sections[-1]
            words = unit.text.strip(_EDGES)
            own = (
                unit.heading
                or unit.numbered
                or (  # an item's own words: (六)… 工作职责：A牵头…
                    previous is not None
                    and previous.heading
                    and previous.sections == unit.sections
                    and bool(words)
                    and section.title.startswith(words)
                )
            )
            if own:
                annotated.setdefault((section.key, section.line), unit)
        return annotated

    def _inherited(self, unit: _Unit, *, items_under: bool = False) -> list[Statement]:
        """The statements of the headings over `unit` that name the body of their items.

        A heading that names one body weakly (``4.科技与预报处``) does so for an item that opens with
        a role verb (``负责组织实施加密天气会商``) or stands in a list of its duties (``主要职责：``),
        not for the heading's own words before its items (`items_under`: ``主要职责是：``). Of
        headings inside one another the innermost that names a body does (``（一）领导小组工作职责``
        under ``二、领导小组及办公室工作职责``).
        """
        duty = self.reader.verb_at_start(self._after_text_label(unit.text)) is not None or (
            unit.numbered and any((s.key, s.line) in self.duty_lists for s in unit.sections)
        )
        inherited = []
        for s in unit.sections:
            if unit.heading and s is unit.sections[-1]:
                continue
            if (s.key, s.line) in self.section_roles:
                inherited = [self.section_roles[s.key, s.line]]
            elif (
                duty
                and (s.key, s.line) in self.weak_section_roles
                and not (items_under and s is unit.sections[-1])
            ):
                inherited = [self.weak_section_roles[s.key, s.line]]
        return inherited

    def _after_text_label(self, text: str) -> str:
        """`text` from its first word, after a label of a task's content (``主要职能：负责…``)."""
        text = text.lstrip(_EDGES + _SYMBOLS)
        label = self._text_label(text)
        return text[label.end() :].lstrip(_EDGES) if label is not None else text

    def _heading_officials(self, unit: _Unit) -> str:
        """The officials the nearest heading over `unit` names as leading its items, if any.

        A heading naming an official (``二、薛延忠常务副省长负责的工作``) covers the items under the
        headings inside it that name their bodies (``（一）省编办牵头的工作``).
        """
        for s in reversed(unit.sections):
            if unit.heading and s is unit.sections[-1]:
                continue
            statement = self.section_roles.get((s.key, s.line))
            if statement is not None and statement.officials:
                return "、".join(statement.officials)
        return ""

    def _role_from_duty(self, statement: Statement, unit: _Unit) -> Statement:
        """A heading's bare body name (``（五）市城管局``), with the role of a verb opening the item.

        Under a heading that only names a body, an item opening with a support verb (``配合做好…``)
        is one the body supports; otherwise the heading's reading stands.
        """
        if (
            unit.heading
            or not statement.names
            or any(named.marker is None or named.marker.text for named in statement.names)
        ):
            return statement
        verb = self.reader.verb_at_start(unit.text.lstrip(_EDGES + _SYMBOLS))
        if verb is None or verb.role != "support":
            return statement
        changed = copy.copy(statement)
        changed.names = [named._replace(marker=verb) for named in statement.names]
        return changed

    def _task(self, unit: _Unit, task_id: str, line: int) -> Task:
        sections = unit.sections
        outer = sections[-1].title if sections else ""
        levels = {s.level: s for s in sections}
        text = " ".join([unit.piece.text, *unit.content, *self._content_fields(unit)]).strip()
        own = sections[-1] if sections and sections[-1].level > _HEADING_LEVEL else None
        if own is not None and own.title and own.key not in self._titles_taken and own.title not in text:
            # (1)加快…建设，确保5月1日竣工通车。完成…: an item below the heading level keeps no title
            # field of its own, so its title opens its first task's text
            text = f"{own.title}。{text}" if text else own.title
        if own is not None:
            self._titles_taken.add(own.key)
        if not text:  # 四、组织实施 / 1.由A主导，B协助。: an item that only says who does it
            text = next((s.title for s in reversed(sections) if s.title), "")
        theme = None if unit.heading else _THEME.match(text)
        return Task(
            task_id=task_id,
            seq=len(self.plan.tasks) + 1,
            section_path=tuple(s.key for s in sections),
            section=levels[2].title if 2 in levels else outer,
            heading=levels[_HEADING_LEVEL].title if _HEADING_LEVEL in levels else outer,
            theme=theme.group("theme") if theme else None,
            text=text,
            annotation=_joined(unit.found),
            lines=(unit.first_line, line),
            original_text=unit.piece.original,
            deadline=unit.deadline or self._closing_deadline(unit.piece.text),
            lead_official=unit.lead_official,
        )

    def _closing_deadline(self, text: str) -> str:
        """A deadline closing a task's text as a clause of its own (``…道路硬化，预计2021年11月份完成。``)."""
        clauses = [clause.strip(_EDGES) for clause in split_top_level(text, "，,；;。")]
        clauses = [clause for clause in clauses if clause]
        return clauses[-1] if clauses and self.lexicon.is_deadline(clauses[-1]) else ""

    def _content_fields(self, unit: _Unit) -> list[str]:
        """The fields of the unit's statements that hold the task's text (``主要任务：…``)."""
        content = []
        for item in unit.found:
            for other in item.statement.other_fields:
                label, _, value = other.partition("：")
                marker = self.lexicon.labels.get(label)
                if marker is not None and marker.role == "text" and value:
                    content.append(value)
        return content

    def _report_unassigned(self, unit: _Unit) -> None:
        """Report an item or a paragraph of a section with tasks that has no responsibility."""
        if not unit.sections or not (unit.numbered or len(_CJK.findall(unit.text)) >= _TASK_LIKE_LENGTH):
            return
        top = unit.sections[0].key
        if not any(u.found and u.sections and u.sections[0].key == top for u in self.units) and not (
            unit.numbered
            and len(unit.sections) == 1
            and any(u.found and len(u.sections) == 1 for u in self.units)
        ):  # an outline's top item like others that have tasks: (四)持续推进… among (三)…(A负责)
            return
        self._report(unit.first_line, "unassigned-task", f"no responsibility found for '{unit.text[:24]}…'")

    def _report_reading(self, found: _Found, line: int) -> None:
        statement = found.statement
        if not found.closed:
            self._report(line, "unclosed-annotation", "annotation has no closing bracket")
        for text in statement.unread:
            self._report(line, "unread-annotation", f"'{text[:30]}' in a statement names no body; left out")
        if not statement.says_something and not statement.other_fields and not statement.unread:
            self._report(line, "empty-annotation", "annotation names no body")
        for text in statement.other_fields:
            message = f"'{text[:30]}' names no body; not recorded"
            self.issues.append(ParseIssue(line, "other-field", message, "repair"))

    def _add_body(self, body: Body, line: int) -> None:
        """Record a body the plan names for the first time, noting it if the reference table lacks it."""
        self.plan.bodies[body.name] = body
        if not body.known:
            self.issues.append(
                ParseIssue(
                    line,
                    "unknown-body",
                    f"body '{body.name}' is not in the reference table; classified as "
                    f"{body.body_type} by its name",
                    "note",
                )
            )

    def _report(self, line: int, kind: str, message: str) -> None:
        self.issues.append(ParseIssue(line, kind, message))


#: Where cells set off by spaces may open: a paragraph's start, or spaces after a stop (…曝光。 县委宣传部)
_SPACED_CELLS = re.compile(r"(?:^|(?<=[。.；;])[ \t\u3000]+)(?=[\u4e00-\u9fff])")
_TOKEN = re.compile(r"[^ \t\u3000]+")
_SPACED_ROWS = 2  # rows at least whose cells are set off by spaces after their stop
#: A body's name opening a line of a list of duties, set off by spaces: ``法规处  负责…``
_AS_FOLLOWS = re.compile(r"[^，。；：:]{0,6}?如下")  # …职责通知如下: the list follows
_DUTY_GAP = re.compile(r"[ \t\u3000]*(?P<head>[^\s：:，。；]{2,16})(?:[ \t]{2,}|\u3000)(?=\S)")
_DUTY_SPACE = re.compile(r"[ \t\u3000]*(?P<head>[^\s：:，。；]{2,16}) (?=\S)")  # 行政处 负责…
#: Words after the last stop and a space of a line: the last cell of a row (…增长8%以上。 财政局)
_TRAILING_CELL = re.compile(r"[。；][ \t\u3000]+(?P<cell>[^。；：:\s][^。；：:]{0,60}?)[ \t\u3000]*$")
_RUN_TOGETHER = re.compile(r"。[ \t\u3000]+(?=\S)")  # …各部门配合。 大力推进…: items run on, spaces between
_UNKNOWN_FIELD = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})[：:](?P<rest>.+)$")  # 督办单位：市住建局
_ADVERBS = re.compile(r"(?:还|也|均|都|分别|共同|主要)?(?:将|要|应|须|需|会)?$")  # 等部门还将负责
_BRACKET_OR_COLON = re.compile(f"[{re.escape(OPEN + CLOSE)}：:]")


def _before_figure(word: str) -> tuple[str, str]:
    """`word` cut before its first figure (县五城办7月底前制定 → 县五城办, 7月底前制定), else whole."""
    figure = re.search(r"\d", word)
    if figure is None or figure.start() == 0:
        return word, ""
    return word[: figure.start()], word[figure.start() :]


def _end_of(text: str, start: int, chars: str) -> int:
    """Where `chars` end in `text` read from `start`, spaces between them passed over."""
    position = start
    for char in chars:
        position = text.index(char, position) + 1
    return position


def _verb_pattern(verbs: list[str]) -> re.Pattern[str]:
    """The `verbs`, not where they open a noun (``负责人``, ``配合单位``; but ``负责人口普查``)."""
    if not verbs:
        return re.compile("(?!)")
    nouns = "人(?![口员才民])|同志|单位|部门|领导|的|者"
    return re.compile("(?P<verb>" + "|".join(map(re.escape, verbs)) + f")(?!{nouns})")


def _answers(statement: Statement) -> bool:
    """Whether a labelled line names who answers for the task (a lead or a responsible body)."""
    return statement.role_words > 0 and any(
        named.marker is None or named.marker.role not in ("support", "none") for named in statement.names
    )


def _annotated_heading(unit: _Unit, annotated: dict[tuple[str, int], _Unit]) -> list[Statement]:
    """The statements of the innermost heading over `unit` that carries an annotation of its own.

    An item with none of its own under such a heading is the heading's bodies' work
    (``胖东来时代广场（责任单位：魏都区，市消防支队）`` over ``1.进门地面无荧光标识``).
    """
    sections = unit.sections[:-1] if unit.heading else unit.sections
    for section in reversed(sections):
        heading = annotated.get((section.key, section.line))
        if heading is not None and heading is not unit:
            return [item.statement for item in heading.found if item.statement.names]
    return []


def _lead_in(units: list[_Unit], index: int) -> _Unit | None:
    """The line without a number that carries an annotation and opens the list of `units[index]`.

    ``胖东来时代广场（责任单位：魏都区，市消防支队）`` over ``1.进门地面无荧光标识；`` ``2.…``: the
    items after it (`units[index]` one of them), in its section and none with an annotation of its
    own, are its bodies' work.
    """
    unit = units[index]
    for position in range(index - 1, -1, -1):
        previous = units[position]
        if previous.numbered and not previous.found:
            if len(previous.sections) < len(unit.sections):
                return None  # a heading over the item: the list does not follow the line
            continue
        if previous.numbered or not previous.found or previous.heading:
            return None
        if unit.sections[: len(previous.sections)] != previous.sections:
            return None
        return previous if any(item.statement.names for item in previous.found) else None
    return None


def _announces_list(unit: _Unit) -> bool:
    """Whether `unit` is a line closed by a colon that announces the list after it (具体工作是：)."""
    return unit.piece.paragraph.text.rstrip(_SPACE).endswith(("：", ":"))


def _firm(statement: Statement) -> bool:
    """Whether a statement outside brackets surely is one: bodies with a role word, nothing unread."""
    return bool(statement.names) and statement.role_words > 0 and not statement.unread and not statement.weak


def _whole_statement(statement: Statement) -> bool:
    """Whether a sentence that is a statement from its first word names its bodies with role words.

    A name only a weak ending makes a body's counts here (``由金国兴总工负责，污染物排放总量控制处落实。``):
    the sentence says nothing else.
    """
    return bool(statement.names) and statement.role_words > 0 and not statement.unread


def _goes_on_after(text: str, item: _Found, made: list[_Unit]) -> bool:
    """Whether the sentence goes on after a statement that closed the text before it, mid-sentence.

    ``关于…问题，由A负责，抓紧做好…``: the clause naming who acts stands between the topic and the
    work, and both are the task of the unit it closed (the last made).
    """
    return (
        item.attach == "before"
        and bool(made)
        and item in made[-1].found
        and text[item.end : item.end + 1] in ("，", ",")
    )


def _after_stop(text: str, start: int) -> bool:
    """Whether a bracket opening at `start` follows a full stop (spaces between aside)."""
    return text[:start].rstrip(_SPACE).endswith(("。", "；", ";"))


def _ends_clause(text: str, end: int) -> bool:
    """Whether a bracket closing at `end` closes a clause: what follows is punctuation or a new item."""
    follower = text[end : end + 1]
    return not follower or follower in "。；，,;.、：:！？ \t\u3000" or follower in OPEN or follower.isdigit()


def _after_leading_bracket(text: str, start: int) -> int:
    """Where a sentence's words start, after spaces and a bracketed tag (``[接上页] 交通部门…``)."""
    while start < len(text) and text[start] in _SPACE:
        start += 1
    if start < len(text) and text[start] in OPEN:
        for bracket_start, bracket_end in top_level_brackets(text[start:]):
            if bracket_start == 0:
                start += bracket_end
                while start < len(text) and text[start] in _SPACE:
                    start += 1
            break
    return start


@lru_cache(maxsize=512)
def _breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clause and the sentence breaks of `text` stand, outside brackets (worked out once)."""
    clauses: list[int] = []
    sentences: list[int] = []
    depth = 0
    for index, char in enumerate(text):
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            if char in _CLAUSE_BREAK:
                clauses.append(index)
            if char in _SENTENCE_BREAK:
                sentences.append(index)
    return tuple(clauses), tuple(sentences)


def _clause_starts(text: str, start: int, end: int) -> list[int]:
    """Where the clauses between `start` and `end` start (outside brackets)."""
    breaks = _breaks(text)[0]
    first = bisect_left(breaks, start)
    return [start, *(index + 1 for index in breaks[first:] if index + 1 < end)]


def _first_clause_end(text: str, start: int, end: int) -> int:
    """Where the clause opening at `start` ends: where the next one starts (its mark before), or `end`."""
    clause_starts = _clause_starts(text, start, end)
    return clause_starts[1] if len(clause_starts) > 1 else end


def _sentence_starts(text: str) -> list[int]:
    """Where the sentences of `text` start (after stops outside brackets)."""
    starts = [0, *(index + 1 for index in _breaks(text)[1])]
    return [start for start in starts if text[start:].strip(_SPACE)]


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (at its stop, or the text's end), outside brackets."""
    ends = list(_breaks(text)[1])
    if not ends or text[ends[-1] + 1 :].strip(_EDGES):
        ends.append(len(text))
    return ends


def _sentences_unread(text: str, found: list[_Found]) -> Iterator[tuple[int, int, int]]:
    """The sentences of `text` that no statement `found` reaches into.

    Each is its start, its end (its stop, or the text's end) and where its words stop.
    """
    start = 0
    for end in _sentence_ends(text):
        sentence_start, start = start, end + 1
        if not any(item.start < end and item.end > sentence_start for item in found):
            yield sentence_start, end, len(text[:end].rstrip(_EDGES))


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence opening at `start` ends: at its stop, or at the end of the text's words."""
    stops = _breaks(text)[1]
    index = bisect_left(stops, start)
    return stops[index] if index < len(stops) else len(text.rstrip(_EDGES))


def _cells_in_columns(cells: list[list[str]], columns: list[Marker]) -> list[tuple[list[str], Marker | None]]:
    """The names of a run-on row's cells by column (see :meth:`_Walker._run_on_table`)."""
    if not cells:
        return []
    if not columns:
        return [([name for cell in cells for name in cell], None)]
    extra = len(cells) - len(columns)
    if extra > 0 and len(cells[-1]) > 1:  # 市发展改革委 / 市经贸委 / 市规划建设局、…: the list is the last
        cells = [[name for cell in cells[: extra + 1] for name in cell], *cells[extra + 1 :]]
    elif extra > 0:
        cells = [*cells[: len(columns) - 1], [name for cell in cells[len(columns) - 1 :] for name in cell]]
    return list(zip(cells, columns, strict=False))


def _text_of(texts: list[_Piece], first: _Piece, row: _Piece | None) -> _Piece:
    """The task text of a row's text cells: its line from the first to the last, or the cells joined."""
    if row is not None and texts:
        start = row.text.find(texts[0].text)
        end = row.text.rfind(texts[-1].text) + len(texts[-1].text)
        if 0 <= start < end:
            return row.cut(start, end)
    if len(texts) == 1:
        return texts[0]
    paragraph = texts[0].paragraph if texts else first.paragraph
    return _Piece(paragraph, "".join(p.text for p in texts), "".join(p.original for p in texts))


def _cells(text: str, separator: str | None) -> list[str]:
    """The cells of a row: split at ``|``, or at spaces (joining single characters a header spaced out)."""
    if separator == "|":
        return [cell.strip() for cell in re.split(r"[|｜]", text) if cell.strip()]
    return _join_spaced(text.split())


def _header_cell(text: str) -> str:
    """A header's cell on a line of its own, its characters spaced out joined (``目   标   与   任   务``)."""
    cell = remove_pinyin(text).strip(_SPACE)
    joined = _join_spaced(cell.split())
    return joined[0] if len(joined) == 1 else cell


def _join_spaced(cells: list[str]) -> list[str]:
    """Join runs of single Chinese characters into one cell (``工 作 任 务`` → ``工作任务``)."""
    joined: list[str] = []
    run = ""
    for cell in cells:
        if len(cell) == 1 and _CJK.match(cell):
            run += cell
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(cell)
    if run:
        joined.append(run)
    return joined


def _header_cells(cells: list[str], markers: list[Marker | None]) -> bool:
    """Whether cells are a table's header: short, and one of them a column of bodies."""
    if any(len(cell) > _LONGEST_HEADER_CELL or "：" in cell or ":" in cell for cell in cells):
        return False  # a labelled line (责任单位：…) is no header
    return any(marker is not None and marker.role in _ROLE_VALUES for marker in markers)


def _ends_with_colon(text: str) -> bool:
    """Whether `text` ends with a colon, spaces aside."""
    return text.rstrip(_SPACE).endswith(("：", ":"))


def _siblings(unit: _Unit, other: _Unit) -> bool:
    """Whether two units stand in one section, or are items numbered side by side in one section."""
    keys = [s.key for s in unit.sections]
    other_keys = [s.key for s in other.sections]
    return keys == other_keys or (
        unit.numbered and other.numbered and len(keys) == len(other_keys) and keys[:-1] == other_keys[:-1]
    )


def _inside(unit: _Unit, heading: _Unit) -> bool:
    """Whether `unit` stands under the heading `heading` opened."""
    section = heading.sections[-1] if heading.sections else None
    return section is not None and any(s is section for s in unit.sections) and unit is not heading


def _joined_names(statements: list[Statement]) -> list[NamedBody]:
    """The names of several statements as one list: positions and groups run on."""
    names: list[NamedBody] = []
    for statement in statements:
        groups = names[-1].group if names else 0
        before = len(names)
        names.extend(
            NamedBody(n.name, n.group + groups, n.position + before, n.marker) for n in statement.names
        )
    return names


def _repeated(names: Iterable[NamedBody]) -> str:
    """The bodies named more than once, with how often (``'自治区财政厅' ×2``), or ``""``."""
    counts: dict[str, int] = {}
    for named in names:
        counts[named.name] = counts.get(named.name, 0) + 1
    return "、".join(f"'{name}' ×{count}" for name, count in counts.items() if count > 1)


def _once(
    names: list[NamedBody], bodies: list[Body], roles: list[str]
) -> tuple[list[NamedBody], list[Body], list[str]]:
    """Each body once: where a task names a body twice it keeps its first place, and lead if either leads."""
    first: dict[str, int] = {}
    kept_names: list[NamedBody] = []
    kept_bodies: list[Body] = []
    kept_roles: list[str] = []
    for named, body, role in zip(names, bodies, roles, strict=True):
        if named.name in first:
            if role == "lead":
                kept_roles[first[named.name]] = "lead"
            continue
        first[named.name] = len(kept_names)
        kept_names.append(named)
        kept_bodies.append(body)
        kept_roles.append(role)
    return kept_names, kept_bodies, kept_roles


def _task_ids(units: list[_Unit]) -> list[str]:
    """Each task's outline id: area, item and paragraph (``T1.2.1``).

    The top level (三、主要任务) is left out when every task stands under the same one. Where an
    outline skips levels unevenly, so that two tasks would get one id, every id is the task's full
    section key instead, skipped levels as 0 (``T1.0.1.1``); tasks that still share an id are told
    apart by a letter.
    """
    tops = {unit.sections[0].key for unit in units if unit.sections}
    counts: dict[tuple[str, ...], int] = {}
    paragraphs = []
    for unit in units:
        key = tuple(s.key for s in unit.sections)
        counts[key] = counts.get(key, 0) + 1
        paragraphs.append(counts[key])
    ids = []
    for unit, paragraph in zip(units, paragraphs, strict=True):
        numbers = [s.key.rsplit(".", 1)[-1] for s in unit.sections if s.level > 1 or len(tops) > 1]
        ids.append("T" + ".".join([*numbers, str(paragraph)]))
    if len(set(ids)) < len(ids):
        ids = [
            "T" + ".".join([*(s.key for s in unit.sections[-1:]), str(paragraph)])
            for unit, paragraph in zip(units, paragraphs, strict=True)
        ]
    seen: dict[str, int] = {}
    distinct = []
    for task_id in ids:
        seen[task_id] = seen.get(task_id, 0) + 1
        distinct.append(task_id if seen[task_id] == 1 else f"{task_id}{chr(ord('a') + seen[task_id] - 2)}")
    return distinct


def _joined(found: list[_Found]) -> str:
    """The content of several statements as one (``牵头责任单位：X；协同责任单位：Y``)."""
    if len(found) == 1:
        item = found[0]
        content = item.content
        if item.label and content.startswith(item.label) and content.count("：") + content.count(":") == 1:
            content = content[len(item.label) :].lstrip(_SPACE + "：:")  # a single label is left out
        return content
    return "；".join(item.content for item in found)
