"""What the server says to any client before the app does: plain ASGI middleware (no
Streamlit import) that serve.py puts in front of everything Streamlit serves.

- **Host check.** With :func:`impact.config.allowed_hosts` set (``BATIK_ALLOWED_HOSTS``), a
  request or websocket whose Host header names another host is refused (400 / closed): a
  page elsewhere that points a name of its own at this machine (DNS rebinding) gets nothing.
  Streamlit's ``server.allowedHosts`` checks the websocket only.
- **Closed endpoints.** ``/_stcore/metrics`` answers 404: it tells anyone every cached
  function's name, sizes and timings, and nothing in the dashboard reads it.
- **Headers on every answer.** ``X-Content-Type-Options: nosniff`` (a file is never run as
  what it is not), ``X-Frame-Options: SAMEORIGIN`` and CSP ``frame-ancestors 'self'`` (no
  other site frames the dashboard to trick a click; Streamlit's own components are framed by
  the same origin), ``Referrer-Policy: same-origin``. Over HTTPS also
  ``Strict-Transport-Security`` (:data:`HSTS_SECONDS`) and ``Secure`` on every cookie.
- **Plain HTTP on the HTTPS port** (:class:`PlainOrTLS`, below the ASGI layer): a browser
  that opens ``http://`` on the port that speaks TLS got an empty reply; it is now sent to
  the same address over ``https://`` (a redirect, with a sentence for anything else).
"""

from __future__ import annotations

import asyncio
import ssl
from asyncio import sslproto
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from impact import gate, i18n

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]

CLOSED_PATHS = ("/_stcore/metrics",)
# One day: browsers that saw the dashboard over HTTPS keep to HTTPS for a day. Short, because
# the header binds the whole host name (every port), and an office that goes back to plain
# HTTP (make run without HTTPS=1) would otherwise be unreachable from those browsers for as
# long. Browsers ignore it on a connection with a certificate warning, and for IP addresses.
HSTS_SECONDS = 86_400

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"referrer-policy", b"same-origin"),
)


def host_allowed(host: str | None, allowed: Sequence[str]) -> bool:
    """Whether a Host header names one of ``allowed`` (lower-case names; ``*.x`` any
    subdomain of x). Ports are ignored; nothing allowed means any host. A missing or malformed
    header is refused once a list is set."""
    if not allowed:
        return True
    if not host:
        return False
    try:
        parts = urlsplit("//" + host)
        name = parts.hostname
        _ = parts.port  # a port that is not a number is malformed
    except ValueError:
        return False
    if name is None or parts.username or parts.password or parts.path or parts.query:
        return False
    name = name.lower().rstrip(".")
    return any(
        name.endswith(pattern[1:]) if pattern.startswith("*.") else name == pattern
        for pattern in allowed
    )


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == wanted:
            return bytes(value).decode("latin-1")
    return None


def _both(key: str) -> str:
    """A sentence in both languages: these answers come before any page, from a client
    whose language is not known."""
    return "".join(i18n.t(key, lang) + "\n" for lang in i18n.LANGS)


def _closed(path: str) -> bool:
    return any(path == p or path.endswith(p) for p in CLOSED_PATHS)


