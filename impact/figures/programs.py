"""Program outputs as figures: activities per program type (never added up across types, whose
units differ: training sessions are not certificates) and the budget in rupiah."""

from __future__ import annotations

import pandas as pd

from impact import growth, i18n
from impact.figures.figure import (
    PRECISION,
    Figure,
    chart_spec,
    comparison_notes,
    marked,
    statuses_of,
    year_sources,
)


def activities_figure(summary: pd.DataFrame, lang: str) -> Figure:
    """Activities per year and program type (``summary``: store.program_summary with a
    ``program_label``). The title counts the types whose output rose between the first and
    last year, since a total across types would add different units."""
    years = sorted(summary["year"].astype(int).unique())
    start, end = years[0], years[-1]
    rows = summary.pivot_table(index="program", columns="year", values="count", aggfunc="sum")
    both = rows.dropna(subset=[start, end]) if {start, end} <= set(rows.columns) else rows.iloc[:0]
    rose = int((both[end] > both[start]).sum())
    status = statuses_of(summary)
    title = marked(
        i18n.t("prog.count.title.types", lang, rose=rose, types=len(both), start=start, end=end),
        status,
        lang,
    )
    table = pd.DataFrame(
        {
            i18n.t("table.year", lang): summary["year"].astype(int).astype(str).tolist(),
            i18n.t("prog.program", lang): summary["program_label"].tolist(),
            i18n.t("prog.count", lang): [i18n.format_number(v, lang, 0) for v in summary["count"]],
            i18n.t("prog.target", lang): [
                i18n.format_number(None if pd.isna(v) else v, lang, 0)
                for v in summary["target_count"]
            ],
            i18n.t("table.status", lang): [
                i18n.label("status", s, lang) for s in summary["status"]
            ],
        }
    )
    chart = chart_spec(
        "bar",
        summary,
        lang,
        year_sources(summary),
        x="year",
        y="count",
        color="program_label",
        color_title=i18n.t("prog.program", lang),
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("prog.count", lang),
        title=title,
    )
    return Figure(
        key="program_activities",
        kind="count",
        unit="",
        value=None,
        years=(start, end),
        status=status,
        sources=year_sources(summary),
        title=title,
        label=i18n.t("prog.count", lang),
        value_text=f"{rose}/{len(both)}",
        chart=chart,
        table=table,
        extra={"rose": rose, "types": len(both)},
    )


def budget_change_text(change: growth.Range, lang: str) -> str:
    """A budget's percent change as every change is written: signed, one decimal, rounded half
    away from zero ('−10,7%', never '−11%')."""
    return i18n.format_range(change, lang, "%", PRECISION, True)


def budget_figure(totals: pd.DataFrame, summary: pd.DataFrame, lang: str) -> Figure:
    """The program budget per year in rupiah (summable across types) and its change from the
    first to the last year. ``totals``: evaluation.yearly_totals."""
    first, last = totals.iloc[0], totals.iloc[-1]
    start, end = int(first["year"]), int(last["year"])
    change = growth.percent_change(first["budget_rp"], last["budget_rp"])
    status = statuses_of(totals)
    change_text = budget_change_text(change, lang)
    title = marked(
        i18n.t("prog.budget.title", lang, change=change_text, start=start, end=end), status, lang
    )
    per_year = summary.groupby("year")["source"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    frame = totals.assign(
        label=[i18n.format_rupiah(v, lang) for v in totals["budget_rp"]],
        source=[per_year[y] for y in totals["year"]],  # each year's own sources
    )
    table = pd.DataFrame(
        {
            i18n.t("table.year", lang): frame["year"].astype(int).astype(str).tolist(),
            i18n.t("prog.budget", lang): frame["label"].tolist(),
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in frame["status"]],
        }
    )
    chart = chart_spec(
        "bar",
        frame,
        lang,
        year_sources(summary),
        x="year",
        y="budget_rp",
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("prog.budget", lang),
        title=title,
        label="label",
        value_format="rupiah",
    )
    # Under the chart, the exact change the title rounds (−10,67% beside '−10,7%').
    caption = "; ".join(
        comparison_notes(
            growth.compare("level", start, first["budget_rp"], end, last["budget_rp"]), None, lang
        )
    )
    return Figure(
        key="program_budget",
        plotted_sources=year_sources(summary),
        kind="level",
        unit="%",
        value=change,
        years=(start, end),
        status=status,
        sources=year_sources(summary),
        title=title,
        label=i18n.t("prog.budget", lang),
        value_text=change_text,
        chart=chart,
        table=table,
        extra={"caption": caption},
    )


def targets_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One year's programs: target, actual, attainment, participants, cost per participant
    (``rows``: evaluation.attainment output with ``program_label``), written as text."""

    def num(v: float) -> str:
        return i18n.format_number(None if pd.isna(v) else float(v), lang, 0)

    return pd.DataFrame(
        {
            i18n.t("prog.program", lang): rows["program_label"].tolist(),
            i18n.t("prog.target", lang): [num(v) for v in rows["target_count"]],
            i18n.t("prog.actual", lang): [num(v) for v in rows["count"]],
            i18n.t("prog.attainment", lang): [
                i18n.format_percent(None if pd.isna(v) else float(v), lang, 0)
                for v in rows["attainment_pct"]
            ],
            i18n.t("prog.participants", lang): [num(v) for v in rows["participants"]],
            i18n.t("prog.cost", lang): [
                i18n.format_rupiah(None if pd.isna(v) else float(v), lang)
                for v in rows["cost_per_participant"]
            ],
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in rows["status"]],
        }
    )
