"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder.

PostgreSQL refuses to run as root, so as root the cluster runs as the unprivileged ``nobody``
(through ``runuser``), in a folder handed over to that user. The server listens on 127.0.0.1
on a free port and on a Unix socket in its own folder, trusts local connections and is stopped
and deleted by :meth:`Cluster.stop`. :func:`find_bin` looks in the usual Debian places;
``.ci/run`` installs the packages when they are missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")
RUN_AS = "nobody"
SUPERUSER = "leadsim"


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest version found), or None."""
    found = sorted(glob.glob(SEARCH[0]), key=lambda p: int(Path(p).parent.name), reverse=True)
    for folder in [*found, *SEARCH[1:]]:
        if Path(folder, "initdb").is_file() and Path(folder, "pg_ctl").is_file():
            return Path(folder)
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A running throwaway server; :attr:`url` of its ``postgres`` database."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="leadsim-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._as_root = os.geteuid() == 0
        if self._as_root:
            user = pwd.getpwnam(RUN_AS)
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-t", "60", "-o", options, "start")  # fmt: skip
        self.url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"
        self._databases = 0

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self._as_root:
            command = ["runuser", "-u", RUN_AS, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        self._databases += 1
        name = f"t{self._databases}_{os.getpid()}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> tuple[Cluster | None, str]:
    """A running cluster, or None and why not."""
    bin_dir = find_bin()
    if bin_dir is None:
        return None, "PostgreSQL is not installed (initdb not found); .ci/run installs it"
    started = time.monotonic()
    try:
        cluster = Cluster(bin_dir)
    except (OSError, RuntimeError, KeyError) as exc:
        return None, f"PostgreSQL could not be started: {exc}"
    return cluster, f"started in {time.monotonic() - started:.1f} s"
