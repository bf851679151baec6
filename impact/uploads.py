"""Preview, commit and revert uploads; the upload history. The only writer besides seeding.

* :func:`preview` diffs validated rows against the database (added / replaced / unchanged).
* :func:`commit` writes them in one transaction, recording the upload and every replaced
  value; it re-diffs inside the transaction and refuses if the data moved since the preview.
* :func:`revert` restores exactly the values an upload replaced and removes what it added.

Writers are serialized: a process-wide lock here, and DuckDB's file lock across processes
(the admin CLI and the dashboard), with short-lived connections and bounded retries.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from impact import store
from impact.datasets import DATASETS, Dataset
from impact.validation import Validated, Vocabulary

_WRITE_LOCK = threading.Lock()


class UploadError(Exception):
    """Base class of the named faults of committing and reverting."""


class NothingToCommitError(UploadError):
    """The validated file has errors or no rows, so there is nothing to write."""


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
    return vocab


def _quote(dataset: Dataset, column: str) -> str:
    # Column names only ever come from the dataset declarations (constants).
    if column not in {c.name for c in dataset.columns}:
        raise ValueError(f"unknown column {column!r}")
    return '"' + column + '"'


def _clean(value: object) -> object:
    """A cell as a JSON-able Python value: NaN/NA -> None, numpy scalars -> Python."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _same(a: object, b: object) -> bool:
    a, b = _clean(a), _clean(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
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
    dataset: Dataset
    changes: list[Change]

    def of(self, action: str) -> list[Change]:
        return [c for c in self.changes if c.action == action]

    @property
    def counts(self) -> dict[str, int]:
        return {a: len(self.of(a)) for a in ("insert", "update", "same")}

    def signature(self) -> list[tuple]:
        """What the commit must find again: every row's action and old values."""
        return [(c.action, json.dumps(c.key, sort_keys=True), json.dumps(c.old, sort_keys=True))
                for c in self.changes]  # fmt: skip

    def replaced_table(self) -> pd.DataFrame:
        """One line per replaced value: row, key, column, old, new (for the preview page)."""
        lines = []
        for change in self.of("update"):
            for column, new in change.new.items():
                old = change.old.get(column)
                if not _same(old, new):
                    lines.append({"row": change.row, "key": " · ".join(map(str, change.key.values())),
                                  "column": column, "old": old, "new": new})  # fmt: skip
        return pd.DataFrame(lines, columns=["row", "key", "column", "old", "new"])


def _diff(con, dataset: Dataset, rows: pd.DataFrame, present: set[str]) -> list[Change]:
    """Join the new rows to the table on the key, inside DuckDB, and classify each.

    Columns the file does not have keep their stored values (see Dataset.given_columns).
    """
    given = dataset.given_columns(present)
    columns = [c.name for c in dataset.columns]
    new = rows[["_row", *columns]].copy()
    con.register("incoming", new)
    select_old = ", ".join(f"t.{_quote(dataset, c)} AS old_{c}" for c in columns)
    join = " AND ".join(f"t.{_quote(dataset, k)} = n.{_quote(dataset, k)}" for k in dataset.key)
    sql = (
        "SELECT n.*, t.rowid IS NOT NULL AS present, " + select_old
        + " FROM incoming AS n LEFT JOIN " + store.quote_table(dataset.table)
        + " AS t ON " + join + " ORDER BY n._row"
    )  # fmt: skip
    joined = con.execute(sql).df()
    con.unregister("incoming")
    changes = []
    for record in joined.to_dict("records"):
        new_values = {c: _clean(record[c]) for c in columns}
        key = {k: new_values[k] for k in dataset.key}
        if not record["present"]:
            changes.append(Change(int(record["_row"]), key, "insert", None, new_values))
            continue
        old_values = {c: _clean(record["old_" + c]) for c in columns}
        new_values = {c: new_values[c] if c in given else old_values[c] for c in columns}
        same = all(_same(old_values[c], new_values[c]) for c in columns)
        changes.append(
            Change(int(record["_row"]), key, "same" if same else "update", old_values, new_values)
        )
    return changes


def preview(path: Path | str, validated: Validated) -> Preview:
    """What committing ``validated`` would do, row by row. Writes nothing."""
    if not validated.ok:
        raise NothingToCommitError("the file has errors or no rows")
    with store.connect(path) as con:
        return Preview(
            validated.dataset, _diff(con, validated.dataset, validated.rows, validated.columns)
        )


def commit(
    path: Path | str,
    validated: Validated,
    previewed: Preview,
    *,
    editor: str,
    filename: str,
    sha256: str,
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> int:
    """Write the upload in one transaction; returns the new upload's id.

    Raises StalePreviewError if the database no longer matches ``previewed``. On any
    failure (or a killed process) the transaction is rolled back and nothing is written.
    """
    if not validated.ok:
        raise NothingToCommitError("the file has errors or no rows")
    dataset = validated.dataset
    columns = [c.name for c in dataset.columns]
    with _WRITE_LOCK, store.connect(path) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            changes = _diff(con, dataset, validated.rows, validated.columns)
            if [(c.action, json.dumps(c.key, sort_keys=True), json.dumps(c.old, sort_keys=True))
                    for c in changes] != previewed.signature():  # fmt: skip
                raise StalePreviewError("the data changed since the preview")
            counts = Preview(dataset, changes).counts
            upload_id = con.execute(
                """INSERT INTO upload (uploaded_at, editor, filename, sha256, dataset,
                       rows_added, rows_replaced, rows_unchanged)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                [now(), editor, filename, sha256, dataset.code,
                 counts["insert"], counts["update"], counts["same"]],
            ).fetchone()[0]  # fmt: skip
            written = [c for c in changes if c.action != "same"]
            log = pd.DataFrame(
                [
                    {
                        "upload_id": upload_id,
                        "seq": seq,
                        "table_name": dataset.table,
                        "row_key": json.dumps(c.key, sort_keys=True),
                        "action": c.action,
                        "old_row": None if c.old is None else json.dumps(c.old),
                        "new_row": json.dumps(c.new),
                    }
                    for seq, c in enumerate(written, start=1)
                ],
                columns=["upload_id", "seq", "table_name", "row_key", "action", "old_row",
                         "new_row"],
            )  # fmt: skip
            con.register("change_log", log)
            con.execute("INSERT INTO upload_change BY NAME SELECT * FROM change_log")
            _checkpoint()
            inserts = pd.DataFrame(
                [c.new for c in written if c.action == "insert"], columns=columns
            )
            if not inserts.empty:
                con.register("inserts", inserts)
                con.execute(
                    "INSERT INTO "
                    + store.quote_table(dataset.table)
                    + " BY NAME SELECT * FROM inserts"
                )
            _checkpoint()
            updates = pd.DataFrame(
                [c.new for c in written if c.action == "update"], columns=columns
            )
            if not updates.empty:
                _apply_updates(con, dataset, updates)
            store.bump_data_version(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return int(upload_id)


def _apply_updates(con, dataset: Dataset, rows: pd.DataFrame) -> None:
    con.register("updates", rows)
    values = [c.name for c in dataset.columns if c.name not in dataset.key]
    assign = ", ".join(f"{_quote(dataset, c)} = u.{_quote(dataset, c)}" for c in values)
    match = " AND ".join(
        f"{store.quote_table(dataset.table)}.{_quote(dataset, k)} = u.{_quote(dataset, k)}"
        for k in dataset.key
    )
    sql = (
        "UPDATE "
        + store.quote_table(dataset.table)
        + " SET "
        + assign
        + " FROM updates AS u WHERE "
        + match
    )
    con.execute(sql)
    con.unregister("updates")


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

    The replaced values stay in ``upload_change``: nothing is destroyed, and the revert is
    itself recorded (``reverted_at``, ``reverted_by``).
    """
    with _WRITE_LOCK, store.connect(path) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            row = con.execute(
                "SELECT dataset, reverted_at FROM upload WHERE id = ?", [upload_id]
            ).fetchone()
            if row is None:
                raise UnknownUploadError(upload_id)
            if row[1] is not None:
                raise AlreadyRevertedError(upload_id)
            dataset = DATASETS[row[0]]
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
            changes = con.execute(
                "SELECT action, row_key, old_row FROM upload_change WHERE upload_id = ? "
                "ORDER BY seq DESC",
                [upload_id],
            ).fetchall()
            table = store.quote_table(dataset.table)
            match = " AND ".join(f"{_quote(dataset, k)} = ?" for k in dataset.key)
            values = [c.name for c in dataset.columns if c.name not in dataset.key]
            assign = ", ".join(f"{_quote(dataset, c)} = ?" for c in values)
            delete_sql = "DELETE FROM " + table + " WHERE " + match
            restore_sql = "UPDATE " + table + " SET " + assign + " WHERE " + match
            for action, row_key, old_row in changes:
                key = json.loads(row_key)
                key_values = [key[k] for k in dataset.key]
                if action == "insert":
                    con.execute(delete_sql, key_values)
                else:
                    old = json.loads(old_row)
                    con.execute(restore_sql, [old[c] for c in values] + key_values)
            con.execute(
                "UPDATE upload SET reverted_at = ?, reverted_by = ? WHERE id = ?",
                [now(), editor, upload_id],
            )
            store.bump_data_version(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return len(changes)
