"""Altair charts built from store frames. Never calls Streamlit.

Conventions every chart follows: the title states the finding; the subtitle carries the
source and how to read status marks; reported points are filled, estimated and illustrative
points hollow, and a line segment touching a non-reported point is dashed; a reported range
is a shaded band; numbers use the language's separators through ``config.locale``.
Colours are Okabe-Ito (colour-blind safe).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence

import altair as alt
import pandas as pd

from impact import i18n
from impact.figures.marks import has_marks, marked, statuses_of, statuses_with_marks, symbol
from impact.status import ORDER as STATUS_ORDER
from impact.status import weakest

# Okabe-Ito, the colour-blind-safe palette; blue first (the series colour).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
BLUE = "#0072B2"  # Okabe-Ito blue
BAND = "#56B4E9"  # Okabe-Ito sky blue
GREY = "#555555"
GAP_GREY = "#9A9A9A"  # the connector across years without a figure
TARGET = "#CC79A7"  # Okabe-Ito reddish purple: a target, apart from every series colour
REFERENCE = "#D55E00"  # Okabe-Ito vermillion: a yardstick (the UMK), apart from the rest
# Benchmarks (Jawa Timur, Indonesia) in the regions view: Okabe-Ito green and black, drawn
# with a long dash, apart from the regions' own colours (blue, orange).
BENCHMARK_COLOURS = ("#009E73", "#000000")
BENCHMARK_DASH = [12, 4]

# How each status looks; indexed like STATUS_ORDER.
_FILL = ("#0072B2", "#FFFFFF", "#FFFFFF")
_SHAPE = ("circle", "square", "circle")
_DASH = ([1, 0], [6, 3], [3, 3])

# Vega titles do not wrap by themselves (and are cut at the chart's width): characters per
# line that fit a half-width chart at 1366 px.
TITLE_WIDTH = 42
SUBTITLE_WIDTH = 64

# Axis number formats (d3), rendered with the chart locale's separators.
AXIS_FORMATS = {"index": ",.0f", "percent": ",.0f", "rupiah": "$,.0f", "number": ",.0f"}


# Label formats by name, so chart options stay plain values (cacheable, JSON-able).
LABEL_FORMATS: dict[str, Callable[[str], Callable[[float], str]]] = {
    "index": lambda lang: lambda x: i18n.format_number(x, lang, 0),
    "number": lambda lang: lambda x: i18n.format_number(x, lang, 1),
    "percent": lambda lang: lambda x: i18n.format_percent(x, lang, 0),
    "percent1": lambda lang: lambda x: i18n.format_percent(x, lang, 1),
    "rupiah": lambda lang: lambda x: i18n.format_rupiah(x, lang),
}


def label_formatter(
    formatter: Callable[[float], str] | str | None, lang: str
) -> Callable[[float], str]:
    """A formatter from a callable, a LABEL_FORMATS name, or None (one decimal)."""
    if callable(formatter):
        return formatter
    return LABEL_FORMATS[formatter or "number"](lang)


# The number writer and default decimals behind each LABEL_FORMATS name that has decimals.
_DECIMAL_FORMATS: dict[str, tuple[Callable[..., str], int]] = {
    "index": (i18n.format_number, 0),
    "number": (i18n.format_number, 1),
    "percent": (i18n.format_percent, 0),
    "percent1": (i18n.format_percent, 1),
}


def published_labels(
    obs: pd.DataFrame, labels: list[str], formatter: str | None, lang: str, *, marks: bool = True
) -> list[str]:
    """``labels`` of a benchmark series with each *reported* value written as published
    (7,28%, not 7,3%; the rule is :func:`impact.i18n.published_decimals`), with its BPS mark
    when ``marks`` (chart labels; a table states the mark in its status column); ranges,
    other statuses and formats without decimals (rupiah) keep their label."""
    if not isinstance(formatter, str) and formatter is not None:
        return labels
    write = _DECIMAL_FORMATS.get(formatter or "number")
    if write is None:
        return labels
    number, default = write
    has_range = obs["low"].notna() & obs["high"].notna()
    found = obs["mark"] if marks and "mark" in obs else [None] * len(obs)
    return [
        number(v, lang, i18n.published_decimals(v, default)) + symbol(m)
        if s == "reported" and not r
        else label
        for v, s, r, m, label in zip(
            obs["value"], obs["status"], has_range, found, labels, strict=True
        )
    ]


def value_labels(obs: pd.DataFrame, formatter: Callable[[float], str]) -> list[str]:
    """Each row's value as text, or its reported range ('150–170') where it has one."""
    has_range = obs["low"].notna() & obs["high"].notna()
    return [
        f"{formatter(lo)}–{formatter(hi)}" if rng else formatter(v)
        for v, lo, hi, rng in zip(obs["value"], obs["low"], obs["high"], has_range, strict=True)
    ]


