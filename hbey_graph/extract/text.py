"""Normalising the text of a plan: characters, page breaks and outline numbers.

Plans are extracted from paginated originals, reposted and converted: page breaks leave blank lines
in the middle of sentences and words, a character doubled at a break, spaces around numbers,
stray tokens of other scripts, pinyin readings inserted after characters, several numbered items
run together on one line. This module turns the raw lines into paragraphs that remember which
source lines they came from, and reports every repair it makes as a
:class:`~hbey_graph.records.ParseIssue` with its line number.

Outline numbers (``一、`` ``（一）`` ``1.`` ``（1）`` ``①``) are data: the ``numbering`` rows of the
lexicon (:mod:`hbey_graph.extract.lexicon`).
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hbey_graph.extract.lexicon import CHINESE_NUMERAL, Lexicon
from hbey_graph.records import ParseIssue
from hbey_graph.reference import data_path

__all__ = [
    "BRACKETS",
    "CLOSE",
    "OPEN",
    "TABLE_ROW",
    "Paragraph",
    "bracket_depth",
    "clean_paragraph",
    "heading_level",
    "match_heading",
    "outline_number",
    "remove_inserted_marks",
    "remove_invisible",
    "remove_scrambling",
    "repair_paragraph",
    "scan_brackets",
    "split_paragraphs",
    "split_top_level",
    "to_matching_text",
    "to_simplified",
    "top_level_brackets",
]

_DIGITS = "一二三四五六七八九"
#: Opening and closing brackets of any width and shape.
OPEN, CLOSE = "（(〔[【［〖", "）)〕]】］〗"
BRACKETS = re.compile(f"[{re.escape(OPEN + CLOSE)}]")


def _chinese(value: int) -> str:
    """The Chinese number for `value`, 1 to 99."""
    tens, ones = divmod(value, 10)
    tens_part = "" if tens == 0 else "十" if tens == 1 else _DIGITS[tens - 1] + "十"
    return tens_part + (_DIGITS[ones - 1] if ones else "")


_NUMERAL_VALUES = {_chinese(value): value for value in range(1, 100)}

# A line that ends with one of these ends its paragraph.
_TERMINAL = '。！？；：）)〕]】］〗」』”"》'
_SENTENCE_END = "。！？；"  # of those, the stops that end a sentence (not a bracket, a quote or a colon)
# A line that ends with one of these goes on on the next line, whatever its length.
_CONTINUING = "，、（(“《〔【"
# A line at least this long that ends without terminal punctuation was wrapped: the next line goes on.
_WRAPPED = 20
_BROKEN_PROSE = 40  # characters at least of a line of prose a page break may cut before any outline
_INSERTED_MARK = re.compile(r"([@&$%^~])\1")  # a doubled symbol a copying site inserts: @@, &&
_INSERTED_MARKS = 3  # times such a mark stands after a Chinese character before it is removed
#: A run of one- or two-character scraps of letters, figures and symbols set off by spaces, which a
#: forum inserts against copying (``' ]' X) I) n/ L& V% F$ O4 b.``): at least five scraps
_SCRAMBLE = re.compile(r"(?<![!-~])(?:[!-~]{1,2}[ \t]+){4,}[!-~]{1,2}(?=\s|$)")
_SCRAMBLE_LETTERS = 2  # letters at least among a run's scraps (not 1 2 3 4 5, figures of a table)
_SCRAMBLE_SYMBOLS = 2  # symbols at least among them (not A B C D E)
#: Symbols opening an item of a list (★重点任务, △加强…, ——提高…), or a bullet a copy garbled (?)
ITEM_SYMBOLS = "★☆※●•·◆◇■□▲△○◎?？-—*＊"
_FINANCIAL = "壹贰貳叁參叄肆伍陆陸柒捌玖拾"  # financial numerals: outline numbers of traditional documents
_FINANCIAL_AS_PLAIN = str.maketrans(_FINANCIAL, "一二二三三三四五六六七八九十")
_FINANCIAL_OUTLINE = re.compile(
    rf"(?m)^[ \t\u3000]*(?:[（(][{_FINANCIAL}]{{1,3}}[）)]|[{_FINANCIAL}]{{1,3}}、)"
)
_HIDDEN_NAME = "(?:XX|xx|××|ＸＸ)"  # a place's name a copy hid: XX镇, ××县
#: A body's name and its colon after a space, opening its duties in a list run on (…报道 安监所：收集…)
_SPACED_HEAD = re.compile(r"(?<=[ \t\u3000])(?P<head>[^\s：:，,。；;、（）()|]{2,12})(?=[：:])")
_QUALIFIER_LINE = re.compile(r"^[（(][^（()）]{1,8}[）)]$")
_SHORT_NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,12}$")
_WRAPPED_LINES = 3  # lines of one width, ending mid-sentence, that show a text was re-wrapped
_LONGER_THAN_WRAP = 4  # lines of that width for each line longer than it (figures and letters are narrower)
_CJK_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff"
_HANGUL = re.compile(r"\s*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+\s*")
_ROW_NUMBER = re.compile(r"[ \t\u3000]*\d{1,3}")  # a row's number opening its line
_LATIN_WORD = re.compile(r"\s+(?P<word>[A-Za-z]+)\s+")
_SPACE_CHARACTERS = " \t\u3000"
_LONGEST_LABEL = 12  # characters a label can have, looked for across a wrap
_SPACES = re.compile(rf"[{_SPACE_CHARACTERS}]+")
_PINYIN = re.compile(rf"(?<=[{_CJK_CLASS}])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{{1,7}}[)）]")
_NUMBER_ONLY = re.compile(r"^\d{1,3}$")
# the roles of labels naming bodies: a record printed as numbered headings (二、整改实施主体) names
# them, a plan's own sections (二、工作目标 / （一）…) do not
_BODY_ROLES = frozenset({"lead", "support", "responsible", "by_rule", "implementer"})
#: a row of a two-column table of fields: ``反馈问题 | … |``
_TWO_CELLS = re.compile(
    r"^[ \t]*(?P<label>[^|｜\s][^|｜]*?)[ \t]*[|｜][ \t]*(?P<value>[^|｜]*?\S)[ \t]*[|｜]?[ \t]*$"
)
#: a second name of a field's label, in brackets after it: ``牵头部门 (责任单位)``
_ALTERNATIVE_LABEL = re.compile(r"[ \t]*[（(](?P<name>[^（()）]{2,8})[）)](?=[ \t]*[：:]?[ \t]*$)")
_HEADER_REACH = 6  # lines before a run of fields where a table header's 序号 would stand
_FIRST_ITEM = re.compile(r"[（(]一[）)](?=[\u4e00-\u9fff“《])")  # （一）积极…: a list's first item
_SECOND_ITEM = re.compile(r"[（(]二[）)]")
_PIPES_ONLY = re.compile(r"^[|｜\s]+$")
_HALF_WIDTH_PUNCTUATION = ",;:!?"
#: Angle brackets around a qualifier inside a name (各县<市、区>人民政府, 各县区政府〈管委会〉): Chinese
#: words between them, a Chinese character before them.
_ANGLE_QUALIFIER = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[〈<‹]([\u3400-\u4dbf\u4e00-\u9fff、，,]{1,12})[〉>›]"
)
_INNER_TABS = re.compile(r"(?<=[^\s])\t+(?=[^\s])")  # tabs between two cells of a line
#: A table's row on one line: its number, then its cells set off by spaces or bars
#: The gap between two cells of a table whose columns are set apart by spaces (tabs: see _tabs_as_bars).
_COLUMN_GAP = re.compile(r"[ \u3000]{2,}")
TABLE_ROW = re.compile(r"^\d{1,3}[ \t\u3000|]+\S")
_FULL_WIDTH = str.maketrans(_HALF_WIDTH_PUNCTUATION + ".", "，；：！？。")
#: A paragraph mark printed as a letter between Chinese text: …损害。Р责任单位
_PARAGRAPH_MARK = re.compile(r"(?<=[\u4e00-\u9fff。；;：:）)、，,])[Р¶](?=[\u4e00-\u9fff（(])")
#: A full stop written ``.`` after Chinese words or a percentage, before a space and Chinese words: the
#: end of a sentence (``增长8%以上. 财政局``), not a decimal point (``47.1%``) nor a number (``1. 建设``).
_HALF_WIDTH_STOP = re.compile(r"(?<=[\u4e00-\u9fff%％）)])\.(?=[ \t\u3000]+[\u4e00-\u9fff])")
_HALF_WIDTH = re.compile(f"[{re.escape(_HALF_WIDTH_PUNCTUATION)}]")
#: A table flattened one cell per line, each cell after a bar or before one (``| 牵头部门``,
#: ``牵头部门 |``), and lines of bars alone (a row's end): lines with bars at their edges only.
_CELL_BAR_LINE = re.compile(r"^[ \t\u3000]*[|｜]*[^|｜]*?[|｜]*[ \t\u3000]*$")
_CELL_BAR_LINES = 3  # such lines at least before the bars are read as cell marks
_STRIPPED = " \t\u3000\ufeff"
_EDGE = _STRIPPED + "|｜"
_VERTICAL_CELL = re.compile(rf"^[{_CJK_CLASS}]{{1,2}}$")
_VERTICAL_END = re.compile(rf"^[{_CJK_CLASS}]{{3,4}}$")


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before `start` and at `end` ("" beyond the text)."""
    return (text[start - 1] if start > 0 else ""), (text[end] if end < len(text) else "")


