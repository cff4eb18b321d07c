"""Answer scales of closed questionnaire items: ordered categories, the top box, and "weet niet".

Dutch client-experience questionnaires use a handful of scales (frequency: *nooit / soms / vaak /
altijd*; agreement: *helemaal oneens … helemaal eens*; satisfaction; yes/no; a 1-10 grade) and
report the share in the top box ("% vaak of altijd", as the national factsheet does). Answers such
as *weet niet* or *n.v.t.* are on the form but not on the scale: they do not count in n.

Spelling in exports varies ("Helemaal mee eens", "zeer eens", "Niet eens/niet oneens"), so
values are matched through a small synonym table to the scale's own category names. Everything
here is pure: the importer guesses with it, the figures count with it, tests call it directly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# Answers that are on the form but not on the scale: they are kept, shown, and left out of n.
MISSING_WORDS = (
    "weet niet", "weet ik niet", "n.v.t.", "nvt", "n.v.t", "niet van toepassing",
    "geen mening", "geen antwoord", "wil ik niet zeggen", "zeg ik liever niet", "onbekend",
    "niet ingevuld", "kan ik niet beoordelen", "geen idee",
)  # fmt: skip


def norm(value: str) -> str:
    """The form a value is compared in: case-folded, single spaces, no trailing full stop."""
    text = " ".join(str(value).replace("\u00a0", " ").split()).casefold()
    return text.rstrip(".") if not text.endswith("n.v.t.") else text


_MISSING = {norm(w) for w in MISSING_WORDS}

# Spellings seen in exports -> the category name the scale uses.
_SYNONYMS = {
    "zeer oneens": "helemaal oneens", "helemaal mee oneens": "helemaal oneens",
    "volledig oneens": "helemaal oneens", "mee oneens": "oneens", "niet mee eens": "oneens",
    "neutraal": "neutraal", "niet eens, niet oneens": "neutraal",
    "niet eens/niet oneens": "neutraal", "niet eens / niet oneens": "neutraal",
    "niet mee eens, niet mee oneens": "neutraal", "niet eens niet oneens": "neutraal",
    "eens noch oneens": "neutraal", "mee eens": "eens", "helemaal mee eens": "helemaal eens",
    "zeer eens": "helemaal eens", "volledig eens": "helemaal eens",
    "bijna nooit": "zelden", "(bijna) nooit": "nooit", "(bijna) altijd": "altijd",
    "bijna altijd": "altijd", "meestal wel": "meestal",
    "heel ontevreden": "zeer ontevreden", "heel tevreden": "zeer tevreden",
    "niet tevreden, niet ontevreden": "neutraal", "tevreden noch ontevreden": "neutraal",
    "heel slecht": "zeer slecht", "heel goed": "zeer goed",
}  # fmt: skip


@dataclass(frozen=True)
class Scale:
    """An ordered answer scale (lowest first), its top box and its non-scale answers."""

    categories: tuple[str, ...]
    top_box: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    name: str = ""
    synonyms: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.categories:
            raise ValueError("a scale needs at least one category")
        unknown = [c for c in self.top_box if c not in self.categories]
        if unknown:
            raise ValueError(f"top box {unknown[0]!r} is not a category of the scale")

    @property
    def numeric(self) -> bool:
        return all(_INT.match(c) for c in self.categories)

    def category_of(self, value: str) -> str | None:
        """The category (or non-scale answer) a value means, in the scale's spelling; else None."""
        key = norm(value)
        if not key:
            return None
        if self.numeric and _NUMBER.match(key):
            number = float(key.replace(",", "."))
            key = str(int(number)) if number.is_integer() else key
        for names in (self.categories, self.missing):
            for name in names:
                if norm(name) == key:
                    return name
        mapped = self.synonyms.get(key) or _SYNONYMS.get(key)
        if mapped is not None:
            for name in self.categories:
                if norm(name) == mapped:
                    return name
        return None

    def counts_in_n(self, category: str) -> bool:
        return category in self.categories

    def top_box_text(self) -> str:
        """'vaak of altijd', '8, 9 of 10'."""
        items = list(self.top_box)
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " of " + items[-1]

    def with_top_box(self, top_box: Iterable[str]) -> Scale:
        chosen = [c for c in self.categories if c in set(top_box)]
        return Scale(self.categories, tuple(chosen), self.missing, self.name, self.synonyms)

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "categories": list(self.categories),
                           "top_box": list(self.top_box), "missing": list(self.missing)},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Scale | None:
        if not text:
            return None
        data = json.loads(text)
        return cls(tuple(data["categories"]), tuple(data.get("top_box", ())),
                   tuple(data.get("missing", ())), data.get("name", ""))


def _known(name: str, categories: str, top: int | Sequence[str]) -> Scale:
    cats = tuple(c.strip() for c in categories.split("/"))
    top_box = cats[-top:] if isinstance(top, int) else tuple(top)
    return Scale(cats, top_box, (), name)


