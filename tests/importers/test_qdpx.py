"""Reading .qdpx/.qdc files from other tools: the shared samples, lenient variants, hostile files."""

from __future__ import annotations

import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from importers.base import TranscriptImportError
from importers.qdpx import read_qdc, read_qdpx

P_NS = "urn:QDA-XML:project:1.0"
G = [f"{i:08X}-0000-4000-8000-{i:012X}" for i in range(1, 60)]


def _aligned(text: str, pos: int) -> bool:
    return pos in (0, len(text)) or not (text[pos - 1].isalnum() and text[pos].isalnum())


def _samples(refi_qda_dir: Path) -> list[Path]:
    return sorted(p for p in (refi_qda_dir / "samples").iterdir() if p.suffix != ".md")


# --- the shared samples --------------------------------------------------------------------------


@pytest.mark.corpus
def test_every_sample_imports_with_selections_on_words(refi_qda_dir: Path) -> None:
    samples = _samples(refi_qda_dir)
    assert len(samples) >= 5
    for path in samples:
        if path.suffix == ".qdc":
            codes, _ = read_qdc(path)
            assert codes, path.name
            continue
        project, report = read_qdpx(path)
        assert project.codes, path.name
        texts = {s.guid: s.text for s in project.sources}
        for sel in project.selections:
            text = texts[sel.source_guid]
            assert 0 <= sel.start < sel.end <= len(text), (path.name, sel.guid)
            assert text[sel.start : sel.end].strip(), (path.name, sel.guid)
            assert _aligned(text, sel.start) and _aligned(text, sel.end), (path.name, sel.guid)
            assert sel.codings, (path.name, sel.guid)
        for source in project.sources:
            assert "\r" not in source.text and not source.text.startswith("\ufeff")


@pytest.mark.corpus
def test_nvivo_utf16_positions_land_on_the_coded_words(refi_qda_dir: Path) -> None:
    project, report = read_qdpx(refi_qda_dir / "samples" / "nvivo-win-12.6_oltas.qdpx")
    assert report.position_unit == "utf16"
    assert report.origin == "NVivo for Windows 12.6"
    assert len(project.selections) == 97 and len(project.codes) == 60
    text = project.sources[0].text
    quotes = {text[s.start : s.end] for s in project.selections}
    # Whole comments as NVivo coded them; the later ones follow many emoji (2 UTF-16 units each).
    assert "Én a tetves parazitákat követem,nekik nem kötelező,akkor nekem sem!!!" in quotes
    assert "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣" in quotes
    assert "Nem tehetik kötelezővé! 😡😡" in quotes
    assert "Csak annak a statisztikának hiszek amit én hamisítok!" in quotes
    assert any(q.startswith("Természetesen a transzhumanista ügynök") for q in quotes)
    # Five codings of the same comment by the same coder: five selections over one span.
    first = [s for s in project.selections if text[s.start :].startswith("Na mi van? Nem mertétek")]
    assert len(first) == 5 and len({(s.start, s.end) for s in first}) == 1
    users = {u.guid: u.name for u in project.users}
    assert {users[c.creator_guid] for s in first for c in s.codings} == {"floriansipos"}
    paths = {project.code_path(c.code_guid) for s in project.selections for c in s.codings}
    assert "10. Értékek/szabadság" in paths


@pytest.mark.corpus
def test_maxqda_sample_keeps_documents_colours_and_sets(refi_qda_dir: Path) -> None:
    path = refi_qda_dir / "samples" / "maxqda-24.7_ICLS-themes-just10.qdpx"
    project, _ = read_qdpx(path)
    assert len(project.sources) == 10 and len(project.codes) == 307
    assert all(c.colour and c.colour.startswith("#") for c in project.codes)
    with zipfile.ZipFile(path) as zf:
        raw = zf.read(f"sources/{project.sources[0].guid}.txt").decode("utf-8")
    assert project.sources[0].text == raw.replace("\r\n", "\n")
    assert sorted(len(s.source_guids) for s in project.sets) == [5, 5]
    assert max(len(project.code_path(c.guid).split("/")) for c in project.codes) == 2


