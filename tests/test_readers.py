"""Reading plans in other encodings and formats: fixtures are made here, at run time."""

from importlib import resources

import pytest

from hbey_graph import load_plan
from hbey_graph.errors import PlanReadError
from hbey_graph.extract.readers import read_source

PLAN = (
    "内蒙古自治区人民政府关于印发测试方案的通知\n"
    "一、主要任务\n"
    "（一）水利建设\n"
    "1. 推进河道治理。实施黄河干流防洪工程。（实施主体：包头市人民政府，自治区水利厅、生态环境厅）\n"
    "2. 建设灌区。发展高效节水灌溉。（自治区水利厅牵头，自治区农牧厅配合）\n"
)
EXPECTED = {
    "T1.1.1": [("包头市人民政府", "implementer"), ("自治区水利厅", "lead"), ("自治区生态环境厅", "support")],
    "T1.2.1": [("自治区水利厅", "lead"), ("自治区农牧厅", "support")],
}


def roles(plan):
    return {t.task_id: [(a.body, a.role) for a in plan.assignments_of(t.task_id)] for t in plan.tasks}


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("utf8.txt", PLAN.encode("utf-8"), "utf-8"),
        ("bom.txt", b"\xef\xbb\xbf" + PLAN.encode("utf-8"), "utf-8"),
        ("crlf.txt", PLAN.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        ("gbk.txt", PLAN.encode("gbk"), "gb18030"),
        ("gb18030.txt", PLAN.encode("gb18030"), "gb18030"),
        ("utf16.txt", PLAN.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(tmp_path, name, data, encoding):
    path = tmp_path / name
    path.write_bytes(data)
    source = read_source(path)
    assert source.encoding == encoding
    assert source.text == PLAN
    plan = load_plan(path)
    assert roles(plan) == EXPECTED
    assert (plan.title, plan.issuer) == ("测试方案", "内蒙古自治区人民政府")


def test_short_gbk_file_is_detected(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("一、任务\n1. 治水。（自治区水利厅负责）\n".encode("gbk"))
    assert read_source(path).encoding == "gb18030"
    assert roles(load_plan(path)) == {"T1.1": [("自治区水利厅", "responsible")]}


def test_traditional_characters_in_big5(tmp_path):
    traditional = (
        "一、主要任務\n"
        "（一）水利建設\n"
        "1. 推進河道治理。實施黃河幹流防洪工程。（實施主體：包頭市人民政府，自治區水利廳、生態環境廳）\n"
        "2. 建設灌區。發展高效節水灌溉。（自治區水利廳牽頭，自治區農牧廳配合）\n"
    )
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    assert read_source(path).encoding == "big5"
    plan = load_plan(path)
    assert roles(plan) == EXPECTED
    task = plan.task("T1.1.1")
    assert (task.heading, task.text, task.original_text) == (
        "推进河道治理", "实施黄河干流防洪工程。", "實施黃河幹流防洪工程。")
    assert [(i.line, i.kind) for i in plan.issues if i.kind == "traditional"] == [(1, "traditional")]


def test_docx_paragraphs_in_order_and_an_empty_table_adds_nothing(tmp_path):
    import docx

    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    document.add_table(rows=3, cols=2)
    document.add_paragraph("二、保障措施")
    path = tmp_path / "plan.docx"
    document.save(path)
    source = read_source(path)
    assert source.encoding == "docx"
    assert source.text.splitlines() == [*PLAN.splitlines(), "二、保障措施"]
    assert source.notes == ()
    plan = load_plan(path)
    assert roles(plan) == EXPECTED


TABLE_ROWS = [
    ["序号", "重点任务", "牵头单位", "配合单位"],
    ["1", "推进老旧小区改造。", "市住建局", "市财政局、各区政府"],
    ["2", "建设城市停车设施。", "", "市公安局"],  # the lead cell above is merged over this row
    ["3", "完善社区养老服务。", "市民政局", "市卫生健康委"],
]
TABLE_LEADS = [
    ("推进老旧小区改造。", "市住建局"),
    ("建设城市停车设施。", "市住建局"),
    ("完善社区养老服务。", "市民政局"),
]


def test_docx_table_rows_are_tasks_and_a_merged_lead_cell_leads_every_row_it_covers(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("一、重点任务")
    table = document.add_table(rows=4, cols=4)
    for r, values in enumerate(TABLE_ROWS):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # 市住建局 leads rows 1 and 2
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_source(path).text.splitlines()[1:3] == [
        "序号 | 重点任务 | 牵头单位 | 配合单位",
        "1 | 推进老旧小区改造。 | 市住建局 | 市财政局、各区政府",
    ]
    plan = load_plan(path)
    assert [(t.text, plan.lead_of(t.task_id)) for t in plan.tasks] == TABLE_LEADS
    assert [(a.body, a.role) for a in plan.assignments_of(plan.tasks[0].task_id)] == [
        ("市住建局", "lead"), ("市财政局", "support"), ("各区政府", "support")]


def test_docx_recognised_by_content_whatever_its_name(tmp_path):
    import docx

    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.txt"
    document.save(path)
    assert read_source(path).encoding == "docx"


def _cjk_font() -> str:
    return str(resources.files("mplfonts") / "fonts" / "SimHei.ttf")


def write_pdf(path, pages):
    """A PDF with a text layer: each page a list of lines, drawn with an embedded CJK TrueType font."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=_cjk_font())
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for lines in pages:
            figure = plt.figure(figsize=(8.27, 11.69))
            for index, line in enumerate(lines):
                figure.text(0.05, 0.95 - index * 0.03, line, fontproperties=font, fontsize=11)
            pdf.savefig(figure)
            plt.close(figure)


def test_text_pdf_pages_in_order(tmp_path):
    lines = PLAN.splitlines()
    path = tmp_path / "plan.pdf"
    # the second item's annotation is cut by a page break, as in an extracted plan
    first_page = [*lines[:4], "2. 建设灌区。发展高效节水灌溉。（自治区水利厅牵头，"]
    write_pdf(path, [first_page, ["自治区农牧厅配合）"]])
    source = read_source(path)
    assert source.encoding == "pdf"
    plan = load_plan(path)
    assert roles(plan) == EXPECTED
    assert plan.task("T1.2.1").lines == (5, 7)


def write_ruled_table_pdf(path, title, rows, merged_down):
    """A one-page PDF: ``title`` above a ruled table of ``rows``, whose first row is one cell across
    the table; ``merged_down`` is the (row, column) of a cell merged with the cell below it, drawn as
    in an office suite's export: no rule between the two."""
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=_cjk_font())
    xs = [0.05, 0.12, 0.5, 0.68, 0.95]
    ys = [0.84 - 0.04 * r for r in range(len(rows) + 1)]
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        figure = plt.figure(figsize=(8.27, 11.69))
        figure.text(0.05, 0.9, title, fontproperties=font, fontsize=11)

        def rule(x, y):
            figure.add_artist(plt.Line2D(x, y, color="k", lw=0.8))

        for index, x in enumerate(xs):
            rule([x, x], [ys[1] if 0 < index < len(xs) - 1 else ys[0], ys[-1]])
        for r, y in enumerate(ys):
            merged_row, merged_column = merged_down
            if r == merged_row + 1:  # the rule under the merged cell is not drawn
                rule([xs[0], xs[merged_column]], [y, y])
                rule([xs[merged_column + 1], xs[-1]], [y, y])
            else:
                rule([xs[0], xs[-1]], [y, y])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                figure.text(xs[c] + 0.005, ys[r] - 0.027, value, fontproperties=font, fontsize=10)
        figure.text(0.05, ys[-1] - 0.05, "二、保障措施", fontproperties=font, fontsize=11)
        pdf.savefig(figure)
        plt.close(figure)


def test_pdf_ruled_table_rows_are_tasks_and_a_merged_lead_cell_leads_every_row_it_covers(tmp_path):
    path = tmp_path / "plan.pdf"
    write_ruled_table_pdf(path, "一、重点任务", [["重点任务分工表"], *TABLE_ROWS], merged_down=(2, 2))
    assert read_source(path).text.splitlines() == [
        "一、重点任务",
        "重点任务分工表",  # one cell across the table, listed once
        "序号 | 重点任务 | 牵头单位 | 配合单位",
        "1 | 推进老旧小区改造。 | 市住建局 | 市财政局、各区政府",
        "2 | 建设城市停车设施。 | 市住建局 | 市公安局",
        "3 | 完善社区养老服务。 | 市民政局 | 市卫生健康委",
        "二、保障措施",
    ]
    plan = load_plan(path)
    assert [(t.text, plan.lead_of(t.task_id)) for t in plan.tasks] == TABLE_LEADS


def test_pdf_without_text_layer_is_a_clear_error(tmp_path):
    import matplotlib.pyplot as plt

    path = tmp_path / "scan.pdf"
    figure = plt.figure()
    figure.add_artist(plt.Line2D([0, 1], [0, 1]))
    figure.savefig(path)
    plt.close(figure)
    with pytest.raises(PlanReadError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: is a PDF without a text layer (a scan?); expected a PDF with text, or its text "
        "extracted by OCR"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "is not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "is not a readable .docx (Word) file"),
        ("old.doc", b"\xd0\xcf\x11\xe0 word 97",
         "is a Word 97-2003 .doc file, which is not read; save it as .docx"),
        ("latin.txt", "Größe über alles".encode("latin-1") + bytes(range(0x80, 0x90)),
         "is not valid UTF-8 text (byte 2)"),
        ("utf16-broken.txt", b"\xff\xfe\x00\xd8",
         "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
    ],
)
def test_unreadable_files_give_one_line_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PlanReadError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)


def test_half_width_punctuation_between_chinese(tmp_path):
    path = tmp_path / "half.txt"
    text = "一、主要任务\n1. 建设平台。(牵头单位:市科委;配合单位:市财政局,各区县市)\n"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert [(a.body, a.role, a.group) for a in plan.assignments] == [
        ("市科委", "lead", 1), ("市财政局", "support", 2), ("各区县市", "support", 3)]
    assert plan.tasks[0].annotation == "牵头单位：市科委；配合单位：市财政局，各区县市"
    assert [(i.line, i.kind, i.severity) for i in plan.issues if i.kind == "punctuation"] == [
        (2, "punctuation", "repair")]
