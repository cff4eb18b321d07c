"""Small builders shared by tests: a project in tmp_path with a transcript or two."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from coding.project import Project
from coding.pseudonymise import service as pseudonyms
from coding.types import DocumentId
from importers.base import ImportedTranscript, Turn
from tests.pg import Places


def venv_tool(name: str) -> str:
    """A console tool installed beside the running interpreter (`.venv/bin/ruff`...).

    Never looked up on PATH: the README runs `.venv/bin/python -m pytest` without activating the
    venv, so PATH may hold another version of the tool or none at all. Missing is a failure, not
    a skip: the tool is a test dependency in pyproject.toml.
    """
    folder = Path(sys.executable).parent
    found = shutil.which(name, path=str(folder))
    assert found, f"{name} is not installed beside {sys.executable}; run pip install -e '.[test]'"
    return found


EMOJI_TEXT = (
    "Interviewer: Hoe was de hulp? 🙂\n\n"
    "Moeder: Eerlijk gezegd 😤 wás het een zoektocht. Café-eigenaar Zoë hielp ons, "
    "𝒜 vreemde tijd. We wachtten zeven maanden 👨‍👩‍👧 op Meerstroom."
)


def transcript(name: str, text: str, attributes: dict[str, str] | None = None) -> ImportedTranscript:
    """A transcript with `Label: text` paragraphs turned into turns (label excluded)."""
    turns, pos = [], 0
    for para in text.split("\n\n"):
        label, sep, _ = para.partition(": ")
        if sep and len(label) < 30:
            turns.append(Turn(pos + len(label) + 2, pos + len(para), label))
        pos += len(para) + 2
    return ImportedTranscript(name, "txt", text, turns,
                              hashlib.sha256(text.encode()).hexdigest(), attributes or {})


def project_with(where: Path | Places, *texts: tuple[str, str, dict[str, str]],
                 coder: str = "Sanne") -> tuple[Project, list[DocumentId]]:
    """A project 'studie' with these transcripts: a file in the folder `where`, or at the
    `places` fixture's store (a file, or a database on the test PostgreSQL server)."""
    location = where.new("studie") if isinstance(where, Places) else where / "studie.duiding"
    project = Project.create(location, coder=coder)
    ids = [project.documents.add_transcript(transcript(n, t, a)) for n, t, a in texts]
    return project, ids


def pseudonymise(project: Project) -> int:
    """What a researcher does before exporting: detect (name list and own rules; without deduce,
    which takes seconds to load), apply every detection and confirm. Returns the entities."""
    entities = pseudonyms.detect(project, use_deduce=False)
    pseudonyms.save_review(project, entities)
    project.execute(pseudonyms.ApplyPseudonyms(entities))
    pseudonyms.confirm(project)
    return len(entities)


def pseudonymised_file(path: Path) -> Path:
    """Pseudonymise the project file at ``path`` (see :func:`pseudonymise`); returns it."""
    with Project.open(path) as project:
        pseudonymise(project)
    return path


def unprivileged_folder() -> Path:
    """A fresh folder for permission tests (see `run_unprivileged`)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="duiding-perm-"))


def run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m app ARGS`` so that read-only files and folders really are read-only to it.

    Root ignores permission bits through two capabilities (DAC override and DAC read/search);
    as root, the child drops them from its bounding set before it starts, so it is an owner
    like any user (the interpreter under /root stays reachable, being root's own).
    """
    import ctypes
    import os

    repo = Path(__file__).resolve().parents[1]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(repo), "HOME": str(cwd),
           "DUIDING_CODER": "Sanne", "LANG": "C.UTF-8"}

    def drop() -> None:
        if os.geteuid() == 0:
            libc = ctypes.CDLL(None, use_errno=True)
            for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                    raise OSError(ctypes.get_errno(), "cannot drop capability")

    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, preexec_fn=drop, timeout=120)
