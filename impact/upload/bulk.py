"""The fast reader: a large UTF-8 CSV streamed by DuckDB's ``read_csv`` straight into the
engine's text table (:mod:`impact.upload.checks`), without a grid in Python.

A province's enterprise records are a million rows; read cell by cell in Python they cost
about 100x a bare ``read_csv``. This reader hands :func:`checks.check_source` a ``read_csv``
call (every cell as text, in file order) and the engine parses and checks it in one pass.

It takes a file only when DuckDB reads it exactly as :func:`impact.upload.ingest.read_grid`
would: UTF-8, line feeds, no blank line between data rows (DuckDB skips those, which would
shift the spreadsheet row numbers), no space before an opening quote (DuckDB drops the quotes
that Python's csv keeps), a dataset recognised from the head, and something DuckDB reads
without error (a stray quote, another encoding further down...). Anything else raises
NotBulkError and goes to ``read_grid``; tests compare both readers row by row.

File-level refusals (an unclosed quote, text garbled by a wrong encoding) come from
:func:`impact.upload.ingest.scan_csv`, ``read_grid``'s own scan, run here only when the file
has fewer records than lines or holds the bytes of 'Ã', 'Â' or 'â€'.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pandas as pd

from impact.upload import checks, datasets, ingest, validation
from impact.upload.checks import Checked
from impact.upload.datasets import Dataset
from impact.upload.spill import Spill
from impact.upload.validation import Validated, Vocabulary

BULK_MIN_BYTES = 5 * 2**20  # smaller files are quick enough to read into a grid
HEAD_BYTES = 256 * 1024  # enough lines to detect the delimiter and header
SPARE_COLUMNS = 4  # cells right of the header's last column read (a filled one is refused)
# The UTF-8 bytes of 'Ã', 'Â' and 'â€': garbled text may follow (ingest.scan_cells decides).
_MOJIBAKE_BYTES = (b"\xc3\x83", b"\xc3\x82", b"\xc3\xa2\xe2\x82\xac")
_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n[ \t\r]*[^\s]")  # a blank line, data rows after it
# Every byte but the C0 control characters that ingest.CONTROL_CHARACTERS finds (all but tab,
# LF, CR). In UTF-8 those bytes stand for those characters only (a multibyte sequence's bytes
# are all >= 0x80), so bytes without one hold no cell with one.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 13))
_CONTROL_CHUNK = 4 * 2**20
SPACE_BEFORE_QUOTE = "a space before an opening quote: read_grid keeps the quotes"


class NotBulkError(Exception):
    """This file needs ``read_grid`` (encoding, blank lines, or an unknown layout)."""


class HeaderError(NotBulkError):
    """The dataset is not recognised from the head: ``read_grid`` of the head names the
    problem from the header alone, without reading the rows."""


def _head(data: bytes) -> bytes:
    head = data[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1] if b"\n" in head else head


def _space_before_quote(data: bytes, delimiter: str) -> bool:
    """A cell starting with spaces then an opening quote: Python's csv keeps the quotes as
    text, DuckDB reads a quoted cell. Found with bytes.find (a regex over 100 MB takes
    seconds). A quote that closes a cell ('... ; "' then the delimiter, a line end or a
    doubled quote) is not one."""
    pads = b" \t" if delimiter != "\t" else b" "
    ends = (delimiter.encode(), b"\n", b"\r")
    for pad in pads:
        needle = bytes([pad]) + b'"'
        at = data.find(needle)
        while at >= 0:
            start = at
            while start > 0 and data[start - 1] in pads:
                start -= 1
            after = data[at + 2 : at + 3]
            opening = after not in (*ends, b'"', b"")
            if opening and (start == 0 or data[start - 1 : start] in ends):
                return True
            at = data.find(needle, at + 1)
    return False


def _has_control(data: bytes) -> bool:
    """Whether the bytes hold a control character that the checks refuse. bytes.translate
    deleting every other byte takes ~0.1 s for 137 MB; checking every cell in DuckDB with a
    regular expression took ~0.9 CPU-s. A chunk at a time: a copy of 4 MB at most."""
    view = memoryview(data)
    for start in range(0, len(data), _CONTROL_CHUNK):
        if bytes(view[start : start + _CONTROL_CHUNK]).translate(None, _NOT_CONTROL):
            return True
    return False


def _mojibake_bytes(data: bytes) -> bool:
    """Whether the bytes of 'Ã', 'Â' or 'â€' are in ``data``. Each begins with 0xC3: one byte,
    found by memchr (~0.01 s for 137 MB), rules out the three searches (~0.3 s together)."""
    return b"\xc3" in data and any(b in data for b in _MOJIBAKE_BYTES)


def _lines(data: bytes, header_row: int | None) -> int:
    """Rows below the header, roughly: the lines."""
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    return max(lines - (header_row or 0), 0)


def validate_bulk(
    data: bytes,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    today: dt.date | None = None,
) -> Checked:
    """Read a large CSV with DuckDB and check it. Raises NotBulkError when ``read_grid``
    must read it."""
    head = ingest.read_grid(_head(data), max_bytes=HEAD_BYTES + 1)
    d = head.detection
    refused = [i for i in head.issues if i.code in ("encoding-mixed", "encoding-mojibake")]
    if refused and not head.headers:  # the head alone shows it: say so, as read_grid would
        d.size, d.sha256 = len(data), ingest.sha256_hex(data)
        return Checked(Validated(dataset, pd.DataFrame(), refused), d, 0)
    if d.format != "csv" or d.encoding not in ("utf-8", "utf-8-sig") or not head.headers:
        raise NotBulkError("not a UTF-8 CSV")
    dataset = dataset or (datasets.DATASETS.get(d.dataset) if d.dataset else None)
    if dataset is None:
        raise HeaderError("dataset not recognised from the head")
    if b"\n" not in data:
        raise NotBulkError("no line feeds (old Mac line ends): read_grid reads them")
    body = 0  # where the data rows start
    for _ in range(d.header_row or 0):
        body = data.index(b"\n", body) + 1

    # The header as the file has it, every column counted: read_grid leaves out empty
    # columns without a header, but DuckDB reads them, and positions must be the file's.
    records = list(
        csv.reader(io.StringIO(_head(data).decode("utf-8-sig"), newline=""), delimiter=d.delimiter)
    )
    if len(records) < (d.header_row or 0):
        raise NotBulkError("header not found in the head's records")
    raw_header = [cell.strip() for cell in records[(d.header_row or 1) - 1]]
    # A few spare columns: a remark typed right of the table on some row is read, to be
    # refused (cell-beyond-header); more cells than that: DuckDB fails, read_grid reads it.
    names = [f"c{i}" for i in range(len(raw_header) + SPARE_COLUMNS)]
    header = checks.map_header(
        raw_header, names[: len(raw_header)], dataset, d.header_row, names[len(raw_header) :]
    )
    d.dataset = dataset.code
    if header.stop:  # named from the header alone; nothing may be written
        if _space_before_quote(data, d.delimiter or ","):
            raise NotBulkError(SPACE_BEFORE_QUOTE)
        d.size, d.sha256 = len(data), ingest.sha256_hex(data)
        return Checked(
            Validated(dataset, pd.DataFrame(), header.issues), d, _lines(data, d.header_row)
        )
    con = checks.connect()
    try:
        # The file's hash and the searches for blank lines and for spaces before quotes run
        # while DuckDB reads (DuckDB and hashlib let go of the GIL); either found sends the
        # file to read_grid. Whether any control character is in it is known first (~0.1 s):
        # without one, the engine need not look for one in every cell.
        with ThreadPoolExecutor(2) as pool:
            controls = pool.submit(_has_control, data)
            digest = pool.submit(ingest.sha256_hex, data)
            blank_line = pool.submit(_BLANK_LINE.search, data, body)
            space_quote = pool.submit(_space_before_quote, data, d.delimiter or ",")
            with tempfile.NamedTemporaryFile(suffix=".csv", dir=_scratch_dir()) as tmp:
                tmp.write(data)
                tmp.flush()
                plain = not controls.result()
                try:
                    result = _check(
                        con,
                        tmp.name,
                        d,
                        names,
                        header,
                        vocab,
                        today,
                        Spill(),
                        parallel=True,
                        plain=plain,
                    )
                except duckdb.Error:
                    try:  # one reading thread copes with line breaks inside quoted cells
                        result = _check(
                            con, tmp.name, d, names, header, vocab, today, Spill(), plain=plain
                        )
                    except duckdb.Error as exc:  # stray quotes, another encoding further down
                        raise NotBulkError("DuckDB cannot read this file as written") from exc
            if blank_line.result():
                validation.release(result.validated)
                raise NotBulkError("blank line between data rows")
            if space_quote.result():
                validation.release(result.validated)
                raise NotBulkError(SPACE_BEFORE_QUOTE)
            d.size, d.sha256 = len(data), digest.result()
    finally:
        con.close()
    # Fewer records than lines: a cell holds line breaks, genuine (Alt+Enter) or an unclosed
    # quote swallowing rows; garbled bytes may be 'Ã©'. read_grid's own scan decides.
    lines = data.count(b"\n", body) + (not data.endswith(b"\n"))
    if result.records != lines or _mojibake_bytes(data):
        refusal = ingest.scan_csv(data)
        if refusal:
            validation.release(result.validated)
            return Checked(Validated(dataset, pd.DataFrame(), [refusal]), d, 0)
    return Checked(result.validated, d, result.rows)


def _check(
    con: duckdb.DuckDBPyConnection,
    csv_path: str,
    d: ingest.Detection,
    names: list[str],
    header: checks.Header,
    vocab: Vocabulary,
    today: dt.date | None,
    spill: Spill,
    *,
    parallel: bool = False,
    plain: bool = False,
) -> checks.Result:
    """Check the CSV at ``csv_path``; the checked rows go to ``spill`` (on disk, not into
    the server's memory). ``plain``: the file holds no control character."""
    source = checks.Source(
        "read_csv($file, header = false, skip = $skip, all_varchar = true, delim = $delim,"
        " quote = '\"', escape = '\"', comment = '', names = $names, null_padding = true,"
        " parallel = $parallel)",
        tuple(names),
        params={
            "file": csv_path,
            "skip": d.header_row,
            "delim": d.delimiter,
            "names": names,
            "parallel": parallel,
        },
        first_row=(d.header_row or 1) + 1,
        delimiter=d.delimiter,
        guess_rows=checks.DECIMAL_GUESS_ROWS,
        controls=not plain,
    )
    return checks.check_source(con, source, header, vocab, d, today=today, spill=spill)


def _scratch_dir() -> str | None:
    """Where the upload's bytes are written for read_csv: memory-backed /dev/shm when it has
    room (the file is read once, right away), else the system temp directory."""
    try:
        stats = os.statvfs("/dev/shm")
    except OSError:
        return None
    return "/dev/shm" if stats.f_bavail * stats.f_frsize > 4 * HEAD_BYTES * 1024 else None
