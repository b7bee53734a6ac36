"""Typed records of a parsed plan.

These are the only shapes that leave the parser: every later stage (graph, analyses, charts,
Neo4j) reads them and nothing else, and none of them changes a record it is given: treat them
as read-only. The records a plan makes by the thousand (assignments, mentions, links, with its
tasks, sections and issues) are plain dataclasses, not frozen ones, because a frozen dataclass is
several times slower to build; for the same reason they are not hashable. The records that come
from the reference tables and serve every parse (:class:`Body`, :class:`Place`, :class:`Project`)
are frozen, so that no plan can change them for the next.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BODY_TYPES",
    "ROLES",
    "Assignment",
    "Body",
    "Link",
    "Mention",
    "ParseIssue",
    "Place",
    "Plan",
    "Project",
    "Section",
    "Task",
]

#: Roles a body can hold in a task, in the order a task allocation table lists them.
ROLES: tuple[str, ...] = ("lead", "support", "implementer", "responsible")

#: Kinds of body the plan names.
BODY_TYPES: tuple[str, ...] = (
    "region_department",
    "department",
    "party_organ",
    "city_government",
    "central_agency",
    "enterprise",
    "group",
    "other",
)


@dataclass
class Section:
    """A heading of the plan's outline.

    Attributes
    ----------
    key : str
        Dotted position, e.g. ``"3"`` for 三、主要任务, ``"3.1"`` for its （一）, ``"3.1.2"`` for
        item ``2.`` in it.
    number : str
        The number as written: ``"三、"``, ``"（一）"``, ``"2."``.
    title : str
        The heading text without number or final punctuation.
    level : int
        1 for 一、, 2 for （一）, 3 for ``1.``.
    line : int
        1-based line of the heading in the source file.
    """

    key: str
    number: str
    title: str
    level: int
    line: int


@dataclass
class Task:
    """A task paragraph with its responsibility annotation.

    Attributes
    ----------
    task_id : str
        Stable id from the outline: ``"T1.2.1"`` is area （一）, item 2, first paragraph.
    seq : int
        Position among the plan's tasks, from 1.
    section_path : tuple of str
        Keys of the enclosing sections, outermost first (``("3", "3.1", "3.1.2")``).
    section : str
        Title of the task's area (the （一） level), e.g. ``"优化城市群发展空间布局"``.
    heading : str
        Title of the numbered item, e.g. ``"建设呼和浩特区域中心城市"``.
    theme : str or None
        The paragraph's opening theme sentence without its full stop (``"文化旅游业"``), if it has one.
    text : str
        The paragraph without its annotation, normalised.
    annotation : str
        The annotation's content as written (after normalisation), without its brackets.
    lines : tuple of int
        First and last 1-based source line of the paragraph, annotation included.
    original_text : str
        The paragraph as it stood before conversion to simplified characters (equal to ``text``
        for a simplified source).
    deadline : str
        The deadline the plan sets for the task, as written (``2019年底前``), or ``""``.
    lead_official : str
        The official the plan names to lead the task (``牵头领导``, ``责任领导``), or ``""``.
    """

    task_id: str
    seq: int
    section_path: tuple[str, ...]
    section: str
    heading: str
    theme: str | None
    text: str
    annotation: str
    lines: tuple[int, int]
    original_text: str = ""
    deadline: str = ""
    lead_official: str = ""


@dataclass(frozen=True)
class Body:
    """A responsible body.

    Attributes
    ----------
    name : str
        The name as written, with shared prefixes and suffixes distributed
        (``"自治区发展改革委"``, ``"包头市人民政府"``).
    full_name : str
        The full official name (``"内蒙古自治区发展和改革委员会"``).
    name_en : str
        An English name.
    body_type : str
        One of :data:`BODY_TYPES`.
    level : str
        Administrative level (``"provincial"``, ``"prefecture"``, ``"county"``, ``"collective"`` …).
    known : bool
        Whether the name is in the reference table; unknown bodies are classified by their form.
    """

    name: str
    full_name: str
    name_en: str
    body_type: str
    level: str
    known: bool = True


@dataclass
class Assignment:
    """One body's role in one task.

    Attributes
    ----------
    task_id : str
        The task.
    body : str
        The body's name as written (a key into :attr:`Plan.bodies`).
    role : str
        One of :data:`ROLES`.
    position : int
        1-based position of the body in its annotation.
    group : int
        1-based index of the annotation group (``，``-separated) the body stands in.
    """

    task_id: str
    body: str
    role: str
    position: int
    group: int = 1


@dataclass
class ParseIssue:
    """Something in the source the parser noticed and dealt with, or could not read.

    Attributes
    ----------
    line : int
        1-based source line.
    kind : str
        Short category (``"page-break"``, ``"stray-token"``, ``"unknown-body"`` …).
    message : str
        What was found and what was done about it.
    severity : str
        ``"warning"`` for an anomaly a reader should look at (emitted as a
        :class:`~hbey_graph.errors.ParseWarning`), ``"repair"`` for routine extraction noise that
        was mended (a sentence joined across a page break, a space beside a number), ``"note"`` for
        what is worth knowing but needs no look (a body the reference table lacks, read by its name).
    """

    line: int
    kind: str
    message: str
    severity: str = "warning"

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Place:
    """A place named in the plan, from the gazetteer.

    Attributes
    ----------
    name : str
        Canonical name (``"鄂尔多斯市"``, ``"达拉特旗"``).
    level : str
        ``country``, ``province``, ``city``, ``district``, ``county``, ``banner``, ``county_city``,
        ``town``, ``zone``, ``port`` or ``region``.
    parent_city : str or None
        Prefecture-level city it lies in (itself for a prefecture city).
    province : str or None
        Province-level unit it lies in.
    lon, lat : float or None
        Approximate WGS84 coordinates.
    name_en : str
        English or pinyin name.
    """

    name: str
    level: str
    parent_city: str | None
    province: str | None
    lon: float | None
    lat: float | None
    name_en: str


@dataclass
class Mention:
    """A place named in a task's text.

    Attributes
    ----------
    task_id : str
        The task.
    place : str
        Canonical place name.
    surface : str
        The text as written (``"鄂尔多斯"``, ``"呼包鄂"``).
    start, end : int
        Character offsets into :attr:`Task.text`.
    via : str
        ``"name"`` for a direct mention, ``"abbreviation"`` when expanded from one.
    """

    task_id: str
    place: str
    surface: str
    start: int
    end: int
    via: str = "name"


@dataclass(frozen=True)
class Project:
    """A named project, platform, base, park, corridor … in a task.

    Attributes
    ----------
    name : str
        Name as written.
    category : str
        ``base``, ``park``, ``platform``, ``railway`` …
    task_id : str
        Task that names it.
    places : tuple of str
        Canonical places it is located in or connects.
    source : str
        ``"catalogue"`` (curated) or ``"pattern"`` (proposed by the pattern finder).
    """

    name: str
    category: str
    task_id: str
    places: tuple[str, ...] = ()
    source: str = "catalogue"


@dataclass
class Link:
    """A link between two places that the plan states.

    Attributes
    ----------
    source, target : str
        Canonical place names (prefecture cities at ``level == "city"``).
    level : str
        ``"place"`` or ``"city"``.
    kind : str
        ``chain``, ``cooperation``, ``corridor`` or ``co_implementation``.
    task_id : str
        The task whose text states it.
    evidence : str
        The sentence that states it.
    """

    source: str
    target: str
    level: str
    kind: str
    task_id: str
    evidence: str


@dataclass
class Plan:
    """A parsed implementation plan.

    Attributes
    ----------
    plan_id : str
        Short id used to scope graph keys (the source file's stem by default).
    title, doc_number, issuer : str
        Title, document number (``"内政发〔2018〕55号"``) and issuing body.
    date : datetime.date or None
        Date of issue.
    source : pathlib.Path or None
        File it was read from.
    sections, tasks, assignments : list
        The outline, the task paragraphs and every body's role in every task.
    bodies : dict
        Every body named, by name as written.
    issues : list of ParseIssue
        What the parser noticed in the source (warnings), with line numbers.
    conventions : list of str
        Rule sentences stated in annotations (``列为首位的自治区部门为推进牵头部门…``).
    places, mentions, projects, links : list
        Places named, where tasks name them, projects and place links.
    """

    plan_id: str
    title: str
    doc_number: str
    issuer: str
    date: date | None
    source: Path | None
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)
    assignments: list[Assignment] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    conventions: list[str] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def task(self, task_id: str) -> Task:
        """Return the task with id `task_id` (raises ``KeyError`` if there is none)."""
        for task in self.tasks:
            if task.task_id == task_id:
                return task
        raise KeyError(task_id)

    def assignments_of(self, task_id: str) -> list[Assignment]:
        """Return the assignments of one task in annotation order."""
        return [a for a in self.assignments if a.task_id == task_id]

    def lead_of(self, task_id: str) -> str | None:
        """Return the name of the body leading `task_id`, or None if no body leads it."""
        return next((a.body for a in self.assignments if a.task_id == task_id and a.role == "lead"), None)

    def coverage(self) -> tuple[int, int]:
        """How much of the plan was read: tasks with a responsible body found, and task-like items.

        Task-like items are those tasks and the items listed in :attr:`issues` as
        ``unassigned-task`` (numbered items and paragraphs of a section with tasks, no body found).

        Returns
        -------
        tuple of int
            (tasks with a body, task-like items).
        """
        assigned = len({a.task_id for a in self.assignments})
        unassigned = sum(issue.kind == "unassigned-task" for issue in self.issues)
        return assigned, len(self.tasks) + unassigned

    def subset(self, *, sections: Iterable[str] | None = None, tasks: Iterable[str] | None = None) -> Plan:
        """A plan holding only some tasks, with every record that refers to them.

        Parameters
        ----------
        sections : iterable of str, optional
            Keep the tasks in these sections: an area title (``"引导产业协同发展"``), the title of
            any enclosing section, or a section key (``"3.2"``).
        tasks : iterable of str, optional
            Keep the tasks with these ids.

        Returns
        -------
        Plan
            The same plan id, metadata, issues and conventions; the kept tasks (their ids and
            ``seq`` unchanged), the sections enclosing them, and the assignments, mentions,
            projects and links of those tasks; the bodies they name and the places their
            mentions, projects and links name (with the cities and provinces above them). When
            both filters are given a task must pass both.

        Raises
        ------
        ValueError
            If a section or task id matches nothing in the plan, or no filter is given.

        Examples
        --------
        >>> from hbey_graph import load_plan
        >>> area = load_plan().subset(sections=["引导产业协同发展"])
        >>> len(area.tasks), area.tasks[0].task_id, sorted({t.section for t in area.tasks})
        (13, 'T2.1.1', ['引导产业协同发展'])
        """
        if sections is None and tasks is None:
            raise ValueError("give sections=, tasks= or both")
        titles = {section.key: section.title for section in self.sections}
        keep = list(self.tasks)
        if sections is not None:
            wanted = set(sections)
            known = set(titles) | set(titles.values()) | {task.section for task in self.tasks}
            unknown = sorted(wanted - known)
            if unknown:
                raise ValueError(f"plan {self.plan_id}: no section {unknown[0]!r}")

            def inside(task: Task) -> bool:
                names = {task.section, *task.section_path, *(titles.get(k, "") for k in task.section_path)}
                return bool(names & wanted)

            keep = [task for task in keep if inside(task)]
        if tasks is not None:
            ids = set(tasks)
            unknown = sorted(ids - {task.task_id for task in self.tasks})
            if unknown:
                raise ValueError(f"plan {self.plan_id}: no task {unknown[0]!r}")
            keep = [task for task in keep if task.task_id in ids]
        kept_ids = {task.task_id for task in keep}
        paths = {key for task in keep for key in task.section_path}
        assignments = [a for a in self.assignments if a.task_id in kept_ids]
        mentions = [m for m in self.mentions if m.task_id in kept_ids]
        projects = [p for p in self.projects if p.task_id in kept_ids]
        links = [link for link in self.links if link.task_id in kept_ids]
        named = {a.body for a in assignments}
        places = {m.place for m in mentions} | {p for project in projects for p in project.places}
        places |= {link.source for link in links} | {link.target for link in links}
        frontier = list(places)
        while frontier:  # the cities and provinces above the places kept
            place = self.places.get(frontier.pop())
            for above in (place.parent_city, place.province) if place is not None else ():
                if above and above not in places:
                    places.add(above)
                    frontier.append(above)
        return Plan(
            plan_id=self.plan_id,
            title=self.title,
            doc_number=self.doc_number,
            issuer=self.issuer,
            date=self.date,
            source=self.source,
            sections=[section for section in self.sections if section.key in paths],
            tasks=keep,
            bodies={name: body for name, body in self.bodies.items() if name in named},
            assignments=assignments,
            issues=list(self.issues),
            conventions=list(self.conventions),
            places={name: place for name, place in self.places.items() if name in places},
            mentions=mentions,
            projects=projects,
            links=links,
        )

    def table(self, name: str) -> pandas.DataFrame:
        """Return one of the plan's tables as a DataFrame.

        Parameters
        ----------
        name : str
            ``tasks``, ``assignments``, ``bodies``, ``places``, ``mentions``, ``projects`` or
            ``links``; see :mod:`hbey_graph.tables`.
        """
        from hbey_graph import tables

        return tables.table(self, name)
