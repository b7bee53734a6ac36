"""A 1,000-plan corpus end to end: ``hbey-graph corpus`` on generated plans (seconds, peak memory).

Run: ``.venv/bin/python tests/benchmarks/bench_corpus.py [--plans 1000] [--jobs 2] [--keep DIR]``.

The corpus is generated first (not timed) in a temporary folder: variations of the bundled plan
(its text as published, or its tasks rewritten in another annotation style: ``X牵头，A、B配合``,
``牵头单位：…；配合单位：…``, lines of their own after the task, ``责任单位`` with a stated
convention; pre-2018 body names in some; GB18030, byte-order-mark and traditional-character files;
a few Word files) and small plans in the hand-written styles of the tests, plus three files that
cannot be parsed. Then the command runs in a fresh process, as a user would run it; its wall time
and the peak memory of its process tree (the main process and its workers, summed) are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

TARGET_SECONDS = 60.0

# Names of bodies for the small hand-written plans.
CITY_BODIES = ["市发展改革委", "市财政局", "市科技局", "市教育局", "市公安局", "市民政局", "市水务局",
               "市自然资源局", "市生态环境局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局",
               "市文化旅游局", "市卫生健康委", "市市场监管局", "市大数据局", "市人力社保局"]
GROUPS = ["各区县政府", "市直有关部门", "各县（市、区）政府", "相关单位"]
SMALL_STYLES = [
    "（{lead}牵头，{supports}配合）",
    "（牵头单位：{lead}；配合单位：{supports}）",
    "〔责任单位：{lead}、{supports}按职责分工负责〕",
    "【{lead}牵头，{supports}按职责分工负责】",
    "\n牵头责任单位：{lead}\n协同责任单位：{supports}",
    "\n责任单位：{lead}、{supports}",
    "（{lead}、{supports}等负责）",
]
ACTIONS = ["推进", "加快", "完善", "健全", "深化", "强化", "实施", "建设", "优化", "提升"]
OBJECTS = ["营商环境", "创新平台", "基础设施", "生态保护", "公共服务", "产业集群", "数字政府", "乡村振兴",
           "对外开放", "人才队伍", "水资源保障", "交通网络", "社会治理", "就业服务"]


def _former_names() -> dict[str, str]:
    from hbey_graph.reference import read_table

    return {row["body"]: row["former_names"].split("|")[0] for row in read_table("bodies.csv")
            if row["former_names"]}


def _bundled():
    from hbey_graph import load_plan
    from hbey_graph.reference import BUNDLED_PLAN, data_path

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return data_path(BUNDLED_PLAN).read_text(encoding="utf-8"), load_plan()


def _rewritten(plan, rng: random.Random, style: str, former: dict[str, str] | None) -> str:
    """The bundled plan's outline and tasks, each annotation written in `style`."""
    def name(body: str) -> str:
        return former.get(body, body) if former else body

    lines = [f"内蒙古自治区人民政府关于印发第{rng.randint(1, 999)}号实施方案的通知",
             f"内政发〔{rng.choice([2015, 2016, 2017, 2019, 2020])}〕{rng.randint(1, 120)}号",
             f"{rng.choice([2015, 2016, 2017, 2019, 2020])}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
             "三、主要任务"]
    by_key = {section.key: section for section in plan.sections}
    written: set[str] = set()
    convention = "，列第一位为牵头单位，下同"
    for task in plan.tasks:
        for key in task.section_path[1:]:
            if key not in written:
                section = by_key[key]
                lines.append(f"{section.number}{section.title}" + ("。" if section.level == 3 else ""))
                written.add(key)
        assignments = plan.assignments_of(task.task_id)
        lead = next(name(a.body) for a in assignments if a.role == "lead")
        others = "、".join(name(a.body) for a in assignments if a.role != "lead")
        if style == "lead-support":
            annotation = f"（{lead}牵头，{others}配合）"
        elif style == "fields":
            annotation = f"（牵头单位：{lead}；配合单位：{others}）"
        elif style == "lines":
            annotation = f"\n牵头责任单位：{lead}\n协同责任单位：{others}"
        else:  # responsible bodies, the first of which leads by the stated convention
            annotation = f"（责任单位：{lead}、{others}{convention}）"
            convention = ""
        lines.append(task.text + annotation)
    return "\n".join(lines) + "\n"


