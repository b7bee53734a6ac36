"""Robustness: any text parses without a crash, exports round-trip, bad input gives one line."""

import csv
import io
import subprocess
import sys
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbey_graph import load_plan, parse_text
from hbey_graph.cli import main
from hbey_graph.cli._output import write_table
from hbey_graph.errors import ParseWarning, PlanFormatError, PlanReadError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces plans are made of: outline numbers, markers, brackets, separators, names, noise.
FRAGMENTS = [
    "一、", "二、", "（一）", "(二)", "1.", "2、", "10．", "\n", "\n\n",
    "。", "，", "、", "；", "：", ":", ",",
    "（", "）", "(", ")", "〔", "〕", "[", "]", "【", "】", "［", "］",
    "实施主体：", "责任单位：", "牵头单位：", "配合单位：", "牵头责任单位：", "协同责任单位：", "部门分工：",
    "完成时限：", "牵头", "配合", "分别牵头", "按职责分工负责", "负责", "等", "及", "和", "由",
    "列第一位为牵头单位", "下同", "列为首位的自治区部门为推进牵头部门", "其他为配合部门",
    "自治区发展改革委", "环保厅", "水利厅", "市科委", "各区县市", "各县（市、区）政府", "相关盟市",
    "呼和浩特市", "包头市人民政府", "人民政府", "市", "省", "自治区", "市场监管局", "文化和旅游厅",
    "推进建设", "2019年底前完成", "PM2.5", " ", "\u3000", "의", "and", "實施主體", "責任單位", "牽頭",
    "\ufeff", "\r\n", "\t", "\x00", "😀",
]
plan_like_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), plan_like_text)


@SETTINGS
@given(any_text)
def test_any_text_parses_without_crash(text):
    plan = parse_text(text)
    ids = [task.task_id for task in plan.tasks]
    assert len(ids) == len(set(ids))  # task ids are keys
    for assignment in plan.assignments:
        assert assignment.body in plan.bodies
        assert assignment.role in ("lead", "support", "implementer", "responsible")
        assert assignment.body.strip() == assignment.body and assignment.body
    for issue in plan.issues:
        assert 1 <= issue.line <= text.count("\n") + text.count("\r") + 1
        assert "\n" not in issue.message


@SETTINGS
@given(st.binary(max_size=400) | plan_like_text.map(lambda text: text.encode("utf-8")))
def test_any_file_loads_or_gives_a_plan_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("any") / "plan.txt"
    path.write_bytes(data)
    try:
        plan = load_plan(path)
    except (PlanReadError, PlanFormatError) as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
    else:
        assert plan.tasks


# Plans generated with known answers: each task has leads and supports drawn from a pool of names,
# written in one of several styles. Parsing must give back exactly what was written.
NAMES = ["市发展改革委", "市财政局", "市科技局", "市教育局", "市公安局", "市民政局", "市水务局", "各区县政府",
         "市直有关部门", "自治区水利厅", "自治区发展改革委"]
STYLES = [
    "（{leads}牵头，{supports}配合）",
    "（牵头单位：{leads}；配合单位：{supports}）",
    "〔牵头单位：{leads}，配合单位：{supports}〕",
    "【{leads}牵头，{supports}按职责分工负责】",
    "\n牵头责任单位：{leads}\n协同责任单位：{supports}",
]
task_spec = st.tuples(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True),
    st.sampled_from(STYLES),
).filter(lambda spec: not set(spec[0]) & set(spec[1]))


@SETTINGS
@given(st.lists(task_spec, min_size=1, max_size=6))
def test_generated_plans_give_back_their_roles(specs):
    lines = ["一、主要任务"]
    for number, (leads, supports, style) in enumerate(specs, start=1):
        lines.append(f"{number}. 推进第{number}项工作。"
                     + style.format(leads="、".join(leads), supports="、".join(supports)))
    plan = parse_text("\n".join(lines) + "\n")
    assert [task.task_id for task in plan.tasks] == [f"T{n}.1" for n in range(1, len(specs) + 1)]
    for task, (leads, supports, _) in zip(plan.tasks, specs, strict=True):
        expected = [(name, "lead") for name in leads] + [(name, "support") for name in supports]
        assert [(a.body, a.role) for a in plan.assignments_of(task.task_id)] == expected
    assert not [i for i in plan.issues if i.severity == "warning" and i.kind != "unknown-body"]


