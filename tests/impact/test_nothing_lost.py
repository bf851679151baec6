"""Issue 13, "nothing silently lost or changed": a file is refused, naming row and column,
rather than stored other than it says. Fixtures are bytes as an office suite writes them
(cp1252, ';', CRLF, XLSX from openpyxl); each case runs through both engines.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest

from impact import upload
from impact.upload import bulk, checks, ingest, validation, views
from impact.upload.datasets import DATASETS

TODAY = dt.date(2025, 6, 1)
HEADER = [c.header_id for c in DATASETS["enterprises"].columns]
BASE = "U{i},2024,kota_blitar,batik,micro,P,1000,2,3000,training,reported,Survei"
OBS_HEADER = [c.header_id for c in DATASETS["observations"].columns]


@pytest.fixture
def vocab(seeded_db: Path) -> validation.Vocabulary:
    return upload.load_vocabulary(seeded_db)


def enterprise(i: int, sep: str = ",", **cells: str) -> str:
    row = dict(zip(HEADER, BASE.format(i=i).split(","), strict=True)) | cells
    return sep.join(row[h] for h in HEADER)


def csv_of(*lines: str, sep: str = ",", nl: str = "\r\n", header=HEADER) -> bytes:
    return nl.join([sep.join(header), *lines, ""]).encode()


def python_path(data: bytes, vocab, filename: str = "x.csv") -> validation.Validated:
    return checks.check_grid(ingest.read_grid(data, filename), vocab, today=TODAY)


def bulk_path(data: bytes, vocab, monkeypatch) -> validation.Validated:
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    return upload.check(data, "x.csv", vocab, today=TODAY).validated


def both(data: bytes, vocab, monkeypatch) -> list[validation.Validated]:
    return [python_path(data, vocab), bulk_path(data, vocab, monkeypatch)]


def keys(checked: validation.Validated, level: str = "error") -> list[tuple]:
    return [i.key() for i in checked.issues if i.level == level]


# --- 1. an unclosed quote swallows the rows after it ----------------------------------------


def test_an_unclosed_quote_is_refused_naming_its_row(vocab, monkeypatch) -> None:
    rows = [enterprise(i) for i in range(1, 6)]
    rows[1] = enterprise(2, sumber='"Survei BPS, lihat catatan')  # the quote never closes
    data = csv_of(*rows)
    for checked in both(data, vocab, monkeypatch):
        assert not checked.ok
        assert (3, "sumber", "quote-unclosed") in keys(checked)
        assert checked.rows.empty


def test_a_quote_closed_many_rows_later_is_refused(vocab, monkeypatch) -> None:
    rows = [enterprise(i) for i in range(1, 30)]
    rows[3] = enterprise(4, sumber='"Survei')
    rows[20] = enterprise(21, sumber='Survei"')
    data = csv_of(*rows, sep=";").replace(b",", b";")
    for checked in both(data, vocab, monkeypatch):
        assert (5, "sumber", "quote-unclosed") in keys(checked)


def test_a_short_genuine_line_break_in_a_quoted_cell_is_still_accepted(vocab, monkeypatch):
    data = csv_of(enterprise(1, sumber='"Survei\r\nbaris kedua, Alt+Enter"'), enterprise(2))
    for checked in both(data, vocab, monkeypatch):
        assert checked.ok, checked.issues
        rows = checked.rows.frame() if isinstance(checked.rows, upload.Spill) else checked.rows
        assert rows["source"].tolist()[0] == "Survei\r\nbaris kedua, Alt+Enter"


# --- 2. cells right of the header or under a blank header ------------------------------------


def test_an_unquoted_comma_in_a_source_shifts_nothing_silently(vocab, monkeypatch) -> None:
    data = csv_of(enterprise(1), enterprise(2, sumber="Dinas Koperasi, Kab. Blitar"))
    for checked in both(data, vocab, monkeypatch):
        assert not checked.ok
        assert (3, "M", "cell-beyond-header") in keys(checked)  # 12 columns: M is the 13th


def test_a_cell_under_a_blank_header_is_an_error(vocab, monkeypatch) -> None:
    header = [*HEADER[:5], "", *HEADER[5:]]
    rows = [enterprise(i).replace(",micro,", ",micro,,", 1) for i in range(1, 4)]
    rows[1] = enterprise(2).replace(",micro,", ",micro,catatan penting,", 1)
    data = csv_of(*rows, header=header)
    for checked in both(data, vocab, monkeypatch):
        assert (3, "F", "cell-beyond-header") in keys(checked)
        assert not checked.ok


# --- 3. encodings -----------------------------------------------------------------------------


def test_utf8_with_one_stray_windows_byte_is_refused_naming_the_row(vocab, monkeypatch):
    text = csv_of(enterprise(1, sumber="Dinas Koperasi – Kab. Blitar"), enterprise(2))
    data = text.replace(b"Survei\r\n", "Survei café\r\n".encode("cp1252"), 1)
    assert data.count(b"\xe9") == 1
    for checked in both(data, vocab, monkeypatch):
        assert not checked.ok
        issue = next(i for i in checked.issues if i.code == "encoding-mixed")
        assert issue.key() == (3, "sumber", "encoding-mixed") and issue.value == "0xE9"


@pytest.mark.parametrize("head_bytes", [bulk.HEAD_BYTES, 400], ids=["in-the-head", "below-it"])
def test_mojibake_read_as_windows_1252_is_refused(vocab, monkeypatch, head_bytes) -> None:
    # UTF-8 once opened as Windows-1252 and saved again: '–' is 'â€“' on disk
    monkeypatch.setattr(bulk, "HEAD_BYTES", head_bytes)
    rows = [enterprise(i) for i in range(1, 20)]
    rows[9] = enterprise(10, sumber="Dinas Koperasi – Kab. Blitar")
    data = csv_of(*rows).decode("cp1252").encode("utf-8")
    for checked in both(data, vocab, monkeypatch):
        assert keys(checked) == [(11, "sumber", "encoding-mojibake")]
        assert not checked.ok


def test_a_plain_windows_1252_file_is_still_read(vocab) -> None:
    data = csv_of(enterprise(1, sumber="Dinas Koperasi – Kab. Blitar"), sep=",")
    checked = python_path(data.decode().encode("cp1252"), vocab)
    assert checked.ok and checked.rows["source"][0] == "Dinas Koperasi – Kab. Blitar"


# --- 4. thousands in counts -------------------------------------------------------------------


def obs(value: str, indicator: str = "batik_workers") -> str:
    return f"{indicator},blitar,batik,2024,{value},,,reported,BPS,"


def test_a_count_indicator_with_a_fraction_is_refused(vocab) -> None:
    data = csv_of(obs("1.5"), header=OBS_HEADER)
    checked = python_path(data, vocab)
    assert (2, "nilai", "not-whole") in keys(checked)


def test_a_count_written_with_a_thousands_point_is_refused_as_ambiguous(vocab) -> None:
    data = csv_of(
        obs("1.500"),
        obs("25", "batik_enterprises_active").replace("2024", "2023"),
        header=OBS_HEADER,
    )
    # no cell decides the mark, but workers cannot be 1.5: refused as ambiguous at the
    # guess, not asked (the only reading a count can have is 1500)
    checked = python_path(data, vocab)
    assert (2, "nilai", "thousands-ambiguous") in keys(checked)
    assert not checked.ok
    # the decimal point chosen: 1.5 workers, most likely fifteen hundred: still refused
    grid = ingest.read_grid(data, "x.csv")
    chosen = checks.check_grid(grid, vocab, today=TODAY, decimal=".")
    assert (2, "nilai", "thousands-ambiguous") in keys(chosen)
    assert not chosen.ok


def test_a_workers_cell_with_a_thousands_point_is_ambiguous_both_ways(vocab, monkeypatch):
    data = csv_of(enterprise(1, pekerja="1.500"), enterprise(2, pekerja="2.5"))
    for checked in both(data, vocab, monkeypatch):
        assert (2, "pekerja", "thousands-ambiguous") in keys(checked)
        assert (3, "pekerja", "not-whole") in keys(checked)


# --- 5. control characters --------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x0b", "\x00", "\x1b", "\x07"])
def test_control_characters_are_refused_naming_row_and_column(vocab, monkeypatch, char):
    data = csv_of(enterprise(1), enterprise(2, sumber=f"Survei{char}BPS"))
    checked_all = both(data, vocab, monkeypatch) if char != "\x00" else [python_path(data, vocab)]
    for checked in checked_all:
        assert (3, "sumber", "control-character") in keys(checked), checked.issues
        assert not checked.ok


def test_tabs_and_line_breaks_in_quoted_text_are_not_control_characters(vocab) -> None:
    data = csv_of(enterprise(1, sumber='"Survei\tBPS\r\nbaris 2"'))
    assert python_path(data, vocab).ok


# --- 8. the same cap on every path ------------------------------------------------------------


def test_the_python_path_lists_at_most_max_issues_rows_and_gives_the_total(vocab) -> None:
    rows = [enterprise(1)] * (validation.MAX_ISSUES + 50)
    checked = python_path(csv_of(*rows), vocab)
    listed = {i.row for i in checked.issues if i.code == "duplicate-row"}
    assert len(listed) == validation.MAX_ISSUES
    unlisted = next(i for i in checked.issues if i.code == "issues-unlisted")
    assert unlisted.params == {"listed": validation.MAX_ISSUES, "total": validation.MAX_ISSUES + 49}


def test_the_cap_gives_the_same_answer_both_ways(vocab, monkeypatch) -> None:
    monkeypatch.setattr(validation, "MAX_ISSUES", 5)
    rows = [enterprise(i, pekerja="x") for i in range(20)]
    py, bk = both(csv_of(*rows), vocab, monkeypatch)
    assert keys(py) == keys(bk)
    assert [i.params for i in py.issues if i.code == "issues-unlisted"] == [
        {"listed": 5, "total": 20}
    ]


# --- 7. refusals that say what is wrong -------------------------------------------------------


def test_a_cell_over_the_csv_field_limit_is_named(vocab) -> None:
    data = csv_of(enterprise(1), enterprise(2, sumber="x" * 140_000))
    checked = python_path(data, vocab)
    assert [i.code for i in checked.errors] == ["text-too-long"]
    assert checked.errors[0].key() == (3, "sumber", "text-too-long")


def test_a_binary_file_is_not_a_table(vocab) -> None:
    data = bytes(range(1, 256)) * 20  # no NUL byte: it used to be read as Windows-1252
    checked = python_path(data, vocab, "x.csv")
    assert [i.code for i in checked.errors] == ["file-binary"]


def test_a_file_without_a_header_row_says_so(vocab) -> None:
    data = "\r\n".join(enterprise(i) for i in range(1, 4)).encode()
    checked = python_path(data, vocab)
    assert "header-not-found" in {i.code for i in checked.errors}


def test_a_workbook_with_the_data_on_the_second_sheet_says_which(vocab) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Petunjuk"
    book.active["A1"] = "Isi lembar Data"
    data_sheet = book.create_sheet("Data")
    data_sheet.append(HEADER)
    data_sheet.append(BASE.format(i=1).split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    checked = python_path(buffer.getvalue(), vocab, "x.xlsx")
    issue = next(i for i in checked.errors if i.code == "data-on-other-sheet")
    assert issue.value == "Data"


def test_a_large_file_with_a_stray_quote_names_the_quote(vocab, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    monkeypatch.setattr(ingest, "CELL_BY_CELL_MAX_BYTES", 2000)
    rows = [enterprise(i) for i in range(1, 60)]
    rows[40] = enterprise(41, sumber='"Survei')
    checked = upload.check(csv_of(*rows), "x.csv", vocab, today=TODAY).validated
    assert [i.key() for i in checked.errors] == [(42, "sumber", "quote-unclosed")]


# --- issue 23, point 6 and 8: text as written; refusals that say what is really wrong ----


def _stored(checked: validation.Validated) -> list[str]:
    rows = checked.rows
    frame = rows.frame() if isinstance(rows, upload.Spill) else rows
    return frame.sort_values("_row")["source"].tolist()


@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize(
    ("written", "stored"),
    [
        # a hand-typed cell LibreOffice and Excel may write unquoted: its quotes are its text
        ('"Pameran" di Jakarta', '"Pameran" di Jakarta'),
        ('"Pameran" "Batik" 2024', '"Pameran" "Batik" 2024'),
        # the same text in a properly quoted field
        ('"""Pameran"" di Jakarta"', '"Pameran" di Jakarta'),
        ('Pameran "Batik" 2024', 'Pameran "Batik" 2024'),
        ('"Pameran ""Batik"""', 'Pameran "Batik"'),
    ],
)
def test_quotes_inside_a_cell_are_stored_as_written(vocab, monkeypatch, sep, written, stored):
    rows = [enterprise(i, sep=sep) for i in range(1, 6)]
    rows[2] = enterprise(3, sep=sep, sumber=written)
    data = csv_of(*rows, sep=sep)
    small = upload.check(data, "x.csv", vocab, today=TODAY).validated
    for checked in (small, bulk_path(data, vocab, monkeypatch)):
        assert checked.ok, checked.issues
        assert _stored(checked) == ["Survei", "Survei", stored, "Survei", "Survei"]


