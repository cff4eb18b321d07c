"""The fuzzing harness over every reader: seeds, structure-aware mutations, the oracle.

Why Hypothesis and not atheris: Hypothesis is already a test dependency, runs on every platform
the students use (atheris has no Windows wheels and wants a libFuzzer toolchain), is seeded and
reproducible, and fits pytest: the suite runs a short campaign, ``python -m bench fuzz`` the
100,000-input one with the same strategy. Coverage guidance matters less here than knowing the
formats: most inputs that a byte-flipper makes die at the zip CRC or the XML parser's first
byte, so the mutations below work at the level where readers make decisions: members of a zip
container (re-zipped, so CRCs are right), XML tokens (numbers, dates, repeat counts, DTDs,
nesting), text lines (timestamps, labels, delimiters, quotes, BOMs) and raw bytes.

The oracle (:func:`run_one`): a reader may return a transcript (or sheet, or project), or raise
``TranscriptImportError`` that its own checks foresaw (not marked ``unexpected`` by the
boundary), whose message is one line starting with the file name. Anything else is a failure.
"""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from importers import SUPPORTED_EXTENSIONS, read_transcript
from importers.attributes import read_attribute_sheet
from importers.base import TranscriptImportError
from importers.qdpx import read_qdc, read_qdpx
from importers.survey import read_survey

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

Reader = Callable[[Path], object]
READERS: dict[str, tuple[str, Reader]] = {
    **{ext: (ext, read_transcript) for ext in sorted(SUPPORTED_EXTENSIONS)},
    ".csv": (".csv", read_attribute_sheet),
    ".xlsx": (".xlsx", read_attribute_sheet),
    ".qdpx": (".qdpx", lambda p: read_qdpx(p)),
    ".qdc": (".qdc", lambda p: read_qdc(p)),
    "survey.csv": (".csv", lambda p: read_survey(p)),
    "survey.xlsx": (".xlsx", lambda p: read_survey(p)),
    "survey.sav": (".sav", lambda p: read_survey(p)),
}
"""Every kind of file a user can hand to Duiding: (extension, the entry point that reads it)."""


# -- seeds ----------------------------------------------------------------------------------

_TRANSCRIPT = ("Interviewer: Hoe kwam u bij de jeugdhulp terecht?\n\n"
               "Moeder: Via de huisarts. We wachtten zeven maanden op Meerstroom 😀.\n\n"
               "Interviewer: En daarna?\n\nMoeder: Daarna ging het beter; de jeugdconsulent "
               "belde elke week.\n")
