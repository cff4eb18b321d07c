"""Word, LibreOffice and RTF transcripts, built by the tests with the real libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import ImportedTranscript, TranscriptImportError, read_transcript
from tests.importers.builders import make_docx, make_odt


def turn_texts(transcript: ImportedTranscript) -> list[tuple[str | None, str]]:
    return [(t.speaker, transcript.text[t.start : t.end]) for t in transcript.turns]


def test_docx_metadata_table_becomes_attributes_and_turns_follow(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "R03.docx",
        [("Interviewer:", " Wat doe je precies?"), ("Jeugdconsulent:", " Ik ben jeugdconsulent.")],
        title="Interview jeugdconsulent – onderzoek",
        table=[("Respondent", "Nadia Ouali"), ("Gemeente", "Oosthaven"), ("Datum", "7 maart 2024")],
        header="Vertrouwelijk – Kenter",
        footer="Pagina 1",
    )
    transcript = read_transcript(path)
    assert transcript.format == "docx"
    assert transcript.attributes == {
        "Respondent": "Nadia Ouali",
        "Gemeente": "Oosthaven",
        "Datum": "7 maart 2024",
    }
    assert turn_texts(transcript) == [
        ("Interviewer", "Wat doe je precies?"),
        ("Jeugdconsulent", "Ik ben jeugdconsulent."),
    ]
    assert transcript.text.startswith("Interview jeugdconsulent – onderzoek\n")
    for absent in ("Vertrouwelijk", "Pagina 1", "Nadia Ouali"):
        assert absent not in transcript.text


def test_docx_emoji_and_decomposed_accents_slice_exactly(tmp_path: Path) -> None:
    import unicodedata

    path = make_docx(
        tmp_path / "emoji.docx",
        [
            unicodedata.normalize("NFD", "Interviewer: Hoi Zoë 👋🏽, hoe wás het?"),
            unicodedata.normalize("NFD", "Jongere: Ernáást 😅 – ‘echt’ 🇳🇱."),
        ],
        title="Interview: jongere 🙂",
    )
    transcript = read_transcript(path)
    assert turn_texts(transcript) == [
        ("Interviewer", "Hoi Zoë 👋🏽, hoe wás het?"),
        ("Jongere", "Ernáást 😅 – ‘echt’ 🇳🇱."),
    ]
    assert transcript.text == unicodedata.normalize("NFC", transcript.text)


def test_docx_table_later_in_the_body_is_text(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ["I: Eén.", "R: Twee.", "I: Drie.", "R: Vier, zie tabel:"]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "wachttijd", "5 weken"
    document.add_paragraph("I: Dank je.")
    document.save(str(tmp_path / "tabel.docx"))
    transcript = read_transcript(tmp_path / "tabel.docx")
    assert transcript.attributes == {}
    assert turn_texts(transcript)[3] == ("R", "Vier, zie tabel:\nwachttijd\n5 weken")


def test_docx_bold_labels_without_colon(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "bold.docx",
        [("Interviewer", " Hoe gaat het?"), ("Moeder", " Goed hoor."), ("Interviewer", " Fijn.")],
    )
    assert turn_texts(read_transcript(path)) == [
        ("Interviewer", "Hoe gaat het?"),
        ("Moeder", "Goed hoor."),
        ("Interviewer", "Fijn."),
    ]


def test_docx_continuation_paragraph_and_table_later_in_the_body(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "r.docx",
        ["I: Vertel eens.", "R: Eerst dit.", "En dan nog dat.", "I: Dank je."],
    )
    transcript = read_transcript(path)
    assert turn_texts(transcript)[1] == ("R", "Eerst dit.\nEn dan nog dat.")
    assert transcript.attributes == {}


def test_docx_without_labels_is_one_turn(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "brief.docx", ["Beste Fleur,", "", "Ik schrijf liever.", "Groet"])
    transcript = read_transcript(path)
    assert turn_texts(transcript) == [(None, "Beste Fleur,\n\nIk schrijf liever.\nGroet")]


def test_docx_with_only_empty_paragraphs_is_empty(tmp_path: Path) -> None:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(make_docx(tmp_path / "leeg.docx", ["", "  "]))
    assert caught.value.reason == "empty"


def test_odt_dash_separated_labels_and_title(tmp_path: Path) -> None:
    path = make_odt(
        tmp_path / "R08.odt",
        [
            "Transcript interview ouder R08 – Duinmeer – 14 november 2023",
            "Interviewer - Zo, hij staat aan.",
            "Respondent - Ja, is goed. Zeg maar Hakan, hoor.",
            "Interviewer - (lacht) Oké, Hakan.",
        ],
    )
    transcript = read_transcript(path)
    assert transcript.format == "odt"
    assert turn_texts(transcript) == [
        ("Interviewer", "Zo, hij staat aan."),
        ("Respondent", "Ja, is goed. Zeg maar Hakan, hoor."),
        ("Interviewer", "(lacht) Oké, Hakan."),
    ]
    assert transcript.text.splitlines()[0].startswith("Transcript interview ouder R08")


def test_odt_keeps_repeated_spaces_and_accents(tmp_path: Path) -> None:
    transcript = read_transcript(make_odt(tmp_path / "r.odt", ["Ouder: Het  wás  ernáást."]))
    assert transcript.text == "Ouder: Het  wás  ernáást."
    assert turn_texts(transcript) == [("Ouder", "Het  wás  ernáást.")]


RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}"
    "\n"
    r"\pard Interviewer: Hoe w\'e1s het?\par"
    "\n"
    r"\pard Ouder: Ern\'e1\'e1st, \u8220?echt\u8221? goed.\par"
    "\n}"
)


def test_rtf_with_codepage_escapes_and_unicode(tmp_path: Path) -> None:
    path = tmp_path / "r.rtf"
    path.write_bytes(RTF.encode("ascii"))
    transcript = read_transcript(path)
    assert transcript.format == "rtf"
    assert turn_texts(transcript) == [
        ("Interviewer", "Hoe wás het?"),
        ("Ouder", "Ernáást, \u201cecht\u201d goed."),
    ]


def test_rtf_that_is_not_rtf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "r.rtf"
    path.write_text("Interviewer: dit is gewoon tekst")
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path)
    assert caught.value.reason == "corrupt"
