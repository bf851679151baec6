"""Validation of large CSV files inside DuckDB: the same checks, issue codes, shown values
and typed rows as :mod:`impact.validation`, without going cell by cell in Python.

A province's enterprise records are a million rows; the Python path reads and checks every
cell (about 100x a bare ``read_csv``). This path streams the file through DuckDB's
``read_csv`` (all text) into one projection that parses every cell with SQL macros mirroring
the Python rules and runs every check into a bit mask; the typed rows come back as Arrow.

It takes a file only when the answer stays exact: UTF-8, line feeds, no blank line between
data rows (DuckDB skips those, which would shift the spreadsheet row numbers), a header it
can map, and something DuckDB reads without error (a stray quote, another encoding further
down...). Anything else raises NotBulkError and goes through the Python path; tests compare
both paths issue by issue and row by row. Known differences, kept on purpose or too rare to
pay for: the decimal mark is decided from the first 256 KiB (the Python path counts every
cell), a space before an opening quote, the lower case of a Turkish dotted I, and a file
with errors returns no typed rows (nothing uses them).

File-level refusals (an unclosed quote, text garbled by a wrong encoding) come from
:func:`impact.upload.ingest.scan_csv`, the Python path's own scan, run here only when the
file has fewer records than lines or holds the bytes of 'Ã', 'Â' or 'â€'; a cell under no
header and a control character are checks like any other.

SQL text here is assembled only from generated identifiers (c0, c1, ... for the file's
columns, and the dataset's declared column names) and constants; every value from the file is
data, every value from us is a bound parameter.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from impact.upload import datasets, ingest, validation
from impact.upload.datasets import INTEGER, NUMBER, TEXT, YEAR, Dataset
from impact.upload.ingest import Issue
from impact.upload.validation import (
    MAX_ISSUES,
    MAX_YEAR_AHEAD,
    MIN_YEAR,
    Validated,
    Vocabulary,
    detect_decimal,
)

BULK_MIN_BYTES = 5 * 2**20  # smaller files are quick enough cell by cell
HEAD_BYTES = 256 * 1024  # enough lines to detect the delimiter, header and decimal mark
SPARE_COLUMNS = 4  # cells right of the header's last column read (a filled one is refused)
# The UTF-8 bytes of 'Ã', 'Â' and 'â€': garbled text may follow (ingest.scan_cells decides).
_MOJIBAKE_BYTES = (b"\xc3\x83", b"\xc3\x82", b"\xc3\xa2\xe2\x82\xac")
# ingest.CONTROL_CHARACTERS as an RE2 class
_CONTROL_SQL = "'[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]'"


_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n[ \t\r]*[^\s]")  # a blank line, data rows after it


class NotBulkError(Exception):
    """This file needs the Python path (encoding, blank lines, or an unknown layout)."""


class HeaderError(NotBulkError):
    """The header rows are wrong (unknown dataset, missing columns): the Python path names
    the problem from the header alone, without reading the rows."""


def _head(data: bytes) -> bytes:
    head = data[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1] if b"\n" in head else head


# Python's str.strip() and \\s: every character str.isspace() accepts, as a regex class.
_SPACE = "[\\s\\x{0b}\\x{1c}-\\x{1f}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}]"

# SQL macros mirroring impact.validation cell by cell; created in the scratch connection.
# Constants only: every value from the file reaches them as data.
_MACROS = (
    # str.strip(). Most cells start and end with a printable ASCII character: left as they are.
    "CREATE MACRO py_strip(x) AS CASE WHEN unicode(x) BETWEEN 33 AND 126 AND unicode(right(x, 1))"
    " BETWEEN 33 AND 126 THEN x ELSE regexp_replace(x, '^" + _SPACE + "+|" + _SPACE + "+$', '',"
    " 'g') END",
    "CREATE MACRO is_blank(x) AS CASE WHEN x IS NULL THEN true WHEN unicode(x) BETWEEN 33 AND 126"
    " THEN false ELSE py_strip(x) = '' END",
    # validation._norm: stripped, lower case, runs of spaces as one.
    "CREATE MACRO norm(x) AS regexp_replace(lower(py_strip(x)), '" + _SPACE + "+', ' ', 'g')",
    # validation._strip_number, step by step: spaces out; '(1.000)' is negative; a sign;
    # 'Rp'/'IDR'; a trailing '%'.
    "CREATE MACRO no_space(x) AS regexp_replace(x, '" + _SPACE + "', '', 'g')",
    "CREATE MACRO unparen(s) AS CASE WHEN s LIKE '(%)' THEN substr(s, 2, length(s) - 2) ELSE s END",
    "CREATE MACRO negative(s) AS CASE WHEN left(unparen(s), 1) IN ('-', '−') THEN true"
    " WHEN left(unparen(s), 1) = '+' THEN false ELSE s LIKE '(%)' END",
    "CREATE MACRO number_body(s) AS regexp_replace(regexp_replace(CASE WHEN left(unparen(s), 1)"
    " IN ('-', '−', '+') THEN substr(unparen(s), 2) ELSE unparen(s) END, '^(rp\\.?|idr)', '', 'i'),"
    " '%$', '')",
    # parse_number for each decimal mark: grouped thousands or plain digits, else NULL.
    "CREATE MACRO number_point(x) AS CASE WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?|[0-9]+(\\.[0-9]+)?') THEN (CASE WHEN negative(no_space(x))"
    " THEN -1 ELSE 1 END) * CAST(replace(number_body(no_space(x)), ',', '') AS DOUBLE) END",
    "CREATE MACRO number_comma(x) AS CASE WHEN regexp_full_match(number_body(no_space(x)),"
    " '[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?|[0-9]+(,[0-9]+)?') THEN (CASE WHEN negative(no_space(x))"
    " THEN -1 ELSE 1 END) * CAST(replace(replace(number_body(no_space(x)), '.', ''), ',', '.')"
    " AS DOUBLE) END",
    # parse_year: four digits, or '2023.0'.
    "CREATE MACRO year_of(x) AS CASE WHEN regexp_full_match(x, '[0-9]{4}') THEN CAST(x AS INTEGER)"
    " WHEN regexp_full_match(py_strip(x), '[0-9]{4}(\\.0+)?')"
    " THEN CAST(CAST(py_strip(x) AS DOUBLE) AS INTEGER) END",
)


def _number_sql(raw: str, decimal: str) -> str:
    """A number cell's value (NULL when it is not a number in this file's convention).

    Plain digits, the usual case in an exported file, are cast directly; anything else goes
    through the full parse_number rules (Rp, %, thousands groups, signs, parentheses)."""
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


@dataclass
class Checked:
    """A file read and validated: the result, what was detected, and how many data rows."""

    validated: Validated
    detection: ingest.Detection
    rows: int


def validate_bulk(
    data: bytes,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    today: dt.date | None = None,
) -> Checked:
    """Validate a large CSV in DuckDB. Raises NotBulkError when the Python path must do it."""
    head = ingest.read_grid(_head(data), max_bytes=HEAD_BYTES + 1)
    d = head.detection
    if d.format != "csv" or d.encoding not in ("utf-8", "utf-8-sig") or not head.headers:
        raise NotBulkError("not a UTF-8 CSV")
    dataset = dataset or (datasets.DATASETS.get(d.dataset) if d.dataset else None)
    if dataset is None:
        raise HeaderError("dataset not recognised from the head")
    if dataset.code == "observations":
        raise NotBulkError("observations are checked across columns (kind, range) in Python")
    if b"\n" not in data:
        raise NotBulkError("no line feeds (old Mac line ends): the Python path reads them")
    body = 0  # where the data rows start
    for _ in range(d.header_row):
        body = data.index(b"\n", body) + 1

    # The header as the file has it, every column counted: ingest leaves out empty columns
    # without a header, but DuckDB reads them, and positions must be the file's.
    records = list(
        csv.reader(io.StringIO(_head(data).decode("utf-8-sig"), newline=""), delimiter=d.delimiter)
    )
    if len(records) < d.header_row:
        raise NotBulkError("header not found in the head's records")
    raw_header = [cell.strip() for cell in records[d.header_row - 1]]
    mapping = datasets.header_map(dataset)
    positions: dict[str, int] = {}
    for index, header in enumerate(raw_header):
        name = mapping.get(datasets.normalize_header(header))
        if name in positions:
            raise HeaderError("a repeated column: the Python path names it")
        if name:
            positions[name] = index
    issues: list[Issue] = []
    for header in head.headers:
        if header and mapping.get(datasets.normalize_header(header)) is None:
            issues.append(Issue("unknown-column", row=d.header_row, column=header, level="warning"))
    missing = [c for c in dataset.required if c.name not in positions]
    if missing:
        raise HeaderError("missing columns: the Python path names them")

    # The decimal mark, from the head's number cells, as the Python path decides it from all.
    in_grid = {mapping.get(datasets.normalize_header(h)): i for i, h in enumerate(head.headers)}
    numeric_texts = [
        r[in_grid[c.name]]
        for r in head.rows
        for c in dataset.columns
        if c.type in (NUMBER, INTEGER)
        and c.name in in_grid
        and isinstance(r[in_grid[c.name]], str)
        and r[in_grid[c.name]].strip()
    ]
    decimal, guessed = detect_decimal(numeric_texts, d.delimiter)
    d.decimal, d.dataset = decimal, dataset.code
    if guessed and any(
        validation.decimal_votes(t) is None and re.search(r"\d[.,]\d{3}\b", t)
        for t in numeric_texts
    ):
        issues.append(Issue("decimal-ambiguous", level="warning", params={"decimal": decimal}))
    max_year = (today or dt.date.today()).year + MAX_YEAR_AHEAD

    # A few spare columns: a remark typed right of the table on some row is read, to be refused
    # (cell-beyond-header) as the Python path refuses it; more cells than that: DuckDB fails.
    names = [f"c{i}" for i in range(len(raw_header) + SPARE_COLUMNS)]
    cells = {c.name: names[positions[c.name]] for c in dataset.columns if c.name in positions}
    headers = {name: raw_header[positions[name]] for name in cells}
    checks = _checks(dataset, cells, headers, decimal, max_year, vocab)
    # Cells under no header (a blank one, or right of the last): refused, as in Python.
    unheaded = tuple(n for i, n in enumerate(names) if i >= len(raw_header) or not raw_header[i])
    if unheaded:
        condition = " OR ".join("NOT is_blank(" + n + ")" for n in unheaded)
        checks.append(_Check(condition, "cell-beyond-header", "", "", {}, raws=unheaded))
    mapped = tuple(cells[c.name] for c in dataset.columns if c.name in cells)
    condition = " OR ".join(
        "regexp_matches(coalesce(" + n + ", ''), " + _CONTROL_SQL + ")" for n in mapped
    )
    checks.append(_Check(condition, "control-character", "", "", {}, raws=mapped))
    if len(checks) > 62:
        raise NotBulkError("more checks than the failure mask holds")
    con = duckdb.connect()
    for macro in _MACROS:
        con.execute(macro)
    # The file's hash and the search for blank lines run while DuckDB reads (DuckDB and
    # hashlib let go of the GIL); a blank line between data rows sends the file to Python.
    with ThreadPoolExecutor(2) as pool:
        digest = pool.submit(ingest.sha256_hex, data)
        blank_line = pool.submit(_BLANK_LINE.search, data, body)
        with tempfile.NamedTemporaryFile(suffix=".csv", dir=_scratch_dir()) as tmp:
            tmp.write(data)
            tmp.flush()
            try:
                table = _read_and_check(con, tmp.name, d, names, dataset, cells, checks, vocab)
            except duckdb.Error:
                try:  # one reading thread copes with line breaks inside quoted cells
                    table = _read_and_check(
                        con, tmp.name, d, names, dataset, cells, checks, vocab, parallel=False
                    )
                except duckdb.Error as exc:  # stray quotes, another encoding further down...
                    con.close()
                    raise NotBulkError("DuckDB cannot read this file as written") from exc
        if blank_line.result():
            con.close()
            raise NotBulkError("blank line between data rows")
        d.size, d.sha256 = len(data), digest.result()
    # Fewer records than lines: a cell holds line breaks, genuine (Alt+Enter) or an unclosed
    # quote swallowing rows; garbled bytes may be 'Ã©'. The Python path's scan decides.
    lines = data.count(b"\n", body) + (not data.endswith(b"\n"))
    if table.num_rows != lines or any(b in data for b in _MOJIBAKE_BYTES):
        refusal = ingest.scan_csv(data)
        if refusal:
            con.close()
            return Checked(Validated(dataset, pd.DataFrame(), [refusal]), d, 0)
    # Row i of the table is data row i of the file (DuckDB keeps the insertion order).
    table = table.append_column("_i", pa.array(np.arange(table.num_rows, dtype=np.int64)))
    con.register("typed", table)
    blank = _blank_rows(con, names)
    if table.num_rows == len(blank):
        con.close()
        raise NotBulkError("no data rows: the Python path says so")

    first_row = d.header_row + 1  # the first data row, as the spreadsheet shows it
    by_raw = {cells[name]: header for name, header in headers.items()}
    issues += _failures(con, checks, names, blank, first_row, vocab, by_raw)
    issues += _duplicates(con, dataset, headers, first_row)
    listed = len({i.row for i in issues if i.level == "error" and i.row is not None})
    if listed >= MAX_ISSUES:  # some rows with problems may be left out: say how many in all
        total = _rows_with_problems(con, dataset, blank)
        if total > listed:
            issues.append(validation.unlisted_issue(listed, total))
    issues.sort(key=lambda x: (x.row or 0, x.level != "error", x.column or "", x.code))
    rows = pd.DataFrame()
    if not any(x.level == "error" for x in issues):
        rows = table.select([c.name for c in dataset.columns])
        rows = rows.add_column(0, "_row", pc.add(table["_i"], first_row))
        if blank:
            rows = rows.filter(pc.invert(pc.is_in(table["_i"], pa.array(sorted(blank)))))
        rows = rows.to_pandas()
    con.close()
    return Checked(Validated(dataset, rows, issues, set(positions)), d, table.num_rows - len(blank))


@dataclass(frozen=True)
class _Check:
    """One check of one column, as SQL that is true where the cell fails it."""

    condition: str
    code: str
    raw: str  # the file's column (c<i>), for the cell as written
    header: str  # the column's header as the file shows it
    params: dict
    list_name: str = ""  # for unknown codes: the code list, to name the unknown word
    raws: tuple[str, ...] = ()  # a check over several cells: each is named on its own


def _checks(
    dataset: Dataset,
    cells: dict[str, str],
    headers: dict[str, str],
    decimal: str,
    max_year: int,
    vocab: Vocabulary,
) -> list[_Check]:
    """Every check of validation._validate_row as SQL over the raw cells (c<i>) and the
    parsed values (p_<column>)."""
    checks: list[_Check] = []
    for column in dataset.columns:
        if column.name not in cells:
            continue
        raw, shown = cells[column.name], headers[column.name]
        if column.required:
            checks.append(_Check("is_blank(" + raw + ")", "required-empty", raw, shown, {}))
        for condition, code, params in _cell_checks(column, decimal, max_year, vocab, raw):
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
    return checks


def _cell_checks(
    column: datasets.Column, decimal: str, max_year: int, vocab: Vocabulary, raw: str
) -> list[tuple[str, str, dict]]:
    """(condition on the parsed value, issue code, message parameters) for a filled cell.
    Like the Python path, a number reports only the first of: not whole, below the minimum,
    above the maximum."""
    p = "p_" + column.name
    if column.type == YEAR:
        bounds = {"low": MIN_YEAR, "high": max_year}
        within = p + " BETWEEN " + str(MIN_YEAR) + " AND " + str(max_year)
        return [(p + " IS NULL OR NOT " + within, "year-invalid", bounds)]
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
    bounds = {"low": column.low, "high": column.upper}
    found = [(p + " IS NULL OR isinf(" + p + ")", "not-a-number", {"decimal": decimal})]
    passed = p + " IS NOT NULL AND NOT isinf(" + p + ")"
    if column.type == INTEGER:
        # '1.500' read as 1.5 in a '.' file (validation.looks_grouped): ambiguous, not a fraction
        mark = "\\." if decimal == "." else ","
        grouped = (
            "regexp_full_match(number_body(no_space("
            + raw
            + ")), '[0-9]{1,3}("
            + mark
            + "[0-9]{3})+')"
        )
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


def _parsed_sql(column: datasets.Column, raw: str, decimal: str) -> str:
    """A cell's typed value as SQL; NULL where it does not parse (a check then fails)."""
    if column.type == YEAR:
        return "year_of(" + raw + ")"
    if column.type in (NUMBER, INTEGER):
        return _number_sql(raw, decimal)
    if column.type == TEXT:  # a blank cell is missing (NULL), as in the Python path
        return "CASE WHEN is_blank(" + raw + ") THEN NULL ELSE py_strip(" + raw + ") END"
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
    return (
        "CASE WHEN map_contains("
        + lookup
        + ", "
        + raw
        + ") THEN "
        + lookup
        + "["
        + raw
        + "] ELSE "
        + lookup
        + "[norm("
        + raw
        + ")] END"
    )


