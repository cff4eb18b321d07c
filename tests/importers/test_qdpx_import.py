"""Importing .qdpx files into a project: twice without change, look-alike sources, pre-1.0
files, sets, and a report that names what could not be kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from coding.groups import GroupKind
from coding.project import Project
from exports.qdpx import validate
from exports.qdpx_project import export_qdpx
from importers.qdpx import read_qdpx
from importers.qdpx_project import import_qdpx_file
from tests.importers.qdpx_builders import project_qde, qdpx_file

OLD_NS = "urn:QDA-XML:project:0:10"  # Transana 3.22, REFI-QDA Annex A.3
TEXT = "Ik moest lang wachten op hulp.\nDaarna ging het beter met de nieuwe coach.\n"


def _g(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-{n:012x}"  # lower case, as NVivo and Transana write them


def _state(path: Path) -> tuple[object, ...]:
    with Project.open(path) as p:
        return (sorted((d.name, d.case) for d in p.documents.list()),
                sorted((s.document, s.start, s.end, s.memo, tuple(s.codes))
                       for s in p.segments.query()),
                sorted((m.title, m.text, m.start) for m in p.memos.list()),
                sorted((c.path, c.is_codable) for c in p.codes.tree()),
                sorted((g.kind.value, g.name, len(g.members)) for g in p.groups.list()),
                sorted(name for _, name, _, _ in p.coders.list()))


# -- the same file twice --------------------------------------------------------------------------


@pytest.mark.corpus
def test_every_sample_imported_twice_changes_nothing_the_second_time(
        tmp_path: Path, refi_qda_dir: Path) -> None:
    for sample in sorted((refi_qda_dir / "samples").iterdir()):
        if sample.suffix not in (".qdpx", ".qde"):
            continue
        target = tmp_path / f"{sample.stem}.duiding"
        first = import_qdpx_file(sample, target)
        once = _state(target)
        second = import_qdpx_file(sample, target)
        assert _state(target) == once, sample.name
        assert not any(vars(second.result).values()), (sample.name, second.result)
        assert first.created and not second.created
    # NVivo writes one selection per code: 97 selections, fragments with several codes.
    with Project.open(tmp_path / "nvivo-win-12.6_oltas.duiding") as p:
        segments = p.segments.query()
        assert sum(len(s.codings) for s in segments) == 97
        assert max(len(s.codings) for s in segments) > 1


# -- sources: GUID first, text second, names from the file ----------------------------------------


def _two_sources(name: str, guids: tuple[int, int], text: bytes = b"x") -> str:
    return project_qde(
        f'<CodeBook><Codes><Code guid="{_g(1)}" name="toegang" isCodable="true"/></Codes>'
        f'</CodeBook><Sources>'
        + "".join(f'<TextSource guid="{_g(g)}" plainTextPath="internal://{_g(g)}.txt">'
                  f'<PlainTextSelection guid="{_g(g + 100)}" startPosition="0" endPosition="1">'
                  f'<Coding guid="{_g(g + 200)}"><CodeRef targetGUID="{_g(1)}"/></Coding>'
                  f'</PlainTextSelection></TextSource>' for g in guids)
        + "</Sources>")


def test_look_alike_sources_stay_two_documents_and_a_new_guid_finds_its_text(
        tmp_path: Path) -> None:
    files = {f"sources/{_g(g)}.txt": b"x" for g in (10, 11, 12)}
    placeholders = qdpx_file(tmp_path, _two_sources("a", (10, 11)), files)
    done = import_qdpx_file(placeholders, tmp_path / "studie.duiding")
    assert done.result.documents == 2 and done.result.segments == 2
    assert done.report.warnings == []
    assert not any(vars(import_qdpx_file(placeholders, tmp_path / "studie.duiding").result)
                   .values())
    # Another tool renumbered one source: same text, new GUID -> it joins that document.
    renumbered = qdpx_file(tmp_path, _two_sources("b", (10, 12)), files, name="b.qdpx")
    again = import_qdpx_file(renumbered, tmp_path / "studie.duiding")
    assert again.result.documents == 0 and again.result.segments == 0
    assert any("same text as document" in w for w in again.report.warnings)
    with Project.open(tmp_path / "studie.duiding") as p:
        assert len(p.documents.list()) == 2 and len(p.segments.query()) == 2


def test_nameless_sources_are_named_after_their_text_file(tmp_path: Path) -> None:
    body = (f'<Sources><TextSource guid="{_g(5)}" plainTextPath="board_2017.txt"/>'
            f'<TextSource guid="{_g(6)}" plainTextPath="internal://{_g(6)}.txt"/></Sources>')
    path = qdpx_file(tmp_path, project_qde(body), {"sources/board_2017.txt": b"Notulen.",
                                                   f"sources/{_g(6)}.txt": b"Tweede."})
    project, _ = read_qdpx(path)
    assert [s.name for s in project.sources] == ["board_2017.txt", _g(6).upper()]


# -- a pre-1.0 project (Transana 3.22, namespace 0:10) --------------------------------------------


def _transana(tmp_path: Path) -> Path:
    start, end = TEXT.index("lang wachten"), TEXT.index("lang wachten") + len("lang wachten")
    body = f"""
