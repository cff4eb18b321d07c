"""Marking fragments as events: undoable like every coding, with an editable list of types."""

from __future__ import annotations

import pytest

from coding.commands import DeleteDocuments
from coding.commands.events import (
    AddEventType,
    EditEvent,
    MarkEvent,
    RemoveEvent,
    RemoveEventType,
    UpdateEventType,
)
from coding.moments import Moment, MomentKind
from coding.project import Project
from coding.undo import UndoStack
from importers.base import ImportedTranscript, Turn
from models.errors import NotFoundError, ValidationError
from tests.pg import Places

TEXT = ("Interviewer: Hoe begon het?\n\n"
        "Moeder: Toen hij 4 was viel het de juf al op. Vorig jaar in maart hebben we ons "
        "aangemeld. We hebben zeven maanden gewacht. Twee maanden later kwam er iemand.\n")


def _project(places: Places) -> tuple[Project, int]:
    p = Project.create(places.new("events"), coder="Sanne")
    answer = TEXT.index("Toen")
    doc = p.documents.add_transcript(ImportedTranscript(
        "gezin3_ouder.txt", "txt", TEXT, [Turn(13, 27, "Interviewer"),
                                           Turn(answer, len(TEXT), "Moeder")],
        "1" * 64, {"respondent_type": "ouder", "meting": "2024", "gezin": "G-3"}))
    p.attributes.cases_from_attribute()
    return p, doc


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def test_default_types_are_the_studys_list(places: Places) -> None:
    p, _ = _project(places)
    assert [t.name for t in p.events.types()] == [
        "signaal", "aanmelding", "wachttijd", "start hulp", "wisseling hulpverlener",
        "verwijzing", "afsluiting", "nazorg", "crisis"]
    wachttijd = p.events.type_by_name("Wachttijd")
    assert "toegang/wachttijd" in wachttijd.code_paths
    p.close()


def test_mark_edit_remove_event_undo_and_redo_keep_ids(places: Places) -> None:
    p, doc = _project(places)
    stack = UndoStack(p)
    signaal = p.events.type_by_name("signaal").id
    mark = MarkEvent(doc, *span("Toen hij 4 was viel het de juf al op."), signaal,
                     Moment(MomentKind.AGE, age_months=48, text="toen hij 4 was"))
    assert stack.push(mark).events
    event = p.events.get(mark.event_id)
    assert (event.type, event.moment.label(), event.coder) == ("signaal", "4 jaar", "Sanne")
    assert event.text == "Toen hij 4 was viel het de juf al op."
    assert event.respondent_type == "ouder" and event.case == "G-3"
    stack.push(EditEvent(event.id, moment=Moment(MomentKind.YEAR, 2016), duration_days=30,
                         memo="volgens de juf"))
    assert p.events.get(event.id).moment.label() == "2016"
    stack.undo()
    assert p.events.get(event.id).moment.label() == "4 jaar"
    assert p.events.get(event.id).duration_days is None
    stack.redo()
    assert p.events.get(event.id).memo == "volgens de juf"
    stack.push(RemoveEvent(event.id))
    assert p.events.for_document(doc) == []
    stack.undo()
    assert [e.id for e in p.events.for_document(doc)] == [event.id]
    stack.undo()
    stack.undo()  # the marking itself
    assert p.events.count() == 0
    stack.redo()
    assert [e.id for e in p.events.for_document(doc)] == [event.id]  # the very same id
    p.close()


def test_bad_spans_and_unknown_events_are_refused(places: Places) -> None:
    p, doc = _project(places)
    t = p.events.types()[0].id
    with pytest.raises(ValidationError):
        p.execute(MarkEvent(doc, 10, 10, t))
    with pytest.raises(ValidationError):
        p.execute(MarkEvent(doc, 0, len(TEXT) + 1, t))
    with pytest.raises(NotFoundError):
        p.execute(RemoveEvent(999))  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="the types are signaal"):
        p.events.type_by_name("gesprek")
    assert p.events.count() == 0
    p.close()


