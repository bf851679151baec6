"""DuckDB's reader of large CSVs, through the one engine, gives exactly the reference's answers
(tests/reference_checker.py over ingest.read_grid), only faster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from impact import store, synthetic, upload
from impact.upload import bulk, ingest, validation, views
from tests import reference_checker as reference

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def vocab(seeded_db: Path) -> validation.Vocabulary:
    return upload.load_vocabulary(seeded_db)


def _frame(validated: validation.Validated) -> pd.DataFrame:
    """The checked rows as a frame (a large file's wait on disk, in a spill file)."""
    rows = validated.rows
    return rows.frame() if isinstance(rows, upload.Spill) else rows


def _records(broken: dict | None = None) -> pd.DataFrame:
    frame = synthetic.enterprise_records(60, [2021, 2022, 2023], seed=5).astype(str)
    frame = frame.replace({"nan": ""})
    for (row, column), value in (broken or {}).items():
        frame.loc[row, column] = value
    return frame


BROKEN = {
    (3, "pendapatan_rp"): "-5",
    (4, "tahun"): "20x1",
    (5, "wilayah"): "Mars",
    (6, "program"): "training;terbang",
    (7, "skala"): "",
    (8, "pekerja"): "2.5",
    (11, "pendapatan_rp"): "Rp1.250.000,5",
    (12, "status"): "resmi-ku",
    (13, "tahun"): "1999",
    (14, "id_usaha"): "x" * 80,
}


def _python(data: bytes, vocab) -> validation.Validated:
    """The reference: the rules cell by cell in plain Python (tests/reference_checker.py)."""
    return reference.validate(ingest.read_grid(data, "x.csv"), vocab, today=TODAY)


@pytest.mark.parametrize("sep", [",", ";"])
def test_bad_files_give_the_same_issues_both_ways(vocab, sep) -> None:
    frame = _records(BROKEN)
    frame.loc[20, ["id_usaha", "tahun"]] = frame.loc[
        21, ["id_usaha", "tahun"]
    ].values  # a duplicate
    data = frame.to_csv(index=False, sep=sep).encode()
    python = sorted(i.key() for i in _python(data, vocab).issues)
    duck = sorted(i.key() for i in bulk.validate_bulk(data, vocab, today=TODAY).validated.issues)
    assert duck == python
    assert len(python) == len(BROKEN) + 1


def test_good_files_give_the_same_typed_rows_both_ways(vocab) -> None:
    data = synthetic.enterprise_records(80, [2022, 2023], seed=9).to_csv(index=False).encode()
    python = _python(data, vocab)
    duck = bulk.validate_bulk(data, vocab, today=TODAY)
    assert python.ok and duck.validated.ok and duck.rows == 160
    columns = ["_row", *(c.name for c in python.dataset.columns)]
    left = python.rows[columns].astype(object).where(python.rows[columns].notna(), None)
    duck_rows = _frame(duck.validated)[columns]
    right = duck_rows.astype(object).where(duck_rows.notna(), None)
    for column in columns:
        for a, b in zip(left[column], right[column], strict=True):
            assert (a == b) or (a in (None, "") and b in (None, "")), (column, a, b)


@pytest.mark.parametrize(
    "make",
    [
        lambda f: f.to_csv(index=False).encode("cp1252"),  # not UTF-8
        lambda f: (
            f.to_csv(index=False).replace("\n", "\n\n", 5).encode()
        ),  # blank lines between rows
        lambda f: f.to_csv(index=False).replace("id_usaha,", "", 1).encode(),  # a missing column
    ],
    ids=["cp1252", "blank-lines", "missing-column"],
)
def test_files_the_bulk_path_cannot_number_exactly_go_the_python_way(
    vocab, monkeypatch, make
) -> None:
    frame = _records()
    frame.loc[0, "sumber"] = "Dinas Koperasi dan UM — Kab. Blitar"  # a character cp1252 has
    data = make(frame)
    with pytest.raises(bulk.NotBulkError):
        bulk.validate_bulk(data, vocab, today=TODAY)
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    checked = upload.check(data, "x.csv", vocab, today=TODAY).validated
    assert sorted(i.key() for i in checked.issues) == sorted(
        i.key() for i in _python(data, vocab).issues
    )


def test_a_bulk_checked_file_commits_and_reverts(seeded_db: Path, vocab) -> None:
    data = synthetic.enterprise_records(50, [2021, 2023], seed=4).to_csv(index=False).encode()
    checked = bulk.validate_bulk(data, vocab, today=TODAY).validated
    upload_id = upload.commit(
        seeded_db,
        checked,
        upload.preview(seeded_db, checked),
        editor="uji",
        filename="x.csv",
        sha256="x",
    )
    assert store.read_table(seeded_db, "enterprise_record").shape[0] == 100
    upload.revert(seeded_db, upload_id, editor="uji")
    assert store.read_table(seeded_db, "enterprise_record").empty


# Cells where a DuckDB reading and Python's could part ways: signs, brackets, currency
# marks, exotic spaces, other scripts' digits, what DuckDB's own casts accept (1e5, 1_000).
ODD_BAD = {
    (1, "pendapatan_rp"): "(1.000)",  # an accounting negative: 'negative', not 'not a number'
    (2, "pendapatan_rp"): "Rp-5",
    (3, "pendapatan_rp"): "1_000",
    (4, "output_rp"): "1e5",
    (5, "output_rp"): "12.",
    (6, "pekerja"): "٣",  # an Arabic-Indic three
    (7, "tahun"): "20e2",
    (8, "pendapatan_rp"): "inf",
    (9, "program"): "training; bukan-program",
    (10, "skala"): "\u00a0",  # only a no-break space: empty
    (12, "pendapatan_rp"): "+-5",
    (13, "tahun"): "2023.5",
}
ODD_GOOD = {
    (0, "tahun"): " 2021 ",
    (1, "tahun"): "2021.0",
    (2, "skala"): "\u00a0Mikro ",
    (3, "pendapatan_rp"): "Rp 1,250,000",
    (4, "output_rp"): "+12",
    (5, "pekerja"): "3%",
    (6, "program"): " Training ;; Sertifikasi  HALAL ",
    (7, "id_usaha"): "\tU-tab",
    (8, "pendapatan_rp"): "(0)",
    (9, "wilayah"): "KOTA  BLITAR",
    (10, "program"): "",
}


def _edge_csv(cells: dict) -> bytes:
    frame = _records(cells)
    text = frame.to_csv(index=False)
    last = text.splitlines()[-1].replace("-000059,", "-000999,", 1)  # one more enterprise
    return (text + ",,,,,,,,,,\n" + last + "\n").encode()


def test_odd_cells_give_the_same_issues_and_cells_both_ways(vocab) -> None:
    data = _edge_csv(ODD_BAD)
    python = sorted((i.row, i.column, i.code, i.value) for i in _python(data, vocab).issues)
    duck = sorted(
        (i.row, i.column, i.code, i.value)
        for i in bulk.validate_bulk(data, vocab, today=TODAY).validated.issues
    )
    assert duck == python
    assert ("negative" in {c for _, _, c, _ in python}) and len(python) >= len(ODD_BAD)


def test_odd_but_valid_cells_give_the_same_typed_rows_both_ways(vocab) -> None:
    data = _edge_csv(ODD_GOOD)
    python = _python(data, vocab)
    checked = bulk.validate_bulk(data, vocab, today=TODAY)
    duck = checked.validated
    assert python.ok and duck.ok, (python.issues[:3], duck.issues[:3])
    assert checked.rows == len(python.rows) == 181  # the row of empty cells is skipped
    columns = ["_row", *(c.name for c in python.dataset.columns)]
    for left, right in zip(
        python.rows[columns].itertuples(index=False),
        _frame(duck)[columns].itertuples(index=False),
        strict=True,
    ):
        for a, b in zip(left, right, strict=True):
            assert (a == b) or (pd.isna(a) and pd.isna(b)), (left, right)
    first = _frame(duck).iloc[3]
    assert (first["income"], _frame(duck).iloc[8]["income"]) == (1_250_000.0, 0.0)


def test_row_numbers_stay_exact_in_a_file_duckdb_reads_in_parallel(vocab) -> None:
    """Past a few hundred thousand rows DuckDB reads the file on several threads; every row
    must still carry its own spreadsheet row number."""
    enterprises, years = 12_000, list(range(2004, 2024))
    frame = synthetic.enterprise_records(enterprises, years, seed=3)
    bad = len(frame) - 7  # near the end
    frame["pekerja"] = frame["pekerja"].astype(object)
    frame.loc[bad, "pekerja"] = "banyak"
    data = frame.to_csv(index=False).encode()
    checked = bulk.validate_bulk(data, vocab, today=TODAY)
    assert [(i.row, i.code, i.value) for i in checked.validated.issues] == [
        (bad + 2, "not-a-number", "banyak")
    ]
    frame.loc[bad, "pekerja"] = 3
    good = bulk.validate_bulk(frame.to_csv(index=False).encode(), vocab, today=TODAY).validated
    rows = _frame(good)
    assert rows["_row"].tolist() == list(range(2, len(frame) + 2))
    assert rows["enterprise_id"].tolist() == frame["id_usaha"].tolist()
    assert rows["year"].tolist() == frame["tahun"].tolist()


@pytest.fixture
def big_files(monkeypatch):
    """Size limits scaled down so that small files stand in for 100 MB ones."""
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 1000)
    monkeypatch.setattr(ingest, "CELL_BY_CELL_MAX_BYTES", 2000)


