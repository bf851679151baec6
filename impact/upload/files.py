"""An uploaded file, read and checked: the one way in for the page and the CLI.

:func:`read` gives the file as a grid (what a workbook's sheets are called, say);
:func:`plan` finds a wide table (years across the columns) and how it will be read, so the
page and the CLI can ask what it does not say; :func:`check` checks a wide table by its plan
and the planner's choices, or reads any other file into the engine's text table and checks it
(:mod:`impact.upload.checks`): a large UTF-8 CSV through DuckDB's own reader
(:mod:`impact.upload.bulk`), every other file through :func:`ingest.read_grid`. Both
readers give the same table; the checks are the same queries.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd

from impact.upload import bulk, checks, ingest, wide
from impact.upload.checks import Checked
from impact.upload.datasets import Dataset
from impact.upload.ingest import Grid
from impact.upload.validation import Validated, Vocabulary


def read(
    data: bytes,
    filename: str = "",
    *,
    sheet: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
) -> Grid:
    """The file as a grid (:func:`ingest.read_grid`): headers, rows, what was detected."""
    return ingest.read_grid(data, filename, sheet=sheet, max_bytes=max_bytes)


def plan(
    data: bytes,
    filename: str,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    sheet: str | None = None,
) -> wide.Layout | None:
    """The wide table in the file and how it will be read (:func:`wide.detect`), or None: a
    long file, another dataset chosen, or a file too large to read cell by cell."""
    if dataset is not None and dataset.code != "observations":
        return None
    if not 0 < len(data) <= ingest.CELL_BY_CELL_MAX_BYTES:  # 0: a checked file let go
        return None
    return wide.detect(read(data, filename, sheet=sheet), vocab)


def check(
    data: bytes,
    filename: str,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    sheet: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    today: dt.date | None = None,
    layout: wide.Layout | None = None,
    choices: wide.Choices | None = None,
    decimal: str | None = None,
) -> Checked:
    """Read and check an upload, writing nothing: every cell, every rule, all at once.

    A wide table is checked by its plan (``layout``, from :func:`plan`) and the planner's
    ``choices``: what the table does not say is never guessed (:mod:`impact.upload.wide`).
    Other files up to ``max_bytes`` are taken; those DuckDB's reader cannot take as written
    (XLSX, other encodings, blank lines between rows) only up to CELL_BY_CELL_MAX_BYTES, with
    a message saying how to save them so they can.

    ``decimal`` (',' or '.'): the decimal mark of numbers written as text, as the planner
    chose it; None lets the cells decide, and a cell that reads two ways by a guess is asked
    about (issue ``decimal-ask``), never stored at the guess."""
    if layout is not None:
        validated = wide.check(
            layout, choices or wide.Choices(), vocab, today=today, decimal=decimal
        )
        return Checked(validated, layout.detection, len(layout.rows), plan=layout)
    if bulk.BULK_MIN_BYTES <= len(data) <= max_bytes and sheet is None:
        try:
            return bulk.validate_bulk(data, vocab, dataset, today=today, decimal=decimal)
        except bulk.HeaderError:
            return _check_header(data, filename, vocab, dataset, today)
        except bulk.NotBulkError:
            pass
    cell_limit = min(max_bytes, ingest.CELL_BY_CELL_MAX_BYTES)
    if cell_limit < len(data) <= max_bytes:
        detection = ingest.Detection(size=len(data), sha256=ingest.sha256_hex(data))
        issue = ingest.too_large_for_cells(len(data), cell_limit)
        if sheet is None and not zipfile.is_zipfile(io.BytesIO(data)):
            # Say what is really wrong when it can be found without a grid: the byte from
            # another encoding, the quote that never closes (not just "save as CSV UTF-8").
            issue = ingest.scan_csv(data) or issue
        return Checked(Validated(dataset, pd.DataFrame(), [issue]), detection, 0)
    grid = read(data, filename, sheet=sheet, max_bytes=max_bytes)
    checked = checks.check_grid(grid, vocab, dataset, today=today, decimal=decimal)
    return Checked(checked, grid.detection, len(grid.rows))


def _check_header(
    data: bytes, filename: str, vocab: Vocabulary, dataset: Dataset | None, today: dt.date | None
) -> Checked:
    """A large CSV whose dataset is not recognised: the header's issues, from the head."""
    head = bulk._head(data)
    grid = read(head, filename, max_bytes=len(head) + 1)
    checked = checks.check_grid(grid, vocab, dataset, today=today)
    checked.rows = pd.DataFrame()  # the rows were not checked: nothing may be written
    grid.detection.size, grid.detection.sha256 = len(data), ingest.sha256_hex(data)
    lines = data.count(b"\n") + (not data.endswith(b"\n"))  # rows below the header, roughly
    return Checked(checked, grid.detection, max(lines - (grid.detection.header_row or 0), 0))
