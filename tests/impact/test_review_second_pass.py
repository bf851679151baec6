"""A second, adversarial pass over DuckDB's reader of large CSVs (impact.upload.bulk), the
one validation engine (impact.upload.checks) and the set-based preview / commit / revert
(impact.upload.changes).

"Both ways" compares the page's answer with the reference (tests/reference_checker.py: the
rules cell by cell in plain Python, over ingest.read_grid). These are regression tests for
cases the other suites do not cover; the disagreements this review found are fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
import struct
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact import store, upload
from impact.upload import bulk, changes, checks, ingest, validation
from impact.upload.datasets import DATASETS
from tests import reference_checker as reference

TODAY = dt.date(2025, 6, 1)  # as in conftest: 2026 is the last year accepted
ENTERPRISES = DATASETS["enterprises"]
HEADER = [c.header_id for c in ENTERPRISES.columns]
BASE = dict(
    zip(
        HEADER,
        "U1,2024,kota_blitar,batik,micro,P,1000,2,3000,training,reported,Survei".split(","),
        strict=True,
    )
)
PROGRAM_HEADER = [c.header_id for c in DATASETS["programs"].columns]


def line(i: int, sep: str = ",", **cells: str) -> str:
    """One enterprise row (id U<i>) as raw CSV text; ``cells`` replace the base cells."""
    row = BASE | {"id_usaha": f"U{i}"} | cells
    return sep.join(row[h] for h in HEADER)


def csv_of(*lines: str, sep: str = ",", nl: str = "\n", header: list[str] = HEADER) -> bytes:
    return nl.join([sep.join(header), *lines, ""]).encode()


def rows_of(n: int, start: int = 10, sep: str = ",") -> list[str]:
    return [line(i, sep) for i in range(start, start + n)]


def _python(data: bytes, vocab) -> validation.Validated:
    """The reference: the rules cell by cell in plain Python (tests/reference_checker.py)."""
    return reference.validate(ingest.read_grid(data, "x.csv"), vocab, today=TODAY)


def _issues(checked: validation.Validated) -> list[tuple]:
    return sorted(
        ((i.row or 0, i.column or "", i.code, i.value or "", i.level) for i in checked.issues),
        key=repr,
    )


def _rows(checked: validation.Validated) -> list[list]:
    rows = checked.rows.frame() if isinstance(checked.rows, upload.Spill) else checked.rows
    if rows.empty:
        return []
    columns = ["_row", *(c.name for c in checked.dataset.columns)]
    frame = rows[columns].astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def _routed(data: bytes, vocab, monkeypatch) -> validation.Validated:
    """upload.check with the size limits scaled down, so that this small file goes DuckDB's
    reader when validate_bulk takes it."""
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    return upload.check(data, "x.csv", vocab, today=TODAY).validated


def assert_same_both_ways(data: bytes, vocab, monkeypatch) -> None:
    """The upload page's answer (upload.check) is the reference's: same issues (row, column,
    code, shown value, level) and, for a clean file, the same typed rows."""
    routed, python = _routed(data, vocab, monkeypatch), _python(data, vocab)
    assert _issues(routed) == _issues(python)
    assert routed.ok == python.ok
    if python.ok:
        assert _rows(routed) == _rows(python)


# --- bulk: layouts both paths must read alike (regression) ----------------------------------

LAYOUTS = {
    "bom-crlf": b"\xef\xbb\xbf" + csv_of(line(1), line(2), nl="\r\n"),
    "title-rows-and-blank-line-above-the-header": b"Data usaha 2024;;\n\n"
    + csv_of(line(1), line(2)),
    "trailing-delimiter-everywhere": "\n".join(
        [",".join(HEADER) + ",", line(1) + ",", line(2) + ","]
    ).encode(),
    "no-final-newline": csv_of(line(1), line(2))[:-1],
    "tab-delimited": csv_of(line(1, "\t"), line(2, "\t"), sep="\t"),
    "decimal-comma-semicolon": csv_of(
        line(1, ";", pendapatan_rp="1.250.000,5", output_rp="Rp 2.500.000"),
        line(2, ";", pendapatan_rp="(0)", output_rp="12,5%"),
        sep=";",
    ),
    "quoted-delimiters-and-doubled-quotes": csv_of(
        line(1, sumber='"Dinas ""Koperasi"", Kab. Blitar; 2024"'),
        line(2, program='" Training ;, Pameran daerah dan nasional ,"'),
    ),
    "short-row-and-row-of-delimiters": csv_of(
        *rows_of(30), "U3,2024,kota_blitar", ",,,,,,,,,,", ",,,,", line(4)
    ),
    "unknown-extra-column": "\n".join(
        [",".join([*HEADER, "Catatan Lain"]), line(1) + ",x", line(2) + ",y"]
    ).encode(),
    "long-and-non-ascii-text": csv_of(
        line(1, sumber="é" * 500), line(2, sumber="👍🏽" * 250), line(3, sumber="x" * 501)
    ),
}


@pytest.mark.parametrize("data", list(LAYOUTS.values()), ids=list(LAYOUTS))
def test_file_layouts_are_read_alike_both_ways(vocab, monkeypatch, data) -> None:
    bulk.validate_bulk(data, vocab, today=TODAY)  # the DuckDB path takes it (no NotBulkError)
    assert_same_both_ways(data, vocab, monkeypatch)


# --- bulk: files that crashed the page (upload.check raised instead of answering) --------------


def test_a_cell_with_a_line_break_is_read_like_the_python_path(vocab, monkeypatch) -> None:
    data = csv_of(line(1, sumber='"Survei\nbaris kedua (Alt+Enter)"'), line(2))
    assert_same_both_ways(data, vocab, monkeypatch)


@pytest.mark.parametrize("head_bytes", [bulk.HEAD_BYTES, 400], ids=["in-the-head", "below-it"])
def test_a_remark_right_of_the_table_is_refused_as_in_python(
    vocab, monkeypatch, head_bytes
) -> None:
    # a planner's note typed in the cell right of the last column, on one row: it would be
    # lost, so both paths refuse it (cell-beyond-header, issue 13)
    monkeypatch.setattr(bulk, "HEAD_BYTES", head_bytes)  # 400 stands in for 256 KiB
    data = csv_of(*rows_of(15), line(1) + ",cek lagi", *rows_of(15, start=40))
    assert_same_both_ways(data, vocab, monkeypatch)
    assert ("cell-beyond-header", "cek lagi") in {
        (i.code, i.value) for i in _python(data, vocab).issues
    }


def test_a_windows_file_whose_first_accent_is_below_the_head_goes_the_python_way(
    vocab, monkeypatch
) -> None:
    monkeypatch.setattr(bulk, "HEAD_BYTES", 400)
    data = csv_of(*rows_of(30), line(1, sumber="Dinas Koperasi – Kab. Blitar"))
    data = data.decode().encode("cp1252")
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_file_with_old_mac_line_ends_is_read(vocab, monkeypatch) -> None:
    assert_same_both_ways(csv_of(line(1), line(2), nl="\r"), vocab, monkeypatch)


def test_a_stray_quote_inside_a_cell_is_read_as_python_reads_it(vocab, monkeypatch) -> None:
    assert_same_both_ways(csv_of(line(1, sumber='"Dinas" Koperasi'), line(2)), vocab, monkeypatch)


# --- bulk: files read differently ----------------------------------------------------------


@pytest.mark.parametrize("dataset", ["enterprises", "programs"])
def test_an_empty_spacer_column_does_not_shift_the_columns(vocab, monkeypatch, dataset) -> None:
    if dataset == "enterprises":  # every row then fails: 'micro' is not a number, ...
        header = ["id_usaha", "", *HEADER[1:]]
        data = csv_of(*[r.replace(",", ",,", 1) for r in rows_of(5)], header=header)
    else:  # silently: the note in the last column is read from the empty column, as NULL
        header = [*PROGRAM_HEADER[:-1], "", PROGRAM_HEADER[-1]]
        data = csv_of(
            *[
                f"2024,training,Dinas {i},blitar,3,1000,20,reported,Survei,,Catatan {i}"
                for i in range(5)
            ],
            header=header,
        )
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_repeated_column_is_refused_both_ways(vocab, monkeypatch) -> None:
    # 'program' and 'programs' both name the enterprises' programs column
    data = csv_of(line(1) + ",exhibition", line(2) + ",", header=[*HEADER, "programs"])
    assert_same_both_ways(data, vocab, monkeypatch)


def test_an_ambiguous_thousands_mark_is_asked_about_both_ways(vocab, monkeypatch) -> None:
    # ',' file, no cell decides the mark: '1.500' may mean 1500 or 1.5, asked (cell named)
    data = csv_of(line(1, pendapatan_rp="1.500"), line(2))
    assert "decimal-ask" in {i.code for i in _python(data, vocab).issues}
    assert_same_both_ways(data, vocab, monkeypatch)


def test_the_decimal_mark_is_decided_by_the_whole_file(vocab, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "HEAD_BYTES", 400)
    lines = [line(i, ";") for i in range(10, 40)]
    lines.append(line(1, ";", pendapatan_rp="1000.5", output_rp="2.25"))
    assert_same_both_ways(csv_of(*lines, sep=";"), vocab, monkeypatch)


@pytest.mark.parametrize("cell", [" Mars ", "Kota Blitar; Mars"])
def test_an_unknown_code_is_shown_as_written(vocab, monkeypatch, cell) -> None:
    assert_same_both_ways(csv_of(line(1, wilayah=cell), line(2)), vocab, monkeypatch)


@pytest.mark.parametrize(
    "cells",
    [{"id_usaha": " "}, {"id_usaha": "x" * 70}, {"id_usaha": "U7", "tahun": "1999"}],
    ids=["blank-id", "too-long-id", "year-out-of-range"],
)
def test_rows_whose_key_cells_fail_are_not_called_duplicates(vocab, monkeypatch, cells) -> None:
    assert_same_both_ways(csv_of(line(1, **cells), line(2, **cells)), vocab, monkeypatch)


@pytest.mark.parametrize(
    "body", ["", ",,,,,,,,,,\n,,,,,,,,,,\n"], ids=["header-only", "ghost-rows"]
)
def test_a_file_without_data_rows_says_so(vocab, monkeypatch, body) -> None:
    data = (",".join(HEADER) + "\n" + body).encode()
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_blank_optional_text_cell_is_missing_not_empty(vocab, monkeypatch) -> None:
    # The commit would write '' over a stored NULL note: an 'update' with nothing changed.
    data = csv_of(
        "2024,training,Dinas A,blitar,3,1000,20,reported,Survei,   ",
        "2024,training,Dinas B,blitar,3,1000,20,reported,Survei,Catatan",
        header=PROGRAM_HEADER,
    )
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_blank_line_before_an_indented_row_keeps_row_numbers(vocab, monkeypatch) -> None:
    data = csv_of(line(1), "", " " + line(2, tahun="20x4"))
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_line_starting_with_a_hash_is_a_row(vocab, monkeypatch) -> None:
    data = csv_of("# catatan: data 2024", *rows_of(20))
    assert_same_both_ways(data, vocab, monkeypatch)


def test_backslashes_before_quotes_are_kept_as_written(vocab, monkeypatch) -> None:
    data = csv_of(*rows_of(5), line(1, sumber='"Dinas \\"Koperasi\\" Blitar"'))
    assert_same_both_ways(data, vocab, monkeypatch)


def test_a_space_before_an_opening_quote_keeps_the_quotes(vocab, monkeypatch) -> None:
    assert_same_both_ways(csv_of(line(1, sumber=' "Survei"'), line(2)), vocab, monkeypatch)


def test_code_words_are_lower_cased_as_python_does(vocab, monkeypatch) -> None:
    assert_same_both_ways(csv_of(line(1, wilayah="KOTA BLİTAR"), line(2)), vocab, monkeypatch)


def test_a_file_with_errors_gives_no_typed_rows_whichever_reader(vocab, monkeypatch) -> None:
    # Nothing of a file with errors may be written, so no typed rows are handed on.
    data = csv_of(line(1), line(2, tahun="20x4"))
    for checked in (
        _routed(data, vocab, monkeypatch),
        bulk.validate_bulk(data, vocab, today=TODAY).validated,
    ):
        assert not checked.ok and checked.rows.empty
    assert len(_rows(_python(data, vocab))) == 1  # the reference keeps the good one


# --- bulk: property tests (regression) -----------------------------------------------------

_SPACE = st.sampled_from(["", " ", "  ", "\u00a0", "\t", "\u202f", "\u3000"])
_DIGITS = st.text("0123456789", min_size=1, max_size=8)


def _grouped(mark: str) -> st.SearchStrategy[str]:
    groups = st.lists(st.text("0123456789", min_size=3, max_size=3), max_size=3)
    return st.builds(
        lambda a, gs: a + "".join(mark + g for g in gs),
        st.text("123456789", min_size=1, max_size=3),
        groups,
    )


NUMBER = st.builds(
    lambda *parts: "".join(parts),
    _SPACE,
    st.sampled_from(["", "-", "+", "\u2212", "(", "--"]),
    st.sampled_from(["", "Rp", "Rp.", "rp ", "IDR", "("]),
    st.one_of(_DIGITS, _grouped("."), _grouped(",")),
    st.sampled_from(["", ".5", ",5", ",25", ".125", ".", ","]),
    st.sampled_from(["", "%", " %", ")"]),
    _SPACE,
) | st.text("0123456789.,-+()%eE_ \u00a0", max_size=8)


def _word(words: list[str]) -> st.SearchStrategy[str]:
    def shape(before: str, word: str, case: int, after: str) -> str:
        word = [word, word.upper(), word.title(), word.replace(" ", "   ")][case]
        return before + word + after

    return st.builds(shape, _SPACE, st.sampled_from(words), st.integers(0, 3), _SPACE)


_PROGRAM_WORDS = _word(["training", "pelatihan keterampilan dan desain", "sertifikasi halal"])
CELLS = {
    "tahun": st.builds(
        lambda a, y, b: a + y + b,
        _SPACE,
        st.sampled_from(
            [
                "2024",
                "2024.0",
                "2023.00",
                "1999",
                "2027",
                "20x3",
                "2023.5",
                "202",
                "02023",
                "2023,0",
            ]
        ),
        _SPACE,
    ),
    "wilayah": _word(["kota_blitar", "kota blitar", "kabupaten blitar", "blitar city"]),
    "skala": _word(["micro", "mikro", "usaha kecil", "medium"]),
    "status": _word(["reported", "resmi", "estimasi", "ilustratif"]),
    "pendapatan_rp": NUMBER,
    "pekerja": NUMBER,
    "output_rp": NUMBER,
    "program": st.lists(
        st.tuples(_PROGRAM_WORDS, st.sampled_from([";", ",", " ; ", ",,", ""])), max_size=3
    ).map(lambda ws: "".join(w + s for w, s in ws)),
    # no '\\' before quotes, no line breaks, no '#' first: known differences, tested above
    "sumber": st.text(
        st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\\#\u2028\u2029\x85"
        ),
        max_size=12,
    )
    | st.sampled_from(["", " ", "é" * 501]),
}


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    rows=st.lists(st.fixed_dictionaries({}, optional=CELLS), min_size=1, max_size=6),
    sep=st.sampled_from([",", ";", "\t"]),
    nl=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_excel_like_files_give_the_same_answers_both_ways(vocab, rows, sep, nl, bom) -> None:
    """Files as Excel writes them (every cell quoted when needed), with odd numbers, years,
    code words and text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator=nl)
    writer.writerow(HEADER)
    for i, cells in enumerate(rows):
        row = BASE | {"id_usaha": f"U{i}"} | cells
        writer.writerow([row[h] for h in HEADER])
    data = (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode()
    python = _python(data, vocab)
    duck = bulk.validate_bulk(data, vocab, today=TODAY).validated
    assert _issues(duck) == _issues(python)
    if python.ok:
        assert _rows(duck) == _rows(python)


@pytest.fixture(scope="module")
def macros() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for macro in checks.MACROS:
        con.execute(macro)
    yield con
    con.close()


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    texts=st.lists(NUMBER | st.text(max_size=10), min_size=1, max_size=40),
    decimal=st.sampled_from([",", "."]),
)
def test_sql_numbers_are_parse_number(macros, texts, decimal) -> None:
    # Python's re.IGNORECASE lets 'İ' and 'ı' match the 'i' of 'IDR' (no planner's input)
    texts = [t for t in texts if t.strip() and not {"İ", "ı", "\x00"} & set(t)]
    sql = "SELECT x, " + checks._number_sql("x", decimal) + " FROM (SELECT unnest(?) AS x)"
    for text, value in macros.execute(sql, [texts]).fetchall():
        try:
            expected = reference.parse_number(text, decimal)
        except ValueError:
            expected = None
        assert value == expected, text


