"""Dasbor Dampak Batik Blitar: the router and frame (page config, language, navigation)."""

from __future__ import annotations

import streamlit as st

from impact import i18n

# Language: from the URL (?lang=en) on first load, then from the sidebar picker.
if "lang" not in st.session_state:
    st.session_state["lang"] = i18n.normalize_lang(st.query_params.get("lang"))
lang = i18n.normalize_lang(st.session_state["lang"])

st.set_page_config(page_title=i18n.t("app.title", lang), page_icon="🧵", layout="wide")

with st.sidebar:
    st.markdown(f"### {i18n.t('app.title', lang)}")
    st.caption(i18n.t("app.tagline", lang))
    st.radio(
        i18n.t("app.language", lang),
        options=list(i18n.LANGS),
        format_func={"id": "Bahasa Indonesia", "en": "English"}.get,
        key="lang",
        horizontal=True,
    )
lang = i18n.normalize_lang(st.session_state["lang"])
st.query_params["lang"] = lang

navigation = st.navigation(
    [
        st.Page(
            "pages/overview.py",
            title=i18n.t("nav.overview", lang),
            icon="📊",
            url_path="ringkasan",
            default=True,
        )
    ]
)
navigation.run()
