"""Plan a merge before doing it: which of the other projects' codes have no counterpart here.

Why: students adapt the codebook as they code — they rename "wachttijd" to "Wachttijden", add a
theme at the top level that the lead keeps under "toegang". Matching codes by path alone would
silently create near-duplicates in the merged project. The plan lists, per other project, every
code whose path is not in this project, with a suggestion the user confirms or changes (the
mapping dialog, ``duiding merge --plan`` / ``--map``): where an earlier merge of the same file put
the code's fragments (they keep their GUID), else a code here with the same name elsewhere in the
tree, else a close name (difflib ratio >= 0.85, case and accents folded), else "create". The first
makes a repeated merge through the dialog add nothing, whatever the user chose the first time.

Reading only: the other projects are opened read-only and this project is not written.
``coding/merge.py`` applies the resulting mapping; the path helpers live here so both agree on
what "matched" means (the path compared case-insensitively, as ``CodeManager.by_path`` does).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.project import Project
from coding.types import CodeId, CodeInfo
from models.errors import ValidationError
from models.location import is_server_location
from models.open import same_location
from models.schema import Code, Segment, SegmentCode

SIMILARITY = 0.85  # difflib ratio on folded names; "wachttijd" ~ "wachttijden" (0.9) passes


class Suggestion(StrEnum):
    """Why a target is suggested (the app translates these)."""

    EARLIER_MERGE = "earlier_merge"  # where an earlier merge put this code's fragments
    SAME_NAME = "same_name"  # a code here with the same (folded) name, elsewhere in the tree
    SIMILAR_NAME = "similar_name"  # a close name (typo, plural, accents)
    CREATE = "create"  # nothing alike: create the code under its mapped parent


@dataclass(frozen=True)
class UnmatchedCode:
    """A code of another project whose path is not in this one."""

    path: str  # in the other project, "toegang/wachttijden"
    name: str
    colour: str
    definition: str
    segments: int  # coded fragments with this code in the other project
    suggestion: Suggestion
    target: CodeId | None  # suggested code here; None = create
    target_path: str | None
    ratio: float  # name similarity of the suggestion (1.0 for the same name, 0.0 for create)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "name": self.name,
            "colour": self.colour,
            "definition": self.definition,
            "segments": self.segments,
            "suggestion": self.suggestion.value,
            "target": self.target_path,
            "ratio": round(self.ratio, 3),
        }


@dataclass(frozen=True)
class SourcePlan:
    """One other project: how many codes match by path, and the ones that do not."""

    source: str  # file name (or 'database @ server')
    path: Path | str  # a file, or a team project's connection file or URL
    codes_matched: int
    unmatched: list[UnmatchedCode]


@dataclass(frozen=True)
class MergePlan:
    sources: list[SourcePlan] = field(default_factory=list)

    def unmatched_paths(self) -> list[str]:
        """Each unmatched path once, in the order the sources list them."""
        return list(dict.fromkeys(u.path for src in self.sources for u in src.unmatched))

    def suggested_mapping(self) -> dict[str, int | None]:
        """The suggestions as a mapping for ``merge_projects`` (first source wins a shared path)."""
        out: dict[str, int | None] = {}
        for src in self.sources:
            for u in src.unmatched:
                out.setdefault(u.path, u.target)
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "sources": [
                {
                    "source": src.source,
                    "codes_matched": src.codes_matched,
                    "unmatched": [u.as_json() for u in src.unmatched],
                }
                for src in self.sources
            ]
        }


def fold(name: str) -> str:
    """Case and accents folded: "Cliënt " and "client" compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def path_key(path: str) -> str:
    """The form in which paths are matched (case-insensitive, like ``CodeManager.by_path``)."""
    return path.casefold()


def code_paths(s: Session) -> dict[int, str]:
    """Every code's path by id, in one query."""
    rows = s.execute(select(Code.id, Code.parent_id, Code.name)).all()
    parent = {i: p for i, p, _n in rows}
    name = {i: n for i, _p, n in rows}
    out: dict[int, str] = {}

    def path(i: int) -> str:
        if i not in out:
            p = parent[i]
            out[i] = name[i] if p is None else f"{path(p)}/{name[i]}"
        return out[i]

    for i in name:
        path(i)
    return out


