"""What the upload page keeps in a browser session between reruns, and what it lets go.

A province's file is 137 MB; its million checked rows live in a spill file on disk
(impact.upload.spill), never in the session. Once such a file is checked, the session keeps
the check's result (counts, issues, the spill's path) and Streamlit's copy of the uploaded
bytes is let go: the confirm button's rerun and the save need only the spill. The spill is
removed when the file is saved, taken off the page, or replaced by another check (and by
the garbage collector when the session ends).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from impact import upload
from impact.upload import validation

CHECK = "upload_check"  # (check key, data version, bytes let go, result)
PREVIEW = "upload_preview"


def kept_check(key: tuple, version: int) -> upload.Checked | None:
    """The result kept for ``key`` if still good: the same file and choices, and the same
    data version unless the file's bytes were let go (a spilled file's check stands: its
    rows and issues do not depend on the stored data, and the commit compares again)."""
    kept = st.session_state.get(CHECK)
    if kept is None or kept[0] != key or (kept[1] != version and not kept[2]):
        return None
    return kept[3]


def keep_check(key: tuple, version: int, result: upload.Checked, file, widget: str) -> None:
    """Keep ``result``, removing the previous one's spill; a spilled result lets go of the
    uploaded bytes at once (see release_bytes)."""
    forget()
    spilled = isinstance(result.validated.rows, upload.Spill)
    if spilled:
        release_bytes(file, widget)
    st.session_state[CHECK] = (key, version, spilled, result)


def forget() -> None:
    """Drop the kept check and preview, and remove the check's spill file."""
    kept = st.session_state.pop(CHECK, None)
    st.session_state.pop(PREVIEW, None)
    if kept is not None:
        validation.release(kept[3].validated)


def release_bytes(file, key: str) -> None:
    """Let go of Streamlit's copy of an uploaded file's bytes (widget ``key``), keeping its id and name (the
    file box still shows it; the next rerun's file reads as empty). Streamlit would hold them
    until the session ends, in the server's memory and against this session's upload cap
    (impact.gate), which now counts the file as 0 bytes."""
    ctx = get_script_run_ctx()
    storage = getattr(ctx.uploaded_file_mgr, "file_storage", None) if ctx else None
    files = storage.get(ctx.session_id) if storage and ctx else None
    record = files.get(file.file_id) if files else None
    if record is not None and files is not None:
        files[file.file_id] = record._replace(data=b"")
    # The session keeps this run's file objects (Streamlit's widget state) until the next run
    # ends, and each shares the bytes: emptying them lets go (truncate copies nothing).
    kept = st.session_state.get(key)
    for each in [file, *(kept if isinstance(kept, list) else [kept])]:
        if hasattr(each, "truncate") and getattr(each, "file_id", None) == file.file_id:
            each.seek(0)
            each.truncate(0)


def remove_file(file) -> None:
    """Take a saved file out of Streamlit's manager altogether."""
    ctx = get_script_run_ctx()
    if ctx is not None and hasattr(ctx.uploaded_file_mgr, "remove_file"):
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file.file_id)
