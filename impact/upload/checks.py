"""The one validation engine: every upload, whatever its format, size or dataset, is checked
by the same DuckDB queries over one text table.

A reader puts the file into that table: one row per data row, its spreadsheet row number,
and every cell as text (``c0``, ``c1``, ... named by the file's column, 0 = A). Two readers
exist: :func:`impact.upload.ingest.read_grid` (encodings, XLSX, title rows, blank lines; the
grid becomes an Arrow table here, with a workbook's numbers beside their text in ``n0``,
``n1``, ...) and :mod:`impact.upload.bulk` (a large UTF-8 CSV streamed by DuckDB's
``read_csv``). What happens next is the same for both:

1. the header is mapped onto the dataset's columns (:func:`map_header`, Python: one row);
2. the decimal mark is decided from every numeric text cell of the file, or given by the
   planner; when no cell decides it and some read two ways ('125.430'), each such cell is
   asked about (``decimal-ask``): no number is stored at a guessed reading;
3. one projection parses every cell with SQL macros and runs every check, the cross-column
   rules of indicator data included (kind bounds, low <= value <= high), into a bit mask;
4. the failing rows are listed (the first MAX_ISSUES, cells shown as written), repeated keys
   found, and the typed rows handed on as a frame.

The parsing rules are also written in plain Python in ``tests/reference_checker.py``: tests
compare this engine with it, generated files included.

SQL text here is assembled only from generated identifiers (c<i>, n<i>, p_<column> and the
dataset's declared column names) and constants; every value from the file is data, every
value from us is a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from impact import config
from impact.upload import datasets, ingest, spill, validation
from impact.upload.datasets import INTEGER, NUMBER, TEXT, YEAR, Dataset
from impact.upload.ingest import Grid, Issue
from impact.upload.spill import Spill, part_table
from impact.upload.validation import (
    MAX_YEAR_AHEAD,
    MIN_YEAR,
    Validated,
    Vocabulary,
    beyond_header_issue,
    control_issue,
    unlisted_issue,
)

# ingest.CONTROL_CHARACTERS as an RE2 class
_CONTROL_SQL = "'[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]'"
DECIMAL_GUESS_ROWS = 5000  # rows that give the first guess of the decimal mark (then verified)
_NON_NEGATIVE_KINDS = ("level", "count", "index")
_PERCENT_KINDS = ("score", "share")

# Python's str.strip() and \\s: every character str.isspace() accepts, as a regex class.
_SPACE = "[\\s\\x{0b}\\x{1c}-\\x{1f}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}]"

# The cell rules as SQL macros, created in each scratch connection. Constants only: every
# value from the file reaches them as data.
MACROS = (
    # Whether a cell starts and ends with a printable ASCII character, as most cells do:
    # nothing to strip. (x[-1], the last character, costs a third of right(x, 1).)
    "CREATE MACRO printable_ends(x) AS unicode(x) BETWEEN 33 AND 126 AND unicode(x[-1])"
    " BETWEEN 33 AND 126",
    # str.strip().
    "CREATE MACRO py_strip(x) AS CASE WHEN printable_ends(x) THEN x ELSE regexp_replace(x, '^"
    + _SPACE
    + "+|"
    + _SPACE
    + "+$', '', 'g') END",
    "CREATE MACRO is_blank(x) AS CASE WHEN x IS NULL THEN true WHEN unicode(x) BETWEEN 33 AND 126"
    " THEN false ELSE py_strip(x) = '' END",
    # A text cell's value: stripped, NULL when blank (one CASE for the usual cell).
    "CREATE MACRO text_of(x) AS CASE WHEN printable_ends(x) THEN x WHEN is_blank(x) THEN NULL"
    " ELSE py_strip(x) END",
    # Stripped, lower case as Python lowers it (a dotted capital I is 'i' + a combining dot),
    # runs of spaces as one.
    "CREATE MACRO norm(x) AS regexp_replace(lower(replace(py_strip(x), 'İ', 'i\u0307')), '"
    + _SPACE
    + "+', ' ', 'g')",
    # A number cell, step by step: spaces out; '(1.000)' is negative; a sign; 'Rp'/'IDR';
    # a trailing '%'.
    "CREATE MACRO no_space(x) AS regexp_replace(x, '" + _SPACE + "', '', 'g')",
    "CREATE MACRO unparen(s) AS CASE WHEN s LIKE '(%)' THEN substr(s, 2, length(s) - 2) ELSE s END",
    "CREATE MACRO negative(s) AS CASE WHEN left(unparen(s), 1) IN ('-', '−') THEN true"
    " WHEN left(unparen(s), 1) = '+' THEN false ELSE s LIKE '(%)' END",
    "CREATE MACRO number_body(s) AS regexp_replace(regexp_replace(CASE WHEN left(unparen(s), 1)"
    " IN ('-', '−', '+') THEN substr(unparen(s), 2) ELSE unparen(s) END, '^(rp\\.?|idr)', '', 'i'),"
    " '%$', '')",
    # A number for each decimal mark: grouped thousands or plain digits, else NULL.
    "CREATE MACRO number_point(x) AS CASE WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?|[0-9]+(\\.[0-9]+)?') THEN (CASE WHEN negative(no_space(x))"
    " THEN -1 ELSE 1 END) * CAST(replace(number_body(no_space(x)), ',', '') AS DOUBLE) END",
    "CREATE MACRO number_comma(x) AS CASE WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?|[0-9]+(,[0-9]+)?') THEN (CASE WHEN negative(no_space(x))"
    " THEN -1 ELSE 1 END) * CAST(replace(replace(number_body(no_space(x)), '.', ''), ',', '.')"
    " AS DOUBLE) END",
    # A year: four digits, or '2023.0'.
    "CREATE MACRO year_of(x) AS CASE WHEN regexp_full_match(x, '[0-9]{4}') THEN CAST(x AS INTEGER)"
    " WHEN regexp_full_match(py_strip(x), '[0-9]{4}(\\.0+)?')"
    " THEN CAST(CAST(py_strip(x) AS DOUBLE) AS INTEGER) END",
    # Which decimal mark a number cell shows: 1 for ',', 2 for '.', 0 when it cannot tell
    # ('1.500' may be either). Cells without a mark, most of them, are not looked at; plain
    # digits with one mark, the usual exported number, are told apart without the full rules.
    "CREATE MACRO decimal_vote(x) AS CASE WHEN x IS NULL OR NOT (contains(x, ',') OR"
    " contains(x, '.')) THEN 0 WHEN regexp_full_match(x, '[0-9]+\\.([0-9]{1,2}|[0-9]{4,})')"
    " THEN 2 WHEN regexp_full_match(x, '[0-9]+,([0-9]{1,2}|[0-9]{4,})') THEN 1"
    " WHEN regexp_full_match(x, '[0-9]+[.,][0-9]{3}') THEN 0"
    " WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]+,[0-9]{1,2}|[0-9]+,[0-9]{4,}|[0-9]{1,3}(\\.[0-9]{3}){2,}(,[0-9]+)?"
    "|[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+') THEN 1 WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]+\\.[0-9]{1,2}|[0-9]+\\.[0-9]{4,}|[0-9]{1,3}(,[0-9]{3}){2,}(\\.[0-9]+)?"
    "|[0-9]{1,3}(,[0-9]{3})+\\.[0-9]+') THEN 2 ELSE 0 END",
    # A cell that does not decide the mark (its vote ``v`` is 0) but reads differently by
    # it: '1.500', '2,250'.
    "CREATE MACRO mark_ambiguous(x, v) AS v = 0 AND x IS NOT NULL AND (contains(x, ',') OR"
    " contains(x, '.')) AND regexp_matches(x, '[0-9][.,][0-9]{3}\\b')",
    # The usual number cell of an export: digits, perhaps one mark and more digits. Found
    # once per cell (one regular expression); for such a cell the vote, the ambiguity and
    # the value follow from where its mark is, without the full rules' expressions.
    "CREATE MACRO plain_number(x) AS regexp_full_match(x, '[0-9]+([.,][0-9]+)?')",
    # decimal_vote(x), given plain = plain_number(x): one mark and 3 digits after it cannot tell.
    "CREATE MACRO vote_of(x, plain) AS CASE WHEN plain THEN (CASE WHEN NOT (contains(x, '.') OR"
    " contains(x, ',')) THEN 0 WHEN length(x) - greatest(strpos(x, '.'), strpos(x, ',')) = 3"
    " THEN 0 WHEN contains(x, '.') THEN 2 ELSE 1 END) ELSE decimal_vote(x) END",
    # coalesce(mark_ambiguous(x, v), false), given plain = plain_number(x). A CASE, so the
    # regular expression runs only for cells that need it (AND in a select list does not stop
    # early).
    "CREATE MACRO ambiguous_of(x, v, plain) AS CASE WHEN v IS DISTINCT FROM 0 OR x IS NULL"
    " THEN false WHEN plain THEN contains(x, '.') OR contains(x, ',') WHEN contains(x, ',') OR"
    " contains(x, '.') THEN regexp_matches(x, '[0-9][.,][0-9]{3}\\b') ELSE false END",
)


_engine: duckdb.DuckDBPyConnection | None = None
_engine_lock = threading.Lock()


def connect() -> duckdb.DuckDBPyConnection:
    """A scratch connection with the engine's macros: a cursor of one in-memory database per
    process (the macros are made once; each check has its own cursor, so checks in two
    sessions run side by side). Close it when done."""
    global _engine
    with _engine_lock:
        if _engine is None:
            engine = duckdb.connect()
            # Bounded (BATIK_CHECK_MEMORY): above it DuckDB writes to a temporary folder of
            # its own, not the working directory of the server. Named like every copy of an
            # upload (the rows it spills are the file's), so a crash's leftovers are removed
            # at the next start (spill.remove_leftovers).
            engine.execute("SET memory_limit = '" + config.check_memory() + "'")
            scratch = Path(tempfile.gettempdir()) / (spill.prefix() + "duckdb")
            engine.execute("SET temp_directory = ?", [str(scratch)])
            for macro in MACROS:
                engine.execute(macro)
            _engine = engine
        return _engine.cursor()


@dataclass
class Checked:
    """A file read and validated: the result, what was detected, how many data rows, and
    for a wide table the plan it was read by (an :class:`impact.upload.wide.Layout`)."""

    validated: Validated
    detection: ingest.Detection
    rows: int
    plan: Any = None

    def row_name(self, row: int) -> str:
        """A row as the planner finds it in her file: '12', or a wide table's cell 'D4'."""
        return ingest.cell_name(row) if self.plan is not None else str(row)


