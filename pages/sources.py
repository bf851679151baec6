"""Sumber & Metodologi / Sources and method: every indicator's metadata and formula, every
figure with its status and source, filterable and downloadable (CSV, XLSX)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import export, i18n
from impact.store import STATUSES
from pages import _ui

lang = _ui.lang()
path, version = _ui.db()
st.title(_ui.t("src.title"))
st.caption(_ui.t("src.intro"))

st.header(_ui.t("src.method"))
st.markdown(_ui.t("src.method.text"))

st.header(_ui.t("src.indicators"))
registry = _ui.registry(path, version)
st.dataframe(
    pd.DataFrame(
        {
            _ui.t("col.code"): [i.code for i in registry.values()],
            _ui.t("col.name"): [i.name(lang) for i in registry.values()],
            _ui.t("col.definition"): [i.definition(lang) for i in registry.values()],
            _ui.t("col.formula"): [i.formula or "" for i in registry.values()],
            _ui.t("col.unit"): [i.unit for i in registry.values()],
            _ui.t("col.kind"): [i18n.label("kind", i.kind, lang) for i in registry.values()],
            _ui.t("col.frequency"): [i.frequency for i in registry.values()],
            _ui.t("col.agency"): [i.agency for i in registry.values()],
        }
    ),
    hide_index=True, width="stretch",
)  # fmt: skip

st.header(_ui.t("src.data"))
regions = _ui.names(path, version, "region", lang)
all_label = {"all": _ui.t("filter.all")}
f1, f2, f3 = st.columns(3)
with f1:
    code = _ui.url_choice("indikator", _ui.t("filter.indicator"), ["all", *registry],
                          all_label | {c: i.name(lang) for c, i in registry.items()})  # fmt: skip
with f2:
    region = _ui.url_choice(
        "wilayah", _ui.t("filter.region"), ["all", *regions], all_label | regions
    )
with f3:
    status = _ui.url_choice("status", _ui.t("filter.status"), ["all", *STATUSES],
                            all_label | {s: i18n.label("status", s, lang) for s in STATUSES})  # fmt: skip
data = _ui.all_observations(
    path, version, *(None if v == "all" else v for v in (code, region, status))
)
if data.empty:
    st.info(_ui.t("empty.series"))
    st.stop()
table = pd.DataFrame(
    {
        _ui.t("col.code"): data["indicator"],
        _ui.t("col.name"): data["name_en" if lang == "en" else "name_id"],
        _ui.t("col.region"): [regions.get(r, r) for r in data["region"]],
        _ui.t("col.sector"): data["sector"],
        _ui.t("table.year"): data["year"].astype(int),
        _ui.t("table.value"): data["value"],
        _ui.t("col.low"): data["low"],
        _ui.t("col.high"): data["high"],
        _ui.t("col.unit"): data["unit"],
        _ui.t("table.status"): [i18n.label("status", s, lang) for s in data["status"]],
        _ui.t("table.source"): data["source"],
        _ui.t("table.note"): data["note"].fillna(""),
    }
)
st.dataframe(
    table, hide_index=True, width="stretch",
    column_config={c: st.column_config.NumberColumn(format="localized")
                   for c in (_ui.t("table.value"), _ui.t("col.low"), _ui.t("col.high"))}
    | {_ui.t("table.year"): st.column_config.NumberColumn(format="%d")},
)  # fmt: skip
name = "data_batik_blitar" + "".join(f"_{v}" for v in (code, region, status) if v != "all")
left, right = st.columns(2)
left.download_button(_ui.t("download.csv"), export.to_csv_bytes(table), f"{name}.csv", "text/csv",
                     icon=":material/table:")  # fmt: skip
right.download_button(_ui.t("download.xlsx"), lambda: export.to_xlsx_bytes(table), f"{name}.xlsx",
                      icon=":material/table:")  # fmt: skip
