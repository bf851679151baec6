"""An editor's per-enterprise download works only in that editor's signed-in session: offered
only to a signed-in editor, and built on the click only while that session lasts."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impact import auth, i18n
from pages import _current_data


def _buttons(app_db, editor: str | None) -> AppTest:
    def script() -> None:
        import streamlit as st

        from impact.upload import datasets
        from pages import _current_data, _data

        path, version = _data.db()
        for code, dataset in datasets.DATASETS.items():
            _current_data.download_button(st, path, version, dataset, f"k_{code}")

    at = AppTest.from_function(script, default_timeout=60)
    if editor:
        at.session_state["editor_token"] = auth.SESSIONS.open(editor)
    return at.run()


def test_the_button_itself_refuses_enterprise_rows_without_a_signed_in_editor(app_db) -> None:
    label = i18n.t("upload.current_xlsx", "id", name=i18n.t("dataset.enterprises", "id"))
    viewer = _buttons(app_db, None)
    assert not viewer.exception
    assert label not in {d.proto.label for d in viewer.get("download_button")}
    why = i18n.t("src.current.editor_only", "id", name=i18n.t("dataset.enterprises", "id"))
    assert why in [c.value for c in viewer.caption]
    editor = _buttons(app_db, "ani")
    assert label in {d.proto.label for d in editor.get("download_button")}


def test_the_file_is_built_only_while_the_editors_session_lasts() -> None:
    token = auth.SESSIONS.open("ani")
    make = _current_data.only_while_signed_in(lambda: b"rows", token, "tab-1", "ani")
    assert make() == b"rows"
    other = auth.SESSIONS.open("budi")  # another editor's live token is not this session
    with pytest.raises(_current_data.EditorSessionEndedError):
        _current_data.only_while_signed_in(lambda: b"rows", other, "tab-1", "ani")()
    auth.SESSIONS.sign_out(token)
    with pytest.raises(_current_data.EditorSessionEndedError):
        make()  # the id kept after sign-out yields nothing
    with pytest.raises(_current_data.EditorSessionEndedError):
        _current_data.only_while_signed_in(lambda: b"rows", None, None, "ani")()