@dataclass
class Result:
    """What :func:`check_source` found: the result, the data rows (blank rows aside) and the
    records the reader gave (blank ones included)."""

    validated: Validated
    rows: int
    records: int


@dataclass(frozen=True)
class Source:
    """The text table a reader made: SQL of the relation (a registered table or a
    ``read_csv`` call, with its bound parameters), its cell columns (``c<file column>``),
    the cells that also hold a workbook's number (``n<file column>``), and either each
    row's spreadsheet number (column ``_row``) or the first row's (rows counted in order)."""

    relation: str
    columns: tuple[str, ...]
    params: dict = field(default_factory=dict)
    natives: frozenset[str] = frozenset()
    first_row: int | None = None  # None: the relation has a ``_row`` column
    delimiter: str | None = None
    guess_rows: int | None = None  # rows enough for a first guess of the decimal mark
    # False when the reader saw that no cell holds a control character (the bytes hold
    # none): the control-character check, a regular expression over every cell, is left out.
    controls: bool = True
    # The file in parts, read side by side: each part's parameters over ``params`` (its file),
    # in file order. One part: the relation is read once. Several need rows counted in order
    # (``first_row``) and a spill.
    parts: tuple[dict, ...] = ({},)

    def part_params(self, part: int) -> dict:
        return {**self.params, **self.parts[part]}


@dataclass
class Header:
    """The file's header mapped onto a dataset: dataset column -> cell column, the header as
    the file writes it, and the header's own issues."""

    dataset: Dataset
    row: int
    cells: dict[str, str]
    shown: dict[str, str]
    issues: list[Issue]
    unheaded: tuple[str, ...] = ()  # cell columns under a blank header, or right of the last
    stop: bool = False  # the rows cannot be checked (a missing column, no header at all)


def map_header(
    headers: Sequence[str],
    names: Sequence[str],
    dataset: Dataset,
    header_row: int | None,
    spare: Sequence[str] = (),
) -> Header:
    """Map the header cells (``headers[i]`` above cell column ``names[i]``) onto ``dataset``:
    unknown columns are warned about, a repeated one is an error (the first is checked), a
    missing required column stops the check. ``spare`` are cell columns right of the last."""
    mapping = datasets.header_map(dataset)
    cells: dict[str, str] = {}
    shown: dict[str, str] = {}
    issues: list[Issue] = []
    for header, name in zip(headers, names, strict=True):
        column = mapping.get(datasets.normalize_header(header))
        if column is None:
            if header:
                issues.append(
                    Issue("unknown-column", row=header_row, column=header, level="warning")
                )
            continue
        if column in cells:
            issues.append(Issue("duplicate-column", row=header_row, column=header))
            continue
        cells[column], shown[column] = name, header
    unheaded = (*(n for h, n in zip(headers, names, strict=True) if not h), *spare)
    result = Header(dataset, header_row or 1, cells, shown, issues, unheaded)
    if not cells:  # no header at all: the first row is data, or the wrong file
        expected = [c.header_id for c in dataset.required]
        issues.append(Issue("header-not-found", row=header_row, params={"expected": expected}))
        result.stop = True
        return result
    for required in dataset.required:
        if required.name not in cells:
            issues.append(
                Issue(
                    "missing-column",
                    row=header_row,
                    column=required.header_id,
                    params={"en": required.header_en},
                )
            )
            result.stop = True
    return result


