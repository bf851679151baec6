"""Ekonomi Kreatif / Creative economy: the subsectors side by side, batik's share of the total,
growth by subsector, and the regional revenue and jobs picture."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import creative, i18n
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
st.info(_render.t("ce.illustrative"), icon=":material/info:")
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
    region = _widgets.url_choice(
        "wilayah", _render.t("filter.region"), list(regions), regions, "kota_blitar"
    )
indicator = registry[code]
obs = _data.sector_observations(path, version, code, region)
if obs.empty or obs["year"].nunique() < 2:
    st.info(_render.t("empty.series"))
    st.stop()
obs = obs.assign(subsector=[sectors.get(s, s) for s in obs["sector"]])
years = sorted(obs["year"].astype(int).unique().tolist())
start, end = years[0], years[-1]
money = indicator.unit.startswith("Rp")
fmt = (
    (lambda x: i18n.format_rupiah(x, lang)) if money else (lambda x: i18n.format_number(x, lang, 1))
)  # noqa: E731
sources = list(dict.fromkeys(obs["source"]))

grown = creative.growth_by_sector(obs, indicator, start, end)
unit = _render.t("unit.pp") if (grown["unit"] == "pp").any() else "%"
if not grown.empty:
    top = grown.iloc[0]
    change = i18n.format_number(top["change"], lang, 0, True) + (
        "%" if top["unit"] == "%" else " " + _render.t("unit.pp")
    )
    title = _render.t(
        "ce.multiples.title",
        name=indicator.name(lang),
        top=sectors.get(top["sector"], top["sector"]),
        change=change,
        start=start,
        end=end,
    )
    chart = _render.chart(
        "multiples",
        obs,
        lang=lang,
        facet="subsector",
        facet_title=_render.t("ce.subsector"),
        y_title=indicator.unit,
        title=title,
        sources=sources,
        value_format="rupiah" if money else "number",
    )
    _render.chart_panel(
        chart, obs[["subsector", "year", "value", "status", "source"]], f"ekraf_{code}_{region}"
    )

left, right = st.columns(2, gap="large")
with left:
    try:
        share = creative.shares(obs, indicator)
    except creative.UnitMismatchError:
        st.info(_render.t("ce.share.none", name=indicator.name(lang), unit=indicator.unit))
    else:
        if share.empty:
            st.info(_render.t("ce.share.partial"))
        else:
            last = share.iloc[-1]
            share = share.assign(low=None, high=None, source=sources[0])
            title = _render.t(
                "ce.share.title",
                share=i18n.format_percent(last["value"], lang, 1),
                name=indicator.name(lang).lower(),
                year=int(last["year"]),
            )
            as_pct = lambda x: i18n.format_percent(x, lang, 1)  # noqa: E731
            top = min(
                100.0, max(10.0, float(share["value"].max()) * 1.5)
            )  # a zero baseline, with room
            chart = _render.chart(
                "series",
                share,
                lang=lang,
                title=title,
                y_title=_render.t("ce.share.y"),
                sources=sources,
                formatter="percent1",
                value_format="percent",
                y_domain=(0, top),
            )
            _render.chart_panel(
                chart, share[["year", "value", "status"]], f"pangsa_batik_{code}_{region}"
            )
with right:
    frame = grown.assign(
        subsector=[sectors.get(s, s) for s in grown["sector"]],
        label=[i18n.format_number(v, lang, 1, True) for v in grown["change"]],
        source=sources[0],
    )
    chart = _render.chart(
        "bar",
        frame,
        lang=lang,
        x="subsector",
        y="change",
        horizontal=True,
        label="label",
        x_title=_render.t("ce.subsector"),
        y_title=_render.t("ce.growth.x", unit=unit),
        title=_render.t("ce.growth.title", name=indicator.name(lang).lower(), start=start, end=end),
        sources=sources,
        height=220,
    )
    _render.chart_panel(
        chart, frame[["subsector", "label", "status"]], f"pertumbuhan_{code}_{region}"
    )

st.header(_render.t("ce.jobs"))
left, right = st.columns(2, gap="large")
with left:
    revenue = _data.sector_observations(path, version, "ce_regional_revenue", region)
    if not revenue.empty:
        last_year = int(revenue["year"].max())
        total = creative.totals(revenue, registry["ce_regional_revenue"])
        year_total = total[total["year"] == last_year].iloc[0]
        batik = revenue[(revenue["year"] == last_year) & (revenue["sector"] == "batik")]["value"]
        title = _render.t(
            "ce.revenue.title",
            total=i18n.format_rupiah(year_total["total"], lang),
            year=last_year,
            batik=i18n.format_rupiah(batik.iloc[0], lang) if len(batik) else "–",
        )
        revenue = revenue.assign(subsector=[sectors.get(s, s) for s in revenue["sector"]])
        chart = _render.chart(
            "bar",
            revenue,
            lang=lang,
            x="year",
            y="value",
            color="subsector",
            color_title=_render.t("ce.subsector"),
            x_title=_render.t("chart.year"),
            y_title="Rp",
            title=title,
            value_format="rupiah",
            sources=list(dict.fromkeys(revenue["source"])),
        )
        # The title's total is a row of the table too (complete years only: creative.totals).
        totals = total.assign(subsector=_render.t("ce.total"), value=total["total"])
        table = pd.concat([revenue, totals])[["subsector", "year", "value", "status"]]
        _render.chart_panel(chart, table, f"pajak_retribusi_{region}")
with right:
    young = _data.sector_observations(path, version, "ce_young_share", region)
    if not young.empty:
        last_year = int(young["year"].max())
        young = young[young["year"] == last_year].assign(
            subsector=lambda d: [sectors.get(s, s) for s in d["sector"]]
        )
        young = young.sort_values("value", ascending=False)
        top = young.iloc[0]
        as_pct = lambda x: i18n.format_percent(x, lang, 0)  # noqa: E731
        young = young.assign(label=[as_pct(v) for v in young["value"]])
        chart = _render.chart(
            "bar",
            young,
            lang=lang,
            x="subsector",
            y="value",
            horizontal=True,
            label="label",
            x_title=_render.t("ce.subsector"),
            y_title="%",
            value_format="percent",
            title=_render.t(
                "ce.young.title", top=top["subsector"], share=as_pct(top["value"]), year=last_year
            ),
            sources=list(dict.fromkeys(young["source"])),
            height=220,
        )
        _render.chart_panel(
            chart, pd.DataFrame(young[["subsector", "label", "status"]]), f"pekerja_muda_{region}"
        )
