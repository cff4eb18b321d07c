"""Pseudonymisation: detect personal information, review it as entities, replace it consistently.

Detection combines the project's name list, deduce (loaded lazily, cache in the user cache dir)
and own rules for what deduce misses in Dutch interviews; replacement rewrites texts and shifts
every coding so it still covers the same words; an export guard refuses any text that still holds
an original from the key. Nothing here imports deduce at module import time.
"""

from __future__ import annotations

from coding.pseudonymise.apply import apply_replacements
from coding.pseudonymise.detect import NameEntry, detect_project, detect_text
from coding.pseudonymise.entities import Entity, group_mentions, merge, replacements_for
from coding.pseudonymise.guard import (
    Finding,
    FindingKind,
    Fix,
    OriginalInExport,
    allow_unreviewed,
    assert_export_safe,
    assert_no_originals,
    find_originals,
)
from coding.pseudonymise.model import Mention, PiiType, Source

__all__ = [
    "Entity",
    "Finding",
    "FindingKind",
    "Fix",
    "allow_unreviewed",
    "assert_export_safe",
    "Mention",
    "NameEntry",
    "OriginalInExport",
    "PiiType",
    "Source",
    "apply_replacements",
    "assert_no_originals",
    "detect_project",
    "detect_text",
    "find_originals",
    "group_mentions",
    "merge",
    "replacements_for",
]
