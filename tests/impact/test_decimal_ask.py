"""Numbers written as text that read two ways ('125.430': 125430 or 125.43), in files written
as office suites write them: asked about, naming the cell, when no other cell decides the
decimal mark; stored exactly at the planner's choice (upload.check(decimal=...), the CLI's
--decimal), never at a guess behind a general warning (tracker issue 23, item 4)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from impact import cli, store, upload
from impact.upload import bulk, views, wide
from impact.upload.datasets import DATASETS
from tests.impact.conftest import TODAY

HEADER = [c.header_id for c in DATASETS["observations"].columns]
INDICATOR = "batik_income_avg"  # a level in Rp: 125430 and 125.43 are both allowed values


def _row(year: object, value: object) -> list:
    return [INDICATOR, "blitar", "batik", year, value, None, None, "reported", "Survei", None]


def xlsx(*values: object) -> bytes:
    """A workbook as an office suite saves it: each value in column E from row 2; a str is a
    text cell (typed with a leading apostrophe, or a column formatted as Text)."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for k, value in enumerate(values):
        sheet.append(_row(2024 - k, value))
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    cells = load_workbook(io.BytesIO(data)).active
    for k, value in enumerate(values):  # text stays text: what the check must cope with
        assert cells.cell(row=2 + k, column=5).data_type == ("s" if isinstance(value, str) else "n")
    return data


