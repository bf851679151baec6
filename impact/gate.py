"""A gate in front of Streamlit's upload endpoint: only signed-in editors may send files.

Streamlit accepts ``PUT /_stcore/upload_file/<session id>/<file id>`` (up to
``server.maxUploadSize``, 400 MB here) from any browser session, signed in or not; the page
then ignores the file, but the server has read it. :class:`UploadGate` is plain ASGI
middleware (no Streamlit import): it answers 403 before reading the body unless
:data:`impact.auth.SESSIONS` knows that session as a live editor. ``serve.py`` (what `make run` starts) adds it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from impact import auth

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

UPLOAD_PATH = "/_stcore/upload_file/"


def upload_session(scope: Scope) -> str | None:
    """The Streamlit session id of a file upload request (PUT/POST), else None."""
    if scope.get("type") != "http" or scope.get("method") not in ("PUT", "POST"):
        return None
    path: str = scope.get("path", "")
    at = path.find(UPLOAD_PATH)
    if at < 0:
        return None
    return path[at + len(UPLOAD_PATH) :].split("/", 1)[0]


class UploadGate:
    """403 for an upload from a browser session without a live editor sign-in."""

    def __init__(self, app: ASGIApp, sessions: auth.SessionRegistry | None = None) -> None:
        self.app = app
        self.sessions = sessions or auth.SESSIONS

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        session = upload_session(scope)
        if session is not None and not self.sessions.allows_upload(session):
            body = b"Sign in as an editor to upload files."
            await send(
                {
                    "type": "http.response.start",
                    "status": 403,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
