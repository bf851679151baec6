"""Serve the dashboard with the upload gate: `python serve.py [streamlit run options]`.

Streamlit 1.67 accepts file uploads (PUT /_stcore/upload_file/...) from any browser session,
signed in or not. This launcher runs exactly `streamlit run app.py ...` with one more ASGI
middleware in front, :class:`impact.gate.UploadGate` (403 unless the session belongs to a
live editor sign-in). It adds it where Streamlit builds its own middleware list
(``create_streamlit_middleware``); if a Streamlit upgrade renames that, this fails at start
rather than serving ungated. (``st.App("app.py", middleware=...)`` would be the public way,
but in 1.67 it shows a "Page not found" dialog on a direct link such as /unggah.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from starlette.middleware import Middleware
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app

from impact.gate import UploadGate

_streamlit_middleware = starlette_app.create_streamlit_middleware  # AttributeError if renamed


def _with_gate() -> list[Middleware]:
    return [Middleware(UploadGate), *_streamlit_middleware()]


if __name__ == "__main__":
    starlette_app.create_streamlit_middleware = _with_gate
    app = str(Path(__file__).resolve().with_name("app.py"))
    sys.argv = ["streamlit", "run", app, *sys.argv[1:]]
    sys.exit(cli.main())