_G = [f"{i:08X}-0000-4000-8000-{i:012X}" for i in range(1, 12)]
_QDE = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        f'name="t" origin="Fuzz" creationDateTime="2024-01-01T10:00:00Z"><Users><User '
        f'guid="{_G[0]}" name="Sanne"/></Users><CodeBook><Codes><Code guid="{_G[1]}" '
        f'name="toegang" isCodable="true" color="#FF0000"><Code guid="{_G[2]}" name="wachttijd" '
        f'isCodable="true"/></Code></Codes></CodeBook><Variables><Variable guid="{_G[3]}" '
        f'name="meting" typeOfVariable="Integer"/></Variables><Sources><TextSource '
        f'guid="{_G[4]}" name="gezin1" plainTextPath="internal://{_G[4]}.txt" '
        f'creatingUser="{_G[0]}" creationDateTime="2024-01-01T10:00:00+01:00"><VariableValue>'
        f'<VariableRef targetGUID="{_G[3]}"/><IntegerValue>2024</IntegerValue></VariableValue>'
        f'<PlainTextSelection guid="{_G[5]}" startPosition="13" endPosition="48" '
        f'creatingUser="{_G[0]}"><Coding guid="{_G[6]}" creatingUser="{_G[0]}"><CodeRef '
        f'targetGUID="{_G[2]}"/></Coding><NoteRef targetGUID="{_G[7]}"/></PlainTextSelection>'
        f'</TextSource></Sources><Notes><Note guid="{_G[7]}" name="memo"><PlainTextContent>lang'
        f'</PlainTextContent></Note></Notes><Cases><Case guid="{_G[8]}" name="G-1"><SourceRef '
        f'targetGUID="{_G[4]}"/></Case></Cases></Project>')


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Respondent", "ouder"
    table.cell(1, 0).text, table.cell(1, 1).text = "Gemeente", "Westerveen"
    for para in _TRANSCRIPT.split("\n\n"):
        label, _, rest = para.partition(": ")
        p = document.add_paragraph()
        p.add_run(label + ":").bold = True
        p.add_run(" " + rest)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P, S

    document = OpenDocumentText()
    for para in _TRANSCRIPT.split("\n\n"):
        p = P(text=para)
        p.addElement(S(c=2))
        document.text.addElement(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["bestand", "respondent_type", "gemeente", "meting", "datum"])
    ws.append(["r1.txt", "ouder", "Westerveen", 2024, "2024-03-01"])
    ws.append(["r2.docx", "jongere", "Duinmeer", 2023, 45000])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _pdf() -> bytes:
    lines = _TRANSCRIPT.replace("😀", "").split("\n")
    content = "BT /F1 12 Tf 14 TL 72 760 Td " + " ".join(
        f"({line.encode('cp1252').decode('latin-1')}) Tj T*" for line in lines) + " ET"
    stream = content.encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def builtin_seeds() -> dict[str, list[bytes]]:
    """Small realistic files of every kind, made here so the harness runs on a fresh clone."""
    vtt = ("WEBVTT\n\nNOTE made by a transcription tool\n\n00:00:01.000 --> 00:00:04.000\n"
           "<v Interviewer>Hoe kwam u bij de jeugdhulp?</v>\n\n00:00:05.000 --> 00:00:09.500\n"
           "<v Moeder>Via de huisarts &amp; de school.\n\n00:01:00.000 --> 01:00:10.000\n"
           "<v Moeder><b>Zeven</b> maanden.\n")
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nInterviewer: Hoe kwam u bij de jeugdhulp?\n\n"
           "2\n00:00:05,000 --> 00:00:09,500\nMoeder: Via de huisarts.\n\n3\n"
           "00:00:10,000 --> 00:00:12,000\nZeven maanden.\n")
    timestamped = "".join(f"[00:0{i}:1{i}] {'Interviewer' if i % 2 else 'Ouder'}: zin {i}\n"
                          for i in range(8))
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\pard{\\b Interviewer:} Hoe "
           "ging het?\\par Moeder: W\\'e9 wachtten \\u8364? lang.\\par}")
    qdc = ('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
           f'origin="Fuzz"><Codes><Code guid="{_G[1]}" name="toegang" isCodable="true"><Code '
           f'guid="{_G[2]}" name="wachttijd" isCodable="true"/></Code></Codes></CodeBook>')
    sav = REPO / "tests" / "fixtures" / "survey_small.sav"  # a real SPSS file (pyreadstat)
    survey_csv = ("respnr;gemeente;meting;v1 Hoe tevreden bent u?;v2 Toelichting\r\n"
                  "1;Westerveen;2024;Zeer tevreden;Goed geholpen\r\n"
                  "2;Duinmeer;2023;Ontevreden;\"Lang gewacht; te lang\"\r\n").encode("cp1252")
    return {
        "survey.csv": [survey_csv],
        "survey.xlsx": [_xlsx()],
        "survey.sav": [sav.read_bytes()] if sav.is_file() else [],
        ".txt": [_TRANSCRIPT.encode("utf-8"), b"\xef\xbb\xbf" + _TRANSCRIPT.encode("utf-8"),
                 _TRANSCRIPT.encode("utf-16"), _TRANSCRIPT.replace("😀", "é").encode("cp1252"),
                 timestamped.encode("utf-8")],
        ".vtt": [vtt.encode("utf-8")],
        ".srt": [srt.encode("utf-8"), srt.encode("utf-8-sig")],
        ".rtf": [rtf.encode("latin-1")],
        ".docx": [_docx()],
        ".odt": [_odt()],
        ".pdf": [_pdf()],
        ".csv": ["bestand;respondent_type;gemeente;meting\r\nr1.txt;ouder;Westerveen;2024\r\n"
                 "r2.docx;jongere;\"Duin, meer\";2023\r\n".encode("cp1252"),
                 "file,type\nr1,ouder\n".encode("utf-8-sig")],
        ".xlsx": [_xlsx()],
        ".qdpx": [_zip({"project.qde": _QDE.encode("utf-8"),
                        f"sources/{_G[4]}.txt": _TRANSCRIPT.encode("utf-8")})],
        ".qdc": [qdc.encode("utf-8")],
    }


