"""Wide tables in every shape a BPS or dinas publication prints, read exactly or asked about.

Each case is a table as an office suite writes it (a workbook with merged cells made with
openpyxl; a ';' CSV in Windows-1252 as Excel on Indonesian Windows saves it; the workbooks
converted by LibreOffice itself, headless, in an id-ID profile). Each gives either the exact
values stored (scale included) or the question the page asks (the issue code, on its row
and column) and the CLI refuses with.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from impact import store
from impact.upload import changes, ingest, units, views, wide, wideviews

SOURCE = "BPS Kota Blitar"


def _book(rows: list[list[object]], merges: list[str] = (), sheets: int = 1) -> bytes:
    """A workbook whose last sheet holds ``rows`` (earlier sheets: a cover page of text)."""
    book = Workbook()
    ws = book.active
    for number in range(sheets - 1):
        ws.title = f"Catatan {number + 1}"
        ws["A1"] = "Publikasi ini disusun oleh BPS Kota Blitar."
        ws = book.create_sheet()
    ws.title = "Tabel"
    for row in rows:
        ws.append(row)
    for merge in merges:
        ws.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(lines: list[str]) -> bytes:
    """As Excel on Indonesian Windows saves a table: ';', Windows-1252, CRLF."""
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


VALUE_ADDED = "Nilai tambah ekonomi kreatif"
WORKERS = "Tenaga kerja industri batik"

# A table that states no unit, asked about and then answered.
NO_UNIT = _book(
    [
        ["Tenaga Kerja Industri Batik Kota Blitar, 2022-2023"],
        ["Uraian", 2022, 2023],
        [WORKERS, 1010, 1055],
        [f"Sumber: {SOURCE}"],
    ]
)
# A year merged over Laki-laki / Perempuan / Jumlah, asked about and then answered.
BY_SEX = _book(
    [
        ["Tenaga Kerja Industri Batik Kota Blitar (orang)"],
        ["Uraian", 2022, None, None, 2023, None, None],
        [None, "Laki-laki", "Perempuan", "Jumlah", "Laki-laki", "Perempuan", "Jumlah"],
        [WORKERS, 400, 610, 1010, 420, 635, 1055],
        [f"Sumber: {SOURCE}"],
    ],
    merges=["B2:D2", "E2:G2", "A2:A3"],
)

# name -> (file bytes, file name, choices, expected)
# expected: {(indicator, region): [(year, value), ...]} or a list of (code, row, column).
CASES: dict[str, tuple] = {
    "unit-after-years": (
        _book(
            [
                ["PDRB Ekonomi Kreatif Batik Kota Blitar (juta rupiah), 2022-2023"],
                ["Uraian", 2022, 2023],
                [VALUE_ADDED, 1234.5, 1456],
                [f"Sumber: {SOURCE}"],
            ]
        ),
        "t.xlsx",
        {},
        {("ce_value_added", "kota_blitar"): [(2022, 1_234_500_000.0), (2023, 1_456_000_000.0)]},
    ),
    "english-title-and-region": (
        _book(
            [
                ["Creative Economy of Batik in Blitar Municipality (million rupiahs), 2022-2023"],
                ["Item", 2022, 2023],
                ["Creative economy value added", 12.5, 13],
                [f"Sumber/Source: {SOURCE}"],
            ]
        ),
        "t.xlsx",
        {},
        {("ce_value_added", "kota_blitar"): [(2022, 12_500_000.0), (2023, 13_000_000.0)]},
    ),
    "satuan-column-per-row": (
        _book(
            [
                ["Ekonomi Kreatif Batik Kota Blitar, 2022-2023"],
                ["Uraian", "Satuan", 2022, 2023],
                [VALUE_ADDED, "juta Rp", 12, 13],
                [WORKERS, "orang", 1010, 1055],
                [f"Sumber: {SOURCE}"],
            ]
        ),
        "t.xlsx",
        {},
        {
            ("ce_value_added", "kota_blitar"): [(2022, 12_000_000.0), (2023, 13_000_000.0)],
            ("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)],
        },
    ),
    "unit-in-row-label": (
        _csv(
            [
                "Ekonomi Kreatif Batik Kota Blitar, 2022-2023;;",
                "Uraian;2022;2023",
                f"{VALUE_ADDED} (juta Rp);12,5;13",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {("ce_value_added", "kota_blitar"): [(2022, 12_500_000.0), (2023, 13_000_000.0)]},
    ),
    "dalam-jutaan": (
        _csv(
            [
                "Nilai Tambah Batik Kota Blitar (dalam jutaan rupiah);;",
                "Uraian;2022;2023",
                f"{VALUE_ADDED};12;13",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {("ce_value_added", "kota_blitar"): [(2022, 12_000_000.0), (2023, 13_000_000.0)]},
    ),
    "satuan-rp-000": (
        _csv(
            [
                "Nilai Tambah Batik Kota Blitar;;",
                "Satuan: Rp 000;;",
                "Uraian;2022;2023",
                f"{VALUE_ADDED};12;13",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {("ce_value_added", "kota_blitar"): [(2022, 12_000.0), (2023, 13_000.0)]},
    ),
    "english-thousand-persons": (
        _book(
            [
                ["Batik Industry Workers, Blitar Regency, 2022-2023"],
                ["Unit: thousand persons"],
                ["Item", 2022, 2023],
                ["Batik industry workers", 1.25, 1.5],
                ["Source: BPS-Statistics of Blitar Regency"],
            ]
        ),
        "t.xlsx",
        {},
        {("batik_workers", "kab_blitar"): [(2022, 1250.0), (2023, 1500.0)]},
    ),
    "no-unit-is-asked": (
        NO_UNIT,
        "t.xlsx",
        {},
        [("wide-unit-unknown", 3, "A")],
    ),
    "no-unit-answered": (
        NO_UNIT,
        "t.xlsx",
        {"units": {3: "ribu orang"}},
        {("batik_workers", "kota_blitar"): [(2022, 1_010_000.0), (2023, 1_055_000.0)]},
    ),
    "two-units-disagree": (
        _book(
            [
                ["Ekonomi Kreatif Batik Kota Blitar (juta rupiah), 2022-2023"],
                ["Uraian", 2022, 2023],
                [f"{VALUE_ADDED} (ribu Rp)", 12, 13],
                [f"Sumber: {SOURCE}"],
            ]
        ),
        "t.xlsx",
        {},
        [("wide-unit-conflict", 3, "A")],
    ),
    "rupiah-into-a-count": (
        _book(
            [
                ["Tenaga Kerja Industri Batik Kota Blitar (juta rupiah), 2022-2023"],
                ["Uraian", 2022, 2023],
                [WORKERS, 1010, 1055],
                [f"Sumber: {SOURCE}"],
            ]
        ),
        "t.xlsx",
        {},
        [("wide-unit-mismatch", 3, "A")],
    ),
    "kota-kabupaten-column-groups": (
        _book(
            [
                ["Tenaga Kerja Industri Batik (orang), 2022-2023"],
                [None, "Kota Blitar", None, "Kabupaten Blitar", None],
                ["Uraian", 2022, 2023, 2022, 2023],
                [WORKERS, 1010, 1055, 1240, 1320],
                [f"Sumber: {SOURCE}"],
            ],
            merges=["B2:C2", "D2:E2", "A2:A3"],
        ),
        "t.xlsx",
        {},
        {
            ("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)],
            ("batik_workers", "kab_blitar"): [(2022, 1240.0), (2023, 1320.0)],
        },
    ),
    "kota-kabupaten-row-groups": (
        _csv(
            [
                "Tenaga Kerja Industri Batik (orang), 2022-2023;;",
                "Uraian;2022;2023",
                "Kota Blitar;;",
                f"{WORKERS};1.010;1.055",
                "Kabupaten Blitar;;",
                f"{WORKERS};1.240;1.320",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {
            ("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)],
            ("batik_workers", "kab_blitar"): [(2022, 1240.0), (2023, 1320.0)],
        },
    ),
    "regions-as-rows": (
        _csv(
            [
                "Tenaga Kerja Industri Batik menurut Kabupaten/Kota (orang);;",
                "Kabupaten/Kota;2022;2023",
                "Kota Blitar;1.010;1.055",
                "Kabupaten Blitar;1.240;1.320",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {
            ("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)],
            ("batik_workers", "kab_blitar"): [(2022, 1240.0), (2023, 1320.0)],
        },
    ),
    "sex-under-a-merged-year-is-asked": (
        BY_SEX,
        "t.xlsx",
        {},
        [
            ("wide-part-unchosen", 2, "B (2022 · Laki-laki)"),
            ("wide-part-unchosen", 2, "C (2022 · Perempuan)"),
            ("wide-part-unchosen", 2, "D (2022 · Jumlah)"),
        ],
    ),
    "sex-under-a-merged-year-answered": (
        BY_SEX,
        "t.xlsx",
        {"parts": {"Jumlah": wide.WHOLE, "Laki-laki": wide.SKIP, "Perempuan": wide.SKIP}},
        {("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)]},
    ),
    "year-headers-planners-write": (
        _csv(
            [
                "Tenaga Kerja Industri Batik Kota Blitar (orang);;;;;",
                "Uraian;Tahun 2021;2021/22;2023;2024 (Jan-Jun);Semester I 2024",
                f"{WORKERS};980;990;1.055;1.100;1.090",
                f"Sumber: {SOURCE};;;;;",
            ]
        ),
        "t.csv",
        {},
        {("batik_workers", "kota_blitar"): [(2021, 980.0), (2023, 1055.0)]},
    ),
    "unit-under-each-year": (
        _csv(
            [
                "Tenaga Kerja Industri Batik Kota Blitar;;",
                "Uraian;2022;2023",
                ";(orang);(orang)",
                f"{WORKERS};1.010;1.055",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        {("batik_workers", "kota_blitar"): [(2022, 1010.0), (2023, 1055.0)]},
    ),
    "bare-blitar-names-no-region": (
        _csv(
            [
                "Tenaga Kerja Industri Batik Blitar (orang);;",
                "Uraian;2022;2023",
                f"{WORKERS};1.010;1.055",
                f"Sumber: {SOURCE};;",
            ]
        ),
        "t.csv",
        {},
        [("wide-region-missing", 2, None)],
    ),
}


def _check(data: bytes, name: str, vocab, choices: dict):
    grid = ingest.read_grid(data, name)
    layout = wide.detect(grid, vocab)
    assert layout is not None, grid.issues
    return layout, wide.check(layout, wide.Choices(sector="batik", **choices), vocab)


def _stored(path: Path, indicator: str, region: str) -> list[tuple]:
    obs = store.observations(path, indicator, region, "batik")
    return [(int(r.year), float(r.value)) for r in obs.itertuples() if r.source.startswith("BPS")]


@pytest.mark.parametrize("case", list(CASES))
def test_every_shape_is_stored_exactly_or_asked_about(fresh_db: Path, vocab, case) -> None:
    data, name, choices, expected = CASES[case]
    _, checked = _check(data, name, vocab, choices)
    if isinstance(expected, list):  # a question: nothing can be saved until it is answered
        assert [(i.code, i.row, i.column) for i in checked.errors] == expected
        assert not checked.ok
        for issue in checked.errors:  # every question says what to do, in both languages
            assert views.issue_message(issue, "id") and views.issue_message(issue, "en")
        return
    assert not checked.errors, checked.errors
    previewed = changes.preview(fresh_db, checked)
    changes.commit(fresh_db, checked, previewed, editor="sari", filename=name, sha256="x")
    for (indicator, region), values in expected.items():
        assert _stored(fresh_db, indicator, region) == values


def test_part_and_fiscal_years_are_named_never_dropped_silently(vocab) -> None:
    data, name, choices, _ = CASES["year-headers-planners-write"]
    layout, checked = _check(data, name, vocab, choices)
    assert [(i.code, i.column) for i in checked.issues if "column" in i.code] == [
        ("wide-column-fiscal", "C (2021/22)"),
        ("wide-column-part", "E (2024 (Jan-Jun))"),
        ("wide-column-part", "F (Semester I 2024)"),
    ]
    read = wideviews.columns_table(layout, "id").iloc[:, -1].tolist()
    assert read == ["ya", "tidak: tahun anggaran/ajaran, bukan tahun kalender"] + [
        "ya",
        "tidak: bagian tahun, bukan setahun penuh",
        "tidak: bagian tahun, bukan setahun penuh",
    ]


def test_the_bilingual_source_line_keeps_its_text(vocab) -> None:
    data, name, choices, _ = CASES["english-title-and-region"]
    layout, _ = _check(data, name, vocab, choices)
    assert layout.source == SOURCE


def test_a_table_on_the_second_sheet_is_named(vocab) -> None:
    data = _book(
        [
            ["Tenaga Kerja Industri Batik Kota Blitar (orang)"],
            ["Uraian", 2022, 2023],
            [WORKERS, 1010, 1055],
            [f"Sumber: {SOURCE}"],
        ],
        sheets=2,
    )
    first = ingest.read_grid(data, "t.xlsx")
    assert [(i.code, i.value) for i in first.issues] == [("data-on-other-sheet", "Tabel")]
    assert "'Tabel'" in views.issue_message(first.issues[0], "id")
    layout = wide.detect(ingest.read_grid(data, "t.xlsx", sheet="Tabel"), vocab)
    assert layout is not None and layout.rows[0].indicator == "batik_workers"


def test_the_plan_says_where_each_unit_and_region_came_from(vocab) -> None:
    data, name, choices, _ = CASES["satuan-column-per-row"]
    layout, _ = _check(data, name, vocab, choices)
    rows = wideviews.rows_table(layout, {"kota_blitar": "Kota Blitar"}, wide.Choices(), "id", vocab)
    assert rows["Satuan (dari)"].tolist() == ["juta Rp (kolom Satuan)", "orang (kolom Satuan)"]
    assert rows["Ke satuan terdaftar"].tolist() == ["× 1.000.000", "× 1"]
    assert rows["Wilayah (dari)"].tolist() == ["Kota Blitar (judul)"] * 2
    data, name, choices, _ = CASES["kota-kabupaten-column-groups"]
    layout, _ = _check(data, name, vocab, choices)
    names = {"kota_blitar": "Kota Blitar", "kab_blitar": "Kabupaten Blitar"}
    columns = wideviews.columns_table(layout, "en", wide.Choices(), names)
    assert columns["Group / breakdown"].tolist() == ["Kota Blitar"] * 2 + ["Kabupaten Blitar"] * 2


# --- the same tables as LibreOffice writes them -------------------------------------------


def _through_libreoffice(data: bytes, tmp_path: Path) -> bytes:
    """The workbook converted to CSV by LibreOffice Calc, headless, in an id-ID profile
    (';' between cells, UTF-8), as a planner's office suite saves it."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "tabel.xlsx"
    source.write_bytes(data)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1,,1057",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (tmp_path / "tabel.csv").read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_workbooks_saved_as_csv_by_libreoffice_read_the_same(
    fresh_db: Path, vocab, tmp_path: Path
) -> None:
    for case in ("kota-kabupaten-column-groups", "english-thousand-persons", "unit-after-years"):
        data, _, choices, expected = CASES[case]
        converted = _through_libreoffice(data, tmp_path / case)
        _, checked = _check(converted, "tabel.csv", vocab, choices)
        assert not checked.errors, (case, checked.errors)
        got = {}
        for row in checked.rows.itertuples():
            got.setdefault((row.indicator, row.region), []).append((int(row.year), row.value))
        assert got == expected, case


