"""Ringkasan / Overview: the study's headline findings beside the obstacles holding them back."""

from __future__ import annotations

import streamlit as st

from impact import growth, i18n
from impact.figures import tables
from impact.store import OBSTACLE_CATEGORIES
from pages import _data, _render

REGION, SECTOR, START, END = "blitar", "batik", 2021, 2023

lang = _render.lang()
path, version = _data.db()
as_index = lambda x: i18n.format_number(x, lang, 0)  # noqa: E731
as_percent = lambda x: i18n.format_percent(x, lang, 0)  # noqa: E731

st.title(_render.t("overview.heading"))
st.caption(_render.t("overview.intro"))

try:
    income = _data.headline(path, version, "batik_income_index", REGION, SECTOR, START, END, True)
    comp = _data.headline(path, version, "batik_competitiveness", REGION, SECTOR, START, END)
except growth.MissingValueError as exc:
    st.info(_render.t("empty.no_data", what=_render.t("overview.figures"), year=exc.year or ""))
    st.stop()

left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    c = income.comparison
    st.metric(_render.t("card.income.label"), i18n.format_range(c.percent, lang, "%", 1, True))
    cagr = i18n.format_range(c.cagr, lang, "%", 1)
    real = i18n.format_range(income.real.percent, lang, "%", 1, True)
    st.markdown(
        f"**{_render.t('card.period', start=c.start_year, end=c.end_year)}** {_render.badge(income.status)}"
        f"  \n{_render.plain(_render.t('card.income.cagr', cagr=cagr))} {_render.badge('computed')}"
        f"  \n{_render.plain(_render.t('card.income.real', start=START, end=END, real=real))} "
        f"{_render.badge('computed')}"
    )
    obs = _data.observations(path, version, "batik_income_index", REGION, SECTOR)
    verb, magnitude = i18n.describe_change(c.percent, lang)
    title = _render.t("chart.income.title", verb=verb, range=magnitude, start=START, end=END)
    chart = _render.chart(
        "series",
        obs,
        lang=lang,
        title=title,
        y_title=_render.t("chart.income.y", base=START),
        sources=list(income.sources),
        value_format="index",
        formatter="index",
    )
    _render.chart_panel(chart, tables.series_table(obs, lang, as_index), "ringkasan_pendapatan")

with right, st.container(border=True):
    c = comp.comparison
    start_value, end_value = as_percent(c.start.mid), as_percent(c.end.mid)
    verb, magnitude = i18n.describe_change(c.points, lang, " " + _render.t("unit.pp"))
    st.metric(_render.t("card.comp.label"), f"{start_value} → {end_value}")
    points = i18n.format_range(c.points, lang, " " + _render.t("unit.pp"), 1, True)
    relative = i18n.format_range(c.percent, lang, "%", 1, True)
    st.markdown(
        f"**{_render.t('card.period', start=c.start_year, end=c.end_year)}** {_render.badge(comp.status)}"
        f"  \n{_render.plain(_render.t('card.comp.delta', points=points, relative=relative))} "
        f"{_render.badge('computed')}"
    )
    obs = _data.observations(path, version, "batik_competitiveness", REGION, SECTOR)
    title = _render.t(
        "chart.comp.title",
        verb=verb,
        points=magnitude,
        start_value=start_value,
        end_value=end_value,
    )
    chart = _render.chart(
        "series",
        obs,
        lang=lang,
        title=title,
        y_title=_render.t("chart.comp.y"),
        sources=list(comp.sources),
        value_format="percent",
        formatter="percent",
        y_domain=(0, 100),
    )
    _render.chart_panel(chart, tables.series_table(obs, lang, as_percent), "ringkasan_daya_saing")

st.caption(_render.t("overview.method"))

st.header(_render.t("obstacles.heading"))
st.caption(_render.t("obstacles.caption"))
items = _data.obstacles(path, version)
for column, category in zip(st.columns(4), OBSTACLE_CATEGORIES, strict=True):
    with column, st.container(border=True):
        st.subheader(i18n.label("category", category, lang))
        for item in items[items["category"] == category].itertuples():
            st.markdown(f"**{_render.plain(item.name_en if lang == 'en' else item.name_id)}**")
            if item.severity == item.severity:  # not NaN: a severity was recorded
                severity = int(item.severity)
                status = i18n.label("status", item.status, lang).lower()
                text = _render.t(
                    "obstacles.severity", severity=severity, year=int(item.year), status=status
                )
                st.caption("●" * severity + "○" * (5 - severity) + " " + _render.plain(text))
