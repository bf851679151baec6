"""Program & Evaluasi Hasil / Programs and outcomes: outputs (activities, budget, targets)
beside outcomes (income, competitiveness, jobs), as the study's outcome-based evaluation asks."""

from __future__ import annotations

import streamlit as st

from impact import evaluation
from impact.figures import achievement, figure, programs
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

if (summary["status"] != "reported").any():  # as the creative-economy page says it
    st.info(_render.t("prog.illustrative"), icon=":material/info:")
outputs, outcomes = st.columns(2, gap="large")
with outputs:
    st.header(_render.t("prog.outputs"))
    _render.figure_panel(programs.activities_figure(summary, lang), f"kegiatan_{region}")
    _render.figure_panel(programs.budget_figure(totals, summary, lang), f"anggaran_{region}")

    year = _widgets.url_choice(
        "tahun",
        _render.t("filter.year"),
        totals["year"].astype(int).tolist(),
        default=int(last["year"]),
    )
    st.subheader(_render.t("prog.targets", year=year))
    rows = summary[summary["year"] == year]
    table = programs.targets_table(rows, lang)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.TextColumn(width="medium") for c in table.columns},
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
        start, end = int(obs["year"].min()), int(obs["year"].max())
        fig = figure.change_figure(
            obs,
            registry[code],
            start,
            end,
            lang,
            name=_render.t(label_key),
            y_title=_render.t(label_key),
        )
        _render.figure_card(fig)  # one value: metrics side by side would cut it in a half column
        _render.figure_panel(fig, f"hasil_{code}_{region}")

st.header(_render.t("ach.heading"))
targets = achievement.achievement_figure(
    _data.targets(path, version, region), _data.registry(path, version), regions, lang
)
if targets is None:
    st.info(_render.t("ach.empty"))
else:
    st.markdown(f"**{_render.plain(targets.title)}** {_render.badge(targets.status)}")
    st.dataframe(targets.table, hide_index=True, width="stretch")
    st.caption(_render.plain(targets.notes[0]))
