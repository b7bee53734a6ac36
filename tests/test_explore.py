"""The explorer page without a browser: its data, its size, and that it loads nothing from elsewhere."""

import dataclasses
import json
import re
import warnings
from collections import Counter

import pytest

from hbey_graph import load_plan
from hbey_graph.cli import main
from hbey_graph.explore import NETWORK_LOADS, VIS_NETWORK_VERSION, explorer_data, render_explorer
from hbey_graph.graph import build_graph, nodes_of_kind
from hbey_graph.reference import data_path


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


@pytest.fixture(scope="module")
def G(plan):
    return build_graph(plan)


@pytest.fixture(scope="module")
def data(G, plan):
    return explorer_data(G, [plan])


def test_every_body_and_task_is_a_node_with_a_position(G, data):
    bodies = {d["name"] for _, d in nodes_of_kind(G, "Body")}
    tasks = [d["task_id"] for _, d in nodes_of_kind(G, "Task")]
    nodes = data["nodes"]
    assert sorted(n["zh"] for n in nodes if n["kind"] == "body") == sorted(bodies)
    assert sorted(n["task_id"] for n in nodes if n["kind"] == "task") == sorted(tasks)
    assert data["counts"]["graph_nodes"] == data["counts"]["nodes"] == len(bodies) + len(tasks) == 70
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert not data["aggregated"] and data["note"] == ""


def test_edges_are_the_plans_assignments(plan, data):
    by_id = {n["id"]: n for n in data["nodes"]}
    drawn = Counter((by_id[e["to"]]["task_id"], by_id[e["from"]]["zh"], e["role"]) for e in data["edges"])
    expected = Counter({(a.task_id, a.body, a.role) for a in plan.assignments})
    assert drawn == expected
    assert len(data["matrix"]["cells"]) == len(data["edges"])


def test_a_task_carries_its_roles_text_and_source_line(data):
    task = next(n for n in data["nodes"] if n.get("task_id") == "T2.3.1")
    source = data_path("nmg-2018-55-hbey-plan.txt").read_text(encoding="utf-8").split("\n")
    first, _last = task["lines"]
    assert task["source"][0] == [first, source[first - 1]]
    assert "文化旅游" in task["source"][0][1]
    assert task["theme"] == "文化旅游业" and task["theme_en"] == "Culture and tourism"
    assert task["text"].startswith("文化旅游业。着力打造黄河华夏文明")
    area = data["areas"][task["area"]]
    assert area == {"id": 1, "zh": "引导产业协同发展", "en": "Coordinated industrial development"}


def test_bodies_carry_english_names_and_clusters(data):
    commerce = next(n for n in data["nodes"] if n.get("zh") == "自治区商务厅")
    assert commerce["en"] == "Department of Commerce of Inner Mongolia"
    assert commerce["short_en"] == "Dept. of Commerce" and commerce["short"] == "商务厅"
    assert commerce["cluster"] == 1 and commerce["led"] == 2
    assert [c["id"] for c in data["clusters"]] == [1, 2, 3]
    # cluster 3 is 交通运输厅、能源局等：加快基础设施互联互通, 7 bodies (the consensus clusters)
    english = "3 Dept. of Transport, Energy Administration et al.: Connected infrastructure (7)"
    assert data["clusters"][2]["en"] == english


def test_a_large_graph_is_aggregated_to_the_busiest_bodies(plan):
    plans = [dataclasses.replace(plan, plan_id=f"copy-{i}") for i in range(3)]
    G = build_graph(plans)
    data = explorer_data(G, plans, max_tasks=100, max_bodies=10)
    assert data["aggregated"] and data["plans"] == 3
    assert [n["kind"] for n in data["nodes"]] == ["body"] * 10
    assert data["counts"] == {
        "graph_nodes": 32 + 3 * 38,
        "graph_bodies": 32,
        "graph_tasks": 114,
        "nodes": 10,
        "edges": len(data["edges"]),
    }
    assert "10" in data["note"] and "114" in data["note"]
    # 发展改革委 leads 10 tasks in each copy; with 自然资源厅 supporting 8 of them
    by_name = {n["zh"]: n["id"] for n in data["nodes"]}
    weight = next(
        e["weight"]
        for e in data["edges"]
        if e["from"] == by_name["自治区发展改革委"] and e["to"] == by_name["自治区自然资源厅"]
    )
    assert weight == 3 * 8