# --- a grid as a text table ---------------------------------------------------------------


def cell_text(cell: ingest.Cell) -> str | None:
    """A grid cell as text: a workbook's number as a spreadsheet shows it in General format
    (3 -> '3', 0.1 -> '0.1', up to 15 significant digits), never '1.23457e+06'."""
    if cell is None or isinstance(cell, str):
        return cell
    if math.isfinite(cell) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return format(cell, ".15g")


def grid_source(grid: Grid) -> tuple[pa.Table, list[str], list[str]]:
    """The grid as an Arrow text table: ``_row``, ``c<file column>`` (text) and, where a
    workbook holds numbers, ``n<file column>`` (the number). Returns the table, the cell
    column names and the names of the number columns."""
    positions = grid.columns or list(range(len(grid.headers)))
    names = [f"c{p}" for p in positions]
    arrays: dict[str, pa.Array] = {"_row": pa.array(grid.row_numbers, pa.int64())}
    natives = []
    for index, name in enumerate(names):
        column = [row[index] for row in grid.rows]
        arrays[name] = pa.array([cell_text(c) for c in column], pa.string())
        if any(isinstance(c, float) for c in column):
            numbers = [c if isinstance(c, float) else None for c in column]
            arrays["n" + name[1:]] = pa.array(numbers, pa.float64())
            natives.append("n" + name[1:])
    return pa.table(arrays), names, natives


def check_grid(
    grid: Grid,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    today: dt.date | None = None,
    decimal: str | None = None,
) -> Validated:
    """Check every cell of a read grid for ``dataset`` (detected from the headers if None).
    ``decimal`` (',' or '.'): the planner's decimal mark for numbers written as text; None
    lets the cells decide (see :func:`check_source`)."""
    issues = list(grid.issues)
    if dataset is None and grid.detection.dataset:
        dataset = datasets.DATASETS[grid.detection.dataset]
    if dataset is None and grid.rows:
        dataset = datasets.closest_dataset(grid.headers)
    if issues and not grid.rows:
        return Validated(dataset, pd.DataFrame(), issues)
    if dataset is None:
        issues.append(
            Issue(
                "dataset-unknown",
                row=grid.detection.header_row,
                params={"headers": [h for h in grid.headers if h]},
            )
        )
        return Validated(None, pd.DataFrame(), issues)
    grid.detection.dataset = dataset.code
    table, names, natives = grid_source(grid)
    header = map_header(grid.headers, names, dataset, grid.detection.header_row)
    header.issues[:0] = issues
    if header.stop:
        return Validated(dataset, pd.DataFrame(), header.issues)
    # Whether any text cell holds a control character: one search over the cells joined
    # (a grid is 10 MB at most); without one, the engine leaves out its check of every cell.
    texts = "\n".join(c for row in grid.rows for c in row if isinstance(c, str))
    source = Source(
        "grid",
        tuple(names),
        natives=frozenset(natives),
        delimiter=grid.detection.delimiter,
        controls=bool(ingest.CONTROL_CHARACTERS.search(texts)),
    )
    con = connect()
    try:
        con.register("grid", table)
        return check_source(
            con, source, header, vocab, grid.detection, today=today, decimal=decimal
        ).validated
    finally:
        con.close()


# --- the checks -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    """One check, as SQL that is true where the row fails it."""

    condition: str
    code: str
    raw: str  # the cell column shown as the issue's value ('' for none)
    header: str  # the column's header as the file shows it
    params: dict
    list_name: str = ""  # for unknown codes: the code list, to name the unknown word
    raws: tuple[str, ...] = ()  # a check over several cells: each is named on its own
    level: str = "error"
    cell: bool = True  # a check of one cell; False: a rule across the row's parsed values


def _number_sql(raw: str, decimal: str, plain: str | None = None) -> str:
    """A number cell's value (NULL when it is not a number in this file's convention).

    Plain digits, the usual case in an exported file, are cast directly; anything else goes
    through the full rules (Rp, %, thousands groups, signs, parentheses). ``plain``: a
    column holding plain_number(raw), when the caller has it."""
    if plain is not None:
        other = "." if decimal == "," else ","
        return (
            "CASE WHEN "
            + plain
            + " AND NOT contains("
            + raw
            + ", '"
            + other
            + "') THEN CAST("
            + ("replace(" + raw + ", ',', '.')" if decimal == "," else raw)
            + " AS DOUBLE) ELSE "
            + ("number_comma(" if decimal == "," else "number_point(")
            + raw
            + ") END"
        )
    if decimal == ",":
        return (
            "CASE WHEN regexp_full_match("
            + raw
            + ", '[0-9]+(,[0-9]+)?') THEN CAST(replace("
            + raw
            + ", ',', '.') AS DOUBLE) ELSE number_comma("
            + raw
            + ") END"
        )
    return (
        "CASE WHEN regexp_full_match("
        + raw
        + ", '[0-9]+(\\.[0-9]+)?') THEN CAST("
        + raw
        + " AS DOUBLE) ELSE number_point("
        + raw
        + ") END"
    )


def _plain(raw: str) -> str:
    """The column beside number cell column ``raw`` that holds plain_number(raw)."""
    return "k" + raw[1:]


def _native(raw: str, source: Source) -> str | None:
    """The number column beside cell column ``raw``, if the reader gave one."""
    name = "n" + raw[1:]
    return name if name in source.natives else None


