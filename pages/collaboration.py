"""Tata Kelola Kolaboratif / Collaboration: Ansell & Gash's five process elements scored by
each party, where their views differ, and the evidence behind each score."""

from __future__ import annotations

import streamlit as st

from impact import i18n
from impact.figures import collaboration
from impact.store import ELEMENTS
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("collab.title"))
st.caption(_render.t("collab.intro"))
st.info(_render.t("collab.scale"), icon=":material/info:")

scores = _data.collaboration(path, version)
if scores.empty:
    st.info(_render.t("empty.series"))
    st.stop()
years = sorted(scores["year"].astype(int).unique().tolist())
year = _widgets.url_choice("tahun", _render.t("filter.year"), years, default=years[-1])
fig = collaboration.gaps_figure(scores[scores["year"] == year], lang)
scores = fig.extra["scores"]
_render.figure_panel(fig, f"kolaborasi_{year}", wide=True)

st.header(_render.t("collab.spread"))
st.dataframe(fig.extra["spread_table"], hide_index=True, width="stretch")

st.header(_render.t("collab.evidence"))
evidence_col = "evidence_en" if lang == "en" else "evidence_id"
for element in ELEMENTS:
    rows = scores[scores["element"] == element]
    if rows.empty:
        continue
    with st.expander(i18n.label("element", element, lang)):
        # Evidence may come from uploads: shown as plain text, never as Markdown or HTML.
        for text in dict.fromkeys(rows[evidence_col].dropna()):
            st.text(text)
