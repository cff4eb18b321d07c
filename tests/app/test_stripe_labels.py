"""Coding stripes name their code readably: a tag at the top of the bar shows the whole name even
when the next coding in the same column starts a line below; labels never cover each other or
another bar; clicking a tag selects its fragment; the margin stays a modest share of the view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from coding.commands import ApplyCodes
from tests.app.conftest import import_files

TEXT = (
    "Interview ouder (stripes)\n\n"
    "Interviewer: Hoe vond u de weg naar hulp?\n\n"
    "Ouder: Ik wist niet waar ik moest beginnen.\n\n"
    "Ouder: Niemand vertelde ons iets over de wachtlijst.\n\n"
    "Ouder: We wachtten vijf maanden op een intake.\n\n"
    "Interviewer: En daarna?\n\n"
    "Ouder: Daarna ging het beter.\n"
)


def _coded_view(qtbot, window, tmp_path: Path, spans: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    project = window.create_project(tmp_path / "s.duiding", "jeugdhulp")
    src = tmp_path / "files" / "R02_ouder.txt"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(TEXT, encoding="utf-8")
    import_files(qtbot, window, [src])
    doc = project.documents.list()[0]
    text = project.documents.text(doc.id)
    for quote, path in spans:
        start = text.index(quote)
        window.ctx.run(ApplyCodes(doc.id, start, start + len(quote),
                                   [project.codes.by_path(path).id]))
    window.coding.open_document(doc.id)
    qtbot.waitUntil(lambda: len(window.view.stripe_model.bars) == len(spans))
    window.view.stripes.repaint()
    return project, window.view


def _labels(view):  # type: ignore[no-untyped-def]
    return {bar.name: (rect, label) for rect, bar, label in view.stripes.placed_bars()}


def test_close_codings_in_one_column_show_their_whole_names(qtbot, window,
                                                            tmp_path: Path) -> None:
    _project, view = _coded_view(qtbot, window, tmp_path, [
        ("Ik wist niet waar ik moest beginnen.", "toegang/vindbaarheid"),
        ("Niemand vertelde ons iets", "toegang/informatie"),
        ("ons iets over de wachtlijst.\n\nOuder: We wachtten", "toegang/wachttijd"),
    ])
    labels = _labels(view)
    first, second = labels["vindbaarheid"], labels["informatie"]
    assert first[0].x() == second[0].x()  # same column, one line apart
    assert labels["wachttijd"][0].x() > second[0].x()  # overlaps "informatie": beside it
    for name in ("vindbaarheid", "informatie", "wachttijd"):
        rect, label = labels[name]
        assert label is not None and label.text == name and not label.elided
        assert not label.rotated  # a horizontal tag at the top of its bar
        assert label.rect.top() == rect.top()
    placed = list(view.stripes.placed_bars())
    for i, (_r, _b, a) in enumerate(placed):
        assert a is not None and view.stripes.rect().contains(a.rect)
        for j, (rect, _bar, b) in enumerate(placed):
            if i != j:
                assert b is not None and not a.rect.intersects(b.rect)
                assert not a.rect.intersects(rect)  # nor covers another bar
    assert view.stripes.width() <= max(60, int(view.width() * 0.2) + 8)


def test_long_names_in_a_narrow_margin_run_along_their_bars_without_overlap(
        qtbot, window, tmp_path: Path) -> None:
    window.resize(700, 600)  # a narrow window: the margin budget is small
    _project, view = _coded_view(qtbot, window, tmp_path, [
        ("Niemand vertelde ons iets over de wachtlijst.", "samenwerking/school en jeugdhulp"),
        ("ons iets over de wachtlijst.\n\nOuder: We wachtten", "wisselingen/wisseling hulpverlener"),
        ("vertelde ons", "toegang/informatie"),
    ])
    placed = view.stripes.placed_bars()
    shown = [label for _r, _b, label in placed if label is not None]
    assert len(shown) == 3
    for (_rect, bar, a) in placed:
        assert a is not None
        assert a.text == bar.name or a.elided  # cut short only with a visible ellipsis
        for b in shown:
            assert a is b or not a.rect.intersects(b.rect)
    tips = [view.stripes.tooltip(bar) for _r, bar, _l in placed]
    assert any("wisseling hulpverlener" in t for t in tips)  # the full name is on hover


def test_clicking_a_tag_selects_its_fragment(qtbot, window, tmp_path: Path) -> None:
    project, view = _coded_view(qtbot, window, tmp_path, [
        ("Ik wist niet waar ik moest beginnen.", "toegang/vindbaarheid"),
        ("We wachtten vijf maanden", "toegang/wachttijd"),
    ])
    rect, label = _labels(view)["wachttijd"]
    assert label is not None
    far = QPoint(label.rect.right() - 2, label.rect.center().y())
    assert far.x() > rect.x() + 8  # on the tag's text, away from the bar itself
    qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton, pos=far)
    seg = next(s for s in project.segments.for_document(project.documents.list()[0].id)
               if s.codes == ["toegang/wachttijd"])
    assert view.selection_cp() == (seg.start, seg.end)
    assert view.highlighted_segment == seg.id


def test_two_codings_on_one_line_never_share_a_column(qtbot, window, tmp_path: Path) -> None:
    """Not overlapping in the text, but side by side on one line: a shared column drew one bar
    over the other, and a click on it selected the wrong fragment."""
    _project, view = _coded_view(qtbot, window, tmp_path, [
        ("We wachtten", "toegang/wachttijd"),
        ("op een intake.", "toegang/intake"),
    ])
    bars = {b.name: b for b in view.stripe_model.bars}
    assert bars["wachttijd"].column != bars["intake"].column
    for name in ("wachttijd", "intake"):
        [rect] = [r for r, b in view.stripes.visible_bars() if b.name == name]
        qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton,
                         pos=QPoint(rect.x() + 1, rect.center().y()))
        assert view.highlighted_segment == bars[name].segment_id