def _parsed_sql(column: datasets.Column, raw: str, decimal: str, source: Source) -> str:
    """A cell's typed value as SQL; NULL where it does not parse (a check then fails)."""
    if column.type == YEAR:
        return "year_of(" + raw + ")"
    if column.type in (NUMBER, INTEGER):
        native = _native(raw, source)
        text = _number_sql(raw, decimal, _plain(raw))
        if native is None:
            return text
        # A workbook's number is taken as it is (NaN is no number).
        return (
            "CASE WHEN "
            + native
            + " IS NULL THEN "
            + text
            + " WHEN isnan("
            + native
            + ") THEN NULL ELSE "
            + native
            + " END"
        )
    if column.type == TEXT:  # a blank cell is missing (NULL)
        return "text_of(" + raw + ")"
    name = column.type.split(":", 1)[1]
    lookup = "map($k_" + name + "::VARCHAR[], $v_" + name + "::VARCHAR[])"  # a constant
    if column.type.startswith("codes:"):
        # Split on ';' or ',' and look every word up; NULL if any is unknown, '' if none.
        # A single known code, the usual cell, skips the list work.
        words = (
            "list_filter(list_transform(regexp_split_to_array(" + raw + ", '[;,]'),"
            " lambda w: norm(w)), lambda w: w <> '')"
        )
        codes = "list_transform(" + words + ", lambda w: " + lookup + "[w])"
        return (
            "CASE WHEN is_blank("
            + raw
            + ") THEN NULL WHEN map_contains("
            + lookup
            + ", "
            + raw
            + ") THEN "
            + lookup
            + "["
            + raw
            + "] WHEN list_position("
            + codes
            + ", NULL) IS NOT NULL THEN NULL"
            " ELSE array_to_string(list_sort(list_distinct(" + codes + ")), ';') END"
        )
    # One lookup for a cell written as the code list writes it (the usual cell; every code
    # in the list is a word of it, and no word maps to NULL), the normalized word otherwise.
    return "coalesce(" + lookup + "[" + raw + "], " + lookup + "[norm(" + raw + ")])"


def _grouped_sql(raw: str, decimal: str, source: Source) -> str:
    """'1.500' read as 1.5 in a '.' file (or '1,500' with ','): most likely fifteen hundred
    written with a thousands mark. Only text says so; a workbook's number does not."""
    mark = "\\." if decimal == "." else ","
    grouped = (
        "regexp_full_match(number_body(no_space(" + raw + ")), '[0-9]{1,3}(" + mark + "[0-9]{3})+')"
    )
    native = _native(raw, source)
    return grouped if native is None else "(" + native + " IS NULL AND " + grouped + ")"


def _cell_checks(
    column: datasets.Column,
    decimal: str,
    max_year: int,
    vocab: Vocabulary,
    raw: str,
    source: Source,
) -> list[tuple[str, str, dict]]:
    """(condition on the parsed value, issue code, message parameters) for a filled cell.
    A number reports only the first of: not whole, below the minimum, above the maximum."""
    p = "p_" + column.name
    if column.type == YEAR:
        years = {"low": MIN_YEAR, "high": max_year}
        within = p + " BETWEEN " + str(MIN_YEAR) + " AND " + str(max_year)
        return [(p + " IS NULL OR NOT " + within, "year-invalid", years)]
    if column.type == TEXT:
        return [
            (
                "length(" + p + ") > " + str(column.max_length),
                "text-too-long",
                {"limit": column.max_length},
            )
        ]
    if column.type not in (NUMBER, INTEGER):  # code:<list> or codes:<list>
        list_name = column.type.split(":", 1)[1]
        return [(p + " IS NULL", "unknown-" + list_name, {"allowed": vocab.codes(list_name)})]
    bounds: dict[str, object] = {"low": column.low, "high": column.upper}
    found: list[tuple[str, str, dict]] = [
        (p + " IS NULL OR isinf(" + p + ")", "not-a-number", {"decimal": decimal})
    ]
    passed = p + " IS NOT NULL AND NOT isinf(" + p + ")"
    if column.type == INTEGER:
        grouped = _grouped_sql(raw, decimal, source)
        fraction = passed + " AND " + p + " <> floor(" + p + ")"
        found.append((fraction + " AND " + grouped, "thousands-ambiguous", {}))
        found.append((fraction + " AND NOT " + grouped, "not-whole", {}))
        passed += " AND " + p + " = floor(" + p + ")"
    if column.low is not None:
        code = "negative" if column.low == 0 else "out-of-range"
        found.append((passed + " AND " + p + " < " + str(column.low), code, bounds))
        passed += " AND " + p + " >= " + str(column.low)
    if column.upper is not None:
        found.append((passed + " AND " + p + " > " + str(column.upper), "out-of-range", bounds))
    return found


def _clean_sql(header: Header, max_year: int, source: Source) -> str | None:
    """SQL that is true only where every cell check of the row passes: each mapped cell
    parsed (or an optional one left out), within its bounds, and nothing right of the header.

    The usual row of an export is clean; its cell checks (``_cells``) are then 0 without
    evaluating them one by one, about a quarter of the engine's work for a million rows.
    Only rows that are not clean get the full mask, so every issue comes from the checks
    themselves; the cell checks fail on none of the values this accepts (tests run the
    engine with and without it). None when the file may hold control characters (their
    check is a regular expression over each cell)."""
    if source.controls:
        return None
    dataset, cells = header.dataset, header.cells
    clean: list[str] = []
    for column in dataset.columns:
        if column.name not in cells:
            continue
        p, raw = "p_" + column.name, cells[column.name]
        # Parsed, which a blank cell never is; or empty, where that is allowed (an empty
        # cell is NULL from DuckDB's reader, '' from a grid).
        clean.append(
            p + " IS NOT NULL"
            if column.required
            else "(" + p + " IS NOT NULL OR coalesce(" + raw + ", '') = '')"
        )
        if column.type == YEAR:
            clean.append(
                "("
                + p
                + " IS NULL OR "
                + p
                + " BETWEEN "
                + str(MIN_YEAR)
                + " AND "
                + str(max_year)
                + ")"
            )
        elif column.type == TEXT:
            clean.append(
                "(" + p + " IS NULL OR length(" + p + ") <= " + str(column.max_length) + ")"
            )
        elif column.type in (NUMBER, INTEGER):
            bounds = ["NOT isinf(" + p + ")"]
            if column.type == INTEGER:
                bounds.append(p + " = floor(" + p + ")")
            if column.low is not None:
                bounds.append(p + " >= " + str(column.low))
            if column.upper is not None:
                bounds.append(p + " <= " + str(column.upper))
            clean.append("(" + p + " IS NULL OR (" + " AND ".join(bounds) + "))")
    clean += ["coalesce(" + n + ", '') = ''" for n in header.unheaded]
    return " AND ".join(clean) or None


_COUNTABLE = ("value", "low", "high")  # observation columns an indicator's kind bounds


