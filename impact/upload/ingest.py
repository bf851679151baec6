"""Read what offices actually produce (CSV from Excel on Indonesian Windows, XLSX) into a grid.

Nothing is assumed and nothing is written here. The reader detects the format, encoding,
delimiter, title rows above the header and blank trailing rows/columns, and says what it
detected. Problems come back as :class:`Issue` values (codes, never sentences); the whole
file is read before anything is judged, so every problem is listed at once.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree.ElementTree import ParseError

from impact import config
from impact.upload import datasets

# The largest upload at all: a province's enterprise records as UTF-8 CSV (1M rows ~140 MB)
# are read by DuckDB itself (impact.upload.bulk). Other files are read cell by cell in Python
# here: a 10 MB CSV took 3.2 s and ~80 MB beyond the file (measured), so those stop at 10 MiB.
DEFAULT_MAX_BYTES = int(config.DEFAULT_MAX_UPLOAD_MB * 2**20)
CELL_BY_CELL_MAX_BYTES = 10 * 1024 * 1024
HEADER_SEARCH_ROWS = 10  # title rows allowed above the header
DELIMITERS = (",", ";", "\t")
# Python's csv module refuses a cell over 131,072 characters with a bare csv.Error; a long
# cell is the validator's to name (text-too-long), so the reader takes any cell.
csv.field_size_limit(2**31 - 1)
# Workbooks: the work one can cause is bounded before and while openpyxl parses it. A 2.4 KB
# workbook with one styled cell at XFD1048576 made openpyxl pad a million rows of 16,384
# cells (past 7 GB); a whitespace-inflated sheet held ~1 GB of blank cells.
XLSX_MAX_UNPACKED = 200 * 2**20  # bytes of all zip members, uncompressed (a zip bomb)
XLSX_MAX_COLUMNS = 200  # a filled cell further right refuses the sheet
XLSX_MAX_CELLS = 2_000_000  # filled cells read from one sheet
# A document type declaration in a workbook part: what entity attacks need ("billion laughs",
# an external entity naming a file or URL). Excel never writes one, and the parser openpyxl
# uses here (xml.etree, defusedxml absent) expands internal entities, so any part holding
# one is refused before openpyxl reads it. UTF-16 parts too (an XML part may be either).
_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be"))
_SCAN_CHUNK = 2**20  # bytes of a part inflated at a time while looking for _DOCTYPE
# What openpyxl's reader raises for a workbook whose parts are damaged (cut short, corrupt):
# a part that is not well-formed XML, a member that fails its CRC or does not inflate, or
# one stored by a method or zip version Python cannot read (NotImplementedError), a sheet
# property with a misspelt attribute (TypeError from openpyxl's descriptors).
_DAMAGED = (
    ParseError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    TypeError,
    NotImplementedError,
)
# C0 control characters other than tab, CR and LF: no planner types them, and XLSX cannot
# hold them (openpyxl's ILLEGAL_CHARACTERS_RE), so a stored one breaks every download.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# UTF-8 text read as Windows-1252 once before ('é' -> 'Ã©', '–' -> 'â€“'), saved again.
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]|â€|Â[\u00a0-\u00bf]"
)

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
    # Each header's column in the file (0 = A): blank columns are left out of the grid, and
    # a cell under a blank header is named by its letter.
    columns: list[int] = field(default_factory=list)


class NotATableError(Exception):
    """Internal: the bytes are not a CSV or XLSX file."""


class RefusedError(Exception):
    """Internal: the file cannot be read as it stands; ``issue`` says where and why."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


# A wide table's cell as a long row's number: sheet row * CELL_FACTOR + column (1 = A).
CELL_FACTOR = 1000


def cell_name(row: int) -> str:
    """A row number as the planner finds it in her file: 12 -> '12'; a wide table's long
    row (impact.upload.wide) -> the cell it came from: 3004 -> 'D3'."""
    if row < CELL_FACTOR:
        return str(row)
    sheet_row, position = divmod(row, CELL_FACTOR)
    return f"{column_letter(position - 1)}{sheet_row}"


