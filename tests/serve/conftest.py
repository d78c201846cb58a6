"""Class server fixtures: a board on SQLite and on a real PostgreSQL server, a running server.

``db_target`` runs each test that uses it twice: on a SQLite folder and on a fresh database of
a PostgreSQL server the tests start themselves (tests/serve/pgcluster.py). Without PostgreSQL
installed the PostgreSQL half is skipped with the reason, except under CI (``CI`` set), where
``.ci/run`` installs it and a missing server is a failure.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from game.content.library import Bundle, load_bundle_by_id
from game.play.client import Run
from game.serve.app import create_app
from game.serve.services import ServeConfig, Services
from game.sim.session import Session
from tests.serve.pgcluster import Cluster, start_cluster

EXAMPLE = "example_release"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster, why = start_cluster()
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a class board lives: a SQLite folder, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "class")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """As ``db_target``, shared by the tests of a module (a server per module and database)."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("class"))
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture(scope="session")
def example() -> Bundle:
    return load_bundle_by_id(EXAMPLE)


def play(bundle: Bundle, seed: int, pick: Callable[[list[Any]], Any] | None = None) -> Session:
    """A finished session: ``pick`` chooses among the offered choices (default: the first)."""
    session = Session(bundle, seed)
    while not session.finished:
        options = session.choices()
        session.take((pick or (lambda o: o[0]))(options).id)
    return session


def a_run(bundle: Bundle, seed: int, name: str = "Anna", **extra: Any) -> Run:
    return Run.from_session(play(bundle, seed), name=name, lang="en", duration_s=60.0, **extra)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Running:
    url: str
    services: Services

    @property
    def pin(self) -> str:
        return self.services.pin

    @property
    def token(self) -> str:
        return self.services.token

    def headers(self) -> dict[str, str]:
        return {"X-LeadSim-Pin": self.pin}

    def admin(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@contextmanager
def serving(
    db: str, port: int | None = None, routes: tuple[Any, ...] = (), **options: Any
) -> Iterator[Running]:
    """A real uvicorn server with the class app on 127.0.0.1, in a thread of this process."""
    ready = threading.Event()
    found: dict[str, Services] = {}

    def on_ready(services: Services) -> None:
        found["services"] = services
        ready.set()

    config = ServeConfig(db=db, on_ready=on_ready, refresh_s=0.2, **options)
    chosen = port or free_port()
    app = create_app(config)
    app.router.routes[:0] = routes  # extra routes a test needs, before the app's own
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=chosen,
            log_level="error",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
    )
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not (ready.is_set() and server.started):
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the class server did not start")
        time.sleep(0.02)
    try:
        yield Running(f"http://127.0.0.1:{chosen}", found["services"])
    finally:
        server.should_exit = True
        thread.join(timeout=30)
