"""A small study for the AVG tests (withdrawal, encryption): written here, never the shared corpus.

Three families in two municipalities; the mother of family 1 (R01) is the respondent who
withdraws. Her transcript carries `PHRASES`: twenty distinctive phrases that appear nowhere else,
so a raw-byte search of the project file can prove they are gone. Other respondents share a few
ordinary phrases with her ("dat was echt veel te lang"), and one name (the school De Regenboog)
is mentioned by her and by her son: what others also said must stay.
"""

from __future__ import annotations

from pathlib import Path

from coding.analysis import AnalysisManager
from coding.commands import ApplyCodes, AssignCase
from coding.memos import MemoTarget
from coding.project import Project
from coding.pseudonymise.service import add_names
from coding.types import DocumentId, Valence
from importers.batch import import_paths
from models.schema import Pseudonym

PHRASES = [
    "zorgboerderij Klaverweide in Oosterbeek",
    "Shanice Sewdien",
    "dokter Kramer belde nooit terug",
    "wijkteam Noordpolder",
    "zeventien weken op de wachtlijst van Kompaszorg",
    "mijn schoonmoeder Ineke",
    "de caravan van oom Ferdinand",
    "logopediste mevrouw Brouwersgracht",
    "Ambulante Gezinsbehandeling Zuidrand",
    "de kinderboerderij aan de Kastanjelaan",
    "pleegzorgbegeleider Yusuf Demirtas",
    "het speciaal onderwijs in Harlingerhout",
    "onze hond Bobbie werd ziek",
    "de opvang in Zeewolde-Noord",
    "medicijnen van apotheek Vlinderhof",
    "het gesprek bij Veilig Thuis Geldersmeer",
    "mijn vriendin Marjolein Tuinstra",
    "de rechtbank in Almere-Haven",
    "de sportclub De Zwaluwen",
    "de taxi van Regiovervoer Buitenkant",
]

R01 = (
    "Interviewer: Hoe kwam u bij de hulp terecht?\n\n"
    "Moeder: Via " + PHRASES[3] + ". Mijn dochter " + PHRASES[1] + " zat eerst "
    + PHRASES[4] + ", dat was echt veel te lang voor ons gezin. Daarna ging ze naar de "
    + PHRASES[0] + ", maar " + PHRASES[2] + ".\n\n"
    "Interviewer: Wie hielp u in die tijd?\n\n"
    "Moeder: " + PHRASES[5][:1].upper() + PHRASES[5][1:] + " en " + PHRASES[16] + " hielpen ons. We woonden "
    "een tijd in " + PHRASES[6] + ". De " + PHRASES[7] + " kwam aan huis en later "
    + PHRASES[8] + ". Mijn zoon zat op basisschool De Regenboog.\n\n"
    "Interviewer: En daarna?\n\n"
    "Moeder: Toen ging het mis: " + PHRASES[12] + ", we gingen naar " + PHRASES[9]
    + " en " + PHRASES[10] + " kwam erbij. Ze ging naar " + PHRASES[11] + ". Na "
    + PHRASES[13] + " en de " + PHRASES[14] + " kwam " + PHRASES[15] + ". Uiteindelijk "
    + PHRASES[17] + ". Nu sport ze bij " + PHRASES[18] + " en gaat ze met "
    + PHRASES[19] + ".\n"
)
R02 = (
    "Interviewer: Hoe vond jij het wachten?\n\n"
    "Jongere: Dat was echt veel te lang voor ons gezin. Op De Regenboog merkten ze niks.\n\n"
    "Interviewer: En nu?\n\n"
    "Jongere: Nu gaat het beter, de hulpverlener luistert echt naar mij.\n"
)
R03 = (
    "Interviewer: Hoe lang zijn de wachtlijsten?\n\n"
    "Hulpverlener: Voor specialistische hulp wachten gezinnen hier al snel een half jaar, "
    "dat was echt veel te lang voor ons gezin zeggen ouders dan.\n"
)
R04 = (
    "Interviewer: Was de informatie duidelijk?\n\n"
    "Vader: De brief van de gemeente was onduidelijk. Meester Jansen legde het uit.\n"
)
FILES = {"R01_moeder_WV.txt": R01, "R02_jongere_WV.txt": R02, "R03_hulpverlener_DM.txt": R03,
         "R04_vader_DM.txt": R04}
SHEET = (
    "file;respondent_type;gemeente;meting;gezin\n"
    "R01_moeder_WV.txt;ouder;Westerveen;2024;G-1\n"
    "R02_jongere_WV.txt;jongere;Westerveen;2024;G-1\n"
    "R03_hulpverlener_DM.txt;hulpverlener;Duinmeer;2024;\n"
    "R04_vader_DM.txt;ouder;Duinmeer;2024;G-2\n"
)


