"""team projects: sibling-name index, team members; on PostgreSQL roles, row-level security,
a code-tree cycle guard and change notifications

Revision ID: 0014_team
Revises: 0010_pseudonymised_documents
Create Date: 2026-12-04 22:00:00

On both engines: ``codes`` gets a unique index on (parent, lower(name)) so the database itself
refuses two siblings of the same name (under concurrency the Python check alone cannot), and
the ``team_members`` table (login role -> coder name).

On PostgreSQL only (a file has one writer and no roles), everything a shared project needs is
installed here so the same migrations create and upgrade it:

- three group roles per project, ``<prefix>_projectleider``, ``<prefix>_codeur`` and
  ``<prefix>_lezer`` (prefix: the database name, kept in project_info ``team.prefix``), with
  grants per table and default privileges for tables later migrations add;
- row-level security: a codeur changes only their own fragments and events and, while blind
  coding is on (project_info ``team.blind`` = ``on``), reads only their own; nobody but the
  projectleider reads the pseudonym key; ``duiding_me()`` says which coder name a login has;
- a trigger that refuses a cycle in the code tree (two people moving codes into each other at
  the same moment), serialised by a transaction advisory lock;
- triggers that ``pg_notify('duiding', …)`` the table, the document and the writer's
  ``application_name`` after each change, so open windows update live.

Creating the roles needs the CREATEROLE privilege: a project on a server is created by its
projectleider (or an administrator), as the README explains.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_team"
down_revision: str | None = "0010_pseudonymised_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Snapshots of this revision's tables (never the live models), as every data migration here.
ALL_TABLES = (
    "alembic_version", "project_info", "coders", "cases", "documents", "speakers", "turns",
    "attributes", "document_attribute_values", "case_attribute_values", "codes", "segments",
    "segment_codes", "memos", "pseudonyms", "matrix_cells", "nlp_cache", "pseudonym_names",
    "event_types", "events", "team_members", "pseudonym_attributes", "survey_columns",
    "survey_imports", "survey_item_codes", "survey_respondents", "groups", "code_group_members",
    "document_group_members", "withdrawals", "pseudonymised_documents",
)
CODEUR_WRITES = ("coders", "segments", "segment_codes", "memos", "events", "nlp_cache",
                 "matrix_cells")
EVERYONE_WRITES = ("nlp_cache",)  # a cache: whoever reads a text may store its analysis
NOTIFY_TABLES = ("segments", "segment_codes", "codes", "memos", "documents", "speakers", "cases",
                 "attributes", "document_attribute_values", "case_attribute_values", "events",
                 "event_types", "project_info", "coders", "team_members")
DOCUMENT_COLUMN = ("segments", "events", "speakers", "document_attribute_values", "memos")


def upgrade() -> None:
    op.create_table(
        "team_members",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("coder", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_team_members")),
    )
    op.create_index("uq_codes_sibling_name", "codes",
                    [sa.text("coalesce(parent_id, 0)"), sa.text("lower(name)")], unique=True)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _postgresql(bind)


def _postgresql(bind: sa.engine.Connection) -> None:
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    prefix = str(database)[:40]
    bind.execute(sa.text("INSERT INTO project_info (key, value) VALUES ('team.prefix', :p), "
                         "('team.blind', 'off')"), {"p": prefix})
    q = bind.dialect.identifier_preparer.quote
    leider, codeur, lezer = (q(f"{prefix}_{r}") for r in ("projectleider", "codeur", "lezer"))
    for role in (leider, codeur, lezer):
        plain = role.strip('"').replace("'", "''")
        op.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{plain}') "
                   f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$")
    op.execute(f"REVOKE ALL ON DATABASE {q(database)} FROM PUBLIC")
    op.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {q(database)} TO {leider}, {codeur}, {lezer}")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {leider}, {codeur}, {lezer}")
    tables = ", ".join(ALL_TABLES)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {leider}")
    op.execute(f"GRANT SELECT ON {tables} TO {codeur}, {lezer}")
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CODEUR_WRITES)} TO {codeur}")
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(EVERYONE_WRITES)} TO {lezer}")
    op.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {leider}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {codeur}")
    op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE "
               f"ON TABLES TO {leider}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {codeur}, "
               f"{lezer}")
    op.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON "
               f"SEQUENCES TO {leider}")

    # Who am I, is blind coding on: used by the policies (SECURITY DEFINER: they read
    # team_members and project_info whatever the caller's own policies say; inside them
    # current_user is the owner, so "me" is the session's login, session_user).
    op.execute("""
        CREATE FUNCTION duiding_me() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
            SELECT COALESCE((SELECT coder FROM team_members WHERE login = session_user),
                            session_user::text)
        $$""")
    op.execute("""
        CREATE FUNCTION duiding_my_coder_ids() RETURNS SETOF integer LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT id FROM coders WHERE name = duiding_me()
        $$""")
    op.execute("""
        CREATE FUNCTION duiding_blind() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
            SELECT COALESCE((SELECT value = 'on' FROM project_info WHERE key = 'team.blind'),
                            false)
        $$""")
    op.execute("""
        CREATE FUNCTION duiding_segment_is_mine(seg integer) RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM segments s WHERE s.id = seg
                           AND s.coder_id IN (SELECT duiding_my_coder_ids()))
        $$""")
    op.execute("""
        CREATE FUNCTION duiding_segment_visible(seg integer) RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT NOT duiding_blind() OR duiding_segment_is_mine(seg)
        $$""")
    for fn in ("duiding_me()", "duiding_my_coder_ids()", "duiding_blind()",
               "duiding_segment_is_mine(integer)", "duiding_segment_visible(integer)"):
        op.execute(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {fn} TO {leider}, {codeur}, {lezer}")

    mine = "coder_id IN (SELECT duiding_my_coder_ids())"
    for table in ("segments", "events"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY leider_all ON {table} TO {leider} USING (true) "
                   "WITH CHECK (true)")
        op.execute(f"CREATE POLICY lezer_read ON {table} FOR SELECT TO {lezer} USING (true)")
        op.execute(f"CREATE POLICY codeur_read ON {table} FOR SELECT TO {codeur} "
                   f"USING (NOT duiding_blind() OR {mine})")
        op.execute(f"CREATE POLICY codeur_insert ON {table} FOR INSERT TO {codeur} "
                   f"WITH CHECK ({mine})")
        op.execute(f"CREATE POLICY codeur_update ON {table} FOR UPDATE TO {codeur} "
                   f"USING ({mine}) WITH CHECK ({mine})")
        op.execute(f"CREATE POLICY codeur_delete ON {table} FOR DELETE TO {codeur} "
                   f"USING ({mine})")
    op.execute("ALTER TABLE segment_codes ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY leider_all ON segment_codes TO {leider} USING (true) "
               "WITH CHECK (true)")
    op.execute(f"CREATE POLICY lezer_read ON segment_codes FOR SELECT TO {lezer} USING (true)")
    op.execute(f"CREATE POLICY codeur_read ON segment_codes FOR SELECT TO {codeur} "
               "USING (duiding_segment_visible(segment_id))")
    for action, clause in (("INSERT", "WITH CHECK (duiding_segment_is_mine(segment_id))"),
                           ("UPDATE", "USING (duiding_segment_is_mine(segment_id)) "
                                      "WITH CHECK (duiding_segment_is_mine(segment_id))"),
                           ("DELETE", "USING (duiding_segment_is_mine(segment_id))")):
        op.execute(f"CREATE POLICY codeur_{action.lower()} ON segment_codes FOR {action} "
                   f"TO {codeur} {clause}")
    # A codeur adds only their own coder row; everyone reads the coder list.
    op.execute("ALTER TABLE coders ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY leider_all ON coders TO {leider} USING (true) WITH CHECK (true)")
    op.execute(f"CREATE POLICY all_read ON coders FOR SELECT TO {codeur}, {lezer} USING (true)")
    op.execute(f"CREATE POLICY codeur_self ON coders FOR INSERT TO {codeur} "
               "WITH CHECK (name = duiding_me())")
    # The pseudonym key and the name list: the projectleider's alone (no policy = no rows).
    for table in ("pseudonyms", "pseudonym_names"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY leider_all ON {table} TO {leider} USING (true) "
                   "WITH CHECK (true)")

    op.execute("""
        CREATE FUNCTION duiding_codes_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.parent_id IS NULL THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN
                RETURN NEW;
            END IF;
            -- one tree move at a time; the query below then sees every committed move
            PERFORM pg_advisory_xact_lock(hashtext('duiding.codes.tree'));
            IF EXISTS (
                WITH RECURSIVE up(id) AS (
                    SELECT NEW.parent_id
                    UNION
                    SELECT c.parent_id FROM codes c JOIN up ON c.id = up.id
                    WHERE c.parent_id IS NOT NULL)
                SELECT 1 FROM up WHERE id = NEW.id) THEN
                RAISE EXCEPTION 'code % cannot be placed inside itself', NEW.id
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_codes_no_cycle';
            END IF;
            RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER codes_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON codes "
               "FOR EACH ROW EXECUTE FUNCTION duiding_codes_no_cycle()")

    doc_tables = ", ".join(f"'{t}'" for t in DOCUMENT_COLUMN)
    op.execute(f"""
        CREATE FUNCTION duiding_notify() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        DECLARE
            r record;
            doc integer;
        BEGIN
            IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
            IF TG_TABLE_NAME IN ({doc_tables}) THEN
                doc := r.document_id;
            ELSIF TG_TABLE_NAME = 'documents' THEN
                doc := r.id;
            ELSIF TG_TABLE_NAME = 'segment_codes' THEN
                SELECT document_id INTO doc FROM segments WHERE id = r.segment_id;
            END IF;
            PERFORM pg_notify('duiding', json_build_object(
                't', TG_TABLE_NAME, 'd', doc,
                'a', current_setting('application_name', true))::text);
            RETURN NULL;
        END $$""")
    for table in NOTIFY_TABLES:
        op.execute(f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION duiding_notify()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in NOTIFY_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        op.execute("DROP TRIGGER IF EXISTS codes_no_cycle ON codes")
        for table in ("segments", "events", "segment_codes", "coders", "pseudonyms",
                      "pseudonym_names"):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.drop_index("uq_codes_sibling_name", table_name="codes")
    op.drop_table("team_members")
