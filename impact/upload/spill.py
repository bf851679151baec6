"""Checked rows kept on disk between the check and the commit, not in the server's memory.

A province's file is a million rows; held as a pandas frame in the page's session between
the preview and the save, they cost the server about 400 MB for as long as the planner
looks at the preview. :class:`Spill` is a DuckDB file in a folder of its own under the
system's temporary directory (``$TMPDIR``), written by the checking engine
(:mod:`impact.upload.checks`) and read by the preview and the commit
(:mod:`impact.upload.changes`), each attaching it read-only for one statement's time.

The folder is removed by :meth:`Spill.remove` (after a save, when the file is taken off
the page, or replaced by another check), and in any case when the object is garbage
collected (the browser session ended) or the process exits.

The file is named by us (``tempfile.mkdtemp``); no text from an upload is part of its path.
Every temporary copy of an upload (these folders, the page's kept bytes, the bulk reader's
parts) is named :func:`prefix`: ``batik-upload-<process id>-``. A server that is killed runs
no clean-up, so :func:`remove_leftovers` (serve.py, at start) removes those whose process is
gone: an enterprise's records do not stay in ``$TMPDIR`` after a crash.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

PREFIX = "batik-upload-"
# Where copies are written: the system's temporary directory, and memory-backed /dev/shm
# (impact.upload.bulk writes the parts of a large CSV there when it has room).
SHM = "/dev/shm"


class SpillGoneError(FileNotFoundError):
    """The checked rows' file is gone from disk (its folder deleted under the server, say by
    a clean-up of ``$TMPDIR``, or removed by us): the file must be checked again before a
    preview or a save. Nothing was written."""


def prefix() -> str:
    """The name prefix of this process's temporary copies of uploads."""
    return f"{PREFIX}{os.getpid()}-"


def _owner(name: str) -> int | None:
    """The process id in a copy's name; None for a name without one (written before names
    carried it)."""
    pid, dash, _ = name[len(PREFIX) :].partition("-")
    return int(pid) if dash and pid.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_leftovers(directories: Sequence[str | Path] | None = None) -> list[Path]:
    """Remove the copies of uploads whose process has ended (``directories``: default the
    system's temporary directory and /dev/shm); the removed paths. Call it at start, before
    this process makes copies of its own: a copy named with this process's id is then a
    leftover of a crashed process that had the same id. Copies named without an id are
    removed too. Another running server's copies are kept."""
    own = os.getpid()
    removed: list[Path] = []
    for directory in directories or (tempfile.gettempdir(), SHM):
        try:
            entries = sorted(Path(directory).glob(PREFIX + "*"))
        except OSError:
            continue
        for entry in entries:
            pid = _owner(entry.name)
            if pid is not None and pid != own and _alive(pid):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            if not entry.exists():
                removed.append(entry)
    return removed


TABLE = "typed"  # the checked rows and the engine's working columns (see checks.check_source)


def part_table(part: int) -> str:
    """The table of the ``part``-th stretch of the file's rows: a large file is checked in
    parts side by side, each part written in its own table (see checks.check_source)."""
    return TABLE if part == 0 else TABLE + "_" + str(int(part))


def _quoted_path(path: Path) -> str:
    """A path of ours as an SQL string literal (ATTACH takes no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


class Spill:
    """The checked rows of one upload in a DuckDB file on disk.

    ``relation(alias)`` is the SQL of the rows a commit writes (``_row`` and the dataset's
    columns) once the file is attached as ``alias``; ``len()`` is their count. The rows are
    in one table per part of the file (``part_table``); ``first_rows`` are the spreadsheet
    numbers of each part's first row (its rows numbered on in order), or None when the one
    table has a ``_row`` column.
    """

    def __init__(self, directory: str | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=prefix(), dir=directory))
        self.path = self.folder / "rows.duckdb"
        self.columns: tuple[str, ...] = ()
        self.count = 0
        self.first_rows: tuple[int, ...] | None = None
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.folder), True)

    def __len__(self) -> int:
        return self.count

    @property
    def removed(self) -> bool:
        return not self._remove.alive

    def remove(self) -> None:
        """Delete the file and its folder (again: nothing)."""
        self._remove()

    def relation(self, alias: str) -> str:
        """The rows to write, once attached as ``alias`` (an identifier of ours): rows that
        failed no error check, i.e. every row but the blank ones when the file is clean."""
        if self.first_rows is None:
            parts = [(TABLE, "_row")]
        else:
            parts = [
                (part_table(k), "rowid + " + str(int(first)))
                for k, first in enumerate(self.first_rows)
            ]
        return (
            "("
            + " UNION ALL ".join(
                "SELECT "
                + ", ".join([row + " AS _row", *self.columns])
                + " FROM "
                + alias
                + "."
                + table
                + " WHERE _fails = 0"
                for table, row in parts
            )
            + ")"
        )

    @contextmanager
    def attached(self, con: duckdb.DuckDBPyConnection, *, read_only: bool = True) -> Iterator[str]:
        """Attach the file to ``con`` under a fresh alias for the block; yields the alias.
        Read-only, raises SpillGoneError when the file is no longer there (the checker
        attaches it read-write first, which makes it)."""
        if self.removed or (read_only and not self.path.is_file()):
            raise SpillGoneError(self.path)
        alias = "spill_" + str(int(secrets.randbits(63)))  # attached databases are per process
        mode = " (READ_ONLY)" if read_only else ""
        try:
            con.execute("ATTACH " + _quoted_path(self.path) + " AS " + alias + mode)
        except duckdb.IOException as exc:  # deleted between the look and the attach
            if not read_only or self.path.is_file():
                raise
            raise SpillGoneError(self.path) from exc
        try:
            yield alias
        finally:
            con.execute("DETACH " + alias)

    def frame(
        self, columns: Sequence[str] | None = None, *, distinct: bool = False
    ) -> pd.DataFrame:
        """The rows (or some of their columns, once each with ``distinct``) as a frame: for
        small answers (a save message's years and regions) and tests, never for a whole
        province's file in the server."""
        wanted = list(columns) if columns is not None else ["_row", *self.columns]
        unknown = set(wanted) - {"_row", *self.columns}
        if unknown:
            raise ValueError(f"unknown columns {sorted(unknown)}")
        con = duckdb.connect()
        try:
            with self.attached(con) as alias:
                sql = (
                    "SELECT "
                    + ("DISTINCT " if distinct else "")
                    + ", ".join(wanted)
                    + " FROM "
                    + self.relation(alias)
                    + ("" if distinct else " ORDER BY _row")
                )
                return con.sql(sql).to_arrow_table().to_pandas()
        finally:
            con.close()

    def size(self) -> int:
        """Bytes of the file on disk (0 once removed)."""
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0
