"""The chapter's "Hulpgeschiedenis per gezin": figures, tables and durations, guarded."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from coding.commands.events import UpdateEventType
from coding.project import Project
from coding.pseudonymise import Mention, OriginalInExport, PiiType, Source, group_mentions
from coding.pseudonymise.service import ApplyPseudonyms
from coding.timeline import build_timeline
from exports.chapter import ChapterOptions, write_chapter
from exports.timeline_figure import write_figure
from tests.history_study import FAMILIES, expected_durations, study_file


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return study_file(tmp_path_factory.mktemp("chapter-history"))


@pytest.fixture
def project(built: Path) -> Iterator[Project]:
    with Project.open(built) as p:
        yield p


def _styled(d: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in d.paragraphs if p.style is not None and p.style.name == style]


def _dutch(v: float) -> str:
    return f"{v:.1f}".replace(".", ",")


def test_chapter_has_a_figure_and_table_per_family_and_the_durations(project: Project,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "hoofdstuk.docx"
    write_chapter(project, ChapterOptions(include_history=True, history_by="gemeente"), out)
    d = docx.Document(str(out))
    assert "Hulpgeschiedenis per gezin" in _styled(d, "Heading 1")
    h2 = _styled(d, "Heading 2")
    assert [f"Gezin {f.number:02d}" for f in FAMILIES] == [h for h in h2 if h.startswith("Gezin")]
    assert len(d.inline_shapes) == len(FAMILIES)
    captions = [" ".join(c.split()) for c in _styled(d, "Caption")]  # numbers are SEQ fields
    assert sum(c.startswith("Figuur") for c in captions) == len(FAMILIES)
    assert "Figuur Hulpgeschiedenis van gezin 01" in captions
    # The codebook appendix still comes last, after the history.
    headings = _styled(d, "Heading 1")
    assert headings.index("Hulpgeschiedenis per gezin") < headings.index("Bijlage: codeboek")
    # Family 1's own table: each event once, with who told it; the contradiction spelled out.
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "Moment")
    told = [(r.cells[1].text, r.cells[2].text, r.cells[3].text) for r in table.rows[1:]]
    assert ("wachttijd", "Ouder", "7 maanden") in told
    assert ("wachttijd", "Hulpverlener", "16 weken") in told
    body = [p.text for p in d.paragraphs]
    assert any(t.startswith("Tegenstrijdig over de wachttijd: 7 maanden (ouder) vs 16 weken")
               for t in body)
    # The summary table: median (range; n), for all families and per gemeente.
    summary = next(t for t in d.tables if t.rows[0].cells[0].text == "Maat")
    assert [c.text for c in summary.rows[0].cells] == ["Maat", "Alle gezinnen", "Duinmeer",
                                                       "Westerveen"]
    signals = [v for f in FAMILIES if (v := expected_durations(f)["signal_to_help"]) is not None]
    want = (f"{_dutch(statistics.median(signals))} ({_dutch(min(signals))}–"
            f"{_dutch(max(signals))}; n={len(signals)})")
    assert summary.rows[1].cells[1].text == want
    changes = summary.rows[3]  # a count: whole numbers, overall and per gemeente alike
    assert changes.cells[0].text == "Wisselingen van hulpverlener"
    for cell, fams in zip(changes.cells[1:], (FAMILIES, [f for f in FAMILIES
                                                         if f.gemeente == "Duinmeer"],
                                              [f for f in FAMILIES
                                               if f.gemeente == "Westerveen"]), strict=True):
        values = [f.changes for f in fams]
        assert cell.text == (f"{statistics.median(values):g} ({min(values)}–{max(values)}; "
                             f"n={len(values)})")
    per_family = next(t for t in d.tables if t.rows[0].cells[0].text == "Gezin")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in per_family.rows[1:]}
    for fam in FAMILIES:
        exp = expected_durations(fam)
        got = rows[f"gezin {fam.number:02d}"]
        assert got[0] == ("–" if exp["signal_to_help"] is None
                          else _dutch(float(exp["signal_to_help"])))  # type: ignore[arg-type]
        assert got[1] == _dutch(float(exp["registration_to_start"]))  # type: ignore[arg-type]
        assert got[2] == str(exp["changes"])
    # Pseudonymised labels only: no document names, no quotes in this section.
    assert not any("F01_ouder" in t for t in body)
    assert not any("driftbuien" in t for t in body)


def test_history_is_optional_and_follows_the_chapter_filter(project: Project,
                                                            tmp_path: Path) -> None:
    plain = tmp_path / "zonder.docx"
    write_chapter(project, ChapterOptions(), plain)
    assert "Hulpgeschiedenis per gezin" not in _styled(docx.Document(str(plain)), "Heading 1")
    only = tmp_path / "duinmeer.docx"
    write_chapter(project, ChapterOptions(where=(("gemeente", "Duinmeer"),),
                                          include_history=True), only)
    d = docx.Document(str(only))
    shown = [h for h in _styled(d, "Heading 2") if h.startswith("Gezin")]
    assert shown == [f"Gezin {f.number:02d}" for f in FAMILIES if f.gemeente == "Duinmeer"]


def test_an_original_in_a_figure_label_stops_the_export(project: Project,
                                                       tmp_path: Path) -> None:
    doc = project.documents.by_name("F01_ouder.txt")
    start = project.documents.text(doc.id).index("wijkteam")
    found = {doc.name: [Mention(start, start + 8, "wijkteam", PiiType.ORGANISATION,
                                Source.NAME_LIST)]}
    entity = group_mentions(found)[0]
    entity.replacement = "Buurtteam"
    project.execute(ApplyPseudonyms([entity]))
    # A type typed afterwards names the original; it only shows in the figures' labels.
    verwijzing = project.events.type_by_name("verwijzing").id
    project.execute(UpdateEventType(verwijzing, name="verwijzing wijkteam"))
    with pytest.raises(OriginalInExport):
        write_chapter(project, ChapterOptions(include_history=True), tmp_path / "fout.docx")
    assert not (tmp_path / "fout.docx").exists()
    case = next(cid for cid, n, _ in project.attributes.cases() if n == "G-07")
    with pytest.raises(OriginalInExport):
        write_figure(project, build_timeline(project, case), tmp_path / "fout.svg")
    assert not (tmp_path / "fout.svg").exists()
