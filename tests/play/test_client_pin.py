"""A PIN no HTTP header can carry is a wrong PIN, said as such, never a crash."""

from __future__ import annotations

import pytest

from game.content.library import load_bundle_by_id
from game.play.client import WRONG_PIN, ClassClient
from tests.serve.conftest import EXAMPLE, a_run, free_port


@pytest.mark.parametrize("pin", ["пин", "12\n34", "12\x0034"])
def test_a_pin_with_characters_no_pin_has_is_a_wrong_pin(tmp_path, pin):
    client = ClassClient(tmp_path, timeout=1.0)
    try:
        assert client.connect(f"127.0.0.1:{free_port()}", pin, remember=False) == WRONG_PIN
        assert "PIN" in client.message
        queued = client.submit(
            a_run(load_bundle_by_id(EXAMPLE), 1)
        )  # kept for the right PIN, not lost
        assert not queued.sent and client.pending() == 1
    finally:
        client.close()
