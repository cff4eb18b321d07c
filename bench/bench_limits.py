"""The resource cases of issue #20 at full size: imported or refused within 30 s and 1 GB.

Each file is imported into a fresh project by ``importers.batch.import_paths`` (read, check,
store) in a process of its own, so its time and peak memory are its own. The cases are the ones
the issue measured (a 725-byte ODT asking for 400 million spaces three times, a 190 MB text
file, a 98 MB .docx holding 250 MB of XML, a sheet of 10,000 columns for one document) and files
just inside the documented limits (``importers/limits.py``), which must be imported, not refused.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

LIMIT_SECONDS = 30.0
LIMIT_MB = 1024.0

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from coding.project import Project
from importers.batch import import_paths
path, sheet = Path(sys.argv[1]), sys.argv[2] or None
started = time.perf_counter()
with Project.create(path.with_name(path.name + ".duiding")) as project:
    summary = import_paths(project, [path], attributes=sheet)
    outcome = summary.outcomes[0]
    attrs = len(project.documents.list()[0].attributes) if summary.imported else 0
print(json.dumps({"seconds": time.perf_counter() - started, "status": outcome.status,
                  "reason": outcome.reason, "attributes": attrs,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _words(rng: random.Random, n: int) -> str:
    vocab = ["we", "wachtten", "maanden", "op", "de", "jeugdhulp", "en", "de", "school", "belde", "niet", "terug", "toen", "de", "hulpverlener", "eindelijk", "kwam", "ging", "het", "beter", "zeven", "weken", "later"]
    return " ".join(rng.choice(vocab) for _ in range(n))


def _odt_spaces(folder: Path) -> Path:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:text><text:p>Ouder:' + '<text:s text:c="400000000"/>' * 3
               + 'ja</text:p></office:text></office:body></office:document-content>')
    path = folder / "spaties.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?>'
                    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                    'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-'
                    'type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                    'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
    return path


def _txt(folder: Path, name: str, megabytes: float, rng: random.Random) -> Path:
    path = folder / name
    block = "".join(f"Interviewer: {_words(rng, 12)}?\n\nOuder: {_words(rng, 60)}.\n\n"
                    for _ in range(200)).encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(int(megabytes * 1024 * 1024 / len(block))):
            fh.write(block)
    return path


def _docx(folder: Path, name: str, xml_megabytes: float, rng: random.Random) -> Path:
    """A real Word file whose document.xml is about `xml_megabytes` (python-docx's own parts)."""
    import io

    import docx

    base = io.BytesIO()
    docx.Document().save(base)
    para = "".join(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ouder:</w:t></w:r><w:r><w:t xml:space='
                   f'"preserve"> {_words(rng, 40)}</w:t></w:r></w:p>' for _ in range(50))
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://'
            'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    path = folder / name
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info, old.read(info))
        with new.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head.encode())
            for _ in range(int(xml_megabytes * 1024 * 1024 / len(para))):
                member.write(para.encode())
            member.write(b"</w:body></w:document>")
    return path


def _sheet(folder: Path, columns: int) -> tuple[Path, Path]:
    transcript = folder / "r1.txt"
    transcript.write_text("Interviewer: Hoe ging het?\n\nOuder: Goed.\n", encoding="utf-8")
    sheet = folder / "respondenten.csv"
    sheet.write_text(";".join(["bestand", *(f"kenmerk{i}" for i in range(columns))]) + "\n"
                     + ";".join(["r1.txt", *(str(i) for i in range(columns))]) + "\n",
                     encoding="utf-8")
    return transcript, sheet


def _measure(path: Path, sheet: Path | None = None) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(sheet or "")],
                          capture_output=True, text=True, timeout=900,
                          cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        return {"seconds": float("nan"), "status": "crashed", "reason": done.stderr[-300:],
                "mb": float("nan")}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(workdir: Path) -> list[dict[str, object]]:
    rng = random.Random(20)
    cases = [
        ("725-byte ODT asking for 3 x 400 million spaces", _odt_spaces(workdir), None, "refused"),
        ("190 MB .txt", _txt(workdir, "groot.txt", 190, rng), None, "refused"),
        ("docx holding 250 MB of XML", _docx(workdir, "groot.docx", 250, rng), None, "refused"),
        ("10,000-column sheet, one document", *_sheet(workdir, 10_000), "imported"),
        ("9.5 MB .txt (inside the 10 MB limit)", _txt(workdir, "grens.txt", 9.5, rng), None,
         "imported"),
        ("docx with 12 MB of XML (about 8 million characters, inside the limits)",
         _docx(workdir, "grens.docx", 12, rng), None, "imported"),
    ]
    results: list[dict[str, object]] = []
    for label, path, sheet, expected in cases:
        got = _measure(path, sheet)
        status = "imported" if got["status"] == "imported" else "refused"
        print(f"  {label}: {got}", file=sys.stderr)
        results.append({"name": f"{label}: seconds ({got['status']} {got['reason']})".strip(),
                        "value": got["seconds"], "unit": "s", "target": LIMIT_SECONDS})
        results.append({"name": f"{label}: peak memory", "value": got["mb"], "unit": "MB",
                        "target": LIMIT_MB})
        results.append({"name": f"{label}: {expected} as it should be",
                        "value": int(status == expected), "unit": "", "target": 1,
                        "better": "higher"})
    return results