def _checks(
    header: Header,
    decimal: str,
    max_year: int,
    vocab: Vocabulary,
    source: Source,
    ask: bool = False,
) -> list[_Check]:
    """Every check of every cell, then the rules across a row, as SQL over the cells (c<i>)
    and the parsed values (p_<column>). ``ask``: a number written as text that reads two ways
    (:func:`_asked_sql`) fails ``decimal-ask``."""
    dataset, cells = header.dataset, header.cells
    checks: list[_Check] = []
    for column in dataset.columns:
        if column.name not in cells:
            continue
        raw, shown = cells[column.name], header.shown[column.name]
        if column.required:
            checks.append(_Check("is_blank(" + raw + ")", "required-empty", raw, shown, {}))
        if ask and column.type in (NUMBER, INTEGER):
            condition = "NOT is_blank(" + raw + ") AND " + _asked_sql(raw)
            if (
                dataset.code == "observations"
                and column.name in _COUNTABLE
                and "indicator" in cells
            ):
                # A count has one reading a count can have: '1.240' workers are 1240, never
                # 1,24. Not asked (read at the guess; at '.', refused as not whole).
                point = "number_point(" + raw + ")"
                condition += (
                    " AND NOT coalesce(map($kind_k::VARCHAR[], $kind_v::VARCHAR[])[p_indicator]"
                    " = 'count' AND " + point + " <> floor(" + point + "), false)"
                )
            checks.append(_Check(condition, "decimal-ask", raw, shown, {}))
        for condition, code, params in _cell_checks(column, decimal, max_year, vocab, raw, source):
            # A list cell names its first unknown word; a single code is shown as written.
            listed = code.startswith("unknown-") and column.type.startswith("codes:")
            list_name = code.removeprefix("unknown-") if listed else ""
            checks.append(
                _Check(
                    "NOT is_blank(" + raw + ") AND (" + condition + ")",
                    code,
                    raw,
                    shown,
                    params,
                    list_name,
                )
            )
    # Cells under no header (a blank one, or right of the last): they would be lost.
    if header.unheaded:
        condition = " OR ".join("NOT is_blank(" + n + ")" for n in header.unheaded)
        checks.append(_Check(condition, "cell-beyond-header", "", "", {}, raws=header.unheaded))
    if source.controls:
        mapped = tuple(cells[c.name] for c in dataset.columns if c.name in cells)
        condition = " OR ".join(
            "regexp_matches(coalesce(" + n + ", ''), " + _CONTROL_SQL + ")" for n in mapped
        )
        checks.append(_Check(condition, "control-character", "", "", {}, raws=mapped))
    if dataset.code == "observations":
        checks += _observation_checks(header, decimal, source)
    return checks


def _asked_sql(raw: str) -> str:
    """True for a number cell written as text that decides nothing and reads as a number by
    either mark, to different values ('125.430', 'Rp1.500'): its vote is 0 and it is
    ambiguous (columns v<i>, k<i> of the pass; NULL for a workbook's number, never asked)."""
    i = raw[1:]
    return (
        "ambiguous_of("
        + raw
        + ", v"
        + i
        + ", k"
        + i
        + ") AND number_point("
        + raw
        + ") IS NOT NULL AND number_comma("
        + raw
        + ") IS NOT NULL AND number_point("
        + raw
        + ") <> number_comma("
        + raw
        + ")"
    )


def _observation_checks(header: Header, decimal: str, source: Source) -> list[_Check]:
    """Indicator data, on rows whose cells all passed: bounds by the indicator's kind (a
    count is whole, a level never negative, a score or share 0-100) and the reported range
    (both ends or neither, low <= high, the value inside: a warning)."""
    cells = header.cells
    kind = "map($kind_k::VARCHAR[], $kind_v::VARCHAR[])[p_indicator]"

    def name_of(column: str) -> str:
        return header.shown.get(column, header.dataset.column(column).header_id)

    checks: list[_Check] = []
    for column in ("value", "low", "high"):
        if column not in cells:
            continue
        raw, p, shown = cells[column], "p_" + column, name_of(column)
        given = p + " IS NOT NULL"
        fraction = given + " AND " + kind + " = 'count' AND " + p + " <> floor(" + p + ")"
        grouped = _grouped_sql(raw, decimal, source)
        checks.append(
            _Check(fraction + " AND " + grouped, "thousands-ambiguous", raw, shown, {}, cell=False)
        )
        checks.append(
            _Check(fraction + " AND NOT " + grouped, "not-whole", raw, shown, {}, cell=False)
        )
        # A count with a fraction is reported once, as not whole.
        given += " AND NOT (" + kind + " = 'count' AND " + p + " <> floor(" + p + "))"
        for name in _NON_NEGATIVE_KINDS:
            condition = given + " AND " + kind + " = '" + name + "' AND " + p + " < 0"
            checks.append(_Check(condition, "negative", raw, shown, {"kind": name}, cell=False))
        percent = kind + " IN ('" + "', '".join(_PERCENT_KINDS) + "')"
        if column == "value":
            # 0,55 for a score kept on 0-100: saved as it stands, the overview would say the
            # score fell 54 points. Warn before saving and say what the planner likely meant.
            condition = (
                given + " AND " + percent + " AND " + p + " > 0 AND " + p + " <= 1"
                " AND NOT contains(coalesce(" + raw + ", ''), '%')"
            )
            checks.append(
                _Check(condition, "score-as-fraction", raw, shown, {}, level="warning", cell=False)
            )
        condition = given + " AND " + percent + " AND NOT " + p + " BETWEEN 0 AND 100"
        checks.append(
            _Check(condition, "out-of-range", raw, shown, {"low": 0, "high": 100}, cell=False)
        )
    low = "p_low" if "low" in cells else "NULL"
    high = "p_high" if "high" in cells else "NULL"
    if "low" in cells:
        condition = low + " IS NOT NULL AND " + high + " IS NULL"
        checks.append(_Check(condition, "range-incomplete", "", name_of("low"), {}, cell=False))
    if "high" in cells:
        condition = high + " IS NOT NULL AND " + low + " IS NULL"
        checks.append(_Check(condition, "range-incomplete", "", name_of("high"), {}, cell=False))
    if "low" in cells and "high" in cells:
        both = "p_low IS NOT NULL AND p_high IS NOT NULL"
        pair = (cells["low"], cells["high"])
        checks.append(
            _Check(
                both + " AND p_low > p_high",
                "low-above-high",
                "",
                name_of("low"),
                {},
                raws=pair,
                cell=False,
            )
        )
        checks.append(
            _Check(
                both + " AND p_low <= p_high AND NOT p_value BETWEEN p_low AND p_high",
                "value-outside-range",
                cells["value"],
                name_of("value"),
                {},
                level="warning",
                cell=False,
            )
        )
    return checks


def _mask(checks: list[_Check], chosen: list[int]) -> str:
    """The bit mask of the chosen checks (bit i: check i failed) as SQL."""
    return (
        " | ".join(
            "CASE WHEN " + check.condition + " THEN (1::BIGINT << " + str(i) + ") ELSE 0 END"
            for i, check in enumerate(checks)
            if i in chosen
        )
        or "0::BIGINT"
    )


def _text_only(native: str | None, sql: str) -> str:
    """``sql`` for a cell written as text; NULL for a workbook's number (column ``native``)."""
    return sql if native is None else "CASE WHEN " + native + " IS NULL THEN " + sql + " END"


