"""Translated labels for the core's enums (the core returns codes, app/ translates them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coding.types import SpeakerRole, Valence


def valence_label(valence: Valence) -> str:
    return {
        Valence.POSITIEF: QCoreApplication.translate("Labels", "positive"),
        Valence.AANDACHTSPUNT: QCoreApplication.translate("Labels", "point of attention"),
        Valence.NEUTRAAL: QCoreApplication.translate("Labels", "neutral"),
    }.get(valence, str(valence.value))


def role_label(role: SpeakerRole) -> str:
    return {
        SpeakerRole.INTERVIEWER: QCoreApplication.translate("Labels", "interviewer"),
        SpeakerRole.RESPONDENT: QCoreApplication.translate("Labels", "respondent"),
        SpeakerRole.OTHER: QCoreApplication.translate("Labels", "other"),
    }.get(role, str(role.value))


VALENCE_MARK = {Valence.POSITIEF: "+", Valence.AANDACHTSPUNT: "!", Valence.NEUTRAAL: "·"}
