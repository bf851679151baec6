"""Daya Saing / Competitiveness: the score series with percentage-point and relative change,
and its three drivers (product quality, brand management, market reach)."""

from __future__ import annotations

import streamlit as st

from impact.figures import figure
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
    catalog = _data.catalog(path, version)
    held = catalog.loc[catalog["indicator"] == SCORE, "region"]
    region = _widgets.url_choice(
        "wilayah",
        _render.t("filter.region"),
        list(regions),
        figure.choice_labels(regions, held, lang),
        "blitar",
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

fig = figure.change_figure(
    obs,
    registry[SCORE],
    base,
    end,
    lang,
    y_title=_render.t("chart.comp.y"),
    targets=_data.targets(path, version, region),
)
_render.figure_metrics(fig)
_render.figure_panel(fig, f"daya_saing_{region}_{sector}", wide=True)

st.header(_render.t("comp.component"))
st.caption(_render.t("comp.drivers.caption"))
# "Competitiveness component: brand management" -> "brand management" (the legend says what).
parts = {
    registry[code].name(lang).split(": ")[-1]: _data.observations(
        path, version, code, region, sector
    )
    for code in DRIVERS
}
drivers = figure.components_figure(parts, base, end, lang)
if drivers is None:
    st.info(_render.t("empty.series"))
    st.stop()
_render.figure_panel(drivers, f"pendorong_daya_saing_{region}_{sector}", wide=True)
