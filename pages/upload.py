"""Unggah Data / Upload: sign in, read and check the whole file, preview, then save at once."""

from __future__ import annotations

import io
import zipfile

import streamlit as st

from impact import deck, store, upload
from impact.figures import export
from impact.upload import datasets, ingest, templates, views
from pages import _current_data, _data, _render, _signin, _upload_state, _wide_ui

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("upload.title"))
st.caption(_render.t("upload.intro"))

if saved := st.session_state.pop("upload_saved", None):
    st.success(_render.t("upload.saved", **saved["message"]))
    # One step to the hearing pack with the new figures chosen (the deck page checks them).
    st.page_link(
        "pages/deck.py",
        label=_render.t("upload.to_deck"),
        icon=":material/slideshow:",
        query_params=saved["deck"] | {"lang": lang},
    )

editor = _signin.signed_in_editor()
if not editor:
    st.stop()
if gone := st.session_state.pop(_upload_state.GONE, None):  # see _upload_state.check_again
    st.warning(_render.t(gone))

with st.expander(_render.t("upload.templates")):
    for code, dataset in datasets.DATASETS.items():
        name = _render.t(f"dataset.{code}")
        st.markdown(f"**{name}**")
        st.dataframe(templates.guide_frame(dataset), hide_index=True, width="stretch")
        left, middle, right = st.columns(3)
        left.download_button(
            _render.t("upload.template_csv", name=name),
            templates.csv_bytes(dataset),
            f"templat_{code}.csv",
            "text/csv",
            key=f"tpl_csv_{code}",
        )
        middle.download_button(
            _render.t("upload.template_xlsx", name=name),
            templates.xlsx_bytes(dataset),
            f"templat_{code}.xlsx",
            key=f"tpl_xlsx_{code}",
        )
        # The current rows, to edit and upload back; built only when clicked.
        _current_data.download_button(right, path, version, dataset, f"current_xlsx_{code}")

