"""The demo project: three short fictional transcripts (resources/demo/), their respondent
sheet and a few codings, so a new user (and the screenshots) see a coded transcript at once."""

from __future__ import annotations

from pathlib import Path

from coding.commands import ApplyCodes, EditSegment
from coding.project import Project
from coding.types import Valence
from importers.batch import import_paths

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"

# (document, quote, code paths, valence, coder, memo, key quote)
DEMO_CODINGS: list[tuple[str, str, list[str], Valence, str, str, bool]] = [
    ("D01_ouder_Westerveen_2024.txt",
     "Zo ging ik eigenlijk van het ene loket naar het andere.",
     ["toegang/vindbaarheid"], Valence.AANDACHTSPUNT, "Sanne", "", False),
    ("D01_ouder_Westerveen_2024.txt",
     "Bijna vijf maanden. We kregen te horen dat er een wachtlijst was voor de intake. In die "
     "tijd hoorden we niks, helemaal niks.",
     ["toegang/wachttijd", "toegang/informatie"], Valence.AANDACHTSPUNT, "Sanne",
     "Wachttijd zonder contact: terugkerend thema.", True),
    ("D01_ouder_Westerveen_2024.txt",
     "De intake zelf was goed. De vrouw van het jeugdteam, Marieke, nam echt de tijd.",
     ["toegang/intake"], Valence.POSITIEF, "Sanne", "", False),
    ("D01_ouder_Westerveen_2024.txt",
     "nam echt de tijd. Ze luisterde, ze vroeg door",
     ["aansluiting/relatie"], Valence.POSITIEF, "Jeroen", "", False),
    ("D01_ouder_Westerveen_2024.txt",
     "Ik was eigenlijk de postbode tussen iedereen.",
     ["samenwerking/ouder als spil"], Valence.AANDACHTSPUNT, "Sanne", "", True),
    ("D01_ouder_Westerveen_2024.txt",
     "We moesten ons verhaal opnieuw vertellen, en Daan klapte helemaal dicht.",
     ["wisselingen/opnieuw vertellen", "wisselingen/wisseling hulpverlener"],
     Valence.AANDACHTSPUNT, "Sanne", "", False),
    ("D01_ouder_Westerveen_2024.txt",
     "Een goede overdracht.", ["wisselingen/overdracht"], Valence.AANDACHTSPUNT, "Sanne", "",
     False),
    ("D01_ouder_Westerveen_2024.txt",
     "Kan ik dan nog ergens terecht als het weer misgaat?", ["nazorg/nazorgcontact"],
     Valence.AANDACHTSPUNT, "Sanne", "", False),
    ("D02_jongere_Westerveen_2024.vtt",
     "Maar Marieke vroeg vooral wat ík wilde.", ["aansluiting/samen beslissen"],
     Valence.POSITIEF, "Sanne", "", True),
    ("D02_jongere_Westerveen_2024.vtt",
     "Niemand had het me van tevoren gezegd, ik hoorde het van mijn moeder.",
     ["wisselingen/wisseling hulpverlener"], Valence.AANDACHTSPUNT, "Sanne", "", False),
    ("D02_jongere_Westerveen_2024.vtt",
     "Ik vond het fijn dat ik Marieke kon appen als het slecht ging",
     ["toegang/bereikbaarheid"], Valence.POSITIEF, "Sanne", "", False),
    ("D03_leerkracht_Duinmeer_2023.txt",
     "Met anderen hoor ik maanden niks.", ["samenwerking/school en jeugdhulp"],
     Valence.AANDACHTSPUNT, "Sanne", "", False),
    ("D03_leerkracht_Duinmeer_2023.txt",
     "Ouders kunnen gewoon binnenlopen, zonder verwijzing. Dat verlaagt de drempel enorm.",
     ["toegang/vindbaarheid"], Valence.POSITIEF, "Sanne", "", True),
    ("D03_leerkracht_Duinmeer_2023.txt",
     "Een kort bericht bij de afsluiting, met wie we kunnen bellen als het weer misgaat",
     ["nazorg/afsluiting"], Valence.AANDACHTSPUNT, "Sanne", "", False),
]


def demo_path(folder: Path) -> Path:
    return folder / "demo.duiding"


def create_demo_project(folder: Path, *, coder: str | None = None) -> Path:
    """Create (or re-create) the demo project in `folder`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = demo_path(folder)
    for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        old.unlink(missing_ok=True)
    files = sorted(p for p in DEMO.iterdir() if p.suffix in (".txt", ".vtt"))
    with Project.create(path, codebook="jeugdhulp", coder=coder, title="Demo") as project:
        import_paths(project, files, attributes=DEMO / "respondents.csv")
        docs = {d.name: d.id for d in project.documents.list()}
        for name, quote, paths, valence, who, memo, key in DEMO_CODINGS:
            text = project.documents.text(docs[name])
            start = text.index(quote)
            codes = [project.codes.by_path(p).id for p in paths]
            cmd = ApplyCodes(docs[name], start, start + len(quote), codes, valence, coder=who,
                             memo=memo)
            project.execute(cmd)
            if key:
                project.execute(EditSegment(cmd.doc_id, cmd.segment_id, key_quote=True))
    return path
