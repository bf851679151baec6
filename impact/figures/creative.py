"""Creative-economy figures: batik among the subsectors (growth, share, small multiples) and
the regional revenue and young workers, composed once for the page and the deck.

Each subsector's change keeps its range when a year is given as one, is written at the figure
layer's precision, and carries the weakest status of the two years it compares; a title built
on illustrative subsector figures says so in words.
"""

from __future__ import annotations

import pandas as pd

from impact import creative, growth, i18n
from impact.figures.figure import (
    PRECISION,
    Figure,
    change_text,
    chart_spec,
    year_sources,
)
from impact.figures.marks import marked, statuses_of
from impact.indicators import Indicator


def _money(indicator: Indicator) -> bool:
    return indicator.unit.startswith("Rp")


def _value_text(x: float, indicator: Indicator, lang: str) -> str:
    if _money(indicator):
        return i18n.format_rupiah(x, lang)
    if indicator.kind in ("share", "score", "rate"):
        return i18n.format_percent(x, lang, PRECISION)
    return i18n.format_number(x, lang, 0 if indicator.kind == "count" else PRECISION)


def _growth_rows(grown: pd.DataFrame) -> list[growth.Range]:
    return [
        growth.Range(lo, hi)
        for lo, hi in zip(grown["change_low"], grown["change_high"], strict=True)
    ]


