"""Reading a plan file into text.

Plans come as text files (UTF-8 with or without a byte-order mark, UTF-16 with one, GB18030/GBK
or Big5, detected), Word documents (``.docx``: the paragraphs and tables in order, a table's row on a
line of its own with ``|`` between its cells), PDFs with a text layer (the pages in order, a blank
line between pages, which the parser joins like any page break; running heads and feet left out;
the lines of a paragraph a page wrapped joined again) and web pages saved as ``.html`` (the text a
browser shows, a table's row on a line as in a ``.docx``; see :mod:`hbey_graph.extract.webpage`).
The reader checks what it was given before anything is parsed, so that a wrong path, a directory,
an empty, binary or unreadable file gives one clear line naming the file and what was expected.
Only regular files are read (a FIFO, a device or a socket could block or never end), up to
:data:`MAX_PLAN_BYTES` unless the caller allows more; ``"-"`` reads standard input.

Line numbers in the parser's warnings count lines of the text read here: for a ``.docx``, one
line per paragraph and per table row; for a PDF, the lines of each page's text, a wrapped
paragraph's on one; for a web page, one line per block (paragraph, heading, list item, line break)
and per table row.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from hbey_graph.errors import PlanReadError
from hbey_graph.extract.webpage import declared_charset, is_web_page, web_page_lines

__all__ = ["MAX_PLAN_BYTES", "STDIN", "Source", "decode_source", "read_plan_bytes", "read_source"]

#: The largest plan file read unless the caller allows more. A long plan is a few hundred KB as
#: text and a few MB as a Word file or PDF.
MAX_PLAN_BYTES = 64 * 2**20
#: The path that means standard input.
STDIN = "-"

_EXPECTED = "expected a plan as a text file, a .docx, a text PDF or a web page (.html)"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ZIP, _PDF = b"PK\x03\x04", b"%PDF-"
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")  # how pdfminer writes a glyph its font maps to no text
_GLYPH_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_CONTROLS_AND_SPACES = "".join(map(chr, range(0x21))) + "\x7f"
_FIGURES = re.compile(r"\d+")
_CONTROLS_AND_SPACES_RUN = re.compile(r"[\x00-\x20\x7f\s]+")
#: How many lines at a page's top and at its foot may be running heads and feet.
_RUNNING_DEPTH = 2
_WEB_PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})


@dataclass(frozen=True)
class Source:
    r"""The text of a plan file.

    Attributes
    ----------
    path : pathlib.Path
        The file read.
    text : str
        The text as decoded, line ends normalised to ``\\n``.
    encoding : str
        The encoding it was decoded with (``utf-8``, ``gb18030`` …), or ``docx`` / ``pdf``; for a
        web page, ``html`` and the encoding (``html gb18030``).
    notes : tuple of (int, str)
        What the reader left out, each with the line where it stood (a table in a ``.docx``).
    """

    path: Path
    text: str
    encoding: str
    notes: tuple[tuple[int, str], ...] = ()


def read_source(path: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_PLAN_BYTES) -> Source:
    """Read a plan file as text.

    Parameters
    ----------
    path : str, path-like or bytes
        A text file (UTF-8, UTF-16 with or without a byte-order mark, GB18030/GBK, Big5), a
        ``.docx`` or a PDF with a text layer. Word and PDF files are recognised by their content
        as well as by their suffix. ``"-"`` reads standard input.
    max_bytes : int
        The largest file read (:data:`MAX_PLAN_BYTES` by default); raise it for a larger plan.

    Returns
    -------
    Source

    Raises
    ------
    PlanReadError
        If the path is missing, a directory or not a regular file (a FIFO, a device), or the file
        is larger than `max_bytes`, empty, binary, in no encoding a Chinese plan is written in, a
        damaged ``.docx`` or PDF, or a PDF without a text layer.
    TypeError
        If `path` is not a path.

    Examples
    --------
    >>> from hbey_graph.reference import data_path, BUNDLED_PLAN
    >>> source = read_source(data_path(BUNDLED_PLAN))
    >>> source.encoding, source.text.count("实施主")
    ('utf-8', 38)
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"expected the path of a plan file, not {type(path).__name__}")
    path = Path(path)
    data = _read_stdin(max_bytes) if str(path) == STDIN else _read_file(path, max_bytes)
    return decode_source(path, data)