<Users><User guid="{_g(90)}" name="Onderzoeker"/></Users>
<CodeBook><Codes>
  <Code guid="{_g(1)}" name="Trefwoordgroep toegang" isCodable="false">
    <Code guid="{_g(2)}" name="Wachttijd" isCodable="true" color="#0080ff">
      <Description>Hoe lang het duurde.</Description><NoteRef targetGUID="{_g(51)}"/></Code>
  </Code>
</Codes></CodeBook>
<Sources>
  <TextSource guid="{_g(10)}" name="Interview 1" creatingUser="{_g(90)}"
              creationDateTime="2018-10-04T22:56:11" plainTextPath="internal://{_g(10)}.txt">
    <Description>Interview met een ouder.</Description>
    <PlainTextSelection guid="{_g(20)}" name="Quote 1" startPosition="{start}"
                        endPosition="{end}" creatingUser="{_g(90)}">
      <Description>Sleutelcitaat.</Description>
      <Coding guid="{_g(21)}"><CodeRef targetGUID="{_g(2)}"/><NoteRef targetGUID="{_g(53)}"/>
      </Coding>
      <NoteRef targetGUID="{_g(52)}"/>
    </PlainTextSelection>
    <NoteRef targetGUID="{_g(54)}"/>
  </TextSource>
  <VideoSource guid="{_g(11)}" name="Episode 1" path="internal://{_g(11)}.mpg">
    <NoteRef targetGUID="{_g(55)}"/>
  </VideoSource>
</Sources>
<Notes>
  <Note guid="{_g(51)}" name="Trefwoordnotitie" creatingUser="{_g(90)}"
        plainTextPath="internal://{_g(51)}.txt"/>
  <Note guid="{_g(52)}" name="Citaatnotitie" plainTextPath="internal://{_g(52)}.txt">
    <PlainTextContent/></Note>
  <Note guid="{_g(53)}" name="Coderingsnotitie"><Description>Twijfel over de code.</Description>
  </Note>
  <Note guid="{_g(54)}" name="Documentnotitie" plainTextPath="internal://{_g(54)}.txt"/>
  <Note guid="{_g(55)}" name="Episodenotitie" plainTextPath="internal://{_g(55)}.txt"/>
  <Note guid="{_g(56)}" name="Bibliotheeknotitie" plainTextPath="internal://weg.txt"/>
