"""Ekonomi Kreatif / Creative economy: the subsectors side by side, batik's share of the total,
growth by subsector, and the regional revenue and jobs picture."""

from __future__ import annotations

import streamlit as st

from impact.creative import UnitMismatchError
from impact.figures import creative, figure
from pages import _data, _render, _widgets

INDICATORS = [
    "ce_workers",
    "ce_enterprises",
    "ce_value_added",
    "ce_regional_revenue",
    "ce_outside_sales_share",
    "ce_young_share",
    "ce_events",
    "ce_event_attendance",
    "ce_exports",
]

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("ce.title"))
st.caption(_render.t("ce.intro"))
registry = _data.registry(path, version)
regions = _data.names(path, version, "region", lang)
sectors = _data.names(path, version, "sector", lang)
f1, f2 = st.columns(2)
with f1:
    code = _widgets.url_choice(
        "indikator",
        _render.t("filter.indicator"),
        INDICATORS,
        {c: registry[c].name(lang) for c in INDICATORS if c in registry},
    )
with f2:
    catalog = _data.catalog(path, version)
    held = catalog.loc[catalog["indicator"] == code, "region"]
    region = _widgets.url_choice(
        "wilayah",
        _render.t("filter.region"),
        list(regions),
        figure.choice_labels(regions, held, lang),
        "kota_blitar",
    )
indicator = registry[code]
obs = _data.sector_observations(path, version, code, region)
if obs.empty or obs["year"].nunique() < 2:
    st.info(_render.t("empty.series"))
    st.stop()
if (obs["status"] != "reported").any():  # until BPS or a dinas publishes subsector figures
    st.info(_render.t("ce.illustrative"), icon=":material/info:")

multiples = creative.multiples_figure(obs, indicator, sectors, lang)
if multiples is not None:
    _render.figure_panel(multiples, f"ekraf_{code}_{region}")

left, right = st.columns(2, gap="large")
with left:
    try:
        share = creative.share_figure(obs, indicator, lang)
    except UnitMismatchError:
        st.info(_render.t("ce.share.none", name=indicator.name(lang), unit=indicator.unit))
    else:
        if share is None:
            st.info(_render.t("ce.share.partial"))
        else:
            _render.figure_panel(share, f"pangsa_batik_{code}_{region}")
with right:
    years = sorted(obs["year"].astype(int).unique().tolist())
    grown = creative.growth_figure(obs, indicator, sectors, years[0], years[-1], lang)
    if grown is not None:
        _render.figure_panel(grown, f"pertumbuhan_{code}_{region}")

st.header(_render.t("ce.jobs"))
left, right = st.columns(2, gap="large")
with left:
    revenue = _data.sector_observations(path, version, "ce_regional_revenue", region)
    fig = creative.revenue_figure(revenue, registry["ce_regional_revenue"], sectors, lang)
    if fig is not None:
        _render.figure_panel(fig, f"pajak_retribusi_{region}")
with right:
    young = _data.sector_observations(path, version, "ce_young_share", region)
    fig = creative.young_figure(young, sectors, lang)
    if fig is not None:
        _render.figure_panel(fig, f"pekerja_muda_{region}")
