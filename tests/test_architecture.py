"""The layering rules of DESIGN.md section 2, checked on every test run by import-linter."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import venv_tool

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    exe = venv_tool("lint-imports")
    proc = subprocess.run([exe, "--config", str(REPO / "pyproject.toml")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" in proc.stdout and "0 broken" in proc.stdout
