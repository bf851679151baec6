"""DuckDB I/O: schema, migrations, seeding from ``data/`` and read queries.

A process opens each database file once and hands every block a cursor of it (see
:func:`connect`); the file is let go when nobody uses it. DuckDB lets one process hold a file
read-write at a time, so a long-held connection in the dashboard would lock out the admin CLI;
letting go between uses keeps both usable. Values are always bound as parameters; the only
identifiers that reach SQL text come from the fixed tuples in this module.
"""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import NoReturn

import duckdb
import pandas as pd

from impact import config, status

PROJECT_DIR = config.PROJECT_DIR
DEFAULT_DATA_DIR = config.DATA_DIR
DEFAULT_DB_PATH = config.DEFAULT_DB_PATH
DB_PATH_ENV = config.DB_PATH

STATUSES = status.ORDER
KINDS = ("level", "share", "score", "count", "index", "rate")
OBSTACLE_CATEGORIES = ("structural", "technical", "coordination", "resources")
ACTORS = ("government", "association", "entrepreneurs")
ELEMENTS = ("dialogue", "trust", "commitment", "understanding", "outcomes")


class StoreError(Exception):
    """Base class of the store's named faults."""


class DatabaseBusyError(StoreError):
    """Another process kept the database file locked past the retry budget."""


class DatabaseCorruptError(StoreError):
    """The database file is not a DuckDB file, or a block of it fails its checksum."""


class StorageFullError(StoreError):
    """The disk (or quota) is full: the write was cancelled, nothing changed."""


class WorkingSpaceError(StorageFullError):
    """DuckDB ran out of memory for a large write; on a nearly full disk it cannot spill its
    temporary blocks either, and says "out of memory". Cancelled, nothing changed."""


class StorageReadOnlyError(StoreError):
    """The data folder or file may not be written (read-only file system, no permission)."""


_FAULT_WORDS: tuple[tuple[type[StoreError], tuple[str, ...]], ...] = (
    # DuckDB 2.0 gives no errno; these are its words, measured (impact/store tests).
    (StorageFullError, ("no space left on device", "disk quota exceeded")),
    (StorageReadOnlyError, ("read-only file system", "permission denied")),
    (
        DatabaseCorruptError,
        (
            "not a valid duckdb database file",
            "corrupt database file",
            "could not read enough bytes",  # a file cut short (half-copied, truncated)
        ),
    ),
)
_FAULT_ERRNOS = {
    errno.ENOSPC: StorageFullError,
    errno.EDQUOT: StorageFullError,
    errno.EROFS: StorageReadOnlyError,
    errno.EACCES: StorageReadOnlyError,
    errno.EPERM: StorageReadOnlyError,
}


def _raise_named(exc: BaseException) -> NoReturn:
    """Raise the named fault behind ``exc`` (chained to it), or ``exc`` itself."""
    fault = storage_fault(exc)
    if fault is None:
        raise exc
    raise fault from exc


def storage_fault(exc: BaseException) -> StoreError | None:
    """The named fault behind a DuckDB or OS error (full disk, read-only folder, corrupt
    file), or None when it is none of those. Its message keeps the original's words."""
    if isinstance(exc, StoreError):
        return exc
    kind: type[StoreError] | None = None
    if isinstance(exc, OSError):
        kind = _FAULT_ERRNOS.get(exc.errno or 0)
    elif isinstance(exc, duckdb.OutOfMemoryException):
        kind = WorkingSpaceError
    elif isinstance(exc, duckdb.Error):
        text = str(exc).lower()
        kind = next((k for k, words in _FAULT_WORDS if any(w in text for w in words)), None)
    return kind(str(exc)) if kind else None


def _in_list(values: tuple[str, ...]) -> str:
    # Only module constants reach here, never user input.
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


