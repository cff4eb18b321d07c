"""Which attributes pseudonymisation touches (issue #11): only those marked identifying.

Structural attributes are the backbone of the analysis and of the reports: ``meting`` (the
year), ``respondent_type``, ``gezin`` and ``gemeente`` stay as they are — a chapter is written
per municipality, by name, and compares years. An attribute that holds a name (``naam``, a
docx metadata table's ``Respondent`` or ``Interviewer``, ``school``) is identifying by default;
the researcher can mark any attribute either way, undoably.

The values of the municipality attribute are also *public names*: never detected in a text,
never put in the key (they are published).
"""

from __future__ import annotations

from sqlalchemy import select

from coding.commands import Command
from coding.project import Project
from coding.pseudonymise.model import PiiType
from coding.types import Changes
from models.nlp_models import PseudonymAttribute

# Attributes that hold a person, school or address unless the researcher says otherwise.
IDENTIFYING_BY_DEFAULT = frozenset(
    ["naam", "name", "namen", "respondent", "respondentnaam", "deelnemer", "interviewer", "interviewster", "jongere", "ouder", "kind", "school", "adres", "address", "woonplaats", "straat", "telefoon", "telefoonnummer", "email", "e-mail", "geboortedatum", "bsn"]
)
MUNICIPALITY = frozenset({"gemeente", "municipality"})


def identifying_by_default(name: str) -> bool:
    return name.strip().casefold() in IDENTIFYING_BY_DEFAULT


def marks(project: Project) -> dict[str, bool]:
    """The researcher's explicit choices (attribute name -> identifying)."""
    with project.store.read() as s:
        rows = s.execute(select(PseudonymAttribute.name, PseudonymAttribute.identifying))
        return {name: bool(flag) for name, flag in rows}


def attribute_names(project: Project) -> list[str]:
    """Every document attribute name in the project, in a stable order."""
    seen: dict[str, None] = {}
    for doc in project.documents.list():
        for name in doc.attributes:
            seen.setdefault(name, None)
    return list(seen)


def identifying(project: Project) -> dict[str, bool]:
    """attribute name -> whether pseudonymisation touches it (choice, else the default)."""
    chosen = marks(project)
    return {n: chosen.get(n, identifying_by_default(n)) for n in attribute_names(project)}


def public_names(project: Project) -> set[str]:
    """Names that stay: the values of the municipality attribute (unless marked identifying)."""
    flags = identifying(project)
    found: set[str] = set()
    for doc in project.documents.list():
        for name, value in doc.attributes.items():
            if name.casefold() in MUNICIPALITY and not flags.get(name, False) and value.strip():
                found.add(value.strip())
    return found


def type_of(attribute: str) -> PiiType:
    """The kind of personal data an identifying attribute holds, from its name."""
    low = attribute.casefold()
    if "school" in low:
        return PiiType.SCHOOL
    if any(w in low for w in ("adres", "straat", "woonplaats", "address")):
        return PiiType.LOCATION
    if any(w in low for w in ("telefoon", "mail", "bsn", "geboorte")):
        return PiiType.OTHER
    return PiiType.PERSON


class MarkAttribute(Command):
    """Mark an attribute as identifying (pseudonymised) or not; undo restores the choice."""

    kind = "pseudonym_attribute"

    def __init__(self, name: str, identifying: bool) -> None:
        super().__init__()
        self.name, self.identifying = name, identifying
        self.detail = name
        self._old: bool | None = None

    def do(self, p: Project) -> Changes:
        with p.store.write() as s:
            row = s.get(PseudonymAttribute, self.name)
            self._old = None if row is None else row.identifying
            if row is None:
                s.add(PseudonymAttribute(name=self.name, identifying=self.identifying))
            else:
                row.identifying = self.identifying
        return Changes(attributes=True)

    def undo(self, p: Project) -> Changes:
        with p.store.write() as s:
            row = s.get(PseudonymAttribute, self.name)
            if self._old is None:
                if row is not None:
                    s.delete(row)
            elif row is not None:
                row.identifying = self._old
        return Changes(attributes=True)
