"""Submissions to a running class server (uvicorn, on SQLite and on PostgreSQL): verified by
the server's replay, refused with a reason, never stored twice."""

from __future__ import annotations

import concurrent.futures
import csv
import io
import re

import httpx
import pytest

from game.play.verify import engine_replay
from game.store.classboard import ClassBoard
from tests.serve.conftest import a_run, serving


@pytest.fixture(scope="module")
def shared_server(module_db):
    with serving(module_db) as running:
        yield running


@pytest.fixture
def server(shared_server):
    """The module's server with a new, empty class (and no wrong PINs remembered)."""
    answer = httpx.post(f"{shared_server.url}/api/admin/reset", headers=shared_server.admin())
    assert answer.status_code == 200
    shared_server.services.wrong_pins.seen.clear()
    return shared_server


def post(server, body, **options):
    return httpx.post(f"{server.url}/api/runs", json=body, headers=server.headers(), **options)


def _rows(server) -> list:
    """The rows of the current class, read through a connection of the test's own."""
    board = ClassBoard.open(server.services.config.db)
    try:
        return [item.row for item in board.rows()]
    finally:
        board.close()


def test_a_run_is_stored_with_the_score_of_the_servers_own_replay(server, example):
    run = a_run(example, 11, name="Анна")
    answer = post(server, run.payload())
    assert answer.status_code == 201
    expected = engine_replay()(run.scenario_id, run.content_hash, run.seed, run.decisions)
    body = answer.json()
    assert body["created"] is True and body["score"] == pytest.approx(expected.score)
    assert body["ending"] == expected.ending_id
    [row] = _rows(server)
    assert (row.name, row.score, row.submission_id) == ("Анна", body["score"], run.run_id)
    assert dict(row.profile) == dict(expected.profile)


def test_sending_the_same_submission_again_answers_the_same_and_stores_nothing_new(server, example):
    payload = a_run(example, 12).payload()
    first, second = post(server, payload), post(server, payload)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json() == {**first.json(), "created": False}
    assert len(_rows(server)) == 1


def test_the_same_submission_sent_twenty_times_at_once_is_stored_once(server, example):
    payload = a_run(example, 13).payload()
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(lambda _: post(server, payload), range(20)))
    assert sorted(a.status_code for a in answers) == [200] * 19 + [201]
    assert len({a.json()["row"] for a in answers}) == 1
    assert len(_rows(server)) == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"score": 1000.0}, "forged_score"),
        ({"decisions": ["not_on_offer"]}, "not_replayable"),
        ({"content_hash": "0" * 64}, "unknown_version"),
        ({"scenario_id": "missed_deadline"}, "unknown_version"),
        ({"name": "Eve\x1b[2J"}, "invalid_name"),
        ({"name": "x" * 33}, "invalid_name"),
        ({"name": "\u200b\u200d"}, "invalid_name"),
        ({"seed": 2**70}, "invalid_field"),
        ({"decisions": [{"a": 1}]}, "invalid_decisions"),
        ({"extra": 1}, "invalid_field"),
    ],
)
def test_a_submission_that_does_not_hold_is_refused_with_a_reason_and_nothing_is_stored(
    server, example, change, code
):
    payload = {**a_run(example, 14).payload(), **change}
    answer = post(server, payload)
    assert answer.status_code == 422
    assert answer.json()["error"] == code
    assert answer.json()["message"] and "Traceback" not in answer.text
    assert _rows(server) == []


def test_a_log_that_stops_before_the_ending_is_refused(server, example):
    run = a_run(example, 15)
    answer = post(server, {**run.payload(), "decisions": list(run.decisions[:1])})
    assert answer.status_code == 422
    assert "before the scenario ends" in answer.json()["message"]


def test_hostile_requests_are_refused_without_a_traceback(server):
    url, headers = f"{server.url}/api/runs", server.headers()
    answers = {
        "too_large": httpx.post(url, content=b"[" + b"1," * 600_000 + b"1]", headers=headers),
        "bad_json": httpx.post(url, content=b'{"name": "x"', headers=headers),
        "not_utf8": httpx.post(url, content=b"\xff\xfe{}", headers=headers),
        "deep": httpx.post(url, content=b"[" * 100_000 + b"]" * 100_000, headers=headers),
        "not_object": httpx.post(url, json=[1, 2], headers=headers),
        "nan": httpx.post(url, content=b'{"seed": NaN}', headers=headers),
    }
    assert answers["too_large"].status_code == 413
    assert {k: a.status_code for k, a in answers.items() if k != "too_large"} == {
        "bad_json": 400, "not_utf8": 400, "deep": 400, "not_object": 422, "nan": 400,
    }  # fmt: skip
    for answer in answers.values():
        assert set(answer.json()) == {"error", "message"}
        assert "Traceback" not in answer.text and 'File "' not in answer.text
    assert _rows(server) == []


