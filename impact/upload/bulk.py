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
import numpy as np
import pandas as pd

from impact.upload import checks, datasets, ingest, spill, validation
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
# Bytes looked at by numpy at a time. The C0 control characters that ingest.CONTROL_CHARACTERS
# finds (all but tab, LF, CR) are bytes below 32 in UTF-8, which stand for those characters
# only (a multibyte sequence's bytes are all >= 0x80): bytes without one hold no cell with one.
_BYTE_CHUNK = 4 * 2**20
_SPLIT_TRIES = 10_000  # line feeds looked at for the end of a part before giving up on it
MAX_PARTS = 8  # parts read side by side at most, whatever the threads
_BOM = "\ufeff".encode()
SPACE_BEFORE_QUOTE = "a space before an opening quote: read_grid keeps the quotes"


class NotBulkError(Exception):
    """This file needs ``read_grid`` (encoding, blank lines, or an unknown layout)."""


class WidenedError(Exception):
    """DuckDB reads a file (or a part of it) with more columns than the header and its spare
    columns: a cell beyond them would not be checked."""


class HeaderError(NotBulkError):
    """The dataset is not recognised from the head: ``read_grid`` of the head names the
    problem from the header alone, without reading the rows."""


def _head(data: bytes) -> bytes:
    head = data[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1] if b"\n" in head else head


def _space_before_quote(data: bytes, delimiter: str) -> bool:
    """A cell starting with spaces then an opening quote: Python's csv keeps the quotes as
    text, DuckDB reads a quoted cell. The quotes with a space or tab right before them are
    found by numpy a chunk at a time (bytes.find of a two-byte needle reads ~1 GB/s); only
    those are looked at. A quote that closes a cell ('... ; "' then the delimiter, a line
    end or a doubled quote) is not one."""
    pads = b" \t" if delimiter != "\t" else b" "
    ends = (delimiter.encode(), b"\n", b"\r")
    array = np.frombuffer(data, np.uint8)
    found = np.empty(min(len(array), _BYTE_CHUNK), bool)  # one buffer: no page faults per chunk
    for start in range(1, len(array), _BYTE_CHUNK):
        window = array[start - 1 : start + _BYTE_CHUNK]  # the byte before each one too
        quotes = found[: len(window) - 1]
        np.equal(window[1:], 34, out=quotes)
        where = np.flatnonzero(quotes)
        if not len(where):
            continue
        padded = where[np.isin(window[where], np.frombuffer(pads, np.uint8))]
        for at in (padded + start - 1).tolist():  # the space or tab before the quote
            first = at
            while first > 0 and data[first - 1] in pads:
                first -= 1
            after = data[at + 2 : at + 3]
            opening = after not in (*ends, b'"', b"")
            if opening and (first == 0 or data[first - 1 : first] in ends):
                return True
    return False


def _has_control(data: bytes, line_feeds: int | None = None) -> bool:
    """Whether the bytes hold a control character that the checks refuse (C0 but tab, LF,
    CR). Bytes below 32 are counted by numpy a chunk at a time into one buffer (~0.04 s for
    137 MB, no copy, bounded memory) and compared with the line feeds (``line_feeds`` when
    the caller counted them), carriage returns and tabs: checking every cell in DuckDB with
    a regular expression took ~0.9 CPU-s."""
    array = np.frombuffer(data, np.uint8)
    low_buffer = np.empty(min(len(array), _BYTE_CHUNK), bool)
    low = 0
    for start in range(0, len(array), _BYTE_CHUNK):
        chunk = array[start : start + _BYTE_CHUNK]
        below = low_buffer[: len(chunk)]
        np.less(chunk, 32, out=below)
        low += int(np.count_nonzero(below))
    allowed = data.count(b"\n") if line_feeds is None else line_feeds
    for byte in (b"\r", b"\t"):
        if low == allowed:
            return False
        allowed += data.count(byte)
    return low != allowed


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
    decimal: str | None = None,
) -> Checked:
    """Read a large CSV with DuckDB and check it. Raises NotBulkError when ``read_grid``
    must read it. ``decimal``: the planner's decimal mark (:func:`checks.check_source`)."""
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
        # while DuckDB reads (DuckDB, hashlib, re and numpy let go of the GIL); either found
        # sends the file to read_grid. Whether any control character is in it is known
        # first (~0.05 s): without one, the engine need not look for one in every cell.
        with (
            ThreadPoolExecutor(2) as pool,
            tempfile.TemporaryDirectory(prefix=spill.prefix(), dir=_scratch_dir()) as tmp,
        ):
            digest = pool.submit(ingest.sha256_hex, data)
            # from the line feed that ends the header: an empty line right below it counts
            blank_line = pool.submit(_BLANK_LINE.search, data, max(body - 1, 0))
            space_quote = pool.submit(_space_before_quote, data, d.delimiter or ",")
            line_feeds = data.count(b"\n")
            plain = not _has_control(data, line_feeds)
            ranges = split_rows(data, body, min(_threads(con), MAX_PARTS))
            paths = _write_parts(data, ranges, tmp)
            result = None
            if len(paths) > 1:  # parts side by side, each read by one thread, in order
                try:
                    result = _check(
                        con, paths, d, names, header, vocab, today, plain=plain, decimal=decimal
                    )
                except (duckdb.Error, WidenedError):
                    # A part DuckDB cannot read alone (it ends inside a quoted cell), or one
                    # it reads wider than the header: the whole file, as one.
                    for path in paths:
                        os.unlink(path)
            if result is None:
                whole = (
                    paths[0] if len(paths) == 1 else _write_parts(data, [(0, len(data))], tmp)[0]
                )
                try:
                    result = _check(
                        con,
                        [whole],
                        d,
                        names,
                        header,
                        vocab,
                        today,
                        parallel=True,
                        plain=plain,
                        decimal=decimal,
                    )
                except WidenedError as exc:
                    raise NotBulkError(str(exc)) from exc
                except duckdb.Error:
                    try:  # one reading thread copes with line breaks inside quoted cells
                        result = _check(
                            con,
                            [whole],
                            d,
                            names,
                            header,
                            vocab,
                            today,
                            plain=plain,
                            decimal=decimal,
                        )
                    except (duckdb.Error, WidenedError) as exc:  # stray quotes, an encoding
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
    lines = line_feeds - (d.header_row or 0) + (not data.endswith(b"\n"))
    if result.records != lines or _mojibake_bytes(data):
        refusal = ingest.scan_csv(data)
        if refusal:
            validation.release(result.validated)
            return Checked(Validated(dataset, pd.DataFrame(), [refusal]), d, 0)
    return Checked(result.validated, d, result.rows)


