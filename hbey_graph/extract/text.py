"""Normalising the text of a plan extracted from a paginated original.

The extraction leaves page breaks as blank lines in the middle of sentences and even words, a
character doubled at a break, spaces around numbers and stray tokens of other scripts. This module
turns the raw lines into paragraphs that remember which source lines they came from, and reports
every repair it makes as a :class:`~hbey_graph.records.ParseIssue` with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from hbey_graph.records import ParseIssue

__all__ = [
    "HEADING_PATTERNS",
    "Paragraph",
    "clean_paragraph",
    "heading_level",
    "match_heading",
    "outline_number",
    "repair_paragraph",
    "split_paragraphs",
    "to_matching_text",
    "to_simplified",
]

_DIGITS = "一二三四五六七八九"
# A Chinese number from 1 to 99: 三, 十, 十二, 二十, 九十九.
_NUMERAL = f"(?:[{_DIGITS[1:]}]?十[{_DIGITS}]?|[{_DIGITS}])"

#: Outline headings by level: ``一、``, ``（一）``, ``1.``.
HEADING_PATTERNS: dict[int, re.Pattern[str]] = {
    1: re.compile(rf"^(?P<number>{_NUMERAL}、)\s*(?P<rest>.+)$"),
    2: re.compile(rf"^(?P<number>[（(]{_NUMERAL}[）)])\s*(?P<rest>.+)$"),
    3: re.compile(r"^(?P<number>\d{1,2}[.．、])\s*(?P<rest>\D.*)$"),
}


def _chinese(value: int) -> str:
    """The Chinese number for `value`, 1 to 99."""
    tens, ones = divmod(value, 10)
    tens_part = "" if tens == 0 else "十" if tens == 1 else _DIGITS[tens - 1] + "十"
    return tens_part + (_DIGITS[ones - 1] if ones else "")


_NUMERAL_VALUES = {_chinese(value): value for value in range(1, 100)}

# The level whose pattern a line's first character can open: the patterns open with distinct characters.
_LEVEL_OF_FIRST = {**dict.fromkeys(_DIGITS + "十", 1), "（": 2, "(": 2}

# A line that ends with one of these ends its paragraph; any other ending means the sentence goes
# on after a page break.
_TERMINAL = "。！？；：）)〕]】］〗」』”\"》"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_HANGUL_RANGES = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_HANGUL = re.compile(rf"\s*[{_HANGUL_RANGES}]+\s*")
# Patterns open with the rare character they look for and check the neighbours in Python: a
# pattern opening with a look-behind is tried at every position and is many times slower. For the
# same reason a run opens with a single character (``\s\s*``, not ``\s+``): a pattern opening with a
# character class is scanned for quickly, one opening with a repeat is tried at every position.
_LATIN_WORD = re.compile(r"\s\s*(?P<word>[A-Za-z]+)\s+")
_ANY_SPACE = re.compile(r"\s")
_ANY_HANGUL = re.compile(f"[{_HANGUL_RANGES}]")
# What ``\s`` matches (the characters of str.isspace), spelt out: inside a class, ``\s`` is a test of
# its own for every character, where a class of plain characters is one table look-up.
_WHITESPACE = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ANY_NOISE = re.compile(f"[{_WHITESPACE}{_HANGUL_RANGES}]")
_SPACE_RUN = re.compile(f"[{_WHITESPACE}]+")
_SPACES = re.compile(r"[ \t\u3000][ \t\u3000]*")
_BODY_END_WORDS = ("抄送", "抄报", "附件")
_BODY_END = re.compile(f"^({'|'.join(_BODY_END_WORDS)})[：:]")
_HALF_WIDTH_PUNCTUATION = ",;:!?"
_HALF_WIDTH = re.compile(f"[{re.escape(_HALF_WIDTH_PUNCTUATION)}]")
_FULL_WIDTH = str.maketrans(_HALF_WIDTH_PUNCTUATION, "，；：！？")
_STRIPPED = " \t\u3000\ufeff"


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before `start` and at `end` ("" beyond the text)."""
    return (text[start - 1] if start > 0 else ""), (text[end] if end < len(text) else "")


def _half_width_spans(text: str) -> list[int]:
    """Offsets of half-width ``,;:!?`` with a Chinese character on either side."""
    found = []
    for match in _HALF_WIDTH.finditer(text):
        before, after = _around(text, match.start(), match.end())
        if _is_cjk(before) or _is_cjk(after):
            found.append(match.start())
    return found


def _spaced_number_spans(text: str) -> list[tuple[int, int]]:
    """Spaces between a Chinese character (or quote) and a number, either way round."""
    return [match.span() for match in _SPACES.finditer(text) if _beside_number(text, *match.span())]


