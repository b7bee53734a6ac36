"""Named projects of a plan: a curated catalogue for known plans, a pattern finder for any plan.

The catalogue
-------------
``data/projects.csv`` lists the projects of each plan it knows, one row per project and task:
``plan`` (the plan id, i.e. the plan file's stem, ``nmg-2018-55-hbey-plan`` for the bundled plan),
``task_id``, ``project``, ``category``, ``places`` (``|``-separated canonical places), ``written`` (the
words of the task text the entry was read from) and ``note``. Where the plan shares one head noun
between several items, the head is distributed as the parser distributes prefixes and suffixes over
bodies: ``包头机场、鄂尔多斯机场`` are two entries, ``清水河县、石拐区…等区域内通用机场`` one entry per
county (``清水河县通用机场`` …), ``鸿盛、金川、金山、裕隆等园区`` four parks. A project keeps one name
across tasks (``鄂尔多斯综合保税区`` in three tasks is one zone); a generic name used for two
different projects gets its place in brackets (``保税物流中心（和林格尔新区）``,
``保税物流中心（乌兰察布市）``).

Categories: ``base``, ``park``, ``platform``, ``zone``, ``port``, ``corridor``, ``railway``,
``highway``, ``airport``, ``pipeline``, ``power_line``, ``energy``, ``reservoir``, ``water_project``,
``fund``, ``centre``, ``demonstration`` (pilots and demonstration cities), ``ecological`` (ecology and
pollution-control works), ``scenic_area``, ``network``, ``facility``, ``programme``, ``project``,
``other``. Names and brands that are not projects (``稀土钢品牌``, ``昭君博物院``, events such as
``国际那达慕``, alliances and mechanisms such as ``技术转移联盟``) are not catalogued.

:func:`plan_projects` uses the catalogue of a plan when it is asked for that plan id, or, without an
id, when the ``written`` words of at least :data:`CATALOGUE_MATCH` of a catalogued plan's entries
stand in the tasks of the same id. Otherwise the pattern finder proposes the projects. An entry whose
``written`` words are not in its task is left out with a :class:`~hbey_graph.errors.ParseWarning`.

The pattern finder
------------------
:func:`find_project_candidates` finds names ending in a suffix of ``data/project_patterns.csv``
(``基地``, ``园区``, ``铁路`` …; the longest suffix wins, and a ``not_before`` column rules out
continuations such as ``中心城区``). The name runs back from the suffix to the clause, the list item
(``、``) or a name that ends before ``和``/``及``/``与``; it is cut after the last leading verb or
function word (``建设``, ``推进``, ``的``, ``等`` …) that leaves a name of at least two characters before
the suffix; leading connectors and counters (``和``, ``一批``) are trimmed; a place name is never cut
into. A suffix right after a function word (``以机场``, ``…的通道``) or a pattern of category ``-``
(``为中心``) ends no name. ``A、B、C等园区`` gives ``A园区``, ``B园区``, ``C园区``, each with the
offsets of its item, and ``A至B、C至D铁路`` gives ``A至B铁路`` and ``C至D铁路``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from hbey_graph.errors import ParseWarning
from hbey_graph.extract.gazetteer import Gazetteer, default_gazetteer
from hbey_graph.records import Project, Task
from hbey_graph.reference import read_table

__all__ = [
    "CATALOGUE_MATCH",
    "ProjectPattern",
    "catalogue_plan_for",
    "catalogue_plans",
    "catalogue_projects",
    "catalogue_rows",
    "find_project_candidates",
    "pattern_projects",
    "plan_projects",
    "project_patterns",
]

#: Share of a catalogued plan's entries that must be found in the tasks for the catalogue to apply.
CATALOGUE_MATCH = 0.9

#: Verbs and function words after which a project name starts (cut at the last one).
_CUT_WORDS: tuple[str, ...] = (
    "规划建设好",
    "开发建设",
    "建设好",
    "建设",
    "推进",
    "推动",
    "打造",
    "加快",
    "支持",
    "实施",
    "开展",
    "创建",
    "设立",
    "建成",
    "申报",
    "整合",
    "依托",
    "引导",
    "鼓励",
    "争取",
    "完善",
    "深化",
    "培育",
    "提升",
    "建立",
    "构建",
    "改造扩建",
    "改造",
    "扩建",
    "优化",
    "融入",
    "对接",
    "落实",
    "形成",
    "连通",
    "畅通",
    "加强",
    "强化",
    "承接",
    "共建",
    "共办",
    "引进",
    "推广",
    "发挥",
    "建好",
    "新建",
    "启动",
    "谋划",
    "批复",
    "的",
    "为",
    "将",
    "在",
    "以",
    "等",
    "是",
    "把",
    "向",
)
_CUT_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(sorted((w for w in _CUT_WORDS if w[0] == first), key=len, reverse=True))
    for first in {w[0] for w in _CUT_WORDS}
}
#: Connectors and counters trimmed from the start of a name.
_LEADING: tuple[str, ...] = ("以及", "和", "及", "与", "并", "等", "好", "一批", "一些", "若干", "各类")
#: Connectors after which an earlier name has ended (``A基地和B基地``).
_NAME_JOINS: tuple[str, ...] = ("和", "及", "与", "并", "以及")
_STOP = "，。；：、！？,;:!?\n\t "
_CLAUSE_STOP = "，。；：！？,;:!?\n\t"
_MAX_NAME = 40
_MIN_NAME = 4
_MIN_PREFIX = 2  # a name ending in a two-character suffix needs two characters before it
_FUNCTION_WORDS = "以为的在将把向是"  # 以…为中心, 高铁网的通道: the suffix is no name's end
_ROUTE_JOINS = ("至", "到")
_NOT_A_NAME = "-"  # category of patterns that mark where no name ends
_OPEN, _CLOSE = "（(“《", "）)”》"


@dataclass(frozen=True)
class ProjectPattern:
    """A name suffix that marks a project, with its category.

    Attributes
    ----------
    suffix : str
        The end of a project name (``"基地"``).
    category : str
        Category given to names ending in it.
    not_before : tuple of str
        Continuations that show the suffix does not end a name (``中心`` in ``中心城区``).
    """

    suffix: str
    category: str
    not_before: tuple[str, ...] = ()


@cache
def project_patterns() -> tuple[ProjectPattern, ...]:
    """Return the suffix patterns of ``project_patterns.csv``, longest suffix first.

    Examples
    --------
    >>> patterns = project_patterns()
    >>> next(p.category for p in patterns if p.suffix == "高速公路")
    'highway'
    """
    patterns = [
        ProjectPattern(
            row["suffix"].strip(),
            row["category"].strip(),
            tuple(s for s in row.get("not_before", "").split("|") if s),
        )
        for row in read_table("project_patterns.csv")
    ]
    return tuple(sorted(patterns, key=lambda p: -len(p.suffix)))


def _balanced(name: str) -> bool:
    depth = 0
    for char in name:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _suffix_hits(text: str, patterns: Sequence[ProjectPattern]) -> list[tuple[int, int, ProjectPattern]]:
    """Return (start, end, pattern) of suffixes that end a name, the latest-ending of overlaps kept."""
    by_last: dict[str, list[ProjectPattern]] = {}
    for pattern in patterns:  # longest first
        by_last.setdefault(pattern.suffix[-1], []).append(pattern)
    if not by_last:
        return []
    found: list[tuple[int, int, ProjectPattern]] = []
    # only where a suffix's last character stands can a suffix end
    for last in re.finditer(f"[{re.escape(''.join(by_last))}]", text):
        end = last.end()
        for pattern in by_last[last.group()]:
            start = end - len(pattern.suffix)
            if start < 0 or text[start:end] != pattern.suffix:
                continue
            if text.startswith(pattern.not_before, end):  # any of them
                continue
            found.append((start, end, pattern))
            break
    kept: list[tuple[int, int, ProjectPattern]] = []
    for hit in found:  # 产业园 inside 产业园区: keep the one that ends later
        while kept and kept[-1][1] > hit[0]:
            kept.pop()
        kept.append(hit)
    return kept


def _protected(gazetteer: Gazetteer, text: str) -> list[tuple[int, int]]:
    return [(hit.start, hit.end) for hit in gazetteer.scan(text)]


def _inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _trim(text: str, start: int, suffix_start: int, spans: list[tuple[int, int]], keep: int) -> int:
    """Return where the name in ``text[start:…]`` begins after cutting verbs and trimming connectors."""
    best = start
    for cut in range(suffix_start - keep, start - 1, -1):  # the last cut that leaves `keep` chars
        word = next(
            (
                w
                for w in _CUT_BY_FIRST.get(text[cut], ())
                if text.startswith(w, cut) and cut + len(w) <= suffix_start - keep
            ),
            None,
        )
        if word and not _inside(cut, spans) and not _inside(cut + len(word), spans):
            best = cut + len(word)
            break
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if (
                text.startswith(lead, best)
                and best + len(lead) <= suffix_start - keep
                and not any(s == best for s, _ in spans)
            ):
                best += len(lead)
                changed = True
    return best


def find_project_candidates(
    text: str, *, gazetteer: Gazetteer | None = None, patterns: Sequence[ProjectPattern] | None = None
) -> list[tuple[str, str, int, int]]:
    """Propose project names in any plan text: names ending in a project suffix.

    Parameters
    ----------
    text : str
        Any text.
    gazetteer : Gazetteer, optional
        Place names that are never cut into (the shipped gazetteer by default).
    patterns : sequence of ProjectPattern, optional
        The suffixes (``project_patterns.csv`` by default), longest first.

    Returns
    -------
    list of (name, category, start, end)
        In text order. ``text[start:end]`` is the name as written, except for a name distributed over
        an enumeration (``A、B等园区`` → ``A园区``), whose span is its item (``A``).

    Examples
    --------
    >>> find_project_candidates("加快建设西安至延安高速铁路，推进延安新机场和宝鸡机场建设。")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('西安至延安高速铁路', 'railway', 4, 13), ('延安新机场', 'airport', 16, 21),
     ('宝鸡机场', 'airport', 22, 26)]
    >>> [c[0] for c in find_project_candidates("推进鸿盛、金川等园区产城一体化")]
    ['鸿盛园区', '金川园区']
    """
    gaz = gazetteer or default_gazetteer()
    patterns = tuple(patterns) if patterns is not None else project_patterns()
    spans = _protected(gaz, text)
    hits = _suffix_hits(text, patterns)
    candidates: list[tuple[str, str, int, int]] = []
    for index, (suffix_start, end, pattern) in enumerate(hits):
        if pattern.category == _NOT_A_NAME:
            continue
        if suffix_start > 0 and text[suffix_start - 1] == "等":  # A、B、C等园区: the suffix is shared
            candidates.extend(_distributed(text, suffix_start - 1, pattern, spans, patterns))
            continue
        if suffix_start > 0 and text[suffix_start - 1] in _FUNCTION_WORDS:
            continue
        start = suffix_start
        floor = max(0, suffix_start - _MAX_NAME)
        earlier_ends = {h[1] for h in hits[:index]}
        while start > floor and text[start - 1] not in _STOP:
            if start in earlier_ends and text.startswith(_NAME_JOINS, start):
                break
            start -= 1
        keep = _MIN_PREFIX if len(pattern.suffix) <= _MIN_PREFIX else 0
        begin = _trim(text, start, suffix_start, spans, keep=keep)
        # a suffix that ends a place name (和林格尔新区, 满都拉口岸): the name starts no earlier than it
        begin = max([begin, *(s for s, e in spans if e == end and begin < s < suffix_start)])
        name, prefix = text[begin:end], text[begin:suffix_start]
        if (
            suffix_start - begin < keep
            or len(name) < _MIN_NAME
            or prefix in _CUT_WORDS
            or not _balanced(name)
            or (keep and not re.search(r"[\u4e00-\u9fff]", prefix))
        ):
            continue
        if any(join in prefix for join in _ROUTE_JOINS):  # A至B、C至D铁路: the head is shared
            joined = max(prefix.rfind(join) for join in _ROUTE_JOINS) + begin + 1
            head = next((text[e:end] for s, e in spans if s == joined and e < suffix_start), pattern.suffix)
            candidates.extend(_earlier_routes(text, begin, head, pattern.category, spans, earlier_ends))
        candidates.append((name, pattern.category, begin, end))
    return _outermost(candidates)


def _earlier_routes(
    text: str, begin: int, head: str, category: str, spans: list[tuple[int, int]], earlier_ends: set[int]
) -> list[tuple[str, str, int, int]]:
    found: list[tuple[str, str, int, int]] = []
    position = begin
    while position > 0 and text[position - 1] == "、" and position - 1 not in earlier_ends:
        item_end = item_start = position - 1
        while item_start > 0 and text[item_start - 1] not in _STOP and item_start not in earlier_ends:
            item_start -= 1
        item_begin = _trim(text, item_start, item_end, spans, keep=1)
        item = text[item_begin:item_end]
        if not any(join in item for join in _ROUTE_JOINS) or not _balanced(item):
            break
        found.insert(0, (item + head, category, item_begin, item_end))
        position = item_start
    return found


def _distributed(
    text: str,
    deng: int,
    pattern: ProjectPattern,
    spans: list[tuple[int, int]],
    patterns: Sequence[ProjectPattern],
) -> list[tuple[str, str, int, int]]:
    start = deng
    while start > 0 and text[start - 1] not in _CLAUSE_STOP:
        start -= 1
    items: list[tuple[int, int]] = []
    item_start = start
    for i in range(start, deng + 1):
        if i == deng or text[i] == "、":
            items.append((item_start, i))
            item_start = i + 1
    found = []
    for item_start, item_end in items:
        begin = _trim(text, item_start, item_end, spans, keep=1)
        item = text[begin:item_end]
        if not item or not _balanced(item):
            continue
        own = next((p for p in patterns if p.category != _NOT_A_NAME and item.endswith(p.suffix)), None)
        name, category = (item, own.category) if own else (item + pattern.suffix, pattern.category)
        if len(name) >= _MIN_NAME:  # an item that is already a name keeps it: 地质公园、…等旅游区
            found.append((name, category, begin, item_end))
    return found


def _outermost(candidates: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    kept = [
        c
        for c in candidates
        if not any(
            o is not c and o[2] <= c[2] and c[3] <= o[3] and (o[2], o[3]) != (c[2], c[3]) for o in candidates
        )
    ]
    seen: set[tuple[str, int]] = set()
    unique = []
    for c in sorted(kept, key=lambda c: (c[2], c[3])):
        if (c[0], c[2]) not in seen:
            seen.add((c[0], c[2]))
            unique.append(c)
    return unique


def pattern_projects(tasks: Sequence[Task], gazetteer: Gazetteer | None = None) -> list[Project]:
    """Return the pattern finder's projects of each task (``source="pattern"``).

    A project's places are the places named in it.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> task = Task("T1", 1, (), "", "", None, "推进包头至银川铁路建设。", "", (1, 1))
    >>> pattern_projects([task])  # doctest: +NORMALIZE_WHITESPACE
    [Project(name='包头至银川铁路', category='railway', task_id='T1', places=('包头市', '银川市'),
             source='pattern')]
    """
    gaz = gazetteer or default_gazetteer()
    projects: list[Project] = []
    for task in tasks:
        seen: set[str] = set()
        for name, category, _, _ in find_project_candidates(task.text, gazetteer=gaz):
            if name in seen:
                continue
            seen.add(name)
            places = tuple(dict.fromkeys(p for hit in gaz.scan(name) for p in hit.places))
            projects.append(Project(name, category, task.task_id, places, "pattern"))
    return projects


@cache
def catalogue_rows() -> tuple[dict[str, str], ...]:
    """Return the rows of ``projects.csv``.

    Examples
    --------
    >>> sorted(catalogue_rows()[0])
    ['category', 'note', 'places', 'plan', 'project', 'task_id', 'written']
    """
    return read_table("projects.csv")


@cache
def catalogue_plans() -> tuple[str, ...]:
    """Return the ids of the plans the catalogue holds.

    Examples
    --------
    >>> catalogue_plans()
    ('nmg-2018-55-hbey-plan',)
    """
    return tuple(dict.fromkeys(row["plan"] for row in catalogue_rows()))


def _normalise(text: str) -> str:
    """`text` without whitespace and with full-width round brackets, for comparing entries with tasks."""
    return "".join(text.split()).replace("(", "（").replace(")", "）")


@cache
def _catalogue_entries(plan_id: str) -> tuple[tuple[dict[str, str], str, Project], ...]:
    """The catalogue rows of a plan, each with its ``written`` words normalised and its project."""
    return tuple(
        (
            row,
            _normalise(row["written"]),
            Project(
                row["project"],
                row["category"],
                row["task_id"],
                tuple(p for p in row["places"].split("|") if p),
                "catalogue",
            ),
        )
        for row in catalogue_rows()
        if row["plan"] == plan_id
    )


def catalogue_plan_for(tasks: Sequence[Task]) -> str | None:
    """Return the catalogued plan whose entries stand in these tasks, or None.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> task = Task("T1.1.1", 1, (), "", "", None, "推进包头至银川铁路建设。", "", (1, 1))
    >>> catalogue_plan_for([task]) is None
    True
    """
    texts = {task.task_id: _normalise(task.text) for task in tasks}
    best, best_share = None, 0.0
    for plan in catalogue_plans():
        entries = _catalogue_entries(plan)
        found = sum(1 for row, written, _ in entries if written in texts.get(row["task_id"], "\0"))
        share = found / len(entries) if entries else 0.0
        if share >= CATALOGUE_MATCH and share > best_share:
            best, best_share = plan, share
    return best


def catalogue_projects(plan_id: str, tasks: Sequence[Task] | None = None) -> list[Project]:
    """Return the catalogued projects of a plan (``source="catalogue"``), in catalogue order.

    Parameters
    ----------
    plan_id : str
        A plan id from :func:`catalogue_plans`.
    tasks : sequence of Task, optional
        When given, each entry is checked against its task: an entry whose task is missing, or whose
        ``written`` words are not in the task's text, is left out with a :class:`ParseWarning`.

    Raises
    ------
    KeyError
        If the catalogue does not hold `plan_id`.

    Examples
    --------
    >>> [p.name for p in catalogue_projects("nmg-2018-55-hbey-plan") if p.task_id == "T3.1.3"][:3]
    ['呼和浩特新机场', '包头机场', '鄂尔多斯机场']
    """
    if plan_id not in catalogue_plans():
        raise KeyError(f"projects.csv: no catalogue for plan {plan_id!r}; catalogued: {catalogue_plans()}")
    texts = {task.task_id: _normalise(task.text) for task in tasks} if tasks is not None else None
    projects: list[Project] = []
    for row, written, project in _catalogue_entries(plan_id):
        if texts is not None:
            text = texts.get(row["task_id"])
            if text is None or written not in text:
                where = "is not a task" if text is None else f"does not contain {row['written']!r}"
                warnings.warn(
                    f"projects.csv: {row['project']} left out: task {row['task_id']} {where}",
                    ParseWarning,
                    stacklevel=2,
                )
                continue
        projects.append(project)  # frozen: the same record serves every parse
    return projects


def plan_projects(
    tasks: Sequence[Task], *, plan_id: str | None = None, gazetteer: Gazetteer | None = None
) -> list[Project]:
    """Return a plan's projects: curated when the catalogue holds the plan, else from the pattern finder.

    Parameters
    ----------
    tasks : sequence of Task
        The plan's tasks.
    plan_id : str, optional
        The plan's id; when the catalogue holds it, its entries are used.
    gazetteer : Gazetteer, optional
        For the pattern finder's places.

    Examples
    --------
    >>> from hbey_graph.records import Task
    >>> task = Task("T1", 1, (), "", "", None, "建设呼和浩特新机场。", "", (1, 1))
    >>> [(p.name, p.source) for p in plan_projects([task])]
    [('呼和浩特新机场', 'pattern')]
    """
    chosen = plan_id if plan_id in catalogue_plans() else catalogue_plan_for(tasks)
    if chosen is not None:
        return catalogue_projects(chosen, tasks)
    return pattern_projects(tasks, gazetteer)
