"""Tables drawn with box-drawing characters, as law databases print a document's tables.

Such a table::

    ┌────────────┬───┬────────┐
    │ 工 作 任 务 │分管领│牵头组织实施单位│
    │            │ 导 │        │
    ├────────────┼───┼────────┤
    │抓好财税金融工作 │梁志强│各县(市、区)政│
    ├────────────┤   │府,市财政局  │
    │△加强财政监督 │   ├────────┤
    │△加强税源监控 │   │市教育局    │
    └────────────┴───┴────────┘

Each line is cut at its bars and corners into one piece per column. A piece of rule (``───``)
closes the cell open in its column; any other piece adds its words to it, so a cell runs over the
lines its words were wrapped on, and a cell that no rule closes is merged over the rows beside it
(``梁志强`` above). The cells of the first row are the header. Each cell of the first column below
it is a row, and so is each item in it that opens with a symbol (``△加强财政监督``); a row's cells in
the other columns are those whose lines reach its own. The table is written again as rows between
bars (``| 抓好财税金融工作 | 梁志强 | 各县(市、区)政府,市财政局 |``), each on the line where the row
starts and blank lines for the rest, so that line numbers stay those of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hbey_graph.records import ParseIssue

__all__ = ["box_tables_as_rows"]

_TOP = re.compile(r"^[ \t\u3000]*[┌┏╔]")  # the frame's top line opens a table
_BOX_LINE = re.compile(r"^[ \t\u3000]*[│┃║├┣╠└┗╚┌┏╔┝┠]")
_BARS = re.compile(r"[│┃║├┤┼┬┴┌┐└┘┣┫╋┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝┝┥┠┨┯┷┿]")
_RULE = re.compile(r"^[ \t\u3000]*[─━═][─━═ \t\u3000]*$")


@dataclass
class _Cell:
    """A cell of one column: the lines it runs over and the words on each."""

    first: int
    last: int
    parts: list[tuple[int, str]] = field(default_factory=list)

    @property
    def words(self) -> str:
        return "".join(words for _, words in self.parts)


def box_tables_as_rows(text: str, issues: list[ParseIssue], symbols: str) -> str:
    r"""`text` with each table drawn in box characters written as rows between bars.

    Parameters
    ----------
    text : str
        The plan's text.
    issues : list of ParseIssue
        Receives a ``box-table`` repair for each table rewritten.
    symbols : str
        The symbols that open an item of a list (``△``, ``●``): inside a cell of the first column,
        each opens a row of its own.

    Returns
    -------
    str
        The text, with as many lines as before.

    Examples
    --------
    >>> table = "┌──┬──┐\n│任务│牵头单位│\n├──┼──┤\n│修路│市交通局│\n└──┴──┘"
    >>> print(box_tables_as_rows(table, [], "△"))
    <BLANKLINE>
    | 任务 | 牵头单位 |
    <BLANKLINE>
    | 修路 | 市交通局 |
    <BLANKLINE>
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if not _TOP.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _BOX_LINE.match(lines[end]):
            end += 1
        rows = _rows(lines[index:end], symbols)
        if rows:
            block = [""] * (end - index)
            for offset, cells in rows:
                block[offset] = "| " + " | ".join(cells) + " |"
            lines[index:end] = block
            issues.append(
                ParseIssue(index + 1, "box-table", "a table drawn with box characters read as rows", "repair")
            )
        index = end
    return "\n".join(lines)


def _rows(lines: list[str], symbols: str) -> list[tuple[int, list[str]]]:
    """The rows of one table: the line each starts on and its cells; none if the lines are no table."""
    columns = _columns(lines)
    if columns is None or any(not cells for cells in columns):
        return []
    header = [cells[0] for cells in columns]
    if any(cell.first != header[0].first for cell in header):
        return []  # the first row is the header: every column's first cell starts on its line
    rows = [(header[0].first, [cell.words for cell in header])]
    for first, last, words in _items(columns[0][1:], symbols):
        cells = [words]
        for other in columns[1:]:
            beside = next((cell for cell in other[1:] if cell.first <= last and cell.last >= first), None)
            cells.append(beside.words if beside is not None else "")
        rows.append((first, cells))
    return rows


def _columns(lines: list[str]) -> list[list[_Cell]] | None:
    """Each column's cells, top to bottom; None unless every line has as many pieces as the first."""
    pieces = [_pieces(line) for line in lines]
    width = len(pieces[0])
    if width < 2 or any(len(row) != width for row in pieces):
        return None
    columns: list[list[_Cell]] = [[] for _ in range(width)]
    open_cells: list[_Cell | None] = [None] * width
    for number, row in enumerate(pieces):
        for column, piece in enumerate(row):
            cell = open_cells[column]
            if _RULE.match(piece):
                if cell is not None:
                    columns[column].append(cell)
                    open_cells[column] = None
            elif cell is not None:
                cell.last = number  # a merged cell runs on past lines with no words of its own
                if piece.strip():
                    cell.parts.append((number, piece.strip()))
            elif piece.strip():
                open_cells[column] = _Cell(number, number, [(number, piece.strip())])
    for column, cell in enumerate(open_cells):
        if cell is not None:
            columns[column].append(cell)
    return columns


def _pieces(line: str) -> list[str]:
    """The pieces of a line between its bars, without what stands outside the frame."""
    pieces = _BARS.split(line.strip())
    return pieces[1:-1] if len(pieces) >= 2 else pieces


def _items(cells: list[_Cell], symbols: str) -> list[tuple[int, int, str]]:
    """The rows the first column's cells hold: a cell, or each item in it opening with a symbol."""
    items: list[tuple[int, int, str]] = []
    for cell in cells:
        start = len(items)
        for number, words in cell.parts:
            if len(items) == start or words[0] in symbols:
                items.append((number, number, words))
            else:
                first, _, text = items[-1]
                items[-1] = (first, number, text + words)
        if len(items) > start:  # the cell's last item reaches down to the cell's end
            first, _, text = items[-1]
            items[-1] = (first, cell.last, text)
    return items
