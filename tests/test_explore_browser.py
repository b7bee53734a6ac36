"""The explorer page in a real browser: headless Chromium driven by Selenium, checked through the page.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them where it may) and
the ``selenium`` package (the ``dev`` extra). Where they are missing the tests are skipped with the
reason, except in CI (``CI`` set), where that is a failure, as for the Neo4j tests.
"""

import json
import os
import shutil
import time
import warnings

import pytest

from hbey_graph import load_plan
from hbey_graph.explore import write_explorer
from hbey_graph.graph import build_graph, nodes_of_kind
from hbey_graph.reference import data_path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str):
    if in_ci():
        pytest.fail(f"CI must run the browser tests, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


@pytest.fixture(scope="module")
def page_file(plan, tmp_path_factory):
    return write_explorer(plan, tmp_path_factory.mktemp("explorer") / "explorer.html")


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[dev]')")
    binary = next((path for path in map(shutil.which, BROWSERS) if path), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        unavailable("no Chromium and chromedriver on the path (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1500,950",
        "--disable-extensions",
        "--no-first-run",
    ):
        options.add_argument(argument)
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver, path):
    driver.get(path.as_uri())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if driver.execute_script("return Boolean(window.explorer && window.explorer.ready)"):
            return driver
        time.sleep(0.05)
    raise AssertionError(f"the explorer did not start; console: {driver.get_log('browser')}")


@pytest.fixture()
def page(browser, page_file):
    browser.get_log("performance")  # start each test with an empty log
    return open_page(browser, page_file)


def body_id(driver, name):
    return driver.execute_script(
        "var name = arguments[0];"
        "return window.explorer.data.nodes.filter(function (n) { return n.zh === name; })[0].id",
        name,
    )


def click_node(driver, node):
    """Click a node where it is drawn on the canvas, as a reader would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.execute_script(
        "window.explorer.network().focus(arguments[0], {scale: 1.2, animation: false})", node
    )
    point = driver.execute_script(
        "var n = window.explorer.network(); return n.canvasToDOM(n.getPosition(arguments[0]));", node
    )
    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, round(point["x"] - size["width"] / 2), round(point["y"] - size["height"] / 2)
    ).click().perform()


def test_the_page_shows_every_body_and_task_of_the_graph(page, plan):
    G = build_graph(plan)
    expected = len({d["name"] for _, d in nodes_of_kind(G, "Body")}) + len(list(nodes_of_kind(G, "Task")))
    assert page.execute_script("return window.explorer.nodeCount()") == expected == 70
    assert page.execute_script("return window.explorer.edgeCount()") == len(
        {(a.task_id, a.body, a.role) for a in plan.assignments}
    )
    # drawn: the canvas is there and the network knows a position for every node
    positions = page.execute_script("return window.explorer.network().getPositions()")
    assert len(positions) == expected
    assert page.get_log("browser") == []


@pytest.mark.parametrize("query", ["商务厅", "Department of Commerce", "dept. of commerce"])
def test_searching_a_body_selects_it(page, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = page.find_element(By.ID, "search")
    box.clear()
    box.send_keys(query)
    results = [li.text for li in page.find_elements(By.CSS_SELECTOR, "#results li")]
    assert results[:1] in (["自治区商务厅"], ["Department of Commerce of Inner Mongolia"])
    box.send_keys(Keys.ENTER)
    commerce = body_id(page, "自治区商务厅")
    assert page.execute_script("return window.explorer.selected()") == [commerce]
    assert page.find_element(By.ID, "panel-title").text == "自治区商务厅"
    # its neighbourhood is highlighted: its tasks and the bodies it shares them with stay opaque
    faded = page.execute_script(
        "return window.explorer.nodes.get().filter(function (n) { return n.opacity < 1; }).length"
    )
    assert 0 < faded < 70


def test_a_role_filter_hides_the_other_edges(page, plan):
    from selenium.webdriver.common.by import By

    for role in ("support", "implementer"):
        page.find_element(By.ID, f"role-{role}").click()
    visible = page.execute_script(
        "return window.explorer.visibleEdges().map(function (e) { return e.role; })"
    )
    leads = {(a.task_id, a.body) for a in plan.assignments if a.role == "lead"}
    assert visible == ["lead"] * len(leads)
    hidden = page.execute_script(
        "return window.explorer.edges.get().filter(function (e) { return e.hidden; }).length"
    )
    assert hidden == page.execute_script("return window.explorer.edgeCount()") - len(leads)
    assert f"显示 {len(leads)} / " in page.find_element(By.ID, "counts").text


def test_area_and_cluster_filters_keep_only_their_part(page):
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("id", "area")).select_by_visible_text("加快基础设施互联互通")
    tasks = page.execute_script(
        "var e = window.explorer; return e.visibleNodeIds().map(function (id) {"
        " return e.data.nodes.filter(function (n) { return n.id === id; })[0]; })"
        ".filter(function (n) { return n.kind === 'task'; }).map(function (n) { return n.task_id; })"
    )
    assert sorted(tasks) == ["T3.1.1", "T3.1.2", "T3.1.3", "T3.1.4", "T3.2.1", "T3.3.1", "T3.4.1"]
    Select(page.find_element("id", "area")).select_by_index(0)
    Select(page.find_element("id", "cluster")).select_by_value("3")
    bodies = page.execute_script(
        "var e = window.explorer; return e.visibleNodeIds().map(function (id) {"
        " return e.data.nodes.filter(function (n) { return n.id === id; })[0]; })"
        ".filter(function (n) { return n.kind === 'body'; }).map(function (n) { return n.cluster; })"
    )
    assert bodies and set(bodies) == {3}


def test_clicking_a_task_shows_its_text_roles_and_source_line(page):
    from selenium.webdriver.common.by import By

    task = page.execute_script(
        "return window.explorer.data.nodes.filter(function (n) { return n.task_id === 'T2.3.1'; })[0]"
    )
    click_node(page, task["id"])
    assert page.execute_script("return window.explorer.selected()") == [task["id"]]
    panel = page.find_element(By.ID, "panel")
    assert page.find_element(By.ID, "panel-title").text == "T2.3.1 文化旅游业"
    line = task["lines"][0]
    source = data_path("nmg-2018-55-hbey-plan.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    shown = panel.find_element(By.CSS_SELECTOR, ".source-line")
    assert shown.get_attribute("data-line") == str(line)
    assert shown.text == f"第 {line} 行：{source}"
    assert "自治区文化和旅游厅" in panel.find_element(By.CSS_SELECTOR, ".role-lead").text
    assert "呼和浩特市人民政府" in panel.find_element(By.CSS_SELECTOR, ".role-implementer").text


def test_a_matrix_cell_opens_its_task(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "tab-matrix").click()
    rows = page.find_elements(By.CSS_SELECTOR, "#matrix-table tbody tr[data-task]")
    assert len(rows) == 38
    cell = page.find_element(By.CSS_SELECTOR, "#matrix-table td.cell.lead")
    task = cell.get_attribute("data-task")
    cell.click()
    assert page.execute_script("return window.explorer.state.selected") == task
    assert page.find_element(By.ID, "panel-title").text.startswith("T1.1.1")
    assert page.find_elements(By.CSS_SELECTOR, "#panel .source-line")


def test_the_page_in_english(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "language").click()
    page.execute_script("window.explorer.search('Transport')")
    assert page.find_element(By.ID, "panel-title").text == "Department of Transport of Inner Mongolia"
    labels = page.execute_script("return window.explorer.nodes.get().map(function (n) { return n.label; })")
    assert "Dept. of Transport" in labels


def test_the_page_made_no_network_request(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "tab-matrix").click()
    page.execute_script("window.explorer.search('发展改革委')")
    requested = [
        json.loads(entry["message"])["message"]["params"]["request"]["url"]
        for entry in page.get_log("performance")
        if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"
    ]
    assert requested and all(url.startswith(("file://", "data:")) for url in requested), requested
    assert [url for url in requested if url.startswith("file://")] == [page.current_url]
    resources = page.execute_script(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; })"
    )
    assert all(name.startswith(("data:", "blob:")) for name in resources), resources


def test_a_screenshot_shows_the_network_drawn_with_the_embedded_font(page, tmp_path):
    """The network is drawn, and the font the page carries (not a system font) has its glyphs."""
    from matplotlib.image import imread

    path = tmp_path / "explorer.png"
    page.save_screenshot(str(path))
    image = imread(path)
    assert image.shape[1] == 1500
    network = image[60:, 260:1150, :3]
    assert network.std() > 0.05  # not blank: nodes, edges and labels are drawn
    loaded = page.execute_script("return document.fonts.check('14px hbey-cjk', '发展改革委')")
    assert loaded


def test_an_aggregated_corpus_page_opens_and_says_so(browser, plan, tmp_path):
    import dataclasses

    plans = [dataclasses.replace(plan, plan_id=f"copy-{i}") for i in range(4)]
    path = write_explorer(plans, tmp_path / "corpus.html", max_tasks=100, max_bodies=20)
    open_page(browser, path)
    assert browser.execute_script("return window.explorer.nodeCount()") == 20
    assert "152 tasks" in browser.find_element("id", "note").text


def test_a_missing_browser_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        unavailable("no Chromium")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        unavailable("no Chromium")
