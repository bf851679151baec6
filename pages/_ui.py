"""The Streamlit edge: cached access to `impact`, the language in use and small render helpers.

Pages import from here so that caching and escaping are decided once. Cached results are
keyed on the database path and its data version, so a new upload shows at once.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from impact import auth, headlines, i18n, indicators, store, uploads

_BADGE_COLOURS = {
    "reported": "blue",
    "estimated": "orange",
    "illustrative": "gray",
    "computed": "violet",
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def lang() -> str:
    """The language picked in app.py (Indonesian unless changed)."""
    return i18n.normalize_lang(st.session_state.get("lang"))


def t(key: str, **params: object) -> str:
    return i18n.t(key, lang(), **params)


@st.cache_resource(show_spinner=False)
def _ensure(path: str) -> str:
    store.ensure_database(path)
    return path


def db() -> tuple[str, int]:
    """(database path, data version): create/seed on first use, then read the version."""
    path = _ensure(str(store.db_path_from_env()))
    return path, store.data_version(path)


@st.cache_data(show_spinner=False)
def registry(path: str, version: int) -> dict[str, indicators.Indicator]:
    return indicators.load_registry(path)


@st.cache_data(show_spinner=False)
def observations(path: str, version: int, code: str, region: str, sector: str) -> pd.DataFrame:
    return store.observations(path, code, region, sector)


@st.cache_data(show_spinner=False)
def headline(
    path: str,
    version: int,
    code: str,
    region: str,
    sector: str,
    start: int,
    end: int,
    with_real: bool = False,
) -> headlines.Headline:
    reg = registry(path, version)
    return headlines.headline(
        path, indicators.get(reg, code), region, sector, start, end, with_real=with_real
    )


@st.cache_data(show_spinner=False)
def obstacles(path: str, version: int) -> pd.DataFrame:
    return store.obstacles_with_latest_severity(path)


def plain(text: object) -> str:
    """Escape Markdown so stored or uploaded text renders as the literal text it is."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def badge(status: str) -> str:
    """A Markdown badge naming a figure's status, e.g. ':blue-badge[Dilaporkan]'."""
    text = t("card.computed") if status == "computed" else i18n.label("status", status, lang())
    return f":{_BADGE_COLOURS[status]}-badge[{plain(text)}]"


def source_lines(sources: tuple[str, ...] | list[str]) -> str:
    return "  \n".join(plain(t("source.line", source=s)) for s in sources)


def chart_with_table(chart: alt.TopLevelMixin, table: pd.DataFrame) -> None:
    """A chart as drawn by Vega (theme=None keeps our fonts and locale) with its data below."""
    st.altair_chart(chart, width="stretch", theme=None)
    with st.expander(t("table.show")):
        st.dataframe(table, hide_index=True, width="stretch")


# --- editors ---------------------------------------------------------------------------


def editor_config() -> auth.EditorConfig:
    """Editors from `.streamlit/secrets.toml` ([editors] name = hash) and the environment."""
    try:
        section = st.secrets.get("editors")
    except StreamlitSecretNotFoundError:
        section = None
    return auth.EditorConfig.load(section)


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


@st.cache_data(show_spinner=False)
def vocabulary(path: str, version: int):
    return uploads.load_vocabulary(path)


@st.cache_data(show_spinner=False)
def upload_history(path: str, version: int):
    return uploads.history(path)
