"""Serve the dashboard with the upload gate: `python serve.py [streamlit run options]`.

Streamlit 1.67 accepts file uploads (PUT /_stcore/upload_file/...) from any browser session,
signed in or not. This launcher runs exactly `streamlit run app.py ...` with one more ASGI
middleware in front, :class:`impact.gate.UploadGate` (403 unless the session belongs to a
live editor sign-in). It adds it where Streamlit builds its own middleware list
(``create_streamlit_middleware``); if a Streamlit upgrade renames that, this fails at start
rather than serving ungated. (``st.App("app.py", middleware=...)`` would be the public way,
but in 1.67 it shows a "Page not found" dialog on a direct link such as /unggah.)

The gate also caps what one session holds in uploads; :func:`_held` tells it what Streamlit's
in-memory uploaded-file manager holds for a session now.

It also tells Streamlit that the app declares its own pages (``st.navigation`` in app.py):
with a folder named ``pages/`` beside app.py, Streamlit 1.67 runs the first session after a
start through its legacy pages-folder router, which knows no /ringkasan or /pendapatan and
answers a shared link with an English "Page not found" dialog. Our ``pages/`` folder is the
house layout's module folder, not that router's; the flag is the one Streamlit itself clears
once ``st.navigation`` has run (``PagesManager.uses_pages_directory``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from starlette.middleware import Middleware
from streamlit import runtime
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app, starlette_server

from impact.gate import UploadGate

_streamlit_middleware = starlette_app.create_streamlit_middleware  # AttributeError if renamed
# _held reads this attribute; a Streamlit that stores uploads otherwise fails here, at start.
if "file_storage" not in vars(MemoryUploadedFileManager("/probe")):
    raise SystemExit("serve.py: Streamlit's uploaded-file manager changed; update impact/gate.py")


def _held(session: str) -> Mapping[str, int]:
    """file id -> bytes that Streamlit's uploaded-file manager holds for ``session``."""
    manager = runtime.get_instance().uploaded_file_mgr
    # MemoryUploadedFileManager (what `streamlit run` uses) keeps {session: {file id: rec}}.
    # A copy of a dict is made without releasing the GIL, so no lock is needed to read it.
    files = dict(manager.file_storage.get(session) or {})  # type: ignore[attr-defined]
    return {file_id: len(rec.data) for file_id, rec in files.items()}


# The largest websocket message a browser may send, in bytes. A browser sends widget values
# there (the longest: a 500-character source, a 257-character password) and hashes of the
# messages it holds; files go over HTTP. Streamlit's own floor (server.maxWidgetStateSize) is
# whole megabytes and checked after the frame is read: 50 anonymous sessions sending 1 MB kept
# 110 MB. Given to uvicorn, this refuses a larger frame from its header (close 1009) before
# reading it. Measured by tests/bench_messages.py; see README.
CLIENT_MESSAGE_BYTES = 256 * 1024
_uvicorn_kwargs = starlette_server._get_uvicorn_config_kwargs  # AttributeError if renamed


def _bounded_uvicorn_kwargs() -> dict:
    return {**_uvicorn_kwargs(), "ws_max_size": CLIENT_MESSAGE_BYTES}


def _with_gate() -> list[Middleware]:
    return [Middleware(UploadGate, held=_held), *_streamlit_middleware()]


if __name__ == "__main__":
    starlette_app.create_streamlit_middleware = _with_gate
    starlette_server._get_uvicorn_config_kwargs = _bounded_uvicorn_kwargs
    PagesManager.uses_pages_directory = False  # app.py's st.navigation declares the pages
    app = str(Path(__file__).resolve().with_name("app.py"))
    sys.argv = ["streamlit", "run", app, *sys.argv[1:]]
    sys.exit(cli.main())
