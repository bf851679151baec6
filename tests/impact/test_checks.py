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
        ("count", "1.500", "", "", [(2, "nilai", "thousands-ambiguous", "error")]),
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
    got = [
        (i.row, i.column, i.code, i.level) for i in checked.issues if i.code != "decimal-ambiguous"
    ]
    assert got == expected
    _agree(data, "x.csv", vocab)


def test_a_workbook_number_is_taken_as_a_number_whatever_the_texts_decimal_mark(vocab, kinds):
    # Text cells in decimal commas decide the mark; a workbook's 2.5 stays 2.5, not 25.
    rows = [
        [kinds["level"], "blitar", "batik", 2023, "1.250,5", None, None, "reported", "S", None],
        [kinds["level"], "blitar", "batik", 2024, 2.5, None, None, "reported", "S", None],
    ]
    checked = checks.check_grid(ingest.read_grid(_xlsx(rows), "x.xlsx"), vocab, today=TODAY)
    assert checked.ok, checked.issues
    assert checked.rows["value"].tolist() == [1250.5, 2.5]
