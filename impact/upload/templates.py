"""Upload templates (CSV and XLSX) generated from the dataset declarations.

The committed files in ``data/templates/`` are this module's output; a test regenerates them
and fails if they drift from the declarations.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd

from impact import store
from impact.upload.changes import SIGNIFICANT_DIGITS
from impact.upload.datasets import DATASETS, INTEGER, TEXT, YEAR, Column, Dataset
from impact.upload.validation import Vocabulary

TEMPLATE_DIR = store.DEFAULT_DATA_DIR / "templates"

_TYPE_WORDS = {
    "year": "tahun bulat, misalnya 2024",
    "number": "angka; boleh 1.250.000, 54,5 atau Rp1.250.000",
    "integer": "bilangan bulat",
    "text": "teks",
    "code:indicator": "kode indikator (lihat halaman Sumber & Metodologi)",
    "code:region": "blitar, kota_blitar, kab_blitar, jatim, indonesia (atau namanya)",
    "code:sector": "kode sektor, misalnya batik",
    "code:obstacle": "kode hambatan, misalnya budget_cuts",
    "code:program": "training, exhibition, ip_registration, halal_certification, digital_promotion",
    "code:status": "dilaporkan, estimasi atau ilustratif",
    "code:mark": "tanda BPS: * sementara, ** sangat sementara, r perbaikan; kosong bila angka tetap",
    "code:direction": "arah yang lebih baik: makin tinggi (higher) atau makin rendah (lower)",
    "code:actor": "pemerintah, asosiasi atau pelaku usaha",
    "code:size": "mikro, kecil atau menengah",
    "code:gender": "jenis kelamin pemilik: P (perempuan) atau L (laki-laki); kosong bila tidak dicatat",
    "codes:program": "kode program yang diikuti, dipisah titik koma (;), boleh kosong",
    "code:element": "dialog tatap muka, kepercayaan, komitmen, pemahaman bersama, hasil sementara",
}


def header_frame(dataset: Dataset) -> pd.DataFrame:
    """An empty table with the dataset's Indonesian headers."""
    return pd.DataFrame(columns=[c.header_id for c in dataset.columns])


def guide_frame(dataset: Dataset) -> pd.DataFrame:
    """One line per column: header (id/en), required, what to write."""
    return pd.DataFrame(
        {
            "kolom": [c.header_id for c in dataset.columns],
            "column (English)": [c.header_en for c in dataset.columns],
            "wajib": ["ya" if c.required else "tidak" for c in dataset.columns],
            "isi": [
                _TYPE_WORDS[c.type]
                + (f"; {c.low:g}–{c.high:g}" if c.low is not None and c.high is not None else "")
                + ("; tidak negatif" if c.low == 0 and c.high is None else "")
                for c in dataset.columns
            ],
        }
    )


def csv_bytes(dataset: Dataset) -> bytes:
    return header_frame(dataset).to_csv(index=False).encode("utf-8")


def xlsx_bytes(dataset: Dataset) -> bytes:
    """The empty XLSX template: the headers, a drop-down on every column whose code list is
    fixed (status, skala, jenis_kelamin_pemilik, ...; lists kept in the database, such as
    regions, come with the current-data download), and the guide."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append([c.header_id for c in dataset.columns])
    _add_choices(book, sheet, dataset, Vocabulary.with_fixed_lists(), 1 + _SPARE_ROWS)
    return _finished(book, sheet, dataset)


def write_templates(directory: Path = TEMPLATE_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for code, dataset in DATASETS.items():
        for suffix, data in (("csv", csv_bytes(dataset)), ("xlsx", xlsx_bytes(dataset))):
            target = directory / f"{code}.{suffix}"
            target.write_bytes(data)
            written.append(target)
    return written


# --- the current data as a template: edit it and upload it back ---------------------------

# A workbook of more rows would pass the 10 MB an XLSX upload may have (read cell by cell);
# 20,000 observation rows make ~1 MB. Larger tables go out as the sources page's CSV.
CURRENT_MAX_ROWS = 20_000
LIST_SHEET = "daftar"  # the hidden sheet holding the code lists behind the drop-downs
_SPARE_ROWS = 500  # rows below the data where the drop-downs also apply (new rows)


class TooManyRowsError(Exception):
    """The dataset holds more rows than a workbook upload can take back."""

    def __init__(self, rows: int) -> None:
        super().__init__(f"{rows} rows, at most {CURRENT_MAX_ROWS}")
        self.rows = rows


def _cell_value(column: Column, value: object) -> object:
    """A stored value as a workbook cell: NULL/NaN empty, whole numbers whole, fractions to
    SIGNIFICANT_DIGITS.

    Why the last: a spreadsheet keeps 15 digits, and openpyxl writes 16 ('%.16g'), so
    35.142857142857146 was written 35.14285714285715, which rounds to 15 digits the other
    way (…572, not …571): a re-save in LibreOffice then read as an edit. Written at 15
    digits, the cell is what the diff compares (changes.SIGNIFICANT_DIGITS) and what any
    re-save keeps.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if column.type in (YEAR, INTEGER) and isinstance(value, int | float):
        return int(value)
    if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
        return float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    return value