# --- the property: stored value x registered unit = cell value x the table's unit ---------


@settings(max_examples=60, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False),
    power=st.sampled_from([0, 3, 6, 9]),
)
def test_stored_value_times_registered_unit_is_the_cell_times_the_tables_unit(
    vocab, value: Decimal, power: int
) -> None:
    unit = units.scaled_text(power, "rupiah")
    text = f"{value:f}".replace(".", ",")
    data = _csv(
        [
            f"Nilai Tambah Batik Kota Blitar ({unit});;",
            "Uraian;2022;2023",
            f"{VALUE_ADDED};{text};1",
            f"Sumber: {SOURCE};;",
        ]
    )
    layout = wide.detect(ingest.read_grid(data, "t.csv"), vocab)
    assert layout is not None
    # '12,500' reads two ways in a file with no other evidence: the planner's mark is given.
    checked = wide.check(layout, wide.Choices(sector="batik"), vocab, decimal=",")
    assert not checked.errors, checked.errors
    stored = Decimal(repr(float(checked.rows["value"].iloc[0])))
    registered = units.parse(vocab.indicator_units["ce_value_added"])
    assert registered is not None and registered.power == 0  # 'Rp'
    assert stored == (value * Decimal(10) ** power).normalize() or float(stored) == float(
        value * Decimal(10) ** power
    )