def _with_names(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    return frame.assign(subsector=[names.get(s, s) for s in frame["sector"]])


def _table(frame: pd.DataFrame, lang: str, columns: dict[str, list[str]]) -> pd.DataFrame:
    """A table of text cells with the status and source of each row, in the language."""
    out = dict(columns)
    out[i18n.t("table.status", lang)] = [i18n.label("status", s, lang) for s in frame["status"]]
    if "source" in frame:
        out[i18n.t("table.source", lang)] = [i18n.data_text(s, lang) for s in frame["source"]]
    return pd.DataFrame(out)


def growth_figure(
    obs: pd.DataFrame,
    indicator: Indicator,
    names: dict[str, str],
    start: int,
    end: int,
    lang: str,
    *,
    region_name: str | None = None,
) -> Figure | None:
    """Each subsector's change from ``start`` to ``end`` (horizontal bars, fastest first),
    titled by the fastest; subsectors tied at the top are all named. ``region_name`` puts the
    region in the title (a slide stands alone; the page has its region picker above it).
    None when no subsector has both years."""
    ends = obs[obs["year"].isin([start, end])]
    grown = creative.growth_by_sector(ends, indicator, start, end)
    if grown.empty:
        return None
    changes = _growth_rows(grown)
    labels = [change_text(r, indicator.kind, lang) for r in changes]
    top_label = labels[0]
    tops = [
        names.get(s, s) for s, lab in zip(grown["sector"], labels, strict=True) if lab == top_label
    ]
    status = statuses_of(grown)
    top = " & ".join(tops)
    if region_name:
        title = i18n.t(
            "deck.creative.title",
            lang,
            region=region_name,
            name=indicator.name(lang).lower(),
            start=start,
            end=end,
            top=top,
            change=top_label,
        )
    else:
        title = i18n.t(
            "ce.growth.title",
            lang,
            name=indicator.name(lang).lower(),
            start=start,
            end=end,
            top=top,
            change=top_label,
        )
    title = marked(title, status, lang)
    source = year_sources(ends)
    frame = _with_names(grown, names).assign(label=labels)
    unit = i18n.t("unit.pp", lang) if (grown["unit"] == "pp").any() else "%"
    chart = chart_spec(
        "bar",
        frame,
        lang,
        source,
        x="subsector",
        y="change",
        low="change_low",
        high="change_high",
        horizontal=True,
        label="label",
        x_title=i18n.t("ce.subsector", lang),
        y_title=i18n.t("ce.growth.x", lang, unit=unit),
        title=title,
        height=220,
    )
    table = _table(
        frame,
        lang,
        {
            i18n.t("ce.subsector", lang): frame["subsector"].tolist(),
            i18n.t("ce.growth.x", lang, unit=unit): labels,
        },
    )
    notes = tuple(
        f"{names.get(s, s)}: {i18n.format_range(r, lang, '%' if u == '%' else ' ' + unit, 2, True)}"
        for s, r, u in zip(grown["sector"], changes, grown["unit"], strict=True)
    )
    return Figure(
        key=f"{indicator.code}_subsector_growth",
        kind=indicator.kind,
        unit="pp" if unit != "%" else "%",
        value=changes[0],
        years=(start, end),
        status=status,
        sources=source,
        title=title,
        label=top,
        value_text=top_label,
        chart=chart,
        table=table,
        notes=notes,
        extra={"tops": tops, "skipped": grown.attrs.get("skipped", [])},
    )


def multiples_figure(
    obs: pd.DataFrame, indicator: Indicator, names: dict[str, str], lang: str
) -> Figure | None:
    """Every subsector's series on one scale (small multiples), titled by the subsector that
    grew fastest from the first to the last year; None without two years."""
    years = sorted(obs["year"].astype(int).unique())
    if len(years) < 2:
        return None
    start, end = years[0], years[-1]
    fastest = growth_figure(obs, indicator, names, start, end, lang)
    if fastest is None:
        return None
    status = statuses_of(obs)
    title = marked(
        i18n.t(
            "ce.multiples.title",
            lang,
            name=indicator.name(lang),
            top=fastest.label,
            change=fastest.value_text,
            start=start,
            end=end,
        ),
        status,
        lang,
    )
    frame = _with_names(obs, names).sort_values(["subsector", "year"])
    chart = chart_spec(
        "multiples",
        frame,
        lang,
        year_sources(frame),
        facet="subsector",
        facet_title=i18n.t("ce.subsector", lang),
        y_title=i18n.data_text(indicator.unit, lang),
        title=title,
        value_format="rupiah" if _money(indicator) else "number",
    )
    table = _table(
        frame,
        lang,
        {
            i18n.t("ce.subsector", lang): frame["subsector"].tolist(),
            i18n.t("table.year", lang): frame["year"].astype(int).astype(str).tolist(),
            i18n.t("table.value", lang): [_value_text(v, indicator, lang) for v in frame["value"]],
        },
    )
    return Figure(
        key=f"{indicator.code}_subsectors",
        kind=indicator.kind,
        unit=fastest.unit,
        value=fastest.value,
        years=(start, end),
        status=status,
        sources=year_sources(frame),
        title=title,
        label=fastest.label,
        value_text=fastest.value_text,
        chart=chart,
        table=table,
    )


def share_figure(obs: pd.DataFrame, indicator: Indicator, lang: str) -> Figure | None:
    """Batik's share of the all-subsector total per complete year, titled by the last one.
    Raises creative.UnitMismatchError for an indicator that cannot be added up across
    subsectors; None when no year has every subsector."""
    share = creative.shares(obs, indicator)
    if share.empty:
        return None
    used = obs[obs["year"].isin(share["year"])]
    per_year = {y: s for s, ys in year_sources(used) for y in ys}
    share = share.assign(
        low=float("nan"), high=float("nan"), source=[per_year[int(y)] for y in share["year"]]
    )
    last = share.iloc[-1]
    status = str(last["status"])
    text = i18n.format_percent(float(last["value"]), lang, PRECISION)
    title = marked(
        i18n.t(
            "ce.share.title",
            lang,
            share=text,
            name=indicator.name(lang).lower(),
            year=int(last["year"]),
        ),
        status,
        lang,
    )
    top = min(100.0, max(10.0, float(share["value"].max()) * 1.5))  # a zero baseline, with room
    chart = chart_spec(
        "series",
        share,
        lang,
        year_sources(used),
        title=title,
        y_title=i18n.t("ce.share.y", lang),
        formatter="percent1",
        value_format="percent",
        y_domain=(0, top),
    )
    table = _table(
        share,
        lang,
        {
            i18n.t("table.year", lang): share["year"].astype(int).astype(str).tolist(),
            i18n.t("ce.share.y", lang): [
                i18n.format_percent(v, lang, PRECISION) for v in share["value"]
            ],
        },
    )
    return Figure(
        key=f"{indicator.code}_batik_share",
        kind="share",
        unit="%",
        value=growth.Range.point(float(last["value"])),
        years=(int(last["year"]), int(last["year"])),
        status=status,
        sources=year_sources(used),
        title=title,
        label=i18n.t("ce.share.y", lang),
        value_text=text,
        chart=chart,
        table=table,
    )


def revenue_figure(
    revenue: pd.DataFrame, indicator: Indicator, names: dict[str, str], lang: str
) -> Figure | None:
    """Taxes and levies per subsector and year (stacked bars), titled by the last complete
    year's total and batik's part; the total is a row of the table too."""
    total = creative.totals(revenue, indicator)
    complete = total[total["complete"]]
    if complete.empty:
        return None
    year_total = complete.iloc[-1]
    year = int(year_total["year"])
    batik = revenue[(revenue["year"] == year) & (revenue["sector"] == "batik")]["value"]
    in_title = revenue[revenue["year"] == year]
    status = statuses_of(in_title)
    title = marked(
        i18n.t(
            "ce.revenue.title",
            lang,
            total=i18n.format_rupiah(float(year_total["total"]), lang),
            year=year,
            batik=i18n.format_rupiah(float(batik.iloc[0]), lang) if len(batik) else "–",
        ),
        status,
        lang,
    )
    frame = _with_names(revenue, names).sort_values(["year", "subsector"])
    chart = chart_spec(
        "bar",
        frame,
        lang,
        year_sources(frame),
        x="year",
        y="value",
        color="subsector",
        color_title=i18n.t("ce.subsector", lang),
        x_title=i18n.t("chart.year", lang),
        y_title="Rp",
        title=title,
        value_format="rupiah",
    )
    totals = complete.assign(subsector=i18n.t("ce.total", lang), value=complete["total"])
    rows = pd.concat([frame, totals], ignore_index=True)
    table = pd.DataFrame(
        {
            i18n.t("ce.subsector", lang): rows["subsector"].tolist(),
            i18n.t("table.year", lang): rows["year"].astype(int).astype(str).tolist(),
            i18n.t("table.value", lang): [i18n.format_rupiah(v, lang) for v in rows["value"]],
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in rows["status"]],
        }
    )
    return Figure(
        key="ce_regional_revenue",
        kind="level",
        unit="Rp",
        value=growth.Range.point(float(year_total["total"])),
        years=(year, year),
        status=status,
        sources=year_sources(frame),
        title=title,
        label=i18n.t("ce.total", lang),
        value_text=i18n.format_rupiah(float(year_total["total"]), lang),
        chart=chart,
        table=table,
    )