def _check(
    con: duckdb.DuckDBPyConnection,
    paths: list[str],
    d: ingest.Detection,
    names: list[str],
    header: checks.Header,
    vocab: Vocabulary,
    today: dt.date | None,
    *,
    parallel: bool = False,
    plain: bool = False,
    decimal: str | None = None,
) -> checks.Result:
    """Check the CSV written in ``paths`` (its parts in order: the first with the header,
    the others rows only); the checked rows go to a spill (on disk, not into the server's
    memory). ``plain``: the file holds no control character."""
    source = checks.Source(
        "read_csv($file, header = false, skip = $skip, all_varchar = true, delim = $delim,"
        " quote = '\"', escape = '\"', comment = '', names = $names, null_padding = true,"
        " parallel = $parallel)",
        tuple(names),
        params={"delim": d.delimiter, "names": names, "parallel": parallel},
        first_row=(d.header_row or 1) + 1,
        delimiter=d.delimiter,
        guess_rows=checks.DECIMAL_GUESS_ROWS,
        controls=not plain,
        parts=tuple(
            {"file": path, "skip": d.header_row if k == 0 else 0} for k, path in enumerate(paths)
        ),
    )
    for part in range(len(paths)):
        # DuckDB takes the column count of a file from its first rows, whatever names it is
        # given: a first row with cells right of the spare columns makes the file wider,
        # and the check, which reads the named columns only, would never see those cells.
        read = con.execute(
            "SELECT * FROM " + source.relation + " LIMIT 0", source.part_params(part)
        )
        if len(read.description or ()) != len(names):
            raise WidenedError("a row near the top of a part has more cells than the header")
    return checks.check_source(
        con, source, header, vocab, d, today=today, spill=Spill(), decimal=decimal
    )


def split_rows(data: bytes, body: int, parts: int) -> list[tuple[int, int]]:
    """Byte ranges of ``data`` in up to ``parts`` parts of about equal size, in order: the
    first holds the header, the others start right after a line feed that ends a record.

    A line feed ends a record when the quotes before it since ``body`` (where the data rows
    start) are even in number: inside a quoted cell they are odd (the opening quote, then
    doubled ones). A quote inside an unquoted cell (``5" x``) upsets the count; a part that
    then ends inside a quoted cell ends with an unclosed quote, which DuckDB refuses, and
    the whole file is read instead. No part starts with U+FEFF (DuckDB would take it for
    the part's byte-order mark and drop it from the cell). A file whose quotes are odd in
    number, or a line feed not found near the mark (a long quoted cell), gives fewer parts."""
    bounds = [0]
    if parts > 1 and data.count(b'"', body) % 2 == 0:
        size, quotes, counted = len(data) - body, 0, body
        for k in range(1, parts):
            at = data.find(b"\n", max(body + size * k // parts, bounds[-1]))
            for _ in range(_SPLIT_TRIES):
                if at < 0 or at + 1 >= len(data):
                    at = -1
                    break
                quotes += data.count(b'"', counted, at)
                counted = at
                # not before a row starting with U+FEFF: DuckDB drops it as a part's BOM
                if quotes % 2 == 0 and not data.startswith(_BOM, at + 1):
                    break
                at = data.find(b"\n", at + 1)
            else:
                at = -1
            if at < 0:
                break
            bounds.append(at + 1)
    bounds.append(len(data))
    return list(zip(bounds, bounds[1:], strict=False))


def _write_parts(data: bytes, ranges: list[tuple[int, int]], folder: str) -> list[str]:
    """Each byte range of ``data`` as a file of its own in ``folder``; returns the paths."""
    view, paths = memoryview(data), []
    for start, end in ranges:
        with tempfile.NamedTemporaryFile(suffix=".csv", dir=folder, delete=False) as part:
            part.write(view[start:end])
        paths.append(part.name)
    return paths


def _threads(con: duckdb.DuckDBPyConnection) -> int:
    """DuckDB's worker threads: the parts read side by side."""
    return max(1, int(con.execute("SELECT current_setting('threads')").fetchone()[0]))


def _scratch_dir() -> str | None:
    """Where the upload's bytes are written for read_csv: memory-backed /dev/shm when it has
    room (the file is read once, right away), else the system temp directory."""
    try:
        stats = os.statvfs("/dev/shm")
    except OSError:
        return None
    return "/dev/shm" if stats.f_bavail * stats.f_frsize > 4 * HEAD_BYTES * 1024 else None