def _as_written(words: dict[str, str]) -> dict[str, str]:
    """A code list's words (normalized: lower case, stripped) and, after them, each word in
    upper case and capitalized ('P', 'Mikro', 'Batik Tulis'): a cell written so is then found
    by the first, exact lookup, not only after it is normalized by regular expressions (~0.2
    CPU-s per column per million rows). Only ASCII words that normalize back to the word, so
    the code found is the same; none with ';' or ',' (a list cell is split on them)."""
    shown = dict(words)
    for word, code in words.items():
        if not word.isascii() or ";" in word or "," in word:
            continue
        for variant in (word.upper(), word.capitalize(), word.title()):
            if variant not in shown and validation.normalized(variant) == word:
                shown[variant] = code
    return shown


def _read_and_check(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    header: Header,
    checks: list[_Check],
    decimal: str,
    vocab: Vocabulary,
    tables: Sequence[str],
    clean: str | None = None,
) -> None:
    """One pass over the text table: every cell parsed, every check run, written to
    ``tables[k]`` for part k (in file order): the typed values, the bit mask of the failed
    checks (``_bits``; ``_fails`` the errors among them), each row's decimal votes and, for
    rows with a problem only, the cells as written (``_raw``, a list in the order of
    ``c<i>``). Parts are read side by side, each on a cursor of its own: one reading thread
    per part keeps its rows in order without DuckDB's order-keeping insert, which under
    the memory limit runs on one thread."""
    dataset, cells = header.dataset, header.cells
    params: dict[str, object] = {}
    lists = {c.type.split(":", 1)[1] for c in dataset.columns if c.name in cells and ":" in c.type}
    for name in sorted(lists):  # each code list the file's columns use, as words -> codes
        words = _as_written(vocab.words.get(name, {}))
        params["k_" + name], params["v_" + name] = list(words), list(words.values())
    if dataset.code == "observations":
        params["kind_k"] = list(vocab.indicator_kinds)
        params["kind_v"] = list(vocab.indicator_kinds.values())
    parsed = [
        _parsed_sql(c, cells[c.name], decimal, source) + " AS p_" + c.name
        for c in dataset.columns
        if c.name in cells
    ]
    cell_bits = [i for i, c in enumerate(checks) if c.cell]
    row_bits = [i for i, c in enumerate(checks) if not c.cell]
    errors = sum(1 << i for i, c in enumerate(checks) if c.level == "error")
    typed = []
    for c in dataset.columns:
        value = (
            # TRY_CAST: a whole number past BIGINT (a 25-digit cell, inf) fails its range
            # check; a plain CAST stopped the whole check with a DuckDB error instead.
            ("TRY_CAST(p_" + c.name + " AS BIGINT)" if c.type == INTEGER else "p_" + c.name)
            if c.name in cells
            else "NULL"
        )
        if c.name in dataset.key and c.name in cells:
            # A key cell that failed is missing: no duplicate-row for it.
            bits = sum(
                1 << i
                for i, check in enumerate(checks)
                if check.raw == cells[c.name] and check.cell
            )
            value = "CASE WHEN _cells & " + str(bits) + " <> 0 THEN NULL ELSE " + value + " END"
        typed.append(value + " AS " + c.name)
    numeric = [
        (cells[c.name], _native(cells[c.name], source))
        for c in dataset.columns
        if c.type in (NUMBER, INTEGER) and c.name in cells
    ]
    # each number cell's shape (k<i>: plain_number) and vote (v<i>), once; NULL for a
    # workbook's number
    shapes = [_text_only(n, "plain_number(" + r + ")") + " AS " + _plain(r) for r, n in numeric]
    votes = [
        _text_only(n, "vote_of(" + r + ", " + _plain(r) + ")") + " AS v" + r[1:] for r, n in numeric
    ]
    commas = " + ".join("(coalesce(v" + r[1:] + ", 0) = 1)::INTEGER" for r, _ in numeric) or "0"
    points = " + ".join("(coalesce(v" + r[1:] + ", 0) = 2)::INTEGER" for r, _ in numeric) or "0"
    ambiguous = (
        " OR ".join(
            "ambiguous_of(" + r + ", v" + r[1:] + ", " + _plain(r) + ")" for r, _ in numeric
        )
        or "false"
    )
    # The cells as written, for rows with a problem only, as one list: a column per cell,
    # NULL in almost every row, still made each row group ~2x wider, and DuckDB's insert,
    # which keeps the file's order under the memory limit, slower (~0.6 s per million rows).
    kept = "CASE WHEN _bits <> 0 THEN [" + ", ".join(source.columns) + "] END AS _raw"
    row_mask = _mask(checks, row_bits)
    cells_mask = _mask(checks, cell_bits)
    if clean is not None:
        cells_mask = "CASE WHEN " + clean + " THEN 0::BIGINT ELSE " + cells_mask + " END"
    order = [] if source.first_row is not None else ["_row"]
    cells_in = ", ".join([*order, *source.columns, *sorted(source.natives), *shapes])
    inner = ", ".join(["*", *parsed, *votes])
    sql = (
        "SELECT "
        + ", ".join(
            [
                *order,
                *typed,
                "_bits",
                "_bits & " + str(int(errors)) + " AS _fails",
                "(" + commas + ")::SMALLINT AS _commas",
                "(" + points + ")::SMALLINT AS _points",
                "(" + ambiguous + ") AS _ambiguous",
                kept,
            ]
        )
        + " FROM (SELECT *, _cells | CASE WHEN _cells = 0 THEN "
        + row_mask
        + " ELSE 0 END AS _bits FROM (SELECT *, "
        + cells_mask
        + " AS _cells FROM (SELECT "
        + inner
        + " FROM (SELECT "
        + cells_in
        + " FROM "
        + source.relation
        + "))))"
    )
    kind = "TABLE " if "." in tables[0] else "TEMP TABLE "  # in a spill file, or in memory
    # Part 0 on ``con`` (a temporary table is its connection's own); the others beside it.
    cursors = [con.cursor() for _ in tables[1:]]
    try:
        with ThreadPoolExecutor(max(len(cursors), 1)) as pool:
            others = [
                pool.submit(
                    cursors[part - 1].execute,
                    "CREATE OR REPLACE " + kind + tables[part] + " AS " + sql,
                    {**source.part_params(part), **params},
                )
                for part in range(1, len(tables))
            ]
            con.execute(
                "CREATE OR REPLACE " + kind + tables[0] + " AS " + sql,
                {**source.part_params(0), **params},
            )
            for other in others:
                other.result()  # the first failure is raised, once every part has stopped
    finally:
        for cursor in cursors:
            cursor.close()


