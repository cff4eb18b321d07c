"""Writing .qdpx/.qdc: valid against the official XSDs, code-point positions, exact round trip."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from coding.interchange import (
    QdaCase,
    QdaCode,
    QdaCoding,
    QdaNote,
    QdaProject,
    QdaSelection,
    QdaSet,
    QdaSource,
    QdaUser,
    QdaVariable,
    VariableType,
)
from exports.qdpx import QdpxExportError, write_qdc, write_qdpx
from importers.qdpx import read_codebook, read_qdc, read_qdpx

G = [f"{i:08X}-AAAA-4BBB-8CCC-{i:012X}" for i in range(1, 80)]
WHEN = datetime(2024, 5, 3, 10, 15, 0)
TEXT = (
    "I: Hoe ging het aanmelden? 🙂\n"
    "R: We wachtten 𝟙𝟘 weken 😡 op de wijkteamcoach, dat was veel te lang.\n"
    "R: Daarna klikte het goed met de nieuwe hulpverlener. 👍🏽 Echt fijn."
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _project() -> QdaProject:
    codes = [
        QdaCode(G[0], "toegang", None, "#1F77B4", "Vinden en krijgen van hulp."),
        QdaCode(G[1], "wachttijd", G[0], "#FF7F0E", "Hoe lang duurde het?"),
        QdaCode(G[2], "aansluiting", None, "#2CA02C", "Past de hulp? 🧩"),
        QdaCode(G[3], "Thema's", None, None, "", is_codable=False),
        QdaCode(G[4], "samenwerking", G[3], "#AABBCC"),
    ]
    s1 = _span(TEXT, "We wachtten 𝟙𝟘 weken 😡 op de wijkteamcoach")
    s2 = _span(TEXT, "klikte het goed met de nieuwe hulpverlener. 👍🏽 Echt fijn")
    selections = [
        QdaSelection(G[10], G[20], *s1, name="We wachtten", description="Kernpunt 😡",
                     creator_guid=G[30], created=WHEN,
                     codings=[QdaCoding(G[11], G[1], G[30], WHEN), QdaCoding(G[12], G[0], G[31])]),
        QdaSelection(G[13], G[20], *s2, creator_guid=G[31], created=WHEN,
                     codings=[QdaCoding(G[14], G[2], G[31], WHEN)]),
    ]
    return QdaProject(
        name="Cliëntervaringen 2024",
        origin="Duiding 0.1",
        creator_guid=G[30],
        created=WHEN,
        modified=WHEN,
        description="Projectmemo",
        users=[QdaUser(G[30], "Anouk"), QdaUser(G[31], "Bram 🚲")],
        codes=codes,
        variables=[
            QdaVariable(G[40], "gemeente", VariableType.TEXT),
            QdaVariable(G[41], "leeftijd", VariableType.INTEGER, "in jaren"),
            QdaVariable(G[42], "tevreden", VariableType.BOOLEAN),
            QdaVariable(G[43], "cijfer", VariableType.FLOAT),
            QdaVariable(G[44], "interviewdatum", VariableType.DATE),
            QdaVariable(G[45], "ingevoerd", VariableType.DATETIME),
        ],
        cases=[QdaCase(G[50], "gezin 3", "Twee ouders",
                       {G[41]: 34, G[42]: True, G[43]: Decimal("7.5"), G[45]: WHEN}, [G[20]])],
        sources=[
            QdaSource(G[20], "R01_ouder.txt", TEXT, "Ouder, gezin 3", G[30], WHEN,
                      {G[40]: "Westervoort", G[44]: date(2024, 4, 30)}),
            QdaSource(G[21], "R02_jongere.txt", "Een tweede tekst zonder codes.", created=WHEN),
        ],
        selections=selections,
        notes=[
            QdaNote(G[60], "Projectmemo", "Over het hele project", G[30], WHEN, [], True),
            QdaNote(G[61], "Codememo", "Wachttijd 🕰 speelt overal", G[30], WHEN, [G[1]]),
            QdaNote(G[62], "Casusmemo", "Gezin 3 is bijzonder", None, None, [G[20], G[50]]),
            QdaNote(G[63], "Fragmentmemo", "Let op", G[31], WHEN, [G[10]]),
        ],
        sets=[QdaSet(G[70], "Ouders", "documentgroep", [G[0]], [G[20]], [G[60]])],
    )


def _qde(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde")


def _schema(refi_qda_dir: Path, name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(refi_qda_dir / "schema" / name)))


@pytest.mark.corpus
def test_export_validates_against_project_xsd_and_round_trips(tmp_path: Path,
                                                              refi_qda_dir: Path) -> None:
    project = _project()
    out = write_qdpx(project, tmp_path / "studie.qdpx")
    schema = _schema(refi_qda_dir, "Project.xsd")
    assert schema.validate(etree.fromstring(_qde(out))), schema.error_log
    back, report = read_qdpx(out)
    assert report.skipped == [] and report.position_unit == "codepoints"
    assert back.origin == "Duiding 0.1; positions: code points"
    back.origin = project.origin
    assert back == project


def test_positions_are_code_points_and_texts_plain_utf8(tmp_path: Path) -> None:
    project = _project()
    out = write_qdpx(project, tmp_path / "studie.qdpx")
    root = etree.fromstring(_qde(out))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    sel = root.find(".//q:PlainTextSelection", ns)
    assert sel is not None
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert TEXT[start:end] == "We wachtten 𝟙𝟘 weken 😡 op de wijkteamcoach"
    assert len(TEXT[:end].encode("utf-16-le")) // 2 != end  # non-BMP before: units would differ
    src = root.find(".//q:TextSource", ns)
    assert src is not None and src.get("plainTextPath") == f"internal://{G[20].lower()}.txt"
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        raw = zf.read(f"sources/{G[20].lower()}.txt")
    assert names[0] == "project.qde" and all(n.startswith("sources/") for n in names[1:])
    assert raw.decode("utf-8") == TEXT and not raw.startswith(b"\xef\xbb\xbf")
    # Memos on a case travel as a Link (Case cannot hold a NoteRef), others as NoteRef.
    link = root.find(".//q:Link", ns)
    assert link is not None and (link.get("originGUID"), link.get("targetGUID")) == (
        G[62].lower(), G[50].lower())
    assert root[-1].tag.endswith("NoteRef") and root[-1].get("targetGUID") == G[60].lower()


def test_invalid_export_writes_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "studie.qdpx"
    dest.write_bytes(b"old export")
    bad = _project()
    bad.codes[0].colour = "rood"  # not an RGBType
    with pytest.raises(QdpxExportError) as info:
        write_qdpx(bad, dest)
    assert info.value.reason == "invalid_xml" and "Project.xsd" in str(info.value)
    assert dest.read_bytes() == b"old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studie.qdpx"]  # no temp file left

    outside = _project()
    outside.selections[0].end = len(TEXT) + 5
    with pytest.raises(QdpxExportError) as info:
        write_qdpx(outside, tmp_path / "nieuw.qdpx")
    assert info.value.reason == "bad_selection" and not (tmp_path / "nieuw.qdpx").exists()
    with pytest.raises(QdpxExportError):
        write_qdc([], tmp_path / "leeg.qdc")
    assert not (tmp_path / "leeg.qdc").exists()


@pytest.mark.corpus
def test_codebook_export_validates_and_round_trips(tmp_path: Path, refi_qda_dir: Path) -> None:
    codes = _project().codes
    out = write_qdc(codes, tmp_path / "codeboek.qdc")
    schema = _schema(refi_qda_dir, "Codebook.xsd")
    assert schema.validate(etree.parse(str(out))), schema.error_log
    back, _ = read_qdc(out)
    assert back == codes
    codes[4].colour = "#ABC"  # the short form is valid too, and read back in its long form
    back, _ = read_qdc(write_qdc(codes, tmp_path / "kort.qdc"))
    assert back[4].colour == "#AABBCC"


@pytest.mark.corpus
def test_reexported_samples_are_valid(tmp_path: Path, refi_qda_dir: Path) -> None:
    schema = _schema(refi_qda_dir, "Project.xsd")
    for sample in sorted((refi_qda_dir / "samples").iterdir()):
        if sample.suffix not in (".qdpx", ".qde"):
            continue
        project, _ = read_qdpx(sample)
        out = write_qdpx(project, tmp_path / f"{sample.stem}.qdpx")
        assert schema.validate(etree.fromstring(_qde(out))), (sample.name, schema.error_log)
        again, _ = read_qdpx(out)
        again.origin = project.origin
        assert again == project, sample.name


def test_guids_are_written_in_lower_case_and_read_back_in_upper(tmp_path: Path) -> None:
    out = write_qdpx(_project(), tmp_path / "studie.qdpx")
    xml = _qde(out).decode("utf-8")
    guids = re.findall(r'(?:guid|GUID|User)="([^"]+)"', xml)
    assert guids and all(g == g.lower() for g in guids)
    assert G[20].lower() + ".txt" in zipfile.ZipFile(out).namelist()[1]
    back, _ = read_qdpx(out)
    assert back.sources[0].guid == G[20] and back.selections[0].codings[0].code_guid == G[1]


@pytest.mark.corpus
def test_utf16_positions_count_what_nvivo_counts_and_read_back_exactly(
        tmp_path: Path, refi_qda_dir: Path) -> None:
    project = _project()
    # A span that starts and ends inside words, after emoji: no guess could recover it.
    start = TEXT.index("achtten 𝟙𝟘")
    project.selections.append(QdaSelection(G[15], G[20], start, TEXT.index("weken 😡") + 3,
                                           codings=[QdaCoding(G[16], G[0])]))
    out = write_qdpx(project, tmp_path / "nvivo.qdpx", positions="utf16")
    schema = _schema(refi_qda_dir, "Project.xsd")
    root = etree.fromstring(_qde(out))
    assert schema.validate(root), schema.error_log
    assert "UTF-16" in root.get("origin")
    units = {s.get("guid"): (int(s.get("startPosition")), int(s.get("endPosition")))
             for s in root.iter("{*}PlainTextSelection")}
    for sel in project.selections:
        a, b = units[sel.guid.lower()]
        assert TEXT.encode("utf-16-le")[2 * a:2 * b].decode("utf-16-le") == TEXT[sel.start:sel.end]
    back, report = read_qdpx(out)
    assert report.position_unit == "utf16"
    assert [(s.start, s.end) for s in back.selections] == [
        (s.start, s.end) for s in project.selections]


@pytest.mark.corpus
def test_sets_folders_and_creators_are_written_valid(tmp_path: Path, refi_qda_dir: Path) -> None:
    project = _project()
    project.sets.append(QdaSet(G[71], "Codegroep", "", [G[1], G[4]]))
    out = write_qdpx(project, tmp_path / "studie.qdpx")
    root = etree.fromstring(_qde(out))
    schema = _schema(refi_qda_dir, "Project.xsd")
    assert schema.validate(root), schema.error_log
    sets = {s.get("name"): s for s in root.iter("{*}Set")}
    assert [m.get("targetGUID") for m in sets["Codegroep"]] == [G[1].lower(), G[4].lower()]
    folder = next(c for c in root.iter("{*}Code") if c.get("name") == "Thema's")
    assert folder.get("isCodable") == "false"
    assert root.find(".//{*}TextSource").get("creatingUser") == G[30].lower()
    # A codebook carries its code groups too (MemberCode by guid, as Codebook.xsd says).
    qdc = write_qdc(project.codes, tmp_path / "codeboek.qdc", sets=project.sets)
    book = _schema(refi_qda_dir, "Codebook.xsd")
    assert book.validate(etree.parse(str(qdc))), book.error_log
    codes, sets_back, _ = read_codebook(qdc)
    assert [(s.name, s.code_guids) for s in sets_back] == [("Codegroep", [G[1], G[4]])]
    assert codes == project.codes


def test_text_that_xml_cannot_carry_is_left_out_not_a_crash(tmp_path: Path) -> None:
    project = _project()
    project.notes[0].text = "Bel\x0b terug\x00 <morgen> & \"later\""
    project.codes[0].name = "toe\x0cgang & co"
    back, _ = read_qdpx(write_qdpx(project, tmp_path / "raar.qdpx"))
    assert back.notes[0].text == "Bel terug <morgen> & \"later\""
    assert back.codes[0].name == "toegang & co"
