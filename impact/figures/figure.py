"""The figure layer: everything a screen or a slide shows of one figure, composed once.

A :class:`Figure` carries the value (a point or a range), its kind and unit, the years
compared, its status (the weakest of every input), the source of every year it uses, and the
words: the title sentence, the card's value and detail lines, the chart options, the table and
the speaker notes. Pages, the deck and the presentation mode render a Figure; they compose no
wording, rounding or status mark of their own.

Rules applied here, for every figure:

* a value derived from a range stays a range ('+50–70%', never '+60%');
* rounding is half away from zero (:func:`impact.i18n.round_half_away`), and a title, its card,
  its chart labels and its notes write the same figure at the same precision;
* a figure built on an estimated or illustrative input says so in words ('(ilustratif)');
* a value with a BPS mark keeps it wherever it is written ('89%**'), a change computed from
  marked values carries the least final mark of them, and the status word beside the figure
  names the mark ('Dilaporkan · angka sangat sementara');
* a chart names the source of every year it plots ('Sumber 2024: ...').
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from impact import equity, growth, i18n
from impact.figures import tables
from impact.figures.marks import (
    COMPUTED,
    frame_mark,
    marked,
    statuses_of,
    with_mark,
    with_symbol,
)
from impact.indicators import Indicator
from impact.status import ORDER

# Titles with their own sentence; any other indicator gets the generic one.
TITLE_KEYS = {
    "batik_income_index": "chart.income.title",
    "batik_competitiveness": "chart.comp.title",
}
PRECISION = 1  # decimals of a change on cards, titles, labels and notes alike
# Real terms: Blitar is not a BPS CPI city, so national CPI inflation is the deflator by
# default; a page may offer another region with the rates (deflator_regions).
INFLATION_INDICATOR = "cpi_inflation"
INFLATION_REGION = "indonesia"


@dataclass(frozen=True)
class Line:
    """One detail line of a card, with the status of what it says (or 'computed')."""

    text: str
    status: str


@dataclass(frozen=True)
class Figure:
    """One figure as every surface shows it (see the module docstring)."""

    key: str
    kind: str
    unit: str
    value: growth.Range | None
    years: tuple[int, int] | None
    status: str
    sources: tuple[tuple[str, tuple[int, ...]], ...]
    title: str
    label: str
    value_text: str
    details: tuple[Line, ...] = ()
    period: str = ""
    metrics: tuple[tuple[str, str], ...] = ()  # (label, value) of each change measure
    chart: dict | None = (
        None  # {"kind": a charts.BUILDERS key, "frame": DataFrame, "options": {...}}
    )
    table: pd.DataFrame | None = None
    notes: tuple[str, ...] = ()
    plotted_sources: tuple[tuple[str, tuple[int, ...]], ...] = ()  # every year the chart plots
    comparison: growth.Comparison | None = None
    real: growth.Comparison | None = None
    extra: dict = field(default_factory=dict)
    mark: str | None = None  # the least final BPS mark of the inputs (status.MARKS), or None
    status_text: str = ""  # the status in words with its BPS mark; see status_label

    @property
    def reported(self) -> bool:
        return self.status == "reported"

    @property
    def chart_sources(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The source of every year the chart plots (the value may use only two of them)."""
        if self.plotted_sources:
            return self.plotted_sources
        frame = self.chart["frame"] if self.chart else None
        if frame is not None and {"year", "source"} <= set(frame.columns):
            return year_sources(frame)
        return self.sources


def status_label(fig: Figure, lang: str) -> str:
    """A figure's status as its card or badge states it: 'Dilaporkan', or with its BPS mark
    'Dilaporkan · angka sangat sementara'. Composed once here for every surface."""
    return fig.status_text or with_mark(fig.status, fig.mark, lang)


# --- words composed once -----------------------------------------------------------------


