"""News for the projector never makes a turn wait, even when the class has stopped answering."""

from __future__ import annotations

import socket
import time

from game.play.client import ClassClient
from game.play.progress import TIMEOUT_S, ProgressReporter


def test_a_class_that_takes_the_connection_but_never_answers_costs_a_turn_nothing(tmp_path):
    with socket.socket() as silent:  # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        client = ClassClient(tmp_path, timeout=TIMEOUT_S)
        client.url, client.pin = f"http://127.0.0.1:{silent.getsockname()[1]}", "123456"
        reporter = ProgressReporter(client, "run-1", "Anna", "example_release")
        started = time.monotonic()
        for turn in range(1, 6):
            reporter.report(turn)
        handed_over = time.monotonic() - started
        reporter.close(wait_s=2 * TIMEOUT_S + 1)
        assert handed_over < TIMEOUT_S / 2  # five turns did not wait for one answer
        assert reporter.delivered == 0
        client.close()
