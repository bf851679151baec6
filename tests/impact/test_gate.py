"""impact.gate.UploadGate: plain ASGI, so it is tested without a server."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from impact import auth, gate


def _call(app, scope, body: bytes | None = None) -> list[dict]:
    """What ``app`` sends for ``scope``; ``body`` None: reading the body fails the test."""
    sent: list[dict] = []
    chunks = [] if body is None else [body[i : i + 100] for i in range(0, len(body), 100)]

    async def receive():
        if body is None:
            raise AssertionError("the gate must not read the body")
        chunk = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

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
    path = f"/_stcore/upload_file/{session}/f1"
    return {"type": "http", "method": method, "path": path, "headers": [(b"content-length", b"9")]}


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


# What one session may hold: Streamlit's storage (``held``) + uploads in flight + this one.


def _sized(session: str, file_id: str, length: int | None) -> dict:
    headers = [] if length is None else [(b"content-length", str(length).encode())]
    path = f"/_stcore/upload_file/{session}/{file_id}"
    return {"type": "http", "method": "PUT", "path": path, "headers": headers}


@pytest.fixture
def editor(sessions) -> auth.SessionRegistry:
    sessions.check(sessions.open("ani"), "editor-1")
    return sessions


def _capped(sessions, held: dict[str, int], limit: int = 1000, max_files: int = 3):
    return gate.UploadGate(
        _inner,
        sessions,
        held=lambda s: held if s == "editor-1" else {},
        limit=lambda: limit,
        max_files=max_files,
    )


@pytest.mark.parametrize(
    ("held", "length", "status"),
    [
        ({}, 1000, 204),  # exactly the cap
        ({}, 1001, 413),
        ({"a": 600}, 400, 204),
        ({"a": 600}, 401, 413),
        ({"a": 600, "b": 300}, 101, 413),
        ({"a": 1, "b": 1, "c": 1}, 1, 413),  # a fourth file
        ({"f1": 900}, 1000, 204),  # f1 sent again replaces the 900 bytes held
        ({"a": 10}, None, 411),  # no Content-Length: what arrives could not be bounded
    ],
)
def test_a_session_holds_at_most_its_cap(editor, held, length, status) -> None:
    # A refused body is read to its end (so the browser sees the status) and dropped.
    body = None if status != 413 else b"x" * length
    sent = _call(_capped(editor, held), _sized("editor-1", "f1", length), body)
    assert sent[0]["status"] == status
    if status == 413:
        assert b"one session may hold 3 files" in sent[1]["body"]


def test_a_viewer_is_refused_before_the_cap_is_looked_at(editor) -> None:
    def held(session):
        raise AssertionError("a viewer's request must not reach the cap")

    app = gate.UploadGate(_inner, editor, held=held, limit=lambda: 10)
    assert _call(app, _sized("viewer-1", "f1", 5))[0]["status"] == 403


def test_uploads_in_flight_count_until_they_finish(editor) -> None:
    """Two PUTs at once cannot both pass on the same free space; once the first is done its
    reservation goes (its bytes are then Streamlit's to report, here: nothing held)."""
    release = asyncio.Event()

    async def slow(scope, receive, send) -> None:
        await release.wait()
        await send({"type": "http.response.start", "status": 204, "headers": []})

    app = gate.UploadGate(slow, editor, held=lambda s: {}, limit=lambda: 1000)

    async def scenario() -> list[int]:
        statuses: list[int] = []

        async def put(file_id: str, length: int) -> None:
            async def receive():
                return {"type": "http.request", "body": b"", "more_body": False}

            async def send(message):
                if message["type"] == "http.response.start":
                    statuses.append(message["status"])

            await app(_sized("editor-1", file_id, length), receive, send)

        first = asyncio.create_task(put("f1", 700))
        await asyncio.sleep(0)  # f1 is now waiting inside Streamlit with 700 reserved
        await put("f2", 700)  # refused at once: 700 + 700 > 1000
        await put("f1", 100)  # the same file id twice at once
        release.set()
        await first
        await put("f3", 700)  # f1's reservation is gone
        return statuses

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, scenario()).result() == [413, 409, 204, 204]
    assert app._in_flight == {}


def test_a_body_longer_than_its_content_length_is_cut_off_and_not_kept(sessions) -> None:
    """A chunked body carries a Content-Length that says nothing: the gate counts what
    arrives and stops at the declared length (before: 10 declared, 300 MB kept)."""
    token = sessions.open("ani")
    sessions.check(token, "editor-1")
    read: list[int] = []

    async def reading_app(scope, receive, send) -> None:  # Streamlit reads the whole body
        while True:
            message = await receive()
            read.append(len(message.get("body", b"")))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 204, "headers": []})

    scope = _upload("editor-1")  # declares 9 bytes
    sent = _call(gate.UploadGate(reading_app, sessions, limit=lambda: 10_000), scope, b"a" * 5000)
    assert sent[0]["status"] == 413
    assert sum(read) <= 100  # the first chunk (100 bytes) passed 9; nothing after it
    assert _call(gate.UploadGate(reading_app, sessions), scope, b"a" * 9)[0]["status"] == 204