def year_sources(frame: pd.DataFrame) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each distinct source with the years it gives, in the order the years come."""
    out: dict[str, list[int]] = {}
    for year, source in sorted(zip(frame["year"].astype(int), frame["source"], strict=True)):
        out.setdefault(str(source), [])
        if year not in out[str(source)]:
            out[str(source)].append(year)
    return tuple((source, tuple(years)) for source, years in out.items())


def source_lines(sources: Iterable[tuple[str, tuple[int, ...]]], lang: str) -> list[str]:
    """One line per source naming the years it gives ('Sumber 2021, 2023: …'); a single
    source of every year reads 'Sumber: …'. Source texts in the language where known."""
    sources = list(sources)
    if len(sources) == 1:
        return [i18n.t("source.line", lang, source=i18n.data_text(sources[0][0], lang))]
    return [
        i18n.t(
            "source.for_years",
            lang,
            years=", ".join(str(y) for y in years),
            source=i18n.data_text(source, lang),
        )
        for source, years in sources
    ]


def chart_spec(
    kind: str,
    frame: pd.DataFrame,
    lang: str,
    plotted: Iterable[tuple[str, tuple[int, ...]]],
    *,
    extra_lines: Iterable[str] = (),
    **options: object,
) -> dict:
    """A figure's chart: a charts.BUILDERS ``kind``, its frame and plain options, with the
    status already decided by the figure (its title is marked) and one source line per source
    of the years it plots (``plotted``: year_sources), then ``extra_lines``."""
    return {
        "kind": kind,
        "frame": frame,
        "options": {
            "status_decided": True,
            "lang": lang,
            "sources": [],
            "source_lines": [*source_lines(plotted, lang), *extra_lines],
            **options,
        },
    }


def change_text(value: growth.Range, kind: str, lang: str, decimals: int = PRECISION) -> str:
    """A change with its sign and unit: '+50–70%', '+30 poin persen'."""
    unit = " " + i18n.t("unit.pp", lang) if kind in growth.POINT_KINDS else "%"
    return i18n.format_range(value, lang, unit, decimals, signed=True)


def value_formatter(
    indicator: Indicator, lang: str, *, as_index: bool = False
) -> tuple[Callable[[float], str], str]:
    """(label formatter, axis format name) for an indicator's values."""
    if as_index:
        return (lambda x: i18n.format_number(x, lang, 0)), "index"
    if indicator.kind in ("score", "share", "rate"):
        # one decimal where there is one (87,5%), as the change in points beside it is written
        return (lambda x: i18n.format_percent(x, lang, PRECISION)), "percent"
    if indicator.unit.startswith("Rp"):
        return (lambda x: i18n.format_rupiah(x, lang)), "rupiah"
    return (
        lambda x: i18n.format_number(x, lang, 0)
    ), "index" if indicator.kind == "index" else "number"


def deflator_regions(inflation: pd.DataFrame, years: Iterable[int]) -> list[str]:
    """The regions whose CPI inflation can deflate a series of ``years``, the default
    (INFLATION_REGION) first, then the others in the order ``inflation`` holds them.

    ``inflation``: store.observations of INFLATION_INDICATOR for every region (the economy-wide
    sector 'all'). A December-on-December rate of year t moves prices from the end of t-1 to
    the end of t, so a series from first to last year needs the rates of first+1 .. last; a
    region missing one of them is not offered (a gap is never filled). Empty when none has them.
    """
    wanted = sorted({int(y) for y in years})
    needed = set(range(wanted[0] + 1, wanted[-1] + 1)) if wanted else set()
    rows = inflation[inflation["sector"] == "all"] if "sector" in inflation else inflation
    held: dict[str, set[int]] = {}
    for region, year in zip(rows["region"], rows["year"].astype(int), strict=True):
        held.setdefault(str(region), set()).add(year)
    usable = [r for r, have in held.items() if needed <= have]
    return sorted(usable, key=lambda r: r != INFLATION_REGION)  # stable: the rest keep order


def unit_text(indicator: Indicator, lang: str) -> str:
    """The indicator's unit in the language ('orang' -> 'people')."""
    return i18n.data_text(indicator.unit, lang)


# --- the change of one indicator between two years ---------------------------------------


