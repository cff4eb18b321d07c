"""Interviews and questionnaire responses side by side: which document is which, and counts.

A project may hold interviews and questionnaires together. Counts of respondents then say which
is which ("14 van de 20 geïnterviewden, 63 van de 212 respondenten van de vragenlijst"); this is
the one place that splits a set of documents by kind, for the chapter and for `duiding stats`.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable

from coding.stats import StatsManager


class DocumentKind(enum.StrEnum):
    INTERVIEW = "interview"
    QUESTIONNAIRE = "questionnaire"


KIND_ORDER = (DocumentKind.INTERVIEW, DocumentKind.QUESTIONNAIRE)


def kind_of(doc_id: int, questionnaires: set[int] | frozenset[int]) -> DocumentKind:
    return DocumentKind.QUESTIONNAIRE if doc_id in questionnaires else DocumentKind.INTERVIEW


def count_by_kind(doc_ids: Iterable[int], questionnaires: set[int] | frozenset[int]
                  ) -> dict[DocumentKind, int]:
    """How many of these documents are interviews and how many questionnaire responses (both
    keys always present, in KIND_ORDER)."""
    out = dict.fromkeys(KIND_ORDER, 0)
    for doc_id in set(doc_ids):
        out[kind_of(doc_id, questionnaires)] += 1
    return out


def is_mixed(totals: dict[DocumentKind, int]) -> bool:
    """True when both kinds are present, so counts must say which is which."""
    return all(totals.get(k, 0) for k in KIND_ORDER)


def respondents_by_kind(stats: StatsManager, doc_ids: Iterable[int],
                        questionnaires: set[int] | frozenset[int], *,
                        codes: Collection[int] | None = None, respondent_only: bool = False
                        ) -> dict[int, dict[DocumentKind, int]]:
    """Per code: how many interviewed and how many questionnaire respondents mentioned it.

    Counted by `coding.stats` (the one home for who mentioned a theme), once per kind of
    document, with the same `codes` and `respondent_only` as the count it accompanies.
    """
    ids = set(doc_ids)
    out: dict[int, dict[DocumentKind, int]] = {}
    for kind, scope in ((DocumentKind.INTERVIEW, ids - questionnaires),
                        (DocumentKind.QUESTIONNAIRE, ids & questionnaires)):
        table = stats.table(document_ids=scope, respondent_only=respondent_only).count(
            codes=codes)
        for row in table.rows:
            out.setdefault(row.code_id, dict.fromkeys(KIND_ORDER, 0))[kind] = row.documents
    return out