# --- upload.check routing (regression) -------------------------------------------------------


def _observations_file(rows: int) -> bytes:
    """Indicator rows, one per year from 2000; the first has its range upside down."""
    header = [c.header_id for c in DATASETS["observations"].columns]
    body = [f"batik_workers,blitar,batik,{2000 + i},700,,,reported,Survei," for i in range(rows)]
    body[0] = "batik_workers,blitar,batik,2000,700,800,600,reported,Survei,"  # low > high
    return csv_of(*body, header=header)


def test_large_indicator_data_is_read_by_duckdb_and_checked_across_columns(
    vocab, monkeypatch
) -> None:
    # One engine: indicator data's cross-column rules run in SQL, so a large UTF-8 file of
    # it goes DuckDB's reader, past the limit of files read into a grid.
    data = _observations_file(26)
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 100)
    monkeypatch.setattr(ingest, "CELL_BY_CELL_MAX_BYTES", len(data) - 1)
    calls = []
    real = bulk.validate_bulk
    monkeypatch.setattr(bulk, "validate_bulk", lambda *a, **k: calls.append(1) or real(*a, **k))
    checked = upload.check(data, "x.csv", vocab, today=TODAY)
    assert calls == [1]
    assert [i.key() for i in checked.validated.errors] == [(2, "batas_bawah", "low-above-high")]
    assert checked.validated.errors[0].value == "800 > 600"
    assert checked.detection.dataset == "observations" and checked.rows == 26
    assert checked.validated.rows.empty