def column_letter(index: int) -> str:
    """A column's letter as a spreadsheet shows it: 0 -> 'A', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _line_of(data: bytes, offset: int) -> int:
    """The line (1-based) holding byte ``offset``; CRLF, LF and lone CR all end a line."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


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


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mixed_encoding(data: bytes, error: UnicodeDecodeError, offset: int = 0) -> Issue:
    """The issue of a byte that is not UTF-8 in a UTF-8 file: its line, the byte, and the
    column whose cell holds it (its header, or its letter), when the line reads as a row."""
    at = offset + error.start
    start = max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1
    ends = [i for i in (data.find(b"\r", at), data.find(b"\n", at)) if i >= 0]
    text = data[start : min(ends) if ends else len(data)].decode("utf-8", errors="replace")
    head = data[offset : offset + 64 * 1024].decode("utf-8", errors="replace")
    delimiter = _sniff_delimiter(head.splitlines())
    cells = next(csv.reader([text], delimiter=delimiter), [])
    position = next((i for i, c in enumerate(cells) if "\ufffd" in c), None)
    column = None
    if position is not None:
        first = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))
        header = first[_find_header(first[:HEADER_SEARCH_ROWS])[0]] if first else []
        named = position < len(header) and header[position].strip()
        column = header[position].strip() if named else column_letter(position)
    return Issue("encoding-mixed", row=_line_of(data, at), column=column, value=f"0x{data[at]:02X}")


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding. Strict: a file that is UTF-8 but for a few bytes is
    refused (RefusedError, naming the row of the first such byte), never read whole as
    Windows-1252 with every accent turned to 'Ã©'."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise RefusedError(_mixed_encoding(data, exc, 3)) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):  # UTF-8 elsewhere: the odd byte is the mistake
            raise RefusedError(_mixed_encoding(data, exc)) from exc
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


