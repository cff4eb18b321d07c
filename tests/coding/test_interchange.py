"""Duiding -> .qdpx -> Duiding keeps everything a researcher made, and imports are all-or-nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from coding.interchange_conventions import KEY_QUOTE, VALENCE_CODES
from coding.interchange_db import snapshot
from coding.interchange_load import load_into
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import AttributeScope, AttributeType, CodeId, Valence
from exports.qdpx import write_qdpx
from importers.base import ImportedTranscript
from importers.qdpx import read_qdpx
from importers.speakers import find_turns
from models.errors import ValidationError
from tests.pg import Places

TEXT_A = ("I: Hoe verliep de aanmelding?\n"
          "R: We stonden 𝟙𝟘 weken 😡 op de wachtlijst van het wijkteam.\n"
          "R: Daarna klikte het goed met de nieuwe hulpverlener 👍🏽, echt fijn.\n")
TEXT_B = "I: Wat vond je van school?\nJ: De mentor en de jeugdhulp werkten goed samen.\n"

CODEBOOK = [
    {"name": "toegang", "colour": "#1f77b4", "definition": "Vinden en krijgen van hulp.",
     "children": [{"name": "wachttijd", "colour": "#ff7f0e", "definition": "Hoe lang?"}]},
    {"name": "aansluiting", "colour": "#2ca02c", "definition": "Past de hulp? 🧩"},
    {"name": "samenwerking", "colour": "#9467bd", "definition": ""},
]


def _transcript(name: str, text: str) -> ImportedTranscript:
    return ImportedTranscript(name, "txt", text, find_turns(text),
                              hashlib.sha256(text.encode()).hexdigest())


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _build(path: Path | str) -> Project:
    p = Project.create(path, codebook=CODEBOOK, coder="Anouk")
    a = p.documents.add_transcript(_transcript("R01_ouder.txt", TEXT_A))
    b = p.documents.add_transcript(_transcript("R02_jongere.txt", TEXT_B))
    codes = {c.path: c.id for c in p.codes.tree()}
    s1 = p.segments.apply(a, *_span(TEXT_A, "We stonden 𝟙𝟘 weken 😡 op de wachtlijst"),
                          [codes["toegang/wachttijd"]], Valence.AANDACHTSPUNT, "Anouk",
                          memo="Kern van het verhaal 😡")
    p.segments.apply(a, *_span(TEXT_A, "We stonden 𝟙𝟘 weken 😡 op de wachtlijst"),
                     [codes["toegang"]], Valence.NEUTRAAL, "Anouk")  # same segment, mixed valence
    p.segments.update(s1.segment_id, key_quote=True)
    p.segments.apply(a, *_span(TEXT_A, "klikte het goed met de nieuwe hulpverlener 👍🏽"),
                     [codes["aansluiting"]], Valence.POSITIEF, "Bram")
    p.segments.apply(b, *_span(TEXT_B, "De mentor en de jeugdhulp werkten goed samen"),
                     [codes["samenwerking"], codes["aansluiting"]], Valence.POSITIEF, "Bram")
    p.attributes.set_document_value(a, "respondenttype", "ouder")
    p.attributes.set_document_value(b, "respondenttype", "jongere")
    p.attributes.set_document_value(a, "leeftijd", "41")
    p.attributes.set_document_value(b, "leeftijd", "15")
    p.attributes.set_document_value(a, "gemeente", "Westervoort")
    p.attributes.set_types({"leeftijd": AttributeType.NUMBER})
    case = p.attributes.ensure_case("gezin 3")
    p.attributes.assign_case(a, case)
    p.attributes.assign_case(b, case)
    p.attributes.ensure("meting", AttributeType.TEXT, AttributeScope.CASE)
    p.attributes.set_case_value(case, "meting", "2024")
    p.memos.set(MemoTarget(), "Projectmemo over de studie", "Project")
    p.memos.set(MemoTarget(code_id=CodeId(codes["toegang/wachttijd"])), "Wachten komt overal terug",
                "Samenvatting wachttijd")
    p.memos.set(MemoTarget(document_id=a), "Sterk interview", "Interviewmemo")
    p.memos.set(MemoTarget(case_id=case), "Gezin met twee kinderen", "Gezinsmemo")
    return p


def _everything(p: Project) -> dict[str, Any]:
    """What a researcher would check after a round trip, independent of database ids."""
    docs = p.documents.list()
    return {
        "documents": {d.name: (p.documents.text(d.id), d.attributes, d.case, d.turns,
                               d.speakers) for d in docs},
        "codes": {c.path: (c.colour, c.definition) for c in p.codes.tree()},
        "coders": sorted(name for _, name, _, n in p.coders.list() if n),
        "segments": sorted((s.document, s.start, s.end, s.text, s.coder, s.memo, s.key_quote,
                            tuple(sorted((c.path, c.valence.value) for c in s.codings)))
                           for s in p.segments.query()),
        "attributes": sorted((scope.value, n, t.value) for scope in AttributeScope
                             for _, n, t in p.attributes.list(scope)),
        "cases": sorted((n, sorted(p.documents.get(d).name for d in docs_))
                        for _, n, docs_ in p.attributes.cases()),
        "case_values": sorted(tuple(sorted(v.items())) for v in p.attributes.case_values().values()),
        "memos": sorted((m.title, m.text, m.target.code_id is not None,
                         m.target.document_id is not None, m.target.case_id is not None)
                        for m in p.memos.list()),
    }


def test_round_trip_keeps_everything(places: Places, tmp_path: Path) -> None:
    with _build(places.new("bron")) as original:
        before = _everything(original)
        qda = snapshot(original)
        again = snapshot(original)
        out = write_qdpx(qda, tmp_path / "studie.qdpx")
    assert again == qda  # GUIDs and content stable across exports
    # Other tools see valence and key quotes as codes on the same words.
    marked = {c.code_guid for s in qda.selections for c in s.codings}
    assert {VALENCE_CODES[Valence.POSITIEF].guid, VALENCE_CODES[Valence.AANDACHTSPUNT].guid,
            KEY_QUOTE.guid} <= marked
    read, report = read_qdpx(out)
    assert read.sources[0].text == TEXT_A
    with Project.create(places.new("kopie"), codebook="empty", coder="Anouk") as copy:
        result = load_into(copy, read, report, turns=find_turns)
        after = _everything(copy)
        assert snapshot(copy).selections == qda.selections  # same GUIDs, spans and codings
    assert result.segments == 3 and result.documents == 2
    assert after == before
    assert report.skipped == []


def test_second_import_adds_nothing_and_qdc_joins_existing_codebook(tmp_path: Path) -> None:
    with _build(tmp_path / "bron.duiding") as original:
        out = write_qdpx(snapshot(original), tmp_path / "studie.qdpx")
        before = _everything(original)
        read, report = read_qdpx(out)
        result = load_into(original, read, report, turns=find_turns)
        assert (result.documents, result.segments, result.codes) == (0, 0, 0)
        assert _everything(original) == before


def test_failed_import_leaves_nothing_behind(places: Places, tmp_path: Path) -> None:
    with _build(places.new("bron")) as original:
        read, report = read_qdpx(write_qdpx(snapshot(original), tmp_path / "studie.qdpx"))
    read.sources[1].text = "Cafe\u0301"  # not NFC: refused after the first document was added
    with Project.create(places.new("doel"), codebook="empty") as target:
        empty = _everything(target)
        with pytest.raises(ValidationError):
            load_into(target, read, report, turns=find_turns)
        assert _everything(target) == empty
        assert target.coders.list() == [] and target.memos.list() == []


@pytest.mark.corpus
def test_nvivo_sample_becomes_segments_on_the_same_words(tmp_path: Path,
                                                         refi_qda_dir: Path) -> None:
    read, report = read_qdpx(refi_qda_dir / "samples" / "nvivo-win-12.6_oltas.qdpx")
    with Project.create(tmp_path / "nvivo.duiding", codebook="empty") as p:
        load_into(p, read, report)
        segments = p.segments.query()
        texts = {s.text for s in segments}
        assert "Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣" in texts
        # NVivo wrote one selection per code; in Duiding they are one segment with all codes.
        first = next(s for s in segments if s.text.startswith("Na mi van?"))
        assert len(first.codings) == 5 and first.coder == "floriansipos"
        assert sum(len(s.codings) for s in segments) == 97