def change_figure(
    obs: pd.DataFrame,
    indicator: Indicator,
    start: int,
    end: int,
    lang: str,
    *,
    inflation: pd.DataFrame | None = None,
    name: str | None = None,
    label: str | None = None,
    y_title: str | None = None,
    as_index: bool = False,
    price_rates: pd.DataFrame | None = None,
    key: str | None = None,
    targets: pd.DataFrame | None = None,
    deflator: str | None = None,
    umk: pd.DataFrame | None = None,
    region_names: dict[str, str] | None = None,
) -> Figure:
    """The change of one series (``obs``: one indicator, region and sector, every year it
    has) from ``start`` to ``end``: value, status, sources, title, card, chart, table, notes.

    ``inflation`` (BPS CPI rates) adds real terms for levels. ``name`` replaces the
    indicator's name in titles (a page may say '… (riil, harga 2021)'). ``targets``
    (store.targets_with_realisation) draws the targets set for this series on its chart,
    when the chart shows the indicator's own values (not an index or real terms: a target is
    set in the indicator's own, nominal unit). ``deflator`` names the region whose inflation
    made the real terms ('Kota Kediri'): the chart's lines and the notes then say 'riil,
    dideflasi dengan inflasi Kota Kediri'. ``umk`` (the UMK observations, every region)
    draws the series' region's UMK where the chart shows a nominal level in the UMK's own
    unit (see umk_marks; ``region_names`` names the region in its label). Raises the named
    growth errors when a year is missing or the base cannot be changed from.
    """
    comparison = growth.compare_years(obs, indicator.kind, start, end)
    ends = obs[obs["year"].isin([start, end])]
    status = statuses_of(ends)
    mark = frame_mark(ends)  # a change is as final as the least final of its two ends

    def sym(text: str, year: int | None = None) -> str:
        """``text`` with the BPS mark of ``year``'s value, or of the change (both ends)."""
        if year is None:
            return with_symbol(text, mark)
        return with_symbol(text, frame_mark(ends[ends["year"] == year]))

    real = None
    if inflation is not None and indicator.kind in growth.LEVEL_KINDS and not as_index:
        real = growth.compare_years(
            growth.deflate(obs, inflation, start), indicator.kind, start, end
        )
    is_points = comparison.points is not None
    value = comparison.points if is_points else comparison.percent
    fmt, axis = value_formatter(indicator, lang, as_index=as_index)
    display_name = name or indicator.name(lang)

    if is_points:
        verb, magnitude = i18n.describe_change(
            value, lang, " " + i18n.t("unit.pp", lang), PRECISION
        )
    else:
        verb, magnitude = i18n.describe_change(value, lang, "%", PRECISION)
    title_key = (
        "figure.change.title" if name else TITLE_KEYS.get(indicator.code, "figure.change.title")
    )
    title = i18n.t(
        title_key,
        lang,
        verb=verb,
        range=sym(magnitude),
        points=magnitude,  # beside the two values, which carry their own marks
        name=display_name,
        start=start,
        end=end,
        start_value=sym(_value(comparison.start, fmt), start),
        end_value=sym(_value(comparison.end, fmt), end),
    )
    title = marked(title, status, lang)

    details: list[Line] = []
    derived = COMPUTED if status == "reported" else status  # computed from what it is built on
    if is_points:
        value_text = (
            f"{sym(_value(comparison.start, fmt), start)} → {sym(_value(comparison.end, fmt), end)}"
        )
        details.append(
            Line(
                i18n.t(
                    "card.comp.delta",
                    lang,
                    points=sym(change_text(value, indicator.kind, lang)),
                    relative=sym(i18n.format_range(comparison.percent, lang, "%", PRECISION, True)),
                ),
                derived,
            )
        )
    else:
        value_text = sym(change_text(value, indicator.kind, lang))
        if indicator.kind == "count":  # how many, in the indicator's own unit
            values = (
                f"{sym(_value(comparison.start, fmt), start)} → "
                f"{sym(_value(comparison.end, fmt), end)}"
            )
            details.append(Line(f"{values} {unit_text(indicator, lang)}", status))
        details.append(
            Line(
                i18n.t(
                    "card.income.cagr",
                    lang,
                    cagr=sym(i18n.format_range(comparison.cagr, lang, "%", PRECISION)),
                ),
                derived,
            )
        )
        if real is not None:
            details.append(
                Line(
                    i18n.t(
                        "card.income.real",
                        lang,
                        start=start,
                        end=end,
                        real=sym(change_text(real.percent, indicator.kind, lang)),
                    ),
                    derived,
                )
            )

    if is_points:
        metrics = [
            (
                i18n.t("card.points", lang),
                sym(i18n.format_range(value, lang, "", PRECISION, True)),
            ),
            (
                i18n.t("card.relative", lang),
                sym(i18n.format_range(comparison.percent, lang, "%", PRECISION, True)),
            ),
        ]
    else:
        metrics = [
            (i18n.t("card.absolute", lang), sym(_difference(comparison.absolute, fmt))),
            (
                i18n.t("card.percent", lang),
                sym(change_text(comparison.percent, indicator.kind, lang)),
            ),
            (
                i18n.t("card.cagr", lang),
                sym(i18n.format_range(comparison.cagr, lang, "%", PRECISION, True)),
            ),
        ]

    plotted = obs.sort_values("year")
    sources = year_sources(ends)  # what the value is computed from; the chart names every year
    extra_lines: list[str] = []  # the chart plots deflated values: name the price source too
    if price_rates is not None and not price_rates.empty:
        sources += tuple(s for s in year_sources(price_rates) if s[0] not in dict(sources))
        extra_lines = source_lines(year_sources(price_rates), lang)
    if real is not None and inflation is not None:  # the card's real terms use CPI rates
        rates = inflation[inflation["year"].between(start + 1, end)]
        sources += tuple(s for s in year_sources(rates) if s[0] not in dict(sources))
    deflated = (
        []
        if deflator is None or (real is None and price_rates is None)
        else [i18n.t("prices.deflator", lang, region=deflator)]
    )
    extra_lines = [*extra_lines, *deflated]
    target_options: list[dict] = []
    if targets is not None and not as_index and price_rates is None and not plotted.empty:
        target_options, target_lines = target_marks(
            series_targets(targets, obs), indicator, lang, years=plotted["year"]
        )
        extra_lines = [*extra_lines, *target_lines]
    umk_options: list[dict] = []
    if umk is not None and not as_index and price_rates is None and not plotted.empty:
        umk_options, umk_lines = umk_marks(
            umk, plotted, indicator, lang, region_names=region_names or {}
        )
        extra_lines = [*extra_lines, *umk_lines]
    chart = chart_spec(
        "series",
        plotted,
        lang,
        year_sources(plotted),
        extra_lines=extra_lines,
        targets=target_options,
        references=umk_options,
        title=title,
        y_title=y_title or unit_text(indicator, lang),
        value_format=axis,
        formatter=formatter_name(indicator, as_index),
        y_domain=(0, 100) if is_points else None,
    )
    notes = (
        *_row_notes(plotted, lang, lambda x: i18n.format_number(x, lang, 2)),
        *comparison_notes(comparison, real, lang),
        *deflated,
    )
    return Figure(
        key=key or f"{indicator.code}_change",
        kind=indicator.kind,
        unit="pp" if is_points else "%",
        value=value,
        years=(start, end),
        status=status,
        sources=sources,
        title=title,
        label=label or display_name,
        value_text=value_text,
        details=tuple(details),
        period=i18n.t("card.period", lang, start=start, end=end),
        metrics=tuple(metrics),
        chart=chart,
        table=tables.series_table(plotted, lang, fmt),
        notes=notes,
        comparison=comparison,
        real=real,
        # the two values as the title writes them, each with its own BPS mark ('89%**')
        extra={
            "indicator": indicator.code,
            "start_text": sym(_value(comparison.start, fmt), start),
            "end_text": sym(_value(comparison.end, fmt), end),
        },
        mark=mark,
        status_text=with_mark(status, mark, lang),
    )


