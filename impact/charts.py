"""Altair charts built from store frames. Never calls Streamlit.

Conventions every chart follows: the title states the finding; the subtitle carries the
source and how to read status marks; reported points are filled, estimated and illustrative
points hollow, and a line segment touching a non-reported point is dashed; a reported range
is a shaded band; numbers use the language's separators through ``config.locale``.
Colours are Okabe-Ito (colour-blind safe).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import altair as alt
import pandas as pd

from impact import i18n
from impact.headlines import STATUS_ORDER, weakest_status

BLUE = "#0072B2"  # Okabe-Ito blue
BAND = "#56B4E9"  # Okabe-Ito sky blue
GREY = "#555555"

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
    two ends); band_low/band_high (the reported range, or the value, on reported rows).
    """
    out = obs.sort_values("year").reset_index(drop=True).copy()
    out["year"] = out["year"].astype(int)
    out["status_label"] = [i18n.label("status", s, lang) for s in out["status"]]
    has_range = out["low"].notna() & out["high"].notna()
    out["label"] = value_labels(out, formatter)
    out["next_year"] = out["year"].shift(-1)
    out["next_value"] = out["value"].shift(-1)
    next_status = out["status"].shift(-1)
    out["segment_label"] = [
        i18n.label("status", weakest_status((s, n)), lang) if isinstance(n, str) else None
        for s, n in zip(out["status"], next_status, strict=True)
    ]
    out["band_low"] = out["low"].where(has_range, out["value"])
    out["band_high"] = out["high"].where(has_range, out["value"])
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
    value_format: str = "number",
    formatter: Callable[[float], str] | None = None,
    y_domain: tuple[float, float] | None = None,
    height: int = 260,
    wrap: tuple[int, int] = (TITLE_WIDTH, SUBTITLE_WIDTH),
) -> alt.LayerChart:
    """A yearly series with status marks, an optional reported-range band and value labels.

    ``obs`` is one series (columns year, value, low, high, status, source). ``value_format``
    picks the axis format (index, percent, rupiah, number); ``formatter`` formats labels and
    tooltips (defaults to i18n.format_number). ``wrap`` is (title, subtitle) characters per
    line; widen it for full-width charts and slides.
    """
    fmt = formatter or (lambda x: i18n.format_number(x, lang, 1))
    frame = series_frame(obs, lang, fmt)
    year_label = i18n.t("chart.year", lang)
    years = sorted(frame["year"].unique().tolist())
    x = alt.X(
        "year:Q",
        title=year_label,
        scale=alt.Scale(domain=[min(years) - 0.3, max(years) + 0.3], nice=False),
        axis=alt.Axis(values=years, format="d", labelFontSize=14, titleFontSize=14, grid=False),
    )
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
        alt.Tooltip("status_label:N", title=i18n.t("status.legend", lang)),
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
    layers.append(
        base.transform_filter("isValid(datum.next_year)")
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
    subtitle = [
        line
        for s in sources
        for line in textwrap.wrap(i18n.t("source.line", lang, source=s), wrap[1])
    ]
    notes = []
    if (frame["status"] != "reported").any():
        notes.append(i18n.t("source.illustrative_note", lang))
    if has_band:
        notes.append(i18n.t("source.band_note", lang))
    subtitle += [line for note in notes for line in textwrap.wrap(note, wrap[1])]
    chart = (
        alt.layer(*layers)
        .resolve_legend(strokeDash="independent")
        .properties(
            title=alt.TitleParams(
                text=textwrap.wrap(title, wrap[0]),
                subtitle=subtitle,
                anchor="start",
                frame="bounds",
                limit=2000,  # lines are wrapped above; never cut them with "…"
            ),
            height=height,
            width="container",
            # fit-x: the height is the plot's own, so titles and legend never squeeze it
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
    )
    return (
        chart.configure(locale=i18n.chart_locale(lang))
        .configure_title(fontSize=16, subtitleFontSize=12, subtitleColor=GREY)
        .configure_view(stroke=None)
    )
