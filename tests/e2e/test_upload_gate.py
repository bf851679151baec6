"""The upload endpoint behind serve.py's gate, in Chromium: an editor's browser session may
send files; once signed out, the same session's PUT is refused (403) before the body is read.
Without the gate Streamlit 1.67 accepts the PUT from any live session, signed in or not."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from impact import auth, store
from tests.e2e.conftest import EDITOR_PASSWORD, ROOT, _free_port

pytestmark = pytest.mark.e2e

GOOD = (
    b"indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    b"batik_competitiveness;blitar;batik;2024;90;dilaporkan;Disperindag (2025)\n"
)


@pytest.fixture(scope="module")
def gated_server(tmp_path_factory) -> Iterator[str]:
    db = store.ensure_database(tmp_path_factory.mktemp("gate") / "batik.duckdb")
    port = _free_port()
    env = {
        **os.environ,
        store.DB_PATH_ENV: str(db),
        auth.PASSWORD_HASH_ENV: auth.hash_password(EDITOR_PASSWORD),
    }
    args = ["--server.headless", "true", "--server.port", str(port)]
    args += ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "serve.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("serve.py did not start:\n" + (proc.stdout.read() or ""))
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _replay(page: Page, url: str) -> int:
    """PUT a file to ``url`` from this browser (its cookies and XSRF token), as a script
    in the page could."""
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")
    response = page.request.put(
        url,
        headers={"X-Xsrftoken": xsrf},
        multipart={"file": {"name": "x.csv", "mimeType": "text/csv", "buffer": b"a\n" * 1000}},
    )
    return response.status


def test_only_a_signed_in_editor_session_may_upload(page: Page, gated_server, tmp_path) -> None:
    uploads: list[str] = []
    page.on(
        "request", lambda r: uploads.append(r.url) if "/_stcore/upload_file/" in r.url else None
    )
    # The first session after a start cannot resolve a deep link before st.navigation has run
    # once ("Page not found" dialog; Streamlit 1.67, also without the gate): open / first.
    page.goto(f"{gated_server}/?lang=id")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.goto(f"{gated_server}/unggah?lang=id")
    page.get_by_label("Nama editor").fill("ani")
    page.get_by_label("Kata sandi").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masuk sebagai")).to_be_visible(timeout=15_000)
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
