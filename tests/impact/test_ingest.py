"""Reading what offices produce: CSV from Excel on Indonesian Windows, XLSX, and junk.

Real-world variants must read correctly and say what was detected; files that are not a
table at all come back as one file-level issue, and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from impact import i18n
from impact.upload import checks, ingest, validation, views

TODAY = dt.date(2025, 6, 1)  # as in conftest: 2026 is the last year accepted

OBS = [
    "indikator",
    "wilayah",
    "sektor",
    "tahun",
    "nilai",
    "batas_bawah",
    "batas_atas",
    "status",
    "sumber",
    "catatan",
]
EN = ["indicator", "region", "sector", "year", "value", "status", "source"]
ROW = ["batik_workers", "blitar", "batik", "2024", "700", "", "", "reported", "Disperindag", ""]


def csv_text(*rows: list[str], delimiter: str = ",", newline: str = "\r\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def xlsx_bytes(
    *rows: list,
    formats: dict[str, str] | None = None,
    title: str = "Data",
    extra_sheets: dict[str, list[list]] | None = None,
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    for name, sheet_rows in (extra_sheets or {}).items():
        extra = book.create_sheet(name)
        for row in sheet_rows:
            extra.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("laporan.txt", "indikator,wilayah\nbatik_workers,blitar\n")
    return buffer.getvalue()


def read_and_validate(vocab, data: bytes, filename: str = "x.csv", **kw):
    grid = ingest.read_grid(data, filename, **kw)
    return grid, checks.check_grid(grid, vocab, today=TODAY)


# --- files that are not a readable table ---------------------------------------------------

HEADER_ONLY = csv_text(OBS).encode()
GOOD = csv_text(OBS, ROW).encode()

BAD_FILES = [
    pytest.param(b"", "kosong.csv", {}, [(None, None, "file-empty")], id="zero-bytes"),
    pytest.param(
        b"  \r\n\t\n \n", "spasi.csv", {}, [(None, None, "file-empty")], id="whitespace-only"
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "foto.csv",
        {},
        [(None, None, "file-not-table")],
        id="png-renamed-csv",
    ),
    pytest.param(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "laporan.csv",
        {},
        [(None, None, "file-not-table")],
        id="pdf-renamed-csv",
    ),
    pytest.param(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "lama.xls",
        {},
        [(None, None, "file-not-table")],
        id="legacy-xls",
    ),
    pytest.param(
        plain_zip(), "laporan.xlsx", {}, [(None, None, "file-not-table")], id="zip-not-a-workbook"
    ),
    pytest.param(
        b"indikator,wilayah\x00\x00\x01\x02",
        "biner.csv",
        {},
        [(None, None, "file-binary")],
        id="nul-bytes",
    ),
    pytest.param(
        GOOD,
        "besar.csv",
        {"max_bytes": 64},
        [(None, None, "file-too-large")],
        id="over-the-size-limit",
    ),
    pytest.param(HEADER_ONLY, "judul.csv", {}, [(1, None, "file-no-rows")], id="header-only"),
    pytest.param(
        HEADER_ONLY + b",,,,,,,,,\r\n\r\n",
        "judul.csv",
        {},
        [(1, None, "file-no-rows")],
        id="header-and-blank-rows",
    ),
    pytest.param(
        xlsx_bytes(["Laporan 2024"], OBS),
        "judul.xlsx",
        {},
        [(2, None, "file-no-rows")],
        id="xlsx-title-and-header-only",
    ),
    pytest.param(
        xlsx_bytes(OBS, ROW),
        "data.xlsx",
        {"sheet": "Lembar9"},
        [(None, None, "sheet-missing")],
        id="xlsx-sheet-missing",
    ),
    pytest.param(
        csv_text(["nama", "alamat"], ["Sari", "Blitar"]).encode(),
        "lain.csv",
        {},
        [(1, None, "dataset-unknown")],
        id="some-other-table",
    ),
]


@pytest.mark.parametrize(("data", "filename", "options", "expected"), BAD_FILES)
def test_a_file_that_is_not_a_table_is_refused_and_nothing_is_written(
    module_db, snapshot, assert_same, upload_like_the_app, data, filename, options, expected
) -> None:
    before = snapshot(module_db)
    checked = upload_like_the_app(module_db, data, filename, **options)
    assert [i.key() for i in checked.errors] == expected
    assert not checked.ok and checked.rows.empty
    assert_same(before, snapshot(module_db))
    for lang in ("id", "en"):
        assert all(views.issue_message(i, lang) for i in checked.issues)


def test_the_size_limit_says_how_large(vocab) -> None:
    grid = ingest.read_grid(b"x" * 3 * 2**20, "besar.csv", max_bytes=2 * 2**20)
    (issue,) = grid.issues
    assert (issue.code, issue.params) == ("file-too-large", {"size_mb": 3.0, "max_mb": 2.0})
    assert views.issue_message(issue, "en").startswith("The file is 3 MB, over the 2 MB limit.")
    assert views.issue_message(issue, "id").startswith("Berkas 3 MB melebihi batas 2 MB.")
    # exactly at the limit is allowed
    assert ingest.read_grid(GOOD, max_bytes=len(GOOD)).issues == []


def test_a_missing_sheet_lists_the_sheets_there_are() -> None:
    data = xlsx_bytes(OBS, ROW, extra_sheets={"Petunjuk": [["baca saya"]]})
    (issue,) = ingest.read_grid(data, "x.xlsx", sheet="Lembar9").issues
    assert (issue.value, issue.params) == ("Lembar9", {"sheets": ["Data", "Petunjuk"]})


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ingest.DEFAULT_MAX_BYTES),
        ({"BATIK_MAX_UPLOAD_MB": "5"}, 5 * 2**20),
        ({"BATIK_MAX_UPLOAD_MB": "0.5"}, 2**19),
        ({"BATIK_MAX_UPLOAD_MB": ""}, ingest.DEFAULT_MAX_BYTES),
    ],
)
def test_max_bytes_from_env(environ, expected) -> None:
    assert ingest.max_bytes_from_env(environ) == expected


# --- real-world variants that must read correctly ------------------------------------------

CP1252 = (
    "indikator;wilayah;sektor;tahun;nilai;batas_bawah;batas_atas;status;sumber;catatan\r\n"
    "batik_income_avg;kota_blitar;batik;2024;Rp1.250.000;;;dilaporkan;Disperindag ‘2024’;"
    "Catatan café – final\r\n"
    "batik_competitiveness;Kota Blitar;batik;2024;54,5%;50;60,5;estimasi;Survei;\r\n"
).encode("cp1252")

VARIANTS = [
    pytest.param(
        CP1252,
        "laporan.csv",
        {
            "format": "csv",
            "encoding": "cp1252",
            "delimiter": ";",
            "decimal": ",",
            "header_row": 1,
            "title_rows": 0,
        },
        [
            (
                2,
                "batik_income_avg",
                "kota_blitar",
                "batik",
                2024,
                1250000.0,
                None,
                None,
                "reported",
                "Disperindag ‘2024’",
                "Catatan café – final",
            ),
            (
                3,
                "batik_competitiveness",
                "kota_blitar",
                "batik",
                2024,
                54.5,
                50.0,
                60.5,
                "estimated",
                "Survei",
                None,
            ),
        ],
        id="windows-1252-semicolon-decimal-comma",
    ),
    pytest.param(
        ("\ufeff" + csv_text(OBS, ROW)).encode("utf-8"),
        "bom.csv",
        {
            "format": "csv",
            "encoding": "utf-8-sig",
            "delimiter": ",",
            "decimal": ".",
            "header_row": 1,
            "title_rows": 0,
        },
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="utf-8-bom",
    ),
    pytest.param(
        csv_text(OBS, ROW, newline="\n").encode("utf-8"),
        "unix.csv",
        {"format": "csv", "encoding": "utf-8", "delimiter": ",", "header_row": 1},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="utf-8-lf",
    ),
    pytest.param(
        csv_text(OBS, ROW).encode("utf-16"),
        "unicode.csv",
        {"format": "csv", "encoding": "utf-16", "delimiter": ",", "header_row": 1},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="utf-16-unicode-text",
    ),
    pytest.param(
        xlsx_bytes(
            OBS,
            ["batik_workers", "blitar", "batik", 2024, 700, None, None, "reported", "src"],
            ["batik_competitiveness", "blitar", "batik", 2024, 0.545, 0.5, 0.6, "reported", "src"],
            ["batik_income_avg", "blitar", "batik", 2024, 1250000.5, None, None, "reported", "src"],
            formats={"E3": "0.0%", "F3": "0%", "G3": "0.00%", "E4": "#,##0.00"},
        ),
        "data.xlsx",
        {
            "format": "xlsx",
            "encoding": None,
            "delimiter": None,
            "sheet": "Data",
            "sheets": ["Data"],
            "decimal": ".",
            "header_row": 1,
            "title_rows": 0,
        },
        [
            (2, "batik_workers", "blitar", "batik", 2024, 700.0),
            (3, "batik_competitiveness", "blitar", "batik", 2024, 54.5, 50.0, 60.0),
            (4, "batik_income_avg", "blitar", "batik", 2024, 1250000.5),
        ],
        id="xlsx-numbers-and-percent-format",
    ),
    pytest.param(
        xlsx_bytes(
            ["Laporan Dinas Perindustrian 2024"],
            OBS,
            ["batik_workers", "blitar", "batik", 2024, 700, None, None, "reported", "src"],
        ),
        "judul.xlsx",
        {"format": "xlsx", "header_row": 2, "title_rows": 1},
        [(3, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="xlsx-one-title-row",
    ),
    pytest.param(
        xlsx_bytes(
            ["Laporan Dinas Perindustrian"],
            ["Tahun anggaran 2024"],
            [],
            OBS,
            ["batik_workers", "blitar", "batik", 2024, 700, None, None, "reported", "src"],
        ),
        "judul2.xlsx",
        {"format": "xlsx", "header_row": 4, "title_rows": 2},
        [(5, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="xlsx-two-title-rows-and-a-blank",
    ),
    pytest.param(
        ("Laporan 2024\r\n" + csv_text(OBS, ROW)).encode(),
        "judul.csv",
        {"format": "csv", "delimiter": ",", "header_row": 2, "title_rows": 1},
        [(3, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="csv-title-row",
    ),
    pytest.param(
        csv_text(
            EN,
            ["batik_workers", "blitar", "batik", "2024", "700", "reported", "BPS"],
            delimiter="\t",
        ).encode(),
        "tab.txt",
        {"format": "csv", "delimiter": "\t", "header_row": 1},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0, None, None, "reported", "BPS")],
        id="tab-delimited-english-headers",
    ),
    pytest.param(
        csv_text([*OBS, "", ""], [*ROW, "", ""], [""] * 12, [""] * 12, [], []).encode(),
        "kosong_di_akhir.csv",
        {"format": "csv", "header_row": 1},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="csv-blank-trailing-rows-and-columns",
    ),
    pytest.param(
        xlsx_bytes(
            OBS,
            ROW[:4] + [700] + ROW[5:],
            [None] * 12,
            [None, None, None, " "],
            [None] * 14 + [" "],
        ),
        "kosong_di_akhir.xlsx",
        {"format": "xlsx", "header_row": 1},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0)],
        id="xlsx-blank-trailing-rows-and-columns",
    ),
    pytest.param(
        csv_text(
            EN,
            [
                "Tenaga kerja industri batik",
                "Kota Blitar",
                "Batik",
                "2024",
                "700",
                "dilaporkan",
                "BPS",
            ],
            [
                "Batik product competitiveness score",
                "Blitar Regency",
                "batik",
                "2024",
                "80",
                "Estimate",
                "BPS",
            ],
        ).encode(),
        "nama.csv",
        {"format": "csv", "dataset": "observations"},
        [
            (2, "batik_workers", "kota_blitar", "batik", 2024, 700.0, None, None, "reported"),
            (
                3,
                "batik_competitiveness",
                "kab_blitar",
                "batik",
                2024,
                80.0,
                None,
                None,
                "estimated",
            ),
        ],
        id="names-instead-of-codes",
    ),
    pytest.param(
        csv_text(
            ["Indikator ", "WILAYAH", "Sektor", "Tahun", "Nilai", "Status", "Sumber"],
            ["batik_workers", "blitar", "batik", "2024.0", "700", "RESMI", "x"],
        ).encode(),
        "kapital.csv",
        {"format": "csv", "dataset": "observations"},
        [(2, "batik_workers", "blitar", "batik", 2024, 700.0, None, None, "reported")],
        id="headers-in-other-case-and-year-as-2024.0",
    ),
    pytest.param(
        csv_text(OBS, [*ROW[:9], 'baris satu\nbaris dua; "kutip"']).encode(),
        "baris.csv",
        {"format": "csv", "header_row": 1},
        [
            (
                2,
                "batik_workers",
                "blitar",
                "batik",
                2024,
                700.0,
                None,
                None,
                "reported",
                "Disperindag",
                'baris satu\nbaris dua; "kutip"',
            )
        ],
        id="a-note-with-a-line-break-and-quotes",
    ),
]

COLUMNS = [
    "_row",
    "indicator",
    "region",
    "sector",
    "year",
    "value",
    "low",
    "high",
    "status",
    "source",
    "note",
]


def _none(value):
    return None if value != value else value  # NaN -> None


@pytest.mark.parametrize(("data", "filename", "detection", "expected"), VARIANTS)
def test_real_world_variants_read_correctly(vocab, data, filename, detection, expected) -> None:
    grid, checked = read_and_validate(vocab, data, filename)
    assert [(i.key(), i.level) for i in checked.issues] == []
    assert checked.ok
    found = {name: getattr(grid.detection, name) for name in detection}
    assert found == detection
    assert (grid.detection.sha256, grid.detection.size) == (
        hashlib.sha256(data).hexdigest(),
        len(data),
    )
    rows = [
        tuple(_none(r[c]) for c in COLUMNS[: len(e)])
        for r, e in zip(checked.rows.to_dict("records"), expected, strict=False)
    ]
    assert rows == expected
    assert len(checked.rows) == len(expected)


def test_the_windows_1252_file_cannot_be_read_as_utf8() -> None:
    # The fixture really needs the fallback: ‘ ’ and – are bytes 0x91 0x92 0x96 in cp1252.
    with pytest.raises(UnicodeDecodeError):
        CP1252.decode("utf-8")
    assert {b"\x91", b"\x92", b"\x96"} <= {bytes([b]) for b in CP1252}


def test_blank_trailing_columns_and_rows_are_dropped() -> None:
    data = csv_text([*OBS, "", ""], [*ROW, "", ""], [""] * 12, [], [""] * 3).encode()
    grid = ingest.read_grid(data, "x.csv")
    assert (grid.headers, grid.row_numbers, len(grid.rows[0])) == (OBS, [2], len(OBS))


def test_blank_rows_between_data_keep_the_spreadsheet_numbers() -> None:
    data = csv_text(OBS, ROW, [""] * 10, [*ROW[:3], "2023", *ROW[4:]]).encode()
    assert ingest.read_grid(data, "x.csv").row_numbers == [2, 4]


def test_a_second_sheet_can_be_chosen(vocab) -> None:
    guide = [["Petunjuk pengisian"], ["Isi lembar Data"]]
    data = xlsx_bytes(
        OBS,
        ROW[:4] + [700] + ROW[5:],
        title="Data",
        extra_sheets={"Tahun lalu": [OBS, ROW[:3] + [2023, 650] + ROW[5:]]},
    )
    grid = ingest.read_grid(data, "x.xlsx", sheet="Tahun lalu")
    assert (grid.detection.sheet, grid.detection.sheets) == ("Tahun lalu", ["Data", "Tahun lalu"])
    assert checks.check_grid(grid, vocab, today=TODAY).rows["year"].tolist() == [2023]
    first = ingest.read_grid(xlsx_bytes(*guide, extra_sheets={"Data": [OBS, ROW]}), "x.xlsx")
    assert (first.detection.sheet, first.detection.dataset) == ("Data", None)  # the first sheet


def test_a_point_decimal_semicolon_file_is_read_by_its_cells(vocab) -> None:
    level = ["batik_income_avg", *ROW[1:]]  # a count (batik_workers) refuses fractions
    data = csv_text(
        OBS,
        [*level[:4], "54.5", *level[5:]],
        [*level[:3], "2023", "3.25", *level[5:]],
        delimiter=";",
    ).encode()
    grid, checked = read_and_validate(vocab, data)
    assert (grid.detection.delimiter, grid.detection.decimal) == (";", ".")
    assert checked.rows["value"].tolist() == [54.5, 3.25]


# --- fuzzing: arbitrary bytes --------------------------------------------------------------

PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x89PNG",
    b"indikator,wilayah,sektor,tahun,nilai,status,sumber\n",
    b"indikator;wilayah;sektor;tahun;nilai;status;sumber\r\n",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=600), st.sampled_from(["x.csv", "x.xlsx"]))
def test_fuzz_arbitrary_bytes_never_raise(vocab, prefix, body, filename) -> None:
    check_bytes(vocab, prefix + body, filename)


def check_bytes(vocab, data: bytes, filename: str = "x.csv") -> None:
    grid, checked = read_and_validate(vocab, data, filename)
    assert isinstance(grid, ingest.Grid) and isinstance(checked, validation.Validated)
    assert len(grid.rows) == len(grid.row_numbers)
    for issue in checked.issues:
        assert f"issue.{issue.code}" in i18n.TEXTS, issue
        for lang in ("id", "en"):
            assert views.issue_message(issue, lang).strip(), (issue, lang)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfeA",
        b"\xff\xfe\x00\xd8",
        b"\xfe\xff\x00",
        b"\x1c",
        b"\x85",
        b'"',
        b'"a,b\n',
        b"a\x1cb",
        b"PK\x05\x06" + b"\x00" * 18,
        b"\r",
        b"\x00",
        "é".encode("utf-16")[:3],
    ],
)
def test_awkward_bytes_never_raise(vocab, data) -> None:
    check_bytes(vocab, data)


# --- issue 23: the reader past Python's csv reads a well-formed file exactly as csv does ---

CELL_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;\t"\r\n=é')), max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(CELL_TEXT, min_size=1, max_size=4), min_size=1, max_size=5),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\r\n", "\n"]),
)
def test_the_tokenizer_reads_what_csv_writes_as_csv_reads_it(rows, delimiter, ending) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows(rows)
    text = out.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    assert list(ingest._tokens(text, delimiter)) == expected
    assert list(ingest.csv_records(text, delimiter)) == expected
