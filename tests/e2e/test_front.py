"""What a real serve.py tells a stranger, over raw HTTP and a raw websocket: the Host check
(BATIK_ALLOWED_HOSTS), the framing and content-type headers, /_stcore/metrics closed, no
absolute path, Python version or git information in a session, and over HTTPS (a
self-signed certificate made as the Makefile makes it) HSTS and Secure cookies. Before:
any Host was served, no such headers, metrics and git remote open to anyone."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from impact import config
from tests import asyncrun
from tests.e2e.conftest import ROOT, serve

pytestmark = pytest.mark.e2e


def _get(
    port: int, path: str, host: str = "127.0.0.1", tls: bool = False
) -> http.client.HTTPResponse:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=10, context=context
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": f"{host}:{port}"})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


@contextlib.contextmanager
def _serve(folder: Path, *args: str, tls: bool = False) -> Iterator[int]:
    """The port of a serve.py that answers only localhost and 127.0.0.1."""
    hosts = {config.ALLOWED_HOSTS: "localhost,127.0.0.1"}
    with serve(folder, *args, env=hosts, tls=tls, synthetic=False) as url:
        yield int(url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def port(tmp_path_factory) -> Iterator[int]:
    with _serve(tmp_path_factory.mktemp("front")) as served:
        yield served


def test_another_host_name_is_refused(port: int) -> None:
    assert _get(port, "/_stcore/health").status == 200
    assert _get(port, "/_stcore/health", host="localhost").status == 200
    assert _get(port, "/", host="rebound.example").status == 400
    assert _get(port, "/_stcore/health", host="rebound.example").status == 400


def test_every_answer_forbids_sniffing_and_framing_by_other_sites(port: int) -> None:
    for path in ("/", "/_stcore/health", "/no-such-file.js"):
        response = _get(port, path)
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("X-Frame-Options") == "SAMEORIGIN", path
        assert response.getheader("Content-Security-Policy") == "frame-ancestors 'self'", path
        assert response.getheader("Strict-Transport-Security") is None  # plain HTTP


def test_metrics_are_not_served(port: int) -> None:
    assert _get(port, "/_stcore/metrics").status == 404


async def _session(port: int, host: str = "127.0.0.1", tls: bool = False) -> list[ForwardMsg]:
    """Open a session, ask for the page and for git information; the messages received."""
    # the URL's host is the Host header; the socket is this machine's
    url = f"{'wss' if tls else 'ws'}://{host}:{port}/_stcore/stream"
    received: list[ForwardMsg] = []
    sock = socket.create_connection(("127.0.0.1", port))
    context = None
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    async with websockets.connect(
        url, sock=sock, ssl=context, subprotocols=["streamlit"], max_size=None
    ) as ws:
        git, run = BackMsg(), BackMsg()
        git.load_git_info = True
        run.rerun_script.query_string = "lang=id"
        await ws.send(git.SerializeToString())
        await ws.send(run.SerializeToString())
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
            received.append(msg)
            if msg.WhichOneof("type") == "script_finished":
                return received


def test_a_session_learns_no_path_python_version_or_git_remote(port: int) -> None:
    messages = asyncrun.run(_session(port))
    kinds = [m.WhichOneof("type") for m in messages]
    assert "git_info_changed" not in kinds
    new = next(m.new_session for m in messages if m.WhichOneof("type") == "new_session")
    assert new.main_script_path == "app.py"
    assert str(ROOT) not in str(messages)
    assert new.initialize.environment_info.python_version == ""


def test_a_websocket_for_another_host_is_refused(port: int) -> None:
    with pytest.raises(websockets.InvalidStatus):
        asyncrun.run(_session(port, host="rebound.example"))


def test_over_https_hsts_is_sent_cookies_are_secure_and_plain_http_is_redirected(
    tmp_path: Path,
) -> None:
    cert, key = tmp_path / "dashboard.crt", tmp_path / "dashboard.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    tls_args = ("--server.sslCertFile", str(cert), "--server.sslKeyFile", str(key))
    with _serve(tmp_path, *tls_args, tls=True) as served:
        response = _get(served, "/_stcore/health", tls=True)
        assert response.getheader("Strict-Transport-Security") == "max-age=86400"
        cookies = response.headers.get_all("Set-Cookie") or []
        assert cookies and all("Secure" in c for c in cookies)
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        # plain HTTP on the HTTPS port: before, an empty reply; now sent to https://
        plain = _get(served, "/unggah?lang=id", host="localhost")
        assert plain.status == 301
        assert plain.getheader("Location") == f"https://localhost:{served}/unggah?lang=id"
        assert _get(served, "/", host="rebound.example").status == 400  # not allowed: no redirect
        # and TLS still carries a whole session
        kinds = [m.WhichOneof("type") for m in asyncrun.run(_session(served, tls=True))]
        assert kinds[-1] == "script_finished"
