"""Pseudonymisation: detection (deduce for real + own rules + name list), review model,
replacement that keeps every coding on its words, and the export guard."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.pseudonymise import (
    NameEntry,
    OriginalInExport,
    PiiType,
    apply_replacements,
    assert_no_originals,
    deduce_backend,
    detect_project,
    detect_text,
    group_mentions,
    merge,
    replacements_for,
    rules,
)

R01 = (
    "Ouder: Ik ben Ramona, ik ben vierenveertig, en ik woon hier met mijn twee kinderen, "
    "Shanice en Jayden. Shanice is zeventien, Jayden is elf. We wonen nu zes jaar aan de "
    "Lijsterbeslaan. Toen belde haar mentor, meneer Van Dijk, van het Westerveen College. "
    "De aanmelding bij Meerstroom GGZ was op 12 maart en ze kon pas in augustus 2022 beginnen. "
    "Meerstroom belde nooit terug. Dingen gingen mis.\n\n"
    "Ouder: Onze dochter Noor zit op basisschool De Vuurtoren. De Vuurtoren belde mij op 06-19 47 33 82 "
    "of via f.bouzidi@example.nl. We wonen op de Ankerstraat 17 in de Schelpenbuurt."
)


def _found(mentions: list[Any], text: str) -> dict[str, str]:
    return {text[m.start : m.end]: m.type.value for m in mentions}


def test_own_rules_cover_what_deduce_misses() -> None:
    found = _found(detect_text(R01, use_deduce=False), R01)
    assert found["12 maart"] == "date"
    assert found["augustus 2022"] == "date"
    assert found["basisschool De Vuurtoren"] == "school"
    assert found["De Vuurtoren"] == "school"  # short form learnt from the full name
    assert found["Westerveen College"] == "school"
    assert found["Meerstroom GGZ"] == "organisation"
    assert found["Meerstroom"] == "organisation"
    assert found["vierenveertig"] == "age" and found["zeventien"] == "age"
    assert found["elf"] == "age"
    assert "zes jaar" not in found  # a duration, not an age
    assert found["Van Dijk"] == "person"  # the title is not part of the name
    assert found["Lijsterbeslaan"] == "street" and found["Ankerstraat 17"] == "street"
    assert found["Schelpenbuurt"] == "location"
    assert found["06-19 47 33 82"] == "phone"
    assert found["f.bouzidi@example.nl"] == "email"


def test_generic_service_words_and_languages_are_not_pii() -> None:
    text = "We gingen naar de GGZ en het CJG. Het Lyceum hielp. Ze spreekt in het Turks."
    assert detect_text(text, use_deduce=False) == []


def test_name_list_comes_first_and_matches_parts_of_names() -> None:
    text = "Daarna kwam Kiki. Kiki Bakker deed het goed. Ook Bakker zelf."
    found = detect_text(text, [NameEntry("Kiki Bakker")], use_deduce=False)
    assert [text[m.start : m.end] for m in found] == ["Kiki", "Kiki Bakker", "Bakker"]
    assert {m.type for m in found} == {PiiType.PERSON}


@pytest.fixture(scope="session")
def deduce_model() -> Any:
    """deduce loaded for real, once; its cache lives in the user cache dir (built once)."""
    model = deduce_backend.load()
    assert deduce_backend.cache_dir().joinpath("cache").is_dir()
    return model


@pytest.mark.slow
def test_deduce_finds_names_and_run_ons_are_split(deduce_model: Any) -> None:
    found = detect_text(R01)
    names = {R01[m.start : m.end] for m in found if m.type is PiiType.PERSON}
    assert {"Ramona", "Shanice", "Jayden", "Van Dijk", "Noor"} <= names
    # deduce's "Dingen" at a sentence start is a common word, not a name.
    assert "Dingen" not in names
    assert "cache" in {p.name for p in deduce_backend.cache_dir().iterdir()}
    assert "site-packages" not in str(deduce_backend.cache_dir())


@pytest.mark.slow
def test_project_entities_are_consistent_across_documents(deduce_model: Any) -> None:
    texts = {
        "R01": "Ouder: Shanice Pinas had een intake bij Kenter Jeugdhulp.",
        "R05": "Jongere: Ik ben Shanice. Bij Kenter was het fijn.",
    }
    entities = group_mentions(detect_project(texts))
    shanice = next(e for e in entities if "Shanice Pinas" in e.forms)
    assert "Shanice" in shanice.forms
    assert {dm.document for dm in shanice.mentions} == {"R01", "R05"}
    kenter = next(e for e in entities if "Kenter" in e.forms)
    assert kenter.type is PiiType.ORGANISATION and kenter.replacement.startswith("[organisatie")
    new_texts = {}
    for doc, text in texts.items():
        new_texts[doc], _ = apply_replacements(text, replacements_for(entities, doc))
    assert shanice.replacement in new_texts["R01"] and shanice.replacement in new_texts["R05"]
    assert "Shanice" not in new_texts["R05"] and "Kenter" not in new_texts["R05"]
    # Merging two entities gives them one replacement.
    merged = merge(entities, shanice.key, [kenter.key])
    assert len(merged) == len(entities) - 1
    assert "Kenter" in next(e for e in merged if e.key == shanice.key).forms


def test_apply_keeps_codings_on_their_words() -> None:
    text = "Ik ben Shanice Pinas en woon in Westerveen."
    new, spans = apply_replacements(
        text,
        [(7, 20, "[persoon 1]"), (32, 42, "[plaats 1]")],
        [(0, 20), (24, 31), (10, 35), (21, 43)],
    )
    assert new == "Ik ben [persoon 1] en woon in [plaats 1]."
    assert [new[s:e] for s, e in spans] == [
        "Ik ben [persoon 1]",
        "woon in",
        "[persoon 1] en woon in [plaats 1]",  # a span cutting a name now covers its pseudonym
        "en woon in [plaats 1].",
    ]


@st.composite
def _case(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    text = draw(st.text(alphabet="ab cé😀\n", min_size=0, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    reps: list[tuple[int, int, str]] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if not reps or a >= reps[-1][1]:
            reps.append((a, b, draw(st.text(alphabet="[XY]", max_size=6))))
    spans = [
        tuple(sorted(draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))))))
        for _ in range(draw(st.integers(0, 5)))
    ]
    return text, reps, spans  # type: ignore[return-value]


def _kept(text: str, start: int, end: int, reps: list[tuple[int, int, str]]) -> list[str]:
    """Runs of a span's characters outside every replaced region."""
    cuts = [start] + [p for a, b, _ in reps for p in (a, b) if start < p < end] + [end]
    runs = [text[x:y] for x, y in zip(cuts, cuts[1:], strict=False)]
    return [
        run
        for run, x in zip(runs, cuts, strict=False)
        if run and not any(a <= x < b for a, b, _ in reps)
    ]


