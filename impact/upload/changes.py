"""Preview, commit and revert uploads; the upload history. The only writer besides seeding.

* :func:`preview` diffs validated rows against the database (added / replaced / unchanged).
* :func:`commit` writes them in one transaction, recording the upload and every replaced
  value; it re-diffs inside the transaction and refuses if the data moved since the preview.
* :func:`revert` restores exactly the values an upload replaced and removes what it added.

All three work on whole sets inside DuckDB (an upload can be a million enterprise records):
the diff is one temporary table, the change log, the inserts and the updates are one
statement each, and the preview keeps counts, a checksum and a bounded sample, never one
Python object per row.

Writers are serialized: a process-wide lock here, and DuckDB's file lock across processes
(the admin CLI and the dashboard), with short-lived connections and bounded retries.

SQL text here is assembled only from the dataset's declared column names (checked by
:func:`_ident`), table names through ``store.quote_table``, column types from a fixed
allow-list, and constants; every value is data in a table or a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from impact import store
from impact.upload.datasets import DATASETS, Dataset
from impact.upload.spill import Spill
from impact.upload.validation import Validated, Vocabulary

_WRITE_LOCK = threading.Lock()

ACTIONS = ("insert", "update", "same")
PREVIEW_LIMIT = 1000  # rows per action a preview keeps for display (first by row number)

# The column types a dataset table may have, as DuckDB's catalog names them; anything else is
# refused rather than spliced into a CAST.
_SQL_TYPES = {t: t for t in ("VARCHAR", "INTEGER", "BIGINT", "SMALLINT", "DOUBLE", "BOOLEAN")}

# Two numbers are the same value when they agree to 15 significant digits: the precision a
# spreadsheet keeps (Excel and LibreOffice write 15). A stored 33.333333333333336 (100/3)
# comes back from a LibreOffice re-save as 33.3333333333333; that is no edit. Written as
# printf's '%.14e' (one digit before the point, 14 after), in Python and in DuckDB alike.
SIGNIFICANT_DIGITS = 15
_DIGITS_FORMAT = "%.14e"  # SIGNIFICANT_DIGITS: one digit before the point, 14 after


class UploadError(Exception):
    """Base class of the named faults of committing and reverting."""


class NothingToCommitError(UploadError):
    """The validated file has errors or no rows, so there is nothing to write."""


class UnconfirmedRowsError(UploadError):
    """Rows whose warning needs the editor's confirmation (Validated.to_confirm) were not
    confirmed: nothing is written until each is."""

    def __init__(self, rows: list) -> None:
        self.rows = rows
        super().__init__(f"rows not confirmed: {rows}")


class StalePreviewError(UploadError):
    """The database changed between the preview and the commit: preview again."""


class UnknownUploadError(UploadError):
    """No upload with this id."""


class AlreadyRevertedError(UploadError):
    """The upload was reverted before."""


class RevertConflictError(UploadError):
    """A later, still active upload changed the same rows: revert that one first."""

    def __init__(self, later: list[int]) -> None:
        self.later = later
        super().__init__(f"later uploads touch the same rows: {later}")


def _checkpoint() -> None:
    """Called between the writes of a commit; tests replace it to kill a commit mid-way."""


def load_vocabulary(path: Path | str) -> Vocabulary:
    """The code lists an upload is checked against, from the registry tables."""
    vocab = Vocabulary.with_fixed_lists()
    for table, name in (
        ("indicator", "indicator"),
        ("region", "region"),
        ("sector", "sector"),
        ("obstacle_item", "obstacle"),
        ("program_type", "program"),
    ):
        for row in store.read_table(path, table).itertuples():
            vocab.add(name, row.code, row.name_id, row.name_en)
            if table == "indicator":
                vocab.indicator_kinds[row.code] = row.kind
                vocab.indicator_units[row.code] = row.unit
    return vocab


def _clean(value: object) -> object:
    """A cell as a JSON-able Python value: NaN/NA -> None, numpy scalars -> Python."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _same(a: object, b: object) -> bool:
    """Equal values; numbers equal to SIGNIFICANT_DIGITS (as the diff's SQL compares them)."""
    a, b = _clean(a), _clean(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b) or _DIGITS_FORMAT % float(a) == _DIGITS_FORMAT % float(b)
    return a == b


@dataclass
class Change:
    """One row of an upload: its spreadsheet row, key, and old -> new values."""

    row: int
    key: dict
    action: str  # "insert", "update" or "same"
    old: dict | None
    new: dict


