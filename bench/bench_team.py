"""Team projects on a localhost PostgreSQL server (issue #14): `python -m bench team`.

Targets:
- apply one coding: median < 10 ms;
- 10 coder processes x 500 codings at once: 0 lost, 0 duplicated, integrity intact, every open
  view converged within 1 s of the last write;
- kill -9 of a coder process mid-action: the server state is whole, no lock or advisory lock
  left behind.

The server is a throwaway one (bench/pg_local.py) with PostgreSQL's durable defaults (fsync and
synchronous_commit on, unlike the tests). Each coder is a separate process logged in as its own
codeur; it writes a line per coding only after `execute` returned (acknowledged). The open
views are change listeners in this process that re-read the fragments of every document a
notification names, as the workbench's views do; "converged" is the moment a view holds
exactly what the server holds. Sizes: DUIDING_TEAM_CODERS, DUIDING_TEAM_CODINGS, DUIDING_TEAM_KILLS.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event

from bench.pg_local import LocalServer
from bench.synth import transcript_text
from coding import live
from coding.commands import ApplyCodes
from coding.project import Project
from coding.team import TeamManager
from importers.base import ImportedTranscript

CODERS = int(os.environ.get("DUIDING_TEAM_CODERS", "10"))
CODINGS = int(os.environ.get("DUIDING_TEAM_CODINGS", "500"))
KILLS = int(os.environ.get("DUIDING_TEAM_KILLS", "5"))
DOCS = 10
LEAD = "leider"
REPO = Path(__file__).resolve().parent.parent


def _setup(workdir: Path) -> tuple[LocalServer, str]:
    server = LocalServer(workdir / "pg", fast=False).start()
    pgpass = workdir / "pgpass"
    lines = [f"127.0.0.1:{server.port}:*:{LEAD}:lead-pw"]
    lines += [f"127.0.0.1:{server.port}:*:coder{i:02d}:pw{i}" for i in range(CODERS + 1)]
    pgpass.write_text("\n".join(lines) + "\n")
    pgpass.chmod(0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB CREATEROLE PASSWORD 'lead-pw'")
                     .format(sql.Identifier(LEAD)))
    return server, f"postgresql://{LEAD}@127.0.0.1:{server.port}/teambench"


def _make_project(url: str) -> list[int]:
    rng = random.Random(14)
    with Project.create(url) as p:
        docs = []
        for i in range(DOCS):
            text = transcript_text(rng, 3000)
            docs.append(p.documents.add_transcript(ImportedTranscript(
                f"R{i:02d}.txt", "txt", text, [], hashlib.sha256(text.encode()).hexdigest())))
        team = TeamManager(p)
        for i in range(CODERS + 1):
            team.add_user(f"coder{i:02d}", "codeur", password=f"pw{i}")
    return docs


def _as(url: str, user: str) -> str:
    return url.replace(f"{LEAD}@", f"{user}@")


# -- a coder process ----------------------------------------------------------------------------

def worker(url: str, user: str, n: int, seed: int, out: str) -> None:
    """Code `n` distinct spans; write 'doc start end' per acknowledged coding."""
    rng = random.Random(seed)
    with Project.open(url) as p, open(out, "w", buffering=1) as log:
        docs = [(d.id, d.length) for d in p.documents.list()]
        codes = [c.id for c in p.codes.tree()]
        seen: set[tuple[int, int]] = set()
        done = 0
        while done < n:
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 60)
            if (doc, start) in seen:
                continue
            seen.add((doc, start))
            p.execute(ApplyCodes(doc, start, start + rng.randint(5, 50),
                                 rng.sample(codes, rng.randint(1, 2))))
            log.write(f"{doc} {start} {time.time():.6f}\n")
            done += 1


def _spawn(url: str, user: str, n: int, seed: int, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "bench.bench_team", "worker", url, user,
                             str(n), str(seed), str(out)], env=env, cwd=REPO)


# -- an open view ---------------------------------------------------------------------------------

class View:
    """One open workbench window: the stripes of its open document and the code tree's counts,
    re-read (as the workbench does) when a notification says they changed."""

    def __init__(self, url: str, doc: int) -> None:
        self.project = Project.open(url)
        self.doc = doc
        self.lock = threading.Lock()
        self.stripes = self._stripes()
        self.counts = self.project.codes.counts()
        self.changed_at = time.time()
        self.listener = live.watch(self.project, self._heard)

    def _stripes(self) -> set[int]:
        return {s.id for s in self.project.segments.for_document(self.doc)}  # type: ignore[arg-type]

    def _heard(self, changes: Any) -> None:
        if not changes.segments:
            return
        stripes = self._stripes() if self.doc in changes.segments else None
        counts = self.project.codes.counts()
        with self.lock:
            if stripes is not None:
                self.stripes = stripes
            self.counts = counts
            self.changed_at = time.time()

    def shows(self, stripes: set[int], counts: dict[Any, Any]) -> bool:
        with self.lock:
            return self.stripes == stripes and self.counts == counts

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        self.project.close()


# -- measurements -----------------------------------------------------------------------------------

def _median_apply(url: str) -> tuple[float, float, float, float]:
    """(median ms, 95th percentile ms, statements per coding, median ms of one round trip)."""
    rng = random.Random(1)
    times = []
    statements = [0]
    with Project.open(_as(url, f"coder{CODERS:02d}")) as p:
        event.listen(p.store.engine, "before_cursor_execute",  # type: ignore[attr-defined]
                     lambda *_a, **_k: statements.__setitem__(0, statements[0] + 1))
        docs = [(d.id, d.length) for d in p.documents.list()]
        code = p.codes.by_path("toegang/wachttijd").id
        for _ in range(300):
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 60)
            t = time.perf_counter()
            p.execute(ApplyCodes(doc, start, start + 20, [code]))
            times.append((time.perf_counter() - t) * 1000)
        raw = p.store.raw_connection(autocommit=True)  # type: ignore[attr-defined]
        trips = []
        for _ in range(300):
            t = time.perf_counter()
            raw.execute("SELECT 1").fetchone()
            trips.append((time.perf_counter() - t) * 1000)
        raw.close()
    times.sort()
    return (statistics.median(times), times[int(len(times) * 0.95)],
            (statements[0] + 300) / 300,  # + the COMMIT, which is no cursor statement
            statistics.median(trips))


def _integrity(admin: psycopg.Connection) -> dict[str, int]:
    one = lambda q: int(admin.execute(q).fetchone()[0])  # noqa: E731
    return {
        "duplicates": one("SELECT count(*) FROM (SELECT 1 FROM segments GROUP BY document_id, "
                          "start, \"end\", coder_id HAVING count(*) > 1) d"),
        "fragments_without_codes": one("SELECT count(*) FROM segments s WHERE NOT EXISTS "
                                       "(SELECT 1 FROM segment_codes c WHERE c.segment_id = s.id)"),
        "sibling_name_clashes": one("SELECT count(*) FROM (SELECT 1 FROM codes GROUP BY "
                                    "coalesce(parent_id, 0), lower(name) HAVING count(*) > 1) d"),
        "codes_in_a_cycle": one("""WITH RECURSIVE up(id, anc, depth) AS (
                SELECT id, parent_id, 1 FROM codes WHERE parent_id IS NOT NULL
                UNION ALL SELECT up.id, c.parent_id, depth + 1 FROM up JOIN codes c
                ON c.id = up.anc WHERE c.parent_id IS NOT NULL AND depth < 100)
            SELECT count(*) FROM up WHERE anc = id"""),
    }


def _leftover_locks(admin: psycopg.Connection, database: str) -> tuple[int, int, int]:
    """(advisory locks, other relation locks, sessions idle in transaction) of coders."""
    adv = admin.execute("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = "
                        "l.database WHERE l.locktype = 'advisory' AND d.datname = %s",
                        (database,)).fetchone()[0]
    rel = admin.execute("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = "
                        "l.pid WHERE a.datname = %s AND a.usename LIKE 'coder%%' AND "
                        "l.locktype <> 'virtualxid'", (database,)).fetchone()[0]
    idle = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND "
                         "state LIKE 'idle in transaction%%'", (database,)).fetchone()[0]
    return int(adv), int(rel), int(idle)


def run(workdir: Path) -> list[dict[str, object]]:
    server, url = _setup(workdir)
    results: list[dict[str, object]] = []
    try:
        docs = _make_project(url)
        median, p95, statements, trip = _median_apply(url)
        results.append({"name": "team: apply one coding (PostgreSQL, localhost), median",
                        "value": round(median, 2), "unit": "ms", "target": 10})
        results.append({"name": "team: apply one coding, 95th percentile",
                        "value": round(p95, 2), "unit": "ms"})
        results.append({"name": "team: round trips to the server per coding (statements + "
                                 "commit)", "value": round(statements, 1), "unit": "trips"})
        results.append({"name": "team: one round trip (SELECT 1) on this machine, median",
                        "value": round(trip, 2), "unit": "ms"})

        with psycopg.connect(server.admin_url("teambench"), autocommit=True) as admin:
            before = int(admin.execute("SELECT count(*) FROM segments").fetchone()[0])
        views = [View(url, docs[i]) for i in range(3)]
        logs = [workdir / f"coder{i:02d}.log" for i in range(CODERS)]
        began = time.time()
        procs = [_spawn(_as(url, f"coder{i:02d}"), f"coder{i:02d}", CODINGS, 100 + i, logs[i])
                 for i in range(CODERS)]
        codes = [p.wait(timeout=1800) for p in procs]
        acknowledged = [line.split() for log in logs for line in log.read_text().splitlines()]
        last_write = max(float(a[2]) for a in acknowledged)
        with psycopg.connect(server.admin_url("teambench"), autocommit=True) as admin:
            final = {r[0] for r in admin.execute("SELECT id FROM segments")}
            per_doc = {d: {r[0] for r in admin.execute(
                "SELECT id FROM segments WHERE document_id = %s", (d,))} for d in docs[:3]}
            stored = {(r[0], r[1], r[2]) for r in admin.execute(
                "SELECT s.document_id, s.start, c.name FROM segments s JOIN coders c "
                "ON c.id = s.coder_id")}
            integrity = _integrity(admin)
        lost = sum(1 for i, log in enumerate(logs) for line in log.read_text().splitlines()
                   if (int(line.split()[0]), int(line.split()[1]), f"coder{i:02d}") not in stored)
        truth = views[0].project.codes.counts()  # what the server holds now
        deadline = time.time() + 30
        while time.time() < deadline and not all(v.shows(per_doc[v.doc], truth) for v in views):
            time.sleep(0.01)
        converged = [v.changed_at - last_write if v.shows(per_doc[v.doc], truth)
                     else float("inf") for v in views]
        for v in views:
            v.close()
        elapsed = last_write - began
        results += [
            {"name": f"team: {CODERS} coder processes x {CODINGS} codings, acknowledged",
             "value": len(acknowledged), "unit": "codings", "target": CODERS * CODINGS,
             "better": "higher"},
            {"name": "team: acknowledged codings lost", "value": lost, "unit": "codings",
             "target": 0},
            {"name": "team: codings stored twice (same coder, document, span)",
             "value": integrity["duplicates"] + max(0, len(final) - before - len(acknowledged)),
             "unit": "codings", "target": 0},
            {"name": "team: integrity violations (fragments without codes, sibling clashes, "
                     "cycles)", "value": integrity["fragments_without_codes"]
             + integrity["sibling_name_clashes"] + integrity["codes_in_a_cycle"],
             "unit": "rows", "target": 0},
            {"name": "team: worker processes that failed", "value": sum(1 for c in codes if c),
             "unit": "processes", "target": 0},
            {"name": "team: throughput of all coders together",
             "value": round(len(acknowledged) / elapsed, 1), "unit": "codings/s"},
            {"name": "team: slowest open view converged after the last write",
             "value": round(max(converged), 3), "unit": "s", "target": 1},
        ]
        results += _kills(server, url, workdir)
    finally:
        server.stop()
    return results


def _kills(server: LocalServer, url: str, workdir: Path) -> list[dict[str, object]]:
    rng = random.Random(9)
    worst_locks, worst_cleanup, problems = 0, 0.0, 0
    with psycopg.connect(server.admin_url("teambench"), autocommit=True) as admin:
        for k in range(KILLS):
            log = workdir / f"kill{k}.log"
            proc = _spawn(_as(url, f"coder{k % CODERS:02d}"), "k", 10_000, 500 + k, log)
            started = time.time()  # wait until it codes, then kill at a random moment
            while time.time() - started < 120 and (
                    not log.exists() or log.read_text().count("\n") < 5):
                time.sleep(0.02)
            time.sleep(rng.random() * 0.3)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed = time.time()
            left = _leftover_locks(admin, "teambench")
            while any(left) and time.time() - killed < 30:
                time.sleep(0.05)
                left = _leftover_locks(admin, "teambench")
            worst_cleanup = max(worst_cleanup, time.time() - killed)
            worst_locks = max(worst_locks, sum(left))
            integrity = _integrity(admin)
            problems += sum(integrity.values())
            stored = {(r[0], r[1]) for r in admin.execute(
                "SELECT s.document_id, s.start FROM segments s JOIN coders c ON c.id = "
                "s.coder_id WHERE c.name = %s", (f"coder{k % CODERS:02d}",))}
            problems += sum(1 for line in log.read_text().splitlines()
                            if (int(line.split()[0]), int(line.split()[1])) not in stored)
    return [
        {"name": f"team: kill -9 of a coder process mid-coding ({KILLS}x): locks, advisory "
                 "locks or open transactions left", "value": worst_locks, "unit": "locks",
         "target": 0},
        {"name": "team: kill -9: acknowledged codings lost + integrity violations",
         "value": problems, "unit": "rows", "target": 0},
        {"name": "team: kill -9: server released the dead coder's session after",
         "value": round(worst_cleanup, 3), "unit": "s"},
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        import json
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run(Path(tmp)), indent=2))