def seed_files() -> dict[str, list[bytes]]:
    """Built-in seeds plus real files beside the project (the shared corpus and REFI-QDA samples),
    when present. Large files are left out: the mutations, not the size, find the bugs."""
    seeds = builtin_seeds()
    for folder in (SHARED / "corpus", SHARED / "refi-qda" / "samples"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            suffix = path.suffix.lower()
            if suffix == ".qde":
                suffix = ".qdpx"
                data = _zip({"project.qde": path.read_bytes()})
            elif suffix in READERS and path.stat().st_size <= 2_000_000:  # (corpus .csv: sheets)
                data = path.read_bytes()
            else:
                continue
            seeds.setdefault(suffix, []).append(data)
    return seeds


# -- mutations ------------------------------------------------------------------------------

_INTERESTING_NUMBERS = ["0", "-1", "1", "65535", "2147483648", "-2147483649", "4294967296",
                        "99999999999999999999", "9" * 40, "1e308", "-1e308", "NaN", "inf", "",
                        " 7", "0x10", "٣", "1.5", "400000000"]
_INTERESTING_DATES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                      "2024-02-30T25:61:61", "9999-12-31", "0000-00-00", "2024-01-01T00:00:00Z"]
_INTERESTING_TEXT = [
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "&#0;", "&#xD800;", "\x00", "\ufeff",
    "\r", "\r\n", "\u2028", "\x1b[31m", "WEBVTT", " --> ", "99999999999999999999:00:00.000",
    "00:00:01,000 --> 00:00:02,000", "<v >", "<v Moeder", "Interviewer:", "I:", "R:", ";", ",",
    "\t", "\"", "'", "=cmd|' /C calc'!A0", "{\\rtf1", "\\u-32768?", "\\'ff", "{\\*\\pict ",
    "}", "{", "\\par", "%PDF-1.7", "obj", "endobj", "stream", "<<", ">>", "/Length 999999999",
    "😀" * 3, "a" * 500, "\n" * 50, "<x>" * 300, "</x>", "<w:p/>", "<text:s text:c=\"9\"/>",
]


def _token_mutate(text: str, rng: random.Random) -> str:
    """Replace a number, a date or an attribute value; insert an interesting token."""
    choice = rng.randrange(5)
    if choice == 0:
        spots = [m.span() for m in re.finditer(r"-?\d+(?:\.\d+)?", text)]
        if spots:
            a, b = rng.choice(spots)
            return text[:a] + rng.choice(_INTERESTING_NUMBERS) + text[b:]
    if choice == 1:
        spots = [m.span() for m in re.finditer(r"\d{4}-\d\d-\d\d(?:T[\d:.]+)?(?:Z|[+-]\d\d:\d\d)?",
                                               text)]
        if spots:
            a, b = rng.choice(spots)
            return text[:a] + rng.choice(_INTERESTING_DATES) + text[b:]
    if choice == 2:
        spots = [m.span(1) for m in re.finditer(r'="([^"]*)"', text)]
        if spots:
            a, b = rng.choice(spots)
            return text[:a] + rng.choice(_INTERESTING_NUMBERS + _INTERESTING_DATES) + text[b:]
    if choice == 3 and text:  # repeat a slice (nesting, long lines, many elements)
        a = rng.randrange(len(text))
        b = min(len(text), a + rng.randint(1, 200))
        return text[:b] + text[a:b] * rng.choice([2, 10, 1000]) + text[b:]
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(_INTERESTING_TEXT) + text[at:]


def _bytes_mutate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    buf = bytearray(data)
    choice = rng.randrange(6)
    at = rng.randrange(len(buf))
    if choice == 0:
        buf[at] ^= 1 << rng.randrange(8)
    elif choice == 1:
        buf[at] = rng.choice([0, 0xFF, 0x7F, 0x80, ord("<"), ord("\n")])
    elif choice == 2:
        del buf[at:at + rng.randint(1, 64)]
    elif choice == 3:
        buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif choice == 4:
        del buf[at:]  # truncated, as a download cut short
    else:
        end = min(len(buf), at + rng.randint(1, 256))
        buf[at:at] = buf[at:end] * rng.randint(2, 50)
    return bytes(buf)