def test_a_file_too_large_for_a_grid_names_a_cell_duckdb_cannot_read_as_written(
    vocab, monkeypatch
) -> None:
    # Stored as written when the file is read here; DuckDB's reader (the only one for a file
    # this large) refuses such a cell, so the refusal names it, not "save as CSV UTF-8" alone.
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    monkeypatch.setattr(ingest, "CELL_BY_CELL_MAX_BYTES", 500)
    rows = [enterprise(i) for i in range(1, 40)]
    rows[5] = enterprise(6, sumber='"Pameran" di Jakarta')
    checked = upload.check(csv_of(*rows), "x.csv", vocab, today=TODAY).validated
    assert [(*i.key(), i.value) for i in checked.errors] == [
        (7, "sumber", "quote-inside-cell", '"Pameran" di Jakarta')
    ]
    assert '"Pameran" di Jakarta' in views.issue_message(checked.errors[0], "id")


def test_a_quote_ending_inside_a_cell_splits_it_where_libreoffice_does(vocab) -> None:
    # '"Survei, BPS" 2024': the quote does not end the cell, so the comma does, as in Calc;
    # the extra cell is named rather than the text stored without its quotes.
    rows = [enterprise(i) for i in range(1, 4)]
    rows[1] = enterprise(2, sumber='"Survei, BPS" 2024')
    checked = upload.check(csv_of(*rows), "x.csv", vocab, today=TODAY).validated
    assert keys(checked) == [(3, "M", "cell-beyond-header")]