# Each migration is a list of statements; the index + 1 is the schema version it produces.
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
        """CREATE TABLE region (code VARCHAR PRIMARY KEY, name_id VARCHAR NOT NULL,
               name_en VARCHAR NOT NULL)""",
        """CREATE TABLE sector (code VARCHAR PRIMARY KEY, name_id VARCHAR NOT NULL,
               name_en VARCHAR NOT NULL)""",
        f"""CREATE TABLE indicator (
               code VARCHAR PRIMARY KEY,
               name_id VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
               definition_id VARCHAR, definition_en VARCHAR,
               formula VARCHAR, unit VARCHAR NOT NULL,
               kind VARCHAR NOT NULL CHECK (kind IN ({_in_list(KINDS)})),
               frequency VARCHAR NOT NULL, agency VARCHAR NOT NULL)""",
        f"""CREATE TABLE observation (
               indicator VARCHAR NOT NULL REFERENCES indicator(code),
               region VARCHAR NOT NULL REFERENCES region(code),
               sector VARCHAR NOT NULL REFERENCES sector(code),
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               value DOUBLE NOT NULL,
               low DOUBLE, high DOUBLE,
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL,
               note VARCHAR,
               PRIMARY KEY (indicator, region, sector, year),
               CHECK (low IS NULL OR high IS NULL OR low <= high))""",
        f"""CREATE TABLE obstacle_item (
               code VARCHAR PRIMARY KEY,
               category VARCHAR NOT NULL CHECK (category IN ({_in_list(OBSTACLE_CATEGORIES)})),
               name_id VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
               source VARCHAR NOT NULL, note VARCHAR)""",
        f"""CREATE TABLE obstacle (
               item VARCHAR NOT NULL REFERENCES obstacle_item(code),
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL, note VARCHAR,
               PRIMARY KEY (item, year))""",
        f"""CREATE TABLE collaboration (
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               actor VARCHAR NOT NULL CHECK (actor IN ({_in_list(ACTORS)})),
               element VARCHAR NOT NULL CHECK (element IN ({_in_list(ELEMENTS)})),
               score DOUBLE NOT NULL CHECK (score BETWEEN 1 AND 5),
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL,
               evidence_id VARCHAR, evidence_en VARCHAR,
               PRIMARY KEY (year, actor, element))""",
        """CREATE TABLE program_type (code VARCHAR PRIMARY KEY, name_id VARCHAR NOT NULL,
               name_en VARCHAR NOT NULL)""",
        f"""CREATE TABLE program (
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               program VARCHAR NOT NULL REFERENCES program_type(code),
               agency VARCHAR NOT NULL,
               region VARCHAR NOT NULL REFERENCES region(code),
               count INTEGER CHECK (count >= 0),
               budget_rp DOUBLE CHECK (budget_rp >= 0),
               participants INTEGER CHECK (participants >= 0),
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL, note VARCHAR,
               PRIMARY KEY (year, program, agency, region))""",
    ],
    [
        # Upload history: every committed file, and every row it added or replaced, with the
        # replaced values kept (as JSON) so a revert restores them exactly.
        "CREATE SEQUENCE upload_id_seq START 1",
        """CREATE TABLE upload (
               id INTEGER PRIMARY KEY DEFAULT nextval('upload_id_seq'),
               uploaded_at TIMESTAMP NOT NULL,
               editor VARCHAR NOT NULL,
               filename VARCHAR NOT NULL,
               sha256 VARCHAR NOT NULL,
               dataset VARCHAR NOT NULL,
               rows_added INTEGER NOT NULL,
               rows_replaced INTEGER NOT NULL,
               rows_unchanged INTEGER NOT NULL,
               reverted_at TIMESTAMP,
               reverted_by VARCHAR)""",
        """CREATE TABLE upload_change (
               upload_id INTEGER NOT NULL REFERENCES upload(id),
               seq INTEGER NOT NULL,
               table_name VARCHAR NOT NULL,
               row_key VARCHAR NOT NULL,
               action VARCHAR NOT NULL CHECK (action IN ('insert', 'update')),
               old_row VARCHAR,
               new_row VARCHAR NOT NULL,
               PRIMARY KEY (upload_id, seq))""",
    ],
    [
        # Which figures each obstacle holds back (an indicator, or a program's outputs).
        # target_kind 'indicator' -> indicator.code; 'program' -> program_type.code.
        """CREATE TABLE obstacle_link (
               item VARCHAR NOT NULL REFERENCES obstacle_item(code),
               target_kind VARCHAR NOT NULL CHECK (target_kind IN ('indicator', 'program')),
               target VARCHAR NOT NULL,
               note VARCHAR,
               PRIMARY KEY (item, target_kind, target))""",
        f"""CREATE TABLE program_target (
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               program VARCHAR NOT NULL REFERENCES program_type(code),
               agency VARCHAR NOT NULL,
               region VARCHAR NOT NULL REFERENCES region(code),
               target_count INTEGER CHECK (target_count >= 0),
               target_participants INTEGER CHECK (target_participants >= 0),
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL, note VARCHAR,
               PRIMARY KEY (year, program, agency, region))""",
    ],
    [
        # One row per enterprise per year; ids are pseudonymous (no names). programs is a
        # ';'-separated list of program_type codes the enterprise joined that year.
        f"""CREATE TABLE enterprise_record (
               enterprise_id VARCHAR NOT NULL,
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               region VARCHAR NOT NULL,
               sector VARCHAR NOT NULL,
               size_class VARCHAR NOT NULL CHECK (size_class IN ('micro', 'small', 'medium')),
               income DOUBLE NOT NULL CHECK (income >= 0),
               workers INTEGER CHECK (workers >= 0),
               output DOUBLE CHECK (output >= 0),
               programs VARCHAR,
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL,
               PRIMARY KEY (enterprise_id, year))""",
    ],
    [
        # The change log is now written by DuckDB (to_json: compact, keys sorted); earlier
        # keys were Python's json.dumps(sort_keys=True) with ", " and ": ". A revert matches
        # keys across uploads as text, so rewrite the old ones in the compact form (json()
        # parses and re-writes minified, keeping key order). old_row/new_row are parsed, not
        # compared as text, so they stay as written.
        "UPDATE upload_change SET row_key = json(row_key) WHERE row_key <> json(row_key)",
    ],
    [
        # The illustrative Rp income of 2023 was seeded as the point 4,800,000, the midpoint of
        # the study's reported +50-70%: a figure derived from a range shown as a point (+60%).
        # It carries the range now (3,000,000 x 1.5 .. x 1.7), unless someone changed the row.
        """UPDATE observation SET low = 4500000, high = 5100000
           WHERE indicator = 'batik_income_avg' AND region = 'blitar' AND sector = 'batik'
             AND year = 2023 AND value = 4800000 AND low IS NULL AND high IS NULL
             AND status = 'illustrative'""",
    ],
    [
        # BPS marks kept with a value (status.MARKS): '*' provisional, '**' very provisional,
        # 'r' revised; NULL for a final figure. DuckDB cannot add a column with a CHECK
        # constraint, so the upload check (the 'mark' code list) is what keeps it to MARKS.
        "ALTER TABLE observation ADD COLUMN IF NOT EXISTS mark VARCHAR",
    ],
    [
        # Targets from the RPJMD or a dinas Renstra, per indicator, region, sector and year,
        # with the way that is better (achievement: realisation / target, or the inverse).
        f"""CREATE TABLE IF NOT EXISTS indicator_target (
               indicator VARCHAR NOT NULL REFERENCES indicator(code),
               region VARCHAR NOT NULL REFERENCES region(code),
               sector VARCHAR NOT NULL REFERENCES sector(code),
               year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
               target DOUBLE NOT NULL,
               direction VARCHAR NOT NULL CHECK (direction IN ('higher', 'lower')),
               status VARCHAR NOT NULL CHECK (status IN ({_in_list(STATUSES)})),
               source VARCHAR NOT NULL, note VARCHAR,
               PRIMARY KEY (indicator, region, sector, year))""",
    ],
    [
        # The owner's gender of an enterprise record ('P' perempuan, 'L' laki-laki; NULL: not
        # recorded), for gender-disaggregated figures (PUG). Existing rows stay NULL. As for
        # 'mark', the upload check (the 'gender' code list) keeps it to P and L.
        "ALTER TABLE enterprise_record ADD COLUMN IF NOT EXISTS owner_gender VARCHAR",
    ],
    [
        # The study reports 2021 and 2023 only; the seed once filled 2022 with the straight
        # line's midpoint (income index 130, competitiveness 70), marked illustrative. A
        # figure nobody published is a guess: charts now draw the gap instead. Removed
        # unless someone uploaded a figure in its place (then value, status or source differ).
        """DELETE FROM observation
           WHERE region = 'blitar' AND sector = 'batik' AND year = 2022
             AND status = 'illustrative' AND source = 'Nilai ilustratif tim dasbor, bukan data resmi'
             AND ((indicator = 'batik_income_index' AND value = 130)
               OR (indicator = 'batik_competitiveness' AND value = 70))""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

# Seed files in load order (parents before children), each with the table it fills. Each
# file is loaded once (recorded in meta as 'seed:<file>'); new seed data goes in new files, so
# an existing database picks it up on the next start without touching uploaded rows.
SEED_FILES: tuple[tuple[str, str], ...] = (
    ("region", "regions.csv"),
    ("sector", "sectors.csv"),
    ("indicator", "indicators.csv"),
    ("program_type", "program_types.csv"),
    ("obstacle_item", "obstacle_items.csv"),
    ("observation", "observations.csv"),
    ("obstacle", "obstacles.csv"),
    ("collaboration", "collaboration.csv"),
    ("program", "programs.csv"),
    ("indicator", "indicators_drivers.csv"),
    ("observation", "observations_drivers.csv"),
    ("observation", "observations_regions.csv"),
    ("obstacle_link", "obstacle_links.csv"),
    ("program_target", "program_targets.csv"),
    ("sector", "sectors_creative.csv"),
    ("indicator", "indicators_creative.csv"),
    ("observation", "observations_creative.csv"),
    ("indicator_target", "indicator_targets.csv"),
    # Public benchmarks for the regions view (Jawa Timur, Indonesia), with source and status.
    ("indicator", "indicators_benchmarks.csv"),
    ("observation", "observations_benchmarks.csv"),
    # Published figures from shared/data/public_figures.csv (UMK, economic growth, Kota Kediri's
    # and more years' CPI inflation, batik benchmarks), each reported with its source as it
    # reached us; data/public_figures_map.csv says which public row each one is.
    ("region", "regions_public.csv"),
    ("indicator", "indicators_public.csv"),
    ("observation", "observations_public.csv"),
)
_FIRST_SEED_FILES = SEED_FILES[:9]  # what a database marked 'seeded' (schema v1) already has
TABLES = (
    *dict.fromkeys(table for table, _ in SEED_FILES),
    "enterprise_record",
    "upload",
    "upload_change",
)


def quote_table(table: str) -> str:
    """The one way a table name reaches SQL text: allow-listed, then quoted."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    return '"' + table + '"'


def db_path_from_env() -> Path:
    """The database file: ``$BATIK_DB_PATH`` if set, else ``data/batik.duckdb``."""
    return config.db_path()


# Tables whose rows carry a status; a view that hides a status hides their rows of it.
STATUS_TABLES = (
    "observation",
    "obstacle",
    "collaboration",
    "program",
    "program_target",
    "indicator_target",
    "enterprise_record",
)
# The statuses every connection opened in this context leaves out (see :func:`hiding`).
_HIDDEN: ContextVar[tuple[str, ...]] = ContextVar("hidden_statuses", default=())


@contextmanager
def hiding(*statuses: str) -> Iterator[None]:
    """Within the block, every connection this module opens reads the store without rows of
    ``statuses`` (e.g. ``hiding("illustrative")``: what a planner can defend in public).

    One mechanism for every query, so a figure, a chart point, a table row or a source built
    on a hidden row cannot slip through one reader that forgot a filter: each connection
    shadows the status tables with temporary views of the rows kept. Read-only use: writes
    inside the block would go to the views and fail. Threads started inside do not inherit
    it (a ContextVar), so run the readers in the block's own thread.
    """
    unknown = set(statuses) - set(STATUSES)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}")
    token = _HIDDEN.set(tuple(sorted(set(_HIDDEN.get()) | set(statuses))))
    try:
        yield
    finally:
        _HIDDEN.reset(token)


