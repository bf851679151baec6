"""The reference the validation engine (impact.upload.checks, SQL in DuckDB) is compared
against: the same rules written cell by cell in plain Python, as the upload package checked
files before it had one engine. Tests only: nothing in impact/ imports it.

``validate(grid, vocab, dataset, today=)`` returns what the engine must return for the grid:
the same issues (row, column, code, shown value, level) and, for a clean file, the same
typed rows.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from impact.upload import datasets
from impact.upload.checks import cell_text
from impact.upload.datasets import INTEGER, NUMBER, TEXT, YEAR, Dataset
from impact.upload.ingest import CONTROL_CHARACTERS, Cell, Grid, Issue
from impact.upload.validation import (
    MAX_ISSUES,
    MAX_YEAR_AHEAD,
    MIN_YEAR,
    Validated,
    Vocabulary,
    beyond_header_issue,
    control_issue,
    unlisted_issue,
)

_NON_NEGATIVE_KINDS = {"level", "count", "index"}
_PERCENT_KINDS = {"score", "share"}


# --- numbers -----------------------------------------------------------------------------

_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]")
# ASCII digits only: float() would also take other scripts' digits, which no planner types.
_COMMA_DECIMAL = (
    re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$"),
    re.compile(r"^[0-9]+(,[0-9]+)?$"),
)
_POINT_DECIMAL = (
    re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"),
    re.compile(r"^[0-9]+(\.[0-9]+)?$"),
)


def _strip_number(text: str) -> tuple[str, bool]:
    """Remove spaces, 'Rp'/'IDR', '%', a sign; return (digits and separators, negative)."""
    s = _SPACES.sub("", text)
    negative = False
    if s.startswith("(") and s.endswith(")"):  # accounting negative: (1.000)
        s, negative = s[1:-1], True
    if s[:1] in "-−+":
        negative, s = s[:1] != "+", s[1:]
    s = _CURRENCY.sub("", s)
    if s.endswith("%"):
        s = s[:-1]
    return s, negative


def decimal_votes(text: str) -> str | None:
    """',' or '.' if this cell shows which decimal mark its file uses; None if it can't tell."""
    s, _ = _strip_number(text)
    if re.fullmatch(
        r"\d+,\d{1,2}|\d+,\d{4,}|\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+", s, re.ASCII
    ):
        return ","
    if re.fullmatch(
        r"\d+\.\d{1,2}|\d+\.\d{4,}|\d{1,3}(,\d{3}){2,}(\.\d+)?|\d{1,3}(,\d{3})+\.\d+", s, re.ASCII
    ):
        return "."
    return None


def detect_decimal(texts: list[str], delimiter: str | None) -> tuple[str, bool]:
    """The file's decimal mark from its numeric cells, and whether it was a guess.

    A file saved by Excel on Indonesian Windows uses ';' and decimal commas; when no cell
    decides, the delimiter does.
    """
    votes = [v for v in (decimal_votes(t) for t in texts) if v]
    commas, points = votes.count(","), votes.count(".")
    if commas != points:
        return ("," if commas > points else "."), False
    return ("," if delimiter == ";" else "."), True


def parse_number(cell: Cell, decimal: str) -> float | None:
    """A cell as a float: 'Rp1.250.000' -> 1250000.0, '54,5%' -> 54.5 (with decimal ',').

    Returns None for a blank cell; raises ValueError for anything that is not a number in
    this file's convention (so '1.5' in a decimal-comma file is refused, not read as 15).
    """
    if cell is None:
        return None
    if isinstance(cell, float):
        if math.isnan(cell) or math.isinf(cell):
            raise ValueError(cell)
        return cell
    if not cell.strip():
        return None
    s, negative = _strip_number(cell)
    grouped, plain = _COMMA_DECIMAL if decimal == "," else _POINT_DECIMAL
    if not (grouped.fullmatch(s) or plain.fullmatch(s)):
        raise ValueError(cell)
    thousands = "." if decimal == "," else ","
    value = float(s.replace(thousands, "").replace(decimal, "."))
    if math.isinf(value):  # 309 digits or more: no number a planner means
        raise ValueError(cell)
    return -value if negative else value


def parse_year(cell: Cell, max_year: int) -> int:
    """A whole year between MIN_YEAR and ``max_year``; raises ValueError otherwise."""
    if isinstance(cell, float):
        if not cell.is_integer():
            raise ValueError(cell)
        year = int(cell)
    else:
        text = str(cell).strip()
        if not re.fullmatch(r"[0-9]{4}(\.0+)?", text):
            raise ValueError(cell)
        year = int(float(text))
    if not MIN_YEAR <= year <= max_year:
        raise ValueError(cell)
    return year


