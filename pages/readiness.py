"""Kelengkapan Data / Data readiness: for every section and figure, the years with reported,
estimated and illustrative figures, the years still missing, the office that usually holds
the figure and the template that fills it. What an editor uploads next, and the list a DPRD
commission asks for."""

from __future__ import annotations

import streamlit as st

from impact import readiness
from impact.upload import datasets, templates
from pages import _data, _render

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("readiness.title"))
st.caption(_render.t("readiness.intro"))

ready = _data.readiness(path, version, lang)
frame = ready.rows
st.info(
    _render.t(
        "readiness.summary",
        ready=ready.complete,
        total=len(frame),
        first=ready.first,
        last=ready.last,
    ),
    icon=":material/fact_check:",
)
columns = readiness.SHOWN
shown = frame.assign(
    section=[
        ", ".join(_render.t(f"deck.section.{s}") for s in c.split(",")) for c in frame["section"]
    ]
)
st.dataframe(
    shown[list(columns)].rename(columns={c: _render.t(f"readiness.col.{c}") for c in columns}),
    hide_index=True,
    width="stretch",
)

st.header(_render.t("readiness.templates"))
row = st.container(horizontal=True)
for code in dict.fromkeys(frame["table"]):
    row.download_button(
        readiness.template_file(code),
        templates.xlsx_bytes(datasets.DATASETS[code]),
        readiness.template_file(code),
        key=f"readiness_tpl_{code}",
        icon=":material/download:",
    )