def test_a_large_file_the_fast_path_cannot_take_is_refused_with_what_to_do(vocab, big_files):
    frame = _records()
    frame.loc[0, "sumber"] = "Dinas Koperasi dan UM — Kab. Blitar"
    data = frame.to_csv(index=False).encode("cp1252")  # Windows encoding: cell by cell only
    checked = upload.check(data, "besar.csv", vocab, today=TODAY)
    assert [i.code for i in checked.validated.issues] == ["file-too-large-for-cells"]
    assert not checked.validated.ok and checked.detection.sha256 == ingest.sha256_hex(data)
    text = views.issue_message(checked.validated.issues[0], "id")
    assert "CSV UTF-8" in text and "0,002" not in text  # tells how to save it
    # The same rows as UTF-8 go the fast way.
    assert upload.check(
        frame.to_csv(index=False).encode(), "besar.csv", vocab, today=TODAY
    ).validated.ok


def test_a_large_file_with_a_missing_column_is_named_from_its_header(vocab, big_files):
    data = _records().drop(columns=["skala"]).to_csv(index=False).encode()
    checked = upload.check(data, "besar.csv", vocab, today=TODAY)
    assert [(i.code, i.column) for i in checked.validated.errors] == [("missing-column", "skala")]
    assert checked.validated.rows.empty and checked.rows == 180
    assert checked.detection.size == len(data)


