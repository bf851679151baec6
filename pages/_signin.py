"""Editor sign-in on the pages: the form, the signed-in state and sign-out.

The checks themselves (hashes, throttle, the session registry) are :mod:`impact.auth`'s and
live in plain module objects, out of reach of a client's "clear cache" message. The browser
session holds only a token; every run checks it against :data:`impact.auth.SESSIONS`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from impact import auth, config
from pages._render import plain, t

TOKEN_KEY = "editor_token"


def editor_config() -> auth.EditorConfig:
    """Editors from `.streamlit/secrets.toml` ([editors] name = hash) and the environment."""
    return auth.EditorConfig.from_settings(config.load())


def current_editor() -> str | None:
    """The editor of this browser session, if its token is still live (marks it seen).

    A token that was signed out elsewhere or sat idle too long is dropped here, and the next
    sign-in form says why.
    """
    token = st.session_state.get(TOKEN_KEY)
    if not token:
        return None
    ctx = get_script_run_ctx()
    editor = auth.SESSIONS.check(token, ctx.session_id if ctx else None)
    if editor is None:
        del st.session_state[TOKEN_KEY]
        st.session_state["signin_ended"] = True
    return editor


def signed_in_editor() -> str | None:
    """The editor's name if this session signed in; else shows the sign-in form and None."""
    editor = current_editor()
    if editor:
        with st.sidebar:
            st.markdown(t("signin.as", name=plain(editor)))
            if st.button(t("signin.signout"), key="signout", help=t("signin.signout_help")):
                auth.SESSIONS.sign_out(st.session_state.pop(TOKEN_KEY, None))
                st.rerun()
        return editor
    editors = editor_config()
    if not editors.enabled:
        st.warning(t("signin.disabled"))
        return None
    if st.session_state.pop("signin_ended", False):
        st.info(t("signin.ended", minutes=f"{config.session_idle_s() / 60:g}"))
    st.caption(t("signin.why"))
    # clear_on_submit: the typed password is not kept in the session after the attempt (nor
    # whatever a client sent in its place, up to server.maxWidgetStateSize)
    with st.form("signin", clear_on_submit=True):
        st.header(t("signin.title"))
        if auth.password_in_clear(st.context.url, bool(st.get_option("server.sslCertFile"))):
            st.warning(t("signin.in_clear"))
        name = st.text_input(t("signin.name"), max_chars=auth.MAX_NAME_CHARS)
        password = st.text_input(
            t("signin.password"), type="password", max_chars=auth.MAX_PASSWORD_CHARS + 1
        )
        submitted = st.form_submit_button(t("signin.submit"), type="primary")
    if submitted:
        ctx = get_script_run_ctx()
        try:
            signed_in = auth.THROTTLE.sign_in(
                editors,
                name,
                password,
                client=ctx.session_id if ctx else None,
                address=st.context.ip_address,
            )
        except auth.InvalidNameError as exc:
            st.error(t(f"signin.name.{exc.code}", limit=auth.MAX_NAME_CHARS))
        except auth.PasswordTooLongError:
            st.error(t("signin.password_too_long", limit=auth.MAX_PASSWORD_CHARS))
        except auth.LockedOutError as exc:
            key = "signin.locked_client" if exc.scope == "client" else "signin.locked"
            st.error(t(key, seconds=exc.seconds))
        else:
            if signed_in:
                st.session_state[TOKEN_KEY] = auth.SESSIONS.open(signed_in)
                st.rerun()
            st.error(t("signin.failed"))
    return None
