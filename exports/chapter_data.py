"""What the findings chapter says, gathered from a project as plain values (no python-docx).

The chapter is assembled in two steps: this module decides the content (which respondents are
in scope, who mentioned each theme, which fragments become quotes and how they are attributed),
and `exports.chapter_docx` lays it out. Keeping the decisions here makes them testable on their
own and lets the benchmark time the two halves separately.

Every number comes from `coding.stats` (the counting rules live there, once; a fragment's speaker
is the turn holding most of it, `coding.turn_spans`). Quotes are always a respondent's own words:
interviewer turns and speaker labels never appear in a quote, and each fragment is quoted at most
once in a chapter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from coding.codes import in_vivo_codes
from coding.memo_text import references
from coding.memos import MemoTarget
from coding.project import Project
from coding.stats import EMPTY, CountsTable
from coding.survey.kinds import respondents_by_kind
from coding.types import (
    CodeId,
    CodeInfo,
    DocumentId,
    DocumentInfo,
    SegmentFilter,
    SegmentInfo,
    SpeakerRole,
    Valence,
)
from exports.chapter_text import (
    ELLIPSIS,
    attribution,
    normalise,
    questionnaire_attribution,
    trim_quote,
)

PART_ORDER = (Valence.POSITIEF, Valence.AANDACHTSPUNT, Valence.NEUTRAAL)
MIN_QUOTE_WORDS = 5  # shorter fragments are only quoted when marked as key quote


@dataclass(frozen=True)
class Quote:
    segment_id: int
    document_id: int
    text: str
    attribution: str
    valence: Valence
    key: bool


@dataclass
class Part:
    """The positive, attention or other fragments of one section."""

    valence: Valence
    fragments: int
    respondents: dict[str, int]  # respondent type -> respondents
    quotes: list[Quote] = field(default_factory=list)

    @property
    def respondent_total(self) -> int:
        return sum(self.respondents.values())


@dataclass
class Section:
    """A theme (level 1) or sub-theme (level 2) with its counts and quoted parts."""

    code: CodeInfo
    level: int
    memo: str
    respondents: int
    by_type: dict[str, int]
    fragments: int
    by_valence: dict[Valence, int]
    by_compare: dict[str, int]  # compare value -> respondents
    parts: list[Part] = field(default_factory=list)  # fragments coded on this code itself
    children: list[Section] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)  # interview/questionnaire -> respondents


@dataclass
class ChapterData:
    title: str
    where: tuple[tuple[str, str], ...]
    documents: list[DocumentInfo]
    by_type: dict[str, int]  # respondent type -> documents, most frequent first
    periods: list[str]
    cases: int
    coders: list[str]
    compare_attribute: str | None
    compare_totals: dict[str, int]  # value -> documents (only when a comparison is shown)
    sections: list[Section]
    codebook: list[CodeInfo]
    min_count: int
    respondent_only: bool
    memo_quotes: dict[str, Quote] = field(default_factory=dict)  # fragment GUID -> its quote
    questionnaires: frozenset[int] = frozenset()  # documents that are questionnaire responses
    name_coders: bool = False  # the method paragraph names the coders (an export option)

    @property
    def total(self) -> int:
        return len(self.documents)

    @property
    def quotes(self) -> list[Quote]:
        out: list[Quote] = []

        def walk(sections: Iterable[Section]) -> None:
            for s in sections:
                for p in s.parts:
                    out.extend(p.quotes)
                walk(s.children)

        walk(self.sections)
        return out


@dataclass(frozen=True)
class _Fragment:
    segment: SegmentInfo
    code_id: CodeId
    valence: Valence


def documents_in_scope(project: Project, where: Sequence[tuple[str, str]]) -> list[DocumentInfo]:
    """Documents whose attributes match every filter name (same name twice = either value)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for name, value in where:
        wanted[name].add(value)
    return [d for d in project.documents.list()
            if all(d.attributes.get(n, "") in vals for n, vals in wanted.items())]


