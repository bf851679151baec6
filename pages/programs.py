"""Program & Evaluasi Hasil / Programs and outcomes: outputs (activities, budget, targets)
beside outcomes (income, competitiveness, jobs), as the study's outcome-based evaluation asks."""

from __future__ import annotations

import streamlit as st

from impact import evaluation, growth, i18n
from impact.figures import tables
from pages import _data, _render, _widgets

OUTCOMES = [
    ("batik_income_index", "prog.outcome.income"),
    ("batik_competitiveness", "prog.outcome.comp"),
    ("batik_workers", "prog.outcome.jobs"),
]

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("prog.title"))
st.caption(_render.t("prog.intro"))
regions = _data.names(path, version, "region", lang)
region = _widgets.url_choice(
    "wilayah", _render.t("filter.region"), list(regions), regions, "blitar"
)
summary = _data.programs(path, version, region)
if summary.empty:
    st.info(_render.t("empty.series"))
    st.stop()
name_col = "name_en" if lang == "en" else "name_id"
summary = evaluation.attainment(summary).assign(program_label=lambda d: d[name_col])
totals = evaluation.yearly_totals(summary)
first, last = totals.iloc[0], totals.iloc[-1]
rupiah = lambda x: i18n.format_rupiah(x, lang)  # noqa: E731

outputs, outcomes = st.columns(2, gap="large")
with outputs:
    st.header(_render.t("prog.outputs"))
    title = _render.t(
        "prog.count.title",
        total_end=int(last["count"]),
        end=int(last["year"]),
        total_start=int(first["count"]),
        start=int(first["year"]),
    )
    chart = _render.chart(
        "bar",
        summary,
        lang=lang,
        x="year",
        y="count",
        color="program_label",
        color_title=_render.t("prog.program"),
        x_title=_render.t("chart.year"),
        y_title=_render.t("prog.count"),
        title=title,
        sources=list(dict.fromkeys(summary["source"])),
    )
    _render.chart_panel(
        chart,
        summary[["year", "program_label", "count", "target_count", "status"]],
        f"kegiatan_{region}",
    )

    change = growth.percent_change(first["budget_rp"], last["budget_rp"])
    title = _render.t(
        "prog.budget.title",
        change=i18n.format_range(change, lang, "%", 0, True),
        start=int(first["year"]),
        end=int(last["year"]),
    )
    frame = totals.assign(
        label=[rupiah(v) for v in totals["budget_rp"]], source=summary["source"].iloc[0]
    )
    chart = _render.chart(
        "bar",
        frame,
        lang=lang,
        x="year",
        y="budget_rp",
        x_title=_render.t("chart.year"),
        y_title=_render.t("prog.budget"),
        title=title,
        label="label",
        value_format="rupiah",
        sources=list(dict.fromkeys(summary["source"])),
    )
    _render.chart_panel(chart, frame[["year", "label", "status"]], f"anggaran_{region}")

    year = _widgets.url_choice(
        "tahun",
        _render.t("filter.year"),
        totals["year"].astype(int).tolist(),
        default=int(last["year"]),
    )
    st.subheader(_render.t("prog.targets", year=year))
    rows = summary[summary["year"] == year]
    st.dataframe(
        {
            _render.t("prog.program"): rows["program_label"].tolist(),
            _render.t("prog.target"): [
                i18n.format_number(v, lang, 0) for v in rows["target_count"]
            ],
            _render.t("prog.actual"): [i18n.format_number(v, lang, 0) for v in rows["count"]],
            _render.t("prog.attainment"): [
                i18n.format_percent(None if v is None or v != v else v, lang, 0)
                for v in rows["attainment_pct"].astype(float)
            ],
            _render.t("prog.participants"): [
                i18n.format_number(v, lang, 0) for v in rows["participants"]
            ],
            _render.t("prog.cost"): [
                rupiah(None if v != v else v) for v in rows["cost_per_participant"].astype(float)
            ],
            _render.t("table.status"): [i18n.label("status", s, lang) for s in rows["status"]],
        },
        hide_index=True,
        width="stretch",
    )
    st.caption(_render.t("prog.cost_note"))

with outcomes:
    st.header(_render.t("prog.outcomes"))
    registry = _data.registry(path, version)
    for code, label_key in OUTCOMES:
        obs = _data.observations(path, version, code, region, "batik")
        if len(obs) < 2:
            st.info(_render.t("empty.years"))
            continue
        kind = registry[code].kind
        start, end = int(obs["year"].min()), int(obs["year"].max())
        comparison = growth.compare_years(obs, kind, start, end)
        change = (
            i18n.format_range(comparison.points, lang, " " + _render.t("unit.pp"), 0, True)
            if comparison.points is not None
            else i18n.format_range(comparison.percent, lang, "%", 0, True)
        )
        fmt = (
            (lambda x: i18n.format_percent(x, lang, 0))
            if kind == "score"
            else (lambda x: i18n.format_number(x, lang, 0))
        )  # noqa: E731
        chart = _render.chart(
            "series",
            obs,
            lang=lang,
            title=_render.t(
                "prog.outcome.title", name=_render.t(label_key), change=change, start=start, end=end
            ),
            y_title=_render.t(label_key),
            sources=list(dict.fromkeys(obs["source"])),
            formatter="percent" if kind == "score" else "index",
            value_format="percent" if kind == "score" else "number",
            height=190,
        )
        _render.chart_panel(chart, tables.series_table(obs, lang, fmt), f"hasil_{code}_{region}")
