"""Ringkasan / Overview: the study's headline findings beside the obstacles holding them back."""

from __future__ import annotations

import streamlit as st

from impact import growth, i18n
from impact.figures import obstacles
from impact.store import OBSTACLE_CATEGORIES
from pages import _data, _render

REGION, SECTOR, START, END = "blitar", "batik", 2021, 2023

lang = _render.lang()
path, version = _data.db()

st.title(_render.t("overview.heading"))
st.caption(_render.t("overview.intro"))

try:
    income = _data.change(
        path,
        version,
        "batik_income_index",
        REGION,
        SECTOR,
        START,
        END,
        lang,
        with_real=True,
        label=_render.t("card.income.label"),
    )
    comp = _data.change(
        path,
        version,
        "batik_competitiveness",
        REGION,
        SECTOR,
        START,
        END,
        lang,
        label=_render.t("card.comp.label"),
    )
except growth.MissingValueError as exc:
    st.info(_render.t("empty.no_data", what=_render.t("overview.figures"), year=exc.year or ""))
    st.stop()

left, right = st.columns(2, gap="large")
for column, fig, name in (
    (left, income, "ringkasan_pendapatan"),
    (right, comp, "ringkasan_daya_saing"),
):
    with column, st.container(border=True):
        _render.figure_card(fig)
        _render.figure_panel(fig, name)

st.caption(_render.t("overview.method"))

st.header(_render.t("obstacles.heading"))
st.caption(_render.t("obstacles.caption"))
items = _data.obstacles(path, version)
for column, category in zip(st.columns(4), OBSTACLE_CATEGORIES, strict=True):
    with column, st.container(border=True):
        st.subheader(i18n.label("category", category, lang))
        for item in items[items["category"] == category].itertuples():
            st.markdown(f"**{_render.plain(item.name_en if lang == 'en' else item.name_id)}**")
            if text := obstacles.severity_text(item.severity, item.year, item.status, lang):
                st.caption(_render.plain(text))