def _read_and_check(
    con: duckdb.DuckDBPyConnection,
    csv_path: str,
    d: ingest.Detection,
    names: list[str],
    dataset: Dataset,
    cells: dict[str, str],
    checks: list[_Check],
    vocab: Vocabulary,
    *,
    parallel: bool = True,
) -> pa.Table:
    """One streaming pass over the file: every cell read as text and parsed, every check run.
    Returns the typed values, a bit mask of the failed checks (``_fails``) and, for failing
    rows only, the cells as written (c0, c1, ...), in the file's row order."""
    params: dict[str, object] = {
        "file": csv_path,
        "skip": d.header_row,
        "delim": d.delimiter,
        "names": names,
        "parallel": parallel,
    }
    lists = {c.type.split(":", 1)[1] for c in dataset.columns if c.name in cells and ":" in c.type}
    for name in sorted(lists):  # each code list the file's columns use, as words -> codes
        words = vocab.words.get(name, {})
        params["k_" + name], params["v_" + name] = list(words), list(words.values())
    parsed = [
        _parsed_sql(c, cells[c.name], d.decimal) + " AS p_" + c.name
        for c in dataset.columns
        if c.name in cells
    ]
    mask = " | ".join(
        "CASE WHEN " + check.condition + " THEN (1::BIGINT << " + str(i) + ") ELSE 0 END"
        for i, check in enumerate(checks)
    )
    typed = []
    for c in dataset.columns:
        value = (
            ("CAST(p_" + c.name + " AS BIGINT)" if c.type == INTEGER else "p_" + c.name)
            if c.name in cells
            else "NULL"
        )
        if c.name in dataset.key and c.name in cells:
            # A key cell that failed is missing, as in the Python path: no duplicate-row for it.
            bits = sum(1 << i for i, check in enumerate(checks) if check.raw == cells[c.name])
            value = "CASE WHEN _fails & " + str(bits) + " <> 0 THEN NULL ELSE " + value + " END"
        typed.append(value + " AS " + c.name)
    kept = ["CASE WHEN _fails <> 0 THEN " + n + " END AS " + n for n in names]
    reader = (
        "read_csv($file, header = false, skip = $skip, all_varchar = true, delim = $delim,"
        " quote = '\"', escape = '\"', comment = '', names = $names, null_padding = true,"
        " parallel = $parallel)"
    )
    sql = (
        "SELECT "
        + ", ".join([*typed, "_fails", *kept])
        + " FROM (SELECT *, "
        + (mask or "0::BIGINT")
        + " AS _fails"
        " FROM (SELECT " + ", ".join(names) + ", " + ", ".join(parsed) + " FROM " + reader + "))"
    )
    return con.sql(sql, params=params).to_arrow_table()


