"""Reading a plan's page as a browser prints it to PDF (Chromium's headless print, the page's font
embedded, as ``evaluate --copy browser-pdf`` prints one): the PDF's text layer writes 人, 民, 工 as
Kangxi and CJK radicals and some glyphs as control characters, its paragraphs are wrapped, and
pdfminer logs its fonts' metrics. The pages hold the rows of corpus file 16 (a city's division of
provincial measures) and paragraphs of file 500; the bodies expected are the corpus gold's.

Needs Debian's ``chromium`` (``make test`` installs it where it may); where it is missing the tests
are skipped, and in CI (``CI`` set) they fail.
"""

import os
import unicodedata
from pathlib import Path

import pytest

from hbey_graph import load_plan
from hbey_graph.errors import HbeyGraphError
from hbey_graph.evaluation import copied_file
from hbey_graph.extract.readers import read_source
from hbey_graph.extract.text import unified_ideographs
from hbey_graph.reference import data_path

GROUPS = ["各县、市、区政府", "咸宁高新区管委会"]
ROWS = [
    ("(一)加强对防疫重点企业财税支持", "市税务局等,各县、市、区政府,咸宁高新区管委会"),
    (
        "2.纳入工信部支持新冠肺炎防护用品(具)技术改造设备购置补贴的重点企业,省财政给予设备购置费中央补贴后的"
        "剩余配套补贴;对纳入省级支持的企业,省财政全额补贴设备购置费用。",
        "市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会",
    ),
    (
        "3.在疫情防控调度任务结束后,对省疫情防控指挥部统一征用调配的重点企业已生产的库存产品,全部由政府兜底"
        "采购收储,省财政负责按分级负担原则落实资金。",
        "市财政局等,各县、市、区政府,咸宁高新区管委会",
    ),
]


PARAGRAPHS = [
    "(一)加强组织领导",
    "市级层面成立健康赣州建设委员会,细化上述17个专项行动的目标、指标、任务和职责分工,统筹指导各地各相关部门加强协作,"
    "研究疾病的综合防治策略,做好监测考核。各县(市、区)和各相关部门要按照职责分工,研究具体政策措施,推动落实重点任务。"
    "〔市卫生健康委、市教育局、市体育局、市委组织部、市统计局等各相关部门按职责分工负责,各县(市、区)人民政府、"
    "赣州经济技术开发区管委会、赣州蓉江新区管委会分别负责。〕",
    "(二)动员各方广泛参与",
    "凝聚全社会力量,形成健康促进的强大合力。鼓励金融机构创新健康类产品和服务,鼓励通过基金、社会捐资等途径,参与健康服务,"
    "形成资金来源多元化的保障机制。〔市卫生健康委牵头,市委宣传部、市教育局、市国资委、市财政局等各相关部门按职责分工负责,"
    "各县(市、区)人民政府、赣州经济技术开发区管委会、赣州蓉江新区管委会分别负责。〕",
]
COUNTIES = ["各县(市、区)人民政府", "赣州经济技术开发区管委会", "赣州蓉江新区管委会"]


def _print(text: str, pdf: Path, form: str = "browser-pdf") -> Path:
    """Print `text` as the copy form `form` does (its web page: paragraphs, a table of its
    bar-separated rows; justified, in Noto Sans CJK) to the file `pdf`."""
    try:
        pdf.write_bytes(copied_file(text, form))
    except HbeyGraphError as err:
        _unavailable(err)
    return pdf


def _unavailable(err: HbeyGraphError) -> None:
    """Skip a test for want of Chromium; fail it in CI."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"CI must run the printed-PDF tests, but {err}", pytrace=False)
    pytest.skip(str(err))


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The page of file 16's table, printed."""
    text = "\n".join(
        [
            "市人民政府关于咸宁市贯彻落实中央和省促进经济社会加快发展若干政策措施责任分工的通知",
            "",
            "工作措施 | 责任单位 | 备注",
            *(f"{task} | {bodies} | 2020年12月" for task, bodies in ROWS),
        ]
    )
    return _print(text, tmp_path_factory.mktemp("printed") / "table.pdf")


@pytest.fixture(scope="module")
def printed_paragraphs(tmp_path_factory):
    """The page of file 500's paragraphs, printed: each wraps over several lines."""
    return _print("\n".join(PARAGRAPHS), tmp_path_factory.mktemp("printed") / "paragraphs.pdf")


def test_the_printed_pdf_writes_ideographs_as_radicals(printed):
    """The premise: the PDF's own text layer holds radicals where the page had ideographs."""
    import pdfplumber

    with pdfplumber.open(printed) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "\u2f08\u2ea0政府" in text  # 人民 as KANGXI RADICAL MAN and CJK RADICAL CIVILIAN


