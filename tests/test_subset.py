"""Plan.subset: one policy area (or a few tasks) with every record kept consistent."""

import warnings

import pytest

from hbey_graph import load_plan
from hbey_graph.analysis import brokerage, cluster_structure, lead_workload, whole_network
from hbey_graph.graph import build_graph


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


def test_one_area_keeps_its_tasks_and_everything_that_refers_to_them(plan):
    area = plan.subset(sections=["推进生态环境共建共保"])
    ids = {task.task_id for task in area.tasks}
    assert ids == {task.task_id for task in plan.tasks if task.section == "推进生态环境共建共保"}
    assert all(task_id.startswith("T4.") for task_id in ids)
    for records in (area.assignments, area.mentions, area.projects, area.links):
        assert {record.task_id for record in records} <= ids
    # nothing of the area is lost
    assert len(area.assignments) == sum(a.task_id in ids for a in plan.assignments)
    assert len(area.projects) == sum(p.task_id in ids for p in plan.projects)
    # bodies are those named in the area; places those its records name, with the cities above them
    assert set(area.bodies) == {a.body for a in area.assignments}
    named = {m.place for m in area.mentions} | {p for project in area.projects for p in project.places}
    assert named <= set(area.places) | {p for p in named if p not in plan.places}
    for place in area.places.values():
        if place.parent_city and place.parent_city in plan.places:
            assert place.parent_city in area.places
    # the sections kept are the area and what encloses it, in the plan's order
    assert [s.key for s in area.sections][:2] == ["3", "3.4"]
    assert area.plan_id == plan.plan_id and area.title == plan.title


def test_every_analysis_runs_on_one_area(plan):
    # building the graph of a hand-filtered plan used to fail on projects naming dropped tasks
    G = build_graph(plan.subset(sections=["引导产业协同发展"]))
    workload = lead_workload(G)
    assert workload.led.sum() == 13  # every task of the area has one lead
    assert len(whole_network(G)) == 3
    assert not brokerage(G).empty
    assert cluster_structure(G, null_samples=5).iloc[0].nodes == 16


def test_tasks_and_sections_combine_and_unknown_names_are_errors(plan):
    both = plan.subset(sections=["3.2"], tasks=["T2.3.1", "T1.1.1"])
    assert [task.task_id for task in both.tasks] == ["T2.3.1"]  # T1.1.1 is outside area 3.2
    by_heading = plan.subset(sections=["强化产业分工协作"])  # a numbered item's title
    assert {task.task_id[:4] for task in by_heading.tasks} == {"T2.1"}
    with pytest.raises(ValueError, match="no section '不存在'"):
        plan.subset(sections=["不存在"])
    with pytest.raises(ValueError, match=r"no task 'T9\.9\.9'"):
        plan.subset(tasks=["T9.9.9"])
    with pytest.raises(ValueError, match="give sections="):
        plan.subset()
