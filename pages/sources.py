"""Sumber & Metodologi / Sources and method: every indicator's metadata and formula, every
figure with its status and source, filterable and downloadable (CSV, XLSX)."""

from __future__ import annotations

import streamlit as st

from impact import i18n
from impact.equity import SMALL_GROUP
from impact.figures import export, tables
from impact.store import STATUSES
from impact.upload import datasets
from pages import _current_data, _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("src.title"))
st.caption(_render.t("src.intro"))

st.header(_render.t("src.method"))
st.markdown(_render.t("src.method.text"))
st.markdown(_render.t("src.suppression", n=SMALL_GROUP))  # the rule of impact.equity.withhold

st.header(_render.t("src.indicators"))
registry = _data.registry(path, version)
st.dataframe(tables.indicators_table(registry, lang), hide_index=True, width="stretch")

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
else:
    sectors = _data.names(path, version, "sector", lang)
    shown = tables.observations_table(data, lang, regions, sectors, as_text=True)
    table = tables.observations_table(data, lang, regions, sectors, as_text=False)  # downloads
    st.dataframe(shown, hide_index=True, width="stretch")
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

# Each dataset's current rows as its upload template: edit in Excel, upload back.
st.header(_render.t("src.current"))
st.caption(_render.t("src.current.intro"))
for dataset_code, dataset in datasets.DATASETS.items():  # one per line: the labels are long
    # per-enterprise rows: a signed-in editor's only, else a sentence why (_current_data)
    _current_data.download_button(st, path, version, dataset, f"src_current_{dataset_code}")
