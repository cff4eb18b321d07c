"""A team project on a real PostgreSQL server: many writers, constraints in the database, a
misbehaving server in one sentence, a lost connection that loses and doubles nothing, and the
way between a file and the server (push, clone, merge back idempotently)."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from coding import diagnostics
from coding.commands import ApplyCodes
from coding.merge import merge_projects
from coding.project import Project
from coding.team import TeamManager, clone, push
from models.errors import (
    AuthenticationError,
    ConnectionLostError,
    PasswordNeededError,
    ProjectExistsError,
    ProjectFormatError,
    ProjectNotFoundError,
    ServerUnreachableError,
    UnsupportedServerError,
)
from models.location import parse_location, write_connection_file
from models.server_store import check_server_version
from tests.helpers import project_with
from tests.pg import PgCluster, Places

TEXT = "Interviewer: Hoe ging het?\n\nMoeder: We wachtten zeven maanden op hulp van Meerstroom."


def _as(places: Places, user: str) -> str:
    return str(places.location("studie")).replace("leider@", f"{user}@")


def test_two_coders_coding_the_same_passage_at_once_both_get_their_fragment(
        server_places: Places) -> None:
    lead, (doc,) = project_with(server_places, ("r1.txt", TEXT, {}))
    assert server_places.cluster is not None
    team = TeamManager(lead)
    for user in ("anna", "bram"):
        team.add_user(user, "codeur", password=f"{user}-pw")
        server_places.cluster.remember(user, f"{user}-pw")
    code = lead.codes.by_path("toegang").id
    coders = [Project.open(_as(server_places, u)) for u in ("anna", "bram")]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def code_it(p: Project) -> None:
        try:
            start.wait()
            for _ in range(5):  # the same span again adds nothing: one fragment each
                p.execute(ApplyCodes(doc, 41, 48, [code]))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=code_it, args=(p,)) for p in coders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(s.coder for s in lead.segments.for_document(doc)) == ["anna", "bram"]
    for p in coders:
        p.close()
    lead.close()


def test_the_code_tree_is_guarded_by_the_database(server_places: Places) -> None:
    lead = Project.create(server_places.new("studie"), codebook="empty")
    assert server_places.cluster is not None
    a, b = (lead.codes.add(n) for n in ("toegang", "nazorg"))
    db = server_places.database("studie")
    one = server_places.cluster.connect(db, "leider")
    two = server_places.cluster.connect(db, "leider")
    one.autocommit = two.autocommit = False
    one.execute("UPDATE codes SET parent_id = %s WHERE id = %s", (b, a))  # toegang under nazorg
    failure: list[BaseException] = []

    def other_move() -> None:  # at the same moment: nazorg under toegang
        try:
            two.execute("UPDATE codes SET parent_id = %s WHERE id = %s", (a, b))
            two.commit()
        except psycopg.Error as exc:
            failure.append(exc)
            two.rollback()

    mover = threading.Thread(target=other_move)
    mover.start()
    mover.join(0.5)
    assert mover.is_alive()  # waits for the first move
    one.commit()
    mover.join(30)
    assert failure and "inside itself" in str(failure[0])
    # Two siblings of the same name (in any case) cannot both be stored.
    one.execute("INSERT INTO codes (guid, name, definition, colour, shortcut, position, "
                "keywords) VALUES ('g1', 'Wachttijd', '', '#000', '', 1, '')")
    one.commit()
    with pytest.raises(psycopg.errors.UniqueViolation):
        two.execute("INSERT INTO codes (guid, name, definition, colour, shortcut, position, "
                    "keywords) VALUES ('g2', 'wachttijd', '', '#000', '', 2, '')")
    two.rollback()
    one.close()
    two.close()
    lead.close()


def test_a_misbehaving_server_is_one_clear_sentence(pg_server: PgCluster, tmp_path: Path) -> None:
    url = pg_server.url("bestaat_niet")
    with pytest.raises(ProjectNotFoundError, match="no database bestaat_niet on 127.0.0.1"):
        Project.open(url)
    with pytest.raises(AuthenticationError, match="refused the password of user leider"):
        Project.open(url.replace("leider@", "leider:fout@"))
    with pytest.raises(PasswordNeededError, match="asks a password for user onbekende"):
        Project.open(url.replace("leider@", "onbekende@"))
    with pytest.raises(ServerUnreachableError, match="cannot reach the server 127.0.0.1:9"):
        Project.open("postgresql://leider@127.0.0.1:9/studie")
    with pytest.raises(UnsupportedServerError, match="runs PostgreSQL 12; Duiding needs PostgreSQL 13"):
        check_server_version(120017, "db.example.nl")
    with pytest.raises(ProjectFormatError, match="holds no Duiding project"):
        Project.open(pg_server.url("postgres"))
    bad = tmp_path / "studie.duiding-team"
    bad.write_text('url = "postgresql://db.example.nl/studie"\npassword = "geheim"\n')
    with pytest.raises(ProjectFormatError, match="contains a password"):
        Project.open(bad)


def test_new_on_a_server_refuses_an_existing_project(server_places: Places) -> None:
    url = server_places.new("studie")
    Project.create(url).close()
    with pytest.raises(ProjectExistsError, match="already holds a Duiding project"):
        Project.create(url)


def test_a_connection_file_opens_the_project_and_holds_no_password(
        server_places: Places, tmp_path: Path) -> None:
    url = str(server_places.new("studie"))
    Project.create(url.replace("leider@", "leider:leider-geheim@")).close()
    target = parse_location(url.replace("leider@", "leider:leider-geheim@") + "?sslmode=prefer")
    path = write_connection_file(tmp_path / "studie", target)
    text = path.read_text()
    assert path.name == "studie.duiding-team" and "geheim" not in text
    assert "sslmode=prefer" in text and 'user = "leider"' in text
    with Project.open(path) as p:
        assert p.location == str(path) and p.is_server and "geheim" not in p.name
    # what a crash log or the About window records: the address, never the password
    with Project.open(url.replace("leider@", "leider:leider-geheim@")) as p:
        details = diagnostics.facts(p).as_text()
        assert f"Project: {url}" in details and "geheim" not in details


def test_a_lost_connection_loses_nothing_and_doubles_nothing(server_places: Places) -> None:
    lead, (doc,) = project_with(server_places, ("r1.txt", TEXT, {}))
    assert server_places.cluster is not None
    code = lead.codes.by_path("toegang").id
    lead.execute(ApplyCodes(doc, 41, 48, [code]))

    def cut() -> int:  # the server ends this project's connections (a network cut, a restart)
        with server_places.cluster.admin() as admin:  # type: ignore[union-attr]
            return len(admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s", (lead.store.tag,)).fetchall())

    assert cut() >= 1
    lead.execute(ApplyCodes(doc, 50, 57, [code]))  # a fresh connection, transparently
    # Cut in the middle of a change: not saved, said so; done again, saved once.
    with pytest.raises(ConnectionLostError, match="not saved"), lead.store.write() as s:
        lead.segments.apply(doc, 60, 66, [code])
        s.flush()
        cut()
        lead.segments.apply(doc, 70, 75, [code])
    assert [(x.start, x.end) for x in lead.segments.for_document(doc)] == [(41, 48), (50, 57)]
    lead.execute(ApplyCodes(doc, 60, 66, [code]))
    assert len(lead.segments.for_document(doc)) == 3
    # What settles a commit whose answer was lost: the server's own record of it.
    with lead.store.write() as s:
        lead.segments.apply(doc, 70, 75, [code])
        xid = s.execute(text("SELECT pg_current_xact_id()::text")).scalar()
    assert lead.store.outcome(str(xid)) == "committed"
    try:
        with lead.store.write() as s:
            aborted = s.execute(text("SELECT pg_current_xact_id()::text")).scalar()
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert lead.store.outcome(str(aborted)) == "aborted"
    lead.close()


def test_push_clone_and_merge_back_idempotently(server_places: Places, tmp_path: Path) -> None:
    laptop, (doc,) = project_with(tmp_path, ("r1.txt", TEXT, {}), coder="Sanne")
    code = laptop.codes.by_path("toegang/wachttijd").id
    laptop.execute(ApplyCodes(doc, 41, 48, [code], memo="op de laptop"))
    laptop.close()
    server = server_places.new("studie")
    report = push(tmp_path / "studie.duiding", server)
    assert report.rows["segments"] == 1 and report.rows["documents"] == 1
    with Project.open(server) as team:
        (seg,) = team.segments.for_document(doc)
        assert (seg.coder, seg.memo, seg.codes) == ("Sanne", "op de laptop",
                                                     ["toegang/wachttijd"])
        team.execute(ApplyCodes(doc, 50, 57, [code]))  # IDs continue after the pushed ones
    offline = tmp_path / "offline.duiding"
    clone(server, offline)
    with Project.open(offline, coder="Sanne") as copy:
        assert len(copy.segments.for_document(doc)) == 2
        copy.execute(ApplyCodes(doc, 60, 66, [code], memo="in de trein"))
    with Project.open(server) as team:
        first = merge_projects(team, [offline])
        second = merge_projects(team, [offline])
        assert first.segments_added == 1 and second.segments_added == 0
        memos = sorted(s.memo for s in team.segments.for_document(doc))
        assert memos == ["", "in de trein", "op de laptop"]
