"""Withdrawal of consent (AVG): what goes when a respondent withdraws, shown before it goes.

`plan_withdrawal(project, document=..., case=..., respondent=...)` is the one preview the dialog
(Project → Toestemming intrekken…) and ``duiding withdraw`` both show; `WithdrawConsent`
(``coding.commands.withdraw``) carries the same plan out in one transaction and then wipes the
file (``ProjectStore.scrub``). What a plan holds:

- their documents (an interview, a questionnaire response): text, speakers and turns, attribute
  values (their row of the respondent sheet), coded fragments and fragment memos, help-history
  events, questionnaire rows and NLP caches go with each document;
- a case (family) when it is withdrawn itself or none of its documents stays, with its
  attribute values and memos;
- memos on their documents or case; memos elsewhere that quote them lose those passages
  (listed for review);
- matrix cell summaries about them (their document's or case's row) or quoting them;
- pseudonymisation key entries and name-list names that belong only to them
  (``coding.withdrawal_text``);
- backups beside the project that still hold their documents (removed with consent).

A team project on a server is refused with one sentence (`refuse_on_server`): its deleted rows
would stay in the server's files, journal and backups, out of Duiding's reach.

A respondent is named by ``--respondent ID``: a questionnaire respondent's number, the value of
a respondent-id attribute (`RESPONDENT_ID_ATTRIBUTES`), or the first part of a document name
(``R07`` in ``R07_ouder_DM_2023.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coding.project import Project
from coding.types import CaseId, DocumentId
from coding.withdrawal_text import Mentions, Quotes, belongs_only_to_them
from models.analysis_models import MatrixCell
from models.errors import NotFoundError, ValidationError
from models.event_models import Event
from models.nlp_models import NlpCache, PseudonymName
from models.schema import (
    Attribute,
    Case,
    CaseAttributeValue,
    Document,
    DocumentAttributeValue,
    Memo,
    Pseudonym,
    Segment,
)
from models.survey_models import SurveyRespondent

RESPONDENT_ID_ATTRIBUTES = ("respondent", "respondent_id", "respondentnummer", "respondentnr",
                            "respondent_nr", "deelnemer", "participant", "id")
SELECTORS = ("respondent", "document", "case")
_NAME_PARTS = re.compile(r"[_\-\s.]+")


@dataclass(frozen=True)
class WithdrawalTarget:
    """How the user named who withdraws: ``respondent R07``, ``document R07.txt``, ``case 3``."""

    kind: str
    value: str

    def __post_init__(self) -> None:
        if self.kind not in SELECTORS:
            raise ValidationError(f"withdraw by respondent, document or case, not {self.kind!r}")
        if not self.value.strip():
            raise ValidationError(f"give the {self.kind} to withdraw")

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


@dataclass(frozen=True)
class DocumentLine:
    id: DocumentId
    name: str
    words: int


@dataclass(frozen=True)
class MemoLine:
    """A memo that goes (`removed`) or loses the passages that quote them (`cut` of them)."""

    id: int
    where: str  # "document R07.txt", "case G-3", "code toegang/wachttijd", "project"
    title: str
    removed: bool
    cut: int = 0


@dataclass(frozen=True)
class CellLine:
    id: int
    code: str
    row: str  # "document R07.txt", "case G-3", "gemeente Westerveen"


@dataclass(frozen=True)
class KeyLine:
    id: int
    original: str
    pseudonym: str
    type: str


@dataclass(frozen=True)
class WithdrawalPlan:
    """Everything a withdrawal removes or changes; plain values for the dialog and the CLI."""

    target: WithdrawalTarget
    documents: tuple[DocumentLine, ...]
    cases: tuple[tuple[CaseId, str], ...]
    segments: int
    events: int
    questionnaire_rows: int
    attribute_values: int
    nlp_caches: int
    memos: tuple[MemoLine, ...]
    cells: tuple[CellLine, ...]
    key_entries: tuple[KeyLine, ...]
    names: tuple[str, ...]
    backups: tuple[Path, ...]
    memo_texts: dict[int, tuple[str, str]] = field(default_factory=dict, repr=False)

    @property
    def document_ids(self) -> list[DocumentId]:
        return [d.id for d in self.documents]

    def as_json(self) -> dict[str, Any]:
        return {
            "withdraw": str(self.target),
            "documents": [d.name for d in self.documents],
            "cases": [name for _i, name in self.cases],
            "segments": self.segments, "events": self.events,
            "questionnaire_rows": self.questionnaire_rows,
            "attribute_values": self.attribute_values, "nlp_caches": self.nlp_caches,
            "memos_removed": [{"where": m.where, "title": m.title}
                              for m in self.memos if m.removed],
            "memos_changed": [{"where": m.where, "title": m.title, "passages": m.cut}
                              for m in self.memos if not m.removed],
            "cell_summaries": [{"code": c.code, "row": c.row} for c in self.cells],
            "key_entries": len(self.key_entries), "names": len(self.names),
            "backups": [str(b) for b in self.backups],
        }


def refuse_on_server(project: Project) -> None:
    """Withdrawal wipes a project file; a team project on a server is refused, for now."""
    if project.is_server:
        raise ValidationError(
            f"{project.name} is a team project on a server: withdrawal of consent works on "
            "project files only for now (the server keeps deleted text in its journal and "
            "backups, which only its administrator can wipe). Nothing was removed.")


def plan_withdrawal(project: Project, *, document: str | None = None, case: str | None = None,
                    respondent: str | None = None,
                    target: WithdrawalTarget | None = None) -> WithdrawalPlan:
    """What withdrawing this respondent removes (nothing is changed). Exactly one of
    `document`, `case`, `respondent` (or a `target`)."""
    refuse_on_server(project)
    if target is None:
        given = [(k, v) for k, v in (("document", document), ("case", case),
                                     ("respondent", respondent)) if v is not None]
        if len(given) != 1:
            raise ValidationError("withdraw exactly one of --document, --case or --respondent")
        target = WithdrawalTarget(*given[0])
    with project.store.read() as s:
        docs, cases = _select(s, target)
        return _Planner(project, s, target, docs, cases).plan()


def _select(s: Session, target: WithdrawalTarget) -> tuple[list[int], list[int]]:
    """The documents and cases the target names (NotFoundError when none)."""
    value = target.value.strip()
    wanted = value.casefold()
    names = dict(s.execute(select(Document.id, Document.name)).all())
    if target.kind == "document":
        found = [i for i, n in names.items() if n == value] or \
            [i for i, n in names.items() if n.casefold() == wanted] or \
            [i for i, n in names.items() if n.rsplit(".", 1)[0].casefold() == wanted]
        if len(found) != 1:
            raise NotFoundError(f"no document named {value!r}; see 'duiding documents'.")
        return found, []
    if target.kind == "case":
        case_ids = [i for i, n in s.execute(select(Case.id, Case.name)) if n.casefold() == wanted]
        if not case_ids:
            raise NotFoundError(f"no case named {value!r}.")
        docs = list(s.scalars(select(Document.id).where(Document.case_id.in_(case_ids))))
        return docs, case_ids
    found_ids = {d for d, r in s.execute(select(SurveyRespondent.document_id,
                                                SurveyRespondent.respondent))
                 if r.strip().casefold() == wanted}
    found_ids |= _with_id_attribute(s, wanted)
    for doc_id, name in names.items():
        stem = name.rsplit(".", 1)[0].casefold()
        if stem == wanted or _NAME_PARTS.split(stem)[0] == wanted:
            found_ids.add(doc_id)
    if not found_ids:
        raise NotFoundError(
            f"no respondent {value!r}: not a questionnaire respondent, not a value of a "
            f"respondent attribute ({', '.join(RESPONDENT_ID_ATTRIBUTES[:3])}…), not the start "
            "of a document name.")
    return sorted(found_ids), []


def _with_id_attribute(s: Session, wanted: str) -> set[int]:
    """Documents whose respondent-id attribute has this value."""
    q = (select(DocumentAttributeValue.document_id, Attribute.name, DocumentAttributeValue.value)
         .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id))
    return {d for d, n, v in s.execute(q)
            if n.strip().casefold() in RESPONDENT_ID_ATTRIBUTES and v.strip().casefold() == wanted}


class _Planner:
    def __init__(self, project: Project, s: Session, target: WithdrawalTarget, docs: list[int],
                 cases: list[int]) -> None:
        self.project, self.s, self.target = project, s, target
        self.docs = set(docs)
        # A family goes with its last document (its attributes and memos are about them).
        members: dict[int, set[int]] = {}
        for doc_id, case_id in s.execute(select(Document.id, Document.case_id)
                                         .where(Document.case_id.is_not(None))):
            if case_id is not None:
                members.setdefault(case_id, set()).add(doc_id)
        self.cases = set(cases) | {c for c, m in members.items() if m and m <= self.docs}

    def _count(self, model: Any, column: Any, ids: Iterable[int]) -> int:
        return int(self.s.scalar(select(func.count()).select_from(model)
                                 .where(column.in_(list(ids)))) or 0)

    def plan(self) -> WithdrawalPlan:
        s, docs, cases = self.s, self.docs, self.cases
        doc_rows = s.execute(select(Document.id, Document.name, Document.word_count, Document.guid,
                                    Document.text).where(Document.id.in_(docs))
                             .order_by(Document.position, Document.id)).all()
        case_rows = s.execute(select(Case.id, Case.name, Case.guid)
                              .where(Case.id.in_(cases)).order_by(Case.name)).all()
        doc_names = {i: n for i, n, *_ in doc_rows}
        case_names = {i: n for i, n, _g in case_rows}
        their_texts = [t for *_, t in doc_rows]
        their_values = list(s.scalars(select(DocumentAttributeValue.value)
                                      .where(DocumentAttributeValue.document_id.in_(docs)))) + \
            list(s.scalars(select(CaseAttributeValue.value)
                           .where(CaseAttributeValue.case_id.in_(cases))))
        their_seg_memos = list(s.scalars(select(Segment.memo).where(Segment.document_id.in_(docs))))

        memos = list(s.execute(select(Memo.id, Memo.title, Memo.text, Memo.document_id,
                                      Memo.case_id, Memo.code_id).order_by(Memo.id)))
        remaining_texts = list(s.scalars(select(Document.text).where(Document.id.not_in(docs))))
        quotes = Quotes(their_texts, remaining_texts)
        paths: dict[int, str] = {int(c.id): c.path for c in self.project.codes.tree()}
        memo_lines: list[MemoLine] = []
        memo_texts: dict[int, tuple[str, str]] = {}
        kept_memo_texts: list[str] = []
        removed_memo_texts: list[str] = []
        for memo_id, title, text, doc_id, case_id, code_id in memos:
            if doc_id in docs or case_id in cases:
                where = (f"document {doc_names[doc_id]}" if doc_id is not None and doc_id in docs
                         else f"case {case_names.get(case_id or 0, '')}")
                memo_lines.append(MemoLine(memo_id, where, title, removed=True))
                removed_memo_texts += [title, text]
                continue
            new_text, n_text = quotes.cut(text)
            new_title, n_title = quotes.cut(title)
            kept_memo_texts += [new_title, new_text]
            if n_text or n_title:
                where = (f"code {paths.get(code_id, str(code_id))}" if code_id is not None
                         else self._other_where(doc_id, case_id))
                memo_lines.append(MemoLine(memo_id, where, title, removed=False,
                                           cut=n_text + n_title))
                memo_texts[memo_id] = (new_title, new_text)

        doc_guids = {g: doc_names[i] for i, _n, _w, g, _t in doc_rows}
        case_guids = {g: n for _i, n, g in case_rows}
        cells: list[CellLine] = []
        kept_summaries: list[str] = []
        for cell_id, kind, key, code_id, summary in s.execute(
                select(MatrixCell.id, MatrixCell.row_kind, MatrixCell.row_key, MatrixCell.code_id,
                       MatrixCell.summary).order_by(MatrixCell.id)):
            about = (kind == "document" and key in doc_guids) or (kind == "case" and key in case_guids)
            if about or quotes.passages(summary):
                row = (f"document {doc_guids[key]}" if kind == "document" and key in doc_guids
                       else f"case {case_guids[key]}" if kind == "case" and key in case_guids
                       else f"{kind.partition(':')[2] or kind} {key}")
                cells.append(CellLine(cell_id, paths.get(code_id, str(code_id)), row))
            else:
                kept_summaries.append(summary)

        theirs = Mentions(their_texts + their_values + their_seg_memos + removed_memo_texts)
        remaining = Mentions(
            remaining_texts + kept_memo_texts + kept_summaries
            + list(s.scalars(select(DocumentAttributeValue.value)
                             .where(DocumentAttributeValue.document_id.not_in(docs))))
            + list(s.scalars(select(CaseAttributeValue.value)
                             .where(CaseAttributeValue.case_id.not_in(cases))))
            + list(s.scalars(select(Segment.memo).where(Segment.document_id.not_in(docs)))))
        keys = [KeyLine(i, e, p, t) for i, e, p, t in s.execute(
            select(Pseudonym.id, Pseudonym.entity, Pseudonym.pseudonym, Pseudonym.type)
            .order_by(Pseudonym.id)) if belongs_only_to_them((e, p), theirs, remaining)]
        originals = {k.original.casefold() for k in keys}
        names = [n for n in s.scalars(select(PseudonymName.name).order_by(PseudonymName.name))
                 if (n.casefold() in originals or theirs.mentions(n))
                 and not remaining.mentions(n)]

        return WithdrawalPlan(
            target=self.target,
            documents=tuple(DocumentLine(DocumentId(i), n, w) for i, n, w, _g, _t in doc_rows),
            cases=tuple((CaseId(i), n) for i, n, _g in case_rows),
            segments=self._count(Segment, Segment.document_id, docs),
            events=self._count(Event, Event.document_id, docs),
            questionnaire_rows=self._count(SurveyRespondent, SurveyRespondent.document_id, docs),
            attribute_values=self._count(DocumentAttributeValue,
                                         DocumentAttributeValue.document_id, docs)
            + self._count(CaseAttributeValue, CaseAttributeValue.case_id, cases),
            nlp_caches=self._count(NlpCache, NlpCache.document_id, docs),
            memos=tuple(memo_lines), cells=tuple(cells), key_entries=tuple(keys),
            names=tuple(names),
            backups=tuple(self._backups_holding(set(doc_guids), set(self._hashes()))),
            memo_texts=memo_texts)

    def _other_where(self, doc_id: int | None, case_id: int | None) -> str:
        if doc_id is not None:
            return f"document {self.s.scalar(select(Document.name).where(Document.id == doc_id))}"
        if case_id is not None:
            return f"case {self.s.scalar(select(Case.name).where(Case.id == case_id))}"
        return "project"

    def _hashes(self) -> list[str]:
        return list(self.s.scalars(select(Document.sha256).where(Document.id.in_(self.docs))))

    def _backups_holding(self, guids: set[str], hashes: set[str]) -> list[Path]:
        """Backups beside the project that hold any of their documents (or cannot be read
        to tell: then they are listed too, to be safe)."""
        out: list[Path] = []
        if self.project.is_server:
            return out  # a server's backups are its administrator's (see refuse_on_server)
        store = self.project.file_store()
        for backup in store.backups():
            try:
                with store.read_backup(backup) as b:
                    held = b.scalar(select(func.count()).select_from(Document).where(
                        or_(Document.guid.in_(guids), Document.sha256.in_(hashes))))
            except Exception:  # unreadable (another password, damaged): cannot say it is clean
                held = 1
            if held:
                out.append(backup)
        return out


__all__ = ["CellLine", "DocumentLine", "KeyLine", "MemoLine", "WithdrawalPlan",
           "WithdrawalTarget", "plan_withdrawal", "refuse_on_server"]