def _beside_number(text: str, start: int, end: int) -> bool:
    """Whether the spaces ``text[start:end]`` stand between a Chinese character (or quote) and a number."""
    before, after = _around(text, start, end)
    return bool(before and after) and (
        (after.isdecimal() and (_is_cjk(before) or before in "“”"))
        or (before.isdecimal() and (_is_cjk(after) or after == "”"))
    )


@cache
def _traditional() -> dict[int, str]:
    """Characters OpenCC converts from traditional to simplified, one character to one."""
    from importlib import resources

    table: dict[int, str] = {}
    lines = (resources.files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    for line in lines.splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split()[0] if simplified.split() else traditional
        if len(traditional) == 1 and first != traditional and len(first) == 1:
            table[ord(traditional)] = first
    return table


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
    table = _traditional()
    if text.translate(table) == text:  # no traditional character: the common case
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.translate(table) != line:
            converted = _converter().convert(line)
            lines[index] = converted if len(converted) == len(line) else line.translate(table)
    return "\n".join(lines)


#: Characters that show nothing yet split a name in two: control characters (tab and line end
#: apart), zero-width spaces and joiners, direction marks and overrides, the byte-order mark inside a
#: text, the soft hyphen. Vertical tab and form feed stand for a break and become a space.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_BREAKS = "\x0b\x0c"
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")  # &nbsp; &#12289;
#: Spaces other than the plain and the ideographic one: no-break, en, em, thin, figure and the like.
#: The blocks of the characters a PDF's font may print for ideographs: CJK radicals, Kangxi
#: radicals, CJK strokes and compatibility ideographs (see :func:`unified_ideographs`).
_STAND_IN_BLOCKS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\u31c0-\u31ef\uf900-\ufaff]")
_OTHER_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")


def remove_inserted_marks(text: str, issues: list[ParseIssue]) -> str:
    """Return `text` without the marks a copying site inserted between its words (``@@``, ``&&``).

    A doubled symbol that stands next to Chinese characters at least :data:`_INSERTED_MARKS` times
    is such a mark, even inside a body's name (``发展改革@@委``); the first line it stood on is noted.

    Examples
    --------
    >>> issues = []
    >>> remove_inserted_marks("(省商务厅@@、财政厅@@、发展改革@@委@@负责@@)", issues)
    '(省商务厅、财政厅、发展改革委负责)'
    >>> issues[0].kind
    'inserted-marks'
    """
    for mark in sorted({match.group(1) * 2 for match in _INSERTED_MARK.finditer(text)}):
        if len(re.findall(rf"(?<=[{_CJK_CLASS}]){re.escape(mark)}", text)) < _INSERTED_MARKS:
            continue
        line = text.count("\n", 0, text.index(mark)) + 1
        message = f"'{mark}' inserted between words; removed"
        issues.append(ParseIssue(line, "inserted-marks", message, "repair"))
        text = re.sub(rf"(?:{re.escape(mark)})+", "", text)
    return text


def remove_scrambling(text: str, issues: list[ParseIssue]) -> str:
    """Return `text` without the scraps of characters a forum inserted against copying.

    A run of at least five scraps of one or two letters, figures or symbols, set off by spaces and
    holding letters and symbols both, is such noise (figures alone are a table's, ``0 0 0 0 0``);
    each line that held one is noted.

    Examples
    --------
    >>> issues = []
    >>> remove_scrambling("( l9 ^3 n0 g, z& T) G9 P' ~0 q (三)由综合科负责。", issues)
    ' (三)由综合科负责。'
    >>> issues[0].kind
    'scrambling'
    >>> remove_scrambling("总投资 0 0 300 0 300 直接补助", [])
    '总投资 0 0 300 0 300 直接补助'
    >>> remove_scrambling("改造(住建局牵头) x& L1 ]8 N) l6 J( k", [])
    '改造(住建局牵头)'
    """

    def scraps(match: re.Match[str]) -> str:
        run = match.group()
        line_start = text.rfind("\n", 0, match.start()) + 1
        kept = ""
        if run[0] in ")）" and _opens_more_than_it_closes(text[line_start : match.start()]):
            kept, run = run[0], run[1:]  # (住建局牵头) x& L1 ]8…: the bracket closes an annotation
        letters = sum(character.isascii() and character.isalpha() for character in run)
        symbols = sum(not character.isalnum() and not character.isspace() for character in run)
        if letters < _SCRAMBLE_LETTERS or symbols < _SCRAMBLE_SYMBOLS:
            return kept + run
        line = text.count("\n", 0, match.start()) + 1
        issues.append(
            ParseIssue(
                line, "scrambling", f"'{run.strip()[:20]}' inserted against copying; removed", "repair"
            )
        )
        return kept

    return _SCRAMBLE.sub(scraps, text)


