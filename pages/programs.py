"""Program & Evaluasi Hasil / Programs and outcomes: outputs (activities, budget, targets)
beside outcomes (income, competitiveness, jobs), as the study's outcome-based evaluation asks."""

from __future__ import annotations

import streamlit as st

from impact import evaluation, growth, i18n, tables
from pages import _ui

OUTCOMES = [("batik_income_index", "prog.outcome.income"), ("batik_competitiveness", "prog.outcome.comp"),
            ("batik_workers", "prog.outcome.jobs")]  # fmt: skip

lang = _ui.lang()
path, version = _ui.db()
st.title(_ui.t("prog.title"))
st.caption(_ui.t("prog.intro"))
regions = _ui.names(path, version, "region", lang)
region = _ui.url_choice("wilayah", _ui.t("filter.region"), list(regions), regions, "blitar")
summary = _ui.programs(path, version, region)
if summary.empty:
    st.info(_ui.t("empty.series"))
    st.stop()
name_col = "name_en" if lang == "en" else "name_id"
summary = evaluation.attainment(summary).assign(program_label=lambda d: d[name_col])
totals = evaluation.yearly_totals(summary)
first, last = totals.iloc[0], totals.iloc[-1]
rupiah = lambda x: i18n.format_rupiah(x, lang)  # noqa: E731

outputs, outcomes = st.columns(2, gap="large")
with outputs:
    st.header(_ui.t("prog.outputs"))
    title = _ui.t("prog.count.title", total_end=int(last["count"]), end=int(last["year"]),
                  total_start=int(first["count"]), start=int(first["year"]))  # fmt: skip
    chart = _ui.chart("bar", summary, lang=lang, x="year", y="count", color="program_label",
                             color_title=_ui.t("prog.program"), x_title=_ui.t("chart.year"),
                             y_title=_ui.t("prog.count"), title=title,
                             sources=list(dict.fromkeys(summary["source"])))  # fmt: skip
    _ui.chart_panel(
        chart,
        summary[["year", "program_label", "count", "target_count", "status"]],
        f"kegiatan_{region}",
    )

    change = growth.percent_change(first["budget_rp"], last["budget_rp"])
    title = _ui.t("prog.budget.title", change=i18n.format_range(change, lang, "%", 0, True),
                  start=int(first["year"]), end=int(last["year"]))  # fmt: skip
    frame = totals.assign(
        label=[rupiah(v) for v in totals["budget_rp"]], source=summary["source"].iloc[0]
    )
    chart = _ui.chart("bar", frame, lang=lang, x="year", y="budget_rp", x_title=_ui.t("chart.year"),
                             y_title=_ui.t("prog.budget"), title=title, label="label",
                             value_format="rupiah", sources=list(dict.fromkeys(summary["source"])))  # fmt: skip
    _ui.chart_panel(chart, frame[["year", "label", "status"]], f"anggaran_{region}")

    year = _ui.url_choice("tahun", _ui.t("filter.year"), totals["year"].astype(int).tolist(),
                          default=int(last["year"]))  # fmt: skip
    st.subheader(_ui.t("prog.targets", year=year))
    rows = summary[summary["year"] == year]
    st.dataframe(
        {
            _ui.t("prog.program"): rows["program_label"].tolist(),
            _ui.t("prog.target"): [i18n.format_number(v, lang, 0) for v in rows["target_count"]],
            _ui.t("prog.actual"): [i18n.format_number(v, lang, 0) for v in rows["count"]],
            _ui.t("prog.attainment"): [i18n.format_percent(None if v is None or v != v else v, lang, 0)
                                       for v in rows["attainment_pct"].astype(float)],
            _ui.t("prog.participants"): [i18n.format_number(v, lang, 0) for v in rows["participants"]],
            _ui.t("prog.cost"): [rupiah(None if v != v else v) for v in rows["cost_per_participant"].astype(float)],
            _ui.t("table.status"): [i18n.label("status", s, lang) for s in rows["status"]],
        },
        hide_index=True, width="stretch",
    )  # fmt: skip
    st.caption(_ui.t("prog.cost_note"))

with outcomes:
    st.header(_ui.t("prog.outcomes"))
    registry = _ui.registry(path, version)
    for code, label_key in OUTCOMES:
        obs = _ui.observations(path, version, code, region, "batik")
        if len(obs) < 2:
            st.info(_ui.t("empty.years"))
            continue
        kind = registry[code].kind
        start, end = int(obs["year"].min()), int(obs["year"].max())
        comparison = growth.compare_years(obs, kind, start, end)
        change = (i18n.format_range(comparison.points, lang, " " + _ui.t("unit.pp"), 0, True)
                  if comparison.points is not None else i18n.format_range(comparison.percent, lang, "%", 0, True))  # fmt: skip
        fmt = (lambda x: i18n.format_percent(x, lang, 0)) if kind == "score" else (lambda x: i18n.format_number(x, lang, 0))  # fmt: skip  # noqa: E731
        chart = _ui.chart("series",
            obs, lang=lang, title=_ui.t("prog.outcome.title", name=_ui.t(label_key), change=change, start=start, end=end),
            y_title=_ui.t(label_key), sources=list(dict.fromkeys(obs["source"])), formatter="percent" if kind == "score" else "index",
            value_format="percent" if kind == "score" else "number", height=190,
        )  # fmt: skip
        _ui.chart_panel(chart, tables.series_table(obs, lang, fmt), f"hasil_{code}_{region}")