def test_event_types_are_an_editable_undoable_list(places: Places) -> None:
    p, doc = _project(places)
    stack = UndoStack(p)
    add = AddEventType("huisbezoek", "#123456", ("aansluiting/relatie",))
    stack.push(add)
    assert p.events.type_by_name("huisbezoek").colour == "#123456"
    with pytest.raises(ValidationError):
        p.execute(AddEventType("Huisbezoek"))
    stack.push(UpdateEventType(add.type_id, name="thuisbezoek"))
    assert p.events.type_by_name("thuisbezoek").id == add.type_id
    stack.undo()
    assert p.events.type_by_name("huisbezoek")
    stack.push(MarkEvent(doc, *span("Twee maanden later kwam er iemand."), add.type_id))
    with pytest.raises(ValidationError, match="1 events have the type"):
        p.execute(RemoveEventType(add.type_id))
    stack.undo()  # the event
    stack.push(RemoveEventType(add.type_id))
    assert "huisbezoek" not in [t.name for t in p.events.types()]
    stack.undo()
    assert p.events.type_by_name("huisbezoek").id == add.type_id
    p.close()


def test_suggestion_proposes_type_from_codes_and_moment_from_words(places: Places) -> None:
    from coding.commands import ApplyCodes

    p, doc = _project(places)
    start, end = span("Vorig jaar in maart hebben we ons aangemeld.")
    p.execute(ApplyCodes(doc, start, end, [p.codes.by_path("toegang/intake").id]))
    s = p.events.suggest(doc, start, end)
    assert s.type_id == p.events.type_by_name("aanmelding").id
    assert s.moment is not None and s.moment.moment.label() == "maart 2023"  # meting 2024
    assert p.events.count() == 0  # a suggestion stores nothing
    p.execute(MarkEvent(doc, start, end, s.type_id, s.moment.moment))
    later = span("Twee maanden later kwam er iemand.")
    s2 = p.events.suggest(doc, *later)
    assert s2.moment is not None and s2.moment.moment.label() == "ca. mei 2023"
    wait = span("We hebben zeven maanden gewacht.")
    assert p.events.suggest(doc, *wait).duration_days == 210
    p.close()


def test_deleting_a_document_and_undoing_brings_its_events_back(places: Places) -> None:
    p, doc = _project(places)
    stack = UndoStack(p)
    stack.push(MarkEvent(doc, *span("We hebben zeven maanden gewacht."),
                         p.events.type_by_name("wachttijd").id, duration_days=210))
    stack.push(DeleteDocuments([doc]))
    assert p.events.count() == 0
    stack.undo()
    assert [e.duration_days for e in p.events.for_document(doc)] == [210]
    p.close()


def test_the_same_passage_and_type_is_never_marked_twice(places: Places) -> None:
    p, doc = _project(places)
    stack = UndoStack(p)
    signaal = p.events.type_by_name("signaal").id
    aanmelding = p.events.type_by_name("aanmelding").id
    passage = span("Vorig jaar in maart hebben we ons aangemeld.")
    first = MarkEvent(doc, *passage, signaal)
    stack.push(first)
    with pytest.raises(ValidationError, match="already marked as 'signaal'") as caught:
        p.execute(MarkEvent(doc, *passage, signaal, Moment(MomentKind.MONTH, 2023, 3)))
    assert caught.value.code == "duplicate"
    assert p.events.count() == 1
    other = MarkEvent(doc, *passage, aanmelding)  # the same words as another kind of event
    stack.push(other)
    assert p.events.count() == 2
    with pytest.raises(ValidationError, match="already marked as 'signaal'"):
        p.execute(EditEvent(other.event_id, type_id=signaal))  # type: ignore[arg-type]
    assert p.events.find(doc, *passage, aanmelding) is not None  # left as it was
    assert p.events.find(doc, *passage, signaal).id == first.event_id  # type: ignore[union-attr]
    p.close()
