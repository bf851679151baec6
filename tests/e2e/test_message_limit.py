"""What an anonymous client may send over the websocket, against a real serve.py: a message
over serve.CLIENT_MESSAGE_BYTES is refused (1009) before the server reads it, and a message
at the limit (a sign-in form submitted with a password that fills it) runs and is answered
with a sentence, not a password check. Before, Streamlit accepted 25 MB: ten sessions each
sending a 20 MB password took the server from 267 to 904 MB. Memory under 50 such sessions is
measured by tests/bench_messages.py (README)."""

from __future__ import annotations

import asyncio

import pytest

import serve
from tests import asyncrun, bench_messages

pytestmark = pytest.mark.e2e


def _send(server: str, size: int) -> str:
    async def one() -> str:
        hold = asyncio.Event()
        hold.set()  # answer, then leave
        return await bench_messages.submit_password(server.removeprefix("http://"), size, [], hold)

    return asyncrun.run(one())


@pytest.mark.parametrize(
    "size", [serve.CLIENT_MESSAGE_BYTES + 1, 2 * 2**20, 20 * 2**20], ids=["limit+1", "2MB", "20MB"]
)
def test_an_oversized_message_closes_the_connection_unread(server, size) -> None:
    assert _send(server, size) == "closed 1009"


def test_a_message_at_the_limit_is_answered(server) -> None:
    assert _send(server, serve.CLIENT_MESSAGE_BYTES) == "run"