# ------------------------------------------------------------------------------ the file itself


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("explore") / "x.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["explore", "-o", str(out)]) == 0
    return out


def test_the_command_writes_one_file_under_5_mb(page):
    assert page.stat().st_size < 5_000_000
    assert sorted(p.name for p in page.parent.iterdir()) == ["x.html"]


def test_the_page_loads_nothing_from_elsewhere(page):
    text = page.read_text(encoding="utf-8")
    assert NETWORK_LOADS.findall(text) == []
    # every script is inline, every url() a data: URL, no <link> or <iframe> at all
    assert re.findall(r"<script[^>]*\bsrc=", text) == []
    assert re.findall(r"<(?:link|iframe|img|embed|object)\b", text, re.IGNORECASE) == []
    assert {m.split(":")[0] for m in re.findall(r"url\(\s*[\"']?([a-z]+:)", text)} <= {"data"}
    # addresses may appear as text (the library's licence header), but never as something loaded
    addresses = re.findall(r"https?://[^\s\"'<>)]+", text)
    assert set(addresses) <= {
        "https://visjs.github.io/vis-network/",
        "http://almende.com",
        "https://github.com/visjs",
        "http://www.apache.org/licenses/LICENSE-2.0",
        "http://opensource.org/licenses/MIT",
        "https://github.com/zloirock/core-js",
        "https://github.com/zloirock/core-js/blob/v3.51.0/LICENSE",
        "http://naver.github.io/egjs",
    }


@pytest.mark.parametrize(
    "sample",
    [
        '<script src="https://cdn.example.org/vis.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.org/css">',
        "body { background: url(https://example.org/a.png) }",
        'fetch("https://example.org/data.json")',
        "xhr.open('GET', 'http://example.org/x')",
        '@import "https://example.org/a.css";',
    ],
)
def test_the_check_for_loads_catches_each_kind(sample):
    assert NETWORK_LOADS.search(sample)


def test_the_vendored_library_is_named_with_its_version_and_licence():
    from importlib import resources

    vendor = resources.files("hbey_graph.explore").joinpath("vendor")
    script = vendor.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    assert f"@version {VIS_NETWORK_VERSION}" in script[:400]
    assert NETWORK_LOADS.findall(script) == []
    assert "MIT License" in vendor.joinpath("LICENSE-MIT").read_text(encoding="utf-8")
    assert "Apache License" in vendor.joinpath("LICENSE-APACHE-2.0").read_text(encoding="utf-8")
    assert f"vis-network {VIS_NETWORK_VERSION}" in vendor.joinpath("README.md").read_text(encoding="utf-8")


def test_the_data_cannot_close_its_script_element(G, plan):
    task = plan.tasks[0]
    odd_task = dataclasses.replace(task, text="</script><script>alert(1)</script>")
    odd = dataclasses.replace(plan, tasks=[odd_task, *plan.tasks[1:]])
    text = render_explorer(build_graph(odd), [odd], embed_font=False)
    pattern = r'<script id="explorer-data" type="application/json">(.*?)</script>'
    data = re.search(pattern, text, re.S).group(1)
    assert json.loads(data)["nodes"][0]["text"] == "</script><script>alert(1)</script>"


def test_a_large_plan_s_tasks_stand_beside_their_bodies(G, plan, monkeypatch):
    # the threshold lowered so that the bundled plan's 38 tasks take the large plans' layout
    from hbey_graph import explore

    monkeypatch.setattr(explore, "LAYOUT_TASKS", 10)
    data = explorer_data(G, [plan])
    assert data["counts"]["nodes"] == 32 + 38
    spots = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(spots) == 70  # no two nodes on one spot
    bodies = {n["id"]: (n["x"], n["y"]) for n in data["nodes"] if n["id"].startswith("b")}
    xs, ys = [x for x, _ in bodies.values()], [y for _, y in bodies.values()]
    for node in data["nodes"]:
        if node["id"].startswith("t"):  # within the bodies' extent, give or take the spiral's turn
            assert min(xs) - 120 <= node["x"] <= max(xs) + 120 and min(ys) - 120 <= node["y"] <= max(ys) + 120
