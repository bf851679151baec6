"""Riwayat Unggahan / Upload history: every upload, open to all; reverting needs an editor."""

from __future__ import annotations

import streamlit as st

from impact import store, upload
from impact.upload import views
from pages import _data, _render, _signin

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("history.title"))
st.caption(_render.t("history.intro"))

if st.session_state.get("reverted"):
    st.success(_render.t("history.done", **st.session_state.pop("reverted")))

history = _data.upload_history(path, version)
if history.empty:
    st.info(_render.t("history.empty"))
    st.stop()
signed_in = _signin.current_editor() is not None  # editor names are for editors' eyes
if not signed_in:
    st.caption(_render.t("history.editors_hidden"))
table = views.history_table(history, lang, editors=signed_in)
st.dataframe(table, hide_index=True, width="stretch")

st.header(_render.t("history.revert"))
active = history[history["reverted_at"].isna()]["id"].tolist()
if not active:
    st.stop()
editor = _signin.signed_in_editor()
if not editor:
    st.stop()
upload_id = st.selectbox(_render.t("history.pick"), active, format_func=lambda i: f"#{i}")
sure = st.checkbox(_render.t("history.confirm", id=upload_id), key=f"sure_{upload_id}")
if st.button(_render.t("history.do_revert", id=upload_id), type="primary", disabled=not sure):
    try:
        count = upload.revert(path, upload_id, editor=editor)
    except upload.RevertConflictError as exc:
        st.error(_render.t("history.conflict", later=", ".join(f"#{i}" for i in exc.later)))
    except store.DatabaseBusyError:
        st.error(_render.t("upload.busy"))
    else:
        st.session_state["reverted"] = {"id": upload_id, "count": _render.count(count)}
        _data.refresh()
        st.rerun()
