"""Hear other people's changes to a team project: PostgreSQL LISTEN/NOTIFY on a thread.

Migration 0014_team's triggers send ``pg_notify('duiding', {"t": table, "d": document id,
"a": writer's application_name})`` after every change; they arrive when the writer commits.
A `ChangeListener` holds one extra connection that only listens, on a daemon thread, so the GUI
thread never waits on the network. It drops its own project's notifications (the writer's
``application_name`` is this store's tag: those changes were already reported), gathers what
arrives within a short window into one batch and hands it to ``on_changes`` (on the listener's
thread: the GUI marshals it to its own).

When the connection breaks the listener says ``on_status(False)`` (offline) and tries again
every second; back online it says ``on_status(True)`` and sends ``{"t": "*"}``: notifications
sent meanwhile were lost, so everything shown must be read again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from models.server_store import ServerStore

log = logging.getLogger(__name__)

CHANNEL = "duiding"
Payload = dict[str, Any]
EVERYTHING: Payload = {"t": "*", "d": None}


class ChangeListener:
    def __init__(self, store: ServerStore, on_changes: Callable[[list[Payload]], None],
                 on_status: Callable[[bool], None] | None = None, *, window: float = 0.05,
                 retry: float = 1.0) -> None:
        self._store = store
        self._on_changes = on_changes
        self._on_status = on_status or (lambda _online: None)
        self._window, self._retry = window, retry
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="duiding-listener", daemon=True)
        self.online = False
        self._conn: Any = None

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _connect(self) -> Any:
        conn = self._store.raw_connection(autocommit=True,
                                          application_name=self._store.tag + ":listen",
                                          connect_timeout=5)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                self._conn = self._connect()
            except Exception as exc:  # the server is away: offline, try again
                log.info("listener cannot connect: %s", exc)
                self._set_online(False)
                self._stop.wait(self._retry)
                continue
            self._set_online(True)
            if not first:
                self._deliver([EVERYTHING])  # what was sent while we were away is lost
            first = False
            try:
                self._listen(self._conn)
            except Exception as exc:
                log.info("listener lost its connection: %s", exc)
                self._set_online(False)
            finally:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None

    def _listen(self, conn: Any) -> None:
        own = self._store.tag
        quiet = 0
        while not self._stop.is_set():
            batch: list[Payload] = []
            for note in conn.notifies(timeout=self._window * 2):
                try:
                    data = json.loads(note.payload)
                except ValueError:
                    continue
                if data.get("a") != own:
                    batch.append(data)
            if batch:
                quiet = 0
                self._deliver(batch)
            elif conn.closed or conn.broken:
                raise ConnectionError("listener connection closed")
            else:
                quiet += 1
                if quiet % 10 == 0:  # about once a second: notice a connection gone quiet
                    conn.execute("SELECT 1")

    def _deliver(self, batch: list[Payload]) -> None:
        """Hand a batch on; a consumer that fails (a view's re-read hit a connection still
        coming back) is logged, and the listener goes on listening."""
        try:
            self._on_changes(batch)
        except Exception:
            log.warning("a change notification could not be handled", exc_info=True)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self._on_status(online)
