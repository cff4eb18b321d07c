"""The theme memo opens its section in the Word chapter, formatted as written, with fragment
references rendered as the attributed quote (and not quoted a second time)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from coding.commands import SetMemo
from coding.memo_text import reference
from coding.memos import MemoTarget
from coding.project import Project
from coding.pseudonymise import (
    Mention,
    OriginalInExport,
    PiiType,
    Source,
    group_mentions,
    service,
)
from coding.types import SegmentFilter
from exports.chapter import ChapterOptions, theme_counts_text, write_chapter
from tests.exports.chapter_project import build
from tests.exports.test_chapter import section_of


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    yield p
    p.close()


def _fragment(project: Project, starts: str):  # type: ignore[no-untyped-def]
    return next(s for s in project.segments.query(SegmentFilter()) if s.text.startswith(starts))


def test_memo_formatted_as_written_with_quotes_from_references(project: Project,
                                                               tmp_path: Path) -> None:
    wachten = _fragment(project, "We hebben zeven maanden")
    loket = _fragment(project, "Het loket belde")
    memo = (f"Wachten is het **grootste knelpunt**, *vooral* bij specialistische hulp:\n\n"
            f"{reference(wachten.guid, 'zeven maanden')}\n\n"
            "Wat ouders noemen:\n\n- geen contact\n- onduidelijke brieven\n  - van de gemeente\n\n"
            "1. eerst de huisarts\n2. dan het jeugdteam\n\n"
            f"Het loket krijgt lof: {reference(loket.guid, 'loket')}.")
    project.execute(SetMemo(MemoTarget(code_id=project.codes.by_path("toegang").id), memo))
    out = write_chapter(project, ChapterOptions(), tmp_path / "h.docx")[0]
    doc = docx.Document(out)
    toegang = section_of(doc, "Toegang", level=1)
    quote = "We hebben zeven maanden gewacht op de eerste afspraak bij de jeugd-GGZ. Dat was " \
            "echt veel te lang voor ons gezin. (ouder, gezin WV-001)"
    assert toegang[:9] == [
        ("Normal", "Wachten is het grootste knelpunt, vooral bij specialistische hulp:"),
        ("Quote", quote),
        ("Normal", "Wat ouders noemen:"),
        ("List Bullet", "geen contact"), ("List Bullet", "onduidelijke brieven"),
        ("List Bullet 2", "van de gemeente"),
        ("List Number", "eerst de huisarts"), ("List Number", "dan het jeugdteam"),
        ("Normal", "Het loket krijgt lof: ‘Het loket belde altijd binnen een dag terug, daar was "
                   "ik blij mee.’ (ouder, gezin DM-002)."),
    ]
    assert toegang[9][1].startswith("Genoemd door")  # the counts follow the memo
    first = next(p for p in doc.paragraphs if p.text.startswith("Wachten is het"))
    assert [(r.text, r.bold, r.italic) for r in first.runs][:4] == [
        ("Wachten is het ", None, None), ("grootste knelpunt", True, None), (", ", None, None),
        ("vooral", None, True)]
    # Each referenced fragment is quoted once in the chapter: in the memo, not again below.
    texts = [p.text for p in doc.paragraphs]
    assert sum("We hebben zeven maanden gewacht" in t for t in texts) == 1
    assert sum("Het loket belde altijd" in t for t in texts) == 1
    # Word numbering: the memo's list restarts at 1 with a numbering instance of its own.
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    ids = {p._p.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val")) for p in numbered}
    assert len(ids) == 1


def test_a_reference_to_a_removed_fragment_is_left_out(project: Project, tmp_path: Path) -> None:
    memo = f"Kern.\n\n{reference('00000000-0000-0000-0000-000000000000', 'weg')}\n\nEinde."
    project.execute(SetMemo(MemoTarget(code_id=project.codes.by_path("nazorg").id), memo))
    doc = docx.Document(write_chapter(project, ChapterOptions(), tmp_path / "h.docx")[0])
    nazorg = section_of(doc, "Nazorg", level=1)
    assert nazorg[:2] == [("Normal", "Kern."), ("Normal", "Einde.")]


def test_an_original_name_in_a_formatted_memo_stops_the_export(project: Project,
                                                               tmp_path: Path) -> None:
    doc = project.documents.by_name("R3_hulpverlener_DM.txt")
    start = project.documents.text(doc.id).index("eigenlijk")
    found = {doc.name: [Mention(start, start + 9, "eigenlijk", PiiType.ORGANISATION,
                                Source.NAME_LIST)]}
    entity = group_mentions(found)[0]
    entity.replacement = "Zorgpunt"
    project.execute(service.ApplyPseudonyms([entity]))
    write_chapter(project, ChapterOptions(), tmp_path / "goed.docx")  # clean: written
    project.execute(SetMemo(MemoTarget(code_id=project.codes.by_path("nazorg").id),
                            "Zij noemen:\n\n- **eigenlijk** geen nazorg"))
    with pytest.raises(OriginalInExport):
        write_chapter(project, ChapterOptions(), tmp_path / "fout.docx")
    assert not (tmp_path / "fout.docx").exists()


def test_the_workspace_counts_are_the_chapters_sentence(project: Project, tmp_path: Path) -> None:
    doc = docx.Document(write_chapter(project, ChapterOptions(), tmp_path / "h.docx")[0])
    for heading, level, path in (("Toegang", 1, "toegang"), ("Wachttijd", 2, "toegang/wachttijd")):
        printed = next(t for s, t in section_of(doc, heading, level) if t.startswith("Genoemd"))
        assert theme_counts_text(project, project.codes.by_path(path).id) == printed
    scoped = docx.Document(write_chapter(project, ChapterOptions(where=(("gemeente", "Duinmeer"),)),
                                         tmp_path / "dm.docx")[0])
    printed = next(t for s, t in section_of(scoped, "Toegang", 1) if t.startswith("Genoemd"))
    assert theme_counts_text(project, project.codes.by_path("toegang").id,
                             where=(("gemeente", "Duinmeer"),)) == printed