def _blank_rows(con: duckdb.DuckDBPyConnection, names: list[str]) -> set[int]:
    """Rows with nothing in any cell: skipped, as the Python path skips them. A blank row
    fails its required cells, so only failing rows are looked at."""
    blank = " AND ".join("is_blank(" + n + ")" for n in names)
    sql = "SELECT _i FROM typed WHERE _fails <> 0 AND " + blank
    return {i for (i,) in con.execute(sql).fetchall()}


def _failures(
    con: duckdb.DuckDBPyConnection,
    checks: list[_Check],
    names: list[str],
    blank: set[int],
    first_row: int,
    vocab: Vocabulary,
    by_raw: dict[str, str],
) -> list[Issue]:
    """The issues of the first MAX_ISSUES failing rows, each cell shown as the Python path
    shows it (a long text cut to 40 characters; the first unknown word of a code list)."""
    sql = (
        "SELECT _i, _fails, " + ", ".join(names) + " FROM typed WHERE _fails <> 0"
        " AND NOT list_contains(?, _i) ORDER BY _i LIMIT ?"
    )
    issues = []
    for i, fails, *values in con.execute(sql, [sorted(blank), MAX_ISSUES]).fetchall():
        cell = dict(zip(names, values, strict=True))
        for bit, check in enumerate(checks):
            if not fails >> bit & 1:
                continue
            if check.code == "cell-beyond-header":
                issues += [
                    validation.beyond_header_issue(first_row + i, int(n[1:]), cell[n])
                    for n in check.raws
                    if cell[n] is not None and cell[n].strip()
                ]
                continue
            if check.code == "control-character":
                issues += [
                    validation.control_issue(first_row + i, by_raw[n], cell[n])
                    for n in check.raws
                    if cell[n] is not None and ingest.CONTROL_CHARACTERS.search(cell[n])
                ]
                continue
            text = cell[check.raw] or ""
            if check.code == "text-too-long":
                text = text.strip()[:40] + "…"
            elif check.list_name:
                words = [w.strip() for w in re.split(r"[;,]", text) if w.strip()]
                unknown = [w for w in words if vocab.lookup(check.list_name, w) is None]
                text = unknown[0] if unknown else text
            issues.append(
                Issue(
                    check.code,
                    row=first_row + i,
                    column=check.header,
                    value=text,
                    params=check.params,
                )
            )
    return issues