def test_the_overall_limit_still_holds_for_the_fast_path(vocab, big_files):
    data = _records().to_csv(index=False).encode()
    checked = upload.check(data, "besar.csv", vocab, max_bytes=len(data) - 1, today=TODAY)
    assert [i.code for i in checked.validated.issues] == ["file-too-large"]


def test_when_only_the_first_problem_rows_are_listed_the_total_is_given(vocab, monkeypatch):
    monkeypatch.setattr(validation, "MAX_ISSUES", 3)
    frame = _records({(r, "pekerja"): "banyak" for r in range(10, 20)})  # 10 rows fail
    frame.loc[40, ["id_usaha", "tahun"]] = frame.loc[41, ["id_usaha", "tahun"]].values
    frame.loc[50, ["id_usaha", "tahun"]] = frame.loc[51, ["id_usaha", "tahun"]].values
    issues = bulk.validate_bulk(frame.to_csv(index=False).encode(), vocab, today=TODAY)
    issues = issues.validated.issues
    unlisted = [i for i in issues if i.code == "issues-unlisted"]
    listed = {i.row for i in issues if i.row is not None}
    assert [(i.params["total"], i.params["listed"]) for i in unlisted] == [(12, len(listed))]
    assert listed == {12, 13, 14, 43, 53}  # the first three failing rows; both repeats
    assert views.issue_message(validation.unlisted_issue(1000, 250_000), "id").startswith(
        "Masalah ditemukan pada 250.000 baris; yang dicantumkan di sini hanya 1.000 baris"
    )