class FrontDoor:
    """The Host check, the closed endpoints and the headers above, around ``app``.

    ``allowed_hosts``: see :func:`host_allowed`; ``https``: the server speaks TLS (HSTS is
    sent and cookies are made ``Secure``).
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str] = (), https: bool = False):
        self.app, self.allowed_hosts, self.https = app, tuple(allowed_hosts), https

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        kind = scope.get("type")
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if not host_allowed(_header(scope, b"host"), self.allowed_hosts):
            if kind == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await gate.plain_answer(send, 400, _both("server.unknown_host"), HEADERS)
            return
        if kind == "websocket":
            await self.app(scope, receive, send)
            return
        if _closed(scope.get("path", "")):
            await gate.plain_answer(send, 404, "Not found.", HEADERS)
            return
        await self.app(scope, receive, self._with_headers(send))

    def _with_headers(self, send: Callable) -> Callable:
        async def sending(message: dict[str, Any]) -> None:
            if message.get("type") == "http.response.start":
                headers = [self._secure(name, value) for name, value in message.get("headers", [])]
                present = {bytes(name).lower() for name, _ in headers}
                headers += [(n, v) for n, v in HEADERS if n not in present]
                if self.https and b"strict-transport-security" not in present:
                    headers.append((b"strict-transport-security", b"max-age=%d" % HSTS_SECONDS))
                message = {**message, "headers": headers}
            await send(message)

        return sending

    def _secure(self, name: bytes, value: bytes) -> tuple[bytes, bytes]:
        """A Set-Cookie over HTTPS gets ``Secure`` if it lacks it."""
        if self.https and bytes(name).lower() == b"set-cookie":
            attributes = [a.strip().lower() for a in bytes(value).split(b";")[1:]]
            if b"secure" not in attributes:
                return name, bytes(value) + b"; Secure"
        return name, value


# A TLS connection opens with a handshake record (content type 22); an HTTP request with a
# method name in ASCII letters.
_TLS_HANDSHAKE = 0x16
FIRST_BYTES_SECONDS = 60.0  # asyncio's default TLS handshake timeout


def plain_http_answer(head: bytes, allowed_hosts: Sequence[str] = ()) -> bytes:
    """The whole answer to a plain-HTTP request whose first bytes are ``head``: a redirect
    to the same host and path over https:// when the request line and Host header can be
    read and the host is allowed (:func:`host_allowed`), else 400 with a sentence in both
    languages."""
    lines = head.split(b"\r\n")
    request = lines[0].split(b" ")
    host = next(
        (line.split(b":", 1)[1].strip() for line in lines[1:] if line.lower().startswith(b"host:")),
        b"",
    )
    path = request[1] if len(request) == 3 else b""
    body = _both("server.https_only").encode()
    safe = all(0x21 <= c < 0x7F for c in host + path) and host and path.startswith(b"/")
    if safe and host_allowed(host.decode("ascii"), allowed_hosts):
        status = b"301 Moved Permanently"
        extra = b"Location: https://" + host + path + b"\r\n"
    else:
        status, extra = b"400 Bad Request", b""
    return (
        b"HTTP/1.1 "
        + status
        + b"\r\n"
        + extra
        + b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n" % len(body)
        + b"X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        + body
    )


class PlainOrTLS(asyncio.Protocol):
    """A listening socket's protocol that reads a connection's first bytes: a TLS handshake
    goes on to TLS (``context``) and the server's own protocol (``make()``), exactly as with
    ``create_server(ssl=context)``; anything else gets :func:`plain_http_answer` and is
    closed. Instead of ``ssl=`` on the server, because with it a plain request ends in a TLS
    error and the browser shows an empty reply."""

    def __init__(
        self,
        make: Callable[[], asyncio.BaseProtocol],
        context: ssl.SSLContext,
        allowed_hosts: Sequence[str] = (),
    ) -> None:
        self.make, self.context, self.allowed_hosts = make, context, tuple(allowed_hosts)
        self.transport: asyncio.Transport | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.head = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        # A client that connects and says nothing is let go, as TLS's handshake timeout did.
        self.timer = asyncio.get_running_loop().call_later(FIRST_BYTES_SECONDS, transport.close)

    def data_received(self, data: bytes) -> None:
        transport = self.transport
        assert transport is not None
        if not self.head and data[:1] == bytes([_TLS_HANDSHAKE]):
            if self.timer:
                self.timer.cancel()  # TLS's own handshake timeout takes over
            tls = sslproto.SSLProtocol(
                asyncio.get_running_loop(), self.make(), self.context, None, server_side=True
            )
            transport.set_protocol(tls)
            tls.connection_made(transport)
            view = memoryview(data)
            while view:  # hand over what was read, as if TLS had read it
                buffer = tls.get_buffer(len(view))
                n = min(len(buffer), len(view))
                buffer[:n] = view[:n]
                tls.buffer_updated(n)
                view = view[n:]
            return
        self.head += data
        if b"\r\n\r\n" in self.head or len(self.head) > 8192:
            transport.write(plain_http_answer(self.head, self.allowed_hosts))
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.timer:
            self.timer.cancel()
        self.transport = None
