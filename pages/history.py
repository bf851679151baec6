"""Riwayat Unggahan / Upload history: every upload, open to all; reverting needs an editor."""

from __future__ import annotations

import streamlit as st

from impact import store, upload_views, uploads
from pages import _ui

lang = _ui.lang()
path, version = _ui.db()
st.title(_ui.t("history.title"))
st.caption(_ui.t("history.intro"))

if st.session_state.get("reverted"):
    st.success(_ui.t("history.done", **st.session_state.pop("reverted")))

history = _ui.upload_history(path, version)
if history.empty:
    st.info(_ui.t("history.empty"))
    st.stop()
st.dataframe(upload_views.history_table(history, lang), hide_index=True, width="stretch")

st.subheader(_ui.t("history.revert"))
active = history[history["reverted_at"].isna()]["id"].tolist()
if not active:
    st.stop()
editor = _ui.signed_in_editor()
if not editor:
    st.stop()
upload_id = st.selectbox(_ui.t("history.pick"), active, format_func=lambda i: f"#{i}")
sure = st.checkbox(_ui.t("history.confirm", id=upload_id), key=f"sure_{upload_id}")
if st.button(_ui.t("history.do_revert", id=upload_id), type="primary", disabled=not sure):
    try:
        count = uploads.revert(path, upload_id, editor=editor)
    except uploads.RevertConflictError as exc:
        st.error(_ui.t("history.conflict", later=", ".join(f"#{i}" for i in exc.later)))
    except store.DatabaseBusyError:
        st.error(_ui.t("upload.busy"))
    else:
        st.session_state["reverted"] = {"id": upload_id, "count": _ui.count(count)}
        _ui.refresh()
        st.rerun()
