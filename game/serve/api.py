"""The games' API (every request carries the class PIN in ``X-LeadSim-Pin``).

``GET /api/hello``                   the class: server version, round, whether it takes runs
``GET /api/scenarios``               the versions on offer: id, content hash, titles, languages
``GET /api/scenarios/{hash}``        one version's two files (base64), to check and play
``POST /api/runs``                   submit a finished run (see ``game.serve.submission``)
``GET /api/runs/{submission_id}``    what became of a submission
``POST /api/progress``               "this run is at decision N" for the projector
``GET /api/board``                   the projector's board as JSON (no PIN: it is on the wall)

A run is replayed by the server on its own copy of the version and stored with the score the
replay gives. The answers: 201 stored, 200 already stored under that submission id (the
same answer again: resubmitting is safe), 401 wrong PIN, 409 a closed round or a run already
stored under another submission, 413 too large, 422 refused (the message says why), 503 the
server cannot take it now (send it again later).
"""

from __future__ import annotations

import base64
import math
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from game import __version__
from game.serve.http import ApiError, check_pin, read_json, services
from game.serve.replay import Busy, Refused
from game.serve.services import Services
from game.serve.submission import Invalid, Submission, parse_submission
from game.store.classboard import RoundClosed, StoredVersion
from game.store.errors import DuplicatePlaythrough, InvalidPlaythrough, StoreError
from game.store.fields import ID, RUN_ID
from game.store.names import normalize_name
from game.store.playthrough import Playthrough

MAX_PROGRESS_BYTES = 4096


def _result(row: Playthrough, created: bool) -> dict[str, Any]:
    return {
        "submission_id": row.submission_id,
        "run_id": row.run_id,
        "row": row.row_id,
        "scenario_id": row.scenario_id,
        "content_hash": row.content_hash,
        "name": row.name,
        "score": row.score,
        "ending": row.ending_id,
        "created": created,
    }


async def hello(request: Request) -> Response:
    found = check_pin(request)
    state = await found.db.run(lambda b: b.state())
    return JSONResponse(
        {
            "server": "leadsim",
            "version": __version__,
            "class": state.class_no,
            "round": state.round_no,
            "round_open": state.round_open,
            "scenarios": len(found.scenarios.offered),
        }
    )


async def scenarios(request: Request) -> Response:
    found = check_pin(request)
    offered = sorted(found.scenarios.offered.values(), key=lambda o: o.scenario_id)
    return JSONResponse({"scenarios": [o.summary() for o in offered]})


async def _version(found: Services, content_hash: str) -> StoredVersion | None:
    offered = found.scenarios.by_hash(content_hash)
    if offered is not None:
        return offered.version
    if not RUN_ID.fullmatch(content_hash):
        return None
    return await found.db.run(lambda b: b.version(content_hash))


