"""Reading responsibility annotations: who leads, who supports, who implements.

An annotation closes a task paragraph, e.g.
``（实施主体：呼和浩特市、包头市人民政府，自治区发展改革委、自然资源厅，呼和浩特海关）``.
Reading one takes three steps, kept apart so that other annotation styles can reuse the last two:

1. :func:`find_annotation` locates the annotation at the end of a paragraph and returns its content;
2. :func:`split_names` splits the content into groups (``，``, or ``。`` where a plan slips) and
   names (``、``), distributing a shared level prefix (``自治区``) or suffix (``人民政府``) over
   its group, and separates a stated rule (``列为首位的自治区部门为推进牵头部门…``) from the names;
3. :func:`assign_roles` applies the plan's rule: the first region department leads, the other region
   departments and every other listed body support, and city governments implement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hbey_graph.bodies import LEVEL_PREFIXES, BodyRegistry
from hbey_graph.records import Body

__all__ = ["Annotation", "NamedBody", "assign_roles", "find_annotation", "split_names", "split_top_level"]

_OPEN, _CLOSE = "（(〔[【", "）)〕]】"
_MARKER = re.compile(r"实施主体\s*[:：]")
_RULE = re.compile(r"列为首位|列第一位|牵头部门|配合部门|下同")
_SUFFIX = re.compile(r"(人民政府|政府|行政公署)$")
_BARE_PLACE = re.compile(r"[市县旗区盟州]$")
_NOT_A_PREFIX = ("市场", "市政", "区域", "县域", "省际")
_DEPARTMENT_TYPES = frozenset({"region_department", "party_organ"})


@dataclass(frozen=True)
class Annotation:
    """A responsibility annotation found in a paragraph.

    Attributes
    ----------
    content : str
        What stands inside the brackets after the marker (``实施主体：``).
    start, end : int
        Offsets of the whole annotation, brackets included, in the paragraph text.
    style : str
        The annotation style (``"implementer"`` for ``实施主体：…``).
    """

    content: str
    start: int
    end: int
    style: str = "implementer"


@dataclass(frozen=True)
class NamedBody:
    """A body name read from an annotation, with where it stood.

    Attributes
    ----------
    name : str
        The name with shared prefixes and suffixes distributed.
    group : int
        1-based index of its ``，``-separated group.
    position : int
        1-based position among all names of the annotation.
    """

    name: str
    group: int
    position: int


def _closing_bracket(text: str, start: int) -> int | None:
    """Return the index of the bracket closing the one at `start`, any width, or None."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in _OPEN:
            depth += 1
        elif text[index] in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def find_annotation(text: str) -> Annotation | None:
    """Find the ``（实施主体：…）`` annotation of a paragraph.

    Full- and half-width brackets may be mixed (``（实施主体：…科技厅)``). The last annotation in
    the paragraph is taken.

    Examples
    --------
    >>> a = find_annotation("建设数据中心。（实施主体：包头市人民政府，自治区科技厅)")
    >>> a.content, a.start, a.end
    ('包头市人民政府，自治区科技厅', 7, 28)
    >>> find_annotation("重点(工程)实验室建设。") is None
    True
    """
    found = None
    for match in _MARKER.finditer(text):
        opening = match.start() - 1
        while opening >= 0 and text[opening] in " \u3000":
            opening -= 1
        if opening < 0 or text[opening] not in _OPEN:
            continue
        closing = _closing_bracket(text, opening)
        end = len(text) if closing is None else closing + 1
        content = text[match.end() : closing].strip()
        found = Annotation(content, opening, end)
    return found


def split_top_level(text: str, separators: str) -> list[str]:
    """Split `text` at `separators` that stand outside any brackets.

    Examples
    --------
    >>> split_top_level("各县（市、区）政府、市科委", "、")
    ['各县（市、区）政府', '市科委']
    """
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def split_names(content: str, registry: BodyRegistry) -> tuple[list[NamedBody], str | None]:
    """Split annotation content into body names, distributing shared prefixes and suffixes.

    Parameters
    ----------
    content : str
        The annotation's content, without marker and brackets.
    registry : BodyRegistry
        Known bodies: a known name is never given another body's prefix.

    Returns
    -------
    names : list of NamedBody
    rule : str or None
        A stated rule that closes the content (``列为首位的自治区部门为推进牵头部门…``), if any.

    Examples
    --------
    >>> from hbey_graph.bodies import body_registry
    >>> names, rule = split_names(
    ...     "呼和浩特市、包头市人民政府。自治区水利厅、党委编办，呼和浩特海关，下同", body_registry())
    >>> [(n.name, n.group) for n in names]  # doctest: +NORMALIZE_WHITESPACE
    [('呼和浩特市人民政府', 1), ('包头市人民政府', 1), ('自治区水利厅', 2), ('自治区党委编办', 2),
     ('呼和浩特海关', 3)]
    >>> rule
    '下同'
    """
    groups = split_top_level(content, "，,。；;")
    rule_at = next((i for i, group in enumerate(groups) if _RULE.search(group)), len(groups))
    rule = "，".join(groups[rule_at:]) or None
    names: list[NamedBody] = []
    for group_index, group in enumerate(groups[:rule_at], start=1):
        for name in _distribute(split_top_level(group, "、"), registry):
            names.append(NamedBody(name, group_index, len(names) + 1))
    return names, rule


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
        own = _level_prefix(name)
        if prefix is not None and prefix + name in registry:
            name = prefix + name
        elif own is not None and not _SUFFIX.search(name):
            prefix = own
        elif prefix is not None and not _stands_alone(name, registry):
            name = prefix + name
        result.append(name)
    return result


def _level_prefix(name: str) -> str | None:
    """The level prefix a name opens with (``自治区``, ``省``, ``市`` …), if it opens with one.

    ``市场监管局`` opens with 市场 (market), not with the prefix 市.
    """
    if name.startswith(_NOT_A_PREFIX):
        return None
    return next((prefix for prefix in LEVEL_PREFIXES if name.startswith(prefix)), None)


def _stands_alone(name: str, registry: BodyRegistry) -> bool:
    """Whether a name is complete without a level prefix (a known body, a government, an agency)."""
    return name in registry or registry.resolve(name).body_type in {
        "city_government", "central_agency", "enterprise", "group",
    }


def assign_roles(names: list[NamedBody], bodies: list[Body]) -> list[str]:
    """Apply the rule of ``实施主体`` annotations to the names of one annotation.

    The region department listed first (列为首位的自治区部门) leads; the other region departments and
    every other listed body support; city governments are the implementing bodies.

    Parameters
    ----------
    names : list of NamedBody
        The names in annotation order.
    bodies : list of Body
        The resolved body of each name, in the same order.

    Returns
    -------
    list of str
        The role of each name: ``lead``, ``support`` or ``implementer``.

    Examples
    --------
    >>> from hbey_graph.bodies import body_registry
    >>> registry = body_registry()
    >>> names, _ = split_names("包头市人民政府，自治区科技厅、商务厅，内蒙古税务局", registry)
    >>> assign_roles(names, [registry.resolve(n.name) for n in names])
    ['implementer', 'lead', 'support', 'support']
    """
    roles, lead_given = [], False
    for body in bodies:
        if body.body_type == "city_government":
            roles.append("implementer")
        elif body.body_type in _DEPARTMENT_TYPES and not lead_given:
            roles.append("lead")
            lead_given = True
        else:
            roles.append("support")
    return roles