def remove_invisible(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` without the characters that show nothing (:data:`_INVISIBLE`).

    Each line that held one is reported as a warning with what was removed and the line as
    written, escapes standing for the characters removed, so that the original stays on record.

    Examples
    --------
    >>> issues = []
    >>> remove_invisible("一、任务\n（牵头单位：自治区发展\u200b改革委\u202e）", issues)
    '一、任务\n（牵头单位：自治区发展改革委）'
    >>> print(issues[0].message)  # doctest: +NORMALIZE_WHITESPACE
    removed 2 invisible characters (U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE);
    the line as written: （牵头单位：自治区发展\u200b改革委\u202e）
    """
    if _INVISIBLE.search(text) is None:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = list(dict.fromkeys(_INVISIBLE.findall(line)))
        if not found:
            continue
        names = ", ".join(
            f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}" for char in found
        )
        count = len(_INVISIBLE.findall(line))
        what = f"{count} invisible character{'s' if count > 1 else ''} ({names})"
        message = f"removed {what}; the line as written: {_escaped(line)}"
        issues.append(ParseIssue(number, "invisible-character", message))
        lines[number - 1] = _INVISIBLE.sub(lambda m: " " if m.group() in _BREAKS else "", line)
    return "\n".join(lines)


def decode_entities(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` with the HTML character references a copy left in it as the characters they stand for.

    A page escaped twice over shows ``&nbsp;``, ``&ldquo;`` or ``&#12289;`` as written; only a whole
    reference (closed by its ``;``) is read, so ``R&D`` stays as it is. One repair names the first.

    Examples
    --------
    >>> issues = []
    >>> decode_entities("一、任务\n1.推进&ldquo;放管服&rdquo;改革。（市发改委、R&D中心负责）", issues)
    '一、任务\n1.推进“放管服”改革。（市发改委、R&D中心负责）'
    >>> print(issues[0].line, issues[0].message)
    2 2 HTML character references (the first '&ldquo;') read as the characters they stand for
    """
    found = [match for match in _ENTITY.finditer(text) if html.unescape(match.group()) != match.group()]
    if not found:
        return text
    line = text.count("\n", 0, found[0].start()) + 1
    what = "1 HTML character reference" if len(found) == 1 else f"{len(found)} HTML character references"
    message = f"{what} (the first '{found[0].group()}') read as the characters they stand for"
    issues.append(ParseIssue(line, "html-entity", message, "repair"))
    return _ENTITY.sub(lambda match: html.unescape(match.group()), text)


def unified_ideographs(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` with radicals, strokes and compatibility ideographs as the ideographs they stand for.

    A PDF's font often maps 人, 民, 工 or 一 to the Kangxi radicals or CJK radicals that look the same
    (``市⼈⺠政府`` for 市人民政府), and text copied or extracted from it carries them; so do CJK
    strokes, and compatibility ideographs (U+F900-U+FAFF) that a font encodes apart. They are read as
    the unified ideographs Unicode makes them equivalent to (``data/equivalent_ideographs.csv``, from
    Unicode's EquivalentUnifiedIdeograph.txt; compatibility ideographs by their canonical
    decomposition). One repair names the first.

    Examples
    --------
    >>> issues = []
    >>> unified_ideographs("一、任务\n1.市\u2f08\u2ea0政府牵头，市\u2f2f信局配合", issues)
    '一、任务\n1.市人民政府牵头，市工信局配合'
    >>> print(issues[0].line, issues[0].message)  # doctest: +NORMALIZE_WHITESPACE
    2 3 radicals or compatibility ideographs (the first U+2F08 KANGXI RADICAL MAN) read as
    the ideographs they stand for
    """
    if _STAND_IN_BLOCKS.search(text) is None:
        return text
    stand_ins = _stand_ins()
    found = [match for match in _STAND_IN_BLOCKS.finditer(text) if match.group() in stand_ins]
    if not found:
        return text
    line = text.count("\n", 0, found[0].start()) + 1
    first = found[0].group()
    what = f"{len(found)} radicals or compatibility ideographs"
    if len(found) == 1:
        what = "1 radical or compatibility ideograph"
    name = f"U+{ord(first):04X} {unicodedata.name(first)}"
    message = f"{what} (the first {name}) read as the ideographs they stand for"
    issues.append(ParseIssue(line, "radical", message, "repair"))
    return _STAND_IN_BLOCKS.sub(lambda match: stand_ins.get(match.group(), match.group()), text)


@cache
def _stand_ins() -> dict[str, str]:
    """The unified ideograph each radical, stroke or compatibility ideograph stands for."""
    with data_path("equivalent_ideographs.csv").open(encoding="utf-8", newline="") as f:
        table = {row["character"]: row["ideograph"] for row in csv.DictReader(f)}
    for code in range(0xF900, 0xFB00):
        decomposed = unicodedata.normalize("NFC", chr(code))
        if decomposed != chr(code):
            table[chr(code)] = decomposed
    return table


def plain_spaces(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` with the other spaces a copy carries (:data:`_OTHER_SPACES`) as plain spaces.

    A page copied out of a browser writes its ``&nbsp;`` as U+00A0 NO-BREAK SPACE, and typesetting
    leaves thin and figure spaces; all of them part words as a space does. One repair names them.

    Examples
    --------
    >>> issues = []
    >>> plain_spaces("一、任务\n1.推进建设。\xa0（责任单位：市发改委）", issues)
    '一、任务\n1.推进建设。 （责任单位：市发改委）'
    >>> print(issues[0].line, issues[0].message)
    2 1 space of another kind (U+00A0 NO-BREAK SPACE) read as a plain space
    """
    first = _OTHER_SPACES.search(text)
    if first is None:
        return text
    found = _OTHER_SPACES.findall(text)
    names = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char)}" for char in dict.fromkeys(found))
    line = text.count("\n", 0, first.start()) + 1
    what = "1 space of another kind" if len(found) == 1 else f"{len(found)} spaces of another kind"
    read = "a plain space" if len(found) == 1 else "plain spaces"
    issues.append(ParseIssue(line, "other-space", f"{what} ({names}) read as {read}", "repair"))
    return _OTHER_SPACES.sub(" ", text)


def paragraph_marks_as_breaks(text: str, issues: list[ParseIssue]) -> str:
    r"""Return `text` with the paragraph marks a copy printed as letters made line breaks.

    Document sites' previews of ``.doc`` files print each paragraph mark as the Cyrillic letter Р
    (or as ``¶``) between Chinese sentences: ``…不受损害。Р责任单位：各镇…Р(五)加大监督考核…``. Each
    line that held them is reported; the line numbers of what follows count the new breaks.

    Examples
    --------
    >>> issues = []
    >>> paragraph_marks_as_breaks("…不受损害。Р责任单位：各镇Р(五)加大监督考核", issues)
    '…不受损害。\n责任单位：各镇\n(五)加大监督考核'
    >>> issues[0].kind, issues[0].line
    ('paragraph-mark', 1)
    >>> paragraph_marks_as_breaks("Рыба", [])
    'Рыба'
    """
    if _PARAGRAPH_MARK.search(text) is None:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        count = len(_PARAGRAPH_MARK.findall(line))
        if count:
            message = f"{count} paragraph marks printed as letters (Р, ¶) read as line breaks"
            issues.append(ParseIssue(number, "paragraph-mark", message, "repair"))
    return _PARAGRAPH_MARK.sub("\n", text)


def _escaped(line: str, limit: int = 120) -> str:
    """`line` with each invisible character written as its escape, cut at `limit` characters."""
    shown = _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _financial_numerals(text: str, issues: list[ParseIssue]) -> str:
    """`text` with outline numbers written in financial numerals read as plain ones: ``(壹)`` is ``(一)``.

    Traditional documents number their outline ``壹、`` ``貳、``, and a conversion may write the
    ``一`` of ``（一）`` so; only a number opening a line is read.
    """
    first = _FINANCIAL_OUTLINE.search(text)
    if first is None:
        return text
    line = text.count("\n", 0, first.start()) + 1
    issues.append(
        ParseIssue(line, "financial-numeral", f"'{first.group()}' read as an outline number", "repair")
    )
    return _FINANCIAL_OUTLINE.sub(lambda match: match.group().translate(_FINANCIAL_AS_PLAIN), text)


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
    converted = _without_cell_bars(_tabs_as_bars(to_simplified(text), issues), issues)
    converted = _financial_numerals(converted, issues)
    angle = _ANGLE_QUALIFIER.search(converted)
    if (
        angle is not None
    ):  # 各县区政府〈管委会〉, 各县<市、区>人民政府: a qualifier set off as by round brackets
        line = converted.count("\n", 0, angle.start()) + 1
        issues.append(ParseIssue(line, "punctuation", "angle brackets read as round brackets", "repair"))
        converted = _ANGLE_QUALIFIER.sub(lambda match: f"（{match.group(1)}）", converted)
    if converted != text and any(a != b and b != " " for a, b in zip(text, converted, strict=True)):
        first = next(i for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b)
        issues.append(
            ParseIssue(
                text.count("\n", 0, first) + 1,
                "traditional",
                "traditional characters converted to simplified for matching",
                "repair",
            )
        )
    offsets = [
        match.start()
        for match in _HALF_WIDTH.finditer(converted)
        if any(map(_is_cjk, _around(converted, match.start(), match.end())))
    ] + [match.start() for match in _HALF_WIDTH_STOP.finditer(converted)]
    offsets.sort()
    if not offsets:
        return converted
    message = "half-width punctuation between Chinese characters read as full-width"
    issues.append(ParseIssue(converted.count("\n", 0, offsets[0]) + 1, "punctuation", message, "repair"))
    chars = list(converted)
    for offset in offsets:
        chars[offset] = chars[offset].translate(_FULL_WIDTH)
    return "".join(chars)


def _tabs_as_bars(text: str, issues: list[ParseIssue]) -> str:
    r"""`text` with the tabs between two cells of a line made bars: a table copied as tab-separated rows.

    ``1\t推进…\t市发改委`` reads as ``1|推进…|市发改委``; tabs that indent a line are left alone.
    """
    first = _INNER_TABS.search(text)
    if first is None:
        return text
    line = text.count("\n", 0, first.start()) + 1
    issues.append(ParseIssue(line, "tab-cells", "cells separated by tabs read as a table's cells", "repair"))
    return _INNER_TABS.sub(lambda match: "|" * len(match.group()), text)


def spaced_columns_as_bars(text: str, issues: list[ParseIssue], lexicon: Lexicon) -> str:
    r"""`text` with a table whose cells are set apart by runs of spaces written with bars between them.

    A table copied out of a PDF or a newspaper's page keeps its columns only as runs of spaces: a
    header line of cells one of which is a label naming bodies (``地点    设施问题    责任单位``)
    opens it, and each line after it with two cells or more (blank lines between them aside) is a
    row: ``新阳路区域    箱体破损    联通公司道里分站`` reads as ``新阳路区域 | 箱体破损 | 联通公司道里分站``.

    Examples
    --------
    >>> rows = "地点    问题    责任单位\n新阳路  箱体破损  联通公司"
    >>> print(spaced_columns_as_bars(rows, [], Lexicon.default()))
    地点 | 问题 | 责任单位
    新阳路 | 箱体破损 | 联通公司
    """
    lines = text.split("\n")
    labels = lexicon.role_labels
    index, first = 0, None
    while index < len(lines):
        cells = _COLUMN_GAP.split(lines[index].strip())
        if len(cells) < 2 or not any(re.sub(r"\s", "", cell) in labels for cell in cells):
            index += 1
            continue
        first = index if first is None else first
        lines[index] = " | ".join(cells)
        index += 1
        while index < len(lines):
            row = _COLUMN_GAP.split(lines[index].strip())
            if len(row) >= 2:
                lines[index] = " | ".join(row)
            elif lines[index].strip():
                break
            index += 1
    if first is None:
        return text
    message = "cells set apart by runs of spaces under a header read as a table's cells"
    issues.append(ParseIssue(first + 1, "spaced-cells", message, "repair"))
    return "\n".join(lines)


def _without_cell_bars(text: str, issues: list[ParseIssue]) -> str:
    """`text` with the bars of a table written one cell per line made spaces.

    ``| 市科技局`` and ``市科技局 |`` are cells, ``|`` or ``||`` alone the end of a row; a line with
    a bar between two cells is a row of cells and is left as it is. Only a text with a few such
    lines is changed.
    """
    lines = text.split("\n")
    marked = [
        number
        for number, line in enumerate(lines)
        if ("|" in line or "｜" in line) and _CELL_BAR_LINE.match(line)
    ]
    if len(marked) < _CELL_BAR_LINES:
        return text
    message = "a table written one cell per line with bars read as cells"
    issues.append(ParseIssue(marked[0] + 1, "cell-bar", message, "repair"))
    for number in marked:
        lines[number] = lines[number].replace("|", " ").replace("｜", " ")
    return "\n".join(lines)


def match_heading(line: str, lexicon: Lexicon | None = None) -> tuple[int, re.Match[str]] | None:
    """Return the outline level of `line` and the match of its numbering pattern, or None.

    Examples
    --------
    >>> level, match = match_heading("（三）加快基础设施互联互通")
    >>> level, match.group("number"), match.group("rest")
    (2, '（三）', '加快基础设施互联互通')
    >>> match_heading("1﹒全省生产总值增长7%以上。")[0], match_heading("⑵耕地保有量保持在6120万亩。")[0]
    (3, 4)
    """
    if not line:
        return None
    for level, pattern in (lexicon or Lexicon.default()).numbering.items():
        match = pattern.match(line)
        if match is not None:
            return level, match
    return None


def heading_level(line: str, lexicon: Lexicon | None = None) -> int | None:
    """Return the outline level of `line` if it opens with a heading number, else None.

    Examples
    --------
    >>> heading_level("（三）加快基础设施互联互通"), heading_level("2. 推进能源通道建设。")
    (2, 3)
    >>> heading_level("2035年，城市群发展达到较高水平。") is None
    True
    """
    heading = match_heading(line, lexicon)
    return heading[0] if heading is not None else None


def outline_number(number: str) -> int:
    """Return the value of a heading's outline number.

    Examples
    --------
    >>> outline_number("（三）"), outline_number("十二、"), outline_number("二十、"), outline_number("4.")
    (3, 12, 20, 4)
    >>> outline_number("⑶"), outline_number("③"), outline_number("(12)"), outline_number("1 ﹒")
    (3, 3, 12, 1)
    """
    core = number.strip("（()）、.．﹒ ")
    if core.isdecimal():
        return int(core)
    if core in _NUMERAL_VALUES:
        return _NUMERAL_VALUES[core]
    return int(unicodedata.numeric(core[0])) if len(core) == 1 else 0


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
        Whether the paragraph is a line that stands on its own (a labelled line, a table cell).
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


@cache
def _inline_outline(lexicon: Lexicon) -> re.Pattern[str]:
    """Outline numbers inside a line where items were run together: after spaces or a closing bracket.

    Numbers of the first four levels count (``一、``, ``（一）``, ``1.``, ``（1）`` and an emergency
    plan's ``2.2.2``): a law library's page prints a plan's items one after another on one line.

    Numbers written with Chinese numerals (``一、``, ``（二）``) also open an item after a colon, a
    semicolon or a comma (``…通知如下:一、防治组…主要职责是:(一)指导…;(二)完善…``, a condensed copy's
    ``…工作,(二)市场监督管理局负责…``); figures there number the
    parts of a field (``资金来源:1.…;2.…``). The item opens with words, or with a name a copy hid
    (``XX镇``, ``××县``).
    """
    rows = [row for row in lexicon.entries("numbering") if row.value in ("1", "2", "3", "4")]
    numbers = "|".join(f"(?:{row.entry.replace('{cn}', CHINESE_NUMERAL)})" for row in rows)
    chinese = "|".join(
        f"(?:{row.entry.replace('{cn}', CHINESE_NUMERAL)})" for row in rows if "{cn}" in row.entry
    )
    return re.compile(
        rf"(?:(?:(?<=[ \t\u3000。])|(?<=[）)〕]))(?:{numbers})|(?<=[：:；;，,])(?:{chinese}))"
        rf"(?=[ \u3000]?(?:[{_CJK_CLASS}“《]|{_HIDDEN_NAME}))"
    )


def _glued_first_items(line: str, starts: list[int]) -> list[int]:
    """Where a run-on list's first item ``（一）`` stands glued to the title before it.

    ``…一、县城区办事处(一)积极做好…。(二)积极开展…``: the second item opens after a stop, the first
    right after the title's last word; where ``（二）`` opens an item, the last ``（一）`` before it
    (after the item before) opens one too.
    """
    glued = []
    for index, start in enumerate(starts):
        if not _SECOND_ITEM.match(line, start):
            continue
        previous = starts[index - 1] if index > 0 else 0
        firsts = [m.start() for m in _FIRST_ITEM.finditer(line, previous + 1, start)]
        if firsts and firsts[-1] not in starts:
            glued.append(firsts[-1])
    return glued


def _pieces_of_line(
    line: str, lexicon: Lexicon, is_name: Callable[[str], bool] | None = None
) -> list[tuple[int, str]]:
    """A line cut where numbered items were run together (``…（省发改委负责） 2.推进…``).

    A list of bodies and their duties run on with spaces between is cut too, before each body's
    name and colon, where the line holds two or more (``…报道 安监所：收集… 民政办：组织…``).
    A table's row (cells between bars) is not cut: its cells may number their own steps.
    """
    if line.count("|") + line.count("｜") >= 2:
        return [(0, line)]
    starts = [0] + [match.start() for match in _inline_outline(lexicon).finditer(line) if match.start() > 0]
    starts = sorted({*starts, *_glued_first_items(line, starts)})
    if is_name is not None:
        heads = [match.start() for match in _SPACED_HEAD.finditer(line) if is_name(match.group("head"))]
        if len(heads) >= 2:
            starts = sorted({*starts, *heads})
    pieces = []
    for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
        piece = line[start:end].rstrip(_STRIPPED)
        if piece:
            pieces.append((start, piece))
    return pieces


def split_paragraphs(
    text: str,
    issues: list[ParseIssue],
    *,
    original: str | None = None,
    standalone: Callable[[str], bool] | None = None,
    is_name: Callable[[str], bool] | None = None,
    opens_table: Callable[[str], bool] | None = None,
    lexicon: Lexicon | None = None,
) -> list[Paragraph]:
    r"""Split plan text into paragraphs, joining those a page break cut in two.

    Lines before the first outline heading (the notice, the title), after a closing ``抄送：``
    or ``附件`` line and from a table's header written one cell per line (a row-number cell such
    as ``序号`` alone on its line) up to the next top-level heading are kept one paragraph per
    line. In between, a line that does not end a sentence goes on
    on the next non-blank line when a blank line (a page break) stands between them, when it was
    wrapped (it is long), ends with ``，``/``、``, or leaves a bracket open; a character doubled at
    the join (``鄂`` / ``鄂尔多斯市``) is kept once. A line for which `standalone` holds (a labelled
    annotation, a table cell naming bodies), a row number and a heading are paragraphs of their
    own. Items run together on one line (``…。（A负责） 2.推进…``) are cut apart. Each repair is
    appended to `issues`.

    Parameters
    ----------
    text : str
        The whole plan text.
    issues : list of ParseIssue
        Receives what was repaired.
    original : str, optional
        The text as the source wrote it, when `text` is its matching form of the same length line
        by line (:func:`to_matching_text`); each paragraph then carries its original.
    standalone : callable, optional
        Whether a line stands on its own.
    is_name : callable, optional
        Whether a short line names a body on its own (a table's cell), not a piece of one printed a
        few characters a line.
    opens_table : callable, optional
        Whether a line alone is the first cell of a table's header written one cell per line
        (``序号``): the cells after it are lines of their own, not a sentence a page break cut.
    lexicon : Lexicon, optional
        Gives the outline numbers; the shipped lexicon by default.

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
    lexicon = lexicon or Lexicon.default()
    paragraphs: list[Paragraph] = []
    parts: list[str] = []  # the current paragraph's lines, joined once it is complete
    source_parts: list[str] = []
    in_body = False
    cells = False  # since a table's header or a closing line, lines are cells or items of their own
    blank_before = False
    bar_before = False  # a line of bars alone since the last line with text
    originals = original.split("\n") if original is not None else None

    def complete() -> None:
        if paragraphs and len(parts) > 1:
            paragraphs[-1].text = "".join(parts)
            if paragraphs[-1].original is not None:
                paragraphs[-1].original = "".join(source_parts)

    lines = _vertical_text_joined(text.split("\n"), issues, is_name, lexicon.labels)
    if originals is not None:
        originals = _vertical_text_joined(originals, [], is_name, lexicon.labels)
    printed = originals if originals is not None else lines  # as the source prints them
    wrap = _wrap_of(printed)
    previous_raw, previous_printed = "", ""  # the last line with text
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip(_EDGE)  # a table's cell keeps its text, not the bars around it
        if not stripped or _PIPES_ONLY.match(stripped):
            blank_before = True
            bar_before = bar_before or bool(printed[number - 1].strip())  # (bars part cells; no wrap)
            continue
        offset = len(raw) - len(raw.lstrip(_EDGE))
        row_closed = previous_raw.rstrip(" \u3000").endswith(("|", "\t"))  # a row closed by its bar or tab
        full_before = wrap is not None and wrap.full(previous_printed)  # the line before was cut at the width
        line_before, previous_raw, previous_printed = previous_raw.strip(_EDGE), raw, printed[number - 1]
        for start, line in _pieces_of_line(stripped, lexicon, is_name):
            source = None
            if originals is not None:
                source = originals[number - 1][offset + start : offset + start + len(line)]
            level = heading_level(line, lexicon)
            if (
                level is not None
                and start == 0
                and paragraphs
                and not row_closed  # 7.…落实 | / 8.…: a table's row closed by its bar, then the next
                and not paragraphs[-1].standalone  # 牵头单位：A、…、B政府 / 5.…: a field ends unstopped
                and _page_number(line_before, line, lexicon)
            ):
                number_end = match_heading(line, lexicon)[1].start("rest")  # type: ignore[index]
                issues.append(
                    ParseIssue(
                        number,
                        "page-number",
                        f"'{line[:number_end]}' opens a line that goes on a sentence: "
                        "read as a page number and dropped",
                        "repair",
                    )
                )
                line = line[number_end:]
                source = source[number_end:] if source is not None else None
                paragraphs[-1].standalone = False
                level, blank_before, in_body = None, True, True
            alone = standalone is not None and standalone(line)
            if lexicon.closing.match(line) or (opens_table is not None and opens_table(line)):
                in_body, cells = False, True
            elif not in_body and level == 1:
                in_body, cells = True, False
            current = paragraphs[-1] if paragraphs else None
            wrapped_cell = (
                current is not None and len(parts) == 1 and _wrapped_cell(parts[-1], line, is_name, lexicon)
            )
            rewrapped = full_before and bool(parts) and start == 0 and not bar_before
            # (in a wrapped text, a paragraph's indent)
            indented = start == 0 and raw[:1] in _SPACE_CHARACTERS
            # …国家烟草局按职 / 责分工负责）: a short line closing the bracket left open
            closes_bracket = bool(parts) and len(line) < _WRAPPED and _closes("".join(parts), line)
            broken_prose = (  # …会议决定由县供电公司负责供电 / (a page break) / 线杆迁移工作，…: before any
                # outline (minutes, a notice), a long sentence a page break cut in a word goes on too
                not cells
                and blank_before
                and bool(parts)
                and len(so_far := "".join(parts)) >= _BROKEN_PROSE  # (its lines a wrap may have cut)
                and _is_cjk(so_far[-1])
                and any(mark in so_far for mark in "，。；,")
                and _is_cjk(line[0])
            )
            if wrapped_cell or (
                # in the body; a line as long as the text was wrapped at goes on anywhere
                (in_body or rewrapped or closes_bracket or broken_prose)
                and current is not None
                and (
                    not alone
                    or (
                        rewrapped
                        and (
                            (parts[-1][-1] not in _SENTENCE_END and not lexicon.label_opening.match(line))
                            or _closes("".join(parts), line)  # (牵头单位：A； / 责任单位：B、C)
                            or _label_cut(parts[-1], line, lexicon)  # …部门 / 分工：A牵头
                        )
                        and not (TABLE_ROW.match(line) or "|" in line)  # a table's row, not a wrapped line
                    )
                )
                and (not current.standalone or rewrapped)
                and level is None
                and not _NUMBER_ONLY.match(line)
                and _goes_on(
                    parts, current, line, blank_before, lexicon, rewrapped=rewrapped, indented=indented
                )
            ):
                issues.append(
                    ParseIssue(
                        current.last_line,
                        "page-break",
                        f"sentence continued on line {number}; joined",
                        "repair",
                    )
                )
                # a page break may double a character; a wrap cuts, never doubles
                if line[0] == parts[-1][-1] and _is_cjk(line[0]) and not rewrapped:
                    issues.append(
                        ParseIssue(
                            number,
                            "doubled-character",
                            f"'{line[0]}' doubled across the break from line {current.last_line}; kept once",
                        )
                    )
                    line = line[1:]
                    source = source[1:] if source is not None else None
                if rewrapped and indented:  # the space the wrap kept at the line's start still parts words
                    line, source = " " + line, " " + source if source is not None else None
                current.starts.append((current.starts[-1][0] + len(parts[-1]), number))
                parts.append(line)
                source_parts.append(source or "")
                current.last_line = number
            else:
                complete()
                alone = alone or bool(_NUMBER_ONLY.match(line))
                paragraphs.append(Paragraph(line, number, number, [(0, number)], source, alone))
                parts, source_parts = [line], [source or ""]
            blank_before = bar_before = False
    complete()
    return paragraphs


def fields_joined(
    paragraphs: list[Paragraph],
    issues: list[ParseIssue],
    label_of: Callable[[str], str | None],
    lexicon: Lexicon | None = None,
) -> list[Paragraph]:
    r"""Paragraphs of a record printed a field per line, each label joined to its value.

    A record printed label then value, line after line (``整改措施`` / ``…`` / ``责任单位`` /
    ``噶尔县人民政府``: a form or a two-column table flattened), reads as labelled lines
    (``责任单位：噶尔县人民政府``). `label_of` gives the role of a line that is only a label (with
    or without its colon), None for any other line. Only a run of two fields or more is joined:
    a table's header written one cell per line (``项目`` / ``具体项目`` / ``牵头单位`` /
    ``责任单位``) has labels side by side, and a row number (``序号``) labels no field.

    Examples
    --------
    >>> rows = ["整改措施", "按时完成生态恢复治理。", "责任单位", "噶尔县人民政府"]
    >>> paragraphs = [Paragraph(row, n, n, [(0, n)]) for n, row in enumerate(rows, 1)]
    >>> roles = {"整改措施": "text", "责任单位": "responsible"}
    >>> [p.text for p in fields_joined(paragraphs, [], roles.get)]
    ['整改措施：按时完成生态恢复治理。', '责任单位：噶尔县人民政府']
    """
    lexicon = lexicon or Lexicon.default()
    paragraphs = _two_cell_fields(paragraphs, issues, label_of)
    labels = [_label_line(paragraph.text, label_of, lexicon) for paragraph in paragraphs]
    roles = [label_of(label) if label is not None else None for _, label in labels]

    def field_at(index: int) -> bool:
        """Whether a label's line at `index` is followed by a line that can be its value."""
        if index + 1 >= len(paragraphs) or roles[index] in (None, "number") or roles[index + 1] is not None:
            return False
        value = paragraphs[index + 1].text.strip(_EDGE)
        heading = match_heading(value, lexicon)
        label_level = labels[index][0]
        if heading is not None and (label_level is None or heading[0] <= label_level):
            return False  # a numbered line is a value only under a numbered label of a higher level
        return not (_NUMBER_ONLY.match(value) or "|" in value)

    records: list[tuple[int, int]] = []  # the first label's index and the index after the last value
    index = 0
    while index < len(paragraphs):
        end = index
        while field_at(end):
            end += 2
        numbered = any(labels[field][0] is not None for field in range(index, end, 2))
        names_bodies = any(roles[field] in _BODY_ROLES for field in range(index, end, 2))
        header = _in_header(roles, paragraphs, index, end)
        if end - index >= 4 and not header and (names_bodies or not numbered):
            records.append((index, end))
        index = max(end, index + 1)
    joined: list[Paragraph] = []
    index = 0
    for first, end in records:
        joined.extend(paragraphs[index:first])
        for label_index in range(first, end, 2):
            label, value = paragraphs[label_index], paragraphs[label_index + 1]
            if labels[label_index][0] is not None:  # 二、整改实施主体: the label without its number
                label = _without_number(label, lexicon)
            joined.append(_field_paragraph(label, value, issues, lambda text: label_of(text) is not None))
        index = end
    joined.extend(paragraphs[index:])
    return joined


def _label_line(
    text: str, label_of: Callable[[str], str | None], lexicon: Lexicon
) -> tuple[int | None, str | None]:
    """The outline level of a line holding only a label, and the label; (None, None) for other lines.

    A notice printing its record as numbered headings (``二、整改实施主体`` over the bodies' line)
    gives the heading's level; a label alone gives None for the level.
    """
    text = text.strip(_EDGE)
    if label_of(text) is not None:
        return None, text
    heading = match_heading(text, lexicon)
    if heading is not None and label_of(heading[1].group("rest").strip(_EDGE)) is not None:
        return heading[0], heading[1].group("rest").strip(_EDGE)
    return None, None


def _without_number(paragraph: Paragraph, lexicon: Lexicon) -> Paragraph:
    """A numbered label's line (``二、整改实施主体``) without its number."""

    def rest(text: str) -> str:
        heading = match_heading(text.strip(_EDGE), lexicon)
        return heading[1].group("rest") if heading is not None else text

    original = rest(paragraph.original) if paragraph.original is not None else None
    text = rest(paragraph.text)
    return Paragraph(text, paragraph.first_line, paragraph.last_line, paragraph.starts, original, True)


def without_alternative_label(label: str, is_label: Callable[[str], bool]) -> str:
    """A field's label without the second name a form gives it in brackets.

    Only a bracket that `is_label` takes for a label goes: ``牵头单位（市发改委）`` keeps its body.

    Examples
    --------
    >>> labels = {"牵头部门", "责任单位"}
    >>> without_alternative_label("牵头部门 (责任单位)", labels.__contains__)
    '牵头部门'
    >>> without_alternative_label("牵头部门（市发改委）", labels.__contains__)
    '牵头部门（市发改委）'
    """
    second = _ALTERNATIVE_LABEL.search(label)
    if second is None or not is_label(second.group("name").strip()):
        return label
    return label[: second.start()] + label[second.end() :]


def _two_cell_fields(
    paragraphs: list[Paragraph], issues: list[ParseIssue], label_of: Callable[[str], str | None]
) -> list[Paragraph]:
    """Rows of a two-column table of fields, ``整改措施 | … |``, as labelled lines (``整改措施：…``).

    Two such rows in a row at least; the label is the first cell (not a row number's).
    """

    def is_label(text: str) -> bool:
        return label_of(text) is not None

    fields: list[Paragraph | None] = []
    for paragraph in paragraphs:
        row = _TWO_CELLS.match(paragraph.text)
        role = label_of(row.group("label")) if row is not None else None
        if row is None or role in (None, "number"):
            fields.append(None)
            continue
        original = paragraph.original
        if original is not None:
            source = _TWO_CELLS.match(original)
            label = without_alternative_label(source.group("label"), is_label) if source else ""
            original = f"{label}：{source.group('value')}" if source else None
        text = f"{without_alternative_label(row.group('label'), is_label)}：{row.group('value')}"
        starts = [(0, paragraph.first_line)]
        fields.append(Paragraph(text, paragraph.first_line, paragraph.last_line, starts, original, True))
    joined = []
    for index, paragraph in enumerate(paragraphs):
        field = fields[index]
        beside = (index > 0 and fields[index - 1] is not None) or (
            index + 1 < len(fields) and fields[index + 1] is not None
        )
        if field is not None and beside:
            issues.append(
                ParseIssue(
                    paragraph.first_line,
                    "field-line",
                    f"'{paragraph.text[:20]}' is a row of a two-column table of fields; read as labelled",
                    "repair",
                )
            )
            paragraph = field
        joined.append(paragraph)
    return joined


def _in_header(roles: list[str | None], paragraphs: list[Paragraph], first: int, end: int) -> bool:
    """Whether fields found at `first` up to `end` are a table's header written one cell per line.

    A header holds a row-number column (``序号``) before them, or its first row's number follows them
    (``牵头`` / ``部门`` / ``完成`` / ``时间`` / ``108``: cells broken over lines).
    """
    before = roles[max(0, first - _HEADER_REACH) : first]
    after = [paragraph.text.strip(_EDGE) for paragraph in paragraphs[end : end + 2]]
    return "number" in before or any(_NUMBER_ONLY.match(text) for text in after)


def _field_paragraph(
    label_paragraph: Paragraph, value: Paragraph, issues: list[ParseIssue], is_label: Callable[[str], bool]
) -> Paragraph:
    """A label's line and its value's line as one labelled paragraph (``责任单位：噶尔县人民政府``)."""
    label = without_alternative_label(label_paragraph.text.strip(_EDGE), is_label)
    head = label if label.endswith(("：", ":")) else label + "："
    original = None
    if label_paragraph.original is not None or value.original is not None:
        label_original = without_alternative_label(
            (label_paragraph.original or label_paragraph.text).strip(_EDGE), is_label
        )
        original = label_original + head[len(label) :] + (value.original or value.text)
    starts = [(0, label_paragraph.first_line)] + [(len(head) + offset, line) for offset, line in value.starts]
    issues.append(
        ParseIssue(
            label_paragraph.first_line,
            "field-line",
            f"'{label}' alone on its line, its value on line {value.first_line}; read as one line",
            "repair",
        )
    )
    return Paragraph(head + value.text, label_paragraph.first_line, value.last_line, starts, original, True)


def _vertical_text_joined(
    lines: list[str],
    issues: list[ParseIssue],
    is_name: Callable[[str], bool] | None = None,
    labels: Container[str] = (),
) -> list[str]:
    """Lines of a table cell printed one or two characters a line, joined on the first of them.

    ``市政`` / ``府办`` / ``公厅`` is ``市政府办公厅``, ``长沙`` / ``先导`` / ``区管委会`` is
    ``长沙先导区管委会``: a run of two or more lines of one or two Chinese characters each, and a
    line of up to four that ends it, when the first of them is no name on its own (a table's cells
    ``各街道`` / ``统计局`` or ``马振明`` / ``改革办`` stay apart, and so do a header's `labels`:
    ``序号`` / ``指标``). The lines joined onto the first are left empty, so that line numbers stay
    those of the source.
    """
    joined = list(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _VERTICAL_CELL.match(lines[end].strip(_EDGE)):
            end += 1
        first = lines[index].strip(_EDGE)
        if end - index >= 2 and not (is_name is not None and is_name(first)) and first not in labels:
            if end < len(lines) and _VERTICAL_END.match(lines[end].strip(_EDGE)):
                end += 1
            joined[index] = "".join(line.strip(_EDGE) for line in lines[index:end])
            for other in range(index + 1, end):
                joined[other] = ""
            issues.append(
                ParseIssue(
                    index + 1,
                    "vertical-text",
                    f"'{joined[index]}' printed a few characters a line; joined",
                    "repair",
                )
            )
        index = max(end, index + 1)
    return joined


def _wrapped_cell(before: str, line: str, is_name: Callable[[str], bool] | None, lexicon: Lexicon) -> bool:
    """Whether `line` goes on a table cell's name that `before` began on the line above.

    ``高新园`` / ``（邹区镇）``: a bracket qualifying the name; ``区新兴产业`` / ``服务中心``: a line that
    opens like a body's name but is none until the next completes it. Inserted pinyin is passed over.
    """
    before, line = remove_pinyin(before), remove_pinyin(line)
    if _SHORT_NAME_LINE.match(before) is None:
        return False
    if _QUALIFIER_LINE.match(line) is not None:
        return True
    return (
        is_name is not None
        and _SHORT_NAME_LINE.match(line) is not None
        and lexicon.prefix_pattern.match(before) is not None
        and not is_name(before)
        and is_name(before + line)
    )


@dataclass(frozen=True)
class _Wrap:
    """How a re-wrapped text was cut: every line cut measures `width` by `measure`, give or take `slack`."""

    measure: Callable[[str], int]
    width: int
    slack: int

    def full(self, line: str) -> bool:
        """Whether `line` (as printed, with its indent) was cut at the width."""
        return abs(self.measure(line.rstrip(_EDGE)) - self.width) <= self.slack


def _display_width(line: str) -> int:
    """`line`'s width as a Chinese page prints it.

    Two for a Chinese character or a mark a Chinese font prints as wide as one (``，`` but also
    ``“”…—``), one for a figure, a letter or a half-width mark.
    """
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in line)


#: The ways a wrap counts a line: characters (a text cut every so many characters), or the width a page
#: prints (a PDF's lines, where figures and letters take half a character), with the slack of each.
_WRAP_MEASURES: tuple[tuple[Callable[[str], int], int], ...] = ((len, 1), (_display_width, 2))


def _wrap_of(lines: list[str]) -> _Wrap | None:
    """How the text was wrapped, if it was re-wrapped (a PDF's text, a page printed at a width), or None.

    A text is re-wrapped when, by one of the :data:`_WRAP_MEASURES`, at least three lines that end
    mid-sentence, and a third of all such long lines, are of one width as printed (a paragraph's
    indent included), give or take the slack, and few lines are wider (a wrap leaves none; a table's
    rows are not wrapped). A line that wide then goes on on the next unless that opens an item: also
    after a stop or a closing bracket, since a wrap falls after one far more often than a paragraph
    ends exactly at the width, and a labelled line too (``协办单位：区委编办、园区党工`` /
    ``委、各街道党工委``).
    """
    long_lines = [
        printed
        for line in lines
        if len(printed := line.rstrip(_EDGE)) >= _WRAPPED and printed[-1] not in _TERMINAL
    ]
    if not long_lines:
        return None
    found: list[tuple[int, _Wrap]] = []  # (lines cut at the width, the wrap) for each measure
    for measure, slack in _WRAP_MEASURES:
        widths = Counter(measure(line) for line in long_lines)
        width = max(widths, key=lambda width: sum(widths[width + d] for d in range(-slack, slack + 1)))
        near = sum(widths[width + d] for d in range(-slack, slack + 1))
        wider = sum(  # a wrap leaves few lines wider (a table's rows are not wrapped)
            1
            for line in lines
            if measure(line.rstrip(_EDGE)) > width + slack and "|" not in line and "\t" not in line
        )
        if near >= _WRAPPED_LINES and near >= len(long_lines) / 3 and wider <= near / _LONGER_THAN_WRAP:
            found.append((near, _Wrap(measure, width, slack)))
    return max(found, key=lambda pair: pair[0])[1] if found else None  # the measure the cuts fit best


def _goes_on(
    parts: list[str],
    current: Paragraph,
    line: str,
    blank_before: bool,
    lexicon: Lexicon,
    *,
    rewrapped: bool = False,
    indented: bool = False,
) -> bool:
    """Whether `line` goes on with the paragraph whose lines so far are `parts`.

    `rewrapped`: the last line is as long as the text was wrapped at; `indented`: `line` opens with
    a space (after a stop in a wrapped text, a new paragraph's indent).
    """
    last = parts[-1]
    so_far = current.text if len(parts) == 1 else "".join(parts)
    stops = last[-1] in _TERMINAL and line[0] not in "，、）)"
    if stops and (not rewrapped or indented) and not _opens_more_than_it_closes(so_far):
        return False  # (a wrap falls after a stop more often than a paragraph ends exactly at the width)
    if (
        heading_level(so_far[:64], lexicon) is not None
        and "。" not in so_far
        and not rewrapped
        and not _opens_more_than_it_closes(so_far)
    ):
        return False  # a bare heading: its title ends at the line's end (unless wrapped or a bracket is open)
    return (
        blank_before
        or rewrapped
        or len(last) >= _WRAPPED
        or last[-1] in _CONTINUING
        or _opens_more_than_it_closes(so_far)
    )


def _page_number(line_before: str, line: str, lexicon: Lexicon) -> bool:
    """Whether an outline number opening `line` is a page number: the line before breaks off mid-sentence.

    Document-sharing sites number their pages ``1、`` ``2、`` at the start of each page, in the
    middle of a sentence (``…小微企业及个体工商`` / ``2、户提供融资担保…``); a real item never
    continues a sentence that long. The first page's mark opens the text, so ``1.`` after such a
    line is an item (``…（责任单位：A）该件实事已全面完成`` / ``1.减少…``).
    """
    if len(line_before) < 3 * _WRAPPED or line_before[-1] in _TERMINAL:
        return False
    heading = match_heading(line, lexicon)
    return heading is not None and heading[0] == 3 and outline_number(heading[1].group("number")) > 1


def _opens_more_than_it_closes(text: str) -> bool:
    return bracket_depth(text) > 0


def _label_cut(before: str, line: str, lexicon: Lexicon) -> bool:
    """Whether a label straddles the end of `before` and the start of `line` (部门 / 分工：…)."""
    tail = before[-_LONGEST_LABEL:]
    return any(
        match.start() < len(tail) < match.end()
        for match in lexicon.label_opening.finditer(tail + line[:_LONGEST_LABEL])
    )


def _closes(text: str, line: str) -> bool:
    """Whether `line` closes a bracket `text` left open."""
    return _opens_more_than_it_closes(text) and not _opens_more_than_it_closes(text + line)


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
    kept, position = [], 0
    for start, end in spans:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)


def remove_pinyin(text: str) -> str:
    """`text` without the pinyin readings a repost inserted after its characters.

    Examples
    --------
    >>> remove_pinyin("责(zé)任单位：省发(fā)展改革委")
    '责任单位：省发展改革委'
    """
    return _PINYIN.sub("", text)


def repair_paragraph(
    paragraph: Paragraph, issues: list[ParseIssue], *, cell_ends: Callable[[str], bool] | None = None
) -> tuple[str, str]:
    """Return the paragraph's text with extraction noise repaired, each repair reported.

    Spaces around numbers inside Chinese text are removed (``到 2035 年`` → ``到2035年``), except a
    space that parts a table's cells: after words `cell_ends` takes for a whole cell, in a row whose
    cells spaces part (``县农业农村局 2025年第一季度…``); pinyin
    readings a repost inserted after characters are removed (``責(zé)任``); an isolated Hangul
    syllable is removed; a Latin word set off by spaces between Chinese characters is kept but
    reported, since it may be meant (a name) or a stray (``平台 and 连锁``).

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
    >>> repair_paragraph(Paragraph("责(zé)任单位：省住房城乡建设(shè)厅", 3, 3, [(0, 3)]), [])[0]
    '责任单位：省住房城乡建设厅'
    """
    text = paragraph.text
    original = paragraph.original if paragraph.original is not None else text
    spans = [
        m.span()
        for m in _SPACES.finditer(text)
        if _beside_number(text, *m.span()) and not _ROW_NUMBER.fullmatch(text[: m.start()])
    ]  # (the space after a row's number at the line's start separates the row's cells: 1 市公安局 负责…)
    if cell_ends is not None and _ROW_NUMBER.match(text):
        spans = [
            (start, end) for start, end in spans if not cell_ends(_PINYIN.sub("", text[:start].split()[-1]))
        ]
    if spans:  # one report per paragraph: the repair is uniform
        start, end = spans[0]
        issues.append(
            ParseIssue(
                paragraph.line_at(start),
                "spacing",
                f"space beside a number removed near '{text[max(0, start - 4) : end + 4]}'",
                "repair",
            )
        )
        text, original = _delete(text, spans), _delete(original, spans)
    pinyin = [m.span() for m in _PINYIN.finditer(text)]
    if pinyin:
        message = f"{len(pinyin)} pinyin readings inserted after characters removed"
        issues.append(ParseIssue(paragraph.line_at(pinyin[0][0]), "pinyin", message, "repair"))
        text, original = _delete(text, pinyin), _delete(original, pinyin)
    for match in _HANGUL.finditer(paragraph.text):  # reported where the source has it
        issues.append(
            ParseIssue(
                paragraph.line_at(match.start()),
                "stray-token",
                f"stray Hangul '{match.group().strip()}' inside Chinese text removed",
            )
        )
    hangul = [match.span() for match in _HANGUL.finditer(text)]
    if hangul:
        text, original = _delete(text, hangul), _delete(original, hangul)
    for match in _LATIN_WORD.finditer(paragraph.text):
        before, after = _around(paragraph.text, *match.span())
        if before and (_is_cjk(before) or before in "，、。") and _is_cjk(after):
            message = f"stray Latin word '{match.group('word')}' inside Chinese text kept as written"
            issues.append(ParseIssue(paragraph.line_at(match.start()), "stray-token", message))
    return text, original


def bracket_depth(text: str) -> int:
    """How many brackets `text` leaves open at its end (a closing bracket with none open is ignored).

    Examples
    --------
    >>> bracket_depth("建设）平台（牵头单位：A"), bracket_depth("（A）")
    (1, 0)
    """
    depth = 0
    for match in BRACKETS.finditer(text):
        if match.group() in OPEN:
            depth += 1
        elif depth:
            depth -= 1
    return depth


def top_level_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each bracketed span of `text` standing outside any other, brackets included.

    Examples
    --------
    >>> top_level_brackets("推进重点(工程)实验室建设（责任单位：市科技局（牵头））")
    [(4, 8), (13, 28)]
    """
    return scan_brackets(text)[0]


def scan_brackets(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """The top-level bracketed spans of `text`, and where a bracket left open at its end opens.

    The spans are those of :func:`top_level_brackets`; the opening is None if every bracket closes.

    Examples
    --------
    >>> scan_brackets("推进(工程)建设（责任单位：市科技局")
    ([(2, 6)], 8)
    """
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for match in BRACKETS.finditer(text):
        if match.group() in OPEN:
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
    return spans, (start if depth else None)


def split_top_level(text: str, separators: str) -> list[str]:
    """Split `text` at `separators` that stand outside any brackets.

    Examples
    --------
    >>> split_top_level("各县（市、区）政府、市科委", "、")
    ['各县（市、区）政府', '市科委']
    """
    return list(_split_top_level(text, separators))


@lru_cache(maxsize=4096)
def _split_top_level(text: str, separators: str) -> tuple[str, ...]:
    parts = []
    depth = start = 0
    for match in _marks(separators).finditer(text):  # brackets and separators only
        char = match.group()
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return tuple(part.strip() for part in parts if part.strip())


@cache
def _marks(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(OPEN + CLOSE + separators)}]")