def reads_two_ways(text: str) -> bool:
    """A number cell that decides no decimal mark and reads as a number by either, to
    different values: '125.430' (125430 or 125.43), 'Rp1.500'. Asked about, when the file's
    mark is only a guess."""
    if decimal_votes(text) is not None or not re.search(r"\d[.,]\d{3}\b", text, re.ASCII):
        return False
    try:
        parse_number(text, ",")
        parse_number(text, ".")
    except ValueError:
        return False
    return True


def looks_grouped(text: str, decimal: str) -> bool:
    """'1.500' in a file whose decimal mark is '.' (or '1,500' with ','): read as 1.5, but
    written, most likely, as fifteen hundred. Ambiguous for a count."""
    s, _ = _strip_number(text)
    mark = re.escape(decimal)
    return re.fullmatch("[0-9]{1,3}(" + mark + "[0-9]{3})+", s) is not None


def _shown(cell: Cell) -> str:
    return cell_text(cell) or ""


def validate(
    grid: Grid,
    vocab: Vocabulary,
    dataset: Dataset | None = None,
    *,
    today: dt.date | None = None,
    decimal: str | None = None,
) -> Validated:
    """Check every cell of ``grid`` for ``dataset`` (detected from the headers if None);
    ``decimal``: the planner's decimal mark, else the cells decide."""
    issues = list(grid.issues)
    if dataset is None and grid.detection.dataset:
        dataset = datasets.DATASETS[grid.detection.dataset]
    if dataset is None and grid.rows:
        dataset = datasets.closest_dataset(grid.headers)
    empty = pd.DataFrame()
    if issues and not grid.rows:
        return Validated(dataset, empty, issues)
    if dataset is None:
        issues.append(
            Issue(
                "dataset-unknown",
                row=grid.detection.header_row,
                params={"headers": [h for h in grid.headers if h]},
            )
        )
        return Validated(None, empty, issues)
    grid.detection.dataset = dataset.code
    max_year = (today or dt.date.today()).year + MAX_YEAR_AHEAD

    # Map the file's headers onto the dataset's columns.
    mapping = datasets.header_map(dataset)
    positions: dict[str, int] = {}
    shown_header: dict[str, str] = {}
    for index, header in enumerate(grid.headers):
        name = mapping.get(datasets.normalize_header(header))
        if name is None:
            if header:
                issues.append(
                    Issue(
                        "unknown-column",
                        row=grid.detection.header_row,
                        column=header,
                        level="warning",
                    )
                )
            continue
        if name in positions:
            issues.append(Issue("duplicate-column", row=grid.detection.header_row, column=header))
            continue
        positions[name] = index
        shown_header[name] = header
    missing = [c for c in dataset.required if c.name not in positions]
    if not positions:  # no header at all: the first row is data, or the wrong file
        issues.append(
            Issue(
                "header-not-found",
                row=grid.detection.header_row,
                params={"expected": [c.header_id for c in dataset.required]},
            )
        )
        return Validated(dataset, empty, issues)
    for column in missing:
        issues.append(
            Issue(
                "missing-column",
                row=grid.detection.header_row,
                column=column.header_id,
                params={"en": column.header_en},
            )
        )
    if missing:
        return Validated(dataset, empty, issues)

    # The decimal mark, from every numeric text cell of the file.
    numeric = [
        c.name for c in dataset.columns if c.type in (NUMBER, INTEGER) and c.name in positions
    ]
    texts = [
        row[positions[name]]
        for row in grid.rows
        for name in numeric
        if isinstance(row[positions[name]], str) and row[positions[name]].strip()
    ]
    if decimal is None:
        decimal, guessed = detect_decimal(texts, grid.detection.delimiter)
    else:  # the planner's choice: nothing to ask
        guessed = False
    grid.detection.decimal = decimal

    columns = grid.columns or list(range(len(grid.headers)))
    unheaded = [(i, columns[i]) for i, header in enumerate(grid.headers) if not header]
    context = _RowContext(
        dataset, vocab, positions, shown_header, decimal, max_year, unheaded, ask=guessed
    )
    records: list[dict] = []
    first_seen: dict[tuple, int] = {}
    # As the DuckDB path lists them: the issues of the first MAX_ISSUES rows failing a cell
    # check and the first MAX_ISSUES repeated rows; the rest are counted.
    failing = repeated = problem_rows = 0
    for row_number, row in zip(grid.row_numbers, grid.rows, strict=True):
        record, row_issues = _validate_row(context, row_number, row)
        failed = any(i.level == "error" for i in row_issues)
        if row_issues:
            failing += 1
            if failing <= MAX_ISSUES:
                issues.extend(row_issues)
        key = tuple(record.get(k) for k in dataset.key)
        if None not in key:
            if key in first_seen:
                keys = [shown_header.get(k, dataset.column(k).header_id) for k in dataset.key]
                repeated += 1
                problem_rows += 1
                if repeated <= MAX_ISSUES:
                    issues.append(
                        Issue(
                            "duplicate-row",
                            row=row_number,
                            params={"first": first_seen[key], "keys": keys},
                        )
                    )
                continue
            first_seen[key] = row_number
        problem_rows += failed
        if not failed:
            records.append(record)
    listed = len({i.row for i in issues if i.level == "error" and i.row is not None})
    if listed >= MAX_ISSUES and problem_rows > listed:
        issues.append(unlisted_issue(listed, problem_rows))

    rows = pd.DataFrame(records, columns=["_row", *[c.name for c in dataset.columns]])
    issues.sort(key=lambda i: (i.row or 0, i.level != "error", i.column or "", i.code))
    return Validated(dataset, rows, issues, set(positions))