def _text_mutate(data: bytes, rng: random.Random) -> bytes:
    for codec in ("utf-8", "utf-16", "cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        mutated = _token_mutate(text, rng)
        out = mutated.encode(codec, errors="replace") if codec != "utf-16" \
            else mutated.encode("utf-16")
        return out
    return _bytes_mutate(data, rng)


def _zip_mutate(data: bytes, rng: random.Random) -> bytes:
    """Mutate one member of a zip container and zip it again (CRCs right), or the container."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {info.filename: zf.read(info) for info in zf.infolist()}
    except Exception:
        return _bytes_mutate(data, rng)
    if not members:
        return _bytes_mutate(data, rng)
    choice = rng.randrange(10)
    name = rng.choice(sorted(members))
    if choice < 6:
        members[name] = _text_mutate(members[name], rng)
    elif choice == 6:
        del members[name]
    elif choice == 7:
        members[rng.choice(["customXml/item1.xml", "word/extra.bin", "Thumbnails/x.xml",
                            "sources/../../evil.txt", "/abs.txt"])] = rng.choice(
            [b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', b"\x00" * 10,
             members[name]])
    elif choice == 8 and len(members[name]) < 200_000:
        members[name] = members[name] * rng.choice([2, 50])
    else:
        out = bytearray(_zip(members))  # raw damage inside the compressed stream
        if len(out) > 64:
            at = rng.randrange(30, len(out) - 30)
            out[at] ^= 0xFF
        return bytes(out)
    return _zip(members)


MAX_CASE_BYTES = 8 * 1024 * 1024
"""Inputs stay below this, zipped: the harness must not be what eats the memory it measures
(the size limits themselves are tested with sparse and crafted files, not by fuzzing)."""


def mutate(kind: str, data: bytes, rng: random.Random, rounds: int) -> bytes:
    zipped = READERS[kind][0] in (".docx", ".odt", ".xlsx", ".qdpx")
    for _ in range(rounds):
        kind = rng.randrange(10)
        if zipped and kind < 7:
            mutated = _zip_mutate(data, rng)
        elif kind < 7:
            mutated = _text_mutate(data, rng)
        else:
            mutated = _bytes_mutate(data, rng)
        if len(mutated) <= MAX_CASE_BYTES:
            data = mutated
    return data


@dataclass(frozen=True)
class FuzzCase:
    kind: str  # a key of READERS
    data: bytes

    @property
    def suffix(self) -> str:
        return READERS[self.kind][0]

    def __repr__(self) -> str:  # short, for Hypothesis' falsifying example
        return f"FuzzCase({self.kind!r}, {len(self.data)} bytes, {self.data[:60]!r}...)"


def fuzz_cases(seeds: dict[str, list[bytes]], kinds: list[str] | None = None
               ) -> st.SearchStrategy[FuzzCase]:
    """A seed of some reader's kind, mutated 1-6 times by a seeded generator Hypothesis draws."""
    chosen = sorted(k for k in (kinds or seeds) if seeds.get(k))

    @st.composite
    def build(draw: Any) -> FuzzCase:
        kind = draw(st.sampled_from(chosen))
        seed = draw(st.sampled_from(seeds[kind]))
        rng = random.Random(draw(st.integers(0, 2**32 - 1)))
        return FuzzCase(kind, mutate(kind, seed, rng, draw(st.integers(1, 6))))

    return build()


# -- the oracle -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    status: str  # "read" | "refused" | "failure"
    detail: str
    seconds: float


def run_one(case: FuzzCase, folder: Path, name: str = "fuzz") -> Outcome:
    """Run the reader of `case.kind` on the bytes and judge what came out."""
    path = folder / f"{name}{case.suffix}"
    path.write_bytes(case.data)
    started = time.perf_counter()
    try:
        READERS[case.kind][1](path)
    except TranscriptImportError as exc:
        seconds = time.perf_counter() - started
        message = str(exc)
        if exc.unexpected:
            cause = exc.__context__
            return Outcome("failure", f"unexpected {type(cause).__name__}: {cause}", seconds)
        if "\n" in message or not message.startswith(path.name + ":"):
            return Outcome("failure", f"message not one line naming the file: {message!r}",
                           seconds)
        return Outcome("refused", exc.reason, seconds)
    except BaseException as exc:  # noqa: BLE001 - the point is to catch everything
        if isinstance(exc, KeyboardInterrupt):
            raise
        return Outcome("failure", f"{type(exc).__name__}: {exc}", time.perf_counter() - started)
    finally:
        path.unlink(missing_ok=True)
    return Outcome("read", "", time.perf_counter() - started)


def iter_seeds() -> Iterator[tuple[str, bytes]]:
    for suffix, datas in seed_files().items():
        for data in datas:
            yield suffix, data
