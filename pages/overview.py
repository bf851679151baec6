"""Ringkasan / Overview: the study's headline findings beside the obstacles holding them back."""

from __future__ import annotations

import streamlit as st

from impact import charts, growth, i18n
from pages import _ui

REGION, SECTOR, START, END = "blitar", "batik", 2021, 2023

lang = _ui.lang()
path, version = _ui.db()

st.title(_ui.t("overview.heading"))
st.caption(_ui.t("overview.intro"))

try:
    income = _ui.headline(path, version, "batik_income_index", REGION, SECTOR, START, END, True)
    comp = _ui.headline(path, version, "batik_competitiveness", REGION, SECTOR, START, END)
except growth.MissingValueError as exc:
    st.info(_ui.t("empty.no_data", what=_ui.t("card.income.label"), year=exc.year or ""))
    st.stop()

left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    c = income.comparison
    st.metric(
        _ui.t("card.income.label"),
        i18n.format_range(c.percent, lang, "%", 1, signed=True),
        border=False,
    )
    st.markdown(
        f"**{_ui.t('card.period', start=c.start_year, end=c.end_year)}** "
        f"{_ui.badge(income.status)}  \n"
        f"{_ui.plain(_ui.t('card.income.cagr', cagr=i18n.format_range(c.cagr, lang, '%', 1)))} "
        f"{_ui.badge('computed')}  \n"
        + _ui.plain(_ui.t(
            "card.income.real", start=c.start_year, end=c.end_year,
            real=i18n.format_range(income.real.percent, lang, "%", 1, signed=True),
        ))
        + f" {_ui.badge('computed')}"
    )
    obs = _ui.observations(path, version, "batik_income_index", REGION, SECTOR)
    st.altair_chart(
        charts.series_chart(
            obs, lang=lang,
            title=_ui.t("chart.income.title", range=i18n.format_range(c.percent, lang, "%", 0),
                        start=c.start_year, end=c.end_year),
            y_title=_ui.t("chart.income.y", base=START), sources=list(income.sources),
            value_format="index", formatter=lambda x: i18n.format_number(x, lang, 0),
        ),
        width="stretch", theme=None,
    )

with right, st.container(border=True):
    c = comp.comparison
    st.metric(
        _ui.t("card.comp.label"),
        f"{i18n.format_percent(c.start.mid, lang, 0)} → {i18n.format_percent(c.end.mid, lang, 0)}",
        border=False,
    )
    st.markdown(
        f"**{_ui.t('card.period', start=c.start_year, end=c.end_year)}** {_ui.badge(comp.status)}  \n"
        + _ui.plain(_ui.t(
            "card.comp.delta", points=i18n.format_range(c.points, lang, " " + _ui.t("unit.pp"), 1, True),
            relative=i18n.format_range(c.percent, lang, "%", 1, True),
        ))
        + f" {_ui.badge('computed')}"
    )
    obs = _ui.observations(path, version, "batik_competitiveness", REGION, SECTOR)
    st.altair_chart(
        charts.series_chart(
            obs, lang=lang,
            title=_ui.t("chart.comp.title", points=i18n.format_points(c.points.mid, lang, 0),
                        start_value=i18n.format_percent(c.start.mid, lang, 0),
                        end_value=i18n.format_percent(c.end.mid, lang, 0)),
            y_title=_ui.t("chart.comp.y"), sources=list(comp.sources), value_format="percent",
            formatter=lambda x: i18n.format_percent(x, lang, 0), y_domain=(0, 100),
        ),
        width="stretch", theme=None,
    )

st.caption(_ui.t("overview.method"))

st.header(_ui.t("obstacles.heading"))
st.caption(_ui.t("obstacles.caption"))
items = _ui.obstacles(path, version)
for column, category in zip(st.columns(4), ("structural", "technical", "coordination", "resources")):
    with column, st.container(border=True):
        st.subheader(i18n.label("category", category, lang))
        for item in items[items["category"] == category].itertuples():
            name = item.name_en if lang == "en" else item.name_id
            st.markdown(f"**{_ui.plain(name)}**")
            if item.severity == item.severity:  # not NaN: a severity was recorded
                dots = "●" * int(item.severity) + "○" * (5 - int(item.severity))
                st.caption(dots + " " + _ui.plain(_ui.t(
                    "obstacles.severity", severity=int(item.severity), year=int(item.year),
                    status=i18n.label("status", item.status, lang).lower())))