def young_figure(young: pd.DataFrame, names: dict[str, str], lang: str) -> Figure | None:
    """Young workers' share per subsector in the last year (horizontal bars, highest first),
    titled by the highest; subsectors tied at the top are all named."""
    if young.empty:
        return None
    year = int(young["year"].max())
    rows = _with_names(young[young["year"] == year], names)
    rows = rows.sort_values("value", ascending=False, kind="stable")
    labels = [i18n.format_percent(v, lang, PRECISION) for v in rows["value"]]
    tops = [s for s, lab in zip(rows["subsector"], labels, strict=True) if lab == labels[0]]
    status = statuses_of(rows)
    title = marked(
        i18n.t("ce.young.title", lang, top=" & ".join(tops), share=labels[0], year=year),
        status,
        lang,
    )
    frame = rows.assign(label=labels)
    chart = chart_spec(
        "bar",
        frame,
        lang,
        year_sources(frame),
        x="subsector",
        y="value",
        horizontal=True,
        label="label",
        x_title=i18n.t("ce.subsector", lang),
        y_title="%",
        value_format="percent",
        title=title,
        height=220,
    )
    table = _table(
        frame,
        lang,
        {
            i18n.t("ce.subsector", lang): frame["subsector"].tolist(),
            i18n.t("table.value", lang): labels,
        },
    )
    return Figure(
        key="ce_young_share",
        kind="share",
        unit="%",
        value=growth.Range.point(float(rows["value"].iloc[0])),
        years=(year, year),
        status=status,
        sources=year_sources(frame),
        title=title,
        label=" & ".join(tops),
        value_text=labels[0],
        chart=chart,
        table=table,
    )
