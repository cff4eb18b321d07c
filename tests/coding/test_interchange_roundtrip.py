"""Duiding -> .qdpx -> QualCoder's shape -> Duiding: what a real client keeps comes back.

QualCoder writes one selection per coding, new GUIDs for everything, memos only as descriptions
and annotations, and a "default" user for whatever it read without one
(``tests/coding/qualcoder_shape.py`` builds that shape from Duiding's own export, as QualCoder's
export code writes it).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from coding.commands import CreateGroup
from coding.groups import GroupKind
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import AttributeScope, AttributeType, CodeId, Valence
from exports.qdpx import validate
from exports.qdpx_project import QdpxOptions, export_qdpx
from importers.qdpx_project import import_qdpx_file
from models.schema import Memo
from tests.coding.qualcoder_shape import qualcoder_shape
from tests.helpers import transcript

TEXT_A = ("Interviewer: Hoe verliep de aanmelding?\n\n"
          "Moeder: We stonden 𝟙𝟘 weken 😡 op de wachtlijst van het wijkteam. "
          "Daarna klikte het goed met de nieuwe hulpverlener 👍🏽, echt fijn.")
TEXT_B = ("Interviewer: Wat vond je van school?\n\n"
          "Jongere: De mentor en de jeugdhulp werkten goed samen. Na afloop was er niets meer.")
CODEBOOK = [
    {"name": "toegang", "children": [{"name": "wachttijd"}, {"name": "overig"}]},
    {"name": "aansluiting"},
    {"name": "samenwerking"},
    {"name": "nazorg", "children": [{"name": "overig"}]},
]


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _build(path: Path) -> Project:
    p = Project.create(path, codebook=CODEBOOK, coder="Anouk")
    a = p.documents.add_transcript(transcript("R01_ouder.txt", TEXT_A))
    b = p.documents.add_transcript(transcript("R02_jongere.txt", TEXT_B))
    c = {x.path: x.id for x in p.codes.tree()}
    s1 = p.segments.apply(a, *_span(TEXT_A, "We stonden 𝟙𝟘 weken 😡 op de wachtlijst"),
                          [c["toegang/wachttijd"], c["toegang/overig"]], Valence.AANDACHTSPUNT,
                          "Anouk", memo="Kern van het verhaal 😡")
    p.segments.update(s1.segment_id, key_quote=True)
    p.segments.apply(a, *_span(TEXT_A, "klikte het goed met de nieuwe hulpverlener 👍🏽"),
                     [c["aansluiting"]], Valence.POSITIEF, "Bram")
    p.segments.apply(b, *_span(TEXT_B, "De mentor en de jeugdhulp werkten goed samen"),
                     [c["samenwerking"]], Valence.POSITIEF, "Bram")
    p.segments.apply(b, *_span(TEXT_B, "Na afloop was er niets meer"), [c["nazorg/overig"]],
                     Valence.AANDACHTSPUNT, "Anouk")
    p.segments.apply(b, *_span(TEXT_B, "Wat vond je van school"), [c["aansluiting"]],
                     Valence.NEUTRAAL, "Anouk")
    p.attributes.set_document_value(a, "respondenttype", "ouder")
    p.attributes.set_document_value(b, "respondenttype", "jongere")
    case = p.attributes.ensure_case("gezin 3")
    p.attributes.assign_case(a, case)
    p.attributes.assign_case(b, case)
    p.attributes.ensure("meting", AttributeType.TEXT, AttributeScope.CASE)
    p.attributes.set_case_value(case, "meting", "2024")
    p.memos.set(MemoTarget(), "Projectmemo over de studie", "Project")
    p.memos.set(MemoTarget(code_id=CodeId(c["toegang/wachttijd"])), "Wachten komt overal terug",
                "Samenvatting wachttijd")
    p.memos.set(MemoTarget(document_id=a), "Sterk interview", "Interviewmemo")
    p.memos.set(MemoTarget(case_id=case), "Gezin met twee kinderen", "Gezinsmemo")
    with p.store.write() as s:  # a comment on a passage without a code (a REFI annotation)
        start, end = _span(TEXT_B, "Jongere")
        s.add(Memo(document_id=b, start=start, end=end, text="Spreker is 15."))
    p.execute(CreateGroup(GroupKind.CODE, "Kernthema's", [c["toegang"], c["nazorg"]]))
    return p


def _state(p: Project) -> dict[str, Any]:
    """What a researcher checks, independent of ids and GUIDs."""
    return {
        "codes": sorted(x.path for x in p.codes.tree()),
        "segments": sorted((s.document, s.text, s.coder, s.memo, s.key_quote,
                            tuple(sorted((c.path, c.valence.value) for c in s.codings)))
                           for s in p.segments.query()),
        "memos": sorted((m.text, m.target.code_id is not None, m.target.document_id is not None,
                         m.target.case_id is not None, m.start is not None)
                        for m in p.memos.list()),
        "cases": sorted((n, sorted(p.documents.get(d).name for d in docs))
                        for _, n, docs in p.attributes.cases()),
        "attributes": sorted((d.name, tuple(sorted(d.attributes.items())))
                             for d in p.documents.list()),
        "coders": sorted(name for _, name, _, n in p.coders.list()),
    }


def _qualcoder(tmp_path: Path, options: QdpxOptions) -> tuple[dict[str, Any], Path]:
    with _build(tmp_path / "bron.duiding") as original:
        before = _state(original)
        out = export_qdpx(original, tmp_path / "studie.qdpx", options).path
    shaped = qualcoder_shape(out, tmp_path / "qualcoder.qdpx")
    with zipfile.ZipFile(shaped) as zf:
        assert validate(zf.read("project.qde"), "Project.xsd") == []
    return before, shaped


def test_qualcoder_round_trip_keeps_valences_memos_case_links_and_adds_no_phantom_coder(
        tmp_path: Path) -> None:
    before, shaped = _qualcoder(tmp_path, QdpxOptions(qualified_names=True))
    root = etree.fromstring(zipfile.ZipFile(shaped).read("project.qde"))
    assert not root.findall(".//{*}Note/{*}PlainTextContent/..[@name]")  # no Duiding notes left
    done = import_qdpx_file(shaped, tmp_path / "terug.duiding")
    with Project.open(done.project) as back:
        after = _state(back)
    # Every valence, key quote and fragment memo, on the same words, by the same coder.
    assert after["segments"] == before["segments"]
    # toegang/overig and nazorg/overig were written with their path and came back as two codes.
    assert after["codes"] == before["codes"]
    # Code, document, case and project memos from the descriptions; the annotation with its span.
    assert after["memos"] == before["memos"]
    assert after["cases"] == before["cases"] and after["attributes"] == before["attributes"]
    # QualCoder's "default" owns no fragment: it does not become a coder.
    assert after["coders"] == before["coders"] == ["Anouk", "Bram"]
    assert done.report.memos == {"code": 1, "document": 1, "case": 1, "project": 1,
                                 "document_position": 1}
    assert done.report.warnings == []


def test_qualcoder_shape_back_into_the_original_project_changes_nothing(tmp_path: Path) -> None:
    _before, shaped = _qualcoder(tmp_path, QdpxOptions(qualified_names=True))
    with Project.open(tmp_path / "bron.duiding") as original:
        before = _state(original)
    done = import_qdpx_file(shaped, tmp_path / "bron.duiding")
    assert not done.created
    with Project.open(tmp_path / "bron.duiding") as original:
        assert _state(original) == before  # other GUIDs, same texts: joined, nothing doubled
    assert vars(done.result) == {k: 0 for k in vars(done.result)}


def test_without_qualified_names_the_export_warns_and_names_the_duplicates(tmp_path: Path) -> None:
    with _build(tmp_path / "bron.duiding") as original:
        done = export_qdpx(original, tmp_path / "studie.qdpx")
        assert done.duplicate_names == {"overig": ["toegang/overig", "nazorg/overig"]}
        assert done.qualified == []
        qualified = export_qdpx(original, tmp_path / "uniek.qdpx",
                                QdpxOptions(qualified_names=True))
    assert qualified.qualified == ["toegang/overig", "nazorg/overig"]
    names = [c.get("name") for c in etree.fromstring(
        zipfile.ZipFile(tmp_path / "uniek.qdpx").read("project.qde")).iter("{*}Code")]
    assert "toegang/overig" in names and "overig" not in names


def test_several_valences_on_one_span_are_reported_not_guessed(tmp_path: Path) -> None:
    with _build(tmp_path / "bron.duiding") as p:
        doc = p.documents.by_name("R01_ouder.txt").id
        c = {x.path: x.id for x in p.codes.tree()}
        span = _span(TEXT_A, "Daarna klikte het goed")
        p.segments.apply(doc, *span, [c["aansluiting"]], Valence.POSITIEF, "Anouk")
        p.segments.apply(doc, *span, [c["samenwerking"]], Valence.AANDACHTSPUNT, "Anouk")
        out = export_qdpx(p, tmp_path / "studie.qdpx").path
    own = import_qdpx_file(out, tmp_path / "eigen.duiding")  # Duiding's shape: exact
    with Project.open(own.project) as back:
        mixed = next(s for s in back.segments.query() if s.text == "Daarna klikte het goed")
        assert {(x.path, x.valence) for x in mixed.codings} == {
            ("aansluiting", Valence.POSITIEF), ("samenwerking", Valence.AANDACHTSPUNT)}
    shaped = qualcoder_shape(out, tmp_path / "qualcoder.qdpx")
    done = import_qdpx_file(shaped, tmp_path / "terug.duiding")
    (warning,) = done.report.warnings
    assert "R01_ouder.txt" in warning and "aandachtspunt, positief" in warning
    assert "Daarna klikte het goed" in warning
    with Project.open(done.project) as back:
        mixed = next(s for s in back.segments.query() if s.text == "Daarna klikte het goed")
        assert {x.valence for x in mixed.codings} == {Valence.NEUTRAAL}
