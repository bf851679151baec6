"""Downloads that are safe to open in Excel: uploaded formulas come back as text."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact import store
from impact.figures import export

FORMULAS = [
    "=1+1",
    "+62 812 3456",
    "-x",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://contoh.test","klik")',
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+62", "'+62"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Kota Blitar", "Kota Blitar"),
        ("1+1=2", "1+1=2"),  # only the first character matters
        (" =1", " =1"),
        ("", ""),
        (-5, -5),
        (1250000.5, 1250000.5),
        (None, None),
    ],
)
def test_neutralize(value, expected) -> None:
    assert export.neutralize(value) == expected


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "catatan": [*FORMULAS, "biasa"],
            "nilai": [-5.0, 0.0, 1.5, 54.5, 700.0, -1.0, 2.0, 3.0],
            "tahun": [2024] * 8,
        }
    )


def test_csv_download_keeps_formulas_as_text_and_numbers_as_numbers() -> None:
    data = export.to_csv_bytes(_frame())
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel on Windows
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert back["catatan"].tolist() == ["'" + f for f in FORMULAS] + ["biasa"]
    assert back["nilai"].tolist() == [-5.0, 0.0, 1.5, 54.5, 700.0, -1.0, 2.0, 3.0]
    assert back["tahun"].tolist() == [2024] * 8


def test_a_line_break_inside_a_cell_cannot_start_a_row_in_the_csv() -> None:
    # Excel ends a row at a lone CR too; unquoted, the formula after it would be a new cell.
    texts = ['catatan\r=HYPERLINK("http://contoh.test")', "baris\n@SUM(A1)", "a\r\n-1"]
    data = export.to_csv_bytes(pd.DataFrame({"catatan": texts, "nilai": [1, 2, 3]}))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["catatan", "nilai"], [texts[0], "1"], [texts[1], "2"], [texts[2], "3"]]
    assert data.endswith(b"\r\n")


def test_xlsx_download_has_no_formula_cells() -> None:
    sheet = load_workbook(io.BytesIO(export.to_xlsx_bytes(_frame(), sheet="data"))).active
    assert sheet.title == "data"
    rows = list(sheet.iter_rows(min_row=2))
    # (depending on openpyxl's XML backend a stored CR may read back as LF; text either way)
    assert [(r[0].data_type, r[0].value.replace("\r", "\n")) for r in rows] == (
        [("s", "'" + f.replace("\r", "\n")) for f in FORMULAS] + [("s", "biasa")]
    )
    assert [(r[1].data_type, r[1].value) for r in rows] == [
        ("n", v) for v in [-5, 0, 1.5, 54.5, 700, -1, 2, 3]
    ]


def test_a_formula_header_is_neutralized_too() -> None:
    frame = pd.DataFrame({"=kolom": ["a"]})
    assert export.to_csv_bytes(frame).decode("utf-8-sig").splitlines()[0] == "'=kolom"
    sheet = load_workbook(io.BytesIO(export.to_xlsx_bytes(frame))).active
    assert (sheet["A1"].data_type, sheet["A1"].value) == ("s", "'=kolom")


def test_an_uploaded_note_downloads_as_text(warm_db, upload_like_the_app) -> None:
    # from the file to the database to the download, the formula never becomes one
    note = '=HYPERLINK("http://contoh.test","klik")'
    data = (
        "indikator,wilayah,sektor,tahun,nilai,status,sumber,catatan\r\n"
        f'batik_workers,blitar,batik,2024,700,reported,@sumber,"{note.replace(chr(34), 2 * chr(34))}"\r\n'
    ).encode()
    assert upload_like_the_app(warm_db, data).ok
    stored = store.observations(warm_db, "batik_workers", "blitar", "batik")
    row = stored[stored["year"] == 2024]
    assert row[["source", "note"]].values.tolist() == [["@sumber", note]]  # stored as written
    back = pd.read_csv(io.BytesIO(export.to_csv_bytes(row)), encoding="utf-8-sig")
    assert back[["source", "note"]].values.tolist() == [["'@sumber", "'" + note]]
    sheet = load_workbook(io.BytesIO(export.to_xlsx_bytes(row))).active
    cells = {c.value: c for c in sheet[1]}
    values = [sheet.cell(2, cells[name].column) for name in ("source", "note")]
    assert [(c.data_type, c.value) for c in values] == [("s", "'@sumber"), ("s", "'" + note)]


# --- issue 13, point 6: what either separator, or a full-width sign, turns into a formula ---


@pytest.mark.parametrize(
    "value",
    [
        ";=1+1",  # an Indonesian-locale office suite splits on ';': the next cell is =1+1
        ",=1+1",
        'Survei; =HYPERLINK("http://x")',
        "a,\t+1",
        "a\t@SUM(A1)",
        "\uff1d1+1",  # full-width '='
        "\uff0b1",  # full-width '+'
        "\ufe6b1",  # small form '@'
    ],
)
def test_cells_a_separator_or_a_compatibility_form_would_make_a_formula_are_text(value) -> None:
    assert export.neutralize(value) == "'" + value


@pytest.mark.parametrize("value", ["Dinas Koperasi, Kab. Blitar", "1; 2; 3", "a - b", "x,y"])
def test_ordinary_text_with_separators_is_left_alone(value) -> None:
    assert export.neutralize(value) == value


def test_a_stored_control_character_cannot_break_the_xlsx_download() -> None:
    frame = pd.DataFrame({"sumber": ["Survei\x0bBPS", "ok\x00", "\x1b=1+1"], "n": [1, 2, 3]})
    sheet = load_workbook(io.BytesIO(export.to_xlsx_bytes(frame))).active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == [("Survei\ufffdBPS", 1), ("ok\ufffd", 2), ("\ufffd=1+1", 3)]