def _small_plan(rng: random.Random) -> str:
    lines = [f"{rng.choice(['甲', '乙', '丙', '丁'])}市人民政府关于印发工作方案的通知", "一、主要任务"]
    for area in range(1, rng.randint(2, 5)):
        lines.append(f"（{'一二三四五六七八九'[area - 1]}）{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}")
        for item in range(1, rng.randint(2, 6)):
            bodies = rng.sample(CITY_BODIES, rng.randint(2, 5)) + rng.sample(GROUPS, rng.randint(0, 1))
            annotation = rng.choice(SMALL_STYLES).format(lead=bodies[0], supports="、".join(bodies[1:]))
            lines.append(f"{item}. {rng.choice(ACTIONS)}{rng.choice(OBJECTS)}。"
                         f"{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}工作。{annotation}")
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, plans: int = 1000, seed: int = 0) -> dict[str, int]:
    """Write `plans` plan files (and three unreadable ones) into `folder`; return counts by kind."""
    from opencc import OpenCC

    rng = random.Random(seed)
    text, bundled = _bundled()
    former = _former_names()
    to_traditional = OpenCC("s2t")
    counts: dict[str, int] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(plans):
        kind = rng.choices(
            ["as-published", "lead-support", "fields", "lines", "convention", "small", "traditional", "docx"],
            weights=[20, 15, 12, 10, 10, 25, 5, 3],
        )[0]
        counts[kind] = counts.get(kind, 0) + 1
        path = folder / f"plan-{index:04d}.txt"
        if kind == "as-published":
            body = text
        elif kind == "small":
            body = _small_plan(rng)
        elif kind == "traditional":
            style = rng.choice(["fields", "lead-support"])
            body = to_traditional.convert(_rewritten(bundled, rng, style, None))
        else:
            style = "lead-support" if kind == "docx" else kind
            body = _rewritten(bundled, rng, style, former if rng.random() < 0.4 else None)
        if kind == "docx":
            import docx

            document = docx.Document()
            for line in body.splitlines():
                document.add_paragraph(line)
            document.save(path.with_suffix(".docx"))
            continue
        encoding = rng.choices(["utf-8", "gb18030", "utf-8-sig"], weights=[80, 15, 5])[0]
        if kind == "traditional":
            encoding = "utf-8"
        path.write_bytes(body.encode(encoding))
    (folder / "broken-empty.txt").write_bytes(b"")
    (folder / "broken-binary.txt").write_bytes(bytes(range(256)))
    (folder / "broken-notes.txt").write_text("这份文件没有责任分工。\n", encoding="utf-8")
    return counts


def _tree_rss(root: int) -> int:
    """Resident memory of process `root` and its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_corpus_command(folder: Path, out: Path, jobs: int) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run ``hbey-graph corpus`` in a fresh process: wall seconds, peak memory of its tree, result."""
    return run_measured(["corpus", str(folder), "--out", str(out), "--jobs", str(jobs), "-q"])


def run_measured(args: list[str]) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run ``hbey-graph ARGS`` in a fresh process: wall seconds, peak memory of its tree, result."""
    command = [sys.executable, "-m", "hbey_graph", *args]
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return seconds, peak, subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR",
                        help="write the corpus here and keep it (default: a temporary folder)")
    args = parser.parse_args()

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hbey-corpus-"))
    try:
        folder, out = root / "plans", root / "out"
        started = time.perf_counter()
        counts = make_corpus(folder, args.plans, args.seed)
        size = sum(path.stat().st_size for path in folder.iterdir())
        print(f"generated {args.plans} plans + 3 unreadable files, {size / 1e6:.1f} MB, "
              f"in {time.perf_counter() - started:.1f} s (not timed below): "
              + ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())))
        seconds, peak, result = run_corpus_command(folder, out, args.jobs)
        if result.returncode != 0:
            sys.exit(f"hbey-graph corpus failed ({result.returncode}):\n{result.stderr}")
        summary = result.stderr.strip().splitlines()[-1]
        skipped = sum(1 for line in result.stderr.splitlines() if line.startswith("hbey-graph: skipped"))
        print(f"hbey-graph corpus --jobs {args.jobs}: {summary}")
        print(f"end to end: {seconds:.1f} s wall ({args.plans / seconds:.0f} plans/s, "
              f"{size / seconds / 1e6:.2f} MB/s), peak memory {peak / 2**20:.0f} MiB (process tree), "
              f"{skipped} files skipped")
        verdict = "meets" if seconds < TARGET_SECONDS else "misses"
        print(f"target < {TARGET_SECONDS:.0f} s for 1,000 plans on this machine: {verdict}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