def test_a_lying_content_length_does_not_let_a_large_body_through(server):
    def body():
        yield b'{"name": "'
        for _ in range(40):
            yield b"a" * 50_000
        yield b'"}'

    answer = httpx.post(f"{server.url}/api/runs", content=body(), headers={**server.headers()})
    assert answer.status_code == 413


def test_a_wrong_pin_is_refused_and_guessing_is_stopped(server, example):
    payload = a_run(example, 16).payload()
    wrong = {"X-LeadSim-Pin": "000000" if server.pin != "000000" else "111111"}
    answers = [httpx.post(f"{server.url}/api/runs", json=payload, headers=wrong) for _ in range(11)]
    assert [a.status_code for a in answers[:10]] == [401] * 10
    assert answers[10].status_code == 429
    assert httpx.get(f"{server.url}/api/hello").status_code == 429  # no PIN counts as wrong
    assert _rows(server) == []


def test_a_closed_round_takes_no_runs_until_a_new_round_opens(server, example):
    admin = server.admin()
    closed = httpx.post(f"{server.url}/api/admin/round", json={"open": False}, headers=admin)
    assert closed.json()["open"] is False
    refused = post(server, a_run(example, 17).payload())
    assert (refused.status_code, refused.json()["error"]) == (409, "round_closed")
    reopened = httpx.post(f"{server.url}/api/admin/round", json={"open": True}, headers=admin)
    assert reopened.json()["round"] == closed.json()["round"] + 1
    assert post(server, a_run(example, 17).payload()).status_code == 201


def test_admin_actions_need_the_token(server):
    for path in ("/api/admin/round", "/api/admin/hide", "/api/admin/reset"):
        answer = httpx.post(f"{server.url}{path}", json={"open": True},
                            headers={"Authorization": "Bearer nope"})  # fmt: skip
        assert answer.status_code == 403
    assert httpx.get(f"{server.url}/api/admin/export.csv").status_code == 403
    assert httpx.get(f"{server.url}/admin?token=nope").status_code == 403


def test_the_export_guards_formulas_and_lists_hidden_rows(server, example):
    first = post(server, a_run(example, 18, name='=HYPERLINK("x")').payload()).json()
    post(server, a_run(example, 19, name="<b>Bo</b>").payload())
    hide = httpx.post(f"{server.url}/api/admin/hide", json={"row": first["row"]},
                      headers=server.admin())  # fmt: skip
    assert hide.status_code == 200
    text = httpx.get(f"{server.url}/api/admin/export.csv", headers=server.admin()).text
    lines = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["name"], r["hidden"]) for r in lines] == [
        ("'=HYPERLINK(\"x\")", "1"), ("<b>Bo</b>", "0"),
    ]  # fmt: skip


def test_a_reset_empties_the_board_and_keeps_the_runs_for_the_export(server, example):
    run = a_run(example, 20)
    post(server, run.payload())
    before = httpx.get(f"{server.url}/api/hello", headers=server.headers()).json()["class"]
    after = httpx.post(f"{server.url}/api/admin/reset", headers=server.admin()).json()["class"]
    assert after == before + 1
    every = httpx.get(f"{server.url}/api/admin/export.csv?every=1", headers=server.admin()).text
    this = httpx.get(f"{server.url}/api/admin/export.csv", headers=server.admin()).text
    assert run.run_id in every and this.count("\n") == 1
    assert _rows(server) == []


def test_the_class_report_covers_the_visible_runs_of_the_class(server, example):
    shown = post(server, a_run(example, 21, name="Zoë & <b>co</b>").payload()).json()
    hidden = post(server, a_run(example, 22, name="Hidden Harry").payload()).json()
    httpx.post(f"{server.url}/api/admin/hide", json={"row": hidden["row"]}, headers=server.admin())
    page = httpx.get(f"{server.url}/report?lang=ru", follow_redirects=True)
    assert page.status_code == 200 and shown["name"] == "Zoë & <b>co</b>"
    assert "Zoë &amp; &lt;b&gt;co&lt;/b&gt;" in page.text and "Hidden Harry" not in page.text
    assert "отчёт" in page.text.lower()
    images = re.findall(r'<img src="([^"]+)"', page.text)
    assert images and httpx.get(f"{server.url}/report/{images[0]}").status_code == 200
    assert httpx.get(f"{server.url}/report/../pyproject.toml").status_code == 404
    assert httpx.get(f"{server.url}/report/%2e%2e/%2e%2e/etc/passwd").status_code == 404


def test_an_empty_class_has_a_report_page_that_says_so(server):
    page = httpx.get(f"{server.url}/report/", follow_redirects=True)
    assert page.status_code == 200 and "no runs to report" in page.text


def test_a_story_map_is_served_for_a_scenario_on_offer_and_only_then(server):
    page = httpx.get(f"{server.url}/map/example_release?lang=ru")
    assert page.status_code == 200 and "<svg" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1]
    missing = httpx.get(f"{server.url}/map/no_such_scenario")
    assert missing.status_code == 404 and "no such scenario is on offer" in missing.text