def read_plan_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_PLAN_BYTES) -> bytes:
    """Return the bytes of the plan file `path`, checked as :func:`read_source` checks them.

    Raises
    ------
    PlanReadError
        If the path is missing, a directory, not a regular file, or larger than `max_bytes`.
    """
    return _read_file(Path(path), max_bytes)


def decode_source(path: str | os.PathLike[str], data: bytes) -> Source:
    """Read the bytes `data` of the plan file `path` as text (see :func:`read_source`).

    The bytes may have been read elsewhere (on another machine of a cluster); `path` names them in
    messages and its suffix says what kind of file they are, as the content does.

    Raises
    ------
    PlanReadError
        If `data` is empty, binary, in no encoding a Chinese plan is written in, a damaged
        ``.docx`` or PDF, or a PDF without a text layer.

    Examples
    --------
    >>> decode_source("a.txt", "一、任务".encode("gb18030")).text
    '一、任务'
    """
    path = Path(path)
    if not data.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise PlanReadError(f"{path}: is a Word 97-2003 .doc file, which is not read; save it as .docx")
    if suffix == ".docx" or data.startswith(_ZIP):
        source = _read_docx(path, data)
    elif suffix == ".pdf" or data.startswith(_PDF):
        source = _read_pdf(path, data)
    elif suffix in _WEB_PAGE_SUFFIXES:
        source = _read_web_page(path, data)
    else:
        text, encoding = _decode(path, data)
        source = (
            _read_web_page(path, data, (text, encoding))
            if is_web_page(text)
            else Source(path, text, encoding)
        )
    text = source.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    return Source(path, text, source.encoding, source.notes)


def _read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise PlanReadError(f"standard input: is larger than {_size(max_bytes)}; {_RAISE}")
    return data


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise PlanReadError(f"{path}: no such file; {_EXPECTED}") from None
    except OSError as err:
        raise PlanReadError(f"{path}: cannot be read ({err.strerror}); {_EXPECTED}") from err
    if stat.S_ISDIR(status.st_mode):
        raise PlanReadError(f"{path}: is a directory; {_EXPECTED}")
    if not stat.S_ISREG(status.st_mode):
        raise PlanReadError(f"{path}: is not a regular file (a pipe, device or socket); {_EXPECTED}")
    if status.st_size > max_bytes:
        raise PlanReadError(f"{path}: is {_size(status.st_size)}, larger than {_size(max_bytes)}; {_RAISE}")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as err:
        raise PlanReadError(f"{path}: cannot be read ({err.strerror}); {_EXPECTED}") from err
    if len(data) > max_bytes:  # grew while it was read
        raise PlanReadError(f"{path}: is larger than {_size(max_bytes)}; {_RAISE}")
    return data


_RAISE = "a plan is rarely that large; if it is one, raise the limit (--max-size, or max_bytes=)"


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 2**20:.1f} MB" if n_bytes >= 2**20 else f"{n_bytes:,} bytes"


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """Decode a text file: a byte-order mark, else UTF-8, else the detected Chinese encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as err:
                raise PlanReadError(
                    f"{path}: starts with a {encoding.removesuffix('-sig').upper()} byte-order mark but is "
                    f"not valid {encoding.removesuffix('-sig').upper()} (byte {err.start}); {_EXPECTED}"
                ) from err
    utf16 = _utf16_without_mark(data)
    if utf16 is not None:
        return data.decode(utf16), utf16
    if b"\x00" in data:
        raise PlanReadError(f"{path}: looks binary (contains NUL bytes); {_EXPECTED}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err.start
    detected = _detect(data)
    if detected is not None:
        return data.decode(detected), detected
    raise PlanReadError(
        f"{path}: is not valid UTF-8 text (byte {utf8_error}) nor GB18030, GBK or Big5 Chinese text; "
        f"{_EXPECTED}"
    )


def _utf16_without_mark(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` if `data` is UTF-16 Chinese text written without a byte-order mark.

    Such text has a NUL in every other byte wherever it holds ASCII (line ends, digits): in the
    odd bytes for little-endian, the even ones for big-endian.
    """
    if len(data) % 2 or b"\x00" not in data:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) < len(zeros) // 10:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _CJK.search(text):
            return encoding
    return None