def included_codes(tree: list[CodeInfo], themes: Sequence[str | int]) -> list[CodeInfo]:
    """The codebook restricted to chosen codes (by id or path) and their sub-codes."""
    if not themes:
        return list(tree)
    by_path = {c.path.casefold(): c.id for c in tree}
    chosen: set[int] = set()
    for t in themes:
        if isinstance(t, int) or (isinstance(t, str) and t.isdigit()):
            chosen.add(int(t))
        elif isinstance(t, str) and t.strip().strip("/").casefold() in by_path:
            chosen.add(by_path[t.strip().strip("/").casefold()])
        else:
            raise KeyError(t)
    parent = {c.id: c.parent_id for c in tree}
    keep: set[int] = set()
    for c in tree:
        node: CodeId | None = c.id
        while node is not None:
            if node in chosen:
                keep.add(c.id)
                break
            node = parent[node]
    ancestors = set()
    for cid in keep:
        node = parent[CodeId(cid)]
        while node is not None:
            ancestors.add(node)
            node = parent[node]
    return [c for c in tree if c.id in keep or c.id in ancestors]


def gather(project: Project, *, title: str, where: Sequence[tuple[str, str]] = (),
           themes: Sequence[str | int] = (), max_quotes: int = 4, min_count: int = 0,
           attribution_pattern: str = "({respondent_type}, {gezin})",
           respondent_attribute: str = "respondent_type", respondent_only: bool = False,
           compare_attribute: str | None = None, compare_values: Sequence[str] = (),
           period_attribute: str = "meting",
           tick: Callable[[], None] | None = None) -> ChapterData:
    """Everything the chapter shows, for the documents that match `where`."""
    where = tuple(where)
    numbers: dict[int, int] = {d.id: i + 1 for i, d in enumerate(project.documents.list())}
    docs = documents_in_scope(project, where)
    doc_ids = {d.id for d in docs}
    rtype = {d.id: d.attributes.get(respondent_attribute, "") for d in docs}
    type_counts = Counter(rtype.values())
    by_type = dict(sorted(type_counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0])))

    tree = project.codes.tree()
    codes = included_codes(tree, themes)
    # In-vivo codes are the respondents' own words, not themes (issue 21): the "In vivo" subtree
    # stays out of the chapter; a code the researcher moved into a theme is counted there.
    raw = in_vivo_codes(tree)
    codes = [c for c in codes if c.id not in raw]
    code_ids = {c.id for c in codes}
    parent = {c.id: c.parent_id for c in tree}
    segments = [s for s in project.segments.query(SegmentFilter(attributes=where))
                if s.document_id in doc_ids]
    if respondent_only:
        segments = [s for s in segments if s.speaker_role != SpeakerRole.INTERVIEWER]

    compare_totals: dict[str, int] = {}
    if compare_attribute:
        values = list(compare_values) or sorted(
            {d.attributes.get(compare_attribute, "") for d in docs} - {""})
        totals = {v: sum(1 for d in docs if d.attributes.get(compare_attribute, "") == v)
                  for v in values}
        if sum(1 for n in totals.values() if n) >= 2:  # side by side only when both are there
            compare_totals = totals

    # Counting is coding.stats' job (one rule for every screen and file); the fragments below
    # only decide which quotes each section shows.
    table = project.stats.table(document_ids=doc_ids, respondent_only=respondent_only)
    by_respondent = table.count(respondent_attribute, codes=code_ids)
    by_compare = table.count(compare_attribute, codes=code_ids) if compare_totals else None
    by_part = {(valence, subtree): table.count(respondent_attribute, codes=code_ids,
                                                include_subcodes=subtree, valences=(valence,))
               for valence in PART_ORDER for subtree in (False, True)}

    def ancestors(cid: CodeId) -> list[CodeId]:
        chain: list[CodeId] = []
        node: CodeId | None = cid
        while node is not None:
            chain.append(node)
            node = parent[node]
        return chain[::-1]

    # A fragment is quoted in its level-2 section, or in its theme when coded on the theme itself.
    own: dict[int, list[_Fragment]] = defaultdict(list)
    for seg in segments:
        for coding in seg.codings:
            if coding.code_id in code_ids:
                chain = ancestors(coding.code_id)
                own[chain[1] if len(chain) > 1 else chain[0]].append(
                    _Fragment(seg, coding.code_id, coding.valence))

    # Questionnaire responses are counted and attributed apart from interviews (mixed projects).
    questionnaires = project.surveys.questionnaire_documents() & frozenset(doc_ids)
    by_kind = respondents_by_kind(project.stats, doc_ids, questionnaires, codes=code_ids,
                                  respondent_only=respondent_only) if questionnaires else {}
    quotes = _QuotePicker(project, numbers, attribution_pattern, respondent_attribute,
                          questionnaires)
    # The memos open their sections; the fragments they refer to are quoted there, so they are
    # reserved before the sections pick their quotes (each fragment is quoted once).
    memos = {c.id: project.memos.get(MemoTarget(code_id=c.id)).strip() for c in codes}
    memo_quotes = quotes.reserve(project.segments.by_guids(
        guid for text in memos.values() for guid in references(text)).values())

    def split(counts: CountsTable, code_id: int) -> dict[str, int]:
        row = counts.row(code_id)
        cells = row.by_value if row is not None else {}
        return {t: cells[t].documents for t in by_type if t in cells and cells[t].documents}

    def section(code: CodeInfo, level: int) -> Section:
        row = by_respondent.row(code.id)
        total = row.total if row is not None else EMPTY
        compare_row = by_compare.row(code.id) if by_compare is not None else None
        sec = Section(code=code, level=level,
                      memo=memos.get(code.id, ""),
                      respondents=total.documents, by_type=split(by_respondent, code.id),
                      fragments=total.segments,
                      by_valence={v: total.by_valence[v.value] for v in PART_ORDER
                                  if total.by_valence.get(v.value)},
                      by_compare={v: compare_row.by_value[v].documents if compare_row
                                  and v in compare_row.by_value else 0
                                  for v in compare_totals},
                      by_kind={k.value: n for k, n in by_kind.get(code.id, {}).items()})
        mine = own.get(code.id, [])
        parts = []
        for valence in PART_ORDER:
            part_row = by_part[(valence, level > 1)].row(code.id)
            if part_row is not None and part_row.total.segments:
                parts.append(Part(valence, part_row.total.segments,
                                  split(by_part[(valence, level > 1)], code.id)))
        quotes.fill(parts, mine, max_quotes)
        sec.parts = parts
        return sec

    sections = []
    for code in codes:
        if code.depth != 0:
            continue
        sec = section(code, 1)
        for child in codes:
            child_row = by_respondent.row(child.id)
            if child.parent_id == code.id and child_row is not None and child_row.total.segments:
                sec.children.append(section(child, 2))
        sections.append(sec)
        if tick is not None:
            tick()

    periods = sorted({d.attributes.get(period_attribute, "") for d in docs} - {""})
    case_values = {d.case or next((d.attributes[n] for n in ("gezin", "gezin_id")
                                   if d.attributes.get(n)), "") for d in docs}
    return ChapterData(
        title=title, where=where, documents=docs, by_type=by_type, periods=periods,
        cases=len(case_values - {""}), coders=sorted({s.coder for s in segments}),
        compare_attribute=compare_attribute if compare_totals else None,
        compare_totals=compare_totals, sections=sections, codebook=codes,
        min_count=min_count, respondent_only=respondent_only, questionnaires=questionnaires,
        memo_quotes=memo_quotes)


