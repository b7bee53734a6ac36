"""Normalising the text of a plan extracted from a paginated original.

The extraction leaves page breaks as blank lines in the middle of sentences and even words, a
character doubled at a break, spaces around numbers and stray tokens of other scripts. This module
turns the raw lines into paragraphs that remember which source lines they came from, and reports
every repair it makes as a :class:`~hbey_graph.records.ParseIssue` with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hbey_graph.records import ParseIssue

__all__ = ["HEADING_PATTERNS", "Paragraph", "clean_paragraph", "heading_level", "split_paragraphs"]

#: Outline headings by level: ``一、``, ``（一）``, ``1.``.
HEADING_PATTERNS: dict[int, re.Pattern[str]] = {
    1: re.compile(r"^(?P<number>[一二三四五六七八九十]+、)\s*(?P<rest>.+)$"),
    2: re.compile(r"^(?P<number>[（(][一二三四五六七八九十]+[）)])\s*(?P<rest>.+)$"),
    3: re.compile(r"^(?P<number>\d{1,2}[.．、])\s*(?P<rest>\D.*)$"),
}

# A line that ends with one of these ends its paragraph; any other ending means the sentence goes
# on after a page break.
_TERMINAL = "。！？；：）)」』”\"》"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_HANGUL = re.compile(r"\s*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+\s*")
_LATIN_WORD = re.compile(rf"(?<=[{_CJK}，、。])\s+(?P<word>[A-Za-z]+)\s+(?=[{_CJK}])")
_SPACED_NUMBER = re.compile(rf"(?<=[{_CJK}“”])[ \t\u3000]+(?=\d)|(?<=\d)[ \t\u3000]+(?=[{_CJK}”])")
_BODY_END = re.compile(r"^(抄送|抄报|附件)[：:]")


def heading_level(line: str) -> int | None:
    """Return the outline level of `line` if it opens with a heading number, else None.

    Examples
    --------
    >>> heading_level("（三）加快基础设施互联互通"), heading_level("2. 推进能源通道建设。")
    (2, 3)
    >>> heading_level("2035年，城市群发展达到较高水平。") is None
    True
    """
    for level, pattern in HEADING_PATTERNS.items():
        if pattern.match(line):
            return level
    return None


@dataclass
class Paragraph:
    """A paragraph joined from one or more source lines.

    Attributes
    ----------
    text : str
        The joined text.
    first_line, last_line : int
        1-based source lines it spans.
    starts : list of tuple
        ``(offset, line)`` pairs: the text from `offset` on came from source line `line`.
    """

    text: str
    first_line: int
    last_line: int
    starts: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        """Return the source line of the character at `offset`."""
        line = self.first_line
        for start, source_line in self.starts:
            if start > offset:
                break
            line = source_line
        return line


def _continues(previous: str, following: str) -> bool:
    """Whether `following` continues the sentence that `previous` leaves open."""
    bare_heading = heading_level(previous) is not None and "。" not in previous
    if bare_heading or heading_level(following) is not None:
        return False
    return previous[-1] not in _TERMINAL or following[0] in "，、）)"


def split_paragraphs(text: str, issues: list[ParseIssue]) -> list[Paragraph]:
    r"""Split plan text into paragraphs, joining those a page break cut in two.

    Lines before the first outline heading (the notice, the title) and after a closing ``抄送：``
    line are kept one paragraph per line. In between, a line that does not end a sentence is joined
    to the next non-blank line; a character doubled at the join (``鄂`` / ``鄂尔多斯市``) is kept
    once. Each repair is appended to `issues`.

    Parameters
    ----------
    text : str
        The whole plan text.
    issues : list of ParseIssue
        Receives what was repaired.

    Returns
    -------
    list of Paragraph

    Examples
    --------
    >>> issues = []
    >>> paras = split_paragraphs("一、任务\n\n建设呼和浩特、鄂\n\n鄂尔多斯市交通运\n\n输网。", issues)
    >>> [p.text for p in paras]
    ['一、任务', '建设呼和浩特、鄂尔多斯市交通运输网。']
    >>> paras[1].first_line, paras[1].last_line, paras[1].line_at(8)
    (3, 7, 5)
    >>> [issue.kind for issue in issues]
    ['page-break', 'doubled-character', 'page-break']
    """
    paragraphs: list[Paragraph] = []
    in_body = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\u3000\ufeff")
        if not line:
            continue
        if _BODY_END.match(line):
            in_body = False
        elif not in_body and heading_level(line) == 1:
            in_body = True
        current = paragraphs[-1] if paragraphs else None
        if in_body and current is not None and current.last_line < number and _continues(current.text, line):
            issues.append(
                ParseIssue(current.last_line, "page-break", f"sentence continued on line {number}; joined",
                           "repair")
            )
            if line[0] == current.text[-1] and re.match(f"[{_CJK}]", line[0]):
                issues.append(
                    ParseIssue(
                        number,
                        "doubled-character",
                        f"'{line[0]}' doubled across the break from line {current.last_line}; kept once",
                    )
                )
                line = line[1:]
            current.starts.append((len(current.text), number))
            current.text += line
            current.last_line = number
        else:
            paragraphs.append(Paragraph(line, number, number, [(0, number)]))
    return paragraphs


def clean_paragraph(paragraph: Paragraph, issues: list[ParseIssue]) -> str:
    """Return the paragraph's text with extraction noise repaired, each repair reported.

    Spaces around numbers inside Chinese text are removed (``到 2035 年`` → ``到2035年``); an isolated
    Hangul syllable is removed; a Latin word set off by spaces between Chinese characters is kept
    but reported, since it may be meant (a name) or a stray (``平台 and 连锁``).

    Examples
    --------
    >>> issues = []
    >>> clean_paragraph(Paragraph("到 2035 年，城市群의 紧密联接 and 协作", 9, 9, [(0, 9)]), issues)
    '到2035年，城市群紧密联接 and 协作'
    >>> [(i.line, i.kind) for i in issues]
    [(9, 'spacing'), (9, 'stray-token'), (9, 'stray-token')]
    """
    text = paragraph.text
    for match in _SPACED_NUMBER.finditer(text):
        issues.append(
            ParseIssue(
                paragraph.line_at(match.start()),
                "spacing",
                f"space beside a number removed near '{text[max(0, match.start() - 4):match.end() + 4]}'",
                "repair",
            )
        )
        break  # one report per paragraph: the repair is uniform
    text = _SPACED_NUMBER.sub("", text)
    for match in _HANGUL.finditer(paragraph.text):
        issues.append(
            ParseIssue(
                paragraph.line_at(match.start()),
                "stray-token",
                f"stray Hangul '{match.group().strip()}' inside Chinese text removed",
            )
        )
    text = _HANGUL.sub("", text)
    for match in _LATIN_WORD.finditer(paragraph.text):
        issues.append(
            ParseIssue(
                paragraph.line_at(match.start()),
                "stray-token",
                f"stray Latin word '{match.group('word')}' inside Chinese text kept as written",
            )
        )
    return text
