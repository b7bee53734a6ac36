"""Reading a plan saved as a web page (``.html``) into lines of text.

Most plans are published as pages of a government site, and a user often saves the page rather
than copying its text. The page is read as a browser shows it: each block (a paragraph, a heading,
a list item, a ``<br>``) on a line of its own, scripts, styles and the page's head left out, and
a table's row on a line with `` | `` between its cells, as the ``.docx`` reader writes one. A cell
merged over several rows (``rowspan``: a lead written once for several tasks) stands in each of
them; a cell merged over several columns stands once. A table holding another table lays the
page out rather than tabulating (see ``_lays_out``): its cells are read as blocks.

White space is folded as a browser folds it; a line break in the page's source between two
Chinese characters is dropped, as CSS Text removes a segment break between wide characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["declared_charset", "is_web_page", "web_page_lines"]

#: Elements whose content is not shown.
_HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "title", "select", "option"})
#: Elements that stand on lines of their own.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_CELLS = frozenset({"td", "th"})
_LAYOUT_ROWS = 2  # a table of so few rows ...
_LAYOUT_PARAGRAPHS = 3  # ... one of whose cells holds so many paragraphs lays the page out
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_WIDE}])")
_COLLAPSIBLE = " \t\r\n\f"  # HTML's white space; a no-break space and U+3000 are shown as written
_FOLDED = re.compile(f"[{_COLLAPSIBLE}]+")
_XML_DECLARATION = re.compile(r"\ufeff?\s*<\?xml[^>]*\?>")
_PAGE_START = re.compile(
    r"\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def is_web_page(text: str) -> bool:
    """Whether `text` is the source of a web page (it opens with a doctype or an ``<html>`` tag).

    Examples
    --------
    >>> is_web_page("<!DOCTYPE html><html><body><p>一、任务</p></body></html>")
    True
    >>> is_web_page("一、任务 <p> 不是网页")
    False
    """
    return _PAGE_START.match(text) is not None


def declared_charset(data: bytes) -> str | None:
    """The character set a page's ``<meta>`` declares in its first 4 KB, if any.

    GB2312 and GBK are read as GB18030, which decodes all they do.

    Examples
    --------
    >>> declared_charset(b'<html><head><meta charset="gb2312">')
    'gb18030'
    """
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    charset = match.group(1).decode("ascii").lower()
    return "gb18030" if charset in {"gb2312", "gbk", "x-gbk", "cp936"} else charset


def web_page_lines(text: str) -> list[str]:
    """The lines a browser shows of the web page `text`, tables' rows as ``|``-separated cells.

    Examples
    --------
    >>> page = '''<html><body><p>（一）加强
    ... 协调</p><table><tr><th>任务</th><th>牵头单位</th></tr>
    ... <tr><td>1.建设</td><td rowspan="2">市发改委</td></tr><tr><td>2.改造</td></tr>
    ... </table></body></html>'''
    >>> web_page_lines(page)
    ['（一）加强协调', '任务 | 牵头单位', '1.建设 | 市发改委', '2.改造 | 市发改委']
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except lxml.etree.ParserError:  # a page of nothing but markup, or of nothing at all
        return []
    return list(_blocks(root))


def _blocks(element) -> Iterator[str]:
    """The lines of `element` and everything in it, in order."""
    line: list[str] = []
    for kind, content in _pieces(element):
        if kind == "text":
            line.append(content)
            continue
        shown = _shown("".join(line))
        if shown is not None:
            yield shown
        elif kind == "line end":  # a <br> ends a line even when nothing stands on it
            yield ""
        line = []
        if kind == "row":
            yield content
    shown = _shown("".join(line))
    if shown is not None:
        yield shown


