"""Validation of large CSV files inside DuckDB: the same checks and issue codes as
:mod:`impact.validation`, run as SQL over a staging table instead of cell by cell in Python.

A province's enterprise records are a million rows; the Python path reads and checks every
cell (about 100x a bare ``read_csv``). This path reads the file with DuckDB's ``read_csv``
(all text), finds bad cells with one query per column, and casts the good rows in SQL. It
takes a file only when its row numbers can be kept exact: UTF-8, and no blank line between
data rows (DuckDB skips blank lines, which would shift the spreadsheet row numbers). Anything
else goes through the Python path, which handles every variant.

SQL text here is assembled only from generated identifiers (c0, c1, ... for the file's
columns, and the dataset's declared column names) and constants; every value from the file is
data in the staging table, every value from us is a bound parameter or a registered frame.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass

import duckdb
import pandas as pd

from impact import datasets, ingest, validation
from impact.datasets import INTEGER, NUMBER, TEXT, YEAR, Dataset
from impact.ingest import Issue
from impact.validation import MAX_YEAR_AHEAD, MIN_YEAR, Validated, Vocabulary, detect_decimal

BULK_MIN_BYTES = 5 * 2**20  # smaller files are quick enough cell by cell
HEAD_BYTES = 256 * 1024  # enough lines to detect the delimiter, header and decimal mark
MAX_ISSUES = 1000  # issues listed per upload; the count of the rest is given


class NotBulkError(Exception):
    """This file needs the Python path (encoding, blank lines, or an unknown layout)."""


def _head(data: bytes) -> bytes:
    head = data[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1] if b"\n" in head else head


def _number_sql(column: str, decimal: str) -> tuple[str, str]:
    """(SQL for the cleaned text, SQL for its value) of a number cell, as parse_number does:
    spaces, 'Rp'/'IDR', '%' and a sign removed; thousands groups only where the mark allows."""
    cleaned = (
        "regexp_replace(regexp_replace(regexp_replace("
        + column
        + ", '[\\s\\x{00a0}\\x{202f}]', '', 'g'),"
        " '^(\\+|-|−)?(Rp\\.?|IDR)', '\\1', 'i'), '%$', '')"
    )
    unsigned = "regexp_replace(" + cleaned + ", '^(\\+|-|−)', '')"
    negative = "(" + cleaned + " LIKE '-%' OR " + cleaned + " LIKE '−%')"
    if decimal == ",":
        pattern = "'^(\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+(,\\d+)?)$'"
        value = "CAST(replace(replace(" + unsigned + ", '.', ''), ',', '.') AS DOUBLE)"
    else:
        pattern = "'^(\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?)$'"
        value = "CAST(replace(" + unsigned + ", ',', '') AS DOUBLE)"
    ok = "regexp_full_match(" + unsigned + ", " + pattern + ")"
    signed = "CASE WHEN " + negative + " THEN -" + value + " ELSE " + value + " END"
    return ok, "CASE WHEN " + ok + " THEN " + signed + " END"


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
    head = ingest.read_table(_head(data), max_bytes=HEAD_BYTES + 1)
    d = head.detection
    if d.format != "csv" or d.encoding not in ("utf-8", "utf-8-sig") or not head.headers:
        raise NotBulkError("not a UTF-8 CSV")
    dataset = dataset or (datasets.DATASETS.get(d.dataset) if d.dataset else None)
    if dataset is None:
        raise NotBulkError("dataset not recognised from the head")
    body = data.split(b"\n", d.header_row)[-1] if d.header_row else data
    if re.search(rb"\n[ \t\r]*\n[^\s]", body):
        raise NotBulkError("blank line between data rows")

    mapping = datasets.header_map(dataset)
    positions = {}
    for index, header in enumerate(head.headers):
        name = mapping.get(datasets.normalize_header(header))
        if name and name not in positions:
            positions[name] = index
    issues: list[Issue] = []
    for header in head.headers:
        if header and mapping.get(datasets.normalize_header(header)) is None:
            issues.append(Issue("unknown-column", row=d.header_row, column=header, level="warning"))
    missing = [c for c in dataset.required if c.name not in positions]
    if missing:
        raise NotBulkError("missing columns: the Python path names them")
    numeric_texts = [
        str(r[positions[c.name]]) for r in head.rows for c in dataset.columns
        if c.type in (NUMBER, INTEGER) and c.name in positions and isinstance(r[positions[c.name]], str)
    ]  # fmt: skip
    decimal, _ = detect_decimal(numeric_texts, d.delimiter)
    d.decimal, d.dataset = decimal, dataset.code
    max_year = (today or dt.date.today()).year + MAX_YEAR_AHEAD

    names = [f"c{i}" for i in range(len(head.headers))]
    con = duckdb.connect()
    with tempfile.NamedTemporaryFile(suffix=".csv") as tmp:
        tmp.write(data)
        tmp.flush()
        con.execute(
            "CREATE TABLE raw AS SELECT row_number() OVER () AS _i, * FROM read_csv(?, header = false,"
            " skip = ?, all_varchar = true, delim = ?, quote = '\"', names = ?, null_padding = true)",
            [tmp.name, d.header_row, d.delimiter, names],
        )
    first_row = d.header_row + 1  # the first data row, as the spreadsheet shows it
    blank_row = " AND ".join(f"coalesce(trim({n}), '') = ''" for n in names)
    sql = "DELETE FROM raw WHERE " + blank_row  # blank rows carry nothing (as in the Python path)
    con.execute(sql)
    # Each code list as a MAP word -> code, in a one-row table every query joins ("maps").
    parts = []
    for name, words in vocab.words.items():
        con.register(
            "vocab_" + name, pd.DataFrame({"word": list(words), "code": list(words.values())})
        )
        parts.append("(SELECT map_from_entries(list(struct_pack(k := word, v := code))) FROM vocab_"
                     + name + ") AS m_" + name)  # fmt: skip
    sql = "CREATE TABLE maps AS SELECT " + ", ".join(parts)
    con.execute(sql)

    # One pass parses every cell into p_<column> (NULL when it does not parse) and u_<column>
    # (a code list naming an unknown code); the checks then compare those cheap columns.
    parsed: list[str] = []  # SQL select items of the "parsed" table
    failures: list[
        tuple[str, str, str, str, str, dict]
    ] = []  # (SQL, code, column, header, cell, params)
    for column in dataset.columns:
        if column.name not in positions:
            parsed.append("NULL AS p_" + column.name)
            continue
        raw = names[positions[column.name]]
        shown = head.headers[positions[column.name]]
        blank = "coalesce(trim(" + raw + "), '') = ''"
        p = "p_" + column.name
        checks: list[tuple[str, str, dict]] = []  # (code, condition on a non-blank cell, params)
        if column.type == YEAR:
            value = "TRY_CAST(TRY_CAST(trim(" + raw + ") AS DOUBLE) AS INTEGER)"
            good = ("regexp_full_match(trim(" + raw + "), '^\\d{4}(\\.0+)?$') AND " + value
                    + " BETWEEN " + str(MIN_YEAR) + " AND " + str(max_year))  # fmt: skip
            parsed.append("CASE WHEN " + good + " THEN " + value + " END AS " + p)
            checks.append(("year-invalid", p + " IS NULL", {"low": MIN_YEAR, "high": max_year}))
        elif column.type in (NUMBER, INTEGER):
            _, value = _number_sql(raw, decimal)
            parsed.append(value + " AS " + p)
            bounds = {"low": column.low, "high": column.high}
            checks.append(("not-a-number", p + " IS NULL", {"decimal": decimal}))
            if column.type == INTEGER:
                checks.append(("not-whole", p + " <> floor(" + p + ")", {}))
            if column.low is not None:
                code = "negative" if column.low == 0 else "out-of-range"
                whole = "" if column.type != INTEGER else " AND " + p + " = floor(" + p + ")"
                checks.append((code, p + " < " + str(column.low) + whole, bounds))
            if column.high is not None:
                whole = "" if column.type != INTEGER else " AND " + p + " = floor(" + p + ")"
                checks.append(("out-of-range", p + " > " + str(column.high) + whole, bounds))
        elif column.type == TEXT:
            parsed.append("trim(" + raw + ") AS " + p)
            checks.append(("text-too-long", "length(" + p + ") > " + str(column.max_length),
                           {"limit": column.max_length}))  # fmt: skip
        elif column.type.startswith("codes:"):
            list_name = column.type.split(":", 1)[1]
            words = ("list_filter(list_transform(regexp_split_to_array(" + raw + ", '[;,]'),"
                     " lambda w: lower(regexp_replace(trim(w), '\\s+', ' ', 'g'))), lambda w: w <> '')")  # fmt: skip
            parsed.append("array_to_string(list_sort(list_distinct(list_transform(" + words
                          + ", lambda w: m_" + list_name + "[w]))), ';') AS " + p)  # fmt: skip
            parsed.append("len(list_filter(" + words + ", lambda w: NOT map_contains(m_" + list_name
                          + ", w))) > 0 AS u_" + column.name)  # fmt: skip
            checks.append(
                ("unknown-" + list_name, "u_" + column.name, {"allowed": vocab.codes(list_name)})
            )
        else:
            list_name = column.type.split(":", 1)[1]
            key = "lower(regexp_replace(trim(" + raw + "), '\\s+', ' ', 'g'))"
            parsed.append("m_" + list_name + "[" + key + "] AS " + p)
            checks.append(
                ("unknown-" + list_name, p + " IS NULL", {"allowed": vocab.codes(list_name)})
            )
        if column.required:
            failures.append((blank, "required-empty", column.name, shown, raw, {}))
        for code, condition, params in checks:
            failures.append(
                (
                    "NOT (" + blank + ") AND (" + condition + ")",
                    code,
                    column.name,
                    shown,
                    raw,
                    params,
                )
            )
    sql = "CREATE TABLE parsed AS SELECT raw.*, " + ", ".join(parsed) + " FROM raw, maps"
    con.execute(sql)

    # Rows failing any check, and which checks (by index into failures).
    flags = ", ".join(
        f"CASE WHEN {condition} THEN {index} END" for index, (condition, *_) in enumerate(failures)
    )
    any_failure = " OR ".join("(" + condition + ")" for condition, *_ in failures)
    sql = (
        "SELECT _i, list_filter([" + flags + "], lambda x: x IS NOT NULL) AS fails"
        " FROM parsed WHERE " + any_failure + " ORDER BY _i LIMIT ?"
    )
    failing = con.execute(sql, [MAX_ISSUES]).fetchall()
    cells = {name: raw for _, _, name, _, raw, _ in failures}
    values = {}
    if failing:
        rows_sql = ", ".join(cells[n] + " AS " + n for n in dict.fromkeys(cells))
        found = [i for i, _ in failing]
        sql = "SELECT _i, " + rows_sql + " FROM raw WHERE _i IN (SELECT unnest(?))"
        values = {r[0]: r[1:] for r in con.execute(sql, [found]).fetchall()}
    order = list(dict.fromkeys(cells))
    for i, fails in failing:
        for index in fails:
            _, code, name, shown, _, params = failures[index]
            cell = values[i][order.index(name)]
            issues.append(
                Issue(code, row=first_row + i - 1, column=shown, value=cell or "", params=params)
            )

    select = ", ".join(
        ("TRY_CAST(p_" + c.name + " AS BIGINT)" if c.type == INTEGER else "p_" + c.name)
        + " AS "
        + c.name
        for c in dataset.columns
    )
    sql = "CREATE TABLE typed AS SELECT _i, " + select + " FROM parsed"
    con.execute(sql)
    key = ", ".join(dataset.key)
    bad_rows = {i.row for i in issues if i.level == "error"}
    sql = (
        "SELECT _i, first FROM (SELECT _i, first_value(_i) OVER (PARTITION BY " + key + " ORDER BY _i) AS first"
        " FROM typed WHERE " + " AND ".join(k + " IS NOT NULL" for k in dataset.key) + ") WHERE _i <> first"
        " ORDER BY _i LIMIT ?"
    )  # fmt: skip
    duplicates = con.execute(sql, [MAX_ISSUES]).fetchall()
    headers = {
        c.name: head.headers[positions[c.name]] for c in dataset.columns if c.name in positions
    }
    keys = [headers.get(k, dataset.column(k).header_id) for k in dataset.key]
    for i, first in duplicates:
        issues.append(
            Issue(
                "duplicate-row",
                row=first_row + i - 1,
                params={"first": first_row + first - 1, "keys": keys},
            )
        )
    issues.sort(key=lambda x: (x.row or 0, x.level != "error", x.column or "", x.code))
    d.size, d.sha256 = len(data), ingest.sha256_hex(data)
    count = con.execute("SELECT count(*) FROM raw").fetchone()[0]
    if any(x.level == "error" for x in issues) or bad_rows:
        con.close()
        return Checked(Validated(dataset, pd.DataFrame(), issues, set(positions)), d, count)
    rows = con.execute(
        "SELECT _i + ? AS _row, * EXCLUDE (_i) FROM typed ORDER BY _i", [first_row - 1]
    ).df()
    con.close()
    return Checked(Validated(dataset, rows, issues, set(positions)), d, count)


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
    for a large UTF-8 CSV, cell by cell otherwise. Both give the same issues (a test checks)."""
    if BULK_MIN_BYTES <= len(data) <= max_bytes and sheet is None:
        try:
            return validate_bulk(data, vocab, dataset, today=today)
        except NotBulkError:
            pass
    grid = ingest.read_table(data, filename, sheet=sheet, max_bytes=max_bytes)
    checked = validation.validate(grid, vocab, dataset, today=today)
    return Checked(checked, grid.detection, len(grid.rows))
