"""The game as a class client: the outbox keeps every run until the server has it, sends it
once however often it is retried, and scenarios come from the class checked and hashed."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil

import httpx
import pytest

from game.content.library import BUNDLED
from game.play.client import (
    CONNECTED,
    OFF,
    UNREACHABLE,
    WRONG_PIN,
    ClassClient,
    ClientError,
    RemoteScenario,
)
from game.store.classboard import ClassBoard
from tests.serve.conftest import a_run, free_port, serving


def class_rows(target: str) -> list:
    board = ClassBoard.open(target)
    try:
        return [item.row for item in board.rows()]
    finally:
        board.close()


@pytest.fixture(scope="module")
def instructor(tmp_path_factory):
    """A folder with a copy of the example scenario under another id."""
    folder = tmp_path_factory.mktemp("instructor")
    text = (BUNDLED / "example_release.yaml").read_text(encoding="utf-8")
    (folder / "class_release.yaml").write_text(
        text.replace("id: example_release", "id: class_release", 1), encoding="utf-8"
    )
    shutil.copy(BUNDLED / "example_team.yaml", folder / "example_team.yaml")
    return folder


@pytest.fixture(scope="module")
def shared(tmp_path_factory, instructor):
    with serving(str(tmp_path_factory.mktemp("class")), scenario_dirs=(instructor,)) as running:
        yield running


@pytest.fixture
def server(shared):
    """The module's server with a new, empty class (and no wrong PINs remembered)."""
    httpx.post(f"{shared.url}/api/admin/reset", headers=shared.admin()).raise_for_status()
    shared.services.wrong_pins.seen.clear()
    return shared


@pytest.fixture
def client(tmp_path):
    made = ClassClient(tmp_path / "player", timeout=3.0)
    yield made
    made.close()


def test_runs_finished_without_a_server_wait_in_the_outbox_and_go_when_it_answers(
    client, tmp_path, example
):
    port = free_port()
    target = str(tmp_path / "class")
    with serving(target, port=port) as server:
        assert client.connect(server.url, server.pin) == CONNECTED
    runs = [a_run(example, seed) for seed in (1, 2, 3)]
    queued = [client.submit(run) for run in runs]
    assert [q.sent for q in queued] == [False] * 3
    assert client.status == UNREACHABLE and client.pending() == 3
    assert client.drain().retry_in > 0  # it waits before trying again
    with serving(target, port=port):
        report = client.drain(force=True)
    assert report.sent == tuple(r.run_id for r in runs) and report.pending == 0
    assert sorted(r.submission_id for r in class_rows(target)) == sorted(r.run_id for r in runs)
    assert list((tmp_path / "player" / "outbox").glob("*.json")) == []


def test_a_run_whose_answer_was_lost_is_sent_again_and_counted_once(client, server, example):
    run = a_run(example, 4)
    client.connect(server.url, server.pin)
    # the server stores the run, but the game never hears back (the Wi-Fi dropped)
    stored = httpx.post(f"{server.url}/api/runs", json=run.payload(), headers=server.headers())
    assert stored.status_code == 201
    client.outbox.put(client.url or "", run.payload())
    report = client.drain()
    assert report.sent == (run.run_id,)
    assert client.last_result is not None and client.last_result["created"] is False
    assert len(class_rows(server.services.config.db)) == 1


def test_a_run_the_server_refuses_is_kept_apart_with_its_reason(client, server, example):
    client.connect(server.url, server.pin)
    httpx.post(f"{server.url}/api/admin/round", json={"open": False}, headers=server.admin())
    queued = client.submit(a_run(example, 5))
    assert not queued.sent and "closed the round" in queued.refused
    assert client.pending() == 0
    [kept] = client.outbox.refused().entries
    assert kept.submission_id == queued.submission_id and "closed the round" in kept.reason


def test_a_wrong_pin_keeps_the_runs_queued(client, server, example):
    wrong = "000000" if server.pin != "000000" else "111111"
    assert client.connect(server.url, wrong) == WRONG_PIN
    queued = client.submit(a_run(example, 6))
    assert not queued.sent and client.status == WRONG_PIN
    assert client.connect(server.url, server.pin) == CONNECTED
    assert client.drain().sent == (queued.submission_id,)