def _pieces(element) -> Iterator[tuple[str, str]]:
    """`element`'s content in order, as pairs of a kind and a text.

    ("text", words), ("row", a table's row as a line), ("block", "") where a block starts or ends,
    and ("line end", "") at a ``<br>``.
    """
    tag = _tag(element)
    if tag == "br":
        yield ("line end", "")
    elif tag == "table" and not _lays_out(element):
        yield ("block", "")
        for row in _table_rows(element):
            yield ("row", row)
        yield ("block", "")
    elif tag and tag not in _HIDDEN:
        if tag in _BLOCKS:
            yield ("block", "")
        if element.text:
            yield ("text", element.text)
        for child in element:
            yield from _pieces(child)
        if tag in _BLOCKS:
            yield ("block", "")
    if element.tail:
        yield ("text", element.tail)


def _lays_out(table) -> bool:
    """Whether a table lays the page out rather than tabulating.

    It does when it holds another table, when none of its rows has two cells (its cells stand one
    under another like blocks), or when it is a row or two of cells one of which holds paragraphs
    of its own (a page's columns: a menu beside the article).
    """
    if any(True for _ in table.iterdescendants("table")):
        return True
    rows = [[cell for cell in row if _tag(cell) in _CELLS] for row in _rows(table)]
    if all(len(cells) < 2 for cells in rows):
        return True
    return len(rows) <= _LAYOUT_ROWS and any(
        sum(1 for line in _blocks(cell) if line.strip()) >= _LAYOUT_PARAGRAPHS
        for cells in rows
        for cell in cells
    )


def _tag(element) -> str:
    """An element's tag in lower case; "" for a comment or a processing instruction."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _table_rows(table) -> list[str]:
    """A table's rows as lines of cells joined by `` | ``, a cell merged over rows in each of them."""
    lines = []
    merged: dict[int, _Merged] = {}  # by the column where a cell merged over rows stands
    for row in _rows(table):
        cells: list[str] = []
        column = 0
        for cell in row:
            if _tag(cell) not in _CELLS:
                continue
            column = _merged_cells(merged, column, cells)
            text = _cell_text(cell)
            columns, rows = _span(cell.get("colspan")), _span(cell.get("rowspan"))
            cells.append(text)
            if rows > 1:
                merged[column] = _Merged(text, columns, rows - 1)
            column += columns
        for later in sorted(key for key in merged if key >= column):
            column = _merged_cells(merged, max(column, later), cells)
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


@dataclass
class _Merged:
    """A cell merged over rows below its own: its text, the columns it spans, the rows it still covers."""

    text: str
    columns: int
    rows: int


def _merged_cells(merged: dict[int, _Merged], column: int, cells: list[str]) -> int:
    """Append the cells merged from rows above that stand from `column` on; the column after them."""
    while column in merged:
        cell = merged[column]
        cells.append(cell.text)
        cell.rows -= 1
        if not cell.rows:
            del merged[column]
        column += cell.columns
    return column


def _rows(table) -> Iterator:
    """A table's rows, also those inside ``<thead>``, ``<tbody>`` and ``<tfoot>``."""
    for child in table:
        if _tag(child) == "tr":
            yield child
        elif _tag(child) in _ROW_GROUPS:
            yield from (row for row in child if _tag(row) == "tr")


def _cell_text(cell) -> str:
    """A cell's text, its lines joined by a space."""
    return " ".join(" ".join(_blocks(cell)).split())


def _span(value: str | None) -> int:
    """A ``colspan`` or ``rowspan`` as a count of at least one (browsers read a bad value as 1)."""
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _shown(text: str) -> str | None:
    """`text` with white space folded as a browser folds it and no-break spaces as plain ones.

    None if the browser shows nothing of it; a blank line if it shows only no-break spaces
    (``<p>&nbsp;</p>``, a paragraph a page's editor left empty).
    """
    folded = _FOLDED.sub(" ", _SEGMENT_BREAK.sub("", text)).strip(_COLLAPSIBLE)
    if not folded:
        return None
    folded = folded.replace("\xa0", " ")
    return folded if folded.strip() else ""
