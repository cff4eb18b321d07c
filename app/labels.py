"""Translated labels for the core's enums (the core returns codes, app/ translates them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coding.types import SpeakerRole, Valence


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def valence_label(valence: Valence) -> str:
    return {
        Valence.POSITIEF: _t("positive"),
        Valence.AANDACHTSPUNT: _t("point of attention"),
        Valence.NEUTRAAL: _t("neutral"),
    }.get(valence, str(valence.value))


def role_label(role: SpeakerRole) -> str:
    return {
        SpeakerRole.INTERVIEWER: _t("interviewer"),
        SpeakerRole.RESPONDENT: _t("respondent"),
        SpeakerRole.OTHER: _t("other"),
    }.get(role, str(role.value))


VALENCE_MARK = {Valence.POSITIEF: "+", Valence.AANDACHTSPUNT: "!", Valence.NEUTRAAL: "·"}
