"""From plan text to a :class:`~hbey_graph.records.Plan`.

The parser walks the paragraphs once, keeping track of the outline (一、 → （一） → ``1.``), and turns
every paragraph that ends with a responsibility annotation into a task with its assignments. What it
repairs or cannot read is recorded in ``Plan.issues`` and emitted as a
:class:`~hbey_graph.errors.ParseWarning`, never dropped silently.
"""

from __future__ import annotations

import contextlib
import gc
import re
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from hbey_graph.errors import ParseWarning, PlanFormatError
from hbey_graph.extract.annotation import (
    Annotation,
    NamedBody,
    Reading,
    annotation_styles,
    assign_roles,
    find_annotation,
    read_names,
)
from hbey_graph.extract.bodies import BodyRegistry, body_registry
from hbey_graph.extract.geography import extract_geography
from hbey_graph.extract.readers import Source, read_source
from hbey_graph.extract.text import (
    Paragraph,
    heading_level,
    match_heading,
    outline_number,
    repair_paragraph,
    split_paragraphs,
    to_matching_text,
)
from hbey_graph.records import Assignment, Body, ParseIssue, Plan, Section, Task
from hbey_graph.reference import BUNDLED_PLAN, data_path

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["load_plan", "parse_plan", "parse_text"]

_SPACE = " \t\u3000"
_tuple_new = tuple.__new__
_CLOSING = tuple("）)〕]】］〗")
_NOTICE = re.compile(r"^(?P<issuer>.+?)关于印发(?P<title>.+)的通知$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_THEME = re.compile(r"^(?P<theme>[^，、；。,;]{2,20})。")


def load_plan(path: str | Path | None = None, *, plan_id: str | None = None) -> Plan:
    """Read and parse a plan file.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The plan file; the bundled plan 内政发〔2018〕55号 when omitted.
    plan_id : str, optional
        Id that scopes the plan's graph keys; the file's stem by default.

    Returns
    -------
    Plan

    Raises
    ------
    PlanReadError
        If the file cannot be read as text.
    PlanFormatError
        If the text holds no responsibility annotation.

    Examples
    --------
    >>> plan = load_plan()
    >>> plan.doc_number, len(plan.tasks), plan.lead_of("T1.2.1")
    ('内政发〔2018〕55号', 38, '自治区发展改革委')
    """
    source = read_source(data_path(BUNDLED_PLAN) if path is None else path)
    return parse_plan(source, plan_id=plan_id)


def parse_plan(source: Source, *, plan_id: str | None = None) -> Plan:
    """Parse the text of a plan file already read; see :func:`load_plan`.

    Examples
    --------
    >>> from hbey_graph.extract.readers import read_source
    >>> from hbey_graph.reference import BUNDLED_PLAN, data_path
    >>> plan = parse_plan(read_source(data_path(BUNDLED_PLAN)), plan_id="hbey")
    >>> plan.plan_id, len(plan.assignments)
    ('hbey', 339)
    """
    plan = parse_text(source.text, plan_id=plan_id or _slug(source.path.stem), source=source.path)
    for line, note in source.notes:
        issue = ParseIssue(line, "not-read", note)
        plan.issues.append(issue)
        warnings.warn(f"{source.path}: {issue}", ParseWarning, stacklevel=2)
    plan.issues.sort(key=lambda issue: issue.line)
    if not plan.tasks:
        raise PlanFormatError(
            f"{source.path}: no responsibility annotation found; expected task paragraphs ending "
            "with an annotation such as （实施主体：…）"
        )
    return plan


def parse_text(
    text: str,
    *,
    plan_id: str = "plan",
    source: Path | None = None,
    registry: BodyRegistry | None = None,
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

    Returns
    -------
    Plan
        With no tasks if the text has no annotation (:func:`load_plan` makes that an error).

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
    ... \'\'\')
    >>> [(a.body, a.role) for a in plan.assignments], plan.tasks[0].original_text
    ([('省水利厅', 'responsible'), ('省财政厅', 'responsible')], '推進河道治理。')
    """
    registry = registry or body_registry()
    styles = annotation_styles()
    issues: list[ParseIssue] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    with _collector_paused():
        matching = to_matching_text(text, issues)
        paragraphs = split_paragraphs(
            matching, issues, original=None if matching is text else text, standalone=styles.field_line
        )
        plan = Plan(plan_id=plan_id, title="", doc_number="", issuer="", date=None, source=source)
        _read_front_matter(plan, paragraphs)
        _Walker(plan, registry, issues).walk(paragraphs)
        plan.places, plan.mentions, plan.projects, plan.links = extract_geography(
            plan.tasks, plan.assignments, plan.bodies, plan_id=plan.plan_id
        )
    plan.issues = sorted(issues, key=lambda issue: issue.line)
    for issue in plan.issues:
        if issue.severity == "warning":
            warnings.warn(f"{source or plan_id}: {issue}", ParseWarning, stacklevel=2)
    return plan


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, then restore it as it was.

    A parse makes thousands of small objects that live until it returns, and no cycles that must be
    freed before then. With the collector running, its young generation fills and is scanned about
    twice per plan, and the objects promoted lead to full collections of the whole process (pandas
    and networkx included): paused, a parse takes 5-7 % fewer instructions, its survivors scanned
    once, afterwards. The collector is turned back on only if it was on, so a caller who paused it
    keeps it paused. The switch is process-wide: a thread that turns the collector off while a
    parse runs finds it on again when the parse ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _slug(stem: str) -> str:
    return re.sub(r"\s+", "-", stem.strip()) or "plan"


def _read_front_matter(plan: Plan, paragraphs: list[Paragraph]) -> None:
    """Fill title, issuer, document number and date from the lines before the outline."""
    front = []
    for paragraph in paragraphs:
        if heading_level(paragraph.text) is not None:
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
    heading: bool = False

    def cut(self, start: int, end: int, strip: str | None = None) -> _Piece:
        """The stretch ``[start:end]``, stripped of whitespace (or of `strip`) at both ends."""
        part = self.text[start:end]
        left = len(part) - len(part.lstrip(strip))
        right = len(part.rstrip(strip))
        if right <= left:
            return _Piece(self.paragraph, "", "", self.heading)
        # built as a tuple directly, as _make does: a plan cuts its paragraphs hundreds of times
        return _tuple_new(_Piece, (self.paragraph, part[left:right], self.original[start:end][left:right],
                                   self.heading))


@dataclass
class _Draft:
    """A task read but not yet numbered: ids and roles depend on the whole plan."""

    sections: tuple[Section, ...]
    paragraph: int
    task: dict[str, Any]  # the Task's fields but task_id and annotation
    annotations: list[tuple[Annotation, int]]


class _Walker:
    """One pass over the paragraphs, tracking the outline and collecting tasks."""

    def __init__(self, plan: Plan, registry: BodyRegistry, issues: list[ParseIssue]) -> None:
        self.plan, self.registry, self.issues = plan, registry, issues
        self.styles = annotation_styles()
        self.path: dict[int, Section] = {}
        self.paragraph_in_item = 0
        self.drafts: list[_Draft] = []
        self.pending: _Piece | None = None  # the last text without annotation: a line annotation may close it
        self.last_draft: _Draft | None = None  # the task the previous paragraph made
        self.plan_rule: str | None = None  # a convention stated outside any annotation
        self.unannotated: dict[int, tuple[Paragraph, str, str]] = {}
        self.memo: dict = {}  # groups already read: plans repeat them

    def walk(self, paragraphs: list[Paragraph]) -> None:
        for paragraph in paragraphs:
            text, original = repair_paragraph(paragraph, self.issues)
            piece = _Piece(paragraph, text, original)
            heading_match = match_heading(text)
            if heading_match is not None:
                after, heading = self._open_section(*heading_match, piece)
                self.pending, self.last_draft = heading, None
                if not after.text:
                    continue
                piece = after
            self._read_paragraph(piece)
        self._finish()
        task_tops = {draft.sections[0].key for draft in self.drafts if draft.sections}
        for paragraph, text, top in self.unannotated.values():
            if top in task_tops:
                self.issues.append(
                    ParseIssue(
                        paragraph.first_line,
                        "no-annotation",
                        f"paragraph in a task section has no responsibility annotation: '{text[:20]}…'",
                    )
                )

    def _read_paragraph(self, piece: _Piece) -> None:
        """Make `piece` a task, close the pending text with it, or keep it pending."""
        annotation = find_annotation(piece.text, self.registry)
        if annotation is None:
            self._note_convention(piece.text)
            self.pending, self.last_draft = piece, None
            if 1 in self.path:
                self.unannotated[id(piece.paragraph)] = (piece.paragraph, piece.text, self.path[1].key)
            return
        self._check_end(piece, annotation)
        annotations = [annotation]
        while True:  # annotations side by side: （牵头单位：X）（配合单位：Y）
            if not piece.text[: annotations[0].start].rstrip(_SPACE + "。").endswith(_CLOSING):
                break
            body = piece.cut(0, annotations[0].start, _SPACE + "。")
            before = find_annotation(body.text, self.registry)
            if before is None or before.end != len(body.text):
                break
            annotations.insert(0, before)
        body = piece.cut(0, annotations[0].start)
        line = piece.paragraph.last_line
        if body.text:
            self._add_task(body, annotations, piece)
        elif self.last_draft is not None:  # a further annotation line (协同责任单位：… after 牵头责任单位：…)
            self.last_draft.annotations.extend((a, line) for a in annotations)
            self.last_draft.task["lines"] = (self.last_draft.task["lines"][0], line)
        elif self.pending is not None:  # an annotation on a line of its own closes the text before it
            self.unannotated.pop(id(self.pending.paragraph), None)
            self._add_task(self.pending, annotations, piece)
        else:
            self._report(line, "orphan-annotation",
                         f"annotation '{annotation.content[:30]}' follows no task text; left out")
        self.pending = None

    def _note_convention(self, text: str) -> None:
        """Keep a convention stated in a note outside any annotation (注：列第一位的为牵头单位)."""
        if "牵头" not in text:  # most paragraphs: no convention pattern to try
            return
        rule = self.styles.convention_rule(text)
        if rule is not None:
            if text not in self.plan.conventions:
                self.plan.conventions.append(text)
            self.plan_rule = self.plan_rule or rule

    def _open_section(self, level: int, match: re.Match[str], piece: _Piece) -> tuple[_Piece, _Piece]:
        """Record a heading; return the text after its title and the title sentence itself.

        `match` is the heading's match of its outline pattern
        (:func:`~hbey_graph.extract.text.match_heading`).
        """
        number, rest = match.group("number", "rest")
        rest_start = match.start("rest")
        title, stop, _ = rest.partition("。")
        annotation = find_annotation(title, self.registry)
        if annotation is not None:  # an item that is one sentence with its annotation
            title_end, after_start = rest_start + annotation.start, rest_start
            title = title[: annotation.start].strip(" 。")
        else:
            title_end = after_start = rest_start + len(title) + len(stop)
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
        section = Section(key, number, title.strip(), level, piece.paragraph.first_line)
        self.plan.sections.append(section)
        path[level] = section
        self.path = path
        self.paragraph_in_item = 0
        title_piece = piece.cut(rest_start, title_end)
        heading = _Piece(piece.paragraph, title_piece.text, title_piece.original, heading=True)
        return piece.cut(after_start, len(piece.text)), heading

    def _add_task(self, body: _Piece, annotations: list[Annotation], closing: _Piece) -> None:
        """Draft a task from its text `body` and the annotations found in `closing`."""
        theme = None if body.heading else _THEME.match(body.text)
        sections = tuple(self.path.values())  # in ascending order of level
        outer = sections[-1].title if sections else ""
        self.paragraph_in_item += 1
        task = {
            "seq": len(self.drafts) + 1,
            "section_path": tuple(section.key for section in sections),
            "section": self.path[2].title if 2 in self.path else outer,
            "heading": self.path[3].title if 3 in self.path else outer,
            "theme": theme.group("theme") if theme else None,
            "text": body.text,
            "lines": (body.paragraph.first_line, closing.paragraph.last_line),
            "original_text": body.original,
        }
        line = closing.paragraph.last_line
        draft = _Draft(sections, self.paragraph_in_item, task, [(a, line) for a in annotations])
        self.drafts.append(draft)
        self.last_draft = draft

    def _check_end(self, piece: _Piece, annotation: Annotation) -> None:
        line = piece.paragraph.last_line
        trailing = piece.text[annotation.end :].strip("。. ")
        if trailing:
            self._report(line, "text-after-annotation",
                         f"text after the annotation belongs to no task: '{trailing[:30]}'")
        if not annotation.closed:
            self._report(line, "unclosed-annotation", "annotation has no closing bracket")

    def _read_annotations(self, draft: _Draft) -> Reading:
        """Read every annotation of a draft as one: positions and groups run on."""
        if len(draft.annotations) == 1:  # the common case: no renumbering
            annotation, line = draft.annotations[0]
            reading = read_names(annotation.content, self.registry, label=annotation.label, memo=self.memo)
            self._report_reading(reading, line)
            return reading
        reading = Reading()
        for annotation, line in draft.annotations:
            part = read_names(annotation.content, self.registry, label=annotation.label, memo=self.memo)
            groups = reading.names[-1].group if reading.names else 0
            before = len(reading.names)
            reading.names.extend(
                NamedBody(n.name, n.group + groups, n.position + before, n.marker) for n in part.names
            )
            reading.rule = reading.rule or part.rule
            self._report_reading(part, line)
        return reading

    def _report_reading(self, reading: Reading, line: int) -> None:
        for text in reading.unreadable:
            self._report(line, "unreadable", f"part of the annotation names no body: '{text[:30]}'; left out")
        for text in reading.other_fields:
            self.issues.append(ParseIssue(line, "other-field", f"'{text[:30]}' names no body; not recorded",
                                          "repair"))
        if not reading.names and not reading.other_fields:
            self._report(line, "empty-annotation", "annotation names no body")

    def _finish(self) -> None:
        """Read annotations, assign roles and number the tasks, now that the whole plan is known."""
        rule_in_force: str | None = None
        task_ids = _task_ids(self.drafts)
        for draft, task_id in zip(self.drafts, task_ids, strict=True):
            reading = self._read_annotations(draft)
            line = draft.annotations[-1][1]
            own = reading.rule_name
            if reading.rule and reading.rule not in self.plan.conventions:
                self.plan.conventions.append(reading.rule)
            rule = own or rule_in_force or self.plan_rule
            if own is not None and reading.rule_covers_following:
                rule_in_force = own
            known = self.plan.bodies  # the bodies named before: most names come again
            bodies = [known.get(named.name) or self.registry.resolve(named.name) for named in reading.names]
            roles = assign_roles(reading.names, bodies, rule)
            if bodies and "lead" not in roles and "responsible" not in roles:
                by_rule = any(named.marker is None for named in reading.names)
                self._report(line, "no-lead", "annotation names no region department to lead" if by_rule
                             else "annotation names no body to lead")
            self.plan.tasks.append(Task(task_id=task_id, annotation=_joined(draft.annotations), **draft.task))
            for body in bodies:
                if body.name not in known:
                    self._add_body(body, line)
            self.plan.assignments.extend([
                Assignment(task_id, named.name, role, named.position, named.group)
                for named, role in zip(reading.names, roles, strict=True)
            ])

    def _add_body(self, body: Body, line: int) -> None:
        """Record a body the plan names for the first time, reporting it if the reference table lacks it."""
        self.plan.bodies[body.name] = body
        if not body.known:
            self._report(line, "unknown-body",
                         f"body '{body.name}' is not in the reference table; classified as {body.body_type}")

    def _report(self, line: int, kind: str, message: str) -> None:
        self.issues.append(ParseIssue(line, kind, message))


def _task_ids(drafts: list[_Draft]) -> list[str]:
    """Each task's outline id: area, item and paragraph (``T1.2.1``).

    The top level (三、主要任务) is left out when every task stands under the same one. Where an
    outline skips levels unevenly, so that two tasks would get one id, every id is the task's full
    section key instead, skipped levels as 0 (``T1.0.1.1``).
    """
    tops = {draft.sections[0].key for draft in drafts if draft.sections}
    ids = []
    for draft in drafts:
        numbers = [s.key.rsplit(".", 1)[-1] for s in draft.sections if s.level > 1 or len(tops) > 1]
        ids.append("T" + ".".join([*numbers, str(draft.paragraph)]))
    if len(set(ids)) == len(ids):
        return ids
    return ["T" + ".".join([*(s.key for s in draft.sections[-1:]), str(draft.paragraph)]) for draft in drafts]


def _joined(annotations: list[tuple[Annotation, int]]) -> str:
    """The content of several annotation lines as one (``牵头责任单位：X；协同责任单位：Y``)."""
    if len(annotations) == 1:
        return annotations[0][0].content
    return "；".join(f"{a.label}：{a.content}" if a.label else a.content for a, _ in annotations)
