"""Read what offices actually produce (CSV from Excel on Indonesian Windows, XLSX) into a grid.

Nothing is assumed and nothing is written here. The reader detects the format, encoding,
delimiter, title rows above the header and blank trailing rows/columns, and says what it
detected. Problems come back as :class:`Issue` values (codes, never sentences); the whole
file is read before anything is judged, so every problem is listed at once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from impact import config
from impact.upload import datasets

# The largest upload at all: a province's enterprise records as UTF-8 CSV (1M rows ~140 MB)
# are checked inside DuckDB (impact.bulk). Other files are read cell by cell in Python: a
# 10 MB CSV took 3.2 s and ~80 MB beyond the file (measured), so those stop at 10 MiB.
DEFAULT_MAX_BYTES = int(config.DEFAULT_MAX_UPLOAD_MB * 2**20)
CELL_BY_CELL_MAX_BYTES = 10 * 1024 * 1024
HEADER_SEARCH_ROWS = 10  # title rows allowed above the header
DELIMITERS = (",", ";", "\t")

# Magic numbers of files people rename to .csv by mistake.
_BINARY_SIGNATURES = {
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"%PDF": "pdf",
    b"\xd0\xcf\x11\xe0": "xls",  # legacy Excel / OLE2
    b"Rar!": "rar",
    b"\x1f\x8b": "gzip",
    b"7z\xbc\xaf": "7z",
}

Cell = str | float | None


@dataclass(frozen=True)
class Issue:
    """One problem found in a file: a stable code plus where and what.

    ``row`` is the row number as a spreadsheet shows it (the file's first line is 1);
    ``column`` is the header as written in the file. ``level`` is "error" (blocks the
    upload) or "warning" (shown, does not block).
    """

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict)
    level: str = "error"

    def key(self) -> tuple:
        """A flat tuple for tests and sorting: (row, column, code)."""
        return (self.row, self.column, self.code)


@dataclass
class Detection:
    """What the reader found out about the file, shown to the user."""

    format: str = ""  # "csv" or "xlsx"
    encoding: str | None = None  # "utf-8", "utf-8-sig" (BOM), "cp1252"
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None  # as the spreadsheet shows it
    title_rows: int = 0
    dataset: str | None = None
    decimal: str | None = None  # "," or "." (set by validation, which knows numeric columns)
    sha256: str = ""
    size: int = 0


@dataclass
class Grid:
    """The file's table: headers as written, data rows, and each row's spreadsheet number."""

    headers: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int]
    detection: Detection
    issues: list[Issue]


class NotATableError(Exception):
    """Internal: the bytes are not a CSV or XLSX file."""


def too_large_for_cells(size: int, limit: int) -> Issue:
    """The issue of a file too large to be read cell by cell (see CELL_BY_CELL_MAX_BYTES)."""
    return Issue(
        "file-too-large-for-cells", params={"size_mb": size / 2**20, "max_mb": limit / 2**20}
    )


def max_bytes_from_env(environ=None) -> int:
    """The upload size limit: ``$BATIK_MAX_UPLOAD_MB`` megabytes, default 200 (see
    :mod:`impact.config`; a value that is not a positive number raises ConfigError)."""
    return config.max_upload_bytes(environ)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Excel's "CSV" on Indonesian Windows writes the ANSI code page, Windows-1252.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most, and most equal, columns."""
    best, best_score = ",", (-1, -1)
    sample = [line for line in lines if line.strip()][:20]
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, detection: Detection) -> list[list[Cell]]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotATableError("binary")
    text, detection.encoding = _decode(data)
    detection.delimiter = _sniff_delimiter(text.splitlines())
    # Read the text itself, not its lines: a quoted cell may hold a line break (Alt+Enter).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detection.delimiter)
    return [list(row) for row in reader]


