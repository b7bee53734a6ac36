"""``hbey-graph report`` on large plans: wall time and peak memory for 2,000 and 20,000 tasks.

Run: ``.venv/bin/python tests/benchmarks/bench_report_scale.py [--tasks 2000 20000] [--keep DIR]``.

Each plan is generated first (not timed): the bundled plan's task sentences under an outline of
parts (一、…), areas of 20 items ((一)…(二十)) and items, every item annotated in one of the common
forms (``（A牵头，B、C配合）``, ``（牵头单位：A；配合单位：B）``, labelled lines) with bodies drawn
from 120 city departments and the governments of the counties the gazetteer knows, so that a large
plan also names many bodies. Then the command runs in a
fresh process, as a user runs it; the wall time and the peak memory of its process tree (the main
process and its chart workers, summed) are printed against the targets: under 60 s and 2 GiB.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import run_measured

TARGET_SECONDS = 60.0
TARGET_BYTES = 2 * 2**30

DEPARTMENT_CORES = [
    "发展改革",
    "财政",
    "科技",
    "教育",
    "公安",
    "民政",
    "水务",
    "自然资源",
    "生态环境",
    "住房城乡建设",
    "交通运输",
    "农业农村",
    "商务",
    "文化旅游",
    "卫生健康",
    "市场监管",
    "大数据",
    "人力资源社会保障",
    "应急管理",
    "统计",
    "审计",
    "林业和草原",
    "能源",
    "工业和信息化",
]
ENDINGS = ["局", "委", "办", "中心", "厅"]
DIGITS = "一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 … 99 in Chinese numerals (十一, 二十三)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens - 1] + "十")) + (
        DIGITS[ones - 1] if ones else ""
    )


FORMS = [
    "（{lead}牵头，{supports}配合）",
    "（牵头单位：{lead}；配合单位：{supports}）",
    "\n牵头单位：{lead}\n配合单位：{supports}",
]


def _bodies(rng: random.Random) -> list[str]:
    names = {f"市{core}{rng.choice(ENDINGS)}" for core in DEPARTMENT_CORES}
    while len(names) < 120:
        names.add(f"市{rng.choice(DEPARTMENT_CORES)}{rng.choice(['发展', '服务', '保障', '监测'])}中心")
    from hbey_graph.reference import read_table

    counties = [
        f"{row['place']}人民政府"
        for row in read_table("places.csv")
        if row["level"] in ("county", "banner", "district", "county_city")
    ]
    return sorted(names) + counties


def _sentences() -> list[str]:
    from hbey_graph import load_plan

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [task.text for task in load_plan().tasks]


def make_plan(path: Path, tasks: int, seed: int = 0) -> None:
    """Write a plan of `tasks` numbered tasks to `path`."""
    rng = random.Random(seed)
    bodies, sentences = _bodies(rng), _sentences()
    lines = ["某市人民政府关于印发大型实施方案的通知", "某政发〔2020〕1号", "2020年1月1日"]
    for number in range(tasks):
        if number % 400 == 0:
            lines.append(f"{chinese_number(number // 400 + 1)}、第{number // 400 + 1}部分重点任务")
        if number % 20 == 0:
            area = number // 20
            lines.append(f"（{chinese_number(area % 20 + 1)}）第{area + 1}项重点工作")
        chosen = rng.sample(bodies, rng.randint(2, 6))
        form = rng.choice(FORMS)
        annotation = form.format(lead=chosen[0], supports="、".join(chosen[1:]))
        lines.append(f"{number % 20 + 1}. {rng.choice(sentences)}{annotation}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_report(plan: Path, out: Path) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run ``hbey-graph report`` in a fresh process: wall seconds, peak memory of its tree, result."""
    return run_measured(["report", "--plan", str(plan), "--out", str(out), "-q"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[2000, 20000], help="plan sizes")
    parser.add_argument("--keep", type=Path, default=None, help="keep plans and reports in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hbey-scale-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for tasks in args.tasks:
            plan = folder / f"plan-{tasks}.txt"
            make_plan(plan, tasks)
            seconds, peak, result = run_report(plan, folder / f"report-{tasks}")
            if result.returncode != 0:
                raise SystemExit(f"report on {tasks} tasks failed ({result.returncode}):\n{result.stderr}")
            fits = seconds < TARGET_SECONDS and peak < TARGET_BYTES
            print(
                f"{tasks:>6} tasks: {seconds:.1f} s wall, peak memory {peak / 2**20:.0f} MiB (process tree); "
                f"target < {TARGET_SECONDS:.0f} s and < {TARGET_BYTES / 2**30:.0f} GiB: "
                f"{'meets' if fits else 'misses'}"
            )


if __name__ == "__main__":
    main()
