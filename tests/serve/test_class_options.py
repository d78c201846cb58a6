"""`--server URL --pin PIN` for a command that plays in the terminal."""

from __future__ import annotations

import argparse

from game.commands.classopts import add_class_options, connect_from_args
from game.i18n import Strings
from tests.serve.conftest import free_port, play, serving


def _args(*given: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_class_options(parser)
    return parser.parse_args(list(given))


def test_without_a_server_nothing_connects(tmp_path):
    assert connect_from_args(_args(), Strings("en")) is None


def test_a_finished_run_is_sent_and_its_verified_score_shown(tmp_path, monkeypatch, example):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path / "player"))
    with serving(str(tmp_path / "class")) as server:
        link = connect_from_args(_args("--server", server.url, "--pin", server.pin), Strings("ru"))
        assert link is not None and link.note.startswith("Подключено к классу")
        line = link.send(play(example, 3), "Анна", "ru", 95.0)
        assert line.startswith("Отправлено в класс")
        link.client.close()


def test_a_class_that_does_not_answer_keeps_the_run_for_later(tmp_path, monkeypatch, example):
    monkeypatch.setenv("LEADSIM_DATA_DIR", str(tmp_path / "player"))
    url = f"http://127.0.0.1:{free_port()}"
    link = connect_from_args(_args("--server", url, "--pin", "123456"), Strings("en"))
    assert link is not None and "does not answer" in link.note
    assert "waits on this computer" in link.send(play(example, 4), "Ann", "en", 10.0)
    assert link.client.pending() == 1
    link.client.close()
