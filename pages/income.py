"""Pendapatan / Income: a yearly income series by region and sector, between two chosen
years, nominal or real, as values, an index or year-on-year change."""

from __future__ import annotations

import streamlit as st

from impact import equity, growth
from impact.figures import figure
from impact.figures.equity import umk_figure
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
    held = catalog.loc[catalog["indicator"] == code, "region"]
    if code == equity.DERIVED_INCOME.code:
        held = list(regions)  # records may hold any region; the page says when one has none
    region = _widgets.url_choice(
        "wilayah",
        _render.t("filter.region"),
        list(regions),
        figure.choice_labels(regions, held, lang),
        "blitar",
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
real = prices == "real"
price_indices = _data.indicator_observations(path, version, figure.INFLATION_INDICATOR)
deflator = figure.INFLATION_REGION
if real and (offered := figure.deflator_regions(price_indices, years)):
    deflator = _widgets.url_choice(
        "inflasi",
        _render.t("income.deflator"),
        offered,
        {r: regions.get(r, r) for r in offered},
        help=_render.t("income.deflator.help"),
    )
inflation = price_indices[
    (price_indices["region"] == deflator) & (price_indices["sector"] == "all")
]
name = indicator.name(lang) + (_render.t("income.real_suffix", base=base) if real else "")
try:
    shown = growth.prepare_series(
        obs, inflation, real=real, base_year=base, as_index=view == "index"
    )
    rates = inflation[inflation["year"].between(min(years) + 1, max(years))] if real else None
    fig = figure.change_figure(
        shown,
        indicator,
        base,
        end,
        lang,
        name=name,
        as_index=view == "index",
        price_rates=rates,
        targets=_data.targets(path, version, region),
        deflator=regions.get(deflator, deflator) if real else None,
        umk=_data.indicator_observations(path, version, equity.UMK_INDICATOR),
        region_names=regions,
        y_title=_render.t("view.index") if view == "index" else figure.unit_text(indicator, lang),
    )
except growth.MissingValueError as exc:
    st.info(_render.t("empty.inflation", year=exc.year) if real else _render.t("empty.years"))
    st.stop()
except growth.GrowthError:
    st.info(_render.t("empty.base"))
    st.stop()

_render.figure_metrics(fig)
if view == "yoy":
    fig = figure.year_on_year_figure(shown, indicator, lang, name=name)
    for note in fig.notes:  # a year without a figure is named, not silently skipped
        st.caption(_render.plain(note))
_render.figure_panel(
    fig, f"pendapatan_{code}_{region}_{sector}_{base}-{end}_{prices}_{view}", wide=True
)

# Income against the UMK, from enterprise records (the same figure as on the equity page).
st.header(_render.t("eq.umk.heading"))
scope = None if region == equity.COMBINED_REGION else region
yardstick = _data.umk_yardstick(path, version, None, scope, None if sector == "all" else sector)
if yardstick.empty:
    st.info(_render.t("eq.umk.empty"))
    st.stop()
umk = umk_figure(yardstick, lang)
_render.figure_card(umk)
for note in umk.notes:
    st.caption(_render.plain(note))