@dataclass
class Preview:
    """What a commit would do: exact counts, a checksum of the whole diff, and a sample.

    ``counts`` and ``signature`` cover every row of the file; ``sample`` holds, per action,
    only the first ``limit`` rows by row number (for display), so a preview of a million rows
    stays small. ``signature`` is (rows, order-independent sum of each row's hash of row
    number, action, old and new values): the commit recomputes it and refuses if it moved.
    """

    dataset: Dataset
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACTIONS, 0))
    signature: tuple[int, int] = (0, 0)
    sample: list[Change] = field(default_factory=list)  # in row order
    limit: int = PREVIEW_LIMIT

    def of(self, action: str) -> list[Change]:
        """The sampled rows of one action (at most ``limit``, first by row number)."""
        return [c for c in self.sample if c.action == action]

    def shown(self, action: str) -> int:
        """How many rows of ``action`` the sample holds (``counts[action]`` if all)."""
        return len(self.of(action))

    def is_sample(self, action: str) -> bool:
        """True if some rows of ``action`` are counted but not in the sample."""
        return self.shown(action) < self.counts[action]

    def replaced_table(self) -> pd.DataFrame:
        """One line per replaced value of the sampled updated rows: row, key, column, old, new.

        Limited like the sample: the values of the first ``limit`` replaced rows.
        """
        lines = []
        for change in self.of("update"):
            for column, new in change.new.items():
                old = change.old.get(column)
                if not _same(old, new):
                    lines.append(
                        {
                            "row": change.row,
                            "key": " · ".join(map(str, change.key.values())),
                            "column": column,
                            "old": old,
                            "new": new,
                        }
                    )
        return pd.DataFrame(lines, columns=["row", "key", "column", "old", "new"])


# --- SQL fragments, from declared column names only ---------------------------------------


def _ident(dataset: Dataset, column: str, prefix: str = "") -> str:
    """A dataset column as a quoted identifier, optionally prefixed (old_x, new_x)."""
    # Column names only ever come from the dataset declarations (constants).
    if column not in {c.name for c in dataset.columns}:
        raise ValueError(f"unknown column {column!r}")
    return '"' + prefix + column + '"'


