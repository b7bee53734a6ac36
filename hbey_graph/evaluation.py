"""Scoring the parser against hand-made answers for a corpus of real plans.

A corpus for evaluation is a folder holding ``gold.json`` and a ``plans/`` folder of text files.
Each plan file may open with a header of ``name: value`` lines (``source:``, ``title:``,
``script:``, ``style:``) closed by a line ``---``; the header is not part of the document and is
blanked before parsing (line numbers stay those of the file). ``gold.json`` maps each file name to
its tasks::

    {"01_plan.txt": [{"key": "推进长株潭自主创新示范区建设", "lead": ["省科技厅"],
                      "support": [], "responsible": []}, ...],
     "_notes": {...}}

``key`` is a substring of the task's own text that occurs once in the file once whitespace is
removed (in simplified characters for a traditional-script file); ``lead``, ``support`` and
``responsible`` name the bodies as the document defines them. A task may also give ``deadline``
and ``lead_official``. A ``documents.csv`` beside ``gold.json`` (columns ``file`` and any others,
e.g. ``province``, ``level``, ``year``, ``form``) adds columns to group the scores by.

The scores, summed over tasks (micro-averaged):

- **task recall**: gold tasks matched to a parsed task that names at least one body. A parsed task
  matches when its text (or, failing that, its heading) contains the key (a key with no bar also
  matches across the bars the reader writes between cells a copy set apart by spaces); a key that
  opens with an item's number (``(四)法律法规规定的其他职责``) matches a task not yet matched whose text or
  heading holds the words after the number;
- **body precision, recall, F1**: the bodies named for each gold task against those the parser gave
  its task, whatever their roles; bodies of parsed tasks that match no gold task count against
  precision, and the bodies of gold tasks not found count against recall;
- **role F1**: the same over (body, role) pairs;
- **lead accuracy**: gold tasks found whose set of lead bodies the parser gave exactly (both empty
  counts), out of all gold tasks;
- **refused**: documents the parser refused (no task read at all).

Names and keys are compared in simplified characters, whitespace removed, brackets and ``,;:!?``
made full-width.

A corpus can also be scored as another copy of its documents would print them (`copy`, the
command's ``--copy``): the gold stays what a person read, so a form that scores much lower than the
documents as found shows a weakness of reading, not of the documents. The forms:

- ``wrapped-N``: every line cut every N characters, as a text printed N characters a line (a table's
  row, its cells marked by bars or tabs, is kept whole);
- ``printed-N``: every line cut where it reaches the width of N Chinese characters, a figure, a
  letter or a half-width mark taking half the width of one, as text copied out of a PDF;
- ``pdf-N``: printed at N, with each page's number (``— 2 —``) between blank lines every
  22 lines, as a PDF's pages come out;
- ``ascii-punctuation``: full-width brackets, colons, commas and semicolons in their ASCII forms;
- ``spaced-lists``: a space after every ``、`` of a list, as some copies print one;
- ``no-break-spaces``: every space a no-break space (U+00A0), as a page copied out of a browser;
- ``html-entities``: spaces and curly quotes as the HTML references ``&nbsp;``, ``&ldquo;`` and
  ``&rdquo;``, as a page escaped twice over shows them;
- ``blank-lines``: a blank line after every line, as some sites space paragraphs;
- ``traditional``: the text in traditional characters (OpenCC ``s2t``);
- ``web-page``: the document as a government site's page holds it, saved from a browser: each
  line a paragraph, the page's source cut between Chinese characters every 40 or so, a table's
  rows (cells marked by bars or tabs) a ``<table>``, all inside a table laying the page out;
- ``browser-pdf``: that page (its source not cut) printed to PDF by headless Chromium, justified,
  in Noto Sans CJK, its tables ruled: a PDF's wrapped lines, its font's radicals for ideographs
  and its spaces as glyphs of no character. Needs Chromium on the path; slow (a second or two a
  document).

Every copy is read as a user's file of it would be (:func:`~hbey_graph.extract.readers.decode_source`).
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from hbey_graph.errors import HbeyGraphError, ParseWarning, PlanFormatError, PlanReadError
from hbey_graph.extract.readers import decode_source, read_source
from hbey_graph.extract.text import match_heading, remove_pinyin, to_simplified
from hbey_graph.records import Plan

__all__ = [
    "COPY_FORMS",
    "GoldTask",
    "check_copy_form",
    "copied",
    "copied_file",
    "document_scores",
    "evaluate",
    "load_gold",
    "read_corpus_text",
    "score_plan",
    "summary",
]

_HEADER_FIELD = re.compile(r"^[a-z_]+:\s?")
_SPACE = re.compile(r"\s+")
_HALF_WIDTH = str.maketrans("()〈〉<>‹›,;:!?", "（）（）（）（），；：！？")
_STOPS = str.maketrans("", "", "。；")  # sentence stops, left out where a key spans a title and its text
#: Full-width figures, letters, points and percent signs (６．５％, ＡＢ), compared as ASCII ones.
_FULL_WIDTH_ALPHANUMERIC = str.maketrans(
    {"．": ".", "％": "%"}
    | {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
)
_COUNTS = (
    "gold_tasks",
    "found",
    "lead_right",
    "body_tp",
    "body_fp",
    "body_fn",
    "role_tp",
    "role_fp",
    "role_fn",
    "deadline_gold",
    "deadline_right",
    "official_gold",
    "official_right",
)


@dataclass(frozen=True)
class GoldTask:
    """The hand-made answer for one task.

    Attributes
    ----------
    key : str
        A substring of the task's text, unique in its file.
    lead, support, responsible : tuple of str
        The bodies in each role.
    deadline, lead_official : str or None
        When the document states them for the task.
    """

    key: str
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    deadline: str | None = None
    lead_official: str | None = None

    def roles(self) -> set[tuple[str, str]]:
        """The (body, role) pairs, names normalised."""
        return {
            (normalise(body), role)
            for role in ("lead", "support", "responsible")
            for body in getattr(self, role)
        }


def normalise(text: str) -> str:
    """Return `text` as names and keys are compared.

    Simplified characters, no pinyin readings or whitespace, ``,;:!?()`` made full-width, angle
    brackets (``〈〉``, ``<>``, ``‹›``) round and full-width figures and letters ASCII, as the parser
    reads them.

    Examples
    --------
    >>> normalise("各縣(市、區) 政府,省直有關部門")
    '各县（市、区）政府，省直有关部门'
    >>> normalise("２０２０年底前，增长６．５％")
    '2020年底前，增长6.5%'
    """
    text = _SPACE.sub("", remove_pinyin(to_simplified(text)))
    return text.translate(_HALF_WIDTH).translate(_FULL_WIDTH_ALPHANUMERIC)


def load_gold(path: str | Path) -> dict[str, list[GoldTask]]:
    """Read ``gold.json``: the gold tasks of each file, in file-name order.

    Raises
    ------
    HbeyGraphError
        If the file is missing, not JSON, or a task lacks its key or has a role that is not a list.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise HbeyGraphError(f"{path}: cannot be read ({err.strerror}); expected a gold.json file") from err
    except json.JSONDecodeError as err:
        raise HbeyGraphError(f"{path}: is not valid JSON (line {err.lineno}: {err.msg})") from err
    if not isinstance(data, dict):
        raise HbeyGraphError(f"{path}: expected a JSON object mapping file names to lists of tasks")
    gold: dict[str, list[GoldTask]] = {}
    for name in sorted(data):
        if name.startswith("_"):
            continue
        tasks = []
        for index, entry in enumerate(data[name], start=1):
            if not isinstance(entry, dict) or not isinstance(entry.get("key"), str) or not entry["key"]:
                raise HbeyGraphError(f"{path}: {name}, task {index}: expected an object with a 'key' string")
            for role in ("lead", "support", "responsible"):
                if not isinstance(entry.get(role, []), list):
                    raise HbeyGraphError(f"{path}: {name}, task {index}: '{role}' must be a list of names")
            tasks.append(
                GoldTask(
                    entry["key"],
                    tuple(entry.get("lead", [])),
                    tuple(entry.get("support", [])),
                    tuple(entry.get("responsible", [])),
                    entry.get("deadline"),
                    entry.get("lead_official"),
                )
            )
        gold[name] = tasks
    return gold


