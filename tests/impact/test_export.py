"""Downloads that are safe to open in Excel: uploaded formulas come back as text."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact import store
from impact.figures import export
from tests import calc
from tests.calc import needs_calc

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
    assert back["catatan"].tolist() == [
        "'=1+1",
        "'+62 812 3456",
        "'-x",
        "'@SUM(A1)",
        "'\t'=1",  # the tab a suite may split at gets its own apostrophe after it
        "'\r'=1",
        '\'=HYPERLINK("http://contoh.test","klik")',
        "biasa",
    ]
    assert back["nilai"].tolist() == [-5.0, 0.0, 1.5, 54.5, 700.0, -1.0, 2.0, 3.0]
    assert back["tahun"].tolist() == [2024] * 8


def test_a_line_break_inside_a_cell_cannot_start_a_row_in_the_csv() -> None:
    # Excel ends a row at a lone CR too; the part after a line break is neutralized as the
    # start of a cell, and every field is quoted.
    texts = ['catatan\r=HYPERLINK("http://contoh.test")', "baris\n@SUM(A1)", "a\r\n-1"]
    data = export.to_csv_bytes(pd.DataFrame({"catatan": texts, "nilai": [1, 2, 3]}))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [
        ["catatan", "nilai"],
        ['catatan\r\'=HYPERLINK("http://contoh.test")', "1"],
        ["baris\n'@SUM(A1)", "2"],
        ["a\r\n'-1", "3"],
    ]
    assert data.decode("utf-8-sig").startswith('"catatan","nilai"\r\n"catatan\r')
    assert data.endswith(b'"3"\r\n')


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
    assert export.to_csv_bytes(frame).decode("utf-8-sig").splitlines()[0] == '"\'=kolom"'
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
    ("value", "expected"),
    [
        # an Indonesian-locale office suite splits on ';': the part after it is =1+1
        (";=1+1", ";'=1+1"),
        ("x;=1+1", "x;'=1+1"),
        (",=1+1", ",'=1+1"),
        ('Survei; =HYPERLINK("http://x")', 'Survei;\' =HYPERLINK("http://x")'),
        ("a,\t+1", "a,'\t'+1"),
        ("a\t@SUM(A1)", "a\t'@SUM(A1)"),
        ("\t=1+1", "'\t'=1+1"),  # the first part's apostrophe alone is split off with it
        ("catatan\n=1+1;", "catatan\n'=1+1;"),
        ('x;"=1+1', "x;'\"=1+1"),  # a quote the import may take as the field's own
        (" =1", "' =1"),  # spaces the import may trim
        ("=1+1;=2+2", "'=1+1;'=2+2"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width '='
        ("\uff0b1", "'\uff0b1"),  # full-width '+'
        ("x;\ufe6b1", "x;'\ufe6b1"),  # small form '@'
    ],
)
def test_every_part_a_separator_could_split_off_as_a_formula_is_text(value, expected) -> None:
    assert export.neutralize_csv(value) == expected


@pytest.mark.parametrize("value", ["Dinas Koperasi, Kab. Blitar", "1; 2; 3", "a - b", "x,y"])
def test_ordinary_text_with_separators_is_left_alone(value) -> None:
    assert export.neutralize_csv(value) == value
    assert export.neutralize(value) == value


def test_a_workbook_cell_is_never_split_so_only_its_start_is_neutralized() -> None:
    assert export.neutralize("x;=1+1") == "x;=1+1"
    assert export.neutralize("\uff1d1+1") == "'\uff1d1+1"


def test_a_stored_control_character_cannot_break_the_xlsx_download() -> None:
    frame = pd.DataFrame({"sumber": ["Survei\x0bBPS", "ok\x00", "\x1b=1+1"], "n": [1, 2, 3]})
    sheet = load_workbook(io.BytesIO(export.to_xlsx_bytes(frame))).active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == [("Survei\ufffdBPS", 1), ("ok\ufffd", 2), ("\ufffd=1+1", 3)]


# --- issue 23, point 7: inert in LibreOffice itself, formulas evaluated, any separator ---

HOSTILE = [
    "=1+1",
    ";=1+1",
    "x;=1+1",
    ",=1+1",
    "x,=1+1",
    "\t=1+1",
    "x\t=1+1",
    "catatan\n=1+1;",
    "a\r=1+1",
    "a\r\n=1+1",
    "\n\n=1+1",
    " =1+1",
    "x; =1+1",
    'x;"=1+1',
    'x;""=1+1"',
    '"=1+1',
    'a";=1+1',
    'a",=1+1',
    'a"\t=1+1',
    '";"=1+1;"',
    '",=1+1,"',
    ";;=1+1",
    "x;+1+1",
    "x,-1+1",
    "x\t@SUM(1+1)",
    "x;\uff1d1+1",
    '=HYPERLINK("http://contoh.test";"klik")',
]


@needs_calc
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_libreoffice_evaluating_formulas_finds_none_whatever_the_separator(
    tmp_path, separator: str
) -> None:
    frame = pd.DataFrame(
        {
            "catatan": HOSTILE,
            "nilai": [-5] * len(HOSTILE),
            ";=1+1": list(reversed(HOSTILE)),  # a hostile header too
        }
    )
    data = export.to_csv_bytes(frame)
    options = calc.csv_import_options(separator, evaluate_formulas=True)
    book = calc.convert(data, "unduhan.csv", "xlsx", tmp_path, infilter=options)
    formulas = load_workbook(io.BytesIO(book)).active
    cells = [c for row in formulas.iter_rows() for c in row if c.value is not None]
    assert len(cells) > len(HOSTILE)  # the import read the file
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = load_workbook(io.BytesIO(book), data_only=True).active
    assert [c.coordinate for row in values.iter_rows() for c in row if c.value == 2] == []
    if separator == ",":  # the separator the file is written with: every cell as written
        rows = list(values.iter_rows(values_only=True))
        assert rows[0] == ("catatan", "nilai", ";'=1+1")
        assert [r[0] for r in rows[1:]] == [
            export.neutralize_csv(h).replace("\r\n", "\n").replace("\r", "\n") for h in HOSTILE
        ]
        assert {r[1] for r in rows[1:]} == {-5}  # numbers stay numbers, quoted or not


@needs_calc
def test_the_libreoffice_check_sees_a_live_formula(tmp_path) -> None:
    # The check above can fail: an unneutralized cell is a formula giving 2.
    data = b'catatan\r\n"=1+1"\r\nx;=1+1\r\n'
    options = calc.csv_import_options(";", evaluate_formulas=True)
    book = calc.convert(data, "unduhan.csv", "xlsx", tmp_path, infilter=options)
    values = load_workbook(io.BytesIO(book), data_only=True).active
    cells = [c.value for row in values.iter_rows() for c in row if c.value is not None]
    assert cells == ["catatan", 2, "x", 2]
