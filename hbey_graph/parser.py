"""From plan text to a :class:`~hbey_graph.records.Plan`.

The parser walks the paragraphs once, keeping track of the outline (一、 → （一） → ``1.``), and turns
every paragraph that ends with a responsibility annotation into a task with its assignments. What it
repairs or cannot read is recorded in ``Plan.issues`` and emitted as a
:class:`~hbey_graph.errors.ParseWarning`, never dropped silently.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from hbey_graph.annotation import assign_roles, find_annotation, split_names
from hbey_graph.bodies import BodyRegistry, body_registry
from hbey_graph.errors import ParseWarning, PlanFormatError
from hbey_graph.readers import Source, read_source
from hbey_graph.records import Assignment, Body, ParseIssue, Plan, Section, Task
from hbey_graph.reference import BUNDLED_PLAN, data_path
from hbey_graph.text import HEADING_PATTERNS, Paragraph, clean_paragraph, heading_level, split_paragraphs

__all__ = ["load_plan", "parse_plan", "parse_text"]

_NOTICE = re.compile(r"^(?P<issuer>.+?)关于印发(?P<title>.+)的通知$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_THEME = re.compile(r"^(?P<theme>[^，、；。,;]{2,20})。")
_CHINESE_NUMERALS = "一二三四五六七八九十"
_LEADING_TYPES = frozenset({"region_department", "party_organ"})


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
    """Parse the text of a plan file already read; see :func:`load_plan`."""
    plan = parse_text(source.text, plan_id=plan_id or _slug(source.path.stem), source=source.path)
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
    >>> plan = parse_text('''一、主要任务
    ... （一）交通
    ... 1. 建设铁路。推进包头至银川铁路建设。（实施主体：包头市人民政府，自治区交通运输厅、发展改革委）
    ... ''')
    >>> [(a.body, a.role) for a in plan.assignments]  # doctest: +NORMALIZE_WHITESPACE
    [('包头市人民政府', 'implementer'), ('自治区交通运输厅', 'lead'), ('自治区发展改革委', 'support')]
    >>> plan.tasks[0].task_id, plan.tasks[0].heading, plan.tasks[0].text
    ('T1.1.1', '建设铁路', '推进包头至银川铁路建设。')
    """
    registry = registry or body_registry()
    issues: list[ParseIssue] = []
    paragraphs = split_paragraphs(text, issues)
    plan = Plan(plan_id=plan_id, title="", doc_number="", issuer="", date=None, source=source)
    _read_front_matter(plan, paragraphs)
    _Walker(plan, registry, issues).walk(paragraphs)
    plan.issues = sorted(issues, key=lambda issue: issue.line)
    for issue in plan.issues:
        if issue.severity == "warning":
            warnings.warn(f"{source or plan_id}: {issue}", ParseWarning, stacklevel=2)
    return plan


def _slug(stem: str) -> str:
    return re.sub(r"\s+", "-", stem.strip()) or "plan"


def _read_front_matter(plan: Plan, paragraphs: list[Paragraph]) -> None:
    """Fill title, issuer, document number and date from the lines before the outline."""
    front = []
    for paragraph in paragraphs:
        if heading_level(paragraph.text) is not None:
            break
        front.append(paragraph.text)
    for line in front:
        notice = _NOTICE.match(line)
        if notice and not plan.issuer:
            plan.issuer = notice.group("issuer")
            plan.title = notice.group("title")
        number = _DOC_NUMBER.search(line)
        if number and not plan.doc_number:
            plan.doc_number = number.group()
        day = _DATE.match(line)
        if day and plan.date is None:
            plan.date = date(*map(int, day.groups()))
    if not plan.title and front:
        plan.title = front[0]


@dataclass
class _Draft:
    """A task read but not yet numbered: ids depend on the whole outline."""

    sections: tuple[Section, ...]
    paragraph: int
    task: Task
    assignments: list[Assignment]


