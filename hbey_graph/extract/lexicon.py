"""The words and patterns plans are read with, as data: ``data/lexicon.csv``.

Every word list the reader uses (labels such as ``牵头单位``, verbs such as ``配合``, level prefixes,
endings of body names, official titles, stated conventions, deadlines, outline numbers …) is a row
of one table with the columns ``kind, entry, value, extra, description``. A :class:`Lexicon` holds
the rows and the matchers made from them; matching itself is done by the modules that read text.
A new way of writing the same facts is a new row::

    from hbey_graph import load_plan
    from hbey_graph.extract.lexicon import Lexicon

    lexicon = Lexicon.default().with_rows([
        {"kind": "label", "entry": "督办单位", "value": "lead", "extra": "lead"},
    ])
    plan = load_plan("plan.txt", lexicon=lexicon)

The kinds, and what ``value`` and ``extra`` hold for each:

``label``
    A field name followed by a colon (``牵头单位：``), also a table's column header. ``value``: the
    role of the names after it (``lead``, ``support``, ``responsible``, ``implementer``, ``by_rule``),
    or what the field holds instead (``official``, ``deadline``, ``text``, ``number``, ``none``;
    ``setting``: where or when the task is done, words of its text whose names are places, not
    bodies (``地点：县电视台``, ``活动时间：…``); ``composition``: the make-up of a working group,
    ``组长：…``, after which a labelled line such as ``成员单位：…`` names the group's members, not
    a task's bodies);
    ``extra``: the role beside a named lead (``责任单位`` beside ``牵头单位``: ``support``).
``verb``
    A word closing a list of names (``A、B配合``); ``value`` and ``extra`` as for a label.
``infix``
    A word between two lists (``A会同B``); ``value``: the left list's role, ``extra``: the right's.
``agent``
    A word opening a clause that names who acts (``由``); ``value``: ``opening`` when it counts
    only where a clause opens (``以`` of ``以A为主``, not of ``以上``), ``request`` when it asks
    the bodies it names to do what follows, with no role word (``请县财政局按会议讨论意见修改``).
``framing``
    A word opening a clause that frames a sentence (its purpose or basis: ``为``, ``根据``): bodies
    with a role verb in a later clause of the sentence state who does its task.
``level_prefix``
    The level a name opens with (``省``, ``市`` …); ``value``: ``central``, ``provincial``,
    ``prefecture``, ``county`` or ``township``; ``extra``: ``carried`` when a list writes it once for
    all its names (``省发展改革委、财政厅``).
``not_prefix``
    A regular expression for words that open with a prefix's character but are none (``市场``).
``body_ending``
    How a body's name ends; ``value``: ``government``, ``party``, ``department``, ``agency``,
    ``enterprise``, ``collective``, ``township`` or ``zone``; ``extra``: ``strong`` when the ending
    alone makes a name a body, ``weak`` when a role word or a label must confirm it.
``not_body``
    A word that ends like a body's name but names none (``布局``).
``collective``
    A regular expression finding group bodies (``各…``, ``有关部门``); ``value``: ``whole`` for a
    pattern that names a group by itself, with no ending of a body's name (``村（社区）``, ``各村``).
``official_title``
    How an official's name ends (``副市长``): officials are not bodies.
``tail``
    A regular expression for the open tail of a list (``等有关部门``), dropped.
``conjunction``
    A word joining two names (``及``), split when both sides name bodies.
``convention``
    A regular expression for a stated convention; ``value``: the rule (``first_listed``,
    ``first_department``, ``no_list``, ``typeface`` when the lead is marked by a typeface a text
    copy loses, ``字体加粗者为牵头部门``: the bodies keep the roles their words give, or
    ``continues`` for a clause that goes on stating one).
``standing``
    A regular expression with a group ``bodies`` for a standing convention (``以下均需各县政府落实，
    不再列出``): the bodies take part in the later tasks.
``deadline``
    A regular expression for a clause or cell that is a deadline (``2019年底前完成``).
``covered_items``
    A regular expression for the words before a label that say which items it covers (``该目标``,
    ``4项目标的``): ``4项目标的责任单位均为A`` reads as ``责任单位：A``.
``heading_role``
    A regular expression with a group ``bodies`` (and a group ``verb``) for a heading that names
    who leads the items under it (``省发展改革委牵头的工作``). The verb gives the role when it is a
    verb of the lexicon; otherwise ``value`` does (``lead`` when empty).
``numbering``
    A regular expression for an outline number; ``value``: its level (1 for ``一、``). ``{cn}``
    stands for a Chinese number from 1 to 99. ``extra``: ``nests`` when items numbered otherwise at
    the same level nest under a heading so numbered (an emergency plan's ``2.1.2`` over ``(1)``).
``enumeration``
    A regular expression for an inline enumeration (``一是``).
``closing``
    A regular expression for a line that closes a plan's running text (``抄送：``, ``附件1``): the
    lines after it are kept one paragraph each (a table's cells, the copy list), up to the next
    top-level heading.
``furniture``
    A regular expression for a line of a web page's furniture around the plan (``网站标识码``,
    ``【打印本页】``): the line is not read. ``value``: ``line`` when the words alone make it
    furniture, ``beside`` when they do only within two lines of such a line (the site's owners,
    ``主办单位：A　承办单位：B``, above its registration number), ``after`` only in the two lines
    after one (``主办：A`` under ``版权所有``; above the footer it closes a task), ``page`` for a
    printed page's number on a line of its own in a copied PDF (``— 2 —``, ``第2页``): not
    read, and no line near it is taken for furniture because of it; ``mark`` for words a copying
    site set inside a line (``[接上页]``): those words alone are not read.
``duty_section``
    A word in a heading or sentence that opens a list of bodies, each followed by a colon and its
    duties (``职责分工``: ``区委宣传部：制订宣传方案…``). In such a section a line opening with a
    body name and a colon is a task of that body: responsible, or the role of a verb opening the
    duties (``市城管局：配合做好…``: support).
``team``
    The ending of a working group's name (``组``: ``抢险救援组``). A table run together whose
    header names a column of such groups (``序号工作组牵头单位工作职责``) gives each row the group's
    name, its bodies and then its text (``2抢险救援组应急管理局主要负责实施…``): the group's name
    is cut off, not read as part of a body's.
``subject_verb``
    A word of the verbs that follow a clause's subject naming its bodies (``负责``, ``配合``,
    ``职责`` of ``按照各自职责``): ``民政部门配合做好…`` is a statement, ``负责人`` is none.
``not_after_subject``
    A character that, right after the bodies opening a paragraph, shows no work of theirs follows
    (``要`` of an exhortation, ``的`` of a qualifier, ``和`` of a list going on, ``关`` of a notice's
    title after its issuer): in a run of paragraphs each opening with a body doing its work, such a
    paragraph is not one.
``agent_object``
    A word that, right after the bodies an agent names, opens what they act on (``对``:
    ``由各指挥部对涉及的线杆指定迁移路由``): the bodies answer for the task, with no role word.
``government_ending``
    The ending of a name only a government's department has (``厅``: ``民政厅``): a party
    committee's prefix written once for a list (``省委组织部、民政厅``) carries only its level to
    it (``省民政厅``, not ``省委民政厅``).
``place_name``
    A place (``哈尔滨``) that opens a body's own name (``哈尔滨铁路局``): no prefix is carried to it.
``agency``
    A regular expression for a central agency stationed locally (``海关``, ``税务局``).
``not_in_body``
    A word that never stands inside a body's name (``要``, ``加强``): a text holding one is a
    sentence.

Links between places (:mod:`hbey_graph.extract.links`):

``cooperation_cue``
    A word that makes a clause one of joint action between the places it lists (``合作``).
``corridor_word``
    A word that makes a route of places a transport or energy corridor (``铁路``, ``通道``).
``name_noun``
    A word ending the name of an event (``博览会``): places joined by a dash before it are its name
    (``中国—蒙古国博览会``), not a chain.
``destination_cue``
    A word introducing the places a corridor leads to (``通往``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from hbey_graph.reference import data_path

__all__ = ["KINDS", "ROLE_VALUES", "Lexicon", "Marker"]

#: The kinds of row a lexicon holds.
KINDS: tuple[str, ...] = (
    "label",
    "verb",
    "infix",
    "agent",
    "framing",
    "level_prefix",
    "not_prefix",
    "body_ending",
    "not_body",
    "collective",
    "official_title",
    "tail",
    "conjunction",
    "convention",
    "standing",
    "deadline",
    "heading_role",
    "numbering",
    "enumeration",
    "closing",
    "furniture",
    "place_name",
    "agency",
    "not_in_body",
    "cooperation_cue",
    "corridor_word",
    "name_noun",
    "destination_cue",
    "duty_section",
    "team",
    "covered_items",
    "government_ending",
    "agent_object",
    "subject_verb",
    "not_after_subject",
)
_DEADLINE_CHARACTER = re.compile(r"[\d年月内期续常后]")  # a deadline holds one; most clauses do not
#: What a label or verb can give the names after it.
ROLE_VALUES: tuple[str, ...] = ("lead", "support", "responsible", "implementer", "by_rule")
_FIELD_VALUES = (*ROLE_VALUES, "official", "deadline", "text", "number", "none", "setting", "composition")
_RULES = ("first_listed", "first_department", "no_list", "typeface", "continues")
_REGEX_KINDS = frozenset(
    {
        "not_prefix",
        "collective",
        "tail",
        "convention",
        "standing",
        "deadline",
        "heading_role",
        "numbering",
        "enumeration",
        "closing",
        "furniture",
        "agency",
        "covered_items",
    }
)
_DIGITS = "一二三四五六七八九"
#: A Chinese number from 1 to 99: 三, 十, 十二, 二十, 九十九.
CHINESE_NUMERAL = f"(?:[{_DIGITS[1:]}]?十[{_DIGITS}]?|[{_DIGITS}])"


@dataclass(frozen=True)
class Marker:
    """A word that tells what role the names it governs hold.

    Attributes
    ----------
    text : str
        The marker as written (``牵头单位``, ``配合``).
    kind : str
        ``field`` (a label), ``verb`` (a word closing a list), ``infix`` (a word between two
        lists), ``heading`` (a heading naming a body) or ``standing`` (a standing convention).
    role : str
        ``lead``, ``support``, ``implementer``, ``responsible`` or ``by_rule`` (the plan's
        convention decides, as for ``实施主体``).
    beside_lead : str
        The role when the same task names a lead explicitly (``A牵头，B负责``: B supports).
    """

    text: str
    kind: str
    role: str
    beside_lead: str


@dataclass(frozen=True)
class _Row:
    kind: str
    entry: str
    value: str
    extra: str
    description: str


class Lexicon:
    """The rows of a lexicon and the matchers made from them.

    Parameters
    ----------
    rows : iterable of mapping
        Rows with the columns ``kind``, ``entry`` and, as the kind needs them, ``value``, ``extra``
        and ``description``. A later row of the same kind and entry replaces an earlier one.
    source : str
        Where the rows came from, named in error messages.

    Raises
    ------
    ValueError
        For a row of an unknown kind, without an entry, with a value its kind does not take, or
        with a regular expression that does not compile; the message names the row.

    Examples
    --------
    >>> lexicon = Lexicon.default()
    >>> lexicon.labels["配合单位"].role, lexicon.verbs["分别牵头"].role
    ('support', 'lead')
    >>> lexicon.convention_rule("列第一位为牵头单位，下同")
    'first_listed'
    >>> custom = lexicon.with_rows([{"kind": "verb", "entry": "挂帅", "value": "lead", "extra": "lead"}])
    >>> "挂帅" in custom.verbs, "挂帅" in lexicon.verbs
    (True, False)
    """

    def __init__(self, rows: Iterable[Mapping[str, str]], *, source: str = "lexicon") -> None:
        kept: dict[tuple[str, str], _Row] = {}
        for number, row in enumerate(rows, start=1):
            parsed = _parse_row(row, number, source)
            kept.pop((parsed.kind, parsed.entry), None)  # a later row replaces an earlier one
            kept[(parsed.kind, parsed.entry)] = parsed
        self.rows: tuple[_Row, ...] = tuple(kept.values())
        self.source = source

    @classmethod
    def default(cls) -> Lexicon:
        """Return the lexicon shipped in ``data/lexicon.csv`` (read once)."""
        return _default_lexicon()

    @classmethod
    def from_csv(cls, path: str | Path) -> Lexicon:
        """Read a lexicon from a CSV file with the columns of ``data/lexicon.csv``."""
        path = Path(path)
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                rows = []
                for row in reader:
                    if None in row:  # more cells than columns: a comma in an unquoted pattern
                        cells, columns = len(row) - 1 + len(row[None]), len(reader.fieldnames or [])
                        raise ValueError(
                            f"{path}, line {reader.line_num}: {cells} cells where the header has "
                            f"{columns}; quote an entry that holds a comma"
                        )
                    rows.append(row)
        except OSError as err:
            raise ValueError(f"{path}: cannot read the lexicon ({err.strerror})") from err
        return cls(rows, source=str(path))

    def with_rows(self, rows: Iterable[Mapping[str, str]]) -> Lexicon:
        """Return a new lexicon: these rows added (or replacing rows of the same kind and entry)."""
        own = (
            {
                "kind": r.kind,
                "entry": r.entry,
                "value": r.value,
                "extra": r.extra,
                "description": r.description,
            }
            for r in self.rows
        )
        return Lexicon([*own, *rows], source=f"{self.source} + rows")

    def entries(self, kind: str) -> tuple[_Row, ...]:
        """The rows of one kind, in table order."""
        return tuple(row for row in self.rows if row.kind == kind)

    # --- markers -------------------------------------------------------------------------------

    @cached_property
    def labels(self) -> dict[str, Marker]:
        """Labels by their text; the marker's role is the field's value (``official``, ``text`` …)."""
        return {r.entry: Marker(r.entry, "field", r.value, r.extra or r.value) for r in self.entries("label")}

    @cached_property
    def label_opening(self) -> re.Pattern[str]:
        """The longest label a text opens with (a header cell ``牵头单位（盖章）``), by ``match``."""
        return _word_pattern(self.labels)

    @cached_property
    def role_labels(self) -> dict[str, Marker]:
        """The labels whose field names bodies (or an official or a deadline of the task)."""
        return {
            text: m for text, m in self.labels.items() if m.role in (*ROLE_VALUES, "official", "deadline")
        }

    @cached_property
    def verbs(self) -> dict[str, Marker]:
        """Verbs closing a list of names, by their text."""
        return {r.entry: Marker(r.entry, "verb", r.value, r.extra or r.value) for r in self.entries("verb")}

    @cached_property
    def infixes(self) -> dict[str, tuple[Marker, Marker]]:
        """Words between two lists: the left list's marker and the right list's."""
        return {
            r.entry: (Marker(r.entry, "infix", r.value, r.value), Marker(r.entry, "infix", r.extra, r.extra))
            for r in self.entries("infix")
        }

    @cached_property
    def agents(self) -> tuple[str, ...]:
        """Words naming who acts, opening a clause or inside one (``具体工作由市发改委牵头``)."""
        return _longest_first(r.entry for r in self.entries("agent") if r.value != "opening")

    @cached_property
    def requests(self) -> tuple[str, ...]:
        """Agents that ask the bodies they name to do what follows (``请``), longest first."""
        return _longest_first(r.entry for r in self.entries("agent") if r.value == "request")

    @cached_property
    def opening_agents(self) -> tuple[str, ...]:
        """Words opening a clause that names who acts, longest first.

        The agents, and those that only count where a clause opens (``以A为主``; the ``以`` of
        ``以上`` names no one).
        """
        return _longest_first(r.entry for r in self.entries("agent"))

    @cached_property
    def covered_items(self) -> str:
        """The words before a label that say which items it covers, as one regular expression."""
        return "|".join(f"(?:{r.entry})" for r in self.entries("covered_items")) or "(?!)"

    @cached_property
    def subject_verb_words(self) -> tuple[str, ...]:
        """Words of the verbs that follow a clause's subject (``负责``, ``配合``)."""
        return _longest_first(r.entry for r in self.entries("subject_verb"))

    @cached_property
    def not_after_subject(self) -> frozenset[str]:
        """Characters after a paragraph's opening bodies that show no work of theirs follows (``要``)."""
        return frozenset(r.entry for r in self.entries("not_after_subject"))

    @cached_property
    def nesting_numbers(self) -> re.Pattern[str]:
        """Outline numbers under which items numbered otherwise at their level nest (``2.1.2``)."""
        return _alternatives(
            r.entry.replace("{cn}", CHINESE_NUMERAL) for r in self.entries("numbering") if r.extra == "nests"
        )

    @cached_property
    def agent_objects(self) -> tuple[str, ...]:
        """Words opening what the bodies an agent names act on (``对``), longest first."""
        return _longest_first(r.entry for r in self.entries("agent_object"))

    @cached_property
    def framing(self) -> tuple[str, ...]:
        """Words opening a clause that frames a sentence (``为``, ``根据``), longest first."""
        return _longest_first(r.entry for r in self.entries("framing"))

    # --- links between places ----------------------------------------------------------------

    @cached_property
    def cooperation_cues(self) -> re.Pattern[str]:
        """Words that make a clause one of joint action between places."""
        return _word_pattern(r.entry for r in self.entries("cooperation_cue"))

    @cached_property
    def corridor_words(self) -> re.Pattern[str]:
        """Words that make a route of places a corridor."""
        return _word_pattern(r.entry for r in self.entries("corridor_word"))

    @cached_property
    def name_nouns(self) -> re.Pattern[str]:
        """Words ending the name of an event, which may hold places joined by a dash."""
        return _word_pattern(r.entry for r in self.entries("name_noun"))

    @cached_property
    def destination_cues(self) -> re.Pattern[str]:
        """Words introducing the places a corridor leads to."""
        return _word_pattern(r.entry for r in self.entries("destination_cue"))

    # --- duty lists ------------------------------------------------------------------------------

    @cached_property
    def team_endings(self) -> re.Pattern[str]:
        """Endings of a working group's name (组)."""
        return _word_pattern(r.entry for r in self.entries("team"))

    @cached_property
    def duty_sections(self) -> re.Pattern[str]:
        """Words announcing a list of bodies, each followed by a colon and its duties (职责分工)."""
        return _word_pattern(r.entry for r in self.entries("duty_section"))

    # --- body names ----------------------------------------------------------------------------

    @cached_property
    def level_prefixes(self) -> dict[str, str]:
        """Level prefixes, longest first, to their level."""
        return {p: self._prefix_rows[p].value for p in _longest_first(self._prefix_rows)}

    @cached_property
    def carried_prefixes(self) -> frozenset[str]:
        """The prefixes a list writes once for all its names."""
        return frozenset(p for p, r in self._prefix_rows.items() if r.extra == "carried")

    @cached_property
    def government_endings(self) -> frozenset[str]:
        """Endings of names only a government's departments have (see ``government_ending``)."""
        return frozenset(r.entry for r in self.entries("government_ending"))

    def level_of(self, prefix: str) -> str:
        """The plain level prefix a longer one opens with (``省委`` → ``省``), else `prefix` itself.

        Examples
        --------
        >>> lexicon = Lexicon.default()
        >>> lexicon.level_of("省委"), lexicon.level_of("自治区党委"), lexicon.level_of("市")
        ('省', '自治区', '市')
        """
        row = self._prefix_rows.get(prefix)
        shorter = [
            other
            for other, other_row in self._prefix_rows.items()
            if len(other) < len(prefix) and prefix.startswith(other) and row and other_row.value == row.value
        ]
        return max(shorter, key=len, default=prefix)

    @cached_property
    def _prefix_rows(self) -> dict[str, _Row]:
        return {r.entry: r for r in self.entries("level_prefix")}

    @cached_property
    def prefix_pattern(self) -> re.Pattern[str]:
        """A level prefix opening a name, unless a :attr:`not_prefix` word opens it."""
        not_prefix = "|".join(r.entry for r in self.entries("not_prefix"))
        prefixes = "|".join(map(re.escape, self.level_prefixes))
        guard = f"(?!{not_prefix})" if not_prefix else ""
        return re.compile(f"{guard}(?:{prefixes})" if prefixes else "(?!)")

    @cached_property
    def endings(self) -> tuple[tuple[str, str, str], ...]:
        """Body-name endings, longest first: (ending, kind of body, strength)."""
        rows = {r.entry: r for r in self.entries("body_ending")}
        return tuple((e, rows[e].value, rows[e].extra) for e in _longest_first(rows))

    @cached_property
    def ending_kinds(self) -> dict[str, str]:
        """The kind of body each body-name ending makes (``局``: ``department``)."""
        return {ending: kind for ending, kind, _ in self.endings}

    @cached_property
    def ending_pattern(self) -> re.Pattern[str]:
        """Any body-name ending at the end of a text (the longest)."""
        return _word_pattern((e for e, _, _ in self.endings), suffix="$")

    @cached_property
    def not_bodies(self) -> re.Pattern[str]:
        """Words that end like a body's name but name none, at the end of a text."""
        return _word_pattern((r.entry for r in self.entries("not_body")), suffix="$")

    @cached_property
    def not_in_body(self) -> re.Pattern[str]:
        """Words that never stand inside a body's name, searched in a text."""
        return _word_pattern(r.entry for r in self.entries("not_in_body"))

    @cached_property
    def collective(self) -> re.Pattern[str]:
        """Group bodies (``各地``, ``有关部门``), searched in a name."""
        return _alternatives(r.entry for r in self.entries("collective"))

    @cached_property
    def whole_groups(self) -> re.Pattern[str]:
        """Groups named by a name as a whole, with no ending of a body's (``村（社区）``, ``各村``)."""
        return _alternatives(r.entry for r in self.entries("collective") if r.value == "whole")

    @cached_property
    def official_titles(self) -> re.Pattern[str]:
        """How an official's name ends (``副市长``)."""
        return _word_pattern((r.entry for r in self.entries("official_title")), suffix="$")

    @cached_property
    def tail(self) -> re.Pattern[str]:
        """The open tail of a list (``等有关部门``) at the end of a name."""
        return _alternatives(r.entry for r in self.entries("tail"))

    @cached_property
    def place_names(self) -> re.Pattern[str]:
        """A place name opening a text (the longest)."""
        return _word_pattern(r.entry for r in self.entries("place_name"))

    @cached_property
    def agency(self) -> re.Pattern[str]:
        """Words of a central agency stationed locally, searched in a name."""
        return _alternatives(r.entry for r in self.entries("agency"))

    @cached_property
    def conjunctions(self) -> re.Pattern[str]:
        """Words joining two names."""
        return _word_pattern(r.entry for r in self.entries("conjunction"))

    # --- conventions, deadlines, headings ------------------------------------------------------

    @cached_property
    def conventions(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Stated conventions and the rule each sets, ``continues`` last."""
        rows = [(re.compile(r.entry), r.value) for r in self.entries("convention")]
        return tuple(sorted(rows, key=lambda pair: pair[1] == "continues"))

    @cached_property
    def _any_convention(self) -> re.Pattern[str]:
        return _alternatives(r.entry for r in self.entries("convention"))

    def convention_rule(self, text: str) -> str | None:
        """Return the rule a convention sentence states (not ``continues``), or None."""
        if not self._any_convention.search(text):
            return None
        return next(
            (rule for pattern, rule in self.conventions if rule != "continues" and pattern.search(text)), None
        )

    def continues_rule(self, text: str) -> bool:
        """Whether `text` is a clause that goes on stating a convention (``其他为配合部门``, ``下同``)."""
        return any(rule == "continues" and p.search(text) for p, rule in self.conventions)

    @cached_property
    def standing(self) -> tuple[re.Pattern[str], ...]:
        """Standing conventions, each with a group ``bodies``."""
        return tuple(re.compile(r.entry) for r in self.entries("standing"))

    @cached_property
    def deadline(self) -> re.Pattern[str]:
        """A clause or a cell that is a deadline, whole."""
        return _alternatives(f"(?:{r.entry})" for r in self.entries("deadline"))

    def is_deadline(self, text: str) -> bool:
        """Whether `text` is a deadline (``2019年底前完成``, ``年内持续推进``), not an empty match."""
        text = re.sub(r"[ \t\u3000]+", "", text)  # 2016 年底前: a PDF's spaces around figures
        return _DEADLINE_CHARACTER.search(text) is not None and self.deadline.fullmatch(text) is not None

    @cached_property
    def heading_roles(self) -> tuple[tuple[re.Pattern[str], Marker], ...]:
        """Headings that name who leads the items under them, each with the role it gives."""
        roles = ((r, r.value or "lead") for r in self.entries("heading_role"))
        return tuple(
            (re.compile(r.entry), Marker(r.entry, "heading", role, r.extra or role)) for r, role in roles
        )

    @cached_property
    def numbering(self) -> dict[int, re.Pattern[str]]:
        """Outline headings by level: the number, then the rest of the line (groups ``number``, ``rest``)."""
        by_level: dict[int, list[str]] = {}
        for row in self.entries("numbering"):
            by_level.setdefault(int(row.value), []).append(row.entry.replace("{cn}", CHINESE_NUMERAL))
        return {
            level: re.compile(rf"^(?P<number>{'|'.join(f'(?:{p})' for p in patterns)})\s*(?P<rest>\S.*)$")
            for level, patterns in sorted(by_level.items())
        }

    @cached_property
    def closing(self) -> re.Pattern[str]:
        """A line closing the running text (``抄送：``, ``附件1``), matched at its start."""
        return _alternatives(r.entry for r in self.entries("closing"))

    @cached_property
    def furniture(self) -> dict[str, re.Pattern[str]]:
        """A web page's furniture by where it is (``line``, ``beside``, ``after``).

        Also a printed ``page``'s number, and a copying site's ``mark`` inside a line.
        """
        rows = self.entries("furniture")
        return {
            where: _alternatives(r.entry for r in rows if (r.value or "line") == where)
            for where in ("line", "beside", "after", "page", "mark")
        }

    @cached_property
    def enumeration(self) -> re.Pattern[str]:
        """Inline enumerations (``一是``)."""
        return _alternatives(r.entry.replace("{cn}", CHINESE_NUMERAL) for r in self.entries("enumeration"))


def _parse_row(row: Mapping[str, str], number: int, source: str) -> _Row:
    def where() -> str:
        return f"{source}, row {number} ({dict(row)})"

    kind = (row.get("kind") or "").strip()
    entry = (row.get("entry") or "").strip()
    value = (row.get("value") or "").strip()
    extra = (row.get("extra") or "").strip()
    if kind not in KINDS:
        raise ValueError(f"{where()}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not entry:
        raise ValueError(f"{where()}: no entry")
    if kind in ("label", "verb") and (value not in _FIELD_VALUES or (extra and extra not in _FIELD_VALUES)):
        raise ValueError(f"{where()}: a {kind} takes a value among {', '.join(_FIELD_VALUES)}")
    if kind == "infix" and (value not in ROLE_VALUES or extra not in ROLE_VALUES):
        raise ValueError(f"{where()}: an infix takes the roles of its left and right lists")
    if kind == "convention" and value not in _RULES:
        raise ValueError(f"{where()}: a convention sets one of the rules {', '.join(_RULES)}")
    if kind == "numbering" and not value.isdigit():
        raise ValueError(f"{where()}: a numbering row takes its outline level as a number")
    if kind == "numbering" and extra not in ("", "nests"):
        raise ValueError(f"{where()}: a numbering row's extra is empty or 'nests'")
    if kind in _REGEX_KINDS:
        try:
            compiled = re.compile(entry.replace("{cn}", CHINESE_NUMERAL))
        except re.error as err:
            raise ValueError(f"{where()}: not a regular expression ({err})") from err
        if kind in ("standing", "heading_role") and "bodies" not in compiled.groupindex:
            raise ValueError(f"{where()}: the pattern needs a group named 'bodies'")
        if kind == "heading_role" and value and value not in ROLE_VALUES:
            raise ValueError(f"{where()}: a heading_role gives one of the roles {', '.join(ROLE_VALUES)}")
    return _Row(kind, entry, value, extra, (row.get("description") or "").strip())


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _word_pattern(words: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    words = _longest_first(words)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))}){suffix}" if words else "(?!)")


def _alternatives(patterns: Iterable[str]) -> re.Pattern[str]:
    patterns = list(patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else "(?!)")


@cache
def _default_lexicon() -> Lexicon:
    return Lexicon.from_csv(data_path("lexicon.csv"))