def test_a_chosen_sheet_or_a_file_below_the_bulk_size_is_read_cell_by_cell(
    vocab, monkeypatch
) -> None:
    data = csv_of(line(1), line(2))
    monkeypatch.setattr(bulk, "validate_bulk", lambda *a, **k: pytest.fail("bulk path taken"))
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", len(data) + 1)
    assert upload.check(data, "x.csv", vocab, today=TODAY).validated.ok
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    checked = upload.check(data, "x.csv", vocab, sheet="Sheet1", today=TODAY)
    assert checked.validated.ok and checked.rows == 2


# --- uploads -------------------------------------------------------------------------------


def _checked(path: Path, data: bytes) -> validation.Validated:
    checked = checks.check_grid(
        ingest.read_grid(data, "x.csv"), upload.load_vocabulary(path), today=TODAY
    )
    assert checked.ok, [i.key() for i in checked.issues]
    return checked


def _commit(path: Path, checked: validation.Validated) -> int:
    previewed = upload.preview(path, checked)
    return upload.commit(path, checked, previewed, editor="uji", filename="x.csv", sha256="")


def _table(path: Path, table: str) -> list[tuple]:
    """The whole table in a fixed order, floats as their bits (NaN, -0.0 and the last bit
    count)."""
    with store.connect(path) as con:
        rows = con.execute("SELECT * FROM " + store.quote_table(table) + " ORDER BY ALL").fetchall()
    return [
        tuple(struct.pack("<d", v).hex() if isinstance(v, float) else v for v in r) for r in rows
    ]