def series_frame(obs: pd.DataFrame, lang: str, formatter: Callable[[float], str]) -> pd.DataFrame:
    """Add the columns a series chart draws from a one-series observation frame.

    Adds: status_label; label (the value, or its reported range, formatted); next_year,
    next_value and segment_label (status of the line to the next point, the weaker of its
    two ends); gap_label (on a row whose next figure is more than a year later: 'tidak ada
    angka 2022', the years without a figure; else None); band_low/band_high (the reported
    range, or the value, on reported rows).
    """
    out = obs.sort_values("year").reset_index(drop=True).copy()
    out["year"] = out["year"].astype(int)
    out = _with_words(out, lang)
    has_range = out["low"].notna() & out["high"].notna()
    out["label"] = value_labels(out, formatter)
    if "mark" in out:  # a BPS mark beside the number, as BPS prints it: 1.234*
        out["label"] = [f"{v}{symbol(m)}" for v, m in zip(out["label"], out["mark"], strict=True)]
    out["next_year"] = out["year"].shift(-1)
    out["next_value"] = out["value"].shift(-1)
    next_status = out["status"].shift(-1)
    out["segment_label"] = [
        i18n.label("status", weakest((s, n)), lang) if isinstance(n, str) else None
        for s, n in zip(out["status"], next_status, strict=True)
    ]
    out["gap_label"] = [
        i18n.t("chart.gap", lang, years=_missing_years(int(y), int(n)))
        if pd.notna(n) and n - y > 1
        else None
        for y, n in zip(out["year"], out["next_year"], strict=True)
    ]
    out["band_low"] = out["low"].where(has_range, out["value"])
    out["band_high"] = out["high"].where(has_range, out["value"])
    return out


def _missing_years(year: int, next_year: int) -> str:
    """'2022' or '2022–2024': the years between two figures."""
    first, last = year + 1, next_year - 1
    return str(first) if first == last else f"{first}–{last}"


