"""A deterministic synthetic Dutch interview corpus for benchmarks (same seed, same text)."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ["de", "het", "een", "en", "van", "ik", "we", "hij", "zij", "ze", "was", "waren", "hebben", "heeft", "niet", "wel", "ook", "maar", "dan", "toen", "nog", "hulp", "jeugdhulp", "wachtlijst", "wachten", "maanden", "weken", "intake", "gesprek", "huisarts", "school", "mentor", "jeugdconsulent", "hulpverlener", "gemeente", "loket", "formulier", "aanmelding", "zoon", "dochter", "kind", "gezin", "thuis", "moeilijk", "fijn", "goed", "slecht", "lang", "kort", "eerst", "daarna", "uiteindelijk", "samen", "overleg", "plan", "doelen", "afspraak", "afsluiting", "nazorg", "wisseling", "opnieuw", "verhaal", "vertellen", "overdracht", "team", "begeleiding", "therapie", "GGZ", "specialistisch", "passend", "luisteren", "serieus", "genomen", "vertrouwen"]


def transcript_text(rng: random.Random, words: int) -> str:
    parts, n, speaker = [], 0, 0
    labels = ("Interviewer", "Ouder")
    while n < words:
        k = rng.randint(8, 25) if speaker == 0 else rng.randint(40, 160)
        sentence = []
        for i in range(k):
            w = rng.choice(WORDS)
            sentence.append(w.capitalize() if i == 0 else w)
        parts.append(f"{labels[speaker]}: {' '.join(sentence)}.")
        n += k
        speaker = 1 - speaker
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, n: int, words: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"R{i:03d}_ouder.txt"
        p.write_text(transcript_text(rng, words), encoding="utf-8")
        paths.append(p)
    sheet = folder.parent / "respondenten.csv"
    rows = ["file;respondent_type;gemeente;meting"] + [
        f"R{i:03d}_ouder.txt;{('ouder', 'jongere', 'hulpverlener')[i % 3]};"
        f"{('Westerveen', 'Duinmeer', 'Oosthaven')[i % 3 - 1]};{2023 + i % 2}" for i in range(n)]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths
