"""Alembic environment: always run on the connection the project store hands in.

The caller (``models.upgrade.upgrade_schema``) has already opened the one transaction the whole
upgrade runs in, so ``begin_transaction`` below joins it instead of committing per step.
"""

from alembic import context

from models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI
    raise RuntimeError("Run migrations through models.store (ProjectStore), not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table. On PostgreSQL batch
    # operations run as plain ALTER statements (Alembic only recreates tables on SQLite).
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    transaction_per_migration=False,
    on_version_apply=config.attributes.get("on_version_apply"),
)
with context.begin_transaction():
    context.run_migrations()
