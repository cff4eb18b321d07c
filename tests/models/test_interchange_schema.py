"""Schema 0006_interchange_sets on an old project: every code stays codable, memos keep no
position, and groups can be made right after the upgrade."""

from __future__ import annotations

import shutil
from pathlib import Path

from coding.commands import CreateGroup
from coding.groups import GroupKind
from coding.project import Project

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema_0001.duiding"


def test_upgrade_keeps_every_code_codable_and_memos_without_position(tmp_path: Path) -> None:
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    with Project.open(path) as project:
        codes = project.codes.tree()
        assert codes and all(c.is_codable for c in codes)
        assert all(m.start is None and m.end is None for m in project.memos.list())
        assert project.groups.list() == []
        project.execute(CreateGroup(GroupKind.CODE, "Kernthema's", [codes[0].id]))
        assert project.groups.names_by_member(GroupKind.CODE) == {codes[0].id: ["Kernthema's"]}
        assert len(project.segments.query()) == 2  # the upgrade did not cascade into codings
