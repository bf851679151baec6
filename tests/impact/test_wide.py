"""Wide tables (years across the columns, BPS style) read, checked, previewed and stored.

Fixtures are written as an office suite writes them: a BPS table as published (UTF-8 CSV
with '…'), the same saved by Excel on Indonesian Windows (';', decimal comma, Windows-1252,
CRLF), and an XLSX made with openpyxl with merged title cells and a two-row header.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from impact import store
from impact.upload import changes, checks, ingest, validation, views, wide, wideviews

SOURCE = "BPS Kabupaten Blitar, Kabupaten Blitar Dalam Angka 2025"

BPS_CSV = (
    "Tabel 5.3.1 Tenaga Kerja dan Unit Usaha Industri Batik di Kabupaten Blitar, 2021-2024\n"
    "Uraian,2021,2022,2023*,2024**\n"
    "(1),(2),(3),(4),(5)\n"
    "Tenaga kerja industri batik,1150,1240,1320,…\n"
    "Unit usaha ekonomi kreatif,410,-,455r,470\n"
    "Jumlah perajin binaan,35,40,x,52\n"
    '"Catatan: * angka sementara, ** angka sangat sementara, r angka perbaikan",,,,\n'
    f'"Sumber: {SOURCE}",,,,\n'
).encode()

# Excel on Indonesian Windows: ';' between cells, decimal comma, cp1252 ('…' is 0x85), CRLF,
# a unit line, and a share with decimals.
EXCEL_CSV = (
    "Pangsa Pekerja Muda Ekonomi Kreatif Kabupaten Blitar, Sektor Batik;;;\r\n"
    "Satuan: persen;;;\r\n"
    "Uraian;2022;2023*;2024**\r\n"
    "Pangsa pekerja muda (15-30 tahun);41,5;43,25;…\r\n"
    "Sumber: BPS Kabupaten Blitar;;;\r\n"
).encode("cp1252")


def _xlsx() -> bytes:
    """A workbook as a dinas saves it: a merged title over the table, a two-row header
    ('Uraian' | 'Tahun' merged over the years), years as numbers and one as text with '*'."""
    book = Workbook()
    ws = book.active
    ws.title = "Tabel 2.1"
    ws["A1"] = "Tenaga Kerja Industri Batik Kota Blitar, 2021-2023 (orang)"
    ws.merge_cells("A1:D1")
    ws["A3"], ws["B3"] = "Uraian", "Tahun"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:D3")
    ws["B4"], ws["C4"], ws["D4"] = 2021, 2022, "2023*"
    ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "1. Tenaga Kerja Industri Batik", 980, 1010, 1055
    ws["A7"] = "Sumber: Disperindag Kota Blitar"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _layout(data: bytes, vocab: validation.Vocabulary, name: str = "t.csv") -> wide.Layout:
    grid = ingest.read_grid(data, name)
    layout = wide.detect(grid, vocab)
    assert layout is not None, grid.issues
    return layout


def _stored(path: Path, indicator: str, region: str) -> list[tuple]:
    obs = store.observations(path, indicator, region, "batik")
    return [
        (int(r.year), float(r.value), r.mark if isinstance(r.mark, str) else None, r.source)
        for r in obs.itertuples()
    ]


def _save(path: Path, checked: validation.Validated) -> changes.Preview:
    previewed = changes.preview(path, checked)
    changes.commit(path, checked, previewed, editor="sari", filename="t", sha256="x")
    return previewed


@pytest.mark.parametrize(
    ("data", "name", "choices", "expected", "notes"),
    [
        pytest.param(
            BPS_CSV,
            "tabel_5_3_1.csv",
            {6: wide.SKIP},
            {
                ("batik_workers", "kab_blitar"): [
                    (2021, 1150.0, None, SOURCE),
                    (2022, 1240.0, None, SOURCE),
                    (2023, 1320.0, "provisional", SOURCE),
                ],
                ("ce_enterprises", "kab_blitar"): [
                    (2021, 410.0, None, SOURCE),
                    (2023, 455.0, "revised", SOURCE),
                    (2024, 470.0, "very_provisional", SOURCE),
                ],
            },
            [(4, "E (2024**)", "wide-not-available"), (5, "C (2022)", "wide-nil")],
            id="bps-as-published",
        ),
        pytest.param(
            EXCEL_CSV,
            "pangsa.csv",
            {},
            {
                ("ce_young_share", "kab_blitar"): [
                    (2022, 41.5, None, "BPS Kabupaten Blitar"),
                    (2023, 43.25, "provisional", "BPS Kabupaten Blitar"),
                ]
            },
            [(4, "D (2024**)", "wide-not-available")],
            id="excel-indonesian-windows",
        ),
        pytest.param(
            _xlsx(),
            "tabel.xlsx",
            {},
            {
                ("batik_workers", "kota_blitar"): [
                    (2021, 980.0, None, "Disperindag Kota Blitar"),
                    (2022, 1010.0, None, "Disperindag Kota Blitar"),
                    (2023, 1055.0, "provisional", "Disperindag Kota Blitar"),
                ]
            },
            [],
            id="xlsx-merged-title-two-row-header",
        ),
    ],
)
def test_wide_files_store_exact_values_and_marks(
    fresh_db: Path, vocab, data, name, choices, expected, notes
) -> None:
    layout = _layout(data, vocab, name)
    checked = wide.check(layout, wide.Choices(indicators=choices, scale=0), vocab)
    assert not checked.errors, checked.errors
    assert [(i.row, i.column, i.code) for i in checked.issues] == notes
    _save(fresh_db, checked)
    for (indicator, region), rows in expected.items():
        stored = [r for r in _stored(fresh_db, indicator, region) if r[3] == rows[0][3]]
        assert stored == rows


def test_what_the_text_around_the_table_gave(vocab) -> None:
    layout = _layout(BPS_CSV, vocab)
    assert layout.title.startswith("Tabel 5.3.1") and layout.title.endswith("2021-2024")
    assert (layout.source, layout.region, layout.sector) == (SOURCE, "kab_blitar", "batik")
    assert [(c.letter, c.year, c.mark) for c in layout.columns] == [
        ("B", 2021, None),
        ("C", 2022, None),
        ("D", 2023, "provisional"),
        ("E", 2024, "very_provisional"),
    ]
    assert [(r.row, r.indicator, r.matched) for r in layout.rows] == [
        (4, "batik_workers", "name"),
        (5, "ce_enterprises", "name"),
        (6, None, ""),
    ]
    assert [(row, reason) for row, _, reason in layout.skipped] == [
        (3, "wide.reason.column-numbers"),
        (7, "wide.reason.footnote"),
        (8, "wide.reason.source"),
    ]
    excel = _layout(EXCEL_CSV, vocab)
    assert (excel.unit, excel.detection.encoding, excel.detection.delimiter) == (
        "persen",
        "cp1252",
        ";",
    )
    xlsx = _layout(_xlsx(), vocab, "t.xlsx")
    assert (xlsx.header_row, xlsx.unit, xlsx.region) == (4, "orang", "kota_blitar")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("batik_workers", ("batik_workers", "code")),
        ("Tenaga kerja industri batik", ("batik_workers", "name")),
        ("  TENAGA KERJA   Industri-Batik ", ("batik_workers", "name")),
        ("Batik industry workers", ("batik_workers", "name")),  # English
        ("3. Tenaga kerja industri batik (orang)", ("batik_workers", "name")),
        ("Jumlah perajin binaan", (None, "")),
    ],
)
def test_labels_match_the_registry_by_name_in_either_language(vocab, label, expected) -> None:
    assert wide.match_label(label, vocab, wide.indicator_index(vocab)) == expected


def test_a_label_that_matches_nothing_is_asked_about_not_fatal(vocab) -> None:
    layout = _layout(BPS_CSV, vocab)
    unasked = wide.check(layout, wide.Choices(scale=0), vocab)
    assert [(i.row, i.column, i.code, i.value) for i in unasked.errors] == [
        (6, "A", "wide-label-unknown", "Jumlah perajin binaan")
    ]
    chosen = wide.check(layout, wide.Choices(indicators={6: "batik_workers"}, scale=0), vocab)
    # Two rows now name the same indicator: the checker's duplicate, on the sheet's cells.
    assert ("duplicate-row", 6, "B (2021)", 4) in [
        (i.code, i.row, i.column, i.params.get("first")) for i in chosen.errors
    ]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # A value that is no number: named by sheet row and the year column it sits in.
        ((b"1240,1320", b"1240,13x0"), [(4, "D (2023*)", "not-a-number")]),
        ((b"Sumber: ", b"Catatan: "), [(2, None, "wide-source-missing")]),
        ((b"di Kabupaten Blitar", b"di Jawa"), [(2, None, "wide-region-missing")]),
        ((b"Industri Batik", b"Industri"), [(2, None, "wide-sector-missing")]),
        ((b"2022,2023*", b"2022,2022"), [(2, "D (2022)", "wide-year-repeated")]),
    ],
)
def test_bad_wide_files_name_row_and_column(vocab, edit, expected) -> None:
    data = BPS_CSV.replace(*edit)
    layout = _layout(data, vocab)
    checked = wide.check(layout, wide.Choices(indicators={6: wide.SKIP}, scale=0), vocab)
    assert [(i.row, i.column, i.code) for i in checked.errors] == expected
    assert not checked.ok  # nothing can be previewed or saved


@pytest.mark.parametrize(
    ("unit", "registry", "expected", "warned"),
    [
        ("juta rupiah", "Rp", [1_234_500_000.0, 1_456_000_000.0], True),
        ("miliar rupiah", "Rp", [1_234_500_000_000.0, 1_456_000_000_000.0], True),
        ("Rp", "Rp", [1_234.5, 1_456.0], False),
    ],
)
def test_a_table_in_juta_rupiah_is_stored_in_the_registrys_rupiah(
    vocab, unit, registry, expected, warned
) -> None:
    data = (
        f"Nilai Tambah Ekonomi Kreatif Kabupaten Blitar Sektor Batik ({unit});;\r\n"
        "Uraian;2022;2023*\r\n"
        "Nilai tambah ekonomi kreatif;1.234,5;1.456\r\n"
        "Sumber: BPS;;\r\n"
    ).encode()
    layout = _layout(data, vocab)
    vocab.indicator_units["ce_value_added"] = registry
    checked = wide.check(layout, wide.Choices(), vocab)
    assert not checked.errors
    assert checked.rows["value"].tolist() == expected
    assert checked.rows["mark"].fillna("").tolist() == ["", "provisional"]
    scaled = [i for i in checked.issues if i.code == "wide-unit-scaled"]
    assert [(i.row, i.column) for i in scaled] == ([(3, "A")] if warned else [])
    if warned:
        message = views.issue_message(scaled[0], "id")
        assert unit in message and "Rp" in message and "1.000" in message


def test_rupiah_into_a_count_is_refused_naming_row_column_and_unit(vocab) -> None:
    data = (
        b"Unit Usaha Ekonomi Kreatif Kabupaten Blitar Sektor Batik (juta rupiah);;\r\n"
        b"Uraian;2022;2023\r\n"
        b"Unit usaha ekonomi kreatif;1.234,5;1.456\r\n"
        b"Sumber: BPS;;\r\n"
    )
    checked = wide.check(_layout(data, vocab), wide.Choices(), vocab)
    assert [(i.code, i.row, i.column, i.value) for i in checked.errors] == [
        ("wide-unit-mismatch", 3, "A", "juta rupiah")
    ]
    assert "unit usaha" in views.issue_message(checked.errors[0], "id")


def test_the_final_figure_replaces_the_provisional_one_through_the_preview(fresh_db, vocab) -> None:
    layout = _layout(BPS_CSV, vocab)
    _save(fresh_db, wide.check(layout, wide.Choices(indicators={6: wide.SKIP}, scale=0), vocab))
    final = BPS_CSV.replace(b"2023*", b"2023").replace(b",1320,", b",1335,")
    checked = wide.check(
        _layout(final, vocab), wide.Choices(indicators={6: wide.SKIP}, scale=0), vocab
    )
    previewed = changes.preview(fresh_db, checked)
    # The preview as the planner reads it: old -> new, the mark in words.
    shown = views.replaced_table(previewed, "id")
    mine = shown[shown["Kunci"] == "batik_workers · kab_blitar · batik · 2023"]
    assert sorted(zip(mine["Kolom"], mine["Lama"], mine["Baru"], strict=True)) == [
        ("nilai", "1.320", "1.335"),
        ("tanda", "angka sementara", ""),
    ]
    assert mine["Baris"].tolist() == [4004, 4004]  # the long row: sheet row 4, column D
    named = views.replaced_table(previewed, "id", ingest.cell_name)
    assert "D4" in named["Baris"].tolist()
    same = views.rows_table(previewed, "same", "en", ingest.cell_name).iloc[:, 0].tolist()
    assert same == ["B4", "C4", "B5", "D5", "E5"]  # unchanged cells, in sheet order
    changes.commit(fresh_db, checked, previewed, editor="sari", filename="final", sha256="y")
    assert (2023, 1335.0, None, SOURCE) in _stored(fresh_db, "batik_workers", "kab_blitar")
    assert len(changes.history(fresh_db)) == 2


def test_a_long_file_without_a_mark_column_clears_the_mark(fresh_db, vocab) -> None:
    layout = _layout(BPS_CSV, vocab)
    _save(fresh_db, wide.check(layout, wide.Choices(indicators={6: wide.SKIP}, scale=0), vocab))
    long = (
        "indikator,wilayah,sektor,tahun,nilai,status,sumber\n"
        f'batik_workers,kab_blitar,batik,2023,1320,reported,"{SOURCE}"\n'
    ).encode()
    checked = checks.check_grid(ingest.read_grid(long, "l.csv"), vocab)
    _save(fresh_db, checked)
    assert (2023, 1320.0, None, SOURCE) in _stored(fresh_db, "batik_workers", "kab_blitar")


def test_a_long_file_is_not_a_wide_one(vocab) -> None:
    long = b"indikator,wilayah,sektor,tahun,nilai,status,sumber\nbatik_workers,blitar,batik,2023,1,reported,x\n"
    assert wide.detect(ingest.read_grid(long, "l.csv"), vocab) is None
    # A long file missing a column, with a value that looks like a year, stays a long file.
    short = b"indikator,wilayah,sektor,tahun,nilai,status\nbatik_workers,blitar,batik,2023,2050,reported\n"
    assert wide.detect(ingest.read_grid(short, "s.csv"), vocab) is None
    # A wide table whose first line is its year header is read, not refused as data.
    headless = b"Uraian,2022,2023\nTenaga kerja industri batik,1,2\n"
    grid = ingest.read_grid(headless, "w.csv")
    assert not grid.issues and wide.detect(grid, vocab) is not None


def test_the_plan_tables_speak_both_languages(vocab) -> None:
    layout = _layout(BPS_CSV, vocab)
    choices = wide.Choices(indicators={6: wide.SKIP}, scale=0)
    names = {"batik_workers": "Tenaga kerja industri batik", "kab_blitar": "Kabupaten Blitar"}
    for lang, skipped, mark in (
        ("id", "dilewati", "angka sementara"),
        ("en", "skipped", "provisional figure"),
    ):
        rows = wideviews.rows_table(layout, names, choices, lang, vocab)
        assert rows.iloc[:, 2].tolist()[0] == "Tenaga kerja industri batik (batik_workers)"
        assert rows.iloc[:, 2].tolist()[2] == skipped
        assert wideviews.columns_table(layout, lang).iloc[2, 3] == mark
        about = wideviews.about_table(layout, choices, names, lang)
        assert "Kabupaten Blitar" in about[" "].tolist() and SOURCE in about[" "].tolist()


def test_a_wide_upload_keeps_the_note_of_a_row_it_replaces(fresh_db, vocab) -> None:
    with store.connect(fresh_db) as con:
        con.execute(
            "INSERT OR REPLACE INTO observation VALUES ('batik_workers', 'kab_blitar', 'batik',"
            " 2022, 1200, NULL, NULL, 'estimated', 'Disperindag', 'Survei cepat', NULL)"
        )
    layout = _layout(BPS_CSV, vocab)
    _save(fresh_db, wide.check(layout, wide.Choices(indicators={6: wide.SKIP}, scale=0), vocab))
    row = store.observations(fresh_db, "batik_workers", "kab_blitar", "batik")
    row = row[row["year"] == 2022].iloc[0]
    assert (row["value"], row["status"], row["source"], row["note"]) == (
        1240.0,
        "reported",
        SOURCE,
        "Survei cepat",
    )


def test_every_problem_at_once_while_a_row_is_still_to_be_chosen(vocab) -> None:
    layout = _layout(BPS_CSV.replace(b"1240,1320", b"1240,13x0"), vocab)
    checked = wide.check(layout, wide.Choices(scale=0), vocab)
    assert [(i.row, i.column, i.code) for i in checked.errors] == [
        (4, "D (2023*)", "not-a-number"),
        (6, "A", "wide-label-unknown"),
    ]
    assert (layout.detection.header_row, layout.detection.title_rows) == (2, 1)