def test_a_file_with_every_problem_listed_says_nothing_more(vocab, monkeypatch):
    monkeypatch.setattr(validation, "MAX_ISSUES", 3)
    frame = _records({(r, "pekerja"): "banyak" for r in range(10, 13)})  # exactly three
    issues = bulk.validate_bulk(frame.to_csv(index=False).encode(), vocab, today=TODAY)
    assert [i.code for i in issues.validated.issues] == ["not-a-number"] * 3


def test_control_characters_are_found_in_any_chunk_of_the_bytes(monkeypatch) -> None:
    """The engine leaves out its control-character check when the bytes hold none; the bytes
    are looked at a chunk at a time, and a control byte in the last chunk still counts."""
    monkeypatch.setattr(bulk, "_BYTE_CHUNK", 4)
    assert not bulk._has_control(b"a,b\tc\r\n\xc3\xa9\xe2\x80\x8b,\x7f\n")
    assert not bulk._has_control(b"a,b\tc\r\n\xc3\xa9\xe2\x80\x8b,\x7f\n", line_feeds=2)
    for char in ["\x00", "\x0b", "\x0c", "\x1b", "\x1f"]:
        assert bulk._has_control(b"abcdefghij" + char.encode())
        assert bulk._has_control(b"a\r\nb\t\n" + char.encode() + b"\n")


def test_a_control_character_is_refused_by_the_fast_path_as_by_the_reference(vocab) -> None:
    frame = _records()
    frame.loc[30, "sumber"] = "Survei\x1bBPS"
    data = frame.to_csv(index=False).encode()
    python = sorted(i.key() for i in _python(data, vocab).issues)
    duck = sorted(i.key() for i in bulk.validate_bulk(data, vocab, today=TODAY).validated.issues)
    assert duck == python and python


def test_the_bytes_of_garbled_text_are_found_behind_their_first_byte() -> None:
    assert all(b.startswith(b"\xc3") for b in bulk._MOJIBAKE_BYTES)
    for garbled in ("Ã©", "Â ", "â€“"):
        assert bulk._mojibake_bytes(("Batik " + garbled).encode())
    assert not bulk._mojibake_bytes("Batik é, Blitar".encode())
    assert not bulk._mojibake_bytes(b"plain ascii")


# --- a large file read in parts, side by side ------------------------------------------------


@pytest.fixture
def two_parts(monkeypatch) -> None:
    """Large files read in two parts, whatever the machine's threads."""
    monkeypatch.setattr(bulk, "_threads", lambda con: 2)


@pytest.fixture
def part_reads(two_parts, monkeypatch) -> list[int]:
    """How many files each reading of a large file was given (the parts, or the whole)."""
    reads: list[int] = []
    check = bulk._check
    monkeypatch.setattr(
        bulk,
        "_check",
        lambda con, paths, *a, **k: reads.append(len(paths)) or check(con, paths, *a, **k),
    )
    return reads


def _parts_of(data: bytes, parts: int = 2) -> list[bytes]:
    body = data.index(b"\n") + 1
    return [data[a:b] for a, b in bulk.split_rows(data, body, parts)]