@pytest.mark.corpus
def test_atlas_and_spec_samples_report_media_and_rebuild_flat_hierarchy(refi_qda_dir: Path) -> None:
    atlas, _ = read_qdpx(refi_qda_dir / "samples" / "atlasti-win-23.2_target-atlas-project.qdpx")
    assert [atlas.code_path(c.guid) for c in atlas.codes][0] == "Commits"
    assert len(atlas.children_of(atlas.codes[0].guid)) == 2 and not atlas.sources

    spec, report = read_qdpx(refi_qda_dir / "samples" / "spec-annexA2_atlasti-8.4_project.qde")
    assert "Coke/diet Coke" in {spec.code_path(c.guid) for c in spec.codes}
    kinds = {s.kind for s in report.skipped}
    assert {"picture", "audio", "video", "pdf", "graph"} <= kinds
    assert any("cornflakes" in s.name and "2 codings" in s.detail for s in report.skipped)
    assert {n.name for n in spec.notes} == {"Research Plan", "My favorite Coke ad"}


@pytest.mark.corpus
def test_taguette_codebook_with_empty_sets_imports(refi_qda_dir: Path) -> None:
    codes, report = read_qdc(refi_qda_dir / "samples" / "taguette-1.4.1_codebook.qdc")
    assert [c.name for c in codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert report.origin == "Taguette 1.4.1"


# --- lenient reading of hand-made variants ----------------------------------------------------


def _qdpx(
    tmp_path: Path,
    qde: str,
    files: dict[str, bytes] | None = None,
    qde_name: str = "project.qde",
    name: str = "p.qdpx",
) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, qde.encode("utf-8"))
        for member, data in (files or {}).items():
            zf.writestr(member, data)
    return path


def _project(body: str, ns: str = f' xmlns="{P_NS}"', origin: str = "Test") -> str:
    return f'<?xml version="1.0" encoding="utf-8"?><Project{ns} name="t" origin="{origin}">{body}</Project>'


CODES = f'<CodeBook><Codes><Code guid="{{{G[0].lower()}}}" name="toegang" isCodable="true"/></Codes></CodeBook>'


def _source(path: str, sels: str, guid: str = G[1]) -> str:
    return f'<Sources><TextSource guid="{guid}" name="int.txt" plainTextPath="{path}">{sels}</TextSource></Sources>'


def _sel(start: int, end: int, guid: str = G[2]) -> str:
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{G[3]}"><CodeRef targetGUID="{G[0]}"/></Coding></PlainTextSelection>'
    )


@pytest.mark.parametrize(
    ("folder", "path", "qde_name", "ns"),
    [
        ("Sources/", f"internal://{G[1]}.txt", "project.qde", f' xmlns="{P_NS}"'),  # NVivo Win
        ("sources/", "int.txt", "project.qde", f' xmlns="{P_NS}"'),  # qc: bare path, own name
        ("sources/", f"internal://{G[1].lower()}.TXT", "Mijn studie.qde", ""),  # no namespace
        ("sources/", f"internal://{G[1]}.txt", "project.qde", ' xmlns="urn:QDA-XML:project:0:10"'),
    ],
)
def test_lenient_archive_variants(
    tmp_path: Path, folder: str, path: str, qde_name: str, ns: str
) -> None:
    text = "Ik moest lang wachten op hulp.\n"
    member = folder + ("int.txt" if "://" not in path else f"{G[1]}.txt")
    qde = _project(CODES + _source(path, _sel(3, 8)) + "<Sets/>", ns)
    project, _ = read_qdpx(
        _qdpx(tmp_path, qde, {member: text.encode(), "sources/.root": b""}, qde_name)
    )
    (sel,) = project.selections
    assert project.sources[0].text[sel.start : sel.end] == "moest"
    assert sel.codings[0].code_guid == G[0]  # braces and case normalised


