"""``hbey-graph export``: the table contracts and one-line errors for bad input."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hbey_graph.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_tasks_csv_columns_and_leads(capsys):
    code, out, _ = run_cli(capsys, "export", "tasks")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:7] == ["task_id", "seq", "section", "heading", "theme", "text", "lead"]
    assert len(rows) == 38
    assert (rows[0]["task_id"], rows[0]["seq"], rows[0]["lead"]) == ("T1.1.1", "1", "自治区发展改革委")
    assert (rows[-1]["task_id"], rows[-1]["lead"]) == ("T6.3.1", "自治区财政厅")


def test_export_assignments_json(capsys):
    code, out, _ = run_cli(capsys, "export", "assignments", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    tax = [r for r in rows if r["body"] == "内蒙古税务局"]
    assert tax == [{"task_id": "T6.3.1", "seq": 38, "body": "内蒙古税务局", "body_type": "central_agency",
                    "role": "support", "position": 9, "group": 3}]
    assert {r["role"] for r in rows} == {"lead", "support", "implementer"}


def test_export_bodies(capsys):
    code, out, _ = run_cli(capsys, "export", "bodies")
    rows = {r["body"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and len(rows) == 32
    assert rows["自治区人力资源社会保障厅"]["full_name"] == "内蒙古自治区人力资源和社会保障厅"
    assert rows["内蒙古银保监局"]["full_name"] == "中国银行保险监督管理委员会内蒙古监管局"
    assert rows["呼和浩特市人民政府"]["body_type"] == "city_government"
    assert rows["内蒙古民航机场集团公司"]["body_type"] == "enterprise"


def test_export_of_another_plan(tmp_path, capsys):
    path = tmp_path / "other.txt"
    path.write_text("一、任务\n1. 建设。（实施主体：乙市人民政府，自治区水利厅、财政厅）\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "export", "assignments", "--plan", str(path))
    assert code == 0
    assert [(r["body"], r["role"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("乙市人民政府", "implementer"), ("自治区水利厅", "lead"), ("自治区财政厅", "support")]


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n\u3000\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("一、总体要求\n这是一段没有责任标注的文字。\n", encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return {
        "empty": (empty, "is empty"),
        "whitespace": (blank, "is empty"),
        "no annotation": (plain, "no responsibility annotation found"),
        "binary": (binary, "looks binary"),
        "missing": (tmp_path / "nowhere.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
    }


@pytest.mark.parametrize("case", ["empty", "whitespace", "no annotation", "binary", "missing", "directory"])
def test_bad_input_gives_one_line_error_and_nonzero_exit(tmp_path, capsys, case):
    path, expected = bad_inputs(tmp_path)[case]
    code, out, err = run_cli(capsys, "export", "tasks", "--plan", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"hbey-graph: error: {path}: {expected}")


def test_console_script_prints_no_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = subprocess.run([sys.executable, "-m", "hbey_graph", "export", "tasks", "--plan", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    expected = f"hbey-graph: error: {path}: is empty; expected the text of an implementation plan"
    assert result.stderr.strip() == expected
