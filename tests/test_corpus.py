"""Corpus mode: a folder of hand-made plans, parsed in parallel, compared body by body."""

import csv
import shutil

import pytest

from hbey_graph.cli import main
from hbey_graph.corpus import body_names, lead_matrix, plan_summary, read_corpus, workload_by_plan
from hbey_graph.reference import BUNDLED_PLAN, data_path

# Before the 2018 reform: 环保厅, 国土资源厅. After: 生态环境厅, 自然资源厅.
PLAN_2016 = (
    "内蒙古自治区人民政府关于印发甲方案的通知\n"
    "2016年3月1日\n"
    "一、主要任务\n"
    "1. 治理污染。（自治区环保厅牵头，自治区国土资源厅、水利厅配合）\n"
    "2. 保护草原。（自治区国土资源厅牵头，自治区环保厅配合）\n"
)
PLAN_2019 = (
    "内蒙古自治区人民政府关于印发乙方案的通知\n"
    "2019年5月1日\n"
    "一、主要任务\n"
    "1. 治理污染。（牵头单位：自治区生态环境厅；配合单位：自治区自然资源厅）\n"
    "2. 节约用水。（牵头单位：自治区水利厅；配合单位：各盟市）\n"
    "3. 修复矿区。（牵头单位：自治区自然资源厅）\n"
)


@pytest.fixture
def folder(tmp_path):
    import docx

    root = tmp_path / "plans"
    (root / "2019").mkdir(parents=True)
    (root / "a-2016.txt").write_text(PLAN_2016, encoding="utf-8")
    (root / "2019" / "b-2019.txt").write_bytes(PLAN_2019.encode("gbk"))
    document = docx.Document()
    for line in ["一、任务", "1. 建设。", "责任单位：自治区水利厅"]:
        document.add_paragraph(line)
    document.save(root / "c.docx")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "notes.txt").write_text("一、说明\n本文件没有任务。\n", encoding="utf-8")
    (root / "readme.md").write_text("not a plan", encoding="utf-8")  # not a plan suffix: not read
    (root / ".hidden.txt").write_text(PLAN_2016, encoding="utf-8")  # hidden: not read
    return root


def test_read_corpus_parses_in_parallel_and_reports_failures(folder):
    corpus = read_corpus(folder, jobs=2)
    assert [plan.plan_id for plan in corpus.plans] == ["2019/b-2019", "a-2016", "c"]
    assert [(f.path.name, str(f)) for f in corpus.failures] == [
        ("empty.txt", f"{folder / 'empty.txt'}: is empty; expected the text of an implementation plan"),
        ("notes.txt", f"{folder / 'notes.txt'}: no responsibility annotation found; expected tasks whose "
                      "responsible bodies are named, such as （牵头单位：…）, 责任单位：… or "
                      "（A牵头，B配合）"),
    ]
    assert [plan.date.isoformat() if plan.date else None for plan in corpus.plans] == [
        "2019-05-01", "2016-03-01", None]


def test_one_graph_with_plan_scoped_keys(folder):
    G = read_corpus(folder, jobs=1).graph
    assert G.graph["plan_ids"] == "2019/b-2019,a-2016,c"
    assert G.has_edge("a-2016|Body|自治区环保厅", "a-2016|Task|T1.1", key="LEADS")
    assert G.has_edge("2019/b-2019|Body|自治区生态环境厅", "2019/b-2019|Task|T1.1", key="LEADS")
    assert G.has_edge("c|Body|自治区水利厅", "c|Task|T1.1", key="RESPONSIBLE_FOR")


def test_lead_matrix_maps_former_names_to_current_ones(folder):
    matrix = lead_matrix(read_corpus(folder, jobs=1))
    assert list(matrix.columns) == ["2019/b-2019", "a-2016", "c"]
    assert matrix.to_dict("index") == {
        "自治区生态环境厅": {"2019/b-2019": 1, "a-2016": 1, "c": 0},
        "自治区自然资源厅": {"2019/b-2019": 1, "a-2016": 1, "c": 0},
        "自治区水利厅": {"2019/b-2019": 1, "a-2016": 0, "c": 0},
        "各盟市": {"2019/b-2019": 0, "a-2016": 0, "c": 0},
    }
    assert list(matrix.index) == ["自治区生态环境厅", "自治区自然资源厅", "自治区水利厅", "各盟市"]