def test_a_printed_pdf_is_read_with_its_bodies_and_one_note_of_each_repair(printed):
    plan = load_plan(printed)
    assert [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks] == [
        [(body, "responsible") for body in ["市税务局", *GROUPS]],
        [(body, "responsible") for body in ["市经信局", "市财政局", *GROUPS]],
        [(body, "responsible") for body in ["市财政局", *GROUPS]],
    ]
    kinds = [
        issue.kind for issue in plan.issues if issue.kind in ("radical", "not-read", "invisible-character")
    ]
    assert kinds.count("radical") == 1
    assert "invisible-character" not in kinds  # the reader took the control characters out, in one note


def test_reading_a_printed_pdf_shows_no_messages_about_its_fonts(printed, capfd):
    read_source(printed)
    assert "FontBBox" not in capfd.readouterr().err


def test_radicals_in_text_copied_out_of_a_pdf_are_read_as_ideographs():
    """Lines of the printed PDF above as its text layer gives them (a copy pasted into a text file)."""
    issues = []
    text = unified_ideographs(
        "市经信局、市财政局等,各县、市、区政府,咸宁\u2fbc新区管委会\n2020年12\u2f49", issues
    )
    assert text == "市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会\n2020年12月"
    assert [(issue.line, issue.kind) for issue in issues] == [(1, "radical")]


def test_the_table_of_radicals_agrees_with_unicodes_compatibility_mappings():
    """Every Kangxi radical's ideograph in the data file is the one Python's NFKC maps it to (an
    independent source: the Unicode Character Database's decompositions)."""
    import csv

    with data_path("equivalent_ideographs.csv").open(encoding="utf-8", newline="") as f:
        table = {row["character"]: row["ideograph"] for row in csv.DictReader(f)}
    kangxi = {char: ideograph for char, ideograph in table.items() if 0x2F00 <= ord(char) <= 0x2FDF}
    assert len(kangxi) == 214
    assert all(unicodedata.normalize("NFKC", char) == ideograph for char, ideograph in kangxi.items())
    assert table["\u2ea0"] == "民"


def test_a_printed_pdfs_wrapped_paragraphs_are_joined_again(printed_paragraphs):
    """The page wraps each paragraph over three or four lines, its annotation's bracket too; the
    reader joins them, and each item has the bodies of file 500's gold."""
    import pdfplumber

    with pdfplumber.open(printed_paragraphs) as pdf:
        printed_lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    assert len(printed_lines) >= 2 + 6  # the premise: the paragraphs are wrapped
    text = read_source(printed_paragraphs).text
    assert len([line for line in text.splitlines() if line.strip()]) == len(PARAGRAPHS)  # one line each
    plan = load_plan(printed_paragraphs)
    first = ["市卫生健康委", "市教育局", "市体育局", "市委组织部", "市统计局", *COUNTIES]
    support = ["市委宣传部", "市教育局", "市国资委", "市财政局", *COUNTIES]
    assert [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks] == [
        [(body, "responsible") for body in first],
        [("市卫生健康委", "lead"), *[(body, "support") for body in support]],
    ]
    assert "统筹指导各地各相关部门加强协作" in plan.tasks[0].text


def test_evaluate_scores_the_corpus_as_a_browser_prints_it(tmp_path):
    """``evaluate --copy browser-pdf`` on a corpus of file 500 alone: its PDF reads as the
    document as found does, body for body."""
    import json
    import shutil

    from hbey_graph.evaluation import check_copy_form, document_scores

    try:
        check_copy_form("browser-pdf")
    except HbeyGraphError as err:
        _unavailable(err)
    name = "500_ganzhou-jiankang-zuzhishishi.txt"
    corpus = Path(__file__).parent / "corpus"
    (tmp_path / "plans").mkdir()
    shutil.copy(corpus / "plans" / name, tmp_path / "plans" / name)
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    (tmp_path / "gold.json").write_text(json.dumps({name: gold[name]}, ensure_ascii=False), encoding="utf-8")
    columns = ["refused", "found", "lead_right", "body_tp", "body_fp", "body_fn"]
    as_found = document_scores(tmp_path / "gold.json")[columns].iloc[0].tolist()
    printed = document_scores(tmp_path / "gold.json", copy="browser-pdf")[columns].iloc[0].tolist()
    assert printed == as_found
    assert as_found[3] >= 20 and as_found[4:] == [0, 0]  # the document as found reads exactly


@pytest.fixture(scope="module")
def printed_with_headers(tmp_path_factory):
    """File 500's paragraphs eight times over, printed with the browser's headers and footers:
    several pages, each with the date and the page's title at its top and the page's address and
    number (``2/4``) at its foot, some paragraphs going on over a page's end."""
    pdf = tmp_path_factory.mktemp("printed") / "headers.pdf"
    return _print("\n".join(PARAGRAPHS * 8), pdf, "browser-pdf-headers")