def _binary() -> bytes:
    """~3 KB of bytes as a compressed image holds them, without control bytes (which gave
    it away before) and with one line feed after 2.9 KB."""
    rng = random.Random(23)
    noise = bytes(b for b in rng.randbytes(8000) if b >= 32)
    return noise[:2900] + b"\n" + noise[2900:3000]


def test_a_binary_file_renamed_csv_is_told_so_naming_no_garbage(vocab, monkeypatch) -> None:
    data = _binary()
    small = upload.check(data, "foto.csv", vocab, today=TODAY).validated
    monkeypatch.setattr(ingest, "CELL_BY_CELL_MAX_BYTES", 1000)  # read by scan_csv alone
    large = upload.check(data, "foto.csv", vocab, today=TODAY).validated
    for checked in (small, large):
        assert [(i.code, i.row, i.column, i.value) for i in checked.errors] == [
            ("file-binary", None, None, None)
        ]
        words = views.issue_message(checked.errors[0], "id")
        assert "biner" in words and "CSV" in words and len(words) < 300


def test_a_windows_1252_table_is_still_text(vocab) -> None:
    rows = [
        enterprise(i, sep=";", sumber="Survei Dinas Koperasi – Kabupaten Blitar é")
        for i in range(1, 4)
    ]
    data = csv_of(*rows, sep=";").decode().encode("cp1252")
    checked = upload.check(data, "x.csv", vocab, today=TODAY).validated
    assert checked.ok, checked.issues


