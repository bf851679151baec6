"""Perbandingan Wilayah / Regions compared: Kota Blitar beside Kabupaten Blitar for one
indicator, with Jawa Timur and Indonesia as benchmarks where a figure exists; a region or
benchmark without figures is named, never an empty chart."""

from __future__ import annotations

import streamlit as st

from impact.figures import benchmarks
from impact.figures import regions as regions_figures
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("regions.heading"))
st.caption(_render.t("regions.intro"))

catalog = _data.catalog(path, version)
registry = _data.registry(path, version)
region_names = _data.names(path, version, "region", lang)
sectors = _data.names(path, version, "sector", lang)
choices = regions_figures.indicator_choices(catalog, registry, lang)

f1, f2 = st.columns(2)
with f1:
    code = _widgets.url_choice("indikator", _render.t("filter.indicator"), list(choices), choices)
with f2:
    sector = _widgets.url_choice(
        "sektor",
        _render.t("filter.sector"),
        list(sectors),
        sectors,
        regions_figures.default_sector(catalog, code),
    )

fig = regions_figures.regions_figure(
    _data.indicator_observations(path, version, code),
    registry[code],
    sector,
    region_names,
    lang,
    targets=_data.targets(path, version, None),
)
for line in [*fig.extra["missing"], *filter(None, [fig.extra["combined"]])]:
    st.caption(_render.plain(line))  # a region without figures is named, not left out
if fig.chart is None:
    st.info(_render.t("regions.nothing"))
else:
    if fig.metrics:
        _render.figure_metrics(fig)
    _render.figure_panel(fig, f"wilayah_{code}_{sector}", wide=True)

# Published benchmarks: growth beside Jawa Timur and Indonesia, the batik industry's counts.
st.header(_render.t("bench.heading"))
st.caption(_render.t("bench.intro"))
growth = _data.indicator_observations(path, version, benchmarks.GROWTH)
if benchmarks.GROWTH in registry and not growth.empty:
    growth_fig = benchmarks.growth_figure(growth, registry[benchmarks.GROWTH], region_names, lang)
    if growth_fig.chart is not None:
        _render.figure_panel(growth_fig, "pertumbuhan_ekonomi", wide=True)
batik = benchmarks.batik_figure(_data.all_observations(path, version), region_names, lang)
if batik is not None:
    st.subheader(_render.plain(batik.title))
    st.dataframe(batik.table, hide_index=True, width="stretch")
    st.caption(_render.plain(batik.notes[0]))