def _decide_decimal(commas: int, points: int, delimiter: str | None) -> tuple[str, bool]:
    """The file's decimal mark from its cells' votes, and whether it was a guess: a file
    saved by Excel on Indonesian Windows uses ';' and decimal commas; when no cell decides,
    the delimiter does."""
    if commas != points:
        return ("," if commas > points else "."), False
    return ("," if delimiter == ";" else "."), True


def _first_guess(con: duckdb.DuckDBPyConnection, source: Source, header: Header) -> str:
    """The decimal mark of the first rows (all of them for a small table): the pass that
    follows counts every row and is run again only if the whole file says otherwise."""
    numeric = [
        header.cells[c.name]
        for c in header.dataset.columns
        if c.type in (NUMBER, INTEGER) and c.name in header.cells
    ]
    if not numeric:
        return _decide_decimal(0, 0, source.delimiter)[0]
    votes = [_text_only(_native(r, source), "decimal_vote(" + r + ")") for r in numeric]
    limit = "" if source.guess_rows is None else " LIMIT " + str(int(source.guess_rows))
    sql = (
        "SELECT coalesce(sum(c), 0), coalesce(sum(p), 0) FROM (SELECT "
        + " + ".join("(coalesce(" + v + ", 0) = 1)::INTEGER" for v in votes)
        + " AS c, "
        + " + ".join("(coalesce(" + v + ", 0) = 2)::INTEGER" for v in votes)
        + " AS p FROM (SELECT * FROM "
        + source.relation
        + limit
        + "))"
    )
    commas, points = con.execute(sql, source.part_params(0)).fetchall()[0]
    return _decide_decimal(commas, points, source.delimiter)[0]


def check_source(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    header: Header,
    vocab: Vocabulary,
    detection: ingest.Detection,
    *,
    today: dt.date | None = None,
    spill: Spill | None = None,
    decimal: str | None = None,
) -> Result:
    """Check every row of a reader's text table; ``con`` has the macros (:func:`connect`).

    ``decimal`` (',' or '.') is the planner's choice of the decimal mark for numbers written
    as text: it is used as given, and a cell that contradicts it fails as not a number. None:
    the cells' votes decide; when they cannot (no cell, or as many each way) and a cell reads
    two ways ('125.430': 125430 or 125.43), that cell is an error, ``decimal-ask``, naming its
    row, column and both readings: never stored at a guessed reading.

    The checked rows are written to a table: in ``spill`` (a DuckDB file on disk) when given,
    which the result's rows then are, else to a temporary table read back as a frame. The
    result has no typed rows when any error is found (and ``spill`` is then removed). Sets
    ``detection.decimal``."""
    if len(source.parts) > 1 and (spill is None or source.first_row is None):
        raise ValueError("a source in parts is numbered in order and checked into a spill")
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal mark {decimal!r}: ',' or '.'")
    try:
        if spill is None:
            return _check_into(
                con, source, header, vocab, detection, today, ["typed_rows"], chosen=decimal
            )
        with spill.attached(con, read_only=False) as alias:
            tables = [alias + "." + part_table(k) for k in range(len(source.parts))]
            result = _check_into(
                con, source, header, vocab, detection, today, tables, spill, decimal
            )
        if isinstance(result.validated.rows, pd.DataFrame):  # errors: nothing to keep
            spill.remove()
        return result
    except BaseException:
        if spill is not None:
            spill.remove()
        raise


def _check_into(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    header: Header,
    vocab: Vocabulary,
    detection: ingest.Detection,
    today: dt.date | None,
    tables: list[str],
    spill: Spill | None = None,
    chosen: str | None = None,
) -> Result:
    dataset = header.dataset
    max_year = (today or dt.date.today()).year + MAX_YEAR_AHEAD
    issues = list(header.issues)
    decimal = chosen or _first_guess(con, source, header)
    ask = False  # cells that read two ways are asked about (a pass of its own, only then)
    while True:
        checks = _checks(header, decimal, max_year, vocab, source, ask)
        if len(checks) > 63:
            raise ValueError("more checks than the failure mask holds")
        # The shortcut for clean rows knows nothing of the question: left out when asking.
        clean = None if ask else _clean_sql(header, max_year, source)
        _read_and_check(con, source, header, checks, decimal, vocab, tables, clean)
        sums = [
            con.execute(
                "SELECT coalesce(sum(_commas), 0), coalesce(sum(_points), 0),"
                " coalesce(bool_or(_ambiguous), false), count(*) FROM " + table
            ).fetchone()
            for table in tables
        ]
        commas, points = sum(s[0] for s in sums), sum(s[1] for s in sums)
        ambiguous, counts = any(s[2] for s in sums), [int(s[3]) for s in sums]
        records = sum(counts)
        decided, guessed = _decide_decimal(commas, points, source.delimiter)
        if chosen is not None:  # the planner's mark: no vote overrules it, nothing to ask
            break
        if decided != decimal:
            decimal = decided  # the first rows did not say what the whole file says: again
            continue
        if guessed and ambiguous and not ask:
            # A guess, and some cells read two ways by it ('125.430'): stored at the guess,
            # one would be 1,000 times off. Again, naming each such cell (decimal-ask).
            ask = True
            continue
        break
    detection.decimal = decimal
    # Row i of a part's table is data row i of that part: one thread read the part and
    # wrote its table once, and such a table numbers its rows (rowid) in that order. The
    # parts follow each other: _i counts the rows through the file.
    offsets = [sum(counts[:k]) for k in range(len(tables))]
    raw = "".join(
        ", _raw[" + str(i + 1) + "] AS " + n for i, n in enumerate(source.columns)
    )  # the cells as written (c<i>), for rows with a problem
    views = []
    for table, offset in zip(tables, offsets, strict=True):
        row = (
            ""
            if source.first_row is None
            else ", rowid + " + str(int(source.first_row + offset)) + " AS _row"
        )
        views.append(
            "SELECT rowid + "
            + str(int(offset))
            + " AS _i"
            + row
            + ", * EXCLUDE (_raw)"
            + raw
            + " FROM "
            + table
        )
    con.execute("CREATE OR REPLACE TEMP VIEW typed AS " + " UNION ALL ".join(views))
    try:
        blank = _blank_rows(con, source.columns)
        rows = records - len(blank)
        if rows == 0:
            no_rows = [Issue("file-no-rows", row=header.row)]
            return Result(Validated(dataset, pd.DataFrame(), no_rows), 0, records)
        issues += _failures(con, checks, source.columns, blank, vocab, header)
        issues += _duplicates(con, header)
        listed = len({i.row for i in issues if i.level == "error" and i.row is not None})
        if listed >= validation.MAX_ISSUES:  # some rows with problems may be left out: say how many
            total = _rows_with_problems(con, dataset, blank)
            if total > listed:
                issues.append(unlisted_issue(listed, total))
        issues.sort(key=lambda x: (x.row or 0, x.level != "error", x.column or "", x.code))
        typed: pd.DataFrame | Spill = pd.DataFrame()
        if not any(x.level == "error" for x in issues):
            # No error: the rows that failed an error check are the blank ones.
            names = [c.name for c in dataset.columns]
            if spill is not None:
                spill.columns, spill.count = tuple(names), rows
                if source.first_row is not None:
                    spill.first_rows = tuple(source.first_row + o for o in offsets)
                typed = spill
            else:
                sql = "SELECT " + ", ".join(["_row", *names]) + " FROM typed WHERE _fails = 0"
                typed = con.sql(sql + " ORDER BY _i").to_arrow_table().to_pandas()
    finally:
        con.execute("DROP VIEW typed")
        if spill is None:
            for table in tables:
                con.execute("DROP TABLE " + table)
    return Result(Validated(dataset, typed, issues, set(header.cells)), rows, records)


