"""Roles enforced by the server: a codeur connection issuing raw SQL cannot read hidden fragments,
cannot change or delete another coder's fragment, cannot touch the codebook or read the
pseudonym key (tested with SQL, not through Duiding's API)."""

from __future__ import annotations

import psycopg
import pytest

from coding.commands import AddCode, ApplyCodes
from coding.project import Project
from coding.team import TeamManager
from models.base import Base
from models.errors import PermissionDeniedError
from tests.helpers import project_with
from tests.pg import Places

TEXT = "Interviewer: Hoe ging het?\n\nMoeder: We wachtten zeven maanden op hulp van Meerstroom."


@pytest.fixture
def team(server_places: Places):  # type: ignore[no-untyped-def]
    lead, (doc,) = project_with(server_places, ("r1.txt", TEXT, {}))
    cluster = server_places.cluster
    assert cluster is not None
    team = TeamManager(lead)
    for login, role in (("anna", "codeur"), ("bram", "codeur"), ("lotte", "lezer")):
        team.add_user(login, role, password=f"{login}-pw")
        cluster.remember(login, f"{login}-pw")
    yield lead, doc, server_places, cluster
    lead.close()


def _open(places: Places, user: str) -> Project:
    url = places.location("studie")
    return Project.open(str(url).replace("leider@", f"{user}@"))


def test_each_user_gets_the_role_the_lead_gave(team) -> None:  # type: ignore[no-untyped-def]
    lead, _doc, places, _cluster = team
    assert lead.store.role == "projectleider"
    with _open(places, "anna") as anna, _open(places, "lotte") as lotte:
        assert (anna.store.role, anna.coder) == ("codeur", "anna")
        assert lotte.store.role == "lezer"
    members = {m.login: m.role for m in TeamManager(lead).members()}
    assert members == {"anna": "codeur", "bram": "codeur", "lotte": "lezer"}
    TeamManager(lead).set_role("lotte", "codeur")
    with _open(places, "lotte") as lotte:
        assert lotte.store.role == "codeur"


def test_blind_coding_holds_on_the_server(team) -> None:  # type: ignore[no-untyped-def]
    lead, doc, places, cluster = team
    TeamManager(lead).set_blind(True)
    code = lead.codes.by_path("toegang").id
    with _open(places, "anna") as anna:
        anna.execute(ApplyCodes(doc, 41, 48, [code], memo="van Anna"))
        anna_segment = anna.segments.for_document(doc)[0].id
    with _open(places, "bram") as bram:
        bram.execute(ApplyCodes(doc, 41, 48, [code]))  # the same passage: both keep theirs
        assert [s.coder for s in bram.segments.for_document(doc)] == ["bram"]
    assert sorted(s.coder for s in lead.segments.for_document(doc)) == ["anna", "bram"]

    database = places.database("studie")
    with cluster.connect(database, "bram", "bram-pw") as raw:
        seen = raw.execute("SELECT id FROM segments").fetchall()
        assert anna_segment not in [r[0] for r in seen] and len(seen) == 1
        assert raw.execute("SELECT count(*) FROM segment_codes WHERE segment_id = %s",
                           (anna_segment,)).fetchone() == (0,)
        assert raw.execute("DELETE FROM segments WHERE id = %s", (anna_segment,)).rowcount == 0
        assert raw.execute("UPDATE segments SET memo = 'weg' WHERE id = %s",
                           (anna_segment,)).rowcount == 0
        anna_coder = raw.execute("SELECT id FROM coders WHERE name = 'anna'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO segments (guid, document_id, start, \"end\", coder_id, memo,"
                        " key_quote, created, modified) VALUES ('x', %s, 1, 5, %s, '', false, "
                        "now(), now())", (doc, anna_coder))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("UPDATE project_info SET value = 'off' WHERE key = 'team.blind'")

    TeamManager(lead).set_blind(False)  # the lead reveals
    with cluster.connect(database, "bram", "bram-pw") as raw:
        assert raw.execute("SELECT count(*) FROM segments").fetchone() == (2,)
        # Revealed is readable, still not Bram's to delete or change.
        assert raw.execute("DELETE FROM segments WHERE id = %s", (anna_segment,)).rowcount == 0
        assert raw.execute("DELETE FROM segment_codes WHERE segment_id = %s",
                           (anna_segment,)).rowcount == 0
    (kept,) = [s for s in lead.segments.for_document(doc) if s.coder == "anna"]
    assert kept.memo == "van Anna" and kept.codes == ["toegang"]


def test_codeur_cannot_change_the_codebook_or_read_the_key(team) -> None:  # type: ignore[no-untyped-def]
    lead, _doc, places, cluster = team
    with cluster.connect(places.database("studie"), "leider") as raw:  # the lead's key
        raw.execute("INSERT INTO pseudonyms (entity, type, pseudonym, status) "
                    "VALUES ('Meerstroom', 'organisation', 'Zorgaanbieder A', 'accepted')")
    database = places.database("studie")
    for user in ("anna", "lotte"):
        with cluster.connect(database, user, f"{user}-pw") as raw:
            assert raw.execute("SELECT count(*) FROM pseudonyms").fetchone() == (0,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute("INSERT INTO codes (guid, name, definition, colour, shortcut, "
                            "position, keywords) VALUES ('g', 'eigen', '', '#000', '', 9, '')")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute("DELETE FROM documents")
    with cluster.connect(database, "lotte", "lotte-pw") as raw, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute("DELETE FROM segments")
    # Through Duiding the same refusals are one clear sentence naming the role.
    with _open(places, "anna") as anna, pytest.raises(PermissionDeniedError, match="codeur"):
        anna.execute(AddCode("eigen thema"))


def test_every_table_is_granted_to_every_role(team) -> None:  # type: ignore[no-untyped-def]
    """A table an earlier migration made (the withdrawal log, say) is readable by every role:
    a missing grant would fail at the first screen that reads it."""
    _lead, _doc, places, cluster = team
    for user in ("anna", "lotte"):
        with cluster.connect(places.database("studie"), user, f"{user}-pw") as raw:
            for table in sorted(Base.metadata.tables):
                raw.execute(f'SELECT count(*) FROM "{table}"')  # no InsufficientPrivilege
