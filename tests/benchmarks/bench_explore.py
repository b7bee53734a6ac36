"""The explorer page of a 1,000-plan corpus: time to write it, its size, and how fast it answers.

Run: ``.venv/bin/python tests/benchmarks/bench_explore.py [--plans 1000]`` (needs Chromium and
chromedriver, as the browser tests do).

The corpus is the 164 real documents of ``tests/corpus/plans`` repeated under new plan ids up to
``--plans``. The page is written (timed), then opened in headless Chromium: the time until the
network is drawn, a search and a role filter are measured through the page's own ``window.explorer``.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    """Write the page of a generated corpus and time it in the browser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    args = parser.parse_args()

    from selenium import webdriver

    from hbey_graph import load_plan
    from hbey_graph.explore import write_explorer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        documents = [
            load_plan(path) for path in sorted((ROOT / "tests/corpus/plans").iterdir()) if path.is_file()
        ]
    plans = [
        dataclasses.replace(
            documents[i % len(documents)], plan_id=f"{documents[i % len(documents)].plan_id}-{i}"
        )
        for i in range(args.plans)
    ]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = write_explorer(plans, Path(folder) / "explorer.html")
        written = time.perf_counter() - started
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1500,950"):
            options.add_argument(argument)
        driver = webdriver.Chrome(
            service=webdriver.ChromeService(shutil.which("chromedriver")), options=options
        )
        try:
            started = time.perf_counter()
            driver.get(path.as_uri())
            while not driver.execute_script("return Boolean(window.explorer && window.explorer.ready)"):
                time.sleep(0.02)
            ready = time.perf_counter() - started
            counts = driver.execute_script("return window.explorer.data.counts")
            started = time.perf_counter()
            driver.execute_script("window.explorer.search('发展改革委')")
            searched = time.perf_counter() - started
            started = time.perf_counter()
            driver.execute_script("document.querySelector('#roles input').click()")
            filtered = time.perf_counter() - started
        finally:
            driver.quit()
        size = path.stat().st_size / 1e6
    print(
        f"{args.plans} plans: {counts['graph_tasks']} tasks, {counts['graph_bodies']} bodies; "
        f"{counts['nodes']} nodes and {counts['edges']} edges drawn"
    )
    print(
        f"written in {written:.1f} s, {size:.1f} MB; drawn in {ready:.2f} s; "
        f"search {searched:.2f} s; role filter {filtered:.2f} s"
    )


if __name__ == "__main__":
    main()