def hidden_statuses() -> tuple[str, ...]:
    """The statuses hidden from connections opened here now (empty: every row is read)."""
    return _HIDDEN.get()


def _own_catalog(con: duckdb.DuckDBPyConnection) -> str:
    """The connection's database as a quoted identifier (DuckDB names it after the file), so
    a temporary view can name its table without naming itself."""
    catalog = con.execute("SELECT current_database()").fetchone()[0]
    return '"' + str(catalog).replace('"', '""') + '"'


def _shadow_hidden(con: duckdb.DuckDBPyConnection, hidden: tuple[str, ...]) -> None:
    # Unqualified names resolve to the temporary schema first, so these views stand in for
    # the tables in every query of this connection. The view reads the table through its
    # catalog (a view named like its table would otherwise read itself). The statuses are
    # checked against STATUSES by hiding(); the catalog name is quoted as an identifier.
    source = _own_catalog(con) + ".main."
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for table in STATUS_TABLES:
        if table in tables:
            con.execute(
                "CREATE TEMP VIEW "
                + quote_table(table)
                + " AS SELECT * FROM "
                + source
                + quote_table(table)
                + " WHERE status NOT IN ("
                + _in_list(hidden)
                + ")"
            )


class _Shared:
    """The one DuckDB connection of this process to one database file, and who uses it.

    ``users`` counts the blocks inside :func:`connect` and :func:`session`; the connection is
    closed when it drops to 0, so another process (the CLI) can take the file between uses.
    While another process says it waits (``<file>.waiting``), newcomers wait for the users
    inside to finish (``draining``, see :func:`_acquire`), so a steady stream of viewers
    cannot keep an import out; ``since`` (when it was opened) keeps this from thrashing.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.con: duckdb.DuckDBPyConnection | None = None
        self.users = 0
        self.since = 0.0
        self.draining = False


_SHARED: dict[str, _Shared] = {}
# Per thread: how many blocks of each file this thread is inside. A thread already inside
# (a deck build's session) never waits for a drain it would itself be holding up.
_HELD = threading.local()
_SHARED_LOCK = threading.Lock()
# When another process waits for the file (see _WAITING), the file is let go once it has
# been held this long (newcomers wait), and then stays free _GAP_S: the waiter polls every
# 0.1 s, so 0.3 s gives it a few tries.
_HOLD_S = 0.5
_GAP_S = 0.3
# A process refused the file touches this file beside it; a holder that sees it touched
# within _WAITING_S seconds lets the file go at the next chance (see _acquire).
_WAITING = ".waiting"
_WAITING_S = 1.0
# The longest a newcomer waits for this process's own users to let the file go.
_DRAIN_WAIT_S = 60.0


def _shared(path: Path | str) -> tuple[str, _Shared]:
    key = str(Path(path).resolve())
    with _SHARED_LOCK:
        return key, _SHARED.setdefault(key, _Shared())


def _busy(exc: duckdb.Error) -> bool:
    """Another holder of the file: a process's lock ("Could not set lock on file"), or a
    handle of this process being closed or opened outside :func:`connect` ("Unique file
    handle conflict"). Both pass; a retry is the answer."""
    text = str(exc).lower()
    return (
        "could not set lock" in text or "conflicting lock" in text or "unique file handle" in text
    )


def _someone_waiting(key: str) -> bool:
    """Whether another process was refused the file within the last _WAITING_S seconds."""
    try:
        return time.time() - Path(key + _WAITING).stat().st_mtime < _WAITING_S
    except OSError:
        return False


def _say_waiting(key: str) -> None:
    try:
        Path(key + _WAITING).touch()
    except OSError:
        pass  # a read-only folder: the holder lets go when its users finish, as before


def _open(key: str, deadline: float, wait_s: float) -> duckdb.DuckDBPyConnection:
    last: Exception | None = None
    while True:
        try:
            con = duckdb.connect(key)
            break
        except duckdb.Error as exc:
            if not _busy(exc):
                _raise_named(exc)
            last = exc
            if time.monotonic() + wait_s > deadline:
                raise DatabaseBusyError(key) from last
            _say_waiting(key)
            time.sleep(wait_s)
    if last is not None:
        Path(key + _WAITING).unlink(missing_ok=True)
    try:
        # SET takes no parameters; config.duckdb_memory() only returns a checked size.
        con.execute("SET memory_limit = '" + config.duckdb_memory() + "'")
    except BaseException:
        con.close()
        raise
    return con


def _counts(name: str) -> dict[str, int]:
    counts: dict[str, int] = _HELD.__dict__.setdefault(name, {})
    return counts


def _acquire(
    key: str, shared: _Shared, deadline: float, wait_s: float, *, pin: bool = False
) -> None:
    """Count one more user of the file's connection, opening it if none is open. Waits (up to
    ``deadline``) while it drains for another process, or while another thread opens it.

    ``pin``: a :func:`session`'s count. Between its queries (no block of this thread open),
    a session gives its pins up while the file drains, and takes them back after: a long
    deck build neither keeps an import out nor makes every viewer wait for it to end.
    """
    with shared.cond:
        if (
            shared.con is not None
            and shared.users
            and time.monotonic() - shared.since > _HOLD_S
            and _someone_waiting(key)
        ):
            shared.draining = True
        held, pins = _counts("held"), _counts("pins")
        mine, pinned = held.get(key, 0), pins.get(key, 0)
        yielded = 0
        if shared.draining and mine and mine == pinned:
            yielded = pinned  # only this thread's session pins: let the file go with the rest
            shared.users -= yielded
            if not shared.users:
                _let_go(shared)
        # A drain ends when this process's own users finish (a query, or a deck build's
        # stretch between queries), so it is waited out on its own budget; the retry budget
        # is for another process's lock.
        drain_deadline = time.monotonic() + _DRAIN_WAIT_S
        while shared.draining and (yielded or not mine):
            if not shared.cond.wait(timeout=max(0.0, drain_deadline - time.monotonic())):
                shared.users += yielded  # counted again, so its session's release balances
                raise DatabaseBusyError(key)
            deadline = max(deadline, time.monotonic() + _GAP_S + wait_s)
        if shared.con is None:
            # Opened under the lock: two threads opening (or one closing while another opens)
            # the same file is what DuckDB refuses with "Unique file handle conflict".
            try:
                shared.con = _open(key, deadline, wait_s)
            except BaseException:
                shared.users += yielded
                raise
            shared.since = time.monotonic()
        shared.users += yielded + 1
        held[key] = mine + 1
        if pin:
            pins[key] = pinned + 1


def _let_go(shared: _Shared) -> None:
    """Close the file's connection (no user left); after a drain, leave the file free a
    moment for the process waiting, then let this process's newcomers in."""
    assert shared.con is not None
    shared.con.close()
    shared.con = None
    if shared.draining:
        time.sleep(_GAP_S)  # the file is free: another process may take it now
        shared.draining = False
    shared.cond.notify_all()


def _release(key: str, shared: _Shared, *, pin: bool = False) -> None:
    with shared.cond:
        _counts("held")[key] -= 1
        if pin:
            _counts("pins")[key] -= 1
        shared.users -= 1
        if not shared.users and shared.con is not None:
            _let_go(shared)


# Attempts to take a file another process holds, when a caller gives none (see patience()).
_PATIENCE: ContextVar[int] = ContextVar("patience", default=50)


@contextmanager
def patience(retries: int) -> Iterator[None]:
    """Within the block, :func:`connect` and :func:`session` try ``retries`` times (0.1 s
    apart) to take a file another process holds: a page waits ~5 s, an operator's command
    may wait longer."""
    token = _PATIENCE.set(retries)
    try:
        yield
    finally:
        _PATIENCE.reset(token)


@contextmanager
def session(path: Path | str, *, retries: int | None = None, wait_s: float = 0.1) -> Iterator[None]:
    """Keep this process's connection to ``path`` open for the block, so that every
    :func:`connect` inside (a deck build's 40-odd queries) shares one opened database instead
    of opening and closing the file each time. Each connect still gets its own cursor."""
    key, shared = _shared(path)
    deadline = time.monotonic() + (retries or _PATIENCE.get()) * wait_s
    _acquire(key, shared, deadline, wait_s, pin=True)
    try:
        yield
    finally:
        _release(key, shared, pin=True)


@contextmanager
def connect(
    path: Path | str, *, retries: int | None = None, wait_s: float = 0.1
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on this process's one connection to ``path``, for this block and thread.

    DuckDB lets one process hold a file at a time, and inside a process one database handle
    per file: opening the file again while another thread opens or closes it fails ("Unique
    file handle conflict"). So the process opens the file once (under a lock, see
    :class:`_Shared`) and each block gets ``con.cursor()``: a connection handle of its own
    (safe in its thread, its own transactions and temporary views) on the shared database.
    Always read-write: DuckDB refuses, inside one process, a read-only handle beside a
    read-write one on the same file, and the dashboard both reads and writes.

    While another process (the CLI) holds the file, waits up to about ``retries * wait_s``
    seconds (``retries`` by default 50, or as set by :func:`patience`), then raises
    DatabaseBusyError; a full disk, a read-only folder or a damaged file raise their named
    faults.
    """
    key, shared = _shared(path)
    _acquire(key, shared, time.monotonic() + (retries or _PATIENCE.get()) * wait_s, wait_s)
    try:
        with shared.cond:
            assert shared.con is not None  # held open by this block's count
            cur = shared.con.cursor()
        try:
            # Temporary views belong to the handle that creates them: made on this cursor,
            # they hide rows from this block's queries only (see hiding()).
            if hidden := _HIDDEN.get():
                _shadow_hidden(cur, hidden)
            yield cur
        except (duckdb.Error, OSError) as exc:
            # A full disk, a read-only folder or a damaged block found mid-query: named, so
            # the page and the CLI can say what happened and what to do.
            _raise_named(exc)
        finally:
            cur.close()
    finally:
        _release(key, shared)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: committed when the block ends, rolled back on any exception (a
    KeyboardInterrupt or a stopped thread too), so a failed write leaves nothing behind."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # After a failed COMMIT (a full disk) DuckDB has already ended the transaction, and
    # ROLLBACK raises "cannot rollback - no transaction is active", which would replace the
    # real error. The caller re-raises that one; a failing ROLLBACK adds nothing to it.
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in ``meta``, 0 for an empty file."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the file has not seen yet, each in its own transaction."""
    current = schema_version(con)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        for statement in MIGRATIONS[version - 1]:
            con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
        con.execute("COMMIT")
    return SCHEMA_VERSION


def _read_seed(path: Path) -> pd.DataFrame:
    # Seeds are small, committed, UTF-8 files we write ourselves; keep_default_na=False keeps
    # empty text as "", then we turn empty strings into NULL explicitly.
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return frame.replace({"": None})


def seed(con: duckdb.DuckDBPyConnection, data_dir: Path = DEFAULT_DATA_DIR) -> bool:
    """Load the seed files not loaded before, in one transaction. True if it loaded any.

    Idempotent: each file is loaded once, and rows whose key already exists are skipped
    (INSERT OR IGNORE), so uploads made later are never overwritten by a restart.
    """
    loaded = {r[0] for r in con.execute("SELECT key FROM meta WHERE key LIKE 'seed:%'").fetchall()}
    if con.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone():
        loaded |= {f"seed:{name}" for _, name in _FIRST_SEED_FILES}
    todo = [(table, name) for table, name in SEED_FILES if f"seed:{name}" not in loaded]
    if not todo:
        return False
    with transaction(con):
        for table, filename in todo:
            frame = _read_seed(Path(data_dir) / filename)
            con.register("seed_frame", frame)
            con.execute(
                "INSERT OR IGNORE INTO " + quote_table(table) + " BY NAME SELECT * FROM seed_frame"
            )
            con.unregister("seed_frame")
            con.execute(
                "INSERT INTO meta VALUES (?, current_timestamp::VARCHAR)", [f"seed:{filename}"]
            )
        bump_data_version(con)
    return True


def bump_data_version(con: duckdb.DuckDBPyConnection) -> None:
    """Count one more change of the data (inside the writer's transaction); caches key on it."""
    con.execute(
        """INSERT INTO meta VALUES ('data_version', '1')
           ON CONFLICT (key) DO UPDATE SET value = (CAST(meta.value AS INTEGER) + 1)::VARCHAR"""
    )


def ensure_database(path: Path | str, data_dir: Path = DEFAULT_DATA_DIR) -> Path:
    """Create the file if needed, migrate it to the current schema and seed it once."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _raise_named(exc)
    with connect(path) as con:
        migrate(con)
        seed(con, data_dir)
    return path


def data_version(path: Path | str) -> int:
    """A number that changes whenever the data changes; caches key on it."""
    with connect(path) as con:
        row = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    return int(row[0]) if row else 0


def read_table(path: Path | str, table: str) -> pd.DataFrame:
    """Every row of one of the known tables (for the sources page and tests)."""
    sql = "SELECT * FROM " + quote_table(table) + " ORDER BY ALL"
    with connect(path) as con:
        return con.execute(sql).df()


def code_names(path: Path | str, table: str, lang: str) -> dict[str, str]:
    """code -> name in ``lang`` of a code list (region, sector, indicator, program_type)."""
    frame = read_table(path, table)
    return dict(zip(frame["code"], frame["name_en" if lang == "en" else "name_id"], strict=True))


def row_count(path: Path | str, table: str) -> int:
    """How many rows one of the known tables holds."""
    sql = "SELECT count(*) FROM " + quote_table(table)
    with connect(path) as con:
        return int(con.execute(sql).fetchone()[0])


def observations(
    path: Path | str,
    indicator: str,
    region: str | None = None,
    sector: str | None = None,
) -> pd.DataFrame:
    """One indicator's yearly observations, oldest first.

    Columns: indicator, region, sector, year, value, low, high, status, source, note, mark
    (a BPS mark of status.MARKS, or None for a final figure).
    ``region``/``sector`` of None mean every region/sector.
    """
    with connect(path) as con:
        return con.execute(
            """SELECT indicator, region, sector, year, value, low, high, status, source, note,
                      mark
               FROM observation
               WHERE indicator = $indicator
                 AND ($region IS NULL OR region = $region)
                 AND ($sector IS NULL OR sector = $sector)
               ORDER BY region, sector, year""",
            {"indicator": indicator, "region": region, "sector": sector},
        ).df()


def obstacles_with_latest_severity(path: Path | str) -> pd.DataFrame:
    """Every obstacle item with its category, names and most recent severity (if any).

    Columns: code, category, name_id, name_en, source, note, year, severity, status.
    """
    with connect(path) as con:
        return con.execute(
            """SELECT i.code, i.category, i.name_id, i.name_en, i.source, i.note,
                      o.year, o.severity, o.status
               FROM obstacle_item AS i
               LEFT JOIN (
                   SELECT * FROM obstacle QUALIFY row_number() OVER (
                       PARTITION BY item ORDER BY year DESC) = 1
               ) AS o ON o.item = i.code
               ORDER BY i.category, o.severity DESC NULLS LAST, i.code"""
        ).df()


BACKUP_FILE = "batik.duckdb"
BACKUP_MANIFEST = "manifest.json"


class BackupError(StoreError):
    """A backup folder is missing its files (``code`` 'missing'), or its checksum does not
    match (``code`` 'checksum')."""

    def __init__(self, code: str, directory: Path, file: Path) -> None:
        self.code, self.directory, self.file = code, directory, file
        if code == "missing":
            message = f"{directory} has no {BACKUP_FILE} and {BACKUP_MANIFEST}"
        else:
            message = f"{file} does not match the checksum in {BACKUP_MANIFEST}"
        super().__init__(message)


def backup(path: Path | str, directory: Path | str) -> Path:
    """Copy the database into ``directory`` (a consistent copy: checkpointed, writers held off).

    Writes ``batik.duckdb`` and ``manifest.json`` (SHA-256, data version, schema version).
    """
    import hashlib
    import json
    import shutil

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / BACKUP_FILE
    with connect(path) as con:  # holding it keeps other processes from writing meanwhile
        con.execute("CHECKPOINT")
        version = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        schema = schema_version(con)
        shutil.copyfile(path, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    manifest = {
        "sha256": digest,
        "data_version": int(version[0]) if version else 0,
        "schema_version": schema,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    (directory / BACKUP_MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return target


def restore(path: Path | str, directory: Path | str) -> None:
    """Replace the database with the backup in ``directory`` after checking its SHA-256.

    The restored file gets a data version above both its own and the current one, so every
    cache in a running dashboard sees the change.
    """
    import hashlib
    import json
    import shutil

    directory, path = Path(directory), Path(path)
    source, manifest_path = directory / BACKUP_FILE, directory / BACKUP_MANIFEST
    if not source.exists() or not manifest_path.exists():
        raise BackupError("missing", directory, source)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if hashlib.sha256(source.read_bytes()).hexdigest() != manifest["sha256"]:
        raise BackupError("checksum", directory, source)
    current = data_version(path) if path.exists() else 0
    staging = path.with_name(path.name + ".restore")
    shutil.copyfile(source, staging)
    with connect(staging) as con:
        migrate(con)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'data_version'",
            [str(max(current, manifest["data_version"]) + 1)],
        )
        con.execute("CHECKPOINT")
    with connect(path):  # wait until no other process holds the file, then swap it
        staging.replace(path)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.unlink()


# --- queries for the pages (aggregation happens here, in DuckDB) --------------------------


def series_catalog(path: Path | str) -> pd.DataFrame:
    """Which series exist: indicator, region, sector, first and last year, number of years."""
    with connect(path) as con:
        return con.execute(
            """SELECT indicator, region, sector, min(year) AS first_year, max(year) AS last_year,
                      count(*) AS years
               FROM observation GROUP BY ALL ORDER BY ALL"""
        ).df()


def obstacle_severity(path: Path | str) -> pd.DataFrame:
    """Every obstacle item's severity per year with its category and names.

    Columns: item, category, name_id, name_en, year, severity, status, source.
    """
    with connect(path) as con:
        return con.execute(
            """SELECT o.item, i.category, i.name_id, i.name_en, o.year, o.severity, o.status,
                      o.source
               FROM obstacle AS o JOIN obstacle_item AS i ON i.code = o.item
               ORDER BY i.category, o.item, o.year"""
        ).df()


def targets_with_realisation(path: Path | str, region: str | None = None) -> pd.DataFrame:
    """Every target with the figure of its year beside it (NULL value when none yet).

    Columns: indicator, region, sector, year, target, direction, status, source, note, value,
    low, high, real_status, real_source.
    """
    with connect(path) as con:
        return con.execute(
            """SELECT t.indicator, t.region, t.sector, t.year, t.target, t.direction, t.status,
                      t.source, t.note, o.value, o.low, o.high, o.status AS real_status,
                      o.source AS real_source
               FROM indicator_target AS t
               LEFT JOIN observation AS o USING (indicator, region, sector, year)
               WHERE $region IS NULL OR t.region = $region
               ORDER BY t.indicator, t.region, t.sector, t.year""",
            {"region": region},
        ).df()


def obstacle_links(path: Path | str) -> pd.DataFrame:
    """Obstacle -> affected figure, with the figure's names. Columns: item, category,
    item_id, item_en, target_kind, target, target_id, target_en."""
    with connect(path) as con:
        return con.execute(
            """SELECT l.item, i.category, i.name_id AS item_id, i.name_en AS item_en,
                      l.target_kind, l.target,
                      coalesce(ind.name_id, p.name_id) AS target_id,
                      coalesce(ind.name_en, p.name_en) AS target_en
               FROM obstacle_link AS l
               JOIN obstacle_item AS i ON i.code = l.item
               LEFT JOIN indicator AS ind ON l.target_kind = 'indicator' AND ind.code = l.target
               LEFT JOIN program_type AS p ON l.target_kind = 'program' AND p.code = l.target
               ORDER BY i.category, l.item, l.target_kind, l.target"""
        ).df()


def collaboration_scores(path: Path | str, year: int | None = None) -> pd.DataFrame:
    """Ansell & Gash element scores by actor (all years, or one). Columns as the table."""
    with connect(path) as con:
        return con.execute(
            """SELECT * FROM collaboration WHERE $year IS NULL OR year = $year
               ORDER BY year, element, actor""",
            {"year": year},
        ).df()


def program_summary(path: Path | str, region: str | None = None) -> pd.DataFrame:
    """Outputs per year and program type, summed over agencies, with targets.

    Columns: year, program, name_id, name_en, count, budget_rp, participants,
    target_count, target_participants, source (distinct sources joined by '; '), status (the
    weakest of the rows and targets summed).
    """
    with connect(path) as con:
        return con.execute(
            """WITH actual AS (
                    SELECT year, program, sum(count) AS count, sum(budget_rp) AS budget_rp,
                           sum(participants) AS participants,
                           max(list_position(['reported', 'estimated', 'illustrative'], status)) AS rank,
                           string_agg(DISTINCT source, '; ') AS source
                    FROM program WHERE $region IS NULL OR region = $region GROUP BY ALL),
                target AS (
                    SELECT year, program, sum(target_count) AS target_count,
                           sum(target_participants) AS target_participants,
                           max(list_position(['reported', 'estimated', 'illustrative'], status)) AS rank
                    FROM program_target WHERE $region IS NULL OR region = $region GROUP BY ALL)
                SELECT a.year, a.program, t.name_id, t.name_en, a.count, a.budget_rp,
                       a.participants, g.target_count, g.target_participants, a.source,
                       ['reported', 'estimated', 'illustrative'][greatest(a.rank, coalesce(g.rank, 1))]
                           AS status
                FROM actual AS a
                JOIN program_type AS t ON t.code = a.program
                LEFT JOIN target AS g USING (year, program)
                ORDER BY a.year, a.program""",
            {"region": region},
        ).df()


def all_observations(
    path: Path | str,
    indicator: str | None = None,
    region: str | None = None,
    status: str | None = None,
) -> pd.DataFrame:
    """Every observation with indicator names and units, filtered (None = all)."""
    with connect(path) as con:
        return con.execute(
            """SELECT o.indicator, i.name_id, i.name_en, i.unit, i.kind, o.region, o.sector,
                      o.year, o.value, o.low, o.high, o.status, o.source, o.note,
                      o.mark
               FROM observation AS o JOIN indicator AS i ON i.code = o.indicator
               WHERE ($indicator IS NULL OR o.indicator = $indicator)
                 AND ($region IS NULL OR o.region = $region)
                 AND ($status IS NULL OR o.status = $status)
               ORDER BY o.indicator, o.region, o.sector, o.year""",
            {"indicator": indicator, "region": region, "status": status},
        ).df()
