"""A throwaway PostgreSQL server in a folder, for the tests, the team bench and trying a team
project on one machine:  ``python -m bench.pg_local FOLDER``  prints a URL and runs until Ctrl+C.

Why this module exists: the README's test command (``pip install -e ".[test]" && pytest``) must
test team projects against a real server on a fresh machine, with nothing installed by hand.
The ``pgserver`` test dependency ships PostgreSQL's binaries in its wheel (Linux, macOS,
Windows); we only borrow those binaries and run ``initdb``/``pg_ctl`` ourselves, because the
tests need what pgserver's own launcher leaves out: a TCP port on 127.0.0.1, password
(scram-sha-256) authentication so that a wrong password really fails, and roles that are not
superusers so that row-level security really applies. ``DUIDING_PG_BIN`` points at another
installation's ``bin`` folder instead (e.g. Debian's ``/usr/lib/postgresql/15/bin``).

PostgreSQL refuses to run as root; as root (CI, containers) the server runs as the system user
``nobody``, which then owns only the data folder.

Every failure raises ``LocalServerError`` with the reason and the end of the server log: a test
run that cannot start its server fails loudly, it never skips.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "duiding-test-superuser"  # a throwaway server on 127.0.0.1 only
RUN_AS = "nobody"


class LocalServerError(RuntimeError):
    """The local server could not be started (the message says why)."""


def binaries() -> Path:
    """The folder holding initdb, pg_ctl and postgres."""
    override = os.environ.get("DUIDING_PG_BIN", "").strip()
    if override:
        folder = Path(override)
    else:
        try:
            with warnings.catch_warnings():  # its import warns when XDG_RUNTIME_DIR is unset
                warnings.simplefilter("ignore")
                from pgserver._commands import POSTGRES_BIN_PATH
        except ImportError as exc:
            raise LocalServerError(
                "no PostgreSQL binaries: install the test extras (pip install -e '.[test]', "
                "which brings pgserver) or set DUIDING_PG_BIN to a PostgreSQL bin folder "
                f"({exc})") from None
        folder = Path(POSTGRES_BIN_PATH)
    if not (folder / _exe("initdb")).exists():
        raise LocalServerError(f"no initdb in {folder}")
    return folder


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def _others_can_reach(folder: Path) -> bool:
    """Whether a user other than the owner can walk to `folder` and run what is inside."""
    import stat

    return all(part.stat().st_mode & stat.S_IXOTH for part in (folder, *folder.parents))


def _shared_copy(bin_folder: Path) -> Path:
    """A copy of the installation (bin, lib, share) that the server's user may run: when the
    virtual environment lies in a folder only root may enter (e.g. under /root in CI)."""
    source = bin_folder.parent
    import hashlib

    digest = hashlib.sha256(str(source).encode()).hexdigest()[:10]
    stamp = f"{digest}-{int(source.stat().st_mtime)}"
    target = Path(tempfile.gettempdir()) / f"duiding-pgbin-{stamp}"
    # The layout is kept: pgserver's binaries find their bundled libraries two levels up
    # (RPATH $ORIGIN/../../../pgserver.libs).
    inner = Path("pkg") / source.name
    if not (target / inner / "bin" / _exe("postgres")).exists():
        partial = Path(tempfile.mkdtemp(prefix="duiding-pgbin-"))
        for name in ("bin", "lib", "share"):
            if (source / name).exists():
                shutil.copytree(source / name, partial / inner / name, symlinks=True)
        libs = source.parent.parent / f"{source.parent.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, partial / libs.name, symlinks=True)
        for path in (partial, *partial.rglob("*")):
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o055)
        try:
            partial.rename(target)
        except OSError:  # another run made it meanwhile
            shutil.rmtree(partial, ignore_errors=True)
    return target / inner / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalServer:
    """One server: ``start()``, ``url(db, user, password)``, ``admin_url(db)``, ``stop()``."""

    def __init__(self, folder: Path, *, port: int | None = None, fast: bool = True) -> None:
        self._user: str | None = None
        self._scratch: Path | None = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self._user = RUN_AS
            # The server's user must reach its folder: pytest's tmp folders are root's alone,
            # so as root the data goes to a fresh folder of its own under the system's temp.
            self._scratch = Path(tempfile.mkdtemp(prefix="duiding-pg-"))
            folder = self._scratch
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = port or free_port()
        self.fast = fast  # fsync off: for tests only (the bench keeps PostgreSQL's defaults)
        self.bin = binaries()
        if self._user is not None and not _others_can_reach(self.bin):
            self.bin = _shared_copy(self.bin)
        # Unix sockets must have short paths (about 100 bytes): keep them out of tmp_path.
        self.socket_dir = Path(tempfile.mkdtemp(prefix="dpg-"))

    # -- life ----------------------------------------------------------------------------------

    def start(self) -> LocalServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        self._own(self.folder)
        self._own(self.socket_dir)
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        self._run([str(self.bin / _exe("pg_ctl")), "-D", str(self.data), "-l", str(self.log),
                   "-w", "-t", "60", "-o", self._options(), "start"], "start the server")
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(LocalServerError):
                self._run([str(self.bin / _exe("pg_ctl")), "-D", str(self.data), "-m", "fast",
                           "-w", "-t", "30", "stop"], "stop the server")
        shutil.rmtree(self.socket_dir, ignore_errors=True)
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def kill(self) -> None:
        """Stop the server abruptly (the machine's power gone, as far as clients can tell)."""
        os.kill(self.pid(), signal.SIGKILL)

    # -- addresses -----------------------------------------------------------------------------

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin_url(self, database: str = "postgres") -> str:
        return self.url(database, SUPERUSER, SUPERUSER_PASSWORD)

    # -- helpers -------------------------------------------------------------------------------

    def _options(self) -> str:
        opts = [f"-p {self.port}", "-h 127.0.0.1", f"-k {self.socket_dir}",
                "-c max_connections=200", "-c shared_buffers=32MB"]
        if self.fast:
            opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        return " ".join(opts)

    def _initdb(self) -> None:
        pwfile = self.folder / "pw.txt"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        self._own(pwfile)
        try:
            self._run([str(self.bin / _exe("initdb")), "-D", str(self.data), "-U", SUPERUSER,
                       f"--pwfile={pwfile}", "--auth-host=scram-sha-256",
                       "--auth-local=trust", "--encoding=UTF8", "--locale=C", "-N"],
                      "initialise a database cluster")
        finally:
            pwfile.unlink(missing_ok=True)

    def _own(self, path: Path) -> None:
        if self._user is not None:
            import pwd

            entry = pwd.getpwnam(self._user)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _run(self, cmd: list[str], what: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120,
                                  user=self._user, cwd=self.folder)
        except (OSError, subprocess.SubprocessError) as exc:
            raise LocalServerError(f"cannot {what}: {exc}") from None
        if done.returncode != 0:
            tail = ""
            if self.log.exists():
                tail = " | log: " + " ".join(self.log.read_text(errors="replace")
                                             .splitlines()[-5:])
            raise LocalServerError(f"cannot {what}: {(done.stderr or done.stdout).strip()}"
                                   + tail)


def _main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m bench.pg_local FOLDER", file=sys.stderr)
        return 2
    server = LocalServer(Path(argv[0]).resolve(), fast=False).start()
    print(f"PostgreSQL runs on 127.0.0.1:{server.port} (data in {server.data}).")
    print(f"Superuser: {SUPERUSER} / {SUPERUSER_PASSWORD}  e.g. {server.admin_url()}")
    print("Ctrl+C stops it.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