def _looks_binary(data: bytes) -> bool:
    """An image, archive or program, not text, from the first 4 KiB:

    - NUL bytes or many control bytes (one stray control character is the validator's to
      name, by row and column);
    - or bytes that are not UTF-8 and not 70% ASCII text: a Windows-1252 table is letters,
      digits and separators with an accent here and there (a few percent of its bytes), where
      compressed bytes (an image's pixels) are more than half outside ASCII. Read as
      Windows-1252, such bytes were told "UTF-8 but for one byte", with kilobytes of them as
      a column name.

    A UTF-16 file (it starts with its byte-order mark) is text of its own kind."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:4096]
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 13))
    if head.count(b"\x00") > 1 or controls > max(8, len(head) // 100):
        return True
    try:  # not final: the head may end inside a character
        codecs.getincrementaldecoder("utf-8")().decode(head.removeprefix(b"\xef\xbb\xbf"))
        return False
    except UnicodeDecodeError:
        text = sum(1 for b in head if 32 <= b < 127 or b in (9, 10, 13))
        return len(head) >= 64 and text < 0.7 * len(head)


class UnclosedCell(str):
    """The text of a cell whose opening quote never closes: the rest of the file, as Python's
    csv reads it. :func:`scan_cells` refuses the file naming where it starts."""


class QuoteInCell(str):
    """The text of a cell that opens with a quote closed inside it (``"Pameran" di Jakarta``):
    its quotes are its text. DuckDB's reader refuses such a cell, so a file too large to be
    read here is refused naming it (:func:`scan_csv`)."""


# A quoted cell up to its first quote that is not doubled (the unrolled form of
# "(?:[^"]|"")*": no backtracking over a long cell).
_QUOTED = re.compile(r'"([^"]*(?:""[^"]*)*)"')


def _tokens(text: str, delimiter: str) -> Iterator[list[str]]:
    """The records of CSV text, read as LibreOffice reads them: a cell is quoted only when
    its closing quote ends it (the delimiter, a line end or the end of the text follows).
    Otherwise the quotes are the cell's own text, kept as written up to the next delimiter:
    a hand-typed ``"Pameran" di Jakarta`` stays that, where Python's csv makes it
    ``Pameran di Jakarta``. A quote that never closes takes the rest of the text, as csv
    does (ingest.scan_cells then names it)."""
    unquoted = re.compile("[^" + re.escape(delimiter) + "\r\n]*")
    ends = (delimiter, "\r", "\n")
    pos, size = 0, len(text)
    while pos < size:
        row: list[str] = []
        if text[pos] not in "\r\n":  # an empty line is a record without cells, as in csv
            while True:
                quoted = _QUOTED.match(text, pos) if text.startswith('"', pos) else None
                if text.startswith('"', pos) and quoted is None:  # never closes
                    row.append(UnclosedCell(text[pos + 1 :].replace('""', '"')))
                    pos = size
                elif quoted is not None and (quoted.end() == size or text[quoted.end()] in ends):
                    row.append(quoted.group(1).replace('""', '"'))
                    pos = quoted.end()
                else:
                    cell = unquoted.match(text, pos)
                    assert cell is not None  # the pattern matches the empty text too
                    row.append(QuoteInCell(cell.group()) if quoted else cell.group())
                    pos = cell.end()
                if not text.startswith(delimiter, pos):
                    break
                pos += len(delimiter)
        pos += 2 if text.startswith("\r\n", pos) else 1
        yield row


def csv_records(text: str, delimiter: str) -> Iterator[list[str]]:
    """The records of CSV text, streamed. Python's csv (fast, in C) reads every record whose
    quotes close where a cell ends; from the first that does not, :func:`_tokens` reads the
    text again (the records before are the same both ways) and goes on past it."""
    # Read the text itself, not its lines: a quoted cell may hold a line break (Alt+Enter).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    done = 0
    try:
        for record in reader:
            yield record
            done += 1
    except csv.Error:
        for index, record in enumerate(_tokens(text, delimiter)):
            if index >= done:
                yield record


def _read_csv(data: bytes, detection: Detection) -> list[list[Cell]]:
    if _looks_binary(data):
        raise RefusedError(Issue("file-binary"))
    text, detection.encoding = _decode(data)
    detection.delimiter = _sniff_delimiter(text.splitlines())
    return [list(row) for row in csv_records(text, detection.delimiter)]


def _read_xlsx(data: bytes, detection: Detection, sheet: str | None) -> list[list[Cell]]:
    from openpyxl import load_workbook  # imported here: only XLSX uploads pay for it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > XLSX_MAX_UNPACKED:  # checked before anything is inflated
                raise RefusedError(
                    Issue(
                        "xlsx-too-large-unpacked",
                        params={"size_mb": unpacked / 2**20, "max_mb": XLSX_MAX_UNPACKED / 2**20},
                    )
                )
            try:
                _refuse_doctype(archive)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                raise RefusedError(Issue("xlsx-damaged")) from exc
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise NotATableError("zip") from exc  # NotImplementedError: a zip version unknown
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a zip that is not a workbook
        raise NotATableError("zip") from exc
    detection.sheets = list(book.sheetnames)
    if not book.sheetnames:  # its sheets' parts are missing from the zip
        book.close()
        raise RefusedError(Issue("xlsx-damaged"))
    name = sheet if sheet is not None else book.sheetnames[0]
    if name not in book.sheetnames:
        book.close()
        raise KeyError(name)
    detection.sheet = name
    try:
        return _sheet_rows(book, book[name])
    except (*_DAMAGED, KeyError) as exc:  # KeyError: a part the workbook names is missing
        raise RefusedError(Issue("xlsx-damaged")) from exc
    finally:
        book.close()


def _refuse_doctype(archive: zipfile.ZipFile) -> None:
    """Refuse (RefusedError ``xlsx-entities``) a workbook any part of which declares a
    document type (see _DOCTYPE), reading each part inflated in chunks. A member that fails
    its CRC raises zipfile.BadZipFile; one that does not inflate, zlib.error."""
    overlap = max(len(marker) for marker in _DOCTYPE) - 1
    for info in archive.infolist():
        if info.is_dir():
            continue
        tail = b""
        with archive.open(info) as member:
            while chunk := member.read(_SCAN_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _DOCTYPE):
                    raise RefusedError(Issue("xlsx-entities", value=info.filename))
                tail = window[-overlap:]


def _sheet_rows(book, ws, limit_rows: int | None = None) -> list[list[Cell]]:
    """The sheet's cells up to its last filled row and column, read from the sheet's XML
    as it streams: rows and cells the file does not hold are never made (openpyxl's
    read-only rows pad every row to the declared dimension, A1:XFD1048576 for one styled
    cell far away). Refuses (RefusedError) a filled cell right of XLSX_MAX_COLUMNS or a sheet
    of more than XLSX_MAX_CELLS cells (blank ones too: each costs the parser)."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    sparse: dict[int, list[tuple[int, Cell]]] = {}
    parsed = 0
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for index, cells in parser.parse():
            if limit_rows is not None and index > limit_rows:
                break
            kept: list[tuple[int, Cell]] = []
            parsed += len(cells)
            if parsed > XLSX_MAX_CELLS:  # blank cells too: each costs the parser the same
                raise RefusedError(Issue("xlsx-too-many-cells", params={"max": XLSX_MAX_CELLS}))
            for cell in cells:
                value = cell["value"]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue  # blank: never stored, never held
                column = cell["column"]
                if column > XLSX_MAX_COLUMNS:
                    raise RefusedError(
                        Issue(
                            "xlsx-too-wide",
                            row=index,
                            column=column_letter(column - 1),
                            params={"max": XLSX_MAX_COLUMNS},
                        )
                    )
                if isinstance(value, bool):
                    kept.append((column, str(value)))
                elif isinstance(value, int | float):
                    # A cell formatted as percent holds 0.545 for 54,5%: store percent units.
                    number_format = ReadOnlyCell(ws, **cell).number_format or ""
                    # Decimal: 0.545 * 100 is 54.50000000000001 in floats, and 54.5 here.
                    kept.append(
                        (
                            column,
                            float(Decimal(repr(value)) * 100)
                            if "%" in number_format
                            else float(value),
                        )
                    )
                else:
                    kept.append((column, str(value)))
            if kept:
                sparse[index] = kept
    rows: list[list[Cell]] = []
    for index in range(1, max(sparse, default=0) + 1):
        cells = sparse.get(index, [])
        row: list[Cell] = [None] * (cells[-1][0] if cells else 0)
        for column, value in cells:
            row[column - 1] = value
        rows.append(row)
    return rows