def _blank_rows(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> set[int]:
    """Rows with nothing in any cell: skipped, as a spreadsheet's empty rows. A blank row
    fails its required cells, so only failing rows are looked at."""
    blank = " AND ".join("is_blank(" + n + ")" for n in names)
    sql = "SELECT _i FROM typed WHERE _fails <> 0 AND " + blank
    return {i for (i,) in con.execute(sql).fetchall()}


def _failures(
    con: duckdb.DuckDBPyConnection,
    checks: list[_Check],
    names: Sequence[str],
    blank: set[int],
    vocab: Vocabulary,
    header: Header,
) -> list[Issue]:
    """The issues of the first MAX_ISSUES rows with a problem, each cell shown as written
    (a long text cut to 40 characters; the first unknown word of a code list)."""
    by_raw = {header.cells[name]: shown for name, shown in header.shown.items()}
    # the parsed value and range, for the words of a rule across the row
    ranges = [c for c in ("value", "low", "high") if c in header.cells]
    sql = (
        "SELECT _row, _bits, "
        + ", ".join([*names, *ranges])
        + " FROM typed WHERE _bits <> 0 AND NOT list_contains(?, _i) ORDER BY _i LIMIT ?"
    )
    issues = []
    for row, bits, *values in con.execute(sql, [sorted(blank), validation.MAX_ISSUES]).fetchall():
        cell = dict(zip(names, values[: len(names)], strict=True))
        typed = dict(zip(ranges, values[len(names) :], strict=True))
        failed = [check for bit, check in enumerate(checks) if bits >> bit & 1]
        # A cell asked about is not judged at one reading as well (bounds, whole numbers).
        asked = {f.raw for f in failed if f.code == "decimal-ask"}
        for check in failed:
            if check.raw in asked and check.code != "decimal-ask":
                continue
            if check.code == "cell-beyond-header":
                issues += [
                    beyond_header_issue(row, int(n[1:]), cell[n])
                    for n in check.raws
                    if cell[n] is not None and cell[n].strip()
                ]
                continue
            if check.code == "control-character":
                issues += [
                    control_issue(row, by_raw[n], cell[n])
                    for n in check.raws
                    if cell[n] is not None and ingest.CONTROL_CHARACTERS.search(cell[n])
                ]
                continue
            params = check.params
            text: str | None = cell[check.raw] or "" if check.raw else None
            if check.code == "text-too-long":
                text = (text or "").strip()[:40] + "…"
            elif check.list_name:
                words = [w.strip() for w in re.split(r"[;,]", text or "") if w.strip()]
                unknown = [w for w in words if vocab.lookup(check.list_name, w) is None]
                text = unknown[0] if unknown else text
            elif check.code == "low-above-high":
                low, high = check.raws
                text = (cell[low] or "") + " > " + (cell[high] or "")
            elif check.code == "score-as-fraction":
                params = {"suggested": typed["value"] * 100}
            elif check.code == "value-outside-range":
                params = {"low": typed["low"], "high": typed["high"]}
            issues.append(
                Issue(
                    check.code,
                    row=row,
                    column=check.header,
                    value=text,
                    params=params,
                    level=check.level,
                )
            )
    return _with_readings(con, issues)


def _with_readings(con: duckdb.DuckDBPyConnection, issues: list[Issue]) -> list[Issue]:
    """Each ``decimal-ask`` issue with its cell's two readings: ``comma`` (the number if ','
    is the decimal mark: '125.430' -> 125430.0) and ``point`` (if '.' is: 125.43)."""
    texts = sorted({i.value or "" for i in issues if i.code == "decimal-ask"})
    if not texts:
        return issues
    sql = "SELECT x, number_comma(x), number_point(x) FROM (SELECT unnest(?) AS x)"
    readings = {x: {"comma": c, "point": p} for x, c, p in con.execute(sql, [texts]).fetchall()}
    return [
        replace(i, params=readings[i.value or ""]) if i.code == "decimal-ask" else i for i in issues
    ]


def _duplicates(con: duckdb.DuckDBPyConnection, header: Header) -> list[Issue]:
    """A row repeating an earlier row's key, naming the first. If the keys' hashes are all
    distinct, so are the keys (the usual case, one cheap pass); only otherwise does a window
    query look for the repeated rows. The first MAX_ISSUES are listed."""
    dataset = header.dataset
    key = ", ".join(dataset.key)
    where = " AND ".join(k + " IS NOT NULL" for k in dataset.key)
    sql = "SELECT count(*) = count(DISTINCT hash(" + key + ")) FROM typed WHERE " + where
    if con.execute(sql).fetchall()[0][0]:
        return []
    sql = (
        "SELECT _row, first FROM (SELECT _i, _row, first_value(_row) OVER (PARTITION BY "
        + key
        + " ORDER BY _i) AS first FROM typed WHERE "
        + where
        + ") WHERE _row <> first"
        " ORDER BY _i LIMIT ?"
    )
    keys = [header.shown.get(k, dataset.column(k).header_id) for k in dataset.key]
    return [
        Issue("duplicate-row", row=row, params={"first": first, "keys": keys})
        for row, first in con.execute(sql, [validation.MAX_ISSUES]).fetchall()
    ]


def _rows_with_problems(con: duckdb.DuckDBPyConnection, dataset: Dataset, blank: set[int]) -> int:
    """How many rows fail a check or repeat an earlier row's key (blank rows aside)."""
    key = ", ".join(dataset.key)
    known = " AND ".join(k + " IS NOT NULL" for k in dataset.key)
    sql = (
        "SELECT count(*) FROM (SELECT _fails, " + known + " AS keyed, row_number() OVER"
        " (PARTITION BY " + key + " ORDER BY _i) AS nth FROM typed WHERE NOT list_contains(?, _i))"
        " WHERE _fails <> 0 OR (keyed AND nth > 1)"
    )
    return con.execute(sql, [sorted(blank)]).fetchall()[0][0]