def _read_xlsx(data: bytes, detection: Detection, sheet: str | None) -> list[list[Cell]]:
    from openpyxl import load_workbook  # imported here: only XLSX uploads pay for it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a zip that is not a workbook
        raise NotATableError("zip") from exc
    detection.sheets = list(book.sheetnames)
    name = sheet if sheet is not None else book.sheetnames[0]
    if name not in book.sheetnames:
        book.close()
        raise KeyError(name)
    detection.sheet = name
    rows: list[list[Cell]] = []
    for row in book[name].iter_rows():
        cells: list[Cell] = []
        for cell in row:
            value = cell.value
            if isinstance(value, bool) or value is None:
                cells.append(None if value is None else str(value))
            elif isinstance(value, int | float):
                # A cell formatted as percent holds 0.545 for 54,5%: store percent units.
                is_percent = "%" in (cell.number_format or "")
                # Decimal: 0.545 * 100 is 54.50000000000001 in floats, and 54.5 here.
                cells.append(float(Decimal(repr(value)) * 100) if is_percent else float(value))
            else:
                cells.append(str(value))
        rows.append(cells)
    book.close()
    return rows


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _find_header(rows: list[list[Cell]]) -> tuple[int, datasets.Dataset | None]:
    """Index of the header row (the first that names a dataset's required columns)."""
    first_nonblank = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if all(_is_blank(c) for c in row):
            continue
        if first_nonblank is None:
            first_nonblank = index
        dataset = datasets.detect_dataset([str(c) for c in row if not _is_blank(c)])
        if dataset:
            return index, dataset
    return (first_nonblank if first_nonblank is not None else 0), None


def read_grid(
    data: bytes,
    filename: str = "",
    *,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Grid:
    """Read a CSV or XLSX file into a :class:`Grid`. Never raises for bad input.

    File-level problems (empty, too large, not a table, missing sheet) come back as issues
    with an empty grid.
    """
    detection = Detection(sha256=sha256_hex(data), size=len(data))
    empty = Grid([], [], [], detection, [])
    if len(data) > max_bytes:
        empty.issues.append(
            Issue(
                "file-too-large", params={"size_mb": len(data) / 2**20, "max_mb": max_bytes / 2**20}
            )
        )
        return empty
    if not data.strip():
        empty.issues.append(Issue("file-empty"))
        return empty
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            empty.issues.append(Issue("file-not-table", params={"kind": kind}))
            return empty
    try:
        if zipfile.is_zipfile(io.BytesIO(data)):
            detection.format = "xlsx"
            rows = _read_xlsx(data, detection, sheet)
        else:
            detection.format = "csv"
            rows = _read_csv(data, detection)
    except NotATableError as exc:
        empty.issues.append(Issue("file-not-table", params={"kind": str(exc)}))
        return empty
    except KeyError as exc:
        empty.issues.append(
            Issue("sheet-missing", value=str(exc.args[0]), params={"sheets": detection.sheets})
        )
        return empty
    except csv.Error as exc:
        empty.issues.append(Issue("file-not-table", params={"kind": "csv", "detail": str(exc)}))
        return empty

    header_index, dataset = _find_header(rows)
    detection.header_row = header_index + 1
    detection.title_rows = sum(
        1 for row in rows[:header_index] if not all(_is_blank(c) for c in row)
    )
    detection.dataset = dataset.code if dataset else None
    header = [("" if _is_blank(c) else str(c).strip()) for c in rows[header_index]] if rows else []
    body = rows[header_index + 1 :]

    # Blank trailing columns: no header and nothing below it.
    width = len(header)
    for row in body:
        last = max((i for i, c in enumerate(row) if not _is_blank(c)), default=-1)
        width = max(width, last + 1)
    keep = [
        i
        for i in range(width)
        if (i < len(header) and header[i]) or any(i < len(r) and not _is_blank(r[i]) for r in body)
    ]
    headers = [header[i] if i < len(header) else "" for i in keep]
    grid_rows, numbers = [], []
    for offset, row in enumerate(body):
        cells = [row[i] if i < len(row) else None for i in keep]
        if all(_is_blank(c) for c in cells):
            continue  # blank rows (trailing or in between) carry nothing
        grid_rows.append(cells)
        numbers.append(header_index + 2 + offset)
    grid = Grid(headers, grid_rows, numbers, detection, [])
    if not grid_rows:
        grid.issues.append(Issue("file-no-rows", row=detection.header_row))
    return grid