def read_corpus_text(path: str | Path) -> tuple[dict[str, str], str]:
    r"""Read a corpus file: its header fields, and its text with the header lines blanked.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("source: x\nscript: simplified\n---\n一、任务\n", encoding="utf-8")
    >>> read_corpus_text(folder / "a.txt")
    ({'source': 'x', 'script': 'simplified'}, '\n\n\n一、任务\n')
    """
    text = read_source(path).text
    lines = text.split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if line.strip() == "---" and header:
            return header, "\n" * (index + 1) + "\n".join(lines[index + 1 :])
        if not _HEADER_FIELD.match(line):
            break
        name, _, value = line.partition(":")
        header[name.strip()] = value.strip()
    return {}, text


@dataclass
class _Match:
    gold: GoldTask
    task_id: str | None
    roles: set[tuple[str, str]] = field(default_factory=set)
    deadline: str = ""
    lead_official: str = ""


def _task_roles(plan: Plan) -> dict[str, set[tuple[str, str]]]:
    roles: dict[str, set[tuple[str, str]]] = {task.task_id: set() for task in plan.tasks}
    for assignment in plan.assignments:
        roles.setdefault(assignment.task_id, set()).add((normalise(assignment.body), assignment.role))
    return roles


def score_plan(plan: Plan | None, gold: Iterable[GoldTask]) -> dict[str, int]:
    """Count what the parser got right in one plan (None: the plan was refused).

    Returns
    -------
    dict of str to int
        gold_tasks, found, lead_right, body_tp/fp/fn, role_tp/fp/fn, and the deadline and
        lead official counts (deadline_gold, deadline_right, official_gold, official_right).
    """
    gold = list(gold)
    counts = dict.fromkeys(_COUNTS, 0)
    counts["gold_tasks"] = len(gold)
    tasks = plan.tasks if plan is not None else []
    roles = _task_roles(plan) if plan is not None else {}
    texts = [(task.task_id, normalise(task.text), normalise(task.heading)) for task in tasks]
    fields = {task.task_id: task for task in tasks}
    matched: set[str] = set()
    for entry in gold:
        key = normalise(entry.key)
        task_id = next((tid for tid, text, _ in texts if key in text), None)
        if task_id is None:  # a key across cells, the bars between them in the key or in the text
            bare = key.replace("|", "")
            task_id = next((tid for tid, text, _ in texts if bare in text.replace("|", "")), None)
        if task_id is None:
            task_id = next((tid for tid, _, heading in texts if key in heading and tid not in matched), None)
        if task_id is None:  # 1、进社区宣讲队。以社区居民为主…: a key across an item's title and its text
            bare = key.translate(_STOPS)
            task_id = next(
                (
                    tid
                    for tid, text, title in texts
                    if bare in (title + text).translate(_STOPS) and tid not in matched
                ),
                None,
            )
        if task_id is None and (heading := match_heading(key)) is not None:
            # 1.减少农村扶贫对象6.76万人: an item repeating its parent's words, keyed with its number
            words = heading[1].group("rest")
            task_id = next(
                (tid for tid, text, title in texts if words in text + title and tid not in matched), None
            )
        predicted = roles.get(task_id, set()) if task_id else set()
        expected = entry.roles()
        if task_id is not None:
            matched.add(task_id)
        counts["found"] += bool(predicted)
        bodies, gold_bodies = {b for b, _ in predicted}, {b for b, _ in expected}
        counts["body_tp"] += len(bodies & gold_bodies)
        counts["body_fp"] += len(bodies - gold_bodies)
        counts["body_fn"] += len(gold_bodies - bodies)
        counts["role_tp"] += len(predicted & expected)
        counts["role_fp"] += len(predicted - expected)
        counts["role_fn"] += len(expected - predicted)
        leads = {b for b, r in predicted if r == "lead"}
        counts["lead_right"] += bool(predicted) and leads == {normalise(b) for b in entry.lead}
        task = fields.get(task_id) if task_id else None
        if entry.deadline:
            counts["deadline_gold"] += 1
            got = getattr(task, "deadline", "") or ""
            counts["deadline_right"] += bool(got) and normalise(got) == normalise(entry.deadline)
        if entry.lead_official:
            counts["official_gold"] += 1
            got = getattr(task, "lead_official", "") or ""
            counts["official_right"] += bool(got) and normalise(got) == normalise(entry.lead_official)
    for task_id, predicted in roles.items():  # tasks the gold does not have: all their bodies are wrong
        if task_id not in matched and predicted:
            counts["body_fp"] += len({b for b, _ in predicted})
            counts["role_fp"] += len(predicted)
    return counts


