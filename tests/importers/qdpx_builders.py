"""Hand-made .qdpx files for reader tests: a project.qde body and the files beside it."""

from __future__ import annotations

import zipfile
from pathlib import Path

P_NS = "urn:QDA-XML:project:1.0"


def qdpx_file(tmp_path: Path, qde: str, files: dict[str, bytes] | None = None,
              qde_name: str = "project.qde", name: str = "p.qdpx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, qde.encode("utf-8"))
        for member, data in (files or {}).items():
            zf.writestr(member, data)
    return path


def project_qde(body: str, ns: str = P_NS, origin: str = "Test") -> str:
    xmlns = f' xmlns="{ns}"' if ns else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><Project{xmlns} name="t" origin="{origin}">'
            f"{body}</Project>")