def current_xlsx(path: Path | str, dataset: Dataset, vocab: Vocabulary) -> bytes:
    """The dataset's current rows as its upload template (XLSX): the Indonesian headers, one
    row per stored row in key order, a drop-down of the code list on every code column (the
    lists on a hidden sheet), numbers as numbers an Indonesian Excel shows with its own
    separators, and text cells stored as text (a stored '=1+1' never becomes a formula).
    Uploaded back unchanged, it changes nothing; one edited cell replaces one value.

    Raises TooManyRowsError above CURRENT_MAX_ROWS rows."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    if store.row_count(path, dataset.table) > CURRENT_MAX_ROWS:
        raise TooManyRowsError(store.row_count(path, dataset.table))
    frame = store.read_table(path, dataset.table)
    frame = frame.sort_values(list(dataset.key), kind="stable")
    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append([c.header_id for c in dataset.columns])
    names = [c.name for c in dataset.columns]
    for record in frame[names].itertuples(index=False):
        sheet.append([_cell_value(c, v) for c, v in zip(dataset.columns, record, strict=True)])
    last = sheet.max_row + _SPARE_ROWS
    for index, column in enumerate(dataset.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 14 if column.type != TEXT else 40
        cells = [row[0] for row in sheet.iter_rows(min_row=2, min_col=index, max_col=index)]
        if column.type in (TEXT,) or column.type.startswith("code"):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, even when it starts with '='
        elif column.type == YEAR:
            for cell in cells:
                cell.number_format = "0"
        else:  # numbers: the separators are the reader's Excel's (1.250.000 in Indonesia)
            for cell in cells:
                whole = isinstance(cell.value, int) or (
                    isinstance(cell.value, float) and cell.value.is_integer()
                )
                cell.number_format = "#,##0" if whole else "#,##0.0#########"
    _add_choices(book, sheet, dataset, vocab, last)
    return _finished(book, sheet, dataset)


def _finished(book, sheet, dataset: Dataset) -> bytes:
    """The workbook's bytes, its header row frozen and the column guide on a sheet of its own."""
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("petunjuk")
    for row in [list(guide_frame(dataset).columns), *guide_frame(dataset).values.tolist()]:
        guide.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _add_choices(book, sheet, dataset: Dataset, vocab: Vocabulary, last: int) -> None:
    """A drop-down of its code list on every code column of ``sheet`` (rows 2 to ``last``),
    the lists on a hidden sheet. Other words are still accepted (no error box): planners
    write names (Kota Blitar, perempuan) as well as codes."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = book.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(dataset.columns, start=1):
        if not column.type.startswith("code:"):
            continue
        codes = vocab.codes(column.type.split(":", 1)[1])
        if not codes:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=column.header_id)
        for offset, code in enumerate(codes, start=2):
            lists.cell(row=offset, column=list_column, value=code).data_type = "s"
        choice = DataValidation(
            type="list",
            formula1=f"{LIST_SHEET}!${list_letter}$2:${list_letter}${len(codes) + 1}",
            allow_blank=not column.required,
            showErrorMessage=False,
        )
        letter = get_column_letter(index)
        choice.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(choice)
