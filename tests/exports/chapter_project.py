"""A small coded study for the export tests: four transcripts on disk, imported and coded.

Written by the tests themselves (no binary fixtures): two municipalities, two metingen, a family
interviewed twice (ouder + jongere), a hulpverlener without a family, and fragments with every
valence, a key quote, a fragment spanning an interviewer turn and one with two codes.
"""

from __future__ import annotations

from pathlib import Path

from coding.commands import ApplyCodes
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import Valence
from importers.batch import import_paths

LONG_ANSWER = " ".join(
    f"Zin nummer {i} gaat over het wachten op de hulp en hoe zwaar dat voor ons gezin was."
    for i in range(1, 12))

TRANSCRIPTS = {
    "R1_ouder_WV.txt": (
        "Interviewer: Hoe kwam u bij de hulp terecht?\n\n"
        "Ouder: We hebben zeven maanden gewacht op de eerste afspraak bij de jeugd-GGZ. "
        "Dat was echt veel te lang voor ons gezin.\n\n"
        "Interviewer: En toen de hulp er eenmaal was?\n\n"
        "Ouder: De hulpverlener luisterde echt naar ons en nam ons serieus. "
        "We mochten zelf meedenken over de doelen.\n\n"
        "Interviewer: Wat vond u van de overdracht?\n\n"
        f"Ouder: {LONG_ANSWER}\n"
    ),
    "R2_jongere_WV.txt": (
        "Interviewer: Wat vond jij van het wachten?\n\n"
        "Jongere: Ik zat maanden thuis op mijn kamer en niemand belde terug.\n\n"
        "Interviewer: Hoe ging het met school?\n\n"
        "Jongere: School en de hulpverlener praatten eindelijk met elkaar, dat hielp echt.\n"
    ),
    "R3_hulpverlener_DM.txt": (
        "Interviewer: Hoe lang zijn de wachtlijsten?\n\n"
        "Hulpverlener: Voor specialistische hulp wachten gezinnen hier al snel een half jaar.\n\n"
        "Interviewer: Klopt dat?\n\n"
        "Hulpverlener: Ja. En na de afsluiting is er eigenlijk geen nazorg meer voor ze.\n"
    ),
    "R4_ouder_DM.txt": (
        "Interviewer: Was de informatie duidelijk?\n\n"
        "Ouder: =De brief van de gemeente was onduidelijk, ik begreep niet wat er zou gebeuren.\n\n"
        "Interviewer: En het loket?\n\n"
        "Ouder: Het loket belde altijd binnen een dag terug, daar was ik blij mee.\n"
    ),
}

SHEET = (
    "file;respondent_type;gemeente;meting;gezin\r\n"
    "R1_ouder_WV.txt;ouder;Westerveen;2023;G-WV-001\r\n"
    "R2_jongere_WV.txt;jongere;Westerveen;2024;G-WV-001\r\n"
    "R3_hulpverlener_DM.txt;hulpverlener;Duinmeer;2024;\r\n"
    "R4_ouder_DM.txt;ouder;Duinmeer;2024;G-DM-002\r\n"
)

# (document, first words ... last words of the fragment, codes, valence, key quote, memo)
CODINGS: list[tuple[str, str, str, tuple[str, ...], Valence, bool, str]] = [
    ("R1_ouder_WV.txt", "We hebben zeven maanden", "te lang voor ons gezin.",
     ("toegang/wachttijd",), Valence.AANDACHTSPUNT, False, ""),
    ("R1_ouder_WV.txt", "De hulpverlener luisterde", "meedenken over de doelen.",
     ("aansluiting/relatie", "aansluiting/samen beslissen"), Valence.POSITIEF, True, ""),
    ("R1_ouder_WV.txt", "Zin nummer 1 gaat", "Zin nummer 11 gaat over het wachten op de hulp en "
     "hoe zwaar dat voor ons gezin was.", ("wisselingen/overdracht",), Valence.NEUTRAAL, False,
     ""),
    ("R2_jongere_WV.txt", "Ik zat maanden thuis", "niemand belde terug.",
     ("toegang/wachttijd",), Valence.AANDACHTSPUNT, True, ""),
    ("R2_jongere_WV.txt", "School en de hulpverlener", "dat hielp echt.",
     ("samenwerking/school en jeugdhulp",), Valence.POSITIEF, False, ""),
    ("R3_hulpverlener_DM.txt", "Voor specialistische hulp", "Klopt dat?\n\nHulpverlener: Ja.",
     ("toegang/wachttijd",), Valence.AANDACHTSPUNT, False, ""),
    ("R3_hulpverlener_DM.txt", "En na de afsluiting", "geen nazorg meer voor ze.",
     ("nazorg/afsluiting",), Valence.AANDACHTSPUNT, False, ""),
    ("R4_ouder_DM.txt", "=De brief van de gemeente", "wat er zou gebeuren.",
     ("toegang/informatie",), Valence.AANDACHTSPUNT, False, "=HYPERLINK(\"http://x\")"),
    ("R4_ouder_DM.txt", "Het loket belde", "daar was ik blij mee.",
     ("toegang/bereikbaarheid",), Valence.POSITIEF, False, ""),
]

TOEGANG_MEMO = ("Wachten is het grootste knelpunt in de toegang. Over de bereikbaarheid van het "
                "loket zijn respondenten tevreden.")


def write_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in TRANSCRIPTS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (folder / "respondenten.csv").write_bytes(SHEET.encode("cp1252"))
    return paths


def code(project: Project, document: str, first: str, last: str, paths: tuple[str, ...],
         valence: Valence, key: bool = False, memo: str = "") -> int:
    doc = project.documents.by_name(document)
    text = project.documents.text(doc.id)
    start = text.index(first)
    end = text.index(last, start) + len(last)
    cmd = ApplyCodes(doc.id, start, end, [project.codes.by_path(p).id for p in paths], valence,
                     memo=memo)
    project.execute(cmd)
    if key:
        project.segments.update(cmd.segment_id, key_quote=True)
    return int(cmd.segment_id)


def build(tmp_path: Path, *, codings: bool = True) -> Project:
    files = write_files(tmp_path / "transcripten")
    project = Project.create(tmp_path / "studie.duiding", coder="Sanne")
    summary = import_paths(project, files, attributes=tmp_path / "transcripten" /
                           "respondenten.csv")
    assert summary.count("imported") == 4, summary.as_json()
    if codings:
        for doc, first, last, paths, valence, key, memo in CODINGS:
            code(project, doc, first, last, paths, valence, key, memo)
        project.memos.set(MemoTarget(code_id=project.codes.by_path("toegang").id), TOEGANG_MEMO)
    return project