</Notes>"""
    files = {f"Sources/{_g(10)}.txt": TEXT.encode(),
             **{f"Sources/{_g(n)}.txt": f"Tekst van notitie {n}.".encode() for n in range(51, 56)}}
    return qdpx_file(tmp_path, project_qde(body, OLD_NS, "Transana 3.22b2-QDE-Win"), files)


def test_pre_1_0_project_keeps_memo_texts_their_targets_and_folders(tmp_path: Path) -> None:
    done = import_qdpx_file(_transana(tmp_path), tmp_path / "transana.duiding")
    with Project.open(done.project) as p:
        codes = {c.path: c for c in p.codes.tree()}
        folder = codes["Trefwoordgroep toegang"]
        assert not folder.is_codable and codes["Trefwoordgroep toegang/Wachttijd"].is_codable
        memos = {m.title: m for m in p.memos.list()}
        assert memos["Trefwoordnotitie"].text == "Tekst van notitie 51."
        assert memos["Trefwoordnotitie"].target.code_id == codes[
            "Trefwoordgroep toegang/Wachttijd"].id
        assert memos["Documentnotitie"].target.document_id is not None
        assert memos["Episodenotitie"].target == type(memos["Episodenotitie"].target)()
        assert "" not in {m.text for m in p.memos.list()}
        (segment,) = p.segments.query()
        assert segment.text == "lang wachten" and segment.coder == "Onderzoeker"
        assert segment.memo.split("\n\n") == ["Sleutelcitaat.",
                                              "Citaatnotitie: Tekst van notitie 52.",
                                              "Coderingsnotitie: Twijfel over de code."]
        # The source's description joins the document's one memo.
        assert memos["Documentnotitie"].text == "Tekst van notitie 54.\n\nInterview met een ouder."
    dropped = {(g.kind, g.reason): (g.count, g.names) for g in done.report.dropped()}
    assert dropped[("note", "empty_text")] == (1, ("Bibliotheeknotitie",))
    assert dropped[("note reference", "target_missing")][0] == 1
    assert dropped[("video", "not_text")] == (1, ("Episode 1",))
    assert done.report.memos == {"code": 1, "fragment": 2, "document": 2, "project": 1}


def test_coded_folder_is_kept_as_a_code_and_reported(tmp_path: Path) -> None:
    body = (f'<CodeBook><Codes><Code guid="{_g(1)}" name="Thema" isCodable="false"/></Codes>'
            f'</CodeBook><Sources><TextSource guid="{_g(10)}" name="a.txt" '
            f'plainTextPath="internal://{_g(10)}.txt"><PlainTextSelection guid="{_g(20)}" '
            f'startPosition="0" endPosition="2"><Coding guid="{_g(21)}"><CodeRef '
            f'targetGUID="{_g(1)}"/></Coding></PlainTextSelection></TextSource></Sources>')
    path = qdpx_file(tmp_path, project_qde(body), {f"sources/{_g(10)}.txt": TEXT.encode()})
    done = import_qdpx_file(path, tmp_path / "map.duiding")
    with Project.open(done.project) as p:
        assert [(c.name, c.is_codable) for c in p.codes.tree()] == [("Thema", True)]
        assert len(p.segments.query()) == 1
    assert [(g.kind, g.reason, g.names) for g in done.report.dropped()] == [
        ("folder", "coded_folder", ("Thema",))]


# -- cases and sets --------------------------------------------------------------------------------


def test_case_links_to_sources_missing_from_the_file_are_reported(tmp_path: Path) -> None:
    body = (f'<Sources><TextSource guid="{_g(10)}" name="a.txt" '
            f'plainTextPath="internal://{_g(10)}.txt"/></Sources>'
            f'<Cases><Case guid="{_g(30)}" name="gezin 3"><SourceRef targetGUID="{_g(10)}"/>'
            f'<SourceRef targetGUID="{_g(11)}"/></Case></Cases>')
    path = qdpx_file(tmp_path, project_qde(body), {f"sources/{_g(10)}.txt": b"Tekst."})
    done = import_qdpx_file(path, tmp_path / "casus.duiding")
    assert [(g.kind, g.reason, g.count) for g in done.report.dropped()] == [
        ("case link", "source_missing", 1)]
    with Project.open(done.project) as p:
        assert [d.case for d in p.documents.list()] == ["gezin 3"]


def _with_sets(tmp_path: Path) -> Path:
    body = (f'<CodeBook><Codes><Code guid="{_g(1)}" name="toegang" isCodable="true"/>'
            f'<Code guid="{_g(2)}" name="nazorg" isCodable="true"/></Codes></CodeBook>'
            f'<Sources>'
            + "".join(f'<TextSource guid="{_g(n)}" name="R{n}.txt" '
                      f'plainTextPath="internal://{_g(n)}.txt"/>' for n in (10, 11, 12))
            + f'</Sources><Notes><Note guid="{_g(40)}" name="n"><PlainTextContent>Memo'
              f'</PlainTextContent></Note></Notes><Sets>'
              f'<Set guid="{_g(50)}" name="ICLS 2024"><Description>Eerste meting</Description>'
              f'<MemberSource targetGUID="{_g(10)}"/><MemberSource targetGUID="{_g(11)}"/></Set>'
              f'<Set guid="{_g(51)}" name="Kernthema\'s"><MemberCode targetGUID="{_g(1)}"/>'
              f'<MemberCode targetGUID="{_g(2)}"/></Set>'
              f'<Set guid="{_g(52)}" name="Memogroep"><MemberNote targetGUID="{_g(40)}"/></Set>'
              f'</Sets>')
    files = {f"sources/{_g(n)}.txt": f"Interview {n}.".encode() for n in (10, 11, 12)}
    return qdpx_file(tmp_path, project_qde(body, origin="MAXQDA 24"), files)


def test_sets_become_groups_and_go_out_again_as_sets(tmp_path: Path) -> None:
    done = import_qdpx_file(_with_sets(tmp_path), tmp_path / "sets.duiding")
    assert done.result.groups == 2
    assert [(g.kind, g.reason, g.names) for g in done.report.dropped()] == [
        ("set", "memo_group", ("Memogroep",))]
    with Project.open(done.project) as p:
        groups = {g.name: g for g in p.groups.list()}
        assert groups["ICLS 2024"].kind is GroupKind.DOCUMENT
        assert groups["ICLS 2024"].description == "Eerste meting"
        assert sorted(p.documents.get(d).name for d in groups["ICLS 2024"].members) == [
            "R10.txt", "R11.txt"]
        assert groups["Kernthema's"].kind is GroupKind.CODE
        out = export_qdpx(p, tmp_path / "terug.qdpx")
        assert out.sets == 2
    xml = zipfile.ZipFile(out.path).read("project.qde")
    assert validate(xml, "Project.xsd") == []
    assert b'<Set guid="' + _g(50).encode() + b'" name="ICLS 2024">' in xml
    copy = import_qdpx_file(out.path, tmp_path / "kopie.duiding")
    assert _state(copy.project)[4] == _state(done.project)[4]
    assert not any(vars(import_qdpx_file(out.path, tmp_path / "kopie.duiding").result).values())


def test_two_users_with_one_name_coding_one_span_make_one_fragment(tmp_path: Path) -> None:
    sel = ('<PlainTextSelection guid="{g}" startPosition="3" endPosition="8" creatingUser="{u}">'
           '<Coding guid="{c}" creatingUser="{u}"><CodeRef targetGUID="{k}"/></Coding>'
           '</PlainTextSelection>')
    body = (f'<Users><User guid="{_g(90)}" name="Anouk"/><User guid="{_g(91)}" name="Anouk"/>'
            f'</Users><CodeBook><Codes><Code guid="{_g(1)}" name="toegang" isCodable="true"/>'
            f'<Code guid="{_g(2)}" name="nazorg" isCodable="true"/></Codes></CodeBook>'
            f'<Sources><TextSource guid="{_g(10)}" name="a.txt" '
            f'plainTextPath="internal://{_g(10)}.txt">'
            + sel.format(g=_g(20), u=_g(90), c=_g(21), k=_g(1))
            + sel.format(g=_g(22), u=_g(91), c=_g(23), k=_g(2))
            + "</TextSource></Sources>")
    path = qdpx_file(tmp_path, project_qde(body), {f"sources/{_g(10)}.txt": TEXT.encode()})
    done = import_qdpx_file(path, tmp_path / "twee.duiding")
    with Project.open(done.project) as p:
        (segment,) = p.segments.query()
        assert segment.text == "moest" and sorted(segment.codes) == ["nazorg", "toegang"]
    assert done.result.coders == 1


def test_several_memos_on_one_document_become_its_one_memo(tmp_path: Path) -> None:
    notes = "".join(f'<Note guid="{_g(60 + i)}" name="{name}"><PlainTextContent>{text}'
                    f'</PlainTextContent></Note>'
                    for i, (name, text) in enumerate([("Eerste indruk", "Rustig gesprek."),
                                                      ("Later", "Moeder twijfelde.")]))
    links = "".join(f'<Link guid="{_g(70 + i)}" originGUID="{_g(60 + i)}" '
                    f'targetGUID="{_g(10)}"/>' for i in range(2))
    body = (f'<Sources><TextSource guid="{_g(10)}" name="a.txt" '
            f'plainTextPath="internal://{_g(10)}.txt"><Description>Rustig gesprek.</Description>'
            f'</TextSource></Sources><Notes>{notes}</Notes><Links>{links}</Links>')
    path = qdpx_file(tmp_path, project_qde(body, origin="NVivo 14"),
                     {f"sources/{_g(10)}.txt": TEXT.encode()})
    done = import_qdpx_file(path, tmp_path / "memo.duiding")
    with Project.open(done.project) as p:
        (memo,) = p.memos.list()
        assert memo.title == "Eerste indruk"
        assert memo.text == "Rustig gesprek.\n\n**Later**\n\nMoeder twijfelde."
    assert done.report.memos == {"document": 2}
    import_qdpx_file(path, done.project)
    with Project.open(done.project) as p:
        assert [m.text for m in p.memos.list()] == [memo.text]
