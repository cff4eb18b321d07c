"""Memo text: the Markdown subset a chapter needs, references to fragments, plain-text flattening."""

from __future__ import annotations

from coding.memo_text import Block, Reference, Run, flatten, normalise, parse, reference, references

GUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
MEMO = f"""Ouders noemen de **wachttijd** het grootste knelpunt; *vooral* bij
specialistische hulp.

- Zeven maanden voor _Meerstroom_
- Geen contact tijdens het wachten
  - ook niet na een \\*klacht\\*
1.  Eerst de huisarts
2.  Dan het jeugdteam

[Zeven maanden wachten]({reference(GUID, "x")[len("[x]("):-1]})

Zie ook [de site](https://example.org) en {reference(GUID.upper(), "dit [citaat]")}."""


def test_blocks_and_emphasis() -> None:
    blocks = parse(MEMO)
    assert [(b.kind, b.level) for b in blocks] == [
        ("paragraph", 0), ("bullet", 0), ("bullet", 0), ("bullet", 1), ("number", 0),
        ("number", 0), ("paragraph", 0), ("paragraph", 0)]
    first = blocks[0]
    assert first.inlines == (
        Run("Ouders noemen de "), Run("wachttijd", bold=True),
        Run(" het grootste knelpunt; "), Run("vooral", italic=True),
        Run(" bij specialistische hulp."))  # the soft line break is a space
    assert blocks[1].inlines[1] == Run("Meerstroom", underline=True)
    assert blocks[3].inlines == (Run("ook niet na een *klacht*"),)  # escapes are literal
    assert [b.number for b in blocks[4:6]] == [1, 2]


def test_references_by_guid_whatever_the_label_or_case() -> None:
    blocks = parse(MEMO)
    assert blocks[6].is_reference_only
    assert blocks[6].inlines == (Reference(GUID, "Zeven maanden wachten"),)
    last = blocks[7]
    assert not last.is_reference_only
    assert last.inlines == (Run("Zie ook de site en "),  # a web link keeps its label as text
                            Reference(GUID, "dit (citaat)"), Run("."))
    assert references(MEMO) == [GUID]


def test_plain_text_stays_literal() -> None:
    text = "a * b * c, 3*4 = 12, snake_case_naam en [x] (y) zonder opmaak"
    assert parse(text) == [Block("paragraph", (Run(text),))]


def test_nested_emphasis() -> None:
    (block,) = parse("**vet met *schuin* erin**")
    assert block.inlines == (Run("vet met ", bold=True), Run("schuin", bold=True, italic=True),
                             Run(" erin", bold=True))


def test_flatten_reads_as_plain_text() -> None:
    assert flatten(MEMO) == (
        "Ouders noemen de wachttijd het grootste knelpunt; vooral bij specialistische hulp.\n\n"
        "- Zeven maanden voor Meerstroom\n- Geen contact tijdens het wachten\n"
        "  - ook niet na een *klacht*\n1. Eerst de huisarts\n2. Dan het jeugdteam\n\n"
        "“Zeven maanden wachten”\n\n"
        "Zie ook de site en “dit (citaat)”.")
    quoted = flatten(MEMO, lambda ref: "‘Zeven maanden.’ (ouder, gezin 3)")
    assert "‘Zeven maanden.’ (ouder, gezin 3)\n\nZie ook" in quoted


def test_normalise_line_ends_nfc_and_trailing_space() -> None:
    assert normalise("\ufeffZoe\u0308  \r\nregel\r\n\r\n") == "Zoë\nregel"