class _QuotePicker:
    """Chooses quotes: key quotes first, then a spread over respondents, each fragment once."""

    def __init__(self, project: Project, numbers: dict[int, int], pattern: str,
                 respondent_attribute: str, questionnaires: frozenset[int] = frozenset()) -> None:
        self._project = project
        self._questionnaires = questionnaires
        self._numbers = numbers
        self._pattern = pattern
        self._rattr = respondent_attribute
        self._turns: dict[int, list[tuple[int, int]]] = {}
        self._texts: dict[int, str] = {}
        self.used: set[int] = set()

    def _respondent_spans(self, doc_id: int) -> list[tuple[int, int]]:
        if doc_id not in self._turns:
            self._turns[doc_id] = [
                (t.start, t.end) for t in self._project.documents.turns(DocumentId(doc_id))
                if t.role != SpeakerRole.INTERVIEWER]
        return self._turns[doc_id]

    def text_of(self, seg: SegmentInfo) -> str:
        """The respondent's words in a fragment; turns it spans are joined with '[…]'."""
        if seg.id in self._texts:
            return self._texts[seg.id]
        spans = self._respondent_spans(seg.document_id)
        all_turns = self._project.documents.turns(seg.document_id) if not spans else None
        if not spans and not all_turns:
            pieces = [seg.text]  # a document without turns: the text is the respondent's
        else:
            pieces = [seg.text[max(a, seg.start) - seg.start:min(b, seg.end) - seg.start]
                      for a, b in spans if a < seg.end and b > seg.start]
        pieces = [normalise(p) for p in pieces if p.strip()]
        text = f" {ELLIPSIS} ".join(pieces)
        self._texts[seg.id] = text
        return text

    def reserve(self, segments: Iterable[SegmentInfo]) -> dict[str, Quote]:
        """Quotes for fragments a memo refers to, by GUID; they are not picked again."""
        out = {}
        for seg in segments:
            self.used.add(seg.id)
            out[seg.guid] = self._quote(
                seg, self.text_of(seg) or normalise(seg.text),
                seg.codings[0].valence if seg.codings else Valence.NEUTRAAL)
        return out

    def _quote(self, seg: SegmentInfo, text: str, valence: Valence) -> Quote:
        """A fragment as the chapter quotes it: trimmed, attributed (questionnaires apart)."""
        return Quote(
            segment_id=seg.id, document_id=seg.document_id, text=trim_quote(text),
            attribution=questionnaire_attribution(seg.attributes, self._rattr)
            if seg.document_id in self._questionnaires else
            attribution(self._pattern, seg.attributes,
                        self._numbers.get(seg.document_id, 0), self._rattr),
            valence=valence, key=seg.key_quote)

    def fill(self, parts: list[Part], frags: list[_Fragment], budget: int) -> None:
        queues: dict[Valence, list[_Fragment]] = {}
        for part in parts:
            queues[part.valence] = self._ranked([f for f in frags if f.valence == part.valence])
        order = [p for p in parts if p.valence != Valence.NEUTRAAL]
        rest = [p for p in parts if p.valence == Valence.NEUTRAAL]
        for group in (order, rest):  # positive and attention in turn; the rest gets what is left
            progress = True
            while budget > 0 and progress:
                progress = False
                for part in group:
                    if budget <= 0:
                        break
                    quote = self._next(queues[part.valence], part.valence)
                    if quote is not None:
                        part.quotes.append(quote)
                        budget -= 1
                        progress = True

    def _ranked(self, frags: list[_Fragment]) -> list[_Fragment]:
        seen: set[int] = set()
        unique = []
        for f in frags:
            if f.segment.id not in seen:
                seen.add(f.segment.id)
                unique.append(f)
        keys = [f for f in unique if f.segment.key_quote]
        others = [f for f in unique if not f.segment.key_quote]

        def fit(f: _Fragment) -> int:  # 0 = a comfortable length to read as a quote
            n = len(self.text_of(f.segment).split())
            return 0 if 15 <= n <= 80 else 1 if n > 80 else 2

        others.sort(key=lambda f: (fit(f), f.segment.document_id, f.segment.start))
        # Round robin over respondents so one talkative respondent does not fill a section.
        by_doc: dict[int, list[_Fragment]] = defaultdict(list)
        for f in others:
            by_doc[f.segment.document_id].append(f)
        spread: list[_Fragment] = []
        ranks = sorted(by_doc.values(), key=lambda lst: (fit(lst[0]), lst[0].segment.document_id))
        while any(ranks):
            for lst in ranks:
                if lst:
                    spread.append(lst.pop(0))
        return keys + spread

    def _next(self, queue: list[_Fragment], valence: Valence) -> Quote | None:
        while queue:
            f = queue.pop(0)
            seg = f.segment
            if seg.id in self.used:
                continue
            text = self.text_of(seg)
            if not text or (len(text.split()) < MIN_QUOTE_WORDS and not seg.key_quote):
                continue
            self.used.add(seg.id)
            return self._quote(seg, text, valence)
        return None
