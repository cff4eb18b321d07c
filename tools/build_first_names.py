"""Build ``resources/first_names.txt`` from names-dataset (MIT; github.com/philipperemy/name-dataset).

Why this source: it is maintained (v3.3.1, 2025), MIT-licensed, and ranks first names per
country from 106 countries, including the diaspora of the families Dutch youth care meets
(Eritrean, Somali and Afghan names rank in NL, SE, NO, DK, DJ, SD; Ukrainian names in PL, RU,
CZ, KZ, MD). Loading it takes 0.9 GB and 8 s, so Duiding ships this extract (~1 MB, a set of
a few MB in memory) instead of depending on the package; rerun this script to refresh it:

    pip install names-dataset && python tools/build_first_names.py

Kept: Latin-script names ranked within the top ``RANK`` of one of ``COUNTRIES``; dropped: names
that are ordinary Dutch words (simplemma knows them) unless they are among the most common
Dutch first names (``Bas``, ``Roos``, ``Mark``) — those are marked with a ``*`` so the detector
asks for more evidence than a capital letter.
"""

from __future__ import annotations

import gzip
import pickle
import sys
import unicodedata
from pathlib import Path

import simplemma

# The families this work meets: Dutch/Frisian/Flemish, Polish, Turkish, Moroccan/Maghreb,
# Arabic (Syria, Iraq, Levant, Egypt, Yemen, Sudan), Afghan/Persian, Horn of Africa (Ethiopia,
# Djibouti; Eritrean and Somali names also through the Nordic diaspora), Ukrainian/Russian.
# Second round (a blind test missed Antillean, Cape Verdean, Bulgarian, Kurdish and Moluccan
# names): the Balkans (BG, AL, HR, RS, GR), the Portuguese-speaking world for Cape Verdean names
# (PT, BR, AO), Romance names common on the Antilles (ES, IT, FR, US), Indonesia for Moluccan
# families, India for Hindustani, Ghana and Nigeria; and deeper in the Dutch and Belgian ranks,
# where the names of Dutch Caribbean and Surinamese children rank (``NL_RANK``).
COUNTRIES = ("NL", "BE", "PL", "TR", "MA", "DZ", "TN", "EG", "SY", "IQ", "JO", "LB", "PS", "YE",
             "SD", "AF", "IR", "ET", "DJ", "RU", "KZ", "MD", "CZ", "SE", "NO", "DK", "DE", "GB",
             "BG", "AL", "HR", "RS", "GR", "PT", "BR", "AO", "ES", "IT", "FR", "US", "ID", "IN",
             "GH", "NG")
RANK = 5000
NL_RANK = 12000
# A name ranked this high somewhere is marked "+": frequent enough to be taken for a name even
# in a transcript typed all in lower case (names-dataset also lists "Chill", "Insta", "Bso",
# far down its ranks).
STRONG_RANK = 2000
COMMON_DUTCH_NAME_RANK = 1000
NEVER = {"de", "van", "het", "een", "der", "den", "ten", "ter", "hoi", "co", "ion", "val", "zak", "pol", "boy"}
OUT = Path(__file__).resolve().parents[1] / "resources" / "first_names.txt"


def latin(name: str) -> bool:
    return all(c in "-'" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def main() -> int:
    import names_dataset

    source = Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"
    with gzip.open(source, "rb") as fh:
        data = pickle.load(fh)
    keep: dict[str, bool] = {}
    strong: set[str] = set()
    for name, info in data.items():
        ranks = info.get("rank") or {}
        best = min((r for c, r in ranks.items() if c in COUNTRIES and r is not None
                    and r <= (NL_RANK if c in ("NL", "BE") else RANK)), default=None)
        if best is None or len(name) < 2 or not latin(name):
            continue
        if not name[0].isupper() or name.isupper() or name.lower() in NEVER:
            continue
        dutch_word = simplemma.is_known(name.lower(), lang="nl")
        nl_rank = min((r for c, r in ranks.items() if c in ("NL", "BE") and r), default=10**9)
        if dutch_word and nl_rank > COMMON_DUTCH_NAME_RANK:
            continue
        keep[unicodedata.normalize("NFC", name)] = dutch_word
        if best <= STRONG_RANK:
            strong.add(unicodedata.normalize("NFC", name))
    lines = [f"{n}*" if ambiguous else f"{n}+" if n in strong else n
             for n, ambiguous in sorted(keep.items())]
    header = [
        "# First names for pseudonymisation; built by tools/build_first_names.py from",
        "# names-dataset 3.3.1 (MIT, github.com/philipperemy/name-dataset). A trailing * marks a",
        "# name that is also an ordinary Dutch word (needs more evidence than a capital); a",
        "# trailing + a name ranked in the top 2,000 of a country (a name even in lower case).",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
