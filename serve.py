"""Serve the dashboard with the upload gate: `python serve.py [streamlit run options]`.

Streamlit 1.67 accepts file uploads (PUT /_stcore/upload_file/...) from any browser session,
signed in or not. This launcher runs exactly `streamlit run app.py ...` with one more ASGI
middleware in front, :class:`impact.gate.UploadGate` (403 unless the session belongs to a
live editor sign-in). It adds it where Streamlit builds its own middleware list
(``create_streamlit_middleware``); if a Streamlit upgrade renames that, this fails at start
rather than serving ungated. (``st.App("app.py", middleware=...)`` would be the public way,
but in 1.67 it shows a "Page not found" dialog on a direct link such as /unggah.)

It also tells Streamlit that the app declares its own pages (``st.navigation`` in app.py):
with a folder named ``pages/`` beside app.py, Streamlit 1.67 runs the first session after a
start through its legacy pages-folder router, which knows no /ringkasan or /pendapatan and
answers a shared link with an English "Page not found" dialog. Our ``pages/`` folder is the
house layout's module folder, not that router's; the flag is the one Streamlit itself clears
once ``st.navigation`` has run (``PagesManager.uses_pages_directory``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app

from impact.gate import UploadGate

_streamlit_middleware = starlette_app.create_streamlit_middleware  # AttributeError if renamed


def _with_gate() -> list[Middleware]:
    return [Middleware(UploadGate), *_streamlit_middleware()]


if __name__ == "__main__":
    starlette_app.create_streamlit_middleware = _with_gate
    PagesManager.uses_pages_directory = False  # app.py's st.navigation declares the pages
    app = str(Path(__file__).resolve().with_name("app.py"))
    sys.argv = ["streamlit", "run", app, *sys.argv[1:]]
    sys.exit(cli.main())