def _beside_number(text: str, start: int, end: int) -> bool:
    """Whether the spaces ``text[start:end]`` stand between a Chinese character (or quote) and a number."""
    before, after = _around(text, start, end)
    return bool(before and after) and (
        (after.isdecimal() and (_is_cjk(before) or before in "“”"))
        or (before.isdecimal() and (_is_cjk(after) or after == "”"))
    )


def _lone_space_run(text: str, start: int) -> bool:
    """Whether the noise at `start` is a run of spaces, the only noise in `text`, beside no number.

    Such a run needs no repair (``1. 构建``): a space is removed only beside a number, and a Latin
    word is reported only with a run of spaces on either side.
    """
    run = _SPACE_RUN.match(text, start)
    if run is None or _ANY_NOISE.search(text, run.end()) is not None:
        return False
    return not _beside_number(text, *run.span())


@cache
def _traditional() -> tuple[re.Pattern[str], re.Pattern[str], dict[int, str]]:
    """Characters that OpenCC converts from traditional to simplified, and their single-character map.

    Returns the pattern of those characters, the same with half-width ``,;:!?`` added (any
    character :func:`to_matching_text` may change), and the map.
    """
    from importlib import resources

    table: dict[int, str] = {}
    lines = (resources.files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    for line in lines.splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split()[0] if simplified.split() else traditional
        if len(traditional) == 1 and first != traditional and len(first) == 1:
            table[ord(traditional)] = first
    # One character class for the Basic Multilingual Plane, one for the rest: a class mixing both
    # is scanned slowly by the regular-expression engine. The pattern opens with a single class
    # (the characters of the plane, and any character beyond it), which the engine scans for
    # quickly; the look-behind then keeps only the characters listed.
    bmp = "".join(re.escape(chr(code)) for code in sorted(table) if code < 0x10000)
    astral = "".join(re.escape(chr(code)) for code in sorted(table) if code >= 0x10000)

    def pattern(extra: str) -> re.Pattern[str]:
        chars = extra + bmp
        return re.compile(
            f"[{chars}\U00010000-\U0010ffff](?:(?<=[{chars}])|(?<=[{astral}]))" if astral else f"[{chars}]"
        )

    return pattern(""), pattern(re.escape(_HALF_WIDTH_PUNCTUATION)), table


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified (OpenCC ``t2s``), keeping every line's length.

    Lines without a traditional character are left as they are. A line whose phrase-level
    conversion would change its length is converted character by character, so that every
    character of the result stands where its original stood.

    Examples
    --------
    >>> to_simplified("實施主體：包頭市人民政府，自治區發展改革委")
    '实施主体：包头市人民政府，自治区发展改革委'
    >>> to_simplified("呼和浩特市")
    '呼和浩特市'
    """
    pattern, _, table = _traditional()
    if not pattern.search(text):
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if pattern.search(line):
            converted = _converter().convert(line)
            lines[index] = converted if len(converted) == len(line) else line.translate(table)
    return "\n".join(lines)


def to_matching_text(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` as the parser matches it: simplified characters, full-width ``，；：！？``.

    Each character of the result stands where its original stood, so a span of the result
    locates the same span of the original. Each kind of change is reported once, at the first
    line it touched, as a repair.

    Examples
    --------
    >>> issues = []
    >>> to_matching_text("一、任務\n（責任單位:省發展改革委,省財政廳）", issues)
    '一、任务\n（责任单位：省发展改革委，省财政厅）'
    >>> [(i.line, i.kind) for i in issues]
    [(1, 'traditional'), (2, 'punctuation')]
    """
    if _traditional()[1].search(text) is None:  # the common case: one scan finds nothing to change
        return text
    converted = to_simplified(text)
    if converted is not text and converted != text:
        first = next(i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b)
        issues.append(ParseIssue(text.count("\n", 0, first) + 1, "traditional",
                                 "traditional characters converted to simplified for matching", "repair"))
    offsets = _half_width_spans(converted)
    if not offsets:
        return converted
    message = "half-width punctuation between Chinese characters read as full-width"
    issues.append(ParseIssue(converted.count("\n", 0, offsets[0]) + 1, "punctuation", message, "repair"))
    chars = list(converted)
    for offset in offsets:
        chars[offset] = chars[offset].translate(_FULL_WIDTH)
    return "".join(chars)


def heading_level(line: str) -> int | None:
    """Return the outline level of `line` if it opens with a heading number, else None.

    Examples
    --------
    >>> heading_level("（三）加快基础设施互联互通"), heading_level("2. 推进能源通道建设。")
    (2, 3)
    >>> heading_level("2035年，城市群发展达到较高水平。") is None
    True
    """
    heading = match_heading(line)
    return heading[0] if heading is not None else None


def outline_number(number: str) -> int:
    """Return the value of a heading's outline number (the ``number`` group of :data:`HEADING_PATTERNS`).

    Examples
    --------
    >>> outline_number("（三）"), outline_number("十二、"), outline_number("二十、"), outline_number("4.")
    (3, 12, 20, 4)
    """
    core = number.strip("（()）、.．")
    return int(core) if core.isdecimal() else _NUMERAL_VALUES[core]


def match_heading(line: str) -> tuple[int, re.Match[str]] | None:
    """Return the outline level of `line` and the match of its :data:`HEADING_PATTERNS`, or None.

    Examples
    --------
    >>> level, match = match_heading("（三）加快基础设施互联互通")
    >>> level, match.group("number"), match.group("rest")
    (2, '（三）', '加快基础设施互联互通')
    """
    if not line:
        return None
    level = _LEVEL_OF_FIRST.get(line[0]) or (3 if line[0].isdecimal() else None)
    if level is None:  # most lines: no pattern to try
        return None
    match = HEADING_PATTERNS[level].match(line)
    return (level, match) if match is not None else None


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
    original : str or None
        The same paragraph as the source wrote it, character for character, when the text was
        changed for matching (traditional characters, half-width punctuation); None otherwise.
    standalone : bool
        Whether the paragraph is a line that stands on its own (a labelled annotation line).
    """

    text: str
    first_line: int
    last_line: int
    starts: list[tuple[int, int]] = field(default_factory=list)
    original: str | None = None
    standalone: bool = False

    def line_at(self, offset: int) -> int:
        """Return the source line of the character at `offset`."""
        line = self.first_line
        for start, source_line in self.starts:
            if start > offset:
                break
            line = source_line
        return line


# Enough of a paragraph's start to tell whether it is a heading.
_HEAD = 64


def _continues_after(
    opens_heading: bool, has_stop: bool, last: str, following: str, level: int | None
) -> bool:
    """Whether `following` continues the sentence that the paragraph before it leaves open.

    Only what is needed of that paragraph is passed: whether its start is a heading, whether it
    has a ``。`` and its last character, so that joining many lines stays linear in their length.
    `level` is the outline level of `following` (None for a line of text).
    """
    if (opens_heading and not has_stop) or level is not None:  # a bare heading, or a new one
        return False
    return last not in _TERMINAL or following[0] in "，、）)"


def split_paragraphs(
    text: str,
    issues: list[ParseIssue],
    *,
    original: str | None = None,
    standalone: re.Pattern[str] | None = None,
) -> list[Paragraph]:
    r"""Split plan text into paragraphs, joining those a page break cut in two.

    Lines before the first outline heading (the notice, the title) and after a closing ``抄送：``
    line are kept one paragraph per line. In between, a line that does not end a sentence is joined
    to the next non-blank line; a character doubled at the join (``鄂`` / ``鄂尔多斯市``) is kept
    once. A line matching `standalone` (a labelled annotation such as ``责任单位：…``) is a
    paragraph of its own: nothing is joined to it or onto it. Each repair is appended to `issues`.

    Parameters
    ----------
    text : str
        The whole plan text.
    issues : list of ParseIssue
        Receives what was repaired.
    original : str, optional
        The text as the source wrote it, when `text` is its matching form of the same length line
        by line (:func:`to_matching_text`); each paragraph then carries its original.
    standalone : re.Pattern, optional
        Lines that stand on their own.

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
    parts: list[str] = []  # the current paragraph's lines, joined once it is complete
    source_parts: list[str] = []
    head, last, has_stop = "", "", False
    opens_heading = False  # whether `head` is a heading
    in_body = False
    lines = text.split("\n")
    originals = original.split("\n") if original is not None else None

    def complete() -> None:
        if paragraphs and len(parts) > 1:
            paragraphs[-1].text = "".join(parts)
            if paragraphs[-1].original is not None:
                paragraphs[-1].original = "".join(source_parts)

    for number, raw in enumerate(lines, start=1):
        line = raw.strip(_STRIPPED)
        if not line:
            continue
        source = None
        if originals is not None:
            start = len(raw) - len(raw.lstrip(_STRIPPED))
            source = originals[number - 1][start : start + len(line)]
        alone = standalone is not None and standalone.match(line) is not None
        level = heading_level(line)
        if line.startswith(_BODY_END_WORDS) and _BODY_END.match(line):
            in_body = False
        elif not in_body and level == 1:
            in_body = True
        current = paragraphs[-1] if paragraphs else None
        if (
            in_body
            and current is not None
            and not alone
            and not current.standalone
            and current.last_line < number
            and _continues_after(opens_heading, has_stop, last, line, level)
        ):
            issues.append(
                ParseIssue(current.last_line, "page-break", f"sentence continued on line {number}; joined",
                           "repair")
            )
            if line[0] == last and _is_cjk(line[0]):
                issues.append(
                    ParseIssue(
                        number,
                        "doubled-character",
                        f"'{line[0]}' doubled across the break from line {current.last_line}; kept once",
                    )
                )
                line = line[1:]
                source = source[1:] if source is not None else None
            current.starts.append((current.starts[-1][0] + len(parts[-1]), number))
            parts.append(line)
            if len(head) < _HEAD:  # a heading number alone on its line becomes a heading with its title
                head = (head + line)[:_HEAD]
                opens_heading = heading_level(head) is not None
            source_parts.append(source or "")
            last = line[-1] if line else last
            has_stop = has_stop or "。" in line
            current.last_line = number
        else:
            complete()
            paragraphs.append(Paragraph(line, number, number, [(0, number)], source, alone))
            parts, source_parts = [line], [source or ""]
            head, last, has_stop = line[:_HEAD], line[-1], "。" in line
            opens_heading = level is not None if len(line) <= _HEAD else heading_level(head) is not None
    complete()
    return paragraphs


def clean_paragraph(paragraph: Paragraph, issues: list[ParseIssue]) -> str:
    """Return the paragraph's text with extraction noise repaired; see :func:`repair_paragraph`.

    Examples
    --------
    >>> clean_paragraph(Paragraph("到 2035 年", 1, 1, [(0, 1)]), [])
    '到2035年'
    """
    return repair_paragraph(paragraph, issues)[0]


def _delete(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the (start, end) spans, which are in order and do not overlap."""
    if not spans:
        return text
    kept, position = [], 0
    for start, end in spans:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)


def repair_paragraph(paragraph: Paragraph, issues: list[ParseIssue]) -> tuple[str, str]:
    """Return the paragraph's text with extraction noise repaired, each repair reported.

    Spaces around numbers inside Chinese text are removed (``到 2035 年`` → ``到2035年``); an isolated
    Hangul syllable is removed; a Latin word set off by spaces between Chinese characters is kept
    but reported, since it may be meant (a name) or a stray (``平台 and 连锁``).

    Returns
    -------
    text : str
        The repaired text.
    original : str
        The paragraph's original (:attr:`Paragraph.original`, else its text) with the same
        characters removed, so that it stays aligned with `text` character by character.

    Examples
    --------
    >>> issues = []
    >>> repair_paragraph(Paragraph("到 2035 年，城市群의 紧密联接 and 协作", 9, 9, [(0, 9)]), issues)[0]
    '到2035年，城市群紧密联接 and 协作'
    >>> [(i.line, i.kind) for i in issues]
    [(9, 'spacing'), (9, 'stray-token'), (9, 'stray-token')]
    >>> repair_paragraph(Paragraph("到 2035 年", 1, 1, [(0, 1)], original="到 2035 年"), [])
    ('到2035年', '到2035年')
    """
    text = paragraph.text
    original = paragraph.original  # None: the same as text, kept so until the end
    noise = _ANY_NOISE.search(text)
    if noise is None or _lone_space_run(text, noise.start()):  # the common cases: nothing to repair
        return text, text if original is None else original
    spaced = _ANY_SPACE.search(text) is not None
    hangul = _ANY_HANGUL.search(text) is not None
    spans = _spaced_number_spans(text) if spaced else []
    if spans:  # one report per paragraph: the repair is uniform
        start, end = spans[0]
        issues.append(
            ParseIssue(
                paragraph.line_at(start),
                "spacing",
                f"space beside a number removed near '{text[max(0, start - 4):end + 4]}'",
                "repair",
            )
        )
    text = _delete(text, spans)
    if original is not None:
        original = _delete(original, spans)
    if hangul:
        for match in _HANGUL.finditer(paragraph.text):
            issues.append(
                ParseIssue(
                    paragraph.line_at(match.start()),
                    "stray-token",
                    f"stray Hangul '{match.group().strip()}' inside Chinese text removed",
                )
            )
        spans = [match.span() for match in _HANGUL.finditer(text)]
        text = _delete(text, spans)
        if original is not None:
            original = _delete(original, spans)
    for match in _LATIN_WORD.finditer(paragraph.text) if spaced else ():
        before, after = _around(paragraph.text, *match.span())
        if (_is_cjk(before) or before in "，、。") and before and _is_cjk(after):
            issues.append(
                ParseIssue(
                    paragraph.line_at(match.start()),
                    "stray-token",
                    f"stray Latin word '{match.group('word')}' inside Chinese text kept as written",
                )
            )
    return text, text if original is None else original
