"""Shared test setup: offscreen Qt, redirected user dirs, and the shared corpus when present.

Every test gets its own settings and user directories (platformdirs and QSettings) so nothing
leaks from a developer's machine into a run, or between tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
REFI_QDA = SHARED / "refi-qda"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    # The user cache is kept shared across tests on purpose: deduce builds a ~77 MB lookup cache
    # once (minutes), and every later load reuses it, exactly as on a researcher's machine.
    monkeypatch.setenv("DUIDING_SETTINGS_DIR", str(home / "settings"))


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus; tests that need it are skipped, saying so, when it is absent."""
    if not (CORPUS / "README.md").exists():
        pytest.skip(f"shared corpus not found at {CORPUS}: acceptance test not run")
    return CORPUS


@pytest.fixture
def refi_qda_dir() -> Path:
    if not (REFI_QDA / "schema" / "Project.xsd").exists():
        pytest.skip(f"shared REFI-QDA material not found at {REFI_QDA}: test not run")
    return REFI_QDA


# -- both stores ---------------------------------------------------------------------------------

from tests.pg import Places, make_places, pg_server  # noqa: E402, F401  (fixtures)

STORES = ("sqlite", "postgresql")


@pytest.fixture(params=STORES)
def places(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Fresh project locations, once on a file and once on the test PostgreSQL server."""
    yield from make_places(request, request.param, tmp_path)


@pytest.fixture
def server_places(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Project locations on the test PostgreSQL server only (team features)."""
    yield from make_places(request, "postgresql", tmp_path)


__all__ = ["Places"]
