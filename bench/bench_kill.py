"""kill -9, a thousand times: during coding, import, schema upgrade and export (issue #20).

Targets: 0 acknowledged codings lost, 0 projects that do not open, 0 partial files at or beside
an output (and 0 half-imported documents).

Each trial forks a child from this already-imported process (so a trial costs milliseconds,
not an interpreter start), lets it work, and sends SIGKILL after a random delay drawn over the
length of a calibrated, uninterrupted run, so kills land at every stage of the work. Then the
parent checks what a user would: the project opens for writing, every coding the child reported
as done (after `execute` returned) is there, every imported document is whole (its turns and
its sheet's attributes), and the output folder holds nothing but a complete export or nothing.
Size with DUIDING_KILLS (total, split over the four kinds of work).
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coding.commands import ApplyCodes
from coding.interchange_db import snapshot
from coding.project import Project
from coding.types import AttributeType
from exports.chapter import ChapterOptions, write_chapter
from exports.qdpx import write_qdpx
from exports.tables import write_csv, write_xlsx
from importers import read_transcript
from importers.base import ImportedTranscript, Turn
from importers.batch import import_paths

KILLS = int(os.environ.get("DUIDING_KILLS", "1000"))
FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "schema_0001.duiding"
TEXT = "Interviewer: Hoe ging het?\n\nOuder: " + " ".join(
    f"woord{i} wachten hulp" for i in range(20_000)) + "\n"


def _fork(work: Callable[[int], None], delay: float) -> list[str]:
    """Run `work(write_fd)` in a child, kill it after `delay` s; the lines it acknowledged."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        try:
            work(write_fd)
        except BaseException:  # noqa: BLE001 - report nothing, just end
            os._exit(2)
        os._exit(0)
    os.close(write_fd)
    deadline = time.monotonic() + delay
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([read_fd], [], [], left)
        if ready:
            data = os.read(read_fd, 65536)
            if not data:
                break  # the child ended by itself before the kill
            chunks.append(data)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while True:  # what the child wrote before it died is acknowledged too
        data = os.read(read_fd, 65536)
        if not data:
            break
        chunks.append(data)
    os.close(read_fd)
    return [line for line in b"".join(chunks).decode().split("\n") if line]


def _ack(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())


def _calibrate(work: Callable[[int], None]) -> float:
    started = time.monotonic()
    _fork(work, 600.0)
    return time.monotonic() - started


def _opens(path: Path) -> bool:
    try:
        Project.open(path).close()
        return True
    except Exception as exc:  # noqa: BLE001 - what the bench counts
        print(f"  DOES NOT OPEN {path.name}: {exc}", file=sys.stderr)
        return False


