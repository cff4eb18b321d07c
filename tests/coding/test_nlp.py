"""The Dutch NLP pipeline, lemma search and coding suggestions, on real Dutch text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from coding.nlp.lemmas import family, lemma
from coding.nlp.pipeline import ProcessedText, TurnSpan, load_pipeline, process
from coding.nlp.search import QuerySyntaxError, parse_query, search
from coding.nlp.suggest import builtin_keywords, suggest


def _transcript(turns: list[tuple[str, str, str]]) -> tuple[str, list[TurnSpan]]:
    """Text as an importer stores it: "Label: said" paragraphs, turns covering only what was said."""
    text = ""
    spans: list[TurnSpan] = []
    for label, role, said in turns:
        start = len(text) + len(label) + 2
        text += f"{label}: {said}\n\n"
        spans.append(TurnSpan(start, start + len(said), label, role))
    return text, spans


TEXT, TURNS = _transcript(
    [
        ("Interviewer", "interviewer", "Hoe ging het met de wisselingen? 😀 Vertel."),
        (
            "Ouder",
            "respondent",
            "We hebben drie keer gewisseld van hulpverlener. Elke wisseling was zwaar 🙈. "
            "Ik moest steeds opnieuw mijn verhaal vertellen, zeg maar.\nDaarna wisselen ze weer.",
        ),
        ("Interviewer", "interviewer", "En de wachtlijst?"),
        ("Ouder", "respondent", "Zeven maanden op de wachtlijst. Wás dat wachten zwaar? Ja."),
    ]
)


@pytest.fixture(scope="module")
def processed() -> ProcessedText:
    return process(TEXT, TURNS)


def test_lemmas_come_from_simplemma() -> None:
    assert lemma("wisselingen") == "wisseling"
    assert lemma("gewisseld") == "wisselen"
    assert lemma("kinderen") == "kind"
    assert lemma("Wás") == "zijn"  # emphasis accents are not Dutch spelling
    assert family("wisseling") == family("wisselen") == "wissel"
    assert family("wonen") != family("woning")  # short stems are never collapsed


def test_tokens_and_sentences_are_code_point_offsets_per_turn(processed: ProcessedText) -> None:
    words = [TEXT[t.start : t.end] for t in processed.tokens]
    assert "🙈" in words and "😀" in words
    for token in processed.tokens:
        assert TEXT[token.start : token.end].lower() == token.lower
        turn = processed.turns[token.turn]
        assert turn.start <= token.start and token.end <= turn.end
    sentences = [TEXT[s:e] for s, e, _ in processed.sentences]
    assert "Elke wisseling was zwaar 🙈." in sentences
    assert "Daarna wisselen ze weer." in sentences  # a line break ends a sentence
    # Labels are never processed, and no sentence straddles two speakers.
    assert not any("Ouder" in s or "Interviewer" in s for s in sentences)
    assert processed.pipeline_name.startswith("spacy.blank('nl')") or "nl_core_news" in (
        processed.pipeline_name
    )
    assert "simplemma" in processed.pipeline_name


def test_processed_text_round_trips_through_bytes(processed: ProcessedText) -> None:
    data = processed.to_bytes()
    assert ProcessedText.from_bytes(data) == processed
    # Compact: for a long transcript the cache is smaller than the text itself.
    long_text = "\n".join(TEXT[t.start : t.end] for t in TURNS) * 40
    assert len(process(long_text).to_bytes()) < len(long_text.encode())


def test_written_answer_without_turns_is_processed_line_by_line() -> None:
    text = "Beste Fleur,\n\nWij wachtten vijf maanden. Daarna ging het beter.\n- Bel na."
    result = process(text, [])
    assert [text[s:e] for s, e, _ in result.sentences] == [
        "Beste Fleur,",
        "Wij wachtten vijf maanden.",
        "Daarna ging het beter.",
        "- Bel na.",
    ]
    assert all(t.turn == -1 for t in result.tokens)


def test_lemma_search_finds_inflections_and_derivations(processed: ProcessedText) -> None:
    hits = search(TEXT, processed, "wisseling", lemma=True)
    assert [h.match for h in hits] == ["wisselingen", "gewisseld", "wisseling", "wisselen"]
    hit = hits[1]
    assert TEXT[hit.start : hit.end] == "gewisseld"
    assert hit.speaker == "Ouder"
    assert hit.context.replace("\n", " ").count("gewisseld") == 1
    assert hit.left.endswith("drie keer ") and hit.right.startswith(" van hulpverlener")
    # Without lemma search only the word itself is found.
    assert [h.match for h in search(TEXT, processed, "wisseling")] == ["wisseling"]


def test_search_restricted_to_respondent_turns(processed: ProcessedText) -> None:
    hits = search(TEXT, processed, "wisseling", lemma=True, roles={"respondent"})
    assert "wisselingen" not in [h.match for h in hits]
    assert all(h.speaker == "Ouder" for h in hits)


def test_phrase_wildcard_and_several_terms(processed: ProcessedText) -> None:
    assert [h.match for h in search(TEXT, processed, '"zeg maar"')] == ["zeg maar"]
    assert [h.match for h in search(TEXT, processed, '"opnieuw mijn verhaal"')] == [
        "opnieuw mijn verhaal"
    ]
    assert [h.match for h in search(TEXT, processed, "wacht*")] == [
        "wachtlijst",
        "wachtlijst",
        "wachten",
    ]
    hits = search(TEXT, processed, 'wachtlijst "zeg maar"')
    assert {h.term for h in hits} == {"wachtlijst", "zeg maar"}
    # Accent-insensitive: the emphasised "Wás" is found by "was".
    assert "Wás" in [h.match for h in search(TEXT, processed, "was")]


def test_query_errors_are_reported() -> None:
    with pytest.raises(QuerySyntaxError) as error:
        parse_query('"niet gesloten')
    assert error.value.code == "unbalanced_quotes"
    with pytest.raises(QuerySyntaxError):
        parse_query("  ,, ")


def test_suggestions_point_at_passages_with_their_trigger_words(processed: ProcessedText) -> None:
    keywords = builtin_keywords()
    assert "toegang/wachttijd" in keywords and "nazorg/nazorgcontact" in keywords
    found = suggest(TEXT, processed, keywords)
    wait = [s for s in found if s.code == "toegang/wachttijd"]
    assert wait and wait[0].text == "Zeven maanden op de wachtlijst."
    assert "wachtlijst" in wait[0].triggers
    again = [s for s in found if s.code == "wisselingen/opnieuw vertellen"]
    assert again and "opnieuw" in again[0].text
    # Interviewer questions are not suggested by default.
    assert not any(s.text == "En de wachtlijst?" for s in found)
    # A stricter threshold proposes fewer passages.
    assert len(suggest(TEXT, processed, keywords, min_score=4)) < len(found)


def test_turn_level_suggestions_cover_whole_turns(processed: ProcessedText) -> None:
    found = suggest(TEXT, processed, {"wisselingen": ["wisseling", "hulpverlener"]}, unit="turn")
    assert [(s.start, s.end) for s in found] == [(TURNS[1].start, TURNS[1].end)]


def test_importing_coding_nlp_does_not_import_spacy() -> None:
    import subprocess

    code = "import coding.nlp, coding.nlp.search, coding.nlp.suggest, sys; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


def test_default_pipeline_is_blank_dutch_when_no_model_is_installed() -> None:
    import spacy

    pipeline = load_pipeline()
    if spacy.util.is_package("nl_core_news_sm"):
        assert pipeline.name.startswith("nl_core_news_sm")
    else:
        assert pipeline.name.startswith("spacy.blank('nl') + sentencizer")
        assert pipeline.nlp.pipe_names == ["sentencizer"]


@pytest.mark.slow
def test_trained_pipeline_loads_from_a_path(tmp_path: Path) -> None:
    """The nl_core_news_sm path, exercised with a tiny real pipeline trained here."""
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("nl")
    nlp.add_pipe("senter")
    data = [
        "Ik wacht al maanden. Niemand belt terug.",
        "De hulp is gestopt. Daarna hoorden we niets.",
        "Hij wisselde vaak. Dat was zwaar.",
    ]
    examples = []
    for sentence in data:
        doc = nlp.make_doc(sentence)
        starts = [1 if i == 0 or doc[i - 1].text == "." else 0 for i in range(len(doc))]
        examples.append(Example.from_dict(doc, {"sent_starts": starts}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    nlp.meta["name"] = "tiny_senter"
    nlp.meta["version"] = "0.0.1"
    nlp.to_disk(tmp_path / "tiny")

    pipeline = load_pipeline(tmp_path / "tiny")
    assert pipeline.name == "nl_tiny_senter 0.0.1 + simplemma " + pipeline.name.rsplit(" ", 1)[1]
    assert "senter" in pipeline.nlp.pipe_names and "sentencizer" not in pipeline.nlp.pipe_names
    text, turns = _transcript([("R", "respondent", "Ik wacht al maanden. Hij wisselde vaak.")])
    result = process(text, turns, pipeline)
    assert result.pipeline_name == pipeline.name
    assert [text[s:e] for s, e, _ in result.sentences] == [
        "Ik wacht al maanden.",
        "Hij wisselde vaak.",
    ]
    assert [t.lemma for t in result.tokens if t.lower == "wisselde"] == ["wisselen"]
