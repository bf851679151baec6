"""Tata Kelola Kolaboratif / Collaboration: Ansell & Gash's five process elements scored by
each party, where their views differ, and the evidence behind each score."""

from __future__ import annotations

import streamlit as st

from impact import evaluation, i18n
from impact.store import ELEMENTS
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("collab.title"))
st.caption(_render.t("collab.intro"))
st.info(_render.t("collab.scale"), icon=":material/info:")

scores = _data.collaboration(path, version)
if scores.empty:
    st.info(_render.t("empty.series"))
    st.stop()
years = sorted(scores["year"].astype(int).unique().tolist())
year = _widgets.url_choice("tahun", _render.t("filter.year"), years, default=years[-1])
scores = scores[scores["year"] == year]
scores = scores.assign(
    element_label=[i18n.label("element", e, lang) for e in scores["element"]],
    actor_label=[i18n.label("actor", a, lang) for a in scores["actor"]],
    order=[ELEMENTS.index(e) for e in scores["element"]],
).sort_values(["order", "actor"])

gaps = evaluation.divergence(scores)
widest = gaps.iloc[0]
score_text = lambda v: i18n.format_number(v, lang, 1)  # noqa: E731
title = _render.t(
    "collab.chart.title",
    element=i18n.label("element", widest["element"], lang).lower(),
    high_actor=i18n.label("actor", widest["high_actor"], lang),
    high=score_text(widest["high"]),
    low_actor=i18n.label("actor", widest["low_actor"], lang),
    low=score_text(widest["low"]),
)
chart = _render.chart(
    "dots",
    scores,
    lang=lang,
    x="score",
    y="element_label",
    color="actor_label",
    x_title=_render.t("collab.score"),
    y_title=_render.t("collab.element"),
    color_title=_render.t("collab.actor"),
    title=title,
    sources=list(dict.fromkeys(scores["source"])),
    notes=[_render.t("collab.scale")],
    wrap=(80, 130),
)
table = scores[["element_label", "actor_label", "score", "status", "source"]].rename(
    columns={
        "element_label": _render.t("collab.element"),
        "actor_label": _render.t("collab.actor"),
        "score": _render.t("collab.score"),
    }
)
_render.chart_panel(chart, table, f"kolaborasi_{year}")

st.subheader(_render.t("collab.spread"))
st.dataframe(
    gaps.assign(
        element=[i18n.label("element", e, lang) for e in gaps["element"]],
        high_actor=[i18n.label("actor", a, lang) for a in gaps["high_actor"]],
        low_actor=[i18n.label("actor", a, lang) for a in gaps["low_actor"]],
    )[["element", "high", "high_actor", "low", "low_actor", "spread"]].rename(
        columns={
            c: _render.t(f"collab.{c}")
            for c in ("high", "high_actor", "low", "low_actor", "spread")
        }
        | {"element": _render.t("collab.element")}
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(_render.t("collab.evidence"))
evidence_col = "evidence_en" if lang == "en" else "evidence_id"
for element in ELEMENTS:
    rows = scores[scores["element"] == element]
    if rows.empty:
        continue
    with st.expander(i18n.label("element", element, lang)):
        # Evidence may come from uploads: shown as plain text, never as Markdown or HTML.
        for text in dict.fromkeys(rows[evidence_col].dropna()):
            st.text(text)
