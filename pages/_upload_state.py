"""What the upload page keeps in a browser session between reruns, and what it lets go.

A province's file is 137 MB. Streamlit keeps the uploaded bytes in its manager for the whole
session, and hands the page a deep copy of them on every run (``st.file_uploader`` returns a
copy of the widget's value): two copies while the file is checked, one for as long as the
planner looks at the preview. So, for a large CSV (``lets_go``), the page keeps its own copy
on disk for a later check (another dataset chosen, say), lets go of Streamlit's bytes before
checking its run's copy, and keeps only the check's result, whose rows wait in a spill file
on disk (impact.upload.spill). Both files are removed when the file is saved, taken off the
page or replaced (and, at the latest, when the session's objects are collected).
"""

from __future__ import annotations

import os
import tempfile
import weakref
from pathlib import Path
from typing import NoReturn

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from impact import upload
from impact.upload import bulk, spill, validation

CHECK = "upload_check"  # (check key, data version, bytes let go, result)
PREVIEW = "upload_preview"
KEPT = "upload_kept_bytes"  # (file id, a copy of the bytes on disk)
GONE = "upload_gone"  # the catalogue key of what the next run says was lost, and what to do
RECHECKED = "upload_rechecked"  # the check key last checked again because its rows were lost


class _KeptBytes:
    """An uploaded file's bytes in a file of ours, removed with this object."""

    def __init__(self, file_id: str, data: bytes) -> None:
        handle, name = tempfile.mkstemp(prefix=spill.prefix(), suffix=".bytes")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        self.file_id, self.path = file_id, Path(name)
        self.remove = weakref.finalize(self, self.path.unlink, True)

    def read(self) -> bytes | None:
        """The bytes; None if the copy was deleted under the server (a $TMPDIR clean-up)."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None


def lets_go(data: bytes, found: object) -> bool:
    """A file whose bytes the page lets go before checking it: one DuckDB's reader takes
    (a CSV from bulk.BULK_MIN_BYTES on; not a workbook, whose sheets are read on every run,
    nor a wide table, whose plan is)."""
    return len(data) >= bulk.BULK_MIN_BYTES and found is None and not data.startswith(b"PK")


def let_go(file, key: str, data: bytes) -> None:
    """Keep ``data`` on disk for a later check and let go of Streamlit's bytes of ``file``
    (widget ``key``): the file box still shows it; later runs read it as empty."""
    forget_bytes()
    st.session_state[KEPT] = _KeptBytes(file.file_id, data)
    ctx = get_script_run_ctx()
    storage = getattr(ctx.uploaded_file_mgr, "file_storage", None) if ctx else None
    files = storage.get(ctx.session_id) if storage and ctx else None
    record = files.get(file.file_id) if files else None
    if record is not None and files is not None:
        files[file.file_id] = record._replace(data=b"")  # the gate now counts 0 bytes
    # The widget's own value shares the manager's bytes until the next run ends: emptied
    # (truncate copies nothing). ``file`` is this run's copy, which ``data`` still holds.
    kept = st.session_state.get(key)
    for each in [file, *(kept if isinstance(kept, list) else [kept])]:
        if hasattr(each, "truncate") and getattr(each, "file_id", None) == file.file_id:
            each.seek(0)
            each.truncate(0)


def bytes_of(file) -> bytes | None:
    """The file's bytes: from the page's copy on disk once let go (None if it was deleted)."""
    kept = st.session_state.get(KEPT)
    if kept is not None and kept.file_id == file.file_id:
        return kept.read()
    return file.getvalue()


def let_go_of(file) -> bool:
    """True if the page let go of this file's bytes (see let_go)."""
    kept = st.session_state.get(KEPT)
    return kept is not None and kept.file_id == file.file_id


def kept_check(key: tuple, version: int, released: bool) -> upload.Checked | None:
    """The result kept for ``key`` if still good: the same file and choices, and the same
    data version unless the file's bytes were let go (a large file's check stands: its rows
    and issues do not depend on the stored data, and the commit compares again)."""
    kept = st.session_state.get(CHECK)
    if kept is None or kept[0] != key or (kept[1] != version and not released):
        return None
    return kept[3]


def keep_check(key: tuple, version: int, result: upload.Checked, released: bool) -> None:
    """Keep ``result``, removing the previous one's spill."""
    forget_check()
    st.session_state[CHECK] = (key, version, released, result)


def forget_check() -> None:
    """Drop the kept check and preview, and remove the check's spill file."""
    kept = st.session_state.pop(CHECK, None)
    st.session_state.pop(PREVIEW, None)
    if kept is not None:
        validation.release(kept[3].validated)


def forget_bytes() -> None:
    """Remove the page's copy of a file's bytes."""
    kept = st.session_state.pop(KEPT, None)
    if kept is not None:
        kept.remove()


def forget() -> None:
    """The file is saved or gone: drop and remove everything kept for it."""
    forget_check()
    forget_bytes()
    st.session_state.pop(RECHECKED, None)


def check_again(check_key: tuple, file_key: str) -> NoReturn:
    """The checked rows were deleted from disk before the preview or the save (a clean-up of
    $TMPDIR): nothing was written. Forget the check, so that the next run checks the file
    again and shows a new preview, saying why. Twice in a row for the same file and choices
    (something keeps deleting them): ask for the file again (choose_again) rather than check
    it in a loop."""
    if st.session_state.get(RECHECKED) == check_key:
        choose_again(file_key)
    forget_check()
    st.session_state[RECHECKED] = check_key
    st.session_state[GONE] = "upload.spill_gone"
    st.rerun()


def choose_again(key: str) -> NoReturn:
    """The page's copy of a large file's bytes was deleted too: the file cannot be checked
    again. Clear the file box (widget ``key``) and ask for the file once more."""
    forget()
    st.session_state.pop(key, None)
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
    st.session_state[GONE] = "upload.file_gone"
    st.rerun()


def remove_file(file) -> None:
    """Take a saved file out of Streamlit's manager altogether."""
    ctx = get_script_run_ctx()
    if ctx is not None and hasattr(ctx.uploaded_file_mgr, "remove_file"):
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file.file_id)