def test_a_damaged_outbox_file_is_named_and_does_not_stop_the_others(
    client, server, tmp_path, example
):
    client.connect(server.url, server.pin)
    folder = tmp_path / "player" / "outbox"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    client.outbox.put(client.url or "", a_run(example, 7).payload())
    assert len(client.drain().sent) == 1
    assert [name for name, _ in client.outbox.pending().problems] == ["broken.json"]
    assert (folder / "broken.json").exists()


def test_the_connection_is_remembered_and_forgotten(client, server, tmp_path):
    client.connect(server.url.removeprefix("http://"), server.pin)
    again = ClassClient(tmp_path / "player")
    assert again.reconnect() == CONNECTED and again.info["round_open"] is True
    again.disconnect()
    later = ClassClient(tmp_path / "player")
    assert later.reconnect() == OFF
    again.close()
    later.close()


def test_an_address_that_is_not_one_is_refused(client):
    with pytest.raises(ValueError, match="not a server address"):
        client.connect("http://", "1")


def test_a_scenario_of_the_instructors_folder_is_fetched_checked_and_played(
    client, server, instructor
):
    folder = instructor
    client.connect(server.url, server.pin)
    [offer] = [s for s in client.scenarios() if s.id == "class_release"]
    assert not offer.have
    bundle = client.fetch(offer)
    assert bundle.content_hash == offer.content_hash
    assert [s.have for s in client.scenarios() if s.id == "class_release"] == [True]
    queued = client.submit(a_run(bundle, 8))
    assert queued.sent and queued.result is not None and queued.result["score"] > 0
    # the instructor edits the file: the class is offered the new version
    edited = (folder / "class_release.yaml").read_text(encoding="utf-8") + "\n# edited\n"
    (folder / "class_release.yaml").write_text(edited, encoding="utf-8")
    _on_server(server, server.services.refresh_scenarios())  # or the next look finds it
    [newer] = [s for s in client.scenarios() if s.id == "class_release"]
    assert newer.content_hash != offer.content_hash and not newer.have
    assert client.fetch(newer).content_hash == newer.content_hash
    # a run of the old version, finished meanwhile, still counts (ranked apart)
    late = client.submit(a_run(bundle, 9))
    assert late.sent
    snapshot = _on_server(server, server.services.snapshot())
    [entry] = [e for e in snapshot["scenarios"] if e["id"] == "class_release"]
    assert (entry["plays"], entry["earlier"]) == (0, 2)


def _on_server(server, work):
    """Run a coroutine of the server's services on its own event loop and wait for it."""
    return asyncio.run_coroutine_threadsafe(work, server.services.loop).result(timeout=60)


def test_a_scenario_that_is_not_the_version_announced_is_refused(server, tmp_path):
    def tamper(request: httpx.Request) -> httpx.Response:
        forwarded = httpx.request(request.method, str(request.url), headers=request.headers)
        if "/api/scenarios/" not in request.url.path or forwarded.status_code != 200:
            return httpx.Response(forwarded.status_code, content=forwarded.content)
        data = forwarded.json()
        original = base64.b64decode(data["scenario"]["data"])
        data["scenario"]["data"] = base64.b64encode(original + b"\n# changed\n").decode()
        return httpx.Response(200, content=json.dumps(data).encode())

    tampering = ClassClient(tmp_path / "p2", transport=httpx.MockTransport(tamper))
    tampering.connect(server.url, server.pin)
    [offer] = [s for s in tampering.scenarios() if s.id == "example_release"]
    with pytest.raises(ClientError, match="not the version it announced"):
        tampering.fetch(offer)
    bogus = RemoteScenario("example_release", "0" * 64, {}, (), False)
    with pytest.raises(ClientError, match="no scenario version"):
        tampering.fetch(bogus)
    assert not (tmp_path / "p2" / "class-scenarios" / offer.content_hash).exists()
    tampering.close()
