"""How a coder's name is stored: the identity rule the schema keeps (migration 0004 applies it).

"Sanne  Jansen" (two spaces, typed on the command line), "Sanne Jansen " (from a settings file),
"Sanne\u00a0Jansen" (pasted from Word) and a decomposed "Zoë" are one person. A name is stored in
one form: Unicode NFC, invisible format characters (BOM, zero-width joiner...) removed, a
zero-width space read as a space, white space collapsed to single spaces and trimmed. Case is
kept as written: names are shown as the coder typed them, and two spellings that differ only in
case are left for the researcher to merge.

The rule lives here, in the lowest layer, because the migration that merges old duplicates must
apply exactly the rule the core applies at the door (`coding.coders`).
"""

from __future__ import annotations

import unicodedata

UNKNOWN_CODER = "onbekend"


def coder_name(raw: str) -> str:
    """The stored form of a coder name ('' when nothing visible is left)."""
    text = unicodedata.normalize("NFC", raw).replace("\u200b", " ")  # a zero-width *space*
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())
