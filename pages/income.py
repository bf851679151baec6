"""Pendapatan / Income: a yearly income series by region and sector, between two chosen
years, nominal or real, as values, an index or year-on-year change."""

from __future__ import annotations

import streamlit as st

from impact import equity, growth, i18n
from impact.figures import headlines, tables
from pages import _data, _render, _widgets

INCOME_INDICATORS = ["batik_income_index", "batik_income_avg"]

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("income.title"))
st.caption(_render.t("income.intro"))

catalog = _data.catalog(path, version)
registry = _data.registry(path, version)
catalog = catalog[catalog["indicator"].isin(INCOME_INDICATORS)]
regions = _data.names(path, version, "region", lang)
sectors = _data.names(path, version, "sector", lang)

f1, f2, f3 = st.columns(3)
# Where enterprise records exist, the income series can also be derived from them.
if _data.enterprise_years(path, version):
    registry = registry | {equity.DERIVED_INCOME.code: equity.DERIVED_INCOME}
with f1:
    codes = [
        c
        for c in [*INCOME_INDICATORS, equity.DERIVED_INCOME.code]
        if c in set(catalog["indicator"]) or (c == equity.DERIVED_INCOME.code and c in registry)
    ]
    code = _widgets.url_choice(
        "indikator",
        _render.t("filter.indicator"),
        codes,
        {c: registry[c].name(lang) for c in codes},
    )
with f2:
    region = _widgets.url_choice(
        "wilayah", _render.t("filter.region"), list(regions), regions, "blitar"
    )
with f3:
    sector = _widgets.url_choice(
        "sektor", _render.t("filter.sector"), list(sectors), sectors, "batik"
    )

if code == equity.DERIVED_INCOME.code:
    obs = _data.derived_income(path, version, region, sector)
    st.caption(_render.t("income.derived"))
else:
    obs = _data.observations(path, version, code, region, sector) if code else None
if obs is None or obs.empty:
    st.info(_render.t("empty.series"))
    st.stop()
years = obs["year"].astype(int).tolist()
if len(years) < 2:
    st.info(_render.t("empty.years"))
    st.stop()

g1, g2, g3, g4 = st.columns(4)
with g1:
    base = _widgets.url_choice("dari", _render.t("filter.base_year"), years[:-1], default=years[0])
with g2:
    later = [y for y in years if y > base]
    end = _widgets.url_choice("ke", _render.t("filter.compare_year"), later, default=later[-1])
with g3:
    prices = _widgets.url_choice(
        "harga",
        _render.t("filter.prices"),
        ["nominal", "real"],
        {p: _render.t(f"prices.{p}") for p in ("nominal", "real")},
    )
with g4:
    view = _widgets.url_choice(
        "tampilan",
        _render.t("filter.view"),
        ["level", "index", "yoy"],
        {v: _render.t(f"view.{v}") for v in ("level", "index", "yoy")},
    )

indicator = registry[code]
inflation = _data.observations(
    path, version, headlines.INFLATION_INDICATOR, headlines.INFLATION_REGION, "all"
)
try:
    shown = growth.prepare_series(
        obs, inflation, real=prices == "real", base_year=base, as_index=view == "index"
    )
    comparison = growth.compare_years(shown, indicator.kind, base, end)
except growth.MissingValueError as exc:
    st.info(
        _render.t("empty.inflation", year=exc.year)
        if prices == "real"
        else _render.t("empty.years")
    )
    st.stop()
except growth.GrowthError:
    st.info(_render.t("empty.base"))
    st.stop()

is_rupiah = indicator.unit.startswith("Rp") and view != "index"
fmt = (
    (lambda x: i18n.format_rupiah(x, lang))
    if is_rupiah
    else (lambda x: i18n.format_number(x, lang, 0))
)
status = dict(zip(obs["year"], obs["status"], strict=True))
_render.change_metrics(comparison, fmt, status[base], status[end])

name = indicator.name(lang) + (
    _render.t("income.real_suffix", base=base) if prices == "real" else ""
)
sources = list(dict.fromkeys(obs["source"]))
if prices == "real":
    sources += list(dict.fromkeys(inflation["source"]))
if view == "yoy":
    changes = growth.year_on_year(shown, indicator.kind).dropna(subset=["change_pct"])
    changes = changes.assign(
        status=changes["change_status"],
        label=[i18n.format_percent(v, lang, 1, True) for v in changes["change_pct"]],
    )
    chart = _render.chart(
        "bar",
        changes,
        lang=lang,
        x="year",
        y="change_pct",
        x_title=_render.t("chart.year"),
        y_title=_render.t("view.yoy"),
        title=_render.t("income.chart.yoy", name=name),
        sources=sources,
        label="label",
        value_format="percent",
    )
    table = changes[["year", "label", "status"]]
else:
    change = i18n.format_range(comparison.percent, lang, "%", 0, True)
    title = _render.t("income.chart.title", name=name, change=change, start=base, end=end)
    y_title = f"{name} ({indicator.unit})" if view == "level" else _render.t("view.index")
    chart = _render.chart(
        "series",
        shown,
        lang=lang,
        title=title,
        y_title=y_title,
        sources=sources,
        value_format="rupiah" if is_rupiah else "index",
        formatter="rupiah" if is_rupiah else "index",
        wrap=(80, 130),
    )
    table = tables.series_table(shown, lang, fmt)
_render.chart_panel(
    chart, table, f"pendapatan_{code}_{region}_{sector}_{base}-{end}_{prices}_{view}"
)
