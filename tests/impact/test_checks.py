"""The one validation engine (impact.upload.checks) against the reference in plain Python
(tests/reference_checker.py), on generated files the other suites do not cover: indicator
data, whose rules cross columns (the kind's bounds, low <= value <= high), written as CSV
and as XLSX (a workbook's numbers reach the engine as numbers, beside their text)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact import upload
from impact.upload import checks, ingest, validation
from impact.upload.datasets import DATASETS
from tests import reference_checker as reference

TODAY = dt.date(2025, 6, 1)
OBS = DATASETS["observations"]
HEADER = [c.header_id for c in OBS.columns]


def _issues(checked: validation.Validated) -> list[tuple]:
    return sorted(
        ((i.row or 0, i.column or "", i.code, i.value or "", i.level, repr(i.params)))
        for i in checked.issues
    )


def _rows(checked: validation.Validated) -> list[list]:
    if checked.rows.empty:
        return []
    columns = ["_row", *(c.name for c in OBS.columns)]
    frame = checked.rows[columns].astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list], sep: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def _agree(data: bytes, filename: str, vocab) -> None:
    grid = ingest.read_grid(data, filename)
    expected = reference.validate(grid, vocab, today=TODAY)
    got = checks.check_grid(ingest.read_grid(data, filename), vocab, today=TODAY)
    assert _issues(got) == _issues(expected)
    assert got.ok == expected.ok
    if expected.ok:
        assert _rows(got) == _rows(expected)


@pytest.fixture(scope="module")
def kinds(vocab) -> dict[str, str]:
    """One indicator of each kind: kind -> code."""
    found: dict[str, str] = {}
    for code, kind in sorted(vocab.indicator_kinds.items()):
        found.setdefault(kind, code)
    assert {"count", "level", "share"} <= set(found)
    return found


TEXT_NUMBER = st.sampled_from(
    ["", "0", "0,5", "0.5", "1", "1.500", "1,500", "-3", "55", "55%", "101", "1,5", "2.25", "x"]
)
NATIVE = st.sampled_from([0.0, 0.55, 1.0, 2.5, -4.0, 55.0, 100.5, 1500.0])


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    cells=st.lists(
        st.tuples(
            st.integers(0, 3),  # which kind
            st.integers(2019, 2024),
            st.one_of(TEXT_NUMBER, NATIVE),
            st.one_of(TEXT_NUMBER, NATIVE),
            st.one_of(TEXT_NUMBER, NATIVE),
        ),
        min_size=1,
        max_size=6,
    ),
    form=st.sampled_from(["xlsx", ",", ";"]),
)
def test_generated_indicator_files_agree_with_the_reference(vocab, kinds, cells, form) -> None:
    codes = [kinds.get(k, kinds["level"]) for k in ("count", "level", "share", "score")]
    rows = [
        [codes[k], "blitar", "batik", year, value, low, high, "reported", "Survei", ""]
        for k, year, value, low, high in cells
    ]
    if form == "xlsx":
        data, name = _xlsx([[c if c != "" else None for c in r] for r in rows]), "x.xlsx"
    else:  # a CSV has text only
        text = [[str(c).replace(".", form == ";" and "," or ".") for c in r] for r in rows]
        data, name = _csv(text, form), "x.csv"
    _agree(data, name, vocab)


@pytest.mark.parametrize(
    ("kind", "value", "low", "high", "expected"),
    [
        ("count", "1,5", "", "", [(2, "nilai", "not-whole", "error")]),
        # no other cell decides the mark, but a count cannot be 1.5: not asked; read at the
        # guess ('.' in a ',' file) it is refused as ambiguous, never stored as 1.5
        ("count", "1.500", "", "", [(2, "nilai", "thousands-ambiguous", "error")]),
        ("level", "1.500", "", "", [(2, "nilai", "decimal-ask", "error")]),
        ("level", "-3", "", "", [(2, "nilai", "negative", "error")]),
        ("share", "0,55", "", "", [(2, "nilai", "score-as-fraction", "warning")]),
        ("share", "101", "", "", [(2, "nilai", "out-of-range", "error")]),
        ("level", "5", "4", "", [(2, "batas_bawah", "range-incomplete", "error")]),
        ("level", "5", "6", "4", [(2, "batas_bawah", "low-above-high", "error")]),
        ("level", "9", "4", "6", [(2, "nilai", "value-outside-range", "warning")]),
        ("level", "5", "4", "6", []),
    ],
)
def test_rules_across_columns_name_row_column_and_code(
    vocab, kinds, kind, value, low, high, expected
) -> None:
    row = [kinds[kind], "blitar", "batik", "2024", value, low, high, "reported", "Survei", ""]
    data = _csv([row], ",")
    checked = upload.check(data, "x.csv", vocab, today=TODAY).validated
    assert [(i.row, i.column, i.code, i.level) for i in checked.issues] == expected
    _agree(data, "x.csv", vocab)


@pytest.mark.parametrize(
    ("kind", "value", "decimal", "expected"),
    [
        # the planner's '.': '1.500' is 1.5, not whole for a count, likely fifteen hundred
        ("count", "1.500", ".", [(2, "nilai", "thousands-ambiguous", "error")]),
        ("count", "1.500", ",", []),
        ("level", "1.500", ".", []),
        # a cell against the chosen mark is not a number, as in a file that decides it
        ("level", "12,5", ".", [(2, "nilai", "not-a-number", "error")]),
    ],
)
def test_a_chosen_decimal_mark_reads_every_cell_by_it(
    vocab, kinds, kind, value, decimal, expected
) -> None:
    row = [kinds[kind], "blitar", "batik", "2024", value, "", "", "reported", "Survei", ""]
    data = _csv([row], ",")
    checked = upload.check(data, "x.csv", vocab, today=TODAY, decimal=decimal).validated
    assert [(i.row, i.column, i.code, i.level) for i in checked.issues] == expected
    grid = ingest.read_grid(data, "x.csv")
    assert _issues(checked) == _issues(
        reference.validate(grid, vocab, today=TODAY, decimal=decimal)
    )


def test_a_workbook_number_is_taken_as_a_number_whatever_the_texts_decimal_mark(vocab, kinds):
    # Text cells in decimal commas decide the mark; a workbook's 2.5 stays 2.5, not 25.
    rows = [
        [kinds["level"], "blitar", "batik", 2023, "1.250,5", None, None, "reported", "S", None],
        [kinds["level"], "blitar", "batik", 2024, 2.5, None, None, "reported", "S", None],
    ]
    checked = checks.check_grid(ingest.read_grid(_xlsx(rows), "x.xlsx"), vocab, today=TODAY)
    assert checked.ok, checked.issues
    assert checked.rows["value"].tolist() == [1250.5, 2.5]


# --- the engine's shortcuts change nothing ---------------------------------------------------

ENTERPRISES = DATASETS["enterprises"]
ODD_VALUES = ["", " ", "  \u00a0", "x", "X ", " 7", "2023", "2023.0", "1999", "2030", "inf"]
ODD_VALUES += ["-0", "-1", "1e5", "1.500", "1,5", "Rp1.250.000", "(3)", "2147483648", "P", "l"]
ODD_VALUES += ["Mikro", "kab_blitar", "batik", "training;exhibition", "reported", "Survei"]
ODD_VALUES += ["y" * 64, "y" * 65, "1.0", "12,5", "nan", "0", "9" * 400]


# A valid record; every file below changes one of its cells to one odd value per row, every
# cell and every odd value (a row is mostly clean, as in a real file, so the shortcut is
# taken and each of its edges is tried). The base income decides the decimal mark.
VALID = ["U", "2023", "kab_blitar", "batik", "micro", "P", "1500000", "3", "2000000"]
VALID += ["training", "reported", "Survei", "", ""]


@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize("income", ["1500000,5", "1500000.5"])
def test_the_clean_row_shortcut_finds_what_the_full_checks_find(vocab, sep, income, monkeypatch):
    """A row the engine's shortcut calls clean skips the cell checks (checks._clean_sql); on
    odd cells (blanks of spaces, bounds, inf, fractions, long texts, cells right of the
    header) the issues and rows are the same as with every check run on every row."""
    assert len(VALID) == len(ENTERPRISES.columns) + 2
    header = [c.header_id for c in ENTERPRISES.columns] + ["", ""]
    base = [income if i == 6 else cell for i, cell in enumerate(VALID)]
    rows = [base]
    for column in range(len(base)):
        for odd in ODD_VALUES:
            row = [*base]
            row[0], row[column] = "U-" + str(len(rows)), odd
            rows.append(row)
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    data = out.getvalue().encode()

    def check() -> validation.Validated:
        return checks.check_grid(ingest.read_grid(data, "x.csv"), vocab, today=TODAY)

    shortcut = check()
    monkeypatch.setattr(checks, "_clean_sql", lambda *args: None)
    full = check()
    assert len({i.row for i in full.issues}) > 100  # the odd cells are found
    assert _issues(shortcut) == _issues(full)


WORDS = st.one_of(
    st.text(alphabet="0123456789.,", max_size=12),
    st.text(max_size=8),
    st.sampled_from(["1.500", "2,250", "12.5", "1,5", "7", "1.234.567,89", " 1.500 ", "1.0"]),
)


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(WORDS, min_size=1, max_size=30), decimal=st.sampled_from([",", "."]))
def test_the_shortcut_macros_equal_the_full_rules(texts, decimal) -> None:
    """plain_number's shortcuts (vote_of, ambiguous_of, the number's fast cast) and text_of
    give what the full rules give, cell for cell."""
    texts = [t.replace("\x00", "") for t in texts] + [None]
    con = checks.connect()
    try:
        sql = (
            "SELECT x, vote_of(x, k) = decimal_vote(x), ambiguous_of(x, decimal_vote(x), k)"
            " = coalesce(mark_ambiguous(x, decimal_vote(x)), false), "
            + checks._number_sql("x", decimal, "k")
            + " IS NOT DISTINCT FROM "
            + checks._number_sql("x", decimal)
            + ", text_of(x) IS NOT DISTINCT FROM (CASE WHEN is_blank(x) THEN NULL"
            " ELSE py_strip(x) END) FROM (SELECT x, plain_number(x) AS k FROM"
            " (SELECT unnest(?) AS x))"
        )
        for text, *same in con.execute(sql, [texts]).fetchall():
            assert all(same), (text, same)
    finally:
        con.close()
