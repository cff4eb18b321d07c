"""Facts about this installation for the About window, crash logs and support questions.

One home for "which version, which NLP pipeline, which schema, where are my files": the About
window shows these, a crash log records them, and a student can copy them into an e-mail.
Qt-free; it imports nothing heavy (spaCy is not loaded to learn which pipeline will be used).
The folders and the version live in `coding.locations`, which start-up code can import without
the rest of the core.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from coding.locations import cache_dir, data_dir, frozen, log_dir, version
from coding.nlp.service import expected_pipeline_name
from coding.project import Project
from coding.pseudonymise.deduce_backend import cache_dir as deduce_cache_dir
from models.store import head_revision

__all__ = ["Facts", "cache_dir", "data_dir", "facts", "frozen", "log_dir", "version"]

@dataclass(frozen=True, slots=True)
class Facts:
    version: str
    python: str
    system: str
    frozen: bool
    pipeline: str
    schema_head: str
    project_schema: str | None  # None: no project open
    project_path: Path | str | None  # a file, or a team project's address (no password)
    data_dir: Path
    log_dir: Path
    cache_dir: Path
    deduce_cache_dir: Path

    def as_text(self, qt_version: str = "") -> str:
        """Plain lines for a crash log or an e-mail (labels in English: read by the developers)."""
        lines = [
            f"Duiding {self.version}{' (app)' if self.frozen else ''}",
            f"Python {self.python}" + (f", Qt {qt_version}" if qt_version else ""),
            f"System: {self.system}",
            f"NLP pipeline: {self.pipeline}",
            f"Schema revision of this version: {self.schema_head}",
        ]
        if self.project_path is not None:
            lines.append(f"Project: {self.project_path} (schema {self.project_schema})")
        lines += [f"Data: {self.data_dir}", f"Logs: {self.log_dir}",
                  f"Cache: {self.cache_dir}", f"deduce cache: {self.deduce_cache_dir}"]
        return "\n".join(lines)


def facts(project: Project | None = None) -> Facts:
    return Facts(
        version=version(),
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        frozen=frozen(),
        pipeline=expected_pipeline_name(),
        schema_head=head_revision(),
        project_schema=project.store.revision() if project is not None else None,
        project_path=(project.location if project.is_server else project.path)
        if project is not None else None,
        data_dir=data_dir(),
        log_dir=log_dir(),
        cache_dir=cache_dir(),
        deduce_cache_dir=deduce_cache_dir(),
    )
