"""English names from the data files: short body names and area titles."""

import warnings

import pytest

from hbey_graph import load_plan
from hbey_graph.graph import body_table, build_graph, task_table
from hbey_graph.names import area_title_en, short_body_en


@pytest.fixture(scope="module")
def bundled():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_graph(load_plan())


def test_short_names_of_the_bundled_bodies(bundled):
    bodies = body_table(bundled).set_index("body")
    assert bodies.loc["自治区商务厅", "short_en"] == "Dept. of Commerce"
    assert bodies.loc["自治区发展改革委", "short_en"] == "Development and Reform Commission"
    assert bodies.loc["包头市人民政府", "short_en"] == "Baotou Municipal Govt."
    # every body with an English name has a short one, never longer than the official one
    named = bodies[bodies.name_en != ""]
    assert (named.short_en != "").all()
    assert (named.short_en.str.len() <= named.name_en.str.len()).all()
    assert not named.short_en.str.contains("Inner Mongolia Autonomous Region").any()


def test_short_name_rules_apply_in_order():
    # "Department of" becomes "Dept. of" and the region is dropped, in one name
    assert short_body_en("Department of Public Security of Inner Mongolia") == "Dept. of Public Security"
    assert short_body_en("A name no rule touches") == "A name no rule touches"


def test_every_area_of_the_bundled_plan_has_an_english_title(bundled):
    areas = list(dict.fromkeys(task_table(bundled).section))
    assert len(areas) == 6
    assert all(area_title_en(area) for area in areas)
