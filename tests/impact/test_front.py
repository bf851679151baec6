"""impact.front.FrontDoor: plain ASGI, tested without a server (the served headers are
checked against a real serve.py in tests/e2e/test_front.py)."""

from __future__ import annotations

import asyncio
import ssl

import pytest

from impact import front
from tests import asyncrun


def _call(app, scope) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncrun.run(app(scope, receive, send))
    return sent


async def _inner(scope, receive, send) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.accept"})
        return
    headers = [(b"set-cookie", b"_streamlit_xsrf=abc; Path=/; SameSite=Lax")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"ok"})


def _scope(path: str = "/", host: str = "pc-dinas:8501", kind: str = "http") -> dict:
    return {"type": kind, "method": "GET", "path": path, "headers": [(b"host", host.encode())]}


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("pc-dinas:8501", True),
        ("PC-DINAS", True),
        ("pc-dinas.:8501", True),
        ("192.168.1.20:8501", True),
        ("dashboard.blitarkota.go.id", True),
        ("[::1]:8501", True),
        ("evil.example:8501", False),
        ("blitarkota.go.id.evil.example", False),
        ("pc-dinas@evil.example", False),
        ("pc-dinas:port", False),
        ("", False),
    ],
)
def test_host_allowed(host: str, allowed: bool) -> None:
    office = ("pc-dinas", "192.168.1.20", "*.blitarkota.go.id", "::1")
    assert front.host_allowed(host, office) is allowed
    assert front.host_allowed(host, ()) is True  # nothing set: any host, as before


def test_another_host_is_refused_over_http_and_websocket() -> None:
    app = front.FrontDoor(_inner, allowed_hosts=("pc-dinas",))
    assert _call(app, _scope())[0]["status"] == 200
    assert _call(app, _scope(host="rebound.example"))[0]["status"] == 400
    assert _call(app, _scope(kind="websocket"))[0]["type"] == "websocket.accept"
    assert _call(app, _scope(host="rebound.example", kind="websocket"))[0] == {
        "type": "websocket.close",
        "code": 1008,
    }


def test_metrics_are_closed() -> None:
    app = front.FrontDoor(_inner)
    assert _call(app, _scope("/_stcore/metrics"))[0]["status"] == 404
    assert _call(app, _scope("/base/_stcore/metrics"))[0]["status"] == 404


def test_every_answer_carries_the_headers_and_https_adds_hsts_and_secure_cookies() -> None:
    plain = dict(_call(front.FrontDoor(_inner), _scope())[0]["headers"])
    assert plain[b"x-content-type-options"] == b"nosniff"
    assert plain[b"x-frame-options"] == b"SAMEORIGIN"
    assert plain[b"content-security-policy"] == b"frame-ancestors 'self'"
    assert b"strict-transport-security" not in plain
    assert b"Secure" not in plain[b"set-cookie"]
    tls = dict(_call(front.FrontDoor(_inner, https=True), _scope())[0]["headers"])
    assert tls[b"strict-transport-security"] == b"max-age=86400"
    assert tls[b"set-cookie"].endswith(b"; Secure")


def test_plain_http_on_the_https_port_is_redirected_or_told_why() -> None:
    head = b"GET /unggah?lang=id HTTP/1.1\r\nHost: pc-dinas:8501\r\n\r\n"
    answer = front.plain_http_answer(head, ("pc-dinas",))
    assert answer.startswith(b"HTTP/1.1 301 ")
    assert b"\r\nLocation: https://pc-dinas:8501/unggah?lang=id\r\n" in answer
    assert b"https://" in answer.split(b"\r\n\r\n", 1)[1]  # the sentence, for any client
    for bad in (
        b"GET / HTTP/1.1\r\nHost: rebound.example\r\n\r\n",  # not an allowed host
        b"GET / HTTP/1.1\r\nHost: pc-dinas\r\nX: \r\nLocation: evil\r\n\r\n"[:20],
        b"\x00\x01garbage\r\n\r\n",
    ):
        answer = front.plain_http_answer(bad, ("pc-dinas",))
        assert answer.startswith(b"HTTP/1.1 400 ") and b"Location" not in answer


def test_plain_or_tls_answers_plain_http_and_lets_a_silent_client_go(monkeypatch) -> None:
    """Over a real socket (TLS itself: tests/e2e/test_front.py)."""
    monkeypatch.setattr(front, "FIRST_BYTES_SECONDS", 0.2)

    async def main() -> tuple[bytes, bytes]:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server = await asyncio.get_running_loop().create_server(
            lambda: front.PlainOrTLS(asyncio.Protocol, context), "127.0.0.1", 0
        )
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /ringkasan HTTP/1.1\r\nHost: localhost:8501\r\n\r\n")
        answered = await asyncio.wait_for(reader.read(), 5)
        writer.close()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        silent = await asyncio.wait_for(reader.read(), 5)  # b"" once the server closes
        writer.close()
        server.close()
        return answered, silent

    answered, silent = asyncrun.run(main())
    assert answered.startswith(b"HTTP/1.1 301 ")
    assert b"Location: https://localhost:8501/ringkasan\r\n" in answered
    assert silent == b""