# --- targets drawn on a chart -------------------------------------------------------------


def series_targets(targets: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """The targets (store.targets_with_realisation rows) set for the series ``obs`` holds:
    same indicator, region and sector."""
    if targets.empty or obs.empty:
        return targets.iloc[0:0]
    keep = pd.Series(True, index=targets.index)
    for column in ("indicator", "region", "sector"):
        if column in obs and obs[column].nunique() == 1:
            keep &= targets[column] == obs[column].iloc[0]
    return targets[keep]


def target_marks(
    targets: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    years: Iterable[int],
    region_names: dict[str, str] | None = None,
) -> tuple[list[dict], list[str]]:
    """The targets of ``indicator`` within the plotted ``years`` as a chart draws them, and
    the lines naming their plan document.

    Returns (marks, lines): one plain dict per target (year, target, label, status, source;
    the label 'Target 160 (ilustratif)' carries its status in words, so an illustrative
    target never reads as an official one), and one line per plan document naming the years
    it sets ('Target 2022, 2023: <document> (ilustratif)'), then how to read the marks.
    ``region_names`` (the regions view) puts the region in each label. Nothing when no target
    falls within the years."""
    years = [int(y) for y in years]
    if targets.empty or not years:
        return [], []
    rows = targets[
        (targets["indicator"] == indicator.code)
        & targets["year"].astype(int).between(min(years), max(years))
    ].sort_values(["region", "year"])
    if rows.empty:
        return [], []
    fmt, _ = value_formatter(indicator, lang)
    marks = []
    for row in rows.itertuples():
        value = fmt(float(row.target))
        if region_names:
            region = region_names.get(row.region, row.region)
            text = i18n.t("chart.target.region", lang, region=region, value=value)
        else:
            text = i18n.t("chart.target.label", lang, value=value)
        marks.append(
            {
                "year": int(row.year),
                "target": float(row.target),
                "label": marked(text, row.status, lang),
                "status": str(row.status),
                "source": i18n.data_text(row.source, lang),
            }
        )
    lines = []
    for (source, status), group in rows.groupby(["source", "status"], sort=False):
        years_text = ", ".join(str(y) for y in sorted(set(group["year"].astype(int))))
        line = i18n.t(
            "chart.target.source", lang, years=years_text, document=i18n.data_text(source, lang)
        )
        lines.append(marked(line, str(status), lang))
    lines.append(i18n.t("source.note.target", lang))
    return marks, lines


# --- the UMK drawn on an income chart ------------------------------------------------------


def umk_marks(
    umk: pd.DataFrame,
    obs: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    region_names: dict[str, str],
) -> tuple[list[dict], list[str]]:
    """The UMK of the series' region in each plotted year that has one, as a chart draws it
    (charts.reference_layers), and the lines naming its source, the plotted years without a
    UMK, and how to read the step.

    Only for a level in the UMK's own unit (Rp per bulan: the average monthly income), of
    one region with its own UMK (Kota or Kabupaten Blitar). The combined region has no single
    UMK: nothing is drawn, and one line says to pick a region. Years come only from stored
    UMK figures; a year without one is named, never filled. Returns ([], []) otherwise."""
    if (
        umk.empty
        or indicator.unit != equity.UMK_UNIT
        or indicator.kind != "level"
        or "region" not in obs
        or obs["region"].nunique() != 1
    ):
        return [], []
    region = str(obs["region"].iloc[0])
    if region == equity.COMBINED_REGION:
        return [], [i18n.t("chart.umk.combined", lang)]
    years = sorted(int(y) for y in obs["year"])
    rows = umk[
        (umk["region"] == region) & umk["year"].astype(int).between(years[0], years[-1])
    ].sort_values("year")
    if rows.empty:
        return [], []
    name = i18n.t("chart.umk.label", lang, region=region_names.get(region, region))
    fmt, _ = value_formatter(indicator, lang)
    marks = [
        {
            "year": int(row.year),
            "value": float(row.value),
            "value_text": fmt(float(row.value)),
            "label": marked(name, str(row.status), lang),
            "status": str(row.status),
            "source": i18n.data_text(row.source, lang),
        }
        for row in rows.itertuples()
    ]
    lines = []
    for (source, status), group in rows.groupby(["source", "status"], sort=False):
        years_text = ", ".join(str(y) for y in sorted(set(group["year"].astype(int))))
        line = i18n.t(
            "chart.umk.source",
            lang,
            name=name,
            years=years_text,
            source=i18n.data_text(source, lang),
        )
        lines.append(marked(line, str(status), lang))
    if missing := [y for y in years if y not in set(rows["year"].astype(int))]:
        lines.append(
            i18n.t("chart.umk.missing", lang, name=name, years=", ".join(map(str, missing)))
        )
    lines.append(i18n.t("source.note.umk", lang))
    return marks, lines


def _difference(r: growth.Range, fmt: Callable[[float], str]) -> str:
    return fmt(r.low) if r.is_point else f"{fmt(r.low)} – {fmt(r.high)}"


def _value(r: growth.Range, fmt: Callable[[float], str]) -> str:
    return fmt(r.low) if r.is_point else f"{fmt(r.low)}–{fmt(r.high)}"


def formatter_name(indicator: Indicator, as_index: bool) -> str:
    """The charts.LABEL_FORMATS name for an indicator's labels (chart options stay plain)."""
    if as_index:
        return "index"
    if indicator.kind in ("score", "share", "rate"):
        return "percent1"
    return "rupiah" if indicator.unit.startswith("Rp") else "index"


def _row_notes(obs: pd.DataFrame, lang: str, fmt: Callable[[float], str]) -> list[str]:
    """One line per year with the exact value (or range), status, source and note."""
    lines = []
    for row in obs.sort_values("year").itertuples():
        has_range = row.low == row.low and row.high == row.high  # not NaN
        value = f"{fmt(row.low)}–{fmt(row.high)}" if has_range else fmt(row.value)
        note = i18n.data_text(getattr(row, "note", None), lang)
        lines.append(
            i18n.t(
                "deck.notes.row",
                lang,
                year=int(row.year),
                value=value,
                status=with_mark(row.status, getattr(row, "mark", None), lang).lower(),
                source=i18n.data_text(row.source, lang),
                note=i18n.t("deck.notes.note", lang, note=note) if note else "",
            )
        )
    return lines


def comparison_notes(c: growth.Comparison, real: growth.Comparison | None, lang: str) -> list[str]:
    """The change measures with two decimals (the exact figures)."""
    out = []

    def add(measure_key: str, r: growth.Range | None, unit: str) -> None:
        if r is not None:
            value = i18n.format_range(r, lang, unit, 2, True)
            out.append(
                i18n.t(
                    "deck.notes.change",
                    lang,
                    start=c.start_year,
                    end=c.end_year,
                    measure=i18n.t(measure_key, lang),
                    value=value,
                )
            )

    if c.points is not None:
        add("card.points", c.points, " " + i18n.t("unit.pp", lang))
        add("card.relative", c.percent, "%")
    else:
        add("card.absolute", c.absolute, "")
        add("card.percent", c.percent, "%")
        add("card.cagr", c.cagr, "%")
    if real is not None:
        add("prices.real", real.percent, "%")
    return out


# --- year on year -------------------------------------------------------------------------


def year_on_year_figure(
    obs: pd.DataFrame, indicator: Indicator, lang: str, *, name: str | None = None
) -> Figure:
    """The change from each year to the next, ranges kept (a year holding a reported range
    gives a change range), each change as reliable as the weaker of its two years; years
    whose previous year is missing are named, not silently left out."""
    changes = growth.year_on_year_ranges(obs, indicator.kind)
    shown = changes.dropna(subset=["change_low"]).copy()
    shown["status"] = shown["change_status"]
    unit = " " + i18n.t("unit.pp", lang) if indicator.kind in growth.POINT_KINDS else "%"
    shown["label"] = [
        i18n.format_range(growth.Range(lo, hi), lang, unit, PRECISION, True)
        for lo, hi in zip(shown["change_low"], shown["change_high"], strict=True)
    ]
    missing = (
        [int(y) for y in changes.loc[changes["change_low"].isna(), "year"]][1:]
        if len(changes)
        else []
    )
    gaps = growth.missing_years(obs)
    status = statuses_of(shown) if not shown.empty else statuses_of(obs)
    display_name = name or indicator.name(lang)
    title = marked(i18n.t("income.chart.yoy", lang, name=display_name), status, lang)
    notes = [i18n.t("figure.yoy.missing", lang, years=", ".join(map(str, gaps)))] if gaps else []
    table = pd.DataFrame(
        {
            i18n.t("table.year", lang): shown["year"].astype(int).astype(str).tolist(),
            i18n.t("view.yoy", lang): shown["label"].tolist(),
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in shown["status"]],
        }
    )
    chart = chart_spec(
        "bar",
        shown.assign(change_mid=(shown["change_low"] + shown["change_high"]) / 2),
        lang,
        year_sources(obs),
        x="year",
        y="change_mid",
        low="change_low",
        high="change_high",
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("view.yoy", lang),
        title=title,
        label="label",
        value_format="percent",
        notes=notes,
    )
    return Figure(
        key=f"{indicator.code}_yoy",
        kind=indicator.kind,
        unit="pp" if unit != "%" else "%",
        value=None,
        years=None,
        status=status,
        sources=year_sources(obs),
        title=title,
        label=display_name,
        value_text="",
        chart=chart,
        table=table,
        notes=tuple(notes),
        extra={"missing": gaps, "skipped": missing},
    )


