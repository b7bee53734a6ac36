"""Reading responsibility statements: who leads, who supports, who implements.

Plans write responsibility in open-ended ways: ``（实施主体：…）`` closing a paragraph,
``（自治区水利厅牵头，自治区发展改革委、环保厅及相关盟市配合）``, ``〔责任单位：A、B按职责分工负责〕``,
``牵头单位：…`` on a line of its own, ``由X副市长负责，A牵头，相关部门配合，…`` opening an item,
``A会同B、C等部门负责落实``, a table cell naming bodies. Every one of them is a *statement* made of
three kinds of evidence, all read from the lexicon (:mod:`hbey_graph.extract.lexicon`):

- **body names by their shape** (:mod:`hbey_graph.extract.bodies`), in lists joined by ``、`` and
  conjunctions, with a level prefix or a government suffix written once for the list;
- **role cues**: labels (``牵头单位：``), verbs closing a list (``配合``), words between two lists
  (``会同``), and conventions stated once (``列第一位的为牵头单位，下同``);
- what is **no body**: officials (``分管副省长``), deadlines (``2019年底前完成``), conventions.

:class:`StatementReader` reads a stretch of text as a statement (:meth:`StatementReader.read`) and
says how surely it is one; :func:`assign_roles` turns the markers of a task's names into roles.
Where statements stand in a plan (brackets, labelled lines, sentences, table cells) is the
parser's business (:mod:`hbey_graph.extract.parser`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from hbey_graph.extract.bodies import (
    BodyRegistry,
    body_registry,
    body_strength,
    level_prefix,
    starts_with_place,
    without_qualifier,
)
from hbey_graph.extract.lexicon import ROLE_VALUES, Lexicon, Marker
from hbey_graph.extract.text import (
    BRACKETS,
    CLOSE,
    ITEM_SYMBOLS,
    OPEN,
    bracket_depth,
    split_top_level,
    top_level_brackets,
)
from hbey_graph.records import Body

__all__ = [
    "RULES",
    "UNMARKED",
    "Marker",
    "NamedBody",
    "Statement",
    "StatementReader",
    "assign_roles",
]

#: Conventions a plan can state for the bodies its markers leave open:
#: ``first_department``: the first department listed leads, city governments implement, the other
#: bodies support (内政发〔2018〕55号: 列为首位的自治区部门为推进牵头部门);
#: ``first_listed``: the first body listed leads, the others support (列第一位为牵头单位).
RULES: tuple[str, ...] = ("first_department", "first_listed")

#: The marker of names that stand under no label and close with no verb: they are responsible.
UNMARKED = Marker("", "field", "responsible", "support")
#: The marker of bodies a standing convention adds to a task (以下均需各县政府落实，不再列出).
STANDING = Marker("standing", "standing", "responsible", "support")

_CLAUSE_SEPARATORS = "，,；;。"
_SPACE = " \t\u3000"
_SPACES = re.compile(f"[{_SPACE}]+")
_EDGES = _SPACE + "，,；;。.、：:"
_CELL_BARS = "|｜"  # the bars a table flattened to text sets between its cells
_LEADING_SYMBOLS = ITEM_SYMBOLS
_SCOPE_FOLLOWING = re.compile(r"下同|以下|后同")
_BARE_LEVEL_WORDS = (  # 各县、市、区 (before 政府), 各市（州）
    r"(?:各|全)?(?:有关|相关)?[省市州盟县区旗乡镇]{1,3}(?:[（(〔][^）)〕]*[）)〕])?(?:、[省市州盟县区旗乡镇]{1,3})*"
)
_GROUP_START = re.compile(r"^(?:各|\d{1,3}个)")  # a group: 各县、市, 13个街道、镇
_BARE_LEVELS = re.compile(f"^{_BARE_LEVEL_WORDS}$")
_LEVEL_OPENING = re.compile(r"^[（(]?[省市州盟县区旗乡镇街]")  # a token opening with a level word
# 各县、市、区政府 is one group; 州、县市政府办公室 two
_QUALIFIER_OPENING = re.compile(r"^[（(][^（()）]*[）)]")  # (市、区) after a level word: its own
_GROUP_OPENING = re.compile(r"[和及与等]?(?:各|全|有关|相关)")
_BARE_LEVELS_AT_END = re.compile(f"(?:^|[和及与等]){_BARE_LEVEL_WORDS}$")
_COLON = re.compile("[:：]")
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff]{4,10}")  # not 2-3 characters: a person's name
_LABEL_LEVEL = "(?:[省市州盟县区旗][直级属]?)?"  # 省直配合单位：the level a label may open with
_INNER_LEVEL = re.compile(r".[省市州盟县区旗]委")  # 团区委: a level of its own inside the name
_HEADED_GROUP = re.compile(r"^.*(?:政府|委|局|厅|办|部)各[^各]+$")  # 省政府各部门: an organ's units
_DEPARTMENT_TYPES = frozenset({"region_department", "party_organ", "department"})
_CARRIED_TO = frozenset({"department", "agency", "collective"})  # collective: 水利部门, not 有关部门
_PLACE_LEVEL = "省市州盟县区旗"
_LEVEL_WORDS = re.compile(f"[{_PLACE_LEVEL}]+")  # 州, 县市: levels without a place


class NamedBody(NamedTuple):
    """A body name read from a statement, with where it stood.

    Attributes
    ----------
    name : str
        The name with shared prefixes and suffixes distributed.
    group : int
        1-based index of its clause (``，``-separated group) among those naming bodies.
    position : int
        1-based position among all names of the statement.
    marker : Marker or None
        What gives the name its role; None where the plan's convention decides (``实施主体``).
    """

    name: str
    group: int
    position: int
    marker: Marker | None = None


@dataclass
class Statement:
    """What :meth:`StatementReader.read` read from a stretch of text.

    Attributes
    ----------
    names : list of NamedBody
        The bodies in order.
    rule : str or None
        The stated convention's text (``列第一位为牵头单位，下同``), if one is stated.
    standing : list of str
        Bodies a standing convention adds to this and every later task.
    officials : list of str
        Officials named (``分管副省长``, ``杨志武副市长``): not bodies.
    deadline : str or None
        A deadline the statement gives (``2019年底前完成``, ``年内持续推进``).
    unread : list of str
        Parts that name no body and are nothing else the reader knows; left out.
    other_fields : list of str
        Labelled parts that are known not to name bodies (``工作要求：…``).
    role_words : int
        How many labels, verbs and words between lists gave names a role.
    weak : int
        How many names only a weak ending or a bare place makes bodies (``中心``, ``包头市``).
    """

    names: list[NamedBody] = field(default_factory=list)
    rule: str | None = None
    standing: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    deadline: str | None = None
    unread: list[str] = field(default_factory=list)
    other_fields: list[str] = field(default_factory=list)
    role_words: int = 0
    weak: int = 0

    @property
    def rule_covers_following(self) -> bool:
        """Whether the stated convention also covers the statements that follow (``下同``)."""
        return bool(self.rule and _SCOPE_FOLLOWING.search(self.rule))

    @property
    def says_something(self) -> bool:
        """Whether it names a body, an official, a deadline, or states a convention."""
        return bool(self.names or self.officials or self.deadline or self.rule or self.standing)


@dataclass
class _Clause:
    """One clause of a field: its names (with markers) and what else it holds."""

    names: list[tuple[str, Marker | None]] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    role_words: int = 0
    weak: int = 0


class _Patterns(NamedTuple):
    """The regular expressions a :class:`StatementReader` makes from its lexicon."""

    label_colon: re.Pattern[str]
    label_at_colon: re.Pattern[str]
    label_semicolon: re.Pattern[str]
    label_stop: re.Pattern[str]
    label_is: re.Pattern[str]
    label_is_clause: re.Pattern[str]
    longest_label: int
    verb_end: re.Pattern[str]
    verb_start: re.Pattern[str]
    verb_comma: re.Pattern[str]
    role_verb: re.Pattern[str]
    infix: re.Pattern[str]
    own_marker: re.Pattern[str]


#: The patterns of each lexicon, made once (a corpus makes a reader per plan).
_PATTERNS: weakref.WeakKeyDictionary[Lexicon, _Patterns] = weakref.WeakKeyDictionary()


def _patterns(lexicon: Lexicon) -> _Patterns:
    """The patterns of `lexicon`'s labels, verbs and infixes, made on first use."""
    if lexicon in _PATTERNS:
        return _PATTERNS[lexicon]
    space = re.escape(_SPACE)
    labels = (
        "|".join(  # a label may be spaced out: 责 任 人
            f"[{space}]?".join(map(re.escape, label))
            for label in sorted(lexicon.labels, key=len, reverse=True)
        )
        or "(?!)"
    )
    verbs = "|".join(map(re.escape, sorted(lexicon.verbs, key=len, reverse=True))) or "(?!)"
    infixes = "|".join(map(re.escape, sorted(lexicon.infixes, key=len, reverse=True))) or "(?!)"
    patterns = _Patterns(
        label_colon=re.compile(rf"{_LABEL_LEVEL}(?P<label>{labels})[{space}]*[:：]"),
        label_at_colon=re.compile(rf"{_LABEL_LEVEL}(?P<label>{labels})[{space}]*[:：]$"),
        label_semicolon=re.compile(rf"^[{space}]*{_LABEL_LEVEL}(?P<label>{labels})[{space}]*[；;]"),
        label_stop=re.compile(rf"(?<![^。；;{space}]){_LABEL_LEVEL}(?P<label>{labels})[{space}]*。"),
        label_is=re.compile(
            rf"^[{space}]*(?P<lead>{lexicon.covered_items}){_LABEL_LEVEL}(?P<label>{labels})"
            rf"(?P<verb>[{space}]*(?:均|都|全部)?为)"
        ),
        label_is_clause=re.compile(
            rf"(?<=[，,；;。])[{space}]*{_LABEL_LEVEL}(?P<label>{labels})(?P<verb>[{space}]*(?:均|都|全部)?为)"
        ),
        longest_label=max(map(len, lexicon.labels), default=0) * 2 + 4,  # spaced out, with a level
        verb_end=re.compile(rf"(?:{verbs})$"),
        verb_start=re.compile(rf"^(?:{verbs})"),
        verb_comma=re.compile(rf"(?:{verbs})、"),
        role_verb=re.compile(verbs),
        infix=re.compile(infixes),
        own_marker=re.compile(
            rf"^(?P<name>.+?)[{re.escape(OPEN)}][{space}]*(?P<verb>{verbs})[{space}]*[{re.escape(CLOSE)}]$"
        ),
    )
    _PATTERNS[lexicon] = patterns
    return patterns


