"""Public benchmarks beside Blitar on the regions page: economic growth of Kota and Kabupaten
Blitar with Jawa Timur and Indonesia (a chart in the regions frame), and the batik industry's
published counts (enterprises, workers, centres, exports) of Jawa Timur and Indonesia beside
Blitar's own figures (a table).

Only stored figures are shown, each with the status and source it was stored with; nothing is
computed across sources whose coverage differs (a province's IKM count and a ministry's count
of 'industries' sit side by side in a table, their notes saying why they are not compared).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from impact import i18n
from impact.figures import regions
from impact.figures.figure import PRECISION, Figure, value_formatter, year_sources
from impact.figures.marks import marked, statuses_of, statuses_with_marks
from impact.indicators import Indicator

GROWTH = "pdrb_growth"  # economic growth, % a year at constant prices
# The batik industry's counts, Blitar's own first, then the provincial and national benchmarks.
BATIK = (
    "batik_enterprises_active",
    "batik_workers",
    "batik_ikm_units",
    "batik_ikm_workers",
    "batik_sentra",
    "batik_exports",
)
REGION_ORDER = (*regions.REGIONS, regions.COMBINED, *regions.BENCHMARKS)


def growth_figure(
    obs: pd.DataFrame, indicator: Indicator, names: dict[str, str], lang: str
) -> Figure:
    """Economic growth of Kota and Kabupaten Blitar beside Jawa Timur and Indonesia: the
    regions chart (benchmarks long-dashed, each year's source named per region), titled by
    each series' latest figure ('Kota Blitar 5,3% (2024); …'), not by a change of rates.

    ``obs``: store.observations of ``indicator`` (GROWTH) for every region, sector 'all'.
    """
    fig = regions.regions_figure(obs, indicator, regions.ECONOMY_WIDE, names, lang)
    latest = []
    for code in (*regions.REGIONS, *regions.BENCHMARKS):
        rows = obs[(obs["region"] == code) & (obs["sector"] == regions.ECONOMY_WIDE)]
        if rows.empty:
            continue
        last = rows.sort_values("year").iloc[-1]
        latest.append(last)
    if not latest:
        return fig
    frame = pd.DataFrame(latest)
    values = "; ".join(
        i18n.t(
            "bench.growth.value",
            lang,
            region=names.get(row.region, row.region),
            value=i18n.format_percent(row.value, lang, PRECISION),
            year=int(row.year),
        )
        for row in frame.itertuples()
    )
    status = statuses_of(frame)
    title = marked(
        i18n.t("bench.growth.title", lang, name=indicator.name(lang), values=values), status, lang
    )
    chart = None
    if fig.chart is not None:
        chart = {**fig.chart, "options": {**fig.chart["options"], "title": title}}
    return dataclasses.replace(
        fig, key="growth_benchmarks", title=title, status=status, chart=chart
    )


def batik_figure(obs: pd.DataFrame, names: dict[str, str], lang: str) -> Figure | None:
    """The batik industry's latest published count of each region, by measure: Blitar's own
    figures beside Jawa Timur's and Indonesia's, as a table (the counts differ by orders of
    magnitude and in coverage, so no chart puts them on one axis).

    ``obs``: store.all_observations rows (indicator, name_id, name_en, unit, kind, region,
    sector, year, value, status, source, note, mark) of the BATIK codes, sector 'batik'. Each
    measure and region gives its latest year. None when no benchmark region has a figure.
    """
    rows = obs[obs["indicator"].isin(BATIK) & obs["region"].isin(REGION_ORDER)]
    if rows.empty or not rows["region"].isin(regions.BENCHMARKS).any():
        return None
    rows = (
        rows.assign(
            _code=rows["indicator"].map(BATIK.index),
            _region=rows["region"].map(REGION_ORDER.index),
        )
        .sort_values(["_code", "_region", "year"])
        .groupby(["indicator", "region"], sort=False)
        .tail(1)
    )
    values = []
    for row in rows.itertuples():
        indicator = Indicator(
            row.indicator, row.name_id, row.name_en, None, None, None, row.unit, row.kind, "", ""
        )
        fmt, _ = value_formatter(indicator, lang)
        values.append(_with_unit(fmt(row.value), str(row.unit), lang))
    table = pd.DataFrame(
        {
            i18n.t("bench.batik.measure", lang): rows["name_en" if lang == "en" else "name_id"],
            i18n.t("col.region", lang): [names.get(r, r) for r in rows["region"]],
            i18n.t("table.year", lang): rows["year"].astype(int).astype(str).tolist(),
            i18n.t("table.value", lang): values,
            i18n.t("table.status", lang): statuses_with_marks(rows, lang),
            i18n.t("table.source", lang): [i18n.data_text(s, lang) for s in rows["source"]],
            i18n.t("table.note", lang): [i18n.data_text(n, lang) for n in rows["note"]],
        }
    ).reset_index(drop=True)
    shown = rows[rows["region"].isin(regions.BENCHMARKS)]
    status = statuses_of(shown)
    title = marked(i18n.t("bench.batik.title", lang), status, lang)
    return Figure(
        key="batik_benchmarks",
        kind="count",
        unit="",
        value=None,
        years=(int(rows["year"].min()), int(rows["year"].max())),
        status=status,
        sources=year_sources(rows),
        title=title,
        label=i18n.t("bench.batik.measure", lang),
        value_text="",
        table=table,
        notes=(i18n.t("bench.batik.note", lang),),
        extra={"regions": list(dict.fromkeys(rows["region"]))},
    )


def _with_unit(text: str, unit: str, lang: str) -> str:
    """A value with its unit: a currency before the number ('Rp2.330.000', 'US$17.500.000'),
    any other unit after it ('9.824 unit usaha')."""
    if unit.startswith("Rp"):
        return text  # the rupiah formatter writes 'Rp' already
    if unit == "US$":
        return unit + text
    return f"{text} {i18n.data_text(unit, lang)}"
