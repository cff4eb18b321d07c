"""The export guard: no export may contain personal data from the pseudonym key.

Every exporter passes every text it writes through :func:`assert_export_safe` (DESIGN.md §3).
It checks the key with the same matcher detection uses (:mod:`coding.pseudonymise.matching`):
whole words, every case variant, possessive and diminutive, and an ordinary Dutch word
(``hoek``, ``storm``) only where it is capitalised as the name was. Dates and ages are not
checked: "maart" or "elf" alone identify nobody, and chapters are full of them.

A refusal is a typed list of :class:`Finding` (kind, document, context, original, fix), so the
CLI prints one line per finding, the GUI lists them with a way to fix each, and later kinds
(e.g. "document never pseudonymised", issue #17) fit without reshaping it. Kinds now:
- ``original``: an applied original is in the export (a memo or a coder name typed later);
- ``unreviewed``: a detected name was never applied (after ``--detect``, or after undo). These
  block too, unless the user allows it (``--allow-unreviewed`` / a confirmation naming the
  count): :func:`allow_unreviewed` sets that for the export running in this context.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from coding.project import Project
from coding.pseudonymise import key as keys
from coding.pseudonymise.detect import name_variants
from coding.pseudonymise.lexicon import common_word
from coding.pseudonymise.matching import FormMatcher
from coding.pseudonymise.model import PiiType
from coding.pseudonymise.names import names as name_list
from models.errors import DuidingError

_NOT_CHECKED = {PiiType.DATE, PiiType.AGE}
_NAMES = {PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANISATION, PiiType.SCHOOL,
          PiiType.STREET}
_allow_unreviewed: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "duiding_allow_unreviewed", default=False)


class FindingKind(StrEnum):
    ORIGINAL = "original"
    UNREVIEWED = "unreviewed"


class Fix(StrEnum):
    """What the user can do about a finding (the GUI offers it as a button)."""

    REVIEW = "review"  # open the review and replace (or reject) it
    RENAME_CODER = "rename_coder"  # a coder's name equals a name in the key
    REJECT_COMMON_WORD = "reject_common_word"  # an ordinary word that is in the key


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    document: str  # the project document the text comes from, or what else it is
    context: str  # one line: "…words [original] words…"
    original: str  # as it stands in the export
    fix: Fix = Fix.REVIEW

    def line(self) -> str:
        what = "not pseudonymised yet" if self.kind is FindingKind.UNREVIEWED else "original"
        return f"{self.document}: {self.context} ({what}: {self.original})"


@dataclass(frozen=True)
class OriginalFound:
    """A plain hit of :func:`find_originals` (text index, the words, position)."""

    text_index: int
    original: str
    position: int


class OriginalInExport(DuidingError):
    """An export would contain personal data; ``findings`` say where. Nothing was written."""

    code = "original_in_export"

    def __init__(self, found: Sequence[Finding | OriginalFound]) -> None:
        self.findings = [f if isinstance(f, Finding) else Finding(
            FindingKind.ORIGINAL, "export", f.original, f.original) for f in found]
        self.found = list(found)
        unreviewed = sum(f.kind is FindingKind.UNREVIEWED for f in self.findings)
        head = f"export refused: {len(self.findings)} place(s) hold personal data from the key"
        if unreviewed:
            head += (f" ({unreviewed} detected but not applied: apply the pseudonymisation, "
                     "reject them, or pass --allow-unreviewed)")
        super().__init__("\n".join([head] + [f.line() for f in self.findings]))

    @property
    def headline(self) -> str:
        return str(self).splitlines()[0]


@contextlib.contextmanager
def allow_unreviewed(allow: bool = True) -> Iterator[None]:
    """Within this block (this thread/context), unreviewed names do not block an export."""
    token = _allow_unreviewed.set(allow)
    try:
        yield
    finally:
        _allow_unreviewed.reset(token)


def unreviewed_allowed() -> bool:
    """Whether the export running in this context lets unreviewed names through."""
    return _allow_unreviewed.get()


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = " ".join(text[max(0, start - width):start].split())
    right = " ".join(text[end:end + width].split())
    return f"…{left} [{text[start:end]}] {right}…"


def _fix(original: str, coders: Sequence[str]) -> Fix:
    low = original.casefold()
    if any(low in re.split(r"\W+", c.casefold()) for c in coders):
        return Fix.RENAME_CODER
    if " " not in original and common_word(original):
        return Fix.REJECT_COMMON_WORD
    return Fix.REVIEW


def findings_in(texts: Iterable[str], entries: Sequence[keys.KeyEntry], *,
                allow_unreviewed: bool = False, documents: dict[str, str] | None = None,
                coders: Sequence[str] = (), known: Collection[str] | None = None
                ) -> list[Finding]:
    """Where ``texts`` contain a checked key entry. ``documents`` (name -> text) locate them.

    ``known`` are the forms the researcher gave (the name list): they count in any case. Other
    names (found by detection) count in lower case only where the text gives the evidence, as
    in detection (:class:`~coding.pseudonymise.matching.FormMatcher`); ``None`` means all
    count in any case."""
    kinds: dict[str, FindingKind] = {}
    for entry in entries:
        if entry.type in _NOT_CHECKED or entry.status == keys.STATUS_REJECTED:
            continue
        if entry.status == keys.STATUS_PROPOSED:
            if allow_unreviewed:
                continue
            kinds.setdefault(entry.original, FindingKind.UNREVIEWED)
        else:
            kinds[entry.original] = FindingKind.ORIGINAL
    evidence = () if known is None else [
        e.original for e in entries if e.type in _NAMES and e.original not in known]
    matcher = FormMatcher(kinds, evidence=evidence)
    found: list[Finding] = []
    for text in texts:
        if not text:
            continue
        for hit in matcher.finditer(text):
            words = text[hit.start:hit.end]
            found.append(Finding(kinds[hit.form], _locate(text, hit.start, hit.end, documents,
                                                          coders, words),
                                 _context(text, hit.start, hit.end), words,
                                 _fix(words, coders)))
    return list(dict.fromkeys(found))


def _locate(text: str, start: int, end: int, documents: dict[str, str] | None,
            coders: Sequence[str], words: str) -> str:
    """The project document that holds this passage, else what the text is."""
    if any(words.casefold() in c.casefold() for c in coders):
        return "coder name"
    if documents:
        snippet = text[max(0, start - 25):min(len(text), end + 25)].strip()
        core = " ".join(text[start:end + 15].split())
        for name, doc_text in documents.items():
            flat = " ".join(doc_text.split())
            if snippet and " ".join(snippet.split()) in flat:
                return name
        for name, doc_text in documents.items():
            if core in " ".join(doc_text.split()):
                return name
    return "export text"


def check(project: Project, texts: Iterable[str]) -> list[Finding]:
    """The findings for ``texts`` against the project's key (empty when safe)."""
    entries = keys.entries(project)
    if not entries:
        return []
    texts = list(texts)
    known = {v for entry in name_list(project) for v in name_variants(entry)}
    found = findings_in(texts, entries, allow_unreviewed=_allow_unreviewed.get(), known=known)
    if not found:
        return []
    documents: dict[str, str] = {}
    for doc in project.documents.list():
        documents[doc.name] = project.documents.text(doc.id)
        for attr, value in doc.attributes.items():
            documents[f"{doc.name} [{attr}]"] = value
    coders = [name for _id, name, _colour, _count in project.coders.list()]
    return findings_in(texts, entries, allow_unreviewed=_allow_unreviewed.get(),
                       documents=documents, coders=coders, known=known)


def assert_export_safe(project: Project, texts: Iterable[str]) -> None:
    """Raise :class:`OriginalInExport` when any text holds personal data from the key."""
    found = check(project, texts)
    if found:
        raise OriginalInExport(found)


def find_originals(texts: Iterable[str], originals: Iterable[str]) -> list[OriginalFound]:
    """Plain hits of ``originals`` in ``texts`` with the guard's matching rules."""
    matcher = FormMatcher(originals)
    return [OriginalFound(index, text[h.start:h.end], h.start)
            for index, text in enumerate(texts) for h in matcher.finditer(text)]


def assert_no_originals(texts: Iterable[str], originals: Project | Iterable[str]) -> None:
    """Raise :class:`OriginalInExport` when a text holds an original: ``originals`` is a project
    (its whole key is checked, as :func:`assert_export_safe`) or the originals themselves."""
    if hasattr(originals, "store"):
        assert_export_safe(originals, texts)  # type: ignore[arg-type]
        return
    found = find_originals(texts, originals)
    if found:
        raise OriginalInExport(found)
