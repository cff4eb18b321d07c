"""Every released schema has a fixture file; each upgrades to head, backed up first, data kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coding.memos import MemoTarget
from coding.project import Project
from models.store import head_revision

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("schema_*.duiding"))


def test_there_is_a_fixture_for_the_first_revision() -> None:
    assert any(f.name == "schema_0001.duiding" for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_project_upgrades_with_backup_and_keeps_its_work(fixture: Path,
                                                            tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    old_revision = fixture.stem.removeprefix("schema_")
    with Project.open(path) as project:
        assert project.store.revision() == head_revision()
        if old_revision != head_revision():
            assert project.store.backup_path is not None and project.store.backup_path.exists()
            assert f"schema-{old_revision}" in project.store.backup_path.name
        segments = project.segments.query()
        assert [s.text for s in segments] == ["Via de huisarts 😀", "We wachtten zeven maanden "
                                              "op Meerstroom."]
        assert segments[1].codings[0].valence.value == "aandachtspunt"
        assert segments[1].memo == "lang"
        wachttijd = project.codes.by_path("toegang/wachttijd")
        assert project.memos.get(MemoTarget(code_id=wachttijd.id)).startswith("Wachten")
        assert project.documents.list()[0].attributes["gemeente"] == "Westerveen"
    with Project.open(path) as again:  # a second open needs no upgrade and makes no backup
        assert again.store.backup_path is None