def csv_file(*values: str, sep: str = ";", encoding: str = "cp1252") -> bytes:
    """A CSV as Excel on Indonesian Windows saves it: ';', Windows-1252, CRLF, no BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(HEADER)
    for k, value in enumerate(values):
        writer.writerow(["" if c is None else c for c in _row(2024 - k, value)])
    return out.getvalue().encode(encoding)


FILES = {
    "xlsx-text-cell": ("x.xlsx", xlsx("125.430")),
    "csv-semicolon-cp1252": ("x.csv", csv_file("125.430")),
    "csv-comma-utf8": ("x.csv", csv_file("125.430", sep=",", encoding="utf-8")),
    # a workbook's own number is no evidence for the mark of the text beside it
    "xlsx-text-beside-a-number": ("x.xlsx", xlsx("125.430", 1000.5)),
}


def _asked(checked) -> list[tuple]:
    return [(i.row, i.column, i.code, i.value, i.params, i.level) for i in checked.issues]


@pytest.mark.parametrize("name", list(FILES))
def test_an_ambiguous_text_number_is_asked_about_naming_the_cell(vocab, name) -> None:
    filename, data = FILES[name]
    result = upload.check(data, filename, vocab, today=TODAY)
    checked = result.validated
    ask = ("decimal-ask", "125.430", {"comma": 125430.0, "point": 125.43}, "error")
    assert _asked(checked) == [(2, "nilai", *ask)]
    assert not checked.ok and checked.rows.empty  # nothing to store at either reading
    (issue,) = checked.issues
    assert views.issue_message(issue, "id").startswith(
        "'125.430' bisa berarti 125430 (tanda desimal koma) atau 125,43 (tanda desimal titik)"
    )
    english = views.issue_message(issue, "en")
    assert english.startswith("'125.430' can mean 125430 (decimal comma) or 125.43 (decimal point)")
    assert "--decimal" in english


@pytest.mark.parametrize("name", list(FILES))
@pytest.mark.parametrize(("decimal", "stored"), [(",", 125430.0), (".", 125.43)])
def test_the_chosen_mark_is_stored_exactly(warm_db: Path, name, decimal, stored) -> None:
    filename, data = FILES[name]
    vocab = upload.load_vocabulary(warm_db)
    result = upload.check(data, filename, vocab, today=TODAY, decimal=decimal)
    assert result.validated.ok and result.validated.issues == []
    assert result.detection.decimal == decimal
    previewed = upload.preview(warm_db, result.validated)
    upload.commit(warm_db, result.validated, previewed, editor="uji", filename=filename, sha256="x")
    values = dict(
        store.observations(warm_db, INDICATOR, "blitar", "batik")[["year", "value"]].values
    )
    assert values[2024] == stored
    if name == "xlsx-text-beside-a-number":
        assert values[2023] == 1000.5  # a workbook's number is not read by the mark


@pytest.mark.parametrize(
    ("filename", "data", "stored"),
    [
        # another text cell decides: decimal comma, so '125.430' is 125430
        ("x.xlsx", xlsx("125.430", "1.234,5"), [125430.0, 1234.5]),
        ("x.xlsx", xlsx("125.430", "12,5"), [125430.0, 12.5]),
        ("x.csv", csv_file("125.430", "12,5"), [125430.0, 12.5]),
        # a ';' file whose cells show a decimal point: '125.430' is 125.43
        ("x.csv", csv_file("125.430", "12.5"), [125.43, 12.5]),
        ("x.xlsx", xlsx("125.430", "1,234.5"), [125.43, 1234.5]),
    ],
    ids=["xlsx-grouped-comma", "xlsx-comma", "csv-comma", "csv-point", "xlsx-grouped-point"],
)
def test_a_cell_that_decides_the_mark_leaves_nothing_to_ask(vocab, filename, data, stored) -> None:
    checked = upload.check(data, filename, vocab, today=TODAY).validated
    assert checked.issues == [] and checked.ok
    assert checked.rows["value"].tolist() == stored


def test_a_cell_against_the_chosen_mark_is_not_a_number(vocab) -> None:
    data = xlsx("125.430", "12,5")  # the comma decides; the planner says '.' all the same
    checked = upload.check(data, "x.xlsx", vocab, today=TODAY, decimal=".").validated
    assert [(i.row, i.column, i.code, i.value) for i in checked.issues] == [
        (3, "nilai", "not-a-number", "12,5")
    ]


def test_the_bulk_reader_asks_and_takes_the_choice_alike(vocab) -> None:
    data = csv_file("125.430", sep=",", encoding="utf-8")  # DuckDB's reader, called directly
    asked = bulk.validate_bulk(data, vocab, today=TODAY).validated
    assert [(i.row, i.column, i.code, i.value) for i in asked.issues] == [
        (2, "nilai", "decimal-ask", "125.430")
    ]
    chosen = bulk.validate_bulk(data, vocab, today=TODAY, decimal=",").validated
    assert chosen.ok
    upload.release(chosen)


WIDE = (
    "Rata-rata pendapatan usaha batik per bulan di Kabupaten Blitar (rupiah), 2023-2024\r\n"
    "Uraian;2023;2024\r\n"
    "Rata-rata pendapatan usaha batik per bulan;125.430;130.250\r\n"
    "Sumber: Disperindag Kabupaten Blitar;;\r\n"
).encode("cp1252")


def test_a_wide_table_asks_on_its_own_cells_and_takes_the_choice(vocab, tmp_path) -> None:
    grid = upload.read(WIDE, "tabel.csv")
    found = wide.detect(grid, vocab)
    assert found is not None
    choices = wide.Choices(indicators={3: INDICATOR})
    asked = wide.check(found, choices, vocab, today=TODAY)
    located = [(i.row, i.code, i.value) for i in asked.issues if i.code == "decimal-ask"]
    assert located == [(3, "decimal-ask", "125.430"), (3, "decimal-ask", "130.250")]
    chosen = wide.check(found, choices, vocab, today=TODAY, decimal=",")
    assert not [i for i in chosen.issues if i.level == "error"]
    assert sorted(chosen.rows["value"].tolist()) == [125430.0, 130250.0]


def test_the_cli_refuses_naming_the_cell_and_the_option_then_imports(
    warm_db, tmp_path, capsys
) -> None:
    path = tmp_path / "pendapatan.csv"
    path.write_bytes(csv_file("125.430"))
    code = cli.main(["--db", str(warm_db), "--lang", "en", "import", str(path)])
    out = capsys.readouterr().out
    assert code == cli.EXIT_INVALID
    assert "[125.430]" in out and "--decimal" in out and "125430" in out
    code = cli.main(["--db", str(warm_db), "import", str(path), "--decimal", "."])
    capsys.readouterr()
    assert code == cli.EXIT_OK
    frame = store.observations(warm_db, INDICATOR, "blitar", "batik")
    assert dict(frame[["year", "value"]].values)[2024] == 125.43
