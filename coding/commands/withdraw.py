"""Withdrawing consent: a final step, carried out in one transaction and then wiped from the file.

`WithdrawConsent` is a non-undoable command (``undoable = False``): whoever runs it clears the
undo history, so no snapshot of the removed text stays in memory either. It plans again inside
its transaction and refuses when the documents differ from the preview the user confirmed. After
the commit it rewrites the file (``ProjectStore.scrub``: VACUUM with ``secure_delete``, WAL
checkpointed and truncated) and, with the user's consent, removes the backups that still held
their documents. A ``scrub_pending`` mark is committed with the deletion and cleared after the
wipe, so a withdrawal interrupted between the two is wiped at the next open
(`Project.finish_scrub`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, update

from coding.commands.base import Command
from coding.project import SCRUB_PENDING, Project
from coding.types import Changes, DocumentId
from coding.withdrawal import WithdrawalPlan, WithdrawalTarget, plan_withdrawal, refuse_on_server
from models.analysis_models import MatrixCell
from models.errors import ValidationError
from models.nlp_models import PseudonymName
from models.schema import Case, Document, Memo, ProjectInfo, Pseudonym
from models.withdrawal_models import Withdrawal


class WithdrawConsent(Command):
    """Remove everything of one respondent (see `coding.withdrawal`); cannot be undone."""

    kind = "withdraw_consent"
    undoable = False

    def __init__(self, target: WithdrawalTarget, documents: Sequence[DocumentId],
                 remove_backups: bool = True) -> None:
        super().__init__()
        self.target = target
        self.documents = sorted(documents)
        self.remove_backups = remove_backups
        self.detail = str(target)
        self.plan: WithdrawalPlan | None = None  # what was removed, once done
        self.removed_backups: list[str] = []

    @classmethod
    def confirmed(cls, plan: WithdrawalPlan, remove_backups: bool = True) -> WithdrawConsent:
        """The command for a plan the user has seen and confirmed."""
        return cls(plan.target, plan.document_ids, remove_backups)

    def do(self, p: Project) -> Changes:
        refuse_on_server(p)
        self.report_progress(0, 3, "")
        with p.store.write() as s:
            plan = plan_withdrawal(p, target=self.target)
            if sorted(plan.document_ids) != self.documents:
                raise ValidationError("The project changed since the preview; look at what "
                                      "would be removed again. Nothing was removed.")
            self.check_cancelled()
            docs = plan.document_ids
            for memo_id, (title, text) in plan.memo_texts.items():
                s.execute(update(Memo).where(Memo.id == memo_id).values(title=title, text=text))
            removed_memos = [m.id for m in plan.memos if m.removed]
            s.execute(delete(Memo).where(Memo.id.in_(removed_memos)))
            s.execute(delete(MatrixCell).where(MatrixCell.id.in_([c.id for c in plan.cells])))
            s.execute(delete(Pseudonym).where(Pseudonym.id.in_([k.id for k in plan.key_entries])))
            s.execute(delete(PseudonymName).where(PseudonymName.name.in_(plan.names)))
            # Speakers, turns, attribute values, fragments, events, questionnaire rows and NLP
            # caches cascade with their document; case attributes and memos with their case.
            s.execute(delete(Document).where(Document.id.in_(docs)))
            s.execute(delete(Case).where(Case.id.in_([c for c, _n in plan.cases])))
            s.add(Withdrawal(selector=self.target.kind, respondent=self.target.value.strip(),
                             by=p.coder, documents=len(docs)))
            if s.get(ProjectInfo, SCRUB_PENDING) is None:
                s.add(ProjectInfo(key=SCRUB_PENDING, value="1"))
            self.check_cancelled()
        self.report_progress(1, 3, "")
        p.finish_scrub()
        self.report_progress(2, 3, "")
        if self.remove_backups:
            for backup in plan.backups:
                backup.unlink(missing_ok=True)
                self.removed_backups.append(backup.name)
        self.plan = plan
        self.report_progress(3, 3, "")
        return Changes(codes=True, documents=True, attributes=True, memos=True, events=True,
                       segments=set(docs))

    def undo(self, p: Project) -> Changes:
        raise ValidationError("A withdrawal of consent cannot be undone.")


def withdrawals(p: Project) -> list[tuple[str, str, str, str, int]]:
    """The withdrawal log: (date, selector, respondent, by, documents), oldest first."""
    with p.store.read() as s:
        return [(w.withdrawn_at.isoformat(timespec="seconds"), w.selector, w.respondent, w.by,
                 w.documents) for w in s.scalars(select(Withdrawal).order_by(Withdrawal.id))]