class _Walker:
    """One pass over the paragraphs, tracking the outline and collecting tasks."""

    def __init__(self, plan: Plan, registry: BodyRegistry, issues: list[ParseIssue]) -> None:
        self.plan, self.registry, self.issues = plan, registry, issues
        self.path: dict[int, Section] = {}
        self.paragraph_in_item = 0
        self.drafts: list[_Draft] = []

    def walk(self, paragraphs: list[Paragraph]) -> None:
        unannotated: list[tuple[Paragraph, str, str | None]] = []
        for paragraph in paragraphs:
            text = clean_paragraph(paragraph, self.issues)
            level = heading_level(text)
            if level is not None:
                text = self._open_section(level, text, paragraph.first_line)
                if not text:
                    continue
            if find_annotation(text) is not None:
                self._add_task(paragraph, text)
            elif 1 in self.path:
                unannotated.append((paragraph, text, self.path[1].key))
        self._number_tasks()
        task_tops = {draft.sections[0].key for draft in self.drafts if draft.sections}
        for paragraph, text, top in unannotated:
            if top in task_tops:
                self.issues.append(
                    ParseIssue(
                        paragraph.first_line,
                        "no-annotation",
                        f"paragraph in a task section has no responsibility annotation: '{text[:20]}…'",
                    )
                )

    def _open_section(self, level: int, text: str, line: int) -> str:
        """Record a heading; return the paragraph text that follows it on the same line."""
        match = HEADING_PATTERNS[level].match(text)
        assert match is not None
        number, rest = match.group("number"), match.group("rest")
        title, _, after = rest.partition("。")
        if find_annotation(title) is not None:  # an item that is one sentence with its annotation
            title, after = "", rest
        parent = self.path.get(level - 1)
        index = _number_value(number)
        key = f"{parent.key}.{index}" if parent is not None else str(index)
        section = Section(key, number, title.strip(), level, line)
        self.plan.sections.append(section)
        self.path = {lvl: sec for lvl, sec in self.path.items() if lvl < level}
        self.path[level] = section
        self.paragraph_in_item = 0
        return after.strip()

    def _add_task(self, paragraph: Paragraph, text: str) -> None:
        annotation = find_annotation(text)
        assert annotation is not None
        trailing = text[annotation.end :].strip("。. ")
        if trailing:
            self._report(paragraph.last_line, "text-after-annotation",
                         f"text after the annotation belongs to no task: '{trailing[:30]}'")
        if not text[: annotation.end].endswith(("）", ")", "〕", "]", "】")):
            self._report(paragraph.last_line, "unclosed-annotation", "annotation has no closing bracket")
        body_text = text[: annotation.start].strip()
        theme = _THEME.match(body_text)
        sections = tuple(self.path[level] for level in sorted(self.path))
        outer = sections[-1].title if sections else ""
        self.paragraph_in_item += 1
        task = Task(
            task_id="",
            seq=len(self.drafts) + 1,
            section_path=tuple(section.key for section in sections),
            section=self.path[2].title if 2 in self.path else outer,
            heading=self.path[3].title if 3 in self.path else outer,
            theme=theme.group("theme") if theme else None,
            text=body_text,
            annotation=annotation.content,
            lines=(paragraph.first_line, paragraph.last_line),
            original_text=body_text,
        )
        names, rule = split_names(annotation.content, self.registry)
        if rule and rule not in self.plan.conventions:
            self.plan.conventions.append(rule)
        if not names:
            self._report(paragraph.last_line, "empty-annotation", "annotation names no body")
        bodies = [self.registry.resolve(named.name) for named in names]
        if bodies and not any(body.body_type in _LEADING_TYPES for body in bodies):
            self._report(paragraph.last_line, "no-lead", "annotation names no region department to lead")
        assignments = []
        for named, body, role in zip(names, bodies, assign_roles(names, bodies), strict=True):
            self._add_body(body, paragraph.last_line)
            assignments.append(Assignment("", named.name, role, named.position, named.group))
        self.drafts.append(_Draft(sections, self.paragraph_in_item, task, assignments))

    def _add_body(self, body: Body, line: int) -> None:
        if body.name in self.plan.bodies:
            return
        self.plan.bodies[body.name] = body
        if not body.known:
            self._report(line, "unknown-body",
                         f"body '{body.name}' is not in the reference table; classified as {body.body_type}")

    def _report(self, line: int, kind: str, message: str) -> None:
        self.issues.append(ParseIssue(line, kind, message))

    def _number_tasks(self) -> None:
        """Give each task its outline id: area, item and paragraph (``T1.2.1``).

        The top level (三、主要任务) is left out when every task stands under the same one.
        """
        tops = {draft.sections[0].key for draft in self.drafts if draft.sections}
        for draft in self.drafts:
            numbers = [s.key.rsplit(".", 1)[-1] for s in draft.sections if s.level > 1 or len(tops) > 1]
            task_id = "T" + ".".join([*numbers, str(draft.paragraph)])
            self.plan.tasks.append(replace(draft.task, task_id=task_id))
            self.plan.assignments.extend(replace(a, task_id=task_id) for a in draft.assignments)


def _number_value(number: str) -> int:
    digits = re.sub(r"\D", "", number)
    if digits:
        return int(digits)
    numeral = re.sub(f"[^{_CHINESE_NUMERALS}]", "", number)
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CHINESE_NUMERALS.index(numeral[1]) + 1
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (_CHINESE_NUMERALS.index(tens) + 1) * 10 + (
            _CHINESE_NUMERALS.index(ones) + 1 if ones else 0
        )
    return _CHINESE_NUMERALS.index(numeral) + 1
