"""A gate in front of Streamlit's upload endpoint: only signed-in editors may send files.

Streamlit accepts ``PUT /_stcore/upload_file/<session id>/<file id>`` (up to
``server.maxUploadSize``, 400 MB here) from any browser session, signed in or not; the page
then ignores the file, but the server has read it. :class:`UploadGate` is plain ASGI
middleware (no Streamlit import): it answers 403 before reading the body unless
:data:`impact.auth.SESSIONS` knows that session as a live editor. ``serve.py`` (what `make run` starts) adds it.

It also caps what one session can hold. Streamlit keeps every file a session sends in memory
(its ``MemoryUploadedFileManager``) until the page deletes it or the session ends, and checks
each file alone (``server.maxUploadSize``), so one signed-in tab could PUT file after file
under new file ids. Before a PUT reaches Streamlit the gate adds up what that session holds
now (``held``, which serve.py reads from Streamlit's manager), what its other uploads in flight
have reserved, and this request's Content-Length; beyond :func:`impact.config.
session_upload_bytes` (or :data:`MAX_FILES` files) it answers 413, keeping nothing: it reads
the body and drops each chunk as it comes (memory stays flat), because a browser that is cut
off mid-send reports a network error instead of the status. A
PUT without Content-Length is refused (411): the browser always sends one. The body is
counted as it arrives: one that goes on past its Content-Length (sent chunked, which the
server reads to its end whatever the header says) is cut off with 413 and not kept, so the
reservation bounds what arrives. The Content-Length counts the multipart framing too (a few hundred bytes): the cap errs on the
safe side. A PUT that replaces a file id the session holds counts that file once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from impact import auth, config

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

UPLOAD_PATH = "/_stcore/upload_file/"
# Files one session may hold at once. The upload page has one single-file uploader, whose
# replaced file Streamlit's browser code deletes, and the page releases a file once saved.
MAX_FILES = 10

# session id -> {file id: bytes} that Streamlit holds for it now.
Held = Callable[[str], Mapping[str, int]]


def _nothing_held(session: str) -> Mapping[str, int]:
    return {}


def upload_target(scope: Scope) -> tuple[str, str] | None:
    """(session id, file id) of a file upload request (PUT/POST), else None."""
    if scope.get("type") != "http" or scope.get("method") not in ("PUT", "POST"):
        return None
    path: str = scope.get("path", "")
    at = path.find(UPLOAD_PATH)
    if at < 0:
        return None
    session, _, rest = path[at + len(UPLOAD_PATH) :].partition("/")
    return session, rest.split("/", 1)[0]


def upload_session(scope: Scope) -> str | None:
    """The Streamlit session id of a file upload request (PUT/POST), else None."""
    target = upload_target(scope)
    return target[0] if target else None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                length = int(value)
            except ValueError:
                return None
            return length if length >= 0 else None
    return None


async def plain_answer(
    send: Callable, status: int, text: str, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """A short plain-text answer the gate (or the front door) gives instead of the app's."""
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _drain(receive: Callable) -> None:
    """Read a request's body to its end, keeping none of it."""
    while True:
        message = await receive()
        if message.get("type") != "http.request" or not message.get("more_body", False):
            return


class _BodyTooLong(Exception):
    """A request body went on past the length it declared."""


class _Counted:
    """An ASGI ``receive`` that counts the body's bytes as they arrive and raises
    :class:`_BodyTooLong` once they pass ``declared``.

    The server (h11) holds a body with a Content-Length to that length, but a body sent
    ``Transfer-Encoding: chunked`` may carry a Content-Length too, which then says nothing
    (RFC 9112 6.3): a PUT declaring 10 bytes sent 300 MB that way and Streamlit kept them,
    past the session's cap. Counting what arrives makes the reservation a bound again.
    """

    def __init__(self, receive: Callable, declared: int) -> None:
        self.receive, self.declared, self.received = receive, declared, 0

    async def __call__(self) -> dict[str, Any]:
        message: dict[str, Any] = await self.receive()
        if message.get("type") == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.declared:
                raise _BodyTooLong
        return message


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


class UploadGate:
    """403 for an upload from a browser session without a live editor sign-in; 411 without a
    Content-Length; 413 when the session would hold more than its cap (bytes or files).

    ``held`` says what Streamlit holds for a session (serve.py reads its uploaded-file
    manager); ``limit`` is the cap in bytes, read at each upload (default
    :func:`impact.config.session_upload_bytes`).
    """

    def __init__(
        self,
        app: ASGIApp,
        sessions: auth.SessionRegistry | None = None,
        held: Held = _nothing_held,
        limit: Callable[[], int] = config.session_upload_bytes,
        max_files: int = MAX_FILES,
    ) -> None:
        self.app = app
        self.sessions = sessions or auth.SESSIONS
        self.held, self.limit, self.max_files = held, limit, max_files
        # session -> {file id: bytes reserved} for its uploads in flight. Only the server's
        # event loop touches it (no await between the check and the reservation).
        self._in_flight: dict[str, dict[str, int]] = {}

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        target = upload_target(scope)
        if target is None:
            await self.app(scope, receive, send)
            return
        session, file_id = target
        if not self.sessions.allows_upload(session):
            await plain_answer(send, 403, "Sign in as an editor to upload files.")
            return
        length = _content_length(scope)
        if length is None:
            await plain_answer(send, 411, "An upload needs a Content-Length header.")
            return
        files = {**self.held(session), **self._in_flight.get(session, {})}
        files.pop(file_id, None)  # the same file id sent again replaces that file
        limit = self.limit()
        if len(files) + 1 > self.max_files or sum(files.values()) + length > limit:
            await _drain(receive)
            await plain_answer(
                send,
                413,
                f"This browser session already holds {len(files)} uploaded files "
                f"({_mb(sum(files.values()))}); one session may hold {self.max_files} files "
                f"and {_mb(limit)}. Remove a file from the upload box or reload the page.",
            )
            return
        reserved = self._in_flight.setdefault(session, {})
        if file_id in reserved:  # the browser never sends one file id twice at once
            await plain_answer(send, 409, "This file is already being uploaded.")
            return
        reserved[file_id] = length
        counted = _Counted(receive, length)
        started = False

        async def tracked_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message.get("type") == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked_send)
        except _BodyTooLong:
            if started:  # Streamlit answers only once it has read the whole body
                raise
            await plain_answer(
                send,
                413,
                f"This upload sent more than the {length} bytes its Content-Length "
                "declares; it was not kept.",
            )
        finally:  # the file is now in Streamlit's storage (held), or it was refused
            reserved.pop(file_id, None)
            if not reserved and self._in_flight.get(session) is reserved:
                del self._in_flight[session]