def test_parts_cover_the_file_in_order_and_end_where_a_record_ends() -> None:
    rows = [f"U-{i},2023,kab_blitar,batik,micro,P,{i},1,2,,reported,Survei" for i in range(40)]
    rows[19] = 'U-19,2023,kab_blitar,batik,micro,P,19,1,2,,reported,"Survei\nbaris\n""dua""\ntiga"'
    data = ("header\n" + "\n".join(rows) + "\n").encode()
    for count in (2, 3, 5):
        parts = _parts_of(data, count)
        assert b"".join(parts) == data and parts[0].startswith(b"header\n")
        assert all(p.endswith(b"\n") for p in parts)
        for part in parts:  # each part holds whole records: its quotes pair up
            assert part.count(b'"') % 2 == 0
    assert len(_parts_of(data.replace(b'"dua"', b'"dua'), 2)) == 1  # odd quotes: no parts
    assert len(_parts_of(b"header\nonly one row\n", 2)) == 1
    assert len(_parts_of(data, 1)) == 1


def test_a_file_read_in_parts_numbers_its_rows_as_one_file(vocab, part_reads) -> None:
    """Cells with line breaks before the middle (fewer records than lines), problems and a
    repeated key in the later part: the same rows, issues and row numbers as the reference,
    and the file was indeed read in two parts."""
    frame = _records(BROKEN)
    frame.loc[2, "sumber"] = "Survei\nbaris dua\nbaris tiga"
    frame.loc[150, "pekerja"] = "banyak"
    frame.loc[170, ["id_usaha", "tahun"]] = frame.loc[10, ["id_usaha", "tahun"]].values
    data = frame.to_csv(index=False).encode()
    assert len(_parts_of(data)) == 2
    duck = bulk.validate_bulk(data, vocab, today=TODAY).validated
    assert part_reads == [2]  # both parts read, no second reading of the whole
    python = _python(data, vocab)
    assert sorted(i.key() for i in duck.issues) == sorted(i.key() for i in python.issues)
    assert {(i.row, i.code) for i in duck.issues} >= {(152, "not-a-number"), (172, "duplicate-row")}
    frame = _records()
    frame.loc[2, "sumber"] = "Survei\nbaris dua"
    data = frame.to_csv(index=False).encode()
    rows = _frame(bulk.validate_bulk(data, vocab, today=TODAY).validated)
    expected = _python(data, vocab).rows
    assert rows["_row"].tolist() == expected["_row"].tolist() == list(range(2, len(frame) + 2))
    assert rows["enterprise_id"].tolist() == frame["id_usaha"].tolist()
    assert rows["source"].tolist() == expected["source"].tolist()


def test_a_part_that_ends_inside_a_quoted_cell_sends_the_whole_file_to_duckdb(vocab, part_reads):
    """Quotes inside unquoted cells ('5" kain', as Excel writes them) upset the count of
    quotes, so a part may end inside a later quoted cell; DuckDB refuses that part, and the
    whole file is read as one: the same answer as the reference."""
    frame = _records()
    frame.loc[1, "sumber"] = frame.loc[170, "sumber"] = "Kain 5x lebar"
    data = frame.to_csv(index=False).encode()
    data = data.replace(b"Kain 5x lebar", b'Kain 5" lebar')  # unquoted: two stray quotes
    body = data.index(b"\n") + 1
    middle = body + (len(data) - body) // 2
    row_start = data.rindex(b"\n", 0, middle) + 1
    line_end = data.index(b"\n", row_start)
    row = data[row_start:line_end]
    # that row's last cell a long quoted note across the middle, one word per line
    note = b'"Catatan' + b"\nbaris" * 80 + b'"'  # within the 500 characters of a source
    data = (
        data[:row_start] + row[: row.rindex(b",", 0, row.index(b'"')) + 1] + note + data[line_end:]
    )
    parts = _parts_of(data)
    assert len(parts) == 2  # and the first ends inside the note's quotes
    assert data.index(b'"Catatan') < len(parts[0]) < data.index(b'baris"')
    duck = bulk.validate_bulk(data, vocab, today=TODAY).validated
    assert part_reads[0] == 2 and set(part_reads[1:]) == {1}  # the parts, then the whole file
    python = _python(data, vocab)
    assert sorted(i.key() for i in duck.issues) == sorted(i.key() for i in python.issues)
    assert duck.ok and python.ok, [i.key() for i in python.issues]
    assert _frame(duck)["source"].tolist() == python.rows["source"].tolist()
    assert 'Kain 5" lebar' in python.rows["source"].tolist()