@settings(max_examples=300, deadline=None)
@given(_case())
def test_apply_preserves_words_of_every_span(
    case: tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]],
) -> None:
    text, reps, spans = case
    new, new_spans = apply_replacements(text, reps, spans)
    # The text outside replaced regions is unchanged, in order.
    assert new.replace("[", "").replace("]", "").replace("X", "").replace("Y", "") == "".join(
        _kept(text, 0, len(text), reps)
    )
    for (s, e), (ns, ne) in zip(spans, new_spans, strict=True):
        assert 0 <= ns <= ne <= len(new)
        covered = new[ns:ne]
        # Every run of the span outside replacements is still there, in the same order.
        position = 0
        for run in _kept(text, s, e, reps):
            found = covered.find(run, position)
            assert found >= 0, (run, covered)
            position = found + len(run)
        # And the span holds nothing from outside its original words except whole pseudonyms.
        stripped = re.sub(r"[\[\]XY]", "", covered)
        assert stripped == "".join(_kept(text, s, e, reps))


def test_overlapping_replacements_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_replacements("abcdef", [(0, 3, "x"), (2, 4, "y")])


def test_export_guard_catches_a_planted_original() -> None:
    key = ["Shanice Pinas", "Shanice", "Meerstroom"]
    clean = ["[persoon 1] had een intake bij [organisatie 1].", "Niets te zien."]
    assert_no_originals(clean, key)
    with pytest.raises(OriginalInExport) as error:
        assert_no_originals([*clean, "Een citaat over SHANICE in een kop."], key)
    assert error.value.found[0].text_index == 2
    assert "Shanice" not in str(error.value)  # the message never leaks the original


def test_importing_the_package_does_not_load_deduce() -> None:
    import subprocess
    import sys

    code = "import coding.pseudonymise, sys; print('deduce' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


def test_titles_are_stripped() -> None:
    assert rules.strip_title("meneer Van Dijk") == len("meneer ")
    assert rules.strip_title("Shanice") == 0


@pytest.mark.corpus
@pytest.mark.slow
def test_corpus_recall_without_a_name_list(corpus_dir: Path, deduce_model: Any) -> None:
    from bench.bench_nlp import load_corpus

    docs = load_corpus(corpus_dir)
    found = detect_project({d.name: d.text for d in docs})
    hits = {"person": [0, 0], "all": [0, 0]}
    for doc in docs:
        for form, type_ in {(p["text"], p["type"]) for p in doc.gold["pii"]}:
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
                s, e = match.span()
                ok = any(m.start <= s and e <= m.end for m in found[doc.name])
                for kind in ("all", "person") if type_ == "person" else ("all",):
                    hits[kind][0] += ok
                    hits[kind][1] += 1
    assert hits["person"][0] / hits["person"][1] >= 0.90
    assert hits["all"][0] / hits["all"][1] >= 0.85
