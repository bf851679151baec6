"""Pendapatan / Income: a yearly income series by region and sector, between two chosen
years, nominal or real, as values, an index or year-on-year change."""

from __future__ import annotations

import streamlit as st

from impact import equity, growth, headlines, i18n, tables
from pages import _ui

INCOME_INDICATORS = ["batik_income_index", "batik_income_avg"]

lang = _ui.lang()
path, version = _ui.db()
st.title(_ui.t("income.title"))
st.caption(_ui.t("income.intro"))

catalog = _ui.catalog(path, version)
registry = _ui.registry(path, version)
catalog = catalog[catalog["indicator"].isin(INCOME_INDICATORS)]
regions = _ui.names(path, version, "region", lang)
sectors = _ui.names(path, version, "sector", lang)

f1, f2, f3 = st.columns(3)
# Where enterprise records exist, the income series can also be derived from them.
if _ui.enterprise_years(path, version):
    registry = registry | {equity.DERIVED_INCOME.code: equity.DERIVED_INCOME}
with f1:
    codes = [c for c in [*INCOME_INDICATORS, equity.DERIVED_INCOME.code]
             if c in set(catalog["indicator"]) or (c == equity.DERIVED_INCOME.code and c in registry)]  # fmt: skip
    code = _ui.url_choice("indikator", _ui.t("filter.indicator"), codes,
                          {c: registry[c].name(lang) for c in codes})  # fmt: skip
with f2:
    region = _ui.url_choice("wilayah", _ui.t("filter.region"), list(regions), regions, "blitar")
with f3:
    sector = _ui.url_choice("sektor", _ui.t("filter.sector"), list(sectors), sectors, "batik")

if code == equity.DERIVED_INCOME.code:
    obs = _ui.derived_income(path, version, region, sector)
    st.caption(_ui.t("income.derived"))
else:
    obs = _ui.observations(path, version, code, region, sector) if code else None
if obs is None or obs.empty:
    st.info(_ui.t("empty.series"))
    st.stop()
years = obs["year"].astype(int).tolist()
if len(years) < 2:
    st.info(_ui.t("empty.years"))
    st.stop()

g1, g2, g3, g4 = st.columns(4)
with g1:
    base = _ui.url_choice("dari", _ui.t("filter.base_year"), years[:-1], default=years[0])
with g2:
    later = [y for y in years if y > base]
    end = _ui.url_choice("ke", _ui.t("filter.compare_year"), later, default=later[-1])
with g3:
    prices = _ui.url_choice("harga", _ui.t("filter.prices"), ["nominal", "real"],
                            {p: _ui.t(f"prices.{p}") for p in ("nominal", "real")})  # fmt: skip
with g4:
    view = _ui.url_choice("tampilan", _ui.t("filter.view"), ["level", "index", "yoy"],
                          {v: _ui.t(f"view.{v}") for v in ("level", "index", "yoy")})  # fmt: skip

indicator = registry[code]
inflation = _ui.observations(
    path, version, headlines.INFLATION_INDICATOR, headlines.INFLATION_REGION, "all"
)
try:
    shown = growth.prepare_series(
        obs, inflation, real=prices == "real", base_year=base, as_index=view == "index"
    )
    comparison = growth.compare_years(shown, indicator.kind, base, end)
except growth.MissingValueError as exc:
    st.info(_ui.t("empty.inflation", year=exc.year) if prices == "real" else _ui.t("empty.years"))
    st.stop()
except growth.GrowthError:
    st.info(_ui.t("empty.base"))
    st.stop()

is_rupiah = indicator.unit.startswith("Rp") and view != "index"
fmt = (
    (lambda x: i18n.format_rupiah(x, lang))
    if is_rupiah
    else (lambda x: i18n.format_number(x, lang, 0))
)
status = dict(zip(obs["year"], obs["status"], strict=True))
_ui.change_metrics(comparison, fmt, status[base], status[end])

name = indicator.name(lang) + (_ui.t("income.real_suffix", base=base) if prices == "real" else "")
sources = list(dict.fromkeys(obs["source"]))
if prices == "real":
    sources += list(dict.fromkeys(inflation["source"]))
if view == "yoy":
    changes = growth.year_on_year(shown, indicator.kind).dropna(subset=["change_pct"])
    changes = changes.assign(status=changes["change_status"],
                             label=[i18n.format_percent(v, lang, 1, True) for v in changes["change_pct"]])  # fmt: skip
    chart = _ui.chart("bar", changes, lang=lang, x="year", y="change_pct", x_title=_ui.t("chart.year"),
                             y_title=_ui.t("view.yoy"), title=_ui.t("income.chart.yoy", name=name),
                             sources=sources, label="label", value_format="percent")  # fmt: skip
    table = changes[["year", "label", "status"]]
else:
    change = i18n.format_range(comparison.percent, lang, "%", 0, True)
    title = _ui.t("income.chart.title", name=name, change=change, start=base, end=end)
    y_title = f"{name} ({indicator.unit})" if view == "level" else _ui.t("view.index")
    chart = _ui.chart("series", shown, lang=lang, title=title, y_title=y_title, sources=sources,
                                value_format="rupiah" if is_rupiah else "index", formatter="rupiah" if is_rupiah else "index",
                                wrap=(80, 130))  # fmt: skip
    table = tables.series_table(shown, lang, fmt)
_ui.chart_panel(chart, table, f"pendapatan_{code}_{region}_{sector}_{base}-{end}_{prices}_{view}")