_YEAR_CELL = re.compile(
    r"\s*(?:(?:tahun|year)\s+)?(?:19|20)[0-9]{2}(?:\.0+)?\s*(?:\*{1,2}|r)?\)?\s*", re.I
)


def _has_year_row(rows: list[list[Cell]]) -> bool:
    """Whether a row of the sheet's head holds two or more years: a wide table's header."""
    return any(
        sum(1 for c in row if c is not None and _YEAR_CELL.fullmatch(str(c))) >= 2
        for row in rows[:HEADER_SEARCH_ROWS]
    )


def _sheet_with_data(data: bytes, detection: Detection) -> str | None:
    """Another sheet whose first rows hold a dataset's header or a wide table's years (the
    first sheet has neither)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for name in book.sheetnames[1:]:
            try:
                rows = _sheet_rows(book, book[name], limit_rows=HEADER_SEARCH_ROWS)
            except (RefusedError, AttributeError):  # a chart sheet has no cells
                continue
            except _DAMAGED:  # the first sheet was read; a damaged other one holds no table
                continue
            if _find_header(rows)[1] is not None or _has_year_row(rows):
                return name
    finally:
        book.close()
    return None


def _row_like(line: str, delimiter: str, widths: tuple[int, ...]) -> bool:
    """A line of text that reads as a whole row: as many cells as one of ``widths``."""
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return len(cells) in widths


def _swallows_rows(cell: str, delimiter: str, width: int, record: int) -> bool:
    """A cell holding rows of the file: its lines after the first (blank ones aside) all
    read as whole rows, of ``width`` cells (the header's named columns) or of ``record``
    cells (the record the cell is in: a quote closed by a stray one rows later leaves the
    record as long as a row). Every line, not some: a long note (hundreds of KB of text)
    has lines with as many commas as a row, and its other lines do not."""
    if width < 2:
        return False
    lines = [line for line in cell.splitlines()[1:] if line.strip()]
    inner = lines[:-1] or lines  # the last line may be the start of the row that closed it
    return bool(inner) and all(_row_like(line, delimiter, (width, record)) for line in inner)


def scan_records(grid: Grid) -> Issue | None:
    """:func:`scan_cells` over a read grid."""

    def name(position: int) -> str:
        return grid.headers[position] or column_letter(grid.columns[position])

    width = sum(1 for h in grid.headers if h)
    rows = zip(grid.row_numbers, grid.rows, strict=True)
    return scan_cells(rows, name, grid.detection.delimiter or ",", width)


def scan_cells(
    rows: Iterable[tuple[int, Sequence[Cell]]],
    name: Callable[[int], str],
    delimiter: str,
    width: int,
    *,
    large: bool = False,
) -> Issue | None:
    """What makes a read CSV untrustworthy as a whole, found in its cells:

    - an unclosed quote: one that never closes (an :class:`UnclosedCell`), or one closed by
      a stray quote rows later, where every line inside the cell (blank ones aside) reads as
      a whole row (see :func:`_swallows_rows`). A note typed with Alt+Enter is not one,
      however long, even when some of its lines hold as many commas as a row.
    - text once read as Windows-1252 from UTF-8 ('Ã©', 'â€“'): storing it keeps the damage.
    - ``large`` (a file only DuckDB's reader can take): a :class:`QuoteInCell`, which it
      cannot read as written.

    ``rows`` are (spreadsheet row, cells); ``name(position)`` names a cell's column. Returns
    the first such problem, naming the row where it starts, or None. Both engines call it."""
    for number, row in rows:
        for position, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            if isinstance(cell, UnclosedCell) or (
                ("\n" in cell or "\r" in cell) and _swallows_rows(cell, delimiter, width, len(row))
            ):
                return Issue(
                    "quote-unclosed", row=number, column=name(position), value=cell[:40] + "…"
                )
            if large and isinstance(cell, QuoteInCell):
                shown = cell if len(cell) <= 60 else cell[:60] + "…"
                return Issue("quote-inside-cell", row=number, column=name(position), value=shown)
            found = _MOJIBAKE.search(cell)
            if found:
                start = max(found.start() - 10, 0)
                return Issue(
                    "encoding-mojibake",
                    row=number,
                    column=name(position),
                    value=cell[start : found.end() + 10],
                )
    return None


def scan_csv(data: bytes) -> Issue | None:
    """The file-level refusals of :func:`read_grid` for a CSV too large to be read into a
    grid: not text at all, the encoding (strictly), an unclosed quote, garbled text.
    Streams the records."""
    if _looks_binary(data):
        return Issue("file-binary")
    detection = Detection()
    try:
        text, _ = _decode(data)
    except RefusedError as exc:
        return exc.issue
    head = text[: 256 * 1024]
    delimiter = _sniff_delimiter(head.splitlines())
    reader = csv_records(text, delimiter)
    first: list[list[Cell]] = []
    for record in reader:
        first.append(list(record))
        if len(first) >= HEADER_SEARCH_ROWS:
            break
    header_index, _ = _find_header(first)
    header = (
        [("" if _is_blank(c) else str(c).strip()) for c in first[header_index]] if first else []
    )
    detection.delimiter = delimiter

    def name(position: int) -> str:
        return (
            header[position]
            if position < len(header) and header[position]
            else column_letter(position)
        )

    def rows() -> Iterator[tuple[int, Sequence[Cell]]]:
        for offset, record in enumerate(first[header_index + 1 :]):
            yield header_index + 2 + offset, record
        for offset, later in enumerate(reader, start=len(first) - header_index - 1):
            yield header_index + 2 + offset, later

    return scan_cells(rows(), name, delimiter, sum(1 for h in header if h), large=True)


def _looks_like_data(header: Sequence[Cell]) -> bool:
    """A first row that is data, not headers: two or more of its cells are numbers. Years
    (2021, 2022...) are not counted: they head the columns of a wide table (impact.upload.wide)."""
    numbers = [
        c
        for c in header
        if isinstance(c, str)
        and re.fullmatch(r"[-+(]?(rp|idr)?\s*[0-9][0-9.,% )]*", c.strip(), re.IGNORECASE)
        and not re.fullmatch(r"(19|20)[0-9]{2}", c.strip())
    ]
    return len(numbers) >= 2


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _find_header(rows: Sequence[Sequence[Cell]]) -> tuple[int, datasets.Dataset | None]:
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
    except RefusedError as exc:
        empty.issues.append(exc.issue)
        return empty

    header_index, dataset = _find_header(rows)
    if dataset is None and detection.format == "xlsx" and sheet is None and not _has_year_row(rows):
        other = _sheet_with_data(data, detection)
        if other:
            empty.issues.append(
                Issue("data-on-other-sheet", value=other, params={"sheets": detection.sheets})
            )
            return empty
    detection.header_row = header_index + 1
    detection.title_rows = sum(
        1 for row in rows[:header_index] if not all(_is_blank(c) for c in row)
    )
    detection.dataset = dataset.code if dataset else None
    header = [("" if _is_blank(c) else str(c).strip()) for c in rows[header_index]] if rows else []
    body = rows[header_index + 1 :]
    if dataset is None and _looks_like_data(header):
        expected = [", ".join(c.header_id for c in d.required) for d in datasets.DATASETS.values()]
        empty.issues.append(
            Issue("header-not-found", row=detection.header_row, params={"expected": expected})
        )
        return empty

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
    grid = Grid(headers, grid_rows, numbers, detection, [], keep)
    if detection.format == "csv":
        refusal = scan_records(grid)
        if refusal:
            return Grid([], [], [], detection, [refusal])
    if not grid_rows:
        grid.issues.append(Issue("file-no-rows", row=detection.header_row))
    return grid
