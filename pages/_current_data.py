"""The current rows of a dataset as its upload template (XLSX), to edit and upload back.

One button for the upload page and the sources page. The workbook is built only when the
button is clicked (`templates.current_xlsx`); the row counts are cached per data version.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from impact import auth
from impact.upload import templates
from impact.upload.datasets import Dataset
from pages import _data, _render, _signin

# Per-enterprise records name enterprises and their income: viewers see them only aggregated
# (the equity page, small groups withheld); the rows themselves go to a signed-in editor.
EDITOR_ONLY = frozenset({"enterprises"})


class EditorSessionEndedError(PermissionError):
    """A per-enterprise file asked for after its editor's session ended (signed out, idle)."""


def only_while_signed_in(
    make: Callable[[], bytes], token: str | None, client: str | None, editor: str
) -> Callable[[], bytes]:
    """``make``, run only while ``editor``'s session (``token``, from browser connection
    ``client``) is still live. Streamlit runs a download's callable when the button is
    clicked, by its file id alone and outside any page run: the check is made again then,
    so an id kept after sign-out or idle expiry yields nothing."""

    def checked() -> bytes:
        if auth.SESSIONS.check(token, client) != editor:
            raise EditorSessionEndedError(editor)
        return make()

    return checked


def download_button(container, path: str, version: int, dataset: Dataset, key: str) -> None:
    """The dataset's "current data (XLSX)" button in ``container``, or why there is none.
    A per-enterprise dataset (EDITOR_ONLY) is offered only to a signed-in editor and built
    only while that editor's session lasts (:func:`only_while_signed_in`)."""
    name = _render.t(f"dataset.{dataset.code}")
    editor = _signin.current_editor() if dataset.code in EDITOR_ONLY else None
    if dataset.code in EDITOR_ONLY and not editor:
        container.caption(_render.t("src.current.editor_only", name=name))
        return
    rows = _data.row_count(path, version, dataset.table)
    if rows > templates.CURRENT_MAX_ROWS:
        container.caption(
            _render.t("upload.current_too_large", max=_render.count(templates.CURRENT_MAX_ROWS))
        )
        return
    vocabulary = _data.vocabulary(path, version)

    def make() -> bytes:
        return templates.current_xlsx(path, dataset, vocabulary)

    if editor:
        ctx = get_script_run_ctx()
        token = st.session_state.get(_signin.TOKEN_KEY)
        make = only_while_signed_in(make, token, ctx.session_id if ctx else None, editor)
    container.download_button(
        _render.t("upload.current_xlsx", name=name),
        make,
        f"data_{dataset.code}.xlsx",
        key=key,
        help=_render.t("upload.current_help"),
        icon=":material/edit_document:",
    )
