"""Reading responsibility annotations: who leads, who supports, who implements.

An annotation names the bodies responsible for a task. Plans write it in many ways:
``（实施主体：呼和浩特市、包头市人民政府，自治区发展改革委、自然资源厅）`` closing the paragraph,
``（自治区水利厅牵头，自治区发展改革委、环保厅及相关盟市配合）``,
``（牵头单位：市科委，配合单位：各区县市）``, ``〔责任单位：A、B按职责分工负责〕``, or
``责任单位：省发展改革委、省财政厅`` on a line of its own after the task. Reading one takes three
steps, kept apart:

1. :func:`find_annotation` locates the annotation in a paragraph and returns its content;
2. :func:`read_names` splits the content into fields (``牵头单位：`` …), groups (``，``, or ``。``
   where a plan slips) and names (``、``, ``及``, ``和``), distributing a shared level prefix
   (``自治区``) or suffix (``人民政府``) over its group; every name carries the marker that gave it a
   role (a field label such as ``配合单位`` or a verb closing its group such as ``牵头``). A stated
   rule (``列为首位的自治区部门为推进牵头部门…``) is kept apart from the names;
3. :func:`assign_roles` turns markers into roles, applying the plan's stated convention where
   the markers leave it open.

The markers and conventions are data (``data/annotation_markers.csv`` and
``data/annotation_conventions.csv``): a new way of writing the same facts is a row there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from hbey_graph.extract.bodies import LEVEL_PREFIXES, BodyRegistry
from hbey_graph.records import Body
from hbey_graph.reference import read_table

__all__ = [
    "RULES",
    "Annotation",
    "AnnotationStyles",
    "Marker",
    "NamedBody",
    "Reading",
    "annotation_styles",
    "assign_roles",
    "find_annotation",
    "read_names",
    "split_names",
    "split_top_level",
]

#: Conventions a plan can state for the bodies its markers leave open, by name:
#: ``first_department``: the first department listed leads, city governments implement, the other
#: bodies support (内政发〔2018〕55号: 列为首位的自治区部门为推进牵头部门);
#: ``first_listed``: the first body listed leads, the others support (列第一位为牵头单位).
RULES: tuple[str, ...] = ("first_department", "first_listed")

_OPEN, _CLOSE = "（(〔[【［〖", "）)〕]】］〗"
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_GROUP_SEPARATORS = "，,。；;"
_SPACE = " \t\u3000"
_FIELD_EDGES = _SPACE + "，,；;。"  # stripped from a field's text
_SUFFIX = re.compile(r"(人民政府|政府|行政公署)$")
_BARE_PLACE = re.compile(r"[市县旗区盟州]$")
_NOT_A_PREFIX = ("市场", "市政", "区域", "县域", "省际", "市级", "区级", "县级", "省级")
_tuple_new = tuple.__new__
_DEPARTMENT_TYPES = frozenset({"region_department", "party_organ", "department"})
_CONJUNCTION = re.compile(r"以及|及|和|与")
_OPEN_LIST = re.compile(r"等(有关|相关)?(部门|单位)?$")
_AGENTS = ("由", "请")
_NOT_A_NAME = re.compile(r"\d|[：:！？!?“”\"《》]")
_NOT_A_NAME_OR_BRACKET = re.compile(rf"\d|[：:！？!?“”\"《》{re.escape(_OPEN + _CLOSE)}]")
_LONGEST_NAME = 40
_LONGEST_UNKNOWN_NAME = 20
_BODY_ENDING = re.compile(
    r"(厅|委|局|办|室|部|院|署|会|中心|馆|政府|公署|公司|集团|行|海关|盟|市|县|旗|区|州|镇|乡|街道|单位|部门"
    r"|地区|地方|各地|机构|组织|团体|企业|学校|高校)$"
)
_SCOPE_FOLLOWING = re.compile(r"下同|以下|后同")
_LEVEL_PREFIX = re.compile(  # in order: 自治区 before 区; 市场监管局 opens with 市场, not 市
    "(?!" + "|".join(_NOT_A_PREFIX) + ")(?:" + "|".join(LEVEL_PREFIXES) + ")"
)


@dataclass(frozen=True)
class Marker:
    """A word that tells what role the names it governs hold.

    Attributes
    ----------
    text : str
        The marker as written (``牵头单位``, ``配合``).
    kind : str
        ``field``: a label followed by a colon, governing the names up to the next label
        (``牵头单位：市科委``); ``verb``: a word closing a group of names (``市科委牵头``).
    role : str
        ``lead``, ``support``, ``implementer``, ``responsible`` (named as responsible without
        saying who leads) or ``by_rule`` (the plan's convention decides, as for ``实施主体``).
    beside_lead : str
        The role when the same annotation names a lead explicitly (``A牵头，B负责``: B supports).
    """

    text: str
    kind: str
    role: str
    beside_lead: str

    def __hash__(self) -> int:
        # Markers key the memo of groups read: hashing the text alone is cheaper than hashing all
        # four fields, and equal markers still hash alike.
        return hash(self.text)


#: The marker of names that stand under no label and close with no verb: they are responsible.
UNMARKED = Marker("", "field", "responsible", "support")


@dataclass(frozen=True)
class Convention:
    """A pattern recognising a stated convention (or a clause continuing one) and its rule."""

    pattern: re.Pattern[str]
    rule: str


class AnnotationStyles:
    """The markers and conventions annotations are read with.

    Parameters
    ----------
    markers : iterable of Marker
    conventions : iterable of Convention

    Examples
    --------
    >>> styles = annotation_styles()
    >>> styles.fields["配合单位"].role, styles.verb_of("市人力社保局、市农业农村局分别牵头").text
    ('support', '分别牵头')
    >>> styles.convention_rule("列第一位为牵头单位")
    'first_listed'
    """

    def __init__(self, markers: Iterable[Marker], conventions: Iterable[Convention]) -> None:
        markers = list(markers)
        self.fields: dict[str, Marker] = {m.text: m for m in markers if m.kind == "field"}
        self.verbs: dict[str, Marker] = {m.text: m for m in markers if m.kind == "verb"}
        conventions = list(conventions)
        self.conventions = [c for c in conventions if c.rule != "continues"]
        self.continuations = [c for c in conventions if c.rule == "continues"]
        # Any of them at all: one search that tells the common case (a group of names) quickly.
        self._any_rule = re.compile("|".join(f"(?:{c.pattern.pattern})" for c in conventions) or "(?!)")
        labels = "|".join(map(re.escape, sorted(self.fields, key=len, reverse=True)))
        verbs = "|".join(map(re.escape, sorted(self.verbs, key=len, reverse=True)))
        space = re.escape(_SPACE)
        #: A label just inside an opening bracket: ``（实施主体：``.
        self.bracketed_field = re.compile(
            rf"[{re.escape(_OPEN)}][{space}]*(?P<label>{labels})[{space}]*[:：]"
        )
        #: A label and its colon anywhere (callers check what stands before it: a pattern opening
        #: with a look-behind is tried at every position and is ten times slower).
        self.label_colon = re.compile(rf"(?P<label>{labels})[{space}]*[:：]")
        #: A line that is nothing but a labelled annotation; it is a paragraph of its own.
        self.field_line = re.compile(rf"^[{space}]*(?P<label>{labels})[{space}]*[:：]")
        self._verb_end = re.compile(rf"(?P<verb>{verbs})$")
        # Searches for a verb closing a text start this far from its end: they need not scan it all.
        self._verb_reach = max(map(len, self.verbs), default=0) + 1  # + 1: `$` matches before a final newline
        #: Text that may close with a verb annotation: its end, after final punctuation.
        self.verb_tail = re.compile(rf"(?:{verbs})[{space}。.；;]*$")
        self._own_marker = re.compile(
            rf"^(?P<name>.+?)[{re.escape(_OPEN)}][{space}]*(?P<verb>{verbs})[{space}]*[{re.escape(_CLOSE)}]$"
        )

    def leading_label(self, text: str) -> re.Match[str] | None:
        """The first label opening `text` or one of its sentences, no bracket: ``责任单位：A、B``."""
        if not _has_colon(text):
            return None
        for match in self.label_colon.finditer(text):
            before = text[: match.start()].rstrip(_SPACE)
            if not before or before[-1] in "。；;":
                return match
        return None

    def inner_labels(self, content: str) -> list[re.Match[str]]:
        """The labels inside annotation content, each at its start or after a separator."""
        if not _has_colon(content):
            return []
        return [
            match
            for match in self.label_colon.finditer(content)
            if match.start() == 0 or content[match.start() - 1] in "，,。；;、" + _SPACE
        ]

    def verb_of(self, group: str) -> Marker | None:
        """Return the verb marker closing `group` (the longest), or None."""
        match = self._verb_end.search(group, max(0, len(group) - self._verb_reach))
        return self.verbs[match.group("verb")] if match else None

    def ends_with_verb(self, text: str) -> bool:
        """Whether `text` closes with a verb, final punctuation aside (``市财政局配合。``)."""
        # A match is a verb and the punctuation after it: it starts within the longest verb before
        # the text stripped of that punctuation (and of a final newline, before which `$` matches).
        start = len(text.rstrip(_SPACE + "。.；;\n")) - self._verb_reach
        return self.verb_tail.search(text, max(0, start)) is not None

    def own_marker(self, name: str) -> tuple[str, Marker] | None:
        """Split ``市发展改革委（牵头）`` into the name and the marker in its brackets."""
        match = self._own_marker.match(name)
        if match is None:
            return None
        return match.group("name").strip(), self.verbs[match.group("verb")]

    def convention_rule(self, text: str) -> str | None:
        """Return the rule a convention sentence states (one of :data:`RULES`), or None."""
        return next((c.rule for c in self.conventions if c.pattern.search(text)), None)

    def may_state_rule(self, text: str) -> bool:
        """Whether `text` matches any convention or continuation at all (False for most groups)."""
        return self._any_rule.search(text) is not None

    def continues_rule(self, text: str) -> bool:
        """Whether `text` is a clause that continues a stated convention (``其他为配合部门``, ``下同``)."""
        return any(c.pattern.search(text) for c in self.continuations)


def _has_colon(text: str) -> bool:
    """Whether `text` has a colon, which every label stands before: most texts have none."""
    return "：" in text or ":" in text


@cache
def annotation_styles() -> AnnotationStyles:
    """Return the styles of ``data/annotation_markers.csv`` and ``data/annotation_conventions.csv``."""
    markers = (
        Marker(row["marker"], row["kind"], row["role"], row["beside_lead"])
        for row in read_table("annotation_markers.csv")
    )
    conventions = (
        Convention(re.compile(row["pattern"]), row["rule"])
        for row in read_table("annotation_conventions.csv")
    )
    return AnnotationStyles(markers, conventions)


@dataclass(frozen=True)
class Annotation:
    """A responsibility annotation found in a paragraph.

    Attributes
    ----------
    content : str
        What the annotation says, without its brackets. A single opening label (``实施主体：``,
        ``责任单位：``) is left out and kept in `label`; when the annotation has several labels
        (``牵头单位：X；配合单位：Y``) they stay in the content.
    start, end : int
        Offsets of the whole annotation, brackets included, in the paragraph text.
    style : str
        ``"field"`` (opens with a label) or ``"verb"`` (roles from verbs: ``X牵头，A、B配合``).
    label : str or None
        The opening label left out of `content`, if one was.
    closed : bool
        False when the closing bracket is missing.
    """

    content: str
    start: int
    end: int
    style: str = "field"
    label: str | None = "实施主体"
    closed: bool = True


class NamedBody(NamedTuple):
    """A body name read from an annotation, with where it stood.

    Attributes
    ----------
    name : str
        The name with shared prefixes and suffixes distributed.
    group : int
        1-based index of its ``，``-separated group.
    position : int
        1-based position among all names of the annotation.
    marker : Marker or None
        What gives the name its role; None for the ``实施主体`` rule.
    """

    name: str
    group: int
    position: int
    marker: Marker | None = None


@dataclass
class Reading:
    """What :func:`read_names` read from an annotation.

    Attributes
    ----------
    names : list of NamedBody
        The bodies in annotation order.
    rule : str or None
        The stated convention's text (``列第一位为牵头单位，下同``), if the annotation states one.
    unreadable : list of str
        Parts that name no body (``2019年底前完成``), left out.
    other_fields : list of str
        Labelled parts that are known not to name bodies (``完成时限：2019年底``), left out.
    """

    names: list[NamedBody] = field(default_factory=list)
    rule: str | None = None
    unreadable: list[str] = field(default_factory=list)
    other_fields: list[str] = field(default_factory=list)

    @property
    def rule_name(self) -> str | None:
        """The rule the stated convention sets (one of :data:`RULES`), if any."""
        return annotation_styles().convention_rule(self.rule) if self.rule else None

    @property
    def rule_covers_following(self) -> bool:
        """Whether the stated convention also covers the annotations that follow (``下同``)."""
        return bool(self.rule and _SCOPE_FOLLOWING.search(self.rule))


def _closing_bracket(text: str, start: int) -> int | None:
    """Return the index of the bracket closing the one at `start`, any width, or None."""
    depth = 0
    for match in _BRACKETS.finditer(text, start):
        if match.group() in _OPEN:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start()
    return None


def _opening_bracket(text: str, end: int) -> int | None:
    """Return the index of the bracket opening the one closing at `end`, any width, or None."""
    depth = 0
    for match in _BRACKETS.finditer(text[end::-1]):  # backwards from `end`, stopping where it opens
        if match.group() in _CLOSE:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return end - match.start()
    return None


def find_annotation(text: str, registry: BodyRegistry | None = None) -> Annotation | None:
    """Find the responsibility annotation of a paragraph.

    In order of preference: the last bracketed annotation opening with a label
    (``（实施主体：…）``, ``〔责任单位：…〕``), or a bracketed verb annotation closing the paragraph
    (``（A牵头，B配合）``), whichever stands later; else a label opening the paragraph or a sentence
    (``责任单位：A、B``), running to the end; else a last sentence made only of verb groups naming
    bodies (``市发展改革委牵头，市财政局配合。``). Full- and half-width brackets may be mixed
    (``（实施主体：…科技厅)``).

    Parameters
    ----------
    text : str
        The paragraph.
    registry : BodyRegistry, optional
        Known bodies, to tell names from other words in an unlabelled annotation.

    Examples
    --------
    >>> a = find_annotation("建设数据中心。（实施主体：包头市人民政府，自治区科技厅)")
    >>> a.content, a.start, a.end, a.label
    ('包头市人民政府，自治区科技厅', 7, 28, '实施主体')
    >>> find_annotation("推进河道治理。（自治区水利厅牵头，环保厅配合）").content
    '自治区水利厅牵头，环保厅配合'
    >>> a = find_annotation("责任单位：省发展改革委、省财政厅")
    >>> a.content, a.label, a.start
    ('省发展改革委、省财政厅', '责任单位', 0)
    >>> find_annotation("重点(工程)实验室建设。") is None
    True
    """
    styles = annotation_styles()
    found: Annotation | None = None
    labels = list(styles.bracketed_field.finditer(text)) if _has_colon(text) else []
    if labels:  # the last one counts
        opening = labels[-1].start()
        closing = _closing_bracket(text, opening)
        end = len(text) if closing is None else closing + 1
        found = _labelled(text, labels[-1], closing, opening, end, styles)
    if found is not None and found.end >= len(text.rstrip(_SPACE + "。.；;")):
        return found  # it closes the paragraph: nothing can stand later
    verb = _bracketed_verb_annotation(text, registry, styles)
    if verb is not None and (found is None or verb.start > found.start):
        return verb
    if found is not None:
        return found
    match = styles.leading_label(text)
    if match is not None:
        end = len(text.rstrip(_SPACE + "。.；;"))
        return _labelled(text, match, end, match.start(), len(text), styles)
    return _sentence_verb_annotation(text, registry, styles)


def _labelled(
    text: str, label: re.Match[str], closing: int | None, start: int, end: int, styles: AnnotationStyles
) -> Annotation:
    """An annotation opening with `label`, its content running to `closing` (None: to the end).

    The label is left out of the content, unless another label follows (then both stay).
    """
    closed = closing is not None
    inner = text[label.end() : closing].strip(_SPACE)
    if styles.inner_labels(inner):
        labelled = text[label.start("label") : closing].strip(_SPACE)
        return Annotation(labelled, start, end, "field", None, closed)
    return Annotation(inner, start, end, "field", label.group("label"), closed)


def _bracketed_verb_annotation(
    text: str, registry: BodyRegistry | None, styles: AnnotationStyles
) -> Annotation | None:
    """A bracketed verb annotation closing the paragraph.

    Its first group closes with a verb and names bodies (``（A牵头，2019年底前完成）``: the rest is
    read as far as it can be), or every group names bodies and the last closes with a verb
    (``（A、B，C负责）``).
    """
    tail = len(text.rstrip(_SPACE + "。.；;"))
    if not tail or text[tail - 1] not in _CLOSE:
        return None
    closing = tail - 1
    opening = _opening_bracket(text, closing)
    while opening is None and closing > 0 and text[closing - 1] in _CLOSE:  # stray closers: （…））)
        closing -= 1
        opening = _opening_bracket(text, closing)
    if opening is None:
        return None
    tail = closing + 1
    content = text[opening + 1 : closing].strip(_SPACE)
    groups = split_top_level(content, _GROUP_SEPARATORS)
    if not groups or styles.inner_labels(content):
        return None
    first = _without_agent(groups[0])
    marker = styles.verb_of(first)
    if marker is not None and _names_bodies(first[: -len(marker.text)], registry):
        return Annotation(content, opening, tail, "verb", None, True)
    if _verb_groups(groups, registry, styles):
        return Annotation(content, opening, tail, "verb", None, True)
    return None


def _verb_groups(groups: list[str], registry: BodyRegistry | None, styles: AnnotationStyles) -> bool:
    """Whether every group names bodies, the last closing with a verb (``A、B，C配合``)."""
    marker = styles.verb_of(groups[-1])
    if marker is None:
        return False
    for group in groups:
        group = _without_agent(group)
        verb = styles.verb_of(group)
        if not _names_bodies(group[: -len(verb.text)] if verb else group, registry):
            return False
    return True


def _sentence_verb_annotation(
    text: str, registry: BodyRegistry | None, styles: AnnotationStyles
) -> Annotation | None:
    """A last sentence, no brackets, made of groups naming bodies, the last closing with a verb."""
    if not styles.ends_with_verb(text):
        return None
    tail = len(text.rstrip(_SPACE + "。.；;"))
    start = max(text.rfind("。", 0, tail), text.rfind("；", 0, tail)) + 1
    content = text[start:tail].strip(_SPACE)
    closed = not content.startswith(tuple(_OPEN))  # an opening bracket never closed: truncated
    content = content if closed else content[1:].strip(_SPACE)
    groups = split_top_level(content, "，,；;")
    if not groups or not _verb_groups(groups, registry, styles):
        return None
    return Annotation(content, start, len(text), "verb", None, closed)


def _without_agent(text: str) -> str:
    """`text` without the word opening it that says who acts (``由市商务局牵头``), if it has one."""
    return text[1:] if text.startswith(_AGENTS) else text


def _names_bodies(names_text: str, registry: BodyRegistry | None) -> bool:
    """Whether every ``、``-separated name in `names_text` names a body (known or by its form)."""
    from hbey_graph.extract.bodies import body_registry

    registry = registry or body_registry()
    names = split_top_level(_OPEN_LIST.sub("", names_text.strip(_SPACE)), "、")
    return bool(names) and all(
        _readable(part) and _looks_like_body(part, registry)
        for name in names
        for part in _split_conjunctions(name, registry)
    )


@cache
def _separator_pattern(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")


def split_top_level(text: str, separators: str) -> list[str]:
    """Split `text` at `separators` that stand outside any brackets.

    Examples
    --------
    >>> split_top_level("各县（市、区）政府、市科委", "、")
    ['各县（市、区）政府', '市科委']
    """
    parts: list[str]
    if not _BRACKETS.search(text):
        parts = text.split(separators) if len(separators) == 1 else _separator_pattern(separators).split(text)
        return [part for part in map(str.strip, parts) if part]
    parts = []
    depth = start = 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part for part in map(str.strip, parts) if part]


def split_names(
    content: str, registry: BodyRegistry, *, label: str | None = "实施主体"
) -> tuple[list[NamedBody], str | None]:
    """Split annotation content into body names, distributing shared prefixes and suffixes.

    A shorthand for :func:`read_names` that returns the names and the stated rule.

    Parameters
    ----------
    content : str
        The annotation's content, without brackets and without the opening label.
    registry : BodyRegistry
        Known bodies: a known name is never given another body's prefix.
    label : str or None
        The opening label left out of `content` (``实施主体`` by default).

    Returns
    -------
    names : list of NamedBody
    rule : str or None
        A stated rule in the content (``列为首位的自治区部门为推进牵头部门…``), if any.

    Examples
    --------
    >>> from hbey_graph.extract.bodies import body_registry
    >>> names, rule = split_names(
    ...     "呼和浩特市、包头市人民政府。自治区水利厅、党委编办，呼和浩特海关，下同", body_registry())
    >>> [(n.name, n.group) for n in names]  # doctest: +NORMALIZE_WHITESPACE
    [('呼和浩特市人民政府', 1), ('包头市人民政府', 1), ('自治区水利厅', 2), ('自治区党委编办', 2),
     ('呼和浩特海关', 3)]
    >>> rule
    '下同'
    """
    reading = read_names(content, registry, label=label)
    return reading.names, reading.rule


def read_names(
    content: str,
    registry: BodyRegistry,
    *,
    label: str | None = "实施主体",
    memo: dict[tuple[str, Marker], _GroupReading] | None = None,
) -> Reading:
    """Read the names of an annotation, each with the marker that gives it its role.

    The content is cut into fields at labels (``牵头单位：`` … ``配合单位：``), each field into groups at
    ``，`` ``；`` ``。``, each group into names at ``、`` and, between two names, ``及`` ``和`` ``与``.
    A verb closing a group (``牵头``, ``配合``, ``按职责分工负责``) or standing in brackets after a name
    (``市发展改革委（牵头）``) overrides the field's label; a trailing ``等`` is dropped. A group that
    states a convention (``列第一位为牵头单位，下同``) is the rule, not names; a part that names no
    body (``2019年底前完成``) is set aside in :attr:`Reading.unreadable`.

    Parameters
    ----------
    content : str
        The annotation's content, without brackets.
    registry : BodyRegistry
        Known bodies.
    label : str or None
        The label the content stands under when it does not open with one itself (``实施主体``
        by default; None for a verb annotation, whose unmarked names are responsible).
    memo : dict, optional
        Groups already read with the same `registry`, to be reused: plans repeat the same groups
        (``呼和浩特市、包头市、鄂尔多斯市人民政府``) in annotation after annotation.

    Returns
    -------
    Reading

    Examples
    --------
    >>> from hbey_graph.extract.bodies import body_registry
    >>> reading = read_names("自治区水利厅牵头，自治区发展改革委、环保厅及相关盟市配合", body_registry(),
    ...                      label=None)
    >>> [(n.name, n.group, n.marker.role) for n in reading.names]  # doctest: +NORMALIZE_WHITESPACE
    [('自治区水利厅', 1, 'lead'), ('自治区发展改革委', 2, 'support'), ('自治区环保厅', 2, 'support'),
     ('相关盟市', 2, 'support')]
    >>> reading = read_names("牵头单位：市科委；配合单位：各区县市；完成时限：2019年底", body_registry())
    >>> [(n.name, n.marker.role) for n in reading.names], reading.other_fields
    ([('市科委', 'lead'), ('各区县市', 'support')], ['完成时限：2019年底'])
    """
    styles = annotation_styles()
    memo = {} if memo is None else memo
    reading = Reading()
    named = reading.names
    rule_parts: list[str] = []
    in_rule = False
    group_index = 0
    for field_marker, field_text, field_label in _fields(content, label, styles):
        if field_marker is None:  # a label that names no bodies (完成时限：…)
            reading.other_fields.append(f"{field_label}：{field_text}")
            continue
        groups = split_top_level(field_text, _GROUP_SEPARATORS)
        for group, group_marker in zip(groups, _group_markers(groups, field_marker, styles), strict=True):
            key = (group, group_marker)
            read = memo.get(key)
            if read is None:
                read = memo[key] = _read_group(group, group_marker, registry, styles)
            states_rule, continues_rule, names, unreadable = read
            if states_rule or (continues_rule and in_rule):
                rule_parts.append(group)
                in_rule = True
                continue
            in_rule = False
            if unreadable:
                reading.unreadable.extend(unreadable)
            if not names:
                continue
            group_index += 1
            # the tuples built directly, as NamedBody._make does, without a call per name
            named.extend([
                _tuple_new(NamedBody, (name, group_index, position, marker))
                for position, (name, marker) in enumerate(names, len(named) + 1)
            ])
    reading.rule = "，".join(rule_parts) or None
    return reading


def _group_markers(groups: list[str], field_marker: Marker, styles: AnnotationStyles) -> list[Marker]:
    """The marker each group stands under: without a label, a verb covers the groups before it.

    ``A、B，C人民政府负责``: A and B are responsible too. Under a label (``责任单位：A，B配合``) the
    label covers the groups without a verb of their own.
    """
    if field_marker is not UNMARKED:
        return [field_marker] * len(groups)
    markers: list[Marker] = []
    following = UNMARKED
    for group in reversed(groups):
        verb = styles.verb_of(_without_agent(group.strip(_SPACE)))
        following = verb or following
        markers.append(following)
    return markers[::-1]


def _fields(
    content: str, label: str | None, styles: AnnotationStyles
) -> list[tuple[Marker | None, str, str | None]]:
    """Cut content at labels: (marker of the field or None if it names no body, text, label)."""
    fields: list[tuple[str | None, str]] = []  # (label, text)
    position, current = 0, label
    for match in styles.inner_labels(content):
        fields.append((current, content[position : match.start()]))
        position, current = match.end(), match.group("label")
    fields.append((current, content[position:]))
    stripped = [(lab, text.strip(_FIELD_EDGES)) for lab, text in fields]
    return [(_field_marker(lab, styles), text, lab) for lab, text in stripped if text]


def _field_marker(label: str | None, styles: AnnotationStyles) -> Marker | None:
    if label is None:
        return UNMARKED
    marker = styles.fields.get(label)
    return None if marker is None or marker.role == "none" else marker


_GroupReading = tuple[bool, bool, tuple[tuple[str, "Marker | None"], ...], tuple[str, ...]]


def _read_group(
    group: str, field_marker: Marker, registry: BodyRegistry, styles: AnnotationStyles
) -> _GroupReading:
    """Read one group of an annotation.

    Returns whether it states a convention, whether it may continue one, its names with their
    markers (prefixes and suffixes distributed), and its parts that are no name. The answer
    depends on the arguments alone, so :func:`read_names` memoises it within one parse: a plan
    repeats its groups.
    """
    text = _without_agent(group.strip(_SPACE))
    verb = styles.verb_of(text)
    if verb is not None:
        text = text[: -len(verb.text)]
    marker: Marker | None = verb or (None if field_marker.role == "by_rule" else field_marker)
    text = text.strip(_SPACE)
    if "等" in text:
        text = _OPEN_LIST.sub("", text)
    listed = split_top_level(text, "、")
    forms = _known_forms(registry)
    known = _as_known(listed, forms) if listed else None
    if known is not None:
        # The common case, read with set look-ups alone; the steps below read it the same.
        return False, False, tuple([(name, marker) for name in known]), ()
    parts, markers = _split_group(listed, marker, registry, styles)
    names = _distribute(parts, registry) if parts else []
    # A group of known bodies states no rule (no pattern to try).
    if (names and registry.known_names.issuperset(names)) or not styles.may_state_rule(group):
        states_rule = continues_rule = False
    else:
        states_rule, continues_rule = styles.convention_rule(group) is not None, styles.continues_rule(group)
    if states_rule or (continues_rule and _SCOPE_FOLLOWING.fullmatch(group)):
        return True, True, (), ()
    if not names:
        return False, continues_rule, (), (group.strip(_SPACE),) if group.strip(_SPACE) else ()
    result, unreadable = [], []
    for name, name_marker in zip(names, markers, strict=True):
        if _readable(name):
            result.append((name, name_marker))
        else:
            unreadable.append(name)
    return False, continues_rule, tuple(result), tuple(unreadable)


def _split_group(
    listed: list[str], marker: Marker | None, registry: BodyRegistry, styles: AnnotationStyles
) -> tuple[list[str], list[Marker | None]]:
    """Cut the names a group lists at ``、`` further at conjunctions, each with its marker.

    A marker in brackets after a name (``市发展改革委（牵头）``) overrides the group's `marker`; a
    trailing ``等`` is dropped from each name.
    """
    names: list[str] = []
    markers: list[Marker | None] = []
    for name in listed:
        name_marker = marker
        if name[-1] in _CLOSE and (own := styles.own_marker(name)) is not None:
            name, name_marker = own
        for part in _split_conjunctions(name, registry):
            names.append(_OPEN_LIST.sub("", part) if "等" in part else part)
            markers.append(name_marker)
    return names, markers


class _KnownForms(NamedTuple):
    """The ways a group lists known bodies plainly, worked out once per registry.

    Attributes
    ----------
    alone : frozenset of str
        The names the registry knows, current or pre-reform, that pass :func:`_readable` and that
        :func:`_split_group` leaves as they are: no bracket, no ``等``, no conjunction to split at.
    unprefixed : frozenset of str
        The names of `alone` that open with no level prefix and carry no government suffix:
        :func:`_distribute` leaves a list of them as it is (``呼和浩特海关、内蒙古税务局``).
    first : dict of str to str
        The names of `alone` that open with a level prefix and carry no government suffix, to
        that prefix: :func:`_distribute` carries it over the names that follow.
    after : dict of str to frozenset of str
        By level prefix, the names it completes into a readable current name, that
        :func:`_split_group` leaves as they are and that carry no government suffix
        (``自然资源厅`` after ``自治区``).
    """

    alone: frozenset[str]
    unprefixed: frozenset[str]
    first: dict[str, str]
    after: dict[str, frozenset[str]]


@cache
def _known_forms(registry: BodyRegistry) -> _KnownForms:
    """Work out the :class:`_KnownForms` of `registry` (once: they depend on its table alone)."""
    readable = frozenset(filter(_readable, registry.known_names))
    alone = frozenset(name for name in readable if _left_whole(name, registry))
    unsuffixed = [name for name in alone if not _SUFFIX.search(name)]
    unprefixed = frozenset(name for name in unsuffixed if _level_prefix(name) is None)
    first = {name: prefix for name in unsuffixed if (prefix := _level_prefix(name)) is not None}
    after = {
        prefix: frozenset(
            rest
            for name in readable
            if name in registry  # a current name, as :func:`_distribute` asks
            and name.startswith(prefix)
            and (rest := name[len(prefix) :])
            and _left_whole(rest, registry)
            and not _SUFFIX.search(rest)
        )
        for prefix in LEVEL_PREFIXES
    }
    return _KnownForms(alone, unprefixed, first, after)


def _left_whole(name: str, registry: BodyRegistry) -> bool:
    """Whether :func:`_split_group` leaves `name` as it is: no bracket, ``等`` or conjunction."""
    return not _BRACKETS.search(name) and "等" not in name and _split_conjunctions(name, registry) == (name,)


def _as_known(listed: list[str], forms: _KnownForms) -> list[str] | None:
    """The names a group lists, as the general steps read them, if it lists known bodies plainly.

    Plainly: one known name (``呼和浩特海关``), known names with no level prefix
    (``呼和浩特海关、内蒙古税务局``), or a known name opening with a level prefix followed by names
    the prefix completes (``自治区发展改革委、自然资源厅``), which then take it. Otherwise None: the
    general steps read the group.
    """
    first, rest = listed[0], listed[1:]
    if not rest:
        return listed if first in forms.alone else None
    if forms.unprefixed.issuperset(listed):
        return listed
    prefix = forms.first.get(first)
    if prefix is None or not forms.after[prefix].issuperset(rest):
        return None
    return [first, *[prefix + name for name in rest]]


def _readable(name: str) -> bool:
    """Whether `name` can be a body's name (no digits, no sentence punctuation, brackets balanced)."""
    if not name or len(name) > _LONGEST_NAME:
        return False
    if not _NOT_A_NAME_OR_BRACKET.search(name):  # the common case, one search
        return True
    if _NOT_A_NAME.search(name):
        return False
    depth = 0
    for match in _BRACKETS.finditer(name):
        depth += 1 if match.group() in _OPEN else -1
        if depth < 0:
            return False
    return depth == 0


