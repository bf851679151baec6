"""A real `streamlit run` server on a free port, and Debian's Chromium for Playwright."""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from impact import auth, store
from tests.synthetic_data import load_synthetic

EDITOR_PASSWORD = "sandi-e2e"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"


# Streamlit marks its root element with the script's run state (initial, running, notRunning)
# and the websocket's state; elements of an earlier run carry data-stale="true" until the
# new run has replaced or removed them.
APP_CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NOTHING_STALE = "document.querySelectorAll('[data-stale=\"true\"]').length === 0"


def wait_for_app_run(page: Page, timeout: float = 60_000) -> None:
    """Wait until the app has finished running its script: connected, not running, nothing
    left stale. Streamlit's own e2e suite waits the same way (its ``wait_for_app_run``); a
    fixed sleep flakes on a loaded machine. Call it after something that shows the run has
    started (the new page's first element, a widget's result), since right after a click the
    previous run's "notRunning" may still be on the page."""
    page.wait_for_selector(APP_CONNECTED, timeout=timeout)
    page.wait_for_selector(APP_IDLE, timeout=timeout)
    page.wait_for_function(NOTHING_STALE, timeout=timeout)


def sign_in(page: Page, name: str = "ani", timeout: float = 15_000) -> None:
    """Sign in on the upload page the browser is on, as an editor would, and wait for the
    signed-in line itself (the form's heading 'Masuk sebagai editor' lingers while it reruns)."""
    page.get_by_label("Nama editor").fill(name)
    page.get_by_label("Kata sandi").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text(f"Masuk sebagai {name}")).to_be_visible(timeout=timeout)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The smallest common projector/laptop size planners present on.
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(
    folder: Path,
    *args: str,
    env: dict[str, str] | None = None,
    tls: bool = False,
    synthetic: bool = True,
) -> Iterator[str]:
    """Base URL of a dashboard served by serve.py (as `make run` serves it: the upload gate,
    the pages declared) from a freshly seeded database in ``folder``; ``args`` are further
    Streamlit options, ``env`` further settings, ``tls`` for a server given a certificate
    (its health is asked over HTTPS, the certificate not checked), ``synthetic`` loads the
    synthetic enterprise records (marked illustrative) the equity page shows."""
    db = store.ensure_database(folder / "batik.duckdb")
    if synthetic:
        load_synthetic(db)
    port = _free_port()
    settings = {
        **os.environ,
        store.DB_PATH_ENV: str(db),
        auth.PASSWORD_HASH_ENV: auth.hash_password(EDITOR_PASSWORD),
        **(env or {}),
    }
    command = [sys.executable, str(ROOT / "serve.py"), "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--browser.gatherUsageStats", "false", *args]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=settings, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    context = ssl._create_unverified_context() if tls else None  # a self-signed certificate
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    url + "/_stcore/health", timeout=2, context=context
                ) as r:
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


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    with serve(tmp_path_factory.mktemp("e2e")) as url:
        yield url


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[str]:
    """A server of the test's own, for what happens on the first visit after a start."""
    with serve(tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