def _strays(folder: Path, allowed: set[str]) -> list[str]:
    """Files at or beside an output other than the output (and SQLite's own companions)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in allowed
                  and not p.name.endswith((".lock", "-wal", "-shm")))


# -- coding ----------------------------------------------------------------------------------


def coding_trials(workdir: Path, kills: int, rng: random.Random) -> dict[str, float]:
    path = workdir / "coding.duiding"
    with Project.create(path, coder="Bench") as p:
        p.documents.add_transcript(ImportedTranscript(
            "r1.txt", "txt", TEXT, [Turn(35, len(TEXT) - 1, "Ouder")], "0" * 64))
    state = {"next": 40}

    def work(fd: int) -> None:
        project = Project.open(path, coder="Bench")
        doc = project.documents.list()[0].id
        code = project.codes.by_path("toegang/wachttijd").id
        start = state["next"]
        for i in range(40):
            s = start + i * 7
            project.execute(ApplyCodes(doc, s, s + 5, [code]))
            _ack(fd, str(s))

    duration = _calibrate(work)
    with Project.open(path) as p:
        state["next"] = max(s.end for s in p.segments.query()) + 2
    lost = not_open = acked = 0
    for _ in range(kills):
        starts = [int(x) for x in _fork(work, rng.uniform(0, duration))]
        acked += len(starts)
        if not _opens(path):
            not_open += 1
            continue
        with Project.open(path) as p:
            have = {s.start for s in p.segments.query()}
            state["next"] = max(have | {state["next"]}) + 7 * 41
        lost += sum(1 for s in starts if s not in have)
    return {"kills": kills, "acknowledged codings": acked, "codings lost": lost,
            "not open": not_open, "calibrated run (s)": duration}


# -- import ----------------------------------------------------------------------------------


def import_trials(workdir: Path, kills: int, rng: random.Random) -> dict[str, float]:
    folder = workdir / "interviews"
    folder.mkdir()
    sheet = folder / "respondenten.csv"
    rows = ["bestand;respondent_type;meting;gezin"]
    for i in range(30):
        f = folder / f"r{i:02d}.txt"
        f.write_text("".join(f"Interviewer: vraag {i}.{k}?\n\nOuder: antwoord {k} " * 3 + "\n\n"
                             for k in range(40)), encoding="utf-8")
        rows.append(f"r{i:02d}.txt;ouder;{2023 + i % 2};G-{i // 2}")
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    expected = {f.name: len(read_transcript(f).turns) for f in sorted(folder.glob("*.txt"))}
    template = workdir / "template.duiding"
    Project.create(template).close()
    target = workdir / "import.duiding"

    def work(fd: int) -> None:
        project = Project.open(target)
        import_paths(project, [folder], attributes=sheet,
                     progress=lambda done, _t, _n: _ack(fd, str(done)))

    def fresh() -> None:
        for extra in ("", "-wal", "-shm"):
            Path(str(target) + extra).unlink(missing_ok=True)
        shutil.copy(template, target)

    fresh()
    duration = _calibrate(work)
    not_open = half = documents = 0
    for _ in range(kills):
        fresh()
        _fork(work, rng.uniform(0, duration))
        if not _opens(target):
            not_open += 1
            continue
        with Project.open(target) as p:
            types = {n: t for _, n, t in p.attributes.list()}
            for doc in p.documents.list():
                documents += 1
                whole = (doc.turns == expected.get(doc.name) and doc.attributes.get("meting")
                         and doc.case and types.get("meting") == AttributeType.NUMBER)
                half += not whole
    return {"kills": kills, "documents found after kills": documents,
            "half-imported documents": half, "not open": not_open, "calibrated run (s)": duration}


# -- upgrade ---------------------------------------------------------------------------------


def upgrade_trials(workdir: Path, kills: int, rng: random.Random) -> dict[str, float]:
    folder = workdir / "upgrade"
    folder.mkdir()
    path = folder / "studie.duiding"

    def work(fd: int) -> None:
        Project.open(path).close()
        _ack(fd, "upgraded")

    def fresh() -> None:
        for extra in folder.iterdir():
            extra.unlink()
        shutil.copy(FIXTURE, path)

    fresh()
    duration = _calibrate(work)
    not_open = lost = strays = 0
    for _ in range(kills):
        fresh()
        _fork(work, rng.uniform(0, duration * 1.2))
        if not _opens(path):
            not_open += 1
            continue
        with Project.open(path) as p:
            lost += len(p.segments.query()) != 2
        left = _strays(folder, {"studie.duiding", "studie.backup-schema-0001.duiding"})
        strays += bool(left)
        if left:
            print(f"  LEFT BESIDE THE UPGRADE: {left}", file=sys.stderr)
    return {"kills": kills, "not open": not_open, "codings lost": lost,
            "partial files": strays, "calibrated run (s)": duration}


# -- export ----------------------------------------------------------------------------------


def _complete(path: Path) -> bool:
    if path.suffix in (".docx", ".xlsx", ".qdpx"):
        try:
            with zipfile.ZipFile(path) as zf:
                return zf.testzip() is None
        except zipfile.BadZipFile:
            return False
    data = path.read_bytes()
    return data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")


def export_trials(workdir: Path, kills: int, rng: random.Random) -> dict[str, float]:
    folder = workdir / "bron"
    folder.mkdir()
    for i in range(12):
        (folder / f"r{i:02d}.txt").write_text("".join(
            f"Interviewer: vraag {k}?\n\nOuder: We wachtten lang op de jeugdhulp, {k}.\n\n"
            for k in range(60)), encoding="utf-8")
    path = workdir / "export.duiding"
    with Project.create(path, coder="Bench") as p:
        import_paths(p, [folder])
        code = p.codes.by_path("toegang/wachttijd").id
        for doc in p.documents.list():
            text = p.documents.text(doc.id)
            for k in range(0, 40):
                at = text.find(f"lang op de jeugdhulp, {k}.")
                p.execute(ApplyCodes(doc.id, at, at + 20, [code]))
    out = workdir / "uit"
    kinds: list[tuple[str, Callable[[Project, Path], Any]]] = [
        ("fragmenten.csv", lambda p, d: write_csv(p, d)),
        ("fragmenten.xlsx", lambda p, d: write_xlsx(p, d)),
        ("hoofdstuk.docx", lambda p, d: write_chapter(p, ChapterOptions(), d)),
        ("project.qdpx", lambda p, d: write_qdpx(snapshot(p), d)),
    ]
    strays = incomplete = not_open = 0
    durations = {}
    for name, write in kinds:
        def work(fd: int, write: Any = write, name: str = name) -> None:
            with Project.open(path, readonly=True) as project:
                write(project, out / name)
            _ack(fd, "written")

        out.mkdir(exist_ok=True)
        durations[name] = _calibrate(work)
        shutil.rmtree(out)
    for trial in range(kills):
        name, write = kinds[trial % len(kinds)]
        out.mkdir(exist_ok=True)
        previous = trial % 2 == 1 and (out / name).exists()
        if not previous:
            shutil.rmtree(out)
            out.mkdir()

        def work(fd: int, write: Any = write, name: str = name) -> None:
            with Project.open(path, readonly=True) as project:
                write(project, out / name)
            _ack(fd, "written")

        _fork(work, rng.uniform(0, durations[name] * 1.1))
        left = _strays(out, {name})
        strays += bool(left)
        if left:
            print(f"  LEFT BESIDE THE EXPORT: {left}", file=sys.stderr)
        if (out / name).exists() and not _complete(out / name):
            incomplete += 1
        not_open += not _opens(path)
    return {"kills": kills, "partial files": strays, "incomplete outputs": incomplete,
            "not open": not_open, "calibrated run (s)": max(durations.values())}


def run(workdir: Path) -> list[dict[str, object]]:
    if not hasattr(os, "fork"):
        return []
    os.nice(10)
    rng = random.Random(20261204)
    per = KILLS // 4
    started = time.time()
    results: list[dict[str, object]] = []
    for label, trials in (("coding", coding_trials), ("import", import_trials),
                          ("upgrade", upgrade_trials), ("export", export_trials)):
        t0 = time.time()
        figures = trials(workdir, per, rng)
        print(f"  {label}: {figures} ({time.time() - t0:.0f} s)", file=sys.stderr)
        for key, value in figures.items():
            target = 0 if key in ("codings lost", "not open", "partial files",
                                  "half-imported documents", "incomplete outputs") else None
            results.append({"name": f"{label}: {key}", "value": value, "target": target,
                            "unit": "s" if key.endswith("(s)") else ""})
    results.append({"name": "kill -9 trials in total", "value": per * 4, "unit": "kills",
                    "target": 1000, "better": "higher"})
    results.append({"name": "wall time (nice 10)", "value": (time.time() - started) / 60,
                    "unit": "min"})
    return results