def test_workload_by_plan(folder):
    rows = workload_by_plan(read_corpus(folder, jobs=1))
    # within a plan: tasks led, then name by code point (水 U+6C34 < 生 U+751F < 自 U+81EA)
    assert rows.values.tolist() == [
        ["2019/b-2019", "自治区水利厅", "自治区水利厅", 1, 0, 0, 0, 3],
        ["2019/b-2019", "自治区生态环境厅", "自治区生态环境厅", 1, 0, 0, 0, 3],
        ["2019/b-2019", "自治区自然资源厅", "自治区自然资源厅", 1, 1, 0, 0, 3],
        ["2019/b-2019", "各盟市", "各盟市", 0, 1, 0, 0, 3],
        ["a-2016", "自治区生态环境厅", "自治区环保厅", 1, 1, 0, 0, 2],
        ["a-2016", "自治区自然资源厅", "自治区国土资源厅", 1, 1, 0, 0, 2],
        ["a-2016", "自治区水利厅", "自治区水利厅", 0, 1, 0, 0, 2],
        ["c", "自治区水利厅", "自治区水利厅", 0, 0, 0, 1, 1],
    ]
    assert list(rows.columns) == ["plan_id", "body", "names", "lead", "support", "implementer", "responsible",
                                  "tasks"]


def test_body_names(folder):
    names = body_names(read_corpus(folder, jobs=1))
    renamed = names[names.renamed][["body", "current_name", "plan_ids"]].values.tolist()
    assert renamed == [
        ["自治区环保厅", "自治区生态环境厅", "a-2016"],
        ["自治区国土资源厅", "自治区自然资源厅", "a-2016"],
    ]
    assert names.set_index("body").loc["自治区水利厅", "plans"] == 3


def test_plan_summary(folder):
    summary = plan_summary(read_corpus(folder, jobs=1)).set_index("plan_id")
    columns = ["title", "tasks", "bodies", "assignments", "tasks_without_lead"]
    assert summary.loc["a-2016", columns].tolist() == ["甲方案", 2, 3, 5, 0]
    assert summary.loc["c", ["path", "tasks_without_lead"]].tolist() == ["c.docx", 1]


def test_bundled_plan_in_a_corpus_keeps_its_leads(tmp_path):
    root = tmp_path / "two"
    root.mkdir()
    shutil.copy(data_path(BUNDLED_PLAN), root / "first.txt")
    shutil.copy(data_path(BUNDLED_PLAN), root / "second.txt")
    matrix = lead_matrix(read_corpus(root, jobs=2))
    # the first region department of each of the 38 annotations, counted by hand
    assert matrix.loc["自治区发展改革委"].tolist() == [10, 10]
    assert matrix.loc["自治区科技厅"].tolist() == [5, 5]
    assert int(matrix["first"].sum()) == 38


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_cli_corpus_writes_tables_and_reports_each_failure(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["corpus", str(folder), "--out", str(out), "--jobs", "2", "-q"])
    _, err = capsys.readouterr()
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [".hbey-graph-output", "body_names.csv", "dataset",
        "failures.csv", "issues.csv", "lead_matrix.csv", "plans.csv", "workload.csv"]
    skipped = [line for line in err.splitlines() if line.startswith("hbey-graph: skipped ")]
    assert skipped == [
        f"hbey-graph: skipped {folder / 'empty.txt'}: is empty; expected the text of an implementation plan",
        f"hbey-graph: skipped {folder / 'notes.txt'}: no responsibility annotation found; expected tasks "
        "whose responsible bodies are named, such as （牵头单位：…）, 责任单位：… or （A牵头，B配合）",
    ]
    assert err.splitlines()[-1].startswith(
        "3 of 5 plans parsed (2 failed), 6 tasks; this run parsed 5 files, skipped 0 unchanged, in ")
    matrix = read_csv(out / "lead_matrix.csv")
    assert matrix[0] == {"body": "自治区生态环境厅", "2019/b-2019": "1", "a-2016": "1", "c": "0"}
    assert [row["path"] for row in read_csv(out / "failures.csv")] == ["empty.txt", "notes.txt"]  # in DIR


@pytest.mark.parametrize("case", ["missing", "file", "no plans", "none parse"])
def test_cli_corpus_bad_folders_give_one_line_errors(tmp_path, capsys, case):
    target = tmp_path / "target"
    expected = {
        "missing": f"{target}: no such folder; expected a folder of plan files",
        "file": f"{target}: is not a folder; expected a folder of plan files",
        "no plans": f"{target}: holds no plan file; expected files ending in .txt, .docx, .pdf, .html, .htm",
        "none parse": f"{target}: none of its 1 plan files could be parsed; expected plans with "
                      "responsibility annotations",
    }[case]
    if case == "file":
        target.write_text("x", encoding="utf-8")
    elif case == "no plans":
        target.mkdir()
    elif case == "none parse":
        target.mkdir()
        (target / "x.txt").write_bytes(b"\x00\x01")
    code = main(["corpus", str(target), "--out", str(tmp_path / "out"), "-q"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines()[-1] == f"hbey-graph: error: {expected}"
    assert "Traceback" not in err


def test_cli_corpus_rejects_zero_jobs(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["corpus", str(tmp_path), "--jobs", "0"])
    assert caught.value.code == 2
    assert capsys.readouterr().err == (
        "hbey-graph corpus: error: argument --jobs: expected a whole number of processes from 1 to 256, "
        "not '0' (see hbey-graph corpus --help)\n"
    )
