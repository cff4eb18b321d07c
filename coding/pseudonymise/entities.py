"""Group detected mentions into entities and propose consistent replacements (the review model).

The researcher reviews *entities*, not single mentions: "Shanice" in R01 and R05 and
"Shanice Pinas" are one person and must get one replacement everywhere. Grouping is by surface
form across the whole project; variants are merged when a single-word form is a word of a
multi-word form of the same kind ("Shanice" -> "Shanice Pinas", "Kenter" -> "Kenter Jeugdhulp"),
but only when that attachment is unambiguous (two Youssefs with different surnames stay apart).
The review screen can merge or split further; :func:`merge` is the pure operation it calls.

Replacements are proposed as type labels ("[persoon 1]", "[school 2]") because a label can never
be mistaken for a real person; a researcher can type a fictional name instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from coding.pseudonymise.lexicon import is_cue
from coding.pseudonymise.model import Mention, PiiType

LABELS: dict[PiiType, str] = {
    PiiType.PERSON: "persoon",
    PiiType.LOCATION: "plaats",
    PiiType.STREET: "straat",
    PiiType.SCHOOL: "school",
    PiiType.ORGANISATION: "organisatie",
    PiiType.DATE: "datum",
    PiiType.AGE: "leeftijd",
    PiiType.PHONE: "telefoonnummer",
    PiiType.EMAIL: "e-mailadres",
    PiiType.ID: "nummer",
    PiiType.HANDLE: "account",
    PiiType.OTHER: "gegeven",
}
# Types whose values are not identifying by themselves, so one shared label suffices.
_UNNUMBERED = {PiiType.DATE, PiiType.AGE, PiiType.PHONE, PiiType.EMAIL, PiiType.ID,
               PiiType.HANDLE, PiiType.OTHER}


class Decision:
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class DocMention:
    """A mention in one document of the project."""

    document: str
    mention: Mention


@dataclass
class Entity:
    key: int
    type: PiiType
    forms: list[str]  # surface variants, longest first
    mentions: list[DocMention] = field(default_factory=list)
    replacement: str = ""
    decision: str = Decision.PENDING
    # When the same name seems to belong to different people (another title, another first
    # name, in another document): one context per document, for the review to decide.
    identities: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.forms[0]

    @property
    def documents(self) -> list[str]:
        return sorted({dm.document for dm in self.mentions})


def group_mentions(found: Mapping[str, Sequence[Mention]]) -> list[Entity]:
    """Entities from per-document mentions, with proposed replacements."""
    by_form: dict[tuple[PiiType, str], list[DocMention]] = defaultdict(list)
    for document, doc_mentions in found.items():
        for m in doc_mentions:
            by_form[(m.type, m.text)].append(DocMention(document, m))
    # Attach a form to the one longer form of the same type whose words contain it
    # ("Shanice" -> "Shanice Pinas", "De Regenboog" -> "basisschool De Regenboog").
    parent: dict[tuple[PiiType, str], tuple[PiiType, str]] = {}
    for key in by_form:
        type_, form = key
        if type_ in _UNNUMBERED:
            continue
        owners = {
            k for k in by_form if k[0] is type_ and k[1] != form and _contains_words(k[1], form)
        }
        longest = {
            k for k in owners if not any(_contains_words(o[1], k[1]) and o != k for o in owners)
        }
        if len(longest) == 1:
            parent[key] = longest.pop()
    groups: dict[tuple[PiiType, str], list[tuple[PiiType, str]]] = defaultdict(list)
    for key in by_form:
        groups[parent.get(key, key)].append(key)
    entities: list[Entity] = []
    for root, members in groups.items():
        forms = sorted({form for _, form in members}, key=lambda f: (-len(f), f))
        mentions = sorted(
            (dm for k in members for dm in by_form[k]),
            key=lambda dm: (dm.document, dm.mention.start),
        )
        entities.append(Entity(key=0, type=root[0], forms=forms, mentions=mentions))
    entities.sort(key=lambda e: (e.type.value, -len(e.mentions), e.label))
    counters: dict[PiiType, int] = defaultdict(int)
    for index, entity in enumerate(entities, start=1):
        entity.key = index
        label = LABELS[entity.type]
        if entity.type in _UNNUMBERED:
            entity.replacement = f"[{label}]"
        else:
            counters[entity.type] += 1
            entity.replacement = f"[{label} {counters[entity.type]}]"
    return entities


def _contains_words(longer: str, shorter: str) -> bool:
    big, small = longer.split(), shorter.split()
    n = len(small)
    return len(big) > n and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def merge(entities: Sequence[Entity], keep: int, absorb: Sequence[int]) -> list[Entity]:
    """Merge entities ``absorb`` into ``keep`` (same replacement for all their mentions)."""
    target = next(e for e in entities if e.key == keep)
    gone = set(absorb) - {keep}
    merged_forms = list(target.forms)
    merged_mentions = list(target.mentions)
    for entity in entities:
        if entity.key in gone:
            merged_forms += [f for f in entity.forms if f not in merged_forms]
            merged_mentions += entity.mentions
    merged = replace(
        target,
        forms=sorted(merged_forms, key=lambda f: (-len(f), f)),
        mentions=sorted(merged_mentions, key=lambda dm: (dm.document, dm.mention.start)),
    )
    return [merged if e.key == keep else e for e in entities if e.key not in gone]


def _role(text: str, dm: DocMention) -> str | None:
    """Who a mention says the person is: the title/role word before it, or the full name."""
    m = dm.mention
    if " " in m.text:
        return m.text.casefold()
    before = text[max(0, m.start - 30):m.start].split()
    if before and is_cue(before[-1]):
        return before[-1].casefold().rstrip(",")
    return None


def flag_identities(entities: Sequence[Entity], texts: Mapping[str, str]) -> None:
    """Mark person entities whose mentions in different documents point at different people
    ("meneer Dekker" the coordinator in one interview, "Ruben Dekker" the father in another)."""
    for entity in entities:
        entity.identities = []
        if entity.type is not PiiType.PERSON:
            continue
        roles: dict[str, set[str]] = defaultdict(set)
        first: dict[str, DocMention] = {}
        for dm in entity.mentions:
            first.setdefault(dm.document, dm)
            role = _role(texts.get(dm.document, ""), dm)
            if role:
                roles[dm.document].add(role)
        docs = [d for d in roles if roles[d]]
        if len(docs) < 2 or any(roles[a] & roles[b] for a in docs for b in docs if a < b):
            continue
        for doc in sorted(first):
            dm = first[doc]
            text = texts.get(doc, "")
            left = " ".join(text[max(0, dm.mention.start - 40):dm.mention.start].split())
            right = " ".join(text[dm.mention.end:dm.mention.end + 40].split())
            entity.identities.append(f"{doc}: …{left} [{dm.mention.text}] {right}…")


def split(entities: Sequence[Entity], key: int, documents: Sequence[str]) -> list[Entity]:
    """Move the mentions of entity ``key`` in ``documents`` to a new entity (another person)."""
    source = next(e for e in entities if e.key == key)
    moved = [dm for dm in source.mentions if dm.document in documents]
    kept = [dm for dm in source.mentions if dm.document not in documents]
    if not moved or not kept:
        return list(entities)
    used = {e.replacement for e in entities if e.type is source.type}
    label = LABELS[source.type]
    n = 1
    while f"[{label} {n}]" in used:
        n += 1
    new = Entity(key=max(e.key for e in entities) + 1, type=source.type,
                 forms=_forms(moved), mentions=moved,
                 replacement=(f"[{label}]" if source.type in _UNNUMBERED
                              else f"[{label} {n}]"))
    rest = replace(source, forms=_forms(kept), mentions=kept, identities=[])
    return [rest if e.key == key else e for e in entities] + [new]


def _forms(mentions: Sequence[DocMention]) -> list[str]:
    return sorted({dm.mention.text for dm in mentions}, key=lambda f: (-len(f), f))


def replacements_for(entities: Sequence[Entity], document: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every accepted (or pending) mention in ``document``."""
    result = [
        (dm.mention.start, dm.mention.end, entity.replacement)
        for entity in entities
        if entity.decision != Decision.REJECTED
        for dm in entity.mentions
        if dm.document == document
    ]
    return sorted(result)