def _looks_like_body(name: str, registry: BodyRegistry) -> bool:
    """Whether `name` reads as a body: a known one, or one whose form says so and ends like one.

    ``各地区各部门要认真贯彻`` opens like a collective body but is a sentence.
    """
    if registry.knows(name):
        return True
    return (
        len(name) <= _LONGEST_UNKNOWN_NAME
        and _BODY_ENDING.search(name) is not None
        and registry.resolve(name).body_type != "other"
    )


def _split_conjunctions(name: str, registry: BodyRegistry) -> tuple[str, ...]:
    """Split ``环保厅及相关盟市`` at ``及``/``和``/``与`` when both sides name bodies.

    ``文化和旅游厅`` stays whole: ``文化`` names no body.
    """
    if "及" not in name and "和" not in name and "与" not in name:
        return (name,)
    return _split_at_conjunctions(name, registry)


@lru_cache(maxsize=16384)
def _split_at_conjunctions(name: str, registry: BodyRegistry) -> tuple[str, ...]:
    """:func:`_split_conjunctions` for a name with a conjunction (cached: plans repeat names)."""
    if registry.knows(name):
        return (name,)
    for match in _CONJUNCTION.finditer(name):
        left, right = name[: match.start()], name[match.end() :]
        if left and right and _looks_like_body(left, registry):
            rest = _split_conjunctions(right, registry)
            if all(_looks_like_body(part, registry) for part in rest):
                return (left, *rest)
    return (name,)


