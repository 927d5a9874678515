"""A throw-away PostgreSQL server for the test session, started with initdb and pg_ctl.

The server lives in a temporary folder, listens only on a unix socket there,
and runs with fsync off: it is for tests, not for data. When the tests run as
root the server runs as the `postgres` user, since PostgreSQL refuses root.
Set NEWSGRAPH_TEST_POSTGRES to a server URL (postgresql://user@host/postgres)
to use an existing server instead.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid

PORT = 5432  # only names the socket file inside our private folder
SERVER_OPTIONS = ("-c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                  "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB")


def find_bindir() -> str | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    candidates = [os.environ.get("NEWSGRAPH_PG_BINDIR", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    on_path = shutil.which("pg_ctl")
    candidates.append(os.path.dirname(on_path) if on_path else "")
    for folder in candidates:
        if folder and all(os.access(os.path.join(folder, b), os.X_OK) for b in ("initdb", "pg_ctl")):
            return folder
    return None


def _version(folder: str) -> float:
    try:
        return float(folder.split("/")[-2])
    except ValueError:
        return 0.0


class Server:
    """One PostgreSQL cluster in a temp folder; `database()` makes a fresh empty database."""

    def __init__(self, bindir: str):
        self.bindir = bindir
        self.user = "postgres" if os.geteuid() == 0 else None
        self.root = tempfile.mkdtemp(prefix="newsgraph-pg-")
        self.data = os.path.join(self.root, "data")
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self.admin_url = f"postgresql://postgres@/postgres?host={self.root}&port={PORT}"

    def _run(self, *args: str) -> None:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> "Server":
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.root, "log"), "-w", "-t", "60",
                  "-o", f"-k {self.root} -p {PORT} {SERVER_OPTIONS}", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(sql)


def create_database(admin_url: str) -> tuple[str, str]:
    """A new empty database on the server of `admin_url`: (its URL, its name)."""
    name = "t_" + uuid.uuid4().hex[:16]
    _admin(admin_url, f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    base, _, query = admin_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + (("?" + query) if query else "")
    return url, name


def drop_database(admin_url: str, name: str) -> None:
    _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