@dataclass(frozen=True)
class _RowContext:
    dataset: Dataset
    vocab: Vocabulary
    positions: dict[str, int]
    headers: dict[str, str]
    decimal: str
    max_year: int
    unheaded: list[tuple[int, int]]  # (grid index, file column) of each blank header
    ask: bool = False  # the decimal mark is a guess: a cell that reads two ways is asked about


def _validate_row(ctx: _RowContext, row_number: int, row: list[Cell]) -> tuple[dict, list[Issue]]:
    """One row: its typed record (columns that failed stay None) and its issues."""
    record: dict = {"_row": row_number}
    raw: dict[str, str] = {}  # cells as written, for messages
    issues: list[Issue] = []

    def fail(code: str, column: datasets.Column, cell: Cell, **params: object) -> None:
        header = ctx.headers.get(column.name, column.header_id)
        issues.append(Issue(code, row=row_number, column=header, value=_shown(cell), params=params))

    for index, position in ctx.unheaded:
        cell = row[index]
        if not (cell is None or (isinstance(cell, str) and not cell.strip())):
            issues.append(beyond_header_issue(row_number, position, cell))
    for column in ctx.dataset.columns:
        record[column.name] = None
        cell = row[ctx.positions[column.name]] if column.name in ctx.positions else None
        raw[column.name] = _shown(cell)
        if isinstance(cell, str) and CONTROL_CHARACTERS.search(cell):
            issues.append(control_issue(row_number, ctx.headers[column.name], cell))
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            if column.required:
                fail("required-empty", column, cell)
            continue
        if column.type == YEAR:
            try:
                record[column.name] = parse_year(cell, ctx.max_year)
            except ValueError:
                fail("year-invalid", column, cell, low=MIN_YEAR, high=ctx.max_year)
        elif column.type in (NUMBER, INTEGER):
            if ctx.ask and isinstance(cell, str) and reads_two_ways(cell):
                comma, point = parse_number(cell, ","), parse_number(cell, ".")
                kind = ctx.vocab.indicator_kinds.get(str(record.get("indicator")))
                count = column.name in ("value", "low", "high") and kind == "count"
                # a count has one reading a count can have ('1.240' workers: 1240)
                if comma != point and not (count and not float(point).is_integer()):
                    fail("decimal-ask", column, cell, comma=comma, point=point)
                    continue
            try:
                value = parse_number(cell, ctx.decimal)
            except ValueError:
                fail("not-a-number", column, cell, decimal=ctx.decimal)
                continue
            if column.type == INTEGER and not float(value).is_integer():
                code = "not-whole"
                if isinstance(cell, str) and looks_grouped(cell, ctx.decimal):
                    code = "thousands-ambiguous"
                fail(code, column, cell)
            elif column.low is not None and value < column.low:
                code = "negative" if column.low == 0 else "out-of-range"
                fail(code, column, cell, low=column.low, high=column.upper)
            elif column.upper is not None and value > column.upper:
                fail("out-of-range", column, cell, low=column.low, high=column.upper)
            else:
                record[column.name] = int(value) if column.type == INTEGER else value
        elif column.type == TEXT:
            text = _shown(cell).strip()
            if len(text) > column.max_length:
                fail("text-too-long", column, text[:40] + "…", limit=column.max_length)
            else:
                record[column.name] = text
        elif column.type.startswith("codes:"):  # a ';' or ','-separated list of codes
            list_name = column.type.split(":", 1)[1]
            words = [w.strip() for w in re.split(r"[;,]", _shown(cell)) if w.strip()]
            codes = [ctx.vocab.lookup(list_name, w) for w in words]
            if None in codes:
                bad = words[codes.index(None)]
                fail(f"unknown-{list_name}", column, bad, allowed=ctx.vocab.codes(list_name))
            else:
                record[column.name] = ";".join(sorted(set(codes)))
        else:  # "code:<list>": a code, or a name planners write instead
            list_name = column.type.split(":", 1)[1]
            code = ctx.vocab.lookup(list_name, _shown(cell))
            if code is None:
                fail(f"unknown-{list_name}", column, cell, allowed=ctx.vocab.codes(list_name))
            else:
                record[column.name] = code

    if ctx.dataset.code == "observations" and not issues:
        _check_observation(record, raw, ctx, issues)
    return record, issues