# --- ties and counts ------------------------------------------------------------------------


def top_items(
    values: dict[str, float], lang: str, *, limit: int = 3
) -> tuple[list[str], float, bool]:
    """The items with the highest value: (names, value, tied). Every item tied at the top is
    named (up to ``limit``; the count says how many more), so a tie is never told as a rank."""
    if not values:
        return [], float("nan"), False
    top = max(values.values())
    names = [k for k, v in values.items() if v == top]
    return names, top, len(names) > 1


def status_order(statuses: Iterable[str]) -> tuple[str, ...]:
    """Distinct statuses, most reliable first."""
    return tuple(sorted(set(statuses), key=ORDER.index))


# --- the components of a score ------------------------------------------------------------


def components_figure(
    parts: dict[str, pd.DataFrame], start: int, end: int, lang: str
) -> Figure | None:
    """Each component's score in the years ``start``..``end`` (grouped bars), titled by the
    component that rose most in percentage points; components tied at the top are all named.
    ``parts``: component name -> its observations. None when no component has both years."""
    parts = {k: v for k, v in parts.items() if {start, end} <= set(v["year"].astype(int))}
    if not parts:
        return None
    gains = {k: growth.compare_years(v, "score", start, end).points for k, v in parts.items()}
    mids = {k: float(i18n.round_half_away(g.mid, 0)) for k, g in gains.items()}
    tops, _, tied = top_items(mids, lang)
    frame = pd.concat(v.assign(component=k) for k, v in parts.items())
    frame = frame[frame["year"].between(start, end)]
    frame = frame.assign(label=[i18n.format_percent(v, lang, 0) for v in frame["value"]])
    status = statuses_of(frame)
    points = change_text(gains[tops[0]], "score", lang, 0)
    key = "comp.drivers.title.tie" if tied else "comp.drivers.title"
    title = marked(i18n.t(key, lang, top=" & ".join(tops), points=points), status, lang)
    table = pd.DataFrame(
        {
            i18n.t("comp.component", lang): frame["component"].tolist(),
            i18n.t("table.year", lang): frame["year"].astype(int).astype(str).tolist(),
            i18n.t("comp.score", lang): frame["label"].tolist(),
            i18n.t("table.status", lang): [i18n.label("status", x, lang) for x in frame["status"]],
            i18n.t("table.source", lang): [i18n.data_text(x, lang) for x in frame["source"]],
        }
    )
    chart = chart_spec(
        "bar",
        frame,
        lang,
        year_sources(frame),
        x="year",
        y="value",
        color="component",
        color_title=i18n.t("comp.component", lang),
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("comp.score", lang),
        value_format="percent",
        label="label",
        title=title,
    )
    caption = "; ".join(
        f"{name}: {change_text(gain, 'score', lang, 0)}" for name, gain in gains.items()
    )
    return Figure(
        key="competitiveness_components",
        kind="score",
        unit="pp",
        value=gains[tops[0]],
        years=(start, end),
        status=status,
        sources=year_sources(frame),
        title=title,
        label=i18n.t("comp.component", lang),
        value_text=points,
        chart=chart,
        table=table,
        notes=(caption,),
        extra={"caption": caption},
    )


def choice_labels(names: dict[str, str], with_data: Iterable[str], lang: str) -> dict[str, str]:
    """Picker labels: every option offered, those without figures marked as such (a planner
    sees before choosing that a region holds nothing, instead of landing on an empty page)."""
    have = set(with_data)
    return {
        code: name if code in have else i18n.t("figure.no_data_option", lang, name=name)
        for code, name in names.items()
    }