def document_scores(
    gold_path: str | Path,
    *,
    plans: str | Path | None = None,
    parse: Callable[[str, str], Plan] | None = None,
    progress: bool = False,
    copy: str | None = None,
) -> pd.DataFrame:
    """Parse every file the gold names and count what the parser got right, one row per file.

    Parameters
    ----------
    gold_path : str or pathlib.Path
        The ``gold.json`` file.
    plans : str or pathlib.Path, optional
        The folder of plan files; ``plans/`` beside the gold file by default.
    parse : callable, optional
        ``parse(text, plan_id)`` returning a :class:`~hbey_graph.records.Plan`; by default
        :func:`hbey_graph.extract.parser.parse_text` with the shipped lexicon.
    progress : bool
        Whether to show a progress bar.
    copy : str, optional
        Score the documents as a copy of this form prints them (:func:`copied`).

    Returns
    -------
    pandas.DataFrame
        file, the header's script and style, the columns of ``documents.csv`` if there is one,
        refused (bool), warnings, and the counts of :func:`score_plan`.
    """
    from hbey_graph.extract.parser import parse_text

    gold_path = Path(gold_path)
    folder = Path(plans) if plans is not None else gold_path.parent / "plans"
    gold = load_gold(gold_path)
    parse = parse or (lambda text, plan_id: parse_text(text, plan_id=plan_id))
    extra = _documents_table(gold_path.parent / "documents.csv")
    rows: list[dict[str, Any]] = []
    names = list(gold)
    if progress:
        from tqdm import tqdm

        names = tqdm(names, desc="evaluating", unit="plan")
    for name in names:
        path = folder / name
        if not path.exists():
            raise HbeyGraphError(f"{path}: the gold names this file but it is not in {folder}")
        header, text = read_corpus_text(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ParseWarning)
            try:
                if copy is not None:  # a copy the reader refuses is a document refused
                    text = decode_source(path, copied_file(text, copy)).text
                plan: Plan | None = parse(text, Path(name).stem)
            except (PlanFormatError, PlanReadError):
                plan = None
        if plan is not None and not plan.tasks:
            plan = None
        row: dict[str, Any] = {
            "file": name,
            "script": header.get("script", ""),
            "style": header.get("style", ""),
            **extra.get(name, {}),
            "refused": plan is None,
            "warnings": sum(issubclass(w.category, ParseWarning) for w in caught),
        }
        row.update(score_plan(plan, gold[name]))
        rows.append(row)
    return pd.DataFrame(rows)