def write_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "respondenten.csv").write_text(SHEET, encoding="utf-8")
    return folder


def build(path: Path, *, password: str | None = None, coder: str = "Sanne") -> Project:
    """The study, imported and coded, with memos, matrix summaries and a pseudonym key."""
    files = write_files(path.parent / "bestanden")
    project = Project.create(path, coder=coder, password=password)
    import_paths(project, [files / n for n in FILES], attributes=files / "respondenten.csv")
    docs = {d.name: d.id for d in project.documents.list()}
    for doc_id in docs.values():
        gezin = project.documents.get(doc_id).attributes.get("gezin")
        if gezin:
            project.execute(AssignCase(doc_id, gezin))
    wacht = project.codes.by_path("toegang/wachttijd").id
    samen = project.codes.by_path("samenwerking").id

    def code(doc: str, quote: str, code_id: int, valence: Valence, memo: str = "") -> None:
        text = FILES[doc]
        start = text.index(quote)
        project.execute(ApplyCodes(docs[doc], start, start + len(quote), [code_id], valence,
                                   memo=memo))

    code("R01_moeder_WV.txt", PHRASES[4], wacht, Valence.AANDACHTSPUNT,
         memo="Wachten bij " + PHRASES[4])
    code("R01_moeder_WV.txt", PHRASES[10], samen, Valence.NEUTRAAL)
    code("R02_jongere_WV.txt", "Dat was echt veel te lang voor ons gezin.", wacht,
         Valence.AANDACHTSPUNT)
    code("R03_hulpverlener_DM.txt", "wachten gezinnen hier al snel een half jaar", wacht,
         Valence.AANDACHTSPUNT)
    code("R04_vader_DM.txt", "De brief van de gemeente was onduidelijk.", wacht,
         Valence.AANDACHTSPUNT)
    project.memos.set(MemoTarget(document_id=docs["R01_moeder_WV.txt"]),
                      "Gesprek bij haar thuis; " + PHRASES[1] + " was erbij.")
    project.memos.set(MemoTarget(code_id=wacht),
                      "Ouders wachten lang. Een moeder zat " + PHRASES[4] + " en noemde het "
                      "'dat was echt veel te lang voor ons gezin'. Hulpverleners zien het ook.")
    cases = {name: cid for cid, name, _ in project.attributes.cases()}
    project.memos.set(MemoTarget(case_id=cases["G-1"]), "Gezin met twee kinderen.")
    analysis = AnalysisManager(project)
    case_guid = {r.label: r.key for r in analysis.matrix("case").rows}
    analysis.set_cell_summary("case", case_guid["G-1"], wacht, "Lang gewacht.")
    analysis.set_cell_summary("case", case_guid["G-2"], wacht, "Brief onduidelijk.")
    analysis.set_cell_summary("attribute:gemeente", "Westerveen", wacht,
                              "Moeder: " + PHRASES[4] + ".")
    analysis.set_cell_summary("attribute:gemeente", "Duinmeer", wacht, "Half jaar wachten.")
    add_names(project, ["Shanice Sewdien", "Meester Jansen", "De Regenboog"])
    with project.store.write() as s:
        s.add_all([
            Pseudonym(entity="Shanice Sewdien", type="person", pseudonym="Noor Bakker",
                      status="proposed"),
            Pseudonym(entity="Kramer", type="person", pseudonym="Visser", status="proposed"),
            Pseudonym(entity="De Regenboog", type="school", pseudonym="De Linde",
                      status="proposed"),
            Pseudonym(entity="Jansen", type="person", pseudonym="De Vries", status="proposed"),
        ])
    return project


def document_id(project: Project, name: str) -> DocumentId:
    return project.documents.by_name(name).id


def raw_files(folder: Path, stem: str) -> list[Path]:
    """The project file, its journal and its backups: every file that may hold its bytes."""
    return sorted(p for p in folder.iterdir() if p.name.startswith(stem) and p.is_file())


def occurrences(paths: list[Path], phrases: list[str]) -> dict[str, list[str]]:
    """{phrase: files whose raw bytes contain it (UTF-8 or UTF-16, any case of the first
    letter)}."""
    found: dict[str, list[str]] = {}
    for path in paths:
        data = path.read_bytes()
        for phrase in phrases:
            for form in {phrase, phrase[:1].upper() + phrase[1:], phrase.casefold()}:
                if form.encode("utf-8") in data or form.encode("utf-16-le") in data:
                    found.setdefault(phrase, []).append(path.name)
                    break
    return found
