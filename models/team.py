"""Team administration on the server: roles of a project, its members, blind coding.

Roles are PostgreSQL group roles made by migration 0014_team, named after the project's prefix
(project_info ``team.prefix``): ``<prefix>_projectleider``, ``<prefix>_codeur``,
``<prefix>_lezer``. A member is a login role that is a member of exactly one of them; the
server enforces what each may do (grants and row-level security), so these functions only
manage membership. They run in the caller's transaction (``store.write()``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.errors import NotFoundError, PermissionDeniedError, ValidationError

ROLES = ("projectleider", "codeur", "lezer")


@dataclass(frozen=True)
class Member:
    login: str
    role: str
    coder: str


def prefix(s: Session) -> str:
    value = s.execute(text("SELECT value FROM project_info WHERE key = 'team.prefix'")).scalar()
    if not value:
        raise ValidationError("this project has no team roles (it was not created on a server).")
    return str(value)


def group_role(s: Session, role: str) -> str:
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r}: choose {', '.join(ROLES)}.")
    return f"{prefix(s)}_{role}"


def role_of(s: Session) -> tuple[str, str]:
    """(role, coder name) of the connected user. The owner of the project's tables and a
    superuser count as projectleider (they bypass row-level security anyway)."""
    row = s.execute(text("""
        SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
               OR pg_has_role(current_user, (SELECT relowner FROM pg_class
                                             WHERE oid = 'public.segments'::regclass),
                              'MEMBER'),
               duiding_me()
    """)).one()
    if row[0]:
        return "projectleider", str(row[1])
    pre = prefix(s)
    for role in ROLES:
        member = s.execute(text(
            "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = :r"),
            {"r": f"{pre}_{role}"}).scalar()
        if member:
            return role, str(row[1])
    return "", str(row[1])


def _quote(s: Session, name: str) -> str:
    return s.get_bind().dialect.identifier_preparer.quote_identifier(name)


def _check_login(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 63 or any(ch in name for ch in '"\0'):
        raise ValidationError(f"{name!r} cannot be a user name on the server.")
    return name


def add_user(s: Session, login: str, role: str, *, password: str | None = None,
             coder: str | None = None) -> bool:
    """Give `login` a role in this project (creating the login when it does not exist yet,
    with `password`); returns True when the login was created. `coder` links the login to
    the coder name its fragments carry (e.g. the name used on a laptop before the push)."""
    login = _check_login(login)
    exists = s.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar()
    try:
        if not exists:
            clause = ""
            if password:
                # The password goes to the server only (encrypted there); never into a file.
                literal = s.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
                clause = f" PASSWORD {literal}"
            s.execute(text(f"CREATE ROLE {_quote(s, login)} LOGIN{clause}"))
        set_role(s, login, role)
    except PermissionDeniedError:
        raise
    except Exception as exc:
        if "permission denied" in str(exc).lower() or "must have" in str(exc).lower():
            raise PermissionDeniedError(
                f"you may not manage users on this server ({' '.join(str(exc).split()[:12])}); "
                "the projectleider needs the CREATEROLE privilege.") from None
        raise
    if coder is not None and coder.strip():
        s.execute(text("DELETE FROM team_members WHERE login = :l"), {"l": login})
        s.execute(text("INSERT INTO team_members (login, coder) VALUES (:l, :c)"),
                  {"l": login, "c": " ".join(coder.split())})
    return not exists


def set_role(s: Session, login: str, role: str) -> None:
    wanted = group_role(s, role)
    login = _check_login(login)
    if not s.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
        raise NotFoundError(f"the server has no user {login}; add it with duiding team add-user.")
    pre = prefix(s)
    for other in ROLES:
        name = f"{pre}_{other}"
        if name != wanted:
            s.execute(text(f"REVOKE {_quote(s, name)} FROM {_quote(s, login)}"))
    s.execute(text(f"GRANT {_quote(s, wanted)} TO {_quote(s, login)}"))


def remove_user(s: Session, login: str) -> None:
    pre = prefix(s)
    for role in ROLES:
        s.execute(text(f"REVOKE {_quote(s, pre + '_' + role)} FROM {_quote(s, _check_login(login))}"))
    s.execute(text("DELETE FROM team_members WHERE login = :l"), {"l": login})


def members(s: Session) -> list[Member]:
    pre = prefix(s)
    rows = s.execute(text("""
        SELECT m.rolname, g.rolname, COALESCE(t.coder, m.rolname)
        FROM pg_auth_members am
        JOIN pg_roles g ON g.oid = am.roleid
        JOIN pg_roles m ON m.oid = am.member
        LEFT JOIN team_members t ON t.login = m.rolname
        WHERE g.rolname IN (:a, :b, :c)
          AND NOT am.admin_option  -- PostgreSQL 16 makes the roles' creator an admin member
        ORDER BY m.rolname
    """), {"a": f"{pre}_projectleider", "b": f"{pre}_codeur", "c": f"{pre}_lezer"}).all()
    return [Member(str(login), str(group)[len(pre) + 1:], str(coder))
            for login, group, coder in rows]


def blind(s: Session) -> bool:
    return s.execute(text("SELECT value FROM project_info WHERE key = 'team.blind'")
                     ).scalar() == "on"


def set_blind(s: Session, on: bool) -> None:
    """Blind coding on (each codeur reads only their own fragments) or off (revealed)."""
    s.execute(text("UPDATE project_info SET value = :v WHERE key = 'team.blind'"),
              {"v": "on" if on else "off"})
