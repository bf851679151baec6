"""Editor sign-in on the pages: the form, the signed-in state and sign-out.

The checks themselves (hashes, throttle) are :mod:`impact.auth`'s.
"""

from __future__ import annotations

import streamlit as st

from impact import auth, config
from pages._render import plain, t


def editor_config() -> auth.EditorConfig:
    """Editors from `.streamlit/secrets.toml` ([editors] name = hash) and the environment."""
    return auth.EditorConfig.from_settings(config.load())


@st.cache_resource(show_spinner=False)
def _throttle() -> auth.LoginThrottle:
    # One per server process: reloading the page does not reset the failure count.
    return auth.LoginThrottle()


def signed_in_editor() -> str | None:
    """The editor's name if this session signed in; else shows the sign-in form and None."""
    if st.session_state.get("editor"):
        with st.sidebar:
            st.markdown(t("signin.as", name=plain(st.session_state["editor"])))
            if st.button(t("signin.signout"), key="signout"):
                del st.session_state["editor"]
                st.rerun()
        return st.session_state["editor"]
    config = editor_config()
    if not config.enabled:
        st.warning(t("signin.disabled"))
        return None
    st.caption(t("signin.why"))
    with st.form("signin"):
        st.subheader(t("signin.title"))
        name = st.text_input(t("signin.name"))
        password = st.text_input(t("signin.password"), type="password")
        submitted = st.form_submit_button(t("signin.submit"), type="primary")
    if submitted:
        try:
            if _throttle().sign_in(config, name, password):
                st.session_state["editor"] = name.strip()
                st.rerun()
            st.error(t("signin.failed"))
        except auth.LockedOutError as exc:
            st.error(t("signin.locked", seconds=exc.seconds))
    return None