def _check_observation(
    record: dict, raw: dict[str, str], ctx: _RowContext, issues: list[Issue]
) -> None:
    """Bounds that depend on the indicator's kind, and the reported range's consistency."""
    row = record["_row"]
    kind = ctx.vocab.indicator_kinds.get(record["indicator"], "")

    def header(name: str) -> str:
        return ctx.headers.get(name, ctx.dataset.column(name).header_id)

    for name in ("value", "low", "high"):
        value = record.get(name)
        if value is None:
            continue
        if kind == "count" and not float(value).is_integer():  # never 1.5 people
            code = "not-whole"
            if looks_grouped(raw[name], ctx.decimal):
                code = "thousands-ambiguous"
            issues.append(
                Issue(
                    code,
                    row=row,
                    column=header(name),
                    value=raw[name],
                )
            )
            continue
        if kind in _NON_NEGATIVE_KINDS and value < 0:
            issues.append(
                Issue(
                    "negative", row=row, column=header(name), value=raw[name], params={"kind": kind}
                )
            )
        if kind in _PERCENT_KINDS and name == "value" and 0 < value <= 1 and "%" not in raw[name]:
            # 0,55 for a score kept on 0-100: saved as it stands, the overview would say the
            # score fell 54 points. Warn before saving and say what the planner likely meant.
            issues.append(
                Issue(
                    "score-as-fraction",
                    row=row,
                    column=header(name),
                    value=raw[name],
                    params={"suggested": value * 100},
                    level="warning",
                )
            )
        if kind in _PERCENT_KINDS and not 0 <= value <= 100:
            issues.append(
                Issue(
                    "out-of-range",
                    row=row,
                    column=header(name),
                    value=raw[name],
                    params={"low": 0, "high": 100},
                )
            )
    low, high = record.get("low"), record.get("high")
    if (low is None) != (high is None):
        present = "low" if low is not None else "high"
        issues.append(Issue("range-incomplete", row=row, column=header(present)))
    elif low is not None and low > high:
        issues.append(
            Issue(
                "low-above-high",
                row=row,
                column=header("low"),
                value=f"{raw['low']} > {raw['high']}",
            )
        )
    elif low is not None and not low <= record["value"] <= high:
        issues.append(
            Issue(
                "value-outside-range",
                row=row,
                column=header("value"),
                value=raw["value"],
                level="warning",
                params={"low": low, "high": high},
            )
        )


# --- the engine's parsing, one cell at a time (for tests that compare it with the above) ----


def engine_value(cell: Cell, column_type: str, decimal: str = ".") -> object:
    """What the engine parses ``cell`` to in a column of ``column_type`` (NUMBER, YEAR...):
    None where it does not parse; a blank cell is None too."""
    import pyarrow as pa

    from impact.upload import checks

    natives = frozenset({"n0"}) if isinstance(cell, float) else frozenset()
    table = pa.table(
        {
            "c0": pa.array([cell_text(cell)], pa.string()),
            "n0": pa.array([cell if isinstance(cell, float) else None], pa.float64()),
        }
    )
    column = datasets.Column("x", "x", "x", column_type)
    sql = checks._parsed_sql(column, "c0", decimal, checks.Source("cell", ("c0",), natives=natives))
    con = checks.connect()
    try:
        con.register("cell", table)
        # with each number cell's shape beside it (k0), as the engine's pass has it
        sql += " FROM (SELECT *, plain_number(c0) AS " + checks._plain("c0") + " FROM cell)"
        return con.execute("SELECT " + sql).fetchall()[0][0]
    finally:
        con.close()


def engine_decimal(texts: list[str], delimiter: str | None) -> tuple[str, bool]:
    """The decimal mark the engine decides from these number cells (and if it guessed)."""
    from impact.upload import checks

    con = checks.connect()
    try:
        votes = con.execute(
            "SELECT coalesce(sum((v = 1)::INTEGER), 0), coalesce(sum((v = 2)::INTEGER), 0)"
            " FROM (SELECT vote_of(x, plain_number(x)) AS v FROM (SELECT unnest(?) AS x))",
            [texts or [None]],
        ).fetchall()[0]
    finally:
        con.close()
    return checks._decide_decimal(votes[0], votes[1], delimiter)
