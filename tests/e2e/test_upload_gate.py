"""The upload endpoint behind serve.py's gate, in Chromium: an editor's browser session may
send files; once signed out, the same session's PUT is refused (403) before the body is read.
Without the gate Streamlit 1.67 accepts the PUT from any live session, signed in or not.
What one session holds is capped (here BATIK_SESSION_UPLOAD_MB=1): beyond it, 413."""

from __future__ import annotations

import socket
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from impact import config, synthetic
from tests.e2e.conftest import serve, sign_in, wait_for_app_run

pytestmark = pytest.mark.e2e

GOOD = (
    b"indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    b"batik_competitiveness;blitar;batik;2024;90;dilaporkan;Disperindag (2025)\n"
)

CAP = 2**20  # what one browser session may hold in uploads, in this server


@pytest.fixture(scope="module")
def gated_server(tmp_path_factory) -> Iterator[str]:
    cap = {config.SESSION_UPLOAD_MB: str(CAP / 2**20)}
    with serve(tmp_path_factory.mktemp("gate"), env=cap, synthetic=False) as url:
        yield url


def _replay(page: Page, url: str, size: int = 2000) -> int:
    """PUT a file of ``size`` bytes to ``url`` from this browser (its cookies and XSRF
    token), as a script in the page could."""
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")
    response = page.request.put(
        url,
        headers={"X-Xsrftoken": xsrf},
        multipart={"file": {"name": "x.csv", "mimeType": "text/csv", "buffer": b"a" * size}},
    )
    return response.status


def _sign_in(page: Page, url: str) -> None:
    # The first session after a start cannot resolve a deep link before st.navigation has run
    # once ("Page not found" dialog; Streamlit 1.67, also without the gate): open / first.
    page.goto(f"{url}/?lang=id")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.goto(f"{url}/unggah?lang=id")
    sign_in(page)


def test_only_a_signed_in_editor_session_may_upload(page: Page, gated_server, tmp_path) -> None:
    uploads: list[str] = []
    page.on(
        "request", lambda r: uploads.append(r.url) if "/_stcore/upload_file/" in r.url else None
    )
    _sign_in(page, gated_server)
    upload = tmp_path / "daya_saing_2024.csv"
    upload.write_bytes(GOOD)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    assert uploads  # the widget's own PUT went through the gate
    assert _replay(page, uploads[0].rsplit("/", 1)[0] + "/replay-1") == 204

    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("button", name="Masuk")).to_be_visible(timeout=15_000)
    assert _replay(page, uploads[0].rsplit("/", 1)[0] + "/replay-2") == 403
    assert _replay(page, f"{gated_server}/_stcore/upload_file/no-such-session/x") == 403


def test_one_session_holds_at_most_its_cap(page: Page, gated_server, tmp_path) -> None:
    """Two saved files of ~0.55 MB fit in turn (the page lets go of a saved file); files sent
    beside the one in the box fit up to 1 MB in all, then 413; the same file id sent again
    replaces it and fits."""
    uploads: list[str] = []
    page.on(
        "request", lambda r: uploads.append(r.url) if "/_stcore/upload_file/" in r.url else None
    )
    _sign_in(page, gated_server)
    files = [
        synthetic.write_csv(tmp_path / f"usaha_{i}.csv", 200, range(2004, 2024), seed=i)
        for i in (1, 2)
    ]
    assert all(0.5 * CAP < f.stat().st_size < 0.6 * CAP for f in files)
    for upload in files:  # without the release after a save, the second one would not fit
        page.set_input_files("input[type=file]", str(upload))
        expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=60_000)
        page.get_by_role("button", name="Simpan ke database").click()
        expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=60_000)
        wait_for_app_run(page)  # the new, empty uploader is in place
    page.set_input_files("input[type=file]", str(files[0]))  # held: ~0.55 MB
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=60_000)
    base = uploads[-1].rsplit("/", 1)[0]
    assert _replay(page, f"{base}/extra-1", 300_000) == 204  # ~0.85 MB held
    assert _replay(page, f"{base}/extra-2", 300_000) == 413  # would be ~1.15 MB
    assert _replay(page, f"{base}/extra-1", 400_000) == 204  # replaces extra-1: ~0.95 MB
    assert _replay(page, f"{base}/extra-3", 100_000) == 413


def _chunked_put(url: str, cookies: dict[str, str], xsrf: str, size: int) -> int:
    """PUT a multipart body of ``size`` bytes sent ``Transfer-Encoding: chunked`` while
    declaring ``Content-Length: 10``, over a raw socket; the status the server answers."""
    parts = urllib.parse.urlsplit(url)
    boundary = "batikboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    request = (
        f"PUT {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nCookie: {cookie}\r\n"
        f"X-Xsrftoken: {xsrf}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
        "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    block = b"a" * 65536
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as s:
        s.sendall(request)
        try:
            for chunk in [head, *[block] * (size // len(block)), tail]:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            s.sendall(b"0\r\n\r\n")
        except OSError:  # cut off mid-send: the answer is already waiting
            pass
        answer = b""
        while b"\r\n" not in answer:
            data = s.recv(4096)
            if not data:
                break
            answer += data
    return int(answer.split(b" ", 2)[1])


def test_a_chunked_body_counts_against_the_cap_as_it_arrives(
    page: Page, gated_server, tmp_path
) -> None:
    """Before: Content-Length 10 and a 3 MB chunked body was kept (204) against a 1 MB cap."""
    uploads: list[str] = []
    page.on(
        "request", lambda r: uploads.append(r.url) if "/_stcore/upload_file/" in r.url else None
    )
    _sign_in(page, gated_server)
    upload = tmp_path / "daya_saing_2024.csv"
    upload.write_bytes(GOOD)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    base = uploads[0].rsplit("/", 1)[0]
    xsrf = cookies["_streamlit_xsrf"]
    assert _chunked_put(f"{base}/chunked-1", cookies, xsrf, 3 * CAP) == 413
    assert _replay(page, f"{base}/small-1", 2000) == 204  # the session still uploads