def _detect(data: bytes) -> str | None:
    """The Chinese encoding `data` is written in, if charset-normalizer finds one that decodes it."""
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        encoding = match.encoding.lower().replace("-", "_")
        if encoding in {"gb2312", "gbk", "gb18030", "hz", "cp936"}:
            encoding = "gb18030"  # the superset: decodes everything its subsets do
        elif encoding not in {"big5", "big5hkscs", "cp950"}:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CJK.search(text):
            return encoding
    # The detector may prefer a Western code page for a short text; try the Chinese ones directly
    # and take one whose text is mostly Chinese characters.
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        visible = len(re.sub(r"\s", "", text))
        if visible and len(_CJK.findall(text)) >= 0.3 * visible:
            return encoding
    return None


def _read_docx(path: Path, data: bytes) -> Source:
    """The paragraphs and tables of a Word document in order; each table row a line of ``|``-separated cells.

    A cell merged over several rows (a lead written once for several tasks) stands in each of them;
    a cell merged over several columns stands once.
    """
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # a zip error, or python-docx's own for a package that is not Word
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlanReadError(f"{path}: is not a readable .docx (Word) file ({message}); {_EXPECTED}") from err
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append("".join(node.text or "" for node in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            lines.extend(_table_lines(Table(element, document)))
    return Source(path, "\n".join(lines), "docx")


def _table_lines(table) -> list[str]:
    """The rows of a .docx table, each as its cells' text joined by `` | ``."""
    rows = []
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:  # a cell merged across columns is listed once per column
                cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            previous = cell._tc
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _read_web_page(path: Path, data: bytes, decoded: tuple[str, str] | None = None) -> Source:
    """The text a browser shows of a saved web page, decoded as its ``<meta>`` declares if it does.

    Otherwise it is decoded as a text file is; `decoded` is that text and encoding if known already.
    """
    charset = declared_charset(data)
    try:
        text, encoding = data.decode(charset), charset
    except (TypeError, LookupError, UnicodeDecodeError):  # none declared, an unknown name, or wrong
        text, encoding = decoded or _decode(path, data)
    return Source(path, "\n".join(web_page_lines(text)), f"html {encoding}")


def _read_pdf(path: Path, data: bytes) -> Source:
    """The text of a PDF's pages in order, a blank line between pages.

    Control characters in the text layer (glyphs a PDF maps to no character: a browser's PDF maps
    its spaces so) are read as spaces, but not at a line's end; one note counts them. What
    pdfminer logs of fonts' metrics while reading is not shown: it concerns the drawing, not the
    text.
    """
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf, _quiet("pdfminer"):
            pages_lines = [page.extract_text_lines() for page in pdf.pages]
            pages_tables = [sorted(page.find_tables(), key=lambda table: table.bbox[1]) for page in pdf.pages]
            running = _running_lines(
                [
                    _lines_outside(lines, tables)
                    for lines, tables in zip(pages_lines, pages_tables, strict=True)
                ]
            )
            pages = [
                "\n".join(_pdf_page_lines(*page))
                for page in zip(pdf.pages, pages_lines, pages_tables, running, strict=True)
            ]
    except Exception as err:  # pdfminer raises many kinds of error for a damaged file
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlanReadError(f"{path}: is not a readable PDF ({message}); {_EXPECTED}") from err
    if not any(page.strip() for page in pages):
        raise PlanReadError(
            f"{path}: is a PDF without a text layer (a scan?); expected a PDF with text, or its text "
            "extracted by OCR"
        )
    text = "\n\n".join(pages)
    notes: list[tuple[int, str]] = []
    left_out = [line for heads, feet in running for line in heads + feet]
    if left_out:
        example = _UNMAPPED_GLYPH.sub("", _line_text(left_out[0]))[:40]
        notes.append(
            (
                1,
                f"{_count(len(left_out), 'running head or foot line')} of the PDF's pages (lines "
                f"repeated at the top or foot of its pages, such as {example!r}) left out",
            )
        )
    text, note = _without_unmapped_glyphs(path, text)
    notes += note
    text, note = _replaced(
        text,
        _GLYPH_CONTROLS,
        " ",
        "control character",
        "of the PDF's text layer (glyphs it maps to no character, as some map spaces) read as spaces",
    )
    return Source(path, text, "pdf", tuple(notes + note))


def _without_unmapped_glyphs(path: Path, text: str) -> tuple[str, list[tuple[int, str]]]:
    r"""A PDF's `text` without the glyphs its fonts map to no character, and a note of them.

    pdfminer writes such a glyph as ``(cid:N)``. A PDF whose Chinese text is all such glyphs (its
    fonts carry no map to characters) is refused: it reads as nothing.

    Examples
    --------
    >>> _without_unmapped_glyphs(Path("a.pdf"), "(cid:12)(cid:7)\n市发改委(cid:3)")
    ('\n市发改委', [(1, "3 glyphs the PDF's fonts map to no character (written (cid:N)) left out")])
    """
    text, note = _replaced(
        text, _UNMAPPED_GLYPH, "", "glyph", "the PDF's fonts map to no character (written (cid:N)) left out"
    )
    if note and not _CJK.search(text):
        raise PlanReadError(
            f"{path}: is a PDF whose fonts map their glyphs to no characters; expected a PDF with "
            "text, or its text extracted by OCR"
        )
    return text, note


def _replaced(text: str, pattern: re.Pattern, by: str, what: str, done: str) -> tuple[str, list]:
    """`text` with `pattern`'s matches replaced by `by`, and a note of them if there were any.

    The note counts the matches (`what`, in the singular), says what was `done` with them, and
    stands on the line of the first.
    """
    first = pattern.search(text)
    if first is None:
        return text, []
    line = text.count("\n", 0, first.start()) + 1
    count = len(pattern.findall(text))
    return pattern.sub(by, text), [(line, f"{_count(count, what)} {done}")]


def _count(n: int, what: str) -> str:
    """``n`` things called `what`: ``1 glyph``, ``3 glyphs``."""
    return f"{n} {what}{'s' if n != 1 else ''}"


@contextmanager
def _quiet(logger_name: str):
    """Show only errors of the logger `logger_name` (and its children) while inside."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(max(level, logging.ERROR))
    try:
        yield
    finally:
        logger.setLevel(level)


def _lines_outside(lines: list[dict], tables: list) -> list[dict]:
    """The `lines` that show some text and stand outside the page's `tables`."""
    return [
        line
        for line in lines
        if _line_text(line).strip()
        and not any(
            table.bbox[1] <= line["top"] + 0.5 and line["bottom"] - 0.5 <= table.bbox[3] for table in tables
        )
    ]


def _running_lines(pages_lines: list[list[dict]]) -> list[tuple[list[dict], list[dict]]]:
    """Per page, its running heads and its running feet: lines at its top and foot repeated on others.

    `pages_lines` are the lines of each page that may be running ones (outside its tables, not
    blank). A line is a running one when a line at the same place (first, second, last or last but
    one of a page), with the same text once its figures are set aside, stands on every page of a
    PDF of two or three pages, on three quarters of the pages of a longer one; its figures are the
    same on every page or count the pages (``— 3 —``, ``3/15``, a date beside them); on two pages
    only, it must count them, or stand first or last on pages another line numbers (the same line
    closing two pages may be the text's own). Only the lines
    from the top down and from the foot up that all repeat are taken: a page's own text starts at
    the first that does not.
    """
    count = len(pages_lines)
    needed = max(min(count, 3), -(-3 * count // 4))
    pages_keys = [_edge_keys(lines) for lines in pages_lines]
    found: dict[tuple[int, str], list[tuple[int, tuple[int, ...]]]] = {}
    for number, (lines, page_keys) in enumerate(zip(pages_lines, pages_keys, strict=True)):
        for key, line in zip(page_keys, lines, strict=True):
            figures = tuple(int(figure) for figure in _FIGURES.findall(_line_text(line)))
            found.setdefault(key, []).append((number, figures))
    repeated = {key for key, pages in found.items() if len(pages) >= needed and _count_pages(pages)}
    numbered = any(_numbered(found[key]) for key in repeated)
    keys = {
        key
        for key in repeated
        if len(found[key]) >= 3 or _numbered(found[key]) or (numbered and key[0] in (0, -1))
    }
    running: list[tuple[list[dict], list[dict]]] = []
    for lines, page_keys in zip(pages_lines, pages_keys, strict=True):
        repeated = [count > 1 and key in keys for key in page_keys]
        heads = 0  # from the top down, among the lines nearer the top than the foot
        while heads < min(_RUNNING_DEPTH, len(lines)) and repeated[heads] and page_keys[heads][0] >= 0:
            heads += 1
        feet = 0
        while feet < min(_RUNNING_DEPTH, len(lines) - heads) and repeated[len(lines) - 1 - feet]:
            feet += 1
        running.append((lines[:heads], lines[len(lines) - feet :]))
    return running


def _count_pages(pages: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Whether a line's figures stay the same or count the pages: on the page after, one more.

    `pages` holds each page the line is on: its index and the line's figures there.
    """
    return all(
        all(after == before or after - before == later - earlier for before, after in zip(a, b, strict=True))
        for (earlier, a), (later, b) in pairwise(pages)
    )


def _numbered(pages: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Whether a line's figures (see :func:`_count_pages`) change from page to page."""
    return len({figures for _, figures in pages}) > 1


def _edge_keys(lines: list[dict]) -> list[tuple[int, str]]:
    """Each of `lines` as its place and its text, figures set aside and spaces left out.

    The place is counted from the nearer end of the page: from the top 0, 1 …, from the foot -1, -2 ….
    """
    keys = []
    for index, line in enumerate(lines):
        place = index if index < len(lines) - index - 1 else index - len(lines)
        keys.append((place, _FIGURES.sub("0", _CONTROLS_AND_SPACES_RUN.sub("", _line_text(line)))))
    return keys


def _pdf_page_lines(
    page, page_lines: list[dict], tables: list, running: tuple[list[dict], list[dict]]
) -> list[str]:
    """A PDF page's lines from top to bottom; a ruled table's rows as lines of ``|``-separated cells.

    `page_lines` are the page's text lines, `tables` its tables from the top down, `running` its
    running heads and feet (see :func:`_running_lines`), which are left out. The lines of a
    paragraph the page wrapped are joined again (see :func:`_reflowed`).
    """
    heads, feet = running
    top = max([page.bbox[1], *(line["bottom"] for line in heads)])
    bottom = min([page.bbox[3], *(line["top"] for line in feet)])
    if tables:  # a running line stands outside the tables, over or under all of them
        top, bottom = min(top, tables[0].bbox[1]), max(bottom, max(table.bbox[3] for table in tables))
    if heads or feet:
        page = page.within_bbox((page.bbox[0], top, page.bbox[2], bottom))
        page_lines = [line for line in page_lines if top <= line["top"] and line["bottom"] <= bottom]
    right = _right_margin(page_lines)
    if not tables:
        return _reflowed(page_lines, right)
    lines: list[str] = []
    for table in tables:
        lines.extend(_pdf_text_between(page, top, table.bbox[1], right))
        lines.extend(_pdf_table_lines(table))
        top = table.bbox[3]
    lines.extend(_pdf_text_between(page, top, bottom, right))
    return lines


def _pdf_text_between(page, top: float, bottom: float, right: float | None) -> list[str]:
    """The lines of the page's full-width band from ``top`` to ``bottom``."""
    if bottom - top < 1:
        return []
    band = page.within_bbox((page.bbox[0], top, page.bbox[2], bottom))
    return _reflowed(band.extract_text_lines(), right)


def _right_margin(lines: list[dict]) -> float | None:
    """Where a page's text ends on the right: the right end of two or more of its `lines`, if any."""
    ends = Counter(round(line["x1"]) for line in lines)
    if not ends:
        return None
    right = max(ends)
    return right if ends[right] + ends[right - 1] >= 2 else None  # (rounded either way)


def _reflowed(lines: list[dict], right: float | None) -> list[str]:
    """The texts of a page's lines, the lines of a paragraph the page wrapped joined again.

    A line goes on on the next when the next line starts at the left margin (the leftmost place
    where two lines or more start; a paragraph's first line is indented) and its first piece that
    may not be broken (a character with the marks that may not open a line, a figure, a word) would
    not have fitted in the room the line leaves at the page's right margin: a justified page fills
    every wrapped line to the margin, a ragged one leaves less room than that piece. Lines spaced
    into columns (a table without rules) stand as they are.
    """
    if right is None or not lines:
        return [_line_text(line) for line in lines]
    starts = Counter(round(line["x0"]) for line in lines)
    left = min([start for start, count in starts.items() if count >= 2] or starts)  # not a lone line
    texts: list[str] = []
    for index, line in enumerate(lines):
        text = _line_text(line)
        if index and _wrapped_before(lines[index - 1], line, left, right):
            between_words = texts[-1][-1:].isascii() and texts[-1][-1:].isalnum() and text[:1].isascii()
            texts[-1] += (" " if between_words else "") + text
        else:
            texts.append(text)
    return texts


def _line_text(line: dict) -> str:
    """A line's text without the glyphs of no character a browser's PDF ends a wrapped line with."""
    return line["text"].rstrip(_CONTROLS_AND_SPACES)


def _wrapped_before(line: dict, following: dict, left: float, right: float) -> bool:
    """Whether the page wrapped `line`'s paragraph before `following` (see :func:`_reflowed`)."""
    size = _character_size(line)
    if _in_columns(line, size) or _in_columns(following, size) or following["x0"] > left + size / 2:
        return False
    return right - line["x1"] < _first_piece_width(following) + size / 2


def _character_size(line: dict) -> float:
    """The size of a line's characters (a Chinese character is about as wide)."""
    sizes = sorted(char["size"] for char in line["chars"])
    return sizes[len(sizes) // 2] if sizes else 0.0


def _in_columns(line: dict, size: float) -> bool:
    """Whether a line is spaced into columns: a gap wider than one and a half characters in it."""
    return any(after["x0"] - before["x1"] > 1.5 * size for before, after in pairwise(line["chars"]))


def _first_piece_width(line: dict) -> float:
    """The width of a line's first piece that may not be broken.

    Opening marks with what follows them; a run of figures and letters, or one character; and
    the marks after it that may not open a line (``，。、）》”``).
    """
    chars = [char["text"] for char in line["chars"]]
    end = 0
    while end < len(chars) and unicodedata.category(chars[end]) in ("Ps", "Pi"):
        end += 1
    if end < len(chars) and chars[end].isascii() and chars[end].isalnum():
        while end < len(chars) and chars[end].isascii() and (chars[end].isalnum() or chars[end] in ".%"):
            end += 1
    else:
        end += 1
    while end < len(chars) and unicodedata.category(chars[end]) in ("Pe", "Pf", "Po"):
        end += 1
    end = min(end, len(chars))
    return line["chars"][end - 1]["x1"] - line["chars"][0]["x0"] if end else 0.0


def _pdf_table_lines(table) -> list[str]:
    """The rows of a ruled PDF table, each as its cells' text joined by `` | ``.

    As in a .docx table, a cell merged over several rows stands in each of them and a cell merged
    over several columns stands once. A cell's wrapped lines are joined without a space, as Chinese
    text wraps.
    """
    texts = {}
    for row, values in zip(table.rows, table.extract(), strict=True):
        for bbox, value in zip(row.cells, values, strict=True):
            if bbox is not None:
                texts[bbox] = "".join(part.strip(_CONTROLS_AND_SPACES) for part in (value or "").splitlines())
    lines = []
    for row in table.rows:
        cells = []
        for column, bbox in zip(table.columns, row.cells, strict=True):
            if bbox is None:
                bbox = _merged_cell(table, row, column)
                if bbox is None or bbox[0] < column.bbox[0] - 1:  # merged from a column to the left
                    continue
            cells.append(texts.get(bbox, ""))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def _merged_cell(table, row, column):
    """The bounding box of the merged cell covering ``row`` and ``column``, if any."""
    x = (column.bbox[0] + column.bbox[2]) / 2
    y = (row.bbox[1] + row.bbox[3]) / 2
    for x0, top, x1, bottom in table.cells:
        if x0 <= x <= x1 and top <= y <= bottom:
            return (x0, top, x1, bottom)
    return None