class StatementReader:
    """Reads statements of responsibility with one lexicon and one body registry.

    Parameters
    ----------
    lexicon : Lexicon, optional
        The shipped lexicon by default.
    registry : BodyRegistry, optional
        Known bodies; the shipped reference table by default.

    Examples
    --------
    >>> reader = StatementReader()
    >>> s = reader.read("自治区水利厅牵头，自治区发展改革委、环保厅及相关盟市配合")
    >>> [(n.name, n.group, n.marker.role) for n in s.names]  # doctest: +NORMALIZE_WHITESPACE
    [('自治区水利厅', 1, 'lead'), ('自治区发展改革委', 2, 'support'), ('自治区环保厅', 2, 'support'),
     ('相关盟市', 2, 'support')]
    >>> s = reader.read("由杨志武副市长负责，市发改委牵头，相关部门配合")
    >>> [n.name for n in s.names], s.officials
    (['市发改委', '相关部门'], ['杨志武副市长'])
    >>> s = reader.read("牵头单位：市科委；配合单位：各区县市；完成时限：2019年底")
    >>> [(n.name, n.marker.role) for n in s.names], s.deadline
    ([('市科委', 'lead'), ('各区县市', 'support')], '2019年底')
    """

    def __init__(self, lexicon: Lexicon | None = None, registry: BodyRegistry | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()
        self.registry = registry or body_registry(None if lexicon is None else lexicon)
        patterns = _patterns(self.lexicon)
        #: A label and its colon (callers check what stands before it).
        self.label_colon = patterns.label_colon
        self._label_at_colon = patterns.label_at_colon
        self._label_semicolon = patterns.label_semicolon
        self._label_stop = patterns.label_stop
        self._label_is = patterns.label_is
        self._label_is_clause = patterns.label_is_clause
        self._longest_label = patterns.longest_label
        self._verb_end = patterns.verb_end
        self._verb_start = patterns.verb_start
        self._verb_comma = patterns.verb_comma
        self._role_verb = patterns.role_verb
        self._infix = patterns.infix
        self._own_marker = patterns.own_marker
        self._memo: dict[tuple[str, str | None], Statement] = {}

    # --- public ----------------------------------------------------------------------------------

    def read(self, text: str, *, label: str | None = None) -> Statement:
        """Read `text` as a statement of responsibility.

        Parameters
        ----------
        text : str
            The statement, without its brackets: fields opening with labels (``牵头单位：…``), or
            clauses (``，``-separated) of names closing with verbs, officials, deadlines and
            conventions.
        label : str, optional
            The label the text stands under when it does not open with one itself (``实施主体``).

        Returns
        -------
        Statement
            Read as far as it can be; the caller decides from it whether the text was a statement.
        """
        key = (text, label)
        statement = self._memo.get(key)
        if statement is None:
            # 县工信商务局，、农业农村局: a comma doubled before the list's mark by a copy is no break
            statement = self._memo[key] = self._read(text.replace("，、", "、"), label)
        return _copy(statement)

    def labels_in(self, text: str) -> Iterator[re.Match[str]]:
        """The labels of `text`, each with its colon, in order: found at the colons (few), not by a scan."""
        for colon in _COLON.finditer(text):
            match = self._label_at_colon.search(
                text, max(0, colon.start() - self._longest_label), colon.end()
            )
            if match is not None:
                yield match

    def with_label_colon(self, text: str) -> str:
        """`text` with a semicolon written for the colon after its opening label made a colon.

        Examples
        --------
        >>> from hbey_graph.extract.lexicon import Lexicon
        >>> StatementReader(Lexicon.default()).with_label_colon("责任单位；住建局、畜牧局")
        '责任单位：住建局、畜牧局'
        """
        match = self._label_semicolon.match(text)
        if match is None:
            return text
        return text[: match.end() - 1] + "：" + text[match.end() :]

    def with_label_stops(self, text: str) -> str:
        """`text` with the full stop after a label that is a sentence of its own made a colon.

        A label closed by a full stop is read as one closed by a colon where names, or the label's
        deadline, follow it: ``责任主体。市编办、市法制办。``.

        Examples
        --------
        >>> from hbey_graph.extract.lexicon import Lexicon
        >>> reader = StatementReader(Lexicon.default())
        >>> reader.with_label_stops("激发活力。责任主体。市工商质监局。执行对象。个体工商户。")
        '激发活力。责任主体：市工商质监局。执行对象。个体工商户。'
        >>> reader.with_label_stops("明确责任单位。加强督查。")
        '明确责任单位。加强督查。'
        """
        changed = text
        for match in self._label_stop.finditer(text):
            role = self.lexicon.labels[self.label_of(match)].role
            following = text[match.end() :].split("。", 1)[0]
            if role == "deadline" or (role in ROLE_VALUES and self.names_of(following) is not None):
                changed = changed[: match.end() - 1] + "：" + changed[match.end() :]
        return changed

    def with_label_is(self, text: str) -> str:
        """`text` with a sentence or clause saying whose the items before it are written as a label and colon.

        ``4项目标的责任单位均为市发展改革委。`` reads as ``责任单位：市发展改革委。`` (the words before
        the label become spaces, so the text keeps its length); so does a clause after a task's text
        that names its bodies so (``增长8%，责任单位为区经信局；``).

        Examples
        --------
        >>> from hbey_graph.extract.lexicon import Lexicon
        >>> reader = StatementReader(Lexicon.default())
        >>> reader.with_label_is("该目标责任单位为市经委。")
        '   责任单位：市经委。'
        >>> reader.with_label_is("明确责任单位为市经委的职责。")
        '明确责任单位为市经委的职责。'
        >>> reader.with_label_is("增长8%，责任单位为区经信局；")
        '增长8%，责任单位：区经信局；'
        """
        match = self._label_is.match(text)
        if match is not None:
            spaces = " " * match.end("lead")
            label = text[match.end("lead") : match.end("label")]
            return f"{spaces}{label}{' ' * (len(match.group('verb')) - 1)}：{text[match.end() :]}"
        changed = text
        for match in self._label_is_clause.finditer(text):  # …（依据…），责任单位为区发改委；
            following = re.split("[，,；;。]", text[match.end() :], maxsplit=1)[0]
            if self.lexicon.labels[self.label_of(match)].role in ROLE_VALUES and self.names_of(following):
                verb = match.start("verb")
                changed = (
                    changed[:verb] + " " * (len(match.group("verb")) - 1) + "：" + changed[match.end() :]
                )
        return changed

    def leading_label(self, text: str) -> re.Match[str] | None:
        """The first label opening `text`, or one of its sentences, or a stretch after spaces."""
        for match in self.labels_in(text):
            if self.lexicon.labels[self.label_of(match)].role not in (
                "lead",
                "support",
                "responsible",
                "implementer",
                "by_rule",
                "official",
                "deadline",
            ):
                continue
            before = text[: match.start()]
            if bracket_depth(before):
                continue  # inside brackets: part of a bracketed statement
            stripped = before.rstrip(_SPACE)
            if (
                not stripped
                or stripped[-1] in "。；;"
                or before != stripped
                or self._names_follow(text, match)
            ):
                return match
        return None

    def _names_follow(self, text: str, match: re.Match[str]) -> bool:
        """Whether a label of bodies run on after words is followed by names.

        ``…实施意见责任单位：县文体局责任人：…``: the label opens a statement though no stop precedes it.
        """
        if self.lexicon.labels[self.label_of(match)].role not in ROLE_VALUES:
            return False
        rest = text[match.end() :]
        following = next(self.labels_in(rest), None)
        first = split_top_level(rest[: following.start() if following else len(rest)], _CLAUSE_SEPARATORS)
        return bool(first) and all(self.names_of(part, strict=True) for part in first[:1])

    @staticmethod
    def label_of(match: re.Match[str]) -> str:
        """The label a :attr:`label_colon` match found, as the lexicon writes it (no spaces)."""
        return re.sub(f"[{_SPACE}]", "", match.group("label"))

    def verb_at_end(self, text: str) -> Marker | None:
        """The verb closing `text` (the longest), or None."""
        match = self._verb_end.search(text)
        return self.lexicon.verbs[match.group()] if match else None

    def verb_at_start(self, text: str) -> Marker | None:
        """The verb opening `text` (the longest), or None."""
        match = self._verb_start.match(text)
        return self.lexicon.verbs[match.group()] if match else None

    def names_of(self, text: str, *, strict: bool = True) -> list[str] | None:
        """The bodies a plain list names (``A、B，C``), or None if any part of it is no body.

        With `strict`, every name must be surely a body (a known body, a strong ending, a group),
        or have a weak ending in a list with such a name (``市国土局、地环监测站``); otherwise weak
        endings and bare places count too.
        """
        names: list[str] = []
        for clause in split_top_level(text, _CLAUSE_SEPARATORS):
            found = self._list(clause)
            if not found:
                return None
            strengths = [body_strength(name, self.lexicon, self.registry) for name in found]
            unsure = ("place",) if _vouched(strengths) else ("weak", "place")
            if None in strengths or (strict and any(strength in unsure for strength in strengths)):
                return None
            names.extend(found)
        return names or None

    # --- reading ---------------------------------------------------------------------------------

    def _read(self, text: str, label: str | None) -> Statement:
        statement = Statement()
        text, standing, rules = self._conventions_in_brackets(text)
        text = self._clauses_in_brackets(text)
        statement.standing.extend(standing)
        rule_parts = list(rules)
        carried: list[str | None] = [None]  # the level prefix written once for the names that follow
        group = 0
        for marker, field_text, field_label in self._fields(text, label):
            if field_label is not None and marker is None:
                self._other_field(statement, field_label, field_text, carried)
                continue
            if marker is not None and marker.role == "official":
                statement.officials.extend(self._officials(field_text))
                continue
            if marker is not None and marker.role == "deadline":
                statement.deadline = statement.deadline or field_text.strip(_EDGES)
                if statement.deadline:
                    statement.role_words += 1
                continue
            field_text, standing = self._standing(field_text)
            statement.standing.extend(standing)
            clauses = self._clauses(field_text)
            markers = self._clause_markers(clauses, marker)
            in_rule = False
            for clause, clause_marker in zip(clauses, markers, strict=True):
                if self._is_rule(clause, in_rule):
                    rule_parts.append(clause)
                    in_rule = True
                    continue
                in_rule = False
                if self.lexicon.is_deadline(clause):
                    statement.deadline = statement.deadline or clause
                    continue
                carried[0] = None  # a level prefix is written once for the names of one clause
                read = self._clause(clause, clause_marker, carried, after_names=bool(statement.names))
                if field_label is not None and read.names:
                    read.role_words += 1
                statement.officials.extend(read.officials)
                statement.unread.extend(read.unread)
                statement.role_words += read.role_words
                statement.weak += read.weak
                if read.names:
                    group += 1
                    for name, name_marker in read.names:
                        statement.names.append(NamedBody(name, group, len(statement.names) + 1, name_marker))
        if rule_parts:
            statement.rule = "，".join(rule_parts)
        statement.standing = self._standing_names(statement.standing, carried)
        return statement

    def _clauses(self, text: str) -> list[str]:
        """The clauses of a field: cut at ``，；。``, and after a verb a ``、`` follows.

        ``A和B分别牵头、C`` is two clauses: ``A和B分别牵头`` and ``C``.
        """
        clauses: list[str] = []
        for clause in split_top_level(text, _CLAUSE_SEPARATORS):
            start = 0
            for match in self._verb_comma.finditer(clause) if "、" in clause else ():
                clauses.append(clause[start : match.end() - 1])
                start = match.end()
            clauses.append(clause[start:])
        return [clause for clause in clauses if clause]

    def _fields(self, text: str, label: str | None) -> list[tuple[Marker | None, str, str | None]]:
        """Cut `text` at its labels: (marker, text, label); the marker is None for a field of no role."""
        fields: list[tuple[str | None, str]] = []
        position, current = 0, label
        if "：" in text or ":" in text:
            for match in self.labels_in(text):
                before = text[: match.start()]
                if match.start() and before[-1] not in "，,。；;、" + _SPACE and current is None:
                    continue  # after a label's field, labels may run on: 县文体局责任人：…
                fields.append((current, text[position : match.start()]))
                position, current = match.end(), self.label_of(match)
        fields.append((current, text[position:]))
        result = []
        for field_label, field_text in fields:
            field_text = field_text.strip(_EDGES + _CELL_BARS)  # 责任单位: | A、B |: a row between bars
            if not field_text:
                continue
            if field_label is None:
                result.append((UNMARKED, field_text, None))
                continue
            marker = self.lexicon.labels.get(field_label)
            if marker is None or marker.role in ("text", "none", "number"):
                result.append((None, field_text, field_label))
            else:
                result.append((marker, field_text, field_label))
        return result

    def _other_field(self, statement: Statement, label: str, text: str, carried: list[str | None]) -> None:
        """A labelled part of no role; a clause in it may still name a lead (工作要求：由市发改委牵头)."""
        statement.other_fields.append(f"{label}：{text}")
        for clause in split_top_level(text, _CLAUSE_SEPARATORS):
            if not clause.startswith(self.lexicon.opening_agents):
                continue
            read = self._clause(clause, UNMARKED, carried)
            if read.names and read.role_words and not read.unread:
                statement.role_words += read.role_words
                group = (statement.names[-1].group if statement.names else 0) + 1
                for name, marker in read.names:
                    statement.names.append(NamedBody(name, group, len(statement.names) + 1, marker))

    def _is_rule(self, clause: str, in_rule: bool) -> bool:
        if self.lexicon.convention_rule(clause) is not None:
            return True
        return (in_rule and self.lexicon.continues_rule(clause)) or bool(
            re.fullmatch(r"下同|以下同|后同", clause)
        )

    def _clause_markers(self, clauses: list[str], marker: Marker | None) -> list[Marker | None]:
        """The marker each clause stands under: without a label, a verb covers the clauses before it.

        ``A、B，C人民政府负责``: A and B are responsible too. Under a label the label covers the
        clauses without a verb of their own; under ``实施主体`` (by rule) the marker is None.
        """
        if marker is not UNMARKED:
            return [None if marker is not None and marker.role == "by_rule" else marker] * len(clauses)
        markers: list[Marker | None] = []
        following: Marker | None = UNMARKED
        for clause in reversed(clauses):
            verb = self.verb_at_end(self._without_agent(clause.strip(_SPACE)))
            if verb is not None and not self.lexicon.is_deadline(clause) and not self._is_rule(clause, True):
                markers.append(verb)
                # A、B，C负责: the verb covers the clauses before it; A，B配合: A is who B supports
                following = UNMARKED if verb.role == "support" else verb
                continue
            markers.append(following)
        return markers[::-1]

    def _without_agent(self, text: str) -> str:
        for agent in self.lexicon.opening_agents:
            if text.startswith(agent) and len(text) > len(agent):
                return text[len(agent) :]
        return text

    def _clause(
        self, clause: str, marker: Marker | None, carried: list[str | None], *, after_names: bool = False
    ) -> _Clause:
        """Read one clause: names closing with a verb, two lists around a word like 会同, officials.

        After a clause that named bodies, a clause may go on past its verb of support to say what
        the support is (``A负责，B配合提供数据``).
        """
        read = _Clause()
        stripped = clause.strip(_SPACE + _LEADING_SYMBOLS)
        text = self._without_agent(stripped)
        own = self.verb_at_end(text)
        if own is None and after_names:
            text, own = self._verb_with_detail(text)
        if own is not None and len(own.text) < len(text):
            text = text[: -len(own.text)].rstrip(_SPACE)
            marker = own
            read.role_words += 1
        opening = self._infix.match(text)  # 由A牵头，会同B、C落实: the clause's names are the infix's right
        if opening is not None and self.names_of(text[opening.end() :], strict=False):
            read.role_words += 1
            self._add_names(read, text[opening.end() :], self.lexicon.infixes[opening.group()][1], carried)
            return read
        infix = self._split_infix(text)
        if infix is not None:
            (left, left_marker), (right, right_marker) = infix
            read.role_words += 1
            self._add_names(read, left, left_marker, carried)
            self._add_names(read, right, right_marker, carried)
            return read
        if own is None and "等" in text and not self.names_of(text, strict=False):
            cut = self._cut_at_tail(text)  # A、B等部门研究提出落实意见: the list ends at its tail
            if cut is not None:
                text = cut
        self._add_names(read, text, marker, carried)
        if own is not None and not stripped.startswith(text) and not read.unread:
            read.weak = 0  # 由政府调研室（体改办）牵头: who acts and the verb make the names bodies
        return read

    def _verb_with_detail(self, text: str) -> tuple[str, Marker | None]:
        """The clause up to its role verb, and the verb, when words follow the verb.

        ``市税务局配合提供数据``: names, a verb of support, then what the support is; ``省财政厅负责落实
        专项资金``: names, a verb, then their part of the work. The text and None when it is not
        such a clause.
        """
        if self.names_of(text, strict=False):
            return text, None  # 省委组织部: a name, though 组织 is a verb
        for match in self._role_verb.finditer(text):
            names = text[: match.start()]
            if match.end() < len(text) and names and self.names_of(names, strict=True):
                return text[: match.end()], self.lexicon.verbs[match.group()]
        return text, None

    def _split_infix(self, text: str) -> tuple[tuple[str, Marker], tuple[str, Marker]] | None:
        """Split ``A会同B、C等部门`` into the two lists and their markers, if both name bodies."""
        for match in self._infix.finditer(text):
            left, right = text[: match.start()], text[match.end() :]
            if not left or not right:
                continue
            verb = self.verb_at_end(right)
            if verb is not None:
                right = right[: -len(verb.text)]
            elif "等" in right:
                right = self._cut_at_tail(right) or right
            if self.names_of(left, strict=False) and self.names_of(right, strict=False):
                left_marker, right_marker = self.lexicon.infixes[match.group()]
                return (left, left_marker), (right, right_marker)
        return None

    def _cut_at_tail(self, text: str) -> str | None:
        """The list before its open tail (``等部门``), when words follow the tail; else None."""
        for match in reversed(list(re.finditer("等", text))):
            head = text[: match.start()]
            if head and self.names_of(head, strict=False):
                return head
        return None

    def _add_names(self, read: _Clause, text: str, marker: Marker | None, carried: list[str | None]) -> None:
        names = self._list_with_markers(text, marker)
        persons = self._persons_before_title([name for name, _ in names])
        strengths = [body_strength(name, self.lexicon, self.registry) for name, _ in names]
        vouched = _vouched(strengths)
        for index, (name, own) in enumerate(names):
            if index in persons or self.lexicon.official_titles.search(name):
                read.officials.append(name)
                continue
            strength = strengths[index]
            if (
                strength is None
                and own is not None
                and own.kind == "field"
                and own.text
                and (self._plain(name) or (len(name) > 2 and name in self.lexicon.ending_kinds))
            ):  # under a label a short plain name is a body whatever its ending (汉江国投), and so is a
                # bare office of the body dividing its work (办公厅, 办公室)
                strength = "weak"
            if strength is None:
                read.unread.append(name)
                continue
            name = self._carry_prefix(name, strength, carried)
            if strength == "place" or (strength == "weak" and not vouched):
                read.weak += 1
            read.names.append((name, own))

    def _persons_before_title(self, names: list[str]) -> set[int]:
        """The names before a title that the title covers too (``鲁国会、郑忠安副厅长``: two officials).

        Short names that a body's ending does not make sure of, right before a name with a title.
        """
        if not names or not self.lexicon.official_titles.search(names[-1]):
            return set()
        persons: set[int] = set()
        for index in range(len(names) - 2, -1, -1):
            name = names[index]
            if not _PERSON_NAME.fullmatch(name) or body_strength(name, self.lexicon, self.registry) not in (
                None,
                "weak",
            ):
                break
            persons.add(index)
        return persons

    def _plain(self, name: str) -> bool:
        """A short run of Chinese characters that says nothing but a name (no verb, date or rule)."""
        return (
            bool(_PLAIN_NAME.fullmatch(name))
            and not self.lexicon.not_in_body.search(name)
            and not self.lexicon.is_deadline(name)
            and self.lexicon.convention_rule(name) is None
            and not self.lexicon.continues_rule(name)
        )

    def _officials(self, text: str) -> list[str]:
        return [part for part in split_top_level(text, _CLAUSE_SEPARATORS + "、") if part.strip(_EDGES)]

    # --- lists of names --------------------------------------------------------------------------

    def _list_with_markers(self, text: str, marker: Marker | None) -> list[tuple[str, Marker | None]]:
        """The names of a list, each with its marker: ``市大数据局（牵头）`` carries its own."""
        result = []
        for name in self._list(text):
            own = self._own_marker.match(name)
            if own is not None:
                result.append((own.group("name").strip(), self.lexicon.verbs[own.group("verb")]))
            else:
                result.append((name, marker))
        return result

    def _list(self, text: str) -> list[str]:
        """Split a list of names and distribute a shared suffix (``包头市、榆林市人民政府``)."""
        return list(_split_list(text.strip(_SPACE + _LEADING_SYMBOLS), self.lexicon, self.registry))

    def _carry_prefix(self, name: str, strength: str, carried: list[str | None]) -> str:
        """Give `name` the level prefix a list wrote once for its names (``省发展改革委、财政厅``).

        A name carries its prefix on when it is a department's name with nothing of a place in its
        core (``省发展改革委``, not ``区新虹桥生态商务区办公室``). The prefix goes to the names after it
        that are departments' or agencies' names without a prefix, a place or a level word of their
        own (``财政厅``, ``税务局``; not ``哈尔滨铁路局``, ``省直有关部门``, ``人行郑州中心支行``).
        """
        lexicon = self.lexicon
        own = level_prefix(name, lexicon)
        if own is not None:
            core = name[len(own) :]
            if (
                own in lexicon.carried_prefixes
                and not _SUFFIXED.search(name)
                and not _PLACE_WORD.search(core)
            ):
                carried[0] = own
            return name
        prefix = carried[0]
        if prefix is None or strength == "place":
            return name
        if self.registry.knows(prefix + name):
            return prefix + name
        if strength == "known" or _LEVEL_MODIFIER.match(name) or _INNER_LEVEL.search(name):
            return name
        if starts_with_place(name, lexicon) or self._opens_with_place(name):
            return name
        if lexicon.collective.search(name):
            return name
        agency = lexicon.agency.search(name)
        if agency is not None and agency.group() != name:
            return name  # an agency named with its seat: 人行郑州中心支行, 民航西南地区管理局
        core = without_qualifier(name) or name  # 规划局（市国土资源局）: the name before its qualifier
        if _ending_kind(core, lexicon) not in _CARRIED_TO:
            return name
        ending = lexicon.ending_pattern.search(core)
        if ending is not None and ending.group() in lexicon.government_endings:
            prefix = lexicon.level_of(prefix)  # 省委组织部、民政厅: the province's 民政厅
        return prefix + name

    def _opens_with_place(self, name: str) -> bool:
        """Whether `name` opens with the name of a district or county, not a zone (``雁山区科技局``)."""
        match = _OPENING_PLACE.match(name)
        return match is not None and not any(
            match.group().endswith(ending) for ending, kind, _ in self.lexicon.endings if kind == "zone"
        )

    def _standing(self, text: str) -> tuple[str, list[str]]:
        """`text` without its standing conventions, and the bodies they name."""
        bodies: list[str] = []
        for pattern in self.lexicon.standing:
            match = pattern.search(text)
            if match is not None:
                bodies.append(match.group("bodies"))
                text = (text[: match.start()] + text[match.end() :]).strip(_EDGES)
        return text, bodies

    def _standing_names(self, texts: list[str], carried: list[str | None]) -> list[str]:
        names: list[str] = []
        for text in texts:
            for name, _ in self._list_with_markers(text, None):
                strength = body_strength(name, self.lexicon, self.registry)
                if strength is not None and name not in names:
                    names.append(self._carry_prefix(name, strength, carried))
        return names

    def _clauses_in_brackets(self, text: str) -> str:
        """`text` with a bracket after a name that names other bodies and their role made a clause.

        ``市科技局（市税务局配合提供数据）`` is ``市科技局；市税务局配合提供数据``; a bracket that
        only qualifies the name (``规划局（市国土资源局）``, ``各县（市、区）``) stays.
        """
        if not BRACKETS.search(text):
            return text
        for start, end in reversed(top_level_brackets(text)):
            inner = text[start + 1 : end - 1].strip(_EDGES)
            if start == 0 or not inner:
                continue
            read = self._clause(inner, None, [None], after_names=True)
            if read.names and read.role_words and not read.unread:
                text = text[:start] + "；" + inner + text[end:]
        return text

    def _conventions_in_brackets(self, text: str) -> tuple[str, list[str], list[str]]:
        """Take out brackets that hold a convention (``工商联（列第一位者为牵头单位，下同）``)."""
        if not BRACKETS.search(text):
            return text, [], []
        standing: list[str] = []
        rules: list[str] = []
        for start, end in reversed(top_level_brackets(text)):
            inner = text[start + 1 : end - 1]
            _, found = self._standing(inner)
            rule = self.lexicon.convention_rule(inner)
            if not found and rule is None:
                continue
            standing.extend(found)
            if rule is not None:
                rules.insert(0, inner.strip(_EDGES))
            text = text[:start] + text[end:]
        return text, standing, rules


_SUFFIXED = re.compile(r"(人民政府|政府|行政公署|管委会)$")
_PLACE_WORD = re.compile(
    r"[\u4e00-\u9fff]{2,}[省市州盟县区旗]"
)  # a place or zone inside a name: 新虹桥生态商务区
#: A group of an organ's units (县政府有关部门), whose organ a bare group after it shares (有关直属单位)
_ORGAN_GROUP = re.compile(r"^(?P<organ>.+?(?:政府|委|局|厅|办|部))(?:有关|相关)[^有相各]+$")
_BARE_GROUP = re.compile(r"^(?:有关|相关)[^、]+$")
_FIELD_OF_WORK = re.compile(r"[\u4e00-\u9fff]{2,6}")  # 公安, 发展改革: a department's field alone
_GROUP_WORD = re.compile(r"^(?:各|有关|相关|其他|其它|其余)")  # 有关部门: a group, not a field's department
_GROUP_WORDS = re.compile(r"^.*?(?:各有关|各相关|各|有关|相关|其他|其它|其余)")  # 市直有关部门: 市直有关
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")  # 郑忠安: a person's name, before a title in a list
_OPENING_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}?[区县旗](?=[\u4e00-\u9fff]{2})")  # 雁山区 of 雁山区科技局
_LEVEL_MODIFIER = re.compile(r"^[省市州盟县区旗][（(]?[中直级属]")  # 省直机关事务管理局, 市级各有关部门


