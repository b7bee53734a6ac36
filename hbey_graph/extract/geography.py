"""Places, mentions, projects and links of a parsed plan, read together."""

from __future__ import annotations

from operator import attrgetter

from hbey_graph.extract.gazetteer import Gazetteer, _mentions, default_gazetteer
from hbey_graph.extract.links import _find_links
from hbey_graph.extract.projects import plan_projects
from hbey_graph.records import Assignment, Body, Link, Mention, Place, Project, Task

__all__ = ["extract_geography"]


def extract_geography(
    tasks: list[Task],
    assignments: list[Assignment],
    bodies: dict[str, Body],
    *,
    plan_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    home: str | None = None,
) -> tuple[dict[str, Place], list[Mention], list[Project], list[Link]]:
    """Return the places, mentions, projects and links of a parsed plan.

    Parameters
    ----------
    tasks, assignments, bodies
        The parsed plan's tasks, assignments and bodies.
    plan_id : str, optional
        The plan's id; when the project catalogue holds this plan its curated projects are used.
        Without it the catalogue is used when its entries are found in the tasks' texts (see
        :func:`hbey_graph.extract.projects.plan_projects`); otherwise projects come from the pattern finder.
    gazetteer : Gazetteer, optional
        The shipped gazetteer by default.
    home : str, optional
        The plan's home province (:func:`~hbey_graph.extract.links.home_province`), the counterpart
        of provinces it names as partners; by default the province its implementing cities lie in.

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
    gaz = gazetteer or default_gazetteer()
    hits = [gaz.scan(task.text) for task in tasks]  # read once for mentions and links
    mentions = [m for task, found in zip(tasks, hits, strict=True) for m in _mentions(task, found)]
    projects = plan_projects(tasks, plan_id=plan_id, gazetteer=gaz)
    links = _find_links(tasks, hits, assignments, bodies, gaz, home=home)
    named = {m.place for m in mentions}
    for project in projects:
        named.update(project.places)
    named.update(map(attrgetter("source"), links))
    named.update(map(attrgetter("target"), links))
    return gaz.with_ancestors(named), mentions, projects, links