def _with_words(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with its status in words (``status_label``) and its sources in the
    language, as legends and tooltips show them (a copy; the caller's frame is untouched)."""
    out = data.copy()
    out["status_label"] = [i18n.label("status", s, lang) for s in out["status"]]
    # Tooltips: the status with its BPS mark beside it (the legend keeps status_label).
    out["status_text"] = statuses_with_marks(out, lang)
    if "source" in out:
        out["source"] = [i18n.data_text(x, lang) for x in out["source"]]
    return out


def _tooltips(data: pd.DataFrame, lang: str, fields: list[tuple[str | None, str | None]]) -> list:
    """Tooltips titled in the language (never a field name), then status and source."""
    out = [alt.Tooltip(f"{f}:N", title=title or "") for f, title in fields if f and f in data]
    out.append(alt.Tooltip("status_text:N", title=i18n.t("status.legend", lang)))
    if "source" in data:
        out.append(alt.Tooltip("source:N", title=i18n.t("table.source", lang)))
    return out


def _status_scale(lang: str, values: tuple) -> alt.Scale:
    return alt.Scale(
        domain=[i18n.label("status", s, lang) for s in STATUS_ORDER], range=list(values)
    )


def series_chart(
    obs: pd.DataFrame,
    *,
    lang: str,
    title: str,
    y_title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    value_format: str = "number",
    formatter: Callable[[float], str] | str | None = None,
    y_domain: tuple[float, float] | None = None,
    height: int = 260,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
    targets: list[dict] | None = None,
    references: list[dict] | None = None,
) -> alt.LayerChart:
    """A yearly series with status marks, an optional reported-range band and value labels.
    ``targets`` (figure.target_marks) draws each year's target as a short rule with its
    label (status in words), solid when reported, dashed otherwise. ``references``
    (figure.umk_marks) draws a yardstick's value of each year it has (reference_layers).

    ``obs`` is one series (columns year, value, low, high, status, source). ``value_format``
    picks the axis format (index, percent, rupiah, number); ``formatter`` formats labels and
    tooltips (defaults to i18n.format_number). ``wrap`` is (title, subtitle) characters per
    line; widen it for full-width charts and slides.
    """
    fmt = label_formatter(formatter, lang)
    frame = series_frame(obs, lang, fmt)
    year_label = i18n.t("chart.year", lang)
    # Every year of the span on the axis, those without a figure too: a gap shows as a gap.
    years = year_span(frame["year"])
    x_scale, x_axis, _ = year_axis(years, lang)
    x = alt.X("year:Q", title=year_label, scale=x_scale, axis=x_axis)
    y_scale = (
        alt.Scale(domain=list(y_domain), nice=False)
        if y_domain
        else alt.Scale(zero=False, padding=24)
    )
    y = alt.Y(
        "value:Q",
        title=y_title,
        scale=y_scale,
        axis=alt.Axis(format=AXIS_FORMATS[value_format], labelFontSize=13, titleFontSize=14),
    )
    tooltip = [
        alt.Tooltip("year:Q", title=year_label, format="d"),
        alt.Tooltip("label:N", title=y_title),
        alt.Tooltip("status_text:N", title=i18n.t("status.legend", lang)),
        alt.Tooltip("source:N", title=i18n.t("source.line", lang, source="").rstrip(": ")),
    ]
    base = alt.Chart(frame)
    layers: list[alt.Chart] = []

    reported = frame[frame["status"] == "reported"]
    has_band = bool((frame["low"].notna() & frame["high"].notna()).any()) and len(reported) >= 2
    if has_band:
        layers.append(
            alt.Chart(reported)
            .mark_area(color=BAND, opacity=0.25)
            .encode(x=x, y=alt.Y("band_low:Q", scale=y_scale), y2="band_high:Q")
        )
    # Lines between consecutive years only (none when every pair has a gap: an empty mark
    # container is an unlabelled image to a screen reader).
    consecutive = frame["next_year"].notna() & frame["gap_label"].isna()
    if consecutive.any():
        layers.append(
            base.transform_filter("isValid(datum.next_year) && !isValid(datum.gap_label)")
            .mark_rule(color=BLUE, strokeWidth=3)
            .encode(
                x=x,
                x2="next_year:Q",
                y=y,
                y2="next_value:Q",
                strokeDash=alt.StrokeDash(
                    "segment_label:N",
                    scale=_status_scale(lang, _DASH),
                    legend=None,  # the note in the subtitle explains dashes; one legend is enough
                ),
            )
        )
    if frame["gap_label"].notna().any():
        # Years nobody published: a thin grey connector that says so, never a point or a
        # line that reads as a trend through them.
        gaps = base.transform_filter("isValid(datum.gap_label)")
        layers.append(
            gaps.mark_rule(color=GAP_GREY, strokeWidth=1.5, strokeDash=[2, 4]).encode(
                x=x, x2="next_year:Q", y=y, y2="next_value:Q"
            )
        )
        layers.append(
            gaps.transform_calculate(
                gap_x="(datum.year + datum.next_year) / 2",
                gap_y="(datum.value + datum.next_value) / 2",
            )
            .mark_text(fontSize=12, fontStyle="italic", color=GREY, dy=-12)
            .encode(
                x=alt.X("gap_x:Q", scale=x_scale, axis=x_axis, title=year_label),
                y=alt.Y("gap_y:Q", scale=y_scale, title=y_title),
                text="gap_label:N",
            )
        )
    status_legend = alt.Legend(
        title=i18n.t("status.legend", lang), orient="bottom", labelFontSize=13, titleFontSize=13
    )
    layers.append(
        base.mark_point(size=160, strokeWidth=2.5, color=BLUE, opacity=1).encode(
            x=x,
            y=y,
            fill=alt.Fill("status_label:N", scale=_status_scale(lang, _FILL), legend=status_legend),
            shape=alt.Shape(
                "status_label:N", scale=_status_scale(lang, _SHAPE), legend=status_legend
            ),
            tooltip=tooltip,
        )
    )
    layers.append(
        base.mark_text(dy=-18, fontSize=15, fontWeight="bold", color=GREY).encode(
            x=x, y=y, text="label:N", tooltip=tooltip
        )
    )
    layers += target_layers(targets, years, lang, y_scale, y_title)
    layers += reference_layers(references, years, lang, y_scale, y_title)
    notes = reading_notes(frame, lang, band=has_band)
    chart = alt.layer(*layers).resolve_legend(strokeDash="independent")
    return finish(
        chart,
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=notes,
        height=height,
        wrap=wrap,
    )


def reading_notes(
    frame: pd.DataFrame, lang: str, *, band: bool, extra: Sequence[str] = ()
) -> list[str]:
    """The lines under a series chart saying how to read what it draws, in this order: hollow
    points and dotted lines (when a plotted figure is not reported), the band (a reported
    range), ``extra`` (e.g. what a benchmark line is), the BPS marks beside the numbers."""
    notes = []
    if (frame["status"] != "reported").any():
        notes.append(i18n.t("source.illustrative_note", lang))
    if band:
        notes.append(i18n.t("source.band_note", lang))
    notes += extra
    if has_marks(frame):
        notes.append(i18n.t("source.mark_note", lang))
    return notes


def year_span(years: Iterable[int]) -> list[int]:
    """Every year from the first to the last of ``years`` (those without a figure too), so
    an axis shows a gap as a gap; [] for none."""
    found = sorted({int(y) for y in years})
    return list(range(found[0], found[-1] + 1)) if found else []


def year_axis(years: list[int], lang: str) -> tuple[alt.Scale, alt.Axis, str]:
    """The x scale, axis and title of a yearly chart: every year labelled, a little room
    either side."""
    return (
        alt.Scale(domain=[min(years) - 0.3, max(years) + 0.3], nice=False),
        alt.Axis(values=years, format="d", labelFontSize=14, titleFontSize=14, grid=False),
        i18n.t("chart.year", lang),
    )


def _year_rule(
    data: pd.DataFrame, x_from: alt.X, y: alt.Y, tooltip: list, **mark: object
) -> alt.Chart:
    """A short horizontal rule across each row's year (x_from to x_to), solid when the row is
    reported and dashed otherwise: a target's or a yardstick's mark."""
    return (
        alt.Chart(data)
        .mark_rule(**mark)
        .encode(
            x=x_from,
            x2="x_to:Q",
            y=y,
            strokeDash=alt.condition(
                "datum.status == 'reported'", alt.value([1, 0]), alt.value([6, 3])
            ),
            tooltip=tooltip,
        )
    )


def target_layers(
    targets: list[dict] | None, years: list[int], lang: str, y_scale: alt.Scale, y_title: str
) -> list[alt.Chart]:
    """Each target (figure.target_marks: year, target, label, status, source) as a short
    horizontal rule across its year, solid when the target is reported and dashed otherwise,
    with its label ('Target 160 (ilustratif)') under it. Shares the chart's x and y scales."""
    if not targets:
        return []
    data = pd.DataFrame(targets)
    data["x_from"] = data["year"] - 0.22
    data["x_to"] = data["year"] + 0.22
    x_scale, x_axis, x_title = year_axis(years, lang)
    x_from = alt.X("x_from:Q", scale=x_scale, axis=x_axis, title=x_title)
    y = alt.Y("target:Q", scale=y_scale, title=y_title)
    tooltip = [alt.Tooltip("label:N", title=y_title), alt.Tooltip("source:N", title="")]
    rule = _year_rule(data, x_from, y, tooltip, color=TARGET, strokeWidth=3.5)
    text = (
        alt.Chart(data)
        .mark_text(dy=20, fontSize=12, fontWeight="bold", color="#8E3B6B")
        .encode(x=alt.X("year:Q", scale=x_scale, axis=x_axis, title=x_title), y=y, text="label:N")
    )
    return [rule, text]


def reference_layers(
    references: list[dict] | None, years: list[int], lang: str, y_scale: alt.Scale, y_title: str
) -> list[alt.Chart]:
    """A yardstick (figure.umk_marks: year, value, value_text, label, status, source) as a
    step: one horizontal rule across each year it has a value for, none across a year
    without (never joined or interpolated), solid when reported and dashed otherwise; its
    label ('UMK Kota Blitar') once, over its last year. Shares the chart's x and y scales."""
    if not references:
        return []
    data = pd.DataFrame(references)
    data["x_from"] = data["year"] - 0.45
    data["x_to"] = data["year"] + 0.45
    data["x_label"] = data["year"] + 0.28  # within the year axis' room (year_axis: 0.3)
    x_scale, x_axis, x_title = year_axis(years, lang)
    x_from = alt.X("x_from:Q", scale=x_scale, axis=x_axis, title=x_title)
    y = alt.Y("value:Q", scale=y_scale, title=y_title)
    tooltip = [
        alt.Tooltip("label:N", title=""),
        alt.Tooltip("value_text:N", title=y_title),
        alt.Tooltip("source:N", title=i18n.t("table.source", lang)),
    ]
    rule = _year_rule(data, x_from, y, tooltip, color=REFERENCE, strokeWidth=2.5, clip=True)
    text = (
        alt.Chart(data[data["year"] == data["year"].max()])
        .mark_text(dy=14, align="right", fontSize=12, fontWeight="bold", color=REFERENCE)
        .encode(
            x=alt.X("x_label:Q", scale=x_scale, axis=x_axis, title=x_title), y=y, text="label:N"
        )
    )
    return [rule, text]


def regions_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    y_title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    value_format: str = "number",
    formatter: Callable[[float], str] | str | None = None,
    y_domain: tuple[float, float] | None = None,
    series_order: list[str] | None = None,
    benchmark_note: str | None = None,
    targets: list[dict] | None = None,
    height: int = 300,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.LayerChart:
    """Several regions' yearly series on one chart, one colour per region, and benchmark
    series (``role`` 'benchmark': Jawa Timur, Indonesia) as long-dashed lines in colours of
    their own. Every point keeps its status mark (reported filled, others hollow; a region's
    segment touching a non-reported point dashed short), and its value label.

    ``frame``: columns series (the name shown in the legend), role ('region' or
    'benchmark'), year, value, low, high, status, source. ``series_order``: regions first,
    then benchmarks (their colours follow this order). ``targets``: see target_layers.
    """
    fmt = label_formatter(formatter, lang)
    order = series_order or list(dict.fromkeys(frame["series"]))
    parts = []
    for name, group in frame.groupby("series", sort=False):
        part = series_frame(group.drop(columns=["series", "role"]), lang, fmt)
        role = group["role"].iloc[0]
        if role == "benchmark":  # a published figure, written as published
            part["label"] = published_labels(part, list(part["label"]), formatter, lang)
        parts.append(part.assign(series=name, role=role))
    data = pd.concat(parts, ignore_index=True) if parts else frame
    roles = dict(zip(data["series"], data["role"], strict=False))
    regions = [s for s in order if roles.get(s) == "region"]
    benchmarks = [s for s in order if roles.get(s) == "benchmark"]
    colours = [*PALETTE[: len(regions)], *BENCHMARK_COLOURS[: len(benchmarks)]]
    colour_title = i18n.t("filter.region", lang)
    colour_scale = alt.Scale(domain=[*regions, *benchmarks], range=colours)
    colour = alt.Color(
        "series:N",
        scale=colour_scale,
        title=colour_title,
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=320),
    )
    years = year_span(data["year"])  # every year of the span on the axis (see series_chart)
    year_label = i18n.t("chart.year", lang)
    x_scale, x_axis, _ = year_axis(years, lang)
    x = alt.X("year:Q", title=year_label, scale=x_scale, axis=x_axis)
    y_scale = (
        alt.Scale(domain=list(y_domain), nice=False)
        if y_domain
        else alt.Scale(zero=False, padding=36)  # room for labels under the lower points
    )
    y = alt.Y(
        "value:Q",
        title=y_title,
        scale=y_scale,
        axis=alt.Axis(format=AXIS_FORMATS[value_format], labelFontSize=13, titleFontSize=14),
    )
    tooltip = [
        alt.Tooltip("series:N", title=colour_title),
        alt.Tooltip("year:Q", title=year_label, format="d"),
        alt.Tooltip("label:N", title=y_title),
        alt.Tooltip("status_text:N", title=i18n.t("status.legend", lang)),
        alt.Tooltip("source:N", title=i18n.t("table.source", lang)),
    ]
    region_rows = data[data["role"] == "region"]
    bench_rows = data[data["role"] == "benchmark"]
    layers: list[alt.Chart] = []
    reported = region_rows[region_rows["status"] == "reported"]
    has_band = bool((region_rows["low"].notna() & region_rows["high"].notna()).any())
    if has_band and len(reported) >= 2:
        layers.append(
            alt.Chart(reported)
            .mark_area(opacity=0.2)
            .encode(x=x, y=alt.Y("band_low:Q", scale=y_scale), y2="band_high:Q", color=colour)
        )

    def consecutive(rows: pd.DataFrame) -> bool:  # an empty mark container reads as an image
        return bool((rows["next_year"].notna() & rows["gap_label"].isna()).any())

    if not region_rows.empty and consecutive(region_rows):
        layers.append(
            alt.Chart(region_rows)
            .transform_filter("isValid(datum.next_year) && !isValid(datum.gap_label)")
            .mark_rule(strokeWidth=3)
            .encode(
                x=x,
                x2="next_year:Q",
                y=y,
                y2="next_value:Q",
                color=colour,
                strokeDash=alt.StrokeDash(
                    "segment_label:N", scale=_status_scale(lang, _DASH), legend=None
                ),
            )
        )
    if not bench_rows.empty and consecutive(bench_rows):  # segment by segment: a gap stays
        layers.append(
            alt.Chart(bench_rows)
            .transform_filter("isValid(datum.next_year) && !isValid(datum.gap_label)")
            .mark_rule(strokeWidth=2, strokeDash=BENCHMARK_DASH)
            .encode(x=x, x2="next_year:Q", y=y, y2="next_value:Q", color=colour)
        )
    has_gap = bool(data["gap_label"].notna().any()) if "gap_label" in data else False
    if has_gap:  # years nobody published: a thin dotted connector, never a trend line
        layers.append(
            alt.Chart(data)
            .transform_filter("isValid(datum.gap_label)")
            .mark_rule(strokeWidth=1.5, strokeDash=[2, 4], opacity=0.7)
            .encode(x=x, x2="next_year:Q", y=y, y2="next_value:Q", color=colour)
        )
    # Points take their region's colour: reported filled, the others hollow (fill opacity by
    # status). The status legend comes from a layer of its own that draws nothing on the plot
    # (grey symbols, filled for reported, hollow otherwise, as the points are).
    status_legend = alt.Legend(
        title=i18n.t("status.legend", lang), orient="bottom", labelFontSize=13, titleFontSize=13
    )
    fill_opacity = alt.FillOpacity(
        "status_label:N", scale=_status_scale(lang, (1.0, 0.0, 0.0)), legend=None
    )
    stroke = alt.Stroke("series:N", scale=colour_scale, legend=None)
    layers.append(
        alt.Chart(data)
        .mark_point(size=0, strokeWidth=2.5, color=GREY, opacity=1)
        .encode(
            x=x,
            y=y,
            fill=alt.Fill(
                "status_label:N",
                scale=_status_scale(lang, (GREY, "#FFFFFF", "#FFFFFF")),
                legend=status_legend,
            ),
            shape=alt.Shape(
                "status_label:N", scale=_status_scale(lang, _SHAPE), legend=status_legend
            ),
        )
    )
    # One shape field and scale on every layer that encodes shape, so the status legend is one.
    shapes = alt.Shape("status_label:N", scale=_status_scale(lang, _SHAPE), legend=status_legend)
    # A white disc under every point, so a hollow point hides the line through it.
    if not region_rows.empty:
        layers.append(
            alt.Chart(region_rows)
            .mark_point(size=150, filled=True, color="#FFFFFF", opacity=1)
            .encode(x=x, y=y, shape=shapes)
        )
    if not bench_rows.empty:
        layers.append(
            alt.Chart(bench_rows)
            .mark_point(size=150, filled=True, color="#FFFFFF", opacity=1, shape="diamond")
            .encode(x=x, y=y)
        )
    if not region_rows.empty:
        layers.append(
            alt.Chart(region_rows)
            .mark_point(size=150, strokeWidth=2.5, opacity=1, filled=True)
            .encode(
                x=x,
                y=y,
                color=colour,
                stroke=stroke,
                fillOpacity=fill_opacity,
                shape=shapes,
                tooltip=tooltip,
            )
        )
    if not bench_rows.empty:
        layers.append(
            alt.Chart(bench_rows)
            .mark_point(size=150, strokeWidth=2.5, opacity=1, shape="diamond", filled=True)
            .encode(
                x=x, y=y, color=colour, stroke=stroke, fillOpacity=fill_opacity, tooltip=tooltip
            )
        )
    # The highest region of each year is labelled above its point, the others below, so two
    # close values never write over each other.
    top = region_rows.groupby("year")["value"].transform("max")
    for rows, dy in (
        (region_rows[region_rows["value"] >= top], -16),
        (region_rows[region_rows["value"] < top], 20),
    ):
        if not rows.empty:
            layers.append(
                alt.Chart(rows)
                .mark_text(dy=dy, fontSize=13, fontWeight="bold")
                .encode(x=x, y=y, text="label:N", color=colour, tooltip=tooltip)
            )
    if bench_rows["series"].nunique() == 1:  # two benchmarks' labels would overlap
        layers.append(
            alt.Chart(bench_rows)
            .mark_text(dy=18, fontSize=12)
            .encode(x=x, y=y, text="label:N", color=colour, tooltip=tooltip)
        )
    layers += target_layers(targets, years, lang, y_scale, y_title)
    benchmarks = [benchmark_note] if benchmark_note and not bench_rows.empty else []
    if has_gap:
        benchmarks.append(i18n.t("chart.gap_note", lang))
    notes = reading_notes(data, lang, band=has_band, extra=benchmarks)
    chart = alt.layer(*layers).resolve_legend(strokeDash="independent")
    return finish(
        chart,
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=notes,
        height=height,
        wrap=wrap,
    )


def finish(
    chart: alt.TopLevelMixin,
    *,
    lang: str,
    title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    notes: list[str] = (),
    height: int = 260,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.TopLevelMixin:
    """The frame every chart shares: finding as title, sources and notes below it, the
    language's number locale, fixed plot height (fit-x) and Okabe-Ito colours.

    ``source_lines`` (composed by the figure layer, naming the years of each source) replace
    the plain ``sources`` when given."""
    lines = (
        source_lines
        if source_lines is not None
        else [i18n.t("source.line", lang, source=i18n.data_text(s, lang)) for s in sources]
    )
    subtitle = [line for text in [*lines, *notes] for line in textwrap.wrap(text, wrap[1])]
    title_params = alt.TitleParams(
        text=textwrap.wrap(title, wrap[0]),
        subtitle=subtitle,
        anchor="start",
        frame="bounds",
        limit=2000,  # lines are wrapped above; never cut them with "…"
    )
    if isinstance(chart, alt.FacetChart):
        # Facets size their cells themselves; a container width does not apply to them.
        chart = chart.properties(title=title_params)
    else:
        chart = chart.properties(
            title=title_params,
            width="container",
            # fit-x: the height is the plot's own, so titles and legend never squeeze it
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
        if height:
            chart = chart.properties(height=height)
    return (
        chart.configure(locale=i18n.chart_locale(lang))
        .configure_title(fontSize=16, subtitleFontSize=12, subtitleColor=GREY)
        .configure_axis(labelFontSize=13, titleFontSize=13)
        .configure_legend(labelFontSize=13, titleFontSize=13, orient="bottom")
        .configure_range(category=list(PALETTE))
        .configure_view(stroke=None)
    )


def status_notes(statuses, lang: str, chart: str = "series") -> list[str]:
    """The reading note for the marks ``chart`` (series, bar, heatmap, dots, multiples) uses
    for figures that are not reported, when any is not."""
    if not any(s != "reported" for s in statuses):
        return []
    key = "source.illustrative_note" if chart == "series" else f"source.note.{chart}"
    return [i18n.t(key, lang)]


# Opacity of a bar (or cell) by status, indexed like STATUS_ORDER: paler = less reliable.
_OPACITY = (1.0, 0.55, 0.3)


def bar_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    x: str,
    y: str,
    x_title: str | None,
    y_title: str,
    title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    color: str | None = None,
    color_title: str | None = None,
    value_format: str = "number",
    label: str | None = None,
    horizontal: bool = False,
    low: str | None = None,
    high: str | None = None,
    notes: list[str] = (),
    height: int = 260,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.TopLevelMixin:
    """Bars with status marks: reported bars solid, estimated/illustrative bars paler with a
    dashed outline, grouped bars too (opacity by status), and one status legend whose symbols
    differ per status. ``frame`` needs a ``status`` column; ``label`` is a preformatted text
    column. With ``low``/``high`` a row holding a range is drawn as a floating bar from its low
    to its high end (never as one value).
    """
    data = _with_words(frame, lang)
    status_title = i18n.t("status.legend", lang)
    value_axis = alt.Axis(format=AXIS_FORMATS[value_format])
    has_range = bool(low and high) and bool((data[low] != data[high]).any())
    field = y
    if low and high:
        data["bar_from"] = data[low].where(data[low] != data[high], 0.0)
        data["bar_to"] = data[high]
        field = "bar_to"
    scale = alt.Undefined
    if horizontal and label and not color and len(data):
        # Room right of the longest bar for its label (a label past the plot is cut off,
        # on screen, in the PNG and on the slide).
        top = float(data[field].max())
        scale = alt.Scale(domain=[min(0.0, float(data[field].min())), max(top * 1.18, 1.0)])
    value = (
        alt.X(f"{field}:Q", title=y_title, axis=value_axis, scale=scale)
        if horizontal
        else alt.Y(f"{field}:Q", title=y_title, axis=value_axis)
    )
    category = (
        alt.Y(f"{x}:N", title=x_title, sort=None)
        if horizontal
        else alt.X(f"{x}:O", title=x_title, sort=None, axis=alt.Axis(labelAngle=0))  # data order
    )
    status_legend = alt.Legend(
        symbolType="square",
        symbolSize=180,
        symbolStrokeWidth=2,
        symbolStrokeColor=BLUE,
        symbolFillColor=BLUE,
    )
    encoding = {
        ("y" if horizontal else "x"): category,
        ("x" if horizontal else "y"): value,
        # Reported bars solid, others paler with a dashed outline; dash and opacity share the
        # field and title, so they merge into one legend whose symbols differ per status.
        "strokeDash": alt.StrokeDash(
            "status_label:N",
            scale=_status_scale(lang, _DASH),
            title=status_title,
            legend=status_legend,
        ),
        "opacity": alt.Opacity(
            "status_label:N",
            scale=_status_scale(lang, _OPACITY),
            title=status_title,
            legend=status_legend,
        ),
        "tooltip": _tooltips(data, lang, [(x, x_title), (color, color_title), (label, y_title)]),
    }
    if low and high:
        encoding["x2" if horizontal else "y2"] = "bar_from:Q"
    if color:
        encoding["color"] = alt.Color(
            f"{color}:N", title=color_title, legend=alt.Legend(columns=2, labelLimit=280)
        )
        offset = "yOffset" if horizontal else "xOffset"
        encoding[offset] = (
            alt.XOffset(f"{color}:N") if not horizontal else alt.YOffset(f"{color}:N")
        )
    else:
        encoding["color"] = alt.value(BLUE)
    bars = alt.Chart(data).mark_bar(stroke=BLUE, strokeWidth=1.5).encode(**encoding)
    layers = [bars]
    if label and not color:
        text = (
            alt.Chart(data)
            .mark_text(
                **({"align": "left", "dx": 4} if horizontal else {"dy": -8}),
                fontSize=13,
                color=GREY,
            )
            .encode(**{k: encoding[k] for k in ("x", "y")}, text=f"{label}:N")
        )
        layers.append(text)
    chart = alt.layer(*layers) if len(layers) > 1 else bars
    reading = [*notes, *status_notes(data["status"], lang, "bar")]
    if has_range:
        reading.append(i18n.t("source.note.range_bar", lang))
    return finish(
        chart,
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=reading,
        height=height,
        wrap=wrap,
    )


def heatmap(
    frame: pd.DataFrame,
    *,
    lang: str,
    x: str,
    y: str,
    value: str,
    x_title: str,
    y_title: str,
    value_title: str,
    title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    domain: tuple[float, float] = (1, 5),
    height: int | None = None,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.TopLevelMixin:
    """Cells coloured by ``value`` (sequential, colour-blind safe), the value written in each
    cell, and non-reported cells outlined with a dashed line."""
    data = _with_words(frame, lang)
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y(f"{y}:N", title=None, sort=None, axis=alt.Axis(labelLimit=380)),
    )
    cells = base.mark_rect(stroke=GREY, strokeWidth=1).encode(
        color=alt.Color(
            f"{value}:Q", title=value_title, scale=alt.Scale(scheme="blues", domain=list(domain))
        ),
        # Not reported: a paler cell with a dashed outline, in one legend whose symbols differ.
        strokeDash=alt.StrokeDash(
            "status_label:N",
            scale=_status_scale(lang, _DASH),
            title=i18n.t("status.legend", lang),
            legend=alt.Legend(
                symbolType="square",
                symbolSize=220,
                symbolStrokeColor=GREY,
                symbolFillColor="#6BAED6",
                symbolStrokeWidth=2,
            ),
        ),
        opacity=alt.Opacity(
            "status_label:N",
            scale=_status_scale(lang, (1.0, 0.55, 0.4)),
            title=i18n.t("status.legend", lang),
            legend=alt.Legend(
                symbolType="square",
                symbolSize=220,
                symbolStrokeColor=GREY,
                symbolFillColor="#6BAED6",
                symbolStrokeWidth=2,
            ),
        ),
        tooltip=_tooltips(data, lang, [(y, y_title), (x, x_title), (value, value_title)]),
    )
    text = base.mark_text(fontSize=14, fontWeight="bold").encode(
        text=alt.Text(f"{value}:Q", format="d"),
        color=alt.condition(
            f"datum.{value} >= {sum(domain) / 2} && datum.status == 'reported'",
            alt.value("white"),
            alt.value("black"),
        ),
    )
    rows = data[y].nunique()
    return finish(
        alt.layer(cells, text),
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=status_notes(data["status"], lang, "heatmap"),
        height=height or 34 * rows,
        wrap=wrap,
    )


def dot_plot(
    frame: pd.DataFrame,
    *,
    lang: str,
    x: str,
    y: str,
    color: str,
    x_title: str,
    y_title: str,
    color_title: str,
    title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    domain: tuple[float, float] = (1, 5),
    notes: list[str] = (),
    height: int | None = None,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.TopLevelMixin:
    """Scores per row (``y``) and group (``color``) on one scale, joined by a grey range rule
    so the spread between groups is visible. Non-reported dots are hollow."""
    data = _with_words(frame, lang)
    scale = alt.Scale(domain=list(domain), nice=False)
    y_enc = alt.Y(f"{y}:N", title=y_title, sort=None, axis=alt.Axis(labelLimit=260))
    spread = (
        alt.Chart(data)
        .mark_rule(color="#BBBBBB", strokeWidth=6)
        .encode(y=y_enc, x=alt.X(f"min({x}):Q", scale=scale, title=x_title), x2=f"max({x}):Q")
    )
    dots = (
        alt.Chart(data)
        .mark_point(size=220, strokeWidth=3, opacity=1)
        .encode(
            y=y_enc,
            x=alt.X(f"{x}:Q", scale=scale, title=x_title, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{color}:N", title=color_title),
            shape=alt.Shape(f"{color}:N", title=color_title),
            yOffset=alt.YOffset(
                f"{color}:N", scale=alt.Scale(range=[-9, 9])
            ),  # equal scores stay visible
            fill=alt.condition(
                "datum.status == 'reported'", alt.Color(f"{color}:N"), alt.value("white")
            ),
            tooltip=_tooltips(data, lang, [(y, y_title), (color, color_title), (x, x_title)]),
        )
    )
    rows = data[y].nunique()
    return finish(
        alt.layer(spread, dots),
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=[*notes, *status_notes(data["status"], lang, "dots")],
        height=height or 46 * rows,
        wrap=wrap,
    )


def small_multiples(
    frame: pd.DataFrame,
    *,
    lang: str,
    facet: str,
    facet_title: str,
    y_title: str,
    title: str,
    sources: list[str],
    source_lines: list[str] | None = None,
    value_format: str = "number",
    columns: int = 3,
    cell: tuple[int, int] = (230, 130),
    wrap: tuple[int, int] = (90, 140),
) -> alt.TopLevelMixin:
    """One small line chart per ``facet`` value (e.g. subsector) on a shared y scale, so
    sizes compare at a glance. Reported points filled, others hollow."""
    data = _with_words(frame, lang)
    years = sorted(data["year"].astype(int).unique().tolist())
    x = alt.X(
        "year:Q",
        title=i18n.t("chart.year", lang),
        scale=alt.Scale(domain=[min(years) - 0.3, max(years) + 0.3], nice=False),
        axis=alt.Axis(values=years, format="d", grid=False),
    )
    y = alt.Y(
        "value:Q", title=y_title, axis=alt.Axis(format=AXIS_FORMATS[value_format], tickCount=4)
    )
    base = alt.Chart().encode(x=x, y=y)
    line = base.mark_line(color=BLUE, strokeWidth=2)
    points = base.mark_point(size=70, strokeWidth=2, color=BLUE, opacity=1).encode(
        fill=alt.Fill(
            "status_label:N", scale=_status_scale(lang, _FILL), title=i18n.t("status.legend", lang)
        ),
        tooltip=[
            alt.Tooltip(f"{facet}:N", title=facet_title),
            alt.Tooltip("year:Q", format="d"),
            alt.Tooltip("value:Q", title=y_title, format=AXIS_FORMATS[value_format]),
            alt.Tooltip("status_label:N", title=i18n.t("status.legend", lang)),
        ],
    )
    chart = (
        alt.layer(line, points, data=data)
        .properties(width=cell[0], height=cell[1])
        .facet(
            facet=alt.Facet(
                f"{facet}:N",
                title=None,
                header=alt.Header(labelFontSize=14, labelFontWeight="bold"),
            ),
            columns=columns,
        )
    )
    return finish(
        chart,
        lang=lang,
        title=title,
        sources=sources,
        source_lines=source_lines,
        notes=status_notes(data["status"], lang, "multiples"),
        height=0,
        wrap=wrap,
    )


def to_svg(chart: alt.TopLevelMixin | dict, width: int = 900) -> str:
    """The chart as SVG at a fixed width (a file has no container to fit)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(_fixed_width(chart, width))


def to_png(chart: alt.TopLevelMixin | dict, width: int = 900, scale: float = 2) -> bytes:
    """The chart as a crisp PNG (2x by default) at a fixed width."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(_fixed_width(chart, width), scale=scale)


def _fixed_width(chart: alt.TopLevelMixin | dict, width: int) -> dict:
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
    if "facet" not in spec:  # facets size their own cells
        spec["width"] = width
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def build(kind: str, frame: pd.DataFrame, **options: object) -> alt.TopLevelMixin:
    """The chart ``kind`` (a BUILDERS key) of ``frame``, its title marked in words when any
    plotted figure is estimated or illustrative: every chart type, every caller. A figure of
    the figure layer has decided its title from its own inputs (``status_decided``): a change
    between two reported years is not 'illustrative' because a year between them is.
    ``as_of`` (figures.as_of.as_of_text) adds how old the data are under the sources."""
    as_of = options.pop("as_of", None)
    if not options.pop("status_decided", False) and "title" in options and "status" in frame:
        options["title"] = marked(str(options["title"]), statuses_of(frame), str(options["lang"]))
    chart = BUILDERS[kind](frame, **options)
    return with_as_of(chart, str(as_of)) if as_of else chart


def with_as_of(chart: alt.TopLevelMixin, line: str) -> alt.TopLevelMixin:
    """``chart`` with how old its data are as the last subtitle line ('Data per …'), so a
    downloaded PNG or SVG says it too."""
    title = chart.title
    subtitle = [*(title.subtitle or [])] if title is not alt.Undefined else []
    out = chart.copy()
    out.title = alt.TitleParams(**{**title.to_dict(), "subtitle": [*subtitle, line]})
    return out


# The chart builders by name, for callers that cache a chart by its (plain) options.
BUILDERS: dict[str, Callable[..., alt.TopLevelMixin]] = {
    "series": series_chart,
    "regions": regions_chart,
    "bar": bar_chart,
    "heatmap": heatmap,
    "dots": dot_plot,
    "multiples": small_multiples,
}
