"""Reading a plan file into text.

Plans come as text files (UTF-8 with or without a byte-order mark, UTF-16 with one, GB18030/GBK
or Big5, detected), Word documents (``.docx``: the paragraphs in order) and PDFs with a text layer
(the pages in order, a blank line between pages, which the parser joins like any page break).
The reader checks what it was given before anything is parsed, so that a wrong path, a directory,
an empty, binary or unreadable file gives one clear line naming the file and what was expected.

Line numbers in the parser's warnings count lines of the text read here: for a ``.docx``, one
line per paragraph; for a PDF, the lines of each page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hbey_graph.errors import PlanReadError

__all__ = ["Source", "read_source"]

_EXPECTED = "expected a plan as a text file, a .docx or a text PDF"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ZIP, _PDF = b"PK\x03\x04", b"%PDF-"


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
        The encoding it was decoded with (``utf-8``, ``gb18030`` …), or ``docx`` / ``pdf``.
    notes : tuple of (int, str)
        What the reader left out, each with the line where it stood (a table in a ``.docx``).
    """

    path: Path
    text: str
    encoding: str
    notes: tuple[tuple[int, str], ...] = ()


def read_source(path: str | Path) -> Source:
    """Read a plan file as text.

    Parameters
    ----------
    path : str or pathlib.Path
        A text file (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK, Big5), a ``.docx`` or a
        PDF with a text layer. Word and PDF files are recognised by their content as well as by
        their suffix.

    Returns
    -------
    Source

    Raises
    ------
    PlanReadError
        If the path is missing or is a directory, or the file is empty, binary, in no encoding a
        Chinese plan is written in, a damaged ``.docx`` or PDF, or a PDF without a text layer.

    Examples
    --------
    >>> from hbey_graph.reference import data_path, BUNDLED_PLAN
    >>> source = read_source(data_path(BUNDLED_PLAN))
    >>> source.encoding, source.text.count("实施主")
    ('utf-8', 38)
    """
    path = Path(str(path))
    if not path.exists():
        raise PlanReadError(f"{path}: no such file; {_EXPECTED}")
    if path.is_dir():
        raise PlanReadError(f"{path}: is a directory; {_EXPECTED}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PlanReadError(f"{path}: cannot be read ({err.strerror}); {_EXPECTED}") from err
    if not data.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise PlanReadError(f"{path}: is a Word 97-2003 .doc file, which is not read; save it as .docx")
    if suffix == ".docx" or data.startswith(_ZIP):
        source = _read_docx(path)
    elif suffix == ".pdf" or data.startswith(_PDF):
        source = _read_pdf(path)
    else:
        text, encoding = _decode(path, data)
        source = Source(path, text, encoding)
    text = source.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    return Source(path, text, source.encoding, source.notes)


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


def _read_docx(path: Path) -> Source:
    """The paragraphs of a Word document in order; tables are noted, not read."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as err:  # a zip error, or python-docx's own for a package that is not Word
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlanReadError(f"{path}: is not a readable .docx (Word) file ({message}); {_EXPECTED}") from err
    lines: list[str] = []
    notes: list[tuple[int, str]] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append("".join(node.text or "" for node in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            rows = len(element.findall(qn("w:tr")))
            notes.append((len(lines) + 1, f"a table of {rows} rows in the .docx is not read"))
    return Source(path, "\n".join(lines), "docx", tuple(notes))


def _read_pdf(path: Path) -> Source:
    """The text of a PDF's pages in order, a blank line between pages."""
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as err:  # pdfminer raises many kinds of error for a damaged file
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise PlanReadError(f"{path}: is not a readable PDF ({message}); {_EXPECTED}") from err
    if not any(page.strip() for page in pages):
        raise PlanReadError(
            f"{path}: is a PDF without a text layer (a scan?); expected a PDF with text, or its text "
            "extracted by OCR"
        )
    return Source(path, "\n\n".join(pages), "pdf")