def check_sources(project: Project, others: Sequence[Path | str]) -> list[Path | str]:
    """The other projects (files, or team projects on a server), none of them this one."""
    for other in others:
        if same_location(project.location, other):
            name = Path(other).name if not is_server_location(other) else str(other)
            raise ValidationError(f"{name}: cannot merge a project into itself.")
    return list(others)


def suggest(name: str, ours: Sequence[CodeInfo]) -> tuple[Suggestion, CodeInfo | None, float]:
    """The code here that an unmatched code called ``name`` most likely means."""
    wanted = fold(name)
    same = [c for c in ours if fold(c.name) == wanted]
    if same:
        return Suggestion.SAME_NAME, same[0], 1.0
    best: tuple[float, CodeInfo | None] = (0.0, None)
    for c in ours:  # tree order: the first of equally close names wins
        ratio = difflib.SequenceMatcher(None, wanted, fold(c.name)).ratio()
        if ratio > best[0]:
            best = (ratio, c)
    if best[1] is not None and best[0] >= SIMILARITY:
        return Suggestion.SIMILAR_NAME, best[1], best[0]
    return Suggestion.CREATE, None, 0.0


def earlier_targets(
    project: Project, o: Session, theirs: Sequence[CodeInfo], ours: Sequence[CodeInfo]
) -> dict[int, set[int]]:
    """Per code of theirs, the codes of ours that every one of its fragments already carries
    here (a merged fragment keeps its GUID), less those its other codes match by path."""
    their_codes: dict[str, set[int]] = defaultdict(set)
    query = select(Segment.guid, SegmentCode.code_id).join(
        SegmentCode, SegmentCode.segment_id == Segment.id
    )
    for guid, cid in o.execute(query):
        their_codes[guid].add(cid)
    our_codes: dict[str, set[int]] = defaultdict(set)
    guids = list(their_codes)
    with project.store.read() as s:
        for i in range(0, len(guids), 500):  # well under SQLite's variable limit
            for guid, cid in s.execute(query.where(Segment.guid.in_(guids[i : i + 500]))):
                our_codes[guid].add(cid)
    their_path: dict[int, str] = {c.id: path_key(c.path) for c in theirs}
    our_path: dict[int, str] = {c.id: path_key(c.path) for c in ours}
    found: dict[int, set[int]] = {}
    for guid, cids in their_codes.items():
        here = our_codes.get(guid)
        if not here:
            continue
        for cid in cids:
            taken = {their_path[c] for c in cids if c != cid}
            fits = {c for c in here if our_path[c] not in taken}
            found[cid] = fits if cid not in found else found[cid] & fits
    return {cid: fits for cid, fits in found.items() if fits}


def plan_merge(project: Project, others: Sequence[Path | str]) -> MergePlan:
    """List the other projects' codes without a counterpart here, each with a suggested target."""

    ours = project.codes.tree()
    known = {path_key(c.path) for c in ours}
    plans: list[SourcePlan] = []
    for path in check_sources(project, others):
        with Project.open(path, readonly=True) as other:
            theirs = other.codes.tree()
            with other.store.read() as o:
                query = select(SegmentCode.code_id, func.count()).group_by(SegmentCode.code_id)
                counts: dict[int, int] = dict(o.execute(query).all())
                earlier = earlier_targets(project, o, theirs, ours)
            unmatched: list[UnmatchedCode] = []
            matched = 0
            for code in theirs:
                if path_key(code.path) in known:
                    matched += 1
                    continue
                kind, target, ratio = suggest(code.name, ours)
                if code.id in earlier and (target is None or target.id not in earlier[code.id]):
                    kind, ratio = Suggestion.EARLIER_MERGE, 1.0
                    target = next(c for c in ours if c.id in earlier[code.id])
                elif code.id in earlier:
                    kind = Suggestion.EARLIER_MERGE
                unmatched.append(
                    UnmatchedCode(
                        path=code.path,
                        name=code.name,
                        colour=code.colour,
                        definition=code.definition,
                        segments=counts.get(code.id, 0),
                        suggestion=kind,
                        target=target.id if target is not None else None,
                        target_path=target.path if target is not None else None,
                        ratio=ratio,
                    )
                )
            plans.append(SourcePlan(other.name, path, matched, unmatched))
    return MergePlan(plans)