COPY_FORMS = (
    "wrapped-N",
    "printed-N",
    "pdf-N",
    "ascii-punctuation",
    "spaced-lists",
    "no-break-spaces",
    "html-entities",
    "blank-lines",
    "traditional",
    "web-page",
    "browser-pdf",
    "browser-pdf-headers",
)
_PRINTED_FORMS = ("browser-pdf", "browser-pdf-headers")
_PAGE_LINES = 22  # lines of a PDF's page, for the copy form pdf-N
_ASCII_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})


def copied(text: str, form: str) -> str:
    r"""`text` as a copy of the given `form` (one of :data:`COPY_FORMS`, N a number) prints it.

    Examples
    --------
    >>> copied("一二三四五\n| 甲 | 乙丙丁戊 |", "wrapped-2")
    '一二\n三四\n五\n| 甲 | 乙丙丁戊 |'
    >>> copied("增长12%以上", "printed-3")
    '增长12\n%以上'
    >>> copied("（市财政局负责）", "ascii-punctuation")
    '(市财政局负责)'
    """
    if re.fullmatch(r"pdf-\d+", form):
        lines = copied(text, "printed-" + form.split("-")[1]).split("\n")
        pages = [lines[start : start + _PAGE_LINES] for start in range(0, len(lines), _PAGE_LINES)]
        return "\n".join(
            "\n".join(page) + (f"\n\n— {number} —\n" if number < len(pages) else "")
            for number, page in enumerate(pages, start=1)
        )
    if re.fullmatch(r"(wrapped|printed)-\d+", form):
        kind, width = form.split("-")
        lines = []
        for line in text.split("\n"):
            if "|" in line or "\t" in line:
                lines.append(line)
                continue
            cut, taken = 0, 0.0  # where the current printed line starts, and its width so far
            for at, char in enumerate(line):
                wide = 1.0 if kind == "wrapped" or ord(char) > 0x7F else 0.5
                if taken + wide > int(width):
                    lines.append(line[cut:at])
                    cut, taken = at, 0.0
                taken += wide
            lines.append(line[cut:])
        return "\n".join(lines)
    if form == "ascii-punctuation":
        return text.translate(_ASCII_PUNCTUATION)
    if form == "spaced-lists":
        return text.replace("、", "、 ")
    if form == "no-break-spaces":
        return text.replace("\u3000", "\xa0").replace(" ", "\xa0")
    if form == "html-entities":
        for char, reference in (("\u3000", "&nbsp;"), (" ", "&nbsp;"), ("“", "&ldquo;"), ("”", "&rdquo;")):
            text = text.replace(char, reference)
        return text
    if form == "blank-lines":
        return "\n\n".join(text.split("\n"))
    if form == "traditional":
        import opencc

        return opencc.OpenCC("s2t").convert(text)
    if form == "web-page":
        return _web_page(text)
    if form in _PRINTED_FORMS:
        raise HbeyGraphError(f"the copy form {form} is a file, not a text: see copied_file")
    choices = ", ".join(COPY_FORMS[1:])
    raise HbeyGraphError(f"unknown copy form {form!r}: choose wrapped-N (N a number), {choices}")


