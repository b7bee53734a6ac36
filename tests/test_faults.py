"""Bad input and faults: every case ends in one line naming the thing, exit 2, no traceback, no file harmed.

Each test is one class of fault, as a hostile or unlucky user meets it: wrong input files, paths and
devices, encodings and formats, text that used to give wrong results in silence, option values,
output targets (the input itself, folders, links, a full disk through ``RLIMIT_FSIZE``), standard
output that fails, signals. Commands run in a fresh process where the fault lives outside Python
(a FIFO, a signal, a console's encoding, a file-size limit); in this process otherwise.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from hbey_graph import build_graph, lead_workload, load_plan, parse_text
from hbey_graph.cli import main
from hbey_graph.errors import PlanReadError
from hbey_graph.interrupts import Terminated, handle_stop_signals, raise_if_stopped
from hbey_graph.outputs import output_folder, write_file
from hbey_graph.report import report_charts

PLAN = """一、主要任务
（一）交通
1. 建设铁路。（牵头单位：自治区交通运输厅；配合单位：自治区财政厅）
2. 建设公路。（牵头单位：自治区发展改革委）
3. 建设机场。（牵头单位：自治区财政厅）
"""


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``hbey-graph ARGS`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "hbey_graph", *args], capture_output=True, text=True, check=False, **kwargs
    )


def refused(status: int, err: str, *words: str) -> None:
    """One error line naming `words`, exit 2, no traceback."""
    lines = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert status == 2, err
    assert len(lines) == 1, err
    assert lines[0].startswith(("hbey-graph: error: ", "hbey-graph ")) and ": error: " in lines[0], err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], (word, lines[0])


def cli(capsys, *args: str) -> tuple[int, str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            status = main(list(args))
        except SystemExit as stop:  # argparse
            status = int(stop.code)
    out, err = capsys.readouterr()
    return status, out, err


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its content."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ----------------------------------------------------------------------------------- input files


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing.txt", ["missing.txt", "no such file"]),
        (lambda d: d, ["is a directory"]),
        (lambda d: _write(d / "empty.txt", b""), ["is empty"]),
        (lambda d: _write(d / "blank.txt", b" \n\t\n"), ["is empty"]),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 4), ["binary"]),
        (lambda d: _write(d / "latin.txt", "café à \x80".encode("latin-1") * 3), ["not valid UTF-8"]),
        (lambda d: _write(d / "broken.docx", b"PK\x03\x04 not a zip at all"), ["not a readable .docx"]),
        (lambda d: _write(d / "words.docx", b"plain text named .docx"), ["not a readable .docx"]),
        (lambda d: _write(d / "broken.pdf", b"%PDF-1.4\n garbage"), ["not a readable PDF"]),
        (lambda d: _write(d / "old.doc", b"\xd0\xcf\x11\xe0 old word"), [".doc", "save it as .docx"]),
        (lambda d: _write(d / "bad-mark.txt", b"\xff\xfe" + b"\x00\xd8" * 3), ["UTF-16", "byte-order mark"]),
        (lambda d: _write(d / "notes.txt", "没有分工。\n".encode()), ["no responsibility annotation"]),
        (lambda d: _link(d / "loop.txt", d / "loop.txt"), ["loop.txt"]),
        (lambda d: _link(d / "dangling.txt", d / "gone.txt"), ["dangling.txt", "no such file"]),
        (lambda d: d / ("a" * 300 + ".txt"), ["File name too long"]),
        (lambda d: _write(d / "plan\x1b[31m.txt", b""), ["plan\\x1b[31m.txt", "is empty"]),
        (lambda d: Path("/dev/null"), ["/dev/null", "not a regular file"]),
        (lambda d: Path("/dev/zero"), ["/dev/zero", "not a regular file"]),
    ],
    ids=[
        "missing", "directory", "empty", "blank", "binary", "latin-1", "broken-docx", "text-as-docx",
        "broken-pdf", "doc", "bad-utf16-mark", "no-annotation", "link-loop", "dangling-link",
        "name-too-long", "control-in-name", "dev-null", "dev-zero",
    ],
)  # fmt: skip
def test_a_bad_input_file_is_one_line(tmp_path, capsys, make, words):
    path = make(tmp_path)
    status, out, err = cli(capsys, "export", "tasks", "--plan", str(path))
    refused(status, err, *words)
    assert out == ""
    assert "\x1b" not in err  # a terminal's control sequence in a name is not sent to the terminal


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _link(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


def test_a_fifo_is_refused_at_once_rather_than_waited_on(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    result = run("export", "tasks", "--plan", str(fifo), timeout=60)
    refused(result.returncode, result.stderr, "plan.txt", "not a regular file")


def test_a_file_above_the_size_limit_is_refused_and_the_limit_can_be_raised(plan_file, capsys):
    status, _, err = cli(capsys, "export", "tasks", "--plan", str(plan_file), "--max-size", "0.0001")
    refused(status, err, "plan.txt", "larger than 104 bytes", "--max-size")
    status, out, _ = cli(capsys, "export", "tasks", "--plan", str(plan_file), "--max-size", "1")
    assert status == 0 and out.count("\n") == 4
    with pytest.raises(PlanReadError, match="larger than"):
        load_plan(plan_file, max_bytes=100)


def test_standard_input_is_read_when_asked():
    result = run("export", "assignments", "--plan", "-", input=PLAN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("T1.1.1,1,自治区交通运输厅,")
    empty = run("export", "tasks", "--plan", "-", input="")
    refused(empty.returncode, empty.stderr, "is empty")


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(PLAN.encode(encoding))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plan = load_plan(path)
        assert [plan.lead_of(t.task_id) for t in plan.tasks] == [
            "自治区交通运输厅",
            "自治区发展改革委",
            "自治区财政厅",
        ]


def test_a_path_as_bytes_is_a_path_and_anything_else_is_a_type_error(plan_file):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(load_plan(os.fsencode(plan_file)).tasks) == 3
    with pytest.raises(TypeError, match="expected the path of a plan file, not int"):
        load_plan(123)  # type: ignore[arg-type]


def test_build_graph_of_a_path_says_to_read_it_first(plan_file):
    with pytest.raises(TypeError, match=r"read it first: build_graph\(load_plan\(path\)\)"):
        build_graph(str(plan_file))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not dict"):
        build_graph([{}])  # type: ignore[list-item]


# ---------------------------------------------------------------- text that was wrong in silence


def _parsed(text: str):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan = parse_text(text, plan_id="p")
    return plan, [str(w.message) for w in caught]


def test_a_repeated_task_number_is_its_own_task_and_reported_with_its_line():
    plan, messages = _parsed(PLAN.replace("3. 建设机场", "2. 建设机场"))
    assert [(t.text, plan.lead_of(t.task_id)) for t in plan.tasks] == [
        ("建设铁路。", "自治区交通运输厅"),
        ("建设公路。", "自治区发展改革委"),
        ("建设机场。", "自治区财政厅"),
    ]
    assert len({t.task_id for t in plan.tasks}) == 3
    assert any(m.startswith("p: line 5: heading '2.' repeats the number of line 4") for m in messages)


def test_two_plans_pasted_into_one_file_keep_every_task():
    plan, _ = _parsed(PLAN + PLAN)
    assert len(plan.tasks) == 6 and len({t.task_id for t in plan.tasks}) == 6
    workload = lead_workload(build_graph(plan)).set_index("body").led.to_dict()
    assert workload == {"自治区交通运输厅": 2, "自治区发展改革委": 2, "自治区财政厅": 2}
    notes = [i for i in plan.issues if i.kind == "repeated-number"]
    assert [(i.line, i.severity) for i in notes] == [(6, "note")]


def test_a_plan_whose_line_breaks_were_lost_is_split_into_its_tasks():
    plan, _ = _parsed(PLAN.replace("\n", " "))
    assert [plan.lead_of(t.task_id) for t in plan.tasks] == [
        "自治区交通运输厅",
        "自治区发展改革委",
        "自治区财政厅",
    ]


@pytest.mark.parametrize("repeats", [2, 500])
def test_a_body_repeated_in_one_annotation_counts_once_with_a_warning(repeats):
    names = "、".join(["自治区财政厅"] * repeats)
    plan, messages = _parsed(f"一、主要任务\n1. 建设铁路。（实施主体：{names}）\n")
    assert [(a.body, a.role) for a in plan.assignments] == [("自治区财政厅", "lead")]
    assert messages == [
        f"p: line 2: '自治区财政厅' ×{repeats} named more than once in one annotation; counted once"
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\x07", "U+0007 CONTROL CHARACTER"),
    ],
    ids=["zero-width-space", "inner-byte-order-mark", "right-to-left-override", "bell"],
)
def test_an_invisible_character_inside_a_name_is_removed_with_a_warning(char, name):
    plan, messages = _parsed(PLAN.replace("自治区发展改革委", f"自治区发展{char}改革委"))
    assert sorted(plan.bodies) == ["自治区交通运输厅", "自治区发展改革委", "自治区财政厅"]
    assert plan.lead_of(plan.tasks[1].task_id) == "自治区发展改革委"
    escape = char.encode("unicode_escape").decode("ascii")
    assert messages == [
        f"p: line 4: removed 1 invisible character ({name}); the line as written: "
        f"2. 建设公路。（牵头单位：自治区发展{escape}改革委）"
    ]


def test_a_control_character_is_not_echoed_raw_to_the_terminal(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.replace("建设公路", "建设\x1b[2J公路"), encoding="utf-8")
    result = run("export", "tasks", "--plan", str(path))
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_a_report_on_a_plan_whose_only_task_names_no_body_says_so(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text("一、主要任务\n1. 建设铁路。（牵头单位：）\n", encoding="utf-8")
    status, _, err = _report(capsys, tmp_path / "r", "--plan", str(path))
    assert status == 0, err
    assert "responsibility found for 0 of 1 task-like items" in err
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        charts = report_charts(build_graph(load_plan(path)))
    _fig, ax = next(chart for chart in charts if chart.name == "lead_workload").draw()
    assert [text.get_text() for text in ax.texts] == ["本方案中未读出任何单位的职责"]


# ----------------------------------------------------------------------------------- option values


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["report", "--jobs", "0"], ["--jobs", "from 1 to 64", "'0'"]),
        (["report", "--jobs", "two"], ["--jobs", "'two'"]),
        (["report", "--dpi", "0"], ["--dpi", "above 0"]),
        (["report", "--dpi", "nan"], ["--dpi", "'nan'"]),
        (["report", "--dpi", "inf"], ["--dpi", "'inf'"]),
        (["report", "--dpi", "5000"], ["--dpi", "at most 600"]),
        (["report", "--seed", "-1"], ["--seed", "'-1'"]),
        (["report", "--labels", "fr"], ["--labels", "'fr'"]),
        (["neo4j", "load", "--batch-size", "0"], ["--batch-size", "'0'"]),
        (["neo4j", "serve", "--port", "99999"], ["--port", "from 0 to 65535"]),
        (["analyze", "links", "--kind", "typo"], ["--kind", "'typo'", "chain"]),
        (["analyze", "clusters", "--resolution", "-1"], ["--resolution", "above 0"]),
        (["analyze", "clusters", "--resolution", "nan"], ["--resolution", "'nan'"]),
        (["export", "tasks", "--max-size", "0"], ["--max-size", "above 0"]),
        (["export", "nothing"], ["TABLE", "'nothing'"]),
        (["frobnicate"], ["COMMAND", "'frobnicate'"]),
        (["export", "tasks", "--colour"], ["unrecognized arguments: --colour"]),
        (["corpus", ".", "--jobs", "-3"], ["--jobs", "'-3'"]),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) and value and value[0] != "--jobs" else None,
)
def test_a_wrong_option_value_is_one_line_before_any_work(capsys, args, words):
    status, out, err = cli(capsys, *args)
    refused(status, err, *words, "--help")
    assert out == ""


def test_a_neo4j_uri_with_an_impossible_port_is_refused_before_connecting(monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", "bolt://localhost:99999")
    status, _, err = cli(capsys, "neo4j", "query", "workload")
    refused(status, err, "bolt://localhost:99999", "port from 1 to 65535")
    monkeypatch.setenv("NEO4J_URI", "http://localhost:7474")
    status, _, err = cli(capsys, "neo4j", "query", "workload")
    refused(status, err, "bolt://")


# ---------------------------------------------------------------------------------- output files


def test_export_never_writes_over_its_input(plan_file, capsys):
    for args in (["export", "tasks"], ["export", "graph", "--format", "gexf"]):
        status, _, err = cli(capsys, *args, "--plan", str(plan_file), "-o", str(plan_file))
        refused(status, err, "is the input file")
        assert plan_file.read_text(encoding="utf-8") == PLAN
    link = plan_file.with_name("link.csv")
    link.symlink_to(plan_file)
    status, _, err = cli(capsys, "export", "tasks", "--plan", str(plan_file), "-o", str(link))
    refused(status, err, "is the input file")
    assert plan_file.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (lambda d: d, ["is a folder"]),
        (lambda d: d / "missing" / "out.csv", ["does not exist"]),
        (lambda d: _write(d / "file", b"x") / "out.csv", ["is not a folder"]),
        (lambda d: Path("/proc/hbey-out.csv"), ["/proc/hbey-out.csv", "cannot be written"]),
        (lambda d: d / ("o" * 300 + ".csv"), ["File name too long"]),
    ],
    ids=["a-folder", "missing-folder", "below-a-file", "proc", "name-too-long"],
)
def test_an_output_file_that_cannot_be_written_is_one_line(tmp_path, plan_file, capsys, target, words):
    status, _, err = cli(capsys, "export", "tasks", "--plan", str(plan_file), "-o", str(target(tmp_path)))
    refused(status, err, *words)


def test_an_output_link_is_followed_and_kept(tmp_path, plan_file, capsys):
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(real)
    status, _, _ = cli(capsys, "export", "tasks", "--plan", str(plan_file), "-o", str(link))
    assert status == 0 and link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("task_id,")


def _file_size_limit(limit: int):
    def set_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


def test_a_full_disk_leaves_the_earlier_export_as_it_was(tmp_path, plan_file):
    out = tmp_path / "graph.graphml"
    out.write_text("earlier", encoding="utf-8")
    result = run(
        "export", "graph", "--plan", str(plan_file), "-o", str(out), preexec_fn=_file_size_limit(2000)
    )
    refused(result.returncode, result.stderr, "graph.graphml", "cannot be written", "left as it was")
    assert out.read_text(encoding="utf-8") == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "plan.txt"]


def test_standard_output_on_a_full_device_is_one_line(plan_file):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "hbey_graph", "export", "tasks", "--plan", str(plan_file)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    refused(result.returncode, result.stderr, "standard output", "No space left on device")


def test_a_closed_pipe_is_not_an_error():
    with subprocess.Popen(
        [sys.executable, "-m", "hbey_graph", "export", "places"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
        assert process.wait() == 0
    assert "Traceback" not in err and "Exception ignored" not in err


def test_an_ascii_console_gets_the_table_in_utf8_and_messages_escaped(plan_file):
    result = subprocess.run(
        [sys.executable, "-m", "hbey_graph", "export", "tasks", "--plan", str(plan_file.with_name("缺.txt"))],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    refused(result.returncode, result.stderr.decode("ascii"), "\\u7f3a.txt", "no such file")
    tables = subprocess.run(
        [sys.executable, "-m", "hbey_graph", "export", "bodies", "--plan", str(plan_file)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert tables.returncode == 0 and "自治区财政厅" in tables.stdout.decode("utf-8")


# -------------------------------------------------------------------------------- output folders


def _report(capsys, out: Path | str, *more: str) -> tuple[int, str, str]:
    return cli(capsys, "report", "--out", str(out), "-q", "--jobs", "1", *more)


def test_report_into_the_current_folder_writes_there_and_keeps_the_folder(tmp_path, plan_file):
    here = tmp_path / "here"
    here.mkdir()
    result = run("report", "--plan", str(plan_file), "--out", ".", "-q", "--jobs", "1", cwd=here)
    assert result.returncode == 0, result.stderr
    assert here.is_dir() and (here / "index.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    again = run("report", "--plan", str(plan_file), "--out", ".", "-q", "--jobs", "1", cwd=here)
    assert again.returncode == 0, again.stderr


def test_report_into_a_folder_of_the_user_s_own_files_is_refused_and_nothing_changes(tmp_path, capsys):
    (tmp_path / "thesis.docx").write_text("mine", encoding="utf-8")
    before = tree(tmp_path)
    status, _, err = _report(capsys, tmp_path)
    refused(status, err, "did not write", "--out")
    assert tree(tmp_path) == before


def test_report_through_a_link_writes_to_its_target_and_keeps_the_link(tmp_path, plan_file, capsys):
    target = tmp_path / "target"
    target.mkdir()
    link = tmp_path / "link"
    link.symlink_to(target)
    status, _, err = _report(capsys, link, "--plan", str(plan_file))
    assert status == 0, err
    assert link.is_symlink() and (target / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "plan.txt", "target"]


@pytest.mark.parametrize(
    ("out", "words"),
    [
        (lambda d: _write(d / "file", b"x"), ["is a file"]),
        (lambda d: _write(d / "file", b"x") / "report", ["is a file, so no folder can be made below it"]),
        (lambda d: Path("/proc/hbey-report"), ["/proc/hbey-report", "cannot be created"]),
    ],
    ids=["a-file", "below-a-file", "proc"],
)
def test_a_report_folder_that_cannot_be_made_is_one_line(tmp_path, capsys, out, words):
    status, _, err = _report(capsys, out(tmp_path))
    refused(status, err, *words)


def test_a_second_report_replaces_only_what_the_first_wrote(tmp_path, plan_file, capsys):
    out = tmp_path / "report"
    assert _report(capsys, out, "--plan", str(plan_file))[0] == 0
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    (out / "index.html").write_text("stale", encoding="utf-8")
    assert _report(capsys, out, "--plan", str(plan_file))[0] == 0
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_full_disk_during_a_report_leaves_the_earlier_report_and_no_temporary_folder(
    tmp_path, plan_file, capsys
):
    out = tmp_path / "report"
    assert _report(capsys, out, "--plan", str(plan_file))[0] == 0
    before = tree(out)
    result = run(
        "report", "--plan", str(plan_file), "--out", str(out), "-q", "--jobs", "1",
        preexec_fn=_file_size_limit(20_000),
    )  # fmt: skip
    refused(result.returncode, result.stderr, str(out), "File too large")
    assert tree(out) == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_a_temporary_folder_left_by_a_killed_run_does_not_block_the_next(tmp_path, plan_file, capsys):
    out = tmp_path / "report"
    out.mkdir()
    (out / ".report.tmp-0123abcd").mkdir()
    assert _report(capsys, out, "--plan", str(plan_file))[0] == 0
    assert not (out / ".report.tmp-0123abcd").exists()


def test_corpus_never_writes_over_a_folder_it_did_not_write(tmp_path, plan_file, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_text(PLAN, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plans.csv").write_text("my own table", encoding="utf-8")
    status, _, err = cli(capsys, "corpus", str(plans), "--out", str(mine), "-q", "--jobs", "1")
    refused(status, err, "did not write")
    assert (mine / "plans.csv").read_text(encoding="utf-8") == "my own table"
    out = tmp_path / "out"
    assert cli(capsys, "corpus", str(plans), "--out", str(out), "-q", "--jobs", "1")[0] == 0
    assert cli(capsys, "corpus", str(plans), "--out", str(out), "-q", "--jobs", "1")[0] == 0
    assert (out / "plans.csv").read_text(encoding="utf-8").startswith("plan_id,")


@pytest.mark.parametrize(
    ("folder", "words"),
    [
        (lambda d: d / "missing", ["no such folder"]),
        (lambda d: _write(d / "file.txt", b"x"), ["is not a folder"]),
        (lambda d: d, ["holds no plan file"]),
    ],
    ids=["missing", "a-file", "empty"],
)
def test_a_corpus_folder_that_holds_no_plans_is_one_line(tmp_path, capsys, folder, words):
    target = folder(tmp_path)
    status, _, err = cli(capsys, "corpus", str(target), "--out", str(tmp_path / "out"), "-q", "--jobs", "1")
    refused(status, err, *words)


def test_an_unreadable_corpus_folder_is_one_line_and_a_sub_folder_a_warning(tmp_path, monkeypatch, capsys):
    # permissions do not bind root, so the folder's refusal is played by os.scandir
    plans = tmp_path / "plans"
    (plans / "locked").mkdir(parents=True)
    (plans / "a.txt").write_text(PLAN, encoding="utf-8")
    (plans / "locked" / "b.txt").write_text(PLAN, encoding="utf-8")
    scandir = os.scandir
    locked = {str(plans / "locked")}

    def refusing(path="."):
        if str(path) in locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        status = main(["corpus", str(plans), "--out", str(out), "-q", "--jobs", "1"])
    err = capsys.readouterr().err
    assert status == 0
    assert f"warning: {plans / 'locked'}: cannot be read (Permission denied); its plans are skipped" in err
    assert "1 of 1 plans parsed" in err
    locked.add(str(plans))
    status, _, err = cli(capsys, "corpus", str(plans), "--out", str(out), "-q", "--jobs", "1")
    refused(status, err, str(plans), "cannot be read (Permission denied)")


def test_a_word_file_whose_text_is_all_in_a_table_is_read(tmp_path):
    import docx

    document = docx.Document()
    rows = [
        ["序号", "重点任务", "牵头单位"],
        ["1", "建设铁路", "自治区交通运输厅"],
        ["2", "建设公路", "自治区发展改革委"],
    ]
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(tmp_path / "table.docx")
    plan = load_plan(tmp_path / "table.docx")
    assert [(t.text, plan.lead_of(t.task_id)) for t in plan.tasks] == [
        ("建设铁路", "自治区交通运输厅"),
        ("建设公路", "自治区发展改革委"),
    ]


# ------------------------------------------------------------------------------------------ signals


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _draws_charts(pid: int) -> bool:
    """Whether process `pid` is a worker of a multiprocessing pool (not its resource tracker)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"spawn_main" in f.read()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _swallow_a_ctrl_c() -> None:
    """Press Ctrl-C and swallow what it raises, as a library's finaliser or clean-up code can."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1.0)  # the handler runs here
    except KeyboardInterrupt:
        return
    raise AssertionError("Ctrl-C raised nothing")


def test_a_ctrl_c_swallowed_on_the_way_still_stops_the_writing(tmp_path):
    with handle_stop_signals():
        _swallow_a_ctrl_c()
        with pytest.raises(KeyboardInterrupt), output_folder(tmp_path / "out", "example") as tmp:
            (tmp / "a.csv").write_text("a\n")
        with pytest.raises(KeyboardInterrupt):
            write_file(tmp_path / "b.csv", lambda f: f.write(b"b\n"))
    assert list(tmp_path.iterdir()) == []
    raise_if_stopped()  # forgotten once the block ends: later writes go ahead
    assert write_file(tmp_path / "b.csv", lambda f: f.write(b"b\n")).read_text() == "b\n"


def test_a_signal_inside_a_finaliser_prints_no_traceback():
    """SIGTERM arriving while a finaliser runs is raised there, where Python can only hand it to
    ``sys.unraisablehook`` (which prints "Exception ignored … Traceback"); it is remembered and
    raised again, and not handed on. A finaliser's own error still is."""

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1.0)  # the handler runs here, inside the finaliser

    class Failing:
        def __del__(self):
            raise ValueError("a finaliser's own error")

    unraisable = []
    previous, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        with handle_stop_signals():
            Finalised()  # dropped at once: its finaliser runs
            Failing()
            with pytest.raises(Terminated):
                raise_if_stopped()
    finally:
        sys.unraisablehook = previous
    assert [type(u.exc_value) for u in unraisable] == [ValueError]