def _all_tables(path: Path) -> dict[str, list[tuple]]:
    return {table: _table(path, table) for table in store.TABLES}


ODD_TEXTS = [
    'a "b" \\ c / d',
    "é – ü 😀",
    "line\nbreak\ttab",
    "\u2028\x7f\x01\x1f",
    "null",
    "007",
    '{"x": 1}',
    "\\u0041",
    "'",
    "\ud7ff\ue000\U0010ffff",
]


def test_revert_restores_any_double_bit_for_bit_and_any_text(warm_db) -> None:
    """Stored values the change log must carry through JSON: subnormals, the extremes, -0.0,
    NaN, random bit patterns; text with quotes, backslashes, control characters, U+2028."""
    rng = random.Random(11)
    values = [
        5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
        -0.0,
        1 / 3,
        1e23,
        9007199254740993.0,
        float("nan"),
    ]
    while len(values) < 400:
        value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if math.isfinite(value):
            values.append(abs(value))
    stored = [
        (
            f"E{i}{ODD_TEXTS[i % 10]}",
            2023,
            "kota_blitar",
            "batik",
            "micro",
            value,
            i % 7 or None,
            value / 3 if i % 3 else None,
            None if i % 4 else "training",
            "reported",
            ODD_TEXTS[(i + 3) % 10],
        )
        for i, value in enumerate(values)
    ]
    with store.connect(warm_db) as con:
        con.executemany(
            "INSERT INTO enterprise_record (enterprise_id, year, region, sector, size_class,"
            " income, workers, output, programs, status, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [list(r) for r in stored],
        )
    before = _all_tables(warm_db)
    rows = pd.DataFrame(
        [
            {
                "_row": i + 2,
                "enterprise_id": r[0],
                "year": 2023,
                "region": "kab_blitar",
                "sector": "batik",
                "size_class": "small",
                "owner_gender": "L",  # stored NULL before: the revert restores NULL
                "income": 1.0,
                "workers": 1,
                "output": 2.0,
                "programs": None,
                "status": "estimated",
                "source": "baru",
            }
            for i, r in enumerate(stored)
        ]
        + [
            {
                "_row": len(stored) + 2,
                "enterprise_id": ODD_TEXTS[0],
                "year": 2024,
                "region": "kab_blitar",
                "sector": "batik",
                "size_class": "small",
                "owner_gender": None,
                "income": 0.1,
                "workers": None,
                "output": None,
                "programs": None,
                "status": "estimated",
                "source": ODD_TEXTS[2],
            }
        ]
    )
    checked = validation.Validated(ENTERPRISES, rows, [], {c.name for c in ENTERPRISES.columns})
    upload_id = _commit(warm_db, checked)
    assert _table(warm_db, "enterprise_record") != before["enterprise_record"]
    assert upload.revert(warm_db, upload_id, editor="uji") == len(stored) + 1
    after = _all_tables(warm_db)
    for table in store.TABLES:
        if table not in ("upload", "upload_change"):
            assert after[table] == before[table], table