# In order of preference when several fit (the smallest scale that holds every answer wins).
KNOWN_SCALES: tuple[Scale, ...] = (
    _known("ja/nee", "nee / ja", 1),
    _known("frequentie", "nooit / soms / vaak / altijd", 2),
    _known("frequentie", "nooit / soms / meestal / altijd", 2),
    _known("frequentie", "nooit / zelden / soms / vaak / altijd", 2),
    _known("frequentie", "nooit / zelden / soms / meestal / altijd", 2),
    _known("frequentie", "nooit / soms / vaak / meestal / altijd", 2),
    _known("eens", "helemaal oneens / oneens / eens / helemaal eens", 2),
    _known("eens", "helemaal oneens / oneens / neutraal / eens / helemaal eens", 2),
    _known("tevredenheid", "ontevreden / neutraal / tevreden", 1),
    _known("tevredenheid", "zeer ontevreden / ontevreden / neutraal / tevreden / zeer tevreden",
           2),
    _known("oordeel", "slecht / matig / redelijk / goed", 1),
    _known("oordeel", "zeer slecht / slecht / matig / redelijk / goed / zeer goed", 2),
    _known("oordeel", "slecht / matig / goed", 1),
    _known("ja/nee", "nee / een beetje / ja", 1),
    _known("ja/nee", "nee / soms / ja", 1),
)

_INT = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+([.,]0+)?$")


def is_missing_answer(value: str) -> bool:
    return norm(value) in _MISSING


def fit_scale(values: Iterable[str]) -> Scale | None:
    """The known scale (or a numeric 1..N scale) that holds every non-empty value, else None.

    "weet niet"-like answers become the scale's non-scale answers, in the spelling found.
    """
    distinct: dict[str, str] = {}
    for v in values:
        key = norm(v)
        if key and key not in distinct:
            distinct[key] = " ".join(str(v).split())
    missing = tuple(spelling for key, spelling in distinct.items() if key in _MISSING)
    keys = [k for k in distinct if k not in _MISSING]
    if not keys:
        return None
    numeric = _numeric_scale(keys, missing)
    if numeric is not None:
        return numeric
    for scale in KNOWN_SCALES:
        candidate = Scale(scale.categories, scale.top_box, missing, scale.name)
        if all(candidate.category_of(k) in candidate.categories for k in keys):
            return candidate
    return None


def closest_scale(values: Iterable[str]) -> Scale | None:
    """The known scale holding the most of these values: to name the answer that breaks it."""
    keys = {norm(v) for v in values if norm(v) and norm(v) not in _MISSING}
    best: tuple[int, Scale] | None = None
    for scale in KNOWN_SCALES:
        hits = sum(1 for k in keys if scale.category_of(k) is not None)
        if hits and (best is None or hits > best[0]):
            best = (hits, scale)
    return best[1] if best else None


def _numeric_scale(keys: list[str], missing: tuple[str, ...]) -> Scale | None:
    if not all(_NUMBER.match(k) for k in keys):
        return None
    numbers = sorted({int(float(k.replace(",", "."))) for k in keys})
    low, high = numbers[0], numbers[-1]
    if low < 0 or high > 10 or high - low < 1:
        return None
    low = 0 if low == 0 else 1  # nobody answering 1 does not make a 2-5 scale
    cats = tuple(str(n) for n in range(low, high + 1))
    top = 3 if len(cats) >= 8 else 2 if len(cats) >= 4 else 1
    name = "rapportcijfer" if high == 10 else f"{low}-{high}"
    return Scale(cats, cats[-top:], missing, name)


def scale_from_labels(labels: Mapping[str, str],
                      user_missing: Iterable[str] = ()) -> Scale | None:
    """A scale from SPSS value labels: codes in order; 'weet niet' labels and user-missing
    codes become non-scale answers. Values are stored by label."""
    if not labels:
        return None
    missing_codes = {_code_key(c) for c in user_missing}
    cats: list[str] = []
    missing: list[str] = []
    for code in sorted(labels, key=_sort_key):
        label = " ".join(str(labels[code]).split())
        if not label:
            continue
        if _code_key(code) in missing_codes or is_missing_answer(label):
            missing.append(label)
        else:
            cats.append(label)
    if not cats:
        return None
    known = fit_scale(cats)
    top: tuple[str, ...]
    if known is not None and len(known.categories) == len(cats):
        by_norm = {norm(c): c for c in cats}
        top = tuple(by_norm.get(norm(t), t) for t in known.top_box if norm(t) in by_norm)
        if not top:
            top = tuple(cats[-len(known.top_box):])
        name = known.name
    else:
        top = tuple(cats[-2:]) if len(cats) >= 4 else tuple(cats[-1:])
        name = ""
    return Scale(tuple(cats), top, tuple(missing), name)


def _code_key(code: float | int | str) -> str:
    try:
        number = float(code)
    except (TypeError, ValueError):
        return str(code)
    return str(int(number)) if number.is_integer() else str(number)


def _sort_key(code: float | int | str) -> tuple[int, float, str]:
    try:
        return (0, float(code), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(code))