def check_copy_form(form: str) -> None:
    """Refuse an unknown copy form, or a printed one (``browser-pdf`` …) without Chromium on the path.

    Raises
    ------
    HbeyGraphError
        With the forms to choose from, or how to install Chromium.
    """
    if form in _PRINTED_FORMS:
        _browser()
    else:
        copied("", form)


def copied_file(text: str, form: str) -> bytes:
    """The file a copy of the given `form` (one of :data:`COPY_FORMS`) of `text` is.

    The copy's text in UTF-8; for ``browser-pdf`` and ``browser-pdf-headers``, the PDF Chromium
    prints of the document's ``web-page`` copy.

    Raises
    ------
    HbeyGraphError
        For an unknown form, or a printed one without Chromium on the path.
    """
    if form not in _PRINTED_FORMS:
        return copied(text, form).encode("utf-8")
    from importlib import resources

    font = Path(str(resources.files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf")).as_uri()
    page = _web_page(text, source_width=None, style=_PRINTED_STYLE.format(font=font))
    return _printed_by_browser(page, headers=form == "browser-pdf-headers")


_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: How the copy form browser-pdf lays a page out: a Chinese font carried with the package, justified
#: text, ruled tables.
_PRINTED_STYLE = (
    "@font-face {{font-family: cjk; src: url('{font}')}} body {{font-family: cjk; font-size: 16px; "
    "text-align: justify}} table {{border-collapse: collapse}} td {{border: 1px solid #000}}"
)


def _browser() -> str:
    """The path of a Chromium to print with."""
    import shutil

    browser = next((path for path in map(shutil.which, _BROWSERS) if path), None)
    if browser is None:
        raise HbeyGraphError(
            "the copy form browser-pdf needs Chromium on the path (apt-get install chromium)"
        )
    return browser


def _printed_by_browser(page: str, *, headers: bool = False) -> bytes:
    """The PDF headless Chromium prints of the web page `page`, with its headers and footers or not."""
    import subprocess
    import tempfile

    browser = _browser()
    with tempfile.TemporaryDirectory() as folder:
        source, pdf = Path(folder) / "page.html", Path(folder) / "page.pdf"
        source.write_text(page, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu"]
        command += [] if headers else ["--no-pdf-header-footer"]
        command += [f"--print-to-pdf={pdf}", source.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        return pdf.read_bytes()


_WEB_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政务公开</title><script>var page = 1;</script></head>
<body><table width="100%"><tr><td>
{}
</td></tr></table></body></html>
"""
_SOURCE_LINE = 40  # characters of a paragraph on a line of a page's source, for the copy form web-page
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_KEPT_SPACES = re.compile(r"^ +| {2,}")
_CELL_MARK = re.compile(r"\s*[|\t]\s*")


def _web_page(text: str, *, source_width: int | None = _SOURCE_LINE, style: str = "") -> str:
    """`text` as the source of a web page (the copy form ``web-page``).

    `source_width`: where the source's lines are cut between Chinese characters (None: not cut);
    `style`: a style sheet for the page.
    """
    parts: list[str] = []
    rows: list[str] = []
    for line in text.split("\n"):
        if "|" in line or "\t" in line.strip():
            cells = _CELL_MARK.split(line.strip().strip("|").strip())
            rows.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>")
            continue
        if rows:
            parts.append('<table border="1">\n' + "\n".join(rows) + "\n</table>")
            rows = []
        if line.strip():
            parts.append('<p style="text-indent: 2em">' + _source_lines(line.rstrip(), source_width) + "</p>")
        else:
            parts.append("<p>&nbsp;</p>")
    if rows:
        parts.append('<table border="1">\n' + "\n".join(rows) + "\n</table>")
    page = _WEB_PAGE.format("\n".join(parts))
    return page.replace("</head>", f"<style>{style}</style></head>", 1) if style else page


def _source_lines(paragraph: str, width: int | None = _SOURCE_LINE) -> str:
    """A paragraph escaped for a page's source, cut between two Chinese characters every 40 or so.

    Spaces a browser would fold (an indent, a run of them) are written as ``&nbsp;``.
    """
    pieces, start = [], 0
    for at in range(1, len(paragraph)):
        if (
            width is not None
            and at - start >= width
            and _CJK.match(paragraph[at - 1])
            and _CJK.match(paragraph[at])
        ):
            pieces.append(paragraph[start:at])
            start = at
    pieces.append(paragraph[start:])
    return "\n".join(_KEPT_SPACES.sub(_no_break, html.escape(piece)) for piece in pieces)


def _no_break(spaces: re.Match[str]) -> str:
    """Spaces a page shows as written: a paragraph's indent, or more than one."""
    return "&nbsp;" * len(spaces.group())


def _documents_table(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "file" not in frame.columns:
        raise HbeyGraphError(f"{path}: expected a 'file' column naming each plan file")
    return {row["file"]: {k: v for k, v in row.items() if k != "file"} for row in frame.to_dict("records")}


def summary(scores: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """The scores of :func:`document_scores`, overall and (with `by`) for each value of a column.

    Returns
    -------
    pandas.DataFrame
        One row per group, then ``all``: documents, refused, tasks, task_recall, body_precision,
        body_recall, body_f1, role_f1, lead_accuracy, and deadline and lead_official accuracy where
        the gold gives them.

    Examples
    --------
    >>> scores = pd.DataFrame([{"file": "a", "refused": False, "gold_tasks": 2, "found": 2,
    ...     "lead_right": 1, "body_tp": 3, "body_fp": 1, "body_fn": 0, "role_tp": 2, "role_fp": 2,
    ...     "role_fn": 1, "deadline_gold": 0, "deadline_right": 0, "official_gold": 0,
    ...     "official_right": 0}])
    >>> summary(scores).loc[0, ["task_recall", "body_precision", "body_f1", "lead_accuracy"]].tolist()
    [1.0, 0.75, 0.8571428571428571, 0.5]
    """
    groups: list[tuple[str, pd.DataFrame]] = []
    if by is not None:
        if by not in scores.columns:
            raise HbeyGraphError(
                f"no column {by!r} to group the scores by; columns: {', '.join(scores.columns)}"
            )
        groups.extend((str(value), frame) for value, frame in scores.groupby(by, sort=True))
    groups.append(("all", scores))
    rows = []
    for label, frame in groups:
        total = frame[list(_COUNTS)].sum()
        precision = _ratio(total.body_tp, total.body_tp + total.body_fp)
        recall = _ratio(total.body_tp, total.body_tp + total.body_fn)
        role_p = _ratio(total.role_tp, total.role_tp + total.role_fp)
        role_r = _ratio(total.role_tp, total.role_tp + total.role_fn)
        rows.append(
            {
                "group": label,
                "documents": len(frame),
                "refused": int(frame["refused"].sum()),
                "tasks": int(total.gold_tasks),
                "task_recall": _ratio(total.found, total.gold_tasks),
                "body_precision": precision,
                "body_recall": recall,
                "body_f1": _f1(precision, recall),
                "role_f1": _f1(role_p, role_r),
                "lead_accuracy": _ratio(total.lead_right, total.gold_tasks),
                "deadline_accuracy": _ratio(total.deadline_right, total.deadline_gold),
                "lead_official_accuracy": _ratio(total.official_right, total.official_gold),
            }
        )
    return pd.DataFrame(rows)


def evaluate(
    gold_path: str | Path, *, plans: str | Path | None = None, by: str | None = None
) -> pd.DataFrame:
    r"""Parse a gold corpus and return its :func:`summary`.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "plans").mkdir()
    >>> _ = (folder / "plans" / "a.txt").write_text(
    ...     "一、任务\n1. 推进河道综合治理工作。（省水利厅牵头，省财政厅配合）\n", encoding="utf-8")
    >>> gold = {"a.txt": [{"key": "推进河道综合治理工作", "lead": ["省水利厅"], "support": ["省财政厅"],
    ...                    "responsible": []}]}
    >>> _ = (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    >>> evaluate(folder / "gold.json").loc[0, ["task_recall", "body_f1", "lead_accuracy"]].tolist()
    [1.0, 1.0, 1.0]
    """
    return summary(document_scores(gold_path, plans=plans), by=by)


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator) / float(denominator) if denominator else float("nan")


def _f1(precision: float, recall: float) -> float:
    if precision != precision or recall != recall or precision + recall == 0:  # nan or nothing
        return float("nan") if precision != precision or recall != recall else 0.0
    return 2 * precision * recall / (precision + recall)
