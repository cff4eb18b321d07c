"""Tables of team projects: who on the server codes under which coder name.

Kept apart from models/schema.py (like analysis_models.py). In a team project on PostgreSQL the
server decides who you are: your coder name is your login role, or the name ``team_members``
links it to (a student who pushed a laptop project coded as "Sanne" and logs in as ``s12345``).
The row-level security policies read this table through ``duiding_me()``. A project file has
the table too (the schema is one), unused until the project is pushed to a server.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class TeamMember(Base):
    __tablename__ = "team_members"
    login: Mapped[str] = mapped_column(String(63), primary_key=True)  # a PostgreSQL role name
    coder: Mapped[str] = mapped_column(String(200))
