"""Withdrawal of consent: everything of one respondent goes, nothing of others, no trace left."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from coding.commands import DeleteDocuments, WithdrawConsent
from coding.commands.withdraw import withdrawals
from coding.project import SCRUB_PENDING, Project
from coding.pseudonymise.service import names
from coding.withdrawal import plan_withdrawal
from exports.chapter import ChapterOptions, write_chapter
from models.errors import NotFoundError, ValidationError
from models.schema import Pseudonym
from models.upgrade import backup_before_upgrade
from tests.avg_study import PHRASES, build, occurrences, raw_files


@pytest.fixture
def study(tmp_path: Path) -> Project:
    project = build(tmp_path / "studie.duiding")
    yield project
    project.close()


def _method(path: Path) -> str:
    paras = [p.text for p in docx.Document(str(path)).paragraphs]
    return next(p for p in paras if p.startswith("Dit hoofdstuk beschrijft"))


def test_the_preview_lists_everything_that_goes_and_nothing_of_others(study: Project) -> None:
    plan = plan_withdrawal(study, respondent="R01")
    assert [d.name for d in plan.documents] == ["R01_moeder_WV.txt"]
    assert plan.cases == ()  # her son's interview keeps family G-1
    assert plan.segments == 2 and plan.attribute_values >= 4
    removed = {m.where for m in plan.memos if m.removed}
    assert removed == {"document R01_moeder_WV.txt"}
    changed = [m for m in plan.memos if not m.removed]
    assert [(m.where, m.cut) for m in changed] == [("code toegang/wachttijd", 1)]
    assert [c.row for c in plan.cells] == ["gemeente Westerveen"]  # it quotes her
    assert {k.original for k in plan.key_entries} == {"Shanice Sewdien", "Kramer"}
    assert plan.names == ("Shanice Sewdien",)  # De Regenboog: her son named it too


def test_withdrawal_leaves_no_byte_of_their_text_in_the_file_wal_or_backups(
        study: Project, tmp_path: Path) -> None:
    backup = backup_before_upgrade(study.path, "0007_survey")  # a backup that still holds her
    before = occurrences(raw_files(tmp_path, "studie"), PHRASES)
    assert len(before) == 20, "the search must find her phrases before the withdrawal"
    plan = plan_withdrawal(study, respondent="R01")
    assert plan.backups == (backup,)
    study.execute(WithdrawConsent.confirmed(plan))
    # While the project is still open, and after it is closed.
    assert occurrences(raw_files(tmp_path, "studie"), PHRASES) == {}
    study.close()
    assert occurrences(raw_files(tmp_path, "studie"), PHRASES) == {}
    assert not backup.exists()
    others = occurrences(raw_files(tmp_path, "studie"),
                         ["Meester Jansen legde het uit", "luistert echt naar mij"])
    assert set(others) == {"Meester Jansen legde het uit", "luistert echt naar mij"}


def test_what_others_said_stays_and_the_summary_memo_keeps_its_own_words(study: Project) -> None:
    study.execute(WithdrawConsent.confirmed(plan_withdrawal(study, document="R01_moeder_WV")))
    assert [d.name for d in study.documents.list()] == [
        "R02_jongere_WV.txt", "R03_hulpverlener_DM.txt", "R04_vader_DM.txt"]
    memo = study.memos.get(study.memos.list()[0].target)
    assert PHRASES[4] not in memo
    assert "Ouders wachten lang." in memo and "Hulpverleners zien het ook." in memo
    assert "dat was echt veel te lang voor ons gezin" in memo  # others said it too
    with study.store.read() as s:
        key = {p.entity for p in s.query(Pseudonym)}
    assert key == {"De Regenboog", "Jansen"}
    assert {n for n in study.memos.list() if n.target.case_id is not None}  # G-1 kept its memo


def test_withdrawing_a_case_takes_the_family_and_its_memos(study: Project) -> None:
    plan = plan_withdrawal(study, case="G-1")
    assert {d.name for d in plan.documents} == {"R01_moeder_WV.txt", "R02_jongere_WV.txt"}
    assert [n for _i, n in plan.cases] == ["G-1"]
    assert {m.where for m in plan.memos if m.removed} >= {"case G-1"}
    assert {c.row for c in plan.cells} == {"case G-1", "gemeente Westerveen"}
    study.execute(WithdrawConsent.confirmed(plan))
    assert [n for _i, n, _d in study.attributes.cases()] == ["G-2"]
    assert "De Regenboog" not in {n.text for n in names(study)}


def test_the_log_keeps_date_id_and_coder_but_no_content(study: Project) -> None:
    study.execute(WithdrawConsent.confirmed(plan_withdrawal(study, respondent="r01")))
    [(date, selector, respondent, by, n)] = withdrawals(study)
    assert (selector, respondent, by, n) == ("respondent", "r01", "Sanne", 1)
    assert date[:4].isdigit()


def test_not_undoable_and_the_history_before_it_is_gone(study: Project) -> None:
    doc = study.documents.by_name("R04_vader_DM.txt").id
    study.execute(DeleteDocuments([doc]))  # its snapshot holds text: must not survive
    assert study.history.can_undo
    study.execute(WithdrawConsent.confirmed(plan_withdrawal(study, respondent="R01")))
    assert not study.history.can_undo and not study.history.can_redo


def test_the_chapter_counts_correctly_afterwards(study: Project, tmp_path: Path) -> None:
    before = write_chapter(study, ChapterOptions(), tmp_path / "voor.docx")[0]
    assert "4 interviews" in _method(before)
    study.execute(WithdrawConsent.confirmed(plan_withdrawal(study, respondent="R01")))
    after = write_chapter(study, ChapterOptions(), tmp_path / "na.docx")[0]
    assert "3 interviews" in _method(after)
    assert "1 ouder" in _method(after) and "2 gezinnen" in _method(after)


def test_a_preview_that_no_longer_fits_removes_nothing(study: Project) -> None:
    plan = plan_withdrawal(study, case="G-1")
    study.execute(DeleteDocuments([study.documents.by_name("R02_jongere_WV.txt").id]))
    with pytest.raises(ValidationError, match="changed since the preview"):
        study.execute(WithdrawConsent.confirmed(plan))
    assert "R01_moeder_WV.txt" in {d.name for d in study.documents.list()}


def test_unknown_respondent_is_one_clear_error(study: Project) -> None:
    with pytest.raises(NotFoundError, match="no respondent 'R99'"):
        plan_withdrawal(study, respondent="R99")
    with pytest.raises(ValidationError, match="exactly one"):
        plan_withdrawal(study, respondent="R01", case="G-1")


def test_an_interrupted_wipe_is_finished_at_the_next_open(study: Project, tmp_path: Path) -> None:
    study.set_info(SCRUB_PENDING, "1")  # as a withdrawal killed between commit and wipe leaves
    path = study.path
    study.close()
    with Project.open(path) as again:
        assert SCRUB_PENDING not in again.info()
