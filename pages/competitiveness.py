"""Daya Saing / Competitiveness: the score series with percentage-point and relative change,
and its three drivers (product quality, brand management, market reach)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import growth, i18n
from impact.figures import tables
from pages import _data, _render, _widgets

SCORE = "batik_competitiveness"
DRIVERS = ["batik_comp_quality", "batik_comp_brand", "batik_comp_market"]

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("comp.title"))
st.caption(_render.t("comp.intro"))
registry = _data.registry(path, version)
regions = _data.names(path, version, "region", lang)
sectors = _data.names(path, version, "sector", lang)
f1, f2 = st.columns(2)
with f1:
    region = _widgets.url_choice(
        "wilayah", _render.t("filter.region"), list(regions), regions, "blitar"
    )
with f2:
    sector = _widgets.url_choice(
        "sektor", _render.t("filter.sector"), list(sectors), sectors, "batik"
    )

obs = _data.observations(path, version, SCORE, region, sector)
years = obs["year"].astype(int).tolist()
if len(years) < 2:
    st.info(_render.t("empty.series") if not years else _render.t("empty.years"))
    st.stop()
g1, g2 = st.columns(2)
with g1:
    base = _widgets.url_choice("dari", _render.t("filter.base_year"), years[:-1], default=years[0])
with g2:
    later = [y for y in years if y > base]
    end = _widgets.url_choice("ke", _render.t("filter.compare_year"), later, default=later[-1])

comparison = growth.compare_years(obs, "score", base, end)
status = dict(zip(obs["year"], obs["status"], strict=True))
as_percent = lambda x: i18n.format_percent(x, lang, 0)  # noqa: E731
_render.change_metrics(comparison, as_percent, status[base], status[end])
verb, magnitude = i18n.describe_change(comparison.points, lang, " " + _render.t("unit.pp"))
title = _render.t(
    "chart.comp.title",
    verb=verb,
    points=magnitude,
    start_value=as_percent(comparison.start.mid),
    end_value=as_percent(comparison.end.mid),
)
chart = _render.chart(
    "series",
    obs,
    lang=lang,
    title=title,
    y_title=_render.t("chart.comp.y"),
    sources=list(dict.fromkeys(obs["source"])),
    value_format="percent",
    formatter="percent",
    y_domain=(0, 100),
    wrap=(80, 130),
)
_render.chart_panel(
    chart, tables.series_table(obs, lang, as_percent), f"daya_saing_{region}_{sector}"
)

st.subheader(_render.t("comp.component"))
st.caption(_render.t("comp.drivers.caption"))
# "Competitiveness component: brand management" -> "brand management" (the legend says what).
drivers = [
    _data.observations(path, version, code, region, sector).assign(
        component=registry[code].name(lang).split(": ")[-1]
    )
    for code in DRIVERS
]
drivers = [d for d in drivers if {base, end} <= set(d["year"])]
if not drivers:
    st.info(_render.t("empty.series"))
    st.stop()
gains = {
    d["component"].iloc[0]: growth.compare_years(d, "score", base, end).points.mid for d in drivers
}
top = max(gains, key=gains.get)
frame = pd.concat(drivers)
frame = frame[frame["year"].between(base, end)].assign(
    label=lambda d: [as_percent(v) for v in d["value"]]
)
chart = _render.chart(
    "bar",
    frame,
    lang=lang,
    x="year",
    y="value",
    color="component",
    color_title=_render.t("comp.component"),
    x_title=_render.t("chart.year"),
    y_title=_render.t("comp.score"),
    value_format="percent",
    label="label",
    title=_render.t("comp.drivers.title", top=top, points=i18n.format_points(gains[top], lang, 0)),
    sources=list(dict.fromkeys(frame["source"])),
    wrap=(80, 130),
)
table = frame[["component", "year", "label", "status", "source"]]
_render.chart_panel(chart, table, f"pendorong_daya_saing_{region}_{sector}")