def test_a_later_upload_of_a_key_with_odd_text_blocks_the_earlier_revert(warm_db) -> None:
    before = _all_tables(warm_db)
    agency = 'Dinas "Pariwisata" \\ é – 😀 \u2028 \x7f'
    first = _commit(
        warm_db, _checked(warm_db, _programs_csv(["2025", agency, "1", "0,5", "", 'x"y\\z']))
    )
    second = _commit(warm_db, _checked(warm_db, _programs_csv(["2025", agency, "2", "", "", ""])))
    with pytest.raises(upload.RevertConflictError) as caught:
        upload.revert(warm_db, first, editor="uji")
    assert caught.value.later == [second]
    upload.revert(warm_db, second, editor="uji")
    with pytest.raises(upload.AlreadyRevertedError):
        upload.revert(warm_db, second, editor="uji")
    upload.revert(warm_db, first, editor="uji")
    after = _all_tables(warm_db)
    assert {t: after[t] for t in store.TABLES if t not in ("upload", "upload_change")} == {
        t: before[t] for t in store.TABLES if t not in ("upload", "upload_change")
    }


def _programs_csv(*rows: list[str]) -> bytes:
    """';' CSV of training programs in Blitar: (year, agency, count, budget, participants,
    note) per row."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(PROGRAM_HEADER)
    for year, agency, count, budget, participants, note in rows:
        writer.writerow(
            [
                year,
                "training",
                agency,
                "blitar",
                count,
                budget,
                participants,
                "estimasi",
                "Rencana",
                note,
            ]
        )
    return out.getvalue().encode()


@pytest.mark.parametrize("stop_at", [1, 2], ids=["after-the-log", "after-the-inserts"])
def test_a_commit_interrupted_in_process_writes_nothing_and_the_preview_still_commits(
    warm_db, monkeypatch, stop_at
) -> None:
    agency = "Dinas Koperasi dan Usaha Mikro Kab. Blitar"  # a stored 2023 training row
    data = _programs_csv(
        ["2023", agency, "9", "", "", ""], ["2025", "Dinas Baru", "1", "2", "3", "n"]
    )
    checked = _checked(warm_db, data)
    previewed = upload.preview(warm_db, checked)
    assert previewed.counts == {"insert": 1, "update": 1, "same": 0}
    before, version = _all_tables(warm_db), store.data_version(warm_db)
    calls = []

    def interrupt() -> None:
        calls.append(1)
        if len(calls) == stop_at:
            raise KeyboardInterrupt

    monkeypatch.setattr(changes, "_checkpoint", interrupt)
    with pytest.raises(KeyboardInterrupt):
        upload.commit(warm_db, checked, previewed, editor="uji", filename="x.csv", sha256="")
    assert _all_tables(warm_db) == before and store.data_version(warm_db) == version
    monkeypatch.setattr(changes, "_checkpoint", lambda: None)
    upload_id = upload.commit(
        warm_db, checked, previewed, editor="uji", filename="x.csv", sha256=""
    )
    # the same preview a second time: the data moved (its own commit), so it is stale
    with pytest.raises(upload.StalePreviewError):
        upload.commit(warm_db, checked, previewed, editor="uji", filename="x.csv", sha256="")
    assert upload.history(warm_db)["id"].tolist() == [upload_id]
    upload.revert(warm_db, upload_id, editor="uji")
    after = _all_tables(warm_db)
    assert {t: after[t] for t in store.TABLES if t not in ("upload", "upload_change")} == {
        t: before[t] for t in store.TABLES if t not in ("upload", "upload_change")
    }


# For each dataset with optional columns: a stored row's key, and a required value to change.
WITHOUT_OPTIONAL = {
    "obstacles": ({"item": "board_turnover", "year": 2023}, {"severity": 1}),
    "collaboration": ({"year": 2023, "actor": "government", "element": "dialogue"}, {"score": 1.5}),
    "programs": (
        {
            "year": 2023,
            "program": "training",
            "region": "blitar",
            "agency": "Dinas Koperasi dan Usaha Mikro Kab. Blitar",
        },
        {"status": "estimated"},
    ),
    "observations": (
        {"indicator": "batik_income_index", "region": "blitar", "sector": "batik", "year": 2023},
        {"status": "estimated"},
    ),
}


@pytest.mark.parametrize("dataset", sorted(WITHOUT_OPTIONAL))
def test_a_file_without_any_optional_column_keeps_their_stored_values(warm_db, dataset) -> None:
    key, change = WITHOUT_OPTIONAL[dataset]
    spec = DATASETS[dataset]
    frame = store.read_table(warm_db, spec.table)
    for column, value in key.items():
        frame = frame[frame[column] == value]
    old = frame.iloc[0].to_dict()
    columns = [c for c in spec.columns if c.required]
    out = io.StringIO()
    csv.writer(out).writerows(
        [[c.header_id for c in columns], [str((old | change)[c.name]) for c in columns]]
    )
    before = _all_tables(warm_db)
    upload_id = _commit(warm_db, _checked(warm_db, out.getvalue().encode()))
    after = store.read_table(warm_db, spec.table)
    for column, value in key.items():
        after = after[after[column] == value]
    new = after.iloc[0].to_dict()
    optional = [c.name for c in spec.columns if not c.required]
    given = spec.given_columns({c.name for c in columns})  # observations: the range goes too
    for name in optional:
        if name in given:
            assert pd.isna(new[name]), name
        else:
            assert (pd.isna(old[name]) and pd.isna(new[name])) or new[name] == old[name], name
    assert all(new[c] == v for c, v in change.items())
    upload.revert(warm_db, upload_id, editor="uji")
    assert _table(warm_db, spec.table) == before[spec.table]


def test_bulk_and_python_rows_preview_alike(warm_db, vocab) -> None:
    """The DuckDB path's typed rows (int32 years, BIGINT counts) diff like the Python path's:
    same counts, same signature, so either may be committed against the other's preview."""
    upload.commit(
        warm_db,
        *_prepared(warm_db, csv_of(line(1), line(2))),
        editor="uji",
        filename="x.csv",
        sha256="",
    )
    data = csv_of(line(1, pendapatan_rp="Rp2000"), line(2), line(3, pekerja="", program=""))
    python = _python(data, vocab)
    duck = bulk.validate_bulk(data, vocab, today=TODAY).validated
    assert python.ok and duck.ok
    left, right = upload.preview(warm_db, python), upload.preview(warm_db, duck)
    assert left.counts == {"insert": 1, "update": 1, "same": 1}
    assert (left.counts, left.signature, left.sample) == (
        right.counts,
        right.signature,
        right.sample,
    )
    upload.commit(warm_db, duck, left, editor="uji", filename="x.csv", sha256="")


def _prepared(path: Path, data: bytes) -> tuple[validation.Validated, upload.Preview]:
    checked = _checked(path, data)
    return checked, upload.preview(path, checked)


def test_a_file_that_validates_cleanly_can_be_previewed(warm_db) -> None:
    data = csv_of(line(1, pekerja="3000000000"))
    checked = checks.check_grid(
        ingest.read_grid(data, "x.csv"), upload.load_vocabulary(warm_db), today=TODAY
    )
    if checked.ok:  # either fix will do: store the value, or refuse the cell
        _commit(warm_db, checked)
        assert _table(warm_db, "enterprise_record")[0][6] == 3_000_000_000
    else:
        assert [(i.row, i.column) for i in checked.errors] == [(2, "pekerja")]


def test_a_number_too_large_for_a_float_is_refused(vocab) -> None:
    data = csv_of(line(1, pendapatan_rp="9" * 400))
    assert [i.code for i in _python(data, vocab).errors] == ["not-a-number"]