labels = {"auto": _render.t("upload.dataset_auto")} | {
    c: _render.t(f"dataset.{c}") for c in datasets.DATASETS
}
dataset_code = st.selectbox(_render.t("upload.dataset"), list(labels), format_func=labels.get)
max_bytes = ingest.max_bytes_from_env()
nonce = st.session_state.setdefault("upload_nonce", 0)  # a new key clears the uploader after a save
cell_bytes = min(max_bytes, ingest.CELL_BY_CELL_MAX_BYTES)  # XLSX and other CSVs
limits = {"max_mb": _render.count(max_bytes / 2**20), "cell_mb": _render.count(cell_bytes / 2**20)}
# Streamlit writes its own "400MB per file" (max_upload_size, in English) under the drop zone:
# not our limit, which the label gives in her language. Its button says "Upload" in English
# (Streamlit 1.67 has no parameter for it): our word replaces it. Constant CSS from the
# catalogue, no file content.
st.html(_render.uploader_css(_render.t("upload.choose_file")))
file = st.file_uploader(
    _render.t("upload.file" if cell_bytes < max_bytes else "upload.file_one_limit", **limits),
    key=f"file_{nonce}",
    # Larger than ours, so that our own clear message explains a file that is too large; never
    # above the server's own cap, which would answer with a bare HTTP 413.
    max_upload_size=min(max(2 * max_bytes // 2**20, 50), st.get_option("server.maxUploadSize")),
)
if file is None:
    _upload_state.forget()  # a checked file's rows can be large (on disk: removed)
    st.session_state.pop("wide_layout", None)
    st.stop()

released = _upload_state.let_go_of(file)  # a large file: its bytes wait on disk
data = file.getvalue()  # empty once let go
sheet = None
if zipfile.is_zipfile(io.BytesIO(data)):  # a workbook: let the planner pick the sheet
    workbook_limit = min(max_bytes, ingest.CELL_BY_CELL_MAX_BYTES)  # read cell by cell
    first = upload.read(data, file.name, max_bytes=workbook_limit)
    sheets = first.detection.sheets
    # The first sheet holds no table but another does: that sheet is offered first, named.
    other = next((i.value for i in first.issues if i.code == "data-on-other-sheet"), None)
    if len(sheets) > 1:
        sheet = st.selectbox(
            _render.t("upload.sheet"), sheets, index=sheets.index(other) if other in sheets else 0
        )
chosen = None if dataset_code == "auto" else datasets.DATASETS[dataset_code]
# A wide table (years across the columns): shown as it will be read, what it does not say
# chosen on the page, then checked like any observations file.
found = _wide_ui.layout(data, file.file_id, file.name, chosen, sheet, path, version)
choices = _wide_ui.choose(found, file.file_id, path, version, lang) if found else None
# Checked once per file, choice and data version: the confirm button reruns this script, and
# a province's file takes seconds to check (its rows then wait on disk, its bytes let go).
# The decimal mark, once asked (below) about numbers written as text that read two ways.
decimal_key = f"decimal_{file.file_id}"
decimal = st.session_state.get(decimal_key)
check_key = (file.file_id, dataset_code, sheet, repr(choices), decimal)
result = _upload_state.kept_check(check_key, version, released)
if result is None:
    if released:
        data = _upload_state.bytes_of(file)
        if data is None:  # the page's copy was deleted under the server: choose it again
            _upload_state.choose_again(f"file_{nonce}")
    elif _upload_state.lets_go(data, found):  # Streamlit's copy goes before the check
        _upload_state.let_go(file, f"file_{nonce}", data)
        released = True
    vocabulary = _data.vocabulary(path, version)
    result = upload.check(
        data,
        file.name,
        vocabulary,
        chosen,
        sheet=sheet,
        max_bytes=max_bytes,
        layout=found,
        choices=choices,
        decimal=decimal,
    )
    _upload_state.keep_check(check_key, version, result, released)
row_name = result.row_name
del data  # this run's copy of a large file's bytes goes now
checked, detection = result.validated, result.detection

with st.expander(_render.t("upload.detected"), expanded=not checked.ok):
    st.dataframe(views.detection_table(detection, result.rows, lang), hide_index=True)

if decimal or any(i.code == "decimal-ask" for i in checked.issues):
    marks = {",": _render.t("upload.decimal_comma"), ".": _render.t("upload.decimal_point")}
    st.radio(_render.t("upload.decimal"), list(marks), None, format_func=marks.get, key=decimal_key)

if checked.issues:
    issues = views.issues_table(checked.issues, lang)
    unlisted = [i for i in checked.errors if i.code == "issues-unlisted"]  # a large file
    if unlisted:
        st.error(_render.t("upload.errors_many", rows=_render.count(unlisted[0].params["total"])))
    elif checked.errors:
        st.error(_render.t("upload.errors", count=_render.count(len(checked.errors))))
    else:
        st.warning(_render.t("upload.warnings", count=_render.count(len(checked.issues))))
    st.dataframe(issues, hide_index=True, width="stretch")
    st.download_button(
        _render.t("upload.issues_download"),
        export.to_csv_bytes(issues),
        f"masalah_{file.name}.csv",
        "text/csv",
    )
if not checked.ok:
    st.stop()

# Previewed once per checked file and data version, like the check above (the commit
# compares again inside its transaction, so a preview kept a moment too long cannot mislead).
preview_key = (check_key, version)
if st.session_state.get(_upload_state.PREVIEW, (None,))[0] != preview_key:
    try:
        st.session_state[_upload_state.PREVIEW] = (preview_key, upload.preview(path, checked))
    except upload.SpillGoneError:
        _upload_state.check_again(check_key, f"file_{nonce}")
preview = st.session_state[_upload_state.PREVIEW][1]
counts = preview.counts
st.header(_render.t("upload.preview"))
a, b, c = st.columns(3)
a.metric(_render.t("upload.added"), _render.count(counts["insert"]))
b.metric(_render.t("upload.replaced_rows"), _render.count(counts["update"]))
c.metric(_render.t("upload.unchanged"), _render.count(counts["same"]))
tabs = st.tabs(
    [_render.t("upload.added"), _render.t("upload.replaced"), _render.t("upload.unchanged")]
)
tables = (
    views.rows_table(preview, "insert", lang, row_name),
    views.replaced_table(preview, lang, row_name),
    views.rows_table(preview, "same", lang, row_name),
)
for tab, table in zip(tabs, tables, strict=True):
    if table.empty:  # Streamlit's empty table says "empty", in English
        tab.caption(_render.t("upload.no_rows"))
    else:
        tab.dataframe(table, hide_index=True)
for tab, action in zip(tabs, ("insert", "update", "same"), strict=True):
    if note := views.sample_note(preview, action, lang):  # a large file: first rows only
        tab.caption(note)

if counts["insert"] + counts["update"] == 0:
    st.info(_render.t("upload.nothing_new"))
    st.stop()
# A score written as a fraction (0,88 beside 0-100 values) is saved only once the editor
# confirms its row here: a warning read past would turn 88% into 0,88%.
confirmed = []
if doubtful := checked.to_confirm:
    st.warning(_render.t("upload.confirm_rows", count=_render.count(len(doubtful))))
    for issue in doubtful:
        label = _render.t("upload.confirm_row", row=row_name(issue.row), value=issue.value or "")
        if st.checkbox(label, key=f"confirm_{check_key}_{issue.row}"):
            confirmed.append(issue.row)
if st.button(_render.t("upload.confirm"), type="primary", disabled=len(confirmed) < len(doubtful)):
    try:
        upload_id = upload.commit(
            path,
            checked,
            preview,
            editor=editor,
            filename=file.name,
            sha256=detection.sha256,
            confirmed=confirmed,
        )
    except upload.UnconfirmedRowsError:  # the button is disabled until each is confirmed
        st.error(_render.t("upload.confirm_rows", count=_render.count(len(doubtful))))
    except upload.StalePreviewError:
        st.error(_render.t("upload.stale"))
    except store.DatabaseBusyError:
        st.error(_render.t("upload.busy"))
    except upload.SpillGoneError:  # $TMPDIR cleaned under the server: nothing was written
        _upload_state.check_again(check_key, f"file_{nonce}")
    else:
        st.session_state["upload_saved"] = {
            "message": {
                "id": upload_id,
                "added": _render.count(counts["insert"]),
                "replaced": _render.count(counts["update"]),
            },
            "deck": deck.params_after_upload(upload.distinct_rows(checked, ["year", "region"])),
        }
        st.session_state["upload_nonce"] = nonce + 1
        _upload_state.forget()  # the saved rows' spill file goes too
        # The new key drops the widget, but Streamlit would keep the saved file in memory
        # until the session ends, counting against this session's upload cap (impact.gate).
        _upload_state.remove_file(file)
        _data.refresh()
        st.rerun()
