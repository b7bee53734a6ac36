"""Reading a plan saved as a web page: the text a browser shows, a table's row on a line.

The page of the first tests holds the table of corpus file 16 (a city's division of provincial
measures) as its site would serve it: a layout table around the article, the table's first and
last columns merged over the three rows, the page declared and written in GB2312. The bodies
expected are the corpus gold's for that file.
"""

from pathlib import Path

import pytest

from hbey_graph import load_plan
from hbey_graph.errors import PlanReadError
from hbey_graph.evaluation import document_scores, summary
from hbey_graph.extract.readers import read_source
from hbey_graph.extract.webpage import web_page_lines

CORPUS = Path(__file__).parent / "corpus"

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>咸宁市人民政府</title><style>td {border: 1px solid}</style></head>
<body>
<div class="nav">首页 &gt; 政府公报 &gt; 2020年第2号</div>
<table width="980"><tr><td>
<p align="center">市人民政府关于咸宁市贯彻落实中央和省促进经济社会加快发展若干政策措施责任分工的通知</p>
<table border="1" cellspacing="0">
<tr><th>重点工作</th><th>主要<br>任务</th><th>工作措施</th><th>责任单位</th><th>备注</th></tr>
<tr><td rowspan="3">一、加大财政金融支持力度</td><td>(一)加强对防疫重点企业财税支持</td>
<td><p>1.对疫情防控重点保障企业，给予贷款贴息支持。</p></td>
<td><p>市税务局等，</p><p>各县、市、区政府，咸宁高新区管委会</p></td><td rowspan="3">2020年12月</td></tr>
<tr><td></td><td>2.纳入工信部支持新冠肺炎防护用品(具)技术改造设备购置补贴的重点企业，省财政给予设备购置费中央补贴后的剩余配套补贴。</td>
<td>市经信局、市财政局等，各县、市、区政府，咸宁高新区管委会</td></tr>
<tr><td></td><td>3.在疫情防控调度任务结束后，对省疫情防控指挥部统一征用调配的重点企业已生产的库存产品，
全部由政府兜底采购收储，省财政负责按分级负担原则落实资金。</td>
<td>市财政局等，各县、市、区政府，咸宁高新区管委会</td></tr>
</table>
</td></tr></table>
<script>document.write("分享到微信");</script>
</body></html>
"""
GROUPS = ["各县、市、区政府", "咸宁高新区管委会"]
GROUPS_CELL = "各县、市、区政府，咸宁高新区管委会"
SECTION, DUE = "一、加大财政金融支持力度", "2020年12月"
MEASURES = [
    "1.对疫情防控重点保障企业，给予贷款贴息支持。",
    "2.纳入工信部支持新冠肺炎防护用品(具)技术改造设备购置补贴的重点企业，省财政给予设备购置费中央补贴后的"
    "剩余配套补贴。",
    "3.在疫情防控调度任务结束后，对省疫情防控指挥部统一征用调配的重点企业已生产的库存产品，全部由政府兜底采购"
    "收储，省财政负责按分级负担原则落实资金。",
]


def test_a_saved_page_is_read_as_a_browser_shows_it(tmp_path):
    path = tmp_path / "plan.html"
    path.write_bytes(PAGE.encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "html gb18030"
    assert source.text.splitlines() == [
        "首页 > 政府公报 > 2020年第2号",
        "市人民政府关于咸宁市贯彻落实中央和省促进经济社会加快发展若干政策措施责任分工的通知",
        "重点工作 | 主要 任务 | 工作措施 | 责任单位 | 备注",
        " | ".join(
            [SECTION, "(一)加强对防疫重点企业财税支持", MEASURES[0], "市税务局等， " + GROUPS_CELL, DUE]
        ),
        " | ".join([SECTION, "", MEASURES[1], "市经信局、市财政局等，" + GROUPS_CELL, DUE]),
        # the source's line break between 产品， and 全部 is not shown
        " | ".join([SECTION, "", MEASURES[2], "市财政局等，" + GROUPS_CELL, DUE]),
    ]


def test_a_saved_pages_table_gives_each_row_its_bodies_and_the_merged_deadline(tmp_path):
    path = tmp_path / "plan.html"
    path.write_bytes(PAGE.encode("gb18030"))
    plan = load_plan(path)
    assert [
        ([(a.body, a.role) for a in plan.assignments_of(task.task_id)], task.deadline) for task in plan.tasks
    ] == [
        ([(body, "responsible") for body in ["市税务局", *GROUPS]], "2020年12月"),
        ([(body, "responsible") for body in ["市经信局", "市财政局", *GROUPS]], "2020年12月"),
        ([(body, "responsible") for body in ["市财政局", *GROUPS]], "2020年12月"),
    ]


def test_a_page_declaring_the_wrong_charset_is_decoded_as_written(tmp_path):
    path = tmp_path / "plan.htm"
    path.write_bytes(PAGE.replace("charset=gb2312", "charset=utf-8").encode("gb18030"))
    assert read_source(path).encoding == "html gb18030"
    assert "市税务局等" in read_source(path).text


def test_a_page_saved_under_another_name_is_recognised_by_its_content(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PAGE, encoding="utf-8")
    source = read_source(path)
    assert source.encoding == "html utf-8"
    assert "<td" not in source.text


def test_blank_paragraphs_and_line_breaks_are_lines_as_a_browser_shows_them():
    page = (
        "<html><body><p>一、主要任务</p><p>&nbsp;</p><p></p>"
        "<p>&nbsp;&nbsp;1.推进A。<br>（市发改委负责）<br><br>2.建设B。</p>"
        "<div>牵头单位：<span>市住建局</span><!-- 注释 --></div></body></html>"
    )
    assert web_page_lines(page) == [
        "一、主要任务",
        "",  # <p>&nbsp;</p>; the empty <p></p> shows nothing
        "  1.推进A。",
        "（市发改委负责）",
        "",  # the second <br>
        "2.建设B。",
        "牵头单位：市住建局",
    ]


def test_a_table_laying_out_the_page_is_read_as_blocks():
    """A menu beside the article in a one-row table, and a one-column table of paragraphs: their
    cells are read as blocks, never joined into one row."""
    page = (
        "<html><body><table><tr><td>首页<br>政务公开</td><td>"
        "<p>一、主要任务</p><p>1.推进A。（市发改委负责）</p><p>2.建设B。（市住建局负责）</p></td></tr></table>"
        "<table><tr><td>3.改造C。</td></tr><tr><td>（市城管局负责）</td></tr></table></body></html>"
    )
    assert web_page_lines(page) == [
        "首页",
        "政务公开",
        "一、主要任务",
        "1.推进A。（市发改委负责）",
        "2.建设B。（市住建局负责）",
        "3.改造C。",
        "（市城管局负责）",
    ]


def test_cells_merged_over_rows_and_columns():
    """A cell merged over rows stands in each row it covers, at its column; one merged over
    columns stands once, as in a .docx."""
    page = (
        "<table><tr><th>序号</th><th>任务</th><th>牵头单位</th><th>配合单位</th></tr>"
        '<tr><td>1</td><td>甲</td><td rowspan="2">市发改委</td><td>市财政局</td></tr>'
        '<tr><td>2</td><td>乙</td><td rowspan="2">市统计局</td></tr>'
        '<tr><td colspan="3">3 丙</td></tr></table>'
    )
    assert web_page_lines(f"<html><body>{page}</body></html>") == [
        "序号 | 任务 | 牵头单位 | 配合单位",
        "1 | 甲 | 市发改委 | 市财政局",
        "2 | 乙 | 市发改委 | 市统计局",
        "3 丙 | 市统计局",
    ]


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title>通知</title></head><body><script>var a;</script></body></html>",
        "<!DOCTYPE html><html><body><p>&nbsp;</p></body></html>",
    ],
)
def test_a_page_showing_no_text_is_a_clear_error(tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(PlanReadError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: is empty; expected the text of an implementation plan"


def test_the_corpus_saved_as_web_pages_is_read_as_found():
    """Every document of the corpus as a site's page holds it (evaluate --copy web-page) reads as the
    documents as found do, within a few bodies."""
    scores = summary(document_scores(CORPUS / "gold.json", copy="web-page")).iloc[-1]
    as_found = summary(document_scores(CORPUS / "gold.json")).iloc[-1]
    for column in ("body_f1", "task_recall", "lead_accuracy"):
        assert scores[column] >= as_found[column] - 0.002
    assert scores["refused"] <= as_found["refused"]