def test_a_whole_number_past_what_a_column_holds_is_refused_not_a_fault(vocab) -> None:
    """A 25-digit worker count (or one that overflows to infinity) is refused by its range
    check, naming row, column and value; it stopped the whole check with a DuckDB error."""
    for value, code in (("9" * 25, "out-of-range"), ("9" * 400, "not-a-number")):
        frame = _records({(4, "pekerja"): value})
        data = frame.to_csv(index=False).encode()
        for checked in (
            bulk.validate_bulk(data, vocab, today=TODAY).validated,
            _python(data, vocab),
        ):
            assert [(i.row, i.column, i.code) for i in checked.issues] == [(6, "pekerja", code)]
        grid = upload.check(data, "x.csv", vocab, today=TODAY).validated
        assert [(i.row, i.column, i.code) for i in grid.issues] == [(6, "pekerja", code)]


def test_a_row_wider_than_the_spare_columns_at_a_part_start_is_not_lost(
    vocab, two_parts, monkeypatch
):
    """DuckDB takes a part's width from its first rows: a remark in column Q on the row that
    starts a part (or on the file's first data row) made a column the check never read, and
    the file passed without it. Now DuckDB's reading is refused and the Python reader names
    the cell (found by an adversarial review)."""
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    clean = _records().to_csv(index=False).encode()
    cut = len(_parts_of(clean)[0])
    end = clean.index(b"\n", cut)
    for at in (end, clean.index(b"\n", clean.index(b"\n") + 1)):  # part start; first data row
        data = clean[:at] + b",,,,,cek lagi: omzet ganda" + clean[at:]
        with pytest.raises(bulk.NotBulkError):
            bulk.validate_bulk(data, vocab, today=TODAY)
        checked = upload.check(data, "x.csv", vocab, today=TODAY).validated
        expected = sorted(i.key() for i in _python(data, vocab).issues)
        assert sorted(i.key() for i in checked.issues) == expected
        assert [i.code for i in checked.issues] == ["cell-beyond-header"]


def test_a_row_starting_with_a_zero_width_no_break_space_keeps_it(vocab, two_parts):
    """U+FEFF pasted at the start of an id: at the start of a part DuckDB took it for the
    part's byte-order mark and dropped it (and a key then repeated an earlier one). No part
    starts there now; the id is stored as written."""
    clean = _records().to_csv(index=False).encode()
    cut = len(_parts_of(clean)[0])
    data = clean[:cut] + "\ufeff".encode() + clean[cut:]
    assert len(_parts_of(data)[0]) != cut
    duck = bulk.validate_bulk(data, vocab, today=TODAY).validated
    python = _python(data, vocab)
    assert duck.ok and python.ok
    ids = _frame(duck)["enterprise_id"].tolist()
    assert ids == python.rows["enterprise_id"].tolist()
    assert sum(i.startswith("\ufeff") for i in ids) == 1


def test_an_empty_line_right_below_the_header_keeps_the_row_numbers(vocab, monkeypatch):
    """DuckDB skips it, so every row was numbered one too low; the search for blank lines
    now starts at the line feed that ends the header."""
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    text = _records({(10, "pekerja"): "banyak"}).to_csv(index=False)
    header, rest = text.split("\n", 1)
    data = (header + "\n\n" + rest).encode()
    with pytest.raises(bulk.NotBulkError):
        bulk.validate_bulk(data, vocab, today=TODAY)
    checked = upload.check(data, "x.csv", vocab, today=TODAY).validated
    assert [(i.row, i.code) for i in checked.issues] == [(13, "not-a-number")]