def _duplicates(
    con: duckdb.DuckDBPyConnection, dataset: Dataset, headers: dict[str, str], first_row: int
) -> list[Issue]:
    """A row repeating an earlier row's key, naming the first. If the keys' hashes are all
    distinct, so are the keys (the usual case, one cheap pass); only otherwise does a window
    query look for the repeated rows."""
    key = ", ".join(dataset.key)
    where = " AND ".join(k + " IS NOT NULL" for k in dataset.key)
    sql = "SELECT count(*) = count(DISTINCT hash(" + key + ")) FROM typed WHERE " + where
    if con.execute(sql).fetchall()[0][0]:
        return []
    sql = (
        "SELECT _i, first FROM (SELECT _i, first_value(_i) OVER (PARTITION BY "
        + key
        + " ORDER BY _i) AS first FROM typed WHERE "
        + where
        + ") WHERE _i <> first"
        " ORDER BY _i LIMIT ?"
    )
    keys = [headers.get(k, dataset.column(k).header_id) for k in dataset.key]
    return [
        Issue("duplicate-row", row=first_row + i, params={"first": first_row + first, "keys": keys})
        for i, first in con.execute(sql, [MAX_ISSUES]).fetchall()
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


def _scratch_dir() -> str | None:
    """Where the upload's bytes are written for read_csv: memory-backed /dev/shm when it has
    room (the file is read once, right away), else the system temp directory."""
    try:
        stats = os.statvfs("/dev/shm")
    except OSError:
        return None
    return "/dev/shm" if stats.f_bavail * stats.f_frsize > 4 * HEAD_BYTES * 1024 else None


def check_file(
    data: bytes,
    filename: str,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    sheet: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    today: dt.date | None = None,
) -> Checked:
    """Read and validate an upload the fastest way that keeps every answer exact: in DuckDB
    for a large UTF-8 CSV, cell by cell otherwise. Both give the same issues (a test checks).

    Files up to ``max_bytes`` are taken; those the DuckDB path cannot take (XLSX, other
    encodings, blank lines between rows, indicator data) only up to CELL_BY_CELL_MAX_BYTES,
    with a message saying how to save them so they can go the fast way."""
    if BULK_MIN_BYTES <= len(data) <= max_bytes and sheet is None:
        try:
            return validate_bulk(data, vocab, dataset, today=today)
        except HeaderError:
            return _check_header(data, filename, vocab, dataset, today)
        except NotBulkError:
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
    grid = ingest.read_grid(data, filename, sheet=sheet, max_bytes=max_bytes)
    checked = validation.validate(grid, vocab, dataset, today=today)
    return Checked(checked, grid.detection, len(grid.rows))


def _check_header(
    data: bytes, filename: str, vocab: Vocabulary, dataset: Dataset | None, today: dt.date | None
) -> Checked:
    """A large CSV whose header is wrong: the header issues, found from the file's head."""
    grid = ingest.read_grid(_head(data), filename, max_bytes=HEAD_BYTES + 1)
    checked = validation.validate(grid, vocab, dataset, today=today)
    checked.rows = pd.DataFrame()  # the rows were not checked: nothing may be written
    grid.detection.size, grid.detection.sha256 = len(data), ingest.sha256_hex(data)
    lines = data.count(b"\n") + (not data.endswith(b"\n"))  # rows below the header, roughly
    return Checked(checked, grid.detection, max(lines - (grid.detection.header_row or 0), 0))