def _column_types(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> dict[str, str]:
    """Each dataset column's SQL type in the stored table (from the allow-list)."""
    found = dict(
        con.execute(
            """SELECT column_name, data_type FROM duckdb_columns()
               WHERE database_name = current_database() AND schema_name = 'main'
                 AND table_name = ?""",
            [dataset.table],
        ).fetchall()
    )
    types = {}
    for column in dataset.columns:
        kind = found.get(column.name)
        if kind not in _SQL_TYPES:
            raise ValueError(f"{dataset.table}.{column.name} has type {kind!r}")
        types[column.name] = _SQL_TYPES[kind]
    return types


def _typed(dataset: Dataset, types: dict[str, str], column: str) -> str:
    """An incoming cell cast to the stored column's type; NaN counts as missing."""
    cast = "CAST(n." + _ident(dataset, column) + " AS " + types[column] + ")"
    return "nullif(" + cast + ", 'NaN'::DOUBLE)" if types[column] == "DOUBLE" else cast


def _json_of(dataset: Dataset, columns: list[str], prefix: str) -> str:
    """Compact JSON of ``columns`` (in this order) from the diff's ``prefix`` columns."""
    fields = ", ".join(_ident(dataset, c) + " := " + _ident(dataset, c, prefix) for c in columns)
    return "to_json(struct_pack(" + fields + "))"


def _struct_type(dataset: Dataset, types: dict[str, str], columns: list[str]) -> str:
    return "STRUCT(" + ", ".join(_ident(dataset, c) + " " + types[c] for c in columns) + ")"


def _same_sql(dataset: Dataset, types: dict[str, str], column: str) -> str:
    """True when the old and new value of ``column`` are the same (NULL equal to NULL);
    numbers when they agree to SIGNIFICANT_DIGITS, as :func:`_same` compares them."""
    old, new = _ident(dataset, column, "old_"), _ident(dataset, column, "new_")
    exact = old + " IS NOT DISTINCT FROM " + new
    if types[column] != "DOUBLE":
        return exact
    digits = "'" + _DIGITS_FORMAT + "'"  # a constant of this module, never a user's text
    return (
        "coalesce("
        + exact
        + " OR printf("
        + digits
        + ", "
        + old
        + ") = printf("
        + digits
        + ", "
        + new
        + "), false)"
    )


_DIFF = "upload_diff"  # the temporary table of one connection's diff
_INCOMING = "upload_incoming"  # the registered frame of validated rows (a small file)


@contextmanager
def _incoming(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame | Spill) -> Iterator[str]:
    """The checked rows as a relation of ``con`` for the block: a frame registered, or a
    spilled file attached read-only (its rows are read from disk, never into Python)."""
    if isinstance(rows, Spill):
        with rows.attached(con) as alias:
            yield rows.relation(alias)
        return
    con.register(_INCOMING, rows)
    try:
        yield _INCOMING
    finally:
        con.unregister(_INCOMING)


def _diff(
    con: duckdb.DuckDBPyConnection,
    dataset: Dataset,
    incoming: str,
    present: set[str],
    *,
    keep: bool = True,
) -> list[str]:
    """Join the new rows to the table on the key, inside DuckDB, and classify each.

    Fills the temporary table ``upload_diff``: ``_row``, ``action`` (insert / update /
    same), ``old_<column>`` (NULL for an insert) and ``new_<column>`` for every column, both
    in the stored types, from ``incoming`` (a relation of ``_incoming``). Columns the file
    does not have keep their stored values (see Dataset.given_columns). "same" means every
    column equal, NULL equal to NULL, numbers to SIGNIFICANT_DIGITS (so preview and commit
    agree: a value a spreadsheet rounded is neither counted nor written as replaced).
    Returns the columns the upload gives.

    ``keep=False`` makes it a view instead, computed again by each query that reads it: the
    preview only counts and samples it, and a million rows' old and new values held as a
    table cost the server as much memory as DuckDB is allowed.
    """
    columns = [c.name for c in dataset.columns]
    given = [c for c in columns if c in dataset.given_columns(present)]
    types = _column_types(con, dataset)
    typed = ", ".join(_typed(dataset, types, c) + " AS " + _ident(dataset, c) for c in columns)
    join = " AND ".join(
        "t." + _ident(dataset, k) + " = n." + _ident(dataset, k) for k in dataset.key
    )
    old = ", ".join(
        "t." + _ident(dataset, c) + " AS " + _ident(dataset, c, "old_") for c in columns
    )
    new = ", ".join(
        (
            "n." + _ident(dataset, c)
            if c in given
            else "CASE WHEN t.rowid IS NULL THEN n."
            + _ident(dataset, c)
            + " ELSE t."
            + _ident(dataset, c)
            + " END"
        )
        + " AS "
        + _ident(dataset, c, "new_")
        for c in columns
    )
    same = " AND ".join(_same_sql(dataset, types, c) for c in columns)
    sql = (
        "CREATE OR REPLACE TEMP " + ("TABLE " if keep else "VIEW ") + _DIFF + " AS"
        " WITH n AS (SELECT CAST(n._row AS BIGINT) AS _row, "
        + typed
        + " FROM "
        + incoming
        + " AS n),"
        " joined AS (SELECT n._row, t.rowid IS NOT NULL AS present, "
        + old
        + ", "
        + new
        + " FROM n LEFT JOIN "
        + store.quote_table(dataset.table)
        + " AS t ON "
        + join
        + ")"
        " SELECT _row, CASE WHEN NOT present THEN 'insert' WHEN "
        + same
        + " THEN 'same' ELSE 'update' END AS action, * EXCLUDE (_row, present) FROM joined"
    )
    con.execute(sql)
    return given


def _summary(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> tuple[dict, tuple[int, int]]:
    """(counts per action, signature) of the diff, computed in SQL in one pass."""
    counts = dict.fromkeys(ACTIONS, 0)
    values = ", ".join(
        _ident(dataset, c.name, p) for p in ("old_", "new_") for c in dataset.columns
    )
    sql = (
        "SELECT action, count(*), sum(CAST(hash(_row, action, " + values + ") AS HUGEINT))"
        " FROM " + _DIFF + " GROUP BY action"
    )
    total = 0
    for action, count, hashes in con.execute(sql).fetchall():
        counts[action] = count
        total += int(hashes)
    return counts, (sum(counts.values()), total)


def _sample(con: duckdb.DuckDBPyConnection, dataset: Dataset, limit: int) -> list[Change]:
    """The first ``limit`` rows of each action, by row number, as Change objects."""
    columns = [c.name for c in dataset.columns]
    select = ", ".join(_ident(dataset, c, p) for p in ("old_", "new_") for c in columns)
    sql = (
        "SELECT _row, action, "
        + select
        + " FROM "
        + _DIFF
        + " WHERE action = ? ORDER BY _row LIMIT ?"
    )
    changes = []
    for action in ACTIONS:
        for record in con.execute(sql, [action, limit]).fetchall():
            old = dict(zip(columns, record[2 : 2 + len(columns)], strict=True))
            new = dict(zip(columns, record[2 + len(columns) :], strict=True))
            key = {k: new[k] for k in dataset.key}
            changes.append(
                Change(int(record[0]), key, action, None if action == "insert" else old, new)
            )
    return sorted(changes, key=lambda c: c.row)


def preview(path: Path | str, validated: Validated) -> Preview:
    """What committing ``validated`` would do: exact counts per action, a signature of the
    whole diff, and the first ``PREVIEW_LIMIT`` rows of each action. Writes nothing."""
    if not validated.ok:
        raise NothingToCommitError("the file has errors or no rows")
    dataset, limit = validated.dataset, PREVIEW_LIMIT
    with store.connect(path) as con, _incoming(con, validated.rows) as incoming:
        _diff(con, dataset, incoming, validated.columns, keep=False)
        counts, signature = _summary(con, dataset)
        return Preview(dataset, counts, signature, _sample(con, dataset, limit), limit)


def commit(
    path: Path | str,
    validated: Validated,
    previewed: Preview,
    *,
    editor: str,
    filename: str,
    sha256: str,
    confirmed: Iterable[object] = (),
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> int:
    """Write the upload in one transaction; returns the new upload's id.

    Raises UnconfirmedRowsError, before anything is written, when a row of
    ``validated.to_confirm`` is not among ``confirmed`` (the rows, as the issues name them,
    the editor confirmed on the preview or with the CLI's --confirm-rows).

    Raises StalePreviewError if the database no longer matches ``previewed`` (any row's
    action or old values moved). On any failure (or a killed process) the transaction is
    rolled back and nothing is written. The change log gets, per added or replaced row in row
    order: the key (compact JSON, keys sorted), the old row (replaced rows) and the new row.
    """
    if not validated.ok:
        raise NothingToCommitError("the file has errors or no rows")
    ticked = {str(r) for r in confirmed}
    unconfirmed = [i.row for i in validated.to_confirm if str(i.row) not in ticked]
    if unconfirmed:
        raise UnconfirmedRowsError(unconfirmed)
    dataset = validated.dataset
    columns = [c.name for c in dataset.columns]
    table = store.quote_table(dataset.table)
    with _WRITE_LOCK, store.connect(path) as con, _incoming(con, validated.rows) as incoming:
        with store.transaction(con):
            given = _diff(con, dataset, incoming, validated.columns)
            counts, signature = _summary(con, dataset)
            if (counts, signature) != (previewed.counts, tuple(previewed.signature)):
                raise StalePreviewError("the data changed since the preview")
            upload_id = con.execute(
                """INSERT INTO upload (uploaded_at, editor, filename, sha256, dataset,
                       rows_added, rows_replaced, rows_unchanged)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                [
                    now(),
                    editor,
                    filename,
                    sha256,
                    dataset.code,
                    counts["insert"],
                    counts["update"],
                    counts["same"],
                ],
            ).fetchone()[0]
            # seq numbers the written rows in row order; sorting only the row numbers and
            # joining back is much cheaper than a window sorting every column along.
            sql = (
                "INSERT INTO upload_change (upload_id, seq, table_name, row_key, action, old_row,"
                " new_row) SELECT ?, s.seq, ?, "
                + _json_of(dataset, sorted(dataset.key), "new_")
                + ", action, CASE WHEN action = 'update' THEN "
                + _json_of(dataset, columns, "old_")
                + " END, "
                + _json_of(dataset, columns, "new_")
                + " FROM "
                + _DIFF
                + " JOIN (SELECT _row, row_number() OVER (ORDER BY _row) AS seq"
                " FROM " + _DIFF + " WHERE action <> 'same') AS s USING (_row)"
            )
            con.execute(sql, [upload_id, dataset.table])
            _checkpoint()
            # New rows are stored in key order: deleting them again (a revert) is then several
            # times faster, as DuckDB removes deleted rows from the primary-key index in
            # storage order (1M rows: ~3.5 s instead of ~18 s when the file is year by year).
            sql = (
                "INSERT INTO "
                + table
                + " ("
                + ", ".join(_ident(dataset, c) for c in columns)
                + ") SELECT "
                + ", ".join(_ident(dataset, c, "new_") for c in columns)
                + " FROM "
                + _DIFF
                + " WHERE action = 'insert' ORDER BY "
                + ", ".join(_ident(dataset, k, "new_") for k in dataset.key)
            )
            con.execute(sql)
            _checkpoint()
            values = [c for c in given if c not in dataset.key]  # the rest keep old values
            if values and counts["update"]:
                sql = (
                    "UPDATE "
                    + table
                    + " SET "
                    + ", ".join(
                        _ident(dataset, c) + " = d." + _ident(dataset, c, "new_") for c in values
                    )
                    + " FROM "
                    + _DIFF
                    + " AS d WHERE d.action = 'update' AND "
                    + " AND ".join(
                        table + "." + _ident(dataset, k) + " = d." + _ident(dataset, k, "new_")
                        for k in dataset.key
                    )
                )
                con.execute(sql)
            store.bump_data_version(con)
    return int(upload_id)


def history(path: Path | str) -> pd.DataFrame:
    """Every upload, newest first (columns of the ``upload`` table)."""
    with store.connect(path) as con:
        return con.execute("SELECT * FROM upload ORDER BY id DESC").df()


def revert(
    path: Path | str,
    upload_id: int,
    *,
    editor: str,
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> int:
    """Undo one upload in one transaction; returns how many rows were restored or removed.

    Removes the rows it added and puts back every value it replaced, parsed from the change
    log (compact JSON, or the spaced JSON older versions wrote) into the table's types. The
    replaced values stay in ``upload_change``: nothing is destroyed, and the revert is itself
    recorded (``reverted_at``, ``reverted_by``). Refuses while a later active upload touched
    the same rows (RevertConflictError lists them).
    """
    with _WRITE_LOCK, store.connect(path) as con:
        with store.transaction(con):
            row = con.execute(
                "SELECT dataset, reverted_at FROM upload WHERE id = ?", [upload_id]
            ).fetchone()
            if row is None:
                raise UnknownUploadError(upload_id)
            if row[1] is not None:
                raise AlreadyRevertedError(upload_id)
            dataset = DATASETS[row[0]]
            # row_key is compact JSON with sorted keys (migration v5 made older keys so too).
            later = con.execute(
                """SELECT DISTINCT later.upload_id
                   FROM upload_change AS mine
                   JOIN upload_change AS later
                     ON later.table_name = mine.table_name AND later.row_key = mine.row_key
                   JOIN upload AS u ON u.id = later.upload_id
                   WHERE mine.upload_id = ? AND later.upload_id > ? AND u.reverted_at IS NULL
                   ORDER BY 1""",
                [upload_id, upload_id],
            ).fetchall()
            if later:
                raise RevertConflictError([r[0] for r in later])
            count = con.execute(
                "SELECT count(*) FROM upload_change WHERE upload_id = ?", [upload_id]
            ).fetchone()[0]
            _remove_inserted(con, dataset, upload_id)
            _restore_replaced(con, dataset, upload_id)
            con.execute(
                "UPDATE upload SET reverted_at = ?, reverted_by = ? WHERE id = ?",
                [now(), editor, upload_id],
            )
            store.bump_data_version(con)
    return int(count)


def _logged(dataset: Dataset, types: dict[str, str], source: str, columns: list[str]) -> str:
    """A subquery of one upload's logged rows of one action (parameters: upload id, action),
    the JSON column ``source`` parsed into ``columns`` in the table's types."""
    return (
        "(SELECT UNNEST(CAST(CAST("
        + source
        + " AS JSON) AS "
        + _struct_type(dataset, types, columns)
        + "))"
        " FROM upload_change WHERE upload_id = ? AND action = ?)"
    )


def _remove_inserted(con: duckdb.DuckDBPyConnection, dataset: Dataset, upload_id: int) -> None:
    """Delete the rows the upload added (their keys from ``row_key``)."""
    table = store.quote_table(dataset.table)
    types = _column_types(con, dataset)
    sql = (
        "DELETE FROM "
        + table
        + " USING "
        + _logged(dataset, types, "row_key", list(dataset.key))
        + " AS gone WHERE "
        + " AND ".join(
            table + "." + _ident(dataset, k) + " = gone." + _ident(dataset, k) for k in dataset.key
        )
    )
    con.execute(sql, [upload_id, "insert"])


def _restore_replaced(con: duckdb.DuckDBPyConnection, dataset: Dataset, upload_id: int) -> None:
    """Put back every column of the rows the upload replaced (from ``old_row``)."""
    table = store.quote_table(dataset.table)
    types = _column_types(con, dataset)
    columns = [c.name for c in dataset.columns]
    values = [c for c in columns if c not in dataset.key]
    sql = (
        "UPDATE "
        + table
        + " SET "
        + ", ".join(_ident(dataset, c) + " = old." + _ident(dataset, c) for c in values)
        + " FROM "
        + _logged(dataset, types, "old_row", columns)
        + " AS old WHERE "
        + " AND ".join(
            table + "." + _ident(dataset, k) + " = old." + _ident(dataset, k) for k in dataset.key
        )
    )
    con.execute(sql, [upload_id, "update"])