async def fetch(request: Request) -> Response:
    found = check_pin(request)
    wanted = request.path_params["content_hash"]
    version = await _version(found, wanted)
    if version is None:
        raise ApiError(404, "unknown_version", "this class has no scenario version with that hash")
    return JSONResponse(
        {
            "scenario_id": version.scenario_id,
            "content_hash": version.content_hash,
            "scenario": {"file": version.scenario_file, "data": _b64(version.scenario_data)},
            "team": {"file": version.team_file, "data": _b64(version.team_data)},
        }
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


async def submit(request: Request) -> Response:
    found = check_pin(request)
    data = await read_json(request, found.config.max_body)
    try:
        sub = parse_submission(data)
    except Invalid as exc:
        raise ApiError(422, exc.code, str(exc)) from None
    # a submission already stored is answered as before, from the same transaction that
    # would store it; a closed round is checked there too
    row = await _verified(found, sub)
    try:
        recorded = await found.recorder.record(row)
    except RoundClosed as exc:
        raise ApiError(409, "round_closed", str(exc)) from None
    except DuplicatePlaythrough as exc:
        again = await found.db.run(lambda b: b.submission(sub.submission_id))
        if again is not None:  # the same submission, sent twice at once
            return JSONResponse(_result(again, False))
        raise ApiError(409, "duplicate", str(exc)) from None
    except InvalidPlaythrough as exc:
        raise ApiError(422, "invalid_field", str(exc)) from None
    except StoreError as exc:
        raise ApiError(503, "storage", f"the class board cannot store runs now: {exc}") from None
    if not recorded.created:  # the same submission, sent twice at once
        return JSONResponse(_result(recorded.row, False))
    found.presence.finished(sub.run_id)
    found.hub.changed()
    return JSONResponse(_result(recorded.row, True), status_code=201)


async def _verified(found: Services, sub: Submission) -> Playthrough:
    """The run as the server's replay makes it; refusals say why."""
    version = await _version(found, sub.content_hash)
    if version is None or version.scenario_id != sub.scenario_id:
        offered = found.scenarios.offered.get(sub.scenario_id)
        hint = f" (it offers version {offered.content_hash[:10]})" if offered else ""
        raise ApiError(
            422,
            "unknown_version",
            f"this class does not know version {sub.content_hash[:10]} of scenario "
            f"'{sub.scenario_id}'{hint}; the run was not taken",
        )
    assert found.replayer is not None
    try:
        outcome = await found.replayer.replay(version, sub.seed, sub.decisions)
    except Refused as exc:
        raise ApiError(
            422, "not_replayable", f"the decisions do not replay on this version: {exc}"
        ) from None
    except Busy as exc:
        raise ApiError(503, "busy", str(exc)) from None
    if sub.score is not None and not math.isclose(sub.score, outcome.score, abs_tol=1e-6):
        raise ApiError(
            422,
            "forged_score",
            f"the score sent ({sub.score:g}) is not the score the server's replay gives "
            f"({outcome.score:g}); the run was not taken",
        )
    return Playthrough(
        name=sub.name,
        scenario_id=sub.scenario_id,
        content_hash=sub.content_hash,
        score=outcome.score,
        ending_id=outcome.ending_id,
        seed=sub.seed,
        decisions=sub.decisions,
        profile=outcome.profile,
        played_at=sub.played_at,
        duration_s=sub.duration_s,
        mode=sub.mode,
        run_id=sub.run_id,
        submission_id=sub.submission_id,
    )


async def submission_status(request: Request) -> Response:
    found = check_pin(request)
    wanted = request.path_params["submission_id"]
    if not RUN_ID.fullmatch(wanted):
        raise ApiError(404, "unknown_submission", "no run was stored under that submission id")
    stored = await found.db.run(lambda b: b.submission(wanted))
    if stored is None:
        raise ApiError(404, "unknown_submission", "no run was stored under that submission id")
    return JSONResponse(_result(stored, False))


async def progress(request: Request) -> Response:
    found = check_pin(request)
    data = await read_json(request, MAX_PROGRESS_BYTES)
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", "the request must be a JSON object")
    run_id, scenario_id, count = data.get("run_id"), data.get("scenario_id"), data.get("decisions")
    if not (isinstance(run_id, str) and RUN_ID.fullmatch(run_id)):
        raise ApiError(422, "invalid_field", "run_id: 1-64 letters, digits, _ or -")
    if not (isinstance(scenario_id, str) and ID.fullmatch(scenario_id)):
        raise ApiError(422, "invalid_field", "scenario_id: a scenario id")
    if type(count) is not int or not 0 <= count <= 10_000:
        raise ApiError(422, "invalid_field", "decisions: a whole number from 0 to 10000")
    try:
        name = normalize_name(data.get("name"))
    except StoreError as exc:
        raise ApiError(422, "invalid_name", str(exc)) from None
    found.presence.report(run_id, name, scenario_id, count, bool(data.get("finished", False)))
    found.hub.changed()
    return Response(status_code=204)


async def board(request: Request) -> Response:
    return JSONResponse(services(request).hub.snapshot)


ROUTES = [
    Route("/api/hello", hello),
    Route("/api/scenarios", scenarios),
    Route("/api/scenarios/{content_hash}", fetch),
    Route("/api/runs", submit, methods=["POST"]),
    Route("/api/runs/{submission_id}", submission_status),
    Route("/api/progress", progress, methods=["POST"]),
    Route("/api/board", board),
]
