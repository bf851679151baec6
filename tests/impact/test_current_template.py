"""The current data as an XLSX template: drop-downs, text kept as text, and the round trip
(untouched: nothing to save; one edited cell: one value replaced)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from impact import store, upload
from impact.upload import changes, templates
from impact.upload.datasets import DATASETS
from tests import calc
from tests.calc import needs_calc
from tests.synthetic_data import load_synthetic


def _check(path: Path, data: bytes):
    vocab = changes.load_vocabulary(path)
    return upload.check(data, "data_saat_ini.xlsx", vocab).validated


@pytest.mark.parametrize(
    "code", ["observations", "obstacles", "collaboration", "programs", "enterprises"]
)
def test_an_untouched_download_changes_nothing(fresh_db: Path, code: str) -> None:
    if code == "enterprises":  # none seeded: synthetic records, uploaded as a planner would
        load_synthetic(fresh_db, enterprises=40)
    dataset = DATASETS[code]
    rows = store.row_count(fresh_db, dataset.table)
    assert rows > 0
    data = templates.current_xlsx(fresh_db, dataset, changes.load_vocabulary(fresh_db))
    checked = _check(fresh_db, data)
    assert not checked.errors, checked.errors[:3]
    previewed = changes.preview(fresh_db, checked)
    assert previewed.counts == {"insert": 0, "update": 0, "same": rows}


def test_one_edited_cell_replaces_one_value(fresh_db: Path) -> None:
    dataset = DATASETS["observations"]
    data = templates.current_xlsx(fresh_db, dataset, changes.load_vocabulary(fresh_db))
    book = load_workbook(io.BytesIO(data))
    sheet = book["data"]
    headers = [c.value for c in sheet[1]]
    column = {h: i + 1 for i, h in enumerate(headers)}
    row = next(
        r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=column["indikator"]).value == "batik_workers"
    )
    old = sheet.cell(row=row, column=column["nilai"]).value
    sheet.cell(row=row, column=column["nilai"]).value = old + 25  # 25 more workers
    key = [sheet.cell(row=row, column=column[h]).value for h in ("indikator", "tahun")]
    out = io.BytesIO()
    book.save(out)
    previewed = changes.preview(fresh_db, _check(fresh_db, out.getvalue()))
    assert (previewed.counts["insert"], previewed.counts["update"]) == (0, 1)
    replaced = previewed.replaced_table()
    assert replaced[["column", "old", "new"]].values.tolist() == [["value", old, old + 25]]
    assert replaced["key"].iloc[0].startswith(f"{key[0]} · ")
    assert replaced["key"].iloc[0].endswith(f" · {key[1]}")


def test_code_columns_offer_their_lists_and_text_stays_text(fresh_db: Path) -> None:
    with store.connect(fresh_db) as con:
        con.execute("UPDATE observation SET note = '=1+1' WHERE year = 2021")
    dataset = DATASETS["observations"]
    data = templates.current_xlsx(fresh_db, dataset, changes.load_vocabulary(fresh_db))
    book = load_workbook(io.BytesIO(data))
    sheet = book["data"]
    assert book[templates.LIST_SHEET].sheet_state == "hidden"
    ranges = {
        str(v.sqref).split(":")[0][0]: v.formula1 for v in sheet.data_validations.dataValidation
    }
    # indikator (A), wilayah (B), sektor (C), status (H), tanda (K) pick from their lists
    assert sorted(ranges) == ["A", "B", "C", "H", "K"]
    lists = book[templates.LIST_SHEET]
    statuses = [c.value for c in lists["D"][1:] if c.value]
    assert statuses == ["estimated", "illustrative", "reported"]
    notes = [c for c in sheet["J"][1:] if c.value == "=1+1"]
    assert notes and all(c.data_type == "s" for c in notes)  # text, never a formula
    previewed = changes.preview(fresh_db, _check(fresh_db, data))
    assert previewed.counts["update"] == previewed.counts["insert"] == 0


def test_a_table_too_large_for_a_workbook_upload_is_refused(fresh_db: Path, monkeypatch) -> None:
    monkeypatch.setattr(templates, "CURRENT_MAX_ROWS", 3)
    with pytest.raises(templates.TooManyRowsError):
        templates.current_xlsx(
            fresh_db, DATASETS["observations"], changes.load_vocabulary(fresh_db)
        )


# --- issue 23, point 6: values with 16-17 significant digits survive the round trip ---


def _with_long_values(path: Path) -> dict[tuple, float]:
    """Every stored value of a non-count indicator (no bounds) times 3/7: 16-17
    significant digits, as an average or a share computed in Excel. Returns them by key."""
    with store.connect(path) as con:
        con.execute(
            """UPDATE observation SET value = value * 3 / 7
               WHERE low IS NULL AND high IS NULL
                 AND indicator IN (SELECT code FROM indicator WHERE kind <> 'count')"""
        )
        rows = con.execute(
            "SELECT indicator, region, sector, year, value FROM observation"
            " WHERE low IS NULL AND high IS NULL"
            " AND indicator IN (SELECT code FROM indicator WHERE kind <> 'count')"
        ).fetchall()
    long = {tuple(r[:4]): r[4] for r in rows if len(repr(r[4]).replace(".", "")) > 16}
    assert len(long) > 20, "the values need more digits than a spreadsheet keeps"
    return long


@needs_calc
def test_values_rounded_to_15_digits_by_a_spreadsheet_are_no_edit(fresh_db: Path, tmp_path) -> None:
    long = _with_long_values(fresh_db)
    rows = store.row_count(fresh_db, "observation")
    dataset = DATASETS["observations"]
    data = templates.current_xlsx(fresh_db, dataset, changes.load_vocabulary(fresh_db))
    nothing = {"insert": 0, "update": 0, "same": rows}
    assert changes.preview(fresh_db, _check(fresh_db, data)).counts == nothing
    # saved again by LibreOffice, which keeps 15 significant digits as Excel does
    resaved = calc.convert(data, "data_saat_ini.xlsx", "xlsx", tmp_path)
    sheet = load_workbook(io.BytesIO(resaved))["data"]
    numbers = [c.value for c in sheet["E"][1:] if isinstance(c.value, float)]
    assert set(long.values()) - set(numbers), "LibreOffice kept every digit: nothing tested"
    checked = _check(fresh_db, resaved)
    previewed = changes.preview(fresh_db, checked)
    assert previewed.counts == nothing
    # the commit agrees with the preview: nothing written, every digit stored stays
    upload_id = changes.commit(
        fresh_db, checked, previewed, editor="uji", filename="data_saat_ini.xlsx", sha256="0"
    )
    with store.connect(fresh_db) as con:
        counts = con.execute(
            "SELECT rows_added, rows_replaced FROM upload WHERE id = ?", [upload_id]
        ).fetchone()
        stored = {
            tuple(r[:4]): r[4]
            for r in con.execute(
                "SELECT indicator, region, sector, year, value FROM observation"
            ).fetchall()
        }
    assert counts == (0, 0)
    assert {k: stored[k] for k in long} == long


@pytest.mark.parametrize(
    ("typed", "action"),
    [
        (33.33333333333334, "same"),  # 16 digits, equal to 15: what a spreadsheet keeps
        (33.3333333333333, "same"),
        (33.3333333333334, "update"),  # the 15th digit moved: an edit
        (33.3333333333332, "update"),
        (33.33, "update"),
    ],
)
def test_a_change_visible_in_15_digits_is_a_change(fresh_db: Path, typed, action) -> None:
    with store.connect(fresh_db) as con:
        key = con.execute(
            "SELECT indicator, region, sector, year FROM observation"
            " WHERE indicator = 'batik_comp_brand' AND low IS NULL ORDER BY year LIMIT 1"
        ).fetchone()
        con.execute(
            "UPDATE observation SET value = 100.0 / 3"
            " WHERE indicator = ? AND region = ? AND sector = ? AND year = ?",
            list(key),
        )
    dataset = DATASETS["observations"]
    data = templates.current_xlsx(fresh_db, dataset, changes.load_vocabulary(fresh_db))
    book = load_workbook(io.BytesIO(data))
    sheet = book["data"]
    # written as a spreadsheet keeps it: 15 significant digits
    edited = [r for r in sheet.iter_rows(min_row=2) if r[4].value == 33.3333333333333]
    assert len(edited) == 1
    edited[0][4].value = typed
    out = io.BytesIO()
    book.save(out)
    previewed = changes.preview(fresh_db, _check(fresh_db, out.getvalue()))
    assert previewed.counts["update"] == (action == "update")
    if action == "update":
        replaced = previewed.replaced_table()
        assert replaced[["column", "old", "new"]].values.tolist() == [["value", 100.0 / 3, typed]]
