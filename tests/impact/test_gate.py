"""impact.gate.UploadGate: plain ASGI, so it is tested without a server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from impact import auth, gate


def _call(app, scope) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        raise AssertionError("the gate must not read the body")

    async def send(message):
        sent.append(message)

    # Its own thread: a browser test earlier in the session may leave this thread's loop running.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return sent


async def _inner(scope, receive, send) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})


@pytest.fixture
def sessions() -> auth.SessionRegistry:
    return auth.SessionRegistry(clock=lambda: 0.0, idle_s=lambda: 1800)


def _upload(session: str, method: str = "PUT") -> dict:
    return {"type": "http", "method": method, "path": f"/_stcore/upload_file/{session}/f1"}


def test_a_session_without_a_sign_in_is_refused_before_its_body_is_read(sessions) -> None:
    sent = _call(gate.UploadGate(_inner, sessions), _upload("viewer-1"))
    assert sent[0]["status"] == 403


def test_a_signed_in_editors_session_passes_until_sign_out(sessions) -> None:
    token = sessions.open("ani")
    sessions.check(token, "editor-1")  # a page run in that browser session
    app = gate.UploadGate(_inner, sessions)
    assert _call(app, _upload("editor-1"))[0]["status"] == 204
    assert _call(app, _upload("viewer-1"))[0]["status"] == 403
    sessions.sign_out(token)
    assert _call(app, _upload("editor-1"))[0]["status"] == 403


@pytest.mark.parametrize(
    "scope",
    [
        {"type": "http", "method": "GET", "path": "/_stcore/health"},
        {"type": "http", "method": "DELETE", "path": "/_stcore/upload_file/viewer-1/f1"},
        {"type": "http", "method": "PUT", "path": "/ringkasan"},
    ],
)
def test_other_requests_pass(sessions, scope) -> None:
    assert _call(gate.UploadGate(_inner, sessions), scope)[0]["status"] == 204


def test_an_idle_session_may_not_upload() -> None:
    now = [0.0]
    sessions = auth.SessionRegistry(clock=lambda: now[0], idle_s=lambda: 60)
    sessions.check(sessions.open("ani"), "editor-1")
    assert sessions.allows_upload("editor-1")
    now[0] = 61
    assert not sessions.allows_upload("editor-1")
