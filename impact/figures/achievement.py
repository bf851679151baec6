"""Targets and realisation as the performance-report table a planner knows (capaian kinerja):
indicator, year, target, realisation, achievement, category, met or not, status and the plan
document, composed once for the programs page and the deck."""

from __future__ import annotations

import pandas as pd

from impact import achievement, config, i18n
from impact.figures.figure import PRECISION, Figure, value_formatter, year_sources
from impact.figures.marks import marked
from impact.growth import Range
from impact.indicators import Indicator
from impact.status import weakest


def _realisation(row: pd.Series) -> Range | None:
    if pd.isna(row["value"]):
        return None
    if pd.notna(row["low"]) and pd.notna(row["high"]):
        return Range(float(row["low"]), float(row["high"]))
    return Range.point(float(row["value"]))


def _category_text(codes: tuple[str, ...], lang: str) -> str:
    return "–".join(i18n.label("ach.cat", c, lang) for c in reversed(codes))


def scale_note(lang: str) -> str:
    """How achievement is computed and the scale in force, in words."""
    a, b, c, d = (i18n.format_number(v, lang, 1) for v in config.achievement_scale())
    return i18n.t("ach.scale_note", lang, a=a, b=b, c=c, d=d)


def achievement_figure(
    targets: pd.DataFrame,
    registry: dict[str, Indicator],
    region_names: dict[str, str],
    lang: str,
) -> Figure | None:
    """The table of every target (``targets``: store.targets_with_realisation) with its
    achievement; titled by how many were met. None without targets."""
    if targets.empty:
        return None
    rows, counts, statuses = [], {"met": 0, "partly": 0, "not_met": 0}, []
    for _, row in targets.iterrows():
        indicator = registry.get(row["indicator"])
        if indicator is None:
            continue
        fmt, _ = value_formatter(indicator, lang)
        real = _realisation(row)
        status = weakest([row["status"], *([row["real_status"]] if real else [])])
        statuses.append(status)
        if real is None:
            achieved, category, met = "–", "–", i18n.t("ach.no_figure", lang)
        else:
            try:
                result = achievement.assess(real, float(row["target"]), row["direction"])
            except achievement.NoAchievementError as exc:
                achieved, category = "–", "–"
                met = i18n.label("ach.none", exc.reason, lang)
            else:
                counts[result.met] += 1
                achieved = i18n.format_range(result.percent, lang, "%", PRECISION)
                category = _category_text(result.categories, lang)
                met = marked(i18n.label("ach.met", result.met, lang), status, lang)
        real_text = "–" if real is None else (
            fmt(real.low) if real.is_point else f"{fmt(real.low)}–{fmt(real.high)}"
        )  # fmt: skip
        rows.append(
            {
                i18n.t("ach.indicator", lang): indicator.name(lang),
                i18n.t("ach.region", lang): region_names.get(row["region"], row["region"]),
                i18n.t("table.year", lang): str(int(row["year"])),
                i18n.t("ach.target", lang): fmt(float(row["target"])),
                i18n.t("ach.realisation", lang): real_text,
                i18n.t("ach.percent", lang): achieved,
                i18n.t("ach.category", lang): category,
                i18n.t("ach.met", lang): met,
                i18n.t("ach.direction", lang): i18n.label("ach.dir", row["direction"], lang),
                i18n.t("table.status", lang): i18n.label("status", status, lang),
                i18n.t("ach.document", lang): i18n.data_text(row["source"], lang),
            }
        )
    if not rows:
        return None
    status = weakest(statuses)  # one per row shown: never empty here
    assessed = sum(counts.values())
    title = marked(
        i18n.t(
            "ach.title",
            lang,
            met=counts["met"],
            partly=counts["partly"],
            total=assessed,
        ),
        status,
        lang,
    )
    table = pd.DataFrame(rows)
    return Figure(
        key="achievement",
        kind="achievement",
        unit="%",
        value=None,
        years=(int(targets["year"].min()), int(targets["year"].max())),
        status=status,
        sources=year_sources(targets),  # the plan documents, with the years they set
        title=title,
        label=i18n.t("ach.heading", lang),
        value_text=f"{counts['met']}/{assessed}",
        table=table,
        notes=(scale_note(lang),),
        extra={"counts": counts},
    )