def _distribute(names: list[str], registry: BodyRegistry) -> list[str]:
    """Give each name of a group the level prefix and government suffix written once for all."""
    suffix = _SUFFIX.search(names[-1])
    if suffix and len(names) > 1:
        names = [
            name + suffix.group() if _BARE_PLACE.search(name) and not _SUFFIX.search(name) else name
            for name in names
        ]
    result, prefix = [], None
    for name in names:
        if prefix is not None and prefix + name in registry:
            name = prefix + name
        elif (own := _level_prefix(name)) is not None and not _SUFFIX.search(name):
            prefix = own
        elif prefix is not None and not _stands_alone(name, registry):
            name = prefix + name
        result.append(name)
    return result


def _level_prefix(name: str) -> str | None:
    """The level prefix a name opens with (``自治区``, ``省``, ``市`` …), if it opens with one.

    ``市场监管局`` opens with 市场 (market), not with the prefix 市.
    """
    match = _LEVEL_PREFIX.match(name)
    return match.group() if match else None


def _stands_alone(name: str, registry: BodyRegistry) -> bool:
    """Whether a name is complete without a level prefix (a known body, a government, an agency)."""
    return name in registry or registry.resolve(name).body_type in {
        "city_government", "central_agency", "enterprise", "group",
    }


def assign_roles(
    names: Sequence[NamedBody], bodies: Sequence[Body], rule: str | None = None
) -> list[str]:
    """Turn the markers of one annotation's names into roles.

    - A name marked ``lead``, ``support`` or ``implementer`` holds that role; when the annotation
      names a lead explicitly, every other name takes its marker's ``beside_lead`` role
      (``A牵头，B按职责分工负责``: B supports).
    - Names under ``实施主体`` (no marker) follow the plan's convention, ``first_department`` when
      it states none: the first department listed leads, city governments implement, the others
      support.
    - Names marked ``responsible`` (``责任单位：``, ``A、B负责``) stay responsible unless the plan
      states a convention, which then decides as for ``实施主体``.

    Parameters
    ----------
    names : sequence of NamedBody
        The names in annotation order.
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
    >>> registry = body_registry()
    >>> names, _ = split_names("包头市人民政府，自治区科技厅、商务厅，内蒙古税务局", registry)
    >>> assign_roles(names, [registry.resolve(n.name) for n in names])
    ['implementer', 'lead', 'support', 'support']
    >>> names, _ = split_names("省发展改革委、省财政厅", registry, label="责任单位")
    >>> bodies = [registry.resolve(n.name) for n in names]
    >>> assign_roles(names, bodies), assign_roles(names, bodies, rule="first_listed")
    (['responsible', 'responsible'], ['lead', 'support'])
    """
    markers = set(map(attrgetter("marker"), names))  # a few, shared by many names
    explicit_lead = any(marker is not None and marker.role == "lead" for marker in markers)
    given: dict[Marker | None, str | None] = {}  # the role each marker gives; None: the convention's
    for marker in markers:
        role = "by_rule" if marker is None else marker.beside_lead if explicit_lead else marker.role
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