def test_a_ctrl_c_swallowed_on_the_way_still_ends_the_command(monkeypatch, tmp_path, capsys):
    import hbey_graph.cli.export as export

    to_csv = export.write_table

    def swallowing(*args, **kwargs):
        _swallow_a_ctrl_c()
        return to_csv(*args, **kwargs)

    monkeypatch.setattr(export, "write_table", swallowing)
    assert main(["export", "tasks", "-o", str(tmp_path / "tasks.csv")]) == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "hbey-graph: interrupted"
    assert not (tmp_path / "tasks.csv").exists()


@pytest.mark.parametrize(
    "signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["TERM", "INT", "KILL"]
)
def test_a_signal_during_the_report_ends_every_worker(tmp_path, signum):
    out = tmp_path / "report"
    process = subprocess.Popen(
        [sys.executable, "-m", "hbey_graph", "report", "--out", str(out), "-q", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as from a terminal: Ctrl-C raises KeyboardInterrupt even where the test runner was
        # started with SIGINT ignored (a background job), which the command would inherit
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while not any(map(_draws_charts, workers)) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        workers = [pid for pid in _descendants(process.pid) if _alive(pid)]
    assert any(map(_draws_charts, workers)), "the report started no chart worker"
    time.sleep(1.0)  # let the worker start drawing
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # Ctrl-C reaches the whole group, as from a terminal
    else:
        process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    if signum == signal.SIGKILL:
        return  # nothing runs after SIGKILL: the next run removes what it left (test above)
    assert process.returncode == {signal.SIGTERM: 128 + 15, signal.SIGINT: 130}[signum], err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] in ("hbey-graph: stopped by SIGTERM", "hbey-graph: interrupted")
    assert not out.exists() or not list(out.iterdir())
