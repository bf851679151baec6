"""Storage faults get names (full disk, read-only folder, damaged file) and a failed COMMIT
keeps its own error instead of ROLLBACK's "no transaction is active"."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from impact import store


class CommitFails:
    """A connection whose COMMIT fails the way DuckDB's does on a full disk: the transaction
    is over afterwards, so ROLLBACK raises."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def execute(self, sql: str, *args):
        self.statements.append(sql)
        if sql == "COMMIT":
            raise duckdb.TransactionException(
                'TransactionContext Error: Failed to commit: Could not write file "b.wal": '
                "No space left on device"
            )
        if sql == "ROLLBACK":
            raise duckdb.TransactionException(
                "TransactionContext Error: cannot rollback - no transaction is active"
            )


def test_a_failed_commit_keeps_its_own_error() -> None:
    con = CommitFails()
    with pytest.raises(duckdb.TransactionException, match="No space left on device"):
        with store.transaction(con):
            con.execute("INSERT ...")
    assert con.statements == ["BEGIN TRANSACTION", "INSERT ...", "COMMIT", "ROLLBACK"]


def test_an_error_in_the_block_still_rolls_back(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "a.duckdb"))
    con.execute("CREATE TABLE t (i INTEGER)")
    with pytest.raises(ZeroDivisionError):
        with store.transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
            raise ZeroDivisionError
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (duckdb.IOException('Cannot open file "x": Read-only file system'), "StorageReadOnlyError"),
        (duckdb.IOException('Cannot open file "x": Permission denied'), "StorageReadOnlyError"),
        (
            duckdb.TransactionException("Failed to commit: ...: No space left on device"),
            "StorageFullError",
        ),
        (duckdb.IOException('"x" exists, but it is not a valid DuckDB database file!'), "Corrupt"),
        (duckdb.Error("Corrupt database file: computed checksum 1 does not match"), "Corrupt"),
        (OSError(28, "No space left on device"), "StorageFullError"),
        (OSError(30, "Read-only file system"), "StorageReadOnlyError"),
        (PermissionError(13, "Permission denied"), "StorageReadOnlyError"),
        (duckdb.CatalogException("Table with name x does not exist"), None),
        (FileNotFoundError(2, "No such file"), None),
    ],
)
def test_storage_faults_are_named(error, fault) -> None:
    named = store.storage_fault(error)
    if fault is None:
        assert named is None
    else:
        assert type(named).__name__.replace("DatabaseCorruptError", "Corrupt") == fault
        assert str(error) in str(named)


def test_a_damaged_file_is_named_not_a_traceback(tmp_path) -> None:
    garbage = tmp_path / "batik.duckdb"
    garbage.write_bytes(b"x" * 10_000)
    with pytest.raises(store.DatabaseCorruptError):
        store.data_version(garbage)
    assert garbage.read_bytes() == b"x" * 10_000


def test_a_damaged_block_is_named(tmp_path) -> None:
    path = tmp_path / "batik.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t AS SELECT range i, repeat('x', 100) s FROM range(100000)")
    with path.open("r+b") as f:
        f.seek(300_000)
        f.write(random.Random(14).randbytes(200_000))
    with pytest.raises(store.DatabaseCorruptError, match="checksum"):
        with store.connect(path) as con:
            con.execute("SELECT sum(length(s)) FROM t").fetchone()


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 600 KiB tmpfs (needs root; skipped elsewhere): a real full disk."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_real_full_disk_during_a_transaction(small_disk) -> None:
    with pytest.raises(store.StorageFullError, match="No space left on device"):
        with store.connect(small_disk / "batik.duckdb") as con:
            con.execute("CREATE TABLE t (i INTEGER, s VARCHAR)")
            with store.transaction(con):
                con.execute(
                    "INSERT INTO t SELECT range, repeat('x', 100) || range FROM range(50000)"
                )
    with store.connect(small_disk / "batik.duckdb") as con:  # the file still opens, unchanged
        assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_a_real_read_only_folder(small_disk) -> None:
    with duckdb.connect(str(small_disk / "batik.duckdb")) as con:
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(store.StorageReadOnlyError, match="Read-only file system"):
        store.data_version(small_disk / "batik.duckdb")
    with pytest.raises(store.StorageReadOnlyError):
        store.ensure_database(small_disk / "new" / "batik.duckdb")