def csv_rows(frame):
    out = io.StringIO()
    write_table(frame, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@SETTINGS
@given(st.lists(task_spec, min_size=1, max_size=5), plan_like_text)
def test_export_and_reread_round_trips(specs, noise):
    lines = ["一、主要任务"]
    for number, (leads, supports, style) in enumerate(specs, start=1):
        lines.append(f"{number}. 推进工作。{noise}".replace("\n", "")
                     + style.format(leads="、".join(leads), supports="、".join(supports)))
    plan = parse_text("\n".join(lines))
    for name in ("tasks", "assignments", "bodies", "issues"):
        frame = plan.table(name)
        rows = csv_rows(frame)
        assert rows == [{key: str(value) for key, value in row.items()} for row in frame.to_dict("records")]
        reread = pd.read_csv(io.StringIO(pd.DataFrame(rows).to_csv(index=False)), dtype=str,
                             keep_default_na=False) if rows else pd.DataFrame(columns=frame.columns)
        assert list(reread.columns) == list(frame.columns)
    exported = csv_rows(plan.table("assignments"))
    assert [(r["task_id"], r["body"], r["role"], int(r["position"])) for r in exported] == [
        (a.task_id, a.body, a.role, a.position) for a in plan.assignments]
    assert [(r["task_id"], r["text"], r["lead"]) for r in csv_rows(plan.table("tasks"))] == [
        (t.task_id, t.text, plan.lead_of(t.task_id) or "") for t in plan.tasks]


def test_an_unreadable_part_is_a_warning_with_its_line_and_the_rest_is_parsed():
    text = (
        "一、主要任务\n"
        "1. 治理河道。（市水利局牵头，市财政局配合）\n"
        "2. 建设平台。（责任单位：市科技局，2019年底前完成）\n"
        "3. 推进改革。（牵头单位：\n"
        "4. 优化服务。（（（不成对的括号\n"
        "5. 保障就业。（市人社局牵头）\n"
    )
    plan = parse_text(text)
    assert [(a.task_id, a.body, a.role) for a in plan.assignments] == [
        ("T1.1", "市水利局", "lead"), ("T1.1", "市财政局", "support"),
        ("T2.1", "市科技局", "responsible"),
        ("T5.1", "市人社局", "lead"),
    ]
    warnings = [(i.line, i.kind) for i in plan.issues if i.severity == "warning" and i.kind != "unknown-body"]
    assert warnings == [
        (4, "unclosed-annotation"),
        (4, "empty-annotation"),
        (5, "unassigned-task"),
    ]
    assert [t.task_id for t in plan.tasks] == ["T1.1", "T2.1", "T3.1", "T5.1"]
    assert plan.task("T2.1").deadline == "2019年底前完成"  # a deadline, not a part that names no body


def run_cli(*args):
    """Run the command as a user would: parse warnings shown (the test configuration hides them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", ParseWarning)
        return main(list(args))


def bad_inputs(tmp_path):
    """Bad inputs, each with the start of its one-line error, or "warnings" / "parses" where it is read."""
    cases = {}

    def write(name, data, expected):
        path = tmp_path / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases[name] = (path, expected)

    write("empty.txt", b"", "is empty")
    write("whitespace.txt", " \n\t\n\u3000\n", "is empty")
    write("bom-only.txt", b"\xef\xbb\xbf\n", "is empty")
    write("binary.bin", bytes(range(256)) * 4, "looks binary")
    write("latin1.txt", "Größe über alles".encode("latin-1") + bytes(range(0x80, 0x90)), "is not valid UTF-8")
    write("no-annotation.txt", "一、总体要求\n这是一段没有责任标注的文字。\n",
          "no responsibility annotation found")
    write("only-headings.txt", "一、任务\n（一）交通\n1. 建设铁路。\n", "no responsibility annotation found")
    write("truncated.txt", "一、任务\n1. 建设。（实施主体：包头市人民政府，自治区水利", "warnings")
    write("no-bodies.txt", "一、任务\n1. 建设。（实施主体：）\n2. 治水。（责任单位：，，）\n", "warnings")
    write("unbalanced.txt", "一、任务\n1. 建设。（（（）\n2. 治水。（自治区水利厅负责））)\n", "warnings")
    huge = "一、任务\n1. 建设。" + "推进建设，" * 400_000 + "（责任单位：自治区水利厅）\n"  # 6 MB, one line
    write("huge-line.txt", huge, "parses")
    write("fake.pdf", b"%PDF-1.7\n%%EOF", "is not a readable PDF")
    write("fake.docx", b"PK\x03\x04garbage", "is not a readable .docx (Word) file")
    write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is a Word 97-2003 .doc file")
    cases["missing"] = (tmp_path / "missing.txt", "no such file")
    cases["directory"] = (tmp_path, "is a directory")
    return cases


CASES = ["empty.txt", "whitespace.txt", "bom-only.txt", "binary.bin", "latin1.txt", "no-annotation.txt",
         "only-headings.txt", "truncated.txt", "no-bodies.txt", "unbalanced.txt", "huge-line.txt", "fake.pdf",
         "fake.docx", "old.doc", "missing", "directory"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_never_gives_a_traceback(tmp_path, capsys, case):
    path, expected = bad_inputs(tmp_path)[case]
    code = run_cli("export", "tasks", "--plan", str(path))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if expected in ("warnings", "parses"):  # read, with warnings each naming its line
        assert code == 0
        assert out.startswith("task_id,")
        assert bool(err) == (expected == "warnings")
        assert all(line.startswith(f"warning: {path}: line ") for line in err.splitlines())
    else:
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith(f"hbey-graph: error: {path}: {expected}")


def test_bad_input_warnings_name_their_lines(tmp_path, capsys):
    cases = bad_inputs(tmp_path)
    run_cli("export", "assignments", "--plan", str(cases["truncated.txt"][0]))
    out, err = capsys.readouterr()
    # the truncated name names no body: it is left out and said to be so, with its line
    assert out.splitlines()[1:] == ["T1.1,1,包头市人民政府,city_government,implementer,1,1"]
    path = cases["truncated.txt"][0]
    assert err.splitlines() == [
        f"warning: {path}: line 2: annotation has no closing bracket",
        f"warning: {path}: line 2: '自治区水利' in a statement names no body; left out",
        f"warning: {path}: line 2: annotation names no department to lead",
    ]
    run_cli("export", "assignments", "--plan", str(cases["unbalanced.txt"][0]))
    out, err = capsys.readouterr()
    path = cases["unbalanced.txt"][0]
    assert out.splitlines()[1:] == ["T2.1,1,自治区水利厅,region_department,responsible,1,1"]
    assert err.splitlines() == [
        f"warning: {path}: line 2: no responsibility found for '（（（）…'",
        f"warning: {path}: line 3: text after the annotation belongs to no task: '）)'",
    ]
    run_cli("export", "assignments", "--plan", str(cases["no-bodies.txt"][0]))
    _, err = capsys.readouterr()
    path = cases["no-bodies.txt"][0]
    assert f"warning: {path}: line 2: annotation names no body" in err.splitlines()
    assert f"warning: {path}: line 3: annotation names no body" in err.splitlines()


def test_console_script_on_binary_input_prints_one_line(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = subprocess.run([sys.executable, "-m", "hbey_graph", "export", "tasks", "--plan", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
