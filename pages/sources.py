"""Sumber & Metodologi / Sources and method: every indicator's metadata and formula, every
figure with its status and source, filterable and downloadable (CSV, XLSX)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import i18n
from impact.figures import export
from impact.store import STATUSES
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("src.title"))
st.caption(_render.t("src.intro"))

st.header(_render.t("src.method"))
st.markdown(_render.t("src.method.text"))

st.header(_render.t("src.indicators"))
registry = _data.registry(path, version)
st.dataframe(
    pd.DataFrame(
        {
            _render.t("col.code"): [i.code for i in registry.values()],
            _render.t("col.name"): [i.name(lang) for i in registry.values()],
            _render.t("col.definition"): [i.definition(lang) for i in registry.values()],
            _render.t("col.formula"): [i.formula or "" for i in registry.values()],
            _render.t("col.unit"): [i.unit for i in registry.values()],
            _render.t("col.kind"): [i18n.label("kind", i.kind, lang) for i in registry.values()],
            _render.t("col.frequency"): [i.frequency for i in registry.values()],
            _render.t("col.agency"): [i.agency for i in registry.values()],
        }
    ),
    hide_index=True,
    width="stretch",
)

st.header(_render.t("src.data"))
regions = _data.names(path, version, "region", lang)
all_label = {"all": _render.t("filter.all")}
f1, f2, f3 = st.columns(3)
with f1:
    code = _widgets.url_choice(
        "indikator",
        _render.t("filter.indicator"),
        ["all", *registry],
        all_label | {c: i.name(lang) for c, i in registry.items()},
    )
with f2:
    region = _widgets.url_choice(
        "wilayah", _render.t("filter.region"), ["all", *regions], all_label | regions
    )
with f3:
    status = _widgets.url_choice(
        "status",
        _render.t("filter.status"),
        ["all", *STATUSES],
        all_label | {s: i18n.label("status", s, lang) for s in STATUSES},
    )
data = _data.all_observations(
    path, version, *(None if v == "all" else v for v in (code, region, status))
)
if data.empty:
    st.info(_render.t("empty.series"))
    st.stop()
table = pd.DataFrame(
    {
        _render.t("col.code"): data["indicator"],
        _render.t("col.name"): data["name_en" if lang == "en" else "name_id"],
        _render.t("col.region"): [regions.get(r, r) for r in data["region"]],
        _render.t("col.sector"): data["sector"],
        _render.t("table.year"): data["year"].astype(int),
        _render.t("table.value"): data["value"],
        _render.t("col.low"): data["low"],
        _render.t("col.high"): data["high"],
        _render.t("col.unit"): data["unit"],
        _render.t("table.status"): [i18n.label("status", s, lang) for s in data["status"]],
        _render.t("table.source"): data["source"],
        _render.t("table.note"): data["note"].fillna(""),
    }
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        c: st.column_config.NumberColumn(format="localized")
        for c in (_render.t("table.value"), _render.t("col.low"), _render.t("col.high"))
    }
    | {_render.t("table.year"): st.column_config.NumberColumn(format="%d")},
)
name = "data_batik_blitar" + "".join(f"_{v}" for v in (code, region, status) if v != "all")
left, right = st.columns(2)
left.download_button(
    _render.t("download.csv"),
    export.to_csv_bytes(table),
    f"{name}.csv",
    "text/csv",
    icon=":material/table:",
)
right.download_button(
    _render.t("download.xlsx"),
    lambda: export.to_xlsx_bytes(table),
    f"{name}.xlsx",
    icon=":material/table:",
)
