"""Issue #11, 'What was seen', points 1 and 3–6: detection on text written here, not on the
shared corpus. Our own rules only (``use_deduce=False``), so what passes is what we built;
deduce adds to it in the real flow (tests in test_pseudonymise.py run it for real)."""

from __future__ import annotations

from coding.pseudonymise import NameEntry, PiiType, detect_project, detect_text, group_mentions
from coding.pseudonymise.apply import apply_replacements
from coding.pseudonymise.entities import flag_identities, replacements_for, split


def found(text: str, names: list[str] | None = None) -> dict[str, str]:
    return {m.text: m.type.value for m in detect_text(text, names or [], use_deduce=False)}


def pseudonymised(text: str, names: list[str] | None = None) -> str:
    mentions = detect_project({"doc": text}, names or [], use_deduce=False)
    entities = group_mentions(mentions)
    return apply_replacements(text, replacements_for(entities, "doc"))[0]


def test_an_article_never_becomes_a_place_and_the_distinctive_word_goes() -> None:
    text = ("Moeder: De oudste zat op basisschool De Tovertuin. Pleegzorg De Brug hielp ons. "
            "De Brug stuurde een begeleider. De zomer was zwaar. Daarna ging ze naar De "
            "Tovertuin terug, en de school belde op tijd.")
    result = found(text)
    assert "De" not in result and "de" not in result
    assert result["basisschool De Tovertuin"] == "school"
    assert result["Pleegzorg De Brug"] == "organisation"
    out = pseudonymised(text)
    assert "Tovertuin" not in out and "Brug" not in out
    assert out.startswith("Moeder: De oudste") and "De zomer was zwaar" in out
    assert "de school belde" in out


def test_known_names_in_lower_case_possessives_and_clitics() -> None:
    text = ("Ouder: pieter kwam thuis. Pieters fiets stond buiten. fenna huilde, Fenna's kamer "
            "was leeg. Tomasz z'n moeder belde. Familie van den berg hielp. Pietje sliep.")
    out = pseudonymised(text, ["Pieter Hoekstra", "Fenna Hoekstra", "Tomasz Nowak",
                               "Van den Berg"])
    for original in ("pieter", "Pieters", "fenna", "Fenna's", "Tomasz", "van den berg",
                     "Pietje"):
        assert original not in out, original
    assert "z'n moeder" in out and "Familie [persoon" in out


def test_non_dutch_first_names_without_a_name_list() -> None:
    text = ("Jeugdconsulent: Mijn buurvrouw Gosia past soms op. Łukasz speelt met de kinderen. "
            "Het gezin heeft drie kinderen: Tesfay, Luwam en Hodan. Later kwam Dmytro erbij, "
            "en ook Oksana en Farid.")
    result = found(text)
    for name in ("Gosia", "Łukasz", "Tesfay", "Luwam", "Hodan", "Dmytro", "Oksana", "Farid"):
        assert result.get(name) == "person", name


def test_number_formats_ages_handles_and_unnamed_organisations() -> None:
    text = (
        "Moeder: Ik was drieëntwintig toen hij kwam, nu ben ik tweeënveertig. Luwam, zes jaar, "
        "is stil. Het BSN is 204.815.337. De zaak heet C/13/123456 / JE RK 22-1234 en ons "
        "dossier ZK-2022-0042. Mijn zus belt op +48 512 334 871, mijn broer op +32 470 18 44 "
        "09. Haar account is @luwam.t03. Hij werkt bij Connexxion en bij Jeugdbescherming "
        "Gelderland. Mijn dochter zit op De Springplank in groep zes. Hij gaat naar De "
        "Kameleon, dat jongerencentrum."
    )
    result = found(text)
    assert result["drieëntwintig"] == "age" and result["tweeënveertig"] == "age"
    assert result["zes jaar"] == "age"
    assert result["204.815.337"] == "id"
    assert result["C/13/123456 / JE RK 22-1234"] == "id"
    assert result["ZK-2022-0042"] == "id"  # one number, never ZK-[datum]-0042
    assert result["+48 512 334 871"] == "phone" and result["+32 470 18 44 09"] == "phone"
    assert result["@luwam.t03"] == "handle"
    assert result["Connexxion"] == "organisation"
    assert result["Jeugdbescherming Gelderland"] == "organisation"
    assert result["De Springplank"] == "school"
    assert result["De Kameleon"] == "organisation"


def test_kinship_and_role_words_stay_as_context() -> None:
    text = ("Moeder: Pake Durk en Beppe Sjoukje wonen vlakbij. Mijn collega Anouk belde. "
            "Eerst Marloes, toen niemand. De klantmanager, Petra, wist het. Haar broer Wojtek "
            "kwam mee. Juf Marleen zag het ook.")
    result = found(text)
    for name in ("Durk", "Sjoukje", "Anouk", "Marloes", "Petra", "Wojtek", "Marleen"):
        assert result.get(name) == "person", name
    assert not any(k.split()[0] in ("Pake", "Beppe", "collega", "Eerst", "broer", "Juf")
                   for k in result)
    out = pseudonymised(text)
    assert "Pake [persoon" in out and "Beppe [persoon" in out and "collega [persoon" in out
    assert "Eerst [persoon" in out and "Juf [persoon" in out


def test_one_surname_two_people_is_offered_for_review_with_contexts() -> None:
    texts = {
        "R1.txt": "Ouder: Ik belde de coördinator, meneer Dekker, en die zei niks.",
        "R2.txt": "Vader: Ik ben Ruben Dekker, de vader van Lotte. Dekker is mijn achternaam.",
    }
    entities = group_mentions(detect_project(texts, use_deduce=False))
    flag_identities(entities, texts)
    dekker = next(e for e in entities if "Dekker" in e.forms)
    assert len(dekker.identities) == 2
    assert any("meneer [Dekker]" in c for c in dekker.identities)
    assert any("R2.txt" in c for c in dekker.identities)
    apart = split(entities, dekker.key, ["R1.txt"])
    first = next(e for e in apart if e.documents == ["R1.txt"] and "Dekker" in e.forms)
    second = next(e for e in apart if e.documents == ["R2.txt"] and "Dekker" in e.forms)
    assert first.replacement != second.replacement


def test_ordinary_words_that_are_names_are_left_alone() -> None:
    text = ("Moeder: Die nacht met de storm was eng. Om de hoek woont een visser. We wachtten "
            "elf weken. Mevrouw Storm en meneer Visser van school hielpen wel.")
    mentions = detect_text(text, use_deduce=False)
    spans = {text[m.start:m.end] for m in mentions}
    assert {"Storm", "Visser"} <= spans
    assert not {"storm", "hoek", "visser", "elf", "elf weken"} & spans


def test_the_municipality_of_the_study_is_never_personal_data() -> None:
    text = "Ouder: De gemeente Lindewaard regelde het. In Lindewaard wonen we al lang."
    mentions = detect_text(text, use_deduce=False, public=["Lindewaard"])
    assert not any("Lindewaard" in m.text for m in mentions)


def test_schools_and_organisations_on_the_name_list_are_never_split_into_words() -> None:
    text = "Ouder: Op De Regenboog Westerveen ging het goed. Westerveen is een fijne plaats."
    names = [NameEntry("De Regenboog Westerveen", PiiType.SCHOOL)]
    result = found(text, names)  # type: ignore[arg-type]
    assert result["De Regenboog Westerveen"] == "school"
    assert "Westerveen" not in result  # the place is not a variant of the school