def test_a_pdfs_running_heads_and_feet_are_left_out(printed_with_headers):
    import pdfplumber

    with pdfplumber.open(printed_with_headers) as pdf:
        pages = [(page.extract_text() or "").splitlines() for page in pdf.pages]
    assert len(pages) >= 3  # the premise: several pages, each numbered at its foot
    assert all(lines[-1].endswith(f"{number}/{len(pages)}") for number, lines in enumerate(pages, 1))
    source = read_source(printed_with_headers)
    assert "page.html" not in source.text and f"/{len(pages)}" not in source.text
    notes = [note for _, note in source.notes if "running head" in note]
    assert len(notes) == 1 and notes[0].startswith(f"{2 * len(pages)} running head or foot lines")
    plan = load_plan(printed_with_headers)
    first = ["市卫生健康委", "市教育局", "市体育局", "市委组织部", "市统计局", *COUNTIES]
    support = ["市委宣传部", "市教育局", "市国资委", "市财政局", *COUNTIES]
    assert [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks] == [
        [(body, "responsible") for body in first],
        [("市卫生健康委", "lead"), *[(body, "support") for body in support]],
    ] * 8
    assert not [issue for issue in plan.issues if issue.kind == "unassigned-task"]


TEXTS = ["1.加强财政支持。", "2.优化营商环境。", "3.推进乡村振兴。"]


def _line(text: str, top: float) -> dict:
    """A PDF text line as pdfplumber gives it, as far as finding running lines needs."""
    return {"text": text, "top": top, "bottom": top + 12, "x0": 90, "x1": 500, "chars": []}


def test_page_numbers_run_but_the_same_text_closing_two_pages_is_the_texts_own():
    from hbey_graph.extract.readers import _running_lines

    pages = [
        [_line(text, 80), _line("牵头单位:市发改委", 700), _line(f"— {number} —", 760)]
        for number, text in ((1, TEXTS[0]), (2, TEXTS[1]))
    ]
    running = _running_lines(pages)
    assert [[line["text"] for line in heads + feet] for heads, feet in running] == [["— 1 —"], ["— 2 —"]]


def test_figures_that_do_not_count_the_pages_are_the_texts_own():
    """A table's row numbers closing each page are no page numbers: they do not go up by one."""
    from hbey_graph.extract.readers import _running_lines

    pages = [[_line(text, 80), _line(str(row), 700)] for text, row in zip(TEXTS, (3, 8, 12), strict=True)]
    assert _running_lines(pages) == [([], [])] * 3


def test_a_line_heading_three_pages_alike_is_a_running_head():
    from hbey_graph.extract.readers import _running_lines

    pages = [[_line("某市人民政府公报", 40), _line(text, 80)] for text in TEXTS]
    assert [[line["text"] for line in heads] for heads, _ in _running_lines(pages)] == [
        ["某市人民政府公报"]
    ] * 3


def test_a_table_running_over_pages_between_running_heads_and_feet(tmp_path):
    """File 933 (a county's progress table) printed with the browser's headers and footers: its
    table fills the pages between them; the rows are read and the running lines left out."""
    from hbey_graph.evaluation import read_corpus_text

    _, text = read_corpus_text(
        Path(__file__).parent / "corpus" / "plans" / "933_taishun-minshengshishi-jinzhan-2024.txt"
    )
    pdf = _print(text, tmp_path / "933.pdf", "browser-pdf-headers")
    source = read_source(pdf)
    assert any("running head" in note for _, note in source.notes)
    rows = [line for line in source.text.splitlines() if line.count("|") >= 3]
    assert len(rows) == 7 and "page.html" not in source.text  # the header and the six rows as found
    assert "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况" in unified_ideographs(source.text, [])


def test_on_two_numbered_pages_a_head_repeated_as_it_is_runs_too():
    """Two pages as a browser prints them: the date at the top of each, the address and ``1/2``,
    ``2/2`` at the foot; the pages are numbered, so the date repeated as it is runs too."""
    from hbey_graph.extract.readers import _running_lines

    pages = [
        [_line("12/7/26, 4:28 PM", 16), _line(text, 80), _line(f"file:///tmp/page.html {n}/2", 769)]
        for n, text in ((1, TEXTS[0]), (2, TEXTS[1]))
    ]
    assert [[line["text"] for line in heads + feet] for heads, feet in _running_lines(pages)] == [
        ["12/7/26, 4:28 PM", "file:///tmp/page.html 1/2"],
        ["12/7/26, 4:28 PM", "file:///tmp/page.html 2/2"],
    ]


def test_a_pdf_of_glyphs_mapped_to_no_character_is_refused():
    """pdfminer writes a glyph its font maps to no character as ``(cid:N)``: left out with a note,
    and a PDF whose text is nothing else is refused with what to do."""
    from hbey_graph.errors import PlanReadError
    from hbey_graph.extract.readers import _without_unmapped_glyphs

    with pytest.raises(PlanReadError, match=r"map their glyphs to no characters.*OCR"):
        _without_unmapped_glyphs(Path("scan.pdf"), "(cid:1)(cid:2)\n(cid:3)")
