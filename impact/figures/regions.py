"""Regions side by side: Kota Blitar beside Kabupaten Blitar for one indicator, on one chart
and one table, with the public benchmarks (Jawa Timur, Indonesia) where a figure exists.

Like is compared with like: each region's change over the same years, by the indicator's
kind (percentage points for scores, shares and rates; percent change for levels, counts and
indices), through :mod:`impact.growth` and the figure layer's change wording. A region or
benchmark without figures for the indicator is named in words ('Kota Blitar: belum ada
data'), never drawn as an empty chart. Benchmarks are only ever the stored figures, with the
status and source they were stored with; none is made up here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from impact import growth, i18n
from impact.figures import charts, tables
from impact.figures.figure import (
    Figure,
    change_text,
    chart_spec,
    formatter_name,
    source_lines,
    target_marks,
    unit_text,
    value_formatter,
    year_sources,
)
from impact.figures.marks import frame_mark, marked, statuses_of, with_symbol
from impact.indicators import Indicator

REGIONS = ("kota_blitar", "kab_blitar")  # the two administrative regions compared
BENCHMARKS = ("jatim", "indonesia")  # drawn as 'pembanding' lines where a figure exists
ECONOMY_WIDE = "all"  # a benchmark of the whole economy (CPI) stands for any sector
COMBINED = "blitar"  # Kota & Kabupaten together: the study's level, shown on indicator pages


def regions_with_data(catalog: pd.DataFrame, code: str) -> list[str]:
    """Which of Kota and Kabupaten Blitar hold figures of ``code`` (any sector), in order.
    ``catalog``: store.series_catalog."""
    held = set(catalog.loc[catalog["indicator"] == code, "region"])
    return [r for r in REGIONS if r in held]


def indicator_choices(
    catalog: pd.DataFrame, registry: dict[str, Indicator], lang: str
) -> dict[str, str]:
    """Every indicator for the picker, those held by both regions first; an indicator with
    figures for fewer than two of them is marked as such before it is chosen."""
    both = [c for c in registry if len(regions_with_data(catalog, c)) == len(REGIONS)]
    rest = [c for c in registry if c not in both]
    return {
        code: registry[code].name(lang)
        if code in both
        else i18n.t("regions.fewer", lang, name=registry[code].name(lang))
        for code in [*both, *rest]
    }


def default_sector(catalog: pd.DataFrame, code: str, preferred: str = "batik") -> str:
    """The sector to compare in: ``preferred`` when a region holds it, else the first sector
    a region (then a benchmark) holds for ``code``, else ``preferred``."""
    rows = catalog[catalog["indicator"] == code]
    for regions in (REGIONS, BENCHMARKS):
        sectors = list(rows.loc[rows["region"].isin(regions), "sector"])
        if preferred in sectors:
            return preferred
        if sectors:
            return str(sectors[0])
    return preferred


def _series(obs: pd.DataFrame, region: str, sector: str, *, benchmark: bool) -> pd.DataFrame:
    rows = obs[(obs["region"] == region) & (obs["sector"] == sector)]
    if rows.empty and benchmark:  # an economy-wide benchmark (CPI) stands for every sector
        rows = obs[(obs["region"] == region) & (obs["sector"] == ECONOMY_WIDE)]
    return rows.sort_values("year")


def _period(series: dict[str, pd.DataFrame]) -> tuple[int, int] | None:
    """The first and last year every compared region has (None: fewer than two such)."""
    common: set[int] | None = None
    for rows in series.values():
        years = set(rows["year"].astype(int))
        common = years if common is None else common & years
    if not common or len(common) < 2:
        return None
    return min(common), max(common)


def regions_figure(
    obs: pd.DataFrame,
    indicator: Indicator,
    sector: str,
    region_names: dict[str, str],
    lang: str,
    *,
    targets: pd.DataFrame | None = None,
) -> Figure:
    """Kota and Kabupaten Blitar side by side for ``indicator`` in ``sector``, with the
    benchmarks that have figures.

    ``obs``: store.observations of the indicator for every region and sector. ``targets``
    (store.targets_with_realisation) draws the targets set for the compared regions.

    The figure's title states each region's change over the years both have (or, when they
    share fewer than two, each region's own first and last year); ``metrics`` hold one change
    per region; ``extra['missing']`` names each region and benchmark without figures;
    ``chart`` is None when nothing at all can be drawn. The table lists every plotted figure
    by region and year with its status and source.
    """
    kind = indicator.kind
    regions = {r: _series(obs, r, sector, benchmark=False) for r in REGIONS}
    benches = {r: _series(obs, r, sector, benchmark=True) for r in BENCHMARKS}
    present = {r: rows for r, rows in regions.items() if not rows.empty}
    present_benches = {r: rows for r, rows in benches.items() if not rows.empty}
    name = indicator.name(lang)

    def bench_name(code: str) -> str:
        return i18n.t("regions.benchmark", lang, name=region_names.get(code, code))

    missing = [
        i18n.t("regions.missing", lang, name=region_names.get(r, r))
        for r in REGIONS
        if r not in present
    ] + [
        i18n.t("regions.missing", lang, name=bench_name(r))
        for r in BENCHMARKS
        if r not in present_benches
    ]

    # The study's combined level is not a third region here; say where its figures are.
    combined = not obs[(obs["region"] == COMBINED) & (obs["sector"] == sector)].empty
    combined_note = (
        i18n.t("regions.combined", lang, name=region_names.get(COMBINED, COMBINED))
        if combined
        else None
    )

    # Each region's change, compared over the same years wherever both have them.
    period = _period(present) if len(present) == len(REGIONS) else None
    changes: list[tuple[str, growth.Range, int, int]] = []
    for region, rows in present.items():
        years = rows["year"].astype(int).tolist()
        start, end = period or (min(years), max(years))
        if start == end:
            continue
        try:
            comparison = growth.compare_years(rows, kind, start, end)
        except growth.GrowthError:  # a zero or negative base: no change to state
            continue
        value = comparison.points if comparison.points is not None else comparison.percent
        changes.append((region, value, start, end))

    compared = [r for r, *_ in changes]
    # The title's status: the weakest of the years its changes are computed from (of every
    # region figure when there is no change to state; benchmarks never mark it).
    if changes:
        ends = pd.concat(
            [present[r][present[r]["year"].astype(int).isin([s, e])] for r, _, s, e in changes]
        )
    elif present:
        ends = pd.concat(list(present.values()))
    else:
        ends = obs.iloc[0:0]
    status = statuses_of(ends)

    def changed(region: str, value: growth.Range, start: int, end: int) -> str:
        """A region's change with the least final BPS mark of its two years ('+50%*')."""
        rows = present[region]
        return with_symbol(
            change_text(value, kind, lang),
            frame_mark(rows[rows["year"].astype(int).isin([start, end])]),
        )

    if changes and period:
        phrases = [
            i18n.t(
                "regions.change",
                lang,
                region=region_names.get(r, r),
                change=changed(r, v, s, e),
            )
            for r, v, s, e in changes
        ]
        title = i18n.t(
            "regions.title",
            lang,
            name=name,
            start=period[0],
            end=period[1],
            changes="; ".join(phrases),
        )
    elif changes:
        phrases = [
            i18n.t(
                "regions.change.own",
                lang,
                region=region_names.get(r, r),
                change=changed(r, v, s, e),
                start=s,
                end=e,
            )
            for r, v, s, e in changes
        ]
        title = i18n.t("regions.title.own", lang, name=name, changes="; ".join(phrases))
    else:
        title = i18n.t("regions.title.none", lang, name=name)
    title = marked(title, status, lang)

    # One frame of every plotted series: regions first, then benchmarks.
    labelled = [(region_names.get(r, r), "region", rows) for r, rows in present.items()] + [
        (bench_name(r), "benchmark", rows) for r, rows in present_benches.items()
    ]
    plotted = (
        pd.concat(
            [rows.assign(series=s, role=role) for s, role, rows in labelled], ignore_index=True
        )
        if labelled
        else None
    )
    fmt, axis = value_formatter(indicator, lang)
    lines: list[str] = []
    for series_name, _, rows in labelled:  # each year's source, named per region
        lines += [
            i18n.t("regions.source", lang, name=series_name, line=line)
            for line in source_lines(year_sources(rows), lang)
        ]
    chart = None
    if plotted is not None:
        target_options: list[dict] = []
        if targets is not None and not targets.empty:
            shown = targets[targets["region"].isin(list(present)) & (targets["sector"] == sector)]
            target_options, target_lines = target_marks(
                shown, indicator, lang, years=plotted["year"], region_names=region_names
            )
            lines += target_lines
        chart = chart_spec(
            "regions",
            plotted.drop(columns=["indicator", "region", "sector"], errors="ignore"),
            lang,
            (),
            extra_lines=lines,
            title=title,
            y_title=unit_text(indicator, lang),
            value_format=axis,
            formatter=formatter_name(indicator, False),
            y_domain=(0, 100) if kind == "score" else None,
            series_order=[s for s, _, _ in labelled],
            benchmark_note=i18n.t("source.note.benchmark", lang),
            targets=target_options,
        )
    table = _table(labelled, lang, fmt, formatter_name(indicator, False))
    start_end = (min(s for *_, s, _ in changes), max(e for *_, e in changes)) if changes else None
    return Figure(
        key=f"{indicator.code}_regions",
        kind=kind,
        unit="pp" if kind in growth.POINT_KINDS else "%",
        value=None,
        years=start_end,
        status=status,
        sources=year_sources(plotted) if plotted is not None else (),
        title=title,
        label=name,
        value_text="",
        period=i18n.t("card.period", lang, start=start_end[0], end=start_end[1])
        if start_end
        else "",
        metrics=tuple((region_names.get(r, r), changed(r, v, s, e)) for r, v, s, e in changes),
        chart=chart,
        table=table,
        notes=tuple(missing),
        extra={
            "missing": missing,
            "combined": combined_note,
            "compared": compared,
            "benchmarks": list(present_benches),
            "indicator": indicator.code,
        },
    )


def _table(
    labelled: Iterable[tuple[str, str, pd.DataFrame]], lang: str, fmt, fmt_name: str
) -> pd.DataFrame:
    """Every plotted figure by region (benchmarks named as such) and year, with its value,
    status, source and note; a reported benchmark written as published (7,28%)."""
    parts = []
    for series_name, role, rows in labelled:
        part = tables.series_table(rows, lang, fmt)
        if role == "benchmark":
            value = i18n.t("table.value", lang)
            ordered = rows.sort_values("year")
            part[value] = charts.published_labels(
                ordered, list(part[value]), fmt_name, lang, marks=False
            )
        part.insert(0, i18n.t("filter.region", lang), series_name)
        parts.append(part)
    if not parts:
        return pd.DataFrame()
    return pd.concat(parts, ignore_index=True)