def _ending_kind(name: str, lexicon: Lexicon) -> str | None:
    match = lexicon.ending_pattern.search(name)
    return lexicon.ending_kinds.get(match.group()) if match is not None else None


def _copy(statement: Statement) -> Statement:
    return Statement(
        list(statement.names),
        statement.rule,
        list(statement.standing),
        list(statement.officials),
        statement.deadline,
        list(statement.unread),
        list(statement.other_fields),
        statement.role_words,
        statement.weak,
    )


@lru_cache(maxsize=16384)
def _split_list(text: str, lexicon: Lexicon, registry: BodyRegistry) -> tuple[str, ...]:
    """The names of a list (``、``, conjunctions, spaces), groups kept whole, a shared suffix distributed."""
    tokens = _merge_groups(split_top_level(text, "、"), lexicon)
    names: list[str] = []
    for token in tokens:
        for part in _split_spaces(token, lexicon, registry):
            for joined in _split_conjunctions(part, lexicon, registry):
                for name in _split_glued(joined, lexicon, registry):
                    name = _without_tail(name, lexicon)
                    if name:
                        names.append(name)
    return tuple(_distribute_suffix(names, lexicon))


def _merge_groups(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """Join the parts of a group the ``、`` split: ``各县、市、区政府``, ``省政府各部门、各直属机构``.

    A token that ends with bare level words of a group (``各县``, ``…和各市``, ``各有关区``) goes on
    in the next one, unless that opens a group of its own (``各区县市、各园区``); so does a token of
    the form ``X各Y`` followed by ``各Z`` (``省政府各部门、各直属机构``), and a group followed by bare
    level words or a bare kind of body its ``各`` covers too (``各开发区、镇（街道）``,
    ``各乡镇人民政府、街道办事处``, ``13个街道、镇``).
    """
    merged: list[str] = []
    for token in tokens:
        previous = _SPACES.sub("", merged[-1]) if merged else ""  # 各市 (地) : spaces of a PDF's text
        token = token.strip(_SPACE) if merged else token
        bare = _SPACES.sub("", token)
        opens_group = bare.startswith(("各", "全"))
        levels = _BARE_LEVELS_AT_END.search(previous)
        if (
            merged
            and (
                (
                    levels is not None
                    and _GROUP_OPENING.match(levels.group())
                    and not opens_group
                    and (_LEVEL_OPENING.match(bare) or not _is_bare_place(bare, lexicon))
                    and _ending_kind(bare, lexicon) not in ("department", "zone")
                )  # 各县、市、区政府, 各市（州）、贵安新区数据管理部门; not 各县、雁山区, 各乡镇、区总工会
                or (_GROUP_START.match(previous) and _BARE_LEVELS.match(bare) and not opens_group)
                or (
                    _GROUP_START.match(previous)
                    and bare in lexicon.ending_kinds
                    and lexicon.ending_kinds[bare] != "zone"
                )  # 各乡镇、街道办事处; not 各镇（办）、经开区: the zone a district has, named short
                or (opens_group and _HEADED_GROUP.match(previous) and not previous.startswith("各"))
                or (
                    _GROUP_START.match(previous)
                    and _ending_kind(previous, lexicon) == "government"
                    and _ending_kind(bare, lexicon) == "government"
                    and _BARE_LEVELS.match(bare[: lexicon.ending_pattern.search(bare).start()])  # type: ignore[union-attr]
                )  # 各盟行政公署、市人民政府: the 各 goes on to the cities' governments
            )
        ):
            merged[-1] = f"{merged[-1]}、{token}"
        else:
            merged.append(token)
    return merged


def _split_spaces(token: str, lexicon: Lexicon, registry: BodyRegistry) -> list[str]:
    """Split a token at spaces between two names; join the pieces of a name a space broke (``市 财政局``)."""
    pieces = token.split()
    if len(pieces) < 2:
        return [token.strip()] if token.strip() else []
    names: list[str] = []
    current = ""
    for index, piece in enumerate(pieces):
        current += piece
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if following is not None and (
            (
                _is_name(current, lexicon, registry)
                and (
                    _is_name(following, lexicon, registry)
                    or not _is_name(current + following, lexicon, registry)
                )
            )  # 市民政局 伍泽国: a name, then a person's name
            or (
                _is_weak_name(current, lexicon, registry)
                and _is_weak_name(following, lexicon, registry)
                and not _is_name(current + following, lexicon, registry)
            )  # 安监站 安监所: two offices a weak ending makes bodies (but 开发区 管委会 is one)
        ):
            names.append(current)
            current = ""
    if current:
        names.append(current)
    return names


def _split_glued(name: str, lexicon: Lexicon, registry: BodyRegistry) -> list[str]:
    """Split two full names written with nothing between them: ``区财政局区税务局``.

    The first ends with a body's ending and the second opens with a level prefix; both name a body
    surely, and the first has more than its level and a one-character ending, so a joint office
    such as ``县委县政府督查室`` (``县委`` is level and ending only) stays whole.

    Examples
    --------
    >>> from hbey_graph.extract.lexicon import Lexicon
    >>> from hbey_graph.extract.bodies import body_registry
    >>> lexicon = Lexicon.default()
    >>> [_split_glued(n, lexicon, body_registry()) for n in ("区财政局区税务局", "县委县政府督查室")]
    [['区财政局', '区税务局'], ['县委县政府督查室']]
    """
    if registry.knows(name):
        return [name]
    for position in range(2, len(name) - 1):
        left, right = name[:position], name[position:]
        prefix = level_prefix(right, lexicon)
        ending = lexicon.ending_pattern.search(left)
        if (
            prefix is None
            or ending is None
            or len(_without_level(left, lexicon)) - len(ending.group()) < 1
            or lexicon.collective.search(left)  # 各乡镇政府: a group, not 各乡 and 镇政府
            or not _is_name(left, lexicon, registry)
        ):
            continue
        rest = _split_glued(right, lexicon, registry)
        if all(_is_name(part, lexicon, registry) for part in rest):
            return [left, *rest]
    return [name]


def _is_name(text: str, lexicon: Lexicon, registry: BodyRegistry) -> bool:
    return body_strength(text, lexicon, registry) in ("known", "strong")


def _vouched(strengths: list[str | None]) -> bool:
    """Whether a list names a body surely, so a weak ending beside it names one too.

    ``市国土局、地环监测站负责``: 监测站 alone may be a place's facility; listed with 市国土局 it is
    a body.
    """
    return any(strength in ("known", "strong") for strength in strengths)


def _is_weak_name(text: str, lexicon: Lexicon, registry: BodyRegistry) -> bool:
    return body_strength(text, lexicon, registry) in ("known", "strong", "weak")


def _split_conjunctions(name: str, lexicon: Lexicon, registry: BodyRegistry) -> list[str]:
    """Split ``环保厅及相关盟市`` at a conjunction when both sides name bodies.

    ``文化和旅游厅`` stays whole (``文化`` names no body), and so do ``各县党委和人民政府``: a bare
    ending after the conjunction shares the place before it.
    """
    if registry.knows(name) or lexicon.conjunctions.search(name) is None:
        return [name]
    for match in lexicon.conjunctions.finditer(name):
        left, right = name[: match.start()], name[match.end() :]
        if not left or not right or lexicon.ending_pattern.fullmatch(right):
            continue
        left_name = _without_tail(left, lexicon)
        left_strength = body_strength(left_name, lexicon, registry)
        if left_strength is None or (
            left_strength == "place" and body_strength(right, lexicon, registry) not in ("known", "strong")
        ):
            continue
        rest = _split_conjunctions(right, lexicon, registry)
        if all(body_strength(_without_tail(p, lexicon), lexicon, registry) not in (None,) for p in rest):
            return [left, *rest]
    return [name]


def _without_tail(name: str, lexicon: Lexicon) -> str:
    """`name` without an open tail (``等``, ``等有关部门``, a count: ``市农业局四部门``).

    A field of work before the tail keeps the kind of body the tail names (``扶贫开发等部门``:
    ``扶贫开发部门``), which the fields before it in the list then share.
    """
    match = lexicon.tail.search(name)
    if match is None or match.start() == 0:
        return name
    kept = name[: match.start()]
    ending = lexicon.ending_pattern.search(match.group())
    if (
        ending is not None
        and ending.end() == len(match.group())
        and lexicon.ending_kinds.get(ending.group()) == "collective"
        and _is_field_of_work(kept, lexicon)
    ):
        return kept + ending.group()
    return kept


def _distribute_suffix(names: list[str], lexicon: Lexicon) -> list[str]:
    """Give bare places before a name the rest of that name: ``长春、吉林、延吉市政府``.

    A name that is a place and the rest of a name (``延吉市`` + ``政府``) lends that rest to the bare
    places right before it (``长春``, ``吉林``, ``包头市``), with its level word if they lack it; a
    name opening with level words lends what follows them to bare level words before it
    (``州、县市政府办公室``: ``州政府办公室``). A zone's name is not lent (``西秀区、安顺经开区``).
    A bare kind of body after a group shares its group word and what opens it (``有关部门、单位``:
    ``有关单位``; ``市直有关部门、单位``: ``市直有关单位``).
    """
    result = list(names)
    for index, name in enumerate(names):
        ending = lexicon.ending_pattern.search(name)
        group = _GROUP_WORDS.match(result[index - 1]) if index > 0 else None
        if group is not None and lexicon.ending_kinds.get(name) == "collective":
            result[index] = group.group() + name  # 有关部门、单位: 有关单位; 市直有关部门、单位: 市直有关单位
            continue
        if (
            index > 0
            and ending is not None
            and lexicon.ending_kinds.get(ending.group()) == "collective"
            and not _GROUP_WORD.match(name)
        ):  # 公安、交通部门: 公安部门, 交通部门
            before = index - 1
            while before >= 0 and _is_field_of_work(names[before], lexicon):
                result[before] = names[before] + ending.group()
                before -= 1
        core = without_qualifier(name) or name
        office = lexicon.ending_pattern.search(core)
        if (
            index > 0
            and office is not None
            and lexicon.ending_kinds.get(office.group()) == "department"
            and _FIELD_OF_WORK.fullmatch(core[: office.start()])
            and _is_field_of_work(_without_level(names[index - 1], lexicon), lexicon)
        ):  # 市财政、民政、物价局: 市财政局, 民政局, 物价局 (the prefix is carried later)
            run = index
            while run > 0 and _is_field_of_work(_without_level(names[run - 1], lexicon), lexicon):
                run -= 1
            if run == 0:  # the fields open the list (not 总部办、五金城、科技局: a place before a bureau)
                for before in range(index):
                    result[before] = names[before] + office.group()
        if index > 0 and lexicon.ending_kinds.get(name) == "government":  # 武川县党委、政府: 武川县政府
            committee = lexicon.ending_pattern.search(result[index - 1])
            party = committee is not None and lexicon.ending_kinds.get(committee.group()) == "party"
            if party and committee.start() > 0:  # type: ignore[union-attr]
                result[index] = result[index - 1][: committee.start()] + name  # type: ignore[union-attr]
                continue
        organ = _ORGAN_GROUP.match(names[index - 1]) if index > 0 else None
        if organ is not None and _BARE_GROUP.match(name):  # 县政府有关部门、有关直属单位
            result[index] = organ.group("organ") + name
            continue
        if index > 0 and _LEVEL_WORDS.fullmatch(names[index - 1]):  # 州、县市政府办公室: 州政府办公室
            run = _LEVEL_WORDS.match(name)
            # 市、县(市、区)爱卫办: 市爱卫办 (the bracket qualifies the county level alone)
            rest = _QUALIFIER_OPENING.sub("", name[run.end() :]) if run is not None else ""
            if run is not None and lexicon.ending_pattern.search(rest):
                result[index - 1] = names[index - 1] + rest
            continue
        if index > 0 and _lends_zone_ending(names[index - 1], name, ending, lexicon):
            result[index - 1] = names[index - 1] + ending.group()  # type: ignore[union-attr]
            continue  # 人民大垸、荒湖管理区: 人民大垸管理区
        if index == 0 or not _is_bare_place(names[index - 1], lexicon):
            continue
        split = _place_and_rest(name, lexicon)
        if split is None:
            continue
        place, rest = split
        rest_ending = lexicon.ending_pattern.search(rest)
        if rest_ending is not None and lexicon.ending_kinds.get(rest_ending.group()) == "zone":
            continue  # 西秀区、普定县、安顺经开区: a zone is named for its place, its name not shared
        level = place[-1] if place[-1] in _PLACE_LEVEL else ""
        before = index - 1
        while before >= 0 and _is_bare_place(names[before], lexicon):
            bare = names[before]
            result[before] = bare + (rest if bare[-1] in _PLACE_LEVEL or not level else level + rest)
            before -= 1
    return result


def _lends_zone_ending(before: str, name: str, ending: re.Match[str] | None, lexicon: Lexicon) -> bool:
    """Whether a zone's name lends its ending to a word before it that names nothing alone.

    ``人民大垸、荒湖管理区``: 人民大垸 is no body and no place, so it is 人民大垸管理区 (a place before a
    zone is not given the zone's ending: ``西秀区、安顺经开区``).
    """
    return (
        ending is not None
        and len(ending.group()) > 1
        and ending.start() > 0
        and lexicon.ending_kinds.get(ending.group()) == "zone"
        and bool(_FIELD_OF_WORK.fullmatch(before))
        and body_strength(before, lexicon) is None
        and not lexicon.ending_pattern.search(before)
        and not lexicon.not_in_body.search(before)
    )


def _without_level(word: str, lexicon: Lexicon) -> str:
    """`word` without the level prefix it opens with (``市财政``: ``财政``)."""
    prefix = level_prefix(word, lexicon)
    return word[len(prefix) :] if prefix else word


def _is_field_of_work(word: str, lexicon: Lexicon) -> bool:
    """Whether `word` is a field of work a following ``部门`` completes (``公安`` in ``公安、交通部门``)."""
    return (
        bool(_FIELD_OF_WORK.fullmatch(word))
        and body_strength(word, lexicon) is None
        and not lexicon.ending_pattern.search(word)
        and not lexicon.not_in_body.search(word)
        and not lexicon.official_titles.search(word)
    )


def _place_and_rest(name: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """Split a name into a place and the rest (``临夏州`` + ``发展改革部门``), if it opens with one.

    The place ends at the first level word whose rest is a body's name (``神农架林区`` + ``发改委``);
    failing that, at a known place (``福建`` + ``援藏工作队``).
    """
    if level_prefix(name, lexicon) is None:
        for match in re.finditer(f"[{_PLACE_LEVEL}]", name[:8]):
            rest = name[match.end() :]
            if match.start() >= 1 and rest and lexicon.ending_pattern.search(rest):
                return name[: match.end()], rest
    known = lexicon.place_names.match(name)
    if known is not None and known.end() < len(name) and lexicon.ending_pattern.search(name[known.end() :]):
        return name[: known.end()], name[known.end() :]
    return None


def _is_bare_place(name: str, lexicon: Lexicon) -> bool:
    """A place written alone in a list (``长春``, ``包头市``).

    A known place, or a short name ending with a level word; no body's ending, no group.
    """
    if lexicon.collective.search(name) or _BARE_LEVELS.match(name):
        return False
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", name):
        return False
    if name[-1] in _PLACE_LEVEL:
        return True
    return lexicon.ending_pattern.search(name) is None and bool(lexicon.place_names.fullmatch(name))


def assign_roles(names: Sequence[NamedBody], bodies: Sequence[Body], rule: str | None = None) -> list[str]:
    """Turn the markers of one task's names into roles.

    - A name marked ``lead``, ``support`` or ``implementer`` holds that role; when the task names a
      lead explicitly, every other name takes its marker's ``beside_lead`` role
      (``A牵头，B按职责分工负责``: B supports).
    - Names with no marker (``实施主体``) follow the plan's convention, ``first_department`` when it
      states none, unless other names of the task are marked responsible (then they are too).
    - Names marked ``responsible`` (``责任单位：``, ``A、B负责``) stay responsible unless the plan
      states a convention, which then decides as for ``实施主体``, or other names are marked to
      support (``由A负责，B配合``): then they lead.
    - A body named twice keeps one role: lead if either names it so, else its first.

    Parameters
    ----------
    names : sequence of NamedBody
        The names in order.
    bodies : sequence of Body
        The resolved body of each name, in the same order.
    rule : str, optional
        The convention in force (one of :data:`RULES`), if the plan states one.

    Returns
    -------
    list of str
        The role of each name: ``lead``, ``support``, ``implementer`` or ``responsible``.

    Examples
    --------
    >>> from hbey_graph.extract.bodies import body_registry
    >>> registry, reader = body_registry(), StatementReader()
    >>> names = reader.read("包头市人民政府，自治区科技厅、商务厅，内蒙古税务局", label="实施主体").names
    >>> assign_roles(names, [registry.resolve(n.name) for n in names])
    ['implementer', 'lead', 'support', 'support']
    >>> names = reader.read("省发展改革委、省财政厅", label="责任单位").names
    >>> bodies = [registry.resolve(n.name) for n in names]
    >>> assign_roles(names, bodies), assign_roles(names, bodies, rule="first_listed")
    (['responsible', 'responsible'], ['lead', 'support'])
    """
    markers = {named.marker for named in names}
    explicit_lead = any(marker is not None and marker.role == "lead" for marker in markers)
    responsible_marked = any(marker is not None and marker.role == "responsible" for marker in markers)
    # 由A负责，B配合 / A承办，B协办: bodies answering for a task that others support lead it
    supported = not explicit_lead and any(
        marker is not None and marker.role == "support" for marker in markers
    )
    given: dict[Marker | None, str | None] = {}  # the role each marker gives; None: the convention's
    for marker in markers:
        role = "by_rule" if marker is None else marker.beside_lead if explicit_lead else marker.role
        if role in ("responsible", "implementer") and supported and marker is not STANDING:
            role = "lead"
        if role == "by_rule" and rule is None and responsible_marked and not explicit_lead:
            role = "responsible"
        given[marker] = None if role == "by_rule" or (role == "responsible" and rule is not None) else role
    first_listed = rule == "first_listed"
    lead_given = explicit_lead
    roles: list[str] = []
    for named, body in zip(names, bodies, strict=True):
        role = given[named.marker]
        if role is None:
            if first_listed or (body.body_type in _DEPARTMENT_TYPES and not lead_given):
                role = "support" if lead_given else "lead"
                lead_given = True
            else:
                role = "implementer" if body.body_type == "city_government" else "support"
        roles.append(role)
    return roles
