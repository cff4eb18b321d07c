"""Every user-visible change is an undoable command (STYLE.md rule 6); see `base` for the shape.

The commands live beside the concept they change; this package face hands their names on, so
callers write `from coding.commands import ApplyCodes`.
"""

from coding.commands.base import Command, CommandCancelled, Macro, Progress
from coding.commands.cases import AssignCase, RenameCase, SetCaseAttribute
from coding.commands.codebook import (
    AddCode,
    AddCodeTree,
    DeleteCode,
    MergeCodes,
    MoveCode,
    UpdateCode,
)
from coding.commands.documents import (
    DeleteDocuments,
    ImportedDocuments,
    RenameDocument,
    SetDocumentAttribute,
    SetMemo,
    SetRoleEverywhere,
    SetSpeaker,
)
from coding.commands.groups import ChangeGroupMembers, CreateGroup, DeleteGroup, RenameGroup
from coding.commands.interchange import ImportCodebook
from coding.commands.matrix import SetCellSummary
from coding.commands.merge import MergeProjects
from coding.commands.segments import (
    ApplyCodes,
    CodeSpans,
    EditSegment,
    InVivoCode,
    RemoveCoding,
)
from coding.commands.withdraw import WithdrawConsent

__all__ = [
    "AddCode", "AddCodeTree", "ApplyCodes", "AssignCase", "ChangeGroupMembers", "CodeSpans",
    "Command", "CommandCancelled", "CreateGroup", "DeleteCode", "DeleteDocuments", "DeleteGroup",
    "EditSegment", "ImportCodebook", "ImportedDocuments", "InVivoCode", "Macro", "MergeCodes",
    "MergeProjects", "MoveCode", "Progress", "RemoveCoding", "RenameCase", "RenameDocument",
    "RenameGroup",
    "SetCaseAttribute", "SetCellSummary", "SetDocumentAttribute", "SetMemo", "SetRoleEverywhere", "SetSpeaker",
    "UpdateCode", "WithdrawConsent",
]