def test_atlas_crlf_counted_as_one_and_nvivo_like_utf16_detected_without_hint(
    tmp_path: Path,
) -> None:
    text = "Regel een.\r\nDe wachtlijst was lang.\r\nHet gezin kreeg 🙂 eindelijk hulp."
    clean = text.replace("\r\n", "\n")
    want = ["wachtlijst", "eindelijk hulp"]
    lf_spans = [(clean.index(w), clean.index(w) + len(w)) for w in want]
    sels = "".join(_sel(s, e, G[10 + i]) for i, (s, e) in enumerate(lf_spans))
    qde = _project(CODES + _source(f"internal://{G[1]}.txt", sels), origin="ATLAS.ti 9")
    project, report = read_qdpx(_qdpx(tmp_path, qde, {f"sources/{G[1]}.txt": text.encode()}))
    assert report.position_unit == "codepoints_lf"
    assert [project.sources[0].text[s.start : s.end] for s in project.selections] == want

    # UTF-16 units over the raw CRLF text, from a tool that does not say it is NVivo.
    units = text.encode("utf-16-le")
    u16 = []
    for w in want:
        i = text.index(w)
        start = len(text[:i].encode("utf-16-le")) // 2
        u16.append((start, start + len(w.encode("utf-16-le")) // 2))
    assert units  # the sample really needs two units for the emoji
    sels = "".join(_sel(s, e, G[10 + i]) for i, (s, e) in enumerate(u16))
    qde = _project(CODES + _source(f"internal://{G[1]}.txt", sels), origin="Onbekend 1.0")
    bom = b"\xef\xbb\xbf" + text.encode()
    project, report = read_qdpx(_qdpx(tmp_path, qde, {f"Sources/{G[1]}.txt": bom}, name="b.qdpx"))
    assert report.position_unit == "utf16"
    assert [project.sources[0].text[s.start : s.end] for s in project.selections] == want


def test_variables_cases_notes_and_maxqda_document_rows(tmp_path: Path) -> None:
    body = (
        CODES + f'<Variables><Variable guid="{G[20]}" name="gemeente" typeOfVariable="Text"/>'
        f'<Variable guid="{G[21]}" name="leeftijd" typeOfVariable="Integer"/>'
        f'<Variable guid="{G[22]}" name="score" typeOfVariable="Float"/></Variables>'
        f'<Cases><Case guid="{G[23]}"><VariableValue><VariableRef targetGUID="{G[20]}"/>'
        f'<TextValue>Westervoort</TextValue></VariableValue><SourceRef targetGUID="{G[1]}"/></Case>'
        f'<Case guid="{G[24]}" name="gezin 3"><VariableValue><VariableRef targetGUID="{G[21]}"/>'
        f"<IntegerValue>34</IntegerValue></VariableValue><VariableValue><VariableRef "
        f'targetGUID="{G[22]}"/><FloatValue>7.5</FloatValue></VariableValue>'
        f'<SourceRef targetGUID="{G[1]}"/></Case></Cases>'
        + _source("", "<PlainTextContent>Inline tekst over wachten.</PlainTextContent>")
        + f'<Notes><Note guid="{G[25]}" name="Memo"><PlainTextContent>Over gezin 3</PlainTextContent>'
        f'</Note></Notes><Links><Link guid="{G[26]}" name="Memo" direction="OneWay" '
        f'originGUID="{G[25]}" targetGUID="{G[24]}"/><Link guid="{G[27]}" originGUID="{G[0]}" '
        f'targetGUID="{G[0]}"/></Links>'
    )
    project, report = read_qdpx(_qdpx(tmp_path, _project(body)))
    assert project.sources[0].text == "Inline tekst over wachten."
    assert project.sources[0].values == {G[20]: "Westervoort"}  # unnamed one-source case
    (case,) = project.cases
    assert case.name == "gezin 3" and case.values == {G[21]: 34, G[22]: Decimal("7.5")}
    assert case.source_guids == [G[1]]
    assert project.notes[0].target_guids == [G[24]]
    assert any(s.kind == "link" for s in report.skipped)


def test_selection_outside_text_and_unknown_code_are_reported(tmp_path: Path) -> None:
    sels = _sel(0, 500) + (
        f'<PlainTextSelection guid="{G[5]}" startPosition="0" endPosition="4">'
        f'<Coding guid="{G[6]}"><CodeRef targetGUID="{G[40]}"/></Coding>'
        "</PlainTextSelection>"
    )
    qde = _project(CODES + _source(f"internal://{G[1]}.txt", sels))
    project, report = read_qdpx(_qdpx(tmp_path, qde, {f"sources/{G[1]}.txt": b"Kort."}))
    reasons = {s.reason for s in report.skipped}
    assert {"outside_text", "unknown_code"} <= reasons
    assert len(project.selections) == 1 and project.selections[0].codings == []


# --- hostile files -------------------------------------------------------------------------------


def _refused(path: Path, reason: str) -> None:
    with pytest.raises(TranscriptImportError) as info:
        read_qdpx(path)
    assert info.value.reason == reason, str(info.value)
    assert path.name in str(info.value)


def test_zip_slip_and_absolute_paths_are_refused(tmp_path: Path) -> None:
    qde = _project(CODES)
    _refused(
        _qdpx(tmp_path, qde, {"sources/../../evil.txt": b"x"}, name="slip.qdpx"), "hostile_archive"
    )
    _refused(_qdpx(tmp_path, qde, {"/etc/evil.txt": b"x"}, name="abs.qdpx"), "hostile_archive")
    _refused(
        _qdpx(tmp_path, qde, {"C:/Windows/evil.txt": b"x"}, name="drive.qdpx"), "hostile_archive"
    )
    assert not (tmp_path.parent / "evil.txt").exists()


def test_symlink_entry_is_refused(tmp_path: Path) -> None:
    path = _qdpx(tmp_path, _project(CODES), name="link.qdpx")
    with zipfile.ZipFile(path, "a") as zf:
        info = zipfile.ZipInfo("sources/link.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    _refused(path, "hostile_archive")


def test_zip_bombs_are_refused(tmp_path: Path) -> None:
    qde = _project(CODES)
    _refused(
        _qdpx(tmp_path, qde, {"sources/zeros.txt": b"\0" * 30_000_000}, name="ratio.qdpx"),
        "zip_bomb",
    )
    many = {f"sources/{i}.txt": b"" for i in range(10_001)}
    _refused(_qdpx(tmp_path, qde, many, name="many.qdpx"), "zip_bomb")


def test_entity_dtd_and_deep_xml_are_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<Project xmlns="{P_NS}" name="&b;"/>'
    )
    _refused(_qdpx(tmp_path, laughs, name="laughs.qdpx"), "hostile_xml")
    external = (
        '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<Project xmlns="{P_NS}" name="&x;"/>'
    )
    _refused(_qdpx(tmp_path, external, name="xxe.qdpx"), "hostile_xml")
    deep = f'<Project xmlns="{P_NS}" name="d"><Description>' + "<a>" * 5000 + "</a>" * 5000
    _refused(_qdpx(tmp_path, deep + "</Description></Project>", name="deep.qdpx"), "hostile_xml")
    qdc = tmp_path / "laughs.qdc"
    qdc.write_text(laughs.replace("Project", "CodeBook"), encoding="utf-8")
    with pytest.raises(TranscriptImportError) as info:
        read_qdc(qdc)
    assert info.value.reason == "hostile_xml"


def test_damaged_files_get_a_clear_error(tmp_path: Path) -> None:
    notzip = tmp_path / "kapot.qdpx"
    notzip.write_bytes(b"dit is geen zip")
    _refused(notzip, "corrupt")
    _refused(_qdpx(tmp_path, "<Project", name="half.qdpx"), "corrupt")
    empty = tmp_path / "leeg.qdpx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("sources/a.txt", b"x")
    _refused(empty, "corrupt")
    _refused(
        _qdpx(tmp_path, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', name="cb.qdpx"), "corrupt"
    )