def _long_note(size: int) -> str:
    """A long note typed with Alt+Enter: paragraphs of prose, some of them with as many
    commas as a row has cells (the old scan called such a cell an unclosed quote)."""
    lines = [
        "Pameran batik di Jakarta diikuti perajin dari Kota Blitar dan Kabupaten Blitar.",
        "Motif: kawung, parang, sekar jagad, truntum, sidomukti, mega mendung, lereng, ceplok,"
        " nitik, gringsing, dan lain-lain.",
        "Peserta: 12 perajin, 3 sentra, 2 dinas, 1 koperasi, 4 desa, 5 kelompok, 6 toko, 7 galeri,"
        " 8 reseller, 9 pembeli, 10 sponsor, 11 media.",
        "",
    ]
    text = "\n".join(lines * (size // 300))
    return text[:size]


@pytest.mark.parametrize("size", [200_000, 2_000_000])
def test_a_closed_quote_in_a_very_large_cell_is_not_called_unclosed(vocab, monkeypatch, size):
    note = _long_note(size)
    quoted = '"' + note.replace('"', '""') + '"'
    rows = [enterprise(i) for i in range(1, 40)]
    rows[5] = enterprise(6, sumber=quoted)
    data = csv_of(*rows)
    assert ingest.scan_csv(data) is None  # the scan of a file too large for a grid
    small = upload.check(data, "x.csv", vocab, today=TODAY).validated
    for checked in (small, bulk_path(data, vocab, monkeypatch)):
        assert keys(checked) == [(7, "sumber", "text-too-long")]  # that, and only that


def test_a_quote_that_truly_never_closes_is_still_called_unclosed(vocab, monkeypatch) -> None:
    rows = [enterprise(i) for i in range(1, 40)]
    note = _long_note(20_000)
    rows[5] = enterprise(6, sumber='"' + note.replace('"', '""'))  # no close
    data = csv_of(*rows)
    assert ingest.scan_csv(data) == ingest.Issue(
        "quote-unclosed", row=7, column="sumber", value=note[:40] + "…"
    )
    for checked in both(data, vocab, monkeypatch):
        assert keys(checked) == [(7, "sumber", "quote-unclosed")]
