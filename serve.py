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
from collections.abc import Callable, Mapping
from pathlib import Path

import uvicorn
from starlette.middleware import Middleware
from streamlit import config as st_config
from streamlit import runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app, starlette_server

from impact import auth, config
from impact.front import FrontDoor, PlainOrTLS
from impact.gate import UploadGate
from impact.upload import spill

_streamlit_middleware = starlette_app.create_streamlit_middleware  # AttributeError if renamed
# The three AppSession methods replaced below; a Streamlit that renames one fails here.
_new_session_message = AppSession._create_new_session_message
_clear_cache = AppSession._handle_clear_cache_request
_git_info = AppSession._handle_git_information_request
_uvicorn_load = uvicorn.Config.load
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


def _editor_clears_cache(session: AppSession) -> None:
    """Streamlit empties every shared cache for anyone whose browser sends ``clear_cache``
    (its menu, the key 'c', or a script): one client doing it five times a second slowed every
    viewer from 0.07 to 0.93 s a page. Only a live editor session's request is done; caches
    are keyed by the data's version, so a save never needs it."""
    if auth.SESSIONS.allows_upload(session.id):
        _clear_cache(session)


def _no_git_info(session: AppSession) -> None:
    """Streamlit answers ``load_git_info`` with the repository's remote, branch and changed
    files, to anyone: nothing is sent."""


def _new_session_said_less(session: AppSession, *args: object, **kwargs: object) -> object:
    """The first message of every session, without the server's absolute path of app.py,
    its Python version and operating system. (Streamlit's version is in its JavaScript,
    which every browser loads, so it stays.)"""
    msg = _new_session_message(session, *args, **kwargs)  # type: ignore[arg-type]
    msg.new_session.main_script_path = Path(msg.new_session.main_script_path).name
    environment = msg.new_session.initialize.environment_info
    environment.python_version = ""
    environment.server_os = ""
    return msg


def _load_answering_plain_http(uv: uvicorn.Config) -> None:
    """uvicorn's settings, with TLS taken over by :class:`impact.front.PlainOrTLS` so that
    plain HTTP on the HTTPS port gets a redirect instead of an empty reply. Streamlit builds
    the server from these settings; the protocol is what uvicorn calls per connection."""
    _uvicorn_load(uv)
    if uv.ssl is None:
        return
    context, uv.ssl = uv.ssl, None
    protocol: Callable[..., object] = uv.http_protocol_class
    hosts = config.allowed_hosts()

    def per_connection(**kwargs: object) -> PlainOrTLS:
        return PlainOrTLS(lambda: protocol(**kwargs), context, hosts)  # type: ignore[arg-type,return-value]

    uv.http_protocol_class = per_connection  # type: ignore[assignment]


def _with_gate() -> list[Middleware]:
    front = Middleware(
        FrontDoor,
        allowed_hosts=config.allowed_hosts(),
        https=bool(st_config.get_option("server.sslCertFile")),
    )
    return [front, Middleware(UploadGate, held=_held), *_streamlit_middleware()]


if __name__ == "__main__":
    try:
        config.allowed_hosts()  # a wrong value stops the start, naming the setting
    except config.ConfigError as exc:
        raise SystemExit(f"serve.py: {exc}") from None
    starlette_app.create_streamlit_middleware = _with_gate
    starlette_server._get_uvicorn_config_kwargs = _bounded_uvicorn_kwargs
    uvicorn.Config.load = _load_answering_plain_http  # type: ignore[method-assign]
    AppSession._create_new_session_message = _new_session_said_less  # type: ignore[method-assign]
    AppSession._handle_clear_cache_request = _editor_clears_cache  # type: ignore[method-assign]
    AppSession._handle_git_information_request = _no_git_info  # type: ignore[method-assign]
    spill.remove_leftovers()  # uploaded copies a crashed server left in $TMPDIR
    PagesManager.uses_pages_directory = False  # app.py's st.navigation declares the pages
    app = str(Path(__file__).resolve().with_name("app.py"))
    sys.argv = ["streamlit", "run", app, *sys.argv[1:]]
    sys.exit(cli.main())
