"""Dasbor Dampak Batik Blitar: the router and frame (page config, language, navigation)."""

from __future__ import annotations

import streamlit as st

from impact import config, i18n, store
from pages import _data, _render, _signin

# Language: from the URL (?lang=en) on first load, then from the sidebar picker. "lang" is a
# plain session key that only this file writes; the picker has a key of its own. Were "lang"
# the widget's key, Streamlit would drop it with the widget's state when a page change cleans
# widgets up (it did on the first session after a server start, see test_links.py), and the
# page would fall back to the URL, whose query string the page link had just left behind.
if "lang" not in st.session_state:
    st.session_state["lang"] = i18n.normalize_lang(st.query_params.get("lang"))
lang = i18n.normalize_lang(st.session_state["lang"])


def _pick_language() -> None:
    st.session_state["lang"] = i18n.normalize_lang(st.session_state["lang_picker"])


st.set_page_config(page_title=i18n.t("app.title", lang), page_icon="🧵", layout="wide")
_render.frame_style()  # readable captions, and the page as printed (A4)

with st.sidebar:
    st.markdown(f"### {i18n.t('app.title', lang)}")
    st.caption(i18n.t("app.tagline", lang))
    st.radio(
        i18n.t("app.language", lang),
        options=list(i18n.LANGS),
        index=list(i18n.LANGS).index(lang),
        format_func={"id": "Bahasa Indonesia", "en": "English"}.get,
        key="lang_picker",
        on_change=_pick_language,
        horizontal=True,
    )
lang = i18n.normalize_lang(st.session_state["lang"])

try:  # a mistyped setting stops here with a message, never with the default in its place
    config.load()
except config.ConfigError as exc:
    st.error(
        i18n.t(
            "app.config_error", lang, name=exc.name, value=repr(exc.value), expected=exc.expected
        )
    )
    st.stop()

# Streamlit serves the default page at "/" and answers its url_path with "Page not found", so
# the overview's own link (/ringkasan, in the README and in shared links) is a hidden page of
# its own that hands over to the overview at "/", keeping the link's parameters.
overview = st.Page(
    "pages/overview.py",
    title=i18n.t("nav.overview", lang),
    icon=":material/insights:",
    default=True,
)


def _to_overview() -> None:
    st.switch_page(overview, query_params=st.query_params.to_dict())


navigation = st.navigation(
    {
        i18n.t("nav.section.explore", lang): [
            overview,
            st.Page(
                _to_overview,
                title=i18n.t("nav.overview", lang),
                url_path="ringkasan",
                visibility="hidden",
            ),
            st.Page(
                "pages/income.py",
                title=i18n.t("nav.income", lang),
                icon=":material/payments:",
                url_path="pendapatan",
            ),
            st.Page(
                "pages/competitiveness.py",
                title=i18n.t("nav.competitiveness", lang),
                icon=":material/trending_up:",
                url_path="daya-saing",
            ),
            st.Page(
                "pages/regions.py",
                title=i18n.t("nav.regions", lang),
                icon=":material/compare_arrows:",
                url_path="perbandingan-wilayah",
            ),
            st.Page(
                "pages/obstacles.py",
                title=i18n.t("nav.obstacles", lang),
                icon=":material/block:",
                url_path="hambatan",
            ),
            st.Page(
                "pages/collaboration.py",
                title=i18n.t("nav.collaboration", lang),
                icon=":material/handshake:",
                url_path="kolaborasi",
            ),
            st.Page(
                "pages/programs.py",
                title=i18n.t("nav.programs", lang),
                icon=":material/event:",
                url_path="program",
            ),
            st.Page(
                "pages/equity.py",
                title=i18n.t("nav.equity", lang),
                icon=":material/groups:",
                url_path="pemerataan",
            ),
            st.Page(
                "pages/creative.py",
                title=i18n.t("nav.creative", lang),
                icon=":material/palette:",
                url_path="ekonomi-kreatif",
            ),
            st.Page(
                "pages/sources.py",
                title=i18n.t("nav.sources", lang),
                icon=":material/menu_book:",
                url_path="sumber",
            ),
        ],
        i18n.t("nav.section.present", lang): [
            st.Page(
                "pages/deck.py",
                title=i18n.t("nav.deck", lang),
                icon=":material/slideshow:",
                url_path="paparan",
            ),
            st.Page(
                "pages/present.py",
                title=i18n.t("nav.present", lang),
                icon=":material/present_to_all:",
                url_path="presentasi",
            ),
        ],
        i18n.t("nav.section.data", lang): [
            st.Page(
                "pages/upload.py",
                title=i18n.t("nav.upload", lang),
                icon=":material/upload_file:",
                url_path="unggah",
            ),
            st.Page(
                "pages/history.py",
                title=i18n.t("nav.history", lang),
                icon=":material/history:",
                url_path="riwayat",
            ),
            st.Page(
                "pages/readiness.py",
                title=i18n.t("nav.readiness", lang),
                icon=":material/checklist:",
                url_path="kelengkapan-data",
            ),
        ],
    },
    expanded=True,  # every page listed: planners should not hunt behind "View more"
)
# Written after st.navigation has resolved the page from the URL, so the link keeps its page.
st.query_params["lang"] = lang
# Every page run marks an editor's session seen (or ends it when idle or signed out elsewhere).
_signin.current_editor()
try:
    # How old every figure on the page is ('Data per …, unggahan #4'), under the tagline.
    with st.sidebar:
        st.caption(_data.as_of_text(lang))
    navigation.run()
except store.StoreError as exc:  # a busy, damaged, full or read-only store: words, not a trace
    if not _data.show_fault(exc):
        raise
