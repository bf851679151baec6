"""Obstacle severity as a figure: the heatmap of every obstacle by year, titled by the most
severe obstacles of the latest year, ties stated as ties."""

from __future__ import annotations

import pandas as pd

from impact import i18n
from impact.figures.figure import (
    Figure,
    chart_spec,
    marked,
    statuses_of,
    year_sources,
)
from impact.figures.marks import status_word

NAMED = 3  # obstacles named in a title; the rest are counted


def severity_text(severity: float, year: int, status: str, lang: str) -> str:
    """One obstacle's latest severity as the overview lists it: dots, the 1-5 score, its year
    and status ('●●●●○ 4/5 pada 2023, ilustratif'); '' when none was recorded."""
    if severity != severity:  # NaN: no severity recorded
        return ""
    score = int(severity)
    text = i18n.t(
        "obstacles.severity", lang, severity=score, year=int(year), status=status_word(status, lang)
    )
    return "●" * score + "○" * (5 - score) + " " + text


def severity_figure(shown: pd.DataFrame, lang: str) -> Figure:
    """``shown``: store.obstacle_severity rows (one category or all) with ``item_label``."""
    name_col = "name_en" if lang == "en" else "name_id"
    latest = int(shown["year"].max())
    last = shown[shown["year"] == latest]
    top = int(last["severity"].max())
    worst = last.loc[last["severity"] == top, name_col].tolist()
    status = statuses_of(shown)
    if len(worst) == 1:
        title = i18n.t("obst.heat.title", lang, year=latest, items=worst[0], severity=top)
    else:
        named = "; ".join(worst[:NAMED])
        more = (
            i18n.t("obst.heat.more", lang, count=len(worst) - NAMED) if len(worst) > NAMED else ""
        )
        title = i18n.t(
            "obst.heat.title.tie",
            lang,
            count=len(worst),
            total=len(last),
            year=latest,
            severity=top,
            items=named + more,
        )
    title = marked(title, status, lang)
    table = pd.DataFrame(
        {
            i18n.t("obst.item", lang): shown["item_label"].tolist(),
            i18n.t("table.year", lang): shown["year"].astype(int).astype(str).tolist(),
            i18n.t("obst.severity", lang): [f"{int(v)}/5" for v in shown["severity"]],
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in shown["status"]],
            i18n.t("table.source", lang): [i18n.data_text(s, lang) for s in shown["source"]],
        }
    )
    chart = chart_spec(
        "heatmap",
        shown,
        lang,
        year_sources(shown),
        x="year",
        y="item_label",
        value="severity",
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("obst.item", lang),
        value_title=i18n.t("obst.severity", lang),
        title=title,
    )
    return Figure(
        key="obstacle_severity",
        kind="score",
        unit="/5",
        value=None,
        years=(latest, latest),
        status=status,
        sources=year_sources(shown),
        title=title,
        label=i18n.t("obst.severity", lang),
        value_text=f"{top}/5",
        chart=chart,
        table=table,
        extra={"worst": worst, "severity": top, "tied": len(worst) > 1},
    )


def program_link_figure(rows: pd.DataFrame, lang: str) -> Figure:
    """One program's activities per year, as an obstacle's affected figure (``rows``:
    store.program_summary of one program, with ``program_label``)."""
    first, last = rows.iloc[0], rows.iloc[-1]
    status = statuses_of(rows)
    title = marked(
        i18n.t(
            "obst.program.title",
            lang,
            program=first["program_label"],
            count_start=int(first["count"]),
            start=int(first["year"]),
            count_end=int(last["count"]),
            end=int(last["year"]),
        ),
        status,
        lang,
    )
    frame = rows.assign(label=[i18n.format_number(c, lang, 0) for c in rows["count"]])
    table = pd.DataFrame(
        {
            i18n.t("table.year", lang): frame["year"].astype(int).astype(str).tolist(),
            i18n.t("obst.activities", lang): frame["label"].tolist(),
            i18n.t("prog.budget", lang): [i18n.format_rupiah(v, lang) for v in frame["budget_rp"]],
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in frame["status"]],
        }
    )
    chart = chart_spec(
        "bar",
        frame,
        lang,
        year_sources(frame),
        x="year",
        y="count",
        x_title=i18n.t("chart.year", lang),
        y_title=i18n.t("obst.activities", lang),
        title=title,
        label="label",
    )
    return Figure(
        key=f"program_{first['program']}",
        kind="count",
        unit="",
        value=None,
        years=(int(first["year"]), int(last["year"])),
        status=status,
        sources=year_sources(frame),
        title=title,
        label=str(first["program_label"]),
        value_text="",
        chart=chart,
        table=table,
    )


def links_table(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every obstacle -> figure link with localized headers and names (no raw codes)."""
    suffix = "en" if lang == "en" else "id"
    return pd.DataFrame(
        {
            i18n.t("filter.category", lang): [
                i18n.label("category", c, lang) for c in links["category"]
            ],
            i18n.t("obst.item", lang): links[f"item_{suffix}"].tolist(),
            i18n.t("obst.link.figure", lang): links[f"target_{suffix}"].tolist(),
        }
    )
