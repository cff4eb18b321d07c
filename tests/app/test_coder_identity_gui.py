"""The GUI's coder name goes through the core's one door: typed with stray spaces, it codes as
the same coder the command line and merged projects use."""

from __future__ import annotations

from pathlib import Path

from coding.types import SegmentFilter
from tests.app.conftest import import_files
from tests.app.test_workflow import _select


def test_coder_typed_with_stray_spaces_is_one_coder(qtbot, window, tmp_path: Path,
                                                    transcript_file: Path) -> None:
    project = window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    window.coding.open_document(doc.id)
    text = window.view.toPlainText()
    toegang = project.codes.by_path("toegang").id
    a = text.index("Heel lang.")
    for name in ("Sanne  Jansen", " Sanne\u00a0Jansen "):
        window.set_coder(name)
        assert window.ctx.coder == project.coder == "Sanne Jansen"
        _select(window.view, a, a + len("Heel lang."))
        window.coding.apply_codes([toegang])
    segs = project.segments.query(SegmentFilter())
    assert [(s.text, s.coder) for s in segs] == [("Heel lang.", "Sanne Jansen")]
    assert "Sanne Jansen" in window.windowTitle()
