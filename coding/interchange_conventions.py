"""How Duiding-only information travels through REFI-QDA, in one place for writer and reader.

REFI-QDA has no valence, no key quote, no memo on a span without a code, and tools differ in
what they keep of memos; Duiding therefore writes a few conventions that other tools show as
ordinary codes and descriptions, and that Duiding's own reader turns back into what they were.
``coding.interchange_db`` (export) and ``coding.interchange_load`` (import) both use these
definitions, so the two directions cannot drift apart.

- **Valence and key quotes** are marker codes with fixed GUIDs: a folder ``Valentie (Duiding)``
  (not codable) with ``positief``, ``aandachtspunt`` and ``neutraal``, and a code
  ``Kernquote (Duiding)``. Users of other tools can filter, count and cross-tabulate them.
- **Memos in descriptions.** Tools that keep only ``<Description>`` (QualCoder keeps memos of
  sources, cases, codes and the project only there) would lose Duiding's notes, so the memos of a
  document, case or the project are also written into that element's description, and a code's
  memos after its definition. Each memo starts with a line ``Memo (Duiding): <title>``; a single
  untitled memo is written as its bare text. ``parse_description`` reads that back.
- **Qualified names.** QualCoder and ATLAS.ti need code names that are unique in the whole tree;
  ``qualify_duplicate_names`` writes ``toegang/overig`` for names that occur more than once and
  ``strip_qualified`` turns them back into ``overig`` under ``toegang`` on import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coding.interchange import QdaCode, QdaProject, derived_guid
from coding.types import Valence

VALENCE_GROUP = QdaCode(derived_guid("duiding", "valentie"), "Valentie (Duiding)",
                        description="Valentie van een codering in Duiding.", is_codable=False)
VALENCE_CODES = {
    v: QdaCode(derived_guid("duiding", "valentie", v.value), v.value, VALENCE_GROUP.guid)
    for v in (Valence.POSITIEF, Valence.AANDACHTSPUNT, Valence.NEUTRAAL)
}
KEY_QUOTE = QdaCode(derived_guid("duiding", "kernquote"), "Kernquote (Duiding)",
                    description="Fragment gemarkeerd als kernquote in Duiding.")
MARKER_GUIDS = frozenset({VALENCE_GROUP.guid, KEY_QUOTE.guid}
                         | {c.guid for c in VALENCE_CODES.values()})
KEY_QUOTE_MARK = "kernquote"
GROUP_MARK = "group"

# The exact attribute type rides in the variable's description (REFI has no "choice" type).
TYPE_HINT = "Duiding-attribuut: "

# Declared in Project@origin so Duiding's reader takes the positions as written, without guessing.
POSITIONS_CODEPOINTS = "positions: code points"
POSITIONS_UTF16 = "positions: UTF-16 code units"

MEMO_HEAD = "Memo (Duiding)"
_HEAD_LINE = re.compile(r"^" + re.escape(MEMO_HEAD) + r"(?::[ \t]*(?P<title>[^\n]*))?[ \t]*$",
                        re.MULTILINE)


def marker_of(code: QdaCode, parent_name: str | None) -> str | None:
    """"positief"/"aandachtspunt"/"neutraal"/"kernquote"/"group" for Duiding's marker codes.

    By GUID first; by name when another tool gave the codes new GUIDs on its way back.
    """
    for valence, marker in VALENCE_CODES.items():
        if code.guid == marker.guid:
            return valence.value
    if code.guid == KEY_QUOTE.guid or code.name == KEY_QUOTE.name:
        return KEY_QUOTE_MARK
    if code.guid == VALENCE_GROUP.guid or code.name == VALENCE_GROUP.name:
        return GROUP_MARK
    name = code.name.rpartition("/")[2]  # also when written with a qualified name
    if parent_name == VALENCE_GROUP.name and name in {v.value for v in Valence}:
        return name
    return None


# -- memos in descriptions ----------------------------------------------------------------------


@dataclass(frozen=True)
class MemoText:
    title: str
    text: str


def _block(memo: MemoText) -> str:
    head = f"{MEMO_HEAD}: {memo.title}" if memo.title else MEMO_HEAD
    return f"{head}\n{memo.text}"


def memos_description(memos: Sequence[MemoText]) -> str:
    """The description of a document, case or project that carries its memos."""
    memos = [m for m in memos if m.text.strip()]
    if len(memos) == 1 and not memos[0].title:
        return memos[0].text
    return "\n\n".join(_block(m) for m in memos)


def code_description(definition: str, memos: Sequence[MemoText]) -> str:
    """A code's description: its definition, then its memos, each under a memo line."""
    parts = [definition] if definition else []
    parts += [_block(m) for m in memos if m.text.strip()]
    return "\n\n".join(parts)


def parse_description(text: str) -> tuple[str, list[MemoText]]:
    """(text before the first memo line, memos) of a description written as above."""
    text = text.replace("\r\n", "\n")
    heads = list(_HEAD_LINE.finditer(text))
    if not heads:
        return text.strip(), []
    lead = text[: heads[0].start()].strip()
    memos = []
    for head, nxt in zip(heads, [*heads[1:], None], strict=True):
        body = text[head.end(): nxt.start() if nxt else len(text)].strip("\n").rstrip()
        memos.append(MemoText((head.group("title") or "").strip(), body))
    return lead, memos


def same_text(a: str, b: str) -> bool:
    """Memo texts compared the way a reader would: white space does not count."""
    return " ".join(a.split()) == " ".join(b.split())


# -- unique names ----------------------------------------------------------------------------------


def duplicate_code_names(codes: Sequence[QdaCode], paths: dict[str, str]) -> dict[str, list[str]]:
    """Names used by more than one code (compared without case): name -> the codes' paths."""
    by_name: dict[str, list[str]] = {}
    for code in codes:
        if code.guid in MARKER_GUIDS:
            continue
        by_name.setdefault(code.name.casefold(), []).append(paths.get(code.guid, code.name))
    return {paths_[0].rpartition("/")[2]: paths_ for paths_ in by_name.values()
            if len(paths_) > 1}


def qualify_duplicate_names(qda: QdaProject) -> list[str]:
    """Give every code whose name is not unique its path as name; returns the paths changed."""
    paths = qda.code_paths()
    duplicated = {name.casefold() for name in duplicate_code_names(qda.codes, paths)}
    changed = []
    for code in qda.codes:
        if (code.guid not in MARKER_GUIDS and code.name.casefold() in duplicated
                and paths[code.guid] != code.name):
            code.name = paths[code.guid]
            changed.append(code.name)
    return changed


def strip_qualified(name: str, parent_path: str | None) -> str:
    """``toegang/overig`` under ``toegang`` is ``overig`` (a qualified name written on export)."""
    if parent_path and name.startswith(parent_path + "/") and len(name) > len(parent_path) + 1:
        return name[len(parent_path) + 1:]
    return name
