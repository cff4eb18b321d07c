"""Coder identity (issue #16): one normalisation at the door, and migration 0004 merging the
duplicate coders older files hold -- without losing or doubling a coding."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from coding.commands import ApplyCodes
from coding.project import Project
from coding.types import SegmentFilter, Valence
from models.store import ProjectStore, _make_engine, alembic_config
from tests.helpers import project_with, transcript

# The revision this migration follows (the chain is re-pointed as streams land).
BEFORE = ScriptDirectory.from_config(alembic_config()).get_revision(
    "0004_coder_identity").down_revision
TEXT = ("Interviewer: Hoe ging het?\n\n"
        "Moeder: We wachtten zeven maanden. Daarna kwam er een vaste hulpverlener.\n\n"
        "Interviewer: En nu?\n\n"
        "Moeder: Nu gaat het goed, de nazorg was prima geregeld.")


def _old_project(path: Path) -> dict[str, int]:
    """A project just before 0004 whose coders table holds one person under three spellings."""
    engine = _make_engine(path, readonly=False)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, BEFORE)
    with Project(ProjectStore(path, engine, None, readonly=False), coder="Fixture") as p:
        doc = p.documents.add_transcript(transcript("r1.txt", TEXT))
        # Codes by SQL, as the schema before 0004 has them: today's code manager also knows
        # the columns later migrations add (codes.is_codable of 0006_interchange_sets).
        code = {"toegang": 1, "toegang/wachttijd": 2, "wisselingen": 3, "nazorg": 4}
        with p.store.write() as s:
            for path_, cid in code.items():
                s.execute(text("INSERT INTO codes (id, guid, parent_id, name, definition, colour, "
                               "shortcut, position, keywords) VALUES (:i, :g, :p, :n, '', "
                               "'#1f77b4', '', :i, '')"),
                          {"i": cid, "g": f"code-{cid}", "p": 1 if "/" in path_ else None,
                           "n": path_.rpartition("/")[2]})
            for cid, name in ((1, "Sanne Jansen"), (2, "Sanne  Jansen"), (3, " Sanne\u00a0Jansen"),
                              (4, "Tim\u200b"), (5, "Tim")):
                s.execute(text("INSERT INTO coders (id, guid, name, colour) VALUES "
                               "(:i, :g, :n, '#000000')"), {"i": cid, "g": f"guid-{cid}", "n": name})
            spans = {"A": (TEXT.index("We wachtten"), TEXT.index(" Daarna")),
                     "B": (TEXT.index("Daarna"), TEXT.index("hulpverlener.") + 13),
                     "C": (TEXT.index("Nu gaat"), len(TEXT))}
            rows = [  # (segment id, span, coder, memo, key quote, [(code, valence)])
                (1, "A", 1, "lang", False, [("toegang/wachttijd", "aandachtspunt")]),
                (2, "A", 2, "heel lang", True, [("toegang/wachttijd", "positief"),
                                                ("toegang", "neutraal")]),
                (3, "B", 2, "", False, [("wisselingen", "positief")]),
                (4, "B", 3, "", False, [("wisselingen", "positief")]),
                (5, "C", 4, "", False, [("nazorg", "positief")]),
                (6, "C", 5, "", False, [("nazorg", "positief")]),
            ]
            for sid, span, coder, memo, kq, links in rows:
                start, end = spans[span]
                s.execute(text('INSERT INTO segments (id, guid, document_id, start, "end", '
                               "coder_id, memo, key_quote, created, modified) VALUES (:i, :g, :d, "
                               ":s, :e, :c, :m, :k, '2024-01-01', '2024-01-01')"),
                          {"i": sid, "g": f"seg-{sid}", "d": doc, "s": start, "e": end,
                           "c": coder, "m": memo, "k": kq})
                for code_path, valence in links:
                    s.execute(text("INSERT INTO segment_codes (segment_id, code_id, valence) "
                                   "VALUES (:s, :c, :v)"),
                              {"s": sid, "c": code[code_path], "v": valence})
            s.execute(text("INSERT INTO memos (guid, title, text, code_id, coder_id, created, "
                           "modified) VALUES ('m-1', '', 'Wachten!', :c, 2, '2024-01-01', "
                           "'2024-01-01')"), {"c": code["toegang"]})
            s.execute(text('INSERT INTO events (guid, document_id, start, "end", coder_id, '
                           "type_id, moment_kind, approximate, moment_text, memo, created, "
                           "modified) VALUES ('e-1', :d, :s, :e, 3, 1, 'order', 0, '', '', "
                           "'2024-01-01', '2024-01-01')"),
                      {"d": doc, "s": spans["C"][0], "e": spans["C"][1]})
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    return spans


def test_migration_merges_duplicate_coders_and_their_fragments(tmp_path: Path) -> None:
    path = tmp_path / "oud.duiding"
    spans = _old_project(path)
    with Project.open(path) as project:
        assert project.store.backup_path is not None  # the old file is kept beside it
        coders = [(name, n) for _i, name, _c, n in project.coders.list()]
        assert coders == [("Sanne Jansen", 2), ("Tim", 1)]
        segs = project.segments.query(SegmentFilter())
        got = [((s.start, s.end), s.coder, sorted((c.path, c.valence.value) for c in s.codings),
                s.memo, s.key_quote) for s in segs]
        assert got == [
            (spans["A"], "Sanne Jansen", [("toegang", "neutraal"),
                                          ("toegang/wachttijd", "aandachtspunt")],
             "lang\n\nheel lang", True),
            (spans["B"], "Sanne Jansen", [("wisselingen", "positief")], "", False),
            (spans["C"], "Tim", [("nazorg", "positief")], "", False),
        ]
        with project.store.read() as s:
            survivor = s.execute(text("SELECT guid FROM coders WHERE name = 'Sanne Jansen'")).one()
            memo_coder = s.execute(text("SELECT c.name FROM memos m JOIN coders c "
                                        "ON c.id = m.coder_id")).scalar()
            event_coder = s.execute(text("SELECT c.name FROM events e JOIN coders c "
                                         "ON c.id = e.coder_id")).scalar()
        assert survivor == ("guid-1",)  # the coder already named right keeps its GUID
        assert memo_coder == event_coder == "Sanne Jansen"


def test_one_door_for_names_from_the_core(tmp_path: Path) -> None:
    project, (doc,) = project_with(tmp_path, ("r1.txt", TEXT, {}), coder="  Sanne\tJansen ")
    with project:
        assert project.coder == "Sanne Jansen"
        start, end = TEXT.index("We wachtten"), TEXT.index(" Daarna")
        toegang = project.codes.by_path("toegang").id
        for coder in ("Sanne  Jansen", "Sanne\u00a0Jansen", "Sanne\u200bJansen", None):
            project.execute(ApplyCodes(doc, start, end, [toegang], Valence.POSITIEF, coder=coder))
        assert [(n, k) for _i, n, _c, k in project.coders.list()] == [("Sanne Jansen", 1)]
        assert len(project.segments.query(SegmentFilter(coders=("Sanne   Jansen",)))) == 1
        assert project.stats.counts(coders=(" Sanne Jansen",)).rows[0].segments == 1


def test_default_coder_comes_from_one_rule(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DUIDING_CODER", "  Lisa   de Vries ")
    with Project.create(tmp_path / "p.duiding") as project:
        assert project.coder == "Lisa de Vries"
        project.coder = ""  # an empty name falls back to the default, never to ""
        assert project.coder == "Lisa de Vries"
